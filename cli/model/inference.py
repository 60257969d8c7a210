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
            self._short_grams = GramIndex(*_gram_keys(arrays["vocabulary"]))
            self._coef_by_term = np.ascontiguousarray(arrays["coef"].T)  # a term's weights in one cache line
            self.ngram_range = (int(arrays["ngram_range"][0]), int(arrays["ngram_range"][1]))
            self.rule = SecondaryRule(float(arrays["secondary_share"]), float(arrays["secondary_min_probability"]))
        else:
            self.classes = [str(c) for c in pipeline.classes_]
            self.rule = SecondaryRule(
                float(self.metadata.get("secondary_share", 0.2)), float(self.metadata.get("secondary_min_probability", 0.05))
            )
        self._column_of = {c: j for j, c in enumerate(self.classes)}
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

    def _ids_by_n(self, doc: str) -> dict[int, np.ndarray]:
        """For each n of the model, the column of each n-gram of an analysed text (-1: not in
        the vocabulary), in order of their start. One- and two-character n-grams are looked
        up in one probe of the hash table; longer ones in the vocabulary dictionary."""
        lo, hi = self.ngram_range
        out: dict[int, np.ndarray] = {}
        short = [n for n in range(lo, hi + 1) if n <= 2]
        if short:
            points = np.frombuffer(doc.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            keys = [points if n == 1 else _pair_keys(points[:-1], points[1:]) for n in short]
            columns = self._short_grams.columns_of(np.concatenate(keys))
            start = 0
            for n, k in zip(short, keys):
                out[n] = columns[start:start + len(k)]
                start += len(k)
        for n in range(max(lo, 3), hi + 1):
            grams = ngrams_of(doc, n)
            out[n] = np.fromiter(map(self.vocabulary.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))
        return out

    def _text_ids(self, text: str) -> np.ndarray:
        return np.concatenate(list(self._ids_by_n(analysed_text(text)).values()))

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
        # Every analysed text goes into one string, and each text (a paragraph, a sentence) is
        # a range of it: the n-grams of the whole report are looked up at once, and a text's
        # n-grams are those that start in its range and end inside it.
        docs: list[str] = []
        paragraph_ranges: list[tuple[int, int]] = []
        sentence_ranges: list[tuple[int, int]] = []
        offset = 0
        for text, spans in paragraphs:
            found = analysed_spans(text, spans)
            if found is None:
                pieces = [analysed_text(text), *(analysed_text(text[a:b]) for a, b in spans)]
                ranges = []
                for piece in pieces:
                    ranges.append((offset, offset + len(piece)))
                    docs.append(piece)
                    offset += len(piece)
                paragraph_ranges.append(ranges[0])
                sentence_ranges.extend(ranges[1:])
                continue
            doc, cuts = found
            paragraph_ranges.append((offset, offset + len(doc)))
            sentence_ranges.extend((offset + a, offset + b) for a, b in cuts)
            docs.append(doc)
            offset += len(doc)
        joined = "".join(docs)
        by_n = self._ids_by_n(joined)
        bounds = np.array(paragraph_ranges + sentence_ranges, dtype=np.int64).reshape(-1, 2)
        probs = np.vstack([
            self._probabilities_from_ranges(by_n, bounds[i:i + CHUNK_TEXTS])
            for i in range(0, len(bounds), CHUNK_TEXTS)
        ]) if len(bounds) else np.zeros((0, len(self.classes)))
        return probs[: len(texts)], probs[len(texts) :]

    def _probabilities_from_ranges(self, by_n: dict[int, np.ndarray], bounds: np.ndarray) -> np.ndarray:
        """Probabilities of texts given as [start, end) ranges of one analysed string, from
        the ids of its n-grams by start (``by_n``)."""
        ids, rows = [], []
        for n, found in by_n.items():
            starts = bounds[:, 0]
            counts = np.maximum(bounds[:, 1] - n + 1 - starts, 0)
            firsts = np.cumsum(counts) - counts
            rows.append(np.repeat(np.arange(len(bounds)), counts))
            ids.append(found[np.repeat(starts - firsts, counts) + np.arange(int(counts.sum()))])
        return self._probabilities_from_rows(np.concatenate(ids), np.concatenate(rows), len(bounds))

    def _probabilities_from_ids(self, id_parts: Sequence[np.ndarray]) -> np.ndarray:
        """TfidfVectorizer(sublinear_tf, l2) -> LinearSVC -> sigmoid calibration, computed
        on the exported arrays with numpy alone, from each text's n-gram ids (-1: unknown).
        Texts are scored in chunks, so the sort that counts n-grams stays small whatever the
        report's length; each text's row does not depend on the others."""
        if len(id_parts) > CHUNK_TEXTS:
            return np.vstack([self._probabilities_from_ids(id_parts[i:i + CHUNK_TEXTS])
                              for i in range(0, len(id_parts), CHUNK_TEXTS)])
        n_texts = len(id_parts)
        ids = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(n_texts), [len(x) for x in id_parts]) if id_parts else np.zeros(0, dtype=np.int64)
        return self._probabilities_from_rows(ids, rows, n_texts)

    def _probabilities_from_rows(self, ids: np.ndarray, rows: np.ndarray, n_texts: int) -> np.ndarray:
        """The scores of ``n_texts`` texts from the n-gram ids each holds (``rows``: which
        text each id is of). The order of the pairs does not matter: they are counted sorted."""
        a = self.arrays
        assert a is not None
        known = ids >= 0
        n_terms = self.n_terms
        keys = rows[known] * n_terms + ids[known]
        if n_texts * n_terms < 2**31:  # a chunk's keys fit in 32 bits, which sort in half the time
            keys = keys.astype(np.int32)
        keys, tf = np.unique(keys, return_counts=True)
        keys = keys.astype(np.int64)
        row, idx = keys // n_terms, keys % n_terms
        decision = np.zeros((n_texts, len(self.classes)))
        if len(row):  # texts without a known n-gram keep the intercept alone
            # The keys are sorted, so each text's n-grams are one run: sums over runs (reduceat)
            # cost a tenth of a bincount per class. They add in another order, which moves a
            # score by 1e-13 at most, far below the four decimals devzone reports.
            firsts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
            weights = (np.log(tf) + 1.0) * a["idf"][idx]
            norms = np.sqrt(np.add.reduceat(weights * weights, firsts))
            norms[norms == 0] = 1.0
            weights = weights / np.repeat(norms, np.diff(np.r_[firsts, len(row)]))
            decision[row[firsts]] = np.add.reduceat(self._coef_by_term[idx] * weights[:, None], firsts, axis=0)
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
        values = row.tolist()
        primary = self.classes[values.index(max(values))]  # the first best, as argmax
        secondary = self.rule.secondary(self.classes, primary, row, sentences, lengths)
        where = self._column_of
        scores = {theme: round(values[where[theme]], 4) if theme in where else 0.0 for theme in THEMES}
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
    """The vocabulary's one- and two-character n-grams as integer keys, with the column of
    each: the n-grams of a text are then looked up in one vectorised probe instead of one
    dictionary call per n-gram."""
    width = vocabulary.dtype.itemsize // 4 if vocabulary.dtype.kind == "U" else 0
    short = np.array([len(t) <= 2 for t in vocabulary.tolist()]) if width > 2 else np.ones(len(vocabulary), bool)
    columns = np.flatnonzero(short)
    points = np.frombuffer(vocabulary[columns].astype("<U2").tobytes(), dtype=np.uint32).astype(np.int64).reshape(-1, 2)
    keys = np.where(points[:, 1] == 0, points[:, 0], _pair_keys(points[:, 0], points[:, 1]))
    return keys, columns


