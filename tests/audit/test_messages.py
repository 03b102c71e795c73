"""The findings' messages (patterns/messages.toml): examples, every case on real text, errors."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from extractor import parse
from extractor.audit.checks import RULES, RepeatedText, audit
from extractor.audit.messages import LANGUAGES, messages
from extractor.errors import RuleError
from extractor.rules.loader import default_patterns_dir, load_rules

TEMPLATES = list(messages().templates.values())

HEAD = "2023年工作总结\n一、主要成效\n"
SHARED = "全面推进乡村振兴战略实施，农村人居环境整治提升行动取得明显成效"

# fmt: off
# (rule, text, the Chinese message, the English message): every case of messages.toml
CASES = [
    ("placeholder", HEAD + "新增企业XX个项目。\n", "数字被遮盖：XX", "masked figure: XX"),
    ("placeholder", HEAD + "X月X日召开会议。\n", "日期被遮盖：X", "masked date: X"),
    ("placeholder", HEAD + "XX县完成任务。\n", "名称被遮盖：XX", "masked name: XX"),
    ("masked_figure", HEAD + "全县实现地区生产总值X亿元。\n",
     "“地区生产总值”的数值未填：X亿元", "the figure of 地区生产总值 is not filled in: X亿元"),
    ("masked_figure", HEAD + "其中X万元。\n", "数值未填：X万元", "figure not filled in: X万元"),
    ("masked_figure", HEAD + "同比增长%。\n", "“增长”后缺少数字，只有单位“%”",
     "no figure: 增长 … % without a number"),
    ("template_leftover", HEAD + "完成投资（待补充）。\n", "编辑遗留文字：待补充",
     "editing remnant: 待补充"),
    ("count_mismatch", "2024年工作计划\n一、主要任务\n重点抓好以下两个方面：\n一是抓项目。签约项目12个。\n"
     "二是抓民生。新增岗位300个。\n三是抓改革。办件时间缩短一半。\n",
     "引语说“两个方面”（2项），其后列了3项", "announces 两个方面 (2) but 3 measures follow"),
    ("count_mismatch", "2024年工作计划\n一、主要任务\n重点做好以下两个方面工作：\n（一）抓项目\n签约项目12个。\n"
     "（二）抓民生\n新增岗位300个。\n（三）抓改革\n办件时间缩短一半。\n",
     "引语说“两个方面工作”（2项），其后有3个小标题",
     "announces 两个方面工作 (2) but 3 subsections follow"),
    ("numbering_gap", HEAD + "一是项目建设有力推进。签约项目12个。\n二是民生保障持续加强。新增岗位300个。\n"
     "四是营商环境不断优化。办件时间缩短一半。\n", "编号不连续：二是之后是四是", "四是 skips after 二是"),
    ("numbering_gap", "2023年工作总结\n一、主要成效\n签约项目12个。\n二、存在问题\n发展不平衡。\n四、下步打算\n"
     "抓好项目建设。\n", "标题编号不连续：二、之后是四、", "heading 四、 skips after 二、"),
    ("numbering_repeat", HEAD + "一是项目建设有力推进。签约项目12个。\n二是民生保障持续加强。新增岗位300个。\n"
     "二是营商环境不断优化。办件时间缩短一半。\n", "编号重复：二是与前面的二是相同", "二是 repeats 二是"),
    ("numbering_repeat", HEAD + "（一）抓项目\n签约项目12个。\n（二）抓民生\n新增岗位300个。\n（二）抓改革\n"
     "办件时间缩短一半。\n", "标题编号重复：（二）与前面的（二）相同", "heading （二） repeats （二）"),
    ("parts_exceed_total", HEAD + "全县共建成项目10个，其中新建8个、改建5个。\n",
     "分项之和超过总数：8个 + 5个，总数10个", "parts 8个 + 5个 exceed the total 10个"),
    ("rate_out_of_range", HEAD + "森林覆盖率达到105%。\n", "“森林覆盖率”是比率或占比，却为105%",
     "森林覆盖率 is a rate or share but is 105%"),
    ("rate_out_of_range", HEAD + "全年新增企业-5家。\n", "计数为负：-5家", "negative count: -5家"),
    ("empty_section", HEAD + "（一）项目建设\n（二）民生保障\n新增就业岗位300个。\n",
     "标题“（一）项目建设”下没有内容", "heading （一）项目建设 has no text"),
]
# fmt: on


@pytest.mark.parametrize("template", TEMPLATES, ids=[f"{t.rule}.{t.case}" for t in TEMPLATES])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_example_renders_as_written(template, lang):
    rendered = messages().say(template.rule, template.case, lang, **template.example)
    assert rendered == template.rendered[lang]


def test_every_rule_has_messages_in_both_languages_that_differ():
    assert {t.rule for t in TEMPLATES} == set(RULES)
    for t in TEMPLATES:
        assert t.text["zh"] != t.text["en"], (t.rule, t.case)
        assert t.rule not in t.text["zh"] and t.rule not in t.text["en"]  # shown beside it


@pytest.mark.parametrize(("rule", "text", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_each_case_reads_in_chinese_by_default_and_in_english(rule, text, zh, en):
    report = parse(text)
    assert [f.message for f in audit(report, select=[rule])][:1] == [zh]
    assert [f.message for f in audit(report, select=[rule], lang="en")][:1] == [en]


def test_headings_out_of_order_read_in_both_languages():
    """The outline parser itself keeps headings in order; a report whose headings run
    一、三、二、 (records built by hand) is reported so."""
    text = "2023年工作总结\n一、主要成效\n签约。\n三、存在问题\n不平衡。\n二、下步打算\n抓好。\n"
    report = parse(text.replace("三、", "二、", 1).replace("二、下步", "三、下步"))
    one, two, three = report.sections
    swapped = (
        one,
        replace(two, marker="三、", ordinal=3),
        replace(three, marker="二、", ordinal=2),
    )
    report = replace(report, text=text, sections=swapped)
    for lang, expected in (
        ("zh", ["标题编号不连续：一、之后是三、", "标题编号顺序颠倒：二、排在三、之后"]),
        ("en", ["heading 三、 skips after 一、", "heading 二、 is out of order after 三、"]),
    ):
        found = audit(report, select=["numbering_gap"], lang=lang)
        assert [f.message for f in found] == expected
        assert [(f.text, f.line) for f in found] == [("三、", 4), ("二、", 6)]


def test_cases_cover_every_template():
    seen = {(rule, zh) for rule, _, zh, _ in CASES}
    seen.add(("numbering_gap", "标题编号顺序颠倒：二、排在三、之后"))  # the test above
    for t in TEMPLATES:
        if t.rule == "repeated_text":
            continue  # a batch rule: test_repeated_text_reads_in_both_languages
        prefix = t.text["zh"].split("{")[0]
        assert any(r == t.rule and m.startswith(prefix) for r, m in seen), (t.rule, t.case)


def test_repeated_text_reads_in_both_languages():
    for lang, expected in (("zh", "与a.txt第3行相同"), ("en", "also in a.txt, line 3")):
        collector = RepeatedText(lang=lang)
        collector.add(parse(HEAD + f"{SHARED}。\n", doc_id="a", path="a.txt"))
        [f] = collector.add(parse(HEAD + f"{SHARED}。\n", doc_id="b", path="b.txt"))
        assert f.message == expected


def _patterns_with(tmp_path, old: str, new: str):
    folder = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), folder)
    path = folder / "messages.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_rules(folder)


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ('en = "masked date: {text}"\n', "", r"\[message\.placeholder\.date\].*exactly the keys"),
        ('en = "masked date: {text}"', 'en = "masked date: {txt}"', r"placeholder\.date.*fields"),
        ('{ fields = { text = "XX" },', "{ fields = { },", r"placeholder\.figure.*example\.fields"),
        (
            'zh = "日期被遮盖：{text}"',
            'zh = "日期被遮盖：{text"',
            r"placeholder\.date.*format string",
        ),
    ],
    ids=["missing-en", "fields-differ", "example-fields", "bad-format"],
)
def test_a_broken_message_file_is_an_error_naming_the_table(tmp_path, old, new, error):
    rules = _patterns_with(tmp_path, old, new)
    with pytest.raises(RuleError, match=error):
        messages(rules)
