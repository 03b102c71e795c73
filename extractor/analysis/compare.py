"""Comparing reports across periods (SPEC §5): the pandas adapter behind ``workreport compare``.

``compare(tables)`` takes the tables of a batch (``extractor.export.tables.report_tables``, or
tables read back with :func:`load_tables`) and returns new tables, each keyed by
``series`` (who issued the documents) and ``period`` (``2020``, ``2020H1`` …):

- ``campaign_matrix`` (SPEC): one row per (series, norm), one column per period holding
  counts, with first_seen, last_seen, n_periods, total and status (new, continued,
  dropped: whether the name is in the series' latest period, and was before);
  ``campaign_long``: the same counts tidy, one row per (series, norm, period), with the
  status of that period (new, continued, returned, dropped);
- ``indicator_long``: one value per (series, indicator, unit, role, period), from the claims
  whose indicator phrase maps to a canonical indicator (``extractor.analysis.indicators``); role is
  ``target`` or ``result``; ``indicator_panel`` (SPEC) is the same spread over periods;
- ``plan_followup``: each plan measure of period P against the review measures of P in the
  next document of the series, with a score and the shared terms that make it;
- ``keyword_trends``: term frequency per 10,000 characters per (series, period);
- ``section_profile``: the share of each document's text by top-level section kind;
- ``periods``: the documents in series order, with their periods.

The module is callable, so ``extractor.compare(tables)`` works after
``import extractor.analysis.compare`` too.
"""

from __future__ import annotations

import math
import sys
import types
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import regex

from extractor.analysis.indicators import IndicatorTable, indicator_table
from extractor.export.tableset import table_files
from extractor.io.reading import read_document
from extractor.rules.loader import RuleSet, default_patterns_dir

#: Campaign kinds that are not campaigns (document titles, honours).
NOT_CAMPAIGNS = frozenset({"document", "honour"})
#: Below this score a plan measure counts as not reported.
MATCH_THRESHOLD = 0.12
#: The shared terms listed per match.
SHARED_SHOWN = 8
_PERIOD = regex.compile(
    r"^(?P<year>\d{4})(?:(?P<unit>H)(?P<index>[12])|(?P<unit>Q)(?P<index>[1-4]))?$"
)
_TERM = regex.compile(r"[\p{Han}]|[A-Za-z]{2,}")
_MASK = regex.compile(r"^[XxＸ×＊*○□某]+$")
_TARGET_WORDS = regex.compile(r"目标|预期")
#: A sentence comparing over several years (年均, 比2002年, 五年来): its figures are not the
#: period's own, so another claim of the same cell is preferred.
_MULTI_YEAR = regex.compile(
    r"年均|平均每年|(?:与|比|较)(?:19|20)\d{2}年|[两三四五十]年(?:来|间|累计)|期间|时期"
    r"|过去[两三四五十]年"
)
_INPUT_TABLES = ("documents", "sections", "measures", "claims", "campaigns")


# --- periods --------------------------------------------------------------------------------
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


# --- input ----------------------------------------------------------------------------------
def load_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables ``workreport extract`` wrote to a folder (parquet, csv, jsonl, xlsx):
    the files its manifest names, each checked against it (a set mixed from two runs is a
    ``TableSetError``, a ValueError); a folder without one, the files found by name."""
    folder = Path(folder)
    readers = {
        ".parquet": pd.read_parquet,
        ".jsonl": lambda p: pd.read_json(p, lines=True, dtype=False),
        ".csv": lambda p: _unneutralise(pd.read_csv(p, encoding="utf-8-sig", dtype=str)),
        ".xlsx": lambda p: _unneutralise(pd.read_excel(p, dtype=str)),
    }
    named = table_files(folder)
    out: dict[str, pd.DataFrame] = {}
    for name in _INPUT_TABLES:
        found = named.get(name) or next(
            ([folder / f"{name}{s}"] for s in readers if (folder / f"{name}{s}").is_file()), []
        )
        if found:
            frames = [readers[p.suffix](p) for p in found]
            out[name] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if "documents" not in out:
        raise FileNotFoundError(f"{folder}: no documents table (documents.parquet/.csv/.jsonl)")
    return _typed(out)


def is_tables_dir(path: str | Path) -> bool:
    """Whether a folder holds extracted tables rather than reports."""
    path = Path(path)
    return path.is_dir() and any(
        (path / f"documents{s}").is_file() for s in (".parquet", ".csv", ".jsonl", ".xlsx")
    )


def _unneutralise(df: pd.DataFrame) -> pd.DataFrame:
    """Undo the ``'`` that CSV/XLSX export put before formula-like text."""
    for col in df.columns:
        s = df[col]
        if s.dtype == object:
            hit = s.str.match(r"^'[=+\-@\t\r]", na=False)
            df[col] = s.mask(hit, s.str[1:])
    return df


