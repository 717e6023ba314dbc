"""One word index per Doc, shared by the name finders (rules/words.py)."""

from __future__ import annotations

from pathlib import Path

from govreport_nlp.rules import entities
from govreport_nlp.rules.words import WordIndex, word_index

DATA = Path(__file__).resolve().parent / "data"


def test_words_index_tables():
    words = WordIndex([(0, 2), (2, 3), (4, 6)])
    assert list(words) == [(0, 2), (2, 3), (4, 6)] and words[-1] == (4, 6) and len(words) == 3
    assert words.starts == [0, 2, 4] and words.ends == [2, 3, 6]
    assert words.start_set == {0, 2, 4} and words.end_set == {2, 3, 6}
    assert words.index_of_start == {0: 0, 2: 1, 4: 2} and words.index_of_end == {2: 0, 3: 1, 6: 2}
    assert [words.word_starting_at(k) for k in range(7)] == [0, None, 1, None, 2, None, None]
    assert [words.word_ending_at(k) for k in range(7)] == [None, None, 0, 1, None, None, 2]
    assert word_index(words) is words and word_index([(0, 1)]).starts == [0]


def test_words_finders_read_an_index_as_they_read_the_list(nlp):
    # huaian_city_foi_2024: bodies, places and their finders on a whole report.
    from govreport_nlp.pipeline.doc_cache import word_spans

    text = (DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    spans = word_spans(nlp.make_doc(text))
    index = WordIndex(spans)
    for find in (entities.find_orgs, entities.find_central_bodies, entities.find_places, entities.find_zones,
                 entities.find_regions):
        assert list(find(text, index)) == list(find(text, spans)), find.__name__
    assert len(list(entities.find_orgs(text, index))) >= 10
    assert "淮安市" in {text[s:e] for s, e in entities.find_places(text, index)}
    # the tables are made once, shared, and only the cheap ones (no offset -> index dicts)
    assert index.__dict__.keys() >= {"start_set", "end_set", "ends"}
    assert not index.__dict__.keys() & {"index_of_start", "index_of_end"}
