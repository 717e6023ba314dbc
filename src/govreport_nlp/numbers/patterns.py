"""The regular expressions of the normalizer, built once at import from the numeral
tables (``numerals.py``) and the unit table (``units.py``): what a number, a range, a
modifier and a whole expression look like in report text.
"""

from __future__ import annotations

import re

from ..models import Modifier
from .chars import DIGITS, INLINE_SPACES, LINE_SPACES, RANGE_SEPARATORS
from .first_chars import with_first_chars
from .numerals import CB, CD, CS
from .units import UNIT_PATTERN, UNITS

__all__ = [
    "ARABIC",
    "BARE_SCALE",
    "BLOCKED_AFTER",
    "COUNTED_NOUN",
    "PEOPLE_NOUNS",
    "DAY_RANGE_END",
    "DOUBLING",
    "EXPRESSION",
    "FAST",
    "FRACTION",
    "FRACTIONAL_UNIT",
    "INCLUSIVE",
    "GAPPED",
    "HALF_ALONE",
    "HALF_WORDS",
    "INNER_GAP",
    "INNER_SPACE",
    "LEAD_ARABIC",
    "LIST_TAIL",
    "NAMED_TERMS",
    "NUMBER",
    "NUMBERED_YEAR",
    "NUMBER_PART",
    "PERCENT_DIGITS",
    "PLAN_NAME",
    "PREFIX_ALT",
    "PREFIX_BEFORE",
    "PREFIX_MODIFIERS",
    "RANGE_SEP",
    "SCAN",
    "SEPARATOR",
    "SPACE",
    "SPACED_POINT",
    "SPECIAL",
    "SUFFIX_AFTER",
    "SUFFIX_MODIFIERS",
    "SUFFIX_WORDS",
    "YEAR_FOLLOWERS",
]

PLAN_NAME = re.compile(r"行动|计划|规划|攻坚|专项行动")
NUMBERED_YEAR = re.compile(r"[0-9０-９]{1,2}[.．](?:19|20)[0-9]{2}")
ARABIC = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
# Spaces (or one line break) PDF text puts between digits and 万/亿 (1560.05 万元, 231.9\n万人).
INNER_SPACE = rf"(?:[{INLINE_SPACES}]{{1,3}}|[{INLINE_SPACES}]{{0,3}}\n[{INLINE_SPACES}]{{0,3}})"
# The units a number with a decimal part measures (money, percents, measures); a count or a
# duration (个, 年) of 1.20 is none. 分钟 begins with 分 (a score) and is a duration.
_FRACTIONAL = sorted((u for u, (kind, _, _) in UNITS.items()
                      if "/" not in u and kind in ("money", "percent", "percent_point", "measure")), key=len, reverse=True)
_WHOLE_ONLY = sorted((u for u, (kind, _, _) in UNITS.items() if u not in _FRACTIONAL and "/" not in u
                      and any(u.startswith(f) for f in _FRACTIONAL)), key=len, reverse=True)
FRACTIONAL_UNIT = (f"(?!{'|'.join(map(re.escape, _WHOLE_ONLY))})" if _WHOLE_ONLY else "") + (
    f"(?:{'|'.join(map(re.escape, _FRACTIONAL))})")
