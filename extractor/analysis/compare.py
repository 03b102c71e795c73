"""Comparing reports across periods (SPEC §5): the pandas adapter behind ``workreport compare``.

``compare(tables)`` takes the tables of a batch (``extractor.export.tables.report_tables``, or
tables read back with :func:`load_tables`) and returns new tables, each keyed by
``series`` (who issued the documents) and ``period`` (``2020``, ``2020H1`` …):

- ``campaign_matrix`` (SPEC): one row per (series, norm), one column per period holding
  counts, with first_seen, last_seen, n_periods, total and status (new, continued,
  dropped: whether the name is in the series' latest period, and was before);
  ``campaign_long``: the same counts tidy, one row per (series, norm, period), with the
  status of that period (new, continued, returned, dropped);
- ``indicator_long``: every candidate value of each (series, indicator, unit, role, period),
  from the claims of span ``period`` whose ``indicator_norm`` names a canonical indicator
  (patterns/indicators.toml); role is ``target`` or ``result``; candidates that differ are a
  ``conflict``; ``indicator_panel`` (SPEC §5) spreads the agreed values over periods and lists
  the periods in conflict;
- ``warnings``: documents that share a series and a period (named, never summed);
- ``plan_followup``: each plan measure of period P against the review measures of P in the
  next document of the series, with a score and the shared terms that make it;
- ``keyword_trends``: term frequency per 10,000 characters per (series, period);
- ``section_profile``: the share of each document's text by top-level section kind;
- ``periods``: the documents in series order, with their periods.

Everything comes from the tables: the terms of keyword trends and plan follow-up are
counted during extraction (the ``terms`` table, :mod:`extractor.analysis.terms`), so no
report file is read again.  Given a folder, ``compare`` reads only the columns it needs
(never a text column), from single table files or partitioned datasets
(:mod:`extractor.export.dataset`), and a window of whole series at a time: every table
above but ``periods``, ``warnings`` and ``indicator_panel`` is made series by series, so
each window's rows are read (from the pieces that hold them, filtered in Arrow), turned
into its comparison rows and dropped before the next window is read.

The module is callable, so ``extractor.compare(tables)`` works after
``import extractor.analysis.compare`` too.
"""

from __future__ import annotations

import functools
import math
import sys
import types
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import regex

from extractor.analysis.terms import NOT_CAMPAIGNS, is_term
from extractor.analysis.termsets import (
    MeasureTerms,
    TermTotals,
    distinct,
    distinct_inverse,
    term_piece,
)
from extractor.claims.indicators import IndicatorTable, indicator_table
from extractor.claims.units import unit_table
from extractor.rules.loader import RuleSet, default_patterns_dir

__all__ = [
    "NOT_CAMPAIGNS", "PieceWork", "compare", "compare_parts", "is_term", "load_tables",
    "read_piece",
]  # fmt: skip
#: Below this score a plan measure counts as not reported.
MATCH_THRESHOLD = 0.12
#: The shared terms listed per match.
SHARED_SHOWN = 8
#: About how many documents compare reads at once from a folder (whole series: a series
#: larger than this is a window of its own).
WINDOW_DOCS = 512
#: About how many characters of text the documents of one window hold: a window's rows
#: (terms, claims, sections) grow with its text, so long reports make smaller windows.
WINDOW_CHARS = 4_000_000
_PERIOD = regex.compile(
    r"^(?P<year>\d{4})(?:(?P<unit>H)(?P<index>[12])|(?P<unit>Q)(?P<index>[1-4]))?$"
)
_INPUT_TABLES = ("documents", "sections", "measures", "claims", "campaigns", "terms")
#: The columns compare reads of each table: never a text column, never the measures' text.
NEEDED = {
    "documents": ("doc_id", "path", "series", "period", "review_period", "plan_period",
                  "doc_type", "chars", "status"),
    "sections": ("doc_id", "section_id", "parent_id", "kind", "period", "title", "start", "end"),
    "measures": ("doc_id", "measure_id", "section_id", "parent_id", "marker", "headline",
                 "start"),
    "claims": ("doc_id", "section_id", "indicator", "indicator_norm", "value_text", "value",
               "low", "high", "unit", "base_unit", "approx", "change", "span", "is_target",
               "masked", "sentence", "start", "end"),
    "campaigns": ("doc_id", "norm", "kind"),
    "terms": ("doc_id", "measure_id", "term", "count"),
}  # fmt: skip
#: A progress callback: called with the name of each step as it starts.
Progress = Callable[[str], None]


# --- periods --------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)  # a plan follow-up asks it of the same few periods ~1e6 times
def period_span(period: str) -> tuple[int, int] | None:
    """The months a period covers, as (first, last) month numbers counted from year 0."""
    m = _PERIOD.match(str(period or ""))
    if not m:
        return None
    year = int(m["year"]) * 12
    if not m["unit"]:
        return year, year + 11
    size = 6 if m["unit"] == "H" else 3
    index = int(m["index"])
    return year + (index - 1) * size, year + index * size - 1


def period_key(period: str) -> tuple[int, int, str]:
    """A sort key: by the last month, then the shorter period first (2020H2 before 2020)."""
    span = period_span(period)
    if span is None:
        return (sys.maxsize, 0, str(period))
    return (span[1], span[1] - span[0], period)


def overlaps(a: str, b: str) -> bool:
    """Whether two periods share a month (2020H2 and 2020 do; 2020H1 and 2020H2 do not)."""
    sa, sb = period_span(a), period_span(b)
    return sa is not None and sb is not None and sa[0] <= sb[1] and sb[0] <= sa[1]


def sorted_periods(periods: Iterable[str]) -> list[str]:
    """Distinct non-empty periods in time order."""
    return sorted({p for p in periods if isinstance(p, str) and p}, key=period_key)


# --- input ---------------------------------------------------------------------------------


