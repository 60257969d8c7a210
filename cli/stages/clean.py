"""Stage: decoded text in, normalised simplified-Chinese lines out.

Script conversion, removal of converter pinyin and of page furniture happen here, so that
later stages see only the report's own words. Reading bytes (sniffing, decoding, HTML) is
the readers' job; this stage never sees bytes."""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import accumulate

from ..document import CleanText, RawText

_PINYIN_SYLLABLE = "[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0144\u0148\u01f9]{1,6}"
# A converter that annotates polyphonic characters leaves 達(dá): a CJK
# character immediately followed by a bracketed lowercase syllable.
# A run of them (達(dá)(dá)) goes in one match, so removal is one linear pass. The bracket
# comes first and the character before it is looked back at after it: the engine then skips
# to the next bracket instead of trying the look-behind at every character.
_GLUED_PINYIN = re.compile(
    r"[(（](?<=[\u3400-\u9fff\uf900-\ufaff][(（])" + _PINYIN_SYLLABLE + r"[)）](?:[(（]" + _PINYIN_SYLLABLE + r"[)）])*"
)

# Page furniture by kind, first match wins. Each pattern is anchored and bounded so that no
# line can make it backtrack; lines longer than MAX_FURNITURE_CHARS are body text whatever
# they contain, except disclaimers and copyright notices, matched by their opening alone.
MAX_FURNITURE_CHARS = 80
# one piece of a pager (共5页 上一页 1 2 3 下一页 尾页, [1] [2] [下一页])
_PAGER = r"共\s*\d+\s*页|第\s*\d+\s*页|本文共\s*\d+\s*页|[\[【(（]?(?:上一页|下一页|首页|尾页|末页|\d{1,3})[\]】)）]?"
_FURNITURE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("disclaimer", re.compile(r"^【?(免责声明|版权声明|特别声明|声明)[】:：]")),
    # A newspaper's note before the text it prints (编者按：…现全文刊发。), however long.
    ("editors_note", re.compile(r"^[【\[（(]?(编者按|编者的话|核心提示|内容提要)[】\]）)]?\s*[:：]")),
    ("copyright", re.compile(
        r"^.{0,40}(版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备|技术支持[:：]|网站地图|联系我们|"
        r"网站声明|隐私(政策|声明)|主办单位|承办单位|主办[:：]|承办[:：]|政府网站找错|转载请注明|未经授权)"
        r"|^本?(网站|网|站)由.{2,40}(主办|承办|维护)", re.IGNORECASE)),
    ("navigation", re.compile(
        r"^(首页|当前位置|您的位置|您现在的位置|所在位置|位置[:：]|上一篇|下一篇|上一版|下一版|上一条|下一条|"
        r"上一页|下一页|标题导航|当前版|English)"
        # words a report's line may begin with too (注册企业, 无障碍环境建设): only alone
        r"|^(?:(?:返回顶部|返回首页|返回列表|返回|关闭窗口|关闭本页|无障碍|长者模式|适老化|登录|注册|搜索|手机版|"
        r"电脑版|PC版|简体版|繁体版|繁體版|简体中文|繁體中文)[\s|｜/·•:：]*)+$"
        r"|^[^。！？]{0,30}[>»＞›]\s*[^。！？]{0,40}$"
        r"|^第\s*\d+\s*版[:：]|^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]"
        r"|^(本版新闻|本版责编|版面导航|本期导读)"
        # a pager: 共5页 上一页 1 2 3 下一页 尾页, [1] [2] [下一页]
        r"|^(?:分页[:：]?\s*)?(?:" + _PAGER + r")(?:[\s|｜/·•,，]+(?:" + _PAGER + r"))+$")),
    ("related", re.compile(
        r"^【?(相关阅读|相关新闻|相关链接|相关文章|相关稿件|相关报道|推荐阅读|延伸阅读|热点推荐|热门推荐|"
        r"往期阅读|往期回顾|猜你喜欢|更多|精彩推荐|专题|点击排行|阅读排行|热点新闻|热门文章|最新文章|最新动态|"
        r"图片新闻|热点专题|今日推荐|往期推荐|政策解读|图文解读|相关附件|附件下载|全文下载|下载全文)】?\s*[:：>»]*\s*$"
        # a link to a reading of the report beside it (图解：一图读懂…, H5｜…, 视频：…解读)
        r"|^(?:【?(?:图解|一图读懂)|【?(?:H5|动画|长图|海报|视频)】?\s*[:：｜|丨])[^。！？]{0,50}$"
        r"|^附件\s*\d{0,2}\s*[:：]?\s*[^。！？]{1,60}\.(?:pdf|docx?|wps|xlsx?|zip|rar)$", re.IGNORECASE)),
    ("source", re.compile(
        r"^[【\[（(]?(来源|稿源|信息来源|文章来源|稿件来源|新闻来源|本文来源|出处|转自|来自|本文转载自|转载自|原标题)"
        r"[】\]]?\s*[:：｜|丨]")),
    ("posting_time", re.compile(
        r"^【?(发布时间|时间|日期|发布日期|更新时间|发表时间|成文日期)[】]?\s*[:：]"
        r"|^(?:[\u4e00-\u9fffA-Za-z·]{2,12}\s+)?[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?[\]】)）]?"
        r"(\s*(来源|作者|浏览|阅读|点击)[^。！？]{0,40})?$")),
    ("read_count", re.compile(
        r"^.{0,30}(浏览次数|阅读次数|阅读量|浏览量|点击[数量率]|访问量|访问次数)[:：\s]"
        r"|^[【\[]?(阅读|浏览|点击|访问|阅)[】\]]?[:：]?\s*\d+\s*次?$")),
    ("editor", re.compile(
        r"^[【\[（(]?(责任编辑|实习编辑|编辑|责编|审核|审校|责任校对|校对|终审|初审|复审|一审|二审|三审|值班编辑|"
        r"监制|制作|策划|排版|统筹|美编|海报制作|海报设计|视频制作|设计|摄像|剪辑)[】\]]?\s*[:：/|｜丨\s]")),
    ("byline", re.compile(
        r"^[□■◎●]\s*[\u3400-\u9fff]{2,4}(\s+[\u3400-\u9fff]{2,4})*$"
        r"|^[\u3400-\u9fff]{2,3}(?:[\s\u3000]+[\u3400-\u9fff]{2,3})+$"
        r"|^(本报|本网|新华社|人民网|央广网|中新网)?(记者|通讯员|作者|文/|文字|文|撰稿)[\s:：/｜丨]"
        r"|^[（(](本报|新华社)?记者[\u4e00-\u9fff\s、]{2,20}[)）]$"
        r"|^[\u4e00-\u9fff]{0,8}(日报|晚报|报|网|台)(全媒体|融媒体)?记者[\s\u3000]*[\u4e00-\u9fff]{2,4}"
        r"([\s\u3000、]+[\u4e00-\u9fff]{2,4})*$"
        r"|^[\u4e00-\u9fff·]{1,16}\s*(?:\d{1,2}月\d{1,2}日)?讯\s*(?:[（(](全媒体|融媒体)?(记者|通讯员)[^（()）]{1,30}[)）])?$"
        r"|^(新华社|中新社|中新网|人民网|央视网|央广网)[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电(\s*[（(][^（()）]{2,30}[)）])?$")),
    ("widget", re.compile(
        r"^(放大|缩小|默认|朗读|下载|打印|收藏|分享|字号|字体|【字号】|大|中|小|\s|【|】|[|/]|我要纠错|纠错|"
        r"打印本页|关闭窗口|关闭本页|关闭|微信|微博|QQ空间|QQ|分享到|扫一扫|扫码|用手机扫描|手机看|阅读全文|展开全文|"
        r"我要评论|发表评论|网友评论|评论|阅读原文|原文链接|点赞|在看|点亮“在看”|关注我们|关注|点击蓝字|图片|视频|超大|特大|"
        r"分享让更多人看到|扫码阅读手机版|打开APP阅读|APP专享|我要打印|收藏本页|加入收藏|语音播报|听全文|播放|暂停|音频|"
        r"大字版|PDF下载|[:：])+$|^\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?$"
        r"|^【\s*(字号|打印|关闭|纠错|收藏|大\s*中\s*小)|字号[:：]\s*[大中小Tt]|^分享到|^扫一扫|^用手机扫|^用?微信扫"
        r"|^视力保护色|^附件下载[:：]?$"
        r"|(官方微信公众号|微信公众号|扫码关注|扫描二维码|二维码|分享到[:：]?)$"
        # what a wiki editor's toolbar leaves behind when a button is pressed on no text
        r"|^(粗体文字|斜体文字|链接标题|标题文字|标题文本)$")),
    ("site_name", re.compile(
        r"^(下载|打开)?[\u3400-\u9fffA-Za-z]{2,20}\s*(门户网站|人民政府网|政府网|政务网|网站|客户端|APP|App|app|新闻网|"
        r"官网|官方网站|融媒体中心|公众号|频道|学习强国)$|^学习强国$")),
    ("caption", re.compile(
        r"[\u3400-\u9fff]{1,4}\s*(摄|供图|/摄|摄影)[)）]?$|^[▲△▼]\s*(?:图|\d{1,2}月\d{1,2}日)|^[▲△▼].{0,60}(?:摄|供图|图片来源)|^图为|^（?图片来源|^资料图|^图[:：]|^图片[:：]|^视频[:：]")),
    ("id", re.compile(r"^[0-9a-fA-F]{16,}$|^(索引号|文号|发文字号|发文机关|主题分类|发布机构|体裁分类|信息分类|主题词|公开方式|公开范围|有效性|标签|关键词|关键字)\s*[:：]|^[（(]此件(?:公开发布|主动公开)[)）]$")),
    # A table of contents (目录, a PDF's first pages): its entries are the headings again, each
    # with leader dots and a page number; read as headings, they head the address.
    ("contents", re.compile(r"^目\s*录$|^.{2,60}?(?:[.…·．]{4,}|…{2,})\s*\d{1,3}$")),
    # rules and dividers, and what wiki bold markup ('') leaves alone on a line; lone Chinese
    # punctuation is kept, it is a broken sentence's tail
    ("divider", re.compile(r"^[\s\-=_*#~|/\\·•.<>+^'`↓↑→←]*$|^[（(](?:全文)?完[)）]$")),
    # A printed page's number between dashes (— 12 —, the official-document style), or what
    # is left of one (— 23): a PDF's text layer keeps it as a line of its own.
    ("page_number", re.compile(r"^[—－–-]{1,2}\s*\d{1,4}\s*[—－–-]{0,2}$")),
)
_OFFICE_THEN_NAME = re.compile(r"^[\u4e00-\u9fff]{0,12}(长|主席|主任|书记|总理)[\s\u3000]+[\u4e00-\u9fff·]{2,5}$")
_EMBEDDED_DATELINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(在|于)")
# After 目录, an entry ends with its page number, set off by dots or by the space a tab became.
_CONTENTS_ENTRY = re.compile(r"^.{2,60}?(?:[\s.…·．]+)\d{1,3}$")
_LONG_FURNITURE = frozenset({"disclaimer", "editors_note", "copyright", "contents"})
# A related-articles list runs on after its header as short unpunctuated titles.
MAX_RELATED_TITLE_CHARS = 60
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


