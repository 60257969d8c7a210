"""Stage: key figures (results achieved and targets set for named indicators).

Paragraph texts in, typed figures out: 地区生产总值增长5%左右 in a target list becomes
`gdp_growth`, target, 5, about. The indicators and their aliases ship in
data/indicators.json; everything else is regular expressions over the paragraph text, so the
module is pure and needs nothing beyond the standard library (Chinese numerals such as
百分之六点五 are read by the numerals module).

How a figure is found: every alias of the table is searched in one alternation (longest
first). After an alias comes a short "head" of known words (同比, 增长, 控制在, 预计 …) and
then a number with its unit and modifier (5.5%左右, 60万人以上, 4.72万亿元). Nothing else
may stand between, which is what keeps 对经济增长的拉动 or 占地区生产总值比重 out.
Lists with 分别 (城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内) pair names and
values; a level and its growth often share a name (地区生产总值35538亿元、增长5.3%) and
are read as a chain.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..document import Document, Figure, FigureLayer
from ..numerals import chinese_numeral
from ..resources import data_text

__all__ = ["Figure", "Indicator", "extract_figures", "load_indicators", "parse_number"]


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    aliases: tuple[str, ...]
    kind_of_value: str  # "growth" | "level" | "rate" | "count"
    base_unit: str
    core: bool = False
    # Names that are this indicator only in the country's own report: the State Council's
    # 财政收入 is its general budget revenue; a city's may be any of its revenues.
    national_aliases: tuple[str, ...] = ()
    # The core indicator this one answers for in a report that never states it: reports of
    # the planned economy give 国民生产总值, 工农业总产值 or 国民收入 where today's give GDP.
    stands_in_for: str | None = None


# ---------------------------------------------------------------- normalisation
# Full-width forms (５．５％, （）, ，；：) are mapped one character to one character, so
# that offsets found in the normalised text are offsets into the original paragraph.
_FULL_WIDTH: dict[int, int | str] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: " ", 0x2212: "-", 0x301C: "~", 0x00A0: " "})


_FULL_WIDTH_LATIN = re.compile("[\uff21-\uff3a\uff41-\uff5a]")


# A middle dot between digits names an event (“7·20”特大暴雨), except before a per cent sign,
# where a typesetter put it for the decimal point (national 1999: 实际增长4·3％).
_DOT_DECIMAL = re.compile(r"(?<=\d)·(?=\d+%)")


# A year in Chinese digits (一九五八年, 二〇〇二年: the reports before 1990 and some since) is
# read as the same year in digits, one character for one.
_CN_YEAR_RE = re.compile(r"(?:一九|二[〇○零])[一二三四五六七八九〇○零]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _normalise(text: str) -> str:
    text = text.translate(_FULL_WIDTH)
    if "一九" in text or "二〇" in text or "二○" in text or "二零" in text:
        text = _CN_YEAR_RE.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text)
    return _DOT_DECIMAL.sub(".", text) if "·" in text else text


# ---------------------------------------------------------------- numbers
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_NUMERAL = rf"[{_CN_DIGITS}][{_CN_DIGITS}万亿点]*"
# 5 . 5%: a PDF's text layer may space out a decimal point (on both sides, unlike a list's 5. ).
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:(?:\.| \. )\d+)?"
_ARABIC_RE = re.compile(rf"(?:{_ARABIC})")
_CN_NUMERAL_RE = re.compile(_CN_NUMERAL)
_TRAILING_SCALE_RE = re.compile(r"(万亿|亿|万)\Z")
_MIXED_RE = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万|千)")
_SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}


def _decimal(span: str) -> Decimal | None:
    """The number a numeral span states, exactly, or None."""
    span = _normalise(span).strip().replace(" ", "")
    span = span.removeprefix("百分之").removesuffix("%")
    if not span:
        return None
    negative = span.startswith("-")
    span = span.lstrip("-")
    if _ARABIC_RE.fullmatch(span):
        number = Decimal(span.replace(",", ""))
    elif (mixed := _MIXED_RE.fullmatch(span)) is not None:  # 1.2万, 3千
        number = Decimal(mixed.group(1)) * _SCALES[mixed.group(2)]
    elif _CN_NUMERAL_RE.fullmatch(span):
        found = chinese_numeral(span)
        if found is None:
            return None
        number = found
    else:
        return None
    return -number if negative else number


def parse_number(span: str) -> float | None:
    """The value of a numeral span: 1,234.5, ５．５, 百分之六点五, 两千, 一万二千, 1.2万.

    Only the numeral itself is read (a trailing % is allowed); anything else gives None."""
    number = _decimal(span)
    return None if number is None else float(number)


# ---------------------------------------------------------------- the indicator table
@functools.lru_cache(maxsize=1)
def load_indicators() -> tuple[Indicator, ...]:
    """The shipped indicator table, data/indicators.json of the devzone package."""
    return tuple(
        Indicator(row["id"], row["name_zh"], tuple(row["aliases"]), row["kind_of_value"], row["base_unit"],
                  bool(row.get("core")), tuple(row.get("national_aliases", ())), row.get("stands_in_for"))
        for row in json.loads(data_text("indicators.json"))
    )


def core_indicators() -> tuple[str, ...]:
    """The ids every report is asked for first (FIGURES.md), in table order."""
    return tuple(i.id for i in load_indicators() if i.core)


def find_figures(document: Document) -> Document:
    """The figures stage: every figure of the document, typed by the metadata layer's year
    and the parts layer, and the count of numbers it could not read."""
    year = document.metadata.year if document.metadata else None
    plan_spans = [plan_section_span(p.heading_path) for p in document.paragraphs]
    figures, skipped = extract_figures([p.text for p in document.paragraphs], year, document.parts,
                                       document.is_national, plan_spans)
    position = {id(f): i for i, f in enumerate(figures)}
    headline = tuple(position[id(f)] for f in headline_figures(figures, year))
    return document.with_layers(figures=FigureLayer(tuple(figures), skipped, headline))


def headline_figures(figures: Sequence[Figure], year: int | None) -> list[Figure]:
    """One record per core indicator and kind: the latest achieved figure and this year's
    target, the first the report states of each. Where a report states none of a core
    indicator and kind, the first of its stand-ins (table order) that it states answers."""
    stand_ins = {i.id: (i.stands_in_for, n) for n, i in enumerate(load_indicators()) if i.stands_in_for}
    chosen: dict[tuple[str, str], Figure] = {}
    standing: dict[tuple[str, str], tuple[tuple[int, ...], Figure]] = {}
    for figure in figures:
        if "implausible" in figure.flags:
            continue
        if figure.indicator in stand_ins:
            core, rank = stand_ins[figure.indicator]
            key = (core, figure.kind)
            score = (-rank, *_headline_rank(figure, year))  # the earlier stand-in first, then as a core one
            if key not in standing or score > standing[key][0]:
                standing[key] = (score, figure)
            continue
        if figure.indicator not in core_indicators():
            continue
        key = (figure.indicator, figure.kind)
        best = chosen.get(key)
        if best is None or _headline_rank(figure, year) > _headline_rank(best, year):
            chosen[key] = figure
    for key, (_, figure) in standing.items():
        chosen.setdefault(key, figure)
    order = {core: i for i, core in enumerate(core_indicators())}
    return [chosen[key] for key in sorted(chosen, key=lambda key: (order[key[0]], key[1] != "achieved"))]


def _headline_rank(figure: Figure, year: int | None) -> tuple[int, int, int]:
    """Higher is better: a target of the report's year, an achieved figure of the latest
    whole year; among equals, the earlier in the text (the caller keeps the first)."""
    period = figure.period or ""
    last = period.split("-")[-1] if "-" in period and period[:4].isdigit() else period[:4]
    whole_year = len(period) == 4
    if figure.kind == "target":
        # A number beats a qualifier (完成省定任务 in the list, 6.8万人 in the tasks): it is
        # what an analyst compares.
        stated = figure.value is not None or figure.low is not None
        return (int(year is not None and period == str(year)), int(whole_year), int(stated))
    return (int(last) if last.isdigit() else 0, int(whole_year), 1)


@dataclass(frozen=True)
class _Table:
    by_alias: dict[str, tuple[Indicator, ...]]  # normalised alias -> the indicators it names
    alias_re: re.Pattern[str]


@functools.lru_cache(maxsize=2)
def _table(national: bool = False) -> _Table:
    by_alias: dict[str, list[Indicator]] = {}
    for indicator in load_indicators():
        for alias in indicator.aliases + (indicator.national_aliases if national else ()):
            by_alias.setdefault(_normalise(alias), []).append(indicator)
    # Longest first: at one position the alternation takes the first alias that matches, so
    # 单位GDP能耗 wins over GDP and 城镇居民人均可支配收入 over 居民人均可支配收入.
    ordered = sorted(by_alias, key=len, reverse=True)
    alias_re = re.compile("|".join(re.escape(alias) for alias in ordered))
    return _Table({alias: tuple(found) for alias, found in by_alias.items()}, alias_re)


# Names whose 分别 values go to urban and rural income (城乡居民人均可支配收入分别增长4.8%和6.7%).
_URBAN_RURAL = {"城乡居民人均可支配收入", "城乡居民收入", "城乡常住居民人均可支配收入"}
_URBAN_ALIAS, _RURAL_ALIAS = "城镇居民人均可支配收入", "农村居民人均可支配收入"

# ---------------------------------------------------------------- the words around a figure
# What may stand directly before an alias (the run of Chinese characters back to the last
# punctuation): the territory as a whole, time and framing words. Anything else (成都市,
# 海洋, 县域, 民营, 亩均, 对东盟 …) makes the figure one of a part or of another measure.
_BEFORE_WORDS = (
    r"全年|全省|全市|全区|全疆|全州|全盟|全县|全旗|全域|全自治区|全体|全社会|全口径|我省|我市|我区|我州|"
    r"我县|我旗|本市|开发区|经开区|高新区|园区|新区|其中|初步预计|预计|预期|力争|确保|争取|努力|继续|实现|"
    r"完成|推动|促进|中央提出|计划|拟安排|建议|把|今年的|去年的|年的|今年|去年|上年|当年|前三季度|前三个季度|上半年|下半年|第一季度|一季度|前两季度|"
    r"年末|年底|年内|年度|年|月|同期|累计|初步核算|核算|据初步核算|据统计|数据显示|显示|要|将|"
    r"主要指标|指标|(?:省|国家|上级|省上)?下达的?|今后五年|未来五年"
)
_ALLOWED_BEFORE = re.compile(rf"(?:{_BEFORE_WORDS})*")
_CJK_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]*\Z")
# The whole territory of the State Council's reports (全国居民人均可支配收入, 我国经济总量); in
# a local report the same words name the country it is compared with (高于全国平均水平).
_COUNTRY_BEFORE = re.compile(rf"(?:全国|我国|{_BEFORE_WORDS})*")

# Words that may stand between an alias and its number.
_HEAD_WORDS = sorted(
    """五年 同比 比上年同期 比上年 较上年同期 较上年 比去年 较去年 与上年相比 按可比价格计算, 按可比价格计算 按可比价计算
    按可比口径计算 按同口径计算 可比口径 同口径 年均 平均每年 每年 平均值 平均 全年 预计 初步预计 实际 今年 要 将 继续
    努力 力争 确保 争取 预期目标 预期 目标 年增长 首次 再 均 累计 共计 合计 已经 已 进一步 稳定 保持 增速 增幅 涨幅 降幅 指数 总量 规模
    总额 增长 增加 上涨 上升 提高 提升 增至 增加到 增加至 提高到 提高至 提升到 提升至 下降 降低 减少
    回落 下滑 下降到 下降至 降低到 降低至 降至 降到 减少到 减少至 达到 达 可达 有望 为 是 实现 完成 稳定在
    保持在 控制在 维持在 在 突破 迈上 跨上 站上 跃上 登上 跨越 迈过 越过 超过 超 逾 约 近 接近 大约
    不低于 不少于 至少 高于 低于 不超过 不高于 大于 少于 多于 了 计划 拟按 拟 定为 定在 设定为 设定在 确定为
    的预期目标 的目标""".split(),
    key=len,
    reverse=True,
)
# The base year's level, stated on the way to a growth (比一九五七年的一千二百四十一亿元增长百分之六十五).
_BASE_LEVEL = rf"(?:的(?:{_ARABIC}|{_CN_NUMERAL})(?:亿|万)?(?:元|吨|斤|千瓦))?"
_HEAD = (
    r"(?P<head>(?:" + "|".join(_HEAD_WORDS) + r"|[较比]\d{4}年末?" + _BASE_LEVEL + r"|(?:到|至)?(?:19|20)\d{2}年(?:末|底)?(?!\d{1,2}月)|\s+|\([^()]{1,20}\))*)"
)
_NUM = rf"-?(?![\d,.]*年)(?:{_ARABIC})|{_CN_NUMERAL}"  # a year (2023年8月) is no value
_RANGE_SEP = r"——|[-~—–]|至|到"
_UNIT_WORDS = "个百分点|%|‰|美元|元|人次|人|吨标准煤|吨|公斤|千克|斤|微克/立方米|微克每立方米|μg/m3|μg/m³"
_MODIFIER_AFTER = "左右|上下|以上|以内|以下|之内|之上|之下"
_VALUE = (
    rf"(?P<pct>百分之)?(?P<n1>{_NUM})"
    rf"(?:(?P<u1>%)?\s*(?:{_RANGE_SEP})\s*(?:百分之)?(?P<n2>{_ARABIC}|{_CN_NUMERAL})(?!年))?"
    rf"(?P<approx_before>余|多)?\s*(?P<scale>万亿|亿|万|千(?![克瓦]))?(?P<approx>余|多)?(?P<unit>{_UNIT_WORDS})?"
    rf"(?P<post>{_MODIFIER_AFTER})?"
)
_HEAD_VALUE_RE = re.compile(_HEAD + _VALUE)
# A number we would have read if we could: digits (not a year) or a Chinese numeral with a unit.
_LOOSE_RE = re.compile(
    _HEAD + rf"(?:-?\d(?!\d{{3}}年)|百分之|(?:{_CN_NUMERAL}|[几数][十百千万]*)(?:万亿|亿|万)?(?:{_UNIT_WORDS}))"
)
# After the number: a threshold for a class of things (超200亿元县), an attribute (增长5%的目标).
# 稳定在5%左右的较低水平 is still the level itself, 实现6%的增长 the growth itself.
_REJECT_AFTER_RE = re.compile(
    r"的(?!(?:较低|较高|合理|低|高)?(?:水平|区间)|(?:增长|增速)(?![^,;。]{0,4}目标))|[县区市镇乡村家个项户座所]")
_MILESTONE_AFTER_RE = re.compile(r"新?(?:台阶|大关|关口|门槛)")
_MILESTONE_HEAD_RE = re.compile(r"突破|迈上|跨上|站上|跃上|登上|跨越|迈过|越过|首破|首超")
_SET_TO_RE = re.compile(r"(?:下降|降低|降|减少|提高|提升|增加|增|上升)(?:到|至)")
_DOWN_RE = re.compile(r"下降|降低|减少|回落|下滑|降幅|降")
_CHANGE_RE = re.compile(r"增长|增加|提高|提升|上涨|上升|下降|降低|减少|回落|下滑|降幅|增速|增幅|涨幅")
_MODIFIER_BEFORE_RE = re.compile(
    "不超过|不高于|不低于|不少于|控制在|至少|超过|高于|大于|多于|低于|少于|超|逾|突破|大约|接近|约|近"
)
_MODIFIER_BEFORE = {
    "不超过": "at_most", "不高于": "at_most", "控制在": "at_most", "低于": "at_most", "少于": "at_most",
    "不低于": "at_least", "不少于": "at_least", "至少": "at_least", "超过": "at_least", "高于": "at_least",
    "大于": "at_least", "多于": "at_least", "超": "at_least", "逾": "at_least", "突破": "at_least",
    "大约": "about", "接近": "about", "约": "about", "近": "about",
}
_MODIFIER_AFTER_MAP = {
    "左右": "about", "上下": "about", "以上": "at_least", "之上": "at_least",
    "以内": "at_most", "之内": "at_most", "以下": "at_most", "之下": "at_most",
}
_IN_STEP_RE = re.compile(
    r"\s*(?:实际)?(?:增长|增速|增幅)?(?:要|力争|继续|努力|保持|实现|基本)*(?:与|同|和)"
    r"(?:经济增长|经济发展|经济增速|(?:地区|国内)?生产总值增长|GDP增长|经济)(?:保持|基本|实现)*(?:同步|相匹配|相适应|相协调)"
    r"|\s*(?:增长|增速)?(?:基本)?同步增长"
    r"|\s*(?P<steady>(?:稳步|持续|稳定)(?:增长|增加|提高))(?=[,;、。]|\Z)"  # 居民收入稳步增长: a target with no number
    r"|\s*(?:增长|增速|增幅)?(?:略|要|继续)?(?:高于|快于|跑赢|不低于)(?:经济增长|经济增速|地区生产总值增速|GDP增速)"
    r"|\s*(?:增长|增速|增幅)?(?:略|要|继续)?(?:高于|快于|不低于)(?:全省|全国|全市|全区|全州)(?:平均水平|平均)?(?=[,;。、]|\Z)"
)
# What a task does to an indicator (推动居民收入持续增长): no target.
_TASK_VERB_BEFORE_RE = re.compile(r"推动|促进|带动|推进|拓宽|多渠道")
# A target that is the one set above, whatever its kind (城镇新增就业完成省定任务).
_DONE_AS_SET_RE = re.compile(r"\s*(?:人数|人口)?完成(?:省|市|国家|上级)?(?:定|下达)的?(?:目标)?任务")
# A target held to a level set elsewhere or to no number at all (涨幅控制在省下达目标以内,
# 保持合理水平): qualitative, value null, like 与经济增长同步.
_HELD_TO_TARGET_RE = re.compile(
    r"\s*(?:涨幅|增幅|增速)?(?:要|继续)?(?:控制在|保持在?)(?:省|市|自治区|国家|上级)?(?:下达|确定|规定|设定|定)?的?"
    r"(?:调控目标|预期目标|目标|合理水平|合理区间|调控范围|预期范围|范围)(?:以内|之内|范围内|内)?"
    r"|\s*(?:涨幅|增幅|增速)?(?:与|同)(?:全省|全国|全市|全区)(?:保持)?(?:大体|基本)?一致"
    r"|\s*(?:涨幅)?(?:不高于|不超过|低于)省控线"
    r"|\s*(?:涨幅)?(?:控制在|低于|不高于|不超过)(?:全国|全省)(?:平均)?水平(?:以内|以下)?"
)
# A rate held steady, with no number (居民消费价格保持平稳): a target of its own kind.
_HELD_STEADY_RE = re.compile(r"\s*(?:涨幅)?(?:保持|总体|基本)*(?:平稳|稳定)(?=[,;。]|\Z)")
# A target the province sets (完成省下达的居民消费价格指数…目标任务): named, never numbered here.
_SET_ABOVE_RE = re.compile(r"完成(?:省|国家|上级|省上)?下达的?\Z")
_SET_ABOVE_KINDS = ("growth", "rate", "count")
# What may follow an alias to make a target with no number, tried in turn, each with the kinds
# of indicator it can qualify.
_QUALIFIERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_IN_STEP_RE, ("growth",)),
    (_HELD_TO_TARGET_RE, ("growth", "rate")),
    (_HELD_STEADY_RE, ("rate",)),
    (_DONE_AS_SET_RE, _SET_ABOVE_KINDS),
)
# A growth target stated only as a margin over the province or country (地区生产总值增速高于
# 全省1个百分点左右): the margin is the figure, in 个百分点.
_MARGIN_RE = re.compile(
    r"\s*(?:增速|增幅|增长)?(?:要|力争|继续|努力)?(?:高于|快于)(?:全国|全省|全市|全区|全州|省平均|省平|全省平均)"
    r"(?:平均水平|平均)?\s*(?P<number>\d+(?:\.\d+)?)\s*个百分点(?P<after>左右|以上)?"
)
# Growth quarter by quarter up to the year's (GDP一季度累计增长4.7%、二季度累计增长6.3%…，全年累计
# 增长6.7%): the year's figure is read, the quarters are the way there.
_QUARTERS_THEN_YEAR_RE = re.compile(
    r"(?:(?:逐季|稳步|持续|稳中)(?:回升|加快|向好|有升)[,;]\s*)?"  # 经济增速逐季回升，一季度增长4.5%…
    r"(?:(?:第?[一二三四]季度|上半年|前三季度|1[-—~至]\d{1,2}月)(?:累计)?(?:同比)?(?:增长|增速为?)\s*\d+(?:\.\d+)?%"
    r"(?:左右)?[、,;]\s*)+(?=全年)"
)
# A level from where it was to where it is (国内生产总值从1997年的7.4万亿元增加到2002年的10.2
# 万亿元, 由103.97亿元增加到1117.56亿元): the figure is where it is now.
_FROM_LEVEL_RE = re.compile(
    r"\s*(?:从|由)(?:\d{4}年(?:的|末)?)?\s*\d+(?:\.\d+)?\s*(?:万亿|亿|万)?元?"
    r"(?:(?:增加|增长|提高|提升|扩大|跃升)(?:到|至)|增至|升至|跃至)(?P<to_year>\d{4}年)?(?:的|末)?"
)
# A list item no indicator of the table names, sharing the list's qualifier (城镇调查失业率、
# 居民消费价格指数、节能减排降碳指标控制在省定范围内).
_OTHER_INDICATORS_RE = re.compile(r"[\u4e00-\u9fff]{2,10}指标")
# 增速“保8争9”: a growth to secure (8 %) and one to strive for (9 %), the first the target.
_SECURE_STRIVE_RE = re.compile(r"\s*(?:增速|增长)?[“\"]?保(?P<number>\d+(?:\.\d+)?)争\d+(?:\.\d+)?[”\"]?")
_FLAT_RE = re.compile(
    r"\s*(?:同比|比上年|较上年)?(?:与|和|同)?(?:上年|去年)?(?:同期)?(?:水平)?(?P<basic>基本)?(?:保持)?持平"
)
_LIST_SEP_RE = re.compile(r"\s*[、和及与]\s*")
_CHAIN_SEP_RE = re.compile(r"[、,]?\s*")
# What may stand between an alias and its figures, or between two figures of a chain, and
# says nothing to record: a milestone without a level (再上新台阶, 突破“五百亿”), a ranking
# (总量居全省第5位), a note in brackets, the basis of a growth rate (按可比价计算).
_ASIDE_RE = re.compile(
    r"(?:首次|再次|再|又)?(?:上|迈上|跨上|站上|跃上|登上|跨越|迈过|越过|突破|首破|首超)"
    r"(?:“[^”\d]{1,8}”|[^,、;。\d]{0,8}?(?:台阶|大关|关口|门槛)|[一二两三四五六七八九十百千万亿]{1,4}元(?=[,、]))"
    r"|(?:总量|增速|增幅|和|均)*(?:位居|居|排名|排|位列|列)[^,、;。\d]{0,8}?第[一二三四五六七八九十\d]{1,3}位?"
    r"|\([^()]{1,20}\)"
    r"|按(?:可比|不变)价格?计算|按可比口径计算|按同口径计算"
)
# A value that closes the items before a 分别 list's names (…增长17.5%、城乡居民人均可支配收入分别…).
_VALUE_BEFORE_NAMES_RE = re.compile(r"\d\s*(?:%|‰|个百分点|万亿元|亿元|万元|元|万人|人|万吨|吨)[、,]\s*")
_RESPECTIVELY_RE = re.compile("分别")
_LIST_NAME_SPLIT_RE = re.compile(r"[、和及与]")
_LIST_PREFIX_WORDS_RE = re.compile(r"(?:同比|比上年|较上年|增速|增幅|涨幅|预计|全年|\s)*")

# Sentence ends (also ；, which separates the items of long target lists) and clause ends.
_SENTENCE_END_RE = re.compile(r"[。!?;\n]")
_CLAUSE_END_RE = re.compile(r"[。!?;\n,:]")

# ---------------------------------------------------------------- kind and period cues
_TARGET_INTRO_RE = re.compile(r"(?:预期目标|主要目标|发展目标|目标任务)(?:建议|拟)?(?:是|为|:|：)|主要预期目标")
# A target list's opening holds for the sentence; 力争, 确保 only for their own clause (a review
# sentence may begin 确保零就业家庭动态清零，城镇新增就业86万人).
_TARGET_CUE_RE = re.compile(r"预期目标|主要目标|目标是|目标为|明年|预期")
_TARGET_CLAUSE_CUE_RE = re.compile(r"力争|确保|争取")
# A list of targets declared as such (主要预期目标为：): targets even where the part says review,
# as in a report whose text layer ran every section into one paragraph.
_TARGET_DECLARATION_RE = re.compile(r"(?:预期目标|主要目标|发展目标)(?:是|为)[:：]?")
_CLAUSE_START_RE = re.compile(r"[^,:]*\Z")
_PAST_CUE_RE = re.compile(r"(?<![比较])去年|过去|以来|年来")
_CURRENT_REVIEW_RE = re.compile(r"今年以来|今年前三季度|今年上半年|今年一季度|今年1[-—~～至]\d{1,2}月")
_YEAR_RE = re.compile(r"(?<![\d较比与同于自从])(?P<prep>到|至)?(?P<y>(?:19|20)\d{2})年(?!度|以来|以前|前|代)")
_COMPARED_YEARS_RE = re.compile(r"\s*(?P<y>(?:19|20)\d{2})年(?:同|与|和)(?:19|20)\d{2}年(?:相比|比较)[,:]")
_BASE_YEAR_RE = re.compile(r"[较比](?P<y>(?:19|20)\d{2})年")
_SUB_YEAR_RE = re.compile(
    r"(?<![比较与同])(?:前三季度|前三个季度|上半年|第一季度|一季度|前两季度|(?P<m1>\d{1,2})\s*(?:[-—~至到]|——)\s*(?P<m2>\d{1,2})月)"
)
# A period opening a sentence (上半年,地区生产总值… 。城镇居民…) holds for the paragraph's
# later results too, as in mid-year reviews.
_SUB_YEAR_OPENING_RE = re.compile(
    r"(?:\A|[。!?;,:])\s*(?:开发区|园区|全市|全省|全区|全县|我市|我省|我区|据统计|数据显示)?,?\s*"
    r"(?P<period>前三季度|前三个季度|上半年|第一季度|一季度|前两季度|全年)"
)
_SUB_YEAR = {"前三季度": "Q1-Q3", "前三个季度": "Q1-Q3", "上半年": "H1", "第一季度": "Q1", "一季度": "Q1",
             "前两季度": "H1"}
# A five-year plan in quotes (“七五”计划草案, “十五”, “十四五”): the quotes tell the plan from a
# number (十五年).
_QUOTED_PLAN = r"[“\"](?P<quoted>十[一二三四五]?|[六七八九])五[”\"]"
# A five-year plan named in the text: 十四五, or any one in quotes.
_PLAN_SPAN_RE = re.compile(rf"(?P<plan>十[三四五])五|{_QUOTED_PLAN}")
# A sentence that opens an account of the past (过去一年，我们的各项工作取得了很大成绩。 / 这五年，…)
# holds for the figures the paragraph states after it, until one speaks of this year (national
# 2011: …。国内生产总值增长10.3% is last year's, in the section on this year's work).
_YEARS_CUES = ("过去五年", "五年来", "这五年")
_PAST_OPENING_RE = re.compile(r"(?:\A|[。!?])\s*(?P<cue>过去一年|一年来|过去五年|五年来|这五年)")
_THIS_YEAR_RE = re.compile(r"今年|明年|预期|力争|确保|争取")
# An average from one year's level to another's (从1997年的7.4万亿元增加到2002年的10.2万亿元，
# 平均每年增长7.7%) is the average of the years between.
_FROM_TO_YEARS_RE = re.compile(r"从((?:19|20)\d{2})年[^。;]{0,30}?到((?:19|20)\d{2})年")
_SPAN_PERIOD_RE = re.compile(r"\d{4}-\d{4}")
_SPAN_CUE_RE = re.compile(
    r"十[三四五]五(?:以来|期间|时期)|(?:过去|近)?(?P<n>[一二两三四五六七八九十\d]{1,2})年(?:来|以来)"
    r"|过去(?P<n2>[一二两三四五六七八九十\d]{1,2})年"
)
# 国内生产总值增加到121万亿元，五年年均增长5.2%: the years of an average, said right before it.
_YEARS_OF_AVERAGE_RE = re.compile(r"(?P<n>[两三四五六七八九十])年(?=年均)")
# A section that sets a five-year plan's targets (二、“十二五”时期的主要目标和任务): its targets are
# the plan's, not this year's.
_PLAN_SECTION_RE = re.compile(rf"{_QUOTED_PLAN}(?:时期|期间)[^，。“]{{0,16}}(?:目标|任务)")
_NEXT_FIVE_YEARS_RE = re.compile(r"今后五年|未来五年")
_PLAN_ORDINALS = {"六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15}


def _plan_first_year(ordinal: str) -> int:
    """The first year of the plan of this ordinal (七 for “七五”, 十四 for 十四五): the third
    plan began in 1966, and every plan since has run five years."""
    return 1966 + 5 * (_PLAN_ORDINALS[ordinal] - 3)


def plan_section_span(headings: Sequence[str]) -> str | None:
    """The years of the five-year plan whose targets the section under ``headings`` sets."""
    for heading in reversed(headings):
        found = list(_PLAN_SECTION_RE.finditer(heading))
        if found:
            first = _plan_first_year(found[-1].group("quoted"))
            return f"{first}-{first + 4}"
    return None
_SMALL_NUMBERS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


# ---------------------------------------------------------------- reading one value
@dataclass(frozen=True)
class _Value:
    """One number as read after an alias, before it is given an indicator."""

    start: int  # where the number starts (for order and provenance)
    end: int  # where the figure ends (after unit and modifier)
    head: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    scale: str
    unit: str  # the base word (%, 元, 人 …) or "" when only a scale was written
    post: str
    milestone: bool


def _read_value(match: re.Match[str], text: str, bare: bool = False) -> _Value | None:
    """The number of a head+value match, or None when it cannot be read. A number without
    unit is read only when `bare` (in a 分别 list the last value's unit holds for all)."""
    n1, n2 = match.group("n1"), match.group("n2")
    scale = match.group("scale") or ""
    unit = match.group("unit") or match.group("u1") or ("%" if match.group("pct") else "")
    if n2 is None and _CN_NUMERAL_RE.fullmatch(n1) and not scale:
        # 三万亿元 is read as 三 + 万亿; a numeral with other magnitudes (一亿二千万) stays whole.
        trailing = _TRAILING_SCALE_RE.search(n1)
        if trailing and trailing.start() > 0 and not re.search("[万亿]", n1[: trailing.start()]):
            n1, scale = n1[: trailing.start()], trailing.group(1)
    if not unit and not scale and not bare:
        return None
    first = _decimal(n1)
    second = _decimal(n2) if n2 is not None else None
    if first is None or (n2 is not None and second is None):
        return None
    if unit in ("微克每立方米", "μg/m3", "μg/m³"):
        unit = "微克/立方米"
    tail = text[match.end():match.end() + 4]
    head = match.group("head")
    milestone = bool(_MILESTONE_AFTER_RE.match(tail) or _MILESTONE_HEAD_RE.search(head))
    post = match.group("post") or ("以上" if match.group("approx") or match.group("approx_before") else "")
    low, high = (min(first, second), max(first, second)) if second is not None else (None, None)
    return _Value(match.start("n1"), match.end(), head, None if second is not None else first, low, high,
                  scale, unit, post, milestone)


def _rejected_after(text: str, end: int) -> bool:
    return bool(_REJECT_AFTER_RE.match(text, end))


def _is_price_index(alias: re.Match[str], indicators: Sequence[Indicator], match: re.Match[str]) -> bool:
    """居民消费价格指数控制在103左右: a price index against last year's 100, written bare."""
    if not alias.group().endswith("指数") or not any(i.id == "cpi" for i in indicators):
        return False
    number = _decimal(match.group("n1")) if match.group("n2") is None else None
    return number is not None and Decimal(95) <= number <= Decimal(110)


def _price_index(value: _Value, indicators: Sequence[Indicator]) -> Indicator | None:
    if not value.unit and not value.scale:  # read bare only when _is_price_index
        return next((i for i in indicators if i.id == "cpi"), None)
    return None


def _pick(indicators: Sequence[Indicator], percent: bool) -> Indicator | None:
    """Growth or rate for a percentage, level or count for an amount."""
    wanted = ("growth", "rate") if percent else ("level", "count")
    for kind in wanted:
        for indicator in indicators:
            if indicator.kind_of_value == kind:
                return indicator
    return None


def _scaled(number: Decimal | None, factor: Decimal) -> float | None:
    return None if number is None else float(number * factor)


_TO_BASE = {"斤": ("吨", Decimal("0.0005")), "公斤": ("吨", Decimal("0.001")), "千克": ("吨", Decimal("0.001"))}


@dataclass(frozen=True)
class _Reading:
    """A value given its indicator: everything of a Figure but kind, period and place."""

    indicator: Indicator
    value: float | None
    low: float | None
    high: float | None
    unit: str
    modifier: str
    base_value: float | None
    base_unit: str | None
    number_start: int
    end: int
    head: str


def _interpret(value: _Value, indicators: Sequence[Indicator], shared_head: str = "",
               shared_post: str = "") -> _Reading | None:
    """Give a read value its indicator, sign, modifier and base units; None when the value
    is no figure of these indicators (a milestone, a change of a growth rate …)."""
    head = value.head.strip() or shared_head
    post = value.post or shared_post
    percent = value.unit in ("%", "个百分点", "‰")
    indicator = _pick(indicators, percent) or _price_index(value, indicators)
    if indicator is None:
        return None
    set_to = _SET_TO_RE.search(head) is not None
    plain_head = _SET_TO_RE.sub("", head)
    if percent:
        if value.unit == "个百分点" and indicator.kind_of_value == "growth":
            return None  # 增速提高3.6个百分点 is a change of the rate, not the rate
    else:
        if value.milestone:
            return None  # 迈上4000亿元台阶, 突破5万亿元: a milestone, not a level
        if _CHANGE_RE.search(plain_head):
            return None  # 增加5万人 is an increment, not the level
    negative = bool(_DOWN_RE.search(plain_head)) and not set_to
    sign = Decimal(-1) if negative else Decimal(1)
    number, low, high = value.value, value.low, value.high
    if number is not None:
        number = sign * number + 0  # + 0 turns -0 into 0
    if low is not None and high is not None:
        low, high = sorted((sign * low + 0, sign * high + 0))
    if low is not None:
        modifier = "range"
    elif post:
        modifier = _MODIFIER_AFTER_MAP[post]
    else:
        found = _MODIFIER_BEFORE_RE.search(head)
        modifier = _MODIFIER_BEFORE[found.group()] if found else "point"
    unit = value.scale + value.unit
    factor = _SCALES.get(value.scale, Decimal(1))
    base_unit = value.unit or indicator.base_unit
    if value.unit in _TO_BASE:
        base_unit, conversion = _TO_BASE[value.unit]
        factor *= conversion
    base = _scaled(number, factor)
    if not unit and number is not None:
        base = float(number - 100)  # a price index of 103 is a rise of 3 %: comparable with the rest
    return _Reading(indicator, _scaled(number, Decimal(1)), _scaled(low, Decimal(1)), _scaled(high, Decimal(1)),
                    unit, modifier, base, base_unit, value.start, value.end, head)


# ---------------------------------------------------------------- kind and period
@dataclass(frozen=True)
class _Context:
    year: int | None
    current_review: bool  # the text reviews the current year (今年以来 …), as news articles do
    plan_start: tuple[int, int] | None  # (paragraph, offset) of 主要预期目标是 …
    national: bool = False  # the country's own report: 全国 and 我国 name its territory


def _review_year(context: _Context) -> int | None:
    if context.year is None:
        return None
    return context.year if context.current_review else context.year - 1


def _small_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[text]
    if len(text) == 2 and text[0] == "十" and text[1] in _SMALL_NUMBERS:
        return 10 + _SMALL_NUMBERS[text[1]]
    return None


def _span_years(span: re.Match[str]) -> int | None:
    """How many years a span cue (过去五年, 三年来, 五年年均) counts, if it says."""
    return _small_number(span["n"] or span.groupdict().get("n2") or "")


def _kind_and_period(prefix: str, head: str, opening: str | None, part: str | None, in_plan: bool,
                     context: _Context, declared: bool = False) -> tuple[str, str | None]:
    """prefix: the sentence up to the alias; head: the words between alias and number;
    opening: the period that opened an earlier sentence of the paragraph (上半年), if any."""
    cue_text = prefix + head
    clause_start = _CLAUSE_START_RE.search(prefix)
    assert clause_start is not None  # [^,:]*\Z matches every string
    clause = clause_start.group() + head
    targeted = bool(_TARGET_CUE_RE.search(cue_text) or _TARGET_CLAUSE_CUE_RE.search(clause))
    year = context.year
    stated = None
    for found in _YEAR_RE.finditer(prefix):
        stated = found  # the nearest year before the figure
    in_head = _YEAR_RE.search(head)
    if in_head is not None:
        stated = in_head  # 年均增长6%，2023年达到1234亿元: the level of that year
    if stated is not None:
        stated_year = int(stated.group("y"))
        if year is None:
            kind = "target" if stated.group("prep") or targeted else "achieved"
        elif stated_year < year or (stated_year == year and context.current_review):
            kind = "achieved"
        else:
            kind = "target"
    elif part in ("targets", "plan"):
        kind = "achieved" if _PAST_CUE_RE.search(cue_text) else "target"
    elif part == "review" and (declared or _TARGET_DECLARATION_RE.search(cue_text)):
        kind = "target"
    elif part == "review":
        kind = "achieved"
    elif targeted or ("今年" in cue_text and not context.current_review):
        kind = "target"
    elif _PAST_CUE_RE.search(cue_text):
        kind = "achieved"
    else:
        kind = "target" if in_plan else "achieved"

    base = int(stated.group("y")) if stated is not None else (year if kind == "target" else _review_year(context))
    span = (_SPAN_CUE_RE.search(cue_text) or _YEARS_OF_AVERAGE_RE.match(head)) if in_head is None else None
    years = _span_years(span) if span is not None else None
    if years == 1:
        span = None  # 过去一年, 一年来: the last year itself
    plan = _PLAN_SPAN_RE.search(cue_text)
    if span is None and plan is not None and ("年均" in head or "平均每年" in head):
        span = plan  # 十四五 alone marks a period only for an average (年均增长)
    if span is not None:
        plan = _PLAN_SPAN_RE.match(span.group())
        if plan is not None:
            first = _plan_first_year(plan.group("plan") or plan.group("quoted"))
            last = first + 4 if kind == "target" or base is None else min(first + 4, base)
            return kind, f"{first}-{last}"
        if years and year is not None:
            return kind, f"{year - years}-{year - 1}"
        return kind, None
    base_year = _BASE_YEAR_RE.search(head)
    if base_year is not None and base is not None and kind == "achieved":
        since = int(base_year.group("y")) + 1  # 较2020年下降11.7%: since then; 比上一年的 is that year
        return kind, str(base) if since == base else f"{since}-{base}"
    if base is None:
        return kind, None
    subs = list(_SUB_YEAR_RE.finditer(cue_text))
    if subs:
        sub = subs[-1]  # the nearest to the figure
        if sub.group("m1"):
            return kind, f"{base}-M{int(sub.group('m1'))}-M{int(sub.group('m2'))}"
        return kind, f"{base}-{_SUB_YEAR[sub.group()]}"
    if kind == "achieved" and stated is None and opening in _SUB_YEAR:
        return kind, f"{base}-{_SUB_YEAR[opening]}"  # 全年 closes an earlier 前三季度
    return kind, str(base)


def _implausible(reading: _Reading) -> bool:
    """Kept as written, but flagged: growth above 100%, unemployment or CPI above 50%."""
    if reading.unit != "%":
        return False
    numbers = [n for n in (reading.value, reading.low, reading.high) if n is not None]
    if reading.indicator.id in ("unemployment_rate", "registered_unemployment_rate", "cpi"):
        return any(abs(n) > 50 for n in numbers)
    return any(abs(n) > 100 for n in numbers)


# ---------------------------------------------------------------- one paragraph
@dataclass
class _ParagraphScan:
    """Mutable state while one paragraph is read."""

    index: int
    original: str
    text: str  # normalised, same length as original
    part: str | None
    context: _Context
    sentence_ends: list[int]
    clause_ends: list[int]
    openings: list[tuple[int, str]]  # (offset, period) of sentences opened by 上半年 …
    past_openings: list[tuple[int, str]]  # (offset, cue) of sentences opened by 过去一年, 这五年 …
    this_year: list[int]  # offsets of words of this year (今年, 预期, 力争 …)
    plan_span: str | None = None  # the five-year plan whose targets the paragraph's section sets
    figures: list[tuple[int, Figure]] = field(default_factory=list)
    lists: list[tuple[int, int]] = field(default_factory=list)  # spans of 分别 lists read
    skipped: int = 0
    consumed_to: int = 0  # aliases before this offset were read as part of a figure

    def clause_start(self, position: int) -> int:
        at = bisect_right(self.clause_ends, position - 1)
        return self.clause_ends[at - 1] + 1 if at > 0 else 0

    def sentence_span(self, position: int) -> tuple[int, int]:
        at = bisect_right(self.sentence_ends, position - 1)
        start = self.sentence_ends[at - 1] + 1 if at > 0 else 0
        end = self.sentence_ends[at] if at < len(self.sentence_ends) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def full_sentence_start(self, position: int) -> int:
        """Where the full sentence (not the ;-clause) holding ``position`` starts."""
        # The text is normalised: a full-width ！ or ？ is half-width here.
        return max(self.text.rfind(mark, 0, position) for mark in "。!?") + 1

    def in_account_of_years(self, position: int) -> bool:
        """Whether ``position`` follows an opening of an account of several past years (五年来)."""
        at = bisect_right(self.past_openings, (position, "\uffff"))
        return bool(at) and self.past_openings[at - 1][1] in _YEARS_CUES

    def in_plan(self, position: int) -> bool:
        plan = self.context.plan_start
        return plan is not None and (self.index, position) >= plan

    def emit(self, name: str, name_start: int, reading: _Reading) -> None:
        start, end = self.sentence_span(reading.number_start)
        before = bisect_right(self.openings, (start, ""))
        opening = self.openings[before - 1][1] if before else None
        # A declaration of targets (主要预期目标为：) holds for every ；-clause of its sentence.
        sentence_start = self.full_sentence_start(start)
        declared = bool(_TARGET_DECLARATION_RE.search(self.text[sentence_start:start]))
        prefix = self.text[start:name_start]
        if sentence_start < start and not _YEAR_RE.search(prefix):
            # 1986年同1978年相比，国民生产总值由…；国民收入由…: the year the sentence opens with
            # holds for its later ；-clauses too.
            compared = _COMPARED_YEARS_RE.match(self.text, sentence_start)
            if compared is not None:
                prefix = compared.group("y") + "年" + prefix
        at = bisect_right(self.past_openings, (start, "\uffff"))
        if at:
            carried_end, cue = self.past_openings[at - 1]
            later = bisect_right(self.this_year, carried_end - 1)
            if later == len(self.this_year) or self.this_year[later] >= reading.number_start:
                prefix = ("过去五年" if cue == "这五年" else cue) + prefix
        if prefix.startswith("届时") and sentence_start > 0:
            # 到2020年…。届时，我国经济总量超过90万亿元: "by then" is the year the sentence before set.
            before_start = self.full_sentence_start(sentence_start - 1)
            years = [y for y in _YEAR_RE.finditer(self.text, before_start, sentence_start) if y.group("prep")]
            if years:
                prefix = years[-1].group() + prefix
        kind, period = _kind_and_period(prefix, reading.head, opening, self.part,
                                        self.in_plan(name_start), self.context, declared)
        averaged = "年均" in reading.head or "每年" in reading.head
        from_to = _FROM_TO_YEARS_RE.search(self.text, start, reading.number_start) if averaged else None
        if from_to is not None and kind == "achieved":
            period = f"{int(from_to.group(1)) + 1}-{from_to.group(2)}"
        elif averaged and kind == "achieved" and reading.indicator.kind_of_value != "level" and period \
                and period.isdigit():
            period = None  # an average over years the text does not name is no one year's (FIGURES.md)
        if kind == "target" and period == str(self.context.year):
            if self.plan_span:
                period = self.plan_span
            elif _NEXT_FIVE_YEARS_RE.search(self.text, sentence_start, start) and self.context.year:
                period = f"{self.context.year}-{self.context.year + 4}"  # 今后五年: from this year on
        if reading.indicator.kind_of_value == "level" and period and _SPAN_PERIOD_RE.fullmatch(period):
            period = period[-4:]  # a level stands at a moment: 五年来…增加到100万亿元 is the last year's
        flags = ("implausible",) if _implausible(reading) else ()
        figure = Figure(reading.indicator.id, name, kind, period, reading.value, reading.low, reading.high,
                        reading.unit, reading.modifier, reading.base_value, reading.base_unit, self.index,
                        start, end, self.original[start:end], flags)
        self.figures.append((reading.number_start, figure))


# Another measure joined to the name (单位地区生产能耗和居民消费价格指数控制在省调控范围内): the
# name is the list's second item, not a part of that measure.
_LISTED_MEASURE_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2,12}(?:指标|能耗|强度|比重)[和及与]")


