"""Organization and place names by rule: a name-final word (厅, 局, 领导小组; 省, 市, 旗)
and the words before it, cut where the segmenter put a word boundary.

Pure functions, no spaCy; the ``govreport_entities`` component runs them. Rules are
generic (the suffixes of Chinese administrative and organizational names), never the
names of one report.
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["find_orgs", "find_places"]

_HAN = r"\u4e00-\u9fff"
# Name-final words of organizations, longest first.
_ORG_SUFFIXES = sorted([
    "人民政府办公厅", "人民政府办公室", "人民政府", "人民代表大会常务委员会", "人民代表大会", "常务委员会",
    "常委会", "办公厅", "办公室", "委员会", "领导小组", "工作组", "工作领导小组", "管委会", "管理委员会",
    "服务中心", "交易中心", "中心", "厅", "局", "委", "办", "院", "处", "政府", "政协", "党委", "党组",
    "总队", "支队", "大队", "研究院", "研究所", "法院", "检察院", "公安局", "银行", "协会", "联合会",
    "总局", "集团", "公司", "大学", "学院", "组织",
], key=len, reverse=True)
# Heads of organization names that stand alone (国务院, 党中央, 省政府 are written so).
_ORG_WORDS = {"国务院", "党中央", "中央", "全国人大", "全国政协", "全国人大常委会", "省委", "省政府", "市委", "市政府",
              "旗委", "旗政府", "县委", "县政府", "区委", "区政府", "团委", "中央网信办"}
_PLACE_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "社区", "省", "市", "县", "区", "旗", "镇", "乡", "村", "盟", "州"]
_PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
).split()
_COUNTRY = ["中华人民共和国", "中国"]
# Words that end in a place suffix but are not places (城市, 地区, 小区...).
_NOT_PLACE_HEADS = set("城都超上开新地小园景辖片山牧郊街老边灾疫本我全各该两三城省市县区乡镇村农")
_NOT_ORG_HEADS = {"各", "本", "该", "我", "有关", "相关", "其他", "上级", "主管", "职能", "责任", "业务", "各级",
                  "办", "一", "这", "此", "等", "和", "及", "与", "的"}
# Words that end the name on its left.
_LEFT_STOP = re.compile(
    r"按照|根据|依据|关于|通过|经过|对于|向|由|在|对|与|和|及|或|把|被|将|从|以|为|是|的|了|等|各|及时"
    r"|召开|组织|印发|发布|制定|出台|开展|成立|设立|建立|要求|部署|联合|会同|配合|协调|牵头|督促|指导"
    r"|承接|完成|落实|报|送|请|经|向|于|截至|目前|今年|全年|年|月|日"
)
_NAME_RE = re.compile(rf"[{_HAN}A-Za-z]+")
_ORG_SUFFIX_RE = re.compile("|".join(map(re.escape, _ORG_SUFFIXES)))
_PLACE_RE = re.compile(
    "|".join(map(re.escape, _COUNTRY + [p + "省" for p in _PROVINCES] + _PROVINCES))
    + rf"|[{_HAN}]{{1,8}}?(?:{'|'.join(_PLACE_SUFFIXES)})(?![{_HAN}]{{0,1}}(?:政府|委|局|厅|办|中心))"
)


def _left_edge(text: str, start: int, end: int, bounds: frozenset[int], max_len: int) -> int:
    """The leftmost word boundary the name may start at: after the last stop word."""
    lo = max(0, end - max_len)
    m = _NAME_RE.search(text[lo:end][::-1])
    run_start = end - (m.end() if m else 0)
    best = start
    for cand in range(start, max(run_start, lo) - 1, -1):
        if cand in bounds or cand == run_start:
            best = cand
    piece = text[best:start]
    last = None
    for m in _LEFT_STOP.finditer(piece):
        if best + m.start() in bounds and best + m.end() in bounds:
            last = m
    if last is not None:
        best = best + last.end()
    return best


def find_orgs(text: str, bounds: frozenset[int]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of organization names."""
    for word in _ORG_WORDS:
        for m in re.finditer(re.escape(word), text):
            if m.start() in bounds or m.start() == 0:
                yield m.start(), m.end()
    for m in _ORG_SUFFIX_RE.finditer(text):
        end = m.end()
        if end < len(text) and text[end] in "长员主":  # 厅长, 委员, 处长: titles, not bodies
            continue
        if end not in bounds and end != len(text):
            continue
        start = _left_edge(text, m.start(), end, bounds, 16)
        name = text[start:end]
        if len(name) < 3 or name[: len(name) - len(m.group())] in _NOT_ORG_HEADS or start == m.start():
            continue
        if any(name.startswith(h) for h in ("各", "本", "该", "有关", "相关", "上级", "其他", "我")):
            continue
        yield start, end


def find_places(text: str, bounds: frozenset[int]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of place names (country, province down to village)."""
    for m in _PLACE_RE.finditer(text):
        start, end = m.span()
        if start not in bounds or (end not in bounds and end != len(text)):
            continue
        name = m.group()
        if len(name) < 2 or name[0] in _NOT_PLACE_HEADS and name not in ("上海", "上海市", "新疆"):
            continue
        yield start, end
