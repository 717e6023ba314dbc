"""The Doc extensions our components write (one typed result each, see layers.py), and
msgpack hooks so a DocBin keeps them.

Every attribute name is prefixed ``govreport_`` so that it never collides with another
package's; an attribute that already exists is left alone, never forced.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Callable, Optional

import srsly
from pydantic import BaseModel
from spacy.tokens import Doc, Span

from .. import models
from ..layers import LAYERS, layer_from_dict

__all__ = ["EXTENSIONS", "SPAN_EXTENSIONS", "SUBJECT_SPANS", "register_extensions"]

# One extension per component: the typed, frozen result it writes (layers.py). None
# until the component has run.
EXTENSIONS: dict[str, Any] = {name: None for name in LAYERS}

# Span attributes: on each span of doc.spans["govreport_subjects"], the quantity it measures.
SPAN_EXTENSIONS: dict[str, Any] = {"govreport_quantity": None}
# The span group the linker writes: one span per fact whose subject is found in its sentence.
SUBJECT_SPANS = "govreport_subjects"

_MODELS = {cls.__name__: cls for cls in (
    models.Quantity, models.Entity, models.Section, models.Fact, models.TableWarning, models.TableCell,
    models.TableCellRef, models.ConsistencyWarning, models.ReportMeta,
)}
_LAYERS = {cls.__name__: cls for cls in LAYERS.values()}
_TAG = "__govreport__"
_LAYER_TAG = "__govreport_layer__"


def register_extensions() -> None:
    """Register the Doc extensions once per process (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def _encode(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    name = type(obj).__name__
    if isinstance(obj, BaseModel) and _MODELS.get(name) is type(obj):
        return {_TAG: name, "data": obj.model_dump(mode="json")}
    if _LAYERS.get(name) is type(obj):
        # The models inside come through this hook again (msgpack packs what it returns).
        return {_LAYER_TAG: name, "data": {f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Optional[Callable[[Any], Any]] = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        return _MODELS[obj[_TAG]].model_validate(obj["data"])
    if isinstance(obj, dict) and _LAYER_TAG in obj:
        return layer_from_dict(obj[_LAYER_TAG], obj["data"])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("govreport_nlp", func=_encode)
srsly.msgpack_decoders.register("govreport_nlp", func=_decode)
register_extensions()
