"""What an infinitely fast native step would save: each step's output replayed, the rest run.

A prototype of issue 23's projection.  For one step at a time (the number tokenizer, the
figures, the time references, the claims, the campaigns, the audit …) the corpus is parsed
once with the step recording what it returns, call by call, and then parsed again with the
step replaced by a replay of those outputs: the difference of the two CPU times is all a
native version of the step could save, however fast.  What it could not save is the Python
records it must still hand back; their construction is timed apart (``records``).

The steps are patched where they are looked up (``module.name``), which mypyc-compiled
modules do not do: run it on the interpreted checkout::

    python benchmarks/prototypes/oracle.py --every 2
    python benchmarks/prototypes/oracle.py --every 8 --instructions   # callgrind, slow

With ``--instructions`` each row is counted with callgrind instead (the outputs are pickled
by a first run, then a child reads, parses and builds the rows of the same texts with the
steps replayed from them, less a child that only starts and loads them).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "prototypes"))

from regex_calls import corpus, run  # noqa: E402  (the same texts and the same loop)

_P = "extractor.pipeline"
#: (label, the steps replayed together: (module that calls the step, its name there)).
STEPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("number tokens (find_numbers)", (("extractor.claims.figures", "find_numbers"),)),
    ("time references (find_times)", (("extractor.claims.claims", "find_times"),)),
    ("figures (find_figures: numbers, units)", (("extractor.claims.claims", "find_figures"),)),
    ("claims (find_claims: figures, context)", ((_P, "find_claims"),)),
    ("campaigns (find_campaigns)", ((_P, "find_campaigns"),)),
    ("placeholders (find_placeholders)", ((_P, "find_placeholders"),)),
    ("measures (find_measures)", ((_P, "find_measures"),)),
    ("sections (find_sections)", ((_P, "find_sections"),)),
    ("audit", ((_P, "audit"),)),
    (
        "**the issue's native core**: claims, campaigns, placeholders",
        ((_P, "find_claims"), (_P, "find_campaigns"), (_P, "find_placeholders")),
    ),
    (
        "**all of the parse but the layout**: + sections, measures, audit",
        (
            (_P, "find_claims"), (_P, "find_campaigns"), (_P, "find_placeholders"),
            (_P, "find_sections"), (_P, "find_measures"), (_P, "audit"),
        ),
    ),
)  # fmt: skip


def recorded(steps: tuple[tuple[str, str], ...], work: Callable[[], None]) -> list[list[Any]]:
    """What each step returned, call by call, while ``work`` ran (the steps are restored)."""
    import importlib

    patched = [(importlib.import_module(m), name) for m, name in steps]
    reals = [getattr(module, name) for module, name in patched]
    outputs: list[list[Any]] = [[] for _ in patched]

    def recorder(k: int) -> Callable[..., Any]:
        def record(*args: Any, **kwargs: Any) -> Any:
            out = reals[k](*args, **kwargs)
            outputs[k].append(out)
            return out

        return record

    try:
        for k, (module, name) in enumerate(patched):
            setattr(module, name, recorder(k))
        work()
    finally:
        for k, (module, name) in enumerate(patched):
            setattr(module, name, reals[k])
    return outputs


def cpu(fn: Callable[[], None], times: int = 3) -> float:
    best = 1e9
    for _ in range(times):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def rebuild_cost(outputs: list[Any]) -> float:
    """CPU seconds to build again every record the step returned (what a native step
    must still do): named tuples from their fields, dataclasses from their slots."""
    items = [x for out in outputs for x in (out if isinstance(out, list | tuple) else [out])]
    makers: list[tuple[Any, tuple[Any, ...]]] = []
    for x in items:
        if isinstance(x, tuple) and hasattr(x, "_fields"):
            makers.append((type(x), tuple(x)))
        elif dataclasses.is_dataclass(x):
            names = [f.name for f in dataclasses.fields(x) if f.init]
            makers.append((type(x), tuple(getattr(x, n) for n in names)))

    def build() -> None:
        for cls, args in makers:
            cls(*args)

    return cpu(build)


def oracle(docs: list[Any], steps: tuple[tuple[str, str], ...]) -> tuple[float, float]:
    """(CPU seconds of the corpus with the steps replayed, seconds to rebuild their records)."""
    import importlib

    patched = [(importlib.import_module(m), name) for m, name in steps]
    reals = [getattr(module, name) for module, name in patched]
    outputs = recorded(steps, lambda: run(docs))
    at = [0] * len(patched)

    def replayer(k: int) -> Callable[..., Any]:
        def replay(*args: Any, **kwargs: Any) -> Any:
            out = outputs[k][at[k]]
            at[k] += 1
            return list(out) if isinstance(out, list) else out  # callers may add to a list

        return replay

    def patch(makers: list[Callable[..., Any]] | None) -> None:
        for k, (module, name) in enumerate(patched):
            setattr(module, name, makers[k] if makers else reals[k])

    def replayed() -> None:
        at[:] = [0] * len(patched)
        run(docs)

    try:
        patch([replayer(k) for k in range(len(patched))])
        seconds = cpu(replayed)
    finally:
        patch(None)
    return seconds, sum(rebuild_cost(out) for out in outputs)


#: The callgrind child: start up, load the recorded outputs, patch the steps; with
#: "replay", read, parse and build the rows of the texts.
_CHILD = r"""
import importlib, pickle, sys
from pathlib import Path
from extractor import parse
from extractor.export.rows import report_rows
from extractor.io.reading import read_document
stage, dump, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
steps, outputs = pickle.loads(Path(dump).read_bytes())
at = [0] * len(steps)
def replayer(k):
    def replay(*args, **kwargs):
        out = outputs[k][at[k]]
        at[k] += 1
        return list(out) if isinstance(out, list) else out
    return replay
