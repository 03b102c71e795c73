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
from extractor.text.numbers import NUMERAL_CHARS, Number, find_numbers, scaled
from extractor.text.numerals import chinese_number
from extractor.text.rx import at_position

_TITLES = regex.compile(r"《[^《》\n]{0,80}》")
_COLON_AFTER = at_position(r"[^，。；：:\n]{0,8}[：:](?![0-9])")  # not a ratio (2.50:1)
_TRAILING_SCALE = regex.compile(r"(?:万亿|萬億|亿|億|万|萬)$")
_RATES = {"%", "个百分点", "倍"}
#: A rate or a duration takes the last change word of its clause (缩短审批时间60天).
_CLAUSE_CHANGE = _RATES | {"天", "小时", "工作日"}
_ENDS = {"", *"，,。；;：:∶！？!?\n、）)"}  # ∶: a ratio (2.21∶1)
#: What may follow the first ratio of a pair (比值由3.27缩小至2.93): the change to the second.
_RATIO_THEN = ("缩小", "扩大", "下降", "降至", "降到", "降低", "提高", "上升", "升至", "到", "至")
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
        "figure_followers", lambda r: _followers(unit_table(r))
    )
    tokens = find_numbers(folded, before=before, numeral_led=numeral_led)
    tokens += [
        Number(p.start, p.end, p.text, None, kind="mask")
        for p in placeholders
        if p.kind == "figure" and p.rule != "placeholder.figure.ordinal"
    ]
    tokens.sort(key=lambda t: t.start)
    titles = [m.span() for m in _TITLES.finditer(folded)] if "《" in folded else []
    out = []
    for tok in tokens:
        if (
            tok.text == "一"
            and tok.kind == "chinese"
            and folded[tok.end : tok.end + 1] not in rate_first
        ):
            continue  # 一个, 一项: a lone 一 counts only before a rate (一个百分点, 一倍)
        if _overlaps(times, tok.start, tok.end) or (titles and _inside(titles, tok.start)):
            continue  # a date or time reference; a figure in a 《》 title
        fig = _figure(scan, tok)
        if fig and not _overlaps(times, fig.start, fig.end):
            out.append(fig)
    return out


