"""Kinds and periods (issue 18, session 13): five-year plans, a document's year from a
bracketed title or a December dateline, and a plan's goals that name a result.

The short texts are our own, written in the genre's style; the real-text tests read the
annotated reports in ../shared and skip where it is absent.
"""

from __future__ import annotations

import pytest
import regex
from conftest import SHARED, SHARED_REASON, kinds

from extractor import parse
from extractor.analysis.real import flatten
from extractor.outline.periods import five_year_plan, five_year_years

# --- five-year plans ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "years"),
    [(1, "1953-1957"), (2, "1958-1962"), (3, "1966-1970"), (7, "1986-1990"),
     (10, "2001-2005"), (14, "2021-2025"), (15, "2026-2030")],
)  # fmt: skip
def test_the_years_of_a_five_year_plan(number, years):
    assert five_year_years(number) == years
    assert five_year_plan(years[:4]) == number == five_year_plan(years[5:])


def test_readjustment_years_fall_in_no_five_year_plan():
    assert [five_year_plan(str(y)) for y in (1952, 1963, 1965, 2051)] == [0, 0, 0, 0]


def test_a_part_naming_the_year_before_its_five_year_plan_speaks_of_the_year():
    # a 2026 report: the review of the year and of the 十四五 it closes, the 十五五's aims,
    # the year's tasks; a part naming the year first reviews the year (its subsections are
    # the year's work, the five years a closing look back), as its figures are dated
    text = (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        "一、2025年和“十四五”时期工作回顾\n过去一年，全市经济总量迈上新台阶。\n"
        "（一）坚持创新驱动，产业体系持续优化\n新增高新技术企业300家。\n"
        "二、“十五五”时期主要目标任务\n今后五年，要锚定目标持续奋斗。\n"
        "三、2026年重点工作\n今年要抓好以下工作。\n（一）扩大有效投资\n实施重大项目100个。\n"
        "四、全面加强政府自身建设\n坚持依法行政。\n"
    )
    assert kinds(text) == [
        ("2025年和“十四五”时期工作回顾", "review", "2025"),
        ("坚持创新驱动，产业体系持续优化", "review", "2025"),
        ("“十五五”时期主要目标任务", "plan", "2026-2030"),
        ("2026年重点工作", "plan", "2026"),
        ("扩大有效投资", "plan", "2026"),
        ("全面加强政府自身建设", "plan", "2026"),  # the parts after the plan year's still plan
    ]


@pytest.mark.parametrize(
    ("title", "period"),
    [("2025年工作回顾和“十四五”时期发展成就", "2025"), ("2025年主要工作和“十四五”发展成就", "2025"),
     ("“十四五”时期和2025年工作回顾", "2021-2025"), ("“十四五”时期工作回顾", "2021-2025")],
)  # fmt: skip
def test_a_part_naming_a_year_and_its_five_year_plan_speaks_of_the_one_named_first(title, period):
    # the plan first (“十四五”时期和2025年…): the five years reviewed, the year after them
    text = (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        f"一、{title}\n正文。\n（一）产业体系持续优化\n正文。\n二、2026年重点工作\n正文。\n"
    )
    assert kinds(text)[:2] == [(title, "review", period), ("产业体系持续优化", "review", period)]


def test_a_title_naming_two_five_year_plans_speaks_of_the_last():
    text = (
        "政府工作报告\n——2021年3月5日在云溪省第十三届人民代表大会第四次会议上\n"
        "一、2020年工作回顾\n正文。\n"
        "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n正文。\n"
    )
    assert kinds(text)[1] == ("“十三五”时期发展成就和“十四五”时期主要目标任务", "plan", "2021-2025")


def test_a_part_on_the_plan_years_five_year_plan_is_a_plan():
    # an older report: the seventh plan (1986-1990) in the report of 1986, without a kind word;
    # the sixth reviewed
    text = (
        "——1986年3月25日在第六届全国人民代表大会第四次会议上\n各位代表：\n"
        "现在，我代表国务院向大会作政府工作报告。\n一、“六五”计划执行情况的回顾\n正文。\n二、“七五”时期的经济体制改革\n正文。\n"
        "（一）进一步增强企业的活力\n正文。\n"
    )
    assert kinds(text) == [
        ("“六五”计划执行情况的回顾", "review", "1981-1985"),
        ("“七五”时期的经济体制改革", "plan", "1986-1990"),
        ("进一步增强企业的活力", "plan", "1986-1990"),
    ]


