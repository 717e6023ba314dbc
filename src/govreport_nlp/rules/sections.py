"""Report layout from raw text: title, issuer, year, date, headings, sentences, debris.

Pure functions over the text, with no spaCy, so that they are testable alone; the
``govreport_sections`` component (``sections.py``) writes their result onto the Doc.
Nothing here changes the text: every range is a pair of offsets into it, and debris
(web-page bylines, footers, page numbers) is marked, never deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, get_args

from ..lexicons import layout as lex
from ..models import ReportKind, ReportMeta, Section
from .masthead import body_line, cover_month, is_letterhead

__all__ = ["Layout", "analyze"]

_CN_NUM = "一二三四五六七八九十"
# Heading markers by level: 一、 / （一） / 1. / (1). A heading line is short or its
# marker is followed by a title that ends at the first sentence punctuation.
_HEADING_RES = [
    (1, re.compile(rf"[{_CN_NUM}]{{1,3}}、")),
    (2, re.compile(rf"[（(][{_CN_NUM}]{{1,3}}[）)]")),
    (3, re.compile(r"[0-9]{1,2}[.．、](?![0-9])")),
    (4, re.compile(r"[（(][0-9]{1,2}[）)]")),
]
_TITLE_WORDS = re.compile("|".join(lex.TITLE_WORDS))
# A title opened by 关于 runs on to its document noun (关于…审计查出问题整改情况的报告): a
# first line without it is not the whole title, whatever other title word it holds.
_OPEN_TITLE = re.compile(rf"关于(?!.*(?:{'|'.join(lex.DOCUMENT_NOUNS)})(?:[（(][^（）()]{{1,6}}[）)])?$)")
# The line under a speech's title: where and when it was delivered
# (——2026年2月5日在安徽省第十四届人民代表大会第四次会议上).
_DELIVERY = re.compile(rf"在[^。；\n]{{2,60}}(?:{'|'.join(lex.DELIVERY_MEETINGS)})[^。；\n]{{0,12}}上")
# A speech to a congress opens so; a 政府工作报告 excerpt without its title says what it reports.
_WORK_REPORT_OPENING = re.compile(rf"(?:{'|'.join(lex.CONGRESS_SALUTATIONS)})[:：!！]?\s*\n?[^\n]{{0,40}}?"
                                  rf"(?:{'|'.join(lex.REPORTING_TO_CONGRESS)})[^，。\n]{{0,12}}"
                                  rf"(?:{'|'.join(lex.WORK_REPORT_TOPICS)})")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_YEAR_OF = re.compile(r"((?:19|20)[0-9]{2})\s*年度?")  # (2024年度泾川县政府决算: not 度泾川县政府)
# A site's name after a page's title (…的报告-驻马店人大, …公报_某某网).
_SITE_SUFFIX = re.compile(rf"^(.*(?:{'|'.join(lex.PAGE_TITLE_ENDS)}|(?:{'|'.join(lex.DRAFT_WORDS)})）?))"
                          r"\s*[-_—|｜]+\s*[^-_—|｜]{2,16}$")
# A body's name-final words: an issuer that ends in one is a body, not a bare place.
_BODY_END = re.compile(f"(?:{'|'.join(lex.ISSUER_BODY_ENDS)})$")
_FULL_DATE = re.compile(
    r"((?:19|20)[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|-([0-9]{2})-([0-9]{2}))"
)
_REPORT_KINDS = re.compile("|".join(lex.REPORT_KIND_WORDS))
# (read for whether a line is debris only: the order of the words does not matter)
_DEBRIS_LINE = re.compile(
    rf"^\s*(?:(?:{'|'.join(lex.DEBRIS_LABELS)})[:：]|{'|'.join(lex.DEBRIS_WORDS)}|【?(?:{'|'.join(lex.PAGE_BUTTONS)})"
    r"|[-—－]\s*[0-9]{1,3}\s*[-—－]\s*$|第\s*[0-9]+\s*页|[0-9]{1,3}\s*$)"
    rf"|来源[:：].{{0,30}}(?:{'|'.join(lex.BYLINE_WORDS)})"
)
# After one of these, the rest of a web page is navigation and adverts.
_FOOTER_START = re.compile(rf"^\s*(?:{'|'.join(lex.FOOTER_STARTS)})")
_SENT_END = "。！？!?；;"
_CLAUSE = re.compile(r"[，,、]")


@dataclass
class Layout:
    """The layout of one report; every range indexes the analysed text."""

    meta: ReportMeta = field(default_factory=ReportMeta)
    # Each heading as a Section: its level (1 for 一、), title, and the range it governs.
    headings: list[Section] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    debris: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _title(text: str, lines: list[tuple[int, int]], debris: set[int]) -> tuple[Optional[str], int]:
    """The title (one or two short lines at the top) and the index of its last line."""
    parts: list[str] = []
    last = -1
    for idx, (s, e) in enumerate(lines[:8]):
        line = text[s:e].strip()
        if not line or idx in debris:
            continue
        if line in lex.CONTENTS_LINES or not parts and is_letterhead(line):
            continue  # (保定市十六届人大 / 七次会议文件（14）: the congress file mark)
        if len(line) > 60 or line.startswith(("——", "—")) or line[-1] in _SENT_END or _CLAUSE.search(line):
            break
        parts.append(line)
        last = idx
        open_title = bool(_OPEN_TITLE.search("".join(parts)))
        if (_TITLE_WORDS.search(line) and not open_title) or len(parts) == (4 if open_title else 2):
            break
    if not parts:
        return None, -1
    if not _TITLE_WORDS.search("".join(parts)) and len(parts) > 1:
        parts = parts[:1]
    while len(parts) > 2 and _OPEN_TITLE.search("".join(parts)):
        parts.pop()  # a 关于 title that never reached its document noun: its first lines only
    return re.sub(r"\s+", "", "".join(parts)), last


def _date_iso(m: re.Match[str]) -> str:
    year = m.group(1)
    month = m.group(2) or m.group(4)
    day = m.group(3) or m.group(5)
    return f"{year}-{int(month):02d}-{int(day):02d}"


# A date labelled as the page's publication date (web pages print it above the article).
_LABELLED = re.compile(rf"(?:{'|'.join(lex.PUBLICATION_ACTS)})(?:{'|'.join(lex.PUBLICATION_LABELS)})\s*[:：]?\s*$")
# A date that bounds a period (统计期限自2017年1月1日起至12月31日止) is no publication date.
_PERIOD_BEFORE = re.compile(rf"(?:{'|'.join(lex.PERIOD_OPENERS)})\s*$")
_PERIOD_AFTER = re.compile(rf"\s*(?:{'|'.join(lex.PERIOD_CLOSERS)}|—|－|-|~|～)")
_SIGNATURE_LINES = 8


def _is_period(text: str, m: re.Match[str]) -> bool:
    return bool(_PERIOD_BEFORE.search(text, max(0, m.start() - 6), m.start())
                or _PERIOD_AFTER.match(text, m.end()))


def _delivered(text: str, lines: list[tuple[int, int]]) -> Optional[str]:
    """The date a speech was delivered, when a header line says where
    (——2024年3月5日在第十四届全国人民代表大会第二次会议上), else None.

    >>> head = "政府工作报告\\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\\n"
    >>> _delivered(head, _lines(head))
    '2024-03-05'
    """
    if not lines:
        return None
    head = text[:lines[min(len(lines), 16) - 1][1]]  # (web pages put blank lines between)
    for m in _FULL_DATE.finditer(head):
        if _DELIVERY.match(re.sub(r"\s+", "", head[m.end():m.end() + 80])):
            return _date_iso(m)
    return None


def _published(text: str, lines: list[tuple[int, int]]) -> Optional[str]:
    """The publication date, never a bound of the statistics period.

    In this order: a date labelled 发布时间/发布日期; the signature (a date on a line of
    its own among the last lines); a date in the header lines (——2024年3月5日在…会议上);
    any other date among the last lines.
    """
    if not lines:
        return None
    head_end = lines[min(len(lines), 6) - 1][1]
    for m in _FULL_DATE.finditer(text, 0, head_end):
        if _LABELLED.search(text, max(0, m.start() - 8), m.start()):
            return _date_iso(m)
    tail = [line for line in lines[-_SIGNATURE_LINES:] if text[line[0]:line[1]].strip()]
    for start, end in reversed(tail):
        signed = _FULL_DATE.fullmatch(text[start:end].strip())
        if signed:
            return _date_iso(signed)
    for m in _FULL_DATE.finditer(text, 0, head_end):
        if not _is_period(text, m):
            return _date_iso(m)
    if tail:
        found = [m for m in _FULL_DATE.finditer(text, tail[0][0]) if not _is_period(text, m)]
        if found:
            return _date_iso(found[-1])
    return None


def _issuer(title: Optional[str]) -> Optional[str]:
    """The issuing body named in the title: 河北省教育厅2017年度... -> 河北省教育厅."""
    if not title:
        return None
    rest = _YEAR_OF.sub(" ", re.sub(r"^(?:关于|对)", "", title))
    rest = re.sub(r"[（(][^）)]*[）)]|\[[0-9]+\]", "", rest)
    m = _REPORT_KINDS.search(rest)
    head = rest[: m.start()] if m else ""
    head = head.strip(" 　")
    if " " in head:
        head = max(head.split(), key=len)
    return head or None


def _report_year(title: Optional[str], text: str, published: Optional[str],
                 kind: Optional[str] = None, delivered: Optional[str] = None) -> Optional[int]:
    """The year the report is about.

    From the title when it names one; a 政府工作报告 is delivered early in a year and
    reviews the year before it, so its report year is the delivery year minus one.
    Otherwise the year of the statistics period or the most frequent year in the text.
    """
    title_year = None
    if title:
        m = _YEAR.search(title)
        if m:
            title_year = int(m.group(1))
    if kind == "work_report":
        base = title_year or (int((delivered or published or "")[:4] or 0) or None)
        if base:
            return base - 1
    if title_year:
        return title_year
    counts: dict[int, int] = {}
    for m in _YEAR.finditer(text[:5000]):
        year = int(m.group(1))
        counts[year] = counts.get(year, 0) + 1
    if counts:
        best = max(counts, key=lambda y: (counts[y], y))
        if published and title and "年度报告" in title and int(published[:4]) == best and int(published[5:7]) <= 3:
            return best - 1
        return best
    if published:
        return int(published[:4])
    return None


def issuer_of(title: Optional[str], text: str, lines: list[tuple[int, int]], kind: Optional[str]) -> Optional[str]:
    """The issuing body: the one the title names (河北省教育厅2017年度…), else the one a line of
    the header or a source note names (承德市财政局局长 林国华, （信息来源：长沙市统计局）). An
    FOI report's title names its government by its place (土右旗); in other genres a bare
    place is no body, and the issuer is None when the document names none."""
    named = _issuer(title)
    if named and (kind == "foi_annual" or _BODY_END.search(named)):
        return named
    place = named or _place_of(title)
    return body_line(text, lines, place) or (named if named and kind is None else None)


def _place_of(title: Optional[str]) -> Optional[str]:
    m = re.search(r"[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|旗|州|地区)", title or "")
    return m.group() if m else None


def issuer_from_title(title: Optional[str]) -> Optional[str]:
    """The issuing body a report's title names (河北省教育厅2017年度… -> 河北省教育厅;
    关于海口市2025年预算执行情况… -> 海口市), or None."""
    return _issuer(title)


def kind_from_title(title: Optional[str]) -> Optional[str]:
    """The genre a title names: foi_annual, work_report, stats_communique, audit,
    final_accounts, budget, or None."""
    return _kind(title)


# Title words by genre, in the order they decide: an audit report on budget execution is an
# audit report, a 决算 (final accounts) is no 预算 (budget) though it prints one beside it.
# (the lexicon names each genre by its string; this types it, and fails at import on a misspelt one)
_GENRES: dict[str, ReportKind] = {k: k for k in get_args(ReportKind)}
_KINDS: tuple[tuple[str, ReportKind], ...] = tuple((word, _GENRES[kind]) for word, kind in lex.GENRE_WORDS)


def _kind(title: Optional[str], text: str = "") -> Optional[ReportKind]:
    for word, kind in _KINDS:
        if title and word in title:
            return kind
    if _WORK_REPORT_OPENING.search(text[:600]):
        return "work_report"  # an excerpt that starts at 各位代表 and reports 政府工作
    return None


def _heading_at(text: str, s: int, e: int) -> Optional[tuple[int, str, int]]:
    """(level, title, title end) when the line at s..e starts with a heading marker."""
    i = s
    while i < e and text[i] in " \t\u3000\xa0":
        i += 1
    for level, pattern in _HEADING_RES:
        m = pattern.match(text, i, e)
        if not m:
            continue
        j = m.end()
        k = j
        while k < e and text[k] not in _SENT_END and text[k] not in "：:":
            k += 1
        if k - j > 40:
            # Running text after a short heading on the same line: the title ends at
            # the first comma instead ((一)主动公开，全年…).
            k = j
            while k < e and text[k] not in _SENT_END and text[k] not in "，,：:":
                k += 1
        title = text[j:k].strip()
        if not title or k - j > 40:
            if e - i > 40:
                return None
        if level == 3 and k < e and text[k] in "，,":
            return None  # 1.有关情况，... is a list item, not a heading
        return level, text[i:k].strip(), k
    return None


def _sentences(text: str, lines: list[tuple[int, int]], heading_lines: dict[int, int],
               debris_lines: set[int]) -> list[tuple[int, int]]:
    """Sentence ranges. Sentences end at 。！？；, at a heading, at debris, and at a
    line break after a line that ends a sentence or is short; PDF text breaks lines
    inside sentences, so a long line running on does not end one."""
    out: list[tuple[int, int]] = []
    start: Optional[int] = None

    def close(end: int) -> None:
        nonlocal start
        if start is not None:
            while end > start and text[end - 1] in " \t\u3000\xa0\r\n":
                end -= 1
            if end > start:
                out.append((start, end))
        start = None

    for idx, (s, e) in enumerate(lines):
        if idx in debris_lines or not text[s:e].strip():
            close(s)
            continue
        if idx in heading_lines:
            close(s)
        i = s
        while i < e:
            ch = text[i]
            if start is None:
                if ch in " \t\u3000\xa0":
                    i += 1
                    continue
                start = i
            if ch in _SENT_END:
                # Keep closing quotes and brackets with the sentence they end.
                j = i + 1
                while j < e and text[j] in "”’）)」』":
                    j += 1
                close(j)
                i = j
                continue
            i += 1
        line = text[s:e].strip()
        # A heading line ends its sentence unless running text follows the heading on
        # the same line (（一）主动公开情况。2024 年，…各类政 / 府信息…).
        runs_on = idx in heading_lines and heading_lines[idx] < e and text[heading_lines[idx]:e].strip(_SENT_END + " \u3000")
        # A short line without punctuation is a line of its own (a title, a signature)
        # unless the next line goes on with a number: PDF text breaks 支出（类）/ 603.14万元.
        nxt = next((text[a:b].strip() for a, b in lines[idx + 1:idx + 3] if text[a:b].strip()), "")
        short_alone = len(line) < 25 and not _CLAUSE.search(line) and not nxt[:1].isdigit()
        if (idx in heading_lines and not runs_on) or (line and (line[-1] in _SENT_END + "：:" or short_alone)):
            close(e)
    close(len(text))
    return [piece for span in out for piece in _split_long(text, *span)]


# A sentence longer than this is cut at its last clause mark before the limit (，；、 or
# a space), or at the limit: no real sentence is that long, and every fact keeps a copy of
# its sentence, so a run-on text of n characters would otherwise cost n^2.
MAX_SENTENCE = 600
_CLAUSE_MARKS = "，,；;、 \t\n"


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS)
        cut = cut + 1 if cut > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _paragraphs(sentences: list[tuple[int, int]], text: str, heading_lines: dict[int, int],
                lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group sentences into paragraphs: a paragraph ends at a blank line, a heading, or a
    line break after a sentence end followed by an indented line (the way both web and
    PDF text start paragraphs)."""
    heading_starts = {lines[i][0] for i in heading_lines}
    out: list[tuple[int, int]] = []
    start: Optional[int] = None
    prev_end = 0
    for s, e in sentences:
        if start is not None:
            gap = text[prev_end:s]
            line_start = text.rfind("\n", 0, s) + 1
            new_block = ("\n" in gap and (gap.count("\n") > 1 or text[line_start:s].strip(" ") == ""
                                           and text[line_start:line_start + 1] in " \u3000\t"))
            if new_block or line_start in heading_starts and "\n" in gap:
                out.append((start, prev_end))
                start = None
        if start is None:
            start = s
        prev_end = e
    if start is not None:
        out.append((start, prev_end))
    return out