def _allowed_before(text: str, position: int, national: bool = False) -> bool:
    run = _CJK_RUN_BEFORE.search(text, max(0, position - 24), position)
    return (run is None or _ALLOWED_BEFORE.fullmatch(run.group()) is not None
            or (national and _COUNTRY_BEFORE.fullmatch(run.group()) is not None)
            or _LISTED_MEASURE_BEFORE_RE.fullmatch(run.group()) is not None)


@dataclass(frozen=True)
class _Slot:
    """A name before 分别 and the indicators it may name (none for a name not in the table)."""

    start: int
    end: int
    indicators: tuple[Indicator, ...]


def _scan_respectively(scan: _ParagraphScan, table: _Table) -> None:
    """Lists with 分别: 城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内."""
    text = scan.text
    last_slots: list[_Slot] = []
    last_end = -1
    for found in _RESPECTIVELY_RE.finditer(text):
        clause_start = scan.clause_start(found.start())
        items_before = [m.end() for m in _VALUE_BEFORE_NAMES_RE.finditer(text, clause_start, found.start())]
        if items_before:
            clause_start = items_before[-1]  # the names begin after the last figure read before them
        segment = text[clause_start:found.start()]
        slots = _list_slots(clause_start, segment, table)
        sentence_start, _ = scan.sentence_span(found.start())
        named = any(slot.indicators for slot in slots)
        if not named and last_slots and last_end >= sentence_start and \
                _LIST_PREFIX_WORDS_RE.fullmatch(segment):
            slots = last_slots  # 分别达到45877元和22990元，同比分别增长5.7%和8.5%
        values, end = _list_values(text, found.end())
        scan.lists.append((clause_start, max(end, found.end())))
        if not any(slot.indicators for slot in slots):
            continue
        if len(values) != len(slots):
            scan.skipped += sum(1 for slot in slots if slot.indicators)
            continue
        shared_head = next((v.head.strip() for v in values if v.head.strip()), "")
        shared_post = values[-1].post
        for slot, value in zip(slots, values):
            if not slot.indicators:
                continue
            reading = _interpret(value, slot.indicators, shared_head, shared_post)
            if reading is not None:
                scan.emit(scan.original[slot.start:slot.end], slot.start, reading)
        last_slots, last_end = slots, end


