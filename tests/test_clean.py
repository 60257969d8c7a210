"""Decoding and cleaning on real bytes of the seeds."""

from __future__ import annotations

import codecs

import pytest
from devzone.errors import BinaryInputError, DecodeError
from devzone.pipeline import clean_bytes, clean_text
from devzone.readers import read_bytes
from devzone.readers.decode import decode_bytes
from devzone.stages.clean import is_furniture, remove_glued_pinyin

from .conftest import seed


def _text(prefix: str) -> str:
    return seed(prefix).read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb_encodings_decode_to_the_same_report(encoding):
    original = _text("000")
    clean = clean_bytes(original.encode(encoding))
    assert clean.encoding == "gb18030"
    assert clean.text == clean_text(original).text


def test_big5_traditional_seed_decodes_and_is_simplified():
    traditional, _ = remove_glued_pinyin(_text("003"))
    data = traditional.encode("big5", errors="ignore")  # Big5 lacks a few characters, e.g. 墻
    traditional = data.decode("big5")
    clean = clean_bytes(data)
    assert clean.encoding == "big5"
    assert clean.script_conversion == "t2s"
    assert "达拉特经济开发区" in clean.text
    assert clean.text == clean_text(traditional).text


@pytest.mark.parametrize(
    "encode,expected",
    [
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ],
)
def test_utf16_and_bom_variants(encode, expected):
    original = _text("000")
    clean = clean_bytes(encode(original))
    assert clean.encoding == expected
    assert clean.text == clean_text(original).text


def test_mixed_line_endings_give_the_same_text():
    original = _text("002")
    lines = original.split("\n")
    # a bare CR before an empty line would read as CRLF, so it goes only before text
    endings = [("\r\n", "\r", "\n")[i % 3] for i in range(len(lines))]
    endings = [e if e != "\r" or (i + 1 < len(lines) and lines[i + 1]) else "\n" for i, e in enumerate(endings)]
    mixed = "".join(line + e for line, e in zip(lines, endings))
    assert clean_bytes(mixed.encode("utf-8")).text == clean_text(original).text


@pytest.mark.parametrize(
    "data,what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "cannot open this PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(50), "ZIP archive"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00\x00" * 10, "NUL bytes"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'d5\\'fe\\'b8\\'ae\\par}", "Rich Text"),
        (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
         b"Content-Type: text/css\r\n\r\nbody{}\r\n--b--\r\n", "holds no HTML page"),
    ],
)
def test_binary_is_refused_with_what_it_looks_like(data, what):
    with pytest.raises(BinaryInputError, match=what):
        read_bytes(data, "x.txt")


def test_undecodable_bytes_are_refused():
    with pytest.raises(DecodeError, match="refused"):
        decode_bytes(bytes(range(0x80, 0x100)) * 40, "noise.txt")


def test_html_entities_a_scraper_left_in_plain_text_are_the_characters_they_stand_for():
    text = ("&nbsp;&nbsp;各位代表：\n\n&nbsp;&nbsp;2025年是&ldquo;十四五&rdquo;规划收官之年，全省地区生产总值增长5.4%。"
            "&amp;ldquo;今年&amp;rdquo;目标&#8212;&#8212;增长5%左右。\n")
    cleaned = clean_text(text)
    assert cleaned.text == "各位代表：\n\n2025年是“十四五”规划收官之年，全省地区生产总值增长5.4%。“今年”目标——增长5%左右。"
    assert clean_text(cleaned.text).text == cleaned.text


def test_glued_pinyin_is_removed():
    clean = clean_text("達(dá)拉特經(jīng)濟(jì)開發(fā)區(qū)堅持“生態(tài)優(yōu)先”為導(dǎo)向。保税物流中心(B型)运营。")
    assert clean.text == "达拉特经济开发区坚持“生态优先”为导向。保税物流中心(B型)运营。"
    assert clean.pinyin_removed == 8
    assert clean.script_conversion == "t2s"


@pytest.mark.parametrize(
    "line",
    [
        "上一篇:淮南装修样板房",
        "上一篇    下一篇",
        "往期阅读",
        "当前版: 06版 上一版  下一版",
        "放大 缩小 默认   朗读",
        "标题导航",
        "第01版:一版要闻",
        "通辽主城区。张启民 摄",
        "□郭洪申",
        "魏新瞳 马晓静",
        "来源：解放日报",
        "2025-01-22 10:07:40",
        "通辽经济技术开发区官方微信公众号",
        "下载 打印 收藏 【字号】",
        "【字号：大 中 小】",
        "免责声明:本网转载自其它媒体的文章,目的在于弘扬科技创新精神,传递更多科技创新信息,并不代表本网赞同其观点和对其真实性负责。",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "完善发展思路助推提档升级",
        "一、2023年工作回顾",
        "开发区:铆足干劲开新局 全力以赴拼经济 建言献策",
        "全年计划实施重点项目72个,其中,新建27个、续建45个,总投资462.17亿元。",
        "加强项目谋划储备 多领域释放消费潜力",
    ],
)
def test_body_and_headings_are_not_furniture(line):
    assert not is_furniture(line)


