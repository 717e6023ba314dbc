"""Where a table's unit is printed and how its header is laid out (#28 item 2).

Budget, final-accounts and statistical tables print their unit once, in one of three places:

- on a line of its own above the table (``单位：万元``; read by rules/quantities.py);
- on the table's title line (``2025年一般公共预算支出表（单位：亿元）``,
  ``表2 一般公共预算支出表<TAB>单位：万元``): the unit of the whole table;
- in a column header (``预算数（亿元）``, ``年末数（万人）``, ``比重（%）``): the unit of that
  column, which wins over the table's.

Budget tables also print two tables side by side (收入 | 支出), each half a label column and
its numbers, the header repeating the label column (``预算科目 | 决算数 | 预算科目 | 决算数``).
Each half is a *panel*: a number's subject is the label of its own panel, and a row whose
left half is empty still has a right half.

The functions here read one line or one header at a time and cost time linear in it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ..lexicons import units as lex
from ..numbers.units import UNITS

__all__ = ["UnitInfo", "column_names", "column_units", "label_columns", "names_rows", "opens_table", "row_unit", "title_unit",
           "unit_of"]

UnitInfo = tuple[str, str, Decimal]
"""(kind, unit, factor): what a printed unit makes of the numbers under it (亿元 -> money, 元, 1e8)."""

_UNIT = r"(?P<unit>[^\s，,；;:：（）()\t]{1,5})"
# A title line: one cell of text (no tab inside it: a tab row is a header, and the FOI
# template's 本年收费金额（单位：万元） is a header cell, read by the template reader), then the
# unit in brackets or after a tab.
_TITLE_UNIT = re.compile(
    r"^[ \t\u3000]*(?P<title>[^\t]*?[\u4e00-\u9fff][^\t]*?)[ \u3000]*"
    r"(?:[（(][ \u3000]*(?:金额)?单位[ \u3000]*[:：][ \u3000]*" + _UNIT + r"[ \u3000]*[）)]"
    r"|\t[ \t\u3000]*(?:金额)?单位[ \u3000]*[:：][ \u3000]*" + _UNIT.replace("unit", "after_tab") + r")[ \t\u3000]*$")
_TITLE_MAX = 100  # a title is short; a paragraph ending in （单位：万元） is no title
# A unit in brackets at the end of a column header: 预算数（亿元）, 比重(%). The form with 单位：
# inside a header cell is left out (the FOI template's fee column: its own reader).
_COLUMN_UNIT = re.compile(r"[（(][ \u3000]*(?P<unit>[^\s（）()：:]{1,5})[ \u3000]*[）)][ \u3000]*$")
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")  # 产品名称 | 单位 | 产量: each row prints its unit
_SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
_NUMBER_CELL = re.compile(r"[ \u3000]*-?[0-9][0-9,]*(?:\.[0-9]+)?%?[ \u3000]*")
# A header cell that names a label column: a label word at its end (预算科目, 收入项目, 指标).
_LABEL_HEADER = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:" + "|".join(lex.LABEL_COLUMN_WORDS) + r")$")


def unit_of(unit_text: str) -> Optional[UnitInfo]:
    """The kind, unit and factor of a printed unit: 万元/亿元 are money in 元, 万/亿 before a
    unit of numbers/units.py multiply (万人 -> count 人 x 10000), ``%`` is a percent; None for
    text that is no unit.

    >>> unit_of("亿元"), unit_of("万人"), unit_of("%"), unit_of("合计")
    (('money', '元', Decimal('100000000')), ('count', '人', Decimal('10000')), ('percent', '%', Decimal('1')), None)
    """
    unit_text = unit_text.replace("％", "%")
    scale = lex.MONEY_SCALES.get(unit_text)
    if scale:
        return "money", "元", Decimal(scale)
    if unit_text in UNITS:
        return UNITS[unit_text]
    for prefix, factor in _SCALES.items():
        if unit_text.startswith(prefix) and unit_text[len(prefix):] in UNITS:
            kind, unit, own = UNITS[unit_text[len(prefix):]]
            return kind, unit, own * factor
    return None


def title_unit(line: str) -> Optional[str]:
    """The unit printed on a table's title line, as printed, or None.

    >>> title_unit("表2 一般公共预算支出表（单位：亿元）"), title_unit("表2 支出表\\t单位：万元")
    ('亿元', '万元')
    >>> title_unit("信息内容\\t本年收费金额（单位：万元）") is None
    True
    """
    if "单位" not in line or len(line) > _TITLE_MAX:
        return None
    m = _TITLE_UNIT.match(line)
    unit = (m.group("unit") or m.group("after_tab")) if m else None
    return unit if unit and unit_of(unit) else None


def column_units(header: list[str]) -> list[Optional[UnitInfo]]:
    """The unit each header cell prints in brackets at its end (``预算数（亿元）``), by column."""
    out: list[Optional[UnitInfo]] = []
    for cell in header:
        unit = None
        for part in cell.split("/"):  # a name over two lines (column_names): the lower unit wins
            m = _COLUMN_UNIT.search(part) if ")" in part or "）" in part else None
            unit = (unit_of(m.group("unit")) if m else None) or unit
        out.append(unit)
    return out


def opens_table(line: str, next_line: str) -> bool:
    """Whether ``line`` is the header of a table that prints its units in its column headers:
    a tab row without numbers, a column with a unit other than %, and a tab row of numbers
    after it (zhangjiajie's and hami's bulletins: ``指标 | 利润总额（亿元） | 比上年增长（%）``).
    A header whose only unit is % opens a table too when its first column names the labels
    (``指标 | 比重（%）``)."""
    if "\t" not in line or "\t" not in next_line:
        return False
    cells = line.split("\t")
    if any(_NUMBER_CELL.fullmatch(c) for c in cells):
        return False
    units = column_units(cells)
    if not any(units):
        return False
    if not any(u and u[0] != "percent" for u in units) and not _LABEL_HEADER.match(_squeeze(cells[0])):
        return False
    return any(_NUMBER_CELL.fullmatch(c) for c in next_line.split("\t")[1:])


def row_unit(cells: list[str], names: list[str]) -> Optional[UnitInfo]:
    """The unit a row prints in a 单位 (计量单位) column, for its columns that print none
    (``原煤 | 万吨 | 774`` -> 吨 x 10000); None without such a column or unit."""
    for k, name in enumerate(names):
        if k < len(cells) and _UNIT_COLUMN.match(_squeeze(name)):
            return unit_of(_squeeze(cells[k]))
    return None


def names_rows(cells: list[str]) -> bool:
    """Whether a row without numbers, met among the rows of a table, is a row of labels whose
    numbers are empty (``建筑施工企业利润收入 | | 解决历史遗留问题及改革成本支出 |``) rather than a
    header printed again: its first cell is text that names no label column and no cell
    prints a unit."""
    first = _squeeze(cells[0])
    return bool(re.search(r"[\u4e00-\u9fff]", first)) and not _LABEL_HEADER.match(first) and not any(
        column_units(cells))


def label_columns(header_rows: list[list[str]], width: int) -> list[int]:
    """The columns that hold row labels, for rows of ``width`` cells: the first, and each
    column whose header (on any line of a header printed over several) names a label column
    as the first does (``预算科目 … 预算科目``, ``收入项目 … 支出项目``). More than one makes
    panels: each label column begins one."""
    labels = {0}
    for row in header_rows:
        if len(row) != width or not _LABEL_HEADER.match(_squeeze(row[0])):
            continue
        labels.update(k for k, cell in enumerate(row) if k and _LABEL_HEADER.match(_squeeze(cell)))
    return sorted(labels)


def column_names(header_rows: list[list[str]], header: list[str], labels: list[int]) -> list[str]:
    """The column names of a header printed over two lines whose last line leaves the label
    column unnamed (``预算科目 | 预计数 | | 预算科目 | 预计数 |`` over ``| 全市 | 市级 | | 全市 | 市级``):
    each upper name spans the empty cells after it within its panel, and the names of a column
    are joined top to bottom (``预计数/全市``). Otherwise ``header`` itself."""
    width = len(header)
    upper = [row for row in header_rows if len(row) == width and row is not header and row != header]
    if not upper or _squeeze(header[0]) or not _squeeze(upper[-1][0]):
        return header
    starts = set(labels)
    names = [[] for _ in range(width)]  # type: list[list[str]]
    for row in [*upper, header]:
        spanning = ""
        for k, cell in enumerate(row):
            name = _squeeze(cell)
            if k in starts:
                spanning = ""
            if name:
                spanning = name if row is not header and k not in starts else ""
            elif spanning and k not in starts:
                name = spanning
            if name and (not names[k] or names[k][-1] != name):
                names[k].append(name)
    return ["/".join(n) for n in names]


def _squeeze(cell: str) -> str:
    return re.sub(r"\s+", "", cell)
