"""Keywords of a theme: words frequent in its sentences, rare in reports at large."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from itertools import chain
from typing import Mapping, Sequence


def keywords(
    inside: Sequence[Sequence[str]], everywhere: Counter[str], idf: Mapping[str, float], k: int = 8
) -> tuple[str, ...]:
    """Words typical of a theme's sentences: frequent there, rare in reports at
    large (corpus idf) and rarer in the rest of this report (``everywhere`` counts
    the whole report). Only lexicon words count, so fragments jieba guesses for
    unknown strings never show."""
    counts = lexicon_counts(inside, idf)
    log = math.log
    ranked = [(-((1 + log(c)) * idf[w] * c / everywhere[w]), w) for w, c in counts.items()]
    return tuple(w for _, w in heapq.nsmallest(k, ranked))


def lexicon_counts(token_lists: Sequence[Sequence[str]], idf: Mapping[str, float]) -> Counter[str]:
    """How often each lexicon word occurs in the token lists (counted in C, then the words
    outside the lexicon dropped: there are far fewer distinct words than tokens)."""
    counts: Counter[str] = Counter(chain.from_iterable(token_lists))
    for word in [w for w in counts if w not in idf]:
        del counts[word]
    return counts
