"""The numeric normalizer: Chinese quantity expressions to exact, typed values.

Two entry points share one implementation:

* :func:`normalize` reads one expression (``"31.08亿元"``) and returns a
  :class:`~govreport_nlp.models.Quantity` or ``None`` when the text is not a quantity;
* :func:`find_quantities` scans running text and yields every quantity with its offsets.

The regular expressions and tables are built once, at import; no spaCy here, so the
normalizer is fast and usable alone.

>>> q = normalize("31.08亿元")
>>> q.value, q.unit, q.kind
(Decimal('3108000000'), '元', 'money')
>>> normalize("百分之九点四").value
Decimal('9.4')
>>> q = normalize("3-5亿元")
>>> q.value, q.value_high
(Decimal('300000000'), Decimal('500000000'))
>>> normalize("0.5个百分点").kind
'percent_point'
>>> normalize("约2.3亿元").modifier
'approx'
>>> normalize("2017年") is None
True
>>> [q.text for q in find_quantities("审批服务窗口98个,审批服务工作人员120人。")]
['98个', '120人']
"""

from __future__ import annotations

import functools
import os
import re
from decimal import Decimal, InvalidOperation, localcontext
from typing import Iterator, Optional

from ..models import Quantity
from .units import ONE as _ONE
from .units import UNIT_PATTERN, UNITS

__all__ = ["normalize", "find_quantities", "parse_number"]

# ---------------------------------------------------------------------------
# Character tables
# ---------------------------------------------------------------------------
_CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3,
    "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_D_BIG = {k: Decimal(v) for k, v in _CN_BIG.items()}
# A last digit right after one of these stands for the next lower unit (两万三 = 23000).
_ELIDED = {ch: v // 10 for ch, v in {**_CN_SMALL, **_CN_BIG}.items() if v >= 100}
# Full-width digits and separators to ASCII, so that Decimal() sees plain digits.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")

_CD = "".join(_CN_DIGITS)
_CS = "".join(_CN_SMALL)
_CB = "".join(_CN_BIG)
_SCALE_RE = re.compile(f"[{_CB}]")
_PLAN_NAME = re.compile(r"行动|计划|规划|攻坚|专项行动")
_NUMBERED_YEAR = re.compile(r"[0-9０-９]{1,2}[.．](?:19|20)[0-9]{2}")
_ARABIC = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
# One number: Arabic and Chinese numerals mixed (1亿2千万, 3.6万, 十二万三千, 三点一四亿),
# with 余/多 allowed before a scale character (百余万, 6600多万).
# PDF text puts spaces between the digits and 万/亿 (1560.05 万元, 2345.67 亿 元) or
# breaks the line there (231.9\n万人): a few spaces or one line break (never a tab: that
# is a table's column) may stand before a scale character.
_INNER_SPACE = r"(?:[ \u3000\xa0]{1,3}|[ \u3000\xa0]{0,3}\n[ \u3000\xa0]{0,3})"
_NUMBER = (
    rf"(?:{_ARABIC}|[{_CD}{_CS}])"
    rf"(?:{_ARABIC}|[{_CD}{_CB}]|[{_CS}](?![瓦米克伏卡]|公顷)|点[{_CD}]+|[余多](?=[{_CS}{_CB}])"
    rf"|(?<=[0-9０-９]){_INNER_SPACE}(?=[{_CB}]))*"
)
_SQUEEZE = str.maketrans("", "", " \u3000\xa0\n")
_SPACE = r"[ \t\u3000\xa0]*"
# The number part of a quantity, shared by the scanner and normalize(): a sign, 百分之,
# the number, an optional range, a 余/多 after it.
_NUMBER_PART = (
    rf"(?P<neg>[-－](?=[0-9０-９])|负(?=[{_CD}{_CS}]))?"
    rf"(?P<pct>百分之|千分之)?"
    rf"(?P<n1>{_NUMBER})"
    rf"(?:(?P<u1>[%％])?{_SPACE}(?P<sep>[-－~～至到—–]){_SPACE}(?:百分之|千分之)?(?P<n2>{_NUMBER}))?"
    rf"(?:{_SPACE}(?P<m1>[余多]))?"
)
# In running text the unit is one of the known units (longest first).
# 翻一番 / 翻两番 / 翻番: doubled n times, an increase of (2^n - 1) x 100 percent.
_DOUBLING = rf"翻(?P<times>[{_CD}]?)番"
# 三分之二, 4分之1: a fraction is a percent (the quotient x 100). 百分之/千分之 are the
# number part's own prefix; 万分之 is left alone.
_FRACTION = (
    rf"(?!百分之|千分之)(?P<den>[0-9]+|[{_CD}{_CS}]+)分之"
    rf"(?P<num>[0-9]+(?:\.[0-9]+)?|[{_CD}{_CS}]+(?:点[{_CD}]+)?)"
)
_SCAN = re.compile(
    rf"(?P<half>一半)|(?P<double>{_DOUBLING})|(?P<frac>{_FRACTION})"
    rf"|{_NUMBER_PART}(?:{_SPACE}\n?{_SPACE}(?P<unit>{UNIT_PATTERN}))?"
)
# The rest of a list whose last item carries the unit all items share
# (分别提高3.9、2.0、2.9个百分点): each bare number before it takes that unit.
_LIST_TAIL = re.compile(rf"(?:[、和及与]{_SPACE}{_ARABIC})+{_SPACE}(?P<unit>{UNIT_PATTERN})")
_SPECIAL = re.compile(rf"\s*(?:(?P<half>一半)|(?P<double>{_DOUBLING})|(?P<frac>{_FRACTION}))\s*").fullmatch
_PERCENT_DIGITS = 20  # significant digits of a fraction's percent (2/3 -> 66.666...67)
_FAST = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿|)([^0-9\s余多.,，]{1,6})").fullmatch
_BIG_ZEROS = {"万": 4, "萬": 4, "亿": 8, "億": 8, "万亿": 12}

