"""The limits on inputs (issue #25: README says what limits apply and how to raise them):
README's table and readers/limits.py's docstring name every limit with its default."""

from __future__ import annotations

import re
from pathlib import Path

from govreport_nlp.readers import limits, tools

README = Path(__file__).resolve().parent.parent / "README.md"


def _number(text: str) -> float:
    return float(text.replace("_", "").replace(",", ""))


def test_readme_names_every_limit_with_its_default():
    rows = dict(re.findall(r"^\| `GOVREPORT_NLP_([A-Z_]+)` \| ([0-9.,_]+) \|", README.read_text(encoding="utf-8"),
                           re.MULTILINE))
    expected = {**limits.LIMITS,
                "CONVERT_TIMEOUT": tools._DEFAULT_TIMEOUT}
    assert {name: _number(value) for name, value in rows.items()} == expected
    assert tools.CONVERT_TIMEOUT_ENV == "GOVREPORT_NLP_CONVERT_TIMEOUT"


def test_the_limits_docstring_names_every_limit_with_its_default():
    rows = dict(re.findall(r"^GOVREPORT_NLP_([A-Z_]+) +([0-9.,_]+) ", limits.__doc__ or "", re.MULTILINE))
    assert {name: _number(value) for name, value in rows.items()} == limits.LIMITS


def test_a_limit_is_read_when_used(monkeypatch):
    monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", "7.5")
    assert limits.limit("MAX_DOCX_XML_MB") == 7.5
    for bad in ("0", "-3", "many"):
        monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", bad)
        assert limits.limit("MAX_DOCX_XML_MB") == limits.LIMITS["MAX_DOCX_XML_MB"]
