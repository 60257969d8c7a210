"""Key figures: number forms, modifiers, kind and period, provenance, on sentences and on
the seed and tune reports."""

from __future__ import annotations

import dataclasses
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from devzone import Analyzer
from devzone.stages.figures import Figure, extract_figures, headline_figures, load_indicators, parse_number

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORE = {"gdp_growth", "gdp_total", "budget_revenue_growth", "urban_new_jobs", "unemployment_rate", "cpi",
        "income_growth"}


def figures(text: str | list[str], year: int | None = 2025, parts=None, national: bool = False) -> list[Figure]:
    paragraphs = [text] if isinstance(text, str) else text
    found, _ = extract_figures(paragraphs, year, parts, national)
    check_provenance(paragraphs, found)
    return found


def one(text: str, year: int | None = 2025, parts=None) -> Figure:
    found = figures(text, year, parts)
    assert len(found) == 1, found
    return found[0]


def check_provenance(paragraphs: list[str], found: list[Figure]) -> None:
    for figure in found:
        assert paragraphs[figure.paragraph][figure.start:figure.end] == figure.text
        assert figure.text and figure.text == figure.text.strip()
        assert not any(mark in figure.text for mark in "。！？；")


def seed_paragraphs(prefix: str) -> list[str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def by_indicator(found: list[Figure], indicator: str, kind: str | None = None) -> list[Figure]:
    return [f for f in found if f.indicator == indicator and (kind is None or f.kind == kind)]


# ---------------------------------------------------------------- the table
def test_indicator_table_has_core_ids_and_valid_rows():
    raw = json.loads((ROOT / "cli" / "data" / "indicators.json").read_text(encoding="utf-8"))
    ids = [row["id"] for row in raw]
    assert len(ids) == len(set(ids))
    assert CORE <= set(ids)
    assert {"fixed_asset_investment_growth", "retail_sales_growth", "industrial_value_added_growth",
            "foreign_trade_growth", "foreign_trade_total", "foreign_investment_used", "grain_output", "pm25",
            "energy_intensity", "budget_revenue_total", "rd_intensity"} <= set(ids)
    for row in raw:
        assert set(row) - {"national_aliases", "stands_in_for"} == {"id", "name_zh", "core", "aliases",
                                                                    "kind_of_value", "base_unit"}
        assert row["kind_of_value"] in ("growth", "level", "rate", "count")
        assert row["aliases"] and len(row["aliases"]) == len(set(row["aliases"]))
    assert {row["id"] for row in raw if row["core"]} == CORE
    aliases = {row["id"]: set(row["aliases"]) for row in raw}
    assert {"地区生产总值", "全省生产总值", "全市生产总值", "全区生产总值", "生产总值", "GDP", "经济增长"} <= aliases["gdp_growth"]
    assert {"地区生产总值", "经济总量"} <= aliases["gdp_total"]
    assert {"一般公共预算收入", "地方一般公共预算收入"} <= aliases["budget_revenue_growth"]
    assert {"城镇新增就业", "新增城镇就业"} <= aliases["urban_new_jobs"]
    assert "城镇调查失业率" in aliases["unemployment_rate"]
    assert {"居民消费价格", "CPI"} <= aliases["cpi"]
    assert "居民人均可支配收入" in aliases["income_growth"]
    assert [i.id for i in load_indicators()] == ids
    stands_in = {row["id"]: row["stands_in_for"] for row in raw if "stands_in_for" in row}
    assert set(stands_in.values()) <= CORE and not set(stands_in) & CORE
    kinds = {row["id"]: row["kind_of_value"] for row in raw}
    assert all(kinds[stand_in] == kinds[core] for stand_in, core in stands_in.items())


def test_figure_fields_are_exactly_the_documented_ones():
    names = [f.name for f in dataclasses.fields(Figure)]
    assert names == ["indicator", "name", "kind", "period", "value", "low", "high", "unit", "modifier",
                     "base_value", "base_unit", "paragraph", "start", "end", "text", "flags"]
    figure = one("地区生产总值增长5%")
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.value = 6  # type: ignore[misc]


# ---------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    "span, expected",
    [("5", 5.0), ("5.5", 5.5), ("1,234.5", 1234.5), ("12,345,678", 12345678.0), ("１２．５", 12.5),
     ("百分之六点五", 6.5), ("六点五", 6.5), ("两千", 2000.0), ("一万二千", 12000.0), ("十", 10.0),
     ("一百零八", 108.0), ("零点五", 0.5), ("三万亿", 3e12), ("1.2万", 12000.0), ("10.3万亿", 1.03e13),
     ("5%", 5.0), ("-2.1", -2.1)],
)
def test_parse_number_reads(span, expected):
    assert parse_number(span) == pytest.approx(expected)


@pytest.mark.parametrize("span", ["", "几十", "数百", "abc", "一带一路", "1,23", "5.5.5", "万"])
def test_parse_number_gives_none_when_unreadable(span):
    assert parse_number(span) is None


def _cn2an_normal(span: str):
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(span, "normal")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def test_chinese_numerals_read_as_cn2an_reads_every_numeral_of_the_corpus_and_seeds():
    # devzone reads Chinese numerals itself (cn2an costs 80 ms of regex compiling at import);
    # every span that the figures stage could hand over must get cn2an's answer, value and
    # refusal alike.
    pytest.importorskip("cn2an")
    from devzone.numerals import chinese_numeral
    from devzone.stages.figures import _CN_NUMERAL_RE

    labeled = (ROOT / "labels" / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in labeled]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((SHARED / "corpus").glob("*/*.txt"))]
    spans = {m.group() for text in texts for m in _CN_NUMERAL_RE.finditer(text)}
    assert len(spans) > 100
    different = [(s, chinese_numeral(s), _cn2an_normal(s)) for s in sorted(spans)
                 if chinese_numeral(s) != _cn2an_normal(s)]
    assert different == []


def test_chinese_numerals_read_as_cn2an_reads_generated_ones():
    pytest.importorskip("cn2an")
    import random

    import cn2an
    from devzone.numerals import chinese_numeral

    rng = random.Random(7)
    alphabet = "零〇一二两三四五六七八九十百千万亿点"
    spans = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(20000)]
    spans += [cn2an.an2cn(str(n)) for n in [*range(0, 3000), *(rng.randint(0, 10**12) for _ in range(3000))]]
    spans += [cn2an.an2cn(f"{rng.randint(0, 9999)}.{rng.randint(0, 999)}") for _ in range(500)]
    spans += ["一万二", "两千三", "三百四", "十三万六", "十万零一千", "一千二十", "一百十", "一九五八", "五亿二千"]
    different = [(s, chinese_numeral(s), _cn2an_normal(s)) for s in spans
                 if not s.startswith("点") and chinese_numeral(s) != _cn2an_normal(s)]
    assert different == []


@pytest.mark.parametrize("span, value", [("两千", 2000), ("一万二千", 12000), ("一万二", 12000), ("六点五", Decimal("6.5")),
                                         ("一九五八", 1958), ("十二", 12), ("一百零五", 105), ("五亿二千", None)])
def test_chinese_numerals_values(span, value):
    from devzone.numerals import chinese_numeral

    assert chinese_numeral(span) == value


def test_words_with_numerals_are_left_alone():
    text = "共建一带一路，一二三产协同，地区生产总值增长5%"
    figure = one(text)
    assert figure.text == text and figure.value == 5.0


