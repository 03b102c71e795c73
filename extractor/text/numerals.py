"""Chinese numerals: 一千三百五十二, 两万, 三千零五, 二〇二〇, 三点五, 三四 ("three or four").

``chinese_int`` reads a whole integer numeral (with 万 and 亿 inside, ○ or 零 for zero, and
the shorthand 一万五 = 15,000); ``chinese_number`` adds a decimal part (三点五).  Used by
``extractor.text.numbers``, which scans texts for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor.rules.loader import default_rules


@dataclass(frozen=True, slots=True)
class Numerals:
    """The numeral characters of the rules ([numerals] and ``text.decimal_point`` in
    patterns/text.toml; traditional forms derived at load), sorted by what they do."""

    digits: Mapping[str, int]  # below 10: zero written three ways, 两 and 兩
    units: Mapping[str, int]  # 十 百 千
    myriads: tuple[tuple[str, int], ...]  # the characters of each myriad, largest first
    zeros: str
    points: tuple[str, ...]  # the decimal point as written; the first is the one read


@cache
def numerals() -> Numerals:
    """The numerals of the shipped rules, built on first use."""
    rules = default_rules()
    values = {str(ch): int(v) for ch, v in rules.map("numerals").items()}
    big = {ch: v for ch, v in values.items() if v >= 10**4}
    digits = {ch: v for ch, v in values.items() if v < 10}
    return Numerals(
        digits=digits,
        units={ch: v for ch, v in values.items() if 10 <= v < 10**4},
        myriads=tuple(
            ("".join(ch for ch, v in big.items() if v == mult), mult)
            for mult in sorted(set(big.values()), reverse=True)
        ),
        zeros="".join(ch for ch, v in digits.items() if v == 0),
        points=rules.vocab("text.decimal_point").items,
    )


#: A numeral reaching this value is not read as a figure (10¹⁶, 亿亿: beyond any report's
#: figures and a float's exact integers).
MAX_VALUE = 10**16
#: A numeral longer than this is not read at all: 九千九百九十九万九千九百九十九亿
#: 九千九百九十九万九千九百九十九 (just below 10¹⁶) has 31 characters; a run of thousands of
#: numeral characters (一亿一亿…, 一二三四一二三四…) is no figure, and costs nothing to refuse.
MAX_NUMERAL_CHARS = 64
_MAX_DIGITS = 16
#: What _positional returns for a digit-by-digit numeral too long to be a figure.
_TOO_LONG = MAX_VALUE


def _section(text: str) -> int | None:
    """A numeral below 10,000: 一千三百五十二, 三千零五, 十二, and 三千五 (= 3500)."""
    cn, small_units = numerals().digits, numerals().units
    total, digit, last, zero = 0, None, 10**4, False
    for ch in text:
        if ch in cn and cn[ch] == 0:
            zero, digit = True, None
        elif ch in cn:
            if digit is not None:
                return None
            digit = cn[ch]
        elif ch in small_units and small_units[ch] < last:
            total += (1 if digit is None else digit) * small_units[ch]
            digit, last = None, small_units[ch]
        else:
            return None
    if digit is not None:
        total += digit * (last // 10 if 100 <= last < 10**4 and not zero else 1)
    return total


def _positional(text: str) -> int | None:
    """Digit-by-digit numerals: 二〇二〇 → 2020, 一九九八 → 1998 (at most 16 digits)."""
    cn = numerals().digits
    digits = all(ch in cn for ch in text) and cn.get(text[:1], 0) != 0
    if digits and (len(text) >= 3 or any(cn[ch] == 0 for ch in text)):
        if len(text) > _MAX_DIGITS:
            return _TOO_LONG
        return int("".join(str(cn[ch]) for ch in text))
    return None


def _below(rest: str, mult: int) -> int | None:
    """The part after 万 or 亿: 一万五 → 5000, 一万零五 → 5, 一亿三千万 → 30,000,000."""
    if not rest:
        return 0
    cn = numerals().digits
    if len(rest) == 1 and cn.get(rest, 0):
        return cn[rest] * mult // 10
    value = chinese_int(rest.lstrip(numerals().zeros))
    return value if value is not None and value < mult else None


def chinese_int(text: str) -> int | None:
    """A whole Chinese numeral: 一千三百五十二, 两万, 三千零五, 二十四亿一千四百八十万.

    Read in one pass over its groups (``A亿B亿C`` is ``(A × 10⁸ + B) × 10⁸ + C``, each group
    below 10⁸; the same with 万 inside a group), so the work is linear in the text.  A
    numeral of :data:`MAX_NUMERAL_CHARS` characters or more, or whose value reaches
    :data:`MAX_VALUE` (10¹⁶: no report states a figure that large; 一亿一亿一亿… would grow
    without end), is not a figure: None, as for text that is no numeral."""
    if not text or len(text) > MAX_NUMERAL_CHARS:
        return None
    value = _positional(text)
    if value is None:
        value = _grouped(text, 0)
    return None if value is None or value >= MAX_VALUE else value


def _grouped(text: str, scale: int) -> int | None:
    """``text`` read as groups separated by the myriad ``numerals().myriads[scale]`` (亿,
    then 万), each group after the first below it; a text without it is read at the next
    scale down."""
    myriads = numerals().myriads
    if scale >= len(myriads):
        return _section(text)
    chars, mult = myriads[scale]
    for ch in chars[1:]:  # 億, 萬: the traditional forms
        text = text.replace(ch, chars[0])
    groups = text.split(chars[0])
    if len(groups) == 1:
        return _grouped(text, scale + 1)
    head = groups[0]
    value = chinese_int(head) if head else None
    for rest in groups[1:]:
        low = _below(rest, mult)
        if value is None or low is None or value >= MAX_VALUE:
            return None
        value = value * mult + low
    return value


def chinese_number(text: str) -> float | None:
    """A Chinese numeral with an optional decimal part: 三点五 (三點五) → 3.5, 一点三万 → 13000.

    A text longer than :data:`MAX_NUMERAL_CHARS` is no figure (None) and is not remembered."""
    if len(text) > MAX_NUMERAL_CHARS:
        return None
    return _chinese_number(text)


@lru_cache(maxsize=4096)
def _chinese_number(text: str) -> float | None:
    """Remembered: reports repeat the same few numerals (一, 五, 两, 三千) thousands of times."""
    nums = numerals()
    cn = nums.digits
    for point in nums.points[1:]:  # 點: the traditional form
        text = text.replace(point, nums.points[0])
    whole, sep, frac = text.partition(nums.points[0])
    if not sep:
        value = chinese_int(text)
        return None if value is None else float(value)
    scale = 1.0
    for names, mult in nums.myriads:
        if frac.endswith(tuple(names)):
            frac, scale = frac[:-1], float(mult)
    if not frac or any(ch not in cn for ch in frac):
        return None
    head = chinese_int(whole)
    if head is None:
        return None
    return (head + float("0." + "".join(str(cn[c]) for c in frac))) * scale


def adjacent(text: str) -> tuple[float, float] | None:
    """Two neighbouring digits meaning "three or four": 三四, 两三, 七八."""
    cn = numerals().digits
    if len(text) == 2 and all(ch in cn for ch in text):
        a, b = cn[text[0]], cn[text[1]]
        if 0 < a < b <= 9 and (b == a + 1 or (a, b) == (3, 5)):
            return float(a), float(b)
    return None
