"""Report layout from real report text: title, issuer, year, headings, sentences, debris."""

from govreport_nlp.rules.sections import analyze

from conftest import DEV


def test_structure_title_year_issuer_and_web_debris(seed_text):
    layout = analyze(seed_text)
    assert layout.title == "土右旗2017年政府信息公开工作年度报告"
    assert layout.issuer == "土右旗"
    assert layout.report_year == 2017
    assert layout.published == "2018-03-20"
    debris = [seed_text[s:e] for s, e in layout.debris]
    assert any("责任编辑" in d for d in debris)
    assert any("扫码关注" in d for d in debris)


def test_structure_headings_have_levels_and_paths(seed_text):
    layout = analyze(seed_text)
    titles = [(h.level, h.title) for h in layout.headings]
    assert (1, "一、基本工作完成情况") in titles
    sub = next(h for h in layout.headings if h.title.startswith("(一)"))
    assert sub.level == 2 and sub.path[0] == "一、基本工作完成情况"
    assert sub.start < sub.end


def test_structure_pdf_lines_inside_sentences_are_joined():
    text = "   2024 年，市政府网站主动公开各类政\n府信息 5500 余条，全年新增公开市政府规章\n1 件。\n"
    layout = analyze("淮安市人民政府\n2024 年政府信息公开工作年度报告\n" + text)
    sents = [s for s in layout.sentences]
    assert any("政\n府信息 5500 余条" in ("淮安市人民政府\n2024 年政府信息公开工作年度报告\n" + text)[a:b] for a, b in sents)


def test_structure_page_numbers_are_debris():
    text = "标题报告\n正文一句。\n\n-6-\n\n下一句。"
    layout = analyze(text)
    assert any(text[s:e].strip() == "-6-" for s, e in layout.debris)


def test_structure_work_report_year_is_the_year_reviewed():
    text = (DEV / "state_council_work_report_2024_excerpt.txt").read_text(encoding="utf-8") if DEV.is_dir() else \
        "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
    layout = analyze(text)
    assert layout.published == "2024-03-05"
    assert layout.report_year == 2023
    assert layout.kind == "work_report"


def test_structure_paragraphs_group_sentences(seed_text):
    layout = analyze(seed_text)
    assert 5 <= len(layout.paragraphs) < len(layout.sentences)
    first = next(p for p in layout.paragraphs if "今年以来" in seed_text[p[0]:p[1]])
    assert seed_text[first[0]:first[1]].endswith("现将全年工作汇报如下:")
    for s, e in layout.sentences:
        assert any(ps <= s and e <= pe for ps, pe in layout.paragraphs)
