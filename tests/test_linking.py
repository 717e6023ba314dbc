"""Subjects, changes and breakdowns on real report sentences (GUIDELINES.md patterns)."""

from __future__ import annotations

import pytest

import govreport_nlp


def _facts(nlp, text):
    return [(f.quantity.text, f.subject, f.change) for f in govreport_nlp.extract(text, nlp=nlp, report_year=2017).facts]


def _subject_of(nlp, text, quantity):
    """The subject the linker gives the quantity written ``quantity`` in ``text``."""
    return {q: s for q, s, _ in _facts(nlp, text)}[quantity]


@pytest.mark.parametrize("text,expected", [
    # attribute before the number
    ("累计进场交易项目376项,预算资金31.08亿元,项目中标资金29.78亿元,资金节约率4.18%。",
     [("376项", "进场交易项目", None), ("31.08亿元", "预算资金", None), ("29.78亿元", "项目中标资金", None),
      ("4.18%", "资金节约率", None)]),
    # counted noun after the classifier
    ("便民服务事项清单梳理公布工作,涉及18个单位、49项便民服务事项已全部入驻政务服务中心。",
     [("18个", "单位", None), ("49项", "便民服务事项", None)]),
    # verbs, time words and places stripped
    ("截至11月底,共办理各类审批服务事项157675件,办结率100%。",
     [("157675件", "审批服务事项", None), ("100%", "办结率", None)]),
    ("全旗100余名政务公开工作人员参加。", [("100余名", "政务公开工作人员", None)]),
    # changes: the indicator, the direction; a bare 同比增长 takes the indicator before it
    ("全年实现生产总值367.71亿元，按可比价格计算，比上年增长3.6%。",
     [("367.71亿元", "生产总值", None), ("3.6%", "生产总值", "increase")]),
    ("规模以上工业增加值增长5.1%，同比回落7.0个百分点。",
     [("5.1%", "规模以上工业增加值", "increase"), ("7.0个百分点", "规模以上工业增加值", "decrease")]),
    # coordinated names and brackets stay whole
    ("计算机、通信和其他电子设备制造业下降35.2%。", [("35.2%", "计算机、通信和其他电子设备制造业", "decrease")]),
    ("全年居民消费价格（CPI）比上年上涨1.5％。", [("1.5％", "居民消费价格（CPI）", "increase")]),
    # a share names itself with 占
    ("全年实现建筑业增加值79.76亿元，占GDP比重21.7%。", [("79.76亿元", "建筑业增加值", None), ("21.7%", "占GDP比重", None)]),
    # a level reached is no change
    ("常住人口城镇化率提高到66.2%。", [("66.2%", "常住人口城镇化率", None)]),
    # a verb names what was counted when nothing else does
    ("全年收到政府信息公开申请共19件，当年办结19件。", [("19件", "政府信息公开申请", None), ("19件", "办结", None)]),
])
def test_linking_subjects_from_reports(nlp, text, expected):
    assert _facts(nlp, text) == expected


def test_linking_breakdown_parent_and_context(nlp):
    text = ("累计进场交易项目376项,预算资金31.08亿元,资金节约率4.18%。其中,建设工程招投标项目179项,"
            "预算资金28.32亿元,资金节约3.67%。")
    facts = {f.quantity.text: f for f in govreport_nlp.extract(text, nlp=nlp).facts}
    assert facts["179项"].parent == "进场交易项目"
    assert facts["28.32亿元"].context_of == "建设工程招投标项目" and facts["28.32亿元"].parent is None
    assert facts["3.67%"].context_of == "建设工程招投标项目"
    assert facts["376项"].parent is None


def test_linking_respectively_pairs_items_and_numbers(nlp):
    text = ("全年鱼类、甲壳类、藻类、贝类（不含其它类）产量分别为210535吨、16508吨、37090吨和158866吨，"
            "分别增长2.7%、0.4%、2.1%和3.0%。")
    assert _facts(nlp, text) == [
        ("210535吨", "鱼类产量", None), ("16508吨", "甲壳类产量", None), ("37090吨", "藻类产量", None),
        ("158866吨", "贝类（不含其它类）产量", None), ("2.7%", "鱼类产量", "increase"),
        ("0.4%", "甲壳类产量", "increase"), ("2.1%", "藻类产量", "increase"),
        ("3.0%", "贝类（不含其它类）产量", "increase")]


def test_linking_from_to_levels(nlp):
    assert _facts(nlp, "人均地区生产总值从9万元提高到11万元。") == [
        ("9万元", "人均地区生产总值", None), ("11万元", "人均地区生产总值", None)]


@pytest.mark.parametrize("text,expected", [
    ("全年完成电信业务总量[4]437.7亿元，比上年增长25.7%。",
     [("437.7亿元", "电信业务总量", None), ("25.7%", "电信业务总量", "increase")]),
    ("全社会研发投入年均增长10.5%。", [("10.5%", "全社会研发投入", "increase")]),
    ("绿色铝、硅光伏、新能源电池合计产值年均增长30.4%。", [("30.4%", "绿色铝、硅光伏、新能源电池合计产值", "increase")]),
])
def test_linking_work_report_and_communique_forms(nlp, text, expected):
    assert _facts(nlp, text) == expected


