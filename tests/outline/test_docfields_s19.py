"""A document's title, type and date on crawled pages (issue 18 item 2, session 19, s19-docfields).

A page's header is a class of fields (来源, 发布时间, 发表时间, 索引号, 成文日期…), reading tools
(【打印本页】【关闭窗口】, a lone 大 中 小) and breadcrumbs; a title may be letter-spaced
(政 府 工 作 报 告) or carry a note in brackets (（文字实录）); flattened, the dateline, the body or
a task table's header row runs on after it.  The short texts are our own; the real-text tests
read reports in ../shared (texts whose outline is not held out) and skip where it is absent.
"""

from __future__ import annotations

import json

import pytest
from conftest import CORPORA, SHARED, SHARED_REASON

from extractor import parse
from extractor.analysis.real import flatten

BODY = (
    "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。一、2025年工作回顾"
    "过去一年，全市经济运行稳中有进，地区生产总值增长5.2%。二、2026年重点工作"
    "今年要重点做好以下工作。（一）扩大有效需求大力提振消费。"
)


def _title_holds(text: str, title: str) -> None:
    doc = parse(text).document
    assert doc.title == title
    # offsets hold: the span, its spaces taken out, is the title
    assert "".join(text[doc.title_start : doc.title_end].split()) == title


# fmt: off
NOTED = [
    # letter-spaced, its dateline run on after it (a page that lost its line breaks)
    ("政 府 工 作 报 告——2026年1月25日在云溪市第十六届人民代表大会第四次会议上" + BODY,
     "政府工作报告"),
    ("工 作 总 结 2025年，我局在市委的领导下，各项工作稳步推进。" + BODY, "工作总结"),
    # a note in brackets after the genre word is part of the title
    ("政府工作报告（摘要）——2026年1月25日在云溪市第十六届人民代表大会第四次会议上" + BODY,
     "政府工作报告（摘要）"),
    ("2026年云溪市政府工作报告(全文)各位代表：现在，我代表市人民政府向大会报告工作。" + BODY,
     "2026年云溪市政府工作报告(全文)"),
]
# fmt: on


@pytest.mark.parametrize(("text", "title"), NOTED)
def test_a_spaced_or_noted_title_runs_on_into_its_dateline(text, title):
    _title_holds(text, title)


def test_a_date_in_brackets_after_a_title_is_no_note():
    text = "2026年云溪市政府工作报告（2026年1月25日）" + BODY
    assert parse(text).document.title == "2026年云溪市政府工作报告"


@pytest.mark.parametrize(
    ("field", "date"),
    [("发表时间：\n2026-02-09 09:45:30", "2026-02-09"), ("成文日期：	2023年01月09日", "2023-01-09"),
     ("时间：2025-02-12", "2025-02-12")],
)  # fmt: skip
def test_a_dated_header_field_gives_the_date(field, date):
    text = (
        f"当前位置：首页>政务信息>要闻\n2026年云溪市政府工作报告\n{field}\n来源：云溪日报\n" + BODY
    )
    doc = parse(text).document
    assert (doc.title, doc.date) == ("2026年云溪市政府工作报告", date)


def test_header_fields_and_reading_tools_are_no_title():
    text = (
        "发表时间：\n2026-02-09 09:45:30\n阅读量：\n【字体：\n小\n中\n大\n】\n"
        "【打印本页】【关闭窗口】\n2026年云溪市政府工作报告\n" + BODY
    )
    assert parse(text).document.title == "2026年云溪市政府工作报告"


def test_a_paragraph_opening_with_a_size_word_is_no_clutter():
    # 大, 中, 小 alone on their line are a page's font buttons; 大力…, 中小… open paragraphs
    text = "大力推进2026年工作\n大中小学校建设加快。" + BODY
    assert parse(text).document.title == "大力推进2026年工作"


