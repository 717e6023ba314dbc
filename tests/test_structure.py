"""Report layout from real report text: title, issuer, year, headings, sentences, debris."""

from govreport_nlp.rules.sections import analyze

from conftest import DEV


def test_structure_title_year_issuer_and_web_debris(seed_text):
    layout = analyze(seed_text)
    assert layout.meta.title == "土右旗2017年政府信息公开工作年度报告"
    assert layout.meta.issuer == "土右旗"
    assert layout.meta.report_year == 2017
    assert layout.meta.published == "2018-03-20"
    debris = [seed_text[s:e] for s, e in layout.debris]
    assert any("责任编辑" in d for d in debris)
    assert any("扫码关注" in d for d in debris)


def test_structure_headings_have_levels_and_paths(seed_text):
    layout = analyze(seed_text)
    titles = [(h.level, h.title) for h in layout.headings]
    assert (1, "一、基本工作完成情况") in titles
    sub = next(h for h in layout.headings if h.title.startswith("(一)"))
    assert sub.level == 2 and sub.path[0] == "一、基本工作完成情况"
    assert sub.start < sub.end


def test_structure_pdf_lines_inside_sentences_are_joined():
    text = "   2024 年，市政府网站主动公开各类政\n府信息 5500 余条，全年新增公开市政府规章\n1 件。\n"
    layout = analyze("淮安市人民政府\n2024 年政府信息公开工作年度报告\n" + text)
    sents = [s for s in layout.sentences]
    assert any("政\n府信息 5500 余条" in ("淮安市人民政府\n2024 年政府信息公开工作年度报告\n" + text)[a:b] for a, b in sents)


def test_structure_page_numbers_are_debris():
    text = "标题报告\n正文一句。\n\n-6-\n\n下一句。"
    layout = analyze(text)
    assert any(text[s:e].strip() == "-6-" for s, e in layout.debris)


def test_structure_work_report_year_is_the_year_reviewed():
    text = (DEV / "state_council_work_report_2024_excerpt.txt").read_text(encoding="utf-8") if DEV.is_dir() else \
        "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
    layout = analyze(text)
    assert layout.meta.published == "2024-03-05"
    assert layout.meta.report_year == 2023
    assert layout.meta.kind == "work_report"


def test_structure_paragraphs_group_sentences(seed_text):
    layout = analyze(seed_text)
    assert 5 <= len(layout.paragraphs) < len(layout.sentences)
    first = next(p for p in layout.paragraphs if "今年以来" in seed_text[p[0]:p[1]])
    assert seed_text[first[0]:first[1]].endswith("现将全年工作汇报如下:")
    for s, e in layout.sentences:
        assert any(ps <= s and e <= pe for ps, pe in layout.paragraphs)


def test_structure_published_is_the_signature_not_the_statistics_period():
    # hebei_jyt_foi_2017's header names the period (统计期限自2017年1月1日起); its
    # signature the publication date.
    text = ("河北省教育厅2017年政府信息公开工作年度报告\n"
            "本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n"
            "一、概述\n全年主动公开政府信息1425条。\n河北省教育厅\n2018年2月8日\n")
    assert analyze(text).meta.published == "2018-02-08"
    # A period bound alone is no publication date.
    assert analyze("某县2023年政府信息公开工作年度报告\n统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。\n").meta.published is None


