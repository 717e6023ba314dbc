"""The ``govreport-nlp`` command line.

    govreport-nlp download                       fetch and verify the pkuseg model
    govreport-nlp extract PATH... [-o OUT] [--format jsonl|csv]
    govreport-nlp tables PATH... [-o tables.csv]   the FOI template tables, one row per report
    govreport-nlp render FILE -o report.html       the report with its extraction marked
    govreport-nlp compare OLD NEW -o diff.html     what changed between two years of one body

PATH is a file (.txt, .html, .pdf), a folder (read recursively) or ``-`` for standard input.
A file that cannot be read or processed is reported on stderr and skipped; the others
are still written, and the exit code is 1.

Outputs are written to a temporary file beside ``-o`` and renamed at the end, so a crash
never leaves half a file under the final name; an output that is one of the inputs, lies
inside an input folder or is a directory is refused before anything is read or written
(exit 2). Without ``--format``, the format follows ``-o``'s extension (``.jsonl``, ``.csv``,
``.sqlite``/``.db``, ``.parquet``, ``.xlsx``); any other extension is refused (exit 2).
Each file's Report is kept in the parse cache by content hash (runners/cache.py), so a
second output, a rerun or a resumed batch reads it; ``--no-cache`` turns it off.
CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, and not a signed number such as ``-3.2%``) get
a leading ``'``, as spreadsheet-safe exporters do; ``--raw-csv`` writes them as they are.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import sqlite3
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional, Sequence

from ..errors import GovReportError
from ..models import FACT_COLUMNS, Report
from .formats import file_sink as _file_sink, output_format as _format
from .outputs import TextOutput, UsageError, check_output, cleanup, one_line, write_error
from .compare_cmd import add_compare_parser
from .render_cmd import cmd_render

if TYPE_CHECKING:
    from .batch import BatchResult
    from .cache import ReportCache
    from .inputs import Plan
    from .manifest import Manifest

__all__ = ["main"]

# The report's own columns first, so that a row of the facts can be traced alone.
REPORT_COLUMNS = ["file", "title", "issuer", "report_year"]
CSV_COLUMNS = [*REPORT_COLUMNS, *FACT_COLUMNS]
# The typed columns of the Parquet and SQLite tables (the others are text).
_FACT_TYPES = {"report_year": "int", "value": "float", "value_high": "float", "start": "int", "end": "int",
               "value_exact": "decimal", "value_high_exact": "decimal"}
_PANEL_TYPES = {"report_year": "int", "value": "float"}
# The report columns a --manifest adds to every output (runners/manifest.py).
MANIFEST_EXTRA = ["url", "meta"]
_MANIFEST_HELP = ("a CSV of the inputs (columns path, issuer, year, url, published; any other column kept "
                  "as meta) whose values override what is read from the text, in every output")


# A cell beginning so is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed number with a unit after it (-3.2%, -1477万元, -3.84‰): data, not a formula.
_SIGNED_NUMBER = re.compile(r"[-+]\d[\d,.]*[^\s=+\-*/^&|!@()\"';:<>{}\[\]~`$#\\]*")


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` before a formula start.

    Numbers stay numbers (a negative growth rate is data, not a formula).

    >>> safe_cell("=SUM(A1:A9)"), safe_cell("@cmd"), safe_cell("-3.2"), safe_cell(-3.2), safe_cell("预算")
    ("'=SUM(A1:A9)", "'@cmd", '-3.2', -3.2, '预算')
    >>> safe_cell("-3.2%"), safe_cell("-1477万元"), safe_cell("-3.84‰"), safe_cell("-1+cmd|' /C calc'!A0")
    ('-3.2%', '-1477万元', '-3.84‰', "'-1+cmd|' /C calc'!A0")
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if _SIGNED_NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


def _open_out(out: Optional[str]) -> tuple[IO[str], Optional[TextOutput]]:
    if out is None or out == "-":
        return sys.stdout, None
    target = TextOutput(out)
    return target.fh, target


def _results(args: argparse.Namespace, plan: "Plan") -> Iterator["BatchResult"]:
    """One result per input not skipped, in order, with a progress bar when there are several."""
    from .inputs import run_plan

    return run_plan(plan, jobs=args.jobs, quiet=args.quiet)


def _cache(args: argparse.Namespace) -> Optional["ReportCache"]:
    if getattr(args, "no_cache", False):
        return None
    from .cache import ReportCache, default_cache_dir

    return ReportCache(args.cache or default_cache_dir())


def _run_batch(args: argparse.Namespace, start: Optional[Callable[[IO[str]], Callable[[str, Report], None]]],
               *, sink: Optional[Callable[[], Any]] = None, fmt: Optional[str] = None) -> int:
    """Process every input and hand each report to the writer ``start(out)`` returns, or
    to the file sink ``sink()`` makes at ``-o`` (a database, a Parquet file: an object
    with ``write``, ``commit`` and ``discard``, and optionally ``have(source, digest)``
    for ``--append`` and ``digests``).

    Before any output is opened: the inputs are named and hashed, the parse cache is
    consulted, and the pipeline is loaded if any input needs it (a missing model is one
    error, before any work). Either output is written under a temporary name and renamed
    when complete. A document that fails is reported on stderr and skipped; exit code 1.
    """
    from .inputs import expand_inputs, plan_inputs

    # (the format, when known, says SQLite where -o's extension does not: --format sqlite -o x.bin)
    check_output(args.output, args.paths, database=sink is not None, sqlite=None if fmt is None else fmt == "sqlite")
    names = expand_inputs(args.paths)
    if not names:
        print("govreport-nlp: no input files found", file=sys.stderr)
        return 1
    failed = 0
    manifest = _manifest(args)
    try:
        if sink is not None:
            out, target = None, sink()
        else:
            out, target = _open_out(args.output)
    except (OSError, sqlite3.Error) as e:  # before any work: a full disk, a folder we may not write
        cleanup()
        raise write_error(args.output, e) from e
    try:
        plan = plan_inputs(names, _cache(args), args.report_year, getattr(target, "have", None),
                           None if manifest is None else manifest.known)
        if plan.needs_pipeline:
            from ..pipeline.build import load

            load()  # a missing model: one error here, not one per file
        if hasattr(target, "digests"):
            target.digests = plan.digests
        skipped = sum(p.skip for p in plan.items)
        if skipped:
            print(f"govreport-nlp: {skipped} file(s) already in -o {one_line(args.output)} with the same "
                  "content; not read again", file=sys.stderr)
        if out is not None and getattr(args, "excel", False):
            out.write("\ufeff")  # --excel: Excel reads a CSV as UTF-8 only after a BOM
        if out is None:
            write = target.write
        elif start is not None:
            write = start(out)
        else:  # a programming error: a text output needs its writer
            raise TypeError("_run_batch: a text output needs start")
        for result in _results(args, plan):
            if result.report is None:
                failed += 1
                print(f"govreport-nlp: skipped {one_line(result.source)}: {one_line(result.error or '')}",
                      file=sys.stderr)
                continue
            for warning in result.report.read_warnings:
                # A scan without OCR, a broken text layer: the user must hear of it.
                page = f" (page {warning.page})" if warning.page else ""
                print(f"govreport-nlp: {one_line(result.source)}{page}: {one_line(warning.message)}",
                      file=sys.stderr)
            write(result.source, result.report)
            if out is not None:
                out.flush()
        if target is not None:
            target.commit()
    except (OSError, sqlite3.Error) as e:
        if target is not None:
            target.discard()
        if isinstance(e, BrokenPipeError) or target is None:
            raise
        raise write_error(args.output, e) from e
    except BaseException:
        if target is not None:
            target.discard()
        raise
    if failed:
        print(f"govreport-nlp: {failed} of {len(names)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _fact_rows(source: str, report: Report) -> Iterator[dict[str, Any]]:
    """The facts of a report as rows that name their report (file, title, issuer, year)."""
    head = {"file": source, "title": report.title, "issuer": report.issuer, "report_year": report.report_year}
    return ({**head, **row, "value_exact": row["value"], "value_high_exact": row["value_high"]}
            for row in report.facts_table())


def _manifest(args: argparse.Namespace) -> Optional["Manifest"]:
    """The --manifest, read once (before any work: a bad one is refused, exit 2)."""
    if not getattr(args, "manifest", None):
        return None
    if getattr(args, "manifest_rows", None) is None:
        from .manifest import load_manifest

        args.manifest_rows = load_manifest(args.manifest)
    manifest: Manifest = args.manifest_rows
    return manifest


def _with_manifest(args: argparse.Namespace, rows: Callable[[str, Report], Iterable[dict[str, Any]]],
                   columns: list[str]) -> tuple[Callable[[str, Report], Iterable[dict[str, Any]]], list[str]]:
    """``rows`` and ``columns`` with the manifest's url and meta on every row, if there is one."""
    manifest = _manifest(args)
    if manifest is None:
        return rows, columns
    return (lambda source, report: ({**row, **manifest.extra(source)} for row in rows(source, report)),
            [*columns, *MANIFEST_EXTRA])


