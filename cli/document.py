"""Frozen data types shared by every stage. Nothing here does work."""

from __future__ import annotations

from dataclasses import dataclass, field

THEMES: tuple[str, ...] = (
    "industry",
    "business_environment",
    "livelihood",
    "safety",
    "ecology",
    "other",
)


@dataclass(frozen=True)
class CleanText:
    """Decoded, normalised text, one logical line per line, plus what cleaning did."""

    text: str
    encoding: str
    script_conversion: str  # "none" or "t2s"
    pinyin_removed: int
    dropped_lines: int
    html: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its paragraph's text."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    heading_path: tuple[str, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Document:
    """A report parsed into paragraphs and sentences."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[str, ...]
    dropped_lines: int
    duplicate_paragraphs: int = 0

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)


@dataclass(frozen=True)
class ThemeTag:
    theme: str
    secondary: tuple[str, ...]
    scores: dict[str, float] = field(hash=False, compare=True)


@dataclass(frozen=True)
class RankedSentence:
    paragraph: int
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class ThemeSummary:
    theme: str
    share: float
    paragraphs: tuple[int, ...]
    summary: tuple[RankedSentence, ...]
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """What the summarize stage returns: overall and per-theme picks."""

    overall: tuple[RankedSentence, ...]
    themes: tuple[ThemeSummary, ...]


@dataclass(frozen=True)
class Report:
    """Everything devzone knows about one input, ready to serialise."""

    source: str
    clean: CleanText
    document: Document
    tags: tuple[ThemeTag, ...]
    summary: Summary
    warnings: tuple[str, ...]
