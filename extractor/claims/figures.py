"""Figures: a number (or masked figure) with its unit, hedge and change, before any context.

``find_figures`` joins the number tokens of ``extractor.text.numbers`` and the ``figure``
placeholders to the unit after them (``extractor.claims.units``) and drops what is not a
quantity: time references, ordinals (第), figures in 《》 titles, numeral formulas and
figures in short quotations (“四个意识”), list counts (以下五个方面, 三项措施：), a lone 一
(一个), a small Chinese count inside a phrase (两条主线), years and days of the month, and
units that count only at the end of a clause (0—6岁儿童, 24小时值守).  A number without a
unit is a figure only as a ratio (城乡居民收入比缩小到2.02).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

import regex

from extractor.claims.units import Unit, UnitTable, unit_table
from extractor.claims.words import (
    ClaimWords,
    approx_after,
    approx_at_end,
    change_at_end,
    change_in_clause,
)
from extractor.model import Placeholder
from extractor.rules.loader import RuleSet
from extractor.text.fold import fold
from extractor.text.numbers import Number, find_numbers, mixed_number, scaled, scanner
from extractor.text.numerals import BIG_UNITS, DIGITS, chinese_number
from extractor.text.rx import at_position

_TITLES = regex.compile(r"《[^《》\n]{0,80}》")
_COLON_AFTER = at_position(r"[^，。；：:\n]{0,8}[：:](?![0-9])")  # not a ratio (2.50:1)
#: The dimensions of rates and multiples (%, 个百分点, 倍) and of time: a rate or a span of
#: time takes the last change word of its clause (缩短审批时间60天), unless it is a duration
#: (连续24个月: ``duration_before``).
RATE_DIMS = ("rate", "multiple")
_CLAUSE_CHANGE_DIMS = (*RATE_DIMS, "time")
_CLAUSE_CHANGE_DIMS_OR_COUNT = (*_CLAUSE_CHANGE_DIMS, "count")
_ENDS = {"", *"，,。；;：:∶！？!?\n、）)"}  # ∶: a ratio (2.21∶1)
#: How far before a range's first figure a movement's opening word is looked for (从2003年的
#: 3000万吨到…), as movements.py looks for it.
_FROM_WINDOW = 16
#: How long the object between a change word and an amount may be (降低用能成本超19亿元,
#: 拟增加中央预算稳定调节基金1032亿元),
#: and what it may not hold: another figure or a list mark (增至14条、运营里程超过580公里).
_OBJECT_MAX = 16
_LAST_ITEM = regex.compile(r"(?r)[\d%、]")
#: Where a clause starts, searched back from a figure (its mark, or a line's start).
_CLAUSE_START = regex.compile(r"(?r)(?:^|[，,。；;：:\n])", regex.MULTILINE)
_WORD = regex.compile(r"\p{Han}")  # words of their own between two figures
#: Dimensions whose units count things, spans or the land and roads worked on: before them
#: 提升 and 扩大 are verbs (扩大200家, 改造提升0.5万亩高标准农田, 新建提升310公里公路).
_COUNTED = frozenset({"count", "time", "age", "area", "length", ""})
_RULES = {"mask": "masked", "share": "share", "multiple": "multiple", "range": "range"}


class Figure(NamedTuple):
    """A number with its unit: ``start:value_end`` is value_text, ``start:end`` the span."""

    start: int
    value_end: int
    end: int
    after: int  # end of a hedge after the unit (以上)
    context_start: int  # where the words before the figure end (before 约, 增长)
    value: float | None
    low: float | None
    high: float | None
    unit: str  # as written in the original text
    base: str
    approx: str
    change: str
    masked: bool
    rule: str


class _Scan(NamedTuple):
    text: str
    folded: str
    words: ClaimWords
    table: UnitTable


def find_figures(
    text: str,
    folded: str,
    placeholders: Sequence[Placeholder],
    times: Sequence[tuple[int, int]],
    *,
    words: ClaimWords,
    rules: RuleSet,
) -> list[Figure]:
    """Every figure of the text (and its folded copy), left to right."""
    scan = _Scan(text, folded, words, unit_table(rules))
    before, rate_first, numeral_led = rules.compiled(
        "figure_followers",
        lambda r: _followers(unit_table(r), scanner(r).numeral_chars, words.ratio_then),
    )
    tokens = find_numbers(folded, before=before, numeral_led=numeral_led, rules=rules)
    tokens += _magnitudes(folded, words, scan.table)
    tokens += [
        Number(p.start, p.end, p.text, None, kind="mask")
        for p in placeholders
        if p.kind == "figure" and p.rule != "placeholder.figure.ordinal"
    ]
    tokens.sort(key=lambda t: t.start)
    titles = [m.span() for m in _TITLES.finditer(folded)] if "《" in folded else []
    out = []
    for tok in tokens:
        if _lone_one(tok) and folded[tok.end : tok.end + 1] not in rate_first:
            continue  # 一个, 一项: a lone 一 counts only before a rate (一个百分点, 一倍)
        if _overlaps(times, tok.start, tok.end) or (titles and _inside(titles, tok.start)):
            continue  # a date or time reference; a figure in a 《》 title
        fig = _figure(scan, tok)
        if fig and not _overlaps(times, fig.start, fig.end):
            out.append(fig)
    joiners = rules.compiled("range_joiners", _range_joiners)
    return _joined_ranges(folded, out, words, joiners) if len(out) > 1 else out


def _range_joiners(rules: RuleSet) -> frozenset[str]:
    return frozenset(rules.vocab("numerals.range_joiners").items)


def _joined_ranges(
    folded: str, figures: list[Figure], words: ClaimWords, joiners: frozenset[str]
) -> list[Figure]:
    """Two figures of one unit that only a range's joiner separates are one range, each end
    with its unit (钢产量3000万吨至3500万吨, 投资100亿元到120亿元左右): value_text runs from
    the first figure to the last, as 6%－6.5% does; not a movement's two values
    (从3000万吨到3500万吨: movements.py pairs them)."""
    out: list[Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if (
            prev is not None
            and folded[prev.after : fig.start].strip() in joiners
            and _range_ends(prev, fig)
            and not _moves_from(folded, prev.start, words)
        ):
            out[-1] = prev._replace(
                value_end=fig.value_end, end=fig.end, after=fig.after, low=prev.value,
                high=fig.value, approx=fig.approx,
            )  # fmt: skip
            continue
        out.append(fig)
    return out


def _range_ends(low: Figure, high: Figure) -> bool:
    """Whether two figures can be the ends of one range: one unit, plain values, rising."""
    return (
        low.unit == high.unit
        and low.base == high.base
        and low.low is None
        and high.low is None
        and not low.approx
        and not (low.masked or high.masked)
        and low.value is not None
        and high.value is not None
        and low.value < high.value
    )


def _moves_from(folded: str, start: int, words: ClaimWords) -> bool:
    """Whether a movement's opening word (由, 从) stands before ``start`` in its clause."""
    if words.movement_from is None:
        return False
    lo = max(0, start - _FROM_WINDOW)
    lo = max([lo, *(folded.rfind(ch, lo, start) + 1 for ch in words.clause_marks)])
    return words.movement_from.search(folded, lo, start) is not None


