"""Text features shared by training and inference. Small and stable on
purpose: a saved scikit-learn pipeline refers to ``normalize_text`` by its
import path, and the inference form must compute exactly what scikit-learn's
char analyzer computes."""

from __future__ import annotations

import re

NGRAM_RANGE = (1, 2)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_WHITE = re.compile(r"\s\s+")


def normalize_text(text: str) -> str:
    """Lower-case and fold every number to one token, so 62.74亿元 and
    1.5亿元 share features."""
    return _DIGITS.sub("0", text.lower())


def char_ngrams(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[str]:
    """The n-grams scikit-learn's ``analyzer='char'`` yields after ``normalize_text``."""
    doc = _WHITE.sub(" ", normalize_text(text))
    lo, hi = ngram_range
    n_chars = len(doc)
    grams: list[str] = list(doc) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, n_chars) + 1):
        grams += [doc[i : i + n] for i in range(n_chars - n + 1)]  # the hot path of tagging
    return grams
