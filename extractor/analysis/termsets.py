"""What ``compare`` keeps of the ``terms`` table, as integer arrays rather than Python rows.

The terms table holds millions of rows (some 3,500 a report): one per distinct term of a
document, and one per distinct term of each plan or review measure.  ``compare`` needs two
things of it, per window of series: each (series, period)'s term counts (keyword trends)
and each followed measure's set of terms (plan follow-up).  Both are built here with Arrow
and numpy a piece at a time, never a Python object per row:

- :func:`term_piece` (where the piece is read: this process, a worker process, a Dask
  worker) numbers the piece's distinct terms, keeps those :func:`is_term` accepts (judged
  once per distinct term), sums the document rows by (group, term) and keeps the measure
  rows of followed measures as (measure, term) pairs: a :class:`TermPiece` of arrays and
  the piece's own words;
- :class:`TermTotals` (in ``compare``) maps each piece's words to one :class:`Vocabulary`
  and gathers the arrays; :meth:`TermTotals.counts` sums them and
  :attr:`TermTotals.measures` is every followed measure's sorted term numbers
  (:class:`MeasureTerms`, compressed rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from extractor.analysis.terms import is_term

#: Integer arrays of this module.
Ints = np.ndarray


def distinct(values: Ints) -> Ints:
    """The distinct values of an integer array, sorted (numpy 2.4's ``np.unique`` hashes
    them and sorts after: 25 times slower than one sort on millions of values)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    out: Ints = ordered[keep]
    return out


def distinct_inverse(values: Ints) -> tuple[Ints, Ints]:
    """:func:`distinct`, and the index of each value among them."""
    order = np.argsort(values)
    ordered = values[order]
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(keep) - 1
    return ordered[keep], inverse


class Vocabulary:
    """Terms numbered in the order first seen."""

    def __init__(self) -> None:
        self._index = pd.Index([], dtype=object)
        self.words: list[str] = []

    def ids(self, words: Sequence[str]) -> Ints:
        """The numbers of distinct ``words`` (new ones are numbered after the others)."""
        found = self._index.get_indexer(pd.Index(words, dtype=object))
        new = np.flatnonzero(found < 0)
        if len(new):
            fresh = [words[i] for i in new.tolist()]
            found[new] = np.arange(len(self.words), len(self.words) + len(new))
            self.words.extend(fresh)
            self._index = self._index.append(pd.Index(fresh, dtype=object))
        out: Ints = found.astype(np.int64)
        return out

    def __len__(self) -> int:
        return len(self.words)


@dataclass(frozen=True)
class TermPiece:
    """What one piece of the terms table gives compare: its words, (group, word, count)
    sums of the document rows, and (measure, word) pairs of the followed measures (word:
    an index into ``words``, measure: an index into the followed measures)."""

    words: list[str]
    group: Ints
    group_word: Ints
    count: Ints
    measure: Ints
    measure_word: Ints


def _codes(column: pa.ChunkedArray) -> tuple[Ints, list[str]]:
    """A column's values as numbers into its distinct values (-1: null).  Chunk by chunk:
    a string column read as a dictionary keeps the file's, and combining the chunks of a
    dictionary column costs more than the rest of the piece's work."""
    if not pa.types.is_dictionary(column.type):
        column = pc.dictionary_encode(column)
    number: dict[str, int] = {}
    parts = []
    for chunk in column.chunks:
        values = [str(v) for v in chunk.dictionary.to_pylist()]
        remap = np.array([number.setdefault(v, len(number)) for v in values] + [-1], np.int64)
        indices = chunk.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        parts.append(remap[indices])  # a null (-1) takes the remap's last entry, -1
    codes = np.concatenate(parts) if parts else np.zeros(0, np.int64)
    return codes, list(number)


