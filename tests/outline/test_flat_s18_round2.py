"""Session 18, round 2: more classes of one-line reading (issue 18) — a sample of our own
per class, and the real reports that showed it, by path under ../shared."""

from __future__ import annotations

from conftest import flat_headings, outline, real_report

from extractor import parse
from extractor.analysis.real import flatten

OPENING = "云溪县政府工作报告各位代表：现在，我代表县人民政府向大会报告工作，请予审议。"
FLAT_BODY = (
    "全县上下坚持稳中求进工作总基调，统筹发展和安全，经济社会发展保持总体平稳、"
    "稳中有进的良好态势，各项工作取得新的成效。"
) * 12


# --- a topic phrase (关于…问题) under a part, its body run on -------------------------------


def test_a_topic_title_under_a_part_ends_on_its_head_noun_flattened():
    text = (
        OPENING + "一、今后的任务" + FLAT_BODY
        + "（一）关于农业的增产问题农业生产供应全县人民的食粮，必须切实抓好。" + FLAT_BODY
        + "（二）关于培养干部问题干部的缺乏，显然是当前的一个困难。" + FLAT_BODY
    )  # fmt: skip
    assert outline(text)[1:] == [
        (2, "（一）", "关于农业的增产问题"),
        (2, "（二）", "关于培养干部问题"),
    ]


def test_a_real_reports_topic_titles_flattened():
    """1955's （一）…（八） 关于…问题 ran on into their bodies (…问题现在我想就…, …问题我国第一个
    五年计划规定…) where the lines went: each now ends as written."""
    text = real_report("state-council/1955.txt")
    written = {
        s.title for s in parse(text).sections if s.title.startswith("关于") and "问题" in s.title
    }
    flat = {s.title for s in parse(flatten(text)[0]).sections if s.title.startswith("关于")}
    assert len(written) >= 8
    assert len(written & flat) >= 7
    assert all(not t.endswith("问题") or t in written for t in flat)


# --- a verb right after 的 opens no phrase: the head noun the modifier is linked to ----------


def test_no_phrase_opens_right_after_a_noun_link_flattened():
    text = (
        OPENING + "一、过去一年的工作" + FLAT_BODY
        + "（一）稳定经济运行，着力解决企业关心的突出问题。全年新增减税降费两亿元。" + FLAT_BODY
        + "（二）改善人民生活，重视解决关系群众切身利益的突出问题。全年新增就业三千人。"
        + FLAT_BODY
    )  # fmt: skip
    assert [t for _, _, t in outline(text)[1:]] == [
        "稳定经济运行，着力解决企业关心的突出问题",
        "改善人民生活，重视解决关系群众切身利益的突出问题",
    ]


def test_a_real_reports_title_ending_on_a_linked_head_noun_flattened():
    """2005's （五） lost its head noun (…切身利益的|突出问题) where the lines went."""
    text = real_report("state-council/2005.txt")
    written = [s.title for s in parse(text).sections if s.title.endswith("的突出问题")]
    flat = [s.title for s in parse(flatten(text)[0]).sections]
    assert written and all(t in flat for t in written)


# --- a part's title of no number before a body opening on the party's congress or 在…里， ---


def test_parts_of_no_number_before_a_congress_or_a_time_frame_flattened():
    text = (
        OPENING + "过去五年的回顾过去五年，全县经济稳步发展。" + FLAT_BODY + "一、经济稳步发展。" + FLAT_BODY
        + "今后五年的目标和任务中国共产党第二十次全国代表大会提出了宏伟目标。" + FLAT_BODY
        + "一、扩大有效需求。" + FLAT_BODY
        + "关于外交工作在过去五年里，我们坚持独立自主的和平外交政策。" + FLAT_BODY
    )  # fmt: skip
    assert [(lv, t) for lv, m, t in outline(text) if not m] == [
        (1, "过去五年的回顾"),
        (1, "今后五年的目标和任务"),
        (1, "关于外交工作"),
    ]


def test_a_real_reports_parts_and_their_lists_flattened():
    """1988's second and third parts of no number (…方针和任务|中国共产党第十三次全国代表大会
    规划了…, 关于外交工作|在过去五年里，…) were lost where the lines went, and the second
    part's list 一、…十、 read on from the first part's (five of its headings lost)."""
    written, flat = flat_headings(real_report("state-council/1988.txt"))
    assert flat == written


# --- lists inside a part where the lines were lost: nested parts, a colon's list ----------


def _part_title_kept_flattened(path: str, marker: str) -> bool:
    """Is the real report's part numbered ``marker`` found flattened with its title as written?"""
    text = real_report(path)
    written = [(s.marker, s.title) for s in parse(text).sections if s.level == 1]
    flat = [(s.marker, s.title) for s in parse(flatten(text)[0]).sections if s.level == 1]
    return (marker, dict(written)[marker]) in flat


PARTS_BEFORE = OPENING + "一、过去一年的工作" + FLAT_BODY + "二、今后五年的主要任务" + FLAT_BODY


def test_a_list_of_parts_announced_inside_a_part_is_nested_flattened():
    text = (
        PARTS_BEFORE + "在经济建设方面着重研究了以下几个问题。一、确定适度的增长速度。" + FLAT_BODY
        + "二、合理调整投资结构。" + FLAT_BODY + "三、扩大对外经济交流。" + FLAT_BODY
        + "三、加强政府自身建设" + FLAT_BODY
    )  # fmt: skip
    assert [(lv, m) for lv, m, _ in outline(text)] == [
        (1, "一、"),
        (1, "二、"),
        (2, "一、"),
        (2, "二、"),
        (2, "三、"),
        (1, "三、"),
    ]


