"""Placeholders: masked runs (X, ××, 某某) and what they stand for; codes that are not masks."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.elements.placeholders import find_placeholders

SEED = Path(__file__).parents[3] / "shared" / "corpora" / "seed" / "000_8a275b04bc339325.txt"
NO_SHARED = "../shared/corpora is not next to this checkout (the seed lives outside the repo)"

# (text, [(placeholder text, kind), ...])
# fmt: off
CASES = [
    # figures: before a unit, a scale or a grade, after 第 or a change word
    ("入户排查总人数X人", [("X", "figure")]),
    ("办结反馈率X%", [("X", "figure")]),
    ("办结反馈率Ｘ％", [("Ｘ", "figure")]),
    ("发放宣传资料X余份", [("X", "figure")]),
    ("防控方案第X版", [("X", "figure")]),
    ("总投资金额达X亿元", [("X", "figure")]),
    ("内资共到位XX万元", [("XX", "figure")]),
    ("改造提升农家乐××家", [("××", "figure")]),
    ("拨付资金＊＊万元", [("＊＊", "figure")]),
    ("升档X星级农家乐", [("X", "figure")]),
    ("同比增长X。", [("X", "figure")]),
    ("连续X年", [("X", "figure")]),
    ("X.X亿元", [("X.X", "figure")]),
    ("分别为X、X和X个", [("X", "figure"), ("X", "figure"), ("X", "figure")]),
    ("惠及群众X户X人", [("X", "figure"), ("X", "figure")]),
    # dates
    ("截至X月XX日", [("X", "date"), ("XX", "date")]),
    ("截至X日医疗机构", [("X", "date")]),
    ("X月XX日上午X时", [("X", "date"), ("XX", "date"), ("X", "date")]),
    ("项目于X年建成", [("X", "date")]),
    ("第X季度", [("X", "figure")]),
    ("X季度", [("X", "date")]),
    # names
    ("公开X县2020年度", [("X", "name")]),
    ("对XX区范围内", [("XX", "name")]),
    ("力争XX主题乐园年底完成", [("XX", "name")]),
    ("紧紧围绕“XX”建设", [("XX", "name")]),
    ("直接从武汉返X人数X人", [("X", "name"), ("X", "figure")]),
    ("XX等落户X。", [("XX", "name"), ("X", "name")]),
    ("“X+避暑”", [("X", "name")]),
    ("X和X村获评", [("X", "name"), ("X", "name")]),
    ("某某公司", [("某某", "name")]),
    ("某县", [("某", "name")]),
    ("○○县", [("○○", "name")]),
    ("□□村", [("□□", "name")]),
    ("xx乡", [("xx", "name")]),
    ("“××”项目", [("××", "name")]),  # a quoted mask stays one, unlike “数据要素×”
    ("共计×万元", [("×", "figure")]),
    # a masked number is one placeholder over the whole written number (SPEC §2)
    ("资产总额1X亿元", [("1X", "figure")]),
    ("新增市场主体3X家", [("3X", "figure")]),
    ("实现营业收入1XX.10亿元", [("1XX.10", "figure")]),
    ("完成重点项目6X项", [("6X", "figure")]),
    ("累计投资XXX.XX亿元", [("XXX.XX", "figure")]),
    ("同比增长12.X%", [("12.X", "figure")]),
    ("共拨付1××万元", [("1××", "figure")]),
    ("涉及货值X亿，", [("X", "figure")]),
    # ○ beside a scale is a mask; inside a Chinese numeral it is the digit zero
    ("完成投资○○亿元", [("○○", "figure")]),
    ("○○万元用于", [("○○", "figure")]),
    # a masked date keeps one span per field; a masked year is whole
    ("202X年X月XX日", [("202X", "date"), ("X", "date"), ("XX", "date")]),
    # masked telephone numbers: the digit run with its mask, one part after a hyphen
    ("联系电话：0731-552XXXX）", [("552XXXX", "figure")]),
    ("电话：86512-XXXX、1390731XXXX）", [("XXXX", "figure"), ("1390731XXXX", "figure")]),
    # session 16, the masked drafts (corpora/21–25): a number with a thousands separator is
    # one mask; a document's serial number is a figure, a numeric date's fields are dates
    ("新增学位X,XXX个", [("X,XXX", "figure")]),
    ("人均可支配收入1X,XXX元", [("1X,XXX", "figure")]),
    ("研发投入12,XXX万元", [("12,XXX", "figure")]),
    ("惠及居民X,XXX,XXX户", [("X,XXX,XXX", "figure")]),
    ("石政办发〔2023〕X号", [("X", "figure")]),
    ("联系电话：0XXX-XXXXXXX", [("0XXX", "figure"), ("XXXXXXX", "figure")]),
    ("发布时间：2021-XX-XX", [("XX", "date"), ("XX", "date")]),
    ("紧扣“XX强县”目标", [("XX", "name")]),  # a slogan's masked word, not a rank
    ("进入全国XX强", [("XX", "figure")]),
    # a clock (上午X点, X点X分, XX:XX), a school year; a serial number (X号文件) but after a
    # month a day; grades, anniversaries and shares in tenths; a ratio is no clock
    ("上午X点召开", [("X", "date")]),
    ("下午X点XX分", [("X", "date"), ("XX", "date")]),
    ("会议于XX:XX开始", [("XX", "date"), ("XX", "date")]),
    ("20XX-20XX学年", [("20XX", "date"), ("20XX", "date")]),
    ("根据市委X号文件", [("X", "figure")]),
    ("XX号楼", [("XX", "figure")]),
    ("X月X号前", [("X", "date"), ("X", "date")]),
    ("庆祝建校XX周年", [("XX", "figure")]),
    ("X年级学生", [("X", "figure")]),
    ("合格率提高X成。", [("X", "figure")]),
    ("XX成立于", [("XX", "name")]),
    ("配比为1:X", [("X", "name")]),
    # an item's number before a masked name is no masked decimal (1.XX公司); before a unit it is
    ("一、重点任务\n1.XX公司完成改制", [("XX", "name")]),
    ("完成改制。2.XX县：新建", [("XX", "name")]),
    ("资产总额1.XX亿元", [("1.XX", "figure")]),
    ("3.XX万元用于", [("3.XX", "figure")]),
    ("新建X～X个", [("X", "figure"), ("X", "figure")]),  # a full-width tilde joins a range
]
# Not masks: letters in codes and words, multiplication signs, zero digits, icons.
NOT_MASKS = [
    "“555X”产业发展格局", "1+N+X", "双尖双领+X项目", "硬X射线", "X光机", "XXL码", "Xbox",
    "PM2.5", "4A级景区", "Ⅳ级响应", "APP", "3×4", "7×24小时", "4 × 4", "3*5", "二○二○年",
    "一九五○年", "二百○八所", "某些地方", "某种程度上", "某一方面", "分享到微信 × 相关文档",
    "□ 是", "“4×4”现代化产业体系",
    # an operator closing a campaign name, as + does; 某 in 某几种; x in a garbled word
    "深入实施“数据要素×”和“人工智能+”行动", "开展数据要素×行动", "采取某一种或某几种措施",
    "ｘī铜片",
    # operations and codes beside digits: a multiplication, a model's number, a code name
    "建设2×66万千瓦机组", "1920x1080分辨率", "宝马X5车型", "打造“415X”产业集群", "5XL码",
    # Markdown emphasis and bullets in a converted page are markup, no masks
    "| **活动时间** | **活动主题** |", "| **年度计划****** | 已完成 |", "* 列表项",
    "**工作总结**",
    # session 16: a formula's term, the tenth of a Roman list (its breaks kept or lost), a
    # bullet opening a sentence, a comma between figures that are no group of thousands
    "推行“X+1”班组管理法", "“1+X”证书", "IX. 保密管理\nX. 档案数字化", "VIII. 文明生产IX. 保密管理X. 档案",
    "完成年度任务。○强化经费保障。", "三、保障措施\n○加强组织领导。",
]
# fmt: on


#: Found in real reports (../shared/corpora), rewritten as our own sentences of the genre.
# fmt: off
BUGS_CAUGHT = [
    # a Markdown blog post's bold table cells had been 42 masks
    ("| **项目名称** | **完成情况** |\n| **招新计划****** | 已完成 |", []),
    # masked telephone numbers of a company's contact line: the digits went, or a name
    ("（联系人：XXX，联系电话：0931-766XXXX）", [("XXX", "name"), ("766XXXX", "figure")]),
    ("电话：76512-XXXX、1369310XXXX）", [("XXXX", "figure"), ("1369310XXXX", "figure")]),
    # a multiplication of two numbers before a unit, a code name in quotes
    ("推进东电2×60万千瓦热电联产", []), ("构建“316X”先进制造业集群", []),
    # a Markdown list that lost its line breaks: the next item's bullet ran into the mask
    ("* 电脑技术：XXX* 编程技术：XXX* 网页制作：XXX", [("XXX", "name")] * 3),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[t for t, _ in BUGS_CAUGHT])
def test_bugs_caught(text, expected):
    assert [(p.text, p.kind) for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t for t, _ in CASES])
def test_placeholder_kinds(text, expected):
    found = find_placeholders(text)
    assert [(p.text, p.kind) for p in found] == expected


@pytest.mark.parametrize("text", NOT_MASKS)
def test_not_masks(text):
    assert find_placeholders(text) == []


def test_records_hold_their_spans_sentences_and_ids():
    text = "上半年共完成项目签约X个。\n截至X月X日，XX区排查X人；完成！"
    found = find_placeholders(text)
    assert [p.placeholder_id for p in found] == ["p1", "p2", "p3", "p4", "p5"]
    for p in found:
        assert text[p.start : p.end] == p.text
        assert p.section_id is None and p.measure_id is None
        assert p.rule.startswith(f"placeholder.{p.kind}")
    assert found[0].sentence == "上半年共完成项目签约X个"
    assert found[1].sentence == found[4].sentence == "截至X月X日，XX区排查X人"


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(NO_SHARED)
    return SEED.read_text(encoding="utf-8")


def test_every_mask_in_the_seed_is_a_placeholder_with_a_kind(seed):
    found = find_placeholders(seed)
    runs = [m.span() for m in regex.finditer(r"[XＸ×]+", seed)]
    assert [(p.start, p.end) for p in found] == runs
    assert all(p.kind in ("figure", "date", "name") for p in found)
    kinds = {k: sum(p.kind == k for p in found) for k in ("figure", "date", "name")}
    assert kinds == {"figure": 49, "date": 10, "name": 69}


def test_seed_traps(seed):
    by_start = {p.start: p for p in find_placeholders(seed)}
    at = seed.index("返X人数X人") + 1
    assert (by_start[at].text, by_start[at].kind) == ("X", "name")
    assert by_start[at + 3].kind == "figure"
    version = seed.index("第X版") + 1
    assert by_start[version].kind == "figure"
    for anchor in ("X县2020", "XX区范围", "XX主题乐园", "“XX”建设"):
        assert by_start[seed.index(anchor) + anchor.index("X")].kind == "name", anchor
    day = seed.index("X月XX日上午X时")
    assert [by_start[day + i].kind for i in (0, 2, 7)] == ["date", "date", "date"]


MASKY = st.sampled_from(["X", "XX", "×", "＊", "某", "○", "□", "x", "Ｘ", "人", "%", "年", "月",
                         "日", "第", "“", "”", "+", "3", "二", "。", "，", " ", "\n", "万元"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MASKY, st.text(max_size=4)), max_size=30).map("".join))
def test_never_raises_and_spans_hold(text):
    found = find_placeholders(text)
    for p in found:
        assert text[p.start : p.end] == p.text
        assert p.text and p.kind in ("figure", "date", "name")
        assert "\n" not in p.sentence
    assert [p.placeholder_id for p in found] == [f"p{i}" for i in range(1, len(found) + 1)]


# --- masked numbers are claims (SPEC §2: masked=True, value None, the whole number) ----------

#: An invented draft in the genre's style, its figures masked as auditors' drafts mask them.
MASKED_DRAFT = (
    "一、上半年工作总结\n"
    "上半年，全区实现地区生产总值1X亿元，同比增长X.X%；新增市场主体3X家，"
    "完成重点项目6X项，累计完成投资XXX.XX亿元，规上工业营业收入1XX.10亿元。"
    "查处假冒伪劣案件X起，涉及货值X亿，向上争取资金○○亿元。"
    "截至202X年X月XX日，联系电话：0731-552XXXX。\n"
)
# (value_text, unit) of every masked claim, in order
# fmt: off
MASKED_CLAIMS = [
    ("1X", "亿元"), ("X.X", "%"), ("3X", "家"), ("6X", "项"), ("XXX.XX", "亿元"),
    ("1XX.10", "亿元"), ("X", "起"), ("X", "亿"), ("○○", "亿元"),
]
# fmt: on


def test_every_masked_number_is_a_masked_claim_over_the_whole_number():
    from extractor import parse

    report = parse(MASKED_DRAFT)
    masked = [c for c in report.claims if c.masked]
    assert [(c.value_text, c.unit) for c in masked] == MASKED_CLAIMS
    assert all(c.value is None for c in masked)
    assert not [c for c in report.claims if not c.masked]  # no digit of a mask read alone
    figures = [p.text for p in report.placeholders if p.kind == "figure"]
    assert figures == [v for v, _ in MASKED_CLAIMS] + ["552XXXX"]
    dates = [p.text for p in report.placeholders if p.kind == "date"]
    assert dates == ["202X", "X", "XX"]
    for c in masked:
        assert MASKED_DRAFT[c.start : c.end] == c.text and c.value_text in c.text


# --- the real outline annotations (placeholders), tuning part: scored, not looked at --------

REAL_OUTLINE = Path(__file__).parents[2] / "corpora" / "annotations" / "real" / "outline"
SHARED = Path(__file__).parents[3] / "shared" / "corpora"


def _gold_spans(text: str, entries: list[dict]) -> set[tuple[int, int]]:
    spans = set()
    for e in entries:
        anchor, hits, i = e["anchor"], [], text.find(e["anchor"])
        while i >= 0:
            hits.append(i)
            i = text.find(anchor, i + 1)
        start = hits[(e.get("occurrence") or 1) - 1] + anchor.index(e["text"])
        spans.add((start, start + len(e["text"])))
    return spans


def test_placeholder_f1_on_the_tuning_reports():
    """F1 over the masks of the annotated real reports the parser may be tuned on (the
    held-out ones are scored by ``workreport evaluate`` only)."""
    import json

    from extractor.io.reading import read_document

    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    tp = fp = fn = 0
    for path in sorted(REAL_OUTLINE.glob("*.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        if ann.get("split") != "tuning" or "placeholders" not in ann:
            continue
        text = read_document(SHARED / ann["source"]).text.replace("\r\n", "\n")
        gold = _gold_spans(text, ann["placeholders"])
        got = {(p.start, p.end) for p in find_placeholders(text)}
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
    assert tp and 2 * tp / (2 * tp + fp + fn) >= 0.98, (tp, fp, fn)
