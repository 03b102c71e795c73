"""Reports as tables (SPEC §4): pandas DataFrames, and files written as a batch streams by.

The column registry ``TABLES`` is the one place that knows each table's columns and types;
adding a table (campaigns, findings) is one entry there.  Every table starts with
``doc_id``.  Integers are nullable ``Int64``, flags ``bool``, floats ``float64`` (NaN when
absent), text pandas ``string``.

:class:`TableWriter` writes Parquet, CSV (UTF-8 with BOM), JSON Lines or one XLSX workbook,
flushing rows every few documents so memory does not grow with the batch.  Each output is
written to a temporary file in the output folder and renamed into place on close; after an
exception the temporary files are removed and earlier outputs are left untouched.
"""

from __future__ import annotations

import json
import math
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extractor.audit import audit
from extractor.model import Report


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an exported table and the kind of its values."""

    name: str
    kind: str  # str | int | float | bool


@dataclass(frozen=True, slots=True)
class TableSpec:
    """Where a table's rows come from (the records of one report) and its columns."""

    records: Callable[[Report], Iterable[Any]]
    columns: tuple[Column, ...]


def _columns(spec: str) -> tuple[Column, ...]:
    """``"doc_id level:int …"`` → columns; a column without ``:kind`` holds text."""
    return tuple(
        Column(*(word.split(":") if ":" in word else (word, "str"))) for word in spec.split()
    )


def _elements(name: str) -> Callable[[Report], Iterable[Any]]:
    return lambda report: getattr(report, name, ())


# fmt: off
TABLES: dict[str, TableSpec] = {
    "documents": TableSpec(lambda r: (r.document,), _columns(
        "doc_id path series title period review_period plan_period doc_type chars:int "
        "encoding sha256 status error")),
    "sections": TableSpec(_elements("sections"), _columns(
        "doc_id section_id parent_id level:int marker ordinal:int title kind period "
        "start:int end:int")),
    "measures": TableSpec(_elements("measures"), _columns(
        "doc_id measure_id section_id parent_id marker ordinal:int style headline slogan text "
        "start:int end:int")),
    "claims": TableSpec(_elements("claims"), _columns(
        "doc_id section_id measure_id indicator value_text value:float low:float high:float "
        "unit base_unit approx change time_ref is_target:bool masked:bool sentence "
        "start:int end:int")),
    "placeholders": TableSpec(_elements("placeholders"), _columns(
        "doc_id section_id measure_id text kind sentence start:int end:int")),
    "campaigns": TableSpec(_elements("campaigns"), _columns(
        "doc_id section_id measure_id text norm kind has_placeholder:bool start:int end:int")),
    # per-document audit rules; `workreport audit` passes its own (filtered, + repeated_text)
    "findings": TableSpec(lambda r: audit(r), _columns(
        "doc_id rule severity message section_id measure_id start:int end:int text sentence "
        "related_doc_id related_start:int related_end:int")),
}
# fmt: on
_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "bool": "bool"}
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
_TEXT_COLUMN = Column("text", "str")
FORMATS = ("parquet", "csv", "jsonl", "xlsx")
#: XLSX puts every table in one workbook, one sheet per table.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XLSX_MAX_CELL, _XLSX_MAX_ROWS = 32_767, 1_048_576
#: RFC 4180 line ends; with them the csv writer also quotes fields holding a lone ``\r``.
_CRLF = "\r\n"


def columns_of(table: str, *, with_text: bool = False) -> tuple[Column, ...]:
    """The columns of one table, in order (``with_text`` adds ``text`` to documents)."""
    columns = TABLES[table].columns
    return (*columns, _TEXT_COLUMN) if with_text and table == "documents" else columns


def table_rows(
    report: Report, table: str, *, with_text: bool = False, records: Iterable[Any] | None = None
) -> list[dict[str, Any]]:
    """The rows one report contributes to one table (``records`` replace the table's own)."""
    columns = columns_of(table, with_text=with_text)
    doc_id = report.document.doc_id
    rows = []
    for record in TABLES[table].records(report) if records is None else records:
        row: dict[str, Any] = {"doc_id": doc_id}
        for col in columns[1:]:
            row[col.name] = report.text if col is _TEXT_COLUMN else getattr(record, col.name)
        rows.append(row)
    return rows


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


def _neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for name in df.columns:
        if isinstance(df[name].dtype, pd.StringDtype):
            s = df[name]
            hit = s.str.startswith(_FORMULA_START).fillna(False).astype(bool)
            df[name] = s.mask(hit, "'" + s)
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

    def add(self, report: Report, **records: Iterable[Any]) -> None:
        """Queue one report's rows; flush when enough documents are queued.

        ``records`` replace a table's own records for this report (``findings=[…]``)."""
        if not self._sinks:
            raise RuntimeError("TableWriter is not open: use it in a with statement")
        for name in TABLES:
            rows = table_rows(report, name, with_text=self.with_text, records=records.get(name))
            self._rows[name].extend(rows)
        self._pending += 1
        if self._pending >= self.flush_every:
            self.flush()

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
        temp = self.out_dir / f".{final_name}.{secrets.token_hex(6)}.tmp"
        temp.open("xb").close()
        self._temps[self.out_dir / final_name] = temp
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
        columns = columns_of(name, with_text=self.with_text)
        meta = pa.Schema.from_pandas(
            frame(name, [], with_text=self.with_text), preserve_index=False
        )
        return pa.schema([(c.name, _ARROW[c.kind]) for c in columns], metadata=meta.metadata)

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
            _neutralise_frame(frame(name, rows, with_text=self.with_text)).to_csv(
                sink, index=False, header=False, lineterminator=_CRLF
            )
        else:
            df = frame(name, rows, with_text=self.with_text)
            table = pa.Table.from_pandas(df, schema=sink.schema, preserve_index=False)
            sink.write_table(table.replace_schema_metadata(sink.schema.metadata))

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


def _xlsx_value(value: Any) -> Any:
    """A cell value: formula-safe, without characters XML forbids, within Excel's cell limit."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))[:_XLSX_MAX_CELL]
    return value
