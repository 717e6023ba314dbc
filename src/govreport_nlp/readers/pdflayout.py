"""A PDF page's layout read with a cap on what it draws, so that time and memory stay bounded.

pdfplumber builds a page's whole layout (one object per character, line and shape) the
first time anything of the page is asked for: a 6 KB page drawing 800,000 characters
costs 1.8 GB and half a minute before any cap applied afterwards could cut it. Here the
layout is read by pdfminer with a device that counts what is drawn and stops the page's
content as soon as it has drawn ``cap`` characters or ``cap`` shapes; the layout read so
far is handed to pdfplumber (its cached ``_layout``), which reads its characters, tables
and images from it as from any page.
"""

from __future__ import annotations

from typing import Any, Optional

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTPage
from pdfminer.pdfinterp import PDFPageInterpreter

__all__ = ["PageFull", "read_layout"]

try:  # pdfplumber's own device (it adds marked-content ids to the objects)
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent as _Base
except ImportError:  # pragma: no cover - an older or newer pdfplumber without it
    _Base = PDFPageAggregator  # type: ignore[misc, assignment]


class PageFull(Exception):
    """Raised inside pdfminer's interpreter when a page has drawn its cap of objects
    (it unwinds the page's content, however deep in form objects it is)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class _CappedDevice(_Base):
    """pdfplumber's layout device, counting the characters and shapes drawn and raising
    :class:`PageFull` at the first one past ``cap``."""

    def __init__(self, *args: Any, cap: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cap = cap
        self.chars = 0
        self.shapes = 0

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        if self.chars >= self.cap:
            raise PageFull("characters")
        self.chars += 1
        return float(super().render_char(*args, **kwargs))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        # One path may hold many subpaths, each an object of its own: count what it added.
        if self.shapes >= self.cap:
            raise PageFull("shapes")
        before = len(self.cur_item._objs)
        super().paint_path(*args, **kwargs)
        self.shapes += max(1, len(self.cur_item._objs) - before)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        if self.shapes >= self.cap:
            raise PageFull("shapes")
        self.shapes += 1
        super().render_image(*args, **kwargs)

    def close_page(self, page: Any) -> None:
        """End a page whose content was stopped: the figures still open are closed, so
        what was drawn in them is kept."""
        while self._stack:
            self.end_figure("")
        self.end_page(page)


def read_layout(page: Any, cap: int) -> Optional[str]:
    """Read ``page``'s layout (a pdfplumber page) drawing at most ``cap`` characters and
    ``cap`` shapes, and give it to the page as its layout. Returns what was cut
    (``"characters"`` or ``"shapes"``: the rest of the page's content was not read), or
    None when the whole page was read. pdfminer's errors are raised as pdfplumber raises
    them (``PdfminerException``)."""
    from pdfplumber.utils.exceptions import PdfminerException

    device = _CappedDevice(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams, cap=cap)
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    cut: Optional[str] = None
    try:
        interpreter.process_page(page.page_obj)
    except PageFull as full:
        cut = full.what
        device.close_page(page.page_obj)
    except Exception as err:  # as pdfplumber's own Page.layout reports a broken page
        raise PdfminerException(err) from err
    layout = device.get_result()
    if not isinstance(layout, LTPage):  # pragma: no cover - pdfminer always gives a page
        raise PdfminerException(f"pdfminer gave no page layout ({type(layout).__name__})")
    page._layout = layout
    return cut
