"""The records the parser returns: frozen, slotted dataclasses with character offsets.

Every element carries ``start`` and ``end`` into the document text (SPEC §1) and the id
of the rule that produced it, so a user can trace any row back to the text and to the
pattern file.  ``text`` is always ``source[start:end]``.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd  # noqa: TID251

R = TypeVar("R")


def _clip(text: str, limit: int) -> str:
    """``text`` quoted on one line, cut to ``limit`` characters with an ellipsis: what a
    record's ``repr`` shows of its title or text."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _record_html(record: object) -> str:
    """A record as HTML in a notebook: its sentence or text with the span marked, and its
    fields.  The adapter is imported here, on first use: the core imports none at load."""
    from extractor.integrations.notebook import record_html  # noqa: TID251 (lazy, as above)

    return record_html(record)


def _slot_init(cls: type[R]) -> type[R]:
    """Give a frozen, slotted dataclass an ``__init__`` that fills each slot through its
    descriptor: the same instance, built in about 60% of the time.  (The frozen
    ``__init__`` that dataclasses writes calls ``object.__setattr__`` once per field, and
    the parser builds a record for every claim, measure and campaign of a batch.)  The
    class stays frozen: assigning to a field afterwards still raises."""
    names, params = [], []
    scope: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING or not f.init:
            return cls  # not needed by the records; keep dataclasses' own __init__
        scope[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        names.append(f.name)
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names) or "    pass\n"
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", scope)  # as dataclasses does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@_slot_init
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
    date: str = ""  # YYYY-MM-DD from a page's metadata header or the dateline, else ""
    warning: str = ""  # read, with something the reader should know (a link followed …)

    def __repr__(self) -> str:
        return (
            f"<Document {_clip(self.doc_id, 40)} {_clip(self.title, 24)} {self.period or '?'} "
            f"{self.doc_type or '?'} {self.status} {self.chars} chars>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
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

    def __repr__(self) -> str:
        return (
            f"<Section {self.section_id} L{self.level} {_clip(self.marker + self.title, 30)} "
            f"{self.kind or '?'} {self.period or '?'} [{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
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

    def __repr__(self) -> str:
        return (
            f"<Measure {self.measure_id} {_clip(self.marker + self.headline, 30)} "
            f"in {self.section_id} [{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
@dataclass(frozen=True, slots=True)
class Placeholder:
    """A masked run of text (X, XX, ×××, 某某) and what it masks."""

    placeholder_id: str
    section_id: str | None
    measure_id: str | None
    text: str
    kind: str  # figure | date | name
    sentence: str  # at most text.sentences.SENTENCE_WINDOW characters around the mask
    start: int
    end: int
    rule: str
    sentence_start: int = -1  # text[sentence_start:sentence_end] == sentence
    sentence_end: int = -1

    def __repr__(self) -> str:
        return (
            f"<Placeholder {self.placeholder_id} {self.kind} {_clip(self.text, 20)} "
            f"[{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
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
    sentence: str  # at most text.sentences.SENTENCE_WINDOW characters around the figure
    start: int
    end: int
    text: str
    rule: str
    sentence_start: int = -1  # text[sentence_start:sentence_end] == sentence
    sentence_end: int = -1
    #: the starting value of a movement (由26.6万亿元增加到51.9万亿元: 2.66e13; the claim's
    #: value is the level reached), in the base unit; None when there is none
    baseline: float | None = None
    #: the stretch of time the figure covers: ``period`` (the section's year or half-year),
    #: ``multi-year`` (年均, 过去五年, 比2002年, “十三五”期间) or ``to-date`` (累计, 已建成)
    span: str = "period"
    #: the canonical name of the indicator (patterns/indicators.toml), "" when none
    indicator_norm: str = ""

    def __repr__(self) -> str:
        flags = "".join(
            f" {f}" for f, on in (("target", self.is_target), ("masked", self.masked)) if on
        )
        return (
            f"<Claim {self.claim_id} {_clip(self.indicator, 20)} {_clip(self.text, 24)}"
            f"{flags} [{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
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

    def __repr__(self) -> str:
        return (
            f"<Campaign {self.campaign_id} {self.kind} {_clip(self.text, 24)} "
            f"[{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


@_slot_init
@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a reviewer should look at, where it is and why (SPEC §4 ``findings``).

    ``rule`` is the first rule (in :data:`extractor.audit.RULES` order) that found the span
    and ``rules`` every one of them, comma-separated: where several rules see the same
    words (a masked figure is a ``placeholder`` and a ``masked_figure``) they are one
    finding, whose ``message`` gives each reason.  People find it by ``path``, ``line`` and
    ``column`` (1-based, in the document's text), ``heading`` (the titles of the sections
    that hold it, outermost first) and ``marker`` (the measures' markers: 一是 › （1）);
    programs by ``section_id``, ``measure_id`` and the offsets (``text[start:end]``).
    """

    doc_id: str
    rule: str
    severity: str  # error | warning
    message: str
    section_id: str | None
    measure_id: str | None
    start: int
    end: int
    text: str
    sentence: str
    path: str
    line: int
    column: int
    heading: str
    marker: str
    rules: str
    related_doc_id: str | None = None  # repeated_text: the other document and span
    related_start: int | None = None
    related_end: int | None = None
    related_path: str | None = None
    related_line: int | None = None
    sentence_start: int = -1  # text[sentence_start:sentence_end] == sentence (bounded)
    sentence_end: int = -1

    def __repr__(self) -> str:
        return (
            f"<Finding {self.severity} {self.rule} {self.line}:{self.column} "
            f"{_clip(self.text, 24)} [{self.start}:{self.end}]>"
        )

    _repr_html_ = _record_html  # in a notebook: the text, the span marked, the fields


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
    #: the per-document audit rules' findings (``extractor.audit``), in reading order
    findings: tuple[Finding, ...] = ()

    def tables(self) -> dict[str, pd.DataFrame]:
        """The report as pandas DataFrames with the columns of SPEC §4.

        A convenience for notebooks, as pandas' ``DataFrame.to_parquet`` imports its writer
        on first use: the records import nothing of the export layer at load time, and the
        export layer needs nothing of them at run time, so no import cycle forms."""
        from extractor.export.tables import report_tables  # noqa: TID251 (lazy, see above)

        return report_tables([self])

    def to_frame(self, kind: str) -> pd.DataFrame:
        """One table of the report ("sections", "measures", "claims", …) as a DataFrame."""
        from extractor.export.frames import report_frame  # noqa: TID251 (lazy, see tables)

        return report_frame(self, kind)

    def __repr__(self) -> str:
        doc = self.document
        counts = ", ".join(
            f"{len(getattr(self, name))} {name}"
            for name in ("sections", "measures", "claims", "placeholders", "campaigns")
        )
        return (
            f"<Report {_clip(doc.doc_id, 40)} {_clip(doc.title, 24)} {doc.period or '?'} "
            f"{doc.doc_type or '?'} · {counts}>"
        )

    def _repr_html_(self) -> str:
        """The report in a notebook: its outline with counts, and the page view folded."""
        from extractor.integrations.notebook import report_html  # noqa: TID251 (lazy, as above)

        return report_html(self)

    def section(self, section_id: str | None) -> Section | None:
        """The section with this id, or None."""
        for sec in self.sections:
            if sec.section_id == section_id:
                return sec
        return None

    def measures_of(self, section_id: str) -> list[Measure]:
        """The measures directly inside one section."""
        return [m for m in self.measures if m.section_id == section_id]
