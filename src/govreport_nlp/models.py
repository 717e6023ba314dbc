"""Pydantic models of the public contract.

``extract()`` returns a :class:`Report`; ``report.model_dump(mode="json")`` is the JSON
form that ``../shared/eval/score.py`` and downstream users read. Offsets are character
offsets into the text passed to ``extract()``: ``text[q.start:q.end] == q.text``.

Numbers are :class:`~decimal.Decimal` so that 31.08亿元 is exactly 3108000000; in JSON
they are serialized as strings to keep them exact.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Change",
    "ConsistencyWarning",
    "ENTITY_LABELS",
    "FACT_COLUMNS",
    "Entity",
    "Fact",
    "Kind",
    "Modifier",
    "Quantity",
    "ReadWarning",
    "ReadWarningCode",
    "ReportKind",
    "SCHEMA_VERSION",
    "SubjectRule",
    "EntityLabel",
    "Report",
    "ReportMeta",
    "Section",
    "TableCell",
    "TableCellRef",
    "TableWarning",
    "entity_label",
]

# The columns of a fact row (Fact.row, Report.facts_table, the CLI's csv), in order.
FACT_COLUMNS = (
    "id", "subject", "subject_rule", "column", "value", "value_high", "unit", "kind", "modifier", "change", "time", "org",
    "context_of", "parent", "table_cell", "text", "start", "end", "section", "sentence",
)
Kind = Literal["money", "percent", "percent_point", "count", "measure", "duration"]
# The entity label of a quantity, by kind; other kinds are QUANTITY.
ENTITY_LABELS: dict[str, "EntityLabel"] = {"money": "MONEY", "percent": "PERCENT", "percent_point": "PERCENT"}


def entity_label(kind: str) -> "EntityLabel":
    """The entity label of a quantity of this kind: MONEY, PERCENT or QUANTITY."""
    return ENTITY_LABELS.get(kind, "QUANTITY")
Modifier = Literal["approx", "over", "under"]
Change = Literal["increase", "decrease"]
# The labels of Report.entities: names and dates, and quantities by kind (ENTITY_LABELS).
EntityLabel = Literal["ORG", "GPE", "DATE", "MONEY", "PERCENT", "QUANTITY"]
# What a report is (rules/sections.py reads it off the title): final accounts are no budget.
ReportKind = Literal["foi_annual", "work_report", "stats_communique", "budget", "final_accounts", "audit"]
# Which rule chose a fact's subject (rules/links.py SUBJECT_RULES explains each; a test
# keeps the two the same).
SubjectRule = Literal[
    "attribute_before", "counted_noun_after", "before_verb", "verb", "outcome_category", "respectively",
    "list_item", "budget_line", "share_of", "change_indicator", "previous_quantity", "table_row", "table_cell",
    "heading_lead", "from_to", "list_before_deng",
]
# Why a file could not be read well (readers/files.py): a cap cut it, it held no text, its
# text layer is garbled or missing, or it was read by OCR.
ReadWarningCode = Literal["cut", "empty", "garbled_text", "no_text_layer", "ocr"]
# The version of the JSON form of a Report (docs/schema.json); CHANGELOG.md says what changed.
SCHEMA_VERSION = "2"


class Quantity(BaseModel):
    """One quantity expression: a number with its unit, kind and modifier.

    ``value`` is exact and already scaled (1.2万人 -> 12000, 31.08亿元 -> 3108000000);
    ``value_high`` is the upper bound of a range (3-5亿元) and ``None`` otherwise.
    ``start``/``end`` are offsets of ``text`` in the string that was scanned.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    value: Decimal
    value_high: Optional[Decimal] = None
    unit: str = ""
    kind: Kind
    modifier: Optional[Modifier] = None


class Entity(BaseModel):
    """A named entity: ORG, GPE, DATE, MONEY, PERCENT or QUANTITY.

    ``value`` is the normalized value where there is one: an ISO date string for DATE
    (``2017-11-30``), the exact number for MONEY/PERCENT/QUANTITY, the 12-digit division
    code for a GPE when known (a region such as 京津冀: the codes of its provinces,
    comma-separated), the full name of a central body for an ORG (人社部 ->
    中华人民共和国人力资源和社会保障部).
    """

    label: EntityLabel
    text: str
    start: int
    end: int
    value: Optional[str] = None
    relation: Optional[str] = None


