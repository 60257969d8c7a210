"""The command line. The only module that imports typer.

Library errors (DevzoneError) become one line on stderr and an exit code:

    0    every input summarised
    1    some inputs failed; each has a record with an "error" field
    2    usage error, or no input could be read
    3    the model or the labels are unusable (missing, corrupted, checksum mismatch)
    74   the output could not be written (a full disk)
    130  interrupted (Ctrl-C); 143 and 129: stopped by SIGTERM or SIGHUP
    141  the reader of stdout went away (e.g. `| head`)
"""

from __future__ import annotations

import enum
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, List, Optional

import typer

from .errors import DevzoneError, InputError, LabelError, ModelError
from .options import CONFIG_FILE, MAX_BYTES_TEXT, THEME_TOP_K, TOP_K

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_MODEL, EXIT_OUTPUT, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 3, 74, 130, 141

def _show_version(value: bool) -> None:
    if value:
        from .versions import SCHEMA_VERSION, __version__

        print(f"devzone {__version__} (output schema {SCHEMA_VERSION})")
        raise typer.Exit()


app = typer.Typer(
    name="devzone",
    help="Tag the paragraphs of Chinese government and development-zone work reports by theme, find their "
    "key figures and targets, and summarise them, as JSON.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Tag the paragraphs of Chinese government and development-zone work reports by theme,
    find their key figures and targets, and summarise them, as JSON."""


class OutputFormat(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    csv = "csv"


class ThemeSummaries(str, enum.Enum):
    main = "main"
    all = "all"


class CompareFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"
    json = "json"
    text = "text"
    html = "html"


class SchemaCommand(str, enum.Enum):
    summarize = "summarize"
    figures = "figures"


class FiguresFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"
    text = "text"


class Order(str, enum.Enum):
    input = "input"
    completion = "completion"


class Backend(str, enum.Enum):
    loky = "loky"
    dask = "dask"


class Exit(Exception):
    """Raised inside commands to leave with a code after a message was shown."""

    def __init__(self, code: int):
        self.code = code


def _say(message: str) -> None:
    """One line on stderr; a closed or broken stderr is no reason to fail, nor to use stdout."""
    from .output.records import display_source

    try:
        print(f"devzone: {display_source(message)}", file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _parse_size(text: str | int) -> int:
    from .options import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


class PipeClosed(Exception):
    """stdout's reader went away. Not an OSError, so click does not turn it into exit 1."""


class OutputFailed(Exception):
    """stdout could not be written (a full disk, a closed stream): exit 74."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` on the way up swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


_received: list[int] = []  # the stop signals that arrived, so no handler on the way can hide one


def _raise_terminated(signum: int, frame: Any) -> None:
    _received.append(signum)
    raise Terminated(signum)


class _Writer:
    """Writes whole records to stdout; a record is never cut by Ctrl-C."""

    def __init__(self) -> None:
        self.out = sys.stdout

    def write(self, text: str) -> None:
        block = hasattr(signal, "pthread_sigmask")
        if block:
            old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *_STOP_SIGNALS})
        try:
            self.out.write(text)
            self.out.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
        except (OSError, ValueError) as exc:
            raise OutputFailed(f"cannot write the output: {getattr(exc, 'strerror', None) or exc}") from None
        finally:
            if block:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _dumps(obj: Any, pretty: bool) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None, allow_nan=False)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _progress(total: int) -> Callable[[int, str], None]:
    if total < 2 or not sys.stderr.isatty():
        return lambda done, name: None

    def show(done: int, name: str) -> None:
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done == total else ""
        print(f"\r[{bar}] {done}/{total} {name[-40:]:<40}", end=end, file=sys.stderr, flush=True)

    return show


PATHS_HELP = "Report files (.txt, .md, .html, .mhtml, .pdf, .docx), directories of them, or - for stdin."


@app.command()
def summarize(
    paths: List[str] = typer.Argument(..., metavar="PATH", help=PATHS_HELP),
    top_k: Optional[int] = typer.Option(None, "--top-k", min=1, help=f"Sentences in the overall summary [default: {TOP_K}]."),
    theme_top_k: Optional[int] = typer.Option(
        None, "--theme-top-k", min=1, help=f"Sentences in each theme's summary [default: {THEME_TOP_K}]."),
    theme_summaries: Optional[ThemeSummaries] = typer.Option(
        None, "--theme-summaries", help="main: a summary for every theme but other (the default); all: other too."),
    user_dict: Optional[List[Path]] = typer.Option(
        None, "--user-dict", help="A jieba-format dictionary (word [frequency] [tag] a line) whose words are kept "
        "whole and can be keywords. Repeatable."),
    stopwords: Optional[List[Path]] = typer.Option(
        None, "--stopwords", help="A word list (one or more words a line, # for comments) that never counts. Repeatable."),
    config: Optional[Path] = typer.Option(
        None, "--config", help=f"A TOML file of these settings [default: ./{CONFIG_FILE} when it exists]."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.json, "--format", case_sensitive=False,
        help="json: one object (an array for several inputs); jsonl: one report a line, written as each is done (see --order); "
        "text: a readable view; csv: one row per paragraph (for pandas).",
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Files summarised in parallel."),
    order: Order = typer.Option(Order.input, "--order", help="Write jsonl lines in input order, or as each completes."),
    backend: Backend = typer.Option(Backend.loky, "--backend", help="loky: processes on this machine; dask: a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (with --backend dask)."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model file (.npz, or a trusted .joblib) instead of the shipped one."),
    max_size: Optional[int] = typer.Option(None, "--max-size", parser=_parse_size, metavar="SIZE",
                                           help=f"Refuse inputs larger than this (e.g. 20MB, 500KB) [default: {MAX_BYTES_TEXT}]."),
) -> None:
    """Summarise reports: paragraphs tagged by theme, summaries overall and per theme.

    Example:

        devzone summarize report.txt | jq '.themes.ecology.summary[].text'

        devzone summarize archive/ --format jsonl --jobs 2 > reports.jsonl
    """
    from .output.text import report_text
    from .pipeline import Analyzer

    given = {"top_k": top_k, "theme_top_k": theme_top_k, "max_bytes": max_size,
             "theme_summaries": theme_summaries.value if theme_summaries else None,
             "model": str(model) if model else None}
    analyzer = Analyzer(_options(config, given, user_dict, stopwords))
    analyzer.load()  # fail fast, before any input is read
    items = analyzer.analyse_many(paths, jobs=jobs, backend=backend.value, scheduler=scheduler,
                                  ordered=order is Order.input)
    _emit(items, paths, output_format.value, lambda item: item.to_dict(), report_text, "paragraphs")


def _options(config: Optional[Path], given: dict[str, Any], user_dict: Optional[List[Path]],
             stopwords: Optional[List[Path]]) -> Any:
    """Options from the command line, then the config file, then the defaults; word lists
    from both add up. Every word list is read now, so a bad one fails before any input."""
    from .lexicon import Lexicon
    from .options import Options, read_config

    try:
        values = read_config(str(config) if config else None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--config") from None
    values.update({k: v for k, v in given.items() if v is not None})
    values["user_dicts"] = (*values.get("user_dicts", ()), *(str(p) for p in user_dict or ()))
    values["stopword_files"] = (*values.get("stopword_files", ()), *(str(p) for p in stopwords or ()))
    options = Options(**values)
    lexicon = Lexicon(user_dicts=options.user_dicts, stopword_files=options.stopword_files)
    lexicon.stopwords, lexicon.user_words  # noqa: B018 - read the lists now: a bad file is a usage error
    return options


def _emit(items: Iterable[Any], paths: List[str], output_format: str, to_record: Callable[[Any], dict],
          to_text: Callable[[dict], str], table: str) -> None:
    """Write each report's record as it comes, in the chosen format, and leave with the exit
    code the batch earned: 0, or 1 (2 when every input failed)."""
    from .output import tables

    writer = _Writer()
    _note_unread(paths)
    show = _progress(_count_inputs(paths))
    collected: list[dict] = []
    failed = done = 0
    columns = tables.PARAGRAPH_COLUMNS if table == "paragraphs" else tables.FIGURE_COLUMNS
    rows_of = tables.paragraph_rows if table == "paragraphs" else tables.figure_rows
    for done, item in enumerate(items, 1):
        if _received:
            # A library on the way (an import hook, a finaliser) may have swallowed the stop
            # signal and turned it into this file's failure: a stopped batch writes nothing more.
            raise Terminated(_received[0])
        rec = to_record(item) if not hasattr(item, "error_type") else item.to_dict()
        show(done, rec["source"])
        if "error" in rec:
            failed += 1
            _say(rec["error"]["message"])
        if output_format == "jsonl":
            writer.write(_dumps(rec, False) + "\n")
        elif output_format == "text":
            writer.write(to_text(rec))
        elif output_format == "csv":
            writer.write(tables.csv_text(rows_of(rec), columns, header=done == 1))
        else:
            collected.append(rec)
    if output_format == "csv" and done == 0:
        writer.write(tables.csv_text([], columns, header=True))
    if output_format == "json":
        if len(paths) == 1 and len(collected) == 1 and not Path(paths[0]).is_dir():
            writer.write(_dumps(collected[0], True) + "\n")
        else:
            writer.write(_dumps(collected, True) + "\n")
    if failed:
        raise Exit(EXIT_USAGE if failed == done else EXIT_PARTIAL)


@app.command()
def figures(
    paths: List[str] = typer.Argument(..., metavar="PATH", help=PATHS_HELP),
    output_format: FiguresFormat = typer.Option(
        FiguresFormat.jsonl, "--format", case_sensitive=False,
        help="jsonl: one report a line with its headline and figures; csv: one row per figure (for pandas); "
        "json: one object (an array for several inputs); text: a readable table.",
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Files read in parallel."),
    max_size: int = typer.Option(MAX_BYTES_TEXT, "--max-size", parser=_parse_size, metavar="SIZE",
                                 help="Refuse inputs larger than this (e.g. 20MB, 500KB)."),
) -> None:
    """Key figures and targets: every result and goal a report states, typed and traceable.

    Example:

        devzone figures archive/ --format csv > figures.csv

        devzone figures report.txt | jq '.headline[] | [.indicator, .kind, .value, .unit]'
    """
    from .output.text import figures_text
    from .pipeline import FIGURE_STAGES, Analyzer, Options

    analyzer = Analyzer(Options(max_bytes=max_size))
    items = analyzer.analyse_many(paths, jobs=jobs, stages=FIGURE_STAGES)
    _emit(items, paths, output_format.value, lambda item: item.figures_dict(), figures_text, "figures")


# Files people keep reports in that devzone refuses: a batch says how to bring them in.
_CONVERTIBLE = (".doc", ".rtf", ".wps")


def _note_unread(paths: List[str]) -> None:
    """One line on stderr for each directory named that holds files devzone does not read: a
    batch leaves them out, and an analyst should know which reports it did not see."""
    from .pipeline import STDIN, unread_files

    for raw in paths:
        if raw == STDIN or not os.path.isdir(raw):
            continue
        unread = unread_files(raw)
        if unread:
            kinds = ", ".join(f"{count} {suffix}" for suffix, count in sorted(unread.items()))
            hint = "; convert .doc, .rtf and .wps files to .docx to include them" if set(unread) & set(_CONVERTIBLE) else ""
            _say(f"{raw}: left out {sum(unread.values())} file(s) devzone does not read ({kinds}){hint}")


def _count_inputs(paths: List[str]) -> int:
    """How many inputs the paths name, for the progress bar (a bad path counts as one)."""
    from .pipeline import expand_inputs

    total = 0
    for raw in paths:
        try:
            total += sum(1 for _ in expand_inputs([raw]))
        except InputError:
            total += 1
    return total


@app.command()
def compare(
    paths: List[str] = typer.Argument(..., metavar="PATH", help=PATHS_HELP),
    output_format: CompareFormat = typer.Option(
        CompareFormat.csv, "--format", case_sensitive=False,
        help="csv: the table (for pandas); jsonl or json: its rows; text: a readable table; "
        "html: one self-contained page with the table and charts.",
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Files analysed in parallel."),
    backend: Backend = typer.Option(Backend.loky, "--backend", help="loky: processes on this machine; dask: a Dask cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (with --backend dask)."),
    config: Optional[Path] = typer.Option(None, "--config", help=f"A TOML file of settings [default: ./{CONFIG_FILE}]."),
) -> None:
    """Compare reports: one row per report with its metadata, theme shares, each core
    indicator's latest result and this year's target, and the change since the same
    place's previous report.

    Example:

        devzone compare corpus/province-2025 --format csv > provinces.csv

        devzone compare archive/ --format html > archive.html
    """
    from .output.page import comparison_page
    from .output.tables import csv_text
    from .pipeline import Analyzer, comparison_columns

    analyzer = Analyzer(_options(config, {}, None, None)).load()
    _note_unread(paths)
    rows = analyzer.compare(paths, jobs=jobs, backend=backend.value, scheduler=scheduler)
    columns = comparison_columns()
    writer = _Writer()
    for row in rows:
        if "error" in row:
            _say(str(row["error"]))
    if output_format is CompareFormat.csv:
        writer.write(csv_text(rows, columns, header=True))
    elif output_format is CompareFormat.jsonl:
        writer.write("".join(_dumps(r, False) + "\n" for r in rows))
    elif output_format is CompareFormat.json:
        writer.write(_dumps(rows, True) + "\n")
    elif output_format is CompareFormat.html:
        writer.write(comparison_page(rows, columns))
    else:
        writer.write(_comparison_text(rows))
    failed = sum(1 for r in rows if "error" in r)
    if failed:
        raise Exit(EXIT_USAGE if failed == len(rows) else EXIT_PARTIAL)


def _comparison_text(rows: List[dict]) -> str:
    head = f"{'place':<14}{'year':>6}  {'level':<9}{'gdp growth':>11}{'target':>10}  top themes"
    lines = [head, "-" * len(head)]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['source']}: ERROR {r['error']}")
            continue
        shares = sorted(((v, k[6:]) for k, v in r.items() if k.startswith("share_") and not k.endswith("_change")),
                        reverse=True)[:2]
        target = r.get("gdp_growth_target")
        if target is None and r.get("gdp_growth_target_low") is not None:
            target = f"{r['gdp_growth_target_low']}-{r['gdp_growth_target_high']}"
        lines.append(f"{str(r.get('place') or r['source'])[:13]:<14}{str(r.get('year') or ''):>6}  "
                     f"{str(r.get('level') or ''):<9}{str(r.get('gdp_growth_achieved') or ''):>11}"
                     f"{str(target or ''):>10}  " + ", ".join(f"{t} {v:.0%}" for v, t in shares))
    return "\n".join(lines) + "\n"


@app.command()
def classify(
    paths: List[str] = typer.Argument(None, help="Report files to tag (omit with --jsonl)."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Read {"id", "text"} lines on stdin; one paragraph per line.'),
    model: Optional[Path] = typer.Option(None, "--model", help="A model file instead of the shipped one."),
) -> None:
    """Tag paragraphs by theme, without summarising.

    Example:

        echo '{"id": 1, "text": "推进污水处理厂建设，改善水环境质量。"}' | devzone classify --jsonl
    """
    from .output import records
    from .pipeline import Analyzer, Options

    analyzer = Analyzer(Options(model=str(model) if model else None))
    analyzer.load()
    writer = _Writer()
    failed = 0
    if jsonl:
        if paths:
            raise typer.BadParameter("give either --jsonl (reading stdin) or report paths, not both")
        for lineno, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            obj = None  # an id from an earlier line must never label this one's error
            try:
                obj = json.loads(line, parse_constant=_refuse_constant)
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise ValueError('each line must be an object with a "text" string')
                if not records.is_json_safe(obj):
                    raise ValueError("the line holds a lone surrogate or nests too deep")
            except (ValueError, RecursionError) as exc:
                failed += 1
                rid = obj.get("id") if isinstance(obj, dict) and records.is_json_safe(obj.get("id")) else None
                message = "nested too deep" if isinstance(exc, RecursionError) else str(exc)
                _say(f"stdin:{lineno}: {message}")
                writer.write(_dumps(records.line_error_record(rid, lineno, message), False) + "\n")
                continue
            tag = analyzer.classify_texts([obj["text"]])[0]
            writer.write(_dumps(records.tag_record(obj.get("id"), tag), False) + "\n")
        if failed:
            raise Exit(EXIT_PARTIAL)
        return
    if not paths:
        raise typer.BadParameter("give report paths, or --jsonl to read paragraphs on stdin")
    from .pipeline import expand_inputs

    total = 0
    for raw in paths:
        try:
            files = list(expand_inputs([raw]))
        except InputError as exc:
            files, failed, total = [], failed + 1, total + 1
            _say(str(exc))
            writer.write(_dumps(records.error_record(raw, type(exc).__name__, str(exc)), False) + "\n")
        for path in files:
            total += 1
            try:
                writer.write(_dumps(records.tagged_record(path, analyzer.tag(path)), False) + "\n")
            except InputError as exc:
                failed += 1
                _say(str(exc))
                writer.write(_dumps(records.error_record(path, type(exc).__name__, str(exc)), False) + "\n")
    if failed:
        raise Exit(EXIT_USAGE if failed == total else EXIT_PARTIAL)


@app.command()
def themes(as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table.")) -> None:
    """List the theme ids, their Chinese names and definitions.

    Example:

        devzone themes --json | jq -r '.[].id'
    """
    from .output.records import themes_table
    from .output.text import themes_text

    rows = themes_table()
    _Writer().write(_dumps(rows, True) + "\n" if as_json else themes_text(rows))


@app.command()
def schema(
    command: SchemaCommand = typer.Option(SchemaCommand.summarize, "--command", help="Whose output: summarize or figures."),
) -> None:
    """Print the JSON Schema of a command's JSON records.

    Example:

        devzone schema > devzone-report.schema.json

        devzone schema --command figures > devzone-figures.schema.json
    """
    from .output.schema import build_schema

    _Writer().write(_dumps(build_schema(command.value), True) + "\n")


@app.command()
def train(
    labels: Path = typer.Option(Path("labels"), "--labels", help="Directory of labeled *.jsonl files."),
    out: Path = typer.Option(Path("models"), "--out", help="Where to write the model files."),
) -> None:
    """Retrain the theme classifier from labeled paragraphs, reproducibly and atomically.

    Example (in a source checkout, this rebuilds the shipped model):

        devzone train --labels labels --out models
    """
    from . import pipeline

    meta = pipeline.train_model(labels, out, progress=_say)
    _Writer().write(_dumps({"metrics": meta["metrics"], "files": meta["files"]}, True) + "\n")


@app.command()
def evaluate(
    labels: Path = typer.Option(Path("labels"), "--labels", help="Directory of labeled *.jsonl files."),
    features: str = typer.Option("char,word", "--features", help="Feature sets to compare: char, word."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    structure: bool = typer.Option(False, "--structure", help="Evaluate structure and metadata on labels/structure/agreed.jsonl."),
    figures: bool = typer.Option(False, "--figures", help="Evaluate key figures on labels/figures/agreed.jsonl."),
    summaries: bool = typer.Option(False, "--summaries", help="Evaluate summaries on labels/summaries/picks.jsonl."),
    keywords: bool = typer.Option(False, "--keywords", help="Evaluate keywords on labels/keywords/agreed.jsonl."),
    corpus: Path = typer.Option(Path("../shared"), "--corpus", help="Where the labeled corpus reports are (corpus/...)."),
) -> None:
    """Cross-validate the theme classifier by document against a keyword baseline; or, with
    --structure, --figures, --summaries or --keywords, score structure and metadata, key figures, summaries
    or keywords against the readers' agreed labels, separately on tuned and held-out reports.

    Example:

        devzone evaluate --labels labels --features char

        devzone evaluate --structure --labels labels --corpus ../shared

        devzone evaluate --figures

        devzone evaluate --summaries

        devzone evaluate --keywords
    """
    from . import pipeline

    if keywords:
        from .evaluation.keywords import evaluate_keywords, keywords_text

        result = evaluate_keywords(labels / "keywords" / "agreed.jsonl", labels.resolve().parent, corpus)
        _Writer().write(_dumps(result, True) + "\n" if as_json else keywords_text(result))
        return

    if summaries:
        from .evaluation.summaries import evaluate_summaries, summaries_text

        result = evaluate_summaries(labels / "summaries" / "picks.jsonl", labels / "figures" / "agreed.jsonl",
                                    labels.resolve().parent, corpus)
        _Writer().write(_dumps(result, True) + "\n" if as_json else summaries_text(result))
        return
    if figures:
        from .evaluation.figures import evaluate_figures, figures_text

        result = evaluate_figures(labels / "figures" / "agreed.jsonl", labels.resolve().parent, corpus)
        _Writer().write(_dumps(result, True) + "\n" if as_json else figures_text(result))
        return
    if structure:
        from .evaluation.structure import evaluate_structure, structure_text

        repo = labels.resolve().parent
        result = evaluate_structure(labels / "structure" / "agreed.jsonl", repo, corpus)
        _Writer().write(_dumps(result, True) + "\n" if as_json else structure_text(result))
        return

    feats = [f.strip() for f in features.split(",") if f.strip()]
    bad = [f for f in feats if f not in ("char", "word")]
    if bad or not feats:
        raise typer.BadParameter(f"unknown feature set(s): {', '.join(bad) or '(none)'}; use char and/or word")
    _say(f"cross-validating by document with {', '.join(feats)} features; this takes a minute")
    report = pipeline.evaluate_model(labels, feats)
    if as_json:
        _Writer().write(_dumps(report, True) + "\n")
        return
    from .output.text import evaluation_text
    from .pipeline import THEMES

    _Writer().write(evaluation_text(report, list(THEMES)))


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: run the app and turn every failure into a line and an exit code."""
    import warnings

    debug = bool(os.environ.get("DEVZONE_DEBUG"))
    _utf8_streams()
    for signum in _STOP_SIGNALS:
        signal.signal(signum, _raise_terminated)
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = lambda message, category, *a, **k: _say(f"warning: {message}")
        code = _main(argv, debug)
        if _received:
            code = 128 + _received[0]
    if argv is None:
        _leave(code)
    sys.exit(code)


def _leave(code: int) -> None:
    """End the console script without tearing the interpreter down: freeing the lexicon, the
    model and every imported module one object at a time took 40 ms, longer than analysing a
    short report, and the operating system frees a process at once. A run that started
    worker processes exits the ordinary way, so that their pools shut down."""
    if any(name in sys.modules for name in ("multiprocessing", "joblib", "dask")) or hasattr(sys, "ps1"):
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what could be said has been said
            code = code or EXIT_PIPE
    os._exit(code)


def _main(argv: Optional[List[str]], debug: bool) -> int:
    try:
        result = app(args=argv, standalone_mode=False, prog_name="devzone")
        if result == EXIT_INTERRUPTED:  # newer Typer turns Ctrl-C into a returned 130
            _quiet_stdout()
            _say("interrupted")
            return EXIT_INTERRUPTED
        return result if isinstance(result, int) else EXIT_OK
    except Exit as exc:
        return exc.code
    except KeyboardInterrupt:
        _quiet_stdout()
        _say("interrupted")
        return EXIT_INTERRUPTED
    except Terminated as exc:
        _quiet_stdout()
        _say("terminated")
        return 128 + exc.signum
    except (BrokenPipeError, PipeClosed):
        _quiet_stdout()
        return EXIT_PIPE
    except OutputFailed as exc:
        _quiet_stdout()
        _say(str(exc))
        return EXIT_OUTPUT
    except (ModelError, LabelError) as exc:
        _say(str(exc))
        return EXIT_MODEL
    except InputError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except DevzoneError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except Exception as exc:
        return _handle_other(exc, debug)


def _handle_other(exc: Exception, debug: bool) -> int:
    # Typer raises click's exceptions; newer Typer vendors click, so match by shape, not by import.
    name = type(exc).__name__
    if hasattr(exc, "show") and hasattr(exc, "exit_code"):
        exc.show(file=sys.stderr)
        return int(exc.exit_code)
    if name == "Abort":  # click's form of KeyboardInterrupt
        _quiet_stdout()
        _say("interrupted")
        return EXIT_INTERRUPTED
    if name == "Exit" and hasattr(exc, "exit_code"):
        return int(exc.exit_code)
    if debug:
        raise exc
    _say(f"internal error: {name}: {exc} (set DEVZONE_DEBUG=1 for a traceback)")
    return 70


def _utf8_streams() -> None:
    """JSON out is UTF-8 whatever the locale says; anything unencodable is escaped, never an error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def _quiet_stdout() -> None:
    """After a broken pipe or Ctrl-C, make the final flush at exit harmless."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    main()
