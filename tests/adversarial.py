"""Adversarial strings for every pattern the parser runs, built from each pattern's own alphabet.

A pattern that backtracks without bound (``[Xx×*]{2,}单位`` on a line of 40,000 ``X``:
every start scans the rest of the run) turns a small crafted file into hours of work.  The
patterns are not listed by hand: they are found where the parser keeps them, so a rule
added or moved is tested too:

- every compiled rule of a :class:`~extractor.rules.loader.RuleSet` (``RuleSet.rules``),
- every string of ``RuleSet.data`` that compiles as a regex and is not a plain word,
- every pattern a module built from that data and keeps with the rule set
  (``RuleSet.compiled``: claim words, units, campaigns, placeholders, audit …),
- every compiled pattern at module level in the core and the readers (``extractor.text``,
  ``outline``, ``claims``, ``elements``, ``audit``, ``io``), containers of them included,

each under the engine the parser runs it with (``extractor.text.rx`` gives many of them to
the standard library's ``re``: both engines are tried).  Each is run with ``finditer`` over
strings of one or two characters of its own alphabet repeated (its literal characters,
brackets, digits, numerals, masks, quotes, separators), its examples repeated, and the
generic hostile strings of :data:`GENERIC`.  Linear work means the time grows ten times from
10,000 to 100,000 characters; a pattern that backtracks grows a hundred times.

``tests/test_adversarial.py`` runs a sample of this (seconds); ``benchmarks/adversarial.py``
runs all of it.
"""

from __future__ import annotations

import dataclasses
import importlib
import itertools
import pkgutil
import random
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

try:  # the standard library's regex parser (3.11+: re._parser)
    import re._parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

from extractor.rules.loader import RuleSet
from extractor.text.rx import at_position

#: The packages whose module-level patterns are tried (the core and the readers).
PACKAGES = ("extractor.text", "extractor.rules", "extractor.outline", "extractor.claims",
            "extractor.elements", "extractor.audit", "extractor.io")  # fmt: skip

#: Hostile units repeated to length: masks, brackets, digits, numerals, quotes, separators
#: and the short forms the issue found (增长5%，, 一亿, 一二三四, [).
# fmt: off
GENERIC = (
    "X", "x", "×", "*", "某", "○", "□", "XX单", "X年", "X.",
    "[", "]", "【", "（", "(", ")", "{", "《", "“", '"', "‘", "「", "[a](", "![", "**", "|",
    "5", "5.", "5,", "5%，", "增长5%，", "1、", "1.", "(1)", "2024年",
    "一", "十", "一亿", "一二三四", "一是", "（一）", "一、", "第一", "三点五", "分之",
    "，", "、", "。", "；", "：", " ", "\n", "\t", "　", " 　", "-", "—", "#", ">",
    "中", "年", "共", "比", "约", "率", "了", "的",
)
# fmt: on
#: Class shorthands and ranges, and a character each stands for in an adversarial string.
_EXPANSIONS = {
    r"\d": "5",
    "0-9": "5",
    r"\s": " \n",
    r"\w": "a中",
    "A-Z": "A",
    "a-z": "a",
    r"\p{Han}": "中",
    "一-龥": "中",
    "\u4e00-\u9fff": "中",
    ".": "中a",
}  # fmt: skip
_SYNTAX = set("\\()[]{}?*+|^$:=!<>-,")
#: A word of a pattern: two or more Chinese characters in a row.
_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]{2,}")


@dataclass(frozen=True, slots=True)
class Target:
    """One compiled pattern, where it was found, and the strings to try it on."""

    name: str
    pattern: Any  # re.Pattern[str] | regex.Pattern[str]
    examples: tuple[str, ...] = ()

    @property
    def engine(self) -> str:
        return "re" if isinstance(self.pattern, re.Pattern) else "regex"


def targets(rules: RuleSet) -> list[Target]:
    """Every pattern of ``rules`` and of the modules, once per (text, flags, engine)."""
    found: dict[tuple[str, int, str], Target] = {}
    for target in [*_rule_targets(rules), *_module_targets()]:
        for t in _with_twin(target):
            found.setdefault((t.pattern.pattern, t.pattern.flags, t.engine), t)
    return sorted(found.values(), key=lambda t: (t.name, t.engine))


def _with_twin(target: Target) -> Iterator[Target]:
    """The pattern, and its ``re`` twin where :mod:`extractor.text.rx` would run that."""
    yield target
    if not isinstance(target.pattern, re.Pattern):
        twin = at_position(target.pattern.pattern, target.pattern.flags)
        if isinstance(twin, re.Pattern):
            yield dataclasses.replace(target, pattern=twin)


