"""What looks like a campaign but is none (SPEC §2 "Campaign"), in text we write ourselves
and in real reports: lexicon names that are also ordinary words, quoted streaks of years,
quoted things launched or opened and quoted events; and national names written whole."""

from __future__ import annotations

import pytest

from extractor.elements.campaigns import find_campaigns


def names(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_campaigns(text)]


# fmt: off
CASES = [
    # a lexicon name that is also an ordinary word is the campaign only beside a word that
    # makes it one, or in a list of names
    ("保持依法严打高压态势", []),
    ("开展严打整治斗争", [("严打", "lexicon")]),
    ("深入实施严打暴恐专项行动", [("严打", "lexicon")]),
    ("推进祖国和平统一大业", []),
    ("坚持和平统一、一国两制的方针", [("和平统一", "lexicon"), ("一国两制", "formula")]),
    ("坚持和平统一方针", [("和平统一", "lexicon")]),
    # in quotes it is a quoted name as any other
    ("开展“严打”", [("严打", "quoted")]),
    # a quoted streak counts years or wins: how many, no name
    ("粮食产量实现“十二连增”，农民收入“六连快”，获得“三连冠”", []),
    ("主要指标“12连涨”", []),
    # but a quoted formula with a numeral is still a formula
    ("实现“三下降”，推进“三连一体化”改革", [("三下降", "formula"), ("三连一体化", "formula")]),
    # things launched or opened are objects: products, venues, aircraft
    ("“某某胶囊”“某某片”获批上市", []),
    ("市博物馆“某某馆”揭牌，“某某园”开园", []),
    # …while a campaign that starts or goes online is still one
    ("“最多跑一次”改革启动，“一网通办”上线", [("最多跑一次", "quoted"), ("一网通办", "quoted")]),
    # a quoted league or festival is an event
    ("“村超”足球联赛火爆出圈，“某某”音乐节吸引游客", []),
    # a quote that names an object by its own ending: an app, a craft or a train, a channel
    ("“某某APP”用户超百万，中欧班列“长安号”开通，“天问一号”成功着陆", []),
    ("“沪港通”“深港通”开启，“皖事通”上线", []),
    # …but not a reduplication or a numeral-led name, nor a brand or an honour in 号
    ("推进“村村通”“户户通”和“一网通”", [("村村通", "quoted"), ("户户通", "quoted"),
                                   ("一网通", "quoted")]),
    ("保护“老字号”，创建“青年文明号”", [("老字号", "quoted"), ("青年文明号", "quoted")]),
    ("满足“停机保号”需求", [("停机保号", "quoted")]),
    # quoted names listed before 等 and a class of things are instances of it
    ("培育“某某在线”、“某某秀带”等在线新经济生态园，“某某小龙”等新锐科创企业火爆",
     []),
    ("办好“某超”“村BA”等群众体育赛事", []),
    # …but not before a class of actions, nor where an action stands between
    ("开展“某某行动”等活动惠及企业3000家，推进“三医联动”等改革",
     [("某某行动", "quoted"), ("三医联动", "formula")]),
    # a quote that pairs levels and kinds, the last perhaps a word of two characters
    ("构建“四级三类”规划体系，建设“一区两基地”", [("四级三类", "formula"), ("一区两基地", "formula")]),
    ("“一年一度”", [("一年一度", "quoted")]),
    # a quoted number joined by × names a system as one joined by + does
    ("壮大“4×4”现代化产业体系，构建“1+2”体系", [("4×4", "quoted"), ("1+2", "quoted")]),
    # national names written whole, the longest of overlapping ones
    ("继续把简政放权、放管结合作为改革的重头戏", [("简政放权、放管结合", "lexicon")]),
    ("以开展党的群众路线教育实践活动为契机", [("党的群众路线教育实践活动", "lexicon")]),
    ("国有企业改革深化提升行动平稳收官，国企改革深化提升行动全面完成", [
        ("国有企业改革深化提升行动", "lexicon"), ("国企改革深化提升行动", "lexicon")]),
    ("大力实施提振消费专项行动，推出创业引领计划", [
        ("提振消费专项行动", "lexicon"), ("创业引领计划", "lexicon")]),
    # an honour named by 受命名 (as 被命名为) holds the lexicon name inside it
    ("3个县受命名全国双拥模范县，实现全覆盖", [("全国双拥模范县", "honour")]),
    # a quote that names an object by its ending or by a fund or coupon a few words after
    # it: a fund, a facility, an exhibition, a league of the 超 and BA kind (not 双超)
    ("设立“某某”省级政府投资基金，发放“某某”服务消费券，建设“职工之家”，举办“古代文明大展”",
     []),
    ("“苏超”“村BA”火爆出圈，实现“双超”目标", [("双超", "formula")]),
    # …while a loan product the report launches stays a name, as the sample corpus has it
    ("推出“蜜桃贷”", [("蜜桃贷", "quoted")]),
    # what the report opposes: a cult, a scheme, a current of thought
    ("坚决遏制“某某”分裂活动，粉碎“某某”图谋，抵制“逆全球化”思潮，取缔“某某功”邪教组织", []),
    # a lexicon name that names what indicators measure is no mention of the campaign
    ("节能减排等约束性指标完成省下达任务，节能减排工作成效显著", [("节能减排", "lexicon")]),
    # 上榜 and 跻身 lead a rank more often than an honour: no honour cue
    ("上榜世界500强企业增至18家，跻身全球城市前五位，工作跻身全国前列", []),
    # the national name written whole, the longest of overlapping ones
    ("有序推进碳达峰碳中和", [("碳达峰碳中和", "lexicon")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(text, expected):
    assert names(text) == expected


# --- real reports (tuning files of corpora/annotations/real/campaigns) --------------------


def _campaigns(real_parsed, name: str, anchor: str) -> list[tuple[str, str]]:
    """The campaigns of a real report that start inside ``anchor`` (where it first stands)."""
    text, report = real_parsed(name)
    start = text.index(anchor)
    return [(c.text, c.kind) for c in report.campaigns if start <= c.start < start + len(anchor)]


REAL = [
    ("xinjiang/2026.txt", "保持依法严打高压态势", []),
    ("state-council/2001.txt", "祖国和平统一大业取得历史性进展", []),
    ("state-council/2015.txt", "实现粮食产量“十一连增”、农民收入“五连快”", []),
    (
        "state-council/2015.txt",
        "继续把简政放权、放管结合作为改革的重头戏",
        [("简政放权、放管结合", "lexicon")],
    ),
    ("jiangxi/2026.txt", "沙韦片”“莫米司特片”获批上市", []),
    ("jiangxi/2026.txt", "11个设区市受命名全国双拥模范城", [("全国双拥模范城", "honour")]),
    ("hunan/2026.txt", "“湘超”足球联赛青春激扬", []),
    ("hunan/2026.txt", "不断壮大“4×4”现代化产业体系", [("4×4", "quoted")]),
    ("hunan/2026.txt", "“山海APP”数字文博平台", []),
    ("shanghai/2023.txt", "中欧班列“上海号”开通运行", []),
    ("state-council/2017.txt", "“深港通”开启", []),
    ("shanghai/2023.txt", "“张江在线”、“长阳秀带”、“虹桥之源”等在线新经济生态园", []),
    (
        "hailar/2014.txt",
        "以深入开展党的群众路线教育实践活动为契机",
        [("党的群众路线教育实践活动", "lexicon")],
    ),
    ("pingtan-county/2022.txt", "节能减排等生态相关指标", []),
    ("hebei/2026.txt", "有序推进碳达峰碳中和", [("碳达峰碳中和", "lexicon")]),
    ("shanghai/2026.txt", "筹措供应“新时代城市建设者管理者之家”", []),
    ("shanghai/2026.txt", "上海博物馆“古埃及文明大展”", []),
    ("shanghai/2026.txt", "发放“乐·上海”服务消费券", []),
    ("hunan/2026.txt", "其中“金芙蓉”省级政府投资基金", []),
    ("inner-mongolia/2026.txt", "“蒙超”、“蒙BA”", []),
    ("state-council/2001.txt", "同“法轮功”邪教组织", []),
    ("state-council/2017.txt", "遏制“台独”分裂活动", []),
    ("xinjiang/2026.txt", "“以疆制华”图谋", []),
]


@pytest.mark.parametrize(("name", "anchor", "expected"), REAL)
def test_real_reports(real_parsed, name, anchor, expected):
    assert _campaigns(real_parsed, name, anchor) == expected
