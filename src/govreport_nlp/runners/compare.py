"""Year over year: what changed between two reports of one body.

``compare(old, new)`` pairs the template-table cells of the two reports by table, row and
column, and their facts by *normalized subject and unit* (a fact that restates a template
cell pairs with the other report's fact restating the same cell first), and lists for each
what changed (old -> new, with the difference), what is new and what is gone. This is the
audit team's side-by-side of last year's report and this year's.

Pairing facts, in this order, within one key (subject, unit, level or change):

1. facts that restate the same template cell (``Fact.table_cell``);
2. facts with the same value (unchanged: counted, not listed);
3. the rest in the order of the text (the first 政府信息公开申请 with the first);

what is left over in the new report is ``added``, in the old one ``removed``. A fact
without a subject cannot be paired: it is counted in ``without_subject``. A change
(增长/下降) is compared signed (下降3% is -3), and never with a level of the same subject.

The result is a :class:`Comparison` (pydantic): ``model_dump(mode="json")`` gives the JSON
of ``govreport-nlp compare`` (schema in docs/compare.schema.json, fields in
docs/compare.md), ``to_html(lang=...)`` the rendered page (runners/compare_html.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from decimal import Decimal
from typing import Any, Literal, Optional

from pydantic import BaseModel, Field

from ..models import Fact, Report

__all__ = ["COMPARE_VERSION", "CellChange", "Comparison", "FactChange", "FactSide", "ReportSide",
           "compare", "subject_key"]

# Bumped when a field of the JSON changes meaning or goes away (adding one does not).
COMPARE_VERSION = 1

class ReportSide(BaseModel):
    """One of the two reports: which file, body and year."""

    file: Optional[str] = None
    title: Optional[str] = None
    issuer: Optional[str] = None
    report_year: Optional[int] = None
    kind: Optional[str] = None
    template: Optional[str] = None


class CellChange(BaseModel):
    """A template-table cell in either report: ``old`` is None for a new cell, ``new`` for
    a cell that is gone; ``difference`` is ``new - old`` when both are there; ``unit`` is
    万元 for the template's money columns, else empty (counts of 件)."""

    table: str
    row: str
    column: str
    unit: str = ""
    old: Optional[Decimal] = None
    new: Optional[Decimal] = None
    difference: Optional[Decimal] = None


class FactSide(BaseModel):
    """A fact as one report gives it: its id, exact value (signed for a decrease) and where
    it is written (``start``/``end`` of the number, its sentence)."""

    id: str
    subject: str
    value: Decimal
    change: Optional[Literal["increase", "decrease"]] = None
    text: str
    start: int
    end: int
    sentence: str = ""


class FactChange(BaseModel):
    """A fact paired by subject and unit: ``old``/``new`` None where the other report has
    no such fact. ``difference`` is ``new - old`` (for a percentage, in percentage points),
    ``relative`` the same over ``|old|`` (None for percentages and when old is 0)."""

    subject: str
    unit: str
    measure: Literal["level", "change"] = "level"
    old: Optional[FactSide] = None
    new: Optional[FactSide] = None
    difference: Optional[Decimal] = None
    relative: Optional[float] = None


class Part(BaseModel):
    """Changed, added and removed items of one kind, and how many stayed the same."""

    changed: list[Any] = Field(default_factory=list)
    added: list[Any] = Field(default_factory=list)
    removed: list[Any] = Field(default_factory=list)
    unchanged: int = 0


class CellDiff(Part):
    """The template-table cells of the two reports."""

    changed: list[CellChange] = Field(default_factory=list)
    added: list[CellChange] = Field(default_factory=list)
    removed: list[CellChange] = Field(default_factory=list)


class FactDiff(Part):
    """The facts of the two reports' text."""

    changed: list[FactChange] = Field(default_factory=list)
    added: list[FactChange] = Field(default_factory=list)
    removed: list[FactChange] = Field(default_factory=list)
    without_subject: dict[str, int] = Field(default_factory=lambda: {"old": 0, "new": 0})


class Comparison(BaseModel):
    """What changed from ``old`` to ``new`` (see the module's docstring)."""

    version: int = COMPARE_VERSION
    old: ReportSide
    new: ReportSide
    same_issuer: Optional[bool] = None
    cells: CellDiff = Field(default_factory=CellDiff)
    facts: FactDiff = Field(default_factory=FactDiff)

    def __repr__(self) -> str:
        def counts(part: Part) -> str:
            return f"{len(part.changed)} changed, {len(part.added)} new, {len(part.removed)} gone"

        return (f"<Comparison {self.old.issuer or '?'} {self.old.report_year or '?'} -> "
                f"{self.new.issuer or '?'} {self.new.report_year or '?'}: cells {counts(self.cells)}; "
                f"facts {counts(self.facts)}>")

    def to_html(self, *, lang: str = "zh") -> str:
        """The comparison as a standalone HTML page (Chinese labels, or English with ``lang="en"``)."""
        from .compare_html import comparison_html

        return comparison_html(self, lang=lang)


# Punctuation, brackets and spaces say nothing about what is counted; a year in the subject
# (2023年收入) names the report's year, which is what differs between the two.
_NOISE = re.compile(r"[\s\u3000、，,。．.：:；;（）()《》〈〉【】\[\]“”\"'‘’·—\-]+")
_YEAR = re.compile(r"(?:19|20)\d\d年度?|本年度?|今年|上年度?|去年")


