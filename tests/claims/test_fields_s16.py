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


# fmt: off
LEVELS = [
    # a level held in a review of several years is held over them all (SPEC: a level held
    # over the years is theirs); in a year's review it is the year's
    ("一、过去五年工作回顾\n五年来，民生财政支出占比保持在75%以上，外汇储备稳定在3万亿美元以上。\n",
     "75%", "multi-year"),
    ("一、过去五年工作回顾\n五年来，民生财政支出占比保持在75%以上，外汇储备稳定在3万亿美元以上。\n",
     "3万亿美元", "multi-year"),
    ("一、过去五年工作回顾\n五年来，民生财政支出占比达到75%。\n", "75%", "period"),
    ("一、2025年工作回顾\n城镇新增就业12万人，调查失业率稳定在5%左右。\n", "5%", "period"),


    # a count of what reached a state (实现) in a run of items on five years: a flow over them
    ("一、过去五年工作回顾\n五年来成绩显著。\n——民生改善。300项政务事项实现跨省通办，"
     "城镇化率达到76%。\n", "300项", "multi-year"),
    ("一、过去五年工作回顾\n五年来成绩显著。\n——民生改善。300项政务事项实现跨省通办，"
     "城镇化率达到76%。\n", "76%", "period"),


    # every figure of a list after a verb of reaching is a level reached, not the first alone
    ("一、过去五年工作回顾\n五年来，覆盖率、治理率分别提高到88%、83.6%、87.5%。\n", "87.5%", "period"),
    ("一、过去五年工作回顾\n五年来，总部、研发中心分别从771家、481家增加到1076家、636家。\n",
     "636家", "period"),
    ("一、过去五年工作回顾\n五年来，新建学校12所、医院3所。\n", "3所", "multi-year"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "span"), LEVELS)
def test_levels_held_reached_or_counted_over_several_years(text, figure, span):
    assert claims_by_text(text)[figure].span == span


# fmt: off
AS_OF = [
    # a total in a sentence dated as of a day is a running total to it; a stock or a level
    # there is the day's, and the end of a month is a monthly report's year so far
    ("一、2022年工作总结\n截止12月7日共摸排重点人员1458人。\n", "1458人", "to-date"),
    ("一、2024年工作情况\n提供担保，截至目前，在保余额14.28亿元，总计撬动企业融资32.81亿元。\n",
     "32.81亿元", "to-date"),
    ("一、2024年工作情况\n提供担保，截至目前，在保余额14.28亿元，总计撬动企业融资32.81亿元。\n",
     "14.28亿元", "period"),
    ("一、2024年工作情况\n截至目前，区属国企共有基层党组织16个。\n", "16个", "period"),
    ("一、2021年工作总结\n截至10月底，共完成投资30亿元。\n", "30亿元", "period"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "span"), AS_OF)
def test_a_total_as_of_a_day_runs_to_it(text, figure, span):
    assert claims_by_text(text)[figure].span == span


def _run_of_items(broken: bool) -> str:
    """A five-year review whose lead paragraph opens on the years, then eight dash items with
    an empty line between each (a web copy), the seventh broken inside a sentence."""
    items = [f"——第{n}方面成效明显。新建学校{n}所。" for n in "一二三四五六"]
    opening = "——开放持续深化。营商环境明显改善，共建“一带一路”扎实推进。推动"
    items.append(
        f"{opening}\n区域全面经济伙伴关系协定\n生效实施。"
        if broken
        else f"{opening}区域全面经济伙伴关系协定生效实施。"
    )
    items.append("——生态环境明显改善。单位国内生产总值能耗下降8.1%。")
    return (
        "一、过去一年和五年工作回顾\n过去一年，新建学校9所。\n\n过去五年极不平凡。我们取得重大成就。\n\n"
        + "\n\n".join(items)
        + "\n"
    )


@pytest.mark.parametrize("broken", [False, True])
def test_a_long_run_of_items_with_empty_lines_between_reviews_the_years(broken):
    # the run's lead is found past the empty lines and the broken line (the 2023 report)
    claims = claims_by_text(_run_of_items(broken))
    assert claims["8.1%"].span == "multi-year"
    assert claims["9所"].span == "period"


