"""One table for an archive: a row per report with its metadata, theme shares and the core
indicators' latest result and this year's target, and what changed since the same place's
previous report. Built from report records alone, so it is the same from the CLI, a batch
or a notebook."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..document import THEMES

REPORT_COLUMNS = ("source", "title", "place", "year", "level", "characters", "paragraphs")
FIGURE_FIELDS = ("low", "high", "modifier", "unit")


def _figure_columns(indicators: Sequence[str]) -> list[str]:
    columns = []
    for indicator in indicators:
        for kind in ("achieved", "target"):
            base = f"{indicator}_{kind}"
            columns += [base, *(f"{base}_{field}" for field in FIGURE_FIELDS), f"{base}_change"]
    return columns


def comparison_columns(indicators: Sequence[str]) -> list[str]:
    """Every column of the table, in order."""
    shares = [f"share_{t}" for t in THEMES]
    return [*REPORT_COLUMNS, *shares, *(f"{s}_change" for s in shares), *_figure_columns(indicators), "error"]


def comparison_row(record: dict[str, Any], indicators: Sequence[str]) -> dict[str, Any]:
    """The row of one report record (summarize's JSON form), or of an error record."""
    if "error" in record:
        return {"source": record["source"], "error": record["error"]["message"]}
    row: dict[str, Any] = {
        "source": record["source"], "title": record["title"], "place": record["place"], "year": record["year"],
        "level": record["level"], "characters": record["counts"]["characters"],
        "paragraphs": record["counts"]["paragraphs"],
    }
    for theme in THEMES:
        row[f"share_{theme}"] = record["themes"].get(theme, {}).get("share", 0.0)
    for figure in record["headline"]:
        if figure["indicator"] not in indicators:
            continue
        base = f"{figure['indicator']}_{figure['kind']}"
        row[base] = figure["value"]
        for field in FIGURE_FIELDS:
            row[f"{base}_{field}"] = figure[field]
    return row


def _series(row: dict[str, Any]) -> str | None:
    """Which reports follow one another: one place's; the country's reports are one series
    whether or not a report writes the country's name (its place is then null)."""
    return "national" if row.get("level") == "national" else row["place"]


def comparison_rows(records: Iterable[dict[str, Any]], indicators: Sequence[str]) -> list[dict[str, Any]]:
    """Rows sorted by place then year (failed reports last), with ``_change`` columns: the
    difference from the same place's previous year, where both have the value."""
    rows = [comparison_row(r, indicators) for r in records]
    good = sorted((r for r in rows if "error" not in r),
                  key=lambda r: (_series(r) is None, _series(r) or "", r["year"] or 0, r["source"]))
    previous: dict[str, dict[str, Any]] = {}
    for row in good:
        place, year = _series(row), row["year"]
        before = previous.get(place) if place else None
        if before is not None and year is not None and before["year"] is not None and before["year"] < year:
            for key in [k for k in row if k.startswith("share_")] + [
                    f"{i}_{kind}" for i in indicators for kind in ("achieved", "target")]:
                now, then = row.get(key), before.get(key)
                if isinstance(now, (int, float)) and isinstance(then, (int, float)):
                    row[f"{key}_change"] = round(now - then, 6)
        if place:
            previous[place] = row
    return good + [r for r in rows if "error" in r]