def _read_urban_rural_pair(scan: _ParagraphScan, alias: re.Match[str], name: str, table: _Table) -> bool:
    """Two values after a joint urban-rural name are the urban and the rural one, 分别 or not
    (城乡居民人均可支配收入增长4.7%和7.3%): neither is the income of all residents."""
    if alias.group() not in _URBAN_RURAL:
        return False
    values, end = _list_values(scan.text, alias.end())
    if len(values) != 2:
        return False
    for indicators, value in zip((table.by_alias[_URBAN_ALIAS], table.by_alias[_RURAL_ALIAS]), values):
        reading = _interpret(value, indicators, values[0].head.strip(), values[-1].post)
        if reading is not None:
            scan.emit(name, alias.start(), reading)
    scan.consumed_to = max(scan.consumed_to, end)
    return True


def _list_slots(offset: int, segment: str, table: _Table) -> list[_Slot]:
    """The names before 分别, each with the indicators it may name (none for unknown names)."""
    aliases = [m for m in table.alias_re.finditer(segment)]
    pieces: list[tuple[int, int]] = []
    start = 0
    for sep in _LIST_NAME_SPLIT_RE.finditer(segment):
        if any(a.start() < sep.start() < a.end() for a in aliases):
            continue  # 研究与试验发展经费投入强度: the 与 belongs to the name
        pieces.append((start, sep.start()))
        start = sep.end()
    pieces.append((start, len(segment)))
    slots: list[_Slot] = []
    for number, (piece_start, piece_end) in enumerate(pieces):
        piece = segment[piece_start:piece_end].strip()
        if not piece:
            continue
        alias = next((a for a in aliases if piece_start <= a.start() and a.end() == piece_end), None)
        if alias is None or not _ALLOWED_BEFORE.fullmatch(segment[piece_start:alias.start()].strip()):
            if piece in ("城镇", "城市") and number + 1 < len(pieces):
                following = segment[pieces[number + 1][0]:pieces[number + 1][1]]
                if following.endswith("人均可支配收入") or following.endswith("居民收入"):
                    # 城镇、农村居民人均可支配收入: the 城镇 shares the rural name's ending
                    urban = _Slot(offset + piece_start, offset + pieces[number + 1][1], table.by_alias[_URBAN_ALIAS])
                    slots.append(urban)
                    continue
            slots.append(_Slot(offset + piece_start, offset + piece_end, ()))
            continue
        start, end = offset + alias.start(), offset + alias.end()
        if alias.group() in _URBAN_RURAL:
            slots.append(_Slot(start, end, table.by_alias[_URBAN_ALIAS]))
            slots.append(_Slot(start, end, table.by_alias[_RURAL_ALIAS]))
        else:
            slots.append(_Slot(start, end, table.by_alias[alias.group()]))
    return slots


