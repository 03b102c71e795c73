"""What the command modules share: consoles, the error exit, the table format and the
options that several commands take (``extract``, ``audit``, ``compare``)."""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from extractor.export.rows import ReportRows
from extractor.io.reading import READ_SUFFIXES
from extractor.model import Document

# markup off: paths and document text may hold [brackets]; styles come from Text objects
console = Console(highlight=False, markup=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)

#: The message when PATH... holds no report of a format we read.
NO_INPUTS = f"no report files found ({', '.join(sorted(READ_SUFFIXES))})"


class Format(StrEnum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"
    jsonl = "jsonl"


Paths = Annotated[list[Path], typer.Argument(help="Report files or folders (recursive).")]


def _no_bound_at_zero(value: int | None) -> int | None:
    return value or None


MaxChars = Annotated[
    int | None,
    typer.Option(
        help="Documents longer than this many characters are error rows, files too large "
        "to hold fewer are not read (0: no bound).",
        min=0,
        callback=_no_bound_at_zero,
    ),
]


FollowLinks = Annotated[
    bool,
    typer.Option(
        "--follow-links",
        help="Read symbolic links that lead outside the input folders (each row says where).",
    ),
]
Jobs = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", help="Worker processes (0: one per core, one for under 4 MB).", min=0
    ),
]


def fail(message: str, code: int) -> typer.Exit:
    """Print an error on stderr; the caller raises the returned exit."""
    err_console.print(Text.assemble(("error: ", "red"), message))
    return typer.Exit(code)


# --- the progress bar and the summary of an extraction (extract, its dataset form) --------

_MAX_ERRORS_SHOWN = 20


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


#: The tables whose row counts the summary line shows.
COUNTED = ("sections", "measures", "claims", "placeholders")


def count(rows: ReportRows, counts: Counter[str], failures: list[Document]) -> None:
    tally(rows.document, {name: rows.count(name) for name in COUNTED}, counts, failures)


def tally(
    doc: Document, rows: Mapping[str, int], counts: Counter[str], failures: list[Document]
) -> None:
    """Add one document to the run's summary: a duplicate (same bytes as an earlier file)
    is counted apart and is not a failure; a failure is kept for the error lines."""
    if doc.status == "duplicate":
        counts["duplicate"] += 1
    elif doc.status != "ok":
        failures.append(doc)
    else:
        counts["ok"] += 1
        for name in COUNTED:
            counts[name] += rows.get(name, 0)


def summary(
    counts: Counter[str], failures: list[Document], seconds: float, paths: list[Path]
) -> None:
    for doc in failures[:_MAX_ERRORS_SHOWN]:
        console.print(Text.assemble(("failed ", "red"), f"{doc.doc_id}: {doc.error}"))
    if len(failures) > _MAX_ERRORS_SHOWN:
        console.print(f"… and {len(failures) - _MAX_ERRORS_SHOWN} more (see the documents table)")
    console.print(
        f"documents: {counts['ok']} ok, {len(failures)} failed · sections {counts['sections']} · "
        f"measures {counts['measures']} · claims {counts['claims']} · "
        f"placeholders {counts['placeholders']} · {seconds:.1f} s"
    )
    console.print("wrote " + ", ".join(str(p) for p in paths))


class Interrupts:
    """Ctrl-C during a batch, in two steps: the first asks the batch to stop after the
    documents being parsed (``requested``; the loop looks between documents, so a row is
    never half written and the tables are complete), the second stops at once
    (``KeyboardInterrupt``: no tables are written, the earlier set stays)."""

    def __init__(self) -> None:
        self.requested = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        err_console.print(
            "stopping after the documents in progress; the tables will hold the documents "
            "done (Ctrl-C again: stop at once, without writing them)"
        )


@contextmanager
def interrupts() -> Iterator[Interrupts]:
    """:class:`Interrupts` handling SIGINT for the block (only in the main thread;
    elsewhere Ctrl-C keeps Python's meaning)."""
    stop = Interrupts()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    before = signal.signal(signal.SIGINT, stop.handle)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, before)
