"""What the evaluations share: reading a reference file and finding the labeled reports."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import LabelError

_SPACE = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """Text without whitespace or Markdown heading marks, for comparing lines."""
    return _SPACE.sub("", (text or "").lstrip("#"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise LabelError([f"{path}: no such reference file (build it with the scripts in labels/)"])
    rows, problems = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{n}: bad JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or "report" not in obj:
            problems.append(f"{path}:{n}: not a reference row")
            continue
        rows.append(obj)
    if problems:
        raise LabelError(problems)
    return rows


def report_file(path: str, repo: Path, corpus: Path) -> Path:
    """A reference row's file: seeds live in the repository, the corpus beside it."""
    return repo / path if path.startswith("seeds/") else corpus / path


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def held_out(name: str) -> bool:
    """Whether a set (a split, or a name set_name gives) holds reports scored, never read."""
    return name.startswith("heldout")


def blind(misses: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The misses to list, and how many there are per held-out set, unlisted: a held-out
    report is scored, never read, or the rules would soon be tuned on it."""
    listed = [m for m in misses if not held_out(m["split"])]
    return listed, dict(Counter(m["split"] for m in misses if held_out(m["split"])))


def unlisted_text(unlisted: dict[str, int]) -> list[str]:
    return [f"  [{split}] {count} more, not listed: held-out reports are scored, never read"
            for split, count in sorted(unlisted.items())]


# The State Council's reports (1954-2025) are another kind of text than the local reports of
# 2024-2025: scored together, either would hide the other.
SOURCES_APART = ("national",)


def set_name(row: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    """The row's split; a source held out whole (no report of it tuned on) is a set of its own,
    since it measures the rules on templates they never met, and so is a source of its own kind."""
    if row["split"] == "heldout" and all(r["split"] == "heldout" for r in rows if r["source"] == row["source"]):
        return f"heldout, whole source: {row['source']}"
    if row["source"] in SOURCES_APART:
        return f"{row['split']}, {row['source']}"
    return row["split"]
