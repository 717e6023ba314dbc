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
from typing import Iterator, Optional, Sequence, Union, overload

__all__ = ["Word", "WordIndex", "Words", "word_index"]

Word = tuple[int, int]  # (start, end) offsets of one segmenter word
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


class WordIndex(Sequence[Word]):
    """The words of a text in order, as (start, end) pairs (a sequence of them, as the
    plain list is), with tables made on first use: ``starts``, ``ends`` (lists, in
    order), ``start_set``, ``end_set`` (for membership), ``index_of_start`` and
    ``index_of_end`` (offset -> index of the word that starts or ends there; the same
    is found by bisection with :meth:`word_starting_at` and :meth:`word_ending_at`,
    which cost no table of their own: a dict costs more to build than the finders
    save by it).

    >>> words = WordIndex([(0, 2), (2, 3), (4, 6)])
    >>> words[1], len(words), words.index_of_end[6], 4 in words.start_set, words.starts
    ((2, 3), 3, 2, True, [0, 2, 4])
    >>> words.word_ending_at(3), words.word_starting_at(3)
    (1, None)
    """

    def __init__(self, spans: Sequence[Word]) -> None:
        self.spans: Sequence[Word] = spans

    @overload
    def __getitem__(self, i: int) -> Word: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Word]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Word, Sequence[Word]]:
        return self.spans[i]

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.spans)

    # (the tables are built with C-level calls: on a long report they cost as much as a finder)
    # (each table is read off the spans by C-level calls: on a long report a table built
    # in a Python loop costs as much as a finder)
    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each word starts, in order (for bisection)."""
        return list(map(_FIRST, self.spans))

    @functools.cached_property
    def ends(self) -> list[int]:
        """Where each word ends, in order (for bisection)."""
        return list(map(_SECOND, self.spans))

    @functools.cached_property
    def start_set(self) -> frozenset[int]:
        """Every offset where a word starts."""
        return frozenset(map(_FIRST, self.spans))

    @functools.cached_property
    def end_set(self) -> frozenset[int]:
        """Every offset where a word ends."""
        return frozenset(map(_SECOND, self.spans))

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
        return dict(zip(map(_FIRST, self.spans), itertools.count()))

    @functools.cached_property
    def index_of_end(self) -> dict[int, int]:
        """Offset -> index of the word ending there."""
        return dict(zip(map(_SECOND, self.spans), itertools.count()))


Words = Union[WordIndex, Sequence[Word]]


def word_index(words: Words) -> WordIndex:
    """``words`` as a :class:`WordIndex`: itself when it is one (its tables are shared),
    else a new one over the list."""
    return words if isinstance(words, WordIndex) else WordIndex(words)
