"""The segmenter's words of a Doc as character offsets, read in one array call.

Iterating over Token objects costs more than segmenting; the components that need word
boundaries read them from ``Doc.to_array`` instead.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_SPACE, LENGTH
import bisect
from typing import Iterable

from spacy.tokens import Doc, Span

__all__ = ["char_spans", "doc_text", "forget_text", "remember_text", "word_bounds", "word_spans"]


_OFFSETS_KEY = "govreport_offsets"


def _offsets(doc: Doc) -> tuple[list[int], list[int], list[bool]]:
    """Start, end and is-space of every token, read from the Doc once per pipeline run:
    ``to_array(...).tolist()`` on a long report costs as much as a component, and four
    components ask. Dropped with the text by :func:`forget_text`; a Doc whose tokens
    changed in between (another length) is read again."""
    cached = doc.user_data.get(_OFFSETS_KEY)
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    spaces = arr[:, 2].astype(bool).tolist()
    doc.user_data[_OFFSETS_KEY] = (starts, ends, spaces)
    return starts, ends, spaces


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every word that is not whitespace."""
    if not len(doc):
        return []
    starts, ends, spaces = _offsets(doc)
    return [(s, e) for s, e, space in zip(starts, ends, spaces) if not space]


def word_bounds(doc: Doc) -> frozenset[int]:
    """Every character offset where a word starts or ends (and the end of the text)."""
    if not len(doc):
        return frozenset({0})
    starts, ends, _ = _offsets(doc)
    return frozenset(starts) | frozenset(ends) | {len(doc_text(doc))}


_TEXT_KEY = "govreport_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy builds it from Token objects on every
    access, which costs as much as a component. The last of our components drops the
    cached copy (``forget_text``) so that it is not serialized with the Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give a new Doc the text it was made from, so that no component rebuilds it."""
    doc.user_data[_TEXT_KEY] = text


def forget_text(doc: Doc) -> None:
    """Drop the cached text (and token offsets) of a Doc."""
    doc.user_data.pop(_TEXT_KEY, None)
    doc.user_data.pop(_OFFSETS_KEY, None)


def char_spans(doc: Doc, ranges: Iterable[tuple[int, int, str]]) -> list[Span]:
    """Labelled token spans covering character ranges, widened to whole tokens.

    ``Doc.char_span`` rebuilds the Doc's text on every call; this maps all ranges with
    one array read.
    """
    if not len(doc):
        return []
    starts, ends, _ = _offsets(doc)
    spans = []
    for start, end, label in ranges:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(ends, end)
        if first < 0 or last >= len(starts) or first > last:
            continue
        spans.append(Span(doc, first, last + 1, label=label))
    return spans
