"""The ``govreport_quantities`` component: every quantity, as MONEY/PERCENT/QUANTITY."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import char_spans, doc_text
from ..layers import CellContext, Layout, QuantityLayer
from ..models import Quantity, entity_label
from ..rules.ranges import inside
from ..numbers.normalizer import find_quantities
from ..rules.quantities import find_stat_rows, find_table_cells, outside_place_names, outside_section_numbers

__all__ = ["ReportQuantities", "find_layer", "make_quantities"]


def _outside(quantities: Iterable[Quantity], ranges: Sequence[Sequence[int]]) -> list[Quantity]:
    """Drop quantities that fall in debris (bylines, footers, page numbers)."""
    if not ranges:
        return list(quantities)
    return [q for q in quantities if not inside(q.start, ranges)]


class ReportQuantities(StatelessComponent):
    """Find every quantity with the normalizer's scanner.

    Writes one :class:`~govreport_nlp.layers.QuantityLayer` to ``doc._.govreport_quantities``
    (exact :class:`Quantity` objects, statistics-row subjects, unit-table cells) and, with
    ``set_ents``, adds MONEY, PERCENT and QUANTITY entities to ``doc.ents``.
    """

    def __init__(self, nlp: Language, name: str = "govreport_quantities", *, set_ents: bool = True) -> None:
        register_extensions()
        self.name = name
        self.set_ents = set_ents

    def __call__(self, doc: Doc, *, set_ents: Optional[bool] = None) -> Doc:
        """Find the quantities. ``set_ents`` overrides the component's setting for this
        Doc (``extract()`` reads the layer and skips ``doc.ents``)."""
        layout: Optional[Layout] = doc._.govreport_layout
        self.set_annotations(doc, find_layer(doc_text(doc), layout.debris if layout else ()),
                             set_ents=self.set_ents if set_ents is None else set_ents)
        return doc

    def set_annotations(self, doc: Doc, layer: QuantityLayer, *, set_ents: bool = True) -> None:
        """Store the quantities and, with ``set_ents``, their entity spans."""
        doc._.govreport_quantities = layer
        if not set_ents:
            return
        spans = char_spans(doc, ((q.start, q.end, entity_label(q.kind)) for q in layer.quantities))
        doc.ents = filter_spans(list(doc.ents) + spans)


def find_layer(text: str, debris: Sequence[Sequence[int]] = ()) -> QuantityLayer:
    """Every quantity of a text outside its debris, with the statistics-row subjects and
    the unit-table cells: what the component writes."""
    rows = find_stat_rows(text)
    found = outside_section_numbers(text, outside_place_names(text, _outside(find_quantities(text), debris)))
    if rows:
        # In a statistics-table row the number after the unit column is the quantity;
        # a number inside the label (计1条) is part of the label.
        labels = sorted((r.label_start, r.quantity.start) for r in rows)
        found = [q for q in found if not inside(q.start, labels)]
        found = sorted(found + [r.quantity for r in rows], key=lambda q: q.start)
    cells = [c for c in find_table_cells(text) if not inside(c.quantity.start, debris)]
    if cells:
        # A table cell is read with its column; the scanner's reading of it (100% in a
        # cell) gives way.
        spans = sorted({(c.quantity.start, c.quantity.end) for c in cells})
        found = [q for q in found if not any(s < q.end and q.start < e for s, e in spans)]
        found = sorted(found + [c.quantity for c in cells], key=lambda q: q.start)
    return QuantityLayer(quantities=tuple(found), row_subjects={r.quantity.start: r.subject for r in rows},
                         cells={c.quantity.start: CellContext(c.subject, c.column, c.change) for c in cells})


@Language.factory(
    "govreport_quantities",
    default_config={"set_ents": True},
    assigns=["doc._.govreport_quantities", "doc.ents"],
    requires=["doc._.govreport_layout"],
)
def make_quantities(nlp: Language, name: str, set_ents: bool) -> ReportQuantities:
    """Create the ``govreport_quantities`` component."""
    return ReportQuantities(nlp, name, set_ents=set_ents)
