"""Stage: decoded text in, normalised simplified-Chinese lines out.

Script conversion, removal of converter pinyin and of page furniture happen here, so that
later stages see only the report's own words. Reading bytes (sniffing, decoding, HTML) is
the readers' job; this stage never sees bytes."""

from __future__ import annotations

import functools
import re

from ..document import CleanText, RawText

_PINYIN_SYLLABLE = "[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0144\u0148\u01f9]{1,6}"
# A converter that annotates polyphonic characters leaves 達(dá): a CJK
# character immediately followed by a bracketed lowercase syllable.
_GLUED_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]" + _PINYIN_SYLLABLE + r"[)）]"
)

_DATE_LINE = re.compile(
    r"^[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?[\]】)）]?$"
)
_CAPTION = re.compile(r"[\u3400-\u9fff]{1,4}\s*(摄|供图|/摄|摄影)[)）]?$")
_BYLINE = re.compile(
    r"^[□■◎●]\s*[\u3400-\u9fff]{2,4}(\s+[\u3400-\u9fff]{2,4})*$"
    r"|^[\u3400-\u9fff]{2,3}(?:[\s\u3000]+[\u3400-\u9fff]{2,3})+$"
    r"|^(本报|本网)?(记者|通讯员|作者|文/|文|编辑|责编|责任编辑|审核|校对)[\s:：/]"
)
# Navigation, widgets and source lines of news and government sites.
_FURNITURE = re.compile(
    r"^(上一篇|下一篇|上一版|下一版|上一条|下一条|往期阅读|往期回顾|相关阅读|推荐阅读|相关链接|相关新闻|"
    r"当前版|标题导航|返回顶部|返回首页|关闭窗口|打印本页|【?打印】?|【?关闭】?|分享到|扫一扫|"
    r"来源[:：]|稿源[:：]|信息来源[:：]|发布时间[:：]|时间[:：]|日期[:：]|发布日期[:：]|浏览次数|"
    r"阅读次数|点击[数量率]|访问量|作者[:：]|编辑[:：]|责任编辑|审核[:：]|校对[:：]|免责声明|"
    r"版权所有|Copyright|©|主办[:：]|承办[:：]|ICP备|网站标识码|京公网安备|"
    r"第\s*\d+\s*版[:：])"
    r"|(官方微信公众号|微信公众号|扫码关注|扫描二维码|二维码)$"
    r"|^(放大|缩小|默认|朗读|下载|打印|收藏|分享|字号|【字号】|大|中|小|\s|【|】|[|/])+$"
    r"|【\s*字号\s*[:：]?|字号[:：]\s*[大中小]"
    # rules and dividers; lone Chinese punctuation is kept, it is a broken sentence's tail
    r"|^[\s\-=_*#~|/\\·•.<>+^]*$",
    re.IGNORECASE,
)
# Disclaimers can run long, so they are matched by their opening alone.
_DISCLAIMER = re.compile(r"^【?(免责声明|版权声明|特别声明|声明)[】:：]")
_LINE_BREAKS = re.compile(r"\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")
_INNER_SPACE = re.compile(r"[ \t\u00a0\u2002-\u200a\u3000]+")
_INVISIBLE = re.compile("[\u200b-\u200f\ufeff\u2060\u00ad\x00-\x08\x0e-\x1f\x7f]")


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # loaded only when traditional text is seen

    return opencc.OpenCC("t2s")


# Characters that exist only in traditional script, frequent in reports.
_TRADITIONAL_ONLY = set(
    "這個們國來時為說對動過後產當業發會經開區與實現質將於無從據關應義務進設環際權據總機"
    "體際術構標準歷點計團響條問題華電費價傳統記論術讓員習導還邊觀該處變廣場黨條區縣鄉鎮"
)


def needs_simplification(text: str) -> bool:
    hanzi = 0
    trad = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            hanzi += 1
            if ch in _TRADITIONAL_ONLY:
                trad += 1
    return trad >= 3 and trad >= 0.02 * hanzi


def simplify_script(text: str) -> tuple[str, bool]:
    """Traditional to simplified when the text is mostly traditional; else unchanged."""
    if needs_simplification(text):
        return _t2s().convert(text), True
    return text, False


def remove_glued_pinyin(text: str) -> tuple[str, int]:
    total = 0
    while True:
        text, n = _GLUED_PINYIN.subn("", text)
        total += n
        if not n:
            return text, total


def is_furniture(line: str) -> bool:
    """True for navigation, widgets, source/date lines, bylines and photo captions."""
    if _DISCLAIMER.match(line):
        return True
    if len(line) > 80:
        return False
    return bool(
        _FURNITURE.search(line)
        or _DATE_LINE.match(line)
        or _BYLINE.search(line)
        or _CAPTION.search(line)
    )


def normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _INNER_SPACE.sub(" ", line)
    return line.strip()


def normalise_script(text: str) -> tuple[str, int, bool]:
    """Glued pinyin removed and traditional script simplified: (text, pinyin removed, converted).
    Pinyin is removed again after conversion, since converting can reveal more of it."""
    text, pinyin = remove_glued_pinyin(text)
    text, converted = simplify_script(text)
    if converted:
        text, more = remove_glued_pinyin(text)
        pinyin += more
    return text, pinyin, converted


def clean_paragraph(text: str) -> str:
    """One paragraph cleaned without splitting or merging it (for classify --jsonl)."""
    text, _, _ = normalise_script(text)
    return normalise_line(" ".join(text.split()))


def clean(raw: RawText) -> CleanText:
    """Clean a reader's text. Idempotent: cleaning a cleaned text changes nothing."""
    text, pinyin, converted = normalise_script(raw.text)
    conversion = "t2s" if converted else "none"
    lines: list[str] = []
    dropped = 0
    for line_raw in _LINE_BREAKS.sub("\n", text).split("\n"):
        line = normalise_line(line_raw)
        if not line:
            lines.append("")
        elif is_furniture(line):
            dropped += 1
        else:
            lines.append(line)
    cleaned = "\n".join(lines).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    warnings: list[str] = []
    if pinyin:
        warnings.append(f"removed {pinyin} pinyin annotation(s) left by a converter")
    return CleanText(
        text=cleaned,
        encoding=raw.encoding,
        script_conversion=conversion,
        pinyin_removed=pinyin,
        dropped_lines=dropped,
        html=raw.html,
        warnings=raw.warnings + tuple(warnings),
    )


