"""Date expressions and their ISO values, resolved against the year they point from.

``find_dates(text, report_year)`` yields every date expression: absolute ones
(2016年5月16日, 2018-03-20, 2017年11月份, 二〇二五年一月十五日), year ranges
(2025-2027年 -> 2025/2027), partial ones completed with the report year
(9月10日 -> 2017-09-10), as-of phrases (截至11月底 -> 2017-11-30, relation ``as_of``),
plan periods ("十四五"时期 -> 2021/2025, 过去五年 -> the five years up to the report year)
and relative year words. Dates inside 《document titles》 name the document, not a time
of the report, and are skipped.

Relative words are of two kinds (GUIDELINES.md, "the year a text speaks from"): 今年,
去年, 明年, 前年 point from the moment of speaking and are resolved on the *delivery*
year; 上年, 本年, 全年, 同期 … point from the period the sentence describes, which is the
year its section heading names (二、2026年预算草案) or else the report year.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Sequence

from ..lexicons import dates as lex
from .clauses import alternation as _alternation

__all__ = ["DateMention", "find_dates", "plan_period", "section_year", "speaking_year"]

# Spaces, and one line break, as PDFs print them inside a date (截至 2024 年 9\n月底).
_S = r"[ \t\u3000\xa0]*(?:\n[ \t\u3000\xa0]*)?"
_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_VALUE = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_CN_SMALL = "一二三四五六七八九十"
_SPAN_N = "二三四五六七八九十两"  # (一年来 is the year just past: a word of its own)


# The vocabulary of the date forms (lexicons/dates.py), as alternations; the forms below are
# the grammar around them.
_PLAN_DOCS = "|".join(lex.PLAN_DOCUMENTS)
_REVIEW_VERBS = "|".join(lex.REVIEW_VERBS)
_AS_OF = "|".join(lex.AS_OF_WORDS)
_YEAR_END = "|".join(lex.YEAR_END_WORDS)
_PART_WORDS = "|".join(lex.YEAR_PARTS)
_POINTS = "|".join(lex.YEAR_POINTS)
# A year's end after its number (2024年末, 2024年底): a point in time.
_YEAR_END_SUFFIXES = ("底", "末", *lex.YEAR_END_POINTS)
_RELATIVE_WORDS = _alternation((*lex.PERIOD_OFFSETS, *lex.SPEAKING_OFFSETS, *lex.YEAR_POINTS, *lex.LAST_YEAR_WORDS))
_DATE = re.compile(
    # (the characters a date can begin with, first: most positions of a text fail here at once)
    # (no date begins with a space: the spaces a PDF prints are allowed after 截至 only)
    rf"(?=[截0-9〇○零一二三四五六七八九十两“\"过这以上去前本今当全下明年第])"
    rf"(?:(?P<asof>{_AS_OF}){_S})?"
    rf"(?:"
    # 2025-2027年, 2014—2016年度: a span of years.
    rf"(?P<ry1>(?:19|20)[0-9]{{2}}){_S}[-—–－~～至到]{_S}(?P<ry2>(?:19|20)[0-9]{{2}})(?![0-9])(?:{_S}年度?)?"
    rf"|(?P<y>(?:19|20)[0-9]{{2}}){_S}(?:年{_S}(?:度|(?P<ym>[0-9]{{1,2}}){_S}月{_S}(?:(?P<yd>[0-9]{{1,2}}){_S}[日号]|(?P<ymsuf>份|底|末|初|上旬|中旬|下旬))?|(?P<ysuf>{_POINTS}|初|底|末))?"
    rf"|-(?P<iy_m>[0-9]{{2}})-(?P<iy_d>[0-9]{{2}}))"
    # 二〇二五年一月十五日, 二○二四年七月: the year digit by digit, month and day in words.
    rf"|(?P<cy>[{_CN_DIGITS}]{{4}})年(?:(?P<cm>十[一二]?|[一二三四五六七八九])月(?:(?P<cd>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?)?"
    rf"|(?<![0-9年])(?P<m>[0-9]{{1,2}}){_S}月{_S}(?:(?P<d>[0-9]{{1,2}}){_S}[日号]|(?P<msuf>份|底|末|初))?"
    # "十四五"时期, 十三五末: a five-year plan's period (its name before 规划 names a document).
    rf"|(?P<plan>[“\"]?(?P<pn>十[一二三四五六七八九]五)(?:[”\"](?!{_PLAN_DOCS})|(?![”\"]|{_PLAN_DOCS})))"
    rf"(?P<planend>期末|末)?"
    # 过去五年, 五年来, 这五年, 过去的五年, …以来的五年: the years up to the report year.
    rf"|(?P<span>(?:过去的?|这|以来的)(?P<sn>[{_SPAN_N}])年(?!来)|(?<![近多几数连续0-9一二三四五六七八九十两])(?P<sn2>[{_SPAN_N}])年来)"
    # 中央财政五年投入…, 五年增加70%, 极不平凡的五年，: in a review of five years, the years
    # it reviews (only in a work report: see find_dates).
    rf"|(?P<bare>(?<![近多几数连续每第后前一])(?P<sn3>[{_SPAN_N}])年(?={_REVIEW_VERBS})"
    rf"|(?<=的)(?P<sn4>[{_SPAN_N}])年(?=[，,。；;！!]))"
    # 上年末, 去年底, 上年年末: the end of a relative year is one date.
    rf"|(?P<yend>{_YEAR_END}){_S}年?[末底]"
    # 上半年, 一季度, 前三季度: parts of the year the sentence describes (GUIDELINES).
    rf"|(?<![0-9一二三四五六七八九十两])(?P<part>{_PART_WORDS}|第[一二三四]季度)"
    rf"|(?<![0-9一二三四五六七八九十两多])(?P<rel>{_RELATIVE_WORDS})"
    rf")"
)
# 比上年末, 较去年底: the date a change is measured from, not the figure's own date.
_BASELINE = re.compile(rf"(?:{'|'.join(lex.BASELINE_OPENERS)})\s*$")
_BOOK = re.compile(r"《[^《》\n]{0,80}》")
# Relative words that point from the moment of speaking, and their offsets from it.
_SPEAKING = lex.SPEAKING_OFFSETS
# …and those that point from the period the sentence describes.
_RELATIVE_OFFSET = lex.PERIOD_OFFSETS
# The year just past, seen from the moment of speaking.
_LAST_YEAR_WORDS = lex.LAST_YEAR_WORDS
# A year the sentence itself is about (2024 年预算下达进度较上年): 上年 points from it. Not a
# year that bounds a span (2017年以来) or ends a range.
_SENTENCE_YEAR = re.compile(rf"(?<![0-9\-—至到])((?:19|20)[0-9]{{2}})\s*年(?!{'|'.join(lex.SPAN_BOUND_WORDS)}|度?[-—至到])")
_SENTENCE_START = re.compile(r"[。！？；;!?\n][^。！？；;!?\n]*$")
# Parts of a year: (first month, last month).
_PARTS = lex.YEAR_PARTS
# The Nth five-year plan starts in 1971 + 5 (N - 4) (the 4th ran 1971-1975).
_PLAN_NUMBER = {f"十{d}五": 10 + i for i, d in enumerate("一二三四五六七八九", start=1)}


_HEADING_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")


def speaking_year(report_year: Optional[int], *, work_report: bool = False,
                  delivery_year: Optional[int] = None) -> Optional[int]:
    """The year a text speaks from: its delivery year when known, else the year after the
    one a 政府工作报告 reviews, else the report year.

    >>> speaking_year(2025, delivery_year=2026), speaking_year(2023, work_report=True), speaking_year(2021)
    (2026, 2024, 2021)
    """
    return delivery_year or (report_year + 1 if work_report and report_year else report_year)


def section_year(title: str, speaking: Optional[int] = None) -> Optional[int]:
    """The one year a section heading names (二、2026年预算草案 -> 2026; 今年工作安排 -> the
    delivery year), or None when it names none or several.

    >>> section_year("一、2025年工作和“十四五”发展回顾"), section_year("一、2024年和2025年"), section_year("今年工作", 2026)
    (2025, None, 2026)
    """
    years = {int(y) for y in _HEADING_YEAR.findall(title)}
    if not years and speaking and "今年" in title:
        return speaking
    return years.pop() if len(years) == 1 else None


def plan_period(name: str) -> Optional[tuple[int, int]]:
    """The years of a five-year plan named 十N五 (N >= 4 only: the numbering of the early
    plans had a gap).

    >>> plan_period("十四五"), plan_period("十三五"), plan_period("十五")
    ((2021, 2025), (2016, 2020), None)
    """
    n = _PLAN_NUMBER.get(name)
    if n is None:
        return None
    start = 1971 + 5 * (n - 4)
    return start, start + 4


@dataclass
class DateMention:
    """A date expression: its offsets, ISO value and relation (``as_of`` or None)."""

    start: int
    end: int
    text: str
    value: str
    relation: Optional[str] = None


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _valid(month: int, day: Optional[int] = None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def _cn_int(word: str) -> int:
    """一 -> 1, 十二 -> 12, 二十五 -> 25, 两 -> 2 (months, days, small counts)."""
    if "十" not in word:
        return {"两": 2}.get(word) or "一二三四五六七八九".index(word) + 1
    tens, _, ones = word.partition("十")
    return (_cn_int(tens) if tens else 1) * 10 + (_cn_int(ones) if ones else 0)


def _section_years(periods: Sequence[tuple[int, int, int]]) -> Callable[[int], Optional[int]]:
    """A function: offset -> the year of the innermost section around it that names one."""
    ordered = sorted(periods)
    starts = [p[0] for p in ordered]

    def year_at(pos: int) -> Optional[int]:
        for k in range(bisect.bisect_right(starts, pos) - 1, -1, -1):
            s, e, year = ordered[k]
            if s <= pos < e:
                return year
        return None
    return year_at


def find_dates(text: str, report_year: Optional[int], *, work_report: bool = False,
               delivery_year: Optional[int] = None,
               periods: Sequence[tuple[int, int, int]] = ()) -> Iterator[DateMention]:
    """Yield the date expressions of ``text`` with their ISO values.

    ``report_year`` anchors partial dates and, outside a section that names its own year,
    the words that point from the period described (上年, 全年); without it they are
    skipped. ``delivery_year`` anchors 今年/去年 (default: the report year, or the year
    after it in a 政府工作报告, which is delivered the year after the one it reviews).
    ``periods`` holds (start, end, year) of the sections whose heading names a year
    (二、2026年预算草案). In a 政府工作报告 (``work_report=True``) the period words are
    resolved only inside such a section: the review and the plan share a text.

    >>> [(d.text, d.value) for d in find_dates("回望“十四五”，过去五年，二〇二五年一月十五日", 2025)]
    [('“十四五”', '2021/2025'), ('过去五年', '2021/2025'), ('二〇二五年一月十五日', '2025-01-15')]
    """
    books = [m.span() for m in _BOOK.finditer(text)]
    speaking = speaking_year(report_year, work_report=work_report, delivery_year=delivery_year)
    year_at = _section_years(periods)
    bi = 0
    for m in _DATE.finditer(text):
        start = m.start()
        while bi < len(books) and books[bi][1] <= start:
            bi += 1
        if bi < len(books) and books[bi][0] <= start < books[bi][1]:
            continue
        opening = _SENTENCE_START.search(text, max(0, start - 80), start)
        said = _SENTENCE_YEAR.findall(text, opening.start() if opening else max(0, start - 80), start)
        period_year = (int(said[-1]) if said else None) or year_at(start) or (None if work_report else report_year)
        if m.group("bare") and not work_report:
            continue
        found = _resolve(text, m, report_year, speaking, period_year)
        if found is None:
            continue
        value, relation = found
        if m.group("asof"):
            relation = "as_of"
        while text[start] in " \t\u3000\xa0\n":
            start += 1
        yield DateMention(start=start, end=m.end(), text=text[start:m.end()], value=value, relation=relation)


@dataclass(frozen=True)
class _Anchors:
    """What a date form is resolved on: the text, where the match begins once spaces are
    skipped (``start``) and the character before it when the match began there
    (``prev``, else ""), the report year, the year of speaking and the year the sentence
    describes."""

    text: str
    start: int
    prev: str
    report_year: Optional[int]
    speaking: Optional[int]
    period_year: Optional[int]


Value = Optional[tuple[str, Optional[str]]]  # (ISO value, relation), or None: no date here


def _resolve(text: str, m: re.Match[str], report_year: Optional[int], speaking: Optional[int],
             period_year: Optional[int]) -> Value:
    """(ISO value, relation) of one match, or None when it is no date here: the form of
    the first group of :data:`_FORMS` that matched."""
    start = m.start()
    while start < m.end() and text[start] in " \t\u3000\xa0\n":
        start += 1  # (表4　2022年: the digit before the space is no part of the year)
    prev = text[start - 1:start] if start and start == m.start() else ""
    anchors = _Anchors(text, start, prev, report_year, speaking, period_year)
    for group, form in _FORMS:
        if m.group(group):
            return form(m, anchors)
    return _relative(m, anchors)


def _year_range(m: re.Match[str], at: _Anchors) -> Value:
    """2025-2027年, 2014—2016年度: a span of years (of 30 at most)."""
    y1, y2 = int(m.group("ry1")), int(m.group("ry2"))
    if at.prev.isdigit() or not 0 < y2 - y1 <= 30:
        return None
    return f"{y1}/{y2}", None


def _arabic_year(m: re.Match[str], at: _Anchors) -> Value:
    """2016年5月16日, 2018-03-20, 2017年11月份, 2024年末: a year with its month and day."""
    return None if at.prev.isdigit() else _absolute(m)


def _chinese_year(m: re.Match[str], at: _Anchors) -> Value:
    """二〇二五年一月十五日, 二○二四年七月: the year digit by digit, month and day in words."""
    year = int("".join(str(_CN_VALUE[ch]) for ch in m.group("cy")))
    if not 1900 <= year <= 2100 or (at.prev and at.prev in _CN_DIGITS):
        return None
    if not m.group("cm"):
        return str(year), None
    month = _cn_int(m.group("cm"))
    if not m.group("cd"):
        return f"{year}-{month:02d}", None
    day = _cn_int(m.group("cd"))
    return (f"{year}-{month:02d}-{day:02d}", None) if _valid(month, day) else None


def _month_day(m: re.Match[str], at: _Anchors) -> Value:
    """9月10日, 11月底: a month of the report year."""
    return _month(at.text, m, at.prev, at.report_year)


def _plan(m: re.Match[str], at: _Anchors) -> Value:
    """"十四五"时期 -> 2021/2025, 十三五末 -> 2020: a five-year plan's period or its end."""
    years = plan_period(m.group("pn"))
    if years is None:
        return None
    return (str(years[1]), None) if m.group("planend") else (f"{years[0]}/{years[1]}", None)


