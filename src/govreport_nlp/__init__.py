"""govreport_nlp: structured, checkable facts from Chinese government reports."""
from .models import Quantity
from .numbers import find_quantities, normalize

__all__ = ["Quantity", "find_quantities", "normalize"]
