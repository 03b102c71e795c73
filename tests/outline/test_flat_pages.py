"""Pages that lost every line break (session 11's stress test, real.evaluate_flattened): the
crawler's header, a cover note and the text it encloses, task lists and legislative plans
run into one line.

Every text here is our own, written in the genre's style; none is copied from a report.
"""

from __future__ import annotations

import pytest
from conftest import outline

from extractor import parse


def test_a_crawler_header_run_into_its_body():
    text = (
        "标题: 云溪县林业局2023年工作总结及2024年工作计划发布时间: 2024-01-10 09:30文号: "
        "栏目: 年度计划==================== 正文 ====================今年以来，我局坚持生态优先，"
        "统筹推进森林资源保护、国土绿化和林业产业发展，林业各项工作取得新进展。"
        "全县森林覆盖率稳定在百分之六十以上，林业产业总产值稳步增长，生态保护修复成效明显，"
        "林长制全面落实，国有林场改革深入推进，森林资源管护网络不断健全，群众生态获得感持续增强。"
        "现将全年工作总结和明年工作计划报告如下，不妥之处请批评指正，我们将在今后工作中认真改进。"
        "一、2023年工作总结（一）抓好森林防火。全年未发生森林火灾。（二）推进国土绿化。完成造林"
        "1.2万亩，义务植树50万株。二、2024年工作计划（一）巩固防火成效。严格落实网格化管理，"
        "加强重点时段巡查。（二）扩大造林面积。完成造林1.5万亩，实施退化林修复0.3万亩。"
    )
    report = parse(text)
    assert report.document.title == "云溪县林业局2023年工作总结及2024年工作计划"
    assert report.document.date == "2024-01-10"
    assert outline(text) == [
        (1, "一、", "2023年工作总结"),
        (2, "（一）", "抓好森林防火"),
        (2, "（二）", "推进国土绿化"),
        (1, "二、", "2024年工作计划"),
        (2, "（一）", "巩固防火成效"),
        (2, "（二）", "扩大造林面积"),
    ]


def test_a_cover_note_and_the_task_list_it_encloses_on_one_line():
    text = (
        "云溪县人民政府办公室关于印发2023年重点工作责任分解的通知各乡镇人民政府，县政府各部门："
        "现将《2023年重点工作责任分解》印发给你们，请结合实际认真贯彻执行，并就有关事项通知如下。"
        "各地各部门要把重点工作作为全年工作的重中之重，主要领导亲自抓，分管领导具体抓。"
        "一、各牵头单位要细化工作措施。"
        "二、各单位每季度报送进展情况。云溪县人民政府办公室 2023年2月10日 "
        "2023年重点工作责任分解一、县长牵头重点工作1.统筹推进稳增长各项工作，全年地区生产总值"
        "增长6%。责任单位：县发改局，各乡镇2.深化“放管服”改革。责任单位：县政务服务中心"
        "二、常务副县长牵头重点工作3.加快工业园区建设；新建标准厂房10万平方米。责任单位："
        "县工信局4.落实减税降费政策。责任单位：县税务局、县财政局"
    )
    assert outline(text) == [
        (1, "一、", "各牵头单位要细化工作措施"),
        (1, "二、", "各单位每季度报送进展情况"),
        (1, "一、", "县长牵头重点工作"),
        (3, "1.", "统筹推进稳增长各项工作，全年地区生产总值增长6%"),
        (3, "2.", "深化“放管服”改革"),
        (1, "二、", "常务副县长牵头重点工作"),
        (3, "3.", "加快工业园区建设；新建标准厂房10万平方米"),
        (3, "4.", "落实减税降费政策"),
    ]


