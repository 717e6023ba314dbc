"""extract(): the public contract and bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govreport_nlp
from govreport_nlp import InputError, extract
from govreport_nlp.pipeline import PIPE_NAMES


def test_api_contract_keys_and_offsets(seed_report, seed_text):
    data = seed_report.model_dump(mode="json")
    for key in ("facts", "entities", "template_tables", "title", "issuer", "report_year", "published", "sections"):
        assert key in data
    assert data["template_tables"] is None
    assert data["report_year"] == 2017
    for fact in data["facts"]:
        q = fact["quantity"]
        assert set(q) >= {"text", "start", "end", "value", "value_high", "unit", "kind", "modifier"}
        assert seed_text[q["start"]:q["end"]] == q["text"]
        assert "subject" in fact and "change" in fact
    for ent in data["entities"]:
        assert seed_text[ent["start"]:ent["end"]] == ent["text"]


def test_api_seed_facts_and_context(seed_report):
    by_text = {f.quantity.text: f for f in seed_report.facts}
    fact = by_text["31.08亿元"]
    assert fact.subject == "预算资金" and str(fact.quantity.value) == "3108000000"
    assert fact.as_of == "2017-11-30"
    assert fact.section_path and fact.section_path[0].startswith("一、")
    assert "31.08亿元" in fact.sentence
    assert by_text["157675件"].subject == "审批服务事项"


def test_api_fact_ids_are_stable(nlp, seed_text, seed_report):
    again = extract(seed_text, nlp=nlp)
    assert [f.id for f in again.facts] == [f.id for f in seed_report.facts]
    assert len({f.id for f in again.facts}) == len(again.facts)


def test_api_facts_table_rows(seed_report):
    rows = seed_report.facts_table()
    assert len(rows) == len(seed_report.facts)
    assert {"subject", "value", "unit", "kind", "sentence", "start", "end"} <= set(rows[0])


@pytest.mark.parametrize("bad", ["", "   \n\t", "\u3000"])
def test_api_empty_input_gives_empty_report(nlp, bad):
    report = extract(bad, nlp=nlp)
    assert report.facts == [] and report.entities == []


def test_api_non_chinese_and_html_do_not_crash(nlp):
    assert extract("The quick brown fox jumps over 13 lazy dogs.", nlp=nlp).facts == []
    html = "<html><body><p>预算资金31.08亿元</p><script>var x=1;</script></body></html>"
    report = extract(html, nlp=nlp)
    assert [f.quantity.text for f in report.facts] == ["31.08亿元"]


def test_api_gbk_bytes_are_decoded(nlp):
    report = extract("预算资金31.08亿元。".encode("gbk"), nlp=nlp)
    assert report.facts[0].quantity.text == "31.08亿元"


def test_api_undecodable_bytes_raise_input_error(nlp):
    with pytest.raises(InputError, match="decode them yourself"):
        extract(b"\xff\xfe\xfa\x00\x81" * 3, nlp=nlp)


def test_api_wrong_type_raises_input_error(nlp):
    with pytest.raises(InputError):
        extract(123, nlp=nlp)  # type: ignore[arg-type]


def test_api_broken_unicode_keeps_offsets(nlp):
    text = "预算资金\ud800 31.08亿元。"
    report = extract(text, nlp=nlp)
    q = report.facts[0].quantity
    assert q.text == "31.08亿元" and q.start == text.index("31.08")
    # Quotes are slices of the text with each lone surrogate replaced by U+FFFD, one for
    # one, so that the report serializes to UTF-8 JSON (issue #15, item 10).
    fact = report.facts[0]
    cleaned = text.replace("\ud800", "\ufffd")
    assert cleaned[fact.sentence_start:fact.sentence_start + len(fact.sentence)] == fact.sentence
    assert "\ud800" not in fact.sentence
    report.model_dump_json().encode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("预算资金收入31.08亿元增长5%，。\n\t件项\ud800\udfff（）其中")), max_size=80))
def test_api_every_report_serializes_and_every_offset_slices(nlp, text):
    report = extract("某县2022年统计公报\n" + text, nlp=nlp)
    data = report.model_dump_json().encode("utf-8")  # never raises
    assert data
    cleaned = ("某县2022年统计公报\n" + text).replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    for fact in report.facts:
        q = fact.quantity
        assert cleaned[q.start:q.end] == q.text
        assert cleaned[fact.sentence_start:fact.sentence_start + len(fact.sentence)] == fact.sentence
    for e in report.entities:
        assert cleaned[e.start:e.end] == e.text
    for section in report.sections:
        assert section.start <= section.end <= len(cleaned)


def test_api_long_text_is_processed_in_pieces(nlp, seed_text):
    import spacy

    small = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    small.tokenizer.pkuseg_seg = nlp.tokenizer.pkuseg_seg
    for name in PIPE_NAMES:
        small.add_pipe(name)
    small.max_length = 3000
    body = seed_text[:seed_text.index("相关推荐")]  # the web footer would swallow the copies after it
    text = body * 3
    report = extract(text, nlp=small)
    whole = extract(body, nlp=nlp)
    assert len(report.facts) == 3 * len(whole.facts)
    for fact in report.facts:
        q = fact.quantity
        assert text[q.start:q.end] == q.text
    assert report.report_year == 2017 and report.title == whole.title


def test_api_report_year_override(nlp):
    report = extract("截至11月底,共办理各类审批服务事项157675件。", report_year=2020, nlp=nlp)
    assert report.report_year == 2020 and report.facts[0].as_of == "2020-11-30"


def test_api_load_is_cached():
    assert govreport_nlp.load() is govreport_nlp.load()


def test_api_to_pandas_has_one_row_per_fact(seed_report):
    pytest.importorskip("pandas")
    frame = seed_report.to_pandas()
    assert len(frame) == len(seed_report.facts)
    assert frame.loc[frame["text"] == "31.08亿元", "subject"].item() == "预算资金"


def test_api_to_pandas_columns_are_typed(seed_report):
    pytest.importorskip("pandas")
    frame = seed_report.to_pandas()
    row = frame.loc[frame["text"] == "31.08亿元"].iloc[0]
    assert row["value"] == 3108000000.0 and row["value_exact"] == "3108000000"
    assert str(frame["value"].dtype) == "Float64" and str(frame["start"].dtype) == "Int64"
    # One kind of missing value everywhere: nullable dtypes, <NA> (never None beside NaN).
    assert all(str(t) in ("Float64", "Int64", "string") for t in frame.dtypes), frame.dtypes
    assert frame["value_high"].isna().any() and frame["subject"].dtype == "string"


def test_api_report_repr_is_short(seed_report):
    text = repr(seed_report)
    assert len(text) < 800 and "土右旗" in text and f"{len(seed_report.facts)} facts" in text
    assert str(seed_report) == text and seed_report.facts[0].quantity.text in text
    html = seed_report._repr_html_()
    assert len(html) < 5000 and "<table>" in html and seed_report.facts[0].quantity.text in html


def test_api_pipeline_meta_and_subject_spans(nlp, seed_text):
    import govreport_nlp

    assert nlp.meta["name"] == "govreport_nlp" and nlp.meta["version"] == govreport_nlp.__version__
    doc = nlp(seed_text)
    spans = doc.spans["govreport_subjects"]
    facts = {f.quantity.start: f for f in doc._.govreport_facts.facts}
    budget = next(s for s in spans if s.text == "预算资金")
    assert budget.label_ == "SUBJECT" and budget._.govreport_quantity.text == "31.08亿元"
    assert all(s.text == facts[s._.govreport_quantity.start].subject for s in spans)


def test_api_tables_frame_is_long_and_as_printed(nlp):
    pytest.importorskip("pandas")
    from pathlib import Path

    # 淮安市 2024, as its PDF converts to text.
    text = (Path(__file__).parent / "data" / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    report = extract(text, nlp=nlp)
    frame = report.tables_frame()
    assert list(frame.columns) == ["table", "row", "column", "value", "unit", "note", "start", "end"]
    cell = frame[(frame["table"] == "table3") & (frame["column"] == "总计")].iloc[0]
    assert isinstance(cell["value"], Decimal) and cell["value"].as_tuple().exponent == 0  # exact, as printed
    assert text[cell["start"]:cell["end"]] == str(cell["value"])  # where the cell is printed
    assert set(frame.loc[frame["column"] == "本年收费金额", "unit"]) <= {"万元"}
    assert len(frame) == sum(len(cols) for rows in report.template_tables.values() for cols in rows.values())


def test_api_given_year_issuer_and_published_go_into_the_run(nlp):
    # What a corpus's manifest knows (huaian's FOI report of 2024 as if catalogued for 2023,
    # under the office that published it) goes in before the run: the relative dates are
    # resolved on the given year, not patched afterwards.
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    read = extract(text, nlp=nlp)
    given = extract(text, nlp=nlp, report_year=2023, issuer="淮安市人民政府办公室", published="2025-01-20")
    assert (read.report_year, read.issuer, read.published) == (2024, "淮安市人民政府", None)
    assert (given.report_year, given.issuer, given.published) == (2023, "淮安市人民政府办公室", "2025-01-20")

    def relative(report):
        return [(e.text, e.value) for e in report.entities if e.label == "DATE" and e.text in ("全年", "上年度")][:2]

    assert relative(read) == [("全年", "2024"), ("上年度", "2023")]
    assert relative(given) == [("全年", "2023"), ("上年度", "2022")]


@pytest.mark.parametrize("bad, match", [
    ({"report_year": "2024"}, "report_year must be a year"),
    ({"report_year": True}, "report_year must be a year"),
    ({"issuer": "  "}, "issuer must be a non-empty str"),
    ({"published": "2024年1月"}, "published must be an ISO date"),
])
def test_api_given_fields_are_checked(nlp, bad, match):
    with pytest.raises(InputError, match=match):
        extract("全年收到申请19件。", nlp=nlp, **bad)


def test_api_extract_keeps_dictionary_words_across_reports_not_numbers():
    # extract() runs each report in a memory zone and then keeps the dictionary words the
    # zone dropped (the tokenizer's settle()): the next report does not make their lexemes
    # again, and the numbers of each report do not accumulate.
    from govreport_nlp.pipeline.build import build

    fresh = build()
    extract("主动公开政府信息45120条，其中行政复议73.815件。", nlp=fresh)
    assert "，" in fresh.vocab and "条" in fresh.vocab
    assert "公开" in fresh.vocab and "政府" in fresh.vocab
    assert "45120" not in fresh.vocab and "73.815" not in fresh.vocab
    assert fresh.tokenizer.settle() == 0  # nothing was left pending