# ---------------------------------------------------------------- values, units, modifiers
@pytest.mark.parametrize(
    "text, value, unit, base_value, base_unit",
    [("地区生产总值增长5.5%", 5.5, "%", 5.5, "%"),
     ("地区生产总值增长５．５％", 5.5, "%", 5.5, "%"),
     ("地区生产总值增长百分之六点五", 6.5, "%", 6.5, "%"),
     ("地区生产总值达到10.3万亿元", 10.3, "万亿元", 1.03e13, "元"),
     ("全省生产总值达到4.72万亿元", 4.72, "万亿元", 4.72e12, "元"),
     ("全市地区生产总值1,686亿元", 1686.0, "亿元", 1.686e11, "元"),
     ("一般公共预算收入两千亿元", 2000.0, "亿元", 2e11, "元"),
     ("地区生产总值三万亿元", 3.0, "万亿元", 3e12, "元"),
     ("城镇新增就业一万二千人", 12000.0, "人", 12000.0, "人"),
     ("城镇新增就业1.58万人", 1.58, "万人", 15800.0, "人"),
     ("实际使用外资8.4亿美元", 8.4, "亿美元", 8.4e8, "美元"),
     ("粮食产量1300万吨", 1300.0, "万吨", 1.3e7, "吨"),
     ("粮食产量500亿斤", 500.0, "亿斤", 2.5e7, "吨"),
     ("PM2.5平均浓度35.2微克/立方米", 35.2, "微克/立方米", 35.2, "微克/立方米")],
)
def test_values_units_and_base_units(text, value, unit, base_value, base_unit):
    figure = one(text)
    assert (figure.value, figure.unit, figure.base_unit) == (value, unit, base_unit)
    assert figure.base_value == pytest.approx(base_value)
    assert figure.modifier == "point" and figure.low is None and figure.high is None


@pytest.mark.parametrize("text", ["地区生产总值增长5%—5.5%", "地区生产总值增长5%-5.5%", "地区生产总值增长5%～5.5%",
                                  "地区生产总值增长5至5.5%", "地区生产总值增长5%到5.5%", "地区生产总值增长5-5.5%"])
def test_ranges(text):
    figure = one(text)
    assert (figure.indicator, figure.modifier, figure.value, figure.low, figure.high, figure.unit) == \
        ("gdp_growth", "range", None, 5.0, 5.5, "%")


@pytest.mark.parametrize(
    "text, indicator, value, modifier",
    [("地区生产总值增长5%左右", "gdp_growth", 5.0, "about"),
     ("居民消费价格涨幅3%左右", "cpi", 3.0, "about"),
     ("地区生产总值增长5%以上", "gdp_growth", 5.0, "at_least"),
     ("一般公共预算收入增长不低于3%", "budget_revenue_growth", 3.0, "at_least"),
     ("城镇新增就业超过30万人", "urban_new_jobs", 30.0, "at_least"),
     ("城镇新增就业超143万人", "urban_new_jobs", 143.0, "at_least"),
     ("全年新增城镇就业4.5万余人", "urban_new_jobs", 4.5, "at_least"),
     ("城镇调查失业率5.5%以内", "unemployment_rate", 5.5, "at_most"),
     ("城镇调查失业率控制在5.5%以内", "unemployment_rate", 5.5, "at_most"),
     ("城镇调查失业率控制在5.5%", "unemployment_rate", 5.5, "at_most"),
     ("城镇调查失业率控制在5.5%左右", "unemployment_rate", 5.5, "about"),
     ("居民消费价格涨幅不超过3%", "cpi", 3.0, "at_most"),
     ("居民消费价格指数涨幅控制在3%以下", "cpi", 3.0, "at_most"),
     ("PM2.5年均浓度低于30微克/立方米", "pm25", 30.0, "at_most"),
     ("城镇调查失业率平均为5.2%", "unemployment_rate", 5.2, "point")],
)
def test_modifiers(text, indicator, value, modifier):
    figure = one(text)
    assert (figure.indicator, figure.value, figure.modifier) == (indicator, value, modifier)


def test_at_least_jobs_in_base_units():
    figure = one("城镇新增就业60万人以上", parts=["targets"])
    assert (figure.indicator, figure.kind, figure.value, figure.unit, figure.modifier) == \
        ("urban_new_jobs", "target", 60.0, "万人", "at_least")
    assert (figure.base_value, figure.base_unit) == (600000.0, "人")


@pytest.mark.parametrize(
    "text",
    ["居民收入增长与经济增长同步", "居民人均可支配收入增长与经济增长基本同步", "全体居民人均可支配收入与经济增长保持同步",
     "居民收入同步增长", "居民人均可支配收入增长高于经济增速"],
)
def test_in_step_targets_have_no_value(text):
    figure = one(text, parts=["targets"])
    assert (figure.indicator, figure.modifier, figure.kind) == ("income_growth", "in_step", "target")
    assert figure.value is figure.low is figure.high is figure.base_value is None


@pytest.mark.parametrize(
    "text, indicator, value",
    [("一般公共预算收入下降2.1%", "budget_revenue_growth", -2.1),
     ("规模以上工业增加值同比下降2%", "industrial_value_added_growth", -2.0),
     ("社会消费品零售总额回落1.5%", "retail_sales_growth", -1.5),
     ("一般公共预算收入减少3%", "budget_revenue_growth", -3.0),
     ("单位地区生产总值能耗降低3%以上", "energy_intensity", -3.0),
     ("地区生产总值增长-0.5%", "gdp_growth", -0.5)],
)
def test_falls_are_negative(text, indicator, value):
    figure = one(text)
    assert (figure.indicator, figure.value, figure.base_value) == (indicator, value, value)


def test_set_to_verbs_are_not_falls():
    figure = one("PM2.5年均浓度降至38微克/立方米以下")
    assert (figure.indicator, figure.value, figure.modifier) == ("pm25", 38.0, "at_most")


@pytest.mark.parametrize(
    "text, indicator, modifier",
    [("居民消费价格与上年持平", "cpi", "point"), ("规模以上工业增加值与上年持平", "industrial_value_added_growth", "point"),
     ("一般公共预算收入与上年基本持平", "budget_revenue_growth", "about")],
)
def test_flat_is_zero(text, indicator, modifier):
    figure = one(text)
    assert (figure.indicator, figure.value, figure.unit, figure.modifier) == (indicator, 0.0, "%", modifier)


def test_percentage_points_for_rates():
    figure = one("城镇调查失业率下降0.2个百分点")
    assert (figure.indicator, figure.value, figure.unit, figure.base_unit) == \
        ("unemployment_rate", -0.2, "个百分点", "个百分点")


def test_a_change_of_a_growth_rate_is_no_growth_figure():
    found = figures("全年地区生产总值增长5.6%，比上年提高3.6个百分点")
    assert [(f.indicator, f.value) for f in found] == [("gdp_growth", 5.6)]