def _years_up_to(m: re.Match[str], at: _Anchors) -> Value:
    """过去五年, 五年来 (and, in a work report, 五年增加…, 不平凡的五年): the years up to the
    report year."""
    if at.report_year is None:
        return None
    n = _cn_int(m.group("sn") or m.group("sn2") or m.group("sn3") or m.group("sn4"))
    return (f"{at.report_year - n + 1}/{at.report_year}", None) if n > 1 else None


def _part_of_year(m: re.Match[str], at: _Anchors) -> Value:
    """上半年, 一季度, 前三季度: months of the year the sentence describes."""
    if at.period_year is None:
        return None
    first, last = _PARTS[m.group("part").lstrip("第")]
    return f"{at.period_year}-{first:02d}/{at.period_year}-{last:02d}", None


def _relative_year_end(m: re.Match[str], at: _Anchors) -> Value:
    """上年末, 去年底: the end of a relative year; as of it, unless it is a baseline
    (比上年末增长: the end of the year compared with)."""
    word = m.group("yend")
    anchor = at.speaking if word in _SPEAKING else at.period_year
    if anchor is None:
        return None
    offset = _SPEAKING.get(word, _RELATIVE_OFFSET.get(word, 0))
    relation = None if _BASELINE.search(at.text, max(0, at.start - 2), at.start) else "as_of"
    return f"{anchor + offset}-12-31", relation


