"""Campaigns: SPEC §2 examples on the seed, the formula grammar, quotes, honours, lexicons,
properties, and the F1 floor over the annotated sample corpus."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CORPORA
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.analysis.evaluate import find_annotations, load_annotation, score
from extractor.elements.campaigns import (
    compiled_patterns,
    default_lexicon,
    find_campaigns,
    is_formula,
    load_lexicon,
    normalise,
    with_lexicon,
)
from extractor.errors import RuleError
from extractor.rules.loader import default_rules


def names(text: str, **options) -> list[tuple[str, str]]:
    return [(c.text, c.kind) for c in find_campaigns(text, **options)]


# --- the rules test themselves (tests/elements/test_element_rules.py runs their examples) ---


def test_every_pattern_has_examples_and_counterexamples():
    for name, (_, (examples, counter)) in compiled_patterns().items():
        assert examples and counter, name


# --- SPEC §2 on the seed -------------------------------------------------------------------

# fmt: off
SEED_FORMULAS = ["两抓年", "三服务", "四个意识", "两个维护", "一岗双责", "三改一拆", "八项规定",
                 "三公经费", "十三五", "三大革命", "四好农村路", "千万工程", "两山"]
SEED_QUOTED = ["阻击战", "最多跑一次", "无证明", "零次跑", "妈妈式", "医共体", "互联网+医疗",
               "数字政府", "紧日子", "牛鼻子", "百日攻坚", "小公园、小果园、小花园",
               "围绕项目转、盯着项目跑、聚焦项目干", "X+避暑"]
SEED_LEXICON = ["扫黑除恶", "乡村振兴", "脱贫攻坚"]
# fmt: on


@pytest.fixture(scope="module")
def seed(seed_text):
    return seed_text, find_campaigns(seed_text)


def test_seed_spans_hold(seed):
    text, found = seed
    assert [c.campaign_id for c in found] == [f"k{i}" for i in range(1, len(found) + 1)]
    for c in found:
        assert text[c.start : c.end] == c.text and c.section_id is None and c.rule


@pytest.mark.parametrize(("kind", "expected"), [("formula", SEED_FORMULAS), ("quoted", SEED_QUOTED),
                                                ("lexicon", SEED_LEXICON)])  # fmt: skip
def test_seed_examples_have_their_kind(seed, kind, expected):
    _, found = seed
    got = {c.text for c in found if c.kind == kind}
    assert set(expected) <= got, set(expected) - got


def test_seed_unquoted_formulas_are_found(seed):
    text, found = seed
    unquoted = {c.text for c in found if text[c.start - 1] not in '“"' and c.kind == "formula"}
    assert {"三公经费", "三改一拆", "八项规定"} <= unquoted


def test_seed_placeholder_quote_is_not_a_campaign(seed):
    _, found = seed
    assert "XX" not in {c.text for c in found}
    assert not [c for c in found if c.text.startswith("今日")]  # “今日XX”微信公众号: an account


def test_seed_documents_and_honours(seed):
    _, found = seed
    docs = [c.text for c in found if c.kind == "document"]
    assert docs == ["疾控给全体市民的一封公开信", "新型冠状病毒究竟是个啥"]
    honours = {c.text: c for c in found if c.kind == "honour"}
    assert "美丽X魅力示范点" in honours and honours["美丽X魅力示范点"].has_placeholder
    assert "X省旅游风情小县" in honours  # 被评为第二批X省旅游风情小县: the batch is not the name


def test_seed_placeholder_flag(seed):
    _, found = seed
    flagged = {c.text for c in found if c.has_placeholder}
    assert "X+避暑" in flagged and "阻击战" not in flagged


# --- formula grammar -----------------------------------------------------------------------

# fmt: off
NOT_CAMPAIGNS = [
    "积极引进XX等一批精品茶叶基地", "全县机关干部下沉一线", "上半年未发生一起安全事故",
    "还存在一些问题", "一是抓签约，二是抓开工", "选派第一书记", "落实一级响应的具体要求",
    "重点做好以下五个方面：", "进一步抓住两个重点", "结对服务企业、重点项目3个项目",
    "2020年是决胜之年", "截至X月X日", "千方百计扩大有效投资", "两年平均增长6.1%",
    "一年一度的桃花节", "踏踏实实一步一个脚印", "三月一日起施行", "独一无二的资源",
    "举一反三抓整改", "增长二點六倍", "第十三届人大五次会议", "二十五个项目", "让群众有更多获得感、幸福感",
    "“XX”建设", "“12345”热线", "成立“XX发布”微信公众号", "引进“金秋红”“锦绣黄桃”等新品种",
]
FORMULAS = ["两抓年", "三服务", "四个意识", "两个维护", "一岗双责", "三改一拆", "八项规定",
            "三公经费", "十三五", "十四五", "三大革命", "四好农村路", "千万工程", "两山",
            "三大攻坚战", "六稳六保", "双碳", "五位一体", "一带一路", "两不愁三保障",
            "千村示范、万村整治", "双随机、一公开", "一个中心、两个基本点", "七五", "二十条",
            "七大攻坚", "四篇大文章", "百日攻坚", "三大先导产业"]
NOT_FORMULAS = ["零次跑", "三年行动", "最多跑一次", "一网通办", "一件事", "四季游", "十年禁渔",
                "一个项目、一名领导、一套班子", "一年打基础、两年见成效", "千方百计", "第一议题",
                "小公园、小果园、小花园", "15分钟便民生活圈", "一批", "一线"]
# fmt: on


@pytest.mark.parametrize("text", NOT_CAMPAIGNS)
def test_ordinary_numerals_and_non_names_give_nothing(text):
    assert names(text) == []


@pytest.mark.parametrize("name", FORMULAS)
def test_formula_grammar_accepts(name):
    assert is_formula(name)


@pytest.mark.parametrize("name", NOT_FORMULAS)
def test_formula_grammar_rejects(name):
    assert not is_formula(name)


# --- quotes, honours, overlaps -------------------------------------------------------------

# fmt: off
CASES = [
    ("深化“最多跑一次”改革", [("最多跑一次", "quoted")]),        # the lexicon hit inside is not separate
    ("打造「数字政府」", [("数字政府", "quoted")]),
    ("落实“ 三服务 ”活动", [("三服务", "formula")]),             # padding inside the quotes trimmed
    ("推动“互联网＋医疗”", [("互联网＋医疗", "quoted")]),
    ("深入推进“三大革命”，结合三改一拆等工作", [("三大革命", "formula"), ("三改一拆", "formula")]),
    ("他说“我们一定要把这件事办好办实”。", []),                    # a sentence
    ("提出“在推进中国式现代化中走在前、做示范”的要求", [("中国式现代化", "lexicon")]),  # too long
    ("“桃源蜜桃”获评国家地理标志保护产品。", [("国家地理标志保护产品", "honour")]),
    ("3项工程获评市级优质工程。", [("市级优质工程", "honour")]),
    ("我局获得全省先进集体、全市先进单位等荣誉。", [("全省先进集体", "honour"), ("全市先进单位", "honour")]),
    ("荣获“XX”称号。", []),
    # a quoted sum of numbers names a system (3+2 industries); a bare quoted number nothing
    ("构建“3+2”现代化产业体系，推动“14+1”重点产业链", [("3+2", "quoted"), ("14+1", "quoted")]),
    ("拨打“12345”热线", []),
    # …unless a system noun follows it within a few words (“1269”行动计划)
    ("深化“1269”行动计划，构建“1188”现代化产业体系，出台“21”条措施", [("1269", "quoted"), ("1188", "quoted")]),
    ("落实“132”总体工作部署，开通“12345”政务服务便民热线", [("132", "quoted")]),
    ("入选率达到90%。", []),
    ("印发《关于“最多跑一次”改革的决定》", [("关于“最多跑一次”改革的决定", "document")]),
    ("推动长三角一体化发展", [("长三角一体化", "lexicon")]),
    ("成立市乡村振兴局", []),                                        # an office's name
    ("坚持政府过紧日子，严格遵守中央八项规定", [("紧日子", "lexicon"), ("八项规定", "formula")]),
    # inside quotes a count may lead a name, and places pair (一江一河); 百日 stays a quantity
    ("编制治安“三张图”，清算“四人帮”，推进“千名医师下基层”", [("三张图", "formula"),
     ("四人帮", "formula"), ("千名医师下基层", "formula")]),
    ("打造“一江一河”生活秀带，实行“一县一策”，开展“百日攻坚”",
     [("一江一河", "formula"), ("一县一策", "formula"), ("百日攻坚", "quoted")]),
    # someone else's words: quotes after 所谓, 打着 in their clause name nothing; formulas
    # still do (所谓“两个中国”)
    ("反对所谓“倾销”和“经济扩张”的叫嚷", []),
    ("打着“社会主义”和“支援革命”的旗号", []),
    ("制造所谓“两个中国”的阴谋", [("两个中国", "formula")]),
    ("所谓的问题已经解决，推进“数字政府”建设", [("数字政府", "quoted")]),  # another clause
    # a formula the report quotes is a formula where it stands without quotes too
    ("推进“三网融合”。三网融合、云计算试点示范", [("三网融合", "formula"), ("三网融合", "formula")]),
    # unquoted numeral-led formulas by their shape: a numeral, 大 or a measure word and 大, a
    # short noun with a formula head; a round numeral and a unit of time (SPEC §2)
    ("（一）精准发力，七大攻坚成效凸显按照区委部署", [("七大攻坚", "formula")]),
    ("做好金融四篇大文章", [("四篇大文章", "formula")]),
    ("开展百日攻坚行动", [("百日攻坚", "formula")]),
    ("开展“百日攻坚”", [("百日攻坚", "quoted")]),          # SPEC: quoted, the seed's
    ("培育三大先导产业和十大重点节能工程", [("三大先导产业", "formula"), ("十大重点节能工程", "formula")]),
    # traps: a count of time, a count before a noun phrase, a count that opens a list,
    # 一大批, an ordinal, a congress
    ("实施城乡融合三年行动", []), ("抓住两个重点任务", []), ("重点抓好以下三大任务", []),
    ("推进三大任务：一是", []), ("新建一大批项目", []), ("世界第二大产业", []),
    ("学习党的二十大精神", []), ("形成六个大区的经济体系", []),
    # a count of the list before it, and a later count that refers back to that list
    ("壮大新能源、新材料两大主导产业，力争两大产业产值翻番", []),
    ("发展茶叶、蔬菜和中药材三大特色产业", []),
    ("统筹发展和安全，推进七大攻坚", [("七大攻坚", "formula")]),
    # traditional script matches the same lexicon; norm is simplified
    ("推進掃黑除惡專項鬥爭", [("掃黑除惡", "lexicon")]),
    ("堅持兩個維護", [("兩個維護", "formula")]),
    # where two names overlap the longest is the campaign
    ("坚决打赢精准脱贫攻坚战", [("精准脱贫攻坚战", "lexicon")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cases(text, expected):
    assert names(text) == expected


#: Found in real reports (../shared/corpora): paired-looking prose that is not a formula.
# fmt: off
BUGS_CAUGHT = [
    ("推进长三角一体化", [("长三角一体化", "lexicon")]),   # was 三角一体 (pair)
    ("赋能千行百业", []), ("防止千篇一律", []), ("两岸双向交流", []), ("四川三大片区", []),
    ("入选人数创历史新高", []), ("入选数量全国第一", []),
    # the genre of real reports (docs/elements.md "Campaigns: on real reports"), in our words:
    # an awarder between 被 and 授予; a quoted title after who gives it; two titles joined by
    # 和; a level before the batch; what an award qualifies
    ("被市政府授予城市绿化先进单位，", [("城市绿化先进单位", "honour")]),
    ("被授予云溪省“云岭楷模”荣誉称号", [("云岭楷模", "honour")]),
    ("被授予省“五一劳动奖章”和集团公司“服务之星”。",
     [("五一劳动奖章", "honour"), ("服务之星", "honour")]),
    ("获评省级第3批“美丽渔村”示范基地", [("“美丽渔村”示范基地", "honour")]),
    ("成为首个荣获国际园林城市大奖的亚洲城市", [("国际园林城市大奖", "honour")]),
    # a campaign inside the name of a body, a body, a quantity, a medium
    ("省推进“一带一路”建设工作领导小组其他成员单位", []),
    ("市推动长江经济带发展领导小组", []),
    ("成立“云岭电力党建联盟”", []), ("每天至少学习“1小时”", []),
    ("被“云岭之声”等媒体报道", []),
    # what the whole corpus's diff showed: a run cut at its length loses its last piece; a
    # count before a body's head, a policy package, a label, a quantity that names a circle
    ("被市政府授予2020年度全市招商引资贡献一等奖、工业经济发展贡献一等奖、城乡建设管理一等奖、生态环境保护一等奖。",
     [("2020年度全市招商引资贡献一等奖", "honour"), ("工业经济发展贡献一等奖", "honour"),
      ("城乡建设管理一等奖", "honour")]),
    ("融入雄安新区金融创新等3个领导小组", [("雄安新区", "lexicon")]),
    ("出台“30条”措施", [("30条", "quoted")]), ("查处“影子公司”问题", [("影子公司", "quoted")]),
    ("推进“15分钟”就业服务圈建设", [("15分钟", "quoted")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[c[0] for c in BUGS_CAUGHT])
def test_bugs_caught(text, expected):
    assert names(text) == expected


def test_traditional_names_have_the_simplified_norm_and_first_year():
    found = find_campaigns("推進掃黑除惡專項鬥爭，實施鄉村振興戰略")
    assert [(c.text, c.norm) for c in found] == [("掃黑除惡", "扫黑除恶"), ("鄉村振興", "乡村振兴")]
    lex = default_lexicon()
    assert "掃黑除惡" in lex and lex.first_year("掃黑除惡") == lex.first_year("扫黑除恶")


def test_overlapping_names_give_the_longest(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("精准脱贫\n脱贫攻坚战\n", encoding="utf-8")
    # leftmost would give 精准脱贫; the longer 脱贫攻坚战 overlaps it and wins
    assert names("打赢精准脱贫攻坚战", lexicon=load_lexicon(path)) == [("脱贫攻坚战", "lexicon")]


def test_norm_folds_quotes_width_and_spacing():
    assert normalise("“互联网＋医疗”") == normalise("互联网+医疗") == "互联网+医疗"
    assert normalise("城乡携手 同步课堂") == "城乡携手同步课堂"
    assert normalise("Made  in China") == "Made in China"
    a, b = find_campaigns("“十四五”开局"), find_campaigns("十四五规划")
    assert a[0].norm == b[0].norm == "十四五"


# --- lexicons ------------------------------------------------------------------------------


def test_shipped_lexicon_is_large_with_years():
    lex = default_lexicon()
    assert len(lex) >= 300
    for name in ("四个全面", "放管服", "六稳六保", "三大攻坚战", "双碳", "乡村振兴", "一带一路",
                 "供给侧结构性改革", "两学一做", "不忘初心、牢记使命", "最多跑一次"):  # fmt: skip
        assert name in lex, name
    assert lex.first_year("一带一路") == 2013 and lex.first_year("三服务") is None


def test_recent_national_slogans_are_found_unquoted():
    text = (
        "培育低空经济、银发经济和首发经济，加快建设全国统一大市场，坚持投资于人，实施城市更新行动。"
    )
    assert [(c.text, c.kind) for c in find_campaigns(text)] == [
        ("低空经济", "lexicon"), ("银发经济", "lexicon"), ("首发经济", "lexicon"),
        ("全国统一大市场", "lexicon"), ("投资于人", "lexicon"), ("城市更新行动", "lexicon"),
    ]  # fmt: skip
    assert default_lexicon().first_year("全国统一大市场") == 2022
    # numeral-led names of the lexicon are formulas; 保交房 came after 保交楼
    text = "统筹国内国际两个大局，全面完成保交房任务，深化双拥共建。"
    assert [(c.text, c.kind) for c in find_campaigns(text)] == [
        ("两个大局", "formula"), ("保交房", "lexicon"), ("双拥", "formula"),
    ]  # fmt: skip
    assert default_lexicon().first_year("保交房") == 2024


def test_names_of_earlier_decades_are_in_the_lexicon():
    # the State Council reports of the 1950s-2000s name their campaigns without quotes
    text = "一九五八年的大跃进，坚持总路线，实现四个现代化，贯彻调整、改革、整顿、提高的方针，推进节能减排。"
    assert [(c.text, c.kind) for c in find_campaigns(text)] == [
        ("大跃进", "lexicon"), ("总路线", "lexicon"), ("四个现代化", "formula"),
        ("调整、改革、整顿、提高", "lexicon"), ("节能减排", "lexicon"),
    ]  # fmt: skip
    lex = default_lexicon()
    assert (lex.first_year("大跃进"), lex.first_year("和平共处五项原则")) == (1958, 1954)


def test_user_lexicon_adds_names(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# 本地口号\n青石速度 100 cp\n桃源样板\n\n", encoding="utf-8")
    text = "打造青石速度，建设桃源样板，推进乡村振兴"
    assert names(text) == [("乡村振兴", "lexicon")]
    rules = with_lexicon(default_rules(), path)
    assert [n for n, _ in names(text, rules=rules)] == ["青石速度", "桃源样板", "乡村振兴"]
    only = load_lexicon(path)
    assert [n for n, _ in names(text, lexicon=only)] == ["青石速度", "桃源样板"]
    both = load_lexicon(path, base=default_lexicon())
    assert len(names(text, lexicon=both)) == 3
    # a user's names match in traditional script too, with the simplified norm
    found = find_campaigns("建設桃源樣板", rules=rules)
    assert [(c.text, c.norm) for c in found] == [("桃源樣板", "桃源样板")]


def test_lexicon_prefers_the_longest_name(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("脱贫攻坚\n脱贫攻坚战\n", encoding="utf-8")
    assert names("打赢脱贫攻坚战", lexicon=load_lexicon(path)) == [("脱贫攻坚战", "lexicon")]


def test_a_pattern_directory_without_campaigns_finds_none(tmp_path):
    from extractor.rules.loader import load_rules

    (tmp_path / "outline.toml").write_text("", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert find_campaigns("深化“放管服”改革", rules=rules) == []
    assert len(default_lexicon(rules)) == 0


def test_bad_campaign_pattern_names_its_key(tmp_path):
    import shutil

    from extractor.rules.loader import load_rules

    src = default_rules().directory
    shutil.copytree(src, tmp_path / "p")
    toml = tmp_path / "p" / "campaigns.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("《(?P<q>", "《(?P<q", 1), encoding="utf-8"
    )
    with pytest.raises(
        RuleError, match=r"campaigns\.toml: \[campaigns\.patterns\] key 'document': pattern"
    ):
        load_rules(tmp_path / "p")


def test_missing_lexicon_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="lexicon file not found"):
        with_lexicon(default_rules(), tmp_path / "nope.txt")


# --- properties ----------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("一二两三四五六七八九十双百千万零第个是年月日项大批线抓改拆稳保学做山")
                           + list("“”\"「」《》、，。；X×0123456789 \n+被评为获评荣获称号入围乡村振兴放管服"))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(ALPHABET, max_size=80).map("".join)))
def test_never_raises_and_spans_hold(text):
    found = find_campaigns(text)
    last = 0
    for i, c in enumerate(found, 1):
        assert c.campaign_id == f"k{i}"
        assert text[c.start : c.end] == c.text and c.text
        assert c.start >= last  # in order, not overlapping
        last = c.end
        assert c.kind in {"formula", "quoted", "lexicon", "document", "honour"}


# --- the annotated sample corpus -----------------------------------------------------------

ANNOTATED = [
    p for p in (find_annotations(CORPORA) if (CORPORA / "annotations").is_dir() else [])
    if "campaigns" in load_annotation(p).elements
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus():
    if not ANNOTATED:
        pytest.skip("no document in corpora/annotations annotates campaigns")
    pairs = []
    for path in ANNOTATED:
        ann = load_annotation(path)
        report = parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path))
        pairs.append((ann, replace(report, campaigns=tuple(find_campaigns(report.text)))))
    return score(pairs)


def _explain(result) -> str:
    misses = [m for m in result.misses if m.element == "campaigns"]
    return "\n".join([result.table(), *(f"{m.document}: {m.kind} {m.description}" for m in misses)])


def test_corpus_campaign_f1_floor(corpus):
    assert corpus.scores["campaigns"].f1 >= 0.85, _explain(corpus)


def test_corpus_campaign_kind_accuracy(corpus):
    assert corpus.accuracies.get("campaign_kind", 0.0) >= 0.90, _explain(corpus)


def test_campaigns_table_has_spec_columns():
    report = parse("2020年工作总结\n一、主要成效\n一是深化“放管服”改革，打造“X+避暑”品牌。\n")
    report = replace(report, campaigns=tuple(find_campaigns(report.text)))
    df = report.tables()["campaigns"]
    # SPEC §4, with the element's id and its rule (as every element table)
    assert list(df.columns) == ["doc_id", "campaign_id", "section_id", "measure_id", "text",
                                "norm", "kind", "has_placeholder", "rule", "start", "end"]  # fmt: skip
    assert df["text"].tolist() == ["放管服", "X+避暑"] and df["has_placeholder"].tolist() == [
        False,
        True,
    ]


def test_annotation_anchor_resolves_to_the_name(tmp_path):
    import json

    (tmp_path / "annotations").mkdir()
    text = "深化“最多跑一次”改革，打造“最多跑一次”升级版。\n"
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    entries = [
        {"anchor": "“最多跑一次”改革", "text": "最多跑一次", "kind": "quoted"},
        {"anchor": "“最多跑一次”升级", "text": "最多跑一次", "kind": "lexicon"},
    ]
    body = {"file": "doc.txt", "encoding": "utf-8", "campaigns": entries}
    (tmp_path / "annotations" / "doc.json").write_text(json.dumps(body), encoding="utf-8")
    ann = load_annotation(tmp_path / "annotations" / "doc.json")
    first, second = ann.elements["campaigns"]
    assert (first.start, second.start) == (3, text.rindex("最多跑一次"))
    report = replace(parse(text), campaigns=tuple(find_campaigns(text)))
    result = score([(ann, report)])
    assert result.scores["campaigns"].f1 == 1.0 and result.accuracies["campaign_kind"] == 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新入选国家5G工厂29家、卓越级智能工厂10家。", ["国家5G工厂", "卓越级智能工厂"]),
        ("入选国家重大人才工程人数位居全国前列。", ["国家重大人才工程"]),
        ("被评为省劳动模范的有三万八千五百多人。", ["省劳动模范"]),
        ("荣获“通商中国企业奖”；", ["通商中国企业奖"]),
    ],
)
def test_an_honour_stops_before_the_count_of_its_awardees(text, expected):
    found = [c for c in find_campaigns(text) if c.kind == "honour"]
    assert [c.text for c in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "污染防治攻坚战成效考核连续三年获评优秀。",
        "河湖长制工作连续两年获评良好等次（全市排名第3）。",
        "三家医院在绩效考核中获评A级以上、数量全省第一。",
        "食品安全考核连续获评国家A级。",
        "服务热线获评全国最高等级A+级。",
        "入选国家重点实验室数量居全省首位。",
    ],
)
def test_a_grade_or_a_rank_after_a_cue_is_no_honour(text):
    assert [c.text for c in find_campaigns(text) if c.kind == "honour"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count inside a quoted name is part of it; a 、 outside quotes splits titles
        ("先后荣获“五个一工程”奖、文华奖等12项大奖。", ["“五个一工程”奖", "文华奖"]),
        ("获评“时代楷模”、全国道德模范称号。", ["时代楷模", "全国道德模范"]),
        ("服务站获评“省级百家红色服务站”。", ["省级百家红色服务站"]),
        # 第一个 is an ordinal, not a count of awardees
        ("荣获全省第一个智慧城市创新奖。", ["全省第一个智慧城市创新奖"]),
        # a count before the title says how many were named
        (
            "获评3个国家生态文明建设示范区、全国美丽河湖。",
            ["国家生态文明建设示范区", "全国美丽河湖"],
        ),
        # a part that is a new clause with its own cue is not a title
        ("12个党组织获评“五星级”党组织、7个党组织获评市级示范点。", ["“五星级”党组织"]),
    ],
)
def test_honour_titles_split_and_cut_around_quotes_counts_and_clauses(text, expected):
    assert [c.text for c in find_campaigns(text) if c.kind == "honour"] == expected


#: An invented paragraph in traditional script, as Hong Kong and Macao texts and the
#: 1950s reports write: the same campaigns as the simplified text, with simplified norms.
TRADITIONAL = (
    "過去一年，我們深入推進掃黑除惡專項鬥爭，全面實施鄉村振興戰略，"
    "紮實推進七大攻堅，深化“放管服”改革，增強四個意識。"
)


def test_a_traditional_script_paragraph_gives_the_simplified_campaigns():
    found = [(c.text, c.norm, c.kind) for c in find_campaigns(TRADITIONAL)]
    assert found == [
        ("掃黑除惡", "扫黑除恶", "lexicon"), ("鄉村振興", "乡村振兴", "lexicon"),
        ("七大攻堅", "七大攻坚", "formula"), ("放管服", "放管服", "quoted"),
        ("四個意識", "四个意识", "formula"),
    ]  # fmt: skip