_EMPTY = -1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of key x this


class GramIndex:
    """The column of each n-gram key (non-negative integers), in an open-addressing hash
    table held in two arrays with linear probing. A binary search over the model's 30k
    sorted keys cost 40-70 ns a query, most of it cache misses; a probe here costs one or
    two reads. The table is at most a quarter full and is built in vectorised rounds: in
    round r every key not yet placed tries the r-th slot after its hash, and of the keys
    that want a free slot one takes it. Every key then sits after an unbroken run of full
    slots from its hash, which is all a lookup needs: it probes until the key or an empty
    slot, at most as many slots as the build took rounds."""

    def __init__(self, keys: np.ndarray, columns: np.ndarray):
        bits = max(4, int(4 * len(keys)).bit_length())
        self.shift = np.uint64(64 - bits)
        self.mask = (1 << bits) - 1
        self.keys = np.full(1 << bits, _EMPTY, dtype=np.int64)
        self.columns = np.full(1 << bits, _EMPTY, dtype=np.int64)
        slots = self._slots(keys)
        pending = np.arange(len(keys))
        self.probes = 0
        owner = np.full(1 << bits, _EMPTY, dtype=np.int64)
        while len(pending):
            want = slots[pending]
            free = self.keys[want] == _EMPTY
            contenders, wanted = pending[free], want[free]
            owner[wanted] = contenders  # of keys wanting one slot, one wins (any one will do)
            won = owner[wanted] == contenders
            self.keys[wanted[won]] = keys[contenders[won]]
            self.columns[wanted[won]] = columns[contenders[won]]
            placed = np.zeros(len(keys), dtype=bool)
            placed[contenders[won]] = True
            pending = pending[~placed[pending]]
            slots[pending] = (slots[pending] + 1) & self.mask
            self.probes += 1

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * _GOLDEN) >> self.shift).astype(np.int64)

    def columns_of(self, keys: np.ndarray) -> np.ndarray:
        """The column of each key, -1 for a key not in the table."""
        out = np.full(len(keys), _EMPTY, dtype=np.int64)
        slots = self._slots(keys)
        todo = np.arange(len(keys))
        for _ in range(self.probes):
            if not len(todo):
                break
            where = slots[todo]
            found = self.keys[where]
            hit = found == keys[todo]
            out[todo[hit]] = self.columns[where[hit]]
            todo = todo[~hit & (found != _EMPTY)]  # an empty slot ends a key's run: it is absent
            slots[todo] = (slots[todo] + 1) & self.mask
        return out


def _split(rows: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    out, start = [], 0
    for n in sizes:
        out.append(rows[start : start + n])
        start += n
    return out


