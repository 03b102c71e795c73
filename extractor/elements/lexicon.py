"""Campaign lexicons: word lists of names, each with the year it entered official use.

A lexicon file is one name a line, or jieba's user-dict format ``word freq tag`` (the
shipped ``patterns/lexicon/campaigns.txt`` uses tag ``cp``), so one file serves both the
matcher here and the tokenizer in :mod:`extractor.analysis.segment`.  Years live beside it in a
``name,first_year`` CSV.  A :class:`Lexicon` matches every name with one Aho-Corasick
automaton built once, overlapping names included (the longest of them is the campaign:
``精准脱贫`` inside ``精准脱贫攻坚战``), and the traditional-script forms of every name too
(``掃黑除惡`` is ``扫黑除恶``), derived at load with OpenCC (:mod:`extractor.rules.script`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from extractor.errors import RuleError
from extractor.rules.loader import RuleSet
from extractor.rules.script import traditional
from extractor.text.fold import fold

#: ``word``, ``word freq`` or ``word freq tag`` (a tag only after a frequency).
_ENTRY = regex.compile(r"^(?P<name>.+?)(?:(?<! ) ++\d++(?: ++[a-z]++)?+)?+$")
_QUOTES = str.maketrans("", "", '“”‘’"「」『』《》')
_QUOTED = re.compile('[“”‘’"「」『』《》]')  # translate costs a failed look-up a character
_SPACE = regex.compile(r"\s+")
#: Up to this many names the matcher is a DFA: twice as fast over the corpus as the
#: crate's default (an NFA), at the price of memory that grows with the names (about 2 MB
#: for the shipped 318, 17 MB for 3000); a larger user lexicon keeps the default.
_DFA_MAX_NAMES = 5000


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """A name as compared: folded width, no quote marks, spaces only between Latin words."""
    s = fold(name)
    s = (s.translate(_QUOTES) if _QUOTED.search(s) else s).strip()

    def space(m: Any) -> str:
        a, b = s[m.start() - 1 : m.start()], s[m.end() : m.end() + 1]
        return " " if (a + b).isascii() and a.isalnum() and b.isalnum() else ""

    return str(_SPACE.sub(space, s))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Campaign names (folded) with first-known years, and a matcher built once."""

    names: tuple[str, ...]
    years: Mapping[str, int] = field(default_factory=dict)
    matcher: Any = None  # ahocorasick_rs.AhoCorasick over ``names`` and their forms
    #: the traditional-script form of a name → the name (掃黑除惡 → 扫黑除恶)
    simplified: Mapping[str, str] = field(default_factory=dict)
    #: every form the matcher finds: the names and their traditional-script forms
    forms: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and fold(name) in self.forms

    def canonical(self, name: str) -> str:
        """The lexicon's own (simplified) form of a name written in traditional script."""
        return self.simplified.get(name, name)

    def first_year(self, name: str) -> int | None:
        """The year a name entered official use, where the lexicon knows it."""
        return self.years.get(self.canonical(normalise(name)))

    def spans(self, folded: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of a lexicon name (in either script) in ``folded``, overlapping
        ones included, by end: the caller keeps the longest where they overlap."""
        if self.matcher is not None:
            for _, start, end in self.matcher.find_matches_as_indexes(folded, overlapping=True):
                yield start, end

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its names and years (worker processes rebuild the matcher)."""
        return build_lexicon, (self.names, dict(self.years))

    def merge(self, other: Lexicon) -> Lexicon:
        """This lexicon with the names (and years) of another added."""
        return build_lexicon((*self.names, *other.names), {**self.years, **other.years})


def build_lexicon(names: Iterable[str], years: Mapping[str, int] | None = None) -> Lexicon:
    """A lexicon of these names (folded, deduplicated, in order)."""
    folded = tuple(dict.fromkeys(n for n in (normalise(x) for x in names) if n))
    simplified = {form: name for name in folded for form in traditional(name) if form not in folded}
    # Aho-Corasick (ahocorasick_rs) finds every name in one pass over the text, three times
    # faster than stdlib re on a trie-shaped alternation and nine than regex
    # (benchmarks/README.md); overlapping matches, so that the longest of two overlapping
    # names can win (精准脱贫攻坚战 over 精准脱贫, 农村人居环境整治三年行动 over its prefix).
    patterns = (*folded, *simplified)
    dfa = Implementation.DFA if len(patterns) <= _DFA_MAX_NAMES else None
    matcher = (
        AhoCorasick(patterns, matchkind=MatchKind.Standard, implementation=dfa)
        if patterns
        else None
    )
    known = {normalise(k): v for k, v in (years or {}).items()}
    return Lexicon(folded, known, matcher, simplified, frozenset(patterns))


def read_names(path: str | Path) -> list[str]:
    """Names in a lexicon file: one a line, or jieba's ``word freq [tag]``; ``#`` comments."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read lexicon: {exc}") from exc
    out = []
    for line in lines:
        line = line.strip()
        m = _ENTRY.match(line) if line and not line.startswith("#") else None
        if m:
            out.append(m.group("name"))
    return out


def read_years(path: str | Path) -> dict[str, int]:
    """``name,first_year`` rows (a header, empty years allowed)."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RuleError(f"{path}: cannot read years: {exc}") from exc
    years = {}
    for i, row in enumerate(rows, 2):
        year = (row.get("first_year") or "").strip()
        if year and not year.isdigit():
            raise RuleError(f"{path}: line {i}: first_year {year!r} is not a year")
        if year and row.get("name"):
            years[row["name"]] = int(year)
    return years


def load_lexicon(*paths: str | Path, base: Lexicon | None = None) -> Lexicon:
    """A lexicon from word-list files, added to ``base`` (``None``: no other names)."""
    names = [n for p in paths for n in read_names(p)]
    extra = build_lexicon(names)
    return base.merge(extra) if base is not None else extra


def with_lexicon(rules: RuleSet, *paths: str | Path) -> RuleSet:
    """A rule set whose campaign lexicon also holds the names in these files (CLI --lexicon)."""
    for p in paths:
        if not Path(p).is_file():
            raise RuleError(f"{p}: lexicon file not found")
    key = "campaigns.lexicons"
    if key not in rules.entries:
        raise RuleError(f"{rules.directory}: no [campaigns] table to add a lexicon to")
    entry = rules.entries[key]
    files = (*entry.items, *(str(Path(p).resolve()) for p in paths))
    config = {**rules.data["campaigns"], "lexicons": list(files)}
    return replace(
        rules,
        data={**rules.data, "campaigns": config},
        entries={**rules.entries, key: replace(entry, items=files)},
    )
