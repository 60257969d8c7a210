"""Stage: content words of every sentence; writes the words layer.

Each paragraph is cut once (cheaper than once per sentence) and its words are assigned to
the sentence whose span they start in."""

from __future__ import annotations

from bisect import bisect_right

from ..document import Document, SentenceWords
from ..lexicon import Lexicon


def tokenize(document: Document, lexicon: Lexicon) -> Document:
    loaded = lexicon.load()
    layer: list[SentenceWords] = []
    for p in document.paragraphs:
        starts = [s.start for s in p.sentences]
        per_sentence: list[list[str]] = [[] for _ in p.sentences]
        for offset, word in loaded.content_word_offsets(p.text):
            k = bisect_right(starts, offset) - 1
            if k >= 0 and offset < p.sentences[k].end:
                per_sentence[k].append(word)
        layer.extend(SentenceWords(s.index, tuple(words)) for s, words in zip(p.sentences, per_sentence, strict=True))
    return document.with_layers(words=tuple(layer))
