"""The HTML page of a report, checked in a real headless browser."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from govreport_nlp.runners import cli

from conftest import SEED_NAME, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_render_page_marks_facts_entities_and_headings(tmp_path, nlp):
    out = tmp_path / "report.html"
    assert cli.main(["render", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for label in ("MONEY", "PERCENT", "SUBJECT", "DATE", "ORG", "GPE", "HEADING"):
        assert f">{label}</span>" in page, label
    assert "<table class='facts'>" in page


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_render_page_in_headless_chromium(tmp_path, nlp):
    out = tmp_path / "report.html"
    assert cli.main(["render", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)]) == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    # The browser parsed the page and built the marks: quantity, subject and a heading.
    assert "31.08亿元" in dom and "预算资金" in dom
    assert dom.count("<mark") >= 50
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1100,1400", f"--screenshot={shot}", out.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000


def test_render_from_stdin(monkeypatch, nlp, capsys):
    import io

    class FakeStdin:
        buffer = io.BytesIO("预算资金31.08亿元。".encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert cli.main(["render", "-"]) == 0
    page = capsys.readouterr().out
    assert "31.08亿元" in page and ">MONEY</span>" in page and ">SUBJECT</span>" in page


def test_render_missing_file_is_an_error(tmp_path, capsys):
    assert cli.main(["render", str(tmp_path / "gone.txt")]) == 1
    assert "cannot render" in capsys.readouterr().err