def _list_values(text: str, position: int) -> tuple[list[_Value], int]:
    """The values after 分别 (5%和3%以内, 4%、5.3%、3.4%) and where they end."""
    values: list[_Value] = []
    while True:
        match = _HEAD_VALUE_RE.match(text, position)
        if match is None:
            break
        value = _read_value(match, text, bare=True)
        if value is None:
            break
        values.append(value)
        position = match.end()
        separator = _LIST_SEP_RE.match(text, position)
        if separator is None:
            break
        position = separator.end()
    if not values:
        return [], position
    last = values[-1]
    end = last.end
    if not (last.unit or last.scale) or _rejected_after(text, end):
        return [], end
    # 分别增长5、6%: a unit written once holds for the whole list
    values = [v if v.unit or v.scale else replace(v, unit=last.unit, scale=last.scale) for v in values]
    return values, end


def _read_in_step(scan: _ParagraphScan, alias: re.Match[str], name: str,
                  indicators: Sequence[Indicator], alias_re: re.Pattern[str]) -> bool:
    """居民收入增长与经济增长同步, 居民消费价格涨幅控制在省下达目标以内: a qualitative target,
    value null; also for each of a list that shares it (一般公共预算收入、居民人均可支配收入与
    经济增长基本同步)."""
    end, listed = alias.end(), False
    while end < len(scan.text) and scan.text[end] in "、和及" and not _IN_STEP_RE.match(scan.text, end):
        following = alias_re.match(scan.text, end + 1) or _OTHER_INDICATORS_RE.match(scan.text, end + 1)
        if following is None:
            break
        end, listed = following.end(), True
    growth: Indicator | None = None
    found: re.Match[str] | None = None
    for qualifier, kinds in _QUALIFIERS:
        growth = next((i for i in indicators if i.kind_of_value in kinds), None)
        found = qualifier.match(scan.text, end) if growth else None
        if found is not None:
            break
    if found is None and _SET_ABOVE_RE.search(scan.text, max(0, alias.start() - 12), alias.start()):
        growth = next((i for i in indicators if i.kind_of_value in _SET_ABOVE_KINDS), None)
        found = alias if growth else None
    if found is None or growth is None:
        return False
    if found.re is _IN_STEP_RE and found.group("steady") and _TASK_VERB_BEFORE_RE.search(
            scan.text, scan.clause_start(alias.start()), alias.start()):
        return False  # 推动居民收入持续增长: a task, not a target
    reading = _Reading(growth, None, None, None, "", "in_step", None, None, alias.start(), found.end(), "")
    scan.emit(name, alias.start(), reading)
    if not listed:  # the others of a list are read in turn, each with the same qualifier
        scan.consumed_to = found.end()
    return True


