"""Session 18's classes of one-line reading (issue 18), as session 17's file describes: a
sample of our own per class, and the real reports that showed it, by path under ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import flat_headings, outline, real_report

from extractor import parse

ANNOTATIONS = Path(__file__).resolve().parents[2] / "corpora" / "annotations" / "real" / "outline"

FLAT_BODY = (
    "全县上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展保持总体平稳、"
    "稳中有进的良好态势，各项工作取得新的成效。"
) * 12
OPENING = "云溪县政府工作报告各位代表：现在，我代表县人民政府向大会报告工作，请予审议。"


# --- a part's title of no number glued between a sentence and its body ---------------------


def test_parts_of_no_number_glued_after_a_sentence_are_parts():
    text = (
        OPENING + "“十四五”时期工作回顾“十四五”时期是云溪发展极不平凡的五年。" + FLAT_BODY
        + "2026年重点工作今年是“十五五”开局之年。一、扩大有效需求。" + FLAT_BODY
        + "二、深化改革开放。" + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [
        (1, "", "“十四五”时期工作回顾"),
        (1, "", "2026年重点工作"),
        (2, "一、", "扩大有效需求"),
        (2, "二、", "深化改革开放"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "全年各项目标任务圆满完成，群众满意度稳步提升。",  # a clause mark: a sentence's subject
        "当我们回顾十年来的发展的时候，我们更加坚定。",  # no part's title opens on 当
    ],
)
def test_a_sentence_that_opens_like_a_part_title_is_no_part(sentence):
    text = OPENING + FLAT_BODY + sentence + FLAT_BODY
    assert outline(text) == []


def test_a_stretch_like_a_part_title_inside_numbered_parts_is_no_part():
    text = (
        OPENING + "一、过去一年的工作" + FLAT_BODY
        + "2026年重点工作今年是关键之年。" + FLAT_BODY + "二、今年的主要任务" + FLAT_BODY
    )  # fmt: skip
    assert [(lv, m) for lv, m, _ in outline(text)] == [(1, "一、"), (1, "二、")]


def test_a_real_report_keeps_its_parts_of_no_number_flattened():
    """关于国内建设 and 关于外交工作 were lost where the lines went, and with them the level of
    the numbered parts under them (and the foreign-affairs part's three, refused as a
    numbering that did not go on)."""
    written, flat = flat_headings(real_report("state-council/1984.txt"))
    assert flat == written


def test_a_real_reports_first_part_of_no_number_flattened():
    """过去五年的回顾 glued after the address; the second part's body opens on a subject
    (本届国务院…) no cue reads yet: only the first is found."""
    written, flat = flat_headings(real_report("state-council/1983.txt"), deepest=1)
    assert written[0] in flat
    assert set(flat) <= set(written)


# --- a heading's last phrase run on into its lead where the lines were lost ----------------

LEADS = (
    "全年新建平台一批，研发投入持续增长，成果转化更加顺畅。培育创新型企业。支持企业牵头组建"
    "创新联合体，完善成果转化机制。强化人才支撑。引育高层次人才，优化人才发展环境。加快"
    "建设一批高水平新型研发机构。布局建设概念验证中心和中试平台，打通成果转化堵点。"
) * 3


@pytest.mark.parametrize(
    "title, lead",
    [
        # a title of two phrases: the last no shorter than the first (parallel phrases)
        ("立足协调发展，统筹推进城乡融合和乡村全面振兴", "持续推进新型城镇化"),
        # one phrase, its lead longer than the section's usual one but within their range
        ("加大保障和改善民生力度", "推动城乡居民收入稳步增长"),
    ],
)
def test_a_title_ends_before_its_lead_whatever_its_clauses(title, lead):
    """The lead opens on a verb and is about as long as the section's other leads."""
    text = OPENING + "一、2026年重点工作今年是关键之年。（一）" + title + lead + "。" + LEADS
    assert outline(text)[1] == (2, "（一）", title)


@pytest.mark.parametrize(
    "title",
    [
        "用改革的办法深入推进产业结构调整",  # a phrase of means has no verb of its own
        "在党的理论学习教育上提高工作质量",  # nor one of circumstance (在…上)
        "培育发展新质生产力，持续在产业体系建设上再聚焦、再突破",  # a lead is one clause
        "坚持供需两端协同发力，努力推动经济稳定增长",  # a last phrase shorter than the first
    ],
)
def test_a_title_of_one_sentence_is_not_cut_before_a_verb_inside_it(title):
    text = OPENING + "一、2026年重点工作今年是关键之年。（一）" + title + "。" + LEADS
    assert outline(text)[1] == (2, "（一）", title)


