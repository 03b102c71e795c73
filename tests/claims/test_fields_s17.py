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


# fmt: off
STREAKS = [
    # a streak (连续…) of occasions, or of months or days longer than a year, runs over several
    # years, as one of years does; a streak within a year stays the year's
    ("一、2025年工作回顾\n安全生产考核连续3次获评优秀。\n", "3次", "multi-year"),
    ("一、2025年工作回顾\n工业增加值增速连续30个月居全国前10位。\n", "30个月", "multi-year"),
    ("一、2025年工作回顾\n截至12月14日，公司实现连续安全生产7082天。\n", "7082天", "multi-year"),
    ("一、2025年工作回顾\n连续8年快于城镇居民。\n", "8年", "multi-year"),
    ("一、2025年工作回顾\n工业投资连续6个月保持两位数增长。\n", "6个月", "period"),
    ("一、2025年工作回顾\n全年举办招聘会3次。\n", "3次", "period"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "span"), STREAKS)
def test_a_streak_beyond_a_year_covers_several_years(text, figure, span):
    assert claims_by_text(text)[figure].span == span


# fmt: off
OCCASIONS = [
    # a small count of occasions counts them where a change it counts follows or a verb of
    # holding them stands before; 二次 (secondary) and a count inside a name do not
    ("一、2023年工作回顾\n货币政策精准有力，两次降低存款准备金率、两次下调政策利率。\n", "两次", 2.0),
    ("一、2007年工作回顾\n三次上调金融机构存款准备金率。\n", "三次", 3.0),
    ("二、工作计划\n围绕四个行业举办两次有影响力的专业展会。\n", "两次", 2.0),
    ("一、工作总结\n现已与协优科技进行过两次合作。\n", "两次", 2.0),
    ("一、工作总结\n对不合格农产品及时进行二次抽样复检。\n", "二次", None),
    ("一、工作总结\n抓住两个重点，两次会议精神得到贯彻。\n", "两次", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "value"), OCCASIONS)
def test_a_small_count_of_occasions_is_a_count_where_it_counts_them(text, figure, value):
    claim = claims_by_text(text).get(figure)
    assert (claim.value if claim else None) == value


# fmt: off
COUNT_CHANGES = [
    # a clause that opens on a verb of changing how many there are, its object between, makes
    # its count that change; a verb inside another verb's object, or before a 的, does not
    ("一、1996年工作回顾\n基本普及九年义务教育，当年减少青壮年文盲400万人。\n", "400万人", "decrease"),
    ("一、工作总结\n14个项目已全部完工，增加就餐位置6500个，全面提升服务水平。\n", "6500个", "increase"),
    ("一、工作总结\n出台提高低保标准等10项政策。\n", "10项", ""),
    ("一、工作总结\n增加的项目有3个。\n", "3个", ""),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "change"), COUNT_CHANGES)
def test_a_count_a_change_verb_opens_the_clause_of_is_that_change(text, figure, change):
    assert claims_by_text(text)[figure].change == change


# fmt: off
DEGREES = [
    # the older reports state a change with no figure by its degree (有了较大增长, 有较多的
    # 增加): a claim of the quantity before it; one denied (难以有较大的增长) is none
    ("一、1982年工作回顾\n积累率有所下降，消费基金有了较大增长。\n", "消费基金", "increase"),
    ("一、2002年工作回顾\n居民拥有的股票、债券等其他金融资产也有较多增加。\n", "居民拥有的股票、债券等其他金融资产", "increase"),
    ("一、1998年工作回顾\n国内消费需求一时也难以有较大的增长。\n", "国内消费需求", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicator", "change"), DEGREES)
def test_a_change_stated_by_its_degree_is_a_claim(text, indicator, change):
    from extractor import parse

    got = {c.indicator: c.change for c in parse(text).claims if c.value is None}
    assert got.get(indicator) == change


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


def test_streaks_of_occasions_months_and_days_are_multi_year(real_parsed):
    text, report = real_parsed("fujian/2026.txt")
    assert claim_at(text, report, "消防工作考核连续3次获评优秀", "3").span == "multi-year"
    text, report = real_parsed("gansu/2026.txt")
    assert claim_at(text, report, "增速连续30个月居全国前10位", "30").span == "multi-year"
    text, report = real_parsed("sgcc-yulin/2021.txt")
    assert claim_at(text, report, "连续安全生产7082天", "7082").span == "multi-year"


def test_counts_of_rate_changes_are_claims(real_parsed):
    text, report = real_parsed("state-council/2024.txt")
    claim = claim_at(text, report, "两次下调政策利率", "两")
    assert (claim.value, claim.unit, claim.span) == (2.0, "次", "period")


# fmt: off
OCCASION_NAMES = [
    # the change after a count of occasions is what it counts, whatever the clause before
    # names (the second count's clause follows the first's object)
    ("今年以来，三次下调住房公积金贷款利率、两次提高城乡低保标准。", "三次", "下调住房公积金贷款利率"),
    ("今年以来，三次下调住房公积金贷款利率、两次提高城乡低保标准。", "两次", "提高城乡低保标准"),
    ("2020年以来先后4次降低企业社保缴费比例。", "4次", "降低企业社保缴费比例"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "indicator"), OCCASION_NAMES)
def test_a_count_of_occasions_names_the_change_it_counts(text, figure, indicator):
    assert claims_by_text(text)[figure].indicator == indicator


def test_counts_of_rate_changes_name_the_rate_changed(real_parsed):
    text, report = real_parsed("state-council/2009.txt")
    assert claim_at(text, report, "三次提高出口退税率", "三").indicator == "提高出口退税率"
    text, report = real_parsed("state-council/2024.txt")
    assert claim_at(text, report, "两次下调政策利率", "两").indicator == "下调政策利率"


def test_counts_of_illiterates_cut_are_decreases(real_parsed):
    text, report = real_parsed("state-council/1997.txt")
    assert claim_at(text, report, "当年减少青壮年文盲４００万人", "４００").change == "decrease"
    assert claim_at(text, report, "全年再减少青壮年文盲４００万人", "４００").change == "decrease"


def test_changes_stated_by_their_degree_are_claims(real_parsed):
    text, report = real_parsed("state-council/1983.txt")
    assert claim_at(text, report, "消费基金有了较大增长", "增长").change == "increase"
    text, report = real_parsed("state-council/2003.txt")
    assert claim_at(text, report, "金融资产也有较多增加", "增加").change == "increase"


def test_a_movement_whose_verb_takes_le_before_its_year_reaches_its_level(real_parsed):
    # 从一九五五年的A，增加到了一九五九年的B: 到了 stands between the verb and the year
    text, report = real_parsed("state-council/1960.txt")
    claim = claim_at(text, report, "增加到了一九五九年的五千四百零一亿斤", "五千四百零一")
    assert claim.change == "increase"
    assert claim.baseline == pytest.approx(174800000.0)
