"""The page of a :class:`~govreport_nlp.runners.compare.Comparison`: two years of one body
side by side, in Chinese (旧值, 新值, 差值, 新增, 消失 ...) or, with ``lang="en"``, in English.

One section for the template tables (every changed, new and gone cell with its table, row
and column) and one for the facts of the text (subject, unit, old and new value with the
sentence each comes from). A rise is marked ▲, a fall ▼, in neutral colours: whether more
is better depends on the row. Numbers are right-aligned, in the render page's CJK font stack.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Union

from .render import FONTS, NOFONT_STYLE, nofont_notice

if TYPE_CHECKING:
    from .compare import CellChange, Comparison, FactChange, FactSide, ReportSide

__all__ = ["COMPARE_LABELS", "comparison_html"]

COMPARE_LABELS: dict[str, dict[str, str]] = {
    "zh": {"heading": "年度对比", "old": "旧报告", "new": "新报告", "tables": "模板表格", "facts": "数据",
           "changed": "变化", "added": "新增", "removed": "消失", "unchanged": "未变", "table": "表", "row": "行",
           "column": "列", "old_value": "旧值", "new_value": "新值", "difference": "差值", "relative": "变化率",
           "subject": "主体", "unit": "单位", "sentence": "原文", "old_sentence": "旧原文", "new_sentence": "新原文",
           "points": "个百分点", "without_subject": "无主体的数据（未配对）", "other_issuer": "两份报告的发布机关不同",
           "nothing": "无", "report": "报告", "year": "年度",
           "table1": "表一", "table2": "表二", "table3": "表三", "table4": "表四", "table5": "表五"},
    "en": {"heading": "Year over year", "old": "old report", "new": "new report", "tables": "Template tables",
           "facts": "Facts", "changed": "changed", "added": "new", "removed": "gone", "unchanged": "unchanged",
           "table": "table", "row": "row", "column": "column", "old_value": "old", "new_value": "new",
           "difference": "difference", "relative": "relative", "subject": "subject", "unit": "unit",
           "sentence": "sentence", "old_sentence": "old sentence", "new_sentence": "new sentence",
           "points": "points", "without_subject": "facts without a subject (not paired)",
           "other_issuer": "the two reports have different issuers", "nothing": "none", "report": "report",
           "year": "year"},
}
_STYLE = (
    "body{font-family:" + FONTS + ";margin:2em auto;max-width:70em;line-height:1.7;color:#222}"
    "table{border-collapse:collapse;font-size:0.9em;margin:0.5em 0 1.5em}"
    "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}th{background:#f3f3f3;white-space:nowrap}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    ".up{color:#1d5fa8}.down{color:#b35900}.warn{color:#d7263d;font-weight:bold}"
    "tr.added td{background:#eef7ee}tr.removed td{background:#f7eeee;color:#666}"
    "td.sentence{font-size:0.85em;color:#444;max-width:28em}"
    ".summary span{margin-right:1.5em}"
)


def _words(lang: str) -> dict[str, str]:
    if lang not in COMPARE_LABELS:
        raise ValueError(f"lang {lang!r}: give one of {', '.join(sorted(COMPARE_LABELS))}")
    return COMPARE_LABELS[lang]


def _num(value: Union[int, float, Decimal, None]) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    return str(value)


def _readable(value: Union[int, float, Decimal], lang: str) -> str:
    """A large number as a reader takes it in: 152.3716亿 in Chinese, 15,237,160,000 in English."""
    number = Decimal(str(value))
    if lang == "zh":
        for scale, word in ((Decimal(100_000_000), "亿"), (Decimal(10_000), "万")):
            if abs(number) >= scale:
                return f"{(number / scale).quantize(Decimal('0.0001')).normalize():f}{word}"
        return _num(value)
    return f"{number:,f}" if abs(number) >= 10_000 else _num(value)


def _delta(value: Union[int, float, Decimal, None], suffix: str = "", lang: str = "zh") -> str:
    """A difference with its sign and arrow (▲ rise, ▼ fall), as a table cell."""
    if value is None:
        return "<td class='num'></td>"
    shown = html.escape(_readable(value, lang) + suffix)
    if value > 0:
        return f"<td class='num up' title='{html.escape(_num(value))}'>▲ +{shown}</td>"
    if value < 0:
        return f"<td class='num down' title='{html.escape(_num(value))}'>▼ {shown}</td>"
    return f"<td class='num'>0{html.escape(suffix)}</td>"


def _side(side: "ReportSide", words: dict[str, str]) -> str:
    name = side.title or side.file or words["report"]
    return html.escape(f"{name} ({side.issuer or '?'}, {side.report_year or '?'})")


def _cell_rows(items: list["CellChange"], status: str, words: dict[str, str], lang: str) -> list[str]:
    rows = []
    for c in items:
        rows.append(f"<tr class='{status}'><td>{words[status]}</td><td>{html.escape(words.get(c.table, c.table))}</td>"
                    f"<td>{html.escape(c.row)}</td><td>{html.escape(c.column)}</td><td class='num'>{_num(c.old)}</td>"
                    f"<td class='num'>{_num(c.new)}</td>{_delta(c.difference, c.unit and ('' if lang == 'zh' else ' ') + c.unit, lang)}</tr>")
    return rows


def _cells(comparison: "Comparison", words: dict[str, str], lang: str) -> str:
    d = comparison.cells
    if not (d.changed or d.added or d.removed or d.unchanged):
        return ""  # neither report has template tables (a statistical communique, a budget)
    rows = (_cell_rows(d.changed, "changed", words, lang) + _cell_rows(d.added, "added", words, lang)
            + _cell_rows(d.removed, "removed", words, lang))
    head = "".join(f"<th>{words[h]}</th>" for h in ("changed", "table", "row", "column", "old_value", "new_value",
                                                       "difference"))
    body = "".join(rows) or f"<tr><td colspan='7'>{words['nothing']}</td></tr>"
    return (f"<h2>{words['tables']}</h2>{_summary(d, words)}<table class='cells'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _sentence(side: Optional["FactSide"]) -> str:
    if side is None:
        return "<td class='sentence'></td>"
    return f"<td class='sentence' title='{html.escape(side.text, quote=True)}'>{html.escape(side.sentence)}</td>"


def _printed(side: Optional["FactSide"]) -> str:
    """The number as the report prints it (262.6亿元), its exact value in the tooltip."""
    if side is None:
        return "<td class='num'></td>"
    return f"<td class='num' title='{html.escape(_num(side.value))}'>{html.escape(side.text)}</td>"


def _fact_rows(items: list["FactChange"], status: str, words: dict[str, str], lang: str) -> list[str]:
    rows = []
    for f in items:
        points = f.unit in ("%", "‰")
        space = "" if lang == "zh" else " "  # 152.3716亿元, -4.0个百分点; 4,000,000 元 in English
        relative = "" if f.relative is None else f"{f.relative:+.1%}"
        rows.append(f"<tr class='{status}'><td>{words[status]}</td><td>{html.escape(f.subject)}</td>"
                    f"<td>{html.escape(f.unit)}</td>"
                    f"{_printed(f.old)}{_printed(f.new)}"
                    f"{_delta(f.difference, space + (words['points'] if points else f.unit), lang)}"
                    f"<td class='num'>{relative}</td>{_sentence(f.old)}{_sentence(f.new)}</tr>")
    return rows


def _facts(comparison: "Comparison", words: dict[str, str], lang: str) -> str:
    d = comparison.facts
    rows = (_fact_rows(d.changed, "changed", words, lang) + _fact_rows(d.added, "added", words, lang)
            + _fact_rows(d.removed, "removed", words, lang))
    heads = ("changed", "subject", "unit", "old_value", "new_value", "difference", "relative", "old_sentence",
             "new_sentence")
    head = "".join(f"<th>{words[h]}</th>" for h in heads)
    body = "".join(rows) or f"<tr><td colspan='{len(heads)}'>{words['nothing']}</td></tr>"
    without = d.without_subject
    note = (f"<p>{words['without_subject']}: {words['old']} {without.get('old', 0)}, "
            f"{words['new']} {without.get('new', 0)}</p>")
    return (f"<h2>{words['facts']}</h2>{_summary(d, words)}<table class='facts'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{note}")


def _summary(part: object, words: dict[str, str]) -> str:
    counts = [(s, getattr(part, s)) for s in ("changed", "added", "removed", "unchanged")]
    return "<p class='summary'>" + "".join(
        f"<span>{words[s]} {n if isinstance(n, int) else len(n)}</span>" for s, n in counts) + "</p>"


def comparison_html(comparison: "Comparison", *, lang: str = "zh") -> str:
    """A standalone HTML page of ``comparison``, its labels in Chinese (the default) or English."""
    words = _words(lang)
    old, new = comparison.old, comparison.new
    body = old.issuer or new.issuer or ""
    title = html.escape(f"{words['heading']}: {body} {old.report_year or '?'} → {new.report_year or '?'}")
    warn = "" if comparison.same_issuer is not False else f"<p class='warn'>{words['other_issuer']}</p>"
    meta = (f"<p class='meta'>{words['old']}: {_side(old, words)}<br>{words['new']}: {_side(new, words)}</p>")
    return (f"<!DOCTYPE html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
            f"<title>{title}</title><style>{_STYLE}{NOFONT_STYLE}</style></head><body>{nofont_notice(lang)}"
            f"<h1>{title}</h1>{meta}{warn}"
            f"{_cells(comparison, words, lang)}{_facts(comparison, words, lang)}</body></html>")
