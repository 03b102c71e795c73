"""The records the parser returns: frozen, slotted dataclasses with character offsets.

Every element carries ``start`` and ``end`` into the document text (SPEC §1) and the id
of the rule that produced it, so a user can trace any row back to the text and to the
pattern file.  ``text`` is always ``source[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd  # noqa: TID251


@dataclass(frozen=True, slots=True)
class Document:
    """One input document and what is known about it as a whole."""

    doc_id: str
    path: str = ""
    series: str = ""
    title: str = ""
    title_start: int = -1
    title_end: int = -1
    period: str = ""
    review_period: str = ""
    plan_period: str = ""
    doc_type: str = ""
    chars: int = 0
    encoding: str = ""
    sha256: str = ""
    status: str = "ok"
    error: str = ""
    body_start: int = 0
    body_end: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the outline and the text it governs (heading through its last child)."""

    section_id: str
    parent_id: str | None
    level: int
    marker: str
    ordinal: int
    title: str
    kind: str
    period: str
    start: int
    end: int
    title_start: int
    title_end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Measure:
    """An enumerated (一是…) or lead-sentence item inside a section."""

    measure_id: str
    section_id: str | None
    parent_id: str | None
    marker: str
    ordinal: int
    style: str  # enumerated | lead | dash
    headline: str
    slogan: str
    start: int
    end: int
    headline_start: int
    headline_end: int
    text: str
    rule: str

    @property
    def body(self) -> str:
        """The measure without its marker."""
        return self.text[len(self.marker) :]


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A masked run of text (X, XX, ×××, 某某) and what it masks."""

    placeholder_id: str
    section_id: str | None
    measure_id: str | None
    text: str
    kind: str  # figure | date | name
    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantified claim: a figure with its unit, or a change statement (SPEC §2)."""

    claim_id: str
    section_id: str | None
    measure_id: str | None
    indicator: str
    value_text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    base_unit: str
    approx: str
    change: str  # increase | decrease | flat | ""
    time_ref: str
    is_target: bool
    masked: bool
    sentence: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Campaign:
    """A named campaign, slogan, formula, document title or honour (SPEC §2 Campaign).

    ``text`` is the name as written (without its quote marks); ``norm`` folds quotes, width
    and spacing so one campaign counts once across documents.
    """

    campaign_id: str
    section_id: str | None
    measure_id: str | None
    text: str
    norm: str
    kind: str  # formula | quoted | lexicon | document | honour
    has_placeholder: bool
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything extracted from one document."""

    document: Document
    text: str
    sections: tuple[Section, ...] = ()
    measures: tuple[Measure, ...] = ()
    claims: tuple[Claim, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    campaigns: tuple[Campaign, ...] = ()

    def tables(self) -> dict[str, pd.DataFrame]:
        """The report as pandas DataFrames with the columns of SPEC §4."""
        from extractor.tables import report_tables

        return report_tables([self])

    def section(self, section_id: str | None) -> Section | None:
        """The section with this id, or None."""
        for sec in self.sections:
            if sec.section_id == section_id:
                return sec
        return None

    def measures_of(self, section_id: str) -> list[Measure]:
        """The measures directly inside one section."""
        return [m for m in self.measures if m.section_id == section_id]
