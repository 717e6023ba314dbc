"""A manifest: the list of files a corpus comes with, and what is known of each.

``--manifest files.csv`` is a CSV (UTF-8, a BOM allowed) with a column ``path`` and any
of ``issuer``, ``year``, ``url``, ``published``; every other column is kept in ``meta``.
A non-empty cell overrides what was read from the text (a PDF's letterhead is no issuer),
in every output: ``issuer``, ``year`` and ``published`` go into the extraction of the file
(``Manifest.known``: the report's year anchors its relative dates, so it must be known
before the run, not patched after it) and are part of its cache key; ``url`` and ``meta``
(a JSON object) are two more report columns. ``published`` is a date as 2024-01-31,
2024/1/31, 2024.01.31 or 2024年1月31日, kept as an ISO date.

A row names its file by a path relative to the manifest's folder (or absolute); a file
the manifest does not name keeps what was read from it. A manifest naming a file twice,
with no ``path`` column or with a year that is no year is refused before any work.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import re
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import InputError
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

    def known(self, source: str) -> dict[str, Any]:
        """What the manifest knows of the input ``source``: its non-empty ``issuer``,
        ``report_year`` and ``published``, as ``extract_file`` takes them ({} for a file the
        manifest does not name)."""
        row = self.row(source) or {}
        return {k: row[k] for k in ("report_year", "issuer", "published") if row.get(k) is not None}

    def extra(self, source: str) -> dict[str, Optional[str]]:
        """The two report columns a manifest adds: ``url`` and ``meta`` (JSON text, or None)."""
        row = self.row(source) or {}
        meta = row.get("meta")
        return {"url": row.get("url"), "meta": json.dumps(meta, ensure_ascii=False) if meta else None}


# A date as catalogues write it: 2024-01-31, 2024/1/31, 2024.01.31, 2024年1月31日.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _iso_date(value: str) -> Optional[str]:
    """``value`` as an ISO date, or None when it is no valid date.

    >>> _iso_date("2024年1月5日"), _iso_date("2024/02/30")
    ('2024-01-05', None)
    """
    m = _DATE.fullmatch(value.strip())
    if m is None:
        return None
    try:
        return datetime.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


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
        published = None
        if cells.get("published"):
            published = _iso_date(cells["published"])
            if published is None:
                raise ManifestError(f"--manifest {name}, line {number}: published {cells['published']!r} is no "
                                    "date; write it as 2024-01-31 (or 2024/1/31, 2024年1月31日)")
        rows[key] = {"issuer": cells.get("issuer") or None, "report_year": year,
                     "published": published, "url": cells.get("url") or None,
                     "meta": {k: v for k, v in cells.items() if k not in MANIFEST_COLUMNS and v}}
    return Manifest(rows, name)
