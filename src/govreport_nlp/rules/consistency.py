"""The prose of an FOI annual report checked against its own template tables.

An FOI report tells its 表三 and 表四 twice: once as tables, once in the sentences of its
依申请公开 section (``共受理政府信息公开申请1295件，办结1191件（含上年结转189件）…予以公开及部分
公开208件（17.46%）``). Audit teams compare the two by hand; real reports contradict
themselves. :func:`check_narrative` links each number of the prose that restates a cell
to that cell (:class:`~govreport_nlp.models.TableCellRef`) and returns a
:class:`~govreport_nlp.models.ConsistencyWarning` for each that disagrees, and for each
percentage that is not the share the cells give.

What counts as a restatement is the wording in ``lexicons/foi_narrative.py``; a number
is compared only when it is exact (no 约/近/超, no change against last year), of the
report's own year, counted in the template's counters, and when every cell it stands
for was read: a sum over a row that could not be read is not compared, so a gap in
reading never shows up as a contradiction of the report.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional, Sequence

from ..lexicons.foi_narrative import APPLICANT_WORDS, CARRY, COUNT_UNITS, NARRATIVE_CELLS, OTHER_YEAR_WORDS, SHARE_DENOMINATORS
from ..lexicons.foi_narrative import SHARE_NOUNS, SHARE_WHOLES, TABLE4_RESULTS, TOPIC
from ..lexicons.foi_templates import T3_ROWS, TABLE4_GROUPS
from ..layers import CellKey, CellLink, Checks
from ..layers import Tables as TablesLayer
from ..models import ConsistencyWarning, Fact, TableCellRef
from .clauses import alternation
from .ranges import inside

__all__ = ["cell_value", "check_narrative"]

Number = Decimal
Nested = dict[str, dict[str, dict[str, Number]]]
Cell = tuple[str, str, str]
Spans = dict[CellKey, tuple[int, int]]

_CONCEPTS = [(name, re.compile(pattern), cells) for name, pattern, cells in NARRATIVE_CELLS]
_RESULTS = [(re.compile(pattern), column) for pattern, column in TABLE4_RESULTS]
_GROUP = re.compile(r"行政复议|行政诉讼")
_TOPIC = re.compile(TOPIC)
# 涉及自然人72件, 其中商业企业申请3件: an applicant column right before the number.
_APPLICANT = re.compile(f"({'|'.join(APPLICANT_WORDS)})(?:申请|提出申请|提出)?$")
# A clause ends at punctuation; whitespace is no boundary (PDF text breaks lines in words).
_BOUNDARY = re.compile(r"[，,。；;：:！!？?（）()]")
_WS = re.compile(r"\s+")
# Between a count and the percentage that is its share: 208件（17.46%）, 15件，占79%.
# (占比 is the word "share" itself, so it takes no 的)
_SHARE_GAP = re.compile(rf"[（(，,]?(?:占(?:比|(?:{'|'.join(SHARE_WHOLES)})的?)?|(?:{'|'.join(SHARE_NOUNS)})为?)?")
# Another year named in the clause: 2023年受理申请…, 去年办结…
_OTHER_YEAR = re.compile(r"((?:19|20)\d{2})\s*年|" + alternation(OTHER_YEAR_WORDS))
_TABLE_ROWS = {"table3": [key for key, _ in T3_ROWS], "table4": list(TABLE4_GROUPS)}


def cell_value(tables: Nested, cell_spans: Spans, table: str, row: str,
               column: str) -> Optional[tuple[Number, list[tuple[int, int]]]]:
    """The value of a cell, a group of rows or a ``+`` sum, with where its cells are
    printed; None when any cell it needs was not read.

    >>> t = {"table3": {"予以公开": {"总计": Decimal(206)}, "部分公开": {"总计": Decimal(2)}}}
    >>> cell_value(t, {}, "table3", "予以公开+部分公开", "总计")
    (Decimal('208'), [])
    """
    rows = tables.get(table) or {}
    if row in rows:
        value = rows[row].get(column)
        if value is None:
            return None
        span = cell_spans.get(CellKey(table, row, column))
        return value, [span] if span else []
    if "+" in row:
        parts = [cell_value(tables, cell_spans, table, part, column) for part in row.split("+")]
    else:
        members = [key for key in _TABLE_ROWS.get(table, []) if key.startswith(row + ".")]
        if not members:
            return None
        parts = [cell_value(tables, cell_spans, table, key, column) for key in members]
    read = [p for p in parts if p is not None]
    if not parts or len(read) != len(parts):
        return None
    # (started at Decimal 0, as int 0 would be converted: the same Decimal)
    return sum((p[0] for p in read), Decimal(0)), [span for p in read for span in p[1]]


def _nearest(clause: str, before: bool, report_year: Optional[int]) -> Optional[tuple[str, list[Cell]]]:
    """The restated cells a clause names: before a number the match ending nearest to it
    (the longest of those), after it the match starting nearest. None when the clause
    also names another year than the report's (上年结转 names its own)."""
    best = None
    for name, pattern, cells in _CONCEPTS:
        for m in pattern.finditer(clause):
            near = m.end() if before else -m.start()
            key = (name in CARRY, near, len(m.group()))
            if best is None or key > best[0]:
                best = (key, name, cells, m)
    if best is None:
        return None
    m = best[3]
    for year in _OTHER_YEAR.finditer(clause[:m.start()] + " " + clause[m.end():]):
        if year.group(1) is None or report_year is None or int(year.group(1)) != report_year:
            return None
    return best[1], best[2]


