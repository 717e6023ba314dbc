"""A page that shows a report with its headings, entities and facts marked, to check by eye.

``render_html(text, report)`` marks the running text the way displaCy's entity style does
(a coloured ``<mark>`` with its label), and ties every number to its fact: hovering a
number shows its value, unit, change, time, org and the rule that chose its subject;
clicking it (or opening the page at ``#<fact id>``) highlights its subject in the text and
its row in the facts table. Below the text: the facts (with sentence and section, each
linked to its place) and, for an FOI report, the template tables as HTML tables, with the
cells that break the template's arithmetic or that the text contradicts marked.

Where marks would overlap, the more specific one wins: a quantity over its subject, a
subject over a name, a name over a heading. Lines of a table are never headings.
"""

from __future__ import annotations

import html
from typing import Optional

from ..models import Fact, Report, entity_label

__all__ = ["COLORS", "render_html"]

COLORS = {
    "MONEY": "#f6c177", "PERCENT": "#f4a3a8", "QUANTITY": "#f9e2ae", "SUBJECT": "#9ccfd8",
    "DATE": "#c4a7e7", "ORG": "#a3d9a5", "GPE": "#b4d4f5", "HEADING": "#dddddd",
}
_PRIORITY = {"MONEY": 0, "PERCENT": 0, "QUANTITY": 0, "SUBJECT": 1, "DATE": 2, "ORG": 3, "GPE": 3, "HEADING": 4}

_STYLE = (
    "body{font-family:sans-serif;margin:2em;line-height:1.9}"
    ".text{white-space:pre-wrap}"
    "mark{padding:0.2em 0.35em;border-radius:0.35em;line-height:1}"
    "mark .label{font-size:0.6em;font-weight:bold;margin-left:0.4em;vertical-align:middle}"
    "mark.q{cursor:pointer}"
    "mark.active,tr.active{outline:3px solid #d7263d}"
    "table{border-collapse:collapse;font-size:0.9em;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:2px 6px}"
    "td.bad{background:#f4a3a8;font-weight:bold}"
)
# Clicking a number (or opening the page at #<fact id>) marks its subject and its row.
_SCRIPT = """
function govreportShow(id) {
  document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
  document.querySelectorAll('[data-fact="' + id + '"]').forEach(e => e.classList.add('active'));
}
document.addEventListener('click', e => {
  const q = e.target.closest('mark.q');
  if (q) { govreportShow(q.dataset.fact); }
});
window.addEventListener('hashchange', () => govreportShow(location.hash.slice(1)));
if (location.hash) { govreportShow(location.hash.slice(1)); }
document.body.dataset.ready = '1';
"""


def _subject_span(text: str, fact: Fact) -> Optional[tuple[int, int]]:
    """The subject as written just before (or after) the number in its sentence."""
    q = fact.quantity
    if not fact.subject:
        return None
    pos = text.rfind(fact.subject, max(fact.sentence_start, q.start - 60), q.start)
    if pos < 0:
        pos = text.find(fact.subject, q.end, q.end + 40)
    return (pos, pos + len(fact.subject)) if pos >= 0 else None


def _table_region(report: Report) -> Optional[tuple[int, int]]:
    """From the first to the last printed template cell: its lines are table rows."""
    starts = [c.start for c in report.table_cells if c.start is not None]
    ends = [c.end for c in report.table_cells if c.end is not None]
    return (min(starts), max(ends)) if starts and ends else None


def _marks(text: str, report: Report) -> list[tuple[int, int, str, Optional[Fact]]]:
    spans: list[tuple[int, int, str, Optional[Fact]]] = []
    for fact in report.facts:
        q = fact.quantity
        spans.append((q.start, q.end, entity_label(q.kind), fact))
        subject = _subject_span(text, fact)
        if subject:
            spans.append((*subject, "SUBJECT", fact))
    for ent in report.entities:
        if ent.label in ("DATE", "ORG", "GPE"):
            spans.append((ent.start, ent.end, ent.label, None))
    region = _table_region(report)
    for section in report.sections:
        pos = text.find(section.title, section.start)
        if pos < 0 or "\t" in section.title or "|" in section.title:
            continue  # a table's row is no heading
        if region and text.rfind("\n", 0, region[0]) < pos < region[1]:
            continue
        spans.append((pos, pos + len(section.title), "HEADING", None))
    chosen: list[tuple[int, int, str, Optional[Fact]]] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (_PRIORITY[s[2]], s[0])):
        start, end = span[0], span[1]
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        chosen.append(span)
        taken.append((start, end))
    chosen.sort(key=lambda s: s[0])
    return chosen


