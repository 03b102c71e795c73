"""The audit rules (extractor/audit/checks.py): each on crafted text, the seed, the real reports."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from conftest import CORPORA, SHARED_REASON, shared_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.audit.checks import (
    DOCUMENT_RULES,
    RULES,
    RepeatedText,
    audit,
    audit_rules,
    check_rule_ids,
)
from extractor.audit.messages import messages
from extractor.batch.run import error_report, process_file, run_batch
from extractor.export.tables import report_tables
from extractor.text.fold import fold

HEAD = "2023年工作总结\n一、主要成效\n"
PLAN = "2023年工作总结和2024年工作计划\n一、2024年工作计划\n"
LIST4 = (
    "一是抓项目。全年签约项目12个。\n二是抓民生。新增就业岗位300个。\n"
    "三是抓改革。办件时间缩短一半。\n四是抓党建。开展培训10次。\n"
)

# fmt: off
# (rule, text, the text of each finding of that rule)
POSITIVE = [
    ("placeholder", HEAD + "全年新增企业XX家，XX县完成X月X日的任务。\n", ["XX", "XX", "X", "X"]),
    ("masked_figure", HEAD + "全县实现地区生产总值X亿元，同比增长%，提高个百分点。\n",
     ["X亿元", "增长%", "提高个百分点"]),
    # a figure left out before a scale or a rate, or a blank of spaces typed in its place
    ("masked_figure", HEAD + "全县实现地区生产总值亿元，网上可办率达到%；完成投资　　亿元，高于全省个百分点。\n",
     ["总值亿元", "达到%", "投资　　亿元", "全省个百分点"]),
    ("placeholder", HEAD + "新增学位X,XXX个，石政发〔2023〕X号，发布于2021-XX-XX。\n",
     ["X,XXX", "X", "XX", "XX"]),
    ("template_leftover", HEAD + "全年完成投资（待补充）亿元，此处填写本单位名称。主要指标（略）。TODO 核实。××单位要重视。【 】\n",
     ["待补充", "此处填写", "（略）", "TODO", "××单位", "【 】"]),
    ("count_mismatch", PLAN + "重点抓好以下三个方面：\n" + LIST4, ["三个方面："]),
    ("count_mismatch", "2024年工作计划\n一、主要任务\n重点做好以下两个方面工作：\n（一）抓项目\n签约项目12个。\n"
     "（二）抓民生\n新增岗位300个。\n（三）抓改革\n办件时间缩短一半。\n", ["两个方面工作："]),
    ("numbering_gap", HEAD + "一是项目建设有力推进。签约项目12个。\n二是民生保障持续加强。新增岗位300个。\n"
     "四是营商环境不断优化。办件时间缩短一半。\n", ["四是"]),
    ("numbering_gap", "2023年工作总结\n一、主要成效\n签约项目12个。\n二、存在问题\n发展不平衡。\n四、下步打算\n抓好项目建设。\n",
     ["四、"]),
    ("numbering_repeat", HEAD + "一是项目建设有力推进。签约项目12个。\n二是民生保障持续加强。新增岗位300个。\n"
     "二是营商环境不断优化。办件时间缩短一半。\n", ["二是"]),
    ("parts_exceed_total", HEAD + "全县共建成项目10个，其中新建8个、改建5个。\n", ["10个，其中新建8个、改建5个"]),
    ("rate_out_of_range", HEAD + "森林覆盖率达到105%，城镇化率为62.5%。\n", ["105%"]),
    ("rate_out_of_range", HEAD + "全年新增企业-5家。\n", ["-5家"]),
    ("empty_section", HEAD + "（一）项目建设\n（二）民生保障\n新增就业岗位300个。\n", ["（一）项目建设"]),
    ("empty_section", "2024年政府工作报告\n二、2024年工作安排\n主要预期目标是：\n1.地区生产总值增长6%左右。\n"
     "2.城镇新增就业1.2万人。\n（一）项目建设\n（二）民生保障\n新增就业岗位300个。\n", ["（一）项目建设"]),
]
NEGATIVE = [
    ("placeholder", HEAD + "全年新增企业25家，555X型号投产，7×24小时服务。\n"),
    ("masked_figure", HEAD + "全县实现地区生产总值120亿元，同比增长6.1%，提高两个百分点。\n"),
    ("masked_figure", HEAD + "投资近亿元，新开工亿元以上项目12个，总额达数亿元，增长 1 0 %。\n"),
    ("placeholder", HEAD + "推行“X+1”管理法，更新X光机，替换Windows XP终端，报送XBRL，按3×4米划线。\n"),
    ("template_leftover", HEAD + "有待完善的制度在此处理。【字号：大 中 小】战略稳步推进。\n"),
    ("count_mismatch", PLAN + "重点抓好以下四个方面：\n" + LIST4),
    ("count_mismatch", PLAN + "必须从供给和需求两方面采取有力措施。" + LIST4),
    ("numbering_gap", HEAD + "一是抓项目。签约12个。\n二是抓民生。岗位300个。\n三是抓改革。缩短一半。\n"),
    ("numbering_gap", "2023年工作总结\n一、主要成效\n签约项目12个。\n二、存在问题\n发展不平衡。\n三、下步打算\n抓好项目。\n"),
    ("numbering_repeat", HEAD + "一是抓项目。签约12个。\n二是抓民生。岗位300个。\n三是抓改革。缩短一半。\n"),
    ("parts_exceed_total", HEAD + "全县共建成项目10个，其中新建6个、改建4个。出动人员2448人次，其中党员506人次。\n"),
    ("parts_exceed_total", HEAD + "涉及两块领域共27项指标，其中甲11项，乙16项，14项保持前列。\n"),
    ("rate_out_of_range", HEAD + "森林覆盖率达到65%，投资完成率125.5%，粮食产量增长120%。1-5月新增企业5家。\n"),
    ("empty_section", HEAD + "（一）项目建设\n签约项目12个。\n（二）民生保障\n新增就业岗位300个。\n"),
]
# Parser misses are not the document's fault: the "missing" marker stands in the text.
BUGS_CAUGHT = [
    ("numbering_repeat", HEAD + "一是抓项目。签约12个。\n二是抓民生。岗位300个。\n三是抓改革。（一是）三是抓党建。\n"),
    ("numbering_gap", HEAD + "一是抓项目。签约12个。\n二是抓民生。 \u3000三是xx四是抓改革。\n"),
    # issue 21: the numbered targets of a plan paragraph are list items, not empty headings
    ("empty_section", "2024年政府工作报告\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：\n"
     "1.力争地区生产总值增长6%左右。\n2.城镇新增就业1.2万人。\n3.居民收入与经济增长同步。\n"
     "三、保障措施\n加强组织领导。\n"),
]
# fmt: on


def _texts(text: str, rule: str) -> list[str]:
    return [f.text for f in audit(parse(text), select=[rule])]


@pytest.mark.parametrize(("rule", "text", "expected"), POSITIVE, ids=[r for r, _, _ in POSITIVE])
def test_rule_finds(rule, text, expected):
    assert _texts(text, rule) == expected


@pytest.mark.parametrize(("rule", "text"), NEGATIVE, ids=[r for r, _ in NEGATIVE])
def test_rule_stays_quiet(rule, text):
    assert _texts(text, rule) == []


@pytest.mark.parametrize(("rule", "text"), BUGS_CAUGHT, ids=[r for r, _ in BUGS_CAUGHT])
def test_parser_misses_are_not_reported(rule, text):
    assert _texts(text, rule) == []


def test_every_rule_has_positive_and_negative_cases():
    assert {r for r, _, _ in POSITIVE} == set(DOCUMENT_RULES)
    assert {r for r, _ in NEGATIVE} == set(DOCUMENT_RULES)


PATTERNS = [rule for family in RULES for rule in audit_rules().of(family)]
EXAMPLES = [(r, e) for r in PATTERNS for e in r.examples]
COUNTER = [(r, t) for r in PATTERNS for t in r.counterexamples]


@pytest.mark.parametrize(
    ("rule", "example"), EXAMPLES, ids=[f"{r.id}:{e.text}" for r, e in EXAMPLES]
)
def test_audit_pattern_finds_its_examples(rule, example):
    m = rule.regex.search(fold(example.text))
    assert m is not None, f"{rule.id} misses {example.text!r}"
    for name, value in example.groups.items():
        assert m.group(name) == value


@pytest.mark.parametrize(("rule", "text"), COUNTER, ids=[f"{r.id}:{t}" for r, t in COUNTER])
def test_audit_pattern_rejects_its_counterexamples(rule, text):
    assert rule.regex.search(fold(text)) is None, f"{rule.id} finds {text!r}"


def test_audit_patterns_all_serve_a_rule_and_carry_examples():
    assert len(PATTERNS) >= 8
    for rule in PATTERNS:
        assert rule.family in RULES and rule.examples and rule.counterexamples, rule.id


def test_findings_carry_severity_location_and_sentence():
    text = HEAD + "一是抓项目。全年新增企业XX家。\n二是抓民生。岗位300个。\n"
    report = parse(text, doc_id="d")
    [f] = audit(report, select=["placeholder"])
    assert (f.rule, f.severity, f.doc_id, f.text) == ("placeholder", "error", "d", "XX")
    assert text[f.start : f.end] == f.text and f.sentence == "全年新增企业XX家"
    assert f.section_id == "s1" and f.measure_id == report.measures[0].measure_id


def test_select_skip_and_unknown_rules():
    report = parse(POSITIVE[1][1])
    assert {f.rule for f in audit(report)} == {"placeholder", "masked_figure"}
    assert {f.rule for f in audit(report, skip=["placeholder"])} == {"masked_figure"}
    assert {f.rule for f in audit(report, select=["placeholder"])} == {"placeholder"}
    with pytest.raises(ValueError, match="unknown audit rule 'nope'"):
        audit(report, select=["nope"])
    assert check_rule_ids(["empty_section"]) == ["empty_section"]


def test_failed_document_has_no_findings(tmp_path):
    assert audit(error_report("x", tmp_path / "x.txt", "cannot read")) == []


SHARED_SENTENCE = "全面推进乡村振兴战略实施，农村人居环境整治提升行动取得明显成效"


def test_repeated_text_reports_each_pair_once_with_both_locations():
    a = HEAD + f"{SHARED_SENTENCE}。短句重复一下。\n"
    b = HEAD + f"今年继续抓好项目建设工作。{SHARED_SENTENCE}！\n{SHARED_SENTENCE}。短句重复一下。\n"
    c = HEAD + f"{SHARED_SENTENCE}。\n"
    collector = RepeatedText()
    first = collector.add(parse(a, doc_id="a"))
    [in_b] = collector.add(parse(b, doc_id="b"))
    [in_c] = collector.add(parse(c, doc_id="c"))
    assert first == []
    assert (in_b.rule, in_b.text, in_b.related_doc_id) == ("repeated_text", SHARED_SENTENCE, "a")
    assert b[in_b.start : in_b.end] == SHARED_SENTENCE
    assert a[in_b.related_start : in_b.related_end] == SHARED_SENTENCE
    assert in_c.related_doc_id == "a" and in_c.message == "与a第3行相同"
    assert (in_c.related_line, in_c.line, in_c.column) == (3, 3, 1)


def test_repeated_text_names_the_other_file_and_line():
    collector = RepeatedText(lang="en")
    collector.add(parse(HEAD + f"{SHARED_SENTENCE}。\n", doc_id="x~2", path="县甲/2023.txt"))
    text = HEAD + "短句。\n" + f"{SHARED_SENTENCE}。\n"
    [f] = collector.add(parse(text, doc_id="y", path="县乙/2023.txt"))
    assert (f.path, f.related_path, f.related_line) == ("县乙/2023.txt", "县甲/2023.txt", 3)
    assert f.message == "also in 县甲/2023.txt, line 3" and (f.line, f.column) == (4, 1)


def test_repeated_text_ignores_short_sentences_and_one_document():
    doc = HEAD + f"{SHARED_SENTENCE}。{SHARED_SENTENCE}。短句重复一下。\n"
    collector = RepeatedText()
    assert collector.add(parse(doc, doc_id="a")) == []
    assert collector.add(parse(HEAD + "短句重复一下。\n", doc_id="b")) == []


def test_extract_tables_include_per_document_findings():
    frames = report_tables([parse(POSITIVE[0][1], doc_id="d", path="d.txt")])
    findings = frames["findings"]
    assert Counter(findings["rule"]) == Counter({"placeholder": 4})  # one finding per mask
    # XX家 is a masked claim too: one finding with both reasons
    assert list(findings["rules"]) == ["placeholder,masked_figure", *["placeholder"] * 3]
    assert list(findings["text"]) == ["XX家", "XX", "X", "X"]
    assert findings["doc_id"].eq("d").all() and findings["path"].eq("d.txt").all()
    assert list(findings["line"]) == [3] * 4 and list(findings["column"]) == [7, 11, 16, 18]


def test_rules_that_see_the_same_words_make_one_finding():
    text = HEAD + "全年新增企业XX家，××单位要重视，同比增长%。\n"
    report = parse(text, doc_id="d")
    found = audit(report)
    assert [(f.text, f.rules) for f in found] == [
        ("XX家", "placeholder,masked_figure"),
        ("××单位", "placeholder,template_leftover"),
        ("增长%", "masked_figure"),
    ]
    assert found[0].message == "数字被遮盖：XX；masked_figure：“新增企业”的数值未填：XX家"
    [en, *_] = audit(report, lang="en")
    assert en.message == (
        "masked figure: XX; masked_figure: the figure of 新增企业 is not filled in: XX家"
    )
    # a passage (a repeated sentence, a heading) does not swallow the masks inside it
    outline = "2023年工作总结\n一、主要成效\n（一）XX项目\n（二）民生保障\n新增岗位300个。\n"
    assert [f.rules for f in audit(parse(outline))] == ["empty_section", "placeholder"]


def test_findings_come_in_reading_order_with_heading_path_and_marker():
    text = (
        "2024年工作计划\n二、下半年工作计划\n（一）加快推进重点项目建设和招商引资工作\n"
        "一是抓项目。签约项目XX个。\n二是抓民生。新增岗位300个。\n四是抓改革。完成待补充。\n"
    )
    found = audit(parse(text, path="计划.txt"))
    assert [f.rule for f in found] == ["placeholder", "numbering_gap", "template_leftover"]
    where = [(f.line, f.column, f.heading, f.marker) for f in found]
    heading = "二、下半年工作计划 › （一）加快推进重点项目建设和招商引资工…"
    assert where == [(4, 11, heading, "一是"), (6, 1, heading, "四是"), (6, 9, heading, "四是")]
    lines = text.split("\n")
    for f in found:
        assert lines[f.line - 1][f.column - 1 :].startswith(f.text)


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        audit(parse(HEAD + "新增企业XX家。\n"), lang="fr")


# --- done-when on the seed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(seed_text):
    return parse(seed_text, doc_id="seed")


def test_seed_placeholders_have_kinds(seed_report):
    found = audit(seed_report, select=["placeholder"])
    assert len(found) == len(seed_report.placeholders) == 128
    kinds = Counter(f.message.split("：")[0] for f in found)
    names = {"figure": "数字被遮盖", "date": "日期被遮盖", "name": "名称被遮盖"}
    assert kinds == Counter(names[p.kind] for p in seed_report.placeholders)
    assert len(kinds) == 3


def test_seed_gives_one_finding_per_mask_located_by_line_and_heading(seed_report):
    found = audit(seed_report)
    masks = [f for f in found if "placeholder" in f.rules.split(",")]
    assert len(masks) == len(seed_report.placeholders) == 128
    for p in seed_report.placeholders:  # each mask in exactly one finding
        assert sum(f.start <= p.start and p.end <= f.end for f in masks) == 1
    assert Counter(f.rule for f in found) == Counter({"placeholder": 128, "count_mismatch": 1})
    lines = seed_report.text.split("\n")
    for f in found:
        assert lines[f.line - 1][f.column - 1 :].startswith(f.text.split("\n")[0])
    titled = [f for f in found if f.heading]
    assert len(titled) >= 120 and all(f.heading.startswith(("一、", "二、")) for f in titled)
    assert [f.start for f in found] == sorted(f.start for f in found)  # reading order


def test_seed_count_mismatch_on_five_aspects(seed_report):
    [f] = audit(seed_report, select=["count_mismatch"])
    assert "以下五个方面" in f.sentence
    assert f.message == "引语说“五个方面”（5项），其后列了6项"  # Chinese by default
    assert f.heading.startswith("二、") and f.line > 1 and f.column > 1
    assert len(seed_report.measures_of(f.section_id)) == 6
    [en] = audit(seed_report, select=["count_mismatch"], lang="en")
    assert en.message == "announces 五个方面 (5) but 6 measures follow"


def test_seed_masked_figure_for_every_masked_claim(seed_report):
    spans = {(f.start, f.end) for f in audit(seed_report, select=["masked_figure"])}
    masked = {(c.start, c.end) for c in seed_report.claims if c.masked}
    assert masked and masked <= spans
    merged = {(f.start, f.end) for f in audit(seed_report) if "masked_figure" in f.rules}
    assert masked <= merged


def test_seed_has_no_numbering_gap(seed_report):
    assert audit(seed_report, select=["numbering_gap", "numbering_repeat"]) == []


def test_seed_offsets_hold(seed_report):
    for f in audit(seed_report):
        assert seed_report.text[f.start : f.end] == f.text and f.rule in RULES


# --- the real reports --------------------------------------------------------------------


@pytest.mark.skipif(not shared_files(), reason=SHARED_REASON)
def test_real_reports_audit_without_error():
    collector = RepeatedText()
    documents = rules = 0
    for report in run_batch(shared_files()):
        assert report.document.status == "ok", report.document.error
        found = audit(report) + collector.add(report)
        for f in found:
            assert report.text[f.start : f.end] == f.text and f.sentence
        documents += 1
        rules += len(found)
    assert documents == len(shared_files()) and rules > 0


@pytest.mark.skipif(not shared_files(), reason=SHARED_REASON)
def test_real_lead_in_counts_agree_with_their_lists():
    """Published reports announce their lists right: the lead-ins the rule checks there
    (以下十个方面工作 over ten subsections, 13项任务举措 over 13 measures…) raise nothing."""
    checked = 0
    for path in (p for p in shared_files() if "real" in p.parts):
        report = process_file(path)
        checked += len(audit_rules().first("count_mismatch").findall(fold(report.text)))
        assert audit(report, select=["count_mismatch"]) == [], report.document.doc_id
    assert checked >= 20


def _samples() -> list:
    return [*sorted(CORPORA.glob("*.txt")), *shared_files()]


def test_lead_ins_are_sought_wherever_a_list_follows():
    """The count patterns run only near list starts (lead_in_windows); on every sample and
    real report they find there every lead-in a whole-text scan finds with a list after it."""
    from extractor.audit.checks import _LEAD_GAP, _Context, _list_starts, lead_in_windows

    announced = 0
    for path in _samples():
        ctx = _Context(process_file(path), audit_rules(), messages())
        starts = _list_starts(ctx, {items[0].start: items for items in ctx.lists})
        windows = lead_in_windows(ctx.folded, starts)
        assert all(lo < hi for lo, hi in windows)
        assert all(a[1] < b[0] for a, b in pairwise(windows))
        for pattern in audit_rules().scans("count_mismatch"):
            whole = {
                m.span()
                for m in pattern.finditer(ctx.folded)
                if any(m.end() <= s <= _LEAD_GAP.match(ctx.folded, m.end()).end() for s in starts)
            }
            near = {m.span() for lo, hi in windows for m in pattern.finditer(ctx.folded, lo, hi)}
            assert whole <= near, path.name
            announced += len(whole)
    assert announced >= (20 if shared_files() else 5)  # the reports announce many lists


# --- properties --------------------------------------------------------------------------

AUDIT_PIECES = st.sampled_from(
    ["一、", "二、", "四、", "（一）", "（三）", "一是", "二是", "二是", "四是", "以下三个方面：",
     "共10个，其中", "新建8个、", "改建5个", "覆盖率达105%", "-5家", "同比增长%", "待补充", "【 】",
     "XX", "某某", "。", "；", "\n", "，", "工作总结", SHARED_SENTENCE]
)  # fmt: skip
AUDIT_TEXTS = st.lists(st.one_of(AUDIT_PIECES, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(AUDIT_TEXTS, min_size=1, max_size=3))
def test_audit_never_raises_and_offsets_hold(texts):
    collector = RepeatedText()
    for i, text in enumerate(texts):
        report = parse(text, doc_id=str(i))
        for f in audit(report) + collector.add(report):
            assert report.text[f.start : f.end] == f.text
            assert f.severity == RULES[f.rule]
            assert f.sentence in report.text
