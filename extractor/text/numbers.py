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
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

import regex

from extractor.rules.loader import default_rules
from extractor.rules.records import RuleSet
from extractor.text.fold import fold
from extractor.text.numerals import (
    DIGITS,
    SMALL_UNITS,
    adjacent,
    chinese_int,
    chinese_number,
)

__all__ = [
    "Number", "NumberScanner", "chinese_int", "chinese_number", "find_numbers", "parse_number",
    "read_number", "scaled", "scanner", "small_int",
]  # fmt: skip

#: Thousands are separated by commas, full-width ones too in older reports (３３，２１２万吨).
#: ASCII digits only (the patterns compile with regex.ASCII): the text is folded (０-９ →
#: 0-9), and regex's Unicode \d knows digits of newer scripts (Kawi, U+11F50) than this
#: Python's float() does.  \d, not [0-9]: regex scans for \d several times faster.
ARABIC = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FLAGS = regex.VERSION1 | regex.ASCII
_END = r"(?![A-Za-z0-9.])"


def _alt(words: Collection[str]) -> str:
    """Words as one alternation, the longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


def _cls(chars: Collection[str]) -> str:
    """Characters as a class; none as a pattern that never matches."""
    inside = "".join(regex.escape(ch) for ch in dict.fromkeys(chars))
    return f"[{inside}]" if inside else "(?!)"


@dataclass(frozen=True, slots=True)
class NumberScanner:
    """The number patterns of one rule set, built from its numeral tables
    (patterns/numerals.toml) and its scales (``[unit_scales]``): the Arabic and Chinese
    scans and each kind of share, compiled once per rule set (:func:`scanner`).

    Separate scans (one alternation of them all is several times slower): Arabic numerals
    and ranges, Chinese numerals and ranges, and each kind of share; where they overlap
    (三分之一 holds the numeral 三) the earlier, then longer, token wins.

    Arabic figures inside codes and names are not numbers (PM2.5, G20, 555X, 4A级, 5G): no
    letter, digit or point before or after.  A Chinese numeral starts with a digit or the
    smallest power (十; not ○, a mask) and is not read after ``numerals.not_after``
    (数十个).  Each pattern opens with the class of its first character and the lookbehind
    tests the one before it: stdlib ``re`` then skips to where that class matches (one
    bitmap test a character; ``regex`` compares a set member by member), and find_numbers
    runs them with ``re`` (:meth:`followed_by`).  An Arabic numeral is matched atomically
    after its first digit (group ``a_rest``), as ``(?>…)`` around the whole would; a Chinese
    one possessively, which is the same: only optional parts follow.
    """

    arabic_scan: str
    chinese_scan: str
    arabic: Any  # regex.Pattern[str]
    chinese: Any
    shares: Mapping[str, Any]  # kind → its pattern
    #: what a text must hold (one of) for a share pattern to match at all (none: always
    #: scanned): a substring test is cheaper than a scan
    share_needs: Mapping[str, tuple[str, ...]]
    scales: Mapping[str, float]  # the scales between a number and its unit (万, 亿, 万亿)
    #: the characters a Chinese numeral may hold after its first, may open with, and is
    #: not read after
    numeral_chars: frozenset[str]
    numeral_first: frozenset[str]
    numeral_not_after: frozenset[str]
    smallest: frozenset[str]  # 十: after numerals.not_after (数十个) it opens no numeral
    tail: Any  # read_number: hedges and a scale after a number
    whole: Any  # read_number: one whole expression with its hedges and rate unit
    rate_units: Mapping[str, float]  # read_number: %, ‰, 倍 … and their factors
    multiple: str  # the unit of a doubling (翻一番): the base unit of dimension "multiple"
    #: the other forms of Arabic figures, each scanned only where the text can hold one:
    #: digits spaced out by old typesetting (4 9 2 5 0, 1 0 .0 6), Arabic digits with
    #: Chinese scales inside (1亿3千, 2万5千) and a minus sign in front ((-6.65%), 增长-3%)
    spaced: Any = None
    mixed: Any = None
    negative: Any = None
    #: a decimal point of older typesetting between digits (19·5％; numerals.decimal_dots)
    #: and the characters it is written with
    dotted: Any = None
    dots: str = ""
    #: two neighbouring digits before one numeral's power, an approximate range (四、五十亿元:
    #: 40–50亿; numerals.pair_joiners), and the characters that join them
    pair: Any = None
    pair_joiners: str = ""
    pair_digits: frozenset[str] = frozenset()  # what stands on either side of the joiner
    _followed: dict[frozenset[str], tuple[re.Pattern[str], re.Pattern[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def followed_by(self, before: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The Arabic and Chinese scans kept only where the next character is in
        ``before``, compiled with the stdlib ``re`` (it reads them as ``regex`` does).

        The number is matched atomically, as the plain pattern reads it, and the character
        after it tested in the pattern: most numerals (一是, 进一步) fail there without a
        match object.  A later start inside a rejected numeral ends where it ended, before
        the same character, so it fails too: the tokens are those of the plain scan,
        filtered.  Built once per set of characters."""
        found = self._followed.get(before)
        if found is None:
            chars = "".join(re.escape(ch) for ch in sorted(before) if len(ch) == 1)
            end = r"|\Z" if "" in before else ""
            follow = f"(?=[{chars}]{end})" if chars else f"(?={end[1:]})" if end else "(?!)"
            found = self._followed[before] = (
                re.compile(f"{self.arabic_scan}{follow}", re.ASCII),
                re.compile(f"{self.chinese_scan}{follow}"),
            )
        return found


