"""Are the exported tables the same before and after a change? Snapshot them, then compare.

A restructuring (moving modules, moving vocabulary from Python into ``patterns/``) must not
change a single cell.  This script runs ``python -m extractor extract`` over ``corpora/``
and, when it is next to the checkout, ``../shared/corpora``, in JSON Lines and CSV, and
``compare`` over the extracted tables; it records the sha256 of every file written::

    python benchmarks/identical.py snapshot /tmp/before        # before the first commit
    python benchmarks/identical.py snapshot /tmp/after         # after the last
    python benchmarks/identical.py diff /tmp/before /tmp/after # exit 1 when a table differs

``diff`` names each table that changed and counts the rows only before and only after (the
intended changes of a commit are listed in its message and the closing note with these
counts), with a few examples of each.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
FORMATS = ("jsonl", "csv")


def _inputs() -> list[str]:
    inputs = ["corpora"]
    if SHARED.is_dir():
        inputs.append(os.path.relpath(SHARED, ROOT))
    return inputs


def _run(*args: str) -> None:
    cmd = [sys.executable, "-m", "extractor", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }


def snapshot(out: Path, *, with_compare: bool) -> None:
    """Extract (and compare) into ``out`` and write ``out/manifest.json``."""
    out.mkdir(parents=True, exist_ok=True)
    for fmt in FORMATS:
        _run("extract", *_inputs(), "--out", str(out / fmt), "--format", fmt, "--with-text",
             "--jobs", "1")  # fmt: skip
    if with_compare:
        _run("compare", str(out / "jsonl"), "--out", str(out / "compare"), "--format", "jsonl")
    manifest = _digests(out)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    print(f"{len(manifest)} files in {out}")


def _rows(path: Path) -> Counter[str]:
    if path.suffix == ".jsonl":
        return Counter(path.read_text(encoding="utf-8").splitlines())
    return Counter(path.read_text(encoding="utf-8-sig").splitlines()[1:])


def diff(before: Path, after: Path, *, examples: int = 3) -> int:
    """Print what changed between two snapshots; 0 when every file is the same."""
    old = json.loads((before / "manifest.json").read_text())
    new = json.loads((after / "manifest.json").read_text())
    changed = 0
    for name in sorted(set(old) | set(new)):
        if old.get(name) == new.get(name):
            continue
        changed += 1
        if name not in old or name not in new:
            print(f"{name}: only {'after' if name in new else 'before'}")
            continue
        a, b = _rows(before / name), _rows(after / name)
        gone, came = a - b, b - a
        print(f"{name}: {sum(gone.values())} rows only before, {sum(came.values())} only after")
        for label, rows in (("-", gone), ("+", came)):
            for row in list(rows)[:examples]:
                print(f"  {label} {row[:300]}")
    print("identical" if not changed else f"{changed} files differ")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="extract (and compare) into a folder")
    snap.add_argument("out", type=Path)
    snap.add_argument("--no-compare", action="store_true", help="skip workreport compare")
    cmp_ = sub.add_parser("diff", help="compare two snapshots")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out, with_compare=not args.no_compare)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
