"""The tokenizer: spaCy's Chinese tokenizer with a linear-time word alignment."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from govreport_nlp.segment.tokenizer import LinearChineseTokenizer, words_and_spaces


def test_tokenizer_pipeline_uses_linear_alignment(nlp):
    assert isinstance(nlp.tokenizer, LinearChineseTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "govreport_nlp.ChineseTokenizer.v1"


def test_tokenizer_alignment_as_spacy_on_every_report(nlp):
    from conftest import BULK, DEV, SEEDS

    seg = nlp.tokenizer.pkuseg_seg
    for path in sorted(DEV.glob("*.txt")) + sorted(BULK.glob("*.txt"))[:12] + sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words = seg.cut(text)
        assert words_and_spaces(words, text) == get_words_and_spaces(words, text), path.name


def test_tokenizer_doc_as_spacys_tokenizer(nlp, seed_text):
    from spacy.lang.zh import ChineseTokenizer

    doc = nlp.make_doc(seed_text)
    theirs = ChineseTokenizer.__call__(nlp.tokenizer, seed_text)
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in theirs]


_TEXTS = st.lists(st.tuples(st.text(alphabet="政府信息公开12.5万元", min_size=1, max_size=4),
                            st.sampled_from(["", " ", "  ", "\n", " \n\t", "\u3000"])), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_tokenizer_alignment_as_spacy_on_any_spacing(pieces):
    text = "".join(w + sp for w, sp in pieces)
    words = [w for w, _ in pieces]
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


def test_tokenizer_rejects_words_that_do_not_spell_the_text():
    import pytest

    with pytest.raises(ValueError, match="do not spell the text"):
        words_and_spaces(["预算", "资金"], "预算经费")


def test_tokenizer_entry_point_resolves_without_import():
    code = ("import spacy, sys; f = spacy.util.registry.tokenizers.get('govreport_nlp.ChineseTokenizer.v1'); "
            "print(f.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "govreport_nlp.segment.tokenizer"


def test_tokenizer_keeps_dictionary_words_across_memory_zones(nlp):
    # Inside a zone every lexeme is made again for each report; settle() keeps the
    # dictionary's words (and single characters) for good, never the numbers.
    import spacy

    fresh = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "govreport_nlp.ChineseTokenizer.v1", "segmenter": "pkuseg"}}})
    tok = fresh.tokenizer
    tok.pkuseg_seg = nlp.tokenizer.pkuseg_seg
    text = "主动公开政府信息4512条，其中行政复议73816件"
    with fresh.memory_zone():
        words = [t.text for t in tok(text)]
        assert tok.settle() == 0  # inside a zone it makes nothing
    assert "4512" in words and "73816" in words and "公开" in words
    assert "公开" not in fresh.vocab  # gone with its zone
    # The dictionary's words (which the compiled segmenter names: segment/compact.py), words
    # of two to four Chinese characters and single characters are kept for good.
    assert tok.settle() >= 5
    assert tok.settle() == 0  # nothing left to make
    assert "，" in fresh.vocab and "条" in fresh.vocab and "件" in fresh.vocab and "公开" in fresh.vocab
    assert "4512" in fresh.vocab and "73816" not in fresh.vocab
