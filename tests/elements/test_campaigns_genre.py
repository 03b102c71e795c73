"""Campaigns by the genre's shapes, in text we write ourselves and in real reports:
counts after a list's 等, honour titles known by their head, quoted places and
indicators, and national names of several decades (SPEC §2 "Campaign")."""

from __future__ import annotations

import pytest
from conftest import SHARED, SHARED_REASON

from extractor.elements.campaigns import default_lexicon, find_campaigns
from extractor.io.reading import read_document


def names(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_campaigns(text)]


# fmt: off
CASES = [
    # a count after 等 sums up the list before it, however many items the list names
    ("发展茶叶、蔬菜和花卉等五大产业集群", []),
    ("推进纺织、食品、建材、化工、机械、电子等三大产业集群", []),
    ("培育三大先导产业", [("三大先导产业", "formula")]),
    # a head that holds another is taken whole
    ("打造五大产业集群，做强十大重点农业产业链", [("五大产业集群", "formula"),
                                       ("十大重点农业产业链", "formula")]),
    # a lexicon formula that counts the list right before it is that count too
    ("打好防范化解重大风险、精准脱贫、污染防治三大攻坚战", [("防范化解重大风险", "lexicon"),
                                               ("精准脱贫", "lexicon")]),
    ("坚决打好三大攻坚战", [("三大攻坚战", "formula")]),
    # …and a later count of the same numeral and head refers back to it
    ("壮大茶叶、花卉等两大产业，力争两大产业产值翻番", []),
    # a numeral-led name right after a list's comma is the list's next item, not its count
    ("建设寄递物流、充电桩、5G网络、四好农村路", [("四好农村路", "formula")]),
    ("改善寄递物流、充电桩、5G网络和四好农村路", [("四好农村路", "formula")]),
    # a quoted count of the list right before it is that count, as an unquoted one, and a
    # later quote of it refers back; a quoted one alone is a formula
    ("推动东、中、西、东北地区“四大板块”协调发展", []),
    ("推进甲港建设、乙区发展、丙带发展“三大战略”，以“三大战略”为引领", []),
    ("推动“四大板块”协调发展", [("四大板块", "formula")]),
    # a quote that is an honour's title by its head, with a cue or without one
    ("“时代楷模”某某、“最美巾帼奋斗者”某某的事迹", [("时代楷模", "honour"),
                                          ("最美巾帼奋斗者", "honour")]),
    ("举办“云岭楷模”事迹报告会", [("云岭楷模", "honour")]),
    ("发挥“模范带头”作用，深化“最多跑一次”改革", [("模范带头", "quoted"),
                                        ("最多跑一次", "quoted")]),
    # a quote before 称号 is an honour's title, with a cue or without
    ("成功卫冕“全国文明城市”称号，开展“无毒社区”创建", [("全国文明城市", "honour"),
                                            ("无毒社区", "quoted")]),
    # a weak cue (获, 获得) before an award's head is an honour, as before 称号
    ("6部作品获文华奖，2个项目获国家科学技术奖一等奖。", [("文华奖", "honour"),
                                             ("国家科学技术奖一等奖", "honour")]),
    ("获批奖补资金200万元，获得群众好评", []),
    # a level and a batch before the title are who named it and when, not its name
    ("两市入选全国首批美丽城市先行区，一县获评国家第二批示范县", [
        ("美丽城市先行区", "honour"), ("示范县", "honour")]),
    ("雨林入选我国首批国家公园", [("国家公园", "honour")]),
    # a streak of grades is how many years in a row, as a streak of rises (“十一连增”)
    ("资金绩效评价“九连A”，粮食产量“十一连增”", []),
    # a name inside an institute's or association's name is the body's (README)
    ("成立云溪乡村振兴促进会，建设共同富裕研究院", []),
    ("建成乡村振兴示范村24个", [("乡村振兴", "lexicon")]),
    # a quoted city cluster is a place, a quoted indicator an indicator: no campaigns
    ("推动“澜云溪”城市群一体化，建设“云岭”都市圈", []),
    ("“获得用水”指标保持满分", []),
    # a vessel, a typhoon: objects; but a call (号召) names the campaign it calls to
    ("“云海”号科考船下水，有效应对“海燕”等台风，响应“光盘行动”号召",
     [("光盘行动", "quoted")]),
    # national names of the genre, of several decades, unquoted
    ("以铸牢中华民族共同体意识为主线，深入推进兴边富民行动", [
        ("铸牢中华民族共同体意识", "lexicon"), ("兴边富民行动", "lexicon")]),
    ("持续整治形式主义为基层减负，扎实开展党纪学习教育", [
        ("整治形式主义为基层减负", "lexicon"), ("党纪学习教育", "lexicon")]),
    ("大力实施再就业工程，扩大以工代赈规模，推进农村税费改革", [
        ("再就业工程", "lexicon"), ("以工代赈", "lexicon"), ("农村税费改革", "lexicon")]),
    ("坚持两手抓、两手都要硬的方针", [("两手抓、两手都要硬", "formula")]),
    ("推进一二三产业融合发展", [("一二三产业融合", "formula")]),
    ("落实减税降费政策，推动东北全面振兴", [("减税降费", "lexicon"), ("东北全面振兴", "lexicon")]),
    # a quote a lone numeral leads is a formula in a list of formulas of its build
    ("落实“两个屏障”、“一个桥头堡”的定位", [("两个屏障", "formula"), ("一个桥头堡", "formula")]),
    ("坚持“一个中心”和“两个基本点”", [("一个中心", "formula"), ("两个基本点", "formula")]),
    ("绘就“一张蓝图”，推进“一网通办”和“两个维护”", [("一张蓝图", "quoted"),
                                      ("一网通办", "quoted"), ("两个维护", "formula")]),
    # a quoted holiday or session names a date, though some are built like formulas
    ("围绕“元旦”、“春节”、“五一”、“十一”等节日，做好“两节”保供", []),
    # two quoted titles after one cue are two honours
    ("两个支部分别获评“十佳党支部”“先锋工作室”。", [("十佳党支部", "honour"),
                                         ("先锋工作室", "honour")]),
    ("深入开展创先争优活动，组织文化科技卫生三下乡", [("创先争优", "lexicon"),
                                           ("三下乡", "formula")]),
    # generic phrases are no names: 治理整顿 (the late 1980s policy) and 动态清零 (the
    # 2020s epidemic policy) are everyday words too, and stay out of the lexicon
    ("开展市场秩序治理整顿", []), ("零就业家庭实现动态清零", []),
    # the longest name where two overlap
    ("统筹山水林田湖草沙一体化保护", [("山水林田湖草沙", "lexicon")]),
    # a quoted nickname whose head is a place noun names a place (SPEC §2), a numeral-led
    # one is still a formula, and a slogan is still a name
    ("“云谷”加速向“世界云谷”迈进，打造“氢走廊”，治理“锰三角”", []),
    ("建设“三大走廊”，深化“最多跑一次”改革", [("三大走廊", "formula"), ("最多跑一次", "quoted")]),
    # a formula's noun may run to five characters before its head (十大现代化支柱产业), and an
    # industry (服务业, 制造业) is a head as 产业 is: the shortest noun that reaches one
    ("打造十大现代化支柱产业，完成十大标志性改革任务", [("十大现代化支柱产业", "formula"),
                                            ("十大标志性改革任务", "formula")]),
    ("先进制造业和五大现代服务业产业集群加快发展", [("五大现代服务业", "formula")]),
    # a fund after a quote is its name, but not past a joiner (the next item) nor a cluster
    # or system of funds, which the quote before it names as “3+2” names a system
    ("设立“云溪”省级政府投资基金，把“拨改贷”和基本建设经营性基金转为国家资本", [
        ("拨改贷", "quoted")]),
    ("构建“1+10+N”政府投资基金集群", [("1+10+N", "quoted")]),
    # …but a count of the list before it stays no formula, however long its noun
    ("建材、化工两大现代化支柱产业", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_genre_cases(text, expected):
    assert names(text) == expected


#: Our own paragraph in traditional script: the names added here match there too, with
#: simplified norms and the kinds of their simplified forms.
TRADITIONAL = "鑄牢中華民族共同體意識，實施再就業工程，擴大以工代賑，堅持兩手抓、兩手都要硬。"


def test_the_new_names_match_in_traditional_script():
    found = [(c.text, c.norm, c.kind) for c in find_campaigns(TRADITIONAL)]
    assert found == [
        ("鑄牢中華民族共同體意識", "铸牢中华民族共同体意识", "lexicon"),
        ("再就業工程", "再就业工程", "lexicon"),
        ("以工代賑", "以工代赈", "lexicon"),
        ("兩手抓、兩手都要硬", "两手抓、两手都要硬", "formula"),
    ]  # fmt: skip


#: Our own line in traditional script: honour titles known by their head read in both
#: scripts (the cues themselves are simplified words: 荣获, 获评 …).
TRADITIONAL_HONOURS = "“時代楷模”某某、“五一勞動獎章”獲得者，6部作品荣获文華獎。"


def test_honour_titles_are_read_in_traditional_script():
    found = [(c.text, c.norm, c.kind) for c in find_campaigns(TRADITIONAL_HONOURS)]
    assert found == [
        ("時代楷模", "时代楷模", "honour"), ("五一勞動獎章", "五一劳动奖章", "honour"),
        ("文華獎", "文华奖", "honour"),
    ]  # fmt: skip


def test_the_new_names_carry_their_first_year():
    lex = default_lexicon()
    assert (lex.first_year("以工代赈"), lex.first_year("党纪学习教育")) == (1984, 2024)
    assert "鑄牢中華民族共同體意識" in lex and "两手抓" not in lex


# --- real reports (../shared/corpora; skipped where absent) ----------------------------


def _real(path: str) -> str:
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    report = SHARED / path
    if not report.is_file():
        pytest.skip(f"{report} is absent")
    return report.read_bytes().decode("utf-8-sig")


def test_a_count_after_a_long_list_is_no_formula_in_a_real_report():
    # a provincial report counts its industries after 等 (…、棉花和纺织服装等十大产业集群)
    text = _real("real/xinjiang/2026.txt")
    at = text.index("等十大产业集群")
    assert not [c for c in find_campaigns(text) if c.start <= at + 1 < c.end]


def test_names_of_earlier_decades_in_a_real_report():
    text = _real("real/state-council/2001.txt")
    found = {(c.text, c.kind) for c in find_campaigns(text)}
    for name in [("两手抓、两手都要硬", "formula"), ("再就业工程", "lexicon"),
                 ("以工代赈", "lexicon"), ("科教兴农", "lexicon")]:  # fmt: skip
        assert name in found, name


def test_honour_titles_without_a_cue_in_a_real_report():
    text = _real("real/xinjiang/2026.txt")
    kinds = {c.text: c.kind for c in find_campaigns(text)}
    assert kinds["人民楷模"] == kinds["最美巾帼奋斗者"] == "honour"
    assert kinds["铸牢中华民族共同体意识"] == "lexicon"


def test_an_item_after_a_list_comma_is_no_count_in_a_real_report():
    # …农村寄递物流、充电桩、5G网络、四好农村路实现“四个全覆盖”: the fourth item, a formula
    text = _real("real/hubei/2026.txt")
    at = text.index("5G网络、四好农村路") + len("5G网络、")
    assert ("四好农村路", "formula") in {
        (c.text, c.kind) for c in find_campaigns(text) if c.start == at
    }


def test_a_quoted_count_of_the_list_before_it_in_a_real_report():
    # 东、中、西、东北地区“四大板块”; “一带一路”建设、京津冀协同发展、长江经济带发展“三大战略”
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    report = SHARED / "real/state-council/2016.txt"
    if not report.is_file():
        pytest.skip(f"{report} is absent")
    found = {c.text for c in find_campaigns(read_document(report).text)}
    assert "四大板块" not in found and "三大战略" not in found
    assert {"一带一路", "京津冀协同发展", "长江经济带"} <= found


def test_quoted_place_nicknames_are_no_names_in_a_real_report():
    # “中国光谷”加速向“世界光谷”迈进: a place, as the tuning annotations of three reports say
    text = _real("real/hubei/2026.txt")
    found = {c.text for c in find_campaigns(text)}
    assert not {"中国光谷", "世界光谷"} & found
    assert "四好农村路" in found


def test_a_formula_with_a_long_noun_in_a_real_report():
    # 全力打造制造业十大现代化支柱产业: no list before it, a noun of five characters
    text = _real("real/guangxi/2026.txt")
    at = text.index("十大现代化支柱产业")
    assert ("十大现代化支柱产业", "formula") in {
        (c.text, c.kind) for c in find_campaigns(text) if c.start == at
    }
