"""Stage: pick summary sentences, overall and per theme; writes the summary layer.

What an analyst asks first is last year's headline result and this year's target, so the
overall summary opens with the sentence that states the most headline results and the one
that states the most headline targets (the figures layer says which), where the report has
them. The other slots go to the most concrete statements of the main themes, in proportion
to their weight. The unit is a full sentence (ending 。！？); its ；-clauses stand alone only
when the sentence is too long. A sentence that opens with a connective needing the one
before it (其中, 同时, 此外, 对此, 这) is never picked alone. Each unit is scored by

    score = centrality ** CENTRALITY_POWER * (INFO_FLOOR + informativeness) * relevance * part weight

where centrality is TextRank over units, normalised to the report's best, informativeness
(``ranking.informativeness``) rewards key figures above all, then quantities, and
penalises framing, and relevance is the chance that the unit is about a theme at all
(1 - P(other)). Units are chosen by maximal marginal relevance, so no two say the same
thing, and a sentence whose every figure a lead already states is not picked again; a theme's
slot falls to the best sentence left when the theme has none nearly as good. Review and
targets come before plan; appendices never. Output keeps document order.

This stage never sees raw text: it reads the Document's layers."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from ..document import THEMES, Document, Figure, RankedSentence, Sentence, Summary, ThemeSummary
from ..ranking.informativeness import informativeness
from ..ranking.keywords import WordCounts
from ..ranking.selection import Shingles, quotas, select_mmr
from ..ranking.textrank import pagerank, similarity_graph

MIN_UNIT_CHARS = 12  # hanzi
# A sentence with no number says something only at some length: a short one is a topic line
# (改革继续推进。). Readers picked no numberless sentence under 30 hanzi (of 1,980 picks).
MIN_PLAIN_UNIT_CHARS = 25
MAX_UNIT_CHARS = 220  # a longer sentence is offered as its clauses
MAX_LEAD_CHARS = 400  # the headline and target sentences are taken whole up to this
REPORT_KEYWORDS = 10
ON_THEME = 0.3  # a unit belongs in a theme's summary if the theme is its best guess or this likely
# A result the report has achieved says more about it than a measure it plans: readers picked
# the review's figure-bearing results over plan measures with as many figures (tune reports:
# plan at 0.5 rather than 0.85 raised ROUGE-2 from 0.550 to 0.594; 0.3-0.5 alike).
# Centrality counts, but less than what a sentence states (tune reports, with key figures
# weighing 3: ROUGE-2 0.678 at 0.15, 0.671 at 0.25, 0.647 at 0.4, 0.674 at 0).
CENTRALITY_POWER = 0.15
INFO_FLOOR = 0.35  # what a unit without figures or length still weighs
# The State Council's reports are read for their figures even more: their readers picked the
# figure-bearing sentence over a central one without (40 national tune reports: ROUGE-2 0.522
# at 0.35, 0.531 at 0.25, 0.536 at 0.15, 0.538 at 0.1; on local ones 0.15 is 0.003 lower).
NATIONAL_INFO_FLOOR = 0.15
# A theme's slot goes to one of its sentences only if that scores at least this share of the best
# sentence left; else the slot falls to the best left overall. A small theme's best is often a
# vague topic line (科技教育和社会事业全面发展。), which readers never pick (tune reports: ROUGE-2
# local 0.668 -> 0.671, national 0.568 -> 0.581; 0.35-0.45 alike, 0.5 lower on local).
THEME_SLOT_FLOOR = 0.4
PART_WEIGHT = {"review": 1.0, "targets": 1.0, "plan": 0.5, "government": 0.6, None: 0.9}

_HANZI_RUN = re.compile("[\u4e00-\u9fff]+")  # counted by runs: far fewer matches than characters
_GDP_STATED = re.compile(r"(?:生产总值|经济总量|GDP)[^。；;]{0,20}?\d")
_GDP_TARGET_STATED = re.compile(
    r"(?:今年|本年|预期|目标|计划)[^。；;]{0,16}?(?:生产总值|经济|GDP)[^。；;，,]{0,12}?(?:增长|增速)[^。；;]{0,16}?(?:\d|百分之)")
_ANY_NUMBER = re.compile(r"\d|百分之|[一二两三四五六七八九十百千][万亿]")
_FULL_STOP = re.compile(r"[。！？!?][”’」』\"']*$")
# Openings that lean on the sentence before: picked alone they make no sense.
_NEEDS_ANTECEDENT = re.compile(r"^(其中|同时|此外|另外|对此|为此|这|这些|此|上述|而且|并且|但是|但|因此|所以|与此同时|其)")


@dataclass(frozen=True)
class _Unit:
    """A full sentence (or a clause of an over-long one): a span of one paragraph."""

    paragraph: int
    start: int
    end: int
    text: str
    sentences: tuple[int, ...]
    whole: tuple[int, int, tuple[int, ...]] | None = None  # a clause's full sentence: start, end, sentences


def _units(document: Document) -> list[_Unit]:
    units: list[_Unit] = []
    for p in document.paragraphs:
        group: list[Sentence] = []
        for s in p.sentences:
            group.append(s)
            if _FULL_STOP.search(s.text) or s is p.sentences[-1]:
                start, end = group[0].start, group[-1].end
                if end - start <= MAX_UNIT_CHARS or len(group) == 1:
                    units.append(_Unit(p.index, start, end, p.text[start:end], tuple(x.index for x in group)))
                else:
                    whole = (start, end, tuple(x.index for x in group))
                    units.extend(_Unit(p.index, x.start, x.end, x.text, (x.index,), whole) for x in group)
                group = []
    return units


# The figure an analyst asks for first, then the next: the unit that states it leads.
LEAD_INDICATORS = ("gdp_growth", "gdp_total")


def _lead_unit(document: Document, figures: Sequence[Figure], units: list[_Unit], kind: str) -> int | None:
    """The unit that states the report's GDP growth (else its GDP level, else a review
    sentence on GDP for results or a targets sentence on GDP growth for targets, else the most
    of these figures, all of ``kind``), None when none does."""
    for indicator in LEAD_INDICATORS:
        for f in figures:
            if f.indicator == indicator:
                found = next((k for k, u in enumerate(units) if _states(u, f)), None)
                if found is not None:
                    return found
    # GDP stated in a form the figures stage does not read (迈上14万亿元新台阶; national 1995:
    # 今年经济增长速度的宏观调控目标，定为百分之八至九): the first sentence on it in the review,
    # or on this year's growth in the targets (the plan, in reports with no targets part),
    # still heads the results or the targets.
    if kind == "achieved":
        parts, stated = {"review"}, _GDP_STATED
    else:
        has_targets = any(document.part(p.index) == "targets" for p in document.paragraphs)
        parts, stated = ({"targets"} if has_targets else {"plan"}), _GDP_TARGET_STATED
    for k, u in enumerate(units):
        if document.part(u.paragraph) in parts and stated.search(u.text):
            return k
    best, best_count = None, 0
    for k, u in enumerate(units):
        count = sum(1 for f in figures if _states(u, f))
        if count > best_count:
            best, best_count = k, count
    return best


def _states(u: _Unit, f: Figure) -> bool:
    """Whether the unit is where the figure is stated."""
    return f.paragraph == u.paragraph and u.start <= f.start < u.end


def _statement(f: Figure) -> tuple:
    """What a figure says, wherever it is said."""
    return f.indicator, f.kind, f.period, f.value, f.low, f.high


def _take_whole_sentence(document: Document, units: list[_Unit], k: int, base: np.ndarray,
                         shingles: Shingles) -> None:
    """A lead that is a clause of a long sentence becomes the whole sentence, up to
    MAX_LEAD_CHARS: a list of targets cut at its first ； states one target and loses the rest
    (readers take the sentence whole). Its other clauses are then never picked on their own."""
    u = units[k]
    if u.whole is None:
        return
    start, end, sentences = u.whole
    if end - start > MAX_LEAD_CHARS:
        return
    for j, other in enumerate(units):
        if j != k and other.paragraph == u.paragraph and other.whole == u.whole:
            base[j] = 0.0
    units[k] = _Unit(u.paragraph, start, end, document.paragraphs[u.paragraph].text[start:end], sentences)
    shingles.replace(k, units[k].text)


def _ranked(units: Sequence[_Unit], indices: Sequence[int], scores: np.ndarray) -> tuple[RankedSentence, ...]:
    out = []
    for i in sorted(set(indices), key=lambda i: (units[i].paragraph, units[i].start)):
        u = units[i]
        out.append(RankedSentence(u.paragraph, u.start, u.end, u.text, round(float(scores[i]), 4)))
    return tuple(out)


def summarize(document: Document, idf: Mapping[str, float], top_k: int, theme_top_k: int,
              theme_summaries: str = "main") -> Document:
    """The document with its summary layer; needs the tokenize and classify layers.
    ``theme_summaries``: "main" (every theme but other) or "all"."""
    return document.with_layers(summary=_summary(document, idf, top_k, theme_top_k, theme_summaries))


def _summary(document: Document, idf: Mapping[str, float], top_k: int, theme_top_k: int,
             theme_summaries: str) -> Summary:
    units = _units(document)
    n = len(units)
    if n == 0:
        return Summary(overall=(), themes=())
    assert document.tags is not None and document.words is not None and document.sentence_themes is not None
    tags = document.tags
    sentence_probs = document.sentence_themes.probabilities
    tokens = [[w for i in u.sentences for w in document.words[i].words] for u in units]
    sentences = document.sentences
    # A unit's themes: its sentences' probabilities weighted by their length, for all units
    # at once (a unit is one sentence or a few).
    flat = [i for u in units for i in u.sentences]
    sizes = [len(u.sentences) for u in units]
    lengths_of = np.array([len(sentences[i].text) for i in flat], dtype=float)
    unit_of = np.repeat(np.arange(n), sizes)
    share = lengths_of / np.bincount(unit_of, weights=lengths_of, minlength=n)[unit_of]
    first_of_unit = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    theme_probabilities = np.add.reduceat(sentence_probs[flat] * share[:, None], first_of_unit, axis=0)
    centrality = pagerank(similarity_graph(tokens))
    centrality = centrality / (centrality.max() or 1.0)
    figures = document.figures.figures if document.figures else ()
    key_counts = np.zeros(n)
    stated: list[set[tuple]] = [set() for _ in range(n)]  # what each unit's figures state
    unit_at = {(u.paragraph, u.start): k for k, u in enumerate(units)}
    starts_by_paragraph: dict[int, list[int]] = {}
    for u in units:
        starts_by_paragraph.setdefault(u.paragraph, []).append(u.start)
    for f in figures:
        starts = starts_by_paragraph.get(f.paragraph, [])
        pos = bisect_right(starts, f.start) - 1
        if pos >= 0:
            k = unit_at[(f.paragraph, starts[pos])]
            key_counts[k] += 1
            stated[k].add(_statement(f))
    other = THEMES.index("other")
    para_other = np.array([tags[u.paragraph].scores.get("other", 0.0) for u in units])
    info = np.array([informativeness(u.text, int(k)) for u, k in zip(units, key_counts, strict=True)])
    relevance = 1.0 - 0.8 * np.maximum(para_other, theme_probabilities[:, other])
    # Appendices (名词解释, 注释) explain terms; they are never summarised nor weighed.
    in_body = [document.part(p.index) != "appendix" for p in document.paragraphs]
    part_weight = np.array([PART_WEIGHT.get(document.part(u.paragraph), 0.9) for u in units])
    hanzi = [sum(map(len, _HANZI_RUN.findall(u.text))) for u in units]
    eligible = np.array([
        in_body[u.paragraph]
        and (hanzi[k] >= MIN_PLAIN_UNIT_CHARS or (hanzi[k] >= MIN_UNIT_CHARS and bool(_ANY_NUMBER.search(u.text))))
        and not _NEEDS_ANTECEDENT.match(u.text)
        for k, u in enumerate(units)
    ])
    floor = NATIONAL_INFO_FLOOR if document.is_national else INFO_FLOOR
    base = centrality ** CENTRALITY_POWER * (floor + info) * relevance * part_weight * eligible
    shingles = Shingles([u.text for u in units])
    word_counts = WordCounts(tokens, idf)

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

    paragraph_of = [u.paragraph for u in units]
    best_theme = theme_probabilities.argmax(axis=1)
    by_paragraph: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        by_paragraph.setdefault(u.paragraph, []).append(k)

    # The headline result and this year's target open the summary, when the report states them.
    chosen: list[int] = []
    headline = document.figures.headline_figures if document.figures else ()
    for kind in ("achieved", "target"):
        lead = _lead_unit(document, [f for f in headline if f.kind == kind], units, kind)
        if lead is not None and lead not in chosen and len(chosen) < top_k and len(units[lead].text) <= MAX_LEAD_CHARS:
            chosen.append(lead)
            _take_whole_sentence(document, units, lead, base, shingles)
    # No two on one point: a sentence whose every figure a lead already states (经济增长预期目标为
    # 5%左右，考虑了… after the list of targets) says it again.
    said = {_statement(f) for f in figures for k in chosen if _states(units[k], f)}
    for k in range(n):
        if k not in chosen and stated[k] and stated[k] <= said:
            base[k] = 0.0
    # Then each theme fills its share of the rest, then the best left.
    rest = top_k - len(chosen)
    for theme, quota in sorted(quotas(shares, rest).items(), key=lambda kv: -shares[kv[0]]):
        if quota == 0:
            continue
        col = THEMES.index(theme)
        pool = [k for p in members[theme] for k in by_paragraph.get(p, []) if tags[p].theme == theme]
        left = base.copy()
        left[chosen] = 0.0
        bar = THEME_SLOT_FLOOR * float(left.max())
        pool = [k for k in pool if base[k] >= bar]
        theme_scores = base * (0.5 + theme_probabilities[:, col])
        chosen += select_mmr(pool, theme_scores, shingles, quota, chosen, paragraph_of)
    if len(chosen) < top_k:
        chosen += select_mmr(range(n), base, shingles, top_k - len(chosen), chosen, paragraph_of)
    if len(chosen) < top_k:  # few paragraphs: lift the per-paragraph cap rather than come up short
        chosen += select_mmr(range(n), base, shingles, top_k - len(chosen), chosen)
    overall = _ranked(units, chosen, np.maximum(base, 1e-4 * eligible))

    theme_summaries_out = []
    quality = centrality ** CENTRALITY_POWER * (floor + info) * part_weight * eligible
    for theme in THEMES:
        paragraphs = members[theme]
        if not paragraphs:
            continue
        col = THEMES.index(theme)
        pool = [k for p in paragraphs for k in by_paragraph.get(p, [])]
        picked: list[int] = []
        scores = quality * (0.2 + theme_probabilities[:, col])
        # Within a theme, take units that are themselves about it: a paragraph that mixes
        # themes contributes only its on-theme sentences, to the summary and the keywords.
        on_theme = [k for k in pool if best_theme[k] == col or theme_probabilities[k, col] >= ON_THEME] or pool
        if theme != "other" or theme_summaries == "all":
            picked = select_mmr(on_theme, scores, shingles, theme_top_k)
        theme_summaries_out.append(
            ThemeSummary(
                theme=theme,
                share=round(shares[theme], 4),
                paragraphs=tuple(paragraphs),
                summary=_ranked(units, picked, scores),
                keywords=word_counts.keywords(on_theme),
            )
        )
    body_units = [k for k, u in enumerate(units) if in_body[u.paragraph]]
    report_keywords = word_counts.keywords(body_units, k=REPORT_KEYWORDS)
    return Summary(overall=overall, themes=tuple(theme_summaries_out), keywords=report_keywords)
