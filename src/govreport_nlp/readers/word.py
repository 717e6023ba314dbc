"""Word files: .docx through python-docx, paragraphs and tables in document order;
.doc through a converter when one is installed (LibreOffice, antiword)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Union

from ..errors import InputError
from .tools import run_tool

__all__ = ["doc_to_text", "docx_to_text"]

_WS = re.compile(r"\s+")
# Word's namespace: the body's children are w:p (paragraphs) and w:tbl (tables).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_to_text(path: Union[str, Path]) -> str:
    """The text of a .docx: one line per paragraph, each table row one line of
    tab-separated cells (a merged cell once), in the order the document has them.

    Raises :class:`InputError` when the file is not a Word 2007+ document.
    """
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as e:  # pragma: no cover - a core dependency
        raise InputError("reading .docx needs python-docx: pip install python-docx") from e
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises zipfile, KeyError and its own types
        raise InputError(f"cannot read {path} as a Word (.docx) file: {type(e).__name__}: {e}") from e
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            lines.append(Paragraph(child, document).text.replace("\v", "\n"))
        elif child.tag == _W + "tbl":
            lines.append("")
            lines.extend(_table_rows(Table(child, document)))
            lines.append("")
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _table_rows(table) -> list[str]:
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
            if not antiword:
                raise InputError(f"LibreOffice wrote no .docx for {path}: the file may be damaged; "
                                 "open it in Word or LibreOffice and save it as .docx")
        data = run_tool([str(Path(antiword).resolve()), "-m", "UTF-8.txt", str(copy)],
                        what=f"antiword could not read {path}")
        return data.decode("utf-8", errors="replace")
