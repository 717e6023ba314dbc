"""Outputs that must not crash, leak or leave debris, and inputs named so as to mislead
(issue #25 items 2, 8-16). Every file here is made by the test."""

from __future__ import annotations

import gc
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from govreport_nlp.runners import cli
from govreport_nlp.runners.batch import BatchResult, extract_many, printable_name

TEXT = "某县2024年政府工作报告\n全年一般公共预算收入31.08亿元，增长5.2%。\n"
ROOT = Path(__file__).resolve().parent.parent


def _report(folder: Path, name: str = "a.txt", text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# item 2 ---------------------------------------------------------------------------------

def test_links_out_of_an_input_folder_are_not_followed(tmp_path, nlp, capsys):
    secret = _report(tmp_path / "elsewhere", "secret.txt", "机密文件：账户余额999亿元。\n")
    folder = tmp_path / "in"
    _report(folder)
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # inside the tree: the same file, read once
    (folder / "sub").symlink_to(secret.parent, target_is_directory=True)
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(folder), "-q", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "999" not in text and "机密" not in text
    assert len(_records(out)) == 1
    err = capsys.readouterr().err
    assert "passwd.txt is a symbolic link out of" in err and "not followed" in err


# items 9 and 15 ---------------------------------------------------------------------------

def test_the_same_file_named_twice_is_read_once_into_a_database(tmp_path, nlp):
    folder = tmp_path / "d"
    path = _report(folder)
    out = tmp_path / "x.sqlite"
    assert cli.main(["extract", str(folder), str(path), "-q", "-o", str(out)]) == 0
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1


def test_file_values_are_one_name_for_one_file(tmp_path, nlp):
    folder = tmp_path / "d"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/a\xff.txt"
    with open(raw, "w", encoding="utf-8") as fh:
        fh.write(TEXT)
    _report(folder, "a\\xff.txt")
    out = tmp_path / "x.sqlite"
    assert cli.main(["extract", str(folder), "-q", "-o", str(out)]) == 0
    with sqlite3.connect(out) as db:
        files = sorted(r[0] for r in db.execute("SELECT file FROM reports"))
    assert len(files) == 2 and len(set(files)) == 2
    assert printable_name(b"a\xff.txt") != printable_name("a\\xff.txt")


def test_a_c1_control_and_the_same_undecodable_byte_are_two_names(tmp_path, nlp):
    # U+0085 (NEL, UTF-8 c2 85) was written \x85 by unicode_escape, as the byte 0x85 of a
    # name that is not UTF-8 is: two files, one `file` value, a UNIQUE failure in SQLite.
    folder = tmp_path / "d"
    folder.mkdir()
    for raw in (b"a\xc2\x85.txt", b"a\x85.txt", b"a\x7f.txt", b"a\xe2\x80\xa8.txt", b"a\\u0085.txt"):
        with open(os.fsencode(folder) + b"/" + raw, "w", encoding="utf-8") as fh:
            fh.write(TEXT)
    out = tmp_path / "x.sqlite"
    assert cli.main(["extract", str(folder), "-q", "-o", str(out)]) == 0
    with sqlite3.connect(out) as db:
        files = sorted(Path(r[0]).name for r in db.execute("SELECT file FROM reports"))
    assert files == ["a\\\\u0085.txt", "a\\u007f.txt", "a\\u0085.txt", "a\\u2028.txt", "a\\x85.txt"]
    # Eight spellings, six names: "a\x85", "a\u0085" and the bytes b"a\xc2\x85" are one name.
    names = [b"a\x85", "a\x85", "a\\x85", b"a\xc2\x85", "a\n", "a\\n", b"a\\u0085", "a\u0085"]
    assert len({printable_name(n) for n in names}) == 6


def test_a_line_break_in_a_name_forges_no_line_on_stderr(tmp_path, nlp, capsys):
    folder = tmp_path / "d"
    _report(folder)
    bad = folder / "x\ngovreport-nlp: all 2 files processed, no error.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # skipped: its name is in the message
    assert cli.main(["extract", str(folder), "-q", "-o", str(tmp_path / "o.jsonl")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(line.startswith("govreport-nlp: ") for line in lines)
    assert "x\\ngovreport-nlp: all 2 files" in lines[0]


# item 8 ---------------------------------------------------------------------------------

def test_a_database_that_is_not_ours_is_not_replaced(tmp_path, nlp, capsys):
    src = _report(tmp_path / "in")
    mine = tmp_path / "my.db"
    with sqlite3.connect(mine) as db:
        db.execute("CREATE TABLE budget (year INTEGER, amount REAL)")
        db.execute("INSERT INTO budget VALUES (2024, 1.5)")
    before = mine.read_bytes()
    assert cli.main(["extract", str(src), "-q", "-o", str(mine)]) == 2
    assert mine.read_bytes() == before
    assert "-o" in capsys.readouterr().err
    ours = tmp_path / "ours.db"
    assert cli.main(["extract", str(src), "-q", "-o", str(ours)]) == 0
    assert cli.main(["extract", str(src), "-q", "-o", str(ours)]) == 0  # our own: replaced


@pytest.mark.parametrize("name", ["x.jsonl", "x.csv", "x.sqlite", "x.db", "x.parquet", "x.xlsx"])
def test_every_output_format_replaces_its_own_previous_run(tmp_path, nlp, name):
    # Only SQLite is checked for tables of someone else: a Parquet or xlsx file of our own
    # previous run was refused as "not a database this tool wrote" (exit 2).
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    if name.endswith(".xlsx"):
        pytest.importorskip("xlsxwriter")
    src = _report(tmp_path / "in")
    out = tmp_path / name
    assert cli.main(["extract", str(src), "-q", "-o", str(out)]) == 0
    first = out.stat().st_size
    assert cli.main(["extract", str(src), "-q", "-o", str(out)]) == 0
    assert out.stat().st_size > 0 and first > 0 and _debris(tmp_path) == []


def test_a_database_not_ours_is_refused_whatever_the_format(tmp_path, nlp, capsys):
    from govreport_nlp.runners.formats import SUFFIX_FORMATS
    from govreport_nlp.runners.outputs import SQLITE_SUFFIXES

    assert SQLITE_SUFFIXES == {k for k, v in SUFFIX_FORMATS.items() if v == "sqlite"}
    src = _report(tmp_path / "in")
    mine = tmp_path / "my.db"
    with sqlite3.connect(mine) as db:
        db.execute("CREATE TABLE budget (year INTEGER, amount REAL)")
    before = mine.read_bytes()
    for fmt in ("sqlite", "csv", "jsonl"):
        assert cli.main(["extract", str(src), "-q", "--format", fmt, "-o", str(mine)]) == 2, fmt
        assert "not a database this tool wrote" in capsys.readouterr().err
    notes = tmp_path / "notes.db"  # not SQLite at all: a SQLite output does not replace it
    notes.write_text("my notes\n", encoding="utf-8")
    assert cli.main(["extract", str(src), "-q", "-o", str(notes)]) == 2
    # …nor does --format sqlite where the extension says nothing of SQLite.
    notes_bin = tmp_path / "notes.bin"
    notes_bin.write_text("my notes\n", encoding="utf-8")
    assert cli.main(["extract", str(src), "-q", "--format", "sqlite", "-o", str(notes_bin)]) == 2
    assert mine.read_bytes() == before and notes.read_text(encoding="utf-8") == "my notes\n"
    assert notes_bin.read_text(encoding="utf-8") == "my notes\n"


# items 10, 11, 12 -------------------------------------------------------------------------

def test_a_fifo_is_written_in_place(tmp_path, nlp):
    src = _report(tmp_path / "in")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert cli.main(["extract", str(src), "-q", "-o", str(fifo)]) == 0
    reader.join(30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"31.08" in got[0]
    assert _debris(tmp_path) == []


def test_output_modes_follow_the_umask_and_the_replaced_file(tmp_path, nlp):
    src = _report(tmp_path / "in")
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.csv"
        assert cli.main(["extract", str(src), "-q", "-o", str(new)]) == 0
        assert stat.S_IMODE(os.stat(new).st_mode) == 0o644
        kept = tmp_path / "kept.jsonl"
        kept.write_text("old\n")
        kept.chmod(0o640)
        assert cli.main(["extract", str(src), "-q", "-o", str(kept)]) == 0
        assert stat.S_IMODE(os.stat(kept).st_mode) == 0o640 and "31.08" in kept.read_text()
    finally:
        os.umask(old)


def test_a_long_output_name_is_valid(tmp_path, nlp):
    src = _report(tmp_path / "in")
    out = tmp_path / ("长" * 80 + "x.jsonl")  # 247 bytes: valid, a longer temporary name is not
    assert len(os.fsencode(out.name)) <= 255
    assert cli.main(["extract", str(src), "-q", "-o", str(out)]) == 0
    assert out.is_file() and _debris(tmp_path) == []


# item 13 --------------------------------------------------------------------------------

def test_unwritable_output_folder_is_one_line_before_any_work(tmp_path, nlp, capsys, monkeypatch):
    src = _report(tmp_path / "in")
    blocker = tmp_path / "file"
    blocker.write_text("")
    ran = []
    monkeypatch.setattr(cli, "_results", lambda *a: ran.append(1) or iter(()))
    for fmt in ("out.jsonl", "out.sqlite", "out.csv"):
        assert cli.main(["extract", str(src), "-q", "-o", str(blocker / fmt)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"-o {blocker / fmt}" in err and ".part" not in err
    assert ran == []


def test_render_to_a_folder_writes_name_html_and_never_its_own_input(tmp_path, nlp, capsys):
    src = _report(tmp_path / "in")
    folder = tmp_path / "outdir"
    folder.mkdir()
    # -o FOLDER: the page is FOLDER/NAME.html (NAME: the input's name without its extension).
    assert cli.main(["render", str(src), "-o", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == [src.stem + ".html"]
    assert "<!DOCTYPE html>" in (folder / (src.stem + ".html")).read_text(encoding="utf-8")
    # The input itself, named or as the page -o FOLDER would write: refused, never overwritten.
    assert cli.main(["render", str(src), "-o", str(src)]) == 2
    assert "is also an input" in capsys.readouterr().err
    page = src.with_suffix(".html")
    page.write_text(TEXT, encoding="utf-8")
    assert cli.main(["render", str(page), "-o", str(page.parent)]) == 2
    assert "is also an input" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == TEXT and page.read_text(encoding="utf-8") == TEXT
    assert _debris(src.parent) == [] and _debris(folder) == [] and _debris(tmp_path) == []
    # stdin has no name: a folder needs a file name then.
    assert cli.main(["render", "-", "-o", str(folder)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_stopped_while_a_database_starts_leaves_nothing(tmp_path, nlp, monkeypatch):
    from govreport_nlp.runners import sqlite_out

    src = _report(tmp_path / "in")

    def stop(self, path):  # SIGTERM's handler raises SystemExit wherever it lands
        sqlite_out.SqliteFile.__init__(self, path)
        raise SystemExit(128 + signal.SIGTERM)

    monkeypatch.setattr(sqlite_out.SqliteOutput, "__init__", stop)
    with pytest.raises(SystemExit):
        cli.main(["extract", str(src), "-q", "-o", str(tmp_path / "x.sqlite")])
    assert _debris(tmp_path) == [] and not (tmp_path / "x.sqlite").exists()


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.sqlite", "out.parquet"])
def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    src = _report(tmp_path / "in", text=TEXT * 200)
    out = tmp_path / "o" / name
    out.parent.mkdir()
    code = ("import resource, signal, sys\n"
            "from govreport_nlp.runners import cli\n"
            "import govreport_nlp; govreport_nlp.load()\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # the disk is full at 4 KB\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", code, "extract", str(src), "-q", "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot write -o {out}" in lines[0] and "Traceback" not in done.stderr
    assert list(out.parent.iterdir()) == []


# item 14 --------------------------------------------------------------------------------

def test_a_home_that_is_a_file_is_said_once(tmp_path):
    home = tmp_path / "home"
    home.write_text("")
    a, b = _report(tmp_path / "in", "a.txt"), _report(tmp_path / "in", "b.txt")
    env = {k: v for k, v in os.environ.items() if k != "GOVREPORT_NLP_PKUSEG_MODEL"}
    env.update(GOVREPORT_NLP_HOME=str(home), GOVREPORT_NLP_OFFLINE="1")
    for args in (["download"], ["extract", str(a), str(b), "-q", "-j", "1"],
                 ["extract", str(a), str(b), "-q", "-j", "2"]):
        done = subprocess.run([sys.executable, "-m", "govreport_nlp", *args], capture_output=True, text=True,
                              env=env, timeout=300, check=False)
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.count("is not a folder") == 1 and "Traceback" not in done.stderr, (args, done.stderr)


# item 16 --------------------------------------------------------------------------------

def test_a_parallel_batch_holds_a_window_of_results_not_the_batch(nlp):
    texts = [TEXT.replace("31.08", f"{i}.5") for i in range(16)]
    alive = []
    for result in extract_many(texts, jobs=2, texts=True):
        del result
        gc.collect()
        alive.append(sum(isinstance(o, BatchResult) for o in gc.get_objects()))
    assert len(alive) == 16 and max(alive) <= 6, alive


def _exit_on_boom(item, report_year=None, *, as_text=False, **options):
    """process_one whose worker process ends at once (os._exit) on the text holding BOOM."""
    from govreport_nlp.runners import batch

    if "BOOM" in str(item):
        os._exit(3)
    return batch._real_process_one(item, report_year, as_text=as_text, **options)


def test_a_dead_worker_holds_back_no_later_result(nlp, monkeypatch):
    # A document whose worker died waited for a retry pass at the batch's end, and every
    # result after it was held until then (37 of 40 BatchResults alive at once). Now the
    # documents in flight are run again alone, in place, and the rest streams on.
    from govreport_nlp.runners import batch

    texts = [TEXT.replace("31.08", f"{i}.5") for i in range(40)]
    texts[3] = "BOOM\n" + TEXT
    monkeypatch.setattr(batch, "_real_process_one", batch.process_one, raising=False)
    monkeypatch.setattr(batch, "process_one", _exit_on_boom)  # the forked workers inherit it
    alive, oks, errors = [], [], []
    for result in extract_many(texts, jobs=2, texts=True):
        oks.append(result.ok)
        errors.append(result.error or "")
        del result
        gc.collect()
        alive.append(sum(isinstance(o, BatchResult) for o in gc.get_objects()))
    assert oks == [i != 3 for i in range(40)]
    assert "worker process died" in errors[3]
    assert len(alive) == 40 and max(alive) <= 6, alive
