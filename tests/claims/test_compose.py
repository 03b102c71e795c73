"""Indicators composed as a reader names them (issue 17): the funds an amount is, named on both
sides of it; the holders a share counts, named by what they do; no plan's verb of arranging
funds inside the name; no aside of the figure before taken for a name."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

from extractor.claims.compose import funds_after
from extractor.claims.words import claim_words


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        # who pays before the amount, the funds after it, cut where the funds' name ends
        ("中央安排30亿元国债资金支持中西部乡镇卫生院建设。", "30亿元", "中央国债资金"),
        ("省财政拨付5000万元专项资金用于灾后重建。", "5000万元", "省财政专项资金"),
        # a plan's verb of arranging inside the name (after 拟, 将, 每年)
        ("从今年起，地方财政每年将安排支出250多亿元。", "250多亿元", "地方财政支出"),
        ("中央财政预算拟安排补助资金1030亿元，比上年增加265亿元。", "1030亿元", "中央财政预算补助资金"),
        ("中央财政预算拟安排补助资金1030亿元，比上年增加265亿元。", "265亿元", "中央财政预算补助资金"),
        # a share of the nouns that do what follows them
        ("累计达到1100座，89.4%的公园实现24小时开放。", "89.4%", "实现24小时开放的公园"),
        ("全市90%以上的行政村达到标准。", "90%", "达到标准的行政村"),
        # the aside after the figure before is that figure's, no name of the next
        ("建设筹措保障性租赁住房7.4万套（间）、累计达到61万套（间）。", "61万套", "建设筹措保障性租赁住房"),
        # funds arranged in the past are named without the act, as those of a plan are
        ("县财政安排应急转贷资金300万元，帮助企业渡过难关。", "300万元", "县财政应急转贷资金"),
        ("中央和地方财政安排扶贫资金162亿元。", "162亿元", "中央和地方财政扶贫资金"),
    ],
)  # fmt: skip
def test_an_indicator_is_composed_as_a_reader_names_it(text, figure, indicator):
    assert claims_by_text(text)[figure].indicator == indicator


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        # no funds named after the amount: the words before it stay
        ("全年投入14.5亿元，重点实施了40个项目。", "14.5亿元", "投入"),
        # arranging jobs is no arranging of funds
        ("今年在城镇安排600万人就业。", "600万人", "在城镇安排就业"),
        # a share whose noun states a change of its own names the noun alone
        ("60%的企业营业收入增长10%。", "60%", "企业营业收入"),
        # a share of a task, nothing after it
        ("区属国企共承担全区75%的项目建设任务，投资项目259个。", "75%", "项目建设任务"),
    ],
)  # fmt: skip
def test_no_composition_where_the_pieces_lack_the_shape(text, figure, indicator):
    assert claims_by_text(text)[figure].indicator == indicator


def test_a_share_takes_no_other_figures_noun_for_what_its_holders_do():
    # 以占全市4%的土地贡献了全市18%的经济总量: what follows holds another figure's noun
    claim = claims_by_text("园区以占全市4%的土地贡献了全市18%的经济总量。")["4%"]
    assert "经济总量" not in claim.indicator and "土地" in claim.indicator


def test_funds_after_needs_a_payer_and_funds():
    words = claim_words()
    assert funds_after("中央安排", "国债资金支持建设", words) == "中央国债资金"
    assert funds_after("安排", "国债资金", words) == ""  # nobody pays
    assert funds_after("中央安排", "建设项目", words) == ""  # no funds named


@pytest.mark.parametrize(
    ("name", "anchor", "figure", "indicator"),
    [
        ("state-council/2006.txt", "中央安排30亿元国债资金", "30", "中央国债资金"),
        ("state-council/2006.txt", "国家财政将每年安排支出1030多亿元", "1030", "国家财政支出"),
        ("shanghai/2026.txt", "89.4%的公园实现", "89.4", "实现24小时开放的公园"),
        ("shanghai/2026.txt", "累计达到61万套", "61", "建设筹措保障性租赁住房"),
    ],
)  # fmt: skip
def test_real_reports_compose_indicators(real_parsed, name, anchor, figure, indicator):
    text, report = real_parsed(name)
    assert claim_at(text, report, anchor, figure).indicator == indicator
