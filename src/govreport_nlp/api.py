"""``extract()``: text in, a :class:`~govreport_nlp.models.Report` out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TYPE_CHECKING, Optional, Union

from .errors import InputError
from .readers.encoding import decode
from .readers.files import read_document
from .models import Entity, Report, ReportMeta, Section, TableCell, entity_label

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["extract", "extract_file", "report_from_doc"]

_SURROGATES = re.compile("[\ud800-\udfff]")


def _as_text(text: Union[str, bytes]) -> str:
    if isinstance(text, (bytes, bytearray)):
        return decode(bytes(text))
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str (or bytes), not {type(text).__name__}")
    # Lone surrogates (broken Unicode from a bad decode) cannot be segmented; replace
    # each with U+FFFD, one character for one, so that offsets still index the input.
    return _SURROGATES.sub("\ufffd", text)


def _chunks(text: str, size: int) -> list[tuple[int, str]]:
    """Split a long text at line breaks into pieces of at most ``size`` characters."""
    out = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n", pos + size // 2, end)
            if cut > 0:
                end = cut + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out


def report_from_doc(doc: "Doc", *, offset: int = 0) -> Report:
    """Read a Report off a Doc the pipeline has processed (offsets shifted by ``offset``)."""
    meta = doc._.govreport_meta or ReportMeta()
    quantities = doc._.govreport_quantities or []
    entities = list(doc._.govreport_entities or [])
    entities += [
        Entity(label=entity_label(q.kind), text=q.text, start=q.start, end=q.end, value=str(q.value))
        for q in quantities
    ]
    entities.sort(key=lambda e: (e.start, e.end))
    report = Report(
        **meta.model_dump(), sections=list(doc._.govreport_sections or []),
        facts=list(doc._.govreport_facts or []), entities=entities, chars=(doc[-1].idx + len(doc[-1].text_with_ws)) if len(doc) else 0,
        template=doc._.govreport_template, template_tables=doc._.govreport_tables,
        warnings=list(doc._.govreport_table_warnings or []),
        consistency_warnings=list(doc._.govreport_consistency_warnings or []),
        table_cells=_table_cells(doc),
    )
    if offset:
        report = _shift(report, offset)
    return report


def _table_cells(doc: "Doc") -> list[TableCell]:
    """The template cells one by one, with where each is printed and its note."""
    spans = doc._.govreport_cell_spans or {}
    notes = doc._.govreport_cell_notes or {}
    cells = []
    for table, rows in (doc._.govreport_tables or {}).items():
        for row, columns in rows.items():
            for column, value in columns.items():
                key = f"{table}/{row}/{column}"
                start, end = spans.get(key) or (None, None)
                cells.append(TableCell(table=table, row=row, column=column, value=value, start=start, end=end,
                                       note=notes.get(key)))
    return cells


def _shift(report: Report, offset: int) -> Report:
    """Move every offset of a chunk's report by ``offset`` (fact ids follow: an id is made
    from where its quantity stands in the whole text)."""
    from .rules.facts import fact_id

    ids: dict[str, str] = {}
    for fact in report.facts:
        q = fact.quantity
        fact.quantity = q.model_copy(update={"start": q.start + offset, "end": q.end + offset})
        fact.sentence_start += offset
        new_id = fact_id(fact.quantity)
        ids[fact.id] = new_id
        fact.id = new_id
    report.entities = [e.model_copy(update={"start": e.start + offset, "end": e.end + offset}) for e in report.entities]
    report.sections = [
        Section(level=s.level, title=s.title, start=s.start + offset, end=s.end + offset, path=s.path)
        for s in report.sections
    ]
    report.table_cells = [c.model_copy(update={"start": c.start + offset, "end": c.end + offset})
                          if c.start is not None and c.end is not None else c for c in report.table_cells]
    report.consistency_warnings = [w.model_copy(update={
        "start": w.start + offset, "end": w.end + offset, "fact_id": ids.get(w.fact_id, w.fact_id),
        "cells": [(s + offset, e + offset) for s, e in w.cells]}) for w in report.consistency_warnings]
    return report


def _run(nlp: "Language", text: str, cfg: dict) -> "Doc":
    """Run the pipeline on a text whose Doc already knows its text (see words.doc_text)."""
    from .pipeline.doc_cache import remember_text

    doc = nlp.make_doc(text)
    remember_text(doc, text)
    return nlp(doc, component_cfg=cfg)


def extract(text: Union[str, bytes], *, report_year: Optional[int] = None,
            nlp: Optional["Language"] = None) -> Report:
    """Extract the facts, entities and layout of one report.

    ``text`` is the report as a str (bytes are decoded as UTF-8 or GB18030). Offsets in
    the result index ``text``: ``text[q.start:q.end] == q.text``. ``report_year``
    overrides the year read from the title, which anchors relative dates. ``nlp``
    defaults to the process's shared pipeline (:func:`govreport_nlp.load`).

    Empty or whitespace-only text gives an empty report; a text longer than one Doc
    may hold is processed in pieces split at line breaks.

    Lone surrogates (broken Unicode from a bad decode) are replaced by U+FFFD, one
    character for one: offsets still index ``text``, and every quoted string is the slice
    of the text with that replacement, so that every Report serializes to UTF-8 JSON.
    """
    text = _as_text(text)
    if not text.strip():
        return Report(report_year=report_year, chars=len(text))
    return _extract_text(text, report_year, nlp)


def _extract_text(text: str, report_year: Optional[int], nlp: Optional["Language"],
                  known: Optional[dict[str, Optional[str]]] = None) -> Report:
    """extract() on a checked, non-empty text; ``known`` as in extract_file."""
    if nlp is None:
        from .pipeline.build import load

        nlp = load()
    cfg: dict[str, dict[str, Any]] = {"govreport_sections": {"report_year": report_year, "known": known}}
    limit = nlp.max_length
    if len(text) <= limit:
        return report_from_doc(_run(nlp, text, cfg))
    pieces = _chunks(text, limit)
    first = report_from_doc(_run(nlp, pieces[0][1], cfg))
    # The later pieces keep the first piece's metadata (their own first line is no title).
    meta = ReportMeta.model_validate(first.model_dump(include=set(ReportMeta.model_fields)))
    cfg = {"govreport_sections": {"meta": meta.model_dump()}}
    for offset, piece in pieces[1:]:
        part = report_from_doc(_run(nlp, piece, cfg), offset=offset)
        first.facts.extend(part.facts)
        first.entities.extend(part.entities)
        first.sections.extend(part.sections)
        first.consistency_warnings.extend(part.consistency_warnings)
    first.chars = len(text)
    return first


def extract_file(path: Union[str, Path], *, report_year: Optional[int] = None,
                 nlp: Optional["Language"] = None, ocr: Optional[bool] = None) -> Report:
    """Extract a report from a file: text (UTF-8, GB18030/GBK, Big5, UTF-16), HTML, PDF,
    .docx or .doc (see :func:`govreport_nlp.readers.read_document`).

    The text read from the file is kept in ``report.text`` and every offset indexes it;
    ``report.source`` is the path; ``report.read_warnings`` says what could not be read
    well (a scan without OCR, a broken text layer). A page's own ``<h1>``, 发布时间 and
    来源 give the title, publication date and issuer. ``ocr`` as in ``read_document``.
    """
    doc = read_document(path, ocr=ocr)
    # What the file says of itself (a page's <h1>, 发布时间, 来源; a Word file's properties)
    # goes into the layout analysis before the run, so that the year, the kind and the
    # dates resolved on them come from the same title.
    known = {"title": doc.title, "published": doc.published, "issuer": doc.issuer}
    text = _as_text(doc.text)
    if text.strip():
        report = _extract_text(text, report_year, nlp, known)
    else:
        report = Report(report_year=report_year, chars=len(text))
    report.text = doc.text
    report.source = str(path)
    report.read_warnings = list(doc.warnings)
    return report
