"""Targets, spans and movements of the genre, session 14 (issue 17, items 1 and 3): a review
of several years that a sentence opens in the middle of a paragraph (reports whose paragraph
breaks are lost), the level of recent years a plan figure keeps, a movement whose level
follows a comma (由…36.5％，降为33.6％), plan figures in a review (计划比上年增长), movements
a modal sets out (要从…降到), parts of a year that are over, and work a plan section
reports done (已…，…进行了).

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

from extractor import parse

ONE_LINE = (
    "一、2021年和过去五年工作回顾\n"
    "2021年是开局之年，全县新建学校5所。五年来，我们奋力拼搏，各项事业取得新成效。"
    "一是坚持创新发展。地区生产总值年均增长7.4%，培育高新技术企业53家，建成64个美丽乡村，"
    "城市建成区绿地率达到40.8%。二是坚持共享发展。累计新增市场主体14.6万户。\n"
    "二、新一届政府努力方向和2022年重点工作\n"
    "各位代表，新一届政府任重道远。我们要坚定信心。今后五年，我们肩负重任。奋斗目标是：地区生产总值年均增长6.5%，"
    "城乡居民人均可支配收入增长6.5-7.5%。2022年是新一届政府开局之年。"
    "主要预期目标是：地区生产总值增长7%以上，新建学校8所。\n"
)


def test_a_sentence_opening_on_several_years_covers_the_flows_that_follow_it():
    claims = claims_by_text(ONE_LINE)
    assert claims["5所"].span == "period"  # before the turn to the five years
    assert claims["53家"].span == claims["64个"].span == "multi-year"
    assert claims["14.6万户"].span == "multi-year"  # 累计 in a review of several years
    assert claims["40.8%"].span == "period"  # a level reached stays the period's


def test_the_aims_of_several_years_are_multi_year_and_a_year_opening_ends_them():
    claims = claims_by_text(ONE_LINE)
    aims = claims["6.5-7.5%"]
    assert (aims.is_target, aims.span) == (True, "multi-year")
    year = claims["7%"]
    assert (year.is_target, year.span) == (True, "period")
    assert claims["8所"].span == "period"


def test_without_a_sentence_opening_on_several_years_the_flows_are_the_years():
    text = ONE_LINE.replace("五年来，我们奋力拼搏", "一年来，我们奋力拼搏")
    assert claims_by_text(text)["53家"].span == "period"


# fmt: off
KEEPS_RECENT_LEVEL = [
    ("二、明年计划\n石油产量10600万吨，保持近两年的水平；发电量3120亿度。\n", "3120亿度", "period"),
    ("二、明年计划\n石油产量10600万吨，相当于过去三年的平均水平；发电量3120亿度。\n", "3120亿度", "period"),
    ("一、过去五年工作回顾\n近两年，新建高速公路1200公里。\n", "1200公里", "multi-year"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "span"), KEEPS_RECENT_LEVEL)
def test_the_level_of_recent_years_a_figure_keeps_is_no_span_of_the_sentence(text, figure, span):
    assert claims_by_text(text)[figure].span == span


# fmt: off
PLAN_PERIODS = [
    ("一、工作回顾\n“九五”期间，新增发电装机8000万千瓦。\n", "8000万千瓦", "multi-year"),
    ("一、工作回顾\n第一个五年计划期间，新建铁路4000公里。\n", "4000公里", "multi-year"),
    ("二、今后工作\n到“十四五”末，森林覆盖率要达到70%。\n", "70%", "multi-year"),
    ("二、今后工作\n2021-2023年，累计投资100亿元。\n", "100亿元", "multi-year"),
    ("一、2020年工作总结\n今年以来，累计完成投资30亿元。\n", "30亿元", "period"),
    ("一、2020年工作总结\n截至目前，累计完成投资30亿元。\n", "30亿元", "to-date"),
    ("一、2020年工作总结\n截至10月底，累计完成投资30亿元。\n", "30亿元", "period"),
    ("一、2020年工作总结\n截至2020年10月底，累计建成农村公路3000公里。\n", "3000公里", "to-date"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "span"), PLAN_PERIODS)
def test_plan_periods_of_every_era_and_the_year_so_far(text, figure, span):
    assert claims_by_text(text)[figure].span == span


# fmt: off
RANGES = [
    ("钢产量3000万吨至3500万吨。", "3000万吨至3500", 3e7, 3.5e7),
    ("钢产量四千万吨到四千二百万吨。", "四千万吨到四千二百", 4e7, 4.2e7),
    ("投资100亿元至120亿元左右。", "100亿元至120", 1e10, 1.2e10),
    ("新建3个到5个园区。", "3个到5", 3.0, 5.0),
]
# fmt: on


@pytest.mark.parametrize(("body", "value_text", "low", "high"), RANGES)
def test_a_range_whose_ends_each_carry_the_unit_is_one_claim(body, value_text, low, high):
    (claim,) = parse("二、2021年工作计划\n" + body + "\n").claims
    assert (claim.value_text, claim.low, claim.high, claim.value) == (value_text, low, high, low)


@pytest.mark.parametrize(
    "body", ["钢产量从3000万吨到3500万吨。", "完成30项，到40项。", "降到5%至3%。"]
)
def test_a_movement_a_clause_mark_or_a_falling_pair_is_no_range(body):
    assert all(c.low is None for c in parse("二、2021年工作计划\n" + body + "\n").claims)


def test_a_movement_whose_level_follows_a_comma_keeps_its_baseline():
    claim = claims_by_text("一、工作回顾\n积累率由1978年的36.5%，降为33.6%。\n")["33.6%"]
    assert (claim.baseline, claim.change) == (36.5, "decrease")


def test_a_movement_whose_level_follows_a_comma_and_its_year_keeps_its_baseline():
    text = "一、工作回顾\n森林覆盖率从2012年的21.4%，提高到2017年的22.3%。\n"
    claim = claims_by_text(text)["22.3%"]
    assert (claim.baseline, claim.change) == (21.4, "increase")


def test_a_comma_before_another_verb_ends_the_movement():
    claims = claims_by_text("一、工作回顾\n由区财政补助50万元，为3家企业解决困难。\n")
    assert claims["3家"].baseline is None


# fmt: off
TARGETS = [
    # a plan figure quoted in a review: the plan states it
    ("一、工作回顾\n全年工业总产值计划比上年增长6%，预计可以超过。\n", "6%", True),
    ("一、工作回顾\n工业总产值比上年增长6%，超过计划。\n", "6%", False),
    # a movement a modal sets out
    ("一、工作回顾\n今年物价涨幅要从14.8%降到10%左右。\n", "10%", True),
    ("一、工作回顾\n物价涨幅从14.8%降到10%。\n", "10%", False),
    # a part of a year over when the review is written
    ("一、1979年工作回顾\n1980年上半年职工住宅施工面积7371万平方米。\n", "7371万平方米", False),
    # work a plan section reports done, and the aim after it
    ("二、2021年工作安排\n已与外方签订协议，对南海41万平方公里海域进行了普查。\n", "41万平方公里", False),
    ("二、2021年工作安排\n已与外方签订协议，今年要新建码头3个。\n", "3个", True),
    # the plans of older reports: 设想, 任务是, 要求到, a year's plan quoted in a review
    ("一、工作回顾\n我们设想，到一九九〇年，工农业总产值比一九八〇年翻一番。\n", "一番", True),
    ("一、工作回顾\n今年的任务是：钢产量达到六千万吨。\n", "六千万吨", True),
    ("一、工作回顾\n要求到一九五七年钢产量达到四百一十二万吨。\n", "四百一十二万吨", True),
    ("一、工作回顾\n今年国民生产总值计划增长百分之八。\n", "百分之八", True),
    ("一、工作回顾\n国民生产总值增长百分之八，完成了计划。\n", "百分之八", False),
    # the plans of the 1950s-1990s: 必须, 准备, 打算, 预定, 计划在…内
    ("一、1955年的工作\n钢产量必须增加到四百一十二万吨。\n", "四百一十二万吨", True),
    ("一、1955年的工作\n我们准备在五年内新建铁路四千公里。\n", "四千公里", True),
    ("一、1955年的工作\n打算在第二个五年计划期间，新增发电量二百亿度。\n", "二百亿度", True),
    ("一、1997年工作\n全社会固定资产投资预定增长百分之十。\n", "百分之十", True),
    ("一、1997年工作\n全社会固定资产投资增长百分之十，超过预定目标。\n", "百分之十", False),
    # events a plan section recounts (先后召开, 先后在…进行了), and those it plans
    ("二、2024年工作安排\n省政府先后召开5次专题会议。\n", "5次", False),
    ("二、2024年工作安排\n要先后召开5次专题会议。\n", "5次", True),
    # a present stock a plan section states before its goal
    ("二、2024年工作安排\n全县现有企业500家，力争新增50家。\n", "500家", False),
    ("二、2024年工作安排\n全县现有企业500家，力争新增50家。\n", "50家", True),
    ("二、2024年工作安排\n我国有14亿人口。\n", "14亿人口", False),
    ("二、2024年工作安排\n当前，要新建学校8所。\n", "8所", True),
    # an estimate of a year before the plan's is its outturn (SPEC: 一九八二年预计…), not a goal
    ("二、一九八三年计划\n一九八二年预计工农业总产值增长百分之八。\n", "百分之八", False),
    ("二、2024年工作计划\n2023年预计完成投资100亿元，2024年计划投资120亿元。\n", "120亿元", True),
    ("二、2024年工作计划\n预计2024年全县地区生产总值增长6%。\n", "6%", True),
    # the goal's value a target noun names right before it, in a review too; not one reached
    ("一、2023年工作总结\n全年目标任务100亿元，已完成85亿元。\n", "100亿元", True),
    ("一、2023年工作总结\n全年目标任务100亿元，已完成85亿元。\n", "85亿元", False),
    ("一、2023年工作总结\n各市公司均完成指标目标值93%。\n", "93%", False),
    # an estimate of the outturn in a review, and a projection in a plan
    ("一、2023年工作总结\n预计今年粮食产量可达6000万吨。\n", "6000万吨", False),
    ("二、2024年工作计划\n竣工面积可达3000万平方米。\n", "3000万平方米", True),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "target"), TARGETS)
def test_targets_of_the_genre(text, figure, target):
    assert claims_by_text(text)[figure].is_target is target


# --- real reports (../shared) -----------------------------------------------------------------
def test_a_one_line_county_report_reviews_five_years_after_its_opening_sentence(real_parsed):
    text, report = real_parsed("pingtan-county/2022.txt")
    for anchor, figure in (("培育国家级和省级高新技术企业53家", "53"), ("建成64个美丽乡村", "64"),
                           ("累计形成118项创新成果", "118")):  # fmt: skip
        assert claim_at(text, report, anchor, figure).span == "multi-year"
    aims = claim_at(text, report, "地区生产总值增速保持在6.5-7.5%", "6.5")
    assert (aims.is_target, aims.span) == (True, "multi-year")
    year = claim_at(text, report, "地区生产总值增长7%以上", "7")
    assert (year.is_target, year.span) == (True, "period")


def test_the_1980_plan_report_reads_its_movements_and_plan_figures(real_parsed):
    text, report = real_parsed("state-council/1980.txt")
    assert claim_at(text, report, "积累率由1978年的36.5％，降为33.6％", "33.6").baseline == 36.5
    assert claim_at(text, report, "发电量3，120亿度", "3，120").span == "period"
    assert claim_at(text, report, "全年工业总产值计划比上年增长6％", "6").is_target
    assert not claim_at(text, report, "职工住宅施工面积7，371万平方米", "7，371").is_target
    assert not claim_at(text, report, "南黄海41万平方公里海域", "41").is_target


def test_horsepower_is_a_unit_of_older_plans():
    (engines, _) = parse("二、明年计划\n内燃机2，000万马力，汽车16万辆。\n").claims
    assert (engines.unit, engines.value, engines.base_unit) == ("万马力", 2e7, "马力")
