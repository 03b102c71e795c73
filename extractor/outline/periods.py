"""Periods (SPEC §3): what time a document and each of its sections speak of.

A period is ``2020``, ``2020H1``, ``2020H2`` or ``2020Q3``.  The title decides first:
``2020年上半年工作总结和下半年工作安排`` reviews 2020H1 and plans 2020H2;
``2022年工作总结及2023年工作计划`` reviews 2022 and plans 2023; a government work report
of year Y reviews Y-1 and plans Y.  A section's own title can name its period
(``一、2025年工作回顾``); otherwise it speaks of the document's review or plan period.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.text.fold import fold
from extractor.text.numerals import CN_DIGITS

_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?"
_PART = r"(?P<part>上半年|下半年|前三季度|第?[一二三四1-4]季度)"
PERIOD = regex.compile(rf"(?:{_YEAR}\s*{_PART}?|{_PART})")
_DATELINE = regex.compile(r"(?P<year>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日在")
_REVIEW = regex.compile(r"总结|回顾|情况|成效|工作报告")
_PLAN = regex.compile(r"计划|安排|打算|思路|要点|目标|任务")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: The opening of an untitled government work report: the premier or governor reports to
#: the congress (我代表国务院向大会报告过去五年的工作, 我代表国务院向大会作报告,
#: 我受国务院的委托，向全国人民代表大会报告政府工作, 我代表中华人民共和国国务院向…会议
#: 提出关于…预算的报告).
_GWR_HEAD = regex.compile(
    r"政府工作报告|向大会报告[^。，]{0,10}工作|代表.{1,12}人民政府"
    r"|(?:代表|受)[^。，]{0,12}国务院[^。]{0,8}向[^。]{0,25}(?:大会|会议)[，,]?(?:作|提出)?"
    r"[^。]{0,45}报告"
    # addressed to the deputies and speaking of the government's work (1981: 各位代表：…
    # 政府对于内政、外交各方面的工作…); a court's or a standing committee's report names no 政府
    r"|^\s*各位代表[:：][\s\S]{0,200}?(?:政府|国务院)[^。]{0,20}工作"
)
_SPLIT = regex.compile(r"[和及暨与并、]|以及")
#: A year of the last century in Chinese numerals, digit by digit (一九五七年): read as Arabic
#: digits, one character for one, so that titles of the 1950s-90s name their periods too.
#: Not 二〇三五年: reports of this century write so only a horizon (二〇三五年远景目标).
_CN_YEAR = regex.compile(r"一九[〇零○一二三四五六七八九]{2}(?=\s*年)")
_CN_DIGITS = str.maketrans({ch: str(value) for ch, value in CN_DIGITS.items()})


def arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals written in digits (same length)."""
    if "年" not in text:
        return text
    return str(_CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), text))


@dataclass(frozen=True, slots=True)
class DocumentPeriods:
    """The period, review period, plan period and type of a document."""

    period: str
    review: str
    plan: str
    doc_type: str


def period_of(year: int, part: str | None) -> str:
    """``(2020, '上半年')`` → ``2020H1``."""
    if not part:
        return str(year)
    if part == "上半年":
        return f"{year}H1"
    if part == "下半年":
        return f"{year}H2"
    if part == "前三季度":
        return f"{year}Q3"
    return f"{year}Q{_QUARTERS.get(part.strip('第季度'), 1)}"


def shift(period: str, step: int) -> str:
    """The period ``step`` periods after ``period`` (of the same granularity)."""
    if not period:
        return ""
    year = int(period[:4])
    if len(period) == 4:
        return str(year + step)
    unit, index = period[4], int(period[5:])
    size = 2 if unit == "H" else 4
    total = year * size + index - 1 + step
    return f"{total // size}{unit}{total % size + 1}"


def _parts(title: str) -> list[tuple[str, str]]:
    """(period, role) for each coordinated part of a title; role is review/plan/''."""
    out: list[tuple[str, str]] = []
    year: int | None = None
    for chunk in _SPLIT.split(title):
        m = PERIOD.search(chunk)
        period = ""
        if m:
            if m.group("year"):
                year = int(m.group("year"))
            if year is not None:
                period = period_of(year, m.group("part"))
        role = "plan" if _PLAN.search(chunk) else "review" if _REVIEW.search(chunk) else ""
        if period or role:
            out.append((period, role))
    return out


def doc_type_of(title: str, head: str) -> str:
    """gov-work-report, summary-and-plan, summary, plan or other."""
    if "政府工作报告" in title or (not title and _GWR_HEAD.search(head)):
        return "gov-work-report"
    review = regex.search(r"总结|回顾", title)
    plan = regex.search(r"计划|安排|打算|思路|要点", title)
    if review and plan:
        return "summary-and-plan"
    return "summary" if review else "plan" if plan else "other"


def find_document_periods(
    title: str, head: str, *, year_hint: int | None = None
) -> DocumentPeriods:
    """Periods of a document from its title, then its opening text, then a year hint."""
    title, head = arabic_years(fold(title)), fold(head)
    doc_type = doc_type_of(title, head)
    if doc_type == "gov-work-report":
        m = PERIOD.search(title) or _DATELINE.search(head)
        year = int(m.group("year")) if m and m.group("year") else year_hint
        if year is None:
            return DocumentPeriods("", "", "", doc_type)
        return DocumentPeriods(str(year), str(year - 1), str(year), doc_type)
    parts = _parts(title)
    review = next((p for p, role in parts if role == "review" and p), "")
    plan = next((p for p, role in parts if role == "plan" and p), "")
    first = next((p for p, _ in parts if p), "")
    if not first and year_hint is not None:
        first = str(year_hint)
    if not review and not plan:
        review = first
    review = review or shift(plan, -1)
    plan = plan or shift(review, 1)
    return DocumentPeriods(first or review, review, plan, doc_type)


_RELATIVE = {"今年": 0, "本年": 0, "明年": 1, "下一年": 1, "去年": -1, "上年": -1}


def five_year_plan(period: str) -> str:
    """The name of the five-year plan a period's year falls in (2026 → 十五五), from the
    eleventh (2006–2010) to the nineteenth; "" outside them or without a year."""
    if len(period) < 4 or not period[:4].isdigit():
        return ""
    number = (int(period[:4]) - 1966) // 5 + 3  # the third plan began in 1966
    return f"十{'一二三四五六七八九'[number - 11]}五" if 11 <= number <= 19 else ""


def section_period(title: str, kind: str, doc: DocumentPeriods, inherited: str) -> str:
    """The period a section speaks of: its own title's, else its parent's, else its kind's."""
    title = arabic_years(fold(title))
    m = PERIOD.search(title)
    base_year = int(doc.period[:4]) if doc.period else None
    if m and (m.group("year") or base_year is not None):
        year = int(m.group("year")) if m.group("year") else base_year
        assert year is not None
        return period_of(year, m.group("part"))
    for word, step in _RELATIVE.items():
        if title.startswith(word) and base_year is not None:
            return str(base_year + step)
    if inherited:
        return inherited
    if kind == "plan":
        return doc.plan
    if kind in ("review", "problems"):
        return doc.review
    return doc.period
