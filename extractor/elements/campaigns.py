"""Campaigns: slogan-style names (两抓年, “最多跑一次”, 放管服, 《…》, honours) with offsets.

``find_campaigns(text)`` scans the folded copy of the text (offsets are the original's)
with a few regexes from ``patterns/campaigns.toml`` and one trie-shaped alternation over
the lexicon, built once per rule set.  Candidates compete for their characters: a document
title beats an honour, which beats a quoted name, a formula pattern and, last, a lexicon
hit, so one stretch of text yields one name.  Kinds and rules are described in SPEC §2 and
in the TOML file; lexicon files are plain word lists (jieba's ``word freq tag`` works).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import regex

from extractor.elements.lexicon import (
    Lexicon,
    build_lexicon,
    load_lexicon,
    normalise,
    read_names,
    read_years,
    with_lexicon,
)
from extractor.errors import RuleError
from extractor.model import Campaign
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.fold import fold
from extractor.text.rx import for_scanning, matches_at
from extractor.text.sentences import CLAUSE_MARKS, cached_fold

__all__ = [
    "Lexicon",
    "compiled_patterns",
    "default_lexicon",
    "find_campaigns",
    "is_formula",
    "load_lexicon",
    "normalise",
    "with_lexicon",
]

_V1 = regex.VERSION1
_WORDISH = regex.compile(r"[\p{Han}A-Za-z]")
_SUM = regex.compile(r"(?<!\d)\d++(?:\+\d++)+")  # 3+2, 14+1, 1+4+N's all-digit kin
_SPACE = regex.compile(r"\s+")
#: Priority of candidate kinds when they overlap (lower wins).
#: What may follow an honour's name in the same run and is not part of it: a count of
#: the awardees (5G工厂301家, 大国工匠4人) or a clause on them (…模范的有三万八千多人).
_HONOUR_TAIL = regex.compile(
    r"(?:的有|人数|(?<![第\d一二两三四五六七八九十百千万])"  # 第一个 is an ordinal
    r"(?:\d+|[一二两三四五六七八九十百千万]+)(?:多|余)?[个家人项所位名座条户处])"
    r"[^，。；]*$"
)
#: A count of awardees before the title (获评5个国家生态文明建设示范区).
_HONOUR_COUNT = regex.compile(
    r"(?:(?<!\d)\d++|(?<![一二两三四五六七八九十百千万])[一二两三四五六七八九十百千万]++)(?:多|余)?"
    r"[个家项所座条处]"
)
_RANK = {"document": 0, "honour": 1, "quote": 2, "pattern": 3, "lexicon": 3}
#: How a pair pattern opens (after a lookbehind) for the quick scan of :func:`_pairs`: a
#: numeral, a Han character that is not one (``{H}``) and a numeral again (一岗双…).
_PAIR_OPENING = "[{N}][{H}](?:[{N}][{H}]){1,"
_LOOKBEHIND = regex.compile(r"\(\?<[!=][^()]*\)")
#: Entries a memo of the scanner keeps before it starts afresh (a batch of thousands of
#: reports must not grow it without end; the corpus has about 4000 distinct names).
_MEMO_MAX = 50_000
_K = TypeVar("_K")
_V = TypeVar("_V")


def compiled_patterns(rules: RuleSet | None = None) -> dict[str, tuple[Any, tuple[Any, ...]]]:
    """Each ``[campaigns.patterns.*]`` regex (compiled) with its examples and counterexamples."""
    sc = _scanner(rules or default_rules())
    return {name: (sc.patterns[name], sc.examples[name]) for name in sc.examples}


def default_lexicon(rules: RuleSet | None = None) -> Lexicon:
    """The lexicon a rule set names (the shipped one by default; none without campaigns.toml)."""
    rules = rules or default_rules()
    return _scanner(rules).lexicon if "campaigns" in rules.data else build_lexicon(())


# --- compiled configuration ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scanner:
    """Everything ``find_campaigns`` needs from a rule set, compiled once."""

    patterns: Mapping[str, Any]
    examples: Mapping[str, tuple[Any, ...]]
    config: Mapping[str, Any]
    lexicon: Lexicon
    units: tuple[str, ...]
    idioms: frozenset[str]
    strong: frozenset[str]
    #: the organisation suffixes (``patterns["org"]`` as literals: str.startswith is the
    #: cheaper test after each of thousands of lexicon hits)
    orgs: tuple[str, ...]
    #: ``patterns`` with the engine that scans them faster (``extractor.text.rx.for_scanning``)
    fast: Mapping[str, Any]
    #: where a pair formula may start (numeral, non-numeral, numeral), or None when the
    #: pair pattern is not of the shape that makes this exact (see :func:`_pairs`)
    pair_starts: re.Pattern[str] | None
    #: name → kind of lexicon hits already seen (a report names 乡村振兴 dozens of times)
    lexicon_kinds: dict[str, str] = field(default_factory=dict)
    #: quoted content → its kind, "" when it is no name (half the quotes of a batch recur)
    quoted_kinds: dict[str, str] = field(default_factory=dict)
    #: name → (normalised name, holds a mask), for the Campaign records
    names: dict[str, tuple[str, bool]] = field(default_factory=dict)


def _scanner(rules: RuleSet) -> _Scanner:
    return rules.compiled("campaigns", _compile)


def _re(where: str, pattern: str) -> Any:
    try:
        return regex.compile(pattern, _V1)
    except regex.error as exc:
        raise RuleError(f"campaigns.toml: {where}: pattern does not compile: {exc}") from exc


def _memo(cache: dict[_K, _V], key: _K, value: _V) -> _V:
    """``cache[key] = value``, emptying a full cache first; returns ``value``."""
    if len(cache) >= _MEMO_MAX:
        cache.clear()
    cache[key] = value
    return value


def _compile(rules: RuleSet) -> _Scanner:
    cfg = rules.data.get("campaigns")
    if not isinstance(cfg, Mapping):
        raise RuleError(f"{rules.directory}: no [campaigns] table (campaigns.toml)")
    honour = cfg.get("honour", {})
    cues = sorted([*honour.get("strong", ()), *honour.get("weak", ())], key=len, reverse=True)
    fill = {
        "{N}": cfg["numerals"],
        "{H}": rf"\p{{Han}}--[{cfg['numerals']}{cfg['pair_stop']}]",
        "{CUES}": "|".join(regex.escape(c) for c in cues),
    }
    patterns, examples = {}, {}
    for name, raw in cfg.get("patterns", {}).items():
        text = raw["pattern"]
        for key, value in fill.items():
            text = text.replace(key, value)
        patterns[name] = _re(f"patterns.{name}", text)
        examples[name] = (tuple(raw.get("examples", ())), tuple(raw.get("counterexamples", ())))
    pair = cfg.get("patterns", {}).get("pair", {}).get("pattern", "(?!)")
    quoted_h = rf"\p{{Han}}--[{cfg['numerals']}{cfg.get('quoted_pair_stop', cfg['pair_stop'])}]"
    patterns["quoted_pair"] = _re(
        "quoted_pair_stop", pair.replace("{N}", cfg["numerals"]).replace("{H}", quoted_h)
    )
    distancing = sorted(cfg.get("distancing", ()), key=len, reverse=True)
    patterns["distancing"] = _re("distancing", "|".join(map(regex.escape, distancing)) or "(?!)")
    for key in ("separators", "sentence", "mask"):
        patterns[key] = _re(key, cfg[key])
    for key in ("lead", "tail", "not_title"):
        patterns[f"honour.{key}"] = _re(f"honour.{key}", honour.get(key, "(?!)"))
    heads = sorted(cfg.get("object_heads", ()), key=len, reverse=True)
    patterns["object"] = _re(
        "object_heads",
        r'(?:[、和及与]?(?:“[^“”\n]{1,30}”|"[^"\n]{1,30}"))*等?(?:'
        + "|".join(regex.escape(h) for h in heads) + ")",
    )  # fmt: skip
    systems = sorted(cfg.get("number_name_heads", ()), key=len, reverse=True)
    patterns["number_name"] = _re(
        "number_name_heads",
        r"[^，。；：、“”\n]{0,8}?(?:" + ("|".join(map(regex.escape, systems)) or "(?!)") + ")",
    )  # fmt: skip
    strong = sorted(honour.get("strong", ()), key=len, reverse=True)
    patterns["awardee"] = _re("honour.strong", "|".join(regex.escape(c) for c in strong))
    orgs = sorted(cfg.get("org_suffixes", ()), key=len, reverse=True)
    patterns["org"] = _re("org_suffixes", "|".join(regex.escape(o) for o in orgs) or r"(?!)")
    root = Path(rules.directory)
    files = [p if Path(p).is_absolute() else root / p for p in cfg.get("lexicons", ())]
    years = read_years(root / cfg["years"]) if cfg.get("years") else {}
    lexicon = build_lexicon((n for f in files for n in read_names(f)), years)
    pair_starts = _pair_starts(cfg.get("patterns", {}).get("pair", {}), cfg["numerals"])
    return _Scanner(
        patterns, examples, cfg, lexicon, tuple(cfg.get("quantity_units", ())),
        frozenset(cfg.get("idioms", ())), frozenset(honour.get("strong", ())), tuple(orgs),
        {name: for_scanning(p) for name, p in patterns.items()}, pair_starts,
    )  # fmt: skip


def _pair_starts(raw: Mapping[str, Any], numerals: str) -> re.Pattern[str] | None:
    """Where a pair formula can start: a numeral before a non-numeral and a numeral.  None
    unless every match of the pair pattern starts so: the pattern (before ``{N}`` and
    ``{H}`` are filled in) opens with :data:`_PAIR_OPENING` after an optional lookbehind and
    has no alternative (``|``) to it, and the numerals are plain letters in a set."""
    pattern = str(raw.get("pattern", ""))
    lead = _LOOKBEHIND.match(pattern)
    body = pattern[lead.end() :] if lead else pattern
    if not numerals.isalpha() or not body.startswith(_PAIR_OPENING) or "|" in body:
        return None
    return re.compile(f"[{numerals}](?=[^{numerals}][{numerals}])")


# --- names --------------------------------------------------------------------------------


def _formula_word(word: str, sc: _Scanner, quoted: bool = False) -> bool:
    """Whether ``word`` is numeral-led formula; ``quoted``: as the whole of a quote, where
    places may pair (“一江一河”) and a count may lead a name (“三张清单”, “四人帮”)."""
    if word in sc.idioms:
        return False
    if sc.patterns["plan"].fullmatch(word) or sc.patterns["pair"].fullmatch(word):
        return True
    if quoted and sc.patterns["quoted_pair"].fullmatch(word):
        return True
    numerals = sc.config["numerals"]
    lead = len(word) - len(word.lstrip(numerals))
    head, rest = word[:lead], word[lead:]
    if not head or head == "一":
        return False
    if not rest:
        return len(head) >= 2  # 七五 (普法), 十五
    if not rest.startswith(sc.units):
        return bool(_WORDISH.match(rest))
    counted = quoted and rest.startswith(tuple(sc.config.get("count_words", ())))
    return counted and bool(_WORDISH.match(rest[1:]))


def _is_formula(name: str, sc: _Scanner, quoted: bool = False) -> bool:
    parts = [p for p in sc.patterns["separators"].split(fold(name).strip()) if p]
    if len(parts) <= 1:
        return bool(parts) and _formula_word(parts[0], sc, quoted)
    numerals = sc.config["numerals"]
    leads = [p[: len(p) - len(p.lstrip(numerals))] for p in parts]
    if leads[0] == "一":  # 一个中心、两个基本点; not 一个项目、一名领导、一套班子
        return not parts[0][1:].startswith(sc.units) and any(x not in ("", "一") for x in leads)
    return _formula_word(parts[0], sc, quoted and len(parts) == 1)


def is_formula(name: str, *, rules: RuleSet | None = None) -> bool:
    """Whether a name is a numeral-led formula (两抓年, 一岗双责, 千村示范、万村整治)."""
    return _is_formula(name, _scanner(rules or default_rules()))


def _quoted_kind(content: str, sc: _Scanner) -> str | None:
    """``formula`` or ``quoted`` for a quoted name; None for a sentence, mask or number."""
    if not _WORDISH.search(sc.patterns["mask"].sub("", content)) and not _SUM.fullmatch(content):
        return None  # “XX”, “12345”; but “3+2”, “14+1” name systems of industries
    compact, cfg = _SPACE.sub("", content), sc.config
    if len(compact) < cfg["min_chars"] or sc.patterns["sentence"].search(content):
        return None
    parts = [p for p in sc.patterns["separators"].split(content) if p]
    longest = max(len(p) for p in parts)
    if "，" in content or "," in content:
        fits = len(compact) <= cfg["max_comma"] and longest <= cfg["max_part"]
    elif len(parts) > 1:
        fits = len(compact) <= cfg["max_listed"] and longest <= cfg["max_part"]
    else:
        fits = len(compact) <= cfg["max_plain"]
    if not fits:
        return None
    return "formula" if _is_formula(content, sc, quoted=True) else "quoted"


# --- candidates ---------------------------------------------------------------------------

Candidate = tuple[int, int, int, str, str]  # (rank, start, end, kind, rule)


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start].isspace():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end


def _documents(folded: str, sc: _Scanner) -> Iterator[Candidate]:
    for m in sc.fast["document"].finditer(folded):
        s, e = _trim(folded, *m.span("q"))
        if s < e:
            yield _RANK["document"], s, e, "document", "campaign.document"


def _quotes(folded: str, sc: _Scanner, formulas: set[str]) -> Iterator[Candidate]:
    """Short quoted names, unless they name an object (“XX”公众号) or an awardee, or are
    someone else's words (所谓“倾销”)."""
    obj, awardee, number_name = sc.fast["object"], sc.fast["awardee"], sc.fast["number_name"]
    kinds = sc.quoted_kinds
    cues = [m.end() for m in sc.fast["distancing"].finditer(folded)]  # few; most reports none
    for m in sc.fast["quote"].finditer(folded):
        s, e = m.span("q")
        if s == e or folded[s].isspace() or folded[e - 1].isspace():  # rare: trim it
            s, e = _trim(folded, s, e)
            if s == e:
                continue
        content = folded[s:e]
        kind = kinds.get(content)
        if kind is None:
            kind = _memo(kinds, content, _quoted_kind(content, sc) or "")
        if not kind and content.isdigit() and number_name.match(folded, m.end()):
            kind = "quoted"  # “1269”行动计划: a number that names a system
        if not kind or obj.match(folded, m.end()) or awardee.match(folded, m.end()):
            continue
        # someone else's words (所谓“倾销”); their formulas still name (所谓“两个估计”)
        if kind == "formula":
            formulas.add(content)
            yield _RANK["quote"], s, e, kind, "campaign.quote"
        elif not (cues and _distanced(folded, m.start(), cues)):
            yield _RANK["quote"], s, e, kind, "campaign.quote"


