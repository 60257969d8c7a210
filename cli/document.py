"""The data every room shares: a Document of paragraphs and sentences, and the layers
stages add to it. Nothing here does work beyond checking that a layer fits its Document.

Like spaCy's Doc, a Document is made once by segmenting and then annotated: each stage
returns the same Document with one more layer (``with_layers``). Every layer record carries
the index of the paragraph or sentence it belongs to, and a layer is refused unless its
records line up with the Document one for one, so no stage ever matches by position alone."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np

THEMES: tuple[str, ...] = (
    "industry",
    "business_environment",
    "livelihood",
    "safety",
    "ecology",
    "other",
)

# The parts of a report, in the order reports follow (STRUCTURE.md).
PARTS: tuple[str, ...] = ("review", "targets", "plan", "government", "appendix")


@dataclass(frozen=True)
class RawText:
    """The text of one input as its file has it, and how it was read."""

    text: str
    encoding: str
    html: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Decoded, normalised text, one logical line per line, plus what cleaning did."""

    text: str
    encoding: str
    script_conversion: str  # "none" or "t2s"
    pinyin_removed: int
    dropped: tuple[tuple[str, int], ...] = ()  # lines dropped, by kind of furniture
    html: bool = False
    posted: tuple[str, ...] = ()  # the posting-time lines dropped as furniture (a publication date)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its paragraph's text; ``index`` counts sentences in the document."""

    paragraph: int
    start: int
    end: int
    text: str
    index: int = 0


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    heading_path: tuple[str, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ThemeTag:
    """The classify layer's record for one paragraph."""

    paragraph: int
    theme: str
    secondary: tuple[str, ...]
    scores: dict[str, float] = field(hash=False, compare=True)


@dataclass(frozen=True)
class SentenceWords:
    """The tokenize layer's record for one sentence: its content words, in order."""

    sentence: int
    words: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class SentenceThemes:
    """The classify layer's theme probabilities of every sentence: row = sentence index,
    columns in THEMES order."""

    probabilities: np.ndarray


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
    """The summarize layer: overall and per-theme picks."""

    overall: tuple[RankedSentence, ...]
    themes: tuple[ThemeSummary, ...]
    keywords: tuple[str, ...] = ()  # of the whole report


@dataclass(frozen=True)
class FrontLine:
    """A line of the report's front matter that is not a paragraph: ``role`` is "dateline"
    (——2025年1月15日在…会议上), "speaker" (省长 施小琳) or "masthead" (a line above the text
    that is neither the title nor a heading, such as the zone's or city's name)."""

    role: str
    text: str


@dataclass(frozen=True)
class Metadata:
    """The metadata layer: what the report is. ``sources`` says where each field came from
    ("text" or "file_name"), for the fields that were found."""

    title: str | None
    place: str | None
    year: int | None
    level: str | None  # national, province, city, county or zone
    date: str | None  # ISO
    speaker: str | None
    sources: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Figure:
    """A key figure: a result achieved or a target set for an indicator (FIGURES.md), with
    where it stands: ``paragraphs[paragraph].text[start:end] == text``."""

    indicator: str | None
    name: str
    kind: str  # "achieved" | "target"
    period: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str
    modifier: str  # "point" | "about" | "at_least" | "at_most" | "range" | "in_step"
    base_value: float | None
    base_unit: str | None
    paragraph: int
    start: int
    end: int
    text: str
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureLayer:
    """The figures layer: every figure in document order, and how many numbers next to an
    indicator could not be read (skipped, never guessed)."""

    figures: tuple[Figure, ...]
    skipped: int = 0
    headline: tuple[int, ...] = ()  # indices into figures: each core indicator's latest result and target

    @property
    def headline_figures(self) -> tuple[Figure, ...]:
        return tuple(self.figures[i] for i in self.headline)


class LayerMismatch(ValueError):
    """A layer's records do not line up with the Document's paragraphs or sentences."""


@dataclass(frozen=True)
class Document:
    """A report parsed into paragraphs and sentences, with the layers stages added."""

    title: str | None
    paragraphs: tuple[Paragraph, ...]
    headings: tuple[str, ...]
    dropped: tuple[tuple[str, int], ...] = ()  # lines that became no paragraph, by kind
    duplicate_paragraphs: int = 0
    front: tuple[FrontLine, ...] = ()
    tags: tuple[ThemeTag, ...] | None = None
    words: tuple[SentenceWords, ...] | None = None
    sentence_themes: SentenceThemes | None = None
    summary: Summary | None = None
    metadata: Metadata | None = None
    parts: tuple[str | None, ...] | None = None  # one per paragraph
    figures: FigureLayer | None = None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def with_layers(self, **layers: Any) -> Document:
        """This Document with the given layers added, each checked against it."""
        n_paragraphs = len(self.paragraphs)
        n_sentences = sum(len(p.sentences) for p in self.paragraphs)
        for name, value in layers.items():
            if name == "tags":
                _check_indices(name, [t.paragraph for t in value], n_paragraphs)
            elif name == "words":
                _check_indices(name, [w.sentence for w in value], n_sentences)
            elif name == "sentence_themes":
                if value.probabilities.shape != (n_sentences, len(THEMES)):
                    raise LayerMismatch(f"sentence_themes has shape {value.probabilities.shape}, "
                                        f"expected ({n_sentences}, {len(THEMES)})")
            elif name == "parts":
                if len(value) != n_paragraphs:
                    raise LayerMismatch(f"parts has {len(value)} entries for {n_paragraphs} paragraphs")
            elif name == "figures":
                for f in value.figures:
                    if not (0 <= f.paragraph < n_paragraphs
                            and self.paragraphs[f.paragraph].text[f.start:f.end] == f.text):
                        raise LayerMismatch(f"figure {f.name} does not stand where it says")
            elif name not in ("summary", "metadata"):
                raise LayerMismatch(f"unknown layer {name!r}")
        return dataclasses.replace(self, **layers)

    def part(self, paragraph: int) -> str | None:
        return self.parts[paragraph] if self.parts is not None else None

    @property
    def is_national(self) -> bool:
        """Whether the metadata layer says this is the State Council's own report."""
        return self.metadata is not None and self.metadata.level == "national"

    def tag(self, paragraph: int) -> ThemeTag:
        if self.tags is None:
            raise LayerMismatch("the document has not been classified")
        return self.tags[paragraph]


def _check_indices(name: str, indices: list[int], expected: int) -> None:
    if indices != list(range(expected)):
        raise LayerMismatch(f"layer {name} has {len(indices)} records that do not line up with "
                            f"the document's {expected}")
