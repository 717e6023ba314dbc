"""What a published document says of itself around its text: the letterhead lines above
its title (保定市十六届人大 / 七次会议文件（14）), the line naming the body that delivers it
(承德市财政局局长 林国华, 张家界市统计局, （信息来源：长沙市统计局）) and a cover date of a
month (2026年4月, 二○二四年七月). Pure functions over the text's lines; ``rules/sections.py``
reads the title, issuer and publication date with them.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..lexicons import layout as lex

__all__ = ["body_line", "cover_month", "is_letterhead"]

# A congress session's file mark printed above the title (…届人大, …会议文件（N）) and the
# bare number of a file.
_LETTERHEAD = re.compile("|".join(lex.LETTERHEAD_MARKS) + r"|^[（(]?[一二三四五六七八九十0-9]{1,4}[）)]?$")
# The name-final words of bodies that issue reports (a bureau, a department, a government,
# an audit office, a committee, an office).
_BODY = f"(?:{'|'.join(lex.BODY_SUFFIXES)})"
# A line that is a body's name, perhaps with its head's title and name after it.
_BODY_LINE = re.compile(
    rf"^(?P<body>[\u4e00-\u9fff]{{0,18}}?{_BODY})(?:(?:{'|'.join(lex.BODY_HEAD_TITLES)})[\u4e00-\u9fff·]{{0,5}})?$")
# …or a source named in a note (（信息来源：长沙市统计局）, 文章来源：统计局, 出处：阿克苏地区统计局).
_SOURCE = re.compile(rf"(?:{'|'.join(lex.SOURCE_LABELS)})[:：]\s*(?P<body>[\u4e00-\u9fff]{{0,18}}?{_BODY})(?![\u4e00-\u9fff])")
_MONTH = re.compile(
    r"^(?P<y>(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月$")
_CN = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def _compact(line: str) -> str:
    return "".join(line.split())


def is_letterhead(line: str) -> bool:
    """Whether a line above the title is the congress file mark, not the title.

    >>> is_letterhead("保定市十六届人大"), is_letterhead("七次会议文件（14）"), is_letterhead("天 津 市 十 八 届 人 大")
    (True, True, True)
    >>> is_letterhead("关于保定市 2025 年预算执行情况和")
    False
    """
    return bool(_LETTERHEAD.search(_compact(line)))


def body_line(text: str, lines: Sequence[tuple[int, int]], place: Optional[str]) -> Optional[str]:
    """The body a document names as its speaker or source: a line of its own in the header
    (after the title and the delivery line) or a source note at the end. A name that starts
    with its level only (市财政局) takes the place its title names (抚顺市 -> 抚顺市财政局).

    >>> from govreport_nlp.rules.sections import _lines
    >>> t = "关于抚顺市2025年财政决算的报告\\n——2026年6月23日在…会议上\\n市财政局局长 谷凤威\\n各位委员："
    >>> body_line(t, _lines(t), "抚顺市")
    '抚顺市财政局'
    """
    for s, e in lines[:14]:
        line = _compact(text[s:e])
        if line.endswith(("：", ":")) or len(line) > 24:
            continue
        m = _BODY_LINE.match(line)
        if m and len(m.group("body")) >= 3:
            return _complete(m.group("body"), place)
    tail = text[lines[-8][0] if len(lines) >= 8 else 0:] if lines else ""
    for m in _SOURCE.finditer(text[:lines[min(len(lines), 6) - 1][1]] if lines else ""):
        if len(m.group("body")) >= 3:
            return _complete(m.group("body"), place)
    for m in _SOURCE.finditer(tail):
        if len(m.group("body")) >= 3:
            return _complete(m.group("body"), place)
    return None


def _complete(body: str, place: Optional[str]) -> str:
    if place and body[0] in lex.BODY_LEVEL_CHARS and not body.startswith(place):
        return place + body[1:] if place.endswith(body[0]) else body
    if place and body.startswith(lex.BARE_BODIES):
        return place + body
    return body


def cover_month(text: str, lines: Sequence[tuple[int, int]]) -> Optional[str]:
    """A month printed alone on a line of the cover or under the title (2026年4月,
    二○二四年七月) as YYYY-MM, else None.

    >>> from govreport_nlp.rules.sections import _lines
    >>> t = "张家界市2025年统计公报\\n张家界市统计局\\n2026年4月\\n"
    >>> cover_month(t, _lines(t))
    '2026-04'
    """
    for s, e in lines[:10]:
        m = _MONTH.match(_compact(text[s:e]))
        if not m:
            continue
        y = m.group("y")
        year = int(y) if y.isdigit() else int("".join(str(_CN[ch]) for ch in y))
        mm = m.group("m")
        month = int(mm) if mm.isdigit() else ("一二三四五六七八九".index(mm) + 1 if len(mm) == 1 and mm != "十"
                                              else 10 + ("一二".index(mm[1]) + 1 if len(mm) == 2 else 0))
        if 1 <= month <= 12:
            return f"{year}-{month:02d}"
    return None
