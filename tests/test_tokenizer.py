"""The Lexicon's segmenter: the same tokens as jieba, user dictionaries and stop words that
take effect, and edits that take effect at the next run."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import warnings
from bisect import bisect_right

import pytest
from devzone.lexicon import Lexicon
from devzone.pipeline import clean_bytes
from devzone.stages.segment import segment

from .conftest import LABELS, ROOT, SEEDS, run_cli, seed


def _jieba_with_our_lexicon():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    return jieba.Tokenizer(dictionary=str(ROOT / "models" / "lexicon.txt"))


def test_same_tokens_as_jieba_on_every_labeled_paragraph_and_seed():
    jieba = _jieba_with_our_lexicon()
    texts = [json.loads(line)["text"] for line in (LABELS / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()]
    texts += [clean_bytes(p.read_bytes()).text for p in SEEDS]
    lexicon = Lexicon()
    different = [t for t in texts if lexicon.cut(t) != jieba.lcut(t, HMM=False)]
    assert len(texts) > 1600 and different == []


def test_content_words_drop_stopwords_and_punctuation():
    words = Lexicon().content_words("全年计划实施重点项目72个,总投资462.17亿元,推进污水处理厂建设。")
    assert "处理厂" in words and "投资" in words
    assert not {"的", "推进", ",", "72", "。"} & set(words)


def test_a_user_word_is_kept_whole_and_a_stopword_never_counts(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("科尔沁药业\n蒙之牛 100 nz\n", encoding="utf-8")
    stop = tmp_path / "stop.txt"
    stop.write_text("# ours\n投资\n", encoding="utf-8")
    plain = Lexicon().cut("培育科尔沁药业、蒙之牛等企业，总投资10亿元。")
    assert "科尔沁药业" not in plain
    lexicon = Lexicon(user_dicts=(str(words),), stopword_files=(str(stop),))
    cut = lexicon.cut("培育科尔沁药业、蒙之牛等企业，总投资10亿元。")
    assert "科尔沁药业" in cut and "蒙之牛" in cut
    assert "投资" not in lexicon.content_words("总投资10亿元，扩大投资。")
    assert lexicon.idf["科尔沁药业"] >= max(Lexicon().idf.values())


def test_editing_a_user_dictionary_takes_effect_at_once(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("科尔沁药业\n", encoding="utf-8")
    lexicon = Lexicon(user_dicts=(str(words),))
    assert "科尔沁药业" in lexicon.cut("科尔沁药业蒙之牛")
    time.sleep(0.01)
    words.write_text("蒙之牛\n", encoding="utf-8")
    assert "蒙之牛" in lexicon.cut("科尔沁药业蒙之牛") and "科尔沁药业" not in lexicon.cut("科尔沁药业蒙之牛")


def test_a_user_word_reaches_the_keywords_through_the_cli(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("科牛优选\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("\n".join(f"支持科牛优选扩大产能，科牛优选新建生产线{i}条，带动就业{i * 10}人。" for i in range(1, 6))
                      + "\n推进污水处理厂建设，改善水环境质量。\n", encoding="utf-8")
    without = json.loads(run_cli("summarize", str(report)).stdout)
    with_dict = json.loads(run_cli("summarize", str(report), "--user-dict", str(words)).stdout)
    keywords = [k for t in with_dict["themes"].values() for k in t["keywords"]] + with_dict["keywords"]
    assert "科牛优选" in keywords
    assert "科牛优选" not in [k for t in without["themes"].values() for k in t["keywords"]] + without["keywords"]


def test_starting_is_quiet_and_loads_no_default_dictionary():
    code = ("import sys; from devzone.lexicon import Lexicon; Lexicon().cut('开发区');"
            "print('rjieba' in sys.modules, 'jieba' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.split() == [b"False", b"False"]


def test_a_stopword_list_that_is_not_utf8_is_one_clear_error(tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_bytes("投资".encode("gb18030"))
    proc = run_cli("summarize", str(seed("000")), "--stopwords", str(stop))
    assert proc.returncode == 2 and b"UTF-8" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("name", ["missing.txt"])
def test_a_missing_user_dictionary_is_a_usage_error(tmp_path, name):
    proc = run_cli("summarize", str(seed("000")), "--user-dict", str(tmp_path / name))
    assert proc.returncode == 2 and name.encode() in proc.stderr


def test_the_shipped_lexicon_reads_the_same_split_whole_as_line_by_line():
    # The shipped lexicon is read by one split of the whole file; that is only right while
    # every line is word, frequency, idf, which the line-by-line reader checks here.
    from devzone import lexicon, resources

    path = resources.model_path(lexicon.SHIPPED_DICTIONARY)
    words, freqs, thirds = lexicon._columns(lexicon._keyed(path))
    entries = lexicon._dictionary_lines(str(path))
    assert len(entries) > 40_000
    assert (words, freqs, thirds) == ([e[0] for e in entries], [e[1] for e in entries], [e[2] for e in entries])
    assert all(f is not None for f in freqs)


def _words_by_bisect(loaded, text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    expected: list[list[str]] = [[] for _ in spans]
    offset = 0
    for w in loaded.cut(text):
        k = bisect_right([a for a, _ in spans], offset) - 1
        if k >= 0 and offset < spans[k][1] and loaded.content_words(w) == [w]:
            expected[k].append(w)
        offset += len(w)
    return expected


def test_words_of_spans_go_to_the_span_they_start_in():
    # The tokenize stage cuts a paragraph once and hands each sentence the content words
    # that start inside it (none to a gap between spans), as a bisect over the spans would.
    loaded = Lexicon().load()
    checked = 0
    for path in SEEDS:
        for p in segment(clean_bytes(path.read_bytes()).text).paragraphs:
            spans = [(s.start, s.end) for s in p.sentences]
            expected = _words_by_bisect(loaded, p.text, spans)
            assert loaded.content_words_of_spans(p.text, spans) == expected
            checked += sum(map(len, expected))
            inner = [(a + 1, b - 1) for a, b in spans if b - a > 2]
            assert loaded.content_words_of_spans(p.text, inner) == _words_by_bisect(loaded, p.text, inner)
    assert checked > 1000
    assert loaded.content_words_of_spans("推进项目建设", []) == []


def test_a_fragment_of_a_name_the_dictionary_lacks_is_no_content_word_and_no_keyword():
    # 洪家楼 and 白浪滩 are cut 洪家 楼 and 白浪 滩: beside the same character each time, the
    # word is part of a name, and a keyword list that shows 洪家 shows a fragment.
    from devzone import Analyzer
    paragraphs = ["打造洪家楼商圈，洪家楼片区改造完成投资12亿元，新增商户300家。",
                  "建设白浪滩景区，白浪滩接待游客增长20%，市交警支队完成交通疏导。",
                  "洪家楼夜市开业，白浪滩沙滩节吸引游客50万人次，市交警部门保障出行。"]
    text = "各位代表：\n\n一、2023年工作回顾\n\n" + "\n\n".join(paragraphs) + "\n"
    report = Analyzer().analyse_text(text, source="r.txt")
    words = {w for s in report.document.words for w in s.words}
    assert not {"洪家", "白浪"} & words
    assert {"交警", "商圈", "景区"} <= words  # 市交警 is the city's traffic police: 市 is a scope
    said = set(report.to_dict()["keywords"]) | {w for t in report.to_dict()["themes"].values() for w in t["keywords"]}
    assert not {"洪家", "白浪"} & said


def test_glued_words_need_the_same_character_nearly_every_time():
    from devzone.lexicon import fragment_positions, glued_words
    cuts = [["打造", "洪家", "楼", "商圈"], ["洪家", "楼", "夜市"], ["发展", "肉牛", "产业"], ["肉牛", "存栏"]]
    glued = glued_words(cuts)
    assert glued == {"洪家": (1, "楼")}
    assert fragment_positions(["打造", "洪家", "楼"], glued) == {1}
    assert fragment_positions(["洪家", "村"], glued) == set()  # beside another character it stands
