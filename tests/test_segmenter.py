"""The compact pkuseg model: pruned, fast to load, and segmenting as the full model does."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport_nlp.segment import resources
from govreport_nlp.segment.compact import DEFAULT_THRESHOLD, compact_dir, load_segmenter


@pytest.fixture(scope="module")
def full_and_compact(nlp):
    path = resources.model_path()
    return load_segmenter(path, compact=False), nlp.tokenizer.pkuseg_seg


def _bounds(words):
    out, pos = set(), 0
    for word in words:
        pos += len(word)
        out.add(pos)
    return out


def test_segmenter_pipeline_uses_the_compact_model(nlp):
    path = compact_dir(resources.model_path(), DEFAULT_THRESHOLD)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert nlp.tokenizer.pkuseg_seg.n_feature == meta["n_feature"] < meta["source_features"] * 0.6


def test_segmenter_compact_agrees_with_full_model(full_and_compact, seed_text):
    full, compact = full_and_compact
    a, b = _bounds(full.cut(seed_text)), _bounds(compact.cut(seed_text))
    assert len(a & b) / len(a) > 0.999


def test_segmenter_damaged_compact_model_is_reported(tmp_path):
    from govreport_nlp.segment.compact import load_compact

    path = compact_dir(resources.model_path(), DEFAULT_THRESHOLD)
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in [p.name for p in path.iterdir() if p.suffix in (".txt", ".json")]:
        (broken / name).write_bytes((path / name).read_bytes())
    meta = json.loads((broken / "meta.json").read_text(encoding="utf-8"))
    meta["n_feature"] -= 1
    (broken / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    import numpy

    numpy.save(broken / "weights.npy", numpy.load(path / "weights.npy"))
    from govreport_nlp.errors import ModelCacheError

    # meta.json no longer matches its recorded digest: reported as damage, naming what to delete
    with pytest.raises(ModelCacheError, match=f"damaged.*delete {broken}"):
        load_compact(broken)


def _fragments(paths) -> list[str]:
    return [w for p in paths for w in p.read_text(encoding="utf-8", errors="replace").split()]


def _spacy_pkuseg_cut(seg, fragment: str) -> list[str]:
    """spacy_pkuseg's own ``_cut``, whatever the instance was given in its place."""
    return type(seg)._cut(seg, fragment)


def test_segmenter_compiled_features_cut_as_spacy_pkuseg_on_every_report(nlp):
    from conftest import BULK, DEV, SEEDS

    seg = nlp.tokenizer.pkuseg_seg
    if "_cut" not in vars(seg):
        pytest.skip("the compiled node features are not built here")
    if not DEV.is_dir() or not BULK.is_dir():
        pytest.skip(f"the shared corpus is not at {DEV.parent} (a clone without ../shared)")
    paths = sorted(DEV.glob("*.txt")) + sorted(BULK.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    fragments = _fragments(paths)
    assert len(fragments) > 500
    differ = [w for w in fragments if seg._cut(w) != _spacy_pkuseg_cut(seg, w)]
    assert differ == []


def test_segmenter_compiled_features_are_spacy_pkusegs(nlp, seed_text):
    # Not only the words: the very feature ids, in order, so the CRF sums the same floats.
    pytest.importorskip("govreport_nlp.segment._pkuseg_fast", reason="the compiled node features are not built here")
    from govreport_nlp.segment._pkuseg_fast import FragmentSegmenter
    from spacy_pkuseg import inference
    from spacy_pkuseg.config import config

    seg = nlp.tokenizer.pkuseg_seg
    fast = FragmentSegmenter(seg.feature_extractor, seg.model, seg.idx_to_tag, inference.decodeViterbi_fast, config)
    fe = seg.feature_extractor
    for fragment in seed_text.split()[:200]:
        nodes = list(fe.normalize_text(fragment))
        assert fast.features(fragment) == [fe.get_node_features_idx(i, nodes) for i in range(len(nodes))]


def test_segmenter_compiled_features_on_full_model(full_and_compact, seed_text):
    full, _ = full_and_compact
    if "_cut" not in vars(full):
        pytest.skip("the compiled node features are not built here")
    for fragment in seed_text.split():
        assert full._cut(fragment) == _spacy_pkuseg_cut(full, fragment)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="政府信息公开年度报告主动依申请办理行政复议诉讼费用收取全市共计万亿元项件个人的了和是在"
                        "0123456789０１２３ＡＢａｂabcXYZ-._,|/*:%％・", max_size=40))