class ReportMeta(BaseModel):
    """What a report says of itself: title, issuer, the year it reports on, when it was
    published and, for a speech, delivered (ISO dates), and its kind (foi_annual,
    work_report, stats_communique, audit, final_accounts, budget).
    The ``govreport_sections`` component writes it in ``doc._.govreport_layout.meta``; a Report
    carries the same fields."""

    title: Optional[str] = None
    issuer: Optional[str] = None
    report_year: Optional[int] = None
    published: Optional[str] = None
    # The date the text was read out (——2026年2月5日在…会议上): 今年 and 去年 point from it.
    delivered: Optional[str] = None
    kind: Optional[ReportKind] = None


class Section(BaseModel):
    """A heading of the report and the character range it governs."""

    level: int
    title: str
    start: int
    end: int
    path: list[str] = Field(default_factory=list)


class TableCell(BaseModel):
    """One cell of an FOI template table as printed: its key, its value (as in
    ``Report.template_tables``; 万元 for the money columns), where it stands in the text,
    and the bracketed note printed after it (``22（其中修订16件）`` -> ``其中修订16件``)."""

    table: str
    row: str
    column: str
    value: Decimal
    start: Optional[int] = None
    end: Optional[int] = None
    note: Optional[str] = None


class TableCellRef(BaseModel):
    """A cell of an FOI template table, keyed as TEMPLATE_TABLES.md keys it.

    ``row`` is a template row (``予以公开``), a group of rows standing for their sum
    (``不予公开``: every ``不予公开.*`` row; ``行政诉讼``: both litigation rows), or rows
    joined by ``+`` for a sum the text names (``予以公开+部分公开``).
    """

    table: str
    row: str
    column: str


class Fact(BaseModel):
    """A quantity tied to what it measures.

    ``subject`` is the shortest noun phrase that says what the quantity measures
    (see GUIDELINES.md); ``change`` says whether the number is an increase or decrease
    of that subject; ``context_of`` names the item of a breakdown (其中...), ``parent``
    the total a sub-count belongs to.
    """

    id: str
    subject: Optional[str] = None
    # Which rule chose the subject (attribute_before, counted_noun_after, ...: the names of
    # govreport_nlp.rules.linker.SUBJECT_RULES, explained in docs/facts.md); None without one.
    subject_rule: Optional[SubjectRule] = None
    # For a number read from a table cell: the header of its column (预算数, 占预算(%)).
    column: Optional[str] = None
    change: Optional[Change] = None
    quantity: Quantity
    as_of: Optional[str] = None
    period: Optional[str] = None
    org: Optional[str] = None
    context_of: Optional[str] = None
    parent: Optional[str] = None
    # The template table cell the sentence restates (予以公开208件 -> table3/予以公开/总计),
    # set for an FOI report whose tables were read; see docs/consistency.md.
    table_cell: Optional[TableCellRef] = None
    sentence: str = ""
    sentence_start: int = 0
    section_path: list[str] = Field(default_factory=list)

    def row(self) -> dict[str, Any]:
        """The fact as one flat row (the columns of ``Report.facts_table()``)."""
        q = self.quantity
        return {
            "id": self.id,
            "subject": self.subject,
            "subject_rule": self.subject_rule,
            "column": self.column,
            "value": str(q.value),
            "value_high": None if q.value_high is None else str(q.value_high),
            "unit": q.unit,
            "kind": q.kind,
            "modifier": q.modifier,
            "change": self.change,
            "time": self.as_of or self.period,
            "org": self.org,
            "context_of": self.context_of,
            "parent": self.parent,
            "table_cell": None if self.table_cell is None else
            f"{self.table_cell.table}/{self.table_cell.row}/{self.table_cell.column}",
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "section": " / ".join(self.section_path),
            "sentence": self.sentence,
        }


