"""lexicons/names.py: the name finders' regexes are built from its lists (rules/entities.py)."""

from __future__ import annotations

from govreport_nlp.lexicons import names as lex
from govreport_nlp.rules import entities


def test_lexicons_names_one_word_and_level_bodies_are_what_the_finder_matches():
    for word in lex.ONE_WORD_BODIES:
        assert entities._ORG_WORDS.fullmatch(word), word
    for level in lex.LEVEL_CHARS:
        for body in lex.LEVEL_BODIES:
            # the longest form at a place wins: 市人大常委会, not 市人大
            assert entities._ORG_WORDS.match(level + body + "主任").group() == level + body


def test_lexicons_names_heads_endings_and_zones_are_read_from_the_lists():
    for head in lex.NATIONAL_HEADS:
        assert entities._HEAD.match(head)
    for end in lex.DIVISION_ENDS:
        assert entities._HEAD.fullmatch("平潭" + end), end
    for suffix, before in lex.NOT_ORG_BEFORE_SUFFIX.items():
        assert all(entities._NOT_ORGS.search(b + suffix) for b in before), suffix
    assert [entities._ZONE.search("平潭" + z).group() for z in lex.ZONE_SUFFIXES] == list(lex.ZONE_SUFFIXES)
    assert all(entities._COMPOUND_AFTER.match(w) for w in lex.GOVERNMENT_COMPOUNDS)
    assert entities._COMPOUND_AFTER.match("委员会") is None  # a committee is a body
    assert entities._NOT_AFTER_BODY is lex.NOT_AFTER_BODY and entities._BODY_ENDS is lex.BODY_END_CHARS


def test_lexicons_names_small_places_that_are_no_names():
    # 和美乡村, 示范村: a quality or a programme before 村 names no village.
    for word in (*lex.SMALL_PLACE_NOT_NAME_WORDS, *lex.SMALL_PLACE_NOT_NAME_CHARS):
        assert entities._SMALL_PLACE_NOT_NAME.match(word), word
