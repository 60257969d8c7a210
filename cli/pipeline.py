"""The public API: the Analyzer. Raw report in, an annotated Report out.

Stages meet here and nowhere else, in the one order ``STAGES`` writes down: readers turn a
file into text, then clean -> segment -> tokenize -> classify -> summarize, each adding its
layer to the Document. Everything returns data; nothing prints or exits. A notebook uses::

    from devzone import Analyzer, Options
    analyzer = Analyzer(Options(top_k=8))
    report = analyzer.analyse("report.txt")
    report.to_dict()["themes"]["ecology"]["summary"]
    for item in analyzer.analyse_many(["a.txt", "b.txt"], jobs=2):
        ...  # a Report, or a Failure for an input that could not be analysed
"""

from __future__ import annotations

import functools
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from . import readers
from .document import THEMES, CleanText, Document, Figure, ThemeTag
from .errors import DevzoneError, InputError, InputTooLargeError, ModelError
from .lexicon import Lexicon
from .model.inference import ThemeModel
from .model.store import NPZ_NAME, load_model
from .options import Options
from .output import records
from .output.comparison import comparison_columns as _columns
from .output.comparison import comparison_rows
from .readers.files import STDIN, expand_inputs, read_input, too_large, unread_files
from .resources import model_path
from .stages.classify import classify, tag_texts
from .stages.clean import clean, clean_lines, clean_paragraph, to_simplified
from .stages.figures import core_indicators, find_figures
from .stages.metadata import describe
from .stages.parts import assign_parts
from .stages.segment import has_sentence_punctuation, segment, split_sentences
from .stages.summarize import summarize
from .stages.tokenize import tokenize

# The stages after segmenting, in order. A command that needs less runs a prefix-free subset
# (``Analyzer.tag`` skips tokenize and summarize), never its own order.
STAGES = ("metadata", "parts", "figures", "tokenize", "classify", "summarize")
FIGURE_STAGES = ("metadata", "parts", "figures")
BACKENDS = ("loky", "dask")
SCHEDULER_TIMEOUT = "5s"  # an unreachable Dask scheduler is an error within seconds, not minutes
__all__ = ["THEMES", "Analyzer", "Options", "Report", "Failure", "clean_lines", "expand_inputs", "read_input",
           "to_simplified", "unread_files", "STDIN"]