_TRADITIONAL_ONLY_RE = re.compile("[" + "".join(sorted(_TRADITIONAL_ONLY)) + "]")
_HANZI_RE = re.compile("[\u4e00-\u9fff]")


def needs_simplification(text: str) -> bool:
    trad = len(_TRADITIONAL_ONLY_RE.findall(text))
    return trad >= 3 and trad >= 0.02 * len(_HANZI_RE.findall(text))


def to_simplified(text: str) -> str:
    """The text in simplified script, whatever script it is in."""
    return str(_t2s().convert(text))


def simplify_script(text: str) -> tuple[str, bool]:
    """Traditional to simplified when the text is mostly traditional; else unchanged."""
    if needs_simplification(text):
        return to_simplified(text), True
    return text, False


def remove_glued_pinyin(text: str) -> tuple[str, int]:
    """Text without converter pinyin, and how many annotations were removed."""
    total = 0

    def count(m: re.Match[str]) -> str:
        nonlocal total
        total += m.group(0).count("(") + m.group(0).count("（")
        return ""

    return _GLUED_PINYIN.sub(count, text), total


# A page number a PDF's text layer ran into the text (增长7.2%，一 — 1 — 般公共预算收入): spaces on
# both sides tell it from a dash of the text; the sentence it interrupts is joined again.
_INLINE_PAGE_NUMBER = re.compile(r"[ \t\u3000]+[—－]\s?\d{1,4}\s?[—－][ \t\u3000]+")