def test_the_later_items_of_a_list_a_colon_opens_are_no_parts_flattened():
    text = (
        PARTS_BEFORE + "调整投资结构的方向是：一、继续增加基础设施的投资。二、适当控制非生产性建设"
        "投资。三、把更多的资金用于现有企业的技术改造。" + FLAT_BODY + "三、加强政府自身建设"
        + FLAT_BODY
    )  # fmt: skip
    [(level, marker, title)] = outline(text)[2:]
    assert (level, marker) == (1, "三、") and title.startswith("加强政府自身建设")


def test_a_part_numbered_on_from_a_list_inside_the_part_before_is_none_flattened():
    """三、…来源：一、…二、…三、…四、…: the 四、 goes on from the list, not from the parts."""
    text = (
        PARTS_BEFORE + "三、今后的任务" + FLAT_BODY + "积累的来源是：一、增加生产。" + FLAT_BODY
        + "二、厉行节约。" + FLAT_BODY + "三、扩大流通。" + FLAT_BODY
        + "四、在工厂做工的工人，现在增加了生产。" + FLAT_BODY
        + "四、为完成计划而奋斗" + FLAT_BODY
    )  # fmt: skip
    parts = [t for lv, _, t in outline(text) if lv == 1][2:]
    assert len(parts) == 2
    assert parts[0].startswith("今后的任务") and parts[1].startswith("为完成计划")


def test_a_real_reports_lists_of_parts_nested_in_parts_flattened():
    """1986's two lists nested in its parts (…研究了以下几个问题。一、…; …认识问题。一、…) were
    read as parts where the lines went (the parts after them lost), and a list a colon opens
    inside one (…方向是：一、…。二、…。三、…。四、…) as more: its two levels now as written."""
    written, flat = flat_headings(real_report("state-council/1986.txt"))
    assert flat == written


def test_a_real_reports_lists_inside_parts_are_no_parts_flattened():
    """1955's part 三 holds lists a colon opens (…积累来源：一、…四、…; …以下几点：一、…五、…),
    whose 四、 and 五、 were read as parts 四 and 五 where the lines went."""
    written, flat = flat_headings(real_report("state-council/1955.txt"), deepest=1)
    assert set(flat) <= set(written)


# --- a part's title before a body opening on a subject, its head noun past it ---------------


def test_a_parts_title_ends_before_a_body_subject_flattened():
    """No head noun past the body's subject ends the title (…而奋斗|我国…计划已经执行了两年):
    nor one 而 joins to the verb of its purpose (…计划而奋斗)."""
    text = (
        PARTS_BEFORE + "三、为完成和超额完成五年计划而奋斗我国五年计划已经执行了两年。" + FLAT_BODY
    )  # fmt: skip
    assert outline(text)[2:] == [(1, "三、", "为完成和超额完成五年计划而奋斗")]


def test_a_real_reports_last_parts_flattened():
    """1955's 四、为完成…计划而奋斗 (lost: its title cut at 计划, its body read as a numbered
    narrative) and 1986's 四、坚持独立自主的和平外交政策 (run on into 我国第七个五年计划…)."""
    for year in ("1955", "1986"):
        assert _part_title_kept_flattened(f"state-council/{year}.txt", "四、")


# --- a body that opens on 要 (what must be done, its subject left out) -----------------------


def test_a_title_ends_before_a_body_opening_on_what_must_be_done_flattened():
    text = (
        PARTS_BEFORE + "三、加强社会治安综合治理要在全县范围内推进平安建设。" + FLAT_BODY
        + "四、建设和改革都要以提高经济效益为中心" + FLAT_BODY
    )  # fmt: skip
    titles = [t for _, _, t in outline(text)[2:]]
    assert titles[0] == "加强社会治安综合治理"
    assert titles[1].startswith("建设和改革都要以提高经济效益为中心")  # 都要: the title's own


def test_real_reports_titles_before_a_body_on_what_must_be_done_flattened():
    """1978's 三、 and 2007's 五、: their bodies open on 要在…, 要坚定不移地…."""
    for year, marker in (("1978", "三、"), ("2007", "五、")):
        assert _part_title_kept_flattened(f"state-council/{year}.txt", marker)


# --- a body that opens on the country as its subject (我国…) --------------------------------


def test_a_title_ends_before_a_body_opening_on_the_country_flattened():
    text = (
        PARTS_BEFORE + "三、防范和化解金融风险我国金融运行平稳，改革稳步推进。" + FLAT_BODY
        + "四、加强同各国的友好合作维护世界和平是我国对外政策的主要目标。" + FLAT_BODY
    )  # fmt: skip
    titles = [t for _, _, t in outline(text)[2:]]
    assert titles[0] == "防范和化解金融风险"
    assert "我国" in titles[1] or titles[1] == "加强同各国的友好合作"  # 是我国: the copula's object


def test_real_reports_titles_before_a_body_on_the_country_flattened():
    """1959's 四、关于国家的政治生活|我国的人民民主专政…, 1987's 四、…政治局面|我国的建设…."""
    for year in ("1959", "1987"):
        assert _part_title_kept_flattened(f"state-council/{year}.txt", "四、")
