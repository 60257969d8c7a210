"""Stage 4: pick summary sentences, overall and per theme.

Plain TextRank favours central, vague sentences (slogans and political
framing are central precisely because they echo every section). A reader who
will not open the report wants what was done or planned, with its measures,
projects and figures. So each sentence is scored by

    score = centrality ** 0.5 * (0.35 + informativeness) * relevance

where centrality is TextRank normalised to the report's best sentence,
informativeness counts figures with units, named projects, documents and
quoted programmes, and penalises slogan and framing vocabulary, and
relevance is the chance that the sentence's paragraph is about a theme at all
(1 - P(other)). Sentences are then chosen by maximal marginal relevance, so
no two say the same thing, with slots shared among themes in proportion to
their weight in the report. The output keeps document order.

This module never sees raw text: it works on a Document, the content words
of each sentence, and theme probabilities."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from .document import THEMES, Document, RankedSentence, Sentence, Summary, ThemeSummary, ThemeTag
from .textrank import pagerank, similarity_graph

MIN_SENTENCE_CHARS = 12
NEAR_DUPLICATE = 0.55
MMR_LAMBDA = 0.7
MAX_PER_PARAGRAPH = 2  # in the overall summary, so one rich paragraph cannot fill it
ON_THEME = 0.3  # a sentence belongs in a theme's summary if the theme is its best guess or this likely

_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|个百分点|亿元|万元|元|亿|万|千|百|个|家|户|人次|人|项|座|所|台|辆|套|条|公里|千米|米|"
    r"平方米|平方公里|亩|公顷|吨|千瓦|千伏|兆瓦|立方米|件|次|倍|年|天|张|类|批|处|场|名)"
)
_NAMED = re.compile(r"《[^》]{2,40}》|“[^”]{2,20}”|[\u4e00-\u9fffA-Za-z0-9]{2,16}(?:项目|工程|园区|产业园|基地|中心|平台|计划|行动)")
_FRAMING = re.compile(
    r"习近平|党中央|总书记|精神|指引|思想|坚强领导|重要讲话|二十大|万众一心|撸起袖子|加油干|奋力|谱写|书写|"
    r"新篇章|新征程|蓝图|行稳致远|砥砺|踔厉|同心|初心|使命|决心|信心|担当|感恩|嘱托|伟大|光荣|奋斗|"
    r"各位代表|总基调|新发展理念|高质量发展之路"
)


@dataclass(frozen=True)
class SentenceFeatures:
    """Per-sentence inputs the pipeline prepares for this stage."""

    tokens: Sequence[Sequence[str]]  # content words of each sentence, in document order
    theme_probabilities: np.ndarray  # (n_sentences, len(THEMES)), from the classifier


def informativeness(text: str) -> float:
    figures = len(_FIGURE.findall(text))
    named = len(_NAMED.findall(text))
    framing = len(_FRAMING.findall(text))
    value = 0.5 * min(figures, 4) / 4 + 0.3 * min(named, 3) / 3
    value += 0.2 * min(len(text), 120) / 120
    value -= 0.25 * min(framing, 3)
    if not figures and framing:
        value -= 0.2
    return max(value, 0.0)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


_HANZI = re.compile("[\u4e00-\u9fff]")


def _eligible(s: Sentence) -> bool:
    return len(_HANZI.findall(s.text)) >= MIN_SENTENCE_CHARS


class _Shingles:
    """Character bigrams of sentences, made only for the sentences selection looks at:
    a long report has far more sentences than ever come near a summary."""

    def __init__(self, sentences: Sequence[Sentence]):
        self.sentences = sentences
        self.cache: dict[int, set[str]] = {}

    def __getitem__(self, i: int) -> set[str]:
        got = self.cache.get(i)
        if got is None:
            got = self.cache[i] = _bigrams(self.sentences[i].text)
        return got


def _select(
    candidates: Sequence[int],
    scores: np.ndarray,
    shingles: _Shingles,
    k: int,
    chosen: list[int] | None = None,
    paragraph_of: Sequence[int] | None = None,
) -> list[int]:
    """Maximal marginal relevance over candidates, refusing near-duplicates
    and, when ``paragraph_of`` is given, a third sentence from one paragraph.

    Only the best-scored candidates are considered (a window that widens when
    duplicates use it up), so the cost does not grow with the report's length."""
    picked = list(chosen or [])
    taken = set(picked)
    ranked = sorted((i for i in candidates if i not in taken and scores[i] > 0), key=lambda i: (-scores[i], i))
    top = float(scores[ranked[0]]) if ranked else 1.0
    added: list[int] = []
    per_paragraph: Counter[int] = Counter(paragraph_of[j] for j in picked) if paragraph_of else Counter()
    window = 20 * k + 50
    while len(added) < k:
        best, best_value = None, -math.inf
        for i in ranked[:window]:
            if i in taken or (paragraph_of and per_paragraph[paragraph_of[i]] >= MAX_PER_PARAGRAPH):
                continue
            redundancy = max((_overlap(shingles[i], shingles[j]) for j in picked), default=0.0)
            if redundancy >= NEAR_DUPLICATE:
                continue
            value = MMR_LAMBDA * scores[i] / top - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            if window >= len(ranked):
                break
            window *= 4
            continue
        picked.append(best)
        taken.add(best)
        added.append(best)
        if paragraph_of:
            per_paragraph[paragraph_of[best]] += 1
    return added


