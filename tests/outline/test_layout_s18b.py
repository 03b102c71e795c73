"""Classes of lead session 18's second round showed (issue 18, s18-layout2): a passage's
opening statement after a lone form of address, and an assessment framed by its analysis.
Each with a sample of our own in the genre's style and, where ../shared is present, the real
report that showed it (by path: its text never enters the project).
"""

from __future__ import annotations

from test_layout_classes import _leads, _real

from extractor import parse


def _every_lead(path: str) -> list[str]:
    """The headlines of every lead the parser finds in a real report (../shared, by path)."""
    return [m.headline for m in parse(_real(path)).measures if m.style == "lead"]


# --- the paragraph after a lone 各位代表！ opens a passage ------------------------------------

PASSAGES = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2026年重点工作\n（一）加强政府自身建设\n"
    "推进依法行政。严格规范公正文明执法。\n提升行政效能。深化政务服务改革。\n"
    "各位代表！\n"
    "新的一年政府工作要有新气象。我们要以奋发有为的精神状态做好各项工作。\n"
    "全面加强廉政建设。严格落实中央八项规定精神。\n"
    "各位代表！\n"
    "云溪与周边城市发展紧密相连。我们要深化区域合作，共建共享发展成果。\n"
)


def test_the_paragraph_after_a_lone_address_is_no_lead():
    """各位代表！⏎<the passage's theme>。…: a statement of what follows, neither task nor result;
    the leads after it stay leads."""
    leads = _leads(parse(PASSAGES), "加强政府自身建设")
    assert leads == ["推进依法行政", "提升行政效能", "全面加强廉政建设"]


def test_an_address_that_opens_a_sentence_is_not_a_lone_line():
    """各位代表，…。 in one paragraph is no lone line: the paragraph after it may lead."""
    text = PASSAGES.replace("各位代表！\n新的一年", "各位代表，时间紧迫。\n新的一年", 1)
    text = text.replace("新的一年政府工作要有新气象。", "全面提升履职能力。")
    assert "全面提升履职能力" in _leads(parse(text), "加强政府自身建设")


def test_state_council_2018s_passages_open_on_no_lead():
    heads = _every_lead("state-council/2018.txt")
    assert "全面提高政府效能" in heads and "全面推进依宪施政、依法行政" in heads
    assert not any(h.startswith(("进入新时代", "中国与世界各国")) for h in heads)


# --- an assessment framed by its analysis -------------------------------------------------

ASSESSMENT = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2026年总体要求\n"
    "综合研判内外部形势，我市发展面临的机遇和挑战并存。必须保持战略定力。\n"
    "积极的财政政策要提质增效。加大财政资金统筹力度。\n"
    "稳健的货币政策要灵活适度。保持流动性合理充裕。\n"
    "干部的作风决定着工作的成效。要大兴调查研究之风。\n"
)


def test_an_assessment_and_a_judgement_on_decides_are_no_leads():
    assert _leads(parse(ASSESSMENT), "2026年总体要求") == [
        "积极的财政政策要提质增效", "稳健的货币政策要灵活适度",
    ]  # fmt: skip


def test_state_council_2018s_assessment_is_no_lead():
    report = parse(_real("state-council/2018.txt"))
    part = next(s for s in report.sections if s.title.startswith("2018年经济社会发展"))
    heads = [m.headline for m in report.measures
             if m.section_id == part.section_id and m.style == "lead"]  # fmt: skip
    assert heads == ["积极的财政政策取向不变，要聚力增效", "稳健的货币政策保持中性，要松紧适度"]


# --- a bold task line over a body that opens on 要… -----------------------------------------

BOLD = (
    "2026年云溪市政府工作报告\n各位代表：\n一、实施科教兴市战略\n"
    "一要加大改革力度。推进办学体制改革。\n二要更加重视质量。提高教师队伍素质。\n"
    "进一步实施可持续发展战略。\n"
    "要以对子孙后代负责的精神，保护资源和生态环境。加强资源的规划和管理。\n"
    "坚持“二为”方向，促进文化建设。繁荣文学艺术。\n"
    "二、加强政府自身建设\n"
    "第一，依法行政。各级政府要依法办事。\n第二，转变职能。减少行政审批。\n"
    "加强廉政建设，惩治腐败。\n"
    "要认真落实廉政建设责任制，进一步加大反腐败斗争的力度，标本兼治，综合治理。\n"
)


def test_a_bold_line_over_a_body_that_instructs_leads_alone():
    """进一步实施…。⏎要以…: the line is a task set bold over its body, a lead even where it is
    the only one in its section and where led paragraphs follow its body."""
    report = parse(BOLD)
    assert _leads(report, "实施科教兴市") == ["进一步实施可持续发展战略"]
    assert _leads(report, "加强政府自身建设") == ["加强廉政建设，惩治腐败"]


def test_a_lone_line_over_a_body_that_does_not_instruct_stays_no_lead():
    text = BOLD.replace("要认真落实廉政建设责任制，", "各地认真落实廉政建设责任制，")
    assert _leads(parse(text), "加强政府自身建设") == []


def test_state_council_1999s_bold_lines_lead():
    heads = _every_lead("state-council/1999.txt")
    assert {"科教兴国，基础在教育", "进一步实施可持续发展战略", "加强廉政建设，惩治腐败"} <= set(
        heads
    )


# --- the world's affairs: a standing stance, a forecast, others' duty ------------------------

WORLD = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2026年重点工作\n"
    "深化对外交流合作。举办国际友城论坛。\n"
    "市政府一贯致力于促进开放合作。我们将继续扩大友好往来。\n"
    "国际博览会即将拉开帷幕。我们将全力做好服务保障。\n"
    "应对全球性挑战，各国应携手共进。我市愿同各方加强合作。\n"
    "提升口岸通关效率。推进智慧口岸建设。\n"
)


def test_a_stance_a_forecast_and_others_duty_are_no_leads():
    assert _leads(parse(WORLD), "2026年重点工作") == ["深化对外交流合作", "提升口岸通关效率"]


def test_state_council_1999s_world_statements_are_no_leads():
    heads = _every_lead("state-council/1999.txt")
    assert not any("一贯致力于" in h or "即将进入" in h for h in heads)
