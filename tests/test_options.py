"""Settings from the command line, a config file, and the defaults; --version; themes in Chinese."""

from __future__ import annotations

import json

from .conftest import run_cli, seed


def test_a_config_file_in_the_working_directory_takes_effect(tmp_path):
    (tmp_path / "words.txt").write_text("科牛优选\n", encoding="utf-8")
    (tmp_path / "devzone.toml").write_text('top_k = 2\nuser_dict = ["words.txt"]\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_bytes(seed("002").read_bytes())
    from_config = json.loads(run_cli("summarize", str(report), cwd=tmp_path).stdout)
    assert len(from_config["summary"]) == 2
    overridden = json.loads(run_cli("summarize", str(report), "--top-k", "3", cwd=tmp_path).stdout)
    assert len(overridden["summary"]) == 3


def test_a_bad_config_is_a_usage_error_naming_the_setting(tmp_path):
    config = tmp_path / "my.toml"
    config.write_text("top_kk = 2\n", encoding="utf-8")
    proc = run_cli("summarize", str(seed("000")), "--config", str(config))
    assert proc.returncode == 2 and b"top_kk" in proc.stderr and b"Traceback" not in proc.stderr


def test_version_and_chinese_theme_definitions():
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"devzone ")
    themes = json.loads(run_cli("themes", "--json").stdout)
    assert [t["id"] for t in themes][:2] == ["industry", "business_environment"]
    assert all(t["definition_zh"] and t["definition"] for t in themes)
    assert "营商环境" in run_cli("themes").stdout.decode("utf-8")
