"""Organization and place names by rule, on the segmenter's words.

An organization name ends in a name-final word (厅, 局, 办公室, 领导小组, 人民政府...) and
begins at a jurisdiction (河北省, 土右旗, 省, 旗, 中共, 国务院) found among the words before
it; a short name right after punctuation (、水务局、) needs none. A place is a word ending
in an administrative suffix (包头市, 沟门镇) or a province or country name.

Pure functions over (text, words), no spaCy; the ``govreport_entities`` component runs
them. The rules are the general shapes of Chinese official names, never the names of one
report.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator, Optional, Sequence

from .gazetteer import county_short_names, divisions
from .words import Word, WordIndex, Words, word_index
from ..lexicons import names as lex
from .name_lexicon import BUILTIN, NameLexicon

__all__ = ["central_body", "extend_to_places", "find_central_bodies", "find_orgs", "find_places", "find_regions", "find_zones",
           "join_subunits", "outermost", "region_code"]

# After a body's name these make it part of another word: a document number (发〔…〕)
# or a longer noun (财政部门 is split so already, 教育部署 is not a body).
_NOT_AFTER_BODY = lex.NOT_AFTER_BODY

_ORG_SUFFIXES = sorted(lex.ORG_SUFFIXES, key=len, reverse=True)
_ORG_SUFFIX_RE = re.compile("|".join(map(re.escape, _ORG_SUFFIXES)))
# Bodies written as one word (国务院, 党中央, 省政府): no suffix rule needed.
_ORG_WORDS = re.compile("|".join(lex.ONE_WORD_BODIES) + f"|[{lex.LEVEL_CHARS}](?:{'|'.join(lex.LEVEL_BODIES)})")
# What an organization name may start with: a jurisdiction or a national body.
_HEAD = re.compile("|".join(lex.NATIONAL_HEADS) + f"|全[{lex.LEVEL_CHARS}]"
                   + f"|[\u4e00-\u9fff]{{1,6}}?(?:{'|'.join(lex.DIVISION_ENDS)})|[{lex.ONE_CHAR_HEADS}]")
_OPENERS = lex.NAME_OPENERS
_INCLUSIONS = lex.INCLUSION_WORDS
_PLACE_BEFORE_HEADS = tuple(lex.PLACE_BEFORE_HEADS)
_NOT_NAME = lex.NOT_NAME
_GENERIC_HEADS = lex.GENERIC_HEADS
_NEEDS_HEAD = lex.NEEDS_HEAD
# Words that end in a suffix but name no body.
# (省域经济副中心, 区域中心 are roles of a city, not bodies.)
_NOT_ORGS = re.compile("|".join(f"(?:{'|'.join(before)}){suffix}$" for suffix, before in lex.NOT_ORG_BEFORE_SUFFIX.items()))
# A count of things is no name (五个中心, 三大平台, 12家博物馆), nor a rating (国家一级博物馆).
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两几]+[个项大类家所座]")
# Suffixes that name a body whatever stands before them (集团, 银行, 法院 ...).
_STRONG_SUFFIXES = lex.STRONG_ORG_SUFFIXES
# A numbered slogan is no body (三区一中心, 双中心).
_SLOGAN = re.compile(r"[一二三四五六七八九十两双多]中心$")
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十两几多余]")
_RATING = re.compile(r"[一二三四五1-5ＡA]+级")
_GOVERNMENT_KINDS = tuple(lex.GOVERNMENT_KINDS)
_BODY_FIRST = lex.BODY_FIRST_CHARS
_INNER_CONJUNCTIONS = lex.INNER_CONJUNCTIONS
_SUFFIX_TUPLE = tuple(lex.ORG_SUFFIXES)
_VERB_CHARS = lex.VERB_CHARS
_ATTACHED = lex.ATTACHED_UNITS
_MISSIONS = {"总领事馆", "领事馆", "大使馆"}
_INSIDE_TITLES = re.compile(r"《[^《》]{0,80}》")
# 政府 in 政府信息 / 政府网站 is a word of a longer noun, not a body.
_COMPOUND_AFTER = re.compile("|".join(lex.GOVERNMENT_COMPOUNDS) + "|委员(?!会)")

_PLACE_SUFFIX = lex.PLACE_SUFFIXES
_COUNTRY = lex.COUNTRY_NAMES
# The last characters of the words find_places looks at one by one.
_SUFFIX_OR_COUNTRY_END = frozenset(_PLACE_SUFFIX) | {w[-1] for w in _COUNTRY}  # 社区 ends in 区 too
# 中国特色社会主义, 中国式现代化, 中国梦: the country's name used as an attribute of an idea.
_ATTRIBUTIVE = re.compile("|".join(lex.COUNTRY_ATTRIBUTES))
_SAR = re.compile(r"(?:香港|澳门)特别行政区")
_NOT_PLACES = lex.NOT_PLACES
_COMMON_SMALL_PLACE_WORDS = lex.COMMON_SMALL_PLACE_WORDS
_SMALL_PLACE_NOT_NAME = re.compile(f"[{lex.SMALL_PLACE_NOT_NAME_CHARS}]|" + "|".join(lex.SMALL_PLACE_NOT_NAME_WORDS))
_PLACE_FIRST_BAD = lex.PLACE_FIRST_BAD
# Last characters of bodies' and divisions' names: a conjunction after one joins two names.
_BODY_ENDS = lex.BODY_END_CHARS
_HAN = re.compile(r"[\u4e00-\u9fff]+")


_HEAD_WORDS = lex.HEAD_WORDS
_VERB_START = re.compile("|".join(sorted((w for w in _NOT_NAME if len(w) >= 2), key=len, reverse=True))
                         # (not 经, which begins 经济… names as a head word would)
                         + "|[" + "".join(sorted((_VERB_CHARS - {"经"}) | {"各"})) + "]")


def _is_head(text: str, words: Sequence[Word], k: int, end: int) -> bool:
    """Whether the name may start at word ``k``: at a jurisdiction (a known division, a
    one-character level like 省/旗, 全省, 中共/国务院) or a word ending in a level suffix
    that does not begin with a verb (负责区政府 is not a name; 土右旗 is)."""
    s, e = words[k]
    if e >= end:
        return False
    word = text[s:e]
    if word in _HEAD_WORDS or word in divisions() or (len(word) == 2 and word[0] == "全" and word[1] in "省市县区旗"):
        return True
    if word.startswith(("中共", "中央", "国务院", "国家", "全国")):
        return True
    m = _HEAD.match(text, s, end)
    if not m or m.end() != e:
        return False  # the jurisdiction must be the whole word, not part of a longer one
    return len(word) >= 3 and _VERB_START.match(word) is None


_INSIDE_NAMES = lex.INSIDE_NAMES


def central_body(name: str, names: NameLexicon = BUILTIN) -> str | None:
    """The full name of a central Party or state body written ``name`` (教育部 ->
    中华人民共和国教育部), or None; ``names`` the lexicon to read (a component's own)."""
    return names.central_body(name)


def find_central_bodies(text: str, words: Words, names: NameLexicon = BUILTIN) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the central bodies of ``names`` in the text, full or short
    (国家统计局, 人社部), where they begin a word and end one."""
    if names.body_pattern is None:
        return
    index = word_index(words)
    starts, ends = index.start_set, index.end_set
    for m in names.body_pattern.finditer(text):
        s, e = m.span()
        if s not in starts or text[e:e + 1] in _NOT_AFTER_BODY:
            continue
        if e in ends or e == len(text) or not _HAN.match(text, e):
            yield s, e
        elif e - s >= 3 and any(w in ends for w in range(s + 1, e)):
            yield s, e  # 国家统计局江西…: the segmenter ran the name into the next one


def join_subunits(spans: list[tuple[int, int]], text: str, names: NameLexicon = BUILTIN) -> list[tuple[int, int]]:
    """A body written right before another organization's name is the parent of a
    sub-unit (国家统计局 + 江西调查总队): one name."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if (out and out[-1][1] == s and names.central_body(text[out[-1][0]:out[-1][1]]) is not None
                and names.central_body(text[s:e]) is None):  # 党中央 + 国务院 are two bodies
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def find_orgs(text: str, words: Words) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of organization names."""
    index = word_index(words)
    spans = index.spans
    ends, starts = index.end_set, index.start_set
    for m in _ORG_WORDS.finditer(text):
        if m.start() in starts and (m.end() in ends or m.end() == len(text)) and not (
                m.group().endswith("政府") and _COMPOUND_AFTER.match(text, m.end())):
            yield m.span()
    org_ends: set[int] = set()
    found_starts: set[int] = set()
    listed: list[tuple[int, int]] = []
    for m in _ORG_SUFFIX_RE.finditer(text):
        end = m.end()
        i = _suffix_word(text, m, index, org_ends)
        if i is None:
            continue
        j = _name_start(text, spans, i, m, org_ends)
        head = _jurisdiction_head(text, spans, i, j, m)
        if head is None:
            head = _headless_start(text, spans, j, m, org_ends, listed)
            if head is None:
                continue
        head = _trimmed_head(text, head, end, spans[j][0], m.group())
        if head is None:
            continue
        org_ends.add(end)
        found_starts.add(head)
        yield head, end
    # Items of a list of bodies (牵头单位：农牧厅、林草局、人社厅): a short name that needs a
    # jurisdiction stands without one beside a body of the same list.
    for first, end in listed:
        if (first - 1 in org_ends and text[first - 1] == "、") or (end + 1 in found_starts and text[end] == "、"):
            yield first, end


def _suffix_word(text: str, m: re.Match[str], index: WordIndex, org_ends: set[int]) -> Optional[int]:
    """The index of the word a name-final suffix ends, when the suffix may end a name there
    (not 政府信息, 厅长, 委员, 全省办结, a verb like 查处, 地方政府债券), else None."""
    end = m.end()
    if end not in index.end_set or end in org_ends:
        return None
    if _COMPOUND_AFTER.match(text, end) or text[end:end + 1] in ("长", "员", "主") or \
            text[end:end + 1] in lex.NOT_AFTER_SUFFIX.get(m.group(), ()):
        return None  # 政府信息, 厅长, 委员, 全省办结: not a body
    if _NOT_ORGS.search(text, max(0, end - 3), end):
        return None
    i = index.word_ending_at(end)
    if i is None:
        return None
    words = index.spans
    ws, we = words[i]
    if len(m.group()) == 1 and we - ws == 2 and text[ws] not in _BODY_FIRST and not (
            i > 0 and words[i - 1][1] == ws and text[words[i - 1][0]] in _BODY_FIRST
            and words[i - 1][1] - words[i - 1][0] <= 2):
        # 查处, 举办, 布局: a verb or noun of two characters, not a body (but 旗发|改局:
        # the segmenter cut a short name after its level)
        return None
    if m.group().endswith("政府") and text[max(0, m.start() - 3):m.start()].endswith(_GOVERNMENT_KINDS):
        return None  # 地方政府债券, 法治政府: a kind of government
    return i


def _name_start(text: str, words: Sequence[Word], i: int, m: re.Match[str], org_ends: set[int]) -> int:
    """The first word of the name whose suffix ends word ``i``: left from it, up to a word
    that cannot be in a name, punctuation, or the end of another name."""
    end = m.end()
    j = i
    while j > 0:
        s, e = words[j - 1]
        word = text[s:e]
        if e != words[j][0]:
            break  # a space or line break between two words ends the name (a title above it)
        if (word in _INNER_CONJUNCTIONS and j > 1 and e - s == 1 and words[j - 2][1] == s
                and _HAN.fullmatch(text[words[j - 2][0]:s]) and not text[words[j - 2][0]:s].endswith(_SUFFIX_TUPLE)
                and text[words[j - 2][0]:s] not in _NOT_NAME):
            j -= 1  # 人力资源|和|社会保障厅: the conjunction joins two parts of one name
            continue
        if not _HAN.fullmatch(word) or end - s > 20:
            break
        if word in _NOT_NAME and not (word in _INSIDE_NAMES and e == m.start()):
            break  # (联合 in 四川农商联合银行 is the name's)
        if e in org_ends and m.group() not in _ATTACHED:
            break
        fused = _VERB_START.match(word) if len(word) >= 3 else None
        if fused and word[fused.end():] in _HEAD_WORDS:
            break  # 来自市|财政局: a verb fused onto the level (the head is cut from it below)
        j -= 1
    return j


def _jurisdiction_head(text: str, words: Sequence[Word], i: int, j: int, m: re.Match[str]) -> Optional[int]:
    """Where the name of words ``j``..``i`` begins at a jurisdiction, or None without one."""
    first = words[j][0]
    if j > 0:
        ps, pe = words[j - 1]
        verb = _VERB_START.match(text, ps, pe) if pe - ps >= 3 and pe == first else None
        if verb and text[verb.end():pe] in _HEAD_WORDS:
            return verb.end()  # 指定县|档案馆, 代表区|政府: the segmenter fused a verb onto the level
    if (m.group() in _ATTACHED or m.group().endswith("办")) and i > 0 and \
            _ORG_WORDS.fullmatch(text, words[i - 1][0], words[i - 1][1]) and words[i - 1][1] == words[i][0]:
        return words[i - 1][0]  # 省政府|办公厅, 区政府|办: a body written as one word heads its office
    for k in range(j, i + 1):
        if _is_head(text, words, k, m.end()):
            return words[k][0]
    return None


def _headless_start(text: str, words: Sequence[Word], j: int, m: re.Match[str], org_ends: set[int],
                    listed: list[tuple[int, int]]) -> Optional[int]:
    """Where a name without a jurisdiction begins, if it may stand without one: after
    punctuation or an opener (、水务局、), after another body (河北省教育厅 + 法规处), or a
    distinctive suffix after a verb (推动|磷化集团); else None. A short name that needs a
    jurisdiction is kept in ``listed`` as a possible item of a list of bodies."""
    # （含街道办事处）: a word saying what is included opens the name after it.
    while text[words[j][0]:words[j][1]] in _INCLUSIONS and words[j][1] < m.start():
        j += 1
    first, end = words[j][0], m.end()
    # (a line break before the first word opens the name as punctuation would)
    opener = text[words[j - 1][0]:words[j - 1][1]] if j > 0 and words[j - 1][1] == first else "\n"
    if m.group() in _NEEDS_HEAD:
        if first < m.start() and 2 <= end - first <= 6 and (text[first - 1:first] in "、：:" or text[end:end + 1] == "、"):
            listed.append((first, end))  # 农牧厅、林草局: a list item, kept if a neighbour is a body
        return None
    if first == m.start():
        return None  # 各乡镇(管委会): a bare suffix names no body
    name_len = end - first
    after_org = j > 0 and words[j - 1][1] in org_ends  # 河北省教育厅 + 法规处
    after_verb = opener in _NOT_NAME and m.group() in _STRONG_SUFFIXES and name_len >= 4
    if not (opener in _OPENERS or opener in _INCLUSIONS or after_org or after_verb or not _HAN.fullmatch(opener)) \
            or name_len < 3 or name_len > 14:
        return None  # (推动|磷化集团, 完成|中原银行: a distinctive suffix may follow a verb)
    return first


def _trimmed_head(text: str, head: int, end: int, first: int, suffix: str) -> Optional[int]:
    """Where the name ``text[head:end]`` begins once a mission's state is added and a verb
    before it dropped, or None when it names no body (a generic head, a count, a rating,
    a slogan)."""
    if suffix in _MISSIONS and text[head - 1:head] == "驻":
        # 巴西驻成都总领事馆: a mission is named by the state it represents.
        k = head - 1
        while k > 0 and head - 1 - k < 4 and _HAN.match(text, k - 1) and text[k - 1] not in "、和与及":
            k -= 1
        # only a country name standing alone (…，巴西驻…), not the end of a longer phrase
        if head - 1 - k >= 2 and (k == 0 or not _HAN.match(text, k - 1) or text[k - 1] in "、和与及"):
            head = k
    name = text[head:end]
    if name[0] in _VERB_CHARS and len(name) > 3 and head == first:
        head += 1  # 报|厅办公室
        name = name[1:]
    if any(name.startswith(g) for g in _GENERIC_HEADS) or len(name) < 2 or _COUNTED.match(name):
        return None
    if _NUMERAL.match(text, head - 1) and name[0] in "家所座个" or _RATING.search(name) or _SLOGAN.search(name):
        return None  # 12|家博物馆, 国家一级博物馆
    if name[0] in _INNER_CONJUNCTIONS:
        return None
    return head


@functools.lru_cache(maxsize=1)
def _last_chars() -> frozenset[str]:
    return frozenset(name[-1] for name in divisions())


def find_places(text: str, words: Words) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of place names: known divisions (province, prefecture, county,
    from the adcode table), the SARs, and places below a county (沟门镇, 北只图村,
    后炭社区) and abbreviated banners and counties (土右旗) by their suffix."""
    spans = word_index(words).spans
    for m in _SAR.finditer(text):
        yield m.span()
    yield from _known_divisions(text, spans)
    yield from _suffixed_places(text, spans)


