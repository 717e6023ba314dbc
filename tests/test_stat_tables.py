"""Tables whose unit is printed once (#28 item 2): on a line of its own, on the title line, in a
column header or in a 单位 column; and budget tables printed as two panels side by side
(收入 | 支出), each cell's subject the label of its own panel. Rows quoted from the shared
corpus (../shared/corpus/formats, bulk) and made tables for the header shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govreport_nlp
from govreport_nlp.rules.quantities import find_table_cells
from govreport_nlp.rules.stat_tables import column_units, title_unit, unit_of

from conftest import BULK, SHARED

FORMATS = SHARED / "corpus" / "formats"


def cells(text):
    return {(r.subject, r.column): (r.quantity.value, r.quantity.unit, r.change) for r in find_table_cells(text)}


# changde_2025_budget_report.html 附件1 as the HTML reader gives it: 收入 and 支出 side by side.
CHANGDE_ANNEX_1 = (
    "附件1\n\n2025年全市一般公共预算收支总表\n\n单位：亿元\n\n"
    "预算科目\t2024年决算数\t2025年预计数\t增长%\t预算科目\t2024年决算数\t2025年预计数\t增长%\n"
    "一、税收收入\t96.74\t93\t-3.87%\t一、一般公共服务支出\t54.53\t50.11\t-8.11%\n"
    "二、非税收入\t95.35\t99.68\t4.54%\t二、公共安全支出\t22.48\t21.74\t-3.29%\n"
    "\t\t\t\t三、教育支出\t91.95\t92.45\t0.54%\n"
    "转移性收入小计\t612.49\t561.86\t\t转移性支出小计\t182.49\t151.98\t\n"
    "返还性收入\t15.52\t15.52\t\t返还性支出\t\t\t\n"
    "收入合计\t804.58\t754.54\t\t支出合计\t804.58\t754.54\t\n"
)


def test_stat_tables_two_panels_each_cell_has_its_own_panels_label():
    got = cells(CHANGDE_ANNEX_1)
    assert got[("一般公共服务支出", "2024年决算数")] == (Decimal("5453000000"), "元", None)
    assert got[("税收收入", "2024年决算数")] == (Decimal("9674000000"), "元", None)
    assert got[("公共安全支出", "增长%")] == (Decimal("3.29"), "%", "decrease")
    assert got[("支出合计", "2025年预计数")] == (Decimal("75454000000"), "元", None)
    # a row whose left half is empty still has its right half
    assert got[("教育支出", "2024年决算数")] == (Decimal("9195000000"), "元", None)
    assert got[("教育支出", "增长%")] == (Decimal("0.54"), "%", "increase")
    # no number is read under the other panel's label: 税收收入 has its own three
    assert sorted(v for (s, _), (v, _, _) in got.items() if s == "税收收入") == [
        Decimal("3.87"), Decimal("9300000000"), Decimal("9674000000")]


def test_stat_tables_two_panels_through_the_pipeline(nlp):
    facts = govreport_nlp.extract(CHANGDE_ANNEX_1, nlp=nlp).facts
    fact = next(f for f in facts if f.quantity.text == "54.53")
    assert (fact.subject, fact.quantity.value, fact.context_of) == ("一般公共服务支出", Decimal("5453000000"), "2024年决算数")


def test_stat_tables_a_header_over_two_lines_and_labels_without_numbers():
    # changde 附件3 (the label column named on the upper line only) and 附件4 (rows of labels
    # with empty numbers between the rows: no header).
    text = ("2025年政府性基金预算收支总表\n\n单位：亿元\n\n预算科目\t预计数\t\t预算科目\t预计数\t\n"
            "\t全市\t市级\t\t全市\t市级\n一、国有土地使用权出让收入\t39.63\t13.83\t一、文化旅游体育与传媒支出\t\t\n"
            "\t\t\t五、债务付息支出\t24.76\t8.77\n\n附件4\n\n2025年市级国有资本经营预算收支总表\n\n单位：万元\n\n"
            "预算科目\t预计数\t预算科目\t预计数\n一、利润收入\t3404\t一、社会保障和就业支出\t\n"
            "建筑施工企业利润收入\t\t解决历史遗留问题及改革成本支出\t\n"
            "其他国有资本经营预算企业利润收入\t1400\t国有企业资本金注入\t997\n")
    got = cells(text)
    assert got[("国有土地使用权出让收入", "预计数/全市")] == (Decimal("3963000000"), "元", None)
    assert got[("国有土地使用权出让收入", "预计数/市级")] == (Decimal("1383000000"), "元", None)
    assert got[("债务付息支出", "预计数/市级")] == (Decimal("877000000"), "元", None)
    assert got[("国有企业资本金注入", "预计数")] == (Decimal("9970000"), "元", None)
    assert got[("其他国有资本经营预算企业利润收入", "预计数")] == (Decimal("14000000"), "元", None)


def test_stat_tables_unit_in_the_column_header():
    # bulk/hami_city_stats_communique_2025.txt 表4 (no 单位 line: the unit is the column's)
    text = ("表4 2025年地方规模以上工业企业利润总额及增长速度\n指标\t利润总额（亿元）\t比上年增长（%）\n"
            "规模以上工业\t156.56\t-28.8\n其中：国有控股企业\t74.04\t-31.7\n"
            "电力、热力、燃气及水生产和供应业\t73.55\t-12.9\n全年市域建筑业增加值115.30亿元。\n")
    got = cells(text)
    assert got[("规模以上工业", "利润总额（亿元）")] == (Decimal("15656000000"), "元", None)
    assert got[("国有控股企业", "比上年增长（%）")] == (Decimal("31.7"), "%", "decrease")
    assert len(got) == 6


def test_stat_tables_count_unit_in_the_column_header_and_a_unit_column():
    # formats/sanmenxia_2025_statistical_bulletin.html 表1 and 表3 as the HTML reader gives them
    text = ("表1 2025年年末三门峡市常住人口数及其构成\n\n指标\t年末数（万人）\t比重（%）\n全市常住人口\t199.5\t100.0\n"
            "其中：城镇\t122.5\t61.4\n\n3 2025年三门峡市规模以上工业主要产品产量及其增长速度\n\n"
            "产品名称\t单位\t产量\t比上年增长（%）\n原煤\t万吨\t774\t20.1\n发电量\t亿千瓦时\t195\t-5.4\n")
    got = cells(text)
    assert got[("全市常住人口", "年末数（万人）")] == (Decimal("1995000"), "人", None)
    assert got[("城镇", "比重（%）")] == (Decimal("61.4"), "%", None)
    assert got[("原煤", "产量")] == (Decimal("7740000"), "吨", None)
    assert got[("发电量", "比上年增长（%）")] == (Decimal("5.4"), "%", "decrease")


@pytest.mark.parametrize("text, subject, column, value", [
    ("2025年一般公共预算收支表\n项目\t预算数（亿元）\t执行数（亿元）\n税收收入\t120.5\t123.4\n",
     "税收收入", "执行数（亿元）", Decimal("12340000000")),
    ("一般公共预算收入表\n项目\t金额（万元）\n税收收入\t1200\n非税收入\t300\n", "非税收入", "金额（万元）", Decimal("3000000")),
    ("表2 一般公共预算支出表（单位：亿元）\n项目\t2024年\t2025年\n教育支出\t12.3\t13.4\n", "教育支出", "2025年",
     Decimal("1340000000")),
    ("表2 一般公共预算支出表\t单位：万元\n项目\t预算数\t执行数\n教育支出\t123\t134\n", "教育支出", "执行数", Decimal("1340000")),
    ("一般公共预算收入表\n金额单位：万元\n项目\t预算数\t执行数\n税收收入\t1200\t1234\n", "税收收入", "执行数",
     Decimal("12340000")),
    # the column's unit wins over the table's
    ("收支表\n单位：万元\n项目\t金额（亿元）\t比上年增长（%）\n税收收入\t1.5\t2.0\n", "税收收入", "金额（亿元）",
     Decimal("150000000")),
])
def test_stat_tables_made_tables_of_each_header_shape(text, subject, column, value):
    assert cells(text)[(subject, column)] == (value, "元", None)


def test_stat_tables_foi_template_fee_header_is_left_to_the_template_reader():
    # dev/hebei_jyt_foi_2021.txt 表二: the template reader reads it; no unit-table cell
    text = "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t1163.54\n三、收到和处理政府信息公开申请情况\n"
    assert find_table_cells(text) == []


def test_stat_tables_units_and_titles():
    assert unit_of("万吨") == ("measure", "吨", Decimal("10000"))
    assert unit_of("预计数") is None
    assert title_unit("2025年全市一般公共预算收支总表（单位：亿元）") == "亿元"
    assert title_unit("今年全市一般公共预算收入安排情况见下表，其中税收收入占比较上年有所提高（单位：亿元）" * 3) is None
    assert [u and u[1] for u in column_units(["指标", "绝对数（亿元）", "增速（%）", "预算数（调整后）"])] == [
        None, "元", "%", None]


def test_stat_tables_every_table_input_costs_linear_time():
    # long tables are read row by row (no rescans); a table runs for at most 400 lines
    rows = "".join(f"科目{k}\t{k}\t{k + 1}\n" for k in range(300))
    assert len(find_table_cells(("单位：万元\n项目\t预算数\t执行数\n" + rows) * 20)) == 12000


def test_stat_tables_changde_budget_file_no_cell_under_the_other_panels_label():
    path = FORMATS / "changde_2025_budget_report.html"
    if not path.is_file():
        pytest.skip(f"needs the shared formats corpus ({path})")
    from govreport_nlp.readers import read_document

    text = read_document(path).text
    found = find_table_cells(text)
    wrong = []
    for r in found:
        line_start = text.rfind("\n", 0, r.quantity.start) + 1
        left = [c.strip() for c in text[line_start:r.quantity.start].split("\t")[:-1]]
        labels = [c for c in left if c and not c.replace(".", "").replace("-", "").replace("%", "").isdigit()]
        if labels and r.subject not in labels[-1].replace(" ", ""):
            wrong.append((r.quantity.text, r.subject, labels[-1]))
    assert wrong == [] and len(found) > 500
    by_cell = {(r.subject, r.column, r.quantity.text): r.quantity.value for r in found}
    assert by_cell[("一般公共服务支出", "2024年决算数", "54.53")] == Decimal("5453000000")


def test_stat_tables_hami_bulletin_file():
    path = BULK / "hami_city_stats_communique_2025.txt"
    if not path.is_file():
        pytest.skip(f"needs the shared bulk corpus ({path})")
    got = cells(path.read_text(encoding="utf-8"))
    assert got[("私营企业", "利润总额（亿元）")] == (Decimal("3170000000"), "元", None)
    assert got[("房地产开发投资", "绝对数")] == (Decimal("2063000000"), "元", None)
