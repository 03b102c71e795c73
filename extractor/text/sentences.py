"""Sentence and clause boundaries of a text, found once and looked up by offset.

A *sentence* (what a claim or placeholder reports as its ``sentence``) ends at
``。！？；`` or a line break; a *full sentence* ends only at ``。！？`` or a line break, so
that the head of ``主要预期目标是：A；B；C。`` still governs C; a *clause* also ends at
``，：、`` (the characters are the folded ones: ``！？；：，`` may also be ASCII).

What an element reports as its sentence is bounded (:func:`window`): at most
:data:`SENTENCE_WINDOW` characters of it around the element, so that a report's rows stay
linear in its text even when one sentence holds thousands of figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.fold import fold
from extractor.text.native import NATIVE

#: What ends a clause, a sentence and a full sentence: the defaults of
#: ``patterns/text.toml`` ([text]), which the pipeline hands to each SentenceIndex.
CLAUSE_MARKS = "。！？!?；;\n，,：:"
#: What ends a sentence (a claim's or placeholder's, and what the audit compares).
SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True, slots=True)
class Marks:
    """The characters that end a clause, a sentence and a full sentence, and the spaces a
    sentence is trimmed of (``[text]`` in ``patterns/text.toml``)."""

    clause: str = CLAUSE_MARKS
    sentence: str = "。！？!?；;\n"
    full: str = "。！？!?\n"
    spaces: str = " \t\u3000\u00a0"


#: The most characters of its sentence an element carries.  No sentence around a claim,
#: placeholder or finding of the real reports is longer (the longest: 356); a crafted one
#: (16,000 figures in one sentence of 80,000 characters) would otherwise put the whole
#: sentence in every one of its rows: gigabytes.
SENTENCE_WINDOW = 400


def window(sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """What an element at ``[start, end)`` reports of its ``sentence`` (offsets): the whole
    sentence when it has at most :data:`SENTENCE_WINDOW` characters, else that many of its
    characters centred on the element (from the element's start when it is longer)."""
    lo, hi = sentence
    if hi - lo <= SENTENCE_WINDOW:
        return lo, hi
    at = start - max(SENTENCE_WINDOW - (end - start), 0) // 2
    at = max(lo, min(at, hi - SENTENCE_WINDOW))
    return at, at + SENTENCE_WINDOW


@lru_cache(maxsize=8)
def cached_fold(text: str) -> str:
    """``extractor.text.fold.fold(text)``, remembered for the few texts being worked on
    (the audit of a report it did not parse)."""
    return fold(text)


@lru_cache(maxsize=8)
def sentence_index(folded: str) -> SentenceIndex:
    """The SentenceIndex of a folded text under the default marks (the audit's)."""
    return SentenceIndex(folded)


class SentenceIndex:
    """Boundaries of one (folded) text; every lookup is a bisection."""

    __slots__ = ("_clause", "_full", "_sentence", "_spaces", "_spans", "text")

    def __init__(self, text: str, marks: Marks = Marks()) -> None:
        self.text = text
        clause, sentence, full = (
            NATIVE.mark_positions(text, marks.clause, marks.sentence, marks.full)
            if NATIVE is not None  # the same lists, in one pass in C (extractor.text.native)
            else mark_positions(text, marks)
        )
        self._clause: list[int] = clause
        self._sentence: list[int] = sentence
        self._full: list[int] = full
        self._spaces = marks.spaces
        self._spans: dict[int, tuple[int, int]] = {}

    @staticmethod
    def _around(marks: list[int], pos: int, size: int) -> tuple[int, int]:
        i = bisect_right(marks, pos - 1)
        start = marks[i - 1] + 1 if i else 0
        j = bisect_left(marks, pos)
        end = marks[j] if j < len(marks) else size
        return start, end

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in self._spaces:
            start += 1
        while end > start and self.text[end - 1] in self._spaces:
            end -= 1
        return start, end

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (its end punctuation excluded), trimmed."""
        i = bisect_left(self._sentence, pos)
        span = self._spans.get(i)
        if span is None:
            span = self._spans[i] = self._trimmed(
                *self._around(self._sentence, pos, len(self.text))
            )
        return span

    def full_sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` up to ``。！？`` (a ``；`` does not end it)."""
        return self._around(self._full, pos, len(self.text))

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts."""
        i = bisect_right(self._clause, pos - 1)
        return self._clause[i - 1] + 1 if i else 0

    def clause_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends (the offset of its punctuation)."""
        j = bisect_left(self._clause, pos)
        return self._clause[j] if j < len(self._clause) else len(self.text)


def mark_positions(text: str, marks: Marks) -> tuple[list[int], list[int], list[int]]:
    """The offsets of the clause marks in ``text``, and of those among them that end a
    sentence and a full sentence: the reference of the native pass."""
    # one scan for every mark; the sentence and full-sentence ends are a subset of the
    # clause marks, picked out of them (two more scans of the text cost more)
    clause = list(map(re.Match.start, _scanner(marks.clause).finditer(text)))
    sentence_marks, full_marks = frozenset(marks.sentence), frozenset(marks.full)
    sentence = [p for p in clause if text[p] in sentence_marks]
    full = [p for p in sentence if text[p] in full_marks]
    return clause, sentence, full


@lru_cache(maxsize=16)
def _scanner(chars: str) -> re.Pattern[str]:
    """One character class of ``chars`` (a few mark sets per process)."""
    return re.compile("[" + re.escape(chars) + "]")