_PREFIX_MODIFIERS = {
    "约": "approx", "大约": "approx", "约为": "approx", "大概": "approx",
    "近": "under", "将近": "under", "接近": "under", "不足": "under", "不到": "under",
    "不超过": "under", "低于": "under", "少于": "under",
    "超过": "over", "突破": "over", "超": "over", "逾": "over", "多于": "over", "高于": "over",
    "不少于": "over", "不低于": "over", "上": "over",
}
_SUFFIX_MODIFIERS = {
    "左右": "approx", "上下": "approx", "以上": "over", "多": "over", "余": "over",
    "以下": "under", "以内": "under", "之内": "under", "内": "under",
}
_PREFIX_ALT = "|".join(sorted(_PREFIX_MODIFIERS, key=len, reverse=True))
# The words after a whole expression that set its modifier (余/多 after the unit too: 三成多).
_SUFFIX_WORDS = "左右|上下|以上|以下|以内|之内|内"
# A whole expression: the unit is whatever follows, looked up afterwards in UNITS.
_EXPRESSION = re.compile(
    rf"\s*(?P<pre>{_PREFIX_ALT})?{_SPACE}(?:人民币)?{_SPACE}"
    rf"(?:(?P<half>一半)|{_NUMBER_PART}\s*(?P<unit>[^\s0-9０-９]*?))"
    rf"\s*(?P<suf>{_SUFFIX_WORDS}|多|余)?\s*"
).fullmatch
# 上万人, 万余元, 近亿元: a bare 万 or 亿 is a number only with a word that says "about so
# many" before it or 余/多 after it (万元 alone is a unit of account, not an amount).
_BARE_SCALE = re.compile(
    rf"\s*(?P<pre>{_PREFIX_ALT})?{_SPACE}(?P<n1>[万萬亿億])(?P<m1>[余多])?{_SPACE}(?P<unit>[^\s0-9０-９]*?)"
    rf"\s*(?P<suf>{_SUFFIX_WORDS})?\s*"
).fullmatch
# People and households counted without a classifier (6600多万纳税人, 1100多万学生, 上千万家庭):
# the gold counts them in 人 and 户. A few modifiers may stand between (居家老年人, 低收入人口),
# but no verb or preposition (用于人员 is not a count of people).
_COUNTED_NOUN = re.compile(
    r"(?:以上|以下|左右)?(?:(?![用为对向给在是有等及和与或的至到])[\u4e00-\u9fff]){0,3}?"
    r"(?P<noun>纳税人|老年人|毕业生|农民工|人口|人员|人民(?!币)|学生|居民|农民|职工|群众|儿童|老人|患者|"
    r"游客|旅客|市民|村民|员工|工人|党员|干部|教师|家庭|农户|住户)"
)
# Names and terms with a numeral in them (GUIDELINES: not quantities): 三次产业 is the
# three sectors of the economy, 八项规定 a regulation, 三项制度 a system of rules.
_NAMED_TERMS = re.compile(r"三次产业|八项规定|三项制度|两个确立|两个维护|四个意识|四个自信|四个全面|五位一体")
# Before the second day of a span of dates (3月19日至20日, 6日-10日).
_DAY_RANGE_END = re.compile(r"日[ \t]*[-－~～至到—–][ \t]*$")
# Between the bounds of a range: 3亿元至5亿元, 4.5%—5%.
_RANGE_SEP = re.compile(r"[ \t\u3000]*[-－~～至到—–][ \t\u3000]*")
# In running text the modifier stands just before the number (增长近30%, 约为200余条).
# 约 ends other words too: 节约, 制约, 预约, 签约, 合约, 条约, 公约, 契约, 履约, 违约 are no modifier.
_PREFIX_BEFORE = re.compile(rf"(?<![最附临节制预签合条公契履违])(?P<pre>{_PREFIX_ALT})(?:为|达|到|至)?{_SPACE}(?:人民币)?{_SPACE}$")
_SUFFIX_AFTER = re.compile(r"[ \t]*(?:(左右|上下|以上|以下|以内|之内)|内(?![容部外涵地在需设]))")

