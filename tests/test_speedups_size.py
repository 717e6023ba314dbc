"""The compiled fast path keeps the code habit of the package: no function over ~60 lines.

ruff and mypy do not read Cython, so this reads ``numbers/_speedups.pyx`` itself: a
function runs from its ``def``/``cdef``/``cpdef`` line to the last line indented under it.
"""

from __future__ import annotations

import re
from pathlib import Path

PYX = Path(__file__).resolve().parents[1] / "src" / "govreport_nlp" / "numbers" / "_speedups.pyx"
LIMIT = 60
# A function header (cdef struct/enum and module-level cdef variables have no parenthesis
# right after their name, so they do not match).
HEADER = re.compile(r"^(\s*)(?:def|cdef|cpdef)\s+(?:inline\s+)?(?:[\w*\[\]]+\s+)*?(\w+)\s*\(")


def function_lengths(lines: list[str]) -> dict[str, int]:
    """Lines of each function of ``lines``, header to last indented line."""
    lengths = {}
    for i, line in enumerate(lines):
        m = HEADER.match(line)
        if not m:
            continue
        indent, last = len(m.group(1)), i
        for k in range(i + 1, len(lines)):
            text = lines[k]
            if not text.strip():
                continue
            if len(text) - len(text.lstrip()) <= indent and not lines[k - 1].rstrip().endswith(","):
                break
            last = k
        lengths[m.group(2)] = last - i + 1
    return lengths


def test_function_lengths_counts_an_indented_body():
    lines = ["cdef inline bint _f(int a,", "                   int b):", "    x = 1", "", "    return x", "def g():"]
    assert function_lengths(lines) == {"_f": 5, "g": 1}


def test_speedups_has_no_function_over_limit():
    lengths = function_lengths(PYX.read_text(encoding="utf-8").splitlines())
    assert "_read_number" in lengths and "_plain" in lengths  # the reader found the functions
    long = {name: n for name, n in lengths.items() if n > LIMIT}
    assert not long, f"split these into named cdef inline units (numbers/_speedups.pyx): {long}"
