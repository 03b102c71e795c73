"""Scores on the annotated real reports: tuning and held-out apart, titles past 30
characters by prefix and length, leads ignored where a report lost its paragraphs, and a
report that is absent or changed skipped with the reason.

The floors hold on the tuning split; the held-out split is reported (run with ``-s``), never
tuned on (corpora/annotations/real/README.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import CORPORA, SHARED, SHARED_REASON

from extractor.analysis.evaluate import clip
from extractor.analysis.real import (
    Skipped,
    evaluate_flattened,
    evaluate_real,
    find_real,
    flatten,
    flattened,
    load_real,
)

# Our own text in the genre's style: a long first heading, lead paragraphs, one mask.
LONG = "坚持稳中求进工作总基调全力推动县域经济高质量发展再上新台阶"  # 29 characters
TEXT = (
    "云溪县2023年工作总结\n"
    f"一、{LONG}取得新成效\n"
    "加大项目投资力度。全年新开工项目X个。\n促进消费持续恢复。举办消费季活动。\n"
    "二、2024年工作打算\n一是抓项目；二是优环境。\n"
)


def _write(tmp_path: Path, annotation: dict, text: str = TEXT) -> tuple[Path, Path]:
    """A corpus with one real annotation, and the shared folder holding its report."""
    shared = tmp_path / "shared"
    (shared / "real" / "yunxi").mkdir(parents=True)
    report = shared / "real" / "yunxi" / "2023.txt"
    report.write_text(text, encoding="utf-8")
    folder = tmp_path / "corpora" / "annotations" / "real" / "outline"
    folder.mkdir(parents=True)
    body = {
        "source": "real/yunxi/2023.txt", "split": "tuning",
        "sha256": hashlib.sha256(report.read_bytes()).hexdigest(), **annotation,
    }  # fmt: skip
    (folder / "yunxi__2023.json").write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    return tmp_path / "corpora", shared


SECTIONS = [
    # a 34-character title, written as its first 28 characters, … and its length
    {"level": 1, "marker": "一、", "ordinal": 1, "title": LONG[:28] + "…", "title_len": 34},
    {"level": 1, "marker": "二、", "ordinal": 2, "title": "2024年工作打算"},
]
ITEMS = [
    {"section": "2024年工作打算", "marker": "一是", "ordinal": 1, "headline": "抓项目"},
    {"section": "2024年工作打算", "marker": "二是", "ordinal": 2, "headline": "优环境"},
]
LEADS = [
    {"section": LONG[:28] + "…", "marker": "", "style": "lead", "headline": "加大项目投资力度"},
    {"section": LONG[:28] + "…", "marker": "", "style": "lead", "headline": "促进消费持续恢复"},
]


def test_long_titles_compare_by_prefix_and_length(tmp_path):
    corpus, shared = _write(tmp_path, {"sections": SECTIONS, "measures": LEADS + ITEMS})
    result = evaluate_real(corpus, shared=shared)
    tuning = result.splits["tuning"]
    assert (tuning.scores["sections"].tp, tuning.scores["sections"].fp) == (2, 0)
    assert tuning.scores["measures"].f1 == 1.0
    assert tuning.accuracies["measure_section"] == 1.0
    assert "heldout" not in result.splits and not result.skipped


def test_a_wrong_length_is_a_different_title(tmp_path):
    wrong = [{**SECTIONS[0], "title_len": 35}, SECTIONS[1]]
    corpus, shared = _write(tmp_path, {"sections": wrong})
    scores = evaluate_real(corpus, shared=shared).splits["tuning"].scores["sections"]
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 1)


def test_leads_are_ignored_on_both_sides_where_not_scored(tmp_path):
    # the parser finds the two leads; unscored, they are neither right nor spurious
    corpus, shared = _write(tmp_path, {"leads_scored": False, "measures": ITEMS})
    scores = evaluate_real(corpus, shared=shared).splits["tuning"].scores["measures"]
    assert (scores.tp, scores.fp, scores.fn) == (2, 0, 0)
    corpus, shared = _write(tmp_path / "scored", {"measures": ITEMS})
    scores = evaluate_real(corpus, shared=shared).splits["tuning"].scores["measures"]
    assert (scores.tp, scores.fp, scores.fn) == (2, 2, 0)


def test_placeholders_resolve_in_the_report(tmp_path):
    masks = [{"anchor": "新开工项目X个", "text": "X", "kind": "figure"}]
    corpus, shared = _write(tmp_path, {"placeholders": masks})
    (ann,) = [load_real(p, shared) for p in find_real(corpus)]
    assert not isinstance(ann, Skipped)
    (gold,) = ann.elements["placeholders"]
    assert ann.text[gold.start : gold.end] == "X"


def test_an_absent_or_changed_report_is_skipped_with_the_reason(tmp_path):
    corpus, shared = _write(tmp_path, {"sections": SECTIONS})
    (shared / "real" / "yunxi" / "2023.txt").write_text(TEXT + "补记。\n", encoding="utf-8")
    result = evaluate_real(corpus, shared=shared)
    assert not result.splits and "changed" in result.skipped[0].reason
    result = evaluate_real(corpus, shared=tmp_path / "elsewhere")
    assert "not under" in result.skipped[0].reason


@pytest.mark.parametrize(
    ("text", "length", "clipped"),
    [
        ("短标题", None, "短标题"),
        ("甲" * 31, None, "甲" * 28 + "…31"),
        ("甲" * 28 + "…", 40, "甲" * 28 + "…40"),
    ],
)
def test_clip(text, length, clipped):
    assert clip(text, length) == clipped


# --- the annotated real reports -----------------------------------------------------------

REAL = find_real(CORPORA)


#: Held-out set v7's outlines (session 15), tuning material from session 16: the unseen layouts
#: they hold (an inverted nesting, run-in parts of a newspaper page, a plan part as one
#: paragraph, a crawled county page) read sections F1 0.793 and measures 0.941 as held-out.
#: They are floored apart (``test_v7_outlines_floor``), so that the earlier files' floors hold.
V7 = frozenset({"real/chongqing/2026", "real/state-council/1981", "real/hailar/2019",
                "real/pingtan-county/2023"})  # fmt: skip


#: Session 16's new tuning outlines (unseen layouts annotated from the raw text: a newspaper
#: page whose numbered parts on lines of their own head lead paragraphs, a district report of
#: —— results with lead sub-paragraphs, the State Council's 1979 report with marker-alone
#: 第一、 lines and a colon list （一）…（五）, a bureau's one-line summary and plan).  Their
#: first reading, pooled: sections F1 0.948, measures 0.958, section kind 0.957, period 0.696;
#: flattened sections 0.630, measures 1.000.  Floored apart (``test_s16_outlines_floor``).
S16 = frozenset({"real/tianjin/2026", "real/hailar/2016", "real/state-council/1979",
                 "real/pingtan-zfyjj/2024-2025plan"})  # fmt: skip


#: Session 17's new tuning outlines (s17-layout; unseen layouts annotated from the raw text: the
#: State Council's 1987 report with 第一，… point lines, a part's title glued to its body and
#: 一是…；一是… pairs, two newspaper pages of 2026 (a five-year review of 这五年是…的五年。
#: lines beside 一是…八是 paragraphs; parts titled by couplets that name no time), a bureau's
#: one-line summary and plan).  Their first reading, pooled: sections F1 0.982, measures 0.969,
#: section kind 0.764, period 0.873, document title 1.000; flattened sections 0.726, measures
#: 0.785.  Floored apart (``test_new_outlines_floor``).
S17 = frozenset({"real/state-council/1987", "real/tibet/2026", "real/fujian/2026",
                 "real/pingtan-shsyj/2024-2025plan"})  # fmt: skip


#: Session 18's new tuning outlines (s18-layout; unseen layouts annotated from the raw text: the
#: State Council's 1956 budget report, a running account of figures whose year-led sentences
#: and topics set apart open no lead; its 2006 report, run-in review parts after a colon and
#: leads that run into their 一要…/一是… lists; Ningxia's 2026 page, results under 一是… items
#: and 这五年，<result>。 leads).  Their first reading, pooled: sections F1 1.000, measures 0.849,
#: section kind 1.000, period 0.939, document title 1.000; flattened sections 0.879, measures
#: 1.000.  Floored apart (``test_new_outlines_floor``).
S18 = frozenset({"real/state-council/1956", "real/state-council/2006", "real/ningxia/2026"})

#: Session 18's round 2 (s18-layout2; annotated from the raw text before any parser run: the
#: State Council's 2018 report, a five-year review's run-in parts, policy leads, task parts over
#: leads and the government's own conduct after 各位代表！; Heilongjiang's 2026 page, twelve
#: 一是 items of the five-year plan, dash principles, run-in parts over leads).  Their first
#: reading, pooled: sections F1 1.000, measures 0.985 (three passages' opening statements read
#: as leads), section kind and period 1.000, document title 1.000; flattened sections 1.000,
#: measures 1.000.  Floored apart (``test_new_outlines_floor``).
S18B = frozenset({"real/state-council/2018", "real/heilongjiang/2026"})

#: Session 19's new tuning outlines for leads (s19-leads; annotated from the raw text before any
#: parser run: the State Council's 2016 report, —— results and 一是… items with two result leads
#: under 二是, task leads under run-in （一）…（八） with inline 一是…/一要… lists; Guangxi's 2026
#: page, run-in parts of one paragraph each and no leads).  Their first reading, pooled:
#: sections F1 1.000, measures 0.994 (a saying, 上下同欲者胜。, read as a lead), section kind
#: and period 0.976 (guangxi's 二、 on the five-year plans, annotated review 2021-2025 as
#: beijing 2026's same title, read plan 2026-2030), document title 1.000; flattened sections
#: 1.000, measures 1.000.  Floored apart (``test_new_outlines_floor``).
S19L = frozenset({"real/state-council/2016", "real/guangxi/2026"})

#: Session 19's period helper (s19-period; annotated from the raw text before any parser run:
#: Inner Mongolia's 2026 page, two bare part lines, the plan's part naming “十五五” first over
#: 一、…四、 that its opening announces as the year's work, 2026年政府工作主要是…; Zhejiang's 2026
#: page, run-in review parts, dash principles of the five-year plan, task parts over leads and
#: a numbered list of the year's practical projects).  Their first reading, pooled: sections
#: F1 1.000, measures 1.000, section kind 1.000, period 0.683 (inner-mongolia's 19 subsections
#: read as the plan's span), document title 1.000; flattened sections 0.900, measures 0.994.
#: Floored apart (``test_new_outlines_floor``).
S19 = frozenset({"real/inner-mongolia/2026", "real/zhejiang/2026"})


@pytest.fixture(scope="module")
def real():
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    if not REAL:
        pytest.skip("corpora/annotations/real/outline holds no annotations")
    return evaluate_real(CORPORA, shared=SHARED, exclude=V7 | S16 | S17 | S18 | S18B | S19L | S19)


def _apart(only):
    """The tuning split of one group of annotations scored on its own."""
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    return evaluate_real(CORPORA, shared=SHARED, only=only).splits["tuning"]


@pytest.fixture(scope="module")
def v7():
    return _apart(V7)


@pytest.fixture(scope="module")
def s16():
    return _apart(S16)


@pytest.fixture(scope="module")
def s17():
    return _apart(S17)


@pytest.fixture(scope="module")
def s18():
    return _apart(S18)


@pytest.fixture(scope="module")
def s18b():
    return _apart(S18B)


@pytest.fixture(scope="module")
def s19l():
    return _apart(S19L)


@pytest.fixture(scope="module")
def s19():
    return _apart(S19)


def test_every_annotated_real_report_is_scored(real, v7, s16, s17, s18, s18b, s19l, s19):
    assert not real.skipped, real.skipped
    apart = len(v7.documents) + len(s16.documents) + len(s17.documents) + len(s18.documents)
    apart += len(s18b.documents) + len(s19l.documents) + len(s19.documents)
    scored = sum(len(e.documents) for e in real.splits.values()) + apart
    assert scored == len(REAL) and set(v7.documents) == V7 and set(s16.documents) == S16
    assert set(s17.documents) == S17 and set(s18.documents) == S18
    assert set(s18b.documents) == S18B and set(s19l.documents) == S19L
    assert set(s19.documents) == S19


#: v7's floors: its held-out reading (sections 0.793, measures 0.941, section kind 1.000);
#: session 16 (s16-layout): 0.963 and 0.982 (state-council 1981's inverted nesting read by
#: the document's own marker order, judgements and topic frames no leads).
V7_FLOORS = [("sections", 0.96), ("measures", 0.98)]


@pytest.mark.parametrize(("element", "floor"), V7_FLOORS)
def test_v7_outlines_floor(v7, element, floor, capsys):
    with capsys.disabled():
        print(f"\nv7 outlines {element} F1 {v7.scores[element].f1:.3f}")
    assert v7.scores[element].f1 >= floor, _explain(v7, element)


#: Session 16's new tuning outlines after the session's rules: sections 1.000, measures 1.000
#: (their first reading 0.948 and 0.958, above).
S16_FLOORS = [("sections", 0.99), ("measures", 0.99)]


@pytest.mark.parametrize(("element", "floor"), S16_FLOORS)
def test_s16_outlines_floor(s16, element, floor):
    assert s16.scores[element].f1 >= floor, _explain(s16, element)


#: Section periods of the groups above, as written: v7 0.709 → 0.835 and session 16's 0.717 →
#: 0.870 (session 17, s17-period: a part naming a year before the five-year plan it closes,
#: 2025年和“十四五”时期工作回顾, speaks of the year, its subsections too) → 0.957 (the plan
#: first, “十二五”时期和2015年工作回顾, its subsections under 刚刚过去的2015年，… the year's).
#: What still fails: 1981's periods (its text never gives the date that decides them),
#: 1979's parts by reading.
PERIOD_FLOORS = [("v7", 0.83), ("s16", 0.95), ("s17", 0.98)]


@pytest.mark.parametrize(("group", "floor"), PERIOD_FLOORS)
def test_new_outlines_period_floor(group, floor, request):
    evaluation = request.getfixturevalue(group)
    wrong = [m.description for m in evaluation.misses if m.description.startswith("section_")]
    assert evaluation.accuracies["section_period"] >= floor, "\n".join(wrong[:20])


#: Session 17's new tuning outlines after the session's rules: sections 0.982, measures 1.000
#: (their first reading 0.982 and 0.969), section kind 0.964 and period 0.964 (0.764 and
#: 0.873).  What still fails: state-council 1987's 三、 whose title runs into its body with no
#: cue of where (…扩大对外开放国民经济的长期稳定发展，既要靠…), and the reading of its 一、
#: (形势和基本任务: review by reading, plan by its last word) and 二、 (a plan by reading, no
#: kind word nor time); tibet's 2025年和“十四五”时期工作回顾 read as its span (as tianjin's)
#: until s17-period settled it the year's (period 0.964 → 0.982, floored above).
S17_FLOORS = [("sections", 0.98), ("measures", 0.99)]


#: Session 18's new tuning outlines after the session's rules (s18-layout): sections 1.000,
#: measures 0.849 → 0.984 (results under items that open paragraphs, 这五年，<result>。 leads,
#: a lead running into its list beside one other lead; year-led sentences, 以上/上述, 随着…，
#: and topics or times set apart no leads).  What still fails: 1956's 适应…的需要，…, …已经成为…
#: and a forecast of the year, and 2006's two statements about the draft plan (annotated no
#: leads), and 2006's two parts on the eleventh five-year plan's aims and tasks, read 2006 (the
#: plan's five years annotated).  Session 19 (s19-leads): measures 0.984 → 0.997 (1956's
#: forecasts, …将有…的发展, and 2006's attitude narrated, …对…高度重视, and draft's own making,
#: 《纲要（草案）》的制定…, rhetoric); only 1956's …已经成为… still fails; floor 0.98 → 0.99.
S18_FLOORS = [("sections", 0.99), ("measures", 0.99)]


#: Session 18's round 2 (s18-layout2) after its rules: sections 1.000, measures 0.985 → 1.000
#: (a paragraph right after a lone 各位代表！ states its passage's theme, no lead; an assessment
#: framed by its analysis, 综合分析…形势，…并存。, is rhetoric).
S18B_FLOORS = [("sections", 0.99), ("measures", 0.99)]


#: Session 19's lead outlines (s19-leads) after its rules: sections 1.000, measures 0.994 →
#: 1.000 (a saying, 上下同欲者胜。, is rhetoric); kind and period 0.976 (guangxi's 二、, above).
S19L_FLOORS = [("sections", 0.99), ("measures", 0.99)]


#: Session 19's period helper (s19-period) after its rules: sections 1.000, measures 1.000,
#: section kind 1.000, period 0.683 → 1.000 (a part's opening that sets out the year's work,
#: period.year_work, gives its subsections the year).
S19_FLOORS = [("sections", 0.99), ("measures", 0.99)]


#: Each new group's floors: its fixture, the F1 floors above (sections, measures) and the
#: floors of its section kinds and periods as written.
GROUP_FLOORS = [
    ("s17", S17_FLOORS, 0.95, 0.95),
    ("s18", S18_FLOORS, 0.99, 0.93),
    ("s18b", S18B_FLOORS, 0.99, 0.99),
    ("s19l", S19L_FLOORS, 0.97, 0.97),
    ("s19", S19_FLOORS, 0.99, 0.99),
]


@pytest.mark.parametrize(
    ("group", "element", "floor", "kind", "period"),
    [
        (group, e, f, kind, period)
        for group, floors, kind, period in GROUP_FLOORS
        for e, f in floors
    ],
)
def test_new_outlines_floor(group, element, floor, kind, period, request):
    evaluation = request.getfixturevalue(group)
    assert evaluation.scores[element].f1 >= floor, _explain(evaluation, element)
    assert evaluation.accuracies["section_kind"] >= kind
    assert evaluation.accuracies["section_period"] >= period


#: v7's and session 16's outlines flattened, floored apart from the pool: v7 0.818 before
#: session 16, 0.831 after (0.902 with a rule that took the first 一、 after （）parts for a
#: heading, dropped: it made a list inside a one-line summary's part into parts); session
#: 16's four 0.630 at their first reading, 0.826 after (what still fails: a heading over a lead
#: paragraph whose lead is a result clause, 京津冀协同发展深入拓展, runs into it with no cue
#: of where its subject starts: tianjin's five review parts).  The lead dropped 发挥 and 统筹 as
#: openers of a body (titles use them as often as bodies: a provincial report's flattened
#: 更大力度统筹促消费扩投资 lost its end to them): session 16's four read 0.761 without them.
#: Session 17's four: 0.726 at their first reading and after s17-layout's rules (what fails
#: flattened: run-in part titles over lead paragraphs whose lead is a result or task clause,
#: 立足扩大内需，…提质增效|充分释放政策效能 — the class above — and 1987's point lines).
#: Session 17 (s17-flat): v7 0.831 → 0.902 with that rule taken back where no 二、 follows
#: within a part's body (the list inside a part stays a list); its floor 0.83 → 0.90.
#: Session 18's three (s18-layout): 0.879 at their first reading and after s18-layout's rules (what fails
#: flattened: part titles run on into a body that opens on a long frame, 从当前…形势看，, on a
#: pointer back, 如上所说，, or on a subject and its verb, 党中央、国务院对…; four titles).
#: Session 18 (s18-flat): v7 0.902 → 0.915 (a heading's lead cut off where its title has two
#: phrases: pingtan-county 2023), session 17's four 0.761 → 0.786 (the same: tibet's
#: 立足区域协调，…振兴|持续推进…; 1987's list items after a ； no parts); floors 0.90 → 0.91
#: and 0.72 → 0.78.  Session 18's round 2 (s18-layout2): 1.000 at the first reading.
#: Session 18, round 2 (s18-flat2): session 17's four 0.786 → 0.804 (1987's 四、 no longer
#: runs into its body opening on 我国…); floor 0.78 → 0.80.  Session 19 (s19-leads): its two
#: lead outlines 1.000 at their first reading.
#: Session 19's two (s19-period): 0.900 at the first reading and after its rules (what fails
#: flattened: six part titles that run on into the lead of their body, …增强社会预期|放大经济政策,
#: or stop short, …贯穿政府工作各方面|全过程 — the title-end class above).
#: Session 19 (s19-flat), flattened: S16 0.761 → 0.783, S17 0.804 → 0.839, S18 0.879 → 0.970
#: (frames' prepositions, plans' years, a plan by its name, verbs whose object follows…).
APART_FLAT_FLOORS = [(V7, 0.91), (S16, 0.78), (S17, 0.83), (S18, 0.96), (S18B, 0.99),
                     (S19L, 0.99), (S19, 0.89)]  # fmt: skip


@pytest.mark.parametrize(("group", "floor"), APART_FLAT_FLOORS)
def test_apart_flattened_floor(group, floor):
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    flat = evaluate_flattened(CORPORA, shared=SHARED, only=group)
    assert flat.scores["sections"].f1 >= floor, _explain(flat, "sections")


def _explain(evaluation, element: str) -> str:
    misses = [m for m in evaluation.misses if m.element == element and m.kind != "wrong"]
    return "\n".join([evaluation.table(), *(f"{m.document}: {m.kind} {m.description}"
                                            for m in misses[:30])])  # fmt: skip


#: Floors on the tuning split (the parser is tuned on it): sections 0.818 and measures 0.897
#: before issue 18's outline work, 0.995 and 0.994 after.  Placeholders are the elements
#: group's (scored, no floor here).  Session 10 moved the former held-out reports (sections
#: 0.841, measures 0.974 as held-out) into tuning: 0.933 and 0.988 on the twenty; 0.991 and
#: 1.000 after the session's genre rules.  Session 12, with three more reports annotated
#: (484 sections of a task list among them): 0.995 and 0.998.
TUNING_FLOORS = [("sections", 0.99), ("measures", 0.99)]


@pytest.mark.parametrize(("element", "floor"), TUNING_FLOORS)
def test_tuning_floor(real, element, floor):
    tuning = real.splits["tuning"]
    assert tuning.scores[element].f1 >= floor, _explain(tuning, element)


#: Accuracy floors on the tuning split (before → after issue 18: title 0.417 → 1.000,
#: doc type 0.500 → 1.000, section kind 0.404 → 0.838, measure section 0.632 → 1.000).
#: With the former held-out reports in tuning (session 10) measure section was 0.744 (sgcc-jiwei's
#: parts missed, its items under the wrong heading), 0.911 after the session's rules.
TUNING_ACCURACY = [("document_title", 0.9), ("doc_type", 0.85), ("section_kind", 0.8),
                   ("measure_section", 0.9)]  # fmt: skip


@pytest.mark.parametrize(("field", "floor"), TUNING_ACCURACY)
def test_tuning_accuracy_floor(real, field, floor):
    tuning = real.splits["tuning"]
    wrong = [m.description for m in tuning.misses if m.description.startswith(field)]
    assert tuning.accuracies[field] >= floor, "\n".join(wrong[:20])


def test_heldout_is_reported_not_tuned(real, record_property, capsys):
    """The honest number: printed and recorded, never explained (its misses are not shown,
    so nobody tunes on them)."""
    if "heldout" not in real.splits:
        pytest.skip("no held-out outline annotations: the former ones became tuning in session 10")
    heldout = real.splits["heldout"]
    assert len(heldout.documents) >= 8
    for element in ("sections", "measures", "placeholders"):
        record_property(f"heldout_{element}_f1", round(heldout.scores[element].f1, 3))
    with capsys.disabled():
        print("\nheld-out real reports:", {e: round(s.f1, 3) for e, s in heldout.scores.items()})


# --- the genre stress test: every outline annotation on its text flattened ---------------


def test_flatten_drops_line_breaks_and_indents_and_keeps_offsets():
    text = "云溪县工作总结\n　　一、主要成效\n  全年新开工项目X个。\n"
    flat, where = flatten(text)
    assert flat == "云溪县工作总结一、主要成效全年新开工项目X个。"
    i = text.index("X")
    assert flat[where[i] : where[i + 1]] == "X"
    assert where[len(text)] == len(flat)


def test_a_flattened_annotation_moves_its_spans_and_drops_leads_and_title(tmp_path):
    corpus, shared = _write(tmp_path, {"title": "云溪县2023年工作总结", "sections": SECTIONS,
                                       "placeholders": [{"anchor": "新开工项目X个", "text": "X",
                                                         "kind": "figure"}]})  # fmt: skip
    (ann,) = [load_real(p, shared) for p in find_real(corpus)]
    assert not isinstance(ann, Skipped)
    flat = flattened(ann)
    (gold,) = flat.elements["placeholders"]
    assert "\n" not in flat.text and flat.text[gold.start : gold.end] == "X"
    assert not flat.leads and "title" not in flat.meta


@pytest.fixture(scope="module")
def flat_and_written():
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    apart = FLAT_LATER | V7 | S16 | S17 | S18 | S18B | S19L | S19
    return evaluate_flattened(CORPORA, shared=SHARED, exclude=apart), evaluate_flattened(
        CORPORA, shared=SHARED, flat=False, exclude=apart
    )


#: Sections F1 of the samples and the tuning real reports flattened (line breaks and
#: indents removed, as a crawler loses them), against the same as written: 0.598 against
#: 0.993 when the stress test was built (session 11); measures 0.736 (0.844 once the gold
#: leads were left out as the predicted ones are), placeholders 0.979.  After the session's one-line rules (a crawler header run into its
#: body, a cover note's attachment numbered again, task lists and legislative plans): 0.840,
#: 0.883; with indents of any width (U+2003) dropped and result phrases and a title's lead
#: run together told apart: 0.858, 0.880; 0.869 with 计划一、 a heading and a form's fields
#: numbered again for each item; 0.908 with a task list's next items sought past a paragraph
#: break and its responsibility column past an item's further sentences (measures 0.991);
#: 0.914 with a page's title run on into its body and 第一部分　 glued after a sentence;
#: 0.922 with a body clause of figures glued to a short title.  Session 12: 0.941 with
#: chongqing-gwr-tasks 2021, pingtan-county 2024 and state-council 1986 in tuning; 0.953 with
#: a one-phrase title's lead told by the section's other leads, a part's whole noun phrase,
#: lists of one-sentence items after a colon, a part's opening sentence no task, and a body
#: that restates its title; measures 0.995 → 0.997 with dash items inside a line.
#: Session 13 (s13-flat): three one-line and scraped reports more in tuning (shanghai 2020,
#: beijing and jiangsu 2026): 0.953 and 0.987; 0.965 and 0.998 with the genre's cues of a
#: body's start (a plan period judged, a purpose, a situation, task openers in a second
#: clause, a noun title's verb), a part after a numbering gap, a glued 结束语 and headlines of
#: items a comma joins.  Session 15 (s15-flat): 0.968 with a body that restates its title
#: or opens on a subject and its predicate, siblings' clause count and frames set apart by
#: a comma, each only where the lines were lost.  Merged with s15-task, whose samples 18–20
#: joined the pool (20's pairs of no-break spaces inside a responsibility line cut its
#: flattened text into paragraphs too short to read as one-line text: 0.538 alone), the pool
#: reads 0.9648, so the floor is 0.96 again: new, harder samples, not a rule that lost.
#: Session 16 (s16-mask): placeholders flattened 0.979 → 0.998 on the same pool (a bullet's
#: asterisk run into the mask before it), 0.997 with the masked drafts 21–25 joined (sections
#: 0.965 → 0.962 with them: their flattened outlines read 0.84); the floor 0.95 → 0.99.
#: Session 18, round 2 (s18-flat2): sections 0.9629 → 0.9666 (lists inside a part, bodies
#: opening on the party's congress, on 要 or on 我国, topic titles 关于…问题); floor 0.96 → 0.965.
#: Session 19 (s19-flat): sections 0.9666 → 0.9673; floor kept.  Session 19, round 4
#: (s19-flat4): measures 0.998 → 0.999 (point lines' headlines end where their bodies open),
#: sections 0.967 → 0.968 (the last subheading after a gap); measures floor 0.995 → 0.998.
FLAT_FLOORS = [("sections", 0.965), ("measures", 0.998), ("placeholders", 0.99)]


@pytest.mark.parametrize(("element", "floor"), FLAT_FLOORS)
def test_flattened_floor(flat_and_written, element, floor, capsys):
    flat, written = flat_and_written
    with capsys.disabled():
        print(f"\n{element} F1 flattened {flat.scores[element].f1:.3f}, "
              f"as written {written.scores[element].f1:.3f}")  # fmt: skip
    assert flat.scores[element].f1 >= floor, _explain(flat, element)


def test_a_flattened_annotation_scores_no_gold_leads(tmp_path):
    corpus, shared = _write(tmp_path, {"measures": LEADS + ITEMS})
    (ann,) = [load_real(p, shared) for p in find_real(corpus)]
    assert not isinstance(ann, Skipped)
    kept = [g.attrs["marker"] for g in flattened(ann).elements["measures"]]
    assert kept == ["一是", "二是"]


# --- session 13 (s13-kind): kinds and periods, and the reports it annotated ----------------

#: Tuning outlines annotated in session 13 that the flattened stress test does not floor yet:
#: State Council reports written with their line breaks whose part titles a flattened line runs
#: straight into a body with no mark between (三、加大宏观政策实施力度，着力稳企业保就业保障
#: 就业和民生，…): flattened sections F1 0.96 (2024), 0.25 (2020), 0.29 (1999), which took the
#: set's 0.953 to 0.944.  Their written outlines are scored (and floored) with the tuning split;
#: ``test_flattened_later_is_reported`` prints their flattened score.
FLAT_LATER = frozenset(
    {"real/state-council/1999", "real/state-council/2020", "real/state-council/2024"}
)


def test_flattened_later_is_reported(capsys):
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    every = evaluate_flattened(CORPORA, shared=SHARED)
    assert every.documents and set(every.documents) >= FLAT_LATER
    with capsys.disabled():
        print(
            "\nsections F1 flattened with session 13's reports:",
            round(every.scores["sections"].f1, 3),
        )


#: Section kind and period on the tuning split (session 13): 0.971 and 0.867 before (a five-
#: year plan's part took one year, 七五's part no kind), 0.980 and 0.993 after; session 14:
#: kind 0.989 (an untitled summary opening on its year, kind.document.review_opening);
#: session 17 (s17-period): kind 0.986 → 0.990 (a summary's part describing its setting,
#: 基本情况 or 指标体系, no review: kind.review.described), period 0.994 unchanged.
def test_tuning_kind_and_period_floor(real):
    tuning = real.splits["tuning"]
    wrong = [m.description for m in tuning.misses if m.description.startswith("section_")]
    assert tuning.accuracies["section_kind"] >= 0.99, "\n".join(wrong[:20])
    assert tuning.accuracies["section_period"] >= 0.99, "\n".join(wrong[:20])
