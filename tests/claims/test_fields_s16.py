"""Spans, targets and changes of the genre, session 16 (issue 17): what the tuning reports of
every era got wrong most often across reports.

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

# fmt: off
PLANNED = [
    # the year's planned amount is the plan's figure, a target in a review too (a bureau's
    # summary lists its projects' 总投资, 年度计划投资 and 完成投资 side by side)
    ("一、2022年工作总结\n在建项目19个，总投资30.08亿元，年度计划投资26.78亿元，已完成投资20亿元。\n",
     "26.78亿元", True),
    ("一、2022年工作总结\n在建项目19个，总投资30.08亿元，年度计划投资26.78亿元，已完成投资20亿元。\n",
     "30.08亿元", False),
    ("一、2022年工作总结\n在建项目19个，总投资30.08亿元，年度计划投资26.78亿元，已完成投资20亿元。\n",
     "20亿元", False),
    ("一、2022年工作总结\n全年计划投资3亿元，实际完成投资3.2亿元。\n", "3亿元", True),
    ("一、2022年工作总结\n全年计划投资3亿元，实际完成投资3.2亿元。\n", "3.2亿元", False),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "target"), PLANNED)
def test_a_planned_amount_is_a_target_even_in_a_review(text, figure, target):
    assert claims_by_text(text)[figure].is_target is target


# --- real reports (../shared) -----------------------------------------------------------------
def test_bureau_summaries_give_the_years_planned_investment_as_a_target(real_parsed):
    text, report = real_parsed("pingtan-shsyj/2022-2023plan.txt")
    assert claim_at(text, report, "年度计划投资26.78亿元", "26.78").is_target
    assert not claim_at(text, report, "总投资195.65亿元", "195.65").is_target
    assert not claim_at(text, report, "已完成投资 1.8亿元", "1.8").is_target
    text, report = real_parsed("pingtan-tzcj/2024-2025plan.txt")
    assert claim_at(text, report, "年度计划投资99.8亿元", "99.8").is_target
