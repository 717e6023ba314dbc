"""The standard tables of FOI annual reports (2019 and 2021 templates), from text.

``parse_tables(text)`` finds 表二 (主动公开), 表三 (收到和处理申请) and 表四 (复议、诉讼)
and returns them keyed as ../shared/corpus/TEMPLATE_TABLES.md specifies, with every
violation of the template's own arithmetic as a :class:`TableWarning`.

The template fixes the order of the rows, so a row is found by its label and its cells
are the numbers between that label and the next one. That reads the layouts reports are
published in: tab-separated cells from web pages (blank cells kept in place), columns
aligned with spaces in PDF text with labels wrapped over lines and page numbers between,
markdown tables, and cells run together without separators (121010014), which are split
only when the arithmetic admits exactly one split.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence, TypeGuard, Union

import regex

from ..lexicons import foi_templates as lex
from ..lexicons.foi_templates import APPLICANTS, TABLE4_COLUMNS, TABLE4_GROUPS
from ..lexicons.foi_templates import MONEY_COLUMNS as _MONEY_COLUMNS
from ..lexicons.foi_templates import T2 as _T2
from ..lexicons.foi_templates import T3_ROWS as _T3_ROWS
from ..layers import CellKey, Tables
from ..models import TableCell, TableWarning
from .table_cells import as_number, cells_between, locate_cells, note_after, splits, tab_cells

__all__ = ["ParsedTables", "cell_columns", "check_tables", "flatten", "money_columns", "parse_tables"]

Number = Union[int, Decimal]
# The arithmetic a row's cells must keep (each 总计 the sum of its parts); ``splits``
# cuts runs of digits into ints, a printed row is read as Decimals.
_Check = Callable[[Sequence[Number]], bool]

_RESULT_ROWS = [key for key, _ in _T3_ROWS[2:-2]]

_T2_START = re.compile(lex.TABLE2_HEADING)
_T3_START = re.compile(lex.TABLE3_HEADING)
# (表四's heading keeps its grammar here: 行政复议 misprinted or broken inside, 和/、 or
# 提起 before 行政诉讼情况)
_T4_START = re.compile(r"行政\S{0,2}复议[、，,和]?\s*(?:提起)?行政诉讼情况")
_T4_END = re.compile(rf"(?:^|\n)\s*[一二三四五六七八九十]{{1,2}}[、.．]|{'|'.join(lex.AFTER_TABLES)}")
# 表三's first row label (本年新收), perhaps broken by spaces or lines.
_FIRST_LABEL = _T3_ROWS[0][1]
_FIRST_ROW = re.compile(r"\s*".join(_FIRST_LABEL))
# The last word of 表四's header (a 结 that ends the region is 结果 cut off).
_T4_HEADER_END = re.compile(f"{'|'.join(lex.TABLE4_HEADER_ENDS)}|结$")
_T2021 = re.compile("|".join(lex.TEMPLATE_2021_WORDS))
_T2019 = re.compile("|".join(lex.TEMPLATE_2019_WORDS))
_WS = re.compile(r"\s+")
# The longest 表二 as printed (2019 template, eight rows with their headers).
_T2_MAX_LENGTH = 1500


@dataclass
class ParsedTables:
    """What parse_tables found: the template version, the tables and the warnings."""

    template: Optional[str] = None
    tables: dict[str, dict[str, dict[str, Number]]] = field(default_factory=dict)
    warnings: list[TableWarning] = field(default_factory=list)
    # Where the tables stand in the text: their numbers are cells, not facts of the prose.
    spans: list[tuple[int, int]] = field(default_factory=list)
    # Where each cell is printed: {CellKey("table3", "总计", "总计"): (start, end)}.
    cell_spans: dict[CellKey, tuple[int, int]] = field(default_factory=dict)
    # The bracketed note printed after a cell: {CellKey("table2", "规章", "本年废止件数"): "其中修订16件"}.
    cell_notes: dict[CellKey, str] = field(default_factory=dict)

    def layer(self) -> Tables:
        """The typed result the tables component writes: every cell exact, with where it
        is printed and its note."""
        cells = []
        for key, value in flatten(self.tables).items():
            start, end = self.cell_spans.get(key) or (None, None)
            cells.append(TableCell(table=key.table, row=key.row, column=key.column, value=Decimal(value),
                                   start=start, end=end, note=self.cell_notes.get(key)))
        return Tables(template=self.template, cells=tuple(cells), warnings=tuple(self.warnings),
                      spans=tuple((s, e) for s, e in self.spans),
                      rows=tuple((table, row) for table, rows in self.tables.items() for row in rows))


@dataclass
class _Squeezed:
    """The text without whitespace, with a map back to offsets in the text."""

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "_Squeezed":
        chars, offsets = [], []
        for i in range(start, end):
            ch = text[i]
            if not ch.isspace() and ch not in "|":
                chars.append(ch)
                offsets.append(i)
        return cls("".join(chars), offsets)


def _no_blank(row: list[Optional[Number]]) -> TypeGuard[list[Number]]:
    """Whether every cell of a row was printed (no blank tab or markdown cell)."""
    return None not in row


def _row_values(text: str, label_end: int, end: int, width: int, check: _Check,
                *, labelled: bool = True) -> tuple[Optional[list[Optional[Number]]], str]:
    """The ``width`` cells of one row, or None and why not."""
    tab = tab_cells(text, label_end, end, labelled=labelled)
    if tab is not None and len(tab) >= width:
        return [None if c is None else as_number(c, False) for c in tab[:width]], ""
    cells = cells_between(text, label_end, end)
    if len(cells) == width:
        return [as_number(c, False) for c in cells], ""
    if len(cells) == 1 and cells[0].isdigit() and len(cells[0]) >= width:
        options = splits(cells[0], width, check)
        if len(options) == 1:
            return list(options[0]), ""
        return None, f"cells run together ({cells[0]}): {len(options) or 'no'} split(s) fit the arithmetic"
    if not cells:
        return None, ""
    return None, f"expected {width} cells, found {len(cells)}"


def _find_labels(text: str, start: int, end: int, rows: Sequence[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """(key, label start, label end) of each row label found in order in text[start:end]."""
    sq = _Squeezed.of(text, start, end)
    out = []
    pos = 0
    for key, pattern in rows:
        m: Union[re.Match[str], regex.Match[str], None] = re.compile(pattern).search(sq.text, pos)
        if m is None and len(pattern) >= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", pattern):
            # A misprinted label (其他法律行政止公开): the regex module's fuzzy matching,
            # letting a quarter of the label's characters be missing, close to where
            # the row should be.
            m = regex.search(f"(?b)(?:{pattern}){{d<={len(pattern) // 4}}}", sq.text[:pos + 400], pos=pos)
        if m is None:
            continue
        out.append((key, sq.offsets[m.start()], sq.offsets[m.end() - 1] + 1))
        pos = m.end()
    return out


Regions = list[tuple[int, int, list[CellKey]]]


def _table3(text: str, start: int, end: int, warnings: list[TableWarning],
            regions: Regions) -> dict[str, dict[str, Number]]:
    if re.search(_FIRST_LABEL, _WS.sub("", text[start:end])) is None:
        return {}
    labels = _find_labels(text, start, end, _T3_ROWS)
    keys = {k for k, _, _ in labels}
    itemized = any(k.startswith("其他处理.") for k in keys)
    # One row list: the 2021 template's three 其他处理 rows, or the single row.
    rows = [k for k, _ in _T3_ROWS if k != ("其他处理" if itemized else "") and
            (itemized or not k.startswith("其他处理."))]
    labels = [x for x in labels if x[0] in rows]
    order = {k: i for i, k in enumerate(rows)}

    def check(v: Sequence[Number]) -> bool:
        return sum(v[:6]) == v[6]

    table: dict[str, dict[str, Number]] = {}
    ambiguous: dict[str, list[list[int]]] = {}  # rows whose run of digits cuts several ways
    pending: list[list[tuple[str, list[Number]]]] = []  # rows printed apart from their labels
    for i, (key, _, label_end) in enumerate(labels):
        nxt = labels[i + 1][1] if i + 1 < len(labels) else end
        # Rows whose label was not found (misprinted: 其他法律行政止公开) between this label
        # and the next take their cells in template order, when the count fits exactly.
        following = labels[i + 1][0] if i + 1 < len(labels) else None
        skipped = rows[order[key] + 1:order[following]] if following else []
        values, why = _row_values(text, label_end, nxt, 7, check)
        if values is None and "split(s) fit" in why:
            run = cells_between(text, label_end, nxt)[0]
            ambiguous[key] = splits(run, 7, check, limit=_MAX_READINGS + 1)
        group = [(key, values)]
        if values is None and skipped:
            cells = cells_between(text, label_end, nxt)
            if len(cells) == 7 * (len(skipped) + 1):
                numbers = [as_number(c, False) for c in cells]
                group = [(k, numbers[n * 7:(n + 1) * 7]) for n, k in enumerate([key, *skipped])]
                why = ""
        elif values is not None and skipped:
            # Rows whose labels were printed elsewhere (a PDF converted to markdown puts a
            # wrapped label apart from its cells): the seven-cell lines after this row's
            # line, one per missing row, in template order; tried against the arithmetic
            # below (_adopt_detached).
            line_end = text.find("\n", label_end, nxt)
            detached = _rows_in_order(text, line_end, nxt) if line_end >= 0 else []
            complete = [r for r in detached if _no_blank(r)]
            if len(detached) == len(skipped) and len(complete) == len(detached) and all(check(r) for r in complete):
                pending.append(list(zip(skipped, complete, strict=False)))
        regions.append((label_end, nxt, [CellKey("table3", k, col) for k, _ in group for col in APPLICANTS]))
        for row_key, row_values in group:
            if row_values is None:
                if why:
                    warnings.append(TableWarning(table="table3", row=row_key, column="", message=why))
                continue
            # A row printed with every cell blank is kept as printed: an empty row.
            table[row_key] = {col: v for col, v in zip(APPLICANTS, row_values, strict=False) if v is not None}
    if ambiguous and _resolve_runs(table, ambiguous, rows):
        warnings[:] = [w for w in warnings if w.row not in ambiguous]
    for apart in pending:
        _adopt_detached(table, apart, rows)
    return table


def _adopt_detached(table: dict[str, dict[str, Number]], detached: list[tuple[str, list[Number]]],
                    rows: list[str]) -> None:
    """Take rows printed apart from their labels when, with them, every row of the
    template is read and the whole 表三 keeps its arithmetic (each 总计 the sum of the
    result rows, 新收 + 结转 = 总计 + 结转下年度); else leave them out."""
    trial = dict(table)
    trial.update({key: dict(zip(APPLICANTS, cells, strict=False)) for key, cells in detached if key not in table})
    if all(key in trial for key in rows) and not check_tables({"table3": trial}):
        table.clear()
        table.update({key: trial[key] for key in rows})


# How many readings of one ambiguous row are weighed against the rest of the table.
_MAX_READINGS = 8


def _resolve_runs(table: dict[str, dict[str, Number]], ambiguous: dict[str, list[list[int]]],
                  rows: list[str]) -> bool:
    """Rows printed as one run of digits that cut into seven cells several ways
    (121010014: 12+1+0+1+0+0=14, 1+2+1+0+10+0=14 or 1+2+10+1+0+0=14) take the one reading under which
    the whole table keeps the template's arithmetic (新收 + 结转 = 总计 + 结转下年度, 总计 =
    the sum of the result rows, column by column), when exactly one combination does and
    every other row was read. Fills ``table`` and says whether it did."""
    if len(ambiguous) > 3 or any(len(options) > _MAX_READINGS for options in ambiguous.values()):
        return False
    if any(key not in table and key not in ambiguous for key in rows):
        return False
    keys = list(ambiguous)
    fitting = []
    for combination in itertools.product(*(ambiguous[k] for k in keys)):
        trial = dict(table)
        trial.update({k: dict(zip(APPLICANTS, cells, strict=False)) for k, cells in zip(keys, combination, strict=False)})
        if not check_tables({"table3": trial}):
            fitting.append(trial)
            if len(fitting) > 1:
                return False
    if len(fitting) != 1:
        return False
    table.update({k: fitting[0][k] for k in keys})
    return True


def _rows_in_order(text: str, start: int, end: int) -> list[list[Optional[Number]]]:
    """Every line of the region that holds the seven cells of a 表三 row, in order
    (blank cells of tab or markdown rows as None)."""
    rows: list[list[Optional[Number]]] = []
    pos = start
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        tab = tab_cells(text, line_start, line_start + len(line))
        if tab is not None and len(tab) >= 7 and any(c is not None for c in tab[:7]):
            rows.append([None if c is None else as_number(c, False) for c in tab[:7]])
            continue
        cells = cells_between(text, line_start, line_start + len(line))
        if len(cells) == 7:
            rows.append([as_number(c, False) for c in cells])
    return rows


def _table3_by_order(text: str, start: int, end: int) -> dict[str, dict[str, Number]]:
    """表三 read by the template's row order alone, for layouts whose labels are displaced
    from their numbers (a PDF converted to markdown with the label column split off).
    Taken only when the count of seven-number rows is exactly the template's and every
    row's 总计 is the sum of its applicant columns."""
    rows = _rows_in_order(text, start, end)
    itemized = [k for k, _ in _T3_ROWS if k != "其他处理"]
    single = [k for k, _ in _T3_ROWS if not k.startswith("其他处理.")]

    def adds_up(row: list[Optional[Number]]) -> bool:
        return not _no_blank(row) or sum(row[:6]) == row[6]

    for keys in (itemized, single):
        if len(rows) == len(keys) and all(adds_up(r) for r in rows):
            return {key: {c: v for c, v in zip(APPLICANTS, row, strict=False) if v is not None}
                    for key, row in zip(keys, rows, strict=False)}
    return {}


