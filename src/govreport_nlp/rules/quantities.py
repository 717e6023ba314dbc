"""Rows of the statistics tables older FOI reports print (统计指标 | 单位 | 统计数).

Before the 2019 template, annual FOI reports carried a national statistics table with
one indicator per row: its label, its unit, its number, in that order::

    （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条)	条	1683
    其中：主动公开规范性文件数	条	4

The scanner reads numbers followed by their unit, so these rows need their own reader:
the number is the quantity, the unit column its unit, the label (without its numbering,
其中 and notes in brackets) its subject.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Optional, get_args

from ..lexicons import units as lex
from ..models import Change, Kind, Quantity
from ..numbers import read_cell
from ..numbers.units import UNITS
from . import stat_tables
from .gazetteer import county_short_names, divisions

__all__ = ["StatRow", "find_stat_rows", "find_table_cells", "outside_place_names", "outside_section_numbers"]

_CELL_SEP = re.compile(r"\t|\s*\|\s*|\s{2,}")
_NUM = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]+、|其中[：:])+")
_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")
_SCALED_MONEY = lex.MONEY_SCALES
# The units these tables use; others (款 in a budget's PDF columns) are not such rows.
_ROW_UNITS = lex.ROW_UNITS


@dataclass
class StatRow:
    """One indicator row: its quantity, the label's range and the subject read from it."""

    quantity: Quantity
    label_start: int
    label_end: int
    subject: str
    column: Optional[str] = None  # the column header of a table cell
    change: Optional[Change] = None  # increase/decrease for a cell of a growth column


def find_stat_rows(text: str) -> list[StatRow]:
    """Every row of the form label | unit | number whose unit is a known unit.

    Read line by line (a line must end in a number to be looked at), so that long
    paragraphs cost one character test each.
    """
    out: list[StatRow] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        body = line.rstrip(" \t\r|")
        if not body or not body[-1].isdigit() or len(body) > 200:
            continue
        cells = [c for c in _CELL_SEP.split(body.strip(" |")) if c]
        if len(cells) != 3:
            continue
        label_text, unit_text, num_text = cells
        if unit_text not in _ROW_UNITS or not _NUM.fullmatch(num_text) or not _HAN.search(label_text):
            continue
        scale = _SCALED_MONEY.get(unit_text)
        info = ("money", "元", None) if scale else UNITS.get(unit_text)
        if info is None:
            continue
        kind, unit, _ = info
        read = read_cell(num_text)
        if read is None or read[1]:
            continue
        value = read[0] * scale if scale else read[0]
        start = line_start + len(body) - len(num_text)
        end = start + len(num_text)
        label_start = line_start + line.index(label_text)
        subject = _NOTE.sub("", _NUMBERING.sub("", label_text)).strip()
        if len(subject) < 3:
            continue
        q = Quantity(text=text[start:end], start=start, end=end, value=value, unit=unit, kind=_KIND[kind])
        out.append(StatRow(quantity=q, label_start=label_start, label_end=label_start + len(label_text),
                           subject=subject))
    return out


# Tables that state their unit above them (单位：万元), as budget reports, final accounts and
# statistical bulletins print them in HTML, Word and PDF: a header row, then rows of a label
# and numbers. Each number is a quantity in the stated unit, or a percent where its column
# says so (占预算(%), 比上年增长(%)); its subject is the row label, its column the header.
_UNIT_LINE = re.compile(r"^[ \t\u3000]*(?:金额)?单位[ \t]*[:：][ \t]*(?P<unit>[^\s，,；;]{1,4})[ \t\u3000]*$")
_CELL_NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?%?")
_PERCENT_COLUMN = re.compile("|".join(lex.PERCENT_COLUMN_WORDS))
_CHANGE_COLUMN = re.compile("|".join(lex.CHANGE_COLUMN_WORDS))
_TABLE_REACH = 400  # lines a table may run on for after its unit line
# numbers/units.py names each unit's kind as a plain string; the models take the Kind literal
# (the same strings): this maps one to the other for the type checker.
_KIND: dict[str, Kind] = {k: k for k in get_args(Kind)}


