"""The FOI template tables: layouts as published, and the template's own arithmetic."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govreport_nlp.layers import CellKey
from govreport_nlp.rules.tables import check_tables, parse_tables

from conftest import BULK

T3_ROWS_2021 = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
自然人\t法人或其他组织\t总计
商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
一、本年新收政府信息公开申请数量\t18\t1\t0\t0\t0\t0\t19
二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
三、本年度办理结果\t（一）予以公开\t9\t0\t0\t0\t0\t0\t9
（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t
（七）总计\t18\t1\t0\t0\t0\t0\t19
四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
行政复议\t行政诉讼
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
6\t1\t0\t0\t7\t\t\t\t\t0\t6\t1\t0\t0\t7
五、存在的主要问题及改进情况
"""


def test_templates_tab_cells_with_blanks():
    parsed = parse_tables(T3_ROWS_2021)
    t3 = parsed.tables["table3"]
    assert t3["本年新收政府信息公开申请数量"] == {"自然人": 18, "商业企业": 1, "科研机构": 0, "社会公益组织": 0,
                                        "法律服务机构": 0, "其他": 0, "总计": 19}
    assert t3["部分公开"] == {}  # a row printed blank is kept as printed, with no cells
    assert parsed.tables["table4"]["行政诉讼.未经复议直接起诉"] == {"总计": 0}
    assert parsed.tables["table4"]["行政复议"]["总计"] == 7


def test_templates_misprinted_number_is_reported_not_changed():
    parsed = parse_tables(T3_ROWS_2021.replace("18\t1\t0\t0\t0\t0\t19\n二", "18\t1\t0\t0\t0\t0\t20\n二"))
    assert parsed.tables["table3"]["本年新收政府信息公开申请数量"]["总计"] == 20
    found = [(w.table, w.row, w.column) for w in parsed.warnings]
    assert ("table3", "本年新收政府信息公开申请数量", "总计") in found