def _build(rules: RuleSet) -> NumberScanner:
    digits = dict(rules.map("numeral_digits"))
    powers = dict(rules.map("numeral_powers"))
    big = dict(rules.map("numeral_scales"))
    scales = {str(k): float(v) for k, v in rules.map("unit_scales").items()}
    vocab = rules.vocab
    points = vocab("numerals.point").items
    not_first = vocab("numerals.not_first").chars
    not_after = vocab("numerals.not_after").chars
    fraction = vocab("numerals.fraction").alternation(longest_first=True)
    tenths = vocab("numerals.tenths").alternation(longest_first=True)
    nonzero = [d for d, v in digits.items() if v]
    smallest = [p for p, v in powers.items() if v == min(powers.values(), default=0)]  # 十
    to_hundred = [p for p, v in powers.items() if v <= 100]  # 十百
    per = [p for p, v in powers.items() if v >= 100]  # 百分之, 千分之
    first = [*(d for d in digits if d not in not_first), *smallest]
    rest = [*digits, *powers, *big]
    joiners = vocab("numerals.range_joiners").alternation(longest_first=True)
    range_sep = rf"\s?(?:{joiners})\s?"
    scale_alt = _alt(scales)
    dots = vocab("numerals.decimal_dots").chars
    pair_joiners = vocab("numerals.pair_joiners").chars
    arabic_scan = (
        rf"\d(?<![A-Za-z0-9.]\d)(?>(?P<a_rest>\d{{0,2}}(?:[,，]\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?)"
        rf"(?:(?P<ascale>{scale_alt})?(?P<apct>%)?{range_sep}(?P<b>{ARABIC}))?{_END})"
    )
    one = (
        rf"{_cls(first)}(?<!{_cls(not_after)}{_cls(smallest)}){_cls(rest)}*+"
        rf"(?:{_cls(points)}{_cls(digits)}++)?+"
    )
    chinese_scan = rf"(?P<ca>{one})(?:{range_sep}(?P<cb>{one}))?+"
    shares = {
        "percent": (
            rf"(?P<pct>{_cls(per)})(?:{fraction})"
            rf"(?P<pnum>{ARABIC}|{_cls([*digits, *to_hundred, *points])}+)"
            # a range of shares: 百分之八至九, 百分之八到百分之十
            rf"(?:{range_sep}(?:{_cls(per)}(?:{fraction}))?"
            rf"(?P<pnum2>(?>{ARABIC}|{_cls([*digits, *to_hundred, *points])}+))"
            rf"(?!{vocab('numerals.range_not_before').alternation()}))?"
        ),
        "fraction": (
            rf"(?P<den>(?<!{_cls([*digits, *to_hundred])}){_cls([*digits, *to_hundred])}++"
            rf"|(?<!\d)\d++)(?:{fraction})(?P<nom>{_cls([*digits, *smallest])}+|\d+)"
        ),
        "cheng": (
            rf"(?<=(?<!{_cls([*digits, *smallest])})(?P<cheng>{_cls(nonzero)}|\d))(?:{tenths})"
            rf"(?!{vocab('numerals.tenths_not_before').alternation(longest_first=True)})"
        ),
        "half": vocab("numerals.half").pattern,
        # 1/10, 1/3以上: small integers only, not part of a date, a path or a code (2026/02/11)
        "slash": r"(?<![\d/A-Za-z_.])(?P<snum>\d{1,3})/(?P<sden>\d{1,3})(?![\d/A-Za-z_.])",
        "doubling": vocab("numerals.doubling").pattern,
    }
    needs = {
        "percent": vocab("numerals.fraction").items,
        "fraction": vocab("numerals.fraction").items,
        "cheng": vocab("numerals.tenths").items,
        "slash": ("/",),
    }
    hedges = _alt(vocab("claims.approx_inner").items)
    rates = {
        str(word): float(row.get("factor", 1.0))
        for word, row in rules.map("units").items()
        if row.get("dim") in ("rate", "multiple") and len(word) == 1
    }
    return NumberScanner(
        arabic_scan=arabic_scan,
        chinese_scan=chinese_scan,
        arabic=regex.compile(arabic_scan, _FLAGS),
        chinese=regex.compile(chinese_scan, regex.VERSION1),
        # each share pattern scans alone: literal-led patterns are found fast, an
        # alternation not
        shares={name: regex.compile(p, _FLAGS) for name, p in shares.items()},
        share_needs={k: tuple(needs.get(k, ())) for k in shares},
        scales=scales,
        numeral_chars=frozenset(rest),
        numeral_first=frozenset(first),
        numeral_not_after=frozenset(not_after),
        smallest=frozenset(smallest),
        tail=regex.compile(rf"(?:{hedges})?(?P<scale>{scale_alt})?(?:{hedges})?", regex.VERSION1),
        whole=regex.compile(
            rf"(?:{vocab('claims.approx_before').alternation()})?(?P<core>.+?)"
            rf"(?P<unit>{_alt(rates)})?(?:{vocab('claims.approx_after').alternation()})?",
            regex.VERSION1,
        ),
        rate_units=rates,
        spaced=regex.compile(
            r"(?<![\d.])(?<![\d.] )\d(?:(?: \d)+(?: ?\. ?\d(?: \d)*)?| ?\. ?\d(?: \d)*)(?![\d.])",
            _FLAGS,
        ),
        mixed=regex.compile(
            rf"(?<![\d.A-Za-z])\d+(?:{_cls([*big, *powers])}\d+{_cls([*big, *powers])})+",
            regex.VERSION1,
        ),
        negative=regex.compile(r"(?<=[(：:])-\d+(?:\.\d+)?(?![\d.])", _FLAGS),
        dotted=regex.compile(
            rf"(?<![\d.]|{_cls(dots)})\d+{_cls(dots)}\d+(?![\d.]|{_cls(dots)})", _FLAGS
        ),
        dots=dots,
        pair=regex.compile(
            rf"(?<!{_cls(rest)})(?P<d1>{_cls(nonzero)}){_cls(pair_joiners)}"
            rf"(?P<d2>{_cls(nonzero)})(?P<p>{_cls(powers)}{_cls([*digits, *powers])}*+)",
            regex.VERSION1,
        ),
        pair_joiners=pair_joiners,
        pair_digits=frozenset("".join(nonzero)),
        multiple=next(
            (
                str(row["base"])
                for row in rules.map("units").values()
                if row.get("dim") == "multiple"
            ),
            "",
        ),
    )


