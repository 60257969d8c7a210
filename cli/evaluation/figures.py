"""``devzone evaluate --figures``: recall and precision of the core-indicator figures, per
indicator and kind, against the readers' agreed figures, on tuned and held-out reports.

A labeled figure is found when devzone gives a figure of the same indicator, kind and period
with the same value (or low and high) and modifier. Precision is judged on what devzone
answers for an indicator: its headline (each core indicator's latest result and this year's
target), where a wrong value or a figure the readers did not record counts against it."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..pipeline import FIGURE_STAGES, Analyzer, core_indicators
from .common import blind, ratio, read_jsonl, report_file, set_name, unlisted_text

_VALUES = ("value", "low", "high")


def _same(ours: dict[str, Any], label: dict[str, Any]) -> bool:
    for field in _VALUES:
        a, b = ours.get(field), label.get(field)
        if a is None or b is None:
            if a is not b:
                return False
        elif abs(float(a) - float(b)) > 1e-9:
            return False
    return ours["modifier"] == label["modifier"]


def evaluate_figures(agreed: Path, repo: Path, corpus: Path, analyzer: Analyzer | None = None) -> dict[str, Any]:
    analyzer = analyzer or Analyzer()
    counts: dict[str, dict[tuple[str, str], dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int)))
    # Reports of one source share templates: the sources are told apart too.
    by_source: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    errors: list[dict[str, Any]] = []
    rows = read_jsonl(agreed)
    core = set(core_indicators())
    for row in rows:
        split = set_name(row, rows)
        source = by_source[split][row["source"]]
        report = analyzer.analyse(report_file(row["path"], repo, corpus), FIGURE_STAGES)
        record = report.figures_dict()
        ours = record["figures"]
        labels = row["figures"]
        for label in labels:
            key = (label["indicator"], label["kind"])
            counts[split][key]["labeled"] += 1
            source["labeled"] += 1
            same_key = [f for f in ours if (f["indicator"], f["kind"], f["period"]) == (*key, label["period"])]
            if any(_same(f, label) for f in same_key):
                counts[split][key]["found"] += 1
                source["found"] += 1
            else:
                errors.append({"split": split, "report": row["report"], "what": "missed", "label": label,
                               "ours": [{k: f[k] for k in ("value", "low", "high", "modifier", "text")}
                                        for f in same_key][:2]})
        for f in record["headline"]:
            if f["indicator"] not in core:  # a stand-in (国民生产总值 for GDP): the readers record core figures only
                continue
            key = (f["indicator"], f["kind"])
            counts[split][key]["answered"] += 1
            source["answered"] += 1
            match = [lab for lab in labels if (lab["indicator"], lab["kind"], lab["period"]) == (*key, f["period"])]
            if any(_same(f, lab) for lab in match):
                counts[split][key]["right"] += 1
                source["right"] += 1
            else:
                errors.append({"split": split, "report": row["report"], "what": "wrong headline",
                               "ours": {k: f[k] for k in ("indicator", "kind", "period", "value", "low", "high",
                                                          "modifier", "text")},
                               "labels": [{k: lab[k] for k in ("period", "value", "low", "high", "modifier")}
                                          for lab in match]})
    sets: dict[str, Any] = {}
    for split, by_key in sorted(counts.items()):
        by_indicator = {}
        total: dict[str, int] = defaultdict(int)
        for (indicator, kind), c in sorted(by_key.items()):
            by_indicator[f"{indicator}/{kind}"] = {"labeled": c["labeled"], "recall": ratio(c["found"], c["labeled"]),
                                           "answered": c["answered"], "precision": ratio(c["right"], c["answered"])}
            for k, v in c.items():
                total[k] += v
        sets[split] = {"recall": ratio(total["found"], total["labeled"]),
                       "precision": ratio(total["right"], total["answered"]),
                       "labeled": total["labeled"], "answered": total["answered"], "by_indicator": by_indicator,
                       "by_source": {name: {"recall": ratio(c["found"], c["labeled"]), "labeled": c["labeled"],
                                            "precision": ratio(c["right"], c["answered"]), "answered": c["answered"]}
                                     for name, c in sorted(by_source[split].items())}}
    listed, unlisted = blind(errors)
    return {"sets": sets, "errors": listed, "heldout_errors_unlisted": unlisted}


def figures_text(result: dict[str, Any]) -> str:
    lines = []
    for split, s in result["sets"].items():
        lines.append(f"== {split}: recall {s['recall']} of {s['labeled']} labeled, "
                     f"precision {s['precision']} of {s['answered']} headline figures")
        lines.append(f"  {'indicator/kind':<34}{'labeled':>8}{'recall':>8}{'answered':>9}{'precision':>10}")
        for key, r in [*s["by_indicator"].items(), *((f"source {k}", r) for k, r in s["by_source"].items())]:
            lines.append(f"  {key:<34}{r['labeled']:>8}{str(r['recall']):>8}{r['answered']:>9}{str(r['precision']):>10}")
    lines.append(f"\n{len(result['errors'])} misses and wrong values on tuned reports:")
    for e in result["errors"]:
        rest = {k: v for k, v in e.items() if k not in ("split", "report", "what")}
        lines.append(f"  [{e['split']}] {e['report']}: {e['what']} {rest}")
    lines.extend(unlisted_text(result["heldout_errors_unlisted"]))
    return "\n".join(lines) + "\n"
