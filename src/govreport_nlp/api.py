"""``extract()``: text in, a :class:`~govreport_nlp.models.Report` out."""

from __future__ import annotations

import re
import bisect
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TYPE_CHECKING, Optional, Sequence, Union

from .errors import InputError
from .readers.encoding import decode
from .readers.files import read_document
from .layers import Checks, EntityLayer, FactLayer, Layout, QuantityLayer, Tables
from .models import Entity, Report, entity_label


if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["extract", "extract_file", "report_from_doc"]

_SURROGATES = re.compile("[\ud800-\udfff]")
# A publication date as reports' metadata carries it: an ISO date (2024-01-31).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_text(text: Union[str, bytes]) -> str:
    if isinstance(text, (bytes, bytearray)):
        return decode(bytes(text))
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str (or bytes), not {type(text).__name__}")
    # Lone surrogates (broken Unicode from a bad decode) cannot be segmented; replace
    # each with U+FFFD, one character for one, so that offsets still index the input.
    return _SURROGATES.sub("\ufffd", text)


# What a piece of a long report reads around it: the linker looks up to 60 characters
# back for a topic line, so each piece is run with the sentences around its own stretch
# (at least this much on each side) and keeps what starts within its stretch.
_MARGIN = 200
# ... but never more than this on a side (a sentence without a stop may be long), nor
# more than a quarter of a Doc.
_MAX_MARGIN = 2000


def _margin(size: int) -> int:
    """The most a piece's Doc of ``size`` characters reads on each side of its stretch."""
    return min(_MAX_MARGIN, size // 4)


def _pieces(text: str, layout: Layout, size: int) -> list[tuple[int, int]]:
    """Cut a long text into stretches whose Docs (with their margins) hold at most
    ``size`` characters, each starting where a paragraph starts (else a sentence, else a
    line): no sentence is cut, and each piece is read as the whole text reads it."""
    starts = sorted({s for s, _ in layout.paragraphs} | {s for s, _ in layout.sentences})
    para = {s for s, _ in layout.paragraphs}
    core = max(1, size - 2 * _margin(size))
    out = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + core)
        if end < len(text):
            lo = pos + core // 2
            i = bisect.bisect_right(starts, end) - 1
            cands = [x for x in starts[max(0, i - 200):i + 1] if lo < x <= end]
            cut = max((x for x in cands if x in para), default=None) or max(cands, default=None)
            if cut is None:
                line = text.rfind("\n", lo, end)
                cut = line + 1 if line > 0 else end
            end = cut
        out.append((pos, end))
        pos = end
    return out


def _margin_start(starts: Sequence[int], start: int, most: int) -> int:
    """Where the Doc of a piece starting at ``start`` begins: a sentence start at least
    _MARGIN characters before it, but no more than ``most``."""
    i = bisect.bisect_right(starts, start - min(_MARGIN, most)) - 1
    at = starts[i] if i >= 0 else 0
    return max(at, start - most, 0)


def _margin_end(starts: Sequence[int], end: int, length: int, most: int) -> int:
    """Where the Doc of a piece ending at ``end`` ends: a sentence start at least
    _MARGIN characters after it, but no more than ``most``, or the end of the text."""
    i = bisect.bisect_left(starts, end + min(_MARGIN, most))
    at = starts[i] if i < len(starts) else length
    return min(at, end + most, length)


def report_from_doc(doc: "Doc", *, offset: int = 0) -> Report:
    """Read a Report off a Doc the pipeline has processed (offsets shifted by ``offset``)."""
    layers = Layers.of(doc)
    if offset:
        layers = layers.shift(offset)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return layers.report(chars=end + offset if end else 0)