def _cmd_extract(args: argparse.Namespace) -> int:
    fmt = _format(args)
    cell = (lambda v: v) if args.raw_csv else safe_cell
    if fmt == "sqlite":
        from .sqlite_out import SqliteOutput

        options: dict[str, Any] = {"append": True} if args.append else {}
        manifest = _manifest(args)
        if manifest is not None:
            options["extra"] = manifest.extra
        return _run_batch(args, None, sink=_file_sink(args, fmt, lambda: SqliteOutput(args.output, **options)), fmt=fmt)
    if fmt == "xlsx":
        from .xlsx_out import EXTRACT_SHEETS, XlsxBook, extract_sheets

        sheets: Callable[[str, Report], dict[str, Iterable[dict[str, Any]]]] = extract_sheets
        book = EXTRACT_SHEETS
        manifest = _manifest(args)
        if manifest is not None:  # url and meta on the reports and facts sheets
            extra = manifest.extra
            book = {k: [*v, *MANIFEST_EXTRA] if k in ("reports", "facts") else v for k, v in book.items()}

            def with_extra(s: str, r: Report) -> dict[str, Iterable[dict[str, Any]]]:
                return {k: ([{**row, **extra(s)} for row in v] if k in ("reports", "facts") else v)
                        for k, v in extract_sheets(s, r).items()}

            sheets = with_extra
        return _run_batch(args, None, sink=_file_sink(args, fmt, lambda: XlsxBook(args.output, book, sheets)), fmt=fmt)
    if fmt == "parquet":
        from .table_out import ParquetTable

        rows, names = _with_manifest(args, _fact_rows, [*CSV_COLUMNS, "value_exact", "value_high_exact"])
        columns = {c: _FACT_TYPES.get(c, "str") for c in names}
        return _run_batch(args, None, sink=_file_sink(args, fmt, lambda: ParquetTable(args.output, columns, rows)), fmt=fmt)
    fact_rows, csv_columns = _with_manifest(args, _fact_rows, CSV_COLUMNS)
    manifest = _manifest(args)

    def start(out: IO[str]) -> Callable[[str, Report], None]:
        if fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=csv_columns)
            writer.writeheader()
            return lambda source, report: writer.writerows(
                {k: cell(row[k]) for k in csv_columns} for row in fact_rows(source, report))

        def write_json(source: str, report: Report) -> None:
            record = {"file": source, **report.model_dump(mode="json", exclude={"text", "source"})}
            if manifest is not None:
                record.update(url=manifest.extra(source)["url"], meta=(manifest.row(source) or {}).get("meta") or {})
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

        return write_json

    return _run_batch(args, start)


