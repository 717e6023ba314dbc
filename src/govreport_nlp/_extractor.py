"""pkuseg's feature extractor for the compact model, with its word-pair set read late.

Segmenting never reads ``bigram`` (1.1 million word pairs that pkuseg's training used);
only saving the model does (spaCy's ``to_bytes``/``to_disk`` of the tokenizer). Reading
it at load cost about half a second and a good share of the memory of every process, so
it is read from the compact model directory the first time something asks for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy_pkuseg.feature_extractor import FeatureExtractor

__all__ = ["CompactFeatureExtractor"]


class CompactFeatureExtractor(FeatureExtractor):
    """A FeatureExtractor whose ``bigram`` set is read from ``bigram_path`` on first use."""

    def __init__(self, bigram_path: Path) -> None:
        # FeatureExtractor.__init__ would set empty tables; the loader fills them instead.
        self._bigram_path = bigram_path
        self._bigram: Optional[set[str]] = None

    @property
    def bigram(self) -> set[str]:
        if self._bigram is None:
            self._bigram = set(self._bigram_path.read_bytes().decode("utf-8").split("\n"))
        return self._bigram

    @bigram.setter
    def bigram(self, value: set[str]) -> None:
        self._bigram = value