def _known_divisions(text: str, words: Sequence[Word]) -> Iterator[tuple[int, int]]:
    """Known divisions, written as one to three words (包头市; 土默特 + 右旗), longest first
    at each word, left to right."""
    known = divisions()
    if not known:
        return
    last_chars = _last_chars()
    # A name can only end at a word whose last character ends some division's name, so
    # only the words up to two before such a word are tried (most of a report's words
    # are never looked at).
    n = len(words)
    ends = [j for j, (_, e) in enumerate(words) if text[e - 1] in last_chars]
    end_set = set(ends)
    starts = sorted({i for j in ends for i in (j - 2, j - 1, j) if i >= 0})
    allowed = 0
    for i in starts:
        if i < allowed:
            continue
        for k in (3, 2, 1):
            if i + k > n or i + k - 1 not in end_set:
                continue
            s, e = words[i][0], words[i + k - 1][1]
            name = text[s:e]  # names in the table hold no whitespace: no word gaps to check
            if name[0] in "和与及" and text[s - 1:s] and text[s - 1] in _BODY_ENDS:
                continue  # 县政府|和县各级政府: the conjunction after a body, not 和县
            if name in known and not text.startswith("特别行政区", e):
                if name[-1] not in _PLACE_SUFFIX and (text[e:e + 1] in ("委", "政") or (
                        text[e:e + 1] in _PLACE_SUFFIX and text[e + 1:e + 2] in ("委", "政"))):
                    continue  # 河北 + 省委, 淮安 + 市委: the body
                yield s, e
                allowed = i + k
                break


