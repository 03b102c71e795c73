"""Kinds and periods where a page lost its line breaks (issue 18, session 18, s18-period).

The short texts are our own, written in the genre's style; the real-text tests read reports
in ../shared (texts whose outline is not held out) and skip where it is absent.
"""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON, kinds

from extractor import parse
from extractor.analysis.real import flatten

# --- subsections of a part over a five-year plan and its last year, flattened --------------

FIVE_YEARS = "过去五年，全市经济总量迈上新台阶，创新能力显著增强，城乡面貌持续改善。" * 40


def _review(year_paragraph: str) -> str:
    return (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        f"一、“十四五”时期和2025年工作回顾\n{FIVE_YEARS}\n{year_paragraph}\n"
        "（一）产业体系持续优化\n新增高新技术企业300家。\n（二）民生福祉不断增进\n城镇新增就业5万人。\n"
        "二、2026年重点工作\n今年要抓好以下工作。\n"
    )


@pytest.mark.parametrize(
    ("paragraph", "period"),
    [("各位代表，刚刚过去的2025年，我们攻坚克难。一年来，主要做了以下工作。", "2025"),
     ("“十四五”时期是极不平凡的五年。", "2021-2025")],
)  # fmt: skip
def test_flattened_subsections_take_the_year_the_sentences_before_them_open_on(paragraph, period):
    # the paragraphs run together: the last sentence within a paragraph's reach that opens
    # on a year speaks for the paragraph over the subsections, as its line did as written
    text = _review(paragraph)
    assert kinds(text)[1:3] == [
        ("产业体系持续优化", "review", period),
        ("民生福祉不断增进", "review", period),
    ]
    flat = [k for k in kinds(flatten(text)[0]) if k[0] in ("产业体系持续优化", "民生福祉不断增进")]
    assert [p for _, _, p in flat] == [period, period]


def test_a_year_opening_far_before_the_subsections_does_not_narrow_them():
    # a sentence on the year inside the five years' account, a paragraph's reach and more
    # before the subsections: the span stays
    text = _review("2025年，“十四五”圆满收官。" + FIVE_YEARS)
    flat = [k for k in kinds(flatten(text)[0]) if k[0] == "产业体系持续优化"]
    assert [p for _, _, p in flat] == ["2021-2025"]


@pytest.mark.parametrize(
    ("path", "first"),
    [("hailar/2016.txt", "经济发展取得新成就"),
     ("henan/2026.txt", "千方百计稳就业稳企业稳市场稳预期"),
     ("xinjiang/2026.txt", "全力维护社会大局和谐稳定")],
)  # fmt: skip
def test_real_flattened_subsections_of_the_plan_and_its_year_are_the_years(path, first):
    # “十二五”时期和2015年工作回顾 / “十四五”时期和2025年工作回顾, the paragraph over the
    # subsections opening on the year (刚刚过去的2015年，…): as written, so flattened
    file = SHARED / "real" / path
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    written = {s.title: s.period for s in parse(text, path=str(file)).sections}
    flat = {s.title: s.period for s in parse(flatten(text)[0], path=str(file)).sections}
    assert written[first] == flat[first] == str(int(path[-8:-4]) - 1)


# --- a setting part's dated subsections ------------------------------------------------------


def test_a_setting_parts_subsections_take_the_kind_of_the_year_they_name():
    # 基本情况 neither reviews nor plans, but under it the review year's figures review and
    # the plan year's budget plans; a subsection naming no year stays with its part
    text = (
        "云溪供电公司2021年工作总结\n一、基本情况\n"
        "（一）2021年预算执行情况\n利润总额完成5亿元。\n（二）2022年预算安排\n"
        "利润总额安排6亿元。\n（三）有关说明\n正文。\n二、2022年重点工作\n正文。\n"
    )
    assert kinds(text)[:4] == [
        ("基本情况", "other", "2021"),
        ("2021年预算执行情况", "review", "2021"),
        ("2022年预算安排", "plan", "2022"),
        ("有关说明", "other", "2021"),
    ]


