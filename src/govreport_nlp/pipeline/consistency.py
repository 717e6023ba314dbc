"""The ``govreport_consistency`` component: the prose checked against the template tables."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from ..layers import Checks, FactLayer, Layout
from ..rules.consistency import check_narrative

__all__ = ["ReportConsistency", "make_consistency"]


class ReportConsistency(StatelessComponent):
    """Link each fact that restates an FOI template cell to it, and warn where the text
    and the tables disagree: one :class:`~govreport_nlp.layers.Checks` in
    ``doc._.govreport_checks`` (links by fact id; the facts are not rewritten). A report
    without template tables gets no links and no warnings."""

    def __init__(self, nlp: Language, name: str = "govreport_consistency") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.check(doc))
        return doc

    def check(self, doc: Doc) -> Checks:
        """The links and the warnings, without writing anything."""
        layout: Layout = doc._.govreport_layout or Layout()
        facts: FactLayer = doc._.govreport_facts or FactLayer()
        return check_narrative(facts.facts, doc._.govreport_tables, report_year=layout.meta.report_year)

    def set_annotations(self, doc: Doc, checks: Checks) -> None:
        """Store the checks on the Doc."""
        doc._.govreport_checks = checks


@Language.factory(
    "govreport_consistency",
    assigns=["doc._.govreport_checks"],
    requires=["doc._.govreport_facts", "doc._.govreport_tables", "doc._.govreport_layout"],
)
def make_consistency(nlp: Language, name: str) -> ReportConsistency:
    """Create the ``govreport_consistency`` component."""
    return ReportConsistency(nlp, name)
