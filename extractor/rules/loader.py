"""Rule files: TOML in ``patterns/``, loaded once, validated and compiled with ``regex``.

A rule file holds arrays of tables (``[[section]]``, ``[[measure]]`` …), each a rule with an
``id``, a ``pattern`` and the ``examples`` and ``counterexamples`` it must honour, plus plain
tables of vocabulary (``[kind.plan]``) that the modules read as data.  Unknown keys,
duplicate ids and patterns that do not compile are :class:`RuleError` naming file and id.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

import regex

from extractor.errors import RuleError
from extractor.text.rx import at_position

T = TypeVar("T")

#: The keys a rule table may have; anything else is a typo worth an error.
RULE_KEYS = frozenset(
    {
        "id",
        "pattern",
        "description",
        "level",
        "family",
        "style",
        "ordinals",
        "examples",
        "counterexamples",
        "needs",
    }
)
#: Arrays of tables in the pattern files that hold rules (the rest is vocabulary).
RULE_TABLES = ("section", "measure")


@dataclass(frozen=True, slots=True)
class Example:
    """Text a rule must match at its start, with the named groups it must yield."""

    text: str
    groups: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern with its provenance and self-checks."""

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
    #: The same pattern for ``match`` at a position (``extractor.text.rx.at_position``: stdlib
    #: ``re`` where it reads the pattern alike, cheaper per call); scans use ``regex``.
    at: Any = None
    #: Characters one of which every match holds (``"是"`` for 一是): where a stretch of text
    #: holds none, the rule is not tried there.  Empty: always tried.
    needs: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All rules and vocabularies of one pattern directory."""

    directory: str
    rules: Mapping[str, tuple[Rule, ...]]
    data: Mapping[str, Any]
    _compiled: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def compiled(self, key: str, build: Callable[[RuleSet], T]) -> T:
        """What a module compiles from this rule set, built once and kept with it."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return cast(T, self._compiled[key])

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to worker processes) without what was compiled from it: each worker
        compiles its own, and the compiled scanners of a mypyc build do not unpickle."""
        return (RuleSet, (self.directory, self.rules, self.data))

    def of(self, table: str) -> tuple[Rule, ...]:
        """The rules of one table (``section``, ``measure`` …), in file order."""
        return self.rules.get(table, ())

    def get(self, rule_id: str) -> Rule:
        """The rule with this id."""
        for rules in self.rules.values():
            for rule in rules:
                if rule.id == rule_id:
                    return rule
        raise KeyError(rule_id)


def default_patterns_dir() -> Path:
    """Where the shipped pattern files are: inside the wheel, or beside the package."""
    here = Path(__file__).resolve().parents[1]  # the package: extractor/rules/loader.py
    for candidate in (here / "patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"pattern directory not found next to {here}")


def _example(raw: Any, where: str) -> Example:
    if isinstance(raw, str):
        return Example(raw)
    if isinstance(raw, Mapping) and isinstance(raw.get("text"), str):
        groups = {str(k): str(v) for k, v in raw.items() if k != "text"}
        return Example(raw["text"], groups)
    raise RuleError(f"{where}: an example is a string or a table with 'text'")


def compile_rule(raw: Mapping[str, Any], table: str, source: str) -> Rule:
    """One ``[[table]]`` entry of a pattern file as a Rule; a RuleError names what is wrong."""
    rule_id = raw.get("id")
    where = f"{source}: rule {rule_id!r}"
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError(f"{source}: a [[{table}]] rule has no id")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    pattern = raw.get("pattern")
    if not isinstance(pattern, str):
        raise RuleError(f"{where}: 'pattern' must be a string")
    try:
        compiled = regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise RuleError(f"{where}: pattern does not compile: {exc}") from exc
    needs = raw.get("needs", "")
    if not isinstance(needs, str):
        raise RuleError(f"{where}: 'needs' is a string of characters")
    for example in raw.get("examples", ()):
        text = example if isinstance(example, str) else example.get("text", "")
        if needs and not any(ch in str(text) for ch in needs):
            raise RuleError(f"{where}: example {text!r} holds none of needs {needs!r}")
    return Rule(
        id=rule_id,
        table=table,
        pattern=pattern,
        regex=compiled,
        source=source,
        description=str(raw.get("description", "")),
        level=int(raw.get("level", 0)),
        family=str(raw.get("family", "")),
        style=str(raw.get("style", "")),
        ordinals={str(k): int(v) for k, v in dict(raw.get("ordinals", {})).items()},
        examples=tuple(_example(e, where) for e in raw.get("examples", ())),
        counterexamples=tuple(str(c) for c in raw.get("counterexamples", ())),
        at=at_position(pattern),
        needs=needs,
    )


def _merge(target: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key].extend(value)
        else:
            target[key] = value


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load, validate and compile every ``*.toml`` file of a pattern directory."""
    root = Path(directory) if directory is not None else default_patterns_dir()
    if not root.is_dir():
        raise RuleError(f"{root}: not a pattern directory")
    data: dict[str, Any] = {}
    rules: dict[str, list[Rule]] = {}
    seen: dict[str, str] = {}
    for path in sorted(root.glob("*.toml")):
        try:
            content = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleError(f"{path.name}: {exc}") from exc
        for table in RULE_TABLES:
            for raw in content.pop(table, []):
                rule = compile_rule(raw, table, path.name)
                if rule.id in seen:
                    raise RuleError(
                        f"{path.name}: duplicate rule id {rule.id!r} (first in {seen[rule.id]})"
                    )
                seen[rule.id] = path.name
                rules.setdefault(table, []).append(rule)
        _merge(data, content)
    return RuleSet(str(root), {k: tuple(v) for k, v in rules.items()}, data)


@cache
def default_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()