def _suffixed_places(text: str, words: Sequence[Word]) -> Iterator[tuple[int, int]]:
    """Countries, and places below a county and abbreviated banners by their suffix."""
    for idx, (s, e) in enumerate(words):
        if text[e - 1] not in _SUFFIX_OR_COUNTRY_END:
            continue  # neither a country nor a word ending in 镇/村/旗/社区…
        word = text[s:e]
        if word in _COUNTRY:
            if not _ATTRIBUTIVE.match("".join(text[e:e + 8].split())):  # (特\n色: a PDF line break)
                yield s, e
            continue
        if not (word and word[-1] in _PLACE_SUFFIX and _HAN.fullmatch(word)) and word != "社区":
            continue
        if word[-1] in "省市区州盟" and word != "社区":
            continue  # these levels are all in the division table; a miss is no place (保税区)
        start = s
        name = word
        split_off = word in ("社区", "村", "镇", "乡") or (
            len(word) == 2 and word[-1] in "村镇乡" and word not in _COMMON_SMALL_PLACE_WORDS)
        if split_off and idx > 0:
            ps, pe = words[idx - 1]
            prev_word = text[ps:pe]
            # 后炭 + 社区, 善旦 + 尧村: a short name the segmenter split off its suffix.
            if pe == s and _HAN.fullmatch(prev_word) and len(prev_word) <= 3 and prev_word not in _NOT_NAME \
                    and prev_word[0] not in _PLACE_FIRST_BAD and prev_word not in ("重点", "城乡", "中心"):
                start, name = ps, prev_word + word
        if word[-1] == "县":
            continue  # counties are all in the division table
        if len(name) < 3 or name in _NOT_PLACES or name[0] in _PLACE_FIRST_BAD:
            continue  # two-character words ending in 旗/镇 are mostly not names (涉旗)
        merged = start != s
        if _SMALL_PLACE_NOT_NAME.search(name[:-1] if not merged or word != "社区" else name[:-2]):
            continue  # 典型镇, 城中村, 千镇万村: kinds of places, not names
        if not merged and (name[:-1] in _NOT_PLACES or name[-2:] in _NOT_PLACES
                           or name[-2:] in _COMMON_SMALL_PLACE_WORDS):
            continue  # (访企|入村: a common word ending in 村 is no name's tail)
        if text[start - 1:start] in "“「" and text[e:e + 1] in "”」":
            continue  # “活力土右旗”: the quoted name of an account or a brand
        if e < len(text) and text[e] in "委政":
            continue  # 旗委, 县政府: the body, not the place
        yield start, e


