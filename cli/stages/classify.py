"""Stage: theme tags of every paragraph and theme probabilities of every sentence; writes
the tags and sentence_themes layers, from one pass of the model over both."""

from __future__ import annotations

from typing import Sequence

from ..document import Document, SentenceThemes, ThemeTag
from ..model.inference import ThemeModel


def classify(document: Document, model: ThemeModel) -> Document:
    paragraphs = document.paragraphs
    para_probs, sentence_probs = model.paragraph_probabilities(
        [(p.text, [(s.start, s.end) for s in p.sentences]) for p in paragraphs]
    )
    per_paragraph, start = [], 0
    for p in paragraphs:
        per_paragraph.append(sentence_probs[start : start + len(p.sentences)])
        start += len(p.sentences)
    lengths = [[len(s.text) for s in p.sentences] for p in paragraphs]
    tags = tuple(model.tag_from_probabilities(para_probs, per_paragraph, lengths))
    return document.with_layers(tags=tags, sentence_themes=SentenceThemes(model.in_theme_order(sentence_probs)))


def tag_texts(texts: Sequence[str], sentences: Sequence[Sequence[str]], model: ThemeModel) -> list[ThemeTag]:
    """Tag each text as one paragraph, given its sentences (for secondary themes)."""
    return model.tag(list(texts), sentences)
