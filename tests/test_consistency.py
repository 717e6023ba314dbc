"""The prose of an FOI report checked against its own template tables (rules/consistency.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


from govreport_nlp import extract
from govreport_nlp.layers import CellKey, Checks
from govreport_nlp.rules.consistency import cell_value, check_narrative
from govreport_nlp.rules.table_cells import locate_cells

DATA = Path(__file__).parent / "data"
# 淮安市 2024 FOI annual report, as its PDF converts to text (columns aligned with spaces).
HUAIAN = (DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
# 上海市人民政府办公厅 2025, a PDF converted to text and markdown tables.
SHANGHAI = (DATA / "shanghai_office_foi_2025.txt").read_text(encoding="utf-8")


def _links(report) -> dict[str, str]:
    return {f.quantity.text.replace("\n", "").replace(" ", ""): f"{f.table_cell.table}/{f.table_cell.row}/{f.table_cell.column}"
            for f in report.facts if f.table_cell}


def test_consistency_restatements_of_a_report_that_agrees_are_linked(nlp):
    report = extract(HUAIAN, nlp=nlp)
    links = _links(report)
    assert links["3119件"] == "table3/本年新收政府信息公开申请数量/总计"
    assert links["3050件"] == "table3/总计/总计"
    assert links["34件"] == "table3/上年结转政府信息公开申请数量/总计"
    assert links["103件"] == "table3/结转下年度继续办理/总计"  # 另有103件顺延到下年度: words after the number
    assert links["351件"] == "table4/行政复议/总计"
    assert links["72件"] == "table4/行政复议/结果维持"
    assert links["46件"] == "table4/行政诉讼/总计"  # both litigation rows together
    assert links["25件"] == "table4/行政诉讼/结果维持"
    assert report.consistency_warnings == []


def test_consistency_one_changed_number_is_named_with_both_offsets(nlp):
    changed = HUAIAN.replace("复 3050 件（含上年度", "复 3005 件（含上年度")
    report = extract(changed, nlp=nlp)
    [w] = report.consistency_warnings
    assert (w.code, w.table, w.row, w.column, w.text_value, w.table_value) == (
        "value", "table3", "总计", "总计", 3005.0, 3050.0)
    assert changed[w.start:w.end] == "3005 件"
    [(start, end)] = w.cells
    assert changed[start:end] == "3050" and "（七）总计" in changed[changed.rfind("\n", 0, start):start]
    fact = next(f for f in report.facts if f.id == w.fact_id)
    assert fact.table_cell.row == "总计"


def test_consistency_shares_are_checked_against_the_cells(nlp):
    # 不予公开 20 件（1.68%） is 20 of the 1191 requests decided.
    text = SHANGHAI
    assert extract(text, nlp=nlp).consistency_warnings == []
    report = extract(text.replace("不予公开 20 件（1.68%）", "不予公开 20 件（2.68%）"), nlp=nlp)
    [w] = report.consistency_warnings
    assert (w.code, w.row, w.text_value, w.table_value) == ("share", "不予公开", Decimal("2.68"), Decimal("1.68"))
    assert "20/1191" in w.message


def test_consistency_sums_over_rows_are_linked_and_a_row_not_read_is_not_compared(nlp):
    report = extract(SHANGHAI, nlp=nlp)
    links = _links(report)
    assert links["208件"] == "table3/予以公开+部分公开/总计"
    assert links["319件"] == "table3/其他处理/总计"  # its three rows, one printed apart from its label
    assert report.consistency_warnings == []
    # Without that row (its cells changed so that they no longer add up) 319 件 cannot be
    # checked, and must not be called a contradiction.
    broken = SHANGHAI.replace("| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 43 |",
                              "| 行政机关不再处理其政府信息公 | 40 | 1 | 0 | 0 | 2 | 0 | 44 |")
    report = extract(broken, nlp=nlp)
    assert "319件" in {f.quantity.text.replace(" ", "") for f in report.facts}  # still a fact, not linked
    assert "319件" not in _links(report) and report.consistency_warnings == []


def test_consistency_other_years_and_approximations_are_not_compared(nlp):
    changed = HUAIAN.replace("2024 年，全市共受理政府信息公开申请 3119 件",
                             "2023 年全市受理政府信息公开申请 2870 件，2024 年，全市共受理政府信息公开申请近 3100 件")
    report = extract(changed, nlp=nlp)
    other = [f for f in report.facts if f.quantity.text in ("2870 件", "3100 件")]
    assert [f.quantity.text for f in other] == ["2870 件", "3100 件"]  # both read as facts
    assert not any(f.table_cell for f in other)
    assert report.consistency_warnings == []


def test_consistency_without_tables_nothing_is_linked(nlp):
    report = extract("2016年，河北省教育厅共受理政府信息公开申请3件。", nlp=nlp)
    assert report.template is None and report.consistency_warnings == []
    assert check_narrative(report.facts, None) == Checks()


def test_consistency_cell_value_of_groups_and_sums():
    tables = {"table3": {"不予公开.属于国家秘密": {"总计": 1}, "不予公开.其他法律行政法规禁止公开": {"总计": 2}},
              "table4": {"行政诉讼.未经复议直接起诉": {"总计": 12}, "行政诉讼.复议后起诉": {"总计": 22}}}
    assert cell_value(tables, {}, "table4", "行政诉讼", "总计") == (34, [])
    assert cell_value(tables, {}, "table3", "不予公开", "总计") is None  # six of its eight rows were not read


def test_table_cells_locate_cells_cut_from_digits_run_together():
    # 河北省工业和信息化厅 2022: every row of 表三 printed as one run of digits.
    text = "一、本年新收政府信息公开申请数量121010014二、上年结转"
    keys = [CellKey("table3", "本年新收", c) for c in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")]
    values = dict(zip(keys, [12, 1, 0, 1, 0, 0, 14], strict=True))
    spans = locate_cells(text, [(16, len(text), keys)], values, money=lambda key: False)
    assert [text[s:e] for s, e in (spans[k] for k in keys)] == ["12", "1", "0", "1", "0", "0", "14"]


def test_table_cells_locate_a_lone_zero_after_its_label():
    # A row whose only cell is 0, on its own line: no page number (平潭 2022, 表二).
    text = "行政强制\t0\n第二十条第（八）项\n行政事业性收费\t9116.36\n"
    key = CellKey("table2", "行政强制", "本年处理决定数量")
    spans = locate_cells(text, [(4, 11, [key])], {key: 0}, money=lambda key: False)
    assert spans == {key: (5, 6)}


def test_consistency_panel_and_tables_outputs_carry_the_warnings(nlp, tmp_path):
    import csv

    from govreport_nlp.runners import cli
    from govreport_nlp.runners.panel import panel_rows

    changed = HUAIAN.replace("复 3050 件（含上年度", "复 3005 件（含上年度")
    rows = list(panel_rows("huaian.txt", extract(changed, nlp=nlp)))
    flagged = [r for r in rows if r["consistency"]]
    assert {(r["source"], r["table_cell"] or f"{r['table']}/{r['row']}/{r['column']}") for r in flagged} == {
        ("fact", "table3/总计/总计"), ("table", "table3/总计/总计")}
    path = tmp_path / "huaian.txt"
    path.write_text(changed, encoding="utf-8")
    out = tmp_path / "tables.csv"
    assert cli.main(["tables", str(path), "-o", str(out), "-q"]) == 0
    with out.open(encoding="utf-8") as f:
        [row] = list(csv.DictReader(f))
    assert row["consistency_warnings"] == "1" and "3005" in row["consistency_details"]


def test_consistency_docs_example_is_what_the_library_gives(nlp):
    import json
    import re

    from conftest import ROOT

    doc = (ROOT / "docs" / "consistency.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    report = extract(HUAIAN.replace("复 3050 件（含上年度", "复 3005 件（含上年度"), nlp=nlp)
    assert [w.model_dump(mode="json") for w in report.consistency_warnings] == [example]


def test_consistency_applicant_breakdown_of_a_count_is_checked(nlp):
    # The breakdown 平潭 prints after its count (收到申请81件，涉及自然人80件、商业企业1件),
    # here in 淮安's report: its 新收 row says how many came from persons and from firms.
    from govreport_nlp.rules.tables import parse_tables

    row = parse_tables(HUAIAN).tables["table3"]["本年新收政府信息公开申请数量"]
    persons, firms = row["自然人"], row["商业企业"]
    said = "全市共受理政府信息公开申请 3119 件"
    agree = HUAIAN.replace(said, f"{said}，涉及自然人{persons}件、商业企业{firms}件")
    report = extract(agree, nlp=nlp)
    links = _links(report)
    assert links[f"{persons}件"] == "table3/本年新收政府信息公开申请数量/自然人"
    assert links[f"{firms}件"] == "table3/本年新收政府信息公开申请数量/商业企业"
    assert report.consistency_warnings == []
    report = extract(HUAIAN.replace(said, f"{said}，涉及自然人{persons + 5}件、商业企业{firms}件"), nlp=nlp)
    [w] = report.consistency_warnings
    assert (w.column, w.text_value, w.table_value) == ("自然人", persons + 5, persons)
