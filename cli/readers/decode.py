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


def decode_bytes(data: bytes, source: str = "<input>") -> tuple[str, str]:
    """Decode report bytes; return (text, name of the encoding used)."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_or_fail(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_or_fail(data[2:], "utf-16-le", source), "utf-16"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_or_fail(data[2:], "utf-16-be", source), "utf-16"
    utf16 = looks_utf16(data)
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
        candidates.append((plausibility(text), enc, text))
    if not candidates:
        from charset_normalizer import from_bytes  # rare path: keep start-up light

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            text = str(best)
            if plausibility(text) > 0.6:
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


