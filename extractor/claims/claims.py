"""Quantified claims (SPEC §2): a figure with its unit, or a change statement.

A *figure* is a number token (``extractor.text.numbers``) or a masked figure (a ``figure``
placeholder) followed by a unit (``extractor.claims.units``); shares (三成, 百分之六) and
doublings (翻一番) carry their own.  Figures that are something else are dropped: dates and
time references (2020年, X月X日, 1-5月份), ordinals (第二批, 第X版), numeral formulas
(两个维护, “四个意识”), counts that introduce a list (以下五个方面, 三项措施：), figures in
《》 titles and lone 一 (一个, 一批).  Around each figure the vocabulary of
``patterns/claims.toml`` finds its hedge, change, indicator, time reference and whether it
is a target.  A change word without a figure is a claim when it follows a comparison
(与去年同期持平, 同比下降) or ends a clause that has a time reference.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import pairwise
from operator import attrgetter
from typing import Any

import regex

from extractor.claims.compose import bonds_after, funds_after, named_before, share_holders
from extractor.claims.figures import Figure, find_figures
from extractor.claims.indicators import IndicatorTable, indicator_table
from extractor.claims.movements import Movement, find_movements
from extractor.claims.spans import (
    SpanWords,
    Where,
    find_span,
    part_span,
    section_year,
    span_words,
    years_in,
)  # fmt: skip
from extractor.claims.units import unit_table
from extractor.claims.words import (
    ClaimWords,
    change_at_end,
    change_words,
    claim_words,
    find_times,
    indicator_bounds,
    trailing_words_start,
)
from extractor.context import NOWHERE, Context, Placement, as_context
from extractor.elements.placeholders import find_placeholders
from extractor.model import Claim, Placeholder
from extractor.rules.records import RuleSet
from extractor.text.fold import fold
from extractor.text.sentences import SentenceIndex, window

#: How far back (characters) the quantity an aspect (总量) or a share (占世界) refers to
#: may stand, and how long such a share may be.
_QUANTITY_BACK, _SHARE_MAX = 120, 6
#: How long the object of a figureless change may be (适当减少财政赤字和长期建设国债规模).
_OBJECT_MAX = 16
#: What ends a clause that names the figure of the next one (烤烟：达到…; 比重，为…), and how
#: long what it names may be.
_LABEL_ENDS, _LABEL_MAX = frozenset("，,：:"), 20
#: How far the words after a figure are read (a predicate or a 的 usually ends them first).
_FOLLOW_MAX = 10
#: How far a noun after a figure is followed to where it ends (a clause end, 的, a joiner,
#: a change or a predicate: 15所示范性普通高中建设学校立项 → 示范性普通高中建设学校); cut at
#: _FOLLOW_MAX when nothing ends it that near.
_FOLLOW_LONG = 16
#: the longest bare measure (总投资, 计划投资) that a figure's 的 lends to the noun after it
_HEAD_MAX = 4
#: The longest quoted name the words after a figure are extended to close.
_QUOTED_MAX = 20
#: The shortest name of a kind after its examples (…等新兴产业税收) that stands alone.
_KIND_MIN = 5
#: The longest aside of a noun after a figure (县（市、区）) it is extended to close.
_ASIDE_MAX = 8
#: How far into a sentence a review opening is looked for (在经济领域，过去一年里…).
_REVIEW_HEAD = 16
_PROGRESS_BACK = 400  # how far back in its paragraph a report of the year so far is sought
_FULFILLED_NEAR = 12  # how far past a figure a word pointing ahead is read (计划完成102.6%)
#: How far before a figure a target noun naming it may stand (下达我市目标任务为约3000户).
_GOAL_NOUN_MAX = 10
#: How far into a clause the word of a present stock may open it (目前全县共有养老床位).
_PRESENT_HEAD = 8
#: The longest gap between two figures that restates the first (，也就是).
_SAID_MAX = 6
# a phrase before a count that lists the items counted is longer than this (新建、改扩建)
_ENUMERATION_MIN = 8
# …and the noun after the count names the items by itself only at this length (典型案例)
_NAMED_MIN = 4
_FRAME_BACK = 3  # how far back a preposition before a count is sought (its lookbehind too)


@dataclass(frozen=True, slots=True)
class _Doc:
    """One text and everything looked up while building its claims."""

    text: str
    folded: str
    index: SentenceIndex
    words: ClaimWords
    times: list[tuple[int, int]]
    plan_spans: tuple[int, ...]  # the union of the plan sections, as _merged bounds
    review_spans: tuple[int, ...]  # and of the review sections
    time_ends: dict[int, int]  # time reference start → end, and -end → -start
    counts: frozenset[str]  # the base units of counts (个, 项, 家, 人…: units.toml dim)
    multiples: frozenset[str]  # and of multiples (倍)
    where: Placement  # the sections of a position (their years date a figure's future)
    spans: SpanWords
    rates: frozenset[str]  # the base units of rates and multiples (%, 个百分点, 倍)
    names: IndicatorTable  # the canonical indicators and their aliases (indicators.toml)
    # what is looked up once per text, filled as it is asked for:
    targets: dict[tuple[int, bool], int] = field(default_factory=dict)  # (sentence start, in
    # a review section) → where a target word first stands in that sentence (its end if none)
    modals: dict[tuple[int, bool], int] = field(default_factory=dict)  # (sentence start, in a
    # review section) → where a modal of a target first stands
    scopes: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # sentence →
    # the scope that governs it
    reviewed: dict[int, bool] = field(default_factory=dict)  # sentence start → whether a
    # review opening governs it
    spans_known: dict[Any, bool] = field(default_factory=dict)  # find_span's, for this text


def find_claims(
    doc: Context | str,
    *,
    rules: RuleSet | None = None,
    placeholders: Sequence[Placeholder] | None = None,
    plan_spans: Sequence[tuple[int, int]] = (),
    review_spans: Sequence[tuple[int, int]] = (),
    where: Placement = NOWHERE,
) -> list[Claim]:
    """Every quantified claim in the text in order, with ids c1, c2 ….

    ``placeholders`` are the text's placeholders (found here when not given): a masked
    figure is a ``figure`` placeholder.  ``plan_spans`` are the spans of plan sections; a
    claim inside one is a target.  ``review_spans`` are those of review sections: there
    争取 and 确保 report what was secured, and make no target.  ``where`` places each claim
    in the outline (its section and measure).
    """
    ctx = as_context(doc, rules)
    text, folded, rules = ctx.text, ctx.folded, ctx.rules
    words = claim_words(rules)
    times = find_times(folded, words)
    ends = {s: e for s, e in times} | {-e: -s for s, e in times}
    table = unit_table(rules)
    state = _Doc(
        text, folded, ctx.sentences, words, times, _merged(plan_spans), _merged(review_spans),
        ends, table.bases("count"), table.bases("multiple"), where, span_words(rules),
        table.bases("rate", "multiple"), indicator_table(rules),
    )  # fmt: skip
    if placeholders is None:
        placeholders = find_placeholders(ctx)
    figures = find_figures(text, folded, placeholders, times, words=words, rules=rules)
    # the movements (由A增加到B), found once: B's indicator is A's, and B takes A as baseline
    moves = find_movements(folded, figures, words, ctx.sentences)
    drafts = _figure_claims(state, figures, {m.level for m in moves})
    shared = drafts
    # a list of indicators shared out: after 分别, or with its figures side by side
    drafts = _distribute(state, drafts)
    drafts = _named_after_next(state, drafts)
    drafts = _paired(state, drafts, shared)
    drafts = _with_baselines(state, figures, drafts, moves)
    drafts += _change_claims(state, figures)
    drafts.sort(key=attrgetter("start", "end"))  # C keys, no Python call per claim
    # the drafts are this function's own; the records leave it once, with ids, places and
    # spans
    claims: list[Claim] = []
    names, rates = state.names, state.rates
    for i, draft in enumerate(drafts, 1):
        section_id, measure_id = where(draft.start)
        at = _where(state, draft, rates)
        span = find_span(folded, at, where.sections_at(draft.start), state.spans, state.spans_known)
        before = (claims[-1].end, claims[-1].span) if claims else None
        span = part_span(folded, span, before, at, state.spans)
        # a rate, or a change with no figure, of an indicator that names its growth
        rate = draft.base_unit in rates or (draft.value is None and bool(draft.change))
        rest = list(_UNPLACED(draft))
        rest[_SPAN], rest[_NORM] = span, names.of_claim(draft.indicator, rate=rate)
        claims.append(Claim(f"c{i}", section_id, measure_id, *rest))
    return claims


#: A claim's fields after its id, section and measure, in order (one C call per claim:
#: ``dataclasses.replace`` reads the fields and builds keywords for every call); its span and
#: canonical indicator are set at these places.
_UNPLACED_FIELDS = tuple(f.name for f in fields(Claim)[3:])
_UNPLACED = attrgetter(*_UNPLACED_FIELDS)
_SPAN, _NORM = _UNPLACED_FIELDS.index("span"), _UNPLACED_FIELDS.index("indicator_norm")


def _where(doc: _Doc, claim: Claim, rates: frozenset[str] = frozenset()) -> Where:
    """A claim's figure and the stretches of text around it, for its span."""
    sent = doc.index.sentence(claim.start)
    time = _time_span(doc, claim.start, _scope(doc, sent)) if claim.time_ref else None
    return Where(
        claim.start, doc.index.clause_start(claim.start), sent[0],
        doc.index.full_sentence(claim.start)[0],
        doc.folded.rfind("\n", 0, claim.start) + 1, time, _counts_years(doc, claim),
        claim.change, claim.baseline, claim.base_unit in rates, claim.is_target,
        claim.indicator.endswith(doc.spans.stocks) or claim.unit.endswith(doc.spans.stock_units),
        claim.end,
    )  # fmt: skip


def _counts_years(doc: _Doc, claim: Claim) -> bool:
    """Whether a figure counts years (连续8年), occasions (连续3次) or a time longer than a year
    (连续30个月): after 连续 its claim covers several years (:func:`find_span`)."""
    words = doc.words
    if claim.unit in words.year_units or claim.unit in words.occasion_units:
        return True
    per_year = next((n for base, n in words.year_lengths if base == claim.base_unit), None)
    return per_year is not None and claim.value is not None and claim.value > per_year


