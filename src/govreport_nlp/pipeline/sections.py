"""The ``govreport_sections`` component: title, metadata, headings, sentences, debris."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .base import StatelessComponent
from .extensions import register_extensions
from .doc_cache import doc_text
from ..layers import Layout
from ..rules.linebreaks import line_width
from ..rules.sections import analyze

if TYPE_CHECKING:
    from thinc.types import Ints2d

__all__ = ["ReportSections", "analyze_layout", "make_sections"]


def analyze_layout(text: str, *, report_year: Optional[int] = None, issuer: Optional[str] = None,
                   published: Optional[str] = None, known: Optional[dict[str, Any]] = None) -> Layout:
    """The layout of a whole text as the component writes it. ``report_year``, ``issuer``
    and ``published`` (what the caller knows: a manifest's row) override what the text
    says, before anything is resolved on them; ``known`` (what the file says of itself)
    is read where the text says nothing."""
    found = analyze(text, known)
    meta = found.meta
    given = {k: v for k, v in (("report_year", report_year), ("issuer", issuer), ("published", published))
             if v is not None}
    if given:
        meta = meta.model_copy(update=given)
    return Layout(meta=meta, sections=tuple(found.headings), paragraphs=tuple(found.paragraphs),
                  sentences=tuple(found.sentences), debris=tuple(found.debris), line_width=line_width(text))



class ReportSections(StatelessComponent):
    """Segment a report into title, metadata, sections and sentences.

    Writes one :class:`~govreport_nlp.layers.Layout` to ``doc._.govreport_layout`` (meta,
    headings, paragraphs, sentences, debris) and the sentence starts of the tokens (so
    ``doc.sents`` works). The text is never changed.
    """

    def __init__(self, nlp: Language, name: str = "govreport_sections", *, set_sents: bool = True) -> None:
        register_extensions()
        self.name = name
        self.set_sents = set_sents

    def __call__(self, doc: Doc, *, report_year: Optional[int] = None, issuer: Optional[str] = None,
                 published: Optional[str] = None, known: Optional[dict[str, Any]] = None,
                 layout: Optional[Layout] = None) -> Doc:
        """Analyse the layout. ``report_year``, ``issuer`` and ``published`` override what the
        text says (see ``analyze_layout``); ``known`` is what the file said of itself apart from its text (a page's title,
        date and source: see ``rules.sections.analyze``). ``layout``, the layout of a
        whole report already analysed and shifted to this Doc's offsets, is written as it
        is: a piece of a long report keeps its report's title, year and headings."""
        if layout is None:
            layout = analyze_layout(doc_text(doc), report_year=report_year, issuer=issuer, published=published,
                                    known=known)
        self.set_annotations(doc, layout)
        return doc

    def set_annotations(self, doc: Doc, layout: Layout) -> None:
        """Write one analysed layout onto the Doc."""
        doc._.govreport_layout = layout
        if self.set_sents and len(doc):
            # One array write: setting token.is_sent_start token by token costs more
            # than segmenting the text.
            starts = numpy.fromiter((s for s, _ in layout.sentences), dtype="int64", count=len(layout.sentences))
            idx = doc.to_array(IDX).astype("int64")
            flags = numpy.where(numpy.isin(idx, starts), 1, -1)
            flags[0] = 1
            # thinc's Ints2d is a name for type checkers only (no array is an instance of
            # it): a uint64 column of one int per token is what Doc.from_array reads.
            doc.from_array([SENT_START], cast("Ints2d", flags.reshape(-1, 1).astype("uint64")))


@Language.factory(
    "govreport_sections",
    default_config={"set_sents": True},
    assigns=["doc._.govreport_layout", "token.is_sent_start"],
)
def make_sections(nlp: Language, name: str, set_sents: bool) -> ReportSections:
    """Create the ``govreport_sections`` component."""
    return ReportSections(nlp, name, set_sents=set_sents)
