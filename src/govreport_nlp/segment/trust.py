"""What makes a cached model file trusted: its digest, and a cache only its owner may write.

Shared by resources.py (fetching and finding the model) and compact.py (its compact form),
so that neither imports the other for them.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Optional

from ..errors import ModelCacheError

__all__ = ["MODEL_FILES", "unsafe_reason", "verify_model_files"]

# The members we take out of the verified wheel, with their own digests, so that a
# partly written cache is never mistaken for a model.
MODEL_FILES = {
    "pkuseg/models/default/features.pkl": ("features.pkl", "265dcf5534a11d6429776f7e7450a9eef8e075b1a4bedb82ef996994d9c721ac"),
    "pkuseg/models/default/weights.npz": ("weights.npz", "95d1632a1fed45993b5006d8ba85939cb110fae71313987673582d24669811dd"),
}


def _sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _private_group(gid: int) -> bool:
    """Whether ``gid`` is this user's own group (Debian's user private groups, umask 002)."""
    try:
        import grp
        import pwd

        return grp.getgrgid(gid).gr_name == pwd.getpwuid(os.getuid()).pw_name and not grp.getgrgid(gid).gr_mem
    except (ImportError, KeyError):
        return False


def unsafe_reason(*paths: Path) -> Optional[str]:
    """Why another user could change the cache at ``paths`` (folders, and the files in
    them), or None. A digest file beside the data proves nothing when someone else may
    rewrite both: the cache must be owned by this user (or root, a system cache) and
    writable by no one else (a folder with the sticky bit, as /tmp, may be)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: ACLs, not modes
        return None
    for folder in paths:
        entries = [folder]
        if folder.is_dir():
            entries += sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        for path in entries:
            try:
                st = path.stat()
            except OSError:
                continue
            if st.st_uid not in (os.getuid(), 0):
                return f"{path} belongs to another user (uid {st.st_uid})"
            sticky = stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_ISVTX
            if st.st_mode & stat.S_IWOTH and not sticky:
                return f"{path} is writable by every user"
            if st.st_mode & stat.S_IWGRP and not sticky and not _private_group(st.st_gid):
                return f"{path} is writable by its group"
    return None


def verify_model_files(model_dir: Path) -> None:
    """Check the cached ``default`` model's files against their SHA-256 digests.

    Called before ``features.pkl`` is unpickled: a pickle runs code when loaded, so only
    the very file the pkuseg wheel shipped may be. Raises :class:`ModelCacheError`, whose
    message says how to repair the cache, on any mismatch or missing file.
    """
    for name, digest in MODEL_FILES.values():
        path = model_dir / name
        try:
            found = _sha256(path)
        except OSError as e:
            raise ModelCacheError(
                f"cannot read {path} ({e}); delete {model_dir} and run `govreport-nlp download`"
            ) from e
        if found != digest:
            raise ModelCacheError(
                f"{path} does not match the SHA-256 of the pkuseg model (damaged or replaced); "
                f"nothing was loaded from it. Delete {model_dir} and run `govreport-nlp download`."
            )
