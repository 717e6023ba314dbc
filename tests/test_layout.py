"""The layout stays readable: modules small, each importable on its own (no import cycle)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "src" / "govreport_nlp"
MAX_LINES = 500
# Modules over the limit, with the size they may not grow past: none left.
OVER: dict[str, int] = {}


def test_layout_modules_are_small():
    too_long = {}
    paths = list(PACKAGE.rglob("*.py"))
    assert len(paths) >= 80  # the package's modules, not an empty folder
    for path in paths:
        name = path.relative_to(PACKAGE).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > OVER.get(name, MAX_LINES):
            too_long[name] = lines
    assert not too_long, f"split these modules (over {MAX_LINES} lines): {too_long}"


def test_layout_every_module_imports_on_its_own():
    modules = sorted(
        "govreport_nlp." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py") if p.name not in ("__main__.py",) and p.name != "__init__.py")
    assert len(modules) >= 70 and "govreport_nlp.models" in modules
    # One fresh interpreter per module would be slow; one that imports each first in a
    # clean sys.modules finds a cycle just as well, since each import starts from scratch.
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('govreport_nlp')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
