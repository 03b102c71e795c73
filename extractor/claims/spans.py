"""Spans: what stretch of time a figure covers (SPEC §2 ``span``).

``period`` (the year or half-year its section speaks of) is the default; ``multi-year`` a
total, an average or a change over several years; ``to-date`` a running total since a
start.  An annual panel takes only ``period`` figures, so the cues are read from the genre,
in this order (the words are entries of patterns/claims.toml):

1. a duration is multi-year (连续十三年: the figure counts the years), and so is a streak of
   occasions or of a time longer than a year (连续3次获评优秀, 连续安全生产7082天);
2. a total over years is multi-year (五年累计); another running total (累计达到831家,
   已投入80亿元, 截至目前: ``to_date``) is to-date, unless its sentence or section speaks of
   several years;
3. an average or a duration in its clause (年均增长7.1%, 平均每年, 连续四年达到, 比五年前:
   ``multi_year_clause``), a comparison with a base year before the last one (比2009年提高
   92% in a review of 2011), or a time reference beyond its section's year or over a range
   of years (到2030年, 2003年到2006年) make it multi-year;
4. in a sentence that speaks of several years (五年来, 过去五年, “十三五”期间:
   ``multi_year_sentence``; up to its 。, so 五年来，A；B。 governs B), or in a section of
   several years (过去五年工作回顾, “十四五”时期…: ``multi_year_titles``) outside a paragraph
   or sentence that opens on one year (过去一年，…; 2012年，…), or in a paragraph that opens
   on several years (——这五年，…), a flow (a change, 新增, 新建,
   累计: ``flow_words``) is multi-year, while a level reached (由…增加到51.9万亿元, 达到)
   stays the period's;
5. a part of the figure before it (两年新增4万亿元投资，其中中央财政投资1.26万亿元:
   ``part_of``) covers what that figure covers (:func:`part_span`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import regex

from extractor.model import Section
from extractor.rules.records import RuleSet
from extractor.text.numerals import chinese_int
from extractor.text.rx import needing, opening_class, prefiltered
from extractor.text.sentences import SENTENCE_WINDOW

PERIOD, MULTI_YEAR, TO_DATE = "period", "multi-year", "to-date"
V1 = regex.VERSION1
#: How far into a paragraph (its first sentence) or a sentence an opening on one year is
#: looked for (过去一年，…; 2017年，…; 这里要特别指出，刚刚过去的1992年，…).
_OPENING = 24
#: How far before a streak's count its opening word is looked for (连续安全生产7082天).
_STREAK_BACK = 8
#: How far into a paragraph's second sentence the years it opens on are looked for.
_HEAD = 8
#: How far after a year its comparison may open to make it the year compared (一九七八年又比).
_COMPARED_NEAR = 2
#: The longest comparison with a year (比一九七六年, 较1 9 9 7年).
_YEAR_CHARS = 12
#: How many dash items back a run of them is walked to the paragraph that leads it, and how
#: many lines at most (a copy that puts an empty line between its paragraphs doubles them).
_DASH_RUN = 12
#: The figures of a list before a figure (46.84%、; 1076家、), back to the words before them,
#: and how far back they are read.
_FIGURES_BEFORE = regex.compile(r"(?r)(?:[\d０-９][\d０-９.．]*[^\d０-９、，。；;,\s]{0,3}、)+$")
_LIST_BACK = 40
#: What ends a line that ends its paragraph.  A line ending otherwise (…推动) that is longer
#: than a heading, or that itself continues such a line, was broken inside a sentence (a web
#: copy breaks lines around a link or a name: 推动⏎区域全面经济伙伴关系协定⏎（RCEP）生效实施…):
#: the line after it continues its paragraph.
_RUN_LINES = 4 * _DASH_RUN
_PARAGRAPH_ENDS = frozenset("。！？!?：:；;…”’」』）)")
_BROKEN_LINE = 24


@dataclass(frozen=True, slots=True)
class SpanWords:
    """The compiled span vocabulary of a rule set."""

    clause: Any  # multi_year_clause, searched in the clause before the figure
    sentence: Any  # multi_year_sentence, searched in the sentence before the figure
    to_date: Any
    year_so_far: Any  # 1-11月, 上半年: a time reference to part of one year
    progress: Any  # 1——5月份, 到5月份为止, 据…统计: the year so far reported (searched backwards)
    flow: Any
    titles: Any
    one_year: Any  # one_year_opening, matched near a paragraph's start
    base_year: Any  # 比2009年, 同1987年相比, 是1997年的1.8倍: group y is the base year
    since: Any  # 起, 以来 after a year: a start
    year: Any  # a year in a time reference: group y
    years: Any  # a range of years (2021-2023年, 一九五三年至一九五七年)
    duration: Any  # 连续 … right before a figure of years
    streak: Any  # 连续安全生产 … in the clause before a streak's count (streak_before)
    level: Any  # level_before, searched in the words right before the figure
    passing: Any  # passing_before: 超, 突破 right before a stock's figure
    held: Any  # held_before: 保持在, 稳定在 right before a level held
    as_of: Any  # as_of_opening opening a sentence or clause: 截至目前, 截止12月7日
    as_of_totals: Any  # 共, 总计: a total's words in the clause of a figure dated so
    annual: Any  # a comparison with the year before (比上年, 同比): a year's change
    part: Any  # 其中: a part of the figure before, over the same stretch of time
    dash: Any  # item_dash: what opens a dash item (——), matched at a paragraph's start
    stocks: tuple[str, ...] = ()  # stock_nouns: an indicator ending so names a stock
    stock_units: tuple[str, ...] = ()  # stock_units: a unit ending so names one (亿人口)
    flow_after: Any = None  # flow_after, matched at a count's end: 5条高铁建成运营
    #: an re class of the letters a match of as_of_totals opens with (rx.opening_class)
    as_of_totals_letters: Any = None


def _alt(rules: RuleSet, name: str) -> str:
    return rules.vocab(f"claims.{name}").alternation(longest_first=True)


def _prefiltered(rules: RuleSet, name: str) -> Any:
    """One vocabulary's alternation, tried only where one of its words can start."""
    words = rules.vocab(f"claims.{name}").items
    return prefiltered(regex.compile(_alt(rules, name), V1), words)


