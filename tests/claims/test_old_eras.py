"""Older eras' phrasing of spans and targets (issue 17): comparisons with a base year in
reports without dated headings, estimates outside a plan, plans fulfilled and the year under
way reported inside a plan section."""

from __future__ import annotations

from tests.conftest import claim_at, claims_by_text


def test_a_change_against_a_base_year_long_before_is_multi_year_without_dated_headings() -> None:
    got = claims_by_text(
        "一九七四年农业总产值预计比一九六四年增长百分之五十一。"
        "工业总产值一九七四年预计比一九六四年增长一点九倍，钢增长一点二倍。"
    )
    assert got["百分之五十一"].span == "multi-year"
    assert got["一点九倍"].span == "multi-year"
    assert got["一点二倍"].span == "multi-year"  # the sentence's base year governs its list


def test_a_comparison_with_the_year_before_stays_the_period_s() -> None:
    got = claims_by_text("一九五三年工业总产值比一九五二年增加了百分之三十三。")
    assert got["百分之三十三"].span == "period"


def test_a_multiple_of_an_earlier_year_is_multi_year_but_the_level_beside_it_is_not() -> None:
    got = claims_by_text(
        "拿几项产品的一九五四年预计产量来同一九四九年产量比较：电力一百零八亿度，"
        "等于一九四九年的二点五倍；原煤八千一百九十九万吨，等於一九四九年的二點六倍。"
    )
    assert got["二点五倍"].span == "multi-year"
    assert got["二點六倍"].span == "multi-year"  # traditional script
    assert got["一百零八亿度"].span == "period"
    assert got["八千一百九十九万吨"].span == "period"


def test_since_liberation_covers_the_years_since() -> None:
    got = claims_by_text("全国解放以来，尽管我国人口增加百分之六十，但粮食增产一点四倍。")
    assert got["百分之六十"].span == "multi-year"
    assert got["一点四倍"].span == "multi-year"
    record = claims_by_text("粮食产量超过了建国以来的最高水平，比上一年增产二千二百万吨。")
    assert record["二千二百万吨"].span == "period"  # a record since then is no span of years
    founded = claims_by_text("中心成立以来，累计服务群众5万人次。")
    assert founded["5万人次"].span == "to-date"  # a body's founding starts a running total


def test_an_estimate_outside_a_plan_is_no_target_unless_a_goal_follows() -> None:
    got = claims_by_text(
        "一九七四年农业总产值预计比一九六四年增长百分之五十一。"
        "预计今年粮食产量增长5%，力争达到1000万吨。"
    )
    assert not got["百分之五十一"].is_target
    assert not got["5%"].is_target
    assert got["1000万吨"].is_target


PLAN = "二、2021年工作安排\n"


def test_a_plan_fulfilled_is_no_target_word() -> None:
    got = claims_by_text("1955年全国工业总产值计划完成102.6％，粮食总产量计划完成百分之一百零二。")
    assert not got["102.6％"].is_target
    assert not got["百分之一百零二"].is_target
    assert claims_by_text("今年计划完成投资80亿元。")["80亿元"].is_target


def test_the_year_under_way_reported_in_a_plan_section_is_no_target() -> None:
    text = (
        PLAN + "据统计，今年1—5月份全县固定资产投资完成年计划27%，比去年同期增长6.8%。"
        "但是有几项产品没有完成计划：钢材完成96.4%。\n"
        "全年固定资产投资增长10%，新建道路20公里。\n"
    )
    got = claims_by_text(text)
    assert not got["27%"].is_target
    assert not got["6.8%"].is_target
    assert not got["96.4%"].is_target
    assert got["10%"].is_target  # the next paragraph is the plan's own
    assert got["20公里"].is_target


def test_real_1975_report_compares_1974_with_1964(real_parsed) -> None:
    text, report = real_parsed("state-council/1975.txt")
    for anchor, figure in [
        ("预计比一九六四年增长百分之五十一", "五十一"),
        ("化学纤维增长三点三倍", "三点三"),
    ]:
        claim = claim_at(text, report, anchor, figure)
        assert claim.span == "multi-year" and not claim.is_target


def test_a_movement_in_traditional_script_has_its_baseline() -> None:
    got = claims_by_text(
        "生産資料的比重，在一九五四年將由一九四九年的百分之二十八點八上升爲百分之四十二點三。"
        "從一九五〇年到一九五四年，農民所繳納的稅款所佔的比重從百分之二十九點六降低到百分之十三點四。"
    )
    assert got["百分之四十二點三"].baseline == 28.8
    low = got["百分之十三點四"]
    assert (low.baseline, low.change, low.span) == (29.6, "decrease", "period")


def test_a_share_after_a_change_and_its_object_is_that_change() -> None:
    got = claims_by_text("今年要压减一般性支出百分之十，降低煤和电的消耗百分之二到三。")
    assert got["百分之十"].change == "decrease"
    assert got["百分之二到三"].change == "decrease"


def test_older_units_are_read() -> None:
    got = claims_by_text(
        "发电量达到４４５５亿千瓦小时。完成土方１４亿多公方。拖拉机由７７８标准台增加到２，３７７标准台。"
    )
    assert got["４４５５亿千瓦小时"].base_unit == "千瓦时"
    assert got["１４亿多公方"].value == 1.4e9
    tractors = got["２，３７７标准台"]
    assert (tractors.value, tractors.baseline) == (2377, 778)


def test_years_back_and_year_after_year_cover_several_years() -> None:
    got = claims_by_text("贷款平均利率较五年前下降1.5个百分点。粮食产量连年稳定在1.3万亿斤以上。")
    assert got["1.5个百分点"].span == "multi-year"
    assert got["1.3万亿斤"].span == "multi-year"
