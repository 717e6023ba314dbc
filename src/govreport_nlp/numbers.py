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

import re
from decimal import Decimal, InvalidOperation
from typing import Iterator, Optional

from .models import Quantity
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
_D_SMALL = {k: Decimal(v) for k, v in _CN_SMALL.items()}
_D_BIG = {k: Decimal(v) for k, v in _CN_BIG.items()}
_D_DIGITS = {k: Decimal(v) for k, v in _CN_DIGITS.items()}
# Full-width digits and separators to ASCII, so that Decimal() sees plain digits.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")

_CD = "".join(_CN_DIGITS)
_CS = "".join(_CN_SMALL)
_CB = "".join(_CN_BIG)
_ARABIC = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
# One number: Arabic and Chinese numerals mixed (1亿2千万, 3.6万, 十二万三千, 三点一四亿),
# with 余/多 allowed before a scale character (百余万, 6600多万).
_NUMBER = (
    rf"(?:{_ARABIC}|[{_CD}{_CS}])"
    rf"(?:{_ARABIC}|[{_CD}{_CS}{_CB}]|点[{_CD}]+|[余多](?=[{_CS}{_CB}]))*"
)
_SPACE = r"[ \t\u3000\xa0]*"
_BODY = (
    rf"(?P<neg>[-－](?=[0-9０-９])|负(?=[{_CD}{_CS}]))?"
    rf"(?P<pct>百分之|千分之)?"
    rf"(?P<n1>{_NUMBER})"
    rf"(?:(?P<u1>[%％])?{_SPACE}(?P<sep>[-－~～至到—–]){_SPACE}(?:百分之|千分之)?(?P<n2>{_NUMBER}))?"
    rf"(?:{_SPACE}(?P<m1>[余多]))?"
    rf"(?:{_SPACE}\n?{_SPACE}(?P<unit>{UNIT_PATTERN}))?"
    rf"|(?P<half>一半)"
)
_SCAN = re.compile(_BODY)

_PREFIX_MODIFIERS = {
    "约": "approx", "大约": "approx", "约为": "approx", "大概": "approx",
    "近": "under", "将近": "under", "接近": "under", "不足": "under", "不到": "under",
    "不超过": "under", "低于": "under", "少于": "under",
    "超过": "over", "超": "over", "逾": "over", "多于": "over", "高于": "over",
    "不少于": "over", "不低于": "over", "上": "over",
}
_SUFFIX_MODIFIERS = {
    "左右": "approx", "上下": "approx", "以上": "over", "多": "over", "余": "over",
    "以下": "under", "以内": "under", "之内": "under", "内": "under",
}
_PREFIX_ALT = "|".join(sorted(_PREFIX_MODIFIERS, key=len, reverse=True))
_SUFFIX_ALT = "|".join(sorted(_SUFFIX_MODIFIERS, key=len, reverse=True))
_NORMALIZE = re.compile(
    rf"\s*(?P<pre>{_PREFIX_ALT})?{_SPACE}(?:人民币)?{_SPACE}(?:{_BODY}){_SPACE}(?P<suf>{_SUFFIX_ALT})?\s*"
)
# In running text the modifier stands just before the number (增长近30%, 约为200余条).
_PREFIX_BEFORE = re.compile(rf"(?<![最附临])(?P<pre>{_PREFIX_ALT})(?:为|达|到|至)?{_SPACE}(?:人民币)?{_SPACE}$")
_SUFFIX_AFTER = re.compile(r"[ \t]*(?:(左右|上下|以上|以下|以内|之内)|内(?![容部外涵地在需设]))")

