"""One long table across reports: what researchers build to compare bodies and years.

``panel(paths)`` reads every report and returns one row per template-table cell and per
narrative fact, with the report's issuer, year and kind on every row::

    file  issuer  report_year  kind  source  table  row  column  subject  value  value_exact
    unit  change  time  text  table_cell  consistency

``source`` is ``table`` for a cell of the FOI template tables (表二/表三/表四; ``table``,
``row``, ``column`` name it) and ``fact`` for a fact of the text (``subject`` names it,
``column`` the column of a table cell read as a fact). ``value`` is a float for plots and
sums, ``value_exact`` the exact number as printed. ``table_cell`` names the template cell
a fact of the text restates (``table3/予以公开/总计``), and ``consistency`` says where the
text and its table disagree (on the fact's row and on the cell's), else it is empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from ..models import Report

__all__ = ["PANEL_COLUMNS", "panel", "panel_rows"]

PANEL_COLUMNS = ("file", "issuer", "report_year", "kind", "source", "table", "row", "column", "subject",
                 "value", "value_exact", "unit", "change", "time", "text", "table_cell", "consistency")


def panel_rows(source: str, report: Report) -> Iterator[dict[str, Any]]:
    """The panel rows of one report: its template cells, then its facts."""
    from ..rules.tables import money_columns

    head = {"file": source, "issuer": report.issuer, "report_year": report.report_year, "kind": report.kind}
    by_fact: dict[str, list[str]] = {}
    by_cell: dict[tuple[str, str, str], list[str]] = {}
    for w in report.consistency_warnings:
        by_fact.setdefault(w.fact_id, []).append(w.message)
        by_cell.setdefault((w.table, w.row, w.column), []).append(w.message)
    for table, rows in (report.template_tables or {}).items():
        for row, cells in rows.items():
            for column, value in cells.items():
                yield {**head, "source": "table", "table": table, "row": row, "column": column, "subject": None,
                       "value": float(value), "value_exact": str(value),
                       "unit": "万元" if column in money_columns() else "", "change": None, "time": None, "text": None,
                       "table_cell": None, "consistency": "; ".join(by_cell.get((table, row, column), [])) or None}
    for fact in report.facts:
        q = fact.quantity
        ref = fact.table_cell
        yield {**head, "source": "fact", "table": None, "row": None, "column": fact.column, "subject": fact.subject,
               "value": float(q.value), "value_exact": str(q.value), "unit": q.unit, "change": fact.change,
               "time": fact.as_of or fact.period, "text": q.text,
               "table_cell": None if ref is None else f"{ref.table}/{ref.row}/{ref.column}",
               "consistency": "; ".join(by_fact.get(fact.id, [])) or None}


def panel(paths: Iterable[Union[str, Path]], *, jobs: int = 1, report_year: Optional[int] = None) -> Any:
    """A pandas DataFrame of :data:`PANEL_COLUMNS` over the reports at ``paths`` (files or
    folders, read recursively). Reports that cannot be read are left out, each with a
    warning (``warnings.warn``). Needs pandas: ``pip install 'govreport-nlp[pandas]'``."""
    import warnings

    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("panel() needs pandas: pip install 'govreport-nlp[pandas]'") from e
    from ..readers import folder_files
    from .batch import extract_many

    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, notes = folder_files(path)  # links out of the folder are not followed
            for note in notes:
                warnings.warn(f"panel: {note}", stacklevel=2)
            files.extend(found)
        else:
            files.append(str(path))
    rows: list[dict[str, Any]] = []
    for result in extract_many(files, jobs=jobs, report_year=report_year):
        if result.report is None:
            warnings.warn(f"panel: skipped {result.source}: {result.error}", stacklevel=2)
            continue
        rows.extend(panel_rows(result.source, result.report))
    frame = pd.DataFrame(rows, columns=list(PANEL_COLUMNS))
    frame["value"] = frame["value"].astype("float64")
    frame["report_year"] = frame["report_year"].astype("Int64")
    return frame