# A decimal printed with a space after its point, as PDFs print it (4. 2亿元, 增长4. 2%): the
# digits after the space continue the decimal only when a scale or a unit that takes a
# decimal part follows them. 1. 20个 and 1. 2025年 are an item's number, then a count or a
# year; a line break after the point (1.\n6538%) or a space before it (9 .5 万) joins nothing.
# Whether the number opens a line or a clause (an item's number) is the scanner's to judge
# (``spaced_point_opens_item``).
SPACED_POINT = rf"[.．][{INLINE_SPACES}](?=[{DIGITS}]+(?![{DIGITS}])(?:{INNER_SPACE}?[万萬亿億]|[{INLINE_SPACES}]{{0,3}}{FRACTIONAL_UNIT}))"
# The first Arabic number of an expression: a decimal may be printed with a spaced point.
LEAD_ARABIC = rf"(?:[0-9０-９]{{1,3}}(?:,[0-9０-９]{{3}})+(?![0-9０-９])|[0-9０-９]+)(?:(?:[.．]|{SPACED_POINT})[0-9０-９]+)?"
# One number: Arabic and Chinese numerals mixed (1亿2千万, 3.6万, 十二万三千, 三点一四亿),
# with 余/多 allowed before a scale character (百余万, 6600多万).
# PDF text puts spaces between the digits and 万/亿 (1560.05 万元, 2345.67 亿 元) or
# breaks the line there (231.9\n万人): a few spaces or one line break (never a tab: that
# is a table's column) may stand before a scale character.
# NUMBER and NUMBER_PART are written for re.VERBOSE: every pattern that holds them is
# compiled with it (whitespace outside [...] is layout, # starts a comment).
# 数 stands for "some" before 十/百/千/万/亿 (投入数百万) except where it ends a noun: 人数十万
# is a count of people, 十万 (the characters before 数 in the nouns 人数, 户数, 总数, 指数 ...).
_SOME = r"(?<![人户次件总个指系倍基少多无半分位项字票册台车床天笔家名条本张页篇股套部期批类场所座处只头亩宗例单组班函参变常乘除岁年月日周时])数"
NUMBER = rf"""
    (?: {LEAD_ARABIC} | [{CD}{CS}]            # it opens with Arabic digits, a Chinese digit or 十百千,
      | (?: 几 | {_SOME} ) (?= [{CS}{CB}] ) )   # or 几/数 for a digit (几十, 数百万)
    (?:
        {ARABIC}                              # Arabic digits again (1亿2千万)
      | (?<= [{CS}] ) 几                      # 几 for the last digit (十几, 三十几万)
      | [{CD}{CB}]                            # Chinese digits, 万, 亿
      | (?! 千 (?: [瓦米克伏卡] | 公顷 ) ) [{CS}]  # 十百千, not the 千 of a unit (千瓦, 千米, 千公顷 ...)
      | 点[{CD}]+                             # a decimal part in Chinese (三点一四)
      | [余多] (?= [{INLINE_SPACES}]? [{CS}{CB}] )   # 余/多 before a scale (百余万, 6600多万)
      | (?<= [{CD}{CS}余多] ) [{INLINE_SPACES}] (?= [{CS}{CB}] | [余多] [{INLINE_SPACES}]? [{CB}] )
                                            # one PDF space before a scale or 余/多 (二 十 余 万, 三百 余万),
                                            # never before a digit (三 四个 is two numbers)
      | (?<= [{DIGITS}] ) {INNER_SPACE} (?= [余多]? [{CB}] )   # PDF spaces or a line break before (多)万/亿
    )*
"""
SPACE = rf"[{LINE_SPACES}]*"
# Between the bounds of a range: one separator, or a dash doubled as PDFs and web pages
# print it (2万元--8万元, 3——5年).
_DASHES = "".join(ch for ch in RANGE_SEPARATORS if ch not in "至到")
SEPARATOR = rf"(?:[{_DASHES}]{{2}}|[{RANGE_SEPARATORS}])"
# A bound marked as included or not (2万（含）-8万元, 100万元（含）以上): no part of the value.
INCLUSIVE = r"(?:[（(]不?含[）)])"
# The number part of a quantity, shared by the scanner and normalize().
NUMBER_PART = rf"""
    # A minus sign, 负 (增速为负1.2%) or 零下 (below zero: 零下12摄氏度) right before digits.
    (?P<neg> [-－](?=[{DIGITS}]) | (?:负|零下)(?=[{DIGITS}{CD}{CS}]) )?
    (?: (?P<pct> 百分之 | 千分之 )                          # 百分之九点四
        (?P<pneg> 负(?=[{DIGITS}{CD}{CS}]) )? )?           # 百分之负二点五: the sign after the prefix
    (?P<n1> {NUMBER} )                                    # the number
    (?:                                                   # a range: 3-5, 4.5%—5%, 百分之三至百分之五
        (?P<u1> [%％] )? {SPACE} {INCLUSIVE}? {SPACE} (?P<sep> {SEPARATOR} ) {SPACE}
        (?: 百分之 | 千分之 )? (?P<n2> {NUMBER} )
    )?
    (?: {SPACE}                                            # 余/多 after it (200余), on the next
        (?: \n {SPACE} (?= [余多] {SPACE} {UNIT_PATTERN} ) )?  # line when a unit follows (820\n多项)
        (?P<m1> [余多] ) )?
"""
# In running text the unit is one of the known units (longest first).
# 翻一番 / 翻两番 / 翻番: doubled n times, an increase of (2^n - 1) x 100 percent.
DOUBLING = rf"翻(?P<times>[{CD}]?)番"
# 三分之二, １２分之５, 万分之九, 十万分之八: a fraction is a percent (the quotient x 100).
# 百分之/千分之 are the number part's own prefix. 5/8, ２／７: a fraction written with a slash,
# never one term of a longer run (2021/5/8, 1/2/3) nor a percent's (3/4%).
FRACTION = rf"""
    (?! 百分之 | 千分之 ) (?P<den> [{DIGITS}]+ | [{CD}{CS}{CB}]+ ) 分之
    (?P<num> [{DIGITS}]+ (?: [.．][{DIGITS}]+ )? | [{CD}{CS}]+ (?: 点[{CD}]+ )? )
  | (?<! [{DIGITS}.．/／] ) (?P<snum> [{DIGITS}]+ ) [/／] (?P<sden> [{DIGITS}]+ ) (?! [{DIGITS}.．/／%％] )
"""
# After 半 these make a word of their own with it (一年半载, 一星半点, 半岛, 半导体, 半径,
# 半数, 半价, 半天/半日: 两个半天 is two half-days), so that 半 is no half of the unit before.
HALF_WORDS = "载点岛导径数价边壁天日"
# (behind a look-ahead of the characters a match begins with: most characters of a report
# begin none, and the scan over a text costs a third of what the bare alternation did)
SCAN = with_first_chars(re.compile(rf"""
    (?P<half> 一半 )                                      # 50 percent
  | (?P<double> {DOUBLING} )                             # 翻两番: (2^n - 1) x 100 percent
  | (?P<frac> {FRACTION} )                               # 三分之二, 5/8: the quotient x 100
  | (?P<halfof> (?<! [上下前后大多个] ) 半 (?P<hunit> {UNIT_PATTERN} ) )  # 半年 (not 上半年, a date)
  | {NUMBER_PART}
    (?: {SPACE} \n? {SPACE}                               # the unit, perhaps on the next line,
        (?P<gehalf> 个半 (?! [天日] ) )?                    # with a half before it (两个半小时),
        (?P<unit> (?<= 个半 ) 月 | {UNIT_PATTERN} )         # 一个半月 as 1.5 个月,
        (?P<uhalf> 半 (?! [{HALF_WORDS}] ) )? )?            # or after it (三米半, 一年半)
""", re.VERBOSE))
# The rest of a list whose last item carries the unit all items share
# (分别提高3.9、2.0、2.9个百分点): each bare number before it takes that unit.
LIST_TAIL = re.compile(rf"(?:[、和及与]{SPACE}{ARABIC})+{SPACE}(?P<unit>{UNIT_PATTERN})")
PERCENT_DIGITS = 20  # significant digits of a fraction's percent (2/3 -> 66.666...67)
# Whitespace inside an expression (PDF text), and the runs of it not between two digits:
# those may go before FAST is tried (1560.05 万元); 12 3万 and 9 .5万 stay what they are.
GAPPED = re.compile(rf"[{INLINE_SPACES}\n]").search
# A run is dropped or kept whole (12  3万 keeps both spaces: two numbers, never 123万).
_GAP = rf"[{INLINE_SPACES}\n]"
INNER_GAP = re.compile(rf"(?<![0-9.]|{_GAP}){_GAP}+|(?<!{_GAP}){_GAP}+(?![0-9.]|{_GAP})")
# The common form: Arabic digits, a scale, a unit (or none after a scale: 536万).
FAST = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万亿|万|亿|)([^0-9\s余多.,，]{0,6})").fullmatch

