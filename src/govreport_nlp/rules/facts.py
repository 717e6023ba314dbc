"""Facts from linked quantities: the assembly the ``govreport_linker`` component runs.

``rules/linker.py`` decides the subject and change of each quantity of a sentence;
this module puts a whole report's facts together from what the components before wrote
(sentences, sections, entities, table rows and cells) and gives each fact its id. Pure:
no spaCy, every input a plain value.
"""

from __future__ import annotations

import bisect
import hashlib
from typing import Any, Mapping, Optional, Sequence

from ..models import Entity, Fact, Quantity, Section
from ..numbers.context import unit_of_subject
from .breakdowns import link_breakdowns
from .linker import Link, link_sentence
from .ranges import inside

__all__ = ["assemble_facts", "fact_id"]


def fact_id(q: Quantity) -> str:
    """A stable id: the same quantity at the same place in the same text keeps it.

    >>> fact_id(Quantity(text="98个", start=10, end=13, value=98, unit="个", kind="count")).startswith("f10-")
    True
    """
    digest = hashlib.blake2s(f"{q.start}:{q.end}:{q.text}".encode(), digest_size=6).hexdigest()
    return f"f{q.start}-{digest}"


_SPACE = frozenset(" \t\n\r\u3000\xa0")
# Text before a sentence that the linker may read (a topic line above it: heading_lead).
_CONTEXT = 60


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _link_compact(text: str, s: int, e: int, quantities: Sequence[Quantity], bounds: frozenset[int]) -> list[Link]:
    """``link_sentence`` on the sentence with the spaces and line breaks that PDF text puts
    inside words left out (完 成, 增\n长, 2023\n年), offsets mapped back. Whitespace between two
    ASCII letters or digits stays: it separates numbers and words there."""
    lo = max(0, s - _CONTEXT)
    if not any(ch in _SPACE for ch in text[lo:e]):
        return link_sentence(text, s, e, quantities, bounds)
    kept: list[int] = []  # original offset of each character of the compact text
    position = [0] * (e - lo + 1)  # compact offset of each original offset
    i = lo
    while i < e:
        if text[i] in _SPACE:
            j = i
            while j < e and text[j] in _SPACE:
                j += 1
            before, after = text[i - 1:i], text[j:j + 1]
            if not (before and after and _ascii_alnum(before) and _ascii_alnum(after)):
                for k in range(i, j):
                    position[k - lo] = len(kept)
                i = j
                continue
        position[i - lo] = len(kept)
        kept.append(i)
        i += 1
    position[e - lo] = len(kept)
    compact = "".join(text[k] for k in kept)
    moved = [q.model_copy(update={"start": position[q.start - lo], "end": position[q.end - lo]}) for q in quantities]
    marks = frozenset(position[b - lo] for b in range(lo, e + 1) if b in bounds)
    links = link_sentence(compact, position[s - lo], len(compact), moved, marks)
    return [ln if ln.subject_start is None else
            Link(subject=ln.subject, change=ln.change, rule=ln.rule,
                 subject_start=kept[ln.subject_start] if ln.subject_start < len(kept) else e)
            for ln in links]


def _section_path(sections: Sequence[Section], pos: int) -> list[str]:
    path: list[str] = []
    for s in sections:
        if s.start <= pos < s.end and len(s.path) > len(path):
            path = s.path
    return list(path)


def assemble_facts(text: str, quantities: Sequence[Quantity], *, sentences: Sequence[Sequence[int]],
                   bounds: frozenset[int], sections: Sequence[Section] = (), entities: Sequence[Entity] = (),
                   table_spans: Sequence[Sequence[int]] = (), row_subjects: Optional[Mapping[int, str]] = None,
                   table_cells: Optional[Mapping[int, Mapping[str, Any]]] = None) -> list[Fact]:
    """One :class:`Fact` per quantity outside the template tables: subject and change
    (``link_sentence`` per sentence; a statistics-table row or a table cell names its own),
    the 其中 breakdowns, the time (the last date before it in its sentence), the org, the
    section path and the sentence."""
    row_subjects = row_subjects or {}
    table_cells = table_cells or {}
    # Numbers inside the template tables are cells (template_tables), not facts.
    quantities = [q for q in quantities if not inside(q.start, table_spans)]
    dates = sorted((e for e in entities if e.label == "DATE"), key=lambda e: e.start)
    # A duration inside a period that is a date (过去五年, 五年来 -> 2021/2025) is that date.
    spans = [(d.start, d.end) for d in dates if d.value and "/" in d.value]
    quantities = [q for q in quantities
                  if not (q.kind == "duration" and inside(q.start, spans) and inside(q.end - 1, spans))]
    if not quantities:
        return []
    sentences = sentences or [(0, len(text))]
    date_starts = [d.start for d in dates]
    orgs = [e for e in entities if e.label == "ORG"]
    starts = [s for s, _ in sentences]
    groups: dict[int, list[Quantity]] = {}
    for q in quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        groups.setdefault(max(i, 0), []).append(q)
    linked: list[tuple[Quantity, Link, int, int]] = []
    for i, qs in sorted(groups.items()):
        s, e = sentences[i]
        e = max(e, qs[-1].end)
        for q, ln in zip(qs, _link_compact(text, s, e, qs, bounds), strict=True):
            if q.start in row_subjects:  # a statistics-table row names its own subject
                ln = Link(subject=row_subjects[q.start], subject_start=q.start, rule="table_row")
            elif q.start in table_cells:  # so does a table cell, with its column
                cell = table_cells[q.start]
                ln = Link(subject=cell["subject"], subject_start=q.start, rule="table_cell", change=cell["change"])
            linked.append((q, ln, s, e))
    breakdowns = link_breakdowns(text, [x[0] for x in linked], [x[1] for x in linked])
    facts: list[Fact] = []
    for (q, ln, s, e), (parent, context_of) in zip(linked, breakdowns, strict=True):
        if q.kind == "count" and not q.unit and ln.subject and (unit := unit_of_subject(ln.subject)):
            q = q.model_copy(update={"unit": unit})  # 贫困人口减少6800多万: 6800多万 people
        before = dates[bisect.bisect_left(date_starts, s):bisect.bisect_left(date_starts, q.start)]
        as_of = next((d.value for d in reversed(before) if d.relation == "as_of"), None)
        period = next((d.value for d in reversed(before) if d.relation is None and d.value is not None and len(d.value) == 4), None)
        org = next((o.text for o in reversed(orgs) if s <= o.start < q.start), None)
        facts.append(Fact(
            id=fact_id(q), subject=ln.subject, subject_rule=ln.rule if ln.subject else None,
            column=table_cells[q.start]["column"] if q.start in table_cells else None,
            change=ln.change, quantity=q,
            # (a table cell's context is its column, 实际完成 beside 年初预算: GUIDELINES' context_of)
            parent=parent, context_of=context_of or (table_cells[q.start]["column"] if q.start in table_cells else None),
            as_of=as_of, period=period, org=org,
            sentence=text[s:e], sentence_start=s, section_path=_section_path(sections, q.start),
        ))
    return facts