def _read_margin(scan: _ParagraphScan, alias: re.Match[str], name: str, indicators: Sequence[Indicator]) -> bool:
    """增速高于全省1个百分点左右: a growth target as a margin (value 1, unit 个百分点); 增速
    “保8争9”: the growth to secure (8 %)."""
    growth = next((i for i in indicators if i.kind_of_value == "growth"), None)
    found = _MARGIN_RE.match(scan.text, alias.end())
    if found is not None:
        modifier = _MODIFIER_AFTER_MAP[found.group("after")] if found.group("after") else "point"
        unit = "个百分点"
    else:
        found = _SECURE_STRIVE_RE.match(scan.text, alias.end())
        modifier, unit = "point", "%"
    if found is None or growth is None:
        return False
    value = float(found.group("number"))
    in_percent = unit == "%"  # a margin in 个百分点 has no base value
    reading = _Reading(growth, value, None, None, unit, modifier, value if in_percent else None,
                       "%" if in_percent else None, found.start("number"), found.end(), "")
    scan.emit(name, alias.start(), reading)
    if scan.figures[-1][1].kind == "achieved":
        scan.figures.pop()  # a margin is how a target is set; a result gives its own rate
    scan.consumed_to = found.end()
    return True


def _read_flat(scan: _ParagraphScan, alias: re.Match[str], name: str, indicators: Sequence[Indicator]) -> bool:
    """与上年持平: a change of zero (基本持平: about zero)."""
    found = _FLAT_RE.match(scan.text, alias.end())
    indicator = _pick(indicators, percent=True)
    if found is None or indicator is None:
        return False
    modifier = "about" if found.group("basic") else "point"
    reading = _Reading(indicator, 0.0, None, None, "%", modifier, 0.0, "%", alias.start(), found.end(), "")
    scan.emit(name, alias.start(), reading)
    scan.consumed_to = found.end()
    return True


