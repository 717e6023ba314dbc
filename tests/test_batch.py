"""Batches: nothing stops them, results keep their order, workers share the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govreport_nlp
from govreport_nlp.runners import cli
from govreport_nlp.runners.batch import BatchResult, extract_many

from conftest import SEED_NAME, SEEDS


def _folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("预算资金31.08亿元。", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\xff\xfe\x81junk" * 50)  # binary junk
    (folder / "c.txt").write_text("", encoding="utf-8")
    (folder / "d.txt").write_text("The quick brown fox, 13 lazy dogs.", encoding="utf-8")
    (folder / "e.html").write_text("<html><body><p>资金节约率4.18%</p></body></html>", encoding="utf-8")
    return folder


def test_batch_bad_documents_become_error_records(tmp_path, nlp):
    folder = _folder(tmp_path)
    items = sorted(folder.iterdir()) + [folder / "gone.txt"]
    results = list(extract_many(items))
    assert [r.source.rsplit("/", 1)[-1] for r in results] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.html", "gone.txt"]
    ok = {r.source.rsplit("/", 1)[-1]: r for r in results}
    assert ok["a.txt"].report.facts[0].quantity.text == "31.08亿元"
    assert ok["c.txt"].ok and ok["c.txt"].report.facts == []
    assert ok["d.txt"].ok
    assert ok["e.html"].report.facts[0].quantity.text == "4.18%"
    assert not ok["gone.txt"].ok and "no such file" in ok["gone.txt"].error
    assert not ok["b.txt"].ok or ok["b.txt"].report is not None  # junk: a record either way


def test_batch_jobs_give_the_same_results_in_order(tmp_path, nlp):
    folder = _folder(tmp_path)
    items = sorted(folder.iterdir())
    serial = [r.model_dump(mode="json") for r in extract_many(items, jobs=1)]
    parallel = [r.model_dump(mode="json") for r in extract_many(items, jobs=2)]
    assert parallel == serial


def test_batch_cli_jobs(tmp_path, nlp):
    out = tmp_path / "out.jsonl"
    copy = tmp_path / "copy.txt"  # the same file named twice is read once (#25 item 9): a copy
    copy.write_bytes((SEEDS / f"{SEED_NAME}.txt").read_bytes())
    code = cli.main(["extract", str(SEEDS), str(copy), "-j", "2", "-q", "-o", str(out)])
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2 and records[0]["facts"] == records[1]["facts"]


def test_batch_huge_report_beyond_max_length(nlp, seed_text):
    body = seed_text[:seed_text.index("相关推荐")]
    text = body * (nlp.max_length // len(body) + 2)  # more than one Doc may hold
    report = govreport_nlp.extract(text, nlp=nlp)
    assert report.chars == len(text)
    for fact in report.facts[-5:]:
        assert text[fact.quantity.start:fact.quantity.end] == fact.quantity.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("预算资金亿元万个项件人%.,，。、约近超过比上年增长下降其中截至月底年 \n\t0123456789一二三十百千")
                               + ["\ud800", "\x00", "<p>", "&amp;", "。\n\n", "-1-", "相关推荐\n"]),
                max_size=120).map("".join))
def test_batch_extract_never_raises_and_offsets_slice(nlp, text):
    first = govreport_nlp.extract(text, nlp=nlp)
    for fact in first.facts:
        q = fact.quantity
        assert text[q.start:q.end] == q.text
    for ent in first.entities:
        assert text[ent.start:ent.end] == ent.text
    again = govreport_nlp.extract(text, nlp=nlp)
    assert again.model_dump() == first.model_dump()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_batch_extract_never_raises_on_any_unicode(nlp, text):
    report = govreport_nlp.extract(text, nlp=nlp)
    for fact in report.facts:
        assert text[fact.quantity.start:fact.quantity.end] == fact.quantity.text


def _kill_on_boom(item, report_year=None, **options):
    """process_one that kills its own worker on a file named boom (a SIGKILL, as an OOM
    killer or an operator would)."""
    import os
    import signal

    from govreport_nlp.runners import batch

    if "boom" in str(item):
        os.kill(os.getpid(), signal.SIGKILL)
    return batch._real_process_one(item, report_year, **options)


def test_batch_a_dead_worker_costs_only_its_document(tmp_path, nlp, monkeypatch):
    from govreport_nlp.runners import batch

    paths = []
    for name in ("a", "boom", "b", "c"):
        path = tmp_path / f"{name}.txt"
        path.write_text("某县2022年统计公报\n全年生产总值100亿元，比上年增长5%。\n", encoding="utf-8")
        paths.append(path)
    monkeypatch.setattr(batch, "_real_process_one", batch.process_one, raising=False)
    monkeypatch.setattr(batch, "process_one", _kill_on_boom)  # the forked workers inherit it
    results = list(batch.extract_many(paths, jobs=2))
    assert [Path(r.source).stem for r in results] == ["a", "boom", "b", "c"]
    assert [r.ok for r in results] == [True, False, True, True]
    assert "worker process died" in results[1].error


def test_batch_missing_model_with_jobs_is_one_clear_error(tmp_path, monkeypatch, capsys):
    import importlib

    from govreport_nlp import ModelNotFoundError
    from govreport_nlp.runners.cli import main

    build = importlib.import_module("govreport_nlp.pipeline.build")

    def missing():
        raise ModelNotFoundError("the pkuseg model is not installed: run govreport-nlp download")

    monkeypatch.setattr(build, "load", missing)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text("全年生产总值100亿元。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-j", "2", "-q", "--no-cache", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("govreport-nlp download") == 1 and "Traceback" not in err
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # before any work


def test_batch_file_names_that_are_not_utf8_are_escaped(tmp_path, nlp):
    import json
    import os

    from govreport_nlp.runners.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("全年生产总值100亿元。", encoding="utf-8")
    # a name written in GBK by another system: not UTF-8 here
    odd = os.path.join(os.fsencode(folder), "报告".encode("gbk") + b".txt")
    with open(odd, "wb") as fh:
        fh.write("全年生产总值200亿元。".encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-q", "-o", str(out)]) == 0
    lines = out.read_bytes().decode("utf-8").splitlines()
    assert len(lines) == 2
    sources = sorted(json.loads(line)["file"] for line in lines)
    assert any("\\xb1" in s for s in sources), sources  # 报 in GBK, escaped


def test_batch_sigterm_ends_the_workers_with_the_command(tmp_path, seed_text):
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(400):
        (folder / f"r{k:03d}.txt").write_text(seed_text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # --no-cache: every file is extracted (the cache may already hold this text).
    proc = subprocess.Popen([sys.executable, "-m", "govreport_nlp", "extract", str(folder), "-j", "2", "-q",
                             "--no-cache", "-o", str(out)], stderr=subprocess.PIPE)

    def children() -> list[int]:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == proc.pid:
                    found.append(int(entry))
        return found

    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.2)
        workers = children()
    if proc.poll() is not None:
        pytest.skip("the batch ended before its workers could be seen")
    time.sleep(0.5)  # the workers are at work now
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the batch ended before the signal arrived")
    time.sleep(1)
    alive = [pid for pid in workers if os.path.exists(f"/proc/{pid}") and
             Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert alive == [], "workers outlived the command"
    assert proc.returncode != 0 and not out.exists()  # nothing half-written under the final name


def test_batch_worker_dies_of_sigterm_instead_of_taking_it_for_a_tasks_error(monkeypatch):
    # A forked worker inherits the CLI's SIGTERM handler (SystemExit), which the pool would
    # catch as one task's error and go on: terminate() would not end the worker.
    import signal

    import importlib

    from govreport_nlp.runners import batch

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    monkeypatch.setattr(importlib.import_module("govreport_nlp.pipeline.build"), "load", lambda: None)
    monkeypatch.setattr(batch, "_die_with_parent", lambda: None)  # not for the test process itself
    try:
        batch._worker_init()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_batch_workers_fork_with_the_loaded_pipeline():
    # Forked (not spawned, not forkserver as Python 3.14's default): a worker starts with the
    # parent's pipeline, shared copy-on-write, and freezes it out of its garbage collector.
    import gc
    import sys

    from govreport_nlp.runners import batch

    if not sys.platform.startswith("linux"):
        pytest.skip("fork is chosen on Linux only")
    context = batch._fork_context()
    assert context is not None and context.get_start_method() == "fork"
    queue = context.Queue()
    worker = context.Process(target=_frozen_in_worker, args=(queue,))
    worker.start()
    frozen = queue.get(timeout=120)
    worker.join(timeout=60)
    assert frozen > 100_000 and gc.isenabled()


def _frozen_in_worker(queue):
    import gc

    from govreport_nlp.runners import batch

    batch._worker_init()
    queue.put(gc.get_freeze_count())


def test_batch_reports_from_workers_equal_the_ones_made_here(nlp):
    # Workers send their reports back as JSON text (faster than pickling the models):
    # every field comes back equal, exact decimals and table cells included.
    data = Path(__file__).parent / "data"
    paths = [data / "huaian_city_foi_2024.txt", data / "shanghai_office_foi_2025.txt"]
    here = [r.report.model_dump() for r in extract_many(paths, jobs=1)]
    there = [r.report.model_dump() for r in extract_many(paths, jobs=2)]
    assert there == here and here[0]["template_tables"]


def test_batch_a_report_json_cannot_hold_is_sent_as_it_is(monkeypatch):
    from govreport_nlp.models import Report
    from govreport_nlp.runners import batch

    broken = Report(text="预算资金\ud800", chars=5)  # a lone surrogate: no UTF-8 JSON holds it
    monkeypatch.setattr(batch, "_run", lambda args: BatchResult(source="a.txt", report=broken))
    sent = batch._run_in_worker(("a.txt", None, False, {}))
    assert isinstance(sent, BatchResult) and batch._received(sent).report is broken
    fine = Report(text="预算资金", chars=4)
    monkeypatch.setattr(batch, "_run", lambda args: BatchResult(source="b.txt", report=fine))
    sent = batch._run_in_worker(("b.txt", None, False, {}))
    assert isinstance(sent, tuple) and batch._received(sent).report == fine
