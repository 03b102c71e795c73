"""The rows of the exported tables (SPEC §4), without pandas: what each table holds.

The column registry ``TABLES`` is the one place that knows each table's columns and kinds;
adding a table (campaigns, findings) is one entry there.  Every table starts with
``doc_id``.  :func:`report_rows` turns one report into its rows for every table: plain
dicts of str, int, float and bool, cheap to send from a worker process (a Report's
records cost several times more to pickle) and ready for
:class:`extractor.export.tables.TableWriter`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from extractor.analysis.terms import term_counts
from extractor.model import Document, Report  # at run time: mypyc's NamedTuple reads it

Row = dict[str, Any]


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
        "doc_id path series title period review_period plan_period doc_type date chars:int "
        "encoding sha256 status error warning")),
    # every element table: the element's id and the rule that produced it (SPEC §4)
    "sections": TableSpec(_elements("sections"), _columns(
        "doc_id section_id parent_id level:int marker ordinal:int title kind period rule "
        "start:int end:int")),
    "measures": TableSpec(_elements("measures"), _columns(
        "doc_id measure_id section_id parent_id marker ordinal:int style headline slogan text "
        "rule start:int end:int")),
    "claims": TableSpec(_elements("claims"), _columns(
        "doc_id claim_id section_id measure_id indicator indicator_norm value_text value:float "
        "low:float high:float baseline:float unit base_unit approx change span time_ref "
        "is_target:bool masked:bool sentence sentence_start:int sentence_end:int rule "
        "start:int end:int")),
    "placeholders": TableSpec(_elements("placeholders"), _columns(
        "doc_id placeholder_id section_id measure_id text kind sentence sentence_start:int "
        "sentence_end:int rule start:int end:int")),
    "campaigns": TableSpec(_elements("campaigns"), _columns(
        "doc_id campaign_id section_id measure_id text norm kind has_placeholder:bool rule "
        "start:int end:int")),
    # per-document audit rules; `workreport audit` passes its own (filtered, + repeated_text)
    "findings": TableSpec(_elements("findings"), _columns(
        "doc_id rule rules severity message path line:int column:int heading marker "
        "section_id measure_id start:int end:int text sentence sentence_start:int sentence_end:int "
        "related_doc_id related_path related_line:int related_start:int related_end:int")),
    # jieba's terms of the document and of each plan or review measure, for `compare`
    "terms": TableSpec(term_counts, _columns("doc_id measure_id term count:int")),
}
# fmt: on
_TEXT_COLUMN = Column("text", "str")


def columns_of(table: str, *, with_text: bool = False) -> tuple[Column, ...]:
    """The columns of one table, in order (``with_text`` adds ``text`` to documents)."""
    columns = TABLES[table].columns
    return (*columns, _TEXT_COLUMN) if with_text and table == "documents" else columns


def table_rows(
    report: Report, table: str, *, with_text: bool = False, records: Iterable[Any] | None = None
) -> list[dict[str, Any]]:
    """The rows one report contributes to one table (``records`` replace the table's own)."""
    names = tuple(c.name for c in TABLES[table].columns[1:])
    found = TABLES[table].records(report) if records is None else records
    rows = _row_builder(names)(report.document.doc_id, found)
    if with_text and table == "documents":
        for row in rows:
            row["text"] = report.text
    return rows


RowBuilder = Callable[[str, Iterable[Any]], list[Row]]


@lru_cache(maxsize=64)
def _row_builder(names: tuple[str, ...]) -> RowBuilder:
    """A function from (doc_id, records) to rows with these columns after ``doc_id``.

    One ``attrgetter`` call reads a record's fields and ``dict(zip(…))`` pairs them with the
    column names, both in C: twice as fast per row as a dict updated from a zip, and a
    report has hundreds of claims and campaigns.
    """
    fields = attrgetter(*names)
    keys = ("doc_id", *names)
    if len(names) == 1:
        return lambda doc_id, records: [
            dict(zip(keys, (doc_id, fields(r)), strict=True)) for r in records
        ]
    return lambda doc_id, records: [
        dict(zip(keys, (doc_id, *fields(r)), strict=True)) for r in records
    ]


class ReportRows(NamedTuple):
    """One report as table rows: its document record and its rows per table (a named
    tuple: it travels back from worker processes, and the mypyc build compiles this module)."""

    document: Document
    rows: dict[str, list[Row]]

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


def report_rows(
    report: Report, *, with_text: bool = False, tables: Iterable[str] | None = None
) -> ReportRows:
    """The rows one report contributes to every table (to ``tables`` only, when given)."""
    names = TABLES if tables is None else tables
    return ReportRows(
        report.document, {name: table_rows(report, name, with_text=with_text) for name in names}
    )


def table_names(*, terms: bool = True) -> tuple[str, ...]:
    """The tables an extraction writes: every one, or all but ``terms`` (``--no-terms``)."""
    return tuple(name for name in TABLES if terms or name != "terms")
