"""Word files: all the text Word shows is read (issue #25 item 7), and a zip bomb is
refused before it is inflated (item 4). The files are made here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govreport_nlp import InputError
from govreport_nlp.readers import docx_to_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(tmp_path: Path, body_xml: str, name: str = "a.docx") -> Path:
    docx = pytest.importorskip("docx")
    base = tmp_path / "base.docx"
    docx.Document().save(str(base))
    out = tmp_path / name
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body_xml + text[start:]).encode("utf-8")
            dst.writestr(info, data)
    return out


def _r(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def test_text_in_controls_insertions_tags_fields_and_custom_xml_is_read(tmp_path):
    body = (
        f"<w:p>{_r('预算资金')}<w:ins w:id='1' w:author='a'>{_r('44亿元')}</w:ins>{_r('。')}</w:p>"
        f"<w:p>{_r('删去')}<w:del w:id='2' w:author='a'><w:r><w:delText>99亿元</w:delText></w:r></w:del></w:p>"
        f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent><w:p>{_r('块控件12亿元')}</w:p>"
        "</w:sdtContent></w:sdt>"
        f"<w:p>{_r('行内')}<w:sdt><w:sdtContent>{_r('控件3亿元')}</w:sdtContent></w:sdt></w:p>"
        f"<w:p><w:smartTag w:uri='u' w:element='e'>{_r('智能标记5亿元')}</w:smartTag></w:p>"
        f"<w:p><w:fldSimple w:instr='PAGE'>{_r('域7亿元')}</w:fldSimple></w:p>"
        f"<w:customXml w:element='sec'><w:p>{_r('自定义8亿元')}</w:p></w:customXml>"
        f"<w:p><w:customXml w:element='x'>{_r('行内自定义9亿元')}</w:customXml></w:p>"
    )
    text = docx_to_text(_docx(tmp_path, body))
    for line in ("预算资金44亿元。", "删去", "块控件12亿元", "行内控件3亿元", "智能标记5亿元", "域7亿元",
                 "自定义8亿元", "行内自定义9亿元"):
        assert line in text.splitlines(), (line, text)
    assert "99亿元" not in text


def test_a_docx_that_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = _docx(tmp_path, f"<w:p>{_r('正文')}</w:p>")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/bomb.bin", b"\0" * (3 << 20))  # 3 MB of zeros in about 3 KB
    monkeypatch.setenv("GOVREPORT_NLP_MAX_INFLATED_MB", "2")
    with pytest.raises(InputError, match=r"over the limit of 2 MB.*GOVREPORT_NLP_MAX_INFLATED_MB"):
        docx_to_text(path)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_INFLATED_MB", "100")
    with pytest.raises(InputError, match=r"times its packed size.*GOVREPORT_NLP_MAX_RATIO"):
        docx_to_text(path)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_RATIO", "100000")
    assert "正文" in docx_to_text(path)
