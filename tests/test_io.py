"""Report files: encodings, HTML pages and PDF documents, with their tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govreport_nlp import InputError, extract_file
from govreport_nlp.readers import html_to_text, read_report

from conftest import DEV

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _table_lines(name: str) -> list[str]:
    text = (DEV / name).read_text(encoding="utf-8")
    start = text.index("二、主动公开政府信息情况")
    end = text.index("五、存在的主要问题")
    return text[start:end].splitlines()


def _gold_tables(name: str) -> dict:
    """The gold's template tables, numbers read as the exact decimals the report holds (465.74)."""
    from decimal import Decimal

    return json.loads((DEV / name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"),
                      parse_float=Decimal, parse_int=Decimal)["template_tables"]


def test_io_gbk_file_is_decoded(tmp_path, nlp):
    path = tmp_path / "report.txt"
    path.write_bytes("预算资金31.08亿元。".encode("gbk"))
    report = extract_file(path, nlp=nlp)
    assert report.text == "预算资金31.08亿元。" and report.source == str(path)
    q = report.facts[0].quantity
    assert report.text[q.start:q.end] == "31.08亿元"


def test_io_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "gone.txt")


def test_io_html_page_with_template_tables(tmp_path, nlp):
    if not DEV.is_dir():
        pytest.skip("no dev corpus")
    name = "hebei_jyt_foi_2023.txt"
    rows = []
    for line in _table_lines(name):
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>")
        else:
            rows.append(f"</table><p>{line}</p><table>")
    html = ("<html><head><meta charset='gb2312'><title>年度报告</title><script>var n=1;</script></head><body>"
            "<h1>河北省教育厅2023年政府信息公开工作年度报告</h1><p>全年收到政府信息公开申请共19件。</p>"
            "<table>" + "".join(rows) + "</table><div class='footer'>相关推荐</div></body></html>")
    path = tmp_path / "report.html"
    path.write_bytes(html.encode("gbk"))
    report = extract_file(path, nlp=nlp)
    assert "var n" not in report.text
    assert report.template == "2021"
    assert report.template_tables == _gold_tables(name)
    assert any(f.quantity.text == "19件" for f in report.facts)


def test_io_html_to_text_keeps_blocks_and_cells():
    text = html_to_text("<div><p>第一段。</p><table><tr><td>规章</td><td>0</td><td> 1 </td></tr></table></div>")
    assert "第一段。" in text and "规章\t0\t1" in text


@pytest.mark.skipif(not FONT.is_file(), reason="needs a CJK font (Debian fonts-wqy-microhei; .ci/run installs it)")
def test_io_pdf_with_table(tmp_path, nlp):
    fpdf = pytest.importorskip("fpdf")
    if not DEV.is_dir():
        pytest.skip("no dev corpus")
    name = "hebei_jyt_foi_2023.txt"
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("wqy", "", str(FONT))
    pdf.set_font("wqy", size=7)
    pdf.multi_cell(0, 5, "河北省教育厅2023年政府信息公开工作年度报告\n全年收到政府信息公开申请共19件。", new_x="LMARGIN", new_y="NEXT")
    lines = _table_lines(name)
    t3 = lines.index("三、收到和处理政府信息公开申请情况")
    # 表三 as a real table: the rows with seven numbers, the label in one cell.
    pdf.multi_cell(0, 5, "三、收到和处理政府信息公开申请情况", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(60, 10, 10, 10, 10, 10, 10, 10), width=190, first_row_as_headings=False) as table:
        for line in lines[t3 + 4:]:
            cells = line.split("\t")
            if len(cells) >= 8 and cells[-1].isdigit():
                row = table.row()
                row.cell("".join(cells[:-7]))
                for c in cells[-7:]:
                    row.cell(c)
    pdf.multi_cell(0, 5, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n五、存在的主要问题及改进情况", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    report = extract_file(path, nlp=nlp)
    assert report.template_tables["table3"] == _gold_tables(name)["table3"]
    assert any(f.quantity.text == "19件" for f in report.facts)


def test_io_broken_pdf_raises_input_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(InputError, match="PDF"):
        read_report(path)


def _table3_rows(name: str) -> list[tuple[list[str], list[str]]]:
    """表三's rows of a dev report's text: the label cells and the seven numbers."""
    lines = _table_lines(name)
    start = lines.index("三、收到和处理政府信息公开申请情况")
    rows = []
    for line in lines[start:]:
        cells = line.split("\t")
        if len(cells) >= 8 and all(c.isdigit() for c in cells[-7:]):
            rows.append((cells[:-7], cells[-7:]))
        if line.startswith("四、因政府信息公开工作"):
            break
    return rows


def _level(label: str) -> int:
    return 0 if label[:2] in ("一、", "二、", "三、", "四、") else (1 if label.startswith("（") else 2)


@pytest.mark.skipif(not FONT.is_file(), reason="needs a CJK font (Debian fonts-wqy-microhei; .ci/run installs it)")
def test_io_pdf_template_table_with_merged_label_cells(tmp_path, nlp):
    # 表三 as published PDFs draw it: 三、本年度办理结果 and （三）不予公开 are cells merged
    # down their rows, （一）予以公开 one merged across two label columns.
    fpdf = pytest.importorskip("fpdf")
    if not DEV.is_dir():
        pytest.skip("no dev corpus")
    name = "hebei_jyt_foi_2023.txt"
    rows = _table3_rows(name)
    # Each row as (section, group, item) labels by their numbering; how many rows each spans.
    grid = []
    section = group = None
    for labels, numbers in rows:
        row = [None, None, None]
        for label in labels:
            row[_level(label)] = label
        grid.append((row, numbers))
    pdf = fpdf.FPDF(orientation="L")
    pdf.add_page()
    pdf.add_font("wqy", "", str(FONT))
    pdf.set_font("wqy", size=5)
    pdf.multi_cell(0, 5, "河北省教育厅2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况",
                   new_x="LMARGIN", new_y="NEXT")
    spans = {}
    for i, (row, _) in enumerate(grid):
        for level in (0, 1):
            if row[level] is not None:
                j = i + 1
                while j < len(grid) and grid[j][0][level] is None and all(grid[j][0][k] is None for k in range(level)):
                    j += 1
                spans[(i, level)] = j - i
    with pdf.table(col_widths=(30, 30, 60, 10, 10, 10, 10, 10, 10, 10), width=270,
                   first_row_as_headings=False) as table:
        for i, (row, numbers) in enumerate(grid):
            r = table.row()
            section, group, item = row
            if section is not None:
                depth = 3 if group is None and item is None else (1 if group is not None else 2)
                r.cell(section, colspan=depth if depth > 1 else 1, rowspan=spans[(i, 0)] if depth == 1 else 1)
            if group is not None:
                r.cell(group, colspan=1 if item is not None else 2, rowspan=spans[(i, 1)] if item is not None else 1)
            if item is not None:
                r.cell(item)
            for n in numbers:
                r.cell(n)
    pdf.multi_cell(0, 5, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    report = extract_file(path, nlp=nlp)
    assert report.template_tables["table3"] == _gold_tables(name)["table3"]
