"""Assemble labels/paragraphs.jsonl from the readers' decision files.

Inputs: the proposal pool rows (id, text, source, proposed theme), the
readers' decisions ({"id", "theme", "secondary", "note"}) and the second
readers' review decisions, which override the first read. Every output row
carries the label a reader decided; the script's proposal is kept beside it
only to measure how often reading overruled it.

usage: python labels/merge_batches.py META.json DECISIONS_DIR > labels/paragraphs.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    meta = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    folder = Path(sys.argv[2])
    decided: dict[str, dict] = {}
    for path in sorted(folder.glob("out_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                decided[row["id"]] = dict(row, decided_by="read")
    for path in sorted(folder.glob("reviewed_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                decided[row["id"]] = dict(row, decided_by="read, reviewed")
    for rid, m in meta.items():
        d = decided.get(rid)
        if d is None:
            continue
        secondary = [s for s in d.get("secondary", []) if s != d["theme"] and s != "other"][:2]
        out = {
            "id": rid,
            "text": m["text"],
            "theme": d["theme"],
            "secondary": secondary,
            "source": m["source"],
            "decided_by": d["decided_by"],
            "sampled_as": m["why"],
            "proposed": m["proposed"],
        }
        if d.get("note") and d["note"] != "kept":
            out["note"] = d["note"]
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
