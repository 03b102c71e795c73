"""Claims: figures with their units, hedges, changes, indicators, times and targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.claims.claims import find_claims
from extractor.elements.placeholders import find_placeholders

SHARED = Path(__file__).parents[3] / "shared" / "corpora"
SEED = SHARED / "seed" / "000_8a275b04bc339325.txt"
STATE_COUNCIL = SHARED / "real" / "state-council"
NO_SHARED = "../shared/corpora is not next to this checkout (real reports live outside the repo)"

# (text, [(value_text, unit, approx, change), ...])
# fmt: off
CLAIMS = [
    ("入户排查总人数X人", [("X", "人", "", "")]),
    ("直接从武汉返X人数X人", [("X", "人", "", "")]),
    ("其中X亿元以上项目X个", [("X", "亿元", "以上", ""), ("X", "个", "", "")]),
    ("惠及县区周边群众X户X人", [("X", "户", "", ""), ("X", "人", "", "")]),
    ("1-5月份三公经费与去年同期持平", [("", "", "", "flat")]),
    ("今年以来出口订单同比下降", [("", "", "", "decrease")]),
    # 提升, 扩大 are verbs unless compared: 年末总结提升 states no change
    ("年初制定工作要点，年末总结提升。", []),
    ("上半年服务满意度比去年同期提升", [("", "", "", "increase")]),
    ("事故起数同比减少，是近年来最大降幅", [("", "", "", "decrease")]),  # 降幅 is a noun
    ("共排查外省籍车辆X辆X余人次", [("X", "辆", "", ""), ("X", "人次", "余", "")]),
    ("办结反馈率X%", [("X", "%", "", "")]),
    ("城镇新增就业1100万人以上", [("1100", "万人", "以上", "")]),
    ("国内生产总值增长6%－6.5%", [("6%－6.5", "%", "", "increase")]),
    ("同比增长15%-20%", [("15%-20", "%", "", "increase")]),
    ("新建3-5个产业园", [("3-5", "个", "", "")]),
    ("新建3至5个产业园", [("3至5", "个", "", "")]),
    ("用三到五年时间", [("三到五", "年", "", "")]),
    ("打井2万余口", [("2", "万口", "余", "")]),
    ("建成60多万个", [("60", "万个", "多", "")]),
    ("争取中央2个亿补助", [("2", "个亿", "", "")]),
    ("完成投资约3.12（仅为政府性投资数据）亿元", [("3.12", "亿元", "约", "")]),
    ("近14亿人口", [("14", "亿人口", "近", "")]),
    ("营业收入1,132.92亿元", [("1,132.92", "亿元", "", "")]),
    # full-width commas between thousands; a comma before a figure still ends the clause
    ("棉花产量２，８５０万担，比上年增加３１０万担", [("２，８５０", "万担", "", ""), ("３１０", "万担", "", "increase")]),
    ("增长8.5%，120家企业上市", [("8.5", "%", "", "increase"), ("120", "家", "", "")]),
    ("全年召开常务会议12次", [("12", "次", "", "")]),  # meetings counted, not numbered
    # a change word inside the name of a measure is no change of the figure
    ("服务业对经济增长贡献率超60%", [("60", "%", "超", "")]),
    # a movement is one claim: the level reached, its baseline the starting value
    ("工业对经济增长贡献率从17.1%提升到35.1%", [("35.1", "%", "", "increase")]),
    ("压减一般性支出10%", [("10", "%", "", "decrease")]),  # but a verb before what it cuts is
    # a scale with no unit word after it counts what the sentence names: its unit is the scale
    ("职工医保参保人数突破5100万，", [("5100", "万", "", "")]),
    ("惠及3000多万农村群众", [("3000", "万", "多", "")]),
    ("贫困人口减少700万。", [("700", "万", "", "decrease")]),
    ("发放消费券12亿", [("12", "亿", "", "")]),  # at the end of the text
    # but not a class (30万吨级航道, 100亿级项目), a name in quotes, or 1万6千
    ("建成30万吨级航道", []),
    ("培育100亿级产业集群", []),
    ("实施“3个100万”工程", []),
    ("增长１５．６％", [("１５．６", "％", "", "increase")]),
    ("下降百分之六", [("百分之六", "", "", "decrease")]),
    ("占比约三分之一", [("三分之一", "", "约", "")]),
    ("占比近三成", [("三成", "", "近", "")]),
    ("时间过半", [("过半", "", "过", "")]),
    ("产能翻一番", [("一", "番", "", "increase")]),
    ("增长1.5倍", [("1.5", "倍", "", "increase")]),
    ("钢产量一千三百五十二万吨", [("一千三百五十二", "万吨", "", "")]),
    ("培训两万人次", [("两", "万人次", "", "")]),
    ("收回土地584宗27474㎡", [("584", "宗", "", ""), ("27474", "㎡", "", "")]),
    ("粮食产量1.3万亿斤以上", [("1.3", "万亿斤", "以上", "")]),
    ("城乡居民收入比缩小到2.02。", [("2.02", "", "", "decrease")]),
    ("连续8年稳定在700亿斤以上", [("8", "年", "", ""), ("700", "亿斤", "以上", "")]),
    ("平均缩短审批时间60天以上", [("60", "天", "以上", "decrease")]),
    ("城镇调查失业率5.5%左右", [("5.5", "%", "左右", "")]),
    ("比上年提高0.21个百分点", [("0.21", "个百分点", "", "increase")]),
    ("收入分别增长X%和X%", [("X", "%", "", "increase"), ("X", "%", "", "increase")]),
    ("分别下降18.2%和14.3%", [("18.2", "%", "", "decrease"), ("14.3", "%", "", "decrease")]),
    ("规上工业增加值增长8.1%", [("8.1", "%", "", "increase")]),
    ("新增民宿X家", [("X", "家", "", "")]),
    ("全年净增126家", [("126", "家", "", "")]),
    ("每个县区至少有1家", [("1", "家", "至少", "")]),
    ("人均预期寿命达到82.5岁。", [("82.5", "岁", "", "")]),
    ("压减一般性支出10%", [("10", "%", "", "decrease")]),
    ("标准分别提高到每人每月810元和650元", [("810", "元", "", "increase"), ("650", "元", "", "increase")]),
    ("门诊慢特病病种扩大到52种", [("52", "种", "", "increase")]),
    # 提升, 扩大 change a measure, but are verbs before a count or land worked on
    ("粮食亩产提升10.1斤", [("10.1", "斤", "", "increase")]),
    ("支出规模扩大2万亿元以上", [("2", "万亿元", "以上", "increase")]),
    ("培育扩大200家企业", [("200", "家", "", "")]),
    ("改造提升0.5万亩高标准农田", [("0.5", "万亩", "", "")]),
    # a growth-rate noun is part of the indicator: its figure is the level of the rate
    ("居民消费价格涨幅3%左右", [("3", "%", "左右", "")]),
    ("三公经费同比下降。", [("", "", "", "decrease")]),
    ("1-6月份“三公”经费下降。", [("", "", "", "decrease")]),
    ("产值十亿元以上", [("十", "亿元", "以上", "")]),
    ("解答群众咨询两千余条", [("两千", "条", "余", "")]),
    # a hedge makes a small Chinese count a rough count, never part of a name (抓住两个重点)
    ("举办冠军之夜等十余场活动，并与平台合作", [("十", "场", "余", "")]),
    ("引进十多家企业落户", [("十", "家", "多", "")]),
    ("发放30万元", [("30", "万元", "", "")]),
    # a year in Chinese numerals may stand between a change word and its figure
    ("比重由一九七八年的百分之十七点九提高到一九八二年的百分之二十一点一", [("百分之二十一点一", "", "", "increase")]),
]
# Not claims: dates, ordinals, formulas, list counts, names, figures in names and titles.
NOT_CLAIMS = [
    "产量都将大大超过过去二十八年增加的产量",  # a span of years (time reference)
    "按照省委十一届十次、十一次全会部署", "召开十四届人大五次会议",  # ordinals of sessions
    "经过半年的准备",  # 过半 inside 经过半年 is no share
    "2020年", "截至X月X日", "2023年3月", "二○二○年", "1-5月份", "上午X时", "一季度",
    "第二批", "首批", "第X版", "第三届", "两个维护", "“四个意识”", "三大攻坚战", "一岗双责",
    "一是加强管理", "（一）加强管理", "1.加强管理", "重点做好以下五个方面：", "实施三项措施：",
    "公开X县2020年度", "“555X”产业", "PM2.5浓度", "4A级景区", "“十四五”规划", "G20峰会",
    "《关于降低5%费率的通知》", "建党99周年", "打造一批精品茶园", "抓住两个重点",
    "十六届人大五次会议", "产业园二期", "三年行动", "五年来", "“零次跑”", "实行24小时值守",
    "0—6岁儿童", "支持平台企业", "保持平稳", "努力争创示范县", "居民收入增长和经济增长同步",
    "入围“X省100个避暑气候胜地”", "十几个", "数十家", "一个重要",
]
# (text, base unit, value, low, high)
VALUES = [
    ("打井2万余口", "口", 2e4, None, None), ("争取2个亿", "元", 2e8, None, None),
    ("投资5—10万元", "元", 5e4, 5e4, 1e5), ("增长6%－6.5%", "%", 6.0, 6.0, 6.5),
    ("粮食1.3万亿斤", "吨", 6.5e8, None, None), ("近14亿人口", "人", 1.4e9, None, None),
    ("钢一千三百五十二万吨", "吨", 1.352e7, None, None), ("投资X亿元", "元", None, None, None),
    ("翻两番", "番", 2.0, None, None), ("占三成", "%", 30.0, None, None),
    ("新建高标准农田12.5万亩", "平方米", 83333333.3333, None, None),
    ("人口自然增长率4.9‰", "%", 0.49, None, None), ("新增装机3000万千瓦", "千瓦", 3e7, None, None),
]
# (text, indicators)
INDICATORS = [
    # a trailing word stripped only on its own, not as the end of a word
    ("年均增长7.6%", [""]),  # 年均 is stripped whole, (?<![人平])均 does not leave 年
    ("规模以上工业增加值年均增长7.6%", ["规模以上工业增加值"]),
    ("利率调高到百分之八", ["利率"]),  # 调高 is a change word
    ("我们这样一个拥有14亿人口的大国", ["我们这样一个"]),
    ("查处的经济违法犯罪案件从今年一月到九月共有136件", ["查处的经济违法犯罪案件"]),
    # a lead word stripped only on its own, not as the start of a word
    ("有色金属产业年产值超4千亿元", ["有色金属产业年产值"]),
    ("有效发明专利比2020年增长58.1%", ["有效发明专利"]),
    ("共建“一带一路”国家进出口增长14.7%", ["共建“一带一路”国家进出口"]),
    ("完成并购重组397起", ["并购重组"]),
    ("及时受理率达到100%", ["及时受理率"]),
    ("共计完成投资12亿元，共有高等学校8所", ["投资", "高等学校"]),
    # after 分别 a list of indicators is shared out, one item a figure, in order
    ("城镇调查失业率、城镇登记失业率分别为4.8%、4.3%", ["城镇调查失业率", "城镇登记失业率"]),
    ("高技术制造业和装备制造业增加值分别增长13.8%、18.1%", ["高技术制造业增加值", "装备制造业增加值"]),
    ("跨国公司地区总部、外资研发中心分别新增30家、20家", ["跨国公司地区总部", "外资研发中心"]),
    ("化学需氧量、二氧化硫排放量分别下降6.61%、8.95%", ["化学需氧量", "二氧化硫排放量"]),
    # a bare modifier beside the last item's takes the words after that modifier (issue 17)
    ("城镇、农村居民收入分别增长4.8%、5.9%", ["城镇居民收入", "农村居民收入"]),
    ("城镇和农村居民人均可支配收入分别增长4.3%、5.5%",
     ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("小学、初中学生人均公用经费分别达到300元、500元",
     ["小学学生人均公用经费", "初中学生人均公用经费"]),
    # a bare item of two characters takes the last item's measure noun
    ("原煤、原油、天然气产量分别增长5%、2%、6%", ["原煤产量", "原油产量", "天然气产量"]),
    # …but not one character alone, or when the items are not as many as the figures
    ("钢、铁产量分别增长5%、6%", ["钢、铁产量"] * 2),
    ("化学需氧量、二氧化硫排放量分别下降1.2%、1.8%和2%", ["化学需氧量、二氧化硫排放量"] * 3),
    # a multiple with no noun of its own measures the figure before it
    ("生铁三百零三万吨，等于一九四九年的十二点四倍", ["生铁", "生铁"]),
    ("高等学校在校生1600万人，是1997年的2.3倍", ["高等学校在校生", "高等学校在校生"]),
    ("截止X月X日，入户排查总人数X人", ["入户排查总人数"]),
    ("上半年我县共完成项目签约X个，总投资金额达X亿元", ["项目签约", "总投资金额"]),
    ("日供水量X吨的自来水厂建成", ["日供水量"]),
    ("全县上半年共新增民宿X家", ["新增民宿"]),
    ("惠及县区周边群众X户X人", ["惠及县区周边群众", "惠及县区周边群众"]),
    ("其中X亿元以上项目X个", ["项目", "X亿元以上项目"]),
    ("外贸进出口总额412.6亿元，增长24.8%", ["外贸进出口总额", "外贸进出口总额"]),
    # a new clause with a figure but no change is about its own noun, not the last indicator
    ("投入资金3.5亿元，完成18项工程", ["投入资金", "工程"]),
    ("全社会研发投入年均增长11.6%", ["全社会研发投入"]),  # 年均 is how, not what
    # traditional script: the same words and units
    ("本地生產總值增長5.2%，失業率減少0.3個百分點", ["本地生產總值", "失業率"]),
    ("国内生产总值增长6%－6.5%", ["国内生产总值"]),
    ("1-5月份三公经费与去年同期持平", ["三公经费"]),
    ("上半年服务满意度比去年同期明显提升", ["服务满意度"]),  # the comparison is no part of it
    ("城镇登记失业率控制在2.8%以内", ["城镇登记失业率"]),
    ("GDP比2019年增长5%", ["GDP"]),
    ("力争全社会研发投入强度达到3.35%", ["全社会研发投入强度"]),
    # a topic ending in 成本 carries to the clause after it; 特别是 is a connective
    ("商业企业的流通成本，一九八一年上升百分之二", ["商业企业的流通成本"]),
    ("特别是发行３０００亿元特别国债", ["发行特别国债"]),
]
# (text, time_ref of each claim)
TIMES = [
    ("截至X月X日，入户排查总人数X人", ["截至X月X日"]),
    ("上半年我县共完成项目签约X个", ["上半年"]),
    ("1-5月份三公经费与去年同期持平", ["1-5月份"]),
    ("全年国内生产总值超过126万亿元", ["全年"]),
    ("2023年，城镇新增就业1244万人", ["2023年"]),
    # a span of years is one reference, not its last year
    ("2020年到2025年，工业投资比重从17.9%提升到35.5%", ["2020年到2025年"]),
    ("2021—2025年累计完成投资5000亿元", ["2021—2025年"]),
    ("2020年至今建设的985个项目", ["2020年至今"]),
    ("截至目前，累计筹融资50.85亿元", ["截至目前"]),
    ("近年来，累计建成公园120座", ["近年来"]),
    ("一九七九至一九八三年工农业总产值平均每年增长７．９％", ["一九七九至一九八三年"]),
    ("截至X月XX日上午X时，共排查车辆X辆", ["截至X月XX日上午X时"]),
    ("GDP比2019年增长5%", [""]),
    ("恢复到去年同期的80%", [""]),
    # a span of years written with a two-character numeral is one time reference
    ("在十二年内，粮食亩产分别达到四百斤、五百斤", ["十二年内", "十二年内"]),
    ("改革开放三十年来，经济年均增长9.8%", ["三十年来"]),
    ("大庆原油产量在十七年间平均每年增长百分之二十八", ["十七年间"]),
    # a span of years with the count of its years after it is one (session 10 round 3)
    ("从一九七九年到一九八二年的四年间，全国工业总产值增长百分之二十", ["从一九七九年到一九八二年的四年间"]),
    ("从2016年到2020年的五年间，全市粮食产量增长5%", ["从2016年到2020年的五年间"]),
]
# (text, is_target of each claim)
TARGETS = [
    ("力争XX主题乐园年底完成投资X亿元", [True]),
    ("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上", [True, True]),
    ("确保粮食播种面积1530万亩", [True]),
    ("上半年完成投资X亿元", [False]),
    ("新增参保3.2万人，确保应保尽保", [False]),
    ("完成全年目标任务的65%", [False]),
    ("人均预期寿命从80.2岁提升至82.5岁", [False]),
    ("经济恢复好于预期，增长8.1%", [False]),  # 预期 compared, not promised
    ("扫黑除恶专项斗争取得成效，破案120起", [False]),  # 争取 inside 斗争取得
    # what is to be done, in older reports and bureaus' plans (state-council 1979, 2003)
    ("全国将用三十亿元建设职工住宅，竣工面积可达三千多万平方米", [True, True]),
    ("今年计划在全民所有制单位安排七百多万人就业", [True]),
    ("去年曾提出，要把全年商品零售物价上涨幅度控制在百分之十以内", [True]),  # 1995
    ("今年中央财政预算用于支持这项改革的资金将达305亿元", [True]),
    ("年度计划投资99.8亿元，截至目前已完成投资73.58亿元", [True, False]),
    # an estimate of the year's outturn is no goal
    ("农民的收入估计将增加一百三十亿元左右", [False]),
    # a target noun after the figure names it (state-council 1979, sgcc-hubei 2021)
    ("节约煤和电百分之二到三，节约油百分之五到十，这个目标是可以达到的", [True, True]),
    ("推动降低准入条件，实现不低于100万千瓦的负荷调控目标", [True]),
    ("全年增长8.1%，完成年度目标", [False]),  # a target reached, reported
    ("即将达到规模标准的企业新增120家", [False]),  # 即将: no modal of a goal
    ("按照步行可达、服务便捷的标准，建成便民生活圈35个", [False]),  # 可达 of a place
]
BUGS_CAUGHT = [  # (text, [(value_text, unit)]) found wrong in real reports
    ("\U00011f50\U00011f51个", []),  # Kawi digits: \d in regex, not in float()
    ("支持平台企业在促进创新中大显身手", []),  # 持平 inside 支持平台
    ("项目签约X个", [("X", "个")]),  # 约 of 签约 read as a hedge
    ("努力争创省级茶叶特色农业强县，申报X家", [("X", "家")]),  # 力争 inside 努力争创
    ("园区单位面积产出提高到每亩486万元", [("486", "万元")]),  # 每亩 between change and figure
    ("县医共体总院与X家乡镇卫生院", [("X", "家")]),  # 家乡 is not a word here
    ("分3批发放消费券", [("3", "批")]),  # 批发 is not a word here
    ("全省三成以上的县", [("三成", "")]),  # 三 before 成 is a share, not a count
    ("组织120余人参加应急演练", [("120", "人")]),  # 人参加: no ginseng after a figure
    ("新建足球场42片、健身步道30条", [("42", "片"), ("30", "条")]),  # 片 and 款 count
    ("26款新药获批上市，划定3片区", [("26", "款")]),
    # a unit opening with a numeral character (千瓦) after a Chinese numeral
    ("新增发电能力四百零六万千瓦，", [("四百零六", "万千瓦")]),
    ("制造每台二万五千千瓦的机组", [("二万五千", "千瓦")]),
    ("建设百万千瓦级电站", []),  # a grade, and 百万 opens no numeral
    # traditional script: 餘 is 余 (the scan had stopped at it and found no unit)
    ("職工已經達到一千三百七十四萬五千餘人", [("一千三百七十四萬五千", "人")]),
    ("共有三萬一千餘個基層社", [("三萬一千", "個")]),
    # a count after 前 with 位 or 名 is a rank; passenger- and ton-kilometres are units
    ("增速连续30个月居全国前10位，包揽前六名", [("30", "个月")]),
    ("旅客周转量将达到三百二十亿人公里，货物周转量5000亿吨公里", [("三百二十", "亿人公里"), ("5000", "亿吨公里")]),
]
# fmt: on


def _claims(text: str, **kwargs):
    claims = find_claims(text, **kwargs)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.text.startswith(c.value_text) or c.rule == "claim.multiple"
    return claims


@pytest.mark.parametrize(("text", "expected"), CLAIMS, ids=[t for t, _ in CLAIMS])
def test_claims(text, expected):
    got = [(c.value_text, c.unit, c.approx, c.change) for c in _claims(text)]
    assert got == expected


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert [c.text for c in _claims(text)] == []


@pytest.mark.parametrize(
    ("text", "base", "value", "low", "high"), VALUES, ids=[v[0] for v in VALUES]
)
def test_values_are_scaled_to_the_base_unit(text, base, value, low, high):
    (claim,) = _claims(text)
    assert claim.base_unit == base
    assert claim.value == (None if value is None else pytest.approx(value))
    assert (claim.low, claim.high) == (low, high)
    assert claim.masked == (value is None)


@pytest.mark.parametrize(("text", "expected"), INDICATORS, ids=[t for t, _ in INDICATORS])
def test_indicators(text, expected):
    assert [c.indicator for c in _claims(text)] == expected


@pytest.mark.parametrize(("text", "expected"), TIMES, ids=[t for t, _ in TIMES])
def test_time_references(text, expected):
    assert [c.time_ref for c in _claims(text)] == expected


@pytest.mark.parametrize(("text", "expected"), TARGETS, ids=[t for t, _ in TARGETS])
def test_targets(text, expected):
    assert [c.is_target for c in _claims(text)] == expected


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[t for t, _ in BUGS_CAUGHT])
def test_bugs_caught(text, expected):
    assert [(c.value_text, c.unit) for c in _claims(text)] == expected


def test_plan_spans_make_targets_and_records_are_complete():
    text = "上半年完成投资X亿元。下半年完成投资X亿元。"
    claims = _claims(text, plan_spans=[(text.index("下半年"), len(text))])
    assert [c.is_target for c in claims] == [False, True]
    assert [c.claim_id for c in claims] == ["c1", "c2"]
    assert claims[0].sentence == "上半年完成投资X亿元"
    assert (claims[0].section_id, claims[0].measure_id) == (None, None)
    assert {c.rule for c in claims} == {"claim.masked"}


def test_given_placeholders_decide_the_masked_figures():
    text = "直接从武汉返X人数X人"
    placeholders = find_placeholders(text)
    assert [p.kind for p in placeholders] == ["name", "figure"]
    claims = find_claims(text, placeholders=placeholders)
    assert [(c.start, c.masked) for c in claims] == [(text.rindex("X"), True)]


# --- the seed and a real report --------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(NO_SHARED)
    return SEED.read_text(encoding="utf-8")


def _at(claims, text: str, anchor: str):
    lo = text.index(anchor)
    return [c for c in claims if lo <= c.start < lo + len(anchor)]


def test_seed_traps(seed):
    claims = find_claims(seed)
    got = [(c.value_text, c.unit, c.approx) for c in _at(claims, seed, "直接从武汉返X人数X人")]
    assert got == [("X", "人", "")]
    got = [(c.value_text, c.unit, c.approx) for c in _at(claims, seed, "其中X亿元以上项目X个")]
    assert got == [("X", "亿元", "以上"), ("X", "个", "")]
    got = [(c.value_text, c.unit) for c in _at(claims, seed, "惠及县区周边群众X户X人")]
    assert got == [("X", "户"), ("X", "人")]
    (flat,) = _at(claims, seed, "1-5月份三公经费与去年同期持平")
    assert (flat.value_text, flat.change, flat.time_ref, flat.text) == (
        "",
        "flat",
        "1-5月份",
        "持平",
    )
    for anchor in ("2020年", "X月X日", "第二批", "两个维护", "以下五个方面", "第X版"):
        assert _at(claims, seed, anchor) == [], anchor


def test_seed_claims_are_masked_and_spanned(seed):
    claims = find_claims(seed)
    assert len(claims) >= 45
    for c in claims:
        assert seed[c.start : c.end] == c.text
        assert c.masked == (c.value is None and c.value_text != "")


@pytest.mark.parametrize("year", ["2019", "2024"])
def test_state_council_targets(year):
    path = STATE_COUNCIL / f"{year}.txt"
    if not path.is_file():
        pytest.skip(NO_SHARED)
    text = path.read_text(encoding="utf-8")
    start = text.index("主要预期目标")
    end = text.index("。", start)
    inside = [c for c in find_claims(text) if start <= c.start < end]
    assert len(inside) >= 5
    assert all(c.is_target for c in inside)
    around = [c for c in inside if c.unit == "%" and c.approx == "左右"]
    assert len(around) >= 3
    assert {c.time_ref for c in around} == {"今年"}
    gdp = next(c for c in inside if c.indicator == "国内生产总值")
    assert (gdp.base_unit, gdp.change) == ("%", "increase")


# --- properties ---------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["X", "XX", "××", "某某", "1,352.6", "12", "３．５", "一千三百五十二", "两", "三成", "百分之六",
     "翻一番", "3-5", "6%－6.5%", "万", "亿", "余", "多", "元", "人", "个", "%", "％", "以上", "左右",
     "增长", "下降", "持平", "同比", "约", "近", "第", "年", "月", "日", "上半年", "截至", "力争",
     "（", "）", "“", "”", "《", "》", "，", "。", "；", "：", "、", "\n", " ", "和", "其中"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))
def test_never_raises_and_spans_hold(text):
    claims = find_claims(text)
    assert [c.claim_id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.start <= c.end
        assert c.change in ("", "increase", "decrease", "flat")
        if c.low is not None:
            assert c.high is not None and c.low <= c.high


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text):
    for c in find_claims(text):
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("失業率減少0.3個百分點", [("0.3", "個百分點", "个百分点", "decrease")]),
        ("投入資金3.5億元，覆蓋1200戶", [("3.5", "億元", "元", ""), ("1200", "戶", "户", "")]),
        ("服務時間延長2小時。", [("2", "小時", "小时", "increase")]),
        ("完成18項工程，建成公頃12處", [("18", "項", "项", ""), ("12", "處", "处", "")]),
    ],
)
def test_traditional_script_units_and_changes(text, expected):
    """繁體 units keep the simplified base unit, so a series compares across scripts."""
    got = [(c.value_text, c.unit, c.base_unit, c.change) for c in find_claims(text)]
    assert got == expected


# Change words of output and losses, and a figure restating the one before (1979, bureaus)
# fmt: off
CHANGES = [
    ("粮食比上一年增产二千二百万吨，即百分之七点八。", ["increase", "increase"]),
    ("全市国企比上年同期减亏3.52亿元。", ["decrease"]),
    ("核减财政投资概算六千余万元。", ["decrease"]),
    ("全年为市场主体减负超过2.6万亿元。", ["decrease"]),
    ("电煤库存日均净减少10万吨以上。", ["decrease"]),
    ("全年减轻企业税收和社保缴费负担近2万亿元。", ["decrease"]),
    ("全区净增市场主体1200户。", [""]),  # 净增 names a count, no change
    # 减产 alone names an event, no figureless change (sample 07); with its figure it is one
    ("春季倒春寒造成部分桃园减产，全年减产2万斤。", ["decrease"]),
    # a change verb inside a modifier of the object names it (state-council 1982)
    ("国家用于提高农副产品收购价格的支出四百四十二亿元。", [""]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CHANGES, ids=[t for t, _ in CHANGES])
def test_changes_of_output_losses_and_burdens(text, expected):
    assert [c.change for c in find_claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城镇新增就业预期目标比去年多100万人", [("100", "increase")]),
        ("比上年少3个", [("3", "decrease")]),
        ("新增企业300多家", [("300", "")]),  # 多 after a figure is a hedge, not a change
    ],
)
def test_more_and_fewer_after_a_comparison_are_changes(text, expected):
    assert [(c.value_text, c.change) for c in find_claims(text)] == expected


def test_in_a_review_section_secured_funds_are_results_not_targets():
    text = (
        "2024年工作总结及2025年工作计划\n一、2024年主要工作\n"
        "争取国债资金5057万元实施海洋项目。确保粮食产量达1.9万吨。力争明年再增长5%。\n"
        "二、2025年工作计划\n争取中央补助2亿元。\n"
    )
    got = [(c.value_text, c.is_target) for c in parse(text).claims]
    assert got == [("5057", False), ("1.9", False), ("5", True), ("2", True)]


def test_in_a_review_section_what_comes_next_makes_targets_again():
    text = (
        "2022年上半年工作总结\n一、上半年工作情况\n确保完成率达到95%。"
        "下阶段工作建议：一是加快推进前期工作；二是确保全年项目前期完成率在98%以上。\n"
    )
    got = [(c.value_text, c.is_target) for c in parse(text).claims]
    assert got == [("95", False), ("98", True)]


def test_a_modal_makes_targets_only_of_the_figures_after_it():
    text = (
        "1982年政府工作报告\n一、1981年工作回顾\n工农业总产值增长百分之四。\n"
        "二、1982年工作安排\n全国职工的工资总额一九八○年为七百七十三亿元，"
        "一九八五年将达到九百八十三亿元。\n"
    )
    report = parse(text, path="reports/1982.txt")
    plan = [(c.value_text, c.is_target) for c in report.claims if c.section_id == "s2"]
    assert plan == [("七百七十三", False), ("九百八十三", True)]


def test_a_span_of_years_after_a_past_year_in_a_plan_section_reports_the_past():
    text = (
        "1983年政府工作报告\n一、过去五年的回顾\n工农业总产值增长百分之七。\n"
        "二、今后五年的主要任务\n预算外资金由一九七八年的三百七十一亿元增加到一九八二年的"
        "六百五十亿元，四年间增长百分之七十五点二。\n"
    )
    report = parse(text, path="reports/1983.txt")
    plan = [(c.value_text, c.is_target) for c in report.claims if c.section_id == "s2"]
    assert plan == [("六百五十", False), ("百分之七十五点二", False)]


def test_in_a_review_section_estimates_and_expectations_are_results_not_targets():
    text = (
        "2025年工作总结及2026年工作计划\n一、2025年工作回顾\n"
        "预计全年接待游客9.6亿人次。稳预期成效明显，地区生产总值增长5.3%。"
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
        "二、2026年工作计划\n预计全年接待游客10亿人次。\n"
    )
    got = [(c.value_text, c.is_target) for c in parse(text).claims]
    assert got == [("9.6", False), ("5.3", False), ("5", True), ("10", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 由 X 增加到 Y: both figures measure what stands before 由
        ("常住人口由729万人增加到732万人。", [("732", "常住人口")]),
        ("原油由1亿吨增加到1.2亿吨。", [("1.2", "原油")]),
        # verbs of reaching and of the future are not part of the indicator
        ("地区生产总值迈上4万亿元台阶。", [("4", "地区生产总值")]),
        ("中央财政转移支付每年将增加780亿元。", [("780", "中央财政转移支付")]),
        ("工业总产值相当于上年的三點六倍。", [("三點六", "工业总产值")]),
        # 对外 is a word, not the preposition 对
        ("对外直接投资增长4.3%。", [("4.3", "对外直接投资")]),
        # a measure marker is not part of the indicator
        ("三是将行政事业性收费减少18项。", [("18", "行政事业性收费")]),
        # a share of what follows its 的, when nothing before the figure names it
        ("。62%的入境航班、53%的入境旅客。", [("62", "入境航班"), ("53", "入境旅客")]),
        ("。全市90%以上的行政村达到标准。", [("90", "达到标准的行政村")]),
        # the noun after a figure stops where a predicate begins, not at a participle
        ("。13条重点产业链全面起势。", [("13", "重点产业链")]),
        ("。7所学校入选“全国文明校园”。", [("7", "学校")]),
        ("。改造5000个已建成自然村。", [("5000", "改造已建成自然村")]),
        ("。36项年度重点改革任务扎实推进。", [("36", "年度重点改革任务")]),
        ("。12家文化礼堂建设有序推进。", [("12", "文化礼堂建设")]),
        # 成功 opens the noun; 获 starts the predicate
        ("。118起成功避险案例获表扬。", [("118", "成功避险案例")]),
        # nor is a list marker opening the clause: （一）, 2., 10、
        ("（一）工业支出８５４万元。", [("８５４", "工业支出")]),
        ("2.实现城镇新增就业18万人。", [("18", "城镇新增就业")]),
        ("10、发放住房租赁补贴1.6万户。", [("1.6", "发放住房租赁补贴")]),
        # 拟定 is one word: no 定 is left over
        ("拟定工业总产值六百亿元。", [("六百", "工业总产值")]),
        # a clause naming nothing takes what the clause before names, after a colon or a
        # measure (产量, 比重, 总值), not any clause (应该看到，…)
        ("烤烟：达到七百八十万担。", [("七百八十", "烤烟")]),
        ("工业总产值，拟定为六百亿元。", [("六百", "工业总产值")]),
        # ... or a clause ending in 目标/指标 (claims.label_ends)
        ("今年经济增长速度的宏观调控目标，定为百分之八至九。",
         [("百分之八至九", "经济增长速度的宏观调控目标")]),
        # an aspect (总量, 涨幅) or a share (占世界) of the quantity named just before
        # (claims.aspect_heads, claims.share_of)
        ("国内生产总值增长6.6%，总量突破90万亿元。",
         [("6.6", "国内生产总值"), ("90", "国内生产总值总量")]),
        ("高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二。",
         [("2万5千", "高速铁路运营里程"), ("三分之二", "高速铁路运营里程占世界")]),
        ("经济总量达到5万亿元。", [("5", "经济总量")]),
        # a modal before the change word goes with it (claims.modals)
        ("今年国民生产总值计划增长百分之八。", [("百分之八", "国民生产总值")]),
        ("全社会固定资产投资预定增长10%。", [("10", "全社会固定资产投资")]),
        ("轻工业所占的比重，一九五二年为百分之二十七。", [("百分之二十七", "轻工业所占的比重")]),
        # 连续 (of a duration) and 实际 (real growth) end no indicator
        ("群众安全感连续7年保持在98%以上。", [("7", "群众安全感"), ("98", "群众安全感")]),
        ("农村居民人均纯收入实际增长6.8%。", [("6.8", "农村居民人均纯收入")]),
        # nor does a span of years before the change, or a comparison with the last one
        ("新能源汽车产量五年增长29倍。", [("29", "新能源汽车产量")]),
        ("实际使用外资五年累计达到1030亿美元左右、比上个五年增长15.8%左右。",
         [("1030", "实际使用外资"), ("15.8", "实际使用外资")]),
        ("居民平均消费水平，由一百七十五元提高到二百八十八元。",
         [("二百八十八", "居民平均消费水平")]),
        ("应该看到，十亿人口的大国。", [("十", "人口")]),  # not 应该看到, nor 大国
        # nor is 或 between two figures: the second shares the first's indicator
        ("每人奖励2000元或者3000元。", [("2000", "每人奖励"), ("3000", "每人奖励")]),
        ("可享受3万元或5万元的补助。", [("3", "可享受"), ("5", "可享受")]),
        # a list of counted items: each figure measures the noun after it
        ("新建3所小学和2所中学。", [("3", "新建小学"), ("2", "中学")]),
        ("建成6个市级服务中心、14个县级服务站。", [("6", "建成市级服务中心"), ("14", "县级服务站")]),
        # 惠及, 参与 end with a joiner's character but join nothing
        ("发放救助资金5.2亿元、惠及3.6万人。", [("5.2", "发放救助资金"), ("3.6", "惠及")]),
        # the words between two figures with no joiner stay shared (项目总投资)
        ("签约12个项目总投资30亿元。", [("12", "签约项目总投资"), ("30", "项目总投资")]),
        # nothing after the figure: the earlier reading stands
        ("建设15个百亿元、40个30亿元以上项目。",
         [("15", "建设百亿元"), ("40", "百亿元"), ("30", "百亿元")]),
        # a verb phrase before a count: the figure counts the noun after it
        ("实施稳经济30项举措。", [("30", "实施稳经济举措")]),
        ("启动建设7座湿垃圾资源化利用设施。", [("7", "启动建设湿垃圾资源化利用设施")]),
        ("引进科技企业120家落户园区。", [("120", "引进科技企业")]),  # a predicate, no noun
        # the noun after a figure is followed to its end within 16 characters
        ("平潭一中入选全省第二批15所示范性普通高中建设学校。",
         [("15", "平潭一中入选全省第二批示范性普通高中建设学校")]),
        # a clause whose words all fall away takes the indicator before it: a bare reaching,
        # a base of comparison with a year in Chinese numerals, 即 restating a figure
        ("进出口总额比上年增长37.1%，达到8512亿美元。",
         [("37.1", "进出口总额"), ("8512", "进出口总额")]),
        ("手工业总产值达到一百三十三亿元，比一九五二年的七十三亿元增长百分之八十三。",
         [("一百三十三", "手工业总产值"), ("七十三", "手工业总产值"),
          ("百分之八十三", "手工业总产值")]),
        ("财政收入占国民收入的比重，由一九七八年的百分之三十七下降到百分之二十五。",
         [("百分之二十五", "财政收入占国民收入的比重")]),
        ("工业总产值增长百分之九十八，即每年递增百分之十四。",
         [("百分之九十八", "工业总产值"), ("百分之十四", "工业总产值")]),
        # nor is what a rate is compared with (高于, 快于…; 不低于 is a hedge, 优于Ⅲ类 a class)
        ("规上民营工业增加值增速高于全部规上工业2.3个百分点。",
         [("2.3", "规上民营工业增加值增速")]),
        ("城镇居民收入增速快于经济增长1.2个百分点。", [("1.2", "城镇居民收入增速")]),
        ("地表水国考断面达到或优于Ⅲ类水体比例为95%。",
         [("95", "地表水国考断面达到或优于Ⅲ类水体比例")]),
        # adverbs, modals and aspect around the indicator fall away (预计, 一直, 已经, 首次,
        # 可…完成, 竟, 了)
        ("社会商品零售额今年预计将比去年增长9%。", [("9", "社会商品零售额")]),
        ("财政赤字率一直控制在3%以内。", [("3", "财政赤字率")]),
        ("农村居民人均可支配收入首次突破2万元。", [("2", "农村居民人均可支配收入")]),
        ("工业总产值已经达到了八百亿元。", [("八百", "工业总产值")]),
        ("全年可完成投资500亿元。", [("500", "投资")]),
        ("了解企业需求300余项。", [("300", "了解企业需求")]),  # 了解 is no aspect
        # a comparison with the last session is no indicator
        ("累计意向成交726.2亿美元、比上届增长2.1%。", [("726.2", "意向成交"), ("2.1", "意向成交")]),
        # but a span of years is: not the end of a year in Chinese numerals
        ("粮食产量一九五七年达到三千七百亿斤。", [("三千七百", "粮食产量")]),
    ],
)  # fmt: skip
def test_indicator_of_each_figure(text, expected):
    assert [(c.value_text, c.indicator) for c in find_claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure inside brackets is measured by what the brackets hold before it
        ("新建项目30个（社会投资项目12个），", [("30", "新建项目"), ("12", "社会投资项目")]),
        ("融资40亿元（含债券资金8亿元）。", [("40", "融资"), ("8", "含债券资金")]),
        # an aside closed before the figure: what it follows measures it
        ("拖拉机（不含手扶拖拉机，下同）增加了二千台。", [("二千", "拖拉机")]),
        # the words after a figure stop at a bracket they do not close, but close a short
        # aside of their noun that a list mark inside had cut (县（市、区）)
        ("已有9个县（市、区）完成试点。", [("9", "县（市、区）")]),
        ("共节约资金3万元），", [("3", "节约资金")]),
        # （n人）和m支: after the aside a new item of the list starts
        (
            "组建4支巡查队伍（120人）和2支护林队伍（40人）。",
            [("4", "组建巡查队伍"), ("120", "巡查队伍"), ("2", "护林队伍"),
             ("40", "护林队伍")],
        ),
        # the words after a figure take a quoted name whole, however long the window
        ("新增12个“乡村振兴示范村”。", [("12", "新增“乡村振兴示范村”")]),
        ("全市建成7所“全国文明校园示范学校”。", [("7", "建成“全国文明校园示范学校”")]),
        # or not at all when it does not close nearby
        ("建成8个“集党建引领、便民服务、文化活动、志愿服务于一体的邻里中心”。", [("8", "建成")]),
        # a quote cut apart by 分别 or by the clause start is dropped
        ("公园绿地、“口袋公园”面积分别达到120公顷、35公顷。",
         [("120", "公园绿地面积"), ("35", "“口袋公园”面积")]),
    ],
)  # fmt: skip
def test_indicators_keep_brackets_and_quotes_balanced(text, expected):
    got = [(c.value_text, c.indicator) for c in find_claims(text)]
    assert got == expected
    for indicator in (i for _, i in got):
        assert indicator.count("（") == indicator.count("）")
        assert indicator.count("“") == indicator.count("”")


def test_duo_that_starts_a_word_is_no_hedge():
    found = find_claims("开通5条多式联运线路，培育3个多元化平台，新增20多家企业，招聘300人多。")
    assert [(c.value_text, c.unit, c.approx) for c in found] == [
        ("5", "条", ""), ("3", "个", ""), ("20", "家", "多"), ("300", "人", "多"),
    ]  # fmt: skip


def test_traditional_decimal_point_and_change_words():
    found = find_claims(
        "國防費從百分之四十一點五降為百分之二十一點一，五年內病床將增加百分之七十七。"
    )
    assert [(c.value_text, c.value, c.change, c.baseline) for c in found] == [
        ("百分之二十一點一", 21.1, "decrease", 41.5),  # 從…降為…: one movement (SPEC baseline)
        ("百分之七十七", 77.0, "increase", None),
    ]
    assert found[-1].time_ref == "五年內"


def test_a_slash_fraction_is_a_share():
    found = find_claims("船舶出口规模占全国1/3以上，产量稳定在全国1/4。时间：2026/02/11。")
    assert [(c.value_text, c.value, c.base_unit, c.approx) for c in found] == [
        ("1/3", 33.3333333333, "%", "以上"),
        ("1/4", 25.0, "%", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城乡居民收入比从2.50:1缩小至2.27:1。", [("2.27:1", 2.27, 2.5, "decrease")]),
        ("城乡居民收入比值由3.27缩小至2.93。", [("2.93", 2.93, 3.27, "decrease")]),
        ("城乡居民收入比缩小至2.21∶1。", [("2.21∶1", 2.21, None, "decrease")]),
    ],
)
def test_a_pair_of_ratios_is_one_movement_of_one_indicator(text, expected):
    found = find_claims(text)
    assert [(c.text, c.value, c.baseline, c.change) for c in found] == expected
    assert {c.indicator for c in found} <= {"城乡居民收入比", "城乡居民收入比值"}


def test_a_colon_before_a_list_still_ends_a_list_count():
    assert find_claims("重点抓好以下3项工作：一是稳增长。") == []


def test_a_plan_section_that_recalls_the_past_does_not_make_targets():
    text = (
        "云溪市2024年政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长6.2%。\n"
        "二、2024年工作安排\n过去一年，我们的各项工作取得了很大成绩。地区生产总值增长6.2%，"
        "城镇新增就业2.1万人。去年全市财政超收3.5亿元。今年财政用于教育的投入，"
        "将由去年的12亿元增加到15亿元。\n地区生产总值增长5%左右，城镇新增就业2万人以上。\n"
    )
    report = parse(text, path="reports/2024.txt")
    assert [s.kind for s in report.sections] == ["review", "plan"]
    plan = [(c.value_text + c.unit, c.is_target) for c in report.claims if c.section_id == "s2"]
    assert plan == [
        ("6.2%", False),  # after 过去一年，…。 in its paragraph: last year's result
        ("2.1万人", False),
        ("3.5亿元", False),  # 去年…超收
        ("15亿元", True),  # 将由去年的12亿元增加到15亿元: the sentence points ahead
        ("5%", True),
        ("2万人", True),
    ]


def test_a_review_opening_governs_the_rest_of_its_paragraph():
    """过去一年 a few words into a sentence (在经济领域，过去一年里…) opens a review too, and
    the figures of the sentences after it report it, compared with 上年 or not, until a
    sentence points ahead."""
    text = (
        "云溪市2024年政府工作报告\n一、当前形势和今年的主要任务\n"
        "在经济领域，过去一年里取得的最重要的成绩，是经济持续稳定发展。地区生产总值达到"
        "320亿元，比上年增长6.1%；粮食产量达到41万吨。规模以上工业增加值增长7.5%。"
        "今年要着力扩大内需，地区生产总值增长5%左右。\n"
    )
    report = parse(text, path="reports/2024.txt")
    assert [s.kind for s in report.sections] == ["plan"]
    assert [(c.value_text + c.unit, c.is_target) for c in report.claims] == [
        ("320亿元", False),
        ("6.1%", False),  # 比上年: a comparison base, not a time reference of its own
        ("41万吨", False),
        ("7.5%", False),  # two sentences after the opening, nothing pointing ahead between
        ("5%", True),  # 今年要…
    ]


def test_shang_nian_inside_ji_chu_shang_nian_jun_is_no_time_reference():
    (found,) = find_claims("在提高质量和效益的基础上年均增长7%。")
    assert (found.value_text, found.time_ref) == ("7", "")
    (found,) = find_claims("财政收入比上年增长5%。")
    assert found.time_ref == ""  # 比上年 is a comparison base, not the claim's time
    (found,) = find_claims("上年全市财政收入增长5%。")
    assert found.time_ref == "上年"


# fmt: off
REVIEW_FINDINGS = [
    # 名 before 医, 师, 校, 家, 村, 优… after a number is the measure word (名医 is no count)
    ("调派4万多名医护人员驰援湖北。", [("4", "万名", "多")]),
    ("招聘100名医生和50名教师。", [("100", "名", ""), ("50", "名", "")]),
    # a bare scale before digits that start a figure of their own (1万6千 goes on)
    ("为390万65岁以上老年人免费体检。", [("390", "万", "")]),
    # a unit before 级 makes a class, not a quantity
    ("推动30万千瓦级煤电机组“上大压小”。", []),
    # a count of years before a change is a span, not a figure; a duration stays one
    ("财政收入达到1350亿元，3年增长58.6%。", [("1350", "亿元", ""), ("58.6", "%", "")]),
    ("低保标准连续19年提高。", [("19", "年", "")]),
    ("受教育年限从2020年的9.6年提升至10.2年。", [("10.2", "年", "")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), REVIEW_FINDINGS, ids=[t for t, _ in REVIEW_FINDINGS])
def test_figures_a_review_of_real_reports_found(text, expected):
    assert [(c.value_text, c.unit, c.approx) for c in find_claims(text)] == expected


def test_a_span_of_years_leaves_its_change_to_the_subject():
    (_, growth) = find_claims("财政收入达到1350亿元，3年增长58.6%。")
    assert (growth.indicator, growth.change) == ("财政收入", "increase")


def test_pre_school_year_is_no_time_reference():
    (claim,) = find_claims("实施学前一年免费教育，惠及幼儿12万人。")
    assert claim.time_ref == ""


def test_a_users_measure_marker_is_stripped_from_indicators(tmp_path):
    # issue 16: a marker is written once, as a [[measure]] rule; the indicator of the
    # figure after it loses it with no Python edit (一抓 as 一是 is)
    import shutil

    from extractor.rules.loader import default_patterns_dir, load_rules

    directory = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), directory)
    (directory / "my_markers.toml").write_text(
        "[[measure]]\nid = 'measure.zhua'\nfamily = 'zhua'\n"
        "pattern = '''(?P<num>{cn_ordinal})抓(?=[^抓])'''\nneeds = '抓'\n"
        "examples = [{ text = '一抓项目', num = '一' }]\n",
        encoding="utf-8",
    )
    text = "一抓项目建设投资12亿元；二抓招商引资签约8个项目。"
    shipped = [c.indicator for c in find_claims(text)]
    assert shipped[0].startswith("一抓")
    users = [c.indicator for c in find_claims(text, rules=load_rules(directory))]
    assert users == ["项目建设投资", "招商引资签约项目"]


def test_ordinals_of_a_noun_are_no_marker_to_strip():
    claims = find_claims("地区生产总值增长4.1%，第一、第三产业增加值增长3.1%。")
    assert [c.indicator for c in claims] == ["地区生产总值", "第一、第三产业增加值"]


# Numerals in every form (issue 17): (text, [(value_text, unit, base_unit, value, approx)])
# fmt: off
NUMERAL_FORMS = [
    # a lower scale closes the numeral's last group: 四亿零七百万, not 四亿零七百 × 万
    ("原煤产量四亿零七百多万吨。", [("四亿零七百", "万吨", "吨", 4.07e8, "多")]),
    ("职工人数一千三百七十四万五千余人。", [("一千三百七十四万五千", "人", "人", 13745000.0, "余")]),
    ("全国人口十亿六千万。", [("十亿六千", "万", "", 1.06e9, "")]),
    # old typesetting: a space after every digit, full-width or not
    ("全年粮食产量达到4 9 2 5 0 万吨。", [("4 9 2 5 0", "万吨", "吨", 4.925e8, "")]),
    ("固定资产投资增长１ ０ ％。", [("１ ０", "％", "%", 10.0, "")]),
    ("人口自然增长率下降到1 0 ．0 6 ‰。", [("1 0 ．0 6", "‰", "%", 1.006, "")]),
    # Arabic digits with Chinese scales inside
    ("游客人数增加到1亿3千多万。", [("1亿3千", "万", "", 1.3e8, "多")]),
    ("运营里程达到2万5千公里。", [("2万5千", "公里", "米", 2.5e7, "")]),
    # a bare magnitude, a computing unit, a negative figure, a range of shares, doublings
    ("地区生产总值突破万亿元。", [("万亿", "元", "元", 1e12, "")]),
    ("智能算力规模达到4.8万P。", [("4.8", "万P", "PFLOPS", 48000.0, "")]),
    ("各公司利润率：南区公司（-6.65%）。", [("-6.65", "%", "%", -6.65, "")]),
    ("经济增长速度定为百分之八至九。", [("百分之八至九", "", "%", 8.0, "")]),
    ("国民生产总值比十年前翻两番。", [("两", "番", "番", 2.0, "")]),
    # older typesetting's middle dot as the decimal point (state-council 1999)
    ("全年增长19·5％，投资增长14·1％。",
     [("19·5", "％", "%", 19.5, ""), ("14·1", "％", "%", 14.1, "")]),
    # two neighbouring digits before the second's power: an approximate range (1979, 1983)
    ("每年减少国家财政收入四、五十亿元。", [("四、五十", "亿元", "元", 4e9, "")]),
    ("一年多耗电二、三百亿度。", [("二、三百", "亿度", "千瓦时", 2e10, "")]),
]
# Not figures: a range's second end that is a year, a noun a magnitude qualifies
NOT_NUMERAL_FORMS = [
    "面对“7·20”特大暴雨，办好5·18国际博物馆日活动。",  # dates of events, no unit
    "第一、二批项目在十一、二月份开工。",  # ordinals and months, no power after the pair
    "比重将由一九五二年的百分之三十九点七到一九五七年上升。",
    "年销售收入超亿元的企业",
    "成为生产总值超千亿元县",
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), NUMERAL_FORMS, ids=[t for t, _ in NUMERAL_FORMS])
def test_numerals_in_every_form(text, expected):
    got = [(c.value_text, c.unit, c.base_unit, c.value, c.approx) for c in find_claims(text)]
    assert got == [(v, u, b, pytest.approx(x), a) for v, u, b, x, a in expected]


@pytest.mark.parametrize("text", NOT_NUMERAL_FORMS)
def test_what_only_looks_like_a_numeral_form(text):
    assert all(c.value_text not in ("万亿", "亿", "千亿") for c in find_claims(text))
    assert all(c.high is None or c.high < 100 for c in find_claims(text))


def test_a_range_of_shares_keeps_both_ends():
    (claim,) = find_claims("今年经济增长速度定为百分之八至九。")
    assert (claim.low, claim.high) == (8.0, 9.0)


def test_an_approximate_pair_of_digits_keeps_both_ends():
    (claim,) = find_claims("每年减少国家财政收入四、五十亿元。")
    assert (claim.value, claim.low, claim.high, claim.change) == (4e9, 4e9, 5e9, "decrease")


def test_events_dated_with_a_middle_dot_are_no_figures():
    assert find_claims("面对“7·20”特大暴雨，办好5·18国际博物馆日活动。") == []


# A movement is one claim (SPEC §2 baseline): (text, [(value_text, value, baseline, change,
# time_ref)])
# fmt: off
MOVEMENTS = [
    ("国内生产总值由26.6万亿元增加到51.9万亿元。", [("51.9", 5.19e13, 2.66e13, "increase", "")]),
    ("城镇调查失业率从5.6%降到5.2%。", [("5.2", 5.2, 5.6, "decrease", "")]),
    # the starting value's date is not the claim's
    ("贫困发生率由2015年的5.7%下降到1.7%。", [("1.7", 1.7, 5.7, "decrease", "")]),
    ("全年人均收入由每人每年120元提高到200元。", [("200", 200.0, 120.0, "increase", "全年")]),
    ("通车里程从9000多公里增加到2万5千公里。", [("2万5千", 2.5e7, 9e6, "increase", "")]),
    # the current level named before the cut (state-council 2019)
    ("将制造业等行业现行16%的税率降至13%。", [("13", 13.0, 16.0, "decrease", "")]),
    # a movement whose verb names no direction takes it from its two values (1983)
    ("积累率由百分之三十六点五调整到百分之二十九。", [("百分之二十九", 29.0, 36.5, "decrease", "")]),
    # not movements: 由于 gives a cause, and two figures in two clauses stay two
    ("由于投资增加5亿元，达到30亿元。", [("5", 5e8, None, "increase", ""), ("30", 3e9, None, "", "")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), MOVEMENTS, ids=[t for t, _ in MOVEMENTS])
def test_a_movement_is_the_level_reached_with_its_baseline(text, expected):
    got = [(c.value_text, c.value, c.baseline, c.change, c.time_ref) for c in find_claims(text)]
    assert got == [(v, pytest.approx(x), b, ch, t) for v, x, b, ch, t in expected]


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民人均可支配收入提高到2025年的6.8万元。",
        "人均可支配收入由2020年的5.2万元提高到2025年的6.8万元。",
    ],
)
def test_a_change_to_a_dated_level_keeps_its_change(text):
    (claim,) = find_claims(text)
    assert (claim.value_text, claim.change) == ("6.8", "increase")
    assert claim.baseline == (5.2e4 if "由" in text else None)


def test_a_goal_to_change_a_quantity_with_no_figure_is_a_target_claim():
    text = (
        "国务院2007年政府工作报告\n一、2006年工作回顾\n全年降低企业成本。\n"
        "二、2007年工作安排\n进一步降低行政成本。一是适当减少财政赤字和长期建设国债规模；"
        "二是提高服务质量；三是服务业增加税收抵扣。\n"
    )
    got = [(c.text, c.change, c.indicator, c.is_target) for c in parse(text).claims]
    assert got == [
        ("降低", "decrease", "行政成本", True),
        ("减少", "decrease", "财政赤字和长期建设国债规模", True),
        ("增加", "increase", "税收抵扣", True),
    ]  # the past year's cut is no goal, and 服务质量 no quantity


# Spans (SPEC §2): (text, [span of each claim]).  Sections matter: a report of 2012 whose
# review names its year, one whose part reviews five years.
# fmt: off
SPANS = [
    ("居民消费价格年均上涨1.9%。", ["multi-year"]),
    ("城乡居民收入平均每年实际增长百分之五左右。", ["multi-year"]),
    ("经济增长连续四年达到或略高于10%。", ["multi-year", "multi-year"]),
    ("全市累计获得授信总额44.9亿元。", ["to-date"]),
    ("全年累计兑付企业债券本金318.68亿元。", ["period"]),
    ("示范工程已投入80亿元。", ["to-date"]),
    ("五年来，我市缔结友好城市18个。", ["multi-year"]),
    ("五年来，年进出口总额由1655亿美元增加到3251亿美元。", ["period"]),  # a level reached
    ("全市地区生产总值增长6.5%。", ["period"]),
    # a number of years opening a clause or a sentence covers what follows it
    ("五年全国水利建设投资3562亿元。", ["multi-year"]),
    ("五年获得国家登记的科技成果14万多项，授予专利权52万件。", ["multi-year", "multi-year"]),
    ("实施三年行动计划，新建学校12所。", ["period"]),
    # 五年来 governs its sentence up to the 。, across a ；
    ("五年来，新建保障性住房1800多万套；完成水库除险加固1.8万座。",
     ["multi-year", "multi-year"]),
    # a part (其中) covers what the whole covers, unless it names its own time
    ("两年新增4万亿元投资，其中中央财政投资1.26万亿元。", ["multi-year", "multi-year"]),
    ("从2003年到2006年年均超收2040亿元，其中去年超收2573亿元。", ["multi-year", "period"]),
    # a year compared with the one before it is that year's change, whatever the base year
    # (state-council 1979); a year inside a note is no such year (2012: 2010年不变价)
    ("工业总产值一九七七年比一九七六年增长百分之十四点三，一九七八年又比一九七七年增长"
     "百分之十三点五。", ["period", "period"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SPANS, ids=[t for t, _ in SPANS])
def test_spans(text, expected):
    assert [c.span for c in find_claims(text)] == expected


def test_spans_read_the_section_a_figure_stands_in():
    text = (
        "某市2012年政府工作报告\n一、过去五年工作回顾\n城镇新增就业650万人，"
        "地区生产总值达到5200亿元，比2007年增长72%。\n"
        "二、2011年工作回顾\n过去一年，城镇新增就业120万人，比2009年提高92%。\n"
        "三、今后五年的目标\n到2017年，地区生产总值达到8000亿元。\n"
        "四、2012年工作安排\n今年地区生产总值增长8%左右。\n"
    )
    report = parse(text, path="reports/2012.txt")
    spans = [(c.value_text, c.span) for c in report.claims]
    assert spans == [
        ("650", "multi-year"),  # a flow in a review of five years
        ("5200", "period"),  # a level reached
        ("72", "multi-year"),  # against a base year five years back
        ("120", "period"),  # a paragraph on the one year
        ("92", "multi-year"),  # 比2009年 in a review of 2011
        ("8000", "multi-year"),  # beyond the plan year
        ("8", "period"),
    ]


def test_spans_read_the_paragraph_and_the_sentence_opening():
    text = (
        "某省2026年政府工作报告\n一、2025年工作和“十四五”发展回顾\n全省地区生产总值增长5.5%。\n"
        "——这五年，科技型中小企业数增长4.9倍。全省经营主体超850万户。\n"
        "二、过去五年工作回顾\n五年来，城镇新增就业650万人。2012年，国内生产总值增长7.8%。\n"
        "１９９２年同１９８７年相比，城镇居民收入增加９１０元；农村居民收入增加３２１元。\n"
    )
    report = parse(text, path="reports/2026.txt")
    assert [(c.value_text, c.span) for c in report.claims] == [
        ("5.5", "period"),
        ("4.9", "multi-year"),  # a flow in a paragraph on five years
        ("850", "period"),  # a level there
        ("650", "multi-year"),
        ("7.8", "period"),  # a sentence on one year
        ("９１０", "multi-year"),  # against a base year five years back
        ("３２１", "multi-year"),  # the same comparison governs the sentence past its ；
    ]


def test_in_a_review_of_five_years_what_was_done_covers_them_and_levels_are_the_years():
    text = (
        "国务院2011年政府工作报告\n一、“十一五”时期国民经济和社会发展的回顾\n"
        "国内生产总值达到39.8万亿元。关停小火电机组7210万千瓦，完成造林2529万公顷。"
        "新型农村社会养老保险试点覆盖24%的县。中央财政“三农”投入年均增幅超过23%。\n"
        "这里要特别指出，刚刚过去的2010年，新开放了5个沿江城市。\n"
    )
    report = parse(text, path="reports/2011.txt")
    assert [(c.value_text, c.span) for c in report.claims] == [
        ("39.8", "period"),  # a level reached
        ("7210", "multi-year"),  # what was done over the five years
        ("2529", "multi-year"),
        ("24", "period"),  # a share with no change: a level
        ("23", "multi-year"),  # 年均增幅
        ("5", "period"),  # a paragraph whose first sentence names the one year
    ]


def test_a_section_on_the_year_and_on_five_years_leaves_the_span_to_its_sentences():
    # a title naming the year first: its figures are the year's unless their words say more
    # (a title naming the years first reviews them first: tests/claims/test_span_s13.py)
    text = (
        "某区2016年政府工作报告\n一、2015年和“十二五”时期工作回顾\n"
        "五年来，全区新增就业3.25万人。\n蔬菜基地完成投资1200万元，建成蔬菜大棚300个。"
        "出口规模突破4万亿元，五年累计使用外资846亿美元。\n"
    )
    report = parse(text, path="reports/2016.txt")
    assert [(c.value_text, c.span) for c in report.claims] == [
        ("3.25", "multi-year"),  # its sentence says five years
        ("1200", "period"),  # the year's, in a section of both
        ("300", "period"),
        ("4", "period"),
        ("846", "multi-year"),  # 五年累计: a total over the years, not to date
    ]


def test_targets_by_date_and_by_what_is_done():
    text = (
        "某市发展改革委2020年工作总结和2021年工作计划\n一、强产业促转型\n"
        "积极争取政策支持，累计获得授信总额44.9亿元。2021年培育省级示范企业10家。\n"
        "二、2021年工作计划\n由于已经连续三年增长速度在百分之十一以上，今年增长速度比去年低一点。"
        "从2017年到2020年年均超收40亿元。今年计划新增就业2万人。\n"
    )
    report = parse(text, path="reports/2020-2021plan.txt")
    assert [(c.value_text, c.is_target) for c in report.claims] == [
        ("44.9", False),  # 争取 in a part on the review year reports what was secured
        ("10", True),  # a year after its section's
        ("三", False),  # 已经: done
        ("百分之十一", False),
        ("40", False),  # years before the plan's
        ("2", True),  # 计划新增
    ]


# Indicators are noun phrases (SPEC §2): no verbs of completing inside, no calculation
# notes, a figure alone in brackets is the value of what they follow.
# fmt: off
NOUN_PHRASES = [
    ("规模以上工业企业实现利润增长31%。", ["规模以上工业企业利润"]),
    ("远程教育工程已投入80亿元。", ["远程教育工程投入"]),
    ("农民人均纯收入达到3500元，扣除物价因素比上年增长5%。", ["农民人均纯收入"] * 2),
    ("经济增长连续四年达到或略高于10%。", ["经济增长", "经济增长"]),
    ("各公司利润率：东区公司（15.79%）、西区公司（10.86%）。", ["东区公司", "西区公司"]),
    ("粮食产量达到5亿吨，比五年前增加5000万吨。", ["粮食产量"] * 2),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), NOUN_PHRASES, ids=[t for t, _ in NOUN_PHRASES])
def test_indicators_are_noun_phrases(text, expected):
    assert [c.indicator for c in find_claims(text)] == expected


# A change without a figure that ends its clause after an adverb of change is a claim of its
# subject, a quantity's: (text, [(change, indicator)])
# fmt: off
FIGURELESS = [
    ("城乡居民储蓄大幅度增加，居民消费水平进一步提高。",
     [("increase", "城乡居民储蓄"), ("increase", "居民消费水平")]),
    ("主要污染物排放量继续下降。", [("decrease", "主要污染物排放量")]),
    ("——经济平稳快速增长。", [("increase", "经济")]),
    # not a quality or a scope, nor the object of a verb
    ("项目质量有所提高。", []),
    ("开放的地区和行业进一步扩大。", []),
    ("以重点项目建设支撑稳定增长。", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FIGURELESS, ids=[t for t, _ in FIGURELESS])
def test_a_subject_and_an_adverb_of_change_make_a_figureless_claim(text, expected):
    assert [(c.change, c.indicator) for c in find_claims(text)] == expected


def _shared_modifier_cases() -> list[tuple[str, str, tuple[str, ...], bool]]:
    from extractor.rules.loader import default_rules

    cases = []
    for joined, row in default_rules().map("shared_modifiers").items():
        parts = tuple(row["items"])
        cases += [(joined, text, parts, True) for text in row.get("examples", ())]
        cases += [(joined, text, parts, False) for text in row.get("counterexamples", ())]
    return cases


@pytest.mark.parametrize(("joined", "text", "parts", "shared"), _shared_modifier_cases())
def test_a_joined_modifier_is_shared_out_by_its_examples_only(joined, text, parts, shared):
    """patterns/claims.toml [shared_modifiers]: figures after 分别 take the joined modifier's
    parts in order (城乡 → 城镇, 农村); its counterexamples keep the indicator whole."""
    indicators = [c.indicator for c in find_claims(text)]
    if shared:
        assert [next(p for p in parts if p in i) for i in indicators] == list(parts)
        assert not any(joined in i for i in indicators)
    else:
        assert not any(p in i for i in indicators for p in parts if p not in joined)


def test_a_count_after_an_enumeration_of_its_items_is_named_by_the_noun_it_counts():
    # session 10 round 2 (bureau summaries): A、B、C3个典型案例 had taken the whole list
    from extractor import parse

    text = (
        "涉案房产协同执行机制、升级服务惠及台胞台企、民宿经营承诺备案制3个典型案例被推广。"
        "围绕医保、社保、公积金、不动产、婚姻登记5个便民服务领域实施工程。"
        "新建、改扩建12所学校。\n"
    )
    names = {c.value_text: c.indicator for c in parse(text).claims}
    assert names["3"] == "典型案例"
    assert names["5"] == "便民服务领域"
    assert names["12"] == "新建、改扩建学校"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rates after 分别 take the amounts' subjects in order (issue 17's known leftover)
        ("全市规上工业增加值1200亿元，服务业增加值800亿元，同比分别增长6.5%、7.2%。",
         ["规上工业增加值", "服务业增加值", "规上工业增加值", "服务业增加值"]),
        # a list of its own keeps its items
        ("装备制造业、高技术制造业增加值分别增长17.7%、17.6%。",
         ["装备制造业增加值", "高技术制造业增加值"]),
    ],
)  # fmt: skip
def test_rates_after_fenbie_take_the_subjects_of_the_amounts_before(text, expected):
    assert [c.indicator for c in find_claims(text)] == expected
