"""devzone figures: records that validate, CSV that pandas reads with numeric columns, and the
figures in the summarize output."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from .conftest import ROOT, run_cli, seed


def test_figures_csv_reads_into_pandas_with_numeric_columns():
    pandas = pytest.importorskip("pandas")
    proc = run_cli("figures", str(ROOT / "seeds"), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    frame = pandas.read_csv(io.BytesIO(proc.stdout))
    assert len(frame) > 10
    for column in ("value", "low", "high", "base_value", "paragraph", "start", "end"):
        assert frame[column].dtype.kind in "fi", column
    row = frame[(frame.indicator == "gdp_total") & frame.source.str.contains("002_")].iloc[0]
    assert (row.value, row.unit, row.base_value, row.kind) == (107.92, "亿元", 1.0792e10, "achieved")


def test_figures_records_validate_and_point_at_their_text():
    proc = run_cli("figures", str(seed("004")), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    schema = json.loads(run_cli("schema", "--command", "figures").stdout)
    jsonschema.validate(record, schema)
    assert record["place"] == "通辽市" and record["level"] == "city"
    growth = [f for f in record["headline"] if f["indicator"] == "gdp_growth" and f["kind"] == "target"]
    assert growth and growth[0]["value"] == 6 and growth[0]["modifier"] == "at_least"


def test_summarize_carries_figures_with_provenance():
    proc = run_cli("summarize", str(seed("002")))
    record = json.loads(proc.stdout)
    assert record["counts"]["figures"] == len(record["figures"]) > 0
    for f in record["figures"]:
        assert record["paragraphs"][f["paragraph"]]["text"][f["start"]:f["end"]] == f["text"]
    headline = {(f["indicator"], f["kind"]): f["value"] for f in record["headline"]}
    assert headline[("gdp_total", "achieved")] == 107.92
    assert headline[("gdp_growth", "achieved")] == 3.4


def test_summarize_csv_has_one_row_per_paragraph():
    pandas = pytest.importorskip("pandas")
    proc = run_cli("summarize", str(seed("000")), str(seed("004")), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    frame = pandas.read_csv(io.BytesIO(proc.stdout))
    reports = [json.loads(run_cli("summarize", str(seed(k))).stdout) for k in ("000", "004")]
    assert len(frame) == sum(len(r["paragraphs"]) for r in reports)
    assert frame["score_industry"].dtype.kind == "f"
    assert list(frame.text) == [p["text"] for r in reports for p in r["paragraphs"]]
