"""Every pattern on every adversarial string of its alphabet, and the whole parse: 10k vs 100k.

The exhaustive version of ``tests/test_adversarial.py`` (which screens a sample and compares
the slowest).  Every pattern the parser keeps (``tests/adversarial.py`` finds them: rules,
rule data, what modules compile from it, module-level patterns of the core and the
readers, under both engines) is run with ``finditer`` on every unit of its alphabet and on
the generic hostile units, repeated to 10,000 characters; each string whose run takes more
than ``--floor`` seconds there is run again at 100,000 characters (least of three, CPU
time) and their ratio printed.  Linear work gives about 10; a pattern that backtracks about
100.  Then the whole parse (outline, elements, audit, rows) on every generic unit, the same
way.  Exit 1 when a ratio passes ``--max-growth`` (20).

    python benchmarks/adversarial.py            # a few minutes
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from adversarial import GENERIC, growth, repeated, scan_seconds, targets, units  # noqa: E402

from extractor.export.rows import report_rows  # noqa: E402
from extractor.pipeline import parse  # noqa: E402
from extractor.rules.loader import default_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--floor", type=float, default=0.002, help="CPU s at 10k to compare")
    ap.add_argument("--max-growth", type=float, default=20.0)
    args = ap.parse_args()
    rules = default_rules()
    sample = (ROOT / "corpora" / "01_county_halfyear_2020.txt").read_text(encoding="utf-8")
    report_rows(parse(sample, rules=rules))  # what modules compile from the rules
    found = targets(rules)
    started = time.process_time()
    strings = compared = 0
    worst: list[tuple[float, float, str, str, str]] = []
    for target in found:
        for label, unit in units(target).items():
            strings += 1
            short = scan_seconds(target.pattern, repeated(unit, 10_000))
            if short < args.floor:
                continue
            compared += 1
            a, b = growth(lambda t, p=target.pattern: scan_seconds(p, t), unit)
            worst.append((b / a, b, target.name, target.engine, label))
    worst.sort(reverse=True)
    print(f"patterns: {len(found)} · strings: {strings} · compared at 100k: {compared} · "
          f"{time.process_time() - started:.0f} s CPU")  # fmt: skip
    print("\n| ratio 100k/10k | s at 100k | pattern | engine | string |\n|---|---|---|---|---|")
    for ratio, seconds, name, engine, label in worst[:15]:
        print(f"| {ratio:.1f} | {seconds:.4f} | `{name}` | {engine} | {label} |")
    print("\n| whole parse: unit | s at 10k | s at 100k | ratio |\n|---|---|---|---|")
    parses = []
    for unit in GENERIC:
        a, b = growth(lambda t: report_rows(parse(t)), unit, repeat=1)
        parses.append((b / a, a, b, unit))
    for ratio, a, b, unit in sorted(parses, reverse=True)[:15]:
        print(f"| {unit!r} | {a:.3f} | {b:.3f} | {ratio:.1f} |")
    over = [w for w in worst if w[0] > args.max_growth] + [
        p for p in parses if p[0] > args.max_growth
    ]
    print(f"\nover {args.max_growth}: {len(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
