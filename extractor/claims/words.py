"""The claim vocabulary of ``patterns/claims.toml``, compiled once per rule set.

Each list becomes one alternation (longest words first) anchored where it is used: hedges
and change words at the *end* of the text before a figure, hedges after it at the unit's
end, time references everywhere.  The helpers here read one piece of a claim's context
(approx, change, indicator bounds, time references); ``extractor.claims.claims`` puts them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from extractor.rules.loader import RuleSet, default_rules
from extractor.text.rx import at_position, literal_heads, scan_at_heads

V1 = regex.VERSION1
_COMPARE = frozenset("比较同与")
#: The last characters of an indicator that already names a measure (起数, 排放量, 覆盖率,
#: 消费水平).
MEASURE_ENDS = frozenset("数量率额值价费比重次平")
#: Those that make a change word before them part of a measure's name (经济增长贡献率), not
#: the figure's change: not 数, 价, 费, 次, which a cut's object may end with too
#: (压减“三公”经费10%, 压减会议次数), nor 平 (增长…，高于全国平均水平0.3个百分点).
_MEASURE_NOUN = MEASURE_ENDS - frozenset("数价费次平")


#: A lookaround group, one level of groups inside it allowed: (?!值), (?<=(?:比|较)[^，]{1,6}多).
_LOOKAROUND = regex.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")


def _alt(items: Iterable[Any]) -> str:
    """The words as one alternation, the longest first (by what they match: a lookaround
    adds nothing, so 年均 is tried before (?<![人平])均 and 提高到 before (?<![报])到)."""
    words = sorted((str(w) for w in items), key=_matched_length, reverse=True)
    return "|".join(f"(?:{w})" for w in words) or "(?!)"


def _matched_length(word: str) -> int:
    return len(_LOOKAROUND.sub("", word))


@dataclass(frozen=True, slots=True)
class ClaimWords:
    """Compiled claim vocabulary (all patterns run on folded text)."""

    approx_before: Any  # regex.Pattern[str], searched at the end of the text before a figure
    approx_after: Any  # matched at the end of the unit
    change_before: Any  # searched at the end of the text before a figure
    change_word: Any  # every change word, for changes without a figure (see change_words)
    change_heads: Any  # where a change word can start (rx.literal_heads), or None
    change_in_clause: Any  # the last change word of a clause, for rates (压减一般性支出10%)
    comparison: Any
    target: Any
    not_target: Any
    weak_target: Any  # target words that in a review section report what was secured (争取)
    past: Any  # matched at a time reference or a sentence start: the past (去年, 过去一年)
    review_opening: Any  # what opens a sentence that reviews (过去一年, 五年来)
    ahead: Any  # what points ahead in a sentence (将, 要, 今年)
    time: Any  # all time patterns as one alternation (for stripping)
    times: tuple[Any, ...]  # each time pattern alone (for finding: much faster)
    strip_lead: Any
    strip_trail: Any  # one trailing word, matched backwards from an end (see _trail_start)
    strip_compared: Any
    formula_or_not_claim: Any  # a numeral formula (两个维护) or a not-claim word: one match
    formula_nouns: Any  # matched after the unit of a small Chinese count
    list_before: Any
    rate_only: frozenset[str]  # change words that are verbs unless a rate follows
    ratio: Any  # searched before a number without a unit (收入比缩小到2.02)
    duration_before: Any  # searched before a duration (连续8年)
    indicator_tails: tuple[str, ...] = ()  # nouns a list of indicators shares (分别), longest first
    follow_stop: Any = None  # where the words after a figure stop: a predicate begins


def _compile(data: Mapping[str, Any]) -> ClaimWords:
    c = data.get("claims", {})
    inc, dec, flat = (
        _alt(c.get("increase", ())),
        _alt(c.get("decrease", ())),
        _alt(c.get("flat", ())),
    )
    gap = str(c.get("change_gap", ""))
    time = _alt(c.get("time", ()))
    comparison = _alt(c.get("comparison", ()))
    trail = _alt([*c.get("strip_trail", ()), *c.get("approx_before", ())])
    changes = _long_words(c.get("increase", ())) + _long_words(c.get("decrease", ()))
    changes += [str(w) for w in c.get("flat", ())]
    return ClaimWords(
        # a `$`-anchored search over a large alternation: regex is the faster engine here
        approx_before=regex.compile(rf"(?:{_alt(c.get('approx_before', ()))})$", V1),
        approx_after=at_position(_alt(c.get("approx_after", ())), V1),
        change_before=at_position(
            rf"(?<![新净])(?:(?P<increase>{inc})|(?P<decrease>{dec})|(?P<flat>{flat})){gap}$", V1
        ),
        change_word=regex.compile(
            rf"(?<![新净])(?:(?P<increase>{_long(c.get('increase', ()))})"
            rf"|(?P<decrease>{_long(c.get('decrease', ()))})|(?P<flat>{flat}))",
            V1,
        ),
        # a lookaround consumes nothing: (?<![支保])持平 opens with 持平
        change_heads=literal_heads(_LOOKAROUND.sub("", w) for w in changes),
        change_in_clause=at_position(
            rf"(?r)(?<![新净])(?:(?P<increase>{_long(c.get('increase', ()))})"
            rf"|(?P<decrease>{_long(c.get('decrease', ()))}))[^，。；：,;:\n]*$",
            V1,
        ),
        comparison=at_position(comparison, V1),
        target=regex.compile(_alt(c.get("target", ())), V1),
        not_target=regex.compile(_alt(c.get("not_target", ())), V1),
        weak_target=at_position(rf"(?:{_alt(c.get('weak_target', ()))})$", V1),
        past=at_position(_alt(c.get("past", ())), V1),
        review_opening=at_position(_alt(c.get("review_opening", ())), V1),
        ahead=at_position(_alt(c.get("ahead", ())), V1),
        time=regex.compile(time, V1),
        times=tuple(regex.compile(str(p), V1) for p in c.get("time", ())),
        strip_lead=at_position(
            rf"(?:{_alt(c.get('strip_lead', ()))}|(?<![新净])(?:{inc}|{dec})(?:到|至|为)?"
            r"|[\s，、：:,])+",
            V1,
        ),
        strip_trail=at_position(rf"(?r)(?:{trail}|(?<![新净])(?:{inc}|{dec})|[\s，、：:,])$", V1),
        strip_compared=at_position(str(c.get("strip_compared", "(?!)")), V1),
        formula_or_not_claim=at_position(
            _alt([*c.get("formula", ()), *c.get("not_claims", ())]), V1
        ),
        formula_nouns=at_position(_alt(c.get("formula_nouns", ())), V1),
        list_before=at_position(rf"(?:{_alt(c.get('list_before', ()))})$", V1),
        rate_only=frozenset(str(w) for w in c.get("rate_only", ())),
        indicator_tails=tuple(
            sorted(map(str, c.get("indicator_tails", ())), key=len, reverse=True)
        ),
        ratio=at_position(rf"(?:{_alt(c.get('ratio', ()))})$", V1),
        # 已建成自然村, 未纳入的: a participle, still part of the noun; 扎扎实实 is one word
        follow_stop=at_position(rf"(?<![已未扎])(?:{_alt(c.get('follow_stop', ()))})", V1),
        duration_before=at_position(rf"(?:{_alt(c.get('duration_before', ()))})$", V1),
    )


def _long(words: Iterable[Any]) -> str:
    """Change words of two or more characters: single 增, 降 are too ambiguous alone."""
    return _alt(_long_words(words))


def _long_words(words: Iterable[Any]) -> list[str]:
    return [str(w) for w in words if len(regex.sub(r"\(\?[^)]*\)", "", str(w))) >= 2]


def change_words(
    folded: str, words: ClaimWords, pos: int = 0, endpos: int | None = None
) -> Iterator[Any]:
    """``words.change_word.finditer(folded, pos, endpos)``, tried only where a change word
    can start (three times faster over a whole report: rx.scan_at_heads)."""
    if words.change_heads is None:
        end = len(folded) if endpos is None else endpos
        return iter(words.change_word.finditer(folded, pos, end))
    return scan_at_heads(words.change_word, words.change_heads, folded, pos, endpos)


def claim_words(rules: RuleSet | None = None) -> ClaimWords:
    """The compiled claim vocabulary of a rule set (default: the shipped one)."""
    rules = rules or default_rules()
    return rules.compiled("claimwords", lambda r: _compile(r.data))


def find_times(folded: str, words: ClaimWords) -> list[tuple[int, int]]:
    """Spans of time references (2020年, 截至X月X日, 上半年, 1-5月份), left to right.

    Each pattern runs alone (a literal-led pattern is found by a fast scan, an alternation
    of them is not); overlaps go to the earliest, then longest, span.
    """
    spans = sorted(
        (m.start(), -m.end()) for pattern in words.times for m in pattern.finditer(folded)
    )
    out: list[tuple[int, int]] = []
    for start, neg_end in spans:
        if not out or start >= out[-1][1]:
            out.append((start, -neg_end))
    return out


def indicator_bounds(
    folded: str, start: int, end: int, words: ClaimWords, times: Mapping[int, int]
) -> tuple[int, int]:
    """``start:end`` narrowed to the indicator: time words, subjects, verbs, hedges removed.

    ``times`` maps the start of each time reference to its end and its end to its start
    (negated), so that time references are skipped without another regex.
    """
    while start < end:
        at = start
        start = times.get(start, start)
        lead = words.strip_lead.match(folded, start, end)
        start = lead.end() if lead else start
        until = end
        end = -times.get(-end, -end)
        if end < until and folded[end - 1 : end] in _COMPARE:  # GDP比2019年: drop 比 too
            end -= 1
        end = _trail_start(folded, start, end, words)
        if folded.find("于", start, end) >= 0:  # 增速高于全部规上工业: the comparison goes
            compared = words.strip_compared.search(folded, start, end)
            end = compared.start() if compared else end
        if (start, end) == (at, until):
            break
    return start, max(start, end)


def _trail_start(folded: str, start: int, end: int, words: ClaimWords) -> int:
    """Where the run of trailing words before ``end`` starts (time words, verbs, hedges,
    change words, separators): one word at a time, backwards, each the first of the
    alternation that ends there, as the repeat ``(?r)(?:…)+$`` read it.  Not that repeat:
    ``regex`` runs a backwards repeat of a many-word alternation in quadratic time (100,000
    characters of 大幅 took 2 s)."""
    while end > start and (word := words.strip_trail.match(folded, start, end)) is not None:
        end = word.start()
    return end


def change_at_end(
    folded: str, start: int, end: int, words: ClaimWords, *, rate: bool = True
) -> tuple[str, int]:
    """The change word ending right before ``end`` and where it starts, or ("", end).

    Without ``rate`` (the figure is a count, not %), the ``rate_only`` words are verbs
    unless 到 or 至 follows (扩大到52种 is a change, 扩大200家 is not).
    """
    m = words.change_before.search(folded, start, end)
    if m is None:
        return "", end
    word = m.group(str(m.lastgroup))
    if (
        not rate
        and word in words.rate_only
        and not folded.startswith(("到", "至"), m.end(m.lastgroup))
    ):
        return "", end
    return str(m.lastgroup), m.start()


def change_in_clause(folded: str, start: int, end: int, words: ClaimWords) -> str:
    """The last change word between ``start`` and ``end`` within one clause, or "" — also
    when a measure's noun follows it there: then it is part of the name (经济增长贡献率从
    17.1%…), not what the figure does (压减一般性支出10%)."""
    m = words.change_in_clause.search(folded, start, end)
    if m is None:
        return ""
    group = str(m.lastgroup)
    if any(ch in _MEASURE_NOUN for ch in folded[m.end(group) : end]):
        return ""
    return group


def approx_at_end(folded: str, start: int, end: int, words: ClaimWords) -> tuple[str, int]:
    """The hedge right before a figure (约, 近, 超过) and where it starts, or ("", end)."""
    m = words.approx_before.search(folded, start, end)
    return (m.group().removesuffix("有"), m.start()) if m else ("", end)  # 至少有1家: 至少


def approx_after(folded: str, pos: int, words: ClaimWords) -> str:
    """The hedge right after a unit (以上, 左右), or ""."""
    m = words.approx_after.match(folded, pos)
    return m.group() if m else ""
