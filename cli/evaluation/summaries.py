"""``devzone evaluate --summaries``: character ROUGE-1/2 F1 against each reader's five best
sentences (SUMMARIES.md), averaged, for devzone and for the baselines an analyst could use
instead (lead-5, most-figures-5, textrank4zh when installed), and the readers against each
other; separately on tuned and held-out reports. Also the share of reports whose six-sentence
summary carries both last year's headline result and this year's growth target, where the
readers' figures say the report states them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Sequence

from ..pipeline import Analyzer, Options, clean_paragraph
from .common import read_jsonl, report_file, set_name, squash

TOP = 5
_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*")


def _chars(texts: Sequence[str]) -> list[str]:
    return [ch for t in texts for ch in t if _CHAR.match(ch)]


def rouge_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """Character ROUGE-n F1 of the candidate sentences against the reference sentences, both
    in one script: readers pick from the raw text, which may be traditional with glued pinyin,
    while devzone writes what it cleaned."""
    c = _chars([clean_paragraph(t) for t in candidate])
    r = _chars([clean_paragraph(t) for t in reference])
    cg = Counter(tuple(c[i:i + n]) for i in range(len(c) - n + 1))
    rg = Counter(tuple(r[i:i + n]) for i in range(len(r) - n + 1))
    overlap = sum((cg & rg).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cg.values()), overlap / sum(rg.values())
    return 2 * precision * recall / (precision + recall)


def _report_sentences(text: str) -> list[str]:
    """Full sentences of the raw report, line by line, for the baselines."""
    return [m.group(0).strip() for line in text.splitlines() for m in _SENTENCE.finditer(line.strip())
            if m.group(0).strip()]


def lead(text: str) -> list[str]:
    return _report_sentences(text)[:TOP]


def most_figures(text: str) -> list[str]:
    sentences = _report_sentences(text)
    ranked = sorted(range(len(sentences)), key=lambda i: (-len(_NUMBER.findall(sentences[i])), i))[:TOP]
    return [sentences[i] for i in sorted(ranked)]


def textrank4zh(text: str) -> list[str] | None:
    try:
        import networkx
        from textrank4zh import TextRank4Sentence
    except ImportError:
        return None
    if not hasattr(networkx, "from_numpy_matrix"):
        networkx.from_numpy_matrix = networkx.from_numpy_array  # textrank4zh predates networkx 3
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the peer leaves its stopword file open
        ranker = TextRank4Sentence()
        ranker.analyze(text=text, lower=True, source="all_filters")
    return [item.sentence for item in ranker.get_key_sentences(num=TOP)]


def _states(labels: list[dict[str, Any]], indicator_kinds: set[tuple[str, str]]) -> list[dict[str, Any]]:
    return [f for f in labels if (f["indicator"], f["kind"]) in indicator_kinds and f.get("sentence")]


def _carries(summary: Sequence[str], figure_labels: list[dict[str, Any]]) -> bool:
    """Whether a summary sentence and a labeled figure's sentence are the same statement."""
    squashed = [squash(s) for s in summary]
    for label in figure_labels:
        target = squash(clean_paragraph(label["sentence"]))  # as devzone cleans it (page numbers out)
        if any(s and (s in target or target in s or squash(target[:30]) in s) for s in squashed):
            return True
    return False


def evaluate_summaries(picks: Path, figures: Path | None, repo: Path, corpus: Path,
                       analyzer: Analyzer | None = None) -> dict[str, Any]:
    five = analyzer or Analyzer(Options(top_k=TOP))
    six = Analyzer(Options(top_k=6))
    figure_labels = {r["report"]: r["figures"] for r in read_jsonl(figures)} if figures and figures.is_file() else {}
    scores: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    both: dict[str, list[bool]] = defaultdict(list)
    lacking: dict[str, list[dict[str, Any]]] = defaultdict(list)
    systems: dict[str, Callable[[str, Path], list[str] | None]] = {
        "devzone": lambda text, path: [s["text"] for s in five.analyse(path).to_dict()["summary"]],
        "lead-5": lambda text, path: lead(text),
        "most-figures-5": lambda text, path: most_figures(text),
        "textrank4zh": lambda text, path: textrank4zh(text),
    }
    reports: Counter[str] = Counter()
    by_readers: dict[str, Counter[int]] = defaultdict(Counter)
    rows = read_jsonl(picks)
    for row in rows:
        split = set_name(row, rows)
        readers = [r for r in ("a", "b") if row.get(r)]  # a report one reader has done counts against that one
        reports[split] += 1
        by_readers[split][len(readers)] += 1
        path = report_file(row["path"], repo, corpus)
        text = path.read_text(encoding="utf-8", errors="replace")
        for name, system in systems.items():
            candidate = system(text, path)
            if candidate is None:
                continue
            for reader in readers:
                scores[split][name].append((rouge_f1(candidate, row[reader], 1), rouge_f1(candidate, row[reader], 2)))
        if len(readers) == 2:
            for first, second in (("a", "b"), ("b", "a")):
                scores[split]["reader vs reader"].append(
                    (rouge_f1(row[first], row[second], 1), rouge_f1(row[first], row[second], 2)))
        labels = figure_labels.get(row["report"], [])
        result = _states(labels, {("gdp_growth", "achieved"), ("gdp_total", "achieved")})
        target = _states(labels, {("gdp_growth", "target")})
        if result and target:
            summary = [s["text"] for s in six.analyse(path).to_dict()["summary"]]
            both[split].append(_carries(summary, result) and _carries(summary, target))
            if not both[split][-1]:
                lacking[split].append({"report": row["report"], "result": _carries(summary, result),
                                       "target": _carries(summary, target)})
    sets = {}
    for split, by_system in sorted(scores.items()):
        sets[split] = {
            "reports": reports[split],
            "reports_with_two_readers": by_readers[split][2],
            "rouge": {name: {"rouge1_f1": round(sum(a for a, _ in v) / len(v), 4),
                             "rouge2_f1": round(sum(b for _, b in v) / len(v), 4)} for name, v in by_system.items()},
            "headline_and_target": (f"{sum(both[split])}/{len(both[split])}" if both[split] else None),
            "headline_or_target_missing": lacking[split],
        }
    return {"sets": sets}


def summaries_text(result: dict[str, Any]) -> str:
    lines = []
    for split, s in result["sets"].items():
        lines.append(f"== {split}: {s['reports']} reports ({s['reports_with_two_readers']} with both readers); "
                     f"summaries with both the headline result and the target (where stated): "
                     f"{s['headline_and_target']}")
        lines.append(f"  {'system':<20}{'ROUGE-1 F1':>12}{'ROUGE-2 F1':>12}")
        for name, r in s["rouge"].items():
            lines.append(f"  {name:<20}{r['rouge1_f1']:>12.4f}{r['rouge2_f1']:>12.4f}")
        for miss in s.get("headline_or_target_missing", []):
            lacking = " and ".join(k for k in ("result", "target") if not miss[k])
            lines.append(f"  six-sentence summary lacks the {lacking}: {miss['report']}")
    return "\n".join(lines) + "\n"
