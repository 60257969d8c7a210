"""How much a sentence says: figures with units, named projects and programmes count for
it; slogan and framing vocabulary count against it. Plain centrality favours vague
sentences precisely because they echo every section; this is the counterweight."""

from __future__ import annotations

import re

_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|‰|个百分点|亿元|万元|元|亿|万|千|百|个|家|户|人次|人|项|座|所|台|辆|套|条|公里|千米|米|"
    r"平方米|平方公里|亩|公顷|吨|千瓦|千伏|兆瓦|立方米|件|次|倍|年|天|张|类|批|处|场|名)"
)
_NAMED = re.compile(r"《[^》]{2,40}》|“[^”]{2,20}”|[\u4e00-\u9fffA-Za-z0-9]{2,16}(?:项目|工程|园区|产业园|基地|中心|平台|计划|行动)")
# Every _NAMED match holds one of these: a text without any cannot match, and most cannot.
_NAMED_CUE = re.compile("《|“|项目|工程|园区|产业园|基地|中心|平台|计划|行动")
_FRAMING = re.compile(
    r"习近平|党中央|总书记|精神|指引|思想|坚强领导|重要讲话|二十大|万众一心|撸起袖子|加油干|奋力|谱写|书写|"
    r"新篇章|新征程|蓝图|行稳致远|砥砺|踔厉|同心|初心|使命|决心|信心|担当|感恩|嘱托|伟大|光荣|奋斗|"
    r"各位代表|总基调|新发展理念|高质量发展之路"
)


def informativeness(text: str, key_figures: int = 0) -> float:
    """How concrete a text is; ``key_figures``: how many figures of the indicator table the
    figures layer found in it (GDP, revenue, jobs …), worth more than any other quantity."""
    figures = len(_FIGURE.findall(text))
    named = len(_NAMED.findall(text)) if _NAMED_CUE.search(text) else 0
    framing = len(_FRAMING.findall(text))
    # Figures weigh most and count up to eight: the readers' picks are the figure-dense
    # statements (tune reports: ROUGE-2 0.580 -> 0.613 against 0.5 for up to four).
    value = 1.5 * min(figures, 8) / 8 + 0.3 * min(named, 3) / 3 + 0.3 * min(key_figures, 3) / 3
    value += 0.2 * min(len(text), 120) / 120
    value -= 0.25 * min(framing, 3)
    if not figures and framing:
        value -= 0.2
    return max(value, 0.0)
