#!/usr/bin/env python
"""Benchmark devzone against its peers, in one run, alternating them.

Measures, as in shared/notes/peers.md:

  (a) cold: one whole process summarising seed 000 (median wall time, peak RSS);
  (b) warm: in this process, per seed, after one warm-up call per tool;
  (c) one long document (100 KB, 1 MB, 5 MB), each run in a fresh process;
  (d) a directory of 1,000 reports with --jobs 1 and --jobs 2 (reports/s);
  (e) where devzone's time goes: each stage's share, on the seeds and on the 1 MB document.

Every target is a ratio against textrank4zh measured in the same run (issue: speed to the floor).

Within each repetition every tool runs once, so drift hits all tools alike.
Prints Markdown tables with medians, the ratio devzone/peer and whether each
target is met. Uses the standard library (and psutil only when /usr/bin/time
is missing). The environment is passed on unchanged.

    python benchmarks/run.py            # full run (tens of minutes)
    python benchmarks/run.py --quick    # fewer repetitions, a few minutes
    python benchmarks/run.py --out results.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import logging
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
CORPUS_DEFAULT = REPO.parent / "shared" / "corpus"
CORPUS_PARTS = ("city-2024", "province-2025", "national")  # never anything else under shared/
PYTHON = sys.executable
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

DEVZONE = "devzone"
# Each peer: code defining summarise(text), run as is in `python -c` scripts
# and exec'd in this process for the warm figures.
PEERS: dict[str, str] = {
    "textrank4zh": """
import networkx
networkx.from_numpy_matrix = networkx.from_numpy_array  # textrank4zh 0.3 on networkx 3
from textrank4zh import TextRank4Sentence
def summarise(text):
    tr = TextRank4Sentence()
    tr.analyze(text=text, lower=True, source="all_filters")
    return [item.sentence for item in tr.get_key_sentences(num=5)]
""",
    "SnowNLP": """
from snownlp import SnowNLP
def summarise(text):
    return SnowNLP(text).summary(5)
""",
    "sumy TextRank": """
from sumy.parsers.plaintext import PlaintextParser
from sumy.nlp.tokenizers import Tokenizer
from sumy.summarizers.text_rank import TextRankSummarizer
def summarise(text):
    parser = PlaintextParser.from_string(text, Tokenizer("chinese"))
    return [str(s) for s in TextRankSummarizer()(parser.document, 5)]
""",
    "jieba.analyse.textrank": """
import jieba.analyse
def summarise(text):
    return jieba.analyse.textrank(text, topK=20)  # keywords only
""",
}
PEER_MAIN = """
import sys
with open(sys.argv[1], encoding="utf-8") as f:
    summarise(f.read())
"""
TOOLS = [DEVZONE, *PEERS]


# ---------------------------------------------------------------- running things


@dataclass
class Run:
    seconds: float | None = None
    peak_mb: float | None = None
    error: str | None = None  # "timeout" or "error: ..."


def devzone_command(*args: str) -> list[str]:
    exe = Path(PYTHON).parent / "devzone"
    return [str(exe), *args] if exe.exists() else [PYTHON, "-m", "devzone", *args]


def peer_command(peer: str, path: Path) -> list[str]:
    return [PYTHON, "-c", PEERS[peer] + PEER_MAIN, str(path)]


def _total_ram() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return 8 * 10**9


MEM_LIMIT = _total_ram() // 2  # bytes; a run whose process tree goes over this is killed (--mem-limit-gb)


def _watch_rss(proc: subprocess.Popen, interval: float, state: dict) -> None:
    """Sample the RSS of the process tree: its peak (when /usr/bin/time is missing), and kill
    the whole group if it goes over MEM_LIMIT, so a runaway run cannot take the machine down."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            total = 0
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            state["peak"] = max(state["peak"], total)
            if total > MEM_LIMIT:
                state["killed"] = total
                os.killpg(proc.pid, signal.SIGKILL)
                return
            time.sleep(interval)
    except (psutil.Error, ProcessLookupError):
        pass


def _kill_group(proc: subprocess.Popen, state: dict) -> None:
    state["timed_out"] = 1
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: time, python and any workers
    except ProcessLookupError:
        pass


