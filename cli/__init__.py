"""devzone: tag the paragraphs of Chinese work reports by theme and summarise them.

The public API is the Analyzer (``from devzone import Analyzer, Options``). It is
re-exported here lazily so that ``import devzone`` stays cheap."""

from __future__ import annotations

from .versions import SCHEMA_VERSION, __version__

_PIPELINE = ("Analyzer", "Report", "Failure", "summarize_file", "summarize_text", "summarize_bytes",
             "classify_texts", "report_to_dict")
__all__ = ["Options", "__version__", "SCHEMA_VERSION", *_PIPELINE]


def __getattr__(name: str):
    if name == "Options":
        from .options import Options

        return Options
    if name in _PIPELINE:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
