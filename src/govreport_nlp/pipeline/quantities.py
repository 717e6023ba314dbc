"""The ``govreport_quantities`` component: every quantity, as MONEY/PERCENT/QUANTITY."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import char_spans, doc_text
from ..models import Quantity, entity_label
from ..rules.ranges import inside
from ..numbers.normalizer import find_quantities
from ..rules.quantities import find_stat_rows, find_table_cells, outside_place_names, outside_section_numbers

__all__ = ["ReportQuantities", "make_quantities"]


def _outside(quantities: Iterable[Quantity], ranges: list[list[int]]) -> list[Quantity]:
    """Drop quantities that fall in debris (bylines, footers, page numbers)."""
    if not ranges:
        return list(quantities)
    return [q for q in quantities if not inside(q.start, ranges)]


class ReportQuantities(StatelessComponent):
    """Find every quantity with the normalizer's scanner.

    Writes ``doc._.govreport_quantities`` (exact :class:`Quantity` objects) and adds
    MONEY, PERCENT and QUANTITY entities to ``doc.ents``.
    """

    def __init__(self, nlp: Language, name: str = "govreport_quantities", *, set_ents: bool = True) -> None:
        register_extensions()
        self.name = name
        self.set_ents = set_ents

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        rows = find_stat_rows(text)
        found = outside_section_numbers(text, outside_place_names(
            text, _outside(find_quantities(text), doc._.govreport_debris or [])))
        if rows:
            # In a statistics-table row the number after the unit column is the quantity;
            # a number inside the label (计1条) is part of the label.
            labels = sorted((r.label_start, r.quantity.start) for r in rows)
            found = [q for q in found if not inside(q.start, labels)]
            found = sorted(found + [r.quantity for r in rows], key=lambda q: q.start)
        cells = [c for c in find_table_cells(text) if not inside(c.quantity.start, doc._.govreport_debris or [])]
        if cells:
            # A table cell is read with its column; the scanner's reading of it (100% in a
            # cell) gives way.
            taken = {(c.quantity.start, c.quantity.end) for c in cells}
            spans = sorted(taken)
            found = [q for q in found if not any(s < q.end and q.start < e for s, e in spans)]
            found = sorted(found + [c.quantity for c in cells], key=lambda q: q.start)
        self.set_annotations(doc, found, {r.quantity.start: r.subject for r in rows},
                             {c.quantity.start: {"subject": c.subject, "column": c.column, "change": c.change}
                              for c in cells})
        return doc

    def set_annotations(self, doc: Doc, quantities: list[Quantity],
                        row_subjects: Optional[dict[int, str]] = None,
                        table_cells: Optional[dict[int, dict]] = None) -> None:
        """Store the quantities, the subjects of statistics-table rows and table cells,
        and entity spans."""
        doc._.govreport_quantities = quantities
        doc._.govreport_row_subjects = row_subjects or {}
        doc._.govreport_table_cells = table_cells or {}
        if not self.set_ents:
            return
        spans = char_spans(doc, ((q.start, q.end, entity_label(q.kind)) for q in quantities))
        doc.ents = filter_spans(list(doc.ents) + spans)


@Language.factory(
    "govreport_quantities",
    default_config={"set_ents": True},
    assigns=["doc._.govreport_quantities", "doc._.govreport_row_subjects", "doc._.govreport_table_cells",
             "doc.ents"],
    requires=["doc._.govreport_debris"],
)
def make_quantities(nlp: Language, name: str, set_ents: bool) -> ReportQuantities:
    """Create the ``govreport_quantities`` component."""
    return ReportQuantities(nlp, name, set_ents=set_ents)
