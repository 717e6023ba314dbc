"""A model cache that another user may write is not trusted (issue #25 item 3): a file and
its digest swapped together would change segmentation silently."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from govreport_nlp.errors import ModelCacheError
from govreport_nlp.segment import resources

from test_resources import _cache_copy


def test_a_compact_cache_writable_by_others_is_rebuilt_from_the_verified_model(tmp_path):
    from govreport_nlp.segment.compact import DIGESTS, compact_dir, load_segmenter

    model = _cache_copy(tmp_path)
    compact = compact_dir(model)
    # Another user rewrites a file of a world-writable cache and recomputes its digest.
    unigram = compact / "unigram.txt"
    unigram.write_bytes(b"")
    digests = json.loads((compact / DIGESTS).read_text())
    digests["unigram.txt"] = hashlib.sha256(b"").hexdigest()
    (compact / DIGESTS).write_text(json.dumps(digests))
    unigram.chmod(0o666)
    seg = load_segmenter(model)
    assert seg.cut("政府信息公开工作年度报告") == ["政府", "信息", "公开", "工作", "年度", "报告"]
    assert unigram.stat().st_size > 0 and resources.unsafe_reason(compact) is None


def test_a_cache_folder_writable_by_others_is_refused(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    target = home / "pkuseg-default-0.0.25"
    target.mkdir(parents=True)
    (target / "COMPLETE").write_text("x\n")
    monkeypatch.setenv(resources.HOME_ENV, str(home))
    monkeypatch.delenv(resources.MODEL_ENV, raising=False)
    home.chmod(0o777)  # anyone may rename the model folder and put another in its place
    with pytest.raises(ModelCacheError, match=r"writable by every user.*chmod -R go-w"):
        resources.model_path(download=False)
    home.chmod(0o1777)  # sticky, as /tmp: others cannot replace what is ours
    assert resources.model_path(download=False) == target


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_cache_file_of_another_user_is_refused(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    target = home / "pkuseg-default-0.0.25"
    target.mkdir(parents=True)
    (target / "COMPLETE").write_text("x\n")
    (target / "weights.npz").write_bytes(b"")
    os.chown(target / "weights.npz", 12345, 12345)
    monkeypatch.setenv(resources.HOME_ENV, str(home))
    monkeypatch.delenv(resources.MODEL_ENV, raising=False)
    with pytest.raises(ModelCacheError, match="belongs to another user"):
        resources.model_path(download=False)
