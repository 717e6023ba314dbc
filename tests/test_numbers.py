"""The numeric normalizer: example tables by source, properties, and bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport_nlp import find_quantities, normalize, parse_number

# (expression, kind, value, unit, modifier, value_high)
# Forms named in GUIDELINES.md and the issue on the normalizer.
GUIDELINE_FORMS = [
    ("31.08亿元", "money", "3108000000", "元", None, None),
    ("1.2万元", "money", "12000", "元", None, None),
    ("三千万元", "money", "30000000", "元", None, None),
    ("100余名", "count", "100", "名", "over", None),
    ("1.2万人", "count", "12000", "人", None, None),
    ("3.5万吨", "measure", "35000", "吨", None, None),
    ("1.2万平方米", "measure", "12000", "平方米", None, None),
    ("7个工作日", "duration", "7", "工作日", None, None),
    ("下降0.5个百分点"[2:], "percent_point", "0.5", "百分点", None, None),
    ("百分之九点四", "percent", "9.4", "%", None, None),
    ("１２３项", "count", "123", "项", None, None),
    ("1,234.5万元", "money", "12345000", "元", None, None),
    ("3-5亿元", "money", "300000000", "元", None, "500000000"),
    ("3至5亿元", "money", "300000000", "元", None, "500000000"),
    ("三到五亿元", "money", "300000000", "元", None, "500000000"),
    ("2～3亿元", "money", "200000000", "元", None, "300000000"),
    ("10大类", "count", "10", "大类", None, None),
    ("1亿2千万元", "money", "120000000", "元", None, None),
    ("十二万三千元", "money", "123000", "元", None, None),
    ("一万零五百元", "money", "10500", "元", None, None),
    ("千分之三", "percent", "0.3", "%", None, None),
    ("3‰", "percent", "0.3", "%", None, None),
    ("三成", "percent", "30", "%", None, None),
    ("约2.3亿元", "money", "230000000", "元", "approx", None),
    ("6.5%左右", "percent", "6.5", "%", "approx", None),
    ("近5000万元", "money", "50000000", "元", "under", None),
    ("超过10亿元", "money", "1000000000", "元", "over", None),
    ("逾13.36万人", "count", "133600", "人", "over", None),
    ("不足30%", "percent", "30", "%", "under", None),
    ("1200万人以上", "count", "12000000", "人", "over", None),
    ("5亿美元", "money", "500000000", "美元", None, None),
    ("人民币5000万元", "money", "50000000", "元", None, None),
]
# Forms as they stand in the dev and bulk reports.
REPORT_FORMS = [
    ("157675件", "count", "157675", "件", None, None),
    ("4.18%", "percent", "4.18", "%", None, None),
    ("4.9％", "percent", "4.9", "%", None, None),
    ("5500 余条", "count", "5500", "条", "over", None),
    ("351\n件", "count", "351", "件", None, None),
    ("百余万", "count", "1000000", "", "over", None),
    ("6600多万", "count", "66000000", "", "over", None),
    ("3.7万", "count", "37000", "", None, None),
    ("15967万千瓦时", "measure", "159670000", "千瓦时", None, None),
    ("11192元/㎡", "money", "11192", "元/㎡", None, None),
    ("1.39万亿斤", "measure", "1390000000000", "斤", None, None),
    ("73861总吨", "measure", "73861", "总吨", None, None),
    ("6986万贝壳", "count", "69860000", "贝壳", None, None),
    ("两次", "count", "2", "次", None, None),
    ("三年", "duration", "3", "年", None, None),
    ("八大类", "count", "8", "大类", None, None),
    ("2.0个百分点", "percent_point", "2.0", "百分点", None, None),
    ("一半", "percent", "50", "%", None, None),
    ("832万辆次", "count", "8320000", "辆次", None, None),  # guangdong_province_work_report_2026
]
# Spoken and approximate forms as work reports and the press write them.
COLLOQUIAL_FORMS = [
    ("两万三", "count", "23000", "", None, None),  # the unit after the last digit is left out
    ("六万五千人", "count", "65000", "人", None, None),
    ("三万五元", "money", "35000", "元", None, None),
    ("一亿二", "count", "120000000", "", None, None),
    ("三成多", "percent", "30", "%", "over", None),
    ("5万元多", "money", "50000", "元", "over", None),
    ("上万人", "count", "10000", "人", "over", None),
    ("万余人", "count", "10000", "人", "over", None),
    ("近亿元", "money", "100000000", "元", "under", None),
    ("逾万名", "count", "10000", "名", "over", None),
    ("约3.5亿元左右", "money", "350000000", "元", "approx", None),
    ("20%至30%", "percent", "20", "%", None, "30"),
    ("百分之二十到三十", "percent", "20", "%", None, "30"),
    ("2-3个百分点", "percent_point", "2", "百分点", None, "3"),
    ("1万至2万元", "money", "10000", "元", None, "20000"),
    ("12,345,678元", "money", "12345678", "元", None, None),
    ("１２．５％", "percent", "12.5", "%", None, None),
    # Ranges with the unit written on both bounds.
    ("3亿元至5亿元", "money", "300000000", "元", None, "500000000"),
    ("5000万元～1亿元", "money", "50000000", "元", None, "100000000"),
    ("3万人-5万人", "count", "30000", "人", None, "50000"),
    ("约3亿元至5亿元", "money", "300000000", "元", "approx", "500000000"),
    ("7个工作日至15个工作日", "duration", "7", "工作日", None, "15"),
]
NOT_QUANTITIES = [
    "2017年", "2024 年", "二〇一七年", "国令第711号", "〔2021〕30号", "第三", "一是", "0517-83605210",
    "223001", "10.1:43.5:46.4", "", "   ", "部门", "hello", "5G", "70周年",
    "千伏",  # found by hypothesis: a unit word with a numeral in it, and no number
    "万元", "亿元", "上万年",  # a unit of account; a figure of speech
]


def _check(expr, kind, value, unit, modifier, high):
    q = normalize(expr)
    assert q is not None, expr
    assert (q.kind, q.value, q.unit, q.modifier) == (kind, Decimal(value), unit, modifier), expr
    assert q.value_high == (None if high is None else Decimal(high)), expr
    assert expr[q.start:q.end] == q.text


@pytest.mark.parametrize("row", GUIDELINE_FORMS, ids=[r[0] for r in GUIDELINE_FORMS])
def test_numbers_normalize_guideline_forms(row):
    _check(*row)


@pytest.mark.parametrize("row", REPORT_FORMS, ids=[r[0] for r in REPORT_FORMS])
def test_numbers_normalize_report_forms(row):
    _check(*row)


@pytest.mark.parametrize("row", COLLOQUIAL_FORMS, ids=[r[0] for r in COLLOQUIAL_FORMS])
def test_numbers_normalize_colloquial_forms(row):
    _check(*row)


def test_numbers_range_bounds_must_share_their_unit():
    assert normalize("3元至5人") is None
    assert normalize("3亿元以上至5亿元") is None


def test_numbers_find_quantities_joins_ranges_written_with_two_units():
    text = "计划投资3亿元至5亿元，招聘3万人-5万人，2019年至2020年，第1-3条。"
    found = [(q.text, q.value, q.value_high) for q in find_quantities(text)]
    assert found == [("3亿元至5亿元", Decimal("300000000"), Decimal("500000000")),
                     ("3万人-5万人", Decimal("30000"), Decimal("50000"))]


def test_numbers_find_quantities_second_day_of_a_date_span_is_a_date():
    # yunnan_province_work_report_2026: 3月19日至20日，习近平总书记在云南考察
    text = "3月19日至20日，习近平总书记在云南考察。批复后的20日内向社会公开。"
    assert [q.text for q in find_quantities(text)] == ["20日"]
    assert list(find_quantities(text))[0].start == text.index("20日内")


def test_numbers_find_quantities_skips_named_terms_and_size_classes():
    # pingtan_stats_communique_2022_excerpt (gold: ignore), state_council_work_report_2024,
    # jiangsu_province_work_report_2025, sichuan_province_work_report_2025
    text = "三次产业比重为4.1:38.8:57.1。落实中央八项规定。连云港30万吨级航道，五百亿级集群，26兆瓦级机组。召开3次会议。"
    assert [q.text for q in find_quantities(text)] == ["3次"]


def test_numbers_find_quantities_skips_admission_tiers():
    # bulk wanzai_county_stats_communique_2015: 一本, 二本 are tiers of the entrance examination.
    text = "2015年全县实际参加高考人数3067人，二本以上上线人数885人，其中：普通文化类考生中一本上线人数185人。出版二本。"
    assert [q.text for q in find_quantities(text)] == ["3067人", "885人", "185人", "二本"]


def test_numbers_find_quantities_per_mille_points_and_birds():
    # jiangxi_province_stats_communique_2022, wanzai_county_stats_communique_2015
    found = list(find_quantities("人口自然增长率比上年下降1.15个千分点。家禽年末实有143.3万羽。"))
    assert [(q.text, q.value, q.unit, q.kind) for q in found] == [
        ("1.15个千分点", Decimal("0.115"), "百分点", "percent_point"),
        ("143.3万羽", Decimal("1433000"), "羽", "count"),
    ]


def test_numbers_find_quantities_negative_growth_after_a_word():
    # wanzai_county_stats_communique_2015: 牧业产值89081万元，增长-3.2%
    found = list(find_quantities("牧业产值89081万元，增长-3.2%，编号C-3型"))
    assert [(q.text, q.value) for q in found] == [("89081万元", Decimal("890810000")), ("-3.2%", Decimal("-3.2"))]


def test_numbers_elided_unit_only_after_the_unit_it_follows():
    assert parse_number("一万零五") == Decimal("10005")
    assert parse_number("一千二三") == Decimal("1023")
    assert parse_number("二十五") == Decimal("25")


@pytest.mark.parametrize("expr", NOT_QUANTITIES)
def test_numbers_normalize_rejects_non_quantities(expr):
    assert normalize(expr) is None


# Known failures, kept visible: strict xfail turns green into a failure the day they pass.
def test_numbers_normalize_unit_from_following_noun():
    # state_council_work_report_2024_excerpt: the gold counts people in 人, households in 户.
    assert normalize("6600多万纳税人").unit == "人"
    assert normalize("千万家庭").unit == "户"
    assert normalize("5000万用于人员") is None  # a verb between: not a count of people


def test_numbers_find_quantities_unit_from_the_counted_noun():
    text = "6600多万纳税人受益，惠及上千万家庭，为358万居家老年人提供服务，5000万用于人员经费，89万监测对象"
    found = [(q.text, q.unit) for q in find_quantities(text)]
    assert found == [("6600多万", "人"), ("千万", "户"), ("358万", "人"), ("5000万", ""), ("89万", "")]


@pytest.mark.parametrize("text, value", [
    ("三分之一", Decimal("33.333333333333333333")), ("三分之二", Decimal("66.666666666666666667")),
    ("4分之1", Decimal("25")), ("1.5倍", Decimal("150")), ("一倍", Decimal("100")),
    ("翻一番", Decimal("100")), ("翻两番", Decimal("300")), ("翻番", Decimal("100")),
])
def test_numbers_multiples_and_fractions_are_percents(text, value):
    # GUIDELINES, "Forms that real reports print": the quotient or multiple x 100.
    q = normalize(text)
    assert (q.value, q.unit, q.kind) == (value, "%", "percent")


def test_numbers_find_quantities_reads_multiples_in_running_text():
    text = "地区生产总值比2010年翻一番，出口增长1.5倍，农村贫困人口减少三分之一，产量提高一倍。"
    assert [(q.text, str(q.value)) for q in find_quantities(text)] == [
        ("翻一番", "100"), ("1.5倍", "150"), ("三分之一", "33.333333333333333333"), ("一倍", "100")]


def test_numbers_value_is_exact_decimal():
    q = normalize("31.08亿元")
    assert isinstance(q.value, Decimal) and str(q.value) == "3108000000"
    assert q.model_dump(mode="json")["value"] == "3108000000"


def test_numbers_normalize_rejects_non_str():
    with pytest.raises(TypeError, match="decode bytes first"):
        normalize(b"31.08")  # type: ignore[arg-type]


def test_numbers_find_quantities_in_report_sentence():
    text = "截至11月底,土右旗公共资源交易中心累计进场交易项目376项,预算资金31.08亿元,资金节约率4.18%。"
    found = list(find_quantities(text))
    assert [q.text for q in found] == ["376项", "31.08亿元", "4.18%"]
    for q in found:
        assert text[q.start:q.end] == q.text


def test_numbers_find_quantities_skips_dates_ordinals_and_codes():
    text = "根据国令第 711 号，2024 年 1 月 1 日起，第三次会议在1 号召开，电话0517-83605210，邮编223001，“3·25”案件，C919。"
    assert list(find_quantities(text)) == []


def test_numbers_find_quantities_modifiers_outside_span():
    text = "国内生产总值超过126万亿元，增长近30%，城镇新增就业1200万人以上，预算批复后20日内公开。"
    got = [(q.text, q.modifier) for q in find_quantities(text)]
    assert got == [("126万亿元", "over"), ("30%", "under"), ("1200万人", "over"), ("20日", "under")]


def test_numbers_parse_number_none_for_words():
    assert parse_number("部门") is None
    assert parse_number("二〇一七") == Decimal(2017)


# --- properties -------------------------------------------------------------------
_DIGITS = "零一二三四五六七八九"


def _four(n: int) -> str:
    """Write 0 < n < 10000 in Chinese numerals, with 零 for inner gaps."""
    out = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero:
                out.append("零")
            out.append(_DIGITS[d] + unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def to_chinese(n: int) -> str:
    """Our own writer of integers in Chinese numerals (the oracle of the property test)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    units = ["", "万", "亿", "万亿", "亿亿"]
    out = []
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out.append("零")
        out.append(_four(g) + units[i])
        need_zero = False
    return "".join(out)


