"""A PDF page's layout read with a cap on what it draws, so that time and memory stay bounded.

pdfplumber builds a page's whole layout (one object per character, line and shape) the
first time anything of the page is asked for: a 6 KB page drawing 800,000 characters
costs 1.8 GB and half a minute before any cap applied afterwards could cut it. Here the
layout is read by pdfminer with a device that counts what is drawn and stops the page's
content as soon as it has drawn ``cap`` characters or ``cap`` shapes; the layout read so
far is handed to pdfplumber (its cached ``_layout``), which reads its characters, tables
and images from it as from any page.

The content a page unpacks is bounded the same way: its own content streams are measured
before it is read (:func:`content_size`, inflating at most the cap), and each form object it
draws is measured before it is drawn, every drawing counted (a form of 60 MB drawn a
thousand times is 60 GB to parse, and a form that inflates to a gigabyte is never unpacked).
"""

from __future__ import annotations

import zlib
from typing import Any, Optional

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTPage
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1

__all__ = ["PageFull", "content_size", "read_layout"]

try:  # pdfplumber's own device (it adds marked-content ids to the objects)
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent as _Base
except ImportError:  # pragma: no cover - an older or newer pdfplumber without it
    _Base = PDFPageAggregator  # type: ignore[misc, assignment]


class PageFull(Exception):
    """Raised inside pdfminer's interpreter when a page has drawn its cap of objects
    (it unwinds the page's content, however deep in form objects it is)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _inflated_size(stream: Any, cap: int) -> int:
    """The unpacked size of one stream, inflating at most ``cap`` + 1 bytes of it."""
    stream = resolve1(stream)
    raw = getattr(stream, "rawdata", None)
    if raw is None:  # already decoded (pdfminer keeps what it has unpacked)
        return len(getattr(stream, "data", None) or b"")
    filters = resolve1(stream.attrs.get("Filter", stream.attrs.get("F")))
    names = [getattr(resolve1(f), "name", f) for f in (filters if isinstance(filters, list) else [filters])]
    if names and names[0] in ("FlateDecode", "Fl"):
        try:
            return len(zlib.decompressobj().decompress(raw, cap + 1))
        except zlib.error:  # a broken stream is pdfminer's to report when it is read
            return len(raw)
    return len(raw)


def content_size(page: Any, cap: int) -> int:
    """The unpacked size of a pdfplumber page's content streams, inflating at most
    ``cap`` + 1 bytes of each: a stream that inflates to a gigabyte is measured, never
    unpacked."""
    total = 0
    for stream in page.page_obj.contents or []:
        total += _inflated_size(stream, cap)
        if total > cap:
            break
    return total


class _CappedDevice(_Base):
    """pdfplumber's layout device, counting the characters and shapes drawn and raising
    :class:`PageFull` at the first one past ``cap``."""

    def __init__(self, *args: Any, cap: int, content_cap: int, content: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cap = cap
        self.chars = 0
        self.shapes = 0
        self.content_cap = content_cap
        self.content = content  # bytes of content unpacked so far (the page's own, then forms)

    def _full(self, what: str) -> PageFull:
        return PageFull(f"draws more than {self.cap} {what}; the first {self.cap} were read and the rest "
                        "of the page was not (GOVREPORT_NLP_MAX_PAGE_CHARS)")

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        if self.chars >= self.cap:
            raise self._full("characters")
        self.chars += 1
        return float(super().render_char(*args, **kwargs))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        # One path may hold many subpaths, each an object of its own: count what it added.
        if self.shapes >= self.cap:
            raise self._full("shapes")
        before = len(self.cur_item._objs)
        super().paint_path(*args, **kwargs)
        self.shapes += max(1, len(self.cur_item._objs) - before)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        if self.shapes >= self.cap:
            raise self._full("shapes")
        self.shapes += 1
        super().render_image(*args, **kwargs)

    def close_page(self, page: Any) -> None:
        """End a page whose content was stopped: the figures still open are closed, so
        what was drawn in them is kept."""
        while self._stack:
            self.end_figure("")
        self.end_page(page)


class _CappedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter measuring each form object before it draws it, against the
    page's content budget (kept on the device, which the forms' own interpreters share)."""

    device: _CappedDevice

    def do_Do(self, xobjid_arg: Any) -> None:  # pdfminer names its operators so
        try:
            xobj = resolve1(self.xobjmap[getattr(xobjid_arg, "name", xobjid_arg)])
        except (KeyError, TypeError):
            xobj = None
        if xobj is not None and getattr(xobj, "get", None) is not None and "BBox" in xobj:
            device = self.device
            room = device.content_cap - device.content
            device.content += _inflated_size(xobj, room)
            if device.content > device.content_cap:
                raise PageFull(f"draws form objects whose content unpacks past {device.content_cap >> 20} MB with "
                               "the page's own; the rest of the page was not read (raise "
                               "GOVREPORT_NLP_MAX_STREAM_MB if it is genuine)")
        super().do_Do(xobjid_arg)


def read_layout(page: Any, cap: int, content_cap: int, content: int = 0) -> Optional[str]:
    """Read ``page``'s layout (a pdfplumber page) drawing at most ``cap`` characters and
    ``cap`` shapes, and form objects while the content unpacked stays within
    ``content_cap`` bytes (``content``: the size of the page's own content streams), and
    give it to the page as its layout. Returns what was cut (a phrase to follow "page N"), or None when
    the whole page was read. pdfminer's errors are raised as pdfplumber raises them
    (``PdfminerException``)."""
    from pdfplumber.utils.exceptions import PdfminerException

    device = _CappedDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams,
                           cap=cap, content_cap=content_cap, content=content)
    interpreter = _CappedInterpreter(page.pdf.rsrcmgr, device)
    cut: Optional[str] = None
    try:
        interpreter.process_page(page.page_obj)
    except PageFull as full:
        cut = full.message
        device.close_page(page.page_obj)
    except Exception as err:  # as pdfplumber's own Page.layout reports a broken page
        raise PdfminerException(err) from err
    layout = device.get_result()
    if not isinstance(layout, LTPage):  # pragma: no cover - pdfminer always gives a page
        raise PdfminerException(f"pdfminer gave no page layout ({type(layout).__name__})")
    page._layout = layout
    return cut
