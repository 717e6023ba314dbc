"""Reading files as governments publish them, on small real files in tests/data/ (pages cut
from the published PDFs and .docx of ../shared/corpus/formats, a GB2312 page)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govreport_nlp import InputError, extract_file
from govreport_nlp.readers import decode, docx_to_text, pdf_to_text, read_document
from govreport_nlp.readers import files as files_module
from govreport_nlp.readers.encoding import garbled_reason
from govreport_nlp.readers.ocr import find_engine

DATA = Path(__file__).parent / "data"


def test_pdf_digits_in_a_second_font_join_the_words_they_belong_to():
    # 天津 2025 budget report, page 3: full-width digits with a private-use decimal point,
    # a font box one line lower than the words'.
    text = pdf_to_text(DATA / "tianjin_2025_budget_report_p3.pdf")
    assert "一般公共预算收入2221.7亿元" in text.replace(" ", "")
    assert "(1)全市收支" in text.replace(" ", "").replace("\u3000", "")
    assert "\U001001b0" not in text and "２" not in text


def test_pdf_second_font_punctuation_and_digits_join_their_line():
    # 石家庄 2018 budget report, page 3: digits and punctuation set in a second font.
    text = pdf_to_text(DATA / "shijiazhuang_2018_budget_report_p3_p24.pdf")
    assert "全市收入完成519.7亿元,占" in text.replace(" ", "")


def test_pdf_table_without_row_rules_keeps_each_row_together():
    # 石家庄 2018, 表3: pdfplumber reads it as one row of whole columns.
    text = pdf_to_text(DATA / "shijiazhuang_2018_budget_report_p3_p24.pdf")
    assert "35175681695381898" not in text
    row = next(line for line in text.splitlines() if line.startswith("合") and "6099592" in line)
    assert row.split()[-4:] == ["6099592", "5608666", "92", "8.3"]


def test_pdf_extract_file_finds_the_quantities_of_the_digit_font_lines(nlp):
    report = extract_file(DATA / "tianjin_2025_budget_report_p3.pdf", nlp=nlp)
    values = {(f.quantity.value, f.quantity.unit) for f in report.facts}
    from decimal import Decimal

    assert (Decimal("222170000000"), "元") in values and (Decimal("81280000000"), "元") in values
    assert report.read_warnings == []


def test_word_docx_paragraphs_and_tables_in_order():
    text = docx_to_text(DATA / "chengde_2025_budget_report_excerpt.docx")
    assert "全市一般公共预算收入完成144.8亿元，占预算的100%，同比增长3%。" in text
    assert "本年收入合计\t490830\t271955\t55.4\t-41.5" in text
    assert text.index("一般公共预算收支完成情况") < text.index("本年收入合计")


def test_word_docx_through_extract_file(nlp):
    report = extract_file(DATA / "chengde_2025_budget_report_excerpt.docx", nlp=nlp)
    assert any(f.quantity.text == "144.8亿元" for f in report.facts)
    assert report.source.endswith(".docx")


def test_word_doc_without_converter_names_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(InputError, match=r"LibreOffice|antiword"):
        read_document(path)


def test_ocr_scan_without_engine_warns(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr(files_module, "find_engine", lambda: None)
    report = extract_file(DATA / "zhangjiajie_2025_statistical_bulletin_p1.pdf", nlp=nlp)
    assert report.facts == []
    assert [w.code for w in report.read_warnings] == ["no_text_layer"]
    assert "govreport-nlp[ocr]" in report.read_warnings[0].message


def test_ocr_scan_without_engine_cli_says_what_to_install(monkeypatch, capsys):
    from govreport_nlp.runners.cli import main

    monkeypatch.setattr(files_module, "find_engine", lambda: None)
    assert main(["extract", str(DATA / "zhangjiajie_2025_statistical_bulletin_p1.pdf"), "-q"]) == 0
    assert "pip install 'govreport-nlp[ocr]'" in capsys.readouterr().err


@pytest.mark.skipif(find_engine() is None, reason="needs an OCR engine: pip install 'govreport-nlp[ocr]'")
def test_ocr_scan_is_read_with_an_engine(nlp):
    # 张家界 2025 statistical bulletin, page 1: an image-only scan.
    report = extract_file(DATA / "zhangjiajie_2025_statistical_bulletin_p1.pdf", nlp=nlp)
    assert "张家界" in report.text
    assert [w.code for w in report.read_warnings] == ["ocr"]


def test_encoding_big5_and_utf16_are_decoded():
    text = "臺北市政府施政報告，全年預算支出新臺幣1,234億元，較上年增加5.1%。"
    assert decode(text.encode("big5")) == text
    assert decode("预算支出31.08亿元".encode("utf-16")) == "预算支出31.08亿元"
    assert decode("预算支出31.08亿元，增长5%。".encode("gbk")) == "预算支出31.08亿元，增长5%。"


def test_encoding_mojibake_is_flagged(tmp_path, nlp):
    # UTF-8 bytes of a report read as Latin-1 and saved again: mojibake, not Chinese.
    path = tmp_path / "report.txt"
    path.write_text("全年收到政府信息公开申请19件，办结18件。".encode("utf-8").decode("latin-1") * 3,
                    encoding="utf-8")
    report = extract_file(path, nlp=nlp)
    assert [w.code for w in report.read_warnings] == ["garbled_text"]
    assert garbled_reason("全年收到政府信息公开申请19件。") is None


def test_encoding_binary_bytes_are_refused_with_what_they_are(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(InputError, match="image"):
        read_document(path)


def test_html_layout_tables_give_the_article_once(tmp_path):
    inner = "<table><tr><td>地区生产总值</td><td>1,234</td></tr></table>"
    page = ("<html><head><meta charset='gb2312'></head><body><table><tr><td>"
            "<table><tr><td><h1>某县2025年统计公报</h1><p>全年地区生产总值1234亿元。</p>"
            f"{inner}</td></tr></table></td></tr></table><p>发布时间：2026-03-20 来源：某县统计局</p></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    doc = read_document(path)
    assert doc.text.count("全年地区生产总值1234亿元") == 1
    assert "地区生产总值\t1,234" in doc.text
    assert (doc.title, doc.published, doc.issuer) == ("某县2025年统计公报", "2026-03-20", "某县统计局")


def test_html_site_chrome_is_left_out_and_the_page_names_itself(nlp):
    # 长沙 2025 statistical bulletin as the statistics bureau's site publishes it.
    report = extract_file(DATA / "changsha_2025_statistical_bulletin.html", nlp=nlp)
    assert "无障碍浏览" not in report.text and "政务邮箱" not in report.text
    assert report.text.lstrip().startswith("长沙市2025年国民经济和社会发展统计公报")
    assert (report.title, report.published, report.issuer, report.kind, report.report_year) == (
        # (the issuer is the body its source note names, not the bare place of the title)
        "长沙市2025年国民经济和社会发展统计公报", "2026-04-21", "长沙市统计局", "stats_communique", 2025)
    assert any(f.quantity.unit == "元" and f.subject and "生产总值" in f.subject for f in report.facts)


def test_html_page_without_an_article_is_read_whole(tmp_path):
    # A page that is one data table and a line (a template table page): nothing is lost.
    page = ("<html><body><p>表三</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>18</td></tr>"
            "</table></body></html>")
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    assert "一、本年新收政府信息公开申请数量\t18" in read_document(path).text


def test_tables_cells_with_stated_unit_become_facts(nlp):
    # 承德 2025 budget report, 附表1 (单位:万元): each cell a fact of its row, with its column.
    report = extract_file(DATA / "chengde_2025_budget_report_excerpt.docx", nlp=nlp)
    cells = {}
    for f in report.facts:
        if f.subject_rule == "table_cell":
            cells.setdefault((f.subject, f.column), f)  # 附表1 comes first
    total = cells[("本年收入合计", "预算数")]
    assert (total.quantity.text, str(total.quantity.value), total.quantity.unit) == ("1448485", "14484850000", "元")
    share = cells[("本年收入合计", "占预算(%)")]
    assert (share.quantity.kind, str(share.quantity.value)) == ("percent", "100")
    fall = cells[("增值税", "比上年增长(%)")]
    assert (str(fall.quantity.value), fall.change, fall.quantity.text) == ("0.9", "decrease", "0.9")
    assert report.text[fall.quantity.start:fall.quantity.end] == "0.9"
    assert report.facts_table()[0].keys() >= {"subject_rule", "column"}


def test_tables_header_over_three_lines_names_its_columns(nlp):
    # 石家庄 2018, 表3: its header runs over three lines (占年初预算 比上年增长 / 科目名称 年初
    # 预算 实际完成 / (%) (%)); put together it names the five columns, and every row's share
    # column is its 实际完成 over its 年初预算 (#28 item 2: the arithmetic shows the order is right).
    report = extract_file(DATA / "shijiazhuang_2018_budget_report_p3_p24.pdf", nlp=nlp)
    assert "合 计\t6099592\t5608666\t92\t8.3" in report.text
    cells: dict[str, dict[str, Decimal]] = {}
    for f in report.facts:
        if f.subject_rule == "table_cell" and f.column in ("年初预算", "实际完成", "占年初预算(%)"):
            cells.setdefault(f.subject, {})[f.column] = f.quantity.value
    assert cells["合计"]["实际完成"] == Decimal("56086660000")
    rows = [r for r in cells.values() if len(r) == 3 and r["年初预算"]]
    assert len(rows) >= 5
    for r in rows:
        assert abs(r["实际完成"] / r["年初预算"] * 100 - r["占年初预算(%)"]) < 1


def test_pdf_encrypted_file_says_what_it_is(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="2024")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="encrypted"):
        read_document(path)


def test_files_paths_that_are_no_file_say_what_they_are(tmp_path):
    import os

    from govreport_nlp.errors import InputError

    loop_a, loop_b, dangling = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "gone.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling.symlink_to(tmp_path / "missing.txt")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    expected = {loop_a: "loops back on itself", dangling: "which does not exist", tmp_path: "is a folder",
                fifo: "not a regular file", tmp_path / "none.txt": "no such file"}
    for path, words in expected.items():
        with pytest.raises(InputError, match=words):
            read_document(path)


def test_html_published_is_the_date_the_article_prints(tmp_path):
    # A page whose template writes a later PubDate after the article's own (长沙's site:
    # Pubdate 2026-04-21, then PubDate 2026-05-12): the article's 发布时间 line is the date.
    page = ("<html><head><meta name='Pubdate' content='2026-04-21 16:27'>"
            "<meta name='PubDate' content='2026-05-12 16:37:55'></head><body><div class='nav'>首页</div>"
            "<div class='article'><h1>某市2025年国民经济和社会发展统计公报</h1><p>发布时间：2026-04-21</p>"
            + "<p>全年地区生产总值1234亿元，比上年增长5.0%。</p>" * 20 + "</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).published == "2026-04-21"
    # Without a date line, the first date meta tag, whatever its case.
    path.write_text(page.replace("<p>发布时间：2026-04-21</p>", ""), encoding="utf-8")
    assert read_document(path).published == "2026-04-21"