def test_numbers_to_chinese_writer_matches_known_forms():
    assert to_chinese(10500) == "一万零五百"
    assert to_chinese(100300000) == "一亿零三十万"
    assert to_chinese(123000) == "十二万三千".replace("十二", "一十二")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**16))
def test_numbers_chinese_integers_round_trip(n):
    assert parse_number(to_chinese(n)) == n
    q = normalize(to_chinese(n) + "元")
    assert q is not None and q.value == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_chinese_integers_agree_with_cn2an(n):
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(to_chinese(n)) == Decimal(cn2an.cn2an(to_chinese(n), "normal"))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_numbers_arabic_fullwidth_and_separated_agree(n):
    plain = str(n)
    full = plain.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    grouped = f"{n:,}"
    values = {normalize(s + "件").value for s in (plain, full, grouped)}
    assert values == {Decimal(n)}


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=9999),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_numbers_decimals_with_scale_are_exact(whole, frac, scale):
    word, factor = scale
    digits = f"{whole}.{frac:04d}"
    q = normalize(f"{digits}{word}元")
    assert q is not None and q.value == Decimal(digits) * factor


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_numbers_never_raise_on_any_text(text):
    normalize(text)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text


def test_numbers_range_beyond_decimal_precision_stays_exact():
    # Found by hypothesis (tests/test_speedups.py): 一万亿 scaled by 一亿亿 has 29 digits,
    # more than Decimal's default context keeps; it used to raise InvalidOperation.
    # Its low bound (10^28) is above its high one (10^16): no range (#24), and no error.
    assert normalize("一○○○○億○-一亿亿%") is None
    assert list(find_quantities("一○○○○億○-一亿亿%")) == []
    q = normalize("一-一○○○○億○亿%")  # 1亿 to 10^20: in order, and exact
    assert q.value == Decimal(10) ** 8 and q.value_high == Decimal(10) ** 20


