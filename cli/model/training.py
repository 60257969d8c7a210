"""Training and evaluation of the theme classifier (scikit-learn).

Only ``devzone train`` and ``devzone evaluate`` import this module, so the
summarize path never pays for importing scikit-learn."""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from ..document import THEMES
from ..errors import DevzoneError, LabelError, ModelError
from ..features import NGRAM_RANGE, normalize_text
from .inference import SecondaryRule
from .store import JOBLIB_NAME, METADATA_NAME, NPZ_NAME

N_FOLDS = 5
SEED = 0
MAX_FEATURES = 60000

# The guide's own vocabulary, used only as a baseline to beat.
BASELINE_KEYWORDS = {
    "industry": "产业 工业 项目 投资 招商 企业 制造 集群 农业 粮食 旅游 物流 消费 外贸 生产总值 增加值 开工 投产 签约 服务业 金融".split(),
    "business_environment": "营商环境 放管服 审批 一网通办 一件事 帮办 政务服务 好差评 12345 信用 诚信 改革 民营 涉企 法治 拖欠 政企".split(),
    "livelihood": "就业 收入 教育 学校 医疗 医院 养老 托育 社保 医保 低保 住房 老旧小区 供水 供热 文化 体育 民生 脱贫 帮扶".split(),
    "safety": "安全生产 隐患 应急 防汛 消防 危化 治安 犯罪 信访 矛盾 维稳 风险 债务 保交楼 食品安全 疫情".split(),
    "ecology": "生态 环保 污染 大气 水质 土壤 碳 节能 减排 绿色 治沙 造林 河湖 湿地 固废 督察".split(),
    "other": "党的 党建 学习贯彻 精神 政治 团结 奋斗 各位代表 作风 廉政".split(),
}


@dataclass(frozen=True)
class LabeledParagraph:
    id: str
    text: str
    theme: str
    secondary: tuple[str, ...]
    source: str


