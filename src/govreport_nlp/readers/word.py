"""Word files: .docx through python-docx, paragraphs and tables in document order;
.doc through a converter when one is installed (LibreOffice, antiword)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Union

from ..errors import InputError

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

    Raises :class:`InputError` naming what to install when neither is.
    """
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        with tempfile.TemporaryDirectory(prefix="govreport-doc-") as out:
            try:
                subprocess.run([office, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                               check=True, capture_output=True, timeout=300)
            except (subprocess.SubprocessError, OSError) as e:
                raise InputError(f"LibreOffice could not convert {path}: {e}") from e
            converted = Path(out) / (Path(path).stem + ".docx")
            if converted.is_file():
                return docx_to_text(converted)
    antiword = shutil.which("antiword")
    if antiword:
        try:
            done = subprocess.run([antiword, "-m", "UTF-8.txt", str(path)], check=True,
                                  capture_output=True, timeout=300)
        except (subprocess.SubprocessError, OSError) as e:
            raise InputError(f"antiword could not read {path}: {e}") from e
        return done.stdout.decode("utf-8", errors="replace")
    raise InputError(f"{path} is a Word 97-2003 (.doc) file; reading it needs LibreOffice "
                     "(apt install libreoffice-writer) or antiword (apt install antiword), "
                     "or save it as .docx")
