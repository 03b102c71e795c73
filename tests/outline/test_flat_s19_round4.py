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


# --- point lines (第一，…⏎body) run on into their bodies' first sentences -------------------------


POINTS = (
    "第一，进一步稳定和加强农业农业是国民经济的基础，必须始终抓紧抓好。" + FLAT_BODY
    + "第二，积极推进政府机构改革政府机构改革是深化改革的迫切需要。" + FLAT_BODY
    + "第三，进一步提高对外开放水平对外开放是一项基本国策。" + FLAT_BODY
)  # fmt: skip


def _headlines(text: str) -> list[str]:
    return [m.headline for m in parse(text).measures if m.marker.startswith("第")]


def test_point_lines_end_where_their_bodies_open_flattened():
    text = OPENING + "一、今年的主要任务" + FLAT_BODY + POINTS
    assert _headlines(text) == [
        "进一步稳定和加强农业",
        "积极推进政府机构改革",
        "进一步提高对外开放水平",
    ]
    for m in parse(text).measures:
        assert text[m.headline_start : m.headline_end] == m.headline


def test_a_lone_item_whose_sentence_holds_a_body_opener_is_one_sentence():
    text = (
        OPENING + "一、今年的主要任务" + FLAT_BODY
        + "第一，各级政府要把安全生产摆在更加重要的位置。" + FLAT_BODY
        + "第二，强化企业安全生产主体责任。" + FLAT_BODY
        + "第三，加强安全监管能力建设。" + FLAT_BODY
    )  # fmt: skip
    assert _headlines(text) == [
        "各级政府要把安全生产摆在更加重要的位置",
        "强化企业安全生产主体责任",
        "加强安全监管能力建设",
    ]


def test_the_state_councils_point_lines_flattened_end_as_written():
    # the 第一，… headlines that read flattened as written: 1987 3 → 5, 1998 5 → 8, 1980
    # 0 → 2 (its other point lines run on into bodies no closed class opens)
    for path, agree in (("state-council/1987.txt", 5), ("state-council/1998.txt", 8),
                        ("state-council/1980.txt", 2)):  # fmt: skip
        text = real_report(path)
        written, flat = (
            [m.headline for m in parse(t).measures if m.marker.startswith("第")]
            for t in (text, flatten(text)[0])
        )
        assert len(written) == len(flat)
        assert sum(w == f for w, f in zip(written, flat, strict=True)) >= agree
