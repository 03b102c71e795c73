"""Where ``compare`` does its work on the claims and terms tables: worker processes or Dask.

:class:`extractor.analysis.compare.PieceWork` turns one piece of those tables (a dataset
part, a row group of a table file) into what compare keeps of it.  These functions run it
over the pieces: :func:`in_processes` in ``jobs`` worker processes of this machine (the
work, with its window's document keys, goes with each piece), :func:`on_cluster` on the
workers of a ``distributed.Client`` (scattered to each worker once a window).  The workers read
the pieces themselves, so the folder must be one they see.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from extractor.analysis.compare import Piece, PieceMap, PieceWork
from extractor.batch.parallel import MIN_PARALLEL_ITEMS, worker_pool


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

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def in_processes(jobs: int) -> InProcesses:
    """Run the work in ``jobs`` worker processes (one, or few pieces: here)."""
    return InProcesses(jobs)


def _call(piece: Piece, work: PieceWork) -> tuple[str, Any]:
    return work(piece)


def on_cluster(client: Any) -> PieceMap:
    """Run the work on the workers of a ``distributed.Client``, as results come back."""

    def run(work: PieceWork, pieces: list[Piece]) -> Iterator[tuple[str, Any]]:
        from distributed import as_completed

        shared = client.scatter(work, broadcast=True)
        futures = client.map(_call, pieces, work=shared, pure=False)
        for future in as_completed(futures):
            yield future.result()

    return run
