"""Patterns tried at one position: compiled with the standard library's ``re`` when it reads
them exactly as ``regex`` does, else with ``regex``.

Both engines answer the same question; they differ in cost.  Measured over the corpus
(benchmarks/README.md), ``re`` answers a ``match`` at a position, or a ``search`` in a
window of a few characters, two to three times faster than ``regex``: its cost per call is
lower.  ``regex`` is as fast or faster at scanning a whole text for a large alternation,
so whole-text scans keep using it.  The claim finder calls its context patterns once or
more per figure, tens of thousands of times per batch: those use :func:`at_position`.

``re`` reads a pattern as ``regex`` (VERSION1) does unless the pattern uses what only
``regex`` has; then ``re`` refuses it (variable-width lookbehind, ``\\p{…}``, ``(?r)``,
branch reset) or warns (``[[``, ``--``, ``&&``, ``||``: nested sets and set operations),
and the pattern goes to ``regex``.  So do patterns with flags other than ASCII, MULTILINE,
DOTALL and VERBOSE (``regex`` folds case more fully than ``re`` under IGNORECASE).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import regex

#: regex flags that mean the same in re, and their re equivalents.
_SAME_FLAGS = (
    (regex.ASCII, re.ASCII),
    (regex.MULTILINE, re.MULTILINE),
    (regex.DOTALL, re.DOTALL),
    (regex.VERBOSE, re.VERBOSE),
)


@lru_cache(maxsize=512)
def at_position(pattern: str, flags: int = regex.VERSION1) -> Any:
    """``pattern`` compiled for calls at a position: a ``re.Pattern`` when ``re`` reads it
    as ``regex`` would, else a ``regex`` pattern (compiled with ``flags``)."""
    compiled = _stdlib(pattern, flags)
    return compiled if compiled is not None else regex.compile(pattern, flags)


def for_scanning(compiled: Any) -> Any:
    """A ``regex`` pattern, or its ``re`` twin where that scans a whole text faster.

    ``re`` skips ahead to where a pattern can start when it opens with a literal or a set
    (the honour cues, 增长…%, 【 】 scan two to three times faster), but tries a pattern that
    opens with a lookbehind at every position, where ``regex`` is the faster one.  So the
    twin is used when :func:`at_position` gives one and the pattern does not open with a
    lookbehind."""
    if compiled.pattern.startswith("(?<"):
        return compiled
    twin = at_position(compiled.pattern, compiled.flags)
    return twin if isinstance(twin, re.Pattern) else compiled


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """What ``pattern.finditer(text)`` yields, for a pattern whose every match starts at one
    of ``starts`` (ascending) and holds at least one character: the pattern is tried only
    there, not at every position, and a start inside the last match is skipped, as finditer
    skips it.  Its lookbehinds still see the text before a start."""
    pos = 0
    for start in starts:
        if start >= pos and (m := pattern.match(text, start)) is not None:
            yield m
            pos = m.end()


#: The literal text a pattern opens with (up to its first piece of syntax).
_LITERAL_HEAD = re.compile(r"[^\\.^$*+?{}\[\]|()]+")


def literal_heads(words: Iterable[str]) -> re.Pattern[str] | None:
    """Where one of ``words`` (patterns) can start: the literal text each opens with, as one
    ``re`` alternation, which skips ahead to its first characters.  None when a word opens
    with syntax (a class, a group, an escape) or holds an alternation of its own."""
    heads = set()
    for word in words:
        m = _LITERAL_HEAD.match(word)
        if m is None or "|" in word:
            return None
        head = m.group()
        if word[m.end() : m.end() + 1] in ("?", "*", "{"):  # 增?长: 长 may open it
            head = head[:-1]
        if not head:
            return None
        heads.add(head)
    if not heads:
        return None
    return re.compile("|".join(re.escape(h) for h in sorted(heads, key=lambda h: (-len(h), h))))


def scan_at_heads(
    pattern: Any, heads: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[Any]:
    """What ``pattern.finditer(text, pos, endpos)`` yields, for a pattern each of whose
    matches starts where ``heads`` matches (:func:`literal_heads` of its alternatives, a
    lookbehind before them allowed) and holds a character: the pattern is tried only there.

    A whole-text scan for an alternation of words costs ``regex`` a test of every word at
    every position; ``re`` finds the few places where one can start by bitmap."""
    end = len(text) if endpos is None else endpos
    while (head := heads.search(text, pos, end)) is not None:
        m = pattern.match(text, head.start(), end)
        if m is None:
            pos = head.start() + 1
            continue
        yield m
        pos = m.end()


#: A lookaround group, one level of groups inside it allowed: (?!值), (?<=(?:比|较)[^，]{1,6}多).
#: It consumes nothing: a word's match starts where the word's first literal does.
LOOKAROUND = regex.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")


class Prefiltered:
    """A pattern whose every match starts with the literal head of one of its words (an
    alternation of words, each perhaps behind a lookbehind, anchored or not at its end),
    tried only where a head stands in the window: ``search``, ``match``, ``fullmatch`` and
    ``finditer`` answer as the pattern does, the rest is the pattern's.

    A context pattern is searched in a window before or after every figure, and most windows
    hold none of its words: an ``re`` scan for the heads costs a fraction of starting a
    large alternation (``regex``'s call alone costs several thousand instructions)."""

    __slots__ = ("_heads", "_pattern")

    def __init__(self, pattern: Any, heads: re.Pattern[str]) -> None:
        self._pattern = pattern
        self._heads = heads

    def search(self, text: str, *span: int) -> Any:
        if self._heads.search(text, *span) is None:
            return None
        return self._pattern.search(text, *span)

    def match(self, text: str, *span: int) -> Any:
        if self._heads.match(text, *span) is None:
            return None
        return self._pattern.match(text, *span)

    def fullmatch(self, text: str, *span: int) -> Any:
        if self._heads.match(text, *span) is None:
            return None
        return self._pattern.fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[Any]:
        if self._heads.search(text, *span) is None:
            return iter(())
        return iter(self._pattern.finditer(text, *span))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def prefiltered(pattern: Any, words: Iterable[str]) -> Any:
    """``pattern`` (compiled from ``words``: each of its matches starts where one of the
    words does) behind a scan for the words' literal heads (:class:`Prefiltered`), or
    ``pattern`` itself when a word opens with syntax (a class, a group, an escape)."""
    heads = literal_heads(LOOKAROUND.sub("", str(w)) for w in words)
    return pattern if heads is None else Prefiltered(pattern, heads)


def _stdlib(pattern: str, flags: int) -> re.Pattern[str] | None:
    # Unicode is both engines' default for text; FULLCASE only acts under IGNORECASE
    rest = flags & ~(regex.VERSION1 | regex.VERSION0 | regex.UNICODE | regex.FULLCASE)
    std = 0
    for ours, theirs in _SAME_FLAGS:
        if rest & ours:
            std |= theirs
            rest &= ~ours
    if rest or "(?i" in pattern:  # other flags, and case folding, only regex reads as regex
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # FutureWarning: VERSION1 set syntax re reads otherwise
        try:
            return re.compile(pattern, std)
        except (re.error, FutureWarning, DeprecationWarning):
            return None