class TableSource:
    """The tables ``compare`` reads: DataFrames in memory, or a folder read as needed.

    From a folder of Parquet tables (single files or datasets) only the columns of
    :data:`NEEDED` are read, and the large tables in record batches; CSV, JSON Lines and
    XLSX tables are read whole.  A table that is not there is an error naming it.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame] | str | Path) -> None:
        self.folder: Path | None = None
        self._index: dict[str, list[tuple[Piece, set[int]]]] = {}
        if isinstance(tables, str | Path):
            folder = Path(tables)
            if _dataset().has_table(folder, "documents"):
                from extractor.export.tableset import table_files

                # tables mixed from two runs: a TableSetError (a ValueError); a file the
                # set's manifest does not name (left by an earlier run) is no table of it
                # (read_tables below checks the other formats the same way)
                named = table_files(folder)
                self.folder, self._frames = folder, {}
                missing = [
                    t for t in _INPUT_TABLES
                    if not _dataset().has_table(folder, t) or (named and t not in named)
                ]  # fmt: skip
            else:
                from extractor.export.frames import read_tables

                self._frames = read_tables(folder, names=_INPUT_TABLES)
                missing = [t for t in _INPUT_TABLES if t not in self._frames]
            where = f"{folder} has no {' and no '.join(missing)} table"
        else:
            self._frames = dict(tables)
            missing = [t for t in _INPUT_TABLES if t not in self._frames]
            where = f"missing: {', '.join(missing)}"
        if missing:
            hint = (
                " (extract counts them unless --no-terms, and did since term counts moved"
                " there: extract again without --no-terms)"
            )
            raise ValueError(
                f"compare needs the tables {', '.join(missing)}; {where}"
                + (hint if missing == ["terms"] else "")
            )

    def frame(self, name: str) -> pd.DataFrame:
        """A whole table (from a folder: the needed columns only)."""
        if self.folder is None:
            return self._frames[name]
        return _dataset().read_table(self.folder, name, NEEDED[name])

    def pieces(self, name: str) -> list[Piece]:
        """A table in pieces of bounded size that any process can read (:func:`read_piece`):
        the parts of a dataset, the row groups of a Parquet file, or the frame in memory."""
        if self.folder is None:
            return [(name, self._frames[name])]
        return [(name, where) for where in _dataset().pieces(self.folder, name)]

    def index(self, name: str, window_of: Mapping[str, int]) -> None:
        """Note which windows of documents (``window_of``: doc_id → window) each piece of a
        table holds, reading its doc_id column only; :meth:`window_pieces` then names the
        pieces a window needs.  A frame in memory is one piece that every window reads."""
        if self.folder is None:
            return
        if name != "documents" and _dataset().is_dataset(self.folder):
            # part N of every table holds the documents of documents/part-N
            if "documents" not in self._index:
                self.index("documents", window_of)
            by_part = {Path(p[1][0]).name: w for p, w in self._index["documents"]}
            self._index[name] = [(p, by_part.get(Path(p[1][0]).name, set()))
                                 for p in self.pieces(name)]  # fmt: skip
            return
        found = []
        for piece in self.pieces(name):
            ids = read_piece(piece, columns=("doc_id",))["doc_id"].astype(str).unique()
            found.append((piece, {window_of[d] for d in ids if d in window_of}))
        self._index[name] = found

    def window_pieces(self, name: str, window: int) -> list[Piece]:
        """The pieces of a table that hold rows of a window's documents (all, unindexed)."""
        if name not in self._index:
            return self.pieces(name)
        return [piece for piece, windows in self._index[name] if window in windows]

    def rows(self, name: str, window: int, doc_ids: Collection[str]) -> pd.DataFrame:
        """The rows of these documents (of one window), read from the pieces that hold them."""
        pieces = self.window_pieces(name, window) or self.pieces(name)[:1]  # none: the columns
        frames = [read_piece(p, doc_ids=doc_ids) for p in pieces]
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


#: A piece of a table: its name, and a frame, or a Parquet file and row group (None: all).
Piece = tuple[str, Any]


def read_piece(
    piece: Piece,
    *,
    doc_ids: Collection[str] | None = None,
    columns: Sequence[str] | None = None,
    arrow: bool = False,
    keep: Callable[[pa.Table], pa.Table] | None = None,
) -> Any:
    """The rows of one piece (from a file: the needed columns only, or ``columns``); of
    these documents only, when ``doc_ids`` are given, and from a file those ``keep``
    keeps (both filtered before pandas sees them).  A DataFrame, or with ``arrow`` a
    ``pyarrow.Table``."""
    name, where = piece
    if isinstance(where, pd.DataFrame):
        rows = where if doc_ids is None else where[where["doc_id"].isin(doc_ids)]
        if not arrow:
            return rows
        rows = rows[[c for c in columns or NEEDED[name] if c in rows.columns]]
        return pa.Table.from_pandas(rows, preserve_index=False)
    return _dataset().read_piece(
        where, columns or NEEDED[name], doc_ids=doc_ids, arrow=arrow, keep=keep
    )


def _dataset() -> Any:
    import extractor.export.dataset as module  # pyarrow's dataset API, imported when used

    return module


