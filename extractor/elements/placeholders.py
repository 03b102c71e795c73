"""Placeholders: masked text (X, XX, ×××, ＊＊, ○○, □□, 某某) and what each mask stands for.

Every maximal run of mask characters is a placeholder unless the characters are something
else: a Latin letter in a code or word (555X, 1+N+X, 软X射线, XXL), a multiplication sign
between numbers (7×24), a circle that is a zero inside a Chinese numeral (二○二○年), or a
lone icon or bullet set off by spaces.  Its ``kind`` comes from what surrounds it:

- ``date``: before 年, 月, 日, 号, 时, 季度 (``X月XX日``, ``上午X时``, ``X年``);
- ``figure``: after 第 (``第X版``), before a unit or scale (``X人``, ``X余份``, ``X亿元``,
  ``X%``), before a grade (``X星级``), or after a change word or verb of quantity (增长X);
- ``name``: everything else (``X县``, ``XX区``, ``XX主题乐园``, “XX”, ``返X``).

The vocabulary is ``[placeholders]`` in ``patterns/claims.toml``; units come from
``patterns/units.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import regex

from extractor.claims.units import UnitTable, unit_table
from extractor.model import Placeholder
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.rx import matches_at
from extractor.text.sentences import cached_fold, sentence_index, window

_CN_NUMERAL = set("〇零一二两三四五六七八九十百千万亿")
_SPACES = set(" \t\n\u3000")
_QUOTES = {("“", "”"), ('"', '"'), ("「", "」"), ("‘", "’")}
_JOINERS = {"、", "和", "及", "与", "至", "到", "-", "~", "—"}
_CLOSING = set('”"」’》')


@dataclass(frozen=True, slots=True)
class _Vocab:
    mask: Any  # regex.Pattern[str]
    #: the characters a mask starts with: ``chars`` and 某
    starts: str
    not_mask: Any
    figure_after: Any
    duration_after: Any


def _words(items: Any) -> str:
    return "|".join(sorted((str(w) for w in items), key=len, reverse=True)) or "(?!)"


def _compile(data: Mapping[str, Any]) -> _Vocab:
    v = data.get("placeholders", {})
    raw_chars = str(v.get("chars", "Xx×*○□"))
    chars = regex.escape(raw_chars)
    mou = _words(v.get("mou_not_before", ()))
    return _Vocab(
        mask=regex.compile(
            rf"(?:[{chars}]+(?:\.[{chars}]+)?|某{{2,}}|某(?!{mou}))"
            rf"(?=(?P<date>{_words(v.get('date_before', ()))})"
            rf"|(?P<grade>{_words(v.get('figure_before', ()))}|[万亿千余多]))?",
            regex.VERSION1,
        ),
        starts="".join(dict.fromkeys(raw_chars + "某")),
        not_mask=regex.compile(rf"(?:{_words(v.get('not_mask_before', ()))})", regex.VERSION1),
        figure_after=regex.compile(rf"(?:{_words(v.get('figure_after', ()))})$", regex.VERSION1),
        duration_after=regex.compile(rf"(?:{_words(v.get('duration_after', ()))})$"),
    )


def _vocab(rules: RuleSet) -> _Vocab:
    return rules.compiled("placeholders", lambda r: _compile(r.data))


def _is_mask(folded: str, start: int, end: int, vocab: _Vocab) -> bool:
    """False where the run is a letter in a code, a multiplication sign or a zero digit."""
    run = folded[start:end]
    prev = folded[start - 1] if start else ""
    nxt = folded[end : end + 1]
    first = run[0]
    if first == "某":
        return True
    if first in "Xx" or "X" in run or "x" in run:
        if prev == "+" or _alnum_latin(prev) or _alnum_latin(nxt):
            return False
        if vocab.not_mask.match(folded, end):
            return False
        if first in "Xx":
            return True
    if run == "×" and _is_han(prev) and (nxt in _CLOSING or folded.startswith("行动", end)):
        return False  # an operator closing a name, as + does: “数据要素×”行动, “人工智能+”
    if run.strip("×*") == "" and (
        _digit_beside(folded, start - 1, -1) or _digit_beside(folded, end, 1)
    ):
        return False
    if "○" in run and (prev in _CN_NUMERAL or nxt in _CN_NUMERAL):
        return False
    return not (len(run) == 1 and run in "×*○□" and (prev in _SPACES or nxt in _SPACES or not prev))


def _alnum_latin(ch: str) -> bool:
    """A digit or a Latin letter, accented ones included (5X, XL, xī): X is part of a word."""
    return ch.isalnum() and ch < "\u0250"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _digit_beside(folded: str, pos: int, step: int) -> bool:
    while 0 <= pos < len(folded) and folded[pos] == " ":
        pos += step
    return 0 <= pos < len(folded) and folded[pos].isdigit()


def _kind(folded: str, m: regex.Match[str], vocab: _Vocab, units: UnitTable) -> tuple[str, str]:
    """The kind of the mask ``m`` and the id of the rule that decided it."""
    start, end = m.span()
    before = folded[max(0, start - 6) : start]
    if before.endswith("第"):
        return "figure", "placeholder.figure.ordinal"
    date = m.group("date")
    if date and not (date == "年" and vocab.duration_after.search(before)):
        return "date", "placeholder.date"
    if units.follows(folded, end):
        return "figure", "placeholder.figure.unit"
    if m.group("grade"):
        return "figure", "placeholder.figure.grade"
    if vocab.figure_after.search(before):
        return "figure", "placeholder.figure.verb"
    if (folded[start - 1 : start], folded[end : end + 1]) in _QUOTES:
        return "name", "placeholder.name.quoted"
    return "name", "placeholder.name"


def find_placeholders(text: str, *, rules: RuleSet | None = None) -> list[Placeholder]:
    """Every masked run in ``text``, in order, with its kind and sentence (ids p1, p2 …)."""
    rules = rules or default_rules()
    vocab = _vocab(rules)
    folded = cached_fold(text)
    units = unit_table(rules)
    found: list[Placeholder] = []
    for m in _masks(folded, vocab):
        start, end = m.span()
        if not _is_mask(folded, start, end, vocab):
            continue
        kind, rule = _kind(folded, m, vocab, units)
        # the index is cached, built only where masks are; the sentence is bounded
        s, e = window(sentence_index(folded).sentence(start), start, end)
        found.append(
            Placeholder(
                placeholder_id=f"p{len(found) + 1}",
                section_id=None,
                measure_id=None,
                text=text[start:end],
                kind=kind,
                sentence=text[s:e],
                start=start,
                end=end,
                rule=rule,
                sentence_start=s,
                sentence_end=e,
            )
        )
    return _spread_figures(folded, found)


def _masks(folded: str, vocab: _Vocab) -> Iterator[regex.Match[str]]:
    """What ``vocab.mask.finditer(folded)`` yields, found faster.

    Every mask starts with a mask character or 某, one character in four thousand:
    ``str.find`` finds them all at a seventh of the cost of ``regex`` trying the pattern at
    every position.  The pattern is tried where one stands, in order, skipping those inside
    the last match, as finditer would (:func:`extractor.text.rx.matches_at`)."""
    starts = sorted(at for ch in vocab.starts for at in _positions(folded, ch))
    return matches_at(vocab.mask, folded, starts)


def _positions(text: str, ch: str) -> Iterator[int]:
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _spread_figures(folded: str, found: list[Placeholder]) -> list[Placeholder]:
    """A name joined by 、 or 和 to a masked figure is a figure too (X、X和X个)."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.kind == "name" and nxt.kind == "figure" and folded[cur.end : nxt.start] in _JOINERS:
            out[i] = replace(cur, kind="figure", rule="placeholder.figure.list")
    return out
