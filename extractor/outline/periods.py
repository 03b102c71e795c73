"""Periods (SPEC §3): what time a document and each of its sections speak of.

A period is ``2020``, ``2020H1``, ``2020H2``, ``2020Q3`` or a span of years,
``2020-2021`` (a summary of two years, which plans the year after).  The title decides first:
``2020年上半年工作总结和下半年工作安排`` reviews 2020H1 and plans 2020H2;
``2022年工作总结及2023年工作计划`` reviews 2022 and plans 2023; a government work report
of year Y reviews Y-1 and plans Y.  A section's own title can name its period
(``一、2025年工作回顾``); otherwise it speaks of the document's review or plan period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from extractor.model import Section
from extractor.outline.kinds import vocabulary
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.fold import fold
from extractor.text.numbers import small_int
from extractor.text.numerals import numerals


@dataclass(frozen=True, slots=True)
class _Periods:
    """The period vocabulary of a rule set (``[period]`` in patterns/kinds.toml), compiled."""

    period: regex.Pattern[str]  # a year and the part of it, or a part alone
    halves: dict[str, str]  # a part word → H1, H2, Q3
    quarter: regex.Pattern[str]
    titled: regex.Pattern[str]  # the same in a document's title, its year bare or not
    dateline: regex.Pattern[str]
    split: regex.Pattern[str]
    review: regex.Pattern[str]  # a title's part that reviews
    plan: regex.Pattern[str]
    cn_year: regex.Pattern[str]
    relative: dict[str, int]  # 今年 0, 明年 1, 去年 -1
    five_year_plan: regex.Pattern[str]
    five_year_span: regex.Pattern[str]  # a title speaking of a five-year plan's years
    year_range: regex.Pattern[str]  # a span of years; groups year, end
    years_back: regex.Pattern[str]  # 过去五年; group n
    years_ahead: regex.Pattern[str]  # 今后五年; group n


def _build(rules: RuleSet) -> _Periods:
    def words(key: str) -> tuple[str, ...]:
        return rules.vocab(key).items

    halves = {w: "H1" for w in words("period.first_half")}
    halves |= {w: "H2" for w in words("period.second_half")}
    halves |= {w: "Q3" for w in words("period.three_quarters")}
    quarter = rules.vocab("period.quarter").pattern
    part = "|".join([*(regex.escape(w) for w in halves), quarter])
    year = rules.vocab("period.year").pattern
    bare = rules.vocab("period.bare_year").pattern  # 2017政府工作报告
    relative = {w: 0 for w in words("period.this_year")}
    relative |= {w: 1 for w in words("period.next_year")}
    relative |= {w: -1 for w in words("period.last_year")}
    review = (*words("kind.document.review"), *words("period.review_part"))
    plan = (*words("kind.document.plan"), *words("period.plan_part"))
    return _Periods(
        period=regex.compile(rf"(?:(?:{year})\s*(?P<part>{part})?|(?P<part>{part}))"),
        titled=regex.compile(rf"(?:(?:{year}|{bare})\s*(?P<part>{part})?|(?P<part>{part}))"),
        halves=halves, quarter=regex.compile(quarter),
        dateline=regex.compile(rules.vocab("period.dateline").pattern),
        split=regex.compile(rules.vocab("period.split").pattern),
        review=regex.compile("|".join(regex.escape(w) for w in review) or "(?!)"),
        plan=regex.compile("|".join(regex.escape(w) for w in plan) or "(?!)"),
        cn_year=regex.compile(rules.vocab("period.cn_year").pattern),
        relative=relative,
        five_year_plan=regex.compile(rules.vocab("period.five_year_plan").pattern),
        five_year_span=regex.compile(rules.vocab("period.five_year_span").pattern),
        year_range=regex.compile(rules.vocab("period.year_range").pattern),
        years_back=regex.compile(rules.vocab("period.years_back").pattern),
        years_ahead=regex.compile(rules.vocab("period.years_ahead").pattern),
    )  # fmt: skip


def _periods(rules: RuleSet) -> _Periods:
    return rules.compiled("periods", _build)


def arabic_years(text: str, *, rules: RuleSet | None = None) -> str:
    """``text`` with its years in Chinese numerals of the last century (一九五七年) written
    in digits, one character for one, so that titles of the 1950s-90s name their periods
    too.  Not 二〇三五年: reports of this century write so only a horizon."""
    pattern = _periods(rules or default_rules()).cn_year
    digits = str.maketrans({ch: str(value) for ch, value in numerals().digits.items()})
    return str(pattern.sub(lambda m: m.group().translate(digits), text))


@dataclass(frozen=True, slots=True)
class DocumentPeriods:
    """The period, review period, plan period and type of a document."""

    period: str
    review: str
    plan: str
    doc_type: str


def period_of(year: int, part: str | None, *, rules: RuleSet | None = None) -> str:
    """``(2020, '上半年')`` → ``2020H1``; a quarter (``第三季度``) → ``2020Q3``."""
    if not part:
        return str(year)
    periods = _periods(rules or default_rules())
    if part in periods.halves:
        return f"{year}{periods.halves[part]}"
    m = periods.quarter.search(part)
    quarter = small_int(m.group("quarter")) if m else None
    return f"{year}Q{quarter or 1}"


def shift(period: str, step: int) -> str:
    """The period ``step`` periods after ``period`` (of the same granularity); after a span
    of years (``2020-2021``) the year after its last, before it the year before its first."""
    if not period:
        return ""
    if "-" in period:
        first, _, last = period.partition("-")
        return str(int(last) + step) if step > 0 else str(int(first) + step)
    year = int(period[:4])
    if len(period) == 4:
        return str(year + step)
    unit, index = period[4], int(period[5:])
    size = 2 if unit == "H" else 4
    total = year * size + index - 1 + step
    return f"{total // size}{unit}{total % size + 1}"


def _parts(title: str, periods: _Periods, rules: RuleSet) -> list[tuple[str, str]]:
    """(period, role) for each coordinated part of a title; role is review/plan/''."""
    out: list[tuple[str, str]] = []
    year: int | None = None
    for chunk in periods.split.split(title):
        period = _span(chunk, periods)
        m = None if period else periods.titled.search(chunk)
        if m:
            if m.group("year"):
                year = int(m.group("year"))
            if year is not None:
                period = period_of(year, m.group("part"), rules=rules)
        role = "plan" if periods.plan.search(chunk) else ""
        role = role or ("review" if periods.review.search(chunk) else "")
        if period or role:
            out.append((period, role))
    return out


def _span(text: str, periods: _Periods) -> str:
    """A span of years a text names (``2020-2021年``, ``2020年至2021年``) as ``2020-2021``."""
    m = periods.year_range.search(text)
    if m is None or int(m.group("end")) <= int(m.group("year")):
        return ""
    return f"{m.group('year')}-{m.group('end')}"


def _task_list(title: str, rules: RuleSet) -> bool:
    """Does the title deal a government work report's tasks out (…报告重点工作责任分解)?"""
    return bool(
        vocabulary(rules, "kind.document.gov_work_report").search(title)
        and vocabulary(rules, "kind.document.task_list").search(title)
    )


