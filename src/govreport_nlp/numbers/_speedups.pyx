# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled fast path of :func:`govreport_nlp.numbers.normalize`.

Reports print a few quantity forms over and over: ``31.08亿元``, ``约2.3亿元``, ``3万余户``,
``三千万元``, ``百分之三十五``, ``3-5亿元``, ``6.5%左右``. This module reads those forms
character by character in C and builds the :class:`~govreport_nlp.models.Quantity`
directly. Anything it is not sure of (dates, durations in 年, ‰ and 成, mixed
Arabic-Chinese numbers, 点 decimals, whitespace, codes with a leading 0 ...) it
*declines*, and ``numbers.normalize`` takes its pure-Python path, which is the
reference: for every input the two either agree exactly or this module declines
(``tests/test_speedups.py`` checks that with hypothesis).

Nothing here is policy: the unit and modifier tables come from ``numbers``/``units``
through :func:`configure`, which ``numbers`` calls once at import.
"""

from cpython.object cimport PyObject_GenericSetAttr

# Returned when the fast path does not handle an expression.
DECLINE = object()

cdef object _Decimal = None
cdef object _Quantity = None
cdef object _new = None
cdef dict _UNITS = None
cdef dict _PREFIX = None
cdef dict _SUFFIX = None
cdef object _ONE = None
cdef object _TENTH = None
cdef object _FIELDS = None
cdef object _exact = None
cdef object _general = None
cdef str _RANGE = u""
cdef int _prefix_max = 0

# Longest numbers written out in a report cell are far below this; longer ones decline.
cdef enum:
    MAXDIGITS = 48
    _PLANE = 65536  # the Basic Multilingual Plane, where every numeral is
# Chinese numerals are summed in C integers; larger values decline (10^16 is 一亿亿).
cdef long long CN_LIMIT = 100000000000000000


def configure(quantity, units, prefix_modifiers, suffix_modifiers, one, fields, exact, general,
              range_separators, numerals):
    """Hand the tables and helpers of ``numbers`` to the fast path (called once at import).

    ``general`` is the pure-Python normalizer that :func:`normalize` falls back to;
    ``range_separators`` the characters between the bounds of a range (``chars.py``);
    ``numerals`` the tables (digits, small units, big units) of ``numerals.py``.
    """
    global _Quantity, _new, _UNITS, _PREFIX, _SUFFIX, _ONE, _FIELDS, _exact, _general
    global _Decimal, _prefix_max, _TENTH, _RANGE
    from decimal import Decimal
    _Decimal = Decimal
    _Quantity = quantity
    _new = quantity.__new__
    _UNITS = dict(units)
    _PREFIX = dict(prefix_modifiers)
    _SUFFIX = dict(suffix_modifiers)
    _ONE = one
    _TENTH = Decimal("0.1")
    _FIELDS = fields
    _exact = exact
    _general = general
    _RANGE = range_separators
    _fill_numerals(*numerals)
    _prefix_max = max(len(w) for w in _PREFIX)


cdef inline int _arabic(Py_UCS4 c):
    """0-9 for an ASCII or full-width digit, -1 otherwise."""
    if 48 <= c <= 57:
        return <int>c - 48
    if 0xFF10 <= c <= 0xFF19:
        return <int>c - 0xFF10
    return -1


# The numeral tables as C arrays over the Basic Multilingual Plane, filled by configure()
# from numbers/numerals.py's own tables (CN_DIGITS, CN_SMALL, CN_BIG): one look-up per
# character, and one definition of what a numeral is.
cdef signed char _DIGIT_OF[_PLANE]  # the digit of 一, 两, 贰 ...; -1 for none
cdef long long _SMALL_OF[_PLANE]  # 10, 100, 1000 for 十, 百, 千 ...; 0 for none
cdef unsigned char _ZEROS_OF[_PLANE]  # 4 for 万, 8 for 亿; 0 for none
for _i in range(_PLANE):
    _DIGIT_OF[_i] = -1
    _SMALL_OF[_i] = 0
    _ZEROS_OF[_i] = 0


def _fill_numerals(dict digits, dict small, dict big):
    """Fill the C numeral tables from the Python ones (every numeral is in the BMP)."""
    cdef Py_ssize_t k
    for k in range(_PLANE):
        _DIGIT_OF[k] = -1
        _SMALL_OF[k] = 0
        _ZEROS_OF[k] = 0
    for ch, v in digits.items():
        _DIGIT_OF[ord(ch)] = v
    for ch, v in small.items():
        _SMALL_OF[ord(ch)] = v
    for ch, v in big.items():
        _ZEROS_OF[ord(ch)] = len(str(v)) - 1


cdef inline int _cn_digit(Py_UCS4 c):
    return _DIGIT_OF[c] if c < _PLANE else -1


cdef inline long long _cn_small(Py_UCS4 c):
    return _SMALL_OF[c] if c < _PLANE else 0


cdef inline int _cn_big(Py_UCS4 c):
    """Zeros of a scale character: 4 for 万, 8 for 亿, 0 otherwise."""
    return _ZEROS_OF[c] if c < _PLANE else 0


def numeral_value(str ch):
    """(digit, small unit, zeros of the big unit) the C tables give a character:
    ``(-1, 0, 0)`` for none. configure() fills them from ``numbers``' own tables; a test
    checks them over the whole CJK range."""
    cdef Py_UCS4 c = ch[0]
    return _cn_digit(c), _cn_small(c), _cn_big(c)


cdef inline bint _numeral(Py_UCS4 c):
    """A character the reference grammar could take into a number."""
    return (_arabic(c) >= 0 or _cn_digit(c) >= 0 or _cn_small(c) != 0 or _cn_big(c) != 0
            or c == u"点")


cdef struct Num:
    Py_ssize_t end       # index after the number
    bint arabic          # written in Arabic digits alone (31.08亿): value as written
    int ndigits          # arabic: digits written to the buffer (ASCII, '.' included)
    int zeros            # arabic: trailing 万/亿 as a power of ten
    long long ivalue     # otherwise: the value times 10**frac
    int frac             # otherwise: decimal places of ivalue (三点一四 -> 314, 2)
    long long iscale     # otherwise: the trailing 万/亿 as a factor (1 when none)


# The running sums of a number with Chinese numerals (三千五百万, 1亿2千万), all times
# 10**frac of its Num once a fraction was read.
cdef struct Sums:
    long long total      # the part read before the last 亿
    long long wan        # the part read since, up to the last 万
    long long section    # the part since, below 万 (三千五百 of 三千五百万)
    long long num        # a digit (or Arabic chunk) waiting for its unit; -1 for none
    bint prev_digit      # the last character read was a Chinese digit
    bint seen            # a digit or a small unit was read (万 and 亿 need one before them)


cdef inline bint _too_big(long long x):
    return x > CN_LIMIT or x < -CN_LIMIT


cdef bint _read_number(str text, Py_ssize_t i, Py_ssize_t n, char* buf, Num* r):
    """Read one number at ``i`` into ``r``. False to decline.

    Arabic digits (thousands separators, one decimal point) followed by 万/亿 are kept
    as written, as the reference path keeps them. Every other number (三千万, 1亿2千万,
    5千万, 三点一四亿) is summed by the reference path's own rules in C integers scaled
    by 10**frac; its value is exact, and the caller makes it canonical as the reference
    path does."""
    cdef Py_UCS4 c
    cdef Py_ssize_t j
    r.arabic = False
    r.zeros = 0
    r.ndigits = 0
    r.ivalue = 0
    r.frac = 0
    r.iscale = 1
    r.end = i
    if i >= n:
        return False
    c = text[i]
    if _arabic(c) >= 0:
        j = _read_arabic(text, i, n, buf, r)
        if j < 0:
            return False
        if j >= n or not (_numeral(text[j]) and text[j] != u"点"):
            r.arabic = True
            return _ended(r, text, j, n)
        # 5千万, 1亿2千万: Arabic and Chinese numerals mixed, read below.
    elif _cn_digit(c) < 0 and not _cn_small(c):
        return False
    return _read_chinese(text, i, n, r)


cdef inline Py_ssize_t _copy_digits(str text, Py_ssize_t j, Py_ssize_t n, char* buf, int* k, int most):
    """Copy the run of Arabic digits at ``j`` to ``buf[k:]`` as ASCII and advance ``k``: the
    index after the run, or -1 when it has more than ``most`` digits or fills the buffer
    (a number too long for a report cell, or a thousands group that is not one)."""
    cdef int count = 0, d
    while j < n:
        d = _arabic(text[j])
        if d < 0:
            break
        if count == most or k[0] >= MAXDIGITS:
            return -1
        buf[k[0]] = <char>(48 + d)
        k[0] += 1
        count += 1
        j += 1
    return j


cdef Py_ssize_t _read_arabic(str text, Py_ssize_t i, Py_ssize_t n, char* buf, Num* r):
    """Arabic digits as written (31.08, 1,234,567, full-width ３１) into ``buf``: a first run,
    groups of three after thousands separators, one decimal point and its digits; then
    their 万/亿 (``r.zeros``). Kept as text so that the value is the reference path's
    Decimal, digit for digit. The index after them, or -1 to decline."""
    cdef int k = 0, before
    cdef Py_ssize_t j = _copy_digits(text, i, n, buf, &k, MAXDIGITS)
    if j < 0:
        return -1
    if j < n and text[j] == u",":
        # 1,234,567: groups of three after a first group of one to three.
        if k > 3:
            return -1
        while j < n and text[j] == u",":
            before = k
            j = _copy_digits(text, j + 1, n, buf, &k, 3)
            if j < 0 or k - before != 3:
                return -1
    if j < n and (text[j] == u"." or text[j] == u"．"):
        if j + 1 >= n or _arabic(text[j + 1]) < 0 or k >= MAXDIGITS:
            return -1
        buf[k] = 46
        k += 1
        j = _copy_digits(text, j + 1, n, buf, &k, MAXDIGITS)
        if j < 0:
            return -1
    r.ndigits = k
    return _arabic_scale(text, j, n, r)


cdef inline Py_ssize_t _arabic_scale(str text, Py_ssize_t j, Py_ssize_t n, Num* r):
    """The 万/亿 after Arabic digits (31.08亿, 2万亿) as ``r.zeros``: the index after them, or
    -1 for the runs the reference path splits (1万万斤, 1亿万斤: 万斤 is a unit there);
    万亿 is one scale."""
    cdef Py_ssize_t start = j
    while j < n and _cn_big(text[j]):
        r.zeros += _cn_big(text[j])
        j += 1
    if j - start > 2 or j - start == 2 and _cn_big(text[start]) != 4 or j - start == 2 and r.zeros != 12:
        return -1
    return j


cdef bint _read_chinese(str text, Py_ssize_t i, Py_ssize_t n, Num* r):
    """Sum the number at ``i`` written with Chinese numerals, maybe mixed with Arabic digits
    (三千万, 1亿2千万, 三点一四亿), one character at a time by its kind, as the reference
    path sums it; then its value and scale into ``r``. False to decline."""
    cdef Sums s
    cdef Py_UCS4 c
    cdef Py_ssize_t j = i
    cdef int d
    s.total = s.wan = s.section = 0
    s.num = -1
    s.prev_digit = s.seen = False
    while j < n:
        c = text[j]
        d = _cn_digit(c)
        if d >= 0:
            if not _take_digit(&s, r, d):
                return False
        elif _arabic(c) >= 0:
            j = _take_arabic(text, j, n, &s, r)
            if j < 0:
                return False
            continue  # j is past the digits already
        elif _cn_small(c):
            if not _take_small(text, j, n, &s, r):
                return False
        elif _cn_big(c):
            if not _take_big(&s, _cn_big(c)):
                return False
        elif c == u"点":
            j = _take_point(text, j, n, &s, r)
            if j < 0:
                return False
        else:
            break
        if _too_big(s.num) or _too_big(s.section) or _too_big(s.wan) or _too_big(s.total):
            return False
        j += 1
    if not s.seen:
        return False
    return _chinese_total(text, i, j, n, &s, r)


cdef inline bint _take_digit(Sums* s, Num* r, int d):
    """A Chinese digit (一, 两, 零 ...): it waits in ``num`` for its unit. Two in a row
    decline (二〇一七, 五六亿: spelled digits or a range, the reference path's), except after
    a 零 (一万零五)."""
    if s.num >= 0 and not s.prev_digit:
        return False  # a Chinese digit right after Arabic ones or a 点 fraction
    if s.prev_digit and s.num >= 0:
        if r.frac or s.num > 0:
            return False
        s.num = d  # 一万零五: a zero, then the digit
    else:
        s.num = d * _pow10(r.frac)
    s.prev_digit = s.seen = True
    return True


cdef Py_ssize_t _take_arabic(str text, Py_ssize_t j, Py_ssize_t n, Sums* s, Num* r):
    """Arabic digits inside a Chinese number (5千万, 1亿2千万, 1.5亿2千万) as the digit waiting
    for its unit, with their decimal places (which rescale the sums). The index after them,
    or -1 to decline (a thousands separator, more than six decimals, too big)."""
    cdef long long chunk = 0
    cdef int m = 0
    if s.num >= 0:
        return -1
    while j < n and _arabic(text[j]) >= 0:
        chunk = chunk * 10 + _arabic(text[j])
        if _too_big(chunk):
            return -1
        j += 1
    if j < n and (text[j] == u"." or text[j] == u"．" or text[j] == u","):
        if text[j] == u"," or j + 1 >= n or _arabic(text[j + 1]) < 0:
            return -1
        j += 1
        while j < n and _arabic(text[j]) >= 0:
            chunk = chunk * 10 + _arabic(text[j])
            m += 1
            if _too_big(chunk) or m > 6:
                return -1
            j += 1
        if not _rescale(r, s, m):
            return -1
        s.num = chunk
    else:
        if chunk > CN_LIMIT // _pow10(r.frac):
            return -1
        s.num = chunk * _pow10(r.frac)
    s.prev_digit = False
    s.seen = True
    return j


cdef inline bint _take_small(str text, Py_ssize_t j, Py_ssize_t n, Sums* s, Num* r):
    """A small unit (十, 百, 千 at ``j``) multiplies the digit before it (one when none) into
    the section. False to decline: 千 that begins a unit (千瓦, 千米, 千公顷), too big."""
    cdef Py_UCS4 c = text[j]
    cdef long long small, part
    if c == u"千" and j + 1 < n and (text[j + 1] in u"瓦米克伏卡" or text[j + 1:j + 3] == u"公顷"):
        return False  # 千瓦, 千米, 千公顷: the unit's character, not the number's
    small = _cn_small(c)
    # 两千零十: after 零 a 十 stands alone (one ten), as the reference path reads it.
    part = _pow10(r.frac) if s.num < 0 or (s.prev_digit and s.num == 0) else s.num
    if part > CN_LIMIT // small:
        return False
    s.section += part * small
    s.num = -1
    s.prev_digit = False
    s.seen = True
    return True


cdef inline bint _take_big(Sums* s, int zeros):
    """A big unit (万: ``zeros`` 4, 亿: 8) closes the section read before it: 万 moves it into
    ``wan``, 亿 moves ``wan`` and it into ``total``. False to decline the forms the
    reference path reads by its own rules (亿亿, 亿 alone, 万 right after 亿) or too big."""
    cdef long long part
    if not s.seen:
        return False
    part = s.section + (0 if s.num < 0 else s.num)
    if zeros == 4:
        if part == 0 and s.wan == 0 and s.total != 0:
            return False
        if part > CN_LIMIT // 10000:
            return False
        s.wan += part * 10000
    else:
        if part == 0 and s.wan == 0:
            return False  # 亿亿 and 亿 alone: the reference path reads them
        if s.wan + part > CN_LIMIT // 100000000:
            return False
        s.total += (s.wan + part) * 100000000
        s.wan = 0
    s.section = 0
    s.num = -1
    s.prev_digit = False
    return True


cdef inline Py_ssize_t _take_point(str text, Py_ssize_t j, Py_ssize_t n, Sums* s, Num* r):
    """点 at ``j`` and the Chinese digits after it (三点一四): the fraction joins the waiting
    digit and rescales the sums. The index of its last digit, or -1 to decline (no digit,
    more than six, a second fraction)."""
    cdef int m = 0
    cdef long long chunk = 0
    while j + 1 < n and _cn_digit(text[j + 1]) >= 0:
        chunk = chunk * 10 + _cn_digit(text[j + 1])
        m += 1
        j += 1
    if m == 0 or m > 6 or not _rescale(r, s, m):
        return -1
    s.num = chunk if s.num < 0 else s.num + chunk
    s.prev_digit = False
    return j


cdef inline bint _chinese_total(str text, Py_ssize_t i, Py_ssize_t j, Py_ssize_t n, Sums* s, Num* r):
    """The value of the Chinese number ``text[i:j]`` from its sums (``r.ivalue``) and the
    factor of its trailing 万/亿 (``r.iscale``, which a range's low bound may share). False
    to decline an elided unit (六万五, the reference path's) or a value too big."""
    cdef Py_ssize_t k
    cdef long long p10
    if j - i >= 2 and _cn_digit(text[j - 1]) >= 0 and text[j - 2] in u"百佰千仟万萬亿億":
        return False  # 六万五: an elided unit, which the reference path reads
    r.ivalue = s.total + s.wan + s.section + (0 if s.num < 0 else s.num)
    if _too_big(r.ivalue):
        return False
    k = j
    while k > i and _cn_big(text[k - 1]):
        p10 = 10000 if _cn_big(text[k - 1]) == 4 else 100000000
        if r.iscale > CN_LIMIT // p10:
            return False
        r.iscale *= p10
        k -= 1
    return _ended(r, text, j, n)


cdef inline long long _pow10(int m):
    cdef long long p = 1
    while m > 0:
        p *= 10
        m -= 1
    return p


cdef bint _rescale(Num* r, Sums* s, int m):
    """Give the sums ``m`` decimal places (a 点 or Arabic fraction was read); only one."""
    cdef long long p
    if r.frac:
        return False
    p = _pow10(m)
    if s.total > CN_LIMIT // p or s.wan > CN_LIMIT // p or s.section > CN_LIMIT // p or s.num > CN_LIMIT // p:
        return False
    s.total *= p
    s.wan *= p
    s.section *= p
    if s.num >= 0:
        s.num *= p
    r.frac = m
    return True


cdef inline bint _ended(Num* r, str text, Py_ssize_t j, Py_ssize_t n):
    """Accept the number read up to ``j`` if it ends there as the reference grammar
    would end it: no more numerals, and no 余/多 inside it (百余万)."""
    cdef Py_UCS4 c
    if j < n:
        c = text[j]
        if _numeral(c):
            return False
        if (c == u"余" or c == u"多") and j + 1 < n and (_cn_small(text[j + 1]) or _cn_big(text[j + 1])):
            return False
    r.end = j
    return True


cdef object _arabic_value(char* buf, int ndigits, int zeros):
    """The exact value of digits shifted by ``zeros`` places (31.08, 8 -> 3108000000),
    built as the reference path builds it (the same string for Decimal)."""
    cdef int point = -1, k, frac, out = 0
    cdef char tmp[MAXDIGITS + 40]
    for k in range(ndigits):
        if buf[k] == 46:
            point = k
            break
    if zeros == 0:
        return _Decimal(buf[:ndigits].decode("ascii"))
    if zeros > 32:
        return None
    frac = 0 if point < 0 else ndigits - point - 1
    for k in range(ndigits):
        if buf[k] != 46:
            if point >= 0 and k > point and k - point - 1 == zeros:
                tmp[out] = 46
                out += 1
            tmp[out] = buf[k]
            out += 1
    for k in range(zeros - frac):
        tmp[out] = 48
        out += 1
    return _Decimal(tmp[:out].decode("ascii"))


cdef object _scaled(long long v, int frac):
    """The exact value of ``v / 10**frac`` in the reference path's canonical form."""
    if frac == 0:
        return _Decimal(v)
    return _exact(_Decimal(v).scaleb(-frac))


# Every field is set on every Quantity: copying a dict of the same keys and setting
# values is cheaper than building a new one key by key.
cdef dict _TEMPLATE = {"text": None, "start": 0, "end": 0, "value": None,
                       "value_high": None, "unit": "", "kind": "", "modifier": None}


cdef inline object _build(str text, Py_ssize_t start, Py_ssize_t end, object value, object high,
                          object unit, object kind, object modifier):
    """A Quantity filled as ``numbers._make`` fills it (no validation: the values are
    checked here), with the C setters instead of ``object.__setattr__`` calls."""
    cdef dict fields = _TEMPLATE.copy()
    fields["text"] = text[start:end]
    fields["start"] = start
    fields["end"] = end
    fields["value"] = value
    if high is not None:
        fields["value_high"] = high
    fields["unit"] = unit
    fields["kind"] = kind
    if modifier is not None:
        fields["modifier"] = modifier
    q = _new(_Quantity)
    PyObject_GenericSetAttr(q, "__dict__", fields)
    PyObject_GenericSetAttr(q, "__pydantic_fields_set__", _FIELDS)
    PyObject_GenericSetAttr(q, "__pydantic_extra__", None)
    PyObject_GenericSetAttr(q, "__pydantic_private__", None)
    return q


def fast_normalize(str text):
    """The quantity ``text`` expresses, or :data:`DECLINE` when the fast path does not
    read this form (the caller then takes the reference path)."""
    return _fast(text)


cdef inline object _fast(str text):
    """:func:`fast_normalize`: the plain forms, then the forms PDFs print with spaces."""
    q = _plain(text)
    return _spaced(text) if q is DECLINE else q


# Where _plain is in the text it reads, and what it has found so far.
cdef struct Form:
    Py_ssize_t start     # where the quantity's text begins: its number, minus sign or 百分之
    Py_ssize_t i         # the reading position
    Py_ssize_t end       # where the unit ends (a suffix word may follow); -1 to decline
    bint pct             # 百分之/千分之: a percentage, no unit after it
    bint tenth           # 千分之: a tenth of a percent
    bint neg             # a minus sign before Arabic digits
    bint has_range       # a high bound was read (3-5亿元)
    bint over            # 余/多 after the number (3万余户)


cdef object _plain(str text):
    """The common forms written without spaces (31.08亿元, 约2.3亿元, 3-5亿元): the words
    before the number, the number (or range), the unit and suffix word, then the values
    as the reference path computes them."""
    cdef Py_ssize_t n = len(text)
    cdef char buf1[MAXDIGITS + 1]
    cdef char buf2[MAXDIGITS + 1]
    cdef Num a, b
    cdef Form f
    cdef object prefix, suffix, info, value, kind, unit, factor, unscaled, high = None
    if n == 0 or n > 64:
        return DECLINE
    prefix = _read_lead(text, n, &f)
    if not _read_bounds(text, n, &f, &a, &b, buf1, buf2):
        return DECLINE
    suffix = _read_suffix(text, n, &f)
    if f.end < 0:
        return DECLINE
    if f.pct:
        if f.end != f.i:
            return DECLINE
        kind, unit, factor = "percent", "%", (_TENTH if f.tenth else _ONE)
    else:
        info = _unit_of(text, f.i, f.end, suffix)
        if info is None:
            return DECLINE
        kind, unit, factor = info
    # Values, as the reference path computes them: factor, sign, then canonical zeros
    # for ranges and scaled values.
    value = _bound(&a, buf1)
    if value is None:
        return DECLINE
    if f.has_range:
        high = _bound(&b, buf2)
        if high is None:
            return DECLINE
        if _shares_scale(&a, &b):
            unscaled = value  # 3-5亿: the 亿 scales both
            value = _scaled_low(&a, &b, value)
            if value is None:
                return DECLINE
        else:
            unscaled = None
        if value > high:
            # Bounds out of order: none when no other reading is left (8-3亿: the reference
            # path's rule); 从6000到2万 (the low bound written in full) is the reference path's.
            if unscaled is None or high > 100 * unscaled:
                return None
            return DECLINE
        high = _adjusted(high, factor, False, True)
    value = _adjusted(value, factor, f.neg, f.has_range or factor is not _ONE)
    return _build(text, f.start, f.end, value, high, unit, kind, _modifier(&f, suffix, prefix))


cdef inline object _read_lead(str text, Py_ssize_t n, Form* f):
    """What comes before the number: a prefix modifier (约, 近, 超过 ...; 上 has its own rule
    in the reference path), 人民币, then a minus sign or 百分之/千分之. Fills ``f`` (``f.i``
    at the number) and returns the prefix, or None."""
    cdef Py_ssize_t L, i = 0
    cdef Py_UCS4 c = text[0]
    cdef object prefix = None
    f.pct = f.tenth = f.neg = f.has_range = f.over = False
    f.end = -1
    if c in u"约大近将接不超突逾多高低少":
        for L in range(min(_prefix_max, n), 0, -1):
            if text[:L] in _PREFIX:
                prefix = text[:L]
                i = L
                break
    if text.startswith(u"人民币", i):
        i += 3
    f.start = i
    if i < n and (text[i] == u"-" or text[i] == u"－") and i + 1 < n and _arabic(text[i + 1]) >= 0:
        f.neg = True
        i += 1
    elif text.startswith(u"百分之", i) or text.startswith(u"千分之", i):
        f.pct = True
        f.tenth = text[i] != u"百"
        i += 3
    f.i = i
    return prefix


cdef inline bint _read_bounds(str text, Py_ssize_t n, Form* f, Num* a, Num* b, char* buf1, char* buf2):
    """The number at ``f.i`` (into ``a``), the high bound of a range (3-5亿, into ``b``) and
    余/多 after them (3万余户); ``f.i`` ends after them. False to decline: codes with a
    leading 0, bounds written differently, a percentage with a range or 余."""
    cdef Py_ssize_t i = f.i
    if not _read_number(text, i, n, buf1, a):
        return False
    if text[i] == u"0" and a.end - i > 1 and text[i + 1] != u"." and text[i + 1] != u"．":
        return False  # 0086, 0517-...: codes; the reference path says what they are
    i = a.end
    if i < n and text[i] in _RANGE:
        if f.pct:
            return False
        if not _read_number(text, i + 1, n, buf2, b) or b.arabic != a.arabic:
            return False
        f.has_range = True
        i = b.end
    if i < n and (text[i] == u"余" or text[i] == u"多"):
        if f.pct:
            return False
        f.over = True
        i += 1
    f.i = i
    return True


cdef inline object _read_suffix(str text, Py_ssize_t n, Form* f):
    """Where the unit after ``f.i`` ends (``f.end``): the shortest rest that leaves nothing
    or one suffix word (左右, 以上 ...), which it returns (None when none). ``f.end`` stays
    -1 to decline: digits or spaces in the rest, or a bare number with no unit."""
    cdef Py_ssize_t u, i = f.i
    cdef Py_UCS4 c
    for u in range(i, n):
        c = text[u]
        if _arabic(c) >= 0 or c.isspace():
            return None
    if not f.pct and text[i:] in _SUFFIX:
        return None  # no unit at all: a bare number, which the reference path judges
    for u in range(i + (0 if f.pct else 1), n):
        if text[u:] in _SUFFIX:
            f.end = u
            return text[u:]
    f.end = n
    return None


cdef inline object _unit_of(str text, Py_ssize_t i, Py_ssize_t end, object suffix):
    """(kind, unit, factor) of the unit ``text[i:end]`` from the units table, or None to
    decline: not a unit, 年 (2017年 is a date: the reference path's year rules decide), or
    a suffix word after a unit the reference path reads apart (周, 成, 个, 人 ...)."""
    cdef str unit_text = text[i:end]
    info = _UNITS.get(unit_text)
    if info is None or info[1] == u"年":
        return None
    if suffix is not None and unit_text[len(unit_text) - 1] in u"周成个人部位":
        return None
    return info


cdef inline object _bound(Num* x, char* buf):
    """The value of one bound as it is written (before a range's shared scale), or None
    to decline."""
    if x.arabic:
        return _arabic_value(buf, x.ndigits, x.zeros)
    return _scaled(x.ivalue, x.frac)


cdef inline bint _shares_scale(Num* a, Num* b):
    """3-5亿: the high bound has a 万/亿 and the low one none, so it scales both."""
    if a.arabic:
        return b.zeros != 0 and a.zeros == 0
    return b.iscale != 1 and a.iscale == 1


cdef inline object _scaled_low(Num* a, Num* b, object low):
    """The low bound ``low`` times the high bound's scale, or None to decline (too big)."""
    if a.arabic:
        return low * _Decimal(10) ** b.zeros
    if a.ivalue > CN_LIMIT // b.iscale:
        return None
    return _scaled(a.ivalue * b.iscale, a.frac)


cdef inline object _adjusted(object v, object factor, bint neg, bint canonical):
    """A bound as the reference path finishes it: times the unit's factor, the sign, then
    canonical zeros when asked (ranges and scaled values)."""
    if factor is not _ONE:
        v = v * factor
    if neg:
        v = -v
    if canonical:
        v = _exact(v)
    return v


cdef inline object _modifier(Form* f, object suffix, object prefix):
    """The modifier: 余/多 first, then a suffix word, then a prefix word."""
    if f.over:
        return "over"
    if suffix is not None:
        return _SUFFIX[suffix]
    if prefix is not None:
        return _PREFIX[prefix]
    return None


cdef inline bint _ascii_digit(Py_UCS4 c):
    return 48 <= c <= 57


cdef inline bint _squeezable(Py_UCS4 c):
    """A space PDF text puts inside a quantity (numbers/chars.py INLINE_SPACES) or a line break."""
    return c == u" " or c == u"\u3000" or c == u"\xa0" or c == u"\n"


cdef inline bint _digit_or_point(Py_UCS4 c):
    return _ascii_digit(c) or c == u"."


cdef Py_ssize_t _spaced_number(str text, Py_ssize_t n, char* buf, int* k, bint* point_space):
    """Read the digits of a spaced form (``45.9 万人``, ``4. 2亿元``) into ``buf``: ASCII digits,
    then a point and digits, with one space after the point at most. The index after them,
    or -1 to decline."""
    cdef Py_ssize_t i = 0
    k[0] = 0
    point_space[0] = False
    while i < n and _ascii_digit(text[i]):
        if k[0] >= MAXDIGITS:
            return -1
        buf[k[0]] = <char>text[i]
        k[0] += 1
        i += 1
    if k[0] == 0:
        return -1
    if i < n and text[i] == u".":
        if i + 2 < n and _squeezable(text[i + 1]) and text[i + 1] != u"\n" and _ascii_digit(text[i + 2]):
            point_space[0] = True  # 4. 2亿元
            i += 1
        elif not (i + 1 < n and _ascii_digit(text[i + 1])):
            return -1
        buf[k[0]] = 46
        k[0] += 1
        i += 1
        while i < n and _ascii_digit(text[i]):
            if k[0] >= MAXDIGITS:
                return -1
            buf[k[0]] = <char>text[i]
            k[0] += 1
            i += 1
    return i


cdef object _spaced_rest(str text, Py_ssize_t i, Py_ssize_t n, bint point_space):
    """What follows the digits of a spaced form, without its spaces (``万人`` of ``45.9 万 人``):
    a run of spaces is dropped unless it stands between two digits or points (12 3万, 9 .5),
    as numbers/patterns.py INNER_GAP drops it. None to decline."""
    cdef Py_ssize_t j, piece = i
    cdef Py_UCS4 c
    cdef list parts = []
    while i < n:
        c = text[i]
        if _squeezable(c):
            if point_space:
                return None  # 4. 2 亿元: the reference path's grammar reads it
            j = i
            while j < n and _squeezable(text[j]):
                j += 1
            if _digit_or_point(text[i - 1]) and j < n and _digit_or_point(text[j]):
                return None
            parts.append(text[piece:i])
            piece = i = j
            continue
        if c.isspace() or _ascii_digit(c) or c in u"余多.,，":
            return None  # a tab, a digit in the unit: not the common form
        i += 1
    parts.append(text[piece:n])
    return u"".join(parts)


cdef object _spaced(str text):
    """The common form printed with PDF spaces (``1560.05 万元``, ``108844.06 亿 元``,
    ``45.9 万人``, ``4. 2亿元``), as the reference path reads it: its spaces dropped where they
    are not between two digits, then digits, 万/亿 and a unit. :data:`DECLINE` otherwise."""
    cdef Py_ssize_t n = len(text), i, big = 0  # big: characters of the scale
    cdef char buf[MAXDIGITS + 1]
    cdef int k = 0, zeros = 0
    cdef bint point_space = False
    if n == 0 or n > 64 or text[0].isspace() or text[n - 1].isspace():
        return DECLINE
    i = _spaced_number(text, n, buf, &k, &point_space)
    if i < 0:
        return DECLINE
    rest = _spaced_rest(text, i, n, point_space)
    if rest is None or (not point_space and len(rest) == n - i):
        return DECLINE  # no space at all: the plain fast path has declined it already
    if rest.startswith(u"万亿"):
        zeros, big = 12, 2
    elif rest.startswith(u"万"):
        zeros, big = 4, 1
    elif rest.startswith(u"亿"):
        zeros, big = 8, 1
    unit_text = rest[big:]
    if len(unit_text) > 6:
        return DECLINE
    info = _UNITS.get(unit_text) if unit_text else (("count", u"", _ONE) if zeros else None)
    if info is None or info[2] is not _ONE or info[0] == "duration":
        return DECLINE
    if buf[0] == 48 and k > 1 and buf[1] != 46:
        return DECLINE  # 0517: a code
    if point_space and not zeros and info[0] not in _FRACTIONAL_KINDS:
        return DECLINE  # 1. 20个: an item's number, then a count
    value = _arabic_value(buf, k, zeros)
    if value is None:
        return DECLINE
    return _build(text, 0, n, value, None, info[1], info[0], None)


# The kinds of quantity a number with a decimal part measures (numbers/patterns.py
# FRACTIONAL_UNIT): 4. 2% is 4.2%, 1. 20个 an item's number and a count.
_FRACTIONAL_KINDS = frozenset(("money", "percent", "percent_point", "measure"))


def normalize(text):
    """Normalize one quantity expression: the fast path, else the reference path."""
    if type(text) is str:
        q = _fast(<str>text)
        if q is not DECLINE:
            return q
    return _general(text)
