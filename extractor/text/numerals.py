"""Chinese numerals: 一千三百五十二, 两万, 三千零五, 二〇二〇, 三点五, 三四 ("three or four").

``chinese_int`` reads a whole integer numeral (with 万 and 亿 inside, ○ or 零 for zero, and
the shorthand 一万五 = 15,000); ``chinese_number`` adds a decimal part (三点五).  Used by
``extractor.text.numbers``, which scans texts for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from extractor.rules.loader import default_rules

_RULES = default_rules()
#: Chinese digits as read inside a numeral, ○ (a circle for zero) and the traditional 兩
#: included: ``[numeral_digits]`` of patterns/numerals.toml.
CN_DIGITS: dict[str, int] = dict(_RULES.map("numeral_digits"))
DIGITS = CN_DIGITS
#: The powers of ten between digits (十 百 千) and the scales that group them (万 亿).
SMALL_UNITS: dict[str, int] = dict(_RULES.map("numeral_powers"))
BIG_UNITS: dict[str, int] = dict(_RULES.map("numeral_scales"))
#: The digits worth zero (零〇○), and the characters of each scale, from the largest
#: (亿億, then 万萬): a numeral is read group by group.
_ZEROS = "".join(ch for ch, value in CN_DIGITS.items() if value == 0)
_SCALES = tuple(
    ("".join(ch for ch, v in BIG_UNITS.items() if v == value), value)
    for value in sorted(set(BIG_UNITS.values()), reverse=True)
)
#: The decimal point (点, and 點 in traditional script).
POINTS: tuple[str, ...] = _RULES.vocab("numerals.point").items


@dataclass(frozen=True, slots=True)
class Numerals:
    """The numeral characters of the shipped rules, for readers outside this module
    (``extractor.outline.periods`` reads years in Chinese digits)."""

    digits: Mapping[str, int]
    zeros: str
    myriads: tuple[tuple[str, int], ...]
    points: tuple[str, ...]


def numerals() -> Numerals:
    """The numeral tables of patterns/numerals.toml (digits with ○ and 兩, the zeros, the
    myriads from the largest, the decimal points)."""
    return _NUMERALS


_NUMERALS = Numerals(CN_DIGITS, _ZEROS, _SCALES, POINTS)
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
    total, digit, last, zero = 0, None, 10**4, False
    for ch in text:
        if ch in CN_DIGITS and CN_DIGITS[ch] == 0:
            zero, digit = True, None
        elif ch in CN_DIGITS:
            if digit is not None:
                return None
            digit = CN_DIGITS[ch]
        elif ch in SMALL_UNITS and SMALL_UNITS[ch] < last:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit, last = None, SMALL_UNITS[ch]
        else:
            return None
    if digit is not None:
        total += digit * (last // 10 if 100 <= last < 10**4 and not zero else 1)
    return total


def _positional(text: str) -> int | None:
    """Digit-by-digit numerals: 二〇二〇 → 2020, 一九九八 → 1998 (at most 16 digits)."""
    digits = all(ch in CN_DIGITS for ch in text) and CN_DIGITS.get(text[:1], 0) != 0
    if digits and (len(text) >= 3 or any(CN_DIGITS[ch] == 0 for ch in text)):
        if len(text) > _MAX_DIGITS:
            return _TOO_LONG
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    return None


def _below(rest: str, mult: int) -> int | None:
    """The part after 万 or 亿: 一万五 → 5000, 一万零五 → 5, 一亿三千万 → 30,000,000."""
    if not rest:
        return 0
    if len(rest) == 1 and CN_DIGITS.get(rest, 0):
        return CN_DIGITS[rest] * mult // 10
    value = chinese_int(rest.lstrip(_ZEROS))
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


def _grouped(text: str, level: int) -> int | None:
    """``text`` read as groups separated by the scale of ``level`` (亿 at 0, then 万), each
    group after the first below the scale; a text without it is read at the next scale down."""
    if level >= len(_SCALES):
        return _section(text)
    chars, mult = _SCALES[level]
    for ch in chars[1:]:
        text = text.replace(ch, chars[0])
    groups = text.split(chars[0]) if chars else [text]
    if len(groups) == 1:
        return _grouped(text, level + 1)
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
    whole, sep, frac = text, "", ""
    for point in POINTS:  # 点, or 點 in traditional script
        if point in text:
            whole, sep, frac = text.partition(point)
            break
    if not sep:
        value = chinese_int(text)
        return None if value is None else float(value)
    scale = 1.0
    for name, mult in BIG_UNITS.items():
        if frac.endswith(name):
            frac, scale = frac[: -len(name)], float(mult)
    if not frac or any(ch not in CN_DIGITS for ch in frac):
        return None
    head = chinese_int(whole)
    if head is None:
        return None
    return (head + float("0." + "".join(str(CN_DIGITS[c]) for c in frac))) * scale


def adjacent(text: str) -> tuple[float, float] | None:
    """Two neighbouring digits meaning "three or four": 三四, 两三, 七八."""
    if len(text) == 2 and all(ch in CN_DIGITS for ch in text):
        a, b = CN_DIGITS[text[0]], CN_DIGITS[text[1]]
        if 0 < a < b <= 9 and (b == a + 1 or (a, b) == (3, 5)):
            return float(a), float(b)
    return None
