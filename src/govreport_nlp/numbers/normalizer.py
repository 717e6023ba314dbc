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
from typing import Iterator, NamedTuple, Optional

from ..models import Quantity
from .build import FIELDS, make, replace
from .chars import RANGE_SEPARATORS
from .context import counted_unit, in_tab_row, noun_unit, skip_in_context, slash_fraction_in_sentence
from .specials import special
from .numerals import (BIG_ZEROS, CN_BIG, CN_DIGITS, CN_SMALL, D_BIG, blurred, exact, has_scale, is_arabic,
                       looks_like_year, parse_number, parse_numeral, shift_point, spelled, trailing_scale)
from .patterns import (BARE_SCALE, BLOCKED_AFTER, COUNTED_NOUN, DAY_RANGE_END, EXPRESSION, FAST, GAPPED, INNER_GAP,
                       LIST_TAIL, NUMBERED_YEAR, PLAN_NAME, PREFIX_BEFORE, PREFIX_MODIFIERS, RANGE_SEP,
                       SCAN, SPECIAL, SUFFIX_AFTER, SUFFIX_MODIFIERS, SUFFIX_WORDS, YEAR_FOLLOWERS)
from .units import ONE as _ONE
from .units import UNITS

__all__ = ["normalize", "find_quantities", "parse_number"]


_TENTH = Decimal("0.1")


class _Parts(NamedTuple):
    """The parts of one match that decide a quantity (see :func:`_quantity`)."""

    n1: str  # the number (the lower bound of a range)
    n2: Optional[str]  # the upper bound of a range
    pct: Optional[str]  # a 百分之/千分之 prefix
    unit_text: Optional[str]  # the unit as written
    unit_end: int  # where the unit ends in the text
    neg: bool  # a minus sign or 负 before the number
    over_mark: bool  # a 余/多 after the number
    percent_sign: bool  # a % after the lower bound of a range (4.5%—5%)


def _quantity(text: str, start: int, end: int, parts: _Parts, scanning: bool, *,
              counted: Optional[str] = None) -> Optional[Quantity]:
    """Decide whether the parts of a match make a quantity, and build it.

    ``start``/``end`` delimit the span. A bare count takes ``counted`` as its unit (the
    noun it counts: 6600多万纳税人 -> 人). Shared by :func:`normalize` and
    :func:`find_quantities`, so that both agree.
    """
    n1, n2, pct, unit_text, unit_end, neg, over_mark, percent_sign = parts
    if n1[0] == "0" and len(n1) > 1 and n1[1] not in ".．万萬亿億 \u3000\xa0":
        return None  # 0517-83605210, 0086: codes and phone numbers, not amounts (0万元 is one)
    written = n1
    if n2 is None and not is_arabic(n1):
        bounds = blurred(n1)  # 五六亿, 十几万, 数百万: the range the number stands for
        if bounds is not None:
            n1, n2 = bounds
        elif spelled(n1):
            return None  # 二〇一七, 一二三: digits one by one name a year or a code, no amount
    value, over = parse_numeral(n1)
    if value is None:
        return None
    high = None
    if n2 is not None:
        high, over2 = parse_numeral(n2)
        if high is None:
            return None
        over = over or over2
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
    if unit_text is None and not pct and not percent_sign and not has_scale(n1 if n2 is None else n1 + n2):
        return None  # a bare number (postcode, table cell, list number) is not a quantity
    if (scanning and start and text[start - 1] in "超过逾上" and text[unit_end:unit_end + 1] in ("的", "级")
            and all(ch in "十百千万亿" for ch in n1)):
        return None  # 超千亿元的开发区: the threshold of a class, not an amount
    if scanning and text[end:end + 1] == "级":
        return None  # 30万吨级航道, 五百亿级产业集群: a class of size, not an amount
    if scanning and unit_text == "期" and len(n1) == 1 and n1 in CN_DIGITS and start and text[start - 1] > "\u4e00":
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
        kind, unit, factor = "count", counted or "", _ONE
    if kind == "duration":
        if unit == "年":
            if looks_like_year(written, value) or n1 in ("百", "千", "万"):
                return None  # 2017年 is a date; 百年变局, 千年 are figures of speech
            if scanning and not is_arabic(n1) and (text[unit_end:unit_end + 1] == "来" or text[start - 1:start] == "的"):
                return None  # 五年来, …的五年: a stretch of time named, not an amount
            if scanning and PLAN_NAME.match(text, unit_end):
                return None  # 三年行动, 五年规划: the name of a plan
            if NUMBERED_YEAR.fullmatch(n1):
                return None  # 9．2025年: a list number before a year
            nxt = text[unit_end:unit_end + 1]
            if nxt and nxt in YEAR_FOLLOWERS and is_arabic(n1) and len(n1) == 4:
                return None
        elif unit_text == "日" and scanning:
            if text[max(0, start - 3):start].rstrip().endswith("月"):
                return None  # 9月10日 is a date
            if DAY_RANGE_END.search(text, max(0, start - 4), start):
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
        value = exact(value)
        if high is not None:
            high = exact(high)
    return make(text, start, end, value, high, unit, kind,
                 "over" if over or over_mark else None)


