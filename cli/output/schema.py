"""JSON Schema of devzone's output (``devzone schema``)."""

from __future__ import annotations

from typing import Any

from ..document import PARTS, THEMES
from ..model.inference import SecondaryRule
from ..versions import SCHEMA_VERSION

_SENTENCE = {
    "type": "object",
    "required": ["text", "paragraph", "start", "end", "score"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "minLength": 1, "description": "verbatim: paragraphs[paragraph].text[start:end]"},
        "paragraph": {"type": "integer", "minimum": 0},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 1},
        "score": {"type": "number"},
    },
}
_THEME_ID = {"type": "string", "enum": list(THEMES)}
_COUNTS = ["characters", "paragraphs", "sentences", "headings", "dropped_lines", "pinyin_removed", "figures",
           "figures_skipped"]
_PART = {"enum": [*PARTS, None], "description": "review (last year), targets (this year's targets), plan (this "
         "year's tasks), government (its own conduct), appendix (never summarised), or null"}
_NUMBER = {"type": ["number", "null"]}
FIGURE = {
    "type": "object",
    "required": ["indicator", "name", "kind", "period", "value", "low", "high", "unit", "modifier", "base_value",
                 "base_unit", "paragraph", "start", "end", "text", "flags"],
    "additionalProperties": False,
    "properties": {
        "indicator": {"type": ["string", "null"], "description": "id from the indicator table (devzone indicators)"},
        "name": {"type": "string", "description": "the indicator as written"},
        "kind": {"enum": ["achieved", "target"]},
        "period": {"type": ["string", "null"], "description": "2025, 2021-2025, 2025-Q1-Q3, 2025-H1 …"},
        "value": {**_NUMBER, "description": "as written in unit; null for a range or an in_step target"},
        "low": _NUMBER, "high": _NUMBER,
        "unit": {"type": "string", "description": "as written: %, 个百分点, 亿元, 万人 …"},
        "modifier": {"enum": ["point", "about", "at_least", "at_most", "range", "in_step"]},
        "base_value": {**_NUMBER, "description": "the value in base_unit (10.3万亿元 -> 1.03e13 元)"},
        "base_unit": {"type": ["string", "null"]},
        "paragraph": {"type": "integer", "minimum": 0},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 1},
        "text": {"type": "string", "description": "verbatim: paragraphs[paragraph].text[start:end]"},
        "flags": {"type": "array", "items": {"enum": ["implausible"]}},
    },
}
_HEADLINE = {"type": "array", "items": FIGURE,
             "description": "each core indicator's latest achieved figure and this year's target, one record "
                            "each; where a report states none of a kind, the first stand-in it states "
                            "(国民生产总值, 工农业总产值, 国民收入 for GDP)"}
METADATA_KEYS = ["title", "place", "year", "level", "date", "speaker", "metadata_source"]
METADATA_PROPERTIES: dict[str, Any] = {
    "title": {"type": ["string", "null"], "description": "the report's own headline; null when the file has none"},
    "place": {"type": ["string", "null"], "description": "as written: 四川省, 深圳市, 通辽经济技术开发区; 中国 for national reports"},
    "year": {"type": ["integer", "null"], "description": "the year the report was delivered or published"},
    "level": {"enum": ["national", "province", "city", "county", "zone", None]},
    "date": {"type": ["string", "null"], "format": "date", "description": "delivery (or publication) date, ISO"},
    "speaker": {"type": ["string", "null"], "description": "who delivered it, when stated"},
    "metadata_source": {
        "type": "object",
        "description": "where each field found came from: text, or file_name as a last resort",
        "additionalProperties": {"enum": ["text", "file_name"]},
    },
}