for k, (m, name) in enumerate(steps):
    setattr(importlib.import_module(m), name, replayer(k))
parse("")
at[:] = [0] * len(steps)
if stage == "replay":
    for p in paths:
        d = read_document(p)
        report_rows(parse(d.text, doc_id=d.doc_id, path=str(d.path)))
"""


def instructions(paths: list[Path], steps: tuple[tuple[str, str], ...]) -> int:
    """Instructions of reading, parsing and building the rows of ``paths`` with ``steps``
    replayed (none: the real parse), counted by callgrind."""
    import os
    import pickle
    import re
    import subprocess
    import tempfile

    from extractor.io.reading import read_document

    docs = [read_document(p) for p in paths]
    outputs = recorded(steps, lambda: run(docs))  # the child reads and parses in this order
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        dump, child = Path(tmp) / "outputs.pickle", Path(tmp) / "child.py"
        dump.write_bytes(pickle.dumps((list(steps), outputs)))
        child.write_text(_CHILD, encoding="utf-8")
        for stage in ("load", "replay"):
            cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/{stage}.out",
                   sys.executable, str(child), stage, str(dump), *map(str, paths)]  # fmt: skip
            env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            m = re.search(r"Collected : (\d+)", done.stderr)
            if done.returncode != 0 or m is None:
                sys.exit(f"callgrind failed:\n{done.stderr[-2000:]}")
            counts[stage] = int(m.group(1))
    return counts["replay"] - counts["load"]


def main_instructions(every: int) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from instructions import texts

    from extractor.io.reading import read_document

    paths = texts(every)
    chars = sum(len(read_document(p).text) for p in paths)
    base = instructions(paths, ())
    print(f"{len(paths)} texts, {chars:,} characters; reading, parse and rows "
          f"{base:,} instructions, {base / chars:,.0f} per character\n")  # fmt: skip
    print("| steps replayed | instructions per character | saved | at best |")
    print("|---|---|---|---|")
    for label, steps in STEPS:
        if "**" not in label and "claims" not in label:
            continue  # the combinations and the claims: each row takes minutes
        n = instructions(paths, steps)
        print(f"| {label} | {n / chars:,.0f} | {100 * (base - n) / base:.1f}% | ×{base / n:.2f} |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=2)
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    args = parser.parse_args()
    import extractor.compiled

    if extractor.compiled.compiled_modules():
        sys.exit("run it interpreted: compiled modules do not look the steps up by name")
    if args.instructions:
        return main_instructions(args.every)
    docs = corpus(args.every)
    chars = sum(len(d.text) for d in docs)
    run(docs[:3])
    base = cpu(lambda: run(docs))
    print(f"{len(docs)} texts, {chars:,} characters; parse and rows {base * 1000:.0f} ms CPU\n")
    print("| step replayed | CPU ms | saved | records rebuilt | net saving at best |")
    print("|---|---|---|---|---|")
    for label, steps in STEPS:
        seconds, records = oracle(docs, steps)
        saved = base - seconds
        net = saved - records
        print(
            f"| {label} | {seconds * 1000:.0f} | {saved * 1000:.0f} ms "
            f"({100 * saved / base:.1f}%) | {records * 1000:.0f} ms | "
            f"{100 * net / base:.1f}% (×{base / (base - net):.2f}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
