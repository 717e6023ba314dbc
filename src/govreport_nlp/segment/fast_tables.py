"""The compiled segmenter's tables, saved beside the compact model and read back.

Building the integer tables of ``_pkuseg_fast`` (a trie of 350,000 words and 1.3 million
features) from the compact model's text takes 0.3-0.5 s, a third of a cold start. They
are saved once, the first time they are built, as ``tables-<layout>.bin`` in the compact
model's folder, and later loads read them back: about 50 MB, no parsing.

The file: a header (magic, layout, word window, slots, entries, trie states, features,
the SHA-256 of the compact model's digests it was built from, the SHA-256 of the rest of
the file), then the table's keys and values and the trie's word flags as the compiled
code holds them, in this machine's byte order. A file built from other model files,
by other compiled code or damaged is not used (the tables are built again and the file
rewritten); every slot is range-checked when read back, so not even a damaged file that
matched its digest could make the compiled code read outside its arrays.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

from .stamps import read_whole, remember, stamped

__all__ = ["load_tables", "save_tables", "source_digest", "tables_path"]

_MAGIC = b"GRNLPTB" + (b"L" if sys.byteorder == "little" else b"B")
# magic, layout, wmax, slots, used, states, n_feature, source digest, payload digest;
# 128 bytes in all, so that the arrays after it stay 8-byte aligned.
_HEADER = struct.Struct("=8sqqqqqq32s32s")
_HEADER_SIZE = 128


def tables_path(folder: Path, layout: int) -> Path:
    """Where the tables of compiled layout ``layout`` are saved in a compact model folder."""
    return folder / f"tables-{layout}.bin"


def source_digest(digests: dict[str, str]) -> bytes:
    """The SHA-256 that names a compact model's files: of their digests, in a fixed order."""
    return hashlib.sha256(json.dumps(digests, sort_keys=True).encode("utf-8")).digest()


def load_tables(folder: Path, digests: dict[str, str], n_feature: int, wmax: int) -> Optional[Any]:
    """The saved tables (a ``_pkuseg_fast.ModelTables``) of the compact model in
    ``folder``, or None when there are none usable (missing, stale, damaged)."""
    from ._pkuseg_fast import TABLES_LAYOUT, ModelTables

    path = tables_path(folder, TABLES_LAYOUT)
    try:
        data, st = read_whole(path)
    except OSError:
        return None
    if len(data) < _HEADER_SIZE:
        return None
    magic, layout, f_wmax, size, used, states, f_features, source, payload = _HEADER.unpack_from(data)
    if (magic, layout, f_wmax, f_features, source) != (_MAGIC, TABLES_LAYOUT, wmax, n_feature,
                                                       source_digest(digests)):
        return None
    if stamped(path, st) != payload.hex():
        if hashlib.sha256(memoryview(data)[_HEADER_SIZE:]).digest() != payload:
            return None
        remember(path, st, payload.hex())
    try:
        return ModelTables.load(data, _HEADER_SIZE, wmax, size, used, states, n_feature)
    except ValueError:
        return None


def save_tables(folder: Path, digests: dict[str, str], n_feature: int, tables: Any) -> None:
    """Save built tables for ``load_tables``. Best effort: a read-only cache keeps
    building them on every load."""
    from ._pkuseg_fast import TABLES_LAYOUT

    wmax, size, used, states, keys, values, is_word = tables.dump()
    digest = hashlib.sha256()
    for part in (keys, values, is_word):
        digest.update(part)
    header = _HEADER.pack(_MAGIC, TABLES_LAYOUT, wmax, size, used, states, n_feature,
                          source_digest(digests), digest.digest()).ljust(_HEADER_SIZE, b"\0")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tables-")
        try:
            with os.fdopen(fd, "wb") as fh:
                for part in (header, keys, values, is_word):
                    fh.write(part)
            # Writable by no one else, or the owner/mode checks would refuse the folder.
            os.chmod(tmp, 0o644)
            os.replace(tmp, tables_path(folder, TABLES_LAYOUT))
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
