"""The numeric normalizer: exact :class:`~decimal.Decimal` values of the quantities
Chinese reports print (``normalizer``), the unit tables it reads (``units``) and its
compiled fast path (``_speedups``, optional); ``read_cell`` reads the number a table cell
prints, exactly (``cells``).

>>> from govreport_nlp.numbers import normalize
>>> normalize("约2.3亿元").value
Decimal('230000000')
>>> read_cell("1,560.05万元")
(Decimal('1560.05'), '万元')
"""

from .cells import read_cell
from .normalizer import find_quantities, normalize, parse_number

__all__ = ["find_quantities", "normalize", "parse_number", "read_cell"]