def _magnitudes(folded: str, words: ClaimWords, table: UnitTable) -> list[Number]:
    """Bare magnitudes: a scale with no numeral after 突破, 稳定在 … and before a unit word
    (突破万亿元: 1e12 元).  value_text is the scale; the unit is the word after it."""
    out = []
    for m in words.magnitude.finditer(folded):
        if table.match(folded, m.end()) is not None:
            out.append(
                Number(m.start(), m.end(), m.group(), table.scales[m.group()], kind="magnitude")
            )
    return out


def _ends_magnitude(folded: str, pos: int, words: ClaimWords) -> bool:
    """Whether a bare magnitude's unit ends a clause (hedge allowed) or 大关 follows it: else
    it qualifies a noun (超千亿元县, 超亿元的企业)."""
    pos += len(approx_after(folded, pos, words))
    return folded[pos : pos + 1] in _ENDS or folded.startswith(words.magnitude_after, pos)


def _followers(
    table: UnitTable, numeral_chars: frozenset[str], ratio_then: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Built once per rule set: what may follow a number that can be a figure (a unit's
    first character, _ENDS for a ratio and the first characters of _RATIO_THEN), and what
    may follow a lone 一 whose unit is a rate (a rate unit's first character, or what may
    stand between a figure and its unit: a note, a hedge, a scale), and the units that open
    with a numeral character a Chinese numeral would swallow (find_numbers' numeral_led)."""
    before = table.first | _ENDS | {w[0] for w in ratio_then}
    rates = (word[0] for word, row in table.units.items() if row.dim in RATE_DIMS)
    rate_first = frozenset((*rates, *table.hedges, *(s[0] for s in table.scales), "(", " "))
    # 千瓦 after 四百零六万: the numeral scan takes 千 and finds 瓦, no unit's first character
    numeral_led = tuple(
        w for w in table.units if len(w) > 1 and w[0] in numeral_chars and w[1] not in before
    )
    return before, rate_first, numeral_led


def _figure(scan: _Scan, tok: Number) -> Figure | None:
    folded, words = scan.folded, scan.words
    start, value_end, unit = tok.start, tok.end, None
    if tok.kind == "multiple":  # 翻一番: value_text 一, unit 番 (翻番: no value_text)
        at = next((i for i, ch in enumerate(tok.text) if ch.isdigit() or ch in DIGITS), -1)
        start = tok.start + at if at >= 0 else tok.end - 1
        value_end = start + 1 if at >= 0 else start
    elif tok.kind == "magnitude":  # 突破万亿元: the scale is the figure, 元 the unit
        unit = scan.table.match(folded, tok.end)
        if unit is None or unit.scale != 1 or not _ends_magnitude(folded, unit.end, words):
            return None
    elif tok.kind != "share":
        value_end = _scale_split(tok)
        unit = scan.table.match(folded, value_end)
        if unit is None and (
            tok.kind == "mask"
            or (tok.kind in ("arabic", "range", "mixed") and tok.text[0].isdigit())
        ):  # 参保人数突破5100万，; a masked figure too: 涉及货值X亿
            unit = scan.table.bare_scale(folded, value_end)
        # 人口十亿六千万。: the numeral's last scale stands for the unit where the clause
        # ends after it (a hedge allowed)
        if (
            unit is None
            and tok.kind == "chinese"
            and _inner_scale(tok.text)
            and _ends_magnitude(folded, tok.end, words)
        ):
            value_end = tok.end - _trailing_scale(tok.text)
            unit = scan.table.bare_scale(folded, value_end)
        if unit is None and not (tok.kind == "arabic" and _ratio(scan, tok)):
            return None
    end = unit.end if unit else tok.end
    if (
        unit is None
        and folded.startswith((":1", "∶1"), end)
        and not folded[end + 2 : end + 3].isdigit()
    ):
        end += 2  # 2.50:1: the ratio as written; its value is 2.50
    post = approx_after(folded, end, words)
    if unit is not None and not _counts(folded, tok, unit, post, words):
        return None
    if _not_quantity(folded, tok, words):
        return None
    pre, ctx = approx_at_end(folded, max(0, tok.start - 6), tok.start, words)
    # 提升, 扩大 change a measure (亩产提升10.1斤, 支出规模扩大2万亿元), not a count (_COUNTED)
    rate = unit is None or unit.dim in RATE_DIMS or unit.dim not in _COUNTED
    # the longest gap: 提高到2025年的 (claims.change_gap)
    change, cstart = change_at_end(folded, max(0, ctx - 14), ctx, words, rate=rate)
    if not change and (
        (
            unit is not None
            and unit.dim in _CLAUSE_CHANGE_DIMS
            and not (
                unit.dim == "time" and words.duration_before.search(folded, max(0, ctx - 4), ctx)
            )
        )
        or (unit is None and tok.kind == "share")  # 节约煤和电百分之二到三
    ):  # 压减一般性支出10%, 缩短审批时间60天; not a duration (连续24个月保持…); not past
        # another figure or item (增长6.2%、高于全国平均0.3个百分点: the 增长 is the 6.2%'s)
        # (figures of one list share the change before the first: 分别提高15、22个百分点)
        lo = max(0, ctx - 16)
        cut = _LAST_ITEM.search(folded, lo, ctx)
        if cut is not None and _WORD.search(folded, cut.end(), ctx):
            lo = cut.end()
        change = change_in_clause(folded, lo, ctx, words)
        cstart = ctx
    elif not change and unit is not None and unit.dim not in _CLAUSE_CHANGE_DIMS_OR_COUNT:
        # 降低用能成本超19亿元, 减少财政赤字500亿元: a change and its object, then the
        # amount; not the verbs of amounts (扩大有效投资5000亿元: rate_only), nor a count
        # (出台提高低保标准等10项政策)
        lo = max(0, ctx - _OBJECT_MAX)
        cut = _LAST_ITEM.search(folded, lo, ctx)  # not past another figure or item (增至14条、…)
        lo = cut.end() if cut else lo
        change = change_in_clause(folded, lo, ctx, words, verbs=False)
        if change and _modifies(folded, lo, ctx, words):
            change = ""  # 用于提高农副产品收购价格的支出四百四十二亿元: 提高 names the spending
        cstart = ctx
    elif not change and unit is not None and unit.dim == "count":
        change = _count_change(folded, ctx, words)  # 当年减少青壮年文盲400万人
        cstart = ctx
    if tok.kind == "multiple":
        change = change or "increase"
    elif (
        _small(tok, unit)
        and not (change or post or folded[end : end + 1] in _ENDS)
        and not words.duration_before.search(folded, max(0, tok.start - 4), tok.start)
        and not _occasions(folded, tok, unit, pre, words)
    ):
        return None  # 抓住两个重点, 两条主线: a small count inside a phrase names, not counts
    low, high, value = _values(tok, unit, value_end)
    if tok.kind == "multiple" and value:
        value = math.log2(value)  # 翻两番: two doublings, value 2 in 番 (not 4 in 倍)
    return Figure(
        start=start,
        value_end=value_end,
        end=end,
        after=end + len(post),
        context_start=cstart if change else ctx,
        value=value,
        low=low,
        high=high,
        unit=_written(scan.text, unit) if unit else _doubling(scan.text, tok),
        base=unit.base if unit else _doubling(folded, tok) or tok.unit,
        approx=_hedge_written(scan, tok, unit, value_end, end, post, pre),
        change=change,
        masked=tok.kind == "mask",
        rule=f"claim.{_RULES.get(tok.kind, 'ratio' if unit is None else 'figure')}",
    )


def _modifies(folded: str, lo: int, ctx: int, words: ClaimWords) -> bool:
    """Whether the last change word before an amount stands in a modifier of its object
    (提高…的支出): a 的 between it and the amount."""
    m = words.change_in_clause.search(folded, lo, ctx)
    if m is None:
        return False
    return any(ch in words.attributive_set for ch in folded[m.end(str(m.lastgroup)) : ctx])


def _hedge_written(
    scan: _Scan, tok: Number, unit: Unit | None, value_end: int, end: int, post: str, pre: str
) -> str:
    """The figure's hedge as the text writes it (餘 where the folded text reads 余): the
    unit's (2万余口), else the one after the unit (以上), before the figure (约), or a share's
    opening (过半)."""
    text, folded = scan.text, scan.folded
    if unit is not None and unit.hedge:
        at = folded.find(unit.hedge, value_end, end)
        return text[at : at + len(unit.hedge)] if at >= 0 else unit.hedge
    if post:
        return text[end : end + len(post)] if folded.startswith(post, end) else post
    if pre:
        at = folded.rfind(pre, max(0, tok.start - 6), tok.start)
        return text[at : at + len(pre)] if at >= 0 else pre
    share = _share_hedge(tok, scan.words)
    return text[tok.start : tok.start + len(share)]


def _written(text: str, unit: Unit) -> str:
    """The unit as the original text writes it (２万余口 → 万口, ％ stays ％)."""
    word_at = unit.end - len(unit.word)
    scale = len(unit.text) - len(unit.word)
    late = bool(scale and unit.hedge and fold(text[word_at - 1]) == unit.hedge)  # 万余口
    scale_at = word_at - scale - late
    return text[scale_at : scale_at + scale] + text[word_at : unit.end]


def _lone_one(tok: Number) -> bool:
    """A lone Chinese 一 (一个, 一项, 一批): a count only before a rate (一个百分点, 一倍)."""
    return tok.kind == "chinese" and len(tok.text) == 1 and tok.value == 1


def _doubling(text: str, tok: Number) -> str:
    """The unit of a doubling as written (翻一番: 番), "" for any other token."""
    return text[tok.end - 1 : tok.end] if tok.kind == "multiple" else ""


def _share_hedge(tok: Number, words: ClaimWords) -> str:
    """The hedge a share opens with (过半: 过), or ""."""
    if tok.kind != "share":
        return ""
    return next((h for h in words.share_hedges if tok.text.startswith(h)), "")


def _small(tok: Number, unit: Unit | None) -> bool:
    """A Chinese count up to ten without a scale (两个, 三条): often part of a name. A
    hedge between count and unit (十余场, 十多家) makes it a rough count, never a name."""
    return (
        tok.kind == "chinese"
        and unit is not None
        and not unit.hedge
        and tok.value is not None
        and tok.value <= 10
        and unit.scale == 1
    )


def _count_change(folded: str, ctx: int, words: ClaimWords) -> str:
    """The change of a count whose clause opens on a verb of changing how many there are,
    its object between (增加就餐位置6500个, 全年再减少青壮年文盲400万人), or ""."""
    mark = _CLAUSE_START.search(folded, max(0, ctx - _OBJECT_MAX - 4), ctx)
    if mark is None:
        return ""
    opening = words.count_change_opening.match(folded, mark.end(), ctx)
    if opening is None:
        return ""
    verb = words.change_word.search(folded, mark.end(), opening.end())
    return str(verb.lastgroup) if verb is not None else ""


def _occasions(folded: str, tok: Number, unit: Unit | None, pre: str, words: ClaimWords) -> bool:
    """Whether a small count of occasions counts them: a hedge before it (至少召开一次), a
    change it counts after it (两次降低存款准备金率) or a verb holding them before it (举办两次…
    展会, 进行过两次合作)."""
    if unit is None or unit.base not in words.occasion_units or tok.text in words.secondary:
        return False  # 二次抽样, 二次开发: secondary, no count (two occasions are 两次)
    return (
        bool(pre)
        or words.change_word.match(folded, unit.end) is not None
        or words.occasion_verbs.search(folded, max(0, tok.start - 5), tok.start) is not None
    )


def _ratio(scan: _Scan, tok: Number) -> bool:
    """A number without a unit that is a ratio: 城乡居民收入比缩小到2.02, 之比达到2.4."""
    folded = scan.folded
    return (
        folded[tok.end : tok.end + 1] in _ENDS or folded.startswith(scan.words.ratio_then, tok.end)
    ) and bool(scan.words.ratio.search(folded, max(0, tok.start - 20), tok.start))


def _scale_split(tok: Number) -> int:
    """Where a Chinese numeral's trailing scale starts (一千三百五十二|万吨), else its end."""
    if tok.kind != "chinese":
        return tok.end
    size = _trailing_scale(tok.text)
    if not size or size == len(tok.text):
        return tok.end
    head, scale = tok.text[:-size], tok.text[-size:]
    # the same scale inside the head (一万万): the numeral's own; else the scale goes to the
    # unit, as the genre's annotations write every scale (一千三百五十二|万吨, 三|万亿元, and
    # after a higher one 三亿五千|万平方米, 六亿一千八百|万吨: the value is still the whole)
    if any(BIG_UNITS.get(ch, 0) == BIG_UNITS[scale[0]] for ch in head):
        return tok.end
    return tok.end - size


def _inner_scale(text: str) -> bool:
    """Whether a Chinese numeral ends in a scale and holds a higher one before it
    (十亿六千万): a big number whose last scale can be its unit, not 十万 (十万火急)."""
    size = _trailing_scale(text)
    return 0 < size < len(text) and _higher_scale(text[:-size], text[-size:])


def _higher_scale(numeral: str, scale: str) -> bool:
    """Whether ``numeral`` holds a scale higher than the first of ``scale`` (亿 before 万)."""
    low = BIG_UNITS.get(scale[:1], 0)
    return bool(low) and any(BIG_UNITS.get(ch, 0) > low for ch in numeral)


def _trailing_scale(text: str) -> int:
    """How many characters of scale end a Chinese numeral: 2 for 万亿 (a lower scale before
    a higher one), 1 for 万 or 亿, 0 for none."""
    last = BIG_UNITS.get(text[-1:], 0)
    if not last:
        return 0
    return 2 if 0 < BIG_UNITS.get(text[-2:-1], 0) < last else 1


def _values(
    tok: Number, unit: Unit | None, value_end: int
) -> tuple[float | None, float | None, float | None]:
    """(low, high, value) in the base unit; a range's value is its low end."""
    value = tok.value
    if tok.kind == "chinese" and value_end != tok.end:  # the scale went to the unit
        value = chinese_number(tok.text[: value_end - tok.start])
    if value is None or unit is None:
        return tok.low, tok.high, value
    scale = unit.text[: len(unit.text) - len(unit.word)]
    numeral = tok.text[: value_end - tok.start]
    if scale and tok.kind in ("chinese", "mixed") and _higher_scale(numeral, scale):
        # 四亿零七百多万吨, 1亿3千多万: the unit's scale ends the numeral's last group (四亿
        # 零七百万 is 407,000,000), it does not multiply the whole
        whole = chinese_number(numeral + scale) if tok.kind == "chinese" else None
        if tok.kind == "mixed":
            whole = mixed_number(numeral + scale)
        if whole is not None:
            return None, None, scaled(whole, unit.factor)
    if tok.kind == "range" and tok.low is not None and tok.high is not None:
        low = scaled(tok.low, (tok.low_scale or unit.scale) * unit.factor)
        return low, scaled(tok.high, unit.multiplier), low
    return None, None, scaled(value, unit.multiplier)


def _counts(folded: str, tok: Number, unit: Unit, post: str, words: ClaimWords) -> bool:
    """False for a lone 一 (一个), a year (2020年), a day (5日), a formula (两个维护).

    A small Chinese count of years (三年行动, 五年来, “十四五”的五年) names a period, one of
    phases (二期) an ordinal: units marked ``chinese = false`` in units.toml.
    """
    if _lone_one(tok) and unit.dim not in RATE_DIMS:
        return False
    if unit.not_after and folded.endswith(unit.not_after, 0, tok.start):
        return False  # 居全国前10位, 包揽前六名: a rank
    years = unit.word in words.year_units
    if years and tok.value is not None and 1000 <= tok.value < 3000:
        return False
    if folded.startswith(words.class_words, unit.end):
        return False  # 30万千瓦级煤电机组, 100兆瓦级: a class, not a quantity
    if (
        years
        and words.change_word.match(folded, unit.end + len(post))
        and not folded.endswith(words.span_not_after, 0, tok.start)
    ):
        return False  # 研发投入3年增长58.6%: a span before the change, not a figure
    duration = words.duration_before.search(folded, max(0, tok.start - 4), tok.start)
    if _small(tok, unit) and (
        (not unit.chinese and not duration) or words.formula_nouns.match(folded, unit.end)
    ):
        return False  # 三年行动, 二期; not a duration (连续四年达到…)
    if unit.clause_final and not _clause_final(folded, tok.start, unit.end + len(post), words):
        return False
    return not (unit.word in words.day_units and not post)


def _clause_final(folded: str, start: int, pos: int, words: ClaimWords) -> bool:
    """The figure ends its clause, a change follows it (从80.2岁提升至82.5岁) or it is a
    duration (连续8年稳定在…)."""
    nxt = folded[pos : pos + 1]
    if nxt in _ENDS or nxt in words.reaching or words.change_word.match(folded, pos):
        return True
    return bool(words.duration_before.search(folded, max(0, start - 4), start))


def _not_quantity(folded: str, tok: Number, words: ClaimWords) -> bool:
    """Ordinals, formulas, figures in short quotes and list counts."""
    before = folded[max(0, tok.start - 2) : tok.start].rstrip()
    if before.endswith(words.ordinal_before):
        return True
    if words.formula_or_not_claim.match(folded, tok.start):
        return True
    if _short_quote(folded, tok.start, tok.end):
        return True
    if words.list_before.search(folded, max(0, tok.start - 4), tok.start):
        return True
    return bool(tok.kind != "mask" and _COLON_AFTER.match(folded, tok.end))


def _short_quote(folded: str, start: int, end: int) -> bool:
    """The figure sits in a short quotation, a name (“四个意识”, “X省100个避暑气候胜地”)."""
    left = folded.rfind("“", max(0, start - 6), start)
    if left < 0 or "”" in folded[left:start]:
        return False
    right = folded.find("”", end, end + 8)
    return right >= 0 and "“" not in folded[end:right]


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(spans, (end, -1)) - 1
    return i >= 0 and spans[i][1] > start


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]
