"""Classes of layout the unseen reports of sessions 16 and 17 failed on (issue 18), each with a
sample of our own in the genre's style and, where ../shared is present, the real report
that showed it (by path: its text never enters the project).
"""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON, kinds, outline

from extractor import parse
from extractor.analysis.real import flatten


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


# --- numbered sentences a colon opens, a paragraph each -----------------------------------


def test_numbered_sentences_a_colon_opens_a_paragraph_each_are_a_list():
    text = (
        "二、打好调整的第一仗\n\n经过三年调整，我们要努力达到下列几项主要要求：\n\n"
        "（一）要使粮食生产的发展同人口的增长比较适应。\n\n"
        "（二）要使轻纺工业的增长速度赶上重工业的增长速度。\n\n"
        "（三）要使燃料动力和交通运输的紧张局面有所缓和。\n\n"
        "我们讲改革，就是要对经济管理体制实行改革。\n\n三、加强法制\n\n法制要完备。\n"
    )
    assert outline(text) == [(1, "二、", "打好调整的第一仗"), (1, "三、", "加强法制")]


def test_run_in_headings_a_colon_opens_keep_their_bodies():
    text = (
        "云溪县2026年政府工作报告\n一、2025年工作回顾\n全年经济增长5%。\n"
        "二、2026年重点工作\n重点抓好以下工作：\n（一）全力推动经济稳定增长。把稳增长作为重心。\n"
        "充分释放消费潜力。实施提振消费行动。\n（二）加快建设现代产业体系。巩固实体经济。\n"
        "推动强链壮群。聚焦重点产业链。\n"
    )
    assert [m for _, m, _ in outline(text)] == ["一、", "二、", "（一）", "（二）"]


def test_the_state_councils_1979_requirements_are_no_headings():
    report = parse(_real("state-council/1979.txt"))
    assert [s.marker for s in report.sections] == ["一、", "二、", "三、", "四、"]
    tasks = [m for m in report.measures if m.marker.startswith("第")]
    assert len(tasks) == 12 and {m.section_id for m in tasks[2:]} == {"s2"}


# --- a five-year plan named by its aims ---------------------------------------------------


def test_a_part_on_a_five_year_plans_aims_speaks_of_its_five_years():
    text = (
        "政府工作报告\n——2016年2月19日在云溪区第十四届人民代表大会第五次会议上\n"
        "一、2015年工作回顾\n全区经济平稳增长。\n二、“十三五”经济社会发展的主要目标和任务\n"
        "这五年是决胜时期。\n三、2016年工作安排\n今年要抓好以下工作。\n"
    )
    assert kinds(text)[1] == ("“十三五”经济社会发展的主要目标和任务", "plan", "2016-2020")


# --- leads in a part's own text, before its first subsection ------------------------------


def test_leads_before_a_parts_first_subsection_are_its_measures():
    text = (
        "政府工作报告\n一、“十二五”时期和2015年工作回顾\n“十二五”时期是极不平凡的五年。\n"
        "——产业结构不断优化。五年来，三次产业比例持续改善。\n"
        "现代服务业发展迅速。商业规模持续扩大，新增营业面积50万平方米。\n"
        "工业经济稳步增长。规模以上工业增加值年均增长8%。\n"
        "（一）经济发展取得新成就\n面对经济下行压力，我们狠抓项目建设，保持了经济平稳增长。\n"
        "（二）城市建设取得新进展\n面对繁重任务，我们加快新区建设，城市面貌焕然一新。\n"
    )
    measures = [(m.style, m.headline) for m in parse(text).measures]
    assert measures == [
        ("dash", "产业结构不断优化"), ("lead", "现代服务业发展迅速"), ("lead", "工业经济稳步增长"),
    ]  # fmt: skip


# --- judgements and topic frames open no lead ---------------------------------------------


