"""Stage 1: bytes in, normalised simplified-Chinese text lines out.

Decoding, HTML extraction, script conversion, removal of converter
pinyin and of page furniture all happen here, so that later stages see
only the report's own words."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from html.parser import HTMLParser

from .document import CleanText
from .errors import BinaryInputError, DecodeError

# Magic numbers of the non-text files people most often feed by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (DOC/XLS)"),
    (b"RIFF", "a RIFF media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# The 500 most frequent characters of modern Chinese text. Decoding the
# same bytes as GB18030 and as Big5 both "succeed" surprisingly often;
# the right one is the one whose characters look like ordinary Chinese.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
    "理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社"
    "义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
    "结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放"
    "决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争"
    "济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具"
    "万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素"
    "技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红"
    "细引听该铁价严龙飞務經發會這個們國來時為說對動過後產當業"
    "，。、；：？！“”（）《》"
)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th "
    "thead tr ul title".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head nav iframe object".split())

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


def detect_binary(data: bytes) -> str | None:
    """Say what non-text data looks like, or None if it may be text."""
    head = data[:64]
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return None
    if b"\x00" in data[:65536]:
        return "binary data (it contains NUL bytes)"
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (from ASCII digits, punctuation and
    newlines) mostly on one side of each byte pair (一 is U+4E00), and the text it decodes to
    reads as Chinese."""
    sample = data[: 1 << 16]
    sample = sample[: len(sample) - len(sample) % 2]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even + odd < 2:
        return None
    for encoding, on_side, off_side in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if on_side >= 0.7 * (even + odd) and off_side <= 0.02 * len(sample):
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausibility(text) > 0.6:
                return encoding
    return None


def _plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese or ASCII text is made of."""
    if not text:
        return 0.0
    sample = text[:20000]
    good = sum(1 for ch in sample if ch in _COMMON or ch.isascii() or ch == "\u3000")
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs", "Cc") and ch not in "\n\t\r")
    return (good - 5 * bad) / len(sample)


def decode_bytes(data: bytes, source: str = "<input>") -> tuple[str, str]:
    """Decode report bytes; return (text, name of the encoding used)."""
    what = detect_binary(data)
    if what:
        raise BinaryInputError(source, f"refused: this looks like {what}, not a text report")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_or_fail(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_or_fail(data[2:], "utf-16-le", source), "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_or_fail(data[2:], "utf-16-be", source), "utf-16"
    utf16 = _looks_utf16(data)
    if utf16:
        return _decode_or_fail(data, utf16, source), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), enc, text))
    if not candidates:
        from charset_normalizer import from_bytes  # rare path: keep start-up light

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            text = str(best)
            if _plausibility(text) > 0.6:
                return text, best.encoding
        raise DecodeError(source, "refused: the bytes are not text in UTF-8, UTF-16, GB18030, GBK or Big5")
    score, enc, text = max(candidates)
    if score < 0.5:
        raise DecodeError(source, f"refused: the bytes do not decode to readable text (best guess {enc})")
    return text, enc


def _decode_or_fail(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"refused: invalid {encoding} at byte {exc.start}") from None


class _TextExtractor(HTMLParser):
    """Collect visible text, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.skip_depth:
            self.parts.append("#" * int(tag[1]) + " ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(data.replace("\n", " "))


_HTML_HINT = re.compile(r"<(!doctype\s+html|html|body|div|p|br|head|meta|table|span)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip()
    if head.lower().startswith(("<!doctype html", "<html")):
        return True
    return len(_HTML_HINT.findall(text[:20000])) >= 3


def extract_html_text(text: str) -> str:
    """Visible text of an HTML page, block elements as separate lines."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    has_h1 = "\n# " in "\n" + body
    title = parser.title.strip()
    if title and not has_h1:
        body = f"# {title}\n" + body
    return body


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


def clean_text(text: str, encoding: str = "utf-8") -> CleanText:
    """Clean decoded text. Idempotent: cleaning a cleaned text changes nothing."""
    html = looks_like_html(text)
    if html:
        text = extract_html_text(text)
    text, pinyin = remove_glued_pinyin(text)
    conversion = "none"
    text, converted = simplify_script(text)
    if converted:
        conversion = "t2s"
        text, more = remove_glued_pinyin(text)
        pinyin += more
    lines: list[str] = []
    dropped = 0
    for raw in _LINE_BREAKS.sub("\n", text).split("\n"):
        line = normalise_line(raw)
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
        encoding=encoding,
        script_conversion=conversion,
        pinyin_removed=pinyin,
        dropped_lines=dropped,
        html=html,
        warnings=tuple(warnings),
    )


def clean_bytes(data: bytes, source: str = "<input>") -> CleanText:
    text, encoding = decode_bytes(data, source)
    return clean_text(text, encoding)