def test_a_real_one_line_reports_title_ends_before_its_lead():
    """A county's report stored as one line: the plan part's （五） (its annotated title in the
    tuning file of corpora/annotations/real) ran on into its lead sentence before."""
    found = parse(real_report("pingtan-county/2023.txt")).sections
    gold = json.loads((ANNOTATIONS / "pingtan-county__2023.json").read_text(encoding="utf-8"))
    assert [s.marker for s in found] == [s["marker"] for s in gold["sections"]]
    plan = [i for i, s in enumerate(found) if s.level == 1][1]
    k = next(i for i, s in enumerate(found) if i > plan and s.marker == "（五）")
    assert found[k].title == gold["sections"][k]["title"]


# --- the items of a list a colon opens, each a clause ending in ；, run on ---------------

PARTS = "".join(
    f"{n}、{title}" + FLAT_BODY
    for n, title in zip(
        "一二三四",
        ["过去一年的工作", "今年的总体要求", "今年的主要任务", "加强政府自身建设"],
        strict=True,
    )
)


def test_a_real_reports_list_a_colon_opens_is_no_headings_flattened():
    """采取以下的…措施：一、…；二、…；三、…： read as parts where the lines went, they took the
    numbering of the parts after them (found then at the wrong level, or not at all)."""
    written, flat = flat_headings(real_report("state-council/1988.txt"))
    assert set(flat) <= set(written)


def test_an_item_after_a_clause_of_a_list_is_no_part():
    """…；五、…。 inside the fourth part: the last item of a sentence's list, not a fifth part."""
    listed = (
        "要抓好以下几件事：一、深入开展学习；二、加强理论研究；三、完善工作机制；四、强化督促"
        "检查；五、加强队伍建设。"
    )
    text = OPENING + PARTS + listed + FLAT_BODY
    assert [m for _, m, _ in outline(text)] == ["一、", "二、", "三、", "四、"]


def test_a_heading_after_a_bodys_last_clause_is_a_heading():
    """…1.…；2.…；（二）…: the body's items end in ；, the next heading follows them."""
    text = (
        OPENING + "一、2022年工作总结（一）抓好粮食生产。" + FLAT_BODY
        + "1.完成粮食播种面积5万亩；2.建设高标准农田1万亩；（二）推进乡村建设。" + FLAT_BODY
    )  # fmt: skip
    assert [m for _, m, _ in outline(text)] == ["一、", "（一）", "（二）"]


def test_a_real_reports_list_items_run_on_are_no_parts():
    """…；四、…；五、…。 inside a part: the 五、 was read as a fifth part where the lines went."""
    written, flat = flat_headings(real_report("state-council/1987.txt"), deepest=1)
    assert flat == written


def test_a_range_of_multiples_is_no_heading():
    text = OPENING + PARTS + "薯类的产量比杂粮要多五、六倍。" + FLAT_BODY
    assert [m for _, m, _ in outline(text)] == ["一、", "二、", "三、", "四、"]


def test_a_part_of_no_number_before_a_year_in_chinese_numerals():
    """The older reports write their years in Chinese numerals; a year opens a body there."""
    text = (
        OPENING + "今后五年的主要任务一九八二年，全国工农业生产继续增长。" + FLAT_BODY
        + "一、关于工农业生产的发展速度。" + FLAT_BODY + "二、关于基本建设的规模。" + FLAT_BODY
    )  # fmt: skip
    assert [(lv, m, t) for lv, m, t in outline(text)][:2] == [
        (1, "", "今后五年的主要任务"),
        (2, "一、", "关于工农业生产的发展速度"),
    ]


def test_a_real_reports_part_of_no_number_before_a_year_flattened():
    written, flat = flat_headings(real_report("state-council/1982.txt"))
    assert written[0] in flat and written[0][1] == ""


# --- a subheading after a sibling the source lost ------------------------------------------


def test_a_subheading_after_a_gap_in_its_numbering_whose_next_follows():
    text = (
        OPENING + "一、今年的主要任务" + FLAT_BODY + "（一）扩大有效需求。" + FLAT_BODY
        + "（二）深化改革开放。" + FLAT_BODY + "（四）推动区域协调发展。" + FLAT_BODY
        + "（五）加强生态环境保护。" + FLAT_BODY
    )  # fmt: skip
    assert [m for _, m, _ in outline(text)] == ["一、", "（一）", "（二）", "（四）", "（五）"]


def test_a_mention_after_a_gap_with_nothing_after_is_no_heading():
    text = (
        OPENING + "一、今年的主要任务" + FLAT_BODY + "（一）扩大有效需求。" + FLAT_BODY
        + "（二）深化改革开放。" + FLAT_BODY + "（四）项所列的事项另行部署。" + FLAT_BODY
    )  # fmt: skip
    assert [m for _, m, _ in outline(text)] == ["一、", "（一）", "（二）"]


def test_a_real_report_that_lost_a_subheading_keeps_the_next_ones_flattened():
    written, flat = flat_headings(real_report("state-council/2007.txt"))
    assert [h for h in written if h not in flat] == []