def _needing(rules: RuleSet, name: str) -> Any:
    """One vocabulary's alternation, tried only where a letter one of its words requires
    stands: its words open with a class or a number (五年来, “十三五”期间), not a literal."""
    return needing(regex.compile(_alt(rules, name), V1), rules.vocab(f"claims.{name}").patterns)


def span_words(rules: RuleSet) -> SpanWords:
    """The span vocabulary of a rule set, compiled once."""
    return rules.compiled("spanwords", _compile)


def _compile(rules: RuleSet) -> SpanWords:
    year = rules.map("templates").get("year", r"(?:1[89]|20)\d{2}")
    spaced = rules.map("templates").get("spaced_year", "(?!)")
    comparison = rules.vocab("claims.comparison_marks").chars or "(?!)"
    duration = rules.vocab("claims.duration_before").alternation()
    unit = rules.vocab("claims.year_units").alternation()  # 年
    joiners = rules.vocab("numerals.range_joiners").alternation()  # 至, -
    words = SpanWords(
        clause=_needing(rules, "multi_year_clause"),
        sentence=_needing(rules, "multi_year_sentence"),
        to_date=_prefiltered(rules, "to_date"),
        year_so_far=regex.compile(_alt(rules, "year_so_far"), V1),
        progress=regex.compile(_alt(rules, "progress_so_far"), V1 | regex.REVERSE),  # the last
        flow=_prefiltered(rules, "flow_words"),
        titles=regex.compile(_alt(rules, "multi_year_titles"), V1),
        one_year=regex.compile(_alt(rules, "one_year_opening"), V1),
        base_year=regex.compile(
            rf"[{regex.escape(comparison)}](?P<y>{year}|{spaced})(?:{unit})"
            rf"|{rules.vocab('claims.multiple_of_year').pattern}",
            V1,
        ),
        since=regex.compile(rf"(?:{_alt(rules, 'since')})|(?<=(?:{_alt(rules, 'since')}))", V1),
        year=regex.compile(rf"(?P<y>{year}|{spaced})(?:{unit})", V1),
        years=regex.compile(rf"(?:{year})(?:{unit})?\s*(?:{joiners})\s*(?:{year})(?:{unit})", V1),
        duration=regex.compile(rf"(?:{duration})$", V1),
        streak=regex.compile(_alt(rules, "streak_before"), V1),
        level=regex.compile(rf"(?:{_alt(rules, 'level_before')})", V1),
        passing=regex.compile(rf"(?:{_alt(rules, 'passing_before')})", V1),
        held=regex.compile(rf"(?:{_alt(rules, 'held_before')})", V1),
        as_of=regex.compile(rf"(?:\G|[，,；;])\s*(?:{_alt(rules, 'as_of_opening')})", V1),
        as_of_totals=regex.compile(_alt(rules, "as_of_totals"), V1),
        annual=regex.compile(_alt(rules, "comparison"), V1),
        part=_prefiltered(rules, "part_of"),
        dash=regex.compile(_alt(rules, "item_dash"), V1),
        stocks=rules.vocab("claims.stock_nouns").items,
        stock_units=rules.vocab("claims.stock_units").items,
        flow_after=regex.compile(_alt(rules, "flow_after"), V1),
    )
    return replace(words, as_of_totals_letters=opening_class(words.as_of_totals))


