"""Campaign lexicons: word lists of names, each with the year it entered official use.

A lexicon file is one name a line, or jieba's user-dict format ``word freq tag`` (the
shipped ``patterns/lexicon/campaigns.txt`` uses tag ``cp``), so one file serves both the
matcher here and the tokenizer in :mod:`extractor.analysis.segment`.  Years live beside it in a
``name,first_year`` CSV.  A :class:`Lexicon` matches with one trie-shaped alternation
compiled once: leftmost-longest, no per-word loop.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from extractor.errors import RuleError
from extractor.rules.loader import RuleSet
from extractor.text.fold import fold

#: ``word``, ``word freq`` or ``word freq tag`` (a tag only after a frequency).
_ENTRY = regex.compile(r"^(?P<name>.+?)(?:(?<! ) ++\d++(?: ++[a-z]++)?+)?+$")
_QUOTES = str.maketrans("", "", '“”‘’"「」『』《》')
_SPACE = regex.compile(r"\s+")
#: Up to this many names the matcher is a DFA: twice as fast over the corpus as the
#: crate's default (an NFA), at the price of memory that grows with the names (about 2 MB
#: for the shipped 318, 17 MB for 3000); a larger user lexicon keeps the default.
_DFA_MAX_NAMES = 5000


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """A name as compared: folded width, no quote marks, spaces only between Latin words."""
    s = fold(name).translate(_QUOTES).strip()

    def space(m: Any) -> str:
        a, b = s[m.start() - 1 : m.start()], s[m.end() : m.end() + 1]
        return " " if (a + b).isascii() and a.isalnum() and b.isalnum() else ""

    return str(_SPACE.sub(space, s))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Campaign names (folded) with first-known years, and a matcher built once."""

    names: tuple[str, ...]
    years: Mapping[str, int] = field(default_factory=dict)
    matcher: Any = None  # ahocorasick_rs.AhoCorasick: leftmost-longest over ``names``

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and fold(name) in set(self.names)

    def first_year(self, name: str) -> int | None:
        """The year a name entered official use, where the lexicon knows it."""
        return self.years.get(normalise(name))

    def spans(self, folded: str) -> Iterator[tuple[int, int]]:
        """Leftmost-longest, non-overlapping occurrences of lexicon names in ``folded``."""
        if self.matcher is not None:
            for _, start, end in self.matcher.find_matches_as_indexes(folded):
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
    # Aho-Corasick (ahocorasick_rs) finds every name in one pass over the text, three times
    # faster than stdlib re on a trie-shaped alternation and nine than regex
    # (benchmarks/README.md); leftmost-longest: 农村人居环境整治三年行动, not its prefix.
    kind = MatchKind.LeftmostLongest
    dfa = Implementation.DFA if len(folded) <= _DFA_MAX_NAMES else None
    matcher = AhoCorasick(folded, matchkind=kind, implementation=dfa) if folded else None
    return Lexicon(folded, {normalise(k): v for k, v in (years or {}).items()}, matcher)


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
    if "campaigns" not in rules.data:
        raise RuleError(f"{rules.directory}: no [campaigns] table to add a lexicon to")
    config = dict(rules.data["campaigns"])
    config["lexicons"] = [*config.get("lexicons", ()), *(str(Path(p).resolve()) for p in paths)]
    return replace(rules, data={**rules.data, "campaigns": config})