#: How far back in its clause a quote's distancing word is sought (所谓“倾销”和“经济扩张”).
_DISTANCE = 12
_CLAUSE_MARKS = frozenset(CLAUSE_MARKS)


def _distanced(folded: str, quote_at: int, cue_ends: list[int]) -> bool:
    """Whether a distancing word (所谓, 打着…) ends shortly before the quote, in its clause."""
    i = bisect_right(cue_ends, quote_at) - 1
    if i < 0 or quote_at - cue_ends[i] > _DISTANCE:
        return False
    return not any(ch in _CLAUSE_MARKS for ch in folded[cue_ends[i] : quote_at])


def _honours(folded: str, sc: _Scanner) -> Iterator[Candidate]:
    """The titles after an honour cue; a weak cue (获得) needs a closing 称号 / 荣誉."""
    lead, tail = sc.fast["honour.lead"], sc.fast["honour.tail"]
    for m in sc.fast["honour"].finditer(folded):
        s, e = m.span("run")
        head = lead.match(folded, s, e)
        s = head.end() if head else s
        end = tail.search(folded, s, e)
        closed = bool(end) and end.group().endswith(("称号", "荣誉"))
        if m.group("cue") in sc.strong or closed:
            yield from _honour_parts(folded, s, end.start() if end else e, sc)


