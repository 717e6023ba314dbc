"""PDF documents: the text layer in reading order, tables as tab rows, OCR for pages
without a text layer.

Two things published PDFs do that a plain text dump gets wrong:

- **digits in a second font**: reports typeset with Founder fonts (方正仿宋 for words, a
  Latin font for digits) give the digits a font box lower than the words', so a dump puts
  ``2200`` on a line of its own below ``…收入突破 亿元``. Lines are rebuilt from the
  characters here: a line holding only number characters that sits in the gaps of the line
  just above it, less than a line's height below, belongs to that line.
- **private-use decimal points**: the same fonts map the decimal point to a private-use
  code point (U+1001B0 and kin); after a digit it is read as ``.``, and full-width
  digits as ASCII ones (one character for one: offsets are unchanged).
- **tables without row rules**: pdfplumber reads them as one row whose cells hold whole
  columns; such a table is read as lines of text, which keeps each row together.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from .limits import limit
from .pdflayout import content_size, read_layout
from .printmarks import Line, Page, join_pages

if TYPE_CHECKING:
    from pdfplumber.page import Page as PlumberPage
    from pdfplumber.table import Table

__all__ = ["pdf_pages", "pdf_to_text"]

Char = dict[str, Any]  # one character of a page as pdfplumber gives it (text, x0, top, size ...)

# A line that may be the displaced second-font part of the line above: no Chinese
# character and no letter (digits, signs, punctuation, spaces and private-use glyphs).
_WORDLIKE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]")
# After a digit, such a glyph is the decimal point (76.1%) or an enumerator's (1.一般…).
_PRIVATE = re.compile(r"(?<=[0-9０-９])[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _numberish(chars: list[Char]) -> bool:
    return not any(_WORDLIKE.match(c["text"]) for c in chars) and any(c["text"].strip() for c in chars)


def _overlaps(char: Char, line: list[Char]) -> bool:
    """Whether ``char`` would be drawn where a character of ``line`` is: their left edges
    closer than a quarter of an em. (The boxes themselves overlap: these fonts give a
    half-width digit or parenthesis a full em box.)"""
    near = 0.25 * char.get("size", 10)
    return any(abs(c["x0"] - char["x0"]) < near for c in line if c["text"].strip())


def _lines(chars: list[Char], tolerance: float = 3.0) -> list[list[Char]]:
    """Characters grouped into lines (by their top, then left to right), with the number
    lines that belong in the gaps of the line above merged into it."""
    rows: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= tolerance:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    rows = _raised_into_their_line(rows)
    merged: list[list[Char]] = []
    for row in rows:
        if merged and _numberish(row):
            above = merged[-1]
            height = max(c["bottom"] - c["top"] for c in above)
            gap = row[0]["top"] - above[0]["top"]
            if 0 < gap < 1.2 * height and not _numberish(above) and not any(
                    _overlaps(c, above) for c in row if c["text"].strip()):
                above.extend(row)
                continue
        merged.append(row)
    return [sorted(row, key=lambda c: c["x0"]) for row in merged]


def _superscripts(line: list[Char]) -> set[int]:
    """Which characters of ``line`` are superscript digits (a footnote marker glued to a
    number, 1234.56¹亿元): digits set smaller than the line's text and raised above its
    baseline."""
    sizes = sorted(c.get("size", 10) for c in line if c["text"].strip())
    if len(sizes) < 3:
        return set()
    size = sizes[len(sizes) // 2]
    bottoms = sorted(c["bottom"] for c in line if c["text"].strip())
    base = bottoms[len(bottoms) // 2]
    small = {i for i, c in enumerate(line)
             if c["text"] in _SUPERSCRIPT_DIGITS and c.get("size", 10) < 0.75 * size and c["bottom"] < base - 0.2 * size}
    # Only a marker glued to a number of the line's own size (PM2.5's small 2 follows a
    # letter: it is no marker), at most two digits long.
    raised: set[int] = set()
    for i in sorted(small):
        start = i
        while start - 1 in small:
            start -= 1
        end = i
        while end + 1 in small:
            end += 1
        if (start > 0 and line[start - 1]["text"][-1:].isdigit() and end - start < 2
                and not (end + 1 < len(line) and line[end + 1]["text"][:1].isdigit())):
            raised.add(i)
    return raised


_SUPERSCRIPT_DIGITS = set("0123456789０１２３４５６７８９¹²³⁴⁵⁶⁷⁸⁹⁰")
_SUP_OPEN, _SUP_CLOSE = "\ufff0", "\ufff1"  # around a marker while the line is built
# A marker moves past the unit of the number it is glued to: 1234.56¹亿元 -> 1234.56亿元[1],
# the quantity whole and the marker kept (as the footnote's own text names it).
_MARKER = re.compile("\ufff0([^\ufff1]*)\ufff1"
                     "((?:[万亿千百]*(?:元|美元|吨|人次|人|户|个百分点|百分点|个|项|件|家|所|亩|公里|千米|平方米|"
                     "立方米|公顷|千瓦时|千瓦|辆|台|套|张|条|座|次|年|%|％|‰))?)")


def _raised_into_their_line(rows: list[list[Char]]) -> list[list[Char]]:
    """Superscript digits whose top is above their line's by more than the tolerance make
    a row of their own: it goes into the line below it when it is set smaller and drawn
    within that line's height (a marker, not a displaced number of the line above)."""
    out: list[list[Char]] = []
    for i, row in enumerate(rows):
        below = rows[i + 1] if i + 1 < len(rows) else None
        if below is not None and _numberish(row) and not _numberish(below):
            size = max(c.get("size", 10) for c in below)
            if (max(c.get("size", 10) for c in row) < 0.75 * size
                    and min(c["top"] for c in below) < max(c["bottom"] for c in row) < max(c["bottom"] for c in below)):
                below.extend(row)  # rows were started by their top: the row below's first char stays first
                continue
        out.append(row)
    return out


