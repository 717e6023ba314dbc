"""The quantities written without a unit of their own: 一半, 翻两番, 三分之二 as the
percents they are (GUIDELINES: a half is 50%, doubled n times (2^n - 1) x 100%, a fraction
the quotient x 100, to PERCENT_DIGITS significant digits)."""

from __future__ import annotations

import functools
import re
from decimal import Context, Decimal
from typing import Optional

from ..models import Quantity
from .build import make
from .numerals import CN_BIG, CN_DIGITS, exact, parse_numeral
from .patterns import PERCENT_DIGITS

__all__ = ["special"]

# A fraction's percent to PERCENT_DIGITS digits (made once: a localcontext() costs more).
_PERCENT_CONTEXT = Context(prec=PERCENT_DIGITS)


def special(m: re.Match[str], text: str) -> Optional[Quantity]:
    """一半, 翻两番 and 三分之二 (5/8, 万分之九) as the percents they are (None for 零分之一).

    >>> from .patterns import SCAN
    >>> [str(special(SCAN.match(t), t).value) for t in ("5/8", "２／７", "万分之九", "十万分之八")]
    ['62.5', '28.571428571428571429', '0.09', '0.008']
    """
    if m.group("half"):
        s, e = m.span("half")
        return make(text, s, e, Decimal(50), None, "%", "percent", None)
    if m.group("double"):
        times = CN_DIGITS[m.group("times")] if m.group("times") else 1
        s, e = m.span("double")
        if not 1 <= times <= 9:
            return None
        return make(text, s, e, Decimal((2 ** times - 1) * 100), None, "%", "percent", None)
    num, den = m.group("snum", "sden")
    value = _percent(*m.group("num", "den")) if num is None else _percent(num, den)
    if value is None:
        return None
    s, e = m.span("frac")
    return make(text, s, e, value, None, "%", "percent", None)


@functools.lru_cache(maxsize=512)
def _percent(num_text: str, den_text: str) -> Optional[Decimal]:
    """The percent a fraction's terms as written make (a pure function of them, so the few
    fractions reports print are computed once); None for a zero denominator."""
    den, num = _fraction_part(den_text), _fraction_part(num_text)
    if not den or num is None:
        return None
    return exact(_PERCENT_CONTEXT.divide(_PERCENT_CONTEXT.multiply(num, 100), den))


# One-character numbers of a fraction (三分之二, 4分之1), looked up instead of parsed.
_ONE_CHAR = {**{ch: Decimal(v) for ch, v in CN_DIGITS.items()}, **{str(d): Decimal(d) for d in range(10)}}


def _fraction_part(s: str) -> Optional[Decimal]:
    """One term of a fraction; a denominator of 万/亿 alone is one of them (万分之九)."""
    value = _ONE_CHAR.get(s)
    if value is not None:
        return value
    return parse_numeral("一" + s if s[0] in CN_BIG else s)[0]
