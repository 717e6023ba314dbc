"""What a printed PDF puts into its text that is no part of the document's flow.

A PDF is a print: each page carries its page mark (``— 2 —``, ``-2-``, ``第 2 页``; a scan's
OCR reads the dashes as ``一20一``), often a running header or footer, and a table that
runs past the page bottom starts again on the next page under its repeated header. Read
page after page, these sit between the two halves of a sentence, a number or a table.
This module takes them out of the flow, after every page of a file has been read:

- **page marks**: lines of a page mark at the top or bottom of a page (a bare number only
  within the page's outer margin, where the text layer says where it is);
- **running headers and footers**: the same line (page numbers aside) in the outer margin
  of three or more pages; it stays where it first appears on page 1 (it may be the title);
- **tables over pages**: a table that ends a page and one that starts the next with as
  many columns are one table: the next part's repeated header rows and a ``续表`` line
  between them are dropped. Parts on one page with nothing but a ``续表`` line between are
  joined the same way;
- **numbers broken by a line break**: a full line of prose that ends inside a number
  (``2024`` / ``年``, ``1234.`` / ``56亿元``) is joined to the next without the break.

Nothing else is dropped: page marks and repeated headers carry no fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

__all__ = ["Line", "Page", "join_pages"]


@dataclass
class Line:
    """One line of a page's text (a text line or a table), with where it is drawn when the
    text layer says so (``top``/``bottom``/``x1`` are None for OCR text)."""

    text: str
    top: Optional[float] = None
    bottom: Optional[float] = None
    x1: Optional[float] = None
    rows: Optional[list[list[str]]] = None  # a table's cells, row by row
    full: bool = False  # runs to its page's right margin (set by join_pages)

    @property
    def is_table(self) -> bool:
        return self.rows is not None


@dataclass
class Page:
    """The lines of one page in reading order, and the page's height (None for OCR)."""

    lines: list[Line] = field(default_factory=list)
    height: Optional[float] = None


_DASH = r"\-—–－―‐‑~～_·•"
# A page mark: a number between dashes (— 2 —, -2-, 一20一 as OCR reads the dashes), or
# 第 2 页 (共 9 页), or 2/9. The dashes may be on a line of their own (a second font).
_MARK = re.compile(rf"[\s{_DASH}一]*[0-9０-９]{{1,4}}[\s{_DASH}一]*")
_DASHED = re.compile(rf"\s*[{_DASH}一]+\s*[0-9０-９]{{1,4}}\s*[{_DASH}一]+\s*")
_PAGE_OF = re.compile(r"\s*第\s*[0-9０-９]{1,4}\s*页\s*([，,/]?\s*共\s*[0-9０-９]{1,4}\s*页)?\s*|"
                      r"\s*[0-9０-９]{1,4}\s*/\s*[0-9０-９]{1,4}\s*")
_DASHES = re.compile(rf"[\s{_DASH}]*[{_DASH}][\s{_DASH}]*")  # — — (no 一: it is a word)
_BARE = re.compile(r"\s*[0-9０-９]{1,4}\s*")
# The outer share of a page where page marks and running headers are printed.
_MARGIN = 0.12
_CONTINUED = re.compile(r"\s*[（(]?\s*(续表|续上表|续)\s*[0-9一二三四五六七八九十]*\s*[)）]?\s*")


def _in_margin(line: Line, height: Optional[float], at_end: bool) -> bool:
    if height is None or line.top is None or line.bottom is None:
        return False
    # A line reaching into the margin (a page mark's dashes are set taller than its number).
    return line.bottom > (1 - _MARGIN) * height if at_end else line.top < _MARGIN * height


def _is_mark(line: Line, height: Optional[float], at_end: bool) -> bool:
    """Whether ``line``, at the start or the end of its page, is (part of) a page mark."""
    if line.is_table:
        return False
    text = line.text
    if _DASHED.fullmatch(text) or _PAGE_OF.fullmatch(text):
        return True
    # A bare number or a line of dashes alone is a page mark only where the page's margin
    # is known (a last line "12" of OCR text may be a table's cell).
    return bool(_BARE.fullmatch(text) or _DASHES.fullmatch(text)) and _in_margin(line, height, at_end)


def _strip_marks(page: Page) -> None:
    lines = page.lines
    # At most three lines each end (— —, 12, and a running footer below them): a page
    # mark is never more.
    for _ in range(3):
        if lines and _is_mark(lines[-1], page.height, True):
            lines.pop()
    for _ in range(3):
        if lines and _is_mark(lines[0], page.height, False):
            lines.pop(0)


def _key(text: str) -> str:
    """A line's text with its page numbers and spaces left out (a running header may
    number its pages)."""
    return re.sub(r"[0-9０-９\s]+", "#", text).strip("#")


