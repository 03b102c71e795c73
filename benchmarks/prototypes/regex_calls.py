"""Where a parse spends its regex time: every pattern call of a corpus run, timed.

A prototype of issue 23's study, not part of the package.  Before the package is imported,
``re.compile`` and ``regex.compile`` are replaced by versions that wrap each compiled
pattern in a proxy; the proxy times each call of the real pattern (CPU time of the thread,
``time.thread_time_ns``) and counts its matches.  A call is a *scan* when it covers more
than 400 characters (a whole text, a paragraph run), else a *local* call (a context word
at a figure).  Run from the repository root, interpreted (no compiled modules)::

    python benchmarks/prototypes/regex_calls.py [--every N] [--top 30]

It prints the parse's CPU time without the proxies (a child process), then the engine time
per pattern with the proxies, whole-text scans first.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

STATS: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
SCAN_MIN = 400
_clock = time.thread_time_ns


class _Proxy:
    engine = "?"
    __slots__ = ("_name", "_p")

    def __init__(self, compiled: Any) -> None:
        self._p = compiled
        self._name = compiled.pattern[:70]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def _kind(self, string: str, pos: int, endpos: int | None) -> str:
        end = len(string) if endpos is None else min(endpos, len(string))
        return "scan" if end - pos > SCAN_MIN else "local"

    def _note(self, kind: str, ns: int, hits: int) -> None:
        s = STATS[(self.engine, kind, self._name)]
        s[0] += 1
        s[1] += ns
        s[2] += hits

    def _call(self, method: str, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        fn = getattr(self._p, method)
        t = _clock()
        out = fn(string, pos) if endpos is None else fn(string, pos, endpos)
        self._note(self._kind(string, pos, endpos), _clock() - t, out is not None)
        return out

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        t = _clock()
        if endpos is None:
            out = list(self._p.finditer(string, pos))
        else:
            out = list(self._p.finditer(string, pos, endpos))
        self._note(self._kind(string, pos, endpos), _clock() - t, len(out))
        return iter(out)

    def sub(self, repl: Any, string: str, count: int = 0) -> Any:
        t = _clock()
        out = self._p.sub(repl, string, count)
        self._note(self._kind(string, 0, None), _clock() - t, 1)
        return out


class ReProxy(_Proxy):
    engine = "re"
    __slots__ = ()


class RegexProxy(_Proxy):
    engine = "regex"
    __slots__ = ()


def install() -> None:
    """Wrap every pattern compiled from now on (import the package after this)."""
    re_compile, regex_compile = re.compile, regex.compile

    def wrap_re(pattern: Any, flags: int = 0) -> Any:
        return ReProxy(re_compile(pattern, flags))

    def wrap_regex(pattern: Any, flags: int = 0, **kw: Any) -> Any:
        return RegexProxy(regex_compile(pattern, flags, **kw))

    re.compile, regex.compile = wrap_re, wrap_regex  # type: ignore[assignment]
    import types

    import extractor.text.rx as rx

    rx.re = types.SimpleNamespace(**{**vars(re), "Pattern": ReProxy, "compile": wrap_re})


CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from benchmarks.prototypes.regex_calls import corpus, run
docs = corpus({every})
run(docs[:3])
t = time.process_time(); run(docs); print(time.process_time() - t)
"""


def corpus(every: int) -> list[Any]:
    from extractor.io.reading import read_document

    paths = sorted(ROOT.glob("corpora/*.txt"))
    shared = ROOT.parent / "shared" / "corpora"
    if shared.is_dir():
        paths += sorted(shared.rglob("*.txt"))
    return [read_document(p) for p in paths[::every]]


def run(docs: list[Any]) -> None:
    from extractor import parse
    from extractor.export.rows import report_rows

    for d in docs:
        report_rows(parse(d.text, doc_id=d.doc_id, path=str(d.path)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    plain = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), every=args.every)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    base = float(plain.stdout.split()[-1])
    install()
    docs = corpus(args.every)
    run(docs[:3])
    STATS.clear()
    t = time.process_time()
    run(docs)
    proxied = time.process_time() - t
    chars = sum(len(d.text) for d in docs)
    total = sum(s[1] for s in STATS.values()) / 1e9
    print(f"{len(docs)} texts, {chars:,} characters; parse+rows CPU {base:.2f} s without proxies")
    print(f"with proxies {proxied:.2f} s; inside pattern calls {total:.2f} s")
    for kind in ("scan", "local"):
        rows = [(k, v) for k, v in STATS.items() if k[1] == kind]
        ns = sum(v[1] for _, v in rows) / 1e9
        calls = sum(v[0] for _, v in rows)
        print(f"\n## {kind}: {calls:,} calls, {ns:.2f} s ({100 * ns / base:.1f}% of the parse)")
        for eng in ("re", "regex"):
            e = sum(v[1] for k, v in rows if k[0] == eng) / 1e9
            print(f"   {eng}: {e:.2f} s")
        rows.sort(key=lambda kv: -kv[1][1])
        for (eng, _, name), (n, t_ns, hits) in rows[: args.top]:
            print(f"{t_ns / 1e6:9.1f} ms {n:8,} calls {hits:8,} hits  {eng:<5} {name!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