# ---------------------------------------------------------------- what is and is not a figure
def test_level_and_growth_sharing_a_name():
    found = figures("全年生产总值6.36万亿元、增长5.1%，社会消费品零售总额2.76万亿元增长6.1%")
    assert [(f.indicator, f.value, f.unit) for f in found] == [
        ("gdp_total", 6.36, "万亿元"), ("gdp_growth", 5.1, "%"),
        ("retail_sales_total", 2.76, "万亿元"), ("retail_sales_growth", 6.1, "%")]
    found = figures("开发区前三季度地区生产总值完成107.92亿元，同比增长3.4%")
    assert [(f.indicator, f.value) for f in found] == [("gdp_total", 107.92), ("gdp_growth", 3.4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # city reports of the corpus (outside the reference sets) that state level and growth
        # around a milestone, a ranking, a note or the basis of the rate
        ("地区生产总值突破6000亿元，达到6105亿元、增长6.3%，主要经济指标增幅高于全省平均水平。",
         [("gdp_total", 6105.0), ("gdp_growth", 6.3)]),
        ("地区生产总值迈上3万亿元新台阶、达到30145.79亿元、增长6.1%", [("gdp_total", 30145.79), ("gdp_growth", 6.1)]),
        ("GDP总量实现1035.61亿元，首次突破1000亿元大关，增长8.6%，增速排全区第一；",
         [("gdp_total", 1035.61), ("gdp_growth", 8.6)]),
        ("地区生产总值再上新台阶，达到4015亿元，增长5.8%；", [("gdp_total", 4015.0), ("gdp_growth", 5.8)]),
        ("地区生产总值突破“五百亿”、达513.35亿元，增长6.2%、高于全省0.2个百分点；",
         [("gdp_total", 513.35), ("gdp_growth", 6.2)]),
        ("全市地区生产总值达到2920亿元、总量居全省第5位，增长6.7%、增速居全省第4位。",
         [("gdp_total", 2920.0), ("gdp_growth", 6.7)]),
        ("全市实现地区生产总值4800亿元左右（预计数，下同），增长6%；", [("gdp_total", 4800.0), ("gdp_growth", 6.0)]),
        ("全市实现地区生产总值24653亿元，按可比价计算，增长4.6%；", [("gdp_total", 24653.0), ("gdp_growth", 4.6)]),
        ("地方一般公共预算收入突破300亿元大关、达313.9亿元、增长13.8%；",
         [("budget_revenue_total", 313.9), ("budget_revenue_growth", 13.8)]),
        # what follows a milestone is read only when it continues the chain
        ("地区生产总值突破6000亿元，工业增加值增长8%。", [("industrial_value_added_growth", 8.0)]),
        ("一般公共预算收入47.09亿元，其中税收完成21.35亿元，增长2.1%。", [("budget_revenue_total", 47.09)]),
    ],
)
def test_a_chain_reads_on_past_milestones_rankings_and_notes(text, expected):
    found = figures(text, 2024)
    assert [(f.indicator, f.value) for f in found] == expected
    check_provenance([text], found)


def test_names_before_a_respectively_list_start_after_the_figures_before_them():
    text = ("固定资产投资增长12.6%、社会消费品零售总额增长19.2%、一般公共预算收入增长17.5%、"
            "城乡居民人均可支配收入分别增长6.0%、8.3%。")
    found = figures(text, 2024)
    assert [(f.indicator, f.value) for f in found] == [
        ("fixed_asset_investment_growth", 12.6), ("retail_sales_growth", 19.2), ("budget_revenue_growth", 17.5),
        ("urban_income_growth", 6.0), ("rural_income_growth", 8.3)]


@pytest.mark.parametrize(
    "text",
    ["全省经济总量迈上4000亿元台阶", "经济总量突破5万亿元", "预计全省地区生产总值迈上14万亿元新台阶",
     "地区生产总值跨上5万亿元台阶"],
)
def test_milestones_are_not_levels(text):
    assert figures(text) == []


def test_milestone_after_growth_keeps_the_growth():
    found = figures("全疆地区生产总值同比增长6.1%、突破2万亿元大关")
    assert [(f.indicator, f.value) for f in found] == [("gdp_growth", 6.1)]


@pytest.mark.parametrize(
    "text",
    ["成都市地区生产总值增长6%", "海洋生产总值增长10.4%", "县域经济总量占全省经济总量比重达63%左右",
     "工业增加值占地区生产总值的41.4%", "工业对GDP增长贡献率45%", "对经济增长贡献率达到47.8%",
     "民营规上工业增加值增长9%", "开发区亩均工业增加值增长9.94%", "服务进出口总额54.8亿元", "对东盟进出口增长16.5%",
     "脱贫地区农村居民人均可支配收入增长6.8%", "生产总值超200亿元县(区)达26个", "实现地区生产总值增长5%的预期目标",
     "人均地区生产总值突破10万元", "社会物流总费用与生产总值的比率再下降0.3个百分点"],
)
def test_sub_units_shares_and_other_measures_are_left_out(text):
    found = figures(text)
    assert not [f for f in found if f.indicator in CORE or f.indicator in (
        "industrial_value_added_growth", "foreign_trade_growth", "foreign_trade_total", "rural_income_growth")]


def test_urban_and_rural_income_are_not_income_growth():
    found = figures("城乡居民人均可支配收入分别增长4.8%和6.7%")
    assert [(f.indicator, f.value) for f in found] == [("urban_income_growth", 4.8), ("rural_income_growth", 6.7)]
    found = figures("城镇、农村居民人均可支配收入分别增长5%、6.5%左右")
    assert [(f.indicator, f.value, f.modifier) for f in found] == [
        ("urban_income_growth", 5.0, "about"), ("rural_income_growth", 6.5, "about")]


def test_respectively_lists():
    found = figures("城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内")
    assert [(f.indicator, f.value, f.modifier) for f in found] == [
        ("unemployment_rate", 5.0, "at_most"), ("cpi", 3.0, "at_most")]
    found = figures("一般公共预算总收入、地方一般公共预算收入分别增长5.6%和5.5%")
    assert [(f.indicator, f.value) for f in by_indicator(found, "budget_revenue_growth")] == [
        ("budget_revenue_growth", 5.5)]
    found = figures("城镇和农村常住居民人均可支配收入分别达到45877元和22990元，同比分别增长5.7%和8.5%")
    assert [(f.indicator, f.value) for f in found] == [
        ("urban_income_per_capita", 45877.0), ("rural_income_per_capita", 22990.0),
        ("urban_income_growth", 5.7), ("rural_income_growth", 8.5)]


def test_unreadable_numbers_are_counted_not_guessed():
    for text in ("地区生产总值增长1倍", "地区生产总值增长几个百分点", "居民消费价格指数为2.1"):
        found, skipped = extract_figures([text], 2025)
        assert (found, skipped) == ([], 1), text
    found, skipped = extract_figures(["城镇新增就业、新增发放创业担保贷款分别完成年计划的113.4%、256.1%"], 2025)
    assert (found, skipped) == ([], 1)
    assert extract_figures(["固定资产投资累计同比增速2023年8月实现由负转正"], 2024) == ([], 0)


def test_a_price_index_is_read_as_written_and_as_a_rise():
    (cpi,), skipped = extract_figures(["今年主要预期目标是：居民消费价格指数控制在103左右。"], 2024)
    assert (cpi.indicator, cpi.kind, cpi.value, cpi.unit, cpi.modifier) == ("cpi", "target", 103.0, "", "about")
    assert (cpi.base_value, cpi.base_unit, skipped) == (3.0, "%", 0)


def test_a_margin_over_the_province_is_a_growth_target_in_points():
    found, _ = extract_figures(["今年主要目标是：地区生产总值增速高于全省1个百分点左右，力争高于全省2个百分点；"
                                "城镇新增就业5.5万人以上。"], 2024)
    assert [(f.indicator, f.kind, f.value, f.unit, f.modifier) for f in found][0] == (
        "gdp_growth", "target", 1.0, "个百分点", "about")
    # in a review it is no figure: a result gives its own rate
    found, _ = extract_figures(["去年地区生产总值增速高于全省1.2个百分点。"], 2024, ["review"])
    assert found == []


@pytest.mark.parametrize("text, value, flagged", [("地区生产总值增长150%", 150.0, True), ("城镇调查失业率55%", 55.0, True),
                                                   ("居民消费价格上涨60%", 60.0, True), ("地区生产总值增长95%", 95.0, False),
                                                   ("城镇调查失业率5.5%", 5.5, False)])
def test_implausible_values_are_kept_and_flagged(text, value, flagged):
    figure = one(text)
    assert figure.value == value  # kept as written
    assert figure.flags == (("implausible",) if flagged else ())


