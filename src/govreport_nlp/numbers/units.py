"""Unit tables for the numeric normalizer, grouped by the kind of quantity they make.

Each table maps a unit as written to ``(kind, unit as reported, factor)``. The factor
scales the number (‰ -> /10 percent, 成 -> x10 percent). The normalizer compiles one
alternation from these tables at import, longest unit first.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["ONE", "UNITS", "UNIT_PATTERN"]

ONE = Decimal(1)

# Money: the report's currency words. 人民币 as a prefix is handled by the normalizer.
_MONEY = ["元", "美元", "欧元", "日元", "港元", "港币", "台币", "新台币", "澳门元", "英镑", "澳元", "加元", "新加坡元",
          "卢布", "韩元", "泰铢", "瑞士法郎", "法郎", "卢比"]
# Spellings of a currency that report it under its usual name.
_MONEY_SPELLINGS = {"美圆": "美元", "人民币": "元", "元人民币": "元"}
# Rates (11192元/㎡, 1200万吨/年, 30微克/立方米, 103.9部/百人): any money, count or measure
# unit over one of these; the unit is kept as written and the kind is the numerator's.
_DENOMINATORS = [
    "㎡", "平方米", "立方米", "吨", "人", "百人", "千人", "万人", "亩", "公顷", "斤", "公斤", "千克",
    "户", "百户", "件", "月", "年", "日", "天", "小时", "次", "千瓦时", "度", "公里", "辆", "台",
]

# Counts: classifiers as written. 个 is listed alone; 个+unit forms are below.
_COUNT = [
    "项", "个", "人", "件", "条", "篇", "期", "场", "家", "名", "次", "户", "所", "起", "部",
    "只", "头", "艘", "台", "套", "辆", "座", "处", "栋", "间", "张", "份", "本", "册", "批",
    "种", "类", "大类", "位", "支", "例", "宗", "笔", "封", "根", "棵", "株", "匹", "架",
    "枚", "颗", "粒", "人次", "户次", "件次", "家次", "批次", "门", "首", "则", "幅", "轮",
    "床", "所次", "贝壳", "口", "款", "组", "队", "单", "帧", "集", "课时", "学时",
    "网点", "站", "条次", "车次", "架次", "班次", "场次", "人日", "部门", "对",
    "辆次", "艘次", "台次", "例次", "项次", "航次", "篇次", "期次", "羽",
    # Equipment counted in sets as well as units, as budget reports print it; homes in
    # sets or rooms (3.8万套（间）保障性租赁住房: anhui_province_work_report_2026_excerpt).
    "台（套）", "台(套)", "台套", "台件", "套（间）", "套(间)",
    "块", "双", "标台", "列", "对次",
    # Places and bodies counted without a classifier, as audit reports print them
    # (36 省市, 66 县, 6 部委: central_audit_rectification_report_2023_excerpt).
    "省", "省市", "省份", "省区市", "县", "县区", "县市区", "部委",
]

# Measures: reported in the written unit, 万/亿 expanded.
_MEASURE = [
    "吨", "总吨", "公斤", "千克", "克", "斤", "万斤", "公里", "千米", "米", "厘米", "毫米",
    "平方米", "平方公里", "平方千米", "㎡", "亩", "公顷", "立方米", "千瓦", "千瓦时", "兆瓦",
    "度", "升", "吨标准煤", "标准箱", "标箱", "兆瓦时", "千伏安", "千伏", "延长米",
    "车公里", "人公里", "吨公里", "标准亩", "千公顷", "微克", "毫克",
    # Ages, temperatures and scores (人均预期寿命78.5岁, 19.0℃, 平均得分99.43分).
    "岁", "周岁", "℃", "摄氏度", "分", "分贝", "公分",
    # Latin unit symbols, and computing power (4.8万P: anhui_province_work_report_2026_excerpt).
    "cm", "mm", "km", "kg", "P", "EFlops", "EFLOPS", "PFlops",
]

# Durations. 个月/个工作日/个小时 are added below; 日 and 年 are filtered in context
# (9月10日 and 2017年 are dates, not durations).
_DURATION = ["年", "天", "日", "工作日", "小时", "分钟", "周", "秒", "个月", "个工作日", "个小时", "个周", "个星期", "星期"]

UNITS: dict[str, tuple[str, str, Decimal]] = {}
for _u in _COUNT:
    UNITS[_u] = ("count", _u, ONE)
for _u in _MEASURE:
    UNITS[_u] = ("measure", _u, ONE)
for _u in _DURATION:
    UNITS[_u] = ("duration", _u[1:] if _u.startswith("个") else _u, ONE)
for _u in _MONEY:
    UNITS[_u] = ("money", _u, ONE)
# Rates take the kind of their numerator; built before 个月 and the percents are added,
# so no duration or percent becomes a numerator.
_NUMERATORS = [u for u, (kind, _, _) in UNITS.items() if kind in ("money", "count", "measure")]
for _u in _NUMERATORS:
    for _d in _DENOMINATORS:
        if _d != _u:
            UNITS.setdefault(f"{_u}/{_d}", (UNITS[_u][0], f"{_u}/{_d}", ONE))
for _u in ("%", "％"):
    UNITS[_u] = ("percent", "%", ONE)
# 5亿人民币 / 5亿元人民币: the currency word after the number; 美圆 for 美元.
for _u, _reported in _MONEY_SPELLINGS.items():
    UNITS[_u] = ("money", _reported, ONE)
# °C is ℃ written with a degree sign.
UNITS["°C"] = UNITS["℃"] = ("measure", "℃", ONE)
UNITS["‰"] = ("percent", "%", Decimal("0.1"))
UNITS["成"] = ("percent", "%", Decimal(10))
# A multiple is a percent (GUIDELINES): 增长1.5倍 is an increase of 150%, 提高一倍 of 100%.
UNITS["倍"] = ("percent", "%", Decimal(100))
for _u in ("个百分点", "百分点"):
    UNITS[_u] = ("percent_point", "百分点", ONE)
# A per-mille point is a tenth of a percentage point (下降1.15个千分点 = 0.115 百分点).
for _u in ("个千分点", "千分点"):
    UNITS[_u] = ("percent_point", "百分点", Decimal("0.1"))

# Longest first so that 千瓦时 wins over 千瓦 and 个工作日 over 个. A rate is a numerator
# and an optional /denominator (one short alternation each, not every pair spelled out),
# and a unit that is only a numerator of rates is still a unit.
_SIMPLE = [u for u in UNITS if "/" not in u]
_RATE = "|".join(sorted((re.escape(d) for d in _DENOMINATORS), key=len, reverse=True))
UNIT_PATTERN = (
    "(?:" + "|".join(sorted((re.escape(u) for u in _SIMPLE), key=len, reverse=True)) + ")"
    + f"(?:/(?:{_RATE}))?"
)