def test_a_real_budget_reports_dated_subsections_review_and_plan():
    file = SHARED / "real" / "sgcc-shaanxi-budget" / "2021-2022plan.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    found = {s.title: (s.kind, s.period) for s in parse(file.read_text(encoding="utf-8")).sections}
    assert found["2021年预算预计完成"] == ("review", "2021")
    assert found["2022年预算草案建议"] == ("plan", "2022")


@pytest.mark.parametrize(
    ("title", "kind"),
    [("需要公司党委决策的事项", "other"), ("提请会议审议事项", "other"),
     ("需要重点关注的事项", "review"), ("精简审批事项", "review")],
)  # fmt: skip
def test_a_summarys_part_putting_matters_for_decision_is_no_review(title, kind):
    # a report to a superior closes on what it asks them to decide: neither done nor to do
    text = f"云溪供电公司2022年工作情况的报告\n一、主要工作完成情况\n正文。\n二、{title}\n正文。\n"
    assert kinds(text) == [("主要工作完成情况", "review", "2022"), (title, kind, "2022")]


# --- a dateline in Chinese numerals ----------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "period"),
    [("——二〇二六年一月二十七日在云溪省第十四届人民代表大会第四次会议上", "2026"),
     ("——二〇二五年十二月二十九日在云溪县第十八届人民代表大会第一次会议上", "2026"),
     ("——2026年1月27日在云溪省第十四届人民代表大会第四次会议上", "2026")],
)  # fmt: skip
def test_an_untitled_reports_dateline_in_chinese_numerals_gives_its_year(dateline, period):
    # the title lost (a flattened page's clutter before it), the dateline under it remains
    text = f"{dateline}\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n正文。\n"
    doc = parse(text).document
    assert (doc.doc_type, doc.period) == ("gov-work-report", period)


def test_a_real_flattened_report_without_its_title_keeps_its_year():
    # gansu 2026's page: 下载 打印 … clutter, the title, then ——二〇二六年一月二十七日在…;
    # flattened, no title is found, and no file name gives a year
    file = SHARED / "real" / "gansu" / "2026.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    doc = parse(flatten(file.read_text(encoding="utf-8"))[0]).document
    assert (doc.doc_type, doc.period) == ("gov-work-report", "2026")


# --- a title's year written without 年 -------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "doc_type", "period"),
    [("2017政府工作报告", "gov-work-report", "2017"),
     ("云溪镇管理局2022工作计划", "plan", "2022"),
     ("云溪镇2021上半年工作总结", "summary", "2021H1"),
     ("关于印发云溪县2000名干部培训计划的通知", "plan", "")],
)  # fmt: skip
def test_a_titles_year_written_without_its_year_word_is_the_documents(title, doc_type, period):
    doc = parse(f"{title}\n一、主要任务\n正文。\n").document
    assert (doc.doc_type, doc.period) == (doc_type, period)


@pytest.mark.parametrize(("path", "year"), [("state-council/2017.txt", "2017"),
                                             ("pingtan-haitan/2022plan.txt", "2022")])  # fmt: skip
def test_real_titles_with_a_bare_year_date_the_report_without_a_file_name(path, year):
    file = SHARED / "real" / path
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    assert parse(file.read_text(encoding="utf-8")).document.period == year


# --- a part naming its achievements, and the years it closes on ------------------------------