def test_segmenter_compiled_features_cut_as_spacy_pkuseg_on_any_text(nlp, text):
    seg = nlp.tokenizer.pkuseg_seg
    if "_cut" not in vars(seg):
        pytest.skip("the compiled node features are not built here")
    for fragment in text.split():
        assert seg._cut(fragment) == _spacy_pkuseg_cut(seg, fragment)


def test_segmenter_word_pairs_read_only_when_saved(tmp_path):
    # Segmenting never reads the 1.1 million word pairs; saving the model does.
    seg = load_segmenter(resources.model_path())
    extractor = seg.feature_extractor
    assert extractor._bigram is None
    assert seg.cut("主动公开政府信息4512条") == ["主动", "公开", "政府", "信息", "4512", "条"]
    assert extractor._bigram is None
    extractor.save(str(tmp_path))
    assert len(extractor.bigram) > 1_000_000


def test_segmenter_older_compact_format_is_rebuilt():
    import shutil

    from govreport_nlp.segment.compact import FORMAT, build_compact

    model_dir = resources.model_path()
    threshold = 5.0  # keeps almost nothing: quick to build, and no other test uses it
    path = compact_dir(model_dir, threshold)
    try:
        build_compact(model_dir, threshold)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        meta["format"] = FORMAT - 1  # as a cache written by an older release
        (path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        build_compact(model_dir, threshold)
        assert json.loads((path / "meta.json").read_text(encoding="utf-8"))["format"] == FORMAT
        assert load_segmenter(model_dir, threshold=threshold).cut("政府信息")
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_segmenter_feature_split_rules_agree(full_and_compact):
    # The compact build splits features in Python (segmenter._split), a full model is split
    # at load in C (_pkuseg_fast.split_feature): one rule, two places.
    pytest.importorskip("govreport_nlp.segment._pkuseg_fast")
    from govreport_nlp.segment._pkuseg_fast import split_feature
    from govreport_nlp.segment.compact import _split

    full, _ = full_and_compact
    names = list(full.feature_extractor.feature_to_idx)[::25]
    names += ["ww.l.**noWord***noWord", "ww.r.***noWord", "ww.l.**noWord*", "cc1.a", "cc1.a.b.c",
              "c-1c.**Num.年", "c-1.年", "c-2c-1.**Letter.**Num", "w1.政府", "ww.l.政府*信息", "cc1.a\t.b"]
    assert [split_feature(n) for n in names] == [_split(n) for n in names]


def test_segmenter_compiled_where_required(nlp):
    # CI sets this: a machine that can compile must not quietly fall back to spacy_pkuseg's code.
    if os.environ.get("GOVREPORT_NLP_REQUIRE_SPEEDUPS") != "1":
        pytest.skip("GOVREPORT_NLP_REQUIRE_SPEEDUPS is not set")
    from govreport_nlp.segment._pkuseg_fast import FragmentSegmenter

    seg = nlp.tokenizer.pkuseg_seg
    assert isinstance(vars(seg)["_cut"].__self__, FragmentSegmenter)
    assert "cut" in vars(seg)  # whole texts in one call, not through pkuseg.cut's loops


def _reference_cut(seg, text: str) -> list[str]:
    """spacy_pkuseg's own ``cut`` and ``_cut``: no compiled code at all."""
    fragments = text.split()
    return [w for f in fragments for w in type(seg)._cut(seg, f)]


def test_segmenter_compiled_text_cut_as_spacy_pkuseg_on_every_report(nlp):
    from conftest import BULK, DEV, SEEDS

    seg = nlp.tokenizer.pkuseg_seg
    if "cut" not in vars(seg):
        pytest.skip("the compiled segmenter is not built here")
    if not DEV.is_dir() or not BULK.is_dir():
        pytest.skip(f"the shared corpus is not at {DEV.parent} (a clone without ../shared)")
    for path in sorted(DEV.glob("*.txt")) + sorted(BULK.glob("*.txt")) + sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert seg.cut(text) == type(seg).cut(seg, text) == _reference_cut(seg, text), path.name


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="政府信息公开年度报告主动依申请办理行政复议万亿元项件个人的了和是在"
                        "0123456789０１２３ＡＢａｂabcXYZ-._,|/*:%％・ \n\t\u3000𠀀", max_size=80))