def _figure_claims(doc: _Doc, figures: list[Figure], reached: set[int]) -> list[Claim]:
    """Each figure's claim; ``reached`` are the figures movements reach (由A调整到B: B), whose
    words before them are the movement's verb."""
    out: list[Claim] = []
    for i, fig in enumerate(figures):
        prev, before = (figures[i - 1] if i else None), (out[-1] if out else None)
        # a bare change after a share of a plan (营业收入1250亿元，为年度预算的101.2%，同比
        # 增长8.5%) is of the quantity before the share; one in points is the share's own
        # (占全省的38%，提高2个百分点)
        if (
            fig.change
            and before is not None
            and len(out) > 1
            and i not in reached  # 由上年的74.3%提高到83.7%: a baseline, no share
            and (fig.base not in doc.rates or fig.base == before.base_unit)
            and _after_share(doc, fig, before, out[-2])
        ):
            before = replace(before, indicator=out[-2].indicator)
        out.append(_claim(doc, fig, prev, before, reached=i in reached))
    return out


def _after_share(doc: _Doc, fig: Figure, share: Claim, quantity: Claim) -> bool:
    """Whether ``fig`` opens a clause after ``share``, a rate that a 的 right before its
    figure makes a share of what its words name (为年度预算的101.2%, 占总投资的75%; not a
    baseline: 由上年的74.3%), itself right after the ``quantity`` it is a share of, all
    in one sentence."""
    at = share.start
    if (
        share.base_unit not in doc.rates
        or share.change
        or doc.folded[at - 1 : at] not in doc.words.attributive_set
        or doc.index.clause_start(fig.start) <= at
    ):
        return False
    sent = doc.index.sentence(fig.start)
    lo = doc.index.clause_start(at)
    return quantity.start >= sent[0] and doc.words.movement_from.search(doc.folded, lo, at) is None


def _distribute(doc: _Doc, claims: list[Claim]) -> list[Claim]:
    """Figures after 分别 that share a list of indicators take one item each, in order
    (城镇调查失业率、城镇登记失业率分别为4.8%、4.3%), when the items are as many as the
    figures; the noun that ends the last item goes to the items without one (原煤、原油、
    天然气产量分别… → 原煤产量).  Returns the claims with their items (rates with no list of
    their own take the levels' indicators in :func:`_paired`)."""
    out = list(claims)
    i, respectively = 0, doc.words.respectively
    while i < len(claims):
        first, sent = claims[i], doc.index.sentence(claims[i].start)
        j = i + 1
        while (
            j < len(claims)
            and claims[j].indicator == first.indicator
            # levels, then their changes: two lists (分别达到2253元和6280元，平均每年实际
            # 增长4.7%和5.7%)
            and bool(claims[j].change) == bool(claims[j - 1].change)
            and doc.index.sentence(claims[j].start) == sent
            # a second 分别 shares out a second list (收入分别完成X元、Y元，分别增长X%、Y%)
            and not any(
                doc.folded.find(w, claims[j - 1].end, claims[j].start) >= 0 for w in respectively
            )
        ):
            j += 1
        lo = max(sent[0], first.start - 12)
        if j - i >= 2 and (
            any(doc.folded.find(w, lo, first.start) >= 0 for w in respectively)
            or _side_by_side(doc, claims[i:j])
        ):
            items = _items(first.indicator, j - i, doc.words) or _listed_before(
                doc, first.start, sent[0], j - i
            )
            for k, item in zip(range(i, j), items or (), strict=False):
                out[k] = replace(claims[k], indicator=_balanced(item))
        i = j
    return out


def _named_after_next(doc: _Doc, claims: list[Claim]) -> list[Claim]:
    """A figure that names nothing and the next one, a joiner between them, share the noun
    that follows the next (完成3800户、58万平方米棚户区改造: both measure 棚户区改造)."""
    out = list(claims)
    for k, (a, b) in enumerate(pairwise(claims)):
        if (
            not a.indicator
            and b.indicator
            and doc.folded[a.end : b.start].strip() in doc.words.joiners
            and doc.text.startswith(b.indicator, b.end)
        ):
            out[k] = replace(a, indicator=b.indicator)
    return out


def _side_by_side(doc: _Doc, claims: list[Claim]) -> bool:
    """Whether figures of one indicator stand side by side with nothing but a joiner between
    them (养老保险和医疗保险参保率保持在90%和98%以上), and the indicator a list (not a joined
    modifier: 进出口总额接连突破8万亿元、9万亿元): as many as its items, each is its own
    item's, as after 分别."""
    words, named = doc.words, claims[0].indicator
    listed = any(mark in named for mark in (*words.list_marks, *words.item_words))
    return listed and all(
        doc.folded[a.end : b.start].strip() in words.joiners for a, b in pairwise(claims)
    )


def _listed_before(doc: _Doc, pos: int, lo: int, count: int) -> list[str] | None:
    """The items of a list that the clause before ``pos``'s clause opens with, when its
    clause is a change of them and their figures follow 分别 (A、B和C再次提高，月人均分别提高
    X元、Y元、Z元): ``count`` items, or None."""
    start = doc.index.clause_start(pos)
    if start <= lo:
        return None
    words = doc.words
    before = max(doc.index.clause_start(start - 1), lo)
    change, at = change_at_end(doc.folded, before, start - 1, words)
    if not change:
        return None
    s, e = indicator_bounds(doc.folded, before, at, words, doc.time_ends)
    return _items(doc.text[s:e], count, words)


def _paired(doc: _Doc, claims: list[Claim], shared: list[Claim]) -> list[Claim]:
    """Changes listed after as many levels of their sentence take the levels' indicators in
    order (城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%; 最大用电
    负荷4230万千瓦，用电量777亿千瓦时，同比分别增长6.5%、6.4%): their clause names nothing of
    its own, so each had taken the last level's (or the list the levels shared before 分别
    gave each its item: ``shared``, the claims before that).  Only where the levels are
    exactly as many as the changes, each with an indicator of its own."""
    out = list(claims)
    i = 0
    while i < len(claims):
        j = i + 1
        while j < len(claims) and _joined(doc, claims[j - 1], claims[j]):
            j += 1
        k = j - i
        if (
            k >= 2
            and i >= k
            and claims[i].indicator in ("", claims[i - 1].indicator, shared[i - 1].indicator)
            and _pairs(doc, claims[max(i - k - 1, 0) : i], k, claims[i].start)
        ):
            for n in range(k):
                out[i + n] = replace(claims[i + n], indicator=claims[i - k + n].indicator)
        i = j
    return out


def _joined(doc: _Doc, a: Claim, b: Claim) -> bool:
    """Whether ``b`` is a change listed right after the change ``a`` (9.8%和8.5%), sharing
    its indicator."""
    return (
        bool(a.change and b.change)
        and a.indicator == b.indicator
        and doc.folded[a.end : b.start].strip() in doc.words.joiners
    )


def _pairs(doc: _Doc, before: list[Claim], k: int, at: int) -> bool:
    """Whether the last ``k`` claims of ``before`` are levels of the sentence at ``at``, each
    with its own indicator, the first of them opening the run of levels (the claim before
    it is a change or of another sentence)."""
    levels, ahead = before[-k:], before[:-k]
    sent = doc.index.sentence(at)
    names = [c.indicator for c in levels]
    if "" in names or len(set(names)) < k:
        return False
    if any(c.change or doc.index.sentence(c.start) != sent for c in levels):
        return False
    return not ahead or bool(ahead[-1].change) or doc.index.sentence(ahead[-1].start) != sent


def _with_baselines(
    doc: _Doc, figures: list[Figure], claims: list[Claim], moves: list[Movement]
) -> list[Claim]:
    """The claims with each movement one claim (由A增加到B: B, baseline A's value); a time
    reference inside the starting part (由2003年的77%) dates the baseline, not the claim."""
    if not moves:
        return claims
    out = list(claims)
    for move in moves:
        start, level = claims[move.start], claims[move.level]
        time_ref = level.time_ref
        scope = _scope(doc, doc.index.sentence(level.start))
        span = _time_span(doc, level.start, scope)
        if span is not None and move.opening <= span[0] < figures[move.start].end:
            before = _time_span(doc, move.opening, scope)  # 由2003年的77%: the baseline's date
            time_ref = doc.text[before[0] : before[1]] if before else ""
        change = level.change or _direction(start.value, level.value)
        out[move.level] = replace(level, baseline=start.value, time_ref=time_ref, change=change)
    dropped = {move.start for move in moves}
    return [c for i, c in enumerate(out) if i not in dropped]


def _direction(baseline: float | None, level: float | None) -> str:
    """The change of a movement whose verb names no direction (由百分之三十六点五调整到百分之
    二十九: a decrease), read from its two values."""
    if baseline is None or level is None or baseline == level:
        return ""
    return "increase" if level > baseline else "decrease"


def _items(indicator: str, count: int, words: ClaimWords) -> list[str] | None:
    """:func:`_listed_items` read on the folded indicator (城鎮和農村 as 城镇和农村), each item
    in the document's own characters again."""
    folded = fold(indicator)
    items = _listed_items(folded, count, words)
    if items is None or folded == indicator:
        return items
    raw: dict[str, set[str]] = {}
    for ch, own in zip(folded, indicator, strict=True):
        raw.setdefault(ch, set()).add(own)
    # a character back to the document's where it stood for one only (國 and 国 both in
    # the phrase: 国 stays as read)
    back = {ch: min(owns) for ch, owns in raw.items() if len(owns) == 1 and ch not in owns}
    return ["".join(back.get(ch, ch) for ch in item) for item in items]


