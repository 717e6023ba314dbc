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
