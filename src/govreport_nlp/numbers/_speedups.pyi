"""Types of the compiled fast path (``_speedups.pyx``): what ``numbers.normalizer`` calls."""

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Optional

from ..models import Quantity

DECLINE: object

def configure(quantity: type[Quantity], units: Mapping[str, tuple[str, str, Decimal]],
              prefix_modifiers: Mapping[str, str], suffix_modifiers: Mapping[str, str], one: Decimal,
              fields: Iterable[str], exact: Callable[[Decimal], Decimal],
              general: Callable[[str], Optional[Quantity]], range_separators: str,
              numerals: tuple[Mapping[str, int], Mapping[str, int], Mapping[str, int]]) -> None: ...
def fast_normalize(text: str) -> object: ...
def normalize(text: str) -> Optional[Quantity]: ...
def numeral_value(ch: str) -> tuple[int, int, int]: ...
