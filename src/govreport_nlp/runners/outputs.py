"""Where the command line writes: checked before any work, written whole or not at all.

- An ``-o`` that is an input, lies in an input folder, is a folder, sits in a folder we
  cannot write, or is a SQLite database that holds tables of someone else is refused
  before any input is read (:class:`UsageError`, exit 2, one line naming ``-o``). Only a
  SQLite database is checked for tables: a Parquet or xlsx output replaces its own
  previous run as a CSV does.
- A regular file is written under a short temporary name beside it (a 246-byte name
  stays valid: the temporary one is never longer than 64 bytes) and renamed when
  complete, with the mode the replaced file had, else the mode the umask gives.
- A FIFO, a device or a process substitution (``-o >(gzip > x.gz)``, ``-o /dev/null``)
  is written in place: renaming over it would replace the node.
- Every temporary file is registered the moment it exists and removed on any exit that
  is no commit (an error, a full disk, Ctrl-C, SIGTERM), with SQLite's journal.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import sqlite3
import stat
import tempfile
from pathlib import Path
from typing import IO, Optional, Sequence, Union

__all__ = ["AtomicPath", "OutputError", "TextOutput", "UsageError", "check_output", "cleanup", "one_line",
           "quote", "write_error"]

# Our own tables: a database holding only these (or nothing) is one we may replace.
OUR_TABLES = {"reports", "facts", "entities", "table_cells", "warnings", "panel", "facts_fts", "facts_fts_data",
              "facts_fts_idx", "facts_fts_docsize", "facts_fts_config"}
# -o's extensions that mean SQLite (formats.SUFFIX_FORMATS; formats imports this module,
# so they are named here, and tests/test_safety_outputs.py keeps the two in step).
SQLITE_SUFFIXES = frozenset({".sqlite", ".sqlite3", ".db"})
_SQLITE_HEAD = b"SQLite format 3\x00"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_pending: set[str] = set()


class UsageError(Exception):
    """A bad option value or output path: one line on stderr, exit code 2."""


class OutputError(UsageError):
    """The output could not be written (a full disk, a folder we may not write)."""


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, so that a file
    name holding a newline cannot forge a line of our own on stderr."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def quote(name: str) -> str:
    """A file name as it may appear in a one-line message."""
    return one_line(os.fsdecode(name))


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(_SQLITE_HEAD))
    except OSError:
        return b""


def _is_ours(path: Path) -> bool:
    """Whether ``path`` is empty or a SQLite database holding only tables we write."""
    head = _head(path)
    if not head:
        return True
    if head != _SQLITE_HEAD:
        return False
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return names <= OUR_TABLES


def _replaces_user_data(target: Path, sqlite: bool) -> bool:
    """Whether writing ``target`` would replace data that is not an output of ours: a SQLite
    database holding tables of someone else (whatever we write over it), or, for a SQLite
    output, any other file that is not empty (it is not a database we wrote)."""
    if _head(target) == _SQLITE_HEAD or sqlite:
        return not _is_ours(target)
    return False


def check_output(out: Optional[str], inputs: Sequence[str], *, database: bool = False,
                 sqlite: Optional[bool] = None) -> None:
    """Refuse, before any work, an ``-o`` that would destroy an input or user data or that
    cannot be written. ``database``: the output is a file format (SQLite, Parquet, xlsx),
    which needs a regular file; ``sqlite``: it is SQLite (None: read off -o's extension),
    the one format refused over an existing file that is not a database we wrote."""
    if out is None or out == "-":
        return
    name = quote(out)
    target = Path(out)
    try:
        st: Optional[os.stat_result] = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise UsageError(f"-o {name}: {e.strerror}") from e
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UsageError(f"-o {name} is a directory; give a file name")
    if st is not None and not stat.S_ISREG(st.st_mode) and database:
        raise UsageError(f"-o {name} is not a regular file (a pipe or a device); this format needs a file")
    for raw in inputs:
        if raw == "-":
            continue
        try:
            source = os.stat(raw)
        except OSError:
            continue
        if st is not None and _same_file(st, source):
            raise UsageError(f"-o {name} is also an input; it would be overwritten before it is read")
        if stat.S_ISDIR(source.st_mode) and Path(raw).resolve() in target.resolve().parents:
            raise UsageError(f"-o {name} lies inside the input folder {quote(raw)}; write it elsewhere")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return  # a FIFO or a device: written in place
    if sqlite is None:
        sqlite = database and target.suffix.lower() in SQLITE_SUFFIXES
    if st is not None and _replaces_user_data(target, sqlite):
        raise UsageError(f"-o {name} is an existing file that is not a database this tool wrote (it holds "
                         "other data); give a new file name, or move that file first")
    parent = target.parent
    if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"-o {name}: cannot write in the folder {quote(str(parent))} (permission denied)")


def _short_prefix(name: str) -> str:
    # The temporary name is '.' + at most 40 bytes of the target's + '.' + 8 random + '.part':
    # never over NAME_MAX, whatever the target's length.
    raw = os.fsencode(name)[:40]
    return "." + raw.decode("utf-8", errors="ignore") + "."


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicPath:
    """A temporary file beside ``target``, moved to it by :meth:`commit`. Its mode is
    the replaced file's, else ``0666 & ~umask``."""

    def __init__(self, target: str, suffix: str = ".part") -> None:
        self.target = Path(target)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            # SIGTERM between creating the file and noting it would leave it behind.
            blocked = _block_signals()
            try:
                fd, self.tmp = tempfile.mkstemp(dir=self.target.parent, prefix=_short_prefix(self.target.name),
                                                suffix=suffix)
                _pending.add(self.tmp)
            finally:
                _unblock_signals(blocked)
        except OSError as e:
            raise OutputError(f"cannot write -o {quote(target)}: {e.strerror or e}") from e
        os.close(fd)

    def finish(self) -> None:
        """Give the file its mode and move it to the target's name."""
        try:
            mode = stat.S_IMODE(os.stat(self.target).st_mode)
        except OSError:
            mode = 0o666 & ~_umask()
        try:
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except OSError as e:
            self.remove()
            raise OutputError(f"cannot write -o {quote(str(self.target))}: {e.strerror or e}") from e
        _pending.discard(self.tmp)

    def remove(self) -> None:
        """Delete the temporary file (and a SQLite journal beside it)."""
        for path in (self.tmp, self.tmp + "-journal", self.tmp + "-wal", self.tmp + "-shm"):
            try:
                os.unlink(path)
            except OSError:
                pass
        _pending.discard(self.tmp)


def _block_signals() -> Optional[set[Union[int, signal.Signals]]]:
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})