# A unit followed by these characters is part of a longer word, not a unit:
# 70周年 is an anniversary, 三成员 is not 30%.
_BLOCKED_AFTER = {"周": "年", "成": "员为效果本立就交熟功绩", "个": "体性案", "人": "民", "部": "分", "位": "一数",
                  "家": "庭"}
_YEAR_FOLLOWERS = "度初底末中内"

_TENTH = Decimal("0.1")
_UNIT = Decimal(1)


def parse_number(text: str) -> Optional[Decimal]:
    """Read one number written in Arabic, full-width or Chinese numerals, or a mix.

    Returns ``None`` when ``text`` is not a number.

    >>> parse_number("1亿2千万")
    Decimal('120000000')
    >>> parse_number("十二万三千")
    Decimal('123000')
    >>> parse_number("1,234.5万")
    Decimal('12345000')
    >>> parse_number("部门") is None
    True
    """
    value, _ = _parse(text)
    return value


def _parse(s: str) -> tuple[Optional[Decimal], bool]:
    """Parse a number; the flag says whether 余/多 stood inside it (百余万)."""
    if not s.isascii():
        s = s.translate(_FULLWIDTH)
        if " " in s or "\u3000" in s or "\xa0" in s or "\n" in s:
            s = s.translate(_SQUEEZE)  # 1560.05 万: spaces from PDF text
    elif " " in s or "\n" in s:
        s = s.translate(_SQUEEZE)
    # Fast paths: plain Arabic digits (157675, 1,234.5), or Arabic digits and a scale
    # (31.08亿, 1.2万亿), which are most of what reports print.
    k = len(s)
    while k and s[k - 1] in _D_BIG:
        k -= 1
    head = s[:k]
    if head and head.isascii() and head[0] != "." and head[-1] != ".":
        if "," in head:
            head = head.replace(",", "")
        try:
            if k == len(s):
                return Decimal(head), False
            return _shift(head, sum(_BIG_ZEROS[ch] for ch in s[k:])), False
        except InvalidOperation:
            return None, False
    # General path, in int arithmetic (several times faster than Decimal); a decimal
    # part (1.2万, 九点四) turns the sums into Decimal by itself.
    total: int | Decimal = 0  # parts already multiplied by 亿
    wan: int | Decimal = 0  # parts already multiplied by 万, below 亿
    section: int | Decimal = 0  # parts below 万 (千/百/十)
    num: int | Decimal | None = None
    prev_digit = False  # the previous character was a Chinese digit (二〇一七)
    over = False
    seen = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        d = _CN_DIGITS.get(ch)
        if d is not None:
            if num is not None and not prev_digit:
                return None, False  # 2021一2025: a Chinese digit right after Arabic ones is no number
            num = num * 10 + d if (prev_digit and num is not None) else d
            prev_digit = seen = True
        elif ch in _CN_SMALL:
            section += (1 if num is None else num) * _CN_SMALL[ch]
            num = None
            prev_digit = False
            seen = True
        elif ch in _CN_BIG:
            if not seen:
                return None, False
            part = section + (0 if num is None else num)
            if ch in "万萬":
                if part == 0 and wan == 0 and total != 0:
                    return None, False  # 亿万 is not a form; do not misread it
                wan += part * 10000
            else:
                if part == 0 and wan == 0:
                    if total == 0:
                        return None, False
                    total *= 100000000  # 一亿亿 = 10^16
                    num = None
                    prev_digit = False
                    i += 1
                    continue
                total += (wan + part) * 100000000
                wan = 0
            section = 0
            num = None
            prev_digit = False
        elif "0" <= ch <= "9":
            j = i + 1
            while j < n and ("0" <= s[j] <= "9" or s[j] in ",."):
                j += 1
            try:
                num = Decimal(s[i:j].replace(",", ""))
            except InvalidOperation:
                return None, False
            prev_digit = False
            seen = True
            i = j
            continue
        elif ch == "点":
            j = i + 1
            while j < n and s[j] in _CN_DIGITS:
                j += 1
            if j == i + 1:
                return None, False
            frac = Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in s[i + 1:j]))
            num = frac if num is None else num + frac
            prev_digit = False
            i = j
            continue
        elif ch == "余" or ch == "多":
            over = True
        else:
            return None, False
        i += 1
    if not seen:
        return None, False
    if n >= 2 and s[-2] in _ELIDED and s[-1] in _CN_DIGITS and num is not None:
        num *= _ELIDED[s[-2]]  # 六万五 is 65000, 一千五 1500: the unit after the digit is left out
    result = total + wan + section + (0 if num is None else num)
    if isinstance(result, int):
        return Decimal(result), over
    return _exact(result), over