def _honour_parts(folded: str, start: int, end: int, sc: _Scanner) -> Iterator[Candidate]:
    cuts = [start, *_commas(folded, start, end), end]
    for s, e in zip(cuts[::2], cuts[1::2], strict=True):
        s, e = _trim(folded, s, e)
        count = _HONOUR_COUNT.match(folded, s, e)  # 获评5个国家…示范区: how many, not the name
        if count and sc.patterns["awardee"].search(folded, count.end(), e):
            continue  # …、7个党组织获评…: a new clause, with its own awardees and cue
        s = count.end() if count else s
        e = _trim(folded, s, _before_awardees(folded, s, e))[1]
        e -= folded[s:e].endswith("等")
        q = sc.patterns["quote"].fullmatch(folded, s, e)
        if q:
            s, e = q.span("q")
        name = folded[s:e]
        if (
            2 <= len(name) <= sc.config["honour"]["max_chars"]
            and _WORDISH.search(sc.patterns["mask"].sub("", name))
            and not sc.patterns["honour.not_title"].fullmatch(name)
        ):
            yield _RANK["honour"], s, e, "honour", "campaign.honour"


def _before_awardees(folded: str, start: int, end: int) -> int:
    """Where a title ends before the count of its awardees or a clause on them (大国工匠4人,
    劳动模范的有三万多人); a count inside a quoted name is part of it (“五个一工程”奖)."""
    pos = start
    while (tail := _HONOUR_TAIL.search(folded, pos, end)) is not None:
        at: int = tail.start()
        if folded.count("“", start, at) <= folded.count("”", start, at):
            return at
        closing = folded.find("”", at, end)
        if closing < 0:
            break
        pos = closing + 1
    return end


