"""Every JSON record devzone prints, built from data. Keys are snake_case and their order
is the order users see; ``devzone schema`` describes them."""

from __future__ import annotations

import math
from typing import Any, Sequence

from ..document import CleanText, Document, Figure, Metadata, Paragraph, RankedSentence, ThemeTag
from ..resources import theme_definitions
from ..versions import SCHEMA_VERSION, __version__


def display_source(source: str) -> str:
    """A path as text that is always valid UTF-8: bytes of a file name that are not UTF-8
    (which Python carries as lone surrogates) are written as \\xNN, as ``repr`` of bytes would."""
    if not any("\ud800" <= ch <= "\udfff" for ch in source):
        return source
    return source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def paragraph_record(p: Paragraph, tag: ThemeTag, part: str | None) -> dict[str, Any]:
    return {
        "index": p.index,
        "heading_path": list(p.heading_path),
        "part": part,
        "text": p.text,
        "theme": tag.theme,
        "secondary": list(tag.secondary),
        "scores": tag.scores,
    }


def sentence_record(s: RankedSentence) -> dict[str, Any]:
    return {"text": s.text, "paragraph": s.paragraph, "start": s.start, "end": s.end, "score": s.score}


def figure_record(f: Figure) -> dict[str, Any]:
    """One key figure; ``paragraphs[paragraph].text[start:end] == text``."""
    return {
        "indicator": f.indicator, "name": f.name, "kind": f.kind, "period": f.period,
        "value": f.value, "low": f.low, "high": f.high, "unit": f.unit, "modifier": f.modifier,
        "base_value": f.base_value, "base_unit": f.base_unit,
        "paragraph": f.paragraph, "start": f.start, "end": f.end, "text": f.text, "flags": list(f.flags),
    }


def report_record(source: str, clean: CleanText, document: Document, warnings: tuple[str, ...],
                  headline: Sequence[Figure] = ()) -> dict[str, Any]:
    """The JSON form of an analysed report (``devzone schema`` describes it); ``headline``:
    the core indicators' latest results and this year's targets, picked by the figures stage."""
    figures = document.figures.figures if document.figures else ()
    names = theme_definitions()
    assert document.tags is not None and document.summary is not None
    return {
        "schema_version": SCHEMA_VERSION,
        "devzone_version": __version__,
        "source": display_source(source),
        **metadata_record(document.metadata),
        "encoding": clean.encoding,
        "script_conversion": clean.script_conversion,
        "html": clean.html,
        "counts": {
            "characters": sum(len(p.text) for p in document.paragraphs),
            "paragraphs": len(document.paragraphs),
            "sentences": sum(len(p.sentences) for p in document.paragraphs),
            "headings": len(document.headings),
            "dropped_lines": sum(n for _, n in clean.dropped) + sum(n for k, n in document.dropped if k != "title"),
            "dropped": _dropped_by_kind(clean, document),
            "pinyin_removed": clean.pinyin_removed,
            "figures": len(figures),
            "figures_skipped": document.figures.skipped if document.figures else 0,
        },
        "warnings": list(warnings),
        "paragraphs": [paragraph_record(p, document.tag(p.index), document.part(p.index)) for p in document.paragraphs],
        "headline": [figure_record(f) for f in headline],
        "figures": [figure_record(f) for f in figures],
        "keywords": list(document.summary.keywords),
        "summary": [sentence_record(s) for s in document.summary.overall],
        "themes": {
            t.theme: {
                "name": names[t.theme]["name"],
                "share": t.share,
                "paragraphs": list(t.paragraphs),
                "summary": [sentence_record(s) for s in t.summary],
                "keywords": list(t.keywords),
            }
            for t in document.summary.themes
        },
    }


def metadata_record(metadata: Metadata | None) -> dict[str, Any]:
    """The report's metadata, at the top level of its record."""
    m = metadata or Metadata(None, None, None, None, None, None)
    return {
        "title": m.title,
        "place": m.place,
        "year": m.year,
        "level": m.level,
        "date": m.date,
        "speaker": m.speaker,
        "metadata_source": dict(m.sources),
    }


def _dropped_by_kind(clean: CleanText, document: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, n in (*clean.dropped, *document.dropped):
        if kind != "title":
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


def figures_report_record(source: str, document: Document, headline: Sequence[Figure]) -> dict[str, Any]:
    """What ``devzone figures --format json`` prints for a report."""
    figures = document.figures.figures if document.figures else ()
    return {
        "schema_version": SCHEMA_VERSION,
        "source": display_source(source),
        **metadata_record(document.metadata),
        "figures_skipped": document.figures.skipped if document.figures else 0,
        "headline": [figure_record(f) for f in headline],
        "figures": [figure_record(f) for f in figures],
    }


def tagged_record(source: str, document: Document) -> dict[str, Any]:
    """What ``devzone classify`` prints for a report: its paragraphs with their themes."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": display_source(source),
        **metadata_record(document.metadata),
        "paragraphs": [paragraph_record(p, document.tag(p.index), document.part(p.index)) for p in document.paragraphs],
    }


def tag_record(record_id: Any, tag: ThemeTag) -> dict[str, Any]:
    """What ``devzone classify --jsonl`` prints for one input line."""
    return {"id": record_id, "theme": tag.theme, "secondary": list(tag.secondary), "scores": tag.scores}


def error_record(source: str, error_type: str, message: str) -> dict[str, Any]:
    """What a batch writes for an input that could not be analysed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": display_source(source),
        "error": {"type": error_type, "message": display_source(message)},
    }


def line_error_record(record_id: Any, line: int, message: str) -> dict[str, Any]:
    """What ``devzone classify --jsonl`` prints for a line it cannot read."""
    return {"id": record_id, "line": line, "error": message}


def is_json_safe(value: Any, depth: int = 0) -> bool:
    """True when ``value`` serialises to strict JSON (no NaN or Infinity, no lone
    surrogates) and nests no deeper than 64 levels."""
    if depth > 64:
        return False
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(is_json_safe(k, depth + 1) and is_json_safe(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(is_json_safe(v, depth + 1) for v in value)
    return True


def themes_table() -> list[dict[str, str]]:
    """The theme ids in THEMES order with their Chinese names and definitions."""
    from ..document import THEMES

    defs = theme_definitions()
    return [{"id": t, "name": defs[t]["name"], "definition": defs[t]["definition"],
             "definition_zh": defs[t]["definition_zh"]} for t in THEMES]
