"""Numerals: Arabic, full-width and Chinese numbers (and their mixes) to exact Decimals.

The numeral tables and the parser the normalizer (``normalizer.py``) and its patterns
(``patterns.py``) are built from; built once at import, no spaCy.

>>> parse_number("1亿2千万")
Decimal('120000000')
>>> parse_numeral("百余万")
(Decimal('1000000'), True)
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional, Union

__all__ = [
    "BIG_ZEROS", "CB", "CD", "CN_BIG", "CN_DIGITS", "CN_SMALL", "CS", "D_BIG", "blurred", "exact", "has_scale",
    "is_arabic", "looks_like_year", "parse_number", "parse_numeral", "shift_point", "spelled", "trailing_scale",
]

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3,
    "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
D_BIG = {k: Decimal(v) for k, v in CN_BIG.items()}
# A last digit right after one of these stands for the next lower unit (两万三 = 23000).
_ELIDED = {ch: v // 10 for ch, v in {**CN_SMALL, **CN_BIG}.items() if v >= 100}
# Full-width digits and separators to ASCII, so that Decimal() sees plain digits.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")

CD = "".join(CN_DIGITS)
CS = "".join(CN_SMALL)
CB = "".join(CN_BIG)
_SCALE_RE = re.compile(f"[{CB}]")
_SQUEEZE = str.maketrans("", "", " \u3000\xa0\n")
BIG_ZEROS = {"万": 4, "萬": 4, "亿": 8, "億": 8, "万亿": 12}
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
    value, _ = parse_numeral(text)
    return value


def parse_numeral(s: str) -> tuple[Optional[Decimal], bool]:
    """Parse a number; the flag says whether 余/多 stood inside it (百余万).

    >>> parse_numeral("1,234.5万"), parse_numeral("两千零十"), parse_numeral("三百余")
    ((Decimal('12345000'), False), (Decimal('2010'), False), (Decimal('300'), True))
    """
    if not s.isascii():
        s = s.translate(_FULLWIDTH)
        if " " in s or "\u3000" in s or "\xa0" in s or "\n" in s:
            s = s.translate(_SQUEEZE)  # 1560.05 万: spaces from PDF text
    elif " " in s or "\n" in s:
        s = s.translate(_SQUEEZE)
    # Fast path: plain Arabic digits (157675, 1,234.5), or Arabic digits and a scale
    # (31.08亿, 1.2万亿), which are most of what reports print.
    k = len(s)
    while k and s[k - 1] in D_BIG:
        k -= 1
    head = s[:k]
    if head and head.isascii() and head[0] != "." and head[-1] != ".":
        if "," in head:
            head = head.replace(",", "")
        try:
            if k == len(s):
                return Decimal(head), False
            return shift_point(head, sum(BIG_ZEROS[ch] for ch in s[k:])), False
        except InvalidOperation:
            return None, False
    return _chinese_numeral(s)


_Sum = Union[int, Decimal]


def _chinese_numeral(s: str) -> tuple[Optional[Decimal], bool]:
    """A number with Chinese numerals (mixed with Arabic ones: 1亿2千万, 三点一四), summed in
    int arithmetic (several times faster than Decimal); a decimal part (1.2万, 九点四)
    turns the sums into Decimal by itself.

    >>> _chinese_numeral("十二万三千"), _chinese_numeral("六万五"), _chinese_numeral("二〇一七一")
    ((Decimal('123000'), False), (Decimal('65000'), False), (Decimal('20171'), False))
    """
    total: _Sum = 0  # parts already multiplied by 亿
    wan: _Sum = 0  # parts already multiplied by 万, below 亿
    section: _Sum = 0  # parts below 万 (千/百/十)
    num: Optional[_Sum] = None
    prev_digit = False  # the previous character was a Chinese digit (二〇一七)
    over = seen = False
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        d = CN_DIGITS.get(ch)
        if d is not None:
            if num is not None and not prev_digit:
                return None, False  # 2021一2025: a Chinese digit right after Arabic ones is no number
            num = num * 10 + d if (prev_digit and num is not None) else d
            prev_digit = seen = True
        elif ch in CN_SMALL:
            # 两千零十, 五万零十三: after 零 a 十 stands alone (one ten), as at the start.
            section += (1 if num is None or (prev_digit and num == 0) else num) * CN_SMALL[ch]
            num, prev_digit, seen = None, False, True
        elif ch in CN_BIG:
            sums = _scaled_sums(ch, total, wan, section + (0 if num is None else num)) if seen else None
            if sums is None:
                return None, False
            total, wan = sums
            section, num, prev_digit = 0, None, False
        elif "0" <= ch <= "9" or ch == "点":
            part = _arabic_run(s, i) if ch != "点" else _point_fraction(s, i)
            if part is None:
                return None, False
            value, i = part
            num = value if ch != "点" or num is None else num + value
            prev_digit, seen = False, seen or ch != "点"
            continue
        elif ch == "余" or ch == "多":
            over = True
        else:
            return None, False
        i += 1
    if not seen:
        return None, False
    if n >= 2 and s[-2] in _ELIDED and s[-1] in CN_DIGITS and num is not None:
        num *= _ELIDED[s[-2]]  # 六万五 is 65000, 一千五 1500: the unit after the digit is left out
    result = total + wan + section + (0 if num is None else num)
    if isinstance(result, int):
        return Decimal(result), over
    return exact(result), over


def _scaled_sums(ch: str, total: _Sum, wan: _Sum, part: _Sum) -> Optional[tuple[_Sum, _Sum]]:
    """The sums above 万 after the scale ``ch`` (万 or 亿) closes ``part`` (the number
    before it below 万): ``(total, wan)``, or None where no form is (亿万, 亿 alone).

    >>> _scaled_sums("万", 0, 0, 12), _scaled_sums("亿", 0, 0, 2), _scaled_sums("亿", 1, 0, 0)
    ((0, 120000), (200000000, 0), (100000000, 0))
    """
    if ch in "万萬":
        if part == 0 and wan == 0 and total != 0:
            return None  # 亿万 is not a form; do not misread it
        return total, wan + part * 10000
    if part == 0 and wan == 0:
        if total == 0:
            return None
        return total * 100000000, wan  # 一亿亿 = 10^16
    return total + (wan + part) * 100000000, 0


def _arabic_run(s: str, i: int) -> Optional[tuple[Decimal, int]]:
    """The Arabic number at ``s[i]`` inside a mixed numeral (1亿2千万) and the index after it."""
    j = i + 1
    while j < len(s) and ("0" <= s[j] <= "9" or s[j] in ",."):
        j += 1
    try:
        return Decimal(s[i:j].replace(",", "")), j
    except InvalidOperation:
        return None


def _point_fraction(s: str, i: int) -> Optional[tuple[Decimal, int]]:
    """The decimal part 点 opens at ``s[i]`` (三点一四 -> 0.14) and the index after it."""
    j = i + 1
    while j < len(s) and s[j] in CN_DIGITS:
        j += 1
    if j == i + 1:
        return None
    return Decimal("0." + "".join(str(CN_DIGITS[c]) for c in s[i + 1:j])), j


def shift_point(digits: str, zeros: int) -> Decimal:
    """Multiply a plain decimal numeral by 10**zeros by moving its point, exactly.

    >>> shift_point("31.08", 8)
    Decimal('3108000000')
    >>> shift_point("1.23456", 4)
    Decimal('12345.6')
    """
    whole, _, frac = digits.partition(".")
    if len(frac) <= zeros:
        return Decimal(whole + frac + "0" * (zeros - len(frac)))
    return Decimal(whole + frac[:zeros] + "." + frac[zeros:])


def exact(value: Decimal) -> Decimal:
    """Drop the zeros that scaling leaves (31.08 x 10^8 -> 3108000000, not 3108000000.00)."""
    if value == value.to_integral_value():
        try:
            return value.quantize(_UNIT)
        except InvalidOperation:  # more digits than the context keeps (一万亿 x 一亿亿)
            return Decimal(int(value))
    return value.normalize()


def trailing_scale(text: str) -> Optional[Decimal]:
    """The 万/亿 scale a number ends with (5亿 -> 10^8), applied to the bare lower
    bound of a range (3-5亿 -> 3亿 to 5亿)."""
    scale = Decimal(1)
    i = len(text)
    while i and text[i - 1] in D_BIG:
        scale *= D_BIG[text[i - 1]]
        i -= 1
    return scale if i < len(text) else None


def has_scale(text: str) -> bool:
    """Whether a number holds a 万/亿 scale (a bare 3万 is an amount, a bare 3 is not)."""
    return _SCALE_RE.search(text) is not None


def is_arabic(text: str) -> bool:
    """Whether a number starts with an Arabic (or full-width) digit."""
    ch = text[0]
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def looks_like_year(n1: str, value: Decimal) -> bool:
    """2017 or 二〇一七 before 年 is a date, not a duration of 2017 years."""
    if is_arabic(n1):
        return len(n1) == 4 and 1900 <= value <= 2100 or len(n1) == 2 and n1[0] in "01"
    # Chinese digits written one by one (二〇一七, 一九年) name a year.
    return len(n1) >= 2 and all(ch in CN_DIGITS for ch in n1)


# An approximate number (#24): 几/数 for a digit, or two neighbouring digits for either.
# 几/数 before 十/百/千/万/亿 is 2-9 of it (几十 20-90, 数百万 200万-900万: 一十 is written
# 十); after a 十/百/千 it is 1-9 (十几 11-19, 三十几万 31万-39万).
_SOME_LEADING = ("二", "九")
_SOME_TRAILING = ("一", "九")
_NEXT_DIGIT = {("一", "二"), ("一", "两"), ("两", "三"), ("二", "三"), ("三", "四"), ("四", "五"),
               ("五", "六"), ("六", "七"), ("七", "八"), ("八", "九")}
_ZERO = "零〇○"


def blurred(s: str) -> Optional[tuple[str, str]]:
    """The low and high numerals of an approximate number, or None when ``s`` is exact.

    >>> blurred("五六亿"), blurred("三四十"), blurred("十几万"), blurred("数百万")
    (('五亿', '六亿'), ('三十', '四十'), ('十一万', '十九万'), ('二百万', '九百万'))
    >>> blurred("二〇一七") is None and blurred("三十五") is None
    True
    """
    if "点" in s:
        return None  # 三点四五: the digits of a decimal part are read one by one
    for mark in "几数":
        i = s.find(mark)
        if i < 0:
            continue
        if i and s[i - 1] in CN_SMALL:
            low, high = _SOME_TRAILING
        elif i == 0 and s[1:2] and (s[1] in CN_SMALL or s[1] in CN_BIG):
            low, high = _SOME_LEADING
        else:
            return None
        return s[:i] + low + s[i + 1:], s[:i] + high + s[i + 1:]
    for i in range(len(s) - 1):
        if (s[i], s[i + 1]) in _NEXT_DIGIT:
            # Two digits alone in their run: 二〇一二 is a year, 一二三 a list of digits.
            if (i and s[i - 1] in CN_DIGITS) or (s[i + 2:i + 3] and s[i + 2] in CN_DIGITS):
                return None
            return s[:i + 1] + s[i + 2:], s[:i] + s[i + 1:]
    return None


def spelled(s: str) -> bool:
    """Whether ``s`` holds Chinese digits written one by one (二〇一七, 一二三): a year or a
    code, never an amount (一万零五 holds 零五, a zero and a digit)."""
    prev = ""
    for ch in s:
        if ch == "点":
            return False  # 三点一四: after the point, digits one by one are the rule
        if ch in CN_DIGITS and prev in CN_DIGITS and prev and prev not in _ZERO:
            return True
        prev = ch
    return False
