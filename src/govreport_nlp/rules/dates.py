"""Date expressions and their ISO values, resolved against the report year.

``find_dates(text, report_year)`` yields every date expression: absolute ones
(2016年5月16日, 2018-03-20, 2017年11月份), partial ones completed with the report year
(9月10日 -> 2017-09-10), as-of phrases (截至11月底 -> 2017-11-30, relation ``as_of``)
and relative year words (上年 -> the year before). Dates inside 《document titles》
name the document, not a time of the report, and are skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Iterator, Optional

__all__ = ["DateMention", "find_dates"]

_S = r"[ \t\u3000\xa0]*"
_DATE = re.compile(
    rf"(?P<asof>截至到|截至|截止到|截止)?{_S}"
    rf"(?:"
    rf"(?P<y>(?:19|20)[0-9]{{2}}){_S}(?:年{_S}(?:度|(?P<ym>[0-9]{{1,2}}){_S}月{_S}(?:(?P<yd>[0-9]{{1,2}}){_S}[日号]|(?P<ymsuf>份|底|末|初|上旬|中旬|下旬))?|(?P<ysuf>年末|年底|年初|初|底|末))?"
    rf"|-(?P<iy_m>[0-9]{{2}})-(?P<iy_d>[0-9]{{2}}))"
    rf"|(?<![0-9年])(?P<m>[0-9]{{1,2}}){_S}月{_S}(?:(?P<d>[0-9]{{1,2}}){_S}[日号]|(?P<msuf>份|底|末|初))?"
    # 上年末, 去年底, 上年年末: the end of a relative year is one date.
    rf"|(?P<yend>上一年|上年度|上年|去年|前年|本年度|本年|今年|当年){_S}年?[末底]"
    rf"|(?P<rel>上年同期|上年度|本年度|下年度|上一年|全年|上年|本年|今年|去年|前年|明年|年末|年底|年初|本期|当年|过去一年|一年来|年内)"
    rf")"
)
# 比上年末, 较去年底: the date a change is measured from, not the figure's own date.
_BASELINE = re.compile(r"(?:比|较|与|同)\s*$")
_BOOK = re.compile(r"《[^《》\n]{0,80}》")
_RELATIVE_OFFSET = {
    "上年同期": -1, "上年度": -1, "上一年": -1, "上年": -1, "去年": -1, "前年": -2,
    "本年度": 0, "全年": 0, "本年": 0, "今年": 0, "本期": 0, "当年": 0, "过去一年": 0,
    "一年来": 0, "年内": 0, "下年度": 1, "明年": 1,
}


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


def find_dates(text: str, report_year: Optional[int], *, work_report: bool = False) -> Iterator[DateMention]:
    """Yield the date expressions of ``text`` with their ISO values.

    ``report_year`` anchors partial and relative dates; without it they are skipped.
    In a 政府工作报告 (``work_report=True``) 今年 is the year of delivery, one after the
    report year, and the other relative words are too ambiguous to resolve, so only 今年
    and 过去一年/一年来 are returned.
    """
    books = [m.span() for m in _BOOK.finditer(text)]
    bi = 0
    for m in _DATE.finditer(text):
        start = m.start()
        while bi < len(books) and books[bi][1] <= start:
            bi += 1
        if bi < len(books) and books[bi][0] <= start < books[bi][1]:
            continue
        relation = None
        asof = m.group("asof")
        value: Optional[str] = None
        if m.group("y"):
            prev = text[start - 1:start] if start else ""
            if prev.isdigit():
                continue
            year = int(m.group("y"))
            if m.group("iy_m"):
                month, day = int(m.group("iy_m")), int(m.group("iy_d"))
                if not _valid(month, day):
                    continue
                value = f"{year}-{month:02d}-{day:02d}"
            elif m.group("ym"):
                month = int(m.group("ym"))
                if not _valid(month):
                    continue
                if m.group("yd"):
                    value = f"{year}-{month:02d}-{int(m.group('yd')):02d}"
                elif m.group("ymsuf") in ("底", "末"):
                    value = f"{year}-{month:02d}-{_month_end(year, month):02d}"
                else:
                    value = f"{year}-{month:02d}"
            elif m.group("ysuf") in ("底", "末", "年末", "年底"):
                value = f"{year}-12-31"
                relation = "as_of"  # a point in time, as 年末 is
            else:
                value = str(year)
        elif m.group("m"):
            prev = text[start - 1:start] if start else ""
            if prev and (prev.isdigit() or prev in ".．第") or report_year is None:
                continue
            month = int(m.group("m"))
            if not _valid(month):
                continue
            if m.group("d"):
                day = int(m.group("d"))
                if not _valid(month, day):
                    continue
                value = f"{report_year}-{month:02d}-{day:02d}"
            elif m.group("msuf") in ("底", "末"):
                value = f"{report_year}-{month:02d}-{_month_end(report_year, month):02d}"
            elif m.group("msuf") or asof:
                value = f"{report_year}-{month:02d}"
            else:
                continue  # 3月 alone is too often a duration or a list (1-3月)
        elif m.group("yend"):
            if report_year is None or work_report:
                continue
            # 比上年末增长: the end of the year compared with; 截至上年末 an as-of date.
            value = f"{report_year + _RELATIVE_OFFSET[m.group('yend')]}-12-31"
            if not _BASELINE.search(text, max(0, start - 2), start):
                relation = "as_of"
        else:
            rel = m.group("rel")
            if report_year is None or asof:
                continue
            if work_report:
                if rel == "今年":
                    value = str(report_year + 1)
                elif rel in ("过去一年", "一年来"):
                    value = str(report_year)
                else:
                    continue
            elif rel in ("年末", "年底"):
                value = f"{report_year}-12-31"
                relation = "as_of"

            elif rel == "年初":
                value = str(report_year)
            else:
                value = str(report_year + _RELATIVE_OFFSET[rel])
        if asof:
            relation = "as_of"
        if value is None:
            continue
        while text[start] in " \t\u3000\xa0\n":
            start += 1
        yield DateMention(start=start, end=m.end(), text=text[start:m.end()], value=value, relation=relation)
