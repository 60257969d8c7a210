"""Faults under load and hostile input: bounded time and memory, nothing lost, every signal
handled. Time and memory are asserted as growth between n and 2n, never as wall-clock limits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
import uuid
from pathlib import Path

import pytest
from devzone import Analyzer, Options
from devzone.pipeline import clean_text
from devzone.ranking.textrank import similarity_graph
from devzone.stages.clean import remove_glued_pinyin
from devzone.stages.segment import segment

from .conftest import ROOT, run_cli, seed

LINEAR = 3.0  # 2n costs at most this many times n: linear is about 2, quadratic 4


def _seconds(fn, *args) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def _grows_linearly(make, fn, n: int) -> None:
    small, large = make(n), make(2 * n)
    t_small, t_large = _seconds(fn, small), _seconds(fn, large)
    assert t_large < LINEAR * t_small + 0.02, (t_small, t_large)


def _peak_bytes(fn, *args, runs: int = 3) -> int:
    # tracemalloc counts every thread: a worker left by an earlier test (a pool shutting down)
    # can allocate inside one window, so the least of a few runs is the call's own peak.
    peaks = []
    for _ in range(runs):
        tracemalloc.start()
        try:
            fn(*args)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    return min(peaks)


# -- algorithmic blow-ups -----------------------------------------------------------------------


def test_textrank_graph_grows_linearly_when_every_sentence_shares_words():
    words = [f"词{k}" for k in range(30)]

    def edges(n: int) -> int:
        return len(similarity_graph([words[:20] + [f"独{i}"] for i in range(n)]).src)

    assert edges(1600) <= 2.2 * edges(800)
    small = _peak_bytes(similarity_graph, [words[:20]] * 800)
    large = _peak_bytes(similarity_graph, [words[:20]] * 1600)
    assert large < LINEAR * small


def test_a_markdown_heading_of_whitespace_does_not_backtrack():
    _grows_linearly(lambda n: "#a" + "\u1680" * n + "b\n正文内容在这里。", segment, 20000)


def test_glued_pinyin_runs_are_removed_in_linear_time():
    assert remove_glued_pinyin("達(dá)(dá)(dá)拉特") == ("達拉特", 3)
    _grows_linearly(lambda n: "達" + "(dá)" * n, remove_glued_pinyin, 20000)


def test_a_top_k_larger_than_the_report_is_the_whole_report_in_linear_time():
    import random

    pool = "产业项目园区企业投资建设生态环境民生就业教育医疗安全应急改革服务创新科技农业旅游物流消费"

    def report(n: int) -> str:
        rng = random.Random(n)
        return "\n".join("".join(rng.choice(pool) for _ in range(24)) + f"{i}亿元。" for i in range(n))

    analyzer = Analyzer(Options(top_k=1_000_000, theme_top_k=1_000_000))
    result = analyzer.analyse_text(report(300))
    overall = {(s.paragraph, s.start) for s in result.document.summary.overall}
    assert len(overall) == len(result.document.sentences) == 300
    _grows_linearly(report, analyzer.analyse_text, 400)


# -- one bad file never costs the batch -----------------------------------------------------------


def test_html_that_trips_the_parser_is_one_error_record(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><![foo]><p>推进项目建设，新增就业773人。</p></body></html>", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_bytes(seed("000").read_bytes())
    for fmt in ("json", "jsonl"):
        proc = run_cli("summarize", str(tmp_path), "--format", fmt)
        assert proc.returncode in (0, 1), proc.stderr
        records = json.loads(proc.stdout) if fmt == "json" else [json.loads(x) for x in proc.stdout.splitlines()]
        assert [r["source"] for r in records] == [str(tmp_path / "a.html"), str(good)]
        assert "summary" in records[1]
        assert b"Traceback" not in proc.stderr


def test_an_unexpected_error_in_one_file_is_an_error_record(tmp_path):
    code = (
        "import sys; from devzone import app, pipeline\n"
        "real = pipeline.Analyzer._report\n"
        "def boom(self, cleaned, source, stages=pipeline.STAGES):\n"
        "    if source.endswith('bad.txt'): raise MemoryError()\n"
        "    return real(self, cleaned, source, stages)\n"
        "pipeline.Analyzer._report = boom\n"
        "sys.exit(app._main(sys.argv[1:], debug=False))\n"
    )
    (tmp_path / "bad.txt").write_bytes(seed("000").read_bytes())
    (tmp_path / "good.txt").write_bytes(seed("001").read_bytes())
    for fmt in ("json", "jsonl"):
        proc = subprocess.run([sys.executable, "-c", code, "summarize", str(tmp_path), "--format", fmt],
                              capture_output=True, cwd=ROOT, timeout=120)
        assert proc.returncode == 1, proc.stderr
        records = json.loads(proc.stdout) if fmt == "json" else [json.loads(x) for x in proc.stdout.splitlines()]
        assert records[0]["error"]["type"] == "MemoryError" and "summary" in records[1]
        assert b"Traceback" not in proc.stderr


def test_an_unreadable_directory_is_an_error_record_and_the_rest_is_summarised(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    good = tmp_path / "good.txt"
    good.write_bytes(seed("000").read_bytes())
    code = (
        "import sys, pathlib; from devzone import app\n"
        "real = pathlib.Path.iterdir\n"
        "def iterdir(self):\n"
        f"    if str(self) == {str(locked)!r}: raise PermissionError(13, 'Permission denied', str(self))\n"
        "    return real(self)\n"
        "pathlib.Path.iterdir = iterdir\n"
        "sys.exit(app._main(sys.argv[1:], debug=False))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, "summarize", str(locked), str(good), "--format", "jsonl"],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1, proc.stderr
    records = [json.loads(x) for x in proc.stdout.splitlines()]
    assert "permission denied" in records[0]["error"]["message"] and "summary" in records[1]


@pytest.mark.parametrize("locale", [None, "C"])
def test_a_file_name_that_is_not_utf8_is_escaped_and_stdout_stays_utf8(tmp_path, locale):
    name = os.fsencode(tmp_path) + b"/\xff\xfe report.txt"
    with open(name, "wb") as handle:
        handle.write(seed("000").read_bytes())
    env = {"LC_ALL": locale, "LANG": locale, "PYTHONUTF8": "0", "PYTHONIOENCODING": ""} if locale else None
    proc = run_cli("summarize", str(tmp_path), "--format", "jsonl", env=env)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout.decode("utf-8"))
    assert record["source"].endswith("\\xff\\xfe report.txt")
    assert record["summary"]


def test_classify_jsonl_refuses_what_is_not_strict_json_line_by_line():
    lines = [
        '{"id": NaN, "text": "推进项目建设。"}',
        '{"id": Infinity, "text": "推进项目建设。"}',
        '{"id": "\\ud800", "text": "推进项目建设。"}',
        "[" * 100000 + "]" * 100000,
        '{"id": 5, "text": "推进污水处理厂建设，改善水环境质量。"}',
    ]
    proc = run_cli("classify", "--jsonl", input="\n".join(lines).encode())
    assert proc.returncode == 1
    out = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [("error" in r) for r in out] == [True, True, True, True, False]
    assert out[-1]["id"] == 5 and out[-1]["theme"] == "ecology"
    assert b"Traceback" not in proc.stderr


# -- signals and dying workers ---------------------------------------------------------------------


def _batch(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "batch"
    d.mkdir()
    data = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(n):
        (d / f"r{i:04d}.txt").write_bytes(data[i % len(data)])
    return d


def _marked_processes(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _start_batch(tmp_path: Path, n: int, jobs: str, marker: str) -> tuple[subprocess.Popen, Path]:
    d = _batch(tmp_path, n)
    out_path = tmp_path / "out.jsonl"
    env = dict(os.environ, DEVZONE_TEST_MARKER=marker)
    proc = subprocess.Popen(
        [sys.executable, "-m", "devzone", "summarize", str(d), "--format", "jsonl", "--jobs", jobs],
        stdout=open(out_path, "wb"), stderr=subprocess.PIPE, cwd=ROOT, env=env,
    )
    deadline = time.time() + 60
    while out_path.stat().st_size == 0 and time.time() < deadline:
        time.sleep(0.05)
    return proc, out_path


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds worker processes through /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_stop_promptly_with_whole_lines_and_no_worker_left(tmp_path, jobs, signum):
    marker = uuid.uuid4().hex
    proc, out_path = _start_batch(tmp_path, 300, jobs, marker)
    proc.send_signal(signum)
    code = proc.wait(timeout=20)
    assert code == 128 + signum
    assert b"Traceback" not in proc.stderr.read()
    raw = out_path.read_bytes()
    assert raw.endswith(b"\n")
    records = [json.loads(line) for line in raw.decode().splitlines()]
    assert [r for r in records if not r.get("summary")] == []  # no file is failed by the stop
    deadline = time.time() + 10
    while _marked_processes(marker) and time.time() < deadline:
        time.sleep(0.1)
    assert _marked_processes(marker) == []


def test_a_stop_signal_a_library_swallowed_still_stops_the_batch_before_its_next_record(tmp_path, monkeypatch, capsys):
    from devzone import app

    def items():
        yield {"source": "a.txt", "summary": [1]}
        app._received.append(signal.SIGTERM)  # as if a finaliser had caught the Terminated
        yield {"source": "b.txt", "error": {"type": "AttributeError", "message": "b.txt: internal error"}}

    monkeypatch.setattr(app, "_received", [])
    with pytest.raises(app.Terminated):
        app._emit(items(), ["a.txt", "b.txt"], "jsonl", lambda item: item, str, "paragraphs")
    out = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in out] == ["a.txt"]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds worker processes through /proc")
def test_a_killed_worker_costs_only_its_own_file(tmp_path):
    marker = uuid.uuid4().hex
    proc, out_path = _start_batch(tmp_path, 60, "2", marker)
    workers = [pid for pid in _marked_processes(marker) if pid != proc.pid]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    code = proc.wait(timeout=300)
    records = [json.loads(line) for line in out_path.read_bytes().decode().splitlines()]
    assert len(records) == 60
    errors = [r for r in records if "error" in r]
    assert len(errors) <= 1 and code == (1 if errors else 0)
    for r in errors:
        assert "worker" in r["error"]["message"]
    assert b"Traceback" not in proc.stderr.read()


# -- training, model files, streams, options -------------------------------------------------------


def test_special_files_are_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = run_cli("summarize", str(fifo), timeout=30)
    assert proc.returncode == 2
    assert b"not a regular file" in proc.stderr


def test_closed_stderr_never_sends_errors_to_stdout(tmp_path):
    missing = str(tmp_path / "missing.txt")
    normal = subprocess.run([sys.executable, "-m", "devzone", "summarize", missing], capture_output=True, cwd=ROOT)
    assert normal.returncode == 2 and b"no such file" in normal.stderr
    closed = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(2); from devzone import app; sys.exit(app._main(sys.argv[1:], debug=False))",
         "summarize", missing], stdout=subprocess.PIPE, cwd=ROOT)
    # the same error record on stdout, and the message lost with stderr rather than moved
    assert closed.returncode == 2 and closed.stdout == normal.stdout
    assert json.loads(closed.stdout)["error"]["type"] == "InputError"


def test_a_full_disk_while_writing_output_has_its_own_exit_code():
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "devzone", "summarize", str(seed("000"))],
                              stdout=full, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.returncode == 74
    assert b"Traceback" not in proc.stderr and b"output" in proc.stderr


@pytest.mark.parametrize("value", ["inf", "nan", "-1MB", "0", "1e400"])
def test_max_size_must_be_a_finite_size(value):
    proc = run_cli("summarize", str(seed("000")), "--max-size", value)
    assert proc.returncode == 2 and b"--max-size" in proc.stderr


def test_an_unreachable_scheduler_is_a_clear_error_within_seconds():
    pytest.importorskip("dask.distributed")
    start = time.time()
    proc = run_cli("summarize", str(seed("000")), "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9", timeout=120)
    assert proc.returncode == 2
    assert b"scheduler" in proc.stderr and b"Traceback" not in proc.stderr
    assert time.time() - start < 60  # a hang guard; it gives up after its own few-second timeout


def _deep_metadata(model_dir: Path) -> None:
    (model_dir / "metadata.json").write_text("[" * 100000 + "]" * 100000, encoding="utf-8")


def _wrong_types(model_dir: Path) -> None:
    (model_dir / "metadata.json").write_text(json.dumps({"files": {"theme_model.npz": 12345}}), encoding="utf-8")


def _zip_bomb(model_dir: Path) -> None:
    import hashlib
    import zipfile

    target = model_dir / "theme_model.npz"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("coef.npy", b"\x00" * (300 * 1024 * 1024))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (model_dir / "metadata.json").write_text(json.dumps({"files": {"theme_model.npz": digest}}), encoding="utf-8")


@pytest.mark.parametrize("craft", [_deep_metadata, _wrong_types, _zip_bomb])
def test_crafted_model_files_are_refused_as_unusable(tmp_path, craft):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "theme_model.npz").write_bytes(b"PK\x05\x06" + bytes(18))
    craft(model_dir)
    proc = run_cli("summarize", str(seed("000")), "--model", str(model_dir / "theme_model.npz"))
    assert proc.returncode == 3, proc.stderr
    assert b"Traceback" not in proc.stderr


def _write_labels(folder: Path, rows: list[dict]) -> None:
    folder.mkdir()
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")


def test_training_refuses_too_few_documents_before_it_starts(tmp_path):
    labels = tmp_path / "labels"
    _write_labels(labels, [{"id": f"d{i}#p0", "text": t, "theme": th, "source": "d.txt"}
                           for i, (t, th) in enumerate([("推进项目建设。", "industry"), ("治理污染。", "ecology")])])
    proc = run_cli("train", "--labels", str(labels), "--out", str(tmp_path / "out"))
    assert proc.returncode == 3 and b"documents" in proc.stderr and b"Traceback" not in proc.stderr


def test_training_refuses_labels_that_are_not_utf8(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "rows.jsonl").write_bytes('{"id": "a", "text": "推进项目建设。", "theme": "industry"}'.encode("gb18030"))
    proc = run_cli("train", "--labels", str(labels), "--out", str(tmp_path / "out"))
    assert proc.returncode == 3 and b"UTF-8" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("make_out", ["file", "read_only"])
def test_training_checks_its_output_directory_before_training(tmp_path, make_out):
    out = tmp_path / "out"
    if make_out == "file":
        out.write_text("not a directory")
    else:
        out.mkdir()
        out.chmod(0o500)
        if os.access(out, os.W_OK):
            pytest.skip("running as a user that can write anywhere")
    start = time.time()
    proc = run_cli("train", "--labels", str(ROOT / "labels"), "--out", str(out))
    assert proc.returncode == 2 and b"--out" in proc.stderr
    assert time.time() - start < 30  # refused before cross-validation, which takes minutes


def test_two_trainings_into_one_directory_never_mix_their_files(tmp_path):
    from devzone.model import training

    out = tmp_path / "model"
    first = {"theme_model.npz": b"first npz", "metadata.json": b"first meta"}
    second = {"theme_model.npz": b"second npz", "metadata.json": b"second meta"}
    training.write_atomically(out, first)
    training.write_atomically(out, second)
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["metadata.json", "theme_model.npz"]
    assert {(out / n).read_bytes().split()[0] for n in names} == {b"second"}
    lock = training.model_lock(out)
    with lock:
        code = "from devzone.model import training; import pathlib, sys; training.write_atomically(pathlib.Path(sys.argv[1]), {'metadata.json': b'x'}, wait=False)"
        proc = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, cwd=ROOT)
        assert proc.returncode != 0 and b"another" in proc.stderr


PROPERTY_RUN = r"""
import io, json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from hypothesis import HealthCheck, given, settings, strategies as st
from devzone import app

path = sys.argv[1]

@settings(max_examples=int(sys.argv[2]), deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def check(data):
    with open(path, "wb") as handle:
        handle.write(data)
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        code = app._main(["summarize", path, "--format", "jsonl"], debug=False)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    assert code in (0, 2), (code, err.getvalue())
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue()
    record = json.loads(out.getvalue())
    assert ("error" in record) == (code == 2)
    out.getvalue().encode("utf-8")

check()
print("ok")
"""


def test_random_bytes_and_unicode_through_the_cli_never_crash(tmp_path):
    pytest.importorskip("hypothesis")
    proc = subprocess.run([sys.executable, "-c", PROPERTY_RUN, str(tmp_path / "input.txt"), "300"],
                          capture_output=True, cwd=ROOT, timeout=900)
    assert proc.returncode == 0 and proc.stdout.strip() == b"ok", proc.stderr.decode()[-3000:]


def test_clean_text_is_still_idempotent_on_hostile_whitespace():
    text = "#a" + "\u1680" * 500 + "b\n達(dá)(dá)\n正文。"
    once = clean_text(text).text
    assert clean_text(once).text == once
