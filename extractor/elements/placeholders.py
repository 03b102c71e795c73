"""Placeholders: masked text (X, XX, ×××, ＊＊, ○○, □□, 某某) and what each mask stands for.

Every maximal run of mask characters is a placeholder unless the characters are something
else: a Latin letter in a code or word (555X, 1+N+X, 软X射线, XXL), a multiplication sign
between numbers (7×24), a circle that is a zero inside a Chinese numeral (二○二○年), or a
lone icon or bullet set off by spaces.  Its ``kind`` comes from what surrounds it:

- ``date``: before 年, 月, 日, 号, 时, 季度 (``X月XX日``, ``上午X时``, ``X年``);
- ``figure``: after 第 (``第X版``), before a unit or scale (``X人``, ``X余份``, ``X亿元``,
  ``X%``), before a grade (``X星级``), or after a change word or verb of quantity (增长X);
- ``name``: everything else (``X县``, ``XX区``, ``XX主题乐园``, “XX”, ``返X``).

The vocabulary is ``[placeholders]`` in ``patterns/placeholders.toml``, the mask characters
the template ``{mask}`` of ``patterns/text.toml``; units and scales come from
``patterns/units.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from extractor.claims.units import UnitTable, unit_table
from extractor.context import NOWHERE, Context, Placement, as_context
from extractor.model import Placeholder
from extractor.rules.loader import default_rules
from extractor.rules.records import RuleSet, Vocab
from extractor.text.fold import fold
from extractor.text.rx import matches_at
from extractor.text.sentences import window

_SPACES = set(" \t\n\u3000")
_ENDS = set("。；！？")
_BREAKS = _SPACES | _ENDS | set("：:")
_GROUP = "Xx×*○"  # what may stand for a digit in a group of thousands
_QUOTES = {("“", "”"), ('"', '"'), ("「", "」"), ("‘", "’")}
_HAN = regex.compile(r"\p{Han}")
#: Mask characters that are also operators (7×24, 3*5, 1920x1080) or a zero digit (二○二○).
_OPERATORS = "×*x"
_ZERO = "○"


@dataclass(frozen=True, slots=True)
class _Vocab:
    """The ``[placeholders]`` entries, compiled once per rule set."""

    run: Any  # regex.Pattern[str]
    #: the characters a mask starts with: {mask} and {name_mask}
    starts: str
    masks: str
    names: str
    not_mask: Any
    year: Any
    date: Any
    grade: Any
    figure_after: Any
    duration_after: Any
    ordinal_before: tuple[str, ...]
    ordinal_after: tuple[str, ...]
    joiners: frozenset[str]
    operator_before: tuple[str, ...]
    #: what before a mask makes it a field of a numeric date (2021-XX-XX), the serial number
    #: of a document (〔2023〕X号), a Roman numeral's list (IX. … X.)
    numeric_date: Any
    serial: Any
    roman: Any
    #: what before a mask makes it a clock's hour or minute (上午X点, X点X分)
    clock: Any
    year_span: Any
    #: what may stand before and after ○ as the digit zero (二○二○年, 一九五○年)
    zero_after: frozenset[str]
    zero_before: frozenset[str]
    hyphens: str
    #: a digit; runs of mask characters; a multiplication of numbers (7×24, 1920x1080)
    digit: Any
    mask_runs: Any
    operation: Any


def _compile(rules: RuleSet) -> _Vocab:
    def vocab(key: str) -> Vocab:
        return rules.vocab(f"placeholders.{key}")

    def alternation(key: str) -> str:
        return vocab(key).alternation(longest_first=True)

    names, masks = vocab("name_mask").chars, mask_characters(rules)
    # the grades, counters and hedges of figure_before, and the scales of units.toml (X万)
    scales = unit_table(rules).scales
    grades = "|".join(sorted([*vocab("figure_before").patterns, *scales], key=len, reverse=True))
    return _Vocab(
        run=regex.compile(vocab("run").pattern, regex.VERSION1),
        starts="".join(dict.fromkeys(masks + names)),
        masks=masks,
        names=names,
        not_mask=regex.compile(rf"(?:{alternation('not_mask_before')})", regex.VERSION1),
        year=regex.compile(vocab("year_before").pattern, regex.VERSION1),
        date=regex.compile(alternation("date_before"), regex.VERSION1),
        grade=regex.compile(grades or "(?!)", regex.VERSION1),
        figure_after=regex.compile(rf"(?:{alternation('figure_after')})$", regex.VERSION1),
        duration_after=regex.compile(rf"(?:{alternation('duration_after')})$"),
        ordinal_before=vocab("ordinal_before").items,
        ordinal_after=vocab("ordinal_after").items,
        joiners=frozenset(vocab("figure_joiners").items),
        operator_before=vocab("operator_before").items,
        numeric_date=regex.compile(rf"(?:{vocab('numeric_date_before').pattern})$"),
        serial=regex.compile(rf"(?:{vocab('serial_before').pattern})$"),
        roman=regex.compile(vocab("roman_ten").pattern, regex.VERSION1),
        clock=regex.compile(rf"(?:{vocab('clock_after').pattern})$"),
        year_span=regex.compile(vocab("year_span_before").pattern),
        zero_after=frozenset(vocab("zero_after").chars),
        zero_before=frozenset(vocab("zero_before").chars),
        hyphens=vocab("number_hyphens").chars,
        digit=regex.compile("[0-9]"),
        mask_runs=regex.compile(f"[{regex.escape(masks)}]+" if masks else "(?!)"),
        operation=regex.compile(f"(?<![0-9])[0-9]++[{regex.escape(_OPERATORS)}][0-9]+"),
    )


def mask_characters(rules: RuleSet) -> str:
    """The mask characters on the folded text: the template ``{mask}`` of text.toml (none
    in a pattern directory without it)."""
    return str(rules.map("templates").get("mask", "")).replace("\\", "")


def masks_only(word: str, *, rules: RuleSet | None = None) -> bool:
    """Whether ``word`` is made only of mask characters (XX, ×××, 某某, ＸＸ): a mask, never a
    word to count."""
    pattern = (rules or default_rules()).compiled("placeholders.masks_only", _masks_only)
    return bool(pattern.fullmatch(fold(word)))


def _masks_only(rules: RuleSet) -> Any:
    templates = rules.map("templates")
    chars = f"{templates.get('mask', '')}{templates.get('name_mask', '')}"
    return regex.compile(f"[{chars}]+" if chars else "(?!)")


def _vocab(rules: RuleSet) -> _Vocab:
    return rules.compiled("placeholders", _compile)


def _is_mask(folded: str, start: int, end: int, vocab: _Vocab) -> bool:
    """False where the run is a letter in a code, a multiplication sign or a zero digit."""
    run = folded[start:end]
    prev = folded[start - 1] if start else ""
    nxt = folded[end : end + 1]
    first = run[0]
    if first in vocab.names:
        return True
    if first in "Xx" or "X" in run or "x" in run:
        if prev == "+" or _alnum_latin(prev) or _alnum_latin(nxt):
            return False
        if nxt == "+" and _alnum_latin(folded[end + 1 : end + 2]):
            return False  # a formula's term (X+1, X+N), as 1+N+X; but X+避暑 is a mask
        if run == "X" and vocab.roman.search(folded, max(0, start - 80), end + 1):
            return False  # the tenth of a Roman list (… IX. 保密 X. 档案)
        if vocab.not_mask.match(folded, end):
            return False
        if first in "Xx":
            return True
    if run == "×" and _is_han(prev) and folded.startswith(vocab.operator_before, end):
        return False  # an operator closing a name, as + does: “数据要素×”行动, “人工智能+”
    if run.strip(_OPERATORS) == "" and (
        _digit_beside(folded, start - 1, -1) or _digit_beside(folded, end, 1)
    ):
        return False
    if _ZERO in run and (prev in vocab.zero_after or nxt in vocab.zero_before):
        return False  # 二○二○年, 二百○八所; but ○○亿元 is a mask
    # a lone ×, *, ○ or □ set off by spaces, or opening a sentence (…。○加强组织领导), is an
    # icon or a bullet (X runs returned above)
    return not (len(run) == 1 and (prev in _SPACES or nxt in _SPACES or prev in _ENDS or not prev))


def _latin(ch: str) -> bool:
    """A Latin letter (5XL, 1X-ray): the masked-looking number is a code or a word."""
    return ch.isalpha() and ch < "\u0250"


def _alnum_latin(ch: str) -> bool:
    """A digit or a Latin letter, accented ones included (5X, XL, xī): X is part of a word."""
    return ch.isalnum() and ch < "\u0250"


def _is_han(ch: str) -> bool:
    return bool(ch) and _HAN.match(ch) is not None


def _digit_beside(folded: str, pos: int, step: int) -> bool:
    while 0 <= pos < len(folded) and folded[pos] == " ":
        pos += step
    return 0 <= pos < len(folded) and folded[pos].isdigit()


def _kind(folded: str, start: int, end: int, vocab: _Vocab, units: UnitTable) -> tuple[str, str]:
    """The kind of the mask ``folded[start:end]`` and the id of the rule that decided it."""
    before = folded[max(0, start - 6) : start]
    if before.endswith(vocab.ordinal_before):
        return "figure", "placeholder.figure.ordinal"
    if vocab.serial.search(before):
        return "figure", "placeholder.figure.ordinal"  # 〔2023〕X号: a document's number
    if vocab.numeric_date.search(folded, max(0, start - 10), start):
        return "date", "placeholder.date"  # 2021-XX-XX
    if _clock(folded, start, end, vocab, units):
        return "date", "placeholder.date"  # 上午X点, X点X分
    if vocab.year.match(folded, end):
        if not vocab.duration_after.search(before):
            return "date", "placeholder.date"
    elif vocab.date.match(folded, end):
        return "date", "placeholder.date"
    if folded.startswith(vocab.ordinal_after, end):
        return "figure", "placeholder.figure.ordinal"  # 市委X号文件 (X月X号 is a date)
    if units.follows(folded, end):
        return "figure", "placeholder.figure.unit"
    if vocab.grade.match(folded, end):
        return "figure", "placeholder.figure.grade"
    if vocab.figure_after.search(before):
        return "figure", "placeholder.figure.verb"
    if _hyphenated(folded, start, end, vocab):
        return "figure", "placeholder.figure.number"  # 93512-XXXX: the rest of a number
    if (folded[start - 1 : start], folded[end : end + 1]) in _QUOTES:
        return "name", "placeholder.name.quoted"
    return "name", "placeholder.name"


def _clock(folded: str, start: int, end: int, vocab: _Vocab, units: UnitTable) -> bool:
    """A clock's hour after a part of the day (上午X点) or its minute after the hour (X点X分,
    XX:XX), not a ratio's 1:X nor a count (上午XX人)."""
    before = folded[max(0, start - 3) : start]
    if not vocab.clock.search(before) or units.follows(folded, end):
        return False
    return end - start == 2 or not before.endswith(":")