def _typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Numbers and flags back to numbers and flags after a text format."""
    numeric = {"start", "end", "chars", "level", "ordinal", "value", "low", "high"}
    flags = {"is_target", "masked", "has_placeholder"}
    ids = {"parent_id", "section_id", "measure_id"}  # absent (None), not empty
    for df in tables.values():
        for col in df.columns:
            if col in numeric:
                df[col] = pd.to_numeric(df[col], errors="coerce")
            elif col in flags and df[col].dtype != bool:
                df[col] = df[col].astype(str).str.lower().isin({"true", "1"})
            elif col in ids:
                df[col] = df[col].replace("", None)
            elif df[col].dtype == object or isinstance(df[col].dtype, pd.StringDtype):
                df[col] = df[col].fillna("")  # CSV and XLSX read an empty cell as missing
    return tables


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


def _documents(tables: Mapping[str, pd.DataFrame], manifest: pd.DataFrame | None) -> pd.DataFrame:
    docs = tables["documents"].copy()
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
    series, periods = [], []
    for doc in docs.itertuples():
        resolved = str(Path(doc.path).resolve()) if doc.path else ""
        names = by_name.get(Path(doc.path).name, [])
        row = (
            by_path.get(resolved)
            or by_stem.get(str(doc.doc_id))
            or (names[0] if len(names) == 1 else None)
        )
        series.append(row.series if row is not None and row.series else doc.series)
        periods.append(row.period if row is not None and row.period else doc.period)
    return docs.assign(series=series, period=periods)


# --- campaigns ------------------------------------------------------------------------------
def campaign_tables(docs: pd.DataFrame, campaigns: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``campaign_long`` (tidy counts with per-period status) and ``campaign_matrix`` (wide)."""
    camp = campaigns[~campaigns["kind"].isin(NOT_CAMPAIGNS)]
    camp = camp.merge(docs[["doc_id", "series", "period"]], on="doc_id")
    counts = camp.groupby(["series", "norm", "period"]).size().rename("count").reset_index()
    kinds = camp.groupby(["series", "norm"])["kind"].agg(lambda s: s.mode().iat[0])
    series_periods = {s: sorted_periods(g["period"]) for s, g in docs.groupby("series")}
    long_rows, wide_rows = [], []
    for (series, norm), group in counts.groupby(["series", "norm"]):
        periods = series_periods.get(series, [])
        seen = dict(zip(group["period"], group["count"], strict=True))
        present = [p for p in periods if seen.get(p, 0)]
        if not present:
            continue
        first, last = present[0], present[-1]
        previous_in, ever = False, False
        for period in periods:
            n = int(seen.get(period, 0))
            status = _period_status(n > 0, previous_in, ever)
            if status:
                long_rows.append((series, norm, kinds[(series, norm)], period, n, status))
            previous_in, ever = n > 0, ever or n > 0
        status = "dropped" if last != periods[-1] else "new" if first == last else "continued"
        wide = {"series": series, "norm": norm, "kind": kinds[(series, norm)]}
        wide.update({p: int(seen.get(p, 0)) for p in periods})
        wide.update(first_seen=first, last_seen=last, n_periods=len(present),
                    total=int(sum(seen.values())), status=status)  # fmt: skip
        wide_rows.append(wide)
    long = pd.DataFrame(long_rows, columns=["series", "norm", "kind", "period", "count", "status"])
    fixed = ["series", "norm", "kind"]
    tail = ["first_seen", "last_seen", "n_periods", "total", "status"]
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
    "approx", "change", "n_claims", "doc_id", "phrase", "sentence", "start", "end",
]  # fmt: skip


