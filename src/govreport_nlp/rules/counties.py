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

import re
from typing import Iterator, Optional, Sequence

from ..lexicons.divisions import FULL_NAME_CHARS, WORDS_BEFORE_A_NAME
from .gazetteer import county_codes_by_short_name, division_code, lies_within

__all__ = ["find_county_short_names", "joined_name", "report_division"]

Span = tuple[int, int]
# A full name follows: the suffix makes it the full name's, which the place finder reads.
# (a str: the end of the text, "", is in it too)
_SUFFIX_AFTER = FULL_NAME_CHARS
# The marks of a list: a name before or after 、, before 等.
_LIST_MARK = re.compile("[、等]")
# The longest short name of a county, in characters.
_LONGEST = 10


def find_county_short_names(text: str, words: Sequence[Span], places: Sequence[Span],
                            home: Optional[str]) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, code) of the counties named by short name in the text (see the
    module's docstring). ``places`` are the places already found (their ends are where a
    parent's name stops); ``home`` is the report's own division code, if known."""
    codes = county_codes_by_short_name()
    if not codes:
        return
    place_at_end = {e: s for s, e in places}
    # Only where a name may stand: after a place, or (in a report of a known division)
    # after 、 or up to three words before 、/等. A short name is one to three whole words
    # (马尔康 may be 马尔|康), looked up, not matched as an alternation of 2,800 names.
    index_of_start = {s: i for i, (s, _) in enumerate(words)}
    index_of_end = {e: i for i, (_, e) in enumerate(words)}
    candidates_at = {index_of_start[s] for s in place_at_end if s in index_of_start}
    if home:
        for m in _LIST_MARK.finditer(text):
            if m.end() in index_of_start:
                candidates_at.add(index_of_start[m.end()])
            j = index_of_end.get(m.start())
            if j is not None:
                candidates_at.update(range(max(0, j - 2), j + 1))
    for i in sorted(candidates_at):
        for k in (3, 2, 1):
            if i + k > len(words) or words[i + k - 1][1] - words[i][0] > _LONGEST:
                continue
            s, e = words[i][0], words[i + k - 1][1]
            name = text[s:e]
            if name in codes:
                break
        else:
            continue
        if text[e:e + 1] in _SUFFIX_AFTER:
            continue
        candidates = codes[name]
        if s in place_at_end:
            parent = division_code("".join(text[place_at_end[s]:s].split()))
            inside = [c for c in candidates if parent and lies_within(c, parent)]
            if inside:
                yield s, e, inside[0]
                continue
        listed = text[s - 1:s] == "、" or text[e:e + 1] == "、" or text.startswith("等", e)
        before = index_of_end.get(s)
        if listed and before is not None and words[before][1] - words[before][0] == 1 and \
                "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in WORDS_BEFORE_A_NAME:
            continue  # 水|资源、…: the end of a longer word, not a county's short name
        if home and listed:
            inside = [c for c in candidates if lies_within(c, home)]
            if len(inside) == 1:
                yield s, e, inside[0]


def joined_name(text: str, start: int, end: int) -> str:
    """A name as one string: a line break inside it (PDF text) is no part of it."""
    name = text[start:end]
    return "".join(name.split()) if "\n" in name else name


def report_division(text: str, places: Sequence[Span], title: Optional[str]) -> Optional[str]:
    """The province or city a report is of: the first one its title names, else the one
    its text names most (twice at least). A district name that several cities share
    (普陀区, 鼓楼区) is read as the one there."""
    title_end = 0
    if title and title in text[:2000]:
        title_end = text.index(title) + len(title)
    counts: dict[str, int] = {}
    for s, e in places:
        code = division_code(joined_name(text, s, e))
        if not code or code[4:] != "00000000":
            continue
        if s < title_end:
            return code
        # A province's cities count for it (a 四川 report names 成都 more than 四川 itself).
        province = code[:2] + "0" * 10
        counts[province] = counts.get(province, 0) + 1
    best = max(counts, key=lambda c: counts[c], default=None)
    return best if best is not None and counts[best] >= 2 else None
