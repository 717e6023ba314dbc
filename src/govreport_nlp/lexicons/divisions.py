"""Words of administrative division names (``rules/gazetteer.py`` reads them): the level
words that end the name of a province, prefecture or county, as the national division
table writes them. General usage, not the names of any one place.
"""

from __future__ import annotations

__all__ = ["COUNTY_LEVEL_CHARS", "DIVISION_LEVEL_CHARS", "NEW_AREA", "SHORT_NAME_SUFFIXES"]

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
