"""The theme model at inference: probabilities of texts and spans, and tags from them.

The shipped model is the trained scikit-learn pipeline (TF-IDF over character n-grams,
linear SVM, sigmoid calibration) exported to plain arrays: scoring it needs numpy alone.
Probabilities always come back in the model's own class order; ``in_theme_order`` turns
them into THEMES order, the one canonical order everything else uses."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Sequence

import numpy as np

from ..document import THEMES, ThemeTag
from ..errors import ModelError
from ..features import analysed_spans, analysed_text, ngrams_of


@dataclass(frozen=True)
class SecondaryRule:
    """The guide's secondary theme: "a substantial part (roughly a third or more) of its
    content". Measured as the share of the paragraph's characters in sentences whose own
    best theme it is, with a floor on the paragraph-level probability; both are tuned on
    document-grouped cross-validation."""

    share: float = 0.2
    min_probability: float = 0.05
    max_secondary: int = 2
    third: float = 0.3  # the guide's "roughly a third": enough on its own, whatever the paragraph score

    def secondary(
        self, classes: Sequence[str], primary: str, paragraph: np.ndarray, sentences: np.ndarray, lengths: Sequence[int]
    ) -> tuple[str, ...]:
        if len(lengths) < 2:
            return ()
        weights = np.asarray(lengths, dtype=np.float64)
        weights /= weights.sum() or 1.0
        best = sentences.argmax(axis=1)
        coverage = np.bincount(best, weights=weights, minlength=len(classes))
        picked = [
            j for j in np.argsort(-coverage, kind="stable")
            if (coverage[j] >= self.third or (coverage[j] >= self.share and paragraph[j] >= self.min_probability))
            and classes[j] not in (primary, "other")
        ]
        return tuple(classes[j] for j in picked[: self.max_secondary])


CHUNK_TEXTS = 512


class ThemeModel:
    """Scores paragraphs; holds either exported arrays or a fitted pipeline."""

    def __init__(self, arrays: dict[str, np.ndarray] | None = None, pipeline: Any = None, metadata: dict | None = None):
        self.arrays = arrays
        self.pipeline = pipeline
        self.metadata = metadata or {}
        if arrays is not None:
            self.classes = [str(c) for c in arrays["classes"]]
            self.n_terms = len(arrays["vocabulary"])
            self._keys, self._key_ids = _gram_keys(arrays["vocabulary"])
            self.ngram_range = (int(arrays["ngram_range"][0]), int(arrays["ngram_range"][1]))
            self.rule = SecondaryRule(float(arrays["secondary_share"]), float(arrays["secondary_min_probability"]))
        else:
            self.classes = [str(c) for c in pipeline.classes_]
            self.rule = SecondaryRule(
                float(self.metadata.get("secondary_share", 0.2)), float(self.metadata.get("secondary_min_probability", 0.05))
            )
        unknown = set(self.classes) - set(THEMES)
        if unknown:
            raise ModelError(f"model predicts unknown themes: {sorted(unknown)}")

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.classes)))
        if self.pipeline is not None:
            return np.asarray(self.pipeline.predict_proba(list(texts)))
        return self._array_probabilities(texts)

    @functools.cached_property
    def vocabulary(self) -> dict[str, int]:
        """n-gram -> column; only n-grams longer than two characters are looked up here."""
        assert self.arrays is not None
        return dict(zip(self.arrays["vocabulary"].tolist(), range(self.n_terms)))

    def _ids(self, doc: str, n: int) -> np.ndarray:
        """Column of each n-gram of an analysed text (-1: not in the vocabulary), in order."""
        if n > 2:
            grams = ngrams_of(doc, n)
            return np.fromiter(map(self.vocabulary.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        points = np.frombuffer(doc.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        keys = points if n == 1 else _pair_keys(points[:-1], points[1:])
        if not len(keys) or not len(self._keys):
            return np.full(len(keys), -1, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[pos] == keys, self._key_ids[pos], -1)

    def _text_ids(self, text: str) -> np.ndarray:
        doc = analysed_text(text)
        lo, hi = self.ngram_range
        return np.concatenate([self._ids(doc, n) for n in range(lo, hi + 1)])

    def _array_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return self._probabilities_from_ids([self._text_ids(text) for text in texts])

    def paragraph_probabilities(
        self, paragraphs: Sequence[tuple[str, list[tuple[int, int]]]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Probabilities of each paragraph and of each of its sentence spans, in order.

        A sentence's n-grams are the paragraph's n-grams that lie inside its span, so
        the paragraph is cut into n-grams and looked up once; where cleaning makes
        that untrue (a number across a span's edge) each text is analysed on its own.
        Either way the result equals analysing every text separately."""
        texts = [text for text, _ in paragraphs]
        if self.pipeline is not None:
            sentences = [text[a:b] for text, spans in paragraphs for a, b in spans]
            probs = self.probabilities(texts + sentences)
            return probs[: len(texts)], probs[len(texts) :]
        para_ids: list[np.ndarray] = []
        sentence_ids: list[np.ndarray] = []
        lo, hi = self.ngram_range
        for text, spans in paragraphs:
            found = analysed_spans(text, spans)
            if found is None:
                para_ids.append(self._text_ids(text))
                sentence_ids.extend(self._text_ids(text[a:b]) for a, b in spans)
                continue
            doc, cuts = found
            by_n = {n: self._ids(doc, n) for n in range(lo, hi + 1)}
            para_ids.append(np.concatenate(list(by_n.values())))
            for a, b in cuts:
                sentence_ids.append(np.concatenate([by_n[n][a : max(a, b - n + 1)] for n in by_n]))
        probs = self._probabilities_from_ids(para_ids + sentence_ids)
        return probs[: len(texts)], probs[len(texts) :]

    def _probabilities_from_ids(self, id_parts: Sequence[np.ndarray]) -> np.ndarray:
        """TfidfVectorizer(sublinear_tf, l2) -> LinearSVC -> sigmoid calibration, computed
        on the exported arrays with numpy alone, from each text's n-gram ids (-1: unknown).
        Texts are scored in chunks, so the sort that counts n-grams stays small whatever the
        report's length; each text's row does not depend on the others."""
        if len(id_parts) > CHUNK_TEXTS:
            return np.vstack([self._probabilities_from_ids(id_parts[i:i + CHUNK_TEXTS])
                              for i in range(0, len(id_parts), CHUNK_TEXTS)])
        a = self.arrays
        assert a is not None
        n_texts = len(id_parts)
        ids = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(n_texts), [len(x) for x in id_parts]) if id_parts else np.zeros(0, dtype=np.int64)
        known = ids >= 0
        n_terms = self.n_terms
        keys, tf = np.unique(rows[known] * n_terms + ids[known], return_counts=True)
        row, idx = keys // n_terms, keys % n_terms
        weights = (np.log(tf) + 1.0) * a["idf"][idx]
        norms = np.sqrt(np.bincount(row, weights=weights * weights, minlength=n_texts))
        norms[norms == 0] = 1.0
        weights = weights / norms[row]
        coef = a["coef"]
        decision = np.empty((n_texts, coef.shape[0]))
        for k in range(coef.shape[0]):
            decision[:, k] = np.bincount(row, weights=coef[k, idx] * weights, minlength=n_texts)
        decision += a["intercept"]
        proba = 1.0 / (1.0 + np.exp(a["calib_a"] * decision + a["calib_b"]))
        total = proba.sum(axis=1, keepdims=True)
        uniform = np.full_like(proba, 1.0 / proba.shape[1])
        return np.where(total > 0, proba / np.where(total > 0, total, 1.0), uniform)

    def tag(self, texts: Sequence[str], sentences: Sequence[Sequence[str]] | None = None) -> list[ThemeTag]:
        """Tag each text. Secondary themes need the text's sentences; without them
        each text counts as one sentence and gets none."""
        sentences = sentences if sentences is not None else [[t] for t in texts]
        flat = [s for group in sentences for s in group]
        probs = self.probabilities(list(texts) + flat)
        return self.tag_from_probabilities(
            probs[: len(texts)], _split(probs[len(texts) :], [len(g) for g in sentences]),
            [[len(s) for s in g] for g in sentences],
        )

    def tag_from_probabilities(
        self, paragraphs: np.ndarray, sentences: Sequence[np.ndarray], lengths: Sequence[Sequence[int]]
    ) -> list[ThemeTag]:
        """One tag per row of ``paragraphs``, numbered by row."""
        return [self._tag_row(i, p, s, n) for i, (p, s, n) in enumerate(zip(paragraphs, sentences, lengths, strict=True))]

    def _tag_row(self, index: int, row: np.ndarray, sentences: np.ndarray, lengths: Sequence[int]) -> ThemeTag:
        primary = self.classes[int(np.argmax(row))]
        secondary = self.rule.secondary(self.classes, primary, row, sentences, lengths)
        scores = {theme: round(float(row[self.classes.index(theme)]), 4) if theme in self.classes else 0.0 for theme in THEMES}
        return ThemeTag(paragraph=index, theme=primary, secondary=secondary, scores=scores)

    def in_theme_order(self, probs: np.ndarray) -> np.ndarray:
        """Probabilities in THEMES order, whatever order the model's classes are in."""
        out = np.zeros((probs.shape[0], len(THEMES)))
        for j, cls in enumerate(self.classes):
            out[:, THEMES.index(cls)] = probs[:, j]
        return out


def _pair_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """A two-character n-gram as one integer, apart from every single character's code
    point (which is below 2**21)."""
    return ((first + 1) << 21) | second


def _gram_keys(vocabulary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The vocabulary's one- and two-character n-grams as sorted integer keys, with the
    column of each: the n-grams of a text are then looked up in one vectorised search
    instead of one dictionary call per n-gram."""
    width = vocabulary.dtype.itemsize // 4 if vocabulary.dtype.kind == "U" else 0
    short = np.array([len(t) <= 2 for t in vocabulary.tolist()]) if width > 2 else np.ones(len(vocabulary), bool)
    columns = np.flatnonzero(short)
    points = np.frombuffer(vocabulary[columns].astype("<U2").tobytes(), dtype=np.uint32).astype(np.int64).reshape(-1, 2)
    keys = np.where(points[:, 1] == 0, points[:, 0], _pair_keys(points[:, 0], points[:, 1]))
    order = np.argsort(keys)
    return keys[order], columns[order]


def _split(rows: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    out, start = [], 0
    for n in sizes:
        out.append(rows[start : start + n])
        start += n
    return out


