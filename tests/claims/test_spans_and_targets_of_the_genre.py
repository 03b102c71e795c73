"""Spans and targets read from the genre (issue 17): the dash items a paragraph on several
years leads, a paragraph or sentence that opens on a year's end, a year's average over a
review of several years, and last year's outturn quoted in a plan section.

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at

from extractor import parse

REVIEW = (
    "一、“十四五”时期和2025年工作回顾\n"
    "“十四五”时期是全市发展极不平凡的五年，我们完成了主要目标任务。\n"
    "——经济实力跃升。地区生产总值达到6200亿元，累计新开工项目超过3000个，"
    "改造老旧小区1800个，高新技术企业增至3500家。\n"
    "——民生持续改善。城镇新增就业每年超过9万人，森林覆盖率提高到42%。\n"
    "2025年，全市经济稳中有进，地区生产总值增长5%，新增就业9.5万人。\n"
)


def _spans(text: str) -> dict[str, str]:
    return {c.text: c.span for c in parse(text).claims}


def test_dash_items_led_by_a_paragraph_on_several_years_review_those_years():
    spans = _spans(REVIEW)
    # flows over the five years: totals, works done, a yearly average
    assert spans["3000个"] == spans["1800个"] == spans["9万人"] == "multi-year"
    # levels reached at their end stay the period's
    assert spans["6200亿元"] == spans["3500家"] == spans["42%"] == "period"
    # the year after them is that year's
    assert spans["5%"] == spans["9.5万人"] == "period"


def test_dash_items_led_by_a_paragraph_on_one_year_are_that_years():
    text = REVIEW.replace("“十四五”时期是全市发展极不平凡的五年", "2025年是全市发展极不平凡的一年")
    spans = _spans(text)
    assert spans["1800个"] == spans["9万人"] == "period"


def test_a_dash_item_that_opens_on_its_own_year_is_that_years():
    text = REVIEW.replace("——民生持续改善。", "——2025年，民生持续改善。")
    assert _spans(text)["9万人"] == "period"


def test_a_sentence_opening_on_a_years_end_is_that_years_in_a_review_of_five():
    text = (
        "一、过去五年工作回顾\n"
        "居民消费结构升级。2012年底，城镇人均住房面积32.9平方米。\n"
        "清理法规。对2000年底以前发布的756件行政法规进行清理，废止71件。\n"
    )
    spans = _spans(text)
    assert spans["32.9平方米"] == "period"  # the level at that year's end
    # a deadline (年底以前) opens no year: the clean-up is the five years'
    assert spans["756件"] == spans["71件"] == "multi-year"


def test_an_average_shared_out_with_respectively_covers_the_years():
    text = "一、过去十年工作回顾\n高技术制造业、装备制造业增加值年均分别增长10.6%、7.9%。\n"
    assert set(_spans(text).values()) == {"multi-year"}


def test_last_years_outturn_quoted_in_a_plan_is_no_target():
    text = (
        "二、今年的主要任务\n"
        "关于物价。去年居民消费价格涨幅回落到2.6%，这是重要成果。"
        "把居民消费价格涨幅控制在3.5%左右。中央财政教育支出由去年的1076亿元增加到1562亿元。\n"
    )
    targets = {c.text: c.is_target for c in parse(text).claims}
    assert targets["2.6%"] is False  # where it fell to last year
    assert targets["3.5%"] is True
    assert targets["1562亿元"] is True  # the level aimed at, from last year's baseline


# --- real reports (../shared) --------------------------------------------------------------


def test_a_provincial_review_of_the_plan_period_in_dash_items(real_parsed):
    text, report = real_parsed("hubei/2026.txt")
    for anchor, figure, span in [
        ("累计新开工亿元以上项目超过3万个", "3", "multi-year"),
        ("改造老旧小区1.84万个", "1.84", "multi-year"),
        ("城镇新增就业每年超过90万人", "90", "multi-year"),
        ("国考城市PM_2.5浓度下降18.3%", "18.3", "multi-year"),
        ("地区生产总值迈上6万亿元台阶，达到62661亿元", "62661", "period"),
        ("高等教育毛入学率提高到73.4%", "73.4", "period"),
        ("地区生产总值增长5.5%", "5.5", "period"),  # 2025, after the dash items
    ]:
        assert claim_at(text, report, anchor, figure).span == span, anchor


def test_a_state_council_review_and_plan_of_a_new_term(real_parsed):
    text, report = real_parsed("state-council/2013.txt")
    assert claim_at(text, report, "人均住房面积32.9平方米", "32.9").span == "period"
    assert claim_at(text, report, "比2007年增加15.5辆", "15.5").span == "multi-year"
    assert not claim_at(text, report, "去年居民消费价格涨幅回落到2.6%", "2.6").is_target
    assert claim_at(text, report, "把居民消费价格涨幅控制在3.5%左右", "3.5").is_target


@pytest.mark.parametrize(
    ("text", "figure", "target"),
    [
        ("全年经济增长目标定为6%。", "6%", True),
        ("国民经济和社会发展计划规定，工业总产值增长百分之八。", "百分之八", True),
        ("今年安排中央预算内投资5000亿元。", "5000亿元", True),
        ("年底前完成改造老旧小区200个。", "200个", True),
        ("三年行动计划实施以来，累计完成投资100亿元。", "100亿元", False),
        ("二〇二三年底前已建成学校5所。", "5所", False),
    ],
)
def test_target_phrasings_of_the_genre_and_its_eras(text, figure, target):
    (claim,) = [c for c in parse(text).claims if c.text == figure]
    assert claim.is_target is target


def test_in_a_plan_the_outturn_quoted_before_its_target_is_a_result():
    text = (
        "二、2024年工作安排\n"
        "去年完成投资80亿元，今年计划投资100亿元。"
        "2023年完成投资80亿元，2024年力争完成投资120亿元。"
        "地区生产总值增长5%左右，力争更好结果。\n"
    )
    targets = [(c.text, c.is_target) for c in parse(text).claims]
    assert targets == [
        ("80亿元", False), ("100亿元", True), ("80亿元", False), ("120亿元", True), ("5%", True),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value_text", "unit", "value"),
    [
        ("新建住宅三亿五千万平方米。", "三亿五千", "万平方米", 3.5e8),
        ("原油由八千七百万吨增加到一亿零四百万吨。", "一亿零四百", "万吨", 1.04e8),
        ("工业总产值为七百一十九亿六千万元。", "七百一十九亿六千", "万元", 7.196e10),
        ("职工一千三百五十二万人。", "一千三百五十二", "万人", 1.352e7),
    ],
)
def test_a_chinese_numerals_last_scale_belongs_to_the_unit(text, value_text, unit, value):
    """As 2万余口 is 2 and 万口: the scale after a higher one too (三亿五千|万平方米); the value
    is still the whole number."""
    claim = parse(text).claims[-1]
    assert (claim.value_text, claim.unit) == (value_text, unit)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "base_unit", "value"),
    [
        ("上网电价降低0.3元/千瓦时。", "元/千瓦时", "元/千瓦时", 0.3),
        ("每千人口医疗床位增至5.2张/千人。", "张/千人", "张/千人", 5.2),
        ("亩均税收达到1.2万元/亩。", "万元/亩", "元/亩", 1.2e4),
        ("补贴标准提高到130元/人·月。", "元/人·月", "元/人·月", 130.0),
        ("建成充电桩2万根。", "万根", "根", 2e4),
        ("年均增长5%/年。", "%", "%", 5.0),  # a rate keeps its unit: its period is its context's
    ],
)
def test_compound_and_counted_units(text, unit, base_unit, value):
    (claim,) = parse(text).claims
    assert (claim.unit, claim.base_unit) == (unit, base_unit)
    assert claim.value == pytest.approx(value)