def test_a_subsection_on_a_finished_five_year_plan_reviews():
    # in a plan part of 2006, a subsection on the 十五 (2001-2005) looks back
    text = (
        "政府工作报告\n——2006年3月5日在第十届全国人民代表大会第四次会议上\n"
        "一、2005年工作回顾\n正文。\n二、关于“十一五”规划纲要\n"
        "（一）“十五”时期经济社会发展主要情况\n正文。\n（二）“十一五”时期的主要任务\n正文。\n"
    )
    assert kinds(text)[2:] == [
        ("“十五”时期经济社会发展主要情况", "review", "2001-2005"),
        ("“十一五”时期的主要任务", "plan", "2006-2010"),
    ]


def test_a_plan_drafted_or_begun_in_one_year_is_no_span():
    text = (
        "政府工作报告\n——2020年5月22日在云溪省人民代表大会上\n一、2019年工作回顾\n正文。\n"
        "二、2020年重点工作\n（一）高质量编制“十四五”规划\n正文。\n（二）确保“十四五”开好局\n正文。\n"
    )
    assert [p for _, _, p in kinds(text)[2:]] == ["2020", "2020"]


def test_the_past_and_next_five_years_of_a_report():
    text = (
        "政府工作报告\n——2013年3月5日在第十二届全国人民代表大会第一次会议上\n"
        "一、过去五年工作回顾\n正文。\n二、今后五年的主要任务\n正文。\n三、2013年工作建议\n正文。\n"
    )
    assert kinds(text) == [
        ("过去五年工作回顾", "review", "2008-2012"),
        ("今后五年的主要任务", "plan", "2013-2017"),
        ("2013年工作建议", "plan", "2013"),
    ]


@pytest.mark.parametrize(
    ("title", "kind", "period"),
    [
        ("2021年和过去五年工作回顾", "review", "2021"),  # a year named: the year (its parts)
        ("三年来的工作和新时期的总任务", "plan", "2022"),  # it plans too: no years back
        ("2021年和“十三五”工作回顾", "review", "2021"),  # a year outside the plan: the year
        ("为了在今后十年内基本扫除文盲，必须大力办学", "other", "2022"),  # a clause, no span
    ],
)  # fmt: skip
def test_titles_that_name_years_and_spans(title, kind, period):
    text = (
        "政府工作报告（2022）\n——2022年1月6日在云溪县人民代表大会上\n"
        f"一、{title}\n正文。\n二、2022年工作安排\n正文。\n"
    )
    assert kinds(text)[0] == (title, kind, period)


def spans(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.span) for c in parse(text).claims]


def test_a_figure_counts_from_the_reports_year_not_the_plan_its_section_names():
    # a 2023 report: its review names the year, then the five-year plan under way, and the
    # part speaks of the year named first; a figure compared with the year before is that
    # year's change, one compared with the plan's base year several years' (multi-year)
    text = (
        "云溪市人民政府工作报告\n——2023年1月10日在云溪市第十七届人民代表大会第二次会议上\n"
        "各位代表：\n一、2022年和“十四五”以来工作回顾\n"
        "全市地区生产总值达到1200亿元，比2021年增长6.5%；比2020年增长15%。\n"
        "二、2023年工作安排\n今年地区生产总值增长6%左右。\n"
    )
    assert kinds(text)[0] == ("2022年和“十四五”以来工作回顾", "review", "2022")
    assert spans(text) == [
        ("1200亿元", "period"), ("6.5%", "period"), ("15%", "multi-year"), ("6%", "period"),
    ]  # fmt: skip


def test_a_span_the_title_writes_dates_its_figures():
    # a plan over two years its title writes: a deadline after its first year is its end
    text = (
        "云溪县2019-2020年农村人居环境整治工作计划\n一、2019-2020年工作目标\n"
        "到2020年，全县农村生活垃圾处理率达到90%。\n"
    )
    assert kinds(text)[0][2] == "2019-2020"
    assert spans(text) == [("90%", "multi-year")]


