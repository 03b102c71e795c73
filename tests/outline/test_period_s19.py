"""Periods of a plan's parts announced as the year's work (issue 18, session 19, s19-period).

The short texts are our own, written in the genre's style; the real-text tests read reports
in ../shared (texts whose outline is not held out) and skip where it is absent.
"""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON, kinds

from extractor import parse
from extractor.analysis.real import flatten

# --- a part naming a five-year plan and then the year, announced as the year's work ----------

BODY = "全市上下坚持稳中求进，推动经济社会高质量发展，各项工作取得新进展。" * 6
HEAD = (
    "2026年云溪市政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n"
    "各位代表：\n一、2025年工作回顾\n" + BODY + "\n"
    "二、“十五五”时期主要目标和2026年重点工作\n"
    "“十五五”时期是基本实现现代化夯实基础、全面发力的关键时期。\n"
)
TASKS = (
    "（一）做强实体经济\n加快传统产业提质升级。" + BODY + "\n"
    "（二）扩大有效需求\n大力提振消费。" + BODY + "\n"
)


def _periods(text: str) -> list[str]:
    # the periods of the part's subsections (flattened, a title may run on into its body)
    sections = parse(text).sections
    part = next(i for i, s in enumerate(sections) if s.title.startswith("“十五五”时期主要目标"))
    return [s.period for s in sections[part + 1 :]]


@pytest.mark.parametrize(
    ("opening", "period"),
    [
        # the paragraph before the subsections sets out the year's work late in it
        ("市委工作部署是今后一个时期的总抓手。2026年政府工作主要是围绕部署细化举措、抓好落实。",
         "2026"),
        # 今年 is the report's plan year; the announcing paragraph need not be the last
        ("今年工作的总体要求是：稳中求进、提质增效。\n主要预期目标是：地区生产总值增长5%左右。",
         "2026"),
        ("做好今年工作，必须坚持稳中求进工作总基调。", "2026"),
        # no sentence sets out the year's work: the plan's years
        ("今后五年，我们要奋力谱写现代化建设新篇章。", "2026-2030"),
        # the year's targets are not its work set out
        ("今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。", "2026-2030"),
    ],
)  # fmt: skip
def test_subsections_of_a_plan_and_its_year_take_the_year_its_work_is_announced_for(
    opening, period
):
    text = HEAD + opening + "\n" + TASKS
    assert _periods(text) == [period, period]
    # flattened, the same sentences set out the same year
    assert _periods(flatten(text)[0]) == [period, period]


def test_this_year_does_not_announce_a_review_year():
    # 今年 is the plan year: over the subsections of a part naming the plan and the review
    # year, a sentence on this year's work names another year, and the span stays
    text = (
        "2026年云溪市政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n"
        "各位代表：\n一、“十四五”时期和2025年工作回顾\n“十四五”时期是极不平凡的五年。\n"
        "今年工作的总体要求是：稳中求进。\n（一）产业体系持续优化\n新增高新技术企业300家。\n"
        "（二）民生福祉不断增进\n城镇新增就业5万人。\n二、2026年重点工作\n今年要抓好以下工作。\n"
    )
    assert [p for t, _, p in kinds(text) if t in ("产业体系持续优化", "民生福祉不断增进")] == [
        "2021-2025",
        "2021-2025",
    ]


# --- real reports --------------------------------------------------------------------------


@pytest.mark.parametrize("flat", [False, True])
def test_real_plan_parts_announced_as_the_years_work_are_the_years(flat):
    # inner-mongolia 2026: “十五五”时期主要目标和2026年重点工作 over 一、…四、, the paragraph before
    # 一、 setting out 2026年政府工作主要是…: the year's parts and their subsections
    file = SHARED / "real" / "inner-mongolia/2026.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    if flat:
        text = flatten(text)[0]
    sections = parse(text, path=str(file)).sections
    part = next(s for s in sections if s.title.startswith("“十五五”时期主要目标"))
    assert part.period == "2026-2030"
    under = [s for s in sections if s.start > part.start and s.level > part.level]
    assert len(under) == 19  # 一、…四、 and their （一）…
    assert {s.period for s in under} == {"2026"}
    assert {s.kind for s in under} == {"plan"}
