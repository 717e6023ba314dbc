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
from typing import Callable, Optional, Union

from .limits import limit

__all__ = ["pdf_pages", "pdf_to_text"]

# A line that may be the displaced second-font part of the line above: no Chinese
# character and no letter (digits, signs, punctuation, spaces and private-use glyphs).
_WORDLIKE = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z]")
# After a digit, such a glyph is the decimal point (76.1%) or an enumerator's (1.一般…).
_PRIVATE = re.compile(r"(?<=[0-9０-９])[\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _numberish(chars: list[dict]) -> bool:
    return not any(_WORDLIKE.match(c["text"]) for c in chars) and any(c["text"].strip() for c in chars)


def _overlaps(char: dict, line: list[dict]) -> bool:
    """Whether ``char`` would be drawn where a character of ``line`` is: their left edges
    closer than a quarter of an em. (The boxes themselves overlap: these fonts give a
    half-width digit or parenthesis a full em box.)"""
    near = 0.25 * char.get("size", 10)
    return any(abs(c["x0"] - char["x0"]) < near for c in line if c["text"].strip())


def _lines(chars: list[dict], tolerance: float = 3.0) -> list[list[dict]]:
    """Characters grouped into lines (by their top, then left to right), with the number
    lines that belong in the gaps of the line above merged into it."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= tolerance:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    merged: list[list[dict]] = []
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


def _line_text(line: list[dict]) -> str:
    out: list[str] = []
    prev: Optional[dict] = None
    for ch in line:
        gap = ch["x0"] - prev["x1"] if prev is not None else 0
        size = max(prev.get("size", 10), 1) if prev is not None else 10
        if prev is not None and gap > 0.25 * size and ch["text"].strip() and prev["text"].strip():
            # A gap of two ems or more is a column of a table drawn without rules: a cell.
            # So is any gap between two numbers (6099592 5608666): no number holds a space.
            between_numbers = prev["text"][-1:].isdigit() and ch["text"][:1] in "0123456789０１２３４５６７８９-"
            out.append("\t" if gap > 2 * size or between_numbers else " ")
        out.append(ch["text"])
        prev = ch
    return _ascii_digits(_PRIVATE.sub(".", "".join(out))).rstrip()


_NUMBER_LINE = re.compile(r"\s*[-－]?[0-9０-９][0-9０-９,.．]*\s*")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
_FULLWIDTH_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")


def _merged_rows(table) -> bool:
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


def _page_text(page) -> str:
    # A table read with its rows merged is read as lines instead: each line then holds a
    # row label and its numbers in order.
    tables = [t for t in page.find_tables() if not _merged_rows(t)]
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    pieces: list[tuple[float, str]] = []
    chars = [c for c in page.chars if outside(c) and c.get("upright", True)]
    for line in _lines(chars):
        text = _line_text(line)
        if text.strip():
            pieces.append((line[0]["top"], text))
    for table in tables:
        rows = table.extract()
        # A cell covered by a merged one is None (an empty cell is ""): it is no column of
        # its own, as it is none in the page's HTML or text form (三、本年度办理结果 spans rows).
        text = "\n".join("\t".join(_ascii_digits(_PRIVATE.sub(".", re.sub(r"\s+", "", c))) for c in row if c is not None)
                         for row in rows if any(row))
        pieces.append((table.bbox[1], text))
    pieces.sort(key=lambda p: p[0])
    return "\n".join(text for _, text in pieces)


def _content_size(page, cap: int) -> int:
    """The unpacked size of a page's content streams, inflating at most ``cap`` + 1
    bytes of each: a stream that inflates to a gigabyte is measured, never unpacked."""
    import zlib

    from pdfminer.pdftypes import resolve1

    total = 0
    for stream in page.page_obj.contents or []:
        stream = resolve1(stream)
        raw = getattr(stream, "rawdata", None)
        if raw is None:
            data = getattr(stream, "data", None) or b""
            total += len(data)
            continue
        filters = resolve1(stream.attrs.get("Filter", stream.attrs.get("F")))
        names = [getattr(resolve1(f), "name", f) for f in (filters if isinstance(filters, list) else [filters])]
        if names and names[0] in ("FlateDecode", "Fl"):
            try:
                total += len(zlib.decompressobj().decompress(raw, cap + 1))
            except zlib.error:
                total += len(raw)
        else:
            total += len(raw)
        if total > cap:
            break
    return total


def pdf_pages(path: Union[str, Path], *, ocr: Optional[Callable[[object], str]] = None,
              notes: Optional[list[tuple[int, str]]] = None) -> list[tuple[str, bool]]:
    """The text of each page of a PDF, and whether it came from OCR.

    A page with images and no text layer is passed to ``ocr`` (a function of a
    pdfplumber page, see :mod:`govreport_nlp.readers.ocr`) when one is given, else its
    text is empty. Each page is bounded (readers/limits.py): content that unpacks past
    ``GOVREPORT_NLP_MAX_STREAM_MB`` is not read, characters past
    ``GOVREPORT_NLP_MAX_PAGE_CHARS`` are cut; what was cut is added to ``notes`` as
    (page number, message). Each page is released once read.
    """
    import pdfplumber

    stream_cap = int(limit("MAX_STREAM_MB") * (1 << 20))
    char_cap = int(limit("MAX_PAGE_CHARS"))
    pages: list[tuple[str, bool]] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            try:
                try:
                    size = _content_size(page, stream_cap)
                except Exception:  # a broken stream is pdfminer's to report when the page is read
                    size = 0
                if size > stream_cap:
                    if notes is not None:
                        notes.append((number, f"page {number}'s content unpacks past {stream_cap >> 20} MB and was "
                                              "not read (raise GOVREPORT_NLP_MAX_STREAM_MB if it is genuine)"))
                    pages.append(("", False))
                    continue
                if len(page.chars) > char_cap:
                    if notes is not None:
                        notes.append((number, f"page {number} draws {len(page.chars)} characters; the first "
                                              f"{char_cap} were read (GOVREPORT_NLP_MAX_PAGE_CHARS)"))
                    page._objects["char"] = page.chars[:char_cap]  # what find_tables and _page_text read
                text = _page_text(page)
                if not text.strip() and page.images and ocr is not None:
                    pages.append((ocr(page), True))
                else:
                    pages.append((text, False))
            finally:
                # pdfplumber keeps every page's objects until the file closes (+462 MB per
                # 7,000 pages): release each once read.
                page.close()
    return pages


def pdf_to_text(path: Union[str, Path]) -> str:
    """The text of a PDF's text layer, page by page, in reading order; tables found by
    pdfplumber are written as tab-separated rows in their place, and the text inside them
    is not repeated."""
    return "\n".join(text for text, _ in pdf_pages(path)) + "\n"
