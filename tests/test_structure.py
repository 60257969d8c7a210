"""Structure: metadata from the text, parts, furniture by kind, leads, glossaries never summarised."""

from __future__ import annotations

import json

import pytest
from devzone import Analyzer
from devzone.document import RawText
from devzone.stages.clean import clean, furniture_kind

from .conftest import run_cli

PROVINCE = """2026年某某省政府工作报告
来源：某某日报
2026年1月20日在四川省第十四届人民代表大会第五次会议上
四川省人民政府省长 施小琳
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全省地区生产总值增长5.5%，一般公共预算收入增长3.2%，城镇新增就业98万人。
二、2026年工作总体要求和主要预期目标
今年经济社会发展主要预期目标是：地区生产总值增长5%左右，城镇新增就业85万人以上。
三、2026年重点工作
（一）大力发展现代化产业体系
推进制造业重点产业链高质量发展，新增规上工业企业1500户以上。
四、加强政府自身建设
坚持依法行政，持续整治形式主义为基层减负。
名词解释
1.“两重”：国家重大战略实施和重点领域安全能力建设，涉及项目投资1000亿元。
"""


def _report(text: str, name: str = "report.txt") -> dict:
    return Analyzer().analyse_text(text, source=name).to_dict()


def test_province_metadata_comes_from_the_delivery_and_speaker_lines():
    r = _report(PROVINCE)
    assert (r["title"], r["place"], r["year"], r["level"], r["date"], r["speaker"]) == (
        "2026年某某省政府工作报告", "四川省", 2026, "province", "2026-01-20", "施小琳")
    assert r["metadata_source"] == {k: "text" for k in ("date", "level", "place", "speaker", "title", "year")}
    assert r["counts"]["dropped"] == {"dateline": 1, "source": 1, "speaker": 1}
    texts = [p["text"] for p in r["paragraphs"]]
    assert not any("人民代表大会第五次会议上" in t or "施小琳" in t for t in texts)


def test_parts_follow_the_plan_of_a_work_report():
    r = _report(PROVINCE)
    parts = {p["text"][:6]: p["part"] for p in r["paragraphs"]}
    assert parts["过去一年，全"] == "review"
    assert parts["今年经济社会"] == "targets"
    assert parts["推进制造业重"] == "plan"
    assert parts["坚持依法行政"] == "government"
    assert parts["1.“两重”"] == "appendix"


NEWSPAPER_REVIEW = """某某市：真抓实干开新局
某某市深入贯彻落实中央和自治区关于做好2025年工作的部署要求，全力推动高质量发展。
2024年高质量发展成绩亮眼
2024年全市地区生产总值达到1686亿元。签约引进千万元以上项目609个，到位资金393亿元。
产业转型步伐加快
全市新建高标准农田313万亩，粮食总产194.1亿斤。新增规上工业企业40户，实施服务业重点项目186个。
民生保障更有温度
城镇新增就业1.58万人，新改扩建中小学、幼儿园59所，新增学位园位4320个。
2025年经济社会发展目标敲定
2025年全市地区生产总值增长6%以上，城镇新增就业1.5万人。
加强项目谋划储备
力争开复工产业链重点项目140个以上，确保建成投产60个以上，将新增规上工业企业30户以上。
"""


def test_a_review_in_several_top_sections_stays_the_review_and_its_results_achieved():
    r = _report(NEWSPAPER_REVIEW)
    parts = {p["text"][:6]: p["part"] for p in r["paragraphs"]}
    assert parts["全市新建高标"] == "review" and parts["城镇新增就业"] == "review"
    assert parts["2025年全"] == "targets"
    assert parts["力争开复工产"] == "plan"
    jobs = {f["kind"]: f["value"] for f in r["figures"] if f["indicator"] == "urban_new_jobs"}
    assert jobs == {"achieved": 1.58, "target": 1.5}


CITY_SECTIONS = """各位代表：
一、2023年工作回顾
（一）经济运行稳中向好
全市地区生产总值增长5.6%，一般公共预算收入增长8.1%，新增市场主体3.2万户，外贸进出口总额增长6%。
（二）政府效能不断提升
办结人大代表建议240件、政协提案300件，政务服务事项网上可办率达到100%，行政审批时限平均压缩一半。
二、2024年主要工作
（一）聚力打造高品质生活宜居地，在富民惠民上取得新成效
新建保障性住房3000套，新增城镇就业5万人，改造老旧小区60个，新建公办幼儿园10所，为群众办好十件实事。
三、全面提升政府现代化治理水平
坚持依法行政，严格落实过紧日子要求，一般性支出压减5%，持续推进政务公开，主动接受人大和社会监督。
"""


def test_the_parts_of_a_national_report_of_the_1980s_and_1990s():
    # national 1980 (任务和主要指标), 1988 and 2002 (政府机构改革, 政风, then 外交工作 and 结束语)
    text = ("各位代表：\n\n一、过去五年的政府工作\n\n五年来，国民生产总值平均每年增长10%，人民生活显著改善。\n\n"
            "二、1989年国民经济计划的任务和主要指标\n\n今年国民生产总值计划增长7.5%，全社会固定资产投资控制在4000亿元。\n\n"
            "三、切实搞好政府机构改革，努力克服官僚主义\n\n政府机构改革要按照政企分开、精简、统一、效能的原则进行。\n\n"
            "四、关于外交工作\n\n我们将继续奉行独立自主的和平外交政策，发展同世界各国的友好关系。\n\n"
            "结束语\n\n让我们团结起来，为实现今年的各项任务而努力奋斗！\n")
    assert [p["part"] for p in _report(text)["paragraphs"][-5:]] == ["review", "targets", "government", "plan", "plan"]


