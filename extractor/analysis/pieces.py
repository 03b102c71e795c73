"""Where ``compare`` does its work: worker processes or Dask.

:class:`extractor.analysis.compare.PieceWork` turns one piece of the claims and terms
tables (a dataset part, a row group of a table file) into what compare keeps of it.  These
engines run it over the pieces: :func:`in_processes` in ``jobs`` worker processes of this
machine (the work, with its window's document keys, goes with each piece), :func:`on_cluster`
on the workers of a ``distributed.Client`` (scattered to each worker once a window).

Over a folder of many windows of series, each engine's :meth:`windows` compares whole
windows elsewhere instead, several at once, their rows coming back in the windows' order:
what a window costs besides its pieces (its campaigns, plan follow-up, keyword trends)
then runs in parallel too.  The workers read the pieces themselves, so the folder must be
one they see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

import pandas as pd

from extractor.analysis.compare import Piece, PieceWork, Window
from extractor.batch.parallel import (
    MIN_PARALLEL_ITEMS,
    pool_map,
    submitted_in_order,
    worker_pool,
)

#: Windows compared at once per worker (one running, one waiting: a worker never idles
#: while its next window is sent).
WINDOWS_AHEAD = 2

WindowJob = Callable[[Window], dict[str, pd.DataFrame]]


class InProcesses:
    """Runs the work in ``jobs`` worker processes, one pool for every call (compare calls
    once per window of series; the pool starts at the first call that pays, and each
    piece carries its window's work); one job, or few pieces: here.  :meth:`close` ends
    the pool."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __call__(self, work: PieceWork, pieces: list[Piece]) -> Iterator[tuple[str, Any]]:
        if self.jobs <= 1 or len(pieces) < MIN_PARALLEL_ITEMS:
            return map(work, pieces)
        if self._pool is None:
            self._pool = worker_pool(self.jobs)
        return self._pool.map(partial(_call, work=work), pieces)

    def windows(self, job: WindowJob, windows: list[Window]) -> Iterator[dict[str, pd.DataFrame]]:
        """``job`` over the windows in the worker processes, results in order; one job: here."""
        if self.jobs <= 1:
            return map(job, windows)
        if self._pool is None:
            self._pool = worker_pool(self.jobs)
        return pool_map(self._pool, job, windows, window=WINDOWS_AHEAD * self.jobs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def in_processes(jobs: int) -> InProcesses:
    """Run the work in ``jobs`` worker processes (one, or few pieces: here)."""
    return InProcesses(jobs)


def _call(item: Any, work: Callable[[Any], Any]) -> Any:
    """``work(item)``: what a worker runs for a piece or a window."""
    return work(item)


class OnCluster:
    """Runs the work on the workers of a ``distributed.Client``."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def __call__(self, work: PieceWork, pieces: list[Piece]) -> Iterator[tuple[str, Any]]:
        """The pieces' results as they come back."""
        from distributed import as_completed

        shared = self.client.scatter(work, broadcast=True)
        futures = self.client.map(_call, pieces, work=shared, pure=False)
        for future in as_completed(futures):
            yield future.result()

    def windows(self, job: WindowJob, windows: list[Window]) -> Iterator[dict[str, pd.DataFrame]]:
        """``job`` over the windows on the workers, results in order, a few per worker
        submitted ahead (the job, with what every window shares, sent to each worker once)."""
        ahead = WINDOWS_AHEAD * max(1, len(self.client.scheduler_info().get("workers", {})))
        shared = self.client.scatter(job, broadcast=True)
        submit = partial(self.client.submit, _call, work=shared, pure=False)
        return submitted_in_order(submit, windows, window=ahead)


def on_cluster(client: Any) -> OnCluster:
    """Run the work on the workers of a ``distributed.Client``."""
    return OnCluster(client)
