"""numbers.read_cell: the one exact reader of table cells and statistics-row cells (#22
item 2). Cells are copied from the shared dev reports and tests/data (file named beside
each group); the corpus sweep checks that it reads every cell the table reader reads, to
the same value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govreport_nlp.numbers import read_cell

DATA = Path(__file__).resolve().parent / "data"
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

CELLS = [
    # FOI template tables (hebei_jyt_foi_2023, tests/data/huaian_city_foi_2024.txt).
    ("156", (Decimal("156"), "")),
    ("0", (Decimal("0"), "")),
    ("7417", (Decimal("7417"), "")),
    ("397.619", (Decimal("397.619"), "")),
    # Statistics rows with a change column (shandong_province_final_accounts_2023_excerpt).
    ("-13.7", (Decimal("-13.7"), "")),
    ("100.0", (Decimal("100.0"), "")),
    # Thousands separators and full-width digits (budget tables; PDF text after the readers).
    ("1,550", (Decimal("1550"), "")),
    ("631,600", (Decimal("631600"), "")),
    ("９９．５", (Decimal("99.5"), "")),
    ("１，２３４", (Decimal("1234"), "")),
    # A unit after the number (FOI 2017 template: 收费金额 in 万元; PDF text: 1560.05 万元).
    ("3000元", (Decimal("3000"), "元")),
    ("1560.05 万元", (Decimal("1560.05"), "万元")),
    ("2.5亿元", (Decimal("2.5"), "亿元")),
    ("12.5%", (Decimal("12.5"), "%")),
    ("12.5％", (Decimal("12.5"), "%")),
    ("36个", (Decimal("36"), "个")),
    ("8件", (Decimal("8"), "件")),
    ("536 万", (Decimal("536"), "万")),
    # Signs as tables print them.
    ("－2.0", (Decimal("-2.0"), "")),
    ("−0.3", (Decimal("-0.3"), "")),
    ("+4.1", (Decimal("4.1"), "")),
]


@pytest.mark.parametrize("cell, want", CELLS, ids=[c for c, _ in CELLS])
def test_numbers_read_cell_reads_cells_exactly(cell, want):
    got = read_cell(cell)
    assert got == want
    assert str(got[0]) == str(want[0])  # as printed: 100.0 keeps its zero


NOT_ONE_NUMBER = [
    "", "—", "-", "－", "——", "/", "2.其他", "1.属于", "1,23", "1234,567", "1.2.3", "12 34", "3年底",
    "（其中修订16件）", "合计", "1234567890123456789",  # 19 digits: two cells run together
]


@pytest.mark.parametrize("cell", NOT_ONE_NUMBER)
def test_numbers_read_cell_gives_none_for_no_single_number(cell):
    assert read_cell(cell) is None


def test_numbers_read_cell_digit_limit_is_a_parameter():
    assert read_cell("123456789012345678") == (Decimal("123456789012345678"), "")
    assert read_cell("12345", max_digits=4) is None
    assert read_cell("0.0001", max_digits=1) == (Decimal("0.0001"), "")  # leading zeros are no digits of size


def _tab_cells():
    files = [DATA / "huaian_city_foi_2024.txt", DATA / "shanghai_office_foi_2025.txt"]
    if DEV.is_dir():
        files += sorted(DEV.glob("*.txt"))
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                yield from (c.strip() for c in line.split("\t")[1:])


@pytest.mark.skipif(not DEV.is_dir(), reason="needs the tables of ../shared/corpus/dev (tests/data's reports print theirs without tabs)")
def test_numbers_read_cell_reads_every_cell_the_table_reader_reads():
    # The table reader's own number pattern and reading (rules/table_cells.py) on the cells
    # of the reports' tables: read_cell gives the same value wherever that reader reads one.
    from govreport_nlp.rules import table_cells

    read = 0
    for cell in _tab_cells():
        if not table_cells.NUMBER.fullmatch(cell):
            continue
        old = table_cells.as_number(cell, money=False)
        got = read_cell(cell)
        assert got is not None, cell
        if old is not None:
            assert got[0] == Decimal(str(old)), cell
        read += 1
    assert read > 500
