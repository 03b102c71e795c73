"""Classes of lead session 19 studied (issue 18, s19-leads): what a result or task set under an
item looks like against the item's narrated body, and sentences that name neither a task nor a
result (an attitude narrated, a document's own making, a saying, a forecast).  Each with a sample
of our own in the genre's style and, where ../shared is present, the real report that showed it
(by path: its text never enters the project).
"""

from __future__ import annotations

from test_layout_classes import _leads, _real

from extractor import parse

# --- under an item that opens its paragraph: headlines, not the body's narration -------------

UNDER_ITEMS = (
    "2026年云溪市政府工作报告\n各位代表：\n一、2025年工作回顾\n"
    "一年来，我们重点抓了三个方面工作：\n"
    "一是突出稳增长，经济发展跃上新台阶。围绕稳就业、稳企业精准施策。\n"
    "内需拉动明显增强。实施重点项目200个。\n"
    "产业升级步伐加快。规模以上工业增加值增长8%。\n"
    "二是全面推进乡村振兴，城乡融合迈出新步伐。坚持农业农村优先发展。\n"
    "全年完成农业投资12亿元。新建高标准农田3万亩。\n"
    "新增省级龙头企业5家。农产品加工产值增长9%。\n"
    "三是倾力办好民生实事，群众生活水平实现新提升。坚持尽力而为、量力而行。\n"
    "开展了就业帮扶专项行动。城镇新增就业1万人。\n"
    "举办了职业技能培训班。培训人员3000人次。\n"
    "四是持续优化营商环境，市场活力不断增强。深化“放管服”改革。\n"
    "围绕主导产业，精准开展招商。新引进项目30个。\n"
    "聚焦企业需求，优化政务服务。办理时限压缩一半。\n"
)


def test_headlines_under_an_item_still_lead():
    assert _leads(parse(UNDER_ITEMS), "2025年")[:2] == ["内需拉动明显增强", "产业升级步伐加快"]


def test_figures_deeds_done_and_clauses_under_an_item_are_its_body():
    """全年完成农业投资12亿元。, 开展了就业帮扶专项行动。, 围绕主导产业，精准开展招商。: the
    item's body narrated, sentence by sentence, no run of results or tasks under it."""
    assert _leads(parse(UNDER_ITEMS), "2025年") == ["内需拉动明显增强", "产业升级步伐加快"]


def test_the_reviews_headlines_under_their_items_stay_leads():
    """The State Council's 2015 and 2016 reviews set results and tasks under 一是… items."""
    assert {"扎实推动重点改革", "以开放促改革促发展"} <= {
        m.headline for m in parse(_real("state-council/2015.txt")).measures if m.style == "lead"
    }
    report = parse(_real("state-council/2016.txt"))
    assert _leads(report, "2015年工作回顾") == [
        "财税金融等重点改革深入推进",
        "坚持以开放促改革促发展",
    ]


# --- a sentence of figures that runs into its list introduces it ----------------------------

COUNTED = (
    "各位代表：\n一、2025年工作回顾\n（一）加强信访工作\n"
    "畅通群众诉求渠道。开通网上信访平台。\n"
    "全年共办结信访事项120件。一是领导包案化解。二是集中排查积案。\n"
    "强化矛盾纠纷化解。推行“枫桥经验”。\n"
)


def test_a_sentence_of_figures_before_a_list_introduces_it():
    assert _leads(parse(COUNTED), "加强信访") == ["畅通群众诉求渠道", "强化矛盾纠纷化解"]


def test_a_task_phrase_before_a_list_still_heads_it():
    text = COUNTED.replace("全年共办结信访事项120件。", "推动积案化解清零。")
    assert _leads(parse(text), "加强信访") == [
        "畅通群众诉求渠道",
        "推动积案化解清零",
        "强化矛盾纠纷化解",
    ]


# --- neither a task nor a result ---------------------------------------------------------------

NEITHER = (
    "2026年云溪市政府工作报告\n各位代表：\n一、“十五五”规划纲要\n"
    "市委、市政府对制定“十五五”规划工作高度重视。规划起草历时一年。\n"
    "《规划纲要》的编制以第四次经济普查数据为基础。数据经过反复核实。\n"
    "加快建设现代化产业体系。培育壮大新兴产业。\n"
    "上下同欲者胜。全市上下要拧成一股绳。\n"
    "五年内文化、教育事业将有相当的发展。新建学校二十所。\n"
    "持续增进民生福祉。完善公共服务体系。\n"
    "高度重视安全生产工作。压实安全生产责任。\n"
)


def test_an_attitude_a_documents_making_a_saying_and_a_forecast_are_no_leads():
    assert _leads(parse(NEITHER), "“十五五”") == [
        "加快建设现代化产业体系", "持续增进民生福祉", "高度重视安全生产工作",
    ]  # fmt: skip


def test_the_reports_that_showed_them_lead_with_tasks_only():
    heads_2006 = [m.headline for m in parse(_real("state-council/2006.txt")).measures]
    assert not any("高度重视" in h or h.startswith("《") for h in heads_2006)
    heads_2016 = [m.headline for m in parse(_real("state-council/2016.txt")).measures]
    assert "上下同欲者胜" not in heads_2016 and "坚持勤勉履职，提高执行力和公信力" in heads_2016
    heads_1956 = [m.headline for m in parse(_real("state-council/1956.txt")).measures]
    assert not any("将有" in h for h in heads_1956)
    assert "国家必须有一定的物资储备" in heads_1956
