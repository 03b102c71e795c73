"""Batches on a Dask cluster (``pip install 'workreport[dask]'``): the workers read and parse.

Two ways in:

- :func:`extract` ``(paths)`` returns one lazy ``dask.dataframe.DataFrame`` per table, whose
  ``meta`` is the table's schema (``rows.TABLES``): a part of ``PART_SIZE`` inputs is one
  partition, parsed once for all tables when they are computed together
  (``dask.compute(*tables.values())``).
- :func:`write_dataset` (``workreport extract --engine dask``) writes every table as a
  partitioned Parquet dataset (:mod:`extractor.export.dataset`): each part is parsed and
  written by the worker that runs it, and only a few counts travel back.  A part is one
  task: when a worker dies, the scheduler runs its tasks again elsewhere, and the part is
  written again over whatever the dead worker left, so nothing is lost or doubled;
  ``resume=True`` writes only the parts an interrupted run left undone.

Inputs are local paths (which every worker must see at the same path: one machine, or a
shared file system) or fsspec URLs (``s3://…`` with ``s3fs`` installed on the workers);
the client only lists them.  Hashing (to find repeated files) and reading happen on the
workers.  ``scheduler`` is a scheduler's address (``tcp://host:8786``) or ``"local"``: a
``distributed.LocalCluster`` of one single-threaded worker process per core of this machine.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from extractor.batch.parallel import default_jobs
from extractor.batch.parts import (
    PART_SIZE,
    Part,
    hash_sources,
    list_sources,
    part_rows,
    pending_parts,
    plan_parts,
    run_part,
)
from extractor.export.rows import TABLES, Row
from extractor.rules.loader import RuleSet

#: Inputs hashed per task of the hashing pass (hashing is quick: fewer, larger tasks).
HASH_CHUNK = 512
#: What :func:`run_part` returns per document: doc id, status, error, rows per table.
Done = list[tuple[str, str, str, dict[str, int]]]


@contextmanager
def client_for(scheduler: str = "local", *, workers: int = 0) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at an address, or of a LocalCluster of
    ``workers`` single-threaded worker processes (0: one per core) for ``"local"``."""
    if scheduler == "local":  # the fork server imports while this process imports Dask
        _start_forkserver()
    import dask
    from distributed import Client, LocalCluster

    if scheduler != "local":
        with Client(scheduler) as client:
            quiet_profiler(client)
            yield client
        return
    # the nannies keep these: no worker starts a profiler, and every worker is forked from
    # one server that has imported Dask and the parser and built the rules (preload.py)
    with dask.config.set({PROFILER: False, START_METHOD: "forkserver"}):
        local = LocalCluster(
            n_workers=workers or default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
    with local, Client(local) as client:
        yield client


#: The Dask setting that starts each worker's statistical profiler.
PROFILER = "distributed.worker.profile.enabled"
#: The Dask setting of how a nanny starts its worker process.
START_METHOD = "distributed.worker.multiprocessing-method"
#: What the fork server of a LocalCluster's workers imports before it forks any.
PRELOAD = ("distributed", "extractor.batch.preload")


def _start_forkserver() -> None:
    """Start this process's fork server now, importing :data:`PRELOAD` (Dask sets its own
    list only if the server is not running yet, and it is).  Spawned, each worker imported
    Dask and the package and built the rules itself before its first part; forked from
    the server, they start with all of it (session 12, paired runs in docs/scaling.md)."""
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))
    forkserver.ensure_running()


def quiet_profiler(client: Any) -> None:
    """Stop the statistical profiler of a cluster's workers, and of those that join later.

    Every 10 ms a worker's event loop takes the stack of the task it runs and merges it
    into its profile (for the dashboard): on parsing, pure Python with deep stacks, that
    took a fifth of a worker's CPU (16-document parts in one worker, twice each way:
    3.28 and 3.11 s of CPU with it, 2.69 and 2.39 s without).  ``dask worker`` started
    with ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` never starts it.

    Registered once a client: each registration is a round trip to every worker, and one
    client may come here from :func:`client_for`, :func:`submit_parts` and :func:`extract`."""
    if client in _QUIETED:
        return
    client.register_plugin(_no_profiler(), name="workreport-no-profiler")
    _QUIETED.add(client)


#: The clients whose workers' profiler is stopped already (weakly: a closed client goes).
_QUIETED: weakref.WeakSet[Any] = weakref.WeakSet()