def find_table_cells(text: str) -> list[StatRow]:
    """Every number cell of a table whose unit is stated above it (``单位：万元``), on its
    title line (``…表（单位：亿元）``), in its column headers (``预算数（亿元）``) or in a 单位
    column; a table printed as panels side by side (收入 | 支出) gives each panel's cells
    the label of their own panel (rules/stat_tables.py).

    A row is read only when its numbers pair one to one with the header row's columns
    (the header row is the tab row right before the first row of numbers); a row that
    does not pair up is left out rather than shifted.
    """
    out: list[StatRow] = []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        # The unit on a line of its own or on the title line (stat_tables: the table's), or
        # in the column headers of the line itself (the columns').
        unit_text = _table_unit(lines[i])
        info = stat_tables.unit_of(unit_text) if unit_text else None
        j = i + 1
        if info is None:
            if not (i + 1 < len(lines) and stat_tables.opens_table(lines[i], lines[i + 1])):
                i += 1
                continue
            j = i
        header: Optional[list[str]] = None
        above: list[str] = []  # the header's lines, as printed (a PDF may break it over three)
        seen_row = False
        while j < len(lines) and j - i < _TABLE_REACH and (j == i or not _table_unit(lines[j])) and (
                "\t" in lines[j] or not seen_row and len(above) < 4
                or seen_row and j + 1 < len(lines) and "\t" in lines[j + 1] and _HAN.search(lines[j])):
            if seen_row and "\t" not in lines[j]:
                j += 1  # a label wrapped onto the next line (…彩票销售机 / 构的业务费用 2320 …)
                continue
            cells = lines[j].split("\t")
            numbers = [k for k, c in enumerate(cells) if _CELL_NUMBER.fullmatch(c.strip())]
            if "\t" not in lines[j] and numbers:
                break
            if not numbers and seen_row and stat_tables.names_rows(cells):
                pass  # a row of labels with empty cells (建筑施工企业利润收入 | | …): no header
            elif not numbers:
                header = cells  # the last row without numbers before the data names the columns
                above.append(lines[j])
            elif header is not None:
                seen_row = True
                if len(cells) != len(header) and len(above) > 1:
                    header = _merged_header(above, len(cells)) or header
                out.extend(_row_cells(text, starts[j], lines[j], cells, header, info, above[-4:]))
            j += 1
        i = max(j, i + 1)
    return out


def _table_unit(line: str) -> Optional[str]:
    """The unit a line states for the table under it: a 单位 line or a title line."""
    if "单位" not in line:
        return None
    m = _UNIT_LINE.match(line)
    return m.group("unit") if m else stat_tables.title_unit(line)


_NOTE_CELL = re.compile(r"^[（(][%％][）)]$")
_LABEL_COLUMN = re.compile("|".join(lex.LABEL_COLUMN_WORDS))


def _merged_header(lines: list[str], width: int) -> Optional[list[str]]:
    """Column names of a header printed over several lines (占年初预算 比上年增长 / 科目名称
    年初预算 实际完成 / (%) (%)): the line that names the label column first, the others after
    it, a line of (%) notes marking the line of names it stands under. None when the names do
    not make ``width`` columns."""
    rows = [line.split() for line in lines if line.split()]
    notes = [r for r in rows if all(_NOTE_CELL.match(c) for c in r)]
    names = [r for r in rows if r not in notes]
    names.sort(key=lambda r: 0 if _LABEL_COLUMN.search(r[0]) else 1)
    for note in notes:
        for r in names:
            if len(r) == len(note) and not _LABEL_COLUMN.search(r[0]):
                r[:] = [c + "(%)" for c in r]
                break
    columns = [c for r in names for c in r]
    return columns if len(columns) == width else None


def _row_cells(text: str, line_start: int, line: str, cells: list[str], header: list[str],
               info: Optional[stat_tables.UnitInfo], above: list[str]) -> list[StatRow]:
    if len(cells) != len(header):
        return []  # numbers that do not pair with the columns one to one
    labels, names, units = _layout(tuple(above), tuple(header))
    info = stat_tables.row_unit(cells, names) or info  # a 单位 column: this row's own unit
    offsets = list(itertools.accumulate((len(c) + 1 for c in cells), initial=line_start))
    out = []
    for first, stop in zip(labels, [*labels[1:], len(cells)], strict=True):
        out.extend(_panel_cells(text, cells, offsets, range(first, stop), names, units, info))
    return out


