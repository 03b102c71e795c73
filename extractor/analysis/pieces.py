"""Where ``compare`` does its work on the claims and terms tables: worker processes or Dask.

:class:`extractor.analysis.compare.PieceWork` turns one piece of those tables (a dataset
part, a row group of a table file) into what compare keeps of it.  These functions run it
over the pieces: :func:`in_processes` in ``jobs`` worker processes of this machine (the
work, with its document keys, is sent to each worker once), :func:`on_cluster` on the
workers of a ``distributed.Client`` (scattered to each worker once).  The workers read
the pieces themselves, so the folder must be one they see.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from extractor.analysis.compare import Piece, PieceMap, PieceWork
from extractor.batch.parallel import ordered_map

#: The work of a worker process, set once by the pool's initializer.
_work: PieceWork | None = None


def _use(work: PieceWork) -> None:
    global _work
    _work = work


def _run(piece: Piece) -> tuple[str, Any]:
    assert _work is not None, "the pool's initializer sets the work"
    return _work(piece)


def in_processes(jobs: int) -> PieceMap:
    """Run the work in ``jobs`` worker processes (one, or few pieces: here)."""

    def run(work: PieceWork, pieces: list[Piece]) -> Iterator[tuple[str, Any]]:
        return ordered_map(_run, pieces, jobs=jobs, initializer=partial(_use, work))

    return run


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
