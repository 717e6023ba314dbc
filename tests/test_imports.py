"""The package's modules import one another without a circle: data flows one way
(models and layers import no rules; rules import no components; nothing imports the
runners but the CLI), lazy imports inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import govreport_nlp

PACKAGE = Path(govreport_nlp.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _run_time_nodes(tree: ast.AST):
    """Every node of the tree but those under ``if TYPE_CHECKING:``: names a type checker reads
    are imported by no running program, so they make no circle."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                todo.extend(child.orelse)
            else:
                todo.append(child)


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of the package this one imports, at the top or inside a function."""
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                target = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:
                    out.add(sub)  # a submodule
                elif target in known:
                    out.add(target)
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(name, path, known) for name, path in modules.items()}
    # A package's own __init__ re-exporting its children is how a package presents
    # itself, not a dependency of the children: the edges out of an __init__ are left out.
    for name, path in modules.items():
        if path.name == "__init__.py":
            graph[name] = set()
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_imports_no_circle_between_modules():
    graph = _graph()
    assert len(graph) > 60 and graph["govreport_nlp.api"]  # the walk found the package
    assert _cycles(graph) == []


def test_imports_the_models_and_layers_import_no_rules_and_no_spacy():
    graph = _graph()
    for name in ("govreport_nlp.models", "govreport_nlp.layers", "govreport_nlp.ids"):
        assert not {m for m in graph[name] if ".rules" in m or ".pipeline" in m or ".runners" in m}, name
    for path in (PACKAGE / "models.py", PACKAGE / "layers.py"):
        assert "spacy" not in path.read_text(encoding="utf-8")


def test_imports_rules_and_numbers_import_no_components():
    graph = _graph()
    for name, deps in graph.items():
        if ".rules." in name or ".numbers." in name or ".lexicons." in name:
            assert not {d for d in deps if ".pipeline" in d or ".runners" in d or d == "govreport_nlp.api"}, name


def test_imports_type_checking_blocks_are_no_run_time_edges():
    tree = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import B\nelse:\n    import c\n")
    names = {type(n).__name__ for n in _run_time_nodes(tree)}
    imported = [a.name for n in _run_time_nodes(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names]
    assert "If" not in names and sorted(imported) == ["TYPE_CHECKING", "c"]
