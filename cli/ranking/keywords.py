"""Keywords of a theme: words frequent in its sentences, rare in reports at large."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from itertools import chain
from typing import Mapping, Sequence

# 1 + log(c) of the small counts almost every word has: a list index is cheaper than a call,
# and the values are math.log's own.
_ONE_PLUS_LOG = [0.0] + [1 + math.log(c) for c in range(1, 256)]


def keywords(
    inside: Sequence[Sequence[str]], everywhere: Counter[str], idf: Mapping[str, float], k: int = 8
) -> tuple[str, ...]:
    """Words typical of a theme's sentences: frequent there, rare in reports at
    large (corpus idf) and rarer in the rest of this report (``everywhere`` counts
    the whole report). ``inside`` holds lexicon words only (``lexicon_words``), so
    fragments jieba guesses for unknown strings never show."""
    counts: Counter[str] = Counter(chain.from_iterable(inside))
    table, log, size = _ONE_PLUS_LOG, math.log, len(_ONE_PLUS_LOG)
    ranked = [
        (-((table[c] if c < size else 1 + log(c)) * idf[w] * c / everywhere[w]), w) for w, c in counts.items()
    ]
    return tuple(w for _, w in heapq.nsmallest(k, ranked))


def lexicon_words(token_lists: Sequence[Sequence[str]], idf: Mapping[str, float]) -> list[list[str]]:
    """Each token list with only its lexicon words, in order."""
    return [[w for w in tokens if w in idf] for tokens in token_lists]