def _result_column(clause: str, sentence_before: str) -> Optional[list[Cell]]:
    """表四's result columns (其中结果维持72件) under the 复议/诉讼 named before them."""
    for pattern, column in _RESULTS:
        matches = list(pattern.finditer(clause))
        if not matches:
            continue
        m = matches[-1]  # the last result named
        groups = list(_GROUP.finditer(sentence_before + clause[:m.start()]))
        if not groups:
            return None
        return [("table4", groups[-1].group(), column)]
    return None


def _exact_count(fact: Fact) -> bool:
    """A number that can restate a cell: exact, not a change, in the template's units."""
    q = fact.quantity
    if fact.change or q.modifier or q.value_high is not None:
        return False
    return q.kind == "count" and q.unit in COUNT_UNITS or q.kind == "money"


def _restated(fact: Fact, report_year: Optional[int]) -> Optional[list[Cell]]:
    """The cells the fact's clause names, if any."""
    q = fact.quantity
    at = q.start - fact.sentence_start
    sentence = fact.sentence
    if not (0 <= at <= len(sentence)) or not _TOPIC.search(sentence + "".join(fact.section_path)):
        return None
    head = sentence[:at]
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    clause = _WS.sub("", head[cut:])
    columns = _result_column(clause, _WS.sub("", head[:cut]))
    if columns:
        return columns
    found = _nearest(clause, True, report_year)
    if found is None and len(clause) <= 3:
        # 另有103件顺延到下年度答复: the words follow the number.
        tail = sentence[at + len(q.text):]
        stop = _BOUNDARY.search(tail)
        found = _nearest(_WS.sub("", tail[:stop.start() if stop else len(tail)]), False, report_year)
    if found is None:
        return None
    name, cells = found
    if (name == "fees") != (q.kind == "money"):
        return None
    return cells


def _applicant(fact: Fact, row: str, after: Optional[int]) -> Optional[list[Cell]]:
    """The applicant column of ``row`` that a number right after its name restates."""
    at = fact.quantity.start - fact.sentence_start
    head = fact.sentence[:at]
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    if after is not None:
        cut = max(cut, after - fact.sentence_start)
    m = _APPLICANT.search(_WS.sub("", head[cut:].lstrip("、和及与")))
    return [("table3", row, m.group(1))] if m else None


def _as_table_units(fact: Fact) -> Decimal:
    """The fact's value in the unit of its cell (money columns are printed in 万元)."""
    value = fact.quantity.value
    return value / 10000 if fact.quantity.kind == "money" else value


def _share_ok(percent: Decimal, numerator: Number, denominator: Number) -> bool:
    """A printed percentage is the share to within one unit of its last digit (reports
    round or cut)."""
    places = max(0, -percent.as_tuple().exponent)  # type: ignore[operator]
    share = numerator * 100 / denominator
    return abs(share - percent) <= Decimal(1).scaleb(-places)


