"""Ordered parallel map over worker processes, for batches of many reports.

Parsing is pure Python and holds the GIL, so a batch uses more than one core only through
processes.  :func:`ordered_map` keeps the batch's contract: results come back in input
order, one per item, and at most ``window`` items are in flight, so a slow document
delays the output but memory does not grow with the batch.  Workers are *spawned* (not
forked): the parent may be running a progress-bar thread, and a fork copies locks held
by other threads.  Each worker watches its parent and ends when it dies (``kill -9`` of
the main process left its workers idle, 130 MB each, for ever: nothing else tells them).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a pool costs more than it saves (each spawned worker imports
#: the package and compiles the rules once).
MIN_PARALLEL_ITEMS = 8


#: With ``--jobs 0`` (the default) a batch holding less input than this stays in one
#: process: each worker process imports the package, builds its rules and loads jieba's
#: dictionary before its first document, which costs more than it saves below this size on
#: the 2-core machine we measured (benchmarks/scaling.py jobs: break-even between 1.5 and
#: 7 MB of real reports, 3 MB of small documents still slower; docs/scaling.md).
AUTO_MIN_BYTES = 4 << 20


def auto_jobs(files: Iterable[os.PathLike[str] | str]) -> int:
    """The worker processes ``--jobs 0`` uses: one per core for a batch of at least
    :data:`AUTO_MIN_BYTES` bytes of input, else one (this process)."""
    total = 0
    for file in files:
        try:
            total += os.stat(file).st_size
        except OSError:
            continue
        if total >= AUTO_MIN_BYTES:
            return default_jobs()
    return 1


def default_jobs() -> int:
    """The cores this process may use (``os.sched_getaffinity`` where there is one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    window: int | None = None,
    initializer: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` processes, in order, ``window`` items in flight.

    ``fn`` and ``initializer`` must be picklable (module-level functions, or
    ``functools.partial`` of them); ``initializer`` runs once in each worker.  With one job,
    or fewer than :data:`MIN_PARALLEL_ITEMS` items, it runs here, in this process: the
    same results, none of the start-up cost.  An exception raised by ``fn`` propagates;
    callers that must not stop make ``fn`` return their error value instead.
    """
    todo = list(items)
    if jobs <= 1 or len(todo) < MIN_PARALLEL_ITEMS:
        if initializer is not None:
            initializer()
        yield from map(fn, todo)
        return
    jobs = min(jobs, len(todo))
    with worker_pool(jobs, initializer) as pool:
        yield from pool_map(pool, fn, todo, window=window or 4 * jobs)


def pool_map(
    pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterable[T], *, window: int
) -> Iterator[R]:
    """``map(fn, items)`` on a pool, in order, at most ``window`` items in flight: a slow
    item delays the results after it, and memory holds ``window`` results at most."""
    return submitted_in_order(lambda item: pool.submit(fn, item), items, window=window)


def submitted_in_order(
    submit: Callable[[T], Any], items: Iterable[T], *, window: int
) -> Iterator[Any]:
    """The results of ``submit(item)`` for each item, in order, at most ``window`` in
    flight; ``submit`` returns a future with ``result()`` and ``cancel()`` (a process
    pool's, or a Dask client's)."""
    pending: deque[Any] = deque()
    try:
        for item in items:
            pending.append(submit(item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # an interrupted consumer: drop what has not started
            future.cancel()


def worker_pool(jobs: int, initializer: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """A pool of ``jobs`` spawned worker processes that leave Ctrl-C to this process and
    end when it is gone (:func:`_start_worker`); ``initializer`` runs once in each."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, context, partial(_start_worker, initializer, os.getpid()))


#: How often a worker looks whether its parent is still there, in seconds.
PARENT_CHECK = 0.5


def _start_worker(initializer: Callable[[], object] | None, parent: int) -> None:
    """Ctrl-C goes to the whole process group: the parent handles it (it keeps what has
    finished and shuts the pool down), so workers ignore it instead of dying mid-file.
    A daemon thread ends the worker when its parent is gone (it is re-parented then)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)  # the parent died: no one will read what this worker makes