def test_a_subsection_takes_its_part_from_its_section_unless_it_names_a_stronger_one():
    r = Analyzer().analyse_text(CITY_SECTIONS).to_dict()
    parts = {p["text"][:4]: p["part"] for p in r["paragraphs"]}
    assert parts["全市地区"] == "review"
    assert parts["办结人大"] == "review"  # the government's results of last year are results
    assert parts["新建保障"] == "plan"  # 取得新成效 in a task's heading promises, it does not report
    assert parts["坚持依法"] == "government"


def test_glossary_is_never_summarised_nor_weighed():
    r = _report(PROVINCE)
    appendix = {p["index"] for p in r["paragraphs"] if p["part"] == "appendix"}
    assert appendix
    picked = [s["paragraph"] for s in r["summary"]] + [
        s["paragraph"] for t in r["themes"].values() for s in t["summary"]]
    assert not appendix & set(picked)
    assert not any(appendix & set(t["paragraphs"]) for t in r["themes"].values())


GLOSSARY_ENTRIES = """1.“两重”：国家重大战略实施和重点领域安全能力建设，涉及项目投资1000亿元。
2.“四上”企业：指规模以上工业企业、资质等级建筑业企业和限额以上批零住餐企业。
"""


@pytest.mark.parametrize("title", [
    "政府工作报告名词解释", "【名词解释】", "本报告部分名词注释", "名 词 解 释", "有关词语注释",
    "名词解释（按报告中出现先后排序）", "名词解释：", "《政府工作报告》有关内容名词注释",
])
def test_a_glossary_is_known_however_it_is_titled(title):
    body = PROVINCE[:PROVINCE.index("名词解释")]
    r = _report(body + title + "\n" + GLOSSARY_ENTRIES)
    entries = [p["part"] for p in r["paragraphs"] if "两重" in p["text"] or "四上" in p["text"]]
    assert entries == ["appendix", "appendix"]
    assert {p["text"][:6]: p["part"] for p in r["paragraphs"]}["坚持依法行政"] == "government"


def test_an_appendix_mark_holds_the_headed_list_under_it():
    # 广东: 附件1 / 2025年省十件民生实事 / 一、… after the report's last words: the list is the
    # appendix, not this year's plan, though its own heading names no part.
    body = PROVINCE[:PROVINCE.index("名词解释")]
    appendix = ("附件1\n2025年省十件民生实事\n一、为老年人提供健康管理服务\n"
                "为超2.5万名65岁及以上失能老年人免费提供健康管理、康复护理服务。\n"
                "二、提升困难群众兜底保障水平\n农村低保标准占城镇低保标准的比例达到77%以上。\n"
                "附件2 名词解释\n" + GLOSSARY_ENTRIES)
    r = _report(body + appendix)
    listed = [p for p in r["paragraphs"] if p["text"].startswith(("为超2.5万", "农村低保"))]
    assert [p["heading_path"][:2] for p in listed] == [["附件1", "2025年省十件民生实事"]] * 2
    assert {p["part"] for p in listed} == {"appendix"}
    assert [p["heading_path"] for p in r["paragraphs"] if "两重" in p["text"]] == [["附件2 名词解释"]]
    picked = {s["paragraph"] for s in r["summary"]} | {s["paragraph"] for t in r["themes"].values() for s in t["summary"]}
    assert not picked & {p["index"] for p in listed}


def test_definitions_that_end_a_report_are_its_glossary_and_a_note_is_no_body():
    body = PROVINCE[:PROVINCE.index("名词解释")]
    notes = "注：地区生产总值增速按可比价格计算。\n五、持续改善民生\n新建保障性住房1.2万套。\n"
    definitions = ("“两重”：指国家重大战略实施和重点领域安全能力建设。\n"
                   "“四上”企业：指规模以上工业企业和限额以上批零住餐企业。\n")
    r = _report(body + notes + definitions)
    parts = {p["text"][:6]: p["part"] for p in r["paragraphs"]}
    assert parts["注：地区生产"] == "appendix"
    assert parts["新建保障性住"] == "plan"  # the note opens no glossary
    assert parts["“两重”：指"] == parts["“四上”企业"] == "appendix"


def test_a_sites_column_tag_is_no_part_of_the_title():
    page = "首页 > 要闻 > 正文\n【权威发布】2026年湖南省政府工作报告\n来源：湖南日报\n" + PROVINCE[PROVINCE.index("2026年1月20日"):]
    r = _report(page)
    assert r["title"] == "2026年湖南省政府工作报告"
    assert "masthead" not in r["counts"]["dropped"]  # the headline is the title, not a dropped line


