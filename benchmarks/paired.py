"""Two builds timed in turn on the same texts: the ratio of their times, round by round.

On a shared machine a single timing moves by a quarter or more from one run to the next;
what the load does to one build it does to the other when the two alternate.  Each round
runs build A, then build B (the order swapped every other round), each in a child process
that starts up (imports, rules, the first parse of an empty text), then reads, parses and
builds the table rows of the texts (all tables but the terms table, where a build has it),
and reports its CPU time and wall time for that work only::

    python benchmarks/paired.py --a /venvA/bin/python --b /venvB/bin/python --every 4 --rounds 5

Each interpreter imports the package it has installed (a compiled wheel; the child runs
outside any checkout so that no sources shadow it), or, with ``--a-src`` / ``--b-src``, the
checkout at that path (interpreted: a checkout holds no compiled modules)::

    python benchmarks/paired.py --a python --a-src /tmp/base --b python --b-src . --every 4

The texts are those of ``instructions.py`` (every N-th of ``corpora/`` and
``../shared/corpora``).  It prints every round and the median of the ratios B / A.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from instructions import texts  # the same texts as the instruction counts

#: The child: start up, then time reading, parsing and building rows (no terms table).
CHILD = r"""
import json, sys, time
from pathlib import Path
from extractor import parse
try:
    from extractor.export.rows import TABLES, report_rows
    from extractor.io.reading import read_document
    names = [t for t in TABLES if t != "terms"]
    def rows(r):
        return report_rows(r, tables=names)
except ImportError:  # a commit before the package was grouped into folders (no terms table)
    from extractor.rows import report_rows as rows
    from extractor.reading import read_document
paths = [Path(p) for p in sys.argv[1:]]
parse("")
cpu, wall = time.process_time(), time.perf_counter()
for p in paths:
    d = read_document(p)
    rows(parse(d.text, doc_id=d.doc_id, path=str(d.path)))
print(json.dumps({"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))
"""


def timed(python: str, src: str | None, child: Path, paths: list[Path]) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONHASHSEED"] = "0"
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve())
    done = subprocess.run(
        [python, str(child), *map(str, paths)],
        capture_output=True, text=True, env=env, check=True, cwd=tempfile.gettempdir(),
    )  # fmt: skip
    out: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--a", required=True, help="build A's interpreter")
    parser.add_argument("--b", required=True, help="build B's interpreter")
    parser.add_argument("--a-src", help="build A is this checkout, interpreted")
    parser.add_argument("--b-src", help="build B is this checkout, interpreted")
    parser.add_argument("--every", type=int, default=4, help="take every N-th text")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = texts(args.every)
    cpu_ratios, wall_ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"
        child.write_text(CHILD, encoding="utf-8")
        for i in range(args.rounds):
            order = ("a", "b") if i % 2 == 0 else ("b", "a")
            got = {
                k: timed(getattr(args, k), getattr(args, f"{k}_src"), child, paths) for k in order
            }
            cpu_ratios.append(got["b"]["cpu"] / got["a"]["cpu"])
            wall_ratios.append(got["b"]["wall"] / got["a"]["wall"])
            print(
                f"round {i + 1}: A {got['a']['cpu']:.2f} s CPU ({got['a']['wall']:.2f} wall), "
                f"B {got['b']['cpu']:.2f} s CPU ({got['b']['wall']:.2f} wall); B/A CPU "
                f"{cpu_ratios[-1]:.3f}, wall {wall_ratios[-1]:.3f}",
                flush=True,
            )
    print(
        f"{len(paths)} texts; median B/A: CPU {statistics.median(cpu_ratios):.3f}, "
        f"wall {statistics.median(wall_ratios):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
