"""Keep what the two structure readers decided alike.

Run from the repository root: ``python labels/structure/agree.py``. Reads
``labels/structure/reader_{a,b}/`` and writes ``labels/structure/agreed.jsonl``, one object per
report that both readers finished:

    {"report", "source", "path", "split",
     "lines": [{"line", "text", "class", "level", "part"}],   # class agreed; level/part null unless agreed
     "metadata": {"title", "place", "year", "level", "date", "speaker"}}  # only agreed fields

and prints the agreement per class and per metadata field. Lines the readers classed
differently are left out (STRUCTURE.md: keep what both gave alike).
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "labels"))
from make_sets import read_sets  # noqa: E402

HERE = ROOT / "labels" / "structure"
FIELDS = ("title", "place", "year", "level", "date", "speaker")


def _read_reader(name: str) -> tuple[dict[str, dict[int, dict]], dict[str, dict]]:
    folder = HERE / f"reader_{name}"
    lines: dict[str, dict[int, dict]] = {}
    for path in folder.glob("*.tsv"):
        with open(path, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        lines[path.stem.replace("__", "/")] = {int(r["line"]): r for r in rows if r.get("line", "").isdigit()}
    meta = {}
    meta_path = folder / "metadata.jsonl"
    if meta_path.exists():
        for raw in meta_path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                obj = json.loads(raw)
                meta[obj["report"]] = obj
    return lines, meta


def main() -> None:
    a_lines, a_meta = _read_reader("a")
    b_lines, b_meta = _read_reader("b")
    by_class: Counter[str] = Counter()
    agreed_class: Counter[str] = Counter()
    field_agree: Counter[str] = Counter()
    field_total: Counter[str] = Counter()
    out = []
    for row in read_sets():
        report = row["report"]
        if report not in a_lines or report not in b_lines:
            continue
        kept = []
        for number, ra in sorted(a_lines[report].items()):
            rb = b_lines[report].get(number)
            if rb is None:
                continue
            by_class[ra["class"]] += 1
            if ra["class"] != rb["class"]:
                continue
            agreed_class[ra["class"]] += 1
            kept.append({
                "line": number, "text": ra["text"], "class": ra["class"],
                "level": int(ra["level"]) if ra["level"] and ra["level"] == rb["level"] else None,
                "part": ra["part"] if ra["part"] and ra["part"] == rb["part"] else None,
            })
        metadata = {}
        for field in FIELDS if report in a_meta and report in b_meta else ():
            field_total[field] += 1
            va, vb = a_meta[report].get(field), b_meta[report].get(field)
            if va == vb:
                field_agree[field] += 1
                metadata[field] = va
        out.append({**{k: row[k] for k in ("report", "source", "path", "split")}, "lines": kept, "metadata": metadata})
    with open(HERE / "agreed.jsonl", "w", encoding="utf-8") as handle:
        for obj in out:
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"{len(out)} reports read by both readers")
    for cls, n in by_class.most_common():
        print(f"  {cls:<10} {agreed_class[cls]}/{n} lines agreed (as reader a classed them)")
    for field in FIELDS:
        print(f"  {field:<10} {field_agree[field]}/{field_total[field]} reports agreed")


if __name__ == "__main__":
    main()