def test_a_page_a_scraper_wrote_as_markdown_reads_like_the_page():
    page = ("[首页](https://www.example.gov.cn/) > [政务公开](https://www.example.gov.cn/zwgk/) > 正文\n\n"
            "# 2026年某某省政府工作报告\n\n![](https://www.example.gov.cn/img/a.jpg)\n\n"
            + PROVINCE[PROVINCE.index("2026年1月20日"):PROVINCE.index("一、2025年")]
            + "**一、2025年工作回顾**\n\n**（一）产业发展迈出新步伐。**规上工业增加值增长6.8%，新增规上工业企业1500家。\n\n"
            "[打印本页](javascript:print()) [关闭窗口](javascript:close())\n")
    r = _report(page, "page.md")
    assert r["title"] == "2026年某某省政府工作报告"
    assert [(p["heading_path"], p["text"]) for p in r["paragraphs"]][-1] == (
        ["一、2025年工作回顾", "（一）产业发展迈出新步伐"], "规上工业增加值增长6.8%，新增规上工业企业1500家。")
    assert r["counts"]["dropped"]["navigation"] == r["counts"]["dropped"]["widget"] == 1
    assert not any("](" in p["text"] or "**" in p["text"] for p in r["paragraphs"])


def test_the_address_heads_its_paragraph():
    r = _report(PROVINCE)
    assert r["paragraphs"][0]["text"].startswith("各位代表：现在，我代表省人民政府")


def test_a_dateline_run_on_after_a_source_is_still_read():
    text = "2025年江西省政府工作报告\n来源：江西省人民政府2025年1月17日在江西省第十四届人民代表大会第三次会议上省长叶建春作政府工作报告。\n各位代表：\n现在，我代表江西省人民政府向大会报告工作，请予审议。"
    r = _report(text)
    assert (r["place"], r["date"], r["speaker"]) == ("江西省", "2025-01-17", "叶建春")


def test_a_city_report_without_a_headline_falls_back_to_the_file_name_for_place_only():
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n全市地区生产总值增长6.1%，达到2100亿元，比上年增加120亿元。"
    r = _report(text, "archive/三亚.txt")
    assert (r["title"], r["place"], r["year"], r["level"]) == (None, "三亚", 2024, "city")
    assert r["metadata_source"] == {"place": "file_name", "year": "text", "level": "text"} or \
        r["metadata_source"]["place"] == "file_name"


def test_the_year_a_report_reviews_is_the_one_before_its_own():
    text = ("各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n一、1999年国内工作回顾\n"
            "1999年，全国各族人民奋发图强，国内生产总值增长7.1%，各方面工作都取得了新的成绩。")
    r = _report(text, "archive/report.txt")
    assert (r["year"], r["level"], r["metadata_source"]["year"]) == (2000, "national", "text")


@pytest.mark.parametrize("line,kind", [
    ("首页 > 新闻中心 > 政务要闻", "navigation"),
    ("当前位置：首页 > 要闻动态", "navigation"),
    ("【字号：大 中 小】", "widget"),
    ("分享到：", "widget"),
    ("发布时间：2026-01-27 10:23", "posting_time"),
    # a pager, a media player, print and collect buttons, links to readings of the report
    ("共5页 上一页 1 2 3 4 5 下一页", "navigation"),
    ("[1] [2] [3] [下一页]", "navigation"),
    ("第 1 页 共 3 页", "navigation"),
    ("【我要打印】【关闭窗口】", "widget"),
    ("语音播报", "widget"),
    ("02:13 / 45:20", "widget"),
    ("图解：一图读懂2026年政府工作报告", "related"),
    ("H5｜政府工作报告", "related"),
    ("附件：2026年政府工作报告.pdf", "related"),
    ("标签：政府工作报告", "id"),
    ("2026-01-27 10:23:45 来源：四川日报", "posting_time"),
    ("浏览次数：1234", "read_count"),
    ("来源：四川日报", "source"),
    ("责任编辑：张三", "editor"),
    ("四川省人民政府门户网站", "site_name"),
    ("四川观察客户端", "site_name"),
    ("相关新闻", "related"),
    ("版权所有：四川省人民政府办公厅 蜀ICP备05003828号", "copyright"),
    ("索引号：11510000MB1533019J/2026-00012", "id"),
    ("省长施小琳作政府工作报告。记者 王某 摄", "caption"),
    ("粗体文字", "widget"),
    # as sites and newspapers also write them: in brackets, run together, with review stages
    ("（责任编辑：王五）", "editor"),
    ("[责任编辑:王五]", "editor"),
    ("（编辑 张三）", "editor"),
    ("实习编辑：张三", "editor"),
    ("二审：李四", "editor"),
    ("（来源：某某日报）", "source"),
    ("稿件来源：某某省人民政府网", "source"),
    ("原标题：政府工作报告", "source"),
    ("2026年01月27日09:30 来源：人民网", "posting_time"),
    ("阅读：1234", "read_count"),
    ("浏览：1234次", "read_count"),
    ("打印本页 关闭窗口", "widget"),
    ("字号：T|T", "widget"),
    ("用微信扫描二维码 分享至好友和朋友圈", "widget"),
    ("我要评论", "widget"),
    ("视力保护色：", "widget"),
    ("热点新闻", "related"),
    ("点击排行", "related"),
    ("简体版 | 繁体版", "navigation"),
    ("手机版", "navigation"),
    ("本网站由某某省人民政府办公厅主办", "copyright"),
    ("转载请注明出处", "copyright"),
    ("主题词：政府工作报告", "id"),
    ("新华社北京1月20日电", "byline"),
    ("四川日报全媒体记者 李四", "byline"),
    ("湖北日报讯（记者张三、通讯员李四）", "byline"),
    ("（完）", "divider"),
    ("（全文完）", "divider"),
    ("（此件公开发布）", "id"),
    # as an official WeChat account prints them
    ("▲1月21日，省长毛伟明作政府工作报告。", "caption"),
    ("来源｜湖南日报", "source"),
    ("责编丨王五", "editor"),
    ("文字：张三 图片：李四", "byline"),
    ("点击蓝字 关注我们", "widget"),
    ("阅读原文", "widget"),
    ("点亮“在看”", "widget"),
    ("往期推荐", "related"),
    ("↓↓↓", "divider"),
    # as news sites and their apps print them
    ("新华网 2026-01-21 10:30:45", "posting_time"),
    ("海报制作：张三", "editor"),
    ("分享让更多人看到", "widget"),
    ("打开APP阅读", "widget"),
    ("字号 默认 大 超大", "widget"),
    ("湖南日报·新湖南客户端 1月21日讯（记者 张三）", "byline"),
    ("目　录", "contents"),
    ("编者按：1月21日，湖南省第十四届人民代表大会第五次会议开幕，省长毛伟明代表省人民政府作政府工作报告。"
     "报告回顾了2025年和“十四五”时期的工作，提出了2026年的目标任务。现全文刊发，以飨读者。", "editors_note"),
    ("一、2025年和“十四五”工作回顾……………………………………1", "contents"),
    ("（三）持续优化营商环境..................................12", "contents"),
])
def test_furniture_is_known_by_kind(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "省长 王予波",
    "一、2025年工作回顾",
    "全省地区生产总值增长5.5%。",
    "推进制造业重点产业链高质量发展，新增规上工业企业1500户以上。",
    "保障新闻记者合法权益",
    "评论员文章",
    "网上阅读",
    "▲全市地区生产总值增长5.2%，总量突破3000亿元。",
    "全省 2026年1月1日起施行新规",
    # words of a site's toolbar that a report's line may begin with
    "注册企业新增1.2万户。",
    "无障碍环境建设全面推进",
    "适老化改造2000户以上。",
    "返回家乡创业人员达3万人。",
    "动画产业加快发展",
    "附件：2026年省十件民生实事",
    "10",
])
def test_report_lines_are_not_furniture(line):
    assert furniture_kind(line) is None


