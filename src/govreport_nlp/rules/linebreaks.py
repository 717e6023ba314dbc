"""Line breaks that PDF text puts inside words, and a view of the text without them.

A PDF converted to text breaks its lines at the page's width, wherever the line ends:
``上海市普陀区\\n财政局``. A break is *soft* when the line before it runs to the usual width
of the document's lines and Chinese characters stand on both sides: such a line did not
end, the page did. :func:`join_soft_breaks` gives the text without its soft breaks and
the map back to the original offsets, so that a finder can read names across them and
report spans of the original text (which then hold the line break).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

Span = tuple[int, int]

__all__ = ["Joined", "across_soft_breaks", "join_soft_breaks", "line_width", "name_across"]

_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n[ \t\u3000]*(?=[\u4e00-\u9fff])")
# A line this much of the usual width or longer ran to the margin.
_FULL = 0.85
# How far either side of a break a name may reach.
_REACH = 24
# Fewer lines than this do not show a page width.
_MIN_LINES = 8


@dataclass
class Joined:
    """The stretches of the text around its soft line breaks, without them;
    ``offsets[i]`` is where character ``i`` of ``text`` stands in the original (one more
    entry, for the end)."""

    text: str
    offsets: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of text[start:end]."""
        return self.offsets[start], self.offsets[end - 1] + 1

    def position(self, original: int) -> Optional[int]:
        """Where an original offset stands in the joined text (None inside a break)."""
        return self._back.get(original)

    def __post_init__(self) -> None:
        self._back = {o: i for i, o in enumerate(self.offsets[:-1])}  # (not the end's entry)


def _width(lines: Sequence[str]) -> float:
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[int(len(lengths) * 0.75)] if len(lengths) >= _MIN_LINES else 0.0


def line_width(text: str) -> float:
    """The width of a full line of the text (a PDF page's column), 0 when its lines are
    too few to say: a property of the whole report, which a piece of it keeps.

    >>> line_width("本报告由上海市普陀区\\n财政局编制，统计期限\\n" * 4), line_width("短")
    (10, 0.0)
    """
    return _width(text.split("\n"))


def join_soft_breaks(text: str, width: Optional[float] = None) -> Optional[Joined]:
    """The stretches around the line breaks inside lines of full width, without those
    breaks, or None when the text has none (a web page's paragraphs, a short text).
    ``width`` is the report's full line width (``line_width``) when ``text`` is a piece
    of it.

    >>> page = "本报告由上海市普陀区\\n财政局编制，统计期限\\n自一月一日至十二月三\\n十一日止，全年共收到\\n" * 2
    >>> joined = join_soft_breaks(page)
    >>> joined.text[:13], joined.span(4, 13) == (4, 14)
    ('本报告由上海市普陀区财政局', True)
    """
    lines = text.split("\n")
    if width is None:
        width = _width(lines)
    if not width:
        return None
    line_end = {}
    pos = 0
    for line in lines:
        pos += len(line)
        line_end[pos] = len(line.strip())
        pos += 1
    cuts = []
    for m in _BREAK.finditer(text):
        nl = text.index("\n", m.start())
        if line_end.get(nl, 0) >= _FULL * width:
            cuts.append(m.span())
    if not cuts:
        return None
    # Only the stretches around the breaks, each a name's length either side: the finders
    # read those again, not the whole text (a window ends at a line break that is kept).
    windows: list[tuple[int, int, list[Span]]] = []
    for s, e in cuts:
        lo, hi = max(0, s - _REACH), min(len(text), e + _REACH)
        lo = max(lo, text.rfind("\n", lo, s) + 1)
        nl = text.find("\n", e, hi)
        hi = hi if nl < 0 else nl
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]), windows[-1][2] + [(s, e)])
        else:
            windows.append((lo, hi, [(s, e)]))
    chars: list[str] = []
    offsets: list[int] = []
    for lo, hi, inner in windows:
        pos = lo
        for s, e in inner:
            chars.append(text[pos:s])
            offsets.extend(range(pos, s))
            pos = e
        chars.append(text[pos:hi] + "\n")  # a window ends the way a line does
        offsets.extend(range(pos, hi + 1))
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return Joined("".join(chars), offsets)


def across_soft_breaks(find: Callable[[str, Sequence[Span]], Iterable[Span]], joined: Joined,
                       words: Sequence[Span]) -> list[Span]:
    """The spans ``find(text, words)`` yields on the joined view that cross a soft break,
    in offsets of the original text (the break inside them). The spans within one line
    are the ones ``find`` gives on the original text, so they are not repeated here."""
    moved: list[Span] = []
    first, last_offset = joined.offsets[0], joined.offsets[-1]
    starts = [s for s, _ in words]
    # Only the words inside the stretches the view holds (found by bisection, in order).
    for i in range(bisect.bisect_left(starts, first), bisect.bisect_right(starts, last_offset)):
        s, e = words[i]
        start, last = joined.position(s), joined.position(e - 1)
        # (a word that runs out of its stretch is not moved: it would span two of them)
        if start is not None and last is not None and 0 <= last - start <= e - 1 - s:
            moved.append((start, last + 1))
    out = []
    for s, e in find(joined.text, moved):
        start, end = joined.span(s, e)
        if end - start != e - s:  # a break was removed inside it
            out.append((start, end))
    return out


# A name of an organization cut by a break is taken when it is this long and each piece
# holds two characters or more: shorter pieces are as often a verb and a head (承办区政|府).
_MIN_ORG = 6


def name_across(label: str, text: str, span: Span, known: Callable[[str], bool]) -> bool:
    """Whether a name read across a soft break is kept: a place when the joined name is a
    known division or region (``known``: 洪|泽区, 普陀|区), an organization when it is long
    and neither piece is a fragment of one or two characters."""
    start, end = span
    name = "".join(text[start:end].split())
    if label == "GPE":
        return known(name)
    pieces = [p for p in re.split(r"\s*\n\s*", text[start:end]) if p]
    return len(name) >= _MIN_ORG and all(len(p) >= 2 for p in pieces)
