"""The phrase before a quantity, read for its subject: where it begins and ends once the
change verb, the fillers, a share's 占…的 and a list's 等 are accounted for, and the
noun counted after the number (``right_noun``).

Pure functions over the text, the segmenter's word boundaries and one quantity; the
subject rules (``subject_rules.py``) choose among what :func:`read_phrase` finds. A cut
is made only where the segmenter put a word boundary, so that a stop word inside a word
(中 in 中标资金) does not cut it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..lexicons import subjects as lex
from ..models import Change, Quantity, SubjectRule
from .clauses import ADVERB_BEFORE as _ADVERB_BEFORE
from .clauses import FILLER as _FILLER, GLUED_FILLERS as _GLUED_FILLERS, alternation as _alternation
from .clauses import left_phrase as _left_phrase, stops as _stops, strip_filler as _strip_filler
from .links import Link
from .phrases import BOUNDARY as _BOUNDARY, clean as _clean
from .topics import list_before_deng, opener_cut, skip_adverbs

__all__ = ["BASELINE", "COMPLETION", "INCREASE", "MAX_SUBJECT", "Phrase", "last_bound", "read_phrase", "right_noun",
           "share_start"]

# The longest phrase read as a name (a quoted name or a list may be longer: subject_rules).
MAX_SUBJECT = 20
_OPENERS = _alternation(w for w in lex.BASELINE_WORDS if len(w) == 1)
_SELF_BASELINES = _alternation(w for w in lex.BASELINE_WORDS if len(w) > 1)  # 同比, 环比
_PERIODS = _alternation(lex.BASELINE_PERIODS)
_CHANGE = re.compile(
    rf"(?:(?:{_OPENERS})(?:{_PERIODS}|[0-9]{{4}}\s*年末?)(?:相比)?|{_SELF_BASELINES})?(?:{_alternation(lex.CHANGE_MODIFIERS)})?"
    f"(?P<verb>{_alternation(lex.INCREASE_VERBS + lex.DECREASE_VERBS)})$"
)
INCREASE = frozenset(lex.INCREASE_VERBS)
# 不掌握等原因|无法提供: only the words of more than one character end a longer phrase.
_CATEGORY_TAIL = re.compile(f"(?:{_alternation(w for w in lex.CATEGORY_WORDS if len(w) > 1 and w not in ('其他', '依法'))})"
                            r"[\u4e00-\u9fff]{2}$")
_ADDED = re.compile(r"新增$")
# A phrase that begins so names a baseline (比上年年初预算), not the indicator.
# (比重, 比例, 比率 are nouns: the share itself.)
BASELINE = re.compile(rf"^(?:比(?![重例率值])|{_alternation(w for w in lex.BASELINE_WORDS if w != '比')})")
# …the same, cut after its time word (比上年|年初预算).
_BASELINE_BEFORE = re.compile(rf"(?:{_OPENERS}|同)(?:{_PERIODS})?$")
# 提高到66.2%, 下降至3%: a level reached, not a change by that much.
_REACHED = re.compile(r"(?:到|至)\s*$")
_REACHING = re.compile(f"(?:{_alternation(lex.REACHING_VERBS)})(?:至|到)?$")
_VERBS = lex.OBJECT_VERBS
_DIVISION_NOUNS = lex.DIVISION_NOUNS
_SCOPE_WORDS = lex.SCOPE_WORDS
_PREDICATE_RE = re.compile(_alternation(lex.PREDICATE_VERBS))
_NOT_A_NOUN = re.compile(_alternation(lex.NOT_NOUN_STARTS))
_BOUND = re.compile(_alternation(lex.BOUND_WORDS))
_MILESTONE = re.compile(_alternation(lex.MILESTONE_NOUNS))
# A milestone alone or after the unit of its number (万亿元台阶, 千亿大关).
_MILESTONE_PHRASE = re.compile(f"[万亿千百]*[元斤吨]?(?:{_alternation(lex.MILESTONE_NOUNS)})")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BARE_ADDITIONS = lex.BARE_ADDITIONS
_ADDITION_RE = re.compile(_alternation(_BARE_ADDITIONS))
_AVERAGE = re.compile(f"(?:{_alternation(lex.AVERAGE_WORDS)})$")
_BARE_SHARES = lex.BARE_SHARES
# A share named with what it is of (占GDP的比重) and its other name in brackets.
_SHARE_OF = re.compile(r"占[^，,；;。、占]{1,20}的$")
_SHARE_NOTE = re.compile(r"[（(][^（）()]{1,16}[）)]$")
# 完成预算的98.2%, 占调整预算的83.1%: the completion rate of the budget line the
# sentence is about; its subject is that line, named before the stage of the budget.
COMPLETION = re.compile(f"(?:{_alternation(lex.COMPLETION_VERBS)})(?:{_alternation(lex.COMPLETION_STAGES)})?预算(?:数)?"
                        r"(?:[0-9,，.]+\s*[万亿]?元)?的?\s*$")  # (为年初预算631,600万元的80.4%)


def last_bound(bounds: frozenset[int], after: int, before: int) -> Optional[int]:
    """The last word boundary strictly between ``after`` and ``before``, or None (looked
    for from ``before`` back: the cost is the stretch's, not the text's).

    >>> last_bound(frozenset({0, 2, 5, 9}), 0, 9), last_bound(frozenset({0, 9}), 0, 9)
    (5, None)
    """
    for b in range(before - 1, after, -1):
        if b in bounds:
            return b
    return None


def right_noun(text: str, pos: int, end: int, bounds: frozenset[int], *,
               past_bound: bool = False) -> Optional[tuple[int, int]]:
    """The counted noun right after a classifier (18个单位 -> 单位), or None; with
    ``past_bound`` (a count) also after the count's bound (1500个以上技改项目 -> 技改项目)."""
    while pos < end and text[pos] in " \t\u3000\xa0\n":
        pos += 1
    bound = _BOUND.match(text, pos) if past_bound else None
    if bound is not None and bound.end() in bounds and _HAN.match(text, bound.end()):
        pos = bound.end()  # 新实施1500个以上|技改项目: the bound is the number's, the noun follows it
    if _NOT_A_NOUN.match(text, pos) or _MILESTONE_PHRASE.match(text, pos):
        return None  # 3条以上, 13.36万人，并…: a modifier or a conjunction follows, no noun
    if text.startswith("《", pos):
        close = text.find("》", pos, end)
        if close > 0:
            return pos, close + 1
    stop = _noun_stop(text, pos, end, bounds)
    if stop is None:
        return None
    predicate = _PREDICATE_RE.search(text, pos + 1, stop)
    while predicate is not None and predicate.start() not in bounds:
        predicate = _PREDICATE_RE.search(text, predicate.start() + 1, stop)
    if predicate is not None:
        stop = predicate.start()  # 115个县建设粮油示范片: the noun ends where its predicate begins
    stop = opener_cut(text, pos, stop, bounds)
    # 从15个县（市）扩大到57个, 57个县（市）生产总值近3年: a verb of reaching or a filler
    # glued to the end is the predicate's, not the noun's.
    tail = _REACHING.search(text, max(pos, stop - 4), stop) or _FILLER.search(text, max(pos, stop - 3), stop)
    if tail is not None and tail.start() > pos and (tail.start() in bounds or tail.group() in _GLUED_FILLERS):
        stop = tail.start()
    # 13项辅助生殖技术项目|首次纳入医保, 74个国控断面…比例|连续3年: an adverb that opens
    # the predicate is not the noun's.
    adverb = _ADVERB_BEFORE.search(text, pos, stop)
    if adverb is not None and adverb.start() > pos + 1 and adverb.start() in bounds:
        stop = adverb.start()
    if stop - pos == 1 and text[pos] in _DIVISION_NOUNS and stop in bounds:
        return pos, stop  # 16个区全部…: a division is a noun of one character
    if stop - pos > MAX_SUBJECT or stop - pos < (1 if predicate is not None else 2):
        # One character left after a classifier is a fragment of a word (千万家|庭), unless
        # a predicate follows it as a word of its own (115个县|建设…).
        return None
    return pos, stop


