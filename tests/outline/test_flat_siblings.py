"""Siblings decided together where a text lost its line breaks (issue 18, session 15;
extractor/outline/siblings.py): a title the cues could only end at its first comma takes
as many phrases as its sure siblings have, its last phrase ending before the verb that
opens its body where theirs end; not where the siblings are phrases of one clause.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

from conftest import outline

BEFORE = "云岭县2025年政府工作报告" + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 12
#: A body with no sentence end near its start and no cue in its clauses.
BODY = (
    "，全面推进重点项目建设和产业链条延伸，带动就业岗位增加和群众收入增长，"
    "确保各项目标任务顺利完成。"
)
PART = "一、2026年重点工作今年是“十五五”开局之年，做好政府工作意义重大。"


def test_a_title_cut_at_its_comma_takes_its_siblings_two_phrases():
    text = BEFORE + PART + (
        "（一）坚持创新驱动，加快培育新兴产业集群按照“强链补链”思路" + BODY +
        "（二）坚持改革攻坚，持续激发市场主体活力按照放管服改革要求" + BODY +
        "（三）坚持开放合作，加快融入区域发展格局按照全方位开放要求" + BODY +
        "（四）坚持绿色发展，持续改善城乡生态环境提升河湖治理水平" + BODY
    )  # fmt: skip
    assert [t for level, _m, t in outline(text) if level == 2] == [
        "坚持创新驱动，加快培育新兴产业集群",
        "坚持改革攻坚，持续激发市场主体活力",
        "坚持开放合作，加快融入区域发展格局",
        "坚持绿色发展，持续改善城乡生态环境",
    ]


def test_siblings_of_one_phrase_leave_a_title_cut_at_its_comma():
    text = BEFORE + PART + (
        "（一）加快培育新兴产业集群按照“强链补链”思路" + BODY +
        "（二）持续激发市场主体活力按照放管服改革要求" + BODY +
        "（三）加快融入区域发展格局按照全方位开放要求" + BODY +
        "（四）坚持绿色发展，持续改善城乡生态环境提升河湖治理水平" + BODY
    )  # fmt: skip
    assert [t for level, _m, t in outline(text) if level == 2][-1] == "坚持绿色发展"
