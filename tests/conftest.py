from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LABELS = ROOT / "labels"


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed reports must be in seeds/"
    return SEEDS


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def run_cli(*args: str, input: bytes | None = None, timeout: float = 120, env: dict | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run devzone as a user would: a separate process, bytes in and out."""
    full_env = dict(os.environ, PYTHONWARNINGS="default")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "devzone", *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env=full_env,
        cwd=cwd or ROOT,
    )


def stdout_json(proc: subprocess.CompletedProcess):
    return json.loads(proc.stdout.decode("utf-8"))


@pytest.fixture(scope="session")
def seed_reports(seeds):
    from devzone.pipeline import report_to_dict, summarize_file

    return {p.name[:3]: report_to_dict(summarize_file(p)) for p in seeds}