def test_judgements_and_topics_set_apart_are_no_leads():
    text = (
        "二、今后经济建设的方针\n（一）加快农业的发展\n"
        "工业方面的情况和农业稍有不同。工业产值增长较快。\n"
        "重工业的发展有许多基础工作要做。要加强地质勘探。\n"
        "对于上述现象，要分别情况处理。要严肃纪律。\n"
        "（二）维护世界和平\n一年多来，我国领导人访问了许多国家。友好往来增多。\n"
        "和平统一对地区和平具有重大的意义。我们支持对话。\n"
    )
    assert [m.headline for m in parse(text).measures] == []


def test_the_state_councils_1979_has_no_lead_measures():
    report = parse(_real("state-council/1979.txt"))
    assert [m.style for m in report.measures] == ["enumerated"] * 12


def test_a_couplet_of_the_times_opens_the_body_a_one_line_part_ran_into():
    text = (
        "政府工作报告（2023） 一、2022年工作回顾 全年地区生产总值增长5%。 "
        "二、2023年工作安排 全年地区生产总值增长6%。 "
        "三、持续打造一流营商环境新时代新征程、新目标新担当，对营商环境建设提出了更高标准。"
        "我们将持续深化放管服改革。"
    )
    assert outline(text)[-1] == (1, "三、", "持续打造一流营商环境")


def test_a_list_inside_a_part_of_a_one_line_summary_stays_a_list():
    """Where the lines were lost, a 一、…二、 list after a sentence inside a （） part is no
    outer series (a rule that took the first 一、 after （）parts for a heading there, to find
    1981's flattened guidelines, made such lists parts: it was dropped; session 17 takes it
    back only where no 二、 follows within a part's body: sections._first_part_after_deeper)."""
    body = "全年完成投资80亿元，新增就业3000人，各项工作取得新进展。" * 4
    text = (
        f"云溪县农业局2023年工作总结 （一）强化党建引领{body}主要做法有三个方面。"
        "一、强化理论学习，一是落实学习制度；二是开展专题研讨。二、压实责任，一是签订责任书；"
        f"二是开展督查。（二）推进重点工作{body}"
    )
    assert [(lv, m) for lv, m, _ in outline(text)] == [(2, "（一）"), (2, "（二）")]
    assert len(parse(text).measures) == 4


#: A body sentence of the genre, long enough that a page of a few parts reads as one line.
BODY = "全年实施重点项目100个，完成投资80亿元，道路、污水、供电等基础设施基本完善。" * 3


def _one_line(*parts: str) -> str:
    """A page that lost its line breaks: a review part, a plan part, then ``parts``."""
    head = f"政府工作报告 一、2025年工作回顾 {BODY}二、2026年重点工作 重点抓好以下工作："
    return head + "".join(part + BODY for part in parts)


@pytest.mark.parametrize(
    ("parts", "titles"),
    [
        # an adverb before a frame opens the body with it (紧紧围绕…)
        (["（一）积极调整产业结构，发展壮大经济实力紧紧围绕创新发展理念，加快推进产业升级。"],
         ["积极调整产业结构，发展壮大经济实力"]),
        # a task verb opens the framing sentence a part ran into (认真贯彻…, 认真落实…); a
        # verb titles use as often as bodies (统筹, 发挥) does not: 统筹 stays in the title
        (["（一）全面强化科技创新支撑引领认真贯彻创新驱动发展战略，促进新质生产力加快发展。",
          "（二）不断提升城市治理现代化水平认真落实城市工作会议精神，更加注重善建善管。",
          "（三）突出扩大内需战略基点，更大力度统筹促消费扩投资坚持惠民生和促消费紧密结合，推动消费提质。"],
         ["全面强化科技创新支撑引领", "不断提升城市治理现代化水平",
          "突出扩大内需战略基点，更大力度统筹促消费扩投资"]),
        # a result heading ran into a result sentence of its own
        (["（一）城市建设取得新进展东山组团基础设施建设取得突破性进展。",
          "（二）民生社会事业取得新进步民生投入持续加大。"],
         ["城市建设取得新进展", "民生社会事业取得新进步"]),
    ],
)  # fmt: skip
def test_a_one_line_parts_title_ends_where_its_body_begins(parts, titles):
    assert [t for _, _, t in outline(_one_line(*parts))][2:] == titles


