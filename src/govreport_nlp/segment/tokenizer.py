"""spaCy's Chinese tokenizer, aligning words to the text in linear time.

``spacy.lang.zh.ChineseTokenizer`` turns pkuseg's words into a Doc with
``spacy.util.get_words_and_spaces``, which slices the rest of the text once per word to
find it: quadratic in the length of the text. On a 240,000-character report that is 0.9 s,
half as long as segmenting it. :func:`words_and_spaces` gives the same words and spaces
(tested against spaCy's function) by searching from an offset instead of slicing.

Registered as ``govreport_nlp.ChineseTokenizer.v1`` (and as a ``spacy_tokenizers`` entry
point, so a saved pipeline loads without importing us); otherwise it is spaCy's tokenizer,
serialization included.

**The vocabulary inside memory zones.** extract() runs each Doc inside
``nlp.memory_zone()``, so that the strings a report brings (its numbers, its names) go
with it and a long batch keeps a flat vocabulary. But a word's lexeme made inside a zone
goes too, and is made again in the next report: computing a lexeme's attributes for every
word of every report made building the Doc cost five times what it does with the words
known (0.47 s against 0.08 s over 20 bulk reports). The tokenizer notes the words of the
segmenter's dictionary (and single characters) that the vocabulary does not hold yet;
:meth:`LinearChineseTokenizer.settle`, called outside the zone, makes their lexemes for
good, and so does a bounded set of other strings that recur from report to report (words
of two to four Chinese characters, numbers of at most four characters: ``_KEPT``). The
vocabulary grows with the words that occur (some tens of thousands in practice) and
stops; longer numbers and other new strings stay in their zone (benchmarks/memory.py:
+0.8 MB of RSS per 100 reports after the first 100, over 1,000 distinct reports).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Optional

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from spacy.util import registry

__all__ = ["LinearChineseTokenizer", "create_tokenizer", "words_and_spaces"]


def words_and_spaces(words: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """The tokens and trailing-space flags of ``words`` laid over ``text``, as
    ``spacy.util.get_words_and_spaces`` gives them, in linear time.

    >>> words_and_spaces(["预算", "资金", "31.08亿元"], "预算资金 31.08亿元")
    (['预算', '资金', '31.08亿元'], [False, True, False])
    """
    words = list(words)
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(f"the words do not spell the text: {text[:50]!r}...")
    out_words: list[str] = []
    out_spaces: list[bool] = []
    pos = 0
    n = len(text)
    for word in words:
        if word.isspace():
            continue
        start = text.find(word, pos)
        if start < 0:
            raise ValueError(f"word {word!r} not found in the text after offset {pos}")
        if start > pos:
            out_words.append(text[pos:start])
            out_spaces.append(False)
        out_words.append(word)
        out_spaces.append(False)
        pos = start + len(word)
        if pos < n and text[pos] == " ":
            out_spaces[-1] = True
            pos += 1
    if pos < n:
        out_words.append(text[pos:])
        out_spaces.append(False)
    return out_words, out_spaces


def _in_zone(vocab: Vocab) -> bool:
    """Whether ``vocab`` is inside a memory zone (spaCy's stubs lack the property)."""
    return bool(getattr(vocab, "in_memory_zone", False))


# Strings kept for good besides the dictionary's words, from a bounded set: words of two to
# four Chinese characters the segmenter forms outside its dictionary (十四五, 踔厉: a
# language's words, which recur from report to report and grow with the vocabulary of the
# genre, not with the batch), and numbers of at most four digits, a point or a % (12, 2025,
# 3.2%: at most some ten thousand strings). A longer number (31.08, 51.3%) stays in its zone.
_KEPT = re.compile(r"[\u4e00-\u9fff]{2,4}|[0-9.%]{1,4}")
# Words noted for settle() at most: a bound on what one report may add (a big one has a
# few thousand distinct dictionary words).
_MAX_PENDING = 100_000


class LinearChineseTokenizer(ChineseTokenizer):
    """spaCy's ChineseTokenizer whose pkuseg path aligns words in linear time, and keeps
    the dictionary's words in the vocabulary across memory zones (see the module)."""

    _pending: Optional[set[str]] = None

    def __call__(self, text: str) -> Doc:
        if self.segmenter == Segmenter.pkuseg and self.pkuseg_seg is not None:
            words, spaces = words_and_spaces(self.pkuseg_seg.cut(text), text)
            if _in_zone(self.vocab):
                self._note_known(words)
            return Doc(self.vocab, words=words, spaces=spaces)
        return super().__call__(text)

    def _note_known(self, words: list[str]) -> None:
        """Note the dictionary words (and single characters) the vocabulary lacks."""
        known = getattr(self.pkuseg_seg, "known", None)
        vocab = self.vocab
        if self._pending is None:
            self._pending = set()
        pending = self._pending
        for word in set(words):
            if (word not in vocab and len(pending) < _MAX_PENDING
                    and (len(word) == 1 or _KEPT.fullmatch(word) or (known is not None and known(word)))):
                pending.add(word)

    def settle(self) -> int:
        """Make the lexemes of the words noted inside memory zones, for good; call it
        outside any zone (inside one it does nothing). Returns how many were made."""
        pending = self._pending
        if not pending or _in_zone(self.vocab):
            return 0
        self._pending = set()
        vocab = self.vocab
        for word in pending:
            vocab[word]  # makes the lexeme: outside a zone, it stays
        return len(pending)


def create_tokenizer(segmenter: Segmenter = Segmenter.char) -> Callable[[Language], LinearChineseTokenizer]:
    """The tokenizer factory for a ``zh`` pipeline's config, as spaCy's
    ``spacy.zh.ChineseTokenizer`` with the same ``segmenter`` setting."""

    def make(nlp: Language) -> LinearChineseTokenizer:
        return LinearChineseTokenizer(nlp.vocab, segmenter=segmenter)

    return make


# Registered by a call, not as a decorator: spaCy's registry is untyped, and a decorator
# would make the function untyped to the type checker too.
registry.tokenizers("govreport_nlp.ChineseTokenizer.v1")(create_tokenizer)
