"""Stage 3: tag paragraphs with a primary theme, secondary themes and scores.

The shipped model is the trained scikit-learn pipeline (TF-IDF over character
n-grams, linear SVM, sigmoid calibration) exported to plain arrays in an
``.npz`` file: loading it imports neither scikit-learn nor pickle, which keeps
start-up fast and cannot execute code from a tampered file. A ``.joblib``
pipeline can be loaded too, after its checksum has been verified."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .document import THEMES, ThemeTag
from .errors import ModelError
from .features import analysed_spans, char_ngrams, ngrams_of

NPZ_KEYS = (
    "vocabulary", "idf", "coef", "intercept", "calib_a", "calib_b", "classes", "ngram_range",
    "secondary_share", "secondary_min_probability",
)
METADATA = "metadata.json"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_metadata(model_file: Path) -> dict[str, Any]:
    meta_path = model_file.parent / METADATA
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{model_file}: no {METADATA} beside it, so its checksum cannot be verified") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path}: unreadable model metadata ({exc})") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("files"), dict):
        raise ModelError(f"{meta_path}: not devzone model metadata")
    return meta


def verify_checksum(model_file: Path) -> dict[str, Any]:
    """Refuse a model file whose sha256 differs from its metadata; return the metadata."""
    if not model_file.is_file():
        raise ModelError(f"{model_file}: model file not found")
    meta = read_metadata(model_file)
    expected = meta["files"].get(model_file.name)
    if not expected:
        raise ModelError(f"{model_file}: not listed in {METADATA}; refusing an unknown model file")
    actual = sha256_file(model_file)
    if actual != expected:
        raise ModelError(
            f"{model_file}: sha256 {actual[:12]}… does not match {expected[:12]}… in {METADATA}; "
            "the file is corrupted or was replaced"
        )
    return meta


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


class ThemeModel:
    """Scores paragraphs; holds either exported arrays or a fitted pipeline."""

    def __init__(self, arrays: dict[str, np.ndarray] | None = None, pipeline: Any = None, metadata: dict | None = None):
        self.arrays = arrays
        self.pipeline = pipeline
        self.metadata = metadata or {}
        if arrays is not None:
            self.classes = [str(c) for c in arrays["classes"]]
            self.vocabulary = {str(t): i for i, t in enumerate(arrays["vocabulary"])}
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

    def _lookup(self, grams: list[str]) -> np.ndarray:
        return np.fromiter(map(self.vocabulary.get, grams, repeat(-1)), dtype=np.int64, count=len(grams))

    def _array_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        ids = [self._lookup(char_ngrams(text, self.ngram_range)) for text in texts]
        return self._probabilities_from_ids(ids)

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
                para_ids.append(self._lookup(char_ngrams(text, self.ngram_range)))
                sentence_ids.extend(self._lookup(char_ngrams(text[a:b], self.ngram_range)) for a, b in spans)
                continue
            doc, cuts = found
            by_n = {n: self._lookup(ngrams_of(doc, n)) for n in range(lo, hi + 1)}
            para_ids.append(np.concatenate(list(by_n.values())))
            for a, b in cuts:
                sentence_ids.append(np.concatenate([by_n[n][a : max(a, b - n + 1)] for n in by_n]))
        probs = self._probabilities_from_ids(para_ids + sentence_ids)
        return probs[: len(texts)], probs[len(texts) :]

    def _probabilities_from_ids(self, id_parts: Sequence[np.ndarray]) -> np.ndarray:
        """TfidfVectorizer(sublinear_tf, l2) -> LinearSVC -> sigmoid calibration, computed
        on the exported arrays with numpy alone, from each text's n-gram ids (-1: unknown)."""
        a = self.arrays
        assert a is not None
        n_texts = len(id_parts)
        ids = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int64)
        rows = np.repeat(np.arange(n_texts), [len(x) for x in id_parts]) if id_parts else np.zeros(0, dtype=np.int64)
        known = ids >= 0
        n_terms = len(self.vocabulary)
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
        return [self._tag_row(p, s, n) for p, s, n in zip(paragraphs, sentences, lengths)]

    def _tag_row(self, row: np.ndarray, sentences: np.ndarray, lengths: Sequence[int]) -> ThemeTag:
        primary = self.classes[int(np.argmax(row))]
        secondary = self.rule.secondary(self.classes, primary, row, sentences, lengths)
        scores = {theme: round(float(row[self.classes.index(theme)]), 4) if theme in self.classes else 0.0 for theme in THEMES}
        return ThemeTag(theme=primary, secondary=secondary, scores=scores)


def _split(rows: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    out, start = [], 0
    for n in sizes:
        out.append(rows[start : start + n])
        start += n
    return out


def load_npz(path: Path) -> ThemeModel:
    meta = verify_checksum(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            missing = [k for k in NPZ_KEYS if k not in data.files]
            if missing:
                raise ModelError(f"{path}: not a devzone model (missing {', '.join(missing)})")
            arrays = {k: data[k] for k in NPZ_KEYS}
    except ModelError:
        raise
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise ModelError(f"{path}: unreadable model file ({exc})") from None
    n_classes = len(arrays["classes"])
    if arrays["coef"].shape != (n_classes, len(arrays["vocabulary"])) or arrays["idf"].shape != (len(arrays["vocabulary"]),):
        raise ModelError(f"{path}: model arrays have inconsistent shapes")
    return ThemeModel(arrays=arrays, metadata=meta)


def load_joblib(path: Path) -> ThemeModel:
    meta = verify_checksum(path)  # before anything is unpickled
    import joblib
    import sklearn

    trained_with = meta.get("sklearn_version")
    if trained_with and trained_with != sklearn.__version__:
        warnings.warn(
            f"model was trained with scikit-learn {trained_with}, this is {sklearn.__version__}; "
            "predictions may differ",
            stacklevel=2,
        )
    try:
        pipeline = joblib.load(path)
    except Exception as exc:  # a pickle can fail in many ways; all mean the same to a user
        raise ModelError(f"{path}: cannot load model ({type(exc).__name__}: {exc})") from None
    if not hasattr(pipeline, "predict_proba"):
        raise ModelError(f"{path}: not a classifier pipeline")
    return ThemeModel(pipeline=pipeline, metadata=meta)


def load_model(path: Path) -> ThemeModel:
    """Load a model file (.npz inference form or .joblib pipeline), checksum first."""
    suffix = path.suffix.lower()
    if suffix == ".npz":
        return load_npz(path)
    if suffix in (".joblib", ".pkl", ".pickle"):
        return load_joblib(path)
    if path.is_dir():
        return load_npz(path / "theme_model.npz")
    raise ModelError(f"{path}: unknown model format (expected .npz or .joblib)")
