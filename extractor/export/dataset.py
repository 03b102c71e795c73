"""Tables as partitioned Parquet datasets: ``DIR/<table>/part-00000.parquet``, part by part.

A batch too large for one table file per table (or run on many machines) writes each table
as a folder of parts.  Part ``N`` of every table holds the rows of the same documents (one
chunk of the batch's inputs, in input order), so the rows of a document never straddle
parts.  Each part file is written whole to a temporary name beside it and renamed (on an
object store, where a rename is a copy, it is put whole in one request), and the documents
part is written last: **a part is complete when ``documents/part-N.parquet`` exists**.
Readers read the complete parts only, and a resumed batch redoes the others, so a worker
that dies mid-part leaves at worst a stray temporary file (``.part-….tmp``) or table parts
that the next attempt overwrites.

The files of a dataset are fixed, relative paths (``claims/part-00003.parquet``) that are
never changed once renamed into place, so a manifest listing every file with its row
count and hash describes a dataset as it describes single table files
(:func:`dataset_files` lists them with their row counts).

:func:`read_table` reads a table from either layout (``DIR/<table>.parquet`` or the
dataset), only the columns asked for; :func:`pieces` cuts it into pieces (the parts of a
dataset, the row groups of a file) that :func:`read_piece` reads one at a time, in any
process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from extractor.export.rows import TABLES
from extractor.export.tables import arrow_table
from extractor.io.atomic import temp_beside

#: The name of part ``N`` of a table.
PART = "part-{:05d}.parquet"
_PART = re.compile(r"^part-(\d{5,})\.parquet$")
#: The table whose part is written last: its presence marks the part complete.
MARKER = "documents"


def part_name(index: int) -> str:
    return PART.format(index)


def is_url(path: str | os.PathLike[str]) -> bool:
    """Whether a path names a file through an fsspec protocol (``s3://``, ``memory://``)."""
    return "://" in str(path) and not str(path).startswith("file://")


def _local(path: str | os.PathLike[str]) -> Path:
    text = str(path)
    return Path(text[len("file://") :] if text.startswith("file://") else text)


def write_tables(
    out: str | os.PathLike[str],
    index: int,
    tables: Mapping[str, pa.Table],
    *,
    with_text: bool = False,
) -> dict[str, int]:
    """Write part ``index`` of every table from Arrow tables of each table's schema (a table
    missing from ``tables`` is written empty; documents last); the rows written per table."""
    counts: dict[str, int] = {}
    for name in [*(t for t in TABLES if t != MARKER), MARKER]:
        table = tables.get(name)
        if table is None:
            table = arrow_table(name, [], with_text=with_text)
        sink = pa.BufferOutputStream()
        pq.write_table(table.combine_chunks(), sink)
        _put(out, f"{name}/{part_name(index)}", sink.getvalue().to_pybytes())
        counts[name] = table.num_rows
    return counts


def _put(out: str | os.PathLike[str], relative: str, data: bytes) -> None:
    """Write one file of a dataset whole: a temporary file renamed, or one object put."""
    if is_url(out):
        import fsspec

        fs, root = fsspec.core.url_to_fs(str(out))
        fs.makedirs(f"{root}/{relative.rsplit('/', 1)[0]}", exist_ok=True)
        fs.pipe_file(f"{root}/{relative}", data)
        return
    final = _local(out) / relative
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_beside(final)
    try:
        temp.write_bytes(data)
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


def is_dataset(folder: str | os.PathLike[str]) -> bool:
    """Whether a local folder holds tables as datasets (a ``documents/`` folder of parts)."""
    return (_local(folder) / MARKER).is_dir()


def complete_parts(folder: str | os.PathLike[str]) -> list[int]:
    """The indices of the complete parts of a local dataset, in order."""
    marker = _local(folder) / MARKER
    if not marker.is_dir():
        return []
    found = (_PART.match(p.name) for p in marker.iterdir())
    return sorted(int(m[1]) for m in found if m)


def part_paths(folder: str | os.PathLike[str], table: str) -> list[Path]:
    """The files of one table's complete parts, in part order."""
    base = _local(folder)
    return [base / table / part_name(i) for i in complete_parts(base)]


def dataset_files(folder: str | os.PathLike[str]) -> list[tuple[str, int]]:
    """Every file of a dataset's complete parts, relative to ``folder``, with its rows."""
    base = _local(folder)
    return [
        (path.relative_to(base).as_posix(), pq.ParquetFile(path).metadata.num_rows)
        for name in TABLES
        for path in part_paths(base, name)
        if path.is_file()
    ]


def _dataset(folder: str | os.PathLike[str], table: str) -> ds.Dataset | None:
    """A table of a folder as a pyarrow dataset (a single file or its parts), or None."""
    base = _local(folder)
    single = base / f"{table}.parquet"
    if single.is_file():
        return ds.dataset(single, format="parquet")
    if is_dataset(base):
        paths = [p for p in part_paths(base, table) if p.is_file()]
        missing = len(complete_parts(base)) - len(paths)
        if missing:
            raise FileNotFoundError(f"{base / table}: {missing} part(s) missing")
        if paths:
            return ds.dataset([str(p) for p in paths], format="parquet")
    return None


def has_table(folder: str | os.PathLike[str], table: str) -> bool:
    """Whether a folder holds a table as a Parquet file or dataset."""
    base = _local(folder)
    return (base / f"{table}.parquet").is_file() or (is_dataset(base) and (base / table).is_dir())


def read_table(
    folder: str | os.PathLike[str],
    table: str,
    columns: Sequence[str] | None = None,
    *,
    filter: Any = None,
    part: int | None = None,
) -> pd.DataFrame:
    """One table of a folder (file or dataset) as a DataFrame: ``columns`` only, rows
    passing ``filter`` (a ``pyarrow.dataset`` expression) only; of one ``part`` only."""
    if part is not None:
        path = _local(folder) / table / part_name(part)
        return _pandas(pq.read_table(path, columns=list(columns) if columns else None))
    data = _dataset(folder, table)
    if data is None:
        raise FileNotFoundError(f"{_local(folder)}: no {table} table ({table}.parquet or {table}/)")
    return _pandas(data.to_table(columns=_present(data, columns), filter=filter))


def pieces(folder: str | os.PathLike[str], table: str) -> list[tuple[str, int | None]]:
    """A table of a folder in pieces: each part of a dataset, or each row group of a file."""
    base = _local(folder)
    single = base / f"{table}.parquet"
    if single.is_file():
        return [(str(single), i) for i in range(pq.ParquetFile(single).num_row_groups)]
    if _dataset(base, table) is None:
        raise FileNotFoundError(f"{base}: no {table} table ({table}.parquet or {table}/)")
    return [(str(path), None) for path in part_paths(base, table)]


def read_piece(
    where: tuple[str, int | None],
    columns: Sequence[str],
    *,
    doc_ids: Collection[str] | None = None,
    arrow: bool = False,
    keep: Callable[[pa.Table], pa.Table] | None = None,
) -> Any:
    """One piece (:func:`pieces`) with these columns (those the file has); only the rows of
    ``doc_ids`` when given, chosen in Arrow (the others never become pandas objects).  A
    DataFrame, or with ``arrow`` the ``pyarrow.Table``; ``keep`` chooses rows in Arrow."""
    path, group = where
    schema = pq.read_schema(path)
    present = [c for c in columns if c in schema.names]
    wanted = present if doc_ids is None or "doc_id" in present else [*present, "doc_id"]
    # as Arrow, strings are read as dictionaries: a term table's words repeat, and reading
    # each row's string costs ten times reading the file's dictionary pages
    words = [c for c in wanted if arrow and pa.types.is_string(schema.field(c).type)]
    handle = pq.ParquetFile(path, read_dictionary=words)
    if group is None:
        table = handle.read(columns=wanted)
    else:
        table = handle.read_row_group(group, columns=wanted)
    if doc_ids is not None:
        table = table.filter(_among(table["doc_id"], pa.array(list(doc_ids), pa.string())))
        table = table.select(present)
    if keep is not None:
        table = keep(table)
    return table if arrow else _pandas(table)


def _among(column: pa.ChunkedArray, values: pa.Array) -> pa.ChunkedArray:
    """Which rows of a column hold one of ``values`` (of a dictionary column: each chunk's
    dictionary tested once)."""
    if not pa.types.is_dictionary(column.type):
        return pc.is_in(column.cast(pa.string()), value_set=values)
    return pa.chunked_array(
        [pc.take(pc.is_in(c.dictionary.cast(pa.string()), value_set=values), c.indices)
         for c in column.chunks],
        type=pa.bool_(),
    )  # fmt: skip


def _present(data: ds.Dataset, columns: Sequence[str] | None) -> list[str] | None:
    if columns is None:
        return None
    names = set(data.schema.names)
    return [c for c in columns if c in names]


def _pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with the tables' dtypes (the files carry pandas' metadata)."""
    return table.to_pandas()
