"""Keep the keyword judgments both readers made alike: ``labels/keywords/agreed.jsonl``.

Run from the repository root: ``python labels/keywords/agree.py``. Reads
``labels/keywords/reader_{a,b}*.jsonl`` (``{"report", "theme", "word", "keep"}``, every round)
and ``labels/keywords/reports.tsv`` (report id, path, split), and writes one row per report:
``{"report", "path", "split", "judged": {theme: {word: keep}}}``, where theme is a theme id or
``report`` (the report's own keywords). A word the readers judged apart is left out.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _judgments(reader: str) -> dict[tuple[str, str, str], bool]:
    out = {}
    for path in sorted(HERE.glob(f"reader_{reader}*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[(row["report"], row["theme"], row["word"])] = bool(row["keep"])
    return out


def main() -> None:
    a, b = _judgments("a"), _judgments("b")
    reports = [line.split("\t") for line in (HERE / "reports.tsv").read_text(encoding="utf-8").splitlines() if line]
    same = {k: v for k, v in a.items() if b.get(k) == v}
    rows = []
    for report, path, split in reports:
        judged: dict[str, dict[str, bool]] = {}
        for (r, theme, word), keep in sorted(same.items()):
            if r == report:
                judged.setdefault(theme, {})[word] = keep
        rows.append({"report": report, "path": path, "split": split, "judged": judged})
    with open(HERE / "agreed.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    both = [k for k in a if k in b]
    print(f"{len(reports)} reports; {len(same)} of {len(both)} words judged alike by both readers "
          f"({sum(same.values())} yes)")


if __name__ == "__main__":
    main()
