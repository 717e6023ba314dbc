"""The quantities written without a unit of their own: 一半, 翻两番, 三分之二 as the
percents they are (GUIDELINES: a half is 50%, doubled n times (2^n - 1) x 100%, a fraction
the quotient x 100, to PERCENT_DIGITS significant digits)."""

from __future__ import annotations

import re
from decimal import Context, Decimal
from typing import Optional

from ..models import Quantity
from .build import make
from .numerals import CN_DIGITS, exact, parse_numeral
from .patterns import PERCENT_DIGITS

__all__ = ["special"]

# A fraction's percent to PERCENT_DIGITS digits (made once: a localcontext() costs more).
_PERCENT_CONTEXT = Context(prec=PERCENT_DIGITS)


def special(m: re.Match, text: str) -> Optional[Quantity]:
    """一半, 翻两番 and 三分之二 as the percents they are (None for 零分之一)."""
    if m.group("half"):
        s, e = m.span("half")
        return make(text, s, e, Decimal(50), None, "%", "percent", None)
    if m.group("double"):
        times = CN_DIGITS[m.group("times")] if m.group("times") else 1
        s, e = m.span("double")
        if not 1 <= times <= 9:
            return None
        return make(text, s, e, Decimal((2 ** times - 1) * 100), None, "%", "percent", None)
    den, num = _fraction_part(m.group("den")), _fraction_part(m.group("num"))
    if not den or num is None:
        return None
    value = exact(_PERCENT_CONTEXT.divide(_PERCENT_CONTEXT.multiply(num, 100), den))
    s, e = m.span("frac")
    return make(text, s, e, value, None, "%", "percent", None)


# One-character numbers of a fraction (三分之二, 4分之1), looked up instead of parsed.
_ONE_CHAR = {**{ch: Decimal(v) for ch, v in CN_DIGITS.items()}, **{str(d): Decimal(d) for d in range(10)}}


def _fraction_part(s: str) -> Optional[Decimal]:
    value = _ONE_CHAR.get(s)
    return value if value is not None else parse_numeral(s)[0]
