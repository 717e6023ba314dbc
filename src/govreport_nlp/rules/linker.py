"""Tie each quantity to its subject: what the number measures (GUIDELINES.md).

Pure functions over the text, the word boundaries from the segmenter and the
quantities of one sentence; the ``govreport_linker`` component (``linker.py``) runs them
on a Doc. The rules follow the guidelines' patterns, not any one report:

* attribute before the number: 预算资金31.08亿元 -> 预算资金;
* counted noun after the classifier when the number is an object: 涉及18个单位 -> 单位;
* change after an indicator: 规模以上工业增加值增长5.1% -> 规模以上工业增加值, increase;
  a bare 同比增长1.5% takes the indicator of the quantity before it;
* verbs, time words, places and copulas around the phrase are stripped
  (截至11月底,共办理各类审批服务事项157675件 -> 审批服务事项).

A cut is made only where the segmenter put a word boundary, so that a stop word inside
a word (中 in 中标资金) does not cut it.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..lexicons import subjects as lex
from .phrases import BOUNDARY as _BOUNDARY, clause_start as _clause_start, clean as _clean
from .topics import FROM as _FROM
from .topics import category_after, event_after_consecutive, heading_lead, list_before_deng, opener_cut, skip_adverbs, to_next
from ..models import Quantity
from .links import SUBJECT_RULES, Link
from .clauses import ADVERB_BEFORE as _ADVERB_BEFORE, FILLER as _FILLER, GLUED_FILLERS as _GLUED_FILLERS
from .clauses import STOP_RE as _STOP_RE, VERBS as _VERBS, alternation as _alternation
from .clauses import left_phrase as _left_phrase, stops as _stops, strip_filler as _strip_filler

__all__ = ["Link", "SUBJECT_RULES", "link_sentence"]

# Punctuation that ends the phrase a subject can come from. 、 is not among them: a list
# of facts is split by the quantities themselves (政策类文件89条、政策解读20条), while
# 、 inside a phrase joins names (计算机、通信和其他电子设备制造业).

_OPENERS = _alternation(w for w in lex.BASELINE_WORDS if len(w) == 1)
_SELF_BASELINES = _alternation(w for w in lex.BASELINE_WORDS if len(w) > 1)  # 同比, 环比
_PERIODS = _alternation(lex.BASELINE_PERIODS)
_CHANGE = re.compile(
    rf"(?:(?:{_OPENERS})(?:{_PERIODS}|[0-9]{{4}}\s*年末?)(?:相比)?|{_SELF_BASELINES})?(?:年均|平均|净)?"
    f"(?P<verb>{_alternation(lex.INCREASE_VERBS + lex.DECREASE_VERBS)})$"
)
_VERB_CATEGORY = re.compile(f"(?:{_alternation(lex.CATEGORY_WORDS)})$")
# 不掌握等原因|无法提供: only the words of more than one character end a longer phrase.
_CATEGORY_TAIL = re.compile(f"(?:{_alternation(w for w in lex.CATEGORY_WORDS if len(w) > 1 and w not in ('其他', '依法'))})"
                            r"[\u4e00-\u9fff]{2}$")
_LIST_JOINERS = lex.LIST_JOINERS
_ADDED = re.compile(r"新增$")
# A phrase that begins so names a baseline (比上年年初预算), not the indicator.
# (比重, 比例, 比率 are nouns: the share itself.)
_BASELINE = re.compile(rf"^(?:比(?![重例率值])|{_alternation(w for w in lex.BASELINE_WORDS if w != '比')})")
# …the same, cut after its time word (比上年|年初预算).
_BASELINE_BEFORE = re.compile(rf"(?:{_OPENERS}|同)(?:{_PERIODS})?$")
# 提高到66.2%, 下降至3%: a level reached, not a change by that much.
_REACHED = re.compile(r"(?:到|至)\s*$")
_REACHING = re.compile(f"(?:{_alternation(lex.REACHING_VERBS)})(?:至|到)?$")
_INCREASE = set(lex.INCREASE_VERBS)
_DIVISION_NOUNS = lex.DIVISION_NOUNS
_SCOPE_WORDS = lex.SCOPE_WORDS
_PREDICATE_RE = re.compile(_alternation(lex.PREDICATE_VERBS))
_NOT_A_NOUN = re.compile(_alternation(lex.NOT_NOUN_STARTS))
_BARE_ADDITIONS = lex.BARE_ADDITIONS
_ADDITION_RE = re.compile(_alternation(_BARE_ADDITIONS))
_LAST_ADDITION = re.compile(f"(?:{_alternation(_BARE_ADDITIONS)})(?!.*(?:{_alternation(_BARE_ADDITIONS)}))")
# A bracketed note right after the number before (49.5亿元（用于债券还本支出）、…): its own.
# (…and a bound of it: 200所以上、|义务教育学校500所以上)
_NOTE_AFTER = re.compile(r"\s*(?:[（(][^（）()]{0,30}[）)]|(?:以上|以下|左右)\s*[、，,和及与])\s*[、，,和及与]?")
_QUOTED_NAME = re.compile(r"“[^”]{4,}”")
_MAX_SUBJECT = 20
_AVERAGE = re.compile(r"(?:年均|平均)$")
# The last character of an item that already names its measure (起数, 货值, 销售额, 比率).
_MEASURE_END = re.compile(r"[数量额率值比重]$")
_BARE_SHARES = frozenset({"占比", "比重", "比例", "占比重", "所占比重", "所占比例"})
_WHITESPACE = re.compile(r"\s+")
# A share named with what it is of (占GDP的比重) and its other name in brackets.
_SHARE_OF = re.compile(r"占[^，,；;。、占]{1,20}的$")
_SHARE_NOTE = re.compile(r"[（(][^（）()]{1,16}[）)]$")
# A share named by its origin after the number (其中47%来自海外, 60%来源于企业).
_ORIGIN = re.compile(r"(?:来自|来源于|源自|属于)[\u4e00-\u9fff]{1,8}?(?=[，,；;。、）)]|$)")
# 完成预算的98.2%, 占调整预算的83.1%: the completion rate of the budget line the
# sentence is about; its subject is that line, named before the stage of the budget.
_COMPLETION = re.compile(r"(?:完成|为|占|达到?)(?:年初|调整后?的?|全年)?预算(?:数)?"
                         r"(?:[0-9,，.]+\s*[万亿]?元)?的?\s*$")  # (为年初预算631,600万元的80.4%)
_STAGE = re.compile(f"(?:支出)?(?:{_alternation(lex.BUDGET_STAGES)})$")


def _right_noun(text: str, pos: int, end: int, bounds: frozenset[int]) -> Optional[tuple[int, int]]:
    """The counted noun right after a classifier (18个单位 -> 单位)."""
    while pos < end and text[pos] in " \t\u3000\xa0\n":
        pos += 1
    if _NOT_A_NOUN.match(text, pos):
        return None  # 3条以上, 13.36万人，并…: a modifier or a conjunction follows, no noun
    if text.startswith("《", pos):
        close = text.find("》", pos, end)
        if close > 0:
            return pos, close + 1
    stop = end
    i = pos
    while i < end:
        ch = text[i]
        if ch in "（(" and i > pos:
            close = text.find("）" if ch == "（" else ")", i, end)
            if 0 < close <= i + 8:
                i = close + 1  # 部门(单位): the note belongs to the noun
                stop = i
                continue
        if ch in _BOUNDARY or ch in "、（(）)\n" or ch.isdigit():
            stop = i
            break
        i += 1
        stop = i
    for m in _stops(text, pos, stop, bounds):
        if m.start() == pos and m.group() in _SCOPE_WORDS:
            continue  # 28家全国重点实验室: the scope is part of the name after a classifier
        if m.start() > pos:
            stop = m.start()
            break
        if m.start() == pos:
            return None  # 33个部门的 -> 部门; 18个的 is no noun
    predicate = _PREDICATE_RE.search(text, pos + 1, stop)
    while predicate is not None and not (predicate.start() in bounds):
        predicate = _PREDICATE_RE.search(text, predicate.start() + 1, stop)
    if predicate is not None:
        stop = predicate.start()  # 115个县建设粮油示范片: the noun ends where its predicate begins
    stop = opener_cut(text, pos, stop, bounds)
    # 从15个县（市）扩大到57个, 57个县（市）生产总值近3年: a verb of reaching or a filler
    # glued to the end is the predicate's, not the noun's.
    tail = _REACHING.search(text, max(pos, stop - 4), stop) or _FILLER.search(text, max(pos, stop - 3), stop)
    if tail is not None and tail.start() > pos and (tail.start() in bounds or tail.group() in _GLUED_FILLERS):
        stop = tail.start()
    if stop - pos == 1 and text[pos] in _DIVISION_NOUNS and stop in bounds:
        return pos, stop  # 16个区全部…: a division is a noun of one character
    if stop - pos > _MAX_SUBJECT or stop - pos < (1 if predicate is not None else 2):
        # One character left after a classifier is a fragment of a word (千万家|庭), unless
        # a predicate follows it as a word of its own (115个县|建设…).
        return None
    return pos, stop


# 分别 and what stands between it and the first number (为, 增长, 占全省的).
_RESPECTIVELY = re.compile(r"分别[^，,；;。、0-9]{0,8}$")
_RESPECTIVE_CHANGE = re.compile(f"(?P<verb>{_alternation(lex.INCREASE_VERBS + lex.DECREASE_VERBS)})")


def _respectively(text: str, quantities: Sequence[Quantity], idx: int, lo: int,
                  bounds: frozenset[int], previous: Optional[list[tuple[str, int]]] = None
                  ) -> Optional[list[tuple[str, int]]]:
    """Subjects of a 分别 enumeration starting at quantity ``idx``:
    甲壳类、藻类、贝类产量分别为16508吨、37090吨和158866吨 -> 甲壳类产量, 藻类产量, 贝类产量.

    Returns one (subject, offset) per quantity of the run, or None when the items and the
    numbers do not pair up one to one.
    """
    q = quantities[idx]
    m = _RESPECTIVELY.search(text, lo, q.start)
    if m is None:
        return None
    run = [q]
    for nxt in quantities[idx + 1:]:
        gap = text[run[-1].end:nxt.start]
        if gap.strip(" \t\n") not in ("、", "，", ",", "和", "及", "与", ""):
            break
        run.append(nxt)
    start, _ = _left_phrase(text, lo, m.start(), bounds)
    phrase = text[start:m.start()]
    if not phrase.strip() and previous and len(previous) == len(run):
        return previous  # …产量分别为A、B、C，分别增长x%、y%、z%: the same items again
    items = [(p.start(), p.end()) for p in re.finditer(r"[^、和及与]+", phrase)]
    if len(run) < 2 or len(items) != len(run):
        return None
    # The items share the head word of the last one (…、贝类产量 -> 产量) when they lack it.
    last_s, last_e = items[-1]
    head = ""
    cut = max((b for b in bounds if start + last_s < b < start + last_e), default=None)
    first = len(phrase[items[0][0]:items[0][1]].strip())
    if first < last_e - last_s - 1 and start + last_s + first in bounds and len(items) == 2:
        # 城镇、农村|常住居民人均可支配收入: the last item opens with a word as long as the
        # first item (its counterpart); the rest is the head they share.
        cut = start + last_s + first
    if cut is not None:
        head = text[cut:start + last_e]
        if head[-1:] in "馆局厅院所会站处部委办室队":
            head = ""  # 国际友城和外国驻穗总领馆: institutions are named whole, not shared
    if any(_MEASURE_END.search(_clean(phrase[s:e])) for s, e in items[:-1]):
        head = ""  # 生产安全事故起数和死亡人数: items that name their own measure share none
    out = []
    for s, e in items:
        item = _clean(phrase[s:e])
        if head and not item.endswith(head):
            item += head
        out.append((item, start + s))
    return out


def link_sentence(text: str, sent_start: int, sent_end: int, quantities: Sequence[Quantity],
                  bounds: frozenset[int]) -> list[Link]:
    """Find subject and change for each quantity of one sentence, in order.

    ``bounds`` holds every word boundary offset from the segmenter.
    """
    links: list[Link] = []
    prev_end = sent_start
    assigned: dict[int, tuple[str, int, Optional[str]]] = {}
    last_enumeration: Optional[list[tuple[str, int]]] = None
    for idx, q in enumerate(quantities):
        nxt = quantities[idx + 1].start if idx + 1 < len(quantities) else sent_end
        if idx in assigned:
            subject, offset, change = assigned[idx]
            links.append(Link(subject=subject, change=change, subject_start=offset, rule="respectively"))
            prev_end = max(prev_end, q.end)
            continue
        if (idx and links and links[-1].change and q.kind == quantities[idx - 1].kind
                and text[quantities[idx - 1].end:q.start].strip(" \t\n") in _LIST_JOINERS):
            # 分别增长5.1%、3.2%: each item of the list carries the change of the first.
            links.append(Link(subject=links[-1].subject, change=links[-1].change,
                              subject_start=links[-1].subject_start, rule="list_item"))
            prev_end = max(prev_end, q.end)
            continue
        event = event_after_consecutive(text, q.start, q.end, sent_end) if q.kind in ("duration", "count") else None
        if event:  # 连续24个月|保持两位数增长: the run counts the event after it
            links.append(Link(subject=event[0], subject_start=event[1], rule="counted_noun_after"))
            prev_end = max(prev_end, q.end)
            continue
        if q.kind == "count" and q.unit in lex.NOUN_UNITS and text.endswith(q.unit, q.start, q.end):
            links.append(Link(subject=q.unit, subject_start=q.end - len(q.unit), rule="counted_noun_after"))
            prev_end = max(prev_end, q.end)  # 36 省市, 6 部委: the number counts the noun it ends in
            continue
        link = Link()
        lo = max(prev_end, _clause_start(text, sent_start, q.start))
        note = _NOTE_AFTER.match(text, lo, q.start) if lo == prev_end else None
        lo = note.end() if note else lo  # …49.5亿元（用于债券还本支出）、|置换债资金23亿元
        enumeration = _respectively(text, quantities, idx, lo, bounds, last_enumeration)
        if enumeration:
            last_enumeration = enumeration
            verb = _RESPECTIVE_CHANGE.search(_RESPECTIVELY.search(text, lo, q.start).group())
            change = None if verb is None else ("increase" if verb.group("verb") in _INCREASE else "decrease")
            for k, (subject, offset) in enumerate(enumeration):
                assigned[idx + k] = (subject, offset, change)
            subject, offset, change = assigned[idx]
            links.append(Link(subject=subject, change=change, subject_start=offset, rule="respectively"))
            prev_end = max(prev_end, q.end)
            continue
        pair = _from_to(text, quantities, idx, lo, nxt, bounds, links)
        if pair is not None:
            links.append(pair)
            prev_end = max(prev_end, q.end)
            continue
        hi = _strip_filler(text, lo, q.start, bounds)
        change = _CHANGE.search(text, max(lo, hi - 12), hi)
        reached = _REACHED.search(text, max(lo, q.start - 4), q.start)
        if change and change.start() >= lo:
            if not reached:
                link.change = "increase" if change.group("verb") in _INCREASE else "decrease"
            cut = change.start()
            if change.start("verb") not in bounds:
                # 缩减|压减: the change verb ends a longer word; the whole word is the verb
                cut = max((b for b in bounds if lo <= b < change.start("verb")), default=cut)
            hi = _strip_filler(text, lo, cut, bounds)
            if _AVERAGE.search(text, max(lo, hi - 2), hi) and hi - 2 in bounds and hi - 2 > lo:
                hi = _strip_filler(text, lo, hi - 2, bounds)  # 规模缩|年均: 年均 is the change's
        elif _ADDED.search(text, max(lo, hi - 2), hi) and hi - 2 > lo and hi - 2 in bounds:
            # 经营主体新增105万户: an addition to the noun before it is its increase (新增22个
            # 县城, with no noun before, counts what follows: see below).
            link.change = "increase"
            hi = hi - 2
        if reached and not change:
            cut = _REACHING.search(text, max(lo, hi - 3), hi)
            if cut and cut.start() in bounds and cut.start() > lo and cut.group() not in _VERBS:
                hi = cut.start()  # (a verb of _VERBS, 跃升至, is read as one below)
        start, verb = _left_phrase(text, lo, hi, bounds)
        subject = _clean(text[start:hi])
        listed = False
        share = _SHARE_OF.search(text, max(lo, hi - 22), hi) if verb is not None and q.kind == "percent" else None
        if share and verb.group() == "的" and not _COMPLETION.search(share.group()):
            # 好评数占评价总数的|99.58%: the share with its parts (占预算的: a completion rate, below)
            start, verb = _share_start(text, lo, share.start() + 1, bounds), None
            subject = _clean(text[start:hi - 1])
        if verb is not None and verb.group() == "等" and verb.start() > lo:
            # 上级补助收入、债务转贷收入、上年结余等|141.3亿元: the items are what is counted.
            first = list_before_deng(text, lo, verb.start(), _stops(text, lo, verb.start(), bounds))
            if first is None:  # 补发社会保险补贴等|1.9亿元: one item, named as any phrase is
                first, _ = _left_phrase(text, lo, _strip_filler(text, lo, verb.start(), bounds), bounds)
                first = skip_adverbs(text, first, verb.start(), bounds)
            if len(_clean(text[first:verb.start()])) >= 2:
                start, subject, verb, listed = first, _clean(text[first:verb.start()]), None, True
        if subject in _BARE_ADDITIONS and verb is None:
            # 新增22个县城: 新增 alone names no indicator; the number counts what follows.
            # (城镇新增就业1244万人 keeps 新增 inside its indicator.)
            verb = _ADDITION_RE.match(text, start)
            start, subject = hi, ""
        note = _SHARE_NOTE.search(subject) if subject.startswith(("比重", "比例")) else None
        if note:
            # 比重（即恩格系数）: the bracket gives the share's other name; the subject is the share.
            hi = start + len(subject) - len(note.group())
            subject = _clean(text[start:hi])
        if subject and start > lo and text[start - 1] == "占" and (q.kind == "percent" or subject.endswith(("比重", "比例"))):
            # 占GDP比重: the share is named with its 占, and with the part it measures when
            # the clause names one (好评数占评价总数的99.58%)
            start = _share_start(text, lo, start, bounds)
            subject = _clean(text[start:hi])
        elif subject in ("比重", "比例"):
            share = _SHARE_OF.search(text, max(lo, start - 22), start)
            if share:
                start = share.start()  # 占GDP的比重 (GUIDELINES.md): the share with what it is of
                subject = _clean(text[start:hi])
        if subject in _BARE_SHARES and text[lo:start].strip() == "" and links and links[-1].subject:
            subject = ""  # 一般债务136.66亿元，占比69.1%: the share of the item before (below)
        category = _CATEGORY_TAIL.search(subject)
        subject_rule = "attribute_before"
        if category and category.start() > 0:
            subject_rule = "outcome_category"
            # 不掌握等原因无法提供564件: the outcome named by its negated verb, not its cause.
            start += len(subject) - len(category.group())
            subject = category.group()
        if _BASELINE.match(subject) or _BASELINE_BEFORE.search(text, max(lo, start - 5), start):
            subject = ""  # 比上年年初预算增加1800亿元: the indicator is the one before
        right = None
        if q.kind in ("count", "measure", "money") and (q.unit or q.kind == "count") and not link.change:
            right = _right_noun(text, q.end, nxt, bounds)
            if right is None and text.startswith("、", q.end) and idx + 1 < len(quantities):
                # 10大类、4389项行政权责清单: the noun after the last item of a list.
                following = quantities[idx + 1]
                after = quantities[idx + 2].start if idx + 2 < len(quantities) else sent_end
                right = _right_noun(text, following.end, after, bounds)
            if q.kind == "money" and verb is None:
                right = None  # 预算资金31.08亿元,... : money names its subject before it
        # A classifier followed by its noun (推出85项年度营商环境改革举措) counts that noun,
        # whatever stands before the number: the left phrase there is the action.
        counted_noun = q.kind == "count" and bool(q.unit) and right is not None and right[0] == q.end
        if right and (verb is not None or not subject or counted_noun):
            link.subject = _clean(text[right[0]:right[1]])
            link.subject_start = right[0]
            link.rule = "counted_noun_after"
            if right[0] < nxt:
                prev_end = max(prev_end, right[1])
        elif subject and len(subject) > _MAX_SUBJECT and (added := _LAST_ADDITION.search(subject)) and \
                len(subject) - added.end() >= 2 and not listed:
            # …养老保险基金新增|上解上级支出13.4亿元: a phrase too long to be a name ends
            # with what its last verb of addition adds.
            link.subject, link.subject_start, link.rule = subject[added.end():], start + added.end(), subject_rule
        elif subject and (len(subject) <= _MAX_SUBJECT or (_QUOTED_NAME.search(subject) or listed and "、" in subject)
                          and len(subject) <= 3 * _MAX_SUBJECT):
            # A quoted account or item name (“住房保障支出-住房改革支出-购房补贴”科目) and a
            # list of items may be long.
            link.subject = subject
            link.subject_start = start
            link.rule = "list_before_deng" if listed else subject_rule
        elif verb is not None and verb.group() in _VERBS:
            # 房地产建安投资完成60.86亿元: the phrase before the verb; 答复3050件: the verb.
            verb_start = verb.start()
            adverb = _ADVERB_BEFORE.search(text, lo, verb_start)
            if adverb and adverb.start() in bounds:
                verb_start = adverb.start()  # 粉丝量迅速跃升至3.7万: the manner is no part of the name
            before, _ = _left_phrase(text, lo, verb_start, bounds)
            phrase = _clean(text[before:verb_start])
            category = _VERB_CATEGORY.search(phrase)
            if category and (category.start() == 0 or verb_start - len(phrase) + category.start() in bounds):
                # 不予处理80件, 其他处理319件, 原因无法提供564件: a negation or 其他 with the
                # verb names a category of outcome (the FOI tables' rows), not an actor.
                link.subject = category.group() + verb.group()
                link.subject_start = verb_start - len(category.group())
                link.rule = "outcome_category"
            elif phrase and not _BASELINE.match(phrase) and len(phrase) <= _MAX_SUBJECT:
                link.subject, link.subject_start, link.rule = phrase, before, "before_verb"
            else:
                lead = heading_lead(text, sent_start) if not phrase else None
                if lead:  # ——农林水支出。|完成1051.73亿元: the line above names the topic
                    link.subject, link.subject_start, link.rule = lead[0], lead[1], "heading_lead"
                else:
                    link.subject, link.subject_start, link.rule = verb.group(), verb.start(), "verb"
        if q.kind == "percent" and links and _COMPLETION.search(_WHITESPACE.sub("", text[max(
                sent_start, q.start - 24):q.start])):  # (a window: 631,600's comma is no clause's end)
            # (PDF text breaks lines anywhere: 完\n成年初预算的98.20%)
            topic = _budget_line(text, sent_start, links)
            if topic:
                link.subject, link.subject_start = topic
                link.rule = "budget_line"
        origin = _ORIGIN.match(text, q.end, nxt) if link.subject is None and not subject else None
        if origin and q.kind == "percent":
            # 其中47%来自海外: a share named by where it comes from (来自/来源于/属于…).
            link.subject, link.subject_start, link.rule = origin.group(), q.end, "share_of"
        if link.subject is None and not subject and q.kind == "percent" and text.startswith("的", q.end):
            # 承担了全省近80%的基础研究项目: the share is of the noun after 的.
            right = _right_noun(text, q.end + 1, nxt, bounds)
            if right is not None:
                link.subject, link.subject_start = _clean(text[right[0]:right[1]]), right[0]
                link.rule = "share_of"
        done = category_after(text, q.end, sent_end) if link.subject is None and not link.change else None
        if done:  # 分别有1691个、513个（占94%、62%）已完成整改: the state they are counted in
            link.subject, link.subject_start, link.rule = done[0], done[1], "outcome_category"
        if link.subject is None and links and (link.change or not subject):
            # 同比增长1.5%, 占79%: the indicator of the quantity before it.
            link.subject = links[-1].subject
            link.subject_start = links[-1].subject_start
            link.rule = "change_indicator" if link.change else "previous_quantity"
        if link.subject is None:
            link.rule = None
        links.append(link)
        prev_end = max(prev_end, q.end)
    return links


def _from_to(text: str, quantities: Sequence[Quantity], idx: int, lo: int, nxt: int,
             bounds: frozenset[int], links: Sequence[Link]) -> Optional[Link]:
    """Both ends of 从A增加到B (由240元提高到450元, 从14.7%降至13%) measure the indicator
    named before 从/由 (or, with nothing there, the one of the figure before)."""
    q = quantities[idx]
    if idx and links and links[-1].rule == "from_to" and to_next(text[quantities[idx - 1].end:q.start]):
        return Link(subject=links[-1].subject, subject_start=links[-1].subject_start, rule="from_to")
    opener = _FROM.search(text, lo, q.start)
    if opener is None or idx + 1 >= len(quantities) or not to_next(text[q.end:nxt]):
        return None
    hi = _strip_filler(text, lo, opener.start(), bounds)
    start, verb = _left_phrase(text, lo, hi, bounds)
    if start > lo and text[start - 1] == "占" and q.kind == "percent":
        start = _share_start(text, lo, start, bounds)
    subject = _clean(text[start:hi])
    if not subject and hi == lo and links and links[-1].subject:
        subject, start, verb = links[-1].subject, links[-1].subject_start, None  # …完成672亿元，从…
    if not subject or verb is not None or len(subject) > _MAX_SUBJECT:
        return None
    return Link(subject=subject, subject_start=start, rule="from_to")


def _share_start(text: str, lo: int, start: int, bounds: frozenset[int]) -> int:
    """Where a share's name begins when ``start`` follows its 占: at the part it measures
    (好评数|占评价总数), else at the 占."""
    before, verb = _left_phrase(text, lo, start - 1, bounds)
    return before if verb is None and _clean(text[before:start - 1]) else start - 1


def _budget_line(text: str, sent_start: int, links: Sequence[Link]) -> Optional[tuple[str, int]]:
    """The budget line a completion rate belongs to, from the nearest quantity before it
    that names one: the phrase before its subject (一般公共预算财政拨款支出|年初预算为…),
    else its subject without the stage (公务接待费|支出决算为…)."""
    for link in reversed(links):
        if not link.subject or link.subject_start is None or link.subject_start < sent_start:
            continue
        lead_start = _clause_start(text, sent_start, link.subject_start)
        lead = _clean(text[lead_start:link.subject_start])
        if len(lead) >= 2 and not _STOP_RE.fullmatch(lead):
            return lead, lead_start
        line = _STAGE.sub("", link.subject)
        if len(line) >= 2:
            return line, link.subject_start
    return None