def indicator_tables(
    docs: pd.DataFrame,
    sections: pd.DataFrame,
    claims: pd.DataFrame,
    table: IndicatorTable,
) -> dict[str, pd.DataFrame]:
    """``indicator_long`` (one chosen value per cell) and ``indicator_panel`` (wide)."""
    c = claims[claims["value"].notna() & ~claims["masked"].astype(bool)].copy()
    c["indicator_phrase"] = c["indicator"].fillna("").astype(str)
    found = [table.match(p) for p in c["indicator_phrase"]]
    c["canonical"] = [f.name if f else "" for f in found]
    c["extra"] = [len(table.key(p)) - len(f.alias) if f else 0 for p, f in
                  zip(c["indicator_phrase"], found, strict=True)]  # fmt: skip
    c = c[c["canonical"] != ""]
    c = c.merge(docs[["doc_id", "series", "review_period", "plan_period"]], on="doc_id")
    sec = sections[["doc_id", "section_id", "period"]].rename(columns={"period": "sec_period"})
    c = c.merge(sec, on=["doc_id", "section_id"], how="left")
    sec = sections[["doc_id", "section_id", "kind", "title"]]
    sec = sec.rename(columns={"kind": "sec_kind", "title": "sec_title"})
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
    c["rank_target"] = ~(target & c["sentence"].fillna("").str.contains(_TARGET_WORDS.pattern))
    # a sentence over several years, or a section about a five-year period (“十四五”时期主要
    # 目标任务): its figures are not the year's own
    c["rank_span"] = c["sentence"].fillna("").str.contains(_MULTI_YEAR.pattern) | c[
        "sec_title"
    ].fillna("").astype(str).str.contains(_MULTI_YEAR.pattern)
    # a change of a count (比去年多100万人) is a difference, not the level: a level first
    rate = c["unit_key"].isin(["%", "‰", "个百分点", "倍"])
    c["rank_delta"] = c["change"].fillna("").astype(str).ne("") & ~rate
    c = c.sort_values(["rank_delta", "rank_target", "rank_span", "extra", "doc_id", "start"])
    keys = ["series", "canonical", "unit_key", "role", "period"]
    rows = []
    for key, group in c.groupby(keys, sort=False):
        best = group.iloc[0]
        rows.append([
            *key, best["value"], best["low"], best["high"], best["value_text"], best["approx"],
            best["change"], len(group), best["doc_id"], best["indicator_phrase"],
            best["sentence"], best["start"], best["end"],
        ])  # fmt: skip
    long = pd.DataFrame(rows, columns=_LONG_INDICATOR)
    long = long.assign(_k=long["period"].map(period_key))
    long = long.sort_values(["series", "indicator", "unit", "role", "_k"]).drop(columns="_k")
    long = long.reset_index(drop=True)
    periods = sorted_periods(long["period"])
    if long.empty:
        wide = pd.DataFrame(columns=["series", "indicator", "unit", "role", "n_periods"])
    else:
        wide = long.pivot_table(index=["series", "indicator", "unit", "role"], columns="period",
                                values="value", aggfunc="first")  # fmt: skip
        wide = wide.reindex(columns=periods)
        wide["n_periods"] = wide.notna().sum(axis=1)
        wide = wide.reset_index()
        wide.columns.name = None
    return {"indicator_long": long, "indicator_panel": wide}


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


def is_term(word: str, stopwords: frozenset[str]) -> bool:
    """A token worth counting: two or more letters, not a stop word, figure or mask."""
    if word in stopwords or _MASK.match(word):
        return False
    if len(_TERM.findall(word)) >= 2:
        return True
    return len(word) >= 2 and bool(_TERM.search(word)) and (not word.isascii() or word.isalpha())


def _terms(text: str, stopwords: frozenset[str], rules: RuleSet | None,
           keep: Iterable[tuple[int, int]] = ()) -> list[str]:  # fmt: skip
    from extractor.analysis.segment import tokens

    return [w for w, _, _ in tokens(text, rules=rules, keep=keep) if is_term(w, stopwords)]


# --- plan follow-up -------------------------------------------------------------------------
_FOLLOWUP = [
    "series", "plan_doc_id", "plan_period", "plan_measure_id", "plan_marker", "plan_headline",
    "review_doc_id", "review_period", "review_measure_id", "review_marker", "review_headline",
    "score", "shared_terms", "status",
]  # fmt: skip


