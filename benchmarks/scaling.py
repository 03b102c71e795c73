"""Figures for docs/scaling.md: worker throughput, scheduler overhead, and a simulated run of
many small documents on a LocalCluster; and where worker processes pay (``--jobs``).

    python benchmarks/scaling.py simulate --docs 100000 --workdir /tmp/sim   # once: long
    python benchmarks/scaling.py overhead --tasks 5000                       # seconds
    python benchmarks/scaling.py jobs                                        # a few minutes

``simulate`` writes ``--docs`` small reports (each a slice of about ``--chars`` characters
of a real report, cut at a line end, with its number on a last line so that none repeats)
and runs ``workreport extract --engine dask --scheduler local`` over them, then ``compare``
over the datasets; it prints the wall times, throughput, the output's size on disk and the
peak memory of the largest process.  ``overhead`` times ``--tasks`` empty tasks through the
same kind of cluster: the scheduler's cost per task (a part of ``PART_SIZE`` documents is
one task).  ``jobs`` times ``extract --jobs 1`` against ``--jobs 2`` over batches of
several sizes, of real reports and of small ones: where worker processes pay.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import MB, find_sources, table, time_command  # noqa: E402


def small_documents(folder: Path, docs: int, chars: int) -> int:
    """Write ``docs`` reports of about ``chars`` characters, 1,000 a folder; their chars."""
    sources = [s.text for s in find_sources() if len(s.text) > 2 * chars]
    total = 0
    pieces = itertools.cycle(
        text[start : start + chars]
        for text in sources
        for start in range(0, len(text) - chars, chars)
    )
    for n, piece in zip(range(docs), pieces, strict=False):
        cut = piece.rfind("\n")
        body = f"{piece[: cut if cut > chars // 2 else len(piece)]}\n{n:07d}\n"
        sub = folder / f"s{n // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:07d}.txt").write_text(body, encoding="utf-8")
        total += len(body)
    return total


def simulate(args: argparse.Namespace, work: Path) -> list[tuple[str, str]]:
    batch = work / "batch"
    shutil.rmtree(batch, ignore_errors=True)
    start = time.perf_counter()
    chars = small_documents(batch, args.docs, args.chars)
    built = time.perf_counter() - start
    out, cmp_out = work / "out", work / "cmp"
    shutil.rmtree(out, ignore_errors=True)
    engine = ["--engine", "dask", "--scheduler", "local", "--jobs", str(args.jobs)]
    seconds, rss = time_command(["extract", str(batch), "--out", str(out), *engine])
    cmp_s, cmp_rss = time_command(["compare", str(out), "--out", str(cmp_out)])
    size = sum(p.stat().st_size for p in out.rglob("*.parquet"))
    parts = len(list((out / "documents").glob("part-*.parquet")))
    return [
        ("documents", f"{args.docs:,} of ~{args.chars} characters ({chars:,} in all), "
                      f"written in {built:.0f} s"),
        (f"extract --engine dask --scheduler local --jobs {args.jobs}",
         f"{seconds:.0f} s: {args.docs / seconds:,.0f} documents/s, "
         f"{chars / seconds:,.0f} chars/s"),
        ("per worker core", f"{chars / seconds / args.jobs:,.0f} chars/s, "
                            f"{seconds * args.jobs / args.docs * 1000:.2f} ms a document"),
        ("parts (tasks)", f"{parts:,}"),
        ("datasets on disk", f"{size / MB:,.1f} MB ({size / args.docs:,.0f} bytes a document)"),
        ("peak RSS, largest process of the extract", f"{rss / MB:.0f} MB"),
        ("compare over the datasets", f"{cmp_s:.0f} s ({cmp_s / seconds:.1%} of the "
                                      f"extraction), peak {cmp_rss / MB:.0f} MB"),
    ]  # fmt: skip


def overhead(args: argparse.Namespace) -> list[tuple[str, str]]:
    from distributed import wait

    from extractor.batch.cluster import client_for

    with client_for("local", workers=args.jobs) as client:
        client.wait_for_workers(args.jobs)
        wait(client.map(abs, range(100), pure=False))  # warm
        start = time.perf_counter()
        wait(client.map(abs, range(args.tasks), pure=False))
        seconds = time.perf_counter() - start
    return [
        (f"{args.tasks:,} empty tasks on {args.jobs} workers", f"{seconds:.2f} s"),
        ("scheduler overhead a task", f"{seconds / args.tasks * 1000:.2f} ms"),
    ]


def jobs(args: argparse.Namespace, work: Path) -> list[tuple[str, str]]:
    """``extract -j1`` against ``-j2`` on batches of real reports and of small ones."""
    from bench import build_batch

    rows = []
    sources = find_sources()
    for label, count, make in [
        ("8 real reports", 8, None), ("32 real reports", 32, None),
        ("157 real reports (corpora and ../shared/corpora)", 157, None),
        ("1,000 small (1,000 chars)", 1000, 1000),
    ]:  # fmt: skip
        batch = work / "jobs-batch"
        shutil.rmtree(batch, ignore_errors=True)
        if make is None:
            chosen = sources[:: max(1, len(sources) // count)][:count]
            mb = sum(len(s.data) for s in chosen) / MB
            docs = build_batch(chosen, batch, mb).files
        else:
            small_documents(batch, count, make)
            docs = count
        times = {}
        for j in (1, 2):
            shutil.rmtree(work / "jobs-out", ignore_errors=True)
            times[j], _ = time_command(["extract", str(batch), "--out", str(work / "jobs-out"),
                                        "--jobs", str(j)])  # fmt: skip
        rows.append((f"{label}: {docs} files", f"-j1 {times[1]:.1f} s, -j2 {times[2]:.1f} s "
                                               f"(-j2/-j1 {times[2] / times[1]:.2f})"))  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("simulate", "overhead", "jobs"))
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--chars", type=int, default=600)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tasks", type=int, default=5000)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="workreport-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.what == "simulate":
            rows = simulate(args, work)
        elif args.what == "overhead":
            rows = overhead(args)
        else:
            rows = jobs(args, work)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