def test_linking_pdf_label_line_before_number(nlp):
    text = "上海市普陀区财政局2024年度部门决算\n一般公共服务支出（类）\n603.14万元，占20.51%；\n"
    # The level of the budget classification (（类）/（款）/（项）) is no part of the name.
    assert _facts(nlp, text) == [("603.14万元", "一般公共服务支出", None), ("20.51%", "一般公共服务支出", None)]


def test_linking_statistics_table_rows(nlp):
    text = ("政府信息公开情况统计表（ 2018年度）\n统计指标\t单位\t统计数\n一、主动公开情况\n"
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条)\t条\t1683\n"
            "其中：主动公开规范性文件数\t条\t4\n1.政府公报公开政府信息数\t条\t0\n")
    assert _facts(nlp, text) == [("1683", "主动公开政府信息数", None), ("4", "主动公开规范性文件数", None),
                                 ("0", "政府公报公开政府信息数", None)]


@pytest.mark.parametrize("text,expected", [
    ("全面开展城市设计，新增22个新型城镇化建设示范县。", [("22个", "新型城镇化建设示范县", None)]),
    ("城镇新增就业1244万人。", [("1244万人", "城镇新增就业", None)]),
    ("新增7名“两院”院士。", [("7名", "“两院”院士", None)]),
])
def test_linking_additions_and_quoted_names(nlp, text, expected):
    assert _facts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("民营企业、外资企业出口分别占全省的50.6%、41.9%。", [("50.6%", "民营企业出口", None), ("41.9%", "外资企业出口", None)]),
    ("国际友城和外国驻穗总领馆分别增至214对和69家。", [("214对", "国际友城", None), ("69家", "外国驻穗总领馆", None)]),
    ("12. “住房保障支出-住房改革支出-购房补贴”科目186.77万元，主要用于按房改政策。",
     [("186.77万元", "“住房保障支出-住房改革支出-购房补贴”科目", None)]),
])
def test_linking_respectively_shares_and_budget_items(nlp, text, expected):
    assert _facts(nlp, text) == expected


def test_linking_adverb_before_a_verb(nlp):
    text = "“冀教新视界”视频号仅靠3次“助力中考”直播，粉丝量迅速跃升至3.7万，点赞量达百余万。"
    assert _facts(nlp, text) == [("3次", "“助力中考”直播", None), ("3.7万", "粉丝量", None), ("百余万", "点赞量", None)]


@pytest.mark.parametrize("text,expected", [
    ("全年外贸进出口总额累计完成82479.3万美元,同比增长3%。",
     [("82479.3万美元", "外贸进出口总额", None), ("3%", "外贸进出口总额", "increase")]),
    ("年末共有青少年俱乐部202个。", [("202个", "青少年俱乐部", None)]),
    ("卫生健康支出2.7亿元，比上年增支16万元，增长0.1%；",
     [("2.7亿元", "卫生健康支出", None), ("16万元", "卫生健康支出", "increase"), ("0.1%", "卫生健康支出", "increase")]),
    ("2022年万载县农业机械总动力33.7万千瓦。", [("33.7万千瓦", "农业机械总动力", None)]),
])
def test_linking_communique_forms(nlp, text, expected):
    assert _facts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("推出85项年度营商环境改革举措。", [("85项", "年度营商环境改革举措", None)]),
    ("布局建设10家概念验证中心。", [("10家", "概念验证中心", None)]),
    ("我旗作为包头市2家自治区县办公报试点单位之一。", [("2家", "自治区县办公报试点单位", None)]),
    ("用户总数已逾13.36万人，并持续增长。", [("13.36万人", "用户总数", None)]),
])
def test_linking_classifier_followed_by_its_noun(nlp, text, expected):
    assert _facts(nlp, text) == expected


def test_linking_every_list_item_carries_the_change(nlp):
    import govreport_nlp

    # sichuan_province_work_report_2025_excerpt and the jiangxi communiqué print such lists.
    report = govreport_nlp.extract("高技术制造业、装备制造业增加值分别增长20.6%、16.9%。粮食产量2151.4万吨，减产1.8%。", nlp=nlp)
    got = [(f.quantity.text, f.change) for f in report.facts]
    assert got == [("20.6%", "increase"), ("16.9%", "increase"), ("2151.4万吨", None), ("1.8%", "decrease")]


@pytest.mark.parametrize("text, subject", [
    ("全省31个大中型水电站加快建设。", "大中型水电站"),     # sichuan work report
    ("34个大模型成功备案。", "大模型"),
    ("254个“两重”建设项目有序推进。", "“两重”建设项目"),
    ("推出政策解读短视频近300个。", "政策解读短视频"),  # shanghai_office_foi_2025
])
def test_linking_counted_noun_ends_before_the_predicate(nlp, text, subject):
    import govreport_nlp

    assert govreport_nlp.extract(text, nlp=nlp).facts[0].subject == subject