def _rule_targets(rules: RuleSet) -> Iterator[Target]:
    for table, table_rules in rules.rules.items():
        for rule in table_rules:
            if rule.regex is None:  # a vocabulary entry without a pattern of its own
                continue
            examples = tuple(e.text for e in rule.examples)
            yield Target(f"rule {table}:{rule.id}", rule.regex, examples)
    yield from _data_targets(rules.data, "data")
    for key in sorted(rules._compiled):  # what the modules compiled from this rule set
        for path, pattern in _patterns_in(rules._compiled[key], f"compiled[{key}]"):
            yield Target(path, pattern)


def _data_targets(data: Any, path: str) -> Iterator[Target]:
    """Strings of the rule data that compile as regexes and are more than a plain word."""
    if isinstance(data, Mapping):
        examples = tuple(
            str(e if isinstance(e, str) else e.get("text", ""))
            for e in data.get("examples", ())
            if isinstance(e, str | Mapping)
        )
        for key, value in data.items():
            if isinstance(value, str) and key not in ("id", "description", "examples"):
                target = _compiled_string(value, f"{path}.{key}", examples)
                if target is not None:
                    yield target
            elif key not in ("examples", "counterexamples"):
                yield from _data_targets(value, f"{path}.{key}")
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            if isinstance(value, str):
                target = _compiled_string(value, f"{path}[{i}]", ())
                if target is not None:
                    yield target
            else:
                yield from _data_targets(value, f"{path}[{i}]")


def _compiled_string(text: str, path: str, examples: tuple[str, ...]) -> Target | None:
    if not any(ch in _SYNTAX for ch in text):
        return None  # a word matches in bounded time wherever it is tried
    try:
        return Target(path, regex.compile(text, regex.VERSION1), examples)
    except (regex.error, ValueError):
        return None


def _module_targets() -> Iterator[Target]:
    for package in PACKAGES:
        for name in _modules(package):
            module = importlib.import_module(name)
            for attr, value in sorted(vars(module).items()):
                if not attr.startswith("__"):
                    for path, pattern in _patterns_in(value, f"{name}.{attr}", depth=2):
                        yield Target(path, pattern)


def _modules(package: str) -> list[str]:
    root = importlib.import_module(package)
    names = [package]
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        names.append(info.name)
    return names


def _patterns_in(obj: Any, path: str, depth: int = 4) -> Iterator[tuple[str, Any]]:
    """Compiled patterns in ``obj`` and the containers and records it holds."""
    if isinstance(obj, re.Pattern | regex.Pattern):
        if isinstance(obj.pattern, str):  # bytes patterns read file headers, not text
            yield path, obj
        return
    if depth <= 0 or isinstance(obj, str | bytes | int | float | type):
        return
    if isinstance(obj, Mapping):
        items: list[tuple[str, Any]] = [(f"{path}[{k!r}]", v) for k, v in obj.items()]
    elif isinstance(obj, list | tuple | set | frozenset):
        items = [(f"{path}[{i}]", v) for i, v in enumerate(obj)]
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        items = [(f"{path}.{f.name}", getattr(obj, f.name)) for f in dataclasses.fields(obj)]
    elif hasattr(obj, "_fields"):  # a named tuple
        items = [(f"{path}.{f}", getattr(obj, f)) for f in obj._fields]
    else:
        return
    for sub, value in items:
        yield from _patterns_in(value, sub, depth - 1)


def alphabet(pattern: str) -> str:
    """The characters an adversarial string for ``pattern`` is made of: its own characters
    (literals, class members, escaped brackets) and what its shorthands stand for."""
    chars = dict.fromkeys(ch for ch in pattern if ch not in "\\^$")
    for shorthand, stand_in in _EXPANSIONS.items():
        if shorthand in pattern:
            chars.update(dict.fromkeys(stand_in))
    return "".join(chars)


#: Stand-ins for "any character" (``.``, a negated class): a Han character, a Latin letter,
#: a digit, a space, a comma, a full stop.
_ANY = "中a5 ，。"
#: A repeat whose bound is above this can run long enough to matter.
_LONG_REPEAT = 8


def repeatable(pattern: str) -> str:
    """The characters a long repeat of ``pattern`` can consume (``[Xx×*]{2,}`` → ``Xx×*``,
    ``\\d+`` → ``5``, ``.*`` and ``[^，。]*`` → stand-ins): the runs that can make it
    backtrack.  Read with the standard library's parser; a pattern it cannot read
    (``regex``-only syntax) gives its whole alphabet."""
    try:
        tree = sre_parse.parse(pattern)
    except (re.error, ValueError, OverflowError):
        return alphabet(pattern)
    found: dict[str, None] = {}
    _collect(tree, False, found)
    return "".join(found)