# --- a document's type ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("关于印发2022年疫情防控工作实施方案的通知", "plan"),
        ("云溪区2021年重点工作任务分解表", "plan"),
        ("2022年民生实事项目工作责任清单", "plan"),
        ("市政府关于印发《2016年公交都市创建工作计划》的通知", "plan"),  # it issues the plan
        ("关于《深化纪检监察体制改革实施方案》落实情况的汇报", "summary"),  # it reports on one
        ("关于调整领导班子成员分工的通知", "other"),
    ],
)  # fmt: skip
def test_the_type_of_a_document_by_its_title(title, doc_type):
    assert parse(f"{title}\n一、总体要求\n正文。\n").document.doc_type == doc_type


def test_the_reports_tasks_dealt_out_to_those_who_carry_them_are_a_plan():
    # a notice naming the report with no word of dealing out: its opening names who carries
    # the tasks, so its numbered items are the year's tasks
    text = (
        "云溪县人民政府办公室关于2021年县政府工作报告重点工作的通知\n"
        "各乡镇人民政府，县政府各部门：\n现将有关事项通知如下，请各责任单位抓紧推进。\n"
        "1.地区生产总值增长7%左右（牵头单位：县发改局）\n"
        "2.新建改造农村公路50公里（牵头单位：县交通局）\n"
    )
    report = parse(text)
    assert (report.document.doc_type, report.document.period) == ("plan", "2021")
    assert [(s.kind, s.period) for s in report.sections] == [("plan", "2021")] * 2
    # without those who carry them, a title naming the report is the report's
    plain = "".join(regex.split(r"（牵头单位：[^）]*）|请各责任单位抓紧推进", text))
    assert parse(plain).document.doc_type == "gov-work-report"


def test_an_untitled_summary_opening_on_its_year_reviews():
    # a crawled page with no title, opening as a year-end summary does
    text = (
        "全年工作已接近尾声，一年来，在公司领导下，客服工作取得了一定的成绩。\n"
        "一、加强制度建设，完善服务管理\n正文。\n二、创新服务内容，提升客户满意度\n正文。\n"
    )
    report = parse(text)
    assert report.document.doc_type == "summary"
    assert [s.kind for s in report.sections] == ["review", "review"]
    # an untitled scheme that names the year so far in passing is no summary
    text = "为做好今年以来的疫情防控工作，特制定本方案。\n一、总体要求\n正文。\n"
    assert parse(text).document.doc_type != "summary"


# --- a document's year ----------------------------------------------------------------------


def test_a_bracketed_year_in_the_title_is_the_reports():
    # a crawled page titles the report 政府工作报告（2022）; its dateline is December 2021
    text = (
        "政府工作报告（2022）\n——2021年12月28日在云溪县第十八届人民代表大会第一次会议上\n"
        "各位代表：\n现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n正文。\n"
        "二、今年工作安排\n正文。\n"
    )
    doc = parse(text).document
    assert (doc.period, doc.review_period, doc.plan_period) == ("2022", "2021", "2022")
    assert kinds(text) == [("过去一年工作回顾", "review", "2021"), ("今年工作安排", "plan", "2022")]


@pytest.mark.parametrize(
    ("dateline", "year"),
    [("——2021年12月28日在", "2022"), ("——2021年11月30日在", "2022"), ("——2022年1月6日在", "2022"),
     ("——2022年3月5日在", "2022")],
)  # fmt: skip
def test_a_report_delivered_before_the_new_year_is_the_next_years(dateline, year):
    text = (
        f"各位代表：\n{dateline}云溪县第十八届人民代表大会第一次会议上\n"
        "现在，我代表县人民政府，向大会报告工作。\n一、过去一年工作回顾\n正文。\n"
    )
    assert parse(text).document.period == year


