"""Gather the two summary readers' picks into ``labels/summaries/picks.jsonl``.

Run from the repository root: ``python labels/summaries/collect.py``. Reads every
``labels/summaries/reader_{a,b}_batch*.jsonl`` (``{"report", "picks": [n, ...]}``, numbers
of ``sentences/<report>.tsv``) and writes one object per report a reader did:
``{"report", "source", "path", "split", "a": [sentence, ...], "b": [sentence, ...]}`` (a reader
who has not done the report yet is left out) with
the picked sentences' texts, so that scoring needs neither the numbering nor this script.
Both picks are kept: SUMMARIES.md scores a system against each reader and averages.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "labels"))
from make_sets import read_sets  # noqa: E402

HERE = ROOT / "labels" / "summaries"


def _picks(reader: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for path in sorted(HERE.glob(f"reader_{reader}_batch*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                out[obj["report"]] = [int(n) for n in obj["picks"]]
    return out


def _sentences(report: str) -> dict[int, str]:
    with open(HERE / "sentences" / f"{report.replace('/', '__')}.tsv", encoding="utf-8") as handle:
        return {int(r["n"]): r["text"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


def main() -> None:
    a, b = _picks("a"), _picks("b")
    rows = []
    for row in read_sets():
        report = row["report"]
        if report in a or report in b:
            sentences = _sentences(report)
            picked = {reader: [sentences[n] for n in got[report]] for reader, got in (("a", a), ("b", b))
                      if report in got}
            rows.append({**{k: row[k] for k in ("report", "source", "path", "split")}, **picked})
    with open(HERE / "picks.jsonl", "w", encoding="utf-8") as handle:
        for obj in rows:
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    two = [r for r in rows if "a" in r and "b" in r]
    same = sum(len(set(r["a"]) & set(r["b"])) for r in two)
    print(f"{len(rows)} reports picked, {len(two)} by both readers; {same} of {5 * len(two)} of their picks "
          "the same sentence")


if __name__ == "__main__":
    main()
