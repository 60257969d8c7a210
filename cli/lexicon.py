"""The Lexicon: the segmenter, its dictionary, user words, stop words and corpus idf, as one
value that is passed explicitly to the stages that need words.

The segmenter is rjieba (jieba-rs, the Rust port of jieba) loaded with devzone's own
dictionary: it gives the same tokens as jieba's precise mode without HMM on every labeled
paragraph and seed (tested) at about twenty times the speed, and loads the 46k-word lexicon
in a few hundredths of a second with no cache to go stale. jieba's dictionary format stays
the contract: the shipped lexicon and user dictionaries are jieba files (word, optional
frequency, optional tag), and a user word without a frequency gets the frequency jieba would
suggest, so it is kept whole.

A Lexicon holds only file paths, so it pickles to worker processes for nothing; what it
loads is cached per process, keyed by the files' content (size and modification time), so a
user dictionary that changes takes effect at the next run and two Lexicons with different
user words never share state."""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import math
import os
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, compress
from pathlib import Path
from typing import Any, Sequence

from . import resources
from .errors import InputError

SHIPPED_DICTIONARY = "lexicon.txt"


@dataclass(frozen=True)
class Lexicon:
    """Which words exist (``dictionary`` plus ``user_dicts``, jieba's format) and which never
    count (the shipped stop words plus ``stopword_files``). None: the shipped dictionary."""

    dictionary: str | None = None
    user_dicts: tuple[str, ...] = ()
    stopword_files: tuple[str, ...] = ()

    def _dictionary_path(self) -> Path:
        return Path(self.dictionary) if self.dictionary else resources.model_path(SHIPPED_DICTIONARY)

    def load(self) -> LoadedLexicon:
        """The segmenter and word lists, loaded (once per process for the same files): take
        it once per document, since finding out whether the files changed costs a stat each."""
        return _loaded(_keyed(self._dictionary_path()), tuple(_keyed(Path(p)) for p in self.user_dicts),
                       tuple(_keyed(Path(p)) for p in self.stopword_files))

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order, punctuation and spaces included."""
        return self.load().cut(text)

    @property
    def stopwords(self) -> frozenset[str]:
        return self.load().stopwords

    @property
    def user_words(self) -> frozenset[str]:
        return self.load().user_words

    @property
    def idf(self) -> dict[str, float]:
        return self.load().idf

    @property
    def keyword_idf(self) -> dict[str, float]:
        """The idf of the words that may be keywords: with the shipped lexicon, its terms
        (nouns, names, abbreviations: ``models/terms.txt``) and the user's words; with a
        dictionary of the user's own, every word of it."""
        loaded = self.load()
        return loaded.idf if self.dictionary else loaded.term_idf()

    def content_words(self, text: str) -> list[str]:
        return self.load().content_words(text)

    def content_words_of_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
        return self.load().content_words_of_spans(text, spans)


class LoadedLexicon:
    """A Lexicon's segmenter and word lists in memory."""

    def __init__(self, segmenter: Any, stopwords: frozenset[str], user_words: frozenset[str],
                 idf: dict[str, float]) -> None:
        self.segmenter = segmenter
        self.stopwords = stopwords
        self.user_words = user_words
        self.idf = idf
        self._content: dict[str, bool] = {}  # words recur: decide each once
        self._term_idf: dict[str, float] | None = None

    def term_idf(self) -> dict[str, float]:
        """The idf of the shipped lexicon's terms and the user's words."""
        if self._term_idf is None:
            terms = resources.terms()
            self._term_idf = {w: v for w, v in self.idf.items() if w in terms or w in self.user_words}
        return self._term_idf

    def cut(self, text: str) -> list[str]:
        """Words of ``text`` in order, punctuation and spaces included."""
        return self.segmenter.cut(text, False)

    def _is_content(self, word: str) -> bool:
        known = self._content.get(word)
        if known is None:
            known = self._content[word] = is_content(word, self.stopwords)
        return known

    def content_words(self, text: str) -> list[str]:
        """Words that carry meaning: no stop words, punctuation, numbers or single characters."""
        return [w for w in self.cut(text) if self._is_content(w)]

    def content_words_of_spans(self, text: str, spans: Sequence[tuple[int, int]], words: Sequence[str] | None = None,
                               glued: dict[str, tuple[int, str]] | None = None) -> list[list[str]]:
        """The content words of each span of ``text`` (sorted, not overlapping), a word
        belonging to the span it starts in. The text is cut once, whole: one call for a
        paragraph is cheaper than one per sentence; ``words``: its cut, when already made;
        ``glued``: the report's fragments of names (``glued_words``), no content words where
        they stand beside their character."""
        if words is None:
            words = self.cut(text)
        content = self._content
        for w in set(words).difference(content):
            content[w] = is_content(w, self.stopwords)
        kept = list(map(content.__getitem__, words))
        if glued and not glued.keys().isdisjoint(words):
            for i in fragment_positions(words, glued):
                kept[i] = False
        # A span's words are those that start in it: two bisections over the words' offsets
        # find them, and compress (in C) keeps the content words among them.
        n = len(words)
        starts = list(accumulate(map(len, words), initial=0))
        out: list[list[str]] = []
        for start, end in spans:
            first = bisect_left(starts, start, 0, n)
            stop = bisect_left(starts, end, first, n)
            out.append(list(compress(words[first:stop], kept[first:stop])))
        return out


