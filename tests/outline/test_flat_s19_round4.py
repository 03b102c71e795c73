"""Session 19, round 4: one-line pages — glued subheadings and point lines' items (issue 18)
— a sample of our own per class, and the real reports that showed it, by path under
../shared."""

from __future__ import annotations

from conftest import outline, real_report

from extractor import parse
from extractor.analysis.real import flatten

OPENING = "云溪县政府工作报告各位代表：现在，我代表县人民政府向大会报告工作，请予审议。"
FLAT_BODY = (
    "全县上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展保持总体平稳、"
    "稳中有进的良好态势，各项工作取得新的成效。"
) * 6
ITEMS = "一是深化基层网格治理。推动网格员队伍建设提质增效。二是兜牢民生底线。落实社会救助政策。"


# --- the last subheading after a gap, its body opening on a list as its siblings' do ------------


def test_the_last_subheading_after_a_gap_opens_on_a_list_as_its_siblings_do():
    text = (
        OPENING + "一、2025年工作安排" + FLAT_BODY
        + "（一）以品牌培育为突破，激活发展新活力" + ITEMS + FLAT_BODY
        + "（二）以和谐共融为追求，培育发展新动能" + ITEMS + FLAT_BODY
        + "（四）以安全稳定为基石，筑牢发展新防线" + ITEMS + FLAT_BODY
    )  # fmt: skip
    assert [(m, t) for lv, m, t in outline(text) if lv == 2] == [
        ("（一）", "以品牌培育为突破，激活发展新活力"),
        ("（二）", "以和谐共融为追求，培育发展新动能"),
        ("（四）", "以安全稳定为基石，筑牢发展新防线"),
    ]


def test_a_numbered_sentence_after_a_gap_that_opens_no_list_is_no_subheading():
    text = (
        OPENING + "一、2025年工作安排" + FLAT_BODY
        + "（一）以品牌培育为突破，激活发展新活力" + ITEMS + FLAT_BODY
        + "（二）以和谐共融为追求，培育发展新动能" + ITEMS + FLAT_BODY
        + "（四）全年新增就业岗位一千个，城镇调查失业率控制在预期以内。" + FLAT_BODY
    )  # fmt: skip
    assert [m for lv, m, _ in outline(text) if lv == 2] == ["（一）", "（二）"]


def test_pingtan_haitans_last_plan_heading_found_written_and_flattened():
    text = real_report("pingtan-haitan/2024-2025plan.txt")
    for version in (text, flatten(text)[0]):
        report = parse(version)
        subs = [s for s in report.sections if s.level == 2 and s.period == "2025"]
        assert [s.marker for s in subs] == ["（一）", "（二）", "（四）"]
        last = subs[-1]
        assert version[last.start : last.title_end].startswith("（四）")
        # its items are its own, no longer its sibling's
        assert [m.marker for m in report.measures if m.section_id == last.section_id][:2] == [
            "一是",
            "二是",
        ]
