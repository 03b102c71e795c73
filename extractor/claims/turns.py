"""Turns: where a part whose title reviews, then plans, turns from the one to the other.

A report at the start of a plan period often gives one part to both: “十四五”时期发展成就和
“十五五”时期主要目标任务, 国民经济的成就和今后的建设任务, 2022年工作总结和2023年工作计划.  The
outline names such a part by its last head noun, a plan (``patterns/kinds.toml``: the head noun
comes last), but the genre reviews first and plans after, in the order the title names them:
the part's paragraphs report what was done until one opens on the time the title's plan half
names (“十五五”时期是…, 2023年, 今后…, 明年…; ``claims.plan_turn``).  Those paragraphs before the
turn are a review: their figures are results, not targets, and a review's weak target words
(预计, 争取) estimate or report there.  A part that never turns is left a plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import regex

from extractor.claims.spans import span_words
from extractor.model import Section
from extractor.outline.sections import FLAT_PARAGRAPH
from extractor.rules.records import RuleSet

V1 = regex.VERSION1
#: How far into a paragraph the time it opens on is looked for (after its indent).
_OPENING = 24
#: The quotes a plan period is written with or without (“十五五”时期, 十五五时期).
_QUOTES = '“”"「」'


def reviewed_parts(
    folded: str, sections: Sequence[Section], rules: RuleSet
) -> list[tuple[int, int]]:
    """The stretches of plan sections that review before their turn (see the module)."""
    titles = rules.compiled("turns", _compile)
    out = []
    for sec in sections:
        if sec.kind != "plan":
            continue
        half = _plan_half(sec.title, titles)
        if half is None:
            continue
        turn = _turn(folded, sec, half, rules)
        if turn is not None:
            out.append((sec.start, turn))
    return out


def without(
    spans: Sequence[tuple[int, int]], cuts: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with the stretches ``cuts`` taken out of them."""
    out = list(spans)
    for lo, hi in cuts:
        kept = []
        for s, e in out:
            kept += [(s, min(e, lo))] if s < lo else []
            kept += [(max(s, hi), e)] if e > hi else []
        out = [(s, e) for s, e in kept if s < e]
    return out


class _Titles(NamedTuple):
    reviewed: Any  # a title's review word (成就, 总结: kind.review.reviewed)
    joiners: Any  # what joins its halves (和, 及: claims.title_joiners)


def _compile(rules: RuleSet) -> _Titles:
    return _Titles(
        regex.compile(rules.vocab("kind.review.reviewed").alternation(), V1),
        regex.compile(rules.vocab("claims.title_joiners").alternation(), V1),
    )


def _plan_half(title: str, words: _Titles) -> str | None:
    """The half of a title after the joiner that follows its review word (“十五五”时期主要
    目标任务 of …发展成就和“十五五”时期主要目标任务), or None: a title that names no review
    before a joiner (重点项目建设安排及进展情况 names its progress last)."""
    m = words.reviewed.search(title)
    if m is None:
        return None
    joiner = words.joiners.search(title, m.end())
    if joiner is None or words.reviewed.search(title, joiner.end()) is not None:
        return None
    return title[joiner.end() :] or None


def _turn(folded: str, sec: Section, half: str, rules: RuleSet) -> int | None:
    """Where the first paragraph of ``sec`` after its title opens on the time the plan half
    names, or on the time ahead (``claims.plan_turn``); None if none does."""
    words = span_words(rules)
    named = words.titles.search(half) or words.one_year.search(half)
    opening = rules.compiled("turn opening", _opening)
    period = None
    if named is not None:
        quote = f"[{_QUOTES}]?"
        core = "".join(quote if ch in _QUOTES else regex.escape(ch) for ch in named.group())
        period = regex.compile(rf"\s*[{_QUOTES}]?{core}", V1)
    for pos in _openings(folded, max(sec.start, sec.title_end), sec.end):
        head = min(pos + _OPENING, sec.end)
        if opening.match(folded, pos, head) or (period and period.match(folded, pos, head)):
            return pos
    return None


_SENTENCE_END = regex.compile(r"[。！？!?]", V1)


def _openings(folded: str, start: int, end: int) -> list[int]:
    """Where the paragraphs after ``start`` open, up to ``end``: after each line break, and,
    in a line of paragraphs run together (longer than ``FLAT_PARAGRAPH``: a page that lost
    its line breaks), after each sentence (its paragraphs' openings are among them)."""
    out: list[int] = []
    pos = folded.find("\n", start, end) + 1
    if pos == 0 and end - start > FLAT_PARAGRAPH:
        pos = start  # the title ran into its body: the part is one line
    while 0 < pos < end:
        line_end = folded.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        out.append(pos)
        if line_end - pos > FLAT_PARAGRAPH:
            out += [m.end() for m in _SENTENCE_END.finditer(folded, pos, line_end)]
        pos = line_end + 1
    return out


def _opening(rules: RuleSet) -> Any:
    return regex.compile(rf"\s*(?:{rules.vocab('claims.plan_turn').alternation()})", V1)