def test_a_related_articles_list_is_dropped_whole():
    text = ("2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。全省地区生产总值增长5%。\n"
            "相关新闻\n省长出席座谈会强调推进高质量发展\n全省经济运行稳中向好\n2026-01-20\n")
    r = _report(text)
    assert r["counts"]["dropped"]["related"] == 3
    assert all("座谈会" not in p["text"] for p in r["paragraphs"])


def test_a_file_of_nothing_but_furniture_is_valid_json_with_a_warning(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("首页 > 新闻 > 正文\n【字号：大 中 小】\n分享到：\n来源：某某日报\n责任编辑：张三\n", encoding="utf-8")
    proc = run_cli("summarize", str(page))
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["paragraphs"] == [] and r["warnings"]


SCRAPED_PAGE = """首页 > 政务公开 > 政府工作报告
2026年政府工作报告
发布时间：2026-01-27 10:00 来源：四川日报
字体：【大 中 小】 打印 关闭
浏览次数：12345
分享到：微信 微博 QQ空间
——2026年1月25日在四川省第十四届人民代表大会第五次会议上
四川省人民政府省长 施小琳
1月25日，省长施小琳在四川省第十四届人民代表大会第五次会议上作政府工作报告。
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
（
一）
2025年工作回顾
过去一年，全省地区生产总值增长5.5%，一般公共预算收入增长3.2%。
二、
2026年工作安排
今年主要预期目标是：地区生产总值增长5%左右。
相关阅读
省长施小琳主持召开省政府常务会议
我省经济运行稳中向好
责任编辑：张三
扫一扫在手机打开当前页
下载四川观察客户端
（记者 王某 李某）
版权所有：四川省人民政府办公厅 蜀ICP备05003828号
"""


def test_a_scraped_page_gives_the_report_and_nothing_of_the_page():
    r = _report(SCRAPED_PAGE)
    assert (r["title"], r["place"], r["year"], r["date"], r["speaker"]) == (
        "2026年政府工作报告", "四川省", 2026, "2026-01-25", "施小琳")
    assert [p["text"][:6] for p in r["paragraphs"]] == ["各位代表：现", "过去一年，全", "今年主要预期"]
    assert [p["heading_path"] for p in r["paragraphs"]] == [[], ["（一）2025年工作回顾"], ["二、2026年工作安排"]]
    assert sum(r["counts"]["dropped"].values()) == 16  # every line but the title and the report


def test_the_structure_evaluation_counts_a_short_junk_line_only_where_it_was_kept():
    # A footer's lone 。 or 法律 is inside every paragraph by chance; a page number or a
    # caption left at a paragraph's edge was kept.
    from devzone.evaluation.structure import _holds

    assert not _holds("推进法律法规建设。", "。") and _holds("。", "。")
    assert not _holds("完善法律法规体系建设。", "法律") and _holds("法律法规体系", "法律")
    assert _holds("面对压力—2—", "—2—")
    assert _holds("一般公共预算收入（政府工作报告附件二维码）", "（政府工作报告附件二维码）")


def test_a_page_number_run_into_a_one_line_report_is_taken_out_before_its_spaces():
    line = "一是综合实力稳步提升。全市地区生产总值增长6.4%，一 — 1 — 般公共预算收入增长7.2%。" * 60
    cleaned = clean(RawText(text=line, encoding="utf-8"))
    assert "—" not in cleaned.text and "一般公共预算收入增长7.2%" in cleaned.text
    assert dict(cleaned.dropped)["page_number"] == 60


def test_a_text_with_every_digit_spaced_is_read_with_its_numbers_whole():
    text = "1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，经济增长8 ．8 ％。\n\n今年的主要目标是：经济增长速度8 ％。\n"
    cleaned = clean(RawText(text=text, encoding="utf-8")).text
    assert "1997年国内生产总值达到74772亿元" in cleaned.replace(" ", "") and "8．8％" in cleaned
    assert clean(RawText(text=cleaned, encoding="utf-8")).text == cleaned  # idempotent
    report = Analyzer().analyse_text(text).to_dict()
    assert {(f["indicator"], f["kind"], f["value"]) for f in report["figures"]} >= {
        ("gdp_total", "achieved", 74772.0), ("gdp_growth", "achieved", 8.8), ("gdp_growth", "target", 8.0)}


def test_a_review_that_runs_on_into_this_years_targets_changes_part_there():
    # the file lost the heading between last year's review and this year's work
    text = ("一、2023年工作回顾\n\n过去一年，全市地区生产总值增长6%，城镇新增就业4.3万人。\n\n"
            "（一）坚持民生为本。城乡居民人均可支配收入分别增长6%、7.5%。\n\n"
            "今年全市经济社会发展主要预期目标是：地区生产总值增长7%左右。\n\n"
            "（一）坚定不移扩大有效需求\n\n扎实推进有效投资，城镇新增就业4.1万人。\n")
    report = Analyzer().analyse_text(text).to_dict()
    assert [p["part"] for p in report["paragraphs"]] == ["review", "review", "targets", "plan"]
    assert {(f["kind"], f["value"]) for f in report["figures"] if f["indicator"] == "urban_new_jobs"} == {
        ("achieved", 4.3), ("target", 4.1)}


def test_a_heading_written_as_a_sentence_heads_its_numbered_items_and_a_short_run_on():
    text = ("二、2024年工作安排\n\n（一）围绕构建现代化产业体系，锚定产创融合这个核心抓手，塑优产业治理体系。\n\n"
            "1.攻坚重大项目，带动产业强链提质。巩固“三比一提升”成效，转变产业项目生成模式，新开工项目120个。\n\n"
            "（二）着力扩大需求，激发有潜能的消费。打好扩大内需升级战，推动消费提档升级。\n\n"
            "培育壮大新型消费。加快万花楼、十字街、万达广场等商圈建设，打造一批消费新场景，发展数字消费、绿色消费、健康消费。\n")
    paragraphs = Analyzer().analyse_text(text).to_dict()["paragraphs"]
    assert [p["heading_path"][-1] for p in paragraphs] == [
        "（一）围绕构建现代化产业体系，锚定产创融合这个核心抓手，塑优产业治理体系",
        "（二）着力扩大需求，激发有潜能的消费", "（二）着力扩大需求，激发有潜能的消费"]
    assert paragraphs[1]["text"].startswith("打好扩大内需升级战")


def test_place_from_the_file_name_takes_the_official_name_the_text_writes():
    opening = "各位代表：\n现在，我代表州人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
    text = opening + "全州地区生产总值增长6%，凉山州发展迈出新步伐，凉山州乡村振兴加快。\n贯彻《凉山彝族自治州自治条例》。"
    assert _report(text, "archive/凉山.txt")["place"] == "凉山彝族自治州"
    # the government that reports says which of the names it is (its capital is a 市 inside it)
    text = opening + "甘孜县、甘孜县城和甘孜县乡村面貌一新，甘孜州全州地区生产总值增长6%。"
    assert _report(text, "archive/甘孜.txt")["place"] == "甘孜州"


def test_a_report_that_ranks_itself_in_the_country_is_not_national_for_that():
    text = ("各位主任、委员：\n下面，我代表行署作工作报告。\n一、2023年工作回顾\n"
            "全盟地区生产总值增长6%，增速居全国前列，全国首个试点落地，全国百强县新增一个。")
    r = _report(text, "archive/锡林郭勒.txt")
    assert (r["place"], r["level"]) == ("锡林郭勒", "city")
    r = _report("各位代表：\n我代表中央人民政府向大会报告工作。\n一、过去五年的工作\n全国工农业总产值增长。", "1954.txt")
    assert (r["place"], r["level"]) == (None, "national")


def test_where_no_place_is_named_the_government_that_reports_says_the_level():
    # a city's report in a file named for nothing, ranking itself in the country more than in the city
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "全市地区生产总值增长5.8%，增速居全国前列，获评全国文明城市，入选全国首批试点、全国十佳。")
    r = _report(text, "report.pdf")
    assert (r["place"], r["level"]) == (None, "city")


