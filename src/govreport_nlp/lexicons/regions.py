"""Regions that reports name as places though no division is called so: city clusters,
economic zones and the usual groupings of provinces. Each entry: name -> the division
codes (province level, 2 digits + zeros) it covers, as the State Council's regional plans
define them; the codes let a user join a region to its divisions.
"""

from __future__ import annotations

__all__ = ["PROVINCE_ABBREVIATIONS", "REGIONS"]

# The province-level codes: 11 北京, 12 天津, 13 河北, 31 上海, 32 江苏, 33 浙江, 34 安徽,
# 44 广东, 50 重庆, 51 四川, 81 香港, 82 澳门 ...
REGIONS: dict[str, tuple[str, ...]] = {
    "京津冀": ("110000", "120000", "130000"),
    "长三角": ("310000", "320000", "330000", "340000"),
    "长江三角洲": ("310000", "320000", "330000", "340000"),
    "珠三角": ("440000",),
    "珠江三角洲": ("440000",),
    "粤港澳大湾区": ("440000", "810000", "820000"),
    "成渝": ("500000", "510000"),
    "成渝地区双城经济圈": ("500000", "510000"),
    "川渝": ("500000", "510000"),
    "长江经济带": ("310000", "320000", "330000", "340000", "360000", "420000", "430000", "500000", "510000",
                 "520000", "530000"),
    "黄河流域": ("630000", "510000", "620000", "640000", "150000", "140000", "610000", "410000", "370000"),
    "东北地区": ("210000", "220000", "230000"),
    "西部地区": ("150000", "450000", "500000", "510000", "520000", "530000", "540000", "610000", "620000",
                 "630000", "640000", "650000"),
    "中部地区": ("140000", "340000", "360000", "410000", "420000", "430000"),
    "东部地区": ("110000", "120000", "130000", "310000", "320000", "330000", "350000", "370000", "440000",
                 "460000"),
    "港澳台": ("710000", "810000", "820000"),
    "海峡西岸": ("350000",),
    "北部湾": ("450000", "440000", "460000"),
}

# The one-character abbreviations of the provinces, and their codes. A part of a province
# is named by its abbreviation and a direction (皖北, 苏南, 粤东, 陕北). The abbreviations
# that are also common words or begin other names (新, 青, 宁, 云, 贵, 吉, 甘, 黑, 琼, 藏, 津,
# 沪, 渝, 京, 蒙) are left out: 新北, 云南, 吉林 are no such regions.
PROVINCE_ABBREVIATIONS = {
    "冀": "130000", "晋": "140000", "辽": "210000", "苏": "320000", "浙": "330000", "皖": "340000", "闽": "350000",
    "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000", "粤": "440000", "桂": "450000",
    "川": "510000", "黔": "520000", "滇": "530000", "陕": "610000",
}
for _abbr, _code in PROVINCE_ABBREVIATIONS.items():
    for _direction in "北南东西":
        REGIONS.setdefault(_abbr + _direction, (_code,))
del _abbr, _code, _direction
