"""Many reports at once: one result or one error record per document, never a stopped batch.

``extract_many(items, jobs=N)`` runs ``extract_file`` (paths) or ``extract`` (texts) over
``N`` worker processes, each loading the pipeline once; results come back in input order.
A document that cannot be read or processed yields a :class:`BatchResult` with ``error``
set, and the batch goes on.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from pydantic import BaseModel

from ..models import Report

__all__ = ["BatchResult", "extract_many", "process_one"]

Item = Union[str, Path]


class BatchResult(BaseModel):
    """The outcome for one document of a batch: a report, or the error that stopped it."""

    source: str
    report: Optional[Report] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        """True when the document was processed."""
        return self.error is None


def process_one(item: Item, report_year: Optional[int] = None, *, as_text: bool = False) -> BatchResult:
    """Process one file path (or one text, with ``as_text=True``) into a BatchResult.

    Never raises for a bad document: the error goes into the record.
    """
    from ..api import extract, extract_file

    source = "<text>" if as_text else str(item)
    try:
        if as_text:
            report = extract(str(item), report_year=report_year)
        else:
            report = extract_file(item, report_year=report_year)
    except Exception as e:  # a bad document must not stop a batch
        return BatchResult(source=source, error=f"{type(e).__name__}: {e}")
    return BatchResult(source=source, report=report)


def _worker_init() -> None:
    from ..pipeline.build import load

    load()  # once per worker process, before its first document


def _run(args: tuple[Item, Optional[int], bool]) -> BatchResult:
    item, report_year, as_text = args
    return process_one(item, report_year, as_text=as_text)


def extract_many(items: Iterable[Item], *, jobs: int = 1, report_year: Optional[int] = None,
                 texts: bool = False, chunksize: int = 1) -> Iterator[BatchResult]:
    """Process many documents, in order, with ``jobs`` processes (0 = one per core).

    ``items`` are file paths, or texts when ``texts=True``.
    """
    work = [(item, report_year, texts) for item in items]
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(work) <= 1:
        for args in work:
            yield _run(args)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        yield from pool.map(_run, work, chunksize=chunksize)
