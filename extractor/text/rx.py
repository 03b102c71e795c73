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
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

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


#: A group of plain words a pattern opens with, not optional: ``(?:今年|明年)``.
_WORDS_HEAD = re.compile(r"\(\?:((?:[^\\.^$*+?{}\[\]|()]+\|)*[^\\.^$*+?{}\[\]|()]+)\)(?![?*{])")
#: What tells a pattern's nesting: an escape, a set of no nested set, a parenthesis, a bar.
_NESTING = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]")


def _bar_outside_groups(word: str) -> bool:
    """Whether ``word`` holds an alternation outside its groups (or a set this reading
    does not tell: one that nests another)."""
    depth = 0
    for m in _NESTING.finditer(word):
        token = m.group()
        if token.startswith("[") and "[" in token[1:]:
            return True
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == "|" and depth == 0:
            return True
    return False


def literal_heads(words: Iterable[str], *, groups: bool = False) -> re.Pattern[str] | None:
    """Where one of ``words`` (patterns) can start: the literal text each opens with, as one
    ``re`` alternation, which skips ahead to its first characters.  None when a word opens
    with syntax (a class, a group, an escape) or holds an alternation of its own.  With
    ``groups`` a word may open with a group of plain words (``(?:今年|明年)…``: each is a head)
    and hold alternations inside its groups."""
    heads: set[str] = set()
    for word in words:
        if groups:
            if _bar_outside_groups(word):
                return None
            if (alternatives := _WORDS_HEAD.match(word)) is not None:
                heads.update(alternatives.group(1).split("|"))
                continue
        m = _LITERAL_HEAD.match(word)
        if m is None or ("|" in word and not groups):
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

    __slots__ = ("_at", "_heads", "_pattern")

    def __init__(self, pattern: Any, heads: re.Pattern[str]) -> None:
        self._pattern = pattern
        self._heads = heads
        #: the test before a match at a position: a head stands there
        self._at = heads.match

    def search(self, text: str, *span: int) -> Any:
        if self._heads.search(text, *span) is None:
            return None
        return self._pattern.search(text, *span)

    def match(self, text: str, *span: int) -> Any:
        if self._at(text, *span) is None:
            return None
        return self._pattern.match(text, *span)

    def fullmatch(self, text: str, *span: int) -> Any:
        if self._at(text, *span) is None:
            return None
        return self._pattern.fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[Any]:
        if self._heads.search(text, *span) is None:
            return iter(())
        return iter(self._pattern.finditer(text, *span))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


class HeadScan(Prefiltered):
    """A :class:`Prefiltered` pattern whose ``finditer`` tries the pattern only where a head
    stands (:func:`scan_at_heads`), not at every position of a window that holds one.

    ``regex`` cannot skip ahead to an alternation whose words open with lookbehinds
    (``(?<!努)力争``, ``(?<![模草])拟``): it tries every word at every position.  The target
    words, iterated in the scope of every figure: 2.4 µs a scope searched whole after the
    heads' test, 1.1 µs at the heads."""

    __slots__ = ()

    def finditer(self, text: str, *span: int) -> Iterator[Any]:
        return scan_at_heads(self._pattern, self._heads, text, *span)


def prefiltered(
    pattern: Any, words: Iterable[str], *, groups: bool = False, at_heads: bool = False
) -> Any:
    """``pattern`` (compiled from ``words``: each of its matches starts where one of the
    words does) behind a scan for the words' literal heads (:class:`Prefiltered`; with
    ``at_heads`` iterated from head to head, :class:`HeadScan`), or ``pattern`` itself when
    a word opens with syntax (a class, a group, an escape; with ``groups``, a group of plain
    words is read: :func:`literal_heads`)."""
    heads = literal_heads((LOOKAROUND.sub("", str(w)) for w in words), groups=groups)
    if heads is None:
        return pattern
    return HeadScan(pattern, heads) if at_heads else Prefiltered(pattern, heads)


