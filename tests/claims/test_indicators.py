"""Canonical indicators (extractor/claims/indicators.py, patterns/indicators.toml)."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from extractor.claims.claims import find_claims
from extractor.claims.indicators import (
    Indicator,
    IndicatorTable,
    canonical_indicator,
    indicator_table,
    parse_indicators,
)
from extractor.errors import RuleError
from extractor.rules.loader import load_rules

TABLE = indicator_table()


def _examples():
    for ind in TABLE.indicators:
        for i, text in enumerate(ind.examples):
            yield pytest.param(text, ind.name, id=f"{ind.name}-{i}")


def _counterexamples():
    for ind in TABLE.indicators:
        for i, text in enumerate(ind.counterexamples):
            yield pytest.param(text, ind.name, id=f"{ind.name}-{i}")


@pytest.mark.parametrize(("phrase", "name"), list(_examples()))
def test_every_example_maps_to_its_indicator(phrase, name):
    assert TABLE.canonical(phrase) == name


@pytest.mark.parametrize(("phrase", "name"), list(_counterexamples()))
def test_no_counterexample_maps_to_its_indicator(phrase, name):
    assert TABLE.canonical(phrase) != name


def test_the_table_holds_at_least_sixty_indicators_each_with_an_example():
    assert len(TABLE.names) >= 60
    assert len(set(TABLE.names)) == len(TABLE.names)
    assert all(ind.examples for ind in TABLE.indicators)


# fmt: off
CASES = [
    # phrase as a claim carries it                 canonical
    ("国内生产总值",                                 "国内生产总值"),
    ("全省地区生产总值",                             "国内生产总值"),
    ("GDP",                                          "国内生产总值"),
    ("ｇｄｐ",                                        "国内生产总值"),   # full width, lower case
    ("生产总值",                                     "国内生产总值"),
    ("经济增长预期目标",                             "国内生产总值"),
    ("人均地区生产总值",                             "人均国内生产总值"),  # longer alias wins
    ("单位地区生产总值能耗",                         "单位国内生产总值能耗"),
    ("城镇新增就业",                                 "城镇新增就业"),
    ("新增城镇就业",                                 "城镇新增就业"),
    ("居民消费价格涨幅",                             "居民消费价格"),
    ("粮食总产量",                                   "粮食产量"),
    ("地方一般公共预算收入",                         "一般公共预算收入"),
    ("外贸进出口总额",                               "进出口总额"),
    ("出口",                                         "出口总额"),
    ("研发投入强度",                                 "研发经费投入强度"),
    ("制造业增加值占地区生产总值比重",               ""),   # a share: its numerator is not listed
    ("占国内生产总值比重在",                         ""),   # a share with no numerator
    ("检疫卡口",                                     ""),
    ("",                                             ""),
]
#: Phrases from the State Council series that went wrong on the way.
BUGS_CAUGHT = [
    ("中央提出今年经 济增长预期目标",                "国内生产总值"),   # a space inside the word
    ("国债余额占国内生产总值比重",                   "国债"),           # was GDP: the share's numerator counts
    ("研究与试验发展经费支出占国内生产总值比重",     "研发经费投入强度"),
    ("单位国内生产总值能耗和二氧化碳排放",           "单位国内生产总值能耗"),
    ("科技进步对经济增长的贡献率",                   "科技进步贡献率"),  # not GDP: longest alias
    ("广义货币Ｍ２增长目标",                         "广义货币"),
    ("“三公”经费",                                   "一般性支出"),     # quote marks removed
    ("新增规上工业企业",                             "规模以上工业企业"),  # a count, not 工业增加值
]
# fmt: on


@pytest.mark.parametrize(("phrase", "expected"), CASES + BUGS_CAUGHT)
def test_phrase_maps_to_canonical_indicator(phrase, expected):
    assert canonical_indicator(phrase) == expected


def test_match_reports_the_alias_and_where_it_is():
    found = TABLE.match("全市实现地区生产总值")
    assert found is not None
    key = TABLE.key("全市实现地区生产总值")
    assert (found.name, found.alias) == ("国内生产总值", "地区生产总值")
    assert key[found.start : found.end] == found.alias


def test_longest_alias_wins_and_on_a_tie_the_rightmost():
    table = IndicatorTable(
        [
            Indicator("甲", "", ("产值",)),
            Indicator("乙", "", ("产量",)),
            Indicator("丙", "", ("工业产值",)),
        ]
    )
    assert table.canonical("工业产值") == "丙"
    assert table.canonical("产值和产量") == "乙"


def test_an_alias_claimed_by_two_indicators_is_an_error():
    with pytest.raises(RuleError, match="already an alias"):
        IndicatorTable([Indicator("甲", "", ("产值",)), Indicator("乙", "", ("产值",))])


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"name": "甲", "alias": ["x"]}], "unknown keys"),
        ([{"name": "甲"}, {"name": "甲"}], "listed twice"),
        ([{"aliases": ["x"]}], "has no name"),
        ([{"name": "甲", "aliases": "x"}], "list of non-empty strings"),
    ],
)
def test_bad_indicator_tables_are_errors_naming_the_file(entries, message):
    with pytest.raises(RuleError, match=message) as info:
        parse_indicators(entries)
    assert "indicators.toml" in str(info.value)


def test_a_user_pattern_directory_brings_its_own_indicators(tmp_path):
    shutil.copy(ROOT / "patterns" / "indicators.toml", tmp_path / "indicators.toml")
    with (tmp_path / "indicators.toml").open("a", encoding="utf-8") as f:
        f.write('\n[[indicator]]\nname = "检疫卡口"\ngroup = "health"\naliases = ["卡口"]\n')
    rules = load_rules(tmp_path)
    assert canonical_indicator("设置检疫卡口", rules=rules) == "检疫卡口"
    assert canonical_indicator("设置检疫卡口") == ""


# fmt: off
CLAIM_NORMS = [
    # a level of output is the indicator itself; its rate of growth is 经济增长 (SPEC §2)
    ("全市实现地区生产总值1.2万亿元。", [("1.2", "国内生产总值")]),
    ("国内生产总值增长6.9%。", [("6.9", "经济增长")]),
    ("国民生产总值比上年增长百分之十三。", [("百分之十三", "经济增长")]),
    ("经济增长速度为7.5%左右。", [("7.5", "经济增长")]),
    # a share names its numerator; an indicator of no growth name keeps its own
    ("国债余额占国内生产总值比重为20%。", [("20", "国债")]),
    # a relation counts what comes before it, unless an alias holds it whole
    ("消费对经济增长的贡献率达到66.4%。", [("66.4", "")]),
    ("服务业在国内生产总值中的比重上升到50.5%。", [("50.5", "")]),
    ("科技进步对经济增长的贡献率达到60%。", [("60", "科技进步贡献率")]),
    # a contribution to growth is no growth (the State Council's 2016 and 2024 reports)
    ("国内生产总值增长6.7%，对全球经济增长的贡献率超过30%。",
     [("6.7", "经济增长"), ("30", "对世界经济增长贡献率")]),
    ("居民消费价格涨幅3%左右。", [("3", "居民消费价格")]),
    ("设置检疫卡口12个。", [("12", "")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CLAIM_NORMS)
def test_each_claim_carries_its_canonical_indicator(text, expected):
    got = [(c.value_text, c.indicator_norm) for c in find_claims(text)]
    assert got == expected