def _listed_items(indicator: str, count: int, words: ClaimWords) -> list[str] | None:
    """``indicator`` as ``count`` items (split at 、, and at one 和/及/与 in the last item:
    A、B和C), or None when the count differs or an item cannot be completed.

    An item that does not end with a measure (数, 量, 率, 额 … or an ``indicator_tails``
    noun) borrows from the last item what follows the item's own ending there
    (高技术制造业、装备制造业增加值 → 高技术制造业增加值; 职工医保和居民医保…报销比例),
    else the last item's measure noun (原煤、天然气产量 → 原煤产量); a bare two-character
    modifier with neither (城镇、农村居民收入) leaves the list shared."""
    tails = words.indicator_tails
    items = [indicator]
    for mark in words.list_marks:
        items = [part for item in items for part in item.split(mark)]
    if len(items) < count:
        last = items[-1]
        for joiner in words.item_words:
            if last.count(joiner) == 1:
                items[-1:] = last.split(joiner)
                break
    for word in words.respectively:  # 跨国公司地区总部、外资研发中心分别新增
        if word in items[-1]:
            items[-1] = items[-1][: items[-1].index(word)]
    items = _ordinals(items, words)
    if len(items) == 1:  # 城乡居民收入分别…: the joined modifier's own, in order
        for joined, parts in words.shared_modifiers:
            if len(parts) == count and joined in items[0]:
                return [items[0].replace(joined, part, 1) for part in parts]
    if len(items) != count or any(len(item) < 2 for item in items):
        return None
    last = items[-1]
    for k, item in enumerate(items[:-1]):
        if item in words.parallel and last[: len(item)] in words.parallel:
            # a bare modifier beside the last item's (城镇和农村居民人均可支配收入, 进口、出口
            # 通关时间): the last item's words after its own modifier
            items[k] = item + last[len(item) :]
            continue
        if item[-1] in words.measure_ends or item.endswith(tails):
            continue
        rest = _borrowed(item, last)
        if rest is None:
            rest = next((t for t in tails if last.endswith(t) and len(last) > len(t)), "")
            if not rest and len(item) <= 2 and _measures(last, words):
                if len(last) <= len(item) + 1 or last[-1] not in words.measure_ends:
                    return None  # a bare modifier, and no measure noun to lend it
                # a bare modifier before the last item's, which ends on its measure (食品、
                # 药品抽检合格率, 批发、住宿、餐饮行业销售额): its words after a modifier as long
                rest = last[len(item) :]
        items[k] = item + rest
    return items


def _measures(item: str, words: ClaimWords) -> bool:
    """Whether an item of a list names a measure (数, 量, 率 … or an ``indicator_tails``
    noun); a list whose last item names none is of things side by side (水泥和化肥（折纯）
    分别达到…: each item what its figure measures), not of modifiers sharing a noun."""
    return any(ch in words.measure_ends for ch in item) or any(
        tail in item for tail in words.indicator_tails
    )


def _ordinals(items: list[str], words: ClaimWords) -> list[str]:
    """A list of ordinals before the noun they share, each with the noun (第一、二、三产业增加值
    → 第一产业增加值, 第二产业增加值, 第三产业增加值); other lists as they are."""
    if len(items) < 2 or not all(words.ordinal_item.fullmatch(it) for it in items[:-1]):
        return items
    last = words.ordinal_item.match(items[-1])
    if last is None or last.end() == len(items[-1]):
        return items
    head = next((w for w in words.ordinal_before if items[0].startswith(w)), "")
    rest = items[-1][last.end() :]
    numbers = [it.removeprefix(head) for it in (*items[:-1], last.group())]
    return [head + number + rest for number in numbers]


def _borrowed(item: str, last: str) -> str | None:
    """What follows, in ``last``, the longest ending of ``item`` (two characters or more)
    found inside it."""
    for size in range(len(item), 1, -1):  # two characters at least: 小学、初中学生 share no 学
        at = last.find(item[-size:], 1)
        if at > 0 and at + size < len(last):
            return last[at + size :]
    return None


def _claim(
    doc: _Doc, fig: Figure, prev: Figure | None, prev_claim: Claim | None, *, reached: bool
) -> Claim:
    """One figure's claim; a figure right after another in its clause may share its
    indicator (惠及群众X户X人) and change (分别增长X%和Y%); the level a movement ``reached``
    measures what its starting value did."""
    sent = doc.index.sentence(fig.start)
    scope = _scope(doc, sent)
    time = _time_span(doc, fig.start, scope)
    start = doc.index.clause_start(fig.start)
    gap = None
    if prev is not None and prev_claim is not None and prev.after > start:
        gap = doc.folded[prev.after : fig.start].strip()
        hedged = prev.approx in doc.words.threshold_hedges
        threshold = hedged and gap and gap[0] not in doc.words.joiners
        start = prev.start if threshold else prev.after  # X亿元以上项目X个
        if not threshold and doc.folded.startswith("(", start):
            # 7.4万套（间）、累计达到61万套: the aside is the figure before's, no name
            close = doc.folded.find(")", start, start + _ASIDE_MAX)
            start = close + 1 if close > 0 else start
    # 3所小学和2所中学, 5个国家中心、6个省级中心: the words between end the last item, what
    # follows the figure is its own (unless nothing does: 12个百亿元、70个30亿元以上项目)
    item = bool(gap) and _ends_item(str(gap), doc.words)
    indicator = _following(doc, fig.after, skip_de=True) if item else ""
    if not indicator and _modified(doc, fig):
        # 国家分配的910万吨中长协计划, 对以前发布的756件行政法规: a clause with 的 before the
        # figure describes the noun after it, which the figure measures
        indicator = _following(doc, fig.after, skip_de=True, counted=True)
        indicator = indicator if len(indicator) > 1 else ""
    if not indicator:
        own = indicator = _indicator(doc, start, fig.context_start, keep_change=not fig.change)
        if own and reached and prev_claim is not None:
            # 积累率由…的百分之三十六点五调整到百分之二十九: the words between are the
            # movement's verb, the level is of what the starting value measured
            own = indicator = prev_claim.indicator
        # 13亿多人口的大国: a unit that names the quantity, which nothing after it names
        named = "" if own else next((n for n in doc.words.noun_units if fig.unit.endswith(n)), "")
        own = indicator = own or named
        same = not own and prev_claim is not None and prev_claim.start >= sent[0]
        borrowed = same and (gap is not None or bool(fig.change) or fig.base in doc.multiples)
        if borrowed:
            # the same clause (惠及群众X户X人), a bare change of the last one (…亿元，增长X%),
            # or a multiple of it (生铁三百零三万吨，等于一九四九年的十二点四倍)
            indicator = prev_claim.indicator if prev_claim else ""
        if (
            own in doc.words.stage_verbs
            and prev_claim is not None
            and prev_claim.start >= sent[0]
            and doc.folded[fig.after : fig.after + 1] in doc.words.nothing_follows
        ):  # 基本建成470万套、新开工630万套: a bare stage of the last figure's subject
            own = indicator = _staged(own, prev_claim.indicator, doc.words.stage_verbs) or own
        # the verb's object after the figure: after a verb done (取消了原先336亿元的农业税赋),
        # or after an adverb and a verb (继续发行1500亿元长期建设国债)
        done = (
            ""
            if named
            else _done_to_object(doc, fig, start) or _adverb_verb_object(doc, fig, indicator)
        )
        if done:
            own, indicator = "", done
        counted = len(own) > 2 and fig.base in doc.counts
        if not done and (len(indicator) <= 2 or counted) and not named:
            # nothing, a bare verb (打造40个…) or a verb phrase before a count (实施稳经济30项
            # 举措): add the noun after, which the figure counts
            # after an amount with a measure before it (投资4.5亿元实施了…), a predicate from
            # the first word on names nothing, as after a count
            amount = bool(indicator) and fig.base not in doc.counts
            occasions = fig.unit in doc.words.occasion_units
            after = _following(
                doc,
                fig.after,
                skip_de=not indicator,
                counted=counted or amount,
                occasions=occasions,
            )
            if occasions and doc.words.change_word.match(after):
                # 两次降低存款准备金率、两次下调政策利率: the change after a count of occasions
                # is what it counts, whatever the clause before names
                indicator = own = ""
            tied = doc.folded[fig.after : fig.after + 1] in doc.words.attributive_set
            if not indicator and tied and fig.base in doc.rates:
                after = _holders(doc, fig, after)  # 89.4%的公园实现24小时开放: who does it
            if counted and len(after) >= _NAMED_MIN and _enumerates(own):
                # the count of an enumeration before it (A、B、C3个典型案例; 围绕医保、社保5个
                # 便民服务领域): the items are what is counted, the noun after names them; a
                # bare head noun (…、盘锦精细化工2个平台) names them only with the list
                indicator = ""
            if counted and len(after) > 1 and _framed(doc, fig):
                indicator = ""  # 国家先后在58个城市: the actor before, what is counted after
            # a noun of its own after a figure that had borrowed the last one's (13亿人口、9亿
            # 劳动力资源) names it alone
            indicator = after if borrowed and len(after) > 1 else indicator + after
        elif own.endswith(doc.words.funds_verbs) and fig.base not in doc.rates:
            # 中央安排30亿元国债资金: who pays before the amount, the funds after it
            after = _following(doc, fig.after, counted=True)
            indicator = funds_after(own, after, doc.words) or indicator
        elif own.endswith(doc.words.issue_verbs) and fig.base not in doc.rates:
            # 国务院增发1000亿元财政债券: the issue and the bonds after the amount, not who issues
            after = _following(doc, fig.after, counted=True)
            indicator = bonds_after(own, after, doc.words) or indicator
        if own and indicator == own:
            indicator = _tied_by_de(doc, fig, own)
        if not indicator and same and doc.folded[start : fig.context_start].strip():
            # a clause whose words all fell away and nothing after: a bare reaching
            # (…增长37.1%，达到8512亿美元) or a base of comparison
            # (…，比一九五二年的七十三亿元增长…)
            indicator = prev_claim.indicator if prev_claim else ""
        if not indicator:
            indicator = _clause_before(doc, fig, prev, sent[0])
        if not indicator:
            indicator = _topic_before(doc, fig, prev, sent[0])
        if not indicator:
            indicator = _sentence_subject(doc, fig, sent[0])
    if (
        prev_claim is not None
        and prev_claim.start >= sent[0]
        and prev_claim.indicator
        and (
            not doc.words.compared_lead_opens or indicator.startswith(doc.words.compared_lead_opens)
        )
        and doc.words.compared_lead.match(indicator)
    ):  # …增长6.2%、高于全国平均0.3个百分点: the gap of the quantity before
        indicator = prev_claim.indicator
    indicator = _last_of_clauses(indicator, doc.words)
    settled = prev_claim is not None and indicator == prev_claim.indicator  # cut once, before
    if not settled and not _shared_out(doc, fig.start, sent[0]):  # 分别 keeps a list's items
        indicator = _after_examples(indicator, doc.words)
    pointed = named_before(indicator, start, doc.folded, doc.words, doc.index.clause_start)
    if pointed is not None:  # 这个比重，1978年为17.4％: the quantity named before
        lo, hi = indicator_bounds(doc.folded, *pointed, doc.words, doc.time_ends)
        indicator = _balanced(doc.text[lo:hi]) if hi - lo >= _NAMED_MIN else indicator
    indicator = _of_quantity_before(doc, indicator, fig, prev_claim)
    fulfilled = _plan_fulfilled(doc, fig, start, prev_claim, sent[0])
    whole = "".join(doc.words.plan_rate)
    if fulfilled:
        indicator = fulfilled
    elif prev_claim is not None and indicator == prev_claim.indicator != whole:
        # 完成了原定计划的101%，比1954年增长8%: the change is of what the plan was for
        indicator = indicator.removesuffix(whole)
    if indicator in doc.words.single_nouns and fig.base in doc.words.output_bases:
        indicator += doc.words.output_nouns[0]  # 钢突破7000万吨: the product's output
    change = fig.change
    said = (  # what stands between it and the figure before (，即)
        doc.folded[prev.after : fig.start].strip()
        if prev is not None and fig.start - prev.after <= _SAID_MAX
        else None
    )
    if (
        not change
        and prev_claim is not None
        and (gap in doc.words.joiners or said in doc.words.restating)
    ):  # 分别增长5%和8%; 增产二千二百万吨，即百分之七点八 (the same change restated)
        change = prev_claim.change
    text = doc.text
    shown = window(sent, fig.start, fig.end)
    return Claim(
        claim_id="",  # numbered once all claims are sorted
        section_id=None,
        measure_id=None,
        indicator=indicator,
        value_text=text[fig.start : fig.value_end],
        value=fig.value,
        low=fig.low,
        high=fig.high,
        unit=fig.unit,
        base_unit=fig.base,
        approx=fig.approx,
        change=change,
        time_ref=doc.text[time[0] : time[1]] if time else "",
        is_target=_is_target(doc, fig.start, scope, time),
        masked=fig.masked,
        sentence=text[shown[0] : shown[1]],
        start=fig.start,
        end=fig.end,
        text=text[fig.start : fig.end],
        rule=fig.rule,
        sentence_start=shown[0],
        sentence_end=shown[1],
    )


