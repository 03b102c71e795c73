"""Movements: a starting value and the level reached, one claim (SPEC §2 ``baseline``).

``由26.6万亿元增加到51.9万亿元`` is one claim: its value is the level reached (51.9万亿) and
its ``baseline`` the starting value (26.6万亿).  The figure finder sees two figures; this
step pairs them: a figure that a movement's opening word (由, 从: ``movement_from``) stands
before, in its clause and with no other figure between, followed in the same clause by the
next figure with a word that leads to it (到, 至, 为: ``movement_to``) between them — the
change word (增加, 降, 提升…), a time reference (提升至2025年的) and 的 may stand there too.
A pair of ratios (收入比从2.50:1缩小至2.27:1) is a movement as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from extractor.claims.figures import Figure
from extractor.claims.words import ClaimWords
from extractor.text.sentences import SentenceIndex

#: How far before a starting value its opening word may stand (由2003年的77%, 由原定平均
#: 每年百分之六), and how long the words between the two figures may be (提升至2025年的).
_FROM_MAX, _BETWEEN_MAX = 16, 16
#: How long the words after a comma inside a movement may be: a change word, 到/为 and a
#: year (降为; 提高到2017年的).
_TAIL_MAX = 12


class Movement(NamedTuple):
    """The figure a movement starts from, the one it reaches, and where 由/从 stands."""

    start: int  # index of the starting figure
    level: int  # index of the figure reached
    opening: int  # offset of 由/从


def find_movements(
    folded: str, figures: Sequence[Figure], words: ClaimWords, index: SentenceIndex
) -> list[Movement]:
    """Every movement among ``figures`` (in order), each figure in one at most."""
    out: list[Movement] = []
    if words.movement_from is None:
        return out
    clause_marks = words.clause_ends
    i = 0
    while i + 1 < len(figures):
        a, b = figures[i], figures[i + 1]
        between = folded[a.after : b.start]
        lo = max(index.clause_start(a.start), a.start - _FROM_MAX, figures[i - 1].end if i else 0)
        opening = (
            _last(words.movement_from.finditer(folded, lo, a.start))
            if words.movement_from_letters is None
            or words.movement_from_letters.search(folded, lo, a.start)
            else -1
        )
        if (
            opening >= 0
            and len(between) <= _BETWEEN_MAX
            and _one_clause(between, clause_marks, words)
            and any(word in between for word in words.movement_to)
            and not a.masked
        ):
            out.append(Movement(i, i + 1, opening))
            i += 2
            continue
        i += 1
    return out


def _one_clause(between: str, clause_marks: frozenset[str], words: ClaimWords) -> bool:
    """Whether the words between a starting value and the next figure keep them in one
    movement: no clause mark, or one that only a change word leading to the level follows
    (积累率由1978年的36.5％，降为33.6％: the older texts set a comma there)."""
    cut = max(between.rfind(ch) for ch in clause_marks) if clause_marks else -1
    if cut < 0:
        return True
    tail = between[cut + 1 :]
    return (
        len(tail) <= _TAIL_MAX
        and not any(ch in clause_marks for ch in between[:cut])
        and any(word in tail for word in words.movement_to)
        and words.change_before.match(tail) is not None  # 降为, 提高到2017年的: the whole tail
    )


def _last(matches: Iterable[Any]) -> int:
    """The start of the last of ``matches`` (regex match objects), or -1."""
    start = -1
    for m in matches:
        start = m.start()
    return start
