"""Choosing summary sentences: maximal marginal relevance without near-duplicates, and
slots shared among themes by their weight in the report."""

from __future__ import annotations

import math
from collections import Counter
from typing import Mapping, Sequence

import numpy as np

from ..document import THEMES

NEAR_DUPLICATE = 0.55
MMR_LAMBDA = 0.7
MAX_PER_PARAGRAPH = 2  # in the overall summary, so one rich paragraph cannot fill it


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


class Shingles:
    """Character bigrams of texts, made only for the texts selection looks at: a long
    report has far more sentences than ever come near a summary."""

    def __init__(self, texts: Sequence[str]):
        self.texts = list(texts)
        self.cache: dict[int, set[str]] = {}

    def replace(self, i: int, text: str) -> None:
        self.texts[i] = text
        self.cache.pop(i, None)

    def __getitem__(self, i: int) -> set[str]:
        got = self.cache.get(i)
        if got is None:
            got = self.cache[i] = bigrams(self.texts[i])
        return got


def select_mmr(
    candidates: Sequence[int],
    scores: np.ndarray,
    shingles: Shingles,
    k: int,
    chosen: list[int] | None = None,
    paragraph_of: Sequence[int] | None = None,
) -> list[int]:
    """Maximal marginal relevance over candidates, refusing near-duplicates
    and, when ``paragraph_of`` is given, a third sentence from one paragraph.

    Only the best-scored candidates are considered (a window that widens when
    duplicates use it up), and each candidate's redundancy is brought up to date with only
    the picks made since it was last looked at, so the cost is k times the window, never
    k squared times it. Asking for at least every candidate gets every candidate."""
    picked = list(chosen or [])
    taken = set(picked)
    score = scores.tolist()  # Python floats: the same doubles, without numpy's per-item cost
    ranked = sorted((i for i in candidates if i not in taken and score[i] > 0), key=lambda i: (-score[i], i))
    if k >= len(ranked):
        return ranked
    top = score[ranked[0]] if ranked else 1.0
    redundancy_of: dict[int, float] = {}
    compared: dict[int, int] = {}  # how many picks each candidate has been compared with

    def redundancy(i: int) -> float:
        value = redundancy_of.get(i, 0.0)
        for j in picked[compared.get(i, 0):]:
            value = max(value, overlap(shingles[i], shingles[j]))
        redundancy_of[i], compared[i] = value, len(picked)
        return value

    added: list[int] = []
    per_paragraph: Counter[int] = Counter(paragraph_of[j] for j in picked) if paragraph_of else Counter()
    window = 20 * k + 50
    while len(added) < k:
        best, best_value = None, -math.inf
        for i in ranked[:window]:
            # Redundancy only lowers a value, and the ranking is by score: once a candidate's
            # score alone cannot beat the best, no later one can (the same pick, fewer overlaps).
            if MMR_LAMBDA * score[i] / top <= best_value:
                break
            if i in taken or (paragraph_of and per_paragraph[paragraph_of[i]] >= MAX_PER_PARAGRAPH):
                continue
            near = redundancy(i)
            if near >= NEAR_DUPLICATE:
                continue
            value = MMR_LAMBDA * score[i] / top - (1 - MMR_LAMBDA) * near
            if value > best_value:
                best, best_value = i, value
        if best is None:
            if window >= len(ranked):
                break
            window *= 4
            continue
        picked.append(best)
        taken.add(best)
        added.append(best)
        if paragraph_of:
            per_paragraph[paragraph_of[best]] += 1
    return added


def quotas(shares: Mapping[str, float], k: int) -> dict[str, int]:
    """Largest-remainder allocation of k slots among themes by share."""
    themes = [t for t in THEMES if t != "other" and shares.get(t, 0) > 0]
    total = sum(shares[t] for t in themes)
    if not themes or total <= 0:
        return {}
    exact = {t: k * shares[t] / total for t in themes}
    quota = {t: int(exact[t]) for t in themes}
    for t in sorted(themes, key=lambda t: (exact[t] - quota[t], shares[t]), reverse=True):
        if sum(quota.values()) >= k:
            break
        quota[t] += 1
    return quota
