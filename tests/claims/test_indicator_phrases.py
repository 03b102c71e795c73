"""Indicators as noun phrases of the genre (issue 17, SPEC §2 "Claim"), session 14: which
phrase of the sentence a figure measures, not only how its words are trimmed.

- an amount tied by 的 to the noun after it (投资500万元的供水管网改造) measures that noun's
  bare measure (…改造投资), a noun that ends at a list's 等 or where a stage begins;
- a comparison base or a rank alone before a figure (较“十二五”末的700亿元, 、稳居全国前十强、
  增长4.8%) names nothing: the quantity before it in its sentence; nor does a predicate
  after an amount whose measure stands before it (投资4.5亿元实施…);
- the items that 分别 shares out may stand in the clause before, as the subject of its change
  (A、B和C再次增加，每万人分别增加…), and figures side by side share out a list as after
  分别 (A和B参保率保持在90%和98%以上);
- a modal 计划 before its verb (全年计划投资3亿元) is no part of the name;
- a one-character product with a weight (钢突破7000万吨) names its output (钢产量).

Short sentences written for these tests."""

from __future__ import annotations

import pytest
from test_indicator_leads import _indicators

from extractor.claims.claims import find_claims

# (sentence, figure, the indicator its claim must have)
# fmt: off
CASES = [
    # an amount's 的 ties it to the noun after: that noun's bare measure
    ("投资500万元的城区供水管网改造全面完成。", "500", "城区供水管网改造投资"),
    ("总投资12亿元的污水处理厂投入运行。", "12", "污水处理厂总投资"),
    ("投资2.4亿元的县医院门诊楼基本建成。", "2.4", "县医院门诊楼投资"),
    ("计划投资3亿元的物流园区一期工程开工。", "3", "物流园区一期工程投资"),
    # a modal 计划 before its verb is no part of the name
    ("全年计划投资3亿元，用于园区道路建设。", "3", "投资"),
    # the noun after ends at the 等 that closes a list of examples
    ("投资500万元的城区供水管网改造、300万元的背街小巷改造等工程全面完成。", "300",
     "背街小巷改造"),
    # a threshold's 的 qualifies the noun after it, the figure is no amount of it
    ("投资10亿元以上的重大项目19个。", "10", "投资"),
    ("营业收入超过100亿元的企业由3家增加到5家。", "100", "营业收入"),
    # not a target noun, not a rate, not a measure of its own before the figure
    ("投资500亿元的目标全面完成。", "500", "投资"),
    ("固定资产投资500亿元的目标全面完成。", "500", "固定资产投资"),
    ("完成投资80%的年度目标。", "80", "投资"),
    # a comparison base alone names nothing: the quantity before it in the sentence
    ("全县生产总值达到800亿元，较“十二五”末的700亿元增加100亿元，增长14%。", "700", "生产总值"),
    ("全县生产总值达到800亿元，较“十二五”末的700亿元增加100亿元，增长14%。", "100", "生产总值"),
    # so does a rank between a quantity's figures
    ("全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%。", "4.8", "地区生产总值"),
    # after an amount with its measure before it, a predicate names nothing
    ("投资4.5亿元实施学校改造。", "4.5", "投资"),
    # the plan reports of the 1950s: a modal 计划 before reaching, a topic that names a wage,
    # a level reached by 发展到, a span of years with 内
    ("粮食总产量，一九五七年计划达到三千六百三十二亿斤，比一九五二年增长百分之十七点六。",
     "三千六百三十二", "粮食总产量"),
    ("一九五七年全国职工的平均工资，将比一九五二年提高百分之三十三左右。", "百分之三十三",
     "职工的平均工资"),
    ("全国农业生产合作社将发展到一百万个左右。", "一百", "农业生产合作社"),
    ("这五年内新建的住宅面积为四千六百万平方米。", "四千六百", "新建的住宅面积"),
    # a cut of an investment keeps its change (资 ends an object, as 费 does)
    ("核减财政投资概算六千余万元。", "六千", "财政投资概算"),
    # a figure that names nothing shares the noun after the next one, a joiner between them
    ("加快棚户区改造步伐，年内完成3800户、58万平方米棚户区改造。", "3800", "棚户区改造"),
    # a percentage its 的 ties to things is their share (SPEC: 50%的县), whatever acts before
    ("4家区属国企共承担全区75%的项目建设任务。", "75", "项目建设任务"),
    ("城镇化率达到60%的水平。", "60", "城镇化率"),
    # an amount its 的 ties to a measure, where the words before it name none: that measure
    ("带动社会资金形成3000亿元的投资。", "3000", "投资"),
    ("拉动500亿元的消费。", "500", "消费"),
    ("撬动社会资本投入200亿元的资金。", "200", "撬动社会资本投入"),
    # a percentage its 的 ties to a rate is that rate's value; not a level nor a goal
    ("将交通运输业、建筑业等行业现行10%的税率降至9%。", "9", "交通运输业、建筑业等行业税率"),
    ("调查失业率稳定在5%左右的较低水平。", "5", "调查失业率"),
    # totals inside a name fall away after a quoted name too
    ("中央财政“三农”累计支出4.47万亿元。", "4.47", "中央财政“三农”支出"),
    # 分别 shares out the subjects of the clause before
    ("医疗机构床位、养老机构床位和托育机构托位再次增加，每万人分别增加12张、8张和3个。", "12",
     "医疗机构床位"),
    ("医疗机构床位、养老机构床位和托育机构托位再次增加，每万人分别增加12张、8张和3个。", "3",
     "托育机构托位"),
    # figures side by side, nothing but a joiner between them, share out a list as 分别 does
    ("确保养老保险和医疗保险参保率保持在90%和98%以上。", "90", "养老保险参保率"),
    ("确保养老保险和医疗保险参保率保持在90%和98%以上。", "98", "医疗保险参保率"),
    # a one-character product with a weight is its output (older reports' output lists);
    # with a rate of saving it names the product only
    ("原煤达到10.9亿吨，石油达到1.39亿吨，钢突破7000万吨。", "7000", "钢产量"),
    ("钢三千九百万吨，增长百分之五点一。", "百分之五点一", "钢产量"),
    ("节约油百分之五到十。", "百分之五到十", "节约油"),
    # not a joined modifier (进出口): it names one quantity, both figures are its
    ("进出口总额接连突破8万亿元、9万亿元。", "8", "进出口总额"),
    ("进出口总额接连突破8万亿元、9万亿元。", "9", "进出口总额"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "figure", "indicator"), CASES, ids=[f"{t}:{f}" for t, f, _ in CASES]
)
def test_an_indicator_is_the_phrase_its_figure_measures(text, figure, indicator):
    assert _indicators(text)[figure] == indicator


def test_a_clause_before_without_a_change_lends_no_items():
    # the clause before states no change of its subjects: they are no list 分别 shares out
    text = "医疗机构、养老机构和托育机构运行平稳，床位分别增加12张、8张和3张。"
    assert set(_indicators(text).values()) == {"床位"}


def test_a_cut_of_an_investment_keeps_its_change():
    # 资 ends a measure (平均工资) and, as 费 does, the object of a cut
    (claim,) = find_claims("核减财政投资概算六千余万元。")
    assert (claim.indicator, claim.change) == ("财政投资概算", "decrease")
