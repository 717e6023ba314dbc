"""``govreport-nlp render FILE [-o OUT] [--lang zh|en]``: the command around render.render_html.

``-o`` names the page, or a folder to write ``NAME.html`` in (``NAME`` the input's name
without its extension). Either way the target is checked before any work: it may never
be the input itself (``render a.html -o .`` in a.html's folder is refused, exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from ..readers import decode
from .outputs import TextOutput, UsageError, check_output, one_line, quote, write_error

__all__ = ["cmd_render", "render_target"]


def render_target(output: Optional[str], path: str) -> Optional[str]:
    """Where the page of ``path`` is written: ``output``, or ``output/NAME.html`` when
    ``output`` is a folder (stdin has no name: a folder needs a file name then)."""
    if output is None or output == "-" or not Path(output).is_dir():
        return output
    if path == "-":
        raise UsageError(f"-o {quote(output)} is a directory and stdin has no name; give a file name")
    return str(Path(output) / (Path(path).stem + ".html"))


def cmd_render(args: argparse.Namespace) -> int:
    """Extract one report and write its page; exit 1 if it cannot be read, 2 for a bad -o."""
    from ..api import extract, extract_file
    from .render import render_html

    output = render_target(args.output, args.path)
    check_output(output, [args.path])  # before the work: the input itself, a folder we may not write
    manifest = None
    if getattr(args, "manifest", None):
        from .manifest import load_manifest

        manifest = load_manifest(args.manifest)
    target = None if output is None or output == "-" else TextOutput(output)
    out = sys.stdout if target is None else target.fh
    try:
        try:
            if args.path == "-":
                text = decode(sys.stdin.buffer.read())
                report = extract(text, report_year=args.report_year)
            else:
                fields = {"report_year": args.report_year, **(manifest.known(args.path) if manifest else {})}
                report = extract_file(args.path, **fields)
                text = report.text or ""
        except Exception as e:
            print(f"govreport-nlp: cannot render {one_line(args.path)}: {type(e).__name__}: {one_line(str(e))}",
                  file=sys.stderr)
            if target is not None:
                target.discard()
            return 1
        out.write(render_html(text, report, lang=getattr(args, "lang", "zh")))
        if target is not None:
            target.commit()
    except OSError as e:
        if target is not None:
            target.discard()
        if isinstance(e, BrokenPipeError) or target is None:
            raise
        raise write_error(output, e) from e
    except BaseException:
        if target is not None:
            target.discard()
        raise
    return 0
