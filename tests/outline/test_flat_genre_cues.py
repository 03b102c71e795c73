"""Where a heading's title ends on a page that lost its line breaks (issue 18, session 13):
cues of the genre, not of one report — a five-year plan's period judged (“十四五”时期是…), a
task opener inside a title's second clause, a noun title and the verb that opens its body,
a purpose or situation frame, a part heading after a numbering gap, a closing heading glued
to its address; and the measures of such pages (items a comma joins, a section's opening
sentence on a line of its own).

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

from conftest import outline

from extractor import parse

#: A body long enough that a page of a few paragraphs reads as one that lost its lines.
FILLER = (
    "全年完成各项目标任务，经济运行总体平稳、稳中有进，发展质量和效益持续提升，"
    "民生保障有力有效，社会大局和谐稳定，为下一步发展打下了坚实基础。"
) * 3


def test_a_plan_period_judged_opens_the_body_of_a_part_heading():
    text = (
        "一、“十三五”时期发展成就和“十四五”时期主要目标“十三五”时期是极不平凡的五年，"
        "全县上下攻坚克难，综合实力迈上新台阶。" + FILLER +
        "二、2021年重点工作今年是“十四五”开局之年。" + FILLER
    )  # fmt: skip
    assert outline(text)[:2] == [
        (1, "一、", "“十三五”时期发展成就和“十四五”时期主要目标"),
        (1, "二、", "2021年重点工作"),
    ]


def test_the_period_set_apart_or_the_years_ahead_open_the_body():
    text = (
        "一、“十五五”时期主要目标任务“十五五”时期，是全面发力的关键时期。" + FILLER +
        "二、“十五五”时期主要任务今后五年承前启后、继往开来，任务艰巨。" + FILLER
    )  # fmt: skip
    assert outline(text) == [
        (1, "一、", "“十五五”时期主要目标任务"),
        (1, "二、", "“十五五”时期主要任务"),
    ]


def test_a_title_that_names_the_plan_period_keeps_it():
    text = "一、2020年及“十三五”时期工作回顾2020年是很不平凡的一年。" + FILLER
    assert outline(text)[0] == (1, "一、", "2020年及“十三五”时期工作回顾")


def test_a_task_opener_in_the_second_clause_ends_the_title_before_a_later_cue():
    # the body runs on to 各方面 (a word a title may end with): the opener comes first
    text = (
        "（一）深化重点领域改革，增强县域发展动力活力坚持改革攻坚，扩大对内对外开放，"
        "促进各方面制度机制更加成熟。" + FILLER +
        "（二）办好民生实事，提升群众生活品质坚持尽力而为，兜牢民生底线。" + FILLER
    )  # fmt: skip
    assert outline(text)[:2] == [
        (2, "（一）", "深化重点领域改革，增强县域发展动力活力"),
        (2, "（二）", "办好民生实事，提升群众生活品质"),
    ]


def test_a_result_predicate_after_a_bare_noun_stays_in_the_title():
    # 深入推进 closes the result phrase 学习教育深入推进: no new phrase; 按照 opens the body
    text = (
        "（一）提高站位，主题学习教育深入推进按照上级党委部署制定实施方案，成立工作专班。"
        + FILLER
        + "（二）凝心聚力，基层组织建设全面加强对照标准开展达标创建。"
        + FILLER
    )
    assert outline(text)[:2] == [
        (2, "（一）", "提高站位，主题学习教育深入推进"),
        (2, "（二）", "凝心聚力，基层组织建设全面加强"),
    ]


def test_an_adverb_before_a_list_mark_opens_no_phrase():
    text = (
        "（一）培育壮大新兴产业，持续在建设现代化产业体系上再聚焦、再突破。" + FILLER +
        "（二）扩大有效投资，持续在补齐基础设施短板上再发力、再加码。" + FILLER
    )  # fmt: skip
    assert outline(text)[:2] == [
        (2, "（一）", "培育壮大新兴产业，持续在建设现代化产业体系上再聚焦、再突破"),
        (2, "（二）", "扩大有效投资，持续在补齐基础设施短板上再发力、再加码"),
    ]


def test_a_noun_title_ends_where_a_verb_opens_its_body():
    text = (
        "（一）社会民生坚持尽力而为、量力而行，民生支出占比稳定在八成。"
        + FILLER
        + "（二）生态环境坚持生态优先，空气质量持续改善。"
        + FILLER
        + "（三）工作任务继续推进重点项目建设，抓好要素保障。"
        + FILLER
    )
    assert outline(text) == [
        (2, "（一）", "社会民生"),
        (2, "（二）", "生态环境"),
        (2, "（三）", "工作任务"),
    ]


def test_a_purpose_or_a_situation_opens_the_body():
    text = (
        "（一）深入实施城市更新行动为破解老旧小区改造资金难题，我们将创新投融资模式。"
        + FILLER
        + "（二）加强自身建设，全面提升依法行政能力新形势下对政府工作提出了更高要求。"
        + FILLER
    )
    assert outline(text)[:2] == [
        (2, "（一）", "深入实施城市更新行动"),
        (2, "（二）", "加强自身建设，全面提升依法行政能力"),
    ]


def test_a_title_of_a_purpose_or_a_situation_is_kept():
    text = "（一）坚持为民办实事，加强和改进新形势下基层统战工作。" + FILLER
    assert outline(text)[0] == (2, "（一）", "坚持为民办实事，加强和改进新形势下基层统战工作")


def test_a_part_heading_after_a_numbering_gap():
    text = (
        "一、2021年工作总结" + FILLER + "二、存在的问题" + FILLER +
        "四、2022年工作计划2022年是加快转型发展的重要一年。" + FILLER
    )  # fmt: skip
    assert [h[:2] for h in outline(text)] == [(1, "一、"), (1, "二、"), (1, "四、")]
    assert outline(text)[2] == (1, "四、", "2022年工作计划")


def test_a_numbered_sentence_after_a_gap_is_no_part():
    # 四、 two past 二、 whose text is a sentence with no part's head noun
    text = (
        "一、2021年工作总结"
        + FILLER
        + "二、存在的问题"
        + FILLER
        + "四、加快发展乡村旅游产业。"
        + FILLER
    )
    assert [h[:2] for h in outline(text)] == [(1, "一、"), (1, "二、")]


def test_a_closing_heading_glued_to_its_address():
    text = "一、2025年工作安排" + FILLER * 2 + "结束语各位代表！实干创造未来，奋斗成就梦想。"
    assert outline(text)[-1] == (1, "", "结束语")


def test_items_a_comma_joins_have_headlines_without_it():
    text = (
        "二、今后五年的目标\n规划纲要明确了今后五年的发展目标：一是综合实力持续提升，"
        "二是发展质量迈上新台阶，三是民生福祉不断增进。在此基础上再奋斗五年。\n"
    )
    heads = [(m.marker, m.headline) for m in parse(text).measures]
    assert heads == [
        ("一是", "综合实力持续提升"),
        ("二是", "发展质量迈上新台阶"),
        ("三是", "民生福祉不断增进"),
    ]


LED = (
    "（一）优化公共服务供给\n"
    "坚持民生为大，努力为群众多办实事好事。\n"
    "促进高质量充分就业。实施稳岗扩容提质行动，城镇新增就业二十万人。\n"
    "提升全民健康水平。优化医疗卫生资源布局，建设区域医疗中心。\n"
    "完善社会保障体系。加强一老一小服务，扩大养老服务供给。\n"
)


def test_an_opening_sentence_above_a_run_of_leads_is_no_lead():
    leads = [m.headline for m in parse(LED).measures if m.style == "lead"]
    assert leads == ["促进高质量充分就业", "提升全民健康水平", "完善社会保障体系"]


def test_a_lead_on_a_line_of_its_own_over_its_body_stays():
    text = (
        "（一）推动经济平稳运行\n"
        "必须坚持扩大内需。\n"
        "内需是经济增长的主动力。要稳投资、促消费，增强发展后劲。\n"
        "必须坚持创新驱动。\n"
        "创新是引领发展的第一动力。要加大研发投入，培育新兴产业。\n"
    )
    leads = [m.headline for m in parse(text).measures if m.style == "lead"]
    assert leads == ["必须坚持扩大内需", "必须坚持创新驱动"]
