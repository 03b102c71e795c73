"""Indicators read from the genre (session 19): the subject of a clause before a bare change
(主语承前) whose own predicate ran on after its change word, a rate noun after a figure's 的,
connectives of concession and condition before a subject, and words that hold a joiner.

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

from conftest import claim_at, real_report

from extractor import parse


def _indicator(text: str, anchor: str, figure: str) -> str:
    return str(claim_at(text, parse(text), anchor, figure).indicator)


def test_a_bare_change_takes_the_subject_of_the_clause_before_not_its_predicate():
    text = "下半年全市工业投资增长明显加快，全年增长12.5%，民间投资增长8%。"
    assert (
        _indicator(text, "全年增长12.5%", "12.5%") == "工业投资"
    )  # 全市 is a scope, no part of the name
    text = "今年以来出口增势良好，前三季度增长9.2%。"
    assert _indicator(text, "前三季度增长9.2%", "9.2%") == "出口"


def test_a_clause_that_gives_a_reason_names_no_subject():
    text = "由于库存的减少，比上年增长了5%。"
    assert "库存" not in _indicator(text, "增长了5%", "5%")


def test_a_rate_noun_after_the_figures_de_is_what_it_measures():
    text = "今年经济增长预期为6%左右。实现6%左右的增长速度并不容易。"
    assert _indicator(text, "实现6%左右的增长速度", "6%") == "增长速度"


def test_a_connective_of_concession_or_condition_is_no_part_of_the_indicator():
    text = "尽管全县人口增加了12%，但耕地没有减少。"
    assert _indicator(text, "人口增加了12%", "12%") == "人口"
    text = "地区生产总值增长6.1%，虽然略低于6.5%的预期目标，但好于全省。"
    assert _indicator(text, "略低于6.5%", "6.5%") == "预期目标"


def test_a_verb_that_holds_a_joiners_character_is_not_cut_there():
    text = "今年要使全市90%以上的乡镇普及学前教育。"
    assert _indicator(text, "90%以上", "90%") == "普及学前教育的乡镇"
    text = "全年有5000家企业参与培训。"
    assert _indicator(text, "5000家企业", "5000家") == "企业"


def test_only_and_in_all_before_a_change_are_no_part_of_the_indicator():
    text = "粮食产量合计只增长了2%，棉花产量总共只增加了3万吨。"
    assert _indicator(text, "合计只增长了2%", "2%") == "粮食产量"
    assert _indicator(text, "总共只增加了3万吨", "3万吨") == "棉花产量"


def test_an_issue_of_bonds_is_named_by_its_verb_and_bonds_not_by_who_issues():
    text = "省政府增发200亿元地方政府债券，重点用于基础设施。"
    assert _indicator(text, "增发200亿元", "200亿元") == "增发地方政府债券"
    # a bare verb names the issue as before; funds arranged keep who pays (session 16)
    text = "今年发行300亿元长期建设国债，中央安排30亿元国债资金。"
    assert _indicator(text, "发行300亿元", "300亿元") == "发行长期建设国债"
    assert _indicator(text, "安排30亿元", "30亿元") == "中央国债资金"


PLAN = "二、2024年工作安排\n今年要继续实施积极的财政政策。去年全市发行300亿元债券"


def _targets(rest: str, past: tuple[str, str], ahead: tuple[str, str]) -> tuple[bool, bool]:
    """Whether the figure ``past`` and the figure ``ahead`` (anchor, figure) of a plan section
    whose second sentence opens on last year and goes on with ``rest`` are targets."""
    text = PLAN + rest
    report = parse(text)
    return claim_at(text, report, *past).is_target, claim_at(text, report, *ahead).is_target


def test_a_plan_sections_sentence_dated_last_year_reports_the_past_after_a_plan_compared():
    rest = "，但全年支出还比年初计划少了近50亿元。今年拟安排支出800亿元。\n"
    got = _targets(rest, ("少了近50亿元", "50亿元"), ("拟安排支出800亿元", "800亿元"))
    assert got == (False, True)


def test_a_part_after_the_semicolon_of_a_sentence_opened_on_last_year_reports_the_past():
    rest = "；物价总水平比上年下降1.2%。去年收入增长5%；今年要使收入增长6%。\n"
    got = _targets(rest, ("比上年下降1.2%", "1.2%"), ("今年要使收入增长6%", "6%"))
    assert got == (False, True)


def test_a_decimal_count_of_years_opens_no_years_of_change():
    text = (
        "一、过去五年工作回顾\n"
        "五年来，人民生活水平不断提高。平均受教育年限从10.5年提高到11年。"
        "五年增加教育投入489亿元。\n"
    )
    report = parse(text)
    # 10.5年提高 is no "five years' increase": the level reached by a movement is the period's
    assert claim_at(text, report, "提高到11年", "11年").span == "period"
    assert claim_at(text, report, "五年增加教育投入489亿元", "489亿元").span == "multi-year"


def test_the_state_councils_1999_review_and_targets():
    text = real_report("state-council/1999.txt")
    report = parse(text)

    def ind(anchor: str, figure: str) -> str:
        return str(claim_at(text, report, anchor, figure).indicator)

    # 下半年国有单位固定资产投资增长显著加快，全年增长19·5％
    assert ind("全年增长19·5％", "19·5％") == "国有单位固定资产投资"
    assert ind("国务院增发1000亿元财政债券", "1000亿元") == "增发财政债券"
    # 去年财政增发…，但全年货币发行还比年初计划少了近500亿元: last year's outturn, no target
    assert claim_at(text, report, "比年初计划少了近500亿元", "500亿元").is_target is False
    assert ind("实现7％左右的增长速度", "7％") == "增长速度"
    assert ind("略低于8％的预定目标", "8％") == "预定目标"
    assert ind("使全国80％以上的人口地区普及", "80％") == "普及九年义务教育的人口地区"
    # 农村居民人均纯收入，考虑价格下降因素，比上年实际增长4·3％: the price factor is no subject
    assert ind("比上年实际增长4·3％", "4·3％") == "农村居民人均纯收入"
