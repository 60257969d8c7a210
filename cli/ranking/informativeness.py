"""How much a sentence says: figures with units count for it, the key figures of the
indicator table (GDP, revenue, jobs …) most; slogan and framing vocabulary count against it.
Plain centrality favours vague sentences precisely because they echo every section; this is
the counterweight."""

from __future__ import annotations

import re

_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|个百分点|亿元|万元|元|亿|万|千|百|个|家|户|人次|人|项|座|所|台|辆|套|条|公里|千米|米|"
    r"平方米|平方公里|亩|公顷|吨|千瓦|千伏|兆瓦|立方米|件|次|倍|年|天|张|类|批|处|场|名)"
)
# A report typeset in full-width forms (增长52％, national 2000) or writing its figures in words
# (增长百分之十三点四, the 1990s; 七百八十三亿元, 八十五元 in the 1950s) states figures as much as one
# that writes 52%. A numeral in words counts with two characters or more: 两个, 三年 are no figures.
_FULL_WIDTH_FIGURE = str.maketrans("％．", "%.")
_SHARE_IN_WORDS = re.compile(r"百分之[零〇一二两三四五六七八九十百点]+")
_QUANTITY_IN_WORDS = re.compile(
    r"[零〇一二两三四五六七八九十百千万亿]{2,}多?\s*(?:亿元|万元|元|亿|万|个|家|户|人|项|座|所|台|辆|套|条|公里|米|亩|吨|斤|担|千瓦|度|倍|县)")
# 1.4万亿斤 is a figure in digits already (a look-behind in the pattern costs twice the time).
_AFTER_DIGITS = frozenset("0123456789.．０１２３４５６７８９")
_FRAMING = re.compile(
    r"习近平|党中央|总书记|精神|指引|思想|坚强领导|重要讲话|二十大|万众一心|撸起袖子|加油干|奋力|谱写|书写|"
    r"新篇章|新征程|蓝图|行稳致远|砥砺|踔厉|同心|初心|使命|决心|信心|担当|感恩|嘱托|伟大|光荣|奋斗|"
    r"各位代表|总基调|新发展理念|高质量发展之路"
)


def informativeness(text: str, key_figures: int = 0) -> float:
    """How concrete a text is; ``key_figures``: how many figures of the indicator table the
    figures layer found in it, worth more than any other quantity."""
    if "％" in text or "．" in text:
        text = text.translate(_FULL_WIDTH_FIGURE)
    figures = (len(_FIGURE.findall(text)) + (len(_SHARE_IN_WORDS.findall(text)) if "百分之" in text else 0)
               + sum(1 for m in _QUANTITY_IN_WORDS.finditer(text) if text[m.start() - 1: m.start()] not in _AFTER_DIGITS))
    framing = len(_FRAMING.findall(text))
    # The readers' picks are the statements of a theme's key figures (规模以上工业增加值增长8.2%,
    # 城镇新增就业6.62万人), then the figure-dense ones; named projects and programmes, which
    # counted here before, drew lists of projects they do not pick (tune reports, ROUGE-2
    # 0.622 -> 0.678 with the key figures weighing 3 in place of 0.3).
    value = 1.5 * min(figures, 8) / 8 + 3.0 * min(key_figures, 3) / 3
    value += 0.2 * min(len(text), 120) / 120
    value -= 0.25 * min(framing, 3)
    if not figures and framing:
        value -= 0.2
    return max(value, 0.0)
