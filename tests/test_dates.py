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
