"""A page that shows a report with its headings, entities and facts marked, to check by eye.

``render_html(text, report)`` marks the running text the way displaCy's entity style does
(a coloured ``<mark>`` with its label), and ties every number to its fact: hovering a
number shows its value, unit, change, time, org and the rule that chose its subject;
clicking it (or opening the page at ``#<fact id>``) highlights its subject in the text and
its row in the facts table. Below the text: the facts (with sentence and section, each
linked to its place) and, for an FOI report, the template tables as HTML tables, with the
cells that break the template's arithmetic or that the text contradicts marked.

Numbers are underlined in their kind's colour (the kind, value and subject in the tooltip)
rather than boxed with a label, so the text stays readable; a subject several numbers share
is one mark that lights every one of them (``data-facts`` lists their ids). The page is in
Chinese (标题, 年度, 表二 ...) or, with ``lang="en"``, in English, with a CJK font stack so
that no Chinese shows as boxes where the default sans-serif font has none. Numbers in the
tables are right-aligned.

Where marks would overlap, the more specific one wins: a quantity over its subject, a
subject over a name, a name over a heading. Lines of a table are never headings.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Optional, Union

from ..models import Fact, Report, entity_label

__all__ = ["COLORS", "FONTS", "LABELS", "NOFONT_STYLE", "nofont_notice", "render_html"]

COLORS = {
    "MONEY": "#f6c177", "PERCENT": "#f4a3a8", "QUANTITY": "#f9e2ae", "SUBJECT": "#9ccfd8",
    "DATE": "#c4a7e7", "ORG": "#a3d9a5", "GPE": "#b4d4f5", "HEADING": "#dddddd",
}
# Darker shades for the underline of a number (the pale chip colours vanish as a line).
_UNDERLINE = {"MONEY": "#c77d0a", "PERCENT": "#d7263d", "QUANTITY": "#a67c00"}
_PRIORITY = {"MONEY": 0, "PERCENT": 0, "QUANTITY": 0, "SUBJECT": 1, "DATE": 2, "ORG": 3, "GPE": 3, "HEADING": 4}

# The fonts that carry Chinese on macOS, Windows and Linux, before the default.
FONTS = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif'
_STYLE = (
    "body{font-family:" + FONTS + ";margin:2em auto;max-width:60em;line-height:1.9;color:#222}"
    ".text{white-space:pre-wrap}"
    "mark{padding:0.1em 0.25em;border-radius:0.3em;line-height:1}"
    "mark .label{font-size:0.6em;font-weight:bold;margin-left:0.3em;vertical-align:middle;opacity:0.7}"
    "mark.q{background:none;padding:0;border-radius:0;border-bottom:2px solid var(--c);cursor:pointer}"
    "mark.q:hover{background:" + COLORS["QUANTITY"] + "}"
    "mark.active,tr.active{outline:3px solid #d7263d}"
    "mark.q.active{background:" + COLORS["QUANTITY"] + "}"
    "table{border-collapse:collapse;font-size:0.9em;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:2px 6px}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.bad{background:#f4a3a8;font-weight:bold}"
    "caption{font-weight:bold;text-align:left}"
    "tbody th{text-align:left}"  # a row's label reads from the left, as printed
    "table.facts td:first-child{min-width:7em}"  # the subject, not the empty columns, gets the room
    # Short words (单位, 数量, 约) on one line: a narrow column must not stack them a character a line.
    "table.facts th,table.facts td:nth-child(n+3):nth-child(-n+7){white-space:nowrap}"
)
# The page's words: Chinese by default, English with lang="en".
LABELS: dict[str, dict[str, str]] = {
    "zh": {"report": "报告", "title": "标题", "issuer": "发布机关", "report_year": "年度", "published": "发布日期",
           "template": "模板", "checks": "条校验警告", "facts": "数据", "tables": "模板表格",
           "subject": "主体", "value": "数值", "unit": "单位", "kind": "类型", "modifier": "修饰",
           "change": "变化", "time": "时间", "rule": "规则", "text": "原文", "section": "章节", "sentence": "句子",
           "org": "机构", "restates": "对应表格", "no rule": "无规则",
           "table1": "表一", "table2": "表二", "table3": "表三", "table4": "表四", "table5": "表五",
           "SUBJECT": "主体", "DATE": "日期", "ORG": "机构", "GPE": "地名", "HEADING": "章节",
           # The values of Quantity.kind, .modifier and Fact.change (English codes in JSON).
           "money": "金额", "percent": "百分比", "percent_point": "百分点", "count": "数量", "measure": "度量",
           "duration": "时长", "approx": "约", "over": "以上", "under": "以下", "increase": "增加",
           "decrease": "减少",
           # Said in English too: without a Chinese font, the Chinese words are boxes as well.
           "no font": "此电脑未找到中文字体，汉字可能显示为方框：请安装 Noto Sans CJK SC（思源黑体）或文泉驿字体。 "
                      "No Chinese font was found on this computer, so characters show as boxes: install "
                      "Noto Sans CJK SC (Source Han Sans) or WenQuanYi."},
    "en": {"report": "report", "title": "title", "issuer": "issuer", "report_year": "report year",
           "published": "published", "template": "template", "checks": "check warning(s)", "facts": "Facts",
           "tables": "Template tables", "subject": "subject", "value": "value", "unit": "unit", "kind": "kind",
           "modifier": "modifier", "change": "change", "time": "time", "rule": "rule", "text": "text",
           "section": "section", "sentence": "sentence", "org": "org", "restates": "restates",
           "no rule": "no rule", "SUBJECT": "SUBJECT", "DATE": "DATE", "ORG": "ORG", "GPE": "GPE",
           "HEADING": "HEADING",
           "no font": "No Chinese font was found on this computer, so characters may show as boxes: "
                      "install Noto Sans CJK SC (Source Han Sans) or WenQuanYi."},
}


def _words(lang: str) -> dict[str, str]:
    if lang not in LABELS:
        raise ValueError(f"lang {lang!r}: give one of {', '.join(sorted(LABELS))}")
    return LABELS[lang]
# Clicking a number (or opening the page at #<fact id>) marks its subject and its row.
_SCRIPT = """
function govreportShow(ids) {
  document.querySelectorAll('.active').forEach(e => e.classList.remove('active'));
  ids.split(' ').forEach(id => document.querySelectorAll(
    '[data-fact="' + id + '"],[data-facts~="' + id + '"]').forEach(e => e.classList.add('active')));
}
document.addEventListener('click', e => {
  const q = e.target.closest('mark.q');
  if (q) { govreportShow(q.dataset.fact); }
  const s = e.target.closest('mark.subject');
  if (s) { govreportShow(s.dataset.facts); }  // a shared subject lights every one of its numbers
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


Span = tuple[int, int, str, list[Fact]]


def _marks(text: str, report: Report) -> list[Span]:
    """The marks of the text, without overlaps; a subject lists every fact that shares it."""
    spans: list[Span] = []
    subjects: dict[tuple[int, int], list[Fact]] = {}
    for fact in report.facts:
        q = fact.quantity
        spans.append((q.start, q.end, entity_label(q.kind), [fact]))
        subject = _subject_span(text, fact)
        if subject:
            subjects.setdefault(subject, []).append(fact)
    spans += [(start, end, "SUBJECT", facts) for (start, end), facts in subjects.items()]
    for ent in report.entities:
        if ent.label in ("DATE", "ORG", "GPE"):
            spans.append((ent.start, ent.end, ent.label, []))
    region = _table_region(report)
    for section in report.sections:
        pos = text.find(section.title, section.start)
        if pos < 0 or "\t" in section.title or "|" in section.title:
            continue  # a table's row is no heading
        if region and text.rfind("\n", 0, region[0]) < pos < region[1]:
            continue
        spans.append((pos, pos + len(section.title), "HEADING", []))
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (_PRIORITY[s[2]], s[0])):
        start, end = span[0], span[1]
        if start >= end or any(start < e and s < end for s, e in taken):
            continue
        chosen.append(span)
        taken.append((start, end))
    chosen.sort(key=lambda s: s[0])
    return chosen


def _value(fact: Fact) -> str:
    q = fact.quantity
    return str(q.value) + (f"–{q.value_high}" if q.value_high is not None else "")


def _tooltip(fact: Fact, words: dict[str, str]) -> str:
    q = fact.quantity
    parts = [f"{words['subject']}: {fact.subject or '—'} ({fact.subject_rule or words['no rule']})",
             f"{words['value']}: {_value(fact)} {q.unit}", f"{words['kind']}: {words.get(q.kind, q.kind)}"]
    for name, v in (("modifier", q.modifier), ("change", fact.change), ("time", fact.as_of or fact.period),
                    ("org", fact.org)):
        if v:
            shown = words.get(v, v) if name in ("modifier", "change") else v
            parts.append(f"{words[name]}: {shown}")
    if fact.table_cell:
        ref = fact.table_cell
        parts.append(f"{words['restates']}: {words.get(ref.table, ref.table)}/{ref.row}/{ref.column}")
    return "\n".join(parts)


def _text_html(text: str, report: Report, words: dict[str, str]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, label, facts in _marks(text, report):
        out.append(html.escape(text[pos:start]))
        chunk = html.escape(text[start:end])
        if facts and label != "SUBJECT":  # a number: underlined, its fact in the tooltip
            fact = facts[0]
            out.append(f"<mark class='q' style='--c:{_UNDERLINE.get(label, COLORS[label])}' data-label='{label}' id='{fact.id}' "
                       f"data-fact='{fact.id}' title='{html.escape(_tooltip(fact, words), quote=True)}'>"
                       f"{chunk}</mark>")
        else:
            attrs = f" style='background:{COLORS[label]}'"
            if facts:
                ids = " ".join(f.id for f in facts)
                attrs += f" class='subject' data-facts='{ids}'"
            out.append(f"<mark data-label='{label}'{attrs}>{chunk}<span class='label'>{words[label]}</span></mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "<div class='text'>" + "".join(out) + "</div>"


def _facts_table(report: Report, words: dict[str, str]) -> str:
    heads = ("subject", "value", "unit", "kind", "modifier", "change", "time", "rule", "text", "section", "sentence")
    head = "".join(f"<th>{words[h]}</th>" for h in heads)
    rows = []
    for fact in report.facts:
        q = fact.quantity
        tds = f"<td>{html.escape(fact.subject or '')}</td><td class='num'>{html.escape(_value(fact))}</td>"
        cells = (q.unit, words.get(q.kind, q.kind), words.get(q.modifier or "", q.modifier or ""),
                 words.get(fact.change or "", fact.change or ""), fact.as_of or fact.period or "",
                 fact.subject_rule or "")
        tds += "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
        tds += f"<td><a href='#{fact.id}'>{html.escape(q.text)}</a></td>"
        tds += f"<td>{html.escape(' / '.join(fact.section_path))}</td><td>{html.escape(fact.sentence)}</td>"
        rows.append(f"<tr data-fact='{fact.id}'>{tds}</tr>")
    return (f"<h2>{words['facts']} ({len(report.facts)})</h2><table class='facts'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _template_tables(report: Report, words: dict[str, str]) -> str:
    """The template tables as HTML tables; a cell named by a check or a contradiction is
    marked (class ``bad``, its message as the title)."""
    if not report.template_tables:
        return ""
    flagged: dict[tuple[str, str, str], list[str]] = {}
    for w in report.warnings:
        flagged.setdefault((w.table, w.row, w.column), []).append(w.message)
    for c in report.consistency_warnings:
        flagged.setdefault((c.table, c.row, c.column), []).append(c.message)
    parts = [f"<h2>{words['tables']} ({words['template']} {report.template})</h2>"]
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
                value: Union[Decimal, str] = cells.get(column, "")
                cls = "num bad" if messages else "num"
                title = f" title='{html.escape('; '.join(messages), quote=True)}'" if messages else ""
                tds.append(f"<td class='{cls}'{title}>{html.escape(str(value))}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        parts.append(f"<table class='template' data-table='{table}'><caption>{words.get(table, table)}</caption>"
                     f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")
    return "".join(parts)


NOFONT_STYLE = "#nofont{background:#fff3cd;border:1px solid #e0c060;padding:0.4em 0.8em;font-family:sans-serif}"
_NOFONT_SCRIPT = """
// No CJK font at all: every Chinese character is drawn as the same box. Draw two different
// characters in the page's font; identical pixels mean boxes, and a line at the top says so.
(function () {
  const font = getComputedStyle(document.body).fontFamily;
  const draw = s => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const c = canvas.getContext('2d');
    c.font = '40px ' + font;
    c.fillText(s, 4, 40);
    return c.getImageData(0, 0, 48, 48).data.join();
  };
  if (draw('中') === draw('国')) { document.getElementById('nofont').hidden = false; }
})();
"""


def nofont_notice(lang: str = "zh") -> str:
    """A line, hidden unless the browser has no Chinese font (then every character is the
    same box: its script draws two and compares), saying what to install; with its script."""
    return (f"<p id='nofont' lang='{lang}' hidden>{html.escape(_words(lang)['no font'])}</p>"
            f"<script>{_NOFONT_SCRIPT}</script>")


def render_html(text: str, report: Report, *, title: Optional[str] = None, lang: str = "zh") -> str:
    """A standalone HTML page of ``text`` with the extraction of ``report`` marked, its
    labels in Chinese (``lang="zh"``, the default) or English (``"en"``)."""
    words = _words(lang)
    name = html.escape(title or report.title or words["report"])
    checks = len(report.warnings) + len(report.consistency_warnings)
    items = [(words["title"], name), (words["issuer"], html.escape(report.issuer or "?")),
             (words["report_year"], str(report.report_year or "?")),
             (words["published"], html.escape(report.published or "?"))]
    if report.template:
        items.append((words["template"], f"{report.template} · {checks} {words['checks']}"))
    meta = "<p class='meta'>" + " · ".join(f"{k}: {v}" for k, v in items) + "</p>"
    return (f"<!DOCTYPE html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
            f"<title>{name}</title><style>{_STYLE}{NOFONT_STYLE}</style></head><body>"
            f"{nofont_notice(lang)}<h1>{name}</h1>{meta}"
            f"{_text_html(text, report, words)}{_facts_table(report, words)}{_template_tables(report, words)}"
            f"<script>{_SCRIPT}</script></body></html>")