def _commas(folded: str, start: int, end: int) -> list[int]:
    """Both sides of every 、 outside quotes in a run: [a, b] pairs that split it into
    titles (“五个一工程”奖、文华奖); a 、 inside a quote belongs to the name."""
    cuts, depth = [], 0
    for i in range(start, end):
        ch = folded[i]
        if ch in "“「":
            depth += 1
        elif ch in "”」":
            depth = max(0, depth - 1)
        elif ch == "、" and not depth:
            cuts += [i, i + 1]
    return cuts


def _formulas(folded: str, sc: _Scanner) -> Iterator[Candidate]:
    """Unquoted formulas by shape: 十四五, and paired ones (一岗双责, 三改一拆)."""
    for name, found in (("plan", sc.fast["plan"].finditer(folded)), ("pair", _pairs(folded, sc))):
        for m in found:
            if m.group() not in sc.idioms:
                yield _RANK["pattern"], m.start(), m.end(), "formula", f"campaign.{name}"


def _pairs(folded: str, sc: _Scanner) -> Iterator[Any]:
    """What ``pair.finditer(folded)`` yields, found faster: ``regex`` tries the pattern (a
    lookbehind first) at every position, while ``re`` skips to where a numeral, another
    character and a numeral stand, about one position in a thousand, where every match
    starts; the pattern is tried there (:func:`extractor.text.rx.matches_at`)."""
    pair, starts = sc.patterns["pair"], sc.pair_starts
    found: Iterator[Any] = (
        pair.finditer(folded)
        if starts is None
        else matches_at(pair, folded, (m.start() for m in starts.finditer(folded)))
    )
    return found