def _quotas(shares: Mapping[str, float], k: int) -> dict[str, int]:
    """Largest-remainder allocation of k slots among themes by share."""
    themes = [t for t in THEMES if t != "other" and shares.get(t, 0) > 0]
    total = sum(shares[t] for t in themes)
    if not themes or total <= 0:
        return {}
    exact = {t: k * shares[t] / total for t in themes}
    quota = {t: int(exact[t]) for t in themes}
    for t in sorted(themes, key=lambda t: (exact[t] - quota[t], shares[t]), reverse=True):
        if sum(quota.values()) >= k:
            break
        quota[t] += 1
    return quota


def _ranked(sentences: Sequence[Sentence], indices: Sequence[int], scores: np.ndarray) -> tuple[RankedSentence, ...]:
    out = []
    for i in sorted(indices, key=lambda i: (sentences[i].paragraph, sentences[i].start)):
        s = sentences[i]
        out.append(RankedSentence(s.paragraph, s.start, s.end, s.text, round(float(scores[i]), 4)))
    return tuple(out)


def keywords(
    inside: Sequence[Sequence[str]], everywhere: Counter[str], idf: Mapping[str, float], k: int = 8
) -> tuple[str, ...]:
    """Words typical of a theme's sentences: frequent there, rare in reports at
    large (corpus idf) and rarer in the rest of this report (``everywhere`` counts
    the whole report). Only lexicon words count, so fragments jieba guesses for
    unknown strings never show."""
    counts: Counter[str] = Counter(w for tokens in inside for w in tokens if w in idf)

    def weight(w: str) -> float:
        return (1 + math.log(counts[w])) * idf[w] * counts[w] / everywhere[w]

    return tuple(heapq.nsmallest(k, counts, key=lambda w: (-weight(w), w)))


def summarize(
    document: Document,
    tags: Sequence[ThemeTag],
    features: SentenceFeatures,
    idf: Mapping[str, float],
    top_k: int = 6,
    theme_top_k: int = 3,
) -> Summary:
    sentences = document.sentences
    n = len(sentences)
    if n == 0:
        return Summary(overall=(), themes=())
    centrality = pagerank(similarity_graph(features.tokens))
    centrality = centrality / (centrality.max() or 1.0)
    other = THEMES.index("other")
    para_other = np.array([tags[s.paragraph].scores.get("other", 0.0) for s in sentences])
    info = np.array([informativeness(s.text) for s in sentences])
    relevance = 1.0 - 0.8 * np.maximum(para_other, features.theme_probabilities[:, other])
    eligible = np.array([_eligible(s) for s in sentences])
    base = np.sqrt(centrality) * (0.35 + info) * relevance * eligible
    shingles = _Shingles(sentences)
    word_counts: Counter[str] = Counter(w for tokens in features.tokens for w in tokens if w in idf)

    lengths = {t: 0 for t in THEMES}
    members: dict[str, list[int]] = {t: [] for t in THEMES}
    for p, tag in zip(document.paragraphs, tags):
        lengths[tag.theme] += len(p.text)
        for t in (tag.theme, *tag.secondary):
            members[t].append(p.index)
    total_chars = sum(lengths.values()) or 1
    shares = {t: lengths[t] / total_chars for t in THEMES}

    paragraph_of = [s.paragraph for s in sentences]
    best_theme = features.theme_probabilities.argmax(axis=1)
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)

    # Overall: each theme first fills its share of the slots, then the rest go to the best left.
    chosen: list[int] = []
    for theme, quota in sorted(_quotas(shares, top_k).items(), key=lambda kv: -shares[kv[0]]):
        if quota == 0:
            continue
        col = THEMES.index(theme)
        pool = [i for p in members[theme] for i in by_paragraph.get(p, []) if tags[p].theme == theme]
        theme_scores = base * (0.5 + features.theme_probabilities[:, col])
        chosen += _select(pool, theme_scores, shingles, quota, chosen, paragraph_of)
    if len(chosen) < top_k:
        chosen += _select(range(n), base, shingles, top_k - len(chosen), chosen, paragraph_of)
    if len(chosen) < top_k:  # few paragraphs: lift the per-paragraph cap rather than come up short
        chosen += _select(range(n), base, shingles, top_k - len(chosen), chosen)
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
        on_theme = [i for i in pool if best_theme[i] == col or features.theme_probabilities[i, col] >= ON_THEME]
        scores = quality * (0.2 + features.theme_probabilities[:, col])
        picked = _select(on_theme or pool, scores, shingles, theme_top_k)
        theme_summaries.append(
            ThemeSummary(
                theme=theme,
                share=round(shares[theme], 4),
                paragraphs=tuple(paragraphs),
                summary=_ranked(sentences, picked, scores),
                keywords=keywords([features.tokens[i] for i in pool], word_counts, idf),
            )
        )
    return Summary(overall=overall, themes=tuple(theme_summaries))
