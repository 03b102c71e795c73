"""The terms of a report, counted where it is parsed: what ``compare`` needs of its text.

``compare`` counts keywords per (series, period) and compares plan measures with review
measures by their terms.  Both need jieba's tokens of the text, and the text is not in the
tables (``--with-text`` aside), so the tokens are counted during extraction, in the worker
that parsed the report, and exported as the ``terms`` table (:mod:`extractor.export.rows`):

- one row per distinct term of the whole document (``measure_id`` empty), counted as often
  as it is written, with campaign names kept whole;
- one row per distinct term of each top-level measure of a plan or review section
  (``measure_id`` set): the tokens of the document that lie inside the measure, which is
  what plan follow-up compares.

A term is a token of two or more letters that is not a figure or a mask (:func:`is_term`);
stop words are *not* dropped here, so that ``compare --stopwords FILE`` can choose them.
The document is tokenized once: the measures' terms are the document's tokens inside each
measure, read in context.

>>> from extractor import parse
>>> report = parse("2020年工作总结\\n一、主要成效\\n一是深化放管服改革。放管服改革成效明显。\\n")
>>> {t.term: t.count for t in term_counts(report) if t.measure_id is None}["放管服"]
2
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from extractor.analysis.segment import tokens
from extractor.elements.placeholders import masks_only
from extractor.model import Measure, Report

#: Campaign kinds that are not campaigns (document titles, honours).
NOT_CAMPAIGNS = frozenset({"document", "honour"})
#: The section kinds whose top-level measures plan follow-up compares.
FOLLOWED_KINDS = frozenset({"plan", "review"})
_TERM = regex.compile(r"[\p{Han}]|[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class TermCount:
    """How often a term is written in a document (``measure_id`` None) or in one measure."""

    measure_id: str | None
    term: str
    count: int


@lru_cache(maxsize=1 << 17)  # words recur across reports: judged once per process
def is_term(word: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """A token worth counting: two or more letters, not a stop word, figure or mask."""
    if word in stopwords or masks_only(word):
        return False
    if len(_TERM.findall(word)) >= 2:
        return True
    return len(word) >= 2 and bool(_TERM.search(word)) and (not word.isascii() or word.isalpha())


def term_counts(report: Report) -> list[TermCount]:
    """The ``terms`` rows of one report: the document's terms, then each followed measure's."""
    if not report.text:
        return []
    keep = [(c.start, c.end) for c in report.campaigns if c.kind not in NOT_CAMPAIGNS]
    found = [t for t in tokens(report.text, keep=keep) if is_term(t[0])]
    words = [t[0] for t in found]
    rows = [TermCount(None, term, n) for term, n in Counter(words).items()]
    starts, ends = [t[1] for t in found], [t[2] for t in found]
    for measure in followed_measures(report):
        i, j = bisect_left(starts, measure.start), bisect_left(starts, measure.end)
        while j > i and ends[j - 1] > measure.end:  # a word running past the measure's end
            j -= 1
        rows += [TermCount(measure.measure_id, t, n) for t, n in Counter(words[i:j]).items()]
    return rows


def followed_measures(report: Report) -> list[Measure]:
    """The top-level measures of plan and review sections, in document order."""
    kinds: dict[str | None, str] = {s.section_id: s.kind for s in report.sections}
    return [
        m
        for m in report.measures
        if m.parent_id is None and kinds.get(m.section_id) in FOLLOWED_KINDS
    ]
