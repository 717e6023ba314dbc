"""The public models: their Literal types name exactly what the rules produce."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from govreport_nlp import models
from govreport_nlp.models import Entity, Fact, Quantity, ReadWarning, Report

SRC = Path(models.__file__).parent


def test_models_subject_rules_are_the_linkers_rules():
    from govreport_nlp.rules.links import SUBJECT_RULES

    assert set(get_args(models.SubjectRule)) == set(SUBJECT_RULES)


def test_models_report_kinds_are_the_kinds_the_layout_reads():
    from govreport_nlp.rules import sections

    read = {kind for _, kind in sections._KINDS}
    assert read == set(get_args(models.ReportKind))


def test_models_read_warning_codes_are_the_codes_the_readers_write():
    written = set()
    for path in (SRC / "readers").glob("*.py"):
        written |= set(re.findall(r'code="([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert written and written <= set(get_args(models.ReadWarningCode))


def test_models_literals_refuse_a_misspelt_value():
    q = Quantity(text="3件", start=0, end=2, value=3, unit="件", kind="count")
    with pytest.raises(ValidationError):
        Fact(id="f0", quantity=q, subject_rule="attribute")
    with pytest.raises(ValidationError):
        Entity(label="LOC", text="上海", start=0, end=2)
    with pytest.raises(ValidationError):
        ReadWarning(code="cutt", message="")
    assert Report().schema_version == models.SCHEMA_VERSION == "2"