def test_numbers_import_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, govreport_nlp; govreport_nlp.normalize('3亿元'); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_numbers_list_number_before_year_and_section_parts():
    assert [q.text for q in find_quantities("9．2025年部门“三公”经费；详见本报告第三、四部分。")] == []


@pytest.mark.parametrize("text", [
    "《河北省法治政府建设实施方案（2021一2025年）》",  # 一 printed for a dash in a year range
    "这是经济实力持续提升的五年。五年来，我们有效应对。",  # stretches of time named
    "万华化学产业园二期等在建产业项目",  # a project phase
    "三位一体短视频",  # an idiom
])
def test_numbers_report_phrases_that_are_not_quantities(text):
    assert list(find_quantities(text)) == []


def test_numbers_plan_names_are_not_durations():
    assert list(find_quantities("实施生产性服务业创新提升三年行动，编制五年规划。")) == []
    assert [q.text for q in find_quantities("用3年时间完成改造。")] == ["3年"]


# Forms PDFs and converted pages print (../shared/corpus/dev: the Putuo final accounts, the
# 2021-template FOI report): spaces and a line break between number, 万/亿 and unit.
@pytest.mark.parametrize("text, value, unit, kind", [
    ("1560.05 万元", "15600500", "元", "money"),
    ("2345.67 亿 元", "234567000000", "元", "money"),
    ("536 万", "5360000", "", "count"),
    ("45.9 万人", "459000", "人", "count"),
    ("80.81 万\n元", "808100", "元", "money"),
    ("231.9\n万人", "2319000", "人", "count"),
    ("0万元", "0", "元", "money"),
])
def test_numbers_pdf_spacing_gives_one_quantity(text, value, unit, kind):
    q = normalize(text)
    assert (str(q.value), q.unit, q.kind) == (value, unit, kind)
    found = list(find_quantities(f"年初预算为{text}，"))
    assert [(f.text, str(f.value)) for f in found] == [(text, value)]