# A clause that goes on with the growth of the subject named before an aside (地区生产总值增速
# 快于全省的势头不断巩固提升，全年增长7.8%): no subject of its own, so the named one's.
_LATER_GROWTH_RE = re.compile(r"[,;]\s*(?=(?:全年|同比|比上年|较上年)*(?:增长|下降)\s*\d)")
MAX_ASIDE_CHARS = 40


def _read_later_clause(scan: _ParagraphScan, alias: re.Match[str], name: str, indicators: Sequence[Indicator],
                       alias_re: re.Pattern[str]) -> None:
    text = scan.text
    limit = min(alias.end() + MAX_ASIDE_CHARS, *(e for e in scan.sentence_ends if e > alias.end()), len(text))
    found = _LATER_GROWTH_RE.search(text, alias.end(), limit)
    if found is None or alias_re.search(text, alias.end(), found.end()) or re.search(r"\d", text[alias.end():found.start()]):
        return
    match = _HEAD_VALUE_RE.match(text, found.end())
    value = _read_value(match, text) if match else None
    if value is None or value.unit != "%":
        return
    reading = _interpret(value, indicators)
    if reading is not None:
        scan.emit(name, alias.start(), reading)
        scan.consumed_to = max(scan.consumed_to, value.end)


def _read_chain(scan: _ParagraphScan, alias: re.Match[str], name: str, indicators: Sequence[Indicator]) -> bool:
    """The figure after an alias and the ones chained to it: 地区生产总值35538亿元、增长5.3%.

    A chained value must be of the other kind (a level after a growth or the reverse), so that
    增长7%以上、力争达到8% or 增长5.7%，高于全国0.7个百分点 add nothing."""
    text = scan.text
    from_level = _FROM_LEVEL_RE.match(text, alias.end())
    quarters = _QUARTERS_THEN_YEAR_RE.match(text, alias.end()) or from_level
    position = quarters.end() if quarters else alias.end()
    seen_percent: set[bool] = set()
    read_any = False
    first = True
    averaging = False
    since_head = ""  # the base year of a growth over years whose average the chain reads next
    while True:
        position = _skip_asides(text, position, separator_first=not first)
        match = _HEAD_VALUE_RE.match(text, position)
        if match is None:
            return read_any
        value = _read_value(match, text, bare=first and _is_price_index(alias, indicators, match))
        if value is None:
            if first and _LOOSE_RE.match(text, alias.end()):
                scan.skipped += 1  # a number we see but cannot read: counted, never guessed
                return True
            return read_any
        percent = value.unit in ("%", "个百分点", "‰")
        first = False
        read_any = True
        if value.milestone and not percent:
            # 突破6000亿元(大关), 达到6105亿元、增长6.3%: a milestone is no level; read on
            tail = _MILESTONE_AFTER_RE.match(text, value.end)
            position = tail.end() if tail else value.end
            scan.consumed_to = max(scan.consumed_to, position)
            continue
        if percent in seen_percent:
            return read_any
        seen_percent.add(percent)
        position = value.end
        scan.consumed_to = max(scan.consumed_to, position)
        if _rejected_after(text, value.end):
            return True
        reading = _interpret(value, indicators)
        if averaging:
            # 从1997年的7.4万亿元增加到2002年的10.2万亿元，平均每年增长7.7%: the average of the
            # years between, which emit dates; any other growth after a span is no year's
            if reading is not None and ("年均" in reading.head or "每年" in reading.head):
                scan.emit(name, alias.start(), replace(reading, head=since_head + reading.head))
            return True
        if reading is not None and from_level and from_level.group("to_year"):
            reading = replace(reading, head=from_level.group("to_year") + reading.head)  # 增加到2020年的…: of 2020
        since = _BASE_YEAR_RE.search(reading.head) if reading is not None and percent else None
        if since is not None and _average_follows(text, position):
            # 比2002年增长65.5%，年均增长10.6%: growth over the years since, whose yearly
            # average follows; the average is the figure, over the same years
            seen_percent.discard(True)
            averaging = True
            since_head = since.group()
            continue
        if reading is not None:
            scan.emit(name, alias.start(), reading)
        if from_level:
            # the growth after it (年均增长8.2%) is over the years between: read only when they
            # are named, by the sentence or by the account of several years it stands in (五年来，…)
            if _FROM_TO_YEARS_RE.search(text, alias.end(), position) is None and not scan.in_account_of_years(alias.start()):
                return True
            averaging = True


