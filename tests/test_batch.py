"""Batches: parallel and Dask runs give the same records as a local run."""

from __future__ import annotations

import json
import shutil

import pytest
from devzone import app as cli_app

from .conftest import ROOT, run_cli


@pytest.fixture()
def archive(tmp_path):
    d = tmp_path / "archive"
    d.mkdir()
    for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt")) * 2):
        shutil.copy(p, d / f"{i:02d}_{p.name}")
    (d / "zz_bad.txt").write_bytes(b"%PDF-1.5\n" + bytes(100))
    return d


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_jobs_2_equals_jobs_1_in_input_order(archive):
    one = run_cli("summarize", str(archive), "--format", "jsonl", "--jobs", "1")
    two = run_cli("summarize", str(archive), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(_lines(one.stdout.decode())) == 11


def test_completion_order_has_the_same_records(archive):
    ordered = _lines(run_cli("summarize", str(archive), "--format", "jsonl").stdout.decode())
    unordered = _lines(run_cli("summarize", str(archive), "--format", "jsonl", "--jobs", "2", "--order", "completion").stdout.decode())
    key = lambda r: r["source"]  # noqa: E731
    assert sorted(ordered, key=key) == sorted(unordered, key=key)


def test_dask_cluster_gives_the_local_output(archive, capsys):
    distributed = pytest.importorskip("distributed")
    local = run_cli("summarize", str(archive), "--format", "jsonl")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        code = cli_app._main(
            ["summarize", str(archive), "--format", "jsonl", "--jobs", "2", "--backend", "dask",
             "--scheduler", cluster.scheduler_address],
            debug=False,
        )
    out = capsys.readouterr().out
    assert code == 1
    assert _lines(out) == _lines(local.stdout.decode())


@pytest.mark.parametrize("jobs,backend", [(1, "loky"), (2, "loky"), (2, "dask")])
def test_library_batch_gives_the_reports_the_cli_prints(archive, jobs, backend):
    if backend == "dask":
        pytest.importorskip("dask.distributed")
    from devzone import Analyzer, Failure, Report

    cli = _lines(run_cli("summarize", str(archive), "--format", "jsonl").stdout.decode())
    items = list(Analyzer().analyse_many([str(archive)], jobs=jobs, backend=backend))
    assert [type(i) for i in items] == [Report] * 10 + [Failure]
    assert [json.loads(json.dumps(i.to_dict(), ensure_ascii=False)) for i in items] == cli
