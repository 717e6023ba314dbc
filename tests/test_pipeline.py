"""The spaCy pipeline: factories by entry point, Doc extensions, serialization."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import DocBin

from govreport_nlp.errors import LexiconError

from govreport_nlp.layers import LAYERS
from govreport_nlp.models import Fact, Quantity
from govreport_nlp.pipeline import PIPE_NAMES
from govreport_nlp.rules.name_lexicon import BUILTIN

SENTENCE = "截至11月底,土右旗公共资源交易中心累计进场交易项目376项,预算资金31.08亿元,资金节约率4.18%。"


def test_pipeline_components_in_order(nlp):
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    assert nlp.lang == "zh"
    assert nlp.tokenizer.segmenter == "pkuseg"


def test_pipeline_factories_are_found_by_entry_point():
    # Without importing govreport_nlp's component modules: spaCy finds the factories
    # through the spacy_factories entry points of the installed package.
    blank = spacy.blank("zh")
    for name in PIPE_NAMES:
        assert blank.has_factory(name), name


def test_pipeline_writes_typed_extensions(nlp):
    doc = nlp(SENTENCE, component_cfg={"govreport_sections": {"report_year": 2017}})
    # One frozen, typed result per component.
    for name, kind in LAYERS.items():
        assert isinstance(getattr(doc._, name), kind), name
    assert doc._.govreport_layout.meta.report_year == 2017
    quantities = doc._.govreport_quantities.quantities
    assert all(isinstance(q, Quantity) for q in quantities)
    assert [q.text for q in quantities] == ["376项", "31.08亿元", "4.18%"]
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("MONEY", "PERCENT")] == [
        ("31.08亿元", "MONEY"), ("4.18%", "PERCENT")]
    facts = doc._.govreport_facts.facts
    assert all(isinstance(f, Fact) for f in facts)
    assert facts[1].subject == "预算资金" and str(facts[1].quantity.value) == "3108000000"
    assert [(e.text, e.value, e.relation) for e in doc._.govreport_entities.entities if e.label == "DATE"] == [
        ("截至11月底", "2017-11-30", "as_of")]
    assert facts[1].as_of == "2017-11-30"


def test_pipeline_docbin_round_trips_extensions(nlp):
    doc = nlp(SENTENCE)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))[0]
    # Every stage result comes back as the same frozen, typed result.
    for name in LAYERS:
        assert getattr(back._, name) == getattr(doc._, name), name
    assert back._.govreport_facts.facts[1].subject == "预算资金"


def test_pipeline_bytes_round_trip(nlp):
    # The pkuseg model is large; round-trip a pipeline that shares our components.
    small = spacy.blank("zh")
    for name in PIPE_NAMES:
        small.add_pipe(name)
    data = small.to_bytes()
    other = spacy.blank("zh")
    for name in PIPE_NAMES:
        other.add_pipe(name)
    other.from_bytes(data)
    assert other.pipe_names == small.pipe_names
    assert other.config["components"] == small.config["components"]


def test_pipeline_disk_round_trip(tmp_path):
    small = spacy.blank("zh")
    small.add_pipe("govreport_sections", config={"set_sents": False})
    small.add_pipe("govreport_quantities")
    small.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == ["govreport_sections", "govreport_quantities"]
    assert loaded.get_pipe("govreport_sections").set_sents is False
    doc = loaded("预算资金31.08亿元。")
    assert [q.text for q in doc._.govreport_quantities.quantities] == ["31.08亿元"]


def test_pipeline_sentences_follow_the_sections_component(nlp):
    doc = nlp("共设审批服务窗口98个。审批服务工作人员120人。")
    assert [s.text for s in doc.sents] == ["共设审批服务窗口98个。", "审批服务工作人员120人。"]


def test_pipeline_with_model_saves_and_loads_without_import(nlp, tmp_path):
    # The whole pipeline, pkuseg model included: spaCy writes the segmenter's word sets
    # (an empty Postprocesser once had none), and a fresh process loads it through our
    # entry points alone.
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "pipe")
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "doc = nlp('预算资金31.08亿元。'); print(type(nlp.tokenizer).__name__, "
            "[q.text for q in doc._.govreport_quantities.quantities], doc._.govreport_facts.facts[0].subject)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipe")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["LinearChineseTokenizer", "['31.08亿元']", "预算资金"]


def test_pipeline_doc_keeps_no_cached_text_whichever_component_runs_last(nlp):
    # The text and word offsets our components share live beside the Doc, not in
    # user_data: nothing extra is serialized, with or without a component after ours.
    from govreport_nlp.pipeline.doc_cache import doc_text

    doc = nlp("共设审批服务窗口98个。")
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith("govreport")]
    assert doc_text(doc) == doc.text
    small = spacy.blank("zh")
    small.add_pipe("govreport_sections")
    small.add_pipe("govreport_quantities")  # no linker at the end
    doc = small("预算资金31.08亿元。")
    assert not [k for k in doc.user_data if isinstance(k, str)]


def test_pipeline_components_take_spacys_error_handler():
    # A component that raises on a Doc: with an error handler set, the batch goes on.
    small = spacy.blank("zh")
    small.add_pipe("govreport_sections")
    small.add_pipe("govreport_quantities")
    seen = []

    def handler(name, proc, docs, e):
        seen.append((name, type(e).__name__))

    small.set_error_handler(handler)
    sections = small.get_pipe("govreport_sections")
    assert sections.get_error_handler() is handler
    good = small.make_doc("预算资金31.08亿元。")
    bad = small.make_doc("共设窗口98个。")
    bad._.govreport_layout = "not a layout"  # what a broken earlier component would leave
    quantities = small.get_pipe("govreport_quantities")
    done = list(quantities.pipe([good, bad, small.make_doc("资金节约率4.18%。")]))
    assert seen == [("govreport_quantities", "AttributeError")]
    assert [[q.text for q in d._.govreport_quantities.quantities] for d in done] == [["31.08亿元"], ["4.18%"]]


# bulk pingtan_stats_communique_2014: 国家海洋局 (merged into 自然资源部 in 2018) is no body
# of the built-in lexicon; added, it is the parent of its research centre: one ORG.
PINGTAN = "九、科技、文化、体育国家海洋局海岛研究中心（一期）工程建成，为全区开发建设提供技术支撑。"


def _orgs(doc):
    return [e.text for e in doc._.govreport_entities.entities if e.label == "ORG"]


def test_pipeline_entities_lexicon_from_initialize_reads_added_names(nlp):
    entities = nlp.get_pipe("govreport_entities")
    assert _orgs(nlp(PINGTAN)) == ["国家海洋局", "海岛研究中心"]
    try:
        entities.initialize(central_bodies={"国家海洋局": []})
        assert _orgs(nlp(PINGTAN)) == ["国家海洋局海岛研究中心"]
    finally:
        entities.initialize()  # the session's pipeline back to the built-in lexicon
    assert entities.names == BUILTIN


def test_pipeline_entities_lexicon_from_config_bytes_and_disk(tmp_path):
    small = spacy.blank("zh")
    small.add_pipe("govreport_sections")
    small.add_pipe("govreport_entities")
    small.config["initialize"]["components"]["govreport_entities"] = {
        "central_bodies": {"国家海洋局": ["海洋局"]}, "regions": {"关中平原城市群": ["610000", "620000"]}}
    small.initialize()
    names = small.get_pipe("govreport_entities").names
    assert names.central_body("海洋局") == "国家海洋局" and names.region_codes("关中平原城市群") == ("610000", "620000")
    # Bytes: a pipeline of the same components takes the lexicon.
    other = spacy.blank("zh")
    other.add_pipe("govreport_sections")
    other.add_pipe("govreport_entities")
    other.from_bytes(small.to_bytes())
    assert other.get_pipe("govreport_entities").names == names
    # Disk: the lexicon is a file of the saved pipeline; spacy.load reads it back.
    small.to_disk(tmp_path / "pipe")
    saved = tmp_path / "pipe" / "govreport_entities" / "names.json"
    assert "国家海洋局" in saved.read_text(encoding="utf-8")
    assert spacy.load(tmp_path / "pipe").get_pipe("govreport_entities").names == names
    # A pipeline saved before the lexicon was saved has no file: the built-in lexicon.
    saved.unlink()
    assert spacy.load(tmp_path / "pipe").get_pipe("govreport_entities").names == BUILTIN


def test_pipeline_entities_lexicon_malformed_settings_are_refused():
    from confection import ConfigValidationError

    small = spacy.blank("zh")
    small.add_pipe("govreport_entities")
    small.config["initialize"]["components"]["govreport_entities"] = {"central_bodies": {"国家海洋局": "海洋局"}}
    with pytest.raises(ConfigValidationError, match="not allowed as a Sequence"):
        small.initialize()
    with pytest.raises(LexiconError, match="6 or 12 digits"):
        small.get_pipe("govreport_entities").initialize(regions={"关中平原城市群": ["61"]})
