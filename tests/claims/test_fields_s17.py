"""Spans, targets and counts of the genre, session 17 (issue 17): classes the tuning reports of
several eras got wrong, each fixed by how the genre states it, not by one report's wording.

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

# fmt: off
TURNS = [
    # a part whose title reviews, then plans, reviews until a paragraph opens on the time its
    # plan half names: the figures before that turn are results, those after it targets
    ("二、“十四五”时期发展成就和“十五五”时期主要目标任务\n这五年，城镇新增就业累计120万人，"
     "人均预期寿命从2020年的82.4岁提升至83.9岁。\n“十五五”时期是关键时期。力争到2030年，"
     "地区生产总值达到4万亿元。\n", {"120万人": False, "83.9岁": False, "4万亿元": True}),
    ("一、2022年工作总结和2023年工作计划\n全年完成投资30亿元。\n2023年，计划完成投资35亿元。\n",
     {"30亿元": False, "35亿元": True}),
    ("一、国民经济的成就和今后的建设任务\n农业总产值增长百分之五十以上。\n明年发展国民经济的主要任务是"
     "农业总产值比今年增长百分之五左右。\n", {"百分之五十": False, "百分之五": True}),
    # a part that never turns stays a plan; a title naming its progress last is no such part
    ("一、2022年工作总结和2023年工作计划\n全年完成投资30亿元，新建学校3所。\n",
     {"30亿元": True}),
    ("一、重点项目建设安排及进展情况\n计划完成投资35亿元。\n明年再投资10亿元。\n",
     {"35亿元": True}),
]
# fmt: on


@pytest.mark.parametrize(("text", "targets"), TURNS)
def test_a_part_that_reviews_then_plans_turns_where_its_plan_half_opens(text, targets):
    claims = claims_by_text(text)
    assert {figure: claims[figure].is_target for figure in targets} == targets


# --- real reports (../shared) -----------------------------------------------------------------
def test_the_review_half_of_a_five_year_part_reports_results(real_parsed):
    # beijing 2026 and the State Council's 2021 report give one part to the 十四五's results
    # and the 十五五's (十四五's) aims; Zhou Enlai's 1964 summary one to the results and the tasks
    text, report = real_parsed("beijing/2026.txt")
    assert not claim_at(text, report, "减轻税费负担超4900亿元", "4900").is_target
    assert not claim_at(text, report, "从2020年的82.4岁提升至83.9岁", "83.9").is_target
    text, report = real_parsed("state-council/1964.txt")
    assert not claim_at(text, report, "共计十四亿零六百万新卢布", "十四亿零六百").is_target
    assert claim_at(text, report, "农业总产值比一九六四年增长百分之五左右", "百分之五").is_target
    text, report = real_parsed("state-council/2021.txt")
    assert claim_at(text, report, "城镇调查失业率控制在5.5%以内", "5.5").is_target