def _lexicon_hits(folded: str, lexicon: Lexicon, sc: _Scanner) -> Iterator[Candidate]:
    orgs, kinds = sc.orgs, sc.lexicon_kinds
    for s, e in lexicon.spans(folded):
        if not folded.startswith(orgs, e):
            name = folded[s:e]
            kind = kinds.get(name)
            if kind is None:
                kind = kinds[name] = "formula" if _is_formula(name, sc) else "lexicon"
            yield _RANK["lexicon"], s, e, kind, "campaign.lexicon"


def _known_formulas(folded: str, names: set[str], sc: _Scanner) -> list[Candidate]:
    """A formula the report quotes is the same formula where it stands without quotes
    (“三网融合” … 三网融合、云计算: SPEC's formulas are "quoted or not")."""
    numerals, out = sc.config["numerals"], []
    for name in names:
        if len(name) < 3:
            continue
        pos = folded.find(name)
        while pos >= 0:
            if not (pos and folded[pos - 1] in numerals):  # not inside 十三网融合
                out.append((_RANK["pattern"], pos, pos + len(name), "formula", "campaign.known"))
            pos = folded.find(name, pos + 1)
    return out


def _resolve(candidates: Iterable[Candidate], size: int) -> list[Candidate]:
    """One name per stretch of text: by rank, then leftmost, then longest."""
    taken, chosen = bytearray(size), []
    # two stable sorts with C-level keys instead of one with a Python key: longest first,
    # then by rank and start (ties keep their order, as a (rank, start, -length) key does)
    ordered = sorted(candidates, key=itemgetter(2), reverse=True)
    ordered.sort(key=itemgetter(0, 1))
    for cand in ordered:
        s, e = cand[1], cand[2]
        if taken.find(1, s, e) == -1:
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(cand)
    chosen.sort(key=itemgetter(1, 2))
    return chosen


