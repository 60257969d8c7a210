"""The README's example is the tool's real output: every field it shows has the value the
command it names prints (lists shown in part are matched by their index or position in the text)."""

from __future__ import annotations

import json
import re
import shlex
from typing import Any

from devzone import Analyzer, Options

from .conftest import ROOT

ABRIDGED = "……"  # a paragraph's text the README cuts short
IDENTITY = ("index", "indicator", "kind", "paragraph", "start")


def _differences(shown: Any, real: Any, path: str = "") -> list[str]:
    if isinstance(shown, dict):
        return [d for key, value in shown.items()
                for d in (_differences(value, real[key], f"{path}.{key}") if key in real else [f"{path}.{key} missing"])]
    if isinstance(shown, list) and shown and isinstance(shown[0], dict):
        found = []
        for item in shown:
            match = next((r for r in real if all(r.get(k) == item.get(k) for k in IDENTITY if k in item)), None)
            found += _differences(item, match, path) if match is not None else [f"{path}: no {item}"]
        return found
    if isinstance(shown, str) and shown.endswith(ABRIDGED) and isinstance(real, str):
        return [] if real.startswith(shown[: -len(ABRIDGED)]) else [f"{path}: {shown!r}"]
    return [] if shown == real else [f"{path}: README {shown!r}, output {real!r}"]


def test_the_readme_example_is_the_real_output():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"\$ devzone summarize (.+)", readme).group(1)
    shown = json.loads(re.search(r"Output \(abridged[^\n]*\n+```json\n(.*?)```", readme, re.S).group(1))
    path, *flags = shlex.split(command)
    options = dict(zip((f.lstrip("-").replace("-", "_") for f in flags[::2]), map(int, flags[1::2])))
    real = Analyzer(Options(**options)).analyse(ROOT / path).to_dict()
    real["source"] = path
    assert _differences(shown, real) == []
