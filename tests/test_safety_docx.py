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


def _many_paragraphs(tmp_path: Path, count: int) -> Path:
    # Short paragraphs of varied text: they compress about 5 times, far below the ratio cap,
    # and the whole stays far below the inflated-size cap; only their number is large.
    words = [f"{i:05x}" for i in range(4096)]
    body = "".join(f"<w:p>{_r(words[i % 4096] + words[(i * 7919) % 4096])}</w:p>" for i in range(count))
    return _docx(tmp_path, body, "many.docx")


# The child reads the file under an address-space limit of what it has mapped plus 300 MB.
_UNDER_AS_LIMIT = """
import resource, sys
from govreport_nlp import InputError
from govreport_nlp.readers import docx_to_text
docx_to_text(sys.argv[2])  # the small file: every import and first-use allocation done
size = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (size + (300 << 20), resource.RLIM_INFINITY))
try:
    docx_to_text(sys.argv[1])
except InputError as e:
    print("refused:", e)
except MemoryError:
    print("out of memory")
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc/self/statm (Linux)")
def test_a_docx_of_a_million_paragraphs_is_refused_before_it_is_parsed(tmp_path):
    import subprocess
    import sys

    many = _many_paragraphs(tmp_path, 1_000_000)  # about 45 MB of XML in a 9 MB file
    small = _docx(tmp_path, f"<w:p>{_r('正文')}</w:p>", "small.docx")
    with zipfile.ZipFile(many) as zf:
        info = zf.getinfo("word/document.xml")
    assert info.file_size > 40 << 20 and info.file_size < 200 * info.compress_size

    def child(**env: str) -> str:
        import os

        done = subprocess.run([sys.executable, "-c", _UNDER_AS_LIMIT, str(many), str(small)], capture_output=True,
                              text=True, timeout=600, check=False, env={**os.environ, **env})
        return done.stdout.strip() or done.stderr[-2000:]

    said = child()
    assert said.startswith("refused:") and "GOVREPORT_NLP_MAX_DOCX_XML_MB" in said, said
    # The limit is what keeps it in bounds: raised, the same file does not fit in 300 MB
    # (read whole it takes about 690 MB; lxml's out-of-memory is an XMLSyntaxError).
    over = child(GOVREPORT_NLP_MAX_DOCX_XML_MB="1000")
    assert "GOVREPORT_NLP_MAX_DOCX_XML_MB" not in over and ("memory" in over or "XMLSyntaxError" in over), over


def test_xml_parts_are_counted_by_their_content_not_their_name(tmp_path, monkeypatch):
    path = _docx(tmp_path, f"<w:p>{_r('正文')}</w:p>" * 20000)
    with zipfile.ZipFile(path) as zf:
        xml = sum(i.file_size for i in zf.infolist() if not i.is_dir())
    monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", str(xml / (1 << 20) * 0.9))
    with pytest.raises(InputError, match="GOVREPORT_NLP_MAX_DOCX_XML_MB"):
        docx_to_text(path)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", str(xml / (1 << 20) * 1.1))
    assert docx_to_text(path).count("正文") == 20000
    # The main part renamed to look like a picture (its content type still says XML).
    renamed = tmp_path / "renamed.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(renamed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            name = info.filename
            if name in ("[Content_Types].xml", "word/_rels/document.xml.rels", "_rels/.rels"):
                data = data.replace(b"/word/document.xml", b"/word/media/d.png").replace(
                    b"word/document.xml", b"word/media/d.png")
            dst.writestr("word/media/d.png" if name == "word/document.xml" else name, data)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", str(xml / (1 << 20) * 0.9))
    with pytest.raises(InputError, match="GOVREPORT_NLP_MAX_DOCX_XML_MB"):
        docx_to_text(renamed)
    monkeypatch.setenv("GOVREPORT_NLP_MAX_DOCX_XML_MB", str(xml / (1 << 20) * 1.1))
    assert docx_to_text(renamed).count("正文") == 20000  # python-docx parses it by its content type
