"""Classes of lead the session-18 reports showed (issue 18), each with a sample of our own in
the genre's style and, where ../shared is present, the real report that showed it (by path:
its text never enters the project).
"""

from __future__ import annotations

from test_layout_classes import _leads, _real

from extractor import parse

# --- results under items that open paragraphs ------------------------------------------------

RESULTS = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2025年工作回顾\n"
    "一年来，我们重点抓了三个方面工作：\n"
    "一是突出稳增长，经济发展跃上新台阶。围绕稳就业、稳企业精准施策。\n"
    "内需拉动明显增强。实施重点项目200个，完成投资300亿元。\n"
    "产业升级步伐加快。规模以上工业增加值增长8%。\n"
    "二是全面推进乡村振兴，城乡融合迈出新步伐。坚持农业农村优先发展。\n"
    "特色产业提质增效。粮食总产量稳定在50万吨以上。\n"
    "城镇建设扎实推进。完成老旧小区改造30个。\n"
    "三是倾力办好民生实事，群众生活水平实现新提升。投入资金20亿元。\n"
    "这五年，全市经济发展的基础更加坚实。地区生产总值迈上新台阶。\n"
    "这五年，全市人民生活的保障更加有力。城乡居民收入稳步增长。\n"
    "二、2026年重点工作\n（一）扩大有效投资\n实施重大项目。全年完成投资100亿元。\n"
    "促进消费升级。举办消费季活动。\n"
)


def test_a_run_of_led_paragraphs_after_an_item_holds_its_leads():
    """一是… then 内需拉动明显增强。… 产业升级步伐加快。…: the item's results, each a lead."""
    report = parse(RESULTS)
    assert _leads(report, "2025年")[:4] == [
        "内需拉动明显增强", "产业升级步伐加快", "特色产业提质增效", "城镇建设扎实推进",
    ]  # fmt: skip
    items = {m.measure_id: m.marker for m in report.measures if m.style == "enumerated"}
    parents = [items.get(m.parent_id or "") for m in report.measures if m.style == "lead"][:4]
    assert parents == ["一是", "一是", "二是", "二是"]


def test_one_led_paragraph_after_an_item_is_its_body():
    text = RESULTS.replace("产业升级步伐加快。规模以上工业增加值增长8%。\n", "")
    assert "内需拉动明显增强" not in _leads(parse(text), "2025年")


def test_a_span_and_what_it_gave_is_a_lead():
    """这五年，<result>。 heads a result paragraph of a five-year review (no 我们, no 是)."""
    assert _leads(parse(RESULTS), "2025年")[-2:] == [
        "这五年，全市经济发展的基础更加坚实", "这五年，全市人民生活的保障更加有力",
    ]  # fmt: skip
    first_person = RESULTS.replace("这五年，全市经济发展", "这五年，我们推动经济发展")
    assert not any(h.startswith("这五年，我们") for h in _leads(parse(first_person), "2025年"))


def test_a_marker_alone_on_its_line_keeps_its_text_out_of_the_run():
    """第一，⏎<the item's text>: the next paragraph is the item's own, not a lead under it."""
    text = (
        "各位代表：\n\n一、今后的任务\n\n第一，\n\n农业生产有了新的发展。粮食增产。\n\n"
        "工业生产继续增长。钢产量增加。\n\n第二，\n\n商业有了发展。市场稳定。\n\n"
        "城市商业网点增加。新开商店百家。\n\n农村供销社扩大经营。收购额增长。\n"
    )
    leads = _leads(parse(text), "今后的任务")
    assert leads == ["城市商业网点增加", "农村供销社扩大经营"]  # 工业… is 第一's body


def test_ningxias_results_sit_under_their_items():
    report = parse(_real("ningxia/2026.txt"))
    leads = [m for m in report.measures if m.style == "lead"]
    assert len(leads) == 24
    items = {m.measure_id: m.headline for m in report.measures if m.style == "enumerated"}
    under = [items[m.parent_id] for m in leads if m.parent_id in items]
    assert len(under) == 24 and under[0].startswith("突出打好")
    assert sum(m.headline.startswith("这五年，") for m in leads) == 4