def _shift(digits: str, zeros: int) -> Decimal:
    """Multiply a plain decimal numeral by 10**zeros by moving its point, exactly.

    >>> _shift("31.08", 8)
    Decimal('3108000000')
    >>> _shift("1.23456", 4)
    Decimal('12345.6')
    """
    whole, _, frac = digits.partition(".")
    if len(frac) <= zeros:
        return Decimal(whole + frac + "0" * (zeros - len(frac)))
    return Decimal(whole + frac[:zeros] + "." + frac[zeros:])


def _exact(value: Decimal) -> Decimal:
    """Drop the zeros that scaling leaves (31.08 x 10^8 -> 3108000000, not 3108000000.00)."""
    if value == value.to_integral_value():
        try:
            return value.quantize(_UNIT)
        except InvalidOperation:  # more digits than the context keeps (一万亿 x 一亿亿)
            return Decimal(int(value))
    return value.normalize()


def _trailing_scale(text: str) -> Optional[Decimal]:
    """The 万/亿 scale a number ends with (5亿 -> 10^8), applied to the bare lower
    bound of a range (3-5亿 -> 3亿 to 5亿)."""
    scale = Decimal(1)
    i = len(text)
    while i and text[i - 1] in _D_BIG:
        scale *= _D_BIG[text[i - 1]]
        i -= 1
    return scale if i < len(text) else None


def _has_scale(text: str) -> bool:
    return _SCALE_RE.search(text) is not None


def _is_arabic(text: str) -> bool:
    ch = text[0]
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _looks_like_year(n1: str, value: Decimal) -> bool:
    """2017 or 二〇一七 before 年 is a date, not a duration of 2017 years."""
    if _is_arabic(n1):
        return len(n1) == 4 and 1900 <= value <= 2100 or len(n1) == 2 and n1[0] in "01"
    # Chinese digits written one by one (二〇一七, 一九年) name a year.
    return len(n1) >= 2 and all(ch in _CN_DIGITS for ch in n1)


_FIELDS = set(Quantity.model_fields)
_new_quantity = Quantity.__new__
_set = object.__setattr__


def _make(text: str, start: int, end: int, value: Decimal, high: Optional[Decimal],
          unit: str, kind: str, modifier: Optional[str]) -> Quantity:
    """Build a Quantity from values this module has already checked.

    The normalizer is the hot path of every pipeline run; pydantic validation (or even
    ``model_construct``) would cost more than the parsing itself, so the instance is
    filled the way ``model_construct`` does, without its per-call bookkeeping.
    """
    q = _new_quantity(Quantity)
    _set(q, "__dict__", {
        "text": text[start:end], "start": start, "end": end, "value": value,
        "value_high": high, "unit": unit, "kind": kind, "modifier": modifier,
    })
    # Every field is set, so the set is shared: pydantic only ever adds field names to
    # it (model_copy), which are all in it already.
    _set(q, "__pydantic_fields_set__", _FIELDS)
    _set(q, "__pydantic_extra__", None)
    _set(q, "__pydantic_private__", None)
    return q


