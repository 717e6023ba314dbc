"""Outside converters get no option from a file name, a profile of their own, and die whole
on a timeout (issue #25 item 1). A fake ``soffice`` the test writes stands in for LibreOffice."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from govreport_nlp import InputError
from govreport_nlp.readers import doc_to_text

DATA = Path(__file__).parent / "data"
DOC_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600

FAKE = """#!{python}
import json, os, shutil, subprocess, sys, time
log = os.environ["FAKE_LOG"]
with open(log, "a") as fh:
    fh.write(json.dumps(sys.argv) + "\\n")
if os.environ.get("FAKE_HANG"):
    # soffice starts soffice.bin and both stay: a child that sleeps, its pid noted.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    open(os.environ["FAKE_HANG"], "w").write(str(child.pid))
    time.sleep(600)
out = sys.argv[sys.argv.index("--outdir") + 1]
name = os.path.splitext(os.path.basename(sys.argv[-1]))[0] + ".docx"
shutil.copyfile(os.environ["FAKE_DOCX"], os.path.join(out, name))
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "soffice"
    exe.write_text(FAKE.format(python=sys.executable))
    exe.chmod(0o755)
    log = tmp_path / "argv.log"
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_DOCX", str(DATA / "chengde_2025_budget_report_excerpt.docx"))
    return log


def _calls(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_doc_name_that_looks_like_an_option_is_no_option(tmp_path, fake_soffice, monkeypatch):
    monkeypatch.chdir(tmp_path)
    evil = tmp_path / "--accept=socket,host=localhost,port=2002;urp;.doc"
    evil.write_bytes(DOC_HEAD)
    plain = tmp_path / "b.doc"
    plain.write_bytes(DOC_HEAD)
    assert "144.8亿元" in doc_to_text(evil.name)  # a relative name, as a user types it
    assert "144.8亿元" in doc_to_text(plain)
    calls = _calls(fake_soffice)
    assert len(calls) == 2
    for argv in calls:
        assert not any("accept" in arg for arg in argv)
        assert all(not arg.startswith("-") or arg.startswith(("--", "-env:")) for arg in argv[1:])
        assert os.path.isabs(argv[-1]) and os.path.isabs(argv[0])
        profile = [a for a in argv if a.startswith("-env:UserInstallation=file:///")]
        assert len(profile) == 1
    # Each conversion has a profile of its own (-j 2 lost files when two shared one).
    assert calls[0][1] != calls[1][1]


def _dead(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def test_converter_that_hangs_is_killed_with_its_children(tmp_path, fake_soffice, monkeypatch):
    pidfile = tmp_path / "child.pid"
    monkeypatch.setenv("FAKE_HANG", str(pidfile))
    monkeypatch.setenv("GOVREPORT_NLP_CONVERT_TIMEOUT", "2")
    path = tmp_path / "a.doc"
    path.write_bytes(DOC_HEAD)
    started = time.monotonic()
    with pytest.raises(InputError, match=r"did not finish in 2 s.*GOVREPORT_NLP_CONVERT_TIMEOUT"):
        doc_to_text(path)
    assert time.monotonic() - started < 60
    child = int(pidfile.read_text())
    for _ in range(50):  # SIGKILL is delivered at once; the zombie's reaping may lag
        if _dead(child):
            break
        time.sleep(0.1)
    assert _dead(child), "the converter's child outlived the timeout"


FAKE_TESSERACT = """#!{python}
import os, subprocess, sys
if sys.argv[1:] == ["--list-langs"]:
    print("List of available languages (2):")
    print("chi_sim")
    print("eng", flush=True)
    # A child left behind holding our output: a pipe capture would wait on it.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    open(os.environ["FAKE_CHILD"], "w").write(str(child.pid))
"""


def test_tesseract_language_listing_runs_as_a_converter(tmp_path, monkeypatch):
    from govreport_nlp.readers import ocr

    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "tesseract"
    exe.write_text(FAKE_TESSERACT.format(python=sys.executable))
    exe.chmod(0o755)
    pidfile = tmp_path / "child.pid"
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_CHILD", str(pidfile))
    calls: list[list[str]] = []
    real = ocr.run_tool
    monkeypatch.setattr(ocr, "run_tool", lambda argv, **kw: calls.append(list(argv)) or real(argv, **kw))
    engine = ocr._tesseract()
    assert engine is not None and engine.name == "Tesseract"
    assert calls == [[str(exe.resolve()), "--list-langs"]]
    child = int(pidfile.read_text())
    for _ in range(50):  # the group is killed as the listing ends; the zombie's reaping may lag
        if _dead(child):
            break
        time.sleep(0.1)
    assert _dead(child), "the listing's child outlived it"
