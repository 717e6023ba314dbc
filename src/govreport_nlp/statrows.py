"""Rows of the statistics tables older FOI reports print (统计指标 | 单位 | 统计数).

Before the 2019 template, annual FOI reports carried a national statistics table with
one indicator per row: its label, its unit, its number, in that order::

    （一）主动公开政府信息数（不同渠道和方式公开相同信息计1条)	条	1683
    其中：主动公开规范性文件数	条	4

The scanner reads numbers followed by their unit, so these rows need their own reader:
the number is the quantity, the unit column its unit, the label (without its numbering,
其中 and notes in brackets) its subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .models import Quantity
from .units import UNITS

__all__ = ["StatRow", "find_stat_rows"]

_ROW = re.compile(
    r"^(?P<label>[^\t\n|]*?[\u4e00-\u9fff][^\t\n|]*?)(?:\t|\s{2,}|\s*\|\s*)"
    r"(?P<unit>[\u4e00-\u9fff%％]{1,3})(?:\t|\s{2,}|\s*\|\s*)(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*\|?\s*$",
    re.M,
)
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]+、|其中[：:])+")
_NOTE = re.compile(r"[（(][^（）()]*[）)]\s*$")
_SCALED_MONEY = {"万元": 10**4, "亿元": 10**8}
# The units these tables use; others (款 in a budget's PDF columns) are not such rows.
_ROW_UNITS = {"条", "件", "次", "篇", "个", "人", "人次", "项", "家", "场", "期", "元", "万元", "亿元", "%", "％", "份", "所"}


@dataclass
class StatRow:
    """One indicator row: its quantity, the label's range and the subject read from it."""

    quantity: Quantity
    label_start: int
    label_end: int
    subject: str


def find_stat_rows(text: str) -> list[StatRow]:
    """Every row of the form label | unit | number whose unit is a known unit."""
    out = []
    for m in _ROW.finditer(text):
        unit_text = m.group("unit")
        if unit_text not in _ROW_UNITS:
            continue
        scale = _SCALED_MONEY.get(unit_text)
        info = ("money", "元", None) if scale else UNITS.get(unit_text)
        if info is None:
            continue
        kind, unit, _ = info
        num = m.group("num").replace(",", "")
        value = Decimal(num) * scale if scale else Decimal(num)
        start, end = m.span("num")
        label = _NUMBERING.sub("", m.group("label"))
        subject = _NOTE.sub("", label).strip()
        if len(subject) < 3 or re.search(r"\s{2,}", subject):
            continue
        q = Quantity(text=text[start:end], start=start, end=end, value=value, unit=unit, kind=kind)
        out.append(StatRow(quantity=q, label_start=m.start("label"), label_end=m.end("label"), subject=subject))
    return out
