"""pkuseg's feature extractor for the compact model: what segmenting does not need is
read only when something asks for it.

* ``bigram``: the 1.1 million word pairs of pkuseg's training. Segmenting never reads
  them; saving the model does (spaCy's ``to_bytes``/``to_disk`` of the tokenizer).
* The features of two parts (character pairs ``c-1c.``/``cc1.``/``c-2c-1.``, word pairs
  ``ww.l.``/``ww.r.``: 85% of the features) are stored apart, one file per template with
  one ``a<TAB>b1<TAB>b2...`` row per first part, ids in file order (segmenter.py). The
  compiled node features read them into tables a -> b -> id (``table``);
  ``feature_to_idx``, the flat dict spacy_pkuseg's own code looks features up in, is
  assembled the first time it is used (pure-Python segmenting, saving).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from spacy_pkuseg.feature_extractor import FeatureExtractor

from .segmenter import _lines as _read_lines

__all__ = ["CompactFeatureExtractor"]


class CompactFeatureExtractor(FeatureExtractor):
    """A FeatureExtractor over a compact model directory (format 4).

    ``base_features`` maps every one-part feature to its id; the tables of ``tables``
    (template, separator, features, rows) follow in that order, each in file order.
    """

    def __init__(self, path: Path, base_features: dict[str, int],
                 tables: Sequence[tuple[str, str, int, int]]) -> None:
        # FeatureExtractor.__init__ would set empty tables; the loader fills them instead.
        self._path = path
        self.base_features = base_features
        self._tables = list(tables)
        self._bigram: Optional[set[str]] = None
        self._features: Optional[dict[str, int]] = None

    def table(self, template: str) -> tuple[int, str, list[str]]:
        """The first id, the separator and the ``a<TAB>b1<TAB>b2...`` rows of a two-part
        template (``"cc1"``, ``"ww.l"`` ...); ids run on in row order."""
        first = len(self.base_features)
        for name, sep, count, rows in self._tables:
            if name == template:
                if not count:
                    return first, sep, []
                lines = _read_lines(self._path / f"t_{name}.txt")
                if len(lines) != rows:
                    raise ValueError(f"{self._path}: t_{name}.txt does not match meta.json; "
                                     "delete the directory to rebuild it")
                return first, sep, lines
            first += count
        raise KeyError(f"no table {template!r} in {self._path}")

    @property
    def feature_to_idx(self) -> dict[str, int]:
        if self._features is None:
            features = dict(self.base_features)
            for name, _, _, _ in self._tables:
                idx, sep, lines = self.table(name)
                for line in lines:
                    a, *rest = line.split("\t")
                    for b in rest:
                        features[f"{name}.{a}{sep}{b}"] = idx
                        idx += 1
            self._features = features
        return self._features

    @feature_to_idx.setter
    def feature_to_idx(self, value: dict[str, int]) -> None:
        self._features = value

    @property
    def bigram(self) -> set[str]:
        if self._bigram is None:
            self._bigram = set(_read_lines(self._path / "bigram.txt"))
        return self._bigram

    @bigram.setter
    def bigram(self, value: set[str]) -> None:
        self._bigram = value
