"""Each subject rule of rules/subject_rules.py, called on its own, on real report sentences.

No spaCy and no segmentation model: a sentence is written as the segmenter cut it (words
joined by ``|``, a space a word of its own; the text above it, when a rule reads it, ends in ``‖``), and its
quantities are the normalizer's. The links of the quantities before the one tested are
made by the dispatcher (``linker.link_next``), as in a run.
"""

from __future__ import annotations

from itertools import accumulate

import pytest

from govreport_nlp import find_quantities
from govreport_nlp.rules import subject_rules as rules
from govreport_nlp.rules.linker import SUBJECT_RULES, link_next, link_sentence


def _sentence(segmented: str) -> rules.Sentence:
    before, _, sentence = segmented.rpartition("‖")
    words = [w for part in (before, sentence) for w in part.split("|") if w]
    text = "".join(words)
    start = len(before.replace("|", ""))
    bounds = frozenset({0, *accumulate(len(w) for w in words)})
    quantities = [q.model_copy(update={"start": q.start + start, "end": q.end + start})
                  for q in find_quantities(text[start:])]
    return rules.Sentence(text, start, len(text), quantities, bounds)


def _item(segmented: str, quantity: str) -> rules.Item:
    """The item of ``quantity``, the quantities before it linked."""
    sentence = _sentence(segmented)
    idx = [q.text for q in sentence.quantities].index(quantity)
    for k in range(idx):
        link_next(sentence, k)
    return rules.Item(sentence, idx)


CASES = [
    # anhui_province_work_report_2026: a difference against another side is the indicator's
    # named before the comparison.
    (rules.compared, "规上|民营|工业|增加值|增速|高于|全部|规上|工业|2.3个百分点|。", "2.3个百分点",
     ("规上民营工业增加值增速", "attribute_before", None)),
    # (a bare rate stands for the indicator before it)
    (rules.compared, "全市|居民|人均|可|支配|收入|增长|6.2%|，|增速|快于|全省|0.5个百分点|。", "0.5个百分点",
     ("居民人均可支配收入", "previous_quantity", None)),
    # anhui_province_work_report_2026: the items of a 分别 list share the head of the last.
    (rules.respectively, "制造业|、|普惠|小微|贷款|余额|分别|增长|10.7%|、|13.3%|。", "10.7%",
     ("制造业余额", "respectively", "increase")),
    (rules.respectively_item, "制造业|、|普惠|小微|贷款|余额|分别|增长|10.7%|、|13.3%|。", "13.3%",
     ("普惠小微贷款余额", "respectively", "increase")),
    # sichuan_province_work_report_2025: one subject, a change per number.
    (rules.list_item, "全省|城乡|居民|人均|可|支配|收入|分别|增长|4.7%|、|6.6%|。", "6.6%",
     ("城乡居民人均可支配收入", "list_item", "increase")),
    # anhui_province_work_report_2026
    (rules.counted_event, "高|技术|制造业|增加值|增长|30.4%|、|连续|24|个|月|保持|两|位|数|增长|。", "24个月",
     ("保持两位数增长", "counted_noun_after", None)),
    # central_audit_rectification_report_2023
    (rules.counted_unit, ("36| |省|市|税务|部门|通过|追缴|税费|入库|、|将|暂时|难以|征收|的|纳入|欠税|管理|台账|等|整改|问题|"
                          "涉及|资金| |296.02| |亿|元|；"), "36 省市", ("省市", "counted_noun_after", None)),
    # state_council_work_report_2018: both ends of 由A提高到B.
    (rules.from_to, "科技|进步|贡献率|由|52.2%|提高|到|57.5%|。", "52.2%", ("科技进步贡献率", "from_to", None)),
    (rules.from_to, "科技|进步|贡献率|由|52.2%|提高|到|57.5%|。", "57.5%", ("科技进步贡献率", "from_to", None)),
    # sanya_city_budget_report_2025
    (rules.budget_line, "全市|地方|一般|公共|预算|收入|155.2亿|元|，|完成|预算|的|95.9%|，|增长|0.7%|；", "95.9%",
     ("地方一般公共预算收入", "budget_line", None)),
    # state_council_work_report_2018
    (rules.counted_noun_after, "新|签|和|升级|8|个|自由|贸易|协定|。", "8个", ("自由贸易协定", "counted_noun_after", None)),
    # sanya_city_budget_report_2025: a phrase too long for a name ends with what 新增 adds.
    (rules.last_addition, ("全市|社会保险|基金|预算|支出|24.5亿|元|，|完成|年度|预算|的|130.1%|，|增长|133%|（|主要|是|"
                           "城乡|居民|基本|养老|保险|基金|新增|上解|上级|支出|13.4亿|元|）|。"), "13.4亿元",
     ("上解上级支出", "attribute_before", None)),
    # jiangxi_province_stats_communique_2022
    (rules.attribute_before, "收养|人数|9.2万|人|。", "9.2万人", ("收养人数", "attribute_before", None)),
    # sanya_city_budget_report_2025: the items of a 等 list.
    (rules.attribute_before, "加上|上级|补助|收入|、|上年|结余|等|60万|元|，|收入|总计|5629万|元|。", "60万元",
     ("上级补助收入、上年结余", "list_before_deng", None)),
    # shanghai_office_foi_2019: the outcome named by its negated verb, not its cause.
    (rules.attribute_before, "因|本|机关|不|掌握|等|原因|无法|提供|265|件|，|占|32.9%|；", "265件",
     ("无法提供", "outcome_category", None)),
    # pingtan_stats_communique_2022
    (rules.before_verb, "房地产|建安|投资|完成|60.86亿|元|，|同比|下降|11.2%|。", "60.86亿元",
     ("房地产建安投资", "before_verb", None)),
    # shanghai_office_foi_2019
    (rules.before_verb, "不予|处理|158|件|，|占|19.6%|；", "158件", ("不予处理", "outcome_category", None)),
    # state_council_work_report_2018: nothing names the thing; the verb does.
    (rules.before_verb, "建立|困难|和|重度|残疾人|“|两|项|补贴|”|制度|，|惠及|2100|多|万|人|。", "2100多万人",
     ("惠及", "verb", None)),
    # shandong_province_final_accounts_2023: the line above names the topic.
    (rules.before_verb, "——|农林水|支出|。‖完成| |1051.73| |亿|元|，|占|预算|的| |101.4%|，", "1051.73 亿元",
     ("农林水支出", "heading_lead", None)),
    # shanghai_office_foi_2025 (as the linker reads it: the PDF's spaces left out)
    (rules.share_of_origin, "总|浏览量|为|536万|，|同比|显著|增长|82%|，|其中|47%|来自|海外|；", "47%",
     ("来自海外", "share_of", None)),
    # sichuan_province_work_report_2025
    (rules.share_of_noun, "在|川|高校|承担|了|全省|近|80%|的|基础|研究|项目|，|获|国家|科学技术|奖励|13|项|。", "80%",
     ("基础研究项目", "share_of", None)),
    # hebei_gxt_fazhi_2023 (bulk): the state the number is counted in, after it.
    (rules.outcome_after, "其中|，|属|受理|范围|478|件|、|不|在|受理|范围|357|件|、|269|件|正在|核查|办理|。", "269件",
     ("正在核查办理", "outcome_category", None)),
    # shanghai_office_foi_2019, pingtan_stats_communique_2022
    (rules.previous_quantity, "不予|处理|158|件|，|占|19.6%|；", "19.6%", ("不予处理", "previous_quantity", None)),
    (rules.previous_quantity, "牛存栏|2832|头|，|下降|8.4%|；", "8.4%", ("牛存栏", "change_indicator", "decrease")),
]


