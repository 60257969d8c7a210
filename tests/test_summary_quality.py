"""What a good summary is (see docs/summaries.md): informative statements with measures
and figures, no slogans or framing, no near-duplicates, themes covered by weight."""

from __future__ import annotations

import re

import pytest
from devzone.ranking.informativeness import informativeness

from .conftest import SEEDS

FIGURE = re.compile(r"\d")
SLOGANS = ["万众一心加油干", "撸起袖子", "在习近平新时代中国特色社会主义思想指引下", "奋力书写", "踏上新征程", "一张蓝图绘到底"]


def _bigrams(text):
    return {text[i : i + 2] for i in range(len(text) - 1)}


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_overall_summary_is_informative(seed_reports, key):
    from devzone.stages.segment import split_sentences

    report = seed_reports[key]
    summary = report["summary"]
    assert len(summary) == 6
    sentences = [s.text for p in report["paragraphs"] for s in split_sentences(p["text"])]
    report_share = sum(bool(FIGURE.search(s)) for s in sentences) / len(sentences)
    summary_share = sum(bool(FIGURE.search(s["text"])) for s in summary) / len(summary)
    # richer in figures than the report it summarises, and mostly figures where the report has many
    assert summary_share >= report_share, [s["text"] for s in summary]
    if report_share >= 0.5:
        assert summary_share >= 0.8
    for s in summary:
        assert not any(slogan in s["text"] for slogan in SLOGANS), s["text"]


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_no_two_summary_sentences_say_the_same(seed_reports, key):
    report = seed_reports[key]
    for group in [report["summary"]] + [t["summary"] for t in report["themes"].values()]:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                x, y = _bigrams(a["text"]), _bigrams(b["text"])
                assert len(x & y) / (len(x) * len(y)) ** 0.5 < 0.55


def test_textrank4zh_opening_slogan_is_not_chosen(seed_reports):
    # textrank4zh opens its summary of seed 000 with the report's general opening line.
    texts = [s["text"] for s in seed_reports["000"]["summary"]]
    assert not any(t.startswith("今年以来,通辽经济技术开发区大力发展现代商贸物流业") for t in texts)
    assert not any("万众一心" in t for t in texts)


def test_overall_summary_covers_the_main_themes(seed_reports):
    for key in ("000", "002", "004"):
        report = seed_reports[key]
        themes = {report["paragraphs"][s["paragraph"]]["theme"] for s in report["summary"]}
        big = {t for t, v in report["themes"].items() if v["share"] >= 0.15 and t != "other"}
        assert big <= themes, (key, big, themes)
        assert len(themes) >= 3


def test_informativeness_prefers_measures_over_slogans():
    measure = "全年计划实施重点项目72个,其中,新建27个、续建45个,总投资462.17亿元。"
    slogan = "万众一心加油干,越是艰险越向前,奋力书写新时代高质量发展新篇章。"
    assert informativeness(measure) > 3 * informativeness(slogan)
