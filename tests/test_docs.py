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
    import importlib.util
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


def _python_blocks():
    """Every ```python block of README.md and docs/*.md, with its page and line."""
    import re

    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    fence = re.compile(r"^```python[^\n]*\n(.*?)^```", re.M | re.S)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for m in fence.finditer(text):
            yield f"{page.name}:{text.count(chr(10), 0, m.start()) + 1}", m.group(1)


def test_docs_python_blocks_compile_and_their_imports_resolve():
    """Each Python block of the docs is valid Python, and every name it imports from
    govreport_nlp exists (blocks are not run here: most need a report file or the model)."""
    import ast
    import importlib
    import importlib.util

    blocks = list(_python_blocks())
    assert blocks, "no ```python block found in README.md or docs/"
    for where, code in blocks:
        try:
            tree = ast.parse(code, filename=where)
        except SyntaxError as e:
            raise AssertionError(f"{where}: the block is not valid Python: {e}") from e
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("govreport_nlp"):
                module = importlib.import_module(node.module)
                for alias in node.names:
                    assert hasattr(module, alias.name) or importlib.util.find_spec(
                        f"{node.module}.{alias.name}") is not None, f"{where}: {node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("govreport_nlp"):
                        importlib.import_module(alias.name)