@functools.lru_cache(maxsize=8)
def _loaded(dictionary: tuple[str, str], user_dicts: tuple[tuple[str, str], ...],
            stopword_files: tuple[tuple[str, str], ...]) -> LoadedLexicon:
    user_words = _user_words(user_dicts)
    idf = _idf(dictionary)
    extra = user_words - idf.keys()
    if extra:
        # A user word the corpus never saw gets the highest idf: it is what the user came to find.
        top = max(idf.values(), default=math.log(2))
        idf = {**idf, **{w: top for w in extra}}
    return LoadedLexicon(_segmenter(dictionary, user_dicts), _stopwords(stopword_files), user_words, idf)


# Characters that stand beside a word as grammar or a measure (after it), or as a scope or a
# qualifier (before it: 市交警, 新材料), not as part of a name.
_GRAMMAR_CHARACTERS = frozenset("的和与及等是在为对把被将了也都而或并向于从以由到至其之各每该本我个年月日万亿元家项")
_SCOPE_CHARACTERS = _GRAMMAR_CHARACTERS | frozenset("市省县区州乡镇村全总副新老大小")
GLUED_SHARE = 0.8  # of a word's occurrences beside one character that make it part of a name


def glued_words(cuts: Sequence[Sequence[str]]) -> dict[str, tuple[int, str]]:
    """Words of a report that are parts of a name the dictionary does not know: nearly always
    beside the same single character (洪家 in 洪家楼, 白浪 in 白浪滩), as word -> (side, character),
    side -1 before the word and 1 after it. Alone they are fragments, no term."""
    flat: list[str] = [""]
    for words in cuts:
        flat.extend(words)
        flat.append("")  # no word is beside the next paragraph's first
    occurrences = Counter(flat)
    candidates = {w for w in occurrences if len(w) == 1 and "\u4e00" <= w <= "\u9fff"} - _GRAMMAR_CHARACTERS
    # The single characters that may end or begin a name are found in C (map, compress), and
    # only they are looked at in Python: a report has hundreds of thousands of words, and a
    # loop over them all costs more than cutting them.
    found = list(compress(range(len(flat)), map(candidates.__contains__, flat)))
    ends = Counter([(flat[i - 1], flat[i]) for i in found])  # the word before, glued at its end
    starts = Counter([(flat[i + 1], flat[i]) for i in found if flat[i] not in _SCOPE_CHARACTERS])
    glued: dict[str, tuple[int, str]] = {}
    for side, pairs in ((-1, starts), (1, ends)):
        for (word, character), count in pairs.items():
            if (count >= 2 and count >= GLUED_SHARE * occurrences[word] and len(word) >= 2
                    and word not in glued and "\u4e00" <= word[0] <= "\u9fff"):
                glued[word] = (side, character)
    return glued


def fragment_positions(words: Sequence[str], glued: dict[str, tuple[int, str]]) -> set[int]:
    """Where in ``words`` a glued word stands beside its character: a fragment of a name (洪家
    of 洪家楼), no content word and never a keyword."""
    found = set()
    for i in compress(range(len(words)), map(glued.__contains__, words)):
        side, character = glued[words[i]]
        if 0 <= i + side < len(words) and words[i + side] == character:
            found.add(i)
    return found


