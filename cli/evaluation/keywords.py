"""``devzone evaluate --keywords``: the share of the keywords devzone lists that the two
readers both judged terms an analyst would search for (``labels/keywords/GUIDE.md``), for
each report's own keywords and for the top 8 of each theme but ``other``, on tuned and
held-out reports apart. Words the readers did not judge alike, or that a later version lists
and nobody has judged yet, are counted apart, never guessed. The words judged no are listed
for tuned reports only: a held-out report's are counted, never shown."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..pipeline import Analyzer
from .common import held_out, ratio, read_jsonl, report_file

REPORT = "report"


def evaluate_keywords(agreed: Path, repo: Path, corpus: Path, analyzer: Analyzer | None = None) -> dict[str, Any]:
    analyzer = analyzer or Analyzer()
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    rejected: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_jsonl(agreed):
        record = analyzer.analyse(report_file(row["path"], repo, corpus)).to_dict()
        lists = {REPORT: record["keywords"]}
        lists.update({t: v["keywords"] for t, v in record["themes"].items() if t != "other"})
        for theme, words in lists.items():
            kind = REPORT if theme == REPORT else "themes"
            judged = row["judged"].get(theme, {})
            c = counts[row["split"]][kind]
            for word in words:
                if word not in judged:
                    c["unjudged"] += 1
                    continue
                c["judged"] += 1
                c["yes"] += judged[word]
                if not judged[word]:
                    rejected[row["split"]].append({"report": row["report"], "theme": theme, "word": word})
    return {"sets": {split: {kind: {"precision": ratio(c["yes"], c["judged"]), "judged": c["judged"],
                                    "unjudged": c["unjudged"]} for kind, c in by_kind.items()}
                     | {"rejected": [] if held_out(split) else rejected[split],
                        "rejected_count": len(rejected[split])}
                     for split, by_kind in sorted(counts.items())}}


def keywords_text(result: dict[str, Any]) -> str:
    lines = []
    for split, s in result["sets"].items():
        lines.append(f"== {split}")
        for kind in (REPORT, "themes"):
            if kind in s:
                k = s[kind]
                what = "report keywords" if kind == REPORT else "theme keywords (top 8, all but other)"
                lines.append(f"  {what:<40} precision {k['precision']}  judged {k['judged']}  not judged {k['unjudged']}")
        lines.append(f"  judged no: {s['rejected_count']} words")
    return "\n".join(lines) + "\n"