def year_of(text: str) -> int | None:
    """The year a numeral names: 2009, 1 9 9 7, 一九八七."""
    digits = text.replace(" ", "")
    if digits.isdigit():
        return int(digits)
    return chinese_int(digits)


def years_in(folded: str, span: tuple[int, int], words: SpanWords) -> list[int]:
    """The years a time reference names (2003年到2006年: 2003, 2006)."""
    found = (year_of(m.group("y")) for m in words.year.finditer(folded, *span))
    return [y for y in found if y is not None]


def section_year(sections: Sequence[Section]) -> int | None:
    """The year of the innermost section with a period (2020 of 2020H1), or None."""
    return _section_year(sections)


def _section_period(sections: Sequence[Section]) -> str:
    """The period of the innermost section with one that opens on a year, or ""."""
    return next((sec.period for sec in sections if sec.period[:4].isdigit()), "")


def _section_year(sections: Sequence[Section]) -> int | None:
    period = _section_period(sections)
    return int(period[:4]) if period else None


def _several_years(period: str) -> bool:
    """Whether a section's period covers several years (2019-2020)."""
    last = period[5:9]
    return period[4:5] == "-" and last.isdigit() and int(last) > int(period[:4])


class Where(NamedTuple):
    """A figure and the stretches of text around it (offsets in the folded text).  A named
    tuple: one is built per claim, five times faster than a frozen dataclass."""

    start: int  # the figure
    clause: int  # its clause's start
    sentence: int  # its sentence's start
    full: int  # its full sentence's start (a ；does not end it: 五年来，A；B。 governs B)
    paragraph: int  # its paragraph's start
    time: tuple[int, int] | None  # its time reference
    years: bool  # it counts years (年), occasions (次) or a time longer than a year (30个月)
    change: str
    baseline: float | None
    rate: bool = False  # its unit is a rate, a share or a multiple (%, 倍)
    target: bool = False  # it is a target (a goal set for the future)
    stock: bool = False  # its indicator names a stock (贷款余额): a level at a date
    end: int = -1  # the claim's end (its unit's), where a verb after its noun is read


