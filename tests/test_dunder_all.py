"""The public API is what ``__all__`` says, and ``__all__`` names only real objects."""

import govreport_nlp

EXPECTED = {
    "BatchResult", "ConsistencyWarning", "Entity", "Fact", "GovReportError", "InputError", "ModelDownloadError", "ModelNotFoundError",
    "Quantity", "ReadWarning", "Report", "Section", "TableCell", "TableCellRef", "TableWarning", "__version__", "compare", "download_model", "extract", "extract_file", "extract_many",
    "find_quantities", "load", "normalize", "panel", "parse_number",
}


def test_dunder_all_is_sorted_strings_that_exist():
    names = govreport_nlp.__all__
    assert all(isinstance(n, str) for n in names)
    assert list(names) == sorted(names)
    for name in names:
        assert hasattr(govreport_nlp, name), name


def test_dunder_all_changes_are_deliberate():
    assert set(govreport_nlp.__all__) == EXPECTED


def test_dunder_all_public_names_have_docstrings():
    for name in govreport_nlp.__all__:
        obj = getattr(govreport_nlp, name)
        if callable(obj):
            assert obj.__doc__, name


# The modules below the package that README.md and docs/*.md import from or name: their
# public names, as the docs promise them. A change here is a change of the documented API.
DOCUMENTED_MODULES = {
    "govreport_nlp.runners.batch": {"BatchResult", "extract_many", "process_one"},
    "govreport_nlp.runners.scaleout": {"DOCUMENT_COLUMNS", "extract_to_parquet", "process_partition"},
    "govreport_nlp.runners.compare": {"COMPARE_VERSION", "CellChange", "Comparison", "FactChange", "FactSide",
                                      "ReportSide", "compare", "subject_key"},
}


def _documented_names():
    """(page, module, name) for every ``from M import N`` / ``import M`` in the docs' code and
    every `M.N` written in backticks (docs/architecture.md, the page of internals, aside)."""
    import re

    from conftest import ROOT

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for module, names in re.findall(r"^\s*from (govreport_nlp[\w.]*) import ([\w, ]+)$", text, re.M):
            for name in names.split(","):
                yield page.name, module, name.strip()
        for module in re.findall(r"^\s*import (govreport_nlp[\w.]*)", text, re.M):
            yield page.name, module, None
        if page.name != "architecture.md":
            for dotted in re.findall(r"`(govreport_nlp(?:\.\w+)+)`", text):
                module, _, name = dotted.rpartition(".")
                yield page.name, module, name


def test_dunder_all_of_every_documented_module_is_pinned():
    import importlib

    seen = set()
    for page, module_name, name in _documented_names():
        module = importlib.import_module(module_name)
        if module_name != "govreport_nlp":
            assert module_name in DOCUMENTED_MODULES, f"{page} names {module_name}: pin its __all__ here"
        if name is not None:
            assert name in module.__all__, f"{page}: {module_name}.{name} is not in its __all__"
        seen.add(module_name)
    assert set(DOCUMENTED_MODULES) <= seen, "a pinned module the docs no longer name: unpin it"
    for module_name, expected in DOCUMENTED_MODULES.items():
        module = importlib.import_module(module_name)
        assert set(module.__all__) == expected, module_name
        for name in module.__all__:
            assert hasattr(module, name), f"{module_name}.{name}"
