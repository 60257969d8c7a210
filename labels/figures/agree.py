"""Keep the core-indicator figures both figures readers recorded identically.

Run from the repository root: ``python labels/figures/agree.py``. Reads every
``labels/figures/reader_{a,b}_batch*.jsonl`` and writes ``labels/figures/agreed.jsonl``: one
object per report both readers finished, ``{"report", "source", "path", "split", "figures":
[...]}``, each figure with the fields of FIGURES.md. A figure is kept when both readers gave the
same indicator, kind and period with the same value, low, high, unit and modifier; the rest is
printed for settling and left out (FIGURES.md: keep what both recorded identically), unless
``settled.jsonl`` holds a decision for it, with its reason.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "labels"))
from make_sets import read_sets  # noqa: E402

HERE = ROOT / "labels" / "figures"
VALUE_FIELDS = ("value", "low", "high", "unit", "modifier")


def _unit(unit: str | None) -> str | None:
    return unit.replace("％", "%") if unit else unit


def _read(reader: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for path in sorted(HERE.glob(f"reader_{reader}_batch*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                out.setdefault(obj["report"], [])
                if obj.get("indicator"):
                    obj["unit"] = _unit(obj.get("unit"))
                    out[obj["report"]].append(obj)
    return out


def _key(f: dict) -> tuple:
    return (f["indicator"], f["kind"], f.get("period"))


def _same(a: dict, b: dict) -> bool:
    for field in VALUE_FIELDS:
        x, y = a.get(field), b.get(field)
        if isinstance(x, (int, float)) and isinstance(y, (int, float)):
            if abs(x - y) > 1e-9:
                return False
        elif x != y and not (field == "unit" and a.get("modifier") == "in_step"):
            return False
    return True


def main() -> None:
    a, b = _read("a"), _read("b")
    # Disagreements a third reading settled, with the reason for each.
    settled_path = HERE / "settled.jsonl"
    settled = [json.loads(line) for line in settled_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    rows = []
    for row in read_sets():
        report = row["report"]
        if report not in a or report not in b:
            continue
        b_by_key = {_key(f): f for f in b[report]}
        a_keys = {_key(f) for f in a[report]}
        kept = []
        for f in a[report]:
            total_by[f["indicator"]] += 1
            other = b_by_key.get(_key(f))
            if other is not None and _same(f, other):
                kept_by[f["indicator"]] += 1
                kept.append({k: f.get(k) for k in ("indicator", "name", "kind", "period", *VALUE_FIELDS, "sentence")})
            else:
                print(f"settle {report}: a {_key(f)} {[f.get(x) for x in VALUE_FIELDS]} "
                      f"b {[other.get(x) for x in VALUE_FIELDS] if other else None}")
        for f in b[report]:
            if _key(f) not in a_keys:
                total_by[f["indicator"]] += 1
                print(f"settle {report}: only b {_key(f)} {[f.get(x) for x in VALUE_FIELDS]}")
        kept += [s["figure"] for s in settled if s["report"] == report and s["decision"] == "keep"]
        rows.append({**{k: row[k] for k in ("report", "source", "path", "split")}, "figures": kept})
    with open(HERE / "agreed.jsonl", "w", encoding="utf-8") as handle:
        for obj in rows:
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"{len(rows)} reports read by both readers")
    for indicator, n in total_by.most_common():
        print(f"  {indicator:<24} {kept_by[indicator]}/{n} agreed")


if __name__ == "__main__":
    main()