def _noun_stop(text: str, pos: int, end: int, bounds: frozenset[int]) -> Optional[int]:
    """Where a counted noun starting at ``pos`` ends at the latest: punctuation, a digit
    or a stop word (a bracketed note of a few characters is the noun's), or None when a
    stop word opens it (33个部门的 -> 部门; 18个的 is no noun)."""
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
            return m.start()
        if m.start() == pos:
            return None
    return stop


def share_start(text: str, lo: int, start: int, bounds: frozenset[int]) -> int:
    """Where a share's name begins when ``start`` follows its 占: at the part it measures
    (好评数|占评价总数), else at the 占."""
    before, verb = _left_phrase(text, lo, start - 1, bounds)
    return before if verb is None and _clean(text[before:start - 1]) else start - 1


@dataclass
class Phrase:
    """What stands before a quantity, read for its subject: ``text[start:hi]`` cleaned is
    ``subject``; ``verb`` the stop word before it (None at the clause's start); ``change``
    the change its verb names; ``listed`` whether it is the items of a 等 list; ``rule``
    the rule that names it (attribute_before, or outcome_category for a negated verb);
    ``right`` the noun counted after the number, and ``counted_noun`` whether it follows
    the classifier directly."""

    start: int
    hi: int
    subject: str
    verb: Optional[re.Match[str]]
    change: Optional[Change] = None
    listed: bool = False
    rule: SubjectRule = "attribute_before"
    right: Optional[tuple[int, int]] = None
    counted_noun: bool = False


