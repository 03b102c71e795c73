"""The audit: findings a reviewer must look at before a report is published (issue 5).

``audit(report)`` runs the per-document rules and returns :class:`Finding` records in
reading order, each with its rule id, severity, message (Chinese or English, from
``patterns/messages.toml``), offsets (``text[start:end]`` is its ``text``), the sentence it
sits in, the section and measure that hold it, and where a person finds it: path, line,
column, heading path and measure marker.  Where rules see the same words (a masked figure is
a ``placeholder`` and a ``masked_figure``) they make one finding listing each reason.  Rules
(``RULES``):

- errors, which must not be published: ``placeholder`` (a masked run, with its kind),
  ``masked_figure`` (a claim whose value is masked; a change with a unit and no figure,
  ``同比增长%``), ``template_leftover`` (此处填写, 待补充, 【 】, (略), TODO …);
- warnings, which a reviewer should check: ``count_mismatch`` (以下五个方面 over six
  measures), ``numbering_gap`` / ``numbering_repeat`` (一是, 二是, 四是; two 三是; section
  ordinals out of order), ``parts_exceed_total`` (共10个，其中8个…5个),
  ``rate_out_of_range`` (a rate over 100%, a negative count), ``empty_section`` (a heading
  with no body) and ``repeated_text`` (a sentence of 20+ characters found in another
  document of the batch; :class:`RepeatedText`, a batch-level pass).

The patterns are ``[[audit]]`` rules in ``patterns/audit.toml``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any, NamedTuple

import regex

from extractor.audit.messages import DEFAULT_LANG, JOINER, Messages, check_lang, messages
from extractor.claims.figures import RATE_DIMS
from extractor.claims.units import unit_table
from extractor.context import Context, Locator, marks
from extractor.model import Claim, Finding, Measure, Report, Section
from extractor.rules.loader import Rule, RuleSet, default_rules
from extractor.text.numbers import small_int
from extractor.text.rx import for_scanning
from extractor.text.sentences import SENTENCE_END, Marks, cached_fold, sentence_index, window

ERROR, WARNING = "error", "warning"
#: Every rule id and its severity, in the order findings are reported.
RULES: dict[str, str] = {
    "placeholder": ERROR,
    "masked_figure": ERROR,
    "template_leftover": ERROR,
    "count_mismatch": WARNING,
    "numbering_gap": WARNING,
    "numbering_repeat": WARNING,
    "parts_exceed_total": WARNING,
    "rate_out_of_range": WARNING,
    "empty_section": WARNING,
    "repeated_text": WARNING,
}
#: Rules that look at one document (``repeated_text`` needs the whole batch).
DOCUMENT_RULES = tuple(r for r in RULES if r != "repeated_text")
SEVERITY_RANK = {WARNING: 1, ERROR: 2}
#: Rules whose span is a passage (a lead-in and its parts, a heading, a sentence): they
#: never merge with the findings inside it, which are other problems.  The others mark
#: words or a figure, and findings of theirs that overlap are one problem.
PASSAGE_RULES = frozenset({"parts_exceed_total", "empty_section", "repeated_text"})
_RULE_ORDER = {rule: i for i, rule in enumerate(RULES)}
REPEAT_MIN_CHARS = 20
_HEADING_MAX = 30
#: A heading path shows each title up to this many characters, then "…".
HEADING_TITLE_MAX = 16
_SENTENCE_MARKS = "。；！？;!?"
#: What may stand between a lead-in and its list: up to _GAP_HEAD characters of the
#: sentence, then spaces and punctuation (_GAP_TAIL: the common members of its class).
_GAP_HEAD, _GAP_TAIL = 30, frozenset(" \t\n\r\f\v\u3000\u00a0：:，,。")
_LEAD_GAP = regex.compile(rf"[^。！？!?\n]{{0,{_GAP_HEAD}}}[\s：:，,。]*")
#: How far before the gap (the longest lead-in) and after a list start a lead-in is sought.
LEAD_IN_BEFORE, LEAD_IN_AFTER = 120, 40
_NOISE = regex.compile(r"[\s\p{P}\p{S}]+")
#: A character that is not noise: a body without one is empty (``_NOISE.sub`` would leave
#: nothing), found without copying the body.
_NOT_NOISE = regex.compile(r"[^\s\p{P}\p{S}]")
_WIDE_DIGITS = "０１２３４５６７８９"
_TO_WIDE = str.maketrans("0123456789", _WIDE_DIGITS)
_WIDE_CLASS = f"[{_WIDE_DIGITS}]"


class Related(NamedTuple):
    """The other document's span a ``repeated_text`` finding names."""

    doc_id: str
    start: int
    end: int
    path: str
    line: int


