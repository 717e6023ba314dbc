"""The numeric normalizer: exact :class:`~decimal.Decimal` values of the quantities
Chinese reports print (``normalizer``), the unit tables it reads (``units``) and its
compiled fast path (``_speedups``, optional).

>>> from govreport_nlp.numbers import normalize
>>> normalize("约2.3亿元").value
Decimal('230000000')
"""

from .normalizer import find_quantities, normalize, parse_number

__all__ = ["find_quantities", "normalize", "parse_number"]
