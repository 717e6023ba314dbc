"""Where a subject phrase begins and ends inside a clause: the stop words that cut it
(verbs whose object a number is, prepositions, time and scope words) and the fillers and
adverbs between a phrase and its number (共, 达, 约, 迅速). Pure functions over the text
and the segmenter's word boundaries, read by ``rules/linker.py``. A cut is made only where
the segmenter put a word boundary, so that a stop word inside a word does not cut it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from ..lexicons import subjects as lex
from .phrases import StopWord, clean as _clean, depths as _depths
from .topics import label_after_verb

__all__ = ["ADVERB_BEFORE", "FILLER", "GLUED_FILLERS", "STOP_RE", "VERBS", "alternation", "left_phrase", "stops",
           "strip_filler"]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# Copulas and modifiers between a phrase and its number (共, 达, 约为, 超过).
FILLER = re.compile(f"(?:{alternation(lex.FILLERS)})$")
GLUED_FILLERS = lex.GLUED_FILLERS
# Verbs whose object a number is (完成60亿元, 涉及18个单位).
VERBS = lex.OBJECT_VERBS
_OTHER_STOPS = lex.OTHER_STOPS
_TIME_WORDS = lex.BUDGET_TIME_WORDS
_BUDGET_HEADS = lex.BUDGET_HEADS
_FEE_SUFFIXES = lex.FEE_SUFFIXES
# Every word that ends a subject phrase on its left.
STOP_RE = re.compile(
    alternation(VERBS | _OTHER_STOPS)
    # 含 (including) stops a phrase, except in 不含 (not including).
    + r"|(?<!不)含|[0-9０-９]+\s*(?:年度?|月份?|日)"
)
# Adverbs of manner and degree that open the predicate (迅速|跃升至, 最|高达).
ADVERB_BEFORE = re.compile(f"(?:{alternation(lex.MANNER_ADVERBS)})$")
# Words inside a relative clause that names a category (…评级为“良”的项目): not its end.
_COPULAS = lex.RELATIVE_CLAUSE_WORDS


def strip_filler(text: str, lo: int, hi: int, bounds: frozenset[int]) -> int:
    """Move ``hi`` left over copulas and modifiers (共, 达, 为, 约, 超过) before a number;
    only whole words, so that 节约 in 资金节约 stays. 达/近/超 glued by the segmenter to
    the noun before them (粉丝达, 短视频近) go too, unless they end a word (送达, 附近)."""
    while hi > lo:
        while hi > lo and text[hi - 1] in " \t\n\u3000\xa0":
            hi -= 1
        m = FILLER.search(text, max(lo, hi - 4), hi)
        if m and m.start() >= lo and m.start() in bounds:
            hi = m.start()
            continue
        m = ADVERB_BEFORE.search(text, max(lo, hi - 3), hi)
        if m and m.start() > lo and m.start() in bounds:
            hi = m.start()  # 占规上工业比重首次超过50%: the adverb is the predicate's
            continue
        ch = text[hi - 1] if hi > lo else ""
        if ch in GLUED_FILLERS and hi - 1 > lo and text[hi - 2] not in GLUED_FILLERS[ch]:
            hi -= 1
            continue
        break
    return hi


@dataclass(frozen=True)
class _Opening:
    """A time word that opens the name of a budget line (年初预算): the phrase begins at
    it, as it would after a stop word (it answers ``start``/``end``/``group`` as a match)."""

    at: int

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at

    def group(self) -> str:
        return ""


def stops(text: str, lo: int, hi: int, bounds: frozenset[int]) -> list[StopWord]:
    """Stop words in text[lo:hi] that are whole words and not inside brackets. A verb
    before 费/金 is part of a noun (公务接待费); a time word before a budget head
    (年初预算, 本年收入合计, 上年结转) begins the phrase instead of ending one."""
    depths = _depths(text, lo, hi)
    out: list[StopWord] = []
    for m in STOP_RE.finditer(text, lo, hi):
        if m.start() in bounds and m.end() in bounds or m.group()[0].isdigit():
            if depths[m.start() - lo] != 0:
                continue
            word, rest = m.group(), text[m.end():hi]
            if word in VERBS and rest[:1] in _FEE_SUFFIXES:
                continue
            if word in _TIME_WORDS and rest.startswith(_BUDGET_HEADS):
                out.append(_Opening(m.start()))
                continue
            out.append(m)
    return out


def left_phrase(text: str, lo: int, hi: int, bounds: frozenset[int]) -> tuple[int, Optional[re.Match[str]]]:
    """Start of the subject phrase ending at ``hi``, and the stop word that stands right
    before ``hi`` (then the number is an object: 涉及18个单位, 完成60.86亿元).

    A 的 after a quoted term closes a relative clause that names a category
    (绩效评级为“良”的项目0个): the phrase keeps the clause."""
    found = stops(text, lo, hi, bounds)
    if found and found[-1].end() == hi and found[-1].group() in lex.NOUN_WHEN_FINAL:
        found.pop()  # 研发投入|12亿元: the verb is the noun here
    if found and found[-1].end() == hi and isinstance(found[-1], re.Match):
        # (an _Opening ends where it starts, before the budget head it opens: never at hi)
        return hi, found[-1]
    # 涉及|资金, 处理|处分: a generic or verbal noun alone after an object verb needs the verb.
    # (the word may be cut by a PDF line break, 涉及资\n金: the text, not the words, is compared)
    while found and found[-1].group() in VERBS and label_after_verb(_clean(text[found[-1].end():hi])):
        found.pop()
    while found and found[-1].group() == "的" and text[found[-1].start() - 1:found[-1].start()] in "”」’":
        found.pop()
        while found and found[-1].group() in _COPULAS:
            found.pop()
    return (found[-1].end() if found else lo), None
