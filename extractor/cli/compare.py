"""``workreport compare``: comparison tables (and figures) across the periods of each series."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pandas as pd
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from extractor.batch.parallel import default_jobs
from extractor.batch.run import run_batch
from extractor.cli.common import NO_INPUTS, console, err_console
from extractor.cli.common import fail as _fail
from extractor.errors import InputError
from extractor.export.tables import FORMATS, neutralise_frame, report_tables
from extractor.io.atomic import atomic_path
from extractor.io.reading import iter_inputs

if TYPE_CHECKING:
    from extractor.analysis.compare import PieceMap

_XLSX_MAX_ROWS = 1_048_576  # a sheet's rows, the header included


def compare(
    paths: Annotated[
        list[Path], typer.Argument(help="Report files or folders, or one folder of tables.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the comparison tables.")],
    plots: Annotated[bool, typer.Option(help="Also draw PNG and SVG figures.")] = False,
    manifest: Annotated[
        Path | None, typer.Option(help="CSV with path,series,period for the documents.")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, jsonl or xlsx.")
    ] = "parquet",
    stopwords: Annotated[
        Path | None, typer.Option(help="Stop word file (default patterns/stopwords.txt).")
    ] = None,
    min_score: Annotated[
        float, typer.Option(help="Plan follow-up: the lowest score that counts as reported.")
    ] = 0.12,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", help="Worker processes for claims and terms (0: per core).", min=0
        ),
    ] = 1,
    engine: Annotated[str, typer.Option(help="Where to work: local or dask.")] = "local",
    scheduler: Annotated[
        str, typer.Option(help="--engine dask: a scheduler address, or local (a LocalCluster).")
    ] = "local",
) -> None:
    """Compare reports across periods: campaigns, indicators, plan follow-up, keywords."""
    from extractor.analysis.compare import compare as run_compare
    from extractor.analysis.compare import is_tables_dir

    if fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    try:
        with _steps() as step:
            tables: Path | dict[str, pd.DataFrame]
            if len(paths) == 1 and is_tables_dir(paths[0]):
                tables = paths[0]  # read as needed, column by column
            else:
                inputs = iter_inputs(paths)
                if not inputs:
                    raise _fail(NO_INPUTS, 2)
                step("parsing")
                tables = report_tables(run_batch(inputs))
            with _pieces(engine, scheduler, jobs) as map_pieces:
                results = run_compare(
                    tables, manifest=manifest, stopwords=stopwords, min_score=min_score,
                    progress=step, map_pieces=map_pieces,
                )  # fmt: skip
    except (InputError, OSError, ValueError) as exc:
        raise _fail(str(exc), 2) from exc
    try:
        written = write_results(results, out, fmt)
    except (OSError, ValueError) as exc:
        raise _fail(f"cannot write the tables to {out}: {exc}", 2) from exc
    if plots:
        try:
            from extractor.analysis.plots import write_figures
        except ImportError as exc:
            raise _fail(
                f"--plots needs matplotlib: pip install 'workreport[plots]' ({exc})", 1
            ) from exc
        written += write_figures(results, out)
    for warning in results["warnings"].itertuples():  # two documents of one period
        err_console.print(f"warning: {warning.message}")
    docs = results["periods"]
    console.print(
        f"{len(docs)} documents in {docs['series'].nunique()} series · "
        + " · ".join(f"{name} {len(df)}" for name, df in results.items() if name != "periods")
    )
    console.print("wrote " + ", ".join(str(p) for p in written))


@contextmanager
def _pieces(engine: str, scheduler: str, jobs: int) -> Iterator[PieceMap]:
    """Where compare works on claims and terms: here, worker processes, or a Dask cluster."""
    from extractor.analysis import pieces

    if engine == "local":
        run = pieces.in_processes(jobs or default_jobs())
        try:
            yield run
        finally:
            run.close()
        return
    if engine != "dask":
        raise _fail(f"unknown engine {engine!r}; choose local or dask", 2)
    try:
        from extractor.batch.cluster import client_for
    except ImportError as exc:
        raise _fail(f"--engine dask needs Dask: pip install 'workreport[dask]' ({exc})", 1) from exc
    with client_for(scheduler, workers=jobs) as client:
        yield pieces.on_cluster(client)


@contextmanager
def _steps() -> Iterator[Callable[[str], None]]:
    """A progress line on stderr naming the step under way, with the time elapsed."""
    with Progress(
        SpinnerColumn(), TextColumn("compare: {task.description}"), TimeElapsedColumn(),
        console=err_console, transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("reading", total=None)
        yield lambda name: bar.update(task, description=name)


def write_results(results: dict[str, pd.DataFrame], out: Path, fmt: str) -> list[Path]:
    """Write each table to ``out/<name>.<fmt>`` (xlsx: one workbook) via a temporary file."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        final = out / "compare.xlsx"
        too_long = [name for name, df in results.items() if len(df) >= _XLSX_MAX_ROWS]
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