@pytest.mark.parametrize(
    ("title", "kind", "period", "after"),
    [("改革开放和现代化建设取得伟大成就的五年", "review", "2021-2025", "plan"),
     ("第二个五年计划的第一年的伟大成就", "review", "2025", "other"),
     ("国民经济的成就和今后的建设任务", "plan", "2026", "other")],
)  # fmt: skip
def test_a_part_naming_achievements_reviews(title, kind, period, after):
    # 成就 is what was achieved, as 成绩 and 成效 are (a later head noun still decides); a
    # title closing on 的五年 speaks of the five years up to the review year, and the parts
    # after a review of the years the review year closes plan the year
    text = (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        f"一、{title}\n正文。\n二、争取经济再上新台阶\n正文。\n"
    )
    assert kinds(text) == [(title, kind, period), ("争取经济再上新台阶", after, "2026")]


def test_a_real_report_opening_on_its_five_years_achievements_then_plans():
    file = SHARED / "real" / "state-council" / "1993.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    report = parse(file.read_text(encoding="utf-8"), path=str(file))
    tops = [(s.kind, s.period) for s in report.sections]
    assert tops[0] == ("review", "1988-1992")
    assert tops[1] == ("plan", "1993")


@pytest.mark.parametrize(
    ("title", "kind", "period"),
    [("过去五年国内工作的基本总结", "review", "2021-2025"),
     ("今后五年建设和改革的目标、方针和任务", "plan", "2026-2030"),
     ("关于《云溪市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", "plan", "2026-2030"),
     ("“十五五”发展的主要考虑", "plan", "2026-2030"),
     ("今后五年内基本完成改造任务", "plan", "2026")],
)  # fmt: skip
def test_parts_on_the_years_past_or_ahead_or_on_the_plans_draft_speak_of_its_years(
    title, kind, period
):
    # whatever word follows 过去五年 / 今后五年 in a title (国内工作, 建设和改革), its years; the
    # explanation of a five-year plan's draft outline and the main considerations for it set
    # the plan out; 五年内 is a deadline, no span
    text = (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        f"一、{title}\n正文。\n"
    )
    assert kinds(text) == [(title, kind, period)]


# --- a title run on after page clutter where the lines were lost ------------------------------

CLUTTER = [
    "当前位置：首页 > 通知公告\n",
    "发布时间：2022-03-01  来源：办公室\n",
    "【字体：大 中 小】\n",
]


@pytest.mark.parametrize("clutter", CLUTTER)
@pytest.mark.parametrize(
    ("page", "doc_type", "period"),
    [("云溪镇2022年工作总结及2023年工作计划\n2022年，全镇经济平稳发展。\n一、2022年工作总结\n"
      "正文。\n二、2023年工作计划\n正文。\n", "summary-and-plan", "2022"),
     ("云溪县人民政府办公室关于印发2021年安全生产工作要点的通知\n云政办〔2021〕8号\n"
      "各乡镇人民政府：\n现将要点印发给你们。\n一、强化责任落实\n正文。\n", "plan", "2021")],
)  # fmt: skip
def test_a_flattened_pages_title_after_its_clutter_gives_its_type_and_period(
    clutter, page, doc_type, period
):
    # as written the clutter line is skipped; flattened it runs into the title, which is
    # found after its last boundary (】, >, ：) as an official title or up to its genre word
    for text in (clutter + page, flatten(clutter + page)[0]):
        doc = parse(text).document
        assert (doc.doc_type, doc.period) == (doc_type, period)
        assert doc.title.endswith(page.split("\n")[0])


def test_a_real_flattened_page_with_a_breadcrumb_keeps_its_type_and_period():
    file = SHARED / "real" / "pingtan-xzsp" / "2022-2023plan.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    written = parse(text).document
    for clutter in CLUTTER:
        doc = parse(flatten(clutter + text)[0]).document
        assert (doc.doc_type, doc.period) == (written.doc_type, written.period)
        assert doc.title.endswith(written.title)


# --- a title broken across two lines; a report on the work done joined to a plan -------------

BODY = "一、2022年工作总结\n全年完成投资30亿元。\n二、2023年工作计划\n计划完成投资35亿元。\n"