def is_content(word: str, stop: frozenset[str]) -> bool:
    if len(word) < 2 or word in stop:
        return False
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word)


def _keyed(path: Path) -> tuple[str, str]:
    """A file and the key of its content: a changed file is a different lexicon."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(str(path), f"cannot read this word list ({exc.strerror or exc})") from None
    return str(path), f"{os.path.abspath(path)}:{stat.st_size}:{stat.st_mtime_ns}"


def _rjieba_class() -> Any:
    """rjieba's Jieba class. ``import rjieba`` builds a default dictionary we never use (a
    tenth of a second at every start), so the compiled module is loaded on its own."""
    spec = importlib.util.find_spec("rjieba")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        for name in sorted(os.listdir(folder)):
            if name.startswith("rjieba.") and name.endswith((".so", ".pyd")):
                path = os.path.join(folder, name)
                loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", path)
                module_spec = importlib.util.spec_from_file_location("rjieba.rjieba", path, loader=loader)
                if module_spec is not None:
                    module = importlib.util.module_from_spec(module_spec)
                    loader.exec_module(module)
                    return module.Jieba
    import rjieba  # an unusual layout: pay for the default dictionary

    return rjieba.Jieba


def _read_dictionary(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read this dictionary as UTF-8 ({exc})") from None


def _dictionary_lines(path: str) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba dictionary file: word, frequency (or None), tag (or None)."""
    entries = []
    for line in _read_dictionary(path).splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 and freq is not None else (parts[1] if len(parts) > 1 and freq is None else None)
        entries.append((parts[0], freq, tag))
    return entries


@functools.lru_cache(maxsize=8)
def _columns(dictionary: tuple[str, str]) -> tuple[Sequence[str], Sequence[int | None], Sequence[str | None]]:
    """A dictionary file read once per process, for the segmenter and the idf alike, as
    columns: words, frequencies, third fields."""
    if Path(dictionary[0]) == resources.model_path(SHIPPED_DICTIONARY):
        # Every line of the shipped lexicon is word, frequency, idf (tested), so splitting the
        # whole file reads it in a quarter of the time of the line loop, at every start.
        fields = _read_dictionary(dictionary[0]).split()
        return fields[0::3], list(map(int, fields[1::3])), fields[2::3]
    entries = _dictionary_lines(dictionary[0])
    return [e[0] for e in entries], [e[1] for e in entries], [e[2] for e in entries]


@functools.lru_cache(maxsize=8)
def _idf(dictionary: tuple[str, str]) -> dict[str, float]:
    """The shipped lexicon's third column: inverse document frequency over the training
    corpus, for words of two characters or more."""
    words, _, thirds = _columns(dictionary)
    try:  # the shipped lexicon: every third field is a number
        return {word: float(column) for word, column in zip(words, thirds) if len(word) > 1}  # type: ignore[arg-type]
    except (TypeError, ValueError):
        pass
    idf = {}
    for word, column in zip(words, thirds):
        if column is not None and len(word) > 1:
            try:
                idf[word] = float(column)
            except ValueError:
                continue  # a part-of-speech tag: a plain jieba dictionary has no idf
    return idf


@functools.lru_cache(maxsize=8)
def _segmenter(dictionary: tuple[str, str], user_dicts: tuple[tuple[str, str], ...]) -> Any:
    segmenter = _rjieba_class().empty()
    add_word = segmenter.add_word
    words, freqs, _ = _columns(dictionary)
    # The shipped lexicon's third column is corpus idf, not a part-of-speech tag.
    for word, freq in zip(words, freqs):
        add_word(word, freq, None)
    for path, _ in user_dicts:
        for word, freq, tag in _dictionary_lines(path):
            add_word(word, freq, tag)
    return segmenter


@functools.lru_cache(maxsize=8)
def _user_words(user_dicts: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(word for path, _ in user_dicts for word, _, _ in _dictionary_lines(path))


@functools.lru_cache(maxsize=8)
def _stopwords(extra: tuple[tuple[str, str], ...]) -> frozenset[str]:
    words = set(resources.stopwords())
    for path, _ in extra:
        try:
            words.update(resources.word_list(Path(path).read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read this stopword list as UTF-8 ({exc})") from None
    return frozenset(words)
