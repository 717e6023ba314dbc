"""Organization and place names on real report sentences."""

from __future__ import annotations

import pytest

import govreport_nlp
from govreport_nlp.rules.gazetteer import division_code


def _entities(nlp, text, label):
    """The entities of ``label`` the pipeline finds in ``text``, as the report gives them."""
    return [e for e in govreport_nlp.extract(text, nlp=nlp).entities if e.label == label]


def _ents(nlp, text, label):
    return [e.text for e in _entities(nlp, text, label)]


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
    places = [(e.text, e.value) for e in _entities(nlp, "按照包头市政务公开工作总体安排，在沟门镇北只图村开展试点。", "GPE")]
    assert ("包头市", "150200000000") in places
    assert ("沟门镇", None) in places and ("北只图村", None) in places


def test_orgs_kinds_of_places_are_not_places(nlp):
    assert _ents(nlp, "建设典型镇、城中村改造，保税区和先行区协同，全市统筹。", "GPE") == []


def test_orgs_gazetteer_knows_short_prefecture_names():
    assert division_code("淮安") == division_code("淮安市") == "320800000000"
    assert division_code("和平") is None  # county short names are ordinary words


def test_orgs_verbs_fused_with_a_level_are_not_names(nlp):
    orgs = _ents(nlp, "结合区政府中心工作，审核区政府文件，报请市政府批准。", "ORG")
    assert "区政府" in orgs and "市政府" in orgs
    assert all(not o.startswith(("结合", "审核", "报请")) for o in orgs)
    assert _ents(nlp, "土右旗政务服务中心已承接32个部门。", "ORG") == ["土右旗政务服务中心"]


def test_orgs_villages_split_by_the_segmenter_and_names_that_are_not_places(nlp):
    places = _ents(nlp, "目前，已完成8个乡镇视频监控组网，以及后炭社区、善旦尧村等4个重点社区(村)代办点。", "GPE")
    assert "后炭社区" in places and "善旦尧村" in places
    assert _ents(nlp, "坚持以习近平新时代中国特色社会主义思想为指导，促进返乡创业，完善城乡融合。", "GPE") == []
    assert _ents(nlp, "微信平台“活力土右旗”发布信息。", "GPE") == []


def _orgs_with_values(nlp, text):
    return [(e.text, e.value) for e in _entities(nlp, text, "ORG")]


@pytest.mark.parametrize("text, expected", [
    # hebei_jyt_foi_2013 (bulk), hebei_jyt_foi_2017: central bodies carry their full names.
    ("及时向教育部、省委、省政府报送我厅信息", [("教育部", "中华人民共和国教育部"), ("省委", None), ("省政府", None)]),
    ("由教育部和财政部联合实施", [("教育部", "中华人民共和国教育部"), ("财政部", "中华人民共和国财政部")]),
    # jiangxi_province_stats_communique_2022_excerpt: a sub-unit written after its body.
    ("江西省统计局  国家统计局江西调查总队", [("江西省统计局", None), ("国家统计局江西调查总队", None)]),
])
def test_orgs_central_bodies_and_their_subunits(nlp, text, expected):
    assert _orgs_with_values(nlp, text) == expected


def test_orgs_central_body_short_forms_map_to_one_body():
    from govreport_nlp.rules.entities import central_body

    assert central_body("人社部") == central_body("人力资源社会保障部") == "中华人民共和国人力资源和社会保障部"
    assert central_body("发改委") == "国家发展和改革委员会"
    assert central_body("教育厅") is None


@pytest.mark.parametrize("text", [
    # shanghai_office_foi_2025, sichuan_province_work_report_2025_excerpt: counts and roles.
    "加快建设“五个中心”",
    "成都都市圈发展能级提升，省域经济副中心、区域中心城市加快发展",
    # tuyouqi_2017_foi_annual: a bare suffix after 各乡镇 is generic.
    "各乡镇(管委会)、各部门按要求开展工作",
    # 财政部门 is a kind of body; 国办发 begins a document number.
    "按照省财政部门的统一要求，根据国办发〔2019〕1号文件",
])
def test_orgs_counts_roles_and_kinds_are_not_bodies(nlp, text):
    assert _ents(nlp, text, "ORG") == []


