"""List the lines of each report in ``labels/sets.tsv`` that a structure reader must classify.

Run from the repository root: ``python labels/structure/list_lines.py``. For every report it
writes ``labels/structure/lines/<report id with / as __>.tsv`` with the columns
``line`` (1-based line number in the raw file) and ``text`` (the line, stripped).

A line is listed unless it is a long paragraph ending a sentence (STRUCTURE.md: every line
"that is not a long sentence-ending paragraph"). Long means 80 characters or more. The script
only chooses which lines are read; it proposes no class.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "labels"))
from make_sets import read_sets, resolve  # noqa: E402

LONG = 80
ENDS = ("。", "！", "？", "!", "?", "”", "」", "）", ")")


def is_body(line: str) -> bool:
    text = line.strip()
    return len(text) >= LONG and text.endswith(ENDS)


def main() -> None:
    out_dir = ROOT / "labels" / "structure" / "lines"
    out_dir.mkdir(parents=True, exist_ok=True)
    for row in read_sets():
        raw = resolve(row["path"]).read_bytes().decode("utf-8", errors="replace").splitlines()
        listed = []
        for number, line in enumerate(raw, start=1):
            if not line.strip() or is_body(line):
                continue
            listed.append((number, line.strip().replace("\t", " ")))
        name = row["report"].replace("/", "__")
        with open(out_dir / f"{name}.tsv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["line", "text"])
            writer.writerows(listed)


if __name__ == "__main__":
    main()
