# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""pkuseg's segmentation of one fragment, computed as spacy_pkuseg computes it, faster.

spacy_pkuseg spends about nine tenths of its time building node features: for every
character it joins twenty windows of two to six characters, looks each up in the
dictionary of words, then builds and looks up fifty ``ww.l.``/``ww.r.`` strings, most of
them the same ``**noWord***noWord`` pair. Here each window is joined and looked up once
per fragment (a window is shared by four characters), and the pairs of two non-words
are looked up once per call. The feature ids, their order per character (so the CRF
adds the same floats in the same order), the Viterbi decoder (spacy_pkuseg's own) and
the words are the same: ``tests/test_segmenter.py`` compares both on every report of
the corpus and on generated text.
"""

cdef str NOWORD = "**noWord"


cdef class FragmentSegmenter:
    """Segment whitespace-free fragments with a loaded spacy_pkuseg model.

    ``extractor`` is the model's FeatureExtractor, ``model`` its CRF weights,
    ``idx_to_tag`` its tags, ``decode`` spacy_pkuseg's Viterbi decoder, ``config`` its
    feature config (word window lengths)."""

    cdef dict f2i
    cdef set unigram
    cdef object model
    cdef object decode
    cdef object translate
    cdef frozenset num
    cdef frozenset letter
    cdef list begins
    cdef int word_max
    cdef int word_min
    cdef bint word_feature
    cdef bint num_letter
    cdef bint empty_is_word
    cdef object nn_l
    cdef object nn_r

    def __init__(self, extractor, model, dict idx_to_tag, decode, config):
        self.f2i = extractor.feature_to_idx
        self.unigram = extractor.unigram
        self.model = model
        self.decode = decode
        self.translate = type(extractor).keywords_translate_table
        self.num = frozenset(type(extractor).num)
        self.letter = frozenset(type(extractor).letter)
        self.begins = [("B" in idx_to_tag[t]) for t in range(max(idx_to_tag) + 1)]
        self.word_max = config.wordMax
        self.word_min = config.wordMin
        self.word_feature = bool(config.wordFeature)
        self.num_letter = bool(config.numLetterNorm)
        # spacy_pkuseg turns a window that runs off the fragment into "", and its dictionary
        # of words holds "": such windows count as words there, so they do here.
        self.empty_is_word = "" in self.unigram
        self.nn_l = self.f2i.get("ww.l." + NOWORD + "*" + NOWORD)
        self.nn_r = self.f2i.get("ww.r." + NOWORD + "*" + NOWORD)

    cdef list _nodes(self, str text):
        cdef list nodes = []
        cdef str ch
        text = text.translate(self.translate)
        if not self.num_letter:
            return list(text)
        for ch in text:
            if ch in self.num:
                nodes.append("**Num")
            elif ch in self.letter:
                nodes.append("**Letter")
            else:
                nodes.append(ch)
        return nodes

    cdef list _features(self, list nodes):
        cdef Py_ssize_t n = len(nodes), i, s, l, a, b
        cdef int wmax = self.word_max, wmin = self.word_min
        cdef int span = wmax - wmin + 1
        cdef dict f2i = self.f2i
        cdef list out = [], flist, words = [None] * (n * span), pre_in, post_in, pre_ex, post_ex
        cdef object idx, w, c, pre, post
        cdef object empty = "" if self.empty_is_word else None
        # Every window nodes[s:s+l] that is a word, looked up once.
        if self.word_feature:
            for s in range(n):
                for l in range(wmin, wmax + 1):
                    if s + l > n:
                        break
                    w = "".join(nodes[s:s + l])
                    if w in self.unigram:
                        words[s * span + (wmax - l)] = w
        for i in range(n):
            flist = [0]
            c = nodes[i]
            idx = f2i.get("c." + c)
            if idx is not None:
                flist.append(idx)
            if i > 0:
                idx = f2i.get("c-1." + nodes[i - 1])
                if idx is not None:
                    flist.append(idx)
                idx = f2i.get("c-1c." + nodes[i - 1] + "." + c)
                if idx is not None:
                    flist.append(idx)
            if i + 1 < n:
                idx = f2i.get("c1." + nodes[i + 1])
                if idx is not None:
                    flist.append(idx)
                idx = f2i.get("cc1." + c + "." + nodes[i + 1])
                if idx is not None:
                    flist.append(idx)
            if i > 1:
                idx = f2i.get("c-2." + nodes[i - 2])
                if idx is not None:
                    flist.append(idx)
                idx = f2i.get("c-2c-1." + nodes[i - 2] + "." + nodes[i - 1])
                if idx is not None:
                    flist.append(idx)
            if i + 2 < n:
                idx = f2i.get("c2." + nodes[i + 2])
                if idx is not None:
                    flist.append(idx)
            if not self.word_feature:
                out.append(flist)
                continue
            # Windows by length, longest first, as spacy_pkuseg lists them; None is no word.
            pre_in = []
            post_in = []
            pre_ex = []
            post_ex = []
            for l in range(wmax, wmin - 1, -1):
                a = i - l + 1  # ends at i
                w = words[a * span + (wmax - l)] if 0 <= a and a + l <= n else empty
                if w is not None:
                    idx = f2i.get("w-1." + w)
                    if idx is not None:
                        flist.append(idx)
                pre_in.append(w)
            for l in range(wmax, wmin - 1, -1):
                w = words[i * span + (wmax - l)] if i + l <= n else empty  # starts at i
                if w is not None:
                    idx = f2i.get("w1." + w)
                    if idx is not None:
                        flist.append(idx)
                post_in.append(w)
            for l in range(wmax, wmin - 1, -1):
                a = i - l  # ends before i
                pre_ex.append(words[a * span + (wmax - l)] if 0 <= a and a + l <= n else empty)
            for l in range(wmax, wmin - 1, -1):
                b = i + 1  # starts after i
                post_ex.append(words[b * span + (wmax - l)] if b < n and b + l <= n else empty)
            for pre in pre_ex:
                for post in post_in:
                    if pre is None and post is None:
                        idx = self.nn_l
                    else:
                        idx = f2i.get("ww.l." + (NOWORD if pre is None else pre) + "*"
                                      + (NOWORD if post is None else post))
                    if idx is not None:
                        flist.append(idx)
            for pre in pre_in:
                for post in post_ex:
                    if pre is None and post is None:
                        idx = self.nn_r
                    else:
                        idx = f2i.get("ww.r." + (NOWORD if pre is None else pre) + "*"
                                      + (NOWORD if post is None else post))
                    if idx is not None:
                        flist.append(idx)
            out.append(flist)
        return out

    def features(self, str text):
        """The node feature ids of every character of ``text``, as spacy_pkuseg's
        ``get_node_features_idx`` gives them."""
        return self._features(self._nodes(text))

    def cut(self, str text):
        """The words of one fragment (text without whitespace), as spacy_pkuseg's
        ``pkuseg._cut`` gives them."""
        cdef list words = [], tags
        cdef Py_ssize_t i, start = 0, n = len(text)
        if n == 0:
            return words
        _, tags = self.decode(self._features(self._nodes(text)), self.model)
        for i in range(1, n):
            if self.begins[tags[i]]:
                words.append(text[start:i])
                start = i
        words.append(text[start:n])
        return words
