# The model's features as integer-keyed C tables, included by _pkuseg_fast.pyx.
#
# Every node (a character after pkuseg's renaming, or the **Num / **Letter mark that
# stands for one) is an integer; every word of the dictionary a state of a trie of nodes;
# every feature a 64-bit key (template, first part, second part) in one open-addressing
# table of ints. The model's text files are parsed here in C, from their UTF-32 form:
# building Python strings and dicts for 1.3 million features took longer than the rest
# of loading.

cdef str NOWORD = "**noWord"
# The layout of the tables ModelTables.dump gives (keys, hashing, templates, marks): saved
# tables of another layout are not read back (fast_tables.py). Raise it with any change.
TABLES_LAYOUT = 1

# Templates: the top bits of a feature's key.
cdef enum:
    T_C = 1
    T_CM1 = 2
    T_C1 = 3
    T_CM2 = 4
    T_C2 = 5
    T_WM1 = 6
    T_W1 = 7
    T_PREV = 8    # c-1c.  (node i-1, node i)
    T_NEXT = 9    # cc1.   (node i, node i+1)
    T_PREV2 = 10  # c-2c-1. (node i-2, node i-1)
    T_WWL = 11    # ww.l.  (word before, word from here)
    T_WWR = 12    # ww.r.  (word to here, word after)
    T_TRIE = 13   # (state, node) -> the state after that node

# Nodes past the last code point stand for pkuseg's marks.
cdef int32_t NODE_NUM = 0x110000
cdef int32_t NODE_LETTER = 0x110001
# No word: the window is none (spacy_pkuseg's "**noWord").
cdef int32_t NO_WORD = (1 << 30) - 1
cdef int32_t ROOT = 1  # the trie's root: the empty word ""
cdef dict PAIR_TEMPLATES = {"c-1c": T_PREV, "cc1": T_NEXT, "c-2c-1": T_PREV2, "ww.l": T_WWL, "ww.r": T_WWR}


cdef inline uint64_t key3(uint64_t template, uint64_t a, uint64_t b) noexcept nogil:
    # Parts are below 2**30 (code points, marks, trie states, NO_WORD): the key is injective.
    return (template << 60) | (a << 30) | b


cdef inline uint64_t _slot(uint64_t key, int shift) noexcept nogil:
    return (key * <uint64_t>0x9E3779B97F4A7C15) >> shift  # Fibonacci hashing


cdef class IntTable:
    """uint64 -> int32, open addressing with linear probing, at most half full; key 0 is
    never used (every key has a template number in its top bits).

    A table read back from a file (``ModelTables.load``) lives in that file's buffer,
    which ``owner`` keeps alive; it is read-only."""

    cdef uint64_t* keys
    cdef int32_t* vals
    cdef uint64_t mask
    cdef int shift
    cdef Py_ssize_t used
    cdef object owner  # the buffer a loaded table lives in; None when the arrays are ours

    def __cinit__(self, Py_ssize_t expected=1024):
        cdef Py_ssize_t size = 1024
        cdef int bits = 10
        self.owner = None
        self.keys = NULL
        self.vals = NULL
        if expected < 0:
            return  # filled in by ModelTables.load
        while size < expected * 2:
            size *= 2
            bits += 1
        self._alloc(size, bits)

    cdef int _alloc(self, Py_ssize_t size, int bits) except -1:
        self.keys = <uint64_t*>calloc(size, sizeof(uint64_t))
        self.vals = <int32_t*>calloc(size, sizeof(int32_t))  # zeros: a dump is the same every time
        if self.keys == NULL or self.vals == NULL:
            raise MemoryError()
        self.mask = size - 1
        self.shift = 64 - bits
        self.used = 0
        return 0

    def __dealloc__(self):
        if self.owner is None:
            free(self.keys)
            free(self.vals)

    def __len__(self):
        return self.used

    cdef inline int32_t get(self, uint64_t key) noexcept nogil:
        """The value of ``key``, or -1."""
        cdef uint64_t h = _slot(key, self.shift), k
        while True:
            k = self.keys[h]
            if k == key:
                return self.vals[h]
            if k == 0:
                return -1
            h = (h + 1) & self.mask

    cdef int put(self, uint64_t key, int32_t val) except -1:
        """Set ``key`` (a later value replaces an earlier one, as in a dict)."""
        cdef uint64_t h, k, i, old_size
        cdef uint64_t* old_keys
        cdef int32_t* old_vals
        if self.owner is not None:
            raise ValueError("a table loaded from a file is read-only")
        if (self.used + 1) * 2 > <Py_ssize_t>(self.mask + 1):
            old_keys, old_vals, old_size = self.keys, self.vals, self.mask + 1
            self._alloc(old_size * 2, 64 - self.shift + 1)
            for i in range(old_size):
                if old_keys[i] != 0:
                    self.put(old_keys[i], old_vals[i])
            free(old_keys)
            free(old_vals)
        h = _slot(key, self.shift)
        while True:
            k = self.keys[h]
            if k == key:
                self.vals[h] = val
                return 0
            if k == 0:
                self.keys[h] = key
                self.vals[h] = val
                self.used += 1
                return 0
            h = (h + 1) & self.mask