def plan_followup(
    docs: pd.DataFrame,
    sections: pd.DataFrame,
    measures: pd.DataFrame,
    stopwords: frozenset[str],
    rules: RuleSet | None = None,
    threshold: float = MATCH_THRESHOLD,
) -> pd.DataFrame:
    """Each plan measure against the review measures of its period in the next document."""
    sec = sections[["doc_id", "section_id", "kind", "period"]]
    m = measures[measures["parent_id"].isna()].merge(sec, on=["doc_id", "section_id"])
    m = m.merge(docs[["doc_id", "series", "order", "plan_period", "review_period"]], on="doc_id")
    m["period"] = m["period"].fillna("").astype(str)
    plans, reviews = m[m["kind"] == "plan"], m[m["kind"] == "review"]
    rows: list[list[Any]] = []
    for series, series_plans in plans.groupby("series", sort=True):
        pool = reviews[reviews["series"] == series]
        terms = {
            (r.doc_id, r.measure_id): set(_terms(f"{r.headline}。{r.text}", stopwords, rules))
            for r in pd.concat([series_plans, pool]).itertuples()
        }
        df = Counter(t for ts in terms.values() for t in ts)
        n = max(len(terms), 1)
        idf = {t: math.log((n + 1) / (k + 1)) + 1 for t, k in df.items()}
        for plan in series_plans.sort_values(["order", "start"]).itertuples():
            period = plan.period or plan.plan_period
            later = pool[(pool["order"] > plan.order)]
            later = later[[overlaps(period, p or r) for p, r in
                           zip(later["period"], later["review_period"], strict=True)]]  # fmt: skip
            if later.empty:
                rows.append(_followup_row(series, plan, period, None, 0.0, [], "no_later_document"))
                continue
            later = later[later["order"] == later["order"].min()]
            best, score, shared = None, 0.0, []
            for review in later.itertuples():
                s, common = _similarity(
                    terms[(plan.doc_id, plan.measure_id)],
                    terms[(review.doc_id, review.measure_id)],
                    idf,
                )
                if s > score:
                    best, score, shared = review, s, common
            status = "reported" if best is not None and score >= threshold else "not_reported"
            rows.append(_followup_row(series, plan, period, best if status == "reported" else None,
                                      score, shared, status))  # fmt: skip
    return pd.DataFrame(rows, columns=_FOLLOWUP)


def _similarity(a: set[str], b: set[str], idf: Mapping[str, float]) -> tuple[float, list[str]]:
    """Cosine of idf-weighted term sets, and the shared terms, heaviest first."""
    if not a or not b:
        return 0.0, []
    shared = sorted(a & b, key=lambda t: (-idf[t], t))
    norm = math.sqrt(sum(idf[t] ** 2 for t in a) * sum(idf[t] ** 2 for t in b))
    return sum(idf[t] ** 2 for t in shared) / norm, shared


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
def _document_texts(tables: Mapping[str, pd.DataFrame], docs: pd.DataFrame) -> dict[str, str]:
    """Each document's text: the ``text`` column (``--with-text``), else the file re-read."""
    full = tables["documents"]
    if "text" in full.columns:
        texts = dict(zip(full["doc_id"], full["text"], strict=True))
        return {d: t for d, t in texts.items() if isinstance(t, str) and t}
    out = {}
    for doc in docs.itertuples():
        try:
            out[doc.doc_id] = read_document(doc.path).text
        except (OSError, ValueError):
            continue
    return out