def _done_to_object(doc: _Doc, fig: Figure, start: int) -> str:
    """A count or an amount between a verb done (its 了) and the noun after it is of that
    object (增加了34个开放口岸, 取消了原先336亿元的农业税赋, 审议和通过了11项法律): the verb and
    the noun, whatever the clause names before the verb; "" where no verb ends the words before
    it or no noun follows."""
    if fig.base in doc.rates:
        return ""
    m = doc.words.done_before_object.search(doc.folded, start, fig.start)
    if m is None:
        return ""
    after = _following(doc, fig.after, skip_de=True, counted=True)
    if len(after) < _NAMED_MIN // 2 or doc.words.change_word.match(after):
        return ""
    return _named_verb(doc, str(m.group("verb"))) + after


def _named_verb(doc: _Doc, verb: str) -> str:
    """The verb before an object that names what a figure counts: a verb of completing or
    reaching (完成, 实现, 达到: the indicator's lead words) names nothing (完成了6条城市道路 →
    城市道路), a verb of changing or doing does (增加了34个开放口岸 → 增加开放口岸)."""
    lead = doc.words.strip_lead.match(verb)
    done = lead is not None and lead.end() == len(verb) and not doc.words.change_word.match(verb)
    return "" if done else verb


def _adverb_verb_object(doc: _Doc, fig: Figure, own: str) -> str:
    """The verb and the noun after the figure, where the words before it are only an adverb and
    a verb (继续发行1500亿元长期建设国债 → 发行长期建设国债); "" where no noun follows (继续建设的
    693个: a stage of its own)."""
    opens = doc.words.adverb_verb_opens
    m = None if opens and not own.startswith(opens) else doc.words.adverb_verb.fullmatch(own)
    if m is None or fig.base in doc.rates:
        return ""
    after = _following(doc, fig.after, counted=True)
    return _named_verb(doc, str(m.group("verb"))) + after if len(after) >= _NAMED_MIN // 2 else ""


def _tied_by_de(doc: _Doc, fig: Figure, own: str) -> str:
    """The indicator of a figure whose 的 ties it to the noun after it, from ``own``, the words
    before it: a rate's value (现行10%的税率), the amount of a project (投资1.27亿元的公路客运总
    站), the amount of a measure (带动…形成3000亿元的投资); ``own`` where no 的 follows."""
    if fig.approx or doc.folded[fig.after : fig.after + 1] not in doc.words.attributive_set:
        return own  # 投资10亿元以上的重大项目: a threshold of the noun, no amount of it
    if fig.base in doc.rates:
        return _rate_of_noun_after(doc, fig, own)
    if len(own) <= _HEAD_MAX and own.endswith(doc.words.indicator_tails):
        return _of_noun_after(doc, fig, own)
    return own if fig.base in doc.counts else _measure_after(doc, fig, own)


def _of_noun_after(doc: _Doc, fig: Figure, head: str) -> str:
    """``head`` (a bare measure: 投资, 资金) of the noun a figure's 的 ties it to (投资1.27亿元的
    公路客运总站 → 公路客运总站投资)."""
    noun = _following(doc, fig.after + 1, counted=True)
    if len(noun) < 2 or noun.startswith(doc.words.target_nouns):
        return head  # 投资500亿元的目标: what the amount is, not what it measures
    return noun + head


def _measure_after(doc: _Doc, fig: Figure, named: str) -> str:
    """The measure an amount's 的 ties it to, where the words before it name none (带动社会资金
    形成3000亿元的投资 → 投资; 拉动500亿元的消费): what the amount is of."""
    if _names_measure(named, doc.words):
        return named
    noun = _following(doc, fig.after + 1, counted=True)
    return noun if len(noun) > 1 and _names_measure(noun, doc.words) else named


def _names_measure(phrase: str, words: ClaimWords) -> bool:
    """Whether a phrase ends with a measure (投资, 规模, 总额: measure_ends, indicator_tails),
    read folded (總額 as 总额)."""
    phrase = fold(phrase)
    return phrase[-1:] in words.measure_ends or phrase.endswith(words.indicator_tails)


def _rate_of_noun_after(doc: _Doc, fig: Figure, named: str) -> str:
    """A rate its 的 ties to a measure after it (制造业等行业现行16%的税率降至13%): the figure is
    that measure's value, of what the words before it name (制造业等行业税率)."""
    noun = _following(doc, fig.after + 1, counted=True)
    if len(noun) < 2 or noun.startswith(doc.words.target_nouns):
        return named
    rate = noun[-1] in doc.words.rate_ends or noun.endswith(doc.words.rate_nouns)  # 增长速度
    if rate and len(noun) <= _HEAD_MAX:
        return named + noun
    # 区属国企共承担全区75%的项目建设任务: a share of the things named after it
    if _names_measure(named, doc.words) or _names_measure(noun, doc.words):
        return named
    return _holders(doc, fig, noun)


def _holders(doc: _Doc, fig: Figure, noun: str) -> str:
    """``noun``, what a share's 的 ties it to, with what it does when a predicate follows it
    (89.4%的公园实现24小时开放 → 实现24小时开放的公园): the share is of the nouns that do it."""
    at = fig.after + 1
    if not noun or not doc.text.startswith(noun, at) or noun.endswith(doc.words.rate_nouns):
        return noun  # 7%左右的增长速度并不容易: a rate is no holder of what follows
    end = at + len(noun)
    held = share_holders(doc.folded, doc.text, end, doc.index.clause_end(end), doc.words)
    return f"{held}{doc.words.attributive[:1]}{noun}" if held else noun


def _modified(doc: _Doc, fig: Figure) -> bool:
    """Whether the words before a figure (no rate) end with the 的 of a clause that modifies
    what follows it (成功发行的9.26亿元点心债), not of a time (提高到2025年的14万元)."""
    at = fig.context_start - 1
    return (
        at > 0
        and doc.folded[at] in doc.words.attributive_set
        and -at not in doc.time_ends
        and fig.base not in doc.rates
    )


def _framed(doc: _Doc, fig: Figure) -> bool:
    """Whether a preposition stands right before a figure (before its hedge): the words
    before it name who acts and the noun after the figure what is counted."""
    at = fig.context_start
    return doc.words.count_frames.search(doc.folded, max(0, at - _FRAME_BACK), at) is not None


def _staged(stage: str, last: str, stages: tuple[str, ...]) -> str:
    """``last``, an indicator that names a subject and its stage (城镇保障性住房基本建成,
    新开工保障性安居工程), with ``stage`` in place of its own, or "" when it names none."""
    if last in stages:
        return ""
    for word in stages:  # longest first
        if last.endswith(word) and len(last) > len(word):
            return last[: -len(word)] + stage
        if last.startswith(word) and len(last) > len(word):
            return stage + last[len(word) :]
    return ""


def _enumerates(phrase: str) -> bool:
    """Whether a phrase before a count enumerates the items counted: a list (``、`` outside
    quotes) longer than a pair of verbs (新建、改扩建12所学校 keeps its verbs)."""
    if len(phrase) <= _ENUMERATION_MIN:
        return False
    depth = 0
    for ch in phrase:
        depth += (ch == "“") - (ch == "”")
        if ch == "、" and depth <= 0:
            return True
    return False


def _last_of_clauses(indicator: str, words: ClaimWords) -> str:
    """In a list of descriptive clauses the figure measures the last item only:
    电源规模最大、新能源占比最高、总投资 → 总投资 (SPEC §2)."""
    *heads, last = indicator.split("、")
    if heads and last and all(h.endswith(words.predicate_ends) for h in heads):
        return last
    return indicator


def _shared_out(doc: _Doc, pos: int, lo: int) -> bool:
    """Whether a 分别 stands before ``pos`` in its clause, the figures of its list (分别增长
    43.9%、50.5%、0.9%) included: :func:`_distribute` shares the list out."""
    folded, respectively = doc.folded, doc.words.respectively
    if not any(folded.find(w, lo, pos) >= 0 for w in respectively):
        return False  # none in the sentence before it (most figures): no clause to find
    lo = max(lo, *(folded.rfind(mark, lo, pos) for mark in doc.words.clause_marks))
    return any(folded.find(w, lo, pos) >= 0 for w in respectively)


