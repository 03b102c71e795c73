"""extractor.text.rx: a pattern goes to the standard library's re only where re reads it as
regex does; the claim vocabulary and the outline rules answer alike under both engines."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
import regex
from conftest import CORPORA

from extractor.claims.indicators import indicator_table
from extractor.claims.spans import span_words
from extractor.claims.words import change_at_end, change_in_clause, change_words, claim_words
from extractor.io.reading import read_document
from extractor.outline.sections import _line_rules, _title_cues
from extractor.rules.loader import default_rules
from extractor.text.fold import fold
from extractor.text.numbers import find_numbers
from extractor.text.rx import (
    HeadScan,
    Leftmost,
    Needing,
    Opening,
    Prefiltered,
    at_position,
    first_letters,
    for_scanning,
    leftmost,
    letter_class,
    literal_heads,
    matches_at,
    needed_class,
    needing,
    opening,
    opening_class,
    opening_letters,
    prefiltered,
    required_letters,
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


def test_literal_heads_of_words_opening_with_a_group_of_words() -> None:
    """With ``groups``, a word may open with a group of plain words (each a head) and hold
    alternations inside its groups; an optional group, a bar outside the groups, a class
    or a nested set still give none."""
    words = ["(?:今年|明年)计划", "目标(?:是|为)", "(?:年底|月底)+前", "力争"]
    heads = literal_heads(words, groups=True)
    assert heads is not None and heads.pattern == "今年|力争|年底|明年|月底|目标"
    assert literal_heads(words) is None  # without groups as before
    bad = (["(?:今年|明年)?计划"], ["(?:今年|明年)*计划"], ["计划|(?:规定)"], ["[增提]高"],
           ["(?:[今明]年)计划"], ["目标[[是为]]"], [r"\(?:今年|明年)"])  # fmt: skip
    for other in bad:
        assert literal_heads(other, groups=True) is None, other


def test_head_scan_iterates_as_its_pattern() -> None:
    """The shipped target words (lookbehinds and groups of words open them) are iterated
    from head to head: in every window of the sample reports and of sentences that hold
    them, what their pattern's finditer gives."""
    words = claim_words()
    target = words.target
    assert isinstance(target, HeadScan)
    pattern = target._pattern
    sentences = ("努力争创一流，力争增长6%，今年国民生产总值计划增长百分之八。斗争取得胜利，争取"
                 "完成；2023年底前已建成，年底前完成改造；初步设想，我们设想，到一九九〇年；"
                 "预期寿命提高，预期目标是增长5%；模拟安排，拟安排资金")  # fmt: skip
    found = 0
    for text in (fold(sentences), _sample_text()):
        for lo in range(0, len(text), 7):
            for size in (12, 40):
                hi = min(len(text), lo + size)
                ours = [(m.span(), m.group()) for m in target.finditer(text, lo, hi)]
                assert ours == [(m.span(), m.group()) for m in pattern.finditer(text, lo, hi)]
                found += len(ours)
    assert found > 20


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


@pytest.mark.parametrize(
    ("pattern", "need", "first"),
    [
        ("增?长", {"长"}, {"增", "长"}),
        ("(?:过去|近)(?:\\d{1,2}|五)年(?!的)", {"年"}, {"过", "近"}),
        ("\\d{1,3}[.、](?!\\d)", {"\\d"}, {"\\d"}),
        ("(?:下一步)|(?:下半年(?!以来))", {"步", "年"}, {"下"}),
        ("(?<![新净])(?:增长|增加)", {"长", "加"}, {"增"}),
        ("[^，。；]{0,24}?在[^，。；]{1,20}?基础上", {"上"}, None),  # opens with any letter
        ("\\G\\s*(?:\\d{1,2}|[两二三])年(?=\\p{Han})", {"年"}, {"\\s", "\\d", "两", "二", "三"}),
        ("年{0,2}", None, None),  # may match nothing
        ("(?i)ab", None, None),  # inline flags: not read
        ("a|b?", None, None),
    ],
)
def test_required_and_first_letters(
    pattern: str, need: set[str] | None, first: set[str] | None
) -> None:
    assert required_letters(pattern) == (None if need is None else frozenset(need))
    assert first_letters(pattern) == (None if first is None else frozenset(first))


