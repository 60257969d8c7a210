"""Text features shared by training and inference. Small and stable on
purpose: a saved scikit-learn pipeline refers to ``normalize_text`` by its
import path, and the inference form must compute exactly what scikit-learn's
char analyzer computes."""

from __future__ import annotations

import re
from bisect import bisect_left

NGRAM_RANGE = (1, 2)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_WHITE = re.compile(r"\s\s+")
# Both at once (digits and spaces are disjoint, and a number's "0" is no space): group 1 a number.
_NUMBER_OR_SPACE = re.compile(f"({_DIGITS.pattern})|{_WHITE.pattern}")


def normalize_text(text: str) -> str:
    """Lower-case and fold every number to one token, so 62.74亿元 and
    1.5亿元 share features."""
    return _DIGITS.sub("0", text.lower())


def analysed_text(text: str) -> str:
    """The string scikit-learn's char analyzer cuts into n-grams."""
    return _WHITE.sub(" ", normalize_text(text))


def analysed_spans(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]] | None:
    """``analysed_text(text)`` and where each span of ``text`` lies in it, when the
    analysed text is the concatenation of its analysed pieces (numbers and whitespace
    runs do not cross a span's edge); None otherwise.

    One pass over the text: numbers and whitespace runs are the only things analysis
    shortens (each to one character), and they are disjoint, so an offset moves left by
    what the runs before it lost, and an edge inside a run is exactly when the pieces
    would not join up."""
    low = text.lower()
    if len(low) != len(text):  # lower() lengthened a character (İ): cut it up the long way
        return _spans_by_pieces(text, spans)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    lost = [0]  # lost[k]: characters the first k runs gave up
    last = 0
    for m in _NUMBER_OR_SPACE.finditer(low):
        a, b = m.span()
        pieces += (low[last:a], "0" if m.lastindex == 1 else " ")
        starts.append(a)
        ends.append(b)
        lost.append(lost[-1] + b - a - 1)
        last = b
    pieces.append(low[last:])
    cuts = []
    for span in spans:
        cut = []
        for edge in span:
            k = bisect_left(starts, edge)  # runs that start before the edge
            if k and ends[k - 1] > edge:
                return None
            cut.append(edge - lost[k])
        cuts.append((cut[0], cut[1]))
    return "".join(pieces), cuts


def _spans_by_pieces(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]] | None:
    pieces, cuts, last = [], [], 0
    for start, end in spans:
        pieces.append(analysed_text(text[last:start]))
        pieces.append(analysed_text(text[start:end]))
        last = end
    pieces.append(analysed_text(text[last:]))
    doc = analysed_text(text)
    if "".join(pieces) != doc:
        return None
    offset = 0
    for i, piece in enumerate(pieces):
        if i % 2:
            cuts.append((offset, offset + len(piece)))
        offset += len(piece)
    return doc, cuts


def ngrams_of(doc: str, n: int) -> list[str]:
    """All n-grams of an analysed text, in order of their start."""
    return list(doc) if n == 1 else [doc[i : i + n] for i in range(len(doc) - n + 1)]


def char_ngrams(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[str]:
    """The n-grams scikit-learn's ``analyzer='char'`` yields after ``normalize_text``."""
    doc = analysed_text(text)
    lo, hi = ngram_range
    n_chars = len(doc)
    grams: list[str] = list(doc) if lo == 1 else []
    for n in range(max(lo, 2), min(hi, n_chars) + 1):
        grams += [doc[i : i + n] for i in range(n_chars - n + 1)]  # the hot path of tagging
    return grams
