"""The compact pkuseg model: pruned, fast to load, and segmenting as the full model does."""

from __future__ import annotations

import json

import pytest

from govreport_nlp import resources
from govreport_nlp.segmenter import DEFAULT_THRESHOLD, compact_dir, load_segmenter


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
    from govreport_nlp.segmenter import load_compact

    path = compact_dir(resources.model_path(), DEFAULT_THRESHOLD)
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("features.txt", "unigram.txt", "bigram.txt", "meta.json"):
        (broken / name).write_bytes((path / name).read_bytes())
    meta = json.loads((broken / "meta.json").read_text(encoding="utf-8"))
    meta["n_feature"] -= 1
    (broken / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    import numpy

    numpy.save(broken / "weights.npy", numpy.load(path / "weights.npy"))
    with pytest.raises(ValueError, match="delete the directory to rebuild"):
        load_compact(broken)