@pytest.mark.parametrize("rule,segmented,quantity,expected", CASES,
                         ids=[f"{rule.__name__}-{quantity}" for rule, _, quantity, _ in CASES])
def test_subject_rule_alone(rule, segmented, quantity, expected):
    item = _item(segmented, quantity)
    if rule is rules.respectively_item:  # (the first number of the enumeration pairs them all)
        rules.respectively(rules.Item(item.sentence, item.idx - 1))
    link = rule(item)
    assert link is not None
    assert (link.subject, link.rule, link.change) == expected


@pytest.mark.parametrize("rule,segmented,quantity,expected", CASES,
                         ids=[f"{rule.__name__}-{quantity}" for rule, _, quantity, _ in CASES])
def test_subject_rules_in_order_pick_the_same(rule, segmented, quantity, expected):
    sentence = _sentence(segmented)
    links = link_sentence(sentence.text, sentence.start, sentence.end, sentence.quantities, sentence.bounds)
    link = links[[q.text for q in sentence.quantities].index(quantity)]
    assert (link.subject, link.rule, link.change) == expected


def test_subject_rules_a_rule_that_does_not_apply_says_none():
    item = _item("收养|人数|9.2万|人|。", "9.2万人")
    assert [rule.__name__ for rule in rules.RULES if rule(item) is not None] == ["attribute_before"]


def test_subject_rules_every_rule_name_is_tested():
    # table_row and table_cell are given by the tables (rules/facts.py), not by a sentence.
    named = {expected[1] for *_, expected in CASES}
    assert named == set(SUBJECT_RULES) - {"table_row", "table_cell"}
    assert {rule for rule, *_ in CASES} == set(rules.RULES)


def test_subject_rules_compared_declines_a_floor_and_a_level():
    # bulk guangdong_province_work_report_2026: 不低于 sets a floor, and 1.6倍 is a multiple.
    item = _item("特困|人员|基本|生活|保障|标准|不|低于|当地|最低|生活|保障|标准|的|1.6倍|。", "1.6倍")
    assert rules.compared(item) is None
    # 高于90%: a level with no other side (a filler, as 达到).
    assert rules.compared(_item("满意率|高于|90%|。", "90%")) is None