def _no_profiler() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class NoProfiler(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            for name in ("profile", "profile-cycle"):
                callback = worker.periodic_callbacks.pop(name, None)
                if callback is not None:
                    callback.stop()

    return NoProfiler()


def plan(
    client: Any, paths: Sequence[str | os.PathLike[str]], *, max_chars: int | None = None,
    part_size: int = PART_SIZE,
) -> list[Part]:  # fmt: skip
    """The parts of a batch, its files hashed by the workers."""
    sources = list_sources(paths)
    names = [source for source, _ in sources]
    chunks = [names[i : i + HASH_CHUNK] for i in range(0, len(names), HASH_CHUNK)]
    futures = client.map(hash_sources, chunks, max_chars=max_chars, pure=False)
    shas = [sha for chunk in client.gather(futures) for sha in chunk]
    return plan_parts(sources, shas, size=part_size)


def submit_parts(
    client: Any, out: str, parts: Sequence[Part], *, rules: RuleSet | None = None,
    max_chars: int | None = None, with_text: bool = False,
) -> list[Any]:  # fmt: skip
    """One task per part (:func:`extractor.batch.parts.run_part`), in batch order; the
    futures.  The rule set, when not the default, is sent to each worker once."""
    quiet_profiler(client)
    shared = client.scatter(rules, broadcast=True) if rules is not None else None
    return [
        client.submit(
            run_part,
            out,
            part,
            rules=shared,
            max_chars=max_chars,
            with_text=with_text,
            key=f"workreport-part-{part.index:05d}-{os.urandom(4).hex()}",
            pure=False,
        )
        for part in parts
    ]


def write_dataset(
    paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *, client: Any,
    rules: RuleSet | None = None, max_chars: int | None = None, with_text: bool = False,
    resume: bool = False, part_size: int = PART_SIZE, parts: Sequence[Part] | None = None,
    on_part: Callable[[Part, Done], None] | None = None,
) -> list[Part]:  # fmt: skip
    """Extract a batch on ``client``'s cluster into ``out`` as partitioned datasets; the
    parts written.  ``parts``: those to write, when planned already (:func:`plan`,
    :func:`extractor.batch.parts.pending_parts`).  ``on_part(part, done)`` is called as
    each part is written."""
    from distributed import as_completed

    if parts is None:
        planned = plan(client, paths, max_chars=max_chars, part_size=part_size)
        parts = pending_parts(str(out), planned, resume=resume)
    todo = list(parts)
    futures = submit_parts(
        client, str(out), todo, rules=rules, max_chars=max_chars, with_text=with_text
    )
    by_key = {future.key: part for future, part in zip(futures, todo, strict=True)}
    for future in as_completed(futures):
        done = future.result()
        if on_part is not None:
            on_part(by_key[future.key], done)
    return todo


def extract(
    paths: Sequence[str | os.PathLike[str]], *, rules: RuleSet | None = None,
    max_chars: int | None = None, with_text: bool = False, part_size: int = PART_SIZE,
    client: Any = None,
) -> dict[str, Any]:  # fmt: skip
    """Every table of a batch as a lazy dask DataFrame (one partition per part).

    The files are listed now and hashed on the cluster (``client``, else the client or
    scheduler dask uses by default); nothing is parsed until the frames are computed."""
    import dask.dataframe as dd
    from dask.base import compute
    from dask.delayed import delayed

    from extractor.export.tables import frame

    if client is not None:
        quiet_profiler(client)
        parts = plan(client, paths, max_chars=max_chars, part_size=part_size)
    else:
        sources = list_sources(paths)
        names = [source for source, _ in sources]
        chunks = [names[i : i + HASH_CHUNK] for i in range(0, len(names), HASH_CHUNK)]
        hashed = compute(*(delayed(hash_sources)(c, max_chars) for c in chunks))
        parts = plan_parts(sources, [sha for chunk in hashed for sha in chunk], size=part_size)
    rows = [
        delayed(part_rows, pure=True)(part, rules=rules, max_chars=max_chars, with_text=with_text)
        for part in parts
    ]
    return {
        name: dd.from_delayed(
            [delayed(_frame)(name, r, with_text) for r in rows],
            meta=frame(name, [], with_text=with_text),
            verify_meta=False,
        )
        for name in TABLES
    }


def _frame(name: str, rows: dict[str, list[Row]], with_text: bool) -> Any:
    from extractor.export.tables import frame

    return frame(name, rows.get(name, []), with_text=with_text)