# --- a notice that issues a plan, its head run together (no 关于 in its title) -------------


NOTICE = (
    "云府办〔2021〕8号\n印发2021年全县安全生产工作要点的通知\n各乡镇人民政府，县直各单位：\n"
    "　　《2021年全县安全生产工作要点》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
    "云溪县人民政府办公室\n2021年2月20日\n2021年全县安全生产工作要点\n"
    "　　2021年全县安全生产工作的总体思路是：坚持安全发展，压实各方责任。\n"
    "一、压实安全生产责任\n　　全年开展专项检查12次，整改隐患300处以上。" + BODY + "\n"
    "二、深化专项整治\n　　完成危化品企业改造5家。" + BODY + "\n"
)


@pytest.mark.parametrize("flat", [False, True])
def test_a_notice_that_issues_a_plan_is_a_plan_whether_or_not_its_lines_survive(flat):
    """印发…的通知 after a document number: the title of the notice, as written and on one
    line (where it once ran into the number and the addressee, the page had no title, its
    kind fell to ``other`` and its figures were no targets)."""
    text = flatten(NOTICE)[0] if flat else NOTICE
    report = parse(text)
    assert report.document.title == "印发2021年全县安全生产工作要点的通知"
    assert report.document.doc_type == "plan"
    assert [s.kind for s in report.sections] == ["plan", "plan"]
    assert all(c.is_target for c in report.claims if c.start > text.index("一、"))


def test_a_crawled_notice_issuing_a_municipal_plan_keeps_its_title():
    text = _real("guangzhou-emergency/2011.txt")
    flat = parse(flatten(text)[0])
    assert flat.document.title == "印发2011年全市应急管理工作计划的通知"
    assert flat.document.doc_type == "plan" and flat.sections[0].kind == "plan"


# === session 17 (s17-layout) ================================================================


def _leads(report, title_start: str) -> list[str]:
    section = next(s for s in report.sections if s.title.startswith(title_start))
    return [m.headline for m in report.measures
            if m.section_id == section.section_id and m.style == "lead"]  # fmt: skip


# --- a five-year review's 这是…的五年。 headlines beside the year's 一是… items ----------------

FIVE_YEARS = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2025年和“十四五”时期工作回顾\n"
    "一年来，我们重点做了以下工作。\n一是经济运行稳中有进。地区生产总值增长5%。\n"
    "二是民生保障持续加强。新增就业1万人。\n"
    "这五年是综合实力大幅跃升的五年。地区生产总值迈上新台阶，产业结构持续优化。\n"
    "这五年是人民生活持续改善的五年。城乡居民收入稳步增长，公共服务更加均衡。\n"
    "这是极不平凡的一年，也是砥砺奋进的一年。我们经受住了考验。\n"
    "二、2026年重点工作\n（一）扩大有效投资\n实施重大项目。全年完成投资100亿元。\n"
    "促进消费升级。举办消费季活动。\n"
)


def test_a_span_named_by_what_it_was_is_a_lead_beside_paragraph_items():
    report = parse(FIVE_YEARS)
    assert _leads(report, "2025年") == [
        "这五年是综合实力大幅跃升的五年", "这五年是人民生活持续改善的五年",
    ]  # fmt: skip
    items = [m.marker for m in report.measures if m.style == "enumerated"]
    assert items == ["一是", "二是"]


def test_a_judgement_on_one_year_is_still_no_lead():
    report = parse(FIVE_YEARS.replace("这五年是人民生活持续改善的五年。", "这是极不平凡的一年。"))
    assert _leads(report, "2025年") == []  # one span headline alone: no run of leads


