"""The ``govreport-nlp`` command line.

    govreport-nlp download                       fetch and verify the pkuseg model
    govreport-nlp extract PATH... [-o OUT] [--format jsonl|csv]
    govreport-nlp tables PATH... [-o tables.csv]   the FOI template tables, one row per report
    govreport-nlp render FILE -o report.html       the report with its extraction marked

PATH is a file (.txt, .html, .pdf), a folder (read recursively) or ``-`` for standard input.
A file that cannot be read or processed is reported on stderr and skipped; the others
are still written, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterator, Optional, Sequence

from ..readers.files import SUFFIXES, decode
from ..models import FACT_COLUMNS, Report

if TYPE_CHECKING:
    from .batch import BatchResult

__all__ = ["main"]

CSV_COLUMNS = ["file", *FACT_COLUMNS]


def _inputs(paths: Sequence[str]) -> Iterator[str]:
    """Expand folders (recursively, sorted) into their text files; keep files and ``-``."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield str(child)
        else:
            yield raw


def _extract(name: str, report_year: Optional[int]) -> Report:
    from ..api import extract, extract_file

    if name == "-":
        return extract(decode(sys.stdin.buffer.read()), report_year=report_year)
    return extract_file(name, report_year=report_year)


def _open_out(out: Optional[str]) -> IO[str]:
    if out is None or out == "-":
        return sys.stdout
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return open(out, "w", encoding="utf-8", newline="")


def _results(args: argparse.Namespace, names: list[str]) -> Iterator["BatchResult"]:
    """One result per input, in order, with a progress bar when there are several."""
    from .batch import BatchResult, extract_many

    files = [n for n in names if n != "-"]
    progress = None
    if len(names) > 1 and not args.quiet:
        from tqdm import tqdm

        progress = tqdm(total=len(names), unit="file", file=sys.stderr)
    try:
        done = iter(extract_many(files, jobs=args.jobs, report_year=args.report_year))
        for name in names:
            if name == "-":
                try:
                    result = BatchResult(source="-", report=_extract("-", args.report_year))
                except Exception as e:  # stdin that cannot be read is one failed document
                    result = BatchResult(source="-", error=f"{type(e).__name__}: {e}")
            else:
                result = next(done)
            if progress is not None:
                progress.update(1)
            yield result
    finally:
        if progress is not None:
            progress.close()


def _run_batch(args: argparse.Namespace, start: Callable[[IO[str]], Callable[[str, Report], None]]) -> int:
    """Process every input and hand each report to the writer ``start(out)`` returns.

    A document that fails is reported on stderr and skipped; the exit code is 1 then.
    """
    names = list(_inputs(args.paths))
    if not names:
        print("govreport-nlp: no input files found", file=sys.stderr)
        return 1
    failed = 0
    out = _open_out(args.output)
    try:
        write = start(out)
        for result in _results(args, names):
            if result.report is None:
                failed += 1
                print(f"govreport-nlp: skipped {result.source}: {result.error}", file=sys.stderr)
                continue
            write(result.source, result.report)
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"govreport-nlp: {failed} of {len(names)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _cmd_extract(args: argparse.Namespace) -> int:
    def start(out: IO[str]) -> Callable[[str, Report], None]:
        if args.format == "csv":
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            return lambda source, report: writer.writerows({"file": source, **row} for row in report.facts_table())

        def write_json(source: str, report: Report) -> None:
            record = {"file": source, **report.model_dump(mode="json", exclude={"text", "source"})}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

        return write_json

    return _run_batch(args, start)


def _cmd_tables(args: argparse.Namespace) -> int:
    from ..rules.tables import cell_columns, flatten

    columns = ["file", "issuer", "report_year", "template", "warnings", "warning_details", *cell_columns()]

    def start(out: IO[str]) -> Callable[[str, Report], None]:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()

        def write_row(source: str, report: Report) -> None:
            details = "; ".join(
                f"{w.table}/{w.row}/{w.column}: {w.message}"
                + (f" (expected {w.expected:g}, found {w.found:g})" if w.expected is not None else "")
                for w in report.warnings)
            writer.writerow({"file": source, "issuer": report.issuer, "report_year": report.report_year,
                             "template": report.template, "warnings": len(report.warnings),
                             "warning_details": details, **flatten(report.template_tables)})

        return write_row

    return _run_batch(args, start)


def _cmd_render(args: argparse.Namespace) -> int:
    from .render import render_html

    from ..api import extract, extract_file

    try:
        if args.path == "-":
            text = decode(sys.stdin.buffer.read())
            report = extract(text, report_year=args.report_year)
        else:
            report = extract_file(args.path, report_year=args.report_year)
            text = report.text or ""
    except Exception as e:
        print(f"govreport-nlp: cannot render {args.path}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    out = _open_out(args.output)
    try:
        out.write(render_html(text, report))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


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
    parser = argparse.ArgumentParser(prog="govreport-nlp", description="Facts from Chinese government reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract facts from files, folders or stdin")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursive) or - for stdin")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                   help="jsonl: one report per line; csv: one row per fact")
    p.add_argument("--report-year", type=int, default=None, help="override the report year")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (0: one per core)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("tables", help="the FOI template tables, one row per report, every cell a column")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (recursive) or - for stdin")
    p.add_argument("-o", "--output", help="output csv (default: stdout)")
    p.add_argument("--report-year", type=int, default=None, help="override the report year")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (0: one per core)")
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("render", help="an HTML page of a report with headings, entities and facts marked")
    p.add_argument("path", metavar="FILE", help="a report file, or - for stdin")
    p.add_argument("-o", "--output", help="output html (default: stdout)")
    p.add_argument("--report-year", type=int, default=None, help="override the report year")
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser("download", help="fetch and verify the pkuseg segmentation model")
    p.add_argument("--force", action="store_true", help="fetch again even if cached")
    p.set_defaults(func=_cmd_download)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
