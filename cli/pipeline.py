"""The public API: raw report in, tagged paragraphs and summaries out.

Stages meet here and nowhere else: clean -> segment -> classify ->
summarize. Everything returns data; nothing prints or exits. A notebook uses::

    from devzone.pipeline import summarize_file, report_to_dict
    report = summarize_file("report.txt")
    report_to_dict(report)["themes"]["ecology"]["summary"]
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from . import SCHEMA_VERSION, __version__
from .classify import ThemeModel, load_model
from .clean import clean_bytes, clean_text, normalise_line, remove_glued_pinyin, simplify_script
from .document import THEMES, Report, ThemeTag
from .errors import DevzoneError, InputError, InputTooLargeError
from .resources import lexicon_idf, model_path, theme_definitions
from .segment import segment, split_sentences
from .summarize import SentenceFeatures, summarize

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class Options:
    """Knobs of one summarize run; the defaults are what the CLI uses."""

    top_k: int = 6
    theme_top_k: int = 3
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None  # path of a model file; None for the shipped one

    def __post_init__(self) -> None:
        if self.top_k < 1 or self.theme_top_k < 1:
            raise ValueError("top_k and theme_top_k must be at least 1")


@functools.lru_cache(maxsize=4)
def get_model(path: str | None = None) -> ThemeModel:
    """The model at ``path``, or the one shipped in devzone.models; loaded once per process."""
    return load_model(Path(path) if path else model_path("theme_model.npz"))


def _sentence_tokens(document) -> list[list[str]]:
    """Content words of every sentence, tokenizing each paragraph once."""
    from bisect import bisect_right

    from .tokenizer import content_word_offsets

    out: list[list[str]] = []
    for p in document.paragraphs:
        starts = [s.start for s in p.sentences]
        per_sentence: list[list[str]] = [[] for _ in p.sentences]
        for offset, word in content_word_offsets(p.text):
            k = bisect_right(starts, offset) - 1
            if k >= 0 and offset < p.sentences[k].end:
                per_sentence[k].append(word)
        out.extend(per_sentence)
    return out


def summarize_text(text: str, source: str = "<text>", options: Options = Options(), encoding: str = "utf-8") -> Report:
    return _analyse(clean_text(text, encoding), source, options)


def summarize_bytes(data: bytes, source: str = "<bytes>", options: Options = Options()) -> Report:
    if len(data) > options.max_bytes:
        raise InputTooLargeError(source, _too_large(len(data), options.max_bytes))
    return _analyse(clean_bytes(data, source), source, options)


def _too_large(size: int, limit: int) -> str:
    return (
        f"refused: {size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit "
        "(raise it with --max-size)"
    )


def read_input(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read one input file (``-``: standard input), refusing what is not a readable
    regular file or is too large."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError(name, _too_large(len(data), max_bytes))
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(name, _too_large(size, max_bytes))
        with open(p, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew while we looked, or a device
        raise InputTooLargeError(name, _too_large(len(data), max_bytes))
    return data


def summarize_file(path: str | os.PathLike[str], options: Options = Options()) -> Report:
    return summarize_bytes(read_input(path, options.max_bytes), str(path), options)


def _analyse(clean, source: str, options: Options) -> Report:
    document = segment(clean.text)
    model = get_model(options.model)
    tags, sentence_probs = _tag_document(model, document)
    features = SentenceFeatures(tokens=_sentence_tokens(document), theme_probabilities=sentence_probs)
    summary = summarize(document, tags, features, lexicon_idf(), options.top_k, options.theme_top_k)
    warnings = list(clean.warnings)
    if not clean.text.strip():
        warnings.append("no text found in the input")
    elif not document.paragraphs:
        warnings.append("no body paragraphs found (only headings or page furniture)")
    elif not any(any(ch in s.text for ch in "。！？!?；;") for s in document.sentences):
        warnings.append("no sentence punctuation found; sentences were cut at commas or by length")
    if document.duplicate_paragraphs:
        warnings.append(f"dropped {document.duplicate_paragraphs} repeated paragraph(s)")
    return Report(source=source, clean=clean, document=document, tags=tags, summary=summary, warnings=tuple(warnings))


def _tag_document(model: ThemeModel, document) -> tuple[tuple[ThemeTag, ...], np.ndarray]:
    """Tags of every paragraph and theme probabilities of every sentence (THEMES order),
    from one pass of the model over paragraphs and sentences together."""
    paragraphs = document.paragraphs
    para_probs, sentence_probs = model.paragraph_probabilities(
        [(p.text, [(s.start, s.end) for s in p.sentences]) for p in paragraphs]
    )
    per_paragraph, start = [], 0
    for p in paragraphs:
        per_paragraph.append(sentence_probs[start : start + len(p.sentences)])
        start += len(p.sentences)
    lengths = [[len(s.text) for s in p.sentences] for p in paragraphs]
    tags = tuple(model.tag_from_probabilities(para_probs, per_paragraph, lengths))
    return tags, _align(model, sentence_probs)


def _align(model: ThemeModel, probs: np.ndarray) -> np.ndarray:
    """Probabilities in THEMES order, whatever order the model's classes are in."""
    out = np.zeros((probs.shape[0], len(THEMES)))
    for j, cls in enumerate(model.classes):
        out[:, THEMES.index(cls)] = probs[:, j]
    return out


