"""Tables for pandas: one CSV row per figure, or per paragraph, with the report's metadata
repeated on every row so that a whole archive concatenates into one frame. Numbers are
written as numbers (empty for none), so ``pandas.read_csv`` gives numeric columns."""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Sequence

from ..document import THEMES

REPORT_COLUMNS = ("source", "title", "place", "year", "level")
FIGURE_COLUMNS = (*REPORT_COLUMNS, "indicator", "name", "kind", "period", "value", "low", "high", "unit",
                  "modifier", "base_value", "base_unit", "paragraph", "start", "end", "text", "flags", "error")
PARAGRAPH_COLUMNS = (*REPORT_COLUMNS, "index", "heading_path", "part", "theme", "secondary",
                     *(f"score_{t}" for t in THEMES), "text", "error")


def _report_cells(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in REPORT_COLUMNS}


def figure_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one report record (a failed report: one row with its error)."""
    if "error" in record:
        return [{"source": record["source"], "error": record["error"]["message"]}]
    return [{**_report_cells(record), **f, "flags": ";".join(f["flags"])} for f in record["figures"]]


def paragraph_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    if "error" in record:
        return [{"source": record["source"], "error": record["error"]["message"]}]
    rows = []
    for p in record["paragraphs"]:
        rows.append({
            **_report_cells(record), "index": p["index"], "heading_path": " > ".join(p["heading_path"]),
            "part": p["part"], "theme": p["theme"], "secondary": ";".join(p["secondary"]),
            **{f"score_{t}": p["scores"][t] for t in THEMES}, "text": p["text"],
        })
    return rows


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str], header: bool) -> str:
    """Rows as CSV (RFC 4180, every cell that needs it quoted); None is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue()
