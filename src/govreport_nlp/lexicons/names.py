"""Words of organization and place names (``rules/entities.py`` reads them): the general
shapes of Chinese official names, never the names of one report.
"""

from __future__ import annotations

__all__ = ["ATTACHED_UNITS", "BODY_END_CHARS", "BODY_FIRST_CHARS", "COMMON_SMALL_PLACE_WORDS", "COUNTRY_ATTRIBUTES", "COUNTRY_NAMES", "DIVISION_ENDS", "GENERIC_HEADS", "GOVERNMENT_COMPOUNDS", "GOVERNMENT_KINDS", "HEAD_WORDS", "INCLUSION_WORDS", "INNER_CONJUNCTIONS", "INSIDE_NAMES", "LEVEL_BODIES", "LEVEL_CHARS", "NAME_OPENERS", "NATIONAL_HEADS", "NEEDS_HEAD", "NOT_AFTER_BODY", "NOT_AFTER_SUFFIX", "NOT_NAME", "NOT_ORG_BEFORE_SUFFIX", "NOT_PLACES", "ONE_CHAR_HEADS", "ONE_WORD_BODIES", "ORG_SUFFIXES", "PEOPLES", "PLACE_BEFORE_HEADS", "PLACE_FIRST_BAD", "PLACE_SUFFIXES", "SMALL_PLACE_NOT_NAME_CHARS", "SMALL_PLACE_NOT_NAME_WORDS", "STRONG_ORG_SUFFIXES", "VERB_CHARS", "ZONE_SUFFIXES"]

# Name-final words of organizations (厅, 局, 办公室, 领导小组, 人民政府 ...).
ORG_SUFFIXES = (
    "人民政府办公厅", "人民政府办公室", "人民政府", "人民代表大会常务委员会", "人民代表大会", "常务委员会",
    "常委会", "办公厅", "办公室", "委员会", "领导小组", "工作组", "管委会", "管理委员会", "中心",
    "厅", "局", "委", "办", "院", "处", "政府", "政协", "党委", "党组", "总队", "支队", "研究院",
    "研究所", "法院", "检察院", "银行", "协会", "联合会", "总局", "集团", "公司", "大学", "学院",
    "总领事馆", "领事馆", "大使馆",
    # Bodies that are not government offices: museums and archives, societies, alliances,
    # broadcasters, laboratories, exchanges, schools and hospitals, survey teams.
    "博物馆", "博物院", "档案馆", "图书馆", "纪念馆", "文化馆", "美术馆", "科技馆", "学会", "研究会", "联盟",
    "电视台", "广播电视台", "实验室", "交易所", "中学", "小学", "医院", "分院", "调查队",
)
# Suffixes too common inside other words to stand without a jurisdiction (当年办, 法治政府).
# (集团 after a brand of two to four characters stands alone: 海螺集团, after punctuation.)
NEEDS_HEAD = frozenset({"办", "政府", "委", "厅", "院", "大学", "学院", "公司", "银行", "中学", "小学",
                        "医院", "分院", "联盟", "实验室"})
# Words before 政府 that make it a kind of government, not a body (地方政府债券, 法治政府建设).
GOVERNMENT_KINDS = frozenset({"地方", "法治", "数字", "服务型", "廉洁", "责任", "有为", "诚信", "阳光", "透明",
                              "整体", "智慧", "有效", "人民满意的"})
# Two-character words whose second character is a one-character suffix but which are verbs
# or nouns, not bodies (查处, 举办, 布局): a body's first character names its level or kind.
BODY_FIRST_CHARS = frozenset("省市县区旗乡镇国中党总分校邮警团")
# Sub-units written with the body they belong to: 省政府办公厅, 厅办公室.
ATTACHED_UNITS = frozenset({"办公厅", "办公室"})
# Words that begin a name as its jurisdiction or level (中共, 国务院, 省, 旗 ...).
HEAD_WORDS = frozenset({"中共", "中央", "国务院", "国家", "全国", "自治区", "省", "市", "县", "区", "旗", "乡", "镇",
                        "厅", "盟"})
# Words after which a name may start without a jurisdiction (、水务局; 成立了…领导小组).
NAME_OPENERS = frozenset({"、", "，", ",", "。", "；", "：", "（", "(", "“", "《", "了", "和", "及", "与", "由", "经",
                          "向", "\n"})