def test_letters_hold_in_every_match_of_generated_patterns() -> None:
    """Every match of a pattern (made of letters, classes, groups, lookarounds, quantifiers)
    holds one of its required letters and opens with one of its first letters, in every
    window of texts made of its letters."""
    atoms = ["a", "b", "年", "\\d", "\\s", "[ab]", "[a\\d]", "(?:a|b)", "(?:ab|年)", "(?=a)",
             "(?!b)", "(?<=年)", ".", "(?:年)?", "a?", "b*", "年+", "(?:a|)", "a{2}", "(?:b|年){0,2}",
             "\\G", "$", "[^a]", "\\p{Han}", "(?>a|b)", "(?P<n>a|年)"]  # fmt: skip
    rng = random.Random(16)
    read = 0
    for _ in range(600):
        branches = (
            "".join(rng.choices(atoms, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 2))
        )
        pattern = "|".join(branches)
        need, first = required_letters(pattern), first_letters(pattern)
        if need is None and first is None:
            continue
        read += 1
        compiled = regex.compile(pattern, regex.VERSION1)
        for _ in range(6):
            text = "".join(rng.choices("ab年1 c", k=rng.randint(0, 7)))
            for lo in range(len(text) + 1):
                for hi in range(lo, len(text) + 1):
                    m = compiled.search(text, lo, hi)
                    if m is None:
                        continue
                    if need is not None:
                        assert letter_class(need).search(text, m.start(), m.end()), pattern
                    if first is not None:
                        assert letter_class(first).match(text, m.start(), m.end()), pattern
    assert read > 300


def test_letter_classes_hold_what_regex_reads_as_digits_and_spaces() -> None:
    """``re``'s \\s holds every space ``regex`` knows; its \\d does not hold the digits of
    scripts newer than this Python, so the class takes every astral letter too."""
    digits, spaces = letter_class(["\\d"]), letter_class(["\\s"])
    for code in range(0x10000):
        ch = chr(code)
        if regex.match(r"\d", ch, regex.VERSION1):
            assert digits.match(ch), hex(code)
        if regex.match(r"\s", ch, regex.VERSION1):
            assert spaces.match(ch), hex(code)
    assert digits.match("\U00010d40")  # a Garay digit (Unicode 16)


def test_needing_and_opening_answer_as_their_pattern() -> None:
    """A pattern behind the letters its words require, or behind the letters they open with,
    answers as the pattern does in every window (and skips the windows without them)."""
    words = [
        "(?:过去|近)(?:\\d{1,2}|五)年(?!的)",
        "(?<!努)力争",
        "[^，。]{0,6}?在[^，。]{1,6}?基础上",
    ]
    pattern = regex.compile("|".join(f"(?:{w})" for w in words), regex.VERSION1)
    repeated = regex.compile(f"(?:{pattern.pattern})+", regex.VERSION1)
    ahead, opens = needing(pattern, words), opening(repeated, words)
    assert isinstance(ahead, Needing) and isinstance(opens, Opening)
    text = "过去五年，努力争取在去年的基础上近10年的增长，力争在基础上过去5年力争"
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            for method in ("search", "match", "fullmatch"):
                ours = getattr(ahead, method)(text, start, end)
                assert _same(ours, getattr(pattern, method)(text, start, end)), (method, start)
            assert _same(opens.match(text, start, end), repeated.match(text, start, end))
    # a word that may match nothing, or opens with any letter and requires none: no filter
    assert needing(pattern, [*words, "年?"]) is pattern
    assert opening(repeated, [*words, "\\p{Han}{2}"]) is repeated


def test_shipped_lead_words_answer_as_without_their_filter() -> None:
    """The indicator's lead words (strip_lead, matched at an indicator's start) find at
    every start and window of the sample reports what their pattern finds there."""
    lead = claim_words().strip_lead
    assert isinstance(lead, Opening)
    text = _sample_text()
    for pos in range(0, len(text), 3):
        for size in (4, 12, 30):
            end = min(len(text), pos + size)
            assert _same(lead.match(text, pos, end), lead._pattern.match(text, pos, end))