def _line_text(line: list[Char]) -> str:
    out: list[str] = []
    prev: Optional[Char] = None
    raised = _superscripts(line)
    for i, ch in enumerate(line):
        gap = ch["x0"] - prev["x1"] if prev is not None else 0
        # (after a small footnote marker, the gap is measured in the text's size)
        size = max(prev.get("size", 10), ch.get("size", 10), 1) if prev is not None else 10
        if i in raised:
            out.append(_SUP_OPEN + ch["text"].translate(_FROM_SUPERSCRIPT) + _SUP_CLOSE)
            prev = ch
            continue
        if prev is not None and gap > 0.25 * size and ch["text"].strip() and prev["text"].strip():
            # A gap of two ems or more is a column of a table drawn without rules: a cell.
            # So is any gap between two numbers (6099592 5608666): no number holds a space.
            between_numbers = prev["text"][-1:].isdigit() and ch["text"][:1] in "0123456789０１２３４５６７８９-"
            out.append("\t" if gap > 2 * size or between_numbers else " ")
        out.append(ch["text"])
        prev = ch
    text = "".join(out).replace(_SUP_CLOSE + _SUP_OPEN, "")
    text = _MARKER.sub(lambda m: f"{m.group(2)}[{m.group(1)}]", text)
    return _ascii_digits(_PRIVATE.sub(".", text)).rstrip()


_FROM_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


_NUMBER_LINE = re.compile(r"\s*[-－]?[0-9０-９][0-9０-９,.．]*\s*")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_FULLWIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")


def _merged_rows(table: Table) -> bool:
    """Whether pdfplumber took a table without row rules as one row: a cell then holds a
    whole column of numbers, one per line, which no real cell does."""
    for row in table.extract():
        for cell in row:
            lines = [line for line in (cell or "").split("\n") if line.strip()]
            if len(lines) >= 2 and all(_NUMBER_LINE.fullmatch(line) for line in lines):
                return True
    return False


def _ascii_digits(text: str) -> str:
    """Full-width digits, ％ and a full-width point between digits to ASCII: one
    character for one, so offsets into the text stay those of the page's characters."""
    return _FULLWIDTH_POINT.sub(".", text.translate(_FULLWIDTH))


def _page_lines(page: PlumberPage) -> list[Line]:
    """The page's lines and tables in reading order, each with where it is drawn."""
    # A table read with its rows merged is read as lines instead: each line then holds a
    # row label and its numbers in order.
    tables = [t for t in page.find_tables() if not _merged_rows(t)]
    boxes = [t.bbox for t in tables]

    def outside(obj: Char) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    pieces: list[Line] = []
    chars = [c for c in page.chars if outside(c) and c.get("upright", True)]
    for line in _lines(chars):
        text = _line_text(line)
        if text.strip():
            pieces.append(Line(text, top=min(c["top"] for c in line), bottom=max(c["bottom"] for c in line),
                               x1=max(c["x1"] for c in line)))
    for table in tables:
        # A cell covered by a merged one is None (an empty cell is ""): it is no column of
        # its own, as it is none in the page's HTML or text form (三、本年度办理结果 spans rows).
        rows = [[_ascii_digits(_PRIVATE.sub(".", re.sub(r"\s+", "", c))) for c in row if c is not None]
                for row in table.extract() if any(row)]
        pieces.append(Line("\n".join("\t".join(r) for r in rows), top=table.bbox[1], bottom=table.bbox[3],
                           x1=table.bbox[2], rows=rows))
    pieces.sort(key=lambda p: p.top or 0.0)  # every piece here has its top
    return pieces


class _PageText(str):
    """A page's text in reading order (tables as tab rows, print marks left in), with the
    lines it is made of (``lines``) for the document's pass over all pages."""

    lines: list[Line]


