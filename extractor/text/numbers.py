"""Reading numbers written in Arabic or Chinese numerals.

``small_int`` reads the ordinals of outline markers (一, 十二, 12).  ``parse_number`` and
``read_number`` read one whole number expression; ``find_numbers`` scans a text for every
number token, which is what the claims are built on.  A token is the number *as written*:
Arabic (``1,352.6``), Chinese (``一千三百五十二``, ``二〇二〇``, ``三点五``), a share
(``百分之六``, ``三分之一``, ``1/3``, ``三成``, ``过半``, ``一半``: in per cent), a doubling
(``翻一番`` = 2, ``翻两番`` = 4) or a range (``3-5``, ``三到五``, ``6%-6.5%``).  Scales (万, 亿)
and units that follow a token belong to the unit (``extractor.claims.units``); ``parse_number``
applies them so that ``parse_number("1.3万亿") == 1.3e12``.

Chinese numerals themselves are read by ``extractor.text.numerals`` (re-exported here).

Run the scanner on folded text (``extractor.text.fold``): full-width digits and ``％`` are ASCII
there and offsets do not move.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import NamedTuple

import regex

from extractor.text.fold import fold
from extractor.text.numerals import adjacent, chinese_int, chinese_number, numerals

__all__ = [
    "NUMERAL_CHARS", "Number", "chinese_int", "chinese_number", "find_numbers", "parse_number",
    "read_number", "scaled", "small_int",
]  # fmt: skip

#: Scales written between a number and its unit (``2万吨``, ``1.3万亿斤``), longest first.
SCALES = {"万亿": 1e12, "萬億": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9,
          "千万": 1e7, "百万": 1e6, "十万": 1e5, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4,
          "千": 1e3}  # fmt: skip

_D = "〇零○一二两兩三四五六七八九"
#: Thousands are separated by commas, full-width ones too in older reports (３３，２１２万吨).
#: ASCII digits only (the patterns compile with regex.ASCII): the text is folded (０-９ →
#: 0-9), and regex's Unicode \d knows digits of newer scripts (Kawi, U+11F50) than this
#: Python's float() does.  \d, not [0-9]: regex scans for \d several times faster.
ARABIC = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FLAGS = regex.VERSION1 | regex.ASCII
_NOT_CHENG = "不变|为|功|立|本|果|效|员|熟|都|长|交|型|片|批|绩|就|套|像|品|年|分|真|了|色|规|群|千"
_END = r"(?![A-Za-z0-9.])"
_RANGE_SEP = r"\s?(?:-|—|–|~|～|至|到)\s?"
#: Separate scans (one alternation of them all is several times slower): Arabic numerals
#: and ranges, Chinese numerals and ranges, and each kind of share; where they overlap
#: (三分之一 holds the numeral 三) the earlier, then longer, token wins.
#:
#: Arabic figures inside codes and names are not numbers (PM2.5, G20, 555X, 4A级, 5G): no
#: letter, digit or point before or after.  A Chinese numeral starts with a digit or 十 (not
#: ○, a mask) and is not read after 数/几 (数十个).  Each pattern opens with the class of its
#: first character and the lookbehind tests the one before it: stdlib ``re`` then skips to
#: where that class matches (one bitmap test a character; ``regex`` compares a set member by
#: member), and find_numbers runs them with ``re`` (:func:`_followed_by`).  An Arabic numeral
#: is matched atomically after its first digit (group ``a_rest``), as ``(?>…)`` around the
#: whole would; a Chinese one possessively, which is the same: only optional parts follow.
_ARABIC_SCAN = (
    rf"\d(?<![A-Za-z0-9.]\d)(?>(?P<a_rest>\d{{0,2}}(?:[,，]\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?)"
    rf"(?:(?P<ascale>万亿|亿|万|千)?(?P<apct>%)?{_RANGE_SEP}(?P<b>{ARABIC}))?{_END})"
)
#: What a Chinese numeral opens with (a digit or 十, not ○: a mask), what it may hold after
#: that, and what it is not read after (数十个).
_CN_FIRST, _CN_REST, _CN_NOT_AFTER = "零〇一二两兩三四五六七八九十", f"{_D}十百千万萬亿億", "数几"
_CHINESE_ONE = rf"[{_CN_FIRST}](?<![{_CN_NOT_AFTER}].)[{_CN_REST}]*+(?:[点點][{_D}]++)?+"
_CHINESE_SCAN = rf"(?P<ca>{_CHINESE_ONE})(?:{_RANGE_SEP}(?P<cb>{_CHINESE_ONE}))?+"
ARABIC_RE = regex.compile(_ARABIC_SCAN, _FLAGS)
CHINESE_RE = regex.compile(_CHINESE_SCAN, regex.VERSION1)
_SHARES = {
    "percent": rf"(?P<pct>[百千])分之(?P<pnum>{ARABIC}|[{_D}十百点點]+)",
    "fraction": rf"(?P<den>(?<![{_D}十百])[{_D}十百]++|(?<!\d)\d++)分之(?P<nom>[{_D}十]+|\d+)",
    "cheng": rf"(?<=(?<![{_D}十])(?P<cheng>[一二两三四五六七八九]|\d))成(?!{_NOT_CHENG})",
    "half": r"(?:(?<!经)过|一)半(?![年月天日])|半数",  # not 经过半年
    # 1/10, 1/3以上: small integers only, not part of a date, a path or a code (2026/02/11)
    "slash": r"(?<![\d/A-Za-z_.])(?P<snum>\d{1,3})/(?P<sden>\d{1,3})(?![\d/A-Za-z_.])",
    "doubling": r"翻了?(?P<fan>[一两二三四]|\d)?番",
}
#: Each share pattern scans alone: literal-led patterns are found fast, an alternation not.
SHARE_RES = {name: regex.compile(p, _FLAGS) for name, p in _SHARES.items()}
#: What a text must hold for a share pattern to match at all: a substring test is cheaper
#: than a scan.
_SHARE_NEEDS = {
    "percent": "分之",
    "fraction": "分之",
    "cheng": "成",
    "half": "半",
    "slash": "/",
    "doubling": "番",
}
_SCALE = "|".join(SCALES)
_TAIL = regex.compile(rf"(?:余|多|来)?(?P<scale>{_SCALE})?(?:余|多)?")
_WHOLE = regex.compile(
    r"(?:约|大约|近|将近|接近|超过|超|逾|不足|不到)?(?P<core>.+?)(?P<unit>%|‰|倍)?"
    r"(?:以上|以下|左右|以内)?"
)


class Number(NamedTuple):
    """One number token: ``value`` is the number (a range's low end), scales not applied.

    A named tuple rather than a dataclass: the scanner builds one per numeral it reads.
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "arabic"  # arabic | chinese | share | multiple | range | mask
    unit: str = ""  # what the token itself implies: % for shares, 倍 for doublings
    low_scale: float | None = None  # a scale written on a range's low end (5万-10万元)


def small_int(text: str) -> int | None:
    """The value of an ordinal below 100: ``一``→1, ``十二``→12, ``二十``→20, ``7``→7."""
    if text.isdigit():
        return int(text)
    digits = numerals().digits
    if not text or any(ch not in digits and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in digits) or (units and units not in digits) or "十" in units:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def arabic(text: str) -> float:
    """An Arabic numeral with thousands separators: ``1,352.6`` → 1352.6, ``2，737`` → 2737."""
    return float(text.replace(",", "").replace("，", ""))


def any_number(text: str) -> float | None:
    """An Arabic or Chinese numeral (as in a share's parts)."""
    if text and text[0].isdigit():
        return arabic(text)
    return chinese_number(text)


def _share(kind: str, m: regex.Match[str]) -> float | None:
    """A share in per cent: 百分之六 → 6, 千分之三 → 0.3, 三分之一 → 33.3333, 三成 → 30."""
    if kind == "percent":
        value = any_number(m.group("pnum"))
        return value / 10 if value is not None and m.group("pct") == "千" else value
    if kind == "fraction":
        den, nom = any_number(m.group("den")), any_number(m.group("nom"))
        return round(100 * nom / den, 4) if den and nom is not None else None
    if kind == "cheng":
        value = any_number(m.group("cheng"))
        return None if value is None else value * 10
    if kind == "slash":
        num, den = int(m.group("snum")), int(m.group("sden"))
        return round(100 * num / den, 4) if 0 < num < den else None
    return 50.0


def _token(m: regex.Match[str], is_arabic: bool) -> Number | None:
    """The Number for one match of ARABIC_RE or CHINESE_RE, or None if it does not parse."""
    start, end, text = m.start(), m.end(), m.group()
    if is_arabic:
        return _range(m, True) if m.group("b") else Number(start, end, text, arabic(text))
    if m.group("cb"):
        return _range(m, False)
    pair = adjacent(text)
    if pair:
        return Number(start, end, text, pair[0], pair[0], pair[1], kind="range")
    value = chinese_number(text)
    return None if value is None else Number(start, end, text, value, kind="chinese")


def _share_token(kind: str, m: regex.Match[str]) -> Number | None:
    """The Number for one share or doubling (翻两番 → 4)."""
    start, end = m.start("cheng") if kind == "cheng" else m.start(), m.end()
    if kind == "doubling":
        times = m.group("fan")
        n = 1 if times is None else (int(times) if times.isdigit() else numerals().digits[times])
        return Number(start, end, m.group(), float(2**n), kind="multiple", unit="倍")
    value = _share(kind, m)
    text = m.string[start:end]
    return None if value is None else Number(start, end, text, value, kind="share", unit="%")


def _range(m: regex.Match[str], is_arabic: bool) -> Number | None:
    """A range, or its first number when the ends do not increase (2024-12)."""
    first: Number | None = None
    if is_arabic:
        first_end = m.end("a_rest")
        first_text = m.string[m.start() : first_end]
        low, high = arabic(first_text), arabic(m.group("b"))
        scale = SCALES.get(m.group("ascale") or "")
        first = Number(m.start(), first_end, first_text, low)
    else:
        low_c, high_c = chinese_number(m.group("ca")), chinese_number(m.group("cb"))
        if low_c is not None:
            first = Number(m.start(), m.end("ca"), m.group("ca"), low_c, kind="chinese")
        if low_c is None or high_c is None:
            return first
        low, high, scale = low_c, high_c, None
    if low >= high and scale is None:
        return first
    return Number(m.start(), m.end(), m.group(), low, low, high, kind="range", low_scale=scale)


_PLAIN = (ARABIC_RE, CHINESE_RE)


@lru_cache(maxsize=8)
def _followed_by(before: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ARABIC_RE and CHINESE_RE kept only where the next character is in ``before``,
    compiled with the stdlib ``re`` (it reads them as ``regex`` does; see _ARABIC_SCAN).

    The number is matched atomically, as the plain pattern reads it, and the character
    after it tested in the pattern: most numerals (一是, 进一步) fail there without a
    match object.  A later start inside a rejected numeral ends where it ended, before
    the same character, so it fails too: the tokens are those of the plain scan, filtered.
    """
    chars = "".join(re.escape(ch) for ch in sorted(before) if len(ch) == 1)
    end = r"|\Z" if "" in before else ""
    follow = f"(?=[{chars}]{end})" if chars else f"(?={end[1:]})" if end else "(?!)"
    return (
        re.compile(f"{_ARABIC_SCAN}{follow}", re.ASCII),
        re.compile(f"{_CHINESE_SCAN}{follow}"),
    )


#: The characters a Chinese numeral may hold (what _CHINESE_ONE reads after its first).
NUMERAL_CHARS = frozenset(_CN_REST)
_NUMERAL_FIRST, _NUMERAL_NOT_AFTER = frozenset(_CN_FIRST), frozenset(_CN_NOT_AFTER)


def _before_numeral_led(text: str, units: Collection[str]) -> list[Number]:
    """Chinese numerals right before a unit that opens with a numeral character
    (``四百零六万千瓦``): the scan reads that character as part of the numeral and then
    finds no unit after it, so these are read back from the unit."""
    out: list[Number] = []
    for unit in units:
        pos = text.find(unit)
        while pos >= 0:
            start = pos
            while start > 0 and text[start - 1] in NUMERAL_CHARS:
                start -= 1
            if (
                start < pos
                and text[start] in _NUMERAL_FIRST
                and text[start - 1 : start] not in _NUMERAL_NOT_AFTER
                and (value := chinese_number(text[start:pos])) is not None
            ):
                out.append(Number(start, pos, text[start:pos], value, kind="chinese"))
            pos = text.find(unit, pos + len(unit))
    return out


def find_numbers(
    text: str, *, before: Collection[str] | None = None, numeral_led: Collection[str] = ()
) -> list[Number]:
    """Every number token in ``text`` (fold it first), left to right.

    A range whose ends do not increase (``2024-12``) is read as its first number.  With
    ``before``, a plain number or range is kept only if the character after it is in
    ``before`` (the first characters of the units; ``""`` for the end of the text): the
    patterns test it, so that most numerals are never read.  ``numeral_led`` are units
    that open with a numeral character and go on with one not in ``before`` (千瓦): a
    Chinese numeral before one is read back from it (:func:`_before_numeral_led`).
    """
    found = [
        tok
        for kind, pattern in SHARE_RES.items()
        if _SHARE_NEEDS[kind] in text
        for m in pattern.finditer(text)
        if (tok := _share_token(kind, m))
    ]
    patterns = _followed_by(frozenset(before)) if before is not None else _PLAIN
    for is_arabic, pattern in zip((True, False), patterns, strict=True):
        for m in pattern.finditer(text):
            tok = _token(m, is_arabic)
            if tok is not None:
                found.append(tok)
    found += _before_numeral_led(text, numeral_led)
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[Number] = []
    for tok in found:
        if not out or tok.start >= out[-1].end:
            out.append(tok)
    return out


def read_number(text: str) -> Number | None:
    """One whole number expression, its scale applied: ``1.3万亿`` → 1.3e12, ``2万余`` → 2e4.

    Hedges around it (约, 近, 余, 多, 以上, 左右) and a trailing ``%``, ``‰`` or ``倍`` are allowed;
    anything else makes it not a number.  A range keeps ``low`` and ``high``.
    """
    whole = _WHOLE.fullmatch(fold(text).strip())
    if whole is None:
        return None
    core = whole.group("core")
    tokens = find_numbers(core)
    if not tokens or tokens[0].start != 0:
        return None
    tail = _TAIL.fullmatch(core, tokens[0].end)
    if tail is None:
        return None
    scale = SCALES.get(tail.group("scale") or "", 1.0)
    return _scaled(tokens[0], scale / 10 if whole.group("unit") == "‰" else scale)


def scaled(value: float, factor: float) -> float:
    """``value * factor`` without float noise: 1.3 × 1e4 → 13000.0, 3 × 0.1 → 0.3."""
    return value if factor == 1 else float(f"{value * factor:.12g}")


def _scaled(tok: Number, scale: float) -> Number:
    def times(x: float | None, own: float | None = None) -> float | None:
        return None if x is None else scaled(x, own or scale)

    low = times(tok.low, tok.low_scale)
    value = low if tok.kind == "range" else times(tok.value)
    return Number(
        tok.start,
        tok.end,
        tok.text,
        value,
        low,
        times(tok.high),
        tok.kind,
        tok.unit,
        tok.low_scale,
    )


def parse_number(text: str) -> float | None:
    """The value of one number expression (a range's low end), or None.

    >>> parse_number("1,352.6"), parse_number("一千三百五十二"), parse_number("1.3万亿")
    (1352.6, 1352.0, 1300000000000.0)
    >>> parse_number("百分之六"), parse_number("三分之一"), parse_number("翻两番")
    (6.0, 33.3333, 4.0)
    """
    number = read_number(text)
    return None if number is None else number.value
