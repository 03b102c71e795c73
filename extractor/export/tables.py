"""Reports as tables (SPEC §4): pandas DataFrames, and files written as a batch streams by.

The column registry ``TABLES`` and the rows of a report live in :mod:`extractor.export.rows`
(no pandas there, so worker processes build rows cheaply); they are re-exported here.
Integers are nullable ``Int64``, flags ``bool``, floats ``float64`` (NaN when absent),
text pandas ``string``.

:class:`TableWriter` writes Parquet, CSV (UTF-8 with BOM), JSON Lines or one XLSX workbook
per table, flushing rows every few documents so memory does not grow with the batch.  Each
output is written to a temporary file in the output folder; on close the set of them is
put in place as one (:mod:`extractor.export.tableset`: a journal, the renames, a manifest
naming every file with its rows and sha256), so a crash leaves the earlier set or the new
one, never a mix.  After an exception the temporary files are removed and the earlier set is
left untouched.  The writer holds the folder's lock from open to close: a second run into the
same folder fails at once.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extractor.export import tableset
from extractor.export.rows import (
    TABLES,
    Column,
    ReportRows,
    TableSpec,
    columns_of,
    report_rows,
    table_rows,
)
from extractor.io.atomic import temp_beside

if TYPE_CHECKING:
    from extractor.model import Report

__all__ = [
    "FORMATS", "TABLES", "Column", "ReportRows", "TableSpec", "TableWriter", "arrow_schema",
    "arrow_table", "columns_of",
    "frame", "neutralise", "neutralise_frame", "report_rows", "report_tables", "table_rows",
    "unneutralise",
]  # fmt: skip
_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "bool"}
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
FORMATS = ("parquet", "csv", "jsonl", "xlsx")
#: XLSX puts every table in one workbook, one sheet per table.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MAX_CELL, _XLSX_MAX_ROWS = 32_767, 1_048_576
#: RFC 4180 line ends; with them the csv writer also quotes fields holding a lone ``\r``.
_CRLF = "\r\n"


def frame(table: str, rows: list[dict[str, Any]], *, with_text: bool = False) -> pd.DataFrame:
    """Rows as a DataFrame with the table's columns and dtypes (also when empty)."""
    columns = columns_of(table, with_text=with_text)
    data = {c.name: pd.Series([r[c.name] for r in rows], dtype=_DTYPES[c.kind]) for c in columns}
    return pd.DataFrame(data, columns=[c.name for c in columns])


def report_tables(reports: Iterable[Report], *, with_text: bool = False) -> dict[str, pd.DataFrame]:
    """All tables of a set of reports as DataFrames, keyed by table name."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for report in reports:
        for name in TABLES:
            rows[name].extend(table_rows(report, name, with_text=with_text))
    return {name: frame(name, rows[name], with_text=with_text) for name in TABLES}


def neutralise(value: Any) -> Any:
    """Prefix ``'`` to text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """A text cell as it was before :func:`neutralise` (read back from CSV or XLSX)."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells that a spreadsheet would read as formulas are neutralised."""
    df = df.copy()
    for name in df.columns:
        if isinstance(df[name].dtype, pd.StringDtype):
            s = df[name]
            hit = s.str.startswith(_FORMULA_START).fillna(False).astype(bool)
            df[name] = s.mask(hit, "'" + s)
        elif df[name].dtype == object:  # mixed columns (the comparison tables)
            df[name] = df[name].map(neutralise)
    return df