def test_a_legislative_plans_items_end_before_their_drafting_unit():
    text = (
        "云溪市2023年立法工作计划市政府2023年立法工作重点是：服务高质量发展，保障和改善民生，"
        "提升城市治理水平，加强生态环境保护，以及加强政府自身建设等方面的立法项目。"
        "立法工作要坚持科学立法、民主立法、依法立法，提高立法质量和效率，更好发挥法治固根本、"
        "稳预期、利长远的保障作用。市政府2023年立法工作计划共安排项目5项。具体安排如下："
        "一、力争完成项目(3项)(一)地方性法规项目(2项)1.城市绿化条例(修订草案)(市园林局起草)"
        "2.户外广告设施和招牌设置管理条例(草案)(市城市管理局起草)(二)政府规章项目(1项)"
        "1.养犬管理规定(市公安局起草)二、适时提出项目(2项)1.物业管理条例(草案)(市住建局起草)"
        "2.河道管理办法(修订)(市水务局起草)"
    )
    assert outline(text) == [
        (1, "一、", "力争完成项目(3项)"),
        (2, "(一)", "地方性法规项目(2项)"),
        (3, "1.", "城市绿化条例(修订草案)"),
        (3, "2.", "户外广告设施和招牌设置管理条例(草案)"),
        (2, "(二)", "政府规章项目(1项)"),
        (3, "1.", "养犬管理规定"),
        (1, "二、", "适时提出项目(2项)"),
        (3, "1.", "物业管理条例(草案)"),
        (3, "2.", "河道管理办法(修订)"),
    ]


def test_a_date_inside_a_sentence_starts_no_other_text():
    # 于…日召开 is no signature: the 一、二、 after it are a list inside 二、, not a new text
    text = (
        "云溪县2023年工作总结一年来，在县委的坚强领导下，县政府团结带领全县人民，坚持稳中求进工作"
        "总基调，全力以赴稳增长、促改革、调结构、惠民生、防风险，较好完成了全年目标任务，经济社会"
        "发展呈现稳中有进、持续向好的良好态势。一、主要成效全年完成投资12亿元，新开工项目36个，城乡居民收入"
        "分别增长5.2%和7.1%，各项社会事业全面进步，人民群众获得感持续增强。二、主要做法县政府"
        "于2023年3月1日召开动员大会一、抓项目建设。二、优化营商环境。全县上下凝心聚力，攻坚克难，推动"
        "各项任务落地见效，重点项目建设、营商环境优化和民生保障等工作扎实推进。三、存在问题"
        "项目储备不足，产业结构不优，民生领域还有不少短板，干部作风仍需进一步转变，"
        "我们将正视问题，采取有力措施认真加以解决。"
    )
    assert [s[2] for s in outline(text) if s[0] == 1] == ["主要成效", "主要做法", "存在问题"]


# fmt: off
GLUED_TITLES = [
    # a result phrase (subject, adverb, verb) run on into its lead sentence
    ("（一）产业结构不断优化现代服务业发展迅速。全年服务业增加值增长6.2%。", "产业结构不断优化"),
    ("（一）科技创新实现新突破创新平台加快布局。新建省级研发平台12个。", "科技创新实现新突破"),
    # …but not where the predicate takes an object, is an attribute or is joined to another
    ("（一）因地制宜加快发展新质生产力。推动传统产业转型升级，培育新兴产业。", "因地制宜加快发展新质生产力"),
    ("（一）改革开放持续深化、互促共进。营商环境不断优化，开放水平稳步提升。", "改革开放持续深化、互促共进"),
    ("（一）推进城市更新持续改善人居环境。完成老旧小区改造36个。", "推进城市更新持续改善人居环境"),
    # a task title and its lead sentence: an adverb of resolve well inside opens the second
    ("（一）全力扩大有效需求着力提振消费。开展消费促进活动120场。", "全力扩大有效需求"),
    ("（一）加大宏观政策实施力度。积极的财政政策要提质增效。", "加大宏观政策实施力度"),
    ("（一）持续扩大有效投资坚持“项目为王”，新开工项目42个。", "持续扩大有效投资"),
    # the body's first sentence restates the title's verb or its object
    ("（一）持续深化改革开放深化国资国企改革，推动国企聚焦主业。", "持续深化改革开放"),
    ("（一）农业农村坚持农业农村优先发展，守住粮食安全底线。", "农业农村"),
    ("（一）进一步扩大内需扩大内需是经济发展的长期战略方针。", "进一步扩大内需"),
    # a short title, then its body's clause of figures
    ("（一）推进城市更新改造老旧小区30个，新增停车泊位1200个。", "推进城市更新"),
    ("（一）就业和社会保障城镇新增就业1.06万人，发放创业担保贷款2亿元。", "就业和社会保障"),
]
# fmt: on