@functools.lru_cache(maxsize=64)
def _layout(above: tuple[str, ...], header: tuple[str, ...]) -> tuple[
        list[int], list[str], list[Optional[stat_tables.UnitInfo]]]:
    """A header's label columns (a panel from each), column names and column units: read
    once per table, not once per row (the rows of a table share their header)."""
    rows = [a.split("\t") for a in above]
    labels = stat_tables.label_columns([*rows, list(header)], len(header))
    names = stat_tables.column_names(rows, list(header), labels)
    return labels, names, stat_tables.column_units(names)


def _panel_cells(text: str, cells: list[str], offsets: list[int], panel: range, names: list[str],
                 units: list[Optional[stat_tables.UnitInfo]], info: Optional[stat_tables.UnitInfo]) -> list[StatRow]:
    """The numbers of one panel of a row (its label, then its columns), each in its column's
    unit or else the table's; a column with neither (and no % in its name) gives none."""
    label = cells[panel.start].strip().lstrip("#＃")  # #夏粮: a statistical table's 其中
    if not _HAN.search(label):
        return []  # this half of the row is empty (三、教育支出 has no 收入 beside it)
    subject = re.sub(r"\s+", "", _NOTE.sub("", _NUMBERING.sub("", label)))
    if len(subject) < 2:
        return []
    out = []
    for k in panel[1:]:
        raw = cells[k].strip()
        read = read_cell(raw) if _CELL_NUMBER.fullmatch(raw) else None
        if read is None:
            continue
        number, printed = read  # one exact reader for every cell (numbers.read_cell)
        column = re.sub(r"\s+", "", names[k]) or None
        start = offsets[k] + cells[k].index(raw)
        scope = units[k] or info  # the column's unit wins over the table's
        if printed == "%" or (scope is units[k] and scope and scope[0] == "percent") or (
                units[k] is None and column and _PERCENT_COLUMN.search(column)):
            q_kind, q_unit, value = "percent", "%", number
        elif scope:
            q_kind, q_unit, value = scope[0], scope[1], number * scope[2]
        else:
            continue
        change: Optional[Change] = None
        if column and _CHANGE_COLUMN.search(column):
            # 比上年增长(%) -0.9: a decrease of 0.9 (the value stays positive, GUIDELINES.md)
            change = "decrease" if value < 0 else "increase"
            value = abs(value)
        if raw.startswith("-"):
            start += 1  # the quantity is the number; the sign is the change's
        end = start + len(raw.lstrip("-"))
        q = Quantity(text=text[start:end], start=start, end=end, value=value, unit=q_unit, kind=_KIND[q_kind])
        out.append(StatRow(quantity=q, label_start=offsets[panel.start],
                           label_end=offsets[panel.start] + len(cells[panel.start]), subject=subject,
                           column=column, change=change))
    return out


_NUMERAL_STARTS = frozenset("一二三四五六七八九十百千万两")


@functools.lru_cache(maxsize=1)
def _numeral_names() -> dict[str, tuple[str, ...]]:
    """Names of divisions (three characters or more) that begin with a numeral, by their
    first character, longest first (三门峡市, 六盘水, 七台河, 五指山 ...)."""
    out: dict[str, list[str]] = {}
    for name in (*divisions(), *county_short_names()):
        if len(name) >= 3 and name[0] in _NUMERAL_STARTS:
            out.setdefault(name[0], []).append(name)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


def outside_place_names(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities that do not begin a place's name (三门峡 is no 3门; GUIDELINES:
    numbers inside words are no quantities).

    >>> from govreport_nlp.numbers import find_quantities
    >>> t = "三门峡市完成3门课程"
    >>> [q.text for q in outside_place_names(t, find_quantities(t))]
    ['3门']
    """
    names = _numeral_names()
    return [q for q in quantities
            if not (text[q.start:q.start + 1] in names and any(text.startswith(n, q.start) for n in names[text[q.start]]))]


# 本 before a document's noun is "this" (3.1本办法: section 3.1 of this regulation), not a
# classifier of volumes.
_THIS_DOCUMENT = re.compile("|".join(lex.DOCUMENT_NOUNS_AFTER_BEN))


def outside_section_numbers(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities that are no section number before 本 + a document (3.1本办法所称…).

    >>> from govreport_nlp.numbers import find_quantities
    >>> t = "3.1本办法所称资金，印发图书3本。"
    >>> [q.text for q in outside_section_numbers(t, find_quantities(t))]
    ['3本']
    """
    return [q for q in quantities if not (q.unit == "本" and _THIS_DOCUMENT.match(text, q.end))]