class Hit(NamedTuple):
    """What one rule saw, before the rules that saw the same words are merged."""

    rule: str
    start: int
    end: int
    message: str
    section_id: str | None
    measure_id: str | None
    related: Related | None = None


@dataclass(frozen=True, slots=True)
class AuditRules:
    """The compiled ``[[audit]]`` patterns of a rule set, by the finding rule they serve."""

    patterns: dict[str, tuple[Rule, ...]]
    #: each family's patterns as a whole text is scanned with them (``rx.for_scanning``)
    scanning: dict[str, tuple[Any, ...]]
    #: the base units of counts (个, 家, 艘 …) and of rates and multiples (%, 倍), from the
    #: units' ``dim`` in units.toml: a negative count is flagged, a rate is no part of a total
    counts: frozenset[str] = frozenset()
    rates: frozenset[str] = frozenset()
    #: the numeral of a marker (一是, （三）, 3.), and the Chinese digits by value (the
    #: ordinal written back: 十二), from the templates and numeral tables of the rules
    numeral: Any = None
    digits: tuple[str, ...] = ()
    ten: str = ""
    #: the words that open the parts of a total (其中)
    among: str = ""

    def of(self, family: str) -> tuple[Rule, ...]:
        return self.patterns.get(family, ())

    def scans(self, family: str, text: str | None = None) -> tuple[Any, ...]:
        """The patterns of a family's rules as a whole text is scanned with them; given the
        ``text``, only those that can match there (a rule's ``needs``: characters one of
        which every match holds, TODO or ××单位 hold T, F or a mask)."""
        found = self.scanning.get(family, ())
        if text is None:
            return found
        rules = self.of(family)
        return tuple(p for p, r in zip(found, rules, strict=True) if _may_match(text, r.needs))

    def first(self, family: str) -> Any:
        found = self.of(family)
        return found[0].regex if found else regex.compile(r"(?!)")


def _may_match(text: str, needs: str) -> bool:
    return not needs or any(ch in text for ch in needs)


def audit_rules(rules: RuleSet | None = None) -> AuditRules:
    """The audit patterns of ``rules`` (default: the shipped ones), compiled once."""
    return (rules or default_rules()).compiled("audit", _build)


def _build(rules: RuleSet) -> AuditRules:
    by_family: dict[str, list[Rule]] = {}
    for rule in rules.of("audit"):  # compiled and checked when the rules were loaded
        by_family.setdefault(rule.family, []).append(rule)
    scanning = {k: tuple(for_scanning(r.regex) for r in v) for k, v in by_family.items()}
    table = unit_table(rules)
    digits = rules.map("numeral_digits")
    by_value: dict[int, str] = {}
    for digit, value in digits.items():
        by_value.setdefault(int(value), str(digit))  # the first written of each value
    ordinal = rules.map("templates").get("cn_ordinal", "(?!)")
    among = [r.pattern for r in by_family.get("parts_among", ())]
    return AuditRules(
        {k: tuple(v) for k, v in by_family.items()}, scanning,
        counts=table.bases("count"), rates=table.bases(*RATE_DIMS) | {""},
        numeral=regex.compile(rf"(?:{ordinal})+|[0-9]+|{_WIDE_CLASS}+"),
        digits=tuple(by_value.get(i, "") for i in range(10)),
        ten=next((p for p, v in rules.map("numeral_powers").items() if v == 10), ""),
        among=among[0] if among else "",
    )  # fmt: skip


def check_rule_ids(ids: Iterable[str]) -> list[str]:
    """The ids, validated: a ValueError names an unknown one and lists the known ones."""
    out = []
    for rule_id in ids:
        if rule_id not in RULES:
            raise ValueError(f"unknown audit rule {rule_id!r}; rules: {', '.join(RULES)}")
        out.append(rule_id)
    return out


