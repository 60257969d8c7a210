"""Property tests of cleaning and segmenting: any Unicode is accepted, cleaning is
idempotent, sentences are ordered, non-overlapping spans of their paragraph."""

from __future__ import annotations

import re
from pathlib import Path

from devzone.features import _spans_by_pieces, analysed_spans, analysed_text
from devzone.pipeline import clean_text
from devzone.stages import clean as cleaning
from devzone.stages.segment import segment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = (
    list("推进项目建设生态环境安全就业医疗营商改革开发区") + list("，。；！？：、“”《》（）()[]【】,.;:!?…—-")
    + list("0123456789 \t\n\r\u3000\u200b") + ["達(dá)", "區(qū)", "上一篇", "张三 摄", "# ", "## ", "一、", "（二）"]
)
REPORTISH = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)
ANY_TEXT = st.text(max_size=300)
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _squash(text: str) -> str:
    return "".join(text.split())


def _check_document(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned.text).text == cleaned.text
    doc = segment(cleaned.text)
    # The analysed text is the paragraphs one after another; each paragraph is cleaned
    # lines joined where a line was broken mid-sentence, so it occurs in the cleaned text
    # up to line breaks, and its sentences tile it in order without overlap.
    flat = _squash(cleaned.text)
    for i, p in enumerate(doc.paragraphs):
        assert p.index == i
        assert _squash(p.text) in flat
        last_end = 0
        for s in p.sentences:
            assert s.paragraph == i
            assert last_end <= s.start < s.end <= len(p.text)
            assert p.text[s.start : s.end] == s.text and s.text.strip() == s.text
            assert not p.text[last_end : s.start].strip()
            last_end = s.end
        assert not p.text[last_end:].strip()


@EXAMPLES
@given(ANY_TEXT)
def test_any_unicode_is_accepted(text):
    _check_document(text)


@EXAMPLES
@given(REPORTISH)
def test_report_like_text(text):
    _check_document(text)


def _wrap_at(text: str, width: int, indent: bool) -> str:
    out = []
    for line in text.split("\n"):
        line = ("\u3000\u3000" if indent else "") + line
        out += [line[k:k + width] for k in range(0, len(line), width)] or [""]
    return "\n".join(out)


# Report-like text broken at a width, as an e-paper page or a PDF's text saved as plain text is.
WRAPPED = st.builds(_wrap_at, st.lists(st.sampled_from(PIECES), min_size=200, max_size=600).map("".join),
                    st.integers(min_value=12, max_value=40), st.booleans())


@EXAMPLES
@given(WRAPPED)
def test_a_text_broken_at_a_width_is_cleaned_as_any_other(text):
    _check_document(text)


ONE_LINE_PIECES = [p for p in PIECES if "\n" not in p and "\r" not in p] + ["  ", " 二、", "。 （三）", "增长 5.5%"]
# A few hundred pieces, repeated past the length that makes a line a report run together.
RUN_TOGETHER = st.lists(st.sampled_from(ONE_LINE_PIECES), min_size=20, max_size=300).map(
    lambda parts: "".join(parts) * (3001 // len("".join(parts)) + 1))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RUN_TOGETHER)
def test_a_report_run_together_on_one_line_is_cleaned_as_any_other(text):
    # Over 3000 characters on one line, cleaning cuts the line at headings and drops the line
    # width's spaces; it must stay idempotent and keep every paragraph's text.
    assert len(text) > cleaning.RUN_TOGETHER_CHARS
    _check_document(text)


@settings(max_examples=200, deadline=None)
@given(REPORTISH)
def test_summary_sentences_come_from_the_input(text):
    from devzone.pipeline import report_to_dict, summarize_text

    data = report_to_dict(summarize_text(text))
    paragraphs = data["paragraphs"]
    picked = data["summary"] + [s for t in data["themes"].values() for s in t["summary"]]
    for s in picked:
        assert paragraphs[s["paragraph"]]["text"][s["start"] : s["end"]] == s["text"]
    keys = [(s["paragraph"], s["start"]) for s in data["summary"]]
    assert keys == sorted(keys)


NUMBERS_AND_SPACES = st.lists(st.sampled_from(list("推进a1.５0 \t\u3000İx。")), max_size=16).map("".join)


@given(NUMBERS_AND_SPACES, st.lists(st.integers(0, 16), max_size=6))
@settings(max_examples=2000, deadline=None)
def test_analysed_spans_in_one_pass_agree_with_analysing_every_piece(text, edges):
    # The classifier looks up a report's n-grams once and finds each sentence in them by
    # these offsets; a wrong offset would score a sentence on its neighbour's characters.
    cuts = sorted({min(e, len(text)) for e in edges})
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    fast = analysed_spans(text, spans)
    assert fast is None or fast == _spans_by_pieces(text, spans)
    if fast is not None:
        doc, where = fast
        assert doc == analysed_text(text)
        assert [doc[a:b] for a, b in where] == [analysed_text(text[a:b]) for a, b in spans]


def test_analysed_spans_of_every_seed_sentence_are_found_in_one_pass():
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    checked = 0
    for path in seeds:
        doc = segment(clean_text(path.read_text(encoding="utf-8")).text)
        for p in doc.paragraphs:
            spans = [(s.start, s.end) for s in p.sentences]
            fast = analysed_spans(p.text, spans)
            assert fast is not None and fast == _spans_by_pieces(p.text, spans)
            checked += 1
    assert checked > 40


PINYINISH = st.lists(st.sampled_from(list("達区a(（)）dá ü一x")), max_size=16).map("".join)


@given(PINYINISH)
@settings(max_examples=2000, deadline=None)
def test_glued_pinyin_removal_matches_its_plain_definition(text):
    # The plain form: a CJK character, then one or more bracketed pinyin syllables.
    plain = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])(?:[(（]" + cleaning._PINYIN_SYLLABLE + r"[)）])+")
    assert [m.span() for m in cleaning._GLUED_PINYIN.finditer(text)] == [m.span() for m in plain.finditer(text)]