# Zones named after the place they are in (平潭综合实验区, 两江新区): a place of their own.
_ZONE = re.compile("|".join(lex.ZONE_SUFFIXES))


def find_regions(text: str, words: Words, names: NameLexicon = BUILTIN) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the regions of ``names`` (``lexicons.regions`` by default: 京津冀,
    长三角, 成渝地区双城经济圈) where they begin a word."""
    if names.region_pattern is None:
        return
    starts = word_index(words).start_set
    for m in names.region_pattern.finditer(text):
        if m.start() in starts:
            yield m.span()


def region_code(name: str, names: NameLexicon = BUILTIN) -> str | None:
    """The 12-digit codes of the provinces a region covers, comma-separated, as GPE values
    of divisions are (京津冀 -> 110000000000,120000000000,130000000000)."""
    codes = names.region_codes(name)
    return ",".join(code.ljust(12, "0") for code in codes) if codes else None


def find_zones(text: str, words: Words) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of zones whose name is a division's name or a county's short
    name followed by a zone suffix (平潭综合实验区)."""
    starts = word_index(words).start_set
    names = {**county_short_names(), **divisions()}
    for m in _ZONE.finditer(text):
        for size in (4, 3, 2):
            s = m.start() - size
            if s >= 0 and s in starts and text[s:m.start()] in names:
                for outer in (4, 3, 2):  # 南京 + 江北新区: the city it belongs to is part of it
                    if s - outer >= 0 and s - outer in starts and text[s - outer:s] in divisions():
                        s -= outer
                        break
                yield s, m.end()
                break


