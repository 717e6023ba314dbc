"""Words the subject linker (``rules/linker.py``) reads, by what they do to a subject.

A subject is the shortest noun phrase that says what a number measures (GUIDELINES.md).
The linker reads it on the left of the number (预算资金|31.08亿元) or, after a classifier,
on the right (18个|单位); these lists say where such a phrase stops and what is cut from it.
"""

from __future__ import annotations

__all__ = [
    "AVERAGE_WORDS", "BARE_ADDITIONS", "BARE_RATES", "BARE_SHARES", "BASELINE_PERIODS", "BASELINE_WORDS", "BOUND_WORDS",
    "BUDGET_HEADS", "BUDGET_STAGES", "BUDGET_TIME_WORDS", "CATEGORY_WORDS", "CHANGE_MODIFIERS", "COMPARISON_VERBS",
    "COMPLETION_STAGES", "COMPLETION_VERBS", "DECREASE_VERBS", "DIVISION_NOUNS", "FEE_SUFFIXES", "FILLERS",
    "GLUED_FILLERS", "INCREASE_VERBS", "INSTITUTION_END_CHARS", "LABEL_AFTER_VERB", "LIST_JOINERS",
    "MANNER_ADVERBS", "MEASURE_END_CHARS", "MILESTONE_NOUNS", "NOT_NOUN_STARTS", "NOUN_UNITS",
    "NOUN_WHEN_FINAL", "OBJECT_VERBS", "ORIGIN_VERBS", "OTHER_STOPS", "PREDICATE_OPENERS", "PREDICATE_VERBS",
    "REACHING_VERBS", "RELATIVE_CLAUSE_WORDS", "SCOPE_WORDS", "STATE_ASPECTS", "STATE_COUNT_UNITS"
]

# Words between the subject and the number that say nothing of what is measured: copulas,
# modifiers of size, 分别/均. (合计/总计 are not among them: 本年收入合计 names a total line.)
FILLERS = (
    "约为", "大约", "约", "将近", "接近", "近", "超过", "突破", "超", "已逾", "逾", "不足", "不到",
    # verbs of passing a level (生产总值迈上3000亿元台阶)
    "迈上", "跨上", "站上", "跨越", "连跨",
    "不低于", "不少于", "不超过", "不高于", "低于", "高于", "少于", "多于",
    "共计", "累计", "共", "达到", "高达", "多达", "达", "分别为", "分别", "均为", "均", "平均为", "为",
    # verbs of keeping a level (出庭应诉率保持100%, 粉丝数累积3170万)
    "保持在", "保持", "稳定在", "控制在", "维持在", "累积",
    "是", "有", "仅", "已", "了", "计", "拟按", "按", "至", "到", "稳定在", "保持在", "控制在", "在",
    "从", "由",
)
# One-character fillers the segmenter glues to the noun before them (粉丝达|1360万,
# 短视频近|300个), with the characters that make a word of them instead (送达, 附近, 赶超).
GLUED_FILLERS = {"达": frozenset("送到抵下传表发通直雷高多"), "近": frozenset("附邻最就临亲将接贴"),
                 "超": frozenset("赶高")}
# Verbs of a change: the number after them is an increase or a decrease of the subject.
INCREASE_VERBS = ("增长", "增加", "提高", "上升", "上涨", "扩大", "回升", "加快", "提升", "多增", "增支",
                  "增收", "增产", "净增")
DECREASE_VERBS = ("下降", "减少", "降低", "回落", "下滑", "收窄", "缩小", "减支", "减收", "减产", "少增", "减",
                  # (办理时限压缩65%, 企业开办时间缩短三分之一: a shortened time is a decrease)
                  "缩短", "压缩", "压减", "净减")
# Words that open a baseline, what a change is measured from (比上年增长, 较去年末, 同比, 环比).
BASELINE_WORDS = ("比", "较", "与", "同比", "环比", "同口径", "可比口径")
# The periods a baseline names after 比/较/与 (上年同期, 上年末, 去年 ...).
BASELINE_PERIODS = ("上年同期", "上年末", "上年底", "上年度", "上年", "去年", "上一年")
# Verbs of a level reached before 至/到 (扩展至355项, 缩短至1.5小时): no part of the indicator.
REACHING_VERBS = ("扩展", "扩大", "拓展", "增加", "增长", "提高", "提升", "上升", "下降", "降低", "减少",
                  "缩短", "缩小", "延长", "压缩", "攀升", "跃升", "增", "降")
