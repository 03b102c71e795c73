"""Indicators inside lists and comparisons (issue 17, SPEC §2 "Claim"): a list of examples
closed by 等 before the name of their kind, things side by side that 分别 shares out, a
distributive 各 or a 包括 around the name, a noun's short aside after a figure, a gap to
the average that measures the quantity before it, and the frames and decisions that open a
sentence but name nothing.

Short sentences written for these tests, then the same forms in real reports of other eras
and layouts (skipped where ``../shared`` is absent)."""

from __future__ import annotations

import pytest
from test_indicator_leads import _indicators
from test_issue_examples import _claim as real_claim

# (sentence, figure, the indicator its claim must have)
# fmt: off
CASES = [
    # examples closed by 等 before the name of their kind: the kind
    ("电子信息、生物医药等战略性新兴产业产值增长12%。", "12", "战略性新兴产业产值"),
    ("新开发书法、摄影等老年教育课程80门。", "80", "老年教育课程"),
    # a gap to the average measures the quantity before it in the sentence
    ("民间投资增长2.7%，高出全国平均水平1.5个百分点。", "1.5", "民间投资"),
    ("农民收入增长6%，超出全省平均0.4个百分点。", "0.4", "农民收入"),
    # an adverb of the change is no part of the name
    ("出口逆势增长4%。", "4", "出口"),
    # 包括 opens a list, 各 shares one figure out: neither names anything
    ("其中包括年产水泥和玻璃各200万吨的两个项目。", "200", "年产水泥和玻璃"),
    ("其中包括村办工业产值增长百分之九。", "百分之九", "村办工业产值"),
    # things side by side that 分别 shares out, with no measure noun to lend: each its own
    ("水泥和化肥分别达到3亿吨和2000万吨。", "3", "水泥"),
    ("水泥和化肥分别达到3亿吨和2000万吨。", "2000", "化肥"),
    ("刑事、治安案件分别下降6%、3%。", "6", "刑事"),
    # a short aside of the noun after a figure closes with it
    ("全省已有60%的县（市、区）实现义务教育优质均衡。", "60", "实现义务教育优质均衡的县（市、区）"),
    # a frame (在…基础上) and a decision (国家决定, 我们要求) open no name
    ("我们要求各地区在今年计划定额的基础上节约煤和电百分之三。", "百分之三", "节约煤和电"),
    ("中央决定将扶贫资金增加到200亿元。", "200", "扶贫资金"),
    # 完成 before a rate names it (完成率), no verb of completing
    ("全年计划完成率达到95%。", "95", "计划完成率"),
    # forms that only look like the ones above: a bare kind needs its examples
    ("增加社会保障、医疗卫生等支出300亿元。", "300", "社会保障、医疗卫生等支出"),
    # 高等 is no list's end
    ("中、高等职业教育在校生达到2000万人。", "2000", "中、高等职业教育在校生"),
    # modifiers that share the last item's measure still borrow it
    ("城镇、农村居民人均可支配收入分别增长4.3%、5.7%。", "4.3", "城镇居民人均可支配收入"),
    # a bare modifier before the last item's takes the words after it, where the last item
    # ends on its measure (session 17 "inherit": the tuning files share such lists out,
    # state-council 2011 小麦最低收购价, 水稻最低收购价; this case stayed shared before)
    ("小麦、稻谷最低收购价分别提高7元和16元。", "16", "稻谷最低收购价"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "figure", "indicator"), CASES, ids=[f"{t}:{f}" for t, f, _ in CASES]
)
def test_an_indicator_in_a_list_names_what_its_figure_measures(text, figure, indicator):
    assert _indicators(text)[figure] == indicator


def test_examples_that_respectively_shares_out_keep_their_items():
    got = _indicators("其中电动汽车、锂电池、太阳能电池等“新三样”出口分别增长40%、50%、1%。")
    assert got == {"40": "电动汽车出口", "50": "锂电池等“新三样”出口",
                   "1": "太阳能电池等“新三样”出口"}  # fmt: skip


# The same forms in real reports: (report, anchor, figure, what the indicator must be)
# fmt: off
REAL = [
    ("jiangxi/2026.txt", "高出全国平均水平9.1个百分点", "9.1", "民间投资"),
    ("state-council/1992.txt", "分别达到２．４８亿吨", "２．４８", "水泥"),
    ("state-council/1992.txt", "２．４８亿吨和１９８８万吨", "１９８８", "化肥"),
    ("state-council/1992.txt", "年炼铁和炼钢各３００万吨", "３００", "年炼铁和炼钢"),
    ("state-council/1997.txt", "全国已有５０％的县", "５０", "基本普及九年义务教育的县（市、区）"),
    ("hubei/2026.txt", "新兴产业税收增长30%以上", "30", "新兴产业税收"),
]
# fmt: on


@pytest.mark.parametrize(
    ("source", "anchor", "figure", "indicator"), REAL, ids=[a for _, a, _, _ in REAL]
)
def test_real_reports_name_what_a_listed_figure_measures(source, anchor, figure, indicator):
    claim = real_claim(source, anchor, figure)
    assert claim is not None and claim.indicator == indicator