def test_tibets_five_year_review_has_its_five_headlines():
    report = parse(_real("tibet/2026.txt"))
    leads = _leads(report, "2025年和")
    assert len(leads) == 5 and all(h.startswith("这五年是") and h.endswith("的五年") for h in leads)
    assert [m.marker for m in report.measures if m.marker.endswith("是")][:8] == [
        "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是",
    ]  # fmt: skip


# --- a part whose title names no time names it as its body opens ---------------------------

UNTIMED = (
    "2026年云溪市政府工作报告\n各位代表：\n一、一年接着一年干，发展取得新成效\n"
    "2025年是“十四五”收官之年。全市经济稳中有进。\n"
    "二、一张蓝图绘到底，奋力谱写现代化新篇章\n"
    "“十五五”时期是基本实现现代化夯实基础的关键时期。我们要坚持稳中求进。\n"
    "三、一鼓作气勇争先，全力开好局起好步\n2026年是“十五五”开局之年。做好今年工作意义重大。\n"
    "四、一以贯之转作风，建设人民满意的服务型政府\n我们将持续加强政府自身建设。\n"
    "五、团结奋斗，共创美好未来\n我们要团结一心。\n"
)


def test_a_part_that_opens_on_the_five_years_ahead_plans_them():
    got = {t[:4]: (k, p) for t, k, p in kinds(UNTIMED)}
    assert got["一年接着"] == ("review", "2025")
    assert got["一张蓝图"] == ("plan", "2026-2030")
    assert got["一鼓作气"] == ("plan", "2026")


def test_the_parts_after_a_part_that_opens_on_the_plan_year_are_the_plans():
    got = {t[:4]: (k, p) for t, k, p in kinds(UNTIMED)}
    assert got["一以贯之"] == ("plan", "2026") and got["团结奋斗"] == ("plan", "2026")


def test_a_part_that_opens_on_no_time_keeps_its_kind():
    text = "2026年云溪市政府工作报告\n一、团结奋斗，共创美好未来\n人民是我们力量的源泉。我们要团结一心。\n"
    assert kinds(text)[0][1:] == ("other", "2026")
    assert kinds(text.replace("人民是", "2026年是"))[0][1:] == ("plan", "2026")


MIDTERM = (
    "2024年云溪市政府工作报告\n各位代表：\n一、砥砺奋进，发展成效显著\n"
    "2023年，全市经济回升向好，地区生产总值增长5.2%。\n二、奋楫笃行，五年规划稳步推进\n"
    "“十四五”时期以来，全市前三年共新增城镇就业12万人，建成保障性住房3万套。\n"
    "三、乘势而上，全力做好今年工作\n2024年是实现“十四五”规划目标任务的关键一年。"
    "全市地区生产总值预期增长5%左右。\n"
)


def test_a_part_that_opens_on_a_five_year_plan_in_its_later_years_reviews_it():
    # “十四五”时期 in 2024 is the plan's fourth year: a body that opens on it reckons the
    # years so far (前三年共新增…), not a plan ahead; only the plan's first year plans it
    got = {t[:4]: (k, p) for t, k, p in kinds(MIDTERM)}
    assert got["奋楫笃行"][0] != "plan" and got["乘势而上"] == ("plan", "2024")
    report = parse(MIDTERM, doc_id="midterm")
    assert [(c.value_text, c.is_target) for c in report.claims] == [
        ("5.2", False), ("12", False), ("3", False), ("5", True),
    ]  # fmt: skip


def test_fujians_parts_on_the_five_years_and_on_the_government_plan():
    got = {t[:4]: (k, p) for t, k, p in kinds(_real("fujian/2026.txt"))}
    assert got["一张蓝图"] == ("plan", "2026-2030")
    assert got["始终锚定"] == ("plan", "2026-2030")  # its subsections inherit it
    assert got["一以贯之"] == ("plan", "2026") and got["始终把忠"] == ("plan", "2026")