def find_span(
    folded: str,
    at: Where,
    sections: Sequence[Section],
    words: SpanWords,
    known: dict[Any, bool] | None = None,
) -> str:
    """The span of the figure ``at`` (see the module's docstring).  ``known`` keeps, for one
    text, what was read of its paragraphs' openings and its sections' titles: the figures
    of a paragraph ask the same questions of them."""
    # what is read before the figure: its clause and full sentence, each at most
    # SENTENCE_WINDOW characters back (no sentence of a real report is longer; a crafted one
    # of thousands of figures must not make each figure read all of it)
    near = at.start - SENTENCE_WINDOW
    clause, sentence = (max(at.clause, near), at.start), (max(at.full, near), at.start)
    if at.years and (
        words.duration.search(folded, max(0, at.start - 4), at.start)
        or words.streak.search(folded, max(at.clause, at.start - _STREAK_BACK), at.start)
    ):
        return MULTI_YEAR  # 连续十三年; 连续3次获评, 连续30个月, 连续安全生产7082天
    several = _several(folded, at, sentence, sections, words, {} if known is None else known)
    # several: 0 no, 1 its section or paragraph, 2 its sentence
    if words.to_date.search(folded, *clause) or (
        (words.as_of_totals_letters is None or words.as_of_totals_letters.search(folded, *clause))
        and words.as_of_totals.search(folded, *clause)
        and words.as_of.search(folded, *sentence) is not None
    ):  # 累计达到831家; 五年累计, or 累计 in a review of five years; 截至目前，…共盘活
        if several or words.clause.search(folded, *clause):
            return MULTI_YEAR
        if at.time is not None and words.years.search(folded, *at.time) is not None:
            return MULTI_YEAR  # 2021-2023年，累计投资100亿元: a total over the years it names
        if at.time is not None and words.year_so_far.search(folded, *at.time):
            return PERIOD  # 2021年1-11月，…已累计收购电量: the year so far (as 全年累计)
        return TO_DATE
    if words.clause.search(folded, *clause):
        return MULTI_YEAR
    period = _section_period(sections)
    year = int(period[:4]) if period else None
    if at.time is not None and _beyond(folded, at.time, year, words, _several_years(period)):
        if at.baseline is not None and (
            year is None or max(years_in(folded, at.time, words), default=year) <= year
        ):  # 從一九五〇年到一九五四年…從A降低到B (in a review of 1954): the level reached
            return PERIOD
        return MULTI_YEAR  # 到2030年, 2003年到2006年; 至2020年 in a plan for 2019-2020
    if at.time is not None and year is not None and _since_before(folded, at.time, year, words):
        return MULTI_YEAR  # 从1998年起，…每年提高一个百分点 (in a review of 2002)
    if at.target and several:
        # a goal of a plan over several years (“十四五”时期主要目标: 城镇化率提高到65%;
        # 届时…超过90万亿元) is reached at its end: not a year's figure
        return MULTI_YEAR
    before = max(at.clause, at.start - 6)
    if at.baseline is not None or _level_reached(folded, at, words):
        return PERIOD  # a level reached over the years is the period's (由…增加到82.7万亿元)
    own = _own_year(folded, at.time, words)
    if own is not None and at.time is not None:  # the bases before its own year are others'
        sentence = (max(sentence[0], at.time[0]), sentence[1])
    if year is None and (at.change or at.rate):
        # no section year (a report without dated headings): a change or a multiple is dated
        # by the latest year its sentence names (一九七四年…预计比一九六四年增长百分之五十一)
        year = max(years_in(folded, sentence, words), default=None)
    if year is not None and _earlier_base(folded, sentence, own or year, words, at.start):
        return MULTI_YEAR  # 比2009年提高92% (in a review of 2011); not 一九七七年比一九七六年
    if not several or words.annual.search(folded, *clause):
        return PERIOD  # 比上年增长12.8%: a year's change, even in a review of five
    if words.held.search(folded, before, at.start):
        return MULTI_YEAR  # 民生财政支出占比保持在75%以上: a level held over the years
    # a sentence that names several years covers its figures; a section only its flows
    # a count or an amount done over the years is theirs (关停小火电机组7210万千瓦, 完成造林
    # 2529万公顷); a rate or share with no change is a level
    # (覆盖24%的县), and so is a stock passing a mark (全省经营主体超850万户)
    # a count that a verb after its noun makes a flow (等5条高铁建成运营, 1.1万个项目投产达效)
    # counts what was done over the years
    bare = at.rate or at.stock or words.passing.search(folded, before, at.start)
    flow = at.change or words.flow.search(folded, *clause) or not (bare or several == 3)
    if not flow and not bare and at.end >= 0:
        flow = words.flow_after.match(folded, at.end) is not None
    return MULTI_YEAR if several == 2 or flow else PERIOD


def _level_reached(folded: str, at: Where, words: SpanWords) -> bool:
    """Whether the words right before the figure make it a level reached (达到82.7万亿元), or
    those before the list of figures it ends (分别达46.84%、43.46%; 分别从771家、481家增加到
    1076家、636家): each figure of the list is one."""
    end = at.start
    run = _FIGURES_BEFORE.search(folded, max(at.clause, end - _LIST_BACK), end)
    if run is not None:
        end = run.start()
    return words.level.search(folded, max(at.clause, end - 6), end) is not None


