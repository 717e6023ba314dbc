"""The command line on real report files."""

from __future__ import annotations

import csv
from decimal import Decimal
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


def test_cli_output_that_is_an_input_is_refused_untouched(tmp_path, nlp, capsys):
    a = tmp_path / "a.txt"
    a.write_text("预算资金31.08亿元。", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("受理申请15件。", encoding="utf-8")
    before = a.read_bytes()
    assert cli.main(["extract", str(a), str(b), "--format", "csv", "-o", str(a)]) == 2
    assert a.read_bytes() == before
    assert "also an input" in capsys.readouterr().err


def test_cli_output_inside_an_input_folder_or_a_directory_is_refused(tmp_path, nlp, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("预算资金31.08亿元。", encoding="utf-8")
    assert cli.main(["extract", str(folder), "-o", str(folder / "facts.jsonl")]) == 2
    assert not (folder / "facts.jsonl").exists()
    assert cli.main(["extract", str(folder / "a.txt"), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "inside the input folder" in err and "is a directory" in err


def test_cli_failed_run_leaves_no_half_file(tmp_path, nlp, monkeypatch):
    import pytest

    out = tmp_path / "facts.jsonl"
    out.write_text("yesterday's results\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_results", crash)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["extract", str(SEEDS / f"{SEED_NAME}.txt"), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "yesterday's results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]


def test_cli_csv_cells_that_start_a_formula_are_neutralised(tmp_path, nlp):
    # A report whose text begins with a formula, as a crafted page could.
    src = tmp_path / "=cmd.txt"
    src.write_text("=HYPERLINK(\"http://example.invalid\")预算资金31.08亿元，增长-3.2%。", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert cli.main(["extract", str(src), "-o", str(out), "-q"]) == 0  # .csv: the format follows -o
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(not r[k].startswith(cli._FORMULA_START) or cli._SIGNED_NUMBER.fullmatch(r[k])
                        for r in rows for k in r if r[k])
    assert any(r["text"] == "-3.2%" for r in rows)  # a negative number is data: never guarded
    assert any(r["sentence"].startswith("'=") for r in rows)
    raw = tmp_path / "raw.csv"
    assert cli.main(["extract", str(src), "-o", str(raw), "-q", "--raw-csv"]) == 0
    assert any(r["sentence"].startswith("=") for r in csv.DictReader(io.StringIO(raw.read_text(encoding="utf-8"))))


def test_cli_bad_option_values_exit_2(capsys):
    assert cli.main(["extract", "x.txt", "-j", "-3"]) == 2
    assert cli.main(["extract", "x.txt", "--report-year", "1850"]) == 2
    assert "-j -3" in capsys.readouterr().err


def test_cli_version_and_closed_pipe(tmp_path):
    import subprocess
    import sys

    import govreport_nlp

    out = subprocess.run([sys.executable, "-m", "govreport_nlp", "--version"], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == f"govreport-nlp {govreport_nlp.__version__}"
    # `... --format csv | head -1`: the reader goes away; no traceback.
    proc = subprocess.Popen([sys.executable, "-m", "govreport_nlp", "extract", str(SEEDS / f"{SEED_NAME}.txt"),
                             "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and "Traceback" not in err


def test_cli_sqlite_output_has_the_five_tables(tmp_path, seed_text):
    import sqlite3

    from govreport_nlp.runners.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tuyouqi.txt").write_text(seed_text, encoding="utf-8")
    db_path = tmp_path / "reports.sqlite"
    assert main(["extract", str(folder), "-q", "-o", str(db_path)]) == 0
    db = sqlite3.connect(db_path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"reports", "facts", "entities", "table_cells", "warnings", "facts_fts"} <= tables
    assert all(t in {"reports", "facts", "entities", "table_cells", "warnings"} or t.startswith("facts_fts")
               for t in tables)
    (issuer, year), = db.execute("SELECT issuer, report_year FROM reports")
    assert (issuer, year) == ("土右旗", 2017)
    value, exact, unit = db.execute("SELECT value, value_exact, unit FROM facts WHERE text = '31.08亿元'").fetchone()
    assert (value, exact, unit) == (3108000000.0, "3108000000", "元")
    assert db.execute("SELECT count(*) FROM entities WHERE label = 'ORG'").fetchone()[0] > 0
    assert not list(tmp_path.glob(".reports.sqlite.*"))  # the temporary file was renamed


def test_cli_excel_csv_starts_with_a_bom(tmp_path, seed_text):
    from govreport_nlp.runners.cli import main

    src = tmp_path / "r.txt"
    src.write_text(seed_text, encoding="utf-8")
    out = tmp_path / "out" / "facts.csv"
    assert main(["extract", str(src), "--excel", "-q", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "31.08亿元".encode("utf-8") in data


def test_cli_panel_is_one_long_table_across_reports(tmp_path, seed_text):
    import csv as csv_module

    from govreport_nlp.runners.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tuyouqi.txt").write_text(seed_text, encoding="utf-8")
    out = tmp_path / "panel.csv"
    assert main(["panel", str(folder), "-q", "-o", str(out)]) == 0
    rows = list(csv_module.DictReader(out.open(encoding="utf-8")))
    assert {r["source"] for r in rows} == {"fact"}  # a 2017 report: no template tables
    budget = next(r for r in rows if r["text"] == "31.08亿元")
    assert (budget["issuer"], budget["report_year"], budget["subject"], budget["value_exact"]) == (
        "土右旗", "2017", "预算资金", "3108000000")


def test_cli_panel_api_has_template_cells(nlp):
    import pytest

    pytest.importorskip("pandas")
    import govreport_nlp

    from conftest import DEV

    path = DEV / "hebei_jyt_foi_2023.txt"
    if not path.is_file():
        pytest.skip("no dev corpus")
    frame = govreport_nlp.panel([path])
    cells = frame[frame["source"] == "table"]
    total = cells[(cells["table"] == "table3") & (cells["row"] == "本年新收政府信息公开申请数量")
                  & (cells["column"] == "总计")]
    assert total["value"].item() == 19.0 and total["report_year"].item() == 2023


def test_cli_parquet_and_sqlite_long_tables_keep_numbers_typed(tmp_path, seed_text):
    import sqlite3

    import pytest

    pq = pytest.importorskip("pyarrow.parquet")
    from govreport_nlp.runners.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tuyouqi.txt").write_text(seed_text, encoding="utf-8")
    facts = tmp_path / "facts.parquet"
    assert main(["extract", str(folder), "-q", "-o", str(facts)]) == 0
    table = pq.read_table(facts).to_pylist()
    budget = next(r for r in table if r["text"] == "31.08亿元")
    assert (budget["value"], budget["value_exact"], budget["start"] > 0, budget["subject"]) == (
        3108000000.0, Decimal("3108000000"), True, "预算资金")  # value_exact is decimal128: exact
    assert pq.read_schema(facts).field("value_exact").type.scale == 12
    assert (budget["issuer"], budget["report_year"]) == ("土右旗", 2017)  # a row names its report
    panel = tmp_path / "panel.parquet"
    assert main(["panel", str(folder), "-q", "-o", str(panel)]) == 0
    rows = pq.read_table(panel).to_pylist()
    assert {r["report_year"] for r in rows} == {2017} and any(r["value"] == 3108000000.0 for r in rows)
    db_path = tmp_path / "panel.sqlite"
    assert main(["panel", str(folder), "-q", "-o", str(db_path)]) == 0
    (n, year), = sqlite3.connect(db_path).execute("SELECT count(*), max(report_year) FROM panel")
    assert n == len(rows) and year == 2017
    assert not list(tmp_path.glob(".*.part"))  # every temporary file was renamed


def test_cli_parquet_to_stdout_is_refused(capsys, seed_text, tmp_path):
    from govreport_nlp.runners.cli import main

    src = tmp_path / "r.txt"
    src.write_text(seed_text, encoding="utf-8")
    assert main(["extract", str(src), "--format", "parquet"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err
