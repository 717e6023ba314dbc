"""The SQLite writer keeps every kind of warning: exact numbers (Decimal) become REALs."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from govreport_nlp import extract
from govreport_nlp.models import TableWarning
from govreport_nlp.runners.sqlite_out import SqliteOutput

DATA = Path(__file__).parent / "data"


def test_sqlite_out_writes_table_and_consistency_warnings(tmp_path, nlp):
    # huaian's FOI report of 2024 says it received 3119 requests; its 表三 says so too. The text
    # is made to say 3118, so the report contradicts its table (a consistency warning), and a
    # table warning of the template's arithmetic is added as the table rules report them.
    text = (DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    assert "申请 3119 件" in text
    report = extract(text.replace("申请 3119 件", "申请 3118 件", 1), nlp=nlp)
    assert [(w.table_value, w.text_value) for w in report.consistency_warnings] == [(Decimal("3119"), Decimal("3118"))]
    report = report.model_copy(update={"warnings": [TableWarning(
        table="table3", row="总计", column="总计", expected=Decimal("3050.5"), found=Decimal("3050"),
        message="总计 is not the sum of its rows")]})
    out = SqliteOutput(str(tmp_path / "reports.sqlite"))
    out.write("huaian.txt", report)
    out.commit()
    db = sqlite3.connect(tmp_path / "reports.sqlite")
    rows = db.execute("SELECT kind, expected, found, code FROM warnings ORDER BY kind").fetchall()
    db.close()
    assert rows == [("consistency", 3119.0, 3118.0, "value"), ("table", 3050.5, 3050.0, None)]


def test_sqlite_out_every_table_has_a_primary_key_and_every_foreign_key_an_index(tmp_path, nlp):
    # sqlite-utils' discipline: Datasette and joins rely on both.
    report = extract((DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8"), nlp=nlp)
    out = SqliteOutput(str(tmp_path / "reports.sqlite"))
    out.write("huaian.txt", report)
    out.commit()
    db = sqlite3.connect(tmp_path / "reports.sqlite")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'facts_fts%'")]
    assert sorted(tables) == ["entities", "facts", "reports", "table_cells", "warnings"]
    for table in tables:
        assert any(col[5] for col in db.execute(f"PRAGMA table_info({table})")), f"{table} has no primary key"
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            column = fk[3]
            indexed = [db.execute(f"PRAGMA index_info({ix[1]})").fetchall()[0][2]
                       for ix in db.execute(f"PRAGMA index_list({table})")]
            primary_first = [c[1] for c in db.execute(f"PRAGMA table_info({table})") if c[5] == 1]
            assert column in indexed or column in primary_first, f"{table}.{column} has no index"
    assert db.execute("SELECT count(*) FROM facts").fetchone()[0] == len(report.facts)
    assert db.execute("SELECT count(*) FROM table_cells").fetchone()[0] == len(report.cells())
    db.close()