@dataclass(frozen=True)
class Layers:
    """The results of one pipeline run (layers.py), read off its Doc: what a Report is
    assembled from, and what the pieces of a long report are shifted and merged as."""

    layout: Layout
    quantities: QuantityLayer
    entities: EntityLayer
    tables: Tables
    facts: FactLayer
    checks: Checks

    @classmethod
    def of(cls, doc: "Doc") -> "Layers":
        """The results a Doc holds (an empty result for a component that did not run)."""
        ext = doc._
        return cls(layout=ext.govreport_layout or Layout(), quantities=ext.govreport_quantities or QuantityLayer(),
                   entities=ext.govreport_entities or EntityLayer(), tables=ext.govreport_tables or Tables(),
                   facts=ext.govreport_facts or FactLayer(), checks=ext.govreport_checks or Checks())

    def shift(self, offset: int) -> "Layers":
        """Every result moved by ``offset``."""
        return Layers(*(layer.shift(offset) for layer in self._parts()))

    @classmethod
    def merge(cls, parts: Sequence["Layers"]) -> "Layers":
        """The results of consecutive pieces of one text (already shifted) as one."""
        return cls(layout=Layout.merge([p.layout for p in parts]),
                   quantities=QuantityLayer.merge([p.quantities for p in parts]),
                   entities=EntityLayer.merge([p.entities for p in parts]),
                   tables=Tables.merge([p.tables for p in parts]), facts=FactLayer.merge([p.facts for p in parts]),
                   checks=Checks.merge([p.checks for p in parts]))

    def clip(self, start: int, end: int) -> "Layers":
        """The results of the words that start in ``[start, end)`` (a piece's own stretch,
        without its margins); the layout and the tables are the whole report's."""
        return replace(self, quantities=self.quantities.clip(start, end), entities=self.entities.clip(start, end),
                       facts=self.facts.clip(start, end), checks=self.checks.clip(start, end))

    def _parts(self) -> tuple[Any, ...]:
        return (self.layout, self.quantities, self.entities, self.tables, self.facts, self.checks)

    def report(self, *, chars: int) -> Report:
        """The Report these results make: facts linked to the cells they restate,
        entities with the quantities among them, the tables cell by cell."""
        entities = list(self.entities.entities)
        entities += [Entity(label=entity_label(q.kind), text=q.text, start=q.start, end=q.end, value=str(q.value))
                     for q in self.quantities.quantities]
        entities.sort(key=lambda e: (e.start, e.end))
        return Report(
            **self.layout.meta.model_dump(), sections=list(self.layout.sections),
            facts=self.checks.linked(self.facts.facts), entities=entities, chars=chars,
            template=self.tables.template, template_tables=self.tables.nested(),
            warnings=list(self.tables.warnings), consistency_warnings=list(self.checks.warnings),
            table_cells=list(self.tables.cells))


def _run(nlp: "Language", text: str, cfg: dict[str, dict[str, Any]]) -> "Doc":
    """Run the pipeline on a text whose Doc already knows its text (see doc_cache.doc_text)."""
    from .pipeline.doc_cache import remember_text

    doc = nlp.make_doc(text)
    remember_text(doc, text)
    return nlp(doc, component_cfg=cfg)


def extract(text: Union[str, bytes], *, report_year: Optional[int] = None, issuer: Optional[str] = None,
            published: Optional[str] = None, nlp: Optional["Language"] = None) -> Report:
    """Extract the facts, entities and layout of one report.

    ``text`` is the report as a str (bytes are decoded as UTF-8 or GB18030). Offsets in
    the result index ``text``: ``text[q.start:q.end] == q.text``. ``report_year``
    overrides the year read from the title, which anchors relative dates; ``issuer`` and
    ``published`` (an ISO date) override the issuer and publication date read from the
    text (what a corpus's manifest knows better than a letterhead). Each goes into the
    pipeline before the run: what is resolved on them agrees with them. ``nlp``
    defaults to the process's shared pipeline (:func:`govreport_nlp.load`).

    Empty or whitespace-only text gives an empty report; a text longer than one Doc
    may hold is processed in pieces split at line breaks.

    Lone surrogates (broken Unicode from a bad decode) are replaced by U+FFFD, one
    character for one: offsets still index ``text``, and every quoted string is the slice
    of the text with that replacement, so that every Report serializes to UTF-8 JSON.
    """
    text = _as_text(text)
    given = _given(report_year, issuer, published)
    if not text.strip():
        return Report(chars=len(text), **given)
    return _extract_text(text, given, nlp)


def _given(report_year: Optional[int], issuer: Optional[str], published: Optional[str]) -> dict[str, Any]:
    """What the caller knows of a report, checked: the fields that override the text's."""
    if report_year is not None and (isinstance(report_year, bool) or not isinstance(report_year, int)):
        raise InputError(f"report_year must be a year as an int (2024), got {report_year!r}")
    if issuer is not None and (not isinstance(issuer, str) or not issuer.strip()):
        raise InputError(f"issuer must be a non-empty str (the issuing body's name), got {issuer!r}")
    if published is not None and (not isinstance(published, str) or not _ISO_DATE.fullmatch(published)):
        raise InputError(f"published must be an ISO date as a str (2024-01-31), got {published!r}")
    return {k: v for k, v in (("report_year", report_year), ("issuer", issuer), ("published", published))
            if v is not None}


