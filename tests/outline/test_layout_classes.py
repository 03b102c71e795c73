"""Classes of layout the unseen reports of session 16 failed on (issue 18), each with a
sample of our own in the genre's style and, where ../shared is present, the real report
that showed it (by path: its text never enters the project).
"""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON, kinds, outline

from extractor import parse


def _real(path: str) -> str:
    file = SHARED / "real" / path
    if not file.exists():
        pytest.skip(SHARED_REASON)
    return file.read_text(encoding="utf-8")


# --- nesting by the document's own marker sequence --------------------------------------


INVERTED = (
    "各位代表：\n\n（一）当前的经济形势\n\n今年经济形势继续好转。\n\n（二）今后经济建设的方针\n\n"
    "今后要走出一条新路子。\n\n一、加快农业的发展\n\n农业是基础。\n\n二、调整重工业的服务方向\n\n"
    "重工业要为农业服务。\n\n（三）经济发展的前景\n\n前景是光明的。\n"
)


def test_a_series_that_opens_the_outline_and_goes_on_after_a_gb_series_holds_it():
    """(一)…(二) 一、二、 (三): the （） series is the outer one, 一、 inside （二）."""
    assert outline(INVERTED) == [
        (1, "（一）", "当前的经济形势"), (1, "（二）", "今后经济建设的方针"),
        (2, "一、", "加快农业的发展"), (2, "二、", "调整重工业的服务方向"),
        (1, "（三）", "经济发展的前景"),
    ]  # fmt: skip
    assert [k for _, k, _ in kinds(INVERTED) if k][:2] == ["review", "plan"]


def test_the_gb_order_is_kept_where_the_paren_series_starts_again_in_each_part():
    text = (
        "（一）总体要求\n坚持稳中求进。\n一、工作回顾\n（一）农业\n粮食增产。\n（二）工业\n产值增长。\n"
        "二、工作安排\n（一）农业\n稳定面积。\n"
    )
    levels = [(lv, m) for lv, m, _ in outline(text)]
    assert (1, "一、") in levels and (1, "二、") in levels


def test_the_state_councils_1981_parts_hold_its_ten_guidelines():
    report = parse(_real("state-council/1981.txt"))
    tops = [s for s in report.sections if s.level == 1]
    assert [s.marker for s in tops] == ["（一）", "（二）", "（三）"]
    inner = [s for s in report.sections if s.level == 2]
    assert len(inner) == 10 and {s.parent_id for s in inner} == {tops[1].section_id}
    assert [s.kind for s in tops] == ["review", "plan", "plan"]