class Leftmost:
    """An alternation of several families of patterns (each an alternation of its own),
    searched one family at a time: the leftmost of their matches, the earlier family's where
    two start at one position, is the alternation's (its span, ``group()`` and named groups;
    not its numbered groups).  ``match`` and the rest are the whole alternation's.

    Joined, the families cost ``regex`` a try of every branch at every position of the
    window; apart, each finds where it can start by its own scan (a literal, a set), and
    the standard library takes the families it reads alike (:func:`at_position`).  The
    glued openers of a title (sections: a time phrase, a marker, a note): 11 µs a search
    joined, under 5 apart."""

    __slots__ = ("_families", "_pattern")

    def __init__(self, pattern: Any, families: Sequence[Any]) -> None:
        self._pattern = pattern
        self._families = tuple(families)

    def search(self, text: str, *span: int) -> Any:
        best = None
        for family in self._families:
            m = family.search(text, *span)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def match(self, text: str, *span: int) -> Any:
        return self._pattern.match(text, *span)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def leftmost(families: Sequence[str], flags: int = regex.VERSION1) -> Leftmost:
    """The alternation of ``families`` (patterns, in order), searched family by family
    (:class:`Leftmost`), each compiled for a short window (:func:`at_position`)."""
    whole = regex.compile("|".join(families), flags)
    return Leftmost(whole, [at_position(f, flags) for f in families])


#: What opens a group whose letters this reading cannot tell: inline flags (``(?i)``,
#: ``(?r)``), a branch reset, a comment, a back reference.
_UNREAD = re.compile(r"\(\?(?:(?!P<)[a-zA-Z]|[|#]|P=)")
#: What opens a group that matches letters: plain, non-capturing, named, atomic.
_GROUP = re.compile(r"\((?:\?(?:P?<[A-Za-z_]\w*>|:|>))?")
#: Escapes that stand for one class the standard library reads alike (``re``'s ``\d`` and
#: ``\s`` hold at least what ``regex``'s do), kept as such in a set of letters.
_CLASSES = ("\\d", "\\s")
#: Escapes that match no letter (anchors).
_ANCHORS = "AbBGZ"


class _Letters(NamedTuple):
    """What one piece of a pattern says of the letters of its matches: those a match can
    open with (``first``; None: any) and those one of which every match holds (``need``;
    None: none known), and whether it can match nothing at all (``empty``)."""

    first: frozenset[str] | None
    need: frozenset[str] | None
    empty: bool


_ZERO = _Letters(frozenset(), None, True)  # an anchor or a lookaround: no letter
_ANY = _Letters(None, None, False)  # one letter of a class not read here (\p{Han}, [^，])


def required_letters(pattern: str) -> frozenset[str] | None:
    """Letters one of which every match of ``pattern`` holds (年 of ``(?:过去|近)(?:\\d{1,2}
    |五)年(?!的)``; ``\\d`` and ``\\s`` for those classes), or None when this reading finds
    none: letters of a lookaround, of a quantified or optional piece, of an inline-flagged
    or unreadable pattern are never taken."""
    found = _letters(pattern)
    return None if found is None or found.empty else found.need


def first_letters(pattern: str) -> frozenset[str] | None:
    """The letters a match of ``pattern`` can open with (as :func:`required_letters` writes
    them), or None when any can, or when it can match nothing (then there is no first)."""
    found = _letters(pattern)
    return None if found is None or found.empty else found.first


#: How :func:`letter_class` writes ``\\d`` and ``\\s`` for ``re``: its ``\\s`` holds every
#: space ``regex`` knows, its ``\\d`` not the digits of scripts newer than this Python's
#: Unicode (all astral so far), so every astral letter is taken too (tests/text/test_rx.py
#: checks both on every letter of the basic plane).
_CLASS_TEXT = {"\\d": "\\d\\U00010000-\\U0010ffff", "\\s": "\\s"}


def letter_class(letters: Iterable[str]) -> re.Pattern[str]:
    """One ``re`` class of ``letters`` (and of the ``\\d`` and ``\\s`` among them)."""
    return re.compile(
        "[" + "".join(_CLASS_TEXT.get(w) or re.escape(w) for w in sorted(letters)) + "]"
    )


def _letters(pattern: str) -> _Letters | None:
    try:
        found, end = _alternation(pattern, 0)
    except _Unread:
        return None
    return found if end == len(pattern) else None


class _Unread(Exception):
    """A piece of a pattern this reading does not tell."""


def _alternation(p: str, i: int) -> tuple[_Letters, int]:
    """The letters of the alternation from ``p[i]`` to its closing ``)`` or the end."""
    branches = []
    while True:
        found, i = _sequence(p, i)
        branches.append(found)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        firsts = [b.first for b in branches]
        needs = [b.need for b in branches]
        return _Letters(
            None if None in firsts else frozenset().union(*firsts),  # type: ignore[arg-type]
            None if None in needs else frozenset().union(*needs),  # type: ignore[arg-type]
            any(b.empty for b in branches),
        ), i