def check_narrative(facts: Sequence[Fact], layer: Optional[TablesLayer], *,
                    report_year: Optional[int] = None) -> Checks:
    """Link the prose's numbers to the template cells they restate and check them.

    Returns the links (fact id -> cell) and a warning for every restatement or share that
    disagrees with the tables; the facts are not changed. Numbers inside the tables'
    spans are cells, not prose.
    """
    tables = layer.nested() if layer is not None else None
    if not tables or layer is None:
        return Checks()
    spans: Spans = {CellKey(c.table, c.row, c.column): (c.start, c.end) for c in layer.cells
                    if c.start is not None and c.end is not None}
    table_spans = layer.spans
    links: list[CellLink] = []
    quoted: dict[str, tuple[int, int, str]] = {}
    warnings: list[ConsistencyWarning] = []
    # The count before, for the share after it: its fact, its cell's value, the cell, where printed.
    last: Optional[tuple[Fact, Number, Cell, list[tuple[int, int]]]] = None
    # The 表三 row the sentence's last restated count is of, and where the last number of
    # the sentence ended: 收到申请75件，涉及自然人72件、商业企业3件 breaks that row down.
    row_of: dict[int, str] = {}
    prev_end: dict[int, int] = {}
    for fact in facts:
        q = fact.quantity
        if inside(q.start, table_spans):
            continue
        if q.kind == "percent" and last is not None and not fact.change and q.modifier is None:
            count, value, cell, printed = last
            gap = fact.sentence[count.quantity.end - fact.sentence_start:q.start - fact.sentence_start]
            if count.sentence_start == fact.sentence_start and _SHARE_GAP.fullmatch(_WS.sub("", gap)):
                warnings.extend(_check_share(fact, (value, printed), cell, tables, spans))
        last = None
        cells = _restated(fact, report_year) if _exact_count(fact) else None
        if not cells and _exact_count(fact) and fact.sentence_start in row_of:
            cells = _applicant(fact, row_of[fact.sentence_start], prev_end.get(fact.sentence_start))
        prev_end[fact.sentence_start] = q.end
        resolved = [(c, v) for c in cells or [] if (v := cell_value(tables, spans, *c)) is not None]
        if not resolved:
            continue
        stated = _as_table_units(fact)
        match = next(((c, v) for c, v in resolved if v[0] == stated), None)
        cell, (value, printed) = match or resolved[0]
        links.append(CellLink(fact.id, TableCellRef(table=cell[0], row=cell[1], column=cell[2])))
        quoted[fact.id] = (q.start, q.end, q.text)
        last = (fact, value, cell, printed)
        if cell[0] == "table3" and cell[2] == "总计":
            row_of[fact.sentence_start] = cell[1]
        if match is None:
            warnings.append(ConsistencyWarning(
                code="value", fact_id=fact.id, table=cell[0], row=cell[1], column=cell[2],
                text_value=stated, table_value=value, start=q.start, end=q.end, cells=printed,
                message=f"the text says {q.text}, {cell[0]} {cell[1]}/{cell[2]} says {value}"))
    # A share warning's fact (a percentage) is linked to no cell: quote it too.
    named = {w.fact_id for w in warnings} - set(quoted)
    quoted.update({f.id: (f.quantity.start, f.quantity.end, f.quantity.text) for f in facts if f.id in named})
    return Checks(links=tuple(links), warnings=tuple(warnings), quoted=quoted)


def _check_share(fact: Fact, part: tuple[Number, list[tuple[int, int]]], cell: Cell, tables: Nested,
                 spans: Spans) -> list[ConsistencyWarning]:
    """A warning when a percentage after a count is not its share of any usual total."""
    q = fact.quantity
    numerator, part_cells = part
    totals = [(d, v) for d in SHARE_DENOMINATORS if d[1] != cell[1]
              and (v := cell_value(tables, spans, *d)) is not None and v[0]]
    if not totals or any(_share_ok(q.value, numerator, v[0]) for _, v in totals):
        return []
    (table, row, column), (denominator, printed) = totals[0]
    share = round(numerator * 100 / denominator, 2)
    return [ConsistencyWarning(
        code="share", fact_id=fact.id, table=table, row=cell[1], column=column, text_value=q.value,
        table_value=share, start=q.start, end=q.end, cells=part_cells + printed,
        message=f"the text gives {cell[1]} as {q.text}; the table gives {numerator}/{denominator} = {share}% "
                f"(of {table} {row}/{column})")]
