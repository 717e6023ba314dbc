"""HTML pages: the visible text with tables as tab rows, and what the page says of itself
(title, publication date, issuer) in its ``<h1>``, its 发布时间/来源 line and its meta tags.

Government sites lay pages out with nested tables; only a table that holds no other
table is a table of data. A layout table is read as blocks, so its text comes once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["HtmlDocument", "html_document", "html_to_text", "limit_depth", "main_text"]

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr", "td", "th",
           "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "header", "footer", "title", "tbody"}
_SKIP = ("script", "style", "noscript", "template", "iframe", "svg", "head > meta", "link", "select", "button")
_WS = re.compile(r"[ \t\r\n\xa0]+")
_HAN_CHARS = re.compile(r"[\u4e00-\u9fff]")
# 发布时间：2025-03-20 / 发布日期: 2025年3月20日 / 时间：2025/03/20 10:00
_DATE_VALUE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_PUBLISHED = re.compile(r"(?:发布|发文|成文|公开|更新)?(?:时间|日期)\s*[:：]?\s*" + _DATE_VALUE)
_SOURCE = re.compile(r"(?:来源|发布机构|发布单位|信息来源)[ \t]*[:：][ \t\u3000]*([\u4e00-\u9fff（）()]{2,30})")
_META_DATE = ("PubDate", "pubdate", "publishdate", "article:published_time", "firstpublishedtime", "dc.date")
_META_ISSUER = ("ContentSource", "contentsource", "SiteName", "author")


@dataclass(frozen=True)
class HtmlDocument:
    """The text of a page and its own metadata (``None`` where the page says nothing)."""

    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    issuer: Optional[str] = None
    notes: tuple[str, ...] = ()  # what the limits cut (readers/limits.py)


def _is_data_table(node: LexborNode) -> bool:
    # css() matches the node itself too: a data table is the only table in its subtree.
    return len(node.css("table")) == 1


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: block elements on their own lines, rows of data
    tables as tab-separated cells, layout tables as blocks; scripts and styles dropped.

    >>> html_to_text("<p>收入</p><table><tr><td>税收</td><td>1,234</td></tr></table>")
    '收入\\n\\n税收\\t1,234\\n'
    """
    from selectolax.lexbor import LexborHTMLParser

    return _visible_text(LexborHTMLParser(html))


def _visible_text(tree: LexborHTMLParser) -> str:
    """The text of a parsed page (scripts, styles and controls dropped from the tree)."""
    for selector in _SKIP:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body or tree.root
    if root is None:
        return ""
    return _text_of(root)


