"""The parse cache (#26 item 1): extract once, every output reads it, a stopped batch
resumes, --append adds new files only."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from govreport_nlp.runners import batch, cli

from conftest import ROOT, SEED_NAME, SEEDS

DATA = ROOT / "tests" / "data"


def _folder(tmp_path, names=("huaian_city_foi_2024", "shanghai_office_foi_2025")):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SEED_NAME}.txt", folder / "a_seed.txt")
    for k, name in enumerate(names):
        shutil.copy(DATA / f"{name}.txt", folder / f"b{k}_{name}.txt")
    return folder


@pytest.fixture
def counted(monkeypatch):
    """Count the documents the pipeline runs on; stop the batch at the call named by stop[0]."""
    calls: list[str] = []
    stop: list[int] = []
    real = batch.process_one

    def process_one(item, *args, **kwargs):
        calls.append(str(item))
        if stop and len(calls) == stop[0]:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the batch
        return real(item, *args, **kwargs)

    monkeypatch.setattr(batch, "process_one", process_one)
    return calls, stop


def test_outputs_cache_a_stopped_batch_resumes_each_file_extracted_once(tmp_path, nlp, counted):
    calls, stop = counted
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    out = tmp_path / "facts.jsonl"
    stop.append(3)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(out)])
    assert not out.exists() and len(calls) == 3
    done_before = calls[:2]
    calls.clear()
    stop.clear()
    assert cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(out)]) == 0
    assert len(calls) == 1 and calls[0] not in done_before  # only the file the stop interrupted
    fresh = tmp_path / "fresh.jsonl"
    assert cli.main(["extract", str(folder), "-q", "--no-cache", "-o", str(fresh)]) == 0
    assert out.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")  # the same output


def test_outputs_cache_every_other_output_reads_it(tmp_path, nlp, counted):
    calls, _ = counted
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    assert cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "a.jsonl")]) == 0
    assert len(calls) == 3
    calls.clear()
    for name in ("b.csv", "b.sqlite", "b.xlsx"):
        assert cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / name)]) == 0
    assert cli.main(["panel", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "p.csv")]) == 0
    assert cli.main(["tables", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "t.csv")]) == 0
    assert calls == []


def test_outputs_cache_a_changed_file_is_extracted_again(tmp_path, nlp, counted):
    calls, _ = counted
    folder = _folder(tmp_path, names=())
    cache = tmp_path / "cache"
    args = ["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "a.jsonl")]
    assert cli.main(args) == 0
    (folder / "a_seed.txt").write_text("全年生产总值100亿元。", encoding="utf-8")
    assert cli.main(args) == 0
    assert len(calls) == 2 and "100亿元" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")


def test_outputs_cache_a_damaged_entry_is_extracted_again(tmp_path, nlp, counted):
    calls, _ = counted
    folder = _folder(tmp_path, names=())
    cache = tmp_path / "cache"
    args = ["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "a.jsonl")]
    assert cli.main(args) == 0
    first = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    for entry in cache.rglob("*.json.gz"):
        entry.write_bytes(b"not gzip")
    assert cli.main(args) == 0
    assert len(calls) == 2 and (tmp_path / "a.jsonl").read_text(encoding="utf-8") == first


def test_outputs_cache_serves_a_machine_without_the_model(tmp_path, nlp, monkeypatch):
    import importlib

    from govreport_nlp import ModelNotFoundError

    folder = _folder(tmp_path, names=())
    cache = tmp_path / "cache"
    assert cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "a.csv")]) == 0

    def missing():
        raise ModelNotFoundError("the pkuseg model is not installed: run govreport-nlp download")

    monkeypatch.setattr(importlib.import_module("govreport_nlp.pipeline.build"), "load", missing)
    assert cli.main(["extract", str(folder), "-q", "--cache", str(cache), "-o", str(tmp_path / "b.csv")]) == 0
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == (tmp_path / "a.csv").read_text(encoding="utf-8")


def test_outputs_sqlite_append_adds_new_files_only(tmp_path, nlp, counted):
    calls, _ = counted
    folder = _folder(tmp_path, names=("huaian_city_foi_2024",))
    db_path = tmp_path / "reports.sqlite"
    args = ["extract", str(folder), "-q", "--no-cache", "-o", str(db_path)]
    assert cli.main(args) == 0
    db = sqlite3.connect(db_path)
    before = db.execute("SELECT count(*) FROM facts").fetchone()[0]
    db.close()
    shutil.copy(DATA / "shanghai_office_foi_2025.txt", folder / "c_new.txt")
    calls.clear()
    assert cli.main([*args, "--append"]) == 0
    assert [c.rsplit("/", 1)[-1] for c in calls] == ["c_new.txt"]  # the others are in the database
    db = sqlite3.connect(db_path)
    files = [r[0].rsplit("/", 1)[-1] for r in db.execute("SELECT file FROM reports ORDER BY id")]
    assert files == ["a_seed.txt", "b0_huaian_city_foi_2024.txt", "c_new.txt"]
    assert db.execute("SELECT count(*) FROM facts").fetchone()[0] > before
    # A file whose content changed replaces its rows; the full-text index follows.
    (folder / "a_seed.txt").write_text("全年一般公共预算收入100亿元。", encoding="utf-8")
    db.close()
    assert cli.main([*args, "--append"]) == 0
    db = sqlite3.connect(db_path)
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 3
    hits = db.execute("SELECT f.text FROM facts f JOIN reports r ON r.id = f.report_id WHERE f.fid IN "
                      "(SELECT rowid FROM facts_fts WHERE facts_fts MATCH '公共预算') AND r.file LIKE '%a_seed.txt'")
    assert [h[0] for h in hits] == ["100亿元"]
    old = db.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", ('"31.08亿元"',)).fetchone()[0]
    assert old == 0  # the old rows left the index with the facts


def test_outputs_append_needs_sqlite(tmp_path, capsys):
    assert cli.main(["extract", str(SEEDS), "-q", "--append", "-o", str(tmp_path / "a.csv")]) == 2
    assert "--append" in capsys.readouterr().err and not (tmp_path / "a.csv").exists()
