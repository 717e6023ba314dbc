"""The ``govreport_entities`` component: ORG, GPE and DATE entities.

DATE values are ISO strings resolved against the report year that
``govreport_sections`` found; ORG and GPE come from name-final words (rules/entities.py).
All three are kept in ``doc._.govreport_entities`` (with values) and added to
``doc.ents`` where they do not overlap a quantity.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .base import StatelessComponent
from ..rules.dates import find_dates, section_year, speaking_year
from .extensions import register_extensions
from ..rules.gazetteer import division_code
from ..layers import EntityLayer, Layout
from ..models import Entity
from ..rules.counties import find_county_short_names, joined_name, report_division
from ..rules.linebreaks import across_soft_breaks, join_soft_breaks, name_across
from ..rules.ranges import inside
from ..rules.entities import (central_body, extend_to_places, find_central_bodies, find_orgs, find_places, find_regions,
                              find_zones, join_subunits, outermost, region_code)
from .doc_cache import char_spans, doc_text, word_spans

__all__ = ["ReportEntities", "make_entities"]

# A name finder as the soft-break joiner calls it: (text, words) -> (start, end) spans.
_Finder = Callable[[str, Sequence[tuple[int, int]]], Iterable[tuple[int, int]]]


class ReportEntities(StatelessComponent):
    """Tag ORG, GPE and DATE entities; DATE carries its ISO value."""

    def __init__(self, nlp: Language, name: str = "govreport_entities", *, orgs: bool = True,
                 places: bool = True, dates: bool = True) -> None:
        register_extensions()
        self.name = name
        self.orgs = orgs
        self.places = places
        self.dates = dates

    def __call__(self, doc: Doc, *, set_ents: bool = True, home: Optional[str] = None) -> Doc:
        """Tag the entities. With ``set_ents`` False, ``doc.ents`` is left alone (``extract()``
        reads the layer); ``home`` is the division code of the report's province or city
        when the caller knows it (a piece of a long report: the first piece's)."""
        self.set_annotations(doc, self.find(doc, home=home), set_ents=set_ents)
        return doc

    def find(self, doc: Doc, *, home: Optional[str] = None) -> EntityLayer:
        """Find the entities of a Doc, without writing anything."""
        text = doc_text(doc)
        layout: Layout = doc._.govreport_layout or Layout()
        meta = layout.meta
        debris = layout.debris
        found: list[Entity] = []
        if self.dates:
            work_report = meta.kind == "work_report"
            delivery = int(meta.delivered[:4]) if meta.delivered else None
            speaking = speaking_year(meta.report_year, work_report=work_report, delivery_year=delivery)
            periods = [(s.start, s.end, y) for s in layout.sections
                       if (y := section_year(s.title, speaking)) is not None]
            for d in find_dates(text, meta.report_year, work_report=work_report, delivery_year=delivery,
                                periods=periods):
                found.append(Entity(label="DATE", text=d.text, start=d.start, end=d.end,
                                    value=d.value, relation=d.relation))
        words = word_spans(doc)
        # PDF text breaks lines inside names (上海市普陀区\n财政局): the finders read the
        # text without its soft breaks too, for the names that cross one.
        joined = join_soft_breaks(text, layout.line_width)

        def known(name: str) -> bool:  # a division or a region, by its joined name
            return bool(division_code(name) or region_code(name))

        def crossing(label: str, *finders: _Finder) -> list[tuple[int, int]]:
            if joined is None:
                return []
            return [span for find in finders for span in across_soft_breaks(find, joined, words)
                    if name_across(label, text, span, known)]

        place_spans: list[tuple[int, int]] = []
        if self.places:
            places = outermost([*find_places(text, words), *find_zones(text, words), *find_regions(text, words),
                                *crossing("GPE", find_places, find_zones, find_regions)], text)
            if home is None:
                home = report_division(text, places, meta.title)
            # (a name already read as a prefecture keeps its code: 广安 is 广安市 before 广安区)
            read = set(places)
            counties = {(s, e): code for s, e, code in find_county_short_names(text, words, places, home)
                        if (s, e) not in read}
            if counties:
                places = outermost([*places, *counties], text)
            place_spans = places
            found.extend(Entity(label="GPE", text=text[s:e], start=s, end=e,
                                value=counties.get((s, e)) or division_code(joined_name(text, s, e), within=home)
                                or region_code(joined_name(text, s, e)))
                         for s, e in places)
        if self.orgs:
            spans = join_subunits([*find_orgs(text, words), *find_central_bodies(text, words),
                                   *crossing("ORG", find_orgs, find_central_bodies)], text)
            spans = extend_to_places(spans, place_spans)
            found.extend(Entity(label="ORG", text=text[s:e], start=s, end=e, value=central_body(joined_name(text, s, e)))
                         for s, e in outermost(spans, text))
        # Debris lines (发布日期：…) hold no facts, but the date the layout read as the
        # publication date is a date of the report all the same.
        found = [e for e in found if not inside(e.start, debris)
                 or (e.label == "DATE" and e.value is not None and e.value == meta.published)]
        found.sort(key=lambda e: (e.start, -e.end))
        return EntityLayer(tuple(found), home=home)

    def set_annotations(self, doc: Doc, layer: EntityLayer, *, set_ents: bool = True) -> None:
        """Store the entities and, with ``set_ents``, add the ones that fit to ``doc.ents``."""
        doc._.govreport_entities = layer
        if not set_ents:
            return
        spans = char_spans(doc, ((ent.start, ent.end, ent.label) for ent in layer.entities))
        existing = list(doc.ents)
        taken = {i for e in existing for i in range(e.start, e.end)}
        spans = [s for s in filter_spans(spans) if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = existing + spans


@Language.factory(
    "govreport_entities",
    default_config={"orgs": True, "places": True, "dates": True},
    assigns=["doc._.govreport_entities", "doc.ents"],
    requires=["doc._.govreport_layout"],
)
def make_entities(nlp: Language, name: str, orgs: bool, places: bool, dates: bool) -> ReportEntities:
    """Create the ``govreport_entities`` component."""
    return ReportEntities(nlp, name, orgs=orgs, places=places, dates=dates)
