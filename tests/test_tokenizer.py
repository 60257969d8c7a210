"""The Lexicon's segmenter: its own instance, quiet, cached, and the same words as jieba."""

from __future__ import annotations

import subprocess
import sys
import warnings

from devzone.lexicon import Lexicon
from devzone.pipeline import clean_bytes

from .conftest import SEEDS


def test_cut_down_lexicon_segments_like_full_jieba():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    full = jieba.Tokenizer()
    for path in SEEDS:
        text = clean_bytes(path.read_bytes()).text
        ours, theirs = Lexicon().cut(text), full.lcut(text, HMM=False)
        common = len(set(ours) & set(theirs)) / len(set(theirs))
        assert common > 0.98, (path.name, common)


def test_own_instance_leaves_global_jieba_alone():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    lexicon = Lexicon()
    lexicon.cut("推进开发区高质量发展")
    assert lexicon._segmenter() is not jieba.dt


def test_content_words_drop_stopwords_and_punctuation():
    words = Lexicon().content_words("全年计划实施重点项目72个,总投资462.17亿元,推进污水处理厂建设。")
    assert "处理厂" in words and "投资" in words
    assert not {"的", "推进", ",", "72", "。"} & set(words)


def test_dictionary_cache_goes_to_the_user_cache_dir(tmp_path):
    code = "from devzone.lexicon import Lexicon; Lexicon().cut('开发区')"
    env = {"DEVZONE_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env)
    assert first.returncode == 0 and first.stderr == b"", first.stderr
    caches = list(tmp_path.glob("jieba-*.cache"))
    assert len(caches) == 1 and caches[0].stat().st_size > 100_000
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env)
    assert second.returncode == 0 and second.stderr == b""
    assert list(tmp_path.glob("jieba-*.cache")) == caches
