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
    return _one_page_pdf(path, b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n" + b" " * inflated)


def _one_page_pdf(path: Path, content: bytes, forms: tuple[bytes, ...] = ()) -> Path:
    """A one-page PDF drawing ``content`` (packed with Flate) in Helvetica, with form
    objects /X1, /X2 ... drawing ``forms`` (packed too)."""
    packed = zlib.compress(content, 9)
    names = b" ".join(b"/X%d %d 0 R" % (i, 5 + i) for i in range(1, len(forms) + 1))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> /XObject << %s >> >> >>" % names),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for form in forms:
        data = zlib.compress(form, 9)
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
                       b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
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


def _char_bomb(path: Path, chars: int) -> Path:
    """A page of a few KB drawing ``chars`` characters, 2,000 to a line (issue #25's 6 KB
    page drawing 800,000 characters)."""
    lines = [b"BT /F1 1 Tf"]
    for i in range(0, chars, 2000):
        lines.append(b"1 0 0 1 10 %d Tm (%s) Tj" % (10 + (i // 2000) % 700, b"x" * min(2000, chars - i)))
    return _one_page_pdf(path, b"\n".join(lines + [b"ET"]))


# Run in a child whose address space is limited to what it uses once pdfplumber is
# imported plus a budget, and whose CPU time is limited: a page whose whole layout is built
# before the cap applies (800,000 characters: about 1.8 GB) fails there.
_CHILD = """
import resource, sys
from govreport_nlp.readers.pdf import pdf_pages
import pdfplumber.page
pages = int(open("/proc/self/statm").read().split()[0])
resource.setrlimit(resource.RLIMIT_AS, (pages * resource.getpagesize() + int(sys.argv[2]) * 2**20,) * 2)
resource.setrlimit(resource.RLIMIT_CPU, (120, 120))
notes = []
text = pdf_pages(sys.argv[1], notes=notes)[0][0]
print(sum(c == "x" for c in text), notes[0][1] if notes else "")
"""


def _read_in_child(path: Path, cap: int, budget_mb: int):
    import os
    import subprocess
    import sys

    env = dict(os.environ, GOVREPORT_NLP_MAX_PAGE_CHARS=str(cap))
    return subprocess.run([sys.executable, "-c", _CHILD, str(path), str(budget_mb)], check=False, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="address-space limit measured from /proc (Linux)")
def test_a_page_drawing_800k_characters_is_cut_while_it_is_parsed(tmp_path):
    path = _char_bomb(tmp_path / "chars.pdf", 800_000)
    assert path.stat().st_size < 6_000
    done = _read_in_child(path, 10_000, 256)
    assert done.returncode == 0, done.stderr[-2000:]
    count, note = done.stdout.split(" ", 1)
    assert int(count) == 10_000
    assert "more than 10000 characters" in note and "GOVREPORT_NLP_MAX_PAGE_CHARS" in note
    # The budget is binding: with the cap out of the way the same page does not fit in it.
    assert _read_in_child(path, 10_000_000, 256).returncode != 0


def test_a_page_drawing_too_many_shapes_is_cut_too(tmp_path, monkeypatch):
    rects = b"\n".join(b"%d %d 1 1 re f" % (i % 600, (i // 600) % 800) for i in range(5000))
    path = _one_page_pdf(tmp_path / "shapes.pdf", rects + b"\nBT /F1 12 Tf 72 712 Td (late) Tj ET")
    monkeypatch.setenv("GOVREPORT_NLP_MAX_PAGE_CHARS", "1000")
    notes: list = []
    assert pdf_pages(path, notes=notes)[0][0].strip() == ""  # drawn after the cap: not read
    assert notes and "more than 1000 shapes" in notes[0][1]


def test_a_content_stream_that_inflates_past_the_cap_is_not_read(tmp_path, monkeypatch):
    path = _bomb_pdf(tmp_path / "bomb.pdf", 3 << 20)  # 3 MB from a few KB
    assert path.stat().st_size < 20_000
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "1")
    notes: list = []
    assert pdf_pages(path, notes=notes) == [("", False)]
    assert notes and "GOVREPORT_NLP_MAX_STREAM_MB" in notes[0][1]
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "8")
    assert pdf_pages(path, notes=[])[0][0].strip() == "x"


def test_form_objects_count_against_the_page_content_cap(tmp_path, monkeypatch):
    """A form object that inflates past the cap is never unpacked, and a form drawn again
    and again counts each time it is drawn (its content is parsed each time)."""
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "1")
    head = b"BT /F1 12 Tf 72 712 Td (before) Tj ET\n"
    bomb = _one_page_pdf(tmp_path / "form.pdf", head + b"/X1 Do", (b"BT /F1 12 Tf 72 600 Td (x) Tj ET\n" + b" " * (3 << 20),))
    assert bomb.stat().st_size < 20_000
    notes: list = []
    assert pdf_pages(bomb, notes=notes)[0][0].strip() == "before"
    assert notes and "form objects" in notes[0][1] and "GOVREPORT_NLP_MAX_STREAM_MB" in notes[0][1]
    small = b"BT /F1 12 Tf 72 600 Td (x) Tj ET\n" + b" " * (200 << 10)
    again = _one_page_pdf(tmp_path / "again.pdf", head + b"/X1 Do\n" * 20, (small,))
    notes = []
    assert pdf_pages(again, notes=notes)[0][0].replace("\n", "").replace(" ", "") == "before" + "x" * 5
    assert notes and "form objects" in notes[0][1]
    monkeypatch.setenv("GOVREPORT_NLP_MAX_STREAM_MB", "8")
    notes = []
    assert pdf_pages(again, notes=notes)[0][0].replace("\n", "").replace(" ", "") == "before" + "x" * 20
    assert notes == []


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
