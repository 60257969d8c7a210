"""Stage: pick summary sentences, overall and per theme; writes the summary layer.

Plain TextRank favours central, vague sentences (slogans and political framing are central
precisely because they echo every section). A reader who will not open the report wants
what was done or planned, with its measures, projects and figures. So each sentence is
scored by

    score = centrality ** 0.5 * (0.35 + informativeness) * relevance

where centrality is TextRank normalised to the report's best sentence, informativeness
(``ranking.informativeness``) rewards figures, projects and programmes and penalises
framing, and relevance is the chance that the sentence's paragraph is about a theme at all
(1 - P(other)). Sentences are then chosen by maximal marginal relevance, so no two say the
same thing, with slots shared among themes in proportion to their weight in the report.
The output keeps document order.

This stage never sees raw text: it reads the Document's tokenize and classify layers."""

from __future__ import annotations

import re
from collections import Counter
from typing import Mapping, Sequence

import numpy as np

from ..document import THEMES, Document, RankedSentence, Sentence, Summary, ThemeSummary
from ..ranking.informativeness import informativeness
from ..ranking.keywords import keywords
from ..ranking.selection import Shingles, quotas, select_mmr
from ..ranking.textrank import pagerank, similarity_graph

MIN_SENTENCE_CHARS = 12
ON_THEME = 0.3  # a sentence belongs in a theme's summary if the theme is its best guess or this likely

_HANZI = re.compile("[\u4e00-\u9fff]")


def _eligible(s: Sentence) -> bool:
    return len(_HANZI.findall(s.text)) >= MIN_SENTENCE_CHARS


def _ranked(sentences: Sequence[Sentence], indices: Sequence[int], scores: np.ndarray) -> tuple[RankedSentence, ...]:
    out = []
    for i in sorted(indices, key=lambda i: (sentences[i].paragraph, sentences[i].start)):
        s = sentences[i]
        out.append(RankedSentence(s.paragraph, s.start, s.end, s.text, round(float(scores[i]), 4)))
    return tuple(out)


def summarize(document: Document, idf: Mapping[str, float], top_k: int, theme_top_k: int) -> Document:
    """The document with its summary layer; needs the tokenize and classify layers."""
    return document.with_layers(summary=_summary(document, idf, top_k, theme_top_k))


def _summary(document: Document, idf: Mapping[str, float], top_k: int, theme_top_k: int) -> Summary:
    sentences = document.sentences
    n = len(sentences)
    if n == 0:
        return Summary(overall=(), themes=())
    assert document.tags is not None and document.words is not None and document.sentence_themes is not None
    tags = document.tags
    tokens = [w.words for w in document.words]
    theme_probabilities = document.sentence_themes.probabilities
    centrality = pagerank(similarity_graph(tokens))
    centrality = centrality / (centrality.max() or 1.0)
    other = THEMES.index("other")
    para_other = np.array([tags[s.paragraph].scores.get("other", 0.0) for s in sentences])
    info = np.array([informativeness(s.text) for s in sentences])
    relevance = 1.0 - 0.8 * np.maximum(para_other, theme_probabilities[:, other])
    # Appendices (名词解释, 注释) explain terms; they are never summarised nor weighed.
    in_body = [document.part(p.index) != "appendix" for p in document.paragraphs]
    eligible = np.array([_eligible(s) and in_body[s.paragraph] for s in sentences])
    base = np.sqrt(centrality) * (0.35 + info) * relevance * eligible
    shingles = Shingles(sentences)
    word_counts: Counter[str] = Counter(w for words in tokens for w in words if w in idf)

    lengths = {t: 0 for t in THEMES}
    members: dict[str, list[int]] = {t: [] for t in THEMES}
    for p, tag in zip(document.paragraphs, tags, strict=True):
        if not in_body[p.index]:
            continue
        lengths[tag.theme] += len(p.text)
        for t in (tag.theme, *tag.secondary):
            members[t].append(p.index)
    total_chars = sum(lengths.values()) or 1
    shares = {t: lengths[t] / total_chars for t in THEMES}

    paragraph_of = [s.paragraph for s in sentences]
    best_theme = theme_probabilities.argmax(axis=1)
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)

    # Overall: each theme first fills its share of the slots, then the rest go to the best left.
    chosen: list[int] = []
    for theme, quota in sorted(quotas(shares, top_k).items(), key=lambda kv: -shares[kv[0]]):
        if quota == 0:
            continue
        col = THEMES.index(theme)
        pool = [i for p in members[theme] for i in by_paragraph.get(p, []) if tags[p].theme == theme]
        theme_scores = base * (0.5 + theme_probabilities[:, col])
        chosen += select_mmr(pool, theme_scores, shingles, quota, chosen, paragraph_of)
    if len(chosen) < top_k:
        chosen += select_mmr(range(n), base, shingles, top_k - len(chosen), chosen, paragraph_of)
    if len(chosen) < top_k:  # few paragraphs: lift the per-paragraph cap rather than come up short
        chosen += select_mmr(range(n), base, shingles, top_k - len(chosen), chosen)
    overall = _ranked(sentences, chosen, base)

    theme_summaries = []
    quality = np.sqrt(centrality) * (0.35 + info) * eligible
    for theme in THEMES:
        paragraphs = members[theme]
        if not paragraphs:
            continue
        col = THEMES.index(theme)
        pool = [i for p in paragraphs for i in by_paragraph.get(p, [])]
        # Within a theme, take sentences that are themselves about it: a
        # paragraph that mixes themes contributes only its on-theme sentences.
        on_theme = [i for i in pool if best_theme[i] == col or theme_probabilities[i, col] >= ON_THEME]
        scores = quality * (0.2 + theme_probabilities[:, col])
        picked = select_mmr(on_theme or pool, scores, shingles, theme_top_k)
        theme_summaries.append(
            ThemeSummary(
                theme=theme,
                share=round(shares[theme], 4),
                paragraphs=tuple(paragraphs),
                summary=_ranked(sentences, picked, scores),
                keywords=keywords([tokens[i] for i in pool], word_counts, idf),
            )
        )
    return Summary(overall=overall, themes=tuple(theme_summaries))
