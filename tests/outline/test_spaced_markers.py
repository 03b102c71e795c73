"""A marker set off from its title by a space a page or a word processor put there: a web
page's `&nbsp;` (U+00A0, one or two) or a wide space (U+3000) between `1.`, `一、`, `（一）`,
`一是` and what they number.  Such a space had ended the paragraph (a wide space inside a line
marks a paragraph in a text converted from a database), leaving a marker with no title: a
task list published as a web page lost every item.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

import pytest
from conftest import outline

from extractor import parse

NBSP, WIDE = "\u00a0", "\u3000"

#: A task list's parts and items, `{s}` the space after each marker.
TASKS = (
    "云溪市2022年政府工作报告重点工作任务分解\n"
    "一、{s}扩大有效需求\n"
    "1.{s}全市生产总值增长6%左右。各区要结合实际确定本地目标。\n"
    "责任单位：市发展改革委\n"
    "2.{s}推进重大项目建设。全年完成重点项目投资500亿元。\n"
    "责任单位：市发展改革委、市财政局\n"
    "二、{s}深化改革开放\n"
    "3.{s}深化国资国企改革\n"
    "责任单位：市国资委\n"
    "4.{s}实际利用外资2亿美元。\n"
    "责任单位：市商务局\n"
)

TASKS_OUTLINE = [
    (1, "一、", "扩大有效需求"),
    (3, "1.", "全市生产总值增长6%左右"),
    (3, "2.", "推进重大项目建设"),
    (1, "二、", "深化改革开放"),
    (3, "3.", "深化国资国企改革"),
    (3, "4.", "实际利用外资2亿美元"),
]


@pytest.mark.parametrize("space", [NBSP, NBSP * 2, WIDE, WIDE * 2], ids=repr)
def test_a_space_after_each_marker_keeps_every_heading(space):
    assert outline(TASKS.format(s=space)) == TASKS_OUTLINE


def test_the_space_is_no_part_of_the_title_and_offsets_hold():
    text = TASKS.format(s=NBSP)
    sections = parse(text).sections
    assert len(sections) == len(TASKS_OUTLINE)
    for s in sections:
        assert text[s.title_start : s.title_end] == s.title
        assert not s.title[0].isspace()


@pytest.mark.parametrize(
    ("marker", "level"), [("（一）", 2), ("1．", 3), ("1、", 3), ("（1）", 4), ("第一部分", 1)]
)
def test_every_marker_form_takes_the_space(marker, level):
    text = f"2023年工作要点\n{marker}{WIDE}加快建设现代产业体系\n全年新增规上工业企业50家，技改投资增长10%。\n"
    assert outline(text) == [(level, marker, "加快建设现代产业体系")]


def test_measures_set_off_by_a_space_keep_their_headlines():
    text = (
        "2021年工作要点\n一、扩大有效需求\n"
        f"1.{NBSP}培育先进制造业集群。一是{NBSP}做强汽车产业；二是{NBSP}做优电子产业；"
        f"三是{NBSP}做大医药产业。\n责任单位：市经信局\n"
    )
    got = [(m.marker, m.headline) for m in parse(text).measures]
    assert got == [("一是", "做强汽车产业"), ("二是", "做优电子产业"), ("三是", "做大医药产业")]


MORE = (
    "三、{s}增进民生福祉\n"
    "5.{s}城镇新增就业5万人。加强重点群体就业帮扶，开展职业技能培训3万人次。\n"
    "责任单位：市人力社保局\n"
    "6.{s}新改扩建中小学和幼儿园20所。新增学位1.5万个，缓解城区入学压力。\n"
    "责任单位：市教育局\n"
    "7.{s}新建城市书房15个。推进图书馆、文化馆总分馆制建设，丰富群众文化生活。\n"
    "责任单位：市文化广电旅游局\n"
    "8.{s}改造老旧小区60个。同步推进加装电梯、停车设施和社区养老服务设施建设。\n"
    "责任单位：市住房城乡建设局\n"
)


def test_a_list_that_lost_its_lines_finds_its_items_after_the_space():
    """One line (a crawler's copy): the title runs into the first part's marker, the
    parts and items into the sentences before them."""
    text = (TASKS + MORE).format(s=NBSP).replace("\n", "")
    assert outline(text)[:2] == TASKS_OUTLINE[:2]
    markers = ["一、", "1.", "2.", "二、", "3.", "4.", "三、", "5.", "6.", "7.", "8."]
    assert [m for _, m, _ in outline(text)] == markers


def test_a_wide_space_after_no_marker_still_ends_a_paragraph():
    """A text converted from a database marks a paragraph by a wide space inside the line:
    after a sentence or a figure (no marker before the space) it still starts a paragraph,
    so the lead sentence after it stays a measure of its own."""
    body = "加快建设现代产业体系。全年新增规上工业企业50家。"
    text = f"2023年工作要点\n一、产业发展\n{body}{WIDE}强化要素保障。全年供应工业用地3000亩，新增融资200亿元。\n"
    heads = [m.headline for m in parse(text).measures if m.style == "lead"]
    assert "强化要素保障" in heads
    figure = f"2023年工作要点\n一、产业发展\n技改投资增长10.{WIDE}强化要素保障。全年供应工业用地3000亩。\n"
    assert outline(figure) == [(1, "一、", "产业发展")]