def _hyphenated(folded: str, start: int, end: int, vocab: _Vocab) -> bool:
    """A mask joined to digits by a hyphen, as a telephone number's (0912-XXXX), or to a
    masked number (0XXX-XXXXXXX)."""
    before, after = folded[max(0, start - 2) : start], folded[end : end + 2]
    part = before[:1].isdigit() or before[:1] in vocab.masks
    return (len(before) == 2 and before[1] in vocab.hyphens and part) or (
        len(after) == 2 and after[0] in vocab.hyphens and after[1].isdigit()
    )


def _number(
    text: str, folded: str, start: int, end: int, vocab: _Vocab, units: UnitTable
) -> tuple[str, str] | None:
    """The kind and rule of a masked number written with digits (``1X``, ``1XX.10``,
    ``8100XXXX``, ``202X``), or None where it is no mask: an operation (7×24, 1920x1080),
    a code (555X, A1X), or a single mask character among digits with nothing after it that
    measures it."""
    token = folded[start:end]
    if vocab.operation.fullmatch(token):
        return None
    if _alnum_latin(folded[start - 1 : start]) or _latin(folded[end : end + 1]):
        return None
    if vocab.year.match(folded, end) or vocab.date.match(folded, end):
        return "date", "placeholder.date"
    if len(token) == 4 and vocab.year_span.match(folded, end):
        return "date", "placeholder.date"  # 20XX-20XX年: the first year of a span
    if units.follows(folded, end):
        return "figure", "placeholder.figure.unit"
    if vocab.grade.match(folded, end):
        return "figure", "placeholder.figure.grade"
    if max(map(len, vocab.mask_runs.findall(token)), default=0) >= 2:
        return "figure", "placeholder.figure.number"  # 1387104XXXX: a telephone number
    return None