def test_a_report_on_a_matter_plans_its_own_year():
    # no period in the title (its year from the file name): written within the year, its next
    # steps are that year's; a year's summary plans the next
    text = "云溪供电公司关于迎峰度夏电力保供工作的报告\n一、保供工作举措\n正文。\n二、下一步工作计划\n正文。\n"
    report = parse(text, path="sgcc-yunxi/2021.txt")
    assert [(s.kind, s.period) for s in report.sections] == [("review", "2021"), ("plan", "2021")]
    text = "云溪供电公司2021年工作总结\n一、主要工作\n正文。\n二、下一步工作计划\n正文。\n"
    assert [s.period for s in parse(text).sections] == ["2021", "2022"]


def test_the_parts_of_a_notice_on_doing_a_work_plan_it():
    text = (
        "国网云溪供电公司关于做好2022年春节期间疫情防控工作的通知\n各单位：\n"
        "为做好春节期间疫情防控工作，现就有关事项通知如下。\n一、提高政治站位\n各单位要高度重视。\n"
        "二、严格人员管理\n严控外出。\n"
    )
    assert kinds(text) == [("提高政治站位", "plan", "2022"), ("严格人员管理", "plan", "2022")]
    # a report on the same work reviews it
    report = text.replace("的通知", "的报告").replace("通知如下", "报告如下")
    assert [k for _, k, _ in kinds(report)] == ["review", "review"]


@pytest.mark.parametrize(
    ("title", "periods"),
    [("云溪县2021年1-6月工作总结", ("2021H1", "2021H1", "2021H2")),
     ("云溪县2022年1至9月工作总结及第四季度工作安排", ("2022Q3", "2022Q3", "2022Q4")),
     ("云溪县2021年11月工作总结", ("2021", "2021", "2022"))],
)  # fmt: skip
def test_months_that_make_a_half_or_three_quarters(title, periods):
    doc = parse(f"{title}\n一、主要工作\n正文。\n").document
    assert (doc.period, doc.review_period, doc.plan_period) == periods


def test_an_untitled_list_of_the_reports_tasks_is_a_plan():
    # a notice whose title was lost: its opening deals the government work report's tasks out
    text = (
        "各区政府、各委办局：\n为抓好《2021年区政府工作报告》确定的目标任务的落实，现将重点工作任务"
        "分解如下：\n一、推动经济高质量发展\n1.全年地区生产总值增长6%。（责任单位：区发改委）\n"
        "二、提升城市品质\n2.完成旧区改造1万户。（责任单位：区住建委）\n"
    )
    report = parse(text, path="x/2021.txt")
    assert (report.document.doc_type, report.document.period) == ("plan", "2021")
    assert {s.kind for s in report.sections} == {"plan"}


# --- a plan's goals ---------------------------------------------------------------------------


def test_a_result_a_plan_names_is_its_goal():
    text = (
        "云溪镇2022工作计划\n（一）织密服务网格，在深化基层治理上实现新成效\n正文。\n"
        "（二）加快项目建设，推动产业发展取得新突破\n正文。\n"
    )
    assert [k for _, k, _ in kinds(text)] == ["plan", "plan"]


def test_a_problem_a_title_sets_out_to_solve_is_a_task():
    text = (
        "云溪镇2022年工作计划\n（一）补齐民生短板，提升服务水平\n正文。\n"
        "（二）着力解决群众急难愁盼问题\n正文。\n"
    )
    assert [k for _, k, _ in kinds(text)] == ["plan", "plan"]
    text = "云溪镇2022年工作总结\n一、主要成效\n正文。\n二、存在的问题和不足\n正文。\n"
    assert [k for _, k, _ in kinds(text)] == ["review", "problems"]


def test_a_plan_part_that_reviews_strictly_still_reviews():
    text = "云溪镇2022年工作计划\n一、2021年工作完成情况\n正文。\n二、2022年重点任务\n正文。\n"
    assert kinds(text) == [
        ("2021年工作完成情况", "review", "2021"),
        ("2022年重点任务", "plan", "2022"),
    ]


def test_a_plans_part_joining_its_plan_and_their_progress_plans():
    # two heads joined (安排及进展情况): the progress of what the document plans; the
    # completion of last year's targets still reviews
    text = (
        "云溪县2022年重点项目建设计划\n一、2021年目标任务完成情况\n正文。\n"
        "二、交通项目建设安排及进展情况\n正文。\n三、水利项目建设安排及进展情况\n正文。\n"
    )
    assert kinds(text) == [
        ("2021年目标任务完成情况", "review", "2021"),
        ("交通项目建设安排及进展情况", "plan", "2022"),
        ("水利项目建设安排及进展情况", "plan", "2022"),
    ]


