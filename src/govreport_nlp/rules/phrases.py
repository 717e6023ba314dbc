"""Text helpers of the subject linker: where a phrase begins, bracket depth, and the
clean-up that turns a phrase into a subject. Pure functions over strings, no word lists
of their own beyond punctuation.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..lexicons.divisions import DIVISION_LEVEL_CHARS
from .gazetteer import divisions

__all__ = ["BOUNDARY", "StopWord", "clause_start", "clean", "depths"]


class StopWord(Protocol):
    """A stop word found in the text (``clauses.stops``): a regex match, or a time word
    that opens a budget line and answers the same three questions."""

    def start(self) -> int: ...

    def end(self) -> int: ...

    def group(self) -> str: ...

# Punctuation that ends the phrase a subject can come from. 、 is not among them: a list
# of facts is split by the quantities themselves (政策类文件89条、政策解读20条), while
# 、 inside a phrase joins names (计算机、通信和其他电子设备制造业).
BOUNDARY = frozenset("，,；;。：:！？!?")
# (《》 too: a title's words are the title's, 《学习贯彻党的十九大精神专刊》 is one name)
_OPEN, _CLOSE = "（(《", "）)》"
_LIST_NUMBER = re.compile(r"^(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)])")
_FOOTNOTE = re.compile(r"\[[0-9]{1,2}\]|[①-⑩]")
_CLASS_MARK = re.compile(r"(?<=.)[（(][类款项][）)]$")


def clean(phrase: str) -> str:
    """A phrase as a subject: no spaces, note marks, list numbering, dangling conjunctions,
    leading place or budget classification mark, and quotes paired."""
    phrase = _FOOTNOTE.sub("", re.sub(r"\s+", "", phrase))  # 电信业务总量[4]: a note mark
    close = phrase.rfind("》")
    if 0 <= close < len(phrase) - 1 and "《" not in phrase[close:]:
        # 《…工作总体情况》及主合办人大代表建议: a document named before the thing counted.
        phrase = phrase[close + 1:].lstrip("及和与、")
    phrase = _LIST_NUMBER.sub("", phrase.strip("·-—、"))
    # A phrase cut before the next list item keeps no dangling conjunction (鲍鱼和).
    phrase = phrase.rstrip("和及与或、")
    # 住房保障支出（类）: the level of the budget classification is no part of the name.
    phrase = _CLASS_MARK.sub("", phrase)
    return _balance_quotes(_strip_place(phrase))


def _strip_place(phrase: str) -> str:
    """Drop a leading place name (万载县农业机械总动力 -> 农业机械总动力): the place says
    where, like 全县 does, not what is measured."""
    for size in (6, 5, 4, 3, 2):
        if len(phrase) > size + 1 and phrase[:size] in divisions() and phrase[size - 1] in DIVISION_LEVEL_CHARS:
            return phrase[size:]
    return phrase


_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "\"": "\"", "'": "'"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _balance_quotes(phrase: str) -> str:
    """Drop quotes at the ends that are not paired inside: “两院”院士 keeps its pair,
    政务微信发布信息” loses its stray closer."""
    while phrase and phrase[0] in _PAIRS and _PAIRS[phrase[0]] not in phrase[1:]:
        phrase = phrase[1:]
    while phrase and phrase[-1] in _CLOSERS and _CLOSERS[phrase[-1]] not in phrase[:-1]:
        phrase = phrase[:-1]
    return phrase


def depths(text: str, lo: int, hi: int) -> list[int]:
    """Bracket depth at each offset of text[lo:hi], counted from ``hi`` leftwards."""
    out = [0] * (hi - lo + 1)
    depth = 0
    for i in range(hi - 1, lo - 1, -1):
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN and depth:
            depth -= 1
        out[i - lo] = depth
    return out


def clause_start(text: str, lo: int, hi: int) -> int:
    """Where the phrase ending at ``hi`` begins: after the last boundary punctuation
    outside brackets (居民消费价格（CPI） keeps its brackets)."""
    depth = 0
    i = hi - 1
    while i >= lo:
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and ch in BOUNDARY and not (ch in ",，" and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
            return i + 1  # (a thousands separator, 631,600, ends no clause)
        i -= 1
    return lo


