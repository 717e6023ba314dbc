"""What the subject linker gives for one quantity (:class:`Link`) and the names of the
rules that choose a subject (``Fact.subject_rule``, explained in docs/facts.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..models import Change, SubjectRule

__all__ = ["Link", "SUBJECT_RULES"]

# The rules that choose a subject, as ``Fact.subject_rule`` names them (docs/facts.md).
SUBJECT_RULES = {
    "attribute_before": "the noun phrase before the number (预算资金|31.08亿元)",
    "counted_noun_after": "the noun after the classifier (18个|单位)",
    "before_verb": "the phrase before the verb whose object the number is (房地产投资|完成60亿元)",
    "verb": "the verb itself when nothing names the thing (答复|3050件)",
    "outcome_category": "a negated or 其他 verb naming a category (不予处理80件, 无法提供)",
    "respectively": "the items of a 分别 enumeration paired with the numbers",
    "list_item": "the item before, for every number of a list sharing a change (分别增长5.1%、3.2%)",
    "budget_line": "the budget line of a completion rate (完成年初预算的98.2%)",
    "share_of": "the noun after 的 of a share (全省近80%的|基础研究项目)",
    "change_indicator": "the indicator of the quantity before, for a change (同比增长1.5%)",
    "previous_quantity": "the subject of the quantity before, when nothing else names one (占79%)",
    "table_row": "the row label of a statistics table (label | unit | number)",
    "table_cell": "the row label of a table whose unit is stated above it (单位：万元); the column is in Fact.column",
    "heading_lead": "the topic of a short line above a sentence that opens with a bare verb (——农林水支出。|完成1051.73亿元)",
    "from_to": "the indicator before 从/由, for both ends of a change (企业从80户增加到810户)",
    "list_before_deng": "the items of a list that ends in 等 before the number (上级补助收入、上年结余等|141.3亿元)",
}


@dataclass
class Link:
    """What the linker found for one quantity."""

    subject: Optional[str] = None
    change: Optional[Change] = None
    subject_start: Optional[int] = None
    rule: Optional[SubjectRule] = None  # which rule chose the subject (see SUBJECT_RULES)