@dataclass(frozen=True)
class Report:
    """Everything devzone knows about one input."""

    source: str
    clean: CleanText
    document: Document
    warnings: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form that ``devzone summarize`` prints (see ``devzone schema``)."""
        return records.report_record(self.source, self.clean, self.document, self.warnings, self.headline())

    def figures_dict(self) -> dict[str, Any]:
        """The JSON form that ``devzone figures`` prints: metadata, headline and figures."""
        return records.figures_report_record(self.source, self.document, self.headline())

    def headline(self) -> list[Figure]:
        """The core indicators' latest results and this year's targets, one record each."""
        layer = self.document.figures
        return list(layer.headline_figures) if layer else []


@dataclass(frozen=True)
class Failure:
    """An input of a batch that could not be analysed, and why."""

    source: str
    error_type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return records.error_record(self.source, self.error_type, self.message)


@functools.lru_cache(maxsize=4)
def get_model(path: str | None = None) -> ThemeModel:
    """The model at ``path``, or the one shipped in devzone.models; loaded once per process."""
    return load_model(Path(path) if path else model_path(NPZ_NAME))


class Analyzer:
    """Runs the stages over reports with one set of Options. Holds only its options, so it
    pickles to worker processes cheaply; the model and the segmenter load once per process."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    def load(self) -> Analyzer:
        """Load the model now rather than at the first report, so a bad model fails early."""
        get_model(self.options.model)
        return self

    @property
    def model(self) -> ThemeModel:
        return get_model(self.options.model)

    @property
    def lexicon(self) -> Lexicon:
        return Lexicon(user_dicts=self.options.user_dicts, stopword_files=self.options.stopword_files)

    def _stage(self, name: str, cleaned: CleanText, source: str) -> Callable[[Document], Document]:
        if name == "metadata":
            return lambda d: describe(d, source, cleaned.posted)
        if name == "parts":
            return assign_parts
        if name == "figures":
            return find_figures
        if name == "tokenize":
            lexicon = self.lexicon
            return lambda d: tokenize(d, lexicon)
        if name == "classify":
            model = self.model
            return lambda d: classify(d, model)
        if name == "summarize":
            o, idf = self.options, self.lexicon.keyword_idf
            return lambda d: summarize(d, idf, o.top_k, o.theme_top_k, o.theme_summaries)
        raise ValueError(f"unknown stage {name!r}")

    def annotate(self, cleaned: CleanText, stages: Sequence[str] = STAGES, source: str = "",
                 timings: dict[str, float] | None = None) -> Document:
        """Segment cleaned text and run the named stages on it, in pipeline order; with
        ``timings``, add each stage's seconds to it (the benchmark's stage profile)."""
        clock = time.perf_counter
        start = clock()
        document = segment(cleaned.text)
        if timings is not None:
            timings["segment"] = timings.get("segment", 0.0) + clock() - start
        for name in STAGES:
            if name in stages:
                start = clock()
                document = self._stage(name, cleaned, source)(document)
                if timings is not None:
                    timings[name] = timings.get(name, 0.0) + clock() - start
        return document

    def read(self, source: str | os.PathLike[str]) -> CleanText:
        """A file (``-``: standard input) read and cleaned."""
        return self.read_bytes(read_input(source, self.options.max_bytes), str(source))

    def read_bytes(self, data: bytes, source: str = "<bytes>") -> CleanText:
        if len(data) > self.options.max_bytes:
            raise InputTooLargeError(source, too_large(len(data), self.options.max_bytes))
        return clean(readers.read_bytes(data, source))

    def analyse(self, source: str | os.PathLike[str], stages: Sequence[str] = STAGES) -> Report:
        """Analyse one report file (``-``: standard input), running ``stages`` (all by default)."""
        return self._report(self.read(source), str(source), stages)

    def analyse_bytes(self, data: bytes, source: str = "<bytes>") -> Report:
        return self._report(self.read_bytes(data, source), source)

    def analyse_text(self, text: str, source: str = "<text>", encoding: str = "utf-8") -> Report:
        return self._report(clean(readers.read_text(text, encoding)), source)

    def _report(self, cleaned: CleanText, source: str, stages: Sequence[str] = STAGES) -> Report:
        document = self.annotate(cleaned, stages, source=source)
        return Report(source=source, clean=cleaned, document=document, warnings=_warnings(cleaned, document))

    def tag(self, source: str | os.PathLike[str]) -> Document:
        """Paragraphs of one report with their themes, without summaries."""
        return self.annotate(self.read(source), stages=("metadata", "parts", "classify"), source=str(source))

    def compare(self, sources: Iterable[str], jobs: int = 1, backend: str = "loky",
                scheduler: str | None = None) -> list[dict[str, Any]]:
        """One row per report (dicts, see ``comparison_columns``), sorted by place then year,
        with each theme's share, each core indicator's latest result and this year's target,
        and their change since the same place's previous report; a report that could not be
        read is a row with an ``error``."""
        records = (item.to_dict() for item in self.analyse_many(sources, jobs=jobs, backend=backend,
                                                                 scheduler=scheduler))
        return comparison_rows(records, core_indicators())

    def classify_texts(self, texts: Sequence[str]) -> list[ThemeTag]:
        """Tag each text as one paragraph, in order (cleaned, never split or merged)."""
        cleaned = [clean_paragraph(t) for t in texts]
        return tag_texts(cleaned, [sentence_texts(t) for t in cleaned], self.model)

    def analyse_many(
        self,
        sources: Iterable[str],
        jobs: int = 1,
        backend: str = "loky",
        scheduler: str | None = None,
        ordered: bool = True,
        stages: Sequence[str] = STAGES,
    ) -> Iterator[Report | Failure]:
        """Analyse many inputs: files, directories of report files, ``-`` for standard input.

        Yields a Report or a Failure for every input, never raising for one bad input, in
        input order (or as each completes with ``ordered=False``). Standard input can only
        be read in this process, so it comes first. ``jobs`` processes on this machine
        (backend ``loky``), or a Dask cluster (``dask``; ``scheduler`` is its address, or
        None for a local one). ``stages`` runs fewer stages, e.g. ``FIGURE_STAGES``."""
        if backend not in BACKENDS:
            raise DevzoneError(f"unknown backend {backend!r}; use {' or '.join(BACKENDS)}")
        files: list[str] = []
        for raw in sources:
            try:
                found = list(expand_inputs([raw]))
            except InputError as exc:
                yield Failure(raw, type(exc).__name__, str(exc))
                continue
            files.extend(found)
        for path in files:
            if path == STDIN:
                yield analyse_or_fail(self, path, stages)
        rest = [p for p in files if p != STDIN]
        if jobs == 1 and backend == "loky":
            for path in rest:
                yield analyse_or_fail(self, path, stages)
            return
        yield from _parallel(self, rest, jobs, backend, scheduler, ordered, stages)


