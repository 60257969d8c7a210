"""devzone compare: one table for an archive, as CSV for pandas and as one self-contained page."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess

import pytest

from .conftest import LABELS, ROOT, run_cli, seed

PROVINCES = ROOT.parent / "shared" / "corpus" / "province-2025"


@pytest.fixture(scope="module")
def province_csv() -> bytes:
    if not PROVINCES.is_dir():
        pytest.skip("the shared corpus is not beside the checkout")
    proc = run_cli("compare", str(PROVINCES), "--format", "csv", "--jobs", "2", timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_province_table_reads_into_pandas_with_numeric_indicator_columns(province_csv):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.BytesIO(province_csv))
    assert len(frame) == 31
    assert list(frame.place) == sorted(frame.place)
    for column in ("gdp_growth_achieved", "gdp_growth_target", "gdp_growth_target_low", "urban_new_jobs_target",
                   "share_industry", "year"):
        assert frame[column].dtype.kind in "fi", column


def test_gdp_growth_targets_match_the_readers_agreed_figures(province_csv):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.BytesIO(province_csv))
    agreed = [json.loads(line) for line in (LABELS / "figures" / "agreed.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file = {row["path"].split("/")[-1]: row for row in agreed if row["source"] == "province-2025"}
    compared = 0
    for _, row in frame.iterrows():
        label = next((f for f in by_file[row.source.split("/")[-1]]["figures"]
                      if f["indicator"] == "gdp_growth" and f["kind"] == "target"), None)
        if label is None:
            continue
        compared += 1
        if label["value"] is not None:
            assert row.gdp_growth_target == label["value"], row.source
        else:
            assert (row.gdp_growth_target_low, row.gdp_growth_target_high) == (label["low"], label["high"]), row.source
        assert row.gdp_growth_target_modifier == label["modifier"], row.source
    assert compared == 31


def test_a_place_over_two_years_gets_change_columns(tmp_path):
    first = tmp_path / "a2024.txt"
    second = tmp_path / "a2025.txt"
    first.write_text("2024年某某省政府工作报告\n各位代表：\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。推进项目建设。\n", encoding="utf-8")
    second.write_text("2025年某某省政府工作报告\n各位代表：\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。推进项目建设。\n", encoding="utf-8")
    rows = [json.loads(line) for line in run_cli("compare", str(tmp_path), "--format", "jsonl").stdout.splitlines()]
    assert [r["year"] for r in rows] == [2024, 2025]
    assert rows[1]["gdp_growth_target_change"] == pytest.approx(0.5)
    assert "gdp_growth_target_change" not in rows[0]


def test_the_countrys_reports_are_one_series_whether_or_not_they_write_its_name(tmp_path):
    opening = "政府工作报告\n各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n"
    (tmp_path / "2024.txt").write_text(
        "2024年" + opening + "中华人民共和国成立七十五周年。今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    (tmp_path / "2025.txt").write_text(
        "2025年" + opening + "今年发展主要预期目标是：国内生产总值增长4.5%左右。\n", encoding="utf-8")
    rows = [json.loads(line) for line in run_cli("compare", str(tmp_path), "--format", "jsonl").stdout.splitlines()]
    assert [(r["place"], r["level"], r["year"]) for r in rows] == [
        ("中华人民共和国", "national", 2024), (None, "national", 2025)]
    assert rows[1]["gdp_growth_target_change"] == pytest.approx(-0.5)


def test_a_failed_report_is_a_row_with_an_error(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    (tmp_path / "good.txt").write_bytes(seed("004").read_bytes())
    proc = run_cli("compare", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows[0]["place"] == "通辽市" and "error" in rows[1]


def test_the_library_gives_the_same_rows_and_a_dataframe():
    pytest.importorskip("pandas")
    from devzone import Analyzer
    from devzone.compare import to_dataframe

    rows = Analyzer().compare([str(seed("004")), str(seed("002"))])
    frame = to_dataframe(rows)
    assert len(frame) == 2 and frame["share_industry"].dtype.kind == "f"
    cli = [json.loads(line) for line in run_cli("compare", str(seed("004")), str(seed("002")), "--format", "jsonl").stdout.splitlines()]
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == cli


def _page(paths: list[str]) -> str:
    proc = run_cli("compare", *paths, "--format", "html", timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


def test_the_page_is_self_contained_with_its_table_and_charts():
    page = _page([str(ROOT / "seeds")])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing fetched
    assert page.count('<svg class="chart"') == 2 and 'id="theme-shares"' in page and 'id="growth"' in page
    assert page.count("<rect") >= 5 and "<table class=\"sortable\">" in page
    assert page.count("<tr>") == 6  # a header and the five seeds
    assert "通辽市" in page


@pytest.mark.parametrize("which", ["seeds", "provinces"])
def test_the_page_renders_in_a_browser_with_its_charts(tmp_path, which):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no headless browser installed (Debian: apt-get install chromium)")
    if which == "provinces" and not PROVINCES.is_dir():
        pytest.skip("the shared corpus is not beside the checkout")
    page = tmp_path / "page.html"
    page.write_text(_page([str(ROOT / "seeds") if which == "seeds" else str(PROVINCES)]), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,1600", page.as_uri()], capture_output=True, timeout=120)
    assert shot.is_file()
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20  # not blank: text, bars and dots in many colours
    # the theme-share bars' colours are on the page
    present = {c for _, c in colours}
    assert (0x4E, 0x79, 0xA7) in present and (0xF2, 0x8E, 0x2B) in present