def _collect(items: Any, inside: bool, found: dict[str, None]) -> None:
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _, high, sub = arg
            _collect(sub, inside or high > _LONG_REPEAT, found)
        elif name == "ATOMIC_GROUP":
            _collect(arg, inside, found)
        elif name in ("SUBPATTERN", "ASSERT", "ASSERT_NOT"):
            _collect(arg[-1], inside, found)
        elif name == "BRANCH":
            for branch in arg[1]:
                _collect(branch, inside, found)
        elif name == "GROUPREF_EXISTS":
            for branch in arg[1:]:
                if branch is not None:
                    _collect(branch, inside, found)
        elif inside:
            found.update(dict.fromkeys(_members(name, arg)))


def _members(name: str, arg: Any) -> str:
    """Characters one element matches (a few of a range or a category)."""
    if name == "LITERAL":
        return chr(arg)
    if name == "ANY":
        return _ANY
    if name == "NOT_LITERAL":
        return "".join(ch for ch in _ANY if ord(ch) != arg)
    if name != "IN":
        return ""
    members = ""
    negated = False
    for sub, value in arg:
        sub = str(sub)
        if sub == "NEGATE":
            negated = True
        elif sub == "LITERAL":
            members += chr(value)
        elif sub == "RANGE":
            low, high = value
            members += chr(low) + chr((low + high) // 2) + chr(high)
        elif sub == "CATEGORY":
            members += _CATEGORIES.get(str(value), "")
    if negated:
        return "".join(ch for ch in _ANY if ch not in members)
    return members


_CATEGORIES = {"CATEGORY_DIGIT": "5", "CATEGORY_SPACE": " \n", "CATEGORY_WORD": "a中5",
               "CATEGORY_NOT_DIGIT": "a中", "CATEGORY_NOT_SPACE": "a中", "CATEGORY_NOT_WORD": " ，"}  # fmt: skip


def units(target: Target, *, sample: int | None = None) -> dict[str, str]:
    """The units an adversarial string repeats, by a label: each character a long repeat of
    the pattern consumes, the other characters of its alphabet, neighbouring pairs of its
    literal characters, its words (a repeat of an alternation of words can backtrack where
    no single character does: ``(?r)(?:大幅|…)+$`` on 大幅大幅…), its examples, and GENERIC.
    With ``sample``, at most that many of the other characters and of the generic units (a
    draw seeded by the pattern's name), and a third as many pairs, words and examples: the
    repeatable characters always."""
    text = target.pattern.pattern
    draw = random.Random(target.name)

    def some(items: list[str], k: int | None) -> list[str]:
        return items if k is None or len(items) <= k else draw.sample(items, k)

    out = {f"run {ch!r}": ch for ch in repeatable(text)}
    for ch in some([c for c in alphabet(text) if f"run {c!r}" not in out], sample):
        out[f"char {ch!r}"] = ch
    literal = [ch for ch in text if ch not in _SYNTAX]
    pairs = dict.fromkeys(a + b for a, b in itertools.pairwise(literal) if a != b)
    third = None if sample is None else max(1, sample // 3)
    for pair in some(list(pairs), third if sample else 24):
        out[f"pair {pair!r}"] = pair
    words = dict.fromkeys(_WORD.findall(text))
    for word in some(list(words), third if sample else 24):
        out.setdefault(f"word {word!r}", word)
    for example in some([e for e in target.examples if e], third if sample else 6):
        out[f"example {example[:12]!r}"] = example
    for unit in some(list(GENERIC), sample):
        out.setdefault(f"generic {unit!r}", unit)
    return out


def repeated(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def scan_seconds(pattern: Any, text: str, *, repeat: int = 1) -> float:
    """The least time of ``repeat`` runs of ``finditer`` over ``text``, consumed whole."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _m in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def growth(
    run: Any, unit: str, *, short: int = 10_000, long: int = 100_000, repeat: int = 3
) -> tuple[float, float]:
    """Seconds of ``run(text)`` on ``unit`` repeated to ``short`` and to ``long`` characters
    (the least of ``repeat`` runs each)."""
    times = []
    for n in (short, long):
        text = repeated(unit, n)
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            run(text)
            best = min(best, time.process_time() - start)
        times.append(best)
    return times[0], times[1]
