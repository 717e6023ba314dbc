"""The typed stage results (layers.py): one per component, shifted and merged, so that a
report processed in pieces is the same report as in one Doc."""

from __future__ import annotations

import json
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from govreport_nlp import extract
from govreport_nlp.layers import CellKey, Checks, EntityLayer, FactLayer, Layout, QuantityLayer, Tables
from govreport_nlp.models import ReportMeta, Section

from conftest import DEV

DATA = Path(__file__).parent / "data"


@contextmanager
def doc_length(nlp, chars: int):
    """The shared pipeline with a smaller Doc limit, put back afterwards."""
    before = nlp.max_length
    nlp.max_length = chars
    try:
        yield nlp
    finally:
        nlp.max_length = before


def _same_in_pieces(nlp, text: str, part: int = 3) -> dict:
    whole = json.loads(extract(text, nlp=nlp).model_dump_json())
    with doc_length(nlp, len(text) // part):
        pieces = json.loads(extract(text, nlp=nlp).model_dump_json())
    assert whole["facts"] and whole["entities"]
    for key in whole:
        assert pieces[key] == whole[key], key
    return whole


def test_layers_a_report_in_three_pieces_is_the_same_report(nlp):
    # 淮安市 2024, as its PDF converts to text: facts, entities (names across the PDF's
    # line breaks too), sections, the template tables, their cells and the links.
    report = _same_in_pieces(nlp, (DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8"))
    assert report["template_tables"] and any(f["table_cell"] for f in report["facts"])


def test_layers_shared_foi_reports_in_three_pieces_are_the_same_reports(nlp):
    if not DEV.is_dir():
        pytest.skip("the shared dev corpus (../shared) is not beside this checkout")
    reports = sorted(p for p in DEV.glob("*foi*.txt"))
    assert len(reports) >= 8
    with_tables = [_same_in_pieces(nlp, path.read_text(encoding="utf-8"))["template_tables"] for path in reports]
    assert sum(1 for t in with_tables if t) >= 5


def test_layers_a_long_report_keeps_its_tables_and_links(nlp):
    text = (DATA / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    with doc_length(nlp, len(text) // 5):
        report = extract(text, nlp=nlp)
    assert report.template == "2021" and len(report.table_cells) > 150
    assert any(f.table_cell is not None for f in report.facts)
    assert all(text[c.start:c.end].strip() for c in report.table_cells if c.start is not None)


def test_layers_shift_moves_every_offset_and_back():
    layout = Layout(meta=ReportMeta(title="某市2024年政府信息公开工作年度报告"),
                    sections=(Section(level=1, title="一、总体情况", start=10, end=90),),
                    paragraphs=((10, 40),), sentences=((10, 25), (25, 40)), debris=((0, 9),), line_width=38)
    moved = layout.shift(100)
    assert moved.sections[0].start == 110 and moved.sentences == ((110, 125), (125, 140))
    assert moved.shift(-100) == layout and moved.meta == layout.meta
    window = layout.window(20, 60)
    assert window.sentences == ((0, 5), (5, 20)) and window.sections[0].start == -10


def test_layers_fact_ids_follow_a_shift(nlp):
    text = "2024年，本机关共收到政府信息公开申请75件。"
    doc = nlp(text)
    facts: FactLayer = doc._.govreport_facts
    moved = facts.shift(7).facts[0]
    # The same fact in a text seven characters longer before it has the id it gets there.
    again = extract("（节选）\n\n\n" + text, nlp=nlp).facts[0]
    assert (moved.id, moved.quantity.start) == (again.id, again.quantity.start)


def test_layers_tables_nested_keeps_empty_rows_and_exact_values():
    from govreport_nlp.models import TableCell

    tables = Tables(template="2021", cells=(
        TableCell(table="table2", row="行政事业性收费", column="本年收费金额", value=Decimal("96171.6"), start=5, end=12),),
        rows=(("table2", "行政事业性收费"), ("table3", "其他处理")))
    assert tables.nested() == {"table2": {"行政事业性收费": {"本年收费金额": Decimal("96171.6")}},
                               "table3": {"其他处理": {}}}
    assert tables.by_key()[CellKey("table2", "行政事业性收费", "本年收费金额")].value == Decimal("96171.6")
    assert str(CellKey("table3", "总计", "总计")) == "table3/总计/总计"
    assert tables.shift(3).cells[0].start == 8 and Tables.merge([Tables(), tables]) is tables


def test_layers_clip_and_merge_of_pieces_is_the_whole(nlp):
    text = "预算资金31.08亿元，节约率4.18%。\n共设窗口98个。"
    doc = nlp(text)
    quantities: QuantityLayer = doc._.govreport_quantities
    entities: EntityLayer = doc._.govreport_entities
    cut = text.index("\n") + 1
    parts = [quantities.clip(0, cut), quantities.clip(cut, len(text))]
    assert [len(p.quantities) for p in parts] == [2, 1]
    assert QuantityLayer.merge(parts) == quantities
    assert EntityLayer.merge([entities.clip(0, cut), entities.clip(cut, len(text))]) == entities
    assert Checks.merge([Checks(), Checks()]) == Checks()
