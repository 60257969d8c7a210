"""Stage: content words of every sentence; writes the words layer.

Each paragraph is cut once (cheaper than once per sentence) and its words are assigned to
the sentence whose span they start in (``Lexicon.content_words_of_spans``)."""

from __future__ import annotations

from ..document import Document, SentenceWords
from ..lexicon import Lexicon


def tokenize(document: Document, lexicon: Lexicon) -> Document:
    loaded = lexicon.load()
    layer: list[SentenceWords] = []
    for p in document.paragraphs:
        per_sentence = loaded.content_words_of_spans(p.text, [(s.start, s.end) for s in p.sentences])
        layer.extend(SentenceWords(s.index, tuple(words)) for s, words in zip(p.sentences, per_sentence, strict=True))
    return document.with_layers(words=tuple(layer))