@pytest.mark.parametrize(
    ("head", "title", "doc_type"),
    [("关于云溪县2022年工作总结\n和2023年工作计划的报告\n",
      "关于云溪县2022年工作总结和2023年工作计划的报告", "summary-and-plan"),
     ("关于云溪县2022年工作总结及\n2023年工作计划的报告\n",
      "关于云溪县2022年工作总结及2023年工作计划的报告", "summary-and-plan"),
     ("2022年工作总结\n云溪县发展和改革局\n", "2022年工作总结", "summary"),
     ("政府工作报\n告\n——2023年1月5日在云溪县第十八届人民代表大会第二次会议上\n",
      "政府工作报告", "gov-work-report")],
)  # fmt: skip
def test_a_title_broken_across_two_lines_is_one_title(head, title, doc_type):
    # the break after a joining word or 的, or before a joining word; an office's name under
    # a title is no part of it
    doc = parse(head + BODY).document
    assert (doc.title, doc.doc_type) == (title, doc_type)


@pytest.mark.parametrize(
    ("title", "doc_type", "periods"),
    [("云溪县人民政府关于2022年工作情况和2023年工作安排的报告", "summary-and-plan", ("2022", "2023")),
     ("关于2022年工作情况的报告", "summary", ("2022", "2023")),
     ("关于印发10月份重点工作及领导批示办理情况专项报告的通知", "summary", ("", "")),
     ("2023年工作安排", "plan", ("2022", "2023"))],
)  # fmt: skip
def test_a_report_on_the_work_done_joined_to_a_plan_is_a_summary_and_plan(title, doc_type, periods):
    # 情况 names the report's review half where a later part of the title plans (安排)
    doc = parse(f"{title}\n{BODY}").document
    assert (doc.doc_type, (doc.review_period, doc.plan_period)) == (doc_type, periods)


@pytest.mark.parametrize(
    ("head", "title", "doc_type"),
    [("云溪县发展和改革局2022年工作总结：稳中求进开创新局\n",
      "云溪县发展和改革局2022年工作总结：稳中求进开创新局", "summary"),
     ("现将2022年工作总结如下：\n", "", "other"),
     ("2022年工作总结：\n", "", "other")],
)  # fmt: skip
def test_a_title_with_a_motto_after_its_colon_is_the_title(head, title, doc_type):
    # a colon sets a motto after the title's genre word; a sentence announcing what follows
    # (…如下：) or a label ending in a colon is no title
    doc = parse(head + BODY).document
    assert (doc.title, doc.doc_type) == (title, doc_type)


def test_a_reports_direction_of_effort_plans():
    # a 述职报告 closes on 努力方向: the way ahead, as 下一步打算 is
    text = "云溪县2022年度述职报告\n一、履职情况\n正文。\n二、存在不足\n正文。\n三、今后努力方向\n正文。\n"
    assert [k for _, k, _ in kinds(text)] == ["review", "problems", "plan"]


# --- an untitled, undated report's year from the year its opening looks back on -------------


@pytest.mark.parametrize(
    ("opening", "period"),
    [("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2018年工作回顾\n过去一年，", "2019"),
     ("各位代表：\n现在，我代表市人民政府向大会报告工作。刚刚过去的1984年，是我市取得成就的一年。\n", "1985"),
     ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、加快发展\n", "")],
)  # fmt: skip
def test_an_untitled_undated_report_is_the_year_after_the_one_it_reviews(opening, period):
    # no title, no dateline, no year in a file name: its first part reviews the year before
    doc = parse(opening + "全市经济平稳发展。\n").document
    assert (doc.doc_type, doc.period) == ("gov-work-report", period)


@pytest.mark.parametrize("year", ["2019", "2022", "2025"])
def test_real_untitled_state_council_reports_are_dated_without_a_file_name(year):
    file = SHARED / "real" / "state-council" / f"{year}.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    for text in (file.read_text(encoding="utf-8"),):
        assert parse(text).document.period == year
        assert parse(flatten(text)[0]).document.period == year
