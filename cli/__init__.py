"""devzone: tag the paragraphs of Chinese work reports by theme and summarise them.

The public API lives in :mod:`devzone.pipeline`; it is re-exported here lazily
so that ``import devzone`` stays cheap."""

from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

__all__ = ["summarize_file", "summarize_text", "summarize_bytes", "classify_texts", "report_to_dict"]


def __getattr__(name: str):
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
