"""The ``govreport_sections`` component: title, metadata, headings, sentences, debris."""

from __future__ import annotations

from typing import Any, Optional

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import doc_text
from ..models import ReportMeta
from ..rules.sections import Layout, analyze

__all__ = ["ReportSections", "make_sections"]


class ReportSections(StatelessComponent):
    """Segment a report into title, metadata, sections and sentences.

    Writes ``doc._.govreport_meta``, ``doc._.govreport_sections``, ``doc._.govreport_paragraphs``,
    ``doc._.govreport_sentences``, ``doc._.govreport_debris`` and the sentence starts
    of the tokens (so ``doc.sents`` works). The text is never changed.
    """

    def __init__(self, nlp: Language, name: str = "govreport_sections", *, set_sents: bool = True) -> None:
        register_extensions()
        self.name = name
        self.set_sents = set_sents

    def __call__(self, doc: Doc, *, report_year: Optional[int] = None,
                 meta: Optional[dict[str, Any]] = None, known: Optional[dict[str, Any]] = None) -> Doc:
        """Analyse the layout. ``report_year`` overrides the year read from the title;
        ``meta`` (the fields of a :class:`ReportMeta`) replaces the metadata wholesale, for
        the later pieces of a long report; ``known`` is what the file said of itself apart
        from its text (a page's title, date and source: see ``rules.sections.analyze``)."""
        layout = analyze(doc_text(doc), known)
        if meta is not None:
            layout.meta = ReportMeta.model_validate(meta)
        if report_year is not None:
            layout.meta = layout.meta.model_copy(update={"report_year": report_year})
        self.set_annotations(doc, layout)
        return doc

    def set_annotations(self, doc: Doc, layout: Layout) -> None:
        """Write one analysed layout onto the Doc."""
        doc._.govreport_meta = layout.meta
        doc._.govreport_sections = list(layout.headings)
        doc._.govreport_sentences = [list(span) for span in layout.sentences]
        doc._.govreport_paragraphs = [list(span) for span in layout.paragraphs]
        doc._.govreport_debris = [list(span) for span in layout.debris]
        if self.set_sents and len(doc):
            # One array write: setting token.is_sent_start token by token costs more
            # than segmenting the text.
            starts = numpy.fromiter((s for s, _ in layout.sentences), dtype="int64", count=len(layout.sentences))
            idx = doc.to_array(IDX).astype("int64")
            flags = numpy.where(numpy.isin(idx, starts), 1, -1)
            flags[0] = 1
            doc.from_array([SENT_START], flags.reshape(-1, 1).astype("uint64"))


@Language.factory(
    "govreport_sections",
    default_config={"set_sents": True},
    assigns=["doc._.govreport_meta", "doc._.govreport_sections", "doc._.govreport_sentences",
             "doc._.govreport_paragraphs",
             "doc._.govreport_debris", "token.is_sent_start"],
)
def make_sections(nlp: Language, name: str, set_sents: bool) -> ReportSections:
    """Create the ``govreport_sections`` component."""
    return ReportSections(nlp, name, set_sents=set_sents)
