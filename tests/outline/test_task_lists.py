"""The task-division genre (重点工作任务分工, 责任分解, 任务清单): a government's work report dealt
out as tasks, sent as a notice with its lists attached or published alone, its items numbered
through its parts or again in each list, its tables flattened into lines.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

import regex
from conftest import outline

from extractor import parse

NOTICE = (
    "云溪市人民政府办公室关于印发2023年市政府工作报告重点工作任务分工的通知\n"
    "各区人民政府，市政府各部门：\n"
    "《2023年市政府工作报告主要目标责任分工》和《2023年市政府工作报告重点工作任务分工》已经市政府"
    "同意，现印发给你们，请结合实际认真贯彻落实，并就有关事项通知如下。\n"
    "一、提高认识。做好今年的政府工作，任务艰巨繁重，各单位要把落实分工作为重要政治任务，主要负责"
    "同志亲自抓、负总责，分管负责同志具体抓，切实增强抓落实的主动性和紧迫性，确保各项任务按时完成。\n"
    "二、强化督查。市政府办公室将把重点工作落实情况纳入市政府督查内容，每季度通报进展情况，对工作"
    "推进有力、成效明显的予以表扬，对工作不力、进展滞后的督促整改，并在年终考核中予以体现。\n"
    "附件：1．2023年市政府工作报告主要目标责任分工\n"
    "2．2023年市政府工作报告重点工作任务分工\n"
    "云溪市人民政府办公室\n"
    "2023年2月20日\n"
    "附件1\n"
    "2023年市政府工作报告主要目标责任分工\n"
    "1．地区生产总值增长6%左右\n"
    "牵头单位：市发展改革委\n"
    "2．城镇新增就业3万人\n"
    "牵头单位：市人力资源社会保障局\n"
    "附件2\n"
    "2023年市政府工作报告重点工作任务分工\n"
    "一、扩大有效投资\n"
    "1．实施市级重点项目150个\n"
    "牵头单位：市发展改革委\n"
    "2．加快城市轨道交通建设\n"
    "牵头单位：市交通运输局\n"
    "二、推进乡村振兴\n"
    "3．新建高标准农田5万亩\n"
    "牵头单位：市农业农村局\n"
    "4．巩固拓展脱贫攻坚成果，守住不发生规模性返贫底线\n"
    "牵头单位：市乡村振兴局\n"
    "配合单位：市民政局、市人力资源社会保障局\n"
    "5．深化农村集体产权制度改革，发展壮大新型农村集体经济\n"
    "牵头单位：市农业农村局\n"
    "配合单位：市财政局\n"
)

NOTICE_OUTLINE = [
    (1, "一、", "提高认识"),
    (1, "二、", "强化督查"),
    (1, "", "2023年市政府工作报告主要目标责任分工"),
    (3, "1．", "地区生产总值增长6%左右"),
    (3, "2．", "城镇新增就业3万人"),
    (1, "", "2023年市政府工作报告重点工作任务分工"),
    (2, "一、", "扩大有效投资"),
    (3, "1．", "实施市级重点项目150个"),
    (3, "2．", "加快城市轨道交通建设"),
    (2, "二、", "推进乡村振兴"),
    (3, "3．", "新建高标准农田5万亩"),
    (3, "4．", "巩固拓展脱贫攻坚成果，守住不发生规模性返贫底线"),
    (3, "5．", "深化农村集体产权制度改革，发展壮大新型农村集体经济"),
]


def test_a_notice_issuing_two_lists_numbered_again_in_each():
    # the attachments past the signature are the lists the notice issues, not end matter; each
    # list's title is a level-1 heading, its parts one level below it, and its items start at 1
    # again; the notice's own list of its attachments (附件：1．…) names them and is no heading
    assert outline(NOTICE) == NOTICE_OUTLINE


def test_the_same_notice_crawled_into_one_line():
    # a crawler keeps a space where each line break was: the lists' titles stand between the
    # attachment's label and the first marker; an item's title ends at its responsibility column
    assert outline(NOTICE.replace("\n", " ")) == NOTICE_OUTLINE


def test_a_lone_list_title_repeats_the_documents_and_is_no_heading():
    text = (
        "青石县2022年政府工作报告重点工作责任分解\n"
        "一、县长牵头负责的重点工作\n"
        "1.统筹推进稳增长各项工作。（牵头单位：县发展改革局）\n"
        "二、常务副县长牵头负责的重点工作\n"
        "2.深化财税体制改革。（牵头单位：县财政局）\n"
        "3.落实减税降费政策。（牵头单位：县税务局）\n"
    )
    notice = "青石县人民政府办公室关于印发2022年政府工作报告重点工作责任分解的通知\n" + (
        "各乡镇人民政府，县政府各部门：\n现印发给你们，请认真贯彻落实。\n"
        "青石县人民政府办公室\n2022年2月8日\n"
    )
    expected = [
        (1, "一、", "县长牵头负责的重点工作"),
        (3, "1.", "统筹推进稳增长各项工作"),
        (1, "二、", "常务副县长牵头负责的重点工作"),
        (3, "2.", "深化财税体制改革"),
        (3, "3.", "落实减税降费政策"),
    ]
    assert outline(text) == expected
    assert outline(notice + text) == expected  # the list after the notice: its title repeats


def test_the_title_of_a_list_page_that_lost_its_breaks_ends_at_the_list_word():
    text = (
        "白沙区2024年政府工作报告重点工作责任分解一、区长牵头负责的重点工作1.全面落实上级决策部署，"
        "统筹推进稳增长、促改革、惠民生各项工作。（牵头单位：区政府办公室；完成时限：2024年12月底）"
        "2.持续推进法治政府建设。（牵头单位：区司法局；完成时限：2024年12月底）"
        "二、常务副区长牵头负责的重点工作3.实施扩大内需战略，全年固定资产投资增长8%。"
        "（牵头单位：区发展改革局；完成时限：2024年12月底）"
    )
    report = parse(text)
    assert report.document.title == "白沙区2024年政府工作报告重点工作责任分解"
    assert [(s.level, s.marker) for s in report.sections] == [
        (1, "一、"), (3, "1."), (3, "2."), (1, "二、"), (3, "3."),
    ]  # fmt: skip
    assert report.sections[0].title == "区长牵头负责的重点工作"


TABLE = (
    "澜江市2021年政府工作报告重点任务清单\n"
    "序号\t工作任务\t责任单位\t完成时限\n"
    "一、稳住经济基本盘\n"
    "1\t全年地区生产总值增长7%左右\t市发展改革委\t2021年12月底\n"
    "2\t新增规模以上工业企业60家\t市工业和信息化局\t2021年12月底\n"
    "3\t实施市级重点项目120个，完成年度投资450亿元\t市发展改革委\t2021年12月底\n"
    "4\t落实减税降费政策，为市场主体减负30亿元以上\t市税务局、市财政局\t2021年12月底\n"
    "二、改善民生\n"
    "5\t新建城市书房20个\t市文化广电旅游局\t2021年11月底\n"
    "6\t完成老旧小区改造40个，惠及居民1.2万户\t市住房城乡建设局\t2021年12月底\n"
    "7\t新增公办幼儿园学位3000个\t市教育局\t2021年9月底\n"
    "8\t推进市人民医院新院区建设，年内主体结构封顶\t市卫生健康委\t2021年12月底\n"
)

TABLE_OUTLINE = [
    (1, "一、", "稳住经济基本盘"),
    (3, "1", "全年地区生产总值增长7%左右"),
    (3, "2", "新增规模以上工业企业60家"),
    (3, "3", "实施市级重点项目120个，完成年度投资450亿元"),
    (3, "4", "落实减税降费政策，为市场主体减负30亿元以上"),
    (1, "二、", "改善民生"),
    (3, "5", "新建城市书房20个"),
    (3, "6", "完成老旧小区改造40个，惠及居民1.2万户"),
    (3, "7", "新增公办幼儿园学位3000个"),
    (3, "8", "推进市人民医院新院区建设，年内主体结构封顶"),
]


def test_a_task_table_flattened_into_rows():
    # the header row names a task list's columns: a row below it that opens with its number is
    # an item, titled by its task cell, whatever sets the cells apart
    for between in ("\t", " | ", "   ", "\u3000\u3000"):  # tabs, bars, spaces, wide spaces
        assert outline(TABLE.replace("\t", between)) == TABLE_OUTLINE, between


def test_the_rows_of_a_task_table_that_lost_its_line_breaks():
    # the tabs survive: a number before a tab, after no digit, opens a row (…12月底2⇥…)
    assert outline(TABLE.replace("\n", "")) == TABLE_OUTLINE


def test_a_task_table_with_a_cell_per_line():
    text = (
        "云溪县2024年政府工作报告重点任务清单\n序号\n工作任务\n责任单位\n完成时限\n"
        "1\n全年地区生产总值增长6%左右\n县发展改革局\n2024年12月\n"
        "2\n新建口袋公园8个\n县园林绿化中心\n2024年9月\n"
    )
    assert outline(text) == [
        (3, "1", "全年地区生产总值增长6%左右"),
        (3, "2", "新建口袋公园8个"),
    ]


def test_a_table_of_another_kind_has_no_items():
    # a scoring table (序号 工作任务 考核分) names no task list's column: its rows are no headings
    text = (
        "桃源镇2021年农产品质量安全工作计划\n"
        "一、工作目标\n全镇农产品抽检合格率稳定在98%以上，全年不发生重大质量安全事故。\n"
        "考核表\n序号\t工作任务\t考核分\n"
        "1\t建立生产记录\t10\n2\t开展抽样送检\t20\n"
    )
    assert [s.title for s in parse(text).sections] == ["工作目标"]


def test_an_attachment_of_another_kind_is_still_end_matter():
    text = (
        "云溪市2023年政府工作报告\n一、2022年工作回顾\n过去一年，我们坚持稳中求进，经济运行总体平稳。"
        "全年地区生产总值增长5%，城乡居民收入稳步提高，民生保障持续加强，社会大局和谐稳定。\n"
        "二、2023年工作安排\n今年要抓好稳增长、促改革、惠民生各项工作，推动经济持续回升向好。\n"
        "附件\n名词解释\n1.专精特新：专业化、精细化、特色化、新颖化。\n"
        "2.两业融合：先进制造业和现代服务业融合。\n"
    )
    assert [s.title for s in parse(text).sections] == ["2022年工作回顾", "2023年工作安排"]


def _numbered_through(text: str) -> str:
    """The notice with its second list's items numbered on from the first's (3．…7．)."""
    head, second = text.split("附件2\n")
    return head + "附件2\n" + regex.sub(r"(?m)^(\d+)．", lambda m: f"{int(m[1]) + 2}．", second)


def test_items_numbered_through_the_lists():
    through = [
        (level, marker if level < 3 or title in FIRST_LIST else _renumbered(marker), title)
        for level, marker, title in NOTICE_OUTLINE
    ]
    assert outline(_numbered_through(NOTICE)) == through
    assert outline(_numbered_through(NOTICE).replace("\n", " ")) == through


FIRST_LIST = {"地区生产总值增长6%左右", "城镇新增就业3万人"}


def _renumbered(marker: str) -> str:
    return f"{int(marker[:-1]) + 2}．"


def test_a_task_ending_in_a_semicolon_above_its_column_is_an_item():
    # a list's items end in ；, but a task's responsibility column on the next line makes each
    # one task (a target list: 1.地区生产总值增长6%左右；⏎牵头单位：…)
    text = (
        "东川省2022年政府工作报告重点工作任务分工\n一、主要预期目标\n"
        "1.地区生产总值增长6%左右；\n牵头单位：省发展改革委\n"
        "2.一般公共预算收入增长6%；\n牵头单位：省财政厅\n"
        "二、重点工作\n3.实施重点项目2000个。\n牵头单位：省发展改革委\n"
    )
    assert outline(text) == [
        (1, "一、", "主要预期目标"),
        (3, "1.", "地区生产总值增长6%左右"),
        (3, "2.", "一般公共预算收入增长6%"),
        (1, "二、", "重点工作"),
        (3, "3.", "实施重点项目2000个"),
    ]


def test_a_work_reports_appended_projects_stay_end_matter():
    # a government work report's appendix of the year's practical projects names each one's
    # lead department, but the report issues no task list: the appendix is end matter still
    text = (
        "云溪市2025年政府工作报告\n一、2024年工作回顾\n过去一年，我们坚持稳中求进，经济运行总体平稳。"
        "全年地区生产总值增长5%，城乡居民收入稳步提高，民生保障持续加强，社会大局和谐稳定。\n"
        "二、2025年工作安排\n今年要抓好稳增长、促改革、惠民生各项工作，推动经济持续回升向好。\n"
        "附件\n2025年市政府民生实事\n1.新增城镇就业3万人；开展职业技能培训2万人次（牵头单位：市人社局）\n"
        "2.新建改建城市书房20个（牵头单位：市文化广电旅游局）\n"
    )
    assert [s.title for s in parse(text).sections] == ["2024年工作回顾", "2025年工作安排"]
