"""Subjects named away from the number (GUIDELINES.md, "Subject"): a topic line above a
sentence that opens with a bare verb, the items of an ``X、Y等`` list, and the indicator
of a ``从A增加到B`` pair. Pure functions over the text and the segmenter's word
boundaries; ``rules/linker.py`` calls them where its own rules find no noun phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from ..lexicons import subjects as lex
from .phrases import StopWord, clean, depths

__all__ = ["FROM", "category_after", "event_after_consecutive", "heading_lead", "label_after_verb", "list_before_deng", "opener_cut", "skip_adverbs", "to_next"]

# A short line of its own, with or without a list mark (——农林水支出。, （三）增值税。): it
# names the topic of the sentences under it (完成1051.73亿元，占预算的101.4%).
# (Line breaks may have been left out of the text it reads: a list mark or the end of the
# sentence before opens the line too.)
_LEAD = re.compile(
    r"(?:(?:^|(?<=[\n。；;：:]))[ \t\u3000]*(?:——|—|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)?"
    r"|——|—)[ \t\u3000]*([^，,；;。：:！？!?\n—]{2,16})。[ \t\u3000\n]*$")
# 从/由 before the first number of a pair, with the year of the start (从2020年的110.4亿元).
FROM = re.compile(r"(?:从|由)\s*(?:[0-9]{4}\s*年(?:底|末)?的?)?\s*$")
# What stands between the two numbers of the pair: a verb of change ending in 到/至/为.
_TO = re.compile(r"^\s*[\u4e00-\u9fff]{0,4}?(?:到|至|为)\s*(?:[0-9]{4}\s*年(?:底|末)?的?)?\s*$")
_SPACE = " \t\n\u3000"
_ADVERB = re.compile("|".join(map(re.escape, sorted(lex.MANNER_ADVERBS, key=len, reverse=True))))


def heading_lead(text: str, sent_start: int) -> Optional[tuple[str, int]]:
    """The topic a short line right before ``sent_start`` names, and where it starts.

    >>> heading_lead("——农林水支出。完成1051.73亿元", 8)
    ('农林水支出', 2)
    >>> heading_lead("全年办理申请12件，其中。完成", 15) is None
    True
    """
    m = _LEAD.search(text, max(0, sent_start - 40), sent_start)
    if m is None:
        return None
    return clean(m.group(1)), m.start(1)


def to_next(between: str) -> bool:
    """Whether the text between two numbers makes them the two ends of one change
    (80户|增加到|810户, 14.7%|降至|13%)."""
    return _TO.match(between) is not None


def list_before_deng(text: str, lo: int, deng: int, stops: Sequence[StopWord]) -> Optional[int]:
    """Where the list that ends at 等 (``deng``) begins: 加上上级补助收入、债务转贷收入、
    上年结余等141.3亿元 -> the start of 上级补助收入. The items are what is counted; verbs
    inside them (补助, 安排) do not cut them, other stop words before the first 、 do.
    None when no 、 list stands before 等."""
    level = depths(text, lo, deng)
    first = next((i for i in range(lo, deng) if text[i] == "、" and level[i - lo] == 0), -1)
    if first <= lo:
        return None
    cut = [m for m in stops if m.end() <= first and m.group() not in lex.OBJECT_VERBS]
    start = cut[-1].end() if cut else lo
    while start < first and text[start] in _SPACE:
        start += 1
    return start if first - start >= 2 else None


def label_after_verb(word: str) -> bool:
    """Whether ``word``, standing alone between an object verb and the number, needs the
    verb to be a label (涉及|资金, 处理|处分): a generic measure noun or a verbal noun."""
    return word in lex.LABEL_AFTER_VERB


def opener_cut(text: str, pos: int, stop: int, bounds: frozenset[int]) -> int:
    """Where a counted noun that starts at ``pos`` ends, at the first whole word (of at most
    three characters) that opens its predicate (12家所属单位|已终止…), else ``stop``.

    >>> opener_cut("所属单位已终止合作", 0, 9, frozenset({0, 2, 4, 5, 7, 9}))
    4
    """
    for i in range(pos + 1, stop):
        if i in bounds:
            for j in range(i + 1, min(stop, i + 3) + 1):
                if j in bounds or j == stop:
                    if text[i:j] in lex.PREDICATE_OPENERS:
                        return i
                    break
    return stop


def skip_adverbs(text: str, start: int, end: int, bounds: frozenset[int]) -> int:
    """Past the whole-word adverbs that open a phrase (已|追回资金): they are the predicate's.

    >>> skip_adverbs("已追回资金", 0, 5, frozenset({0, 1, 3, 5}))
    1
    """
    m = _ADVERB.match(text, start, end)
    while m and m.end() in bounds and end - m.end() >= 2:
        start = m.end()
        m = _ADVERB.match(text, start, end)
    return start


# After a run of numbers (、 between them, a bracket of shares after them), a state named by
# an aspect word and its verb, up to the end of the clause: what the numbers count.
_STATE_AFTER = re.compile(
    rf"(?:\s*[、和及]\s*[0-9０-９.．一二三四五六七八九十百千万亿多余]+\s*[{lex.STATE_COUNT_UNITS}]?)*\s*"
    r"(?:[（(][^（）()]{0,30}[）)]|[）)])?\s*"
    rf"(?P<state>(?:{'|'.join(lex.STATE_ASPECTS)})[\u4e00-\u9fff]{{1,8}}?)(?=[，,；;。：:]|$)")


def category_after(text: str, end: int, limit: int) -> Optional[tuple[str, int]]:
    """The state a run of counts is in, named after it (1691个、513个（占94%、62%）已完成整改
    -> 已完成整改), with where it starts; None when no such state follows the numbers.

    >>> category_after("有1691个、513个（占94%、62%）已完成整改；", 6, 27)
    ('已完成整改', 21)
    """
    m = _STATE_AFTER.match(text, end, limit)
    return (m.group("state"), m.start("state")) if m else None


# What 连续 N 个月/年/次 counts: the event after it, up to the end of the clause, when that
# names no number of its own (连续24个月保持两位数增长, 连续4次获评全国优秀).
_EVENT = re.compile(r"[\u4e00-\u9fff“”]{2,14}?(?=[，,；;。、]|$)")


def event_after_consecutive(text: str, start: int, end: int, limit: int) -> Optional[tuple[str, int]]:
    """The event a 连续 count counts, with where it starts, or None.

    >>> t = "增长30.4%、连续24个月保持两位数增长。"
    >>> event_after_consecutive(t, t.index("24"), t.index("保"), len(t))
    ('保持两位数增长', 14)
    """
    if not text.endswith("连续", max(0, start - 2), start):
        return None
    m = _EVENT.match(text, end, limit)
    return (m.group(), end) if m else None
