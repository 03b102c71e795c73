"""Canonical indicators: the same measured quantity under one name across years.

Each claim carries its canonical name as ``indicator_norm`` (SPEC §2), so that a table of
claims lines up across documents without this module; ``extractor.analysis.compare`` builds
its indicator panel from it.

A claim's ``indicator`` is the phrase before its figure as the report wrote it
(``全市实现地区生产总值``, ``中央提出今年经济增长预期目标``).  To compare periods those
phrases are mapped to canonical names listed, with their aliases, in
``patterns/indicators.toml``: a phrase takes the indicator whose alias it contains, the
longest alias winning (``单位国内生产总值能耗`` beats ``国内生产总值``).  In a share or a
relation (``国债余额占国内生产总值比重``, ``消费对经济增长的贡献率``,
``服务业在国内生产总值中的比重``) only what comes before it counts, unless an alias holds the
relation itself (``科技进步对经济增长的贡献率``).

>>> canonical_indicator("全市实现地区生产总值")
'国内生产总值'
>>> canonical_indicator("国债余额占国内生产总值比重")
'国债'
>>> canonical_indicator("检疫卡口")
''
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex
from ahocorasick_rs import AhoCorasick

from extractor.errors import RuleError
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.fold import fold
from extractor.text.rx import opening_class

_SOURCE = "indicators.toml"
_KEYS = frozenset({"name", "group", "aliases", "growth", "examples", "counterexamples"})


@dataclass(frozen=True, slots=True)
class Indicator:
    """A canonical indicator, its aliases (the name included) and self-checks."""

    name: str
    group: str
    aliases: tuple[str, ...]
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    #: the name of its growth rate, where it differs (国内生产总值 and 国民生产总值 grow as
    #: 经济增长: SPEC §2)
    growth: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorMatch:
    """Where a phrase names an indicator: the alias found and its span in the key."""

    name: str
    alias: str
    start: int
    end: int


class IndicatorTable:
    """Aliases → canonical names, matched by containment with the longest alias winning."""

    def __init__(
        self, indicators: Sequence[Indicator], *, share: str = "", strip: str = r"\s"
    ) -> None:
        self.indicators = tuple(indicators)
        self._share = regex.compile(share) if share else None
        #: an re class of the letters a match of ``_share`` opens with (None: unknown): a key
        #: holding none is not searched
        self._share_letters = opening_class(self._share) if self._share is not None else None
        self._strip = regex.compile(strip)
        owner: dict[str, str] = {}
        for ind in self.indicators:
            for alias in ind.aliases:
                key = self.key(alias)
                if key in owner and owner[key] != ind.name:
                    raise RuleError(
                        f"{_SOURCE}: alias {alias!r} of {ind.name!r} is already "
                        f"an alias of {owner[key]!r}"
                    )
                owner[key] = ind.name
        self._owner = owner
        # longest first, so the first hit at a position is the longest alias there
        self._aliases = sorted(owner, key=lambda a: (-len(a), a))
        self._matcher = AhoCorasick(self._aliases) if self._aliases else None
        self._lookup = lru_cache(maxsize=65_536)(self._match)
        self._growth = {ind.name: ind.growth for ind in self.indicators if ind.growth}

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical names, in file order."""
        return tuple(ind.name for ind in self.indicators)

    def key(self, phrase: str) -> str:
        """The phrase as matched: folded, upper-case Latin, no whitespace or quote marks."""
        return str(self._strip.sub("", fold(phrase))).upper()

    def match(self, phrase: str) -> IndicatorMatch | None:
        """The indicator a phrase names, or None."""
        return self._lookup(phrase)

    def canonical(self, phrase: str) -> str:
        """The canonical name of a phrase, or ``""`` when no alias occurs in it."""
        found = self.match(phrase)
        return found.name if found else ""

    def of_claim(self, phrase: str, *, rate: bool) -> str:
        """The canonical name of a claim's indicator; a rate of an indicator that names its
        growth (国内生产总值增长6%, 国民生产总值计划增长百分之八) takes that name (经济增长)."""
        found = self.match(phrase)
        if found is None:
            return ""
        return self._growth.get(found.name, found.name) if rate else found.name

    def _match(self, phrase: str) -> IndicatorMatch | None:
        key = self.key(phrase)
        share = (
            self._share.search(key)
            if self._share is not None
            and (self._share_letters is None or self._share_letters.search(key))
            else None
        )
        if share:
            whole = self._longest(key)
            if whole is not None and whole.start <= share.start() < whole.end:
                return whole  # an alias that holds the relation (科技进步对经济增长的贡献率)
            key = key[: share.start()]
        return self._longest(key)

    def _longest(self, key: str) -> IndicatorMatch | None:
        if not key or self._matcher is None:
            return None
        # every alias found in one pass (Aho-Corasick): the longest wins, then the rightmost
        found = self._matcher.find_matches_as_indexes(key, overlapping=True)
        if not found:
            return None
        i, start, end = max(found, key=lambda m: (m[2] - m[1], m[1]))
        alias = self._aliases[i]
        return IndicatorMatch(self._owner[alias], alias, start, end)


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) and s for s in raw):
        raise RuleError(f"{where}: expected a list of non-empty strings")
    return tuple(raw)


def parse_indicators(entries: Iterable[Mapping[str, Any]]) -> list[Indicator]:
    """Validate ``[[indicator]]`` tables: unknown keys and repeated names are errors."""
    out: list[Indicator] = []
    seen: set[str] = set()
    for raw in entries:
        name = raw.get("name")
        where = f"{_SOURCE}: indicator {name!r}"
        if not isinstance(name, str) or not name:
            raise RuleError(f"{_SOURCE}: an [[indicator]] has no name")
        unknown = set(raw) - _KEYS
        if unknown:
            raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
        if name in seen:
            raise RuleError(f"{where}: listed twice")
        seen.add(name)
        aliases = _strings(raw.get("aliases", []), where)
        out.append(
            Indicator(
                name=name,
                group=str(raw.get("group", "")),
                aliases=(name, *(a for a in aliases if a != name)),
                examples=_strings(raw.get("examples", []), where),
                counterexamples=_strings(raw.get("counterexamples", []), where),
                growth=str(raw.get("growth", "")),
            )
        )
    return out


def _build(rules: RuleSet) -> IndicatorTable:
    entries = rules.data.get("indicator", [])
    if not isinstance(entries, list):
        raise RuleError(f"{_SOURCE}: [[indicator]] must be an array")
    share, strip = rules.vocab("indicator_settings.share"), rules.vocab("indicator_settings.strip")
    return IndicatorTable(
        parse_indicators(entries),
        share=share.pattern if share.items else "",
        strip=strip.pattern if strip.items else r"\s",
    )


def indicator_table(rules: RuleSet | None = None) -> IndicatorTable:
    """The indicator table of a rule set (the shipped one by default), built once."""
    rules = rules or default_rules()
    return rules.compiled("indicators", _build)


def canonical_indicator(phrase: str, *, rules: RuleSet | None = None) -> str:
    """The canonical name of an indicator phrase, or ``""``."""
    return indicator_table(rules).canonical(phrase)
