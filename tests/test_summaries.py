"""Summaries answer the first questions: last year's headline result and this year's target
first, full sentences that stand on their own, no summary of the 'other' theme unless asked."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

from devzone import Analyzer, Options
from devzone.ranking.keywords import ONCE_WEIGHT, WordCounts

from .conftest import seed
from .test_structure import PROVINCE

CONNECTIVE = re.compile(r"^(其中|同时|此外|另外|对此|为此|这|上述)")


def _summary(text: str, **options) -> dict:
    return Analyzer(Options(**options)).analyse_text(text, source="r.txt").to_dict()


def test_the_headline_result_and_the_target_open_the_summary():
    r = _summary(PROVINCE)
    texts = [s["text"] for s in r["summary"]]
    assert any("地区生产总值增长5.5%" in t for t in texts)  # last year's result
    assert any("地区生产总值增长5%左右" in t for t in texts)  # this year's target


def test_seed_002_headline_result_is_in_the_summary():
    r = Analyzer().analyse(seed("002")).to_dict()
    assert any("107.92亿元" in s["text"] for s in r["summary"])


def test_summary_units_are_full_sentences_and_never_lean_on_the_one_before():
    for key in ("000", "001", "002", "003", "004"):
        r = Analyzer(Options(top_k=10)).analyse(seed(key)).to_dict()
        for s in r["summary"] + [s for t in r["themes"].values() for s in t["summary"]]:
            assert not CONNECTIVE.match(s["text"]), s["text"]
            paragraph = r["paragraphs"][s["paragraph"]]["text"]
            assert paragraph[s["start"]:s["end"]] == s["text"]
            # a unit ends a sentence, unless it is a clause of one too long to take whole
            if not re.search(r"[。！？!?][”’」』\"']*$", s["text"]):
                sentence_end = re.search(r"[。！？!?]", paragraph[s["start"]:])
                assert sentence_end is None or sentence_end.start() > 200 or s["end"] == len(paragraph)


def test_no_summary_of_the_other_theme_unless_asked():
    text = seed("004").read_text(encoding="utf-8")
    default = _summary(text)
    every = _summary(text, theme_summaries="all")
    if "other" in default["themes"]:
        assert default["themes"]["other"]["summary"] == []
        assert default["themes"]["other"]["keywords"] == every["themes"]["other"]["keywords"]
        assert every["themes"]["other"]["summary"]
    assert all(t["summary"] for name, t in default["themes"].items() if name != "other")


def test_keywords_rank_by_the_formula_with_ties_broken_by_the_word():
    # WordCounts ranks with array operations; the contract is the plain formula,
    # (1 + log c) * idf * c / count in the report, a word said once weighing ONCE_WEIGHT of
    # that, best first, ties by the word; only the lexicon's terms and the user's words count.
    analyzer = Analyzer()
    idf = analyzer.lexicon.keyword_idf
    rng = random.Random(7)
    for name in ("000", "002", "004"):
        document = analyzer.analyse(seed(name)).document
        tokens = [list(w.words) for w in document.words]
        counts = WordCounts(tokens, idf)
        everywhere = Counter(w for t in tokens for w in t if w in idf)
        for _ in range(20):
            units = sorted(rng.sample(range(len(tokens)), rng.randint(1, len(tokens))))
            inside = Counter(w for u in units for w in tokens[u] if w in idf)
            score = {w: (1.0 if c >= 2 else ONCE_WEIGHT) * (1 + math.log(c)) * idf[w] * c / everywhere[w]
                     for w, c in inside.items()}
            expected = sorted(inside, key=lambda w: (-score[w], w))
            assert counts.keywords(units, k=8) == tuple(expected[:8])
    assert WordCounts([["unknownword"]], idf).keywords([0]) == ()


def test_keywords_are_terms_never_numerals_idioms_or_verbs():
    idf = Analyzer().lexicon.keyword_idf
    for word in ("一枚", "三张", "第三轮", "万余户", "责无旁贷", "填表"):
        assert word not in idf, word
    for word in ("泥石流", "游艇", "零关税", "科尔沁沙地"):
        assert word in idf, word


def test_a_long_list_of_targets_is_summarised_whole_not_cut_at_its_first_clause():
    # Readers take the targets sentence whole; cut at its first ； it would state one target.
    targets = ("今年经济社会发展主要预期目标是：地区生产总值增长5%左右；规模以上工业增加值增长6%左右；"
               "固定资产投资增长5%左右；社会消费品零售总额增长5%左右；进出口总额稳量提质；"
               "地方一般公共预算收入增长3%；城镇新增就业85万人以上，城镇调查失业率5.5%左右；"
               "居民人均可支配收入增长与经济增长同步；居民消费价格涨幅2%左右；粮食产量稳定在700亿斤以上；"
               "单位地区生产总值能耗下降2.5%左右，主要污染物排放量继续下降，生态环境质量持续改善，"
               "全面完成国家下达的节能减排降碳约束性指标任务。")
    assert 220 < len(targets) <= 400
    text = PROVINCE.replace("今年经济社会发展主要预期目标是：地区生产总值增长5%左右，城镇新增就业85万人以上。", targets)
    r = _summary(text)
    picked = [s["text"] for s in r["summary"] if "预期目标" in s["text"]]
    assert picked == [targets]
    s = next(s for s in r["summary"] if s["text"] == targets)
    assert r["paragraphs"][s["paragraph"]]["text"][s["start"]:s["end"]] == targets


def test_a_growth_target_the_figures_stage_cannot_read_still_opens_a_report_without_a_targets_part():
    # The national reports of the 1990s set the year's growth in the plan, in words of their own.
    text = ("各位代表：\n\n现在，我代表国务院向大会作政府工作报告，请予审议。\n\n一、1994年国内工作的回顾\n\n"
            "国内生产总值达到43800亿元，比上年增长11.8%。全年进出口总额2367亿美元，增长20.9%。\n\n"
            "全年城镇新建住宅2亿平方米，农村新建住房5.8亿平方米，城乡居民收入分别增长8.8%和5%。\n\n"
            "二、促进国民经济持续、快速、健康发展\n\n"
            "综合分析各方面的条件，今年经济增长速度的宏观调控目标，定为百分之八至九。"
            "实现较快的经济增长是有可能的。\n\n"
            "力争粮食产量达到4550亿公斤以上，新建铁路1200公里、公路1.5万公里，新增发电装机1500万千瓦。\n\n"
            "全社会固定资产投资1.5万亿元，其中国有单位投资1.1万亿元，新开工大中型项目控制在120个。\n\n"
            "三、深化经济体制改革\n\n"
            "今年要进一步深化财税、金融、投资和外贸体制改革，推进国有企业建立现代企业制度，完成100户试点。\n")
    r = _summary(text, top_k=6)
    assert any("宏观调控目标，定为百分之八至九" in s["text"] for s in r["summary"])


def test_a_sentence_that_only_says_a_target_again_is_not_picked_after_the_list_of_targets():
    # national 2024: 经济增长预期目标为5%左右，考虑了… explains the list's first target.
    again = "经济增长预期目标为5%左右，考虑了促进就业增收、防范化解风险等需要，也考虑了经济增长潜力和支撑条件。"
    text = PROVINCE.replace("城镇新增就业85万人以上。", "城镇新增就业85万人以上。\n" + again)
    r = _summary(text, top_k=6)
    assert any("主要预期目标是" in s["text"] for s in r["summary"])
    assert again not in [s["text"] for s in r["summary"]]
    assert again in [p["text"] for p in r["paragraphs"]]  # still there, just not said twice


def test_figures_in_full_width_forms_or_in_words_count_as_figures():
    from devzone.ranking.informativeness import informativeness
    plain = informativeness("全年工业企业实现利润2202亿元，比上年增长52%。")
    assert informativeness("全年工业企业实现利润2202亿元，比上年增长52％。") == plain
    assert informativeness("全国工业增加值增长百分之二十一点一，钢产量大幅度增加。") > informativeness(
        "全国工业增加值大幅增长，钢产量大幅度增加。")
    # the 1950s write quantities in words; 两个, 三年 are words, and 1.4万亿斤 is counted once
    assert informativeness("每人收入八十五元左右，农业产值达到七百八十三亿元。") > informativeness(
        "每人收入有所增加，农业产值有较大增长的情况。") + 0.3
    assert informativeness("坚持两个毫不动摇，实施三年行动。") == informativeness("坚持这些毫不动摇，实施这项行动。")
    assert informativeness("粮食产量1.4万亿斤。") == informativeness("粮食产量14.2亿斤。")


def test_a_short_sentence_without_a_number_is_never_in_a_summary():
    # 在经济发展的同时，改革继续推进。: a topic line, which readers never pick.
    text = PROVINCE.replace("持续整治形式主义为基层减负。", "持续整治形式主义为基层减负。\n在经济发展的同时，改革继续推进。")
    for options in ({"top_k": 6}, {"top_k": 12, "theme_top_k": 6}):
        r = _summary(text, **options)
        said = [s["text"] for s in r["summary"]] + [s["text"] for t in r["themes"].values() for s in t["summary"]]
        assert "在经济发展的同时，改革继续推进。" not in said