def read_phrase(text: str, lo: int, idx: int, quantities: Sequence[Quantity], nxt: int, sent_end: int,
                bounds: frozenset[int], links: Sequence[Link]) -> Phrase:
    """The phrase before quantity ``idx`` (it may begin at ``lo``; ``nxt`` is where the next
    quantity or the sentence begins): the candidates the subject rules choose from."""
    q = quantities[idx]
    hi, change = _cut_change(text, lo, q.start, bounds)
    start, verb = _left_phrase(text, lo, hi, bounds)
    phrase = Phrase(start=start, hi=hi, subject=_clean(text[start:hi]), verb=verb, change=change)
    _read_share_or_list(phrase, text, lo, q, bounds)
    _read_share_name(phrase, text, lo, q, bounds, links)
    category = _CATEGORY_TAIL.search(phrase.subject)
    if category and category.start() > 0:
        phrase.rule = "outcome_category"
        # 不掌握等原因无法提供564件: the outcome named by its negated verb, not its cause.
        phrase.start += len(phrase.subject) - len(category.group())
        phrase.subject = category.group()
    if BASELINE.match(phrase.subject) or _BASELINE_BEFORE.search(text, max(lo, phrase.start - 5), phrase.start):
        phrase.subject = ""  # 比上年年初预算增加1800亿元: the indicator is the one before
    elif _ADVERB_BEFORE.fullmatch(phrase.subject) or _MILESTONE_PHRASE.fullmatch(phrase.subject):
        # (…连跨两个万亿元台阶，年均增长5.7%: a milestone passed names no indicator either)
        phrase.subject = ""  # …比例|连续3年保持100%: an adverb alone names nothing; the indicator is the one before
    phrase.right = _counted_after(text, idx, quantities, nxt, sent_end, bounds, phrase)
    # A classifier followed by its noun (推出85项年度营商环境改革举措) counts that noun,
    # whatever stands before the number: the left phrase there is the action.
    phrase.counted_noun = q.kind == "count" and bool(q.unit) and phrase.right is not None and phrase.right[0] == q.end
    return phrase


def _cut_change(text: str, lo: int, number: int, bounds: frozenset[int]) -> tuple[int, Optional[Change]]:
    """Where the phrase before the number at ``number`` ends once its change verb, filler
    or verb of reaching is cut off, and the change (increase, decrease or None)."""
    hi = _strip_filler(text, lo, number, bounds)
    change_verb: Optional[Change] = None
    change = _CHANGE.search(text, max(lo, hi - 12), hi)
    reached = _REACHED.search(text, max(lo, number - 4), number)
    if change and change.start() >= lo:
        if not reached:
            change_verb = "increase" if change.group("verb") in INCREASE else "decrease"
        cut = change.start()
        if change.start("verb") not in bounds:
            # 缩减|压减: the change verb ends a longer word; the whole word is the verb
            whole = last_bound(bounds, lo - 1, change.start("verb"))
            cut = cut if whole is None else whole
        hi = _strip_filler(text, lo, cut, bounds)
        if _AVERAGE.search(text, max(lo, hi - 2), hi) and hi - 2 in bounds and hi - 2 > lo:
            hi = _strip_filler(text, lo, hi - 2, bounds)  # 规模缩|年均: 年均 is the change's
    elif _ADDED.search(text, max(lo, hi - 2), hi) and hi - 2 > lo and hi - 2 in bounds:
        # 经营主体新增105万户: an addition to the noun before it is its increase (新增22个
        # 县城, with no noun before, counts what follows: see below).
        change_verb = "increase"
        hi = hi - 2
    if reached and not change:
        reaching = _REACHING.search(text, max(lo, hi - 3), hi)
        if reaching and reaching.start() in bounds and reaching.start() > lo and reaching.group() not in _VERBS:
            hi = reaching.start()  # (a verb of _VERBS, 跃升至, is read as one by the rules)
    return hi, change_verb


