"""Stage: content words of every sentence; writes the words layer.

Each paragraph is cut once (cheaper than once per sentence) and its words are assigned to
the sentence whose span they start in (``Lexicon.content_words_of_spans``)."""

from __future__ import annotations

from ..document import Document, SentenceWords
from ..lexicon import Lexicon, glued_words


def tokenize(document: Document, lexicon: Lexicon) -> Document:
    loaded = lexicon.load()
    layer: list[SentenceWords] = []
    cuts = [loaded.cut(p.text) for p in document.paragraphs]
    # A name the dictionary does not know is cut into a word and a character (洪家 楼): where
    # the report always writes the two together, the word is a fragment, no content word.
    glued = glued_words(cuts)
    for p, cut in zip(document.paragraphs, cuts, strict=True):
        per_sentence = loaded.content_words_of_spans(p.text, [(s.start, s.end) for s in p.sentences], cut, glued)
        layer.extend(SentenceWords(s.index, tuple(words)) for s, words in zip(p.sentences, per_sentence, strict=True))
    return document.with_layers(words=tuple(layer))
