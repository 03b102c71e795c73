"""Reports as tables (SPEC §4): pandas DataFrames, and files written as a batch streams by.

The column registry ``TABLES`` and the rows of a report live in :mod:`extractor.export.rows`
(no pandas there, so worker processes build rows cheaply); they are re-exported here.
Integers are nullable ``Int64``, flags ``bool``, floats ``float64`` (NaN when absent),
text pandas ``string``.

:class:`TableWriter` writes Parquet, CSV (UTF-8 with BOM), JSON Lines or one XLSX workbook,
flushing rows every few documents so memory does not grow with the batch.  Each output is
written to a temporary file in the output folder and renamed into place on close; after an
exception the temporary files are removed and earlier outputs are left untouched.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from functools import partial
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

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


class TableWriter:
    """Write the tables of a stream of reports: ``with TableWriter(dir, "csv") as w: w.add(r)``."""

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        fmt: str = "parquet",
        *,
        with_text: bool = False,
        flush_every: int = 50,
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out_dir, self.fmt, self.with_text = Path(out_dir), fmt, with_text
        self.flush_every = max(1, flush_every)
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._pending = 0
        self._temps: dict[Path, Path] = {}  # final path → temporary path
        self._sinks: dict[str, Any] = {}
        self._books: dict[str, tuple[Any, Path]] = {}  # xlsx: one workbook per table
        self._xlsx_rows: dict[str, int] = {}
        self._closed = False

    @property
    def paths(self) -> list[Path]:
        """The files this writer produces."""
        return list(self._temps)

    def __enter__(self) -> TableWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        try:
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
        for name in TABLES:
            self._rows[name].extend(report_rows.rows.get(name, ()))
        self._pending += 1
        if self._pending >= self.flush_every:
            self.flush()

    def add(self, report: Report, **records: Iterable[Any]) -> None:
        """Queue one report's rows; flush when enough documents are queued.

        ``records`` replace a table's own records for this report (``findings=[…]``)."""
        rows = {
            name: table_rows(report, name, with_text=self.with_text, records=records.get(name))
            for name in TABLES
        }
        self.add_report_rows(ReportRows(report.document, rows))

    def flush(self) -> None:
        """Write the queued rows to the temporary files."""
        for name in TABLES:
            if self._rows[name]:
                self._write(name, self._rows[name])
                self._rows[name] = []
        self._pending = 0

    def close(self) -> None:
        """Flush, finish every file and rename the temporary files into place."""
        if self._closed:
            return
        try:
            self.flush()
            self._finish()
        except BaseException:
            self.abort()
            raise
        for final, temp in self._temps.items():
            os.replace(temp, final)
        self._closed = True

    def abort(self) -> None:
        """Drop everything written so far; earlier outputs stay as they were."""
        self._closed = True
        self._finish(quiet=True)  # close files (and openpyxl's temporary files) before removal
        self._sinks = {}
        for temp in self._temps.values():
            temp.unlink(missing_ok=True)

    def _temp(self, final_name: str) -> Path:
        """A new empty file beside the output (created as ``open`` would: umask applies)."""
        final = self.out_dir / final_name
        temp = temp_beside(final)
        temp.open("xb").close()
        self._temps[final] = temp
        return temp

    def _open(self) -> None:
        for name in TABLES:
            self._sinks[name] = self._open_table(name)

    def _open_table(self, name: str) -> Any:
        header = [c.name for c in columns_of(name, with_text=self.with_text)]
        temp = self._temp(f"{name}.{self.fmt}")
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
        if self.fmt == "jsonl":
            for row in rows:
                sink.write(
                    json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False)
                )
                sink.write("\n")
        elif self.fmt == "xlsx":
            self._xlsx_rows[name] = self._xlsx_rows.get(name, 1) + len(rows)  # 1: the header
            if self._xlsx_rows[name] > _XLSX_MAX_ROWS:
                raise ValueError(f"{name}: more rows than an XLSX sheet holds; use parquet or csv")
            for row in rows:
                sink.append([_xlsx_value(v) for v in row.values()])
        elif self.fmt == "csv":
            neutralise_frame(frame(name, rows, with_text=self.with_text)).to_csv(
                sink, index=False, header=False, lineterminator=_CRLF
            )
        else:
            sink.write_table(_arrow_table(rows, sink.schema))

    def _finish(self, *, quiet: bool = False) -> None:
        """Close every file (all of them, even after a failure); raise the first error."""
        sinks, self._sinks = self._sinks, {}
        books, self._books = self._books, {}
        closers = [partial(book.save, path) for book, path in books.values()]
        if not books:
            closers = [sink.close for sink in sinks.values()]
        errors = []
        for close in closers:
            try:
                close()
            except Exception as exc:
                errors.append(exc)
        if errors and not quiet:
            raise errors[0]


def arrow_schema(name: str, *, with_text: bool = False) -> pa.Schema:
    """A table's Arrow schema, with the pandas metadata ``frame`` would give it."""
    columns = columns_of(name, with_text=with_text)
    meta = pa.Schema.from_pandas(frame(name, [], with_text=with_text), preserve_index=False)
    return pa.schema([(c.name, _ARROW[c.kind]) for c in columns], metadata=meta.metadata)


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
