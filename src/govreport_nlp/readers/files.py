"""Reading a report file, whatever its format, into the text the pipeline analyses.

``read_document(path)`` returns a :class:`ReadResult`: the text (offsets in a Report from
``extract_file()`` index it), the format that was read, what the page itself says of its
title, date and issuer (HTML), and :class:`~govreport_nlp.models.ReadWarning` for what
could not be read well. ``read_report(path)`` is its text alone. The format is taken from
the file's first bytes, the suffix only where the bytes do not say (text vs HTML).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import InputError
from ..models import ReadWarning
from .encoding import decode, decode_html, garbled_reason, sniff_format
from .html import html_document
from .ocr import find_engine
from .pdf import pdf_pages
from .word import doc_to_text, docx_to_text

__all__ = ["ReadResult", "SUFFIXES", "folder_files", "read_document", "read_report"]

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx", ".doc")
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


@dataclass
class ReadResult:
    """The text of one file and what reading it found out."""

    text: str
    format: str  # "text", "html", "pdf", "docx", "doc"
    warnings: list[ReadWarning] = field(default_factory=list)
    title: Optional[str] = None
    published: Optional[str] = None
    issuer: Optional[str] = None


def _not_a_file(path: Path) -> str:
    """Why ``path`` cannot be read as a file, in words a user can act on."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 names a loop so
            return f"{path} is a symbolic link that loops back on itself"
        except OSError as e:
            if "loop" in str(e).lower() or getattr(e, "errno", None) == 40:  # ELOOP
                return f"{path} is a symbolic link that loops back on itself"
            return f"{path} is a symbolic link to {os.readlink(path)}, which does not exist"
    if path.is_dir():
        return f"{path} is a folder, not a file (the CLI reads folders; read_document() reads one file)"
    if path.exists():
        return f"{path} is not a regular file (a device, a pipe or a socket)"
    return f"no such file: {path}"