PREFIX_MODIFIERS: dict[str, Modifier] = {
    "约": "approx", "大约": "approx", "约为": "approx", "大概": "approx",
    "近": "under", "将近": "under", "接近": "under", "不足": "under", "不到": "under",
    "不超过": "under", "低于": "under", "少于": "under",
    "超过": "over", "突破": "over", "超": "over", "逾": "over", "多于": "over", "高于": "over",
    "不少于": "over", "不低于": "over", "上": "over",
}
SUFFIX_MODIFIERS: dict[str, Modifier] = {
    "左右": "approx", "上下": "approx", "以上": "over", "多": "over", "余": "over",
    "以下": "under", "以内": "under", "之内": "under", "内": "under",
}
PREFIX_ALT = "|".join(sorted(PREFIX_MODIFIERS, key=len, reverse=True))
# The words after a whole expression that set its modifier (余/多 after the unit too: 三成多).
SUFFIX_WORDS = "左右|上下|以上|以下|以内|之内|内"
# One of them as a whole expression, with the modifier words a number takes (约三分之二, 1/10以上).
SPECIAL = re.compile(rf"""
    \s* (?P<pre> {PREFIX_ALT} )? \s*
    (?: (?P<half> 一半 ) | (?P<double> {DOUBLING} ) | (?P<frac> {FRACTION} ) )
    \s* (?P<suf> {SUFFIX_WORDS} )? \s*
""", re.VERBOSE).fullmatch
# 半年, 近半年, 半个百分点 as a whole expression: half of the unit (上半年 is a date: 上 is no
# modifier here, see normalize()).
HALF_ALONE = re.compile(rf"\s*(?P<pre>{PREFIX_ALT})?{SPACE}半(?P<unit>[^\s{DIGITS}]+?)\s*(?P<suf>{SUFFIX_WORDS})?\s*").fullmatch
# A whole expression: the unit is whatever follows, looked up afterwards in UNITS.
EXPRESSION = re.compile(rf"""
    \s* (?: 从 | 由 )?                                          # 从6000到2万元: the range's opening word
    (?: (?P<pre> {PREFIX_ALT} ) 了? )? {SPACE} (?: 人民币 )? {SPACE}  # 约, 超过(了), 近; 人民币
    (?:
        (?P<half> 一半 )
      | {NUMBER_PART} \s* (?P<unit> [^\s{DIGITS}]*? )             # the unit: looked up in UNITS after
    )
    \s* {INCLUSIVE}? \s*                                         # 100万元（含）以上
    (?P<suf> {SUFFIX_WORDS} | 多 | 余 )? \s*                      # 左右, 以上, 以内; 余/多 after the unit
""", re.VERBOSE).fullmatch
# 上万人, 万余元, 近亿元: a bare 万 or 亿 is a number only with a word that says "about so
# many" before it or 余/多 after it (万元 alone is a unit of account, not an amount).
BARE_SCALE = re.compile(
    rf"\s*(?P<pre>{PREFIX_ALT})?{SPACE}(?P<n1>[万萬亿億])(?P<m1>[余多])?{SPACE}(?P<unit>[^\s0-9０-９]*?)"
    rf"\s*(?P<suf>{SUFFIX_WORDS})?\s*"
).fullmatch
# People and households counted without a classifier (6600多万纳税人, 1100多万学生, 上千万家庭):
# the gold counts them in 人 and 户. A few modifiers may stand between (居家老年人, 低收入人口),
# but no verb or preposition (用于人员 is not a count of people).
PEOPLE_NOUNS = ("纳税人", "老年人", "毕业生", "农民工", "人口", "人员", "学生", "居民", "农民", "职工", "群众", "儿童",
                "老人", "患者", "游客", "旅客", "市民", "村民", "员工", "工人", "党员", "干部", "教师", "家庭",
                "农户", "住户")
