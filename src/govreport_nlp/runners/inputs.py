"""The inputs of a batch command: folders expanded, each file hashed and looked up in the
parse cache before any work, then one result per input in order.

``plan_inputs`` is the step that runs before any output is opened: it names every file,
hashes it, and tells which ones need the pipeline (so that a missing model is one error
before any work, and a resumed batch or a second output reads the cache).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

from ..readers import decode, folder_files
from . import batch as _batch
from .batch import BatchResult, extract_many, printable_name
from .cache import ReportCache, file_digest
from .outputs import one_line

__all__ = ["Planned", "expand_inputs", "plan_inputs", "run_plan"]

# Files of a folder that document the folder and are never reports of it.
_NOT_REPORTS = {"readme", "license", "licence", "changelog", "contributing", "authors", "notice", "copying"}


def _say(message: str) -> None:
    print(f"govreport-nlp: {one_line(message)}", file=sys.stderr)


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Folders expanded (recursively, sorted) into their report files (by extension, not a
    README or LICENSE), files and ``-`` kept; a file named twice is kept once."""
    names: list[str] = []
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            files, notes = folder_files(path)
            for note in notes:  # a link out of the folder is no report of it: say so
                _say(note)
            names.extend(f for f in files if Path(f).stem.lower() not in _NOT_REPORTS)
        else:
            names.append(raw)
    return _once(names)


def _once(names: list[str]) -> list[str]:
    """The inputs with a file named twice (``d d/a.txt``, a link beside its target) kept
    once: a second record of it would clash in every output keyed by file."""
    seen: dict[tuple[int, int], str] = {}
    kept: list[str] = []
    for name in names:
        try:
            st = os.stat(name) if name != "-" else None
        except OSError:
            st = None
        if st is not None:
            key = (st.st_dev, st.st_ino)
            if key in seen:
                _say(f"{name} is the same file as {seen[key]}; read once")
                continue
            seen[key] = name
        kept.append(name)
    return kept


@dataclass
class Planned:
    """One input of a batch: its name, the SHA-256 of its bytes (None for stdin or a file
    that cannot be read: its error comes when it is processed), its cache key, and whether
    the cache holds it or the output already has it (``--append``); ``known``, what a
    manifest knows of it (issuer, report_year, published), goes into its extraction."""

    name: str
    source: str
    known: dict[str, Any] = field(default_factory=dict)
    digest: Optional[str] = None
    key: Optional[str] = None
    cached: bool = False
    skip: bool = False


@dataclass
class Plan:
    """Every input of a batch, planned (see :func:`plan_inputs`)."""

    items: list[Planned] = field(default_factory=list)
    cache: Optional[ReportCache] = None
    report_year: Optional[int] = None

    @property
    def needs_pipeline(self) -> bool:
        """Whether any input must be extracted (the model is needed)."""
        return any(not p.cached and not p.skip for p in self.items)

    @property
    def digests(self) -> dict[str, str]:
        """Source name -> content hash, for the outputs that record it."""
        return {p.source: p.digest for p in self.items if p.digest}


def plan_inputs(names: Sequence[str], cache: Optional[ReportCache], report_year: Optional[int],
                have: Optional[Callable[[str, str], bool]] = None,
                known: Optional[Callable[[str], dict[str, Any]]] = None) -> Plan:
    """Hash every input and look it up in ``cache``; ``have(source, digest)`` says the output
    already holds it (then it is skipped); ``known(name)`` what a manifest knows of it."""
    plan = Plan(cache=cache, report_year=report_year)
    for name in names:
        item = Planned(name=name, source="-" if name == "-" else printable_name(name))
        if known is not None and name != "-":
            item.known = known(name)
        if name != "-":
            try:
                item.digest = file_digest(name)
            except OSError:
                pass
        if item.digest is not None:
            if have is not None and have(item.source, item.digest):
                item.skip = True
            elif cache is not None:
                item.key = cache.key(item.digest, report_year, item.known)
                item.cached = item.key in cache
        plan.items.append(item)
    return plan


def _stdin(report_year: Optional[int]) -> BatchResult:
    from ..api import extract

    try:
        return BatchResult(source="-", report=extract(decode(sys.stdin.buffer.read()), report_year=report_year))
    except Exception as e:  # stdin that cannot be read is one failed document
        return BatchResult(source="-", error=f"{type(e).__name__}: {e}")


def run_plan(plan: Plan, *, jobs: int = 1, quiet: bool = False) -> Iterator[BatchResult]:
    """One result per input not skipped, in order: from the cache when it holds the file,
    else extracted (``jobs`` processes) and kept in the cache."""
    todo = [p for p in plan.items if not p.skip]
    cache = plan.cache
    # Read from the cache one at a time as the output needs them (memory stays bounded).
    misses = [p for p in todo if p.name != "-" and not (cache is not None and p.cached)]
    progress = None
    if len(todo) > 1 and not quiet:
        from tqdm import tqdm

        progress = tqdm(total=len(todo), unit="file", file=sys.stderr)
    try:
        done = iter(extract_many([p.name for p in misses], jobs=jobs, report_year=plan.report_year,
                                 known={p.name: p.known for p in misses if p.known}))
        for p in todo:
            if p.name == "-":
                result = _stdin(plan.report_year)
            elif cache is not None and p.cached and p.key:
                report = cache.get(p.key, p.source)
                if report is None:  # damaged since it was planned: extract it here
                    fields = {"report_year": plan.report_year, **p.known}
                    result = _batch.process_one(p.name, fields.pop("report_year"), **fields)
                    if result.report is not None:
                        cache.put(p.key, result.report)
                else:
                    result = BatchResult(source=p.source, report=report)
                del report
            else:
                result = next(done)
                if cache is not None and p.key and result.report is not None:
                    cache.put(p.key, result.report)
            if progress is not None:
                progress.update(1)
            yield result
    finally:
        if progress is not None:
            progress.close()
