"""Golden outputs for the five seed reports, and what each must show a reader.

When the model or the summariser changes on purpose, regenerate with
DEVZONE_UPDATE_GOLDEN=1 pytest tests/test_golden.py and review the diff."""

from __future__ import annotations

import json
import os
import re

import jsonschema
import pytest
from devzone.pipeline import output_schema

from .conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
FURNITURE = [
    "上一篇", "下一篇", "往期阅读", "上一版", "放大", "朗读", "标题导航", "第01版", "官方微信公众号", "免责声明",
    "张启民", "摄", "□", "郭洪申", "魏新瞳", "淮南装修样板房", "2025-01-22", "办税大厅一角",
]
# Bare captions of seed 002: the same words also occur inside body sentences, so they
# must not stand as a paragraph or heading of their own.
CAPTIONS = ["科尔沁文旅综合体项目", "办税大厅一角", "供热管网改造", "蒙鑫羊业"]
PINYIN = re.compile(r"[\u4e00-\u9fff][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+[)）]")


def _all_text(report: dict) -> str:
    parts = [report["title"] or ""]
    for p in report["paragraphs"]:
        parts.append(p["text"])
        parts.extend(p["heading_path"])
    return "\n".join(parts)


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_seed_matches_golden_output(seed_reports, key):
    report = seed_reports[key]
    path = GOLDEN / f"{key}.json"
    rendered = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("DEVZONE_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    expected["source"] = report["source"]  # an absolute path differs per checkout
    assert report == expected


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_no_furniture_caption_or_pinyin(seed_reports, key):
    text = _all_text(seed_reports[key])
    for junk in FURNITURE:
        if junk == "摄":
            assert not re.search(r"[\u4e00-\u9fff]{2,4} ?摄(\n|$)", text)
        else:
            assert junk not in text, junk
    assert not PINYIN.search(text)
    report = seed_reports[key]
    standalone = {p["text"] for p in report["paragraphs"]} | {h for p in report["paragraphs"] for h in p["heading_path"]}
    assert not standalone & set(CAPTIONS)


def test_traditional_seed_comes_out_simplified(seed_reports):
    report = seed_reports["003"]
    assert report["script_conversion"] == "t2s" and report["counts"]["pinyin_removed"] > 400
    text = _all_text(report)
    assert "达拉特经济开发区" in text
    for ch in "達區開發經濟園項們這會時":
        assert ch not in text


def test_seed_002_line_is_rejoined_and_headings_found(seed_reports):
    report = seed_reports["002"]
    assert any("“升规入统”" in p["text"] for p in report["paragraphs"])
    assert report["counts"]["headings"] == 3  # the three sections; the series banner above them is dropped
    assert report["counts"]["dropped"]["masthead"] == 1
    assert report["paragraphs"][7]["heading_path"][-1] == "民生保障跑出“加速度”"


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_summary_sentences_are_verbatim_in_document_order(seed_reports, key):
    report = seed_reports[key]
    paragraphs = report["paragraphs"]
    groups = [report["summary"]] + [t["summary"] for t in report["themes"].values()]
    for group in groups:
        keys = [(s["paragraph"], s["start"]) for s in group]
        assert keys == sorted(keys)
        for s in group:
            assert paragraphs[s["paragraph"]]["text"][s["start"] : s["end"]] == s["text"]
    for theme, t in report["themes"].items():
        for s in t["summary"]:
            p = paragraphs[s["paragraph"]]
            assert theme == p["theme"] or theme in p["secondary"]
            assert s["paragraph"] in t["paragraphs"]


@pytest.mark.parametrize("key", [p.name[:3] for p in SEEDS])
def test_output_validates_against_the_schema(seed_reports, key):
    jsonschema.validate(seed_reports[key], output_schema())


def test_error_record_validates_against_the_schema():
    from devzone.errors import InputError
    from devzone.pipeline import error_record

    jsonschema.validate(error_record("x.txt", InputError("x.txt", "no such file")), output_schema())
