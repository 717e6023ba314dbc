"""The ``govreport_entities`` component: ORG, GPE and DATE entities.

DATE values are ISO strings resolved against the report year that
``govreport_sections`` found; ORG and GPE come from name-final words (rules/entities.py).
All three are kept in ``doc._.govreport_entities`` (with values) and added to
``doc.ents`` where they do not overlap a quantity.

The names known by heart (central bodies, regions: rules/name_lexicon.py) are the
component's state, as span_ruler's patterns are spaCy's: the built-in lexicon unless
``initialize`` is given names to add or correct, saved by ``to_disk``/``to_bytes`` and read
back by ``from_disk``/``from_bytes``, so a corrected lexicon ships with a saved pipeline::

    nlp = govreport_nlp.load()
    nlp.get_pipe("govreport_entities").initialize(central_bodies={"国家数据局": ["数据局"]})
    nlp.to_disk("my_pipeline")   # spacy.load("my_pipeline") knows 数据局
"""

# No ``from __future__ import annotations`` here: spaCy reads ``initialize``'s annotations
# at run time to validate the [initialize.components.govreport_entities] settings.

import functools
import json
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import ensure_path, filter_spans

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
from ..errors import LexiconError
from ..rules.name_lexicon import BUILTIN, NameLexicon
from .doc_cache import char_spans, doc_text, word_spans

__all__ = ["ReportEntities", "make_entities"]

# A name finder as the soft-break joiner calls it: (text, words) -> (start, end) spans.
_Finder = Callable[[str, Sequence[tuple[int, int]]], Iterable[tuple[int, int]]]


class ReportEntities(Pipe):
    """Tag ORG, GPE and DATE entities; DATE carries its ISO value.

    A spaCy ``Pipe`` (spaCy's error handler applies) whose state is its name lexicon
    (``names``): see the module's docstring."""

    def __init__(self, nlp: Language, name: str = "govreport_entities", *, orgs: bool = True,
                 places: bool = True, dates: bool = True) -> None:
        register_extensions()
        self.name = name
        self.orgs = orgs
        self.places = places
        self.dates = dates
        self.names: NameLexicon = BUILTIN

    def initialize(self, get_examples: Optional[Callable[[], Iterable[Any]]] = None, *,
                   nlp: Optional[Language] = None,
                   central_bodies: Optional[Mapping[str, Sequence[str]]] = None,
                   regions: Optional[Mapping[str, Sequence[str]]] = None) -> None:
        """Set the names the component knows by heart: the built-in lexicon with
        ``central_bodies`` (full name -> short forms) and ``regions`` (name -> division codes)
        added or corrected. Called by ``nlp.initialize()`` with the settings of
        ``[initialize.components.govreport_entities]``, or directly; without names it
        restores the built-in lexicon. A malformed entry raises ``LexiconError``."""
        self.names = BUILTIN.extended(central_bodies=central_bodies, regions=regions)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the component's name lexicon."""
        data: bytes = srsly.msgpack_dumps({"names": self.names.to_dict()})
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ReportEntities":
        """Load the name lexicon ``to_bytes`` wrote (empty bytes: the built-in one)."""
        self.names = NameLexicon.from_dict(srsly.msgpack_loads(data)["names"]) if data else BUILTIN
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Save the name lexicon as ``names.json`` in the component's folder: UTF-8 and
        readable (国家海洋局, not escapes), so it can be corrected by hand."""
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.names.to_dict(), ensure_ascii=False, indent=1)
        (folder / "names.json").write_text(text + "\n", encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "ReportEntities":
        """Load ``names.json`` from the component's folder; a pipeline saved before the
        lexicon was saved has none and keeps the built-in one."""
        file = ensure_path(path) / "names.json"
        if not file.is_file():
            self.names = BUILTIN
            return self
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise LexiconError(f"{file} is not the JSON a saved pipeline writes ({e}): correct it or save the "
                               "pipeline again") from e
        self.names = NameLexicon.from_dict(data)
        return self

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
            return bool(division_code(name) or region_code(name, self.names))

        def crossing(label: str, *finders: _Finder) -> list[tuple[int, int]]:
            if joined is None:
                return []
            return [span for find in finders for span in across_soft_breaks(find, joined, words)
                    if name_across(label, text, span, known)]

        regions: _Finder = functools.partial(find_regions, names=self.names)
        bodies: _Finder = functools.partial(find_central_bodies, names=self.names)
        place_spans: list[tuple[int, int]] = []
        if self.places:
            places = outermost([*find_places(text, words), *find_zones(text, words), *regions(text, words),
                                *crossing("GPE", find_places, find_zones, regions)], text)
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
                                or region_code(joined_name(text, s, e), self.names))
                         for s, e in places)
        if self.orgs:
            spans = join_subunits([*find_orgs(text, words), *bodies(text, words),
                                   *crossing("ORG", find_orgs, bodies)], text, self.names)
            spans = extend_to_places(spans, place_spans, text, self.names)
            found.extend(Entity(label="ORG", text=text[s:e], start=s, end=e,
                                value=central_body(joined_name(text, s, e), self.names))
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