def _followers(table: UnitTable) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Built once per rule set: what may follow a number that can be a figure (a unit's
    first character, _ENDS for a ratio and the first characters of _RATIO_THEN), and what
    may follow a lone 一 whose unit is a rate (a rate unit's first character, or what may
    stand between a figure and its unit: a note, a hedge, a scale), and the units that open
    with a numeral character a Chinese numeral would swallow (find_numbers' numeral_led)."""
    before = table.first | _ENDS | {w[0] for w in _RATIO_THEN}
    rates = (word[0] for word, row in table.units.items() if row.base in _RATES)
    rate_first = frozenset((*rates, *table.hedges, *(s[0] for s in table.scales), "(", " "))
    # 千瓦 after 四百零六万: the numeral scan takes 千 and finds 瓦, no unit's first character
    numeral_led = tuple(
        w for w in table.units if len(w) > 1 and w[0] in NUMERAL_CHARS and w[1] not in before
    )
    return before, rate_first, numeral_led


def _figure(scan: _Scan, tok: Number) -> Figure | None:
    folded, words = scan.folded, scan.words
    start, value_end, unit = tok.start, tok.end, None
    if tok.kind == "multiple":  # 翻一番: value_text 一, unit 番
        start = tok.start + 1 + (folded[tok.start + 1] == "了")
        value_end = tok.end - 1 if start < tok.end - 1 else start
    elif tok.kind != "share":
        value_end = _scale_split(tok)
        unit = scan.table.match(folded, value_end)
        if unit is None and (
            tok.kind == "mask" or (tok.kind in ("arabic", "range") and tok.text[0].isdigit())
        ):  # 参保人数突破5100万，; a masked figure too: 涉及货值X亿
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
    rate = unit is None or unit.base in _RATES or unit.dim not in _COUNTED
    change, cstart = change_at_end(folded, max(0, ctx - 8), ctx, words, rate=rate)
    if not change and unit is not None and unit.base in _CLAUSE_CHANGE:  # 压减一般性支出10%
        change = change_in_clause(folded, max(0, ctx - 16), ctx, words)
        cstart = ctx
    if tok.kind == "multiple":
        change = change or "increase"
    elif _small(tok, unit) and not (change or post or folded[end : end + 1] in _ENDS):
        return None  # 抓住两个重点, 两条主线: a small count inside a phrase names, not counts
    low, high, value = _values(tok, unit, value_end)
    return Figure(
        start=start,
        value_end=value_end,
        end=end,
        after=end + len(post),
        context_start=cstart if change else ctx,
        value=value,
        low=low,
        high=high,
        unit=_written(scan.text, unit) if unit else "番" if tok.kind == "multiple" else "",
        base=unit.base if unit else tok.unit,
        approx=(unit.hedge if unit else "") or post or pre or ("过" if tok.text == "过半" else ""),
        change=change,
        masked=tok.kind == "mask",
        rule=f"claim.{_RULES.get(tok.kind, 'ratio' if unit is None else 'figure')}",
    )


def _written(text: str, unit: Unit) -> str:
    """The unit as the original text writes it (２万余口 → 万口, ％ stays ％)."""
    word_at = unit.end - len(unit.word)
    scale = len(unit.text) - len(unit.word)
    late = bool(scale and unit.hedge and text[word_at - 1] == unit.hedge)  # 万余口, not 多万个
    scale_at = word_at - scale - late
    return text[scale_at : scale_at + scale] + text[word_at : unit.end]


def _small(tok: Number, unit: Unit | None) -> bool:
    """A Chinese count up to ten without a scale (两个, 三条): often part of a name."""
    return (
        tok.kind == "chinese"
        and tok.value is not None
        and tok.value <= 10
        and unit is not None
        and unit.scale == 1
    )


def _ratio(scan: _Scan, tok: Number) -> bool:
    """A number without a unit that is a ratio: 城乡居民收入比缩小到2.02, 之比达到2.4."""
    folded = scan.folded
    return (
        folded[tok.end : tok.end + 1] in _ENDS or folded.startswith(_RATIO_THEN, tok.end)
    ) and bool(scan.words.ratio.search(folded, max(0, tok.start - 20), tok.start))


def _scale_split(tok: Number) -> int:
    """Where a Chinese numeral's trailing scale starts (一千三百五十二|万吨), else its end."""
    if tok.kind != "chinese":
        return tok.end
    m = _TRAILING_SCALE.search(tok.text)
    if m is None or m.start() == 0:
        return tok.end
    head, scale = tok.text[: m.start()], m.group()
    higher = "亿億" if scale in ("亿", "億") else "亿億万萬"
    return tok.end if any(ch in head for ch in higher) else tok.start + m.start()


def _values(
    tok: Number, unit: Unit | None, value_end: int
) -> tuple[float | None, float | None, float | None]:
    """(low, high, value) in the base unit; a range's value is its low end."""
    value = tok.value
    if tok.kind == "chinese" and value_end != tok.end:  # the scale went to the unit
        value = chinese_number(tok.text[: value_end - tok.start])
    if value is None or unit is None:
        return tok.low, tok.high, value
    if tok.kind == "range" and tok.low is not None and tok.high is not None:
        low = scaled(tok.low, (tok.low_scale or unit.scale) * unit.factor)
        return low, scaled(tok.high, unit.multiplier), low
    return None, None, scaled(value, unit.multiplier)


#: Before a count of years followed by a change: a range's first figure (由5年缩短到3年,
#: 从2020年的9.6年提升至…) or a duration (连续6年增长), which stay claims.
_NOT_SPANS = ("由", "从", "的", "连续")


def _counts(folded: str, tok: Number, unit: Unit, post: str, words: ClaimWords) -> bool:
    """False for a lone 一 (一个), a year (2020年), a day (5日), a formula (两个维护).

    A small Chinese count of years (三年行动, 五年来, “十四五”的五年) names a period, one of
    phases (二期) an ordinal: units marked ``chinese = false`` in units.toml.
    """
    if tok.kind == "chinese" and tok.text == "一" and unit.base not in _RATES:
        return False
    if unit.not_after and folded.endswith(unit.not_after, 0, tok.start):
        return False  # 居全国前10位, 包揽前六名: a rank
    if unit.word == "年" and tok.value is not None and 1000 <= tok.value < 3000:
        return False
    if folded.startswith("级", unit.end):
        return False  # 30万千瓦级煤电机组, 100兆瓦级: a class, not a quantity
    if (
        unit.word == "年"
        and words.change_word.match(folded, unit.end + len(post))
        and not folded.endswith(_NOT_SPANS, 0, tok.start)
    ):
        return False  # 研发投入3年增长58.6%: a span before the change, not a figure
    if _small(tok, unit) and (not unit.chinese or words.formula_nouns.match(folded, unit.end)):
        return False
    if unit.clause_final and not _clause_final(folded, tok.start, unit.end + len(post), words):
        return False
    return not (unit.word == "日" and not post)


def _clause_final(folded: str, start: int, pos: int, words: ClaimWords) -> bool:
    """The figure ends its clause, a change follows it (从80.2岁提升至82.5岁) or it is a
    duration (连续8年稳定在…)."""
    nxt = folded[pos : pos + 1]
    if nxt in _ENDS or nxt in "到至" or words.change_word.match(folded, pos):
        return True
    return bool(words.duration_before.search(folded, max(0, start - 4), start))


def _not_quantity(folded: str, tok: Number, words: ClaimWords) -> bool:
    """Ordinals, formulas, figures in short quotes and list counts."""
    before = folded[max(0, tok.start - 2) : tok.start].rstrip()
    if before.endswith("第"):
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
