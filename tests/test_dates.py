"""Date expressions resolved against the report year."""

from govreport_nlp.rules.dates import find_dates


def _values(text, year, **kw):
    return [(d.text, d.value, d.relation) for d in find_dates(text, year, **kw)]


def test_dates_absolute_partial_and_as_of():
    text = "9月10日组织召开推进会。2016年5月16日印发。截至11月底,共办理事项157675件。2018-03-20发布。"
    assert _values(text, 2017) == [
        ("9月10日", "2017-09-10", None), ("2016年5月16日", "2016-05-16", None),
        ("截至11月底", "2017-11-30", "as_of"), ("2018-03-20", "2018-03-20", None),
    ]


def test_dates_with_pdf_spaces_and_month_end():
    assert _values("自 2023 年 1 月 1 日起至2018年3月底", 2023) == [
        ("2023 年 1 月 1 日", "2023-01-01", None), ("2018年3月底", "2018-03-31", None)]


def test_dates_relative_words_resolved():
    got = _values("全年实现生产总值，比上年增长。年末全区林地", 2022)
    assert ("全年", "2022", None) in got and ("上年", "2021", None) in got and ("年末", "2022-12-31", "as_of") in got


def test_dates_in_work_report_today_is_the_delivery_year():
    got = _values("今年发展主要预期目标是：比上年增长", 2023, work_report=True)
    assert got == [("今年", "2024", None)]


def test_dates_inside_document_titles_are_skipped():
    assert _values("印发《河北省2017年政务公开工作要点》", 2017) == []


def test_dates_year_end_is_one_date():
    # jiangxi_province_stats_communique_2022_excerpt: 年末…比上年末减少; 2022年年末.
    text = "年末全省常住人口4527.98万人，比上年末减少0.0万人。2022年年末城镇化率62.07%。去年底余额3亿元。"
    found = [(d.text, d.value, d.relation) for d in find_dates(text, 2022)]
    assert found == [("年末", "2022-12-31", "as_of"), ("上年末", "2021-12-31", None),
                     ("2022年年末", "2022-12-31", "as_of"), ("去年底", "2021-12-31", "as_of")]


def test_dates_year_end_gives_the_fact_its_time(nlp):
    from govreport_nlp import extract

    report = extract("江西省2022年国民经济和社会发展统计公报\n上年末全省常住人口4517.4万人。", nlp=nlp)
    fact = report.facts[0]
    assert (fact.subject, fact.as_of) == ("常住人口", "2021-12-31")


# Plan periods and the years up to the report year (GUIDELINES.md, decided 2026-12-07), each
# class from two reports: anhui_province_work_report_2026 and sanya_city_budget_report_2025
# (reviewing 2021-2025), state_council_work_report_2018 (reviewing 2013-2017).
PLAN_PERIODS = [
    ("2025年是“十四五”收官之年。", 2025, [("2025年", "2025"), ("“十四五”", "2021/2025")]),
    ("服务保障“十五五”开好局、起好步", 2025, [("“十五五”", "2026/2030")]),
    ("到“十三五”末全面建成", 2017, [("“十三五”末", "2020")]),
    ("过去的五年，我们开拓创新奋进", 2025, [("过去的五年", "2021/2025")]),
    ("这五年，是极不平凡的五年", 2025, [("这五年", "2021/2025")]),
    ("五年来，经济实力跃上新台阶。", 2017, [("五年来", "2013/2017")]),
    ("过去五年取得的全方位成就", 2017, [("过去五年", "2013/2017")]),
    # A plan's name before 规划 names a document; 近五年 is a duration (GUIDELINES.md).
    ("是实现“十四五”规划目标任务的关键一年", 2024, []),
    ("近五年来累计投入", 2024, []),
]


def test_dates_plan_periods():
    for text, year, want in PLAN_PERIODS:
        assert [(t, v) for t, v, _ in _values(text, year)] == want, text


def test_dates_chinese_numerals_and_year_ranges():
    # shandong_province_final_accounts_2023 (cover), pingtan_foi_2021, sanya 2025, hebei_jyt_foi_2017.
    assert _values("山东省财政厅\n二○二四年七月", 2023) == [("二○二四年七月", "2024-07", None)]
    assert _values("和二〇三五年远景目标", 2021) == [("二〇三五年", "2035", None)]
    assert _values("二〇二五年一月十五日", 2024) == [("二〇二五年一月十五日", "2025-01-15", None)]
    assert _values("编制2025-2027年滚动规划", 2025) == [("2025-2027年", "2025/2027", None)]
    assert _values("2014-2016年度", 2017) == [("2014-2016年度", "2014/2016", None)]


def test_dates_broken_by_a_pdf_line_and_after_a_table_number():
    # central_audit_rectification_report_2023 prints 截至 2024 年 9\n月底; jiangxi 2022 表4　2022年.
    assert _values("截至 2024 年 9\n月底", 2023) == [("截至 2024 年 9\n月底", "2024-09-30", "as_of")]
    assert _values("表4　2022年各种运输方式", 2022) == [("2022年", "2022", None)]


