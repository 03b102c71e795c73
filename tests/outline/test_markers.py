"""What a marker is lives in the [[section]] and [[measure]] rules only: a new rule in a
user's pattern directory is a marker for every step that reads markers, with no Python
edit (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import regex

from extractor import parse
from extractor.errors import RuleError
from extractor.rules import default_patterns_dir, default_rules, load_rules

ZHUA = """
[[measure]]
id = "measure.zhua"
description = "一抓…二抓…"
family = "zhua"
pattern = '''(?P<num>{cn_ordinal})抓'''
needs = "抓"
examples = [{ text = "一抓签约", num = "一" }]
counterexamples = ["紧抓落实"]
"""

# A heading whose title runs on into its first item: the title ends before 一抓.
TEXT = (
    "云溪县2023年工作总结\n一、主要成效\n"
    "（一）加强项目建设一抓签约，全年签约项目50个。二抓开工，新开工项目30个。\n"
    "（二）优化营商环境\n办结事项3000件。\n"
)


def _with_zhua(tmp_path: Path) -> Path:
    directory = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), directory)
    (directory / "zz_mine.toml").write_text(ZHUA, encoding="utf-8")
    return directory


def test_one_new_measure_rule_is_a_marker_everywhere(tmp_path):
    before = parse(TEXT)
    assert [s.title for s in before.sections][1] == "加强项目建设一抓签约，全年签约项目50个"
    assert not before.measures
    rules = load_rules(_with_zhua(tmp_path))
    report = parse(TEXT, rules=rules)
    # the measures come out …
    assert [(m.marker, m.ordinal, m.headline) for m in report.measures] == [
        ("一抓", 1, "签约，全年签约项目50个"),
        ("二抓", 2, "开工，新开工项目30个"),
    ]
    # … the glued heading's title ends before the first item …
    assert [s.title for s in report.sections] == ["主要成效", "加强项目建设", "优化营商环境"]
    # … and the class of markers every vocabulary entry can use holds the new rule
    assert regex.fullmatch(rules.template("measure_marker"), "三抓")
    assert not regex.fullmatch(default_rules().template("measure_marker"), "三抓")


# fmt: off
MARKERS = [
    # (derived template, text, the marker it opens with, or None)
    ("measure_marker", "一是加强", "一是"), ("measure_marker", "十二要严格", "十二要"),
    ("measure_marker", "第三，强化", "第三，"), ("measure_marker", "其二，加快", "其二，"),
    ("measure_marker", "首先，要", "首先，"), ("measure_marker", "一要求", None),
    ("measure_marker", "——经济平稳", None),  # a dash item is no enumeration marker
    ("heading_marker", "一、总结", "一、"), ("heading_marker", "(二)做法", "(二)"),
    ("heading_marker", "3.抓项目", "3."), ("heading_marker", "(4)招商", "(4)"),
    ("heading_marker", "第一部分", "第一部分"), ("heading_marker", "1.5万元", None),
    ("heading_marker", "结束语", None),  # a whole-line heading has no marker
]
# fmt: on


@pytest.mark.parametrize(("name", "text", "marker"), MARKERS)
def test_the_derived_marker_classes(name, text, marker):
    m = regex.match(default_rules().template(name), text)
    assert (m.group() if m else None) == marker


def test_the_derived_classes_hold_no_capturing_names():
    for name in ("measure_marker", "heading_marker"):
        assert "?P<" not in default_rules().template(name)


def test_a_derived_template_cannot_be_written_by_hand(tmp_path):
    (tmp_path / "t.toml").write_text("[templates]\nmeasure_marker = 'x'\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"measure_marker.*derived from the marker rules"):
        load_rules(tmp_path)


def test_a_vocabulary_entry_may_use_a_derived_template(tmp_path):
    directory = _with_zhua(tmp_path)
    (directory / "zz_more.toml").write_text(
        "[layout.glued_opener]\npatterns = ['(?:{measure_marker})x']\nexamples = ['二抓x']\n",
        encoding="utf-8",
    )
    assert "二抓x" in regex.findall(
        load_rules(directory).vocab("layout.glued_opener").alternation(), "二抓x"
    )
