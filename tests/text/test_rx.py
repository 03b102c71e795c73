"""extractor.text.rx: a pattern goes to the standard library's re only where re reads it as
regex does; the claim vocabulary and the outline rules answer alike under both engines."""

from __future__ import annotations

import dataclasses
import re

import pytest
import regex
from conftest import CORPORA

from extractor.claims.spans import span_words
from extractor.claims.words import change_at_end, change_in_clause, change_words, claim_words
from extractor.rules.loader import default_rules
from extractor.text.fold import fold
from extractor.text.numbers import find_numbers
from extractor.text.rx import (
    Prefiltered,
    at_position,
    for_scanning,
    literal_heads,
    matches_at,
    prefiltered,
    scan_at_heads,
)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:以上|以下|左右)",
        r"(?<![新净])(?:增长|下降)(?:了|到)?$",
        r"\d{1,3}(?:,\d{3})+",
        r"第(?P<num>[一二三四五六七八九十]{1,3})(?:部分|章|篇)",
    ],
)
def test_plain_patterns_go_to_re(pattern: str) -> None:
    assert isinstance(at_position(pattern), re.Pattern)


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "span"),
    [
        # variable-width lookbehind: only regex has it
        (r"(?<=(?:比|较)[^，。]{1,6})多", regex.VERSION1, "比去年多", (3, 4)),
        # Unicode script property
        (r"\p{Han}+", regex.VERSION1, "ab汉字c", (2, 4)),
        # VERSION1 set difference: re would read [[…] as a set holding "-" and "["
        (r"[[一-龥]--[的了]]+", regex.VERSION1, "我的书", (0, 1)),
        # a reverse search
        (r"(?r)\d+", regex.VERSION1, "a12b345", (4, 7)),
        # full case folding under IGNORECASE
        (r"(?i)strasse", regex.VERSION1, "STRAßE", (0, 6)),
        (r"ab", regex.VERSION1 | regex.IGNORECASE, "AB", (0, 2)),
    ],
)
def test_regex_only_syntax_stays_with_regex(
    pattern: str, flags: int, text: str, span: tuple[int, int]
) -> None:
    compiled = at_position(pattern, flags)
    assert not isinstance(compiled, re.Pattern)
    found = compiled.search(text)
    assert found is not None and found.span() == span


def _sample_text() -> str:
    texts = sorted(CORPORA.glob("*.txt"))
    assert texts, "the project's corpora/ has sample reports"
    return fold("\n".join(p.read_text(encoding="utf-8") for p in texts[:4]))


def test_claim_vocabulary_matches_alike_under_both_engines() -> None:
    """Every claim pattern that rx gave to re finds what regex finds, at every position of
    the sample reports (match) and in every window of eight characters (search)."""
    words = claim_words()
    text = _sample_text()
    checked = 0
    for field in dataclasses.fields(words):
        compiled = getattr(words, field.name)
        if not isinstance(compiled, re.Pattern):
            continue
        twin = regex.compile(compiled.pattern, regex.VERSION1)
        for pos in range(0, len(text), 3):
            a, b = compiled.match(text, pos), twin.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (field.name, pos)
            a, b = compiled.search(text, pos, pos + 8), twin.search(text, pos, pos + 8)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (
                field.name,
                pos,
            )
        checked += 1
    assert checked >= 8  # most of the vocabulary runs on re


def test_outline_rules_match_alike_under_both_engines() -> None:
    text = _sample_text()
    rules = [r for table in ("section", "measure") for r in default_rules().of(table)]
    assert any(isinstance(r.at, re.Pattern) for r in rules)
    for rule in rules:
        for pos in range(len(text)):
            a, b = rule.at.match(text, pos), rule.regex.match(text, pos)
            assert (a and a.groupdict()) == (b and b.groupdict()), (rule.id, pos)
            assert (a and a.span()) == (b and b.span()), (rule.id, pos)


def test_number_scans_match_alike_under_both_engines() -> None:
    """find_numbers scans with re (numbers._followed_by); the plain patterns are regex's.
    Let every character follow a number and the two must find the same tokens, written
    into the text and into hard cases (ranges, codes, thousands, 数十, a range left open)."""
    hard = (
        "1,234abc 12.5% 3-5个 5万-10万元 2024-12 PM2.5 G20 4A级 ２７，２０３，３１９，０００元 "
        "三至五年 数十个 几百 三十点五 1.2.3 7,000瓩 12.a 一千零五 十二至 x 0.5至 2"
    )
    for text in (_sample_text(), fold(hard)):
        everything = frozenset(text) | {""}
        assert find_numbers(text, before=everything) == find_numbers(text)
        assert find_numbers(text, before={"个", "元"}) == [
            n for n in find_numbers(text) if n.kind in ("share", "multiple")
            or text[n.end : n.end + 1] in ("个", "元")
        ]  # fmt: skip


