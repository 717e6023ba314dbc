"""HTML pages are read in linear time (issue #25 item 6): nesting is capped as browsers cap
it, and a page over a size is read whole instead of by the article extractor."""

from __future__ import annotations

import subprocess
import sys

from govreport_nlp.readers import html as html_module
from govreport_nlp.readers import read_document
from govreport_nlp.readers.html import limit_depth


def test_deep_nesting_is_cut_and_its_text_kept(tmp_path):
    page = ("<html><body>" + "<table><tr><td>" * 3000 + "预算资金31亿元" + "</td></tr></table>" * 3000
            + "<div>" * 5000 + "收入增长5%" + "</div>" * 5000 + "</body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert "预算资金31亿元" in doc.text and "收入增长5%" in doc.text
    assert [w.code for w in doc.warnings] == ["cut"] and "GOVREPORT_NLP_MAX_HTML_DEPTH" in doc.warnings[0].message


def test_deep_nesting_is_read_within_a_cpu_limit(tmp_path):
    # 200,000 nested divs and 20,000 nested tables took 184 s and 68 s: now bounded by a
    # CPU limit the child sets itself, far below those.
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 200_000 + "预算31亿元" + "</div>" * 200_000
                    + "<table><tr><td>" * 20_000 + "收入" + "</td></tr></table>" * 20_000 + "</body></html>",
                    encoding="utf-8")
    code = ("import resource, sys\nresource.setrlimit(resource.RLIMIT_CPU, (30, 30))\n"
            "from govreport_nlp.readers import read_document\n"
            "print('预算31亿元' in read_document(sys.argv[1]).text)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr[-2000:]


def test_a_page_over_the_size_limit_is_read_whole(tmp_path, monkeypatch):
    def no_extractor(html):
        raise AssertionError("the article extractor must not run on a page over the limit")

    monkeypatch.setattr(html_module, "main_text", no_extractor)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_ARTICLE_MB", "0.01")
    path = tmp_path / "big.html"
    path.write_text("<html><body><nav>首页</nav>" + "<p>全年收入31亿元。</p>" * 2000 + "</body></html>",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.text.count("全年收入31亿元") == 2000
    assert any("GOVREPORT_NLP_MAX_ARTICLE_MB" in w.message for w in doc.warnings)


def test_tags_without_their_end_are_read_within_a_cpu_limit(tmp_path):
    # "<a" * 40,000 after a paragraph (80 KB) took 28 s: each "<a" searched the rest of the
    # page for its '>'. Now ~1 MB of them, and 100,000 tags nested with a '<' inside
    # ('<div a=<>', one div to the parser, so the depth cap must see it), are read in one
    # child under a CPU limit it sets itself.
    open_tags = tmp_path / "open.html"
    open_tags.write_text("<html><body><p>预算资金31亿元。</p>" + "<a" * 500_000, encoding="utf-8")
    inner = tmp_path / "inner.html"
    inner.write_text("<html><body><p>预算资金31亿元。</p>" + "<div a=<>" * 100_000 + "收入增长5%", encoding="utf-8")
    code = ("import resource, sys\nresource.setrlimit(resource.RLIMIT_CPU, (20, 20))\n"
            "from govreport_nlp.readers import read_document\n"
            "for path in sys.argv[1:]:\n"
            "    doc = read_document(path)\n"
            "    print('预算资金31亿元' in doc.text, [w.code for w in doc.warnings])\n")
    done = subprocess.run([sys.executable, "-c", code, str(open_tags), str(inner)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["True []", "True ['cut']"]


def test_a_tag_ends_at_its_first_end_bracket():
    assert limit_depth("<p>x</p>" + "<a" * 1000, 2) == ("<p>x</p>" + "<a" * 1000, 0)
    page, dropped = limit_depth("<div a=<>" * 5 + "text" + "</div>" * 5, 2)
    assert dropped == 6 and page == "<div a=<><div a=<>text</div></div>"