def _quantity(text: str, start: int, end: int, n1: str, n2: Optional[str], pct: Optional[str],
              unit_text: Optional[str], unit_end: int, neg: bool, over_mark: bool,
              percent_sign: bool, scanning: bool) -> Optional[Quantity]:
    """Decide whether the parts of a match make a quantity, and build it.

    ``start``/``end`` delimit the span; ``n1``/``n2`` are the numbers (``n2`` for a
    range), ``pct`` a 百分之/千分之 prefix, ``unit_text`` the unit as written and
    ``unit_end`` where it ends in ``text``; ``over_mark`` says a 余/多 followed the number.
    Shared by :func:`normalize` and :func:`find_quantities`, so that both agree.
    """
    if n1[0] == "0" and len(n1) > 1 and n1[1] not in ".．万萬亿億 \u3000\xa0":
        return None  # 0517-83605210, 0086: codes and phone numbers, not amounts (0万元 is one)
    value, over = _parse(n1)
    if value is None:
        return None
    high = None
    if n2 is not None:
        high, over2 = _parse(n2)
        if high is None:
            return None
        over = over or over2
        scale = _trailing_scale(n2)
        if scale is not None and _trailing_scale(n1) is None:
            value *= scale
    if unit_text is None and not pct and not percent_sign and not _has_scale(n1 if n2 is None else n1 + n2):
        return None  # a bare number (postcode, table cell, list number) is not a quantity
    if (scanning and start and text[start - 1] in "超过逾上" and text[unit_end:unit_end + 1] in ("的", "级")
            and all(ch in "十百千万亿" for ch in n1)):
        return None  # 超千亿元的开发区: the threshold of a class, not an amount
    if scanning and text[end:end + 1] == "级":
        return None  # 30万吨级航道, 五百亿级产业集群: a class of size, not an amount
    if scanning and unit_text == "期" and len(n1) == 1 and n1 in _CN_DIGITS and start and text[start - 1] > "\u4e00":
        return None  # 产业园二期: the phase of a project, an ordinal
    if scanning and unit_text == "分" and text[max(0, start - 3):start].rstrip()[-1:] in ("时", "点", ":", "："):
        return None  # 10时30分: a time of day, not a score
    if pct:
        kind, unit, factor = "percent", "%", _TENTH if pct == "千分之" else _ONE
    elif unit_text is not None:
        kind, unit, factor = UNITS[unit_text]
    elif percent_sign:
        kind, unit, factor = "percent", "%", _ONE
    else:
        kind, unit, factor = "count", "", _ONE
    if kind == "duration":
        if unit == "年":
            if _looks_like_year(n1, value) or n1 in ("百", "千", "万"):
                return None  # 2017年 is a date; 百年变局, 千年 are figures of speech
            if scanning and not _is_arabic(n1) and (text[unit_end:unit_end + 1] == "来" or text[start - 1:start] == "的"):
                return None  # 五年来, …的五年: a stretch of time named, not an amount
            if scanning and _PLAN_NAME.match(text, unit_end):
                return None  # 三年行动, 五年规划: the name of a plan
            if _NUMBERED_YEAR.fullmatch(n1):
                return None  # 9．2025年: a list number before a year
            nxt = text[unit_end:unit_end + 1]
            if nxt and nxt in _YEAR_FOLLOWERS and _is_arabic(n1) and len(n1) == 4:
                return None
        elif unit_text == "日" and scanning:
            if text[max(0, start - 3):start].rstrip().endswith("月"):
                return None  # 9月10日 is a date
            if _DAY_RANGE_END.search(text, max(0, start - 4), start):
                return None  # 3月19日至20日: the end of a span of dates
    if factor is not _ONE:
        value *= factor
        if high is not None:
            high *= factor
    if neg:
        value = -value
    # Scaling leaves zeros (0.3 x 10 = 3.0); a number scaled here is made exact again,
    # one printed plainly (2.0个百分点) stays as written.
    if factor is not _ONE or n2 is not None:
        value = _exact(value)
        if high is not None:
            high = _exact(high)
    return _make(text, start, end, value, high, unit, kind,
                 "over" if over or over_mark else None)