def test_opening_letters_open_every_match_of_the_shipped_patterns() -> None:
    """Every match of a shipped pattern tested first for its opening letters (claims, spans,
    the indicators' share relation, the outline's marker rules) opens with one of them, on
    every text of the sample reports; a pattern whose letters the reading cannot tell gets
    none (no test before it)."""
    words, spans = claim_words(), span_words(default_rules())
    gates = [
        (getattr(vocab, f.name.rsplit("_", 1)[0]), getattr(vocab, f.name))
        for vocab in (words, spans)
        for f in dataclasses.fields(vocab)
        if f.name.endswith(("_opens", "_letters"))
    ]
    assert len(gates) >= 8 and all(gate for _, gate in gates)
    share = indicator_table()
    gates.append((share._share, share._share_letters))
    gates += [(r.at, tuple(r.opens)) for r in default_rules().of("section") if r.opens]
    texts = [fold(read_document(p).text) for p in sorted(CORPORA.glob("*.txt"))]
    opened = 0
    for pattern, gate in gates:
        for text in texts:
            for m in pattern.finditer(text):
                if isinstance(gate, tuple):
                    assert text.startswith(gate, m.start()), (pattern.pattern[:40], m.group())
                else:
                    assert gate.match(text, m.start()), (pattern.pattern[:40], m.group())
                opened += 1
    assert opened > 100
    assert opening_letters(regex.compile(r"\d+年")) == ()  # a class: not told
    assert (
        opening_letters(regex.compile(r"(?i)ab")) == ()
        and opening_class(regex.compile("a?")) is None
    )
    assert opening_letters(regex.compile(r"(?<![新])(?:增长|降低)")) == ("增", "降")
    both = opening_class(regex.compile(r"(?<![新])(?:增长|降低)"))
    assert both is not None and both.search("持续降低") and not both.search("持平")


def test_outline_line_patterns_answer_alike_and_hold_their_needed_letters() -> None:
    """The whole-line section patterns (closing, bare) are matched with ``re`` where it reads
    them (rx.at_position): on every stretch of up to 33 characters of the sample reports
    they answer as ``regex`` does; and every stretch the bare pattern matches holds one of
    the letters its words require (rx.needed_class), so that a stretch ending before the
    first of them need not be asked (sections._glued_bare)."""
    _, closing, _, bare, _, needs = _line_rules(default_rules())
    assert isinstance(bare, re.Pattern) and needs is not None
    twins = [(p, regex.compile(p.pattern)) for p in (closing, bare)]
    text = _sample_text()
    held = 0
    for pos in range(0, len(text), 3):
        for end in range(pos + 1, min(len(text), pos + 34)):
            for ours, theirs in twins:
                a, b = ours.fullmatch(text, pos, end), theirs.fullmatch(text, pos, end)
                assert (a and a.span()) == (b and b.span()), (ours.pattern[:20], pos, end)
            if bare.fullmatch(text, pos, end):
                assert needs.search(text, pos, end), text[pos:end]
                held += 1
    assert held > 10
    assert needed_class(regex.compile("(?i)ab")) is None
    assert needed_class(regex.compile("a?b?")) is None  # each letter may be absent
    either = needed_class(regex.compile(r"[^，]{0,9}(?:回顾|总结)"))
    assert either is not None and either.search("工作总结") and not either.search("工作回")


def test_leftmost_searches_as_the_whole_alternation() -> None:
    """A title's glued openers (sections: time phrases, markers, notes) searched family by
    family find, in every window of the sample reports, the match the joined alternation
    finds (its span and text), at every start and end a title's search uses."""
    glue = _title_cues(default_rules()).glue
    assert isinstance(glue, Leftmost)
    whole = regex.compile(glue.pattern)
    text = _sample_text()
    found = 0
    for pos in range(0, len(text), 5):
        for size in (6, 24, 60):
            end = min(len(text), pos + size)
            a, b = glue.search(text, pos, end), whole.search(text, pos, end)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), (pos, end)
            found += a is not None
        a, b = glue.match(text, pos), whole.match(text, pos)
        assert (a and a.span()) == (b and b.span()), pos
    assert found > 100
    # the earlier family wins where two start alike; named groups are the alternation's
    both = leftmost(["(?P<w>ab)c", "a(?P<w>b)", "x"])
    m = both.search("zabcx")
    assert m is not None and (m.span(), m.group("w")) == ((1, 4), "ab")
    m = both.search("zabx")
    assert m is not None and (m.span(), m.group("w")) == ((1, 3), "b")
    assert both.search("zzz") is None and both.match("abc") is not None
