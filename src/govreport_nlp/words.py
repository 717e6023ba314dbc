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


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every word that is not whitespace."""
    if not len(doc):
        return []
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    return [(s, s + n) for s, n, space in arr.tolist() if not space]


def word_bounds(doc: Doc) -> frozenset[int]:
    """Every character offset where a word starts or ends (and the end of the text)."""
    if not len(doc):
        return frozenset({0})
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
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
    """Drop the cached text of a Doc."""
    doc.user_data.pop(_TEXT_KEY, None)


def char_spans(doc: Doc, ranges: Iterable[tuple[int, int, str]]) -> list[Span]:
    """Labelled token spans covering character ranges, widened to whole tokens.

    ``Doc.char_span`` rebuilds the Doc's text on every call; this maps all ranges with
    one array read.
    """
    if not len(doc):
        return []
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    spans = []
    for start, end, label in ranges:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(ends, end)
        if first < 0 or last >= len(starts) or first > last:
            continue
        spans.append(Span(doc, first, last + 1, label=label))
    return spans
