"""The scanner: every quantity in running text, with its offsets and the modifier the
words around it give (``find_quantities``), read match by match by ``reading.py``."""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ..models import Modifier, Quantity
from .build import make, replace
from .chars import INLINE_SPACES
from .context import counted_unit, opens_item, skip_in_context, slash_fraction_in_sentence
from .numerals import has_scale, is_arabic
from .patterns import (LIST_TAIL, PREFIX_BEFORE, PREFIX_MODIFIERS, RANGE_SEP, SCAN, SUFFIX_AFTER, SUFFIX_MODIFIERS)
from .reading import Parts, from_match, negative, quantity, range_of
from .units import UNITS

__all__ = ["find_quantities"]


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
                merged = range_of(text, pending, bound)
            elif RANGE_SEP.fullmatch(text, pending.end, q.start):
                merged = range_of(text, pending, q)
            if merged is not None:
                yield merged
                pending = None
                continue
            yield pending
        pending = q
    if pending is not None:
        yield pending


def _list_item(m: re.Match[str], text: str) -> Optional[Quantity]:
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
    return quantity(text, start, m.end("n1"), Parts(n1, None, None, unit, m.end("n1"), negative(m),
                                                      False, False), scanning=True)


# A point with a space after it inside a number (4. 2亿元: patterns.SPACED_POINT).
_SPACED_POINT = re.compile(rf"[.．][{INLINE_SPACES}]")
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
            # So is a 一 with a half (一年半, 一个半小时).
            amount = m.group("n2") is not None or bool(m.group("gehalf") or m.group("uhalf")) or (unit in UNITS and UNITS[unit][0] in ("money", "measure")
                                                   and unit != "分" and (not first or text[first - 1] not in "后初"))
            if _SPACED_POINT.search(m.group("n1")) and opens_item(text, m.start() if m.group("neg") else first):
                continue  # \n1. 2亿元: an item's number and 2亿元, or 1.2亿元; no reading is certain
            if (skip_in_context(text, m.start() if m.group("neg") else first, m.group("n1"), ranged=amount)
                    and not (m.group("unit") == "倍" and m.group("n1") in ("一", "壹"))):  # 提高一倍
                continue
        elif m.group("snum") is not None and not slash_fraction_in_sentence(text, m.start("frac"), m.end("frac")):
            continue  # 1/10 alone on a line (a page number) or 第1/3: no fraction of anything
        q = from_match(m, text, scanning=True)
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
        changes: dict[str, object] = {}
        if q.kind == "count" and not q.unit:
            counted = counted_unit(text, q.end)
            if counted is not None:
                changes["unit"] = counted  # 6600多万纳税人: people, counted in 人
        if q.modifier is None:
            mod = modifier_around(text, q)
            if mod is not None:
                changes["modifier"] = mod
        yield replace(q, **changes) if changes else q


def modifier_around(text: str, q: Quantity) -> Optional[Modifier]:
    """The modifier the words around a quantity give it: 左右/以上/以内 after it (内 only
    after a duration, a count, money or a measure), else 约/近/超过 before it (上 only
    before 百/千/万/亿: 上万人, not 上3个).

    >>> t = "增长近30%，投资3亿元以上"
    >>> [modifier_around(t, q) for q in find_quantities(t)]
    ['under', 'over']
    """
    after = SUFFIX_AFTER.match(text, q.end)
    if after:
        mod = SUFFIX_MODIFIERS[after.group(1) or "内"]
        if not (mod == "under" and after.group(1) is None and q.kind not in ("duration", "count", "money", "measure")):
            return mod
    before = PREFIX_BEFORE.search(text, max(0, q.start - 6), q.start)
    if before:
        word = before.group("pre")
        if word != "上" or q.text[0] in "百千万亿":
            return PREFIX_MODIFIERS[word]
    return None
