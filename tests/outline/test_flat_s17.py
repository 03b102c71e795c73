"""Classes of one-line reading (issue 18) found in session 17 by parsing every report whose
outline is not held out both as written and flattened (``extractor.analysis.real.flatten``):
where the outline as written is right and the flattened one differs.  Each class has a
sample of our own in the genre's style and, where ../shared is present, the real reports
that showed it (by path: their text never enters the project).
"""

from __future__ import annotations

import pytest
from conftest import flat_headings, outline, real_report

from extractor import parse
from extractor.analysis.real import flatten

FLAT_BODY = (
    "今年以来，全县上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展保持总体平稳、"
    "稳中有进的良好态势，各项工作取得新的成效。"
) * 12


# --- numerals of a noun in a sentence: 二、三级医院 is no part 二、 --------------------------


def test_a_pair_of_numerals_before_a_measure_word_is_no_heading():
    text = (
        "云溪县2024年政府工作报告 一、2023年工作回顾" + FLAT_BODY
        + "新增二、三级医院专家号源3万个，一、二类水体比例提高到90%。" + FLAT_BODY
        + "二、2024年主要任务" + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [(1, "一、", "2023年工作回顾"), (1, "二、", "2024年主要任务")]


def test_a_real_report_keeps_its_parts_flattened():
    """A review sentence of 二、三级 hospitals was read as part 二 where the lines were lost,
    and the real part 二 with its subsections was then refused."""
    written, flat = flat_headings(real_report("shanghai/2026.txt"))
    assert flat == written


# --- a document's title run on into a body that opens on a year ----------------------------


# fmt: off
YEAR_OPENED = [
    # the year in Chinese numerals
    ("云溪县2021年上半年工作总结和下半年工作打算二〇二一年是“十四五”开局之年。上半年，全县",
     "云溪县2021年上半年工作总结和下半年工作打算", "summary-and-plan", "2021H1"),
    # a year before the area the body speaks of
    ("云溪县教育局2022年工作要点2022年全县教育工作的总体要求是：坚持立德树人根本任务。",
     "云溪县教育局2022年工作要点", "plan", "2022"),
]
# fmt: on


@pytest.mark.parametrize(("opening", "title", "doc_type", "period"), YEAR_OPENED)
def test_a_title_run_on_into_a_body_that_opens_on_a_year(opening, title, doc_type, period):
    text = opening + FLAT_BODY + "一、主要工作" + FLAT_BODY + "二、下一步工作" + FLAT_BODY
    doc = parse(text).document
    assert (doc.title, doc.doc_type, doc.period) == (title, doc_type, period)


# --- parts numbered （一）, the items of one of them 一、: nested as written ------------------


def test_parts_numbered_in_brackets_above_items_numbered_one_line():
    part = "各地区各部门要结合实际，认真研究具体措施，切实抓出成效，这项工作要长期坚持。" * 8
    text = (
        "政府工作报告 各位代表：（一）当前的经济形势" + part
        + "（二）今后经济建设的方针今后必须认真贯彻执行下列方针。"
        + "一、加快农业的发展" + part + "二、调整重工业的服务方向" + part
        + "（三）经济发展的前景" + part
    )  # fmt: skip
    assert [(lv, m) for lv, m, _ in outline(text)] == [
        (1, "（一）"), (1, "（二）"), (2, "一、"), (2, "二、"), (1, "（三）"),
    ]  # fmt: skip


def test_a_real_report_of_inverted_numbering_keeps_its_items_flattened():
    written, flat = flat_headings(real_report("state-council/1981.txt"))
    assert flat == written


# --- a report's notes glued after its last sentence are end matter ---------------------------


def test_notes_glued_after_the_last_sentence_are_noflat_headings():
    text = (
        "云溪县2024年政府工作报告 一、2023年工作回顾" + FLAT_BODY + "二、2024年主要任务"
        + FLAT_BODY + "（一）扩大有效投资" + FLAT_BODY
        + "让我们携手并进，为全面完成全年目标任务而努力奋斗！注释：1、四好农村路：是指建好、"
        "管好、护好、运营好农村公路。这项工作由交通部门牵头。2、一网通办：是指企业和群众办事"
        "只进一扇门。这项改革已在全县推开。"
    )  # fmt: skip
    assert [(lv, m) for lv, m, _ in outline(text)] == [(1, "一、"), (1, "二、"), (2, "（一）")]


def test_a_real_reports_notes_stay_end_matter_flattened():
    written, flat = flat_headings(real_report("state-council/2010.txt"), deepest=4)
    assert flat == written


# --- where a title ends on a one-line page, class by class ---------------------------------------


def _subtitles(*sections: str) -> list[str]:
    """The titles of the sections under a review part, each section run on into its body."""
    text = "云溪县2024年政府工作报告 一、2023年工作回顾" + FLAT_BODY
    return [t for _, _, t in outline(text + "".join(s + FLAT_BODY for s in sections))][1:]


# fmt: off
TITLE_ENDS = [
    # a lead of results glued to a task title: its subject restates the title's words
    (["（一）持续保障和改善民生民生投入持续加大。全年民生支出占一般公共预算支出的80%。",
      "（二）扎实推进城市更新城市更新步伐加快。全年改造老旧小区30个，新建口袋公园12个。"],
     ["持续保障和改善民生", "扎实推进城市更新"]),
    # a body that says the title's opening words again has begun
    (["（一）发展教育文化和卫生体育事业发展教育文化和卫生体育事业，对于提高全民素质意义重大。"],
     ["发展教育文化和卫生体育事业"]),
    # 贯彻落实 is one phrase: no parallel cut between its verbs
    (["（一）坚持政治引领，不折不扣贯彻落实党中央决策部署。",
      "（二）加强改革创新，促进政府服务管理提质增效。"],
     ["坚持政治引领，不折不扣贯彻落实党中央决策部署", "加强改革创新，促进政府服务管理提质增效"]),
    # a parallel cut never splits a result's predicate
    (["（一）着力推进向新向优发展，产业转型升级步伐加快先进制造业骨干作用增强。",
      "（二）着力缩小城乡区域差距，协调发展水平明显提升城乡居民收入差距持续缩小。"],
     ["着力推进向新向优发展，产业转型升级步伐加快", "着力缩小城乡区域差距，协调发展水平明显提升"]),
]
# fmt: on


@pytest.mark.parametrize(("sections", "titles"), TITLE_ENDS)
def test_a_one_line_title_ends_where_its_body_begins(sections, titles):
    assert _subtitles(*sections) == titles


# --- a part of results named with 取得了, its body opening on a congress by its ordinal -----------


def test_a_part_of_results_with_its_body_opening_on_a_congress():
    text = (
        "政府工作报告 各位代表：现在，我代表国务院作政府工作报告。"
        "一、国民经济在调整中取得了新的进展第五届全国人民代表大会第二次会议，号召全国各族人民"
        "坚决实现工作着重点的转移。" + FLAT_BODY + "二、今后的主要任务" + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [
        (1, "一、", "国民经济在调整中取得了新的进展"), (1, "二、", "今后的主要任务"),
    ]  # fmt: skip


def test_a_parts_title_goes_on_past_a_head_noun_that_does_not_end_it():
    # 的 joins the head noun to more of the phrase; a first clause ends on one, but the
    # sentence runs on with no end in reach: the cues of the body's start end the title
    text = (
        "政府工作报告 各位代表：现在，我代表国务院作政府工作报告。一、2023年工作回顾" + FLAT_BODY
        + "二、2024年国民经济计划的任务和主要指标2024年全县经济工作的总要求，是稳住农业基础，"
        "扩大有效投资，让城乡居民收入跟上经济增长。" + FLAT_BODY
        + "三、采取有力措施，保证2024年计划的完成为了把今年的计划落到实处，各乡镇各部门要"
        "细化分工，按季调度，及早发现和化解推进中的难点。" + FLAT_BODY
    )  # fmt: skip
    assert [t for _, _, t in outline(text)] == [
        "2023年工作回顾", "2024年国民经济计划的任务和主要指标", "采取有力措施，保证2024年计划的完成",
    ]  # fmt: skip


def test_a_sentence_of_figures_numbered_after_a_colon_is_no_heading():
    # a title never ends inside a number: 8，544，082，000 is one figure, not a clause end
    text = (
        "云溪县2024年预算执行情况的报告 一、2023年预算执行情况" + FLAT_BODY
        + "各类经济建设支出的数额如下：（一）工业支出为8，544，082，000元，占经济建设费总数的"
        "53.22%。其中，用于重工业的支出占工业支出总数的88.59%。（二）农业支出为2，136，000，"
        "000元，比上年增长12.3%。其中，用于水利建设的支出占农业支出的40%。" + FLAT_BODY
        + "二、2024年预算草案" + FLAT_BODY
    )  # fmt: skip
    assert [(lv, m) for lv, m, _ in outline(text)] == [(1, "一、"), (1, "二、")]


def _titles_both_ways(text: str, deepest: int) -> tuple[list[tuple[int, str]], ...]:
    """(start, title) of the headings of the first ``deepest`` levels as written and
    flattened, the written starts moved to where flattening put them."""
    flat, where = flatten(text)
    return tuple(
        [(moved[s.start], s.title) for s in parse(t).sections if s.level <= deepest]
        for t, moved in ((text, where), (flat, range(len(flat) + 1)))
    )


@pytest.mark.parametrize(
    ("path", "deepest"),
    [
        # parts of results with 取得了, a body opening on a congress by its ordinal, titles
        # that go on past a head noun
        ("state-council/1980.txt", 1),
        # a body opening on a congress by its ordinal
        ("state-council/1998.txt", 1),
    ],
)
def test_real_reports_read_the_same_titles_flattened(path, deepest):
    written, flat = _titles_both_ways(real_report(path), deepest)
    assert flat == written


# --- a zero-width space is no paragraph break ------------------------------------------


def test_a_zero_width_space_inside_a_word_breaks_no_paragraph():
    # a page break left U+200B on a line of its own inside a word; flattened, it sits between
    # the word's two halves, and read as a break it cut the opening paragraph too short to be
    # read as one-line text, so the first part's heading went unseen
    text = (
        "云溪县2024年政府工作报告各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。"
        "一、2023年工作回顾过去一年，全县经济社会发展交出一份人\u200b民满意的答卷。"
        + FLAT_BODY
        + "二、2024年主要任务"
        + FLAT_BODY
    )
    assert outline(text) == [(1, "一、", "2023年工作回顾"), (1, "二、", "2024年主要任务")]


def test_a_real_report_with_zero_width_spaces_keeps_its_parts_flattened():
    written, flat = flat_headings(real_report("state-council/2021.txt"))
    assert flat == written