class TableWarning(BaseModel):
    """A violation of the template's own arithmetic (see TEMPLATE_TABLES.md)."""

    table: str
    row: str
    column: str
    expected: Optional[Decimal] = None
    found: Optional[Decimal] = None
    message: str = ""


class ConsistencyWarning(BaseModel):
    """The text of a report says one number and its own template table another.

    ``code`` is ``value`` (a count or amount restated in the text differs from its cell)
    or ``share`` (a percentage in the text is not the share the cells give). ``start`` /
    ``end`` are the offsets of the number in the text (``fact_id`` its fact);
    ``cells`` the offsets of the cell or cells it was compared with (several for a sum).
    """

    code: Literal["value", "share"]
    fact_id: str
    table: str
    row: str
    column: str
    text_value: Decimal
    table_value: Decimal
    start: int
    end: int
    cells: list[tuple[int, int]] = Field(default_factory=list)
    message: str = ""


class ReadWarning(BaseModel):
    """Something about the file that may make the text incomplete or wrong: a scanned page
    that was not OCRed, a text layer that is not Chinese, a guessed encoding.

    ``code`` is stable (``no_text_layer``, ``ocr``, ``garbled_text``, ``encoding``,
    ``empty``); ``message`` says what happened and what to do; ``page`` is 1-based.
    """

    code: ReadWarningCode
    message: str
    page: Optional[int] = None