def _sequence(p: str, i: int) -> tuple[_Letters, int]:
    """The letters of one branch: its atoms one after another."""
    first: frozenset[str] | None = frozenset()
    need: frozenset[str] | None = None
    empty = True
    while i < len(p) and p[i] not in "|)":
        atom, i = _atom(p, i)
        atom, i = _quantified(p, i, atom)
        if empty:  # what can open the branch: this atom, and the next if this one can be absent
            first = None if first is None or atom.first is None else first | atom.first
        if (
            atom.need is not None
            and not atom.empty
            and (need is None or len(atom.need) <= len(need))
        ):
            need = atom.need  # the fewest letters, the last of equals
        empty = empty and atom.empty
    return _Letters(first, need, empty), i


def _atom(p: str, i: int) -> tuple[_Letters, int]:
    ch = p[i]
    if ch == "\\":
        code = p[i + 1 : i + 2]
        if not code:
            raise _Unread
        if code in _ANCHORS:
            return _ZERO, i + 2
        if "\\" + code in _CLASSES:
            one = frozenset(["\\" + code])
            return _Letters(one, one, False), i + 2
        if code.isalnum():  # \p{Han}, \w, \D, \x41: a class or a letter not read here
            end = i + 2
            if p[end : end + 1] == "{":
                end = p.index("}", end) + 1
            return _ANY, end
        one = frozenset(code)  # an escaped mark: \( \. \-
        return _Letters(one, one, False), i + 2
    if ch == "[":
        return _class(p, i)
    if ch == "(":
        if _UNREAD.match(p, i):
            raise _Unread
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            inner = i + (4 if p[i + 2] == "<" else 3)
            _, end = _alternation(p, inner)
            return _ZERO, _closed(p, end)  # a lookaround consumes no letter
        head = _GROUP.match(p, i)
        if head is None:
            raise _Unread
        found, end = _alternation(p, head.end())
        return found, _closed(p, end)
    if ch in "^$":
        return _ZERO, i + 1
    if ch == ".":
        return _ANY, i + 1
    if ch in "*+?{})]":
        raise _Unread  # a quantifier with no atom, a stray mark
    if ch == "#" or ch.isspace():
        return _ANY, i + 1  # under VERBOSE not a letter: nothing taken from it
    one = frozenset(ch)
    return _Letters(one, one, False), i + 1


def _closed(p: str, end: int) -> int:
    if end >= len(p) or p[end] != ")":
        raise _Unread
    return end + 1


def _class(p: str, i: int) -> tuple[_Letters, int]:
    """A set: its letters when each member is a plain letter, ``\\d`` or ``\\s``, else any."""
    members: set[str] = set()
    plain = p[i + 1 : i + 2] not in ("^", "]", "[")
    depth, j = 1, i + 1
    while j < len(p) and depth:
        ch = p[j]
        if ch == "\\":
            code = p[j + 1 : j + 2]
            if "\\" + code in _CLASSES:
                members.add("\\" + code)
            elif code and not code.isalnum():
                members.add(code)
            else:
                plain = False
            j += 2
            continue
        if ch == "[":
            depth += 1
            plain = False
        elif ch == "]":
            depth -= 1
        elif ch in "-&|~":  # ranges and set operations
            plain = False
        elif depth == 1:
            members.add(ch)
        j += 1
    if depth:
        raise _Unread
    if not plain or not members:
        return _ANY, j
    one = frozenset(members)
    return _Letters(one, one, False), j


#: A counted quantifier: ``{2}``, ``{1,4}``, ``{,3}``, ``{2,}``.
_BOUNDS = re.compile(r"\{(\d*)(?:,\d*)?\}")


def _quantified(p: str, i: int, atom: _Letters) -> tuple[_Letters, int]:
    """The atom under the quantifier at ``p[i]``, if any (and that quantifier's end)."""
    if i >= len(p) or p[i] not in "?*+{":
        return atom, i
    least = 1
    if p[i] == "{":
        m = _BOUNDS.match(p, i)
        if m is None:
            raise _Unread
        least, i = int(m.group(1) or 0), m.end()
    else:
        least, i = (0 if p[i] in "?*" else 1), i + 1
    if i < len(p) and p[i] in "?+":  # lazy, possessive
        i += 1
    if least == 0:
        return _Letters(atom.first, None, True), i
    return atom, i


