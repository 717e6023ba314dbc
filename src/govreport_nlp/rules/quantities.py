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

from ..models import Quantity
from ..numbers.units import UNITS

__all__ = ["StatRow", "find_stat_rows"]

_CELL_SEP = re.compile(r"\t|\s*\|\s*|\s{2,}")
_NUM = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
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
    """Every row of the form label | unit | number whose unit is a known unit.

    Read line by line (a line must end in a number to be looked at), so that long
    paragraphs cost one character test each.
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        body = line.rstrip(" \t\r|")
        if not body or not body[-1].isdigit() or len(body) > 200:
            continue
        cells = [c for c in _CELL_SEP.split(body.strip(" |")) if c]
        if len(cells) != 3:
            continue
        label_text, unit_text, num_text = cells
        if unit_text not in _ROW_UNITS or not _NUM.fullmatch(num_text) or not _HAN.search(label_text):
            continue
        scale = _SCALED_MONEY.get(unit_text)
        info = ("money", "元", None) if scale else UNITS.get(unit_text)
        if info is None:
            continue
        kind, unit, _ = info
        num = num_text.replace(",", "")
        value = Decimal(num) * scale if scale else Decimal(num)
        start = line_start + len(body) - len(num_text)
        end = start + len(num_text)
        label_start = line_start + line.index(label_text)
        subject = _NOTE.sub("", _NUMBERING.sub("", label_text)).strip()
        if len(subject) < 3:
            continue
        q = Quantity(text=text[start:end], start=start, end=end, value=value, unit=unit, kind=kind)
        out.append(StatRow(quantity=q, label_start=label_start, label_end=label_start + len(label_text),
                           subject=subject))
    return out
