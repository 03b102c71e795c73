"""The claim vocabulary of ``patterns/claims.toml``, compiled once per rule set.

Each list becomes one alternation (longest words first) anchored where it is used: hedges
and change words at the *end* of the text before a figure, hedges after it at the unit's
end, time references everywhere.  The helpers here read one piece of a claim's context
(approx, change, indicator bounds, time references); ``extractor.claims.claims`` puts them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import regex

from extractor.rules.loader import RuleSet, default_rules
from extractor.text.rx import (
    LOOKAROUND,
    at_position,
    literal_heads,
    opening,
    opening_class,
    opening_letters,
    prefiltered,
    scan_at_heads,
)

V1 = regex.VERSION1


_LOOKAROUND = LOOKAROUND


def _alt(items: Iterable[Any]) -> str:
    """The words as one alternation, the longest first (by what they match: a lookaround
    adds nothing, so 年均 is tried before (?<![人平])均 and 提高到 before (?<![报])到)."""
    words = sorted((str(w) for w in items), key=_matched_length, reverse=True)
    return "|".join(f"(?:{w})" for w in words) or "(?!)"


def _matched_length(word: str) -> int:
    return len(_LOOKAROUND.sub("", word))


def _cls(chars: str) -> str:
    """Characters as a class (none: a pattern that never matches)."""
    return f"[{regex.escape(chars)}]" if chars else "(?!)"


def _cut_outside(cut: str, whole: Iterable[str], mask: str) -> str:
    """A pattern of the ``cut`` characters, a digit and a mask, each character but where it
    stands inside one of the ``whole`` words (普及: no 及 there)."""
    alternatives = [r"\d"] + ([f"[{mask}]"] if mask else [])
    for ch in cut:
        before = [w[: w.index(ch)] for w in whole if ch in w[1:]]
        after = [w[w.index(ch) + 1 :] for w in whole if ch in w[:-1]]
        behind = f"(?<!{_alt(before)})" if before else ""
        ahead = f"(?!{_alt(after)})" if after else ""
        alternatives.append(f"{behind}{regex.escape(ch)}{ahead}")
    return "|".join(alternatives)


@dataclass(frozen=True, slots=True)
class ClaimWords:
    """Compiled claim vocabulary (all patterns run on folded text)."""

    approx_before: Any  # regex.Pattern[str], searched at the end of the text before a figure
    approx_after: Any  # matched at the end of the unit
    change_before: Any  # searched at the end of the text before a figure
    change_word: Any  # every change word, for changes without a figure (see change_words)
    change_heads: Any  # where a change word can start (rx.literal_heads), or None
    #: where any change word, a single character too, can start (change_before's trigger)
    change_before_heads: Any
    change_in_clause: Any  # the last change word of a clause, for rates (压减一般性支出10%)
    comparison: Any
    target: Any
    not_target: Any
    target_after: Any  # a target noun after a figure that names it (…的负荷调控目标)
    target_before: Any  # a target noun right before a figure (目标任务100亿元), `$`-anchored
    planned_before: Any  # a planned amount right before a figure (年度计划投资), `$`-anchored
    estimate: tuple[str, ...]  # 预计: a target word that, of a past year, estimates
    present: Any  # 现有, 目前: what opens a clause stating a present stock
    modal_target: Any  # 将达, 要把: targets of the figures after them only
    target_nouns: tuple[str, ...]  # 目标, 指标: where target_after can end
    figure_changes: frozenset[str]  # 增产, 减产: changes only with a figure
    next_steps: Any  # what turns a review to what comes next (下一步, 下阶段)
    weak_target: Any  # target words that in a review section report what was secured (争取)
    past: Any  # matched at a time reference or a sentence start: the past (去年, 过去一年)
    review_opening: Any  # what opens a sentence that reviews (过去一年, 五年来)
    ahead: Any  # what points ahead in a sentence (将, 要, 今年)
    time: Any  # all time patterns as one alternation (for stripping)
    times: tuple[Any, ...]  # each time pattern alone (for finding: much faster)
    strip_lead: Any
    strip_trail: Any  # one trailing word, matched backwards from an end (see _trail_start)
    strip_trail_kept: Any  # the same, keeping a change word (经济增长连续四年: not its change)
    strip_compared: Any
    formula_or_not_claim: Any  # a numeral formula (两个维护) or a not-claim word: one match
    formula_nouns: Any  # matched after the unit of a small Chinese count
    list_before: Any
    rate_only: frozenset[str]  # change words that are verbs unless a rate follows
    ratio: Any  # searched before a number without a unit (收入比缩小到2.02)
    duration_before: Any  # searched before a duration (连续8年)
    occasion_verbs: Any  # searched before a small count of occasions (举办两次)
    count_change_opening: Any  # matched at a count's clause start (减少青壮年文盲)
    indicator_tails: tuple[str, ...] = ()  # nouns a list of indicators shares (分别), longest first
    follow_stop: Any = None  # where the words after a figure stop: a predicate begins
    #: the single words of claims.toml, read where they are used (see its last section)
    measure_ends: frozenset[str] = frozenset()  # 数量率…: an indicator naming a measure
    measure_nouns: frozenset[str] = frozenset()  # 量率额值比重: a change before them names
    comparison_marks: frozenset[str] = frozenset()  # 比较同与
    compared_needs: str = ""  # 于: what every strip_compared match holds
    hedge_particles: str = ""  # 有 (至少有)
    reaching: tuple[str, ...] = ()  # 到, 至
    compared_before: Any = None  # 比…: a time reference after it is a comparison base
    compared_after: tuple[str, ...] = ()  # 同期
    joiners: frozenset[str] = frozenset()  # 、和及与以及，: two figures of one list
    restating: frozenset[str] = frozenset()  # ，即: the figure before in another unit
    item_joiners: frozenset[str] = frozenset()  # 和及与、: what ends an item between figures
    item_words: str = ""  # 和及与, in the file's order: where a list's last item splits
    clause_ends: frozenset[str] = frozenset()  # the clause marks and the list marks
    clause_marks: str = ""  # the clause marks alone (，。；：)
    joiner_words: frozenset[str] = frozenset()  # 惠及, 参与: verbs, not joiners
    list_marks: str = ""  # 、
    follow_cut: Any = None  # 的、和及与, a digit, a mask: where the words after a figure end
    nothing_follows: frozenset[str] = frozenset()  # a first character after a figure that
    # leaves no words to follow: a clause mark, a cut, the end of the text
    respectively: tuple[str, ...] = ()  # 分别
    list_ends: str = ""  # 等
    examples_end: Any = None  # 等 closing a list of examples before the name of their kind
    attributive: str = ""  # 的
    attributive_set: frozenset[str] = frozenset()  # its characters, one by one
    change_noun_ends: str = ""  # 幅
    threshold_hedges: frozenset[str] = frozenset()  # 以上, 以下
    aspect: str = ""  # 了
    ratio_then: tuple[str, ...] = ()  # 缩小, 到 …: the change to a pair's second ratio
    span_not_after: tuple[str, ...] = ()  # 由, 从, 的, 连续
    class_words: tuple[str, ...] = ()  # 级
    ordinal_before: tuple[str, ...] = ()  # 第
    year_units: frozenset[str] = frozenset()  # 年
    occasion_units: frozenset[str] = frozenset()  # 次, 届: units of occasions
    secondary: frozenset[str] = frozenset()  # 二 (二次: secondary, no count)
    year_lengths: tuple[tuple[str, float], ...] = ()  # (月, 12): a base unit's count a year
    day_units: frozenset[str] = frozenset()  # 日
    share_hedges: tuple[str, ...] = ()  # 过 (过半)
    magnitude: Any = None  # a scale after 突破, 稳定在 …: a bare magnitude (突破万亿元)
    magnitude_after: tuple[str, ...] = ()  # 大关
    movement_from: Any = None  # 由, 从: searched before the starting value of a movement
    movement_to: tuple[str, ...] = ()  # 到, 至, 为: between the starting value and the level
    rate_nouns: tuple[str, ...] = ()  # 涨幅, 增速: nouns, no change of their own
    reasons: tuple[str, ...] = ()  # 由于, 随着: a clause of a reason, no topic
    done: Any = None  # 已经, 已: what is done is no target
    inner_verbs: Any = None  # 实现, 完成, 已 inside an indicator: dropped
    inner_markers: Any = None  # 20., （3） inside the words before a figure: an item starts
    parallel: frozenset[str] = frozenset()  # 城镇/农村, 小学/初中: modifiers of a shared noun
    change_adverb: Any = None  # 进一步, 大幅度 … right before a clause-final change word
    label_ends: tuple[str, ...] = ()  # 目标, 指标: a clause naming the figure of the next
    aspect_heads: tuple[str, ...] = ()  # 总量, 平均值: an aspect of the quantity named before
    share_of: tuple[str, ...] = ()  # 占: a share of the quantity named before
    quantity_objects: tuple[str, ...] = ()  # 成本, 负担: what a goal changes with no figure
    predicate_ends: tuple[str, ...] = ()  # 最大, 最高: items of a list of clauses, no names
    quality_end: Any = None  # 质量, 能力 … ending the subject of a change of quality
    compared_lead: Any = None  # 高于, 快于 opening an indicator: only a comparison
    plan_fulfilled: Any = None  # 完成年度计划的 before a percentage: a plan fulfilled
    plan_rate: tuple[str, ...] = ()  # 计划, 完成率: what a plan fulfilled measures
    done_before_object: Any = None  # 增加了 right before a figure: its object comes after it
    adverb_verb: Any = None  # 继续发行, 先发行: an adverb and a verb, its object after the figure
    stated_change_before: tuple[str, ...] = ()  # 正 (实现正增长): a change stated alone
    single_nouns: frozenset[str] = frozenset()  # 钢, 煤: one-character products
    noun_units: tuple[str, ...] = ()  # 人口: units that name what they count
    output_nouns: tuple[str, ...] = ()  # 产量: what a bare product's weight measures
    output_bases: frozenset[str] = frozenset()  # 吨: the base units of a product's output
    rate_ends: str = ""  # 率重例: what ends a rate's noun after its 的
    stage_verbs: tuple[str, ...] = ()  # 开工, 建成: stages of a project's figures, longest first
    funds_verbs: tuple[str, ...] = ()  # 安排, 拨付: arranging the funds an amount names
    funds_heads: tuple[str, ...] = ()  # 资金, 事业费: what ends the name of funds
    issue_verbs: tuple[str, ...] = ()  # 增发, 发行: issuing the bonds an amount names
    bond_heads: tuple[str, ...] = ()  # 国债, 债券: what ends the name of bonds
    count_frames: Any = None  # 在, 对, 为 right before a count: what is counted follows
    demonstratives: Any = None  # 这个, 這一 opening an indicator: named before
    frames: Any = None  # 在…基础上: a frame of condition between a subject and its figure
    frame_ends: tuple[str, ...] = ()  # 基础上, 前提下: what closes a frame (its trigger)
    ordinal_item: Any = None  # 第一, 二: an item of a list of ordinals (第一、二、三产业)
    compared_base: Any = None  # 比年度预算 inside an indicator: no part of its name
    compared_base_marks: str = ""  # 比较: where compared_base can start
    #: a modifier that joins several (城乡: 城镇, 农村), shared out by 分别
    shared_modifiers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: the letters the matches of a pattern open with (rx.opening_letters; (): unknown), for
    #: a test at a position (str.startswith) before the pattern is matched there
    demonstratives_opens: tuple[str, ...] = ()
    adverb_verb_opens: tuple[str, ...] = ()
    compared_lead_opens: tuple[str, ...] = ()
    #: the same letters as one re class (rx.opening_class; None: unknown), searched in a
    #: window before the pattern is: movement_from, planned_before, modal_target, present
    movement_from_letters: Any = None
    planned_before_letters: Any = None
    modal_target_letters: Any = None
    present_letters: Any = None


def _compile(rules: RuleSet) -> ClaimWords:
    def items(name: str) -> tuple[str, ...]:
        return rules.vocab(f"claims.{name}").items

    def chars(name: str) -> str:
        return rules.vocab(f"claims.{name}").chars

    inc, dec, flat = _alt(items("increase")), _alt(items("decrease")), _alt(items("flat"))
    gap = rules.vocab("claims.change_gap").pattern if items("change_gap") else ""
    time = _alt(items("time"))
    comparison = _alt(items("comparison"))
    trail = _alt([*items("strip_trail"), *items("approx_before"), *items("change_adverbs")])
    changes = _long_words(items("increase")) + _long_words(items("decrease"))
    # at an indicator's start only a change word of two characters or more is a verb before
    # its object (提高直接融资比重); a single 增, 减, 降 there opens a noun (增加值, 增值税,
    # 增设充电桩, 减税降费, 降本幅度)
    lead_changes = _alt(changes)
    changes += list(items("flat"))
    fresh = f"(?<!{_cls(chars('change_not_after'))})"  # 新增, 净增: indicators
    nouns = _alt(items("rate_nouns"))  # 涨幅, 增速: part of the indicator
    modals = _alt(rules.vocab("claims.modals").patterns)  # 计划增长: stripped with a change
    change_to = _alt(items("change_to"))
    lead_change = rf"{fresh}(?!{nouns})(?:{lead_changes})(?:{change_to})?"
    punct = r"[\s，、：:,]"
    clause = rules.vocab("text.clause_marks").chars or "。！？!?；;\n，,：:"
    lists = rules.vocab("text.list_marks").chars
    mask = rules.map("templates").get("mask", "")
    ordinal = rules.map("templates").get("cn_ordinal", "(?!)")
    cut = chars("follow_cut") + lists
    measure_ends = frozenset(chars("measure_ends"))
    stop_not_after = f"(?<!{_cls(chars('follow_stop_not_after'))})"
    words = ClaimWords(
        # a `$`-anchored search over a large alternation: regex is the faster engine here
        approx_before=prefiltered(
            regex.compile(rf"(?:{_alt(items('approx_before'))})$", V1), items("approx_before")
        ),
        approx_after=at_position(_alt(items("approx_after")), V1),
        change_before=at_position(
            rf"{fresh}(?:(?P<increase>{inc})|(?P<decrease>{dec})|(?P<flat>{flat})){gap}$", V1
        ),
        change_word=regex.compile(
            rf"{fresh}(?:(?P<increase>{_long(items('increase'))})"
            rf"|(?P<decrease>{_long(items('decrease'))})|(?P<flat>{flat}))",
            V1,
        ),
        # a lookaround consumes nothing: (?<![支保])持平 opens with 持平
        change_heads=literal_heads(_LOOKAROUND.sub("", w) for w in changes),
        change_before_heads=literal_heads(
            _LOOKAROUND.sub("", str(w))
            for w in (*items("increase"), *items("decrease"), *items("flat"))
        ),
        change_in_clause=at_position(
            rf"(?r){fresh}(?:(?P<increase>{_long(items('increase'))})"
            rf"|(?P<decrease>{_long(items('decrease'))}))[^，。；：,;:\n]*$",
            V1,
        ),
        comparison=at_position(comparison, V1),
        # iterated in the scope of every figure, where most hold none of its words: tried at
        # their heads only (regex tries an alternation whose words open with lookbehinds at
        # every position; not_target's open with letters: regex skips ahead to them)
        target=prefiltered(
            regex.compile(_alt(items("target")), V1), items("target"), groups=True, at_heads=True
        ),
        not_target=regex.compile(_alt(items("not_target")), V1),
        target_after=at_position(rules.vocab("claims.target_after").pattern, V1),
        target_before=at_position(rules.vocab("claims.target_before").pattern, V1),
        planned_before=at_position(rules.vocab("claims.planned_before").pattern, V1),
        estimate=tuple(items("estimate")),
        present=regex.compile(_alt(items("present")), V1),
        modal_target=regex.compile(_alt(items("modal_target")), V1),
        target_nouns=items("target_nouns"),
        figure_changes=frozenset(items("figure_changes")),
        next_steps=regex.compile(_alt(items("next_steps")), V1),
        weak_target=at_position(rf"(?:{_alt(items('weak_target'))})$", V1),
        past=at_position(_alt(items("past")), V1),
        review_opening=at_position(_alt(items("review_opening")), V1),
        ahead=prefiltered(at_position(_alt(items("ahead")), V1), items("ahead")),
        time=regex.compile(time, V1),
        times=tuple(regex.compile(str(p), V1) for p in items("time")),
        strip_lead=opening(
            at_position(
                rf"(?:{_alt([*items('strip_lead'), *_markers(rules)])}"
                rf"|{lead_change}|{punct})+",
                V1,
            ),
            [*items("strip_lead"), *_markers(rules), lead_change, punct],
        ),
        strip_trail=at_position(
            rf"(?r)(?:{trail}|{modals}|{fresh}(?!{nouns})(?:{inc}|{dec})|{punct})$", V1
        ),
        strip_trail_kept=at_position(rf"(?r)(?:{trail}|{punct})$", V1),
        strip_compared=at_position(
            rules.vocab("claims.strip_compared").pattern if items("strip_compared") else "(?!)",
            V1,
        ),
        formula_or_not_claim=at_position(_alt([*items("formula"), *items("not_claims")]), V1),
        formula_nouns=at_position(_alt(items("formula_nouns")), V1),
        list_before=at_position(rf"(?:{_alt(items('list_before'))})$", V1),
        rate_only=frozenset(items("rate_only")),
        indicator_tails=tuple(sorted(items("indicator_tails"), key=len, reverse=True)),
        ratio=at_position(rf"(?:{_alt(items('ratio'))})$", V1),
        # 已建成自然村, 未纳入的: a participle, still part of the noun; 扎扎实实 is one word
        follow_stop=at_position(rf"{stop_not_after}(?:{_alt(items('follow_stop'))})", V1),
        duration_before=at_position(rf"(?:{_alt(items('duration_before'))})$", V1),
        occasion_verbs=at_position(_alt(items("occasion_verbs")), V1),
        count_change_opening=regex.compile(_alt(items("count_change_opening")), V1),
        measure_ends=measure_ends,
        measure_nouns=measure_ends - frozenset(chars("object_ends")),
        comparison_marks=frozenset(chars("comparison_marks")),
        compared_needs=chars("strip_compared_needs"),
        hedge_particles=chars("hedge_particles"),
        reaching=items("reaching"),
        compared_before=at_position(rules.vocab("claims.compared_before").pattern, V1),
        compared_after=items("compared_after"),
        joiners=frozenset(items("joiners")) | {""},
        restating=frozenset(items("restating")),
        item_joiners=frozenset(chars("item_joiners") + lists),
        item_words=chars("item_joiners"),
        clause_ends=frozenset(clause + lists),
        clause_marks=clause,
        joiner_words=frozenset(items("joiner_words")),
        list_marks=lists,
        follow_cut=regex.compile(_cut_outside(cut, items("follow_cut_words"), mask), V1),
        nothing_follows=frozenset(clause + cut + "0123456789" + mask) | {""},
        respectively=items("respectively"),
        list_ends=chars("list_ends"),
        examples_end=regex.compile(rf"(?r)(?:{_alt(items('examples_end'))})", V1),
        attributive=chars("attributive"),
        attributive_set=frozenset(chars("attributive")),
        change_noun_ends=chars("change_noun_ends"),
        threshold_hedges=frozenset(items("threshold_hedges")),
        aspect=chars("aspect"),
        ratio_then=items("ratio_then"),
        span_not_after=items("span_not_after"),
        class_words=items("class_words"),
        ordinal_before=items("ordinal_before"),
        year_units=frozenset(items("year_units")),
        occasion_units=frozenset(items("occasion_units")),
        secondary=frozenset(items("secondary")),
        year_lengths=tuple((w.split()[0], float(w.split()[1])) for w in items("year_lengths")),
        day_units=frozenset(items("day_units")),
        share_hedges=items("share_hedges"),
        magnitude_after=items("magnitude_after"),
        movement_from=prefiltered(
            regex.compile(_alt(items("movement_from")), V1), items("movement_from")
        ),
        movement_to=items("movement_to"),
        rate_nouns=items("rate_nouns"),
        reasons=items("reasons"),
        done=prefiltered(at_position(_alt(items("done")), V1), items("done")),
        inner_verbs=regex.compile(_alt(items("inner_verbs")), V1),
        inner_markers=regex.compile(rf"(?r)(?:{_alt(items('inner_markers'))})", V1),
        parallel=frozenset(items("parallel_modifiers")),
        label_ends=items("label_ends"),
        aspect_heads=items("aspect_heads"),
        share_of=items("share_of"),
        quantity_objects=items("quantity_objects"),
        predicate_ends=items("predicate_ends"),
        change_adverb=prefiltered(
            regex.compile(rf"(?:{_alt(items('change_adverbs'))})$", V1), items("change_adverbs")
        ),
        quality_end=prefiltered(
            regex.compile(rf"(?:{_alt(items('quality_nouns'))})$", V1), items("quality_nouns")
        ),
        compared_lead=at_position(_alt(items("compared_lead")), V1),
        plan_fulfilled=regex.compile(rf"(?:{_alt(items('plan_fulfilled'))})", V1),
        plan_rate=items("plan_rate"),
        done_before_object=regex.compile(rf"(?:{_alt(items('done_before_object'))})", V1),
        adverb_verb=regex.compile(rf"(?:{_alt(items('adverb_verb'))})", V1),
        stated_change_before=items("stated_change_before"),
        single_nouns=frozenset(items("single_nouns")),
        noun_units=items("noun_units"),
        output_nouns=items("output_nouns"),
        output_bases=frozenset(items("output_bases")),
        rate_ends=chars("rate_ends"),
        stage_verbs=tuple(sorted(items("stage_verbs"), key=len, reverse=True)),
        funds_verbs=items("funds_verbs"),
        funds_heads=items("funds_heads"),
        issue_verbs=items("issue_verbs"),
        bond_heads=items("bond_heads"),
        count_frames=regex.compile(_alt(items("count_frames")), V1),
        demonstratives=regex.compile(_alt(items("demonstratives")), V1),
        frames=regex.compile(_alt(items("frames")), V1),
        frame_ends=items("frame_ends"),
        ordinal_item=regex.compile(rf"(?:{_alt(items('ordinal_before'))})?{ordinal}", V1),
        compared_base=regex.compile(rules.vocab("claims.compared_base").pattern or "(?!)", V1),
        compared_base_marks=chars("comparison_marks"),
        shared_modifiers=tuple(
            (str(k), tuple(v.get("items", ())))
            for k, v in sorted(rules.map("shared_modifiers").items(), key=lambda kv: -len(kv[0]))
        ),
        magnitude=regex.compile(
            rf"(?<=(?:{_alt(items('magnitude_before'))}))"
            rf"(?:{_alt(regex.escape(k) for k in rules.map('unit_scales'))})",
            V1,
        ),
    )
    return replace(
        words,
        demonstratives_opens=opening_letters(words.demonstratives),
        adverb_verb_opens=opening_letters(words.adverb_verb),
        compared_lead_opens=opening_letters(words.compared_lead),
        movement_from_letters=opening_class(words.movement_from),
        planned_before_letters=opening_class(words.planned_before),
        modal_target_letters=opening_class(words.modal_target),
        present_letters=opening_class(words.present),
    )


#: A named group of a rule's pattern: the markers are alternatives of another pattern.
_NAMED_GROUP = regex.compile(r"\(\?P<[A-Za-z_]\w*>")


def _markers(rules: RuleSet) -> list[str]:
    """The enumeration markers of the ``[[measure]]`` rules (一是, 一要, 第一，, 其一, 首先,
    and a user's 一抓), stripped from an indicator's start like its other lead words: a
    marker is written once, in outline.toml.  Dash items (——) are no words.  A marker
    followed by the same family's ordinal, whole or bare, is the ordinal of a noun
    (第一、第三产业, 第一、二、三产业), no marker: not stripped."""
    out = []
    for rule in rules.of("measure"):
        if rule.style == "dash" or not rule.pattern:
            continue
        stem = _stem(rule.pattern)
        marker = _NAMED_GROUP.sub("(?:", rule.pattern)
        group = _NAMED_GROUP.search(stem) if stem else None
        if group is not None:
            bare = _NAMED_GROUP.sub("(?:", stem[group.start() :])
            marker += f"(?!{_NAMED_GROUP.sub('(?:', stem)}|{bare})"
        out.append(marker)
    return out


def _stem(pattern: str) -> str:
    """A marker pattern up to the end of its first named group (第(?P<num>…): 第 and the
    ordinal), or "" when it has none."""
    m = _NAMED_GROUP.search(pattern)
    if m is None:
        return ""
    depth, i = 1, m.end()
    while i < len(pattern) and depth:
        if pattern[i] == "\\":
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(pattern[i], 0)
        i += 1
    return pattern[:i] if not depth else ""


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
    return rules.compiled("claimwords", _compile)


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
    folded: str,
    start: int,
    end: int,
    words: ClaimWords,
    times: Mapping[int, int],
    *,
    keep_change: bool = False,
) -> tuple[int, int]:
    """``start:end`` narrowed to the indicator: time words, subjects, verbs, hedges removed.

    ``times`` maps the start of each time reference to its end and its end to its start
    (negated), so that time references are skipped without another regex.  With
    ``keep_change`` a change word at the end stays: it is no change of the figure
    (经济增长连续四年: the duration of 经济增长).
    """
    strip_trail = words.strip_trail_kept if keep_change else words.strip_trail
    framed = any(folded.find(w, start, end) >= 0 for w in words.frame_ends)
    frame = words.frames.search(folded, start, end) if framed else None
    if frame is not None:
        # 在…基础上 names nothing: what follows it in the clause, else the subject before it
        # (粮食总产量在上年大幅度增长的基础上，; 预期目标是在…的基础上年均增长7%)
        after = indicator_bounds(folded, frame.end(), end, words, times, keep_change=keep_change)
        if after[0] < after[1]:
            return after
        end = frame.start()
    while start < end:
        at = start
        start = times.get(start, start)
        lead = words.strip_lead.match(folded, start, end)
        start = lead.end() if lead else start
        until = end
        end = -times.get(-end, -end)
        if end < until and folded[end - 1 : end] in words.comparison_marks:  # GDP比2019年: 比 too
            end -= 1
        end = _trail_start(folded, start, end, strip_trail)
        if _holds_any(folded, words.compared_needs, start, end):  # 增速高于全部规上工业
            compared = words.strip_compared.search(folded, start, end)
            end = compared.start() if compared else end
        if (start, end) == (at, until):
            break
    return start, max(start, end)


def _holds_any(folded: str, chars: str, start: int, end: int) -> bool:
    """Whether one of ``chars`` stands in ``folded[start:end]``."""
    return any(folded.find(ch, start, end) >= 0 for ch in chars)


def trailing_words_start(folded: str, start: int, end: int, words: ClaimWords) -> int:
    """Where the run of trailing words before ``end`` (time words, verbs, hedges, adverbs such
    as 已经: ``strip_trail``) starts, no further back than ``start``."""
    return _trail_start(folded, start, end, words.strip_trail)


def _trail_start(folded: str, start: int, end: int, strip_trail: Any) -> int:
    """Where the run of trailing words before ``end`` starts (time words, verbs, hedges,
    change words, separators): one word at a time, backwards, each the first of the
    alternation that ends there, as the repeat ``(?r)(?:…)+$`` read it.  Not that repeat:
    ``regex`` runs a backwards repeat of a many-word alternation in quadratic time (100,000
    characters of 大幅 took 2 s)."""
    while end > start and (word := strip_trail.match(folded, start, end)) is not None:
        end = word.start()
    return end


def change_at_end(
    folded: str, start: int, end: int, words: ClaimWords, *, rate: bool = True
) -> tuple[str, int]:
    """The change word ending right before ``end`` and where it starts, or ("", end).

    Without ``rate`` (the figure is a count, not %), the ``rate_only`` words are verbs
    unless 到 or 至 follows (扩大到52种 is a change, 扩大200家 is not).
    """
    heads = words.change_before_heads
    if heads is not None and heads.search(folded, start, end) is None:
        return "", end  # no change word opens in the window (most figures): no search
    m = words.change_before.search(folded, start, end)
    if m is None:
        return "", end
    if folded.startswith(words.rate_nouns, m.start(m.lastgroup)):
        return "", end  # 居民消费价格涨幅3%: a rate noun and its level, no change
    word = m.group(str(m.lastgroup))
    if (
        not rate
        and word in words.rate_only
        and not folded.startswith(words.reaching, m.end(m.lastgroup))
    ):
        return "", end
    return str(m.lastgroup), m.start()


def change_in_clause(
    folded: str, start: int, end: int, words: ClaimWords, *, verbs: bool = True
) -> str:
    """The last change word between ``start`` and ``end`` within one clause, or "" — also
    when a measure's noun follows it there: then it is part of the name (经济增长贡献率从
    17.1%…), not what the figure does (压减一般性支出10%); without ``verbs``, also for the
    rate_only words (扩大, 提升: verbs of their own before an amount)."""
    heads = words.change_heads
    if heads is not None and heads.search(folded, start, end) is None:
        return ""  # no change word of two characters opens in the window: no search
    m = words.change_in_clause.search(folded, start, end)
    if m is None:
        return ""
    group = str(m.lastgroup)
    if any(ch in words.measure_nouns for ch in folded[m.end(group) : end]):
        return ""
    if folded[m.end(group) : m.end(group) + 1] in words.attributive_set:
        return ""  # 食品价格上涨的因素大约有十三个百分点: a modifier of a noun, not the change
    if folded.startswith(words.rate_nouns, m.start(group)):
        return ""  # 物价上涨幅度控制在百分之十以内: the rate's level
    if not verbs and m.group(group) in words.rate_only:
        return ""  # 扩大有效投资5000亿元: a verb of its own, no change of the amount
    return group


def approx_at_end(folded: str, start: int, end: int, words: ClaimWords) -> tuple[str, int]:
    """The hedge right before a figure (约, 近, 超过) and where it starts, or ("", end)."""
    m = words.approx_before.search(folded, start, end)
    if m is None:
        return "", end
    return m.group().rstrip(words.hedge_particles), m.start()  # 至少有1家: 至少


def approx_after(folded: str, pos: int, words: ClaimWords) -> str:
    """The hedge right after a unit (以上, 左右), or ""."""
    m = words.approx_after.match(folded, pos)
    return m.group() if m else ""
