"""The FOI annual report templates (政府信息公开工作年度报告格式, 2019 and 2021 editions) as
data: the rows of 表二/表三/表四 with the label patterns that find them and their columns.
The patterns are the templates' own wording (matched on text without whitespace), see
``../shared/corpus/TEMPLATE_TABLES.md``; ``rules/tables.py`` and ``rules/table_cells.py``
read them (the headings and words that tell the editions apart too).
"""

from __future__ import annotations

__all__ = ["APPLICANTS", "AFTER_TABLES", "MONEY_COLUMNS", "NOT_A_CELL_BEFORE", "T2", "T3_ROWS", "TABLE2_HEADING",
           "TABLE3_HEADING", "TABLE4_COLUMNS", "TABLE4_GROUPS", "TABLE4_HEADER_ENDS", "TEMPLATE_2019_WORDS",
           "TEMPLATE_2021_WORDS"]

# 表三's columns: the kinds of applicant and their total.
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
# 表四's row groups and columns.
TABLE4_GROUPS = ["行政复议", "行政诉讼.未经复议直接起诉", "行政诉讼.复议后起诉"]
TABLE4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# 表三 rows in template order: (key, label pattern). The label patterns are the
# template's own wording, tolerant of line breaks (matched on text without whitespace).
T3_ROWS = [
    ("本年新收政府信息公开申请数量", r"本年新收"),
    ("上年结转政府信息公开申请数量", r"上年结转"),
    ("予以公开", r"予以公开"),
    ("部分公开", r"部分公开"),
    ("不予公开.属于国家秘密", r"属于国家秘密"),
    ("不予公开.其他法律行政法规禁止公开", r"其他法律行政法规禁止公开"),
    ("不予公开.危及三安全一稳定", r"危及"),
    ("不予公开.保护第三方合法权益", r"保护第三方合法权益"),
    ("不予公开.属于三类内部事务信息", r"三类内部事务信息"),
    ("不予公开.属于四类过程性信息", r"四类过程性信息"),
    ("不予公开.属于行政执法案卷", r"行政执法案卷"),
    ("不予公开.属于行政查询事项", r"行政查询事项"),
    ("无法提供.本机关不掌握相关政府信息", r"本机关不掌握"),
    ("无法提供.没有现成信息需要另行制作", r"没有现成信息"),
    ("无法提供.补正后申请内容仍不明确", r"补正后申请内容仍不明确"),
    ("不予处理.信访举报投诉类申请", r"信访举报投诉"),
    ("不予处理.重复申请", r"重复申请"),
    ("不予处理.要求提供公开出版物", r"公开出版物"),
    ("不予处理.无正当理由大量反复申请", r"大量反复申请"),
    # Short label starts: PDF text wraps long labels around the row's numbers.
    ("不予处理.要求行政机关确认或重新出具已获取信息", r"确认或重新"),
    ("其他处理.申请人无正当理由逾期不补正", r"逾期不补"),
    ("其他处理.申请人逾期未按收费通知要求缴纳费用", r"未按收费通知"),
    ("其他处理.其他", r"[3３][.．、]其他"),
    ("其他处理", r"[（(]六[）)]其他处理"),
    ("总计", r"[（(]七[）)]总计"),
    ("结转下年度继续办理", r"结转下年度继续办理"),
]

# 表二 by template: (row key, label pattern, columns, unit of money columns).
T2 = {
    "2021": [
        ("规章", r"规章", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        ("行政规范性文件", r"(?:行政)?规范性文件", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        ("行政许可", r"行政许可", ["本年处理决定数量"]),
        ("行政处罚", r"行政处罚", ["本年处理决定数量"]),
        ("行政强制", r"行政强制", ["本年处理决定数量"]),
        ("行政事业性收费", r"行政事业性收费", ["本年收费金额"]),
    ],
    "2019": [
        ("规章", r"规章", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        ("规范性文件", r"规范性文件", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        ("行政许可", r"行政许可", ["上一年项目数量", "本年增减", "处理决定数量"]),
        ("其他对外管理服务事项", r"其他对外管理服务事项", ["上一年项目数量", "本年增减", "处理决定数量"]),
        ("行政处罚", r"行政处罚", ["上一年项目数量", "本年增减", "处理决定数量"]),
        ("行政强制", r"行政强制", ["上一年项目数量", "本年增减", "处理决定数量"]),
        ("行政事业性收费", r"行政事业性收费", ["上一年项目数量", "本年增减"]),
        ("政府集中采购", r"政府集中采购", ["采购项目数量", "采购总金额"]),
    ],
}
# The columns printed in 万元.
MONEY_COLUMNS = frozenset({"本年收费金额", "采购总金额"})

# --- headings and editions (rules/tables.py) ---

# The heading of 表二 as both editions print it (二、主动公开政府信息情况)…
TABLE2_HEADING = "主动公开政府信息情况"
# …and of 表三 (三、收到和处理政府信息公开申请情况): the table starts at the one its first row
# follows closely.
TABLE3_HEADING = "收到和处理政府信息公开申请情况"
# The last words of 表四's header (…结果维持 结果纠正 其他结果 尚未审结 总计): its cells follow
# the last of them.
TABLE4_HEADER_ENDS = ("总计", "审结", "结果")
# Headings of the sections that follow the tables in both editions: 表四 ends before them.
AFTER_TABLES = ("存在的主要问题", "其他需要报告的事项")
# Words only the 2021 edition prints (表二's 本年制发件数, 表四's title 因政府信息公开工作被申请
# 行政复议): a report that prints one is of that edition.
TEMPLATE_2021_WORDS = ("本年制发件数", "因政府信息公开工作被申请行政复议", "本年处理决定数量")
# Words only the 2019 edition prints (表二's column headers).
TEMPLATE_2019_WORDS = ("本年新制作数量", "上一年项目数量")

# --- cells (rules/table_cells.py) ---

# Characters right after a number that make it no cell of a table: a date (2020年, 第9号), an
# article, item or session number (第3条, 十三届), a count in prose (3个), an edition (2版).
NOT_A_CELL_BEFORE = "年月日号条项届次个版"