def test_a_page_posted_in_a_later_year_keeps_the_year_its_report_was_delivered():
    page = ("<html><head><title>政府工作报告</title></head><body><h1>政府工作报告</h1>"
            "<div>发布时间：2025-06-03 09:30</div><div class='content'><p>各位代表：</p>"
            "<p>现在，我代表市人民政府向大会报告工作，请予审议。</p><p>一、2023年工作回顾</p>"
            "<p>全市地区生产总值增长6.1%，达到2100亿元，比上年增加120亿元。</p></div></body></html>")
    r = Analyzer().analyse_text(page, source="page.html").to_dict()
    assert (r["year"], r["date"]) == (2024, "2025-06-03")


_PROVINCE_BODY = ("各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                  "全省地区生产总值增长5.5%，一般公共预算收入增长3.2%。\n二、2026年工作安排\n今年全省地区生产总值增长5%左右。")


@pytest.mark.parametrize("head,title,place", [
    ("政府工作报告\n——2026年1月20日在广东省十四届人大四次会议上\n广东省省长 王五", "政府工作报告", "广东省"),
    # a dateline that names the level and no place names none
    ("政府工作报告\n——2026年1月20日在省十四届人大五次会议上\n省长 王五", "政府工作报告", None),
    ("政府工作报告\n——2026年1月22日在自治区第十四届人民代表大会第四次会议上", "政府工作报告", None),
    # a delivery line with a month and no day, in brackets
    ("政府工作报告\n（2026年1月在河南省第十四届人民代表大会第五次会议上）", "政府工作报告", "河南省"),
    # a site's column, release word and note that the page holds the report whole
    ("【两会】2026年湖南省政府工作报告（全文）\n湖南日报 2026-01-21\n湖南省省长 王五", "2026年湖南省政府工作报告", "湖南省"),
    ("权威发布｜2026年河南省政府工作报告\n河南省省长 王五", "2026年河南省政府工作报告", "河南省"),
    ("受权发布：2026年江苏省政府工作报告全文\n江苏省省长 王五", "2026年江苏省政府工作报告", "江苏省"),
    # the report's name below a news headline that names it
    ("政府工作报告全文来了！\n政府工作报告\n——2026年1月20日在某某省第十四届人民代表大会第五次会议上", "政府工作报告", "某某省"),
])
def test_a_scraped_headline_and_dateline_give_the_reports_title_and_place(head, title, place):
    r = _report(head + "\n" + _PROVINCE_BODY, "page.txt")
    assert (r["title"], r["place"], r["year"], r["level"]) == (title, place, 2026, "province")


def test_the_country_is_named_as_the_report_writes_it_or_not_at_all():
    opening = "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n一、过去一年的工作\n"
    named = _report(opening + "中华人民共和国成立七十五周年，国内生产总值增长5%。", "2024.txt")
    assert (named["place"], named["level"], named["metadata_source"]["place"]) == ("中华人民共和国", "national", "text")
    unnamed = _report(opening + "国内生产总值增长5%。", "2015.txt")
    assert (unnamed["place"], unnamed["level"]) == (None, "national")
    assert "place" not in unnamed["metadata_source"]


def test_a_report_of_the_year_so_far_takes_the_latest_year_it_names_as_done():
    text = ("今年以来，开发区立足当前抓推进。前三季度地区生产总值完成107.92亿元，同比增长3.4%。\n\n"
            "完成2022年度事业单位公开招聘工作，2021年雪后受灾苗木补植工作全部完成，二期预计于2024年3月底竣工。")
    r = _report(text)
    assert (r["year"], r["metadata_source"]["year"]) == (2022, "text")
    assert [f["period"] for f in r["figures"] if f["indicator"] == "gdp_total"] == ["2022-Q1-Q3"]
    # a report that is no review of the year so far keeps to what names its year
    assert _report("一、过去五年的工作\n\n到2010年实现远景目标，国内生产总值翻两番。", "2003.txt")["year"] == 2003


def test_a_news_report_of_the_year_so_far_reviews_in_every_unnamed_section():
    text = ("今年以来，开发区坚持生态优先、绿色发展，以抓项目、扩投资为抓手，推动高质量发展。\n\n"
            "抓项目促规模\n\n推动发展关键靠项目。开发区党工委、管委会将项目建设作为头等大事，要求各部门全力推进，确保项目落地。\n\n"
            "抓招商促投资\n\n开发区主要领导带头组成招商考察团队，将延链补链作为核心，力争引进一批项目。\n")
    assert [p["part"] for p in _report(text)["paragraphs"]] == ["review", "review", "review"]


def test_a_city_led_by_a_prefectures_committee_is_county_level():
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n"
            "一年来，在州委、州政府和市委的坚强领导下，全市地区生产总值增长6%。\n")
    assert _report(text, "恩施.txt")["level"] == "county"
    plain = text.replace("州委、州政府和市委", "省委、省政府和市委")
    assert _report(plain, "恩施.txt")["level"] == "city"