# What each dev report prints as its date of publication (None: it prints none).
_PUBLISHED = {
    "hebei_jyt_foi_2017": "2018-02-08", "hebei_jyt_foi_2019": "2020-01-15", "hebei_jyt_foi_2023": "2024-01-26",
    "huaian_city_foi_2024": None, "jiangxi_province_stats_communique_2022_excerpt": "2023-03-28",
    "pingtan_stats_communique_2022_excerpt": None, "shanghai_office_foi_2025": None,
    "shanghai_putuo_czj_juesuan_2024_excerpt": None, "sichuan_province_work_report_2025_excerpt": None,
    "state_council_work_report_2024_excerpt": "2024-03-05", "tuyouqi_2017_foi_annual": "2018-03-20",
    # Added 2026-12-07, each read by hand: the signature date, the 发布日期 line, or the date of
    # the session the report was given at (as for the State Council's 2024 report).
    "hebei_jyt_foi_2021": "2022-01-20", "hebei_rst_foi_2017": "2018-01-29", "pingtan_county_foi_2012": "2013-01-16",
    "shanghai_office_foi_2019": "2020-01-31", "yichun_city_stats_communique_2022_excerpt": "2023-04-12",
    "anhui_province_work_report_2026_excerpt": "2026-02-05",
    "central_audit_rectification_report_2023_excerpt": "2024-12-22",
    "sanya_city_budget_report_2025_excerpt": "2026-01-23",
    # No date printed (洪泽 ends on a page number, 平潭 2021 on its last section, the 2018
    # excerpt starts at 各位代表); 山东's cover prints a month only (二○二四年七月).
    "huaian_hongze_foi_2024": None, "pingtan_foi_2021": None, "state_council_work_report_2018_excerpt": None,
    "shandong_province_final_accounts_2023_excerpt": "2024-07",
}


def test_structure_published_on_every_dev_report():
    import pytest

    if not DEV.is_dir():
        pytest.skip("needs ../shared/corpus/dev")
    found = {p.stem: analyze(p.read_text(encoding="utf-8")).meta.published for p in sorted(DEV.glob("*.txt"))}
    assert found == _PUBLISHED


def test_structure_run_on_sentences_are_cut_at_a_clause():
    from govreport_nlp.rules.sections import MAX_SENTENCE

    # A run-on text (a PDF's lost full stops): sentences stay bounded, so that the facts'
    # sentence copies cost linear space; each piece ends after a clause mark.
    text = "某县2022年统计公报\n" + "全年办理申请12件，" * 400
    layout = analyze(text)
    assert len(layout.sentences) > len(text) // MAX_SENTENCE  # the whole run, cut into pieces
    assert all(e - s <= MAX_SENTENCE for s, e in layout.sentences)
    assert all(text[e - 1] == "，" for s, e in layout.sentences[1:-1])


def test_structure_deeply_nested_html_is_read_without_recursion():
    from govreport_nlp.readers import html_to_text

    page = "<div>" * 5000 + "预算资金31.08亿元" + "</div>" * 5000
    assert html_to_text(page).strip() == "预算资金31.08亿元"  # no RecursionError, and the text


def test_structure_delivery_date_kind_and_title_of_other_genres():
    # central_audit_rectification_report_2023: a 关于…的报告 title printed over two lines,
    # delivered on 2024-12-22; an audit report, not a budget.
    text = ("国务院关于 2023 年度中央预算执行和其他\n财政收支审计查出问题整改情况的报告\n"
            "——2024 年 12 月 22 日在第十四届全国人民代表大会\n常务委员会第十三次会议上\n审计署审计长 侯凯\n")
    meta = analyze(text).meta
    assert meta.title == "国务院关于2023年度中央预算执行和其他财政收支审计查出问题整改情况的报告"
    assert (meta.kind, meta.delivered, meta.report_year) == ("audit", "2024-12-22", 2023)
    # A final-accounts table set is no budget (shandong_province_final_accounts_2023).
    assert analyze("山东省 2023 年决算情况表\n\n山东省财政厅\n二○二四年七月\n").meta.kind == "final_accounts"
    # A work report excerpt that starts at 各位代表 (state_council_work_report_2018_excerpt).
    speech = "各位代表：\n\n现在，我代表国务院，向大会报告过去五年政府工作，对今年工作提出建议。\n刚刚过去的2017年，经济增长。\n"
    assert analyze(speech).meta.kind == "work_report"


def test_structure_delivered_on_every_dev_report():
    import pytest

    if not DEV.is_dir():
        pytest.skip("needs ../shared/corpus/dev")
    found = {p.stem: analyze(p.read_text(encoding="utf-8")).meta.delivered for p in sorted(DEV.glob("*.txt"))}
    # Read by hand: the reports whose header says where and when they were delivered.
    assert {k: v for k, v in found.items() if v} == {
        "anhui_province_work_report_2026_excerpt": "2026-02-05",
        "central_audit_rectification_report_2023_excerpt": "2024-12-22",
        "sanya_city_budget_report_2025_excerpt": "2026-01-23",
        "state_council_work_report_2024_excerpt": "2024-03-05",
    }
