"""Breakdowns after 其中: which quantities are parts of a total stated before them, and
which describe the part named last (``Fact.parent`` and ``Fact.context_of``).

Pure functions over the text and the subject links of ``rules/linker.py``; the
``govreport_linker`` component runs them after linking each sentence.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence

from ..models import Quantity
from .linker import Link

__all__ = ["link_breakdowns"]

_BREAKDOWN = re.compile(r"其中")
_BREAKDOWN_REACH = 400  # characters a 其中 breakdown may run on for
_BREAKDOWN_END = re.compile(r"[。；;]")


def _similar(a: Optional[str], b: Optional[str]) -> bool:
    """Same attribute named twice (预算资金 / 预算资金, 资金节约率 / 资金节约)."""
    if not a or not b:
        return False
    return a in b or b in a


def link_breakdowns(text: str, quantities: Sequence[Quantity], links: Sequence[Link]) -> list[tuple[Optional[str], Optional[str]]]:
    """``(parent, context_of)`` of each quantity in a breakdown after 其中.

    After 其中, a quantity with the unit of a total stated before it in the same
    sentence, and not the same attribute again, is a part of that total
    (其中,建设工程招投标项目179项 -> parent 进场交易项目); the other quantities describe
    the part named last (预算资金28.32亿元 -> context_of 建设工程招投标项目). Changes
    (同比增长1.5%) belong to their own indicator and take neither.
    """
    out: list[tuple[Optional[str], Optional[str]]] = [(None, None)] * len(quantities)
    marks = [m.start() for m in _BREAKDOWN.finditer(text)]
    if not marks:
        return out
    item: Optional[str] = None
    current_mark = -1
    for i, (q, link) in enumerate(zip(quantities, links, strict=True)):  # one link per quantity
        k = bisect.bisect_left(marks, q.start)  # the last 其中 before the number, in log time
        mark = marks[k - 1] if k else None
        if mark is None or q.start - mark > _BREAKDOWN_REACH or _BREAKDOWN_END.search(text, mark, q.start):
            continue
        if mark != current_mark:
            current_mark, item = mark, None
        if link.change or not link.subject:
            continue
        # Totals: same unit, before 其中, in the sentence that ends at it.
        sentence_start = text.rfind("。", 0, mark) + 1
        if not text[sentence_start:mark].strip(" \t\n\u3000（(，,："):
            sentence_start = text.rfind("。", 0, sentence_start - 1) + 1  # 。其中, opens a sentence
        totals = [j for j in range(i) if sentence_start <= quantities[j].start and quantities[j].end <= mark
                  and quantities[j].unit == q.unit and quantities[j].kind == q.kind and not links[j].change]
        if totals and not any(_similar(links[j].subject, link.subject) for j in totals):
            parent = links[totals[0]].subject
            if parent:
                out[i] = (parent, None)
                item = link.subject
                continue
        if item and item != link.subject:
            out[i] = (None, item)
    return out
