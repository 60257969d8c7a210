"""Structure: headings, titles, rejoined lines, captions, sentence spans."""

from __future__ import annotations

import pytest
from devzone.pipeline import clean_bytes
from devzone.stages.segment import segment, split_sentences

from .conftest import seed


def _doc(prefix: str):
    return segment(clean_bytes(seed(prefix).read_bytes()).text)


def test_broken_line_of_seed_002_is_rejoined():
    doc = _doc("002")
    texts = [p.text for p in doc.paragraphs]
    assert any("3家企业“升规入统”,将奥亚线缆" in t for t in texts)
    assert any("伟德新材料" in t for t in texts)
    assert not any(t.startswith("统”") for t in texts)


def test_seed_002_markdown_headings_and_bare_captions():
    doc = _doc("002")
    assert doc.title == "开发区:书写高质量赶超发展“新答卷”"
    assert doc.headings == ("产业发展夯实“硬根基”", "营商环境赋能“软实力”", "民生保障跑出“加速度”")
    # the page's series banner above the text (its only ## heading) is no section of the article
    assert "在习近平新时代中国特色社会主义思想指引下——新时代新作为新篇章" in [f.text for f in doc.front]
    everything = "\n".join(p.text for p in doc.paragraphs) + "\n".join(doc.headings)
    for caption in ("科尔沁文旅综合体项目", "办税大厅一角", "供热管网改造", "魏新瞳", "蒙鑫羊业"):
        assert caption not in [p.text for p in doc.paragraphs]
        assert caption not in doc.headings
    assert "办税大厅一角" not in everything
    assert doc.paragraphs[5].heading_path[-1] == "营商环境赋能“软实力”"


@pytest.mark.parametrize(
    "prefix,title",
    [
        ("000", None),
        ("001", "开发区:铆足干劲开新局 全力以赴拼经济 建言献策"),  # both structure readers: the headline entire
        ("003", None),
        ("004", "真抓实干开新局 锚定目标再出发"),
    ],
)
def test_titles(prefix, title):
    assert _doc(prefix).title == title


def test_plain_headings_give_heading_paths():
    doc = _doc("000")
    assert doc.headings[0] == "完善发展思路助推提档升级"
    assert doc.paragraphs[0].heading_path == ()
    assert doc.paragraphs[7].heading_path == ("千方百计保障辖区公共安全",)
    assert len(doc.paragraphs) == 9


def test_repeated_paragraphs_are_dropped_once():
    para = "实施园区基础设施项目15个,推动园区集中集聚集约发展。"
    doc = segment(f"产业\n{para}\n民生\n新增就业773人,城镇登记失业率控制在3%以内。\n{para}")
    assert [p.text for p in doc.paragraphs].count(para) == 1
    assert doc.duplicate_paragraphs == 1


def test_numbered_headings_nest():
    text = "一、工作回顾\n（一）产业发展\n全年实施项目72个。\n（二）民生\n新增就业773人。\n二、工作安排\n推进项目建设。"
    doc = segment(text)
    paths = [p.heading_path for p in doc.paragraphs]
    assert paths == [("一、工作回顾", "（一）产业发展"), ("一、工作回顾", "（二）民生"), ("二、工作安排",)]


@pytest.mark.parametrize("tail", ["治理效能和服务水平", "促发展，经济运行稳中向好"])
def test_a_numbered_heading_broken_over_two_lines_is_one_heading(tail):
    text = f"一、工作回顾\n（一）着力提升\n{tail}\n全年实施项目72个，完成投资462亿元。"
    assert [p.heading_path for p in segment(text).paragraphs] == [("一、工作回顾", "（一）着力提升" + tail)]


def test_a_short_line_with_a_figure_after_a_heading_is_its_sections_text():
    text = "一、工作回顾\n（一）着力稳增长促发展\n全年实施项目72个，完成\n投资462亿元。"
    doc = segment(text)
    assert [(p.heading_path, p.text) for p in doc.paragraphs] == [
        (("一、工作回顾", "（一）着力稳增长促发展"), "全年实施项目72个，完成投资462亿元。")]