@pytest.mark.parametrize("text, expected", [
    # hebei_jyt_foi_2017: a one-character verb fused onto the name.
    ("按规定拟定正确的密级，报厅办公室、厅领导签发", ["厅办公室"]),
    # sichuan_province_work_report_2025_excerpt: 联合 inside a bank's name.
    ("省担保集团，四川农商联合银行开业运营", ["省担保集团", "四川农商联合银行"]),
])
def test_orgs_names_around_verbs(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # pingtan_stats_communique_2022_excerpt: a zone named after its county.
    ("2022年平潭综合实验区国民经济和社会发展统计公报", ["平潭综合实验区"]),
    # jiangsu_province_work_report_2025 (bulk): a zone named after its district.
    ("支持南京江北新区建设", ["南京江北新区"]),
    # 国家级、省级新区 are kinds of zones.
    ("国家级、省级新区加快发展", []),
])
def test_orgs_zones_named_after_their_place(nlp, text, expected):
    assert _ents(nlp, text, "GPE") == expected


@pytest.mark.parametrize("text, expected", [
    # hebei_jyt_foi_2019, sichuan_province_work_report_2025_excerpt, huaian_city_foi_2024:
    # regions of the small documented table, with the codes of their provinces.
    ("深入推进京津冀教育协同发展", [("京津冀", "110000000000,120000000000,130000000000")]),
    ("成渝地区双城经济圈建设积厚成势", [("成渝地区双城经济圈", "500000000000,510000000000")]),
    ("融入长三角一体化发展", [("长三角", "310000000000,320000000000,330000000000,340000000000")]),
])
def test_orgs_regions_are_places_with_their_provinces(nlp, text, expected):
    assert [(e.text, e.value) for e in _entities(nlp, text, "GPE")] == expected


def test_orgs_foreign_mission_named_with_its_state(nlp):
    # sichuan_province_work_report_2025_excerpt
    assert _ents(nlp, "新增国际友好城市和友好合作关系40对，巴西驻成都总领事馆开馆。", "ORG") == ["巴西驻成都总领事馆"]


def test_orgs_name_lists_are_documented_data():
    from govreport_nlp.lexicons import names

    assert set(names.__all__) == {n for n in vars(names) if n.isupper()}
    assert "领导小组" in names.ORG_SUFFIXES and "社区" in names.NOT_PLACES


def test_orgs_district_shared_by_two_cities_is_the_reports_own(nlp):
    # 普陀区 is a district of 上海 and of 舟山: the report's title says which.
    from govreport_nlp import extract

    for title, code in (("上海市普陀区财政局2024年度决算", "310107000000"), ("舟山市2024年国民经济和社会发展统计公报", "330903000000")):
        report = extract(f"{title}\n\n普陀区全年一般公共预算收入100万元。", nlp=nlp)
        assert {e.value for e in report.entities if e.text == "普陀区"} == {code}


def test_orgs_place_across_a_pdf_line_break_is_one_entity(nlp):
    # 上海市普陀区财政局 2024 final accounts as its PDF converts to text: lines run to the
    # page's width and break inside words (普陀\n区财政局).
    from govreport_nlp import extract

    lines = ["上海市普陀区财政局2024年度预算绩效管理工作开展情况如下：本部门制定了普陀",
             "区财政局预算绩效管理实施办法，建立了普陀区财政局预算绩效管理工作机制；实行",
             "全过程绩效管理实施情况跟踪：编报绩效目标的2024年度项目4个，涉及预算金额"] * 3
    text = "\n".join(lines)
    report = extract(text, nlp=nlp)
    across = [e for e in report.entities if e.label == "GPE" and "\n" in e.text]
    assert across and all(e.text == "普陀\n区" and e.value == "310107000000" for e in across)
    assert all(text[e.start:e.end] == e.text for e in report.entities)


def test_linebreaks_short_lines_are_no_soft_breaks():
    from govreport_nlp.rules.linebreaks import join_soft_breaks

    # Headings and short paragraphs end their own lines: nothing is joined.
    assert join_soft_breaks("一、总体情况\n本报告由市政府办公室编制。\n二、主动公开政府信息情况\n") is None