def _text_of(root: LexborNode) -> str:
    # An explicit stack, not recursion: a page of 100,000 nested <div>s is read in linear
    # time instead of stopping at Python's recursion limit.
    out: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            out.append("\n")
            continue
        if tag == "-text":
            out.append(_WS.sub(" ", node.text_content or ""))
            continue
        if tag == "table" and _is_data_table(node):
            out.append("\n")
            for row in node.css("tr"):
                cells = [re.sub(r"\s+", "", c.text(separator="")) for c in row.css("td, th")]
                if any(cells):
                    out.append("\t".join(cells) + "\n")
            continue
        if tag in _BLOCKS:
            out.append("\n")
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    lines = [line.strip(" ") for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _iso(m: re.Match[str]) -> Optional[str]:
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _meta(tree: LexborHTMLParser, names: tuple[str, ...]) -> Optional[str]:
    """The content of the first meta tag, in the page's order, whose name or property is one
    of ``names`` (in any case: pages write Pubdate, PubDate and pubdate alike)."""
    wanted = {name.lower() for name in names}
    for node in tree.css("meta"):
        attrs = node.attributes
        name = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if name in wanted and content:
            return content
    return None


def main_text(html: str) -> Optional[str]:
    """The article of a page without its site chrome (header, navigation, breadcrumbs,
    share bars, footer, related links), as HTML with its tables, or None when the
    extractor finds no article.

    trafilatura does this: on the formats corpus's seven pages it kept every number of the
    excerpts and dropped the navigation our block walk keeps (see README)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a core dependency
        return None
    try:
        return trafilatura.extract(html, output_format="html", include_tables=True, include_comments=False,
                                   include_images=False, favor_recall=True)
    except Exception:  # an extractor failure must not lose the page: the whole page is read
        return None


# Elements with no end tag, or whose end tag pages often leave out: they nest nothing
# (a page of unclosed <p>s is not deep).
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "p", "li", "td", "th", "tr", "dt", "dd", "option", "param", "basefont", "frame", "keygen"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")


def limit_depth(html: str, depth: int) -> tuple[str, int]:
    """``html`` with the tags nested deeper than ``depth`` dropped (their text kept), as
    browsers cap nesting, and how many were dropped. One pass, linear in the page: the
    parser and the readers after it then never see 200,000 nested elements."""
    out: list[str] = []
    level = 0
    dropped = 0
    last = 0
    # A tag ends at the first '>' after its name (as the parser reads '<div a=<>': one div).
    # After the page's last '>' no tag can end: scanning there, each '<a' of "<a<a<a..."
    # would search the rest of the page in vain (80 KB: 28 s). Up to it every match ends at
    # the next '>' and the matches do not overlap: one pass over the page.
    for m in _TAG.finditer(html, 0, html.rfind(">") + 1):
        name = m.group(2).lower()
        if name in _VOID or m.group(3):
            continue
        closing = bool(m.group(1))
        if closing:
            level = max(0, level - 1)
            deep = level >= depth
        else:
            deep = level >= depth
            level += 1
        if deep:
            out.append(html[last:m.start()])
            last = m.end()
            dropped += 1
    if not dropped:
        return html, 0
    out.append(html[last:])
    return "".join(out), dropped


def html_document(html: str) -> HtmlDocument:
    """The page's article (:func:`main_text`, read as :func:`html_to_text` reads a page)
    and its title, publication date and issuer.

    When no article is found, or it holds less than a third of the page's Chinese text
    (a page that is all table, say), the whole page is read.

    The title is the page's ``<h1>`` (else ``ArticleTitle``/``og:title`` meta, else
    ``<title>``); the date is a ``PubDate``-like meta tag or the first 发布时间/日期 line;
    the issuer a ``ContentSource`` meta tag or a 来源/发布机构 line.
    """
    from selectolax.lexbor import LexborHTMLParser

    from .limits import limit

    notes: list[str] = []
    html, dropped = limit_depth(html, int(limit("MAX_HTML_DEPTH")))
    if dropped:
        notes.append(f"the page nests elements deeper than {int(limit('MAX_HTML_DEPTH'))} levels; {dropped} tags "
                     "below that were dropped and their text kept (GOVREPORT_NLP_MAX_HTML_DEPTH)")
    tree = LexborHTMLParser(html)
    title = None
    h1 = tree.css_first("h1")
    if h1 is not None:
        title = _WS.sub("", h1.text()) or None
    title = title or _meta(tree, ("ArticleTitle", "og:title"))
    head_title = tree.css_first("title")
    if title is None and head_title is not None:
        title = _WS.sub("", head_title.text()) or None
    raw = _meta(tree, _META_DATE)
    issuer = _meta(tree, _META_ISSUER[:2])
    whole = _visible_text(tree)  # the same parse: the metadata is read before it is pruned
    text = whole
    # The article extractor grows faster than the page (13.6 MB: 87 s): a large page is
    # read whole, in linear time.
    big = len(html) > limit("MAX_ARTICLE_MB") * (1 << 20)
    if big:
        notes.append(f"the page is over {limit('MAX_ARTICLE_MB'):g} MB and was read whole, site chrome included "
                     "(GOVREPORT_NLP_MAX_ARTICLE_MB)")
    article = None if big else main_text(html)
    if article:
        candidate = html_to_text(article)
        if len(_HAN_CHARS.findall(candidate)) * 3 >= len(_HAN_CHARS.findall(whole)):
            text = candidate
    # The date a reader reads: the article's own 发布时间 line, else the page's date meta
    # tag (a template may write a second, later one: the first is the article's), else a
    # date line anywhere on the page.
    m = _PUBLISHED.search(text) if text is not whole else None
    published = _iso(m) if m else None
    if published is None and raw:
        m = re.search(_DATE_VALUE, raw)
        published = _iso(m) if m else None
    if published is None:
        m = _PUBLISHED.search(whole)
        published = _iso(m) if m else None
    if issuer is None:
        m = _SOURCE.search(whole)
        issuer = m.group(1) if m else None
    return HtmlDocument(text, title=title, published=published, issuer=issuer, notes=tuple(notes))
