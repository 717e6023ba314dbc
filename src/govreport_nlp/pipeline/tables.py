"""The ``govreport_tables`` component: the FOI template tables and their checks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import doc_text
from ..rules.tables import ParsedTables, parse_tables

__all__ = ["ReportTables", "make_tables"]


class ReportTables(StatelessComponent):
    """Parse 表二/表三/表四 of a 2019 or 2021 template FOI annual report.

    Writes ``doc._.govreport_template`` ("2019", "2021" or None),
    ``doc._.govreport_tables`` (None without tables) and
    ``doc._.govreport_table_warnings`` (every violation of the template's arithmetic),
    ``doc._.govreport_table_spans`` (where the tables stand) and
    ``doc._.govreport_cell_spans`` (where each cell is printed) and
    ``doc._.govreport_cell_notes`` (the bracketed note after a cell).
    """

    def __init__(self, nlp: Language, name: str = "govreport_tables") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, parse_tables(doc_text(doc)))
        return doc

    def set_annotations(self, doc: Doc, parsed: ParsedTables) -> None:
        """Store the parsed tables on the Doc."""
        doc._.govreport_template = parsed.template
        doc._.govreport_tables = parsed.tables or None
        doc._.govreport_table_warnings = list(parsed.warnings)
        doc._.govreport_table_spans = [list(span) for span in parsed.spans]
        doc._.govreport_cell_spans = {key: list(span) for key, span in parsed.cell_spans.items()}
        doc._.govreport_cell_notes = dict(parsed.cell_notes)


@Language.factory(
    "govreport_tables",
    assigns=["doc._.govreport_template", "doc._.govreport_tables", "doc._.govreport_table_warnings",
             "doc._.govreport_table_spans", "doc._.govreport_cell_spans", "doc._.govreport_cell_notes"],
)
def make_tables(nlp: Language, name: str) -> ReportTables:
    """Create the ``govreport_tables`` component."""
    return ReportTables(nlp, name)