_QUOTED = regex.compile(r"《[^《》]*》")


def _own_title(title: str, rules: RuleSet) -> str:
    """The title without the names of other documents it quotes (关于《…实施方案》落实情况的
    汇报), which are its own only where it issues them (印发《…计划》的通知)."""
    if "《" in title and not vocabulary(rules, "kind.document.issues").search(title):
        return str(_QUOTED.sub("", title))
    return title


def _of_the_report(title: str, head: str, rules: RuleSet) -> bool:
    """Is the document a government work report or its tasks dealt out: its title names the
    report, or, untitled, its opening is the report's?"""
    if vocabulary(rules, "kind.document.gov_work_report").search(title):
        return True
    return not title and bool(
        vocabulary(rules, "kind.document.gov_work_report_opening").search(head)
    )


def doc_type_of(title: str, head: str, *, rules: RuleSet) -> str:
    """gov-work-report, summary-and-plan, summary, plan or other; a document's name quoted
    in the title (《…》) counts only where the title issues it (印发《…》的通知)."""
    if _of_the_report(title, head, rules):
        # the report itself, or its tasks dealt out (…政府工作报告重点工作责任分解, or an
        # opening that names who carries them: 牵头单位, 责任单位): the year's task list
        owners = vocabulary(rules, "kind.document.task_owners").search(head)
        return "plan" if owners or _task_list(title or head, rules) else "gov-work-report"
    if not title and vocabulary(rules, "kind.document.review_opening").search(head.lstrip()):
        return "summary"  # untitled, opening on the year it looks back on (一年来，…)
    title = _own_title(title, rules)
    review = vocabulary(rules, "kind.document.review").search(title)
    plan = vocabulary(rules, "kind.document.plan").search(title)
    report = vocabulary(rules, "kind.document.report")
    review = review or (not plan and report.search(title))
    if plan and not review:
        # a part reporting on the work done before the one planning (关于2022年工作情况和
        # 2023年工作安排的报告): the report and the plan joined
        chunks = _periods(rules).split.split(title)
        planned = next((i for i, chunk in enumerate(chunks) if plan.re.search(chunk)), 0)
        review = any(report.search(chunk) for chunk in chunks[:planned])
    if review and plan:
        return "summary-and-plan"
    return "summary" if review else "plan" if plan else "other"


