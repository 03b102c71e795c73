"""The seed's outline is SPEC §2's; every real report parses and every span holds its text."""

from __future__ import annotations

import pytest
from conftest import SHARED_REASON, shared_files

from extractor import parse
from extractor.pipeline import normalise_newlines

SEED_REVIEW = [
    ("打赢“阻击战”，疫情防控成效显著", "阻击战"),
    ("紧扣“两抓年”，项目攻坚有力推进", "两抓年"),
    ("立足“文旅路”，小县风姿渐入佳境", "文旅路"),
    ("奏好“振兴曲”，农业农村加快发展", "振兴曲"),
    ("围绕“惠民生”，社会事业持续优化", "惠民生"),
    ("落实“三服务”，自身建设突出新担当", "三服务"),
]
SEED_PLAN = [
    "凝心聚力抗疫情，全力以赴做好防控",
    "聚焦项目大突破，增强经济发展后劲",
    "凝聚发展大合力，加快乡村振兴步伐",
    "坚持环境大提升，彰显美丽乡村活力",
    "坚持成果大共享，推进民生事业发展",
    "坚持有为大担当，加强政府自身建设",
]
MARKERS = ["一是", "二是", "三是", "四是", "五是", "六是"]


def test_seed_outline_is_the_spec_outline(seed_text):
    report = parse(seed_text, doc_id="seed")
    doc = report.document
    assert (doc.title, doc.period, doc.doc_type) == (
        "2020年上半年工作总结和下半年工作安排", "2020H1", "summary-and-plan",
    )  # fmt: skip
    got = [(s.level, s.marker, s.ordinal, s.title, s.kind, s.period) for s in report.sections]
    assert got == [
        (1, "一、", 1, "上半年工作总结", "review", "2020H1"),
        (1, "二、", 2, "下半年工作计划", "plan", "2020H2"),
    ]
    review, plan = report.sections
    first = report.measures_of(review.section_id)
    second = report.measures_of(plan.section_id)
    assert [(m.marker, m.ordinal) for m in first] == list(zip(MARKERS, range(1, 7), strict=True))
    assert [(m.headline, m.slogan) for m in first] == SEED_REVIEW
    assert [m.headline for m in second] == SEED_PLAN
    assert all(m.style == "enumerated" and m.parent_id is None for m in report.measures)
    # each measure runs to the next one; the last of a section to the section's end
    assert first[0].end == first[1].start - 1 or seed_text[first[0].end] == "\n"
    assert second[-1].end == plan.end


REAL = shared_files()


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
@pytest.mark.parametrize("path", REAL, ids=[p.parent.name + "/" + p.name for p in REAL])
def test_real_report_parses_with_sound_spans(path):
    text = normalise_newlines(path.read_text(encoding="utf-8"))
    report = parse(text, path=str(path))
    assert report.text == text
    sections = {s.section_id: s for s in report.sections}
    for sec in report.sections:
        assert text[sec.start : sec.end] == sec.text
        # a part's number alone on its line (1960: 一) has an empty title
        assert sec.start <= sec.title_start <= sec.title_end <= sec.end
        assert sec.title or sec.marker
        assert sec.title == text[sec.title_start : sec.title_end].strip()
        if sec.parent_id is not None:
            parent = sections[sec.parent_id]
            assert parent.start < sec.start and sec.end <= parent.end and parent.level < sec.level
    for m in report.measures:
        assert text[m.start : m.end] == m.text
        assert text[m.headline_start : m.headline_end] == m.headline
        if m.section_id is not None:
            sec = sections[m.section_id]
            assert sec.start <= m.start and m.end <= sec.end
    doc = report.document
    if doc.title:
        assert "".join(text[doc.title_start : doc.title_end].split()) == doc.title


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_parts_numbered_by_a_bare_numeral_and_parts_after_a_nested_list():
    # 1960: the parts are a bare 一 on a line of its own; 1986: 三、 and 四、 go on after a
    # list 一、…五、 numbered inside 二、, and the 第一…第十 items hang under 四、
    assert [(s.level, s.marker) for s in _real("state-council", "1960").sections] == [
        (1, "一"), (1, "二"), (1, "三"), (1, "四"),
    ]  # fmt: skip
    report = _real("state-council", "1986")
    parts = [s for s in report.sections if s.level == 1 and s.marker]
    assert [s.marker for s in parts] == ["一、", "二、", "三、", "四、"]
    assert parts[2].title == "“七五”时期的经济体制改革"
    nested = [s for s in report.sections if s.parent_id == parts[1].section_id]
    assert [s.marker for s in nested if s.marker.endswith("、")] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
    ]
    items = [m for m in report.measures if m.marker.startswith("第")]
    assert len(items) == 10 and {m.section_id for m in items} == {parts[3].section_id}


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_real_corpus_yields_an_outline_for_most_reports():
    with_sections = [p for p in REAL if parse(p.read_text(encoding="utf-8")).sections]
    assert len(with_sections) >= 0.9 * len(REAL)


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_glossary_notes_are_not_sections():
    # state-council/2010 ends with a 注释 glossary numbered １、２、…
    path = next(p for p in REAL if p.parent.name == "state-council" and p.stem == "2010")
    text = normalise_newlines(path.read_text(encoding="utf-8"))
    report = parse(text)
    glossary = text.rindex("注释")
    assert all(s.start < glossary for s in report.sections)
    assert {s.level for s in report.sections} <= {1, 2}


