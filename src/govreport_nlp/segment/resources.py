"""The pkuseg segmentation model: where it lives, how it is fetched and verified.

spacy-pkuseg ships no trained model and would fetch one from a host many networks cannot
reach. The ``pkuseg`` 0.0.25 wheel on PyPI carries its trained ``default`` model (MIT
licence) inside the package files, so we fetch that wheel with pip through whatever index
pip is configured with, check its SHA-256, and extract only the two model files.

Where the model is looked for, in order:

1. ``GOVREPORT_NLP_PKUSEG_MODEL``: any existing pkuseg model directory;
2. the cache, ``$GOVREPORT_NLP_HOME`` or the platform's user cache directory;
3. a download into the cache, unless ``GOVREPORT_NLP_OFFLINE=1``.

No file of the cache is trusted for being there: the two model files are checked
against their digests (trust.py) before they are ever unpickled (``verify_model_files``), and
the compact form records and checks the digests of its own files (segment/compact.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

from ..errors import ModelCacheError, ModelDownloadError, ModelNotFoundError
# Re-exported: the checks live in trust.py, which compact.py imports too (no import circle).
from .trust import MODEL_FILES, _sha256, unsafe_reason, verify_model_files

__all__ = ["cache_dir", "download_model", "model_path", "unsafe_reason", "verify_model_files", "MODEL_ENV",
           "HOME_ENV", "OFFLINE_ENV"]

MODEL_ENV = "GOVREPORT_NLP_PKUSEG_MODEL"
HOME_ENV = "GOVREPORT_NLP_HOME"
OFFLINE_ENV = "GOVREPORT_NLP_OFFLINE"

PKUSEG_REQUIREMENT = "pkuseg==0.0.25"
WHEEL_NAME = "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
WHEEL_SHA256 = "6fc2f97d0f66cc6722cf772e65dbcde1b01d8cc53b66ac4aa7bce639de79588f"
_MODEL_DIRNAME = "pkuseg-default-0.0.25"
_COMPLETE = "COMPLETE"
# What the first run prints: the wheel is about 50 MB; unpacked model and compact form
# take about 250 MB of the cache (measured with du on this project's machine).
_DOWNLOAD_MB, _CACHE_MB = 50, 250


def _say(message: str) -> None:
    """Tell the person waiting what is happening (stderr: stdout may be their data)."""
    print(f"govreport-nlp: {message}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    """The directory models are cached in: ``$GOVREPORT_NLP_HOME`` or the user cache."""
    home = os.environ.get(HOME_ENV)
    if home:
        path = Path(home).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("govreport_nlp"))
    if path.exists() and not path.is_dir():
        where = f"{HOME_ENV}={home}" if home else f"the cache {path}"
        raise ModelNotFoundError(f"{where} is not a folder; point {HOME_ENV} at a folder (it is created "
                                 "if missing), or move that file away")
    return path


def _is_model_dir(path: Path) -> bool:
    return (path / "weights.npz").is_file() and (
        (path / "features.pkl").is_file() or (path / "features.msgpack").is_file()
    )


def _fetch_wheel(dest: Path) -> Path:
    """Have pip fetch the pkuseg wheel (no build, no install) into ``dest``."""
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--python-version", "3.7", "--implementation", "cp", "--abi", "cp37m",
        "--platform", "manylinux1_x86_64", "--disable-pip-version-check", "--progress-bar", "on",
        PKUSEG_REQUIREMENT, "-d", str(dest),
    ]
    try:
        # pip's own lines (and its progress, where stderr is a terminal) are passed on as
        # they come, and the tail is kept for the error message.
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                errors="replace")
        tail: list[str] = []
        stream = proc.stdout
        if stream is not None:
            for line in stream:
                sys.stderr.write("  " + line)
                tail = (tail + [line])[-20:]
        proc.wait(timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ModelDownloadError(
            f"could not run pip to fetch {PKUSEG_REQUIREMENT} ({e}); check that pip works, "
            f"or point {MODEL_ENV} at a pkuseg model directory"
        ) from e
    wheel = dest / WHEEL_NAME
    if proc.returncode != 0 or not wheel.is_file():
        raise ModelDownloadError(
            f"pip could not fetch {PKUSEG_REQUIREMENT}: {''.join(tail).strip()[-800:]}\n"
            f"Check your network or pip index settings, or set {MODEL_ENV} to an existing "
            "pkuseg model directory."
        )
    return wheel


def download_model(*, force: bool = False, compact: bool = True, offline: Optional[bool] = None) -> Path:
    """Fetch, verify and unpack the pkuseg ``default`` model into the cache, and build
    its compact form (segment/compact.py) unless ``compact=False``.

    Idempotent, and safe to run from several processes at once (a file lock guards
    the cache, and the model directory appears atomically). Returns the model directory.
    ``offline`` (default: ``GOVREPORT_NLP_OFFLINE``) forbids fetching: a model already in
    the cache is returned, a missing one raises :class:`ModelNotFoundError`.
    """
    target = _download(force=force, offline=_offline() if offline is None else offline)
    if compact:
        from .compact import build_compact

        build_compact(target)
    return target


def _download(*, force: bool, offline: bool) -> Path:
    from filelock import FileLock

    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    target = root / _MODEL_DIRNAME
    with FileLock(str(root / ".download.lock"), timeout=3600):
        if (target / _COMPLETE).is_file() and not force:
            return target
        if offline:
            raise ModelNotFoundError(
                f"the pkuseg model is not in {target} and {OFFLINE_ENV} forbids downloading it; "
                f"unset {OFFLINE_ENV} to fetch it, or set {MODEL_ENV} to an existing pkuseg model "
                "directory"
            )
        with tempfile.TemporaryDirectory(dir=root, prefix=".download-") as tmp:
            tmpdir = Path(tmp)
            _say(f"fetching the pkuseg segmentation model ({PKUSEG_REQUIREMENT}, about "
                 f"{_DOWNLOAD_MB} MB, through pip's index) into {root}; this happens once "
                 f"and takes about {_CACHE_MB} MB of disk")
            wheel = _fetch_wheel(tmpdir)
            found = _sha256(wheel)
            if found != WHEEL_SHA256:
                raise ModelDownloadError(
                    f"{WHEEL_NAME} has SHA-256 {found}, expected {WHEEL_SHA256}; the index "
                    "served a different file. Nothing was installed."
                )
            _say(f"verified {WHEEL_NAME} ({wheel.stat().st_size / 1e6:.0f} MB); unpacking the model")
            staging = tmpdir / "model"
            staging.mkdir()
            with zipfile.ZipFile(wheel) as zf:
                for member, (name, digest) in MODEL_FILES.items():
                    with zf.open(member) as src, open(staging / name, "wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
                    if _sha256(staging / name) != digest:
                        raise ModelDownloadError(f"{member} in {WHEEL_NAME} does not match its digest")
            (staging / _COMPLETE).write_text(WHEEL_SHA256 + "\n", encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging, target)
    return target


def _offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes")


def model_path(*, download: Optional[bool] = None) -> Path:
    """The pkuseg model directory to load, fetching it on first use when allowed.

    ``download`` overrides ``GOVREPORT_NLP_OFFLINE`` (``True`` to allow, ``False`` to forbid).
    """
    explicit = os.environ.get(MODEL_ENV)
    if explicit:
        path = Path(explicit).expanduser()
        if not _is_model_dir(path):
            raise ModelNotFoundError(
                f"{MODEL_ENV}={explicit} is not a pkuseg model directory (it needs "
                "weights.npz and features.pkl or features.msgpack)"
            )
        return path
    target = cache_dir() / _MODEL_DIRNAME
    if (target / _COMPLETE).is_file():
        why = unsafe_reason(target.parent, target)
        if why is not None:  # someone else could swap the model and its digests together
            raise ModelCacheError(
                f"the model cache is not private: {why}. Nothing was loaded from it. Run "
                f"chmod -R go-w {target.parent} as its owner (or delete it), or set {HOME_ENV} to a "
                "folder of your own")
        return target
    if download is None:
        download = not _offline()
    if not download:
        raise ModelNotFoundError(
            f"the pkuseg model is not in {target} and {OFFLINE_ENV} forbids downloading it. "
            f"Either run `govreport-nlp download` once while online, or set {MODEL_ENV} to "
            "an existing pkuseg model directory."
        )
    return download_model(offline=False)