def scanner(rules: RuleSet | None = None) -> NumberScanner:
    """The number patterns of a rule set (default: the shipped one), built once."""
    return (rules or default_rules()).compiled("numbers", _build)


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


#: The power of ten an ordinal is written with (十二, 二十).
_TEN = next(p for p, v in SMALL_UNITS.items() if v == 10)


def small_int(text: str) -> int | None:
    """The value of an ordinal below 100: ``一``→1, ``十二``→12, ``二十``→20, ``7``→7."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS and ch != _TEN for ch in text):
        return None
    if _TEN not in text:
        return DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition(_TEN)
    if (tens and tens not in DIGITS) or (units and units not in DIGITS) or _TEN in units:
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


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
        per = SMALL_UNITS.get(m.group("pct"), 100)  # per hundred, per thousand
        return value if value is None or per == 100 else value / (per / 100)
    if kind == "fraction":
        den, nom = any_number(m.group("den")), any_number(m.group("nom"))
        return _per_cent(nom, den) if den and nom is not None else None
    if kind == "cheng":
        value = any_number(m.group("cheng"))
        return None if value is None else value * 10
    if kind == "slash":
        num, den = int(m.group("snum")), int(m.group("sden"))
        return _per_cent(num, den) if 0 < num < den else None
    return 50.0


def _per_cent(part: float, whole: float) -> float:
    """``part`` of ``whole`` in per cent, without float noise: 1/3 → 33.3333333333."""
    return float(f"{100 * part / whole:.12g}")


def _token(m: regex.Match[str], is_arabic: bool, sc: NumberScanner) -> Number | None:
    """The Number for one match of the Arabic or Chinese scan, or None if it does not
    parse."""
    start, end, text = m.start(), m.end(), m.group()
    if is_arabic:
        return _range(m, True, sc) if m.group("b") else Number(start, end, text, arabic(text))
    if m.group("cb"):
        return _range(m, False, sc)
    pair = adjacent(text)
    if pair:
        return Number(start, end, text, pair[0], pair[0], pair[1], kind="range")
    value = chinese_number(text)
    return None if value is None else Number(start, end, text, value, kind="chinese")


def _share_token(kind: str, m: regex.Match[str], sc: NumberScanner) -> Number | None:
    """The Number for one share or doubling (翻两番 → 4)."""
    start, end = m.start("cheng") if kind == "cheng" else m.start(), m.end()
    if kind == "doubling":
        times = m.group("fan")
        n = 1 if times is None else (int(times) if times.isdigit() else DIGITS[times])
        return Number(start, end, m.group(), float(2**n), kind="multiple", unit=sc.multiple)
    value = _share(kind, m)
    text = m.string[start:end]
    if value is None:
        return None
    if kind == "percent" and m.group("pnum2"):  # 百分之八至九: a range of shares
        high = any_number(m.group("pnum2"))
        per = SMALL_UNITS.get(m.group("pct"), 100)
        high = high if high is None or per == 100 else high / (per / 100)
        if high is not None and high > value:
            return Number(start, end, text, value, value, high, kind="share", unit="%")
        end = m.end("pnum")
        text = m.string[start:end]
    return Number(start, end, text, value, kind="share", unit="%")


def _range(m: regex.Match[str], is_arabic: bool, sc: NumberScanner) -> Number | None:
    """A range, or its first number when the ends do not increase (2024-12)."""
    first: Number | None = None
    if is_arabic:
        first_end = m.end("a_rest")
        first_text = m.string[m.start() : first_end]
        low, high = arabic(first_text), arabic(m.group("b"))
        scale = sc.scales.get(m.group("ascale") or "")
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


def _before_numeral_led(text: str, units: Collection[str], sc: NumberScanner) -> list[Number]:
    """Chinese numerals right before a unit that opens with a numeral character
    (``四百零六万千瓦``): the scan reads that character as part of the numeral and then
    finds no unit after it, so these are read back from the unit."""
    out: list[Number] = []
    chars, first, not_after = sc.numeral_chars, sc.numeral_first, sc.numeral_not_after
    for unit in units:
        pos = text.find(unit)
        while pos >= 0:
            start = pos
            while start > 0 and text[start - 1] in chars:
                start -= 1
            if (
                start < pos
                and text[start] in first
                and not (text[start - 1 : start] in not_after and text[start] in sc.smallest)
                and (value := chinese_number(text[start:pos])) is not None
            ):
                out.append(Number(start, pos, text[start:pos], value, kind="chinese"))
            pos = text.find(unit, pos + len(unit))
    return out


def find_numbers(
    text: str,
    *,
    before: Collection[str] | None = None,
    numeral_led: Collection[str] = (),
    rules: RuleSet | None = None,
) -> list[Number]:
    """Every number token in ``text`` (fold it first), left to right.

    A range whose ends do not increase (``2024-12``) is read as its first number.  With
    ``before``, a plain number or range is kept only if the character after it is in
    ``before`` (the first characters of the units; ``""`` for the end of the text): the
    patterns test it, so that most numerals are never read.  ``numeral_led`` are units
    that open with a numeral character and go on with one not in ``before`` (千瓦): a
    Chinese numeral before one is read back from it (:func:`_before_numeral_led`).
    ``rules``: whose numeral tables and scales (default: the shipped ones).
    """
    sc = scanner(rules)
    found = [
        tok
        for kind, pattern in sc.shares.items()
        if _holds(text, sc.share_needs[kind])
        for m in pattern.finditer(text)
        if (tok := _share_token(kind, m, sc))
    ]
    patterns = sc.followed_by(frozenset(before)) if before is not None else (sc.arabic, sc.chinese)
    for is_arabic, pattern in zip((True, False), patterns, strict=True):
        for m in pattern.finditer(text):
            tok = _token(m, is_arabic, sc)
            if tok is not None:
                found.append(tok)
    found += _before_numeral_led(text, numeral_led, sc)
    found += _other_forms(text, before, sc)
    # by start, the longer first where two start together: two stable sorts by C keys (a
    # key tuple built in Python for each of the many tokens cost more)
    found.sort(key=attrgetter("end"), reverse=True)
    found.sort(key=attrgetter("start"))
    out: list[Number] = []
    for tok in found:
        if not out or tok.start >= out[-1].end:
            out.append(tok)
    return out


def _other_forms(text: str, before: Collection[str] | None, sc: NumberScanner) -> list[Number]:
    """Spaced digits (4 9 2 5 0万吨, 1 0 .0 6‰: old typesetting put a space after every
    digit), Arabic digits with Chinese scales inside (1亿3千多万, 2万5千公里) and negative
    figures after a bracket or a colon ((-6.65%)): each where the text can hold one, kept
    where the character after it (a space allowed) can start a unit."""
    out: list[Number] = []
    if sc.spaced is not None and (" " in text):
        for m in sc.spaced.finditer(text):
            if _followed(text, m.end(), before):
                digits = m.group().replace(" ", "")
                out.append(Number(m.start(), m.end(), m.group(), arabic(digits)))
    if sc.mixed is not None:
        for m in sc.mixed.finditer(text):
            value = mixed_number(m.group())
            if value is not None and _followed(text, m.end(), before):
                out.append(Number(m.start(), m.end(), m.group(), value, kind="mixed"))
    if sc.negative is not None and "-" in text:
        for m in sc.negative.finditer(text):
            if _followed(text, m.end(), before):
                out.append(Number(m.start(), m.end(), m.group(), arabic(m.group())))
    if sc.dotted is not None and any(dot in text for dot in sc.dots):
        for m in sc.dotted.finditer(text):
            if _followed(text, m.end(), before):  # 19·5％; not “7·20” (no unit after it)
                digits = m.group().translate(dict.fromkeys(map(ord, sc.dots), "."))
                out.append(Number(m.start(), m.end(), m.group(), arabic(digits)))
    for joiner in sc.pair_joiners if sc.pair is not None else "":
        # tried only where a joiner stands (a scan of the whole text costs every character)
        at = text.find(joiner, 1)
        while at > 0:  # most joiners (、) stand between words, not digits: no match tried
            digits = text[at - 1] in sc.pair_digits and text[at + 1 : at + 2] in sc.pair_digits
            m = sc.pair.match(text, at - 1) if digits else None
            if m and _followed(text, m.end(), before) and (tok := _pair(m)) is not None:
                out.append(tok)
            at = text.find(joiner, at + 1)
    return out


def _pair(m: regex.Match[str]) -> Number | None:
    """Two neighbouring digits before the power of the second, an approximate range:
    四、五十 is 40–50, 二、三百 200–300 (the first digit takes the second's power)."""
    if adjacent(m.group("d1") + m.group("d2")) is None:
        return None
    high = chinese_number(m.group("d2") + m.group("p"))
    if high is None:
        return None
    low = scaled(high / DIGITS[m.group("d2")], DIGITS[m.group("d1")])
    return Number(m.start(), m.end(), m.group(), low, low, high, kind="range")


def _followed(text: str, end: int, before: Collection[str] | None) -> bool:
    """Whether what follows ``end`` (one space skipped) can start a unit."""
    if before is None:
        return True
    nxt = text[end : end + 1]
    if nxt == " ":
        nxt = text[end + 1 : end + 2]
    return nxt in before


def mixed_number(text: str) -> float | None:
    """Arabic digits with Chinese scales inside, read as the Chinese numeral they stand
    for: 1亿3千万 → 130,000,000, 2万5千 → 25,000, 12亿3456万 → 1,234,560,000."""
    out, at = [], 0
    for m in _DIGIT_RUN.finditer(text):
        out.append(text[at : m.start()])
        written = _chinese_digits(int(m.group()))
        if written is None:
            return None
        out.append(written)
        at = m.end()
    out.append(text[at:])
    value = chinese_int("".join(out))
    return None if value is None else float(value)


_DIGIT_RUN = regex.compile(r"\d+", regex.ASCII)


def _chinese_digits(n: int) -> str | None:
    """An integer below 10,000 written with the Chinese digits and powers (3456 →
    三千四百五十六); None above."""
    if not 0 < n < 10_000:
        return None
    by_value = {v: d for d, v in reversed(list(DIGITS.items()))}
    powers = sorted(((v, p) for p, v in SMALL_UNITS.items()), reverse=True)
    out: list[str] = []
    zero = False
    for value, power in powers:
        digit, n = divmod(n, value)
        if digit:
            out += [by_value.get(0, "")] if zero and out else []
            out += [by_value[digit], power]
            zero = False
        elif out:
            zero = True
    if n:
        out += [by_value.get(0, "")] if zero and out else []
        out.append(by_value[n])
    return "".join(out)


def _holds(text: str, needs: tuple[str, ...]) -> bool:
    return not needs or any(word in text for word in needs)


def read_number(text: str, *, rules: RuleSet | None = None) -> Number | None:
    """One whole number expression, its scale applied: ``1.3万亿`` → 1.3e12, ``2万余`` → 2e4.

    Hedges around it (约, 近, 余, 多, 以上, 左右) and a trailing rate unit (``%``, ``‰``,
    ``倍``) are allowed; anything else makes it not a number.  A range keeps ``low`` and
    ``high``.
    """
    sc = scanner(rules)
    whole = sc.whole.fullmatch(fold(text).strip())
    if whole is None:
        return None
    core = whole.group("core")
    tokens = find_numbers(core, rules=rules)
    if not tokens or tokens[0].start != 0:
        return None
    tail = sc.tail.fullmatch(core, tokens[0].end)
    if tail is None:
        return None
    scale = sc.scales.get(tail.group("scale") or "", 1.0)
    return _scaled(tokens[0], scale * sc.rate_units.get(whole.group("unit") or "", 1.0))


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


def parse_number(text: str, *, rules: RuleSet | None = None) -> float | None:
    """The value of one number expression (a range's low end), or None.

    >>> parse_number("1,352.6"), parse_number("一千三百五十二"), parse_number("1.3万亿")
    (1352.6, 1352.0, 1300000000000.0)
    >>> parse_number("百分之六"), parse_number("三分之一"), parse_number("翻两番")
    (6.0, 33.3333333333, 4.0)
    """
    number = read_number(text, rules=rules)
    return None if number is None else number.value
