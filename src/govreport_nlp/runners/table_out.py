"""One flat table of rows to Parquet or to a SQLite table, written whole or not at all.

The CLI writes its long tables (the facts of ``extract``, the ``panel``) as CSV, and with
``-o rows.parquet`` / ``-o rows.sqlite`` as typed columns: numbers stay numbers, exact
decimals stay text beside them. Both sinks write under a temporary name beside the
target and rename it on :meth:`commit`, as every output of the CLI does.

Parquet is written by pyarrow (``pip install 'govreport-nlp[parquet]'``), in row groups
of :data:`ROW_GROUP` rows, so that memory stays bounded on any number of reports; SQLite
by the standard library.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..models import Report
from .outputs import AtomicPath

__all__ = ["ColumnTypes", "ParquetTable", "ROW_GROUP", "SqliteFile", "SqliteTable"]

# Column name -> "str", "float", "int" or "decimal" (an exact number: decimal128 in
# Parquet, its text in SQLite).
ColumnTypes = dict[str, str]
Rows = Callable[[str, Report], Iterable[dict[str, Any]]]
ROW_GROUP = 10_000
_SQL = {"str": "TEXT", "float": "REAL", "int": "INTEGER", "decimal": "TEXT"}
# decimal128(38, 12): 26 digits before the point (10^26 元 is far past any budget), 12 after.
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 12
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)


def _typed(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "decimal":
        exact = Decimal(str(value))
        fitted = exact.quantize(_QUANTUM)
        if fitted != exact or fitted.adjusted() >= DECIMAL_PRECISION - DECIMAL_SCALE:
            return None  # past 12 decimals or 10^26: no such number in a report; the float column keeps it
        return fitted
    return str(value)


def _sql(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


class ParquetTable:
    """Rows of every report into one Parquet file with the given column types."""

    def __init__(self, path: str, columns: ColumnTypes, rows: Rows) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:
            raise ImportError("writing Parquet needs pyarrow: pip install 'govreport-nlp[parquet]'") from e
        self._pa, self._pq = pa, pq
        self.target = Path(path)
        self.columns = columns
        self.rows = rows
        types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(),
                 "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE)}
        self.schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
        self.atomic = AtomicPath(path)  # short name, removed on any exit but commit (outputs.py)
        self.tmp = self.atomic.tmp
        try:
            self.writer: Optional[Any] = pq.ParquetWriter(self.tmp, self.schema)
        except BaseException:
            self.atomic.remove()
            raise
        self.pending: list[dict[str, Any]] = []

    def write(self, source: str, report: Report) -> None:
        """Add the rows of one report."""
        self.pending.extend(self.rows(source, report))
        if len(self.pending) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self.pending or self.writer is None:
            return
        data = {name: [_typed(r.get(name), kind) for r in self.pending] for name, kind in self.columns.items()}
        self.writer.write_table(self._pa.table(data, schema=self.schema))
        self.pending = []

    def commit(self) -> None:
        """Finish the file and move it to its name."""
        self._flush()
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        self.atomic.finish()

    def discard(self) -> None:
        """Drop the partial file."""
        if self.writer is not None:
            try:
                self.writer.close()
            except OSError:  # a full disk: the file goes anyway
                pass
            self.writer = None
        self.atomic.remove()


class SqliteFile:
    """A new SQLite database written under a temporary name beside ``path`` and renamed
    when :meth:`commit` is called, so a stopped batch never leaves half a database."""

    def __init__(self, path: str) -> None:
        self.target = Path(path)
        self.atomic = AtomicPath(path)  # short name, removed on any exit but commit (outputs.py)
        self.tmp = self.atomic.tmp
        try:
            self.db = sqlite3.connect(self.tmp)
        except BaseException:
            self.atomic.remove()
            raise

    def commit(self) -> None:
        """Finish the database and move it to its name."""
        self.db.commit()
        self.db.close()
        self.atomic.finish()

    def discard(self) -> None:
        """Drop the partial database."""
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        self.atomic.remove()


class SqliteTable(SqliteFile):
    """Rows of every report into one table of a new SQLite database."""

    def __init__(self, path: str, table: str, columns: ColumnTypes, rows: Rows) -> None:
        super().__init__(path)
        self.columns = columns
        self.rows = rows
        declared = ", ".join(f'"{name}" {_SQL[kind]}' for name, kind in columns.items())
        self.db.execute(f'CREATE TABLE "{table}" ({declared})')
        quoted = ", ".join(f'"{name}"' for name in columns)
        self.insert = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'

    def write(self, source: str, report: Report) -> None:
        """Add the rows of one report."""
        self.db.executemany(self.insert, ([_sql(_typed(r.get(name), kind)) for name, kind in self.columns.items()]
                                          for r in self.rows(source, report)))