cpdef tuple split_feature(str name):
    """(template, a, b) of a two-part feature, or None: ``compact._split`` in C, for
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


cdef inline bint _at(const uint32_t* s, Py_ssize_t pos, Py_ssize_t end, const char* lit) noexcept:
    """Does ``lit`` (ASCII) stand at s[pos:end]?"""
    cdef Py_ssize_t k = 0
    while lit[k] != 0:
        if pos + k >= end or s[pos + k] != <uint32_t>lit[k]:
            return False
        k += 1
    return True


cdef inline int _one_part(const uint32_t* s, Py_ssize_t pos, Py_ssize_t end, Py_ssize_t* start) noexcept:
    """The one-part template a feature name begins with (c. c-1. c1. c-2. c2. w-1. w1.),
    setting ``start`` past its prefix; 0 for any other name."""
    if _at(s, pos, end, b"c."):
        start[0] = pos + 2
        return T_C
    if _at(s, pos, end, b"c-1."):
        start[0] = pos + 4
        return T_CM1
    if _at(s, pos, end, b"c1."):
        start[0] = pos + 3
        return T_C1
    if _at(s, pos, end, b"c-2."):
        start[0] = pos + 4
        return T_CM2
    if _at(s, pos, end, b"c2."):
        start[0] = pos + 3
        return T_C2
    if _at(s, pos, end, b"w-1."):
        start[0] = pos + 4
        return T_WM1
    if _at(s, pos, end, b"w1."):
        start[0] = pos + 3
        return T_W1
    return 0


cdef class ModelTables:
    """The feature table and the trie of words of one model, built from text in C, or
    read back from the bytes ``dump`` gave (``load``: no parsing, about 50 MB read)."""

    cdef IntTable table
    cdef unsigned char* is_word  # per trie state
    cdef int32_t states, room
    cdef int wmax
    cdef object owner  # the buffer a loaded model lives in; None when is_word is ours

    def __cinit__(self, int wmax, Py_ssize_t expected):
        self.wmax = wmax
        self.owner = None
        self.is_word = NULL
        self.table = IntTable(expected)
        self.states = ROOT + 1
        if expected < 0:
            return  # filled in by load
        self.room = 1 << 16
        self.is_word = <unsigned char*>calloc(self.room, 1)
        if self.is_word == NULL:
            raise MemoryError()

    def __dealloc__(self):
        if self.owner is None:
            free(self.is_word)

    cdef int _writable(self) except -1:
        if self.owner is not None:
            raise ValueError("tables loaded from a file are read-only")
        return 0

    def dump(self):
        """(wmax, slots, used, states, keys, values, is_word): the tables as bytes in this
        machine's byte order, for ``load``."""
        cdef Py_ssize_t size = <Py_ssize_t>(self.table.mask + 1)
        return (self.wmax, size, self.table.used, self.states,
                (<char*>self.table.keys)[:size * sizeof(uint64_t)],
                (<char*>self.table.vals)[:size * sizeof(int32_t)],
                (<char*>self.is_word)[:self.states])

    @staticmethod
    def load(data, Py_ssize_t offset, int wmax, Py_ssize_t size, Py_ssize_t used, Py_ssize_t states,
             Py_ssize_t n_feature):
        """Tables over ``data`` (a writable buffer kept alive by them: keys, values and
        is_word as ``dump`` gave them, from ``offset``). Every slot is checked, so that a
        damaged file can give wrong words but never a read out of bounds; ValueError if
        one is out of range."""
        cdef unsigned char[::1] buf = data
        cdef ModelTables m
        cdef uint64_t* keys
        cdef int32_t* vals
        cdef Py_ssize_t i, found = 0, bits = 0
        cdef uint64_t key, template
        cdef int32_t v
        if size < 1024 or size & (size - 1) or used * 2 > size or not ROOT < states < (1 << 30):
            raise ValueError("table sizes out of range")
        if offset < 0 or offset % 8 or offset + size * 12 + states > buf.shape[0]:
            raise ValueError("table file too short")
        if (<size_t>&buf[0]) % 8:
            raise ValueError("table buffer not aligned")
        while (1 << bits) < size:
            bits += 1
        keys = <uint64_t*>&buf[offset]
        vals = <int32_t*>&buf[offset + size * 8]
        for i in range(size):
            key = keys[i]
            if key == 0:
                continue
            found += 1
            template = key >> 60
            v = vals[i]
            if template == T_TRIE:
                if not (ROOT < v < states) or ((key >> 30) & 0x3FFFFFFF) >= <uint64_t>states:
                    raise ValueError("a trie state out of range")
            elif template < T_C or template > T_WWR or not (0 <= v < n_feature):
                raise ValueError("a feature out of range")
        if found != used:
            raise ValueError("the table's count does not match its slots")
        m = ModelTables(wmax, -1)
        m.owner = data
        m.table.owner = data
        m.table.keys = keys
        m.table.vals = vals
        m.table.mask = size - 1
        m.table.shift = 64 - bits
        m.table.used = used
        m.is_word = &buf[offset + size * 12]
        m.states = <int32_t>states
        m.room = <int32_t>states
        return m

    cdef int _nodes(self, const uint32_t* s, Py_ssize_t pos, Py_ssize_t end, int32_t* out,
                    int cap) noexcept:
        """The nodes of s[pos:end] (pkuseg's marks one node each: pkuseg renames every
        literal '*', so they cannot be misread), or -1 if there are more than ``cap``."""
        cdef int n = 0
        while pos < end:
            if n == cap:
                return -1
            if s[pos] == 42 and _at(s, pos, end, b"**Num"):
                out[n] = NODE_NUM
                pos += 5
            elif s[pos] == 42 and _at(s, pos, end, b"**Letter"):
                out[n] = NODE_LETTER
                pos += 8
            else:
                out[n] = <int32_t>s[pos]
                pos += 1
            n += 1
        return n

    cdef int32_t _node(self, const uint32_t* s, Py_ssize_t pos, Py_ssize_t end) noexcept:
        """The one node s[pos:end] names, or -1 if no fragment can have it."""
        cdef int32_t node
        return node if self._nodes(s, pos, end, &node, 1) == 1 else -1

    cdef int32_t _word(self, const uint32_t* s, Py_ssize_t pos, Py_ssize_t end) noexcept:
        """The trie state of the dictionary word s[pos:end], NO_WORD for "**noWord", or
        -1 if no window can be it (not a word, or longer than any window)."""
        cdef int32_t nodes[32]
        cdef int n, k
        cdef int32_t state = ROOT
        if end - pos == 8 and _at(s, pos, end, b"**noWord"):
            return NO_WORD
        n = self._nodes(s, pos, end, nodes, self.wmax)
        for k in range(n):
            state = self.table.get(key3(T_TRIE, state, nodes[k]))
            if state < 0:
                return -1
        return state if n >= 0 and self.is_word[state] else -1

    cdef int _insert_word(self, const uint32_t* s, Py_ssize_t pos, Py_ssize_t end) except -1:
        cdef int32_t nodes[32]
        cdef int n, k
        cdef int32_t state = ROOT, nxt
        n = self._nodes(s, pos, end, nodes, self.wmax)
        if n < 0:
            return 0  # no window is that long
        for k in range(n):
            nxt = self.table.get(key3(T_TRIE, state, nodes[k]))
            if nxt < 0:
                nxt = self.states
                self.states += 1
                if self.states >= self.room:
                    self.room *= 2
                    self.is_word = <unsigned char*>realloc(self.is_word, self.room)
                    if self.is_word == NULL:
                        raise MemoryError()
                    memset(self.is_word + self.room // 2, 0, self.room // 2)
                self.table.put(key3(T_TRIE, state, nodes[k]), nxt)
            state = nxt
        self.is_word[state] = 1
        return 0

    def add_words(self, str lines):
        """The dictionary's words, one a line ("" is a word when a line is empty)."""
        self._writable()
        cdef bytes data = lines.encode("utf-32-le")
        cdef const uint32_t* s = <const uint32_t*><const char*>data
        cdef Py_ssize_t n = len(lines), pos = 0, end
        while pos <= n:
            end = pos
            while end < n and s[end] != 10:
                end += 1
            self._insert_word(s, pos, end)
            pos = end + 1

    def add_one_part(self, str lines, ids):
        """One-part features, one name a line, the k-th with id ids[k]: c. c-1. c1. c-2.
        c2. + node, w-1. w1. + word; any other name (none that a fragment can have) is
        left out."""
        self._writable()
        cdef bytes data = lines.encode("utf-32-le")
        cdef const uint32_t* s = <const uint32_t*><const char*>data
        cdef const int64_t[::1] idv = ids
        cdef Py_ssize_t n = len(lines), pos = 0, end, line = 0, start
        cdef int32_t part
        cdef int template
        while pos <= n:
            end = pos
            while end < n and s[end] != 10:
                end += 1
            template = _one_part(s, pos, end, &start)
            if template:
                part = self._word(s, start, end) if template >= T_WM1 else self._node(s, start, end)
                if part >= 0 and part != NO_WORD:
                    self.table.put(key3(template, 0, part), <int32_t>idv[line])
            pos = end + 1
            line += 1

    def add_rows(self, str name, str lines, ids):
        """Two-part features of template ``name`` as a<TAB>b1<TAB>b2... rows, the k-th
        second part of the text with id ids[k]; a feature no fragment can have is left out."""
        self._writable()
        cdef int template = PAIR_TEMPLATES[name]
        cdef bint words = template >= T_WWL
        cdef bytes data = lines.encode("utf-32-le")
        cdef const uint32_t* s = <const uint32_t*><const char*>data
        cdef const int64_t[::1] idv = ids
        cdef Py_ssize_t n = len(lines), pos = 0, end, k = 0
        cdef int32_t a = -1, b
        cdef bint first = True
        while pos <= n:
            end = pos
            while end < n and s[end] != 10 and s[end] != 9:
                end += 1
            if first:
                a = self._word(s, pos, end) if words else self._node(s, pos, end)
            else:
                if a >= 0:
                    b = self._word(s, pos, end) if words else self._node(s, pos, end)
                    if b >= 0:
                        self.table.put(key3(template, a, b), <int32_t>idv[k])
                k += 1
            first = end >= n or s[end] == 10
            pos = end + 1
