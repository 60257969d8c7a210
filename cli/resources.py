"""Package data: the shipped model, lexicon and word lists, found with
importlib.resources so that devzone works from any working directory."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

MODEL_PACKAGE = "devzone.models"
DATA_PACKAGE = "devzone"


@functools.lru_cache(maxsize=32)
def model_path(name: str) -> Path:
    """Filesystem path of a file shipped in devzone.models (found once per process: asking
    importlib.resources costs more than a short paragraph's analysis)."""
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
def terms() -> frozenset[str]:
    """The shipped lexicon's words that may be keywords (built by labels/build_terms.py)."""
    return frozenset(word_list(model_path("terms.txt").read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=1)
def theme_definitions() -> dict[str, dict[str, str]]:
    """Theme id -> its Chinese name and definition, from the package's themes.json."""
    import json

    return {t["id"]: t for t in json.loads(data_text("themes.json"))["themes"]}

