"""Where the pkuseg model comes from, and the errors that say how to get it."""

from __future__ import annotations

import threading

import pytest

from govreport_nlp import ModelDownloadError, ModelNotFoundError
from govreport_nlp.segment import resources


def test_resources_offline_without_model_names_both_ways_out(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    monkeypatch.delenv(resources.MODEL_ENV, raising=False)
    monkeypatch.setenv(resources.OFFLINE_ENV, "1")
    with pytest.raises(ModelNotFoundError) as info:
        resources.model_path()
    assert "govreport-nlp download" in str(info.value) and resources.MODEL_ENV in str(info.value)


def test_resources_explicit_model_dir_must_be_a_model(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.MODEL_ENV, str(tmp_path))
    with pytest.raises(ModelNotFoundError, match="not a pkuseg model directory"):
        resources.model_path()
    (tmp_path / "weights.npz").write_bytes(b"")
    (tmp_path / "features.msgpack").write_bytes(b"")
    assert resources.model_path() == tmp_path


def test_resources_wrong_hash_installs_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))

    def fake_fetch(dest):
        wheel = dest / resources.WHEEL_NAME
        wheel.write_bytes(b"not the pkuseg wheel")
        return wheel

    monkeypatch.setattr(resources, "_fetch_wheel", fake_fetch)
    with pytest.raises(ModelDownloadError, match="different file"):
        resources.download_model()
    assert not (tmp_path / "pkuseg-default-0.0.25").exists()


def test_resources_download_is_idempotent_and_safe_at_once(tmp_path, monkeypatch):
    """Two downloads at once fetch once; a finished cache is not fetched again."""
    import zipfile

    model = resources.model_path()  # the session's real model, to serve as the wheel's content
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    calls = []

    def fake_fetch(dest):
        calls.append(dest)
        wheel = dest / resources.WHEEL_NAME
        with zipfile.ZipFile(wheel, "w") as zf:
            for member, (name, _) in resources.MODEL_FILES.items():
                zf.write(model / name, member)
        return wheel

    monkeypatch.setattr(resources, "_fetch_wheel", fake_fetch)
    monkeypatch.setattr(resources, "_sha256", _fake_digest(resources))
    threads = [threading.Thread(target=resources.download_model) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert (tmp_path / "pkuseg-default-0.0.25" / "COMPLETE").is_file()
    resources.download_model()
    assert len(calls) == 1


def _fake_digest(resources):
    """Digests that accept our test wheel and the model files inside it."""
    digests = {name: digest for name, digest in resources.MODEL_FILES.values()}

    def digest(path):
        if path.name == resources.WHEEL_NAME:
            return resources.WHEEL_SHA256
        return digests[path.name]

    return digest
