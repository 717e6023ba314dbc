"""The spaCy side: the pipeline's components, the Doc extensions they write, and
:func:`load`/:func:`build`, which assemble blank ``zh`` + pkuseg + the components.

Naming rule: ``pipeline/X.py`` is the component ``govreport_X`` (factory, ``assigns``,
``requires``, ``set_annotations``); the pure logic it runs is ``rules/X.py``, which
knows nothing of spaCy. ``numbers`` (the normalizer) and ``segment`` (pkuseg) are the two
larger logic packages the components and the tokenizer call.
"""

from .build import MAX_DOC_CHARS, PIPE_NAMES, build, load

__all__ = ["MAX_DOC_CHARS", "PIPE_NAMES", "build", "load"]