def _unblock_signals(old: Optional[set[Union[int, signal.Signals]]]) -> None:
    if old is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def cleanup() -> None:
    """Remove every temporary output not committed (called as the command ends)."""
    for tmp in list(_pending):
        for path in (tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"):
            try:
                os.unlink(path)
            except OSError:
                pass
        _pending.discard(tmp)


def _is_special(out: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(out).st_mode)
    except OSError:
        return False


class TextOutput:
    """A text output at ``-o``: atomic for a regular file, in place for a pipe or device."""

    def __init__(self, out: str) -> None:
        self.name = out
        self.atomic: Optional[AtomicPath] = None
        # The handle outlives this call on purpose: commit() or discard() closes it.
        try:
            if _is_special(out):
                self.fh: IO[str] = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
            else:
                self.atomic = AtomicPath(out)
                self.fh = open(self.atomic.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as e:
            if self.atomic is not None:
                self.atomic.remove()
            raise OutputError(f"cannot write -o {quote(out)}: {e.strerror or e}") from e

    def commit(self) -> None:
        """Finish the output (close it, rename the temporary file over the target)."""
        try:
            self.fh.close()
        except OSError as e:
            self.discard()
            raise OutputError(f"cannot write -o {quote(self.name)}: {e.strerror or e}") from e
        if self.atomic is not None:
            self.atomic.finish()

    def discard(self) -> None:
        """Drop a partial output."""
        try:
            self.fh.close()
        except OSError:
            pass
        if self.atomic is not None:
            self.atomic.remove()


def write_error(out: Optional[str], e: Exception) -> OutputError:
    """An error met while writing ``-o`` (an OSError, SQLite's "disk full" or "I/O error")
    as one line naming it."""
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        what = "no space left on the device (or over the file size limit)"
    elif isinstance(e, OSError):
        what = e.strerror or str(e)
    else:
        what = str(e)
    return OutputError(f"cannot write -o {quote(out or '-')}: {what}; nothing was written")
