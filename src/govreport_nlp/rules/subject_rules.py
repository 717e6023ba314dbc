"""The subject rules, one function each (``Fact.subject_rule`` names them; links.py).

Each rule looks at one quantity of a sentence (an :class:`Item`) and returns its
:class:`Link`, or None when the rule does not apply; ``rules/linker.py`` tries them in the
order of :data:`RULES` and keeps the first link found. The rules up to ``from_to`` read
the sentence around the number; the others choose among what
``subject_phrase.read_phrase`` finds before it. Pure functions, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from ..lexicons import subjects as lex
from ..models import Change, Quantity, SubjectRule
from .clauses import ADVERB_BEFORE as _ADVERB_BEFORE, STOP_RE as _STOP_RE, VERBS as _VERBS
from .clauses import alternation as _alternation, left_phrase as _left_phrase, strip_filler as _strip_filler
from .links import Link
from .phrases import clause_start as _clause_start, clean as _clean
from .subject_phrase import BASELINE, COMPLETION, INCREASE, MAX_SUBJECT, Phrase, last_bound, read_phrase, right_noun
from .subject_phrase import share_start
from .topics import FROM as _FROM
from .topics import category_after, event_after_consecutive, heading_lead, to_next

__all__ = ["RULES", "Item", "Rule", "Sentence", "attribute_before", "before_verb", "budget_line", "compared", "counted_event",
           "counted_noun_after", "counted_unit", "from_to", "last_addition", "list_item", "outcome_after",
           "previous_quantity", "respectively", "respectively_item", "share_of_noun", "share_of_origin"]

_LIST_JOINERS = lex.LIST_JOINERS
# The joiners as a character class, and with the commas (the gap between two numbers of a list).
_JOINER_CHARS = "".join(sorted(_LIST_JOINERS))
_LIST_GAPS = _LIST_JOINERS | {"，", ",", ""}
# A bracketed note right after the number before (49.5亿元（用于债券还本支出）、…): its own.
# (…and a bound of it: 200所以上、|义务教育学校500所以上)
_NOTE_AFTER = re.compile(rf"\s*(?:[（(][^（）()]{{0,30}}[）)]|(?:{_alternation(lex.BOUND_WORDS)})\s*[{_JOINER_CHARS}，,])"
                         rf"\s*[{_JOINER_CHARS}，,]?")
# 分别 and what stands between it and the first number (为, 增长, 占全省的).
_RESPECTIVELY = re.compile(r"分别[^，,；;。、0-9]{0,8}$")
_RESPECTIVE_CHANGE = re.compile(f"(?P<verb>{_alternation(lex.INCREASE_VERBS + lex.DECREASE_VERBS)})")
# The last character of an item that already names its measure (起数, 货值, 销售额, 比率).
_MEASURE_END = re.compile(f"[{lex.MEASURE_END_CHARS}]$")
_INSTITUTION_ENDS = lex.INSTITUTION_END_CHARS
_BARE_ADDITIONS = lex.BARE_ADDITIONS
_LAST_ADDITION = re.compile(f"(?:{_alternation(_BARE_ADDITIONS)})(?!.*(?:{_alternation(_BARE_ADDITIONS)}))")
_QUOTED_NAME = re.compile(r"“[^”]{4,}”")
_VERB_CATEGORY = re.compile(f"(?:{_alternation(lex.CATEGORY_WORDS)})$")
_WHITESPACE = re.compile(r"\s+")
# A share named by its origin after the number (其中47%来自海外, 60%来源于企业).
_ORIGIN = re.compile(rf"(?:{_alternation(lex.ORIGIN_VERBS)})[\u4e00-\u9fff]{{1,8}}?(?=[，,；;。、）)]|$)")
_STAGE = re.compile(f"(?:支出)?(?:{_alternation(lex.BUDGET_STAGES)})$")
# A comparison and its other side right before a difference (高于全部规上工业|2.3个百分点).
_COMPARED = re.compile(rf"(?:{_alternation(lex.COMPARISON_VERBS)})(?P<other>[^，,；;。、：:\s0-9]{{1,12}})$")
# (a percent after a comparison is often a multiple of the other side: 不低于…标准的1.6倍)
_DIFFERENCE_UNITS = frozenset({"百分点"})
_BARE_RATES = lex.BARE_RATES


@dataclass
class Sentence:
    """One sentence being linked: its text (``text[start:end]``), quantities and word
    boundaries, and what the rules found so far (``links``, one per quantity before;
    ``prev_end``, where the phrase of the next quantity may begin at the earliest;
    ``assigned``, the subjects of a 分别 enumeration for the quantities after its first)."""

    text: str
    start: int
    end: int
    quantities: Sequence[Quantity]
    bounds: frozenset[int]
    links: list[Link] = field(default_factory=list)
    prev_end: int = -1
    assigned: dict[int, tuple[str, int, Optional[Change]]] = field(default_factory=dict)
    last_enumeration: Optional[list[tuple[str, int]]] = None

    def __post_init__(self) -> None:
        if self.prev_end < 0:
            self.prev_end = self.start


class Item:
    """Quantity ``idx`` of a sentence, as the rules see it: ``nxt`` is where the next
    quantity (or the sentence's end) stands, ``lo`` where its subject may begin, ``phrase``
    what stands before it (each read once, when a rule first asks), ``reach`` how far the
    text it used reaches (the next quantity's phrase begins after it)."""

    __slots__ = ("sentence", "idx", "q", "nxt", "reach", "_lo", "_phrase")

    def __init__(self, sentence: Sentence, idx: int) -> None:
        self.sentence = sentence
        self.idx = idx
        self.q = sentence.quantities[idx]
        qs = sentence.quantities
        self.nxt = qs[idx + 1].start if idx + 1 < len(qs) else sentence.end
        self.reach = self.q.end
        # (cached by hand: functools.cached_property takes a lock on every read before 3.12)
        self._lo: Optional[int] = None
        self._phrase: Optional[Phrase] = None

    @property
    def lo(self) -> int:
        """Where the phrase before the number may begin: the clause's start, past the
        quantity before and a note or bound right after it (…49.5亿元（用于债券还本支出）、|…)."""
        if self._lo is None:
            s = self.sentence
            lo = max(s.prev_end, _clause_start(s.text, s.start, self.q.start))
            note = _NOTE_AFTER.match(s.text, lo, self.q.start) if lo == s.prev_end else None
            self._lo = note.end() if note else lo
        return self._lo

    @property
    def phrase(self) -> Phrase:
        """The phrase before the number (subject_phrase.read_phrase)."""
        if self._phrase is None:
            s = self.sentence
            self._phrase = read_phrase(s.text, self.lo, self.idx, s.quantities, self.nxt, s.end, s.bounds, s.links)
        return self._phrase


Rule = Callable[[Item], Optional[Link]]


def respectively_item(item: Item) -> Optional[Link]:
    """A later number of a 分别 enumeration: the item paired with it (respectively)."""
    found = item.sentence.assigned.get(item.idx)
    if found is None:
        return None
    subject, offset, change = found
    return Link(subject=subject, change=change, subject_start=offset, rule="respectively")


def list_item(item: Item) -> Optional[Link]:
    """分别增长5.1%、3.2%: each item of a list carries the subject and change of the first
    (list_item)."""
    s, idx, q = item.sentence, item.idx, item.q
    if not (idx and s.links and s.links[-1].change and q.kind == s.quantities[idx - 1].kind
            and s.text[s.quantities[idx - 1].end:q.start].strip(" \t\n") in _LIST_JOINERS):
        return None
    last = s.links[-1]
    return Link(subject=last.subject, change=last.change, subject_start=last.subject_start, rule="list_item")


def counted_event(item: Item) -> Optional[Link]:
    """连续24个月|保持两位数增长: a run counts the event after it (counted_noun_after)."""
    s, q = item.sentence, item.q
    event = event_after_consecutive(s.text, q.start, q.end, s.end) if q.kind in ("duration", "count") else None
    if not event:
        return None
    return Link(subject=event[0], subject_start=event[1], rule="counted_noun_after")


def counted_unit(item: Item) -> Optional[Link]:
    """36 省市, 6 部委: a count whose unit is a noun counts that noun (counted_noun_after)."""
    q = item.q
    if not (q.kind == "count" and q.unit in lex.NOUN_UNITS and item.sentence.text.endswith(q.unit, q.start, q.end)):
        return None
    return Link(subject=q.unit, subject_start=q.end - len(q.unit), rule="counted_noun_after")


def respectively(item: Item) -> Optional[Link]:
    """The first number of a 分别 enumeration (甲壳类、藻类、贝类产量分别为16508吨、37090吨
    和158866吨): each number gets its item (respectively); the later ones are kept for
    :func:`respectively_item`."""
    s, lo = item.sentence, item.lo
    enumeration = _enumeration(s.text, s.quantities, item.idx, lo, s.bounds, s.last_enumeration)
    if not enumeration:
        return None
    s.last_enumeration = enumeration
    opener = _RESPECTIVELY.search(s.text, lo, item.q.start)
    verb = _RESPECTIVE_CHANGE.search(opener.group()) if opener is not None else None
    change: Optional[Change] = None
    if verb is not None:
        change = "increase" if verb.group("verb") in INCREASE else "decrease"
    for k, (subject, offset) in enumerate(enumeration):
        s.assigned[item.idx + k] = (subject, offset, change)
    return respectively_item(item)


def _enumeration(text: str, quantities: Sequence[Quantity], idx: int, lo: int, bounds: frozenset[int],
                 previous: Optional[list[tuple[str, int]]] = None) -> Optional[list[tuple[str, int]]]:
    """(subject, offset) of each quantity of a 分别 enumeration starting at ``idx``, or None
    when the items and the numbers do not pair up one to one."""
    q = quantities[idx]
    m = _RESPECTIVELY.search(text, lo, q.start)
    if m is None:
        return None
    run = [q]
    for nxt in quantities[idx + 1:]:
        gap = text[run[-1].end:nxt.start]
        if gap.strip(" \t\n") not in _LIST_GAPS:
            break
        run.append(nxt)
    start, _ = _left_phrase(text, lo, m.start(), bounds)
    phrase = text[start:m.start()]
    if not phrase.strip() and previous and len(previous) == len(run):
        return previous  # …产量分别为A、B、C，分别增长x%、y%、z%: the same items again
    items = [(p.start(), p.end()) for p in re.finditer(f"[^{_JOINER_CHARS}]+", phrase)]
    if len(run) < 2 or len(items) != len(run):
        return None
    head = _shared_head(text, phrase, start, items, bounds)
    out = []
    for s, e in items:
        item = _clean(phrase[s:e])
        if head and not item.endswith(head):
            item += head
        out.append((item, start + s))
    return out


def _shared_head(text: str, phrase: str, start: int, items: list[tuple[int, int]], bounds: frozenset[int]) -> str:
    """The head word the items of an enumeration share: the end of the last one
    (…、贝类产量 -> 产量), or "" when the items name their own."""
    last_s, last_e = items[-1]
    head = ""
    cut = last_bound(bounds, start + last_s, start + last_e)
    first = len(phrase[items[0][0]:items[0][1]].strip())
    if first < last_e - last_s - 1 and start + last_s + first in bounds and len(items) == 2:
        # 城镇、农村|常住居民人均可支配收入: the last item opens with a word as long as the
        # first item (its counterpart); the rest is the head they share.
        cut = start + last_s + first
    if cut is not None:
        head = text[cut:start + last_e]
        if head[-1:] in _INSTITUTION_ENDS:
            head = ""  # 国际友城和外国驻穗总领馆: institutions are named whole, not shared
    if any(_MEASURE_END.search(_clean(phrase[s:e])) for s, e in items[:-1]):
        head = ""  # 生产安全事故起数和死亡人数: items that name their own measure share none
    return head


def from_to(item: Item) -> Optional[Link]:
    """Both ends of 从A增加到B (由240元提高到450元, 从14.7%降至13%) measure the indicator
    named before 从/由 (or, with nothing there, the one of the figure before) (from_to)."""
    s, idx, q, lo = item.sentence, item.idx, item.q, item.lo
    text, bounds, links = s.text, s.bounds, s.links
    if idx and links and links[-1].rule == "from_to" and to_next(text[s.quantities[idx - 1].end:q.start]):
        return Link(subject=links[-1].subject, subject_start=links[-1].subject_start, rule="from_to")
    opener = _FROM.search(text, lo, q.start)
    if opener is None or idx + 1 >= len(s.quantities) or not to_next(text[q.end:item.nxt]):
        return None
    hi = _strip_filler(text, lo, opener.start(), bounds)
    start, verb = _left_phrase(text, lo, hi, bounds)
    if start > lo and text[start - 1] == "占" and q.kind == "percent":
        start = share_start(text, lo, start, bounds)
    subject: Optional[str] = _clean(text[start:hi])
    subject_start: Optional[int] = start
    if not subject and hi == lo and links and links[-1].subject:
        subject, subject_start, verb = links[-1].subject, links[-1].subject_start, None  # …完成672亿元，从…
    if not subject or verb is not None or len(subject) > MAX_SUBJECT:
        return None
    return Link(subject=subject, subject_start=subject_start, rule="from_to")


def compared(item: Item) -> Optional[Link]:
    """规上民营工业增加值增速高于全部规上工业|2.3个百分点: a difference against another side
    is the indicator's named before the comparison (attribute_before); with nothing there
    (增长5.7%、高于全国0.3个百分点) the rules after choose (previous_quantity)."""
    q, s = item.q, item.sentence
    if q.unit not in _DIFFERENCE_UNITS:
        return None
    m = _COMPARED.search(s.text, item.lo, q.start)
    if m is None or m.start() not in s.bounds or m.start("other") not in s.bounds or s.text[m.start() - 1] == "不":
        return None  # (不低于 sets a floor; it compares nothing)
    start, verb = _left_phrase(s.text, item.lo, m.start(), s.bounds)
    subject = _clean(s.text[start:m.start()])
    if verb is not None or not subject or len(subject) > MAX_SUBJECT:
        return None
    if subject in _BARE_RATES:
        links = s.links  # 增速快于全省…: the rate of the indicator before
        if not links or links[-1].subject is None:
            return None
        return _chosen(item, links[-1].subject, links[-1].subject_start, "previous_quantity")
    return _chosen(item, subject, start, "attribute_before")


def _chosen(item: Item, subject: Optional[str], start: Optional[int], rule: Optional[SubjectRule]) -> Link:
    return Link(subject=subject, change=item.phrase.change, subject_start=start, rule=rule)


def budget_line(item: Item) -> Optional[Link]:
    """完成预算的98.2%: a completion rate belongs to the budget line the sentence is about
    (budget_line)."""
    s, q = item.sentence, item.q
    # (a window: 631,600's comma is no clause's end; PDF text breaks lines anywhere: 完\n成年初预算的98.20%)
    if not (q.kind == "percent" and s.links
            and COMPLETION.search(_WHITESPACE.sub("", s.text[max(s.start, q.start - 24):q.start]))):
        return None
    topic = _budget_line(s.text, s.start, s.links)
    return _chosen(item, topic[0], topic[1], "budget_line") if topic else None


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


def counted_noun_after(item: Item) -> Optional[Link]:
    """涉及18个|单位, 推出85项|改革举措: the noun after the classifier, when no noun phrase
    stands before the number or a verb takes it as its object (counted_noun_after)."""
    p = item.phrase
    if not (p.right and (p.verb is not None or not p.subject or p.counted_noun)):
        return None
    if p.right[0] < item.nxt:
        item.reach = max(item.reach, p.right[1])  # the next number's phrase begins after the noun
    return _chosen(item, _clean(item.sentence.text[p.right[0]:p.right[1]]), p.right[0], "counted_noun_after")


def last_addition(item: Item) -> Optional[Link]:
    """…养老保险基金新增|上解上级支出13.4亿元: a phrase too long to be a name ends with what
    its last verb of addition adds (attribute_before)."""
    p = item.phrase
    if not (p.subject and len(p.subject) > MAX_SUBJECT and not p.listed):
        return None
    added = _LAST_ADDITION.search(p.subject)
    if added is None or len(p.subject) - added.end() < 2:
        return None
    return _chosen(item, p.subject[added.end():], p.start + added.end(), p.rule)


def attribute_before(item: Item) -> Optional[Link]:
    """预算资金|31.08亿元: the noun phrase before the number (attribute_before; the items of
    a 等 list: list_before_deng; a negated verb: outcome_category). A quoted account or
    item name (“住房保障支出-住房改革支出-购房补贴”科目) and a list of items may be long."""
    p = item.phrase
    subject = p.subject
    if not (subject and (len(subject) <= MAX_SUBJECT or (_QUOTED_NAME.search(subject) or p.listed and "、" in subject)
                         and len(subject) <= 3 * MAX_SUBJECT)):
        return None
    return _chosen(item, subject, p.start, "list_before_deng" if p.listed else p.rule)


def before_verb(item: Item) -> Optional[Link]:
    """房地产建安投资|完成60.86亿元: the phrase before the verb whose object the number is
    (before_verb); 不予处理80件: a negated or 其他 verb (outcome_category); a topic line
    above a sentence that opens with the verb (heading_lead); else the verb (答复|3050件)."""
    p, s = item.phrase, item.sentence
    verb, text, lo = p.verb, s.text, item.lo
    if verb is None or verb.group() not in _VERBS:
        return None
    verb_start = verb.start()
    adverb = _ADVERB_BEFORE.search(text, lo, verb_start)
    if adverb and adverb.start() in s.bounds:
        verb_start = adverb.start()  # 粉丝量迅速跃升至3.7万: the manner is no part of the name
    before, _ = _left_phrase(text, lo, verb_start, s.bounds)
    phrase = _clean(text[before:verb_start])
    category = _VERB_CATEGORY.search(phrase)
    if category and (category.start() == 0 or verb_start - len(phrase) + category.start() in s.bounds):
        # 不予处理80件, 其他处理319件, 原因无法提供564件: a negation or 其他 with the verb
        # names a category of outcome (the FOI tables' rows), not an actor.
        return _chosen(item, category.group() + verb.group(), verb_start - len(category.group()), "outcome_category")
    if phrase and not BASELINE.match(phrase) and len(phrase) <= MAX_SUBJECT:
        return _chosen(item, phrase, before, "before_verb")
    lead = heading_lead(text, s.start) if not phrase else None
    if lead:  # ——农林水支出。|完成1051.73亿元: the line above names the topic
        return _chosen(item, lead[0], lead[1], "heading_lead")
    return _chosen(item, verb.group(), verb.start(), "verb")


def share_of_origin(item: Item) -> Optional[Link]:
    """其中47%来自海外: a share named by where it comes from (share_of)."""
    s, q = item.sentence, item.q
    if item.phrase.subject or q.kind != "percent":
        return None
    origin = _ORIGIN.match(s.text, q.end, item.nxt)
    return _chosen(item, origin.group(), q.end, "share_of") if origin else None


def share_of_noun(item: Item) -> Optional[Link]:
    """承担了全省近80%的|基础研究项目: a share of the noun after 的 (share_of)."""
    s, q = item.sentence, item.q
    if item.phrase.subject or q.kind != "percent" or not s.text.startswith("的", q.end):
        return None
    right = right_noun(s.text, q.end + 1, item.nxt, s.bounds)
    return _chosen(item, _clean(s.text[right[0]:right[1]]), right[0], "share_of") if right is not None else None


def outcome_after(item: Item) -> Optional[Link]:
    """分别有1691个、513个（占94%、62%）已完成整改: the state the numbers are counted in,
    after them (outcome_category)."""
    if item.phrase.change:
        return None
    s = item.sentence
    done = category_after(s.text, item.q.end, s.end)
    return _chosen(item, done[0], done[1], "outcome_category") if done else None


def previous_quantity(item: Item) -> Optional[Link]:
    """同比增长1.5%, 占79%: the indicator of the quantity before (change_indicator for a
    change, else previous_quantity)."""
    links, p = item.sentence.links, item.phrase
    if not (links and (p.change or not p.subject)):
        return None
    last = links[-1]
    rule: Optional[SubjectRule] = None
    if last.subject is not None:
        rule = "change_indicator" if p.change else "previous_quantity"
    return _chosen(item, last.subject, last.subject_start, rule)


# In the order they are tried: the first link found is the quantity's.
RULES: tuple[Rule, ...] = (
    respectively_item, list_item, counted_event, counted_unit, respectively, from_to, compared,
    # (a completion rate's budget line wins over any phrase before it)
    budget_line, counted_noun_after, last_addition, attribute_before, before_verb,
    # …and when none of those names the subject:
    share_of_origin, share_of_noun, outcome_after, previous_quantity,
)
