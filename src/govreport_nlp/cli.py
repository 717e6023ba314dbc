"""The ``govreport-nlp`` command line.

    govreport-nlp download                       fetch and verify the pkuseg model
    govreport-nlp extract PATH... [-o OUT] [--format jsonl|csv]

PATH is a file, a folder (read recursively for .txt files) or ``-`` for standard input.
A file that cannot be read or processed is reported on stderr and skipped; the others
are still written, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import IO, Iterator, Optional, Sequence

from .models import FACT_COLUMNS

__all__ = ["main"]

CSV_COLUMNS = ["file", *FACT_COLUMNS]
TEXT_SUFFIXES = (".txt", ".text", ".md")


def _inputs(paths: Sequence[str]) -> Iterator[str]:
    """Expand folders (recursively, sorted) into their text files; keep files and ``-``."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield str(child)
        else:
            yield raw


def _read(name: str) -> str:
    from .api import decode

    if name == "-":
        return decode(sys.stdin.buffer.read())
    return decode(Path(name).read_bytes())


def _open_out(out: Optional[str]) -> IO[str]:
    if out is None or out == "-":
        return sys.stdout
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return open(out, "w", encoding="utf-8", newline="")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .api import extract

    names = list(_inputs(args.paths))
    if not names:
        print("govreport-nlp: no input files found", file=sys.stderr)
        return 1
    failed = 0
    progress = None
    if len(names) > 1 and not args.quiet:
        from tqdm import tqdm

        progress = tqdm(total=len(names), unit="file", file=sys.stderr)
    out = _open_out(args.output)
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS) if args.format == "csv" else None
    if writer is not None:
        writer.writeheader()
    try:
        for name in names:
            try:
                report = extract(_read(name), report_year=args.report_year)
            except Exception as e:  # one bad file must not stop the batch
                failed += 1
                print(f"govreport-nlp: skipped {name}: {type(e).__name__}: {e}", file=sys.stderr)
            else:
                if writer is not None:
                    for row in report.facts_table():
                        writer.writerow({"file": name, **{k: row.get(k) for k in CSV_COLUMNS if k != "file"}})
                else:
                    record = {"file": name, **report.model_dump(mode="json")}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
            if progress is not None:
                progress.update(1)
    finally:
        if progress is not None:
            progress.close()
        if out is not sys.stdout:
            out.close()
    if failed:
        print(f"govreport-nlp: {failed} of {len(names)} file(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _cmd_download(args: argparse.Namespace) -> int:
    from .errors import GovReportError
    from .resources import download_model

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
    p.set_defaults(func=_cmd_extract)

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
