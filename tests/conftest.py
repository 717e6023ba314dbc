"""Shared fixtures: one pipeline per test session, and the real report texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
BULK = SHARED / "corpus" / "bulk"
SEED_NAME = "tuyouqi_2017_foi_annual"


@pytest.fixture(scope="session")
def nlp():
    """The process's pipeline (loading pkuseg costs seconds; load it once)."""
    import govreport_nlp

    return govreport_nlp.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_NAME}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((SEEDS / f"{SEED_NAME}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_report(nlp, seed_text):
    import govreport_nlp

    return govreport_nlp.extract(seed_text, nlp=nlp)
