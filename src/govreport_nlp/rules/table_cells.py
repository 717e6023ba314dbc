"""The cells of one printed table row: numbers as printed, where they stand, how to cut.

``rules/tables.py`` knows the templates (which rows, which columns); this module knows
how a row is printed: tab-separated or markdown cells with blanks kept in place, numbers
between a label and the next one (with list numbering and page numbers left out), and
digits run together (121010014), cut only where the arithmetic admits one reading.
``locate_cells`` finds each parsed cell back in the text, so that a check can point at it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Iterable, Optional, Union

from ..layers import CellKey
from ..lexicons.foi_templates import NOT_A_CELL_BEFORE as _NOT_A_CELL_BEFORE
from ..numbers import read_cell

__all__ = ["NUMBER", "as_number", "cells_between", "locate_cells", "note_after", "number_tokens", "splits", "tab_cells"]

# A cell's value: exact. Digits run together are cut into ints; a printed cell is read
# as a Decimal (as_number).
Number = Union[int, Decimal]

# A printed cell: digits (full-width too), thousands separators, a decimal part, a unit.
NUMBER = re.compile(r"(?<![0-9０-９.．,，])(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?(?:万元|元)?")
_CELL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.", ",，")
# More significant digits than any template cell holds: such a "cell" is a run of
# several cells or an id, left out rather than read as one number.
_MAX_DIGITS = 15
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—－]\s*[0-9]{1,3}\s*[-—－]|第\s*[0-9]+\s*页|[0-9]{1,3})\s*$", re.M)
# A note in brackets (（其中修订16件）, （含自然失效29件）): its numbers are not cells; after a
# cell it is that cell's note.
_NOTE = re.compile(r"[（(][^（）()\n]{0,40}?[\u4e00-\u9fff][^（）()\n]{0,40}?[）)]")
_DIGIT = re.compile(r"[0-9０-９]")
_NUMBERING = re.compile(r"[一二三四五六七八九十]+")
# The longest count a template cell holds (99999): cuts that make a longer one are not
# tried, so a run of n digits costs at most n x 6^parts checks, not n^parts.
_MAX_CELL_DIGITS = 6


def as_number(cell: str, money: bool) -> Optional[Number]:
    """A printed cell as an exact number (1,550 -> 1550, ９９.５ -> 99.5); money
    converted to 万元 when printed in 元. None for a cell of more than 15 significant
    digits (no template cell holds one: it is digits of several cells run together).

    >>> as_number("1,550", False), as_number("９９.５", False), as_number("3000元", True)
    (Decimal('1550'), Decimal('99.5'), Decimal('0.3'))
    """
    read = read_cell(cell, max_digits=_MAX_DIGITS)
    if read is None:
        return None
    value, unit = read
    if money and unit == "元":
        value = value / 10000
    return value


def _whole(value: Number) -> bool:
    """Whether a cell value is a whole number printed without a decimal point."""
    return isinstance(value, int) or value.as_tuple().exponent == 0


def number_tokens(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The number cells in text[start:end] with their offsets, without list numbering
    (2.其他...), page numbers or dates (2020年, 第9号)."""
    # A page number is a line of its own: the piece is masked from the start of the line
    # it opens in, so the cell after a label (行政强制\t0) is not taken for one.
    line_start = text.rfind("\n", 0, start) + 1
    piece = _PAGE_NUMBER.sub(lambda m: " " * len(m.group()), text[line_start:end])
    piece = _NOTE.sub(lambda m: _DIGIT.sub(" ", m.group()), piece)
    out = []
    for m in NUMBER.finditer(piece, start - line_start):
        cell, at = m.group(), line_start + m.start()
        after = text[line_start + m.end():line_start + m.end() + 2]  # may look past ``end``: 1.属于…
        if re.match(r"[.．、][\u4e00-\u9fff“]", after):
            # 00000002.其他法律…: the last digit numbers the next row.
            if len(cell) > 1 and cell.isdigit():
                out.append((cell[:-1], at))
            continue
        if after[:1] and after[0] in _NOT_A_CELL_BEFORE:
            continue
        out.append((cell, at))
    return out


def cells_between(text: str, start: int, end: int) -> list[str]:
    """The number cells in text[start:end] (see :func:`number_tokens`)."""
    return [cell for cell, _ in number_tokens(text, start, end)]


