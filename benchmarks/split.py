"""Whose instructions a parse executes: regex engines, the interpreter, allocation, strings.

Reads the callgrind files ``benchmarks/instructions.py --keep DIR`` left (``read.out``,
``parse.out``, ``rows.out``) and prints, for the parse (``parse.out`` less ``read.out``:
the same texts read in both) and the rows, the instructions of each group of C functions
(callgrind sees C functions only: the Python code a function runs shows as the
interpreter's loop, or as the compiled modules' own code under mypyc)::

    python benchmarks/instructions.py --every 8 --keep /tmp/cg
    python benchmarks/split.py /tmp/cg [--chars N] [--top 25]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

#: The groups, in the order a function is tested against them (file or object path).
GROUPS = (
    ("regex (the regex module)", r"_regex\.cpython|_regex_unicode"),
    ("re (the standard library's _sre)", r"Modules/_sre/"),
    ("Aho-Corasick (lexicon)", r"ahocorasick"),
    ("native (extractor.text._native)", r"_native\.c|text/_native"),
    ("compiled modules (mypyc)", r"__mypyc|/extractor/|build/__native"),
    ("interpreter loop", r"Python/ceval\.c|Python/ceval_gil|Python/frame"),
    ("allocation and GC", r"malloc|obmalloc|gcmodule|Objects/object\.c"),
    ("str", r"unicodeobject|stringlib|unicodectype|bytesobject|codecs"),
    ("dict and set", r"dictobject|setobject"),
    ("tuple, list, slices", r"tupleobject|listobject|sliceobject|listsort|bisect"),
    ("int and float", r"longobject|floatobject|dtoa"),
    (
        "calls, attributes, types",
        r"call\.c|typeobject|descrobject|abstract\.c|methodobject|funcobject|classobject"
        r"|structseq|genobject|moduleobject|structmember|getargs|modsupport|pystate|weakref"
        r"|iterobject|enumobject|boolobject|rangeobject",
    ),
    ("other libpython", r"libpython|/Python-3\.\d+\.\d+/"),
    ("libc, other", r""),
)
#: A function's line: its count, share, ``file:function`` and ``[object]``, which
#: callgrind_annotate sometimes leaves out (the file's path then tells the group).
_LINE = re.compile(r"^\s*([\d,]+)\s+\([^)]*\)\s+(.*?)(?:\s+\[(.*)\])?\s*$")


def functions(path: Path) -> Counter[str]:
    """Instructions per function (``file:function [object]``) of one callgrind file."""
    out = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--threshold=100", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found: Counter[str] = Counter()
    for line in out.splitlines():
        m = _LINE.match(line)
        if m and "PROGRAM TOTALS" not in line and "events annotated" not in line:
            obj = m.group(3) or "?"
            name = re.sub(r"'\d+$", "", m.group(2))  # recursion levels: one function
            found[f"{name} [{obj}]"] += int(m.group(1).replace(",", ""))
    return found


def minus(a: Counter[str], b: Counter[str]) -> Counter[str]:
    """``a - b`` per function, negative differences kept (Counter's own drops them)."""
    out = Counter(a)
    out.subtract(b)
    return out


def group_of(function: str) -> str:
    for name, pattern in GROUPS:
        if re.search(pattern, function):
            return name
    return GROUPS[-1][0]


def report(label: str, diff: Counter[str], chars: int | None, top: int) -> None:
    total = sum(diff.values())
    per = f", {total / chars:,.0f} per character" if chars else ""
    print(f"\n### {label}: {total:,} instructions{per}\n")
    print("| group | instructions | share |\n|---|---|---|")
    groups: Counter[str] = Counter()
    for fn, n in diff.items():
        groups[group_of(fn)] += n
    for name, _ in GROUPS:
        if groups[name]:
            print(f"| {name} | {groups[name]:,} | {100 * groups[name] / total:.1f}% |")
    print(f"\n{top} functions:\n")
    for fn, n in diff.most_common(top):
        if n <= 0:
            break
        short = re.sub(r"^.*/", "", fn.split(" [")[0])
        print(f"- {100 * n / total:4.1f}% {short} ({group_of(fn)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--chars", type=int, help="characters of the texts, for per-character")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    read, parse = functions(args.folder / "read.out"), functions(args.folder / "parse.out")
    report("parse", minus(parse, read), args.chars, args.top)
    rows = args.folder / "rows.out"
    if rows.exists():
        report("rows", minus(functions(rows), parse), args.chars, 10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