def test_segmenter_compiled_text_cut_as_spacy_pkuseg_on_any_text(nlp, text):
    seg = nlp.tokenizer.pkuseg_seg
    if "cut" not in vars(seg):
        pytest.skip("the compiled segmenter is not built here")
    assert seg.cut(text) == type(seg).cut(seg, text) == _reference_cut(seg, text)


def test_segmenter_user_words_go_through_pkuseg(tmp_path):
    # spaCy can add user words to the segmenter; then pkuseg.cut's own loop splits them out.
    seg = load_segmenter(resources.model_path())
    text = "主动公开政府信息4512条"
    before = seg.cut(text)
    seg.preprocesser.insert("政府信息4512", "")
    assert seg.cut(text) == type(seg).cut(seg, text) != before
    assert "政府信息4512" in seg.cut(text)


def _fast_parts(seg):
    from spacy_pkuseg import inference
    from spacy_pkuseg.config import config

    return seg.feature_extractor, seg.model, seg.idx_to_tag, inference.decodeViterbi_fast, config


def test_segmenter_saved_tables_read_back_give_the_same_features(nlp, seed_text):
    # The tables saved beside the compact model (fast_tables.py) are the ones built from its text.
    pytest.importorskip("govreport_nlp.segment._pkuseg_fast", reason="the compiled node features are not built here")
    from govreport_nlp.segment._pkuseg_fast import FragmentSegmenter
    from govreport_nlp.segment.fast_tables import load_tables

    seg = nlp.tokenizer.pkuseg_seg
    fe = seg.feature_extractor
    built = FragmentSegmenter(*_fast_parts(seg))
    tables = load_tables(fe._path, fe._digests, seg.model.n_feature, built.tables.dump()[0])
    assert tables is not None
    assert tables.dump() == built.tables.dump()
    loaded = FragmentSegmenter(*_fast_parts(seg), tables)
    for fragment in seed_text.split()[:300]:
        assert loaded.features(fragment) == built.features(fragment)


def _copy_with_tables(tmp_path):
    """A compact cache of its own, with its saved tables (written by its first load)."""
    from test_resources import _cache_copy

    from govreport_nlp.segment._pkuseg_fast import TABLES_LAYOUT
    from govreport_nlp.segment.fast_tables import tables_path

    model = _cache_copy(tmp_path)
    folder = compact_dir(model)
    tables_path(folder, TABLES_LAYOUT).unlink(missing_ok=True)
    load_segmenter(model)
    path = tables_path(folder, TABLES_LAYOUT)
    assert path.is_file() and resources.unsafe_reason(folder) is None
    return model, path


def test_segmenter_damaged_saved_tables_are_built_again(tmp_path):
    pytest.importorskip("govreport_nlp.segment._pkuseg_fast", reason="the compiled node features are not built here")
    from govreport_nlp.segment.fast_tables import load_tables

    model, path = _copy_with_tables(tmp_path)
    good = path.read_bytes()
    data = bytearray(good)
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))
    seg = load_segmenter(model)
    fe = seg.feature_extractor
    assert seg.cut("主动公开政府信息4512条") == ["主动", "公开", "政府", "信息", "4512", "条"]
    assert path.read_bytes() == good  # rewritten by that load
    from spacy_pkuseg.config import config

    assert load_tables(fe._path, fe._digests, seg.model.n_feature, config.wordMax) is not None
    assert load_tables(fe._path, fe._digests, seg.model.n_feature, config.wordMax + 1) is None


