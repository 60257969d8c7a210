"""The one place that talks to jieba.

devzone uses its own ``jieba.Tokenizer`` instance (never the global one, so
a user's jieba settings and ours cannot interfere), silences jieba's logging
and the deprecation warning its import prints on new setuptools, and keeps the
prefix-dictionary cache in the user cache directory, keyed by the lexicon's
content, so it never goes stale. The lexicon is jieba's dictionary cut down to
the words that occur in government reports, which loads several times faster
than the full one. This module is small and stable on purpose: a pickled
model that refers to ``devzone.tokenizer.cut`` keeps working."""

from __future__ import annotations

import functools
import hashlib
import logging
import warnings
from pathlib import Path

from . import resources

LEXICON = "lexicon.txt"


def _import_jieba():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


@functools.lru_cache(maxsize=1)
def _tokenizer():
    jieba = _import_jieba()
    lexicon: Path | None = resources.model_path(LEXICON)
    if lexicon is not None and not lexicon.is_file():
        lexicon = None  # a source checkout before `build_lexicon`: use jieba's own dictionary
    tok = jieba.Tokenizer(dictionary=str(lexicon)) if lexicon else jieba.Tokenizer()
    cache = resources.cache_dir()
    if cache is not None and lexicon is not None:
        stat = lexicon.stat()
        key = hashlib.sha256(f"{lexicon}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
        tok.tmp_dir = str(cache)
        tok.cache_file = f"jieba-{key}.cache"
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok.initialize()
    return tok


def cut(text: str) -> list[str]:
    """Words of ``text`` in order, punctuation and spaces included."""
    return _tokenizer().lcut(text, HMM=False)


def _is_content(word: str, stop: frozenset[str]) -> bool:
    if len(word) < 2 or word in stop:
        return False
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word)


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stop words, punctuation, numbers or single characters."""
    stop = resources.stopwords()
    return [w for w in cut(text) if _is_content(w, stop)]


def content_word_offsets(text: str) -> list[tuple[int, str]]:
    """Content words with the offset where each starts; one call for a whole paragraph
    is cheaper than one per sentence."""
    stop = resources.stopwords()
    out = []
    offset = 0
    for w in cut(text):
        if _is_content(w, stop):
            out.append((offset, w))
        offset += len(w)
    return out
