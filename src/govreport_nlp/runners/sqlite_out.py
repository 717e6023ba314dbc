"""Reports into one SQLite database, ready for Datasette, sqlite-utils or pandas.read_sql.

The standard library's sqlite3 does the job with the discipline sqlite-utils keeps: every
table has a primary key, every foreign key an index, full-text search is an FTS5 table
named ``facts_fts`` over the facts' ``subject`` and ``sentence`` (``content=[facts]``, kept
by triggers; Datasette finds it and offers a search box). Its tokenizer is ``trigram``:
Chinese has no spaces, so a query of three characters or more matches anywhere
(``SELECT * FROM facts WHERE fid IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH
'一般公共预算')``); ``LIKE '%预算%'`` works for shorter ones. Tables:

- ``reports``: one row per report (``id``, ``file``, ``sha256`` of the file's bytes, title,
  issuer, report_year, published, kind, template, chars);
- ``facts``: one row per fact (``fid``; the columns of ``Report.facts_table()``),
  ``report_id`` -> ``reports.id``; ``value`` is a REAL for sums and plots, ``value_exact``
  the exact decimal as text beside it;
- ``entities``: ORG/GPE/DATE/MONEY/PERCENT/QUANTITY with offsets and values;
- ``table_cells``: the FOI template tables in long form (table_name, row, col, value);
- ``warnings``: table arithmetic warnings (kind ``table``), reading warnings (``read``) and
  places where the text contradicts its tables (``consistency``: ``expected`` the table's
  value, ``found`` the text's, ``code`` value or share).

``--append`` (``SqliteOutput(path, append=True)``) copies the existing database to the
temporary name, adds the files it does not hold (same name and same ``sha256``: skipped;
same name, new content: its rows replaced) and renames it back, so a stopped append
leaves the old database as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from typing import Callable, Optional, Union

from ..models import FACT_COLUMNS, Report
from .outputs import UsageError, quote
from .table_out import SqliteFile

__all__ = ["SqliteOutput"]

_FACT_TEXT = [c for c in FACT_COLUMNS if c not in ("value", "value_high", "start", "end")]
_SCHEMA = f"""
CREATE TABLE reports (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL UNIQUE, sha256 TEXT, title TEXT, issuer TEXT, report_year INTEGER,
    published TEXT, kind TEXT, template TEXT, chars INTEGER
);
CREATE TABLE facts (
    fid INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id),
    {", ".join(f'"{c}" TEXT' for c in _FACT_TEXT)},
    value REAL, value_exact TEXT, value_high REAL, value_high_exact TEXT, start INTEGER, "end" INTEGER,
    UNIQUE (report_id, id)
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), label TEXT, text TEXT,
    start INTEGER, "end" INTEGER, value TEXT, relation TEXT
);
CREATE TABLE table_cells (
    report_id INTEGER NOT NULL REFERENCES reports(id), table_name TEXT, "row" TEXT, col TEXT, value REAL,
    value_exact TEXT, start INTEGER, "end" INTEGER, note TEXT, PRIMARY KEY (report_id, table_name, "row", col)
);
CREATE TABLE warnings (
    id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), kind TEXT, table_name TEXT,
    "row" TEXT, col TEXT, expected REAL, found REAL, code TEXT, message TEXT
);
CREATE INDEX facts_report_id ON facts(report_id);
CREATE INDEX facts_subject ON facts(subject);
CREATE INDEX entities_report_id ON entities(report_id);
CREATE INDEX entities_label ON entities(label, text);
CREATE INDEX table_cells_report_id ON table_cells(report_id);
CREATE INDEX warnings_report_id ON warnings(report_id);
CREATE INDEX reports_sha256 ON reports(sha256);
CREATE VIRTUAL TABLE facts_fts USING fts5(subject, sentence, content=[facts], content_rowid=[fid],
                                          tokenize='trigram');
CREATE TRIGGER facts_ai AFTER INSERT ON facts BEGIN
    INSERT INTO facts_fts (rowid, subject, sentence) VALUES (new.fid, new.subject, new.sentence);
END;
CREATE TRIGGER facts_ad AFTER DELETE ON facts BEGIN
    INSERT INTO facts_fts (facts_fts, rowid, subject, sentence) VALUES ('delete', old.fid, old.subject, old.sentence);
