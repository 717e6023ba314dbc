"""The ``govreport_linker`` component: every quantity tied to subject, change, time, org."""

from __future__ import annotations

import bisect
import hashlib

from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from ..rules.breakdowns import link_breakdowns
from ..rules.linker import Link, link_sentence
from ..models import Entity, Fact, Quantity, Section
from .doc_cache import doc_text, forget_text, word_bounds

__all__ = ["ReportLinker", "make_linker"]


def _fact_id(text: str, q: Quantity) -> str:
    """A stable id: the same quantity at the same place in the same text keeps it."""
    digest = hashlib.blake2s(f"{q.start}:{q.end}:{q.text}".encode(), digest_size=6).hexdigest()
    return f"f{q.start}-{digest}"


def _section_path(sections: list[Section], pos: int) -> list[str]:
    path: list[str] = []
    for s in sections:
        if s.start <= pos < s.end and len(s.path) > len(path):
            path = s.path
    return list(path)


class ReportLinker(StatelessComponent):
    """Build one :class:`Fact` per quantity: subject, change, time, org, section, sentence."""

    def __init__(self, nlp: Language, name: str = "govreport_linker") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.link(doc))
        return doc

    def link(self, doc: Doc) -> list[Fact]:
        """Link the quantities of a Doc, without writing anything."""
        text = doc_text(doc)
        quantities: list[Quantity] = doc._.govreport_quantities or []
        # Numbers inside the template tables are cells (template_tables), not facts.
        table_spans = doc._.govreport_table_spans or []
        if table_spans:
            quantities = [q for q in quantities if not any(s <= q.start < e for s, e in table_spans)]
        if not quantities:
            return []
        sentences = doc._.govreport_sentences or [[0, len(text)]]
        sections = doc._.govreport_sections or []
        entities: list[Entity] = doc._.govreport_entities or []
        dates = sorted((e for e in entities if e.label == "DATE"), key=lambda e: e.start)
        date_starts = [d.start for d in dates]
        orgs = [e for e in entities if e.label == "ORG"]
        bounds = word_bounds(doc)
        row_subjects: dict[int, str] = doc._.govreport_row_subjects or {}
        table_cells: dict[int, dict] = doc._.govreport_table_cells or {}
        starts = [s for s, _ in sentences]
        groups: dict[int, list[Quantity]] = {}
        for q in quantities:
            i = bisect.bisect_right(starts, q.start) - 1
            groups.setdefault(max(i, 0), []).append(q)
        linked: list[tuple[Quantity, Link, int, int]] = []
        for i, qs in sorted(groups.items()):
            s, e = sentences[i]
            e = max(e, qs[-1].end)
            for q, ln in zip(qs, link_sentence(text, s, e, qs, bounds)):
                if q.start in row_subjects:  # a statistics-table row names its own subject
                    ln = Link(subject=row_subjects[q.start], subject_start=q.start, rule="table_row")
                elif q.start in table_cells:  # so does a table cell, with its column
                    cell = table_cells[q.start]
                    ln = Link(subject=cell["subject"], subject_start=q.start, rule="table_cell",
                              change=cell["change"])
                linked.append((q, ln, s, e))
        breakdowns = link_breakdowns(text, [x[0] for x in linked], [x[1] for x in linked])
        facts: list[Fact] = []
        for (q, ln, s, e), (parent, context_of) in zip(linked, breakdowns):
            before = dates[bisect.bisect_left(date_starts, s):bisect.bisect_left(date_starts, q.start)]
            as_of = next((d.value for d in reversed(before) if d.relation == "as_of"), None)
            period = next((d.value for d in reversed(before) if d.relation is None and len(d.value) == 4), None)
            org = next((o.text for o in reversed(orgs) if s <= o.start < q.start), None)
            facts.append(Fact(
                id=_fact_id(text, q), subject=ln.subject, subject_rule=ln.rule if ln.subject else None,
                column=table_cells[q.start]["column"] if q.start in table_cells else None,
                change=ln.change, quantity=q,
                parent=parent, context_of=context_of, as_of=as_of, period=period, org=org,
                sentence=text[s:e], sentence_start=s, section_path=_section_path(sections, q.start),
            ))
        return facts

    def set_annotations(self, doc: Doc, facts: list[Fact]) -> None:
        """Store the facts on the Doc (and drop the text our components shared)."""
        doc._.govreport_facts = facts
        forget_text(doc)


@Language.factory(
    "govreport_linker",
    assigns=["doc._.govreport_facts"],
    requires=["doc._.govreport_quantities", "doc._.govreport_sentences", "doc._.govreport_entities",
              "doc._.govreport_table_spans"],
)
def make_linker(nlp: Language, name: str) -> ReportLinker:
    """Create the ``govreport_linker`` component."""
    return ReportLinker(nlp, name)