def _read_share_or_list(phrase: Phrase, text: str, lo: int, q: Quantity, bounds: frozenset[int]) -> None:
    """A share named with its parts (占…的), the items of a 等 list, or a bare 新增."""
    verb, hi = phrase.verb, phrase.hi
    share = _SHARE_OF.search(text, max(lo, hi - 22), hi) if verb is not None and q.kind == "percent" else None
    if share and verb is not None and verb.group() == "的" and not COMPLETION.search(share.group()):
        # 好评数占评价总数的|99.58%: the share with its parts (占预算的: a completion rate)
        phrase.start, phrase.verb = share_start(text, lo, share.start() + 1, bounds), None
        phrase.subject = _clean(text[phrase.start:hi - 1])
    verb = phrase.verb
    if verb is not None and verb.group() == "等" and verb.start() > lo:
        # 上级补助收入、债务转贷收入、上年结余等|141.3亿元: the items are what is counted.
        first = list_before_deng(text, lo, verb.start(), _stops(text, lo, verb.start(), bounds))
        if first is None:  # 补发社会保险补贴等|1.9亿元: one item, named as any phrase is
            first, _ = _left_phrase(text, lo, _strip_filler(text, lo, verb.start(), bounds), bounds)
            first = skip_adverbs(text, first, verb.start(), bounds)
        if len(_clean(text[first:verb.start()])) >= 2:
            phrase.start, phrase.subject, phrase.verb, phrase.listed = first, _clean(text[first:verb.start()]), None, True
    if phrase.subject in _BARE_ADDITIONS and phrase.verb is None:
        # 新增22个县城: 新增 alone names no indicator; the number counts what follows.
        # (城镇新增就业1244万人 keeps 新增 inside its indicator.)
        phrase.verb = _ADDITION_RE.match(text, phrase.start)
        phrase.start, phrase.subject = hi, ""


def _read_share_name(phrase: Phrase, text: str, lo: int, q: Quantity, bounds: frozenset[int],
                     links: Sequence[Link]) -> None:
    """A share's name: without its bracketed other name, with its 占 and what it is of."""
    note = _SHARE_NOTE.search(phrase.subject) if phrase.subject.startswith(("比重", "比例")) else None
    if note:
        # 比重（即恩格系数）: the bracket gives the share's other name; the subject is the share.
        phrase.hi = phrase.start + len(phrase.subject) - len(note.group())
        phrase.subject = _clean(text[phrase.start:phrase.hi])
    start, subject = phrase.start, phrase.subject
    if subject and start > lo and text[start - 1] == "占" and (q.kind == "percent" or subject.endswith(("比重", "比例"))):
        # 占GDP比重: the share is named with its 占, and with the part it measures when
        # the clause names one (好评数占评价总数的99.58%)
        phrase.start = share_start(text, lo, start, bounds)
        phrase.subject = _clean(text[phrase.start:phrase.hi])
    elif subject in ("比重", "比例"):
        share = _SHARE_OF.search(text, max(lo, start - 22), start)
        if share:
            phrase.start = share.start()  # 占GDP的比重 (GUIDELINES.md): the share with what it is of
            phrase.subject = _clean(text[phrase.start:phrase.hi])
    if phrase.subject in _BARE_SHARES and text[lo:phrase.start].strip() == "" and links and links[-1].subject:
        phrase.subject = ""  # 一般债务136.66亿元，占比69.1%: the share of the item before


def _counted_after(text: str, idx: int, quantities: Sequence[Quantity], nxt: int, sent_end: int,
                   bounds: frozenset[int], phrase: Phrase) -> Optional[tuple[int, int]]:
    """The noun a count, measure or money after the number names (涉及18个|单位), if any."""
    q = quantities[idx]
    if not (q.kind in ("count", "measure", "money") and (q.unit or q.kind == "count") and not phrase.change):
        return None
    # A measure's bound opens a qualifier (海拔1500米以上|农村中小学): only a count's noun
    # is read past it.
    right = right_noun(text, q.end, nxt, bounds, past_bound=q.kind == "count")
    if right is None and text.startswith("、", q.end) and idx + 1 < len(quantities):
        # 10大类、4389项行政权责清单: the noun after the last item of a list.
        following = quantities[idx + 1]
        after = quantities[idx + 2].start if idx + 2 < len(quantities) else sent_end
        right = right_noun(text, following.end, after, bounds)
    if q.kind == "money" and phrase.verb is None:
        right = None  # 预算资金31.08亿元,... : money names its subject before it
    return right