def test_a_summarys_results_still_review():
    # the same phrase in a summary reports what was done
    text = "云溪镇2022年工作总结\n一、深化基层治理取得新成效\n正文。\n二、2023年工作打算\n正文。\n"
    assert [k for _, k, _ in kinds(text)] == ["review", "plan"]


# --- real reports -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "title", "kind", "period"),
    [
        ("state-council/1986.txt", "“六五”计划执行情况的回顾", "review", "1981-1985"),
        ("state-council/1986.txt", "“七五”时期的经济体制改革", "plan", "1986-1990"),
        ("chongqing-gwr-tasks/2021.txt", "“十四五”时期重点工作", "plan", "2021-2025"),
        ("state-council/2006.txt", "“十五”时期国民经济和社会发展主要情况", "review", "2001-2005"),
        ("state-council/2024.txt", "2023年工作回顾", "review", "2023"),
        ("pingtan-haitan/2022plan.txt", "织密综合服务网格，在深化基层治理上实现新成效", "plan", "2022"),
        # a summary's part describing its setting: other
        ("sgcc-hubei-supply/2021.txt", "湖北电力供需基本情况", "other", "2021"),
        ("sgcc-fujian/2022H1.txt", "市公司对标指标体系", "other", "2022H1"),
        # a year named before the five-year plan it closes: the year; the plan first: its years
        ("tianjin/2026.txt", "2025年和“十四五”时期工作回顾", "review", "2025"),
        ("tianjin/2026.txt", "持续夯实高质量发展基础", "review", "2025"),
        ("heilongjiang/2026.txt", "2025年工作回顾和“十四五”时期发展成就", "review", "2025"),
        ("jiangsu/2026.txt", "“十四五”时期和2025年工作回顾", "review", "2021-2025"),
        ("hailar/2016.txt", "“十二五”时期和2015年工作回顾", "review", "2011-2015"),
        # the plan first, then a paragraph opening on the year over the subsections: the year's
        ("hailar/2016.txt", "经济发展取得新成就", "review", "2015"),
        ("henan/2026.txt", "千方百计稳就业稳企业稳市场稳预期", "review", "2025"),
        ("jiangsu/2026.txt", "坚持创新驱动发展，重点产业持续做大做优做强", "review", "2021-2025"),
        # the parts after a five-year plan the plan year opens plan, as after the plan year's
        ("state-council/2001.txt", "加强农业基础地位，努力增加农民收入", "plan", "2001"),
    ],
)  # fmt: skip
def test_real_reports_kinds_and_periods(path, title, kind, period):
    file = SHARED / "real" / path
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    report = parse(file.read_text(encoding="utf-8"), path=str(file))
    found = [(s.kind, s.period) for s in report.sections if s.title == title]
    assert found == [(kind, period)]


def test_a_real_crawled_report_takes_its_year_from_the_bracketed_title():
    file = SHARED / "real" / "pingtan-county" / "2022.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    doc = parse(file.read_text(encoding="utf-8"), path=str(file)).document
    assert (doc.period, doc.review_period, doc.plan_period) == ("2022", "2021", "2022")


# --- subsections whose part's heading was lost (session 17, s17-period) ---------------------

ORPHANS = (
    "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
    "过去一年，全市地区生产总值增长5.5%。\n今年要重点做好以下几方面工作。\n"
    "（一）扩大有效投资\n实施重大项目100个，增长10%。\n（二）加快建设现代化产业体系\n"
    "新增高新技术企业300家。\n"
)


def test_subsections_a_sentence_sets_out_as_work_to_do_plan():
    # no part heading over them: the sentence before the series plans it, siblings too
    assert kinds(ORPHANS) == [
        ("扩大有效投资", "plan", "2026"),
        ("加快建设现代化产业体系", "plan", "2026"),
    ]
    assert [c.is_target for c in parse(ORPHANS).claims] == [False, True, True, True]