def part_span(
    folded: str, span: str, before: tuple[int, str] | None, at: Where, words: SpanWords
) -> str:
    """The span of a figure that is a part (其中…) of the figure before it in its full
    sentence: that figure's, where its own cues left it the period's."""
    if span != PERIOD or before is None or before[0] < at.full or at.time is not None:
        return span  # 其中去年超收2573亿元: its own time
    return before[1] if words.part.search(folded, before[0], at.start) else span


def _several(
    folded: str,
    at: Where,
    sentence: tuple[int, int],
    sections: Sequence[Section],
    words: SpanWords,
    known: dict[Any, Any],
) -> int:
    """Whether the figure's sentence (2) or section (1) speaks of several years, and not
    its paragraph, or its own time reference, of one (0); ``sentence`` is the stretch of
    its full sentence before it that is read (find_span's window).  What depends only on
    a stretch of the text or a title is read once per text (``known``)."""
    if at.time is not None and _opens_on_one_year(folded, *at.time, words, known):
        return 0  # its own year (1997年国内生产总值达到…, 去年经济增长8.8%)
    if words.sentence.search(folded, *sentence):
        return 2
    for start in dict.fromkeys((at.sentence, at.full)):
        end = min(start + _OPENING, at.start)
        if _opens_on_one_year(folded, start, end, words, known):
            return 0  # 2012年，…增长7.8% in a review of five years: that year's
    # what follows depends on the sentence's paragraph and sections, not on the figure:
    # asked once per sentence (its figures ask the same)
    key = ("several here", at.paragraph, at.sentence, *[sec.section_id for sec in sections])
    answer: int | None = known.get(key)
    if answer is None:
        answer = known[key] = _several_here(folded, at, sections, words, known)
    return answer


def _several_here(
    folded: str, at: Where, sections: Sequence[Section], words: SpanWords, known: dict[Any, Any]
) -> int:
    """:func:`_several` of the figure's sentence where its own words do not decide: its
    paragraph's, the sentences' before it in that paragraph, or its sections'."""
    if at.paragraph < at.sentence and _opening_before(folded, at, sections, words, known):
        # …圆满句号。五年来，我们…。一是…，年均增长7.4% (a one-line report): the nearest
        # sentence before it that opens on years or a year opens on years
        return 1
    opening = folded[at.paragraph : at.paragraph + _OPENING]
    first = opening.find("。") + 1
    opening = opening[: first or None]  # its first sentence's
    if _found(known, ("several", at.paragraph, -1), words.sentence, opening):
        return 1  # ——这五年，…: a paragraph on several years, as a section of them
    second = at.paragraph + first
    if (
        first
        and second < at.sentence
        and _found(known, ("several", second, second + _HEAD), words.sentence, folded, second,
                   second + _HEAD)
    ):  # fmt: skip
        return 1  # 2015年是“十二五”收官之年。过去五年，…: its second sentence opens on them
    if _led_by_years(folded, at.paragraph, words, known):
        # ——经济实力实现整体跃升。… after “十四五”时期是…的五年，…: the items review those years
        return 3 * (not _found(known, ("one", at.paragraph, -1), words.one_year, opening))
    if not any(_title_of_years(sec.title, words, known) for sec in sections):
        # “十四五”时期和2025年工作回顾: the years first, until a paragraph turns to the year
        return int(any(_years_part(folded, sec, at.paragraph, words, known) for sec in sections))
    return int(not _found(known, ("one", at.paragraph, -1), words.one_year, opening))


def _opening_before(
    folded: str, at: Where, sections: Sequence[Section], words: SpanWords, known: dict[Any, Any]
) -> bool | None:
    """Whether the nearest sentence before the figure's, in its paragraph and section, that
    opens on several years (五年来，…; 今后五年，…: True) or on one (2022年是…; 过去一年，…:
    False) opens on several; None when none does.  The genre reviews or plans those years in
    the sentences that follow such an opening, and a report whose paragraph breaks are lost
    (one line) keeps them only so.  Remembered per sentence: each asks about the ones before."""
    first = ("opening before", at.sentence)
    if first in known:  # the figures of one sentence ask once
        return known[first]  # type: ignore[no-any-return]
    heads = [sec.title_end for sec in sections if 0 <= sec.title_end <= at.sentence]
    lo = max([at.paragraph, *heads])
    walked: list[int] = []
    pos, found = at.sentence, None
    while pos - 1 > lo:
        key = ("opening before", pos)
        if key in known:
            found = known[key]
            break
        walked.append(pos)
        start = max(lo, folded.rfind("。", lo, pos - 1) + 1)
        if words.sentence.match(folded, start, start + _HEAD) is not None:
            found = True  # 五年来，… at its start (match: the pattern opens where it stands)
            break
        if _opens_on_one_year(folded, start, start + _OPENING, words, known):
            found = False
            break
        pos = start
    for start in walked:
        known["opening before", start] = found
    return found


