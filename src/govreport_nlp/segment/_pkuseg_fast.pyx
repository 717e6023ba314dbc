# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False, cdivision=True
"""pkuseg's segmentation of one fragment, computed as spacy_pkuseg computes it, in C.

spacy_pkuseg spends about nine tenths of its time building node features: for every
character it joins twenty windows of two to six characters and looks each up in the
dictionary of words, then builds some sixty feature strings (c-1c.甲.乙, ww.l.政府*信息,
fifty of them word pairs, most the same ``**noWord***noWord``) and looks each up in a
dictionary of over a million features, then copies the id lists into C vectors. Here no
string is built while segmenting:

* every node (a character after pkuseg's renaming, or the **Num / **Letter mark that
  stands for one) is an integer, every word of the dictionary a state of a trie of nodes,
  so the windows that are words are found by walking the trie from each character;
* every feature is a 64-bit key (template, first part, second part) in one open-addressing
  table of ints (``IntTable``), and its weights are added to the character's tag scores
  as it is found, in spacy_pkuseg's order, so the CRF adds the same floats in the same
  order (bit-identical scores);
* the Viterbi decoder is spacy_pkuseg's ``run_viterbi``, the same comparisons in the
  same order, over C arrays.

The feature ids, their order per character, the scores and the words are the same:
``tests/test_segmenter.py`` compares them on every report of the corpus and on generated
text (``features`` gives the ids as spacy_pkuseg's ``get_node_features_idx`` does).
"""

from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memset

include "_pkuseg_model.pxi"