def _relative(m: re.Match[str], at: _Anchors) -> Value:
    """今年, 上年, 全年, 年末, 过去一年: a year relative to the moment of speaking or to the
    period the sentence describes."""
    rel, asof, report_year, speaking, period_year = m.group("rel"), m.group("asof"), at.report_year, at.speaking, at.period_year
    if report_year is None or asof:
        return None
    if rel in _SPEAKING:
        return (str(speaking + _SPEAKING[rel]), None) if speaking else None
    if rel in _LAST_YEAR_WORDS:
        # (the year before the delivery; an FOI report's 过去一年 is its own year)
        return str(speaking - 1 if speaking and speaking > report_year else report_year), None
    if period_year is None:
        return None
    if rel in lex.YEAR_END_POINTS:
        return f"{period_year}-12-31", "as_of"
    if rel in lex.YEAR_START_POINTS:
        return str(period_year), None
    return str(period_year + _RELATIVE_OFFSET[rel]), None


# The date forms, by the group of _DATE that marks each (tried in this order); a match
# of none of them is a relative year word (_relative).
_FORMS: tuple[tuple[str, Callable[[re.Match[str], _Anchors], Value]], ...] = (
    ("ry1", _year_range), ("y", _arabic_year), ("cy", _chinese_year), ("m", _month_day), ("plan", _plan),
    ("span", _years_up_to), ("bare", _years_up_to), ("part", _part_of_year), ("yend", _relative_year_end),
)


