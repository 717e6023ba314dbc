"""Bytes to text: the encodings Chinese government sites publish in, and a check that the
decoded text is Chinese at all (a wrong decode or a broken PDF text layer gives text that
reads as Latin-1 debris, private-use glyphs or mojibake)."""

from __future__ import annotations

import re
from typing import Optional

from ..errors import InputError

__all__ = ["decode", "decode_html", "garbled_reason", "sniff_format"]

# BOMs decide first: a UTF-16 text from Windows Notepad starts with one.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Labels pages give for encodings whose superset decodes them better: pages labelled
# GB2312 routinely use GBK characters, and Big5 pages HKSCS ones.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_LETTERS = re.compile(r"[^\W\d_]")


def decode(data: bytes) -> str:
    """Decode report bytes: by BOM (UTF-8, UTF-16), else UTF-8, else GB18030 (a
    superset of GBK and GB2312), else Big5, else what charset-normalizer finds.

    >>> decode("预算".encode("gbk"))
    '预算'

    Raises :class:`InputError` when nothing fits or the bytes are a binary format.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if _looks_utf16(data):
        try:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError:
            pass
    binary = sniff_format(data)
    if binary == "binary":
        raise InputError("the bytes hold NUL bytes and are no text in UTF-8, GB18030, Big5 or UTF-16; "
                         "decode them yourself and pass a str")
    if binary is not None:
        raise InputError(f"the bytes are a {binary} file, not text; pass the file's path to "
                         "extract_file() (or read_report()) so it is read as one")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or _gb2312_share(text) < 0.9:
        # Big5 bytes mostly decode as GBK too, into kana, Greek and rare characters;
        # a Traditional Chinese page reads as Big5 with nearly all of them Chinese.
        try:
            big5 = data.decode("big5hkscs")
        except UnicodeDecodeError:
            big5 = None
        if big5 is not None and (text is None or _cjk_share(big5) > max(0.9, _cjk_share(text))):
            return big5
    if text is not None:
        return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - a core dependency
        best = None
    if best is not None:
        return str(best)
    raise InputError("the bytes are neither UTF-8 nor GB18030/GBK nor Big5 and no encoding fits; "
                     "decode them yourself and pass a str")


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of text with ASCII digits, punctuation
    and line breaks is NUL (CJK-only UTF-16 without a BOM is left to the others)."""
    sample = data[:400]
    if len(sample) < 4:
        return False
    nul_even = sample[0::2].count(0) / len(sample[0::2])
    nul_odd = sample[1::2].count(0) / len(sample[1::2])
    return max(nul_even, nul_odd) > 0.3 and min(nul_even, nul_odd) < 0.05


def _non_ascii(text: str) -> list[str]:
    return [ch for ch in text[:20000] if ord(ch) > 0x7f]


def _gb2312_share(text: str) -> float:
    """The share of non-ASCII characters that GB2312 (the 6,763 common simplified
    characters and the usual punctuation) holds."""
    chars = _non_ascii(text)
    if not chars:
        return 1.0
    fit = 0
    for ch in chars:
        try:
            ch.encode("gb2312")
            fit += 1
        except UnicodeEncodeError:
            pass
    return fit / len(chars)


def _cjk_share(text: str) -> float:
    chars = _non_ascii(text)
    if not chars:
        return 1.0
    return sum(1 for ch in chars if _CJK.match(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef") / len(chars)


def sniff_format(data: bytes) -> Optional[str]:
    """The binary format the bytes begin with ("PDF", "Word (.docx)", "Word (.doc)",
    "image" ...), or ``None`` for what may be text."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"PK\x03\x04"):
        return "Word (.docx)" if b"word/" in data[:4096] else "ZIP"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "Word (.doc)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if b"\x00" in data[:1024]:
        return "binary"
    return None


def decode_html(data: bytes) -> str:
    """Decode an HTML page by the charset its ``<meta>`` declares (GB2312 read as its
    superset GB18030), else as :func:`decode` does."""
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            return data.decode(_SUPERSETS.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def garbled_reason(text: str) -> Optional[str]:
    """Why ``text`` does not read as a Chinese report, or ``None`` when it does.

    A report is mostly Chinese characters among its letters; a wrong decode
    (``ä¸å½`` mojibake), a text layer of private-use glyphs or a scan's empty layer is not.

    >>> garbled_reason("全年收到申请19件。") is None
    True
    >>> garbled_reason("ÈýÊ®Áù¼þ£¬ÆäÖÐ" * 3)
    'only 0% of its letters are Chinese characters'
    """
    sample = text[:20000]
    letters = len(_LETTERS.findall(sample))
    private = len(_PRIVATE.findall(sample))
    if letters + private < 20:
        return None
    if private > 0.1 * (letters + private):
        return f"{100 * private // (letters + private)}% of its characters are private-use glyphs"
    cjk = len(_CJK.findall(sample))
    if cjk < 0.3 * letters:
        return f"only {100 * cjk // letters}% of its letters are Chinese characters"
    return None