def load_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables ``workreport extract`` wrote to a folder (Parquet files or datasets,
    CSV, JSON Lines, XLSX), every column: what :func:`compare` needs and more."""
    from extractor.export.frames import read_tables

    folder = Path(folder)
    if _dataset().has_table(folder, "documents"):
        return {
            name: _dataset().read_table(folder, name)
            for name in _INPUT_TABLES
            if _dataset().has_table(folder, name)
        }
    try:
        out = read_tables(folder, names=_INPUT_TABLES)
    except FileNotFoundError:
        out = {}
    if "documents" not in out:
        raise FileNotFoundError(f"{folder}: no documents table (documents.parquet/.csv/.jsonl)")
    return out


def is_tables_dir(path: str | Path) -> bool:
    """Whether a folder holds extracted tables rather than reports."""
    path = Path(path)
    return path.is_dir() and (
        _dataset().is_dataset(path)
        or any((path / f"documents{s}").is_file() for s in (".parquet", ".csv", ".jsonl", ".xlsx"))
    )


def read_manifest(path: str | Path) -> pd.DataFrame:
    """A manifest CSV (``path,series,period``; other columns ignored), paths made absolute."""
    path = Path(path)
    df = pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("")
    missing = {"path", "series"} - set(df.columns)
    if missing:
        raise ValueError(f"{path}: manifest lacks column(s) {', '.join(sorted(missing))}")
    if "period" not in df.columns:
        df["period"] = ""
    df["resolved"] = [str((path.parent / p).resolve()) for p in df["path"]]
    return df[["path", "series", "period", "resolved"]]


def _documents(documents: pd.DataFrame, manifest: pd.DataFrame | None) -> pd.DataFrame:
    docs = documents.copy()
    if "status" in docs.columns:
        docs = docs[docs["status"].fillna("ok") == "ok"]
    for col in ("series", "period", "review_period", "plan_period", "path", "doc_type"):
        if col not in docs.columns:
            docs[col] = ""
        docs[col] = docs[col].fillna("").astype(str)
    if manifest is not None:
        docs = _apply_manifest(docs, manifest)
    docs["series"] = docs["series"].replace("", "(none)")
    docs = docs.assign(_key=docs["period"].map(period_key))
    docs = docs.sort_values(["series", "_key", "doc_id"], kind="stable").drop(columns="_key")
    docs["order"] = docs.groupby("series").cumcount() + 1
    return docs.reset_index(drop=True)


def _apply_manifest(docs: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    by_path = {r.resolved: r for r in manifest.itertuples()}
    by_stem = {Path(r.path).with_suffix("").as_posix(): r for r in manifest.itertuples()}
    by_name: dict[str, list[Any]] = defaultdict(list)
    for r in manifest.itertuples():
        by_name[Path(r.path).name].append(r)
    by_tail: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for r in manifest.itertuples():
        parts = Path(r.resolved).parts
        for k in range(1, len(parts) + 1):
            by_tail[parts[-k:]].append(r)
    series, periods = [], []
    for doc in docs.itertuples():
        names = by_name.get(Path(doc.path).name, [])
        row = (
            _by_path(str(doc.path), by_path, by_tail)
            or by_stem.get(str(doc.doc_id))
            or (names[0] if len(names) == 1 else None)
        )
        series.append(row.series if row is not None and row.series else doc.series)
        periods.append(row.period if row is not None and row.period else doc.period)
    return docs.assign(series=series, period=periods)


def _by_path(
    path: str, by_path: Mapping[str, Any], by_tail: Mapping[tuple[str, ...], list[Any]]
) -> Any:
    """The manifest row of a document's path, whatever folder ``compare`` runs from: an
    absolute path must be the same file; a relative one (as ``extract`` was given it, from
    a folder we do not know) must end the path of exactly one manifest row."""
    if not path:
        return None
    if Path(path).is_absolute():
        return by_path.get(str(Path(path).resolve()))
    parts = Path(path).parts
    tail = parts[max((i for i, p in enumerate(parts) if p == ".."), default=-1) + 1 :]
    rows = by_tail.get(tuple(p for p in tail if p != "."), [])
    return rows[0] if len(rows) == 1 else None


# --- campaigns ------------------------------------------------------------------------------
def campaign_tables(
    docs: pd.DataFrame, campaigns: pd.DataFrame, all_periods: list[str] | None = None
) -> dict[str, pd.DataFrame]:
    """``campaign_long`` (tidy counts with per-period status) and ``campaign_matrix`` (wide).

    ``all_periods``: the matrix's period columns (by default the periods of ``docs``; a
    window of the batch's series passes the batch's)."""
    camp = campaigns[~campaigns["kind"].isin(NOT_CAMPAIGNS)]
    camp = camp.merge(docs[["doc_id", "series", "period"]], on="doc_id")
    # two documents of one series and period (a draft and the final) are a warning
    # (duplicate_periods), not a sum: a cell counts the document that names it most
    per_doc = camp.groupby(["series", "norm", "period", "doc_id"]).size().rename("count")
    counts = per_doc.groupby(level=["series", "norm", "period"]).max().reset_index()
    # a name's kind: its most frequent one in the series, the first in order on a tie
    kinds_n = camp.groupby(["series", "norm", "kind"]).size().rename("n").reset_index()
    kinds_n = kinds_n.sort_values(["series", "norm", "n", "kind"], ascending=[1, 1, 0, 1])
    kinds_n = kinds_n.drop_duplicates(["series", "norm"])
    kinds = dict(zip(zip(kinds_n["series"], kinds_n["norm"], strict=True), kinds_n["kind"],
                     strict=True))  # fmt: skip
    seen_by: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for series, norm, period, n in zip(counts["series"], counts["norm"], counts["period"],
                                       counts["count"], strict=True):  # fmt: skip
        seen_by[(series, norm)][period] = int(n)
    series_periods = {s: sorted_periods(g["period"]) for s, g in docs.groupby("series")}
    long_rows, wide_rows = [], []
    for (series, norm), seen in sorted(seen_by.items()):
        periods = series_periods.get(series, [])
        present = [p for p in periods if seen.get(p, 0)]
        if not present:
            continue
        first, last = present[0], present[-1]
        previous_in, ever = False, False
        for period in periods:
            n = seen.get(period, 0)
            status = _period_status(n > 0, previous_in, ever)
            if status:
                long_rows.append((series, norm, kinds[(series, norm)], period, n, status))
            previous_in, ever = n > 0, ever or n > 0
        status = "dropped" if last != periods[-1] else "new" if first == last else "continued"
        wide = {"series": series, "norm": norm, "kind": kinds[(series, norm)]}
        wide.update({p: seen.get(p, 0) for p in periods})
        wide.update(first_seen=first, last_seen=last, n_periods=len(present),
                    total=sum(seen.values()), status=status)  # fmt: skip
        wide_rows.append(wide)
    long = pd.DataFrame(long_rows, columns=["series", "norm", "kind", "period", "count", "status"])
    fixed = ["series", "norm", "kind"]
    tail = ["first_seen", "last_seen", "n_periods", "total", "status"]
    if all_periods is None:
        all_periods = sorted_periods(p for ps in series_periods.values() for p in ps)
    matrix = pd.DataFrame(wide_rows, columns=[*fixed, *all_periods, *tail])
    matrix[all_periods] = matrix[all_periods].astype("Int64")
    matrix = matrix.sort_values(["series", "total", "norm"], ascending=[True, False, True])
    return {"campaign_matrix": matrix.reset_index(drop=True), "campaign_long": long}


def _period_status(here: bool, previous_in: bool, ever: bool) -> str:
    if here:
        return "continued" if previous_in else "returned" if ever else "new"
    return "dropped" if previous_in else ""


# --- indicators -----------------------------------------------------------------------------
_LONG_INDICATOR = [
    "series", "indicator", "unit", "role", "period", "value", "low", "high", "value_text",
    "approx", "change", "n_claims", "conflict", "chosen", "doc_id", "phrase", "sentence",
    "start", "end",
]  # fmt: skip


def indicator_candidates(claims: pd.DataFrame, table: IndicatorTable) -> pd.DataFrame:
    """The claims that can fill a cell: a figure, not masked, of span ``period`` (SPEC §5: not
    年均增长, 过去五年新增, 累计), whose canonical indicator (``canonical``: the claim's
    ``indicator_norm``, or for tables written before it the phrase matched here) is known.
    Applied to the claims piece by piece, so that only these are held."""
    c = claims[claims["value"].notna() & ~claims["masked"].astype(bool)].copy()
    c["indicator_phrase"] = c["indicator"].fillna("").astype(str)
    if "indicator_norm" in c.columns:  # each claim carries its canonical name
        c["canonical"] = c["indicator_norm"].fillna("").astype(str)
    else:
        c["canonical"] = [table.canonical(p) for p in c["indicator_phrase"]]
    if "span" in c.columns:  # an annual cell takes the period's own figures only
        c = c[c["span"].fillna("period").astype(str).isin(["period", ""])]
    return c[c["canonical"] != ""]


def indicator_tables(
    docs: pd.DataFrame,
    sections: pd.DataFrame,
    candidates: pd.DataFrame,
    rates: Iterable[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """``indicator_long`` (every candidate of every cell, :func:`indicator_long`) and
    ``indicator_panel`` (wide, :func:`indicator_panel`)."""
    long = indicator_long(docs, sections, candidates, rates)
    return {"indicator_long": long, "indicator_panel": indicator_panel(long)}


def indicator_long(
    docs: pd.DataFrame,
    sections: pd.DataFrame,
    candidates: pd.DataFrame,
    rates: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every candidate of every indicator cell, from the claims of
    :func:`indicator_candidates`.

    A cell is (series, indicator, unit, role, period); a movement's starting value is no
    claim of its own.  Where a cell holds a level, a change of a count (比去年多100万人) is a
    difference and no candidate.  Candidates that agree give the cell its value; candidates
    that differ are a conflict: the panel cell stays empty and its period is listed in
    ``conflicts``, and ``indicator_long`` keeps every candidate with its sentence
    (``conflict`` true), never the first or the sum.  ``chosen`` marks the one row of each
    cell the panel shows."""
    c = candidates.merge(docs[["doc_id", "series", "review_period", "plan_period"]], on="doc_id")
    sec = sections[["doc_id", "section_id", "period"]].rename(columns={"period": "sec_period"})
    c = c.merge(sec, on=["doc_id", "section_id"], how="left")
    sec = sections[["doc_id", "section_id", "kind"]].rename(columns={"kind": "sec_kind"})
    c = c.merge(sec, on=["doc_id", "section_id"], how="left")
    # a target word in a review section (好于预期) speaks of the past: a result
    target = c["is_target"].astype(bool) & ~c["sec_kind"].isin(["review", "problems"])
    c["role"] = target.map({True: "target", False: "result"})
    fallback = c["plan_period"].where(target, c["review_period"])
    # a result in a plan section (过去一年…增长10.3% in the section on this year) is last year's
    own = c["sec_period"].where(target | c["sec_kind"].ne("plan"), c["review_period"])
    c["period"] = own.fillna("").astype(str).replace("", pd.NA).fillna(fallback)
    c["unit_key"] = c["base_unit"].fillna("").astype(str).replace("", pd.NA)
    c["unit_key"] = c["unit_key"].fillna(c["unit"].fillna("").astype(str)).str.replace("％", "%")
    # a change of a count (比去年多100万人) is a difference, not the level
    rates = unit_table().bases("rate", "multiple") if rates is None else rates
    c["delta"] = c["change"].fillna("").astype(str).ne("") & ~c["unit_key"].isin(set(rates))
    c = c.sort_values(["delta", "doc_id", "start"], kind="stable")
    keys = ["series", "canonical", "unit_key", "role", "period"]
    # a cell's candidates: its levels where it has any, else every claim of it (a claim
    # with a key missing is in no cell, as groupby leaves it out)
    c = c.dropna(subset=keys).assign(_level=~c["delta"])
    c = c[c["_level"] | ~c.groupby(keys, sort=False)["_level"].transform("any")]
    cells = c.groupby(keys, sort=False)
    n = cells["value"].transform("size").to_numpy()
    first = (cells.cumcount() == 0).to_numpy()
    conflict = np.zeros(len(c), dtype=bool)
    values = c["value"].to_numpy(dtype=float, na_value=np.nan)
    for at in cells.indices.values():
        if len(at) > 1 and _distinct(values[at]) > 1:
            conflict[at] = True
    picked = {
        "series": "series", "indicator": "canonical", "unit": "unit_key", "role": "role",
        "period": "period", "value": "value", "low": "low", "high": "high",
        "value_text": "value_text", "approx": "approx", "change": "change",
        "doc_id": "doc_id", "phrase": "indicator_phrase", "sentence": "sentence",
        "start": "start", "end": "end",
    }  # fmt: skip
    made = {
        "n_claims": n.tolist(), "conflict": conflict.tolist(),
        "chosen": (first & ~conflict).tolist(),
    }  # fmt: skip
    # the columns as Python values, as a row at a time built them (the same dtypes)
    long = pd.DataFrame(
        {name: made[name] if name in made else c[picked[name]].tolist() for name in picked | made},
        columns=_LONG_INDICATOR,
    )
    long = long.assign(_g=cells.ngroup().to_numpy())
    long = long.sort_values("_g", kind="stable").drop(columns="_g")
    long = long.assign(_k=long["period"].map(period_key))
    long = long.sort_values(["series", "indicator", "unit", "role", "_k"], kind="stable")
    return long.drop(columns="_k").reset_index(drop=True)


