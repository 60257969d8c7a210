"""Files and standard input: which inputs a list of paths names, and their bytes within a limit."""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, InputTooLargeError

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".pdf", ".docx")
STDIN = "-"


def too_large(size: int, limit: int) -> str:
    return (
        f"refused: {size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit "
        "(raise it with --max-size)"
    )


def read_input(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Read one input file (``-``: standard input), refusing what is not a readable
    regular file or is too large."""
    name = str(path)
    if name == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError(name, too_large(len(data), max_bytes))
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(name, "is a directory")
        status = p.stat()
        if not stat.S_ISREG(status.st_mode):
            # a FIFO or a device could block forever or never end
            raise InputError(name, "refused: not a regular file (a pipe or device?); use - to read standard input")
        size = status.st_size
        if size > max_bytes:
            raise InputTooLargeError(name, too_large(size, max_bytes))
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
        raise InputTooLargeError(name, too_large(len(data), max_bytes))
    return data


def _is_report_file(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES


def expand_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and the report files of directories named, in sorted order."""
    for raw in paths:
        p = Path(raw)
        if raw != STDIN and p.is_dir():
            try:
                found = sorted(str(c) for c in p.iterdir() if c.is_file() and _is_report_file(c))
            except PermissionError:
                raise InputError(raw, "permission denied") from None
            except OSError as exc:
                raise InputError(raw, f"cannot list ({exc.strerror or exc})") from None
            if not found:
                raise InputError(raw, "directory has no .txt, .md, .html, .mhtml, .pdf or .docx files")
            yield from found
        else:
            yield raw


def unread_files(directory: str) -> Counter[str]:
    """The files of a directory that devzone does not read, counted by suffix (.doc, .xlsx …),
    so that a batch can say what it left out; hidden files are not counted."""
    try:
        return Counter(c.suffix.lower() or "(no suffix)" for c in Path(directory).iterdir()
                       if c.is_file() and not c.name.startswith(".") and not _is_report_file(c))
    except OSError:
        return Counter()