@pytest.mark.parametrize("text, subject", [
    ("不予处理80件，占6.72%。", "不予处理"),    # shanghai_office_foi_2025 (2021 template prose)
    ("其他处理319件，占26.78%。", "其他处理"),
    ("尚未办结12件。", "尚未办结"),
])
def test_linking_negated_verb_names_a_category(nlp, text, subject):
    import govreport_nlp

    assert {f.subject for f in govreport_nlp.extract(text, nlp=nlp).facts} == {subject}


@pytest.mark.parametrize("text, expected", [
    # shanghai_putuo_czj_juesuan_2024_excerpt: the line named before the budget stage.
    ("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。",
     [("2993.92万元", "年初预算", None), ("2940.05万元", "支出决算", None), ("98.20%", "一般公共预算财政拨款支出", None)]),
    ("公务接待费支出决算为0.00万元，完成预算的0%。",
     [("0.00万元", "公务接待费支出决算", None), ("0%", "公务接待费", None)]),
    # chengde_2025_budget_report (../shared/corpus/formats): 占调整预算的 after 完成.
    ("一般公共预算支出完成515.6亿元，占调整预算的83.1%，同比增长5.1%。",
     [("515.6亿元", "一般公共预算支出", None), ("83.1%", "一般公共预算支出", None), ("5.1%", "一般公共预算支出", "increase")]),
])
def test_linking_completion_rate_names_the_budget_line(nlp, text, expected):
    assert _facts(nlp, "2024年度预算执行情况\n" + text) == expected


