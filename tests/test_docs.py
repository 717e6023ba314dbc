"""The docs cannot drift: the published JSON schema is the one the models produce, every
documented import exists, and every Python and shell block of README.md and docs/*.md runs."""

import json
import re

import pytest

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


# A fenced block the tests do not run is preceded by this comment, saying why (it needs the
# network, a browser, a cluster, or it runs the test suite itself); every other ```python and
# ```bash block of README.md and docs/*.md is run by test_docs_blocks_run.
NOT_TESTED = re.compile(r"<!-- not tested: (.+?) -->\s*\n```")
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)
PYTHON, SHELL = {"python", "py"}, {"bash", "sh", "shell", "console"}
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _blocks(page):
    """The fenced blocks of ``page``: (where, language, code, reason not tested or None)."""
    text = page.read_text(encoding="utf-8")
    skipped = {m.end() - 3: m.group(1) for m in NOT_TESTED.finditer(text)}
    for m in _FENCE.finditer(text):
        where = f"{page.name}:{text.count(chr(10), 0, m.start()) + 1}"
        yield where, m.group(1), m.group(2), skipped.get(m.start())


def _python_blocks():
    """Every ```python block of README.md and docs/*.md, with its page and line."""
    for page in PAGES:
        for where, lang, code, _ in _blocks(page):
            if lang in PYTHON:
                yield where, code


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


# --- Every block runs ----------------------------------------------------------------------
# The small corpus the blocks run on, laid out in a temporary folder the way the docs name
# their files: report.txt, a.txt, reports/ with its manifest files.csv (the list that
# docs/corpus-in-an-afternoon.md prints), and ../shared/corpus/{dev,bulk} with 河北省教育厅's
# FOI reports (the real ones when ../shared is there, else stand-ins from tests/data).
DATA = ROOT / "tests" / "data"
HUAIAN, SHANGHAI = DATA / "huaian_city_foi_2024.txt", DATA / "shanghai_office_foi_2025.txt"
MANIFEST = ("path,issuer,year,level\n"
            "reports/huaian_city_foi_2024.txt,淮安市人民政府,2024,市\n"
            "reports/shanghai_office_foi_2025.txt,上海市人民政府办公厅,2025,省\n")


def _sandbox(tmp_path):
    """The folder the docs' blocks run in (see above); returns the working folder."""
    import shutil

    from conftest import BULK, DEV, SEED_NAME, SEEDS

    work = tmp_path / "work"
    (work / "reports").mkdir(parents=True)
    for source in (HUAIAN, SHANGHAI):
        shutil.copy(source, work / "reports" / source.name)
    (work / "files.csv").write_text(MANIFEST, encoding="utf-8")
    for name, source in (("report.txt", HUAIAN), ("huaian_2024.txt", HUAIAN), ("a.txt", HUAIAN),
                         ("b.txt", SHANGHAI), ("report.pdf", DATA / "tianjin_2025_budget_report_p3.pdf")):
        shutil.copy(source, work / name)
    (work / "seeds").mkdir()
    shutil.copy(SEEDS / f"{SEED_NAME}.txt", work / "seeds")
    shutil.copytree(ROOT / "examples", work / "examples")
    (work / "docs").mkdir()
    corpus = tmp_path / "shared" / "corpus"
    for folder in ("dev", "bulk"):
        (corpus / folder).mkdir(parents=True)
    if DEV.is_dir() and BULK.is_dir():
        for folder, real in (("dev", DEV), ("bulk", BULK)):
            for path in real.glob("hebei_jyt_foi_20*.txt"):
                shutil.copy(path, corpus / folder / path.name)
    else:  # one body's two years: 淮安市 2024 and a copy with one figure changed
        text = HUAIAN.read_text(encoding="utf-8")
        (corpus / "bulk" / "hebei_jyt_foi_2022.txt").write_text(text, encoding="utf-8")
        (corpus / "dev" / "hebei_jyt_foi_2023.txt").write_text(text.replace("复 3050 件", "复 3005 件"),
                                                                 encoding="utf-8")
    return work


def _run_block(where, lang, code, work, namespace):
    """Run one block in ``work``: Python in this process (the pipeline is loaded once),
    shell in bash with -e -u -o pipefail and the venv's scripts first on PATH."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    if lang in PYTHON:
        try:
            exec(compile(code, where, "exec"), namespace)  # noqa: S102  (the docs' own blocks)
        except Exception as e:
            raise AssertionError(f"{where}: the block fails: {type(e).__name__}: {e}") from e
        return
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=work, env=env, capture_output=True,
                          text=True, timeout=900, check=False)
    assert done.returncode == 0, f"{where}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_docs_blocks_run(page, tmp_path, monkeypatch, nlp):
    """Every ```python and ```bash block of the page runs, in order, in a folder holding the
    files it names (a small corpus from tests/data); a block marked ``<!-- not tested: WHY -->``
    is left out (the network, a browser, a cluster)."""
    blocks = [b for b in _blocks(page) if b[1] in PYTHON | SHELL and b[3] is None]
    if not blocks:
        pytest.skip(f"{page.name} has no block to run")
    work = _sandbox(tmp_path)
    monkeypatch.chdir(work)
    namespace = {"__name__": "__docs__"}
    for where, lang, code, _ in blocks:
        _run_block(where, lang, code, work, namespace)


def test_docs_blocks_not_run_say_why_and_are_few():
    """Each block left out says why, and only blocks that need what a test may not have."""
    reasons = {where: why for page in PAGES for where, lang, _, why in _blocks(page) if why}
    assert reasons, "expected the marked blocks of README.md and corpus-in-an-afternoon.md"
    for where, why in reasons.items():
        assert any(w in why for w in ("network", "browser", "web server", "cluster", "test suite")), (where, why)
    assert len(reasons) <= 6, reasons
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- not tested: " in readme and "tests/test_docs.py" in readme, "README must explain the marker"


def test_docs_corpus_page_prints_the_manifest_the_tests_use():
    page = (ROOT / "docs" / "corpus-in-an-afternoon.md").read_text(encoding="utf-8")
    assert f"```csv\n{MANIFEST}```" in page


def test_docs_fenced_blocks_have_a_known_language():
    """A block is code to run (python, bash), data (json, csv), or output (no language)."""
    for page in PAGES:
        for where, lang, _, _ in _blocks(page):
            assert lang in PYTHON | SHELL | {"", "json", "csv", "text"}, (where, lang)


def test_docs_architecture_names_every_runners_module():
    """docs/architecture.md's table of modules keeps up with runners/ (the folder that grows)."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(p.name for p in (ROOT / "src" / "govreport_nlp" / "runners").glob("*.py") if p.name != "__init__.py")
    missing = [m for m in modules if f"`runners/{m}`" not in page]
    assert not missing, f"docs/architecture.md does not name {missing}"
