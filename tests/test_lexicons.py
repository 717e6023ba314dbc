"""The word lists are data: documented, public, loaded once, and used by the rules."""

from __future__ import annotations

import ast
import inspect

import pytest

from govreport_nlp.lexicons import central_bodies, foi_templates, names, regions, subjects


@pytest.mark.parametrize("module", [subjects, names, regions, central_bodies, foi_templates], ids=lambda m: m.__name__)
def test_lexicons_every_list_says_what_it_is_for(module):
    source = inspect.getsource(module)
    lines = source.splitlines()
    undocumented = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name.isupper():
                above = lines[node.lineno - 2].strip()
                # A list is documented by the comment above it, or shares its neighbour's.
                if not above.startswith("#") and not lines[node.lineno - 2].rstrip().endswith(("}", ")", "]")):
                    undocumented.append(name)
    assert not undocumented, undocumented


@pytest.mark.parametrize("module", [subjects, names, regions, central_bodies, foi_templates], ids=lambda m: m.__name__)
def test_lexicons_public_names_are_the_lists(module):
    public = {n for n in vars(module) if n.isupper() and not n.startswith("_")}
    assert public == set(module.__all__)


def test_lexicons_entries_are_words_not_phrases():
    # General usage is short words; a phrase copied from one report would be long.
    for name in subjects.__all__:
        value = getattr(subjects, name)
        words = value.keys() if isinstance(value, dict) else value
        assert len(words) > 0, name
        assert all(isinstance(w, str) and 1 <= len(w) <= 4 for w in words), name
