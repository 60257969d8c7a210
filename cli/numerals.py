"""Chinese numerals as reports write them (百分之六点五, 两千, 一万二千, 一九五八, 三百四): the
reading of cn2an's "normal" mode, without its start-up.

cn2an compiles regular expressions of several hundred kilobytes when it is imported, about
80 ms, longer than analysing a whole report; a figure written in Chinese numerals paid it in
every process. This module accepts and refuses the same spans and gives the same values
(tested against cn2an on every numeral of the corpus and seeds, and on generated ones), so
cn2an is a test dependency only.

What is read: an integer part in the usual grammar (sections of 千百十 under 万 and 亿, a 零
where a unit is skipped), or digits alone read place by place (一九五八 = 1958), or the
spoken shorthand where the last digit takes the unit below the one before it (一万二 =
12000); then optionally 点 and decimal digits. Anything else is refused (None): 五亿二千
could be 500,002,000 or 520,000,000, so it is not guessed."""

from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_NONZERO = frozenset(d for d, v in _DIGITS.items() if v)
_ZERO = frozenset("零〇")
_ALL_DIGITS = "".join(_DIGITS)
_ALL_UNITS = "".join(_UNITS)

# cn2an's repairs of forms people write (and its own converter emits) before it checks a span:
# 十万零一千 -> 十万一千, 一万二十 -> 一万零二十, 一千二十 -> 一千零二十, 一百十 -> 一百一十.
_ZERO_BEFORE_THOUSAND_RE = re.compile(rf"(万)零(?=[{_ALL_DIGITS}]千)")
_BIG_UNIT_MISSING_ZERO_RE = re.compile(rf"([万亿])([{_ALL_DIGITS}][十百])")
_THOUSAND_MISSING_ZERO_RE = re.compile(rf"(千)([{_ALL_DIGITS}]?十)")
_HUNDRED_MISSING_ONE_RE = re.compile(r"(百)(十)")
_SPOKEN_RE = re.compile(rf"(?:[{_ALL_DIGITS}]{{0,2}}([{_ALL_UNITS}]))+[{_ALL_DIGITS}]")


def chinese_numeral(span: str) -> Decimal | None:
    """The value of a span of Chinese numerals (no sign, no %), or None if it is not one."""
    if not span or span.count("点") > 1:
        return None
    span = span.replace("零十", "零一十").replace("零百", "零一百")
    integer, point, decimals = span.partition("点")
    if any(ch not in _DIGITS and ch not in _UNITS for ch in integer):
        return None
    if point and (len(decimals) > 16 or any(ch not in _DIGITS for ch in decimals)):
        return None
    integer = _repaired(integer)
    if _is_number(integer):
        value = _with_units(integer)
    elif integer and all(ch in _DIGITS for ch in integer):
        value = int("".join(str(_DIGITS[ch]) for ch in integer))
    else:
        spoken = _SPOKEN_RE.fullmatch(integer)
        below = _UNITS[spoken.group(1)] // 10 if spoken and len(integer) >= 3 else 0
        unit = next((u for u, v in _UNITS.items() if v == below), None)
        if unit is None:
            return None
        value = _with_units(integer + unit)
    if not point:
        return Decimal(value)
    # cn2an adds a float fraction and rounds it to the digits written: same value, as str
    fraction = sum(_DIGITS[ch] * 10 ** -(k + 1) for k, ch in enumerate(decimals)) if decimals else 0
    return Decimal(str(round(value + round(fraction, len(decimals)), len(decimals))))


def _repaired(integer: str) -> str:
    integer = _ZERO_BEFORE_THOUSAND_RE.sub(r"\1", integer)
    integer = _BIG_UNIT_MISSING_ZERO_RE.sub(r"\1零\2", integer)
    integer = _THOUSAND_MISSING_ZERO_RE.sub(r"\1零\2", integer)
    integer = _HUNDRED_MISSING_ONE_RE.sub(r"\1一\2", integer)
    return integer.replace("零十", "零一十")


def _with_units(integer: str) -> int:
    """The value of a numeral with units, read from the right as cn2an does (a leading unit
    counts one of itself: 十二 = 12)."""
    value, unit, section = 0, 1, 1
    for index, ch in enumerate(reversed(integer)):
        if ch in _DIGITS:
            value += _DIGITS[ch] * unit
            continue
        unit = _UNITS[ch]
        if unit % 10_000 == 0:
            if unit > section:
                section = unit
            else:  # 万亿
                section = unit = unit * section
        if unit < section:
            unit *= section
        if index == len(integer) - 1:
            value += unit
    return value


# ---------------------------------------------------------------- the grammar of a number
# Each function says whether the whole string is a number of its range, written in full.

def _is_number(s: str) -> bool:
    return s in _ZERO or _below_10e16(s)


def _below_10e16(s: str) -> bool:
    head, unit, rest = s.partition("亿")
    if not unit:
        return _below_10e8(s)
    return _below_10e8(head) and (rest == "" or _zero_then(rest, _below_10e8) or _from_10e4(rest))


def _below_10e8(s: str) -> bool:
    return _from_10e4(s) or _below_10e4(s)


def _from_10e4(s: str) -> bool:
    head, unit, rest = s.partition("万")
    return bool(unit) and _below_10e4(head) and (rest == "" or _zero_then(rest, _below_1000) or _from_1000(rest))


def _below_10e4(s: str) -> bool:
    return _from_1000(s) or _below_1000(s)


def _from_1000(s: str) -> bool:
    return (len(s) >= 2 and s[0] in _NONZERO and s[1] == "千"
            and (len(s) == 2 or _zero_then(s[2:], _below_100) or _from_100(s[2:])))


def _below_1000(s: str) -> bool:
    return _from_100(s) or _below_100(s)


def _from_100(s: str) -> bool:
    if len(s) < 2 or s[0] not in _NONZERO or s[1] != "百":
        return False
    rest = s[2:]
    return (rest == "" or (len(rest) == 2 and rest[0] in _ZERO and rest[1] in _NONZERO)
            or (len(rest) >= 2 and rest[0] in _NONZERO and _tens(rest)))


def _below_100(s: str) -> bool:
    return (len(s) == 1 and s in _NONZERO) or _tens(s)


def _tens(s: str) -> bool:
    """十, 十二, 二十, 二十三."""
    if s.startswith("十"):
        rest = s[1:]
    elif len(s) >= 2 and s[0] in _NONZERO and s[1] == "十":
        rest = s[2:]
    else:
        return False
    return rest == "" or (len(rest) == 1 and rest in _NONZERO)


def _zero_then(s: str, part) -> bool:
    return len(s) >= 2 and s[0] in _ZERO and part(s[1:])
