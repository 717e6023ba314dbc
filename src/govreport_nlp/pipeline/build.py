"""Build the spaCy pipeline: blank ``zh`` with the pkuseg segmenter and our components."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

from ..errors import GovReportError
from ..segment.resources import MODEL_ENV, model_path
from ..segment.compact import load_segmenter

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["PIPE_NAMES", "build", "load"]

# In data-flow order: each reads what the ones before it wrote.
PIPE_NAMES = ("govreport_sections", "govreport_quantities", "govreport_entities", "govreport_tables",
              "govreport_linker", "govreport_consistency")
# Long reports are split before segmentation (see api.extract); this bounds one Doc.
MAX_DOC_CHARS = 300_000

_lock = threading.Lock()
_cached: Optional["Language"] = None
# A forked worker keeps the parent's pipeline (shared copy-on-write) but needs a fresh lock.
os.register_at_fork(after_in_child=lambda: globals().__setitem__("_lock", threading.Lock()))


def build(*, model_dir: Optional[Union[str, Path]] = None, download: Optional[bool] = None,
          compact: bool = True) -> "Language":
    """Build a new pipeline. ``model_dir`` is a pkuseg model directory; without it the
    model is found or fetched as ``resources.model_path`` says. ``compact=False`` loads
    the full default model instead of its pruned form."""
    from ..segment.imports import import_spacy

    spacy = import_spacy()  # without spacy.cli (weasel, typer, httpx): nothing a pipeline runs

    from . import consistency, entities, linker, quantities, sections, tables  # noqa: F401  (register factories)

    # A model you point at (argument or GOVREPORT_NLP_PKUSEG_MODEL) is loaded as it is; the
    # cached default model is loaded in its compact form (segment/compact.py).
    explicit = model_dir is not None or bool(os.environ.get(MODEL_ENV))
    path = Path(model_dir) if model_dir is not None else model_path(download=download)
    from ..segment import tokenizer as tokenizer_module  # (registers the tokenizer)

    # spaCy's Chinese tokenizer with a linear-time word alignment (tokenizer.py).
    nlp: Language = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "govreport_nlp.ChineseTokenizer.v1", "segmenter": "pkuseg"}}})
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, tokenizer_module.LinearChineseTokenizer):
        # The config above names it; another one means a plugin re-registered the name.
        raise GovReportError(f"the zh pipeline got the tokenizer {type(tokenizer).__name__}, not "
                             "govreport_nlp.ChineseTokenizer.v1: check the spaCy registry's tokenizers")
    tokenizer.pkuseg_seg = load_segmenter(path, compact=compact and not explicit)
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.max_length = MAX_DOC_CHARS
    from .. import __version__

    # Who made this pipeline, for nlp.meta readers (spacy info, nlp.to_disk): not "pipeline 0.0.0".
    nlp.meta.update({"name": "govreport_nlp", "version": __version__, "lang": "zh",
                     "description": "Facts from Chinese government reports (govreport-nlp)",
                     "url": "https://pypi.org/project/govreport-nlp/", "license": "MIT"})
    # The pipeline's objects live as long as the process: left to the garbage collector,
    # every full pass walks the lexicons' and spaCy's big sets and dicts again (0.44 s per
    # pass over the bulk corpus), and in a forked worker touching them un-shares their pages.
    # Frozen, they are never walked; they are still freed when unreferenced.
    gc.freeze()
    return nlp


def load() -> "Language":
    """The process's pipeline, built on first use and then reused.

    Thread-safe. A worker forked after the pipeline was loaded shares it with its parent.
    """
    global _cached
    with _lock:
        if _cached is None:
            _cached = build()
        return _cached
