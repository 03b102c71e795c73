"""Units of measure after a figure, read from ``patterns/units.toml``.

``match_unit(text, pos)`` reads the unit that starts at ``pos`` (right after a figure) in the
folded text: an optional note in brackets (``3.12（仅为政府性投资数据）亿元``), a hedge between
figure and unit (``2万余口``: 余), a scale (万, 亿, 万亿) and a unit word from the table, which
may not run on into another word (``返X人数``: 人 does not count here).  The unit *as written*
keeps the scale and drops the hedge: ``2万余口`` has unit ``万口``.

The table is read by dictionary look-ups, longest word first, rather than by one regex of
every unit: a figure's unit is looked up for every number in a text, and the look-ups are
several times faster than the alternation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex

from extractor.errors import RuleError
from extractor.rules.loader import RuleSet, default_rules

_NOTE = regex.compile(r"\s?\([^()\n]{1,30}\)\s?")
#: What may not follow a bare scale besides a class word (级): a quotation's end
#: (“3个100万”).
_QUOTE_ENDS = '”"'
#: Dimensions whose units are not divided by another (5%/年 keeps its %: a rate's period is
#: its context's)
_NOT_DIVIDED = frozenset({"rate", "multiple"})


def _continues_numeral(text: str, pos: int, places: frozenset[str]) -> bool:
    """Whether the digits at ``pos`` are the lower places of the numeral before (1万6千):
    a power of ten (``places``) or a decimal point follows them."""
    end = pos
    while end < len(text) and text[end].isdigit():
        end += 1
    return end == len(text) or text[end] in places or text[end] == "."


UNIT_KEYS = frozenset(
    {"base", "factor", "dim", "not_before", "not_after", "clause_final", "chinese", "scaled",
     "examples", "counterexamples"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class UnitDef:
    """One row of the unit table."""

    word: str
    base: str
    factor: float = 1.0
    dim: str = ""
    clause_final: bool = False  # counts only at the end of a clause (岁, 小时, 年)
    chinese: bool = True  # False: a small Chinese count before it names (三年行动, 二期)
    scaled: bool = True  # False: no scale before it, it holds one (个亿: 1.22万个亿元 is 万 + 个)
    not_before: frozenset[str] = frozenset()  # what may not follow (返X人数: 人 + 数)
    not_before_long: tuple[str, ...] = ()  # the entries of not_before longer than a character
    not_after: tuple[str, ...] = ()  # what may not stand before the figure (前10位: a rank)

    def blocked(self, text: str, end: int) -> bool:
        """Whether the text after the word continues another word."""
        if text[end : end + 1] in self.not_before:
            return True
        return bool(self.not_before_long) and any(
            text.startswith(stop, end) for stop in self.not_before_long
        )


class Unit(NamedTuple):
    """A unit found after a figure; ``end`` is where it ends in the text.

    A named tuple rather than a dataclass: one is built for every figure, and tuples are
    built several times faster.
    """

    text: str  # as written, scale included, hedge left out: 万口
    word: str  # the table's unit word: 口
    base: str
    scale: float  # 1e4 for 万
    factor: float  # the word's own factor: 斤 → 吨 is 0.0005
    hedge: str  # 余, 多, 来 between figure and unit
    start: int
    end: int
    clause_final: bool = False
    chinese: bool = True
    dim: str = ""  # the table's dimension: count, money, mass …
    not_after: tuple[str, ...] = ()  # what may not stand before the figure (前10位: a rank)

    @property
    def multiplier(self) -> float:
        """What turns the figure into the base unit: scale times factor."""
        return self.scale * self.factor


@dataclass(frozen=True, slots=True)
class UnitTable:
    """The unit table of one rule set, arranged for look-ups."""

    units: Mapping[str, UnitDef]
    scales: Mapping[str, float]
    hedges: frozenset[str]
    first: frozenset[str]  # the characters a unit (with note, hedge or scale) can start with
    by_first: Mapping[str, tuple[UnitDef, ...]]  # the words by first character, longest first
    scale_lengths: tuple[int, ...]
    #: the base units of each dimension (``count``: 个, 家, 艘 …; ``rate``: %, 个百分点),
    #: derived from the rows' ``dim``
    dims: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: what may not follow a bare scale (级: a class; a quotation's end)
    not_after_scale: frozenset[str] = frozenset()
    #: the powers of ten of a numeral (千百十): digits before one go on with the numeral
    places: frozenset[str] = frozenset()
    #: what a unit may be divided by after a slash (千瓦时 → its base), and those words
    #: longest first
    per: Mapping[str, str] = field(default_factory=dict)
    per_words: tuple[str, ...] = ()

    def bases(self, *dims: str) -> frozenset[str]:
        """The base units of the rows of these dimensions."""
        return frozenset().union(*(self.dims.get(d, frozenset()) for d in dims))

    def _word(self, text: str, pos: int, scaled: bool = False) -> UnitDef | None:
        for row in self.by_first.get(text[pos : pos + 1], ()):
            if (
                text.startswith(row.word, pos)
                and (row.scaled or not scaled)
                and not row.blocked(text, pos + len(row.word))
            ):
                return row
        return None

    def match(self, text: str, pos: int) -> Unit | None:
        """The unit right at ``pos`` in the folded ``text``, or None."""
        if text[pos : pos + 1] not in self.first:
            return None
        p = pos
        if text[p] in "( ":
            note = _NOTE.match(text, p)
            p = note.end() if note else p + (text[p] == " ")
        hedge = text[p] if text[p : p + 1] in self.hedges else ""
        p += len(hedge)
        scale = self._scale_at(text, p)
        for scale_text in (scale, "") if scale else ("",):
            q = p + len(scale_text)
            late = text[q] if scale_text and text[q : q + 1] in self.hedges else ""
            row = self._word(text, q + len(late), bool(scale_text))
            if row is not None:
                end = q + len(late) + len(row.word)
                word, base = row.word, row.base
                per = None if "/" in word or row.dim in _NOT_DIVIDED else self._per(text, end)
                if per is not None:  # 0.3元/千瓦时: the unit divided by another
                    word, base, end = f"{word}/{per[0]}", f"{base}/{per[1]}", end + 1 + len(per[0])
                return Unit(
                    scale_text + word,
                    word,
                    base,
                    self.scales.get(scale_text, 1.0),
                    row.factor,
                    hedge or late,
                    pos,
                    end,
                    row.clause_final,
                    row.chinese,
                    row.dim if per is None or row.dim == "money" else "",
                    row.not_after,
                )
        return None

    def _per(self, text: str, pos: int) -> tuple[str, str] | None:
        """The word a unit is divided by after a slash at ``pos`` (元/千瓦时), longest first,
        with its base; None without a slash or a known word."""
        if text[pos : pos + 1] != "/":
            return None
        for word in self.per_words:
            if text.startswith(word, pos + 1):
                return word, self.per[word]
        return None

    def bare_scale(self, text: str, pos: int) -> Unit | None:
        """A scale at ``pos`` with no unit word after it: 参保人数突破5100万，, 3000多万群众,
        33万农民工.  The figure counts what its sentence names; its unit is the scale as
        written (万), its base unit empty.  Not before digits that go on with the numeral
        (1万6千; but 为390万65岁以上老年人 counts 390万 people), a quotation's end
        (“3个100万”), 级 (100亿级: a class, not a count) or a unit word ruled out there."""
        hedge = text[pos] if text[pos : pos + 1] in self.hedges else ""
        p = pos + len(hedge)
        scale = self._scale_at(text, p)
        if not scale:
            return None
        q = p + len(scale)
        late = "" if hedge or text[q : q + 1] not in self.hedges else text[q]
        end = q + len(late)
        nxt = text[end : end + 1]
        if nxt in self.not_after_scale or (
            nxt.isdigit() and _continues_numeral(text, end, self.places)
        ):
            return None
        if any(text.startswith(row.word, end) for row in self.by_first.get(nxt, ())):
            return None  # a unit word its context rules out (30万吨级航道: 吨 + 级)
        return Unit(scale, "", "", self.scales[scale], 1.0, hedge or late, pos, end, dim="count")

    def _scale_at(self, text: str, pos: int) -> str:
        """The scale written at ``pos``, longest first (万亿 before 万), or "".  At the end of
        the text a slice is shorter than asked: the scale is what it holds."""
        for n in self.scale_lengths:
            if text[pos : pos + n] in self.scales:
                return text[pos : pos + n]
        return ""

    def follows(self, text: str, pos: int) -> bool:
        """Whether a unit starts at ``pos``."""
        return text[pos : pos + 1] in self.first and self.match(text, pos) is not None


def _compile(rules: RuleSet) -> UnitTable:
    raw_units: Mapping[str, Any] = rules.map("units")
    scales = {str(k): float(v) for k, v in rules.map("unit_scales").items()}
    units: dict[str, UnitDef] = {}
    for word, row in raw_units.items():
        if not isinstance(row, Mapping) or "base" not in row:
            raise RuleError(f"units.toml: unit {word!r} needs a table with 'base'")
        if set(row) - UNIT_KEYS:
            raise RuleError(
                f"units.toml: unit {word!r}: unknown keys {sorted(set(row) - UNIT_KEYS)}"
            )
        stops = [str(s) for s in row.get("not_before", ())]
        units[word] = UnitDef(
            word,
            str(row["base"]),
            float(row.get("factor", 1)),
            str(row.get("dim", "")),
            bool(row.get("clause_final", False)),
            bool(row.get("chinese", True)),
            bool(row.get("scaled", True)),
            frozenset(s for s in stops if len(s) == 1),
            tuple(s for s in stops if len(s) > 1),
            tuple(str(s) for s in row.get("not_after", ())),
        )
    per = {str(k): str(v) for k, v in rules.map("unit_per").items()}
    hedges = frozenset(rules.vocab("claims.approx_inner").items)
    if any(len(h) != 1 for h in hedges):
        raise RuleError("claims.toml: [claims] key 'approx_inner': holds single characters")
    first = frozenset(w[0] for w in [*units, *scales, *hedges, "(", " "])
    by_first: dict[str, list[UnitDef]] = {}
    for row in sorted(units.values(), key=lambda r: -len(r.word)):
        by_first.setdefault(row.word[0], []).append(row)
    dims: dict[str, set[str]] = {}
    for row in units.values():
        dims.setdefault(row.dim, set()).add(row.base)
    return UnitTable(
        units,
        scales,
        hedges,
        first,
        {k: tuple(v) for k, v in by_first.items()},
        tuple(sorted({len(s) for s in scales}, reverse=True)),
        {dim: frozenset(bases) for dim, bases in dims.items()},
        frozenset(rules.vocab("claims.class_words").items) | frozenset(_QUOTE_ENDS),
        frozenset(rules.map("numeral_powers")),
        per,
        tuple(sorted(per, key=len, reverse=True)),
    )


def unit_table(rules: RuleSet | None = None) -> UnitTable:
    """The unit table of a rule set, built once per rule set."""
    rules = rules or default_rules()
    return rules.compiled("units", _compile)


def match_unit(text: str, pos: int, *, rules: RuleSet | None = None) -> Unit | None:
    """The unit right at ``pos`` in the folded ``text``, or None."""
    return unit_table(rules).match(text, pos)


def base_of(unit: str, *, rules: RuleSet | None = None) -> tuple[str, float] | None:
    """The base unit and multiplier of a unit as written: ``万元`` → (``元``, 1e4)."""
    found = unit_table(rules).match(unit, 0)
    if found is None or found.end != len(unit) or found.hedge:
        return None
    return found.base, found.multiplier
