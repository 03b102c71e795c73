"""A document's title where the page lost its line breaks (issue 18, session 19, s19-period).

Flattened, a title runs on into its dateline (——2026年1月25日在…, ----2013年…, —2018年…), a
date of publication or a news agency's dateline: it ends before them, as it did on its line.
The short texts are our own; the real-text tests read reports in ../shared (texts whose
outline is not held out) and skip where it is absent.
"""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON

from extractor import parse
from extractor.analysis.real import flatten

BODY = (
    "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。一、2025年工作回顾"
    "过去一年，全市经济运行稳中有进，地区生产总值增长5.2%。二、2026年重点工作"
    "今年要重点做好以下工作。（一）扩大有效需求大力提振消费。"
)

# fmt: off
TITLES = [
    # a dateline's dash of any length after the title
    ("2026年云溪市政府工作报告——2026年1月25日在云溪市第十六届人民代表大会第四次会议上"
     "云溪市市长 王青" + BODY, "2026年云溪市政府工作报告"),
    ("政府工作报告----2013年2月28日在云溪区第十四届人民代表大会第二次会议上" + BODY,
     "政府工作报告"),
    ("政府工作报告—2018年3月7日在云溪区第十五届人民代表大会第二次会议上区长 王青" + BODY,
     "政府工作报告"),
    # page clutter before it, a date of publication or a news agency's dateline after it
    ("下载打印全屏收藏【字号：加大还原减小】2026年云溪市政府工作报告——2026年1月25日在云溪市"
     "第十六届人民代表大会第四次会议上来源：云溪日报" + BODY, "2026年云溪市政府工作报告"),
    ("2026年云溪市人民政府工作报告2026年02月10日 07时41分来源:云溪日报【字体：大中小】"
     "2026年2月3日在云溪市第十四届人民代表大会第五次会议上" + BODY, "2026年云溪市人民政府工作报告"),
    ("2015年政府工作报告新华社北京3月16日电政府工作报告——2015年3月5日在第十二届全国人民代表"
     "大会第三次会议上国务院总理" + BODY, "2015年政府工作报告"),
    # the page's heading repeats the document's title before the dateline
    ("2024年云溪市政府工作报告政府工作报告——2024年1月15日在云溪市第十七届人民代表大会第三次"
     "会议上云溪市市长" + BODY, "2024年云溪市政府工作报告"),
]
# fmt: on


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_a_title_run_on_into_its_dateline_ends_before_it(text, title):
    doc = parse(text).document
    assert doc.title == title
    # its year, else the dateline's (政府工作报告----2013年2月28日在…: 2013)
    year = title[:4] if title[0] == "2" else text[text.find("年") - 4 : text.find("年")]
    assert (doc.doc_type, doc.period) == ("gov-work-report", year)
    layout_title = text.find(title)
    assert text[layout_title : layout_title + len(title)] == title  # offsets hold


@pytest.mark.parametrize(
    "path",
    ["beijing/2026.txt", "state-council/2003.txt", "state-council/2006.txt",
     "state-council/2011.txt", "hailar/2013.txt", "hailar/2018.txt", "sichuan/2026.txt"],
)  # fmt: skip
def test_real_flattened_titles_are_the_titles_as_written(path):
    file = SHARED / "real" / path
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    written = parse(text, path=str(file)).document
    flat = parse(flatten(text)[0], path=str(file)).document
    assert written.title
    assert (flat.title, flat.doc_type, flat.period) == (
        written.title,
        written.doc_type,
        written.period,
    )


# --- a summary-and-plan's title run on into a body no opener announces ---------------------

JOINED = "新吴区青禾街道2019年为民服务工作总结和2020年工作计划"
TASKS = "一、2019年工作总结（一）民生服务持续改善。全年完成各项任务。" + "全年完成各项任务。" * 30


@pytest.mark.parametrize(
    "after",
    ["街道党工委、办事处坚持以人民为中心，", "（2019年12月20日）", "过去的一年，街道",
     "为认真贯彻落实区委部署，街道"],
)  # fmt: skip
def test_a_title_joining_a_review_and_a_plan_ends_at_the_plans_word(after):
    # flattened, a title that joins a summary and a plan (…总结和…计划) ends after the plan's
    # word, whatever opens the body: the document keeps its title, type and period
    doc = parse(JOINED + after + TASKS).document
    assert (doc.title, doc.doc_type, doc.period) == (JOINED, "summary-and-plan", "2019")


def test_a_joined_title_that_goes_on_is_not_cut():
    # …总结和…计划的报告: the title goes on past the plan's word
    title = "关于青禾街道2019年工作总结和2020年工作计划的报告"
    doc = parse(title + "街道党工委、办事处坚持以人民为中心，" + TASKS).document
    assert (doc.title, doc.doc_type, doc.period) == (title, "summary-and-plan", "2019")


# fmt: off
DATED = [
    ("云溪县教育局2022年工作总结", "县教育局坚持以人民为中心，", "summary", "2022"),
    ("云溪县教育局2023年工作计划", "县教育局坚持以人民为中心，", "plan", "2023"),
    ("青禾镇2021年上半年工作总结", "过去的半年，全镇上下", "summary", "2021H1"),
    ("云溪县2023年工作要点", "过去的一年，", "plan", "2023"),
]
# fmt: on


@pytest.mark.parametrize(("title", "after", "doc_type", "period"), DATED)
def test_a_title_naming_its_year_and_genre_ends_at_the_genre_word(title, after, doc_type, period):
    # flattened, a title naming its year and its genre word (…2022年工作总结) ends at that word
    # whatever opens the body (a subject; 过去的一年 is a time opener too)
    doc = parse(title + after + TASKS).document
    assert (doc.title, doc.doc_type, doc.period) == (title, doc_type, period)


@pytest.mark.parametrize(
    "title", ["云溪县2022年工作计划执行情况的报告", "关于印发云溪县2023年工作要点的通知"]
)
def test_a_dated_title_that_goes_on_is_not_cut_at_its_genre_word(title):
    # …计划执行情况的报告, …要点的通知: the title runs to its own end before the body's opener
    doc = parse(title + "根据县政府工作安排，县教育局坚持以人民为中心，" + TASKS).document
    assert doc.title == title