def _table4(text: str, start: int, end: int, warnings: list[TableWarning],
            regions: Regions) -> dict[str, dict[str, Number]]:
    # The data follow the last header word (总计 / 审结 / 结果).
    sq = _Squeezed.of(text, start, end)
    last = max((m.end() for m in _T4_HEADER_END.finditer(sq.text)), default=0)
    data_start = sq.offsets[last - 1] + 1 if last else start

    def check(v: Sequence[Number]) -> bool:
        return all(sum(v[g * 5:g * 5 + 4]) == v[g * 5 + 4] for g in range(3))

    values, why = _row_values(text, data_start, end, 15, check, labelled=False)
    if values is None:
        if why:
            warnings.append(TableWarning(table="table4", row="", column="", message=why))
        return {}
    regions.append((data_start, end, [CellKey("table4", g, c) for g in TABLE4_GROUPS for c in TABLE4_COLUMNS]))
    table: dict[str, dict[str, Number]] = {}
    for g, group in enumerate(TABLE4_GROUPS):
        cells = {col: v for c, col in enumerate(TABLE4_COLUMNS) if (v := values[g * 5 + c]) is not None}
        if cells:
            table[group] = cells
    return table


def _table2(text: str, start: int, end: int, template: str, warnings: list[TableWarning],
            regions: Regions, earlier: Sequence[int] = ()) -> dict[str, dict[str, Number]]:
    rows = _T2[template]
    labels = _find_labels(text, start, end, [(key, pattern) for key, pattern, _ in rows])
    # A converted PDF may print 表二's rows out of the template's order and under more
    # than one heading (rows printed as lines, then a markdown table): a row not found in
    # order is looked for anywhere after this heading, then after each ``earlier`` one,
    # where no other label stands.
    for begin in (start, *earlier):
        for key, pattern, _ in rows:
            if any(key == k for k, _, _ in labels):
                continue
            for other in _find_labels(text, begin, end, [(key, pattern)]):
                if not any(s < other[2] and other[1] < e for _, s, e in labels):
                    labels.append(other)
    labels.sort(key=lambda label: label[1])
    columns = {key: cols for key, _, cols in rows}
    table: dict[str, dict[str, Number]] = {}
    for i, (key, _, label_end) in enumerate(labels):
        nxt = labels[i + 1][1] if i + 1 < len(labels) else end
        cols = columns[key]
        tab = tab_cells(text, label_end, nxt)
        cells = tab if tab is not None and len(tab) >= len(cols) else cells_between(text, label_end, nxt)
        # (a tab row long enough for the columns is never one cell: cells[0] is printed)
        if len(cells) == 1 and len(cols) > 1 and (run := cells[0]) is not None and run.isdigit():
            # 规章000: cells run together; only a split with no other reading is taken.
            options = splits(run, len(cols), lambda v: True)
            if len(options) == 1:
                cells = [str(v) for v in options[0]]
            else:
                warnings.append(TableWarning(table="table2", row=key, column="",
                                             message=f"cells run together ({run}): no single split"))
                continue
        if len(cells) < len(cols):
            if cells:
                warnings.append(TableWarning(table="table2", row=key, column="",
                                             message=f"expected {len(cols)} cells, found {len(cells)}"))
            continue
        regions.append((label_end, nxt, [CellKey("table2", key, col) for col in cols]))
        # (a tab row may print more cells than the columns: the first ones are read)
        row = {col: v for col, c in zip(cols, cells, strict=False) if c is not None
               and (v := as_number(c, col in _MONEY_COLUMNS)) is not None}
        if row:
            table[key] = row
    return table


