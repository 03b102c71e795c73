"""Does a once-per-text index answer the claims' window questions cheaper than a search?

A prototype of session 12's study (issue 16), not part of the package.  The context
vocabularies behind :class:`extractor.text.rx.Prefiltered` are asked, at every figure,
whether one of their words' literal heads stands wholly inside a window of a few
characters; today each question is one ``re`` search of the heads in that window.  The
alternative: scan each text once per vocabulary for every position where a head starts
(overlapping ones included, the shortest head at each position) and answer a window by a
bisect in that sorted list.

The script records every question a parse asks (vocabulary, text, window), then replays
them both ways, checks that both give the same answer to every question, and prints the CPU
time of each: the per-window searches, the per-text scans, the bisects.  Run from the
repository root, interpreted::

    python benchmarks/prototypes/window_index.py [--every 3] [--paths FILE]

``--paths`` names a file listing the texts (one path a line, relative to ../shared/corpora
or absolute); without it, every ``--every``-th text of ``corpora/``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_left
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extractor.text import rx  # noqa: E402  (after the checkout's path)

_ESCAPE = re.compile(r"\\(.)")
Question = tuple[re.Pattern[str], str, tuple[int, ...]]
QUESTIONS: list[Question] = []


def record() -> None:
    """Note every head test :class:`rx.Prefiltered` makes, then make it."""
    search, finditer = rx.Prefiltered.search, rx.Prefiltered.finditer

    def noted_search(self: Any, text: str, *span: int) -> Any:
        QUESTIONS.append((self._heads, text, span))
        return search(self, text, *span)

    def noted_finditer(self: Any, text: str, *span: int) -> Any:
        QUESTIONS.append((self._heads, text, span))
        return finditer(self, text, *span)

    rx.Prefiltered.search = noted_search  # type: ignore[method-assign]
    rx.Prefiltered.finditer = noted_finditer  # type: ignore[method-assign]


def window(text: str, span: tuple[int, ...]) -> tuple[int, int]:
    start = span[0] if span else 0
    end = span[1] if len(span) > 1 else len(text)
    return max(0, start), min(len(text), end)


def per_window() -> list[bool]:
    return [heads.search(text, *span) is not None for heads, text, span in QUESTIONS]


def index() -> dict[tuple[int, int], tuple[list[int], list[int]]]:
    """Per (vocabulary, text): where a head starts, and where its shortest head there ends."""
    texts = {id(t): t for _, t, _ in QUESTIONS}
    heads = {id(h): h for h, _, _ in QUESTIONS}
    out = {}
    for hid, h in heads.items():
        # the heads are escaped literals; shortest (unescaped) first
        words = sorted(h.pattern.split("|"), key=lambda w: len(_ESCAPE.sub(r"\1", w)))
        starts_at = re.compile("(?=(" + "|".join(words) + "))")  # shortest first: its length
        for tid, text in texts.items():
            starts, ends = [], []
            for m in starts_at.finditer(text):
                starts.append(m.start())
                ends.append(m.end(1))
            out[hid, tid] = (starts, ends)
    return out


def by_index(found: dict[tuple[int, int], tuple[list[int], list[int]]]) -> list[bool]:
    answers = []
    for heads, text, span in QUESTIONS:
        starts, ends = found[id(heads), id(text)]
        start, end = window(text, span)
        i, hit = bisect_left(starts, start), False
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                hit = True
                break
            i += 1
        answers.append(hit)
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--paths", type=Path, help="a file listing the texts, one a line")
    args = parser.parse_args()
    if args.paths:
        shared = ROOT.parent / "shared" / "corpora"
        paths = [shared / p.strip() for p in args.paths.read_text().splitlines() if p.strip()]
    else:
        paths = sorted(ROOT.glob("corpora/*.txt"))
    paths = paths[:: args.every]
    record()
    from extractor import parse
    from extractor.io.reading import read_document

    docs = [read_document(p) for p in paths]
    for d in docs:
        parse(d.text, doc_id=d.doc_id, path=str(d.path))
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} texts, {chars:,} characters, {len(QUESTIONS):,} window questions")
    clock = time.process_time
    for _ in range(3):
        t0 = clock()
        searched = per_window()
        t1 = clock()
        found = index()
        t2 = clock()
        indexed = by_index(found)
        t3 = clock()
        assert searched == indexed, "the index answers a window differently"
        print(
            f"re search per window {1e3 * (t1 - t0):7.1f} ms   "
            f"one scan per text {1e3 * (t2 - t1):7.1f} ms + bisects {1e3 * (t3 - t2):6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
