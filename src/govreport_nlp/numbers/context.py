"""What the text around a number says about it: an ordinal or a code (第三, C919), a
table row's last cell, the noun a bare count counts (358万居家老年人 -> 人). Pure
functions of the text, used by the scanner and by normalize()."""

from __future__ import annotations

import re
from typing import Optional

from .chars import INLINE_SPACES
from .numerals import CN_DIGITS, CN_SMALL, is_arabic
from .patterns import COUNTED_NOUN, NAMED_TERMS, PEOPLE_NOUNS

__all__ = ["counted_unit", "in_tab_row", "opens_item", "noun_unit", "skip_in_context", "slash_fraction_in_sentence", "unit_of_subject"]


def in_tab_row(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a table row (cells separated by tabs)."""
    return "\t" in text[text.rfind("\n", 0, pos) + 1:pos]


# Where an item of a list may begin: a line, or a sentence or clause after its end mark.
_ITEM_BOUNDARY = "\n。；;：:！!？?"


def opens_item(text: str, start: int) -> bool:
    r"""Whether the number at ``start`` opens a line or a clause, where a list prints its
    items' numbers (``\n1. 2亿元用于…``, ``。2. 3个百分点``): past the spaces before it, a
    line break or an end mark. A text that begins with the number is one expression (as
    normalize() reads it), no list.

    >>> opens_item("\n  1. 2亿元", 3), opens_item("完成4. 2亿元", 2), opens_item("4. 2亿元", 0)
    (True, False, False)
    """
    k = start
    while k and text[k - 1] in INLINE_SPACES:
        k -= 1
    return k > 0 and text[k - 1] in _ITEM_BOUNDARY


def noun_unit(m: re.Match[str]) -> str:
    """The classifier a counted noun stands for: 户 for households, 人 for people."""
    return "户" if m.group("noun") in ("家庭", "农户", "住户") else "人"


# The same nouns at the end of a subject, and 人次 (a count of visits), 儿女 and 对象 (people
# a report counts: 7000多万江淮儿女, 30多万监测对象).
_SUBJECT_NOUN = re.compile(
    rf"(?P<noun>人次|儿女|对象|{'|'.join(PEOPLE_NOUNS)})"
    # (脱贫人口务工规模3300万: the scale or number of those people)
    r"(?:[\u4e00-\u9fff]{0,2}?(?:规模|数量|总数|总量))?$")


def unit_of_subject(subject: str) -> Optional[str]:
    """The unit a bare count takes from the people or households its subject names
    (贫困人口|6800多万 -> 人, 出境旅游人次|8300万 -> 人次, 家庭 -> 户), or None.

    >>> unit_of_subject("贫困人口"), unit_of_subject("出境旅游人次"), unit_of_subject("项目")
    ('人', '人次', None)
    """
    m = _SUBJECT_NOUN.search(subject)
    if m is None:
        return None
    return "人次" if m.group("noun") == "人次" else noun_unit(m)


def counted_unit(text: str, pos: int) -> Optional[str]:
    """The unit of the noun a bare count runs into (358万居家老年人 -> 人, 千万家庭 -> 户)."""
    m = COUNTED_NOUN.match(text, pos)
    return None if m is None else noun_unit(m)


def skip_in_context(text: str, start: int, n1: str, ranged: bool = False) -> bool:
    """Numbers that running text shows are not amounts: ordinals (第三), parts of codes
    and names (C919, chxk365, 八项规定), and 一 as an indefinite article (一批, 一项工作;
    the low bound of a range, ``ranged``, is none: 一到三年)."""
    if NAMED_TERMS.match(text, start):
        return True
    if start:
        prev = text[start - 1]
        # After a letter, a point or a URL's characters (%20, ?id=3, #5): part of a code.
        if prev.isascii() and (prev.isalnum() or prev in "._/+·%=&?#") or prev in "第·〔[":
            return True
        if prev in " \t" and text[max(0, start - 3):start].strip().endswith("第"):
            return True
        if prev in CN_DIGITS or prev in CN_SMALL:
            return True
        if prev in "这那每" and not is_arabic(n1):
            return True  # 这五年, 每三年: a time reference, not an amount
        if prev == "届" and not is_arabic(n1):
            return True  # 十二届二次全委会: the session of a congress, an ordinal
        if prev == "、" and not is_arabic(n1):
            k = start - 1
            while k and text[k - 1] in "一二三四五六七八九十次、":
                k -= 1
            if text[k - 1:k] == "届":
                return True  # 十届二次、三次全会: the run of ordinals goes on
        if prev in "“「『" and not is_arabic(n1):
            return True  # “三个定位”, “千万工程”: the name of a slogan or programme
    return not ranged and n1 in ("一", "壹")


def slash_fraction_in_sentence(text: str, start: int, end: int) -> bool:
    """Whether a fraction written with a slash (1/3) stands in a sentence, after a word
    (占全国1/3, 近1/6): alone on a line it is a page number (1/10), after 第 an ordinal,
    before 页/期/号 a page or an issue.

    >>> slash_fraction_in_sentence("占全国1/3。", 3, 6), slash_fraction_in_sentence("1/10", 0, 4)
    (True, False)
    """
    prev = text[start - 1:start]
    return "\u4e00" <= prev <= "\u9fff" and prev != "第" and text[end:end + 1] not in ("页", "期", "号")