def _after_examples(indicator: str, words: ClaimWords) -> str:
    """A list of examples closed by 等 before the name of their kind: the kind, where it is
    a name of its own (计算机通信、航空航天制造等新兴产业税收 → 新兴产业税收); a bare kind
    (…、建筑业等行业税率, …、医疗卫生等支出) needs its examples and keeps them."""
    comma = indicator.find("、")
    if comma < 0:
        return indicator
    end = words.examples_end.search(indicator, comma)
    kind = indicator[end.end() :] if end else ""
    return kind if len(kind) >= _KIND_MIN else indicator


def _of_quantity_before(doc: _Doc, indicator: str, fig: Figure, before: Claim | None) -> str:
    """An indicator that only names an aspect of a quantity (总量, 涨幅) or a share of one
    (占世界) takes the quantity of the claim before it in its paragraph, not far back:
    国内生产总值增长6.6%，总量突破90万亿元 → 国内生产总值总量."""
    words, read = doc.words, fold(indicator)  # the words read folded (總數 as 总数)
    aspect = read in words.aspect_heads
    share = read.startswith(words.share_of) and len(indicator) <= _SHARE_MAX
    if not (aspect or share) or before is None or not before.indicator:
        return indicator
    paragraph = doc.folded.rfind("\n", 0, fig.start) + 1
    if before.start < max(paragraph, fig.start - _QUANTITY_BACK):
        return indicator
    base = before.indicator
    for head in sorted((*words.aspect_heads, *words.rate_nouns), key=len, reverse=True):
        if fold(base).endswith(head) and len(base) > len(head):
            base = base[: -len(head)]
            break
    return base + indicator


def _plan_fulfilled(doc: _Doc, fig: Figure, start: int, before: Claim | None, lo: int) -> str:
    """The indicator of a percentage right after 完成, a plan fulfilled: the plan completion
    rate of what its clause names (１９５５年全国工业总产值完成了原定计划的１０１％), else of the
    quantity its clause follows (粮食总产量达到３，６８０亿斤，完成年度计划的１０２％), else of the
    plan named (累计完成年计划80%); "" where the figure is none (a bare 完成 with no plan named
    in its sentence)."""
    written = doc.folded[fig.start : fig.value_end]
    if fig.base != "%" or not any(ch.isdigit() for ch in written):  # 只完成五年计划一半: no rate
        return ""
    words = doc.words
    clause = doc.index.clause_start(fig.start)
    m = words.plan_fulfilled.search(doc.folded, clause, fig.start)
    if m is None or (m.group("bare") and doc.folded.find(words.plan_rate[0], lo, m.start()) < 0):
        return ""
    marks = [doc.folded.rfind(mark, start, m.start()) + 1 for mark in words.list_marks]
    start = max(start, *marks)  # the words of its own item (…15项工程、累计完成年计划80%)
    plan, rate = words.plan_rate
    whole = plan + rate
    subject = _indicator(doc, start, m.start()) if m.start() > start else ""
    if subject:
        return subject if subject.endswith(whole) else subject + whole
    gap = doc.folded[before.end : start].strip() if before is not None else ""
    # after a comma, or after any mark when it names no plan of its own (…70%、11月底完成85%);
    # a list (…15项工程、累计完成年计划80%) joins another item, not this one's plan
    after = bool(gap) and (gap in words.clause_marks or not m.group("plan"))
    if before is not None and before.start >= lo and before.indicator and after:
        # the quantity just before (…亿斤，完成年度计划的102%), or its rate (…70%，11月底完成85%)
        return before.indicator if before.indicator.endswith(rate) else before.indicator + whole
    named = m.group("plan") or ""
    return named + rate if len(named) > len(plan) else ""


def _clause_before(doc: _Doc, fig: Figure, prev: Figure | None, lo: int) -> str:
    """What the clause before names, for a figure whose own clause names nothing:
    烤烟：达到七百八十万担; 生产资料工业所占的比重，一九五二年为百分之三十九点七.  Only a short
    clause of the same sentence, holding no figure of its own, that ends in a colon or with a
    measure (比重, 产量, 总值: MEASURE_ENDS)."""
    start = doc.index.clause_start(fig.start)
    if start <= lo or doc.folded[start - 1] not in _LABEL_ENDS:
        return ""
    before = max(doc.index.clause_start(start - 1), lo)
    if prev is not None and prev.end > before:
        return ""
    s, e = indicator_bounds(doc.folded, before, start - 1, doc.words, doc.time_ends)
    if not 0 < e - s <= _LABEL_MAX:
        return ""
    # after a comma only a clause that ends with a measure (比重，为…; not 应该看到，…)
    if (
        doc.folded[start - 1] in "，,"
        and doc.folded[e - 1] not in doc.words.measure_ends
        and not doc.folded.endswith(doc.words.label_ends, s, e)
    ):
        return ""
    return _balanced(doc.text[s:e])


def _topic_before(doc: _Doc, fig: Figure, prev: Figure | None, lo: int) -> str:
    """The topic a clause with no words of its own continues (主语承前): the subject of the
    clause before it in its sentence, when that clause holds no figure (今年中央财政用于教育的
    投入，将由去年的1076亿元增加到1562亿元; 确保物价上涨幅度比去年有明显回落，力争控制在百分之
    十五左右)."""
    start = doc.index.clause_start(fig.start)
    if start <= lo:
        return ""
    before = max(doc.index.clause_start(start - 1), lo)
    if prev is not None and before < prev.end and prev.start < start:
        return ""  # a figure in the clause before (one in its own clause is a baseline's)
    words = doc.words
    if doc.folded.startswith(words.reasons, before):
        return ""  # 由于不合理运输的减少，比1954年只增长了5%: a reason, not what moved
    s, e = indicator_bounds(doc.folded, before, start - 1, words, doc.time_ends)
    if fig.change:
        # 下半年国有单位固定资产投资增长显著加快，全年增长19.5%: the subject that changes, not
        # how its change went (the clause's predicate after its change word)
        moved = next(change_words(doc.folded, words, s + 2, e), None)
        if moved is not None and not doc.folded.startswith(words.rate_nouns, moved.start()):
            cut = indicator_bounds(doc.folded, s, moved.start(), words, doc.time_ends)
            s, e = cut if cut[1] - cut[0] >= 2 else (s, e)
    # a list that 分别 shares out may be as long as its items (城镇居民人均可支配收入和农村居民
    # 人均纯收入，分别增长…)
    shared = any(doc.folded.find(w, start, fig.start) >= 0 for w in words.respectively)
    kind = bool(fig.change) and _kind_of_examples(doc, s, e)  # its examples may be as long
    if not 2 <= e - s <= _LABEL_MAX * (1 + (shared or kind)):
        return ""
    # only a topic that names a measure (…的投入, 物价上涨幅度), or one whose change the
    # figure states (预算外资金却大幅度增加，由…增加到…), or a kind after its examples whose
    # change is all the figure's clause says (…、自行车、收音机等主要日用品，增长百分之五十): not
    # a clause of its own (城乡人居环境持续改善，改造…23万多户) nor a frame (在三种不同的地区，
    # 分别达到…)
    if (
        doc.folded[e - 1] not in words.measure_ends
        and not kind
        and not doc.folded.endswith((*words.indicator_tails, *words.rate_nouns), s, e)
        and not (fig.change and next(change_words(doc.folded, words, e, start), None))
        and not _bare_movement(doc, start, prev, fig)
    ):
        return ""
    return _balanced(_dropped(words.inner_verbs, doc.text[s:e]))


def _dropped(pattern: regex.Pattern[str], own: str) -> str:
    """``own`` (the document's characters) less what ``pattern`` finds in its folded copy
    (累計 in a traditional report as 累计 in a simplified one)."""
    kept, at = [], 0
    for m in pattern.finditer(fold(own)):
        kept.append(own[at : m.start()])
        at = m.end()
    kept.append(own[at:])
    return "".join(kept)


def _kind_of_examples(doc: _Doc, s: int, e: int) -> bool:
    """Whether ``folded[s:e]`` is a list of examples closed by 等 before their kind's name, a
    noun phrase (猪肉、羊肉、蔬菜等副食品), not a clause."""
    comma = doc.folded.find("、", s, e)
    end = doc.words.examples_end.search(doc.folded, comma, e) if comma >= 0 else None
    return end is not None and e - end.end() >= _KIND_MIN


def _bare_movement(doc: _Doc, start: int, prev: Figure | None, fig: Figure) -> bool:
    """Whether the clause from ``start`` is a movement and nothing else (…的大中城市，由35个
    增加到100个): it opens with its starting value's 由/从, which ``prev`` is, and a change
    word leads to ``fig``; what moves is the topic before it, whatever noun that ends with."""
    if prev is None or not fig.change or not start <= prev.start < fig.start:
        return False
    opening = doc.words.movement_from.search(doc.folded, start, prev.start)
    return (
        opening is not None
        and not doc.folded[start : opening.start()].strip()
        and not doc.folded[opening.end() : prev.start].strip()
    )


def _sentence_subject(doc: _Doc, fig: Figure, lo: int) -> str:
    """The indicator that opens the sentence, for a figure of a later clause that names
    nothing (地区生产总值连跨两个万亿元台阶，年均增长5.7%; 人均地区生产总值从5.6万元增至7.8万元，
    超过1万美元，年均增长5.4%): a known indicator (indicators.toml) at the start of the
    sentence's first clause is the topic its clauses continue."""
    first = doc.index.clause_end(lo)
    if first >= doc.index.clause_start(fig.start):
        return ""
    s, e = indicator_bounds(doc.folded, lo, first, doc.words, doc.time_ends)
    phrase = doc.text[s : min(e, s + _LABEL_MAX)]
    found = doc.names.match(phrase)
    if found is None or found.start or not phrase.startswith(found.alias):
        return ""
    return found.alias


def _ends_item(gap: str, words: ClaimWords) -> bool:
    """Whether the words between two figures end a list's item (小学和, 国家中心、): they hold
    more than the joiner, and the joiner is not the end of a word (惠及, 参与, 涉及)."""
    return (
        len(gap) > 1
        and gap[-1] in words.item_joiners
        and not any(gap.endswith(w) for w in words.joiner_words)
    )


