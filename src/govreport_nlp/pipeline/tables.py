"""The ``govreport_tables`` component: the FOI template tables and their checks."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import doc_text
from ..layers import Tables
from ..rules.tables import parse_tables

__all__ = ["ReportTables", "make_tables"]


class ReportTables(StatelessComponent):
    """Parse 表二/表三/表四 of a 2019 or 2021 template FOI annual report.

    Writes one :class:`~govreport_nlp.layers.Tables` to ``doc._.govreport_tables``: the
    template ("2019", "2021" or None), every cell with its exact value, where it is
    printed and its note, every violation of the template's arithmetic, and where the
    tables stand.
    """

    def __init__(self, nlp: Language, name: str = "govreport_tables") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc, *, tables: Optional[Tables] = None) -> Doc:
        """Read the tables. ``tables``, the tables of a whole report already read and
        shifted to this Doc's offsets, are written as they are (a piece of a long report)."""
        self.set_annotations(doc, tables if tables is not None else parse_tables(doc_text(doc)).layer())
        return doc

    def set_annotations(self, doc: Doc, tables: Tables) -> None:
        """Store the tables on the Doc."""
        doc._.govreport_tables = tables


@Language.factory("govreport_tables", assigns=["doc._.govreport_tables"])
def make_tables(nlp: Language, name: str) -> ReportTables:
    """Create the ``govreport_tables`` component."""
    return ReportTables(nlp, name)