def indicator_panel(long: pd.DataFrame) -> pd.DataFrame:
    """The panel: each cell's agreed value per period, and the periods in conflict."""
    periods = sorted_periods(long["period"])
    fixed = ["series", "indicator", "unit", "role"]
    if long.empty:
        wide = pd.DataFrame(columns=[*fixed, "n_periods", "conflicts"])
    else:
        shown = long[long["chosen"]]
        wide = shown.pivot_table(index=fixed, columns="period", values="value", aggfunc="first")
        wide = wide.reindex(columns=periods)
        wide["n_periods"] = wide.notna().sum(axis=1)
        clash = long[long["conflict"]].drop_duplicates([*fixed, "period"])
        listed = clash.groupby(fixed)["period"].agg(lambda p: ";".join(sorted(p, key=period_key)))
        wide = wide.join(listed.rename("conflicts"), how="outer").reset_index()
        wide["conflicts"] = wide["conflicts"].fillna("")
        wide["n_periods"] = wide["n_periods"].fillna(0).astype(int)
        wide.columns.name = None
    return wide


def _distinct(values: pd.Series) -> int:
    """How many different values (relative tolerance 1e-9) a cell's candidates hold."""
    kept: list[float] = []
    for v in values:
        if not any(math.isclose(v, k, rel_tol=1e-9, abs_tol=1e-12) for k in kept):
            kept.append(float(v))
    return len(kept)


def duplicate_periods(docs: pd.DataFrame) -> pd.DataFrame:
    """A warning for each series and period held by more than one document, naming the
    files: their figures meet in one cell (a conflict where they differ), never a sum."""
    rows = []
    dated = docs[docs["period"].astype(str) != ""]
    for (series, period), group in dated.groupby(["series", "period"]):
        if len(group) > 1:
            paths = [str(p or d) for p, d in zip(group["path"], group["doc_id"], strict=True)]
            message = (
                f"{len(group)} documents of series {series!r} for period {period}: "
                + ", ".join(paths)
            )
            rows.append((series, period, "duplicate_period", len(group), message))
    return pd.DataFrame(rows, columns=["series", "period", "warning", "documents", "message"])


