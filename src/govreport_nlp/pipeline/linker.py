"""The ``govreport_linker`` component: every quantity tied to subject, change, time, org."""

from __future__ import annotations

from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import StatelessComponent
from .doc_cache import doc_text, word_bounds
from .extensions import SUBJECT_SPANS, register_extensions
from ..layers import EntityLayer, FactLayer, Layout, QuantityLayer, Tables
from ..models import Fact
from ..rules.facts import assemble_facts

__all__ = ["ReportLinker", "make_linker"]


class ReportLinker(StatelessComponent):
    """Build one :class:`Fact` per quantity: subject, change, time, org, section, sentence
    (``rules/facts.assemble_facts`` over what the components before wrote)."""

    def __init__(self, nlp: Language, name: str = "govreport_linker") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.link(doc))
        return doc

    def link(self, doc: Doc) -> FactLayer:
        """Link the quantities of a Doc, without writing anything."""
        found: QuantityLayer = doc._.govreport_quantities or QuantityLayer()
        if not found.quantities:
            return FactLayer()
        layout: Layout = doc._.govreport_layout or Layout()
        entities: EntityLayer = doc._.govreport_entities or EntityLayer()
        tables: Tables = doc._.govreport_tables or Tables()
        return FactLayer(tuple(assemble_facts(
            doc_text(doc), list(found.quantities), sentences=layout.sentences, bounds=word_bounds(doc),
            sections=layout.sections, entities=entities.entities, table_spans=tables.spans,
            row_subjects=found.row_subjects,
            table_cells={k: c._asdict() for k, c in found.cells.items()})))

    def set_annotations(self, doc: Doc, layer: FactLayer) -> None:
        """Store the facts on the Doc, and each subject as a span of
        ``doc.spans["govreport_subjects"]`` (label ``SUBJECT``, ``span._.govreport_quantity``
        the quantity it measures; a subject shared by several numbers has one span each)."""
        doc._.govreport_facts = layer
        doc.spans[SUBJECT_SPANS] = subject_spans(doc, layer.facts)


def subject_spans(doc: Doc, facts: Sequence[Fact]) -> list[Span]:
    """One span per fact whose subject is written in its sentence: the nearest occurrence
    before the number, else after it (a subject composed from words apart has none)."""
    text = doc_text(doc)
    spans = []
    for fact in facts:
        subject, q = fact.subject, fact.quantity
        if not subject:
            continue
        lo, hi = fact.sentence_start, fact.sentence_start + len(fact.sentence)
        at = text.rfind(subject, lo, q.start)
        if at < 0:
            at = text.find(subject, q.end, max(hi, q.end))
        if at < 0:
            continue
        span = doc.char_span(at, at + len(subject), label="SUBJECT", alignment_mode="expand",
                             span_id=fact.id)
        if span is None:
            continue
        span._.govreport_quantity = q
        spans.append(span)
    return spans


@Language.factory(
    "govreport_linker",
    assigns=["doc._.govreport_facts", "doc.spans"],
    requires=["doc._.govreport_quantities", "doc._.govreport_layout", "doc._.govreport_entities",
              "doc._.govreport_tables"],
)
def make_linker(nlp: Language, name: str) -> ReportLinker:
    """Create the ``govreport_linker`` component."""
    return ReportLinker(nlp, name)
