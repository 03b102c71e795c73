"""No pattern, and no whole parse, does more than linear work on crafted text.

Every pattern the parser keeps (rules, rule data, what modules compile from it, module-level
patterns of the core and the readers: ``tests/adversarial.py`` finds them) is run on
strings of its own alphabet; the parse, the audit and the rows on the generic hostile
strings.  A sample is screened at a short length and the slowest go on to the real
comparison: the time at 100,000 characters against the time at 10,000, measured in the same
run, must stay near ten times (a pattern that backtracks grows a hundred times).  The whole
of it, every string of every pattern at both lengths, is ``benchmarks/adversarial.py``.
"""

from __future__ import annotations

import time

import pytest
from adversarial import GENERIC, growth, repeated, scan_seconds, targets, units
from conftest import CORPORA

from extractor.export.rows import report_rows
from extractor.pipeline import parse
from extractor.rules.loader import default_rules
from extractor.text.numerals import chinese_int, chinese_number

#: Ten times the text may take up to this many times the time (linear: about 10;
#: quadratic: about 100).
MAX_GROWTH = 20.0
#: Below this many seconds at 100,000 characters the ratio is noise, and the work is
#: linear whatever it says (a quadratic pattern takes seconds there).
FLOOR = 0.005
SCREEN_CHARS = 1_000
SUSPECTS = 8


@pytest.fixture(scope="module")
def rule_targets():
    rules = default_rules()
    parse((CORPORA / "01_county_halfyear_2020.txt").read_text(encoding="utf-8"), rules=rules)
    report_rows(parse("一、工作\n增长5%。", rules=rules))  # what the audit compiles, too
    return targets(rules)


def test_the_patterns_are_found_where_the_parser_keeps_them(rule_targets):
    names = {t.name for t in rule_targets}
    assert any(n.startswith("rule measure:measure.shi") for n in names)  # RuleSet.rules
    assert "data.audit[4].pattern" in names  # a string of the rule data
    assert "compiled[placeholders].mask" in names  # built by a module from the data
    assert "extractor.io.formats.markdown._LINK" in names  # module level, a reader
    assert "extractor.text.numbers.SHARE_RES['fraction']" in names  # inside a dict
    assert {t.engine for t in rule_targets} == {"re", "regex"}  # both engines, as rx runs them
    assert len(rule_targets) > 300


def _suspects(items, n):
    """The ``n`` items most likely to backtrack, at most one per pattern: each is timed on
    SCREEN_CHARS characters; those that take any time at all (50 µs) again on four times
    as many.  Growth past twice the linear four, or the longest times,
    make a suspect: a pattern whose backtracking is cheap per step (a few microseconds at a
    thousand characters) shows in its growth before it shows in its time."""
    timed = []
    for target, label, unit in items:
        short = scan_seconds(target.pattern, repeated(unit, SCREEN_CHARS))
        if short > 5e-5:
            long = scan_seconds(target.pattern, repeated(unit, 4 * SCREEN_CHARS))
            timed.append((long / short > 8, long, target, label, unit))
    worst = {}
    for _, _, target, label, unit in sorted(timed, key=lambda x: (x[0], x[1]), reverse=True):
        worst.setdefault((target.name, target.engine), (target, label, unit))
    return list(worst.values())[:n]


def test_no_pattern_grows_faster_than_the_text(rule_targets):
    items = [(t, label, unit) for t in rule_targets for label, unit in units(t, sample=8).items()]
    assert len(items) > 5_000
    failures = []
    for target, label, unit in _suspects(items, SUSPECTS):
        short, long = growth(lambda text, p=target.pattern: scan_seconds(p, text), unit, repeat=2)
        if long > FLOOR and long > MAX_GROWTH * short:
            failures.append(f"{target.name} ({target.engine}) on {label}: "
                            f"{short:.4f} s → {long:.4f} s")  # fmt: skip
    assert not failures, "\n".join(failures)


def _whole(text: str) -> None:
    report_rows(parse(text))  # outline, elements, audit findings and every table's rows


def test_the_whole_parse_grows_with_the_text_only():
    """Every generic unit screened at 2,000 and 8,000 characters; the two that grow most,
    and the slowest, compared at 10,000 and 100,000."""
    screened = []
    for unit in GENERIC:
        short = _seconds(_whole, repeated(unit, 2_000))
        long = _seconds(_whole, repeated(unit, 8_000))
        screened.append((long / max(short, 1e-6), long, unit))
    suspects = dict.fromkeys(
        [u for *_, u in sorted(screened, reverse=True)[:2]]
        + [u for _, _, u in sorted(screened, key=lambda x: -x[1])[:1]]
    )
    failures = []
    for unit in suspects:
        short, long = growth(_whole, unit, repeat=1)
        if long > MAX_GROWTH * short:
            failures.append(f"{unit!r}: {short:.3f} s → {long:.3f} s")
    assert not failures, "\n".join(failures)


def _seconds(run, text: str) -> float:
    start = time.process_time()  # CPU time: what other processes on the machine take is not in it
    run(text)
    return time.process_time() - start


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
