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
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, get_args

from ..lexicons import units as lex
from ..models import Change, Kind, Quantity
from ..numbers import read_cell
from ..numbers.units import UNITS
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


def _unit_of(unit_text: str) -> Optional[tuple[str, str, Decimal]]:
    scale = _SCALED_MONEY.get(unit_text)
    if scale:
        return "money", "元", Decimal(scale)
    return UNITS.get(unit_text)


def find_table_cells(text: str) -> list[StatRow]:
    """Every number cell of a table whose unit is stated above it (``单位：万元``).

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
        m = _UNIT_LINE.match(lines[i]) if "单位" in lines[i] else None
        info = _unit_of(m.group("unit")) if m else None
        if info is None:
            i += 1
            continue
        header: Optional[list[str]] = None
        above: list[str] = []  # the header's lines, as printed (a PDF may break it over three)
        j = i + 1
        seen_row = False
        while j < len(lines) and j - i < _TABLE_REACH and not _UNIT_LINE.match(lines[j]) and (
                "\t" in lines[j] or not seen_row and len(above) < 4
                or seen_row and j + 1 < len(lines) and "\t" in lines[j + 1] and _HAN.search(lines[j])):
            if seen_row and "\t" not in lines[j]:
                j += 1  # a label wrapped onto the next line (…彩票销售机 / 构的业务费用 2320 …)
                continue
            cells = lines[j].split("\t")
            numbers = [k for k, c in enumerate(cells) if _CELL_NUMBER.fullmatch(c.strip())]
            if "\t" not in lines[j] and numbers:
                break
            if not numbers:
                header = cells  # the last row without numbers before the data names the columns
                above.append(lines[j])
            elif header is not None:
                seen_row = True
                if len(cells) != len(header) and len(above) > 1:
                    header = _merged_header(above, len(cells)) or header
                out.extend(_row_cells(text, starts[j], lines[j], cells, header, info))
            j += 1
        i = j
    return out


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
               info: tuple[str, str, Decimal]) -> list[StatRow]:
    label = cells[0].strip()
    if not _HAN.search(label) or len(cells) != len(header):
        return []  # no label, or numbers that do not pair with the columns one to one
    subject = re.sub(r"\s+", "", _NOTE.sub("", _NUMBERING.sub("", label)))
    if len(subject) < 2:
        return []
    out = []
    offset = line_start
    kind, unit, factor = info
    for k, cell in enumerate(cells):
        cell_start = offset
        offset += len(cell) + 1
        raw = cell.strip()
        read = read_cell(raw) if k and _CELL_NUMBER.fullmatch(raw) else None
        if read is None:
            continue
        number, printed = read  # one exact reader for every cell (numbers.read_cell)
        column = re.sub(r"\s+", "", header[k]) or None
        start = cell_start + cell.index(raw)
        if printed == "%" or (column and _PERCENT_COLUMN.search(column)):
            q_kind, q_unit, value = "percent", "%", number
        else:
            q_kind, q_unit, value = kind, unit, number * factor
        change: Optional[Change] = None
        if column and _CHANGE_COLUMN.search(column):
            # 比上年增长(%) -0.9: a decrease of 0.9 (the value stays positive, GUIDELINES.md)
            change = "decrease" if value < 0 else "increase"
            value = abs(value)
        if raw.startswith("-"):
            start += 1  # the quantity is the number; the sign is the change's
        end = start + len(raw.lstrip("-"))
        q = Quantity(text=text[start:end], start=start, end=end, value=value, unit=q_unit, kind=_KIND[q_kind])
        out.append(StatRow(quantity=q, label_start=line_start + line.index(cells[0]),
                           label_end=line_start + line.index(cells[0]) + len(cells[0]), subject=subject,
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
