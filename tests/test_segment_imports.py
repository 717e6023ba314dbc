"""spaCy and spacy_pkuseg imported without the modules the pipeline never runs (segment/imports.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_segment_imports_leave_out_the_cli_and_the_downloader():
    code = textwrap.dedent("""
        import sys
        from govreport_nlp.segment.imports import import_spacy
        spacy = import_spacy()
        import govreport_nlp
        govreport_nlp.load()
        assert "spacy.cli" not in sys.modules and "requests" not in sys.modules, "imported"
        assert govreport_nlp.extract("主动公开政府信息4512条").facts
        import spacy_pkuseg
        import spacy.cli  # the real one, when asked for
        from spacy.cli.info import info
        assert spacy.cli.info is not None and callable(spacy.info) and callable(info)
        from spacy_pkuseg.download import download_model
        assert callable(download_model) and callable(spacy_pkuseg.download_model)
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


def test_segment_imports_load_alone_leaves_out_the_cli():
    # govreport_nlp.load() imports spaCy itself (pipeline/build.py): a user who never
    # imported spaCy pays for no command-line apps.
    code = textwrap.dedent("""
        import sys
        import govreport_nlp
        govreport_nlp.load()
        print(sorted(m for m in ("spacy.cli", "weasel", "typer", "httpx", "requests") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"


def test_segment_imports_fall_back_when_the_package_wants_more(tmp_path, monkeypatch):
    from govreport_nlp.segment.imports import _import_without

    pkg = tmp_path / "gr_demo_pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .sub.mod import a, b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "mod.py").write_text("def a():\n    return 1\n\ndef b():\n    return 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        module = _import_without("gr_demo_pkg", "gr_demo_pkg.sub.mod", ("a",))  # b is missing
        assert module.b() == 2 and module.a() == 1
        assert sys.modules["gr_demo_pkg.sub.mod"].__file__.endswith("mod.py")
    finally:
        for name in [n for n in sys.modules if n.startswith("gr_demo_pkg")]:
            del sys.modules[name]


def test_segment_imports_stand_in_forwards_when_called(tmp_path, monkeypatch):
    from govreport_nlp.segment.imports import _import_without

    pkg = tmp_path / "gr_demo_two"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .sub.mod import a\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "mod.py").write_text("def a(x):\n    return x + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        module = _import_without("gr_demo_two", "gr_demo_two.sub.mod", ("a",))
        assert "gr_demo_two.sub.mod" not in sys.modules and not hasattr(module, "sub")
        assert module.a(1) == 2  # imports the real module now
        assert "gr_demo_two.sub.mod" in sys.modules
    finally:
        for name in [n for n in sys.modules if n.startswith("gr_demo_two")]:
            del sys.modules[name]
