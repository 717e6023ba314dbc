"""Words of administrative division names (``rules/gazetteer.py``, ``rules/counties.py``
and ``rules/phrases.py`` read them): the level words that end the name of a province,
prefecture or county, as the national division table writes them, and the words a name
may follow. General usage, not the names of any one place.
"""

from __future__ import annotations

__all__ = ["COUNTY_LEVEL_CHARS", "DIVISION_LEVEL_CHARS", "FULL_NAME_CHARS", "NEW_AREA", "SHORT_NAME_SUFFIXES",
           "WORDS_BEFORE_A_NAME"]

# Level words stripped from a province's or prefecture's name to get the name it is also
# called by (包头市 -> 包头, 新疆维吾尔自治区 -> 新疆), a longer word before the shorter it
# ends in.
SHORT_NAME_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市",
                       "地区", "盟")
# The last characters of a division's full name (省, 市, 县, 区, 旗, 州, 盟): an entry of the
# table that ends otherwise is a region, not a division (苏鲁交界).
DIVISION_LEVEL_CHARS = ("省", "市", "县", "区", "旗", "州", "盟")
# The level characters a county-level division's name ends in (平潭县 -> 平潭).
COUNTY_LEVEL_CHARS = "县区市旗"
# A new area (浦东新区) loses both characters of its level for its short name (浦东).
NEW_AREA = "新区"
# Level characters that, right after a county's short name, make it part of a full name
# (积石山县, 阿坝州), which the place finder reads instead.
FULL_NAME_CHARS = "县区市旗州"
# Conjunctions and prepositions of one character a short name may follow in a list (和|九寨沟,
# 在|积石山): any other character right before a name ends a longer word (水|资源).
WORDS_BEFORE_A_NAME = "和与及或在向对从到至于为"