def build_schema(command: str = "summarize") -> dict[str, Any]:
    """The JSON Schema of what ``command`` (summarize or figures) prints."""
    report: dict[str, Any] = {
        "type": "object",
        "required": [
            "schema_version", "devzone_version", "source", *METADATA_KEYS, "encoding", "script_conversion",
            "html", "counts", "warnings", "paragraphs", "headline", "figures", "keywords", "summary", "themes",
        ],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "devzone_version": {"type": "string"},
            "source": {"type": "string", "description": "the path given, or - for stdin"},
            **METADATA_PROPERTIES,
            "encoding": {"type": "string", "description": "the encoding the bytes were decoded with"},
            "script_conversion": {"enum": ["none", "t2s"], "description": "t2s: traditional converted to simplified"},
            "html": {"type": "boolean", "description": "the input was an HTML page"},
            "counts": {
                "type": "object",
                "required": [*_COUNTS, "dropped"],
                "additionalProperties": False,
                "properties": {
                    **{k: {"type": "integer", "minimum": 0} for k in _COUNTS},
                    "dropped": {
                        "type": "object",
                        "description": "lines that became no paragraph, by kind: furniture kinds (navigation, widget, "
                        "source, posting_time, read_count, editor, byline, site_name, related, caption, copyright, "
                        "disclaimer, editors_note, id, contents, divider, page_number, running_head), dateline, speaker, masthead, duplicate, notice",
                        "additionalProperties": {"type": "integer", "minimum": 1},
                    },
                },
            },
            "warnings": {"type": "array", "items": {"type": "string"}},
            "paragraphs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["index", "heading_path", "part", "text", "theme", "secondary", "scores"],
                    "additionalProperties": False,
                    "properties": {
                        "index": {"type": "integer", "minimum": 0},
                        "heading_path": {"type": "array", "items": {"type": "string"}},
                        "part": _PART,
                        "text": {"type": "string"},
                        "theme": _THEME_ID,
                        "secondary": {"type": "array", "items": _THEME_ID, "maxItems": SecondaryRule.max_secondary},
                        "scores": {
                            "type": "object",
                            "required": list(THEMES),
                            "additionalProperties": False,
                            "properties": {t: {"type": "number", "minimum": 0, "maximum": 1} for t in THEMES},
                        },
                    },
                },
            },
            "headline": _HEADLINE,
            "figures": {"type": "array", "items": FIGURE, "description": "every figure, in document order"},
            "keywords": {"type": "array", "items": {"type": "string"},
                         "description": "terms typical of the whole report (lexicon and user-dictionary words)"},
            "summary": {"type": "array", "items": _SENTENCE},
            "themes": {
                "type": "object",
                "propertyNames": _THEME_ID,
                "additionalProperties": {
                    "type": "object",
                    "required": ["name", "share", "paragraphs", "summary", "keywords"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string"},
                        "share": {"type": "number", "minimum": 0, "maximum": 1},
                        "paragraphs": {"type": "array", "items": {"type": "integer", "minimum": 0}},
                        "summary": {"type": "array", "items": _SENTENCE},
                        "keywords": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
        },
    }
    error = {
        "type": "object",
        "required": ["schema_version", "source", "error"],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "source": {"type": "string"},
            "error": {
                "type": "object",
                "required": ["type", "message"],
                "additionalProperties": False,
                "properties": {"type": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    }
    if command == "figures":
        report = {
            "type": "object",
            "required": ["schema_version", "source", *METADATA_KEYS, "figures_skipped", "headline", "figures"],
            "additionalProperties": False,
            "properties": {
                "schema_version": {"const": SCHEMA_VERSION},
                "source": {"type": "string"},
                **METADATA_PROPERTIES,
                "figures_skipped": {"type": "integer", "minimum": 0,
                                    "description": "numbers next to an indicator that could not be read"},
                "headline": _HEADLINE,
                "figures": {"type": "array", "items": FIGURE},
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"devzone-{command}-{SCHEMA_VERSION}",
        "title": f"devzone {command} record",
        "description": "One report, or an error record for an input that could not be read. "
        "`--format json` prints one of these for one input and an array of them for several; "
        "`--format jsonl` prints one per line.",
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/error"}],
        "$defs": {"report": report, "error": error},
    }