def test_counties_by_short_name_after_their_province_or_in_a_list_of_the_reports_own(nlp):
    from govreport_nlp import extract

    # 2024 State Council work report: 甘肃积石山 - a county right after its province.
    report = extract("有效应对京津冀等地严重暴雨洪涝灾害，做好甘肃积石山地震等抢险救援。", nlp=nlp)
    assert [(e.text, e.value) for e in report.entities if e.text == "积石山"] == [("积石山", "622927000000")]
    # 2025 四川 work report: a list of places in a report of 四川 (its text names 四川 twice).
    text = ("全面建设社会主义现代化四川迈出坚实步伐。四川文旅持续升温，精品景区持续火爆，"
            "大熊猫、九寨沟、三星堆等成为热门打卡地。")
    report = extract(text, nlp=nlp)
    assert [(e.text, e.value) for e in report.entities if e.text == "九寨沟"] == [("九寨沟", "513225000000")]
    # Without the report's province, a short name in a list is no place: 普陀 is in two.
    report = extract("上海、杭州、普陀等地开展联合检查。", nlp=nlp)
    assert not [e for e in report.entities if e.text == "普陀"]


def test_gazetteer_autonomous_county_short_names_drop_their_peoples():
    from govreport_nlp.rules.gazetteer import county_codes_by_short_name

    names = county_codes_by_short_name()
    assert names["积石山"] == ["622927000000"] and names["长阳"] == ["420528000000"]
    assert sorted(names["普陀"]) == ["310107000000", "330903000000"]