def _cmd_tables(args: argparse.Namespace) -> int:
    from ..rules.tables import cell_columns, flatten

    _format(args, ("csv",), "csv")
    columns = ["file", "issuer", "report_year", "template", "warnings", "warning_details",
               "consistency_warnings", "consistency_details", *cell_columns()]
    manifest = _manifest(args)
    if manifest is not None:
        columns[3:3] = MANIFEST_EXTRA

    cell = (lambda v: v) if args.raw_csv else safe_cell

    def start(out: IO[str]) -> Callable[[str, Report], None]:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()

        def write_row(source: str, report: Report) -> None:
            details = "; ".join(
                f"{w.table}/{w.row}/{w.column}: {w.message}"
                + (f" (expected {w.expected:g}, found {w.found:g})" if w.expected is not None else "")
                for w in report.warnings)
            row = {"file": source, "issuer": report.issuer, "report_year": report.report_year,
                   "template": report.template, "warnings": len(report.warnings),
                   "warning_details": details, "consistency_warnings": len(report.consistency_warnings),
                   "consistency_details": "; ".join(w.message for w in report.consistency_warnings),
                   **{str(key): value for key, value in flatten(report.template_tables).items()}, **({} if manifest is None else manifest.extra(source))}
            writer.writerow({k: cell(v) for k, v in row.items()})

        return write_row

    return _run_batch(args, start)