# ---------------------------------------------------------------- kind and period
def test_parts_decide_the_kind():
    paragraphs = ["全省地区生产总值增长5.4%", "地区生产总值增长5%左右"]
    review, target = figures(paragraphs, 2025, ["review", "targets"])
    assert (review.kind, review.period) == ("achieved", "2024")
    assert (target.kind, target.period, target.modifier) == ("target", "2025", "about")
    assert figures(["地区生产总值增长5%左右"], 2025, ["plan"])[0].kind == "target"


def test_cues_decide_the_kind_without_parts():
    paragraphs = ["过去一年，全省地区生产总值增长5.4%，一般公共预算收入增长3%。",
                  "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，居民消费价格涨幅2%左右，城镇调查失业率5.5%左右。",
                  "实施就业优先战略，城镇新增就业40万人以上。",
                  "力争全社会研发投入强度达到2.6%。"]
    found = figures(paragraphs, 2025)
    assert [(f.indicator, f.kind, f.period) for f in found] == [
        ("gdp_growth", "achieved", "2024"), ("budget_revenue_growth", "achieved", "2024"),
        ("gdp_growth", "target", "2025"), ("cpi", "target", "2025"), ("unemployment_rate", "target", "2025"),
        ("urban_new_jobs", "target", "2025"), ("rd_intensity", "target", "2025")]


@pytest.mark.parametrize(
    "text, year, kind, period",
    [("2023年，全市地区生产总值增长5.8%", 2024, "achieved", "2023"),
     ("2025年全市地区生产总值增长6%以上", 2025, "target", "2025"),
     ("到2027年，地区生产总值达到1万亿元", 2025, "target", "2027"),
     ("前三季度，地区生产总值增长5%", 2025, "achieved", "2024-Q1-Q3"),
     ("2024年上半年，地区生产总值增长5%", 2025, "achieved", "2024-H1"),
     ("一季度地区生产总值增长6%", 2025, "achieved", "2024-Q1"),
     ("“十四五”以来，全市地区生产总值年均增长5.5%", 2025, "achieved", "2021-2024"),
     ("过去五年，地区生产总值年均增长6.2%", 2026, "achieved", "2021-2025"),
     ("五年来，地区生产总值年均增长6.2%", 2023, "achieved", "2018-2022"),
     ("力争地区生产总值增长6%", 2024, "target", "2024"),
     ("地区生产总值增长5%", None, "achieved", None),
     ("地区生产总值增长5%左右", None, "achieved", None)],
)
def test_period(text, year, kind, period):
    figure = one(text, year)
    assert (figure.kind, figure.period) == (kind, period)


def test_a_current_year_review_is_of_the_report_year():
    paragraphs = ["今年以来，开发区聚焦项目建设。", "上半年，地区生产总值实现62.74亿元，比一季度回升2.4个百分点。城镇新增就业500人。"]
    found = figures(paragraphs, 2020)
    assert [(f.indicator, f.kind, f.period) for f in found] == [
        ("gdp_total", "achieved", "2020-H1"), ("urban_new_jobs", "achieved", "2020-H1")]


def test_document_order_and_provenance_across_paragraphs():
    paragraphs = ["一、过去一年工作回顾", "全市地区生产总值增长5.8%。城镇新增就业1.5万人；城镇调查失业率5.2%。",
                  "主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%左右。"]
    found = figures(paragraphs, 2024)
    assert [(f.paragraph, f.indicator) for f in found] == [
        (1, "gdp_growth"), (1, "urban_new_jobs"), (1, "unemployment_rate"), (2, "gdp_growth"),
        (2, "budget_revenue_growth")]
    assert [f.text for f in found] == ["全市地区生产总值增长5.8%", "城镇新增就业1.5万人", "城镇调查失业率5.2%",
                                       "主要预期目标是：地区生产总值增长6%左右", "一般公共预算收入增长5%左右"]


# ---------------------------------------------------------------- the seeds
def test_seed_002_review_of_the_first_three_quarters():
    paragraphs = seed_paragraphs("002")  # written in late 2022 (党的二十大, 筹办2022年…)
    found, skipped = extract_figures(paragraphs, 2022)
    check_provenance(paragraphs, found)
    assert skipped == 0
    gdp_total, = by_indicator(found, "gdp_total")
    assert (gdp_total.kind, gdp_total.period, gdp_total.value, gdp_total.unit) == \
        ("achieved", "2022-Q1-Q3", 107.92, "亿元")
    assert gdp_total.base_value == pytest.approx(1.0792e10)
    assert "107.92亿元" in gdp_total.text
    gdp_growth, = by_indicator(found, "gdp_growth")
    assert (gdp_growth.kind, gdp_growth.period, gdp_growth.value, gdp_growth.modifier) == \
        ("achieved", "2022-Q1-Q3", 3.4, "point")
    assert [f.value for f in by_indicator(found, "budget_revenue_growth")] == [-5.0]
    assert [f.value for f in by_indicator(found, "budget_revenue_total")] == [7.34]
    assert [f.value for f in by_indicator(found, "industrial_value_added_growth")] == [-2.0]
    jobs, = by_indicator(found, "urban_new_jobs")
    assert (jobs.value, jobs.unit, jobs.base_value, jobs.period) == (773.0, "人", 773.0, "2022")
    assert not by_indicator(found, "income_growth")  # urban and rural incomes are separate
    assert [f.value for f in by_indicator(found, "urban_income_growth")] == [6.0]
    assert [f.value for f in by_indicator(found, "rural_income_growth")] == [8.1]
    assert {f.kind for f in found} == {"achieved"}


def test_seed_000_first_half_level_only():
    paragraphs = seed_paragraphs("000")  # mid-2020 (六稳六保, 计划2020年10月启动建设)
    found = figures(paragraphs, 2020)
    gdp_total, = by_indicator(found, "gdp_total")
    assert (gdp_total.value, gdp_total.unit, gdp_total.period, gdp_total.kind) == (62.74, "亿元", "2020-H1", "achieved")
    assert not by_indicator(found, "gdp_growth")  # 比一季度回升2.4个百分点 is no growth rate
    assert not by_indicator(found, "income_growth")


def test_seed_004_results_and_targets():
    paragraphs = seed_paragraphs("004")  # 通辽市, early 2025
    found = figures(paragraphs, 2025)
    gdp_total, = by_indicator(found, "gdp_total")
    assert (gdp_total.kind, gdp_total.period, gdp_total.value, gdp_total.unit) == ("achieved", "2024", 1686.0, "亿元")
    assert [(f.kind, f.period, f.value) for f in by_indicator(found, "budget_revenue_growth")] == [
        ("achieved", "2024", 8.6), ("target", "2025", 8.0)]
    jobs, = by_indicator(found, "urban_new_jobs")
    assert (jobs.value, jobs.unit, jobs.base_value, jobs.kind) == (1.58, "万人", 15800.0, "achieved")
    target, = by_indicator(found, "gdp_growth")
    assert (target.kind, target.period, target.value, target.modifier) == ("target", "2025", 6.0, "at_least")
    assert [(f.kind, f.value) for f in by_indicator(found, "fixed_asset_investment_growth")] == [
        ("achieved", 20.8), ("target", 15.0)]
    assert [(f.kind, f.value) for f in by_indicator(found, "urban_income_growth")] == [
        ("achieved", 4.8), ("target", 6.0)]
    assert [(f.kind, f.value) for f in by_indicator(found, "rural_income_growth")] == [
        ("achieved", 6.7), ("target", 6.5)]
    assert not by_indicator(found, "income_growth")


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seeds_without_key_figures(prefix):
    assert figures(seed_paragraphs(prefix), 2025) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_figure_is_traceable(prefix):
    paragraphs = seed_paragraphs(prefix)
    found, _ = extract_figures(paragraphs, 2025)
    check_provenance(paragraphs, found)
    assert [(f.paragraph, f.start) for f in found] == sorted((f.paragraph, f.start) for f in found)


