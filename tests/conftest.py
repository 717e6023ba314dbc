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


def pytest_configure(config):
    """The tests' CLI runs keep their parse cache in a folder of their own, never in the
    user's cache (``GOVREPORT_NLP_CACHE``, read by runners/cache.py; subprocesses inherit it)."""
    import os
    import tempfile

    if "GOVREPORT_NLP_CACHE" not in os.environ:
        config._govreport_cache = os.environ["GOVREPORT_NLP_CACHE"] = tempfile.mkdtemp(prefix="govreport-nlp-test-cache-")


def pytest_unconfigure(config):
    import shutil

    folder = getattr(config, "_govreport_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


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