def find_document_periods(
    title: str, head: str, *, year_hint: int | None = None, rules: RuleSet | None = None
) -> DocumentPeriods:
    """Periods of a document from its title, then its opening text, then a year hint."""
    rules = rules or default_rules()
    periods = _periods(rules)
    title, head = arabic_years(fold(title), rules=rules), fold(head)
    doc_type = doc_type_of(title, head, rules=rules)
    if doc_type in ("gov-work-report", "plan") and _of_the_report(title, head, rules):
        # a task list plans the year of the report it deals out, as the report does
        m = periods.titled.search(title) or periods.dateline.search(head)
        year = _number(m.group("year")) if m and m.group("year") else year_hint
        if m and m.re is periods.dateline and (_number(m.group("month")) or 0) >= 11 and year:
            year += 1  # delivered before the new year: the next year's report
        if year is None and (back := vocabulary(rules, "period.reviewed_year").search(head)):
            year = int(back.group("year")) + 1  # untitled and undated: 一、2018年工作回顾
        if year is None:
            return DocumentPeriods("", "", "", doc_type)
        return DocumentPeriods(str(year), str(year - 1), str(year), doc_type)
    parts = _parts(_own_title(title, rules), periods, rules)
    review = next((p for p, role in parts if role == "review" and p), "")
    plan = next((p for p, role in parts if role == "plan" and p), "")
    first = next((p for p, _ in parts if p), "")
    if not first and year_hint is not None:
        first = str(year_hint)
    if not review and not plan:
        if doc_type == "plan":  # a plan's own year (海坛片区2022工作计划, a year hint)
            plan = first
        else:
            review = first
    matter = not any(p for p, _ in parts) and doc_type == "summary"
    if matter and not vocabulary(rules, "kind.document.review").search(title):
        # a report on a matter that names no period (关于电力保供工作的报告, …落实情况的汇报):
        # written within its year, its next steps are that year's
        plan = review
    review = review or shift(plan, -1)
    plan = plan or shift(review, 1)
    return DocumentPeriods(first or review, review, plan, doc_type)


def _number(text: str) -> int | None:
    """A year or month in digits or in Chinese numerals (二〇二六 → 2026, 十二 → 12)."""
    digits = numerals().digits
    if len(text) == 4 and all(ch in digits for ch in text):
        return int("".join(str(digits[ch]) for ch in text))
    return small_int(text)


def five_year_plan(period: str) -> int:
    """The number of the five-year plan a period's year falls in (2026 → 15, the
    十五五; 1986 → 7), from the first (1953–1957) to the nineteenth; 0 outside them
    (1963–1965 were years of readjustment) or without a year."""
    if len(period) < 4 or not period[:4].isdigit():
        return 0
    year = int(period[:4])
    if year < 1966:
        return (year - 1953) // 5 + 1 if 1953 <= year <= 1962 else 0
    number = (year - 1966) // 5 + 3  # the third plan began in 1966
    return number if number <= 19 else 0


def five_year_years(number: int) -> str:
    """The years of the five-year plan of this number: 14 → ``2021-2025``, 1 → ``1953-1957``."""
    first = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return f"{first}-{first + 4}"


def _five_year_span(title: str, periods: _Periods) -> str:
    """The years of the five-year plan whose whole stretch a (folded) title speaks of
    (“十四五”时期重点工作 → 2021-2025), or "": the last it names (“十三五”时期发展成就和
    “十四五”时期主要目标任务: the head is last); none where the title names a year outside
    it (第一个五年计划时期内和第二个五年计划的第一年——1958年的…: that year), nor where it
    names a year of the plan first (2025年和“十四五”时期工作回顾: the year's review, with a
    look back over the plan it closes; “十四五”时期和2025年工作回顾 reviews the plan)."""
    plans = list(periods.five_year_span.finditer(title))
    number = small_int(plans[-1].group("num")) if plans else None
    if not number or not 1 <= number <= 19:
        return ""
    span = five_year_years(number)
    first, last = int(span[:4]), int(span[5:])
    for m in periods.period.finditer(title):
        year = m.group("year")
        if year and (not first <= int(year) <= last or m.start() < plans[0].start()):
            return ""
    return span


