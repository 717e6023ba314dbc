"""The compiled fast path of normalize() agrees with the pure-Python reference path.

For every text, ``_speedups.fast_normalize`` either declines or returns exactly what
``numbers._normalize_py`` returns: the same fields, and the same Decimal as written
(``Decimal("2.0")`` and ``Decimal("2")`` are equal but not the same value for a user).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport_nlp.numbers import normalizer as numbers
from govreport_nlp.numbers.normalizer import _normalize_py
from govreport_nlp.numbers.numerals import CN_BIG as _CN_BIG
from govreport_nlp.numbers.numerals import CN_DIGITS as _CN_DIGITS
from govreport_nlp.numbers.numerals import CN_SMALL as _CN_SMALL
from govreport_nlp.numbers.patterns import PREFIX_MODIFIERS as _PREFIX_MODIFIERS
from govreport_nlp.numbers.units import UNITS

speedups = pytest.importorskip("govreport_nlp.numbers._speedups", reason="the fast path is not compiled here")
if not numbers.COMPILED and os.environ.get("GOVREPORT_NLP_REQUIRE_SPEEDUPS") != "1":
    # Built but turned off (GOVREPORT_NLP_NO_SPEEDUPS=1) or from another version: not
    # configured, so there is nothing to compare.
    pytest.skip("the compiled fast path is not in use", allow_module_level=True)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def same(fast, reference) -> bool:
    if fast is speedups.DECLINE:
        return True
    if fast is None or reference is None:
        return fast is reference
    return fast.model_dump() == reference.model_dump() and repr(fast) == repr(reference)


def check(text: str) -> None:
    fast = speedups.fast_normalize(text)
    reference = _normalize_py(text)
    assert same(fast, reference), f"{text!r}: fast {fast!r} != reference {reference!r}"


def test_speedups_built_where_required():
    # CI sets this: a machine that can compile must not quietly fall back to pure Python.
    if os.environ.get("GOVREPORT_NLP_REQUIRE_SPEEDUPS") == "1":
        assert numbers.COMPILED


def test_speedups_expression_table_agrees_and_mostly_fast():
    table = Path(__file__).resolve().parents[2] / "shared" / "eval" / "expressions.tsv"
    if not table.exists():
        pytest.skip("no shared expression table")
    exprs = [line.split("\t")[0] for line in table.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    declined = []
    for expr in exprs:
        check(expr)
        if speedups.fast_normalize(expr) is speedups.DECLINE and _normalize_py(expr) is not None:
            declined.append(expr)
    # The fast path is only worth having if it reads what reports print: of the forms the
    # reference reads, it may hand few back (forms nobody reads yet are no test of speed).
    readable = [expr for expr in exprs if _normalize_py(expr) is not None]
    assert len(declined) <= len(readable) // 10, declined


@pytest.mark.parametrize("text", [
    "31.08亿元", "约2.3亿元", "3-5亿元", "3至5亿元", "三到五亿元", "2～3亿元", "1亿2千万元", "5千万元",
    "三点一四亿元", "零点五亿元", "百分之九点四", "千分之三", "3‰", "三成", "6.5%左右", "-2.3%",
    "1,234.5万元", "１２３４元", "3万余户", "两千余人", "近百家", "人民币5000万元", "5亿人民币",
    "2.0个百分点", "2.50%", "1.230000万元", "0.5亿元", "7个工作日", "1200万人以上", "百分之三十多",
    "3.5-5亿元", "3亿-5亿元", "三点五万人", "1.5千万元", "二〇一七元", "一亿亿元", "亿元", "万元",
    "5000余万元", "10万千瓦时", "2017年", "3年", "0517元", "0元", "上百家", "上千万元", "三成员",
    "5周年", "3%-5%", "百分之三到百分之五", "1,23元", "1234,567元", "1.2.3元", "5点五元", "十5元",
    "二5元", "2021一2025", "负3%", "－3%", "3 万元", "约 3万元", "3万元 左右", "", "元", "约",
    "１２．５％", "1亿万元", "3万亿元", "十亿亿元", "9999999999999999万亿元",
    "两万三", "六万五千人", "三万五元", "一亿二", "一千零", "三成多", "5万元多", "上万人", "万余人",
    # Spaced forms PDFs print (#24 class 10 and criterion 3: the compiled path reads them).
    "108844.06 亿 元", "45.9 万人", "1560.05 万元", "536 万", "80.81 万\n元", "4. 2亿元", "4. 2%", "1. 20个",
    "12  3万元", "12 3万元", "4. 2 亿 元", "45.9 万年", "0. 5亿元", "4. 5分钟", "4. 5分", "1.\n6538%", "9 .5 万",
    " 45 万", "45 万 ", "45\t万元", "45 万\u3000元", "45.\n5万", "4.  2亿元", "1. 2025年", "0 5万元", "05 万元",
])
def test_speedups_edge_forms_agree(text):
    check(text)


def test_speedups_normalize_uses_reference_for_declined_forms():
    assert numbers.normalize("10万千瓦时").unit == "千瓦时"
    assert numbers.normalize("2017年") is None


_CN = "".join(_CN_DIGITS) + "".join(_CN_SMALL) + "".join(_CN_BIG) + "点余多"
_ARABIC = "0123456789０１２３４５６７８９.,．"
_UNIT_WORDS = sorted(UNITS) + ["", "个", "大类", "千瓦", "瓦", "米", "年度", "员", "至", "人民"]
_PREFIXES = [""] + sorted(_PREFIX_MODIFIERS) + ["人民币", "约人民币"]
_SUFFIXES = ["", "左右", "上下", "以上", "以下", "以内", "之内", "内", "多", "余"]


@st.composite
def expressions(draw):
    """Expressions built the way reports write them, with the pieces mixed freely."""
    def number():
        return draw(st.one_of(
            st.text(alphabet=_ARABIC, min_size=1, max_size=10),
            st.text(alphabet=_CN, min_size=1, max_size=8),
            st.text(alphabet=_ARABIC + _CN, min_size=1, max_size=8),
            st.integers(0, 10**12).map(str),
            st.decimals(min_value=0, max_value=10**9, places=3).map(str),
        ))
    parts = [draw(st.sampled_from(_PREFIXES)), draw(st.sampled_from(["", "-", "－", "百分之", "千分之"])), number()]
    if draw(st.booleans()):
        parts += [draw(st.sampled_from(["-", "至", "到", "～", "~", "—"])), number()]
    parts += [draw(st.sampled_from(["", "", "万", "亿", "万亿", "余", "多"])),
              draw(st.sampled_from(_UNIT_WORDS)), draw(st.sampled_from(_SUFFIXES))]
    return "".join(parts)


@settings(max_examples=3000, deadline=None)
@given(expressions())
def test_speedups_agree_on_report_like_expressions(text):
    check(text)


_GAPS = ["", "", " ", "  ", "\u3000", "\xa0", "\n", " \n ", "\t", "    "]


@st.composite
def spaced_expressions(draw):
    """The common form with the spaces PDF text puts in it (45.9 万人, 4. 2亿元, 108844.06 亿 元)."""
    digits = st.text(alphabet="0123456789", min_size=1, max_size=6)
    parts = [draw(digits)]
    if draw(st.booleans()):
        parts += [".", draw(st.sampled_from(_GAPS)), draw(digits)]
    parts += [draw(st.sampled_from(_GAPS)), draw(st.sampled_from(["", "万", "亿", "万亿", "萬", "万 亿"])),
              draw(st.sampled_from(_GAPS)), draw(st.sampled_from(_UNIT_WORDS)), draw(st.sampled_from(_SUFFIXES))]
    return "".join(parts)


@settings(max_examples=3000, deadline=None)
@given(spaced_expressions())
def test_speedups_agree_on_spaced_expressions(text):
    check(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_ARABIC + _CN + "元万亿%人项个年约近以上下左右 \n-", max_size=14))
def test_speedups_agree_on_any_text_of_their_alphabet(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_speedups_agree_on_arbitrary_text(text):
    check(text)


def test_speedups_agree_on_every_quantity_of_the_corpus():
    texts = sorted((CORPUS / "dev").glob("*.txt")) + sorted((CORPUS / "bulk").glob("*.txt"))
    if not texts:
        pytest.skip("no shared corpus")
    seen = 0
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace")
        for q in numbers.find_quantities(text):
            # The span alone, and with the words around it that normalize() also reads.
            around = text[max(0, q.start - 2):q.end + 2]
            for expr in (q.text, around, text[max(0, q.start - 3):q.end]):
                check(expr)
            seen += 1
    assert seen > 1000


def test_speedups_pure_python_gives_the_same_report(seed_report):
    # GOVREPORT_NLP_NO_SPEEDUPS=1 turns the compiled paths off at run time too: the
    # fallback a machine without a compiler gets must give the very same report.
    import json
    import subprocess
    import sys

    from conftest import SEEDS, SEED_NAME

    code = ("import json, sys, govreport_nlp; from govreport_nlp.numbers import normalizer as numbers; "
            "r = govreport_nlp.extract(open(sys.argv[1], encoding='utf-8').read()); "
            "print(json.dumps({'compiled': numbers.COMPILED, 'report': r.model_dump(mode='json')}))")
    env = dict(os.environ, GOVREPORT_NLP_NO_SPEEDUPS="1")
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS / f"{SEED_NAME}.txt")], env=env,
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["compiled"] is False
    assert got["report"] == seed_report.model_dump(mode="json")


def test_speedups_numeral_tables_are_numbers_tables():
    # The fast path spells the numeral tables out as C switches; they must be numbers'.
    big_zeros = {ch: len(str(v)) - 1 for ch, v in _CN_BIG.items()}
    for code in list(range(0x2000, 0xA000)) + [ord(ch) for ch in "0123456789"]:
        ch = chr(code)
        expected = (_CN_DIGITS.get(ch, -1), _CN_SMALL.get(ch, 0), big_zeros.get(ch, 0))
        assert speedups.numeral_value(ch) == expected, ch
