"""Many reports at once: one result or one error record per document, never a stopped batch.

``extract_many(items, jobs=N)`` runs ``extract_file`` (paths) or ``extract`` (texts) over
``N`` worker processes, each loading the pipeline once; results come back in input order.
A document that cannot be read or processed yields a :class:`BatchResult` with ``error``
set, and the batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from pydantic import BaseModel

from ..models import Report

__all__ = ["BatchResult", "extract_many", "process_one"]

Item = Union[str, Path]
# (file or text, report year, is it a text, what the caller knows of it: issuer, published,
# report_year of a manifest's row, overriding the text's and the batch's year)
Work = tuple[Item, Optional[int], bool, Mapping[str, Any]]


class BatchResult(BaseModel):
    """The outcome for one document of a batch: a report, or the error that stopped it."""

    source: str
    report: Optional[Report] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        """True when the document was processed."""
        return self.error is None


def process_one(item: Item, report_year: Optional[int] = None, *, as_text: bool = False,
                issuer: Optional[str] = None, published: Optional[str] = None) -> BatchResult:
    """Process one file path (or one text, with ``as_text=True``) into a BatchResult;
    ``report_year``, ``issuer`` and ``published`` as in :func:`govreport_nlp.extract`.

    Never raises for a bad document: the error goes into the record.
    """
    from ..api import extract, extract_file

    source = "<text>" if as_text else printable_name(item)
    try:
        if as_text:
            report = extract(str(item), report_year=report_year, issuer=issuer, published=published)
        else:
            report = extract_file(item, report_year=report_year, issuer=issuer, published=published)
    except Exception as e:  # a bad document must not stop a batch
        return BatchResult(source=source, error=f"{type(e).__name__}: {e}")
    report.source = source
    return BatchResult(source=source, report=report)


def printable_name(path: Item) -> str:
    """A file name as text that any UTF-8 output can hold, one name for one text: bytes
    that are not UTF-8 (a name written by another system's encoding) become \\xNN, a
    backslash \\\\ (so that a name really spelled ``a\\xff.txt`` stays apart from
    ``a<0xff>.txt``), C0 controls (a line break) \\n or \\x00-\\x1f, and DEL, the C1
    controls and the line/paragraph separators \\uNNNN (U+0085 is ``\\u0085``, the byte
    0x85 ``\\x85``), never dropped and never a line of their own."""
    raw = os.fsencode(path)
    out: list[str] = []
    for ch in raw.decode("utf-8", errors="surrogateescape"):
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape keeps it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20:  # \n, \t, \x01: below 0x80, apart from the bytes above
            out.append(ch.encode("unicode_escape").decode("ascii"))
        elif 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
            # unicode_escape writes U+0085 as \x85, the escape of the byte 0x85: two files
            # had one name (a SQLite UNIQUE failure). Four hex digits keep them apart.
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent ends (SIGTERM, SIGKILL, crash), so
    that no worker outlives the batch that started it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not glibc-like: the parent's shutdown still ends us
        pass


def _worker_init() -> None:
    # Everything the worker was forked with (the pipeline, the parent's objects) is left
    # out of its garbage collector's passes: a pass writes to every object it walks, and
    # so copies the pages it shares with the parent (the lexicons are large sets and
    # dicts). Freezing moves whole lists and touches no object; the parent keeps
    # collecting its own objects.
    gc.freeze()
    from ..pipeline.build import load

    # A forked worker inherits the CLI's SIGTERM handler, which raises SystemExit: inside a
    # task the pool would catch it as that task's error and go on with the next one, so a
    # terminate() (or the parent's death) would not end the worker. It dies of SIGTERM.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    load()  # once per worker process, before its first document (shared after fork)


def _run(args: Work) -> BatchResult:
    item, report_year, as_text, given = args
    return process_one(item, given.get("report_year", report_year), as_text=as_text, issuer=given.get("issuer"),
                       published=given.get("published"))


# What a worker sends back: the result with its report as JSON text. Pickling a Report
# walks its thousands of small models one by one (the parent spent 0.24 s unpickling the
# 60 bulk reports, the workers 0.11 s pickling them); pydantic's JSON writer and reader
# do the same in 0.05 s and 0.18 s, and every field comes back equal.
_Sent = Union[BatchResult, tuple[str, str]]


def _run_in_worker(args: Work) -> _Sent:
    result = _run(args)
    if result.report is None:
        return result
    try:
        return result.source, result.report.model_dump_json()
    except ValueError:  # a string JSON cannot hold: the report as it is
        return result


def _received(sent: _Sent) -> BatchResult:
    if isinstance(sent, BatchResult):
        return sent
    source, report = sent
    return BatchResult(source=source, report=Report.model_validate_json(report))


# Documents sent ahead per worker: enough to keep every worker busy, few enough that the
# parent holds a handful of reports whatever the batch's length.
_WINDOW_PER_JOB = 2

# A document in flight when a worker died is run again alone; dying alone, it is the cause.
_WORKER_DIED = ("the worker process died while processing this document (killed, or out of memory); "
                "the other documents of the batch were processed")


def extract_many(items: Iterable[Item], *, jobs: int = 1, report_year: Optional[int] = None,
                 texts: bool = False, chunksize: int = 1,
                 known: Optional[Mapping[str, Mapping[str, Any]]] = None) -> Iterator[BatchResult]:
    """Process many documents, in order, with ``jobs`` processes (0 = one per core).

    ``items`` are file paths, or texts when ``texts=True``. A worker that dies (killed, out
    of memory) costs only the document that killed it, which gets an error record; the
    pool is rebuilt and the others are processed. The pipeline is loaded before the workers
    start, so that a missing model is one clear error, not one per worker. (``chunksize``
    is kept for compatibility; documents are sent one at a time.) ``known`` maps a path (as
    given in ``items``) to what is known of that file (``report_year``, ``issuer``,
    ``published``: a manifest's row), which overrides the text's (and ``report_year``'s).
    """
    known = known or {}
    work: list[Work] = [(item, report_year, texts, {} if texts else known.get(os.fspath(item), {}))
                        for item in items]
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if not work:
        return
    from ..pipeline.build import load

    # Raises ModelNotFoundError here, once (a GOVREPORT_NLP_HOME that is a file, say), not
    # once per document; the forked workers share the loaded model.
    load()
    if jobs <= 1 or len(work) <= 1:
        for args in work:
            yield _run(args)
        return
    start = 0
    while start < len(work):
        # Results stream out as they come. When a worker dies the pool stops taking work;
        # the documents then in flight (one window) are held, in order, and each is run
        # again alone: one that dies alone is the cause and gets the error record. Then
        # a fresh pool goes on from the next document; nothing else waits.
        held: deque[tuple[int, Optional[BatchResult]]] = deque()
        for i, result in _run_pool(range(start, len(work)), work, jobs):
            start = i + 1
            if result is None or held:
                held.append((i, result))
            else:
                yield result
            del result
        while held:
            i, result = held.popleft()
            yield result if result is not None else _run_alone(i, work)
            del result


def _run_alone(i: int, work: list[Work]) -> BatchResult:
    """Document ``i`` in a pool of its own: its result, or the record of its death."""
    results = [result for _, result in _run_pool([i], work, 1)]
    return results[0] if results and results[0] is not None else BatchResult(source=_source(work[i]),
                                                                            error=_WORKER_DIED)


def _source(args: Work) -> str:
    return "<text>" if args[2] else printable_name(args[0])


def _run_pool(indices: Sequence[int], work: list[Work], jobs: int) -> Iterator[tuple[int, Optional[BatchResult]]]:
    """Run the documents ``indices`` in a fresh pool, yielding (index, result) in order;
    the result is None for a document whose worker died. Once a worker has died no more
    documents are sent: the ones in flight are yielded and the generator ends."""
    if not indices:
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(indices)), initializer=_worker_init,
                               mp_context=_fork_context())
    # A window of documents in flight, not the whole batch: a finished future holds its
    # report until it is dropped, so submitting everything at once kept every report of
    # the batch in the parent (1.1 GB at 900 reports). Memory is bounded by the window.
    window = max(2, _WINDOW_PER_JOB * jobs)
    todo = iter(indices)
    inflight: deque[tuple[int, Future[_Sent]]] = deque()
    broken = False
    try:
        for i in todo:
            inflight.append((i, pool.submit(_run_in_worker, work[i])))
            if len(inflight) >= window:
                break
        while inflight:
            i, future = inflight.popleft()
            try:
                result: Optional[BatchResult] = _received(future.result())
            except BrokenProcessPool:
                result, broken = None, True
            del future
            for j in () if broken else todo:
                try:
                    inflight.append((j, pool.submit(_run_in_worker, work[j])))
                except BrokenProcessPool:  # broken before j was sent: j is the caller's to send again
                    broken = True
                break
            yield i, result
            del result
    except BaseException:
        # SIGTERM/SIGINT in the parent, or the consumer stopped: end the workers now.
        _terminate(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _fork_context() -> Optional[multiprocessing.context.BaseContext]:
    """Fork on Linux, whatever the default start method (forkserver from Python 3.14): a
    forked worker starts with the loaded pipeline, shared copy-on-write with the parent,
    instead of loading its own (a second or more, and its own copy of the model)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def _terminate(pool: ProcessPoolExecutor) -> None:
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.terminate()
