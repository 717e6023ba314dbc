"""Limits on what one input may cost, so that every file is read in bounded time and memory.

A hostile or broken file (a .docx that inflates a thousandfold, a PDF page drawing a
million characters or 14400 pt wide, HTML nested 200,000 deep) is cut or refused with a
message that says what was cut. Each limit is an environment variable, read when used:

==============================  ===========  ==============================================
variable                         default      what it bounds
==============================  ===========  ==============================================
GOVREPORT_NLP_MAX_INFLATED_MB    512          a .docx's unpacked size (and ratio, below)
GOVREPORT_NLP_MAX_RATIO          200          a .docx member's unpacked size / packed size
GOVREPORT_NLP_MAX_DOCX_XML_MB    32           a .docx's XML, parsed whole (~40 bytes per byte)
GOVREPORT_NLP_MAX_PAGE_CHARS     200000       characters read from one PDF page
GOVREPORT_NLP_MAX_STREAM_MB      64           a PDF page's unpacked content
GOVREPORT_NLP_MAX_RENDER_MPX     60           megapixels of a page rendered for OCR
GOVREPORT_NLP_MAX_HTML_DEPTH     512          element nesting read from an HTML page
GOVREPORT_NLP_MAX_ARTICLE_MB     4            page size above which the page is read whole
==============================  ===========  ==============================================
"""

from __future__ import annotations

import os

__all__ = ["LIMITS", "limit"]

LIMITS = {
    "MAX_INFLATED_MB": 512.0,
    "MAX_RATIO": 200.0,
    "MAX_DOCX_XML_MB": 32.0,
    "MAX_PAGE_CHARS": 200_000.0,
    "MAX_STREAM_MB": 64.0,
    "MAX_RENDER_MPX": 60.0,
    "MAX_HTML_DEPTH": 512.0,
    "MAX_ARTICLE_MB": 4.0,
}


def limit(name: str) -> float:
    """The limit ``name`` (a key of :data:`LIMITS`): ``GOVREPORT_NLP_<name>`` when it is a
    positive number, else the default."""
    raw = os.environ.get(f"GOVREPORT_NLP_{name}", "").strip()
    try:
        value = float(raw) if raw else LIMITS[name]
    except ValueError:
        return LIMITS[name]
    return value if value > 0 else LIMITS[name]