cdef class FragmentSegmenter:
    """Segment whitespace-free fragments with a loaded spacy_pkuseg model.

    ``extractor`` is the model's FeatureExtractor (the compact one, or spacy_pkuseg's own
    with its flat ``feature_to_idx``), ``model`` its CRF weights, ``idx_to_tag`` its
    tags, ``decode`` spacy_pkuseg's Viterbi decoder (replaced by the same decoder in C;
    kept for the signature), ``config`` its feature config (word window lengths).
    ``tables``: the model's tables as ``ModelTables.load`` read them back (else they are
    built from the extractor, and ``tables`` gives them to save). Raises ValueError for a
    model this code cannot mirror exactly (the caller keeps spacy_pkuseg's own code then)."""

    cdef ModelTables m
    cdef IntTable table  # m's
    cdef const unsigned char* is_word  # m's
    cdef object weights  # keeps the array that ``w`` points into alive
    cdef const double* w
    cdef int nt
    cdef double* edge  # edge[y * nt + y_next]: spacy_pkuseg's edge_score[y, y_next]
    cdef bytes begins  # per tag: does it begin a word
    cdef int32_t* node_map  # BMP code point -> node (identity unless renamed or a mark)
    cdef int wmax, wmin, span, cap
    cdef bint word_feature
    cdef int32_t off_word  # a window running off the fragment: "" when that is a word
    cdef int32_t* ids  # one character's feature ids (cap)
    cdef int32_t* lists  # pre_in, post_in, pre_ex, post_ex (4 * span)

    def __cinit__(self, *args, **kwargs):
        self.node_map = NULL
        self.edge = NULL
        self.ids = NULL
        self.lists = NULL

    def __dealloc__(self):
        free(self.node_map)
        free(self.edge)
        free(self.ids)
        free(self.lists)

    def __init__(self, extractor, model, dict idx_to_tag, decode, config, ModelTables tables=None):
        import numpy

        cdef Py_ssize_t t, backoff, y, y_next
        self.wmax = config.wordMax
        self.wmin = config.wordMin
        self.word_feature = bool(config.wordFeature)
        if self.wmin < 1 or self.wmax < self.wmin or self.wmax > 30:
            raise ValueError(f"word windows {self.wmin}..{self.wmax} not supported")
        self.span = self.wmax - self.wmin + 1
        self.cap = 16 + 2 * self.span + 2 * self.span * self.span
        self.ids = <int32_t*>malloc(self.cap * sizeof(int32_t))
        self.lists = <int32_t*>malloc(4 * self.span * sizeof(int32_t))
        if self.ids == NULL or self.lists == NULL:
            raise MemoryError()
        self.nt = model.n_tag
        self.weights = numpy.ascontiguousarray(model.w, dtype=numpy.float64)
        cdef const double[::1] wv = self.weights
        if wv.shape[0] != self.nt * (model.n_feature + self.nt):
            raise ValueError("the weights do not match the model's features and tags")
        self.w = &wv[0]
        # getLogYY: edge_score = ones, += w[backoff + s * n_tag + s_pre] * 1.0 at [s_pre, s].
        self.edge = <double*>malloc(self.nt * self.nt * sizeof(double))
        if self.edge == NULL:
            raise MemoryError()
        backoff = model.n_feature * self.nt
        for y in range(self.nt):
            for y_next in range(self.nt):
                self.edge[y * self.nt + y_next] = 1.0 + self.w[backoff + y_next * self.nt + y] * 1.0
        self.begins = bytes([("B" in idx_to_tag[t]) for t in range(self.nt)])
        self._node_map(type(extractor).keywords_translate_table, type(extractor).num,
                       type(extractor).letter, bool(config.numLetterNorm))
        if tables is not None:
            if tables.wmax != self.wmax:
                raise ValueError("the saved tables were built for other word windows")
            self.m = tables
        elif hasattr(extractor, "raw_table"):  # the compact model: its files' text as it is
            self.m = ModelTables(self.wmax, model.n_feature + 500_000)
            self.m.add_words(extractor.raw_unigram())
            names = extractor.raw_base()
            self.m.add_one_part(names, numpy.arange(names.count("\n") + 1, dtype=numpy.int64))
            for name in PAIR_TEMPLATES:
                first, count, rows = extractor.raw_table(name)
                self.m.add_rows(name, rows, numpy.arange(first, first + count, dtype=numpy.int64))
        else:  # a full model: its flat dictionary, split here
            self.m = ModelTables(self.wmax, model.n_feature + 500_000)
            self._from_dict(extractor.unigram, extractor.feature_to_idx)
        self.table = self.m.table
        self.is_word = self.m.is_word
        self.off_word = ROOT if self.is_word[ROOT] else NO_WORD

    @property
    def tables(self):
        """The model's tables (``ModelTables``), to ``dump`` and ``load`` them back."""
        return self.m

    def known(self, str word):
        """Whether ``word`` is a word of the model's dictionary (as its characters are
        read when segmenting: renamed, digits and letters as their marks)."""
        cdef Py_ssize_t n = len(word), k
        cdef int32_t nodes[32]
        cdef int32_t state = ROOT
        if n == 0 or n > self.wmax:
            return False
        self._nodes(word, nodes)
        for k in range(n):
            state = self.table.get(key3(T_TRIE, state, nodes[k]))
            if state < 0:
                return False
        return bool(self.is_word[state])

    def _from_dict(self, unigram, dict features):
        import numpy

        if unigram:
            self.m.add_words("\n".join(unigram))
        base, base_ids = [], []
        rows = {name: ([], []) for name in PAIR_TEMPLATES}
        for name, idx in features.items():
            split = split_feature(name)
            if split is not None:
                rows[split[0]][0].append(split[1] + "\t" + split[2])
                rows[split[0]][1].append(idx)
            elif "\n" not in name:  # no fragment has a line break
                base.append(name)
                base_ids.append(idx)
        self.m.add_one_part("\n".join(base), numpy.array(base_ids, dtype=numpy.int64))
        for name, (lines, ids) in rows.items():
            if lines:
                self.m.add_rows(name, "\n".join(lines), numpy.array(ids, dtype=numpy.int64))

    cdef _node_map(self, dict translate, num, letter, bint num_letter):
        """pkuseg renames some characters (translate) and, with num_letter, stands a mark
        for digits and letters: node_map gives each BMP character its node."""
        cdef Py_ssize_t cp
        cdef str renamed
        self.node_map = <int32_t*>malloc(0x10000 * sizeof(int32_t))
        if self.node_map == NULL:
            raise MemoryError()
        for cp in range(0x10000):
            self.node_map[cp] = <int32_t>cp
        for cp in set(translate) | {ord(c) for c in num} | {ord(c) for c in letter}:
            renamed = chr(cp).translate(translate)
            if cp > 0xFFFF or len(renamed) != 1:
                raise ValueError(f"pkuseg's renaming of {chr(cp)!r} is not supported")
            if num_letter and renamed in num:
                self.node_map[cp] = NODE_NUM
            elif num_letter and renamed in letter:
                self.node_map[cp] = NODE_LETTER
            else:
                self.node_map[cp] = <int32_t>ord(renamed)
        if self.node_map[ord("*")] == ord("*"):
            raise ValueError("pkuseg keeps '*': its marks could be misread")

    cdef Py_ssize_t _nodes(self, str text, int32_t* nodes) noexcept:
        cdef Py_ssize_t n = 0
        cdef Py_UCS4 ch
        for ch in text:
            nodes[n] = self.node_map[ch] if ch < 0x10000 else <int32_t>ch
            n += 1
        return n

    cdef void _words(self, const int32_t* nodes, Py_ssize_t n, int32_t* words) noexcept:
        """words[i * span + (wmax - l)]: the trie state of the word nodes[i:i+l], or NO_WORD."""
        cdef Py_ssize_t i, m, l
        cdef int32_t state
        cdef IntTable table = self.table
        cdef const unsigned char* is_word = self.is_word
        for i in range(n * self.span):
            words[i] = NO_WORD
        for i in range(n):
            state = ROOT
            for m in range(self.wmax):
                if i + m >= n:
                    break
                state = table.get(key3(T_TRIE, state, nodes[i + m]))
                if state < 0:
                    break  # no word goes on this way
                l = m + 1
                if l >= self.wmin and is_word[state]:
                    words[i * self.span + (self.wmax - l)] = state

    cdef int _collect(self, const int32_t* nodes, Py_ssize_t n, const int32_t* words,
                      Py_ssize_t i) noexcept:
        """The feature ids of character i into ``ids``, in spacy_pkuseg's order; their count."""
        cdef IntTable table = self.table
        cdef int32_t* ids = self.ids
        cdef int32_t f, c = nodes[i], w
        cdef int cnt = 0, k, span = self.span, wmax = self.wmax
        cdef Py_ssize_t a, l
        cdef int32_t* pre_in = self.lists
        cdef int32_t* post_in = self.lists + span
        cdef int32_t* pre_ex = self.lists + 2 * span
        cdef int32_t* post_ex = self.lists + 3 * span
        ids[cnt] = 0  # pkuseg's start feature, on every character
        cnt += 1
        f = table.get(key3(T_C, 0, c))
        if f >= 0:
            ids[cnt] = f; cnt += 1
        if i > 0:
            f = table.get(key3(T_CM1, 0, nodes[i - 1]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
            f = table.get(key3(T_PREV, nodes[i - 1], c))
            if f >= 0:
                ids[cnt] = f; cnt += 1
        if i + 1 < n:
            f = table.get(key3(T_C1, 0, nodes[i + 1]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
            f = table.get(key3(T_NEXT, c, nodes[i + 1]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
        if i > 1:
            f = table.get(key3(T_CM2, 0, nodes[i - 2]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
            f = table.get(key3(T_PREV2, nodes[i - 2], nodes[i - 1]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
        if i + 2 < n:
            f = table.get(key3(T_C2, 0, nodes[i + 2]))
            if f >= 0:
                ids[cnt] = f; cnt += 1
        if not self.word_feature:
            return cnt
        # The windows ending at i (pre_in) and before it (pre_ex), starting at i (post_in)
        # and after it (post_ex), longest first; one running off the fragment is off_word.
        for k in range(span):
            l = wmax - k
            a = i - l + 1
            pre_in[k] = words[a * span + k] if a >= 0 else self.off_word
            pre_ex[k] = words[(a - 1) * span + k] if a - 1 >= 0 else self.off_word
            post_in[k] = words[i * span + k] if i + l <= n else self.off_word
            post_ex[k] = words[(i + 1) * span + k] if i + 1 + l <= n else self.off_word
        for k in range(span):
            w = pre_in[k]
            if w != NO_WORD:
                f = table.get(key3(T_WM1, 0, w))
                if f >= 0:
                    ids[cnt] = f; cnt += 1
        for k in range(span):
            w = post_in[k]
            if w != NO_WORD:
                f = table.get(key3(T_W1, 0, w))
                if f >= 0:
                    ids[cnt] = f; cnt += 1
        cnt = self._pairs(T_WWL, pre_ex, post_in, cnt)
        return self._pairs(T_WWR, pre_in, post_ex, cnt)

    cdef inline int _pairs(self, uint64_t template, const int32_t* pres, const int32_t* posts,
                           int cnt) noexcept:
        """The word pairs (pre, post) of one side, pres outside. The same pre (mostly
        NO_WORD) often comes several times in a row: its ids again, in the same order."""
        cdef int k, m, start = cnt, end = cnt
        cdef int32_t f, last = -1
        cdef int32_t* ids = self.ids
        for k in range(self.span):
            if k > 0 and pres[k] == last:
                for m in range(start, end):
                    ids[cnt] = ids[m]; cnt += 1
                continue
            last = pres[k]
            start = cnt
            for m in range(self.span):
                f = self.table.get(key3(template, last, posts[m]))
                if f >= 0:
                    ids[cnt] = f; cnt += 1
            end = cnt
        return cnt

    cdef void _viterbi(self, const double* score, Py_ssize_t n, double* best, int32_t* back,
                       int32_t* tags) noexcept:
        """spacy_pkuseg's run_viterbi: the same sums, comparisons and tie-breaking."""
        cdef int nt = self.nt, y, y_next, tag
        cdef Py_ssize_t i
        cdef double sc, ma
        for y in range(nt):
            best[(n - 1) * nt + y] = score[(n - 1) * nt + y]
        for i in range(n - 2, -1, -1):
            for y in range(nt):
                for y_next in range(nt):
                    sc = best[(i + 1) * nt + y_next] + score[i * nt + y] + self.edge[y * nt + y_next]
                    if y_next == 0 or sc >= best[i * nt + y]:
                        best[i * nt + y] = sc
                        back[i * nt + y] = y_next
        ma = best[0]
        tag = 0
        for y in range(1, nt):
            if ma < best[y]:
                ma = best[y]
                tag = y
        tags[0] = tag
        for i in range(1, n):
            tag = back[(i - 1) * nt + tag]
            tags[i] = tag

    def features(self, str text):
        """The node feature ids of every character of ``text``, as spacy_pkuseg's
        ``get_node_features_idx`` gives them."""
        cdef Py_ssize_t n = len(text), i, k, cnt
        cdef list out = []
        cdef int32_t* buf = <int32_t*>malloc((n * (1 + self.span) + 1) * sizeof(int32_t))
        if buf == NULL:
            raise MemoryError()
        try:
            n = self._nodes(text, buf)
            self._words(buf, n, buf + n)
            for i in range(n):
                cnt = self._collect(buf, n, buf + n, i)
                out.append([self.ids[k] for k in range(cnt)])
        finally:
            free(buf)
        return out

    cdef int _cut_into(self, str text, list out, void* buf) except -1:
        """Append the words of one fragment to ``out``; ``buf`` holds room for its length."""
        cdef Py_ssize_t n = len(text), i, j, start = 0
        cdef int nt = self.nt, cnt, k
        cdef int32_t* nodes = <int32_t*>buf
        cdef int32_t* words = nodes + n
        cdef int32_t* back = words + n * self.span
        cdef int32_t* tags = back + n * nt
        cdef double* score = <double*>(tags + n + 1)  # 8-byte aligned below
        cdef double* best
        cdef double* acc
        cdef const double* row
        cdef const unsigned char* begins = self.begins
        if n == 0:
            return 0
        score = <double*>((<size_t>score + 7) & ~(<size_t>7))
        best = score + n * nt
        self._nodes(text, nodes)
        self._words(nodes, n, words)
        for i in range(n):
            cnt = self._collect(nodes, n, words, i)
            # getLogYY: node_score starts at 0 and adds w[f * n_tag + s] * 1.0 per feature in order.
            acc = score + i * nt
            memset(acc, 0, nt * sizeof(double))
            for j in range(cnt):
                row = self.w + <Py_ssize_t>self.ids[j] * nt
                for k in range(nt):
                    acc[k] += row[k] * 1.0
        self._viterbi(score, n, best, back, tags)
        for i in range(1, n):
            if begins[tags[i]]:
                out.append(text[start:i])
                start = i
        out.append(text[start:n])
        return 0

    cdef void* _buffer(self, Py_ssize_t n) except NULL:
        cdef size_t size = (n * (2 + self.span + self.nt) + 4) * sizeof(int32_t) + 2 * n * self.nt * sizeof(double) + 16
        cdef void* buf = malloc(size)
        if buf == NULL:
            raise MemoryError()
        return buf

    def cut(self, str text):
        """The words of one fragment (text without whitespace), as spacy_pkuseg's
        ``pkuseg._cut`` gives them."""
        cdef list words = []
        cdef void* buf = self._buffer(len(text))
        try:
            self._cut_into(text, words, buf)
        finally:
            free(buf)
        return words

    def cut_text(self, str text):
        """The words of ``text``, as ``pkuseg.cut`` gives them with no user dictionary,
        no post-processing and no tagging: its whitespace-separated fragments, each cut."""
        cdef list words = [], fragments = text.split()
        cdef str fragment
        cdef Py_ssize_t longest = 0
        cdef void* buf
        for fragment in fragments:
            if len(fragment) > longest:
                longest = len(fragment)
        buf = self._buffer(longest)
        try:
            for fragment in fragments:
                self._cut_into(fragment, words, buf)
        finally:
            free(buf)
        return words