def test_html_page_is_parsed_into_paragraphs():
    page = (
        "<!DOCTYPE html><html><head><title>开发区工作报告</title><style>p{color:red}</style>"
        "<script>var x = '推进项目建设。';</script></head><body><nav>首页 | 新闻</nav>"
        "<h2>产业发展</h2><p>全年实施重点项目<b>72</b>个，总投资462亿元。</p>"
        "<div>新增就业<span>773</span>人。</div></body></html>"
    )
    clean = clean_text(page)
    assert clean.html
    assert "<" not in clean.text and "color" not in clean.text and "var x" not in clean.text
    lines = [ln for ln in clean.text.split("\n") if ln]
    assert lines == ["# 开发区工作报告", "## 产业发展", "全年实施重点项目72个，总投资462亿元。", "新增就业773人。"]


def test_page_numbers_of_a_pdf_are_dropped_and_the_broken_sentence_joined():
    from devzone.pipeline import clean_text
    from devzone.stages.segment import segment

    cleaned = clean_text("全市地区生产总值增长5.6%，面对经济下行巨\n— 2 —\n大压力，我们迎难而上。\n— 3\n推进项目建设。\n")
    assert dict(cleaned.dropped) == {"page_number": 2}
    assert [p.text for p in segment(cleaned.text).paragraphs][0] == "全市地区生产总值增长5.6%，面对经济下行巨大压力，我们迎难而上。"


def test_a_report_run_together_on_one_line_is_cut_back_into_its_sections():
    # What a PDF's text layer gives when it loses its line breaks: one line, the width's
    # spaces inside sentences, numbered headings after a sentence's end.
    from devzone.pipeline import clean_text
    from devzone.stages.segment import segment

    body = "推进项目建设，新建道 路12公里，新增城镇就业 3.2万人。" * 80
    line = ("各位代表： 现在，我代表市人民政府向大会报告工作，请予审议。 一、2023年工作回顾 " + body
            + " 二、2024年工作安排 今年经济社会发展的主要预期目标为：生产总值增长 5.5%左右。 （一）聚力加快产业升级 "
            + body.replace("推进", "加快"))
    assert len(line) > 3000
    document = segment(clean_text(line + "\n").text)
    paths = [list(p.heading_path) for p in document.paragraphs]
    assert ["一、2023年工作回顾"] in paths and ["二、2024年工作安排", "（一）聚力加快产业升级"] in paths
    assert any(p.text.startswith("今年经济社会发展的主要预期目标为：生产总值增长5.5%左右。") for p in document.paragraphs)
    assert "新建道路12公里，新增城镇就业3.2万人。" in document.paragraphs[1].text


def test_a_line_of_only_a_zero_width_space_is_a_page_break_the_sentence_runs_across():
    # national 2021: 今年预期目标设定 / ​ / 为6%以上 is one sentence broken by a page
    from devzone import Analyzer

    text = ("各位代表：\n\n经济增速是综合性指标，今年预期目标设定\n\u200b\n为6%以上，考虑了经济运行恢复情况。\n\n"
            "城镇新增就业1100万人以上，城镇调查失业率5.5%左右。\n")
    paragraphs = Analyzer().analyse_text(text).to_dict()["paragraphs"]
    assert [p["text"] for p in paragraphs][-2].endswith("经济增速是综合性指标，今年预期目标设定为6%以上，考虑了经济运行恢复情况。")
    assert all(not p["heading_path"] for p in paragraphs)


def test_a_paragraph_turned_to_a_later_page_is_joined_and_the_running_head_between_dropped():
    # 岳阳: a newspaper's …（下转第3版） / 政 府 工 作 报 告 / （上接第1版）….
    text = ("各位代表：\n\n强力推进四大行动，经济发展提质增效，平江上榜县域旅游综合竞争力百强，（下转第3版）\n\n"
            "政 府 工 作 报 告\n\n（上接第1版）岳阳县获评全国县域商业领跑县。\n\n充分放大门户优势，对外开放提速争先。\n")
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == [
        "各位代表：", "强力推进四大行动，经济发展提质增效，平江上榜县域旅游综合竞争力百强，岳阳县获评全国县域商业领跑县。",
        "充分放大门户优势，对外开放提速争先。"]
    assert dict(cleaned.dropped) == {"page_number": 2, "running_head": 1}
    assert clean_text(cleaned.text).text == cleaned.text


def test_a_page_turn_marked_on_a_line_of_its_own_is_joined_too():
    text = ("各位代表：\n\n全省地区生产总值达到6.2万亿元，增长\n\n（下转第3版）\n\n湖南日报 2026年1月28日\n\n"
            "（上接第1版）5.4%，一般公共预算收入4500亿元。\n")
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["各位代表：", "全省地区生产总值达到6.2万亿元，增长5.4%，一般公共预算收入4500亿元。"]
    # the page's dated running head is known for what it says, a paper's name and date
    assert dict(cleaned.dropped) == {"page_number": 2, "posting_time": 1}


def test_a_short_line_after_a_paragraph_that_does_not_turn_the_page_is_kept():
    text = "各位代表：\n\n政 府 工 作 报 告\n\n强力推进四大行动，经济发展提质增效。\n"
    assert "政 府 工 作 报 告" in clean_text(text).text


def test_a_paragraph_turned_to_a_page_the_file_lacks_keeps_every_line_after_it():
    text = "各位代表：\n\n强力推进四大行动，经济发展提质增效，（下转第3版）\n\n二、2024年工作安排\n\n全力以赴抓项目。\n"
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == ["各位代表：", "强力推进四大行动，经济发展提质增效，", "二、2024年工作安排", "全力以赴抓项目。"]
    assert dict(cleaned.dropped) == {"page_number": 1}
