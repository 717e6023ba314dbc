"""How the prose of an FOI annual report restates its own template tables, as data.

The section 依申请公开 and the section on 复议/诉讼 retell 表三 and 表四 in sentences
(``共受理政府信息公开申请1295件，办结1191件``, ``予以公开及部分公开208件（17.46%）``,
``行政复议351件，其中结果维持72件``), and the section 主动公开 sometimes 表二's fees.
Each entry names the words that open such a number (matched on the clause before it,
whitespace removed: PDF text breaks lines inside words) and the cells it may restate,
the most usual reading first. The wording is the templates' own (2019 and 2021 editions,
``../shared/corpus/TEMPLATE_TABLES.md``) and the verbs reports use for it.
``rules/consistency.py`` reads these tables.
"""

from __future__ import annotations

__all__ = ["APPLICANT_WORDS", "CARRY", "COUNT_UNITS", "NARRATIVE_CELLS", "OTHER_YEAR_WORDS", "SHARE_DENOMINATORS", "SHARE_NOUNS",
           "SHARE_WHOLES", "TABLE4_RESULTS", "TOPIC"]

# The rows of 表三 for this year's new requests and those carried over from last year.
NEW = "本年新收政府信息公开申请数量"
# The names (of NARRATIVE_CELLS below) of a carry-over, in or out: they win over the verbs
# of handling around them.
CARRY = frozenset({"carried_over", "carried_forward"})
CARRIED = "上年结转政府信息公开申请数量"

# (name, clause pattern, the cells it may restate as (table, row, column)). A row of
# several keys joined by "+" is their sum; a row that is a group (不予公开) is the sum of
# its rows. When two patterns match, the one ending nearer the number wins, then the
# longer: 予以公开及部分公开 over 部分公开; a carry-over (CARRY) wins over the verbs of
# handling around it (转下一年度办理答复的有1件).
NARRATIVE_CELLS = [
    # 收到/受理 申请: new requests; some reports count the carried-over ones in the total.
    ("received", r"(?:收到|受理|接收|接到|新收|登记|新增)(?:(?!复议|诉讼)[^，。；]){0,24}?申请|申请(?:总量|总数)",
     [("table3", NEW, "总计"), ("table3", f"{NEW}+{CARRIED}", "总计")]),
    ("carried_over", r"上一?年度?结转", [("table3", CARRIED, "总计")]),
    ("carried_forward", r"(?:结转|转入?|顺延|延)(?:到|至|入)?(?:下一?年|(?:19|20)\d{2}年)",
     [("table3", "结转下年度继续办理", "总计")]),
    # 办结/答复: the requests decided this year (the 总计 row). 办理 alone may mean either.
    ("answered", r"办结|(?<!公开)(?<!提供)(?<!处理)答复|(?:办理|处理)完(?:毕|成|结)", [("table3", "总计", "总计")]),
    ("handled", r"(?<!依法)办理", [("table3", "总计", "总计"), ("table3", NEW, "总计")]),
    ("released_in_whole_or_part", r"(?:予以|同意|准予)公开(?:答复)?(?:及|和|与|或)部分公开",
     [("table3", "予以公开+部分公开", "总计")]),
    ("released", r"(?:予以|同意|准予|全部)公开", [("table3", "予以公开", "总计")]),
    ("released_in_part", r"部分公开", [("table3", "部分公开", "总计")]),
    ("refused", r"不予公开", [("table3", "不予公开", "总计")]),
    ("not_available", r"无法提供", [("table3", "无法提供", "总计")]),
    ("not_processed", r"不予处理", [("table3", "不予处理", "总计")]),
    ("other_processing", r"其他处理", [("table3", "其他处理", "总计")]),
    ("review", r"行政复议", [("table4", "行政复议", "总计")]),
    ("litigation", r"行政诉讼", [("table4", "行政诉讼", "总计")]),
    ("fees", r"行政事业性收费", [("table2", "行政事业性收费", "本年收费金额")]),
]

# 表四's result columns as the prose names them, after 行政复议/行政诉讼 in the sentence
# (``行政诉讼46件，其中结果维持25件``).
TABLE4_RESULTS = [
    (r"(?:结果)?维持", "结果维持"),
    (r"(?:结果)?纠正|纠错", "结果纠正"),
    (r"其他结果", "其他结果"),
    (r"尚未审结|未审结|正在审理", "尚未审结"),
]

# 表三's applicant columns as the prose names them after a count of requests
# (收到申请75件，涉及自然人72件、商业企业3件): the cells of the row that count restates.
APPLICANT_WORDS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构")

# The counters the template counts in: a number in other units restates no cell.
COUNT_UNITS = frozenset({"件", "条", "起", "个", "宗", "项", "次", "例"})

# What a percentage after a count is a share of, in the order reports use: the requests
# decided (总计), the new ones, the new and carried-over ones.
SHARE_DENOMINATORS = [("table3", "总计", "总计"), ("table3", NEW, "总计"),
                      ("table3", f"{NEW}+{CARRIED}", "总计")]

# A sentence restates the tables only where it speaks of requests for information or
# of their review: 受理行政复议3起 alone may be every review the body faced.
TOPIC = r"申请|信息公开"

# What a percentage right after a count is a share of, after 占 and before an optional 的
# (208件（占总数的17.46%）, 15件，占申请总量的79%): the words between the count and its share.
SHARE_WHOLES = ("总数", "申请总数", "申请总量", "全部申请", "办结总数")
# Nouns of a share between a count and its percentage, before an optional 为 (比例为79%).
SHARE_NOUNS = ("比例", "比重")

# Words of a year other than the report's own (上年受理…, 去年办结…): a clause that names one
# restates no cell of this year's tables.
OTHER_YEAR_WORDS = ("上一年", "上年", "去年", "前年", "下一年", "下年")
