"""A PDF whose text layer is unusable (issue #28): fonts without a Unicode map give symbols or
private-use characters. With an OCR engine the pages are read by OCR, with a warning that says
so and page progress on stderr; without one the warning names the ``ocr`` extra. The PDFs are
made here: fpdf2 writes a font's Unicode map uncompressed, which is then pointed at
private-use code points (the glyphs drawn stay right, as in the broken files)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from govreport_nlp.errors import InputError
from govreport_nlp.readers import files as files_module
from govreport_nlp.readers import read_document
from govreport_nlp.readers.ocr import OcrEngine, find_engine
from govreport_nlp.readers.pdf import pdf_pages, unusable_layer

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LINE = "全市一般公共预算收入176.1亿元，增长5.2%。"


def _broken_pdf(path: Path, pages: int = 1, text: str = LINE) -> Path:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs (the test extra)")
    if not FONT.exists():
        pytest.skip(f"needs a CJK font at {FONT} (Debian: fonts-wqy-microhei)")
    pdf = fpdf.FPDF(unit="pt", format=(595, 842))
    pdf.set_compression(False)
    pdf.add_font("wqy", fname=str(FONT))
    for _ in range(pages):
        pdf.add_page()
        pdf.set_font("wqy", size=20)
        for i in range(3):
            pdf.set_xy(60, 100 + 40 * i)
            pdf.cell(text=text)
    raw = bytes(pdf.output())
    # Every glyph's Unicode value (bfchar <code> <unicode>) becomes a private-use one: the
    # same length, so the file's offsets still hold.
    broken = re.sub(rb"(<[0-9A-F]{4}> )<(?!0000|0020)[0-9A-F]{4}>",
                    lambda m: m.group(1) + b"<E%03X>" % (int(m.group(1)[1:5], 16) % 0xFFF), raw)
    assert broken != raw
    path.write_bytes(broken)
    return path


def test_readers_ocr_layer_unusable_text_is_recognised():
    assert unusable_layer(LINE * 3) is None
    assert unusable_layer("\ue001\ue002\ue003" * 10) is not None
    assert unusable_layer("(cid:12)(cid:40)(cid:7)" * 5) is not None
    assert unusable_layer("ÈýÊ®Áù¼þ£¬ÆäÖÐ" * 4) is not None  # a font's codes read as Latin-1
    assert unusable_layer("2024\t1234\t5678\n" * 5) is None  # a table of numbers is text


def test_readers_ocr_layer_without_engine_warns_with_the_extra(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "find_engine", lambda: None)
    result = read_document(_broken_pdf(tmp_path / "broken.pdf"))
    garbled = [w for w in result.warnings if w.code == "garbled_text"]
    assert len(garbled) == 1 and garbled[0].page == 1
    assert "pip install 'govreport-nlp[ocr]'" in garbled[0].message
    assert "Unicode map" in garbled[0].message
    assert result.text.strip()  # kept as it is: nothing is thrown away


def test_readers_ocr_layer_pages_go_to_the_engine_with_progress(tmp_path):
    path = _broken_pdf(tmp_path / "broken.pdf", pages=3)
    seen, unusable = [], []
    pages = pdf_pages(path, ocr=lambda page: "OCR读出的文字", unusable=unusable,
                      progress=lambda page, count: seen.append((page, count)))
    assert pages == [("OCR读出的文字", True)] * 3
    assert unusable == [1, 2, 3] and seen == [(1, 3), (2, 3), (3, 3)]


def test_readers_ocr_layer_warning_and_progress_on_a_terminal(tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(files_module, "find_engine", lambda: OcrEngine("fake", lambda page: LINE))
    result = read_document(_broken_pdf(tmp_path / "broken.pdf", pages=3))
    assert [w.code for w in result.warnings] == ["ocr"]
    message = result.warnings[0].message
    assert "3 of 3 pages were read by OCR (fake)" in message and "text layer is unusable" in message
    assert result.text.count(LINE) == 3
    assert "OCR broken.pdf" in err.getvalue() and "page" in err.getvalue()


def test_readers_ocr_layer_no_progress_when_stderr_is_no_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(files_module, "find_engine", lambda: OcrEngine("fake", lambda page: LINE))
    read_document(_broken_pdf(tmp_path / "broken.pdf", pages=3))
    assert "OCR broken.pdf" not in capsys.readouterr().err


@pytest.mark.skipif(find_engine() is None, reason="needs an OCR engine: pip install 'govreport-nlp[ocr]'")
def test_readers_ocr_layer_is_read_by_the_installed_engine(tmp_path, nlp):
    from govreport_nlp import extract_file

    report = extract_file(_broken_pdf(tmp_path / "broken.pdf"), nlp=nlp)
    assert [w.code for w in report.read_warnings] == ["ocr"]
    assert "一般公共预算收入" in report.text
    assert any(str(f.quantity.value) == "17610000000" for f in report.facts)


def _hide_the_ocr_extra(monkeypatch) -> None:
    """As on a machine without the ``ocr`` extra: RapidOCR cannot be imported and no
    Tesseract is on the PATH (find_engine itself runs, unpatched)."""
    import sys

    from govreport_nlp.readers import ocr as ocr_module

    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import raises ImportError
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    assert find_engine() is None


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("made", "code"), [(False, "no_text_layer"), (True, "garbled_text")])
def test_readers_ocr_layer_extra_absent_names_the_extra(tmp_path, monkeypatch, made, code):
    """Issue #28 criterion 1 without the extra: the scan (a page of zhangjiajie's bulletin)
    and a PDF whose text layer is unusable are each said, naming what to install."""
    _hide_the_ocr_extra(monkeypatch)
    path = _broken_pdf(tmp_path / "broken.pdf") if made else DATA / "zhangjiajie_2025_statistical_bulletin_p1.pdf"
    result = read_document(path)
    assert [w.code for w in result.warnings] == [code]
    assert "pip install 'govreport-nlp[ocr]'" in result.warnings[0].message
    assert result.warnings[0].page == 1
    with pytest.raises(InputError, match=r"pip install 'govreport-nlp\[ocr\]'"):
        read_document(path, ocr=True)