class Needing(Prefiltered):
    """A pattern each of whose matches holds one of a few characters (a letter every one of
    its words requires, :func:`required_letters`), tried only in a window where one of them
    stands: for vocabularies whose words open with syntax (a class, a group, a number of
    years), so that no literal head can trigger them.  ``search``, ``match``, ``fullmatch``
    and ``finditer`` answer as the pattern does; a match lies inside its window, so the
    letter must stand there (what a lookaround sees beyond it is no letter of the match)."""

    __slots__ = ()

    def __init__(self, pattern: Any, letters: re.Pattern[str]) -> None:
        super().__init__(pattern, letters)
        self._at = letters.search  # a match at a position holds the letter anywhere in it


class Opening:
    """A pattern matched at a position, each of whose matches opens with one of its words
    (an alternation of words, repeated or not): tried only where the letter at the position
    can open a word, or where a word that can open with any letter finds a letter it
    requires in the window (:func:`first_letters`, :func:`required_letters`).  ``match``
    answers as the pattern does; the rest is the pattern's.

    The indicator's lead words are matched at the start of every indicator: a hundred
    words, most opening with their own letter, a few with any (…期间, 在…基础上); most
    indicators open with none of them."""

    __slots__ = ("_any", "_first", "_pattern")

    def __init__(self, pattern: Any, first: re.Pattern[str], any_: re.Pattern[str] | None) -> None:
        self._pattern = pattern
        self._first = first
        self._any = any_

    def match(self, text: str, *span: int) -> Any:
        if self._first.match(text, *span) is None and (
            self._any is None or self._any.search(text, *span) is None
        ):
            return None
        return self._pattern.match(text, *span)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def opening(pattern: Any, words: Iterable[str]) -> Any:
    """``pattern`` (compiled from ``words``, without IGNORECASE: each match opens with one
    word's match) behind a test of its letter at the position (:class:`Opening`), or
    ``pattern`` itself when a word can match nothing, or can open with any letter and
    requires none that :func:`required_letters` reads."""
    first: set[str] = set()
    anywhere: set[str] = set()
    for word in words:
        found = _letters(str(word))
        if found is None or found.empty:
            return pattern
        if found.first is not None:
            first |= found.first
        elif found.need is not None:
            anywhere |= found.need
        else:
            return pattern
    if not first or pattern.flags & regex.IGNORECASE:
        return pattern
    return Opening(pattern, letter_class(first), letter_class(anywhere) if anywhere else None)


def opening_letters(pattern: Any) -> tuple[str, ...]:
    """The letters every match of a compiled ``pattern`` opens with (:func:`first_letters`),
    or () when the reading cannot tell them (a class such as ``\\d`` among them, a match
    that can be empty, inline flags) or the pattern ignores case.

    A ``regex`` call costs some 3,000 instructions before it reads a letter (the state it
    builds, the GIL it lets go and takes again), an ``re`` call some 1,400, a method of
    ``str`` about 1,000 (interpreted): a context pattern asked at every figure and matching
    at few is worth a test of its letters first (``str.startswith`` at a position, an ``re``
    class in a window: :func:`opening_class`) where that test mostly fails."""
    letters = first_letters(pattern.pattern)
    if letters is None or any(len(x) != 1 for x in letters) or pattern.flags & regex.IGNORECASE:
        return ()
    return tuple(sorted(letters))


def opening_class(pattern: Any) -> re.Pattern[str] | None:
    """:func:`opening_letters` as one ``re`` class (:func:`letter_class`), searched in a
    window before ``pattern`` is (one call, whatever the number of letters), or None."""
    letters = opening_letters(pattern)
    return letter_class(letters) if letters else None


def needed_class(pattern: Any) -> re.Pattern[str] | None:
    """The letters one of which every match of a compiled ``pattern`` holds
    (:func:`required_letters`) as one ``re`` class (:func:`letter_class`), or None when the
    reading finds none or the pattern ignores case.

    A pattern asked of many windows that share a start (a phrase tried at every end) is
    asked only of those that reach the first of these letters: one search per start, read
    by position, instead of a call per window that cannot match."""
    letters = required_letters(pattern.pattern)
    if letters is None or pattern.flags & regex.IGNORECASE:
        return None
    return letter_class(letters)


def needing(pattern: Any, words: Iterable[str]) -> Any:
    """``pattern`` (compiled from ``words``, without IGNORECASE: each match is one word's)
    behind a scan for the letters its words require (:class:`Needing`), or ``pattern`` itself
    when a word requires none that :func:`required_letters` can read."""
    letters: set[str] = set()
    for word in words:
        found = required_letters(str(word))
        if found is None:
            return pattern
        letters |= found
    if not letters or pattern.flags & regex.IGNORECASE:
        return pattern
    return Needing(pattern, letter_class(letters))


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