def _indicator(doc: _Doc, start: int, end: int, *, keep_change: bool = False) -> str:
    marker = doc.words.inner_markers.search(doc.folded, start, end)
    if marker is not None:  # …业绩优20.营业收入利润率指标最优值: the item starts after its marker
        start = marker.end()
    s, e = indicator_bounds(
        doc.folded, start, end, doc.words, doc.time_ends, keep_change=keep_change
    )
    head = ""
    opened, closed = _unmatched(doc.folded, s, e)
    if opened >= 0:  # the figure stands inside a bracket opened before it
        inside = indicator_bounds(doc.folded, opened + 1, e, doc.words, doc.time_ends)
        if inside[1] > inside[0]:
            s, e = inside
        else:  # alone in its brackets: the value of what they follow (厦门公司（15.79%）)
            lo = max(s, closed + 1)
            s, e = indicator_bounds(doc.folded, lo, opened, doc.words, doc.time_ends)
    elif closed >= 0:  # an aside closed before the figure: what it follows, and what follows it
        # unless a conjunction starts a new item (队伍（633人）和5支…: the aside was the last one's)
        joined = doc.folded[closed + 1 : closed + 2] in doc.words.item_joiners
        head = "" if joined else _before_aside(doc, s)
        s, e = indicator_bounds(doc.folded, closed + 1, e, doc.words, doc.time_ends)
    if e > s and doc.folded[e - 1] in doc.words.list_ends:
        return ""
    named = doc.text[s:e]
    if any(doc.folded.find(ch, s, e) >= 0 for ch in doc.words.compared_base_marks):
        named = _without_base(doc, s, e)
    # verbs of completing inside (规模以上工业企业实现利润 → …企业利润); a lone character
    # left over (两年平均每年 → 两) names nothing, unless it is a product (钢, 煤)
    phrase = _balanced(_dropped(doc.words.inner_verbs, head + named))
    return phrase if len(phrase) > 1 or phrase in doc.words.single_nouns else ""


def _without_base(doc: _Doc, s: int, e: int) -> str:
    """``text[s:e]`` without the base of a comparison inside it (全国财政比年度预算超收 →
    全国财政超收; 实有企业较“十三五”期末 → 实有企业): what it is compared with is not what
    is measured."""
    m = doc.words.compared_base.search(doc.folded, s, e)
    if m is None or m.start() < s + 2:  # 比一九五二年医院病床: a base before the subject
        return doc.text[s:e]
    if m.end() < e:  # a word after the base stays (超收)
        return doc.text[s : m.start()] + doc.text[m.end() : e]
    lo, hi = indicator_bounds(doc.folded, s, m.start(), doc.words, doc.time_ends)
    return doc.text[lo:hi]


def _unpaired(text: str, start: int, end: int, pair: str) -> tuple[list[int], list[int]]:
    """Where the marks of ``pair`` (an opening and a closing one: ``"()"``, ``"“”"``) stand
    unpaired in ``text[start:end]``: those opened and not closed, and those closed that
    were not opened there, each in order."""
    opening, closing = pair[0], pair[1]
    opened: list[int] = []
    closed: list[int] = []
    if text.find(opening, start, end) >= 0 or text.find(closing, start, end) >= 0:
        for i in range(start, end):
            if text[i] == opening:
                opened.append(i)
            elif text[i] == closing:
                if opened:
                    opened.pop()
                else:
                    closed.append(i)
    return opened, closed


def _unmatched(folded: str, start: int, end: int) -> tuple[int, int]:
    """The last bracket of ``folded[start:end]`` opened and not closed, and the last one closed
    that was not opened there (-1: none).  The text is folded: ASCII brackets only."""
    opened, closed = _unpaired(folded, start, end, "()")
    return (opened[-1] if opened else -1), (closed[-1] if closed else -1)


