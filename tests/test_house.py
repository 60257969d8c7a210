"""The house rules: imports flow one way, stages never import one another, only the CLI
imports typer, and the package passes mypy and ruff."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "cli"
# Each room and the rooms it may import (by module path inside the package). A room not
# listed may import only the ground floor.
GROUND = {"document", "errors", "resources", "versions", "features", "options", "numerals"}
ALLOWED = {
    "app": None,  # the top floor may import anything below it
    "evaluation": {"pipeline", "evaluation", "output"},
    "compare": {"pipeline"},
    "__main__": {"app"},
    "__init__": {"versions", "options", "pipeline"},
    "pipeline": {"readers", "stages", "lexicon", "model", "output", "ranking", "pool"},
    "pool": set(),
    "output": {"model", "output"},
    "readers": {"readers"},
    "stages": {"lexicon", "model", "ranking"},
    "ranking": {"ranking"},
    "model": {"model", "lexicon"},
    "lexicon": set(),
}


def _modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE).with_suffix("").parts): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Package-internal modules a module imports, as dotted paths inside the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name.split(".")[:-1] if not name.endswith("__init__") else name.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = ".".join([*base, node.module] if node.module else base)
            if node.module is None:
                out.update(".".join([*base, a.name]) for a in node.names)
            else:
                out.add(target)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("devzone"):
            out.add(node.module.removeprefix("devzone").lstrip("."))
    return {m for m in out if m}


def _room(module: str) -> str:
    return module.split(".")[0]


def test_imports_flow_down_and_stages_stand_alone():
    problems = []
    for name, path in _modules().items():
        room = _room(name)
        if room in GROUND:
            allowed: set[str] | None = set(GROUND)
        else:
            allowed = ALLOWED.get(room, set())
            allowed = None if allowed is None else allowed | GROUND
        for target in _imports(name, path):
            target_room = _room(target)
            if name.startswith("stages.") and target.startswith("stages.") and target != name:
                problems.append(f"{name} imports another stage, {target}")
            if allowed is not None and target_room not in allowed and target_room != room:
                problems.append(f"{name} imports {target}, above or beside its floor")
            if room in GROUND and target_room not in GROUND:
                problems.append(f"{name} (ground floor) imports {target}")
    assert not problems, "\n".join(problems)


def test_only_the_cli_imports_typer():
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        if name != "app":
            assert not any(n.split(".")[0] in ("typer", "click") for n in names), name


def test_stage_order_is_written_once():
    from devzone import pipeline

    source = (PACKAGE / "pipeline.py").read_text(encoding="utf-8")
    assert pipeline.STAGES == ("metadata", "parts", "figures", "tokenize", "classify", "summarize")
    assert source.count('"metadata", "parts", "figures", "tokenize", "classify", "summarize"') == 1


@pytest.mark.parametrize("tool", [
    [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary", "cli"],
    [sys.executable, "-m", "ruff", "check", "cli", "tests"],
])
def test_static_checks_pass(tool):
    done = subprocess.run(tool, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_package_of_the_source_is_in_the_wheel():
    # A subpackage missing from pyproject's list works in a checkout and fails once installed
    # (devzone evaluate did, until this test).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    source = {"devzone" + "".join("." + part for part in p.parent.relative_to(ROOT / "cli").parts)
              for p in (ROOT / "cli").rglob("__init__.py")}
    assert source <= listed
