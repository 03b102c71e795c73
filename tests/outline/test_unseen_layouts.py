"""Layouts the parser had not been shown (issue 18): one-line pages, headings after any
character, bare numerals, nested lists, crawler pages, language halves, and the kinds and
periods of plan-only, half-year and multi-year documents.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

import pytest
from conftest import kinds, outline

from extractor import parse

# --- kinds and periods --------------------------------------------------------------------


def test_the_parts_of_a_plan_only_document_are_plans():
    text = (
        "云溪县农业农村局2023年工作要点\n一、指导思想\n坚持稳中求进。\n二、重点任务\n"
        "（一）稳定粮食生产\n播种面积稳定在30万亩。\n（二）发展特色产业\n新建茶园2000亩。\n"
    )
    assert kinds(text) == [
        ("指导思想", "plan", "2023"),
        ("重点任务", "plan", "2023"),
        ("稳定粮食生产", "plan", "2023"),
        ("发展特色产业", "plan", "2023"),
    ]


def test_the_parts_of_a_meetings_minutes_plan_the_tasks_it_set():
    text = (
        "县供电公司关于2022年10月份月度工作例会的纪要\n"
        "一、全力以赴抓好迎峰度冬各项工作\n1.切实加强组织领导。各单位要压实责任。\n"
        "二、扎实推进各项改革落地\n1.深化合规管理。年底前完成制度修订。\n"
    )
    report = parse(text)
    assert report.document.doc_type == "other"
    assert kinds(text) == [
        ("全力以赴抓好迎峰度冬各项工作", "plan", "2022"),
        ("切实加强组织领导", "plan", "2022"),
        ("扎实推进各项改革落地", "plan", "2022"),
        ("深化合规管理", "plan", "2022"),
    ]


def test_a_summarys_parts_review_until_it_turns_to_problems_or_plans():
    text = (
        "云溪县纪委关于2021年监督责任落实情况的报告\n一、突出协助职责，政治保障作用有效发挥\n"
        "开展专项检查5次。\n二、严肃执纪问责，纪律意识持续增强\n立案12件。\n三、存在问题\n"
        "监督合力不足。\n四、下一步工作措施\n深化专项整治。\n五、其他事项\n无。\n"
    )
    assert kinds(text) == [
        ("突出协助职责，政治保障作用有效发挥", "review", "2021"),
        ("严肃执纪问责，纪律意识持续增强", "review", "2021"),
        ("存在问题", "problems", "2021"),
        ("下一步工作措施", "plan", "2022"),
        ("其他事项", "other", "2021"),  # after the turn: no review
    ]


# fmt: off
PERIOD_CASES = [
    # a half-year summary: its plan part is the second half, whatever it is called
    ("青石县农业局2008年上半年工作总结\n一、上半年工作回顾\n正文。\n二、存在的问题\n正文。\n"
     "三、下阶段工作重点\n正文。\n",
     ("2008H1", "2008H1", "2008H2", "summary"),
     [("上半年工作回顾", "review", "2008H1"), ("存在的问题", "problems", "2008H1"),
      ("下阶段工作重点", "plan", "2008H2")]),
    # a half-year plan
    ("青石县农业局2008年下半年工作计划\n一、指导思想\n正文。\n二、重点任务\n正文。\n",
     ("2008H2", "2008H1", "2008H2", "plan"),
     [("指导思想", "plan", "2008H2"), ("重点任务", "plan", "2008H2")]),
    # a summary of two years plans the year after
    ("云溪县2020-2021年工作总结\n一、2020-2021年工作回顾\n正文。\n二、存在问题\n正文。\n"
     "三、下一步工作打算\n正文。\n",
     ("2020-2021", "2020-2021", "2022", "summary"),
     [("2020-2021年工作回顾", "review", "2020-2021"), ("存在问题", "problems", "2020-2021"),
      ("下一步工作打算", "plan", "2022")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "periods", "sections"), PERIOD_CASES)
def test_half_year_and_multi_year_periods(text, periods, sections):
    doc = parse(text).document
    assert (doc.period, doc.review_period, doc.plan_period, doc.doc_type) == periods
    assert kinds(text) == sections


# --- titles of headings on lines of their own ---------------------------------------------


def test_a_run_in_heading_on_its_own_line_ends_at_its_first_sentence():
    # SPEC §2: the title of a run-in lead ends at the first 。, however long, and may hold
    # a ； (a target list); a line that ends in ； is an item of a list, not a heading
    text = (
        "青禾镇2022年农产品质量安全工作计划\n一、目标任务\n"
        "1、全年抽检农产品500批次以上，合格率稳定在98%以上；不合格产品依法处置率达到100%。"
        "配合上级部门开展监督抽检。\n"
        "2、加强宣传培训。通过多种方式宣传《农产品质量安全法》、\n《食品安全法》等法律法规。\n"
        "二、保障措施\n（一）全镇各村要落实网格员责任；\n（二）定期通报工作进展情况；\n"
    )
    assert outline(text) == [
        (1, "一、", "目标任务"),
        (3, "1、", "全年抽检农产品500批次以上，合格率稳定在98%以上；不合格产品依法处置率达到100%"),
        (3, "2、", "加强宣传培训"),
        (1, "二、", "保障措施"),
    ]


def test_a_label_and_its_text_on_a_heading_line():
    text = (
        "云溪公司客服部经理述职报告\n一、主要工作完成情况\n"
        "（一）客户服务工作：全年受理客户来电X万人次，满意度达到XX%。\n"
        "（二）团队建设方面：组织业务培训X次。\n二、存在的不足\n学习不够深入。\n"
    )
    assert outline(text) == [
        (1, "一、", "主要工作完成情况"), (2, "（一）", "客户服务工作"),
        (2, "（二）", "团队建设方面"), (1, "二、", "存在的不足"),
    ]  # fmt: skip


def test_items_numbered_through_the_parts_are_headings_of_each_part():
    # a 工作要点 numbers its items 1.…6. through its parts, not again from 1 in each
    text = (
        "2023年云溪市文旅产业工作要点\n一、加强规划引领\n"
        "1．编制文旅产业发展规划。年内完成编制。\n2．完善产业扶持政策。出台专项政策。\n"
        "二、壮大市场主体\n3．培育龙头企业。新增规上企业5家。\n4．支持中小企业发展。落实减税降费。\n"
        "三、扩大文旅消费\n5．举办消费节庆活动。全年举办20场。\n6．发展夜间经济。打造夜间街区3个。\n"
    )
    got = outline(text)
    assert [(level, marker) for level, marker, _ in got] == [
        (1, "一、"), (3, "1．"), (3, "2．"), (1, "二、"), (3, "3．"), (3, "4．"),
        (1, "三、"), (3, "5．"), (3, "6．"),
    ]  # fmt: skip
    report = parse(text)
    assert not report.measures  # the items are headings, not lead sentences
    assert report.sections[4].parent_id == report.sections[3].section_id


# --- document titles ----------------------------------------------------------------------

# fmt: off
TITLE_CASES = [
    # letter-spaced, then a dateline of hyphens: no dash item
    ("政 府 工 作 报 告\n\n----2023年2月20日在云溪区第五届人民代表大会第二次会议上\n各位代表：\n"
     "一、2022年工作回顾\n全区经济稳中有进。\n",
     "政府工作报告", "gov-work-report", "2023"),
    # title, dateline and speaker on one line, the speaker's name set off by a wide space:
    # the title ends at the dash (the name is no broken tail of the title)
    ("政府工作报告——2024年3月5日在云溪市第七届人民代表大会第三次会议上市长\u2002李明\n"
     "各位代表：\n一、2023年工作回顾\n经济运行稳中向好。\n",
     "政府工作报告", "gov-work-report", "2024"),
    # an official document whose head lost its line breaks
    ("内部事项云溪县供电公司文件云电办〔2022〕8号签发人：XXX云溪县供电公司关于2021年"
     "安全生产工作情况的报告县应急管理局：2021年，公司坚持安全第一，全年未发生安全事故。"
     + "公司上下认真落实安全生产责任制，扎实开展隐患排查治理，安全形势保持平稳。" * 8
     + "一、主要做法一是压实责任。层层签订责任书。二是强化检查。开展隐患排查12次。",
     "云溪县供电公司关于2021年安全生产工作情况的报告", "summary", "2021"),
    # a page saved as markdown with front matter
    ("---\ntitle: 青禾社2021年工作总结\ndate: 2021-12-30\n---\n\n一、主要工作\n举办活动12场。\n",
     "青禾社2021年工作总结", "summary", "2021"),
]
# fmt: on


@pytest.mark.parametrize(("text", "title", "doc_type", "period"), TITLE_CASES)
def test_document_titles(text, title, doc_type, period):
    report = parse(text)
    doc = report.document
    assert (doc.title, doc.doc_type, doc.period) == (title, doc_type, period)
    assert "".join(report.text[doc.title_start : doc.title_end].split()) == doc.title
    assert not [m for m in report.measures if m.style == "dash"]


def test_the_body_of_an_official_document_starts_after_its_title():
    text = TITLE_CASES[2][0]
    report = parse(text)
    assert [(s.marker, s.title) for s in report.sections] == [("一、", "主要做法")]
    assert [m.marker for m in report.measures] == ["一是", "二是"]


# --- one-line pages: where a title run on into its body ends ------------------------------

FILLER = "全区上下团结一心，攻坚克难，各项事业取得新进展，人民群众获得感持续增强。" * 6

# fmt: off
ONE_LINE = [
    # (the first heading, glued to its body; its title) — SPEC §2 "Section", issue 18
    ("（一）精准发力，七大攻坚成效凸显按照区党工委的部署，全面完成年度任务。", "精准发力，七大攻坚成效凸显"),
    ("一、2018年工作回顾2018年是全面贯彻落实党的十九大精神的开局之年。", "2018年工作回顾"),
    # a frame opens the body: 在…领导下, 从…来看, a time, 面对
    ("一、党建工作开展情况在上级党委的坚强领导下，公司各项工作稳步推进。", "党建工作开展情况"),
    ("一、电力供需基本情况从当前来看，电力供应偏紧，需求增长较快。", "电力供需基本情况"),
    ("一、省委省政府的部署要求9月下旬以来，公司密切跟踪供需形势。", "省委省政府的部署要求"),
    ("一、保障供电工作举措面对严峻形势，公司上下迅速行动。", "保障供电工作举措"),
    # a verb or an adverb of resolve opens the body after the title's second phrase
    ("一、立足“一张网”，推动全省能源电力高质量发展坚决落实碳达峰工作部署，积极构建新型电力系统。",
     "立足“一张网”，推动全省能源电力高质量发展"),
    ("（一）加大先行先试，建设两岸深度融合先行区构建对台经贸往来主通道。加密货运航线班次。",
     "加大先行先试，建设两岸深度融合先行区"),
    # a list of short parallel phrases opens the body
    ("一、立足“一盘棋”，服务全省经济社会高质量发展全局统筹、主动作为、延伸服务，为百姓美好生活充电。",
     "立足“一盘棋”，服务全省经济社会高质量发展"),
    # the address opens the body; parallel phrases of like length, the last run on
    ("一、锚定目标，奋力开启“十四五”建设新征程各位代表，“十四五”时期是关键五年。",
     "锚定目标，奋力开启“十四五”建设新征程"),
    ("（一）构筑改革开放高地，激发强劲发展动能推动贸易投资便利化。深化口岸改革。",
     "构筑改革开放高地，激发强劲发展动能"),
    # …but a verb after 在…上 stays in its phrase
    ("（一）紧紧围绕共同富裕，持续在城乡一体化上加快步伐、提高实效。统筹新型城镇化。",
     "紧紧围绕共同富裕，持续在城乡一体化上加快步伐、提高实效"),
    # a frame before a quotation
    ("（一）实施“品牌活动年”行动，做特文体赛事按照“周周有活动”工作要求，推动赛事常态化。",
     "实施“品牌活动年”行动，做特文体赛事"),
    # a part's head noun: …情况 ends its title
    ("一、重要批示贯彻落实情况X月份以来，各单位认真抓好批示落实。", "重要批示贯彻落实情况"),
    # a part's head noun: 工作要求, 思路及举措; 从…来看 before its comma; 今年是 opens a body
    ("一、下阶段对标工作要求注重理念争先，树立争创标杆意识。", "下阶段对标工作要求"),
    ("一、需党委会决策的事项审议《关于加强党建工作的意见》，通过后印发。", "需党委会决策的事项"),
    ("一、当前宣传工作的形势任务从全局来看，宣传工作面临新的要求。", "当前宣传工作的形势任务"),
    ("一、今年宣传工作的思路及举措今年是实施规划的关键之年。", "今年宣传工作的思路及举措"),
    # …方面 ends a title
    ("（一）基层党建方面部分党支部的党建工作规范化程度有待提升；", "基层党建方面"),
    # one phrase: serial verbs and predicates stay in the title
    ("（一）聚焦加快构建现代化产业体系，推动产业转型升级。全年新增规上企业30家。",
     "聚焦加快构建现代化产业体系，推动产业转型升级"),
    ("（一）深化改革促开放，发展环境持续向好坚持对标先进，推出创新举措24项。",
     "深化改革促开放，发展环境持续向好"),
    # a period typed for 。 between Chinese words ends the title as 。 does
    ("一、进一步推动统计工作规范化、标准化.继续开展行业统计标准编制工作。",
     "进一步推动统计工作规范化、标准化"),
    # a part's head noun past the title's 。 belongs to the body (…的要求)
    ("一、不断推进统计工作现代化改革。认真落实统计现代化改革的要求，丰富统计手段。",
     "不断推进统计工作现代化改革"),
    # a time opens the body: 未来五年, a date, 总的来看
    ("一、新一届政府工作思路和2023年重点工作未来五年，我们将坚定不移推动高质量发展。",
     "新一届政府工作思路和2023年重点工作"),
    ("一、实施方案的主要内容2021年12月27日，省公司印发实施方案。", "实施方案的主要内容"),
    ("（一）需说明的事项总的来看，各项工作总体推进良好。", "需说明的事项"),
    # the subject of an enterprise's body sentence; 全面落实 opens a task phrase
    ("（一）聚焦政治监督，扛起监督首要职责公司党委坚持把政治建设摆在首位，健全监督机制。",
     "聚焦政治监督，扛起监督首要职责"),
    ("（一）持续深化国资国企改革扩大开放全面落实改革行动方案，激发市场主体活力。",
     "持续深化国资国企改革扩大开放"),
    # after a phrase that has its verb, an adverb opens the body's phrase (认真落实…); after
    # a bare noun it is the title's predicate (…重点任务扎实推进)
    ("（一）聚焦强化自身能力建设，着力打造过硬监督队伍认真落实上级关于进一步加强和改进监督干部队伍建设的"
     "工作意见和各项具体要求及有关规定精神，规范机构设置。", "聚焦强化自身能力建设，着力打造过硬监督队伍"),
    ("（一）坚定不移深化改革开放，全市重点改革任务扎实推进 各项改革举措落地见效，全面完成年度任务。",
     "坚定不移深化改革开放，全市重点改革任务扎实推进"),
    # a time glued inside the clause with figures opens the body there, not at its comma
    ("（一）优化公共服务，推动民生工程项目化2024年谋划民生项目32个，总投资约86.5亿元，"
     "年度计划投资12.4亿元。", "优化公共服务，推动民生工程项目化"),
]
# fmt: on


@pytest.mark.parametrize(("heading", "title"), ONE_LINE, ids=[t for _, t in ONE_LINE])
def test_a_title_run_on_into_its_body_ends_where_the_body_begins(heading, title):
    text = "云溪县供电公司2021年工作总结\n" + FILLER + heading + FILLER
    report = parse(text)
    assert [s.title for s in report.sections] == [title]
    section = report.sections[0]
    assert report.text[section.title_start : section.title_end] == title


# --- headings after any character ---------------------------------------------------------

FLAT_BODY = "区委区政府坚持稳中求进，统筹推进各项工作，经济社会发展取得新成效。" * 8


def test_a_heading_after_a_closing_bracket_continues_the_numbering():
    text = (
        "云溪市司法局2023年工作要点\n" + FLAT_BODY
        + "一、深化法治政府建设（一）完善依法决策机制。健全重大决策程序。（责任处室：法规处）"
        "（二）加强行政执法监督。开展执法案卷评查。（责任处室：执法监督处）"
        + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [
        (1, "一、", "深化法治政府建设"),
        (2, "（一）", "完善依法决策机制"),
        (2, "（二）", "加强行政执法监督"),
    ]


def test_a_heading_after_a_wide_space_is_found():
    body = FLAT_BODY * 2
    text = (
        "云溪县2023年工作总结\n" + body + "一、工作开展情况\u3000（一）加强组织领导。成立领导小组。"
        "（二）完善工作机制。建立例会制度。" + body + "二、存在问题" + body
    )
    assert outline(text) == [
        (1, "一、", "工作开展情况"), (2, "（一）", "加强组织领导"),
        (2, "（二）", "完善工作机制"), (1, "二、", "存在问题"),
    ]  # fmt: skip


def test_a_heading_after_page_clutter_is_found():
    # a newspaper's page note between two parts of a report that lost its line breaks
    text = (
        "2024年云溪市政府工作报告 " + FLAT_BODY
        + "一、2024年主要任务 （一）进一步扩大有效投资，增强发展后劲。新开工项目300个。"
        "（二）进一步促进消费升级，释放内需潜力。 下转7版 （上接第4版） "
        "（三）进一步推进高水平改革开放，增强发展动力。深化重点领域改革。" + FLAT_BODY
    )  # fmt: skip
    titles = [title for _, _, title in outline(text)]
    assert titles[-1] == "进一步推进高水平改革开放，增强发展动力"


# fmt: off
NOT_HEADINGS = [
    # a numeral that makes a word with the character before it (统一、, 举一反三、)
    "全面推行统一、规范的办事流程，举一反三、查缺补漏，",
    # ordinals of a noun
    "推动一、二、三产业融合发展，",
    # the points of a narrative: 了 in the first clause
    "领导批示：一、督察工作推动了重点工作，取得了新成就。",
]
# fmt: on


@pytest.mark.parametrize("sentence", NOT_HEADINGS)
def test_a_marker_inside_a_sentence_is_no_heading(sentence):
    text = "云溪县2023年工作总结\n" + FLAT_BODY + sentence + FLAT_BODY
    assert outline(text) == []


def test_the_parts_of_an_official_report_glued_after_its_title():
    # a cover letter whose leader's comment has numbered points, then the report itself
    text = (
        "内部事项关于印发10月份重点工作督察报告的通知各部门：董事长批示：阅。"
        "一、督察工作推动了重点工作，取得了新成就。二、继续用好督察成果。现将报告印发。"
        "10月份重点工作督察报告一、重点工作完成情况10月份，部署的31项重点工作有序推进。"
        + FLAT_BODY + "二、批示件办理情况10月份，办公室跟踪督办批示件19件。" + FLAT_BODY
        + "三、需要关注的事项一是压实工作责任。二是加强督察问效。"
    )  # fmt: skip
    assert outline(text) == [
        (1, "一、", "重点工作完成情况"),
        (1, "二、", "批示件办理情况"),
        (1, "三、", "需要关注的事项"),
    ]


def test_the_parts_of_another_text_named_inside_a_part_are_no_headings():
    # a report on carrying out a plan sums the plan's parts up inside its own part 一、
    text = (
        "县公司关于实施方案落实情况的汇报\n" + FLAT_BODY
        + "一、实施方案的基本精神2021年12月，省公司印发方案，分为三个部分。第一部分：总体要求。阐述了改革的意义。"
        "第二部分：具体措施。明确了20项措施。第三部分：组织保障。提出了三个方面的要求。"
        + FLAT_BODY + "二、公司推进情况公司党委高度重视，逐条落实各项措施。" + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [(1, "一、", "实施方案的基本精神"), (1, "二、", "公司推进情况")]


def test_a_part_whose_sentence_narrates_is_no_heading():
    # 第二部分从…总结了…: the title would be cut before 了, which its first clause holds
    text = (
        "县公司关于改革落实情况的汇报\n" + FLAT_BODY + "一、基本情况" + FLAT_BODY
        + "汇报分为三个部分。第一部分传达了方案精神。第二部分从“四个聚焦”总结了推进情况。"
        + FLAT_BODY + "二、需要决策的事项" + FLAT_BODY
    )  # fmt: skip
    assert outline(text) == [(1, "一、", "基本情况"), (1, "二、", "需要决策的事项")]


def test_an_attachment_starts_its_numbering_again():
    # a cover note (一、二、), then the report it encloses (一、二、三、), all on one line
    body = "今年以来，" + FLAT_BODY * 2
    text = (
        "关于深化改革落实情况的汇报一、基本情况" + body + "二、需要决策的事项以上汇报提请审议。"
        "\u3000\u3000附件：关于深化改革落实情况的汇报现将有关情况汇报如下：一、方案的主要内容"
        + body + "二、公司推进情况" + body + "三、下一步工作计划" + body
    )  # fmt: skip
    assert [(level, marker) for level, marker, _ in outline(text)] == [
        (1, "一、"), (1, "二、"), (1, "一、"), (1, "二、"), (1, "三、"),
    ]  # fmt: skip
    assert outline(text)[2][2] == "方案的主要内容"


def test_a_lead_line_goes_on_past_a_comma_and_a_connective():
    # a numbered line of a text that kept its line breaks: its title is its first sentence;
    # 同时 after a comma goes on with it (it opens a sentence only where glued on)
    text = (
        "客户服务部工作总结\n一、加强柜面管理\n1、保证满期给付工作的顺利进行，同时为了提高客户"
        "满意度，做好客户的二次开发。\n2、加强培训。组织柜员学习业务知识。\n"
    )
    assert [t for _, _, t in outline(text)][1] == (
        "保证满期给付工作的顺利进行，同时为了提高客户满意度，做好客户的二次开发"
    )


# --- bare numerals, nested lists, lists a colon opens -------------------------------------


def test_a_bare_numeral_on_its_own_line_numbers_a_part():
    text = (
        "各位代表：\n\n我受国务院的委托，向大会作关于农业发展的报告。\n\n\n一\n\n"
        "农业发展纲要是高速度发展农业的纲领。几年来，粮食产量逐年增加。\n\n\n二\n\n"
        "下面说一说纲要的执行情况。\n一、粮食生产\n粮食增产百分之十。\n\n\n三\n\n今后的任务很重。\n"
    )
    assert outline(text) == [
        (1, "一", ""), (1, "二", ""), (2, "一、", "粮食生产"), (1, "三", ""),
    ]  # fmt: skip


def test_parts_go_on_after_a_list_of_parts_nested_in_one():
    text = (
        "一、过去五年的回顾\n五年来国民经济持续增长。\n二、今后五年的基本任务\n今后五年的任务是：\n"
        "一、确定适度的增长速度\n增长速度要适当。\n二、控制投资规模\n投资规模要适度。\n"
        "三、改善人民生活\n人民生活要逐步改善。\n三、关于经济体制改革\n改革要稳步推进。\n"
        "四、关于对外政策\n我们坚持和平外交。\n"
    )
    report = parse(text)
    assert [(s.level, s.marker, s.parent_id) for s in report.sections] == [
        (1, "一、", None), (1, "二、", None),
        (2, "一、", "s2"), (2, "二、", "s2"), (2, "三、", "s2"),
        (1, "三、", None), (1, "四、", None),
    ]  # fmt: skip


def test_numbered_lines_a_colon_opens_stay_a_list():
    text = (
        "云溪县2023年工作总结\n一、主要工作\n今年的主要措施如下：\n一、稳定粮食生产；\n"
        "二、增加农民收入；\n三、深化农村改革。\n二、存在问题\n基础仍然薄弱。\n"
    )
    assert outline(text) == [(1, "一、", "主要工作"), (1, "二、", "存在问题")]


# --- lead sentences -----------------------------------------------------------------------


def test_a_lead_that_runs_straight_into_its_list_heads_it_beside_other_leads():
    text = (
        "一、2026年重点工作\n（七）加大民生保障力度\n促进高质量充分就业。实施稳岗扩容行动。\n"
        "提升社会保障水平。扩大保险覆盖面。\n协同发展社会事业。推进义务教育均衡发展。\n"
        "持续办好为民实事。一是新增学位2万个；二是改造养老设施100个；三是新建口袋公园50个。\n"
        "（八）统筹发展和安全\n提升防灾减灾能力。完善预警机制。\n"
    )
    ms = parse(text).measures
    by_id = {m.measure_id: m for m in ms}
    items = [m for m in ms if m.marker.endswith("是")]
    assert len(items) == 3
    assert {by_id[m.parent_id].headline for m in items if m.parent_id} == {"持续办好为民实事"}


def test_a_couplet_of_two_tasks_is_a_lead_an_aphorism_is_not():
    text = (
        "一、2015年工作安排\n（一）加强自身建设\n践行群众路线，打造服务政府。衡量工作的标准是群众满意。\n"
        "坚持依法行政，打造法治政府。依法行政是法治政府的生命线。\n"
        "艰辛成就伟业，奋斗创造辉煌。让我们团结一心，再创佳绩。\n"
    )
    leads = [m.headline for m in parse(text).measures if m.style == "lead"]
    assert leads == ["践行群众路线，打造服务政府", "坚持依法行政，打造法治政府"]


def test_a_sentence_that_introduces_its_list_alone_is_no_lead():
    text = "一、回顾\n一年来，全市经济稳中有进。一是增长较快；二是结构优化。\n"
    assert [m.marker for m in parse(text).measures] == ["一是", "二是"]


# --- crawler pages ------------------------------------------------------------------------

LONG_BODY = "全镇上下团结奋进，统筹推进各项工作，经济社会发展取得了新的成绩。" * 12

# fmt: off
CRAWLED = [
    # a portal's page: breadcrumbs, metadata line, page tools and share buttons
    ("当前位置：首页 > 政务公开 > 规划计划\n云溪县人民政府2023年工作要点\n"
     "发布时间：2023-02-10 09:30 来源：县政府办公室 浏览次数：1234\n【字体：大 中 小】【打印】【关闭】\n"
     "分享到：\n微信 微博 QQ空间\n一、指导思想\n坚持稳中求进。\n二、重点任务\n（一）扩大有效投资\n"
     "新开工项目50个。\n",
     "云溪县人民政府2023年工作要点", "2023-02-10",
     [(1, "一、", "指导思想"), (1, "二、", "重点任务"), (2, "（一）", "扩大有效投资")]),
    # a crawler's metadata header, the body one line
    ("标题: 青禾镇2022年工作总结及2023年工作计划\n发布时间: 2023-01-05 11:39\n文号: \n"
     "发布机构: 青禾镇人民政府\n栏目: 工作进展情况\n原文链接: https://www.example.gov.cn/t1.htm\n"
     "==================== 正文 ====================\n"
     "一、2022年工作总结2022年，全镇上下团结奋进。" + LONG_BODY
     + "（一）抓项目建设，新开工项目12个。" + LONG_BODY
     + "二、2023年工作计划2023年，我镇将重点抓好以下工作。" + LONG_BODY + "\n",
     "青禾镇2022年工作总结及2023年工作计划", "2023-01-05",
     [(1, "一、", "2022年工作总结"), (2, "（一）", "抓项目建设"),
      (1, "二、", "2023年工作计划")]),
    # a dateline and the speaker under the title
    ("2019年云溪市政府工作报告\n——2019年1月8日在云溪市第十五届人民代表大会第三次会议上\n市长 李明\n"
     "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2018年工作回顾\n"
     "全市经济稳中向好。\n二、2019年工作安排\n今年经济增长6.5%左右。\n",
     "2019年云溪市政府工作报告", "2019-01-08",
     [(1, "一、", "2018年工作回顾"), (1, "二、", "2019年工作安排")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "title", "date", "sections"), CRAWLED)
def test_crawler_pages(text, title, date, sections):
    report = parse(text)
    assert (report.document.title, report.document.date) == (title, date)
    assert [(s.level, s.marker, s.title) for s in report.sections] == sections
    assert not [m for m in report.measures if m.style == "dash"]


# --- language halves ----------------------------------------------------------------------

# our own bilingual sample: a report and its English translation
BILINGUAL = (
    "云溪市2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n全市经济稳中有进，地区生产总值增长5.2%。\n"
    "二、2023年工作安排\n今年经济增长6%左右，城镇新增就业3万人。\n"
    "Report on the Work of the Yunxi Municipal Government 2023\nFellow Deputies,\n"
    "1. Review of Our Work in 2022\n"
    "The city's economy made steady progress, and its gross domestic product grew by 5.2 percent.\n"
    "2. Work for 2023\n"
    "This year the economy is expected to grow by around 6 percent, creating 30,000 urban jobs.\n"
    "3. Improving Our Performance\n4. Closing Remarks\n"
    "We will stay true to our mission and deliver on what the people expect of us.\n"
)
# the same, paragraph by paragraph
INTERLEAVED = (
    "云溪市2023年工作要点\n一、扩大有效投资\n1. Expanding effective investment\n"
    "新开工项目50个。\nWe will start 50 new projects.\n二、促进消费恢复\n2. Boosting consumption\n"
    "举办消费季活动。\nWe will hold a consumption season.\n"
)


def test_a_translation_is_not_outlined():
    for text in (BILINGUAL, INTERLEAVED):
        report = parse(text)
        assert [s.marker for s in report.sections] == ["一、", "二、"]
        assert not [f for f in report.findings if f.rule == "empty_section"]
    report = parse(BILINGUAL)
    assert report.sections[-1].text.endswith("城镇新增就业3万人。")


def test_a_parts_first_subheading_after_items_numbered_deeper():
    # a part lists its honours 1.…3. as whole sentences, then its own parts （一）…（二）
    text = (
        "云溪县供电公司2021年党建工作总结\n" + FLAT_BODY
        + "一、党建工作开展情况在上级党委的坚强领导下，各项工作取得新成效。"
        "1.公司党委被上级授予先进基层党组织称号。2.公司成立党建联盟。3.公司团委获评五四红旗团委。"
        + FLAT_BODY + "（一）高标站位，党史学习教育深入推进按照上级部署制定实施方案。" + FLAT_BODY
        + "（二）旗帜领航，党建引领作用发挥明显筑牢堡垒，夯实根基。" + FLAT_BODY
    )  # fmt: skip
    got = [(level, marker, title) for level, marker, title in outline(text) if level < 3]
    assert got == [
        (1, "一、", "党建工作开展情况"),
        (2, "（一）", "高标站位，党史学习教育深入推进"),
        (2, "（二）", "旗帜领航，党建引领作用发挥明显"),
    ]


# --- markdown: crawled blog posts and converted pages ----------------------------------------

MARKDOWN = (
    "---\ntitle: 青年志愿者协会2023年度工作总结及2024年工作计划\ndate: 2024-01-05\n---\n\n"
    "编写：协会秘书处（执笔）\n\n# 工作总结\n\n"
    "一年来，协会在校团委指导下开展志愿服务活动十二次，参与同学四百余人次。\n\n"
    "* 社区服务：XXX\n* 支教活动：XXX\n\n"
    "工作计划\n========\n\n新的一年，协会将继续做好常规服务，拓展新的服务领域。\n\n"
    "具体安排如下：\n------------\n\n"
    "1、每月组织一次社区服务活动。\n2、寒假开展一次支教活动。\n"
)


def test_markdown_headings_are_parts():
    # `# 工作总结` and the underlined `工作计划` are parts whatever ends the line before; a
    # line underlined after a colon opens a list; the hashes are no part of the title
    report = parse(MARKDOWN)
    got = [(s.level, s.marker, s.title, s.kind) for s in report.sections]
    assert got == [
        (1, "", "工作总结", "review"),
        (1, "", "工作计划", "plan"),
        (3, "1、", "每月组织一次社区服务活动", "plan"),
        (3, "2、", "寒假开展一次支教活动", "plan"),
    ]
    first = report.sections[0]
    assert report.text[first.title_start : first.title_end] == "工作总结"
    assert report.text[first.start - 2 : first.start] == "# "


def test_a_hashtag_is_no_markdown_heading():
    text = (
        "县融媒体中心2023年工作总结\n#两会热点#\n"
        + "全年刊发稿件三千余篇，各项工作稳步推进。\n" * 3
    )
    assert [s.title for s in parse(text).sections] == []


def test_a_list_goes_on_after_a_list_nested_in_its_item():
    # 二是 lists its own points 一是…四是; the outer list goes on with 三是
    text = (
        "县督查室2020年10月督查工作报告\n"
        "一、下一步工作\n"
        "一是加强统筹调度，确保各项任务按期完成。"
        "二是聚焦重点事项开展专项督查，重点包括：一是惠企政策落实情况。二是重大项目推进情况。"
        "三是民生实事办理情况。四是作风建设情况。各单位要对照问题清单抓好整改。"
        "三是创新督查方式方法，建立线上督办工作机制。\n"
    )
    measures = [m for m in parse(text).measures if m.style == "enumerated"]
    got = [(m.marker, m.headline) for m in measures]
    assert got[-1] == ("三是", "创新督查方式方法，建立线上督办工作机制")
    # the nested points hang under 二是; the outer 三是 under nothing, as 一是 and 二是
    assert [m.parent_id for m in measures] == [None, None] + [measures[1].measure_id] * 4 + [None]
    assert [marker for marker, _ in got] == ["一是", "二是", "一是", "二是", "三是", "四是", "三是"]


# --- task-decomposition lists (重点工作责任分解) -------------------------------------------


def _task_list(items: int) -> str:
    lines = ["云溪县人民政府办公室关于印发2021年政府工作报告重点工作责任分解的通知", "",
             "2021年政府工作报告重点工作责任分解", "一、县长牵头重点工作"]  # fmt: skip
    for n in range(1, items + 1):
        if n == items // 2:
            lines.append("二、常务副县长牵头重点工作")
        lines += [f"{n}.推进第{n}批重点项目建设。", "责任单位：县发改局"]
    return "\n".join(lines) + "\n"


def test_a_task_list_is_the_years_plan_not_the_report():
    report = parse(_task_list(4))
    assert (report.document.doc_type, report.document.period) == ("plan", "2021")
    assert {(s.kind, s.period) for s in report.sections} == {("plan", "2021")}


def test_a_task_list_numbers_past_a_hundred():
    got = outline(_task_list(120))
    assert [level for level, _, _ in got].count(3) == 120
    assert got[-1] == (3, "120.", "推进第120批重点项目建设")


def test_a_task_lines_later_clause_goes_on_with_its_sentence():
    # a line of its own past 50 characters: 去年 and 我县 after a comma open no body sentence
    item = (
        "深化推进“152”工程，去年“152”项目今年要全面开工，"
        "新项目年内开工率要达到六成以上，积极发挥我县产业优势"
    )
    text = _task_list(2).replace("1.推进第1批重点项目建设。", f"1.{item}。")
    assert item in [title for _, _, title in outline(text)]


def test_a_plan_whose_title_names_no_year_plans_the_year_of_its_path():
    # 2022工作计划: no 年, so the year comes from the file's name, and it is the plan's
    text = (
        "海岛片区管理局2022工作计划\n（一）压实管党治党责任，在夯实基层基础上实现新进步。\n"
        "全年开展专题学习12次。\n（二）锚定高质量发展目标，在推动产业项目升级上实现新突破。\n"
        "全年完成投资10亿元。\n"
    )
    report = parse(text, path="haidao/2022plan.txt")
    assert report.document.doc_type == "plan"
    assert {(s.kind, s.period) for s in report.sections} == {("plan", "2022")}