def folder_files(root: Union[str, Path]) -> tuple[list[str], list[str]]:
    """The report files under the folder ``root`` (recursively, sorted) and a note for
    each symbolic link that was not followed.

    As ``grep -r`` does, a link whose target lies outside ``root`` is not followed (a link
    to ``/etc/passwd`` must not become a report in the outputs), nor is a link to a
    folder (its files inside the tree are read where they are; loops cannot happen). A
    link to a file inside the tree is read.
    """
    top = Path(root)
    real_top = top.resolve()
    found: list[Path] = []
    notes: list[str] = []
    for folder, dirs, names in os.walk(top, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                notes.append(f"{base / name} is a symbolic link to a folder; not followed")
        for name in names:
            path = base / name
            if path.suffix.lower() not in SUFFIXES:
                continue
            if path.is_symlink():
                target = path.resolve()
                if real_top != target and real_top not in target.parents:
                    notes.append(f"{path} is a symbolic link out of {top} (to {target}); not followed")
                    continue
            if path.is_file():
                found.append(path)
    return [str(p) for p in sorted(found)], notes


def read_document(path: Union[str, Path], *, ocr: Optional[bool] = None) -> ReadResult:
    """Read a report file: text (UTF-8, GB18030/GBK, Big5, UTF-16), HTML, PDF, .docx, .doc.

    Pages of a PDF without a text layer are OCRed when an engine is installed (``pip
    install 'govreport-nlp[ocr]'``); ``ocr=False`` skips them, ``ocr=True`` raises
    :class:`InputError` when no engine is installed. Raises :class:`InputError` for a
    missing file or bytes that are no report.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(_not_a_file(path))
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise InputError(f"cannot read {path}: {e}") from e
    kind = sniff_format(head)
    suffix = path.suffix.lower()
    if kind == "PDF":
        result = _read_pdf(path, ocr)
    elif kind == "Word (.docx)":
        result = ReadResult(docx_to_text(path), "docx")
    elif kind == "Word (.doc)":
        result = ReadResult(doc_to_text(path), "doc")
    elif kind is not None:
        raise InputError(f"{path} is a{'n' if kind[0] in 'AEIOUaeiou' else ''} {kind} file, not a report "
                         "this library reads (text, HTML, PDF, .docx, .doc)")
    else:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"cannot read {path}: {e}") from e
        if suffix in _HTML_SUFFIXES or data[:300].lstrip().lower().startswith((b"<!doctype html", b"<html")):
            doc = html_document(decode_html(data))
            result = ReadResult(doc.text, "html", title=doc.title, published=doc.published, issuer=doc.issuer,
                                warnings=[ReadWarning(code="cut", message=note) for note in doc.notes])
        else:
            result = ReadResult(decode(data), "text")
    _check(result)
    return result


def read_report(path: Union[str, Path]) -> str:
    """The text of a report file (see :func:`read_document`)."""
    return read_document(path).text


def _read_pdf(path: Path, ocr: Optional[bool]) -> ReadResult:
    engine = None
    if ocr is not False:
        engine = find_engine()
        if engine is None and ocr:
            raise InputError("OCR was asked for but no engine is installed: "
                             "pip install 'govreport-nlp[ocr]' (RapidOCR, models included)")
    notes: list[tuple[int, str]] = []
    unusable: list[int] = []
    bar = _PageProgress(path.name)
    try:
        pages = pdf_pages(path, ocr=engine.read_page if engine is not None else None, notes=notes,
                          unusable=unusable, progress=bar.update)
    except InputError:
        raise
    except Exception as e:  # pdfminer raises its own types for broken files
        cause = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
        if "Password" in type(cause).__name__ or "encrypt" in str(cause).lower():
            raise InputError(f"{path} is an encrypted (password-protected) PDF: decrypt it first, e.g. "
                             "qpdf --decrypt --password=PASSWORD in.pdf out.pdf") from e
        raise InputError(f"cannot read {path} as PDF: {type(cause).__name__}: {cause or 'no detail given'}") from e
    finally:
        bar.close()
    # What the limits cut (readers/limits.py) is said, page by page.
    warnings: list[ReadWarning] = [ReadWarning(code="cut", message=message, page=page) for page, message in notes]
    blank = [i + 1 for i, (text, via_ocr) in enumerate(pages) if not via_ocr and not text.strip()]
    ocred = [i + 1 for i, (_, via_ocr) in enumerate(pages) if via_ocr]
    if blank and engine is None:
        warnings.append(ReadWarning(
            code="no_text_layer",
            message=f"{len(blank)} of {len(pages)} pages have no text layer (a scan?) and were not read: "
                    "install an OCR engine with pip install 'govreport-nlp[ocr]'",
            page=blank[0]))
    broken = [n for n in unusable if not pages[n - 1][1]]
    if broken:
        warnings.append(ReadWarning(
            code="garbled_text",
            message=f"the text layer of {_pages(broken)} of {len(pages)} is unusable (fonts without a Unicode map: "
                    "symbols or private-use characters) and was kept as it is: install an OCR engine with "
                    "pip install 'govreport-nlp[ocr]' to read these pages from their images",
            page=broken[0]))
    if ocred and engine is not None:  # (pages are read by OCR only with an engine)
        scans = [n for n in ocred if n not in unusable]
        why = []
        if scans:
            why.append(f"{_pages(scans)} without a text layer")
        if len(scans) < len(ocred):
            why.append(f"{_pages([n for n in ocred if n in unusable])} whose text layer is unusable "
                       "(fonts without a Unicode map)")
        warnings.append(ReadWarning(
            code="ocr",
            message=f"{len(ocred)} of {len(pages)} pages were read by OCR ({engine.name}): "
                    f"{' and '.join(why)}; check the numbers against the page images",
            page=ocred[0]))
    return ReadResult("\n".join(text for text, _ in pages) + "\n", "pdf", warnings)


def _pages(numbers: list[int]) -> str:
    """``page 3`` or ``pages 1, 2, 5`` (at most ten named)."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    named = ", ".join(str(n) for n in numbers[:10])
    return f"pages {named}{', ...' if len(numbers) > 10 else ''}"


class _PageProgress:
    """Page progress of a PDF read by OCR, on stderr as the CLI's file progress is (tqdm):
    a page takes seconds, a 20-page scan minutes. Shown from the first page OCR reads on a
    file of three pages or more, and only where stderr is a terminal (tqdm's own test), so
    logs and pipes are not filled with it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.bar: Optional[Any] = None  # a tqdm bar (tqdm ships no types)

    def update(self, page: int, pages: int) -> None:
        if pages < 3:
            return
        if self.bar is None:
            import sys

            from tqdm import tqdm

            self.bar = tqdm(total=pages, initial=page - 1, unit="page", desc=f"OCR {self.name}", file=sys.stderr,
                            disable=None, leave=False)
        self.bar.update(page - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _check(result: ReadResult) -> None:
    """Warn about a text that is empty or does not read as Chinese."""
    if not result.text.strip():
        if not any(w.code == "no_text_layer" for w in result.warnings):
            result.warnings.append(ReadWarning(code="empty", message="the file holds no text"))
        return
    reason = garbled_reason(result.text)
    if reason is not None and not any(w.code == "garbled_text" for w in result.warnings):
        hint = ("the PDF's text layer is probably broken (fonts without a Unicode map); "
                "OCR the pages instead (pip install 'govreport-nlp[ocr]')" if result.format == "pdf"
                else "the encoding was probably guessed wrong; decode the bytes yourself and call extract()")
        result.warnings.append(ReadWarning(code="garbled_text", message=f"the text does not read as Chinese: {reason}; {hint}"))
