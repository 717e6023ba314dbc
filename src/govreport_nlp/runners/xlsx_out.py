"""Reports into one Excel workbook (``-o facts.xlsx``), written by XlsxWriter.

XlsxWriter (``pip install 'govreport-nlp[xlsx]'``) writes row by row in its constant-memory
mode, so memory stays bounded on any number of reports; numbers are written as numbers
and every text as a string (never a formula, whatever it begins with: no guard needed,
none applied). The workbook is written under a temporary name beside ``-o`` and renamed
when complete, as every output of the CLI is.

``extract`` writes the sheets ``reports``, ``facts``, ``entities``, ``tables`` (the FOI
template cells) and ``warnings``; ``panel`` one sheet ``panel``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Iterable, Optional

from ..models import FACT_COLUMNS, Report
from .outputs import AtomicPath, OutputError, quote

__all__ = ["EXTRACT_SHEETS", "XlsxBook", "extract_sheets"]

# Excel's limit; a sheet that would pass it is an error naming the formats without one.
MAX_ROWS = 1_048_576
_NUMBERS = {"report_year", "value", "value_high", "start", "end", "chars", "expected", "found"}

EXTRACT_SHEETS: dict[str, list[str]] = {
    "reports": ["file", "title", "issuer", "report_year", "published", "kind", "template", "chars"],
    "facts": ["file", "title", "issuer", "report_year", *FACT_COLUMNS, "value_exact", "value_high_exact"],
    "entities": ["file", "label", "text", "start", "end", "value", "relation"],
    "tables": ["file", "table", "row", "column", "value", "start", "end", "note"],
    "warnings": ["file", "kind", "table", "row", "column", "expected", "found", "code", "message"],
}
Sheets = Callable[[str, Report], dict[str, Iterable[dict[str, Any]]]]


def extract_sheets(source: str, report: Report) -> dict[str, Iterable[dict[str, Any]]]:
    """The rows of one report on each sheet of :data:`EXTRACT_SHEETS`."""
    head = {"file": source, "title": report.title, "issuer": report.issuer, "report_year": report.report_year}
    warnings = [{"file": source, "kind": "table", "table": w.table, "row": w.row, "column": w.column,
                 "expected": w.expected, "found": w.found, "message": w.message} for w in report.warnings]
    warnings += [{"file": source, "kind": "read", "code": w.code, "message": w.message} for w in report.read_warnings]
    warnings += [{"file": source, "kind": "consistency", "table": w.table, "row": w.row, "column": w.column,
                  "expected": w.table_value, "found": w.text_value, "code": w.code, "message": w.message}
                 for w in report.consistency_warnings]
    return {
        "reports": [{**head, "published": report.published, "kind": report.kind, "template": report.template,
                     "chars": report.chars}],
        "facts": ({**head, **row, "value_exact": row["value"], "value_high_exact": row["value_high"]}
                  for row in report.facts_table()),
        "entities": ({"file": source, **e.model_dump()} for e in report.entities),
        "tables": ({"file": source, **c.model_dump()} for c in report.cells()),
        "warnings": warnings,
    }


class XlsxBook:
    """A workbook of the given sheets (name -> columns); ``sheets(source, report)`` gives
    each report's rows per sheet. ``numbers``: the columns written as numbers."""

    def __init__(self, path: str, columns: dict[str, list[str]], sheets: Sheets,
                 numbers: Optional[set[str]] = None) -> None:
        try:
            import xlsxwriter
        except ImportError as e:
            raise ImportError("writing .xlsx needs XlsxWriter: pip install 'govreport-nlp[xlsx]'") from e
        self.columns = columns
        self.sheets = sheets
        self.numbers = _NUMBERS if numbers is None else numbers
        self.atomic = AtomicPath(path, suffix=".xlsx")
        self.name = path
        try:
            # Text stays text: no formulas, URLs or numbers guessed from strings.
            self.book = xlsxwriter.Workbook(self.atomic.tmp, {
                "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                "strings_to_numbers": False, "tmpdir": str(self.atomic.target.parent)})
            bold = self.book.add_format({"bold": True})
            self.ws = {}
            self.next_row = {}
            for name, cols in columns.items():
                ws = self.book.add_worksheet(name)
                for j, col in enumerate(cols):
                    ws.write_string(0, j, col, bold)
                ws.freeze_panes(1, 0)
                self.ws[name] = ws
                self.next_row[name] = 1
        except BaseException:
            self.atomic.remove()
            raise

    def write(self, source: str, report: Report) -> None:
        """Add the rows of one report to every sheet."""
        for name, rows in self.sheets(source, report).items():
            ws, cols = self.ws[name], self.columns[name]
            for row in rows:
                i = self.next_row[name]
                if i >= MAX_ROWS:
                    raise OutputError(f"cannot write -o {quote(self.name)}: the sheet {name} passes Excel's "
                                      f"{MAX_ROWS:,} rows; write .sqlite or .parquet instead")
                for j, col in enumerate(cols):
                    value = row.get(col)
                    if value is None or value == "":
                        continue
                    if col in self.numbers and not isinstance(value, bool):
                        try:
                            ws.write_number(i, j, float(Decimal(str(value))))
                            continue
                        except (ArithmeticError, ValueError):
                            pass
                    ws.write_string(i, j, str(value))
                self.next_row[name] = i + 1

    def commit(self) -> None:
        """Finish the workbook and move it to its name."""
        try:
            self.book.close()
        except Exception as e:  # xlsxwriter wraps a full disk in its own exceptions
            self.atomic.remove()
            raise OutputError(f"cannot write -o {quote(self.name)}: {e}; nothing was written") from e
        self.atomic.finish()

    def discard(self) -> None:
        """Drop the partial workbook."""
        self.atomic.remove()