def test_scanning_twin_only_for_patterns_re_can_skip_ahead_in() -> None:
    literal_led = regex.compile(r"增长(?P<n>\d+)%", regex.VERSION1)
    behind_led = regex.compile(r"(?<![新净])增长", regex.VERSION1)
    regex_only = regex.compile(r"\p{Han}+增长", regex.VERSION1)
    twin = for_scanning(literal_led)
    assert isinstance(twin, re.Pattern)
    assert [m.span() for m in twin.finditer("同比增长12%，增长3%")] == [(2, 7), (8, 12)]
    assert for_scanning(behind_led) is behind_led
    assert for_scanning(regex_only) is regex_only


def test_matches_at_gives_what_finditer_gives_from_the_starts_of_its_matches() -> None:
    pattern = regex.compile(r"(?<![一二三])[一二三]+个")
    text = "三个一是二三个也有十二个，一二三个"
    every = [m.span() for m in pattern.finditer(text)]
    starts = [i for i, ch in enumerate(text) if ch in "一二三"]  # a superset of match starts
    assert [m.span() for m in matches_at(pattern, text, starts)] == every
    assert every == [(0, 2), (4, 7), (10, 12), (13, 17)]
    # a start inside the last match is skipped, as finditer would skip it
    assert [m.span() for m in matches_at(regex.compile(r"ab|ba"), "aba", [0, 1])] == [(0, 2)]


def test_literal_heads_need_every_word_to_open_with_text() -> None:
    heads = literal_heads(["增长", "提高?", "降低{1,2}", "下降+"])
    assert heads is not None and heads.pattern == "下降|增长|提|降"
    bad = (["增长", "[增提]高"], ["增长", "(?:增|提)高"], ["增长|提高"], [r"\d+"], ["增?加"], [])
    for words in bad:
        assert literal_heads(words) is None, words


def test_scan_at_heads_gives_what_finditer_gives() -> None:
    pattern = regex.compile(r"(?<![新净])(?:增长|增加(?!值)|多(?<=比[^，]{1,6}多)|持平)")
    heads = literal_heads(["增长", "增加", "多", "持平"])
    texts = ["新增长净增加值增加3%，比去年多，多项持平，增长", _sample_text()]
    for text in texts:
        every = [(m.span(), m.group()) for m in pattern.finditer(text)]
        assert [(m.span(), m.group()) for m in scan_at_heads(pattern, heads, text)] == every
        inner = [(m.span(), m.group()) for m in pattern.finditer(text, 3, 30)]
        assert [(m.span(), m.group()) for m in scan_at_heads(pattern, heads, text, 3, 30)] == inner
    words = claim_words()  # the shipped change words can all be scanned for by their heads
    assert words.change_heads is not None
    text = _sample_text()
    assert [m.span() for m in change_words(text, words)] == [
        m.span() for m in words.change_word.finditer(text)
    ]


def _same(a: object, b: object) -> bool:
    return (a is None and b is None) or (
        a is not None and b is not None and a.span() == b.span()  # type: ignore[attr-defined]
    )


def test_prefiltered_answers_as_its_pattern() -> None:
    """A prefiltered pattern skips the windows where none of its words' heads stands, and
    answers search, match, fullmatch and finditer as the pattern does everywhere else."""
    words = ["(?<![新净])增长", "增加(?!值)", "多(?<=比[^，]{1,6}多)", "持平"]
    pattern = regex.compile("|".join(f"(?:{w})" for w in words), regex.VERSION1)
    found = prefiltered(pattern, words)
    assert isinstance(found, Prefiltered) and found.pattern == pattern.pattern
    text = "新增长净增加值增加3%，比去年多，多项持平，增长"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            for method in ("search", "match", "fullmatch"):
                ours = getattr(found, method)(text, start, end)
                assert _same(ours, getattr(pattern, method)(text, start, end)), (method, start)
            assert [m.span() for m in found.finditer(text, start, end)] == [
                m.span() for m in pattern.finditer(text, start, end)
            ]
    # a word that opens with syntax gives no heads: the pattern is left as it is
    assert prefiltered(pattern, [*words, "[增提]高"]) is pattern


def test_shipped_context_patterns_answer_as_without_their_prefilter() -> None:
    """The claim and span vocabularies behind a prefilter (and the change-word triggers of
    change_at_end and change_in_clause) find in every window of the sample reports what
    their patterns find there."""
    words, spans = claim_words(), span_words(default_rules())
    shipped = [
        getattr(vocab, f.name)
        for vocab in (words, spans)
        for f in dataclasses.fields(vocab)
        if isinstance(getattr(vocab, f.name), Prefiltered)
    ]
    assert len(shipped) >= 6
    text = _sample_text()
    for pos in range(0, len(text), 2):
        for size in (6, 16):
            lo = max(0, pos - size)
            for found in shipped:
                assert _same(found.search(text, lo, pos), found._pattern.search(text, lo, pos))
            if words.change_before_heads.search(text, lo, pos) is None:
                assert words.change_before.search(text, lo, pos) is None
                assert change_at_end(text, lo, pos, words) == ("", pos)
            if words.change_heads.search(text, lo, pos) is None:
                assert words.change_in_clause.search(text, lo, pos) is None
                assert change_in_clause(text, lo, pos, words) == ""