@pytest.mark.parametrize(
    "sentence", ["一年来，我们主要做好了以下几方面工作。", "全市经济运行稳中有进。"]
)
def test_subsections_after_work_done_or_a_statement_stay_open(sentence):
    text = ORPHANS.replace("今年要重点做好以下几方面工作。", sentence)
    assert [k for _, k, _ in kinds(text)] == ["other", "other"]


def test_a_flattened_reports_task_series_plans_when_its_part_heading_runs_into_its_body():
    # the State Council's 2021 report flattened: 三、2021年重点工作今年是… is no heading found,
    # and its （一）…（八） follow 今年要重点做好以下几方面工作。
    file = SHARED / "real" / "state-council" / "2021.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    flat = flatten(file.read_text(encoding="utf-8"))[0]
    found = {s.title[:8]: (s.kind, s.period) for s in parse(flat, path=str(file)).sections}
    assert found["保持宏观政策连续"] == ("plan", "2021")
    assert found["切实增进民生福祉"] == ("plan", "2021")


# --- a summary's part describing its setting (session 17, s17-period) -----------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [("基本情况", "other"), ("全市电力供需基本情况", "other"), ("公司对标指标体系", "other"),
     ("2022年工作基本情况", "review"), ("突出协助职责，政治保障作用有效发挥", "review")],
)  # fmt: skip
def test_a_summarys_part_describing_its_setting_is_no_review(title, kind):
    text = f"云溪供电公司2022年工作总结\n一、{title}\n正文。\n二、2023年工作打算\n正文。\n"
    assert kinds(text) == [(title, kind, "2022"), ("2023年工作打算", "plan", "2023")]


# --- subsections of a part over a five-year plan and its last year (session 17) -----------


@pytest.mark.parametrize(
    ("paragraph", "period"),
    [("各位代表，刚刚过去的2025年，我们攻坚克难。", "2025"),
     ("2025年是“十四五”收官之年。", "2025"),
     ("“十四五”时期是极不平凡的五年。", "2021-2025"),
     ("2025年以来，我们攻坚克难。", "2021-2025")],
)  # fmt: skip
def test_subsections_take_the_year_the_paragraph_before_them_opens_on(paragraph, period):
    # “十四五”时期和2025年工作回顾: the five years first, then the year's work where the
    # paragraph over the subsections opens on the year; its siblings follow the first
    text = (
        "政府工作报告\n——2026年1月20日在云溪市第十六届人民代表大会第五次会议上\n各位代表：\n"
        "一、“十四五”时期和2025年工作回顾\n过去五年，全市经济总量迈上新台阶。\n"
        f"{paragraph}\n（一）产业体系持续优化\n正文。\n（二）民生福祉不断增进\n正文。\n"
        "二、2026年重点工作\n正文。\n"
    )
    assert kinds(text)[:3] == [
        ("“十四五”时期和2025年工作回顾", "review", "2021-2025"),
        ("产业体系持续优化", "review", period),
        ("民生福祉不断增进", "review", period),
    ]


# --- the parts after a five-year plan opening in the plan year (session 17) ----------------


def test_the_numbered_parts_after_a_five_year_plan_the_plan_year_opens_plan():
    text = (
        "政府工作报告\n——2001年3月5日在第九届全国人民代表大会第四次会议上\n各位代表：\n"
        "一、“九五”时期国民经济和社会发展的回顾\n正文。\n"
        "二、“十五”期间的奋斗目标和指导方针\n正文。\n"
        "三、加强农业基础地位，努力增加农民收入\n正文。\n四、关于外交工作\n正文。\n"
    )
    assert kinds(text)[2:] == [
        ("加强农业基础地位，努力增加农民收入", "plan", "2001"),
        ("关于外交工作", "other", "2001"),  # foreign policy neither reviews nor plans
    ]


def test_the_parts_after_an_older_five_year_plan_named_stay_open():
    # a plan under way (the first, 1953-1957, in 1955) starts no plan series
    text = (
        "政府工作报告\n——1955年7月5日在第一届全国人民代表大会第二次会议上\n各位代表：\n"
        "一、第一个五年计划的基本任务\n正文。\n二、加强社会主义民主\n正文。\n"
    )
    assert kinds(text)[1][1] == "other"