# A whole report on one line: what a PDF's text layer gives when it loses the line breaks
# (枣庄, 潍坊 in the corpus). No paragraph of a report comes near this length.
RUN_TOGETHER_CHARS = 3000
_ENUMERATOR = r"(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)"
# A numbered heading starts after a sentence's end (and the space the text layer left there).
_RUN_TOGETHER_HEADING = re.compile(r"(?<=[。！？；：])[ \t\u3000]*(?=" + _ENUMERATOR + ")")
# The heading is its first words, up to the space before its section's text.
_HEADING_THEN_TEXT = re.compile(r"^(" + _ENUMERATOR + r"[^。！？；：\s]{2,40})[ \t\u3000]+(?=\S)")
# The line width's breaks: a space beside a Chinese character inside a sentence.
_WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff，、；：“”（）])[ \t\u3000](?=\S)|(?<=\S)[ \t\u3000](?=[\u4e00-\u9fff，、。；：“”（）%])")


def _report_lines(line: str) -> list[str]:
    """A line of a text, or a report run together on one line cut back into its sections."""
    if len(line) <= RUN_TOGETHER_CHARS:
        return [line]
    # Runs of spaces count as one, as cleaning leaves them, so a second cleaning finds the
    # same spaces to drop (cleaning is idempotent).
    lines: list[str] = []
    for piece in _RUN_TOGETHER_HEADING.split(_INNER_SPACE.sub(" ", line)):
        lines.extend(_WRAP_SPACE.sub("", part) for part in _HEADING_THEN_TEXT.split(piece, maxsplit=1) if part)
    return lines