def _years_part(
    folded: str, section: Section, paragraph: int, words: SpanWords, known: dict[Any, bool]
) -> bool:
    """Whether the paragraph at ``paragraph`` stands in the part on several years of a section
    whose title names them before one year (“十四五”时期和2025年工作回顾, 过去五年和2022年工作
    回顾): the genre reviews the years first, then turns to the year in a paragraph opening on
    it (刚刚过去的2025年，…; 过去一年，…).  A title naming the year first (2015年和“十二五”
    时期) keeps its figures the year's unless their own words speak of several years."""
    if paragraph <= section.title_end or not _years_first(section.title, words, known):
        return False
    year = words.one_year.search(section.title)
    named = year.group() if year is not None else ""

    def before_the_turn() -> bool:
        start = folded.find("\n", section.title_end, paragraph) + 1
        while 0 < start <= paragraph:
            m = words.one_year.search(folded, start, start + _OPENING)
            if m is not None and (m.group() == named or not any(c.isdigit() for c in m.group())):
                return False  # a paragraph turned to the title's year, or to 过去一年
            start = folded.find("\n", start, paragraph) + 1 or paragraph + 1
        return True

    return _once(known, ("years part", section.title_end, paragraph), before_the_turn)


def _years_first(title: str, words: SpanWords, known: dict[Any, bool]) -> bool:
    def first() -> bool:
        years, year = words.titles.search(title), words.one_year.search(title)
        return years is not None and year is not None and years.start() < year.start()

    return _once(known, ("years first", title), first)


def _led_by_years(folded: str, paragraph: int, words: SpanWords, known: dict[Any, bool]) -> bool:
    """Whether the paragraph at ``paragraph`` is a dash item of a run that a paragraph opening
    on several years leads (“十四五”时期是…极不平凡的五年，…。——经济实力…。——支点功能…):
    read once per paragraph."""
    return _once(known, ("led", paragraph), lambda: _lead_of_run(folded, paragraph, words))


def _lead_of_run(folded: str, paragraph: int, words: SpanWords) -> bool:
    if words.dash.match(folded, paragraph) is None:
        return False
    start, items = paragraph, 0
    for _ in range(_RUN_LINES):  # empty lines and broken ones between the items too
        if start == 0 or items == _DASH_RUN:
            return False
        start = folded.rfind("\n", 0, start - 1) + 1  # the paragraph before
        if not folded[start : start + 1].strip() or _broken_before(folded, start):
            continue  # an empty line, or the rest of an item broken inside a sentence
        if words.dash.match(folded, start) is not None:
            items += 1  # another item of the run
            continue
        opening = folded[start : start + _OPENING]
        opening = opening[: opening.find("。") + 1 or None]  # its first sentence's
        if words.sentence.search(opening) is None or words.one_year.search(opening):
            return False
        # and its last sentence, which leads into the items, turns to no single year
        # (过去五年…。2025年，我们主要做了以下工作：)
        end = folded.find("\n", start)
        end = len(folded) if end < 0 else end
        last = folded.rfind("。", start, max(start, end - 1)) + 1 or start
        return last == start or words.one_year.search(folded, last, last + _OPENING) is None
    return False


def _broken_before(folded: str, start: int) -> bool:
    """Whether the line at ``start`` continues the line before it, broken inside a sentence
    (see ``_PARAGRAPH_ENDS``)."""
    for _ in range(_DASH_RUN):  # a few short lines of one broken sentence at most
        if start < 2 or folded[start - 2] in _PARAGRAPH_ENDS or not folded[start - 2].strip():
            return False
        before = folded.rfind("\n", 0, start - 1) + 1
        if start - 1 - before >= _BROKEN_LINE:
            return True
        start = before  # a short line: broken only if it continues a long one
    return False