def read_labels(label_dir: Path) -> list[LabeledParagraph]:
    """Read every labels/*.jsonl row; stop with every offending file:line if any is bad."""
    files = sorted(label_dir.glob("*.jsonl"))
    if not files:
        raise DevzoneError(f"{label_dir}: no *.jsonl label files")
    rows: list[LabeledParagraph] = []
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            problems.append(f"{path}: not UTF-8 (byte {exc.start}); label files are UTF-8 JSON lines")
            continue
        except OSError as exc:
            problems.append(f"{path}: cannot read ({exc.strerror or exc})")
            continue
        for n, line in enumerate(lines, 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: bad JSON ({exc.msg})")
                continue
            except RecursionError:
                problems.append(f"{where}: nested too deep")
                continue
            if not isinstance(obj, dict):
                problems.append(f"{where}: not a JSON object")
                continue
            text = obj.get("text")
            theme = obj.get("theme")
            secondary = obj.get("secondary", [])
            rid = obj.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(f"{where}: missing id")
                continue
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty text")
                continue
            if theme not in THEMES:
                problems.append(f"{where}: unknown theme {theme!r}")
                continue
            if not isinstance(secondary, list) or any(s not in THEMES or s == theme for s in secondary):
                problems.append(f"{where}: bad secondary {secondary!r}")
                continue
            if rid in seen_ids:
                problems.append(f"{where}: duplicate id {rid} (first at {seen_ids[rid]})")
                continue
            if text in seen_texts:
                problems.append(f"{where}: duplicate text (first at {seen_texts[text]})")
                continue
            seen_ids[rid] = where
            seen_texts[text] = where
            source = obj.get("source") or rid.split("#", 1)[0]
            rows.append(LabeledParagraph(rid, text, theme, tuple(secondary), str(source)))
    if problems:
        raise LabelError(problems)
    documents = len({r.source for r in rows})
    if documents < N_FOLDS:
        raise LabelError([f"{label_dir}: {documents} documents; cross-validation by document needs at least {N_FOLDS}"])
    if len({r.theme for r in rows}) < 2:
        raise DevzoneError(f"{label_dir}: labels cover fewer than two themes; nothing to learn")
    return rows


def _vectorizer(features: str):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if features == "char":
        return TfidfVectorizer(
            analyzer="char",
            ngram_range=NGRAM_RANGE,
            preprocessor=normalize_text,
            sublinear_tf=True,
            min_df=2,
            max_features=MAX_FEATURES,
            dtype=np.float64,
        )
    if features == "word":
        from ..lexicon import Lexicon

        return TfidfVectorizer(
            tokenizer=Lexicon().cut,
            token_pattern=None,
            preprocessor=normalize_text,
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=2,
            max_features=MAX_FEATURES,
            dtype=np.float64,
        )
    raise ValueError(f"unknown features {features!r}")


def build_pipeline(groups: Sequence[str], features: str = "char", c: float = 0.5):
    """TF-IDF + linear SVM with sigmoid calibration fitted on document-grouped folds."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC

    n_splits = min(N_FOLDS, len(set(groups)))
    idx = np.arange(len(groups))
    splits = [(tr, te) for tr, te in GroupKFold(n_splits=n_splits).split(idx, groups=groups)]
    svm = LinearSVC(C=c, class_weight="balanced", random_state=SEED, max_iter=20000)
    clf = CalibratedClassifierCV(svm, method="sigmoid", cv=splits, ensemble=False)
    return Pipeline([("tfidf", _vectorizer(features)), ("clf", clf)])


def _doc_groups(rows: Sequence[LabeledParagraph]) -> list[str]:
    return [r.source for r in rows]


Splitter = Callable[[str], Sequence[str]]


def cross_validate(
    rows: Sequence[LabeledParagraph], features: str = "char", split: Splitter | None = None
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Out-of-fold probabilities of paragraphs and, when ``split`` is given, of their
    sentences, from folds grouped by document (GroupKFold)."""
    from sklearn.model_selection import GroupKFold

    texts = [r.text for r in rows]
    y = np.array([r.theme for r in rows])
    groups = np.array(_doc_groups(rows))
    proba = np.zeros((len(rows), len(THEMES)))
    sentence_proba: list[np.ndarray] = [np.zeros((0, len(THEMES)))] * len(rows)
    for train, test in GroupKFold(n_splits=N_FOLDS).split(texts, y, groups):
        pipe = build_pipeline(list(groups[train]), features)
        pipe.fit([texts[i] for i in train], y[train])
        order = [list(pipe.classes_).index(t) if t in pipe.classes_ else None for t in THEMES]
        proba[test] = _in_theme_order(pipe.predict_proba([texts[i] for i in test]), order)
        if split is not None:
            for i in test:
                sentence_proba[i] = _in_theme_order(pipe.predict_proba(list(split(texts[i]))), order)
    return proba, sentence_proba


def _in_theme_order(p: np.ndarray, order: Sequence[int | None]) -> np.ndarray:
    out = np.zeros((p.shape[0], len(THEMES)))
    for k, j in enumerate(order):
        if j is not None:
            out[:, k] = p[:, j]
    return out


def keyword_baseline(texts: Sequence[str]) -> list[str]:
    out = []
    for text in texts:
        counts = {t: sum(text.count(k) for k in words) for t, words in BASELINE_KEYWORDS.items()}
        best = max(counts, key=lambda t: counts[t])
        out.append(best if counts[best] else "other")
    return out


def score(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(THEMES), zero_division=0)
    per = {
        t: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3), "f1": round(float(f[i]), 3), "support": int(s[i])}
        for i, t in enumerate(THEMES)
    }
    acc = float(np.mean(np.array(y_true) == np.array(y_pred)))
    return {
        "macro_f1": round(float(np.mean(f)), 3),
        "accuracy": round(acc, 3),
        "per_theme": per,
        "confusion": confusion_matrix(y_true, y_pred, labels=list(THEMES)).tolist(),
    }


