"""The one exact reader of numbers printed in table cells and statistics rows (#22 item 2):
a cell as printed to its exact :class:`~decimal.Decimal` and the unit printed after it.

Table cells hold a number alone (``1,550``, ``９９.５``, ``-0.9``, ``12.5%``, ``3000元``,
``1560.05 万元``); a cell that is no single number (``—``, ``2.其他``, a run of digits longer
than any amount) is read as none, never as a guess.

>>> read_cell("1,550")
(Decimal('1550'), '')
>>> read_cell("１，２３４．５０万元")
(Decimal('1234.50'), '万元')
>>> read_cell("-0.9%")
(Decimal('-0.9'), '%')
>>> read_cell("—") is None, read_cell("2.其他") is None
(True, True)
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from .chars import INLINE_SPACES
from .units import UNITS

__all__ = ["CELL_DIGITS", "read_cell"]

# The most digits a cell's number may hold: a province's budget in 元 with fen (10^15 元,
# two decimal places) has 18. A longer run is cells the text lost the space between.
CELL_DIGITS = 18

_TO_ASCII = str.maketrans("０１２３４５６７８９．－＋−", "0123456789.-+-")
# A sign, digits (in groups of three after a comma, ASCII or full-width), a point and
# digits, then the unit: 万/亿 and a unit, a scale alone, or a unit alone.
_CELL = re.compile(
    r"(?P<sign>[-+])?(?P<int>[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?"
    rf"[{INLINE_SPACES}]*(?P<unit>[^0-9{INLINE_SPACES}]*)"
)
_SCALES = ("万亿", "万", "亿")


def read_cell(text: str, *, max_digits: int = CELL_DIGITS) -> Optional[tuple[Decimal, str]]:
    """The number a table or statistics-row cell prints, exactly, and its unit.

    ``text`` is one cell: ASCII or full-width digits, thousands separators (``,``/``，``
    in groups of three), a decimal point (``.``/``．``), an optional sign (``-``, ``－``,
    ``−``, ``+``) and an optional unit after it (``万元``, ``元``, ``亿元``, ``%``, ``个``,
    ``件`` ...: 万/亿/万亿 alone or before any unit of :data:`~govreport_nlp.numbers.units.UNITS`,
    or a unit alone). Spaces around the cell and between the number and its unit are
    allowed (PDF text: ``1560.05 万元``). Returns ``(value, unit)``: the Decimal as printed
    (``99.50`` keeps its zero; 万/亿 are *not* applied: the unit says them) and the unit as
    printed without its spaces (``％`` as ``%``), ``''`` when none; what the unit makes of
    the number (a year in ``2020年``, 万元 in a money column) is the caller's to judge.
    ``None`` when the cell is no single number: empty, a dash (``—``, ``-``), a number with
    text after it that is no unit (``2.其他``), digits out of their groups (``1,23``), or
    more than ``max_digits`` digits.

    >>> read_cell("3000元"), read_cell("12.5％"), read_cell("  536 万 ")
    ((Decimal('3000'), '元'), (Decimal('12.5'), '%'), (Decimal('536'), '万'))
    >>> read_cell("+3.2"), read_cell("－1,200人")
    ((Decimal('3.2'), ''), (Decimal('-1200'), '人'))
    >>> [read_cell(t) for t in ("", "-", "1,23", "1.2.3", "12 34", "1234567890123456789")]
    [None, None, None, None, None, None]
    """
    m = _CELL.fullmatch(text.strip().translate(_TO_ASCII))
    if m is None:
        return None
    digits = m.group("int").replace(",", "").replace("，", "") + (m.group("frac") or "")
    if len(digits.replace(".", "").lstrip("0")) > max_digits:
        return None
    unit = _unit(m.group("unit"))
    if unit is None:
        return None
    value = Decimal(digits)
    return (-value if m.group("sign") == "-" else value), unit


def _unit(written: str) -> Optional[str]:
    """The unit after a cell's number as printed (``％`` as ``%``), or None when it is
    no unit (``其他``, ``年底``).

    >>> _unit("万元"), _unit("万亿"), _unit("％"), _unit(""), _unit("其他")
    ('万元', '万亿', '%', '', None)
    """
    unit = written.rstrip(INLINE_SPACES).replace("％", "%")
    rest = unit
    for scale in _SCALES:
        if rest.startswith(scale):
            rest = rest[len(scale):].lstrip(INLINE_SPACES)
            unit = scale + rest
            break
    if rest and rest not in UNITS:
        return None
    return unit
