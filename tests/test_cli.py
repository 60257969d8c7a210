"""Every failure a user can meet, through the CLI as a user meets it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from devzone import app as cli_app

from .conftest import ROOT, run_cli, seed, stdout_json


def _no_traceback(proc) -> None:
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()


def _in_process(argv, capsys) -> tuple[int, str, str]:
    code = cli_app._main(argv, debug=False)
    out, err = capsys.readouterr()
    return code, out, err


# -- missing, unreadable, empty directory -----------------------------------------------------


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = run_cli("summarize", str(missing))
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "no such file" in lines[0]
    _no_traceback(proc)
    assert stdout_json(proc)["error"]["type"] == "InputError"


def test_unreadable_file_names_the_path(tmp_path, monkeypatch, capsys):
    target = tmp_path / "locked.txt"
    target.write_text("推进项目建设。", encoding="utf-8")
    real_open = open

    def guarded(file, *args, **kwargs):
        if str(file) == str(target):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded)
    code, out, err = _in_process(["summarize", str(target)], capsys)
    assert code == 2
    assert err.strip() == f"devzone: {target}: permission denied"


def test_directory_without_reports_exit_2(tmp_path):
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    proc = run_cli("summarize", str(tmp_path))
    assert proc.returncode == 2
    assert str(tmp_path) in proc.stderr.decode() and "no .txt, .md, .html, .mhtml, .pdf or .docx files" in proc.stderr.decode()
    _no_traceback(proc)


def test_a_directory_says_which_of_its_files_a_batch_left_out(tmp_path, capsys):
    shutil.copy(seed("000"), tmp_path / "report.txt")
    (tmp_path / "old report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden").write_bytes(b"x")
    code, out, err = _in_process(["summarize", str(tmp_path), "--format", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    assert err.strip() == (f"devzone: {tmp_path}: left out 2 file(s) devzone does not read (1 .doc, 1 .xlsx); "
                           "convert .doc, .rtf and .wps files to .docx to include them")


# -- empty and unpunctuated input -------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n", "推进项目建设 扩大有效投资 加快产业升级 ".encode() * 30])
def test_empty_or_unpunctuated_gives_valid_json_with_a_warning(tmp_path, content):
    path = tmp_path / "thin.txt"
    path.write_bytes(content)
    proc = run_cli("summarize", str(path))
    assert proc.returncode == 0, proc.stderr
    data = stdout_json(proc)
    assert data["warnings"], data
    if not content.strip():
        assert data["paragraphs"] == [] and data["summary"] == [] and data["themes"] == {}


# -- binary and undecodable -------------------------------------------------------------------


def _zip_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize(
    "name,data,what",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(512), "PNG image"),
        ("report.pdf.txt", b"%PDF-1.4\n" + os.urandom(512), "cannot open this PDF"),
        ("archive.txt", _zip_bytes(), "ZIP archive"),
        ("nul.txt", b"abc\x00\x00\x01\x02" * 64, "NUL bytes"),
        ("latin.txt", bytes(range(0x80, 0x100)) * 20, "refused"),
    ],
)
def test_binary_refused_and_batch_goes_on(tmp_path, name, data, what):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    shutil.copy(seed("000"), good)
    proc = run_cli("summarize", str(bad), str(good))
    assert proc.returncode == 1
    records = stdout_json(proc)
    assert records[0]["source"] == str(bad) and what in records[0]["error"]["message"]
    assert records[1]["source"] == str(good) and records[1]["summary"]
    assert what in proc.stderr.decode()
    _no_traceback(proc)


# -- encodings and line endings ---------------------------------------------------------------


def test_encoded_seed_bytes_through_the_cli(tmp_path):
    text = seed("001").read_text(encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "u16.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    (tmp_path / "u8.txt").write_bytes(text.encode("utf-8"))
    proc = run_cli("summarize", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    records = {Path(r["source"]).name: r for r in map(json.loads, proc.stdout.decode().splitlines())}
    assert records["gb.txt"]["encoding"] == "gb18030"
    assert records["u16.txt"]["encoding"] == "utf-16"
    base = records["u8.txt"]
    for other in ("gb.txt", "u16.txt"):
        assert records[other]["paragraphs"] == base["paragraphs"]
        assert records[other]["summary"] == base["summary"]


# -- HTML -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_html_page_is_analysed_as_text(tmp_path, suffix):
    body = "".join(f"<p>{line}</p>\n" for line in seed("000").read_text(encoding="utf-8").splitlines() if line)
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>通辽经济技术开发区工作回顾</title>"
        "<style>.x{display:none}</style><script>document.write('广告');</script></head>"
        f"<body><div class='nav'>首页 &gt; 新闻</div>{body}</body></html>"
    )
    path = tmp_path / f"page{suffix}"
    path.write_text(page, encoding="utf-8")
    proc = run_cli("summarize", str(path))
    assert proc.returncode == 0, proc.stderr
    data = stdout_json(proc)
    assert data["html"] is True
    assert data["title"] == "通辽经济技术开发区工作回顾"
    joined = "".join(p["text"] for p in data["paragraphs"])
    assert "<" not in joined and "document.write" not in joined and "display" not in joined
    assert any("62.74亿元" in p["text"] for p in data["paragraphs"])
    assert len(data["paragraphs"]) == 9


# -- size limits ------------------------------------------------------------------------------


def test_large_file_refused_with_a_limit_an_option_raises(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused before it is read
    proc = run_cli("summarize", str(big))
    assert proc.returncode == 2
    assert "over the" in proc.stderr.decode() and "--max-size" in proc.stderr.decode()
    small = tmp_path / "small.txt"
    small.write_bytes(seed("004").read_bytes() * 8)
    assert run_cli("summarize", str(small), "--max-size", "100KB").returncode == 2
    raised = run_cli("summarize", str(small), "--max-size", "1MB")
    assert raised.returncode == 0 and stdout_json(raised)["paragraphs"]


def test_one_line_of_a_megabyte_finishes(tmp_path):
    import resource

    line = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    path = tmp_path / "oneline.txt"
    path.write_text((line * (1_100_000 // len(line.encode()) + 1)), encoding="utf-8")
    assert path.stat().st_size > 1_000_000 and b"\n" not in path.read_bytes()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = run_cli("summarize", str(path), "--format", "jsonl", timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["counts"]["sentences"] > 1000 and len(data["summary"]) == 6
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert max(peak_kb, before) < 1_500_000  # kilobytes: bounded, far below the machine's memory


# -- batches, pipes, interrupts ---------------------------------------------------------------


def _batch_dir(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], d / f"r{i:04d}.txt")
    return d


def test_batch_with_bad_files_reports_each_and_exits_1(tmp_path):
    d = _batch_dir(tmp_path, 3)
    (d / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (d / "empty.md").write_bytes(b"")
    proc = run_cli("summarize", str(d), "--format", "jsonl")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    by_name = {Path(r["source"]).name: r for r in records}
    assert set(by_name) == {"bad.txt", "empty.md", "r0000.txt", "r0001.txt", "r0002.txt"}
    assert "PNG image" in by_name["bad.txt"]["error"]["message"]
    assert "error" not in by_name["empty.md"] and by_name["empty.md"]["warnings"]
    for name in ("r0000.txt", "r0001.txt", "r0002.txt"):
        assert by_name[name]["summary"] and by_name[name]["themes"]


def test_output_piped_into_head_exits_quietly(tmp_path):
    d = _batch_dir(tmp_path, 40)
    proc = subprocess.Popen(
        [sys.executable, "-m", "devzone", "summarize", str(d), "--format", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -n 1` does after its line
    err = proc.stderr.read()
    code = proc.wait(timeout=60)
    assert json.loads(first)["summary"]
    assert code == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_promptly_without_partial_lines(tmp_path, jobs):
    d = _batch_dir(tmp_path, 400)
    out_path = tmp_path / "out.jsonl"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "devzone", "summarize", str(d), "--format", "jsonl", "--jobs", jobs],
            stdout=out, stderr=subprocess.PIPE, cwd=ROOT,
            # as at a terminal: a runner that starts us in the background may have SIGINT ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        deadline = time.time() + 60
        while out_path.stat().st_size == 0 and time.time() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        sent = time.time()
        code = proc.wait(timeout=10)
        stopped_after = time.time() - sent
    err = proc.stderr.read()
    assert code == 130
    assert stopped_after < 5  # a hang guard for loaded machines; unloaded it stops well within a second
    assert b"Traceback" not in err and b"interrupted" in err
    raw = out_path.read_bytes()
    assert raw.endswith(b"\n")
    lines = raw.decode().splitlines()
    assert 0 < len(lines) < 400
    for line in lines:
        assert json.loads(line)["summary"]


# -- options ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--top-k", "0"], "--top-k"),
        (["--theme-top-k", "-1"], "--theme-top-k"),
        (["--format", "xml"], "--format"),
        (["--jobs", "0"], "--jobs"),
        (["--max-size", "lots"], "--max-size"),
    ],
)
def test_invalid_options_are_usage_errors(args, needle):
    proc = run_cli("summarize", str(seed("000")), *args)
    assert proc.returncode == 2
    assert needle in proc.stderr.decode()
    _no_traceback(proc)
    assert proc.stdout == b""


def test_unknown_command_is_a_usage_error():
    proc = run_cli("summarise-all")
    assert proc.returncode == 2
    _no_traceback(proc)


# -- stdin, formats, determinism --------------------------------------------------------------


def test_stdin_and_text_format():
    proc = run_cli("summarize", "-", "--format", "text", input=seed("001").read_bytes())
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("# 开发区:铆足干劲开新局 全力以赴拼经济")
    assert "## 营商环境 business_environment" in out


def test_output_is_byte_identical_across_runs():
    a = run_cli("summarize", *map(str, sorted((ROOT / "seeds").glob("*.txt"))))
    b = run_cli("summarize", *map(str, sorted((ROOT / "seeds").glob("*.txt"))))
    assert a.returncode == 0 and a.stdout == b.stdout


def test_messages_go_to_stderr_only_and_jieba_stays_quiet(tmp_path):
    # a cold cache: jieba builds its prefix dictionary and would normally log about it
    proc = run_cli("summarize", str(seed("003")), env={"DEVZONE_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 0
    assert proc.stderr == b"", proc.stderr.decode()
    json.loads(proc.stdout)


def test_help_carries_an_example():
    for command in ("summarize", "classify", "themes", "schema", "train", "evaluate"):
        proc = run_cli(command, "--help")
        assert proc.returncode == 0
        assert b"Example" in proc.stdout, command


def test_the_path_help_names_every_kind_of_file_a_directory_is_read_for():
    from devzone.app import PATHS_HELP
    from devzone.readers.files import INPUT_SUFFIXES

    assert all(suffix in PATHS_HELP for suffix in INPUT_SUFFIXES if suffix not in (".markdown", ".htm", ".mht"))
