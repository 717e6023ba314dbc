"""Scale out on Dask: a bag over report files, the pipeline loaded once per worker,
results written as Parquet.

    from dask.distributed import Client
    from govreport_nlp.scaleout import extract_to_parquet

    client = Client("scheduler:8786")            # or Client() for a local cluster
    extract_to_parquet(paths, "out/", client=client)

writes two Parquet datasets: ``out/facts`` (one row per fact, the columns of
``Report.facts_table()`` plus ``file``) and ``out/documents`` (one row per report: file,
title, issuer, report year, template, number of facts and check warnings, and the error
for a document that could not be processed). Needs the ``dask`` extra
(``pip install 'govreport-nlp[dask]'``).

Each worker process builds the pipeline on its first partition and keeps it
(``govreport_nlp.load()`` caches it per process); threads of one worker share it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional, Union

from ..models import FACT_COLUMNS

__all__ = ["DOCUMENT_COLUMNS", "extract_to_parquet", "process_partition"]

DOCUMENT_COLUMNS = ("file", "ok", "error", "title", "issuer", "report_year", "template", "facts", "warnings")


def process_partition(paths: Iterable[Union[str, Path]], report_year: Optional[int] = None) -> list[dict[str, Any]]:
    """Process the files of one partition: a document row, then its fact rows, per file.

    Rows carry ``_row``: "document" or "fact". A file that fails gives a document
    row with its error and no facts; the partition goes on.
    """
    from .batch import process_one
    from ..pipeline.build import load

    load()  # once per worker process
    rows: list[dict[str, Any]] = []
    for path in paths:
        result = process_one(path, report_year)
        report = result.report
        rows.append({
            "_row": "document", "file": result.source, "ok": result.ok, "error": result.error,
            "title": report.title if report else None, "issuer": report.issuer if report else None,
            "report_year": report.report_year if report else None,
            "template": report.template if report else None,
            "facts": len(report.facts) if report else 0, "warnings": len(report.warnings) if report else 0,
        })
        if report is not None:
            rows.extend({"_row": "fact", "file": result.source, **row} for row in report.facts_table())
    return rows


def _frame(rows: list[dict[str, Any]], kind: str, columns: tuple[str, ...]) -> Any:
    """The rows of one kind ("fact", "document") as a pandas DataFrame with one type per column."""
    import pandas as pd

    picked = [{c: r.get(c) for c in columns} for r in rows if r["_row"] == kind]
    frame = pd.DataFrame(picked, columns=list(columns))
    # Parquet wants one type per column: numbers that may be missing stay nullable, the
    # rest are strings.
    for column in frame.columns:
        if column in ("start", "end", "report_year", "facts", "warnings"):
            frame[column] = frame[column].astype("Int64")
        elif column == "ok":
            frame[column] = frame[column].astype("boolean")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def extract_to_parquet(paths: Iterable[Union[str, Path]], out_dir: Union[str, Path], *,
                       client: Any = None, files_per_partition: int = 20,
                       report_year: Optional[int] = None) -> dict[str, int]:
    """Extract every file with Dask and write ``out_dir/facts`` and ``out_dir/documents``.

    ``client`` is a ``dask.distributed.Client`` (without one, Dask's default scheduler
    runs the bag). Returns the number of documents, failed documents and facts written.
    """
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed

    paths = [str(p) for p in paths]
    out = Path(out_dir)
    if not paths:
        return {"documents": 0, "failed": 0, "facts": 0}
    partitions = max(1, (len(paths) + files_per_partition - 1) // files_per_partition)
    bag = db.from_sequence(paths, npartitions=partitions)
    compute = {"scheduler": client} if client is not None else {}
    # Persist once: the documents and the facts datasets both come from these rows, and
    # each document must be processed only once.
    rows = bag.map_partitions(process_partition, report_year).persist(**compute)
    fact_columns = ("file", *FACT_COLUMNS)
    parts = rows.to_delayed()
    frame = delayed(_frame)
    facts = dd.from_delayed([frame(p, "fact", fact_columns) for p in parts],
                            meta=_frame([], "fact", fact_columns))
    documents = dd.from_delayed([frame(p, "document", DOCUMENT_COLUMNS) for p in parts],
                                meta=_frame([], "document", DOCUMENT_COLUMNS))
    dd.to_parquet(facts, out / "facts", engine="pyarrow", write_index=False, compute_kwargs=compute)
    dd.to_parquet(documents, out / "documents", engine="pyarrow", write_index=False, compute_kwargs=compute)
    ok = dd.read_parquet(out / "documents", engine="pyarrow", columns=["ok"])["ok"].compute(**compute)
    n_facts = len(dd.read_parquet(out / "facts", engine="pyarrow", columns=["file"]).compute(**compute))
    return {"documents": len(ok), "failed": int((~ok.astype(bool)).sum()), "facts": n_facts}
