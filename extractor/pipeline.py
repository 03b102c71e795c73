"""The one place that knows the order of the steps: text → layout → outline → elements."""

from __future__ import annotations

from dataclasses import replace

import regex

from extractor.audit.checks import audit
from extractor.claims.claims import find_claims
from extractor.claims.turns import reviewed_parts, without
from extractor.context import Placement, context
from extractor.elements.campaigns import find_campaigns
from extractor.elements.placeholders import find_placeholders
from extractor.model import Document, Report
from extractor.outline.layout import find_layout
from extractor.outline.measures import find_measures
from extractor.outline.periods import dated_sections, find_document_periods
from extractor.outline.sections import find_sections
from extractor.rules.records import RuleSet

_YEAR_HINT = regex.compile(r"(?:^|\D)((?:19|20)\d{2})(?:\D|$)")


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn ``\\r\\n`` / ``\\r`` into ``\\n`` (SPEC §1)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _year_hint(path: str) -> int | None:
    """A year in the file's name (``2024.txt``), the last resort for a report's period."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = _YEAR_HINT.search(name)
    return int(m.group(1)) if m else None


def parse(
    text: str,
    *,
    doc_id: str = "doc",
    path: str = "",
    series: str = "",
    encoding: str = "",
    sha256: str = "",
    rules: RuleSet | None = None,
) -> Report:
    """Parse one report's text into its outline and elements."""
    ctx = context(normalise_newlines(text), rules)
    layout = find_layout(ctx)
    head = ctx.folded[: min(len(ctx.folded), max(layout.body_start, 0) + 600)]
    periods = find_document_periods(layout.title, head, year_hint=_year_hint(path), rules=ctx.rules)
    sections = find_sections(ctx, layout, periods)
    measures = find_measures(ctx, layout, sections)
    document = Document(
        doc_id=doc_id, path=path, series=series, title=layout.title,
        title_start=layout.title_start, title_end=layout.title_end, period=periods.period,
        review_period=periods.review, plan_period=periods.plan, doc_type=periods.doc_type,
        chars=len(ctx.text), encoding=encoding, sha256=sha256, body_start=layout.body_start,
        body_end=layout.body_end, date=layout.date,
    )  # fmt: skip
    # the figures count from the years the titles write, not from a five-year plan they name
    dated = dated_sections(sections, periods, rules=ctx.rules)
    where = Placement(dated, measures)
    placeholders = find_placeholders(ctx, where=where)
    # a part of no kind that speaks of the review period (not the plan's) reviews it too
    reviewed = {"review", "problems"}
    past = periods.review if periods.review != periods.plan else None
    # a plan part whose title reviews first (…发展成就和…主要目标任务) reviews until it turns
    turned = reviewed_parts(ctx.folded, sections, ctx.rules)
    claims = find_claims(
        ctx, placeholders=placeholders, where=where,
        plan_spans=without([(s.start, s.end) for s in sections if s.kind == "plan"], turned),
        review_spans=[(s.start, s.end) for s in dated
                      if s.kind in reviewed or (s.kind == "other" and past and s.period == past)]
        + turned,
    )  # fmt: skip
    campaigns = find_campaigns(ctx, where=where)
    report = Report(
        document, ctx.text, tuple(sections), tuple(measures), claims=tuple(claims),
        placeholders=tuple(placeholders), campaigns=tuple(campaigns),
    )  # fmt: skip
    return replace(report, findings=tuple(audit(report, rules=ctx.rules, parsed=ctx)))
