"""The names the entity finders know by heart, as one value a component holds and saves.

Most ORG and GPE names are found by their shape (a jurisdiction, a body, a name-final
word: rules/entities.py), but two kinds can only be known: the central bodies, written in
short forms no rule could guess (人社部 -> 中华人民共和国人力资源和社会保障部), and the regions
no division is called (京津冀, 长三角). ``NameLexicon`` holds both, with the patterns that
find them built once. The built-in one (``BUILTIN``) comes from ``lexicons.central_bodies``
and ``lexicons.regions``; the ``govreport_entities`` component builds its own in
``initialize`` from the built-in names and the ones a user adds or corrects, and saves it
with the pipeline, so a corrected lexicon ships with a saved pipeline:

>>> names = BUILTIN.extended(central_bodies={"国家数据局": ["数据局"]})
>>> names.central_body("数据局")
'国家数据局'
>>> NameLexicon.from_dict(names.to_dict()) == names
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Optional

from ..errors import LexiconError
from ..lexicons.central_bodies import BODIES
from ..lexicons.regions import REGIONS
from .clauses import alternation

__all__ = ["BUILTIN", "NameLexicon"]

# A division code as lexicons.regions writes it: 6 digits (province level, 440000) or the
# 12 of the statistical codes (440000000000).
_CODE = re.compile(r"\d{6}(?:\d{6})?")
# A name is a run of text without spaces or line breaks: the finders match names as written.
_NAME = re.compile(r"[^\s]+")


def _name(value: object, what: str) -> str:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise LexiconError(f"{what} must be a name without spaces, got {value!r}: "
                           "give each name as it is written in reports (国家数据局)")
    return value


class NameLexicon:
    """Central bodies (every written form -> the full name) and regions (name -> the
    province-level codes they cover), with the patterns that find them.

    Immutable: ``extended`` gives a new lexicon. Build one with ``NameLexicon(bodies,
    regions)``, ``BUILTIN.extended(...)`` or ``NameLexicon.from_dict(...)``; a malformed
    entry raises ``LexiconError`` saying which.
    """

    __slots__ = ("_bodies", "_regions", "body_pattern", "region_pattern")

    def __init__(self, bodies: Mapping[str, str], regions: Mapping[str, Iterable[str]]) -> None:
        self._bodies = {_name(k, "a central body's written form"): _name(v, "a central body's full name")
                        for k, v in bodies.items()}
        self._regions: dict[str, tuple[str, ...]] = {}
        for name, codes in regions.items():
            if isinstance(codes, str):
                raise LexiconError(f"the codes of region {name!r} must be a list of codes, got the string {codes!r}")
            kept = tuple(codes)
            if not kept or not all(isinstance(c, str) and _CODE.fullmatch(c) for c in kept):
                raise LexiconError(f"region {name!r} needs division codes of 6 or 12 digits (440000), got {kept!r}")
            self._regions[_name(name, "a region's name")] = kept
        # An empty alternation would match the empty string everywhere: no pattern instead.
        self.body_pattern: Optional[re.Pattern[str]] = re.compile(alternation(self._bodies)) if self._bodies else None
        self.region_pattern: Optional[re.Pattern[str]] = re.compile(alternation(self._regions)) if self._regions else None

    @property
    def bodies(self) -> Mapping[str, str]:
        """Every written form of a central body -> its full name (a copy)."""
        return dict(self._bodies)

    @property
    def regions(self) -> Mapping[str, tuple[str, ...]]:
        """Every region -> the division codes it covers (a copy)."""
        return dict(self._regions)

    def central_body(self, name: str) -> Optional[str]:
        """The full name of the central body written ``name``, or None."""
        return self._bodies.get(name)

    def region_codes(self, name: str) -> Optional[tuple[str, ...]]:
        """The division codes of the region ``name``, or None."""
        return self._regions.get(name)

    def extended(self, *, central_bodies: Optional[Mapping[str, Iterable[str]]] = None,
                 regions: Optional[Mapping[str, Iterable[str]]] = None) -> NameLexicon:
        """This lexicon with names added or corrected.

        ``central_bodies`` maps a full name to its short forms (the full name is a written
        form of itself); a short form given again is moved to the new body. ``regions`` maps
        a region to the codes it covers, replacing what the region had.
        """
        bodies = dict(self._bodies)
        for full, shorts in (central_bodies or {}).items():
            if isinstance(shorts, str):
                raise LexiconError(f"the short forms of {full!r} must be a list, got the string {shorts!r}: "
                                   f"write {{{full!r}: [{shorts!r}]}}")
            for form in (full, *shorts):
                bodies[form] = full
        merged: dict[str, Iterable[str]] = {**self._regions, **(regions or {})}
        return NameLexicon(bodies, merged)

    def to_dict(self) -> dict[str, Any]:
        """The lexicon as JSON-ready data (``from_dict`` reads it back)."""
        return {"central_bodies": dict(self._bodies),
                "regions": {name: list(codes) for name, codes in self._regions.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NameLexicon:
        """Read what ``to_dict`` wrote."""
        try:
            return cls(data["central_bodies"], data["regions"])
        except (KeyError, TypeError, AttributeError) as e:
            raise LexiconError("a saved name lexicon needs 'central_bodies' (form -> full name) and 'regions' "
                               f"(name -> codes) mappings; this one is malformed ({e!r}): save it again") from e

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NameLexicon):
            return NotImplemented
        return self._bodies == other._bodies and self._regions == other._regions

    __hash__ = None  # type: ignore[assignment]  # equal by content, and mutable-looking: unhashable

    def __repr__(self) -> str:
        return f"<NameLexicon: {len(self._bodies)} central body forms, {len(self._regions)} regions>"


BUILTIN = NameLexicon(BODIES, REGIONS)
