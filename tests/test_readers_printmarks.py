"""PDF print marks out of the text's flow (issue #28): page marks and running headers between
two halves of a sentence or a number, superscript footnote markers glued to a number,
numbers and years broken by a line break, and tables continued over a page under their
repeated header. The PDFs are made here with fpdf2 and a CJK font; the shared formats
corpus shows the page marks on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED
from govreport_nlp.readers import read_document
from govreport_nlp.readers.printmarks import Line, Page, join_pages

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FORMATS = SHARED / "corpus" / "formats"


def _fpdf():
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs (the test extra)")
    if not FONT.exists():
        pytest.skip(f"needs a CJK font at {FONT} (Debian: fonts-wqy-microhei)")
    return fpdf


class _Printed:
    """An A4 PDF whose pages carry a running header and a page mark, as printed reports do."""

    def __init__(self, header: str = "某某市2024年预算执行情况和2025年预算草案的报告", mark: str = "— {} —"):
        fpdf = _fpdf()

        class Doc(fpdf.FPDF):
            def header(self):
                if header:
                    self.set_font("wqy", size=9)
                    self.set_xy(72, 30)
                    self.cell(text=header)

            def footer(self):
                self.set_font("wqy", size=12)
                self.set_xy(280, 800)
                self.cell(text=mark.format(self.page_no()))

        self.pdf = Doc(unit="pt", format=(595, 842))
        self.pdf.add_font("wqy", fname=str(FONT))
        self.pdf.set_auto_page_break(False)
        self.pdf.c_margin = 0  # cells glued as a typesetter sets text

    def page(self, lines: list[str], top: float = 90, size: float = 16):
        self.pdf.add_page()
        self.pdf.set_font("wqy", size=size)
        for i, line in enumerate(lines):
            self.pdf.set_xy(72, top + i * 28)
            self.pdf.cell(text=line)

    def save(self, path: Path) -> Path:
        self.pdf.output(str(path))
        return path


# 28 characters of 16 pt fill a 451 pt line (the right margin at 523 pt).
FULL = "全市一般公共预算收入完成情况良好，各项收入稳步增长，其中税收收入"


def test_readers_printmarks_page_mark_and_running_header_leave_a_number_whole(tmp_path, nlp):
    from govreport_nlp import extract_file

    doc = _Printed()
    doc.page(["关于某某市2024年预算执行情况的报告", FULL[:-2] + "17"])
    doc.page(["6.1亿元，增长5.2%。全市一般公共预算支出完成2024", "年预算的98.5%。"])
    doc.page(["三、2025年预算草案"])
    path = doc.save(tmp_path / "marks.pdf")
    text = read_document(path).text
    assert "— 1 —" not in text and "— 2 —" not in text
    assert FULL[:-2] + "176.1亿元，增长5.2%。" in text  # over the page break, the mark out
    assert "完成2024年预算的98.5%" in text  # a year broken by a line break
    assert text.count("某某市2024年预算执行情况和2025年预算草案的报告") == 1  # kept once, on page 1
    report = extract_file(path, nlp=nlp)
    assert any(f.quantity.text == "176.1亿元" and str(f.quantity.value) == "17610000000" for f in report.facts)


@pytest.mark.parametrize("mark", ["-{}-", "第 {} 页", "— {} —"])
def test_readers_printmarks_page_mark_forms(tmp_path, mark):
    doc = _Printed(header="", mark=mark)
    doc.page(["全市一般公共预算收入176.1亿元。"])
    doc.page(["全市一般公共预算支出254.3亿元。"])
    text = read_document(doc.save(tmp_path / "forms.pdf")).text
    assert text.split() == ["全市一般公共预算收入176.1亿元。", "全市一般公共预算支出254.3亿元。"]


def test_readers_printmarks_superscript_marker_glued_to_a_number_is_no_digit(tmp_path, nlp):
    from govreport_nlp import extract_file

    doc = _Printed(header="")
    doc.page([])
    pdf = doc.pdf
    pdf.set_font("wqy", size=16)
    pdf.set_xy(72, 90)
    pdf.cell(text="一般公共预算收入1234.56")
    x = pdf.get_x()
    pdf.set_font("wqy", size=9)
    pdf.set_xy(x, 86)  # raised: a footnote marker
    pdf.cell(text="1")
    x = pdf.get_x()
    pdf.set_font("wqy", size=16)
    pdf.set_xy(x, 90)
    pdf.cell(text="亿元，增长5.2%。PM")
    x = pdf.get_x()
    pdf.set_font("wqy", size=9)
    pdf.set_xy(x, 86)
    pdf.cell(text="2")  # after a letter: no marker of a number, left as it is
    path = doc.save(tmp_path / "footnote.pdf")
    text = read_document(path).text
    assert "一般公共预算收入1234.56亿元[1]，增长5.2%。PM2" in text
    report = extract_file(path, nlp=nlp)
    money = [f.quantity for f in report.facts if f.quantity.unit == "元"]
    assert [(q.text, str(q.value)) for q in money] == [("1234.56亿元", "123456000000")]


def _table_pdf(path: Path, rows: int, *, small_tables: bool = False) -> Path:
    fpdf = _fpdf()
    doc = _Printed(header="")
    pdf = doc.pdf
    pdf.set_auto_page_break(True, margin=90)
    pdf.add_page()
    pdf.set_font("wqy", size=11)
    pdf.set_xy(72, 80)
    pdf.cell(text="表1  2024年一般公共预算收入决算表")
    pdf.set_xy(72, 100)
    pdf.cell(text="单位：万元")
    pdf.set_xy(72, 120)
    data = [("项目", "预算数", "决算数", "增长%")] + [(f"收入项目{i}", str(1000 + i), str(2000 + i), "5.1")
                                               for i in range(rows)]
    parts = [data[:6], [data[0]] + data[6:]] if small_tables else [data]
    for n, part in enumerate(parts):
        if n:
            pdf.ln(6)
            pdf.set_x(72)
            pdf.cell(text="续表")
            pdf.ln(16)
        pdf.set_x(72)
        with pdf.table(width=420, col_widths=(180, 80, 80, 80), repeat_headings=1, line_height=18,
                       headings_style=fpdf.FontFace(emphasis=None), align="LEFT") as table:
            for row in part:
                cells = table.row()
                for cell in row:
                    cells.cell(cell)
    return doc.save(path)


def test_readers_printmarks_table_over_pages_is_one_table(tmp_path):
    path = _table_pdf(tmp_path / "table.pdf", 50)
    text = read_document(path).text
    assert text.count("项目\t预算数\t决算数\t增长%") == 1  # the repeated header dropped
    rows = [line for line in text.splitlines() if line.startswith("收入项目")]
    assert len(rows) == 50
    start = text.index("收入项目0")
    block = text[start:text.index("收入项目49")].splitlines()
    assert all(line.startswith("收入项目") for line in block)  # no page mark between rows
    assert "— 1 —" not in text


def test_readers_printmarks_small_tables_with_a_continued_line_are_one_table(tmp_path):
    path = _table_pdf(tmp_path / "parts.pdf", 10, small_tables=True)
    text = read_document(path).text
    assert text.count("项目\t预算数\t决算数\t增长%") == 1 and "续表" not in text
    assert [line.split("\t")[0] for line in text.splitlines() if line.startswith("收入项目")] == [
        f"收入项目{i}" for i in range(10)]


def test_readers_printmarks_ocr_text_loses_its_page_marks():
    # A scan's OCR text has no positions: a dashed mark (一20一 as OCR reads — 20 —) is
    # one at a page's end; a bare number is kept (it may be a table's cell).
    pages = [Page([Line("农民专业合作社共3077个"), Line("一20一")]), Page([Line("-21-"), Line("家庭农场1629个"), Line("12")])]
    assert join_pages(pages) == ["农民专业合作社共3077个", "家庭农场1629个\n12"]


@pytest.mark.skipif(not (FORMATS / "ezhou_2025_budget_execution_report.pdf").exists(),
                    reason="needs the shared formats corpus (../shared/corpus/formats)")
def test_readers_printmarks_shared_files_lose_their_page_marks():
    # 鄂州 prints its page marks as '— —' over a number in a second font; 石家庄 and 天津 too.
    import re

    for name in ("ezhou_2025_budget_execution_report.pdf", "shijiazhuang_2018_budget_report.pdf",
                 "tianjin_2025_budget_report.pdf", "baoding_2025_budget_report.pdf"):
        text = read_document(FORMATS / name).text
        assert not re.search(r"^[\s—-]*—[\s—-]*$", text, re.M), name
        assert not re.search(r"^[\s—-]*\d{1,2}[\s—-]*$", text, re.M), name
    text = read_document(FORMATS / "baoding_2025_budget_report.pdf").text
    assert "①一般公共预算收入\n327.1 亿元" in text and "税收收入176.1亿元，非税收入" in text