def _negative(m: re.Match) -> bool:
    """Whether a sign (-, 负, 零下) stands before the number or after 百分之 (百分之负二)."""
    return m.group("neg") is not None or m.group("pneg") is not None


def _build(m: re.Match, text: str, scanning: bool) -> Optional[Quantity]:
    """Turn one match of the scanning pattern into a Quantity, or None."""
    if m.group("half") or m.group("double") or m.group("frac"):
        return special(m, text)
    if "\n" in m.group("n1") and in_tab_row(text, m.start("n1")):
        # \t12\n万元以上: a table row's last number ends at the line's end.
        m = SCAN.match(text, m.start(), text.index("\n", m.start("n1")))
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
    if unit_text is not None and "\n" in text[m.start("n1"):m.start("unit")] and in_tab_row(text, m.start("n1")):
        # 数量\t12\n人均…: a number closing a table row takes nothing from the next line.
        unit_text = None
        after = ""
    if after and after in BLOCKED_AFTER.get(unit_text[-1], ""):
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
    return _quantity(text, start, end, _Parts(m.group("n1"), n2, pct, unit_text, unit_end if unit_text else end,
                                              _negative(m), bool(m.group("m1")), bool(m.group("u1"))),
                     scanning)


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
    m = FAST(text)
    if m is None and GAPPED(text) and text == text.strip():
        # 1560.05 万元, 12.5 亿元: PDF text puts spaces (or a line break) between the parts;
        # without the ones next to a non-digit (never between two digits: 12 3万 is two
        # numbers) the form is the common one, and the quantity spans the whole text.
        m = FAST(INNER_GAP.sub("", text))
    if m is not None:
        # The form most reports print (31.08亿元, 376项, 4.18%): one small regex and
        # one dict look-up. Durations go the long way for the year checks.
        digits, big, unit_text = m.groups()
        info = UNITS.get(unit_text) if unit_text else _SCALED_COUNT if big else None
        if (info is not None and info[2] is _ONE and info[0] != "duration"
                and (digits[0] != "0" or len(digits) == 1 or digits[1] == ".")):
            value = Decimal(digits) if not big else shift_point(digits, BIG_ZEROS[big])
            return make(text, 0, len(text), value, None, info[1], info[0], None)
    # Every other form: one match of the expression's structure, then the same checks
    # as the scanner (_quantity). Units are looked up whole, not alternated in the regex.
    whole = SPECIAL(text)
    if whole is not None and (whole.group("double") or whole.group("frac")):
        q = special(whole, text)
        modifier = _modifier(whole)  # 约三分之二, 1/10以上, as the scanner reads them
        if q is None or modifier is None:
            return q
        return None if whole.group("pre") == "上" else replace(q, modifier=modifier)
    m = EXPRESSION(text)
    if m is None:
        return _bare_scale(text) or _unit_range(text)
    if m.group("half"):
        s, e = m.span("half")
        return make(text, s, e, Decimal(50), None, "%", "percent", _modifier(m))
    n1, n2, pct = m.group("n1"), m.group("n2"), m.group("pct")
    unit_text = m.group("unit") or None
    counted = None  # the unit of a counted noun written instead of a classifier
    if unit_text is not None and not pct and unit_text not in UNITS and m.group("suf") is None:
        noun = COUNTED_NOUN.fullmatch(unit_text)
        if noun is not None:
            counted, unit_text = noun_unit(noun), None  # 6600多万纳税人: people, counted in 人
    if unit_text is not None:
        if unit_text not in UNITS and len(n1) > 1 and n1[-1] in CN_SMALL and n2 is None and not m.group("m1"):
            unit_text = n1[-1] + unit_text  # 10万千瓦时: the 千 belongs to the unit, not to the number
            n1 = n1[:-1]
        if pct or unit_text not in UNITS:
            return None
        end = m.end("unit")
    else:
        end = m.end("m1") if m.group("m1") else m.end("n2") if n2 is not None else m.end("n1")
    start = m.start("neg") if m.group("neg") else m.start("pct") if pct else m.start("n1")
    q = _quantity(text, start, end, _Parts(n1, n2, pct, unit_text, end, _negative(m), bool(m.group("m1")),
                                           bool(m.group("u1"))), scanning=False, counted=counted)
    if q is None or q.modifier is not None:
        return q
    prefix = m.group("pre")
    if prefix == "上" and not m.group("suf") and n1[0] not in "百千万亿":
        return None
    modifier = _modifier(m)
    return q if modifier is None else replace(q, modifier=modifier)