def _opens_on_one_year(
    folded: str, start: int, end: int, words: SpanWords, known: dict[Any, bool]
) -> bool:
    """Whether a year opens the stretch ``start:end`` (2012年底，…), read with the words after
    it, so that a deadline cut at ``end`` (对2000年底|以前发布的) is not taken for one."""

    def opens() -> bool:
        m = words.one_year.search(folded, start, min(len(folded), end + _YEAR_CHARS))
        return m is not None and m.start() < end

    return _once(known, ("one", start, end), opens)


def _found(known: dict[Any, bool], key: Any, pattern: Any, text: str, *span: int) -> bool:
    """Whether ``pattern.search(text, *span)`` finds a match, searched once per text: ``key``
    names the question in ``known``."""
    return _once(known, key, lambda: pattern.search(text, *span) is not None)


def _once(known: dict[Any, bool], key: Any, answer: Callable[[], bool]) -> bool:
    """``answer()``, asked once per text: ``known`` keeps it under ``key``."""
    found = known.get(key)
    if found is None:
        found = known[key] = answer()
    return found


def _title_of_years(title: str, words: SpanWords, known: dict[Any, bool]) -> bool:
    return _once(known, ("title", title), lambda: _of_years(title, words))


def _of_years(title: str, words: SpanWords) -> bool:
    """A section title over several years that names no single year beside them (not
    “十二五”时期和2015年工作回顾, whose figures are the year's unless their sentence says)."""
    return words.titles.search(title) is not None and words.one_year.search(title) is None


def _earlier_base(
    folded: str, span: tuple[int, int], year: int, words: SpanWords, start: int
) -> bool:
    """A comparison with a base year before the last one (比2009年 in a review of 2011), in
    the figure's part of its sentence or before it, where the parts after it leave their
    comparison out (比一九八○年增长百分之十二点三；棉花三百六十万吨，增长百分之三十三); a part
    with a comparison of its own (较2019年增长35.5%；最大日用电量7.46亿千瓦时，同比增长41.5%) is
    not compared with the earlier part's year."""
    part: tuple[int, int] | None = None
    for m in words.base_year.finditer(folded, *span):
        base = year_of(m.group("y"))
        if base is None or base >= year - 1:
            continue
        if part is None:
            opened = _PART_START.search(folded, span[0], start)
            closed = _PART_END.search(folded, start)
            part = (opened.end() if opened else span[0], closed.start() if closed else len(folded))
        if m.start() < part[0] and (
            words.annual.search(folded, *part) or words.base_year.search(folded, *part)
        ):
            continue
        return True
    return False


#: where a part of a sentence ends (its ；) or the sentence
_PART_END = regex.compile(r"[；;。]")
_PART_START = regex.compile(r"(?r)[；;。]")


def _since_before(folded: str, time: tuple[int, int], year: int, words: SpanWords) -> bool:
    """Whether a time reference is a start (起, 以来 after it) in a year before ``year - 1``,
    the year the section speaks of or the one before it."""
    if words.since.match(folded, time[1]) is None:  # after the year, or ending it (以来)
        return False
    named = years_in(folded, time, words)
    return len(named) == 1 and named[0] < year - 1


def _own_year(folded: str, time: tuple[int, int] | None, words: SpanWords) -> int | None:
    """The one year a figure's own time reference names where a comparison follows it
    right away (一九七七年比一九七六年增长, 一九七八年又比一九七七年: 1977, 1978), else None:
    a comparison with the year before it is that year's change."""
    if time is None:
        return None
    base = words.base_year.search(folded, time[1], time[1] + _COMPARED_NEAR + _YEAR_CHARS)
    if base is None or base.start() > time[1] + _COMPARED_NEAR:
        return None
    named = set(years_in(folded, time, words))
    return named.pop() if len(named) == 1 else None


def _beyond(
    folded: str, time: tuple[int, int], year: int | None, words: SpanWords, several: bool = False
) -> bool:
    """A time reference over several years, or beyond the section's year (到2030年); in a
    section over several years (a plan for 2019-2020) any year after its first."""
    named = years_in(folded, time, words)
    if len(set(named)) > 1:
        return True
    # the plan year of a one-year section is year + 1 (a review of 2020 plans 2021)
    return year is not None and any(y > year + (not several) for y in named)
