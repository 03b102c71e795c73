"""The comparison tables written to files: whole (:func:`write_results`) or window by window
as :func:`extractor.analysis.compare.compare_parts` yields them (:func:`write_parts`), each
file written beside its place and renamed onto it when complete."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.export.tables import neutralise_frame
from extractor.io.atomic import atomic_path, temp_beside

XLSX_MAX_ROWS = 1_048_576  # a sheet's rows, the header included


def write_results(results: dict[str, pd.DataFrame], out: Path, fmt: str) -> list[Path]:
    """Write each table to ``out/<name>.<fmt>`` (xlsx: one workbook) via a temporary file."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        final = out / "compare.xlsx"
        too_long = [name for name, df in results.items() if len(df) >= XLSX_MAX_ROWS]
        if too_long:
            raise ValueError(f"{', '.join(too_long)}: too many rows for XLSX; use parquet or csv")
        with atomic_path(final) as temp, pd.ExcelWriter(temp, engine="openpyxl") as book:
            for name, df in results.items():
                neutralise_frame(df).to_excel(book, sheet_name=name[:31], index=False)
        return [final]
    written = []
    for name, df in results.items():
        final = out / f"{name}.{fmt}"
        with atomic_path(final) as temp:
            if fmt == "parquet":
                df.to_parquet(temp, index=False)
            elif fmt == "csv":
                neutralise_frame(df).to_csv(
                    temp, index=False, encoding="utf-8-sig", lineterminator="\r\n"
                )
            else:
                df.to_json(temp, orient="records", lines=True, force_ascii=False)
        written.append(final)
    return written


class WriteError(Exception):
    """Writing a comparison table failed (its cause says why)."""


@dataclass
class Streamed:
    """What :func:`write_parts` wrote: the files, each table's rows, and the two tables the
    command reports from (the warnings and the documents' periods)."""

    written: list[Path]
    rows: dict[str, int]
    warnings: pd.DataFrame
    periods: pd.DataFrame


def write_parts(parts: Iterable[tuple[str, pd.DataFrame]], out: Path, fmt: str) -> Streamed:
    """Write :func:`~extractor.analysis.compare.compare_parts`' rows to ``out/<name>.<fmt>``
    as they come (parquet, csv or jsonl), each file put in place when every part is
    written: the same tables as :func:`write_results` of ``compare``'s, without holding
    them.  A window's ``indicator_panel`` is set aside (Parquet beside the output) until
    the batch's periods, its columns, are known."""
    from extractor.analysis.compare import TABLE_ORDER, panel_columns

    out.mkdir(parents=True, exist_ok=True)
    spill = temp_beside(out / "compare-parts")
    try:
        with ExitStack() as stack:
            sinks = {
                name: stack.enter_context(TableSink(out / f"{name}.{fmt}", fmt, spill / name))
                for name in TABLE_ORDER
            }
            panels: list[Path] = []
            periods: set[str] = set()
            kept: dict[str, pd.DataFrame] = {}
            for name, frame in parts:
                if name == "indicator_panel":  # its columns wait for the batch's periods
                    spill.mkdir(exist_ok=True)
                    panels.append(spill / f"panel-{len(panels):05d}.parquet")
                    frame.to_parquet(panels[-1], index=False)
                    continue
                if name == "indicator_long":
                    periods.update(frame["period"].astype(str).unique())
                if name in ("warnings", "periods"):
                    kept[name] = frame
                _guarded(sinks[name].add, frame)
            columns = panel_columns(periods)
            for path in panels:
                _guarded(sinks["indicator_panel"].add,
                         pd.read_parquet(path).reindex(columns=columns))  # fmt: skip
            for sink in sinks.values():
                _guarded(sink.close)
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    rows = {name: sink.rows for name, sink in sinks.items()}
    return Streamed([s.final for s in sinks.values()], rows, kept["warnings"], kept["periods"])


def _guarded(call: Callable[..., None], *args: Any) -> None:
    try:
        call(*args)
    except (OSError, ValueError) as exc:
        raise WriteError() from exc


@dataclass
class TableSink:
    """One comparison table written a part at a time into a temporary file, renamed onto
    ``final`` by :meth:`close` (left out on an error).  Empty parts are skipped (a table of
    none but empty parts is its first); CSV and JSON Lines append each part as its own
    frame would be written; Parquet keeps its first part in memory, written alone as before
    when it is the only one, else every part goes to ``spill`` and they are written
    together, one row group each, with their types unified."""

    final: Path
    fmt: str
    spill: Path
    rows: int = 0
    _temp: Path | None = None
    _empty: pd.DataFrame | None = None
    _first: pd.DataFrame | None = None
    _spilled: list[Path] = field(default_factory=list)
    _closed: bool = False

    def __enter__(self) -> TableSink:
        self._temp = temp_beside(self.final)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._temp is not None
        self._temp.unlink(missing_ok=True)

    def add(self, frame: pd.DataFrame) -> None:
        if not len(frame):
            if self._empty is None:
                self._empty = frame
            return
        self.rows += len(frame)
        if self.fmt != "parquet":
            self._append(frame)
        elif self._first is None and not self._spilled:
            self._first = frame
        else:
            if self._first is not None:
                self._spill(self._first)
                self._first = None
            self._spill(frame)

    def close(self) -> None:
        assert self._temp is not None
        if self.fmt == "parquet":
            if self._spilled:
                join_parquet(self._spilled, self._temp)
            else:
                first = self._first if self._first is not None else self._empty
                _frame_or_columns(first).to_parquet(self._temp, index=False)
        elif not self.rows:
            self._append(_frame_or_columns(self._empty))
        os.replace(self._temp, self.final)

    def _append(self, frame: pd.DataFrame) -> None:
        assert self._temp is not None
        first = not self._temp.exists()
        if self.fmt == "csv":
            neutralise_frame(frame).to_csv(
                self._temp, mode="w" if first else "a", header=first, index=False,
                encoding="utf-8-sig" if first else "utf-8", lineterminator="\r\n",
            )  # fmt: skip
        else:
            with self._temp.open("w" if first else "a", encoding="utf-8") as handle:
                frame.to_json(handle, orient="records", lines=True, force_ascii=False)

    def _spill(self, frame: pd.DataFrame) -> None:
        self.spill.mkdir(parents=True, exist_ok=True)
        self._spilled.append(self.spill / f"{len(self._spilled):05d}.parquet")
        frame.to_parquet(self._spilled[-1], index=False)


def _frame_or_columns(frame: pd.DataFrame | None) -> pd.DataFrame:
    return frame if frame is not None else pd.DataFrame()


def join_parquet(paths: list[Path], target: Path) -> None:
    """The Parquet files' rows in one file, one row group a file, read one at a time: their
    types unified (a column all empty in one part takes the others' type), the pandas
    metadata of the first part with each column's entry from a part where it has that type."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = [pq.read_schema(p) for p in paths]
    unified = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
    meta = json.loads(schemas[0].metadata[b"pandas"])
    for at, column in enumerate(meta["columns"]):
        name = column["name"]
        if name in unified.names and schemas[0].field(name).type != unified.field(name).type:
            found = next(s for s in schemas if s.field(name).type == unified.field(name).type)
            meta["columns"][at] = json.loads(found.metadata[b"pandas"])["columns"][at]
    schema = unified.with_metadata({b"pandas": json.dumps(meta).encode()})
    with pq.ParquetWriter(target, schema) as writer:
        for path in paths:
            writer.write_table(pq.read_table(path).cast(schema))
