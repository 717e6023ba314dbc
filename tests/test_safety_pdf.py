"""PDF pages cost bounded time and memory (issue #25 item 5): characters per page, unpacked
content per page and pixels rendered for OCR are capped, and each page is released once
read. The PDFs are made here; the caps are set small through the environment."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from govreport_nlp.readers import read_document
from govreport_nlp.readers.pdf import pdf_pages


def _text_pdf(path: Path, lines: int, fmt=(595, 842)) -> Path:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(unit="pt", format=fmt)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=4)
    for i in range(lines):
        pdf.text(10, 10 + (i % 150) * 5, "2024 " * 20)
    pdf.output(str(path))
    return path


def test_characters_past_the_page_cap_are_cut_and_said(tmp_path, monkeypatch):
    path = _text_pdf(tmp_path / "dense.pdf", 300)  # 30,000 characters on one page
    monkeypatch.setenv("GOVREPORT_NLP_MAX_PAGE_CHARS", "1000")
    result = read_document(path)
    assert len(result.text.replace(" ", "").replace("\n", "").replace("\t", "")) <= 1000
    cut = [w for w in result.warnings if w.code == "cut"]
    assert cut and cut[0].page == 1 and "GOVREPORT_NLP_MAX_PAGE_CHARS" in cut[0].message


def _bomb_pdf(path: Path, inflated: int) -> Path:
    content = b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" + b" " * inflated
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_a_content_stream_that_inflates_past_the_cap_is_not_read(tmp_path, monkeypatch):
    path = _bomb_pdf(tmp_path / "bomb.pdf", 3 << 20)  # 3 MB from a few KB
    assert path.stat().st_size < 20_000
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "1")
    notes: list = []
    assert pdf_pages(path, notes=notes) == [("", False)]
    assert notes and "GOVREPORT_NLP_MAX_STREAM_MB" in notes[0][1]
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "8")
    assert pdf_pages(path, notes=[])[0][0].strip() == "x"


def test_a_huge_page_is_rendered_within_the_pixel_cap(tmp_path, monkeypatch):
    import pdfplumber

    from govreport_nlp.readers.ocr import _image

    path = _text_pdf(tmp_path / "wide.pdf", 1, fmt=(200, 14400))  # 14400 pt wide: 40000 px at 200 dpi
    monkeypatch.setenv("GOVREPORT_NLP_MAX_RENDER_MPX", "2")
    with pdfplumber.open(str(path)) as pdf:
        image = _image(pdf.pages[0])
    assert image.width * image.height <= 2_000_000 and max(image.size) > 1000


def test_every_page_is_released_once_read(tmp_path, monkeypatch):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    for i in range(5):
        pdf.add_page()
        pdf.text(20, 20, f"page {i}")
    path = tmp_path / "five.pdf"
    pdf.output(str(path))
    from govreport_nlp.readers import pdf as pdf_module

    held = []
    original = pdf_module._page_text
    opened = []

    def page_text(page):  # how many pages still hold their parsed objects as each is read
        opened.append(page)
        held.append(sum(hasattr(p, "_objects") for p in opened[:-1]))
        return original(page)

    monkeypatch.setattr(pdf_module, "_page_text", page_text)
    assert len(pdf_pages(path)) == 5
    assert held == [0, 0, 0, 0, 0]
