"""Session 18's classes of one-line reading (issue 18), as session 17's file describes: a
sample of our own per class, and the real reports that showed it, by path under ../shared.
"""

from __future__ import annotations

import pytest
from conftest import flat_headings, outline, real_report

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