@pytest.mark.parametrize(("heading", "title"), GLUED_TITLES)
def test_a_title_glued_to_its_first_sentence(heading, title):
    # a one-line page: the heading follows the previous part's last sentence
    text = (
        "云溪县2023年工作总结" + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 12 + heading
    )
    found = [s.title for s in parse(text).sections]
    assert found == [title]


def test_a_fact_sheets_fields_are_headings_numbered_again_for_each_item():
    # label-colon fields of a form (一、项目名称：…) are headings titled by their label, as a
    # label-colon heading is (docs/elements.md); each item of the sheet numbers them again
    items = "".join(
        f"项目{i}一、项目名称：城区{i}号配电网改造工程二、建设单位：云溪供电公司"
        f"三、建设内容：改造10千伏线路{i}2公里。四、总投资：{i}.1亿元"
        for i in range(1, 5)
    )
    text = (
        "云溪供电公司2022年重点项目计划一、总体情况2022年共安排重点项目4个，总投资12亿元。"
        "二、保障措施加强组织领导，压实各方责任。附件：重点项目简介" + items
    )
    fields = ["项目名称", "建设单位", "建设内容", "总投资"]
    assert [s[2] for s in outline(text)] == ["总体情况", "保障措施", *fields * 4]


def test_a_part_glued_after_the_word_plan_is_found():
    # 计划一、 is no 划一 (整齐划一): the heading after a title that ends in 计划 or 规划
    text = (
        "云溪县文化和旅游局2024年工作计划一、指导思想坚持以人民为中心的发展思想，推动文化和"
        "旅游深度融合发展。"
        + "全面提升公共文化服务水平，持续擦亮全域旅游品牌。"
        * 10
        + "二、主要任务（一）完善公共文化服务体系新建城市书房5个。（二）培育文旅消费新场景举办"
        "文旅活动30场。"
    )
    assert [s[2] for s in outline(text)][:2] == ["指导思想", "主要任务"]


def test_a_task_lists_items_across_sentence_breaks_and_longer_items():
    # an item with sentences before its responsibility column, and a space after a 。 that
    # starts a new paragraph: the next items are still found, numbered on
    text = (
        "云溪县2023年重点工作责任分解"
        + "各责任单位要细化工作措施，明确时间节点，确保按期完成。" * 9
        + "一、县长牵头重点工作1.坚决打好污染防治攻坚战，确保空气质量稳定达标；推进重点流域综合治理。完善生态补偿机制，"
        "守护好一江清水。责任单位：县生态环境局、县水利局2.推进全域“清洁排放区”建设。 责任单位："
        "县生态环境局、县交通运输局3.深入开展土壤污染状况调查，推进污染地块治理修复。责任单位："
        "县生态环境局、县自然资源局4.加强食品药品安全工作，深入实施食品安全放心工程。责任单位："
        "县市场监管局5.提升农村人居环境。责任单位：县农业农村局"
    )
    assert [s[1] for s in outline(text)] == ["一、", "1.", "2.", "3.", "4.", "5."]
    assert (
        outline(text)[1][2] == "坚决打好污染防治攻坚战，确保空气质量稳定达标；推进重点流域综合治理"
    )