def remove_inline_page_numbers(line: str) -> tuple[str, int]:
    """The line without page numbers run into it, and how many there were."""
    return _INLINE_PAGE_NUMBER.subn("", line)


def furniture_kind(line: str) -> str | None:
    """The kind of page furniture a line is (navigation, widget, source, …), or None."""
    for kind, pattern in _FURNITURE_KINDS:
        if len(line) > MAX_FURNITURE_CHARS and kind not in _LONG_FURNITURE:
            continue
        if pattern.search(line):
            if kind == "byline" and _OFFICE_THEN_NAME.match(line):
                return None  # 省长 王予波 names the speaker: the segmenter keeps it as metadata
            return kind
    return None


def is_furniture(line: str) -> bool:
    """True for navigation, widgets, source/date lines, bylines and photo captions."""
    return furniture_kind(line) is not None


# A text hard-wrapped at a fixed width (a newspaper's e-paper page broken by <br>, a PDF's text
# saved as plain text): most lines are as wide as the wrap, whatever they say, and a line that
# wide goes on in the next. A wrap counts characters (a web page's) or columns, where a Chinese
# character is two and a digit one (a PDF's line, as wide in print whatever it holds).
MIN_WRAPPED_LINES = 20
WRAPPED_SHARE = 0.5  # of the lines, at the wrap's width: a report of one paragraph a line has none
MIN_WRAP_CHARS = 12
WRAP_SLACK_CHARS = 2  # a full line may fall short: a closing mark kept off the next line's start
_NUMBERED_START = re.compile(r"^\s*(?:" + _ENUMERATOR + r"|第[一二三四五六七八九十]+[，、]|\d{1,2}[、.．](?!\d))")