# ---------------------------------------------------------------- tune reports, as read
def tune_report(name: str) -> list[str]:
    path = SHARED / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


TUNE_EXPECTED = {
    # report: (year, figures a reader lists: indicator, kind, value (None: in_step), modifier)
    "province-2025/天津市.txt": (2025, [
        ("gdp_growth", "achieved", 5.1, "about"), ("budget_revenue_growth", "achieved", 5.2, "point"),
        ("unemployment_rate", "achieved", 5.2, "point"),
        ("gdp_growth", "target", 5.0, "about"), ("budget_revenue_growth", "target", 3.0, "about"),
        ("unemployment_rate", "target", 5.5, "about"), ("urban_new_jobs", "target", 30.0, "point"),
        ("cpi", "target", 2.0, "about"), ("income_growth", "target", None, "in_step")]),
    "province-2025/陕西省.txt": (2025, [
        ("gdp_total", "achieved", 35538.0, "point"), ("gdp_growth", "achieved", 5.3, "point"),
        ("unemployment_rate", "achieved", 5.3, "point"), ("income_growth", "achieved", 5.5, "point"),
        ("urban_new_jobs", "achieved", 43.4, "point"),
        ("gdp_growth", "target", 5.0, "about"), ("budget_revenue_growth", "target", 3.0, "point"),
        ("urban_new_jobs", "target", 40.0, "at_least"), ("unemployment_rate", "target", 5.5, "about"),
        ("cpi", "target", 2.0, "about")]),
    "province-2025/西藏.txt": (2025, [
        ("gdp_growth", "achieved", 6.3, "point"), ("budget_revenue_growth", "achieved", 17.1, "point"),
        ("unemployment_rate", "achieved", 5.0, "at_most"), ("cpi", "achieved", 3.0, "at_most"),
        ("urban_new_jobs", "achieved", 5.1, "point"),
        ("gdp_growth", "target", 7.0, "at_least"), ("unemployment_rate", "target", 5.0, "at_most"),
        ("cpi", "target", 3.0, "at_most")]),
    "province-2025/河南省.txt": (2025, [
        ("gdp_total", "achieved", 6.36, "point"), ("gdp_growth", "achieved", 5.1, "point"),
        ("income_growth", "achieved", 5.4, "point"), ("urban_new_jobs", "achieved", 120.0, "point"),
        ("gdp_growth", "target", 5.5, "about"), ("budget_revenue_growth", "target", 4.0, "about"),
        ("unemployment_rate", "target", 5.5, "about"), ("urban_new_jobs", "target", 110.0, "at_least"),
        ("cpi", "target", 2.0, "about"), ("income_growth", "target", None, "in_step")]),
    "city-2024/三亚.txt": (2024, [
        ("gdp_total", "achieved", 971.3, "point"), ("gdp_growth", "achieved", 12.0, "point"),
        ("urban_new_jobs", "achieved", 4.5, "at_least"), ("cpi", "achieved", 0.5, "point"),
        ("gdp_growth", "target", 8.0, "about"), ("budget_revenue_growth", "target", 8.0, "about"),
        ("cpi", "target", 3.0, "about")]),
    "city-2024/贵港.txt": (2024, [
        ("gdp_growth", "achieved", 0.1, "point"), ("budget_revenue_growth", "achieved", 3.7, "point"),
        ("income_growth", "achieved", 4.9, "point"), ("urban_new_jobs", "achieved", 2.5, "point"),
        ("gdp_growth", "target", 5.0, "about"), ("unemployment_rate", "target", 5.5, "about"),
        ("cpi", "target", 3.0, "at_most"), ("budget_revenue_growth", "target", 0.0, "about"),
        ("income_growth", "target", None, "in_step")]),
}


@pytest.mark.parametrize("report", sorted(TUNE_EXPECTED))
def test_tune_report_core_figures(report):
    year, expected = TUNE_EXPECTED[report]
    paragraphs = tune_report(report)
    found, skipped = extract_figures(paragraphs, year)
    check_provenance(paragraphs, found)
    assert skipped == 0
    core = [(f.indicator, f.kind, f.value, f.modifier) for f in found if f.indicator in CORE]
    for item in expected:
        assert item in core, item
    # in_step is a kind of target (FIGURES.md): a result stated as 与经济增长同步 is no figure
    assert not [f for f in found if f.modifier == "in_step" and f.kind == "achieved"]
    for figure in found:
        assert figure.period == str(year if figure.kind == "target" else year - 1) or figure.indicator not in CORE


def test_every_tune_report_has_its_growth_target():
    # Every tuned report whose readers recorded a growth target with a number: devzone finds
    # that target, for the same year, through the whole pipeline.
    agreed = ROOT / "labels" / "figures" / "agreed.jsonl"
    if not agreed.exists() or not (SHARED / "corpus").exists():
        pytest.skip("the reference set or the shared corpus is not here")
    rows = [json.loads(line) for line in agreed.read_text(encoding="utf-8").splitlines() if line.strip()]
    analyzer = Analyzer()
    checked = 0
    for row in rows:
        label = next((f for f in row["figures"] if f["indicator"] == "gdp_growth" and f["kind"] == "target"
                      and f["value"] is not None and f["unit"] == "%" and f["period"].isdigit()), None)  # a year's
        if row["split"] != "tune" or not row["path"].startswith("corpus/") or label is None:
            continue
        document = analyzer.analyse(SHARED / row["path"]).document
        found = list(document.figures.figures)
        check_provenance([p.text for p in document.paragraphs], found)
        targets = [f for f in found if f.indicator == "gdp_growth" and f.kind == "target"]
        assert targets and targets[0].period == label["period"] and targets[0].value == label["value"], row["path"]
        checked += 1
    assert checked >= 40