END;
"""
# Every table the schema makes (FTS5's own included): a database of only these is ours.
TABLES = {"reports", "facts", "entities", "table_cells", "warnings", "facts_fts", "facts_fts_data",
          "facts_fts_idx", "facts_fts_docsize", "facts_fts_config"}


def _real(value: Union[str, Decimal, None]) -> Optional[float]:
    """An exact number as SQLite's REAL: sqlite3 binds no Decimal, and REAL is what sums and
    plots read (the exact text is kept beside it where the table has a ``*_exact`` column)."""
    return None if value is None else float(value)


class SqliteOutput(SqliteFile):
    """The five tables of every report in one database (see the module's docstring)."""

    def __init__(self, path: str, *, append: bool = False,
                 extra: Optional[Callable[[str], dict[str, Optional[str]]]] = None) -> None:
        super().__init__(path)
        self.extra = extra  # --manifest: url and meta of a file, as two more columns of reports
        self.digests: dict[str, str] = {}
        self.known: dict[str, Optional[str]] = {}
        try:
            if append and self.target.is_file() and self.target.stat().st_size:
                self.db.close()
                shutil.copyfile(self.target, self.tmp)
                self.db = sqlite3.connect(self.tmp)
                columns = {row[1] for row in self.db.execute("PRAGMA table_info(reports)")}
                names = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "sha256" not in columns or "facts_fts" not in names:
                    raise UsageError(f"-o {quote(path)} was written by an older version of govreport-nlp; "
                                     "--append needs a database this version wrote: write a new one")
                self.known = dict(self.db.execute("SELECT file, sha256 FROM reports"))
            else:
                self.db.executescript(_SCHEMA)
            if extra is not None:
                have = {row[1] for row in self.db.execute("PRAGMA table_info(reports)")}
                for column in ("url", "meta"):
                    if column not in have:
                        self.db.execute(f"ALTER TABLE reports ADD COLUMN {column} TEXT")
        except BaseException:
            self.discard()
            raise

    def have(self, source: str, digest: str) -> bool:
        """Whether the database already holds this file with this content (``--append``)."""
        return self.known.get(source) == digest

    def write(self, source: str, report: Report) -> None:
        """Add one report and everything extracted from it (replacing an older version of
        the same file in append mode)."""
        if source in self.known:
            old = [(row[0],) for row in self.db.execute("SELECT id FROM reports WHERE file = ?", (source,))]
            for table in ("facts", "entities", "table_cells", "warnings"):
                self.db.executemany(f"DELETE FROM {table} WHERE report_id = ?", old)
            self.db.executemany("DELETE FROM reports WHERE id = ?", old)
        cur = self.db.execute(
            "INSERT INTO reports (file, sha256, title, issuer, report_year, published, kind, template, chars) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, self.digests.get(source), report.title, report.issuer, report.report_year, report.published,
             report.kind, report.template, report.chars))
        rid = cur.lastrowid
        if self.extra is not None:
            more = self.extra(source)
            self.db.execute("UPDATE reports SET url = ?, meta = ? WHERE id = ?", (more["url"], more["meta"], rid))
        rows = []
        for row in report.facts_table():
            rows.append((rid, *(row[c] for c in _FACT_TEXT), _real(row["value"]), row["value"],
                         _real(row["value_high"]), row["value_high"], row["start"], row["end"]))
        columns = ", ".join(f'"{c}"' for c in _FACT_TEXT)
        self.db.executemany(
            f'INSERT OR IGNORE INTO facts (report_id, {columns}, value, value_exact, value_high, value_high_exact, '
            f'start, "end") VALUES ({", ".join("?" * (len(_FACT_TEXT) + 7))})', rows)
        self.db.executemany(
            'INSERT INTO entities (report_id, label, text, start, "end", value, relation) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(rid, e.label, e.text, e.start, e.end, e.value, e.relation) for e in report.entities])
        cells = [(rid, c.table, c.row, c.column, float(c.value), str(c.value), c.start, c.end, c.note)
                 for c in report.cells()]
        self.db.executemany(
            'INSERT OR IGNORE INTO table_cells (report_id, table_name, "row", col, value, value_exact, start, "end", '
            "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", cells)
        warnings: list[tuple[Optional[int], str, Optional[str], Optional[str], Optional[str], Optional[float],
                             Optional[float], Optional[str], str]]
        warnings = [(rid, "table", w.table, w.row, w.column, _real(w.expected), _real(w.found), None, w.message)
                    for w in report.warnings]
        warnings += [(rid, "read", None, None, None, None, None, w.code, w.message) for w in report.read_warnings]
        # The text against its tables: expected is the table's value, found the text's.
        warnings += [(rid, "consistency", w.table, w.row, w.column, _real(w.table_value), _real(w.text_value), w.code,
                      w.message)
                     for w in report.consistency_warnings]
        self.db.executemany(
            'INSERT INTO warnings (report_id, kind, table_name, "row", col, expected, found, code, message) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", warnings)