def test_templates_run_together_cells_split_only_when_unique():
    text = ("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
            "一、本年新收政府信息公开申请数量121010014二、上年结转政府信息公开申请数量0000000"
            "三、本年度办理结果（一）予以公开3101005（七）总计121010014四、结转下年度继续办理0000000\n"
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果"
            "尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果"
            "尚未审结总计100010000010001\n五、存在的主要问题及改进情况")
    parsed = parse_tables(text)
    t3 = parsed.tables["table3"]
    assert t3["予以公开"] == {"自然人": 3, "商业企业": 1, "科研机构": 0, "社会公益组织": 1, "法律服务机构": 0,
                          "其他": 0, "总计": 5}
    assert t3["上年结转政府信息公开申请数量"]["总计"] == 0
    assert "本年新收政府信息公开申请数量" not in t3  # 12,1,0,1,0,0,14 and 1,2,10,1,0,0,14 both fit
    assert any("run together" in w.message for w in parsed.warnings)
    assert parsed.tables["table4"]["行政复议"] == {"结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1}


def test_templates_pdf_layout_with_wrapped_labels(nlp):
    from conftest import DEV

    text = (DEV / "huaian_city_foi_2024.txt").read_text(encoding="utf-8") if DEV.is_dir() else None
    if text is None:
        pytest.skip("no dev corpus")
    parsed = parse_tables(text)
    t3 = parsed.tables["table3"]
    assert t3["其他处理.申请人无正当理由逾期不补正"]["总计"] == 71
    assert t3["不予处理.要求行政机关确认或重新出具已获取信息"]["自然人"] == 1
    assert parsed.tables["table2"]["行政事业性收费"] == {"本年收费金额": Decimal("96171.6")}
    assert parsed.warnings == []


def test_templates_no_tables_in_other_reports(seed_text):
    parsed = parse_tables(seed_text)
    assert parsed.template is None and parsed.tables == {}


def test_templates_checks_on_table4():
    warnings = check_tables({"table4": {"行政复议": {"结果维持": 10, "结果纠正": 1, "其他结果": 0, "尚未审结": 0, "总计": 0}}})
    assert [(w.row, w.expected, w.found) for w in warnings] == [("行政复议", 11, 0)]


# The bulk reports that print the template tables with their numbers: the template and the
# grand total of 表三 ((七)总计/总计), read by hand from each report's own table. The other
# FOI reports print no numbers under the headings (hebei_rst_foi_2019..2023: the headings
# alone) or predate the template; hebei_gxt_foi_2020 prints 表三 with its cells run into its
# labels and only 表二's two clear rows are read (None: no 总计).
BULK_TEMPLATES = {
    "hebei_gxt_foi_2020": ("2019", None),
    "hebei_gxt_foi_2021": ("2021", 4),
    "hebei_gxt_foi_2022": ("2021", 14),
    "hebei_gxt_foi_2023": ("2021", 10),
    "hebei_jyt_foi_2022": ("2021", 44),
    "huaian_hongze_foi_2023": ("2021", 21),
    "pingtan_foi_2022": ("2021", 75),
    "pingtan_foi_2023": ("2021", 81),
    "pingtan_foi_2024": ("2021", 218),
    "pingtan_foi_2025": ("2021", 148),
    "shanghai_office_foi_2025": ("2021", 1191),
    "shanghai_stcsm_foi_2024": ("2021", 35),
}


def test_templates_every_bulk_report_parses():
    if not BULK.is_dir():
        pytest.skip("no bulk corpus")
    paths = sorted(BULK.glob("*.txt"))
    assert len(paths) >= 60  # the corpus as of this test; a new report lands in the table above
    found = {}
    for path in paths:
        parsed = parse_tables(path.read_text(encoding="utf-8"))
        if parsed.template is None:
            # a report without the template has no tables and nothing to warn about
            assert (parsed.tables, parsed.warnings) == ({}, []), path.stem
            continue
        t3 = parsed.tables.get("table3", {})
        found[path.stem] = (parsed.template, t3.get("总计", {}).get("总计"))
        if found[path.stem][1] is not None:
            # the whole of 表三 is read: its 25 rows (a row printed blank may be left out)
            # and every cell a whole number of requests, as the template prints them
            assert len(t3) >= 23, path.stem
            assert all(v == int(v) >= 0 for row in t3.values() for v in row.values()), path.stem
    assert found == BULK_TEMPLATES


def test_templates_misprinted_label_is_still_found():
    text = T3_ROWS_2021.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t\n",
        "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.其他法律行政止公开\t3\t0\t0\t0\t0\t0\t3\n"
        "3.危及“三安全一稳定”\t1\t0\t0\t0\t0\t0\t1\n")
    t3 = parse_tables(text).tables["table3"]
    assert t3["不予公开.其他法律行政法规禁止公开"]["总计"] == 3
    assert t3["不予公开.危及三安全一稳定"]["总计"] == 1


