"""A page that shows a report with its headings, entities and facts highlighted.

``render_html(text, report)`` uses spaCy's displaCy (entity style, manual mode) for the
running text, so that a person can check the extraction by eye, and adds a table of the
facts below it. Where marks would overlap, the more specific one wins: a quantity over
its subject, a subject over a name, a name over a heading.
"""

from __future__ import annotations

import html
from typing import Optional

from ..models import Report, entity_label

__all__ = ["COLORS", "render_html"]

COLORS = {
    "MONEY": "#f6c177", "PERCENT": "#f4a3a8", "QUANTITY": "#f9e2ae", "SUBJECT": "#9ccfd8",
    "DATE": "#c4a7e7", "ORG": "#a3d9a5", "GPE": "#b4d4f5", "HEADING": "#dddddd",
}
_PRIORITY = {"MONEY": 0, "PERCENT": 0, "QUANTITY": 0, "SUBJECT": 1, "DATE": 2, "ORG": 3, "GPE": 3, "HEADING": 4}


def _marks(text: str, report: Report) -> list[dict]:
    spans: list[tuple[int, int, str]] = []
    for fact in report.facts:
        q = fact.quantity
        spans.append((q.start, q.end, entity_label(q.kind)))
        if fact.subject:
            # The subject as written just before (or after) the number in its sentence.
            window_start = max(fact.sentence_start, q.start - 60)
            pos = text.rfind(fact.subject, window_start, q.start)
            if pos < 0:
                pos = text.find(fact.subject, q.end, q.end + 40)
            if pos >= 0:
                spans.append((pos, pos + len(fact.subject), "SUBJECT"))
    for ent in report.entities:
        if ent.label in ("DATE", "ORG", "GPE"):
            spans.append((ent.start, ent.end, ent.label))
    for section in report.sections:
        pos = text.find(section.title, section.start)
        if pos >= 0:
            spans.append((pos, pos + len(section.title), "HEADING"))
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, label in sorted(spans, key=lambda s: (_PRIORITY[s[2]], s[0])):
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        chosen.append((start, end, label))
        taken.append((start, end))
    chosen.sort()
    return [{"start": s, "end": e, "label": label} for s, e, label in chosen]


def _facts_table(report: Report) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("subject", "value", "unit", "kind", "modifier", "change", "time", "text"))
    rows = []
    for fact in report.facts:
        q = fact.quantity
        cells = (fact.subject or "", str(q.value) + (f"–{q.value_high}" if q.value_high is not None else ""),
                 q.unit, q.kind, q.modifier or "", fact.change or "", fact.as_of or fact.period or "", q.text)
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return (f"<h2>Facts ({len(report.facts)})</h2><table class='facts'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def render_html(text: str, report: Report, *, title: Optional[str] = None) -> str:
    """A standalone HTML page of ``text`` with the extraction of ``report`` marked."""
    from spacy import displacy

    doc = {"text": text, "ents": _marks(text, report), "title": html.escape(title or report.title or "report")}
    body = displacy.render(doc, style="ent", manual=True, page=False,
                           options={"colors": COLORS, "ents": list(COLORS)})
    meta = (f"<p class='meta'>{html.escape(report.issuer or '')} · report year {report.report_year or '?'}"
            f" · published {report.published or '?'}"
            + (f" · template {report.template}, {len(report.warnings)} check warning(s)" if report.template else "")
            + "</p>")
    style = ("body{font-family:sans-serif;margin:2em;line-height:1.9}"
             "table.facts{border-collapse:collapse;font-size:0.9em}"
             "table.facts td,table.facts th{border:1px solid #ccc;padding:2px 6px}")
    return (f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{doc['title']}</title>"
            f"<style>{style}</style></head><body>{meta}{body}{_facts_table(report)}"
            "</body></html>")
