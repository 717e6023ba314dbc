"""The ``govreport_consistency`` component: the prose checked against the template tables."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from ..models import ConsistencyWarning, Fact, ReportMeta
from ..rules.consistency import check_narrative

__all__ = ["ReportConsistency", "make_consistency"]


class ReportConsistency(StatelessComponent):
    """Link each fact that restates an FOI template cell to it (``Fact.table_cell``) and
    write a :class:`~govreport_nlp.models.ConsistencyWarning` to
    ``doc._.govreport_consistency_warnings`` for each that disagrees with the tables.
    A report without template tables gets no links and no warnings."""

    def __init__(self, nlp: Language, name: str = "govreport_consistency") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.check(doc))
        return doc

    def check(self, doc: Doc) -> tuple[list[Fact], list[ConsistencyWarning]]:
        """The linked facts and the warnings, without writing anything."""
        meta = doc._.govreport_meta or ReportMeta()
        return check_narrative(
            doc._.govreport_facts or [], doc._.govreport_tables, cell_spans=doc._.govreport_cell_spans or {},
            table_spans=doc._.govreport_table_spans or [], report_year=meta.report_year)

    def set_annotations(self, doc: Doc, checked: tuple[list[Fact], list[ConsistencyWarning]]) -> None:
        """Store the linked facts and the warnings on the Doc."""
        facts, warnings = checked
        doc._.govreport_facts = facts
        doc._.govreport_consistency_warnings = warnings


@Language.factory(
    "govreport_consistency",
    assigns=["doc._.govreport_facts", "doc._.govreport_consistency_warnings"],
    requires=["doc._.govreport_facts", "doc._.govreport_tables", "doc._.govreport_cell_spans",
              "doc._.govreport_table_spans", "doc._.govreport_meta"],
)
def make_consistency(nlp: Language, name: str) -> ReportConsistency:
    """Create the ``govreport_consistency`` component."""
    return ReportConsistency(nlp, name)
