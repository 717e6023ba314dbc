"""The segmenter's words of one text, as offsets, with the look-ups the finders need.

The name finders (rules/entities.py: organizations, central bodies, places, zones,
regions; rules/counties.py) each ask where words start and end. Built once per Doc and
passed to all of them, a :class:`WordIndex` answers those questions from tables made at
most once each (on first use), instead of each finder rebuilding its own from the list.
A finder given a plain list of (start, end) pairs wraps it itself (:func:`word_index`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from typing import Optional, Sequence, Union

__all__ = ["Word", "WordIndex", "Words", "word_index"]

Word = tuple[int, int]  # (start, end) offsets of one segmenter word
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


class WordIndex(list[Word]):
    """The words of a text in order, as (start, end) pairs (a list of them: indexing and
    iterating cost what they cost on the plain list), with tables made on first use:
    ``starts``, ``ends`` (lists, in order), ``start_set``, ``end_set`` (for
    membership), ``index_of_start`` and ``index_of_end`` (offset -> index of the word
    that starts or ends there; the same is found by bisection with
    :meth:`word_starting_at` and :meth:`word_ending_at`, which cost no table of their
    own: a dict costs more to build than the finders save by it). The tables describe
    the words it was made with: it is not to be changed afterwards.

    >>> words = WordIndex([(0, 2), (2, 3), (4, 6)])
    >>> words[1], len(words), words.index_of_end[6], 4 in words.start_set, words.starts
    ((2, 3), 3, 2, True, [0, 2, 4])
    >>> words.word_ending_at(3), words.word_starting_at(3)
    (1, None)
    """

    @property
    def spans(self) -> list[Word]:
        """The words themselves (the index is their list)."""
        return self

    # (each table is read off the spans by C-level calls: on a long report a table built
    # in a Python loop costs as much as a finder)
    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each word starts, in order (for bisection)."""
        return list(map(_FIRST, self))

    @functools.cached_property
    def ends(self) -> list[int]:
        """Where each word ends, in order (for bisection)."""
        return list(map(_SECOND, self))

    @functools.cached_property
    def start_set(self) -> frozenset[int]:
        """Every offset where a word starts."""
        return frozenset(map(_FIRST, self))

    @functools.cached_property
    def end_set(self) -> frozenset[int]:
        """Every offset where a word ends."""
        return frozenset(map(_SECOND, self))

    def word_starting_at(self, offset: int) -> Optional[int]:
        """The index of the word that starts at ``offset``, or None (by bisection: no
        table beyond ``starts``)."""
        starts = self.starts
        i = bisect.bisect_left(starts, offset)
        return i if i < len(starts) and starts[i] == offset else None

    def word_ending_at(self, offset: int) -> Optional[int]:
        """The index of the word that ends at ``offset``, or None."""
        ends = self.ends
        i = bisect.bisect_left(ends, offset)
        return i if i < len(ends) and ends[i] == offset else None

    @functools.cached_property
    def index_of_start(self) -> dict[int, int]:
        """Offset -> index of the word starting there."""
        return dict(zip(map(_FIRST, self), itertools.count()))

    @functools.cached_property
    def index_of_end(self) -> dict[int, int]:
        """Offset -> index of the word ending there."""
        return dict(zip(map(_SECOND, self), itertools.count()))


Words = Union[WordIndex, Sequence[Word]]


def word_index(words: Words) -> WordIndex:
    """``words`` as a :class:`WordIndex`: itself when it is one (its tables are shared),
    else a new one over the list."""
    return words if isinstance(words, WordIndex) else WordIndex(words)
