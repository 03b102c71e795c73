"""CPU time of each step of a parse, and of jieba.lcut on the same texts, in one process.

A prototype of issue 23's study.  It runs the steps of ``extractor.pipeline.parse`` one by
one (the same calls, in the same order) with a CPU clock around each, over every N-th text of
``corpora/`` and ``../shared/corpora``, best of three, and jieba's ``lcut`` over the same
texts.  CPU time (``time.process_time``), not wall time: on a shared machine the wall clock
counts the other processes too, the CPU clock only this one::

    python benchmarks/prototypes/stages.py --every 2              # this checkout, interpreted
    /venv/bin/python benchmarks/prototypes/stages.py --installed  # the venv's (compiled) wheel
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def steps(docs: list[Any], clock: dict[str, float]) -> None:
    from extractor.audit.checks import audit
    from extractor.claims.claims import find_claims
    from extractor.context import Placement, context
    from extractor.elements.campaigns import find_campaigns
    from extractor.elements.placeholders import find_placeholders
    from extractor.export.rows import report_rows
    from extractor.model import Document, Report
    from extractor.outline.layout import find_layout
    from extractor.outline.measures import find_measures
    from extractor.outline.periods import find_document_periods
    from extractor.outline.sections import find_sections
    from extractor.pipeline import _year_hint, normalise_newlines

    # the audit reuses the parse's context since issue 23 (pipeline.parse passes it);
    # a commit before takes no such argument (compiled, it has no signature to read)
    takes = [True]

    def audited(report: Any, ctx: Any) -> Any:
        if takes[0]:
            try:
                return audit(report, rules=ctx.rules, parsed=ctx)
            except TypeError as exc:
                if "parsed" not in str(exc):
                    raise
                takes[0] = False
        return audit(report, rules=ctx.rules)

    pc = time.process_time
    for d in docs:
        t0 = pc()
        ctx = context(normalise_newlines(d.text))
        t1 = pc()
        layout = find_layout(ctx)
        head = ctx.folded[: min(len(ctx.folded), max(layout.body_start, 0) + 600)]
        periods = find_document_periods(layout.title, head, year_hint=_year_hint(str(d.path)))
        sections = find_sections(ctx, layout, periods)
        t2 = pc()
        measures = find_measures(ctx, layout, sections)
        t3 = pc()
        document = Document(
            doc_id=d.doc_id, path=str(d.path), series="", title=layout.title,
            title_start=layout.title_start, title_end=layout.title_end, period=periods.period,
            review_period=periods.review, plan_period=periods.plan, doc_type=periods.doc_type,
            chars=len(ctx.text), encoding="", sha256="", body_start=layout.body_start,
            body_end=layout.body_end,
        )  # fmt: skip
        where = Placement(sections, measures)
        placeholders = find_placeholders(ctx, where=where)
        t4 = pc()
        claims = find_claims(
            ctx, placeholders=placeholders, where=where,
            plan_spans=[(s.start, s.end) for s in sections if s.kind == "plan"],
            review_spans=[(s.start, s.end) for s in sections if s.kind in ("review", "problems")],
        )  # fmt: skip
        t5 = pc()
        campaigns = find_campaigns(ctx, where=where)
        t6 = pc()
        report = Report(
            document, ctx.text, tuple(sections), tuple(measures), claims=tuple(claims),
            placeholders=tuple(placeholders), campaigns=tuple(campaigns),
        )  # fmt: skip
        report = replace(report, findings=tuple(audited(report, ctx)))
        t7 = pc()
        report_rows(report)
        t8 = pc()
        for name, a, b in (
            ("context (fold, sentences)", t0, t1), ("layout, periods, sections", t1, t2),
            ("measures", t2, t3), ("placeholders", t3, t4), ("claims", t4, t5),
            ("campaigns", t5, t6), ("audit", t6, t7), ("rows", t7, t8),
        ):  # fmt: skip
            clock[name] += b - a


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--installed", action="store_true", help="import the installed package")
    args = parser.parse_args()
    if not args.installed:
        sys.path.insert(0, str(ROOT))
    import jieba

    import extractor
    from extractor import parse
    from extractor.io.reading import read_document

    paths = sorted(ROOT.glob("corpora/*.txt"))
    shared = ROOT.parent / "shared" / "corpora"
    if shared.is_dir():
        paths += sorted(shared.rglob("*.txt"))
    t = time.process_time()
    docs = [read_document(p) for p in paths[:: args.every]]
    read = time.process_time() - t
    chars = sum(len(d.text) for d in docs)
    parse(max((d.text for d in docs), key=len))  # rules, lazily compiled patterns
    best: dict[str, float] = {}
    for _ in range(3):
        clock: dict[str, float] = defaultdict(float)
        steps(docs, clock)
        if not best or sum(clock.values()) < sum(best.values()):
            best = dict(clock)
    tok = jieba.Tokenizer()
    tok.initialize()
    jieba_s = 1e9
    for _ in range(2):
        t = time.process_time()
        for d in docs:
            tok.lcut(d.text)
        jieba_s = min(jieba_s, time.process_time() - t)
    total = sum(best.values()) + read
    where = Path(extractor.__file__).parent
    print(f"{len(docs)} texts, {chars:,} characters; extractor from {where}")
    print("| step | CPU ms | share |\n|---|---|---|")
    for name, s in [("read", read), *best.items()]:
        print(f"| {name} | {s * 1000:.1f} | {100 * s / total:.1f}% |")
    print(f"| **total** | {total * 1000:.1f} | {chars / total / 1e6:.2f} M chars/s |")
    print(f"| jieba.lcut | {jieba_s * 1000:.1f} | {chars / jieba_s / 1e6:.2f} M chars/s |")
    print(f"ratio to jieba: {jieba_s / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
