"""Tables as pandas DataFrames for exploring: from a folder of reports, or read back from
the files ``workreport extract`` and ``workreport compare`` wrote.

- :func:`parse_folder` parses every report under a path (in worker processes with
  ``jobs``) and returns the tables of SPEC §4, as ``Report.tables()`` does for one report;
- :func:`read_tables` reads a folder of written tables in any format (Parquet, CSV, JSON
  Lines, XLSX) with the dtypes they were written with: the tables of ``extract`` take the
  kinds of ``export.rows.TABLES`` (``Int64``, ``float64``, ``bool``, ``string``), those of
  ``compare`` the kinds of :data:`COMPARE_KINDS`, and the text formats undo the ``'`` that
  neutralised formula-like cells.  Parquet keeps its own types.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import regex

from extractor.batch.parallel import default_jobs
from extractor.batch.run import map_batch
from extractor.errors import InputError
from extractor.export.rows import TABLES, columns_of, report_rows, table_rows
from extractor.export.tables import frame
from extractor.export.tableset import table_files
from extractor.io.reading import iter_inputs
from extractor.model import Report
from extractor.rules.loader import RuleSet

PathLike = str | os.PathLike[str]
#: The formats read, the first one found winning when a table was written in several.
SUFFIXES = (".parquet", ".jsonl", ".csv", ".xlsx")
#: The kinds of the columns of ``compare``'s tables (a column not named here is text,
#: unless every value of it reads as a number).
COMPARE_KINDS = {
    **dict.fromkeys(["value", "low", "high", "per_10k", "score", "share"], "float"),
    **dict.fromkeys(
        ["n_claims", "start", "end", "count", "chars", "n_periods", "total", "order", "sections"],
        "int",
    ),
    **dict.fromkeys(["conflict", "chosen"], "bool"),
}
#: The kind of a compare table's period columns (``2020``, ``2020H1``): counts or values.
PERIOD_COLUMNS = {"campaign_matrix": "int", "indicator_panel": "float"}
_PERIOD = regex.compile(r"^\d{4}(?:H[12]|Q[1-4])?$")
_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "bool"}
_NEUTRALISED = regex.compile(r"^'[=+\-@\t\r]")


def parse_folder(
    *paths: PathLike,
    jobs: int = 0,
    rules: RuleSet | None = None,
    with_text: bool = False,
    max_chars: int | None = None,
) -> dict[str, pd.DataFrame]:
    """Parse every report under ``paths`` (files or folders, recursively) into tables.

    The tables and columns are those of ``workreport extract`` (SPEC §4), keyed by table
    name.  ``jobs`` worker processes parse (0: one per core; batches under 8 files stay in
    this process); rows keep the input order.  A file that cannot be read is a
    ``documents`` row with ``status="error"``.  ``with_text`` adds each document's text to
    the documents table (``compare`` then needs not read the files again).
    """
    inputs = iter_inputs(paths)
    if not inputs:
        shown = ", ".join(str(p) for p in paths) or "(no path given)"
        raise InputError(f"{shown}: no report files (.txt, .md, .docx, .pdf, .html)")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    to_rows = partial(report_rows, with_text=with_text)
    for _, found in map_batch(
        inputs, to_rows, rules=rules, max_chars=max_chars, jobs=jobs or default_jobs()
    ):
        for name in TABLES:
            rows[name].extend(found.rows.get(name, ()))
    return {name: frame(name, rows[name], with_text=with_text) for name in TABLES}


def report_frame(report: Report, kind: str, *, with_text: bool = False) -> pd.DataFrame:
    """One table of one report (``Report.to_frame(kind)``), with the columns of SPEC §4."""
    if kind not in TABLES:
        raise ValueError(f"unknown table {kind!r}; choose one of {', '.join(TABLES)}")
    return frame(kind, table_rows(report, kind, with_text=with_text), with_text=with_text)


def read_tables(folder: PathLike, *, names: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables written to ``folder``, keyed by name, with the dtypes they had.

    Reads ``<table>.parquet``, ``.jsonl``, ``.csv`` and ``.xlsx`` (``extract`` writes one
    workbook per table, ``compare`` one ``compare.xlsx`` with a sheet per table); where a
    table was written in several formats the first of :data:`SUFFIXES` wins.  ``names``
    keeps only those tables.  Raises :class:`FileNotFoundError` when the folder holds none.
    """
    base = Path(folder)
    if not base.is_dir():
        raise FileNotFoundError(f"{base}: no such folder")
    wanted = set(names) if names is not None else None
    found: dict[str, pd.DataFrame] = {}
    # a folder with a manifest (extract's set): the files it names, each checked against
    # it, so that tables mixed from two runs are an error (TableSetError), never one set
    named = table_files(base)
    for name, files in named.items():
        if (wanted is not None and name not in wanted) or not files:
            continue
        # a file a pending commit has not renamed yet is read under its temporary name
        kind = next((x for x in SUFFIXES if x in files[0].name), files[0].suffix)
        parts = [df for path in files for df in _read(path, kind).values()]
        df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        found[name] = df if kind == ".parquet" else typed(name, df, neutralised=kind != ".jsonl")
    for suffix in SUFFIXES if not named else ():  # a manifest names every table of the set
        for path in sorted(base.glob(f"*{suffix}")):
            if path.name.startswith("."):  # a temporary file of an atomic write
                continue
            for name, df in _read(path).items():
                if name in found or (wanted is not None and name not in wanted):
                    continue
                own_types = suffix == ".parquet"  # Parquet keeps the types it was written with
                found[name] = df if own_types else typed(name, df, neutralised=suffix != ".jsonl")
    if not found:
        raise FileNotFoundError(
            f"{base}: no tables ({', '.join('*' + s for s in SUFFIXES)}) written by extract or "
            "compare"
        )
    return found