def tune_secondary_rule(
    rows: Sequence[LabeledParagraph], proba: np.ndarray, sentence_proba: Sequence[np.ndarray], split: Splitter
) -> tuple[float, float, float]:
    """Pick the sentence share and probability floor whose secondary themes best match
    the labels (F1 over paragraph-theme pairs); return (share, floor, f1)."""
    lengths = [[len(s) for s in split(r.text)] for r in rows]
    best = (-1.0, 0.2, 0.05)
    for share in (0.1, 0.15, 0.2, 0.25, 0.3):
        for floor in (0.0, 0.05, 0.1, 0.2):
            rule = SecondaryRule(share, floor)
            tp = fp = fn = 0
            for row, p, sp, n in zip(rows, proba, sentence_proba, lengths):
                predicted = set(rule.secondary(THEMES, THEMES[int(p.argmax())], p, sp, n))
                gold = set(row.secondary)
                tp += len(predicted & gold)
                fp += len(predicted - gold)
                fn += len(gold - predicted)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best[0] + 1e-9:
                best = (f1, share, floor)
    return best[1], best[2], round(best[0], 3)


def evaluate(
    rows: Sequence[LabeledParagraph], features: Sequence[str] = ("char", "word"), split: Splitter | None = None
) -> dict[str, Any]:
    y = [r.theme for r in rows]
    report: dict[str, Any] = {
        "n_paragraphs": len(rows),
        "n_documents": len(set(_doc_groups(rows))),
        "labels_per_theme": {t: y.count(t) for t in THEMES},
        "folds": f"GroupKFold({N_FOLDS}) by document",
        "models": {},
    }
    for feat in features:
        proba, sentence_proba = cross_validate(rows, feat, split)
        result = score(y, [THEMES[i] for i in proba.argmax(axis=1)])
        if split is not None:
            share, floor, f1 = tune_secondary_rule(rows, proba, sentence_proba, split)
            result.update(secondary_share=share, secondary_min_probability=floor, secondary_f1=f1)
        report["models"][f"tfidf_{feat}_svm"] = result
    report["models"]["keyword_baseline"] = score(y, keyword_baseline([r.text for r in rows]))
    return report


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An .npz with fixed timestamps, so the same model gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            body = io.BytesIO()
            np.lib.format.write_array(body, np.asarray(arr), allow_pickle=False)
            zf.writestr(info, body.getvalue())
    return buf.getvalue()


def export_arrays(pipeline, secondary_share: float, secondary_min_probability: float) -> dict[str, np.ndarray]:
    vec = pipeline.named_steps["tfidf"]
    cal = pipeline.named_steps["clf"].calibrated_classifiers_[0]
    terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    classes = [str(c) for c in pipeline.classes_]
    est_classes = [str(c) for c in cal.estimator.classes_]
    if est_classes != classes or vec.analyzer != "char":
        raise DevzoneError("only a character n-gram pipeline can be exported to the inference form")
    return {
        "vocabulary": np.array(terms, dtype=str),
        "idf": vec.idf_.astype(np.float64),
        "coef": cal.estimator.coef_.astype(np.float64),
        "intercept": cal.estimator.intercept_.astype(np.float64),
        "calib_a": np.array([c.a_ for c in cal.calibrators], dtype=np.float64),
        "calib_b": np.array([c.b_ for c in cal.calibrators], dtype=np.float64),
        "classes": np.array(classes, dtype=str),
        "ngram_range": np.array(vec.ngram_range, dtype=np.int64),
        "secondary_share": np.array(secondary_share, dtype=np.float64),
        "secondary_min_probability": np.array(secondary_min_probability, dtype=np.float64),
    }


