"""The command line on real report files."""

from __future__ import annotations

import csv
import io
import json

from govreport_nlp.runners import cli

from conftest import SEED_NAME, SEEDS


def test_cli_extract_jsonl_one_report_per_line(tmp_path, nlp, capsys):
    out = tmp_path / "out.jsonl"
    code = cli.main(["extract", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)])
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["file"].endswith(f"{SEED_NAME}.txt") and record["report_year"] == 2017
    assert any(f["quantity"]["text"] == "31.08亿元" for f in record["facts"])


def test_cli_extract_csv_one_row_per_fact(tmp_path, nlp):
    out = tmp_path / "facts.csv"
    assert cli.main(["extract", str(SEEDS / f"{SEED_NAME}.txt"), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert set(cli.CSV_COLUMNS) == set(rows[0])
    row = next(r for r in rows if r["text"] == "31.08亿元")
    assert (row["subject"], row["value"], row["unit"], row["kind"]) == ("预算资金", "3108000000", "元", "money")


def test_cli_folder_with_a_bad_file_writes_the_rest(tmp_path, nlp, capsys):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("预算资金31.08亿元。", encoding="utf-8")
    (folder / "sub" / "b.txt").write_bytes("资金节约率4.18%。".encode("gbk"))
    (folder / "sub" / "c.txt").write_bytes(b"\xff\xfe\xfa\x00\x81" * 3)
    out = tmp_path / "out.jsonl"
    code = cli.main(["extract", str(folder), "-o", str(out), "--quiet"])
    assert code == 1
    files = [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt", "b.txt"]
    assert "skipped" in capsys.readouterr().err


def test_cli_missing_file_is_reported(tmp_path, nlp, capsys):
    out = tmp_path / "out.jsonl"
    code = cli.main(["extract", str(tmp_path / "gone.txt"), str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out), "-q"])
    assert code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert "gone.txt" in capsys.readouterr().err


def test_cli_stdin(monkeypatch, nlp, capsys):
    class FakeStdin:
        buffer = io.BytesIO("项目中标资金29.78亿元".encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert cli.main(["extract", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["facts"][0]["quantity"]["value"] == "2978000000"


def test_cli_tables_one_row_per_report(tmp_path, nlp):
    from conftest import DEV

    if not DEV.is_dir():
        import pytest

        pytest.skip("no dev corpus")
    out = tmp_path / "tables.csv"
    code = cli.main(["tables", str(DEV / "hebei_jyt_foi_2023.txt"), str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out), "-q"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    assert rows[0]["template"] == "2021" and rows[0]["table3/总计/总计"] == "19" and rows[0]["warnings"] == "0"
    assert rows[1]["template"] == "" and rows[1]["table3/总计/总计"] == ""
