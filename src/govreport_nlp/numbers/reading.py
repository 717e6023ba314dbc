"""One match of the normalizer's patterns to a Quantity: the checks the scanner
(``scanner.py``) and :func:`~govreport_nlp.numbers.normalize` share, so that both agree on
what a number, its unit and its context make (dates, ordinals, classes of size, ranges).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple, Optional

from ..models import Quantity
from .build import make
from .context import in_tab_row
from .specials import special
from .numerals import (CN_DIGITS, blurred, exact, has_scale, is_arabic, looks_like_year, parse_numeral, spelled,
                       trailing_scale)
from .patterns import BLOCKED_AFTER, DAY_RANGE_END, NUMBERED_YEAR, PLAN_NAME, SCAN, YEAR_FOLLOWERS
from .units import ONE as _ONE
from .units import UNITS

__all__ = ["Parts", "from_match", "half_of", "negative", "quantity", "range_of"]

_TENTH = Decimal("0.1")


class Parts(NamedTuple):
    """The parts of one match that decide a quantity (see :func:`quantity`)."""

    n1: str  # the number (the lower bound of a range)
    n2: Optional[str]  # the upper bound of a range
    pct: Optional[str]  # a 百分之/千分之 prefix
    unit_text: Optional[str]  # the unit as written
    unit_end: int  # where the unit ends in the text
    neg: bool  # a minus sign or 负 before the number
    over_mark: bool  # a 余/多 after the number
    percent_sign: bool  # a % after the lower bound of a range (4.5%—5%)
    half: bool = False  # a 半 with the unit (三米半, 两个半小时): a half more


def quantity(text: str, start: int, end: int, parts: Parts, scanning: bool, *,
              counted: Optional[str] = None) -> Optional[Quantity]:
    """Decide whether the parts of a match make a quantity, and build it.

    ``start``/``end`` delimit the span. A bare count takes ``counted`` as its unit (the
    noun it counts: 6600多万纳税人 -> 人). Shared by :func:`normalize` and
    :func:`find_quantities`, so that both agree.
    """
    n1, n2, pct, unit_text, unit_end, neg, over_mark, percent_sign, half = parts
    if n1[0] == "0" and len(n1) > 1 and n1[1] not in ".．万萬亿億 \u3000\xa0":
        return None  # 0517-83605210, 0086: codes and phone numbers, not amounts (0万元 is one)
    bounds = read_bounds(n1, n2, half, over_mark)
    if bounds is None:
        return None
    value, high, over, n1, n2 = bounds
    if unit_text is None and not pct and not percent_sign and not has_scale(n1 if n2 is None else n1 + n2):
        return None  # a bare number (postcode, table cell, list number) is not a quantity
    if scanning and not_an_amount_here(text, start, end, unit_end, n1, unit_text):
        return None
    kind, unit, factor = _kind_of(pct, unit_text, percent_sign, counted)
    if kind == "duration" and not_a_duration(text, start, unit_end, parts.n1, n1, value, unit, unit_text, scanning):
        return None
    if factor is not _ONE:
        value *= factor
        if high is not None:
            high *= factor
    if neg:
        value = -value
    # Scaling leaves zeros (0.3 x 10 = 3.0); a number scaled here is made exact again,
    # one printed plainly (2.0个百分点) stays as written.
    if factor is not _ONE or n2 is not None:
        value = exact(value)
        if high is not None:
            high = exact(high)
    return make(text, start, end, value, high, unit, kind, "over" if over or over_mark else None)


_Bounds = tuple[Decimal, Optional[Decimal], bool, str, Optional[str]]


def read_bounds(n1: str, n2: Optional[str], half: bool, over_mark: bool) -> Optional[_Bounds]:
    """The value (and high bound) the numerals of a match make: ``(value, high, over, n1,
    n2)``, n1 and n2 the bounds as read (an approximate 五六亿 is 五亿 to 六亿); None when
    no reading is certain (二〇一七, 3-5年半, 5-3亿, bounds out of order).

    >>> read_bounds("五六亿", None, False, False)[:2]
    (Decimal('500000000'), Decimal('600000000'))
    >>> read_bounds("3", "5亿", False, False)[:2], read_bounds("三", None, True, False)[0]
    ((Decimal('300000000'), Decimal('500000000')), Decimal('3.5'))
    >>> read_bounds("二〇一七", None, False, False), read_bounds("5", "3亿", False, False)
    (None, None)
    """
    if n2 is None and not is_arabic(n1):
        blur = blurred(n1)  # 五六亿, 十几万, 数百万: the range the number stands for
        if blur is not None:
            n1, n2 = blur
        elif spelled(n1):
            return None  # 二〇一七, 一二三: digits one by one name a year or a code, no amount
    value, over = parse_numeral(n1)
    if value is None:
        return None
    if half:
        if n2 is not None or over or over_mark or value != value.to_integral_value():
            return None  # 3-5年半, 3.5米半: no certain reading
        value += _HALF
    if n2 is None:
        return value, None, over, n1, None
    high, over2 = parse_numeral(n2)
    if high is None:
        return None
    scale = trailing_scale(n2)
    if scale is not None and trailing_scale(n1) is None:
        if value * scale <= high:
            value *= scale  # 3-5亿: the 亿 scales both bounds
        elif high > 100 * value:
            return None  # 5-3亿: misprinted, and no reading of it is certain
        # else 从6000到2万元: a low bound the scale would put above the high one is
        # written out in full.
    if value > high:
        return None  # bounds out of order
    return value, high, over or over2, n1, n2


# What follows an admission tier of the college entrance examination (一本上线, 二本以上,
# 三本院校, 一本批次, 一本线).
_TIER_AFTER = ("上线", "以上", "院校", "批次", "线", "录取")


def not_an_amount_here(text: str, start: int, end: int, unit_end: int, n1: str, unit_text: Optional[str]) -> bool:
    """Whether running text shows the number names a class, a region, a phase or a time
    of day rather than an amount (超千亿元的开发区, 东三省, 30万吨级, 产业园二期, 10时30分).

    >>> not_an_amount_here("产业园二期", 3, 5, 5, "二", "期"), not_an_amount_here("30万吨级航道", 0, 4, 4, "30万", "吨")
    (True, True)
    >>> not_an_amount_here("新建二期", 2, 4, 4, "二", "期")
    True
    >>> not_an_amount_here("完成30万吨", 2, 6, 6, "30万", "吨")
    False
    >>> not_an_amount_here("二本以上上线人数", 0, 2, 2, "二", "本"), not_an_amount_here("出版二本", 2, 4, 4, "二", "本")
    (True, False)
    """
    before = text[start - 1] if start else ""
    if (before and before in "超过逾上" and text[unit_end:unit_end + 1] in ("的", "级")
            and all(ch in "十百千万亿" for ch in n1)):
        return True  # 超千亿元的开发区: the threshold of a class, not an amount
    if unit_text in _PLACES and before and before in "东西南北" and not is_arabic(n1):
        return True  # 东三省, 北三县: a region named with a number, not a count of places
    if text[end:end + 1] == "级":
        return True  # 30万吨级航道, 五百亿级产业集群: a class of size, not an amount
    if unit_text == "期" and len(n1) == 1 and n1 in CN_DIGITS and before > "\u4e00":
        return True  # 产业园二期: the phase of a project, an ordinal
    if unit_text == "本" and n1 in ("一", "二", "三") and text.startswith(_TIER_AFTER, end):
        return True  # 二本以上上线人数: an admission tier (一本, 二本), not a count of books
    return unit_text == "分" and text[max(0, start - 3):start].rstrip()[-1:] in ("时", "点", ":", "：")


def _kind_of(pct: Optional[str], unit_text: Optional[str], percent_sign: bool,
             counted: Optional[str]) -> tuple[str, str, Decimal]:
    """(kind, unit, factor) of a match: a 百分之/千分之 prefix, its unit, a % on the low
    bound of a range, else a count (of ``counted``, the noun it counts)."""
    if pct:
        return "percent", "%", _TENTH if pct == "千分之" else _ONE
    if unit_text is not None:
        return UNITS[unit_text]
    if percent_sign:
        return "percent", "%", _ONE
    return "count", counted or "", _ONE


def not_a_duration(text: str, start: int, unit_end: int, written: str, n1: str, value: Decimal, unit: str,
                   unit_text: Optional[str], scanning: bool) -> bool:
    """Whether a number before 年 or 日 names a date, a stretch of time or a plan rather
    than a duration (2017年, 百年变局, 五年来, 三年行动, 9．2025年, 9月10日, 3月19日至20日).

    >>> not_a_duration("2017年", 0, 5, "2017", "2017", Decimal(2017), "年", "年", False)
    True
    >>> not_a_duration("用3年时间", 1, 3, "3", "3", Decimal(3), "年", "年", True)
    False
    """
    if unit == "年":
        if looks_like_year(written, value) or n1 in ("百", "千", "万"):
            return True  # 2017年 is a date; 百年变局, 千年 are figures of speech
        if scanning and not is_arabic(n1) and (text[unit_end:unit_end + 1] == "来" or text[start - 1:start] == "的"):
            return True  # 五年来, …的五年: a stretch of time named, not an amount
        if scanning and PLAN_NAME.match(text, unit_end):
            return True  # 三年行动, 五年规划: the name of a plan
        if NUMBERED_YEAR.fullmatch(n1):
            return True  # 9．2025年: a list number before a year
        nxt = text[unit_end:unit_end + 1]
        return bool(nxt) and nxt in YEAR_FOLLOWERS and is_arabic(n1) and len(n1) == 4
    if unit_text == "日" and scanning:
        if text[max(0, start - 3):start].rstrip().endswith("月"):
            return True  # 9月10日 is a date
        if DAY_RANGE_END.search(text, max(0, start - 4), start):
            return True  # 3月19日至20日: the end of a span of dates
    return False


def negative(m: re.Match[str]) -> bool:
    """Whether a sign (-, 负, 零下) stands before the number or after 百分之 (百分之负二)."""
    return m.group("neg") is not None or m.group("pneg") is not None


def from_match(m: re.Match[str], text: str, scanning: bool) -> Optional[Quantity]:
    """Turn one match of the scanning pattern into a Quantity, or None."""
    if m.group("half") or m.group("double") or m.group("frac"):
        return special(m, text)
    if m.group("halfof"):
        return half_of(text, m.start("halfof"), m.end("hunit"), m.group("hunit"), scanning)
    if "\n" in m.group("n1") and in_tab_row(text, m.start("n1")):
        # \t12\n万元以上: a table row's last number ends at the line's end.
        cut = SCAN.match(text, m.start(), text.index("\n", m.start("n1")))
        if cut is None:
            return None
        m = cut
    pct = m.group("pct")
    n2 = m.group("n2")
    unit_text = None if pct else m.group("unit")
    unit_end = m.end("unit")
    half = unit_text is not None and (m.group("gehalf") or m.group("uhalf")) is not None
    if half and unit_text is not None and m.group("gehalf") and "个" + unit_text in UNITS:
        unit_text = "个" + unit_text  # 两个半小时, 一个半月: 2.5 个小时, 1.5 个月
    if unit_text is not None and unit_text not in UNITS:
        # A rate the tables do not hold (a duration or percent over something): the
        # numerator alone is the unit.
        unit_text = unit_text.split("/", 1)[0]
        unit_end = m.start("unit") + len(unit_text)
    after = text[unit_end:unit_end + 1] if unit_text is not None else ""
    if unit_text is not None and "\n" in text[m.start("n1"):m.start("unit")] and in_tab_row(text, m.start("n1")):
        # 数量\t12\n人均…: a number closing a table row takes nothing from the next line.
        unit_text = None
        after = ""
    if after and unit_text is not None and after in BLOCKED_AFTER.get(unit_text[-1], ""):
        # 70周年, 三成员, 上千万家庭: the "unit" begins a longer word; what is left is a bare
        # number, which the bare-number rule judges (a scaled one still counts).
        unit_text = None
    if unit_text is None:
        half = False
    elif m.group("uhalf"):
        unit_end = m.end("uhalf")
    start = m.start("neg") if m.group("neg") else (m.start("pct") if pct else m.start("n1"))
    if unit_text is not None:
        end = unit_end
    elif m.group("m1"):
        end = m.end("m1")
    elif n2 is not None:
        end = m.end("n2")
    else:
        end = m.end("n1")
    return quantity(text, start, end, Parts(m.group("n1"), n2, pct, unit_text, unit_end if unit_text else end,
                                              negative(m), bool(m.group("m1")), bool(m.group("u1")), half),
                     scanning)


def range_of(text: str, a: Quantity, b: Quantity) -> Optional[Quantity]:
    """One range from two quantities of the same unit (3亿元 and 5亿元 of 3亿元至5亿元),
    made canonical as every range is; None when they do not make one."""
    if a.value_high is not None or b.value_high is not None or not a.unit or (a.unit, a.kind) != (b.unit, b.kind):
        return None
    if a.value > b.value:
        return None  # 2万元--8万元 read as 2万元 and -8万元: the dash is no sign
    return make(text, a.start, b.end, exact(a.value), exact(b.value), a.unit, a.kind, b.modifier or a.modifier)


# Units that are places (36 省市, 66 县): after a direction they name a region (东三省).
_PLACES = frozenset(u for u in UNITS if u[0] in "省县")
_HALF = Decimal("0.5")
# After 半年 these make it the name of a stretch of time or of a report (半年来, 半年度, 半年报).
_HALF_YEAR_WORDS = "来度报期"


def half_of(text: str, start: int, end: int, unit_text: str, scanning: bool) -> Optional[Quantity]:
    """半年, 半个月, 半个百分点 (text[start:end]): half of a unit of time or of a percentage
    point; half of a count or a measure without a number is a word (半成品, 半封闭, 半个世纪).

    >>> [str(half_of(t, 0, len(t), t[1:], False).value) for t in ("半年", "半个月", "半个千分点")]
    ['0.5', '0.5', '0.05']
    """
    info = UNITS.get(unit_text)
    if info is None or info[0] not in ("duration", "percent_point"):
        return None
    nxt = text[end:end + 1]
    if nxt and (nxt in BLOCKED_AFTER.get(unit_text[-1], "") or scanning and unit_text == "年" and nxt in _HALF_YEAR_WORDS):
        return None  # 半周年; 半年来, 半年度报告
    kind, unit, factor = info
    return make(text, start, end, exact(_HALF * factor), None, unit, kind, None)
