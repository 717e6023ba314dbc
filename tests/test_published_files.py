"""What each published file of ../shared/corpus/formats says of itself, read by hand (#28):
the document's own whole title (no letterhead or congress file mark before it), the issuing
body (never a bare place; None when the document names none), the kind (final accounts are
no budget), the document's own date (the delivery date, a cover month; not a page's
sidebar) and the year reported on."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govreport_nlp

from conftest import SHARED

FORMATS = SHARED / "corpus" / "formats"

# file: (title, issuer, kind, published, report_year)
EXPECTED = {
    "aksu_2025_statistical_bulletin.html": (
        "阿克苏地区2025年国民经济和社会发展统计公报", "阿克苏地区统计局", "stats_communique", "2026-05-28", 2025),
    "baoding_2025_budget_report.pdf": (  # (受市政府委托: no body is named)
        "关于保定市2025年预算执行情况和2026年预算草案的报告（书面）", None, "budget", "2026-02-04", 2025),
    "changde_2025_budget_report.html": (
        "关于常德市2025年预算执行情况与2026年全市及市级预算（草案）的报告", "常德市财政局", "budget", "2025-12-27", 2025),
    "changsha_2025_statistical_bulletin.html": (
        # (the page prints 发布时间：2026-04-21, as its first Pubdate meta tag says; a second,
        # template PubDate of 2026-05-12 is the site's, not the bulletin's)
        "长沙市2025年国民经济和社会发展统计公报", "长沙市统计局", "stats_communique", "2026-04-21", 2025),
    "chengde_2025_budget_report.docx": (
        "关于承德市2025年市本级预算和市总预算执行情况与2026年市本级预算和市总预算草案的报告（书面）",
        "承德市财政局", "budget", "2026-02-06", 2025),
    "ezhou_2025_budget_execution_report.pdf": (
        "关于鄂州市2025年预算执行情况和2026年预算草案的报告", "鄂州市财政局", "budget", "2026-01-14", 2025),
    "fushun_2025_final_accounts_report.html": (
        "关于抚顺市2025年财政决算的报告", "抚顺市财政局", "final_accounts", "2026-06-23", 2025),
    "haikou_2025_budget_report.html": (
        "关于海口市2025年预算执行情况和2026年预算草案的报告", "海口市财政局", "budget", "2026-02-03", 2025),
    "jiaozuo_2025_statistical_bulletin.pdf": (  # (no body and no date printed)
        "2025年焦作市国民经济和社会发展统计公报", None, "stats_communique", None, 2025),
    "sanmenxia_2025_statistical_bulletin.html": (
        "2025年三门峡市国民经济和社会发展统计公报", "三门峡市统计局", "stats_communique", "2026-06-22", 2025),
    "shijiazhuang_2018_budget_report.pdf": (
        "关于石家庄市2018年预算执行情况和2019年预算草案的报告", "石家庄市财政局", "budget", "2019-01-21", 2018),
    "tianjin_2025_budget_report.pdf": (
        "关于天津市2025年预算执行情况和2026年预算草案的报告", "天津市财政局", "budget", "2026-01-26", 2025),
    "zhangjiajie_2025_statistical_bulletin.pdf": (
        "张家界市2025年国民经济和社会发展统计公报", "张家界市统计局", "stats_communique", "2026-04", 2025),
    "zhumadian_2018_budget_report.html": (  # (the page title's site name 驻马店人大 is left out)
        "关于驻马店市2018年预算执行情况和2019年预算草案的报告", "驻马店市财政局", "budget", "2019-02-22", 2018),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_files_name_themselves(nlp, name):
    path = FORMATS / name
    if not path.is_file():
        pytest.skip(f"needs the shared formats corpus ({FORMATS})")
    report = govreport_nlp.extract_file(path, nlp=nlp)
    assert (report.title, report.issuer, report.kind, report.published, report.report_year) == EXPECTED[name]


def test_published_files_every_file_is_expected():
    if not FORMATS.is_dir():
        pytest.skip(f"needs the shared formats corpus ({FORMATS})")
    files = {p.name for p in FORMATS.iterdir() if p.suffix in (".html", ".pdf", ".docx", ".doc")}
    assert files == set(EXPECTED), "a file of the formats corpus has no expected values here"


def test_published_files_budget_table_with_a_header_over_three_lines():
    # shijiazhuang_2018_budget_report.pdf 表3 as its text layer reads: the header printed over
    # three lines (the (%) notes under the share columns) and a label wrapped onto the next line.
    from govreport_nlp.rules.quantities import find_table_cells

    text = ("2018年全市政府性基金收入预算完成情况表\n单位:万元\n占年初预算 比上年增长\n科目名称\t年初预算 实际完成\n"
            "(%)\t(%)\n1.国有土地收益基金收入\t351756\t229706\t65.3\t-1.3\n8.彩票发行机构和彩票销售机\n"
            "构的业务费用\t2320\t2361\t101.8\t-26.3\n合 计\t6099592\t5608666\t92\t8.3\n表4\n")
    cells = {(r.subject, r.column): (r.quantity.value, r.quantity.unit, r.change) for r in find_table_cells(text)}
    assert cells[("合计", "实际完成")] == (56086660000, "元", None)
    assert cells[("合计", "占年初预算(%)")] == (92, "%", None)
    assert cells[("国有土地收益基金收入", "比上年增长(%)")] == (Decimal("1.3"), "%", "decrease")


def test_published_files_table_cell_facts_name_their_column(nlp):
    # #28 item 2: a budget table with its unit printed once gives facts with exact values in
    # 元, the row label as subject and the column as context (Fact.column and context_of).
    text = "2025年全市一般公共预算收支表\n单位：万元\n项目\t预算数\t决算数\n税收收入\t1200\t1234.5\n"
    fact = next(f for f in govreport_nlp.extract(text, nlp=nlp).facts if f.quantity.text == "1234.5")
    assert (fact.subject, fact.quantity.value, fact.quantity.unit, fact.column, fact.context_of) == (
        "税收收入", Decimal("12345000"), "元", "决算数", "决算数")