def _read(path: Path, suffix: str | None = None) -> dict[str, pd.DataFrame]:
    readers: dict[str, Callable[[Path], dict[str, pd.DataFrame]]] = {
        ".parquet": lambda p: {p.stem: pd.read_parquet(p)},
        ".jsonl": lambda p: {p.stem: _read_jsonl(p)},
        ".csv": lambda p: {
            p.stem: pd.read_csv(p, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        },
        ".xlsx": lambda p: pd.read_excel(p, sheet_name=None, dtype=str, keep_default_na=False),
    }
    return readers[suffix or path.suffix](path)


def _read_jsonl(path: Path) -> pd.DataFrame:
    if path.stat().st_size == 0:  # an empty table: its columns are known by name only
        return pd.DataFrame()
    return pd.read_json(path, lines=True, dtype=False)


def typed(name: str, df: pd.DataFrame, *, neutralised: bool = False) -> pd.DataFrame:
    """A table read from a file with the dtypes of its columns; ``neutralised``: undo the
    ``'`` that CSV and XLSX put before formula-like text.

    The tables of ``extract`` get the dtypes of ``frame`` (``string``, ``Int64``,
    ``float64``, ``bool``; an absent id is ``<NA>``, other text ``""``); those of ``compare``
    the dtypes it returns (pandas' default text dtype, ``int64`` or, where a value is
    missing, ``Int64``, ``float64``).
    """
    if name in TABLES and not len(df.columns):  # an empty JSON Lines file
        return frame(name, [])
    kinds = column_kinds(name, df.columns)
    out = {}
    for column in df.columns:
        values = df[column].reset_index(drop=True)
        if neutralised and _is_text(values):
            text = values.astype("string")
            values = text.mask(text.str.match(_NEUTRALISED.pattern, na=False), text.str[1:])
        kind = kinds.get(column) or _guess(values)
        out[column] = _as_kind(values, kind, column, own=name in TABLES)
    return pd.DataFrame(out, columns=list(df.columns))


def column_kinds(name: str, columns: Iterable[Any]) -> dict[str, str]:
    """The kind (str, int, float, bool) of each known column of table ``name``."""
    columns = [str(c) for c in columns]
    if name in TABLES:
        spec = columns_of(name, with_text="text" in columns and name == "documents")
        return {c.name: c.kind for c in spec}
    kinds = {c: COMPARE_KINDS.get(c, "str") for c in columns if not _PERIOD.match(c)}
    period_kind = PERIOD_COLUMNS.get(name)
    kinds.update({c: period_kind for c in columns if period_kind and _PERIOD.match(c)})
    return kinds


def _is_text(values: pd.Series) -> bool:
    return values.dtype == object or isinstance(values.dtype, pd.StringDtype)


def _guess(values: pd.Series) -> str:
    """The kind of a column no table declares: as read, or numbers if all read as one."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(values.dtype):
        return "int"
    if pd.api.types.is_float_dtype(values.dtype):
        return "float"
    numbers = pd.to_numeric(values.replace("", None), errors="coerce")
    if numbers.notna().sum() == (values.astype("string").fillna("") != "").sum():
        whole = numbers.dropna().eq(numbers.dropna().round()).all()
        return "int" if whole else "float"
    return "str"


def _as_kind(values: pd.Series, kind: str, column: str, *, own: bool) -> pd.Series:
    """``values`` as ``kind``; ``own``: a table of ``extract`` (``frame``'s dtypes)."""
    if kind == "bool":
        if pd.api.types.is_bool_dtype(values.dtype):
            return values.astype(bool)
        return values.astype("string").str.lower().isin(["true", "1", "1.0"]).astype(bool)
    if kind in ("int", "float"):
        numbers = values
        if not pd.api.types.is_numeric_dtype(values.dtype):
            numbers = pd.to_numeric(values.replace("", None), errors="coerce")
        if kind == "float":
            return numbers.astype("float64")
        return numbers.astype("Int64" if own or numbers.isna().any() else "int64")
    if not own:  # compare's text: pandas' default text dtype, missing as ""
        return values.where(values.notna(), "").astype(str)
    text = values.astype("string")
    if _nullable(column):  # an absent id or related place was None
        return text.replace("", None)
    return text.fillna("")


def _nullable(column: str) -> bool:
    """A text column whose absent value is None, not "": the ids (but ``doc_id``) and a
    finding's ``related_*`` place."""
    return (column.endswith("_id") and column != "doc_id") or column.startswith("related_")