def find_campaigns(
    text: str, *, rules: RuleSet | None = None, lexicon: Lexicon | None = None
) -> list[Campaign]:
    """Campaign names in ``text`` in order, ids ``k1``, ``k2``…; section and measure unset.

    ``lexicon`` replaces the rule set's lexicon (see :func:`load_lexicon`, whose ``base``
    adds a user list to the shipped one, and :func:`with_lexicon`).
    """
    rules = rules or default_rules()
    if "campaigns" not in rules.data:
        return []  # a variant pattern directory without campaigns.toml finds none
    sc = _scanner(rules)
    folded = cached_fold(text)
    lex = sc.lexicon if lexicon is None else lexicon
    formulas: set[str] = set()  # the formulas the report quotes
    candidates = [
        *_documents(folded, sc), *_honours(folded, sc), *_quotes(folded, sc, formulas),
        *_formulas(folded, sc), *_lexicon_hits(folded, lex, sc),
    ]  # fmt: skip
    candidates += _known_formulas(folded, formulas, sc)
    names, mask = sc.names, sc.patterns["mask"]
    found = []
    for i, (_, s, e, kind, rule) in enumerate(_resolve(candidates, len(text)), 1):
        name = text[s:e]
        known = names.get(name)  # a report names the same campaign again and again
        if known is None:
            known = _memo(names, name, (normalise(name), bool(mask.search(name))))
        found.append(Campaign(f"k{i}", None, None, name, known[0], kind, known[1], s, e, rule))
    return found
