"""The outline on crafted texts: sections, measures, titles, kinds and periods."""

from __future__ import annotations

import pytest
from conftest import outline

from extractor import parse

E, I = "\u2003", "\u3000"  # em-space and ideographic-space indents


def measures(text: str) -> list[tuple[str, int, str, str]]:
    return [(m.style, m.ordinal, m.marker, m.headline) for m in parse(text).measures]


# fmt: off
SECTION_CASES = [
    # own-line headings at the four levels
    ("一、总体情况\n正文。\n（一）主要做法\n正文。\n1.抓项目\n正文。\n（1）招商\n正文。\n",
     [(1, "一、", "总体情况"), (2, "（一）", "主要做法"), (3, "1.", "抓项目"), (4, "（1）", "招商")]),
    # run-in heading: the title ends at the first 。
    ("一、2022年工作回顾\n（一）稳住经济大盘。全年地区生产总值增长4.5%，好于预期。\n",
     [(1, "一、", "2022年工作回顾"), (2, "（一）", "稳住经济大盘")]),
    # ASCII brackets and full-width digits
    ("一、工作安排\n(一)强化保障\n正文。\n（１）资金保障\n正文。\n（２）人员保障\n正文。\n",
     [(1, "一、", "工作安排"), (2, "(一)", "强化保障"), (4, "（１）", "资金保障"), (4, "（２）", "人员保障")]),
    # a decimal or a year at a paragraph start is not a heading
    ("一、成效\n1.5万名干部下沉一线。\n2020年是极不平凡的一年。\n", [(1, "一、", "成效")]),
    # 第一部分 pushes 一、 one level down
    ("第一部分 工作回顾\n一、经济运行\n正文。\n第二部分 工作安排\n一、稳增长\n正文。\n",
     [(1, "第一部分", "工作回顾"), (2, "一、", "经济运行"), (1, "第二部分", "工作安排"), (2, "一、", "稳增长")]),
    # unnumbered closing section
    ("一、工作回顾\n正文。\n二、工作安排\n正文。\n结束语\n让我们团结一心。\n",
     [(1, "一、", "工作回顾"), (1, "二、", "工作安排"), (1, "", "结束语")]),
    # numbering that skips one is still an outline (the audit reports the gap)
    ("一、甲项工作\n正文。\n二、乙项工作\n正文。\n四、丁项工作\n正文。\n",
     [(1, "一、", "甲项工作"), (1, "二、", "乙项工作"), (1, "四、", "丁项工作")]),
    # an enumerated clause ending in ；is a list item, not a heading
    ("一、总体要求\n主要措施是：\n一、稳定粮食生产；\n二、增加农民收入；\n三、深化农村改革。\n二、保障措施\n正文。\n",
     [(1, "一、", "总体要求"), (1, "二、", "保障措施")]),
    # em-space and ideographic-space indents before headings
    (f"{E}{E}一、主要成效\n{I}{I}（一）项目建设\n{I}{I}正文内容。\n",
     [(1, "一、", "主要成效"), (2, "（一）", "项目建设")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SECTION_CASES)
def test_sections(text, expected):
    assert outline(text) == expected


FLAT = (
    "云溪市市长　李明 各位代表： 　　现在，我代表市人民政府，向大会报告工作。 　　一、2021年工作回顾"
    " 　　过去一年，我们攻坚克难，经济运行稳中向好。 　　（一）稳增长取得新成效。全市地区生产总值增长"
    "6.2%。 　　（二）改革开放迈出新步伐。新设外资企业120家。 　　二、2022年主要任务 　　（一）扩大"
    "有效投资。推进重大项目建设。"
)


def test_flattened_document_with_indent_runs():
    assert outline(FLAT) == [
        (1, "一、", "2021年工作回顾"),
        (2, "（一）", "稳增长取得新成效"),
        (2, "（二）", "改革开放迈出新步伐"),
        (1, "二、", "2022年主要任务"),
        (2, "（一）", "扩大有效投资"),
    ]


GLUED = (
    "标题: 云溪市文旅局2022年工作总结及2023年工作计划\n发布时间: 2023-01-05\n"
    "==================== 正文 ====================\n"
    "2022年，我局在市委市政府领导下扎实工作，较好完成了全年目标任务，文旅市场加快恢复，"
    + "游客满意度持续提升，各项工作取得了新的进展。"
    * 30
    + "现将有关情况报告如下：一、主要成效一年以来，我局紧扣中心任务，推动文旅融合。"
    "（一）文旅市场加快复苏。一是举办节庆活动12场；二是推出精品线路8条。"
    "（二）公共服务持续完善。新建城市书房6家。"
    # a time phrase ending the first clause starts the body glued to the heading
    "（三）景区品质稳步提升2022年，全市新增A级景区3家，接待游客120万人次。"
    "二、存在问题回顾今年以来的工作，虽然取得了一些成绩，"
    "但仍存在不足。一是项目储备不足；二是人才队伍薄弱。三、2023年工作计划2023年，我局将重点抓好"
    "以下工作：一是办好文旅推介会；二是完善公共文化设施。"
)


def test_glued_headings_in_a_document_without_breaks():
    report = parse(GLUED)
    assert report.document.title == "云溪市文旅局2022年工作总结及2023年工作计划"
    assert [(s.level, s.title, s.kind, s.period) for s in report.sections] == [
        (1, "主要成效", "review", "2022"),
        (2, "文旅市场加快复苏", "review", "2022"),
        (2, "公共服务持续完善", "review", "2022"),
        (2, "景区品质稳步提升", "review", "2022"),
        (1, "存在问题", "problems", "2022"),
        (1, "2023年工作计划", "plan", "2023"),
    ]
    by_section = {s.section_id: s.title for s in report.sections}
    got = [(by_section[m.section_id], m.marker, m.headline) for m in report.measures]
    assert got == [
        ("文旅市场加快复苏", "一是", "举办节庆活动12场"),
        ("文旅市场加快复苏", "二是", "推出精品线路8条"),
        ("存在问题", "一是", "项目储备不足"),
        ("存在问题", "二是", "人才队伍薄弱"),
        ("2023年工作计划", "一是", "办好文旅推介会"),
        ("2023年工作计划", "二是", "完善公共文化设施"),
    ]
    # an inline list's last item stops at its section's end, not at the end of the document
    second = report.measures[1]
    assert report.text[second.start : second.end] == "二是推出精品线路8条。"


# A document that lost its line breaks, in the three ways a heading runs on into its body.
RUN_ON = (
    "云溪市市场监管局2022年工作总结\n"
    + "2022年，我局坚持稳中求进，各项工作取得新进展，市场秩序持续向好，群众满意度不断提升。" * 20
    # the first item of the level below glued to the heading (…工作1.强化…)
    + "一、2022年工作情况（一）坚持党建引领，推进全面从严治党工作1.强化理论学习，坚定理想信念。"
    "全年开展集中学习24次。2.加强支部建设，打造过硬堡垒。新建党员活动室3个。"
    # no sentence end within reach: a sentence opener inside the second clause ends the title
    "（二）守牢安全底线，全力推进食品安全示范创建我局始终把食品安全作为重中之重，围绕创建目标"
    "制定任务清单，逐项压实各级各部门责任并按月调度推进，全年抽检食品1200批次。"
    # a space where a line break was: the title stops there, the list after it still counts
    "（三）深化改革创新，营商环境持续优化 “一件事”集成改革扎实推进。新增经营主体800户。"
    "二、2023年工作计划 一是抓好质量提升；二是强化执法监管。"
    # a plan's label that a sentence runs on from (总体思路以…为指导)
    "（一）总体思路以高质量发展为主题，推进监管现代化。（二）主要目标任务是全年抽检2000批次。"
)


def test_run_on_headings_of_a_flattened_document():
    report = parse(RUN_ON)
    assert [(s.level, s.marker, s.title) for s in report.sections] == [
        (1, "一、", "2022年工作情况"),
        (2, "（一）", "坚持党建引领，推进全面从严治党工作"),
        (3, "1.", "强化理论学习，坚定理想信念"),
        (3, "2.", "加强支部建设，打造过硬堡垒"),
        (2, "（二）", "守牢安全底线，全力推进食品安全示范创建"),
        (2, "（三）", "深化改革创新，营商环境持续优化"),
        (1, "二、", "2023年工作计划"),
        (2, "（一）", "总体思路"),
        (2, "（二）", "主要目标任务是全年抽检2000批次"),
    ]
    assert [(m.marker, m.headline) for m in report.measures] == [
        ("一是", "抓好质量提升"),
        ("二是", "强化执法监管"),
    ]
    for s in report.sections:
        assert report.text[s.title_start : s.title_end].strip() == s.title


# fmt: off
MEASURE_CASES = [
    # paragraph-initial 一是 with quoted slogan
    ("一、成效\n一是打赢“攻坚战”，项目建设提速。正文。\n二是优化服务，营商环境改善。正文。\n",
     [("enumerated", 1, "一是", "打赢“攻坚战”，项目建设提速"),
      ("enumerated", 2, "二是", "优化服务，营商环境改善")]),
    # inline 一是…；二是…；三是…。
    ("一、措施\n主要做法：一是压实责任；二是强化督查；三是严格考核。此外还开展了培训。\n",
     [("enumerated", 1, "一是", "压实责任"), ("enumerated", 2, "二是", "强化督查"),
      ("enumerated", 3, "三是", "严格考核")]),
    # 一要…二要…
    ("一、要求\n一要提高站位，统一思想。正文。\n二要压实责任，狠抓落实。正文。\n",
     [("enumerated", 1, "一要", "提高站位，统一思想"), ("enumerated", 2, "二要", "压实责任，狠抓落实")]),
    # 第一，第二，
    ("一、任务\n第一，坚持稳中求进。正文。\n第二，坚持改革创新。正文。\n",
     [("enumerated", 1, "第一", "坚持稳中求进"), ("enumerated", 2, "第二", "坚持改革创新")]),
    # 首先…其次…最后 enumerate
    ("一、体会\n首先，必须坚持党的领导。其次，必须坚持人民至上。最后，必须坚持实干。\n",
     [("enumerated", 1, "首先", "必须坚持党的领导"), ("enumerated", 2, "其次", "必须坚持人民至上"),
      ("enumerated", 3, "最后", "必须坚持实干")]),
    # 首先 alone does not enumerate
    ("一、体会\n首先，必须坚持党的领导，这是根本。\n", []),
    # numbering that skips and repeats is kept with the written ordinals
    ("一、成效\n一是甲。正文。\n二是乙。正文。\n四是丁。正文。\n",
     [("enumerated", 1, "一是", "甲"), ("enumerated", 2, "二是", "乙"), ("enumerated", 4, "四是", "丁")]),
    # 一是 inside a word is no marker; a lone 一是 is no list
    ("一、成效\n坚持统一是前提。唯一是指标。\n", []),
    # ordinals of a noun: a marker with nothing after it names no item
    ("一、结构\n第一、第二、第三产业的结构都需要调整。正文。\n", []),
    # dash-led items
    ("一、回顾\n过去一年，主要指标完成良好：\n——经济运行保持平稳。增长5%。\n——就业形势总体稳定。新增就业3万人。\n",
     [("dash", 1, "——", "经济运行保持平稳"), ("dash", 2, "——", "就业形势总体稳定")]),
    # lead sentences, not the address or rhetoric
    ("各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、今年工作安排\n（一）扩大有效需求\n"
     "加大项目投资力度。全年安排重大项目200个。\n促进消费持续恢复。举办消费季活动。\n实干为要，行胜于言。我们要埋头苦干。\n",
     [("lead", 1, "", "加大项目投资力度"), ("lead", 2, "", "促进消费持续恢复")]),
    # a first sentence that opens with a conjunction or 有些 argues; it heads nothing
    ("一、今年工作安排\n（一）稳定农业生产\n抓好粮食生产。全年粮食面积稳定在500万亩。\n"
     "但是，农业基础仍然薄弱。要加大投入。\n发展特色产业。新建茶园2万亩。\n"
     "有些地方重视不够。要压实责任。\n",
     [("lead", 1, "", "抓好粮食生产"), ("lead", 2, "", "发展特色产业")]),
    # a headline ends with its paragraph (a blank or indented line follows), skips a line
    # break after the marker, and runs on over a hard wrap inside its sentence
    ("一、任务\n第一，关于农业生产\n\n　　粮食产量要稳中有增。\n第二，关于工业生产\n　　工业要提质增效。\n"
     "第三，\n加强企业基础管理，全面推行岗位责任制，\n完善内部核算。\n",
     [("enumerated", 1, "第一", "关于农业生产"), ("enumerated", 2, "第二", "关于工业生产"),
      ("enumerated", 3, "第三", "加强企业基础管理，全面推行岗位责任制，\n完善内部核算")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), MEASURE_CASES)
def test_measures(text, expected):
    assert measures(text) == expected


def test_intro_sentence_before_an_enumeration_is_not_a_lead():
    text = "一、回顾\n一年来，全市经济稳中有进。一是增长较快；二是结构优化。\n"
    assert [m.marker for m in parse(text).measures] == ["一是", "二是"]


def test_lead_on_a_line_of_its_own_heads_the_next_line():
    # gov.cn pages put the bold lead on its own line; the body's first sentence is no lead
    text = (
        "一、今后的任务\n\n　　\n必须紧紧抓住经济建设这个中心。\n社会主义的根本任务是发展生产力。"
        "各项工作都要服从这个中心。\n\n　　\n必须坚持深化改革。\n改革开放是强大动力。要积极推进。\n"
    )
    assert measures(text) == [
        ("lead", 1, "", "必须紧紧抓住经济建设这个中心"),
        ("lead", 2, "", "必须坚持深化改革"),
    ]
    ms = parse(text).measures
    assert ms[0].text.endswith("各项工作都要服从这个中心。")


def test_a_short_line_without_a_body_is_no_lead():
    # two one-sentence lines in a row: the first has no body, the second no follower
    text = "一、回顾\n经济运行总体平稳。\n就业形势保持稳定。\n二、安排\n正文。\n"
    assert measures(text) == []


def test_leads_hold_an_inline_list_of_their_paragraph():
    text = (
        "一、今年工作\n推进财税体制改革。全面实施增值税转型改革。完善转移支付制度。\n"
        "努力保持对外贸易稳定增长。我们强调扩大内需，绝不能放松出口。"
        "一是运用财税政策；二是改善金融服务；三是推进贸易便利化。\n"
    )
    ms = parse(text).measures
    assert [(m.style, m.marker, m.headline, m.parent_id) for m in ms] == [
        ("lead", "", "推进财税体制改革", None),
        ("lead", "", "努力保持对外贸易稳定增长", None),
        ("enumerated", "一是", "运用财税政策", ms[1].measure_id),
        ("enumerated", "二是", "改善金融服务", ms[1].measure_id),
        ("enumerated", "三是", "推进贸易便利化", ms[1].measure_id),
    ]


def test_items_that_open_paragraphs_leave_no_leads():
    text = (
        "一、主要做法\n抓好项目建设。全年开工项目50个。\n优化营商环境。办结事项3000件。\n"
        "一是压实责任。正文。\n二是强化督查。正文。\n"
    )
    assert [m.style for m in parse(text).measures] == ["enumerated", "enumerated"]


def test_a_marker_alone_on_its_line_opens_its_item():
    text = (
        "一、任务\n要集中力量抓好以下几个方面。\n\n　　\n一是\n加快基础设施建设。以公路为重点。\n"
        "\n　　\n二是\n切实搞好生态环境保护。大力植树种草。\n"
    )
    assert measures(text) == [
        ("enumerated", 1, "一是", "加快基础设施建设"),
        ("enumerated", 2, "二是", "切实搞好生态环境保护"),
    ]


def test_di_yi_shi_enumerates_and_its_lead_in_is_no_lead():
    text = (
        "一、工业\n在工业的发展中应当指出三个值得注意的地方。第一是现代工业的比重上升。"
        "第二是生产资料的比重上升。第三是国营工业的比重上升。\n"
        "农业有了新的发展。粮食增产。\n手工业有重要作用。产值增加。\n"
    )
    assert measures(text) == [
        ("enumerated", 1, "第一是", "现代工业的比重上升"),
        ("enumerated", 2, "第二是", "生产资料的比重上升"),
        ("enumerated", 3, "第三是", "国营工业的比重上升"),
        ("lead", 1, "", "农业有了新的发展"),
        ("lead", 2, "", "手工业有重要作用"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "改革开放是解放和发展社会生产力的必由之路。",  # a judgement on the copula
        "2025年是“十四五”收官之年。",
        "我代表国务院，向大会作政府工作报告，请予审议。",  # the address without 现在
        "展望今后五年，我们充满必胜信心。",  # a later clause opened by 我们
        "从根本上说，发展的力量蕴藏在人民之中。",
        "中美关系有所改善，这是值得欢迎的。",
        "新征程新使命，对政府工作提出了新的更高要求。",  # a demand made of the work
        "“十五”计划《纲要》，体现了以下重要指导方针。",  # it introduces a list
        "幾年來，職工的生活有了很大改善。",  # a time opener in traditional script
    ],
)
def test_rhetoric_is_no_lead(sentence):
    text = f"一、安排\n{sentence}正文。\n加大投资力度。正文。\n促进消费恢复。正文。\n"
    assert [m.headline for m in parse(text).measures] == ["加大投资力度", "促进消费恢复"]


def test_especially_is_no_copula():
    text = "一、安排\n抓好农业特别是粮食生产。正文。\n促进消费恢复。正文。\n"
    assert [m.headline for m in parse(text).measures] == ["抓好农业特别是粮食生产", "促进消费恢复"]


def test_nested_enumeration_keeps_its_parent():
    text = "一、安排\n一是抓项目。重点：第一，抓招商；第二，抓落地。\n二是抓服务。正文。\n"
    ms = parse(text).measures
    assert [(m.marker, m.parent_id) for m in ms] == [
        ("一是", None), ("第一", ms[0].measure_id), ("第二", ms[0].measure_id), ("二是", None),
    ]  # fmt: skip


def test_scraped_page_clutter_and_glossary():
    text = (
        "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2025年云溪市政府工作报告\n"
        "——2025年1月10日在云溪市第十届人民代表大会第三次会议上\n来源：云溪日报\n各位代表：\n"
        "一、2024年工作回顾\n"
        + "过去一年，我们砥砺奋进。" * 40
        + "\n二、2025年工作安排\n"
        + "今年工作任务艰巨。" * 40
        + "\n名词解释\n1.新质生产力：指创新起主导作用的生产力。\n"
        "2.两重：指国家重大战略实施和重点领域安全能力建设。\n相关报道：\n"
    )
    report = parse(text)
    doc = report.document
    assert (doc.title, doc.doc_type, doc.period) == (
        "2025年云溪市政府工作报告",
        "gov-work-report",
        "2025",
    )
    assert [(s.title, s.period, s.kind) for s in report.sections] == [
        ("2024年工作回顾", "2024", "review"),
        ("2025年工作安排", "2025", "plan"),
    ]
    assert report.sections[-1].end <= text.index("名词解释")


# fmt: off
PERIOD_CASES = [
    ("2020年上半年工作总结和下半年工作安排", ("2020H1", "2020H1", "2020H2", "summary-and-plan")),
    ("云溪市医保局2022年工作总结及2023年工作思路", ("2022", "2022", "2023", "summary-and-plan")),
    ("2024年政府工作报告", ("2024", "2023", "2024", "gov-work-report")),
    ("青石县2023年工作总结", ("2023", "2023", "2024", "summary")),
    ("2021年前三季度工作总结", ("2021Q3", "2021Q3", "2021Q4", "summary")),
    ("关于2024年度工作总结和2025年 工作计划的报告", ("2024", "2024", "2025", "summary-and-plan")),
]
# fmt: on


@pytest.mark.parametrize(("title", "expected"), PERIOD_CASES)
def test_document_periods(title, expected):
    doc = parse(title + "\n一、正文\n内容。\n").document
    assert (doc.period, doc.review_period, doc.plan_period, doc.doc_type) == expected


def test_section_kinds_and_inheritance():
    text = (
        "2021年工作总结\n一、2021年工作回顾\n（一）项目建设\n正文。\n（二）存在的问题\n正文。\n"
        "二、存在问题和不足\n正文。\n三、2022年工作打算\n（一）着力解决群众急难愁盼问题\n正文。\n"
        "（二）问题导向，持续优化营商环境\n正文。\n（三）问题整改\n正文。\n四、其他事项\n正文。\n"
    )
    got = [(s.title, s.kind, s.period) for s in parse(text).sections]
    assert got == [
        ("2021年工作回顾", "review", "2021"),
        ("项目建设", "review", "2021"),
        ("存在的问题", "problems", "2021"),
        ("存在问题和不足", "problems", "2021"),
        ("2022年工作打算", "plan", "2022"),
        ("着力解决群众急难愁盼问题", "plan", "2022"),
        ("问题导向，持续优化营商环境", "plan", "2022"),  # 问题导向 is a method, not problems
        ("问题整改", "problems", "2022"),
        ("其他事项", "other", "2021"),
    ]


def test_spans_hold_their_text():
    report = parse(GLUED)
    for el in (*report.sections, *report.measures):
        assert report.text[el.start : el.end] == el.text
        assert report.text[el.title_start if hasattr(el, "title_start") else el.headline_start :]
    for m in report.measures:
        assert report.text[m.headline_start : m.headline_end] == m.headline


def test_full_width_years_give_periods():
    text = "２０１９年工作总结和２０２０年工作打算\n一、２０１９年工作总结\n正文。\n二、２０２０年工作打算\n正文。\n"
    report = parse(text)
    assert report.document.period == "2019"
    assert [s.period for s in report.sections] == ["2019", "2020"]


def test_a_top_section_named_by_its_year_takes_the_kind_of_that_part():
    text = "2026年云溪市政府工作报告\n一、2025年工作回顾\n正文。\n二、关于2026年工作\n正文。\n三、对今年政府工作的建议\n正文。\n四、加强政府自身建设\n正文。\n"
    got = [(s.title, s.kind, s.period) for s in parse(text).sections]
    assert got == [
        ("2025年工作回顾", "review", "2025"),
        ("关于2026年工作", "plan", "2026"),
        ("对今年政府工作的建议", "plan", "2026"),
        # after the part that names the plan year, a part without a kind word is the plan's
        ("加强政府自身建设", "plan", "2026"),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "本届政府就职已经五年。我代表国务院向大会报告过去五年的工作，对今年的工作提出建议。",
        "从今年开始实施新的五年计划。我代表国务院向大会作报告，请各位代表审议。",
        "现在，我代表云溪市人民政府，向大会报告工作，请予审议。",
        "现在，我受国务院的委托，向全国人民代表大会报告政府工作。",
        "现在我代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出关于国家决算和国家预算的报告，请予审查。",
        # 1981: no "I report", but addressed to the deputies about the government's work
        "从上次大会到现在，已经过去了一年。在这段时间里，政府对于内政、外交各方面的工作，先后作过六次报告。",
    ],
)
def test_an_untitled_report_to_the_congress_is_a_government_work_report(opening):
    text = "各位代表：\n" + opening + "\n一、过去一年的工作\n正文。\n二、今年的工作\n正文。\n"
    doc = parse(text, path="reports/1998.txt").document
    assert (doc.title, doc.doc_type) == ("", "gov-work-report")
    assert (doc.period, doc.review_period, doc.plan_period) == ("1998", "1997", "1998")


def test_a_speech_that_only_greets_the_delegates_is_not_one():
    text = "各位代表：\n我代表筹备组向大会报告筹备情况。\n一、筹备经过\n正文。\n"
    assert parse(text, path="x/1998.txt").document.doc_type != "gov-work-report"


def test_a_report_to_the_deputies_on_other_work_is_not_one():
    text = (
        "各位代表：\n过去一年，全市法院审结案件12万件，审判质效稳步提升。\n一、主要工作\n正文。\n"
    )
    assert parse(text, path="x/1998.txt").document.doc_type != "gov-work-report"


def test_records_build_alike_by_keyword_position_and_default():
    """model's own __init__ (slots filled through their descriptors) builds what
    dataclasses' would: every field in place, defaults filled, and the record frozen."""
    import dataclasses

    from extractor.model import Claim, Document

    values = dict(
        claim_id="c1", section_id=None, measure_id="m1", indicator="产值", value_text="5",
        value=5e4, low=None, high=None, unit="万元", base_unit="元", approx="", change="",
        time_ref="", is_target=False, masked=False, sentence="产值5万元", start=2, end=5,
        text="5万元", rule="claim.figure", sentence_start=0, sentence_end=5,
    )  # fmt: skip
    by_name = Claim(**values)
    by_place = Claim(*values.values())
    defaults = {"baseline": None, "span": "period", "indicator_norm": ""}
    assert by_name == by_place and dataclasses.asdict(by_name) == {**values, **defaults}
    assert hash(by_name) == hash(by_place)
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_name.unit = "元"  # type: ignore[misc]
    doc = Document("d1", chars=12)
    assert (doc.doc_id, doc.chars, doc.status, doc.title_start) == ("d1", 12, "ok", -1)
    with pytest.raises(TypeError):
        Claim(**{**values, "colour": "red"})


def test_parts_after_the_plan_year_of_a_government_work_report_are_the_plan():
    text = (
        "2024年政府工作报告\n——2024年1月10日在市第十届人民代表大会第三次会议上\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
        "一、2023年工作回顾\n全市生产总值增长6.1%。\n"
        "二、2024年工作安排\n（一）扩大有效投资\n安排重大项目200个。\n"
        "三、促进经济平稳发展\n（一）稳住工业基本盘\n今年新增规上工业企业100家。\n"
        "四、国际交流合作\n加强友好城市往来。\n"
        "五、加强政府自身建设\n坚持依法行政。\n"
    )
    report = parse(text)
    assert report.document.doc_type == "gov-work-report"
    assert [(s.title, s.kind) for s in report.sections] == [
        ("2023年工作回顾", "review"),
        ("2024年工作安排", "plan"),
        ("扩大有效投资", "plan"),
        ("促进经济平稳发展", "plan"),
        ("稳住工业基本盘", "plan"),
        ("国际交流合作", "other"),
        ("加强政府自身建设", "plan"),
    ]
    targets = {c.value_text: c.is_target for c in report.claims}
    assert targets == {"6.1": False, "200": True, "100": True}


def test_the_plan_year_and_its_five_year_plan_make_a_part_the_plan():
    text = (
        "2026年政府工作报告\n——2026年1月20日在市第十届人民代表大会第五次会议上\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
        "一、2025年主要工作\n全市生产总值增长5.2%。\n"
        "二、“十五五”时期发展的主要考虑\n生产总值年均增长5%左右。\n"
        "三、2026年主要工作\n全市生产总值增长5%左右。\n"
        "四、“十四五”时期回顾\n五年累计新增就业60万人。\n"
    )
    report = parse(text)
    assert [(s.title, s.kind, s.period) for s in report.sections] == [
        ("2025年主要工作", "review", "2025"),  # 主要工作 of the review year: a review
        ("“十五五”时期发展的主要考虑", "plan", "2026-2030"),  # the plan's five years
        ("2026年主要工作", "plan", "2026"),  # 主要工作 of the plan year: the plan
        ("“十四五”时期回顾", "review", "2021-2025"),
    ]
    assert [c.is_target for c in report.claims] == [False, True, True, False]


def test_five_year_plans_are_numbered_from_their_years():
    from extractor.outline.periods import five_year_plan

    got = [
        five_year_plan(p)
        for p in (
            "1955",
            "1964",
            "1986",
            "2005",
            "2006",
            "2010",
            "2021",
            "2025",
            "2026H1",
            "2030",
            "",
        )
    ]
    assert got == [1, 0, 7, 10, 11, 11, 14, 14, 15, 15, 0]  # 1963-1965: readjustment


# fmt: off
FIVE_YEAR_PLAN_NAMES = [
    ("“十五五”时期发展的主要考虑", 15, True),
    ("“十四五”规划实施情况", 14, True),
    ("“十四五”规划实施情况", 15, False),
    ("第十五个五年计划", 15, True),  # spelled out (session 13: 第七个五年计划 in older reports)
    ("第十五个五年计划", 10, False),  # not the 十五 inside it
    ("五年规划", 0, False),
]
# fmt: on


@pytest.mark.parametrize(("title", "number", "names"), FIVE_YEAR_PLAN_NAMES)
def test_a_title_names_a_five_year_plan_by_its_number(title, number, names):
    from extractor.outline.periods import names_five_year_plan
    from extractor.rules import default_rules

    assert names_five_year_plan(title, number, rules=default_rules()) is names


def test_parts_after_a_review_of_the_review_year_are_the_plan():
    text = (
        "政府工作报告\n——1999年3月5日在第九届全国人民代表大会第二次会议上\n"
        "各位代表：\n现在，我代表国务院，向大会报告工作，请予审议。\n"
        "一、1998年工作回顾\n国内生产总值增长7.8%。\n"
        "二、继续扩大国内需求\n今年国内生产总值增长7%左右。\n"
        "三、关于国际形势和外交工作\n我们坚持独立自主的和平外交政策。\n"
    )
    report = parse(text)
    assert report.document.doc_type == "gov-work-report"
    assert [(s.title, s.kind, s.period) for s in report.sections] == [
        ("1998年工作回顾", "review", "1998"),
        ("继续扩大国内需求", "plan", "1999"),
        ("关于国际形势和外交工作", "other", "1999"),
    ]
    assert [c.is_target for c in report.claims] == [False, True]


def test_a_sentence_opener_in_a_later_clause_ends_a_run_on_title_of_several():
    body = (
        "2022年，我局坚持稳中求进，各项工作取得新进展，市场秩序持续向好，群众满意度不断提升。" * 20
    )
    text = (
        "云溪市市场监管局2022年工作总结暨2023年工作思路\n" + body
        + "一、2022年工作回顾全年抽检食品1200批次。"
        "二、奋勇争先，开拓创新，全力做好2023年工作以习近平新时代中国特色社会主义思想为指导，"
        "全面落实各项监管任务并按季度调度推进，确保全年目标顺利完成。"
    )  # fmt: skip
    report = parse(text)
    assert [(s.title, s.kind, s.period) for s in report.sections] == [
        ("2022年工作回顾", "review", "2022"),
        ("奋勇争先，开拓创新，全力做好2023年工作", "plan", "2023"),
    ]


def test_bare_lines_that_name_parts_are_part_headings():
    # gansu 2026, the 1980s State Council reports: parts marked by a bare line
    text = (
        "2026年政府工作报告\n各位代表：\n“十四五”时期工作回顾\n五年来，全省经济总量迈上新台阶。"
        "我们办成了一批大事。\n2026年重点工作\n（一）扩大有效需求\n加大投资力度，新开工项目500个。\n"
        "（二）建设现代化产业体系\n培育新兴产业。\n"
    )
    report = parse(text)
    assert [(s.level, s.title, s.kind, s.parent_id) for s in report.sections] == [
        (1, "“十四五”时期工作回顾", "review", None),
        (1, "2026年重点工作", "plan", None),
        (2, "扩大有效需求", "plan", "s2"),
        (2, "建设现代化产业体系", "plan", "s2"),
    ]


def test_numbered_parts_under_bare_part_headings_sit_one_level_deeper():
    text = (
        "各位代表：\n过去五年的回顾\n五年来，国民经济持续发展。\n一、农业连年丰收\n粮食增产。\n"
        "今后五年的主要任务\n今后五年，要继续前进。\n一、大力提高经济效益\n积极扩大财源。\n"
    )
    assert outline(text) == [
        (1, "", "过去五年的回顾"), (2, "一、", "农业连年丰收"),
        (1, "", "今后五年的主要任务"), (2, "一、", "大力提高经济效益"),
    ]  # fmt: skip


def test_a_short_line_inside_numbered_parts_is_no_part_heading():
    text = (
        "一、2025年工作回顾\n全年经济平稳。主要指标完成良好。\n二、2026年工作安排\n"
        "主要目标任务\n地区生产总值增长5%左右，城镇新增就业3万人。\n"
    )
    assert [t for _, _, t in outline(text)] == ["2025年工作回顾", "2026年工作安排"]


def test_numbered_items_a_colon_opens_are_no_headings():
    # 1985: 今年价格改革的主要内容是：⏎一、…；⏎二、…；⏎…⏎四、…。 lists measures, not parts
    text = (
        "一、关于价格改革\n今年价格改革的主要内容是：\n\n　　一、合理调整农村粮食购销价格；\n\n"
        "　　二、适当提高铁路短途运价，以利于调整运输结构，充分发挥公路和水运的作用；\n\n"
        "　　三、对原材料、燃料等重要生产资料，计划分配部分的价格基本不动，"
        "按规定企业自销的部分，实行市场调节，推动生产资料进入市场。\n\n　　这个改革方案是稳妥的。\n"
        "二、关于对外开放\n正文。\n"
    )
    assert outline(text) == [(1, "一、", "关于价格改革"), (1, "二、", "关于对外开放")]


def test_years_in_chinese_numerals_give_a_title_its_period():
    # the 1950s reports write their years in Chinese numerals (1958: 一九五七年经济战线上的胜利)
    text = (
        "一、一九五七年的工作总结\n全年工业总产值增长百分之十。\n"
        "二、一九五八年的工作安排\n争取农业增产。\n"
    )
    assert [(s.title, s.kind, s.period) for s in parse(text).sections] == [
        ("一九五七年的工作总结", "review", "1957"),
        ("一九五八年的工作安排", "plan", "1958"),
    ]


def test_a_horizon_year_is_no_period():
    from extractor.outline.periods import arabic_years

    assert arabic_years("一九五七年经济战线上的胜利") == "1957年经济战线上的胜利"
    assert arabic_years("二〇三五年远景目标") == "二〇三五年远景目标"  # a horizon, not a period
