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


def _cache_copy(tmp_path, *, compact: bool = True):
    """A cache laid out as the real one: the verified model linked, its compact form copied."""
    import shutil

    from govreport_nlp.segment.compact import compact_dir

    real = resources.model_path()
    model = tmp_path / real.name
    model.mkdir()
    for f in real.iterdir():
        (model / f.name).symlink_to(f)
    if compact:
        shutil.copytree(compact_dir(real), compact_dir(model))
    return model


class _Exploit:
    """Unpickling this writes a marker file: what a crafted features.pkl would do."""

    marker = None

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_resources_swapped_pickle_is_never_unpickled(tmp_path):
    import pickle

    from govreport_nlp.errors import ModelCacheError
    from govreport_nlp.segment.compact import build_compact

    model = _cache_copy(tmp_path, compact=False)
    marker = tmp_path / "pwned"
    _Exploit.marker = marker
    (model / "features.pkl").unlink()
    (model / "features.pkl").write_bytes(pickle.dumps(_Exploit()))
    with pytest.raises(ModelCacheError, match="govreport-nlp download"):
        build_compact(model)
    assert not marker.exists()


@pytest.mark.parametrize("name", ["weights.npy", "features.txt", "t_cc1.txt", "meta.json"])
def test_resources_damaged_compact_file_is_noticed(tmp_path, name):
    from govreport_nlp.errors import ModelCacheError
    from govreport_nlp.segment.compact import compact_dir, load_compact

    model = _cache_copy(tmp_path)
    path = compact_dir(model) / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    path.write_bytes(bytes(data))
    def load_and_read_a_table():
        seg = load_compact(compact_dir(model))
        seg.feature_extractor.table("cc1")  # the pair tables are read when first used

    with pytest.raises(ModelCacheError, match="SHA-256"):
        load_and_read_a_table()


def test_resources_damaged_compact_form_is_rebuilt_from_the_verified_model(tmp_path):
    from govreport_nlp.segment.compact import compact_dir, load_segmenter

    model = _cache_copy(tmp_path)
    weights = compact_dir(model) / "weights.npy"
    with open(weights, "r+b") as fh:  # 1 MiB overwritten in the middle
        fh.seek(weights.stat().st_size // 2)
        fh.write(b"\0" * (1 << 20))
    seg = load_segmenter(model)
    assert seg.cut("政府信息公开工作年度报告") == ["政府", "信息", "公开", "工作", "年度", "报告"]


def test_resources_built_cache_loads_without_taking_the_lock(tmp_path, monkeypatch):
    # A read-only cache (another user's, a shared volume) must load: nothing needs writing.
    import filelock

    from govreport_nlp.segment.compact import build_compact, compact_dir

    model = _cache_copy(tmp_path)

    def no_lock(*args, **kwargs):
        raise PermissionError("read-only cache")

    monkeypatch.setattr(filelock, "FileLock", no_lock)
    assert build_compact(model) == compact_dir(model)


def test_resources_offline_forbids_the_download_command(tmp_path, monkeypatch, capsys):
    from govreport_nlp.runners import cli

    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    monkeypatch.delenv(resources.MODEL_ENV, raising=False)
    monkeypatch.setenv(resources.OFFLINE_ENV, "1")
    monkeypatch.setattr(resources, "_fetch_wheel", lambda dest: pytest.fail("fetched while offline"))
    with pytest.raises(ModelNotFoundError, match=resources.OFFLINE_ENV):
        resources.download_model()
    assert cli.main(["download"]) == 1
    assert resources.OFFLINE_ENV in capsys.readouterr().err


def test_resources_first_download_says_what_it_fetches(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    monkeypatch.delenv(resources.OFFLINE_ENV, raising=False)

    def fake_fetch(dest):
        wheel = dest / resources.WHEEL_NAME
        wheel.write_bytes(b"not the pkuseg wheel")
        return wheel

    monkeypatch.setattr(resources, "_fetch_wheel", fake_fetch)
    with pytest.raises(ModelDownloadError):
        resources.download_model()
    err = capsys.readouterr().err
    assert resources.PKUSEG_REQUIREMENT in err and "MB" in err
