"""Tables printed side by side as one (issue #28): an FOI 表四 drawn as a 行政复议 table of
five columns beside a 行政诉讼 table of ten, with header rows of other heights and 2 pt
between them, reads as one table whose rows hold the cells of both (pdfplumber joins rules
within 3 pt), so the template's fifteen numbers are one row and 表四 is read. The PDF is made
here (a CJK font drawn with fpdf2, cell rules as rectangles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport_nlp.readers.pdf import pdf_pages
from govreport_nlp.rules.tables import parse_tables

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SUB = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _grid(pdf, x: float, y: float, rows: list[tuple[float, list[tuple[int, str]]]], col: float) -> None:
    """Rows of (height, [(columns spanned, text)]) drawn with ruled cells from (x, y)."""
    for height, cells in rows:
        left = x
        for span, text in cells:
            pdf.rect(left, y, span * col, height)
            pdf.text(left + 2, y + height / 2 + 3, text)
            left += span * col
        y += height


def _split_table4(path: Path) -> Path:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs (the test extra)")
    if not FONT.exists():
        pytest.skip(f"needs a CJK font at {FONT} (Debian: fonts-wqy-microhei)")
    pdf = fpdf.FPDF(unit="pt", format=(842, 595))
    pdf.add_font("wqy", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("wqy", size=7)
    pdf.text(30, 60, "四、政府信息公开行政复议、行政诉讼情况")
    numbers = "40 0 10 5 55 2 0 4 6 12 6 0 9 7 22".split()
    _grid(pdf, 30, 80, [(40, [(5, "行政复议")]), (40, [(1, s) for s in SUB]),
                        (20, [(1, n) for n in numbers[:5]])], 50)
    _grid(pdf, 282, 80, [(20, [(10, "行政诉讼")]), (20, [(5, "未经复议直接起诉"), (5, "复议后起诉")]),
                         (40, [(1, s) for s in SUB * 2]), (20, [(1, n) for n in numbers[5:]])], 50)
    pdf.text(30, 200, "五、存在的主要问题及改进情况")
    pdf.output(str(path))
    return path


def test_readers_side_tables_read_as_one_table(tmp_path):
    text = pdf_pages(_split_table4(tmp_path / "table4.pdf"))[0][0]
    rows = [line.split("\t") for line in text.split("\n") if "\t" in line]
    assert rows[-1] == "40 0 10 5 55 2 0 4 6 12 6 0 9 7 22".split()
    assert rows[-2] == SUB * 3
    # After the 表三 of a real report (the template's tables are read from 表三 on).
    before = (Path(__file__).parent / "data" / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    table4 = parse_tables(before.split("四、政府信息公开行政复议")[0] + text).tables["table4"]
    assert table4["行政复议"]["总计"] == 55
    assert table4["行政诉讼.复议后起诉"]["结果维持"] == 6