def analyse_or_fail(analyzer: Analyzer, path: str, stages: Sequence[str] = STAGES) -> Report | Failure:
    """One batch item: a Report, or a Failure for an input that could not be analysed."""
    try:
        return analyzer.analyse(path, stages)
    except InputError as exc:
        return Failure(path, type(exc).__name__, str(exc))
    except (ModelError, KeyboardInterrupt):
        raise  # the whole batch cannot go on, or the user stopped it
    except Exception as exc:  # noqa: BLE001 - one bad file must never cost the batch
        what = "out of memory" if isinstance(exc, MemoryError) else f"{type(exc).__name__}: {exc}"
        return Failure(path, type(exc).__name__, f"{path}: internal error while analysing ({what})")


def _parallel(
    analyzer: Analyzer, paths: list[str], jobs: int, backend: str, scheduler: str | None, ordered: bool,
    stages: Sequence[str],
) -> Iterator[Report | Failure]:
    task = functools.partial(_analyse_task, analyzer, stages)
    if backend == "loky":
        from .pool import run_in_workers  # multiprocessing loads only for a batch in workers

        yield from run_in_workers(task, paths, jobs, ordered, on_death=_lost)
        return
    import joblib

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DevzoneError("--backend dask needs dask[distributed]: pip install 'devzone[dask]'") from None
    try:
        if scheduler:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        else:
            client = Client(LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                         dashboard_address=None))
    except (OSError, TimeoutError) as exc:
        raise DevzoneError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    return_as = "generator" if ordered else "generator_unordered"
    with client, joblib.parallel_config(backend="dask"):
        yield from joblib.Parallel(n_jobs=jobs, return_as=return_as)(joblib.delayed(task)(p) for p in paths)


def _analyse_task(analyzer: Analyzer, stages: Sequence[str], path: str) -> Report | Failure:
    return analyse_or_fail(analyzer, path, stages)


def _lost(path: str, error: Exception) -> Failure:
    return Failure(path, type(error).__name__, f"{path}: {error}")


def _warnings(cleaned: CleanText, document: Document) -> tuple[str, ...]:
    warnings = list(cleaned.warnings)
    if not cleaned.text.strip():
        warnings.append("no text found in the input")
    elif not document.paragraphs:
        warnings.append("no body paragraphs found (only headings or page furniture)")
    elif not any(has_sentence_punctuation(s.text) for s in document.sentences):
        warnings.append("no sentence punctuation found; sentences were cut at commas or by length")
    if document.duplicate_paragraphs:
        warnings.append(f"dropped {document.duplicate_paragraphs} repeated paragraph(s)")
    return tuple(warnings)


def sentence_texts(text: str) -> list[str]:
    """The sentences of one paragraph's text (the text itself when it has none)."""
    return [s.text for s in split_sentences(text)] or [text]


def comparison_columns() -> list[str]:
    """The columns of ``Analyzer.compare``'s rows, in order."""
    return _columns(core_indicators())


def output_schema() -> dict[str, Any]:
    from .output.schema import build_schema

    return build_schema()


def train_model(labels: Path, out: Path, progress: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    """Retrain the theme classifier from labels/*.jsonl into ``out`` (see model.training.train)."""
    from .model import training  # imports scikit-learn; only training pays for it

    return training.train(Path(labels), Path(out), split=sentence_texts, progress=progress)


def evaluate_model(labels: Path, features: Sequence[str] = ("char", "word")) -> dict[str, Any]:
    """Document-grouped cross-validation of each feature set, and the keyword baseline."""
    from .model import training

    return training.evaluate(training.read_labels(Path(labels)), features, split=sentence_texts)


# Thin wrappers kept for one release for code written against 0.1; use the Analyzer.


def clean_text(text: str, encoding: str = "utf-8") -> CleanText:
    return clean(readers.read_text(text, encoding))


def clean_bytes(data: bytes, source: str = "<input>") -> CleanText:
    return clean(readers.read_bytes(data, source))


def summarize_text(text: str, source: str = "<text>", options: Options | None = None, encoding: str = "utf-8") -> Report:
    return Analyzer(options).analyse_text(text, source, encoding)


def summarize_bytes(data: bytes, source: str = "<bytes>", options: Options | None = None) -> Report:
    return Analyzer(options).analyse_bytes(data, source)


def summarize_file(path: str | os.PathLike[str], options: Options | None = None) -> Report:
    return Analyzer(options).analyse(path)


def report_to_dict(report: Report) -> dict[str, Any]:
    return report.to_dict()


def classify_texts(texts: Sequence[str], model: str | None = None) -> list[ThemeTag]:
    return Analyzer(Options(model=model)).classify_texts(texts)


def error_record(source: str, error: DevzoneError) -> dict[str, Any]:
    return records.error_record(source, type(error).__name__, str(error))
