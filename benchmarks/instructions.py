"""Instructions a parse costs, counted with callgrind: the stable figure on a shared machine.

Wall clock on these machines moves by a quarter from one run to the next; callgrind's count
of executed instructions repeats exactly for the same build, inputs and environment.  This
script counts the instructions of reading, parsing and building the table rows of a fixed
set of texts — every second file of ``corpora/*.txt`` and ``../shared/corpora/**/*.txt``,
sorted — beyond those of a run that only starts up (imports, rules, the first parse of an
empty text), and prints them per stage::

    python benchmarks/instructions.py            # the checkout's code, as imported here
    python benchmarks/instructions.py --every 4  # a quarter of the texts (faster)
    python benchmarks/instructions.py --python /path/venv/bin/python --installed  # a wheel
    python benchmarks/instructions.py --keep /tmp/cg   # keep callgrind's files (split.py)

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
sys.path.insert(0, str(ROOT))

from extractor.io.reading import read_document  # noqa: E402  (after the checkout's path)

SHARED = ROOT.parent / "shared" / "corpora"

#: The child: start up (imports, rules, the first parse of an empty text), then go as far
#: as its first argument says — read the files, parse them, build their rows.  Each stage's
#: count is the difference between two runs (callgrind sees C functions, not Python ones).
CHILD = r"""
import sys
from pathlib import Path
from extractor import parse
try:
    from extractor.export.rows import report_rows
    from extractor.io.reading import read_document
except ImportError:  # a commit before the package was grouped into folders
    from extractor.rows import report_rows
    from extractor.reading import read_document

import os
stage, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]]
if os.environ.get("WORKREPORT_BENCH_TERMS", "1") == "0":  # rows without the terms table
    from extractor.export.rows import TABLES
    _full = report_rows
    def report_rows(r, _names=[t for t in TABLES if t != "terms"]):
        return _full(r, tables=_names)
parse("")
if stage != "startup":
    docs = [read_document(p) for p in paths]
    if stage != "read":
        reports = [parse(d.text, doc_id=d.doc_id, path=str(d.path)) for d in docs]
        if stage != "parse":
            rows = [report_rows(r) for r in reports]
"""
RUNS = ("startup", "read", "parse", "rows")
STAGES = ("read", "parse", "rows")


def texts(every: int) -> list[Path]:
    """Every ``every``-th text of the sample corpus and the real reports, sorted."""
    found = sorted(ROOT.glob("corpora/*.txt"))
    if SHARED.is_dir():
        found += sorted(SHARED.rglob("*.txt"))
    return found[::every]


def listed(path: Path) -> list[Path]:
    """The texts a file lists, one path a line (relative to the checkout, or absolute)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ROOT / line.strip() for line in lines if line.strip()]


def count(
    paths: list[Path],
    *,
    python: str = sys.executable,
    installed: bool = False,
    keep: Path | None = None,
    runs_of: tuple[str, ...] = RUNS,
) -> dict[str, int]:
    """Instructions of each stage under callgrind (``total``: the three together).

    ``python`` runs the child; ``installed`` imports the package it has installed (a wheel,
    compiled) instead of this checkout; ``keep`` is a folder for callgrind's files
    (``<run>.out``), which ``benchmarks/split.py`` reads."""
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"
        child.write_text(CHILD, encoding="utf-8")
        for run in runs_of:
            log = (keep or Path(tmp)) / f"{run}.out"
            cmd = [
                "valgrind", "--tool=callgrind", f"--callgrind-out-file={log}",
                python, str(child), run, *map(str, paths),
            ]  # fmt: skip
            env = {**os.environ, "PYTHONHASHSEED": "0"}
            if not installed:
                env["PYTHONPATH"] = str(ROOT)
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            m = re.search(r"Collected : (\d+)", done.stderr)
            if done.returncode != 0 or m is None:
                sys.exit(f"callgrind failed ({done.returncode}):\n{done.stderr[-2000:]}")
            runs[run] = int(m.group(1))
    if runs_of != RUNS:
        return runs
    out = {stage: runs[stage] - runs[before] for before, stage in zip(RUNS, STAGES, strict=False)}
    return {**out, "total": runs["rows"] - runs["startup"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=2, help="take every N-th text (default 2)")
    parser.add_argument(
        "--texts",
        type=Path,
        help="count these texts instead (a file of paths, one a line, relative to the checkout "
        "or absolute): the same list for two checkouts whose corpora differ",
    )
    parser.add_argument("--python", default=sys.executable, help="the interpreter to count")
    parser.add_argument(
        "--installed", action="store_true", help="import its installed package, not this checkout"
    )
    parser.add_argument("--keep", type=Path, help="keep callgrind's files in this folder")
    parser.add_argument(
        "--no-terms",
        action="store_true",
        help="build every table's rows but the terms table's (extract --no-terms; and what "
        "commits before the terms table built)",
    )
    args = parser.parse_args()
    paths = texts(args.every) if args.texts is None else listed(args.texts)
    chars = sum(len(read_document(p).text) for p in paths)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    if args.no_terms:
        os.environ["WORKREPORT_BENCH_TERMS"] = "0"
    counted = count(paths, python=args.python, installed=args.installed, keep=args.keep)
    print(f"{len(paths)} texts, {chars:,} characters")
    for stage in (*STAGES, "total"):
        print(f"{stage:<10}{counted[stage]:>16,}{counted[stage] / chars:>10,.0f} /char")
    return 0


if __name__ == "__main__":
    sys.exit(main())
