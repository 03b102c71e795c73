"""Runs of ``workreport extract`` that die at a chosen moment, for the crash tests.

A run counts its *checkpoints* (every point where a kill leaves something different
behind): each document queued for writing, each chunk written to a temporary file, each
file hashed for the manifest, each rename (tables, journal, manifest).  ``run(args,
kill_at=n)`` sends itself SIGKILL at the n-th one, as ``kill -9`` at that moment would, and
``run(args)`` returns how many a whole run passes.  Deterministic: no timing, no sleeps.

The runs happen in processes forked from this one, which has imported the package and
compiled its rules (:func:`context`): each starts in milliseconds, where a fresh Python
takes a second or more to import pandas and compile the patterns.
``tests/batch/test_crashes.py`` and ``benchmarks/hostile.py`` use it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import extractor.export.tables as tables
import extractor.export.tableset as tableset
from extractor.cli.main import app

#: What is counted as a checkpoint: (module, function name).
CHECKPOINTS: tuple[tuple[Any, str], ...] = (
    (tables.TableWriter, "add_report_rows"),
    (tables.TableWriter, "_write"),
    (tableset, "_sha256"),
    (os, "replace"),
)


def run(args: Sequence[str], kill_at: int = 0) -> tuple[int, int]:
    """``workreport`` with ``args`` in this process; SIGKILL at checkpoint ``kill_at`` (0:
    never).  Its exit code and the number of checkpoints passed."""
    passed = [0]

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def checkpoint(*a: Any, **k: Any) -> Any:
            passed[0] += 1
            if passed[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*a, **k)

        return checkpoint

    for owner, name in CHECKPOINTS:
        setattr(owner, name, counted(getattr(owner, name)))
    try:
        code = app(list(args), standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    return int(code or 0), passed[0]


def _child(args: Sequence[str], kill_at: int, answer: Any) -> None:
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the summary lines; the child ends here
    code, passed = run(args, kill_at)
    answer.put(passed)
    sys.exit(code)


def _marked(args: Sequence[str], marker: str, log: str, after: int) -> None:
    """Run ``args``, touching ``marker`` once ``after`` documents' rows are queued, with
    stderr in ``log``."""
    queue = tables.TableWriter.add_report_rows
    done = [0]

    def add_report_rows(self: tables.TableWriter, rows: Any) -> None:
        queue(self, rows)
        done[0] += 1
        if done[0] >= after:
            Path(marker).touch()

    tables.TableWriter.add_report_rows = add_report_rows  # type: ignore[method-assign]
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - the summary lines; the child ends here
    with open(log, "w", encoding="utf-8") as sys.stderr:
        code, _ = run(args)
    sys.exit(code)


def start_marked(ctx: Any, args: Sequence[str], marker: Path, log: Path, after: int = 1) -> Any:
    """A forked child running ``args`` that writes ``marker`` after ``after`` documents."""
    child = ctx.Process(target=_marked, args=(list(args), str(marker), str(log), after))
    child.start()
    return child


def context() -> Any:
    """The fork context, the parse warmed up first (rules compiled, lexicon built) so that
    each child inherits it."""
    import extractor.cli.resume  # noqa: F401 - imported by extract on first use
    from extractor.export.rows import report_rows
    from extractor.pipeline import parse

    report_rows(parse("一、工作情况\n一是完成投资5亿元，增长12%。二是“放管服”改革。\n"))
    return multiprocessing.get_context("fork")


def in_child(ctx: Any, args: Sequence[str], kill_at: int = 0, timeout: float = 300) -> Any:
    """Run in a forked child: (its exit code, the checkpoints it passed or None if killed)."""
    answer = ctx.SimpleQueue()
    child = ctx.Process(target=_child, args=(list(args), kill_at, answer))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        raise TimeoutError(f"workreport {' '.join(args)} did not end in {timeout} s")
    return child.exitcode, (None if answer.empty() else answer.get())