def _before_aside(doc: _Doc, pos: int) -> str:
    """The indicator before the aside that closes after ``pos``: 机床（不包括简易机床，下同）
    增加了一万四千三百台 → 机床.  Sought back to the sentence's start; "" if it is not there."""
    depth, lo = 0, doc.index.sentence(pos)[0]
    for i in range(pos - 1, lo - 1, -1):
        ch = doc.folded[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if not depth:
                s, e = indicator_bounds(
                    doc.folded, doc.index.clause_start(i), i, doc.words, doc.time_ends
                )
                return doc.text[s:e]
            depth -= 1
    return ""


def _following_words(text: str) -> str:
    """The words after a figure up to a bracket they do not close (县（市、区 → 县)."""
    opened, closed = _unmatched(text, 0, len(text))
    cut = [i for i in (opened, closed) if i >= 0]
    return text[: min(cut)] if cut else text


def _balanced(phrase: str) -> str:
    """Drop the quotation marks left unmatched (品质文化生活圈” → 品质文化生活圈, 城市公园”保有量 →
    城市公园保有量): an indicator is cut out of a sentence, its quotes may be cut apart."""
    opened, closed = _unpaired(phrase, 0, len(phrase), "“”")
    if not opened and not closed:
        return phrase
    drop = {*opened, *closed}
    return "".join(ch for i, ch in enumerate(phrase) if i not in drop)


def _following(
    doc: _Doc, pos: int, *, skip_de: bool = False, counted: bool = False, occasions: bool = False
) -> str:
    """The words after a figure that had nothing before it (X名湖北籍旅客…; with ``skip_de``,
    what follows its 的: 62%的入境航班): up to where it ends within 16 characters (else
    10), cut at 的, a conjunction,
    another figure, a change (原油由1亿吨增加到…: what follows is the figure's change, not
    what it measures) or where a predicate begins (13条重点产业链全面起势 → 重点产业链:
    ``follow_stop``); a quoted name they open is taken whole (培育593家国家专精特新“小巨人”
    企业 → 国家专精特新“小巨人”) or not at all.  After a count of ``occasions`` a change
    right after it is what it counts (两次降低存款准备金率 → 降低存款准备金率)."""
    words = doc.words
    if doc.folded.startswith("(", pos):  # an aside after the figure names nothing (…亿元
        # （按一九五二年不变价格计算）; 2.5万套（间）城市危旧房): what follows it may
        close = doc.folded.find(")", pos, pos + 2 * _FOLLOW_LONG)
        pos = close + 1 if close > 0 else pos
    if skip_de and doc.folded[pos : pos + 1] in words.attributive:  # 62%的入境航班
        pos += 1
    if doc.folded[pos : pos + 1] in words.nothing_follows or doc.folded.startswith(
        words.magnitude_after, pos
    ):  # a clause mark or a cut right after the figure (most figures); 大关 names nothing
        return ""
    clause_end = doc.index.clause_end(pos)
    limit = min(clause_end, pos + _FOLLOW_LONG)
    cut = words.follow_cut.search(doc.folded, pos, limit)
    end = cut.start() if cut else limit
    # 7%左右的增长速度: a rate noun names what the figure measures, no change of it
    change = next(
        (
            m
            for m in change_words(doc.folded, doc.words, pos, end)
            if not doc.folded.startswith(words.rate_nouns, m.start())
        ),
        None,
    )
    counts_change = occasions and change is not None and change.start() == pos
    if change and change.group() not in words.figure_changes and not counts_change:
        # 连续7年增产: a change of
        end = change.start()  # no figure of its own names what the years count
    # 重点产业链全面起势; not the first word: 成功避险案例 is a noun, 受益 all there is; but
    # after a verb phrase that counts (``counted``) a predicate there names nothing
    # (市属重点国企由51家整合为33家)
    stop = doc.words.follow_stop.search(doc.folded, pos + (not counted), end)
    # 项目已经完工: the adverbs that open the predicate are no part of the noun either
    end = trailing_words_start(doc.folded, pos, stop.start(), words) if stop else end
    listed = doc.folded.find(words.list_ends, pos + 2, end) >= 0 and words.examples_end.search(
        doc.folded, pos + 2, end
    )
    end = listed.start() if listed else end  # 1.3亿元的供水主管网改造等工程: the example
    if end == pos + _FOLLOW_LONG and end < clause_end:
        end = pos + _FOLLOW_MAX  # nothing ends the noun near: the first ten characters
    opened = doc.folded.rfind("(", pos, end)
    if (
        opened > pos
        and doc.folded[end : end + 1] in words.list_marks
        and doc.folded.find(")", opened, end) < 0
    ):
        # 50%的县（市、区）: a short aside of the noun, cut inside at its 、, closes it
        close = doc.folded.find(")", end, opened + _ASIDE_MAX)
        end = close + 1 if close >= 0 else end
    quote = doc.folded.rfind("“", pos, end)
    if quote >= 0 and doc.folded.find("”", quote, end) < 0:  # a name in quotes stays whole
        close = doc.folded.find("”", end, min(clause_end, quote + _QUOTED_MAX))
        end = close + 1 if close >= 0 else quote
    return doc.text[pos : pos + len(_following_words(doc.folded[pos:end]))].strip()


def _scope(doc: _Doc, sent: tuple[int, int]) -> tuple[int, int]:
    """The sentence that governs the sentence ``sent``: it ends at ``；`` unless a colon before
    it opens a list that the head governs (主要预期目标是：A；B；C。): then it is the whole
    sentence."""
    scope = doc.scopes.get(sent)
    if scope is None:
        lo = sent[0]
        full_lo, hi = doc.index.full_sentence(lo)
        if lo > full_lo and (
            doc.folded.rfind("：", full_lo, lo) >= 0 or doc.folded.rfind(":", full_lo, lo) >= 0
        ):
            lo = full_lo
        scope = doc.scopes[sent] = (lo, hi)
    return scope


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """Spans (nested or not) as the flat, sorted boundaries of their union: ``pos`` is
    inside one exactly when ``bisect_right(bounds, pos)`` is odd."""
    bounds: list[int] = []
    for start, end in sorted(spans):
        if bounds and start <= bounds[-1]:
            bounds[-1] = max(bounds[-1], end)
        elif start < end:
            bounds += [start, end]
    return tuple(bounds)


def _inside(bounds: tuple[int, ...], pos: int) -> bool:
    return bisect_right(bounds, pos) % 2 == 1


def _time_span(doc: _Doc, pos: int, scope: tuple[int, int]) -> tuple[int, int] | None:
    """The last time reference before ``pos`` in its sentence, not a comparison base
    (比2019年, 去年同期)."""
    lo = scope[0]
    i = bisect_left(doc.times, (pos, -1)) - 1
    while i >= 0 and doc.times[i][0] >= lo:
        s, e = doc.times[i]
        if e <= pos and not _compared(doc, lo, s, e):
            return s, e
        i -= 1
    return None


def _compared(doc: _Doc, lo: int, s: int, e: int) -> bool:
    """Whether the time reference ``s:e`` is a comparison base (比2019年, 去年同期)."""
    words = doc.words
    return bool(words.compared_before.search(doc.folded, max(lo, s - 4), s)) or (
        doc.folded.startswith(words.compared_after, e)
    )


def _is_target(doc: _Doc, pos: int, scope: tuple[int, int], time: tuple[int, int] | None) -> bool:
    """In a plan span unless it reports the past (:func:`_reports_past`), after a target
    word (力争, 确保, 预期目标是：) in its sentence, or dated after its section's year
    (2021年培育10家 in a report on 2020), and not done already (已经达到)."""
    if doc.words.done.search(doc.folded, doc.index.clause_start(pos), pos):
        return False  # 已经连续三年…, 人口已经达到12亿: what is done is no goal
    if _first_modal(doc, scope, _inside(doc.review_spans, pos)) < pos:
        return True  # 全国将用三十亿元, 要把…控制在百分之十以内
    if _inside(doc.plan_spans, pos):
        if _done_before(doc, pos, scope):
            return False  # 已与…签订协议，对…41万平方公里海域进行了…: a plan's account of work done
        # a target word before it, or none in its sentence and it reports no past; one after
        # it leaves last year's outturn quoted first a result (去年完成投资80亿元，今年计划投资…)
        first = _first_target(doc, pos, scope)
        if first < pos:
            # 一九八二年预计…增长百分之八 in a plan of 1983: the current outturn estimated
            estimated = doc.folded.startswith(doc.words.estimate, first)
            return not (estimated and time is not None and _past(doc, pos, time))
        if _present(doc, pos):
            return False  # 全县现有企业500家，力争新增50家: what there is now
        if _in_progress(doc, pos):
            return False  # 本年1——5月份…计划完成102.6％: the year under way reported
        if first < scope[1] and time is None:
            return True
        return not _reports_past(doc, pos, scope, time)
    if time is not None and _future(doc, pos, time) and not _part_gone(doc, pos, time):
        return True
    first = _first_target(doc, pos, scope)
    if first < pos:
        # outside a plan an estimate (一九七四年农业总产值预计比一九六四年增长…) reports an
        # outturn not yet final, unless a goal's word follows it (预计…，力争…)
        return not _only_estimate(doc, first, pos)
    if _named_goal(doc, pos):
        return True  # 全年目标任务100亿元，已完成85亿元: the goal's value
    # a target noun after it that names it (不低于100万千瓦的负荷调控目标; 节约油百分之五到十，
    # 这个目标…): not in a review, where 实现…翻两番的目标 reports one reached
    words, hi = doc.words, scope[1]
    return (
        any(doc.folded.find(noun, pos, hi) >= 0 for noun in words.target_nouns)
        and not _inside(doc.review_spans, pos)
        and words.target_after.match(doc.folded, pos, hi) is not None
    )


def _in_progress(doc: _Doc, pos: int) -> bool:
    """Whether a report of the year under way (1——5月份, 到5月份为止, 据…统计) stands before the
    figure in its paragraph with no word pointing ahead (将, 要, 计划 not completed) between."""
    folded = doc.folded
    paragraph = folded.rfind("\n", 0, pos) + 1
    last = doc.spans.progress.search(folded, max(paragraph, pos - _PROGRESS_BACK), pos)
    if last is None:
        return False
    # read a little past the figure: 计划完成102.6% is a plan fulfilled, not one ahead
    ahead = doc.words.ahead.search(folded, last.end(), min(len(folded), pos + _FULFILLED_NEAR))
    return ahead is None or ahead.start() >= pos


def _only_estimate(doc: _Doc, first: int, pos: int) -> bool:
    """Whether the target word at ``first`` estimates (预计) and none but estimates follows it
    before ``pos``."""
    words, folded = doc.words, doc.folded
    if not folded.startswith(words.estimate, first):
        return False
    return all(folded.startswith(words.estimate, m.start())
               for m in words.target.finditer(folded, first + 1, pos))  # fmt: skip


def _present(doc: _Doc, pos: int) -> bool:
    """Whether the figure's clause opens on a present stock (全县现有, 目前全县共有, 全国有)."""
    clause = doc.index.clause_start(pos)
    letters = doc.words.present_letters
    if letters is not None and letters.search(doc.folded, clause, pos + 1) is None:
        return False
    m = doc.words.present.search(doc.folded, clause, pos + 1)  # 有 looks at the figure after it
    return m is not None and m.start() < min(pos, clause + _PRESENT_HEAD)


def _named_goal(doc: _Doc, pos: int) -> bool:
    """Whether a target noun (目标任务100亿元) or a planned amount (年度计划投资26.78亿元)
    stands right before the figure in its clause."""
    words, folded = doc.words, doc.folded
    lo = max(doc.index.clause_start(pos), pos - _GOAL_NOUN_MAX)
    if (
        words.planned_before_letters is None or words.planned_before_letters.search(folded, lo, pos)
    ) and words.planned_before.search(folded, lo, pos) is not None:
        return True  # 年度计划投资26.78亿元: the plan's amount
    if not any(folded.find(noun, lo, pos) >= 0 for noun in words.target_nouns):
        return False  # every noun target_before ends on is one of them (目标任务, 指标任务)
    return words.target_before.search(folded, lo, pos) is not None


def _done_before(doc: _Doc, pos: int, scope: tuple[int, int]) -> bool:
    """Whether a clause of the figure's sentence before its own says what is done (已, 已经)
    and nothing between points ahead (将, 要, 今年, 力争): the figure is that work's."""
    words, folded = doc.words, doc.folded
    clause = doc.index.clause_start(pos)
    if clause <= scope[0]:
        return False
    found = list(words.done.finditer(folded, scope[0], clause))
    done = found[-1] if found else None
    return (
        done is not None
        and not words.ahead.search(folded, done.end(), pos)
        and _first_target(doc, pos, scope) >= pos
    )


def _part_gone(doc: _Doc, pos: int, time: tuple[int, int]) -> bool:
    """Whether a review names a part of a year that is over when it is written (1980年上半年
    in a review of 1979 given in the autumn of 1980; 1-5月): a report, not a goal."""
    so_far = doc.spans.year_so_far
    return _inside(doc.review_spans, pos) and so_far.search(doc.folded, *time) is not None


def _future(doc: _Doc, pos: int, time: tuple[int, int]) -> bool:
    """Whether a time reference names only years after the year of the figure's section."""
    year = section_year(doc.where.sections_at(pos))
    named = years_in(doc.folded, time, doc.spans)
    return year is not None and bool(named) and min(named) > year


def _past(doc: _Doc, pos: int, time: tuple[int, int]) -> bool:
    """Whether a time reference names only years before the year of the figure's section
    (从2003年到2006年 in a plan of 2007)."""
    year = section_year(doc.where.sections_at(pos))
    named = years_in(doc.folded, time, doc.spans)
    return year is not None and bool(named) and max(named) < year


def _first_target(doc: _Doc, pos: int, scope: tuple[int, int]) -> int:
    """Where a target word first stands in the scope of ``pos`` (the scope's end when none);
    in a review 确保 reports, unless the sentence turned to what is next before it."""
    review = _inside(doc.review_spans, pos)
    return _first_of(doc, doc.targets, doc.words.target, None, scope, review, turned=True)


def _first_modal(doc: _Doc, scope: tuple[int, int], review: bool = False) -> int:
    """Where a modal of a target (将达, 要把) first stands in a scope (its end when none); in a
    review a weak one (可达: 预计全年粮食产量可达6000万吨 estimates the outturn) is none."""
    words = doc.words
    return _first_of(
        doc, doc.modals, words.modal_target, words.modal_target_letters, scope, review, turned=False
    )


def _first_of(
    doc: _Doc, found: dict[tuple[int, bool], int], words_of: Any, letters: Any,
    scope: tuple[int, int], review: bool, *, turned: bool,
) -> int:  # fmt: skip
    """Where a word of ``words_of`` first stands in a scope (its end when none, or when a
    word of no target stands in it), remembered in ``found`` by the scope's start.  In a
    review a weak word (确保, 可达) is none, unless ``turned`` and the sentence turned to what
    is next before it.  ``letters``: an re class of the letters its matches open with, or None."""
    lo, hi = scope
    first = found.get((lo, review))
    if first is None:
        words, folded = doc.words, doc.folded
        first = hi
        if (letters is None or letters.search(folded, lo, hi)) and not words.not_target.search(
            folded, lo, hi
        ):
            for m in words_of.finditer(folded, lo, hi):
                if not (
                    review
                    and words.weak_target.fullmatch(m.group())
                    and not (turned and words.next_steps.search(folded, lo, m.start()))
                ):
                    first = m.start()
                    break
        found[lo, review] = first
    return first


def _reports_past(
    doc: _Doc, pos: int, scope: tuple[int, int], time: tuple[int, int] | None
) -> bool:
    """A figure in a plan section that reports the past, in a sentence without a target word:
    its time reference is a past one (去年全国财政超收7239亿元) with nothing between them
    that points ahead (将, 要, 拟, 今年; 由去年的1076亿元增加到1562亿元: the second is the
    aim); or its sentence has no time reference and follows, in its paragraph, a sentence
    that opens a review (过去一年，…。国内生产总值增长10.3%…)."""
    words, folded = doc.words, doc.folded
    lo, hi = scope
    if words.ahead.search(folded, lo, pos):
        return False
    if time is not None:
        s, e = time
        past = words.past.fullmatch(folded, s, e) is not None or _past(doc, pos, time)
        if not past and not years_in(folded, time, doc.spans):
            # a span with no year of its own (四年间) after a past year in its sentence
            # (由一九七八年的…增加到一九八二年的六百五十亿元，四年间增长百分之七十五点二)
            return _dated_before(doc, pos, lo, s)
        # 由去年的1076亿元增加到1562亿元: the past year dates the baseline, the level reached
        # is the aim; 去年居民消费价格涨幅回落到2.6% reports where it fell to
        return past and not (_changes_to(folded, e, pos, words.reaching) and _moves_from(doc, s))
    i = bisect_left(doc.times, (lo, -1))
    while i < len(doc.times) and doc.times[i][0] < hi:
        if not _compared(doc, lo, *doc.times[i]):
            return False  # a time reference of its own (…，今年将…), not a base (比上年)
        i += 1
    return _opened_past(doc, pos, lo) or _after_review_opening(
        doc, folded.rfind("\n", 0, lo) + 1, lo
    )


def _opened_past(doc: _Doc, pos: int, lo: int) -> bool:
    """Whether the full sentence a part after its ``；`` (from ``lo``) belongs to opens on a past
    word (去年财政增发…；社会商品零售价格…比上年下降) and nothing between points ahead: the part
    reports that past too."""
    full = doc.index.full_sentence(lo)[0]
    if full >= lo:
        return False
    i = bisect_left(doc.times, (full, -1))
    if i == len(doc.times) or doc.times[i][0] >= full + _REVIEW_HEAD:
        return False
    s, e = doc.times[i]
    return (
        doc.words.past.fullmatch(doc.folded, s, e) is not None
        and doc.words.ahead.search(doc.folded, e, pos) is None
    )


def _dated_before(doc: _Doc, pos: int, lo: int, hi: int) -> bool:
    """Whether the last time reference between ``lo`` and ``hi`` names only past years (of
    the section's, at ``pos``)."""
    i = bisect_left(doc.times, (hi, -1)) - 1
    while i >= 0 and doc.times[i][0] >= lo:
        time = doc.times[i]
        if not _compared(doc, lo, *time):
            # 去年财政增发…，但全年货币发行…: a past word dates it as a past year does
            return doc.words.past.fullmatch(doc.folded, *time) is not None or _past(doc, pos, time)
        i -= 1
    return False


def _after_review_opening(doc: _Doc, paragraph: int, lo: int) -> bool:
    """Whether a sentence before ``lo`` in its paragraph opens a review near its start
    (过去一年，…; 在经济领域，过去一年里取得的…) with no sentence between them pointing
    ahead (今年, 将): the figures that follow it report that review.  Remembered per
    sentence: each sentence of a long paragraph asks about the ones before it."""
    words, folded, known = doc.words, doc.folded, doc.reviewed
    walked: list[int] = []  # sentence starts walked back over: they share the answer
    pos, found = lo, False
    while pos - 2 >= paragraph:
        if pos in known:
            found = known[pos]
            break
        walked.append(pos)
        start, end = doc.index.sentence(pos - 2)
        if not paragraph <= start < pos:
            break  # the paragraph's start, or an empty sentence (。。) that leads nowhere
        if words.review_opening.search(folded, start, min(end, start + _REVIEW_HEAD)):
            found = True
            break
        if words.ahead.search(folded, start, end):
            break
        pos = start
    for start in walked:
        known[start] = found
    return found


def _moves_from(doc: _Doc, start: int) -> bool:
    """Whether a movement's opening word (由, 从) stands right before ``start``: the time
    reference there dates a movement's starting value (由去年的1076亿元)."""
    opening = doc.words.movement_from
    return opening is not None and opening.search(doc.folded, max(0, start - 2), start) is not None


def _changes_to(folded: str, start: int, end: int, reaching: tuple[str, ...]) -> bool:
    """Whether a change to a new value (到, 至) stands between ``start`` and ``end``."""
    return any(folded.find(word, start, end) >= 0 for word in reaching)


def _change_claims(doc: _Doc, figures: list[Figure]) -> list[Claim]:
    """Changes without a figure: 与去年同期持平, 同比下降, 1-6月份“三公”经费下降。"""
    folded, out = doc.folded, list[Claim]()
    starts = [f.start for f in figures]
    for m in change_words(folded, doc.words):
        ws, we = m.span()
        j = bisect_left(starts, we)
        # five characters at most are read: a longer gap leaves the change its own
        gap = folded[we : min(figures[j].start, we + 5)] if j < len(figures) else "x" * 5
        if len(gap) <= 4 and not any(ch in doc.words.clause_ends for ch in gap):
            continue  # the change of the figure that follows (增长5%)
        if j and figures[j - 1].end > ws:
            continue
        if folded[we - 1] in doc.words.change_noun_ends:
            continue  # 增幅, 降幅 without a figure are nouns: 是近年来最大降幅
        clause = max(doc.index.clause_start(ws), figures[j - 1].after if j else 0)
        compared = doc.words.comparison.search(folded, clause, ws)
        sent = doc.index.sentence(ws)
        scope = _scope(doc, sent)
        time = _time_span(doc, ws, scope)
        named = "" if compared else _changed_object(doc, m, scope, time)
        if named:
            out.append(_object_claim(doc, m, named, sent, time))
            continue
        # 实现正增长 states a change by its sign, unless a figure of its clause carries it
        # (连续13个月正增长: the duration's)
        sign = 0 if j and figures[j - 1].end > doc.index.clause_start(ws) else _sign(doc, m)
        if not sign and m.lastgroup != "flat" and not compared and not _says_change(doc, clause, m):
            continue
        indicator = _indicator(doc, clause, compared.start() if compared else ws - sign)
        if sign and not indicator:
            indicator = _clause_subject_before(doc, figures, starts, clause, sent[0])
        shown = window(sent, ws, we)
        out.append(
            Claim(
                claim_id="",
                section_id=None,
                measure_id=None,
                indicator=indicator,
                value_text="",
                value=None,
                low=None,
                high=None,
                unit="",
                base_unit="",
                approx="",
                change=str(m.lastgroup),
                time_ref=doc.text[time[0] : time[1]] if time else "",
                is_target=_is_target(doc, ws, scope, time),
                masked=False,
                sentence=doc.text[shown[0] : shown[1]],
                start=ws,
                end=we,
                text=doc.text[ws:we],
                rule="claim.change",
                sentence_start=shown[0],
                sentence_end=shown[1],
            )
        )
    return out


def _sign(doc: _Doc, m: regex.Match[str]) -> int:
    """The length of the sign before a change word that states a change with no figure by it
    (实现正增长: 1), ending its clause; 0 when there is none."""
    ws, we = m.span()
    rest = doc.folded[we : we + 1]
    if rest and rest not in doc.words.clause_ends:
        return 0
    for word in doc.words.stated_change_before:
        if doc.folded.startswith(word, ws - len(word)):
            return len(word)
    return 0


def _clause_subject_before(
    doc: _Doc, figures: list[Figure], starts: list[int], clause: int, lo: int
) -> str:
    """The subject of the clause before ``clause`` in its sentence (固定资产投资完成212亿元，
    保持正增长 → 固定资产投资): its words up to its first figure."""
    if clause - 1 <= lo:
        return ""
    before = max(doc.index.clause_start(clause - 1), lo)
    j = bisect_left(starts, before)
    end = figures[j].start if j < len(figures) and figures[j].start < clause else clause - 1
    return _indicator(doc, before, end)


def _changed_object(
    doc: _Doc, m: regex.Match[str], scope: tuple[int, int], time: tuple[int, int] | None
) -> str:
    """A goal to change a quantity with no figure: a change verb whose object, a quantity
    (成本, 负担, 比重: ``quantity_objects``), ends its clause (进一步降低行政成本, 适当减少财政
    赤字和长期建设国债规模).  Returns the object, or ""."""
    ws, we = m.span()
    word = m.group(str(m.lastgroup))
    if len(word) < 2 or word in doc.words.rate_only or m.lastgroup == "flat":
        return ""
    end = doc.index.clause_end(we)
    named = doc.folded[we:end].strip()
    if not 2 <= len(named) <= _OBJECT_MAX or not named.endswith(doc.words.quantity_objects):
        return ""
    if not _is_target(doc, ws, scope, time):
        return ""
    return doc.text[end - len(named) : end]


def _object_claim(
    doc: _Doc, m: regex.Match[str], named: str, sent: tuple[int, int], time: tuple[int, int] | None
) -> Claim:
    ws, we = m.span()
    shown = window(sent, ws, we)
    return Claim(
        claim_id="", section_id=None, measure_id=None, indicator=named, value_text="",
        value=None, low=None, high=None, unit="", base_unit="", approx="",
        change=str(m.lastgroup), time_ref=doc.text[time[0] : time[1]] if time else "",
        is_target=True, masked=False, sentence=doc.text[shown[0] : shown[1]], start=ws, end=we,
        text=doc.text[ws:we], rule="claim.change", sentence_start=shown[0],
        sentence_end=shown[1],
    )  # fmt: skip


def _says_change(doc: _Doc, clause: int, m: regex.Match[str]) -> bool:
    """Without a comparison before it, a change word states a change ending a clause that
    opens with a time reference (1-6月份“三公”经费下降。), unless it is a verb there too
    (年末总结提升)."""
    ws, we = m.span()
    word = m.group(str(m.lastgroup))
    if word in doc.words.rate_only or word in doc.words.figure_changes:
        return False  # 年末总结提升; 桃园减产 (an event; 增产二千二百万吨 is a figure's)
    rest = doc.folded[we : we + 2].lstrip(doc.words.aspect)
    if rest and rest[0] not in doc.words.clause_ends:
        return False
    i = bisect_left(doc.times, (clause, -1))
    if i < len(doc.times) and doc.times[i][0] <= clause + 4 and doc.times[i][1] <= ws:
        return True
    return _subject_changes(doc, clause, ws)


def _subject_changes(doc: _Doc, clause: int, ws: int) -> bool:
    """A subject, an adverb of change and the change word ending the clause (城乡居民储蓄
    大幅度增加, 主要污染物排放量继续下降): a change of a quantity, not of a quality or scope
    (项目质量有所提高: quality_nouns)."""
    adverb = doc.words.change_adverb.search(doc.folded, max(clause, ws - 6), ws)
    if adverb is None:
        return False
    s, e = indicator_bounds(doc.folded, clause, adverb.start(), doc.words, doc.time_ends)
    return e - s >= 2 and not doc.words.quality_end.search(doc.folded, s, e)
