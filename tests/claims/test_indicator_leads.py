"""Where an indicator starts (issue 17, SPEC §2 "Claim"): the words that open a clause but
name nothing (connectives, a time span, the base of a comparison, a list item's number) stay
out of it, and a noun that opens with a change character (增加值, 增值税, 增设…) stays whole.

Short sentences written for these tests, then the same forms in real reports (skipped where
``../shared`` is absent)."""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON

from extractor.analysis.evaluate import read_text
from extractor.analysis.meaning import holding
from extractor.claims.claims import find_claims
from extractor.pipeline import parse


def _indicators(text: str) -> dict[str, str]:
    """Each claim's value_text → its indicator (spans checked)."""
    out = {}
    for c in find_claims(text):
        assert text[c.start : c.end] == c.text
        out[c.value_text] = c.indicator
    return out


# (sentence, figure, the indicator its claim must have)
# fmt: off
LEADS = [
    # a single change character opens a noun, not a verb before its object
    ("规模以上工业企业达7.6万家、增加值增长3%。", "3", "增加值"),
    ("全年增值税留抵退税超过2.4万亿元。", "2.4", "增值税留抵退税"),
    ("增设电动汽车充电桩3.2万个。", "3.2", "增设电动汽车充电桩"),
    ("减税降费2.36万亿元。", "2.36", "减税降费"),
    # ... while a verb of two characters still goes (its object is what is measured)
    ("降低企业物流成本65亿元。", "65", "企业物流成本"),
    # a task list's item number of three digits
    ("责任单位：市科技局。149.力争高新技术企业突破4500家。", "4500", "高新技术企业"),
    # connectives
    ("但是工业总产值仍然比上年增加了百分之三十三。", "百分之三十三", "工业总产值"),
    ("因此财政收入增长8%。", "8", "财政收入"),
    # the base of a comparison with a year, at the start
    ("比1954年的铺轨里数增长了47%。", "47", "铺轨里数"),
    ("比一九五二年医院病床增长百分之三十四。", "百分之三十四", "医院病床"),
    # a span of years that opens the clause
    ("两年中新建铁路铺轨1400公里。", "1400", "新建铁路铺轨"),
    ("今后五年国家财政新增义务教育经费2182亿元。", "2182", "国家财政新增义务教育经费"),
    ("本年收入增长9.29%。", "9.29", "收入"),
    # the agency a department works with is no part of what it did
    ("配合市人大及其常委会出台地方性法规20件。", "20", "出台地方性法规"),
    ("协同省能源局完成日节煤2万吨。", "2", "日节煤"),
    # an aside that says how the quantity is counted closes nothing of its name
    ("化肥（按有效成份计算）由524万吨增加到869万吨。", "869", "化肥"),
    ("中央预算收入（扣除地方上解的部分）为236亿元。", "236", "中央预算收入"),
    # 和 opening a name (和平) is no conjunction
    ("和平区常住人口增长5%。", "5", "和平区常住人口"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "indicator"), LEADS, ids=[t for t, _, _ in LEADS])
def test_an_indicator_starts_where_its_noun_does(text, figure, indicator):
    assert _indicators(text)[figure] == indicator


# fmt: off
KEPT = [
    # a span of years before 中央 is not 五年中: 中央财政 stays whole
    ("五年中央财政用于科技的投入达到3406亿元。", "3406", "中央财政用于科技的投入"),
    # 五年计划, 九年义务教育 are names, not spans
    ("九年义务教育巩固率达到96%。", "96", "九年义务教育巩固率"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "indicator"), KEPT, ids=[t for t, _, _ in KEPT])
def test_words_that_only_look_like_a_lead_are_kept(text, figure, indicator):
    assert _indicators(text)[figure].endswith(indicator)


def test_a_bare_movement_measures_the_topic_before_it():
    got = _indicators("组建城市合作银行的大中城市，由35个增加到100个。")
    assert got["100"] == "组建城市合作银行的大中城市"


# (sentence, figure, indicator): a preposition right before a count leaves the actor out
# fmt: off
FRAMED = [
    ("这几年，国家先后在58个城市进行了试点。", "58", "城市"),
    ("公司第一时间为177万户受灾群众提供了应急供电。", "177", "受灾群众"),
    ("党政纪主要负责人对10个部门（单位）进行约谈。", "10", "部门（单位）"),
]
# fmt: on


@pytest.mark.parametrize(("text", "figure", "indicator"), FRAMED, ids=[t for t, _, _ in FRAMED])
def test_a_count_after_a_preposition_names_what_follows(text, figure, indicator):
    assert _indicators(text)[figure] == indicator


def test_a_level_held_or_a_verb_is_no_preposition():
    got = _indicators("单位地区生产总值生产安全事故死亡率控制在0.6人/百亿元以下。")
    assert got["0.6"].startswith("单位地区生产总值")
    assert "应对" in _indicators("全省有效应对22轮强降水。")["22"]


def test_a_contracted_pair_is_shared_out_by_respectively():
    got = _indicators("银行机构本外币存贷款余额分别达38.7万亿元、29.9万亿元。")
    assert got == {"38.7": "银行机构本外币存款余额", "29.9": "银行机构本外币贷款余额"}


# The same forms in real reports of other layouts and eras: (report, anchor, figure, what the
# indicator must be)
# fmt: off
REAL_LEADS = [
    ("guangdong/2026.txt", "7.6万家、增加值增长3%", "3", "增加值"),
    ("state-council/2023.txt", "全年增值税留抵退税超过2.4万亿元", "2.4", "增值税留抵退税"),
    ("liaoning/2026.txt", "减船转产990艘", "990", "减船转产"),
    ("chongqing-gwr-tasks/2021.txt", "149.力争高新技术企业突破4500家", "4500", "高新技术企业"),
    ("state-council/1956.txt", "比１９５４年的铺轨里数增长了４７％", "４７", "铺轨里数"),
]
# fmt: on


@pytest.mark.parametrize(
    ("source", "anchor", "figure", "indicator"), REAL_LEADS, ids=[a for _, a, _, _ in REAL_LEADS]
)
def test_real_reports_open_their_indicators_where_the_noun_does(source, anchor, figure, indicator):
    path = SHARED / "real" / source
    if not path.is_file():
        pytest.skip(SHARED_REASON)
    text = read_text(path)
    report = parse(text, doc_id=source, path=str(path))
    start = text.index(figure, text.index(anchor))
    claim = holding(report.claims, start, start + len(figure))
    assert claim is not None and claim.indicator == indicator
