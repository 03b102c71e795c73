"""The ranking of a run-on title's candidate ends that ``benchmarks/titlends.py`` measures
(session 14, issue 18 item 1): an experiment, not wired into the parser.

On a crawled page the title of a heading runs straight into its body
(``（一）精准发力，七大攻坚成效凸显按照区党工委…``); the cues of ``extractor.outline.sections``
choose an end.  This ranks every candidate end of such a title — from two characters in
to its first sentence stop, at most REACH characters, never inside open quotes — by a
linear score over features of the genre: the characters that close a heading phrase and
those that open a body sentence (one and two characters each side, and the pair across
the end), the title's length, how far past the last clause mark the end is and how that
phrase compares with the first, whether the body's first two characters restate the
title's, how long the sibling titles are, and where the cues put the end (agreeing with
them is a strong feature).  For the measurement it was called from
``sections._read_as_series`` on each run-in heading of a text that lost its line breaks
(``folded.count("\\n") * FLAT_LINES < len(folded)``), after ``series_ends``, with the next
heading's start as ``limit``.  What it measured is in ``benchmarks/titlends.py``'s docstring.
"""

from __future__ import annotations

#: How far past a title's start its end is looked for.
REACH = 60
#: What ends the search: a run-in title ends at its first sentence stop at the latest.
STOPS = frozenset("。！？；!?;")
#: What marks a clause inside a title (the distance past the last one is a feature).
CLAUSE = frozenset("，、：,:")
OPENING, CLOSING = frozenset("“《「（(【"), frozenset("”》」）)】")
_DIGITS = str.maketrans("0123456789", "0000000000")


def candidates(folded: str, start: int, limit: int) -> range:
    """The candidate ends of a title that starts at ``start``: two characters in, up to its
    first sentence stop (inclusive: a run-in title ends there), REACH or ``limit``."""
    hi = min(limit, start + REACH)
    for i in range(start, hi):
        if folded[i] in STOPS:
            return range(start + 2, i + 1)
    return range(start + 2, hi + 1)


def typical(titles: list[tuple[int, int, int]]) -> list[int]:
    """For each title (start, the cues' end, level), the median length the cues give the
    other titles of its level in the document (-1: fewer than two others): siblings'
    titles are parallel phrases of about one length."""
    by_level: dict[int, list[int]] = {}
    for start, end, level in titles:
        by_level.setdefault(level, []).append(end - start)
    out: list[int] = []
    for start, end, level in titles:
        sizes = by_level[level]
        if len(sizes) < 3:
            out.append(-1)
            continue
        others = sorted(sizes)
        others.remove(end - start)
        out.append(others[len(others) // 2])
    return out


def features(
    folded: str, start: int, end: int, rule: int, clause: int, first: int, usual: int
) -> list[str]:
    """The features of an end at ``end`` of a title that starts at ``start``, where the cues
    put its end at ``rule``; its last clause mark before ``end`` stands at ``clause`` and its
    first at ``first`` (-1: none); its siblings' titles are ``usual`` long (-1: unknown)."""
    lo = max(0, end - 3)
    near = folded[lo : end + 3].translate(_DIGITS)
    q = end - lo
    size = end - start
    out = [
        "L1" + near[q - 1], "L2" + near[q - 2 : q], "R1" + near[q : q + 1],
        "R2" + near[q : q + 2], "X" + near[q - 1 : q + 1], f"B{min(size, 40) // 4}",
    ]  # fmt: skip
    if clause >= 0:  # the last phrase's length against the first's: parallel phrases
        gap = (end - clause - 1) - (first - start)
        out.append(f"C{min(end - clause, 20) // 3}")
        out.append(f"P{max(-3, min(3, gap // 3))}")
    else:
        out.append("Cn")
    if size >= 4 and near[q : q + 2] in folded[start:end]:
        out.append("REP")  # the body's first word restates the title's (改革开放|改革开放是…)
    if usual > 0:
        out.append(f"S{max(-4, min(4, (size - usual) // 3))}")
    if end == rule:
        out.append("RULE")
    else:
        gap = end - rule
        out.append(f"D{'-' if gap < 0 else '+'}{min(abs(gap), 24) // 4}")
    return out


def ranked(
    folded: str, start: int, rule: int, limit: int, usual: int = -1
) -> list[tuple[int, list[str]]]:
    """Each candidate end (the cues' own included) with its features."""
    span = candidates(folded, start, limit)
    ends = [*span] if rule in span else [*span, rule]
    out: list[tuple[int, list[str]]] = []
    clause = first = -1
    depth = 0  # quotes and brackets open: no title ends inside a name (实施“…年”行动)
    p = start
    for end in ends:
        while p < end:
            ch = folded[p]
            if ch in CLAUSE:
                clause = p
                first = p if first < 0 else first
            depth += (ch in OPENING) - (ch in CLOSING)
            p += 1
        if depth <= 0 or end == rule:
            out.append((end, features(folded, start, end, rule, clause, first, usual)))
    return out


def title_end(
    folded: str,
    start: int,
    rule: int,
    limit: int,
    table: dict[str, float],
    usual: int = -1,
) -> int:
    """The end of a title that starts at ``start`` and that the cues end at ``rule`` (its
    siblings' titles ``usual`` long: ``typical``): the best-scoring candidate no later than
    the cues' end (moving ends later never helped), the cues' end on a tie."""
    if not table or rule - start < 2:
        return rule
    best, top = rule, None
    for end, names in ranked(folded, start, rule, limit, usual):
        if end > rule:
            break
        score = sum(table.get(name, 0.0) for name in names)
        if top is None or score > top or (score == top and end == rule):
            best, top = end, score
    return best