def _parts(cells: dict[str, Number], columns: Sequence[str]) -> Optional[list[Number]]:
    """The cells of ``columns`` in a row, or None when one of them was not read."""
    parts = [cells.get(c) for c in columns]
    return parts if _no_blank(parts) else None


def check_tables(tables: dict[str, dict[str, dict[str, Number]]]) -> list[TableWarning]:
    """Every violation of the template's own arithmetic (TEMPLATE_TABLES.md)."""
    out: list[TableWarning] = []
    t3 = tables.get("table3") or {}
    def cell(row: str, col: str) -> Optional[Number]:
        return (t3.get(row) or {}).get(col)

    for col in APPLICANTS:
        new, carried, total, next_year = (cell("本年新收政府信息公开申请数量", col), cell("上年结转政府信息公开申请数量", col),
                                          cell("总计", col), cell("结转下年度继续办理", col))
        if (new is not None and carried is not None and total is not None and next_year is not None
                and new + carried != total + next_year):
            out.append(TableWarning(table="table3", row="本年新收+上年结转", column=col, expected=Decimal(total + next_year),
                                    found=Decimal(new + carried), message="新收 + 上年结转 != 总计 + 结转下年度"))
        results = [v for r in _RESULT_ROWS if (v := cell(r, col)) is not None]
        if total is not None and results and sum(results) != total:
            out.append(TableWarning(table="table3", row="总计", column=col, expected=Decimal(sum(results)),
                                    found=Decimal(total), message="总计 != the sum of the result rows"))
    for row, cells in t3.items():
        parts = _parts(cells, APPLICANTS[:6])
        if "总计" in cells and parts is not None and sum(parts) != cells["总计"]:
            out.append(TableWarning(table="table3", row=row, column="总计", expected=Decimal(sum(parts)),
                                    found=Decimal(cells["总计"]), message="总计 != the sum of the applicant columns"))
    for group, cells in (tables.get("table4") or {}).items():
        parts = _parts(cells, TABLE4_COLUMNS[:4])
        if "总计" in cells and parts is not None and sum(parts) != cells["总计"]:
            out.append(TableWarning(table="table4", row=group, column="总计", expected=Decimal(sum(parts)),
                                    found=Decimal(cells["总计"]), message="总计 != 维持 + 纠正 + 其他 + 尚未审结"))
    return out