# Names by structure (#23), each class from real report text of at least two reports.
@pytest.mark.parametrize("text,expected", [
    # Bodies that are not government offices: museums, archives, broadcasters, societies,
    # exchanges, survey teams (anhui 2026, pingtan 2012, hebei_jyt 2021, yichun 2022).
    ("凌家滩、双墩遗址博物馆建成开放", ["双墩遗址博物馆"]),
    ("向省档案馆、图书馆报送公开目录", ["省档案馆"]),
    ("通过河北广播电视台、长城网发布", ["河北广播电视台"]),
    ("宜春市统计局　国家统计局宜春调查队", ["宜春市统计局", "国家统计局宜春调查队"]),
    # Companies after punctuation or a conjunction (anhui 2026, sichuan 2025).
    ("海螺集团与皖维集团联合", ["海螺集团", "皖维集团"]),
    # International bodies and their short forms (state council 2018).
    ("人民币加入国际货币基金组织特别提款权货币篮子，设立丝路基金", ["国际货币基金组织", "丝路基金"]),
    # A conjunction inside a name (hebei_rst 2017, tuyouqi 2017).
    ("河北省人力资源和社会保障厅2017年政府信息公开工作年度报告", ["河北省人力资源和社会保障厅"]),
    # A zone's name before its body (pingtan 2012, pingtan 2021).
    ("平潭综合实验区管委会高度重视", ["平潭综合实验区管委会"]),
])
def test_orgs_kinds_of_bodies_by_structure(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # A verb or preposition before a name is no part of it (anhui 2026, huaian_hongze 2024).
    ("我代表省人民政府，向大会报告", ["省人民政府"]),
    # Clause fragments ending in a suffix character (central audit 2023, anhui 2026).
    ("严肃查处违法违规问题，坚决查处", []),
    # 政府 as a kind of government (sanya 2025, anhui 2026).
    ("全市到期地方政府债券，建设全国法治政府示范", []),
    # Counts and ratings of bodies (anhui 2026).
    ("新增12家博物馆，国家一级博物馆", []),
])
def test_orgs_clauses_and_kinds_are_no_names(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected


def test_orgs_places_abroad_and_parts_of_provinces(nlp):
    # anhui_province_work_report_2026: a part of a province by its abbreviation and a
    # direction (皖北, with the province's code) and a continent.
    places = {e.text: e.value for e in _entities(nlp, "3000多万皖北地区群众受益，开通欧洲首条第五航权货运航线。", "GPE")}
    assert places.get("皖北") == "340000000000" and "欧洲" in places
    # huaian_hongze_foi_2024: 和 after a body joins two names; it does not begin 和县.
    assert "和县" not in _ents(nlp, "县政府和县各级政府部门", "GPE")


def test_orgs_county_short_names_in_a_report_of_their_province(nlp):
    # sichuan_province_work_report_2025: the report names 成都 more than 四川; its cities
    # count for the province, so 九寨沟 in a list is 九寨沟县 of 四川.
    text = "成都平原经济区增长6%，成都都市圈建设提速。推动大熊猫、九寨沟、三星堆等品牌走向世界。"
    places = {e.text: e.value for e in _entities(nlp, text, "GPE")}
    assert places.get("九寨沟", "").startswith("5132")
    # shanghai_office_foi_2019: a 新区 by its short name (浦东新区 -> 浦东) in a 上海 report's list.
    text = "上海市人民政府办公厅。上海市推进试点，在虹口、浦东五个国家试点区开展工作。"
    places = {e.text: e.value for e in _entities(nlp, text, "GPE")}
    assert places.get("浦东") == "310115000000"


def test_orgs_bodies_and_words_are_no_places(nlp):
    # huaian_city_foi_2024 (淮安市委), pingtan_foi_2021 (访企入村), a PDF line break in 中国特色.
    assert _ents(nlp, "在淮安市委市政府的领导下，深入访企入村，坚持新时代中国特\n色社会主义。", "GPE") == []


def test_orgs_offices_of_a_body_written_as_one_word(nlp):
    # hebei_jyt_foi_2017 (a title line, then 省政府办公厅：), huaian_hongze_foi_2024 (区政府办).
    assert _ents(nlp, "政府信息公开工作报告\n省政府办公厅：", "ORG") == ["省政府办公厅"]
    assert "区政府办" in _ents(nlp, "2024年，区政府办代表区政府受理申请。", "ORG")
    # …while 党中央国务院 stays two bodies and 全省办结 names none (anhui 2026).
    assert _ents(nlp, "党中央国务院决策部署", "ORG") == ["党中央", "国务院"]
    assert _ents(nlp, "全省办结率达到99%", "ORG") == []


def test_orgs_source_notes_and_slogans_are_no_names(nlp):
    # Bulk statistical bulletins (yueyang, xuchang): 数据来自市民政局 names 市民政局, not 来自…;
    # 区一中心 (a slogan) names no body.
    names = _ents(nlp, "财政数据来自市财政局。建设三区一中心。", "ORG")
    assert names == ["市财政局"]


def test_orgs_kinds_of_communities_and_words_ending_in_a_short_name(nlp):
    # Bulk 2026 work reports (henan, guangxi, qinghai): 完整社区, 建制镇 are kinds of places;
    # 水资源 ends in 资源, the short name of 资源县, but names no place.
    text = "广西壮族自治区2025年政府工作报告\n建设完整社区，推进建制镇建设。推进桂林、资源、龙胜联动。加强水资源、耕地保护。"
    places = _ents(nlp, text, "GPE")
    assert places == ["广西壮族自治区", "桂林", "资源"]


def test_orgs_short_names_in_a_list_of_bodies(nlp):
    # Bulk (ningxia 2026): 牵头单位：农牧厅、林草局、人社厅 - a 厅 that needs a jurisdiction
    # stands without one beside a body of its list; alone it does not (当年办, 法治政府).
    assert _ents(nlp, "牵头单位：农牧厅、林草局、人社厅。", "ORG") == ["农牧厅", "林草局", "人社厅"]
    assert _ents(nlp, "展厅、大厅对外开放。", "ORG") == []


def test_orgs_a_distinctive_suffix_may_follow_a_verb(nlp):
    # sichuan_province_work_report_2025 (实施川投集团…) and bulk guizhou/chongqing 2026:
    # 集团, 法院 name a body right after a verb; a generic 商业银行 stays none.
    assert _ents(nlp, "推动磷化集团重组，支持成渝金融法院建设，加强商业银行监管。", "ORG") == ["磷化集团", "成渝金融法院"]


@pytest.mark.parametrize("text, expected", [
    # shanghai_office_foi_2019: 含 says what the parenthesis includes; it opens the name.
    ("全面检查，对市、区、乡镇政府（含街道办事处）以及市政府各部门开展", ["街道办事处", "市政府"]),
    ("各单位（包括市教育局）均已完成", ["市教育局"]),
])
def test_orgs_inclusion_words_open_the_name_after_them(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    # anhui_province_work_report_2026 (gold): a national body written with its region.
    ("挂牌成立长三角国家技术创新中心安徽中心，六松现代产业园率先建立跨省财税分成机制。",
     ["长三角国家技术创新中心", "安徽中心"]),
    # bulk ndrc_xian_shiyan_hsr_approval_2020: …with its country.
    ("项目由中国国家铁路集团负责建设。", ["中国国家铁路集团"]),
])
def test_orgs_a_national_body_after_its_place(nlp, text, expected):
    assert _ents(nlp, text, "ORG") == expected
