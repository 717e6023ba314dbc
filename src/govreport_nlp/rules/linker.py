"""Tie each quantity to its subject: what the number measures (GUIDELINES.md).

Pure functions over the text, the word boundaries from the segmenter and the
quantities of one sentence; the ``govreport_linker`` component (``linker.py``) runs them
on a Doc. The rules follow the guidelines' patterns, not any one report:

* attribute before the number: 预算资金31.08亿元 -> 预算资金;
* counted noun after the classifier when the number is an object: 涉及18个单位 -> 单位;
* change after an indicator: 规模以上工业增加值增长5.1% -> 规模以上工业增加值, increase;
  a bare 同比增长1.5% takes the indicator of the quantity before it;
* verbs, time words, places and copulas around the phrase are stripped
  (截至11月底,共办理各类审批服务事项157675件 -> 审批服务事项).

Each rule is one function of ``subject_rules.py`` (named as ``Fact.subject_rule`` names
what it finds, links.SUBJECT_RULES); :func:`link_sentence` tries them in order.
A cut is made only where the segmenter put a word boundary, so that a stop word inside
a word (中 in 中标资金) does not cut it.
"""

from __future__ import annotations

from typing import Sequence

from ..models import Quantity
from .links import SUBJECT_RULES, Link
from .subject_rules import RULES, Item, Rule, Sentence

__all__ = ["Link", "SUBJECT_RULES", "link_next", "link_sentence"]


def link_sentence(text: str, sent_start: int, sent_end: int, quantities: Sequence[Quantity],
                  bounds: frozenset[int], rules: Sequence[Rule] = RULES) -> list[Link]:
    """Find subject and change for each quantity of one sentence, in order (see
    :func:`link_next`).

    ``bounds`` holds every word boundary offset from the segmenter.
    """
    sentence = Sentence(text, sent_start, sent_end, quantities, bounds)
    for idx in range(len(quantities)):
        link_next(sentence, idx, rules)
    return sentence.links


def link_next(sentence: Sentence, idx: int, rules: Sequence[Rule] = RULES) -> Link:
    """Link quantity ``idx`` of a sentence whose quantities before it are linked: the link
    of the first of ``rules`` that finds one (subject_rules.RULES), else a link without a
    subject. The link is added to ``sentence.links``."""
    item = Item(sentence, idx)
    for rule in rules:
        link = rule(item)
        if link is not None:
            break
    else:
        link = Link(change=item.phrase.change)
    sentence.links.append(link)
    sentence.prev_end = max(sentence.prev_end, item.reach)
    return link