def _real(series: str, stem: str):
    path = next((p for p in REAL if p.parent.name == series and p.stem == stem), None)
    if path is None:
        pytest.skip(f"{series}/{stem}.txt is not in ../shared/corpora/real")
    return parse(normalise_newlines(path.read_text(encoding="utf-8")))


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_bold_leads_on_lines_of_their_own_are_measures():
    # qinghai/2026 and the 1990s State Council reports set each bold lead on its own line
    qinghai = [m.headline for m in _real("qinghai", "2026").measures if m.style == "lead"]
    assert "加强生态系统保护修复" in qinghai and len(qinghai) >= 20
    leads_1993 = [m.headline for m in _real("state-council", "1993").measures]
    assert "必须紧紧抓住经济建设这个中心" in leads_1993
    assert "社会主义的根本任务是解放和发展生产力" not in leads_1993  # the body's first sentence


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_leads_beside_inline_lists_in_a_section():
    # state-council/2009 (五): paragraphs open with leads; one of them holds 一是…七是
    ms = _real("state-council", "2009").measures
    by_headline = {m.headline: m for m in ms}
    lead = by_headline["努力保持对外贸易稳定增长"]
    assert by_headline["推进资源性产品价格改革"].style == "lead"
    items = [m for m in ms if m.parent_id == lead.measure_id]
    assert [m.marker for m in items][:3] == ["一是", "二是", "三是"]


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_a_lead_running_straight_into_its_list_holds_it():
    # gansu/2026: 持续办好为民实事。一是…十是 had hung under the lead before it
    ms = _real("gansu", "2026").measures
    lead = next(m for m in ms if m.style == "lead" and m.headline == "持续办好为民实事")
    items = [m for m in ms if m.parent_id == lead.measure_id]
    assert [m.marker for m in items][:3] == ["一是", "二是", "三是"]


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_a_short_line_inside_a_part_does_not_reset_the_parts():
    # 1957: a line naming a topic inside 二、 had been taken for a bare part, reset the
    # numbering and lost 三、…五、 (then was dropped as a late bare part)
    parts = [s.marker for s in _real("state-council", "1957").sections if s.level == 1]
    assert parts == ["一、", "二、", "三、", "四、", "五、"]


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_every_report_with_headings_gets_an_outline():
    # the reports without a numbered heading line: 1954 (a wiki page broken into fragments)
    # and 1975 (paragraphs only)
    without = {"state-council/1954", "state-council/1975"}
    for path in REAL:
        name = f"{path.parent.name}/{path.stem}"
        if name in without or path.parent.name == "seed":
            continue
        assert parse(path.read_text(encoding="utf-8"), path=str(path)).sections, name


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_a_title_glued_to_its_dateline_stops_before_it():
    # state-council/2024: 政府工作报告——2024年3月5日在…上国务院总理 李强 on one line
    document = _real("state-council", "2024").document
    assert (document.title, document.date, document.doc_type) == (
        "政府工作报告", "2024-03-05", "gov-work-report",
    )  # fmt: skip


@pytest.mark.skipif(not REAL, reason=SHARED_REASON)
def test_sibling_titles_tell_where_a_run_on_title_ends():
    # sgcc-shaanxi-party/2021 lost its line breaks: 1.…9. close with 上提高质量, and those
    # that ran on into their lead end there (extractor/outline/series.py)
    titles = [s.title for s in _real("sgcc-shaanxi-party", "2021").sections if s.level == 3]
    assert len(titles) == 9
    assert all(t.endswith("上提高质量") for t in titles)
