"""Word segmentation: the pkuseg model files (``resources``: fetch, verify, cache), their
compact form and its feature extractor (``compact``), the compiled node features
(``_pkuseg_fast``, optional) and spaCy's Chinese tokenizer with a linear-time alignment
(``tokenizer``).
"""