def test_in_a_text_of_blank_separated_paragraphs_a_short_line_run_into_the_next_is_a_piece_of_it():
    # national 1984: a quotation broken over three lines under a numbered heading
    text = ("二、我们坚持在和平共处五项原则的基础上发展同世界各国的关系\n\n"
            "“互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处”\n五项原则\n"
            "早已载入我国宪法，它是我国处理同一切国家关系的基本准则。\n\n"
            "我们处理同美国和苏联这两个大国的关系，同样是坚持和平共处五项原则。\n\n"
            "三、我们任何时候都把维护第三世界国家的权益作为自己的国际义务\n\n我们坚决支持它们的斗争。\n")
    doc = segment(text)
    assert [(p.heading_path, p.text[:8]) for p in doc.paragraphs] == [
        (("二、我们坚持在和平共处五项原则的基础上发展同世界各国的关系",), "“互相尊重主权和"),
        (("二、我们坚持在和平共处五项原则的基础上发展同世界各国的关系",), "我们处理同美国和"),
        (("三、我们任何时候都把维护第三世界国家的权益作为自己的国际义务",), "我们坚决支持它们")]
    assert doc.paragraphs[0].text.startswith("“互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处”五项原则早已")


def test_lines_broken_around_a_title_are_joined():
    text = "各位代表：\n我们这次会议，在听了刘少奇同志\n关于宪法草案的报告\n并进行了三天的讨论以后，完成了一件历史性的工作。"
    doc = segment(text)
    # the broken lines are one paragraph, and the lead 各位代表： heads it
    assert [p.text for p in doc.paragraphs] == ["各位代表：我们这次会议，在听了刘少奇同志关于宪法草案的报告并进行了三天的讨论以后，完成了一件历史性的工作。"]


def test_sentences_do_not_break_numbers_quotes_or_brackets():
    text = "上半年,地区生产总值实现62.74亿元。他说:“要抓项目。要抓招商!”随后(见附件。)开工;完成了。"
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "上半年,地区生产总值实现62.74亿元。",
        "他说:“要抓项目。要抓招商!”",
        "随后(见附件。)开工;",
        "完成了。",
    ]
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_overlong_run_on_sentence_is_cut_at_commas():
    text = "，".join(["推进重点项目建设"] * 80) + "。"
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(len(s.text) <= 300 for s in spans)
    assert "".join(s.text for s in spans) == text


def test_a_numbered_heading_written_as_one_sentence_heads_its_section():
    text = (
        "二、今年的主要任务\n"
        "（一）聚力建设先进制造业基地，在服务全省大局中展现新担当。\n"
        "推进重点产业链延链补链强链，新建智能工厂20家，规模以上工业增加值增长7%左右，培育专精特新企业50家以上。\n"
        "（二）聚力打造内陆开放高地，在扩大高水平开放中培育新优势。\n"
        "深化通道建设和口岸功能提升，外贸进出口总额增长5%，新开国际货运航线3条，实际使用外资稳中有升。\n"
        "（三）新增城镇就业5万人。\n"
        "（四）城镇调查失业率控制在5.5%以内。\n"
    )
    document = segment(text)
    paths = [p.heading_path for p in document.paragraphs]
    assert paths[0] == ("二、今年的主要任务", "（一）聚力建设先进制造业基地，在服务全省大局中展现新担当")
    assert paths[1] == ("二、今年的主要任务", "（二）聚力打造内陆开放高地，在扩大高水平开放中培育新优势")
    # short numbered sentences followed by more of their kind are a list, not headings
    assert [p.text for p in document.paragraphs][-2:] == ["（三）新增城镇就业5万人。", "（四）城镇调查失业率控制在5.5%以内。"]