def _columns(line: str) -> int:
    return len(line) + len(line) - len(line.encode("ascii", "ignore"))


def _wrap(lines: Sequence[str]) -> tuple[Callable[[str], int], int, int] | None:
    """How the text was wrapped (a measure of a line, the wrap's width in it and the slack a
    full line may have), or None when it was not."""
    kept = [line for line in lines if line]
    if len(kept) < MIN_WRAPPED_LINES:
        return None
    # Half the lines at one width: the upper half of the lengths lies close together. A text of
    # one paragraph a line has lengths that spread; it is let go here, before measuring columns.
    lengths = sorted(map(len, kept))
    if lengths[3 * len(lengths) // 4] > 1.3 * lengths[len(lengths) // 2] + WRAP_SLACK_CHARS:
        return None
    best: tuple[Callable[[str], int], int, int] | None = None
    best_near = 0
    for measure, scale in ((len, 1), (_columns, 2)):
        counts = [0] * (max(map(measure, kept)) + 2)
        for w in map(measure, kept):
            counts[w] += 1
        below = list(accumulate(counts, initial=0))  # below[w]: lines narrower than w
        slack = WRAP_SLACK_CHARS * scale
        for width in range(MIN_WRAP_CHARS * scale, len(counts)):
            if counts[width]:
                near = below[min(width + scale + 1, len(counts))] - below[max(width - slack, MIN_WRAP_CHARS * scale)]
                if near > best_near:
                    best, best_near = (measure, width, slack), near
    return best if best_near >= WRAPPED_SHARE * len(kept) else None


def unwrap_lines(lines: list[str], indented: Sequence[bool]) -> list[str]:
    """A hard-wrapped text's cleaned lines joined back into paragraphs, each set apart by a
    blank line; any other text's lines as they are. ``indented``: which lines the source
    indented. A full line goes on in the next unless that one is indented (where indents open
    the paragraphs) or numbered after a finished sentence."""
    wrap = _wrap(lines)
    if wrap is None:
        return lines
    measure, width, slack = wrap
    indents_open = 0 < sum(indented) < 0.6 * sum(1 for line in lines if line)
    out: list[str] = []
    going_on: int | None = None  # the line that a full last piece leaves open
    for line, indent in zip(lines, indented, strict=True):
        full = width - slack <= measure(line) <= width + slack // 2
        # Never past a report run together's length: a second cleaning would cut it up again.
        if (going_on is not None and line and len(out[going_on]) + len(line) <= RUN_TOGETHER_CHARS
                and not (indents_open and indent) and not (out[going_on][-1] in "。！？：" and _NUMBERED_START.match(line))):
            # A Chinese text wraps anywhere, inside a number too (1 / 2个): only a Latin text's
            # words keep a space where its lines meet.
            left = out[going_on]
            latin = left[-1].isascii() and left[-1].isalpha() and line[0].isascii() and line[0].isalpha()
            out[going_on] = left + (" " if latin and " " in left[-20:] else "") + line
            going_on = going_on if full else None
            continue
        if line:
            # Each paragraph is set apart by a blank line: a second cleaning, which may find a
            # width again in what is left, joins nothing across it (cleaning is idempotent).
            out += [line, ""]
        going_on = len(out) - 2 if line and full else None
    return out


# A text set with a space after every digit (1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元, 8 ．8 ％):
# where a line has three digits spaced so, its numbers are written again whole.
_SPACED_DIGITS = re.compile(r"\d [\d．.] \d")
_SPACE_IN_NUMBER = re.compile(r"(?<=[\d．.]) (?=[\d．.％%])")


# A page a scraper wrote as Markdown: links are their words, images nothing, bold its text
# (**一、2025年工作回顾** is the heading; [打印本页](javascript:print()) the widget).
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def normalise_line(line: str) -> str:
    if "](" in line:
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
    if "**" in line:
        line = _MD_BOLD.sub(r"\1", line)
    line = _INVISIBLE.sub("", line)
    line = _INNER_SPACE.sub(" ", line)
    if _SPACED_DIGITS.search(line):
        line = _SPACE_IN_NUMBER.sub("", line)
    return line.strip()


# What a scraper that kept a page's source leaves in plain text (&nbsp;, &ldquo;十四五&rdquo;,
# &#8220;): the characters they stand for. Unescaped until none is left, so that cleaning a
# cleaned text (once &amp;ldquo;, now &ldquo;) changes nothing.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,9}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")
MAX_UNESCAPES = 4


def unescape_entities(text: str) -> str:
    for _ in range(MAX_UNESCAPES):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def normalise_script(text: str) -> tuple[str, int, bool]:
    """HTML entities unescaped, glued pinyin removed and traditional script simplified: (text,
    pinyin removed, converted). Pinyin is removed again after conversion, since converting can
    reveal more of it."""
    text = unescape_entities(text)
    text, pinyin = remove_glued_pinyin(text)
    text, converted = simplify_script(text)
    if converted:
        text, more = remove_glued_pinyin(text)
        pinyin += more
    return text, pinyin, converted


def clean_paragraph(text: str) -> str:
    """One paragraph cleaned without splitting or merging it (for classify --jsonl)."""
    text, _, _ = normalise_script(remove_inline_page_numbers(text)[0])
    return normalise_line(" ".join(text.split()))


def clean_lines(lines: Sequence[str]) -> list[str]:
    """Lines of one report cleaned as ``clean_paragraph`` cleans one, with the script decided
    on all of them together, as it is for the whole report (a short heading of a traditional
    report has too few traditional characters to be converted on its own)."""
    text, _, _ = normalise_script("\n".join(remove_inline_page_numbers(line)[0] for line in lines))
    cleaned = text.split("\n")
    if len(cleaned) != len(lines):
        return [clean_paragraph(line) for line in lines]
    return [normalise_line(" ".join(line.split())) for line in cleaned]


def _is_listed_title(line: str) -> bool:
    return len(line) <= MAX_RELATED_TITLE_CHARS and line[-1] not in "。！？!?；;"


# A newspaper runs a long article over pages: …（下转第3版） / the page's running head / （上接第1版）….
_TURN_TO = re.compile(r"[（(](?:下转|转)第?\s*\d{1,2}\s*版[）)]$")
_GO_ON_FROM = re.compile(r"^[（(](?:上接|接)第?\s*\d{1,2}\s*版[）)]")
# A page's running head between the two is short and unpunctuated (政 府 工 作 报 告, a date).
MAX_RUNNING_HEAD_CHARS = 30


def clean(raw: RawText) -> CleanText:
    """Clean a reader's text. Idempotent: cleaning a cleaned text changes nothing."""
    text, pinyin, converted = normalise_script(raw.text)
    conversion = "t2s" if converted else "none"
    lines: list[str] = []
    dropped: Counter[str] = Counter()
    posted: list[str] = []
    in_related = False
    in_contents = False
    turned: int | None = None  # the line of the paragraph a page turned to a later one
    report_lines: list[str] = []
    for text_line in _LINE_BREAKS.sub("\n", text).split("\n"):
        # Page numbers go before the line width's spaces do: those spaces tell them apart.
        text_line, pages = remove_inline_page_numbers(text_line)
        if pages:
            dropped["page_number"] += pages
        report_lines.extend(_report_lines(text_line))
    indented: list[bool] = []  # which of the kept lines the source indented
    for line_raw in report_lines:
        line = normalise_line(line_raw)
        if not line:
            # A line of nothing but a zero-width space (which str.strip keeps and normalising
            # removed) marks a page break, not a paragraph's end (national 2021: 今年预期目标设定
            # / ​ / 为6%以上): the text runs on across it.
            if line_raw.strip():
                continue
            lines.append("")
            indented.append(False)
            continue
        if turned is not None:
            if (go_on := _GO_ON_FROM.match(line)):
                # the page's running head between is dropped only now that the text goes on:
                # a file that never does keeps every line
                dropped["page_number"] += 1
                dropped["running_head"] += sum(1 for kept in lines[turned + 1:] if kept)
                del lines[turned + 1:], indented[turned + 1:]
                lines[turned] += line[go_on.end():].lstrip()
                continue
            if len(line) > MAX_RUNNING_HEAD_CHARS or line[-1] in "。！？!?；;：:，,":
                turned = None
        turn = _TURN_TO.search(line)
        if turn is not None and turn.start() == 0:
            # the mark on a line of its own: the paragraph before it is the one that goes on
            dropped["page_number"] += 1
            turned = next((i for i in range(len(lines) - 1, -1, -1) if lines[i]), turned)
            continue
        if turn is not None:
            dropped["page_number"] += 1
            line = line[:turn.start()].rstrip()
        kind = furniture_kind(line)
        if kind == "source":
            # 来源：江西省人民政府2025年1月17日在…会议上: the delivery line run on after a source
            embedded = _EMBEDDED_DATELINE.search(line)
            if embedded and embedded.start() > 0:
                dropped[kind] += 1
                line, kind = line[embedded.start():], None
        if kind is None and in_related and _is_listed_title(line):
            kind = "related"
        if kind is None and in_contents and _CONTENTS_ENTRY.match(line):
            kind = "contents"  # a Word file's entry: its leader dots are a tab, read as a space
        in_contents = kind == "contents"
        if kind is None:
            in_related = False
            lines.append(line)
            indented.append(line_raw[:2].isspace())  # two spaces (or 　　) before the text
            if turn is not None:
                turned = len(lines) - 1
        else:
            in_related = kind == "related" or (in_related and kind in ("posting_time", "source"))
            dropped[kind] += 1
            if kind == "posting_time":
                posted.append(line)
    # A wrapped text is joined once its page is gone: what is left is the report's, and a
    # second cleaning finds the same lines to measure.
    unwrapped = unwrap_lines(lines, indented)
    if unwrapped is not lines:
        # A converter's pinyin that the width broke (區(q / ū)) is whole again, and goes too; a
        # caption the width broke (张 / 三 摄) is a caption again.
        joined = unwrapped
        unwrapped = []
        for line in joined:
            line, removed = remove_glued_pinyin(line)
            pinyin += removed
            kind = furniture_kind(line) if line else None
            if kind is None:
                unwrapped.append(line)
            else:
                dropped[kind] += 1
    cleaned = "\n".join(unwrapped).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    if not converted and needs_simplification(cleaned):
        # Mostly traditional only once the page around it is gone: converted now, as a second
        # cleaning, which sees the text without its page, would convert it.
        cleaned, _ = simplify_script(cleaned)
        cleaned, more = remove_glued_pinyin(cleaned)
        pinyin += more
        conversion = "t2s"
    warnings: list[str] = []
    if pinyin:
        warnings.append(f"removed {pinyin} pinyin annotation(s) left by a converter")
    return CleanText(
        text=cleaned,
        encoding=raw.encoding,
        script_conversion=conversion,
        pinyin_removed=pinyin,
        dropped=tuple(sorted((kind, n) for kind, n in dropped.items() if n)),
        posted=tuple(posted),
        html=raw.html,
        warnings=raw.warnings + tuple(warnings),
    )


