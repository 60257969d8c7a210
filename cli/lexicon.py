"""The Lexicon: the segmenter, its dictionary, user words, stop words and corpus idf, as one
value that is passed explicitly to the stages that need words.

A Lexicon holds only file paths, so it pickles to worker processes for nothing; what it
loads (the segmenter, stop words, idf) is cached per process, keyed by the files' content,
so a user dictionary that changes takes effect at the next run and two Lexicons with
different user words never share state. devzone uses its own ``jieba.Tokenizer`` instance
(never the global one, so a user's jieba settings and ours cannot interfere), silences
jieba's logging and the deprecation warning its import prints on new setuptools, and keeps
the prefix-dictionary cache in the user cache directory, keyed by the lexicon's content.
The shipped lexicon is jieba's dictionary cut down to the words of government reports,
which loads several times faster than the full one."""

from __future__ import annotations

import functools
import hashlib
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import resources

SHIPPED_DICTIONARY = "lexicon.txt"


@dataclass(frozen=True)
class Lexicon:
    """Which words exist (``dictionary`` plus ``user_dicts``, jieba's format) and which never
    count (the shipped stop words plus ``stopword_files``). None: the shipped dictionary."""

    dictionary: str | None = None
    user_dicts: tuple[str, ...] = ()
    stopword_files: tuple[str, ...] = ()

    def _dictionary_path(self) -> Path | None:
        if self.dictionary:
            return Path(self.dictionary)
        path = resources.model_path(SHIPPED_DICTIONARY)
        return path if path.is_file() else None  # a source checkout before build_lexicon

    def _segmenter(self) -> Any:
        return _segmenter(str(self._dictionary_path() or ""), _digest(self._dictionary_path()),
                          tuple((p, _digest(Path(p))) for p in self.user_dicts))

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order, punctuation and spaces included."""
        return self._segmenter().lcut(text, HMM=False)

    @property
    def stopwords(self) -> frozenset[str]:
        return _stopwords(tuple((p, _digest(Path(p))) for p in self.stopword_files))

    @property
    def idf(self) -> dict[str, float]:
        """Inverse document frequency over the training corpus, from the shipped lexicon."""
        return resources.lexicon_idf()

    def content_words(self, text: str) -> list[str]:
        """Words that carry meaning: no stop words, punctuation, numbers or single characters."""
        stop = self.stopwords
        return [w for w in self.cut(text) if is_content(w, stop)]

    def content_word_offsets(self, text: str) -> list[tuple[int, str]]:
        """Content words with the offset where each starts; one call for a whole paragraph
        is cheaper than one per sentence."""
        stop = self.stopwords
        out = []
        offset = 0
        for w in self.cut(text):
            if is_content(w, stop):
                out.append((offset, w))
            offset += len(w)
        return out


def is_content(word: str, stop: frozenset[str]) -> bool:
    if len(word) < 2 or word in stop:
        return False
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word)


def _digest(path: Path | None) -> str:
    """Content key of a file: a changed file is a different lexicon."""
    if path is None:
        return ""
    stat = path.stat()
    return hashlib.sha256(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def _import_jieba() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


@functools.lru_cache(maxsize=8)
def _segmenter(dictionary: str, key: str, user_dicts: tuple[tuple[str, str], ...]) -> Any:
    jieba = _import_jieba()
    tok = jieba.Tokenizer(dictionary=dictionary) if dictionary else jieba.Tokenizer()
    cache = resources.cache_dir()
    if cache is not None and dictionary:
        tok.tmp_dir = str(cache)
        tok.cache_file = f"jieba-{key}.cache"
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok.initialize()
    for path, _ in user_dicts:
        tok.load_userdict(path)
    return tok


@functools.lru_cache(maxsize=8)
def _stopwords(extra: tuple[tuple[str, str], ...]) -> frozenset[str]:
    words = set(resources.stopwords())
    for path, _ in extra:
        words.update(resources.word_list(Path(path).read_text(encoding="utf-8")))
    return frozenset(words)
