"""The examples that docs/ shows run and give what docs/ shows."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import BULK, DEV, ROOT


def _example(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_panel_plot_draws_one_bar_per_year_and_series():
    plot = _example("panel_plot")
    svg = plot.bar_chart({2019: {"本年新收政府信息公开申请数量": 16, "予以公开": 9},
                          2022: {"本年新收政府信息公开申请数量": 44, "予以公开": 27}}, "河北省教育厅")
    assert svg.startswith("<svg") and svg.count("<rect") == 4 + 2  # four bars, two legend keys
    assert ">44</text>" in svg and ">2022</text>" in svg


@pytest.mark.skipif(not (DEV.is_dir() and BULK.is_dir()), reason="needs the shared corpus (../shared/corpus)")
def test_examples_panel_plot_in_docs_is_current(tmp_path):
    pytest.importorskip("pandas")
    plot = _example("panel_plot")
    files = sorted(str(p) for p in [*DEV.glob("hebei_jyt_foi_20*.txt"), *BULK.glob("hebei_jyt_foi_20*.txt")])
    out = tmp_path / "plot.svg"
    assert plot.main([*files, "-o", str(out)]) == 0
    drawn = out.read_text(encoding="utf-8")
    assert drawn == (ROOT / "docs" / "panel_hebei_jyt.svg").read_text(encoding="utf-8")
    # hebei_jyt_foi_2021 (dev since 2026-12-07) prints 表三 总计: 新收 37, 予以公开 18.
    assert ">2021</text>" in drawn and ">37</text>" in drawn and ">18</text>" in drawn