def term_piece(
    rows: pa.Table, groups: pd.Series, followed: pd.MultiIndex, stopwords: frozenset[str]
) -> TermPiece:
    """A piece of the terms table (``doc_id``, ``measure_id``, ``term``, ``count``) as
    compare keeps it: ``groups`` gives each document of the window its group number (its
    series and period); ``followed`` the (doc_id, measure_id) of the followed measures."""
    term, words = _codes(rows.column("term"))
    doc, doc_values = _codes(rows.column("doc_id"))
    group_of = groups.reindex(pd.Index(doc_values, dtype=object)).fillna(-1).to_numpy(np.int64)
    group = np.where(doc >= 0, group_of[doc], -1) if len(doc) else doc
    keep = (term >= 0) & (group >= 0)
    # each word judged once, and only the words of these rows (a file's dictionary holds
    # the words of documents of other windows too)
    good = np.zeros(len(words), dtype=bool)
    for i in np.flatnonzero(np.bincount(term[keep], minlength=len(words))).tolist():
        good[i] = is_term(words[i], stopwords)
    keep[keep] = good[term[keep]]
    whole = rows.column("measure_id").is_null().to_numpy(zero_copy_only=False)
    count = rows.column("count").to_numpy(zero_copy_only=False).astype(np.int64)
    # the document rows: summed by (group, term)
    at = keep & whole
    pair = group[at] * max(len(words), 1) + term[at]
    pairs, inverse = distinct_inverse(pair)
    sums = np.bincount(inverse, weights=count[at], minlength=len(pairs)).astype(np.int64)
    # the measure rows: (followed measure, term) of the followed measures, once each
    at = keep & ~whole
    measure, measure_values = _codes(rows.column("measure_id"))
    key = doc[at] * max(len(measure_values), 1) + measure[at]
    keys, inverse = distinct_inverse(key)
    width = max(len(measure_values), 1)
    names = pd.MultiIndex.from_arrays([
        pd.Index(doc_values, dtype=object)[keys // width],
        pd.Index(measure_values, dtype=object)[keys % width],
    ])  # fmt: skip
    which = followed.get_indexer(names) if len(keys) else np.zeros(0, dtype=np.int64)
    of_row = which[inverse] if len(inverse) else inverse
    mine = of_row >= 0
    mpair = distinct(of_row[mine] * max(len(words), 1) + term[at][mine])
    # only the words used travel back
    used = distinct(np.concatenate([pairs % max(len(words), 1), mpair % max(len(words), 1)]))
    return TermPiece(
        [words[i] for i in used],
        (pairs // max(len(words), 1)).astype(np.int64),
        np.searchsorted(used, pairs % max(len(words), 1)),
        sums,
        (mpair // max(len(words), 1)).astype(np.int64),
        np.searchsorted(used, mpair % max(len(words), 1)),
    )


class MeasureTerms:
    """The term sets of many measures as compressed rows: measure ``i``'s sorted term
    numbers are ``ids[starts[i]:starts[i + 1]]``; ``words`` names the numbers."""

    def __init__(self, keys: pd.MultiIndex, measure: Ints, term: Ints, words: list[str]) -> None:
        self.keys = keys  # (doc_id, measure_id) of each measure, unique
        pair = distinct(np.asarray(measure, np.int64) * max(len(words), 1) + term)
        self.ids = pair % max(len(words), 1)
        owner = pair // max(len(words), 1)
        self.starts = np.searchsorted(owner, np.arange(len(keys) + 1))
        self.words = words

    @classmethod
    def from_sets(cls, sets: Mapping[tuple[str, str], Iterable[str]]) -> MeasureTerms:
        """From each (doc_id, measure_id)'s terms."""
        vocabulary = Vocabulary()
        keys = list(sets)
        measure: list[int] = []
        words: list[str] = []
        for i, key in enumerate(keys):
            terms = list(dict.fromkeys(sets[key]))
            measure += [i] * len(terms)
            words += terms
        seen = list(dict.fromkeys(words))
        number = dict(zip(seen, vocabulary.ids(seen).tolist(), strict=True))
        return cls(
            pd.MultiIndex.from_tuples(keys, names=["doc_id", "measure_id"]) if keys
            else pd.MultiIndex.from_arrays([[], []], names=["doc_id", "measure_id"]),
            np.asarray(measure, np.int64), np.asarray([number[w] for w in words], np.int64),
            vocabulary.words,
        )  # fmt: skip

    def rows(self, keys: pd.MultiIndex) -> Ints:
        """The row of each (doc_id, measure_id) (-1: no terms)."""
        return self.keys.get_indexer(keys) if len(keys) else np.zeros(0, dtype=np.int64)

    def get(self, key: tuple[str, str]) -> set[str]:
        """A measure's terms (empty when it has none)."""
        row = self.rows(pd.MultiIndex.from_tuples([key]))[0]
        if row < 0:
            return set()
        return {self.words[i] for i in self.ids[self.starts[row] : self.starts[row + 1]]}

    def __len__(self) -> int:
        return int(np.count_nonzero(np.diff(self.starts)))


class TermTotals:
    """The :class:`TermPiece` of a window's pieces, gathered: each group's term counts and
    each followed measure's terms, numbered by one vocabulary."""

    def __init__(self, groups: pd.DataFrame, followed: pd.MultiIndex) -> None:
        self._groups = groups  # group number → series, period
        self._followed = followed
        self.vocabulary = Vocabulary()
        self._counts: list[tuple[Ints, Ints, Ints]] = []  # (group, term, count)
        self._pairs: list[tuple[Ints, Ints]] = []  # (measure, term)
        self._measures: MeasureTerms | None = None

    def merge(self, piece: TermPiece) -> None:
        """Take in one piece's arrays, its words numbered in the vocabulary."""
        ids = self.vocabulary.ids(piece.words) if piece.words else np.zeros(0, np.int64)
        if len(piece.count):
            self._counts.append((piece.group, ids[piece.group_word], piece.count))
        if len(piece.measure):
            self._pairs.append((piece.measure, ids[piece.measure_word]))
        if len(self._counts) > 8:  # fold the pieces into one: memory holds the totals
            self._counts = [self._summed()]
        self._measures = None

    def _summed(self) -> tuple[Ints, Ints, Ints]:
        if not self._counts:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        group, term, count = (np.concatenate(c) for c in zip(*self._counts, strict=True))
        width = max(len(self.vocabulary), 1)
        keys, inverse = distinct_inverse(group * width + term)
        sums = np.bincount(inverse, weights=count, minlength=len(keys)).astype(np.int64)
        return keys // width, keys % width, sums

    def counts(self) -> pd.Series:
        """Term counts per (series, period, term)."""
        group, term, sums = self._summed()
        words = np.asarray(self.vocabulary.words, dtype=object)
        index = pd.MultiIndex.from_arrays(
            [self._groups["series"].to_numpy(object)[group],
             self._groups["period"].to_numpy(object)[group], words[term]],
            names=["series", "period", "term"],
        )  # fmt: skip
        return pd.Series(sums, index=index, dtype="int64")

    @property
    def measures(self) -> MeasureTerms:
        """Every followed measure's terms."""
        if self._measures is None:
            pairs = self._pairs or [(np.zeros(0, np.int64), np.zeros(0, np.int64))]
            measure, term = (np.concatenate(c) for c in zip(*pairs, strict=True))
            self._measures = MeasureTerms(self._followed, measure, term, self.vocabulary.words)
        return self._measures
