"""One Hyperscan pass for every whole-text scan of a parse: what it would save, measured.

A prototype of issue 23's rule compiler, kept out of the package.  It

1. records every pattern the parse runs over a whole text (a ``finditer``/``sub`` over
   the full text: time references, clause marks, quotes, documents, honours, numerals,
   shares, masks, the fold's runs, audit scans …) by wrapping the compiled patterns
   (``regex_calls.install``);
2. compiles them into one Hyperscan database (UTF-8, prefilter mode: Hyperscan
   approximates what it cannot run exactly and reports a superset of match ends; atomic
   groups, possessive quantifiers, branch resets and set operations are widened first);
3. checks on every text that each exact match's end is among the database's ends for its
   pattern (the superset the design relies on), and that the exact pattern run only in
   windows ``[end - width - margin, end + margin]`` around those ends finds the same
   matches as the whole-text scan (``width``: the pattern's longest match, from
   ``re._parser``; unbounded patterns keep the whole-text scan);
4. times, in CPU time over the corpus: today's whole-text scans, the Hyperscan pass with
   its Python callback and the byte → character offsets, and the confirmations.

Run with an interpreter that has ``hyperscan``::

    /venv/bin/python benchmarks/prototypes/hyperscan_scan.py --every 2
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "prototypes"))

import regex  # noqa: E402
import regex_calls  # noqa: E402

_WHOLE: dict[tuple[str, int, str], Any] = {}


def _record() -> None:
    """Remember every pattern that scans a whole text (its proxy sees pos 0, no endpos)."""
    orig_finditer, orig_sub = regex_calls._Proxy.finditer, regex_calls._Proxy.sub

    def finditer(self: Any, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        if pos == 0 and (endpos is None or endpos >= len(string)) and len(string) > 400:
            _WHOLE.setdefault((self.engine, self._p.flags, self._p.pattern), self._p)
        return orig_finditer(self, string, pos, endpos)

    def sub(self: Any, repl: Any, string: str, count: int = 0) -> Any:
        if len(string) > 400:
            _WHOLE.setdefault((self.engine, self._p.flags, self._p.pattern), self._p)
        return orig_sub(self, repl, string, count)

    regex_calls._Proxy.finditer, regex_calls._Proxy.sub = finditer, sub  # type: ignore


def widened(pattern: str) -> str:
    """What Hyperscan reads of a Python pattern, as a superset of its matches."""
    p = pattern.replace("(?>", "(?:").replace("(?|", "(?:").replace("(?r)", "")
    p = re.sub(r"(?<!\\)([*+?}])\+", r"\1", p)  # possessive → greedy
    p = re.sub(r"\[\\p\{Han\}--\[[^\]]*\]\]", r"\\p{Han}", p)  # set difference → the set
    p = p.replace("(?P<", "(?<")
    return p


def width(pattern: Any) -> int | None:
    """The longest match of a pattern, when ``re`` reads it and it is bounded."""
    try:
        flags = re.ASCII if pattern.flags & regex.ASCII else 0
        _, hi = re._parser.parse(pattern.pattern, flags).getwidth()  # type: ignore[attr-defined]
    except Exception:
        return None
    return hi if hi < 4096 else None


def build(patterns: list[Any]) -> tuple[Any, list[int], list[str]]:
    import hyperscan

    keep, exprs, flags, failed = [], [], [], []
    for i, p in enumerate(patterns):
        f = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_ALLOWEMPTY
        if not p.flags & regex.ASCII:
            f |= hyperscan.HS_FLAG_UCP
        try:
            expr = widened(p.pattern).encode()
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            db.compile(expressions=[expr], ids=[i], elements=1, flags=[f])
        except Exception as exc:
            failed.append(f"{p.pattern[:60]!r}: {exc}")
            continue
        keep.append(i)
        exprs.append(expr)
        flags.append(f)
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=exprs, ids=keep, elements=len(exprs), flags=flags)
    return db, keep, failed


def hs_ends(db: Any, text: str, n: int) -> list[list[int]]:
    """Per pattern, the character offsets where the database reports a match end."""
    data = text.encode("utf-8")
    hits: list[tuple[int, int]] = []

    def on_match(id_: int, start: int, end: int, flags: int, ctx: Any) -> None:
        hits.append((end, id_))

    db.scan(data, match_event_handler=on_match)
    hits.sort()
    ends: list[list[int]] = [[] for _ in range(n)]
    byte, char = 0, 0
    for end, id_ in hits:
        if end != byte:
            char += len(data[byte:end].decode("utf-8", "surrogatepass"))
            byte = end
        ends[id_].append(char)
    return ends


def windows(ends: list[int], w: int, margin: int, size: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for e in ends:
        lo, hi = max(0, e - w - margin), min(size, e + margin)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def confirm(p: Any, text: str, wins: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for lo, hi in wins:
        for m in p.finditer(text, lo, hi):
            if not found or m.start() >= found[-1][1]:
                found.append(m.span())
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--margin", type=int, default=8)
    args = parser.parse_args()
    regex_calls.install()
    _record()
    from extractor.text.fold import fold

    docs = regex_calls.corpus(args.every)
    regex_calls.run(docs)
    patterns = list(_WHOLE.values())
    folded = [fold(d.text.replace("\r\n", "\n")) for d in docs]
    chars = sum(map(len, folded))
    t = time.process_time()
    db, keep, failed = build(patterns)
    build_s = time.process_time() - t
    n = len(patterns)
    print(
        f"{len(docs)} texts, {chars:,} characters; {n} whole-text patterns, "
        f"{len(keep)} in one Hyperscan database (built in {build_s:.2f} s)"
    )
    for f in failed:
        print("  not compiled:", f)
    widths = [width(p) for p in patterns]
    # correctness: superset of ends, and windowed confirmation equals the whole scan
    missing, differ, cands, exact = [0] * n, [0] * n, [0] * n, [0] * n
    for text in folded:
        ends = hs_ends(db, text, n)
        for i in keep:
            whole = [m.span() for m in patterns[i].finditer(text)]
            exact[i] += len(whole)
            cands[i] += len(ends[i])
            have = set(ends[i])
            missing[i] += sum(1 for _, e in whole if e not in have)
            if widths[i] is not None:
                wins = windows(ends[i], widths[i], args.margin, len(text))
                got = confirm(patterns[i], text, wins)
                differ[i] += got != [s for s in whole if s[0] != s[1]]
    print("\n| pattern | width | exact matches | Hyperscan ends | ends missed | texts differing |")
    print("|---|---|---|---|---|---|")
    for i in keep:
        w = "∞" if widths[i] is None else widths[i]
        row = f"{w} | {exact[i]:,} | {cands[i]:,} | {missing[i]} | {differ[i]}"
        print(f"| `{patterns[i].pattern[:40]}` | {row} |")

    # timing, CPU, best of three
    def best(fn: Any) -> float:
        out = 1e9
        for _ in range(3):
            t = time.process_time()
            fn()
            out = min(out, time.process_time() - t)
        return out

    def today() -> None:
        for text in folded:
            for i in keep:
                list(patterns[i].finditer(text))

    def scan_only() -> None:
        for text in folded:
            hs_ends(db, text, n)

    bounded = [i for i in keep if widths[i] is not None]

    def scan_and_confirm() -> None:
        for text in folded:
            ends = hs_ends(db, text, n)
            for i in keep:
                if widths[i] is None:
                    list(patterns[i].finditer(text))
                else:
                    confirm(patterns[i], text, windows(ends[i], widths[i], args.margin, len(text)))

    def raw_scan() -> None:
        for text in folded:
            db.scan(text.encode("utf-8"), match_event_handler=lambda *a: None)

    t_today, t_scan = best(today), best(scan_only)
    t_all, t_raw = best(scan_and_confirm), best(raw_scan)
    print(f"\nbounded patterns: {len(bounded)} of {len(keep)}")
    print("| what | CPU ms | chars/s |\n|---|---|---|")
    for label, s in (
        ("today: each pattern's finditer over the whole text", t_today),
        ("Hyperscan: one pass, callback per end, no offsets", t_raw),
        ("Hyperscan: one pass + character offsets per pattern", t_scan),
        ("Hyperscan pass + exact confirmation in windows", t_all),
    ):
        print(f"| {label} | {s * 1000:.1f} | {chars / s / 1e6:.1f} M |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
