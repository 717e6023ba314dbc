"""The segmenter's words of a Doc as character offsets, read in one array call.

Iterating over Token objects costs more than segmenting; the components that need word
boundaries read them from ``Doc.to_array`` instead, and the Doc's text once.

Both are kept beside the Doc, in a table keyed by a weak reference to it, never in
``doc.user_data``: they are never serialized with the Doc, go when the Doc goes, and no
component has to be the one that drops them.
"""

from __future__ import annotations

import bisect
import weakref
from typing import Iterable, TypedDict

from spacy.attrs import IDX, IS_SPACE, LENGTH

from spacy.tokens import Doc, Span

__all__ = ["char_spans", "doc_text", "forget_text", "remember_text", "word_bounds", "word_spans"]


_Offsets = tuple[list[int], list[int], list[bool]]


class _Entry(TypedDict, total=False):
    """What is kept for one Doc, each part once it has been asked for."""

    text: str
    offsets: _Offsets  # (starts, ends, spaces)


_CACHE: "weakref.WeakKeyDictionary[Doc, _Entry]" = weakref.WeakKeyDictionary()


def _entry(doc: Doc) -> _Entry:
    entry = _CACHE.get(doc)
    if entry is None:
        entry = _CACHE[doc] = {}
    return entry


def _offsets(doc: Doc) -> _Offsets:
    """Start, end and is-space of every token, read from the Doc once per pipeline run:
    ``to_array(...).tolist()`` on a long report costs as much as a component, and four
    components ask. A Doc whose tokens changed in between (another length) is read again."""
    entry = _entry(doc)
    cached = entry.get("offsets")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    spaces = arr[:, 2].astype(bool).tolist()
    entry["offsets"] = (starts, ends, spaces)
    return starts, ends, spaces


def word_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every word that is not whitespace."""
    if not len(doc):
        return []
    starts, ends, spaces = _offsets(doc)
    return [(s, e) for s, e, space in zip(starts, ends, spaces, strict=False) if not space]


def word_bounds(doc: Doc) -> frozenset[int]:
    """Every character offset where a word starts or ends (and the end of the text)."""
    if not len(doc):
        return frozenset({0})
    starts, ends, _ = _offsets(doc)
    return frozenset(starts) | frozenset(ends) | {len(doc_text(doc))}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy builds it from Token objects on every
    access, which costs as much as a component."""
    entry = _entry(doc)
    text = entry.get("text")
    if text is None:
        text = entry["text"] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give a new Doc the text it was made from, so that no component rebuilds it."""
    _entry(doc)["text"] = text


def forget_text(doc: Doc) -> None:
    """Drop the cached text and token offsets of a Doc now (they go with it anyway)."""
    _CACHE.pop(doc, None)


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
