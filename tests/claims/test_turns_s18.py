"""Review→plan turns where a page lost its line breaks (issue 18, session 18, s18-period).

A part titled review-then-plan (…发展成就和…主要目标任务) reviews until a paragraph opens on
the time its plan half names; flattened, the paragraphs run together in one line, and the
turn is where a sentence of that line opens on it.  Short texts are written here; the
real-report check reads ../shared and skips without it."""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON, claims_by_text

from extractor import parse
from extractor.analysis.real import flatten
from extractor.claims.turns import reviewed_parts
from extractor.rules.loader import default_rules
from extractor.text.fold import fold

REVIEWED = "五年来，全市经济实力显著增强，创新能力持续提升，城乡面貌焕然一新。" * 40
PART = (
    "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
    "一、2025年工作回顾\n过去一年，全市地区生产总值增长5.5%。\n"
    "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n" + REVIEWED + "\n"
    "这五年，城镇新增就业累计120万人，人均预期寿命提升至83.9岁。\n"
    "“十五五”时期是关键时期。力争到2030年，地区生产总值达到4万亿元。\n"
)
TARGETS = {"120万人": False, "83.9岁": False, "4万亿元": True}


@pytest.mark.parametrize("flat", [False, True])
def test_a_part_that_reviews_then_plans_turns_where_a_sentence_opens_on_its_plan_half(flat):
    text = flatten(PART)[0] if flat else PART
    claims = claims_by_text(text)
    found = {f: next(c.is_target for t, c in claims.items() if f in t) for f in TARGETS}
    assert found == TARGETS


def test_a_flattened_part_turns_at_the_sentence_opening_on_its_plan_half_or_never():
    rules = default_rules()
    for text, turn in (
        (PART, "“十五五”时期是"),
        (PART.replace("“十五五”时期是关键时期。", ""), ""),
    ):
        flat = flatten(text)[0]
        found = reviewed_parts(fold(flat), parse(flat).sections, rules)
        assert [flat[e : e + len(turn)] for _, e in found] == ([turn] if turn else [])


def test_a_real_flattened_review_then_plan_part_reviews_before_its_turn():
    # the State Council's 2021 report, “十三五”时期发展成就和“十四五”时期主要目标任务: the
    # five years' results before “十四五”时期是… are no targets, flattened as written
    file = SHARED / "real" / "state-council" / "2021.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    flat, where = flatten(text)
    written = parse(text, path=str(file))
    part = next(s for s in written.sections if "发展成就和" in s.title)
    before = [c for c in written.claims if part.start <= c.start < part.end and not c.is_target]
    assert len(before) >= 5
    flat_targets = {c.start: c.is_target for c in parse(flat, path=str(file)).claims}
    assert [flat_targets.get(where[c.start]) for c in before] == [False] * len(before)
