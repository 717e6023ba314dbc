"""Word files: .docx through python-docx, paragraphs and tables in document order;
.doc through a converter when one is installed (LibreOffice, antiword)."""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..errors import InputError
from .limits import limit
from .tools import run_tool

if TYPE_CHECKING:
    from docx.table import Table
    from docx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["doc_to_text", "docx_to_text"]

_WS = re.compile(r"\s+")
# Word's namespace: the body's children are w:p (paragraphs) and w:tbl (tables).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(path: Union[str, Path]) -> None:
    """Refuse a .docx whose parts would unpack beyond the limits (readers/limits.py): a
    zip bomb is stopped before a byte is inflated. zipfile reads no member beyond its
    declared size, so the declared sizes bound what is read."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            xml = sum(i.file_size for i in infos if _is_xml(zf, i))
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(f"cannot read {path} as a Word (.docx) file: {type(e).__name__}: {e}") from e
    cap = limit("MAX_INFLATED_MB") * (1 << 20)
    ratio = limit("MAX_RATIO")
    total = sum(i.file_size for i in infos)
    if total > cap:
        raise InputError(f"{path} unpacks to {total / (1 << 20):.0f} MB, over the limit of {cap / (1 << 20):.0f} MB "
                         "(a zip bomb?); nothing was read. Raise GOVREPORT_NLP_MAX_INFLATED_MB if it is genuine")
    for info in infos:
        if info.file_size > (1 << 20) and info.file_size > ratio * max(info.compress_size, 1):
            raise InputError(f"{path}: {info.filename} unpacks {info.file_size // max(info.compress_size, 1)} times "
                             f"its packed size, over the limit of {ratio:g} (a zip bomb?); nothing was read. "
                             "Raise GOVREPORT_NLP_MAX_RATIO if it is genuine")
    # The XML parts are parsed whole into a tree of about 20-40 bytes of memory per byte
    # of XML (10 M one-word paragraphs, 450 MB of XML that passes the checks above: 6.7 GB).
    # A real report's XML is a few MB; this cap bounds the parse.
    xml_cap = limit("MAX_DOCX_XML_MB") * (1 << 20)
    if xml > xml_cap:
        raise InputError(f"{path}: its XML unpacks to {xml / (1 << 20):.0f} MB, over the limit of "
                         f"{xml_cap / (1 << 20):g} MB (reading it takes about 40 times that in memory); nothing "
                         "was read. Raise GOVREPORT_NLP_MAX_DOCX_XML_MB if it is genuine and memory allows")


# What may open an XML part: a byte-order mark, white space, then '<' (in UTF-16 too).
_XML_LEAD = b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n"


def _is_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether a member is XML (parsed whole when read), by its first bytes: python-docx
    parses a part by the content type [Content_Types].xml gives it, whatever its name, so
    a document part named word/media/x.png is XML all the same. A member that cannot be
    read counts as XML."""
    if info.is_dir() or info.file_size == 0:
        return False
    try:
        with zf.open(info) as fh:
            head = fh.read(256)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error):
        return True
    return head.lstrip(_XML_LEAD).startswith(b"<")


def docx_to_text(path: Union[str, Path]) -> str:
    """The text of a .docx: one line per paragraph, each table row one line of
    tab-separated cells (a merged cell once), in the order the document has them.

    All the text Word shows is read: runs inside content controls (block and inline),
    tracked insertions, smart tags, simple fields, hyperlinks and custom XML; deleted
    text is not. Raises :class:`InputError` when the file is not a Word 2007+ document or
    would unpack beyond the limits of readers/limits.py.
    """
    try:
        import docx
        from docx.table import Table
    except ImportError as e:  # pragma: no cover - a core dependency
        raise InputError("reading .docx needs python-docx: pip install python-docx") from e
    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises zipfile, KeyError and its own types
        raise InputError(f"cannot read {path} as a Word (.docx) file: {type(e).__name__}: {e}") from e
    lines: list[str] = []
    # Block content controls and custom XML wrap paragraphs and tables: read their insides
    # in place (an explicit stack: no recursion limit on nesting).
    stack = list(reversed(list(document.element.body.iterchildren())))
    while stack:
        child = stack.pop()
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":
            lines.append("")
            lines.extend(_table_rows(Table(child, document)))
            lines.append("")
        elif child.tag in (_W + "sdt", _W + "customXml", _W + "sdtContent"):
            inner = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if inner is not None:
                stack.extend(reversed([c for c in inner.iterchildren() if c.tag != _W + "customXmlPr"]))
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# Subtrees whose text Word does not show as the paragraph's: deletions, the old place of a
# move, properties, and the fallback copy of a text box (its mc:Choice is read).
_HIDDEN = {_W + "del", _W + "moveFrom", _W + "pPr", _W + "rPr", _W + "sdtPr", _W + "customXmlPr",
           "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def _paragraph_text(p: BaseOxmlElement) -> str:
    out: list[str] = []
    stack = [p]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag in _HIDDEN:
            continue
        if tag == _W + "t":
            out.append(node.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        stack.extend(reversed(list(node)))
    return "".join(out)


def _table_rows(table: Table) -> list[str]:
    rows = []
    for row in table.rows:
        # The row's own w:tc elements: a cell merged across columns (gridSpan) is one
        # element, so its text comes once; a cell merged down (vMerge) is empty below.
        cells = [_WS.sub("", "".join(t.text or "" for t in tc.iter(_W + "t"))) for tc in row._tr.tc_lst]
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def doc_to_text(path: Union[str, Path]) -> str:
    """The text of a legacy .doc (Word 97-2003), through LibreOffice (converted to .docx,
    tables kept) or antiword, whichever is installed.

    The file is copied under a fixed name into a private folder first and converters get
    absolute paths only (see readers/tools.py): no file name is ever read as an option.
    LibreOffice runs with a profile of its own each time, so parallel conversions (and a
    LibreOffice the user has open) neither collide nor lose files.

    Raises :class:`InputError` naming what to install when neither is.
    """
    source = Path(path).resolve()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    antiword = shutil.which("antiword")
    if not office and not antiword:
        raise InputError(f"{path} is a Word 97-2003 (.doc) file; reading it needs LibreOffice "
                         "(apt install libreoffice-writer) or antiword (apt install antiword), "
                         "or save it as .docx")
    with tempfile.TemporaryDirectory(prefix="govreport-doc-") as tmp:
        work = Path(tmp).resolve()
        copy = work / "input.doc"
        try:
            shutil.copyfile(source, copy)
        except OSError as e:
            raise InputError(f"cannot read {path}: {e}") from e
        if office:
            out = work / "out"
            out.mkdir()
            profile = work / "profile"
            run_tool([str(Path(office).resolve()), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                      "--invisible", "--norestore", "--nologo", "--nolockcheck", "--convert-to", "docx",
                      "--outdir", str(out), str(copy)],
                     what=f"LibreOffice could not convert {path}")
            converted = out / "input.docx"
            if converted.is_file():
                return docx_to_text(converted)
        if not antiword:  # (without LibreOffice antiword is there: checked above)
            raise InputError(f"LibreOffice wrote no .docx for {path}: the file may be damaged; "
                             "open it in Word or LibreOffice and save it as .docx")
        data = run_tool([str(Path(antiword).resolve()), "-m", "UTF-8.txt", str(copy)],
                        what=f"antiword could not read {path}")
        return data.decode("utf-8", errors="replace")