def _labels_digest(label_dir: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    for path in sorted(label_dir.glob("*.jsonl")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def check_output_dir(out_dir: Path) -> None:
    """Refuse an output directory that cannot take a model, before any training is done."""
    if out_dir.exists() and not out_dir.is_dir():
        raise DevzoneError(f"--out {out_dir}: is a file, not a directory")
    existing = next((p for p in [out_dir, *out_dir.parents] if p.exists()), None)
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise DevzoneError(f"--out {out_dir}: {existing} is not writable")


@contextlib.contextmanager
def model_lock(out_dir: Path, wait: bool = True) -> Iterator[None]:
    """Hold the model directory's lock: two trainings into one directory take turns, so one
    run's arrays never end up beside the other's metadata."""
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # no advisory locks here: renames are still atomic one by one
        yield
        return
    # The lock is taken on the directory itself, so it leaves no file behind.
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise DevzoneError(f"{out_dir}: another devzone train is writing a model there") from None
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def write_atomically(out_dir: Path, files: dict[str, bytes], wait: bool = True) -> None:
    """Write every file to a temporary name first, then rename them into place, holding the
    directory's lock: a crash or a full disk leaves the previous model untouched."""
    try:
        with model_lock(out_dir, wait):
            _write_files(out_dir, files)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ModelError(f"{out_dir}: disk full while writing the model; the previous model is untouched") from None
        raise ModelError(f"{out_dir}: cannot write the model ({exc.strerror or exc})") from None


def _write_files(out_dir: Path, files: dict[str, bytes]) -> None:
    temps: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            temps.append((name, Path(tmp_name)))
            os.chmod(tmp_name, 0o644)  # mkstemp's 0600 would hide the model from other users
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        for _, tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    # Metadata last: until it lands, the old metadata refuses the new files
    # by checksum rather than silently mixing models.
    for name, tmp in sorted(temps, key=lambda item: item[0] == METADATA_NAME):
        os.replace(tmp, out_dir / name)


def train(
    label_dir: Path, out_dir: Path, split: Splitter, progress: Callable[[str], None] = lambda msg: None
) -> dict[str, Any]:
    """Train on every label under label_dir and write the model files to out_dir."""
    import hashlib

    import joblib
    import sklearn

    check_output_dir(out_dir)
    rows = read_labels(label_dir)
    progress(f"read {len(rows)} labeled paragraphs from {len({r.source for r in rows})} documents")
    progress("cross-validating by document")
    proba, sentence_proba = cross_validate(rows, "char", split)
    y = [r.theme for r in rows]
    metrics = score(y, [THEMES[i] for i in proba.argmax(axis=1)])
    share, floor, sec_f1 = tune_secondary_rule(rows, proba, sentence_proba, split)
    progress(f"macro-F1 {metrics['macro_f1']:.3f}; secondary themes at sentence share {share}, floor {floor} (F1 {sec_f1})")
    progress("fitting the final model")
    pipeline = build_pipeline(_doc_groups(rows), "char")
    pipeline.fit([r.text for r in rows], y)
    npz = _npz_bytes(export_arrays(pipeline, share, floor))
    buf = io.BytesIO()
    joblib.dump(pipeline, buf)
    pickled = buf.getvalue()
    metadata = {
        "format": "devzone-theme-model/1",
        "labels": list(THEMES),
        "features": f"tfidf char {NGRAM_RANGE[0]}-{NGRAM_RANGE[1]}-grams, numbers folded",
        "classifier": "LinearSVC + sigmoid calibration (CalibratedClassifierCV, document-grouped folds)",
        "sklearn_version": sklearn.__version__,
        "trained": _dt.date.today().isoformat(),
        "training_data_sha256": _labels_digest(label_dir),
        "n_paragraphs": len(rows),
        "n_documents": len({r.source for r in rows}),
        "labels_per_theme": {t: y.count(t) for t in THEMES},
        "secondary_share": share,
        "secondary_min_probability": floor,
        "metrics": {"cv": f"GroupKFold({N_FOLDS}) by document", "macro_f1": metrics["macro_f1"],
                    "accuracy": metrics["accuracy"], "secondary_f1": sec_f1,
                    "per_theme": metrics["per_theme"], "confusion": metrics["confusion"]},
        "files": {
            NPZ_NAME: hashlib.sha256(npz).hexdigest(),
            JOBLIB_NAME: hashlib.sha256(pickled).hexdigest(),
        },
    }
    meta_bytes = (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(out_dir, {NPZ_NAME: npz, JOBLIB_NAME: pickled, METADATA_NAME: meta_bytes})
    progress(f"wrote {NPZ_NAME}, {JOBLIB_NAME} and {METADATA_NAME} to {out_dir}")
    return metadata
