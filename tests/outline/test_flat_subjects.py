"""Where a heading's title ends on a page that lost its line breaks (issue 18, session 15):
the document's own words — a body whose first sentence opens on a subject that says the
title's words again (…推进城乡融合发展城乡融合发展是…), a subject of a verb and its object
(…社会局面维护社会和谐稳定，是…), a subject no heading opens a phrase with (…这是…,
…各级政府要…), a frame set apart by its comma (在…进程中，, …全会以来，); and where that is not
so (the title's own object, no predicate after it, a circumstance inside the phrase).

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

import pytest

from extractor import parse

#: What stands before the heading on a one-line page: the previous part's last sentences.
BEFORE = "云岭县2025年政府工作报告" + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 12


def titles_of(text: str) -> list[str]:
    return [s.title for s in parse(text).sections]


def titles(heading: str) -> list[str]:
    return titles_of(BEFORE + heading)


def test_a_heading_on_a_line_of_its_own_keeps_its_whole_first_sentence():
    # where the lines were kept, a run-in lead's title is its first sentence (SPEC §2)
    text = "云岭县2025年政府工作报告\n一、加快推进产业结构优化升级这是发展的关键。\n要抓好。"
    assert titles_of(text) == ["加快推进产业结构优化升级这是发展的关键"]


# fmt: off
RESTATED = [
    # the body's subject says the title's words again, then its copula or modal
    ("一、稳步推进城乡融合发展城乡融合发展是推进现代化的必然要求，要统筹城乡规划建设。",
     "稳步推进城乡融合发展"),
    ("一、扎实推进美丽乡村建设建设美丽乡村，是一项长期任务，必须久久为功。",
     "扎实推进美丽乡村建设"),
    ("一、加快转变政府职能，着力优化营商环境营商环境是发展的生命线，必须持续优化。",
     "加快转变政府职能，着力优化营商环境"),
    # …its predicate past a comma and no sentence end in reach
    ("一、积极稳妥推进乡镇机构改革乡镇机构改革，是完善基层治理体系、提高基层治理能力和"
     "服务群众水平的重要举措，必须统筹谋划。", "积极稳妥推进乡镇机构改革"),
    # a subject of a verb and its object, the object said again
    ("一、巩固和发展和谐稳定的社会局面维护社会和谐稳定，是改革发展的重要前提。",
     "巩固和发展和谐稳定的社会局面"),
    ("一、努力保持经济平稳较快增长保持经济较快增长，是扩大就业的基础。",
     "努力保持经济平稳较快增长"),
]
OPENED = [
    # a subject no heading opens a phrase with, and its predicate
    ("一、加快推进产业结构优化升级这是转变发展方式的关键所在，要坚定不移抓好。",
     "加快推进产业结构优化升级"),
    ("一、全面提高对外开放水平我国对外开放已进入新阶段，要主动适应新形势。",
     "全面提高对外开放水平"),
    ("一、切实做好就业和社会保障工作各级政府要把促进就业放在突出位置。",
     "切实做好就业和社会保障工作"),
    # an authority or its meeting before what it did: a narrative body (…作出了…) of its own,
    # not a numbered narrative sentence
    ("一、今后五年的主要考虑市委七届八次全会对全市未来五年发展作出了系统部署。",
     "今后五年的主要考虑"),
    ("一、发展环境和总体要求党中央对今后一个时期的工作提出了明确要求。", "发展环境和总体要求"),
]
FRAMED = [
    # a circumstance set apart by its comma, the years since a plenum
    ("一、积极发展各项社会事业在城镇化加快推进的进程中，要统筹抓好教育、医疗和养老。",
     "积极发展各项社会事业"),
    ("一、当前形势和基本任务党的十八大以来，我国经济社会发展取得历史性成就。",
     "当前形势和基本任务"),
    # a survey that opens an argument, a discourse connective
    ("一、主要目标和指导方针展望今后五年的发展环境，机遇和挑战并存，总体上机遇大于挑战。",
     "主要目标和指导方针"),
    ("一、促进经济平稳健康发展通观全局，今年经济发展要坚持稳中求进。", "促进经济平稳健康发展"),
]
KEPT = [
    # an authority as the object of the title's verb is no subject
    ("一、认真落实省委对全省工作的部署要求，推动发展。", "认真落实省委对全省工作的部署要求"),
    ("一、用好中央对地方转移支付资金，保障基本民生。", "用好中央对地方转移支付资金，保障基本民生"),
    # the title's own object, right after its verb, is no subject
    ("一、坚持把就业放在首位，坚持就业是最大的民生的理念。要完善就业政策。",
     "坚持把就业放在首位，坚持就业是最大的民生的理念"),
    # words said again with no predicate after them: the title runs to its 。
    ("一、以改革促发展以发展促稳定。要深化重点领域改革，激发市场活力。",
     "以改革促发展以发展促稳定"),
    # a circumstance inside the title's phrase, no comma after it
    ("一、坚持在发展中保障和改善民生。要完善就业政策，健全社会保障体系。",
     "坚持在发展中保障和改善民生"),
    # the country as the object of the title's verb
    ("一、着力提高我国产业的国际竞争力。我国产业基础雄厚，要加快转型升级。",
     "着力提高我国产业的国际竞争力"),
]
# fmt: on


@pytest.mark.parametrize(("heading", "title"), RESTATED)
def test_a_body_that_restates_its_title_opens_at_its_subject(heading, title):
    assert titles(heading) == [title]


@pytest.mark.parametrize(("heading", "title"), OPENED)
def test_a_body_that_opens_on_a_subject_and_its_predicate_ends_the_title(heading, title):
    assert titles(heading) == [title]


@pytest.mark.parametrize(("heading", "title"), FRAMED)
def test_a_body_that_opens_on_a_frame_ends_the_title(heading, title):
    assert titles(heading) == [title]


@pytest.mark.parametrize(("heading", "title"), KEPT)
def test_words_said_again_without_a_subjects_predicate_stay_in_the_title(heading, title):
    assert titles(heading) == [title]


def test_a_first_clause_ending_on_a_year_ends_the_title_before_any_later_cue():
    # no sentence end in reach: the first clause's own cut comes before a later clause's
    heading = (
        "一、为改革发展创造更好的社会环境2025年，政府工作要更好地体现高质量发展的全面要求，"
        "在抓好经济建设的同时，巩固和发展和谐稳定的社会局面，继续推进各项事业。"
    )
    assert titles(heading) == ["为改革发展创造更好的社会环境"]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("一、2024年和今年以来工作回顾去年，全县上下攻坚克难，经济社会发展取得新成效。",
         "2024年和今年以来工作回顾"),
        ("一、继续扩大内需和实施积极的财政政策综合分析国内外形势，今年要继续扩大内需。",
         "继续扩大内需和实施积极的财政政策"),
    ],
)  # fmt: skip
def test_no_title_ends_on_a_word_that_joins_it_to_more(heading, title):
    # a cue right after 和 (今年以来, 实施) cuts inside the title: the next cue ends it
    assert titles(heading) == [title]


def test_a_lead_that_opens_on_an_adverb_of_manner_and_its_verb_is_cut_off():
    # the section's other leads (short sentences of one phrase) tell how long a lead is
    text = BEFORE + (
        "一、坚决筑牢流域生态安全屏障扎实推进河湖生态保护。加快构建流域生态廊道。"
        "深入开展国土绿化行动。持续推进污染防治攻坚。二、持续推动区域协调发展进一步推进"
        "新型城镇化。优化城乡空间布局。加强县城建设。"
    )
    assert titles_of(text) == ["坚决筑牢流域生态安全屏障", "持续推动区域协调发展"]