def find_placeholders(
    doc: Context | str, *, rules: RuleSet | None = None, where: Placement = NOWHERE
) -> list[Placeholder]:
    """Every masked run in the text, in order, with its kind and sentence (ids p1, p2 …);
    ``where`` places each in the outline (its section and measure)."""
    ctx = as_context(doc, rules)
    text, folded = ctx.text, ctx.folded
    vocab = _vocab(ctx.rules)
    units = unit_table(ctx.rules)
    found: list[tuple[int, int, str, str]] = []
    for m in _masks(folded, vocab):
        start, end = m.span()
        end = _bullet_trimmed(folded, start, end)
        begin = start if folded[start] in vocab.names else _digits_before(folded, start)
        if begin < start and _list_number(folded, begin, start, end, units):
            begin = start  # 1.XX公司: the mask alone, after its item's number
        if begin < start or vocab.digit.search(folded, start, end):
            number = _number(text, folded, begin, end, vocab, units)  # 1X亿元, 1XX.10
            if number is not None:
                found.append((begin, end, *number))
            continue
        if not _is_mask(folded, start, end, vocab) or _markup(text, start, end):
            continue
        found.append((start, end, *_kind(folded, start, end, vocab, units)))
    out = []
    for i, (start, end, kind, rule) in enumerate(_spread_figures(folded, found, vocab.joiners), 1):
        s, e = window(ctx.sentences.sentence(start), start, end)  # a bounded sentence
        section_id, measure_id = where(start)
        record = Placeholder(
            placeholder_id=f"p{i}", section_id=section_id, measure_id=measure_id,
            text=text[start:end], kind=kind, sentence=text[s:e], start=start, end=end,
            rule=rule, sentence_start=s, sentence_end=e,
        )  # fmt: skip
        out.append(record)
    return out


