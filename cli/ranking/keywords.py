"""Keywords of a theme: words frequent in its sentences, rare in reports at large."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from typing import Mapping, Sequence


def keywords(
    inside: Sequence[Sequence[str]], everywhere: Counter[str], idf: Mapping[str, float], k: int = 8
) -> tuple[str, ...]:
    """Words typical of a theme's sentences: frequent there, rare in reports at
    large (corpus idf) and rarer in the rest of this report (``everywhere`` counts
    the whole report). Only lexicon words count, so fragments jieba guesses for
    unknown strings never show."""
    counts: Counter[str] = Counter(w for tokens in inside for w in tokens if w in idf)

    def weight(w: str) -> float:
        return (1 + math.log(counts[w])) * idf[w] * counts[w] / everywhere[w]

    return tuple(heapq.nsmallest(k, counts, key=lambda w: (-weight(w), w)))