@pytest.mark.parametrize("section, groups, body", [
    ("一、2023年工作回顾",
     ["一年来，我们纵观大势、从容应对，负重加快发展，全市经济在攻坚克难中创新、在应对风险中求胜",
      "一年来，我们矢志不渝、倾力而为，改善群众生活，社会保障更加有力、公共服务高效优质",
      "一年来，我们居安思危、从未懈怠，保障社会安宁，安全底线持续巩固、风险隐患有效防范"],
     "面对严峻复杂的宏观形势，我们坚持先人一拍、快人一步的工作节奏，提早出台恢复增长系列政策措施。"),
    # national 1988: 五年来，在… / 五年来，经… share only 五年来，; each may end as a phrase (…很好的).
    ("过去五年国内工作的基本总结",
     ["五年来，在改革开放的推动下，我国国民经济持续发展，总的形势是很好的",
      "五年来，经济体制改革从农村到城市全面展开，取得了重大进展，积累了丰富经验",
      "五年来，不断扩大对外开放，积极发展对外经济技术交流与合作"],
     "国家经济实力继续得到显著增强。"),
])
def test_lines_that_open_alike_are_a_series_of_group_headings(section, groups, body):
    text = f"各位代表：\n\n{section}\n\n" + "".join(f"{g}\n\n{'又' * i}{body}\n\n" for i, g in enumerate(groups))
    paragraphs = _report(text)["paragraphs"]
    assert [p["heading_path"] for p in paragraphs[-3:]] == [[section, g] for g in groups]