def parse_tables(text: str) -> ParsedTables:
    """Find and parse the template tables of an FOI annual report.

    Returns an empty result (``template`` None) when the report has no template tables.
    """
    result = ParsedTables()
    # The heading of 表三, not a mention of it in the report's outline: the first one
    # the table's first row follows closely.
    t3 = None
    for m in _T3_START.finditer(text):
        first_row = _FIRST_ROW.search(text, m.end(), m.end() + 1500)
        if first_row and not _T3_START.search(text, m.end(), first_row.start()):
            t3 = m
            break
    if t3 is None:
        return result
    result.template = "2019" if _T2019.search(text) and not _T2021.search(text) else "2021"
    t4 = _T4_START.search(text, t3.end())
    t3_end = t4.start() if t4 else min(len(text), t3.end() + 6000)
    # 表二 from its last heading before 表三; a converted PDF repeats the heading over each
    # piece of the table, so the earlier headings close before it are looked back into
    # for rows not found after the last (latest first).
    headings = list(_T2_START.finditer(text, 0, t3.start()))
    t2 = headings[-1] if headings else None
    earlier = [m.end() for m in reversed(headings[:-1]) if t3.start() - m.start() <= _T2_MAX_LENGTH]
    tables: dict[str, dict[str, dict[str, Number]]] = {}
    regions: Regions = []  # what each stretch of text gave: (start, end, cell keys in order)
    if t2 is not None:
        table2 = _table2(text, t2.end(), t3.start(), result.template, result.warnings, regions, earlier)
        if table2:
            tables["table2"] = table2
    table3_warnings: list[TableWarning] = []
    table3_regions: Regions = []
    table3 = _table3(text, t3.end(), t3_end, table3_warnings, table3_regions)
    if table3_warnings:
        by_order = _table3_by_order(text, t3.end(), t3_end)
        if len(by_order) > len(table3):
            table3, table3_warnings = by_order, []
            table3_regions = [(t3.end(), t3_end, [CellKey("table3", r, c) for r in by_order for c in APPLICANTS])]
    regions += table3_regions
    result.warnings.extend(table3_warnings)
    if table3:
        tables["table3"] = table3
    t4_end = t3_end
    if t4 is not None:
        end_m = _T4_END.search(text, t4.end())
        t4_end = end_m.start() if end_m else min(len(text), t4.end() + 2000)
        table4 = _table4(text, t4.end(), t4_end, result.warnings, regions)
        if table4:
            tables["table4"] = table4
    if not tables:
        result.template = None
        return result
    result.tables = tables
    result.warnings.extend(check_tables(tables))
    table_start = t2.start() if t2 is not None and "table2" in tables else t3.start()
    table_end = t4_end if t4 is not None and "table4" in tables else t3_end
    result.spans = [(table_start, table_end)]
    result.cell_spans = locate_cells(text, regions, flatten(tables), lambda key: key.column in _MONEY_COLUMNS)
    result.cell_notes = {key: note for key, (_, end) in result.cell_spans.items() if (note := note_after(text, end))}
    return result


def money_columns() -> frozenset[str]:
    """The template columns printed in 万元 (本年收费金额, 采购总金额)."""
    return frozenset(_MONEY_COLUMNS)


def cell_columns() -> list[str]:
    """Every cell of both templates as ``table/row/column``, in template order: the
    columns of a spreadsheet that compares reports."""
    keys: dict[CellKey, None] = {}  # ordered, without the 2019 rows the 2021 template has
    for template in ("2021", "2019"):
        keys.update((CellKey("table2", row, col), None) for row, _, cols in _T2[template] for col in cols)
    keys.update((CellKey("table3", row, col), None) for row, _ in _T3_ROWS for col in APPLICANTS)
    keys.update((CellKey("table4", group, col), None) for group in TABLE4_GROUPS for col in TABLE4_COLUMNS)
    return [str(key) for key in keys]


def flatten(tables: Optional[Mapping[str, Mapping[str, Mapping[str, Number]]]]) -> dict[CellKey, Number]:
    """``{"table3": {row: {col: n}}}`` -> ``{CellKey("table3", row, col): n}``."""
    return {CellKey(t, r, c): v for t, rows in (tables or {}).items() for r, cols in rows.items()
            for c, v in cols.items()}
