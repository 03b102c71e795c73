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
