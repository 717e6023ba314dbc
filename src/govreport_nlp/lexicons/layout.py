"""Words of a report's layout (``rules/sections.py`` and ``rules/masthead.py`` read them):
the words of titles, genres, mastheads, issuing bodies and web-page debris, as Chinese
government documents and their web pages print them in general (never the wording of one
report or one site).

The rules keep the grammar (line anchors, punctuation, numbers) and build their regular
expressions from these lists at import; the order of a list is the order the rule tries
its words in (a word before the shorter word it begins with).
"""

from __future__ import annotations

__all__ = [
    "BARE_BODIES", "BODY_HEAD_TITLES", "BODY_LEVEL_CHARS", "BODY_SUFFIXES", "BYLINE_WORDS", "CONTENTS_LINES",
    "DEBRIS_LABELS", "DEBRIS_WORDS", "DELIVERY_MEETINGS", "DOCUMENT_NOUNS", "DRAFT_WORDS", "FOOTER_STARTS",
    "GENRE_WORDS", "ISSUER_BODY_ENDS", "LETTERHEAD_MARKS", "PAGE_BUTTONS", "PAGE_TITLE_ENDS", "PUBLICATION_ACTS",
    "PUBLICATION_LABELS", "REPORT_KIND_WORDS", "SOURCE_LABELS", "TITLE_WORDS",
    "CONGRESS_SALUTATIONS", "PERIOD_CLOSERS", "PERIOD_OPENERS", "REPORTING_TO_CONGRESS", "WORK_REPORT_TOPICS",
]

# --- titles and genres (sections.py) ---

# Words that make a line a report's title (…工作年度报告, 统计公报, 决算, 统计表): the title
# ends at the line that holds one.
TITLE_WORDS = ("报告", "公报", "决算", "预算", "年报", "总结", "统计表")
# Document nouns a 关于 title runs on to (关于…整改情况的报告, 关于…的通知).
DOCUMENT_NOUNS = ("报告", "通知", "意见", "决定", "说明", "公告", "办法")
# Words a web page's title ends in before the site's name (…的报告-驻马店人大, …公报_某某网).
PAGE_TITLE_ENDS = ("报告", "公报", "决算", "预算", "年报", "统计表")
# …and a draft, perhaps in brackets (…预算（草案）-某某网).
DRAFT_WORDS = ("草案",)
# Lines above a title that are no part of it (正文, 目录).
CONTENTS_LINES = ("正文", "目录", "目 录")
# The meetings a speech is delivered at (——2026年2月5日在…人民代表大会第四次会议上).
DELIVERY_MEETINGS = ("会议", "大会", "常务委员会")
# Name-final words of a body: an issuer named in a title that ends in one is a body
# (…教育厅, …人民政府, …统计局), not a bare place.
ISSUER_BODY_ENDS = ("政府", "局", "厅", "委", "办", "院", "署", "会", "室", "队", "中心", "部")
# Words that name a report's genre in its title: what stands before the first of them is
# the issuing body (河北省教育厅|政府信息公开…, 泾川县|部门决算).
REPORT_KIND_WORDS = ("政府信息公开", "政务公开", "信息公开", "国民经济和社会发展", "政府工作报告", "法治政府建设", "部门决算",
                     "部门预算", "区级部门预算", "决算", "预算", "统计公报")
# Title words by genre (models.ReportKind), in the order they decide: an audit report on
# budget execution is an audit report, a 决算 (final accounts) is no 预算 (budget).
GENRE_WORDS = (
    ("政府工作报告", "work_report"), ("统计公报", "stats_communique"), ("信息公开", "foi_annual"), ("政务公开", "foi_annual"),
    ("审计", "audit"), ("决算", "final_accounts"), ("预算", "budget"))

# A speech to a congress opens with its salutation (各位代表：)…
CONGRESS_SALUTATIONS = ("各位代表",)
# …and says what it reports (现在，我代表市人民政府，向大会报告政府工作): a 政府工作报告
# excerpt without its title is known so.
REPORTING_TO_CONGRESS = ("向大会报告",)
WORK_REPORT_TOPICS = ("政府工作",)

# --- dates of publication (sections.py) ---

# What a page's publication date is labelled with: an act (发布, 成文 ...) and 时间/日期.
PUBLICATION_ACTS = ("发布", "成文", "印发", "公开")
PUBLICATION_LABELS = ("时间", "日期")
# Words before a date that make it the bound of a period (统计期限自2017年1月1日起, 截至,
# 期限为), not a publication date, a longer word before the shorter it begins with…
PERIOD_OPENERS = ("自", "从", "至", "到", "截至", "截止", "期限为", "期限", "期间", "起止")
# …and words right after it (…1月1日起至12月31日止, 2017年以来); dashes are the rule's.
PERIOD_CLOSERS = ("起", "至", "到", "止", "以来", "前", "后")

# --- web-page debris (sections.py) ---

# Labels of a web page's byline and counters, printed with a colon (来源：, 作者：, 字号：).
DEBRIS_LABELS = ("来源", "作者", "编辑", "字号", "ID")
# Words of a web page's byline, counters and navigation that open a line of their own.
DEBRIS_WORDS = ("责任编辑", "发布时间", "发布日期", "浏览次数", "点击数", "分享到", "相关推荐", "相关链接", "扫码",
                "扫一扫", "上一篇", "下一篇", "返回顶部", "附件下载", "报告下载")
# A page's buttons, perhaps in a 【 bracket (【打印】, 【关闭】).
PAGE_BUTTONS = ("打印", "关闭")
# Words after a 来源： on the same line that make it a byline (来源：某某网 作者：…).
BYLINE_WORDS = ("作者", "责任编辑", "字号")
# Lines after which the rest of a web page is navigation and adverts.
FOOTER_STARTS = ("相关推荐", "扫码关注", "相关阅读", "热点推荐", "网站地图")

# --- mastheads and issuing bodies (masthead.py) ---

# A congress session's file mark printed above the title (保定市十六届人大, 七次会议文件（14）).
LETTERHEAD_MARKS = ("届人大", "会议文件")
# The name-final words of bodies that issue reports (a bureau, a department, a government,
# an audit office, a committee, an office), a longer word before the shorter it ends in.
BODY_SUFFIXES = ("财政局", "统计局", "审计局", "审计署", "财政厅", "统计厅", "审计厅", "人民政府", "政府办公室", "政府办公厅",
                 "办公室", "办公厅", "发展和改革委员会", "委员会", "管委会", "调查队", "局", "厅")
# The titles of a body's head printed after its name (承德市财政局局长 林国华).
BODY_HEAD_TITLES = ("局长", "厅长", "主任", "审计长", "副局长", "副厅长", "副主任")
# Labels of a source note (（信息来源：长沙市统计局）, 文章来源：统计局, 出处：…).
SOURCE_LABELS = ("信息来源", "文章来源", "来源", "出处")
# Level characters a body's name may start with instead of its place (市财政局): the
# place the title names is put before it.
BODY_LEVEL_CHARS = "省市县区旗州"
# Bodies a document may name without any place (统计局): the title's place is put before.
BARE_BODIES = ("统计局", "财政局", "审计局")