# A unit followed by these characters is part of a longer word, not a unit:
# 70周年 is an anniversary, 三成员 is not 30%.
_BLOCKED_AFTER = {"周": "年", "成": "员为效果本立就交熟功绩", "个": "体性案", "人": "民"}
_YEAR_FOLLOWERS = "度初底末中内"
_TEN = Decimal(10)


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
    s = s.translate(_FULLWIDTH)
    try:
        # Fast path: plain Arabic digits, possibly with thousands separators.
        return Decimal(s.replace(",", "") if "," in s else s), False
    except InvalidOperation:
        pass
    total = Decimal(0)  # parts already multiplied by 亿
    wan = Decimal(0)  # parts already multiplied by 万, below 亿
    section = Decimal(0)  # parts below 万 (千/百/十)
    num: Optional[Decimal] = None
    prev_digit = False  # the previous character was a Chinese digit (二〇一七)
    over = False
    i, n = 0, len(s)
    seen = False
    while i < n:
        ch = s[i]
        if "0" <= ch <= "9":
            j = i + 1
            while j < n and (s[j].isdigit() or s[j] in ",."):
                j += 1
            try:
                num = Decimal(s[i:j].replace(",", ""))
            except InvalidOperation:
                return None, False
            prev_digit = False
            seen = True
            i = j
            continue
        d = _D_DIGITS.get(ch)
        if d is not None:
            num = num * _TEN + d if (prev_digit and num is not None) else d
            prev_digit = True
            seen = True
        elif ch == "点":
            j = i + 1
            frac = []
            while j < n and s[j] in _CN_DIGITS:
                frac.append(str(_CN_DIGITS[s[j]]))
                j += 1
            if not frac:
                return None, False
            base = num if num is not None else Decimal(0)
            num = base + Decimal("0." + "".join(frac))
            prev_digit = False
            i = j
            continue
        elif ch in _D_SMALL:
            section += (num if num is not None else Decimal(1)) * _D_SMALL[ch]
            num = None
            prev_digit = False
            seen = True
        elif ch in _D_BIG:
            if not seen:
                return None, False
            part = section + (num if num is not None else Decimal(0))
            if _D_BIG[ch] == 10**4:
                if part == 0 and wan == 0 and total != 0:
                    # 亿万 is not a form; keep it from silently misreading.
                    return None, False
                wan += part * _D_BIG[ch]
            else:
                if part == 0 and wan == 0:
                    part = Decimal(1) if total == 0 else Decimal(0)
                    if part == 0:
                        return None, False
                total += (wan + part) * _D_BIG[ch]
                wan = Decimal(0)
            section = Decimal(0)
            num = None
            prev_digit = False
        elif ch in "余多":
            over = True
        else:
            return None, False
        i += 1
    if not seen:
        return None, False
    return total + wan + section + (num if num is not None else Decimal(0)), over


