"""Digests already checked: a cache file's SHA-256, remembered by the file's identity.

Every load of the compact model checks each file it reads against its recorded digest
(segment/compact.py): about 100 MB hashed, a tenth of a cold start. A file whose size,
modification and change times, inode and device are those it had when its digest last
matched has not been written since (any write, truncation, rename or chmod moves its
change time, which no user can set back), so the digest is not computed again.
``STAMPS.json`` beside the files holds {name: [size, mtime_ns, ctime_ns, inode, device,
sha256]}.

This trusts what the owner/mode checks (``trust.unsafe_reason``) already trust: the
folder is writable by this user alone. The digests guard against damage, and the stamps
change nothing there: a file changed in any way is hashed again. A file changed less than
two seconds before its check is never stamped (timestamps are coarse: a second write in
the same tick would keep them), as git does with its index.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Optional

__all__ = ["STAMPS", "read_whole", "remember", "stamped"]

STAMPS = "STAMPS.json"
# A file changed this recently is not stamped: a later write could keep all its times.
_SETTLED_NS = 2_000_000_000


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def read_whole(path: Path) -> tuple[bytearray, os.stat_result]:
    """The bytes of ``path`` (a bytearray read in place: writable, one copy) and the
    identity it had while read; OSError if it changed meanwhile."""
    with open(path, "rb") as fh:
        before = os.fstat(fh.fileno())
        data = bytearray(before.st_size)
        if fh.readinto(data) != len(data) or fh.read(1):
            raise OSError(f"{path.name} changed size while read")
        after = os.fstat(fh.fileno())
    if _identity(before) != _identity(after):
        raise OSError(f"{path.name} changed while read")
    return data, after


def _load(folder: Path) -> dict[str, list[object]]:
    try:
        stamps = json.loads((folder / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def stamped(path: Path, st: os.stat_result) -> Optional[str]:
    """The digest ``path`` had when last checked, if it is still the same file unchanged."""
    entry = _load(path.parent).get(path.name)
    if isinstance(entry, list) and len(entry) == 6 and entry[:5] == _identity(st) and isinstance(entry[5], str):
        return entry[5]
    return None


def remember(path: Path, st: os.stat_result, digest: str) -> None:
    """Record that ``path``, as ``st`` describes it, matched ``digest``. Best effort: a
    read-only cache, or a file changed too recently, is simply not stamped."""
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED_NS:
        return
    folder = path.parent
    stamps = _load(folder)
    stamps[path.name] = _identity(st) + [digest]
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".stamps-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(stamps, fh, indent=1)
            # Writable by no one else, or the owner/mode checks would refuse the folder.
            os.chmod(tmp, 0o644)
            os.replace(tmp, folder / STAMPS)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # not ours to write: the digests are computed on every load, as before