def _average_follows(text: str, position: int) -> bool:
    """Whether the chain's next figure is a yearly average (，年均增长10.6%)."""
    following = _HEAD_VALUE_RE.match(text, _skip_asides(text, position, separator_first=True))
    return following is not None and ("年均" in following.group("head") or "每年" in following.group("head"))


def _skip_asides(text: str, position: int, separator_first: bool) -> int:
    """Where the next figure of a chain may start: after a separator (between two figures)
    and any asides, each with its separator."""
    if separator_first:
        position = _separator_end(text, position)
    while True:
        aside = _ASIDE_RE.match(text, position)
        if aside is None:
            return position
        position = _separator_end(text, aside.end())


def _separator_end(text: str, position: int) -> int:
    found = _CHAIN_SEP_RE.match(text, position)
    assert found is not None  # every part of the pattern is optional
    return found.end()


# ---------------------------------------------------------------- the document
def _context(texts: Sequence[str], year: int | None, parts: Sequence[str | None] | None,
             national: bool = False) -> _Context:
    current_review = any(_CURRENT_REVIEW_RE.search(text) for text in texts)
    if current_review and year is not None:
        # A report written at the end of the year it reviews (今年以来…) that sets targets for
        # the report's year (2023年的主要预期目标) reviews the year before, as reports do.
        sets_targets = re.compile(rf"{year}年(?:的)?(?:全市|全省|全区|全县)?(?:经济社会发展)?(?:的)?(?:主要)?预期目标")
        current_review = not any(sets_targets.search(text) for text in texts)
    plan_start = None
    for index, text in enumerate(texts):
        part = parts[index] if parts is not None and index < len(parts) else None
        if part == "review":
            continue
        found = _TARGET_INTRO_RE.search(text)
        if found is not None:
            plan_start = (index, found.start())
            break
    return _Context(year, current_review, plan_start, national)