def test_a_title_and_parts_run_into_the_body_of_a_page():
    text = (
        "云溪高新区管委会2024年工作总结暨2025年工作思路2024年，高新区坚持创新驱动，园区综合"
        "实力稳步增强。"
        + "全年新增高新技术企业52家，科技型中小企业突破800家。"
        * 6
        + "第一部分\u30002024年工作回顾（一）主要指标稳中有升全年实现地区生产总值628亿元。"
        "（二）创新能力持续增强新建研发平台23个。第二部分\u30002025年工作思路（一）打造科技创新"
        "策源地。建设光电实验室。（二）扩大有效投资。新开工项目40个。"
    )
    report = parse(text)
    assert report.document.title == "云溪高新区管委会2024年工作总结暨2025年工作思路"
    assert report.document.doc_type == "summary-and-plan"
    assert [(s.level, s.title, s.kind) for s in report.sections] == [
        (1, "2024年工作回顾", "review"),
        (2, "主要指标稳中有升", "review"),
        (2, "创新能力持续增强", "review"),
        (1, "2025年工作思路", "plan"),
        (2, "打造科技创新策源地", "plan"),
        (2, "扩大有效投资", "plan"),
    ]


# fmt: off
FLAT_TITLES = [
    # the body opens with a year that is a judgement's subject
    ("云溪市2021年工作总结和2022年工作计划2021年是“十四五”开局之年，也是极不平凡的一年。",
     "云溪市2021年工作总结和2022年工作计划", "summary-and-plan"),
    # an official notice's title before its header fields, on one line
    ("云溪县体育局关于印发《2021年体育产业工作要点》的通知印发日期：2021-03-22 发布日期："
     "2021-04-12 云体〔2021〕8号各乡镇：现将《2021年体育产业工作要点》印发给你们。",
     "云溪县体育局关于印发《2021年体育产业工作要点》的通知", "plan"),
    # a blog post's front matter run together
    ("---title: 青禾社2021年上半年工作总结及下半年工作计划tags:- 青禾社categories:- 社团"
     "date: 2021-07-01---# 工作总结本学期青禾社共举办活动12次。",
     "青禾社2021年上半年工作总结及下半年工作计划", "summary-and-plan"),
]
# fmt: on


@pytest.mark.parametrize(("head", "title", "doc_type"), FLAT_TITLES)
def test_the_title_of_a_page_run_into_its_body(head, title, doc_type):
    text = head + "全年各项工作有序推进，重点任务顺利完成，群众满意度持续提升。" * 10
    document = parse(text).document
    assert (document.title, document.doc_type) == (title, doc_type)


# A plan part whose headings stood on lines of their own, each over a paragraph opened by a
# lead sentence, as a crawler flattens it: every title runs on into its first lead.
GLUED_LEADS = (
    "云溪县2024年政府工作报告" + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 12
    + "二、2024年工作安排"
    + "（一）全力以赴稳增长扩大有效投资。全年安排重点项目120个，完成投资80亿元。"
    + "促进消费回升。举办消费季活动，发放消费券。稳住外贸外资。支持企业拓展新兴市场。"
    + "（二）着力扩大有效需求激发消费潜能。培育文旅、养老等服务消费，打造特色商圈。"
    + "扩大有效投资。加快推进城市地下管网建设，激发民间投资活力。"
    + "（三）守牢安全发展底线统筹化解重点领域风险。坚持在发展中化解债务风险。"
    + "提升防灾减灾救灾能力。加快实施重点流域防洪治理工程。"
)  # fmt: skip


def test_a_title_run_on_into_the_lead_sentence_of_its_first_paragraph():
    # the section's other leads tell how long a lead is; the title ends before the verb
    # that opens a phrase of that length
    assert [t for lv, _, t in outline(GLUED_LEADS) if lv == 2] == [
        "全力以赴稳增长",
        "着力扩大有效需求",
        "守牢安全发展底线",
    ]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        # one phrase of a run-in heading, followed by leads: not cut (its verb is too close)
        ("（一）用心用情办好民生事业。", "用心用情办好民生事业"),
        # no other lead in the section: nothing tells how long a lead is
        ("（一）全力以赴稳增长扩大有效投资。", "全力以赴稳增长扩大有效投资"),
    ],
)
def test_a_one_phrase_title_before_leads_keeps_its_phrase(heading, title):
    body = "全年安排重点项目120个，完成投资80亿元，带动社会投资增长。"
    leads = "促进消费回升。举办消费季活动，发放消费券。稳住外贸外资。支持企业拓展市场。"
    text = (
        "云溪县2023年工作总结" + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 12
        + heading + body + (leads if "用心" in heading else body)
    )  # fmt: skip
    assert [s.title for s in parse(text).sections] == [title]