# --- terms ----------------------------------------------------------------------------------
def load_stopwords(path: str | Path | None = None, rules: RuleSet | None = None) -> frozenset[str]:
    """The stop words of ``patterns/stopwords.txt`` (or of the file given)."""
    if path is None:
        base = Path(rules.directory) if rules is not None else default_patterns_dir()
        path = base / "stopwords.txt"
        if not path.is_file():
            path = default_patterns_dir() / "stopwords.txt"
    words: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(words)


@dataclass
class PieceWork:
    """What compare does with one piece of the claims or terms table, wherever it runs
    (here, a worker process of ``--jobs``, a Dask worker): claims → the candidates of the
    indicator cells; terms → a :class:`~extractor.analysis.termsets.TermPiece` (term counts
    per group of the window's documents, and the terms of each plan and review measure).

    ``groups``: each document of the window (doc_id) → its group, one per (series,
    period); ``followed``: the (doc_id, measure_id) of the plan and review measures."""

    groups: pd.Series
    followed: pd.MultiIndex
    stopwords: frozenset[str]
    rules: RuleSet | None = None

    def __call__(self, piece: Piece) -> tuple[str, Any]:
        if piece[0] == "claims":
            rows = read_piece(piece, doc_ids=self.groups.index, keep=_named_claims)
            return "claims", indicator_candidates(rows, indicator_table(self.rules))
        table = read_piece(piece, doc_ids=self.groups.index, arrow=True)
        return "terms", term_piece(table, self.groups, self.followed, self.stopwords)


def _named_claims(claims: pa.Table) -> pa.Table:
    """The claims that name a canonical indicator (a quarter of them), chosen in Arrow
    before pandas sees them: :func:`indicator_candidates` keeps no other (tables written
    before ``indicator_norm``: all of them)."""
    if "indicator_norm" not in claims.column_names:
        return claims
    norm = claims.column("indicator_norm")
    return claims.filter(pc.and_(pc.is_valid(norm), pc.not_equal(norm, "")).fill_null(False))


#: Runs a PieceWork over pieces, yielding results as they come (in any order).
PieceMap = Callable[[PieceWork, list[Piece]], Iterable[tuple[str, Any]]]
#: A window of series: its number and its documents.
Window = tuple[int, pd.DataFrame]
#: Runs a function over windows of series elsewhere, yielding its results in their order.
WindowMap = Callable[
    [Callable[[Window], dict[str, pd.DataFrame]], list[Window]], Iterable[dict[str, pd.DataFrame]]
]


def _serial(work: PieceWork, pieces: list[Piece]) -> Iterator[tuple[str, Any]]:
    return map(work, pieces)


# --- plan follow-up -------------------------------------------------------------------------
_FOLLOWUP = [
    "series", "plan_doc_id", "plan_period", "plan_measure_id", "plan_marker", "plan_headline",
    "review_doc_id", "review_period", "review_measure_id", "review_marker", "review_headline",
    "score", "shared_terms", "status",
]  # fmt: skip


def followed_measures(
    docs: pd.DataFrame, sections: pd.DataFrame, measures: pd.DataFrame
) -> pd.DataFrame:
    """The top-level measures of plan and review sections, with their series and order."""
    sec = sections[["doc_id", "section_id", "kind", "period"]]
    m = measures[measures["parent_id"].isna()].merge(sec, on=["doc_id", "section_id"])
    m = m.merge(docs[["doc_id", "series", "order", "plan_period", "review_period"]], on="doc_id")
    m["period"] = m["period"].fillna("").astype(str)
    return m[m["kind"].isin(["plan", "review"])]


def plan_followup(
    followed: pd.DataFrame,
    terms: Mapping[tuple[str, str], Iterable[str]] | MeasureTerms,
    threshold: float = MATCH_THRESHOLD,
) -> pd.DataFrame:
    """Each plan measure against the review measures of its period in the next document.

    ``followed``: :func:`followed_measures`; ``terms``: each measure's terms by (doc_id,
    measure_id), stop words out (the ``terms`` table's rows of that measure)."""
    if not isinstance(terms, MeasureTerms):
        terms = MeasureTerms.from_sets(terms)
    # Python values once (rows of Arrow-backed columns make a scalar per cell and access)
    followed = followed.astype(
        {c: object for c, t in followed.dtypes.items() if not isinstance(t, np.dtype)}
    )
    plans, reviews = followed[followed["kind"] == "plan"], followed[followed["kind"] == "review"]
    pools = dict(list(reviews.groupby("series", sort=False)))
    rows: list[list[Any]] = []
    for series, series_plans in plans.groupby("series", sort=True):
        pool = pools.get(series, reviews.iloc[:0])
        scores = _Scores(terms, pd.concat([series_plans, pool]))
        later = _LaterReviews(pool)
        for plan in series_plans.sort_values(["order", "start"]).itertuples():
            period = plan.period or plan.plan_period
            candidates = later.after(int(plan.order), period)
            if not candidates:
                rows.append(_followup_row(series, plan, period, None, 0.0, [], "no_later_document"))
                continue
            best, score, shared = scores.best(plan, candidates)
            status = "reported" if best is not None and score >= threshold else "not_reported"
            rows.append(_followup_row(series, plan, period, best if status == "reported" else None,
                                      score, shared, status))  # fmt: skip
    return pd.DataFrame(rows, columns=_FOLLOWUP)


