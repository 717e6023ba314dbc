"""rules/name_lexicon.py: the names the finders know by heart, as a value a component holds."""

from __future__ import annotations

import pytest

from govreport_nlp.errors import LexiconError
from govreport_nlp.lexicons.central_bodies import BODIES
from govreport_nlp.lexicons.regions import REGIONS
from govreport_nlp.rules.entities import central_body, find_central_bodies, find_regions, region_code
from govreport_nlp.rules.name_lexicon import BUILTIN, NameLexicon

# bulk pingtan_stats_communique_2014: 国家海洋局 (merged into 自然资源部 in 2018) is no body
# of the built-in list, which follows the 2023 reform; a reader of older reports adds it.
PINGTAN = "国家海洋局海岛研究中心（一期）工程建成"
PINGTAN_WORDS = [(0, 5), (5, 7), (7, 11), (11, 12), (12, 14), (14, 15), (15, 17), (17, 19)]


def test_name_lexicon_builtin_is_the_lexicon_modules():
    assert BUILTIN.bodies == BODIES and dict(BUILTIN.regions) == REGIONS
    assert central_body("人社部") == "中华人民共和国人力资源和社会保障部"
    assert region_code("京津冀") == "110000000000,120000000000,130000000000"


def test_name_lexicon_extended_body_is_found_and_named():
    assert list(find_central_bodies(PINGTAN, PINGTAN_WORDS)) == []
    names = BUILTIN.extended(central_bodies={"国家海洋局": ["海洋局"]})
    assert list(find_central_bodies(PINGTAN, PINGTAN_WORDS, names)) == [(0, 5)]
    assert central_body("海洋局", names) == "国家海洋局" and central_body("国家海洋局", names) == "国家海洋局"
    assert BUILTIN.central_body("国家海洋局") is None  # the built-in lexicon is left as it was


def test_name_lexicon_a_short_form_given_again_moves_to_the_new_body():
    # 发改委 is 国家发展和改革委员会 by default; a user reading a province's reports may mean
    # the provincial one.
    names = BUILTIN.extended(central_bodies={"省发展和改革委员会": ["发改委"]})
    assert names.central_body("发改委") == "省发展和改革委员会"
    assert names.central_body("国家发改委") == "国家发展和改革委员会"


def test_name_lexicon_regions_are_replaced_whole():
    names = BUILTIN.extended(regions={"北部湾": ["450000", "440000", "460000"], "关中平原城市群": ["610000"]})
    assert region_code("北部湾", names) == "450000000000,440000000000,460000000000"
    text = "关中平原城市群建设加快"
    assert list(find_regions(text, [(0, 7), (7, 9), (9, 11)], names)) == [(0, 7)]


def test_name_lexicon_round_trips_its_dict():
    names = BUILTIN.extended(central_bodies={"国家海洋局": []})
    back = NameLexicon.from_dict(names.to_dict())
    assert back == names and back != BUILTIN and "central body forms" in repr(back)


def test_name_lexicon_empty_finds_nothing():
    # An empty alternation would match the empty string at every place.
    empty = NameLexicon({}, {})
    assert empty.body_pattern is None and empty.region_pattern is None
    assert list(find_central_bodies(PINGTAN, PINGTAN_WORDS, empty)) == []
    assert list(find_regions("京津冀协同发展", [(0, 3), (3, 5), (5, 7)], empty)) == []


@pytest.mark.parametrize("bad, match", [
    ({"central_bodies": {"国家海洋局": "海洋局"}}, "must be a list"),
    ({"central_bodies": {"国家 海洋局": []}}, "without spaces"),
    ({"regions": {"北部湾": ["45"]}}, "6 or 12 digits"),
    ({"regions": {"北部湾": "450000"}}, "list of codes"),
    ({"regions": {"北部湾": []}}, "6 or 12 digits"),
])
def test_name_lexicon_refuses_malformed_entries(bad, match):
    with pytest.raises(LexiconError, match=match):
        BUILTIN.extended(**bad)


def test_name_lexicon_from_dict_refuses_what_it_did_not_write():
    with pytest.raises(LexiconError, match="save it again"):
        NameLexicon.from_dict({"bodies": {}})
