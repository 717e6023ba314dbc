"""Importing spaCy and spacy_pkuseg without the parts the pipeline never runs.

``import spacy`` imports ``spacy.cli`` to re-export one function (``spacy.info``), and
with it weasel, typer, httpx, jinja2 and the command-line apps: 0.18 s of a cold start of
about 1 s, for code a loaded pipeline never calls. ``import spacy_pkuseg`` imports its
model downloader, and with it requests (0.09 s), which we never call either (the model
comes from our own cache, segment/resources.py).

:func:`import_spacy` and :func:`import_spacy_pkuseg` import them with a stand-in for that
one module while the package's ``__init__`` runs; the stand-in is removed right after, so
a later ``import spacy.cli`` (``python -m spacy``, ``spacy.cli.download``) imports the real
module, and the name the package re-exported (``spacy.info``, ``spacy_pkuseg.download_model``)
imports it when first called. If the package is already imported, nothing is done; if the
package's ``__init__`` wants more of the module than the stand-in offers (a newer release),
the half-imported package is dropped and imported as usual.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any, Callable

__all__ = ["import_spacy", "import_spacy_pkuseg"]


def _forward(module: str, name: str) -> Callable[..., Any]:
    """A function that imports ``module`` when called and calls its ``name``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    call.__doc__ = f"{module}.{name}, imported when first called (govreport_nlp.segment.imports)."
    return call


def _import_without(package: str, module: str, names: tuple[str, ...]) -> ModuleType:
    """Import ``package`` with ``module`` (and the packages between them) stood in by
    modules offering ``names`` as forwarding functions."""
    if package in sys.modules:
        return sys.modules[package]
    parts = module.split(".")
    stand_ins: dict[str, ModuleType] = {}
    for k in range(2, len(parts) + 1):
        name = ".".join(parts[:k])
        if name not in sys.modules:
            stand_in = ModuleType(name)
            stand_in.__path__ = []  # a package, as far as the import system asks
            stand_ins[name] = stand_in
    leaf = stand_ins.get(module)
    if leaf is not None:
        for name in names:
            setattr(leaf, name, _forward(module, name))
    before = set(sys.modules)
    sys.modules.update(stand_ins)
    try:
        imported = importlib.import_module(package)
    except ImportError:
        # Not what this release's __init__ wants: forget the half-imported package and
        # import it as usual.
        for name in set(sys.modules) - before:
            if name == package or name.startswith(package + "."):
                del sys.modules[name]
        for name in stand_ins:
            sys.modules.pop(name, None)
        return importlib.import_module(package)
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    for name, stand_in in stand_ins.items():
        parent, _, child = name.rpartition(".")
        holder = sys.modules.get(parent)
        if holder is not None and getattr(holder, child, None) is stand_in:
            delattr(holder, child)
    return imported


def import_spacy() -> ModuleType:
    """``import spacy``, without importing ``spacy.cli`` (see the module)."""
    return _import_without("spacy", "spacy.cli.info", ("info",))


def import_spacy_pkuseg() -> ModuleType:
    """``import spacy_pkuseg``, without importing its downloader (see the module)."""
    return _import_without("spacy_pkuseg", "spacy_pkuseg.download", ("download_model",))