def test_a_task_tables_header_row_ends_a_run_on_title():
    # sample 16 flattened: …任务清单序号⇥工作任务⇥责任单位⇥完成时限一、…
    text = (CORPORA / "16_task_table_2021.txt").read_text(encoding="utf-8")
    for version in (text, flatten(text)[0]):
        doc = parse(version).document
        assert (doc.title, doc.doc_type) == ("青石县2021年政府工作报告重点工作任务清单", "plan")


@pytest.mark.parametrize(
    ("path", "title"),
    [("hailar/2019.txt", "政府工作报告"),  # 政 府 工 作 报 告——2019年3月4日在…
     ("state-council/2020.txt", "政府工作报告（文字实录）"),  # …（文字实录）——2020年5月22日…
     # 当前位置：首页>政务信息>宁夏要闻2026年…政府工作报告发表时间：…
     ("ningxia/2026.txt", "2026年宁夏回族自治区政府工作报告")],
)  # fmt: skip
def test_real_titles_flattened_as_written(path, title):
    file = SHARED / "real" / path
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    text = file.read_text(encoding="utf-8")
    for version in (text, flatten(text)[0]):
        doc = parse(version, path=str(file)).document
        assert (doc.title, doc.doc_type) == (title, "gov-work-report")
        assert "".join(version[doc.title_start : doc.title_end].split()) == title


def test_ningxias_date_is_its_header_fields():
    file = SHARED / "real" / "ningxia" / "2026.txt"
    if not file.is_file():
        pytest.skip(SHARED_REASON)
    # 发表时间：⏎2026-02-09 09:45:30, above the dateline ——2026年2月3日在…
    assert parse(file.read_text(encoding="utf-8")).document.date == "2026-02-09"


# --- the portal samples: a 政府信息公开 table, a news page, the news page on one line ---------

PORTALS = ["27_portal_xxgk_2022", "28_portal_news_2022", "29_portal_news_oneline_2022"]


@pytest.mark.parametrize("name", PORTALS)
def test_portal_pages_keep_title_type_period_and_date_flattened(name):
    gold = json.loads((CORPORA / "annotations" / f"{name}.json").read_text(encoding="utf-8"))
    text = (CORPORA / gold["file"]).read_text(encoding="utf-8")
    for version in (text, flatten(text)[0]):
        doc = parse(version).document
        assert (doc.title, doc.doc_type, doc.period) == (
            gold["title"],
            gold["doc_type"],
            gold["period"],
        )
        assert "".join(version[doc.title_start : doc.title_end].split()) == gold["title"]
        # the date of the header's first dated field (成文日期, 发布时间)
        assert doc.date == {"27": "2023-01-09"}.get(name[:2], "2022-01-18")


def test_a_letter_spaced_field_label_is_one_paragraph():
    # 名　　称： — the wide spaces align a table's cells; flattened, the label's value is the title
    text = (
        "您所在的位置：首页 > 政府信息公开 > 计划总结 索 引 号：\t001/2023-00015\t"
        "成文日期：\t2023年01月09日名　　称：\t青禾镇2022年工作总结发文字号：\t\t"
        "有效性：\t有效\t公开方式：\t主动公开青禾镇2022年工作总结　　2022年，全镇上下团结奋进，"
        "各项工作取得新成效。一、2022年工作总结（一）抓项目建设。全年完成各项任务。"
    )
    assert parse(text).document.title == "青禾镇2022年工作总结"


@pytest.mark.parametrize(
    ("crumb", "title"),
    [("首页 > 部门动态 ", "云溪市林业局2022年工作总结"), ("首页 > ", "林业局工作计划")],
)  # fmt: skip
def test_a_breadcrumbs_column_before_the_title_is_no_part_of_it(crumb, title):
    # one line: the last crumb (…动态) runs into the title; a title right after the arrow stays
    text = f"您的位置：{crumb}{title}来源：云溪市林业局 发布时间：2023-01-05" + BODY
    assert parse(text).document.title == title


def test_a_pages_tools_after_the_body_are_end_matter():
    text = (CORPORA / "28_portal_news_2022.txt").read_text(encoding="utf-8")
    doc = parse(text).document
    assert text[doc.body_end :].startswith("扫一扫在手机打开当前页")
