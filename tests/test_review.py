"""benchmarks/review.py: the classes of suspicious subjects it counts."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def _review():
    spec = importlib.util.spec_from_file_location("review", ROOT / "benchmarks" / "review.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_review_classifies_suspicious_subjects():
    classify = _review().classify
    names = ["万载县", "江西省"]
    assert classify(None, names) == ["none"]
    assert classify("政策解读短视频近", names) == ["verb_end"]
    assert classify("万载县农业机械总动力", names) == ["place_org"]
    assert classify("12333咨询电话来电总量", names) == ["digit"]
    assert classify("数量", names) == ["generic"]
    assert classify("第二轮土地承包到期后再延长年限调整试点", names) == ["long"]
    assert classify("一般公共预算收入", names) == []
    assert classify("不予处理", names, "outcome_category") == []


def test_review_runs_over_a_folder(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("某县2022年统计公报\n全年生产总值100亿元，比上年增长5%。新增22个县城。\n", encoding="utf-8")
    result = _review().review(tmp_path, examples=2)
    assert result["total"]["facts"] == 3 and result["total"].get("none", 0) == 0
