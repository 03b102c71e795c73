"""The records a pattern directory loads into: rules, vocabulary entries and the set of them.

Every record is frozen: built once by :mod:`extractor.rules.loader`, read by the parsing
steps, never changed.  What a step compiles from a rule set (its scanners) is kept beside
it with :meth:`RuleSet.compiled`, built once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import regex

from extractor.rules import schema

T = TypeVar("T")
#: A pattern that never matches: the alternation of an empty entry.
NEVER = "(?!)"


@dataclass(frozen=True, slots=True)
class Example:
    """Text a rule or entry must match, with the named groups it must yield (``match``:
    the whole match)."""

    text: str
    groups: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern of a rule array, with its provenance and self-checks."""

    id: str
    table: str
    pattern: str
    regex: Any  # regex.Pattern[str]; the regex module ships no stubs
    source: str
    description: str = ""
    level: int = 0
    family: str = ""
    style: str = ""
    ordinals: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[str, ...] = ()
    #: The same pattern for ``match`` at a position (``extractor.text.rx.at_position``:
    #: stdlib ``re`` where it reads the pattern alike, cheaper per call); scans use ``regex``.
    at: Any = None
    #: Characters one of which every match holds (``"是"`` for 一是): where a stretch of text
    #: holds none, the rule is not tried there.  Empty: always tried.
    needs: str = ""
    #: The letters every match opens with (``extractor.text.rx.first_letters``, each one
    #: character): at a position holding none of them, ``at`` is not tried.  None: any.
    opens: frozenset[str] | None = None
    #: The other keys of its table (``tier`` of a section rule, ``closing`` words of a
    #: measure family, ``aliases`` of an indicator …).
    attrs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Vocab:
    """One entry of a vocabulary table: its items, where they come from, its checks."""

    key: str  # "claims.approx_before"
    kind: str  # schema.WORDS, PATTERNS, PATTERN, CHARS, TEXT, INT …
    items: tuple[str, ...] = ()
    value: Any = None  # INT, FLOAT, TEXT, PATH entries
    source: str = ""
    description: str = ""
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[str, ...] = ()
    mode: str = "search"

    @property
    def patterns(self) -> tuple[str, ...]:
        """The items as regex patterns (words escaped)."""
        if self.kind == schema.WORDS:
            return tuple(regex.escape(w) for w in self.items)
        return self.items

    def alternation(self, *, longest_first: bool = False) -> str:
        """The items as one alternation (no group around it); never matches when empty."""
        items = self.patterns
        if longest_first:
            items = tuple(sorted(items, key=len, reverse=True))
        return "|".join(items) if items else NEVER

    @property
    def pattern(self) -> str:
        """A PATTERN entry's pattern (never matching when absent)."""
        return self.items[0] if self.items else NEVER

    @property
    def chars(self) -> str:
        """A CHARS entry's characters."""
        return self.items[0] if self.items else ""

    def as_template(self) -> str:
        """What ``{name}`` stands for when this entry is a template: a CHARS entry's
        characters escaped for a class, else the alternation (longest first) in a group."""
        if self.kind == schema.CHARS:
            return "".join("\\" + ch if ch in "\\]^-[" else ch for ch in self.chars)
        return f"(?:{self.alternation(longest_first=True)})"


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All rules and vocabularies of one pattern directory."""

    directory: str
    rules: Mapping[str, tuple[Rule, ...]]
    data: Mapping[str, Any]
    entries: Mapping[str, Vocab] = field(default_factory=dict)
    maps: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    _compiled: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def compiled(self, key: str, build: Callable[[RuleSet], T]) -> T:
        """What a module compiles from this rule set, built once and kept with it."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return cast(T, self._compiled[key])

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to worker processes) without what was compiled from it: each worker
        compiles its own, and the compiled scanners of a mypyc build do not unpickle."""
        return (RuleSet, (self.directory, self.rules, self.data, self.entries, self.maps))

    def of(self, table: str) -> tuple[Rule, ...]:
        """The rules of one array (``section``, ``measure`` …), in file order."""
        return self.rules.get(table, ())

    def get(self, rule_id: str) -> Rule:
        """The rule with this id."""
        for rules in self.rules.values():
            for rule in rules:
                if rule.id == rule_id:
                    return rule
        raise KeyError(rule_id)

    def vocab(self, key: str) -> Vocab:
        """A vocabulary entry (``claims.approx_before``); empty where its table is absent.
        A key the schema does not declare is a programming error (KeyError)."""
        found = self.entries.get(key)
        if found is not None:
            return found
        table, _, name = key.rpartition(".")
        spec = schema.VOCABULARIES[table][name]  # KeyError: not in the schema
        return Vocab(key, spec.kind, mode=spec.mode)

    def map(self, name: str) -> Mapping[str, Any]:
        """A map table (``units``, ``unit_scales``, ``templates``); empty where absent."""
        if name not in schema.MAPS:
            raise KeyError(name)
        return self.maps.get(name, {})

    def template(self, name: str) -> str:
        """A template's fragment (``{name}`` in the pattern files)."""
        return str(self.map("templates")[name])