def test_segmenter_saved_tables_out_of_range_are_refused(tmp_path):
    # Even a file that matches its own digest cannot point the compiled code outside its arrays.
    pytest.importorskip("govreport_nlp.segment._pkuseg_fast", reason="the compiled node features are not built here")
    import hashlib
    import struct

    import numpy

    from govreport_nlp.segment import fast_tables

    model, path = _copy_with_tables(tmp_path)
    data = bytearray(path.read_bytes())
    header = list(fast_tables._HEADER.unpack_from(data))
    size = header[3]
    start = fast_tables._HEADER_SIZE
    keys = numpy.frombuffer(data, dtype=numpy.uint64, count=size, offset=start)
    vals = numpy.frombuffer(data, dtype=numpy.int32, count=size, offset=start + 8 * size)
    slot = int(numpy.flatnonzero((keys >> numpy.uint64(60)) == 1)[0])  # a one-character feature
    vals[slot] = 2**31 - 1
    header[-1] = hashlib.sha256(memoryview(data)[start:]).digest()
    struct.pack_into(fast_tables._HEADER.format, data, 0, *header)
    path.write_bytes(bytes(data))
    seg = load_segmenter(model)
    fe = seg.feature_extractor
    from spacy_pkuseg.config import config

    assert fast_tables.load_tables(fe._path, fe._digests, seg.model.n_feature, config.wordMax) is not None
    assert seg.cut("主动公开政府信息4512条") == ["主动", "公开", "政府", "信息", "4512", "条"]


def test_segmenter_stamped_file_changed_later_is_hashed_again(tmp_path, monkeypatch):
    # A digest is taken as checked only for the very file it was checked on (stamps.py).
    from test_resources import _cache_copy

    from govreport_nlp.errors import ModelCacheError
    from govreport_nlp.segment import stamps
    from govreport_nlp.segment.compact import load_compact

    monkeypatch.setattr(stamps, "_SETTLED_NS", 0)
    model = _cache_copy(tmp_path)
    folder = compact_dir(model)
    load_compact(folder)
    recorded = json.loads((folder / stamps.STAMPS).read_text(encoding="utf-8"))
    assert "weights.npy" in recorded and resources.unsafe_reason(folder) is None
    weights = folder / "weights.npy"
    with open(weights, "r+b") as fh:  # same size, same place: only the change time tells
        fh.seek(weights.stat().st_size - 8)
        fh.write(b"\x01" * 8)
    with pytest.raises(ModelCacheError, match="SHA-256"):
        load_compact(folder)


def test_segmenter_known_words_are_the_dictionarys(nlp):
    # The tokenizer keeps the dictionary's words across memory zones (tokenizer.py): known()
    # must say exactly which those are.
    seg = nlp.tokenizer.pkuseg_seg
    if "known" not in vars(seg):
        pytest.skip("the compiled segmenter is not built here")
    from spacy_pkuseg.config import config

    # Words of Chinese characters other than numerals (pkuseg reads digits, numerals and
    # letters as its marks, so a dictionary word holding one is no word to the segmenter).
    fe = seg.feature_extractor
    marks = set(type(fe).num) | set(type(fe).letter)
    words = sorted(w for w in fe.unigram if 0 < len(w) <= config.wordMax
                   and all("\u4e00" <= c <= "\u9fff" and c not in marks for c in w))[::97]
    assert len(words) > 1000 and all(seg.known(w) for w in words)
    assert not any(seg.known(w) for w in ("", "98176543", "政府信息公开工作年度报告", "公开政府"))
