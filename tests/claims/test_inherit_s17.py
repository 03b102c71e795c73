"""Indicators a figure's own words do not name, session 17 (issue 17): the genre's rules of
reference that decide what a figure measures when the words before it name only a verb or a
plan (完成年度计划的102%: the plan completion rate of the quantity named before).

Short texts are written here; the real-report checks read ../shared and skip without it."""

from __future__ import annotations

import pytest
from conftest import claim_at, claims_by_text

# fmt: off
FULFILLED = [
    # a percentage right after 完成 is a plan fulfilled: of what its clause names...
    ("一、工作回顾\n全年全县工业总产值完成了原定计划的103%，比上年增长7%。\n",
     {"103%": "工业总产值计划完成率", "7%": "工业总产值"}),
    ("一、工作回顾\n今年1-6月份全县工业总产值计划完成104.5％。\n",
     {"104.5％": "工业总产值计划完成率"}),
    # ...of the quantity its clause follows after a comma, or of the rate before it...
    ("一、工作回顾\n粮食总产量达到120万吨，完成年度计划的102%，比上年增长3%。\n",
     {"120万吨": "粮食总产量", "102%": "粮食总产量计划完成率", "3%": "粮食总产量"}),
    ("一、工作回顾\n9月底完成年度技改计划60%、10月底完成75%。\n",
     {"60%": "年度技改计划完成率", "75%": "年度技改计划完成率"}),
    # ...else of the plan it names, not of another item of its list
    ("一、工作回顾\n新增投产12项工程、累计完成年计划80%。\n", {"80%": "年计划完成率"}),
    # a bare 完成 makes a plan fulfilled only in a sentence that names a plan
    ("一、工作回顾\n有几种产品没有完成计划：生铁完成97%，水泥完成99%。\n",
     {"97%": "生铁计划完成率", "99%": "水泥计划完成率"}),
    ("一、工作回顾\n一号楼主体工程完成85%。\n", {"85%": "一号楼主体工程"}),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), FULFILLED)
def test_a_percentage_after_completing_a_plan_is_its_completion_rate(text, indicators):
    claims = claims_by_text(text)
    assert {figure: claims[figure].indicator for figure in indicators} == indicators


def test_a_fraction_of_a_plan_in_words_is_no_completion_rate():
    # 完成五年计划一半: 一半 is a share in words, the plan it halves is not its indicator
    claims = claims_by_text("一、工作回顾\n三年来投资只完成五年计划一半稍多。\n")
    assert all(not c.indicator.endswith("完成率") for c in claims.values())


# fmt: off
DONE_TO_OBJECT = [
    # a verb done (了) right before a count or an amount has its object after the figure,
    # whatever the clause names before the verb, and whatever figure came before it
    ("新建了5个产业园区，增加了12个开放口岸，形成了开放新格局。", {"12个": "增加开放口岸"}),
    ("税制改革不仅取消了原先80亿元的农业税赋。", {"80亿元": "取消农业税赋"}),
    ("去年省人大常委会审议和通过了6项地方性法规。", {"6项": "通过地方性法规"}),
    ("各乡镇还办了300多所夜校。", {"300多所": "办夜校"}),
    # a rate after it is the verb's change, a bare figure names nothing after
    ("城镇居民收入增长了8%，达到了3万元。", {"8%": "城镇居民收入"}),
    # an adverb and a bare verb before the figure: the verb's object after it too
    ("继续发行800亿元地方政府专项债券，集中用于在建项目。", {"800亿元": "发行地方政府专项债券"}),
    ("去年又解决12万农村人口饮水问题。", {"12万": "解决农村人口饮水问题"}),
    ("新开工项目120个，继续建设的项目86个。", {"86个": "继续建设的项目"}),
    # a verb of completing or reaching names nothing (issue 17: no verbs of completing)
    ("老城改造稳步推进，完成了32万平方米棚户区征收。", {"32万平方米": "棚户区征收"}),
    ("农村公路提档升级，累计完成86个建制村通硬化路。", {"86个": "建制村通硬化路"}),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), DONE_TO_OBJECT)
