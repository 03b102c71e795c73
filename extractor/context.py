"""The per-document context every parsing step is handed: the text, its folded copy, its
sentence index and the rule set, built once by :func:`extractor.pipeline.parse`.

Before, the steps shared the folded text and the sentence index through caches keyed on
the whole text (``lru_cache``); an explicit context says what a step reads, costs nothing
to look up, and cannot hand one document's index to another.

:class:`Placement` says where a position stands in the outline (its innermost section and
measure), so that claims, placeholders and campaigns are built once with their section and
measure ids, never filled in afterwards.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.model import Measure, Section
from extractor.rules.loader import default_rules
from extractor.rules.records import RuleSet
from extractor.text.fold import fold
from extractor.text.sentences import Marks, SentenceIndex


@dataclass(frozen=True, slots=True)
class Context:
    """One document as the steps see it."""

    text: str
    folded: str  # fold(text): the same length, offsets are the text's
    sentences: SentenceIndex  # boundaries of the folded text
    rules: RuleSet


def context(text: str, rules: RuleSet | None = None) -> Context:
    """The context of ``text`` (its newlines already normalised) under ``rules``."""
    rules = rules or default_rules()
    folded = fold(text)
    return Context(text, folded, SentenceIndex(folded, marks(rules)), rules)


def marks(rules: RuleSet) -> Marks:
    """The clause, sentence and full-sentence marks of a rule set (``[text]``)."""

    def build(r: RuleSet) -> Marks:
        chars = {k: r.vocab(f"text.{k}_marks").chars for k in ("clause", "sentence", "full")}
        spaces = r.vocab("text.spaces").chars
        return Marks(**chars, spaces=spaces) if all(chars.values()) else Marks()

    return rules.compiled("marks", build)


def as_context(doc: Context | str, rules: RuleSet | None = None) -> Context:
    """``doc`` if it is a context, else the context of the text (steps called on their own,
    in tests and notebooks, take a plain string)."""
    if isinstance(doc, Context):
        if rules is not None and rules is not doc.rules:
            raise ValueError("pass the rules in the context, not beside it")
        return doc
    return context(doc, rules)


class Locator:
    """Innermost section of a position, by bisection over section starts."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = list(sections)
        self.starts = [s.start for s in self.sections]

    def index(self, pos: int) -> int:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            sec = self.sections[i]
            if sec.start <= pos < max(sec.end, sec.title_end):
                return i
            i = self._parent_index(sec)
        return -1

    def _parent_index(self, sec: Section) -> int:
        if sec.parent_id is None:
            return -1
        return int(sec.parent_id[1:]) - 1

    def id_at(self, pos: int) -> str | None:
        i = self.index(pos)
        return self.sections[i].section_id if i >= 0 else None


class Placement:
    """The innermost section and measure holding a position, by bisection."""

    __slots__ = ("_measure_ends", "_measure_ids", "_measure_starts", "_sections")

    def __init__(self, sections: Sequence[Section] = (), measures: Sequence[Measure] = ()):
        self._sections = Locator(sections)
        self._measure_starts = [m.start for m in measures]
        self._measure_ends = [m.end for m in measures]
        self._measure_ids = [m.measure_id for m in measures]

    def sections_at(self, pos: int) -> list[Section]:
        """The sections holding ``pos``, the innermost first."""
        chain, i = [], self._sections.index(pos)
        while i >= 0:
            chain.append(self._sections.sections[i])
            i = self._sections._parent_index(self._sections.sections[i])
        return chain

    def __call__(self, pos: int) -> tuple[str | None, str | None]:
        """``(section_id, measure_id)`` of the innermost section and measure holding ``pos``."""
        i = bisect_right(self._measure_starts, pos) - 1
        while i >= 0 and self._measure_ends[i] <= pos:
            i -= 1  # the innermost containing measure is the last one started before
        return self._sections.id_at(pos), self._measure_ids[i] if i >= 0 else None


#: Where nothing is known of the outline (a step called on its own).
NOWHERE = Placement()
