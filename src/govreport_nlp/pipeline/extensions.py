"""The Doc extensions our components write, and msgpack hooks so a DocBin keeps them.

Every attribute name is prefixed ``govreport_`` so that it never collides with another
package's; an attribute that already exists is left alone, never forced.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import srsly
from pydantic import BaseModel
from spacy.tokens import Doc, Span

from .. import models

__all__ = ["EXTENSIONS", "SPAN_EXTENSIONS", "SUBJECT_SPANS", "register_extensions"]

# name -> default. Lists are created per Doc by the components, never shared.
EXTENSIONS: dict[str, Any] = {
    "govreport_meta": None,  # models.ReportMeta: title, issuer, report_year, published, kind
    "govreport_sections": None,  # list[models.Section]
    "govreport_sentences": None,  # list[(start, end)] character ranges
    "govreport_paragraphs": None,  # list[(start, end)] character ranges
    "govreport_debris": None,  # list[(start, end)] character ranges
    "govreport_quantities": None,  # list[models.Quantity]
    "govreport_row_subjects": None,  # {quantity start: subject} for statistics-table rows
    "govreport_table_cells": None,  # {quantity start: {"subject", "column", "change"}} for unit tables
    "govreport_entities": None,  # list[models.Entity]: ORG, GPE, DATE
    "govreport_facts": None,  # list[models.Fact]
    "govreport_template": None,  # "2019" / "2021" / None
    "govreport_tables": None,  # {"table2": {row: {column: number}}, ...} or None
    "govreport_table_warnings": None,  # list[models.TableWarning]
    "govreport_table_spans": None,  # list[(start, end)]: where the template tables stand
    "govreport_cell_spans": None,  # {"table3/总计/总计": (start, end)}: where each cell is printed
    "govreport_cell_notes": None,  # {"table2/规章/本年废止件数": "其中修订16件"}: notes after cells
    "govreport_consistency_warnings": None,  # list[models.ConsistencyWarning]
}

# Span attributes: on each span of doc.spans["govreport_subjects"], the quantity it measures.
SPAN_EXTENSIONS: dict[str, Any] = {"govreport_quantity": None}
# The span group the linker writes: one span per fact whose subject is found in its sentence.
SUBJECT_SPANS = "govreport_subjects"

_MODELS = {cls.__name__: cls for cls in (
    models.Quantity, models.Entity, models.Section, models.Fact, models.TableWarning,
    models.TableCellRef, models.ConsistencyWarning, models.ReportMeta,
)}
_TAG = "__govreport__"


def register_extensions() -> None:
    """Register the Doc extensions once per process (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def _encode(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    if isinstance(obj, BaseModel) and type(obj).__name__ in _MODELS and type(obj) is _MODELS[type(obj).__name__]:
        return {_TAG: type(obj).__name__, "data": obj.model_dump(mode="json")}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        return _MODELS[obj[_TAG]].model_validate(obj["data"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("govreport_nlp", func=_encode)
srsly.msgpack_decoders.register("govreport_nlp", func=_decode)
register_extensions()