def _extract_text(text: str, given: dict[str, Any], nlp: Optional["Language"],
                  known: Optional[dict[str, Optional[str]]] = None) -> Report:
    """extract() on a checked, non-empty text; ``given`` the caller's overrides (report_year,
    issuer, published), ``known`` what the file says of itself, as in extract_file."""
    if nlp is None:
        from .pipeline.build import load

        nlp = load()
    # extract() reads the stage results, never doc.ents: the components skip writing them.
    cfg: dict[str, dict[str, Any]] = {
        "govreport_sections": {**given, "known": known},
        "govreport_quantities": {"set_ents": False}, "govreport_entities": {"set_ents": False}}
    if len(text) <= nlp.max_length:
        # The Doc's strings (new words, each report's own) go with it: a long batch keeps
        # a flat vocabulary.
        with nlp.memory_zone():
            report = report_from_doc(_run(nlp, text, cfg))
        _settle(nlp)
        return report
    return _extract_long(text, given, nlp, known)


def _settle(nlp: "Language") -> None:
    """Keep for good the lexemes of the dictionary words the zone just dropped (our
    tokenizer notes them: segment/tokenizer.py), so the next report does not make them
    again; numbers and a report's own strings stay in their zone."""
    settle = getattr(nlp.tokenizer, "settle", None)
    if settle is not None:
        settle()


def _extract_long(text: str, given: dict[str, Any], nlp: "Language",
                  known: Optional[dict[str, Optional[str]]]) -> Report:
    """A text longer than one Doc: the layout and the template tables need no words, so
    they are read off the whole text once; each piece is run with them shifted to its
    offsets (and with the sentences around it), keeps what starts within its stretch,
    and the pieces' results are shifted back and merged: the same report as one Doc's."""
    from .pipeline.sections import analyze_layout
    from .rules.tables import parse_tables

    layout = analyze_layout(text, known=known, **given)
    tables = parse_tables(text).layer()
    starts = sorted(s for s, _ in layout.sentences)
    parts = []
    home: Optional[str] = None
    for start, end in _pieces(text, layout, nlp.max_length):
        most = _margin(nlp.max_length)
        lo, hi = _margin_start(starts, start, most), _margin_end(starts, end, len(text), most)
        cfg: dict[str, dict[str, Any]] = {
            "govreport_sections": {"layout": layout.window(lo, hi)}, "govreport_tables": {"tables": tables.shift(-lo)},
            "govreport_quantities": {"set_ents": False}, "govreport_entities": {"set_ents": False, "home": home}}
        with nlp.memory_zone():
            layers = Layers.of(_run(nlp, text[lo:hi], cfg))
        _settle(nlp)
        # The report's own division, as the first piece (which holds the title) read it.
        home = home or layers.entities.home
        parts.append(layers.shift(lo).clip(start, end))
    merged = Layers.merge(parts)
    return replace(merged, layout=layout, tables=tables).report(chars=len(text))


def extract_file(path: Union[str, Path], *, report_year: Optional[int] = None, issuer: Optional[str] = None,
                 published: Optional[str] = None, nlp: Optional["Language"] = None,
                 ocr: Optional[bool] = None) -> Report:
    """Extract a report from a file: text (UTF-8, GB18030/GBK, Big5, UTF-16), HTML, PDF,
    .docx or .doc (see :func:`govreport_nlp.readers.read_document`).

    The text read from the file is kept in ``report.text`` and every offset indexes it;
    ``report.source`` is the path; ``report.read_warnings`` says what could not be read
    well (a scan without OCR, a broken text layer). A page's own ``<h1>``, 发布时间 and
    来源 give the title, publication date and issuer where the text names none;
    ``report_year``, ``issuer`` and ``published`` (a manifest's row) override both, as in
    :func:`extract`. ``ocr`` as in ``read_document``.
    """
    given = _given(report_year, issuer, published)
    doc = read_document(path, ocr=ocr)
    # What the file says of itself (a page's <h1>, 发布时间, 来源; a Word file's properties)
    # goes into the layout analysis before the run, so that the year, the kind and the
    # dates resolved on them come from the same title.
    known = {"title": doc.title, "published": doc.published, "issuer": doc.issuer}
    text = _as_text(doc.text)
    if text.strip():
        report = _extract_text(text, given, nlp, known)
    else:
        report = Report(chars=len(text), **given)
    report.text = doc.text
    report.source = str(path)
    report.read_warnings = list(doc.warnings)
    return report