def subject_key(subject: str) -> str:
    """The subject as compared: NFKC (full-width to half-width), without spaces,
    punctuation and years.

    >>> subject_key("2023年 政府信息公开申请（件）"), subject_key("ＧＤＰ总量")
    ('政府信息公开申请件', 'GDP总量')
    """
    text = unicodedata.normalize("NFKC", subject)
    return _NOISE.sub("", _YEAR.sub("", text))


def _side(report: Report, file: Optional[str]) -> ReportSide:
    return ReportSide(file=file if file is not None else report.source, title=report.title, issuer=report.issuer,
                      report_year=report.report_year, kind=report.kind, template=report.template)


def _cells(report: Report) -> dict[tuple[str, str, str], Decimal]:
    return {(t, r, c): v for t, rows in (report.template_tables or {}).items()
            for r, cells in rows.items() for c, v in cells.items()}


def _diff_cells(old: Report, new: Report) -> CellDiff:
    from ..rules.tables import money_columns

    money = money_columns()
    a, b = _cells(old), _cells(new)
    diff = CellDiff()
    for key, value in b.items():
        t, r, c = key
        unit = "万元" if c in money else ""
        if key not in a:
            diff.added.append(CellChange(table=t, row=r, column=c, unit=unit, new=value))
        elif a[key] == value:
            diff.unchanged += 1
        else:
            diff.changed.append(CellChange(table=t, row=r, column=c, unit=unit, old=a[key], new=value,
                                           difference=value - a[key]))
    diff.removed = [CellChange(table=t, row=r, column=c, unit="万元" if c in money else "", old=v)
                    for (t, r, c), v in a.items() if (t, r, c) not in b]
    return diff


FactKey = tuple[str, str, str]


def _signed(fact: Fact) -> Decimal:
    return -fact.quantity.value if fact.change == "decrease" else fact.quantity.value


def _fact_side(fact: Fact) -> FactSide:
    q = fact.quantity
    return FactSide(id=fact.id, subject=fact.subject or "", value=_signed(fact), change=fact.change, text=q.text,
                    start=q.start, end=q.end, sentence=fact.sentence)


def _groups(report: Report) -> tuple[dict[FactKey, list[Fact]], int]:
    """The report's facts by key (in text order), and how many have no subject."""
    groups: dict[FactKey, list[Fact]] = {}
    without = 0
    for fact in report.facts:
        key = subject_key(fact.subject or "")
        if not key:
            without += 1
            continue
        measure = "change" if fact.change else "level"
        groups.setdefault((key, fact.quantity.unit, measure), []).append(fact)
    return groups, without


def _pairs(old: list[Fact], new: list[Fact]) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Pairs of one key (same cell, then same value, then text order) and the leftovers,
    in time linear in the facts (a report may give one subject hundreds of numbers)."""
    pairs: list[tuple[Fact, Fact]] = []
    left, right = list(range(len(old))), list(range(len(new)))
    for same in (lambda f: f.table_cell and (f.table_cell.table, f.table_cell.row, f.table_cell.column),
                 _signed):
        waiting: dict[object, deque[int]] = {}
        for j in right:
            key = same(new[j])
            if key or key == 0:
                waiting.setdefault(key, deque()).append(j)
        taken: set[int] = set()
        kept: list[int] = []
        for i in left:
            key = same(old[i])
            queue = waiting.get(key) if key or key == 0 else None
            if queue:
                j = queue.popleft()
                taken.add(j)
                pairs.append((old[i], new[j]))
            else:
                kept.append(i)
        left, right = kept, [j for j in right if j not in taken]
    n = min(len(left), len(right))
    pairs += [(old[i], new[j]) for i, j in zip(left[:n], right[:n], strict=True)]
    return pairs, [old[i] for i in left[n:]], [new[j] for j in right[n:]]


def _change(key: FactKey, a: Optional[Fact], b: Optional[Fact]) -> FactChange:
    subject = (b.subject if b is not None else a.subject if a is not None else None) or ""
    change = FactChange(subject=subject, unit=key[1], measure="change" if key[2] == "change" else "level",
                        old=None if a is None else _fact_side(a), new=None if b is None else _fact_side(b))
    if a is not None and b is not None:
        change.difference = _signed(b) - _signed(a)
        if key[1] not in ("%", "‰", "百分点") and _signed(a) != 0:
            change.relative = round(float(change.difference / abs(_signed(a))), 6)
    return change


def _diff_facts(old: Report, new: Report) -> FactDiff:
    a, without_old = _groups(old)
    b, without_new = _groups(new)
    diff = FactDiff(without_subject={"old": without_old, "new": without_new})
    for key in [*a, *(k for k in b if k not in a)]:
        pairs, gone, came = _pairs(a.get(key, []), b.get(key, []))
        for x, y in pairs:
            if _signed(x) == _signed(y):
                diff.unchanged += 1
            else:
                diff.changed.append(_change(key, x, y))
        diff.removed += [_change(key, x, None) for x in gone]
        diff.added += [_change(key, None, y) for y in came]
    return diff


def compare(old: Report, new: Report, *, old_file: Optional[str] = None,
            new_file: Optional[str] = None) -> Comparison:
    """What changed from report ``old`` to report ``new`` (two years of one body): cells
    paired by table/row/column, facts by normalized subject and unit (module docstring).

    ``old_file``/``new_file`` name the files in the result (default: ``Report.source``).
    Reports of two different issuers are compared all the same (``same_issuer`` is False;
    None when either issuer is unknown).
    """
    return Comparison(old=_side(old, old_file), new=_side(new, new_file),
                      same_issuer=old.issuer == new.issuer if old.issuer and new.issuer else None,
                      cells=_diff_cells(old, new), facts=_diff_facts(old, new))