def extract_figures(paragraphs: Sequence[str], year: int | None,
                    parts: Sequence[str | None] | None = None, national: bool = False,
                    plan_spans: Sequence[str | None] | None = None) -> tuple[list[Figure], int]:
    """All figures of the table's indicators in `paragraphs`, in document order, and the
    number of number spans next to an indicator that could not be read (skipped, not guessed).

    `year` is the report's year: targets are of `year`, results of `year - 1` unless the text
    says otherwise (or reviews the current year, 今年以来). `parts[i]` is the part of
    paragraph i (review, targets, plan, government, appendix) when known; `national`: the
    report is the country's own, whose territory 全国 and 我国 name; `plan_spans[i]`: the years
    of the five-year plan whose targets paragraph i's section sets (see ``plan_section_span``)."""
    table = _table(national)
    # Only paragraphs that name an indicator are normalised: mapping full-width forms costs
    # more than everything else on a long report. Aliases are Chinese, bar a few written in
    # Latin letters that a page may set full-width (ＧＤＰ).
    context = _context(paragraphs, year, parts, national)
    figures: list[Figure] = []
    skipped = 0
    for index, original in enumerate(paragraphs):
        if not table.alias_re.search(original) and not _FULL_WIDTH_LATIN.search(original):
            continue
        text = _normalise(original)
        if not table.alias_re.search(text):
            continue
        part = parts[index] if parts is not None and index < len(parts) else None
        sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        clause_ends = [m.start() for m in _CLAUSE_END_RE.finditer(text)]
        openings = [(m.end(), m.group("period")) for m in _SUB_YEAR_OPENING_RE.finditer(text)]
        past_openings = [(m.end(), m.group("cue")) for m in _PAST_OPENING_RE.finditer(text)]
        this_year = [m.start() for m in _THIS_YEAR_RE.finditer(text)]
        plan_span = plan_spans[index] if plan_spans is not None and index < len(plan_spans) else None
        scan = _ParagraphScan(index, original, text, part, context, sentence_ends, clause_ends, openings,
                              past_openings, this_year, plan_span)
        _scan_respectively(scan, table)
        _scan_aliases(scan, table)
        figures.extend(figure for _, figure in sorted(scan.figures, key=lambda pair: pair[0]))
        skipped += scan.skipped
    # FIGURES.md makes in_step a kind of target; a result stated only as 与经济增长基本同步
    # has no value to compare, so it is no key figure.
    kept = [f for f in figures if not (f.modifier == "in_step" and f.kind == "achieved")]
    return _registered_where_no_surveyed(kept), skipped


def _registered_where_no_surveyed(figures: list[Figure]) -> list[Figure]:
    """A report that gives no surveyed unemployment rate (城镇调查失业率) for a year gives its
    registered rate (城镇登记失业率) as its unemployment rate, as analysts and the reference
    set read it; ``name`` still says which it is."""
    surveyed = {(f.kind, f.period) for f in figures if f.indicator == "unemployment_rate"}
    return [replace(f, indicator="unemployment_rate")
            if f.indicator == "registered_unemployment_rate" and (f.kind, f.period) not in surveyed else f
            for f in figures]


def _scan_aliases(scan: _ParagraphScan, table: _Table) -> None:
    """Read each alias outside the 分别 lists already read."""
    text = scan.text
    lists = iter(scan.lists)  # in text order, as the aliases are
    current = next(lists, None)
    for alias in table.alias_re.finditer(text):
        while current is not None and current[1] <= alias.start():
            current = next(lists, None)
        if (current is not None and current[0] <= alias.start()) or alias.start() < scan.consumed_to:
            continue
        if not _allowed_before(text, alias.start(), scan.context.national):
            continue
        name = scan.original[alias.start():alias.end()]
        indicators = table.by_alias[alias.group()]
        if (_read_urban_rural_pair(scan, alias, name, table)
                or _read_in_step(scan, alias, name, indicators, table.alias_re) or _read_flat(scan, alias, name, indicators)
                or _read_margin(scan, alias, name, indicators)):
            continue
        if _read_chain(scan, alias, name, indicators):
            continue
        if _LOOSE_RE.match(text, alias.end()):
            scan.skipped += 1
        else:
            _read_later_clause(scan, alias, name, indicators, table.alias_re)
