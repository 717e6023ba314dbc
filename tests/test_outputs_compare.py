"""Year over year (#26 item 7): ``govreport-nlp compare OLD NEW`` and ``govreport_nlp.compare``
on two reports of one body: real pairs of ../shared/corpus, and a tests/data report against
a copy with two figures changed."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import govreport_nlp
from govreport_nlp.runners import cli
from govreport_nlp.runners.compare import Comparison, compare, subject_key

from conftest import BULK, DEV, ROOT

HUAIAN = ROOT / "tests" / "data" / "huaian_city_foi_2024.txt"
needs_shared = pytest.mark.skipif(not (DEV.is_dir() and BULK.is_dir()), reason="needs the shared corpus (../shared/corpus)")


def _changed_copy(tmp_path):
    """淮安市 2024 with the text's 答复 3050 件 made 3005 and table3 总计/总计 made 3051."""
    text = HUAIAN.read_text(encoding="utf-8")
    assert text.count("复 3050 件") == 1 and text.count("4   3050\n") == 1
    new = tmp_path / "huaian_city_foi_2025.txt"
    new.write_text(text.replace("复 3050 件", "复 3005 件").replace("4   3050\n", "4   3051\n"), encoding="utf-8")
    return new


@pytest.fixture(scope="module")
def huaian_pair(tmp_path_factory, nlp):
    tmp = tmp_path_factory.mktemp("compare")
    new = _changed_copy(tmp)
    return govreport_nlp.extract_file(HUAIAN, nlp=nlp), govreport_nlp.extract_file(new, nlp=nlp), new


def test_compare_api_pairs_cells_and_facts(huaian_pair):
    old, new, _ = huaian_pair
    result = govreport_nlp.compare(old, new)
    assert isinstance(result, Comparison) and result.same_issuer is True
    cell = [(c.table, c.row, c.column, c.old, c.new, c.difference) for c in result.cells.changed]
    assert cell == [("table3", "总计", "总计", 3050, 3051, 1)]
    assert not result.cells.added and not result.cells.removed and result.cells.unchanged > 100
    facts = [(f.old.text, f.new.text, f.difference) for f in result.facts.changed]
    assert ("3050 件", "3005 件", Decimal("-45")) in facts and len(facts) == 1
    assert not result.facts.added and not result.facts.removed and result.facts.unchanged > 20
    assert "1 changed" in repr(result)


def test_compare_same_report_has_no_change(huaian_pair):
    old = huaian_pair[0]
    result = compare(old, old)
    assert not (result.cells.changed or result.cells.added or result.cells.removed)
    assert not (result.facts.changed or result.facts.added or result.facts.removed)


def test_compare_json_schema_is_documented_and_current():
    published = json.loads((ROOT / "docs" / "compare.schema.json").read_text(encoding="utf-8"))
    assert published == Comparison.model_json_schema(mode="serialization"), (
        "docs/compare.schema.json is stale: regenerate it with python -c \"import json; from "
        "govreport_nlp.runners.compare import Comparison; print(json.dumps(Comparison.model_json_schema("
        "mode='serialization'), ensure_ascii=False, indent=2))\"")
    page = (ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    for field in ("version", "same_issuer", "changed", "added", "removed", "unchanged", "difference", "relative",
                  "without_subject", "measure"):
        assert f"`{field}`" in page, f"docs/compare.md does not explain {field}"


def test_compare_subject_key_ignores_width_punctuation_and_years():
    assert subject_key("2024年 政府信息公开申请（件）") == subject_key("政府信息公开申请件")
    assert subject_key("ＧＤＰ") == "GDP"


def test_cli_compare_json_and_page(tmp_path, huaian_pair, capsys):
    new = huaian_pair[2]
    out = tmp_path / "diff.json"
    assert cli.main(["compare", str(HUAIAN), str(new), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["old"]["report_year"] == 2024
    assert data["cells"]["changed"] == [{"table": "table3", "row": "总计", "column": "总计", "unit": "", "old": "3050",
                                         "new": "3051", "difference": "1"}]
    fact = data["facts"]["changed"][0]
    assert (fact["old"]["value"], fact["new"]["value"], fact["difference"], fact["unit"]) == ("3050", "3005", "-45", "件")
    page = tmp_path / "diff.html"
    assert cli.main(["compare", str(HUAIAN), str(new), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "年度对比" in html and "旧值" in html and "差值" in html and "表三" in html and "▲ +1" in html
    assert "▼ -45" in html and '"Noto Sans CJK SC"' in html
    assert cli.main(["compare", str(HUAIAN), str(new), "--format", "html", "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Year over year" in english and "difference" in english and "table3" in english


def test_cli_compare_refuses_bad_output_and_inputs(tmp_path, capsys):
    assert cli.main(["compare", str(HUAIAN), str(HUAIAN), "-o", str(tmp_path / "x.txt")]) == 2
    assert "unknown extension" in capsys.readouterr().err
    assert cli.main(["compare", str(HUAIAN), str(tmp_path / "missing.txt")]) == 2
    assert "not a file" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@needs_shared
def test_compare_two_years_of_hebei_jyt_foi(tmp_path, nlp):
    """河北省教育厅 2022 (bulk) -> 2023 (dev): 表三 总计 new requests 44 -> 19 (docs/panel.md)."""
    out = tmp_path / "diff.json"
    assert cli.main(["compare", str(BULK / "hebei_jyt_foi_2022.txt"), str(DEV / "hebei_jyt_foi_2023.txt"),
                     "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["same_issuer"] is True and (data["old"]["report_year"], data["new"]["report_year"]) == (2022, 2023)
    cells = {(c["table"], c["row"], c["column"]): c for c in data["cells"]["changed"]}
    new_requests = cells[("table3", "本年新收政府信息公开申请数量", "总计")]
    assert (new_requests["old"], new_requests["new"], new_requests["difference"]) == ("44", "19", "-25")


@needs_shared
def test_compare_two_stats_communiques_pairs_facts_by_subject(nlp):
    """万载县's statistical communiques of 2015 and 2022: GDP and its growth pair by subject
    and unit, a level never with a rate."""
    old = govreport_nlp.extract_file(BULK / "wanzai_county_stats_communique_2015.txt", nlp=nlp)
    new = govreport_nlp.extract_file(BULK / "wanzai_county_stats_communique_2022.txt", nlp=nlp)
    result = compare(old, new)
    by = {(f.subject, f.unit, f.measure): f for f in result.facts.changed}
    gdp = by[("生产总值(GDP)", "元", "level")]
    assert (gdp.old.text, gdp.new.text) == ("1102284万元", "262.6亿元")
    assert gdp.difference == Decimal("15237160000")
    growth = by[("生产总值(GDP)", "%", "change")]
    assert (growth.old.value, growth.new.value, growth.difference, growth.relative) == (
        Decimal("9.3"), Decimal("5.3"), Decimal("-4.0"), None)