def _in_tab_row(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a table row (cells separated by tabs)."""
    return "\t" in text[text.rfind("\n", 0, pos) + 1:pos]


def _special(m: re.Match, text: str) -> Optional[Quantity]:
    """一半, 翻两番 and 三分之二 as the percents they are (None for 零分之一)."""
    if m.group("half"):
        s, e = m.span("half")
        return _make(text, s, e, Decimal(50), None, "%", "percent", None)
    if m.group("double"):
        times = _CN_DIGITS[m.group("times")] if m.group("times") else 1
        s, e = m.span("double")
        if not 1 <= times <= 9:
            return None
        return _make(text, s, e, Decimal((2 ** times - 1) * 100), None, "%", "percent", None)
    den, _ = _parse(m.group("den"))
    num, _ = _parse(m.group("num"))
    if not den or num is None:
        return None
    with localcontext() as ctx:
        ctx.prec = _PERCENT_DIGITS
        value = _exact(num * 100 / den)
    s, e = m.span("frac")
    return _make(text, s, e, value, None, "%", "percent", None)


def _build(m: re.Match, text: str, scanning: bool) -> Optional[Quantity]:
    """Turn one match of the scanning pattern into a Quantity, or None."""
    if m.group("half") or m.group("double") or m.group("frac"):
        return _special(m, text)
    if "\n" in m.group("n1") and _in_tab_row(text, m.start("n1")):
        # \t12\n万元以上: a table row's last number ends at the line's end.
        m = _SCAN.match(text, m.start(), text.index("\n", m.start("n1")))
        if m is None:
            return None
    pct = m.group("pct")
    n2 = m.group("n2")
    unit_text = None if pct else m.group("unit")
    unit_end = m.end("unit")
    if unit_text is not None and unit_text not in UNITS:
        # A rate the tables do not hold (a duration or percent over something): the
        # numerator alone is the unit.
        unit_text = unit_text.split("/", 1)[0]
        unit_end = m.start("unit") + len(unit_text)
    after = text[unit_end:unit_end + 1] if unit_text is not None else ""
    if unit_text is not None and "\n" in text[m.start("n1"):m.start("unit")] and _in_tab_row(text, m.start("n1")):
        # 数量\t12\n人均…: a number closing a table row takes nothing from the next line.
        unit_text = None
        after = ""
    if after and after in _BLOCKED_AFTER.get(unit_text[-1], ""):
        # 70周年, 三成员, 上千万家庭: the "unit" begins a longer word; what is left is a bare
        # number, which the bare-number rule judges (a scaled one still counts).
        unit_text = None
    start = m.start("neg") if m.group("neg") else (m.start("pct") if pct else m.start("n1"))
    if unit_text is not None:
        end = unit_end
    elif m.group("m1"):
        end = m.end("m1")
    elif n2 is not None:
        end = m.end("n2")
    else:
        end = m.end("n1")
    return _quantity(text, start, end, m.group("n1"), n2, pct, unit_text,
                     unit_end if unit_text else end, bool(m.group("neg")),
                     bool(m.group("m1")), bool(m.group("u1")), scanning)


def normalize(text: str) -> Optional[Quantity]:
    """Normalize one quantity expression; ``None`` when it is not a quantity.

    Leading 约/近/超过/不足 and trailing 左右/以上/以下 set ``modifier``; 余/多 inside
    the expression set it to ``over``. Offsets are those of the number and its unit
    within ``text``.

    >>> normalize("近5000万元").modifier
    'under'
    >>> normalize("两个百分点").value
    Decimal('2')
    >>> normalize("国令第711号") is None
    True
    """
    # Pure Python: the reference path. Where the fast path is compiled, the compiled
    # dispatcher takes this function's place (end of this module).
    return _normalize_py(text)


def _normalize_py(text: str) -> Optional[Quantity]:
    """The reference normalizer, in pure Python: every form :func:`normalize` reads.

    The compiled fast path (``_speedups``) reads the common forms and declines the
    rest to this function; for any text the two agree or the fast path declines.
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}; decode bytes first")
    m = _FAST(text)
    if m is not None:
        # The form most reports print (31.08亿元, 376项, 4.18%): one small regex and
        # one dict look-up. Durations go the long way for the year checks.
        digits, big, unit_text = m.groups()
        info = UNITS.get(unit_text)
        if (info is not None and info[2] is _ONE and info[0] != "duration"
                and (digits[0] != "0" or len(digits) == 1 or digits[1] == ".")):
            value = Decimal(digits) if not big else _shift(digits, _BIG_ZEROS[big])
            return _make(text, 0, len(text), value, None, info[1], info[0], None)
    # Every other form: one match of the expression's structure, then the same checks
    # as the scanner (_quantity). Units are looked up whole, not alternated in the regex.
    special = _SPECIAL(text)
    if special is not None and (special.group("double") or special.group("frac")):
        return _special(special, text)
    m = _EXPRESSION(text)
    if m is None:
        return _bare_scale(text) or _unit_range(text)
    if m.group("half"):
        s, e = m.span("half")
        return _make(text, s, e, Decimal(50), None, "%", "percent", _modifier(m))
    n1, n2, pct = m.group("n1"), m.group("n2"), m.group("pct")
    unit_text = m.group("unit") or None
    counted = None  # the unit of a counted noun written instead of a classifier
    if unit_text is not None and not pct and unit_text not in UNITS and m.group("suf") is None:
        noun = _COUNTED_NOUN.fullmatch(unit_text)
        if noun is not None:
            counted, unit_text = _noun_unit(noun), None  # 6600多万纳税人: people, counted in 人
    if unit_text is not None:
        if unit_text not in UNITS and len(n1) > 1 and n1[-1] in _CN_SMALL and n2 is None and not m.group("m1"):
            unit_text = n1[-1] + unit_text  # 10万千瓦时: the 千 belongs to the unit, not to the number
            n1 = n1[:-1]
        if pct or unit_text not in UNITS:
            return None
        end = m.end("unit")
    else:
        end = m.end("m1") if m.group("m1") else m.end("n2") if n2 is not None else m.end("n1")
    start = m.start("neg") if m.group("neg") else m.start("pct") if pct else m.start("n1")
    q = _quantity(text, start, end, n1, n2, pct, unit_text, end, bool(m.group("neg")),
                  bool(m.group("m1")), bool(m.group("u1")), scanning=False)
    if q is not None and counted is not None and q.kind == "count" and not q.unit:
        q.__dict__["unit"] = counted
    if q is None or q.modifier is not None:
        return q
    prefix = m.group("pre")
    if prefix == "上" and not m.group("suf") and n1[0] not in "百千万亿":
        return None
    modifier = _modifier(m)
    if modifier is not None:
        q.__dict__["modifier"] = modifier
    return q


