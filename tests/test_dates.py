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