def _cmd_panel(args: argparse.Namespace) -> int:
    """One long table across reports (runners/panel.py): CSV, or Parquet or a SQLite table
    ``panel`` by -o's extension (or --format)."""
    from .panel import PANEL_COLUMNS, panel_rows

    fmt = _format(args, ("csv", "parquet", "sqlite", "xlsx"), "csv")
    rows, names = _with_manifest(args, panel_rows, list(PANEL_COLUMNS))
    if fmt == "xlsx":
        from .xlsx_out import XlsxBook

        return _run_batch(args, None, sink=_file_sink(args, fmt, lambda: XlsxBook(
            args.output, {"panel": names}, lambda s, r: {"panel": rows(s, r)}, numbers={"report_year", "value"})),
            fmt=fmt)
    if fmt in ("sqlite", "parquet"):
        from .table_out import ParquetTable, SqliteTable

        columns = {c: _PANEL_TYPES.get(c, "str") for c in names}
        make = ((lambda: SqliteTable(args.output, "panel", columns, rows)) if fmt == "sqlite"
                else (lambda: ParquetTable(args.output, columns, rows)))
        return _run_batch(args, None, sink=_file_sink(args, fmt, make), fmt=fmt)
    cell = (lambda v: v) if args.raw_csv else safe_cell

    def start(out: IO[str]) -> Callable[[str, Report], None]:
        writer = csv.DictWriter(out, fieldnames=names)
        writer.writeheader()
        return lambda source, report: writer.writerows(
            {k: cell(v) for k, v in row.items()} for row in rows(source, report))

    return _run_batch(args, start)