def _noun_unit(m: re.Match) -> str:
    """The classifier a counted noun stands for: 户 for households, 人 for people."""
    return "户" if m.group("noun") in ("家庭", "农户", "住户") else "人"


def _counted_unit(text: str, pos: int) -> Optional[str]:
    """The unit of the noun a bare count runs into (358万居家老年人 -> 人, 千万家庭 -> 户)."""
    m = _COUNTED_NOUN.match(text, pos)
    return None if m is None else _noun_unit(m)


def _range_of(text: str, a: Quantity, b: Quantity) -> Optional[Quantity]:
    """One range from two quantities of the same unit (3亿元 and 5亿元 of 3亿元至5亿元),
    made canonical as every range is; None when they do not make one."""
    if a.value_high is not None or b.value_high is not None or not a.unit or (a.unit, a.kind) != (b.unit, b.kind):
        return None
    return _make(text, a.start, b.end, _exact(a.value), _exact(b.value), a.unit, a.kind, b.modifier or a.modifier)


def _unit_range(text: str) -> Optional[Quantity]:
    """3亿元至5亿元, 3万人-5万人: a range whose unit is written on both bounds."""
    for sep in _RANGE_SEP.finditer(text):
        left, right = text[:sep.start()], text[sep.end():]
        a = _normalize_py(left) if left.strip() else None
        if a is None or a.end != len(left.rstrip()):
            continue  # 3亿元以上至…: a bound with its own suffix is no bound
        b = _normalize_py(right) if right.strip() else None
        if b is None or b.start != len(right) - len(right.lstrip()):
            continue
        b = _make(text, b.start + sep.end(), b.end + sep.end(), b.value, b.value_high, b.unit, b.kind, b.modifier)
        q = _range_of(text, a, b)
        if q is not None:
            return q
    return None


def _bare_scale(text: str) -> Optional[Quantity]:
    """上万人, 万余元, 近亿元: 万 or 亿 standing alone as the number (10^4, 10^8)."""
    m = _BARE_SCALE(text)
    if m is None or not (m.group("pre") or m.group("m1")):
        return None
    unit_text = m.group("unit")
    if unit_text:
        info = UNITS.get(unit_text)
        if info is None or info[2] is not _ONE or info[1] == "年":
            return None  # 上万年 is a figure of speech; ‰ and 成 make no sense here
        kind, unit = info[0], info[1]
        end = m.end("unit")
    else:
        kind, unit = "count", ""
        end = m.end("m1") if m.group("m1") else m.end("n1")
    modifier = "over" if m.group("m1") else _modifier(m)
    return _make(text, m.start("n1"), end, _D_BIG[m.group("n1")], None, unit, kind, modifier)


def _modifier(m: re.Match) -> Optional[str]:
    """The modifier a whole-expression match carries in its prefix or suffix word."""
    if m.group("suf"):
        return _SUFFIX_MODIFIERS[m.group("suf")]
    if m.group("pre"):
        return _PREFIX_MODIFIERS[m.group("pre")]
    return None


def _skip_in_context(text: str, start: int, n1: str) -> bool:
    """Numbers that running text shows are not amounts: ordinals (第三), parts of codes
    and names (C919, chxk365, 八项规定), and 一 as an indefinite article (一批, 一项工作)."""
    if _NAMED_TERMS.match(text, start):
        return True
    if start:
        prev = text[start - 1]
        if prev.isascii() and (prev.isalnum() or prev in "._/+·") or prev in "第·〔[":
            return True
        if prev in " \t" and text[max(0, start - 3):start].strip().endswith("第"):
            return True
        if prev in _CN_DIGITS or prev in _CN_SMALL:
            return True
        if prev in "这那每" and not _is_arabic(n1):
            return True  # 这五年, 每三年: a time reference, not an amount
        if prev == "届" and not _is_arabic(n1):
            return True  # 十二届二次全委会: the session of a congress, an ordinal
        if prev == "、" and not _is_arabic(n1):
            k = start - 1
            while k and text[k - 1] in "一二三四五六七八九十次、":
                k -= 1
            if text[k - 1:k] == "届":
                return True  # 十届二次、三次全会: the run of ordinals goes on
        if prev in "“「『" and not _is_arabic(n1):
            return True  # “三个定位”, “千万工程”: the name of a slogan or programme
    return n1 in ("一", "壹")