def test_a_numbered_point_set_apart_may_end_in_le():
    # national 1980: 第二，…整个经济比较活了 heads its text; 了 closes it, no page broke it.
    text = ("各位代表：\n\n一、国民经济取得了新的进展\n\n第一，重大的比例关系正在朝着协调的方向发展，国民经济持续增长\n\n"
            "农业、轻工业的发展加快了，农轻重的比例关系有所改善。\n\n"
            "第二，在经济上开始采取了一些新的政策，开始进行经济管理体制的某些改革，整个经济比较活了\n\n"
            "农村在放宽政策、发挥优势方面，开辟了一些新的路子。\n")
    paragraphs = _report(text)["paragraphs"]
    assert paragraphs[-1]["heading_path"][-1] == "第二，在经济上开始采取了一些新的政策，开始进行经济管理体制的某些改革，整个经济比较活了"
    assert paragraphs[-1]["text"] == "农村在放宽政策、发挥优势方面，开辟了一些新的路子。"


def test_a_long_numbered_item_of_one_sentence_heads_the_text_run_below_it():
    # national 1986: the （一） line is one long sentence, its section's text on the next line.
    item = "（一）进一步增强企业特别是全民所有制大中型企业的活力，使它们真正成为相对独立的经济实体，成为自主经营、自负盈亏的社会主义商品生产者和经营者。"
    body = "要在坚持公有制为主体的前提下，继续发展多种所有制形式和多种经营方式，继续从外部和内部两个方面采取切实有效的措施，包括适当缩小指令性计划，减免企业的部分税收。"
    text = f"各位代表：\n\n三、经济体制改革\n\n{item}\n{body}\n"
    paragraphs = _report(text)["paragraphs"]
    assert paragraphs[-1]["heading_path"] == ["三、经济体制改革", item[:-1]]
    assert paragraphs[-1]["text"] == body


def test_a_speech_that_names_its_headline_in_its_opening_has_that_title():
    text = ("各位代表：\n\n现在，我代表国务院向大会作政府工作报告，请予审议。报告的总题目是：团结起来，为建设社会主义的现代化强国而奋斗。\n\n"
            "一、国民经济的恢复\n\n国民经济得到了较快的恢复和发展，工业总产值比上年增长14%。\n")
    assert _report(text)["title"] == "团结起来，为建设社会主义的现代化强国而奋斗"


def test_a_point_alone_on_its_line_heads_its_text_below_the_section():
    text = ("各位代表：\n\n三、促进农业和农村经济全面发展\n\n第一，调整和优化农业结构。\n\n"
            "要适应市场需求变化，大力推进农业结构调整，发展高产优质高效农业。\n\n"
            "第二，加强以水利为重点的农业基本建设。\n\n今年要继续加强大江大河大湖治理，加快病险水库除险加固。\n")
    paragraphs = _report(text)["paragraphs"]
    assert [p["heading_path"] for p in paragraphs[1:]] == [
        ["三、促进农业和农村经济全面发展", "第一，调整和优化农业结构"],
        ["三、促进农业和农村经济全面发展", "第二，加强以水利为重点的农业基本建设"]]


def test_an_office_and_a_name_on_two_lines_are_the_speaker():
    text = ("政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理\u3000\n李\u3000强\n\n"
            "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n国内生产总值增长5.2%。\n")
    r = _report(text)
    assert (r["title"], r["speaker"], r["date"]) == ("政府工作报告", "李强", "2024-03-05")
    assert all("李" not in p["text"][:3] for p in r["paragraphs"])


def test_a_headline_broken_over_two_lines_is_one_title():
    r = _report("政府工作报\n告\n\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2020年工作回顾\n国内生产总值增长2.3%。\n")
    assert r["title"] == "政府工作报告"


def test_a_line_that_names_an_office_in_the_body_is_text_not_the_speaker():
    body = "".join(f"第{i}段，全面推进经济建设，各项事业取得新进展。\n" for i in range(40))
    r = _report("各位代表：\n现在，我代表国务院向大会作政府工作报告。\n一、过去五年的工作\n" + body
                + "决定撤销他的西藏自治区筹备委员会主任委员和委员的职务\n这是全国人民的共同愿望，我们要继续努力工作。\n")
    assert r["speaker"] is None and r["counts"]["dropped"] == {}
    assert any("委员和委员的职务" in " ".join([p["text"], *p["heading_path"]]) for p in r["paragraphs"])


def test_the_evaluation_counts_held_out_misses_but_never_prints_their_lines():
    from devzone.evaluation.common import blind
    from devzone.evaluation.structure import structure_text

    misses = [{"report": "a", "split": "tune", "what": "heading not found", "line": "一、看得见"},
              {"report": "b", "split": "heldout", "what": "heading not found", "line": "一、看不见"},
              {"report": "c", "split": "heldout, national", "what": "furniture kept", "line": "来源：看不见"}]
    listed, unlisted = blind(misses)
    text = structure_text({"sets": {}, "misses": listed, "heldout_misses_unlisted": unlisted})
    assert "看得见" in text and "看不见" not in text
    assert unlisted == {"heldout": 1, "heldout, national": 1}


