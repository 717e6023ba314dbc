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
from decimal import Decimal
from types import ModuleType
from typing import Optional

from ..models import Modifier, Quantity
from .build import FIELDS, make, replace
from .chars import RANGE_SEPARATORS
from .context import noun_unit
from .specials import special
from .numerals import BIG_ZEROS, CN_BIG, CN_DIGITS, CN_SMALL, D_BIG, exact, parse_number, shift_point
from .patterns import (BARE_SCALE, COUNTED_NOUN, EXPRESSION, FAST, GAPPED, HALF_ALONE, HALF_WORDS, INNER_GAP,
                       PREFIX_MODIFIERS, RANGE_SEP, SPECIAL, SUFFIX_MODIFIERS, SUFFIX_WORDS)
from .reading import Parts, half_of, negative, quantity, range_of
from .scanner import find_quantities
from .units import ONE as _ONE
from .units import UNITS

__all__ = ["normalize", "find_quantities", "parse_number"]

# A bare count with a scale (536万): a count without a unit.
_SCALED_COUNT = ("count", "", _ONE)


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
    q = _common_form(text)
    if q is not None:
        return q
    # Every other form: one match of the expression's structure, then the same checks
    # as the scanner (quantity). Units are looked up whole, not alternated in the regex.
    whole = SPECIAL(text)
    if whole is not None and (whole.group("double") or whole.group("frac")):
        return _special_expression(whole, text)
    m = EXPRESSION(text)
    if m is None:
        return _bare_scale(text) or _half_alone(text) or _unit_range(text)
    if m.group("half"):
        s, e = m.span("half")
        return make(text, s, e, Decimal(50), None, "%", "percent", _modifier(m))
    return _expression(m, text)


def _common_form(text: str) -> Optional[Quantity]:
    """The form most reports print (31.08亿元, 376项, 4.18%; 1560.05 万元 with PDF spaces):
    one small regex and one dict look-up, or None for the long way. Durations go the long
    way for the year checks.

    >>> _common_form("1560.05 万元").value, _common_form("12 3万元"), _common_form("2017年")
    (Decimal('15600500'), None, None)
    """
    m = FAST(text)
    if m is None and GAPPED(text) and text == text.strip():
        # 1560.05 万元, 12.5 亿元: PDF text puts spaces (or a line break) between the parts;
        # without the ones next to a non-digit (never between two digits: 12 3万 is two
        # numbers) the form is the common one, and the quantity spans the whole text.
        m = FAST(INNER_GAP.sub("", text))
    if m is None:
        return None
    digits, big, unit_text = m.groups()
    info = UNITS.get(unit_text) if unit_text else _SCALED_COUNT if big else None
    if (info is not None and info[2] is _ONE and info[0] != "duration"
            and (digits[0] != "0" or len(digits) == 1 or digits[1] == ".")):
        value = Decimal(digits) if not big else shift_point(digits, BIG_ZEROS[big])
        return make(text, 0, len(text), value, None, info[1], info[0], None)
    return None


def _special_expression(whole: re.Match[str], text: str) -> Optional[Quantity]:
    """翻两番, 三分之二, 5/8 as a whole expression, with the modifier the scanner reads
    (约三分之二, 1/10以上; 上 is no modifier of them)."""
    q = special(whole, text)
    modifier = _modifier(whole)
    if q is None or modifier is None:
        return q
    return None if whole.group("pre") == "上" else replace(q, modifier=modifier)


def _expression(m: re.Match[str], text: str) -> Optional[Quantity]:
    """One match of :data:`EXPRESSION` (a number, its unit, a modifier) to a Quantity."""
    n1, n2, pct = m.group("n1"), m.group("n2"), m.group("pct")
    unit = _unit_of(m, n1)
    if unit is None:
        return None
    unit_text, n1, counted, half = unit
    if unit_text is not None:
        end = m.end("unit")
    else:
        end = m.end("m1") if m.group("m1") else m.end("n2") if n2 is not None else m.end("n1")
    start = m.start("neg") if m.group("neg") else m.start("pct") if pct else m.start("n1")
    q = quantity(text, start, end, Parts(n1, n2, pct, unit_text, end, negative(m), bool(m.group("m1")),
                                           bool(m.group("u1")), half), scanning=False, counted=counted)
    if q is None or q.modifier is not None:
        return q
    if m.group("pre") == "上" and not m.group("suf") and n1[0] not in "百千万亿":
        return None
    modifier = _modifier(m)
    return q if modifier is None else replace(q, modifier=modifier)