def _range_of(text: str, a: Quantity, b: Quantity) -> Optional[Quantity]:
    """One range from two quantities of the same unit (3亿元 and 5亿元 of 3亿元至5亿元),
    made canonical as every range is; None when they do not make one."""
    if a.value_high is not None or b.value_high is not None or not a.unit or (a.unit, a.kind) != (b.unit, b.kind):
        return None
    if a.value > b.value:
        return None  # 2万元--8万元 read as 2万元 and -8万元: the dash is no sign
    return make(text, a.start, b.end, exact(a.value), exact(b.value), a.unit, a.kind, b.modifier or a.modifier)


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
        q = _range_of(text, a, b)
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


def _modifier(m: re.Match) -> Optional[str]:
    """The modifier a whole-expression match carries in its prefix or suffix word."""
    if m.group("suf"):
        return SUFFIX_MODIFIERS[m.group("suf")]
    if m.group("pre"):
        return PREFIX_MODIFIERS[m.group("pre")]
    return None


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
            if q.value < 0 and q.text[0] in "-－" and RANGE_SEP.fullmatch(text, pending.end, q.start + 1):
                # 3万人-5万人, 2万元--8万元: the dash read as the sign of the second bound is the range's.
                bound = make(text, q.start + 1, q.end, -q.value, None, q.unit, q.kind, q.modifier)
                merged = _range_of(text, pending, bound)
            elif RANGE_SEP.fullmatch(text, pending.end, q.start):
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
    if not is_arabic(n1) or has_scale(n1):
        return None
    tail = LIST_TAIL.match(text, m.end("n1"))
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
    return _quantity(text, start, m.end("n1"), _Parts(n1, None, None, unit, m.end("n1"), _negative(m),
                                                      False, False), scanning=True)


# A number of 百/千/万/亿 alone, no digit (百, 千万, 十万): an amount in running text only with
# a word that says "about so many" before it (近百家, 上千万家庭, 突破千列) or 余/多 after it.
_ROUND = re.compile("十?[百千万亿]+")
# Or right after a verb of amount or a noun of a count (人数达十万人次, 新增千万吨, 参保人数十万人),
# or with 以上/左右 after it.
_AMOUNT_BEFORE = ("达", "为", "增", "有", "了", "至", "到", "数")