def _json_value(value: Any) -> Any:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n"


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (they are delivered after the block) while the set of tables
    is put in place; only the main thread can hold them."""
    held = {signal.SIGINT, signal.SIGTERM}
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


#: Queued rows of one table that make :class:`TableWriter` write that table before
#: ``flush_every`` reports: a long report has some 6,000 term rows, and 50 of them queued
#: as dicts held 300,000 rows, the bulk of ``extract --jobs``' main process (515–521 MB
#: over the 1 GB batch, session 12).  Only that table is written: flushing every table
#: made row groups of a few documents in the small ones, and compare, which reads a
#: table file by row groups, slowed down on them.
FLUSH_ROWS = 50_000


class TableWriter:
    """Write the tables of a stream of reports: ``with TableWriter(dir, "csv") as w: w.add(r)``.

    Queued rows are written every ``flush_every`` reports, and a table's alone when it has
    ``flush_rows`` rows queued."""

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        fmt: str = "parquet",
        *,
        with_text: bool = False,
        flush_every: int = 50,
        flush_rows: int = FLUSH_ROWS,
        tables: Iterable[str] | None = None,
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out_dir, self.fmt, self.with_text = Path(out_dir), fmt, with_text
        self.flush_every = max(1, flush_every)
        self.flush_rows = max(1, flush_rows)
        #: The tables written (every one of TABLES, or those asked for, in TABLES' order).
        wanted = set(TABLES if tables is None else tables)
        self.tables = tuple(t for t in TABLES if t in wanted)
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self.tables}
        self._pending = 0
        self._temps: dict[Path, Path] = {}  # final path → temporary path
        self._finals: dict[str, Path] = {}  # table → final path
        self._sinks: dict[str, Any] = {}
        self._books: dict[str, tuple[Any, Path]] = {}  # xlsx: one workbook per table
        self._xlsx_rows: dict[str, int] = {}
        self._counts: dict[str, int] = dict.fromkeys(self.tables, 0)  # rows written, per table
        self._closed = False
        self._committing = False
        self._held = contextlib.ExitStack()  # the folder's lock, from open to close

    @property
    def paths(self) -> list[Path]:
        """The files this writer produces."""
        return list(self._temps)

    def __enter__(self) -> TableWriter:
        """Take the folder's lock, finish or clear what a killed run left, open the files."""
        self._held.enter_context(tableset.lock(self.out_dir))
        try:
            tableset.recover(self.out_dir)
            self._open()
        except BaseException:
            self.abort()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def add_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Queue rows already shaped as ``table``'s (``extract --resume`` keeps old rows)."""
        if not self._sinks:
            raise RuntimeError("TableWriter is not open: use it in a with statement")
        self._rows[table].extend(rows)

    def add_report_rows(self, report_rows: ReportRows) -> None:
        """Queue one report's rows, built elsewhere (a worker process); flush as ``add``."""
        if not self._sinks:
            raise RuntimeError("TableWriter is not open: use it in a with statement")
        for name in self.tables:
            self._rows[name].extend(report_rows.rows.get(name, ()))
        self._pending += 1
        if self._pending >= self.flush_every:
            self.flush()
            return
        for name in self.tables:
            if len(self._rows[name]) >= self.flush_rows:
                self._flush_table(name)

    def add(self, report: Report, **records: Iterable[Any]) -> None:
        """Queue one report's rows; flush when enough documents are queued.

        ``records`` replace a table's own records for this report (``findings=[…]``)."""
        rows = {
            name: table_rows(report, name, with_text=self.with_text, records=records.get(name))
            for name in self.tables
        }
        self.add_report_rows(ReportRows(report.document, rows))

    def flush(self) -> None:
        """Write the queued rows to the temporary files (each queue taken before it is
        written: a row is written once, whatever interrupts)."""
        for name in self.tables:
            self._flush_table(name)
        self._pending = 0

    def _flush_table(self, name: str) -> None:
        rows, self._rows[name] = self._rows[name], []
        if rows:
            try:
                self._write(name, rows)
            except Exception as exc:  # lxml's, openpyxl's, pyarrow's own errors too
                raise _write_error(exc) from exc

    def close(self) -> None:
        """Flush, finish every file and put the set in place (:func:`tableset.commit`)."""
        if self._closed:
            return
        try:
            self.flush()
            self._finish()
        except BaseException:
            self.abort()
            raise
        files = {
            name: [(self._temps[final], final, self._counts[name])]
            for name, final in self._finals.items()
        }
        with _signals_held():  # a second Ctrl-C waits for the set to be in place
            self._committing = True
            tableset.commit(self.out_dir, (self.fmt, self.with_text), files)
            self._closed = True
        self._held.close()

    def abort(self) -> None:
        """Drop everything written so far; the earlier set stays as it was (or, if the
        commit had begun, the new one is rolled forward by the next run)."""
        self._closed = True
        self._finish(quiet=True)  # close files (and openpyxl's temporary files) before removal
        self._sinks = {}
        if not self._committing:
            for temp in self._temps.values():
                temp.unlink(missing_ok=True)
        self._held.close()

    def write_raw(self, table: str, items: Iterable[Any]) -> None:
        """Rows of an earlier run of this format, as they were written (``extract --resume``
        carries them without reading their values): JSON Lines lines, CSV records (lists of
        strings), XLSX rows (tuples of cell values), Parquet ``pyarrow.Table`` chunks."""
        self.flush()
        sink = self._sinks[table]
        for item in items:
            if self.fmt == "parquet":
                sink.write_table(item)
                self._counts[table] += item.num_rows
                continue
            if self.fmt == "jsonl":
                sink.write(item if item.endswith("\n") else item + "\n")
            elif self.fmt == "csv":
                self._csv(table).writerow(item)
            else:
                self._count_xlsx(table, 1)
                sink.append(list(item))
            self._counts[table] += 1

    def _csv(self, table: str) -> Any:
        import csv

        return csv.writer(self._sinks[table], lineterminator=_CRLF)

    def _temp(self, final_name: str) -> Path:
        """A new empty file beside the output (created as ``open`` would: umask applies)."""
        final = self.out_dir / final_name
        temp = temp_beside(final)
        temp.open("xb").close()
        self._temps[final] = temp
        return temp

    def _open(self) -> None:
        for name in self.tables:
            self._sinks[name] = self._open_table(name)

    def _open_table(self, name: str) -> Any:
        header = [c.name for c in columns_of(name, with_text=self.with_text)]
        temp = self._temp(f"{name}.{self.fmt}")
        self._finals[name] = self.out_dir / f"{name}.{self.fmt}"
        if self.fmt == "xlsx":
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet(title=name)
            sheet.append(header)
            self._books[name] = (book, temp)
            return sheet
        if self.fmt == "parquet":
            return pq.ParquetWriter(temp, self._arrow_schema(name))
        handle = temp.open("w", encoding="utf-8-sig" if self.fmt == "csv" else "utf-8", newline="")
        if self.fmt == "csv":
            frame(name, [], with_text=self.with_text).to_csv(
                handle, index=False, lineterminator=_CRLF
            )
        return handle

    def _arrow_schema(self, name: str) -> pa.Schema:
        return arrow_schema(name, with_text=self.with_text)

    def _write(self, name: str, rows: list[dict[str, Any]]) -> None:
        sink = self._sinks[name]
        self._counts[name] += len(rows)
        if self.fmt == "jsonl":
            # one write per chunk: a row is never half written
            sink.write("".join(_json_line(row) for row in rows))
        elif self.fmt == "xlsx":
            self._count_xlsx(name, len(rows))
            for row in rows:
                sink.append([_xlsx_value(v) for v in row.values()])
        elif self.fmt == "csv":
            neutralise_frame(frame(name, rows, with_text=self.with_text)).to_csv(
                sink, index=False, header=False, lineterminator=_CRLF
            )
        else:
            sink.write_table(_arrow_table(rows, sink.schema))

    def _count_xlsx(self, name: str, rows: int) -> None:
        self._xlsx_rows[name] = self._xlsx_rows.get(name, 1) + rows  # 1: the header
        if self._xlsx_rows[name] > _XLSX_MAX_ROWS:
            raise ValueError(f"{name}: more rows than an XLSX sheet holds; use parquet or csv")

    def _finish(self, *, quiet: bool = False) -> None:
        """Close every file (all of them, even after a failure); raise the first error.
        ``quiet`` (an abort): nothing more is written, and XLSX sheets are discarded, not
        saved (so that none of their generators raises again when it is collected)."""
        sinks, self._sinks = self._sinks, {}
        books, self._books = self._books, {}
        if books and quiet:
            closers = [partial(_discard_sheet, sheet) for sheet in sinks.values()]
        elif books:
            closers = [partial(book.save, path) for book, path in books.values()]
        else:
            closers = [sink.close for sink in sinks.values()]
        errors = []
        for close in closers:
            try:
                close()
            except Exception as exc:
                errors.append(exc)
        if errors and not quiet:
            raise _write_error(errors[0])