def test_numbers_spacing_never_joins_a_date_and_a_count():
    assert [(q.text, q.unit) for q in find_quantities("2019 年 12 个部门")] == [("12 个", "个")]


@pytest.mark.parametrize("text", ["12 3万元", "1 560.05万元", "2019 年 12 个", "9 .5 万", "1.\n6538%"])
def test_numbers_spaces_between_digits_join_nothing(text):
    # Spaces are dropped only next to 万/亿 or a unit, never between two digits: the
    # reference path and its shortcut for spaced forms both say these are not one amount.
    from govreport_nlp.numbers.normalizer import _normalize_py

    assert normalize(text) is None and _normalize_py(text) is None


def test_numbers_tab_row_number_takes_no_unit_from_the_next_line():
    assert [q.text for q in find_quantities("数量\t12\n人均可支配收入")] == []
    # Nor a scale: 12万 would join a table cell to the next line's first word.
    assert [q.text for q in find_quantities("数量\t12\n万元以上项目3个")] == ["3个"]


@pytest.mark.parametrize("text, value, unit, kind", [
    ("人均预期寿命78.5岁", "78.5", "岁", "measure"),
    ("年平均气温19.0℃", "19.0", "℃", "measure"),
    ("平均得分99.43分", "99.43", "分", "measure"),
    ("细颗粒物浓度30微克/立方米", "30", "微克/立方米", "measure"),
    ("产能1200万吨/年", "12000000", "吨/年", "measure"),
    ("每百人拥有移动电话103.9部/百人", "103.9", "部/百人", "count"),
    ("播种面积12.3千公顷", "12.3", "千公顷", "measure"),
    ("单价50万元以上的设备2台（套）", "2", "台（套）", "count"),
])
def test_numbers_units_as_written(text, value, unit, kind):
    q = list(find_quantities(text))[-1]
    assert (str(q.value), q.unit, q.kind) == (value, unit, kind)


