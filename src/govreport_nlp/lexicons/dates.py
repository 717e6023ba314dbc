"""Words of dates (``rules/dates.py`` reads them): the relative year words of Chinese
official prose, the parts of a year and the words around a date. General usage of every
genre (GUIDELINES.md, "the year a text speaks from"), never a phrase of one report.

The grammar of a date (digits, 年/月/日, the plan names 十N五) stays in the rule; these
lists are its vocabulary, and the rule builds its regular expression from them at import.
"""

from __future__ import annotations

__all__ = ["AS_OF_WORDS", "BASELINE_OPENERS", "LAST_YEAR_WORDS", "PERIOD_OFFSETS", "PLAN_DOCUMENTS", "REVIEW_VERBS",
           "SPAN_BOUND_WORDS", "SPEAKING_OFFSETS", "YEAR_END_POINTS", "YEAR_END_WORDS", "YEAR_PARTS", "YEAR_POINTS",
           "YEAR_START_POINTS"]

# Words that open an as-of date (截至11月底, 截止到2024年末): the date is a point the
# figure is counted up to.
AS_OF_WORDS = ("截至到", "截至", "截止到", "截止")
# Documents a five-year plan's name stands before ("十四五"规划, 十三五计划): the name then
# names the document, not the plan's period.
PLAN_DOCUMENTS = ("规划", "计划", "纲要")
# Verbs that follow a bare span of years in a work report's review (五年累计…, 五年增加70%):
# the span is then the years reviewed.
REVIEW_VERBS = ("累计", "共", "增加", "增长", "投入", "减少", "提高", "下降", "新增", "建成", "完成", "实现",
                # (五年新设民营经营主体, 五年改造城镇老旧小区, 五年滚动实施重点项目, 五年跨过…台阶)
                "新设", "新建", "改造", "滚动实施", "实施", "引进", "培育", "跨过", "跨越", "迈上")
# Relative years whose end is named as one date (上年末, 去年底, 上年年末), in the order the
# rule tries them (a word before the shorter word it begins with).
YEAR_END_WORDS = ("上一年", "上年度", "上年", "去年", "前年", "本年度", "本年", "今年", "当年")
# Relative years that point from the moment of speaking, and their offsets from it
# (resolved on the delivery year).
SPEAKING_OFFSETS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
# …and those that point from the period the sentence describes (resolved on the year its
# section heading or sentence names, else the report year).
PERIOD_OFFSETS = {
    "上年同期": -1, "上年度": -1, "上一年": -1, "上年": -1,
    "本年度": 0, "全年": 0, "本年": 0, "本期": 0, "当年": 0, "年内": 0, "下年度": 1,
}
# The year just past, seen from the moment of speaking.
LAST_YEAR_WORDS = ("过去一年", "一年来")
# The end of the year a sentence describes (年末, 年底): a point in time, the year's last day…
YEAR_END_POINTS = ("年末", "年底")
# …and its start (年初): the year itself.
YEAR_START_POINTS = ("年初",)
# Both, as the rule reads them after a year (2024年末) or alone.
YEAR_POINTS = (*YEAR_END_POINTS, *YEAR_START_POINTS)
# Parts of a year: (first month, last month). A quarter may also be written with 第
# (第一季度): the rule adds that form.
YEAR_PARTS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3), "二季度": (4, 6),
              "三季度": (7, 9), "四季度": (10, 12)}
# Words right before a relative year's end that make it the baseline of a change
# (比上年末增长, 较去年底, 与上年末相比, 同上年末持平), not the figure's own date.
BASELINE_OPENERS = ("比", "较", "与", "同")
# Words after a year that make it the bound of a span (2017年以来, 三年来, 2020年前, 2018年起),
# not the year a sentence is about.
SPAN_BOUND_WORDS = ("以来", "来", "前", "之前", "起")