@pytest.mark.parametrize("heading, part", [
    ("二、第一个五年计划概要", "targets"),  # national 1955
    ("第六个五年计划的基本任务", "targets"),  # 1982
    ("二、“七五”时期的基本任务和主要建设方针", "targets"),  # 1986
    ("三、“七五”时期的经济体制改革", None),  # the plan's tasks: the section's place decides
    ("六五计划前两年的执行情况", "review"),  # 1982
])
def test_a_five_year_plans_aims_are_targets_and_its_execution_a_review(heading, part):
    from devzone.stages.parts import heading_part

    assert heading_part(heading) == part


def test_a_source_held_out_whole_and_the_national_reports_are_scored_as_sets_of_their_own():
    from devzone.evaluation.common import set_name

    rows = [{"source": "city-2024", "split": "tune"}, {"source": "city-2024", "split": "heldout"},
            {"source": "national", "split": "heldout"}]
    assert [set_name(r, rows) for r in rows] == ["tune", "heldout", "heldout, whole source: national"]
    rows.append({"source": "national", "split": "tune"})
    assert [set_name(r, rows) for r in rows[2:]] == ["heldout, national", "tune, national"]


def test_banner_sentences_led_by_a_dash_head_the_results_below_them_until_the_items_begin():
    # 南宁: ——我们…。 over each group of the year's results, then the numbered items.
    banners = ["——我们聚焦加快构建经济新循环，在推动首府高质量发展上展现更大作为。",
               "——我们坚持生态优势金不换，在推动绿色发展上实现更大进展。",
               "——我们主动守好祖国“南大门”，在维护国家安全上作出更大贡献。"]
    results = ["地区生产总值增长4.0%，增速比上年提高2.6个百分点，经济增长承压前行。",
               "市区空气质量优良率98.9%，在全国168个重点城市排第16位。",
               "连续服务举办20届东博会、峰会，积极服务国家周边外交战略。"]
    item = "（一）强化顶层设计，经济运行回升向好"
    text = ("各位代表：\n\n一、2023年工作回顾\n\n" + "".join(f"{b}\n\n{r}\n\n" for b, r in zip(banners, results))
            + f"{item}\n\n按季度制定实施方案，每季度出台稳增长政策措施。\n")
    paragraphs = _report(text)["paragraphs"]
    assert [p["heading_path"] for p in paragraphs[-4:]] == [
        ["一、2023年工作回顾", b] for b in banners] + [["一、2023年工作回顾", item]]


def test_a_target_list_of_dash_lines_stays_text():
    # Dash lines one after another are a list, not banners over text.
    targets = ["——地区生产总值增长5.5%左右，经济总量迈上新台阶。", "——城镇新增就业5万人以上，城镇调查失业率5.5%以内。",
               "——居民人均可支配收入增长与经济增长同步，民生福祉持续增进。"]
    text = "各位代表：\n\n二、2024年主要预期目标\n\n" + "\n\n".join(targets) + "\n"
    paragraphs = _report(text)["paragraphs"]
    assert [p["text"] for p in paragraphs][-3:] == targets
    assert {tuple(p["heading_path"]) for p in paragraphs[-3:]} == {("二、2024年主要预期目标",)}


def test_what_is_left_of_a_delivery_line_is_no_title_and_the_speakers_government_names_the_place():
    # 池州: the page lost the date of the delivery line; the speaker's office says the place in full.
    text = ("人民代表大会第二次会议上\n\n池州市人民政府市长  朱浩东\n\n各位代表：\n\n"
            "现在，我代表市人民政府，向大会报告政府工作，请予审议。\n\n一、2022年工作回顾\n\n全市地区生产总值增长6%。\n")
    report = _report(text, "池州.txt")
    assert (report["title"], report["place"], report["speaker"]) == (None, "池州市", "朱浩东")
    assert report["metadata_source"]["place"] == "text"
    assert report["counts"]["dropped"]["dateline"] == 1


def test_a_top_section_on_the_governments_capacity_is_the_government_part():
    text = ("各位代表：\n\n二、2024年重点工作\n\n全力以赴抓项目，推动重大项目早开工。\n\n"
            "三、着力增强政府落实力\n\n坚持依法行政，建设人民满意的服务型政府。\n")
    assert [p["part"] for p in _report(text)["paragraphs"]][-2:] == ["plan", "government"]


def test_a_dash_line_with_a_sentence_inside_is_text_a_page_broke_not_a_heading():
    # national 2021: the line runs on after a page break (a line of a zero-width space).
    text = ("各位代表：\n\n二、“十四五”时期主要目标任务\n\n"
            "——推动绿色发展，促进人与自然和谐共生。坚持绿水青山就是金山银山理念，加快推进重要生态屏障建\n\u200b\n"
            "设，构建以国家公园为主体的自然保护地体系。\n")
    paragraphs = _report(text)["paragraphs"]
    assert paragraphs[-1]["heading_path"] == ["二、“十四五”时期主要目标任务"]
    assert paragraphs[-1]["text"].endswith("加快推进重要生态屏障建设，构建以国家公园为主体的自然保护地体系。")
