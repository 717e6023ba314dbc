"""OCR for PDF pages without a text layer (scans), as an optional extra.

``pip install 'govreport-nlp[ocr]'`` installs RapidOCR (PaddleOCR's Chinese models run by
onnxruntime; the models ship inside the wheel, nothing is downloaded at run time). Where
it is missing, the Tesseract command with its ``chi_sim`` data (Debian:
``apt install tesseract-ocr tesseract-ocr-chi-sim``) is used when installed. Neither is
a core dependency: a scan without an engine gives a Report with a ``no_text_layer``
warning, and the CLI says on stderr what to install.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from ..errors import InputError
from .limits import limit
from .tools import run_tool

if TYPE_CHECKING:
    from PIL.Image import Image
    from pdfplumber.page import Page

__all__ = ["OcrEngine", "find_engine"]

# Pages are rendered at this resolution: the size of body text in a scan of A4 at 200 dpi
# is what both engines read best (measured on the formats corpus's scan).
_DPI = 200


@dataclass(frozen=True)
class OcrEngine:
    """An installed OCR engine: ``read_page`` takes a pdfplumber page, returns its text."""

    name: str
    read_page: Callable[[Page], str]


def _image(page: Page) -> Image:
    # A page 14400 pt wide at 200 dpi is 40000 px a side (6.3 GB): the resolution is
    # lowered so that the image stays within GOVREPORT_NLP_MAX_RENDER_MPX megapixels.
    cap = limit("MAX_RENDER_MPX") * 1e6
    area = float(page.width) * float(page.height) / (72.0 * 72.0)  # square inches
    resolution = _DPI
    if area * resolution * resolution > cap:
        resolution = max(1, int((cap / area) ** 0.5) - 1)  # less one: pixel counts round up
    return page.to_image(resolution=resolution).original.convert("RGB")


def _rapidocr() -> Optional[OcrEngine]:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    engine = RapidOCR()

    def read_page(page: Page) -> str:
        import numpy as np

        result, _ = engine(np.asarray(_image(page)))
        return _lines_from_boxes(result or [])

    return OcrEngine("RapidOCR", read_page)


# One box as RapidOCR gives it: its four corner points, its text and its score.
_Box = tuple[list[list[float]], str, float]


def _lines_from_boxes(result: list[_Box]) -> str:
    """Text boxes (4 corner points, text, score) joined into lines top to bottom: boxes
    whose vertical centres are within half a box height form one line, left to right."""
    boxes = []
    for points, text, _score in result:
        ys = [p[1] for p in points]
        xs = [p[0] for p in points]
        boxes.append(((min(ys) + max(ys)) / 2, max(ys) - min(ys), min(xs), text))
    boxes.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for box in boxes:
        if lines and abs(box[0] - lines[-1][0][0]) < 0.5 * max(box[1], lines[-1][0][1]):
            lines[-1].append(box)
        else:
            lines.append([box])
    return "\n".join("".join(b[3] for b in sorted(line, key=lambda b: b[2])) for line in lines)


def _tesseract() -> Optional[OcrEngine]:
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    # Through run_tool as the page reads are: its own process group, killed whole, output to
    # a file (a child left holding a pipe would block a capture of it past any timeout).
    try:
        langs = run_tool([str(Path(exe).resolve()), "--list-langs"], what="tesseract --list-langs", timeout=30)
    except InputError:  # a failing listing names no chi_sim
        return None
    if "chi_sim" not in langs.decode("utf-8", errors="replace").split():
        return None

    def read_page(page: Page) -> str:
        with tempfile.TemporaryDirectory(prefix="govreport-ocr-") as tmp:
            image = Path(tmp) / "page.png"
            _image(page).save(image)
            # Its own process group, killed whole on a timeout (readers/tools.py).
            out = run_tool([str(Path(exe).resolve()), str(image.resolve()), "stdout", "-l", "chi_sim", "--psm", "6"],
                           what="Tesseract could not read a scanned page", timeout=600)
        # Tesseract puts a space between every two Chinese characters.
        text = out.decode("utf-8", errors="replace")
        import re

        return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)

    return OcrEngine("Tesseract", read_page)


def find_engine() -> Optional[OcrEngine]:
    """The first OCR engine installed (RapidOCR, then Tesseract with chi_sim), or None."""
    return _rapidocr() or _tesseract()