COUNTED_NOUN = re.compile(
    r"(?:以上|以下|左右)?(?:(?![用为对向给在是有等及和与或的至到])[\u4e00-\u9fff]){0,3}?"
    rf"(?P<noun>{'|'.join(PEOPLE_NOUNS)}|人民(?!币))"
)
# Names and terms with a numeral in them (GUIDELINES: not quantities): 三次产业 is the
# three sectors of the economy, 八项规定 a regulation, 三项制度 a system of rules.
NAMED_TERMS = re.compile(r"三次产业|八项规定|三项制度|两个确立|两个维护|四个意识|四个自信|四个全面|五位一体")
# Before the second day of a span of dates (3月19日至20日, 6日-10日).
DAY_RANGE_END = re.compile(rf"日[ \t]*[{RANGE_SEPARATORS}][ \t]*$")
# Between the bounds of a range: 3亿元至5亿元, 4.5%—5%.
RANGE_SEP = re.compile(rf"[ \t\u3000]*{INCLUSIVE}?[ \t\u3000]*{SEPARATOR}[ \t\u3000]*")
# In running text the modifier stands just before the number (增长近30%, 约为200余条).
# 约 ends other words too: 节约, 制约, 预约, 签约, 合约, 条约, 公约, 契约, 履约, 违约 are no modifier.
PREFIX_BEFORE = re.compile(rf"(?<![最附临节制预签合条公契履违])(?P<pre>{PREFIX_ALT})(?:为|达|到|至|了)?{SPACE}(?:人民币)?{SPACE}$")
SUFFIX_AFTER = re.compile(rf"[ \t]*{INCLUSIVE}?[ \t]*(?:(左右|上下|以上|以下|以内|之内)|内(?![容部外涵地在需设]))")

# A unit followed by these characters is part of a longer word, not a unit:
# 70周年 is an anniversary, 三成员 is not 30%.
BLOCKED_AFTER = {"周": "年", "成": "员为效果本立就交熟功绩", "个": "体性案", "人": "民", "部": "分", "位": "一数",
                  "家": "庭", "列": "入为举出示支", "双": "方向边重创",
                  # 3省级, 5县委, 省本级: a level or body of a place, not a count of places.
                  "省": "级委政长内会本", "县": "级委政长内域城乡本",
                  # 5PM, P2P: a Latin unit symbol runs on into a word or code.
                  "P": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"}
YEAR_FOLLOWERS = "度初底末中内"