# Words that make the verb after them the name of a category of outcome, as the FOI tables
# name their rows (不予处理, 尚未办结, 其他处理, 无法提供).
CATEGORY_WORDS = ("不予", "尚未", "无法", "予以", "其他", "依法", "不", "未")
# What joins the items of a list of numbers (5.1%、3.2%和2.9%).
LIST_JOINERS = frozenset({"、", "和", "及", "与"})
# Verbs that take the counted thing as object; when one ends the phrase on the left, the
# number is its object and the thing counted is named after the classifier or before it.
OBJECT_VERBS = frozenset({
    "办理", "受理", "收到", "完成", "实现", "开展", "举办", "召开", "编发", "出版", "出台", "制作",
    "组织", "设置", "设立", "开设", "设", "承接", "涉及", "参加", "印发", "制定", "制发", "修订",
    "审议", "提请", "建成", "推动", "推进", "增发", "发行", "先发行", "安排", "拟安排", "接待",
    "处理", "收取", "拨付", "下达", "培训", "更新", "梳理", "惠及", "覆盖", "拉动", "育出",
    "实施", "落实", "获得", "编制", "报送", "上报", "刊发", "转载", "回复", "答复", "办结", "开通", "突破",
    "建立", "新建", "改造", "引进", "帮助", "带动", "吸引", "吸纳", "征集", "收集", "解决", "查处",
    "走访", "慰问", "救助", "资助", "补助", "培育", "认定", "评选", "选派", "派出",
    "聘请", "邀请", "经历", "发放", "兑现", "创办", "入驻", "录入", "跃升", "提高到", "达到",
    "发布", "支持", "用于", "进行", "共有", "现有", "拥有", "获", "推出",
    # verbs of funds: the money after them names its fund (组建200亿元母基金)
    "组建", "打造", "统筹", "撬动", "募集", "筹集",
    # verbs of works and lists (开工建设安置住房7.4万套, 推送储备项目13082个, 划分学区732个)
    "开工建设", "开工", "推送", "划分",
    # 投入帮扶资金179亿元 (but 研发投入12亿元 is a noun: see NOUN_WHEN_FINAL)
    "投入",
    # verbs of building, revising and handing over (改扩建基础教育学校2891所, 修改废止省政府规章6件,
    # 移交…资料60份, 处罚…负责人237名)
    "改扩建", "改建", "扩建", "修改", "废止", "压减", "处罚", "获取", "移交",
    # verbs of recovery and accountability in audit reports (追回…不当获利等8.96亿元, 补发…补贴,
    # 追责问责…工作人员等384人)
    "追回", "补发", "补征", "追缴", "补缴", "退回", "归还", "收回", "挽回", "清退", "退还", "盘活",
    "追责问责", "追责", "问责",
    # 教育支出执行731960万元: the budget line before its execution
    "执行",
})
# Object verbs that are nouns when the number follows them directly (研发投入12亿元).
NOUN_WHEN_FINAL = frozenset({"投入", "救助"})  # (研发投入|12亿元, 临时救助|18.1万人次)
# Other words that end the subject phrase on its left.
# Nouns that a count may take as its unit with no classifier (36 省市, 66 县, 6 部委, as
# audit reports print them): the noun is what is counted.
NOUN_UNITS = frozenset({"省", "省市", "省份", "省区市", "县", "县区", "县市区", "部委", "市", "区", "乡镇"})
# Words that name no indicator alone after an object verb: generic measure nouns and
# verbal nouns. Between such a verb and the number they make one label with it
# (涉及资金2851.48亿元, 处理处分241人), while 发布|信息, 修订|法律 stay apart.
LABEL_AFTER_VERB = frozenset({"资金", "金额", "数", "总数", "人数", "件数", "人员", "人次", "标准", "增加值", "项目",
                              "处分", "审查", "救助", "培训", "处理",
                              # measures of an action (办理时限, 审批时间, 跑动次数)
                              "时限", "时间", "时长", "周期", "次数", "成本",
                              # inspections and reviews counted (…全覆盖检查4次)
                              "检查", "督查", "考核", "评估", "调研", "检测",
                              # bare heads of budget lines and measures (上级补助|收入, 补助下级|支出,
                              # 新开工|面积, 投入|强度)
                              "收入", "支出", "面积", "强度"})
