"""The HTML page of a report, checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from govreport_nlp.runners import cli

from conftest import SEED_NAME, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_render_page_marks_facts_entities_and_headings(tmp_path, nlp):
    out = tmp_path / "report.html"
    assert cli.main(["render", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    for label in ("MONEY", "PERCENT"):  # numbers: underlined, the kind in data-label and the tooltip
        assert f"data-label='{label}'" in page, label
    for label, word in (("SUBJECT", "主体"), ("DATE", "日期"), ("ORG", "机构"), ("GPE", "地名"), ("HEADING", "章节")):
        assert f"<mark data-label='{label}'" in page and f">{word}</span>" in page, label
    assert "<table class='facts'>" in page


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_render_page_in_headless_chromium(tmp_path, nlp):
    out = tmp_path / "report.html"
    assert cli.main(["render", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)]) == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    # The browser parsed the page and built the marks: quantity, subject and a heading.
    assert "31.08亿元" in dom and "预算资金" in dom
    assert dom.count("<mark") >= 50
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1100,1400", f"--screenshot={shot}", out.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000


def test_render_from_stdin(monkeypatch, nlp, capsys):
    import io

    class FakeStdin:
        buffer = io.BytesIO("预算资金31.08亿元。".encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert cli.main(["render", "-"]) == 0
    page = capsys.readouterr().out
    assert "31.08亿元" in page and "data-label='MONEY'" in page and ">主体</span>" in page


def test_render_missing_file_is_an_error(tmp_path, capsys):
    assert cli.main(["render", str(tmp_path / "gone.txt")]) == 1
    assert "cannot render" in capsys.readouterr().err


def _huaian_changed(tmp_path):
    from pathlib import Path

    # 淮安市 2024 with one number of its text changed, so that the text contradicts 表三.
    text = (Path(__file__).parent / "data" / "huaian_city_foi_2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "huaian.txt"
    path.write_text(text.replace("复 3050 件（含上年度", "复 3005 件（含上年度"), encoding="utf-8")
    return path


def test_render_ties_numbers_to_facts_and_shows_template_tables(tmp_path, nlp):
    from govreport_nlp import extract

    path = _huaian_changed(tmp_path)
    out = tmp_path / "report.html"
    assert cli.main(["render", str(path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    report = extract(path.read_text(encoding="utf-8"), nlp=nlp)
    fact = next(f for f in report.facts if f.quantity.text == "3119 件")
    # The number carries its fact: id, tooltip with value, unit and rule; its subject the same id.
    assert f"id='{fact.id}' data-fact='{fact.id}'" in page
    assert "数值: 3119 件" in page and f"({fact.subject_rule})" in page
    assert re.search(f"class='subject' data-facts='[^']*\\b{fact.id}\\b", page)
    assert f"<a href='#{fact.id}'>" in page  # the facts table links to the place in the text
    # 表三 as an HTML table, the contradicted cell marked; its rows are no headings.
    assert "<table class='template' data-table='table3'><caption>表三</caption>" in page
    assert "<td class='num bad'" in page
    assert "（一）予以公开<span class='label'>章节" not in page


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_render_clicked_number_highlights_its_subject_in_chromium(tmp_path, nlp):
    from govreport_nlp import extract

    path = _huaian_changed(tmp_path)
    out = tmp_path / "report.html"
    assert cli.main(["render", str(path), "-o", str(out)]) == 0
    fact = next(f for f in extract(path.read_text(encoding="utf-8"), nlp=nlp).facts if f.quantity.text == "3119 件")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    # Opening the page at the fact's anchor runs the same code as a click on the number.
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", f"{out.as_uri()}#{fact.id}"], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert 'data-ready="1"' in dom
    assert re.search(f'class="subject active" data-facts="[^"]*\\b{fact.id}\\b', dom)
    assert f'<tr data-fact="{fact.id}" class="active">' in dom


def test_render_in_chinese_by_default_and_english_on_request(tmp_path, nlp):
    from govreport_nlp.runners.render import FONTS

    path = _huaian_changed(tmp_path)
    zh, en = tmp_path / "zh.html", tmp_path / "en.html"
    assert cli.main(["render", str(path), "-o", str(zh)]) == 0
    assert cli.main(["render", str(path), "--lang", "en", "-o", str(en)]) == 0
    page, english = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    assert FONTS == '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif'
    assert f"font-family:{FONTS}" in page and "<html lang='zh-CN'>" in page
    for word in ("标题: ", "年度: 2024", "<caption>表二</caption>", "<h2>数据 ("):
        assert word in page, word
    assert "report year" not in page and "table2</caption>" not in page
    for word in ("title: ", "report year: 2024", "<caption>table2</caption>", "<h2>Facts ("):
        assert word in english, word
    # Numbers are underlined, not boxed with a label; numbers in tables are right-aligned.
    assert "mark.q{background:none" in page and "border-bottom:2px solid var(--c)" in page
    assert "<span class='label'>MONEY" not in page and "<span class='label'>QUANTITY" not in page
    assert "td.num{text-align:right" in page and "<td class='num'>" in page


def test_render_a_shared_subject_lists_every_one_of_its_numbers(nlp):
    from govreport_nlp import extract
    from govreport_nlp.runners.render import render_html

    text = "一般公共预算收入分别为31.08亿元和29.5亿元，增长5.2%。"
    report = extract(text, nlp=nlp)
    page = render_html(text, report)
    shared = re.findall(r"class='subject' data-facts='([^']*)'", page)
    by_subject: dict[str, list[str]] = {}
    for fact in report.facts:
        by_subject.setdefault(fact.subject or "", []).append(fact.id)
    many = [ids for subject, ids in by_subject.items() if subject and len(ids) > 1]
    assert many, [(f.quantity.text, f.subject) for f in report.facts]
    # One subject mark, naming every fact whose subject it is (a click lights them all).
    assert any(set(ids) <= set(marked.split()) for ids in many for marked in shared), (shared, many)
    assert "[data-facts~=" in page


def _dump_dom(page, tmp_path, env=None):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                          timeout=120, check=True, env=env).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_render_says_so_when_no_chinese_font_is_installed(tmp_path, nlp):
    """Without any CJK font every character is the same box: the page draws two characters,
    finds them identical and shows a line (in Chinese and English) saying what to install.
    "Without" is simulated with a fontconfig that sees only DejaVu (Latin); with the
    machine's own fonts the line stays hidden when a CJK font is installed."""
    import os

    out = tmp_path / "report.html"
    assert cli.main(["render", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)]) == 0
    assert "<p id='nofont' lang='zh' hidden>" in out.read_text(encoding="utf-8")
    conf = tmp_path / "fonts.conf"
    conf.write_text("<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
                    "<dir>/usr/share/fonts/truetype/dejavu</dir>"
                    f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    without = _dump_dom(out, tmp_path, env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    assert 'data-ready="1"' in without
    assert re.search(r'<p id="nofont" lang="zh">此电脑未找到中文字体', without), without[:400]
    fc_list = shutil.which("fc-list")
    chinese = fc_list and subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True,
                                         check=False).stdout.strip()
    if chinese:
        assert re.search(r'<p id="nofont" lang="zh" hidden="">', _dump_dom(out, tmp_path))
