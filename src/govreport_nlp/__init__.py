"""govreport_nlp: structured, checkable facts from Chinese government reports.

>>> from govreport_nlp import normalize
>>> normalize("31.08亿元").value
Decimal('3108000000')

``extract(text)`` runs the spaCy pipeline (blank ``zh`` + pkuseg + our components) and
returns a :class:`Report`; ``load()`` gives the pipeline itself.
"""

from .api import extract, extract_file
from .runners.batch import BatchResult, extract_many
from .runners.compare import compare
from .runners.panel import panel
from .errors import GovReportError, InputError, ModelDownloadError, ModelNotFoundError
from .models import ConsistencyWarning, Entity, Fact, Quantity, ReadWarning, Report, Section, TableCell, TableCellRef, TableWarning
from .numbers import find_quantities, normalize, parse_number
from .pipeline import load
from .segment.resources import download_model

__version__ = "0.1.0"

__all__ = [
    "BatchResult",
    "ConsistencyWarning",
    "Entity",
    "Fact",
    "GovReportError",
    "InputError",
    "ModelDownloadError",
    "ModelNotFoundError",
    "Quantity",
    "ReadWarning",
    "Report",
    "Section",
    "TableCell",
    "TableCellRef",
    "TableWarning",
    "__version__",
    "compare",
    "download_model",
    "extract",
    "extract_file",
    "extract_many",
    "find_quantities",
    "load",
    "normalize",
    "panel",
    "parse_number",
]