def test_a_glued_part_title_ends_at_the_head_of_its_noun_phrase():
    # 计划 after a closing quote is a plan's name, and 的 joins 情况 to the phrase's head 回顾
    text = (
        "各位代表：" + "我代表县人民政府向大会报告工作，请予审议。" * 30
        + "一、“十三五”计划执行情况的回顾经县人大批准的第十三个五年计划，要求全县经济稳步增长。"
        + "五年来，全县经济社会发展取得显著成绩。" * 10
        + "二、“十四五”时期的主要任务今后五年，我们要坚持稳中求进。" + "全县上下要团结一心。" * 10
    )  # fmt: skip
    assert [t for lv, _, t in outline(text) if lv == 1] == [
        "“十三五”计划执行情况的回顾",
        "“十四五”时期的主要任务",
    ]


def test_a_list_a_colon_opens_one_sentence_an_item_has_no_headings():
    # (一)…(三) each one sentence, the next right after it: the items of a list, not parts
    items = (
        "今后五年的基本任务是：（一）进一步为改革创造良好的经济环境，保持总需求和总供给的基本平衡。"
        "（二）保持经济的持续稳定增长，加强重点建设和技术改造。"
        "（三）在发展生产的基础上，继续改善城乡人民生活。上述三项任务是相互联系的。"
    )
    parts = (
        "一年来的主要工作是：（一）精准发力，推动经济稳中向好。全年新开工项目42个，完成投资80亿元。"
        "（二）统筹城乡，推动乡村振兴。新建高标准农田1万亩。"
    )
    head = "各位代表：" + "我代表县人民政府向大会报告工作，请予审议。" * 30
    assert [t for lv, _, t in outline(head + items + "全县上下要团结一心。" * 10)] == []
    assert [lv for lv, _, _ in outline(head + parts + "全县上下要团结一心。" * 10)] == [2, 2]


def test_a_parts_opening_sentence_before_its_first_item_is_no_task():
    # the responsibility column after 12. is the item's: the part's title is its own phrase
    text = (
        "云溪县2023年重点工作责任分解"
        + "各责任单位要细化工作措施，明确时间节点，确保按期完成。" * 9
        + "一、县长牵头重点工作11.提升农村人居环境。责任单位：县农业农村局"
        + "二、切实加强政府自身建设坚持把党的政治建设贯穿政府工作全过程，坚持不懈推进各项工作落地落实。"
        "12.深化政务公开。责任单位：县政府办公室13.强化审计监督。责任单位：县审计局"
    )
    parts = [t for lv, _, t in outline(text) if lv == 1]
    assert parts == ["县长牵头重点工作", "切实加强政府自身建设"]


def test_dash_items_inside_a_page_that_lost_its_lines():
    # a dash right after a sentence opens an item; a dateline's dash does not
    text = (
        "云溪县政府工作报告——2024年1月18日在云溪县第十八届人民代表大会第三次会议上各位代表："
        + "全县经济社会保持平稳健康发展，各项工作取得新成效。" * 60
        + "回望五年，我们取得了历史性成就。——这五年，综合实力大幅跃升。地区生产总值年均增长6%。"
        + "——这五年，人民生活更加美好。城乡居民收入持续增长。各位代表！成绩来之不易。"
    )
    report = parse(text)
    assert [(m.style, m.headline) for m in report.measures] == [
        ("dash", "这五年，综合实力大幅跃升"),
        ("dash", "这五年，人民生活更加美好"),
    ]