def find_quantities(text: str) -> Iterator[Quantity]:
    """Yield every quantity in running text, in order, with offsets into ``text``.

    The span covers the number, its unit and a trailing 余/多 (``100余名``); a leading
    约/近/超过 and a trailing 左右/以上/内 stay outside and set ``modifier``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities() takes a str, not {type(text).__name__}; decode bytes first")
    # One quantity of lookahead: 3亿元 then 至 then 5亿元 is one range (3亿元至5亿元).
    pending = None
    for q in _scan(text):
        if pending is not None:
            merged = None
            if q.start == pending.end and q.value < 0 and q.text[0] in "-－":
                # 3万人-5万人: the dash read as the sign of the second bound is the range's.
                bound = _make(text, q.start + 1, q.end, -q.value, None, q.unit, q.kind, q.modifier)
                merged = _range_of(text, pending, bound)
            elif _RANGE_SEP.fullmatch(text, pending.end, q.start):
                merged = _range_of(text, pending, q)
            if merged is not None:
                yield merged
                pending = None
                continue
            yield pending
        pending = q
    if pending is not None:
        yield pending


def _list_item(m: re.Match, text: str) -> Optional[Quantity]:
    """A bare Arabic number in a list whose last item names the shared unit, or None.

    Not in a run of ordinals (第1、2、3条) and not for dates (年 stays with the scanner's
    year checks, which refuse 2019、2020年)."""
    if m.group("unit") is not None or m.group("pct") or m.group("u1") or m.group("n2") is not None:
        return None
    n1 = m.group("n1")
    if not _is_arabic(n1) or _has_scale(n1):
        return None
    tail = _LIST_TAIL.match(text, m.end("n1"))
    if tail is None:
        return None
    k = m.start("n1")
    while k and text[k - 1] in "0123456789.、和及与 ":
        k -= 1
    if text[k - 1:k] == "第":
        return None
    unit = tail.group("unit")
    if unit not in UNITS:
        unit = unit.split("/", 1)[0]
    start = m.start("neg") if m.group("neg") else m.start("n1")
    return _quantity(text, start, m.end("n1"), n1, None, None, unit, m.end("n1"), bool(m.group("neg")),
                     False, False, scanning=True)


def _scan(text: str) -> Iterator[Quantity]:
    """The quantities of running text, one match at a time (ranges of two written-out
    bounds are joined by :func:`find_quantities`)."""
    for m in _SCAN.finditer(text):
        if m.group("n1") is not None:
            first = m.start("pct") if m.group("pct") else m.start("n1")
            if (_skip_in_context(text, m.start() if m.group("neg") else first, m.group("n1"))
                    and not (m.group("unit") == "倍" and m.group("n1") in ("一", "壹"))):  # 提高一倍
                continue
        q = _build(m, text, scanning=True)
        if q is None and m.group("n1") is not None:
            q = _list_item(m, text)
        if q is None:
            continue
        if q.start and m.group("neg") and text[q.start - 1].isascii() and text[q.start - 1].isalnum():
            continue  # C-3, A-1: part of a code, not a negative number
        if q.kind == "count" and not q.unit:
            counted = _counted_unit(text, q.end)
            if counted is not None:
                q.__dict__["unit"] = counted  # 6600多万纳税人: people, counted in 人
        mod = q.modifier
        if mod is None:
            after = _SUFFIX_AFTER.match(text, q.end)
            if after:
                mod = _SUFFIX_MODIFIERS[after.group(1) or "内"]
                if mod == "under" and after.group(1) is None and q.kind not in ("duration", "count", "money", "measure"):
                    mod = None
            if mod is None:
                before = _PREFIX_BEFORE.search(text, max(0, q.start - 6), q.start)
                if before:
                    word = before.group("pre")
                    if word != "上" or q.text[0] in "百千万亿":
                        mod = _PREFIX_MODIFIERS[word]
            if mod is not None:
                q.__dict__["modifier"] = mod
        yield q


# The compiled fast path for the forms reports print most, when it was built (see
# setup.py); without it normalize() is the pure-Python reference path alone.
try:
    if os.environ.get("GOVREPORT_NLP_NO_SPEEDUPS") == "1":
        raise ImportError("compiled paths turned off by GOVREPORT_NLP_NO_SPEEDUPS=1")
    from . import _speedups
except ImportError:  # not compiled on this machine: pure Python is complete, only slower
    _speedups = None
    _fast_normalize = None
    _DECLINE = None
else:
    _speedups.configure(
        Quantity, UNITS, _PREFIX_MODIFIERS,
        {w: _SUFFIX_MODIFIERS[w] for w in _SUFFIX_WORDS.split("|")},
        _ONE, _FIELDS, _exact, _normalize_py,
    )
    _fast_normalize = _speedups.fast_normalize
    _DECLINE = _speedups.DECLINE
    # The compiled dispatcher does what normalize() above does, without a Python frame
    # per call; it takes that function's name, doc and signature.
    normalize = functools.update_wrapper(_speedups.normalize, normalize)

COMPILED = _speedups is not None
"""Whether the compiled fast path of :func:`normalize` is in use."""
