"""Number the sentences of each summary-reference report, independently of devzone's splitter.

Run from the repository root: ``python labels/summaries/number_sentences.py``. For the
reports of ``labels/sets.tsv`` it writes ``labels/summaries/sentences/<id with / as __>.tsv``
with columns ``n`` (1-based) and ``text``.

SUMMARIES.md: a sentence ends at 。！or？ (a clause ending in ；is part of its sentence). A
closing quote or bracket right after the mark stays with the sentence. Lines are kept apart
(a heading line without a final mark is a sentence of its own), and blank lines are skipped.
Nothing of devzone is imported, so the reference does not inherit its splitter's choices.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "labels"))
from make_sets import read_sets, resolve  # noqa: E402

SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")


def split_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        for match in SENTENCE.finditer(line):
            piece = match.group(0).strip()
            if piece:
                sentences.append(piece)
    return sentences


def main() -> None:
    out_dir = ROOT / "labels" / "summaries" / "sentences"
    out_dir.mkdir(parents=True, exist_ok=True)
    for row in read_sets():
        text = resolve(row["path"]).read_text(encoding="utf-8", errors="replace")
        name = row["report"].replace("/", "__")
        with open(out_dir / f"{name}.tsv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
            writer.writerow(["n", "text"])
            for number, sentence in enumerate(split_sentences(text), start=1):
                writer.writerow([number, sentence.replace("\t", " ")])


if __name__ == "__main__":
    main()
