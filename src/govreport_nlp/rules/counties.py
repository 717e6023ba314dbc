"""Counties named by their short names, where the text makes them unambiguous.

Reports write counties without their suffix (甘肃积石山地震, 大熊猫、九寨沟、三星堆), but a
county's short name alone is too often an ordinary word (和平, 新华, 长安) and is shared by
counties of several provinces (普陀, 鼓楼). A short name is a place here only as a whole
word, and only

- right after the name of its own province or prefecture (甘肃|积石山, 阿坝|九寨沟), or
- in a list (after or before 、, or before 等) in a report of its own province or city (the
  ``home`` division the report's title names: 九寨沟 in a 四川 report).

Each place found carries the code of the county it names.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator, Optional, Sequence

from .gazetteer import county_codes_by_short_name, division_code

__all__ = ["find_county_short_names", "within"]

Span = tuple[int, int]
# A full name follows: the suffix makes it the full name's, which the place finder reads.
_SUFFIX_AFTER = "县区市旗州"


@functools.lru_cache(maxsize=1)
def _pattern() -> Optional[re.Pattern]:
    names = county_codes_by_short_name()
    if not names:
        return None
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def within(code: str, parent: str) -> bool:
    """Whether a division code lies within ``parent`` (a province: its first two digits; a
    prefecture: its first four).

    >>> within("513225000000", "510000000000"), within("513225000000", "513200000000"), within("513225000000", "620000000000")
    (True, True, False)
    """
    level = 2 if parent[2:] == "0000000000" else 4 if parent[4:] == "00000000" else 6
    return code[:level] == parent[:level] and code != parent


def find_county_short_names(text: str, words: Sequence[Span], places: Sequence[Span],
                            home: Optional[str]) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, code) of the counties named by short name in the text (see the
    module's docstring). ``places`` are the places already found (their ends are where a
    parent's name stops); ``home`` is the report's own division code, if known."""
    pattern = _pattern()
    if pattern is None:
        return
    starts = {s for s, _ in words}
    ends = {e for _, e in words}
    place_at_end = {e: s for s, e in places}
    codes = county_codes_by_short_name()
    for m in pattern.finditer(text):
        s, e = m.span()
        if s not in starts or e not in ends or text[e:e + 1] in _SUFFIX_AFTER:
            continue
        candidates = codes[m.group()]
        if s in place_at_end:
            parent = division_code("".join(text[place_at_end[s]:s].split()))
            inside = [c for c in candidates if parent and within(c, parent)]
            if inside:
                yield s, e, inside[0]
                continue
        listed = text[s - 1:s] == "、" or text[e:e + 1] == "、" or text.startswith("等", e)
        if home and listed:
            inside = [c for c in candidates if within(c, home)]
            if len(inside) == 1:
                yield s, e, inside[0]