class Report(BaseModel):
    """Everything extracted from one report."""

    # The version of this JSON form (SCHEMA_VERSION): 2 made table values exact (Decimal).
    schema_version: str = SCHEMA_VERSION
    title: Optional[str] = None
    issuer: Optional[str] = None
    report_year: Optional[int] = None
    published: Optional[str] = None
    # When a speech (work, budget or audit report) was delivered, if its header says so;
    # 今年/去年 are resolved on this year, report_year stays the year reported on.
    delivered: Optional[str] = None
    kind: Optional[ReportKind] = None
    sections: list[Section] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    template: Optional[str] = None  # "2019" / "2021": the FOI table template, when found
    template_tables: Optional[dict[str, dict[str, dict[str, Decimal]]]] = None
    # The same cells one by one, with where each is printed and its note (see TableCell).
    table_cells: list[TableCell] = Field(default_factory=list)
    warnings: list[TableWarning] = Field(default_factory=list)
    # Where the text contradicts its own template tables (see ConsistencyWarning).
    consistency_warnings: list[ConsistencyWarning] = Field(default_factory=list)
    # Set by extract_file(): what reading the file could not do well (see ReadWarning).
    read_warnings: list[ReadWarning] = Field(default_factory=list)
    chars: int = 0
    # Set by extract_file(): the file and the text read from it, which offsets index.
    source: Optional[str] = None
    text: Optional[str] = None

    def __repr__(self) -> str:
        """A short summary (title, year, counts, first facts), not the whole text:
        ``print(report)`` in a terminal, ``report`` in a notebook."""
        head = f"Report({self.title or '(untitled)'!r}, issuer={self.issuer!r}, year={self.report_year}, kind={self.kind}"
        counts = (f"{len(self.facts)} facts, {len(self.entities)} entities, {len(self.sections)} sections, "
                  f"{len(self.cells())} table cells, {len(self.warnings) + len(self.consistency_warnings)} warnings")
        lines = [f"{head}: {counts})"]
        for fact in self.facts[:_REPR_FACTS]:
            q = fact.quantity
            lines.append(f"  {fact.subject or '?'}: {q.text} = {q.value} {q.unit}".rstrip())
        if len(self.facts) > _REPR_FACTS:
            lines.append(f"  ... {len(self.facts) - _REPR_FACTS} more (report.facts, report.to_pandas())")
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """The summary as HTML for Jupyter: title, year, counts and the first facts as a table."""
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(f.subject or '')}</td><td>{escape(f.quantity.text)}</td>"
            f"<td style='text-align:right'>{escape(str(f.quantity.value))}</td><td>{escape(f.quantity.unit)}</td>"
            f"<td>{escape(f.change or '')}</td><td>{escape(f.as_of or f.period or '')}</td></tr>"
            for f in self.facts[:_REPR_FACTS])
        more = (f"<p>… {len(self.facts) - _REPR_FACTS} more facts (<code>report.to_pandas()</code>)</p>"
                if len(self.facts) > _REPR_FACTS else "")
        return (f"<div lang='zh-CN'><b>{escape(self.title or '(untitled)')}</b><br>"
                f"{escape(self.issuer or '')} · {self.report_year or ''} · {escape(self.kind or '')} · "
                f"{len(self.facts)} facts · {len(self.entities)} entities · {len(self.cells())} table cells · "
                f"{len(self.warnings) + len(self.consistency_warnings)} warnings"
                "<table><thead><tr><th>subject</th><th>text</th><th>value</th><th>unit</th><th>change</th>"
                f"<th>time</th></tr></thead><tbody>{rows}</tbody></table>{more}</div>")

    def cells(self) -> list[TableCell]:
        """The template cells one by one: ``table_cells``, or for a Report built without
        them (older JSON), the cells of ``template_tables`` without offsets."""
        if self.table_cells or not self.template_tables:
            return list(self.table_cells)
        return [TableCell(table=table, row=row, column=column, value=value)
                for table, rows in self.template_tables.items()
                for row, columns in rows.items() for column, value in columns.items()]

    def facts_table(self) -> list[dict[str, Any]]:
        """The facts as flat rows, one dict per fact, in text order."""
        return [fact.row() for fact in self.facts]

    def to_pandas(self) -> Any:
        """The facts as a pandas DataFrame, one row per fact: the columns of
        :meth:`facts_table`, with ``value`` and ``value_high`` as floats (for sums and
        plots) and the exact decimals beside them in ``value_exact`` and
        ``value_high_exact`` (strings), ``start``/``end`` as integers. Every column has a
        nullable dtype (``Float64``, ``Int64``, ``string``): a missing value is ``<NA>``.
        Needs the ``pandas`` extra: ``pip install 'govreport-nlp[pandas]'``."""
        pd = _pandas("Report.to_pandas()")
        frame = pd.DataFrame(self.facts_table(), columns=list(FACT_COLUMNS))
        for column in ("value", "value_high"):
            frame.insert(frame.columns.get_loc(column) + 1, f"{column}_exact", frame[column].astype("string"))
            # Nullable: a missing upper bound is <NA>, as in every other column.
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
        frame["start"] = frame["start"].astype("Int64")
        frame["end"] = frame["end"].astype("Int64")
        # Text columns are pandas' string dtype: one missing value, <NA>, never None beside NaN.
        for column in frame.columns:
            if column not in ("value", "value_high", "start", "end"):
                frame[column] = frame[column].astype("string")
        return frame

    def tables_frame(self) -> Any:
        """The FOI template tables in long form, one row per cell: ``table`` (table2,
        table3, table4), ``row``, ``column``, ``value`` (as printed: an int, or a float for
        money), ``unit`` (万元 for the money columns, else ""), ``note`` (the bracketed note
        printed after the cell) and ``start``/``end`` (where it is printed). Empty for a
        report with no template tables. Needs pandas."""
        # (the template's data, not the table reader: the models import no rules)
        from .lexicons.foi_templates import MONEY_COLUMNS

        pd = _pandas("Report.tables_frame()")
        rows = [{"table": c.table, "row": c.row, "column": c.column, "value": c.value,
                 "unit": "万元" if c.column in MONEY_COLUMNS else "", "note": c.note,
                 "start": c.start, "end": c.end} for c in self.cells()]
        frame = pd.DataFrame(rows, columns=["table", "row", "column", "value", "unit", "note", "start", "end"])
        frame["start"] = frame["start"].astype("Int64")
        frame["end"] = frame["end"].astype("Int64")
        # As printed: counts stay ints beside money floats (a float column would turn 19 into 19.0).
        frame["value"] = pd.Series([r["value"] for r in rows], dtype="object")
        return frame


# How many facts the repr of a Report lists.
_REPR_FACTS = 5


def _pandas(what: str) -> Any:
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(f"{what} needs pandas: pip install 'govreport-nlp[pandas]'") from e
    return pd
