"""Layouts the parser had not been shown (issue 18): one-line pages, headings after any
character, bare numerals, nested lists, crawler pages, language halves, and the kinds and
periods of plan-only, half-year and multi-year documents.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

from extractor import parse


def outline(text: str, **kw: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in parse(text, **kw).sections]


def kinds(text: str, **kw: str) -> list[tuple[str, str, str]]:
    return [(s.title, s.kind, s.period) for s in parse(text, **kw).sections]


# --- kinds and periods --------------------------------------------------------------------


def test_the_parts_of_a_plan_only_document_are_plans():
    text = (
        "云溪县农业农村局2023年工作要点\n一、指导思想\n坚持稳中求进。\n二、重点任务\n"
        "（一）稳定粮食生产\n播种面积稳定在30万亩。\n（二）发展特色产业\n新建茶园2000亩。\n"
    )
    assert kinds(text) == [
        ("指导思想", "plan", "2023"),
        ("重点任务", "plan", "2023"),
        ("稳定粮食生产", "plan", "2023"),
        ("发展特色产业", "plan", "2023"),
    ]


# --- titles of headings on lines of their own ---------------------------------------------


def test_a_run_in_heading_on_its_own_line_ends_at_its_first_sentence():
    # SPEC §2: the title of a run-in lead ends at the first 。, however long, and may hold
    # a ； (a target list); a line that ends in ； is an item of a list, not a heading
    text = (
        "青禾镇2022年农产品质量安全工作计划\n一、目标任务\n"
        "1、全年抽检农产品500批次以上，合格率稳定在98%以上；不合格产品依法处置率达到100%。"
        "配合上级部门开展监督抽检。\n"
        "2、加强宣传培训。通过多种方式宣传农产品质量安全法律法规。\n"
        "二、保障措施\n（一）全镇各村要落实网格员责任；\n（二）定期通报工作进展情况；\n"
    )
    assert outline(text) == [
        (1, "一、", "目标任务"),
        (3, "1、", "全年抽检农产品500批次以上，合格率稳定在98%以上；不合格产品依法处置率达到100%"),
        (3, "2、", "加强宣传培训"),
        (1, "二、", "保障措施"),
    ]


def test_items_numbered_through_the_parts_are_headings_of_each_part():
    # a 工作要点 numbers its items 1.…6. through its parts, not again from 1 in each
    text = (
        "2023年云溪市文旅产业工作要点\n一、加强规划引领\n"
        "1．编制文旅产业发展规划。年内完成编制。\n2．完善产业扶持政策。出台专项政策。\n"
        "二、壮大市场主体\n3．培育龙头企业。新增规上企业5家。\n4．支持中小企业发展。落实减税降费。\n"
        "三、扩大文旅消费\n5．举办消费节庆活动。全年举办20场。\n6．发展夜间经济。打造夜间街区3个。\n"
    )
    got = outline(text)
    assert [(level, marker) for level, marker, _ in got] == [
        (1, "一、"), (3, "1．"), (3, "2．"), (1, "二、"), (3, "3．"), (3, "4．"),
        (1, "三、"), (3, "5．"), (3, "6．"),
    ]  # fmt: skip
    report = parse(text)
    assert not report.measures  # the items are headings, not lead sentences
    assert report.sections[4].parent_id == report.sections[3].section_id
