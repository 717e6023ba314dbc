"""pkuseg's feature extractor for the compact model: what segmenting does not need is
read only when something asks for it.

* ``bigram``: the 1.1 million word pairs of pkuseg's training. Segmenting never reads
  them; saving the model does (spaCy's ``to_bytes``/``to_disk`` of the tokenizer).
* The word-pair features (``ww.l.``/``ww.r.``, 17% of the features) are stored apart, as
  ``pre<TAB>post`` lines (segmenter.py). The compiled node features read them into
  per-word tables (``word_pairs``); ``feature_to_idx``, the flat dict spacy_pkuseg's own
  code looks features up in, is assembled the first time it is used (pure-Python
  segmenting, saving).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy_pkuseg.feature_extractor import FeatureExtractor

__all__ = ["CompactFeatureExtractor"]


def _read_lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\n")


class CompactFeatureExtractor(FeatureExtractor):
    """A FeatureExtractor over a compact model directory (format 2).

    ``base_features`` maps every feature but the word pairs to its id; the word pairs
    of each side (``"l"``, ``"r"``) follow, left first, in file order.
    """

    def __init__(self, path: Path, base_features: dict[str, int], n_left: int, n_right: int) -> None:
        # FeatureExtractor.__init__ would set empty tables; the loader fills them instead.
        self._path = path
        self.base_features = base_features
        self._counts = {"l": n_left, "r": n_right}
        self._bigram: Optional[set[str]] = None
        self._features: Optional[dict[str, int]] = None

    def word_pairs(self, side: str) -> tuple[int, list[str]]:
        """The first id and the ``pre<TAB>post`` lines of the ``ww.l.`` or ``ww.r.`` features."""
        first = len(self.base_features) + (0 if side == "l" else self._counts["l"])
        if not self._counts[side]:
            return first, []
        lines = _read_lines(self._path / f"ww_{side}.txt")
        if len(lines) != self._counts[side]:
            raise ValueError(f"{self._path}: ww_{side}.txt does not match meta.json; delete the directory to rebuild it")
        return first, lines

    @property
    def feature_to_idx(self) -> dict[str, int]:
        if self._features is None:
            features = dict(self.base_features)
            for side in "lr":
                first, lines = self.word_pairs(side)
                for idx, line in enumerate(lines, first):
                    pre, _, post = line.partition("\t")
                    features[f"ww.{side}.{pre}*{post}"] = idx
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
