"""Every lexicon module is data: its public lists are non-empty and documented, it imports
nothing, and the rules build their regular expressions from its lists (a word added to a
list is a word the rule reads)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re

import pytest

import govreport_nlp.lexicons as lexicons
from govreport_nlp.lexicons import dates as date_words
from govreport_nlp.lexicons import divisions, foi_narrative, foi_templates, layout, subjects, units
from govreport_nlp.rules import consistency, dates, gazetteer, masthead, quantities, sections, subject_phrase, table_cells
from govreport_nlp.rules import clauses, counties, phrases, subject_rules, tables, topics

MODULES = [importlib.import_module(f"govreport_nlp.lexicons.{m.name}") for m in pkgutil.iter_modules(lexicons.__path__)]
IDS = [m.__name__.rsplit(".", 1)[1] for m in MODULES]


def _assignments(module):
    """(name, line number) of every top-level assignment of the module."""
    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            yield node.targets[0].id, node.lineno
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            yield node.target.id, node.lineno


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_lexicon_modules_public_lists_are_not_empty(module):
    assert module.__doc__ and module.__all__
    for name in module.__all__:
        value = getattr(module, name)
        assert isinstance(value, (str, tuple, list, dict, set, frozenset)), name
        assert len(value) > 0, name


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_lexicon_modules_public_lists_are_documented(module):
    # A list says what it is for in the comment above it, or shares its neighbour's (the
    # line above ends the list before it).
    lines = inspect.getsource(module).splitlines()
    undocumented = [name for name, lineno in _assignments(module) if name in module.__all__
                    and not lines[lineno - 2].strip().startswith("#")
                    and not lines[lineno - 2].rstrip().endswith(("}", ")", "]"))]
    assert not undocumented


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_lexicon_modules_are_data_and_import_nothing(module):
    imports = [node for node in ast.parse(inspect.getsource(module)).body
               if isinstance(node, (ast.Import, ast.ImportFrom)) and node.module != "__future__"]
    # (lexicons/__init__ names its submodules; no list imports code)
    assert all(isinstance(node, ast.ImportFrom) and node.level == 1 and node.module is None for node in imports)


@pytest.mark.parametrize("module", [date_words, divisions, foi_templates, layout, units], ids=lambda m: m.__name__)
def test_lexicon_modules_new_ones_export_every_list(module):
    public = {name for name, _ in _assignments(module) if name.isupper() and not name.startswith("_")}
    assert public == set(module.__all__)


# (compiled pattern of a rule, the words it must hold: it was built from them)
BUILT_FROM = [
    (dates._DATE, (*date_words.AS_OF_WORDS, *date_words.PLAN_DOCUMENTS, *date_words.REVIEW_VERBS,
                   *date_words.YEAR_END_WORDS, *date_words.SPEAKING_OFFSETS, *date_words.PERIOD_OFFSETS,
                   *date_words.LAST_YEAR_WORDS, *date_words.YEAR_POINTS, *date_words.YEAR_PARTS)),
    (masthead._LETTERHEAD, layout.LETTERHEAD_MARKS),
    (masthead._BODY_LINE, (*layout.BODY_SUFFIXES, *layout.BODY_HEAD_TITLES)),
    (masthead._SOURCE, (*layout.SOURCE_LABELS, *layout.BODY_SUFFIXES)),
    (sections._TITLE_WORDS, layout.TITLE_WORDS),
    (sections._OPEN_TITLE, layout.DOCUMENT_NOUNS),
    (sections._DELIVERY, layout.DELIVERY_MEETINGS),
    (sections._SITE_SUFFIX, (*layout.PAGE_TITLE_ENDS, *layout.DRAFT_WORDS)),
    (sections._BODY_END, layout.ISSUER_BODY_ENDS),
    (sections._REPORT_KINDS, layout.REPORT_KIND_WORDS),
    (sections._DEBRIS_LINE, (*layout.DEBRIS_LABELS, *layout.DEBRIS_WORDS, *layout.PAGE_BUTTONS, *layout.BYLINE_WORDS)),
    (sections._FOOTER_START, layout.FOOTER_STARTS),
    (sections._LABELLED, (*layout.PUBLICATION_ACTS, *layout.PUBLICATION_LABELS)),
    (quantities._PERCENT_COLUMN, units.PERCENT_COLUMN_WORDS),
    (quantities._CHANGE_COLUMN, units.CHANGE_COLUMN_WORDS),
    (quantities._LABEL_COLUMN, units.LABEL_COLUMN_WORDS),
    (quantities._THIS_DOCUMENT, units.DOCUMENT_NOUNS_AFTER_BEN),
    (consistency._SHARE_GAP, (*foi_narrative.SHARE_WHOLES, *foi_narrative.SHARE_NOUNS)),
    (consistency._OTHER_YEAR, foi_narrative.OTHER_YEAR_WORDS),
    (subject_phrase._CHANGE, subjects.CHANGE_MODIFIERS),
    (subject_phrase._AVERAGE, subjects.AVERAGE_WORDS),
    (subject_phrase.COMPLETION, (*subjects.COMPLETION_VERBS, *subjects.COMPLETION_STAGES)),
    (topics._STATE_AFTER, subjects.STATE_ASPECTS),
    (tables._T2_START, (foi_templates.TABLE2_HEADING,)),
    (tables._T3_START, (foi_templates.TABLE3_HEADING,)),
    (tables._T4_END, foi_templates.AFTER_TABLES),
    (tables._T4_HEADER_END, foi_templates.TABLE4_HEADER_ENDS),
    (tables._T2021, foi_templates.TEMPLATE_2021_WORDS),
    (tables._T2019, foi_templates.TEMPLATE_2019_WORDS),
    (subject_rules._ORIGIN, subjects.ORIGIN_VERBS),
    (subject_rules._NOTE_AFTER, subjects.BOUND_WORDS),
    (dates._BASELINE, date_words.BASELINE_OPENERS),
    (dates._SENTENCE_YEAR, date_words.SPAN_BOUND_WORDS),
    (sections._PERIOD_BEFORE, layout.PERIOD_OPENERS),
    (sections._PERIOD_AFTER, layout.PERIOD_CLOSERS),
    (sections._WORK_REPORT_OPENING, (*layout.CONGRESS_SALUTATIONS, *layout.REPORTING_TO_CONGRESS, *layout.WORK_REPORT_TOPICS)),
]


@pytest.mark.parametrize("pattern, words", BUILT_FROM, ids=lambda x: x.pattern[:20] if isinstance(x, re.Pattern) else "")
def test_lexicon_modules_rules_regexes_hold_their_words(pattern, words):
    # (the words between the marks of alternation and groups, once group names and
    # look-arounds are taken out)
    alternatives = set(re.split(r"[|()?:]+", re.sub(r"\?P<\w+>|\?<?[=!]", "", pattern.pattern)))
    assert [w for w in words if w not in alternatives] == []


def test_lexicon_modules_rules_read_the_lists_themselves():
    # The rules hold the lists, not copies of them.
    assert dates._SPEAKING is date_words.SPEAKING_OFFSETS and dates._RELATIVE_OFFSET is date_words.PERIOD_OFFSETS
    assert dates._PARTS is date_words.YEAR_PARTS and dates._LAST_YEAR_WORDS is date_words.LAST_YEAR_WORDS
    assert quantities._ROW_UNITS is units.ROW_UNITS and quantities._SCALED_MONEY is units.MONEY_SCALES
    assert gazetteer._SUFFIXES is divisions.SHORT_NAME_SUFFIXES
    assert gazetteer._FULL_SUFFIXES is divisions.DIVISION_LEVEL_CHARS
    assert subject_phrase._BARE_SHARES is subjects.BARE_SHARES
    assert [word for word, _ in sections._KINDS] == [word for word, _ in layout.GENRE_WORDS]
    assert table_cells._NOT_A_CELL_BEFORE is foi_templates.NOT_A_CELL_BEFORE
    assert tables._FIRST_LABEL is foi_templates.T3_ROWS[0][1]
    assert subject_rules._INSTITUTION_ENDS is subjects.INSTITUTION_END_CHARS
    assert clauses._COPULAS is subjects.RELATIVE_CLAUSE_WORDS
    assert set(subject_rules._JOINER_CHARS) == subjects.LIST_JOINERS
    assert counties._SUFFIX_AFTER is divisions.FULL_NAME_CHARS and counties.WORDS_BEFORE_A_NAME is divisions.WORDS_BEFORE_A_NAME
    assert phrases.DIVISION_LEVEL_CHARS is divisions.DIVISION_LEVEL_CHARS
    assert date_words.YEAR_POINTS == (*date_words.YEAR_END_POINTS, *date_words.YEAR_START_POINTS)
    assert dates._YEAR_END_SUFFIXES[-len(date_words.YEAR_END_POINTS):] == date_words.YEAR_END_POINTS


# (compiled pattern of a rule, the characters of a class it must hold: it was built from them)
CLASSES_FROM = [
    (subject_rules._MEASURE_END, subjects.MEASURE_END_CHARS),
    (topics._STATE_AFTER, subjects.STATE_COUNT_UNITS),
]


@pytest.mark.parametrize("pattern, chars", CLASSES_FROM, ids=lambda x: x.pattern[:20] if isinstance(x, re.Pattern) else "")
def test_lexicon_modules_rules_classes_hold_their_characters(pattern, chars):
    assert f"[{chars}]" in pattern.pattern


def test_lexicon_modules_every_date_word_can_start_a_date():
    # _DATE looks ahead for a date's first character before trying its forms: a word added
    # to a list must begin with one of them, or it would never be read.
    first = re.match(r"\(\?=\[(.*?)\]\)", dates._DATE.pattern)
    assert first is not None
    starts = re.compile(f"[{first.group(1)}]")
    words = (*date_words.AS_OF_WORDS, *date_words.YEAR_END_WORDS, *date_words.SPEAKING_OFFSETS,
             *date_words.PERIOD_OFFSETS, *date_words.LAST_YEAR_WORDS, *date_words.YEAR_POINTS, *date_words.YEAR_PARTS)
    assert [w for w in words if not starts.match(w)] == []


@pytest.mark.parametrize("word", [*date_words.SPEAKING_OFFSETS, *date_words.PERIOD_OFFSETS, *date_words.LAST_YEAR_WORDS,
                                  *date_words.YEAR_POINTS, *date_words.YEAR_PARTS])
def test_lexicon_modules_every_relative_year_word_is_a_date(word):
    assert [d.text for d in dates.find_dates(f"，{word}，", 2020)] == [word]