def _years_span(title: str, doc: DocumentPeriods, periods: _Periods, rules: RuleSet) -> str:
    """The years a (folded) title counts back from the document's review year (过去五年 →
    2008-2012 in a report of 2013) or on from its plan year (今后五年 → 2013-2017), or "";
    none where it names a year (2021年和过去五年工作回顾 speaks of 2021, its parts do), and
    no years back in a title that also plans (三年来的斗争和新时期的总任务)."""
    for pattern, base, step in (
        (periods.years_back, doc.review, -1), (periods.years_ahead, doc.plan, 1)
    ):  # fmt: skip
        m = pattern.search(title)  # first: most titles count no years, and are done here
        count = small_int(m.group("n")) if m else None
        if not count or not base[:4].isdigit() or periods.period.search(title):
            continue
        if step < 0 and vocabulary(rules, "kind.plan.words").search(title):
            continue
        ends = sorted((int(base[:4]), int(base[:4]) + step * (count - 1)))
        return f"{ends[0]}-{ends[1]}"
    return ""


def span_kind(period: str, kind: str, doc: DocumentPeriods, title: str, *, rules: RuleSet) -> str:
    """The kind of a section whose own title names a span of years: one over before the
    document's plan year reviews (“十五”时期…主要情况 in a 2006 report) unless its title plans
    too (三年来的斗争和新时期的总任务), one from it on plans; problems stay problems."""
    if "-" not in period or not doc.plan[:4].isdigit() or kind == "problems":
        return kind
    plan = int(doc.plan[:4])
    if int(period[5:9]) < plan:
        planned = vocabulary(rules, "kind.plan.words").search(title)
        return kind if planned and kind == "plan" else "review"
    return "plan" if int(period[:4]) >= plan else kind


def names_five_year_plan(title: str, number: int, *, rules: RuleSet) -> bool:
    """Does the (folded) title name the five-year plan of this number (十五五 for 15)?"""
    found = _periods(rules).five_year_plan.finditer(title)
    return number > 0 and any(small_int(m.group("num")) == number for m in found)


def title_period(
    title: str, doc: DocumentPeriods, *, rules: RuleSet, five_years: bool = True
) -> str:
    """The period a section's own title names (2025年工作回顾, 下半年工作计划, 明年…,
    “十四五”时期重点工作 → 2021-2025), or "".  ``five_years=False``: the year it names
    beside a five-year plan (2025年和“十四五”时期工作回顾 → 2025), which orders a report's
    parts."""
    periods = _periods(rules)
    title = arabic_years(fold(title), rules=rules)
    span = _span(title, periods) or (
        five_years and (_five_year_span(title, periods) or _years_span(title, doc, periods, rules))
    )
    if span:
        return span
    m = periods.period.search(title)
    base_year = int(doc.period[:4]) if doc.period else None
    if m and (m.group("year") or base_year is not None):
        year = int(m.group("year")) if m.group("year") else base_year
        assert year is not None
        return period_of(year, m.group("part"), rules=rules)
    for word, step in periods.relative.items():
        if title.startswith(word) and base_year is not None:
            return str(base_year + step)
    return ""


def kind_period(kind: str, doc: DocumentPeriods) -> str:
    """The period a section of this kind speaks of when nothing names one."""
    if kind == "plan":
        return doc.plan
    if kind in ("review", "problems"):
        return doc.review
    return doc.period


def section_period(
    title: str, kind: str, doc: DocumentPeriods, inherited: str, *, rules: RuleSet
) -> str:
    """The period a section speaks of: its own title's, else its parent's, else its kind's."""
    return title_period(title, doc, rules=rules) or inherited or kind_period(kind, doc)


def dated_sections(
    sections: Sequence[Section], doc: DocumentPeriods, *, rules: RuleSet
) -> Sequence[Section]:
    """The sections as their figures are dated (SPEC §2 Claim ``span``): a span of years a
    section takes from a five-year plan or from 过去五年 its title names (“十四五”时期工作回顾
    → 2021-2025) is what the section speaks of, not the year its figures count from.  Those
    are the years its title writes (2025年和“十四五”时期…: 2025), else its parent's, else the
    document's review or plan year by its kind, as for a section whose title names no
    period; a span the title writes (2019-2020年工作计划) dates its figures as it stands.
    The same sections where none took such a span."""
    if not any("-" in sec.period for sec in sections):
        return sections
    written = {sec.section_id: sec.period for sec in sections}  # as the outline has them
    by_id: dict[str, Section] = {}  # and as their figures are dated
    for sec in sections:
        parent = by_id.get(sec.parent_id or "")
        period = sec.period
        if "-" not in period:
            pass
        elif title_period(sec.title, doc, rules=rules) == period:
            # its own title's: written, or taken from a plan it names
            named = title_period(sec.title, doc, rules=rules, five_years=False)
            period = named or (parent.period if parent else "") or kind_period(sec.kind, doc)
        elif parent is not None and period == written[parent.section_id]:
            period = parent.period  # its parent's
        by_id[sec.section_id] = sec if period == sec.period else replace(sec, period=period)
    return list(by_id.values())