class _Context:
    """One report and the lookups every rule needs: sentences, sections, measures, lines,
    and the messages in the language asked for."""

    def __init__(
        self,
        report: Report,
        patterns: AuditRules,
        texts: Messages,
        lang: str = DEFAULT_LANG,
        parsed: Context | None = None,
    ) -> None:
        self.report, self.text, self.patterns = report, report.text, patterns
        self.texts, self.lang = texts, check_lang(lang)
        if parsed is not None and parsed.text == report.text:  # the parse's own: reused
            self.folded = parsed.folded
            same_marks = marks(parsed.rules) == Marks()  # the audit reads the default marks
            self.index = parsed.sentences if same_marks else sentence_index(self.folded)
        else:
            self.folded = cached_fold(report.text)
            self.index = sentence_index(self.folded)
        self.locator = Locator(report.sections)
        self.measures = sorted(report.measures, key=lambda m: m.start)
        self.measure_starts = [m.start for m in self.measures]
        self.sections = {s.section_id: s for s in report.sections}
        self.measure_ids = {m.measure_id: m for m in report.measures}
        self.line_starts = line_starts(report.text)

    @cached_property
    def lists(self) -> list[list[Measure]]:
        """The enumerated measures as lists (:func:`_measure_lists`), for every rule."""
        return _measure_lists(self.measures)

    @cached_property
    def numbering(self) -> list[tuple[str, str, int, int, str | None, str, str]]:
        """The gaps and repeats (:func:`_numbering`): found once for both rules."""
        return list(_numbering(self))

    def measure_at(self, pos: int) -> str | None:
        i = bisect_right(self.measure_starts, pos) - 1
        while i >= 0 and self.measures[i].end <= pos:
            i -= 1
        return self.measures[i].measure_id if i >= 0 else None

    def say(self, rule: str, case: str, **fields: Any) -> str:
        return self.texts.say(rule, case, self.lang, **fields)

    def hit(
        self, rule: str, case: str, start: int, end: int, fields: dict[str, Any], **where: Any
    ) -> Hit:
        """What a rule saw: its message from ``case`` and ``fields``; the section and measure
        are those holding ``start`` unless given (``section_id=``, ``measure_id=``)."""
        section = where["section_id"] if "section_id" in where else self.locator.id_at(start)
        measure = where["measure_id"] if "measure_id" in where else self.measure_at(start)
        message = self.say(rule, case, **fields)
        return Hit(rule, start, end, message, section, measure, where.get("related"))

    def findings(self, hits: Iterable[Hit]) -> list[Finding]:
        """The hits as findings in reading order, those that overlap merged (not passages)."""
        ordered = sorted(hits, key=lambda h: (h.start, h.end, _RULE_ORDER[h.rule]))
        found: list[Finding] = []
        group: list[Hit] = []
        group_end = -1
        for h in ordered:
            if group and h.rule not in PASSAGE_RULES and h.start < group_end:
                group.append(h)
                group_end = max(group_end, h.end)
                continue
            if group:
                found.append(self.finding(group))
            group, group_end = [h], (h.end if h.rule not in PASSAGE_RULES else -1)
        if group:
            found.append(self.finding(group))
        return found

    def finding(self, hits: list[Hit]) -> Finding:
        """One finding from the hits of the rules that saw the same words."""
        hits = sorted(hits, key=lambda h: _RULE_ORDER[h.rule])
        first = hits[0]
        start, end = min(h.start for h in hits), max(h.end for h in hits)
        reasons, rules = [first.message], [first.rule]
        for h in hits[1:]:
            reason = h.rule + ("：" if self.lang == "zh" else ": ") + h.message
            if h.message != first.message and reason not in reasons:
                reasons.append(reason)
            if h.rule not in rules:
                rules.append(h.rule)
        s, e = window(self.index.sentence(min(start, max(len(self.text) - 1, 0))), start, end)
        line = bisect_right(self.line_starts, start)
        related = first.related or Related("", 0, 0, "", 0)
        present = first.related is not None
        return Finding(
            doc_id=self.report.document.doc_id, rule=first.rule, severity=RULES[first.rule],
            message=JOINER[self.lang].join(reasons), section_id=first.section_id,
            measure_id=first.measure_id, start=start, end=end, text=self.text[start:end],
            sentence=self.text[s:e], sentence_start=s, sentence_end=e,
            path=self.report.document.path, line=line,
            column=start - self.line_starts[line - 1] + 1,
            heading=self.heading(first.section_id), marker=self.marker(first.measure_id),
            rules=",".join(rules), related_doc_id=related.doc_id if present else None,
            related_start=related.start if present else None,
            related_end=related.end if present else None,
            related_path=related.path if present else None,
            related_line=related.line if present else None,
        )  # fmt: skip

    def heading(self, section_id: str | None) -> str:
        """The titles of the sections holding a finding, outermost first: ``一、… › （三）…``."""
        titles = []
        sec = self.sections.get(section_id) if section_id else None
        while sec is not None:
            title = sec.title
            if len(title) > HEADING_TITLE_MAX:
                title = title[:HEADING_TITLE_MAX] + "…"
            titles.append(sec.marker + title)
            sec = self.sections.get(sec.parent_id) if sec.parent_id else None
        return " › ".join(reversed(titles))

    def marker(self, measure_id: str | None) -> str:
        """The markers of the measures holding a finding, outermost first: ``一是 › （1）``."""
        markers = []
        m = self.measure_ids.get(measure_id) if measure_id else None
        while m is not None:
            markers.append(m.marker or m.headline[:HEADING_TITLE_MAX])
            m = self.measure_ids.get(m.parent_id) if m.parent_id else None
        return " › ".join(reversed(markers))


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (the first is 0)."""
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def audit(
    report: Report,
    *,
    rules: RuleSet | None = None,
    select: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    lang: str = DEFAULT_LANG,
    parsed: Context | None = None,
) -> list[Finding]:
    """The findings of one document, in reading order (by offset).

    ``select`` limits the rules run (default: every document rule), ``skip`` drops some;
    ``lang`` is the messages' language (``zh``, the default, or ``en``).  A report that
    failed to parse (``status="error"``) has no findings, nor has one parsed with a variant
    pattern directory that holds no messages (no ``messages.toml``: it audits nothing).
    ``parsed`` is the context the report was parsed in (the pipeline's): its folded text,
    and its sentence index where its marks are the audit's, are not built again.
    """
    check_lang(lang)
    rules = rules or default_rules()
    if report.document.status != "ok" or not report.text or not rules.map("message"):
        return []
    wanted = set(check_rule_ids(select if select is not None else DOCUMENT_RULES))
    wanted -= set(check_rule_ids(skip))
    ctx = _Context(report, audit_rules(rules), messages(rules), lang, parsed)
    hits: list[Hit] = []
    for rule_id, check in _CHECKS.items():
        if rule_id in wanted:
            hits.extend(check(ctx))
    return ctx.findings(hits)


def in_reading_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings of one document (``audit`` and ``RepeatedText.add`` together) by offset."""
    return sorted(findings, key=lambda f: (f.start, f.end, _RULE_ORDER[f.rule]))


# --- errors ---------------------------------------------------------------------------


def _placeholders(ctx: _Context) -> Iterator[Hit]:
    for p in ctx.report.placeholders:
        yield ctx.hit(
            "placeholder", p.kind, p.start, p.end, {"text": p.text},
            section_id=p.section_id, measure_id=p.measure_id,
        )  # fmt: skip


def _masked_figures(ctx: _Context) -> Iterator[Hit]:
    for c in ctx.report.claims:
        if c.masked:
            figure = f"{c.value_text}{c.unit}"
            case, fields = ("claim", {"indicator": c.indicator}) if c.indicator else ("bare", {})
            yield ctx.hit(
                "masked_figure", case, c.start, c.end, {**fields, "figure": figure},
                section_id=c.section_id, measure_id=c.measure_id,
            )  # fmt: skip
    units: set[tuple[int, int]] = set()  # one finding per unit, whichever patterns see it
    for pattern in ctx.patterns.scans("masked_figure", ctx.folded):
        for m in pattern.finditer(ctx.folded):
            if m.span("unit") in units:
                continue
            units.add(m.span("unit"))
            change, unit = m.group("change"), m.group("unit")
            fields = {"change": change, "unit": unit}
            # from the change word (a pattern may hold it in a lookbehind) to the unit
            start = min(m.start(), m.start("change"))
            yield ctx.hit("masked_figure", "no_figure", start, m.end(), fields)


def _template_leftovers(ctx: _Context) -> Iterator[Hit]:
    for pattern in ctx.patterns.scans("template_leftover", ctx.folded):
        for m in pattern.finditer(ctx.folded):
            text = ctx.text[m.start() : m.end()]
            yield ctx.hit("template_leftover", "remnant", m.start(), m.end(), {"text": text})


# --- lists and numbering ----------------------------------------------------------------


def _measure_lists(measures: Sequence[Measure]) -> list[list[Measure]]:
    """Enumerated measures as their lists: one section, parent and marker family each."""
    lists: list[list[Measure]] = []
    open_: dict[tuple[str | None, str | None, str], list[Measure]] = {}
    for m in measures:
        if m.style != "enumerated":
            continue
        key = (m.section_id, m.parent_id, m.rule)
        if m.ordinal == 1 or key not in open_:
            open_[key] = [m]
            lists.append(open_[key])
        else:
            open_[key].append(m)
    return lists


def _numbering(ctx: _Context) -> Iterator[tuple[str, str, int, int, str | None, str, str]]:
    """(rule, case, start, end, section, marker, previous marker) for gaps and repeats in
    measures and sections."""
    pairs: list[tuple[Measure | Section, Measure | Section, str]] = []
    for items in ctx.lists:
        pairs += [(a, b, "") for a, b in pairwise(items)]
    groups: dict[tuple[str | None, str], list[Section]] = {}
    for sec in ctx.report.sections:
        if sec.ordinal > 0:
            groups.setdefault((sec.parent_id, sec.rule), []).append(sec)
    for secs in groups.values():
        # a heading numbered 1 again starts a new list (a numbered passage quoted in a section)
        pairs += [(a, b, "heading ") for a, b in pairwise(secs) if b.ordinal != 1]
    for a, b, what in pairs:
        end, section = b.start + len(b.marker), b.section_id
        markers = (b.marker, a.marker)
        if b.ordinal == a.ordinal and not _seen_between(ctx, a, b, 1):
            case = "heading" if what else "repeat"
            yield "numbering_repeat", case, b.start, end, section, *markers
        elif b.ordinal > a.ordinal + 1 and not _seen_between(ctx, a, b, a.ordinal + 1):
            case = "heading_skip" if what else "skip"
            yield "numbering_gap", case, b.start, end, section, *markers
        elif b.ordinal < a.ordinal and isinstance(b, Section):
            yield "numbering_gap", "heading_order", b.start, end, section, *markers


def _seen_between(ctx: _Context, a: Measure | Section, b: Measure | Section, ordinal: int) -> bool:
    """Whether the marker numbered ``ordinal`` stands between two items in the text (the
    parser did not take it as an item, so the numbering itself may be fine)."""
    m = ctx.patterns.numeral.search(b.marker)
    if m is None:
        return False
    digits = m.group()
    if digits.isascii():
        number = str(ordinal)
    elif digits[0] in _WIDE_DIGITS:
        number = str(ordinal).translate(_TO_WIDE)
    else:
        number = _chinese(ordinal, ctx.patterns)
    marker = b.marker[: m.start()] + number + b.marker[m.end() :]
    pattern = rf"(?<![\d０-９.．]){regex.escape(marker)}"
    return regex.search(pattern, ctx.text[a.start + len(a.marker) : b.start]) is not None


def _chinese(n: int, patterns: AuditRules) -> str:
    """An ordinal below 100 in Chinese numerals (十二, 二十)."""
    digits = patterns.digits
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + patterns.ten + (digits[units] if units else "")


def _numbering_gaps(ctx: _Context) -> Iterator[Hit]:
    return _numbering_of(ctx, "numbering_gap")


def _numbering_repeats(ctx: _Context) -> Iterator[Hit]:
    return _numbering_of(ctx, "numbering_repeat")


def _numbering_of(ctx: _Context, wanted: str) -> Iterator[Hit]:
    for rule, case, start, end, section, marker, previous in ctx.numbering:
        if rule == wanted:
            fields = {"marker": marker, "previous": previous}
            yield ctx.hit(rule, case, start, end, fields, section_id=section)


def _count_mismatches(ctx: _Context) -> Iterator[Hit]:
    firsts = {items[0].start: items for items in ctx.lists}
    windows = lead_in_windows(ctx.folded, _list_starts(ctx, firsts))
    for pattern in ctx.patterns.scans("count_mismatch"):
        for m in (m for lo, hi in windows for m in pattern.finditer(ctx.folded, lo, hi)):
            announced = small_int(m.group("n"))
            if announced is None:
                continue
            gap = _LEAD_GAP.match(ctx.folded, m.end())
            after = gap.end() if gap else m.end()
            counted = _following_count(ctx, firsts, m.end(), after)
            if counted is not None and counted[0] != announced:
                lead = ctx.text[m.start() : m.end()].rstrip("：:。")
                fields = {"lead": lead, "announced": announced, "counted": counted[0]}
                yield ctx.hit("count_mismatch", counted[1], m.start(), m.end(), fields)


def _list_starts(ctx: _Context, firsts: dict[int, list[Measure]]) -> list[int]:
    """Where a list that a lead-in can announce starts: the first measure of an enumerated
    list, or a first subsection (what :func:`_following_count` counts)."""
    subsections = (s.start for s in ctx.report.sections if s.ordinal == 1 and s.parent_id)
    return sorted({*firsts, *subsections})


def lead_in_windows(folded: str, list_starts: Iterable[int]) -> list[tuple[int, int]]:
    """The stretches of text where a lead-in of a list can stand: from ``LEAD_IN_BEFORE``
    characters before the gap that :data:`_LEAD_GAP` allows before each list start, to
    ``LEAD_IN_AFTER`` after it (room for a lookahead that reads the first item: 。一是…);
    overlapping stretches are merged.  A lead-in needs the list right after it, so the
    count patterns are run there only, not over the whole text (they start with a numeral,
    frequent in these reports, and a whole-text scan was half the audit's time)."""
    out: list[tuple[int, int]] = []
    for start in list_starts:
        p = start
        while p > 0 and folded[p - 1] in _GAP_TAIL:
            p -= 1  # the gap's unbounded tail of spaces and punctuation
        lo = max(0, p - _GAP_HEAD - LEAD_IN_BEFORE)
        hi = min(len(folded), start + LEAD_IN_AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _following_count(
    ctx: _Context, firsts: dict[int, list[Measure]], lead_end: int, limit: int
) -> tuple[int, str] | None:
    """The size of the list that starts right after a lead-in (measures or subsections)."""
    for start in range(lead_end, limit + 1):
        if start in firsts:
            return len(firsts[start]), "measures"
    lead_section = ctx.locator.id_at(lead_end)
    for sec in ctx.report.sections:
        if lead_end <= sec.start <= limit and sec.ordinal == 1 and sec.parent_id == lead_section:
            siblings = [
                s for s in ctx.report.sections
                if s.parent_id == sec.parent_id and s.rule == sec.rule and s.start >= sec.start
            ]  # fmt: skip
            if lead_section is not None:
                return len(siblings), "subsections"
    return None


# --- figures ------------------------------------------------------------------------------


def _parts_exceed_total(ctx: _Context) -> Iterator[Hit]:
    """共10个，其中新建8个、改建5个: within one sentence (to ``；``), the last countable
    figure before 其中, announced as a total and not hedged, against the named parts after
    it (one per clause, not one compared with something else: 比…多)."""
    total_word = ctx.patterns.first("parts_exceed_total")
    compared = ctx.patterns.first("parts_compared")
    word = ctx.patterns.among
    if not word:
        return
    for (s, e), claims in _claims_by_sentence(ctx, word).items():
        among = ctx.folded.find(word, s, e)
        if among < 0:
            continue
        before = [c for c in claims if c.end <= among and _countable(c, ctx.patterns)]
        if not before:
            continue
        total = before[-1]
        clause = ctx.folded[ctx.index.clause_start(total.start) : total.start]
        if total.approx or total.value is None or not total_word.search(clause):
            continue
        parts, clauses = [], set()
        for c in claims:
            if c.start < among or not _countable(c, ctx.patterns) or c.base_unit != total.base_unit:
                continue
            first = max([among, *(ctx.folded.rfind(m, among, c.start) + 1 for m in "，,、：:")])
            if not _NOISE.sub("", ctx.folded[first : c.start]):
                continue  # a part is named in its clause (新建8个); a bare figure is not a part
            if first in clauses or compared.search(ctx.folded, first, c.start):
                continue
            clauses.add(first)
            parts.append(c)
        parts_sum = sum(c.value or 0.0 for c in parts)
        if parts and parts_sum > total.value * (1 + 1e-9):
            listed = " + ".join(f"{c.value_text}{c.unit}" for c in parts)
            fields = {"parts": listed, "total": f"{total.value_text}{total.unit}"}
            yield ctx.hit("parts_exceed_total", "parts", total.start, parts[-1].end, fields)


def _claims_by_sentence(ctx: _Context, word: str) -> dict[tuple[int, int], list[Claim]]:
    """The claims of each sentence that holds ``word`` (no space or mark in it), in order.

    One sentence in thirty holds 其中, so the claims are not each looked up in the sentence
    index: a claim that starts on a letter, digit or Han character lies inside its trimmed
    sentence, and a bisection over the sentences holding the word places it; a claim that
    starts on anything else (a space or a mark, trimmed off a sentence) is looked up."""
    folded, index = ctx.folded, ctx.index
    spans: list[tuple[int, int]] = []
    at = folded.find(word)
    while at >= 0:
        spans.append(index.sentence(at))
        at = folded.find(word, max(spans[-1][1], at + 1))
    if not spans:
        return {}
    starts, holding = [s for s, _ in spans], set(spans)
    groups: dict[tuple[int, int], list[Claim]] = {}
    for c in ctx.report.claims:
        if folded[c.start : c.start + 1].isalnum():
            i = bisect_right(starts, c.start) - 1
            if i < 0 or c.start >= spans[i][1]:
                continue
            span = spans[i]
        else:
            span = index.sentence(c.start)
            if span not in holding:
                continue
        groups.setdefault(span, []).append(c)
    return groups


def _countable(c: Claim, patterns: AuditRules) -> bool:
    return (
        c.value is not None
        and not c.masked
        and c.change == ""
        and c.base_unit not in patterns.rates
        and c.low is None
    )


def _rates_out_of_range(ctx: _Context) -> Iterator[Hit]:
    is_rate = ctx.patterns.first("rate_out_of_range")
    level = ctx.patterns.first("rate_level")
    counts = ctx.patterns.counts
    for c in ctx.report.claims:
        if c.value is None or c.masked:
            continue
        if c.base_unit == "%" and c.value > 100 and is_rate.search(c.indicator):
            lead = ctx.folded[max(0, c.start - 4) : c.start]
            if c.change == "" or level.search(lead):
                fields = {"indicator": c.indicator, "figure": f"{c.value_text}{c.unit}"}
                yield ctx.hit(
                    "rate_out_of_range", "rate", c.start, c.end, fields,
                    section_id=c.section_id, measure_id=c.measure_id,
                )  # fmt: skip
        elif not c.change and c.base_unit in counts and _negative(ctx.folded, c):
            start = c.start - 1 if ctx.folded[c.start - 1 : c.start] == "-" else c.start
            yield ctx.hit(
                "rate_out_of_range", "negative", start, c.end, {"text": ctx.text[start : c.end]},
                section_id=c.section_id, measure_id=c.measure_id,
            )  # fmt: skip


def _negative(folded: str, c: Claim) -> bool:
    """A figure below zero: a negative value, or a minus sign right before the figure that
    is not a range or a dash (1-5月, ——5个)."""
    if c.value is not None and c.value < 0:
        return True
    before = folded[max(0, c.start - 2) : c.start]
    prev = before[:1]
    return before[-1:] == "-" and not ((prev.isascii() and prev.isalnum()) or prev in "-—~")


# --- outline --------------------------------------------------------------------------------


def _empty_sections(ctx: _Context) -> Iterator[Hit]:
    parents = {s.parent_id for s in ctx.report.sections}
    empty = [
        sec for sec in ctx.report.sections
        if sec.section_id not in parents and len(sec.title) <= _HEADING_MAX
        and "，" not in sec.title  # a long or comma-bearing title is a statement
        and not _NOT_NOISE.search(ctx.text, sec.title_end, sec.end)
    ]  # fmt: skip
    items = _list_items(ctx, empty)
    for sec in empty:
        if sec.section_id not in items:
            yield ctx.hit(
                "empty_section", "empty", sec.start, sec.title_end,
                {"heading": f"{sec.marker}{sec.title}"}, section_id=sec.section_id,
                measure_id=None,
            )  # fmt: skip


def _list_items(ctx: _Context, empty: Sequence[Section]) -> set[str]:
    """The ids of bodiless "headings" that are the items of a list in a paragraph
    (``1.力争地区生产总值增长6%左右。``): a title that ends as a sentence (。；！？ after it)
    and holds a figure or target, and its numbered siblings that end as sentences too."""
    sentences = [s for s in empty if _ends_as_sentence(ctx.text, s)]
    claim_starts = sorted(c.start for c in ctx.report.claims)
    lists = set()
    for s in sentences:
        i = bisect_left(claim_starts, s.title_start)
        if i < len(claim_starts) and claim_starts[i] < s.title_end:  # a claim in the title
            lists.add((s.parent_id, s.rule))
    return {s.section_id for s in sentences if (s.parent_id, s.rule) in lists}


def _ends_as_sentence(text: str, sec: Section) -> bool:
    """Whether a bodiless heading's line ends with a sentence mark (after or in its title)."""
    tail = text[sec.title_end : sec.end].strip() or text[sec.title_start : sec.title_end]
    return tail[-1:] in _SENTENCE_MARKS


_CHECKS: dict[str, Callable[[_Context], Iterable[Hit]]] = {
    "placeholder": _placeholders,
    "masked_figure": _masked_figures,
    "template_leftover": _template_leftovers,
    "count_mismatch": _count_mismatches,
    "numbering_gap": _numbering_gaps,
    "numbering_repeat": _numbering_repeats,
    "parts_exceed_total": _parts_exceed_total,
    "rate_out_of_range": _rates_out_of_range,
    "empty_section": _empty_sections,
}


# --- repeated text across a batch -----------------------------------------------------------


class RepeatedText:
    """Sentences of 20+ characters that recur across the documents of a batch.

    Feed reports in batch order with :meth:`add`; each returns the ``repeated_text``
    findings of that report: one per (sentence, earlier document) pair, located in the
    report and naming the first document that had the sentence (``related_*``).  Memory is
    one dict entry per distinct sentence (a 64-bit hash of the sentence without spaces and
    punctuation → packed document number and offsets, about 100 bytes), not the text.
    """

    def __init__(self, *, min_chars: int = REPEAT_MIN_CHARS, lang: str = DEFAULT_LANG) -> None:
        self.min_chars, self.lang = min_chars, check_lang(lang)
        self._seen: dict[int, int] = {}
        self._docs: list[tuple[str, str]] = []  # (doc_id, path)

    def add(self, report: Report) -> list[Finding]:
        """Record one report's sentences; the findings for those seen in an earlier one."""
        if report.document.status != "ok" or not report.text:
            return []
        number = len(self._docs)
        self._docs.append((report.document.doc_id, report.document.path))
        ctx: _Context | None = None
        hits: list[Hit] = []
        here: set[int] = set()
        for key, start, end, line in self._sentences(cached_fold(report.text)):
            if key in here:
                continue
            here.add(key)
            packed = self._seen.get(key)
            if packed is None:
                self._seen[key] = (number << 96) | (line << 64) | (start << 32) | end
                continue
            ctx = ctx or _Context(report, audit_rules(), messages(), self.lang)
            other, o_line = packed >> 96, (packed >> 64) & 0xFFFFFFFF
            o_start, o_end = (packed >> 32) & 0xFFFFFFFF, packed & 0xFFFFFFFF
            other_id, other_path = self._docs[other]
            related = Related(other_id, o_start, o_end, other_path, o_line)
            fields = {"path": other_path or other_id, "line": o_line}
            hits.append(ctx.hit("repeated_text", "repeat", start, end, fields, related=related))
        return ctx.findings(hits) if ctx is not None else []

    def _sentences(self, folded: str) -> Iterator[tuple[int, int, int, int]]:
        """(hash, start, end, line) of each sentence long enough to count."""
        start, line, counted = 0, 1, 0
        for m in SENTENCE_END.finditer(folded + "\n"):
            s, e = start, m.start()
            start = m.end()
            while s < e and (folded[s].isspace() or unicodedata.category(folded[s])[0] == "P"):
                s += 1
            while e > s and folded[e - 1].isspace():
                e -= 1
            norm = _NOISE.sub("", folded[s:e])
            if len(norm) >= self.min_chars:
                line += folded.count("\n", counted, s)
                counted = s
                digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()
                yield int.from_bytes(digest, "big"), s, e, line
