"""``workreport extract --dataset`` and ``--engine dask``: tables as partitioned datasets.

Each table becomes ``DIR/<table>/part-NNNNN.parquet`` (:mod:`extractor.export.dataset`),
one part per ``--part-size`` inputs, written by whoever parsed them: this machine's worker
processes (``--jobs``) or the workers of a Dask cluster (``--scheduler ADDRESS``, or
``local`` for a LocalCluster of one worker process per core).  ``--resume`` writes only
the parts an interrupted run did not finish.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import NamedTuple

import typer

from extractor.batch.parallel import auto_jobs, ordered_map
from extractor.batch.parts import (
    Part,
    hash_sources,
    list_sources,
    pending_parts,
    plan_parts,
    run_part,
)
from extractor.cli.common import fail as _fail
from extractor.cli.common import progress, summary, tally
from extractor.errors import InputError
from extractor.model import Document
from extractor.rules.loader import RuleSet

#: Per document of a part: doc id, status, error, rows per table.
Done = list[tuple[str, str, str, dict[str, int]]]


class Options(NamedTuple):
    rules: RuleSet | None
    max_chars: int | None
    with_text: bool


def extract_dataset(
    paths: Sequence[str | os.PathLike[str]], out: str, *, engine: str, scheduler: str,
    jobs: int, rules: RuleSet | None, max_chars: int | None, with_text: bool, resume: bool,
    part_size: int, strict: bool,
) -> None:  # fmt: skip
    """Run the batch in parts and write them; the same summary and exit codes as extract."""

    started, counts, failures = time.perf_counter(), Counter[str](), list[Document]()
    options = Options(rules, max_chars, with_text)
    interrupted = False
    with progress() as bar:
        task = bar.add_task("listing", total=None)

        def written(part: Part, done: Done) -> None:
            _count(done, counts, failures)
            bar.update(task, advance=len(done), description=f"part {part.index}")

        try:
            if engine == "dask":
                _on_cluster(paths, out, scheduler, jobs, options, resume, part_size, written,
                            lambda n, left: bar.update(task, total=n, completed=n - left,
                                                       description="parsing"))  # fmt: skip
            else:
                sources = list_sources(paths)
                bar.update(task, total=len(sources), description="hashing")
                shas = hash_sources([s for s, _ in sources], max_chars)
                todo = pending_parts(out, plan_parts(sources, shas, size=part_size), resume=resume)
                bar.update(task, completed=len(sources) - sum(len(p.items) for p in todo))
                run = partial(run_part, out, rules=rules, max_chars=max_chars, with_text=with_text)
                workers = jobs or auto_jobs(s for s, _ in sources)
                for part, done in zip(todo, ordered_map(run, todo, jobs=workers), strict=False):
                    written(part, done)
        except InputError as exc:
            raise _fail(str(exc), 2) from exc
        except KeyboardInterrupt:
            interrupted = True
        except OSError as exc:
            raise _fail(f"cannot write tables to {out}: {exc}", 2) from exc
    summary(counts, failures, time.perf_counter() - started, [Path(out)])
    if interrupted:
        raise _fail("interrupted: the parts written are complete; go on with --resume", 130)
    if strict and failures:
        raise typer.Exit(1)


def _on_cluster(
    paths: Sequence[str | os.PathLike[str]], out: str, scheduler: str, jobs: int,
    options: Options, resume: bool, part_size: int,
    written: Callable[[Part, Done], None], total: Callable[[int, int], None],
) -> None:  # fmt: skip
    try:
        from extractor.batch import cluster
    except ImportError as exc:
        raise _fail(f"--engine dask needs Dask: pip install 'workreport[dask]' ({exc})", 1) from exc
    with cluster.client_for(scheduler, workers=jobs) as client:
        parts = cluster.plan(client, paths, max_chars=options.max_chars, part_size=part_size)
        todo = pending_parts(out, parts, resume=resume)
        total(sum(len(p.items) for p in parts), sum(len(p.items) for p in todo))
        cluster.write_dataset(
            paths, out, client=client, parts=todo, on_part=written, rules=options.rules,
            max_chars=options.max_chars, with_text=options.with_text,
        )  # fmt: skip


def _count(done: Done, counts: Counter[str], failures: list[Document]) -> None:
    for doc_id, status, error, rows in done:
        tally(Document(doc_id=doc_id, path="", status=status, error=error), rows, counts, failures)
