"""How far back a figure's span is read: never past SENTENCE_WINDOW characters.

A crafted sentence of thousands of figures (issue 19: 16,000 in 112 KB) must not make each
figure read the whole sentence before it; that made the parse quadratic (42 s for the
16,000-figure sentence). The span vocabulary is wrapped to record every stretch it is
searched over, and each must end at the figure and start at most SENTENCE_WINDOW before it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import extractor.claims.spans as spans
from extractor import parse
from extractor.rules.loader import default_rules, load_rules
from extractor.text.sentences import SENTENCE_WINDOW


class _Recorder:
    """A compiled pattern that remembers the (pos, endpos) of every search over it."""

    def __init__(self, pattern: Any, seen: list[tuple[int, int]]) -> None:
        self.pattern, self.seen = pattern, seen

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.seen.append((pos, len(text) if endpos is None else endpos))
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.seen.append((pos, len(text) if endpos is None else endpos))
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def test_a_long_sentence_of_figures_is_read_a_window_back_from_each():
    seen: list[tuple[int, int]] = []
    words = spans.span_words(default_rules())
    wrapped = {f.name: _Recorder(getattr(words, f.name), seen)
               for f in dataclasses.fields(words) if f.name in ("clause", "sentence", "to_date", "base_year")}  # fmt: skip
    # a rule set of its own whose span vocabulary records: the parse reads it from the rule
    # set (compiled modules call span_words directly, so patching the function would not do)
    rules = load_rules()
    rules.compiled("spanwords", lambda _: dataclasses.replace(words, **wrapped))
    assert spans.span_words(rules).clause is wrapped["clause"]
    text = "一、工作情况\n这五年，" + "增长5%，" * 2_000 + "。\n"
    report = parse(text, rules=rules)
    assert len(report.claims) == 2_000
    assert len(seen) >= 2_000  # the vocabulary was read for every figure
    assert max(end - start for start, end in seen) <= SENTENCE_WINDOW


def test_a_sentence_of_several_years_still_covers_its_figures():
    report = parse("一、过去五年工作回顾\n五年来，累计新增就业5000万人，建成高标准农田8亿亩。\n")
    assert [c.span for c in report.claims] == ["multi-year", "multi-year"]


def test_a_base_year_compared_in_a_clause_of_its_own_governs_only_that_clause():
    # session 10 round 2 (enterprise reports): 较2019年增长35.5% had made the next part's
    # figures (最大日用电量…，同比增长41.5%) multi-year; a framing comparison still governs
    text = (
        "一、2021年工作回顾\n国庆节期间，最大负荷3568万千瓦，同比增长45.4%，较2019年增长35.5%；"
        "最大日用电量7.46亿千瓦时，同比增长41.5%。\n"
    )
    spans_of = {c.value_text: c.span for c in parse(text).claims}
    assert spans_of["35.5"] == "multi-year"
    assert spans_of["7.46"] == "period"
    assert spans_of["41.5"] == "period"
    framed = "一、2021年工作回顾\n同2015年相比，粮食产量增加500万吨；棉花产量增加20万吨。\n"
    spans_of = {c.value_text: c.span for c in parse(framed).claims}
    assert spans_of["20"] == "multi-year"


def test_a_start_year_a_multiple_of_a_year_and_a_count_of_years_cover_several():
    # state-council 2003 (a review of five years, its section of 2002): 从1998年起…每年提高,
    # 是1997年的1.8倍, 五年增加489亿元; a year compared with the one before it stays its own
    text = (
        "一、2002年工作回顾\n2002年，全国财政性教育经费投入3366亿元，是1997年的1.8倍。"
        "从1998年起，教育经费所占比例每年提高一个百分点，仅此一项五年增加489亿元。"
        "2002年比2001年增长8%。1999年以来新建学校12所，2001年起新建医院5所。\n"
    )
    spans_of = {c.value_text: c.span for c in parse(text).claims}
    assert spans_of == {
        "3366": "period", "1.8": "multi-year", "一": "multi-year", "489": "multi-year",
        "8": "period", "12": "multi-year", "5": "period",
    }  # fmt: skip


def test_a_share_of_the_years_plan_done_so_far_is_the_years():
    (claim,) = parse("一、2022年1-10月工作情况\n售电量累计完成年计划80%。\n").claims
    assert claim.span == "period"