def extend_to_places(orgs: list[tuple[int, int]], places: Sequence[tuple[int, int]],
                     text: str = "", names: NameLexicon = BUILTIN) -> list[tuple[int, int]]:
    """An organization whose name starts inside a place's name begins with that place
    (平潭综合|实验区管委会 -> 平潭综合实验区管委会): the finder's head was a word of it; so
    does a national body written right after its place (长三角|国家技术创新中心, 中国|国家铁路集团),
    unless it is a central body of ``names`` (北京|国家统计局 are two names).

    >>> extend_to_places([(4, 10)], [(0, 7)])
    [(0, 10)]
    >>> extend_to_places([(3, 11)], [(0, 3)], "长三角国家技术创新中心")
    [(0, 11)]
    """
    if not places:
        return orgs
    ordered = sorted(places)
    starts = [p[0] for p in ordered]
    out = []
    for s, e in orgs:
        k = bisect.bisect_right(starts, s) - 1
        while k >= 0 and ordered[k][0] > s - 16:
            ps, pe = ordered[k]
            if ps < s < pe <= e or (pe == s and text.startswith(_PLACE_BEFORE_HEADS, s)
                                    and names.central_body(text[s:e]) is None):
                s = ps
                break
            k -= 1
        out.append((s, e))
    return out


def outermost(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Drop names inside 《document titles》 (they name the document, not an actor) and
    names inside a longer name of the same kind (国务院 in 国务院办公厅)."""
    titles = [m.span() for m in _INSIDE_TITLES.finditer(text)]
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if any(ts <= s and e <= te for ts, te in titles):
            continue
        if kept and kept[-1][0] <= s and e <= kept[-1][1]:
            continue
        kept.append((s, e))
    return kept