def _strip_running(pages: list[Page]) -> None:
    """Drop the line that repeats in the outer margin of three or more pages (at most two
    lines at each end of a page); where it is on page 1 it stays there."""
    positioned = [p for p in pages if p.height is not None]
    if len(positioned) < 3:
        return
    counts: dict[tuple[bool, str], int] = {}
    for page in positioned:
        seen = set()
        for at_end, lines in ((False, page.lines[:2]), (True, page.lines[-2:])):
            for line in lines:
                if not line.is_table and _in_margin(line, page.height, at_end) and len(_key(line.text)) >= 2:
                    seen.add((at_end, _key(line.text)))
        for key in seen:
            counts[key] = counts.get(key, 0) + 1
    running = {key for key, n in counts.items() if n >= 3}
    if not running:
        return
    for number, page in enumerate(pages):
        if page.height is None:
            continue
        drop = set()
        for at_end, idx in ((False, range(min(2, len(page.lines)))),
                            (True, range(max(0, len(page.lines) - 2), len(page.lines)))):
            for i in idx:
                line = page.lines[i]
                if ((at_end, _key(line.text)) in running and not line.is_table
                        and _in_margin(line, page.height, at_end) and not (number == 0 and not at_end)):
                    drop.add(i)
        page.lines = [line for i, line in enumerate(page.lines) if i not in drop]


def _same(row: list[str], other: list[str]) -> bool:
    return [re.sub(r"\s+", "", c) for c in row] == [re.sub(r"\s+", "", c) for c in other]


def _width(table: Line) -> int:
    return max((len(r) for r in table.rows or []), default=0)


def _continue_table(first: Line, second: Line) -> Line:
    """``second`` (the next part of ``first``) without the header rows it repeats."""
    rows = list(second.rows or [])
    above = first.rows or []
    head = 0
    while head < len(rows) and head < len(above) and _same(rows[head], above[head]):
        head += 1
    if head == len(rows):  # a part that is all header holds nothing new: keep it as printed
        head = 0
    kept = rows[head:]
    return Line(text="\n".join("\t".join(r) for r in kept), top=second.top, bottom=second.bottom,
                x1=second.x1, rows=kept)


def _join_tables(lines: list[Line]) -> list[Line]:
    """Consecutive table parts with as many columns (a ``续表`` line between at most) as
    one table: a part's repeated header rows are dropped."""
    out: list[Line] = []
    for line in lines:
        if line.is_table and out:
            prev, between = None, []
            if out[-1].is_table:
                prev = out[-1]
            elif len(out) >= 2 and out[-2].is_table and _CONTINUED.fullmatch(out[-1].text):
                prev, between = out[-2], [out[-1]]
            if prev is not None and _width(prev) == _width(line):
                if between:
                    out.pop()
                part = _continue_table(prev, line)
                out[-1] = Line(text="\n".join(t for t in (prev.text, part.text) if t), top=prev.top,
                               bottom=part.bottom, x1=prev.x1, rows=(prev.rows or []) + (part.rows or []))
                continue
        out.append(line)
    return out


# A full line of prose that ends inside a number: a digit (or a digit and its point)
# at its end, a digit, a point or what a number is read with at the next line's start.
_ENDS_IN_NUMBER = re.compile(r"[0-9][0-9,.]*$")
_STARTS_NUMBER = re.compile(r"^(?:[0-9.]|[年月日万亿千百元%％个户人项件家])")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _joins(line: Line, nxt: Line) -> bool:
    """Whether the line break between ``line`` and ``nxt`` falls inside a number of a
    sentence running on: both are prose, ``line`` runs to the right margin."""
    if not line.full or line.is_table or nxt.is_table or "\t" in line.text or "\t" in nxt.text:
        return False
    if not (_ENDS_IN_NUMBER.search(line.text) and _STARTS_NUMBER.match(nxt.text.lstrip())):
        return False
    return bool(_CJK.search(line.text) and _CJK.search(nxt.text))


def _mark_full(page: Page) -> None:
    """Set ``full`` on the lines of ``page`` that reach its right margin (the rightmost
    line end, less one and a half characters)."""
    ends = [line.x1 for line in page.lines if line.x1 is not None and not line.is_table]
    if not ends:
        return
    right = max(ends)
    for line in page.lines:
        if line.x1 is not None and line.top is not None and line.bottom is not None:
            line.full = line.x1 >= right - 1.5 * (line.bottom - line.top)


def _text(lines: list[Line]) -> str:
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line.text)
        if i + 1 < len(lines):
            out.append("" if _joins(line, lines[i + 1]) else "\n")
    return "".join(out)


def join_pages(pages: list[Page]) -> list[str]:
    """The text of each page with the print marks out of the flow (see the module's
    docstring): page marks and running headers dropped, tables over pages joined into
    the page they start on, numbers broken by a line break joined."""
    for page in pages:
        _strip_marks(page)
    _strip_running(pages)
    for page in pages:
        _strip_marks(page)  # a page mark printed above a running footer
    # A table continued over a page break: its next part moves onto the page it started on.
    for i in range(len(pages) - 1):
        here, there = pages[i], pages[i + 1]
        if not (here.lines and there.lines and here.lines[-1].is_table):
            continue
        start = 1 if len(there.lines) > 1 and _CONTINUED.fullmatch(there.lines[0].text) else 0
        if there.lines[start].is_table and _width(there.lines[start]) == _width(here.lines[-1]):
            here.lines.extend(there.lines[start:start + 1])
            del there.lines[:start + 1]
    for page in pages:
        _mark_full(page)
    # A number broken over the page break: the next page's first lines move up to the end
    # of the page before, where _text joins them.
    for n in range(len(pages) - 1):
        before, after = pages[n].lines, pages[n + 1].lines
        while before and after and _joins(before[-1], after[0]):
            before.append(after.pop(0))
    texts: list[str] = []
    for page in pages:
        page.lines = _join_tables(page.lines)
        texts.append(_text(page.lines))
    return texts
