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


# --- what a claim's indicator names (SPEC §2 "Claim": the noun phrase a reader would name) --
# fmt: off
CLAIM_INDICATORS = [
    # changes listed after as many levels take the levels' indicators in order, with or
    # without 分别
    ("城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%。",
     [("17175", "城镇居民人均可支配收入"), ("5153", "农村居民人均纯收入"),
      ("9.8", "城镇居民人均可支配收入"), ("8.5", "农村居民人均纯收入")]),
    ("接待游客700万人次，旅游收入63亿元，分别同比增长2.3%、3.3%。",
     [("700", "接待游客"), ("63", "旅游收入"), ("2.3", "接待游客"), ("3.3", "旅游收入")]),
    # …not when the levels outnumber the changes (which two?)
    ("粮食产量5000万吨，棉花产量300万吨，油料产量200万吨，分别增长3%和5%。",
     [("5000", "粮食产量"), ("300", "棉花产量"), ("200", "油料产量"), ("3", "油料产量"),
      ("5", "油料产量")]),
    # a list of ordinals shares its noun out, each with its ordinal; a bare modifier beside
    # the last item's takes the last item's words, even where it is a measure itself (进口)
    ("第一、二、三产业增加值分别增长3.5%、6.2%和5.8%。",
     [("3.5", "第一产业增加值"), ("6.2", "第二产业增加值"), ("5.8", "第三产业增加值")]),
    ("第一、第三产业增加值分别增长3.1%、5.2%。",
     [("3.1", "第一产业增加值"), ("5.2", "第三产业增加值")]),
    ("进口、出口通关时间分别压减67%和92%。", [("67", "进口通关时间"), ("92", "出口通关时间")]),
    ("出口、进口分别增长5%和3%。", [("5", "出口"), ("3", "进口")]),
    # an excess over a plan is the gap of the quantity before it; an aside after a figure
    # names nothing, what follows it may (2.5万套（间）城市危旧房)
    ("经济增加值完成12.5亿元，超预算2.1亿元。", [("12.5", "经济增加值"), ("2.1", "经济增加值")]),
    ("地区生产总值增长6.1%，比全国高0.9个百分点。",
     [("6.1", "地区生产总值"), ("0.9", "地区生产总值")]),
    ("工业总产值预计达到六百二十八亿一千万元（按一九五二年不变价格计算），超过年度计划百分之四点一。",
     [("六百二十八亿一千", "工业总产值"), ("百分之四点一", "工业总产值")]),
    ("建设筹措保障性租赁住房7.4万套（间）。", [("7.4", "建设筹措保障性租赁住房")]),
    ("投资计划执行偏差率控制在±3%以内。", [("3", "投资计划执行偏差率")]),
    # a basis of comparison (按可比价计算, 同口径) is no name: the clause continues the last
    ("地区生产总值完成285亿元，按可比价计算增长7.5%。",
     [("285", "地区生产总值"), ("7.5", "地区生产总值")]),
    ("一般公共预算收入按可比口径增长6%。", [("6", "一般公共预算收入")]),
    # a period (…期间, with its dates in brackets) opening an indicator is a time, no name
    ("预计迎峰度冬期间（11月至次年2月）最大用电负荷4230万千瓦，用电量777亿千瓦时，同比分别"
     "增长6.5%、6.4%。",
     [("4230", "最大用电负荷"), ("777", "用电量"), ("6.5", "最大用电负荷"), ("6.4", "用电量")]),
    # the words after a count stop where a predicate begins (均已完成, 启动)
    ("省对区考核的4个指标均已完成任务。", [("4", "指标")]),
    ("88个城市启动城镇居民基本医疗保险试点。", [("88", "城市")]),
    # a bare stage of a list measures the subject of the figure before it at that stage
    ("今年城镇保障性住房基本建成470万套、新开工630万套。",
     [("470", "城镇保障性住房基本建成"), ("630", "城镇保障性住房新开工")]),
    ("新开工保障性安居工程740万套，基本建成511万套。",
     [("740", "新开工保障性安居工程"), ("511", "基本建成保障性安居工程")]),
    ("基本建成500万套，新开工700万套以上。", [("500", "基本建成"), ("700", "新开工")]),
    # a list 分别 shares out, standing alone as the clause before
    ("城镇居民人均可支配收入和农村居民人均纯收入，分别实际增长58.3%和29.2%。",
     [("58.3", "城镇居民人均可支配收入"), ("29.2", "农村居民人均纯收入")]),
    # levels, then their changes: two lists that 分别 shares out one after the other
    ("农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元，平均每年实际"
     "增长4.7%和5.7%。",
     [("2253", "农村居民人均纯收入"), ("6280", "城镇居民人均可支配收入"),
      ("4.7", "农村居民人均纯收入"), ("5.7", "城镇居民人均可支配收入")]),
    # one-character products of the output lists of older reports: their output (s14-ind)
    ("原煤七亿吨，增长百分之十二点九；钢三千九百万吨，增长百分之五点一；纸520万吨，增加20万吨。",
     [("七", "原煤"), ("百分之十二点九", "原煤"), ("三千九百", "钢产量"), ("百分之五点一", "钢产量"),
      ("520", "纸产量"), ("20", "纸产量")]),
    # the base of a comparison is not what is measured
    ("去年全国财政比年度预算超收7239亿元。", [("7239", "财政超收")]),
    ("实有企业较“十三五”期末增长36.2%。", [("36.2", "实有企业")]),
    ("赤字规模比上年预算减少1500亿元。", [("1500", "赤字规模")]),
    # a clause with 的 before the figure describes the noun after it, which is measured
    ("其中4月份成功发行的9.26亿元点心债创单笔最大规模。", [("9.26", "点心债")]),
    ("对2000年底以前发布的756件行政法规进行全面清理。", [("756", "行政法规")]),
    ("抓好总投资2万亿元的389个省重点项目。", [("2", "抓好总投资"), ("389", "省重点项目")]),
    # a later clause that names nothing continues the known indicator opening its sentence
    ("地区生产总值连跨两个万亿元台阶，年均增长5.7%、高于全国0.3个百分点。",
     [("5.7", "地区生产总值"), ("0.3", "地区生产总值")]),
    ("粮食产量屡创历史新高，去年达到54641万吨，连续7年增产。",
     [("54641", "粮食产量"), ("7", "增产")]),
    # a running total's 累计 and a count of years before a verb of adding are no names
    ("城镇累计新增就业超700万人。", [("700", "城镇新增就业")]),
    ("五年新增电力装机3.5亿千瓦。", [("3.5", "新增电力装机")]),
    # the level a movement reaches measures what its starting value did: the words between
    # are the movement's verb
    ("积累率由一九七八年的百分之三十六点五调整到百分之二十九。", [("百分之二十九", "积累率")]),
    ("市属重点国企由51家整合为33家。", [("33", "市属重点国企")]),
    # a topic whose change the figures state (…却大幅度增加，由…增加到…)
    ("预算外资金却大幅度增加，由一九七八年的三百七十一亿元增加到一九八二年的六百五十亿元。",
     [("", "预算外资金"), ("六百五十", "预算外资金")]),
    # a unit that names what it counts (人口) names the figure, not the noun after its 的
    ("城镇新增就业6600万人以上，13亿多人口的大国实现了比较充分就业。",
     [("6600", "城镇新增就业"), ("13", "人口")]),
    # a figure of a list with a noun of its own names that noun, not the last one's
    ("我国有13亿人口、9亿劳动力资源。", [("13", "人口"), ("9", "劳动力资源")]),
    ("开展玉井等10座水库、排涝防潮等3座水闸安全鉴定。",
     [("10", "水库"), ("3", "水闸安全鉴定")]),
    # a change after a share of a plan is of the quantity before the share; one in points
    # is the share's own
    ("营业收入预计完成1250亿元，为年度预算的101.2%，同比增长8.5%。",
     [("1250", "营业收入"), ("101.2", "年度预算"), ("8.5", "营业收入")]),
    # (a plan fulfilled, 完成年度计划的102%, is the quantity's plan completion rate, as the
    # tuning files write it: state-council 1956, sgcc-quanzhou; session 17 "inherit")
    ("粮食总产量达到3680亿斤，完成年度计划的102%，比上年增长9%。",
     [("3680", "粮食总产量"), ("102", "粮食总产量计划完成率"), ("9", "粮食总产量")]),
    ("研发投入120亿元，占全省的38%，提高2个百分点。",
     [("120", "研发投入"), ("38", "研发投入占全省"), ("2", "研发投入占全省")]),
    # …not the 的 of a time, nor a rate's (a share of what the clause names)
    ("中央财政按教育经费支出占国内生产总值的4%编制预算。",
     [("4", "中央财政按教育经费支出占国内生产总值")]),
]
BUGS_CAUGHT_INDICATORS = [
    # a base before the subject (一九五四年比一九五二年，医院病床…) is left as it stands: the
    # comparison's words are no subject to keep
    ("今年将比改革前减轻企业和个人负担5000多亿元。", [("5000", "比改革前减轻企业和个人负担")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CLAIM_INDICATORS + BUGS_CAUGHT_INDICATORS)
def test_each_claim_names_what_it_measures(text, expected):
    got = [(c.value_text, c.indicator) for c in find_claims(text)]
    assert got == expected
