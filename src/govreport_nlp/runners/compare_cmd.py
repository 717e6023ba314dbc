"""``govreport-nlp compare OLD NEW [-o diff.json|diff.html] [--lang zh|en]``.

Reads the two reports (through the parse cache, like every batch command), pairs their
template cells and facts (runners/compare.py) and writes the comparison as JSON (the
default; schema in docs/compare.schema.json) or as a page (``-o x.html`` or ``--format
html``). Exit 1 if a report cannot be read, 2 for a bad option or ``-o``, both before any
output is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional

from .outputs import TextOutput, UsageError, check_output, one_line, quote, write_error

__all__ = ["add_compare_parser", "cmd_compare"]

_SUFFIXES = {".json": "json", ".html": "html", ".htm": "html"}


def add_compare_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``compare`` subcommand, added to the command line's subparsers ``sub``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "compare", help="what changed between two reports of one body (cells by table/row/column, facts by "
                        "subject and unit): JSON, or an HTML page")
    p.add_argument("old", metavar="OLD", help="the earlier report")
    p.add_argument("new", metavar="NEW", help="the later report")
    p.add_argument("-o", "--output", help="output .json or .html (default: JSON on stdout)")
    p.add_argument("--format", choices=("json", "html"), default=None, help="default: from -o's extension, else json")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="the page's labels (html): zh or en")
    p.add_argument("--report-year", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--cache", metavar="DIR", default=None, help="the parse cache folder (see extract --help)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the parse cache")
    p.add_argument("--manifest", metavar="CSV", default=None,
                   help="a CSV of the inputs (path, issuer, year, url, published) overriding what is read")
    p.set_defaults(func=cmd_compare)
    return p


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output in (None, "-"):
        return "json"
    suffix = Path(args.output).suffix.lower()
    if suffix not in _SUFFIXES:
        raise UsageError(f"-o {quote(args.output)}: unknown extension {suffix or '(none)'!r}; name it .json or "
                         ".html or give --format")
    return _SUFFIXES[suffix]


def _reports(args: argparse.Namespace) -> Optional[list[Any]]:
    """The two reports (None after printing why one cannot be read)."""
    from .cache import ReportCache, default_cache_dir
    from .inputs import plan_inputs, run_plan

    cache = None if args.no_cache else ReportCache(args.cache or default_cache_dir())
    manifest = None
    if args.manifest:
        from .manifest import load_manifest

        manifest = load_manifest(args.manifest)
    plan = plan_inputs([args.old, args.new], cache, args.report_year, known=None if manifest is None else manifest.known)
    if plan.needs_pipeline:
        from ..pipeline.build import load

        load()  # a missing model: one error before any work
    reports = []
    for result in run_plan(plan, quiet=True):
        if result.report is None:
            print(f"govreport-nlp: cannot read {one_line(result.source)}: {one_line(result.error or '')}",
                  file=sys.stderr)
            return None
        reports.append(result)
    return [(r.source, r.report) for r in reports]


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare OLD and NEW and write the result; exit 1 if one cannot be read."""
    from .compare import compare

    fmt = _format(args)
    for path in (args.old, args.new):
        if path == "-":
            raise UsageError("compare reads two files; stdin has no name to pair")
        if not Path(path).is_file():
            raise UsageError(f"{quote(path)} is not a file; compare takes two report files")
    check_output(args.output, [args.old, args.new])
    pair = _reports(args)
    if pair is None:
        return 1
    (old_name, old), (new_name, new) = pair
    comparison = compare(old, new, old_file=old_name, new_file=new_name)
    page = (comparison.to_html(lang=args.lang) if fmt == "html"
            else json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n")
    if comparison.same_issuer is False:
        print(f"govreport-nlp: the two reports have different issuers ({one_line(old.issuer or '?')}, "
              f"{one_line(new.issuer or '?')}); compared all the same", file=sys.stderr)
    if args.output in (None, "-"):
        sys.stdout.write(page)
        return 0
    target = TextOutput(args.output)
    try:
        target.fh.write(page)
        target.commit()
    except OSError as e:
        target.discard()
        raise write_error(args.output, e) from e
    return 0