def keyword_trends(
    docs: pd.DataFrame,
    texts: Mapping[str, str],
    campaigns: pd.DataFrame,
    stopwords: frozenset[str],
    rules: RuleSet | None = None,
    *,
    min_count: int = 3,
    top: int = 1000,
) -> pd.DataFrame:
    """Term frequency per 10,000 characters per (series, period); campaign names whole."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in campaigns[~campaigns["kind"].isin(NOT_CAMPAIGNS)].itertuples():
        spans[c.doc_id].append((int(c.start), int(c.end)))
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    chars: Counter[tuple[str, str]] = Counter()
    for doc in docs.itertuples():
        text = texts.get(doc.doc_id)
        if not text:
            continue
        key = (doc.series, doc.period)
        counts[key].update(_terms(text, stopwords, rules, keep=spans.get(doc.doc_id, ())))
        chars[key] += len(text)
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for (series, _), counter in counts.items():
        totals[series].update(counter)
    names = campaigns[~campaigns["kind"].isin(NOT_CAMPAIGNS)]["norm"]
    names = set(names.dropna().astype(str))
    rows = []
    for (series, period), counter in counts.items():
        keep = {t for t, n in totals[series].most_common(top) if n >= min_count}
        keep |= names & set(totals[series])  # campaign names, however rare
        for term, n in counter.items():
            if term in keep:
                rows.append((series, period, term, n, chars[(series, period)],
                             round(n * 10_000 / chars[(series, period)], 3)))  # fmt: skip
    out = pd.DataFrame(rows, columns=["series", "period", "term", "count", "chars", "per_10k"])
    out = out.assign(_k=out["period"].map(period_key))
    return out.sort_values(["series", "_k", "count", "term"], ascending=[True, True, False, True]
                           ).drop(columns="_k").reset_index(drop=True)  # fmt: skip


def section_profile(docs: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """Per document, the characters and share of text under top-level sections of each kind.

    Text before the first section and after the last (title, address, end matter) is kind
    ``none``; shares add up to one per document.
    """
    top = sections[sections["parent_id"].isna()]
    rows = []
    for doc in docs.itertuples():
        mine = top[top["doc_id"] == doc.doc_id]
        total = int(doc.chars) if pd.notna(doc.chars) and int(doc.chars) > 0 else 0
        by_kind: Counter[str] = Counter()
        n_by_kind: Counter[str] = Counter()
        for s in mine.itertuples():
            by_kind[str(s.kind)] += int(s.end) - int(s.start)
            n_by_kind[str(s.kind)] += 1
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
def compare(
    tables: Mapping[str, pd.DataFrame],
    *,
    manifest: str | Path | pd.DataFrame | None = None,
    rules: RuleSet | None = None,
    stopwords: str | Path | None = None,
    texts: Mapping[str, str] | None = None,
    min_count: int = 3,
    top_terms: int = 1000,
    min_score: float = MATCH_THRESHOLD,
) -> dict[str, pd.DataFrame]:
    """The comparison tables of a batch's tables (see the module docstring).

    ``manifest`` (a CSV path or a DataFrame with ``path,series,period``) overrides the
    series and period of the documents it lists.  ``min_score``: below it a plan counts as
    not reported.  Keyword trends keep the ``top_terms`` most frequent terms of a series seen
    ``min_count`` times or more, and every campaign name.  They need the documents' text:
    from ``texts``, the documents' ``text`` column, or else their files, re-read.
    """
    missing = [t for t in _INPUT_TABLES if t not in tables]
    if missing:
        raise ValueError(f"compare needs the tables {', '.join(missing)}")
    man = read_manifest(manifest) if isinstance(manifest, str | Path) else manifest
    docs = _documents(tables, man)
    ok = set(docs["doc_id"])
    sel = {n: tables[n][tables[n]["doc_id"].isin(ok)] for n in _INPUT_TABLES[1:]}
    stop = load_stopwords(stopwords, rules)
    out: dict[str, pd.DataFrame] = {}
    out.update(campaign_tables(docs, sel["campaigns"]))
    out.update(indicator_tables(docs, sel["sections"], sel["claims"], indicator_table(rules)))
    out["plan_followup"] = plan_followup(
        docs, sel["sections"], sel["measures"], stop, rules, threshold=min_score
    )
    doc_texts = dict(texts) if texts is not None else _document_texts(tables, docs)
    out["keyword_trends"] = keyword_trends(
        docs, doc_texts, sel["campaigns"], stop, rules, min_count=min_count, top=top_terms
    )
    out["section_profile"] = section_profile(docs, sel["sections"])
    cols = ["doc_id", "series", "period", "review_period", "plan_period", "doc_type", "order"]
    out["periods"] = docs[[*cols, "path"]]
    return out


class _CallableModule(types.ModuleType):
    """``extractor.analysis.compare`` is both this module and the function ``compare``."""

    def __call__(self, tables: Mapping[str, pd.DataFrame], **options: Any) -> dict[str, Any]:
        return compare(tables, **options)


sys.modules[__name__].__class__ = _CallableModule
