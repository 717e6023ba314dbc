"""Reports into one SQLite database, ready for Datasette, sqlite-utils or pandas.read_sql.

The standard library's sqlite3 does the job: five tables and their keys need no extra
dependency. Tables:

- ``reports``: one row per report (``id``, ``file``, title, issuer, report_year, published,
  kind, template, chars);
- ``facts``: one row per fact (the columns of ``Report.facts_table()``), ``report_id`` ->
  ``reports.id``; ``value`` is a REAL for sums and plots, ``value_exact`` the exact decimal
  as text beside it;
- ``entities``: ORG/GPE/DATE/MONEY/PERCENT/QUANTITY with offsets and values;
- ``table_cells``: the FOI template tables in long form (table_name, row, col, value);
- ``warnings``: table arithmetic warnings (kind ``table``), reading warnings (``read``) and
  places where the text contradicts its tables (``consistency``: ``expected`` the table's
  value, ``found`` the text's, ``code`` value or share).
"""

from __future__ import annotations

from typing import Optional

from ..models import FACT_COLUMNS, Report
from .table_out import SqliteFile

__all__ = ["SqliteOutput"]

_FACT_TEXT = [c for c in FACT_COLUMNS if c not in ("value", "value_high", "start", "end")]
_SCHEMA = f"""
CREATE TABLE reports (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL UNIQUE, title TEXT, issuer TEXT, report_year INTEGER,
    published TEXT, kind TEXT, template TEXT, chars INTEGER
);
CREATE TABLE facts (
    report_id INTEGER NOT NULL REFERENCES reports(id), {", ".join(f'"{c}" TEXT' for c in _FACT_TEXT)},
    value REAL, value_exact TEXT, value_high REAL, value_high_exact TEXT, start INTEGER, "end" INTEGER,
    PRIMARY KEY (report_id, id)
);
CREATE TABLE entities (
    report_id INTEGER NOT NULL REFERENCES reports(id), label TEXT, text TEXT, start INTEGER, "end" INTEGER,
    value TEXT, relation TEXT
);
CREATE TABLE table_cells (
    report_id INTEGER NOT NULL REFERENCES reports(id), table_name TEXT, "row" TEXT, col TEXT, value REAL,
    value_exact TEXT, start INTEGER, "end" INTEGER, note TEXT, PRIMARY KEY (report_id, table_name, "row", col)
);
CREATE TABLE warnings (
    report_id INTEGER NOT NULL REFERENCES reports(id), kind TEXT, table_name TEXT, "row" TEXT, col TEXT,
    expected REAL, found REAL, code TEXT, message TEXT
);
CREATE INDEX facts_subject ON facts(subject);
CREATE INDEX entities_label ON entities(label, text);
"""


def _real(value: Optional[str]) -> Optional[float]:
    return None if value is None else float(value)


class SqliteOutput(SqliteFile):
    """The five tables of every report in one new database (see the module's docstring)."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.db.executescript(_SCHEMA)

    def write(self, source: str, report: Report) -> None:
        """Add one report and everything extracted from it."""
        cur = self.db.execute(
            "INSERT INTO reports (file, title, issuer, report_year, published, kind, template, chars) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (source, report.title, report.issuer, report.report_year, report.published, report.kind,
             report.template, report.chars))
        rid = cur.lastrowid
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
        warnings = [(rid, "table", w.table, w.row, w.column, w.expected, w.found, None, w.message)
                    for w in report.warnings]
        warnings += [(rid, "read", None, None, None, None, None, w.code, w.message) for w in report.read_warnings]
        # The text against its tables: expected is the table's value, found the text's.
        warnings += [(rid, "consistency", w.table, w.row, w.column, w.table_value, w.text_value, w.code, w.message)
                     for w in report.consistency_warnings]
        self.db.executemany(
            'INSERT INTO warnings (report_id, kind, table_name, "row", col, expected, found, code, message) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", warnings)
