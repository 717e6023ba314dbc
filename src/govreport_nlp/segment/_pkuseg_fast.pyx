# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""pkuseg's segmentation of one fragment, computed as spacy_pkuseg computes it, faster.

spacy_pkuseg spends about nine tenths of its time building node features: for every
character it joins twenty windows of two to six characters and looks each up in the
dictionary of words, then builds some sixty feature strings (c-1c.甲.乙, ww.l.政府*信息,
fifty of them word pairs, most the same ``**noWord***noWord``) and looks each up in a
dictionary of over a million features. Here:

* each window is joined and looked up once per fragment (the windows before and after
  a character are its neighbours'), and a window that begins no longer word ends the
  search for longer ones (three windows in four are never built);
* one-character and word features are looked up once per distinct node and word;
* two-part features (character pairs, word pairs: 85% of the features) are tables
  a -> b -> id, looked up without building a string, and a repeated non-word pair once
  per character.

The feature ids, their order per character (so the CRF adds the same floats in the same
order), the Viterbi decoder (spacy_pkuseg's own) and the words are the same:
``tests/test_segmenter.py`` compares them on every report of the corpus and on generated
text.
"""

cdef str NOWORD = "**noWord"


cpdef tuple split_feature(str name):
    """(template, a, b) of a two-part feature, or None: ``segmenter._split`` in C, for
    splitting a full model's 2.6 million features at load (tested to agree)."""
    cdef str template, prefix, body, a, b, sep
    cdef Py_ssize_t k
    if name.startswith("c-1c."):
        template, sep = "c-1c", "."
    elif name.startswith("cc1."):
        template, sep = "cc1", "."
    elif name.startswith("c-2c-1."):
        template, sep = "c-2c-1", "."
    elif name.startswith("ww.l."):
        template, sep = "ww.l", "*"
    elif name.startswith("ww.r."):
        template, sep = "ww.r", "*"
    else:
        return None
    prefix = template + "."
    body = name[len(prefix):]
    if sep == "*" and body.startswith(NOWORD + "*"):
        a = NOWORD
        b = body[len(NOWORD) + 1:]
    else:
        k = body.find(sep)
        if k < 0:
            a = body
            b = ""
        else:
            a = body[:k]
            b = body[k + 1:]
    if prefix + a + sep + b != name or "\t" in a or "\n" in a or "\t" in b or "\n" in b:
        return None
    return (template, a, b)


cdef set _prefixes(set unigram, int word_min, int word_max):
    """Every beginning of ``word_min`` to ``word_max - 1`` nodes of a word that has more
    nodes: a window that is none of them begins no word of the windows' lengths.
    A node is one character, or the **Num / **Letter mark that stands for one (pkuseg
    renames every literal '*', so the marks cannot be misread)."""
    cdef set out = set()
    cdef str word
    cdef Py_ssize_t pos, n, nodes, k
    cdef list ends
    for word in unigram:
        n = len(word)
        if "*" not in word:  # one node per character
            for k in range(word_min, min(n - 1, word_max - 1) + 1):
                out.add(word[:k])
            continue
        ends = []
        pos = 0
        while pos < n:
            if word.startswith("**Num", pos):
                pos += 5
            elif word.startswith("**Letter", pos):
                pos += 8
            else:
                pos += 1
            ends.append(pos)
        nodes = len(ends)
        for k in range(word_min, min(nodes - 1, word_max - 1) + 1):
            out.add(word[:ends[k - 1]])
    return out


cdef inline void _add_pair(list flist, dict tables, object a, object b):
    """Append the id of the two-part feature (a, b) of one template, if it has one."""
    cdef object table = tables.get(a)
    cdef object idx
    if table is not None:
        idx = (<dict>table).get(b)
        if idx is not None:
            flist.append(idx)


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
    cdef dict ww_l
    cdef dict ww_r
    cdef dict t_prev
    cdef dict t_next
    cdef dict t_prev2
    cdef dict node_ids
    cdef dict word_ids
    cdef set prefixes

    def __init__(self, extractor, model, dict idx_to_tag, decode, config):
        cdef str pre, post, line
        cdef dict table
        cdef list parts
        cdef Py_ssize_t idx, count
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
        self.unigram = extractor.unigram
        # spacy_pkuseg turns a window that runs off the fragment into "", and its dictionary
        # of words holds "": such windows count as words there, so they do here.
        self.empty_is_word = "" in self.unigram
        self.node_ids = {}
        self.word_ids = {}
        self.prefixes = _prefixes(self.unigram, self.word_min, self.word_max)
        # Two-part features ('cc1.' + a + '.' + b, 'ww.l.' + pre + '*' + post) as tables
        # a -> b -> id: looked up without building a string; most lookups end at the
        # first table.
        from .compact import TABLES

        cdef dict tables = {template: {} for template, _ in TABLES}
        if hasattr(extractor, "table"):  # the compact model keeps them apart already
            self.f2i = extractor.base_features
            for template, table in tables.items():
                first, _, lines = extractor.table(template)
                idx = first
                for line in lines:  # a<TAB>b1<TAB>b2...: one row, ids in order
                    parts = line.split("\t")
                    count = len(parts) - 1
                    table[parts[0]] = dict(zip(parts[1:], range(idx, idx + count)))
                    idx += count
        else:  # a full model: split its flat dictionary here
            self.f2i = {}
            for key, value in extractor.feature_to_idx.items():
                split = split_feature(key)
                if split is None:
                    self.f2i[key] = value
                else:
                    (<dict>tables[split[0]]).setdefault(split[1], {})[split[2]] = value
        self.t_prev = tables["c-1c"]
        self.t_next = tables["cc1"]
        self.t_prev2 = tables["c-2c-1"]
        self.ww_l = tables["ww.l"]
        self.ww_r = tables["ww.r"]

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

    cdef tuple _node(self, str c):
        """The ids of the one-character templates for node ``c``: c., c-1., c1., c-2., c2."""
        cdef tuple ids = self.node_ids.get(c)
        if ids is None:
            f2i = self.f2i
            ids = (f2i.get("c." + c), f2i.get("c-1." + c), f2i.get("c1." + c),
                   f2i.get("c-2." + c), f2i.get("c2." + c))
            self.node_ids[c] = ids
        return ids

    cdef tuple _word(self, str w):
        """The ids of ``w-1.`` + w and ``w1.`` + w."""
        cdef tuple ids = self.word_ids.get(w)
        if ids is None:
            ids = (self.f2i.get("w-1." + w), self.f2i.get("w1." + w))
            self.word_ids[w] = ids
        return ids

    cdef inline void _pairs(self, list flist, dict pairs, list pres, list posts):
        """Append the ids of the word pairs (pre, post) of one side, pres outside."""
        cdef object pre, post, idx, last = None
        cdef list ids = None
        cdef dict table
        for pre in pres:
            if ids is not None and (pre is last or pre == last):
                flist.extend(ids)
                continue
            ids = []
            last = pre
            table = pairs.get(pre)
            if table is not None:
                for post in posts:
                    idx = table.get(post)
                    if idx is not None:
                        ids.append(idx)
            flist.extend(ids)

    cdef list _features(self, list nodes):
        cdef Py_ssize_t n = len(nodes), i, l, a
        cdef int wmax = self.word_max, wmin = self.word_min
        cdef int span = wmax - wmin + 1
        cdef list out = [], flist, words = [None] * (n * span), pre_in, post_in, pre_ex, post_ex
        cdef list nid = [self._node(c) for c in nodes]
        cdef tuple here
        cdef object idx, w, c
        cdef object empty = "" if self.empty_is_word else None
        # For each position, the windows ending there and starting there (longest first);
        # NOWORD where the window is no word, "" or NOWORD where it runs off the fragment.
        cdef list ends_at = [], starts_at = [], off = [NOWORD if empty is None else empty] * span
        if self.word_feature:
            for i in range(n):
                # Every window nodes[i:i+l] that is a word, looked up once; from a window
                # that begins no longer word, no longer window is tried (three in four are
                # not). The windows ending at i all start at or before i: already read.
                for l in range(wmin, wmax + 1):
                    if i + l > n:
                        break
                    w = "".join(nodes[i:i + l])
                    if w in self.unigram:
                        words[i * span + (wmax - l)] = w
                    if w not in self.prefixes:
                        break
                pre_in = []
                post_in = []
                for l in range(wmax, wmin - 1, -1):
                    a = i - l + 1
                    w = words[a * span + (wmax - l)] if a >= 0 else empty
                    pre_in.append(NOWORD if w is None else w)
                    w = words[i * span + (wmax - l)] if i + l <= n else empty
                    post_in.append(NOWORD if w is None else w)
                ends_at.append(pre_in)
                starts_at.append(post_in)
        for i in range(n):
            flist = [0]
            c = nodes[i]
            here = <tuple>nid[i]
            if here[0] is not None:
                flist.append(here[0])
            if i > 0:
                idx = (<tuple>nid[i - 1])[1]
                if idx is not None:
                    flist.append(idx)
                _add_pair(flist, self.t_prev, nodes[i - 1], c)
            if i + 1 < n:
                idx = (<tuple>nid[i + 1])[2]
                if idx is not None:
                    flist.append(idx)
                _add_pair(flist, self.t_next, c, nodes[i + 1])
            if i > 1:
                idx = (<tuple>nid[i - 2])[3]
                if idx is not None:
                    flist.append(idx)
                _add_pair(flist, self.t_prev2, nodes[i - 2], nodes[i - 1])
            if i + 2 < n:
                idx = (<tuple>nid[i + 2])[4]
                if idx is not None:
                    flist.append(idx)
            if not self.word_feature:
                out.append(flist)
                continue
            # Windows by length, longest first, as spacy_pkuseg lists them. The windows
            # ending before i are those ending at i - 1, the ones starting after i those
            # starting at i + 1: each list is built once per position.
            pre_in = <list>ends_at[i]
            post_in = <list>starts_at[i]
            pre_ex = <list>ends_at[i - 1] if i > 0 else off
            post_ex = <list>starts_at[i + 1] if i + 1 < n else off
            for w in pre_in:
                if w is not NOWORD:
                    idx = (<tuple>self._word(w))[0]
                    if idx is not None:
                        flist.append(idx)
            for w in post_in:
                if w is not NOWORD:
                    idx = (<tuple>self._word(w))[1]
                    if idx is not None:
                        flist.append(idx)
            # Word pairs: 'ww.l.' + pre + '*' + post, looked up as pre, then post. The same
            # pre (mostly the non-word marker) often comes several times in a row: its ids
            # are the same, in the same order.
            self._pairs(flist, self.ww_l, pre_ex, post_in)
            self._pairs(flist, self.ww_r, pre_in, post_ex)
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
