"""The ``govreport_linker`` component: every quantity tied to subject, change, time, org."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .base import StatelessComponent
from .doc_cache import doc_text, word_bounds
from .extensions import SUBJECT_SPANS, register_extensions
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

    def link(self, doc: Doc) -> list[Fact]:
        """Link the quantities of a Doc, without writing anything."""
        quantities = doc._.govreport_quantities or []
        if not quantities:
            return []
        return assemble_facts(
            doc_text(doc), quantities, sentences=doc._.govreport_sentences or [], bounds=word_bounds(doc),
            sections=doc._.govreport_sections or [], entities=doc._.govreport_entities or [],
            table_spans=doc._.govreport_table_spans or [], row_subjects=doc._.govreport_row_subjects,
            table_cells=doc._.govreport_table_cells)

    def set_annotations(self, doc: Doc, facts: list[Fact]) -> None:
        """Store the facts on the Doc, and each subject as a span of
        ``doc.spans["govreport_subjects"]`` (label ``SUBJECT``, ``span._.govreport_quantity``
        the quantity it measures; a subject shared by several numbers has one span each)."""
        doc._.govreport_facts = facts
        doc.spans[SUBJECT_SPANS] = subject_spans(doc, facts)


def subject_spans(doc: Doc, facts: list[Fact]) -> list[Span]:
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
    requires=["doc._.govreport_quantities", "doc._.govreport_sentences", "doc._.govreport_sections",
              "doc._.govreport_entities", "doc._.govreport_table_spans", "doc._.govreport_row_subjects",
              "doc._.govreport_table_cells"],
)
def make_linker(nlp: Language, name: str) -> ReportLinker:
    """Create the ``govreport_linker`` component."""
    return ReportLinker(nlp, name)
