"""Properties over arbitrary text: parse never raises, spans hold, sections nest."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.text.fold import fold

PIECES = st.sampled_from(
    ["一、", "（一）", "(二)", "1.", "2、", "（1）", "一是", "二是", "三是", "第一，", "首先，", "最后，",
     "——", "。", "；", "：", "\n", " ", "\u3000\u3000", "工作总结", "计划", "问题", "加强管理。",
     "2020年", "X", "“两抓年”", "第一部分", "结束语", "名词解释", "各位代表："]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_parse_never_raises_and_spans_hold(text):
    report = parse(text)
    norm = report.text
    ids = {s.section_id: s for s in report.sections}
    for sec in report.sections:
        assert norm[sec.start : sec.end] == sec.text
        if sec.parent_id:
            assert ids[sec.parent_id].start <= sec.start and sec.end <= ids[sec.parent_id].end
    for m in report.measures:
        assert norm[m.start : m.end] == m.text
        assert m.start <= m.headline_start <= m.headline_end <= max(m.end, m.headline_start)
        if m.section_id:
            assert ids[m.section_id].start <= m.start and m.end <= ids[m.section_id].end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_arbitrary_unicode(text):
    report = parse(text)
    assert report.document.chars == len(report.text)
