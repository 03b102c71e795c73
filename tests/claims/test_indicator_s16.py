"""What a figure measures where its own clause names it only by pointing elsewhere (issue 17,
SPEC §2 "Claim"): a frame of condition (在…的基础上) names nothing, so the subject before it is
the indicator when nothing follows the frame; a demonstrative (这个比重, 這一比重) points back to
the quantity the sentence before named, and that name is the indicator; the noun a count opens
its clause with ends where its predicate begins (35个重点项目竣工投产 → 重点项目); and funds are
named without the act of arranging them (中央和地方财政安排扶贫资金 → 中央和地方财政扶贫资金).

Short sentences written for these tests, then the same forms in real reports of several eras
(skipped where ``../shared`` is absent)."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

# (sentence, figure, the indicator its claim must have)
# fmt: off
FRAMED = [
    # the subject before the frame, in the clause before the figure's
    ("粮食总产量在上年大幅度增长的基础上，又增产100万吨，达到5000万吨。", "100", "粮食总产量"),
    ("粮食总产量在上年大幅度增长的基础上，又增产100万吨，达到5000万吨。", "5000", "粮食总产量"),
    # ... or in the figure's own clause
    ("今后五年，经济增长预期目标是在提高质量和效益的基础上年均增长7%。", "7", "经济增长预期目标"),
    # what follows the frame names the figure where anything does
    ("在保持总需求与总供给基本平衡的基础上，国民生产总值增长6%。", "6", "国民生产总值"),
    ("我们要求各地区在计划定额的基础上节约煤和电3%。", "3", "节约煤和电"),
]
POINTED = [
    # 这个比重 after the sentence that named it, for every figure of its clauses
    ("在基本建设投资总额中，提高了住宅和城市建设等方面的投资比重。这个比重，1978年为17.4%，"
     "1979年达到27%。", "17.4", "住宅和城市建设等方面的投资比重"),
    ("在基本建设投资总额中，提高了住宅和城市建设等方面的投资比重。这个比重，1978年为17.4%，"
     "1979年达到27%。", "27", "住宅和城市建设等方面的投资比重"),
    ("第一是现代工业的产值在工农业总产值中的比重迅速上升。在一九四九年，这个比重大约是百分之十七。",
     "百分之十七", "现代工业的产值在工农业总产值中的比重"),
    # nothing before names it: the words stay as written
    ("这个比重为17%。", "17", "这个比重"),
    # a demonstrative of a thing, not of a measure, points to no quantity
    ("新建的热电站工程开工。这个工程积压资金144万元。", "144", "这个工程积压资金"),
]
PREDICATED = [
    # a predicate of results after the noun a count opens its clause with is no part of it
    ("全年35个重点项目竣工投产。", "35", "重点项目"),
    ("为380个老旧小区引入物业服务。", "380", "老旧小区"),
    ("完成28项，有3项工作推迟。", "3", "工作"),
    ("1所职业院校升格本科。", "1", "职业院校"),
    # ... nor the adverbs that open that predicate
    ("今年有17个项目已经完工投入生产。", "17", "项目"),
]
FUNDS = [
    # the act of arranging funds, past or planned, between who pays and the funds
    ("中央和地方财政安排扶贫资金162亿元。", "162", "中央和地方财政扶贫资金"),
    ("县财政安排应急转贷资金300万元。", "300", "县财政应急转贷资金"),
    # arranging jobs arranges no funds
    ("今年在城镇安排600万人就业。", "600", "在城镇安排就业"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "indicator"), FRAMED + POINTED + PREDICATED + FUNDS)
def test_a_frame_or_a_demonstrative_leaves_the_quantity_its_name(text, figure, indicator):
    claim = next(c for c in claims_by_text(text).values() if c.value_text == figure)
    assert text[claim.start : claim.end] == claim.text
    assert claim.indicator == indicator


# The same forms in real reports: (report, anchor, figure, what the indicator must be)
# fmt: off
REAL = [
    ("state-council/2006.txt", "又增产1454万吨", "1454", "粮食总产量"),
    ("state-council/2006.txt", "达到48401万吨", "48401", "粮食总产量"),
    ("state-council/2011.txt", "基础上年均增长7%", "7", "经济增长预期目标"),
    ("state-council/1980.txt", "这个比重，1978年为17.4％", "17.4",
     "职工住宅、科学文教卫生和城市建设等方面的投资比重"),
    ("state-council/1980.txt", "1980年将达到29％", "29",
     "职工住宅、科学文教卫生和城市建设等方面的投资比重"),
    ("state-council/1954.txt", "這個比重大約是百分之十七", "百分之十七",
     "現代工業的産值在工農業總産值中的比重"),
    ("state-council/1954.txt", "增加到百分之七十一左右", "百分之七十一",
     "國營、合作社營和公私合營工業在工業總産值中的比重"),
    ("beijing/2026.txt", "为380个老旧小区引入", "380", "老旧小区"),
    ("pingtan-county/2022.txt", "35个重点项目竣工投产", "35", "重点项目"),
    ("sgcc-hq-duban/2020-10.txt", "有3项工作推迟", "3", "工作"),
    ("fujian/2026.txt", "1所职业院校升格本科", "1", "职业院校"),
    ("state-council/2006.txt", "安排扶贫资金162亿元", "162", "中央和地方财政扶贫资金"),
    ("state-council/2006.txt", "安排优抚事业费74.6亿元", "74.6", "中央财政优抚事业费"),
]
# fmt: on


@pytest.mark.parametrize(
    ("source", "anchor", "figure", "indicator"), REAL, ids=[f"{s}:{f}" for s, _, f, _ in REAL]
)
def test_real_reports_name_what_the_words_before_a_figure_leave(
    real_parsed, source, anchor, figure, indicator
):
    text, report = real_parsed(source)
    assert claim_at(text, report, anchor, figure).indicator == indicator