# --- real reports (../shared) -----------------------------------------------------------------
def test_bureau_summaries_give_the_years_planned_investment_as_a_target(real_parsed):
    text, report = real_parsed("pingtan-shsyj/2022-2023plan.txt")
    assert claim_at(text, report, "年度计划投资26.78亿元", "26.78").is_target
    assert not claim_at(text, report, "总投资195.65亿元", "195.65").is_target
    assert not claim_at(text, report, "已完成投资 1.8亿元", "1.8").is_target
    text, report = real_parsed("pingtan-tzcj/2024-2025plan.txt")
    assert claim_at(text, report, "年度计划投资99.8亿元", "99.8").is_target


def test_levels_held_in_five_year_reviews_are_multi_year(real_parsed):
    text, report = real_parsed("hubei/2026.txt")
    assert claim_at(text, report, "民生财政支出占比保持在75%以上", "75").span == "multi-year"
    text, report = real_parsed("jiangxi/2026.txt")
    assert claim_at(text, report, "比重保持在55%左右", "55").span == "multi-year"
    text, report = real_parsed("state-council/2023.txt")
    assert claim_at(text, report, "外汇储备稳定在3万亿美元以上", "3").span == "multi-year"
    assert claim_at(text, report, "财政赤字率控制在2.8%", "2.8").span == "period"  # 2022's


def test_what_reached_a_state_over_five_years_counts_them(real_parsed):
    text, report = real_parsed("state-council/2023.txt")
    assert claim_at(text, report, "近1亿农村贫困人口实现脱贫", "1").span == "multi-year"
    assert claim_at(text, report, "960多万贫困人口实现易地搬迁", "960").span == "multi-year"


def test_a_population_named_in_a_review_of_several_years_is_a_level(real_parsed):
    # the country's size quoted in a five-year review (我国有十亿多人口, 13亿多人口的大国) is
    # the population at the time, no flow over the years
    text, report = real_parsed("state-council/1986.txt")
    assert claim_at(text, report, "我国有十亿多人口", "十").span == "period"
    text, report = real_parsed("state-council/2018.txt")
    assert claim_at(text, report, "13亿多人口的大国", "13").span == "period"
    assert claim_at(text, report, "城镇新增就业6600万人以上", "6600").span == "multi-year"


def test_the_later_items_of_a_five_year_run_review_the_years(real_parsed):
    text, report = real_parsed("state-council/2023.txt")
    assert claim_at(text, report, "单位国内生产总值能耗下降8.1%", "8.1").span == "multi-year"
    assert claim_at(text, report, "参保人数增加1.4亿", "1.4").span == "multi-year"


def test_bureau_totals_as_of_a_day_are_to_date(real_parsed):
    text, report = real_parsed("pingtan-tzcj/2024-2025plan.txt")
    assert claim_at(text, report, "总计撬动企业融资32.81亿元", "32.81").span == "to-date"
    assert claim_at(text, report, "在保余额14.28亿元", "14.28").span == "period"
    text, report = real_parsed("pingtan-jinjing/2022-2023plan.txt")
    assert claim_at(text, report, "境外返岚人员和重点人员1458人", "1458").span == "to-date"


def test_the_parts_of_an_older_plan_period_cover_its_years(real_parsed):
    # “七五”时期的基本任务 titles a part on the five years, as “十四五”时期 does
    text, report = real_parsed("state-council/1986.txt")
    total = claim_at(text, report, "投资总额五年为八千九百六十亿元", "八千九百六十")
    assert (total.span, total.is_target) == ("multi-year", True)
    share = claim_at(text, report, "争取有百分之四十左右的主要工业产品", "百分之四十")
    assert (share.span, share.is_target) == ("multi-year", True)


def test_the_debts_of_an_older_report_are_read_in_their_currency(real_parsed):
    text, report = real_parsed("state-council/1964.txt")
    debt = claim_at(text, report, "偿还了十三亿八千九百万新卢布", "十三亿八千九百")
    assert (debt.unit, debt.base_unit, debt.value) == ("万新卢布", "新卢布", 1.389e9)
    rest = claim_at(text, report, "剩下的尾数一千七百万新卢布", "一千七百")
    assert (rest.unit, rest.value) == ("万新卢布", 1.7e7)
