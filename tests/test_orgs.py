"""Organization and place names on real report sentences."""

from __future__ import annotations

import pytest

from govreport_nlp.rules.gazetteer import division_code


def _ents(nlp, text, label):
    doc = nlp(text)
    return [e.text for e in doc._.govreport_entities if e.label == label]


@pytest.mark.parametrize("text,expected", [
    ("按照中共中央办公厅、国务院办公厅《关于全面推进政务公开工作的意见》", ["中共中央办公厅", "国务院办公厅"]),
    ("截至11月底,土右旗公共资源交易中心累计进场交易项目376项", ["土右旗公共资源交易中心"]),
    ("旗发改局、水务局、团委等45家单位创办公众号", ["旗发改局", "水务局", "团委"]),
    ("由旗政府常务副旗长任组长", ["旗政府"]),
    ("报河北省教育厅法规处审核", ["河北省教育厅", "法规处"]),
])
def test_orgs_names_from_reports(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected


def test_orgs_titles_and_adjectives_are_not_bodies(nlp):
    assert _ents(nlp, "积极打造法治政府、阳光政府，由厅长主持，网上大厅运行良好。", "ORG") == []


def test_orgs_places_with_division_codes(nlp):
    doc = nlp("按照包头市政务公开工作总体安排，在沟门镇北只图村开展试点。")
    places = [(e.text, e.value) for e in doc._.govreport_entities if e.label == "GPE"]
    assert ("包头市", "150200000000") in places
    assert ("沟门镇", None) in places and ("北只图村", None) in places


def test_orgs_kinds_of_places_are_not_places(nlp):
    assert _ents(nlp, "建设典型镇、城中村改造，保税区和先行区协同，全市统筹。", "GPE") == []


def test_orgs_gazetteer_knows_short_prefecture_names():
    assert division_code("淮安") == division_code("淮安市") == "320800000000"
    assert division_code("和平") is None  # county short names are ordinary words


def test_orgs_verbs_fused_with_a_level_are_not_names(nlp):
    orgs = _ents(nlp, "结合区政府中心工作，审核区政府文件，报请市政府批准。", "ORG")
    assert all(not o.startswith(("结合", "审核", "报请")) for o in orgs)
    assert _ents(nlp, "土右旗政务服务中心已承接32个部门。", "ORG") == ["土右旗政务服务中心"]


def test_orgs_villages_split_by_the_segmenter_and_names_that_are_not_places(nlp):
    places = _ents(nlp, "目前，已完成8个乡镇视频监控组网，以及后炭社区、善旦尧村等4个重点社区(村)代办点。", "GPE")
    assert "后炭社区" in places and "善旦尧村" in places
    assert _ents(nlp, "坚持以习近平新时代中国特色社会主义思想为指导，促进返乡创业，完善城乡融合。", "GPE") == []
    assert _ents(nlp, "微信平台“活力土右旗”发布信息。", "GPE") == []
