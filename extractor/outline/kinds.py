"""Section kinds (SPEC §2): review, plan, problems or other, from the section title.

The vocabulary lives in ``patterns/kinds.toml``.  A top-level title is searched for any
kind word: problems wins, then the kind whose word comes last (the head noun).  A
subsection keeps its parent's kind unless its title matches one of the stricter
``subsection`` patterns.
"""

from __future__ import annotations

import regex

from extractor.rules.loader import RuleSet

KINDS = ("problems", "plan", "review")


class _Compiled:
    def __init__(self, rules: RuleSet) -> None:
        self.words = {k: regex.compile(rules.vocab(f"kind.{k}.words").alternation()) for k in KINDS}
        self.sub = {
            k: [regex.compile(p) for p in rules.vocab(f"kind.{k}.subsection").patterns]
            for k in KINDS
        }


def _compiled(rules: RuleSet) -> _Compiled:
    return rules.compiled("kinds", _Compiled)


def vocabulary(rules: RuleSet, key: str) -> regex.Pattern[str]:
    """One entry of ``patterns/kinds.toml`` (``kind.review.reviewed``, ``period.year`` …)
    as one pattern, compiled once per rule set."""
    return rules.compiled(f"kinds:{key}", lambda r: regex.compile(r.vocab(key).alternation()))


def section_kind(title: str, parent_kind: str | None, *, rules: RuleSet) -> str:
    """The kind of a section with this title under a parent of ``parent_kind`` (None: top)."""
    comp = _compiled(rules)
    if parent_kind is not None:
        for kind in KINDS:
            if any(p.search(title) for p in comp.sub[kind]):
                return kind
        return parent_kind
    solved = vocabulary(rules, "kind.problems.solved")
    if any(not _within(m, solved, title) for m in comp.words["problems"].finditer(title)):
        return "problems"  # not one it sets out to solve (补齐民生短板: a task)
    best, best_pos = "other", -1
    for kind in ("plan", "review"):
        for m in comp.words[kind].finditer(title):
            if m.end() > best_pos:
                best, best_pos = kind, m.end()
    if best == "other" and vocabulary(rules, "kind.plan.opening").match(title):
        return "plan"  # 今后经济建设的方针: the time ahead, no kind word
    return best


def _within(word: regex.Match[str], pattern: regex.Pattern[str], title: str) -> bool:
    """Is this match of a word inside a match of ``pattern`` in the title?"""
    return any(m.start() <= word.start() and word.end() <= m.end() for m in pattern.finditer(title))
