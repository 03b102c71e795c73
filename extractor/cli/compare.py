"""``workreport compare``: comparison tables (and figures) across the periods of each series."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import pandas as pd
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from extractor.batch.parallel import default_jobs
from extractor.batch.run import run_batch
from extractor.cli.common import NO_INPUTS, console, err_console
from extractor.cli.common import fail as _fail
from extractor.errors import InputError
from extractor.export.comparison import WriteError, write_parts, write_results
from extractor.export.tables import FORMATS, report_tables
from extractor.io.reading import iter_inputs

if TYPE_CHECKING:
    from extractor.analysis.pieces import InProcesses, OnCluster


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
            "--jobs",
            "-j",
            help="Worker processes: windows of series compared at once (0: per core).",
            min=0,
        ),
    ] = 1,
    engine: Annotated[str, typer.Option(help="Where to work: local or dask.")] = "local",
    scheduler: Annotated[
        str, typer.Option(help="--engine dask: a scheduler address, or local (a LocalCluster).")
    ] = "local",
) -> None:
    """Compare reports across periods: campaigns, indicators, plan follow-up, keywords."""
    from extractor.analysis.compare import TABLE_ORDER, compare_parts, is_tables_dir
    from extractor.analysis.compare import compare as run_compare

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
            options: dict[str, Any] = {"manifest": manifest, "stopwords": stopwords,
                                       "min_score": min_score, "progress": step}  # fmt: skip
            with _engine(engine, scheduler, jobs) as where:
                options.update(map_pieces=where, map_windows=where.windows)
                if plots or fmt == "xlsx":  # the figures and the workbook take whole tables
                    results = run_compare(tables, **options)
                else:  # each window's rows written as they come: memory flat in the batch
                    parts = compare_parts(tables, panels=True, **options)
                    done = write_parts(parts, out, fmt)
    except (InputError, OSError, ValueError) as exc:
        raise _fail(str(exc), 2) from exc
    except WriteError as exc:
        raise _fail(f"cannot write the tables to {out}: {exc.__cause__}", 2) from exc
    if plots or fmt == "xlsx":
        try:
            written = write_results(results, out, fmt)
        except (OSError, ValueError) as exc:
            raise _fail(f"cannot write the tables to {out}: {exc}", 2) from exc
        rows = {name: len(df) for name, df in results.items()}
        warnings, docs = results["warnings"], results["periods"]
    else:
        written, rows, warnings, docs = done.written, done.rows, done.warnings, done.periods
    if plots:
        try:
            from extractor.analysis.plots import write_figures
        except ImportError as exc:
            raise _fail(
                f"--plots needs matplotlib: pip install 'workreport[plots]' ({exc})", 1
            ) from exc
        written += write_figures(results, out)
    for warning in warnings.itertuples():  # two documents of one period
        err_console.print(f"warning: {warning.message}")
    console.print(
        f"{len(docs)} documents in {docs['series'].nunique()} series · "
        + " · ".join(f"{name} {rows[name]}" for name in TABLE_ORDER if name != "periods")
    )
    console.print("wrote " + ", ".join(str(p) for p in written))


@contextmanager
def _engine(engine: str, scheduler: str, jobs: int) -> Iterator[InProcesses | OnCluster]:
    """Where compare works (on windows of series, or on the pieces of claims and terms):
    here, worker processes, or a Dask cluster."""
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
