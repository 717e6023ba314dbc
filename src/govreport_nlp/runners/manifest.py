"""A manifest: the list of files a corpus comes with, and what is known of each.

``--manifest files.csv`` is a CSV (UTF-8, a BOM allowed) with a column ``path`` and any
of ``issuer``, ``year``, ``url``, ``published``; every other column is kept in ``meta``.
A non-empty cell overrides what was read from the text (a PDF's letterhead is no issuer),
in every output: ``issuer``, ``report_year`` and ``published`` on the report itself, and
``url`` and ``meta`` (a JSON object) as two more report columns.

A row names its file by a path relative to the manifest's folder (or absolute); a file
the manifest does not name keeps what was read from it. A manifest naming a file twice,
with no ``path`` column or with a year that is no year is refused before any work.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import InputError
from ..models import Report
from .outputs import UsageError, quote

__all__ = ["MANIFEST_COLUMNS", "Manifest", "ManifestError", "load_manifest"]

# The columns with a meaning of their own; any other is kept in meta.
MANIFEST_COLUMNS = ("path", "issuer", "year", "url", "published")


class ManifestError(UsageError, InputError):
    """The manifest cannot be read or is malformed (one line, exit 2 on the command line)."""


class Manifest:
    """The rows of a manifest, by the resolved path of the file each names."""

    def __init__(self, rows: dict[str, dict[str, Any]], name: str = "manifest") -> None:
        self.rows = rows
        self.name = name

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, source: str) -> Optional[dict[str, Any]]:
        """The manifest's row of the input ``source`` (as the batch names it), if any."""
        if source == "-":
            return None
        return self.rows.get(os.path.realpath(source))

    def apply(self, source: str, report: Report) -> Report:
        """``report`` with the manifest's issuer, year and published in place of those read."""
        row = self.row(source)
        if row is None:
            return report
        update = {k: row[k] for k in ("issuer", "report_year", "published") if row.get(k) is not None}
        return report.model_copy(update=update) if update else report

    def extra(self, source: str) -> dict[str, Optional[str]]:
        """The two report columns a manifest adds: ``url`` and ``meta`` (JSON text, or None)."""
        row = self.row(source) or {}
        meta = row.get("meta")
        return {"url": row.get("url"), "meta": json.dumps(meta, ensure_ascii=False) if meta else None}


def load_manifest(path: Union[str, Path]) -> Manifest:
    """Read the manifest CSV at ``path``; :class:`ManifestError` if it cannot be used."""
    name = quote(str(path))
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in reader.fieldnames or []]
            if "path" not in header:
                raise ManifestError(f"--manifest {name}: no column 'path' (columns: {', '.join(header) or 'none'})")
            reader.fieldnames = header
            lines = list(reader)
    except OSError as e:
        raise ManifestError(f"--manifest {name}: {e.strerror or e}") from e
    except (UnicodeDecodeError, csv.Error) as e:
        raise ManifestError(f"--manifest {name}: not a UTF-8 CSV ({e})") from e
    base = Path(path).parent
    rows: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines, start=2):
        cells = {k: (v or "").strip() for k, v in line.items() if k is not None}
        if not cells.get("path"):
            raise ManifestError(f"--manifest {name}, line {number}: the path is empty")
        key = os.path.realpath(base / cells["path"])
        if key in rows:
            raise ManifestError(f"--manifest {name}, line {number}: {quote(cells['path'])} is named twice")
        year: Optional[int] = None
        if cells.get("year"):
            try:
                year = int(cells["year"])
            except ValueError:
                year = 0
            if not 1949 <= year <= 2100:
                raise ManifestError(f"--manifest {name}, line {number}: year {cells['year']!r} is no year "
                                    "between 1949 and 2100")
        rows[key] = {"issuer": cells.get("issuer") or None, "report_year": year,
                     "published": cells.get("published") or None, "url": cells.get("url") or None,
                     "meta": {k: v for k, v in cells.items() if k not in MANIFEST_COLUMNS and v}}
    return Manifest(rows, name)
