"""Named exceptions. The library raises these and never prints or exits;
the CLI maps each to one line on stderr and an exit code."""

from __future__ import annotations


class DevzoneError(Exception):
    """Base class of every error devzone raises on purpose."""


class InputError(DevzoneError):
    """An input path is missing, unreadable or not a text report."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class BinaryInputError(InputError):
    """The bytes are an image, archive, document or other non-text data."""


class DecodeError(InputError):
    """No supported encoding decodes the bytes into plausible text."""


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit."""


class ModelError(DevzoneError):
    """A model file is missing, corrupted, foreign or fails its checksum."""


class LabelError(DevzoneError):
    """Label rows are malformed; carries every offending file:line entry."""

    def __init__(self, problems: list[str]) -> None:
        shown = "; ".join(problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} bad label row(s): {shown}{more}")
        self.problems = problems