# --- what opens a sentence but no lead ----------------------------------------------------

NARRATIVE = (
    "各位代表：\n\n一、１９５５年国家决算\n\n"
    "１９５５年的农业税收入超额完成了计划。这主要是由于秋征中收到的代金较多。\n\n"
    "１９５５年基本建设的投资有所节减。节约的资金约达十亿元。\n\n"
    "以上所说的各项数字，都包括地方财政的收支在内。地方财政收入也有增长。\n\n"
    "在农业方面，今年的夏收将获得丰收。油菜籽的收获预计也比去年增加。\n\n"
    "在预算执行过程中，政府将注意满足信贷资金的需要。同时还将加强物资储备。\n\n"
    "随着生产的发展，人民的生活都将有进一步的改善。\n\n"
    "在１９５６年内，新工人将达到８４万人。职工的平均工资将有提高。\n"
)


def test_year_openers_pointers_back_circumstances_and_topics_set_apart_are_no_leads():
    assert _leads(parse(NARRATIVE), "１９５５年") == []


def test_task_sentences_beside_them_still_lead():
    text = NARRATIVE + (
        "\n国家必须有一定的物资储备。今后要采取措施加强这方面的工作。\n\n"
        "为了健全财政工作，必须制订必要的制度。财政部正在拟定新的制度。\n"
    )
    assert _leads(parse(text), "１９５５年") == [
        "国家必须有一定的物资储备", "为了健全财政工作，必须制订必要的制度",
    ]  # fmt: skip


def test_the_1956_budget_report_leads_only_with_its_tasks():
    report = parse(_real("state-council/1956.txt"))
    review = _leads(report, "１９５５年")
    assert not any(h[:4].isdigit() or h.startswith(("以上", "在")) for h in review)
    assert "国家必须有一定的物资储备" in _leads(report, "为实现")


def test_the_2006_reports_fields_set_apart_are_no_leads():
    report = parse(_real("state-council/2006.txt"))
    assert not any(h.startswith("在") for h in _leads(report, "加快发展各项社会事业"))


# --- a lead that runs into its list beside one other lead ------------------------------------

TWO_LEADS = (
    "各位代表：\n一、今年主要任务\n（一）加大资源节约和环境保护力度\n"
    "抓好资源节约工作。一要促进资源合理开发和节约使用。二要大力发展循环经济。\n"
    "加快建设环境友好型社会。加强对自然资源的生态保护。\n"
)


def test_a_lead_running_into_its_list_heads_it_beside_another_lead():
    assert _leads(parse(TWO_LEADS), "加大资源") == ["抓好资源节约工作", "加快建设环境友好型社会"]


def test_a_lead_running_into_its_list_alone_introduces_it():
    text = TWO_LEADS.replace("加快建设环境友好型社会。", "我们要加快建设环境友好型社会。")
    assert _leads(parse(text), "加大资源") == []


def test_the_2006_reports_resource_leads_head_their_list():
    report = parse(_real("state-council/2006.txt"))
    assert _leads(report, "加大产业结构调整") == ["抓好资源节约工作", "加快建设环境友好型社会"]


# --- a numbered line of a colon's list ------------------------------------------------------

COLON_LIST = (
    "各位代表：\n\n一、今后的经济建设\n\n"
    "对现有企业进行技术改造，要从以下几个方面进行：\n\n"
    "一、加强企业管理，提高经济效益；\n\n二、调整产品结构，增加适销产品；\n\n"
    "三、合理地利用资源，提高综合利用水平。各地都要把这件事抓好。\n\n"
    "继续搞好农业生产。粮食产量要稳定增长。\n\n"
    "积极发展轻工业。市场供应要继续改善。\n"
)


def test_a_numbered_line_of_a_colons_list_is_no_lead():
    assert _leads(parse(COLON_LIST), "今后") == ["继续搞好农业生产", "积极发展轻工业"]


def test_the_1981_reports_listed_ways_are_no_leads():
    report = parse(_real("state-council/1981.txt"))
    assert not any(m.headline.startswith("三、") for m in report.measures)