OTHER_STOPS = frozenset({
    # function words and prepositions
    "其中", "包括", "中", "占", "以及", "及其", "等", "的", "对", "向", "从", "由",
    "在", "将", "把", "被", "通过", "围绕", "针对", "按照", "根据", "依据", "截至", "截止", "截止到",
    # connectives of a budget's arithmetic (加上调出资金2452万元, 扣除…后): not the item's
    "加上", "再加上", "扣除", "减去", "剔除",
    # time words
    "目前", "现已", "已经", "全年", "年末", "年底", "年初", "当年", "本年", "今年", "去年", "上年",
    "上年末", "上年底", "去年底", "去年末", "本年末", "今年底", "年内",
    "同期", "本期", "期间", "以来", "一年来", "过去一年",
    # scope and self-reference (全区, 我厅): where, not what
    "各类", "各项", "各级", "各", "共", "累计",
    "全区", "全旗", "全市", "全省", "全国", "全县", "全镇", "全乡", "全厅", "全局", "全系统",
    "我厅", "我区", "我旗", "我市", "我省", "我局", "我委", "我办", "我县", "本机关", "本单位", "本部门",
    "本系统", "本地区",
    # adverbs
    "先后", "分别", "同时", "进一步", "持续", "不断", "积极", "全面", "认真", "及时", "迅速",
    "仅靠", "依托", "利用", "落地", "另有", "另", "均", "都", "已", "全部", "仅", "共同", "联合", "正在", "之一",
    # adverbs of manner that open the predicate after a counted noun (31个水电站加快建设,
    # 254个项目有序推进, 34个大模型成功备案): the noun ends before them
    "加快", "有序", "成功", "扎实", "顺利", "深入", "率先", "正式", "陆续", "相继", "如期", "提前",
    "最快", "超过", "免费",
})
# Adverbs before an object verb (粉丝量迅速跃升至3.7万): no part of the name.
MANNER_ADVERBS = ("迅速", "快速", "不断", "持续", "进一步", "稳步", "大幅", "显著", "明显", "逐步", "有效",
                  "首次", "已经", "已", "均", "全部", "分别", "累计", "共计", "共", "预计", "初步",
                  # adverbs of degree, frequency and duration that open the predicate
                  # (单篇阅读量|最|高达760万, 赤字率|一直|控制在3%, 出口|逆势|增长)
                  "最", "更", "较", "都", "也", "仅", "还", "又", "再", "一直", "始终", "逆势", "每年", "连续",
                  "双双", "同时", "平均", "即", "就", "便", "预期", "每月", "每天", "每日", "每季度",
                  # adverbs of manner before a verb of handling (依法依规|办结69件)
                  "依法依规", "依法", "依规", "及时", "按时", "按期")
# What may follow a classifier without being its noun (3条以上, 13.36万人，并…).
NOT_NOUN_STARTS = ("以上", "以下", "左右", "上下", "以内", "之内", "内", "并", "且", "而", "也", "还", "又",
                   "再", "即", "等", "多", "余")
# Verbs comparing an indicator with another (增速高于全国0.3个百分点): the difference after
# the other side is the first indicator's.
COMPARISON_VERBS = ("高于", "低于", "快于", "慢于", "优于")
# The rate of an indicator named just before (…增长6.2%，增速快于全省0.5个百分点): alone before
# a comparison they stand for that indicator.
BARE_RATES = frozenset({"增速", "增幅", "涨幅", "降幅", "速度", "增长速度"})
# Milestones a figure passes (迈上5万亿元台阶, 突破千亿大关, 连跨两个万亿元台阶): the noun
# after the number names the level, not what is counted; the indicator stands before.
MILESTONE_NOUNS = ("台阶", "大关", "关口")
# Verbs of addition that name no indicator alone (新增22个县城: the number counts what follows).
BARE_ADDITIONS = frozenset({"新增", "新建", "新开工", "新认定", "新培育", "新设", "新批建"})
# Divisions: nouns of one character after a classifier (16个区).
DIVISION_NOUNS = frozenset("省市县区乡镇村")
# Scope words that may begin a counted noun (28家全国重点实验室).
SCOPE_WORDS = frozenset({"全国", "全省", "全市", "全区", "全县"})
# Verbs that begin the predicate after a counted noun (144所县级中医医院配备…, 12个县入选…):
# they end a noun on the right only. (建设, 实施, 运行 are left out: 新型城镇化建设示范县 and
# 运行维护费 are nouns.)
PREDICATE_VERBS = ("配备", "纳入", "入选", "进入", "获批", "获评", "承担", "参与", "投用", "投产", "建成", "完成",
                   "提供")
