"""Package data: the shipped model, lexicon and word lists, found with
importlib.resources so that devzone works from any working directory."""

from __future__ import annotations

import functools
import os
import sys
from importlib import resources
from pathlib import Path

MODEL_PACKAGE = "devzone.models"
DATA_PACKAGE = "devzone"


def model_path(name: str) -> Path:
    """Filesystem path of a file shipped in devzone.models."""
    return Path(str(resources.files(MODEL_PACKAGE).joinpath(name)))


def data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


def word_list(text: str) -> set[str]:
    """Words of a word-list file: whitespace-separated, # starts a comment line."""
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(line.split())
    return words


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(word_list(data_text("stopwords.txt")))


@functools.lru_cache(maxsize=1)
def theme_definitions() -> dict[str, dict[str, str]]:
    """Theme id -> its Chinese name and definition, from the package's themes.json."""
    import json

    return {t["id"]: t for t in json.loads(data_text("themes.json"))["themes"]}


def cache_dir() -> Path | None:
    """A per-user cache directory, or None when none is writable."""
    base = os.environ.get("DEVZONE_CACHE_DIR")
    if base:
        path = Path(base)
    elif sys.platform == "win32":
        path = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "devzone" / "cache"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Caches" / "devzone"
    else:
        path = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "devzone"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


@functools.lru_cache(maxsize=1)
def lexicon_idf() -> dict[str, float]:
    """Inverse document frequency over the training corpus, from the lexicon."""
    path = model_path("lexicon.txt")
    idf: dict[str, float] = {}
    if not path.is_file():
        return idf
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and len(parts[0]) > 1:
                idf[parts[0]] = float(parts[2])
    return idf
