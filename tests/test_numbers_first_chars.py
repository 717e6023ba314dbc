"""numbers/first_chars.py: the scanner's look-ahead of first characters finds the matches
the bare pattern finds, on report text and on any text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govreport_nlp.numbers import patterns
from govreport_nlp.numbers.first_chars import first_chars, with_first_chars

ROOT = Path(__file__).resolve().parent.parent
# The scanner's pattern as it was written, without the look-ahead.
BARE = re.compile(patterns.SCAN.pattern.split("(?:", 1)[1].rsplit("\n)", 1)[0], patterns.SCAN.flags)


def _matches(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_numbers_first_chars_scan_is_behind_its_look_ahead():
    assert patterns.SCAN.pattern.startswith("(?=[")
    assert first_chars(BARE) is not None and "0-9" in first_chars(BARE) and "十" in first_chars(BARE)


def test_numbers_first_chars_same_matches_on_reports():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts and sum(len(_matches(patterns.SCAN, t)) for t in texts) > 200
    for text in texts:
        assert _matches(patterns.SCAN, text) == _matches(BARE, text)


_ALPHABET = "0123456789.．%％万亿元人约近超过多余-－—～至到一二三四五六七八九十百千两半翻番分之个年月日 \n\t,，、（）()/／"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_numbers_first_chars_same_matches_on_any_text(text):
    assert _matches(patterns.SCAN, text) == _matches(BARE, text)


def test_numbers_first_chars_unknown_constructs_give_no_look_ahead():
    assert first_chars(re.compile(r".5")) is None  # any character
    assert first_chars(re.compile(r"[^a]b")) is None  # a negated class
    assert with_first_chars(re.compile(r"x*")).pattern == "x*"  # may match nothing
    assert with_first_chars(re.compile(r"\d+(?#n)", re.VERBOSE)).pattern.startswith(r"(?=[\d])")