def analyze(text: str, known: Optional[dict[str, Optional[str]]] = None) -> Layout:
    """Read the layout of a report. ``known`` holds what the file says of itself apart from
    its text (a web page's ``title``, ``published`` and ``issuer``): the page's title is the
    title; the text's own date and body, where it prints them, come before the page's.

    >>> layout = analyze("土右旗2017年政府信息公开工作年度报告\\n\\n一、基本情况\\n共设窗口98个。办结率100%。")
    >>> layout.meta.title, layout.meta.issuer, layout.meta.report_year
    ('土右旗2017年政府信息公开工作年度报告', '土右旗', 2017)
    >>> [h.title for h in layout.headings]
    ['一、基本情况']
    >>> [layout_text for layout_text in (("土右旗2017年政府信息公开工作年度报告\\n\\n一、基本情况\\n共设窗口98个。办结率100%。")[s:e] for s, e in layout.sentences)][-2:]
    ['共设窗口98个。', '办结率100%。']
    """
    lines = _lines(text)
    debris_lines: set[int] = set()
    footer = False
    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        if footer or _DEBRIS_LINE.search(line):
            debris_lines.add(idx)
        if _FOOTER_START.match(line):
            footer = True
    title, title_last = _title(text, lines, debris_lines)
    known = known or {}
    known_title = known.get("title")
    if known_title:
        title = _SITE_SUFFIX.sub(r"\1", known_title.strip())
    delivered = _delivered(text, lines)
    # The document's own date: the day it was delivered, else its publication or cover date.
    published = delivered or _published(text, lines) or cover_month(text, lines) or known.get("published")
    kind = _kind(title, text)
    issuer = issuer_of(title, text, lines, kind) or known.get("issuer")
    layout = Layout(meta=ReportMeta(title=title, issuer=issuer, published=published, delivered=delivered,
                                    report_year=_report_year(title, text, published, kind, delivered), kind=kind))
    layout.debris = [lines[i] for i in sorted(debris_lines)]

    # line index -> where the heading's title ends on that line
    heading_lines: dict[int, int] = {i: lines[i][1] for i in range(title_last + 1)}
    stack: list[Section] = []
    for idx, (s, e) in enumerate(lines):
        if idx <= title_last or idx in debris_lines:
            continue
        found = _heading_at(text, s, e)
        if not found:
            continue
        level, htitle, title_end = found
        while stack and stack[-1].level >= level:
            stack.pop().end = s
        heading = Section(level=level, title=htitle, start=s, end=len(text),
                          path=[h.title for h in stack] + [htitle])
        stack.append(heading)
        layout.headings.append(heading)
        heading_lines[idx] = title_end
    layout.sentences = _sentences(text, lines, heading_lines, debris_lines)
    layout.paragraphs = _paragraphs(layout.sentences, text, heading_lines, lines)
    return layout