def _tooltip(fact: Fact) -> str:
    q = fact.quantity
    value = str(q.value) + (f"–{q.value_high}" if q.value_high is not None else "")
    parts = [f"subject: {fact.subject or '—'} ({fact.subject_rule or 'no rule'})", f"value: {value} {q.unit}",
             f"kind: {q.kind}"]
    for name, v in (("modifier", q.modifier), ("change", fact.change), ("time", fact.as_of or fact.period),
                    ("org", fact.org)):
        if v:
            parts.append(f"{name}: {v}")
    if fact.table_cell:
        parts.append(f"restates: {fact.table_cell.table}/{fact.table_cell.row}/{fact.table_cell.column}")
    return "\n".join(parts)


def _text_html(text: str, report: Report) -> str:
    out: list[str] = []
    pos = 0
    for start, end, label, fact in _marks(text, report):
        out.append(html.escape(text[pos:start]))
        attrs = f" style='background:{COLORS[label]}'"
        if fact is not None and label != "SUBJECT":
            attrs += (f" class='q' id='{fact.id}' data-fact='{fact.id}'"
                      f" title='{html.escape(_tooltip(fact), quote=True)}'")
        elif fact is not None:
            attrs += f" class='subject' data-fact='{fact.id}'"
        out.append(f"<mark{attrs}>{html.escape(text[start:end])}<span class='label'>{label}</span></mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "<div class='text'>" + "".join(out) + "</div>"


def _facts_table(report: Report) -> str:
    heads = ("subject", "value", "unit", "kind", "modifier", "change", "time", "rule", "text", "section", "sentence")
    head = "".join(f"<th>{h}</th>" for h in heads)
    rows = []
    for fact in report.facts:
        q = fact.quantity
        cells = (fact.subject or "", str(q.value) + (f"–{q.value_high}" if q.value_high is not None else ""),
                 q.unit, q.kind, q.modifier or "", fact.change or "", fact.as_of or fact.period or "",
                 fact.subject_rule or "")
        tds = "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
        tds += f"<td><a href='#{fact.id}'>{html.escape(q.text)}</a></td>"
        tds += f"<td>{html.escape(' / '.join(fact.section_path))}</td><td>{html.escape(fact.sentence)}</td>"
        rows.append(f"<tr data-fact='{fact.id}'>{tds}</tr>")
    return (f"<h2>Facts ({len(report.facts)})</h2><table class='facts'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _template_tables(report: Report) -> str:
    """The template tables as HTML tables; a cell named by a check or a contradiction is
    marked (class ``bad``, its message as the title)."""
    if not report.template_tables:
        return ""
    flagged: dict[tuple[str, str, str], list[str]] = {}
    for w in report.warnings:
        flagged.setdefault((w.table, w.row, w.column), []).append(w.message)
    for c in report.consistency_warnings:
        flagged.setdefault((c.table, c.row, c.column), []).append(c.message)
    parts = [f"<h2>Template tables ({report.template} template)</h2>"]
    for table, rows in report.template_tables.items():
        columns: list[str] = []
        for cells in rows.values():
            columns += [c for c in cells if c not in columns]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in ["", *columns])
        body = []
        for row, cells in rows.items():
            tds = [f"<th>{html.escape(row)}</th>"]
            for column in columns:
                messages = flagged.get((table, row, column), [])
                value = cells.get(column, "")
                cls = f" class='bad' title='{html.escape('; '.join(messages), quote=True)}'" if messages else ""
                tds.append(f"<td{cls}>{html.escape(str(value))}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        parts.append(f"<table class='template' data-table='{table}'><caption>{table}</caption>"
                     f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    return "".join(parts)


def render_html(text: str, report: Report, *, title: Optional[str] = None, lang: str = "zh") -> str:
    """A standalone HTML page of ``text`` with the extraction of ``report`` marked."""
    name = html.escape(title or report.title or "report")
    checks = len(report.warnings) + len(report.consistency_warnings)
    meta = (f"<p class='meta'>{html.escape(report.issuer or '')} · report year {report.report_year or '?'}"
            f" · published {report.published or '?'}"
            + (f" · template {report.template}, {checks} check warning(s)" if report.template else "")
            + "</p>")
    return (f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{name}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{name}</h1>{meta}{_text_html(text, report)}"
            f"{_facts_table(report)}{_template_tables(report)}<script>{_SCRIPT}</script></body></html>")