def test_a_figure_after_a_verb_done_measures_the_object_after_it(text, indicators):
    claims = claims_by_text(text)
    assert {figure: claims[figure].indicator for figure in indicators} == indicators


def test_a_bare_change_continues_a_kind_named_after_its_examples():
    # 主语承前: the clause before is a noun phrase (examples closed by 等, then their kind), the
    # figure's own clause only its change; a clause of its own before names nothing
    claims = claims_by_text("机床、汽车、拖拉机、船舶等主要机械产品，增长百分之四十以上。")
    assert claims["百分之四十"].indicator == "主要机械产品"
    claims = claims_by_text("城乡人居环境持续改善，增长百分之四十以上。")
    assert claims["百分之四十"].indicator != "城乡人居环境持续改善"


def test_a_change_net_of_rising_prices_is_of_the_quantity_before():
    # 扣除物价上涨（上升）因素 only says how the change is reckoned, as 扣除价格因素 does
    claims = claims_by_text("居民消费水平由175元增加到450元，扣除物价上涨因素增长86.9%。")
    assert claims["86.9%"].indicator == "居民消费水平"


# fmt: off
RESPECTIVELY = [
    # 分别 shares out a list whose first items are bare modifiers of the last item's noun,
    # which ends on its measure: each takes the words after a modifier as long
    ("蔬菜、水果抽检合格率分别达98.1%、97.6%。", ["蔬菜抽检合格率", "水果抽检合格率"]),
    ("零售、住宿、餐饮行业营业额分别增长8%、5%、6%。",
     ["零售行业营业额", "住宿行业营业额", "餐饮行业营业额"]),
    # a last item that ends on no measure leaves the list shared
    ("苹果、猕猴桃产量稳定在全国1/4、1/3。", ["苹果、猕猴桃产量稳定在全国"] * 2),
]
# fmt: on


@pytest.mark.parametrize(("text", "indicators"), RESPECTIVELY)
def test_bare_modifiers_shared_out_take_the_last_items_noun(text, indicators):
    from extractor import parse

    assert [c.indicator for c in parse(text).claims] == indicators


# --- real reports (../shared) -----------------------------------------------------------------
def test_plans_fulfilled_in_real_reports(real_parsed):
    # the State Council's 1956 report reckons each plan's fulfilment; a grid company's monthly
    # report its annual plan's
    text, report = real_parsed("state-council/1956.txt")
    fulfilled = {
        ("完成了原定计划的１０１％", "１０１"): "工业总产值计划完成率",
        ("３，６８０亿斤，完成年度计划的１０２％", "１０２"): "粮食总产量计划完成率",
        ("钢完成９６．４％", "９６．４"): "钢计划完成率",
        ("投资总额完成年计划２７％", "２７"): "基本建设投资总额计划完成率",
        ("原定计划的１０１％，比１９５４年增长８％", "８"): "工业总产值",
    }
    got = {key: claim_at(text, report, *key).indicator for key in fulfilled}
    assert got == fulfilled
    text, report = real_parsed("sgcc-quanzhou/2022-10.txt")
    assert claim_at(text, report, "累计完成年计划80%", "80").indicator == "年计划完成率"


def test_objects_after_verbs_done_in_real_reports(real_parsed):
    text, report = real_parsed("state-council/1993.txt")
    assert claim_at(text, report, "增加了３４个开放口岸", "３４").indicator == "增加开放口岸"
    text, report = real_parsed("state-council/2006.txt")
    assert claim_at(text, report, "取消了原先336亿元的农业税赋", "336").indicator == "取消农业税赋"


def test_bare_modifiers_shared_out_in_real_reports(real_parsed):
    text, report = real_parsed("fujian/2026.txt")
    claim = claim_at(text, report, "药品抽检合格率分别达99.62%", "99.62")
    assert claim.indicator == "食品抽检合格率"
    text, report = real_parsed("pingtan-county/2022.txt")
    claim = claim_at(text, report, "分别增长55%、25%", "25")
    assert claim.indicator == "住宿行业销售额"