def test_dates_speaking_words_point_from_the_delivery_year():
    # A budget report delivered 2026-01-23 on the 2025 budget (sanya): 今年 is 2026.
    assert _values("今年财政收入预计增长", 2025, delivery_year=2026) == [("今年", "2026", None)]
    assert _values("去年完成", 2025, delivery_year=2026) == [("去年", "2025", None)]
    # An FOI report states no delivery: its 过去一年 is its own year.
    assert _values("过去一年，我们", 2021) == [("过去一年", "2021", None)]


def test_dates_period_words_point_from_the_period_described():
    # The draft-budget section of a budget report (二、2026年预算草案): 上年 is 2025.
    text = "一、2025年预算执行情况\n收入比上年增长。\n二、2026年预算草案\n加上上年结余收入。"
    periods = [(0, text.index("二、"), 2025), (text.index("二、"), len(text), 2026)]
    got = [(t, v) for t, v, _ in _values(text, 2025, periods=periods) if t == "上年"]
    assert got == [("上年", "2024"), ("上年", "2025")]
    # …and a year the sentence names (2024 年预算下达进度较上年, in an audit report on 2023).
    assert ("上年", "2023") in [(t, v) for t, v, _ in _values("2024 年预算下达进度较上年加快", 2023)]
    # In a work report the period words are left alone outside a section that names a year.
    assert _values("比上年增长", 2023, work_report=True) == []


def test_dates_bare_years_of_a_review_in_a_work_report():
    # state_council_work_report_2018 (reviewing 2013-2017): 中央财政五年投入…, 五年增加70%.
    got = _values("中央财政五年投入专项扶贫资金2800多亿元", 2017, work_report=True)
    assert got == [("五年", "2013/2017", None)]
    # Not outside a work report, and not after 近/连续/每 (durations, GUIDELINES).
    assert _values("中央财政五年投入", 2017) == []
    assert _values("连续五年增加", 2017, work_report=True) == []


def test_dates_the_five_years_a_work_report_reviews():
    # anhui_province_work_report_2026 (reviewing 2021-2025): 极不平凡的五年，…; bulk chongqing
    # 2026: 五年新设民营经营主体…, 五年改造城镇老旧小区…, 五年滚动实施….
    got = _values("这是极不寻常、极不平凡的五年，我们坚定不移。五年新设民营经营主体276.4万户。"
                  "五年改造城镇老旧小区8074个。五年滚动实施川渝共建重点项目555个。", 2025, work_report=True)
    assert got == [("五年", "2021/2025", None)] * 4
    # A stretch of time that is an amount stays one (用三年的时间), and outside a work report
    # the review is not known.
    assert _values("用三年的时间完成。", 2025, work_report=True) == []
    assert _values("极不平凡的五年，", 2025) == []


def test_dates_parts_of_a_year_and_numbers_before_year_words():
    # GUIDELINES (half years and quarters); bulk: jilin, guizhou 2026 work reports. In a
    # statistical bulletin of 2025: 上半年 -> 2025-01/2025-06.
    assert _values("上半年全省生产总值增长5%，一季度增长4%", 2025) == [
        ("上半年", "2025-01/2025-06", None), ("一季度", "2025-01/2025-03", None)]
    # 3年内 and 十二年来 are durations: 年内 and 二年来 inside them are no dates.
    assert _values("3年内完成，十二年来", 2025) == []


# One case per date form of rules/dates._FORMS (and the relative words after them), each
# resolved by its own function; the phrases are from the shared reports.
_FORM_CASES = [
    ("_year_range", "2025-2027年", 2025, "2025/2027", None),  # sanya_city_budget_report_2025
    ("_arabic_year", "截至2023年底", 2023, "2023-12-31", "as_of"),  # shandong_province_final_accounts_2023
    ("_chinese_year", "二〇二五年一月十五日", 2025, "2025-01-15", None),  # sichuan_province_work_report_2025
    ("_month_day", "9月10日组织召开推进会", 2017, "2017-09-10", None),  # tuyouqi_2017_foi_annual
    ("_plan", "“十四五”时期", 2025, "2021/2025", None),  # sichuan_province_work_report_2025
    ("_years_up_to", "过去五年", 2025, "2021/2025", None),  # sichuan_province_work_report_2025
    ("_part_of_year", "调查失业率从上半年5.5%降到", 2025, "2025-01/2025-06", None),  # guangxi_region_work_report_2026
    ("_relative_year_end", "比上年末增长", 2022, "2021-12-31", None),  # jiangxi 2022: a baseline, not as of
    ("_relative", "全年", 2022, "2022", None),  # jiangxi_province_stats_communique_2022
]


def test_dates_every_form_has_a_case():
    from govreport_nlp.rules import dates

    assert {form.__name__ for _, form in dates._FORMS} | {"_relative"} == {name for name, *_ in _FORM_CASES}


def test_dates_each_form_alone():
    from govreport_nlp.rules import dates

    for name, text, year, value, relation in _FORM_CASES:
        m = next(m for m in dates._DATE.finditer(text) if dates._resolve(text, m, year, year, year))
        start = m.start()
        while text[start] in " \t\u3000\xa0\n":
            start += 1
        prev = text[start - 1:start] if start and start == m.start() else ""
        at = dates._Anchors(text, start, prev, year, year, year)
        assert getattr(dates, name)(m, at) == (value, relation), name
        assert dates._resolve(text, m, year, year, year) == (value, relation), name
