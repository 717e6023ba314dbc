"""The character classes the normalizer's regexes (``patterns.py``) and its compiled fast
path (``_speedups.pyx``, through ``configure``) share, defined once.

Plain strings of characters, to put inside ``[...]`` or to test membership with ``in``.
"""

from __future__ import annotations

__all__ = ["DIGITS", "INLINE_SPACES", "LINE_SPACES", "RANGE_SEPARATORS"]

# Between the bounds of a range: 3-5亿元, 3亿元至5亿元, 4.5%—5%, 3～5年 (hyphen first, so
# that inside [...] it is a character, not a span).
RANGE_SEPARATORS = "-－~～至到—–"
# Spaces that stand inside a quantity in PDF text (1560.05 万元): never a tab, which is a
# table's column.
INLINE_SPACES = " \u3000\xa0"
# Spaces between the parts of an expression on one line (tabs included).
LINE_SPACES = " \t\u3000\xa0"
# Arabic digits, ASCII and full-width.
DIGITS = "0-9０-９"
