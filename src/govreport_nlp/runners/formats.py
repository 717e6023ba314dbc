"""The output format of a batch command: ``--format``, else ``-o``'s extension.

Checked before any work: an unknown extension, a format the command does not write, an
option that does not fit the format (``--excel`` off CSV, ``--append`` off SQLite), a
missing optional writer (XlsxWriter, pyarrow) are each one :class:`UsageError` (exit 2).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
from pathlib import Path
from typing import Any, Callable, Sequence

from .outputs import UsageError

__all__ = ["SUFFIX_FORMATS", "file_sink", "output_format"]

# -o's extension -> format; any other extension is refused (a typo must not become JSON).
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".sqlite": "sqlite", ".sqlite3": "sqlite",
                  ".db": "sqlite", ".parquet": "parquet", ".xlsx": "xlsx"}

def output_format(args: argparse.Namespace, allowed: Sequence[str] = ("jsonl", "csv", "parquet", "sqlite", "xlsx"),
            default: str = "jsonl") -> str:
    """The output format: --format, else -o's extension (an unknown one is refused, exit 2),
    else ``default`` (stdout, a pipe or a device). Checked before any work."""
    from .outputs import quote

    out = args.output
    excel = getattr(args, "excel", False)
    if args.format:
        fmt = str(args.format)
    elif out in (None, "-") or _is_special(out):
        fmt = "csv" if excel else default
    else:
        suffix = Path(out).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            known = ", ".join(sorted(k for k, v in SUFFIX_FORMATS.items() if v in allowed))
            raise UsageError(f"-o {quote(out)}: unknown extension {suffix or '(none)'!r}; name it {known} "
                             "or give --format")
        fmt = SUFFIX_FORMATS[suffix]
    if fmt not in allowed:
        raise UsageError(f"{args.command} does not write {fmt}; it writes {', '.join(allowed)}")
    if excel and fmt != "csv":
        raise UsageError(f"--excel makes a CSV with a byte-order mark; {fmt} has none (Excel opens .xlsx as it is)")
    if getattr(args, "append", False) and fmt != "sqlite":
        raise UsageError("--append adds to a SQLite database (-o reports.sqlite); other formats are written whole")
    if fmt == "xlsx" and importlib.util.find_spec("xlsxwriter") is None:
        raise UsageError("writing .xlsx needs XlsxWriter: pip install 'govreport-nlp[xlsx]'")
    return fmt


def _is_special(out: str) -> bool:
    """A FIFO, a device, a process substitution: no extension to read a format from."""
    import stat

    try:
        return not stat.S_ISREG(os.stat(out).st_mode)
    except OSError:
        return False


def file_sink(args: argparse.Namespace, fmt: str, make: Callable[[], Any]) -> Callable[[], Any]:
    """The sink of a format written to a file only, checked before any input is read."""
    if args.output in (None, "-"):
        raise UsageError(f"--format {fmt} needs -o FILE (it is not written to stdout)")
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise UsageError("writing Parquet needs pyarrow: pip install 'govreport-nlp[parquet]'")
    return make
