"""Outputs (#26 items 3, 4): .xlsx with numbers as numbers, unknown -o refused before any
work, no BOM outside CSV, a README in an input folder is no report."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from govreport_nlp.runners import cli

from conftest import SEED_NAME, SEEDS


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SEED_NAME}.txt", folder / "seed.txt")
    return folder


def test_outputs_xlsx_has_its_sheets_and_numbers_as_numbers(tmp_path, nlp):
    pytest.importorskip("xlsxwriter")
    out = tmp_path / "facts.xlsx"
    assert cli.main(["extract", str(_folder(tmp_path)), "-q", "--no-cache", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as book:
        names = book.read("xl/workbook.xml").decode()
        assert re.findall(r'<sheet name="(\w+)"', names) == ["reports", "facts", "entities", "tables", "warnings"]
        facts = book.read("xl/worksheets/sheet2.xml").decode()
    assert re.search(r'<c r="[A-Z]+\d+"( s="\d+")?><v>3108000000</v></c>', facts)  # a number cell
    assert "<f>" not in facts  # no formula, whatever a text begins with
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("name", ["x.xls", "x.json", "x", "x.txt"])
def test_outputs_unknown_extension_is_refused_before_any_work(tmp_path, capsys, monkeypatch, name):
    ran = []
    monkeypatch.setattr(cli, "_results", lambda *a: ran.append(1) or iter(()))
    assert cli.main(["extract", str(SEEDS), "-q", "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown extension" in err and ran == []
    assert list(tmp_path.iterdir()) == []
    # --format names the format whatever the name
    assert cli.main(["extract", str(SEEDS), "-q", "--format", "jsonl", "-o", str(tmp_path / name)]) in (0, 1)


def test_outputs_excel_bom_only_on_csv(tmp_path, capsys):
    assert cli.main(["extract", str(SEEDS), "-q", "--excel", "-o", str(tmp_path / "x.jsonl")]) == 2
    assert "--excel" in capsys.readouterr().err and not (tmp_path / "x.jsonl").exists()
    assert cli.main(["panel", str(SEEDS), "-q", "--excel", "-o", str(tmp_path / "x.parquet")]) == 2


def test_outputs_readme_in_an_input_folder_is_no_report(tmp_path, nlp):
    folder = _folder(tmp_path)
    (folder / "README.md").write_text("# 说明\n本文件夹收录2017年报告。", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert cli.main(["extract", str(folder), "-q", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_outputs_csv_rows_name_their_report(tmp_path, nlp):
    import csv
    import io

    out = tmp_path / "f.csv"
    assert cli.main(["extract", str(_folder(tmp_path)), "-q", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {(r["issuer"], r["report_year"]) for r in rows} == {("土右旗", "2017")}
    assert all(r["title"] for r in rows)