def _unit_of(m: re.Match[str], n1: str) -> Optional[tuple[Optional[str], str, Optional[str], bool]]:
    """The unit of a whole expression: ``(unit, n1, counted, half)`` with the unit as
    the tables hold it (None for a bare number), the number without a 千 that belongs to
    the unit (10万千瓦时), the noun a bare count counts (6600多万纳税人 -> 人) and whether a
    half goes with the unit (三米半, 两个半小时); None when the text after the number is
    no unit.

    >>> m = EXPRESSION("10万千瓦时"); _unit_of(m, m.group("n1"))
    ('千瓦时', '10万', None, False)
    >>> m = EXPRESSION("两个半小时"); _unit_of(m, m.group("n1"))
    ('个小时', '两', None, True)
    """
    pct = m.group("pct")
    unit_text = m.group("unit") or None
    counted = None  # the unit of a counted noun written instead of a classifier
    if unit_text is not None and not pct and unit_text not in UNITS and m.group("suf") is None:
        noun = COUNTED_NOUN.fullmatch(unit_text)
        if noun is not None:
            counted, unit_text = noun_unit(noun), None  # 6600多万纳税人: people, counted in 人
    half = False
    if unit_text is not None and not pct and unit_text not in UNITS:
        # 三米半, 一年半 (a half after the unit), 两个半小时, 一个半月 (before it): a half more.
        if unit_text.startswith("个半") and unit_text[2:] and unit_text[2] not in HALF_WORDS:
            rest = unit_text[2:]
            unit_text, half = ("个" + rest if "个" + rest in UNITS else rest), True
        elif unit_text[-1] == "半" and unit_text[:-1] in UNITS:
            unit_text, half = unit_text[:-1], True
    if unit_text is not None:
        if unit_text not in UNITS and len(n1) > 1 and n1[-1] in CN_SMALL and m.group("n2") is None and not m.group("m1"):
            unit_text = n1[-1] + unit_text  # 10万千瓦时: the 千 belongs to the unit, not to the number
            n1 = n1[:-1]
        if pct or unit_text not in UNITS:
            return None
    return unit_text, n1, counted, half


def _unit_range(text: str) -> Optional[Quantity]:
    """3亿元至5亿元, 3万人-5万人: a range whose unit is written on both bounds."""
    for sep in RANGE_SEP.finditer(text):
        left, right = text[:sep.start()], text[sep.end():]
        a = _normalize_py(left) if left.strip() else None
        if a is None or a.end != len(left.rstrip()):
            continue  # 3亿元以上至…: a bound with its own suffix is no bound
        b = _normalize_py(right) if right.strip() else None
        if b is None or b.start != len(right) - len(right.lstrip()):
            continue
        b = make(text, b.start + sep.end(), b.end + sep.end(), b.value, b.value_high, b.unit, b.kind, b.modifier)
        q = range_of(text, a, b)
        if q is not None:
            return q
    return None


def _bare_scale(text: str) -> Optional[Quantity]:
    """上万人, 万余元, 近亿元: 万 or 亿 standing alone as the number (10^4, 10^8)."""
    m = BARE_SCALE(text)
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
    return make(text, m.start("n1"), end, D_BIG[m.group("n1")], None, unit, kind, modifier)


def _half_alone(text: str) -> Optional[Quantity]:
    """半年, 近半年, 半个百分点: half of a unit, as the scanner reads it (上半年 is a date)."""
    m = HALF_ALONE(text)
    if m is None or m.group("pre") == "上":
        return None
    q = half_of(text, m.start("unit") - 1, m.end("unit"), m.group("unit"), scanning=False)
    if q is None:
        return None
    modifier = _modifier(m)
    return q if modifier is None else replace(q, modifier=modifier)


def _modifier(m: re.Match[str]) -> Optional[Modifier]:
    """The modifier a whole-expression match carries in its prefix or suffix word."""
    if m.group("suf"):
        return SUFFIX_MODIFIERS[m.group("suf")]
    if m.group("pre"):
        return PREFIX_MODIFIERS[m.group("pre")]
    return None


def _load_speedups() -> Optional[ModuleType]:
    """The compiled fast path for the forms reports print most, configured with this
    package's tables, or None: not built on this machine (see setup.py), turned off by
    GOVREPORT_NLP_NO_SPEEDUPS=1, or built from another version of this file."""
    if os.environ.get("GOVREPORT_NLP_NO_SPEEDUPS") == "1":
        return None
    try:
        from . import _speedups as module
    except ImportError:  # not compiled on this machine: pure Python is complete, only slower
        return None
    try:
        module.configure(
            Quantity, UNITS, PREFIX_MODIFIERS,
            {w: SUFFIX_MODIFIERS[w] for w in SUFFIX_WORDS.split("|")},
            _ONE, FIELDS, exact, _normalize_py, RANGE_SEPARATORS, (CN_DIGITS, CN_SMALL, CN_BIG),
        )
    except TypeError:  # a compiled module built from another version of this file: not used
        return None
    return module


_speedups = _load_speedups()
if _speedups is not None:
    # The compiled dispatcher does what normalize() above does, without a Python frame
    # per call; it takes that function's name, doc and signature.
    normalize = functools.update_wrapper(_speedups.normalize, normalize)

COMPILED = _speedups is not None
"""Whether the compiled fast path of :func:`normalize` is in use."""
