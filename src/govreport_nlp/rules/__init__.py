"""The pure rules of the pipeline, one module per component (``rules/X.py`` is run by
``pipeline/X.py``), plus the helpers they share: ``dates`` and ``gazetteer``.

Nothing here imports spaCy: every function takes text (and character offsets) and
returns plain data or the models of :mod:`govreport_nlp.models`.
"""