def _exact(value: Decimal) -> Decimal:
    """Drop the zeros that scaling leaves (31.08 x 10^8 -> 3108000000, not 3108000000.00)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
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
    return any(ch in _CN_BIG for ch in text)


def _is_arabic(text: str) -> bool:
    ch = text[0]
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _looks_like_year(n1: str, value: Decimal) -> bool:
    """2017 or 二〇一七 before 年 is a date, not a duration of 2017 years."""
    if _is_arabic(n1):
        return len(n1) == 4 and 1900 <= value <= 2100 or len(n1) == 2 and n1[0] in "01"
    # Chinese digits written one by one (二〇一七, 一九年) name a year.
    return len(n1) >= 2 and all(ch in _CN_DIGITS for ch in n1)


def _build(m: re.Match, text: str, scanning: bool) -> Optional[Quantity]:
    """Turn one regex match into a Quantity, or None when it is not a quantity."""
    if m.group("half"):
        s, e = m.span("half")
        return Quantity.model_construct(
            text=text[s:e], start=s, end=e, value=Decimal(50), value_high=None,
            unit="%", kind="percent", modifier=None,
        )
    n1 = m.group("n1")
    unit_text = m.group("unit")
    pct = m.group("pct")
    n2 = m.group("n2")
    if pct:
        unit_text = None
    if n1[0] == "0" and len(n1) > 1 and n1[1] != "." and _is_arabic(n1):
        return None  # 0517-83605210, 0086: codes and phone numbers, not amounts
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
    if unit_text is None and not pct and not _has_scale(n1 + (n2 or "")) and not m.group("u1"):
        return None  # a bare number (postcode, table cell, list number) is not a quantity
    if unit_text is not None:
        blocked = _BLOCKED_AFTER.get(unit_text[-1])
        if blocked and m.end("unit") < len(text) and text[m.end("unit")] in blocked:
            if scanning or unit_text in ("周", "成"):
                return None
    if pct:
        kind, unit, factor = "percent", "%", Decimal("0.1") if pct == "千分之" else Decimal(1)
    elif unit_text is not None:
        kind, unit, factor = UNITS[unit_text]
    elif m.group("u1"):
        kind, unit, factor = "percent", "%", Decimal(1)
    else:
        kind, unit, factor = "count", "", Decimal(1)
    if kind == "duration":
        if unit == "年":
            nxt = text[m.end("unit"):m.end("unit") + 1]
            if _looks_like_year(n1, value) or nxt and nxt in _YEAR_FOLLOWERS and _is_arabic(n1) and len(n1) == 4:
                return None
        elif unit_text == "日" and scanning:
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            if before.endswith("月"):
                return None  # 9月10日 is a date
    if factor != 1:
        value *= factor
        if high is not None:
            high *= factor
    if m.group("neg"):
        value = -value
    start = m.start("pct") if pct else m.start("n1")
    if m.group("neg"):
        start = m.start("neg")
    if unit_text is not None:
        end = m.end("unit")
    elif m.group("m1"):
        end = m.end("m1")
    elif n2 is not None:
        end = m.end("n2")
    else:
        end = m.end("n1")
    modifier = "over" if over or m.group("m1") else None
    return Quantity.model_construct(
        text=text[start:end], start=start, end=end, value=_exact(value),
        value_high=None if high is None else _exact(high), unit=unit, kind=kind,
        modifier=modifier,
    )


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
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}; decode bytes first")
    m = _NORMALIZE.fullmatch(text)
    if m is None:
        return None
    q = _build(m, text, scanning=False)
    if q is None:
        return None
    if q.modifier is None:
        word = m.group("suf") or m.group("pre")
        if word:
            mod = _SUFFIX_MODIFIERS.get(word) if m.group("suf") else _PREFIX_MODIFIERS[word]
            if word == "上" and not m.group("suf") and q.text[0] not in "百千万亿":
                return None
            q = q.model_copy(update={"modifier": mod})
    return q


def _skip_in_context(text: str, start: int, n1: str) -> bool:
    """Numbers that running text shows are not amounts: ordinals (第三), parts of codes
    and names (C919, chxk365), and 一 as an indefinite article (一批, 一项工作)."""
    if start:
        prev = text[start - 1]
        if prev.isascii() and (prev.isalnum() or prev in "._/+·") or prev in "第·〔[":
            return True
        if prev in " \t" and text[max(0, start - 3):start].strip().endswith("第"):
            return True
        if prev in _CN_DIGITS or prev in _CN_SMALL:
            return True
    return n1 in ("一", "壹")


def find_quantities(text: str) -> Iterator[Quantity]:
    """Yield every quantity in running text, in order, with offsets into ``text``.

    The span covers the number, its unit and a trailing 余/多 (``100余名``); a leading
    约/近/超过 and a trailing 左右/以上/内 stay outside and set ``modifier``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities() takes a str, not {type(text).__name__}; decode bytes first")
    for m in _SCAN.finditer(text):
        if not m.group("half"):
            first = m.start("pct") if m.group("pct") else m.start("n1")
            if _skip_in_context(text, m.start() if m.group("neg") else first, m.group("n1")):
                continue
        q = _build(m, text, scanning=True)
        if q is None:
            continue
        if q.start and m.group("neg") and text[q.start - 1].isalnum():
            continue
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
                q = q.model_copy(update={"modifier": mod})
        yield q
