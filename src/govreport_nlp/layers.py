"""The typed result each pipeline stage writes on a Doc.

One frozen result per component, in data-flow order::

    govreport_sections    -> Layout          (meta, headings, paragraphs, sentences, debris)
    govreport_quantities  -> QuantityLayer   (quantities, statistics-row subjects, unit-table cells)
    govreport_entities    -> EntityLayer     (ORG, GPE, DATE)
    govreport_tables      -> Tables          (the FOI template tables, cell by CellKey)
    govreport_linker      -> FactLayer       (one Fact per quantity)
    govreport_consistency -> Checks          (fact -> cell links, warnings)

A component reads the results before it and never rewrites them. Every offset indexes
the text of the Doc the result was computed on; ``shift`` moves a result by an offset
and ``merge`` joins the results of consecutive pieces of one text, so that a report
processed in pieces is assembled into the same report as one processed in one Doc
(see ``api.extract``). The results are plain frozen dataclasses holding the public
pydantic models: building them costs nothing next to the rules that fill them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, NamedTuple, Optional, Sequence, TypeVar, Union

from .ids import fact_id
from .models import (ConsistencyWarning, Entity, Fact, Quantity, ReportMeta, Section, TableCell, TableCellRef,
                     TableWarning)

__all__ = [
    "LAYERS", "CellContext", "CellKey", "CellLink", "Checks", "EntityLayer", "FactLayer", "Layout",
    "QuantityLayer", "Tables", "layer_from_dict",
]

Span = tuple[int, int]
_L = TypeVar("_L")


class CellKey(NamedTuple):
    """The key of a template-table cell: ``CellKey("table3", "总计", "总计")``.

    ``str(key)`` is the ``table/row/column`` form TEMPLATE_TABLES.md and spreadsheet
    headers use.
    """

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}/{self.row}/{self.column}"


def _spans(spans: Sequence[Sequence[int]], offset: int) -> tuple[Span, ...]:
    return tuple((s + offset, e + offset) for s, e in spans)


def _moved(model: Any, offset: int) -> Any:
    """A copy of a model with ``start``/``end`` moved (None stays None)."""
    if not offset or model.start is None:
        return model
    return model.model_copy(update={"start": model.start + offset, "end": model.end + offset})


@dataclass(frozen=True)
class Layout:
    """What ``govreport_sections`` read: the report's metadata and its layout.

    ``meta`` is doc-level (title, issuer, year, kind, dates): ``merge`` keeps the first
    piece's. The ranges are ``(start, end)`` character offsets.
    """

    meta: ReportMeta = field(default_factory=ReportMeta)
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    debris: tuple[Span, ...] = ()
    # The width of a full line (a PDF page's column; 0 for a page's paragraphs): a line
    # break inside a full line is soft (rules/linebreaks.py). None: not measured.
    line_width: Optional[float] = None

    def shift(self, offset: int) -> "Layout":
        """The same layout with every offset moved by ``offset``."""
        if not offset:
            return self
        return Layout(
            meta=self.meta, line_width=self.line_width,
            sections=tuple(s.model_copy(update={"start": s.start + offset, "end": s.end + offset})
                           for s in self.sections),
            paragraphs=_spans(self.paragraphs, offset), sentences=_spans(self.sentences, offset),
            debris=_spans(self.debris, offset))

    def window(self, start: int, end: int) -> "Layout":
        """The layout of the text ``[start, end)`` in that text's offsets: ranges cut to
        it, the headings that govern any of it (a heading above keeps its path)."""
        def cut(spans: Sequence[Span]) -> tuple[Span, ...]:
            return tuple((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)

        return Layout(meta=self.meta, sections=tuple(s for s in self.sections if s.start < end and s.end > start),
                      paragraphs=cut(self.paragraphs), sentences=cut(self.sentences),
                      debris=cut(self.debris), line_width=self.line_width).shift(-start)

    @classmethod
    def merge(cls, parts: Sequence["Layout"]) -> "Layout":
        """The layouts of consecutive pieces (already shifted) as one."""
        if not parts:
            return cls()
        return cls(meta=parts[0].meta, line_width=parts[0].line_width, sections=_joined(p.sections for p in parts),
                   paragraphs=_joined(p.paragraphs for p in parts), sentences=_joined(p.sentences for p in parts),
                   debris=_joined(p.debris for p in parts))


class CellContext(NamedTuple):
    """How a number of a table with a unit column was read: its row, column and change."""

    subject: Optional[str]
    column: Optional[str]
    change: Optional[str]


@dataclass(frozen=True)
class QuantityLayer:
    """What ``govreport_quantities`` found: every quantity, in text order.

    ``row_subjects`` maps the start of a statistics-table row's quantity to the row's
    label; ``cells`` the start of a number in a table with unit columns to its context.
    """

    quantities: tuple[Quantity, ...] = ()
    row_subjects: dict[int, str] = field(default_factory=dict)
    cells: dict[int, CellContext] = field(default_factory=dict)

    def shift(self, offset: int) -> "QuantityLayer":
        """The same quantities with every offset moved by ``offset``."""
        if not offset:
            return self
        return QuantityLayer(quantities=tuple(_moved(q, offset) for q in self.quantities),
                             row_subjects={k + offset: v for k, v in self.row_subjects.items()},
                             cells={k + offset: v for k, v in self.cells.items()})

    def clip(self, start: int, end: int) -> "QuantityLayer":
        """The quantities that start in ``[start, end)``."""
        return QuantityLayer(quantities=tuple(q for q in self.quantities if start <= q.start < end),
                             row_subjects={k: v for k, v in self.row_subjects.items() if start <= k < end},
                             cells={k: v for k, v in self.cells.items() if start <= k < end})

    @classmethod
    def merge(cls, parts: Sequence["QuantityLayer"]) -> "QuantityLayer":
        """The quantities of consecutive pieces (already shifted) as one layer."""
        return cls(quantities=_joined(p.quantities for p in parts),
                   row_subjects={k: v for p in parts for k, v in p.row_subjects.items()},
                   cells={k: v for p in parts for k, v in p.cells.items()})


@dataclass(frozen=True)
class EntityLayer:
    """What ``govreport_entities`` found: ORG, GPE and DATE entities in text order."""

    entities: tuple[Entity, ...] = ()
    # The division code of the province or city the report is of (rules/counties.py
    # report_division), which county names were resolved within; None when unknown.
    home: Optional[str] = None

    def shift(self, offset: int) -> "EntityLayer":
        """The same entities with every offset moved by ``offset``."""
        if not offset:
            return self
        return EntityLayer(tuple(_moved(e, offset) for e in self.entities), home=self.home)

    def clip(self, start: int, end: int) -> "EntityLayer":
        """The entities that start in ``[start, end)``."""
        return EntityLayer(tuple(e for e in self.entities if start <= e.start < end), home=self.home)

    @classmethod
    def merge(cls, parts: Sequence["EntityLayer"]) -> "EntityLayer":
        """The entities of consecutive pieces (already shifted) as one layer."""
        return cls(_joined(p.entities for p in parts), home=next((p.home for p in parts if p.home), None))


@dataclass(frozen=True)
class Tables:
    """What ``govreport_tables`` read: the FOI template tables of a report.

    ``template`` is ``"2019"``, ``"2021"`` or None (no tables). ``cells`` holds every
    cell in template order with its exact value (万元 for the money columns), where it
    is printed and its note; ``spans`` where the tables stand in the text.
    """

    template: Optional[str] = None
    cells: tuple[TableCell, ...] = ()
    warnings: tuple[TableWarning, ...] = ()
    spans: tuple[Span, ...] = ()
    # Every row read, as (table, row) in printed order: a row printed with every cell
    # blank is a row all the same (an empty row in ``nested``).
    rows: tuple[tuple[str, str], ...] = ()

    def nested(self) -> Optional[dict[str, dict[str, dict[str, Decimal]]]]:
        """``{"table3": {row: {column: value}}}`` as ``Report.template_tables`` has it."""
        if not self.cells and not self.rows:
            return None
        out: dict[str, dict[str, dict[str, Decimal]]] = {}
        for table, row in self.rows:
            out.setdefault(table, {}).setdefault(row, {})
        for c in self.cells:
            out.setdefault(c.table, {}).setdefault(c.row, {})[c.column] = c.value
        return out

    def by_key(self) -> dict[CellKey, TableCell]:
        """Every cell by its key."""
        return {CellKey(c.table, c.row, c.column): c for c in self.cells}

    def shift(self, offset: int) -> "Tables":
        """The same tables with every offset moved by ``offset``."""
        if not offset:
            return self
        return replace(self, cells=tuple(_moved(c, offset) for c in self.cells), spans=_spans(self.spans, offset))

    @classmethod
    def merge(cls, parts: Sequence["Tables"]) -> "Tables":
        """The tables of consecutive pieces (already shifted) as one: a report has one
        set of template tables, so the first piece that has them gives them."""
        return next((p for p in parts if p.template is not None), cls())


@dataclass(frozen=True)
class FactLayer:
    """What ``govreport_linker`` built: one Fact per quantity, in text order."""

    facts: tuple[Fact, ...] = ()

    def shift(self, offset: int) -> "FactLayer":
        """The same facts with every offset moved by ``offset`` (ids follow: a fact's id
        is made from where its quantity stands in the whole text)."""
        if not offset:
            return self
        moved = []
        for f in self.facts:
            q = _moved(f.quantity, offset)
            moved.append(f.model_copy(update={"quantity": q, "sentence_start": f.sentence_start + offset,
                                              "id": fact_id(q.start, q.end, q.text)}))
        return FactLayer(tuple(moved))

    def clip(self, start: int, end: int) -> "FactLayer":
        """The facts whose quantity starts in ``[start, end)``."""
        return FactLayer(tuple(f for f in self.facts if start <= f.quantity.start < end))

    @classmethod
    def merge(cls, parts: Sequence["FactLayer"]) -> "FactLayer":
        """The facts of consecutive pieces (already shifted) as one layer."""
        return cls(_joined(p.facts for p in parts))


class CellLink(NamedTuple):
    """A fact that restates a template cell (or a sum of cells, see TableCellRef)."""

    fact_id: str
    cell: TableCellRef


@dataclass(frozen=True)
class Checks:
    """What ``govreport_consistency`` found: which facts restate which cells, and each
    disagreement between the text and the tables."""

    links: tuple[CellLink, ...] = ()
    warnings: tuple[ConsistencyWarning, ...] = ()
    # Each fact the links and warnings name: its id -> (start, end, text) of its quantity,
    # from which the id is made (so that ``shift`` can move the ids).
    quoted: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    def linked(self, facts: Sequence[Fact]) -> list[Fact]:
        """The facts with ``table_cell`` set from the links (the layer's facts are not
        changed: these are copies)."""
        cells = {link.fact_id: link.cell for link in self.links}
        return [f.model_copy(update={"table_cell": cells[f.id]}) if f.id in cells else f for f in facts]

    def shift(self, offset: int) -> "Checks":
        """The same checks with every offset moved by ``offset``."""
        if not offset:
            return self
        quoted = {old: (s + offset, e + offset, text) for old, (s, e, text) in self.quoted.items()}
        ids = {old: fact_id(*moved) for old, moved in quoted.items()}
        return Checks(
            links=tuple(CellLink(ids[link.fact_id], link.cell) for link in self.links),
            warnings=tuple(w.model_copy(update={
                "start": w.start + offset, "end": w.end + offset, "fact_id": ids[w.fact_id],
                "cells": [(s + offset, e + offset) for s, e in w.cells]}) for w in self.warnings),
            quoted={ids[old]: moved for old, moved in quoted.items()})

    def clip(self, start: int, end: int) -> "Checks":
        """The links and warnings of the facts whose quantity starts in ``[start, end)``."""
        kept = {i: q for i, q in self.quoted.items() if start <= q[0] < end}
        return Checks(links=tuple(link for link in self.links if link.fact_id in kept),
                      warnings=tuple(w for w in self.warnings if w.fact_id in kept), quoted=kept)

    @classmethod
    def merge(cls, parts: Sequence["Checks"]) -> "Checks":
        """The checks of consecutive pieces (already shifted) as one."""
        return cls(links=_joined(p.links for p in parts), warnings=_joined(p.warnings for p in parts),
                   quoted={k: v for p in parts for k, v in p.quoted.items()})


def _joined(groups: Any) -> tuple[Any, ...]:
    """Concatenate the groups, dropping an item a piece repeats from the piece before."""
    out: list[Any] = []
    seen: set[Any] = set()
    for group in groups:
        for item in group:
            key = _identity(item)
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
    return tuple(out)


def _identity(item: Any) -> Any:
    if isinstance(item, CellLink):
        return ("link", item.fact_id)
    if isinstance(item, tuple):
        return item
    if isinstance(item, Fact):
        return ("fact", item.id)
    start, end = getattr(item, "start", None), getattr(item, "end", None)
    return (type(item).__name__, start, end, getattr(item, "label", None) or getattr(item, "text", None))


# Any one stage result.
Layer = Union[Layout, QuantityLayer, EntityLayer, Tables, FactLayer, Checks]

# Doc extension name -> the result type the component of that name writes.
LAYERS: dict[str, type[Layer]] = {
    "govreport_layout": Layout,
    "govreport_quantities": QuantityLayer,
    "govreport_entities": EntityLayer,
    "govreport_tables": Tables,
    "govreport_facts": FactLayer,
    "govreport_checks": Checks,
}


def _pairs(items: Any) -> tuple[Span, ...]:
    return tuple((int(s), int(e)) for s, e in items)


def layer_from_dict(name: str, data: dict[str, Any]) -> Any:
    """Rebuild a result from the dict a DocBin stored (see pipeline/extensions.py): the
    models come back as models already; tuples, keys and spans are restored here."""
    if name == "Layout":
        return Layout(meta=data["meta"], sections=tuple(data["sections"]), paragraphs=_pairs(data["paragraphs"]),
                      sentences=_pairs(data["sentences"]), debris=_pairs(data["debris"]),
                      line_width=data["line_width"])
    if name == "QuantityLayer":
        return QuantityLayer(quantities=tuple(data["quantities"]),
                             row_subjects={int(k): v for k, v in data["row_subjects"].items()},
                             cells={int(k): CellContext(*v) for k, v in data["cells"].items()})
    if name == "EntityLayer":
        return EntityLayer(tuple(data["entities"]), home=data.get("home"))
    if name == "Tables":
        return Tables(template=data["template"], cells=tuple(data["cells"]), warnings=tuple(data["warnings"]),
                      spans=_pairs(data["spans"]), rows=tuple((t, r) for t, r in data["rows"]))
    if name == "FactLayer":
        return FactLayer(tuple(data["facts"]))
    if name == "Checks":
        return Checks(links=tuple(CellLink(i, c) for i, c in data["links"]), warnings=tuple(data["warnings"]),
                      quoted={k: (int(s), int(e), t) for k, (s, e, t) in data["quoted"].items()})
    raise ValueError(f"no stage result is called {name!r}")