def _page_text(page: PlumberPage) -> _PageText:
    """The page's text (see :class:`_PageText`)."""
    lines = _page_lines(page)
    text = _PageText("\n".join(line.text for line in lines))
    text.lines = lines
    return text


# Characters of a text layer whose fonts have no Unicode map: pdfminer's (cid:N), private-use
# glyphs, control characters, and the Latin-1/Greek/Cyrillic/box-drawing symbols a font's
# own codes read as.
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\U000f0000-\U0010ffff\x00-\x08\x0e-\x1f\ufffd"
                       r"\u0080-\u024f\u0370-\u04ff\u2500-\u27bf]")


def unusable_layer(text: str) -> Optional[str]:
    """Why a page's text layer is unusable (fonts without a Unicode map), or None.

    >>> unusable_layer("全市一般公共预算收入176.1亿元，增长5.2%。") is None
    True
    >>> unusable_layer("\ue001\ue002\ue003" * 10)
    'most of its characters are symbols or private-use glyphs (100%)'
    """
    body = re.sub(r"\s", "", text)
    odd = sum(len(m.group()) for m in _UNMAPPED.finditer(body))
    if len(body) < 20 or odd < 0.3 * len(body) or len(_CJK.findall(body)) > odd:
        return None
    return f"most of its characters are symbols or private-use glyphs ({100 * odd // len(body)}%)"


_CJK = re.compile(r"[\u3400-\u9fff]")


def pdf_pages(path: Union[str, Path], *, ocr: Optional[Callable[[Any], str]] = None,
              notes: Optional[list[tuple[int, str]]] = None, unusable: Optional[list[int]] = None,
              progress: Optional[Callable[[int, int], None]] = None) -> list[tuple[str, bool]]:
    """The text of each page of a PDF, and whether it came from OCR.

    A page with images and no text layer, or whose text layer is unusable (fonts without
    a Unicode map: see :func:`unusable_layer`; its number is added to ``unusable``), is
    passed to ``ocr`` (a function of a pdfplumber page, see
    :mod:`govreport_nlp.readers.ocr`) when one is given; else a scan's text is empty and
    an unusable layer's text is kept as it is. ``progress(page, pages)`` is called after
    each page read by OCR (a page takes seconds). Print marks are taken out of the flow
    (readers/printmarks.py): page marks, running headers, tables and numbers cut by a
    page or line break. Each page is bounded (readers/limits.py): content that unpacks
    past ``GOVREPORT_NLP_MAX_STREAM_MB`` is not read, characters past
    ``GOVREPORT_NLP_MAX_PAGE_CHARS`` are cut; what was cut is added to ``notes`` as
    (page number, message). Each page is released once read.
    """
    import pdfplumber

    stream_cap = int(limit("MAX_STREAM_MB") * (1 << 20))
    char_cap = int(limit("MAX_PAGE_CHARS"))
    pages: list[Page] = []
    via_ocr: list[bool] = []
    with pdfplumber.open(str(path)) as pdf:
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            try:
                try:
                    size = content_size(page, stream_cap)
                except Exception:  # a broken stream is pdfminer's to report when the page is read
                    size = 0
                if size > stream_cap:
                    if notes is not None:
                        notes.append((number, (f"page {number}'s content unpacks past {stream_cap >> 20} MB and "
                                               "was not read (raise GOVREPORT_NLP_MAX_STREAM_MB if it is genuine)")))
                    pages.append(Page())
                    via_ocr.append(False)
                    continue
                # The layout is read with the cap applied while pdfminer draws the page (a cap
                # applied to page.chars would come after the whole layout was built).
                cut = read_layout(page, char_cap, stream_cap, size)
                if cut is not None and notes is not None:
                    notes.append((number, f"page {number} {cut}"))
                text = _page_text(page)
                lines = text.lines
                broken = unusable_layer(text) is not None
                if broken and unusable is not None:
                    unusable.append(number)
                if ocr is not None and (broken or (not text.strip() and page.images)):
                    # OCR text has no positions: its lines are known by their text alone.
                    read = ocr(page)
                    pages.append(Page([Line(t) for t in read.split("\n") if t.strip()]))
                    via_ocr.append(True)
                    if progress is not None:
                        progress(number, count)
                else:
                    pages.append(Page(lines, height=float(page.height)))
                    via_ocr.append(False)
            finally:
                # pdfplumber keeps every page's objects until the file closes (+462 MB per
                # 7,000 pages): release each once read.
                page.close()
    return list(zip(join_pages(pages), via_ocr, strict=True))  # one text per page read


def pdf_to_text(path: Union[str, Path]) -> str:
    """The text of a PDF's text layer, page by page, in reading order; tables found by
    pdfplumber are written as tab-separated rows in their place, and the text inside them
    is not repeated."""
    return "\n".join(text for text, _ in pdf_pages(path)) + "\n"
