"""Reading report files: text in any common encoding, HTML pages and PDF documents.

``read_report(path)`` returns the report's text as the library analyses it; offsets in
a Report from ``extract_file()`` index that text, which the Report carries. Tables in
HTML and PDF are kept as tables: one line per row, cells separated by tabs, which is
how the template-table parser reads them best.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Union

from ..errors import InputError

__all__ = ["decode", "read_report", "html_to_text", "pdf_to_text", "SUFFIXES"]

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".pdf")
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr",
           "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "header", "footer", "title"}
_SKIP = ("script", "style", "noscript", "template", "iframe", "svg", "head > meta", "link")


def decode(data: bytes) -> str:
    """Decode report bytes: UTF-8 (with or without BOM), else GB18030 (a superset of
    GBK and GB2312), else what charset-normalizer finds.

    Raises :class:`InputError` when nothing fits.
    """
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - a core dependency
        best = None
    if best is not None:
        return str(best)
    raise InputError("the bytes are neither UTF-8 nor GB18030/GBK and no encoding fits; "
                     "decode them yourself and pass a str")


def _html_charset_decode(data: bytes) -> str:
    head = data[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", head)
    if m:
        name = m.group(1).lower()
        if name in ("gb2312", "gbk"):
            name = "gb18030"  # the superset: pages labelled GB2312 often use GBK characters
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: block elements on their own lines, table rows
    as tab-separated cells; scripts and styles dropped."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for selector in _SKIP:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    out: list[str] = []

    def walk(node) -> None:
        tag = node.tag
        if tag == "-text":
            out.append(re.sub(r"[ \t\r\n]+", " ", node.text_content or ""))
            return
        if tag == "table":
            out.append("\n")
            for row in node.css("tr"):
                cells = [re.sub(r"\s+", "", c.text(separator="")) for c in row.css("td, th")]
                out.append("\t".join(cells) + "\n")
            return
        if tag in _BLOCKS:
            out.append("\n")
        child = node.child
        while child is not None:
            walk(child)
            child = child.next
        if tag in _BLOCKS:
            out.append("\n")

    walk(root)
    text = "".join(out)
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def pdf_to_text(path: Union[str, Path]) -> str:
    """The text of a PDF, page by page; tables found by pdfplumber are written as
    tab-separated rows in their place, and the text inside them is not repeated."""
    import pdfplumber

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes) -> bool:
                if obj.get("object_type") != "char":
                    return True
                x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            pieces: list[tuple[float, str]] = []
            rest = page.filter(outside).extract_text() or ""
            if rest.strip():
                # Text outside tables goes by lines at their own height.
                for line in page.filter(outside).extract_text_lines():
                    pieces.append((line["top"], line["text"]))
            for table in tables:
                rows = table.extract()
                text = "\n".join("\t".join(re.sub(r"\s+", "", c or "") for c in row) for row in rows)
                pieces.append((table.bbox[1], text))
            pieces.sort(key=lambda p: p[0])
            pages.append("\n".join(text for _, text in pieces))
    return "\n".join(pages) + "\n"


def read_report(path: Union[str, Path]) -> str:
    """The text of a report file (.txt and the like, .html, .pdf).

    Raises :class:`InputError` for a missing file, an unknown suffix or undecodable bytes.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            return pdf_to_text(path)
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e}") from e
    except Exception as e:  # pdfminer raises its own types for broken files
        raise InputError(f"cannot read {path} as PDF: {type(e).__name__}: {e}") from e
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or data[:200].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return html_to_text(_html_charset_decode(data))
    return decode(data)