# ---------------------------------------------------------------- speed
def test_a_megabyte_in_well_under_a_second():
    paragraphs = []
    for prefix in ("000", "001", "002", "003", "004"):
        paragraphs += seed_paragraphs(prefix)
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    paragraphs = paragraphs * (1_000_000 // size + 1)
    extract_figures(paragraphs[:10], 2025)  # load the table once
    started = time.perf_counter()
    found, _ = extract_figures(paragraphs, 2025)
    assert time.perf_counter() - started < 1.0
    assert found
    started = time.perf_counter()
    extract_figures(["。".join(paragraphs)], 2025)  # one giant paragraph: no quadratic work
    assert time.perf_counter() - started < 1.0


def test_a_declared_target_list_is_targets_in_every_clause_even_inside_a_review():
    # A PDF text layer that ran a whole report into one paragraph leaves the targets inside
    # the review; 主要预期目标为： still declares each ；-clause after it a target.
    text = ("各位代表：一、2023年工作回顾 全市地区生产总值增长6.4%，一 — 1 — 般公共预算收入增长7.2%。"
            "今年经济社会发展的主要预期目标为：生产总值增长 5.5%左右；一般公共预算收入增长5.5%；"
            "居民人均可支配收入增长5.5%以上。\n")
    report = Analyzer().analyse_text(text, source="枣庄.txt").to_dict()
    got = {(f["indicator"], f["kind"], f["value"]) for f in report["figures"]}
    assert {("gdp_growth", "achieved", 6.4), ("budget_revenue_growth", "achieved", 7.2),
            ("gdp_growth", "target", 5.5), ("budget_revenue_growth", "target", 5.5),
            ("income_growth", "target", 5.5)} <= got
    assert report["counts"]["dropped"]["page_number"] == 1


def test_an_in_step_qualifier_shared_by_a_list_is_read_for_each_indicator():
    text = ("2024年某某市政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6.5%，固定资产投资增长6%，"
            "一般公共预算收入、居民人均可支配收入与经济增长基本同步。\n")
    report = Analyzer().analyse_text(text, source="a.txt").to_dict()
    got = {(f["indicator"], f["kind"], f["modifier"]) for f in report["figures"]}
    assert {("budget_revenue_growth", "target", "in_step"), ("income_growth", "target", "in_step"),
            ("gdp_growth", "target", "point")} <= got


def test_a_registered_unemployment_rate_stands_in_only_where_no_surveyed_rate_is_given():
    only_registered = "2024年某某市政府工作报告\n一、2023年工作回顾\n城镇新增就业4.4万人，城镇登记失业率控制在3%以内。\n"
    both = only_registered.replace("城镇登记失业率控制在3%以内。", "城镇调查失业率5.1%，城镇登记失业率控制在3%以内。")
    first = Analyzer().analyse_text(only_registered, source="a.txt").to_dict()["figures"]
    second = Analyzer().analyse_text(both, source="b.txt").to_dict()["figures"]
    assert [(f["indicator"], f["name"], f["value"]) for f in first if "失业率" in f["name"]] == [
        ("unemployment_rate", "城镇登记失业率", 3.0)]
    assert [(f["indicator"], f["value"]) for f in second if "失业率" in f["name"]] == [
        ("unemployment_rate", 5.1), ("registered_unemployment_rate", 3.0)]


def test_growth_in_a_clause_after_an_aside_is_the_named_subjects():
    found, _ = extract_figures(["经济发展取得新成效，地区生产总值增速快于全省的势头不断巩固提升，全年增长7.8%、全省第二。"], 2024,
                               ["review"])
    assert [(f.indicator, f.kind, f.value) for f in found] == [("gdp_growth", "achieved", 7.8)]
    # with another subject between, the growth is that one's
    found, _ = extract_figures(["地区生产总值稳步回升，规上工业增加值增长7.8%。"], 2024, ["review"])
    assert [(f.indicator, f.value) for f in found] == [("industrial_value_added_growth", 7.8)]


@pytest.mark.parametrize("text, indicator", [
    ("城镇调查失业率控制在国家调控范围内。", "unemployment_rate"),
    ("城镇调查失业率与全省保持一致。", "unemployment_rate"),
    ("居民消费价格保持平稳；", "cpi"),
    ("居民消费价格指数不高于省控线。", "cpi"),
    ("完成省下达居民消费价格涨幅控制目标。", "cpi"),
    ("城乡居民人均可支配收入和经济增长基本同步。", "income_growth"),
    ("居民人均可支配收入与经济增长相匹配；", "income_growth"),
    ("地区生产总值增速高于全省平均水平，", "gdp_growth"),
    ("城镇新增就业完成省定任务；", "urban_new_jobs"),
    ("完成省下达的城镇新增就业人口、万元GDP综合能耗等目标任务。", "urban_new_jobs"),
])
def test_qualitative_targets_are_in_step(text, indicator):
    found, _ = extract_figures(["今年主要预期目标是：" + text], 2024)
    assert [(f.indicator, f.kind, f.value, f.modifier) for f in found] == [(indicator, "target", None, "in_step")]


def test_a_growth_to_secure_and_one_to_strive_for_gives_the_first():
    found, _ = extract_figures(["今年主要预期目标是：地区生产总值增速“保8争9”，规上工业增加值增长11%以上。"], 2024)
    assert [(f.indicator, f.kind, f.value, f.unit, f.modifier) for f in found][0] == (
        "gdp_growth", "target", 8.0, "%", "point")


def test_a_level_from_where_it_was_to_where_it_is_gives_where_it_is():
    found, _ = extract_figures(["国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，按可比价格计算，平均每年增长7.7%。"],
                               2003, ["review"])
    assert [(f.indicator, f.kind, f.period, f.value, f.unit) for f in found][0] == (
        "gdp_total", "achieved", "2002", 10.2, "万亿元")
    # the average growth over years the text does not name is no figure of any period
    found, _ = extract_figures(["全市地区生产总值由103.97亿元增加到1117.56亿元，年均增长8.2%。"], 2024, ["review"])
    assert [(f.indicator, f.value) for f in found] == [("gdp_total", 1117.56)]


def test_a_number_in_the_tasks_beats_the_lists_qualifier_in_the_headline():
    text = ["今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业完成省定任务。", "全年城镇新增就业6.8万人。"]
    found, _ = extract_figures(text, 2024, ["targets", "plan"])
    jobs = [f for f in headline_figures(found, 2024) if f.indicator == "urban_new_jobs"]
    assert [(f.kind, f.value, f.modifier) for f in jobs] == [("target", 6.8, "point")]


@pytest.mark.parametrize("text, expected", [
    ("全年地区生产总值可达3100亿元，增长6%。", [("gdp_total", 3100.0), ("gdp_growth", 6.0)]),
    ("地区生产总值规模达到1234亿元，按不变价格计算增长5%。", [("gdp_total", 1234.0), ("gdp_growth", 5.0)]),
    ("地区生产总值由1000亿元增至1234亿元。", [("gdp_total", 1234.0)]),
    ("经济增速逐季回升，一季度增长4.5%，上半年增长5%，前三季度增长5.5%，全年增长5.7%。", [("gdp_growth", 5.7)]),
    ("城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。", [("urban_new_jobs", 1361.0), ("unemployment_rate", 5.0)]),
    ("新增就业5.3万人、城乡公益岗新增上岗3.3万人。", [("urban_new_jobs", 5.3)]),
    ("新增就业大学生1万人，新增就业岗位5万个。", []),
    ("经济总量突破万亿元、达到1.02万亿元。", [("gdp_total", 1.02)]),
    ("地区生产总值年增长6%。", [("gdp_growth", 6.0)]),
    ("地区生产总值实现6%的增长。", [("gdp_growth", 6.0)]),
    ("地区生产总值增长6%的目标顺利实现。", []),
])
def test_results_in_the_forms_reports_write_them(text, expected):
    found, _ = extract_figures([text], 2024, ["review"])
    assert [(f.indicator, f.value) for f in found] == expected


def test_two_values_after_a_joint_urban_rural_income_are_urban_and_rural():
    found, _ = extract_figures(["城乡居民人均可支配收入增长4.7%和7.3%，均高于全省平均水平。"], 2024, ["review"])
    assert [(f.indicator, f.value) for f in found] == [("urban_income_growth", 4.7), ("rural_income_growth", 7.3)]


@pytest.mark.parametrize("text, expected", [
    ("综合分析国内外各种情况，今年经济增长预期目标为7%左右，这是必要的。", [(7.0, "about")]),
    # The national reports of the 1990s and 2000s (1994, 1999, 2004) frame the target so.
    ("根据这个要求，今年计划国内生产总值增长百分之九。", [(9.0, "point")]),
    ("综合分析国内外的有利条件和制约因素，今年的经济增长预期为7％左右。", [(7.0, "about")]),
    ("中央提出今年经济增长预期目标为7%左右，既考虑了宏观调控目标的连续性。", [(7.0, "about")]),
])
def test_a_growth_target_stated_as_the_expected_target(text, expected):
    found, _ = extract_figures([text], 2024, ["targets"])
    assert [(f.value, f.modifier) for f in found if (f.indicator, f.kind) == ("gdp_growth", "target")] == expected


@pytest.mark.parametrize("text, expected", [
    ("单位地区生产能耗和居民消费价格指数控制在省调控范围内。", [("cpi", None, "in_step")]),
    ("外贸进出口稳增长，居民收入与经济同步增长。", [("income_growth", None, "in_step")]),
    ("城镇累计新就业5万人以上。", [("urban_new_jobs", 5.0, "at_least")]),
    ("推动居民收入持续增长，增强居民消费能力。", []),
    ("居民消费价格涨幅与全国大体一致。", [("cpi", None, "in_step")]),
    ("居民消费价格涨幅控制在预期范围内。", [("cpi", None, "in_step")]),
    ("居民消费价格涨幅低于全国平均水平。", [("cpi", None, "in_step")]),
    ("居民收入增长与经济增长相协调。", [("income_growth", None, "in_step")]),
    ("居民收入持续增加。", [("income_growth", None, "in_step")]),
    ("推动居民收入稳步提高。", []),
])
def test_targets_in_the_forms_reports_write_them(text, expected):
    found, _ = extract_figures(["今年主要预期目标是：" + text], 2024, ["targets"])
    assert [(f.indicator, f.value, f.modifier) for f in found] == expected


def test_a_level_the_text_dates_after_an_average_is_of_that_year():
    found, _ = extract_figures(["五年来，地区生产总值年均增长6%，2023年达到1234亿元。"], 2024, ["review"])
    assert [(f.indicator, f.period, f.value) for f in found] == [("gdp_growth", "2019-2023", 6.0),
                                                                ("gdp_total", "2023", 1234.0)]


def test_a_level_stands_at_the_year_it_is_dated_not_over_a_span():
    found, _ = extract_figures(["国内生产总值由2015年的68.9万亿元增加到2020年的101.6万亿元，年均增长5.7%。"],
                               2021, ["review"])
    assert [(f.indicator, f.period, f.value) for f in found] == [("gdp_total", "2020", 101.6)]
    found, _ = extract_figures(["“十四五”期间，地区生产总值年均增长6%，到2025年达到5000亿元。"], 2024, ["targets"])
    assert [(f.indicator, f.kind, f.period, f.value) for f in found] == [
        ("gdp_growth", "target", "2021-2025", 6.0), ("gdp_total", "target", "2025", 5000.0)]


def test_the_country_is_the_territory_of_a_national_report_only():
    text = "人民生活有新的改善，全国居民人均可支配收入实际增长8%，快于经济增长。"
    national, _ = extract_figures([text], 2015, ["review"], national=True)
    local, _ = extract_figures([text], 2015, ["review"])
    assert [(f.indicator, f.value) for f in national] == [("income_growth", 8.0)]
    assert local == []  # a province's report comparing itself with the country


@pytest.mark.parametrize("text, expected", [
    ("地区生产总值达到3200多亿元，增长5%。", [("gdp_total", 3200.0, "at_least"), ("gdp_growth", 5.0, "point")]),
    ("全年新增城镇就业4.5万余人。", [("urban_new_jobs", 4.5, "at_least")]),
    # a typesetter's middle dot for the decimal point (national 1999), never an event's name
    ("全体居民人均可支配收入实际增长5·8％。", [("income_growth", 5.8, "point")]),
    ("“7·20”特大暴雨后，地区生产总值增长5%。", [("gdp_growth", 5.0, "point")]),
])
def test_figures_in_the_forms_typesetters_give_them(text, expected):
    found, _ = extract_figures([text], 2024, ["review"])
    assert [(f.indicator, f.value, f.modifier) for f in found] == expected


def test_by_then_is_the_year_the_sentence_before_set():
    text = "到2020年国内生产总值和城乡居民人均收入比2010年翻一番。届时，我国经济总量超过90万亿元，发展的质量和效益明显提高。"
    found, _ = extract_figures([text], 2016, ["targets"], national=True)
    assert [(f.indicator, f.kind, f.period, f.value, f.modifier) for f in found] == [
        ("gdp_total", "target", "2020", 90.0, "at_least")]


@pytest.mark.parametrize("text, part, expected", [
    # an average between two named years is over the years between (national 2003)
    ("国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，按可比价格计算，平均每年增长7.7%。", "review",
     [("gdp_total", "achieved", "2002", 10.2), ("gdp_growth", "achieved", "1998-2002", 7.7)]),
    # a paragraph that opens on five years dates its averages (national 2011)
    ("这五年，我国综合国力显着提高。国内生产总值达到39.8万亿元，年均增长11.2%。", "review",
     [("gdp_total", "achieved", "2010", 39.8), ("gdp_growth", "achieved", "2006-2010", 11.2)]),
    # last year's results told in the section on this year's work, after 过去一年 (national 2011)
    ("过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。今年国内生产总值增长8%左右。",
     "plan", [("gdp_growth", "achieved", "2010", 10.3), ("urban_new_jobs", "achieved", "2010", 1168.0),
              ("gdp_growth", "target", "2011", 8.0)]),
    # an average over years the text does not name is no one year's
    ("工业振兴三年行动圆满收官，工业投资总量完成921亿元、年均增长11.1%。", "review",
     [("industrial_investment_growth", "achieved", None, 11.1)]),
])
def test_the_years_a_figure_is_of_come_from_the_sentences_around_it(text, part, expected):
    found, _ = extract_figures([text], 2011, [part])
    assert [(f.indicator, f.kind, f.period, f.value) for f in found] == expected


def test_a_target_declaration_ends_with_its_sentence_even_one_ending_in_an_exclamation_mark():
    # A review paragraph: the slogan after 主要目标是： ends at ！, and the results after it
    # are last year's, not targets the declaration heads.
    text = "今年的主要目标是：再上台阶！全市地区生产总值增长6.4%；一般公共预算收入增长7.2%。"
    found, _ = extract_figures([text], 2024, parts=["review"])
    assert [(f.indicator, f.kind, f.period) for f in found] == [
        ("gdp_growth", "achieved", "2023"), ("budget_revenue_growth", "achieved", "2023")]


def test_the_targets_of_a_five_year_plan_section_are_the_plans():
    # national 2021: under “十四五”时期主要目标任务 the targets run 2021-2025, not this year only.
    text = ("各位代表：\n\n二、“十三五”时期发展成就和“十四五”时期主要目标任务\n\n"
            "经济运行保持在合理区间，城镇调查失业率控制在5.5%以内，物价水平保持总体平稳。\n\n"
            "三、2021年重点工作\n\n今年发展主要预期目标是：城镇调查失业率5.5%左右。\n")
    report = Analyzer().analyse_text(text, source="2021.txt").to_dict()
    got = [(f["indicator"], f["kind"], f["period"], f["value"]) for f in report["figures"]
           if f["indicator"] == "unemployment_rate"]
    assert got == [("unemployment_rate", "target", "2021-2025", 5.5), ("unemployment_rate", "target", "2021", 5.5)]


def test_a_plan_named_without_its_period_heading_or_a_number_fifteen_is_no_plan_section():
    from devzone.stages.figures import plan_section_span
    assert plan_section_span(["二、“十二五”时期的主要目标和任务"]) == "2011-2015"
    assert plan_section_span(["（三）“十一五”时期经济社会发展的指导原则和主要目标"]) == "2006-2010"
    assert plan_section_span(["二、“十三五”时期发展成就和“十四五”时期主要目标任务"]) == "2021-2025"
    assert plan_section_span(["（三）全面完成“十四五”规划目标任务"]) is None  # this year's work toward it
    assert plan_section_span(["一、十五年来的主要成就和目标"]) is None


def test_fiscal_revenue_is_budget_revenue_only_in_the_countrys_own_report():
    text = "财政收入增长7.4%，扭转了增速放缓态势；公共财政收入10.37万亿元。"
    national, _ = extract_figures([text], 2018, ["review"], national=True)
    local, _ = extract_figures([text], 2018, ["review"])
    assert [(f.indicator, f.value) for f in national] == [("budget_revenue_growth", 7.4), ("budget_revenue_total", 10.37)]
    assert [(f.indicator, f.value) for f in local] == [("budget_revenue_total", 10.37)]


def test_an_average_after_a_from_to_level_is_read_inside_an_account_of_five_years():
    # national 2018: the years between are the five the paragraph opens with (五年来).
    text = "五年来，经济实力跃上新台阶。国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。"
    found, _ = extract_figures([text], 2018, ["review"], national=True)
    assert [(f.indicator, f.period, f.value) for f in found] == [
        ("gdp_total", "2017", 82.7), ("gdp_growth", "2013-2017", 7.1)]
    unnamed, _ = extract_figures([text.removeprefix("五年来，")], 2018, ["review"], national=True)
    assert [(f.indicator, f.value) for f in unnamed] == [("gdp_total", 82.7)]  # over years no one named


@pytest.mark.parametrize("text", [
    "城乡居民收入实际增长和经济增长保持同步。",  # national 2012
    "居民人均可支配收入增长与国内生产总值增长基本同步。",  # national 2021
])
def test_income_in_step_with_the_countrys_growth_is_a_target(text):
    found, _ = extract_figures([text], 2012, ["targets"], national=True)
    assert [(f.indicator, f.kind, f.modifier) for f in found] == [("income_growth", "target", "in_step")]


@pytest.mark.parametrize("text, year, expected", [
    # national 2008: the growth since 2002 is five years' growth; its yearly average is the figure
    ("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%，从世界第六位上升到第四位；", 2008,
     [("gdp_total", "2007", 24.66), ("gdp_growth", "2003-2007", 10.6)]),
    # national 2023: 五年年均 names the years of the average
    ("国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元、年均增长6.2%。", 2023,
     [("gdp_total", "2022", 121.0), ("gdp_growth", "2018-2022", 5.2)]),
])
def test_a_growth_over_several_years_gives_way_to_its_yearly_average(text, year, expected):
    found, _ = extract_figures([text], year, ["review"], national=True)
    assert [(f.indicator, f.period, f.value) for f in found] == expected


# ---------------------------------------------------------------- reports of the planned economy
def test_a_year_in_chinese_digits_dates_the_figures_after_it():
    found = figures("一九五八年我国工农业总产值达到了二千零五十亿元，比一九五七年的一千二百四十一亿元增长百分之六十五。", 1959,
                    national=True)
    assert [(f.indicator, f.kind, f.period, f.value, f.unit) for f in found] == [
        ("gross_output_total", "achieved", "1958", 2050.0, "亿元"), ("gross_output_growth", "achieved", "1958", 65.0, "%")]
    found = figures("大家从计划草案中可以看到：一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十，达到二千八百七十亿元。",
                    1959, national=True)
    assert [(f.indicator, f.kind, f.period, f.value) for f in found] == [
        ("gross_output_growth", "target", "1959", 40.0), ("gross_output_total", "target", "1959", 2870.0)]


def test_a_growth_over_the_year_before_is_that_years_growth():
    assert (one("工业增加值比2022年增长7.1%。", 2024, ["review"]).period,
            one("工业增加值较2021年增长7.1%。", 2024, ["review"]).period) == ("2023", "2022-2023")


def test_a_stand_in_answers_for_gdp_only_where_the_report_states_none():
    old = ["1979年国民收入比上年增长7％，国民生产总值增长7.5％。", "今年工农业总产值计划增长5.5%。"]
    found, _ = extract_figures(old, 1980, national=True)
    assert [(f.indicator, f.kind, f.period, f.value) for f in headline_figures(found, 1980)] == [
        ("gnp_growth", "achieved", "1979", 7.5), ("gross_output_growth", "target", "1980", 5.5)]
    found, _ = extract_figures(old + ["今年国内生产总值增长6%左右。"], 1980, national=True)
    assert [(f.indicator, f.kind) for f in headline_figures(found, 1980)] == [
        ("gnp_growth", "achieved"), ("gdp_growth", "target")]


def test_a_report_of_the_planned_economy_opens_its_summary_with_its_result_and_target():
    path = SHARED / "corpus" / "national" / "1959.txt"  # a tune report
    if not path.exists():
        pytest.skip(f"{path} is not here")
    report = Analyzer().analyse(path).to_dict()
    assert [(f["indicator"], f["kind"], f["period"], f["value"]) for f in report["headline"]] == [
        ("gross_output_growth", "achieved", "1958", 65.0), ("gross_output_growth", "target", "1959", 40.0),
        ("gross_output_total", "achieved", "1958", 2050.0), ("gross_output_total", "target", "1959", 2870.0)]
    summary = [s["text"] for s in report["summary"]]
    assert any(s.startswith("一九五八年我国工农业总产值达到了二千零五十亿元") for s in summary)
    assert any("一九五九年的工农业总产值将比一九五八年的二千零五十亿元增长百分之四十" in s for s in summary)


def test_an_older_plan_in_quotes_gives_its_average_the_plans_years():
    found = figures("“七五”计划草案规定，全国工农业总产值平均每年增长百分之六点七。", 1986, ["plan"], national=True)
    assert [(f.indicator, f.kind, f.period, f.value) for f in found] == [
        ("gross_output_growth", "target", "1986-1990", 6.7)]
    # unquoted, 十五 is a number of years, not the tenth plan
    found = figures("十五年来，全国工农业总产值平均每年增长百分之六点七。", 1986, ["review"], national=True)
    assert [(f.kind, f.period) for f in found] == [("achieved", "1971-1985")]


def test_a_sentence_opening_with_two_years_compared_dates_its_later_clauses():
    text = ("１９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到９３８０亿元，按可比价格计算增长１．１倍；"
            "国民收入由３０１０亿元增加到７７９０亿元，按可比价格计算增长９４．９％。")
    found = figures(text, 1987, ["plan"], national=True)
    assert [(f.indicator, f.kind, f.period, f.value) for f in found] == [
        ("gnp_total", "achieved", "1986", 9380.0), ("national_income_total", "achieved", "1986", 7790.0)]


@pytest.mark.parametrize("text,expected", [
    ("今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。",
     [("deficit_ratio", 4.0, "about", "2025"), ("deficit_total", 5.66, "point", "2025")]),
    # 比去年 compares with last year; it does not make the figure last year's
    ("今年拟安排财政赤字2.18万亿元，比去年增加5600亿元，赤字率提高到3%。",
     [("deficit_total", 2.18, "point", "2025"), ("deficit_ratio", 3.0, "point", "2025")]),
])
def test_the_planned_deficit_is_this_years_target(text, expected):
    found = figures(text, national=True, parts=["plan"])
    assert [(f.indicator, f.value, f.modifier, f.period) for f in found] == expected
    assert {f.kind for f in found} == {"target"}


@pytest.mark.parametrize("text", [
    "建议今年经济增长预期目标为5%左右。",
    "今年全省经济增长的预期目标定为5%左右。",
    "把经济增长预期目标设定在5%左右。",
    "经济增长预期目标设定为5%左右。",
])
def test_a_growth_target_set_in_so_many_words_is_read(text):
    found = figures(text, 2026, parts=["targets"])
    assert [(f.indicator, f.kind, f.value, f.modifier, f.period) for f in found] == [
        ("gdp_growth", "target", 5.0, "about", "2026")]