def _scan(text: str) -> Iterator[Quantity]:
    """The quantities of running text, one match at a time (ranges of two written-out
    bounds are joined by :func:`find_quantities`)."""
    for m in SCAN.finditer(text):
        if m.group("n1") is not None:
            first = m.start("pct") if m.group("pct") else m.start("n1")
            unit = m.group("unit")
            # 一 is no article in a range (一到三年) or before a unit of money or measure
            # (一欧元, 近一公里): a count's 一 (一批, 一项) stays an article, and so do the
            # 一 of 最后一公里 (a figure of speech) and of 一分也不 (not a score).
            amount = m.group("n2") is not None or (unit in UNITS and UNITS[unit][0] in ("money", "measure")
                                                   and unit != "分" and (not first or text[first - 1] not in "后初"))
            if (skip_in_context(text, m.start() if m.group("neg") else first, m.group("n1"), ranged=amount)
                    and not (m.group("unit") == "倍" and m.group("n1") in ("一", "壹"))):  # 提高一倍
                continue
        elif m.group("snum") is not None and not slash_fraction_in_sentence(text, m.start("frac"), m.end("frac")):
            continue  # 1/10 alone on a line (a page number) or 第1/3: no fraction of anything
        q = _build(m, text, scanning=True)
        if q is None and m.group("n1") is not None:
            q = _list_item(m, text)
        if q is None:
            continue
        if q.start and m.group("neg") and text[q.start - 1].isascii() and text[q.start - 1].isalnum():
            continue  # C-3, A-1: part of a code, not a negative number
        n1 = m.group("n1")
        if (n1 is not None and not m.group("m1") and _ROUND.fullmatch(n1) and text[q.start - 1:q.start] not in _AMOUNT_BEFORE
                and not PREFIX_BEFORE.search(text, max(0, q.start - 6), q.start)
                and not (SUFFIX_AFTER.match(text, q.end) or ("", ""))[1]):
            continue  # 千家万户, 十万火急, “双百双新”: a round 百/千/万 alone is a figure of speech
        changes = {}
        if q.kind == "count" and not q.unit:
            counted = counted_unit(text, q.end)
            if counted is not None:
                changes["unit"] = counted  # 6600多万纳税人: people, counted in 人
        mod = q.modifier
        if mod is None:
            after = SUFFIX_AFTER.match(text, q.end)
            if after:
                mod = SUFFIX_MODIFIERS[after.group(1) or "内"]
                if mod == "under" and after.group(1) is None and q.kind not in ("duration", "count", "money", "measure"):
                    mod = None
            if mod is None:
                before = PREFIX_BEFORE.search(text, max(0, q.start - 6), q.start)
                if before:
                    word = before.group("pre")
                    if word != "上" or q.text[0] in "百千万亿":
                        mod = PREFIX_MODIFIERS[word]
            if mod is not None:
                changes["modifier"] = mod
        yield replace(q, **changes) if changes else q


# The compiled fast path for the forms reports print most, when it was built (see
# setup.py); without it normalize() is the pure-Python reference path alone.
try:
    if os.environ.get("GOVREPORT_NLP_NO_SPEEDUPS") == "1":
        raise ImportError("compiled paths turned off by GOVREPORT_NLP_NO_SPEEDUPS=1")
    from . import _speedups
except ImportError:  # not compiled on this machine: pure Python is complete, only slower
    _speedups = None
try:
    if _speedups is not None:
        _speedups.configure(
            Quantity, UNITS, PREFIX_MODIFIERS,
            {w: SUFFIX_MODIFIERS[w] for w in SUFFIX_WORDS.split("|")},
            _ONE, FIELDS, exact, _normalize_py, RANGE_SEPARATORS, (CN_DIGITS, CN_SMALL, CN_BIG),
        )
except TypeError:  # a compiled module built from another version of this file: not used
    _speedups = None
if _speedups is None:
    _fast_normalize = None
    _DECLINE = None
else:
    _fast_normalize = _speedups.fast_normalize
    _DECLINE = _speedups.DECLINE
    # The compiled dispatcher does what normalize() above does, without a Python frame
    # per call; it takes that function's name, doc and signature.
    normalize = functools.update_wrapper(_speedups.normalize, normalize)

COMPILED = _speedups is not None
"""Whether the compiled fast path of :func:`normalize` is in use."""