def _cmd_download(args: argparse.Namespace) -> int:
    from ..errors import GovReportError
    from ..segment.resources import download_model

    try:
        path = download_model(force=args.force)
    except GovReportError as e:
        print(f"govreport-nlp: {e}", file=sys.stderr)
        return 1
    print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    from .. import __version__

    parser = argparse.ArgumentParser(prog="govreport-nlp", description="Facts from Chinese government reports.")
    parser.add_argument("--version", action="version", version=f"govreport-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = _batch_parser(sub, "extract", "extract facts from files, folders or stdin", "output file (default: stdout)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "sqlite", "xlsx"), default=None,
                   help="jsonl: one report per line; csv or parquet: one row per fact; sqlite: tables reports, "
                        "facts, entities, table_cells, warnings (default: from -o's extension, "
                        ".csv/.parquet/.sqlite/.db/.xlsx/.jsonl; stdout: jsonl; any other extension is refused)")
    p.add_argument("--append", action="store_true",
                   help="add to an existing -o reports.sqlite the files it does not hold yet (a file whose "
                        "content changed replaces its rows)")
    p.set_defaults(func=_cmd_extract)

    p = _batch_parser(sub, "tables", "the FOI template tables, one row per report, every cell a column",
                      "output csv (default: stdout)")
    p.set_defaults(func=_cmd_tables)

    p = _batch_parser(sub, "panel", "one long table across reports: every template cell and fact with "
                                    "issuer, year and kind (to compare bodies and years)",
                      "output .csv (default: stdout), .parquet or .sqlite (a table named panel)")
    p.add_argument("--format", choices=("csv", "parquet", "sqlite", "xlsx"), default=None,
                   help="default: from -o's extension, else csv")
    p.set_defaults(func=_cmd_panel)

    p = sub.add_parser("render", help="an HTML page of a report with headings, entities and facts marked")
    p.add_argument("path", metavar="FILE", help="a report file, or - for stdin")
    p.add_argument("-o", "--output", help="output html, or a folder to write NAME.html in (default: stdout)")
    p.add_argument("--report-year", type=int, default=None, help="override the report year")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="the page's labels: zh (标题, 年度, 表二 ...; the default) or en")
    p.add_argument("--manifest", metavar="CSV", default=None, help=_MANIFEST_HELP)
    p.set_defaults(func=cmd_render)

    add_compare_parser(sub)

    p = sub.add_parser("download", help="fetch and verify the pkuseg segmentation model")
    p.add_argument("--force", action="store_true", help="fetch again even if cached")
    p.set_defaults(func=_cmd_download)
    return parser


def _batch_parser(sub: Any, name: str, help_text: str, output_help: str) -> argparse.ArgumentParser:
    """A subcommand over many reports, with the options every batch command takes."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursive) or - for stdin")
    p.add_argument("-o", "--output", help=output_help)
    p.add_argument("--excel", action="store_true",
                   help="CSV that Excel opens with the Chinese intact (UTF-8 with a BOM)")
    p.add_argument("--raw-csv", action="store_true",
                   help="write CSV cells as they are (no ' before a leading = + - @)")
    p.add_argument("--report-year", type=int, default=None, help="override the report year")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (0: one per core)")
    p.add_argument("--cache", metavar="DIR", default=None,
                   help="the parse cache: each file's report kept by content hash, so that another output, "
                        "a rerun or a resumed batch reads it instead of extracting again (default: "
                        "$GOVREPORT_NLP_CACHE, else reports/ in the model's cache folder)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the parse cache")
    p.add_argument("--manifest", metavar="CSV", default=None, help=_MANIFEST_HELP)
    p.set_defaults(format=None, append=False)
    return p


def _exit_on_sigterm() -> None:
    """SIGTERM ends the command as Ctrl-C does: outputs in progress are discarded (never a
    half file under the final name) and the worker processes end with it."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code (2 for a usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _exit_on_sigterm()
    try:
        _check_values(args)
        code: int = args.func(args)
        return code
    except UsageError as e:  # OutputError too: a full disk, a folder we may not write
        print(f"govreport-nlp: {one_line(str(e))}", file=sys.stderr)
        return 2
    except GovReportError as e:  # a missing model, say: one line that says what to do
        print(f"govreport-nlp: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `... | head`: the reader has gone; end quietly, as cat and grep do. stdout is
        # pointed at devnull so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    finally:
        cleanup()  # no temporary output outlives the command (an error, Ctrl-C, SIGTERM)


def _check_values(args: argparse.Namespace) -> None:
    jobs = getattr(args, "jobs", 1)
    if jobs is not None and jobs < 0:
        raise UsageError(f"-j {jobs}: give a number of worker processes, or 0 for one per core")
    year = getattr(args, "report_year", None)
    if year is not None and not 1949 <= year <= 2100:
        raise UsageError(f"--report-year {year}: give a year between 1949 and 2100")


if __name__ == "__main__":
    sys.exit(main())