# Words that say what a list or a parenthesis includes (（含街道办事处）, 包括各区政府): they
# open the names after them and are never their first word.
INCLUSION_WORDS = frozenset({"含", "包括", "包含"})
# Words that are never part of a name: verbs and function words around names.
NOT_NAME = frozenset({
    "按照", "根据", "依据", "关于", "通过", "经过", "对于", "向", "由", "在", "对", "把", "被", "将", "从",
    "以", "为", "是", "的", "了", "等", "各", "及时", "召开", "组织", "印发", "发布", "制定", "出台", "开展",
    "成立", "设立", "建立", "要求", "部署", "联合", "会同", "配合", "协调", "牵头", "督促", "指导", "承接", "依托",
    "完成", "落实", "报", "送", "请", "经", "于", "截至", "目前", "今年", "全年", "围绕", "紧紧", "特邀",
    "组建", "加强", "推进", "推动", "做好", "提高", "负责", "主动", "处理", "办理", "受理", "收到", "分管",
    "其中", "包括", "以及", "积极", "认真", "进一步", "全面", "不断", "持续", "深入", "大力", "努力",
    "建设", "打造", "创办", "举办", "成功", "来", "我", "其", "本", "该", "和", "与", "及", "或", "中",
    # common verbs that the segmenter may fuse with a following 区/市/县 (结合区政府)
    # (only words that never begin a body's name: not 服务/保障/监督/审批, as in 政务服务中心)
    "结合", "审核", "报请", "提请", "提交", "协助", "放大", "争取", "对接", "鼓励", "授权", "委托",
    "沟通", "汇报", "通报", "转发", "转交", "抄送", "反馈", "明确", "强化", "优化", "深化",
    "启动", "建成", "新建", "创建", "培育", "命名", "挂牌", "获批",
    # verbs that govern a name after them (代表省人民政府, 查阅县政府, 支持…中心)
    "代表", "查阅", "采取", "支持", "实施", "邀请", "走访", "联系", "咨询", "依法", "严肃", "坚决", "严厉",
    "指定", "参观", "访问", "入驻", "引进", "引入", "吸引",
    # verbs and adverbs a bulletin's source note or a clause puts before a body (数据来自市民政局,
    # 受市人民政府委托, 自觉接受人民政协监督, 助力…中心)
    "来自", "接受", "自觉", "助力", "纳入",
})
# Characters that make a name-final character the first of a verb or noun (全省办结,
# 处理, 局面, 院士): after them the suffix ends no body.
NOT_AFTER_SUFFIX = {"办": frozenset("结理好成事"), "处": frozenset("理置罚分"), "局": frozenset("面势"),
                    "院": frozenset("士"), "委": frozenset("托屈")}
# Conjunctions a name may hold between two of its parts (人力资源和社会保障厅,
# 网络安全和信息化委员会), when the part before does not end a name of its own.
INNER_CONJUNCTIONS = frozenset({"和", "与", "及"})
# Verbs of NOT_NAME that may stand inside a name right before its suffix (四川农商联合银行).
INSIDE_NAMES = frozenset({"联合"})
# One-character verbs the segmenter fuses onto the name after them (报厅办公室).
VERB_CHARS = frozenset("报送请向由在对把将从以为是经受")
# Heads that make a name generic (各部门, 有关单位, 本机关).
GENERIC_HEADS = ("各", "本", "该", "有关", "相关", "其他", "上级", "主管", "职能", "这", "此", "我")

# The suffixes of divisions and places below them.
PLACE_SUFFIXES = "省市县区旗镇乡村州盟"
# The country's names, the continents and the countries reports name most (trade partners,
# the Belt and Road); a place abroad has no division code.
COUNTRY_NAMES = frozenset({
    "中国", "中华人民共和国",
    "亚洲", "欧洲", "非洲", "北美洲", "南美洲", "拉丁美洲", "拉美", "大洋洲", "东南亚", "中亚", "中东",
    "美国", "日本", "韩国", "俄罗斯", "德国", "法国", "英国", "意大利", "加拿大", "澳大利亚", "新西兰", "印度",
    "巴西", "南非", "新加坡", "马来西亚", "泰国", "越南", "印度尼西亚", "菲律宾", "巴基斯坦", "哈萨克斯坦",
    "沙特阿拉伯", "阿联酋", "土耳其", "埃及", "以色列", "荷兰", "西班牙", "瑞士", "瑞典", "匈牙利", "波兰",
})
# Words ending in a place suffix that are not places (kinds of areas, 本市, 全省 ...).
NOT_PLACES = frozenset({
    "城乡", "城镇", "城市", "社区", "地区", "园区", "市区", "辖区", "片区", "景区", "山区", "郊区", "城区",
    "小区", "特区", "街区", "灾区", "新区", "省市", "市县", "县区", "乡镇", "乡村", "农村", "县市", "都市",
    "超市", "上市", "牧区", "老区", "边区", "库区", "矿区", "校区", "营区", "经济区", "实验区", "示范区",
    "开发区", "试验区", "行政区", "自贸区", "保护区", "功能区", "集聚区", "本市", "本省", "本县", "本区",
    "该市", "该县", "外省", "外市", "各省", "各市", "各县", "各区", "全省", "全市", "全县", "全区", "全旗",
})
# Two-character words ending in 村/镇/乡 that are ordinary nouns, not the tail of a name (尧村).
COMMON_SMALL_PLACE_WORDS = frozenset({
    "城镇", "农村", "城乡", "返乡", "乡村", "下乡", "山村", "渔村", "乡镇", "村镇", "街镇", "集镇", "小镇",
    "古镇", "名镇", "名村", "故乡", "家乡", "老乡", "同乡", "进村", "驻村", "入村", "到村", "包村", "强村",
    "富村", "村村", "镇村", "新村", "全村", "本村", "该村", "各村", "每村", "建村", "行政村", "贫困村",
})
# First characters that make a word no place's name (全省, 各村, 三镇 ...).
PLACE_FIRST_BAD = frozenset("全我各本该每这那其两三四五六七八九十几个二一")