class TableWriteError(OSError):
    """A table could not be written (a full disk, a file-size limit, a sheet too long…),
    whatever library raised it: the run's tables are dropped, the earlier set stays."""


def _write_error(exc: Exception) -> OSError:
    if isinstance(exc, OSError):
        return exc
    error = TableWriteError(f"{type(exc).__name__}: {exc}")
    error.__cause__ = exc
    return error


def _discard_sheet(sheet: Any) -> None:
    """Close an openpyxl write-only sheet after a failure: its row and XML generators are
    closed here, errors swallowed, instead of raising again when they are garbage-collected
    ("Exception ignored in…" on a full disk), and its temporary file is removed."""
    writer = getattr(sheet, "_writer", None)
    for generator in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
        if generator is not None:
            with contextlib.suppress(Exception):
                generator.close()
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.cleanup()


#: Each table's Arrow schema, built once a process: building one goes through an empty
#: DataFrame (7 ms), and a dataset part converts every report's rows on their own.
_SCHEMAS: dict[tuple[str, bool], pa.Schema] = {}


def arrow_schema(name: str, *, with_text: bool = False) -> pa.Schema:
    """A table's Arrow schema, with the pandas metadata ``frame`` would give it."""
    schema = _SCHEMAS.get((name, with_text))
    if schema is None:
        columns = columns_of(name, with_text=with_text)
        meta = pa.Schema.from_pandas(frame(name, [], with_text=with_text), preserve_index=False)
        schema = pa.schema([(c.name, _ARROW[c.kind]) for c in columns], metadata=meta.metadata)
        _SCHEMAS[name, with_text] = schema
    return schema


def arrow_table(name: str, rows: list[dict[str, Any]], *, with_text: bool = False) -> pa.Table:
    """One table's rows as an Arrow table of its schema (a dataset part, see ``dataset``)."""
    return _arrow_table(rows, arrow_schema(name, with_text=with_text))


def _arrow_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table of ``schema``, column by column, without a DataFrame between.

    What ``frame`` and ``pa.Table.from_pandas`` would give (the same column types and pandas
    metadata; ``from_pandas=True`` reads a NaN float as null, as pandas does) at a fraction
    of the cost: the writing process does this for every row of a batch.
    """
    arrays = [
        pa.array(list(map(itemgetter(f.name), rows)), type=f.type, from_pandas=True) for f in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _xlsx_value(value: Any) -> Any:
    """A cell value: formula-safe, without characters XML forbids, within Excel's cell limit."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))[:_XLSX_MAX_CELL]
    return value