def _absolute(m: re.Match[str]) -> Optional[tuple[str, Optional[str]]]:
    year = int(m.group("y"))
    if m.group("iy_m"):
        month, day = int(m.group("iy_m")), int(m.group("iy_d"))
        return (f"{year}-{month:02d}-{day:02d}", None) if _valid(month, day) else None
    if m.group("ym"):
        month = int(m.group("ym"))
        if not _valid(month):
            return None
        if m.group("yd"):
            return f"{year}-{month:02d}-{int(m.group('yd')):02d}", None
        if m.group("ymsuf") in ("底", "末"):
            return f"{year}-{month:02d}-{_month_end(year, month):02d}", None
        return f"{year}-{month:02d}", None
    if m.group("ysuf") in _YEAR_END_SUFFIXES:
        return f"{year}-12-31", "as_of"  # a point in time, as 年末 is
    return str(year), None


def _month(text: str, m: re.Match[str], prev: str, report_year: Optional[int]) -> Optional[tuple[str, Optional[str]]]:
    if prev and (prev.isdigit() or prev in ".．第") or report_year is None:
        return None
    month = int(m.group("m"))
    if not _valid(month):
        return None
    if m.group("d"):
        day = int(m.group("d"))
        return (f"{report_year}-{month:02d}-{day:02d}", None) if _valid(month, day) else None
    if m.group("msuf") in ("底", "末"):
        return f"{report_year}-{month:02d}-{_month_end(report_year, month):02d}", None
    if m.group("msuf") or m.group("asof"):
        return f"{report_year}-{month:02d}", None
    return None  # 3月 alone is too often a duration or a list (1-3月)