# The peoples of China besides the Han (55), as autonomous divisions name them
# (积石山保安族东乡族撒拉族自治县): a county's short name is its name without them.
PEOPLES = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
    "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌",
    "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂",
    "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)


# Bodies written as one word, needing no suffix rule (国务院, 党中央, 省政府), in the order
# the finder tries them (a longer form before the shorter one it begins with).
ONE_WORD_BODIES = ("国务院", "党中央", "全国人大常委会", "全国人大", "全国政协", "中央网信办", "省委", "省政府", "市委",
                   "市政府", "旗委", "旗政府", "县委", "县政府", "区委", "区政府", "团委")
# The levels a one-word body or an organization's head is written with (省, 市 ...), and
# the bodies written after a level alone (市人大常委会, 县政协), longer forms first. (区政府办
# is read as 区政府 by ONE_WORD_BODIES, tried first; 区政府办公室 by the suffix rule.)
LEVEL_CHARS = "省市县区旗"
# (the bodies after a level)
LEVEL_BODIES = ("人大常委会", "人大", "政协")
# What an organization name may start with besides a division's name: a national body or
# the Party (中共, 国务院, 全国 ...); a division's name ends in one of DIVISION_ENDS; a
# head of one character is a level, a township or a department (省, 镇, 厅).
NATIONAL_HEADS = ("中共", "中央", "国务院", "国家", "全国", "自治区")
DIVISION_ENDS = ("特别行政区", "自治区", "自治州", "省", "市", "县", "区", "旗", "盟")
ONE_CHAR_HEADS = "省市县区旗乡镇厅"
# Words that end in an organization suffix but name no body: what comes before the suffix
# (大厅, 网上厅, 布局, 格局, 区域中心, 副中心).
NOT_ORG_BEFORE_SUFFIX = {"厅": ("大", "展", "网上", "实体", "掌上"),
                         "局": ("布", "大", "格", "结", "开", "全", "当", "终", "胜", "败"),
                         "中心": ("域", "副")}
# What a name begins with when a place written right before it is part of it: a national
# body named with its place or country (长三角国家技术创新中心, 中国国家铁路集团).
PLACE_BEFORE_HEADS = ("国家",)
# Suffixes that name a body whatever stands before them.
STRONG_ORG_SUFFIXES = frozenset({"集团", "银行", "法院", "检察院", "大学", "医院", "交易所", "博物馆"})
# Words after 政府 that make it part of a compound noun, not a body (政府信息, 政府网站,
# 政府债务, 政府采购); 委员 not followed by 会 is a member, not a committee (the finder adds it).
GOVERNMENT_COMPOUNDS = ("信息", "网站", "工作", "部门", "职能", "公报", "门户", "机关", "系统", "热线", "信箱", "采购",
                        "网", "服务", "数据", "规章", "文件", "会议", "债务", "债券", "专项债", "投资", "购买")
# After a central body's name these make it part of another word: a document number
# (国办发〔…〕) or a longer noun (财政部门, 教育部署).
NOT_AFTER_BODY = frozenset("门署发函令字长")
# The last characters of bodies' and divisions' names: a conjunction after one joins two names.
BODY_END_CHARS = frozenset("府委局厅办院会县市区省旗镇乡村")
# 中国特色社会主义, 中国式现代化, 中国梦: the country's name used as an attribute of an idea.
COUNTRY_ATTRIBUTES = ("特色", "式", "梦", "政府网", "共产党")
# What before 镇/乡/村/社区 makes a kind of community, not a name: single characters
# (乡镇, 万村) and qualities or programmes (典型村, 示范村, 完整社区, 建制镇, 宜居村, 和美乡村).
SMALL_PLACE_NOT_NAME_CHARS = "镇乡村万百千强"
# (the qualities and programmes)
SMALL_PLACE_NOT_NAME_WORDS = ("典型", "行政", "自然", "城中", "美丽", "特色", "示范", "中心", "重点", "贫困", "试点",
                              "传统", "文化", "名城", "之", "直管", "成立", "产业", "建制", "完整", "薄弱", "空心",
                              "宜居", "和美", "文明", "平安", "绿色", "智慧", "数字", "未来", "新型", "赋能", "做好")
# Zones named after the place they are in (平潭综合实验区, 两江新区), longer forms first.
ZONE_SUFFIXES = ("综合实验区", "经济技术开发区", "高新技术产业开发区", "新区", "高新区", "自由贸易试验区")
