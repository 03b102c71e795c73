"""Rows of an earlier run's tables, read a block at a time and copied as they were written.

``extract --resume`` keeps the documents an earlier run finished.  Their rows are not read
into Python values and written again (a 1 GB batch's tables became 9.3 GB of dicts, and
JSON Lines floats came back changed: 1.36 → 1.3599999999999999): each table file is
streamed, every record whose ``doc_id`` is kept is handed to the new writer as it was
written (a JSON Lines line, a CSV record of strings, an XLSX row of cell values, a Parquet
chunk filtered in Arrow), and nothing else stays in memory.

A ``doc_id`` here is the cell as the file holds it: in CSV and XLSX a formula-like one
carries the ``'`` that neutralised it (:func:`stored`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extractor.export.tables import TableWriter, columns_of, neutralise

_BATCH = 1 << 14


def stored(value: str, fmt: str) -> str:
    """A text cell as a table file of ``fmt`` holds it."""
    return str(neutralise(value)) if fmt in ("csv", "xlsx") else value


def carry(
    writer: TableWriter, table: str, path: Path, keep: Collection[str], *, with_text: bool
) -> None:
    """Copy into ``writer`` the rows of ``path`` (an earlier ``table`` file of the writer's
    format) whose doc_id is in ``keep``."""
    fmt = writer.fmt
    if fmt == "parquet":
        writer.write_raw(table, _parquet_chunks(path, table, keep, with_text=with_text))
        return
    header, records = _records(path, fmt, table)
    _check(header, table, path, with_text=with_text)
    writer.write_raw(table, (raw for doc_id, _, raw in records if doc_id in keep))


def read_columns(
    path: Path, fmt: str, table: str, wanted: Sequence[str], *, with_text: bool
) -> Iterator[dict[str, Any]]:
    """The ``wanted`` cells of each row of an earlier table file, as the file holds them
    (CSV: strings; the others: their types), one row at a time."""
    if fmt == "parquet":
        source = pq.ParquetFile(path)
        _check(source.schema_arrow.names, table, path, with_text=with_text)
        for batch in source.iter_batches(batch_size=_BATCH, columns=list(wanted)):
            yield from batch.to_pylist()
        return
    header, records = _records(path, fmt, table)
    _check(header, table, path, with_text=with_text)
    if header is None:
        return
    for _, values, _ in records:
        row = dict(zip(header, values, strict=False))
        yield {name: row.get(name) for name in wanted}


def _check(header: Sequence[str] | None, table: str, path: Path, *, with_text: bool) -> None:
    if header is None:  # an empty JSON Lines file: no rows, nothing to match
        return
    if list(header) != [c.name for c in columns_of(table, with_text=with_text)]:
        hint = " or with a different --with-text" if table == "documents" else ""
        raise ValueError(
            f"{path}: its columns are not those of the {table} table (written by another "
            f"version of workreport{hint}?)"
        )


def _parquet_chunks(
    path: Path, table: str, keep: Collection[str], *, with_text: bool
) -> Iterator[pa.Table]:
    source = pq.ParquetFile(path)
    _check(source.schema_arrow.names, table, path, with_text=with_text)
    wanted = pa.array(sorted(keep), type=pa.string())
    for batch in source.iter_batches(batch_size=_BATCH):
        chunk = pa.Table.from_batches([batch])
        chunk = chunk.filter(pc.is_in(chunk.column("doc_id"), value_set=wanted))
        if chunk.num_rows:
            yield chunk


def _records(path: Path, fmt: str, table: str) -> tuple[list[str] | None, Iterator[Any]]:
    """The header of a text or XLSX table file and an iterator of its records as
    ``(doc_id, values, what to write back)``."""
    if fmt == "jsonl":
        return _jsonl(path)
    if fmt == "csv":
        handle = path.open(encoding="utf-8-sig", newline="")
        reader = csv.reader(handle)
        header = next(reader, None)
        return header, _closing(handle, ((r[0], r, r) for r in reader if r))
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = book[table].iter_rows(values_only=True)
    first = next(rows, None)
    header = None if first is None else [str(c) for c in first]
    return header, _closing(book, ((str(r[0]), r, r) for r in rows if r and r[0] is not None))


def _jsonl(path: Path) -> tuple[list[str] | None, Iterator[Any]]:
    handle = path.open(encoding="utf-8")
    first = handle.readline()
    if not first.strip():
        handle.close()
        return None, iter(())
    header = list(json.loads(first))

    def lines() -> Iterator[tuple[str, list[Any], str]]:
        yield _jsonl_record(first)
        for line in handle:
            if line.strip():
                yield _jsonl_record(line)

    return header, _closing(handle, lines())


def _jsonl_record(line: str) -> tuple[str, list[Any], str]:
    values = json.loads(line)
    return str(values["doc_id"]), list(values.values()), line


def _closing(resource: Any, items: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from items
    finally:
        resource.close()