def test_numbers_clock_time_is_no_score():
    assert list(find_quantities("10时30分召开会议")) == []


@given(st.sampled_from(["1560.05万元", "2345.67亿元", "45.9万人", "12.5亿元", "536万"]),
       st.sampled_from([" ", "  ", "\u3000", "\xa0"]))
def test_numbers_spaces_between_parts_keep_the_value(plain, space):
    digits = plain.rstrip("万亿元人")
    spaced = digits + space + plain[len(digits):]
    assert normalize(spaced).value == normalize(plain).value


def test_numbers_list_items_share_the_last_unit():
    # jiangxi_province_stats_communique_2022_excerpt: 比重分别提高3.9、2.0、2.9个百分点.
    text = "占规模以上工业比重分别提高3.9、2.0、2.9个百分点。"
    assert [(q.text, str(q.value), q.kind) for q in find_quantities(text)] == [
        ("3.9", "3.9", "percent_point"), ("2.0", "2.0", "percent_point"), ("2.9个百分点", "2.9", "percent_point")]
    # A run of ordinals shares nothing: 第1、2、3条 names articles.
    assert [q.text for q in find_quantities("依据第1、2、3条规定")] == ["3条"]


@pytest.mark.parametrize("text", ["资金节约3.67%", "违约金比例3%", "制约因素减少2%"])
def test_numbers_words_ending_in_yue_are_no_modifier(text):
    assert [q.modifier for q in find_quantities(text)] == [None]


@pytest.mark.parametrize("text", ["十届二次、三次全会", "保持两位数增长", "培育超千亿元的开发区", "打造千亿级产业集群"])
def test_numbers_names_ordinals_and_thresholds_are_no_quantities(text):
    assert list(find_quantities(text)) == []


# Accepted quantities whose number is Arabic digits followed by a scale or a unit, from the
# forms of the dev reports and the expression table (money, counts, measures, percents).
_SPACEABLE = ["1560.05万元", "2345.67亿元", "45.9万人", "12.5亿元", "536万", "31.08亿元", "376项", "98个",
              "4.18%", "0.5个百分点", "1200万吨/年", "30微克/立方米", "7.19‰", "2台（套）", "78.5岁", "3.6万余元"]


@settings(max_examples=200)
@given(st.sampled_from(_SPACEABLE), st.sampled_from([" ", "  ", "\u3000", "\xa0", "\n", " \n "]), st.booleans())
def test_numbers_spaces_after_the_digits_of_any_accepted_quantity_keep_it(plain, space, scanning):
    digits = len(plain) - len(plain.lstrip("0123456789."))
    spaced = plain[:digits] + space + plain[digits:]
    want = normalize(plain)
    got = list(find_quantities(f"全年{spaced}，"))[0] if scanning else normalize(spaced)
    assert (got.value, got.unit, got.kind) == (want.value, want.unit, want.kind)
