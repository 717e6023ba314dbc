"""Batches: nothing stops them, results keep their order, workers share the pipeline."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govreport_nlp
from govreport_nlp.runners import cli
from govreport_nlp.runners.batch import extract_many

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
    code = cli.main(["extract", str(SEEDS), str(SEEDS / f"{SEED_NAME}.txt"), "-j", "2", "-q", "-o", str(out)])
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
