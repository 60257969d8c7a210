"""Every knob of an analysis, its default and its validation, written once. The CLI's
option defaults and the library's come from here."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TOP_K = 6
THEME_TOP_K = 3
MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_TEXT = "20MB"
THEME_SUMMARIES = ("main", "all")


@dataclass(frozen=True)
class Options:
    """What one analysis does; ``Options()`` is what ``devzone summarize`` does by default."""

    top_k: int = TOP_K  # sentences in the overall summary
    theme_top_k: int = THEME_TOP_K  # sentences in each theme's summary
    max_bytes: int = MAX_BYTES  # inputs larger than this are refused
    model: str | None = None  # path of a model file; None for the shipped one
    user_dicts: tuple[str, ...] = ()  # jieba-format dictionaries whose words the segmenter keeps whole
    stopword_files: tuple[str, ...] = ()  # word lists that never count as content words
    theme_summaries: str = "main"  # "main": a summary for every theme but other; "all": other too

    def __post_init__(self) -> None:
        for name in ("top_k", "theme_top_k", "max_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
        if self.theme_summaries not in THEME_SUMMARIES:
            raise ValueError(f"theme_summaries must be one of {', '.join(THEME_SUMMARIES)}, not {self.theme_summaries!r}")


CONFIG_FILE = "devzone.toml"
# Config keys and the Options field each sets; word-list paths are relative to the config file.
_CONFIG_KEYS = {"top_k": "top_k", "theme_top_k": "theme_top_k", "theme_summaries": "theme_summaries",
                "max_size": "max_bytes", "model": "model", "user_dict": "user_dicts", "stopwords": "stopword_files"}
_PATH_KEYS = ("model", "user_dict", "stopwords")


def read_config(path: str | None) -> dict[str, Any]:
    """Option values from a TOML file: ``path``, or ``devzone.toml`` in the working directory
    when it exists (None: neither). Keys: top_k, theme_top_k, theme_summaries, max_size,
    model, user_dict and stopwords (lists of files)."""
    file = Path(path) if path else Path(CONFIG_FILE)
    if not path and not file.is_file():
        return {}
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{file}: cannot read this config ({exc})") from None
    section = raw.get("summarize", raw)
    unknown = sorted(set(section) - set(_CONFIG_KEYS))
    if unknown:
        raise ValueError(f"{file}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(_CONFIG_KEYS)}")
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key in _PATH_KEYS:
            items = value if isinstance(value, list) else [value]
            if not all(isinstance(v, str) for v in items):
                raise ValueError(f"{file}: {key} takes file names")
            resolved = [str((file.parent / v) if not Path(v).is_absolute() else Path(v)) for v in items]
            value = resolved if isinstance(value, list) or key != "model" else resolved[0]
            if key != "model":
                value = tuple(value)
        elif key == "max_size":
            value = parse_size(value if isinstance(value, (str, int)) else str(value))
        values[_CONFIG_KEYS[key]] = value
    return values


def parse_size(text: str | int) -> int:
    """A size such as 20MB, 500KB or 1.5G, in bytes; ValueError for anything else."""
    if isinstance(text, int):
        return text
    units = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}
    t = text.strip().upper()
    num = t.rstrip("KMGB")
    unit = t[len(num):]
    try:
        value = float(num)
    except ValueError:
        raise ValueError(f"{text!r} is not a size such as 20MB") from None
    if unit not in units or not math.isfinite(value) or value <= 0 or value * units[unit] < 1:
        raise ValueError(f"{text!r} is not a size such as 20MB")
    return int(value * units[unit])