def tab_cells(text: str, label_end: int, end: int, *, labelled: bool = True) -> Optional[list[Optional[str]]]:
    """Cells after a label on a tab-separated or markdown line, blanks kept as None.
    Without a label (``labelled=False``) the cells are those of the next non-blank line."""
    if not labelled:
        while True:  # start at the next line with a number on it (not a |---| rule or header)
            nl = text.find("\n", label_end, end)
            if nl < 0 or re.search(r"[0-9]", text[label_end:nl]):
                break
            label_end = nl + 1
    line_end = text.find("\n", label_end)
    line_end = len(text) if line_end < 0 or line_end > end else line_end
    rest = text[label_end:line_end]
    sep = "\t" if "\t" in rest else ("|" if rest.count("|") >= 2 else None)
    if sep is None:
        return None
    if sep == "|":
        # A markdown row: the outer bars open and close it; an empty cell is "|  |".
        rest = rest.strip()
        rest = rest[1:] if rest.startswith("|") else rest
        rest = rest[:-1] if rest.endswith("|") else rest
    parts = [_NOTE.sub("", p).strip() for p in rest.split(sep)]
    if labelled and parts and not NUMBER.fullmatch(parts[0] or "x"):
        parts = parts[1:]  # the rest of the label cell
    cells: list[Optional[str]] = []
    for p in parts:
        if p == "" or p in ("-", "—", "/"):
            cells.append(None)
        elif NUMBER.fullmatch(p):
            cells.append(p)
        else:
            return None
    return cells


def note_after(text: str, end: int) -> Optional[str]:
    """The bracketed note printed right after a cell that ends at ``end``, without its
    brackets (``22（其中修订 16 件）`` -> ``其中修订 16 件``), or None.

    >>> note_after("55 （含自然失效 29 件）", 2)
    '含自然失效 29 件'
    """
    m = _NOTE.match(text, end + len(text[end:end + 8]) - len(text[end:end + 8].lstrip()))
    if m is None or _NUMBERING.fullmatch(m.group()[1:-1].strip()):
        return None  # （二）部分公开 opens the next row
    return m.group()[1:-1].strip()


def splits(digits: str, parts: int, check: Callable[[list[int]], bool], *, limit: int = 2) -> list[list[int]]:
    """The ways (at most ``limit``; with two, one is an answer and two an ambiguity) to cut
    a run of digits into ``parts`` numbers (no leading zeros, none longer than six digits)
    that pass ``check``.

    >>> splits("3101005", 7, lambda v: sum(v[:6]) == v[6])
    [[3, 1, 0, 1, 0, 0, 5]]
    >>> len(splits("121010014", 7, lambda v: sum(v[:6]) == v[6], limit=9))
    3
    """
    found: list[list[int]] = []
    n = len(digits)
    if parts > n or n > parts * _MAX_CELL_DIGITS:
        return found
    pieces: list[int] = []

    def cut(pos: int) -> None:
        if len(found) >= limit:
            return
        left = parts - len(pieces)
        if left == 0:
            if pos == n and check(list(pieces)):
                found.append(list(pieces))
            return
        rest = n - pos
        if rest < left or rest > left * _MAX_CELL_DIGITS:
            return
        for size in range(1, min(_MAX_CELL_DIGITS, rest - left + 1) + 1):
            piece = digits[pos:pos + size]
            if size > 1 and piece[0] == "0":
                break
            pieces.append(int(piece))
            cut(pos + size)
            pieces.pop()

    cut(0)
    return found


def locate_cells(text: str, regions: Iterable[tuple[int, int, list[CellKey]]], values: dict[CellKey, Number],
                 money: Callable[[CellKey], bool]) -> dict[CellKey, tuple[int, int]]:
    """Where each parsed cell is printed: ``{key: (start, end)}``.

    ``regions`` are the stretches of text the parser read, each with the keys of the cells
    it took from there in printed order; ``values`` the parsed cells by key. The numbers
    of a region are matched to its cells in order, equal value for equal value; a cell cut
    from digits run together (121010014) points at its own digits. A cell that cannot be
    found (a blank, a number not printed as parsed) has no entry.
    """
    found: dict[CellKey, tuple[int, int]] = {}
    for start, end, keys in regions:
        tokens = number_tokens(text, start, end)
        # Digits are cut only where the parser cut them: one run holding several cells.
        cuttable = len(tokens) == 1 and sum(key in values for key in keys) > 1
        ti, ci = 0, 0  # the next token, and the next digit in it when cut
        for key in keys:
            if key not in values:
                continue
            target = values[key]
            digits = str(target) if _whole(target) else ""
            for t in range(ti, len(tokens)):
                cell, offset = tokens[t]
                skip = ci if t == ti else 0
                if not cuttable and as_number(cell, money(key)) == target:
                    found[key] = (offset, offset + len(cell))
                    ti, ci = t + 1, 0
                    break
                rest = cell[skip:].translate(_CELL_DIGITS)
                if cuttable and digits and rest.isdigit() and rest.startswith(digits):
                    found[key] = (offset + skip, offset + skip + len(digits))
                    ti, ci = (t + 1, 0) if skip + len(digits) == len(cell) else (t, skip + len(digits))
                    break
    return found
