"""--manifest (#26 item 2): a CSV of the inputs whose issuer, year, url and published (and
any other column, kept as meta) override what is read from the text, in every output."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3

import pytest

from govreport_nlp.runners import cli
from govreport_nlp.runners.manifest import ManifestError, load_manifest

from conftest import SEED_NAME, SEEDS

MANIFEST = ("path,issuer,year,url,published,batch\n"
            "seed.txt,某市财政局,2019,https://example.org/seed,2020-01-15,第一批\n")


def _corpus(tmp_path, manifest: str = MANIFEST):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / f"{SEED_NAME}.txt", folder / "seed.txt")
    shutil.copy(SEEDS / f"{SEED_NAME}.txt", folder / "other.txt")  # not in the manifest
    listing = tmp_path / "files.csv"
    # The manifest names files relative to its own folder.
    listing.write_text(manifest.replace("seed.txt,", "in/seed.txt,"), encoding="utf-8")
    return folder, listing


def _csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_manifest_overrides_jsonl_and_csv_and_keeps_meta(tmp_path, nlp):
    folder, listing = _corpus(tmp_path)
    out = tmp_path / "reports.jsonl"
    assert cli.main(["extract", str(folder), "-q", "--manifest", str(listing), "-o", str(out)]) == 0
    records = {r["file"].rsplit("/", 1)[-1]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    seed, other = records["seed.txt"], records["other.txt"]
    assert (seed["issuer"], seed["report_year"], seed["published"]) == ("某市财政局", 2019, "2020-01-15")
    assert seed["url"] == "https://example.org/seed" and seed["meta"] == {"batch": "第一批"}
    assert other["issuer"] != "某市财政局" and other["url"] is None and other["meta"] == {}

    facts = tmp_path / "facts.csv"
    assert cli.main(["extract", str(folder), "-q", "--manifest", str(listing), "-o", str(facts)]) == 0
    rows = [r for r in _csv(facts) if r["file"].endswith("seed.txt")]
    assert rows and {(r["issuer"], r["report_year"], r["url"]) for r in rows} == {
        ("某市财政局", "2019", "https://example.org/seed")}
    assert json.loads(rows[0]["meta"]) == {"batch": "第一批"}


def test_manifest_in_panel_tables_and_sqlite(tmp_path, nlp):
    folder, listing = _corpus(tmp_path)
    panel = tmp_path / "panel.csv"
    assert cli.main(["panel", str(folder), "-q", "--manifest", str(listing), "-o", str(panel)]) == 0
    rows = [r for r in _csv(panel) if r["file"].endswith("seed.txt")]
    assert rows and all(r["issuer"] == "某市财政局" and r["report_year"] == "2019" and r["url"] for r in rows)

    tables = tmp_path / "tables.csv"
    assert cli.main(["tables", str(folder), "-q", "--manifest", str(listing), "-o", str(tables)]) == 0
    row = next(r for r in _csv(tables) if r["file"].endswith("seed.txt"))
    assert (row["issuer"], row["report_year"], row["url"]) == ("某市财政局", "2019", "https://example.org/seed")

    db = tmp_path / "reports.sqlite"
    assert cli.main(["extract", str(folder), "-q", "--manifest", str(listing), "-o", str(db)]) == 0
    with sqlite3.connect(db) as con:
        got = con.execute("SELECT issuer, report_year, published, url, meta FROM reports "
                          "WHERE file LIKE '%seed.txt'").fetchone()
    assert got[:4] == ("某市财政局", 2019, "2020-01-15", "https://example.org/seed")
    assert json.loads(got[4]) == {"batch": "第一批"}


def test_manifest_in_render(tmp_path, nlp):
    folder, listing = _corpus(tmp_path)
    out = tmp_path / "seed.html"
    assert cli.main(["render", str(folder / "seed.txt"), "--manifest", str(listing), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "某市财政局" in page and "2019" in page


@pytest.mark.parametrize("text, says", [
    ("issuer,year\n甲,2020\n", "no column 'path'"),
    ("path,year\na.txt,二〇二〇\n", "is no year"),
    ("path\na.txt\na.txt\n", "named twice"),
])
def test_a_bad_manifest_is_one_line_before_any_work(tmp_path, capsys, text, says):
    listing = tmp_path / "files.csv"
    listing.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=says):
        load_manifest(listing)
    src = tmp_path / "a.txt"
    src.write_text("预算资金31.08亿元。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(src), "-q", "--manifest", str(listing), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1 and not out.exists()


def test_a_missing_manifest_is_refused(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("预算资金31.08亿元。", encoding="utf-8")
    assert cli.main(["extract", str(src), "-q", "--manifest", str(tmp_path / "gone.csv")]) == 2
    assert "--manifest" in capsys.readouterr().err


def _dates(path, name):
    for record in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        if record["file"].endswith(name):
            return {e["text"]: e["value"] for e in record["entities"] if e["label"] == "DATE"}
    raise AssertionError(name)


def test_manifest_year_goes_into_the_extraction_and_its_cache_key(tmp_path, nlp):
    # The seed (土右旗's FOI report of 2017) says 今年 and 9月10日: resolved on the manifest's
    # year, not on the year read from the title and patched afterwards.
    folder, listing = _corpus(tmp_path)
    out = tmp_path / "reports.jsonl"
    assert cli.main(["extract", str(folder), "-q", "--manifest", str(listing), "-o", str(out)]) == 0
    assert (_dates(out, "seed.txt")["今年"], _dates(out, "seed.txt")["9月10日"]) == ("2019", "2019-09-10")
    assert _dates(out, "other.txt")["今年"] == "2017"
    # Another year in the manifest is another extraction, not the cached one.
    listing.write_text(MANIFEST.replace("seed.txt,", "in/seed.txt,").replace(",2019,", ",2016,"), encoding="utf-8")
    assert cli.main(["extract", str(folder), "-q", "--manifest", str(listing), "-o", str(out)]) == 0
    assert _dates(out, "seed.txt")["今年"] == "2016"


@pytest.mark.parametrize("written, iso", [("2020-01-15", "2020-01-15"), ("2020/1/5", "2020-01-05"),
                                          ("2020年1月5日", "2020-01-05"), ("2020.01.05", "2020-01-05")])
def test_manifest_published_is_read_as_an_iso_date(tmp_path, written, iso):
    _, listing = _corpus(tmp_path, MANIFEST.replace("2020-01-15", written))
    manifest = load_manifest(listing)
    assert [row["published"] for row in manifest.rows.values()] == [iso]


@pytest.mark.parametrize("written", ["2020-02-30", "去年", "2020"])
def test_manifest_published_that_is_no_date_is_refused(tmp_path, written):
    _, listing = _corpus(tmp_path, MANIFEST.replace("2020-01-15", written))
    with pytest.raises(ManifestError, match="is no date"):
        load_manifest(listing)
