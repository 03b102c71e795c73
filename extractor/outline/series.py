"""Series: the titles of sibling headings read together, where a text lost its line breaks.

The headings of one series (（一）…（六） under one part) are written in parallel: the same
shape (``坚持挖潜力、添动能，经济发展稳中有进``), a last phrase of about the same length, often
the same closing words (``…上提高质量``).  Where the text lost its line breaks, a title's last
phrase may run on into a run-in lead of its own (``经济发展稳中有进项目建设推进有力。``), and
nothing inside the one title tells where it ends; its siblings do:

- **A shared ending.**  When a third of a series (three titles or more) end with the same
  words (three characters or more; of those that close the most titles, the longest), a
  sibling holding those words in its last phrase with a
  phrase after them ends after them (``在党的理论武装上提高质量在真正学懂弄通上下功夫``).
- **The length of the last phrase.**  Where the siblings' last phrases (after the last
  clause mark) that are about as long as the shortest all have one length, a last phrase of
  exactly twice that length is two phrases run together (the title's and its lead's, both
  of the series' shape): it ends after the first.

Only titles of headings found inside a paragraph that lost its line breaks are read so:
where a document kept its lines, a title is its own line or its first sentence (SPEC §2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: A series has at least this many headings before its siblings are compared.
SERIES_MIN = 3
#: A phrase is at least this long (the run-on part, and the margin over the measure).
PHRASE_MIN = 4
#: A shared ending closes at least this many titles of a series, and a third of them.
ENDING_SHARED = 3
#: A shared ending is at least this long (提高质量, 新跨越), and at most ENDING_MAX.
ENDING_MIN = 3
ENDING_MAX = 6


@dataclass(frozen=True, slots=True)
class Title:
    """One heading's title as the series reads it: its span, level and parent."""

    start: int
    end: int
    level: int
    parent: int  # index of the heading above it in the outline, -1 for none
    run_in: bool  # found in a paragraph that lost its line breaks


@dataclass(frozen=True, slots=True)
class Cues:
    """The patterns a series is read with (compiled from the rule set by the caller)."""

    clause_end: Any  # a clause mark (，；：)


def series_of(titles: Sequence[Title]) -> list[list[int]]:
    """The indices of each series (one parent, one level) of SERIES_MIN titles or more."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, t in enumerate(titles):
        groups.setdefault((t.parent, t.level), []).append(i)
    return [members for members in groups.values() if len(members) >= SERIES_MIN]


def series_ends(folded: str, titles: Sequence[Title], cues: Cues) -> list[int]:
    """Each title's end, cut where a run-in title ran on past what its series allows."""
    ends = [t.end for t in titles]
    for members in series_of(titles):
        if not any(titles[i].run_in for i in members):
            continue
        spans = [(titles[i].start, titles[i].end) for i in members]
        for i, end in zip(members, _cut(folded, spans, cues), strict=True):
            if titles[i].run_in:
                ends[i] = end
    return ends


def _cut(folded: str, spans: list[tuple[int, int]], cues: Cues) -> list[int]:
    ending = _shared_ending(folded, spans)
    lasts = [_last_phrase(folded, start, end, cues) for start, end in spans]
    opener = _shared_opener(folded, lasts)
    if opener:
        return [
            at if (at := folded.find(opener, phrase + PHRASE_MIN, end)) >= 0 else end
            for phrase, end in lasts
        ]
    multi = [end - s for (s, end), (start, _) in zip(lasts, spans, strict=True) if s > start]
    # the length cue needs a series: three titles of several phrases at least
    short = min(multi) if len(multi) >= SERIES_MIN else 0
    typical = [n for n in multi if n <= short + PHRASE_MIN] if short else []
    out = []
    for (start, end), (phrase, _) in zip(spans, lasts, strict=True):
        cut = end
        if ending and not folded.endswith(ending, start, end):
            at = folded.find(ending, phrase, end)
            if at >= 0 and end - (at + len(ending)) >= PHRASE_MIN:
                cut = at + len(ending)
        if cut == end and phrase > start and typical:
            cut = _by_length(phrase, end, typical)
        out.append(cut)
    return out


def _shared_ending(folded: str, spans: list[tuple[int, int]]) -> str:
    """The ending (ENDING_MIN to ENDING_MAX characters) that closes the most titles of the
    series, the longest of those, if it closes a third of them and at least ENDING_SHARED;
    else ""."""
    counts: dict[str, int] = {}
    for start, end in spans:
        for size in range(ENDING_MIN, min(ENDING_MAX, end - start - 1) + 1):
            tail = folded[end - size : end]
            if all(ch.isalpha() for ch in tail):
                counts[tail] = counts.get(tail, 0) + 1
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])), default=("", 0))
    return best[0] if best[1] >= max(ENDING_SHARED, -(-len(spans) // 3)) else ""


def _shared_opener(folded: str, lasts: list[tuple[int, int]]) -> str:
    """The words (ENDING_MIN to ENDING_MAX characters) that half of the series' last
    phrases (and at least ENDING_SHARED) hold after a phrase of their own and before a
    figure, and none ends with: the words their bodies open with (安全水平 + 指标最优值99.95分),
    the longest of those; else ""."""
    counts: dict[str, int] = {}
    for phrase, end in lasts:
        seen: set[str] = set()
        # words are followed by a figure where they end at or before the phrase's last digit
        last_digit = next((i for i in range(end - 1, phrase - 1, -1) if folded[i].isdigit()), -1)
        for at in range(phrase + PHRASE_MIN, end - ENDING_MIN):
            for size in range(ENDING_MIN, min(ENDING_MAX, end - at - 1) + 1):
                words = folded[at : at + size]
                if at + size <= last_digit and all(ch.isalpha() for ch in words):
                    seen.add(words)
        for words in seen:
            counts[words] = counts.get(words, 0) + 1
    for words in [w for w in counts if any(folded.endswith(w, p, e) for p, e in lasts)]:
        del counts[words]  # a shared ending, not an opener
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])), default=("", 0))
    return best[0] if best[1] >= max(ENDING_SHARED, -(-len(lasts) // 2)) else ""


def _last_phrase(folded: str, start: int, end: int, cues: Cues) -> tuple[int, int]:
    """Where a title's last phrase (after its last clause mark) starts, and its end."""
    last = start
    for m in cues.clause_end.finditer(folded, start, end):
        last = m.end()
    return last, end


def _by_length(phrase: int, end: int, typical: list[int]) -> int:
    """A last phrase that is two of the series' phrases run together ends after the first:
    twice the one length every typical sibling's last phrase has (经济发展稳中有进 +
    项目建设推进有力, where the siblings' last phrases are 红色引擎更加澎湃…)."""
    size = typical[0]
    if all(n == size for n in typical) and end - phrase == 2 * size:
        return phrase + size
    return end