def test_templates_markdown_with_displaced_labels_read_by_order():
    if not BULK.is_dir():
        pytest.skip("no bulk corpus")
    # A PDF converted to markdown: labels split off their numbers, rows still in order.
    parsed = parse_tables((BULK / "shanghai_stcsm_foi_2024.txt").read_text(encoding="utf-8"))
    t3 = parsed.tables["table3"]
    assert len(t3) == 25
    assert t3["本年新收政府信息公开申请数量"]["总计"] == 34 and t3["总计"]["总计"] == 35
    assert t3["结转下年度继续办理"] == {"自然人": 1, "商业企业": 0, "科研机构": 0, "社会公益组织": 0,
                                "法律服务机构": 0, "其他": 0}  # its blank 总计 cell is left out
    assert parsed.tables["table4"]["行政复议"] == {"结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1}


def test_templates_cells_are_not_facts(nlp):
    import govreport_nlp

    text = "本机关全年收到申请19件。\n" + T3_ROWS_2021 + "一是办理申请19件。\n"
    report = govreport_nlp.extract(text, nlp=nlp)
    assert report.template_tables["table3"]["总计"]["总计"] == 19
    table_start = text.index("三、收到和处理")
    table_end = text.index("五、存在的主要问题")
    assert all(not table_start <= f.quantity.start < table_end for f in report.facts)
    assert [f.quantity.text for f in report.facts] == ["19件", "19件"]


def test_templates_printed_numbers_are_never_changed():
    # The hebei_jyt_foi_2023 rows above with thousands separators, full-width digits and
    # a cell no float holds: read exactly, or left out.
    text = T3_ROWS_2021.replace("18\t1\t0\t0\t0\t0\t19\n二", "1,550\t1\t0\t0\t0\t0\t1,551\n二")
    text = text.replace("（一）予以公开\t9\t0", "（一）予以公开\t９\t0")
    parsed = parse_tables(text)
    t3 = parsed.tables["table3"]
    assert t3["本年新收政府信息公开申请数量"]["自然人"] == 1550
    assert t3["本年新收政府信息公开申请数量"]["总计"] == 1551
    assert t3["予以公开"]["自然人"] == 9
    huge = parse_tables(T3_ROWS_2021.replace("\t18\t1\t0\t0\t0\t0\t19\n二", "\t" + "9" * 310 + "\t1\t0\t0\t0\t0\t19\n二"))
    row = huge.tables["table3"]["本年新收政府信息公开申请数量"]
    assert "自然人" not in row and row["总计"] == 19  # left out, not rounded to a float


def test_templates_extract_survives_a_cell_of_310_digits(nlp):
    from govreport_nlp import extract

    report = extract("某县2021年政府信息公开工作年度报告\n" + T3_ROWS_2021.replace("\t19\n二", "\t" + "9" * 310 + "\n二"), nlp=nlp)
    # the cell is left out of its row, the row's other cells and the other rows are kept
    row = report.template_tables["table3"]["本年新收政府信息公开申请数量"]
    assert row == {"自然人": 18, "商业企业": 1, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 0, "其他": 0}
    assert report.template_tables["table3"]["总计"]["总计"] == 19
    assert len(report.table_cells) == sum(len(c) for rows in report.template_tables.values() for c in rows.values())
    assert '"总计"' in report.model_dump_json()  # and the report serializes


def test_templates_long_run_of_digits_is_bounded():
    # A run of 100 digits would take hours with every 7-way cut; no cell is that long.
    text = T3_ROWS_2021.replace("18\t1\t0\t0\t0\t0\t19", "1" * 100)
    parsed = parse_tables(text)
    assert "本年新收政府信息公开申请数量" not in parsed.tables["table3"]


# 河北省工业和信息化厅 2022: 表三 printed with every row's cells run together.
T3_RUN_TOGETHER = (
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织"
    "总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量121010014二、上年结转政府信息公开申请数量0000000"
    "三、本年度办理结果（一）予以公开3101005（二）部分公开（区分处理的，只计这一情形，不计其他情形）1000001（三）不予公开1.属于国家秘密"
    "00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息0000000"
    "6.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息8000008"
    "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请0000000"
    "3.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其"
    "政府信息公开申请00000003.其他0000000（七）总计121010014四、结转下年度继续办理0000000"
)


def test_templates_runs_of_digits_are_cut_by_the_whole_tables_arithmetic():
    # 121010014 cuts three ways on its own row (12+1+0+1+0+0=14, 1+2+1+0+10+0=14, ...);
    # the result rows' column sums leave one.
    parsed = parse_tables(T3_RUN_TOGETHER)
    t3 = parsed.tables["table3"]
    expected = {"自然人": 12, "商业企业": 1, "科研机构": 0, "社会公益组织": 1, "法律服务机构": 0, "其他": 0, "总计": 14}
    assert t3["本年新收政府信息公开申请数量"] == expected and t3["总计"] == expected
    assert not [w for w in parsed.warnings if w.table == "table3"]
    text = T3_RUN_TOGETHER
    start, end = parsed.cell_spans[CellKey("table3", "总计", "自然人")]
    assert text[start:end] == "12" and text[start - 5:start] == "（七）总计"


def test_templates_runs_of_digits_are_not_guessed_when_a_row_is_missing():
    # Without 结转下年度 the equations no longer fix one reading: left out, with the warning.
    parsed = parse_tables(T3_RUN_TOGETHER.replace("四、结转下年度继续办理0000000", ""))
    assert "本年新收政府信息公开申请数量" not in parsed.tables["table3"]
    assert any("121010014" in w.message for w in parsed.warnings)


# 上海市人民政府办公厅 2025 as a PDF converted to text and markdown tables.
SHANGHAI = (Path(__file__).parent / "data" / "shanghai_office_foi_2025.txt").read_text(encoding="utf-8")


def test_templates_rows_printed_apart_from_their_labels_are_matched_by_order_and_arithmetic():
    # 5.要求行政机关确认或重新出具已获取信息 and 1.申请人无正当理由逾期不补正 are printed above
    # the rows; their cells follow 4.无正当理由大量反复申请 as two unlabelled lines.
    parsed = parse_tables(SHANGHAI)
    t3 = parsed.tables["table3"]
    assert t3["不予处理.要求行政机关确认或重新出具已获取信息"]["总计"] == 0
    assert t3["其他处理.申请人无正当理由逾期不补正"] == {
        "自然人": 40, "商业企业": 1, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 2, "其他": 0, "总计": 43}
    assert not [w for w in parsed.warnings if w.table == "table3"]  # 总计 is now the sum of the results


def test_templates_detached_rows_that_break_the_arithmetic_are_left_out():
    broken = SHANGHAI.replace("| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |",
                              "| 行政机关不再处理其政府信息公 | 41 | 1 | 0 | 0 | 2 | 0 | 44 |")
    parsed = parse_tables(broken)
    assert "其他处理.申请人无正当理由逾期不补正" not in parsed.tables["table3"]
    assert any(w.row == "总计" for w in parsed.warnings)


def test_templates_table2_rows_out_of_order_under_repeated_headings():
    # 行政许可 … 行政事业性收费 printed as lines before the markdown table of 规章 and
    # 行政规范性文件, each piece under its own 表二 heading.
    t2 = parse_tables(SHANGHAI).tables["table2"]
    assert t2["行政许可"] == {"本年处理决定数量": 0} and t2["行政事业性收费"] == {"本年收费金额": 0}
    assert "规章" not in t2  # 22 | 235: two of three cells, the third printed apart with no arithmetic to place it


def test_templates_a_cell_with_a_bracketed_note_keeps_its_number_and_carries_the_note(nlp):
    # 表二 with the notes 上海市人民政府办公厅 2025 prints in its cells, as a web page's tab rows.
    from govreport_nlp import extract

    text = T3_ROWS_2021.replace("三、收到和处理", "二、主动公开政府信息情况\n第二十条第（一）项\n"
                                "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
                                "规章\t2\t22（其中修订 16 件）\t235\n"
                                "行政规范性文件\t34\t55（含自然失效 29 件）\t189\n三、收到和处理")
    parsed = parse_tables(text)
    assert parsed.tables["table2"]["规章"] == {"本年制发件数": 2, "本年废止件数": 22, "现行有效件数": 235}
    assert parsed.tables["table2"]["行政规范性文件"] == {"本年制发件数": 34, "本年废止件数": 55, "现行有效件数": 189}
    assert parsed.cell_notes == {CellKey("table2", "规章", "本年废止件数"): "其中修订 16 件",
                                 CellKey("table2", "行政规范性文件", "本年废止件数"): "含自然失效 29 件"}
    report = extract(text, nlp=nlp)
    cell = next(c for c in report.table_cells if (c.row, c.column) == ("规章", "本年废止件数"))
    assert (cell.value, cell.note, text[cell.start:cell.end]) == (22, "其中修订 16 件", "22")
    assert len(report.table_cells) == sum(len(cols) for rows in report.template_tables.values() for cols in rows.values())
