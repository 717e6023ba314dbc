"""Words of units and table columns (``rules/quantities.py`` reads them): the units the
statistics tables of Chinese government reports print, the words of their column headers,
and the document nouns that make 本 "this" rather than a classifier. General usage of the
genres, never the wording of one report.

The rules keep the grammar (cells, numbers, separators) and build their regular
expressions from these lists at import.
"""

from __future__ import annotations

__all__ = ["CHANGE_COLUMN_WORDS", "DOCUMENT_NOUNS_AFTER_BEN", "LABEL_COLUMN_WORDS", "MONEY_SCALES", "PERCENT_COLUMN_WORDS",
           "ROW_UNITS"]

# The units of the indicator rows of the old FOI statistics tables (label | unit | number);
# others (款 in a budget's PDF columns) make no such row.
ROW_UNITS = frozenset({"条", "件", "次", "篇", "个", "人", "人次", "项", "家", "场", "期", "元", "万元", "亿元", "%", "％",
                       "份", "所"})
# Units of money that scale the number (万元: ten thousand yuan), by their factor to 元.
MONEY_SCALES = {"万元": 10**4, "亿元": 10**8}
# Words of a column header that make its numbers percents (占预算(%), 比上年增长, 比重).
PERCENT_COLUMN_WORDS = ("%", "％", "百分比", "比重", "增长", "增减", "下降", "占")
# Words of a column header that make its numbers changes against a baseline (比上年增长(%)).
CHANGE_COLUMN_WORDS = ("增长", "增减", "比上年", "同比")
# Words of the header of a table's label column (科目名称, 项目, 地区, 指标).
LABEL_COLUMN_WORDS = ("科目", "名称", "项目", "地区", "指标", "类别")
# Document nouns after which 本 is "this" (3.1本办法: section 3.1 of this regulation), not a
# classifier of volumes.
DOCUMENT_NOUNS_AFTER_BEN = ("办法", "条例", "规定", "规则", "细则", "意见", "通知", "决定", "方案", "规划", "法", "章", "节",
                            "条", "款")