def run_measured(cmd: list[str], timeout: float) -> Run:
    """Run cmd with stdout to /dev/null; wall time and peak RSS (MB = 10^6 bytes)."""
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        err_file = Path(tmp) / "stderr"
        full = [GNU_TIME, "-f", "%M", "-o", str(rss_file), *cmd] if GNU_TIME else cmd
        state = {"peak": 0, "killed": 0}
        with open(err_file, "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
            watcher = threading.Thread(
                target=_watch_rss, args=(proc, 0.1 if GNU_TIME else 0.01, state), daemon=True
            )
            watcher.start()
            # A blocking wait, with a timer to kill: Popen.wait(timeout=) polls with sleeps of
            # up to 50 ms and added 40 ms on average to every run, a seventh of devzone's start.
            timer = threading.Timer(timeout, _kill_group, args=(proc, state))
            timer.start()
            rc = proc.wait()
            seconds = time.perf_counter() - start
            timer.cancel()
            watcher.join()
            if state.get("timed_out"):
                return Run(error="timeout")
        if state["killed"]:
            return Run(
                error=f"killed after {seconds:.0f} s: over {MEM_LIMIT / 1e9:.1f} GB "
                f"({state['killed'] / 1e9:.1f} GB)"
            )
        if rc != 0:
            lines = [ln for ln in err_file.read_text(errors="replace").splitlines() if ln.strip()]
            return Run(error=f"error: exit {rc}: {lines[-1][:120] if lines else ''}")
        if GNU_TIME:
            kib = rss_file.read_text().split()
            peak_mb = int(kib[-1]) * 1024 / 1e6 if kib else None
        else:
            peak_mb = state["peak"] / 1e6 or None
        return Run(seconds=seconds, peak_mb=peak_mb)


def median_run(runs: list[Run]) -> Run:
    """Median time and peak of the successful runs, or the first failure."""
    ok = [r for r in runs if r.error is None]
    if not ok:
        return runs[0] if runs else Run(error="not run")
    return Run(
        seconds=statistics.median(r.seconds for r in ok),
        peak_mb=statistics.median(r.peak_mb for r in ok if r.peak_mb is not None)
        if any(r.peak_mb for r in ok)
        else None,
    )


def load_peer(code: str):
    """exec a peer's code here and return its summarise function."""
    namespace: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba's pkg_resources warning
        exec(code, namespace)
    if "jieba" in sys.modules:
        sys.modules["jieba"].setLogLevel(logging.WARNING)
    return namespace["summarise"]


# ---------------------------------------------------------------- formatting


def fmt_s(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f} s"


def fmt_ms(x: float | None) -> str:
    return "-" if x is None else (f"{x:,.0f}" if x >= 100 else f"{x:.1f}")


def fmt_mb(x: float | None) -> str:
    return "-" if x is None else f"{x:,.0f} MB"


def fmt_ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    r = a / b
    return f"{r:.3f}×" if r < 0.1 else f"{r:.2f}×"


def cell(run: Run, fmt) -> str:
    return run.error if run.error else fmt(run.seconds)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- inputs


def corpus_reports(corpus: Path) -> list[Path]:
    return [p for part in CORPUS_PARTS for p in sorted((corpus / part).glob("*.txt"))]


def build_long_document(sources: list[Path], size: int, path: Path) -> int:
    """Seeds then corpus reports joined (repeated if needed), cut at a line end below size bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        text = sources[i % len(sources)].read_text(encoding="utf-8", errors="replace").strip() + "\n\n"
        parts.append(text)
        total += len(text.encode("utf-8"))
        i += 1
    data = "".join(parts).encode("utf-8")[:size]
    data = data[: data.rfind(b"\n") + 1]
    path.write_bytes(data)
    return len(data)


def build_report_dir(reports: list[Path], count: int, directory: Path) -> None:
    """count symlinks to corpus reports, cycling, with distinct names."""
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        src = reports[i % len(reports)]
        (directory / f"{i:04d}_{src.parent.name}_{src.name}").symlink_to(src)


# ---------------------------------------------------------------- measurements


def measure_cold(reps: int, peer_timeout: float) -> dict[str, Run]:
    """(a) one whole process summarising seed 000, per tool; medians."""
    seed = SEEDS[0]
    runs: dict[str, list[Run]] = {t: [] for t in TOOLS}
    # One untimed start of each tool first: a cold start is timed as an installed package
    # starts, with its bytecode compiled (pip compiles at install; an editable checkout
    # compiles at its first run) and the files in the page cache.
    for tool in TOOLS:
        run_measured(devzone_command("summarize", str(seed)) if tool == DEVZONE else peer_command(tool, seed),
                     timeout=peer_timeout)
    for rep in range(reps):
        progress(f"cold {rep + 1}/{reps}")
        for tool in TOOLS:
            if runs[tool] and runs[tool][-1].error:
                continue  # failed once: do not retry
            if tool == DEVZONE:
                runs[tool].append(run_measured(devzone_command("summarize", str(seed)), timeout=600))
            else:
                runs[tool].append(run_measured(peer_command(tool, seed), timeout=peer_timeout))
    return {t: median_run(r) for t, r in runs.items()}


def measure_warm(reps: int) -> dict[str, dict[str, Run]]:
    """(b) in this process: per seed, per tool, median ms (in Run.seconds) after one warm-up call."""
    functions, failed = {}, {}
    try:
        from devzone.pipeline import summarize_text

        functions[DEVZONE] = summarize_text
    except Exception as exc:  # noqa: BLE001 - reported in the table
        failed[DEVZONE] = f"error: {type(exc).__name__}: {exc}"[:120]
    for peer, code in PEERS.items():
        try:
            functions[peer] = load_peer(code)
        except Exception as exc:  # noqa: BLE001
            failed[peer] = f"error: {type(exc).__name__}: {exc}"[:120]
    texts = {s.name[:3]: s.read_text(encoding="utf-8") for s in SEEDS}
    for tool, fn in list(functions.items()):  # one warm-up call each, on seed 000
        try:
            fn(texts[SEEDS[0].name[:3]])
        except Exception as exc:  # noqa: BLE001
            failed[tool] = f"error: {type(exc).__name__}: {exc}"[:120]
            del functions[tool]
    results: dict[str, dict[str, Run]] = {}
    for seed, text in texts.items():
        times: dict[str, list[float]] = {t: [] for t in functions}
        errors: dict[str, str] = {}
        for rep in range(reps):
            progress(f"warm seed {seed} {rep + 1}/{reps}")
            for tool, fn in functions.items():
                if tool in errors:
                    continue
                try:
                    start = time.perf_counter()
                    fn(text)
                    times[tool].append((time.perf_counter() - start) * 1000)
                except Exception as exc:  # noqa: BLE001
                    errors[tool] = f"error: {type(exc).__name__}: {exc}"[:120]
        results[seed] = {}
        for tool in TOOLS:
            if tool in failed or tool in errors:
                results[seed][tool] = Run(error=failed.get(tool) or errors[tool])
            else:
                results[seed][tool] = Run(seconds=statistics.median(times[tool]))
    return results


def measure_long(
    sources: list[Path],
    sizes: dict[str, int],
    peer_sizes: set[str],
    reps: int,
    peer_timeout: float,
    workdir: Path,
) -> dict[str, dict]:
    """(c) one long document per size, each run in a fresh process; devzone at every size, peers at peer_sizes."""
    docs = {}
    for label, size in sizes.items():
        path = workdir / f"long_{label.replace(' ', '')}.txt"
        docs[label] = (path, build_long_document(sources, size, path))
    runs: dict[str, dict[str, list[Run]]] = {label: {t: [] for t in TOOLS} for label in sizes}
    for rep in range(reps):
        for label, (path, _) in docs.items():
            progress(f"long {label} {rep + 1}/{reps}")
            for tool in TOOLS:
                done = runs[label][tool]
                if tool != DEVZONE and label not in peer_sizes:
                    continue
                if done and done[-1].error:
                    continue  # timed out or failed once: do not retry
                if tool == DEVZONE:
                    done.append(run_measured(devzone_command("summarize", str(path)), timeout=1800))
                else:
                    done.append(run_measured(peer_command(tool, path), timeout=peer_timeout))
    return {
        label: {
            "bytes": docs[label][1],
            "runs": {t: median_run(r) if r else Run(error="not run") for t, r in runs[label].items()},
        }
        for label in sizes
    }


def measure_directory(reports: list[Path], count: int, reps: int, workdir: Path) -> dict[int, Run]:
    """(d) a directory of count reports with --jobs 1 and --jobs 2; Run.seconds is the wall time."""
    directory = workdir / f"reports_{count}"
    build_report_dir(reports, count, directory)
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for rep in range(reps):
        for jobs in runs:
            progress(f"directory of {count}, --jobs {jobs}, {rep + 1}/{reps}")
            cmd = devzone_command("summarize", str(directory), "--format", "jsonl", "--jobs", str(jobs))
            runs[jobs].append(run_measured(cmd, timeout=3600))
    return {jobs: median_run(r) for jobs, r in runs.items()}


def measure_stages(long_document: Path) -> dict[str, dict[str, float]]:
    """(e) seconds per stage, in this process, summed over the seeds (after a warm-up) and
    for the 1 MB document."""
    from devzone import Analyzer

    analyzer = Analyzer()
    analyzer.analyse(SEEDS[0])  # load the model and the lexicon first
    out: dict[str, dict[str, float]] = {}
    for label, paths in (("seeds", SEEDS), ("1 MB", [long_document])):
        timings: dict[str, float] = {}
        for path in paths:
            start = time.perf_counter()
            cleaned = analyzer.read(path)
            timings["read and clean"] = timings.get("read and clean", 0.0) + time.perf_counter() - start
            analyzer.annotate(cleaned, source=str(path), timings=timings)
        out[label] = timings
    return out


def stage_report(stages: dict[str, dict[str, float]]) -> list[str]:
    lines = ["## (e) Where devzone's time goes, in one process", ""]
    labels = list(stages)
    names = list(next(iter(stages.values())))
    rows = []
    for name in names:
        row = [name]
        for label in labels:
            total = sum(stages[label].values()) or 1.0
            row.append(f"{stages[label][name] * 1000:.0f} ms ({stages[label][name] / total:.0%})")
        rows.append(row)
    out = lines + table(["stage", *labels], rows) + [""]
    one = stages.get("1 MB", {})
    figures = one.get("figures")
    if figures is not None:
        rest = sum(v for k, v in one.items() if k != "figures") or 1.0
        out += [f"Figures add {figures / rest:.0%} to the rest of summarize on the 1 MB document (target < 15 %).", ""]
    return out


# ---------------------------------------------------------------- report


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = " ".join(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for dist in ("devzone", "textrank4zh", "snownlp", "sumy", "jieba", "networkx", "numpy", "scipy"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{dist} not installed")
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip():
            commit += " (with uncommitted changes)"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return [
        f"- date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- CPU: {cpu}; cores: {os.cpu_count()} ({usable} usable); RAM: {ram}",
        f"- Python {platform.python_version()} "
        f"({'a virtual environment' if sys.prefix != sys.base_prefix else 'the system interpreter'}); "
        f"{platform.platform()}",
        f"- devzone commit {commit}",
        f"- {', '.join(versions)}",
        f"- peak RSS by {'/usr/bin/time -f %M' if GNU_TIME else 'psutil polling of the process tree'}; "
        f"a run over {MEM_LIMIT / 1e9:.1f} GB (process tree) is killed",
        f"- load average at the end (1/5/15 min): {' / '.join(f'{x:.2f}' for x in os.getloadavg())} "
        "(other work on the machine skews the figures, --jobs 2 most)",
    ]


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("met" if ok else "**NOT met**")


def report(args, cold, warm, long, directory, n_reports) -> list[str]:
    out = ["# devzone benchmark", "", *machine(), ""]
    if args.quick:
        out += ["Quick run (--quick): fewer repetitions; figures are rough.", ""]
    targets: list[tuple[str, str, bool | None]] = []

    dz = cold[DEVZONE]
    out += [f"## (a) Cold: one process summarising {SEEDS[0].name}, median of {args.cold_reps}", ""]
    rows = [
        [
            t,
            cell(r, fmt_s),
            fmt_mb(r.peak_mb),
            "-" if t == DEVZONE else fmt_ratio(dz.seconds, r.seconds),
            "-" if t == DEVZONE else fmt_ratio(dz.peak_mb, r.peak_mb),
        ]
        for t, r in cold.items()
    ]
    out += table(["tool", "wall time", "peak RSS", "time devzone/peer", "RSS devzone/peer"], rows) + [""]
    tr = cold["textrank4zh"]
    r = None if dz.seconds is None or tr.seconds is None else dz.seconds / tr.seconds
    targets.append(
        ("cold ≤ 0.25× textrank4zh", "-" if r is None else f"{r:.2f}×", None if r is None else r <= 0.25)
    )

    out += [
        f"## (b) Warm: in one process, per seed, median ms of {args.warm_reps} after one warm-up call",
        "",
        "Peer cells: ms (devzone/peer).",
        "",
    ]
    rows, faster, twenty, worst_tr = [], [], [], None
    no_figure = sorted({p for runs in warm.values() for p in PEERS if runs[p].seconds is None})
    for seed, runs in warm.items():
        d = runs[DEVZONE].seconds
        row = [seed, cell(runs[DEVZONE], fmt_ms)]
        for peer in PEERS:
            p = runs[peer]
            row.append(p.error if p.error else f"{fmt_ms(p.seconds)} ({fmt_ratio(d, p.seconds)})")
            if d is not None and p.seconds is not None:
                faster.append(d < p.seconds)
                if peer == "textrank4zh" and seed in ("000", "001", "002"):
                    twenty.append(d * 20 <= p.seconds)
                    worst_tr = max(worst_tr or 0, d / p.seconds)
        rows.append(row)
    out += table(["seed", "devzone ms", *PEERS], rows) + [""]
    targets.append(
        (
            "warm faster than every peer (every seed)",
            f"{sum(faster)}/{len(faster)} seed×peer pairs"
            + (f" (no figure for {', '.join(no_figure)})" if no_figure else ""),
            all(faster) if faster else None,
        )
    )
    targets.append(
        (
            "warm ≥ 20× faster than textrank4zh (seeds 000-002)",
            "-" if worst_tr is None else f"worst {worst_tr:.3f}× (≤ 0.05× needed)",
            all(twenty) if twenty else None,
        )
    )

    out += [
        f"## (c) One long document, fresh process per run, median of {args.long_reps}",
        "",
        f"Peers run at {', '.join(args.peer_sizes)} only, with a {args.peer_timeout:.0f} s timeout. "
        "Cells: wall time, peak RSS (devzone/peer).",
        "",
    ]
    rows = []
    for label, res in long.items():
        runs = res["runs"]
        d = runs[DEVZONE]
        row = [
            f"{label} ({res['bytes']:,} bytes)",
            d.error if d.error else f"{fmt_s(d.seconds)}, {fmt_mb(d.peak_mb)}",
        ]
        for peer in PEERS:
            p = runs[peer]
            if p.error:
                row.append(p.error if p.error != "not run" else "-")
            else:
                row.append(
                    f"{fmt_s(p.seconds)}, {fmt_mb(p.peak_mb)} "
                    f"({fmt_ratio(d.seconds, p.seconds)}, {fmt_ratio(d.peak_mb, p.peak_mb)})"
                )
        rows.append(row)
    out += table(["input", "devzone", *PEERS], rows) + [""]
    one = long.get("1 MB", {}).get("runs", {}).get(DEVZONE, Run(error="not run"))

    def gave_up(run: Run) -> bool:  # a devzone run that did not finish counts as a miss
        return bool(run.error) and run.error.startswith(("timeout", "killed"))

    five = long.get("5 MB", {}).get("runs", {}).get(DEVZONE, Run(error="not run"))
    tr_cold = cold["textrank4zh"].seconds
    targets.append(
        (
            "1 MB ≤ textrank4zh's whole process on seed 000",
            "-" if one.seconds is None or tr_cold is None else f"{one.seconds / tr_cold:.2f}×",
            False if gave_up(one) else None if one.seconds is None or tr_cold is None else one.seconds <= tr_cold,
        )
    )
    if one.seconds is not None and five.seconds is not None:
        targets.append(("5 MB ≤ 5.5× the 1 MB time", f"{five.seconds / one.seconds:.1f}×",
                        five.seconds <= 5.5 * one.seconds))
        if one.peak_mb and five.peak_mb:
            targets.append(("peak memory linear: 5 MB ≤ 5.5× the 1 MB peak", f"{five.peak_mb / one.peak_mb:.1f}×",
                            five.peak_mb <= 5.5 * one.peak_mb))
    else:
        targets.append(("5 MB ≤ 5.5× the 1 MB time", five.error or "-", False if gave_up(five) else None))

    out += [
        f"## (d) A directory of {n_reports} reports (`--format jsonl`), median of {args.dir_reps}",
        "",
        "The peers have no batch mode: devzone only.",
        "",
    ]
    rows = [
        [
            f"--jobs {jobs}",
            cell(r, fmt_s),
            "-" if r.seconds is None else f"{n_reports / r.seconds:.1f}",
            fmt_mb(r.peak_mb),
        ]
        for jobs, r in directory.items()
    ]
    out += table(["devzone", "wall time", "reports/s", "peak RSS (largest process)"], rows) + [""]
    j2 = directory[2]
    rate = None if j2.seconds is None else n_reports / j2.seconds
    targets.append(
        (
            "≥ 20 reports/s with --jobs 2",
            "-" if rate is None else f"{rate:.1f}/s",
            None if rate is None else rate >= 20,
        )
    )

    out += ["## Targets", ""]
    out += table(["target", "measured", "verdict"], [[t, m, verdict(ok)] for t, m, ok in targets])
    return out + [""]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="cold 3, warm 3, no 10 MB, 200 reports")
    ap.add_argument("--out", type=Path, help="also write the results as Markdown to this file")
    ap.add_argument("--cold-reps", type=int, help="cold repetitions (default 10; 3 with --quick)")
    ap.add_argument("--warm-reps", type=int, help="warm repetitions per seed (default 10; 3 with --quick)")
    ap.add_argument("--long-reps", type=int, help="long-document repetitions (default 3; 1 with --quick)")
    ap.add_argument("--dir-reps", type=int, help="directory repetitions (default 3; 1 with --quick)")
    ap.add_argument("--reports", type=int, help="reports in the directory (default 1000; 200 with --quick)")
    ap.add_argument("--peers-long", action="store_true", help="run the peers on the 1 MB document too")
    ap.add_argument("--peer-timeout", type=float, default=120.0, help="seconds per peer run (default 120)")
    ap.add_argument(
        "--mem-limit-gb",
        type=float,
        default=MEM_LIMIT / 1e9,
        help=f"kill a run whose processes use more (default half the RAM, {MEM_LIMIT / 1e9:.1f})",
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS_DEFAULT, help=f"corpus (default {CORPUS_DEFAULT})")
    args = ap.parse_args(argv)
    quick = args.quick
    args.cold_reps = args.cold_reps or (3 if quick else 10)
    args.warm_reps = args.warm_reps or (3 if quick else 10)
    args.long_reps = args.long_reps or (1 if quick else 3)
    args.dir_reps = args.dir_reps or (1 if quick else 3)
    args.reports = args.reports or (200 if quick else 1000)
    args.peer_sizes = ["100 KB", "1 MB"] if args.peers_long else ["100 KB"]
    return args


def main(argv=None) -> int:
    global MEM_LIMIT
    args = parse_args(argv)
    MEM_LIMIT = int(args.mem_limit_gb * 1e9)
    # Bytecode is written, as it is for any user: a shell that forbids it would time every
    # start of an editable checkout as a first start, compiling devzone's source each time.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if not SEEDS:
        sys.exit(f"no seeds in {REPO / 'seeds'}")
    reports = corpus_reports(args.corpus)
    if not reports:
        sys.exit(f"no corpus reports under {args.corpus}")
    sizes = {"100 KB": 100_000, "1 MB": 1_000_000, "5 MB": 5_000_000}
    with tempfile.TemporaryDirectory(prefix="devzone-bench-") as tmp:
        work = Path(tmp)
        cold = measure_cold(args.cold_reps, args.peer_timeout)
        warm = measure_warm(args.warm_reps)
        long = measure_long(
            SEEDS + reports, sizes, set(args.peer_sizes), args.long_reps, args.peer_timeout, work
        )
        directory = measure_directory(reports, args.reports, args.dir_reps, work)
        stages = measure_stages(work / "long_1MB.txt")
    text = "\n".join(report(args, cold, warm, long, directory, args.reports) + stage_report(stages))
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