# Whole words that open a predicate after a counted noun: negation, aspect and modal
# adverbs (12家所属单位|已终止…, 1户企业|正按程序退出…, 8个项目|未按期开工) and 时, which
# ends a temporal clause (下达2项转移支付|时). A word class, not phrases.
PREDICATE_OPENERS = frozenset({"未", "正", "已", "尚", "仍", "不", "没有", "正在", "将", "均", "都", "也", "还", "又",
                               "已经", "尚未", "仍然", "时", "违规", "违法", "擅自", "超", "终止", "退出",
                               # verbs of benefit, status and joint action (57.6万名儿童|享受…,
                               # 9个…中心|开诊运营, 7000多万江淮儿女|一道…, 困难群众|基本生活…)
                               "享受", "成为", "得到", "获得", "喝上", "用上", "住上", "吃上", "开诊", "运营",
                               "升格", "集聚", "受益", "脱贫", "摆脱", "落户", "落地", "竣工", "上市", "登陆",
                               "入围", "荣获", "取得", "开业", "一道", "共同", "携手", "引入", "基本", "稳定",
                               "呈", "呈现"})
# Time words that open the name of a budget line when a budget head follows them
# (年初预算, 本年收入合计, 上年结转, 年末结转和结余), instead of ending a phrase.
BUDGET_TIME_WORDS = frozenset({"年初", "本年", "上年", "年末", "年底", "当年", "全年"})
BUDGET_HEADS = ("预算", "决算", "收入", "支出", "结转", "结余")
# Stages of a budget line, dropped to name the line of a completion rate
# (公务接待费支出决算为…，完成预算的0% -> 公务接待费).
BUDGET_STAGES = ("年初预算", "调整预算", "预算数", "决算数", "执行数", "完成数", "决算", "预算")
# A verb before one of these is a noun of expense (接待费, 培训费, 会议费, 奖励金).
FEE_SUFFIXES = frozenset({"费", "金"})

# Words of an average before a change verb (年均增长, 平均提高): part of the change, not of
# the indicator.
AVERAGE_WORDS = ("年均", "平均")
# Words that qualify a change verb after its baseline (比上年|年均|增长, 净|增加): averages and 净.
CHANGE_MODIFIERS = (*AVERAGE_WORDS, "净")
# Shares named by themselves (占比69.1%, 所占比重): with nothing before them in the clause, the
# share is of the item the clause before named.
BARE_SHARES = frozenset({"占比", "比重", "比例", "占比重", "所占比重", "所占比例"})
# Verbs of a completion rate before the budget it is measured on (完成预算的98.2%, 占调整预算的,
# 达到年初预算的), a longer word before the shorter it begins with.
COMPLETION_VERBS = ("完成", "为", "占", "达到", "达")
# The stages of a budget a completion rate names before 预算 (年初预算, 调整后的预算, 全年预算).
COMPLETION_STAGES = ("年初", "调整后的", "调整后", "调整的", "调整", "全年")
# Aspect words that open the state a run of counts is in (1691个已完成整改, 3个正在办理,
# 2件尚未办结), a longer word before the shorter it begins with.
STATE_ASPECTS = ("已经", "已", "正在", "尚未", "仍未")
# The classifiers of a run of counts before the state they are in (1691个、513个已完成整改).
STATE_COUNT_UNITS = "个件项条户家所次人%％"

# Bounds after a number (200所以上, 3万人左右): with a list joiner after them they end the
# number's own words, as a bracketed note does (200所以上、|义务教育学校500所以上).
BOUND_WORDS = ("以上", "以下", "左右")
# Verbs that name where a share comes from, after it (其中47%来自海外, 60%来源于企业).
ORIGIN_VERBS = ("来自", "来源于", "源自", "属于")
# The last character of an item that already names its measure (起数, 货值, 销售额, 比率): the
# items of a list that end so share no head word.
MEASURE_END_CHARS = "数量额率值比重"
# The last character of an institution's name (领馆, 统计局, 研究院, 工作站): a list's last item
# that ends so is named whole, its end not shared by the items before (国际友城和外国驻穗总领馆).
INSTITUTION_END_CHARS = "馆局厅院所会站处部委办室队"
# Words inside a relative clause that names a category (…评级为“良”的项目): not its end.
RELATIVE_CLAUSE_WORDS = frozenset({"为", "是", "在", "对"})
