"""The Dask recipe on a local cluster: files in, Parquet out, bad files as error rows."""

from __future__ import annotations

import pytest

from govreport_nlp.runners.scaleout import extract_to_parquet

from conftest import SEED_NAME, SEEDS

distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")


def test_scaleout_dask_local_cluster_writes_parquet(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("截至11月底,共办理各类审批服务事项157675件,办结率100%。", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe\xfa\x00\x81" * 3)
    paths = [SEEDS / f"{SEED_NAME}.txt", folder / "a.txt", folder / "b.txt", folder / "gone.txt"]
    # processes=False: the workers are threads of this process and share its pipeline,
    # as the threads of one worker process do on a real cluster.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        counts = extract_to_parquet(paths, tmp_path / "out", client=client, files_per_partition=2)
    assert counts["documents"] == 4 and counts["failed"] == 2
    docs = pq.read_table(tmp_path / "out" / "documents").to_pandas()
    assert sorted(docs["file"].str.rsplit("/", n=1).str[-1]) == ["a.txt", "b.txt", "gone.txt", f"{SEED_NAME}.txt"]
    assert docs.loc[docs["file"].str.endswith("gone.txt"), "error"].item().startswith("InputError")
    facts = pq.read_table(tmp_path / "out" / "facts").to_pandas()
    assert counts["facts"] == len(facts)
    row = facts[facts["text"] == "157675件"].iloc[0]
    assert (row["subject"], row["value"], row["unit"]) == ("审批服务事项", "157675", "件")
    assert len(facts[facts["file"].str.endswith(f"{SEED_NAME}.txt")]) == int(
        docs.loc[docs["file"].str.endswith(f"{SEED_NAME}.txt"), "facts"].item())