def _list_number(folded: str, begin: int, start: int, end: int, units: UnitTable) -> bool:
    """Whether the digits and point before a mask number a list's item (``2.XX县：`` after a
    line or sentence break), not a masked decimal (``3.XX万元``, ``增长3.XX%``)."""
    opens = folded[begin - 1 : begin] in _BREAKS if begin else True
    numbered = folded[start - 1] == "." and start - begin <= 3
    return opens and numbered and not units.follows(folded, end)


def _bullet_trimmed(folded: str, start: int, end: int) -> int:
    """Where a run ends without the lone asterisk of a bullet that a lost line break ran into
    it (``电脑技术：XXX* 编程技术``: the next line's ``* ``)."""
    lone = end - start >= 2 and folded[end - 1] == "*" and folded[end - 2] != "*"
    return end - 1 if lone and (end == len(folded) or folded[end] in _SPACES) else end


def _digits_before(folded: str, start: int) -> int:
    """Where the digits before a mask start (1X, 12.X, 12,XXX), so that a masked number is
    whole; a comma only between groups of thousands (12,XXX; 1,2XX)."""
    i = start
    while i and folded[i - 1].isdigit():
        i -= 1
    joined = i >= 2 and folded[i - 1] in ".," and folded[i - 2].isdigit()
    if joined and ((folded[i - 1] == "." and i == start) or _thousands(folded, i)):
        return _digits_before(folded, i - 1)
    return i


def _thousands(folded: str, at: int) -> bool:
    """Whether a group of three digits or masks starts at ``at`` and ends there (1,2XX)."""
    group = folded[at : at + 4]
    return (
        len(group) >= 3
        and all(ch.isdigit() or ch in _GROUP for ch in group[:3])
        and not (len(group) == 4 and (group[3].isdigit() or group[3] in _GROUP))
    )


#: Markdown emphasis on one line (``**活动时间**``): its asterisks are markup, no mask.
_EMPHASIS = regex.compile(r"(?<![*\w])(\*{1,3})(?=[^\s*])[^\n]*?(?<=[^\s*])(\*{1,3})(?!\w)")


def _markup(text: str, start: int, end: int) -> bool:
    """Whether a run of ASCII asterisks opens or closes Markdown emphasis on its line."""
    if text[start] != "*":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for m in _EMPHASIS.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if any(m.start(g) < end and start < m.end(g) for g in (1, 2)):
            return True
    return False


def _masks(folded: str, vocab: _Vocab) -> Iterator[regex.Match[str]]:
    """What ``vocab.run.finditer(folded)`` yields, found faster.

    Every mask starts with a mask character or 某, one character in four thousand:
    ``str.find`` finds them all at a seventh of the cost of ``regex`` trying the pattern at
    every position.  The pattern is tried where one stands, in order, skipping those inside
    the last match, as finditer would (:func:`extractor.text.rx.matches_at`)."""
    starts = sorted(at for ch in vocab.starts for at in _positions(folded, ch))
    return matches_at(vocab.run, folded, starts)


def _positions(text: str, ch: str) -> Iterator[int]:
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _spread_figures(
    folded: str, found: list[tuple[int, int, str, str]], joiners: frozenset[str]
) -> list[tuple[int, int, str, str]]:
    """A name joined by 、 or 和 to a masked figure is a figure too (X、X和X个)."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        (start, end, kind, _), nxt = out[i], out[i + 1]
        if kind == "name" and nxt[2] == "figure" and folded[end : nxt[0]] in joiners:
            out[i] = (start, end, "figure", "placeholder.figure.list")
    return out
