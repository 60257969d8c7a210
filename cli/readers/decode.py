"""Bytes to text: UTF-8 and UTF-16 with or without BOM, GB18030/GBK and Big5.

GB18030 and Big5 both decode many byte strings without error; the right one is the one
whose characters look like ordinary Chinese, so candidates are scored by plausibility."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import DecodeError

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



def looks_utf16(data: bytes) -> str | None:
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
            if plausibility(text) > 0.6:
                return encoding
    return None


def plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese or ASCII text is made of."""
    if not text:
        return 0.0
    sample = text[:20000]
    good = sum(1 for ch in sample if ch in _COMMON or ch.isascii() or ch == "\u3000")
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs", "Cc") and ch not in "\n\t\r")
    return (good - 5 * bad) / len(sample)


# A file with at most this share of broken characters is read with them replaced (and a
# warning); more, and it is not text in that encoding.
MAX_BROKEN_SHARE = 0.01
_CHINESE_FAMILIES = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "hz-gb-2312": "gb18030",
                     "big5": "big5", "big5hkscs": "big5", "cp950": "big5"}


def encoding_family(label: str | None) -> str | None:
    """gb18030 for every GB label (a page that says gb2312 is usually GBK or more), big5 for
    Big5's; None for others."""
    return _CHINESE_FAMILIES.get((label or "").strip().lower().replace("_", "-"))


def decode_bytes(data: bytes, source: str = "<input>", declared: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """Decode report bytes; return (text, the encoding used, warnings). ``declared`` is an
    encoding the file names for itself (an HTML meta charset), tried first."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_or_fail(data[3:], "utf-8", source), "utf-8-sig", ()
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_or_fail(data[2:], "utf-16-le", source), "utf-16", ()
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_or_fail(data[2:], "utf-16-be", source), "utf-16", ()
    utf16 = looks_utf16(data)
    if utf16:
        return _decode_or_fail(data, utf16, source), utf16, ()
    order = ["utf-8", "gb18030", "big5"]
    family = encoding_family(declared) or ("utf-8" if (declared or "").lower().replace("_", "-") in ("utf-8", "utf8") else None)
    if family:
        order.remove(family)
        order.insert(0, family)
        try:
            return data.decode(family), family, ()
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    strict = {}
    for enc in ("gb18030", "big5"):
        try:
            strict[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if len(strict) == 2:
        # Both decode: short GBK and Big5 fragments are told apart by chardet's statistics
        # (right on every 10-40 character fragment we measured), longer ones by plausibility.
        guess = encoding_family(_chardet_guess(data))
        if guess in strict and plausibility(strict[guess]) >= 0.3:
            return strict[guess], guess, ()
    scored = sorted(((plausibility(text), enc, text) for enc, text in strict.items()), reverse=True)
    # Bytes valid in one encoding only need less evidence than a choice between two.
    needed = 0.3 if len(strict) == 1 else 0.5
    if scored and scored[0][0] >= needed:
        return scored[0][2], scored[0][1], ()
    # A few broken bytes (a truncated download, a bad copy) cost a character each, not the file.
    repaired = []
    for enc in order:
        text = data.decode(enc, errors="replace")
        broken = text.count("\ufffd")
        if broken <= MAX_BROKEN_SHARE * max(len(text), 1):
            repaired.append((plausibility(text.replace("\ufffd", "")), enc, text, broken))
    repaired.sort(reverse=True)
    if repaired and repaired[0][0] >= 0.5:
        _, enc, text, broken = repaired[0]
        return text, enc, (f"replaced {broken} undecodable byte sequence(s) in {enc} with \ufffd",)
    best = scored[0][1] if scored else "none"
    raise DecodeError(source, f"refused: the bytes are not readable text in UTF-8, UTF-16, GB18030/GBK or Big5 "
                              f"(best guess {best})")


def _chardet_guess(data: bytes) -> str | None:
    import chardet  # only for the rare bytes that are both valid GB18030 and valid Big5

    return chardet.detect(data[:65536]).get("encoding")


def _decode_or_fail(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"refused: invalid {encoding} at byte {exc.start}") from None


