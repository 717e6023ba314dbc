"""The ``govreport_quantities`` component: every quantity, as MONEY/PERCENT/QUANTITY."""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._component import StatelessComponent
from .extensions import register_extensions
from .words import char_spans, doc_text
from .models import ENTITY_LABELS as LABELS
from .models import Quantity
from .numbers import find_quantities

__all__ = ["ReportQuantities", "make_quantities", "LABELS"]


def _outside(quantities: Iterable[Quantity], ranges: list[list[int]]) -> list[Quantity]:
    """Drop quantities that fall in debris (bylines, footers, page numbers)."""
    if not ranges:
        return list(quantities)
    return [q for q in quantities if not any(s <= q.start < e for s, e in ranges)]


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
        found = _outside(find_quantities(doc_text(doc)), doc._.govreport_debris or [])
        self.set_annotations(doc, found)
        return doc

    def set_annotations(self, doc: Doc, quantities: list[Quantity]) -> None:
        """Store the quantities and their entity spans on the Doc."""
        doc._.govreport_quantities = quantities
        if not self.set_ents:
            return
        spans = char_spans(doc, ((q.start, q.end, LABELS.get(q.kind, "QUANTITY")) for q in quantities))
        doc.ents = filter_spans(list(doc.ents) + spans)


@Language.factory(
    "govreport_quantities",
    default_config={"set_ents": True},
    assigns=["doc._.govreport_quantities", "doc.ents"],
    requires=["doc._.govreport_debris"],
)
def make_quantities(nlp: Language, name: str, set_ents: bool) -> ReportQuantities:
    """Create the ``govreport_quantities`` component."""
    return ReportQuantities(nlp, name, set_ents=set_ents)
