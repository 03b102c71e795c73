"""Crafted text: the finder of every pattern the parser keeps, and numerals of any length.

Whether a pattern or the whole parse does more than linear work is a matter of time, and
time is measured in ``benchmarks/adversarial.py`` (every pattern that ``tests/adversarial.py``
finds, on strings of its own alphabet, at 10,000 and 100,000 characters), never asserted
here: a test must not depend on the machine's load.  What is asserted here does not: that
the finder sees the patterns where the parser keeps them (so the benchmark covers them), and
that a numeral too long for a figure is refused, and one within the bound read as before.
"""

from __future__ import annotations

import pytest
from adversarial import targets
from conftest import CORPORA

from extractor.export.rows import report_rows
from extractor.pipeline import parse
from extractor.rules.loader import default_rules
from extractor.text.numerals import chinese_int, chinese_number


@pytest.fixture(scope="module")
def rule_targets():
    rules = default_rules()
    parse((CORPORA / "01_county_halfyear_2020.txt").read_text(encoding="utf-8"), rules=rules)
    report_rows(parse("一、工作\n增长5%。", rules=rules))  # what the audit compiles, too
    return targets(rules)


def test_the_patterns_are_found_where_the_parser_keeps_them(rule_targets):
    names = {t.name for t in rule_targets}
    assert any(n.startswith("rule measure:measure.shi") for n in names)  # RuleSet.rules
    assert "data.campaigns.honour.not_title" in names  # a string of the rule data
    assert "compiled[placeholders].mask_runs" in names  # built by a module from the data
    assert "extractor.io.formats.markdown._LINK" in names  # module level, a reader
    assert "compiled[numbers].shares['fraction']" in names  # inside a dict of compiled data
    assert {t.engine for t in rule_targets} == {"re", "regex"}  # both engines, as rx runs them
    assert len(rule_targets) > 300


# fmt: off
LONG_NUMERALS = [
    "一亿" * 40_000,       # read as one numeral, each 亿 a fresh slice and a deeper call
    "一" * 200_000,       # digit by digit: an integer of 200,000 digits
    "一二三四" * 80,      # 320 digits: a float overflow
    "九" * 17,            # 17 digits: beyond what a figure is
    "一万零" + "零" * 100 + "五",
]
# fmt: on


@pytest.mark.parametrize("numeral", LONG_NUMERALS, ids=lambda s: f"{s[:6]}…{len(s)}")
def test_a_numeral_too_long_for_a_figure_is_no_figure(numeral):
    assert chinese_int(numeral) is None and chinese_number(numeral) is None
    report = parse(f"一、工作情况\n全年完成{numeral}元。\n")
    assert not [c for c in report.claims if c.value_text == numeral]


def test_numerals_up_to_the_bound_read_as_before():
    assert (
        chinese_int("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九") == 10**16 - 1
    )
    assert chinese_int("一万亿") == 10**12 and chinese_int("一亿三千万") == 130_000_000
    assert chinese_int("二〇二〇") == 2020 and chinese_number("一点三万") == 13_000.0
    assert chinese_int("一亿亿") is None  # 10¹⁶: past the bound
