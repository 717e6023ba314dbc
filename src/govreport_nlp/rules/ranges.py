"""Whether an offset falls in one of a set of character ranges (debris, template tables,
table-row labels), in log time: the filter every component applies, written once."""

from __future__ import annotations

import bisect
from typing import Sequence

__all__ = ["inside"]


def inside(pos: int, ranges: Sequence[Sequence[int]]) -> bool:
    """Whether ``pos`` lies in one of the (start, end) ``ranges``, which are sorted by
    start and do not overlap (as the layout, the table parser and the row finder write
    them).

    >>> inside(5, [(0, 3), (4, 9)]), inside(3, [(0, 3), (4, 9)]), inside(0, [])
    (True, False, False)
    """
    i = bisect.bisect_right(ranges, pos, key=lambda r: r[0]) - 1
    return i >= 0 and pos < ranges[i][1]
