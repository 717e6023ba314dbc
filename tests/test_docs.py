"""The published JSON schema is the one the models produce."""

import json

from govreport_nlp.models import Report

from conftest import ROOT


def test_docs_schema_is_current():
    published = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert published == Report.model_json_schema(mode="serialization"), (
        "docs/schema.json is stale: regenerate it with "
        "python -c \"import json; from govreport_nlp.models import Report; "
        "print(json.dumps(Report.model_json_schema(mode='serialization'), ensure_ascii=False, indent=2))\""
    )


def test_docs_facts_lists_every_subject_rule():
    from govreport_nlp.rules.linker import SUBJECT_RULES

    facts = (ROOT / "docs" / "facts.md").read_text(encoding="utf-8")
    missing = [rule for rule in SUBJECT_RULES if f"| `{rule}` |" not in facts]
    assert not missing, f"docs/facts.md does not explain {missing}"


def test_docs_facts_explains_every_csv_column():
    from govreport_nlp.models import FACT_COLUMNS

    facts = (ROOT / "docs" / "facts.md").read_text(encoding="utf-8")
    missing = [c for c in FACT_COLUMNS if f"`{c}`" not in facts and f"`quantity.{c}`" not in facts]
    assert not missing, f"docs/facts.md does not explain the columns {missing}"


def test_docs_every_documented_import_works():
    """Every ``from govreport_nlp... import NAME`` in README.md and docs/*.md names a module
    that exists and a name in its ``__all__`` (the public import paths the docs promise)."""
    import importlib
    import re

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    pattern = re.compile(r"^\s*from (govreport_nlp[\w.]*) import ([\w, ]+)$", re.M)
    found = 0
    for page in pages:
        for module_name, names in pattern.findall(page.read_text(encoding="utf-8")):
            module = importlib.import_module(module_name)
            for name in (n.strip() for n in names.split(",")):
                found += 1
                assert name in getattr(module, "__all__", ()), f"{page.name}: {module_name}.{name} is not public"
    assert found >= 2
