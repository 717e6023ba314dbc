"""The characters a regular expression's match can begin with, as a look-ahead.

The scanner's pattern (``patterns.SCAN``) is a long alternation that the ``re`` engine
tries in full at every position of a text, and most positions of a Chinese report are
characters no number begins with. Python's compiler finds the first characters of a
pattern only in simple cases, so :func:`with_first_chars` computes them from the parsed
pattern and puts them in front as a look-ahead, ``(?=[...])``: a position that cannot
begin a match fails at once, and every match is the one the pattern found before.

>>> import re
>>> first_chars(re.compile(r"(?:约|近)?[0-9]+万?"))
'0-9约近'
>>> first_chars(re.compile(r"a?")) is None  # a match may be empty: no first character
True
>>> bool(with_first_chars(re.compile(r"(?<!x)[0-9]+")).search("x1 2")), with_first_chars(re.compile(r"b|c")).pattern
(True, '(?=[bc])(?:b|c)')
"""

from __future__ import annotations

import re
from typing import Any, Optional

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

__all__ = ["first_chars", "with_first_chars"]

_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)  # (?>...), Python 3.11+
# Categories as a character class writes them.
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}


class _Unknown(Exception):
    """A construct whose first characters are not worked out here (any character, a
    back-reference, a negated class): no look-ahead then."""


def _class_items(items: Any) -> list[str]:
    out: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE and the rest
            raise _Unknown(op)
    return out


def _first(items: Any) -> tuple[list[str], bool]:
    """(first-character items, whether the sequence may match the empty string)."""
    found: list[str] = []
    for op, av in items:
        nullable = False
        if op is _c.LITERAL:
            found.append(re.escape(chr(av)))
        elif op is _c.IN:
            found += _class_items(av)
        elif op is _c.SUBPATTERN:
            sub, nullable = _first(av[-1])
            found += sub
        elif op is _c.BRANCH:
            for branch in av[1]:
                sub, empty = _first(branch)
                found += sub
                nullable = nullable or empty
        elif op in _REPEATS:
            sub, empty = _first(av[2])
            found += sub
            nullable = empty or av[0] == 0
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            nullable = True  # zero-width: the next item gives the first character
        elif op is _ATOMIC:
            sub, nullable = _first(av)
            found += sub
        else:
            raise _Unknown(op)
        if not nullable:
            return found, False
    return found, True


def first_chars(pattern: re.Pattern[str]) -> Optional[str]:
    """The body of a character class of the characters a match of ``pattern`` can begin
    with, or None when a match may be empty or the pattern has a construct read nowhere
    here."""
    try:
        items, nullable = _first(_p.parse(pattern.pattern, pattern.flags))
    except _Unknown:
        return None
    if nullable or not items:
        return None
    return "".join(sorted(set(items), key=lambda s: (len(s) == 1, s)))


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead of its first characters (the same matches, found
    faster where most positions begin none); ``pattern`` itself when they are unknown."""
    chars = first_chars(pattern)
    if chars is None:
        return pattern
    # (a character class keeps its spaces and # in a verbose pattern too; the line break
    # ends a comment the pattern's last line may hold)
    return re.compile(f"(?=[{chars}])(?:{pattern.pattern}\n)" if pattern.flags & re.VERBOSE
                      else f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
