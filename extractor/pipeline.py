"""The one place that knows the order of the steps: text → layout → outline → elements."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

import regex

from extractor.claims.claims import find_claims
from extractor.elements.campaigns import find_campaigns
from extractor.elements.placeholders import find_placeholders
from extractor.model import Campaign, Claim, Document, Measure, Placeholder, Report
from extractor.outline.layout import find_layout
from extractor.outline.measures import Locator, find_measures
from extractor.outline.periods import find_document_periods
from extractor.outline.sections import find_sections
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.sentences import cached_fold

E = TypeVar("E", Claim, Placeholder, Campaign)

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


def attach(elements: Sequence[E], locator: Locator, measures: Sequence[Measure]) -> tuple[E, ...]:
    """Set each element's section_id and measure_id (the innermost containing its start).

    The elements are the ones this parse just built and nobody else holds yet, so their
    two id fields are filled in place (``dataclasses.replace`` per element cost more than
    finding them); once the Report is returned they are frozen like every record.
    """
    starts = [m.start for m in measures]
    fill = object.__setattr__
    for el in elements:
        i = bisect_right(starts, el.start) - 1
        while i >= 0 and measures[i].end <= el.start:
            i -= 1  # the innermost containing measure is the last one started before
        fill(el, "section_id", locator.id_at(el.start))
        fill(el, "measure_id", measures[i].measure_id if i >= 0 else None)
    return tuple(elements)


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
    rules = rules or default_rules()
    text = normalise_newlines(text)
    folded = cached_fold(text)  # shared with placeholders, claims and campaigns
    layout = find_layout(text, folded, rules=rules)
    head = folded[: min(len(folded), max(layout.body_start, 0) + 600)]
    periods = find_document_periods(layout.title, head, year_hint=_year_hint(path))
    sections = find_sections(text, folded, layout, rules=rules, periods=periods)
    measures = find_measures(text, folded, layout, sections, rules=rules)
    document = Document(
        doc_id=doc_id, path=path, series=series, title=layout.title,
        title_start=layout.title_start, title_end=layout.title_end, period=periods.period,
        review_period=periods.review, plan_period=periods.plan, doc_type=periods.doc_type,
        chars=len(text), encoding=encoding, sha256=sha256, body_start=layout.body_start,
        body_end=layout.body_end,
    )  # fmt: skip
    locator = Locator(sections)
    placeholders = find_placeholders(text, rules=rules)
    plan_spans = [(s.start, s.end) for s in sections if s.kind == "plan"]
    review_spans = [(s.start, s.end) for s in sections if s.kind in ("review", "problems")]
    claims = find_claims(
        text, rules=rules, placeholders=placeholders, plan_spans=plan_spans,
        review_spans=review_spans,
    )  # fmt: skip
    campaigns = find_campaigns(text, rules=rules)
    return Report(
        document,
        text,
        tuple(sections),
        tuple(measures),
        claims=attach(claims, locator, measures),
        placeholders=attach(placeholders, locator, measures),
        campaigns=attach(campaigns, locator, measures),
    )
