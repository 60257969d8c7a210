"""Model files on disk: names, checksums, and loading with the checksum checked first.

Every model file's sha256 is listed in ``metadata.json`` beside it; a file that does not
match is refused before it is read, so a tampered pickle is never unpickled. The ``.npz``
form loads with neither scikit-learn nor pickle."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .inference import ThemeModel

NPZ_NAME = "theme_model.npz"
JOBLIB_NAME = "theme_model.joblib"
METADATA_NAME = "metadata.json"
NPZ_KEYS = (
    "vocabulary", "idf", "coef", "intercept", "calib_a", "calib_b", "classes", "ngram_range",
    "secondary_share", "secondary_min_probability",
)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_metadata(model_file: Path) -> dict[str, Any]:
    meta_path = model_file.parent / METADATA_NAME
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{model_file}: no {METADATA_NAME} beside it, so its checksum cannot be verified") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path}: unreadable model metadata ({exc})") from None
    except RecursionError:
        raise ModelError(f"{meta_path}: not devzone model metadata (nested too deep)") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("files"), dict):
        raise ModelError(f"{meta_path}: not devzone model metadata")
    return meta


def verify_checksum(model_file: Path) -> dict[str, Any]:
    """Refuse a model file whose sha256 differs from its metadata; return the metadata."""
    if not model_file.is_file():
        raise ModelError(f"{model_file}: model file not found")
    meta = read_metadata(model_file)
    expected = meta["files"].get(model_file.name)
    if not isinstance(expected, str) or not expected:
        raise ModelError(f"{model_file}: not listed in {METADATA_NAME}; refusing an unknown model file")
    actual = sha256_file(model_file)
    if actual != expected:
        raise ModelError(
            f"{model_file}: sha256 {actual[:12]}… does not match {expected[:12]}… in {METADATA_NAME}; "
            "the file is corrupted or was replaced"
        )
    return meta


# An npz is a zip: its members' declared sizes are read before anything is inflated, so a
# crafted file cannot make loading take gigabytes. The shipped model inflates to under 20 MB.
MAX_MODEL_INFLATED = 512 * 1024 * 1024
MAX_MODEL_RATIO = 200


def _refuse_bombs(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise ModelError(f"{path}: unreadable model file ({exc})") from None
    inflated = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if inflated > MAX_MODEL_INFLATED or inflated / packed > MAX_MODEL_RATIO:
        raise ModelError(f"{path}: refused: it would inflate to {inflated / 1e6:.0f} MB (not a devzone model)")


def load_npz(path: Path) -> ThemeModel:
    meta = verify_checksum(path)
    _refuse_bombs(path)
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
        return load_npz(path / NPZ_NAME)
    raise ModelError(f"{path}: unknown model format (expected .npz or .joblib)")
