"""Quantity objects built fast, from values the normalizer has already checked.

The normalizer is the hot path of every pipeline run; pydantic validation (or even
``model_construct``) would cost more than the parsing itself, so an instance is filled
the way ``model_construct`` does, without its per-call bookkeeping.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..models import Quantity

__all__ = ["FIELDS", "filled", "make", "replace"]

FIELDS = set(Quantity.model_fields)
_new_quantity = Quantity.__new__
_set = object.__setattr__


def make(text: str, start: int, end: int, value: Decimal, high: Optional[Decimal],
          unit: str, kind: str, modifier: Optional[str]) -> Quantity:
    """A Quantity spanning text[start:end] with these values (already checked)."""
    return filled({"text": text[start:end], "start": start, "end": end, "value": value,
                    "value_high": high, "unit": unit, "kind": kind, "modifier": modifier})


def filled(fields: dict[str, object]) -> Quantity:
    """A Quantity with exactly these fields (every one of them given)."""
    q = _new_quantity(Quantity)
    _set(q, "__dict__", fields)
    # Every field is set, so the set is shared: pydantic only ever adds field names to
    # it (model_copy), which are all in it already.
    _set(q, "__pydantic_fields_set__", FIELDS)
    _set(q, "__pydantic_extra__", None)
    _set(q, "__pydantic_private__", None)
    return q


def replace(q: Quantity, **changes: object) -> Quantity:
    """A copy of a (frozen) Quantity with some fields changed, filled as :func:`make`
    fills one: a modifier or counted unit found after the number was read."""
    return filled({**q.__dict__, **changes})


