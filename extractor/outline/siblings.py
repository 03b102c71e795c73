"""Siblings decided together: the clause count of a series' titles, where a text lost its
line breaks.

The titles of one list (一、二、… or （一）（二）… under one parent) are written in parallel:
where most of them are two phrases (``坚持高水平开放，更好服务和融入国内国际双循环``), so is
the rest.  A run-in title that the cues could only end at its first clause mark (its body,
glued to its last phrase with no mark between, held no cue: ``坚持创新驱动，加快培育壮大新质
生产力一体推进…``) is no title as it stands — a body never opens on a comma.  Its siblings
that end on no clause mark are the sure ones; when most of them have more clauses, the cut
title takes as many, and its last phrase ends before a verb that opens a phrase (the
body's) where the sure siblings' last phrases end: within the range of their lengths.
Nothing is moved when the sure siblings disagree on their shape or no such verb stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extractor.outline.series import PHRASE_MIN, Title, series_of

#: Sure siblings needed before a series tells a cut title its shape, and the share of them
#: that must have the same number of clauses.
SURE_MIN, SHAPE_SHARE = 3, 0.75
#: How far beyond the sure siblings' last phrases (shortest to longest) a cut title's last
#: phrase may end; a phrase is at least series.PHRASE_MIN long.
LENGTH_SLACK = 2


@dataclass(frozen=True, slots=True)
class SiblingCues:
    """The patterns a series' clause count is read with (compiled by the caller)."""

    clause: Any  # a clause mark between a title's phrases (，；)
    stop: Any  # what ends a sentence (。): a title's phrase never runs over it
    openers: Any  # a verb or adverb that opens a phrase (提升, 推进, 积极…)
    adverbs: Any  # what, right before an opener, makes it part of the same phrase (加快构建)


def clause_ends(
    folded: str, titles: Sequence[Title], ends: list[int], limits: Sequence[int], cues: SiblingCues
) -> list[int]:
    """Each title's end, the cut ones of a series of parallel titles taken to their siblings'
    clause count; ``limits``: how far each title may reach (the next heading)."""
    out = list(ends)
    for members in series_of(titles):
        run_in = [i for i in members if titles[i].run_in]
        if not run_in:
            continue
        cut = [i for i in run_in if cues.clause.match(folded, ends[i])]
        sure = [i for i in members if i not in cut]
        if not cut or len(sure) < SURE_MIN:
            continue
        shapes = Counter(_clauses(folded, titles[i].start, ends[i], cues) for i in sure)
        shape, count = shapes.most_common(1)[0]
        if shape < 2 or count < SHAPE_SHARE * len(sure):
            continue
        lasts = [
            ends[i] - _last_clause(folded, titles[i].start, ends[i], cues)
            for i in sure
            if _clauses(folded, titles[i].start, ends[i], cues) == shape
        ]
        low, high = max(PHRASE_MIN, min(lasts) - LENGTH_SLACK), max(lasts) + LENGTH_SLACK
        for i in cut:
            end = _extended(folded, titles[i].start, ends[i], limits[i], shape, (low, high), cues)
            if end is not None:
                out[i] = end
    return out


def _clauses(folded: str, start: int, end: int, cues: SiblingCues) -> int:
    return 1 + sum(1 for _ in cues.clause.finditer(folded, start, end))


def _last_clause(folded: str, start: int, end: int, cues: SiblingCues) -> int:
    """Where the title's last clause starts."""
    last = start
    for m in cues.clause.finditer(folded, start, end):
        last = m.end()
    return last


def _extended(
    folded: str,
    start: int,
    end: int,
    limit: int,
    shape: int,
    lengths: tuple[int, int],
    cues: SiblingCues,
) -> int | None:
    """The end of a title cut at a clause mark, taken to ``shape`` clauses: its last phrase
    ends before the opener nearest the middle of ``lengths``; None if there is none."""
    stop = cues.stop.search(folded, end, limit)
    limit = stop.start() if stop is not None else limit
    phrase = end
    for k in range(shape - _clauses(folded, start, end, cues)):
        mark = cues.clause.search(folded, phrase, limit) if k else cues.clause.match(folded, end)
        if mark is None:
            return None
        phrase = mark.end()
    low, high = lengths
    middle = (low + high) / 2
    best: int | None = None
    for m in cues.openers.finditer(folded, phrase + low, min(limit, phrase + high + 1)):
        at = m.start()
        if cues.clause.search(folded, phrase, at):
            continue
        if (adverb := cues.adverbs.search(folded, phrase, at)) is not None:
            # an adverb of two letters or more right before the opener opens the body's phrase
            # with it where the title's phrase stands whole before it (…新质生产力|一体推进…);
            # inside the phrase, or after another, it is the phrase's own (聚焦加快构建…)
            at = adverb.start()
            if (
                at - adverb.end() > -2
                or at < phrase + low
                or cues.adverbs.search(folded, phrase, at)
            ):
                continue
        if best is None or abs(at - phrase - middle) < abs(best - phrase - middle):
            best = at
    return best
