"""The parse cache: each file's Report kept under its content hash, so that extracting a
folder again (another output, a resumed batch, a folder that grew) reads what was already
extracted instead of running the pipeline again.

A cache entry is the Report's JSON (with its text), gzipped, at
``CACHE/reports/ab/abcdef….json.gz``. Its key is the SHA-256 of the file's bytes together
with the library's *build fingerprint* (its version and the size and modification time
of every file of the installed package: an edited rule or lexicon is a new key, never a
stale result), the ``--report-year`` override and the ``GOVREPORT_NLP_*`` settings that
change what is read (page and size limits). A report whose file could not be read well
(``read_warnings``: a scan without OCR, a cut page) is not kept: an OCR engine installed
later must get its chance.

The cache is an optimisation: a folder we may not write, a full disk or a damaged entry
costs a re-extraction, never the output. Entries are written under a temporary name and
renamed, so a stopped batch leaves whole entries only; that is what makes a rerun resume.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Mapping, Optional, Union

from ..models import Report

__all__ = ["CACHE_ENV", "ReportCache", "build_fingerprint", "default_cache_dir", "file_digest"]

# Where the cache lives when --cache is not given (default: the model cache's folder).
CACHE_ENV = "GOVREPORT_NLP_CACHE"
_fingerprint: Optional[str] = None


def file_digest(path: Union[str, Path]) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def build_fingerprint() -> str:
    """The library's version and a digest of its installed files' sizes and modification
    times (computed once per process): two builds that could extract differently never
    share a cache entry."""
    global _fingerprint
    if _fingerprint is None:
        from .. import __version__

        package = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256(__version__.encode())
        for folder, dirs, names in os.walk(package):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                path = Path(folder, name)
                try:
                    st = path.stat()
                except OSError:
                    continue
                digest.update(f"{path.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        _fingerprint = f"{__version__}-{digest.hexdigest()[:16]}"
    return _fingerprint


def default_cache_dir() -> Path:
    """``$GOVREPORT_NLP_CACHE``, else ``reports`` in the folder the model is cached in
    (``$GOVREPORT_NLP_HOME`` or the user cache)."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from ..segment.resources import cache_dir

    return cache_dir() / "reports"


class ReportCache:
    """Reports kept by content hash in ``folder`` (see the module's docstring)."""

    def __init__(self, folder: Union[str, Path]) -> None:
        self.folder = Path(folder)
        self.usable = self._prepare()
        self.hits = 0
        self.stored = 0

    def _prepare(self) -> bool:
        """Create the folder (private to its user); a folder another user may write is
        not trusted, and not used."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            st = os.stat(self.folder)
        except OSError:
            return False
        if not stat.S_ISDIR(st.st_mode):
            return False
        if hasattr(os, "getuid") and (st.st_uid not in (os.getuid(), 0) or st.st_mode & 0o022):
            return False
        return os.access(self.folder, os.W_OK | os.X_OK)

    @staticmethod
    def key(digest: str, report_year: Optional[int] = None, known: Optional[Mapping[str, Any]] = None) -> str:
        """The cache key of a file whose bytes hash to ``digest``, extracted by this build
        with these settings and what is ``known`` of it (a manifest's issuer, year and
        published, which go into the extraction)."""
        settings = sorted((k, v) for k, v in os.environ.items()
                          if k.startswith("GOVREPORT_NLP_") and k not in (CACHE_ENV, "GOVREPORT_NLP_HOME"))
        given = sorted((known or {}).items())
        text = f"{digest}\0{build_fingerprint()}\0{report_year}\0{settings}" + (f"\0{given}" if given else "")
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json.gz"

    def __contains__(self, key: str) -> bool:
        return self.usable and self._path(key).is_file()

    def get(self, key: str, source: str) -> Optional[Report]:
        """The cached Report of ``key`` (its ``source`` set to ``source``), or None when there
        is none or it cannot be read (a damaged entry is removed)."""
        if not self.usable:
            return None
        path = self._path(key)
        try:
            with gzip.open(path, "rb") as fh:
                report = Report.model_validate_json(fh.read())
        except FileNotFoundError:
            return None
        except Exception:  # damaged or from a foreign writer: extract again
            try:
                path.unlink()
            except OSError:
                pass
            return None
        report.source = source
        self.hits += 1
        return report

    def put(self, key: str, report: Report) -> None:
        """Keep ``report`` under ``key``; silently skipped when the cache cannot be written
        or the file was not read well (``read_warnings``)."""
        if not self.usable or report.read_warnings:
            return
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3, mtime=0) as fh:
                fh.write(report.model_dump_json().encode("utf-8"))
            os.replace(tmp, path)
            tmp = None
            self.stored += 1
        except (OSError, ValueError):
            pass  # a full disk, a read-only cache, text JSON cannot hold: the output is what matters
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