# --- the one and the other: 一是…；一是… -----------------------------------------------------

PAIR = (
    "各位代表：\n一、当前形势和基本任务\n"
    "在今后一年间，我们要集中力量办两件大事：一是在经济领域，坚持正确的方针；"
    "一是在思想领域，坚持正面教育。这两件大事相互联系。\n"
    "二、今后的方针\n根本的一条，一是抓建设。我们要坚持下去。\n一是抓改革。改革要深入。\n"
)


def test_two_lone_first_items_in_one_paragraph_are_a_pair():
    report = parse(PAIR)
    pairs = [(m.marker, m.ordinal, m.headline) for m in report.measures]
    assert pairs[:2] == [
        ("一是", 1, "在经济领域，坚持正确的方针"), ("一是", 1, "在思想领域，坚持正面教育"),
    ]  # fmt: skip
    assert len(pairs) == 2  # lone 一是 in different paragraphs enumerate nothing


def test_the_state_councils_1987_pairs():
    report = parse(_real("state-council/1987.txt"))
    ones = [m.headline for m in report.measures if m.marker == "一是" and m.ordinal == 1]
    assert "坚持四项基本原则" in ones and "实行改革、开放、搞活的方针" in ones
    assert any(h.startswith("在经济领域") for h in ones)
    assert any(h.startswith("在政治思想领域") for h in ones)


# --- a page's bold lead lines beside items alone on their lines -----------------------------

BOLD = (
    "各位代表：\n七、实施科教兴国战略和可持续发展战略\n\n\u3000\u3000实施科教兴国战略，是实现经济振兴的根本大计"
    "，各级政府都要把它摆在突出位置。\n\n\u3000\u3000\n科技进步，关键在人才。\n"
    "要继续把培养人才放在优先发展的战略地位，今年要使全国大多数地区普及九年义务教育。\n\n"
    "\u3000\u3000\n一要\n加大改革力度。继续积极改革教育思想和教学内容。\n\n"
    "\u3000\u3000\n二要\n更加重视质量。全面提高各级各类学校的教育质量。\n\n"
    "\u3000\u3000\n进一步实施可持续发展战略。\n"
    "各级政府都要以对人民和子孙后代高度负责的精神保护资源和生态环境，坚决制止破坏行为。\n"
)


def test_bold_lead_lines_lead_beside_items_alone_on_their_lines():
    report = parse(BOLD)
    assert [(m.style, m.marker, m.headline) for m in report.measures] == [
        ("lead", "", "科技进步，关键在人才"), ("enumerated", "一要", "加大改革力度"),
        ("enumerated", "二要", "更加重视质量"), ("lead", "", "进一步实施可持续发展战略"),
    ]  # fmt: skip


def test_an_indented_first_sentence_beside_such_items_is_still_no_lead():
    text = BOLD.replace(
        "\u3000\u3000\n科技进步，关键在人才。\n", "\u3000\u3000科技进步，关键在人才。"
    )
    assert "科技进步，关键在人才" not in [m.headline for m in parse(text).measures]


def test_a_couplet_inside_a_paragraph_is_still_rhetoric():
    text = BOLD.replace("\u3000\u3000\n进一步实施", "\u3000\u3000实干为要，行胜于言。进一步实施")
    assert "实干为要，行胜于言" not in [m.headline for m in parse(text).measures]


def test_the_state_councils_2001_review_leads_by_its_bold_lines():
    report = parse(_real("state-council/2001.txt"))
    bold = [m.headline for m in report.measures if m.style == "lead"]
    assert "国民经济持续快速健康发展，综合国力进一步增强" in bold
    assert "人民生活继续改善，总体上达到小康水平" in bold
    assert "深化办学体制和教育管理体制改革" in bold  # beside 一要… items of its part
