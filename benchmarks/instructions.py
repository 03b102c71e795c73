"""Instructions a parse costs, counted with callgrind: the stable figure on a shared machine.

Wall clock on these machines moves by a quarter from one run to the next; callgrind's count
of executed instructions repeats exactly for the same build, inputs and environment.  This
script counts the instructions of reading, parsing and building the table rows of a fixed
set of texts — every second file of ``corpora/*.txt`` and ``../shared/corpora/**/*.txt``,
sorted — minus those of a run that only starts up (imports, rules, the first parse of an
empty text), and prints them per stage::

    python benchmarks/instructions.py            # the checkout's code, as imported here
    python benchmarks/instructions.py --every 4  # a quarter of the texts (faster)

It runs the extraction in a child process under ``valgrind --tool=callgrind`` (about 50
times slower than without), so a run over 70 texts takes several minutes.  Compare two
commits by running it in a worktree of each with the same interpreter and build (both
compiled with ``pip install .``, or both interpreted).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"

#: The child: read, parse and turn each listed file into rows, stage by stage (or only
#: start up, with --idle), so that callgrind's toggles count each stage by function name.
CHILD = r"""
import sys
from pathlib import Path
from extractor import parse
from extractor.export.rows import report_rows
from extractor.io.reading import read_document

def read_all(paths):
    return [read_document(p) for p in paths]

def parse_all(docs):
    return [parse(d.text, doc_id=d.doc_id, path=str(d.path)) for d in docs]

def rows_all(reports):
    return [report_rows(r) for r in reports]

parse("")  # start-up: rules, compiled scanners, the first parse
paths = [Path(p) for p in sys.argv[1:]]
if paths:
    rows_all(parse_all(read_all(paths)))
"""
STAGES = ("read_all", "parse_all", "rows_all")


def texts(every: int) -> list[Path]:
    """Every ``every``-th text of the sample corpus and the real reports, sorted."""
    found = sorted(ROOT.glob("corpora/*.txt"))
    if SHARED.is_dir():
        found += sorted(SHARED.rglob("*.txt"))
    return found[::every]


def count(paths: list[Path]) -> dict[str, int]:
    """Instructions of each stage (``total`` for the whole child) under callgrind."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"
        child.write_text(CHILD, encoding="utf-8")
        for stage in (*STAGES, "total"):
            log = Path(tmp) / f"{stage}.out"
            toggle = [f"--toggle-collect=*{stage}*"] if stage != "total" else []
            cmd = [
                "valgrind", "--tool=callgrind", f"--callgrind-out-file={log}", *toggle,
                sys.executable, str(child), *map(str, paths),
            ]  # fmt: skip
            env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            m = re.search(r"Collected : (\d+)", done.stderr)
            if done.returncode != 0 or m is None:
                sys.exit(f"callgrind failed ({done.returncode}):\n{done.stderr[-2000:]}")
            out[stage] = int(m.group(1))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=2, help="take every N-th text (default 2)")
    args = parser.parse_args()
    paths = texts(args.every)
    chars = sum(len(p.read_bytes()) for p in paths)
    counted = count(paths)
    print(f"{len(paths)} texts, {chars:,} bytes")
    for stage in (*STAGES, "total"):
        print(f"{stage:<10}{counted[stage]:>16,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
