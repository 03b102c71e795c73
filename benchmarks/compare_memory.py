"""Does ``compare``'s peak memory grow with the number of documents? Measure it over copies.

Extracting 16 copies of the corpora to get 16 times the tables takes minutes; copying the
tables does not.  ``replicate`` writes ``--copies`` copies of an extracted folder's tables
as a partitioned dataset (parts of ``--part-size`` documents, as ``extract --engine dask``
writes them), each copy's documents renamed (``doc_id~003``, its path likewise) and kept in
their series, as ``bench.py`` keeps its unique copies of a file in their folder; ``measure``
runs ``python -m extractor compare`` over such folders in a subprocess and prints its
seconds and the peak RSS of its largest process::

    python -m extractor extract corpora ../shared/corpora --out /tmp/base --jobs 1
    python benchmarks/compare_memory.py replicate /tmp/base /tmp/x1 --copies 1
    python benchmarks/compare_memory.py replicate /tmp/base /tmp/x4 --copies 4
    python benchmarks/compare_memory.py replicate /tmp/base /tmp/x16 --copies 16
    python benchmarks/compare_memory.py replicate /tmp/base /tmp/x64 --copies 64 --new-series
    python benchmarks/compare_memory.py replicate /tmp/base /tmp/s16 --copies 16 --new-series
    python benchmarks/compare_memory.py measure /tmp/x1 /tmp/x4 /tmp/x16 /tmp/s16

Memory is what to read here; the seconds move with the machine's load.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from bench import time_command  # noqa: E402  (benchmarks/ is the script's folder)

from extractor.export.dataset import part_name  # noqa: E402
from extractor.export.frames import read_tables  # noqa: E402
from extractor.export.rows import TABLES  # noqa: E402


def replicate(
    source: Path, out: Path, copies: int, part_size: int, *, new_series: bool = False
) -> int:
    """Write ``copies`` renamed copies of the tables in ``source`` as a dataset in ``out``
    (``new_series``: each copy a series of its own, as more counties would be); the number
    of documents written."""
    tables = read_tables(source, names=list(TABLES))
    docs = tables["documents"]
    ids = list(docs["doc_id"])
    per_part = [ids[i : i + part_size] for i in range(0, len(ids), part_size)]
    index = 0
    for copy in range(copies):
        suffix = f"~{copy:03d}"
        for chunk in per_part:
            # documents last: its part marks the part complete
            for name in [*(t for t in TABLES if t != "documents"), "documents"]:
                frame = tables.get(name)
                if frame is None:
                    continue
                rows = frame[frame["doc_id"].isin(chunk)].copy()
                rows["doc_id"] = rows["doc_id"].astype(str) + suffix
                if name == "documents":
                    rows["path"] = rows["path"].astype(str) + suffix
                    if new_series:
                        rows["series"] = rows["series"].astype(str) + suffix
                    if "sha256" in rows.columns:
                        rows["sha256"] = rows["sha256"].astype(str) + suffix
                target = out / name / part_name(index)
                target.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(pa.Table.from_pandas(rows, preserve_index=False), target)
            index += 1
    return copies * len(ids)


def measure(folder: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of ``compare`` over a folder of tables."""
    target = folder.with_name(folder.name + "-compare")
    return time_command(["compare", str(folder), "--out", str(target), "--jobs", str(jobs)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("replicate", help="copies of a folder's tables, as a dataset")
    rep.add_argument("source", type=Path)
    rep.add_argument("out", type=Path)
    rep.add_argument("--copies", type=int, default=1)
    rep.add_argument("--part-size", type=int, default=64)
    rep.add_argument("--new-series", action="store_true", help="each copy its own series")
    mea = sub.add_parser("measure", help="seconds and peak RSS of compare over folders")
    mea.add_argument("folders", type=Path, nargs="+")
    mea.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    if args.command == "replicate":
        n = replicate(
            args.source, args.out, args.copies, args.part_size, new_series=args.new_series
        )
        print(f"{args.out}: {n} documents in {math.ceil(n / args.part_size)} parts or more")
        return 0
    print("| tables | documents | compare | peak RSS |\n|---|---|---|---|")
    for folder in args.folders:
        docs = len(pd.read_parquet(folder / "documents", columns=["doc_id"]))
        seconds, peak = measure(folder, args.jobs)
        print(f"| {folder} | {docs:,} | {seconds:.1f} s | {peak / 2**20:.0f} MB |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