@pytest.mark.parametrize("text, quantity, subject", [
    # shanghai_putuo_czj_juesuan_2024_excerpt: total lines and stages of the budget.
    ("本年收入合计2946.25万元，其中：财政拨款收入2940.05万元。", "2946.25万元", "本年收入合计"),
    ("上海市普陀区财政局2024年度收入支出总计2995.39万元。", "2995.39万元", "收入支出总计"),
    ("年初预算为 85.55 万元。", "85.55 万元", "年初预算"),
    # shanghai_office_foi_2025: 上年结转 is the carried-over line of the FOI tables too.
    ("市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n上年结转 189 件），均在法定期限内答复。",
     "189 件", "上年结转"),
])
def test_linking_time_word_opens_a_budget_line(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2024年度决算\n" + text, quantity) == subject


@pytest.mark.parametrize("text, expected", [
    # sichuan_province_work_report_2025_excerpt
    ("为144所县级中医医院配备中医康复、“治未病”诊疗设备。", [("144所", "县级中医医院", None)]),
    ("12个县（市、区）入选国家县域商业领跑县。", [("12个", "县（市、区）", None)]),
    ("28家全国重点实验室完成优化重组。", [("28家", "全国重点实验室", None)]),
    # guangdong_province_work_report_2026 (bulk)
    ("11家企业入选全球人形机器人上市公司榜单。", [("11家", "企业", None)]),
])
def test_linking_counted_noun_ends_where_its_predicate_begins(nlp, text, expected):
    assert _facts(nlp, "2025年政府工作报告\n" + text) == expected


@pytest.mark.parametrize("text, expected", [
    # sichuan_province_work_report_2025_excerpt: the verb of a level reached is no part of it.
    ("川渝通办事项扩展至355项。", [("355项", "川渝通办事项", None)]),
    ("进口货物出关时间缩短至1.5小时以内。", [("1.5小时", "进口货物出关时间", None)]),
    # state_council_work_report_2024_excerpt
    ("常住人口城镇化率提高到66.2%。", [("66.2%", "常住人口城镇化率", None)]),
    # sichuan: 净 before the change verb
    ("耕地净增加60万亩以上。", [("60万亩", "耕地", "increase")]),
])
def test_linking_level_reached_and_net_change(nlp, text, expected):
    assert _facts(nlp, "2025年政府工作报告\n" + text) == expected


@pytest.mark.parametrize("text, expected", [
    # sichuan_province_work_report_2025_excerpt: a share of the noun after 的.
    ("在川高校承担了全省近80%的基础研究项目。", [("80%", "基础研究项目", None)]),
    ("64.2%的县医院达到三级医院能力标准。", [("64.2%", "县医院", None)]),
    # guangdong_province_work_report_2026 (bulk)
    ("货物进出口总额9.5万亿元、增长4.4%，贡献了全国24.1%的增量。",
     [("9.5万亿元", "货物进出口总额", None), ("4.4%", "货物进出口总额", "increase"), ("24.1%", "增量", None)]),
])
def test_linking_share_of_the_noun_after_de(nlp, text, expected):
    assert _facts(nlp, "2025年政府工作报告\n" + text) == expected


@pytest.mark.parametrize("text, quantity, subject", [
    # shanghai_office_foi_2025: 达/近 glued by the segmenter to the noun before them.
    ("微信公众号粉丝达 1360 万。", "1360 万", "微信公众号粉丝"),
    ("制作政策解读短视频近 300 个。", "300 个", "政策解读短视频"),
    # pingtan_stats_communique_2022_excerpt, sichuan_province_work_report_2025_excerpt
    ("机动渔船1614艘，总功率达14.68万千瓦。", "14.68万千瓦", "总功率"),
    ("新增电力装机1002万千瓦、总装机近1.4亿千瓦。", "1.4亿千瓦", "总装机"),
    # …but not where they end a word (送达).
    ("依法送达文书12件。", "12件", "依法送达文书"),
])
def test_linking_glued_filler_is_no_part_of_the_subject(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年报告\n" + text, quantity) == subject


@pytest.mark.parametrize("text, quantity, subject", [
    # shanghai_office_foi_2025, tuyouqi_2017_foi_annual: a division is a noun of one character.
    ("全面推进区政府公报数字化改革，16 个区全部实现。", "16 个", "区"),
    ("目前,已完成8个乡镇视频监控组网。", "8个", "乡镇视频监控组网"),
])
def test_linking_division_noun_after_a_classifier(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年报告\n" + text, quantity) == subject


@pytest.mark.parametrize("text, quantity, subject", [
    # shanghai_office_foi_2025, pingtan_foi_2023 (bulk): the outcome, not its cause.
    ("因信息不存在、不掌握等原因无法提供 564 件（47.36%）。", "564 件", "无法提供"),
    ("不予公开5件，占6.17%；无法提供31件，占38.27%。", "31件", "无法提供"),
])
def test_linking_negated_outcome_after_its_cause(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年政府信息公开工作年度报告\n" + text, quantity) == subject


def test_linking_every_subject_names_its_rule(nlp):
    from govreport_nlp.rules.linker import SUBJECT_RULES

    # tuyouqi_2017_foi_annual and jiangxi_province_stats_communique_2022_excerpt forms.
    report = govreport_nlp.extract(
        "土右旗2017年政府信息公开工作年度报告\n涉及18个单位，预算资金31.08亿元，比上年增长5.3%。"
        "不予处理80件。甲类、乙类产量分别为16吨和37吨。", nlp=nlp)
    rules = {f.quantity.text: f.subject_rule for f in report.facts}
    assert rules == {"18个": "counted_noun_after", "31.08亿元": "attribute_before", "5.3%": "change_indicator",
                     "80件": "outcome_category", "16吨": "respectively", "37吨": "respectively"}
    assert all(f.subject_rule in SUBJECT_RULES for f in report.facts)
    assert report.facts_table()[0]["subject_rule"] == "counted_noun_after"


def test_linking_no_subject_no_rule(nlp):
    report = govreport_nlp.extract("2017年报告\n18个。", nlp=nlp)
    assert [(f.quantity.text, f.subject, f.subject_rule) for f in report.facts] == [("18个", None, None)]


@pytest.mark.parametrize("text, quantity, subject, change", [
    # sichuan_province_work_report_2025_excerpt: an addition to the noun before it.
    ("经营主体新增105万户，达到920万户。", "105万户", "经营主体", "increase"),
    ("外贸实绩企业新增822家。", "822家", "外贸实绩企业", "increase"),
    # guangdong_province_work_report_2026 (bulk)
    ("国家专精特新“小巨人”企业新增711家。", "711家", "国家专精特新“小巨人”企业", "increase"),
    # …but 新增 alone counts what follows.
    ("新增22个县城。", "22个", "县城", None),
])
def test_linking_addition_after_a_noun_is_its_increase(nlp, text, quantity, subject, change):
    facts = {q: (s, c) for q, s, c in _facts(nlp, "2025年政府工作报告\n" + text)}
    assert facts[quantity] == (subject, change)


@pytest.mark.parametrize("text, quantity, subject", [
    # guangdong_province_work_report_2026, yunnan_province_work_report_2026 (bulk):
    # adverbs and bounds of the predicate are no part of the indicator.
    # (a share keeps the part it measures when its clause names one: GUIDELINES' alts)
    ("高新技术产业产值占规上工业比重首次超过50%。", "50%", "高新技术产业产值占规上工业比重"),
    ("本外币贷款余额首次突破5万亿元。", "5万亿元", "本外币贷款余额"),
    ("推动中小学生每天综合体育活动时间不低于2小时。", "2小时", "中小学生每天综合体育活动时间"),
    ("项目区农民满意度不低于80%。", "80%", "项目区农民满意度"),
    # guangdong: the verb of reaching after a counted noun is the predicate's.
    ("推动县中托管帮扶从15个县（市）扩大到57个县（市）。", "15个", "县（市）"),
])
def test_linking_predicate_words_are_cut_from_the_subject(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年政府工作报告\n" + text, quantity) == subject


@pytest.mark.parametrize("text, quantity, subject", [
    # sichuan_province_work_report_2025_excerpt: money after a verb of funds names its fund.
    ("组建200亿元母基金。", "200亿元", "母基金"),
    ("撬动社会资本打造超1000亿元引导基金集群。", "1000亿元", "引导基金集群"),
    ("统筹20亿元重大科技专项。", "20亿元", "重大科技专项"),
    # jiangxi_province_stats_communique_2022_excerpt: the fund named between verb and money.
    ("全年销售社会福利彩票31.0亿元，筹集福利彩票公益金9.9亿元。", "9.9亿元", "福利彩票公益金"),
])
def test_linking_money_after_a_verb_of_funds(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年政府工作报告\n" + text, quantity) == subject


def test_linking_completion_rate_across_a_pdf_line_break(nlp):
    # shanghai_putuo_czj_juesuan_2024_excerpt: 完\n成年初预算的98.20%.
    text = "2024年度决算\n一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完\n成年初预算的98.20%。"
    assert _facts(nlp, text)[-1] == ("98.20%", "一般公共预算财政拨款支出", None)


@pytest.mark.parametrize("text, quantity, subject", [
    # shanghai_putuo_czj_juesuan_2024_excerpt: a quoted category closes a relative clause.
    ("绩效评级为“优”的项目4个；绩效评级为“良”的项目0个。", "4个", "绩效评级为“优”的项目"),
    ("绩效评级为“优”的项目4个；绩效评级为“良”的项目0个。", "0个", "绩效评级为“良”的项目"),
    # shanghai_putuo_zfb_yusuan_2025 (bulk), shanghai_putuo_czj_juesuan_2024_excerpt: 本部门 says who.
    ("2025年本部门政府采购预算34万元。", "34万元", "政府采购预算"),
    ("2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元。", "246.47万元",
     "面向中小企业预留政府采购项目预算金额"),
    # sichuan_province_work_report_2025 (dev excerpt and bulk): verbs of works and lists.
    ("开工建设配售型保障性住房7725套。", "7725套", "配售型保障性住房"),
    ("向国家重大建设项目库推送储备项目13082个。", "13082个", "储备项目"),
    # shanghai_office_foi_2025: a share named by its origin.
    ("总浏览量为 536 万，同比显著增长82%，其中 47%来自海外。", "47%", "来自海外"),
])
def test_linking_categories_self_reference_and_origins(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2024年度报告\n" + text, quantity) == subject


@pytest.mark.parametrize("text, quantity, subject", [
    # sichuan_province_work_report_2025_excerpt, guangdong_province_work_report_2026 (bulk):
    # 投入 before the fund is a verb, right before the number a noun.
    ("东西部协作和对口支援投入财政帮扶资金34.4亿元。", "34.4亿元", "财政帮扶资金"),
    ("新一轮市际横向帮扶协作投入帮扶资金179亿元。", "179亿元", "帮扶资金"),
    ("全社会研发投入12亿元，增长5%。", "12亿元", "全社会研发投入"),
    # guangdong (bulk): 免费提供 begins the predicate after a counted noun.
    ("为超53万名适龄妇女免费提供乳腺癌和宫颈癌筛查。", "53万名", "适龄妇女"),
    ("为超8000名孤独症儿童免费提供个体康复服务。", "8000名", "孤独症儿童"),
])
def test_linking_verbs_that_are_nouns_and_predicates_of_service(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2025年政府工作报告\n" + text, quantity) == subject


@pytest.mark.parametrize("text, quantity, subject", [
    # GUIDELINES.md's own example: the share named with what it is of, for both numbers.
    ("全年第三产业增加值占GDP的比重为63.1%，比上年提高0.5个百分点。", "63.1%", "占GDP的比重"),
    ("全年第三产业增加值占GDP的比重为63.1%，比上年提高0.5个百分点。", "0.5个百分点", "占GDP的比重"),
    # jiangxi_province_stats_communique_2022_excerpt: the share's other name in brackets.
    ("城镇常住人口2810万人，占总人口的比重（常住人口城镇化率）为62.07%。", "62.07%", "占总人口的比重"),
    ("全年研究与试验发展（R&D）经费支出占GDP的比重预计为1.8%。", "1.8%", "占GDP的比重"),
    # pingtan_stats_communique_2014 (bulk)
    ("食品消费支出占家庭总消费支出的比重（即恩格系数）为33.3%。", "33.3%", "占家庭总消费支出的比重"),
])
def test_linking_share_named_with_what_it_is_of(nlp, text, quantity, subject):
    assert _subject_of(nlp, "2022年国民经济和社会发展统计公报\n" + text, quantity) == subject


def test_facts_assembly_is_a_pure_function_of_the_text_and_its_annotations():
    # 土右旗 2017: no spaCy, no Doc: quantities, sentences and word bounds as plain values.
    from govreport_nlp import find_quantities
    from govreport_nlp.rules.facts import assemble_facts, fact_id

    text = "全旗共设审批服务窗口98个。审批服务工作人员120人。"
    quantities = list(find_quantities(text))
    facts = assemble_facts(text, quantities, sentences=[(0, 14), (14, len(text))],
                           bounds=frozenset(range(len(text) + 1)))
    assert [(f.quantity.text, f.sentence) for f in facts] == [("98个", "全旗共设审批服务窗口98个。"),
                                                               ("120人", "审批服务工作人员120人。")]
    assert [f.id for f in facts] == [fact_id(q) for q in quantities]
    assert assemble_facts(text, quantities, sentences=[], bounds=frozenset(), table_spans=[(0, len(text))]) == []


# Subjects named away from the number (#27), each from real report text of the reports
# added on 2026-12-07.
@pytest.mark.parametrize("text,quantity,subject,rule", [
    # shandong_province_final_accounts_2023: a topic line above a sentence opening with 完成.
    ("——农林水支出。完成 1051.73 亿元，占预算的 101.4%，下降 6%。", "1051.73 亿元", "农林水支出", "heading_lead"),
    ("——增值税。完成 2027.15 亿元，占预算的 105.2%。", "2027.15 亿元", "增值税", "heading_lead"),
    # sanya_city_budget_report_2025, central audit 2023: the items of a 等 list.
    ("加上上级补助收入、债务转贷收入、上年结余等141.3亿元。", "141.3亿元", "上级补助收入、债务转贷收入、上年结余",
     "list_before_deng"),
    ("已原渠道归还、支付拖欠补助等19.51亿元。", "19.51亿元", "原渠道归还、支付拖欠补助", "list_before_deng"),
    # anhui_province_work_report_2026, state_council_work_report_2018: both ends of 从A到B.
    ("专精特新“小巨人”企业从80户增加到810户。", "80户", "专精特新“小巨人”企业", "from_to"),
    ("专精特新“小巨人”企业从80户增加到810户。", "810户", "专精特新“小巨人”企业", "from_to"),
    ("消费贡献率由54.9%提高到58.8%。", "58.8%", "消费贡献率", "from_to"),
])
def test_linking_subjects_named_away_from_the_number(nlp, text, quantity, subject, rule):
    facts = {f.quantity.text: f for f in govreport_nlp.extract(text, nlp=nlp, report_year=2023).facts}
    assert (facts[quantity].subject, facts[quantity].subject_rule) == (subject, rule)


def test_linking_a_label_of_verb_and_generic_noun_stays_whole(nlp):
    # central_audit_rectification_report_2023: 涉及资金 and 处理处分 are the labels.
    assert _subject_of(nlp, "整改问题涉及资金2851.48亿元。", "2851.48亿元") == "整改问题涉及资金"
    # …while a change verb cut inside its word (缩减) goes whole (state council 2018).
    assert _subject_of(nlp, "中央政府定价项目缩减80%。", "80%") == "中央政府定价项目"


def test_linking_counted_noun_ends_where_its_predicate_opens(nlp):
    # central_audit_rectification_report_2023: negation, aspect and modal words open the
    # predicate after a counted noun; the rest of the clause is no part of the noun.
    assert _subject_of(nlp, "有 1 户企业正按程序退出下属企业股权。", "1 户") == "企业"
    assert _subject_of(nlp, "督促12家所属单位终止与社会机构合作。", "12家") == "所属单位"
    # …and a verbal noun after 处理 keeps it (处理处分 is the label).
    assert _subject_of(nlp, "处理处分 2230 多人。", "2230 多人") == "处理处分"


@pytest.mark.parametrize("text,quantity,subject", [
    # anhui_province_work_report_2026: verbs of benefit and status open the predicate.
    ("57.6万名儿童享受减免幼儿园学前一年保育教育费。", "57.6万名", "儿童"),
    ("9个国家区域医疗中心开诊运营。", "9个", "国家区域医疗中心"),
    # …verbs of building before the counted thing are no part of it.
    ("新建、改扩建基础教育学校2891所。", "2891所", "基础教育学校"),
    # state_council_work_report_2018: 改建 as well.
    ("新建改建农村公路127万公里。", "127万公里", "农村公路"),
])
def test_linking_predicates_and_building_verbs_around_counted_things(nlp, text, quantity, subject):
    assert _subject_of(nlp, text, quantity) == subject


def test_linking_one_item_before_deng(nlp):
    # central_audit_rectification_report_2023: one item before 等, after a verb of recovery.
    assert _subject_of(nlp, "9 省已补发社会保险补贴等 1.9 亿元。", "1.9 亿元") == "社会保险补贴"
    assert _subject_of(nlp, "25 县重新招标，追回涉事企业不当获利等 8.96 亿元。", "8.96 亿元") == "涉事企业不当获利"


def test_linking_shortened_times_and_kept_levels(nlp):
    # anhui_province_work_report_2026 and state_council_work_report_2018: a shortened time is
    # a decrease; a level kept (保持) is no change and no part of the subject.
    facts = _facts(nlp, "办理时限压缩65%，行政机关负责人出庭应诉率保持100%。")
    assert ("65%", "办理时限", "decrease") in facts
    assert ("100%", "行政机关负责人出庭应诉率", None) in facts


def test_linking_a_noun_printed_as_the_unit_is_what_is_counted():
    # central_audit_rectification_report_2023: 36 省市税务部门…, 6 部委 - counts whose unit is
    # the counted noun itself (the normalizer reads 省市/部委 as units).
    from decimal import Decimal

    from govreport_nlp.models import Quantity
    from govreport_nlp.rules.linker import link_sentence

    text = "36 省市税务部门通过追缴税费入库。"
    q = Quantity(text="36 省市", start=0, end=5, value=Decimal(36), unit="省市", kind="count")
    (link,) = link_sentence(text, 0, len(text), [q], frozenset({0, 2, 3, 5, 7, 9, 11}))
    assert (link.subject, link.subject_start, link.rule) == ("省市", 3, "counted_noun_after")


def test_linking_words_broken_by_pdf_spaces_and_line_breaks(nlp):
    # shandong_province_final_accounts_2023 as its PDF prints it: 完 成 with a space, 增\n长
    # broken by a line - the verbs are read whole, the subject keeps its offset in the text.
    text = ("   2023 年，全省一般公共预算收入完成 7464.78 亿元，占\n预 算的 101% ， 比上 年增 长 5.1%； "
            "一般 公共 预算 支出 完 成\n12581.74 亿元，占预算的 100.2%，比上年增长 3.7%。现将部\n分收支科目决算情况说明如下：\n")
    facts = {f.quantity.text: f for f in govreport_nlp.extract(text, nlp=nlp, report_year=2023).facts}
    fact = facts["12581.74 亿元"]
    assert fact.subject == "一般公共预算支出"
    text = "——增值税。完成 2027.15 亿元，占预算的 105.2%，增\n长 41.1%。"
    facts = {f.quantity.text: f for f in govreport_nlp.extract(text, nlp=nlp, report_year=2023).facts}
    assert (facts["41.1%"].subject, facts["41.1%"].change) == ("增值税", "increase")


def test_linking_a_share_names_the_part_it_measures(nlp):
    # shanghai_office_foi_2019 and anhui_province_work_report_2026 (GUIDELINES: 占…比重).
    assert _subject_of(nlp, "好评数占评价总数的99.58%。", "99.58%") == "好评数占评价总数"
    assert _subject_of(nlp, "战略性新兴产业产值占规上工业比重从40.3%提高到45.4%。", "45.4%") == \
        "战略性新兴产业产值占规上工业比重"
    # …and with none named in its clause, the share is named with its 占 alone.
    assert _subject_of(nlp, "全年实现建筑业增加值79.76亿元，占GDP比重21.7%。", "21.7%") == "占GDP比重"
    # An adverb of manner before a verb of handling is no subject (pingtan_foi_2021).
    assert _subject_of(nlp, "本年度全区共收到70件申请，及时依法依规办结69件。", "69件") == "办结"


def test_linking_a_bare_count_takes_the_people_its_subject_names(nlp):
    # state_council_work_report_2018 and anhui_province_work_report_2026: a count in 万 with no
    # classifier counts the people (or visits) of its subject.
    facts = {f.quantity.text: f.quantity.unit for f in govreport_nlp.extract(
        "贫困人口减少6800多万，7000多万江淮儿女一道拼出来。出境旅游人次由8300万增加到1亿3千多万。",
        nlp=nlp, report_year=2017).facts}
    assert facts == {"6800多万": "人", "7000多万": "人", "8300万": "人次", "1亿3千多万": "人次"}


def test_linking_two_items_share_the_head_after_the_counterpart_word(nlp):
    # anhui_province_work_report_2026: 城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%.
    facts = _facts(nlp, "城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%。")
    assert [s for _, s, _ in facts] == ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
    # …while items of unequal first words share only the last word (甲壳类、贝类产量).
    facts = _facts(nlp, "甲壳类、贝类产量分别为16508吨、158866吨。")
    assert [s for _, s, _ in facts] == ["甲壳类产量", "贝类产量"]


def test_linking_counts_named_by_the_state_after_them(nlp):
    # central_audit_rectification_report_2023: the problems 分别有 N个、M个（占x%、y%）已完成整改.
    text = "要求立行立改的 1786 个、分阶段整改的 817 个问题中，分别有 1691 个、513 个（占 94%、62%）已完成整改；"
    facts = {q: s for q, s, _ in _facts(nlp, text)}
    assert [facts[k] for k in ("1691 个", "513 个", "94%", "62%")] == ["已完成整改"] * 4


def test_linking_a_note_after_the_number_before_and_a_long_phrase_after_its_addition(nlp):
    # sanya_city_budget_report_2025: a bracketed note belongs to the number before it, and a
    # phrase too long for a name ends with what its 新增 adds.
    text = "下达新增地方政府债券资金71.7亿元、再融资债券资金49.5亿元（用于债券还本支出）、置换债资金23亿元。"
    assert _subject_of(nlp, text, "23亿元") == "置换债资金"
    text = "增长133%（主要是城乡居民基本养老保险基金新增上解上级支出13.4亿元）。"
    assert _subject_of(nlp, text, "13.4亿元") == "上解上级支出"


def test_linking_a_bare_share_is_the_share_of_the_item_before(nlp):
    # shizuishan_city_budget_report (bulk), as shanghai_putuo_czj_juesuan_2024's gold reads
    # its shares: 一般债务136.66亿元，占比69.1% - the share of 一般债务.
    facts = _facts(nlp, "法定债务余额197.88亿元（一般债务136.66亿元，占比69.1%；专项债务61.22亿元，占比30.9%）。")
    assert [(q, s) for q, s, _ in facts if q.endswith("%")] == [("69.1%", "一般债务"), ("30.9%", "专项债务")]


def test_linking_projects_keep_the_verb_that_names_them(nlp):
    # chongqing_municipality_work_report_2026 (bulk): 项目 alone names no indicator.
    assert _subject_of(nlp, "累计实施城市更新项目223个。", "223个") == "城市更新项目"


@pytest.mark.parametrize("text,quantity,subject,change", [
    # Bulk review classes (2026 provincial work reports and city budgets): a comparison on the
    # same basis is a baseline, not the indicator (lvliang) ...
    ("一般公共服务支出344177万元，同口径增长16.84%。", "16.84%", "一般公共服务支出", "increase"),
    # ... the execution of a budget line is its verb (lvliang), an expected change is one (huangshi),
    ("教育支出执行731960万元，为预算的97.79%。", "731960万元", "教育支出", None),
    ("一般公共预算收入预期增长7%。", "7%", "一般公共预算收入", "increase"),
    # ... 净增 is an increase (henan), 每月 a frequency (ningxia),
    ("耕地面积净增212万亩。", "212万亩", "耕地面积", "increase"),
    ("低保标准每月分别提高25元、50元。", "50元", "低保标准", "increase"),
    # ... the bound of the item before is no part of the next (guizhou),
    ("公办幼儿园200所以上、义务教育学校500所以上。", "500所", "义务教育学校", None),
    # ... and items that name their own measure share no head (jilin).
    ("生产安全事故起数和死亡人数分别下降5%、6%。", "6%", "死亡人数", "decrease"),
])
def test_linking_bulk_review_classes(nlp, text, quantity, subject, change):
    facts = {q: (s, c) for q, s, c in _facts(nlp, text)}
    assert facts[quantity] == (subject, change)


def test_linking_bare_budget_heads_keep_their_modifier(nlp):
    # panjin and xuchang (bulk) and sanya (dev): 收入/面积 alone name no line.
    assert _subject_of(nlp, "加上上级补助收入8.6亿元。", "8.6亿元") == "上级补助收入"
    assert _subject_of(nlp, "新开工面积159.38万平方米。", "159.38万平方米") == "新开工面积"


def test_linking_completion_rate_after_a_budget_amount(nlp):
    # dali and lvliang final accounts (bulk): …为年初预算631,600万元的80.4% is the completion
    # rate of the line before, and a thousands separator ends no clause.
    facts = _facts(nlp, "教育支出508,075万元，为年初预算631,600万元的80.4%，较上年决算数下降6.5%。")
    assert facts[2:] == [("80.4%", "教育支出", None), ("6.5%", "教育支出", "decrease")]


def test_linking_a_run_counts_the_event_after_it(nlp):
    # anhui_province_work_report_2026: 连续24个月保持两位数增长, 连续4次获评全国优秀 (gold);
    # an event that names a number of its own (连续5年稳定在800亿斤以上) is left to the others.
    assert _subject_of(nlp, "高技术制造业增加值增长30.4%、连续24个月保持两位数增长。", "24个月") == "保持两位数增长"
    assert _subject_of(nlp, "长江十年禁渔连续4次获评全国优秀，环巢湖十大湿地全面建成。", "4次") == "获评全国优秀"
    assert _subject_of(nlp, "粮食产量连续5年稳定在800亿斤以上。", "5年") == "粮食产量"


@pytest.mark.parametrize("text, quantity, subject", [
    # bulk chongqing_municipality_work_report_2026: a count's bound (以上) comes before its noun.
    ("扩大制造业投资，加快推动600个以上亿元级工业项目建设，新实施1500个以上技改项目。", "1500个", "技改项目"),
    # bulk sichuan_province_work_report_2025
    ("支持对象为来川工作3年以上的人才，遴选支持350名左右本土高层次人才和10个左右创新团队。", "350名", "本土高层次人才"),
    ("支持对象为来川工作3年以上的人才，遴选支持350名左右本土高层次人才和10个左右创新团队。", "10个", "创新团队"),
    # bulk guizhou_province_work_report_2026: a measure's bound opens a qualifier of what follows.
    ("为100所海拔1500米以上农村中小学幼儿园建设供暖设施", "1500米", "海拔"),
])
def test_linking_counted_noun_after_the_counts_bound(nlp, text, quantity, subject):
    assert _subject_of(nlp, text, quantity) == subject


@pytest.mark.parametrize("text, expected", [
    # bulk chongqing_municipality_work_report_2026: an adverb opening the predicate ends the
    # counted noun; alone, it names nothing (the indicator before holds).
    ("13项辅助生殖技术项目首次纳入医保报销。", {"13项": "辅助生殖技术项目"}),
    ("74个国控断面水质优良比例连续3年保持100%。", {"74个": "国控断面水质优良比例", "3年": "国控断面水质优良比例",
                                        "100%": "国控断面水质优良比例"}),
    # dev anhui_province_work_report_2026: a milestone passed (台阶) names no indicator.
    ("地区生产总值连跨两个万亿元台阶，年均增长5.7%、高于全国0.3个百分点。",
     {"5.7%": "地区生产总值", "0.3个百分点": "地区生产总值"}),
    ("人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元。", {"9万亿元": "人民币存款、贷款余额"}),
    # bulk chongqing_municipality_work_report_2026: 迈上 passes a level as 突破 does.
    ("地区生产总值迈上4万亿元台阶。", {"4万亿元": "地区生产总值"}),
])
def test_linking_adverbs_and_milestones_are_no_part_of_a_subject(nlp, text, expected):
    subjects = {q: s for q, s, _ in _facts(nlp, text)}
    assert {q: subjects[q] for q in expected} == expected