class _Scores:
    """The idf-weighted cosine of a series' measure term sets, computed on arrays.

    A term's weight is its idf over the series' plan and review measures, ``log((n + 1) /
    (k + 1)) + 1`` for a term in ``k`` of the ``n`` measures; a pair's score is the sum of
    the squared weights of the terms they share over the square root of the product of
    their sums of squared weights.  Each set is a sorted run of series-local term numbers;
    the reviews a plan meets (one later document's) are a dense block of weights, built
    once for every plan that meets them."""

    def __init__(self, terms: MeasureTerms, measures: pd.DataFrame) -> None:
        doc_ids, measure_ids = measures["doc_id"].astype(str), measures["measure_id"].astype(str)
        keys = list(dict.fromkeys(zip(doc_ids, measure_ids, strict=True)))
        self._position = {key: i for i, key in enumerate(keys)}
        rows = terms.rows(pd.MultiIndex.from_tuples(keys)) if keys else np.zeros(0, np.int64)
        first = np.where(rows >= 0, terms.starts[rows], 0)
        sizes = np.where(rows >= 0, terms.starts[rows + 1] - first, 0)
        self._starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        at = np.arange(self._starts[-1]) - np.repeat(self._starts[:-1] - first, sizes)
        self._global, self._ids = distinct_inverse(terms.ids[at])
        self._ids = self._ids.astype(np.int64).reshape(-1)
        self._k = np.bincount(self._ids, minlength=len(self._global))
        n = max(len(keys), 1)
        idf = {k: math.log((n + 1) / (k + 1)) + 1 for k in set(self._k.tolist())}
        self._weight = np.array([idf[k] for k in self._k.tolist()], dtype=float) ** 2
        owner = np.repeat(np.arange(len(keys)), sizes)
        self._mass = np.bincount(owner, weights=self._weight[self._ids], minlength=len(keys))
        self._words = terms.words
        self._blocks: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {}

    def _set(self, i: int) -> np.ndarray:
        return self._ids[self._starts[i] : self._starts[i + 1]]

    def _block(self, reviews: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The reviews' terms, and their weights as a dense (review × term) matrix."""
        block = self._blocks.get(reviews)
        if block is None:
            sets = [self._set(r) for r in reviews]
            terms = distinct(np.concatenate(sets))
            dense = np.zeros((len(reviews), len(terms)))
            for row, ids in enumerate(sets):
                dense[row, np.searchsorted(terms, ids)] = self._weight[ids]
            block = self._blocks[reviews] = (terms, dense)
        return block

    def best(self, plan: Any, candidates: list[Any]) -> tuple[Any, float, list[str]]:
        """The candidate review with the highest score (the first on a tie; none when no
        score is above zero), the score, and the terms they share, heaviest first."""
        mine = self._position[(str(plan.doc_id), str(plan.measure_id))]
        theirs = tuple(self._position[(str(r.doc_id), str(r.measure_id))] for r in candidates)
        terms, dense = self._block(theirs)
        ids = self._set(mine)
        at = np.searchsorted(terms, ids).clip(max=max(len(terms) - 1, 0))
        at = at[terms[at] == ids] if len(terms) else at[:0]
        shared = dense[:, at].sum(axis=1)
        masses = self._mass[mine] * self._mass[list(theirs)]
        score = np.divide(shared, np.sqrt(masses), out=np.zeros(len(theirs)), where=masses > 0)
        best = int(np.argmax(score))
        if not score[best] > 0:
            return None, 0.0, []
        common = np.intersect1d(ids, self._set(theirs[best]), assume_unique=True)
        words = sorted(
            (int(self._k[t]), self._words[self._global[t]]) for t in common.tolist()
        )  # an idf falls as k rises: the heaviest first, then in the order of the words
        return candidates[best], float(score[best]), [w for _, w in words]


class _LaterReviews:
    """A series' review measures by document order: those of the first document after a
    plan's whose review covers (overlaps) the plan's period, without scanning every
    later document (a series may hold thousands)."""

    def __init__(self, pool: pd.DataFrame) -> None:
        self._rows: dict[int, list[Any]] = defaultdict(list)  # order → review rows, in order
        orders: dict[str, set[int]] = defaultdict(set)  # a review's period → orders with it
        for r in pool.itertuples():
            self._rows[int(r.order)].append(r)
            orders[r.period or r.review_period].add(int(r.order))
        self._orders = {p: sorted(o) for p, o in orders.items()}
        self._after: dict[tuple[int, str], list[Any]] = {}

    def after(self, order: int, period: str) -> list[Any]:
        """The review rows of the first later document with a review overlapping ``period``
        (the plans of one document and period ask once)."""
        found = self._after.get((order, period))
        if found is None:
            found = self._after[(order, period)] = self._first_after(order, period)
        return found

    def _first_after(self, order: int, period: str) -> list[Any]:
        first = min(
            (o[i] for p, o in self._orders.items() if overlaps(period, p)
             for i in (bisect_right(o, order),) if i < len(o)),
            default=None,
        )  # fmt: skip
        if first is None:
            return []
        return [r for r in self._rows[first] if overlaps(period, r.period or r.review_period)]


def _followup_row(series: str, plan: Any, period: str, review: Any, score: float,
                  shared: list[str], status: str) -> list[Any]:  # fmt: skip
    return [
        series, plan.doc_id, period, plan.measure_id, plan.marker, plan.headline,
        review.doc_id if review is not None else "",
        (review.period or review.review_period) if review is not None else "",
        review.measure_id if review is not None else "",
        review.marker if review is not None else "",
        review.headline if review is not None else "",
        round(score, 4), "、".join(shared[:SHARED_SHOWN]), status,
    ]  # fmt: skip


# --- keywords and sections ------------------------------------------------------------------
def keyword_trends(
    docs: pd.DataFrame,
    counts: pd.Series,
    campaigns: pd.DataFrame,
    *,
    min_count: int = 3,
    top: int = 1000,
    names: Collection[str] | None = None,
) -> pd.DataFrame:
    """Term frequency per 10,000 characters per (series, period); campaign names whole.

    ``counts``: term counts per (series, period, term) (:class:`TermTotals`).  A series
    keeps its ``top`` most frequent terms seen ``min_count`` times or more (on a tie, in
    the order of the terms) and every campaign name (of any series: ``names``, by default
    those of ``campaigns``) it holds."""
    chars = docs.assign(chars=pd.to_numeric(docs["chars"]).fillna(0).astype("int64"))
    sizes = chars.groupby(["series", "period"])["chars"].sum().to_dict()
    flat = counts.rename("count").reset_index()
    totals = flat.groupby(["series", "term"], sort=False)["count"].sum().reset_index()
    totals = totals.sort_values(["series", "count", "term"], ascending=[True, False, True])
    frequent = totals[totals["count"] >= min_count].groupby("series", sort=False).head(top)
    if names is None:
        names = campaign_names(campaigns)
    named = totals[totals["term"].isin(set(names))]
    kept = pd.concat([frequent, named])[["series", "term"]].drop_duplicates()
    flat = flat.merge(kept, on=["series", "term"])
    # Python values once: an Arrow-backed column's tolist makes a scalar per cell
    series, period, term = (flat[c].to_numpy(dtype=object).tolist()
                            for c in ("series", "period", "term"))  # fmt: skip
    count = flat["count"].astype("int64").tolist()
    chars_of = [sizes[key] for key in zip(series, period, strict=True)]
    out = pd.DataFrame({
        "series": [str(s) for s in series], "period": [str(p) for p in period],
        "term": [str(t) for t in term], "count": count, "chars": chars_of,
        # Python's round of Python's division, as every earlier release wrote them
        "per_10k": [round(n * 10_000 / c, 3) for n, c in zip(count, chars_of, strict=True)],
    })  # fmt: skip
    # the periods' order as a rank: one period_key per distinct period, not per row
    ranks = {p: i for i, p in enumerate(sorted(set(out["period"]), key=period_key))}
    out = out.assign(_k=out["period"].map(ranks).astype("int64"))
    return out.sort_values(["series", "_k", "count", "term"], ascending=[True, True, False, True]
                           ).drop(columns="_k").reset_index(drop=True)  # fmt: skip


def campaign_names(campaigns: pd.DataFrame) -> set[str]:
    """The normal forms of the campaign names (not document titles or honours) of a table."""
    return set(campaigns[~campaigns["kind"].isin(NOT_CAMPAIGNS)]["norm"].dropna().astype(str))


def _campaign_names(piece: Piece, doc_ids: Collection[str]) -> set[str]:
    """:func:`campaign_names` of a piece of the campaigns table; from a file chosen in Arrow
    (a batch's campaigns are millions of rows, and only their distinct names are kept)."""
    if isinstance(piece[1], pd.DataFrame):
        return campaign_names(read_piece(piece, doc_ids=doc_ids, columns=("norm", "kind")))
    rows = read_piece(piece, doc_ids=doc_ids, columns=("norm", "kind"), arrow=True)
    kinds = pa.array(sorted(NOT_CAMPAIGNS), pa.string())
    named = pc.invert(pc.is_in(rows["kind"].cast(pa.string()), value_set=kinds))
    norms = pc.unique(rows["norm"].cast(pa.string()).filter(named)).drop_null()
    return {str(norm) for norm in norms.to_pylist()}


def section_profile(docs: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Per document, the characters and share of text under top-level sections of each kind.

    Text before the first section and after the last (title, address, end matter) is kind
    ``none``; shares add up to one per document.
    """
    top = sections[sections["parent_id"].isna()]
    top = top.assign(kind=top["kind"].astype(str), size=(top["end"] - top["start"]).astype(int))
    agg = top.groupby(["doc_id", "kind"])["size"].agg(["sum", "size"])
    by_doc: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for (doc_id, kind), chars, n in zip(agg.index, agg["sum"], agg["size"], strict=True):
        by_doc[doc_id].append((kind, int(chars), int(n)))
    rows = []
    for doc in docs.itertuples():
        total = int(doc.chars) if pd.notna(doc.chars) and int(doc.chars) > 0 else 0
        by_kind: Counter[str] = Counter()
        n_by_kind: Counter[str] = Counter()
        for kind, chars, n in by_doc.get(doc.doc_id, ()):
            by_kind[kind] += chars
            n_by_kind[kind] += n
        total = max(total, sum(by_kind.values()))
        if not total:
            continue
        by_kind["none"] += total - sum(by_kind.values())
        for kind, n in sorted(by_kind.items()):
            rows.append((doc.doc_id, doc.series, doc.period, kind, n_by_kind[kind], n,
                         round(n / total, 4)))  # fmt: skip
    return pd.DataFrame(
        rows, columns=["doc_id", "series", "period", "kind", "sections", "chars", "share"]
    )


# --- all together ---------------------------------------------------------------------------
#: The comparison tables, in the order compare returns them.
TABLE_ORDER = (
    "campaign_matrix", "campaign_long", "indicator_long", "indicator_panel", "warnings",
    "plan_followup", "keyword_trends", "section_profile", "periods",
)  # fmt: skip


def compare(
    tables: Mapping[str, pd.DataFrame] | str | Path,
    *,
    manifest: str | Path | pd.DataFrame | None = None,
    rules: RuleSet | None = None,
    stopwords: str | Path | None = None,
    min_count: int = 3,
    top_terms: int = 1000,
    min_score: float = MATCH_THRESHOLD,
    progress: Progress | None = None,
    map_pieces: PieceMap | None = None,
    map_windows: WindowMap | None = None,
    window_docs: int = WINDOW_DOCS,
    window_chars: int = WINDOW_CHARS,
) -> dict[str, pd.DataFrame]:
    """The comparison tables of a batch's tables (see the module docstring).

    ``tables``: the tables as DataFrames (``report_tables``, :func:`load_tables`), or the
    folder ``extract`` wrote them to, read as needed (:class:`TableSource`).  ``manifest``
    (a CSV path or a DataFrame with ``path,series,period``) overrides the series and period
    of the documents it lists.  ``min_score``: below it a plan counts as not reported.
    Keyword trends keep the ``top_terms`` most frequent terms of a series seen ``min_count``
    times or more, and every campaign name.  ``progress`` is called with each step's name.
    ``map_pieces`` runs the work on the claims and terms tables piece by piece elsewhere
    (:mod:`extractor.analysis.pieces`: worker processes, a Dask cluster); by default here.

    From a folder the series are compared a window at a time (:func:`compare_parts`); the
    tables returned are the windows' rows together, so they grow with the batch: to keep
    memory flat, write each window's rows as they come (``workreport compare`` does,
    :func:`extractor.export.comparison.write_parts`).
    """
    found: dict[str, list[pd.DataFrame]] = defaultdict(list)
    for name, frame in compare_parts(
        tables, manifest=manifest, rules=rules, stopwords=stopwords, min_count=min_count,
        top_terms=top_terms, min_score=min_score, progress=progress, map_pieces=map_pieces,
        map_windows=map_windows, window_docs=window_docs, window_chars=window_chars,
    ):  # fmt: skip
        found[name].append(frame)
    out = {name: _concat(found[name]) for name in _WINDOW_TABLES}
    out["indicator_panel"] = indicator_panel(out["indicator_long"])
    out["warnings"], out["periods"] = found["warnings"][0], found["periods"][0]
    return {name: out[name] for name in TABLE_ORDER}


def compare_parts(
    tables: Mapping[str, pd.DataFrame] | str | Path,
    *,
    manifest: str | Path | pd.DataFrame | None = None,
    rules: RuleSet | None = None,
    stopwords: str | Path | None = None,
    min_count: int = 3,
    top_terms: int = 1000,
    min_score: float = MATCH_THRESHOLD,
    progress: Progress | None = None,
    map_pieces: PieceMap | None = None,
    map_windows: WindowMap | None = None,
    window_docs: int = WINDOW_DOCS,
    window_chars: int = WINDOW_CHARS,
    panels: bool = False,
) -> Iterator[tuple[str, pd.DataFrame]]:
    """:func:`compare`'s tables in parts, as they are made: (name, rows) pairs.

    From a folder the series are compared a window at a time (:func:`series_windows`:
    whole series, about ``window_docs`` documents or ``window_chars`` characters of text a
    window), each window's rows read from the pieces that hold them; for each window this
    yields its rows of every table made series by series (``campaign_matrix``,
    ``campaign_long``, ``indicator_long``, ``plan_followup``, ``keyword_trends``,
    ``section_profile``; with ``panels`` its ``indicator_panel`` too, whose period columns
    are the window's own: :func:`panel_columns` gives the batch's), then ``warnings`` and
    ``periods`` once.  Each table's parts, concatenated in order, are the batch's table.
    What this holds at once is one window's rows and aggregates, whatever the number of
    documents, besides the documents table.

    ``map_windows`` (:mod:`extractor.analysis.pieces`) compares the windows of a folder
    elsewhere, several at once, each reading its own pieces (``map_pieces`` is then not
    used); their rows come back, and are yielded, in the windows' order, so the tables are
    the same.  Tables in memory are one window, compared here.
    """
    step = progress or (lambda _: None)
    step("documents")
    source = TableSource(tables)
    man = read_manifest(manifest) if isinstance(manifest, str | Path) else manifest
    docs = _documents(source.frame("documents"), man)
    if source.folder is None:  # the tables are in memory already: one window
        window_docs = window_chars = max(len(docs), 1)
    docs["_window"] = series_windows(docs, window_docs, window_chars)
    window_of = dict(zip(docs["doc_id"].astype(str), docs["_window"], strict=True))
    for name in ("campaigns", "sections", "measures", "claims", "terms"):
        step(f"index: {name}")
        source.index(name, window_of)
    names = set[str]().union(*(_campaign_names(p, window_of) for p in source.pieces("campaigns")))
    rates = unit_table(rules).bases("rate", "multiple")
    context = _Context(
        source, load_stopwords(stopwords, rules), rules, rates, sorted_periods(docs["period"]),
        names, min_count, top_terms, min_score, map_pieces or _serial, panels,
    )  # fmt: skip
    windows = [(int(w), members) for w, members in docs.groupby("_window", sort=True)]
    windows = windows or [(0, docs)]
    made_each: Iterable[dict[str, pd.DataFrame]]
    if map_windows is not None and source.folder is not None and len(windows) > 1:
        job = functools.partial(_window_job, replace(context, map_pieces=_serial))
        made_each = map_windows(job, windows)
    else:
        made_each = (_compare_window(context, w, members) for w, members in windows)
    done = 0
    step(f"series: 0/{len(docs)} documents")
    for (_, members), made in zip(windows, made_each, strict=True):
        done += len(members)
        step(f"series: {done}/{len(docs)} documents")
        yield from made.items()
        del made  # the window's rows are the caller's now
    docs = docs.drop(columns="_window")
    yield "warnings", duplicate_periods(docs)
    cols = ["doc_id", "series", "period", "review_period", "plan_period", "doc_type", "order"]
    yield "periods", docs[[*cols, "path"]]


_WINDOW_TABLES = ("campaign_matrix", "campaign_long", "indicator_long", "plan_followup",
                  "keyword_trends", "section_profile")  # fmt: skip


def panel_columns(periods: Iterable[str]) -> list[str]:
    """The columns of ``indicator_panel`` when ``indicator_long`` holds these periods (a
    window's panel, reindexed to these, is its rows of the batch's panel)."""
    return ["series", "indicator", "unit", "role", *sorted_periods(periods), "n_periods",
            "conflicts"]  # fmt: skip


def series_windows(docs: pd.DataFrame, size: int, chars: int | None = None) -> list[int]:
    """Each document's window: consecutive whole series (``docs`` sorted by series) until a
    window holds ``size`` documents or more, or (with ``chars``) that many characters of
    text or more (``docs['chars']``)."""
    lengths = (
        pd.to_numeric(docs["chars"], errors="coerce").fillna(0).astype("int64").tolist()
        if chars is not None and "chars" in docs.columns
        else [0] * len(docs)
    )
    limit = chars if chars is not None else sys.maxsize
    out, window, held, text, last = [], 0, 0, 0, None
    for series, length in zip(docs["series"], lengths, strict=True):
        if series != last and (held >= size or text >= limit):
            window, held, text = window + 1, 0, 0
        out.append(window)
        held, text, last = held + 1, text + length, series
    return out


@dataclass
class _Context:
    """What every window of one compare shares."""

    source: TableSource
    stopwords: frozenset[str]
    rules: RuleSet | None
    rates: Iterable[str]
    all_periods: list[str]
    names: set[str]
    min_count: int
    top_terms: int
    min_score: float
    map_pieces: PieceMap
    panels: bool = False  # each window's indicator_panel too (where the window is made)


def _compare_window(ctx: _Context, window: int, docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The comparison tables of one window's series (the tables each series has alone)."""
    docs = docs.drop(columns="_window").reset_index(drop=True)
    ids = set(docs["doc_id"].astype(str))
    out = campaign_tables(docs, ctx.source.rows("campaigns", window, ids), ctx.all_periods)
    sections = ctx.source.rows("sections", window, ids)
    followed = followed_measures(docs, sections, ctx.source.rows("measures", window, ids))
    group, groups = pd.MultiIndex.from_frame(docs[["series", "period"]]).factorize()
    keys = pd.MultiIndex.from_frame(followed[["doc_id", "measure_id"]].astype(str)).unique()
    work = PieceWork(pd.Series(group, index=pd.Index(docs["doc_id"].astype(str), dtype=object)),
                     keys, ctx.stopwords, ctx.rules)  # fmt: skip
    pieces = ctx.source.window_pieces("claims", window) + ctx.source.window_pieces("terms", window)
    totals = TermTotals(groups.to_frame(index=False, name=["series", "period"]), keys)
    found = []
    for kind, result in ctx.map_pieces(work, pieces):
        if kind == "claims":
            found.append(result)
        else:
            totals.merge(result)
    candidates = pd.concat(found, ignore_index=True) if found else _no_candidates(ctx)
    out["indicator_long"] = indicator_long(docs, sections, candidates, ctx.rates)
    out["plan_followup"] = plan_followup(followed, totals.measures, threshold=ctx.min_score)
    out["keyword_trends"] = keyword_trends(docs, totals.counts(), pd.DataFrame(), names=ctx.names,
                                           min_count=ctx.min_count, top=ctx.top_terms)  # fmt: skip
    out["section_profile"] = section_profile(docs, sections)
    if ctx.panels:
        out["indicator_panel"] = indicator_panel(out["indicator_long"])
    return out


def _window_job(ctx: _Context, window: Window) -> dict[str, pd.DataFrame]:
    """:func:`_compare_window` of one (window, documents) pair: what a worker runs."""
    return _compare_window(ctx, *window)


def _no_candidates(ctx: _Context) -> pd.DataFrame:
    """No claim piece holds the window's documents: no candidate, with the columns."""
    piece = ctx.source.pieces("claims")[0]
    return indicator_candidates(read_piece(piece, doc_ids=()), indicator_table(ctx.rules))


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The windows' rows of one table, in order (empty windows left out: their columns
    carry no dtypes)."""
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0] if frames else pd.DataFrame()
    return full[0] if len(full) == 1 else pd.concat(full, ignore_index=True)


class _CallableModule(types.ModuleType):
    """``extractor.analysis.compare`` is both this module and the function ``compare``."""

    def __call__(self, tables: Mapping[str, pd.DataFrame], **options: Any) -> dict[str, Any]:
        return compare(tables, **options)


sys.modules[__name__].__class__ = _CallableModule
