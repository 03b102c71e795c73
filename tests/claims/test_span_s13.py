"""Spans, targets and hedges of the genre, session 13 (issue 17): a count its verb after its
noun makes a flow over a review of several years (等5条高铁建成运营), figures a plan section
quotes from the years behind it (五年间, 三年来, 过去二十多年), and a hedge with 有 (约有).

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

FIVE_YEARS = (
    "一、“十四五”时期工作回顾\n"
    "“十四五”时期是全县发展极不平凡的五年，我们完成了主要目标任务。\n"
    "——基础设施完善。建成等3条高速公路，县城至各乡镇6条公路建成通车，"
    "12个重点项目投产达效，高速公路里程达到260公里。\n"
)


def test_a_count_a_completing_verb_follows_is_a_flow_over_the_years():
    claims = claims_by_text(FIVE_YEARS)
    assert claims["6条"].span == claims["12个"].span == "multi-year"  # type: ignore[attr-defined]
    assert claims["260公里"].span == "period"  # type: ignore[attr-defined]  # a level reached


def test_a_count_a_completing_verb_follows_is_the_years_in_a_review_of_one():
    text = FIVE_YEARS.replace("“十四五”时期", "2025年").replace("的五年", "的一年")
    assert claims_by_text(text)["12个"].span == "period"  # type: ignore[attr-defined]


def test_a_verb_after_the_clause_or_a_rate_of_completion_makes_no_flow():
    text = FIVE_YEARS.replace("12个重点项目投产达效", "重点项目12个，建成率90%")
    assert claims_by_text(text)["12个"].span == "period"  # type: ignore[attr-defined]


COMBINED = (
    "一、“十四五”时期和2025年工作回顾\n"
    "“十四五”时期是全市发展极不平凡的五年。\n"
    "（一）经济实力显著增强。新开工重大项目1200个，改造老旧小区900个，高新技术企业增至3500家。\n"
    "（二）民生福祉持续增进。城镇新增就业45万人。\n"
    "各位代表，刚刚过去的2025年，全市经济稳中有进。新开工重大项目260个，城镇新增就业9万人。\n"
)


def test_a_title_naming_the_years_before_the_year_reviews_the_years_first():
    claims = claims_by_text(COMBINED)
    # the parts before the paragraph that turns to the year review the five years
    assert claims["1200个"].span == claims["900个"].span == "multi-year"  # type: ignore[attr-defined]
    assert claims["45万人"].span == "multi-year"  # type: ignore[attr-defined]
    assert claims["3500家"].span == "period"  # type: ignore[attr-defined]  # a level reached
    # the paragraph that turns to the year, and its later sentences, are the year's
    assert claims["260个"].span == claims["9万人"].span == "period"  # type: ignore[attr-defined]


def test_a_title_naming_the_year_first_keeps_its_figures_the_years():
    text = COMBINED.replace("“十四五”时期和2025年工作回顾", "2025年和“十四五”时期工作回顾")
    assert claims_by_text(text)["900个"].span == "period"  # type: ignore[attr-defined]


def test_a_paragraph_on_another_year_does_not_end_the_years_part():
    text = COMBINED.replace("（二）", "2022年，面对疫情冲击，我们稳住了经济大盘。\n（二）")
    claims = claims_by_text(text)
    assert claims["45万人"].span == "multi-year"  # type: ignore[attr-defined]


PLAN = (
    "二、“十二五”时期的主要目标\n"
    "今后五年，经济年均增长7%。五年间，进出口总额增长两倍，实际利用外资累计2700亿美元。"
    "三年来，中央财政投入100亿元。过去二十多年，城镇人口增加了3亿人。\n"
)


@pytest.mark.parametrize(
    ("figure", "target"),
    [("7%", True), ("两倍", False), ("2700亿美元", False), ("100亿元", False), ("3亿人", False)],
)
def test_a_plan_section_quotes_the_years_behind_it_as_results(figure, target):
    assert claims_by_text(PLAN)[figure].is_target is target  # type: ignore[attr-defined]


def test_the_years_ahead_of_a_plan_are_no_past():
    text = PLAN.replace("五年间，", "今后的五年间，")
    assert claims_by_text(text)["2700亿美元"].is_target is True  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "figure", "approx"),
    [
        ("去年价格上涨的翘尾影响约有1个百分点。", "1个百分点", "约"),
        ("食品价格上涨的因素大约有3个百分点。", "3个百分点", "大约"),
        ("签约有10个项目。", "10个", ""),
    ],
)
def test_a_hedge_may_end_with_you(text, figure, approx):
    assert claims_by_text(text)[figure].approx == approx  # type: ignore[attr-defined]


# --- real reports (../shared) --------------------------------------------------------------


def test_a_provincial_review_counts_what_was_completed_over_five_years(real_parsed):
    text, report = real_parsed("hubei/2026.txt")
    assert claim_at(text, report, "等5条高铁建成运营", "5").span == "multi-year"
    assert claim_at(text, report, "等1.1万个重大产业项目投产达效", "1.1").span == "multi-year"


def test_a_state_council_plan_quotes_the_five_years_behind_it(real_parsed):
    text, report = real_parsed("state-council/2006.txt")
    assert not claim_at(text, report, "五年间，进出口贸易总额增长两倍", "两").is_target
    assert claim_at(text, report, "今后五年国内生产总值年均增长7.5%", "7.5").is_target


def test_a_provincial_review_titled_with_the_years_and_the_year(real_parsed):
    text, report = real_parsed("jiangsu/2026.txt")
    assert claim_at(text, report, "开工改造城镇老旧小区6470个", "6470").span == "multi-year"
    assert claim_at(text, report, "城镇新增就业141万人", "141").span == "period"  # 2025


def test_a_state_council_hedge_with_you(real_parsed):
    text, report = real_parsed("state-council/2013.txt")
    assert claim_at(text, report, "翘尾影响约有1个百分点", "1").approx == "约"


@pytest.mark.parametrize(
    ("text", "figure", "target"),
    [
        ("全国医院和疗养院病床将增设6万张。", "6万张", True),
        ("今年将新建农村寄宿制学校50所。", "50所", True),
        ("科学研究机构将由44个发展到60个。", "60个", True),
        ("去年新建农村寄宿制学校50所。", "50所", False),
    ],
)
def test_a_modal_before_building_or_growing_makes_a_target(text, figure, target):
    assert claims_by_text(text)[figure].is_target is target  # type: ignore[attr-defined]