def clean_paragraph(text: str) -> str:
    """Clean one paragraph without splitting or merging it (for classify --jsonl)."""
    text, _ = remove_glued_pinyin(text)
    text, converted = simplify_script(text)
    if converted:
        text, _ = remove_glued_pinyin(text)
    return normalise_line(" ".join(text.split()))


def tag_file(path: str, model: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Paragraphs of one report with their themes, without summaries."""
    clean = clean_bytes(read_input(path, max_bytes), path)
    document = segment(clean.text)
    tags, _ = _tag_document(get_model(model), document)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": path,
        "title": document.title,
        "paragraphs": [_paragraph(p, t) for p, t in zip(document.paragraphs, tags)],
    }


def classify_texts(texts: Sequence[str], model: str | None = None) -> list[ThemeTag]:
    """Tag each text as one paragraph, in order (cleaned, never split or merged)."""
    cleaned = [clean_paragraph(t) for t in texts]
    return get_model(model).tag(cleaned, [_sentence_texts(t) for t in cleaned])


def expand_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and the report files of directories named, in sorted order."""
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            found = sorted(str(c) for c in p.iterdir() if c.is_file() and c.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise InputError(raw, "directory has no .txt, .md or .html files")
            yield from found
        else:
            yield raw


def _paragraph(p, tag: ThemeTag) -> dict[str, Any]:
    return {
        "index": p.index,
        "heading_path": list(p.heading_path),
        "text": p.text,
        "theme": tag.theme,
        "secondary": list(tag.secondary),
        "scores": tag.scores,
    }


def _sentence(s) -> dict[str, Any]:
    return {"text": s.text, "paragraph": s.paragraph, "start": s.start, "end": s.end, "score": s.score}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON form of a report (see ``devzone schema``)."""
    doc = report.document
    names = theme_definitions()
    return {
        "schema_version": SCHEMA_VERSION,
        "devzone_version": __version__,
        "source": report.source,
        "title": doc.title,
        "encoding": report.clean.encoding,
        "script_conversion": report.clean.script_conversion,
        "html": report.clean.html,
        "counts": {
            "characters": sum(len(p.text) for p in doc.paragraphs),
            "paragraphs": len(doc.paragraphs),
            "sentences": sum(len(p.sentences) for p in doc.paragraphs),
            "headings": len(doc.headings),
            "dropped_lines": report.clean.dropped_lines + doc.dropped_lines,
            "pinyin_removed": report.clean.pinyin_removed,
        },
        "warnings": list(report.warnings),
        "paragraphs": [_paragraph(p, tag) for p, tag in zip(doc.paragraphs, report.tags)],
        "summary": [_sentence(s) for s in report.summary.overall],
        "themes": {
            t.theme: {
                "name": names[t.theme]["name"],
                "share": t.share,
                "paragraphs": list(t.paragraphs),
                "summary": [_sentence(s) for s in t.summary],
                "keywords": list(t.keywords),
            }
            for t in report.summary.themes
        },
    }


def error_record(source: str, error: DevzoneError) -> dict[str, Any]:
    """What a batch writes for an input that could not be summarised."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "error": {"type": type(error).__name__, "message": str(error)},
    }


def summarize_to_dict(path: str, options: Options) -> dict[str, Any]:
    """One batch item: a report dict, or an error record for a bad input."""
    try:
        return report_to_dict(summarize_file(path, options))
    except InputError as exc:
        return error_record(path, exc)


def themes() -> list[dict[str, str]]:
    defs = theme_definitions()
    return [{"id": t, "name": defs[t]["name"], "definition": " ".join(defs[t]["definition"].split())} for t in THEMES]


def output_schema() -> dict[str, Any]:
    from .schema import build_schema

    return build_schema()


def _sentence_texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)] or [text]


def train_model(labels: Path, out: Path, progress=lambda message: None) -> dict[str, Any]:
    """Retrain the theme classifier from labels/*.jsonl into ``out`` (see training.train)."""
    from . import training  # imports scikit-learn; only training pays for it

    return training.train(Path(labels), Path(out), split=_sentence_texts, progress=progress)


def evaluate_model(labels: Path, features: Sequence[str] = ("char", "word")) -> dict[str, Any]:
    """Document-grouped cross-validation of each feature set, and the keyword baseline."""
    from . import training

    return training.evaluate(training.read_labels(Path(labels)), features, split=_sentence_texts)
