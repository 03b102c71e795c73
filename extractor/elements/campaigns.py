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

from extractor.claims.units import unit_table
from extractor.context import NOWHERE, Context, Placement, as_context
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
from extractor.rules.script import simplified
from extractor.text.fold import fold
from extractor.text.numerals import chinese_number
from extractor.text.rx import for_scanning, matches_at
from extractor.text.sentences import CLAUSE_MARKS

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
_SUM = regex.compile(r"(?<!\d)\d++(?:[+×]\d++)+")  # 3+2, 14+1, 4×4: 1+4+N's all-digit kin
_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a quote that is a number and its unit is a quantity
_SPACE = regex.compile(r"\s+")
#: Priority of candidate kinds when they overlap (lower wins).
_RANK = {"document": 0, "honour": 1, "quote": 2, "pattern": 3, "lexicon": 3}
_LOOKBEHIND = regex.compile(r"\(\?<[!=][^()]*\)")
#: A colon after a count opens the list it counts (三大任务：一是…).
_COLONS = frozenset(":：")
#: The ``[campaigns.patterns.*]`` entries, compiled under their names.
_PATTERNS = ("quote", "document", "pair", "quoted_pair", "plan", "shaped", "honour", "honour_by",
             "object", "listed_object", "number_name", "body", "streak", "object_name",
             "place_name", "indicator")  # fmt: skip
#: Entries a memo of the scanner keeps before it starts afresh (a batch of thousands of
#: reports must not grow it without end; the corpus has about 4000 distinct names).
_MEMO_MAX = 50_000
_K = TypeVar("_K")
_V = TypeVar("_V")


def compiled_patterns(rules: RuleSet | None = None) -> dict[str, tuple[Any, tuple[Any, ...]]]:
    """Each ``[campaigns.patterns.*]`` regex (compiled) with its examples and counterexamples."""
    rules = rules or default_rules()
    sc = _scanner(rules)
    out = {}
    for name in _PATTERNS:
        entry = rules.vocab(f"campaigns.patterns.{name}")
        examples = tuple({"text": e.text, **e.groups} for e in entry.examples)
        out[name] = (sc.patterns[name], (examples, entry.counterexamples))
    return out


def default_lexicon(rules: RuleSet | None = None) -> Lexicon:
    """The lexicon a rule set names (the shipped one by default; none without campaigns.toml)."""
    rules = rules or default_rules()
    return _scanner(rules).lexicon if has_campaigns(rules) else build_lexicon(())


# --- compiled configuration ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Limits:
    """The lengths of ``[campaigns]`` (``min_chars``, ``max_plain`` …) and of an honour."""

    min_chars: int
    max_plain: int
    max_listed: int
    max_part: int
    max_comma: int
    honour: int


@dataclass(frozen=True, slots=True)
class _Scanner:
    """Everything ``find_campaigns`` needs from a rule set, compiled once."""

    patterns: Mapping[str, Any]
    limits: _Limits
    lexicon: Lexicon
    #: numerals that lead a formula, and those that do only beside another (一)
    numerals: str
    lone: str
    #: what makes a numeral a quantity (units that do not count, scales, count words …)
    units: tuple[str, ...]
    #: measure words that lead a formula inside quotes (“三张清单”)
    count_words: tuple[str, ...]
    #: for shaped formulas (七大攻坚, 四篇大文章, 百日攻坚): where one may start (a numeral
    #: with 大 within two characters, or a round numeral), the units that count and those of
    #: time (units.toml), the round numerals and what introduces a list (claims.list_before)
    shaped_starts: _ShapedStarts
    count_units: frozenset[str]
    time_units: frozenset[str]
    round: str
    list_before: Any
    #: what separates and joins the items of a list a count may sum up (、; 和, 及, 与)
    list_comma: str
    list_joiners: tuple[str, ...]
    idioms: frozenset[str]
    #: holidays and the calendar's sessions, which a quote names but no campaign (“五一”)
    calendar: frozenset[str]
    #: lexicon names that are also ordinary words (严打), and what beside one makes it the
    #: campaign (严打整治斗争)
    plain_names: frozenset[str]
    plain_heads: tuple[str, ...]
    strong: frozenset[str]
    #: what ends a list and is no part of its last item (等): of honours (…文华奖等), and of
    #: the items a count sums up (…蔬菜和花卉等五大产业集群)
    etc: tuple[str, ...]
    #: the organisation suffixes (as literals: str.startswith is the cheaper test after
    #: each of thousands of lexicon hits)
    orgs: tuple[str, ...]
    #: where a body's name ends (领导小组 …), and what makes a quoted name a body's (联盟 …)
    body_heads: tuple[str, ...]
    body_endings: tuple[str, ...]
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


def has_campaigns(rules: RuleSet) -> bool:
    """Whether a rule set has a ``[campaigns]`` table (a variant directory may have none)."""
    return "campaigns.numerals" in rules.entries


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


def _quantity_units(rules: RuleSet) -> tuple[str, ...]:
    """What makes a numeral a quantity, not a formula (百日, 十年, 一件): the units of
    units.toml of the ``quantity_dims``, the scales, the count words and ``quantity_words``."""
    table, dims = unit_table(rules), set(rules.vocab("campaigns.quantity_dims").items)
    words = [w for w, row in table.units.items() if row.dim in dims]
    words += [*table.scales, *rules.vocab("campaigns.count_words").items]
    words += rules.vocab("campaigns.quantity_words").items
    return tuple(dict.fromkeys(words))


def _compile(rules: RuleSet) -> _Scanner:
    if not has_campaigns(rules):
        raise RuleError(f"{rules.directory}: no [campaigns] table (campaigns.toml)")

    def vocab(key: str) -> Any:
        return rules.vocab(f"campaigns.{key}")

    patterns = {name: _re(f"patterns.{name}", vocab(f"patterns.{name}").pattern)
                for name in _PATTERNS}  # fmt: skip
    patterns["distancing"] = _re("distancing", vocab("distancing").alternation(longest_first=True))
    for key in ("separators", "sentence", "mask"):
        patterns[key] = _re(key, vocab(key).pattern)
    honours = ("lead", "tail", "not_title", "awardees", "count", "qualified", "title", "award",
               "titled")  # fmt: skip
    for key in honours:
        # an entry read in both scripts is its pattern and the traditional form of it
        patterns[f"honour.{key}"] = _re(f"honour.{key}", vocab(f"honour.{key}").alternation())
    strong = vocab("honour.strong")
    patterns["awardee"] = _re("honour.strong", strong.alternation(longest_first=True))
    orgs = tuple(sorted(vocab("org_suffixes").items, key=len, reverse=True))
    root = Path(rules.directory)
    files = [p if Path(p).is_absolute() else root / p for p in vocab("lexicons").items]
    years_path = vocab("years").value
    years = read_years(root / years_path) if years_path else {}
    lexicon = build_lexicon((n for f in files for n in read_names(f)), years)
    numerals = vocab("numerals").chars
    keys = ("min_chars", "max_plain", "max_listed", "max_part", "max_comma", "honour.max_chars")
    limits = _Limits(*(int(vocab(k).value) for k in keys))
    table, rounds = unit_table(rules), vocab("round_numerals").chars
    dims = {w: row.dim for w, row in table.units.items()}
    list_before = rules.vocab("claims.list_before").alternation(longest_first=True)
    return _Scanner(
        patterns, limits, lexicon, numerals, vocab("lone_numerals").chars,
        _quantity_units(rules), vocab("count_words").items,
        _ShapedStarts(
            numerals.replace(vocab("lone_numerals").chars, ""), vocab("formula_big").chars,
            rounds, "".join(w for w, d in dims.items() if d == "time" and len(w) == 1),
        ),
        frozenset(w for w, d in dims.items() if d == "count"),
        frozenset(w for w, d in dims.items() if d == "time"), rounds,
        regex.compile(f"(?:{list_before})$", _V1), vocab("list_comma").chars,
        vocab("list_joiners").items, frozenset(vocab("idioms").items),
        frozenset(vocab("calendar").items), frozenset(vocab("plain_names").items),
        vocab("plain_heads").items, frozenset(strong.items), vocab("honour.etc").items,
        orgs,
        vocab("body_heads").items,
        vocab("body_endings").items,
        {name: for_scanning(p) for name, p in patterns.items()},
        _pair_starts(vocab("patterns.pair").pattern, numerals, rules.template("pair_char")),
    )  # fmt: skip


class _ShapedStarts:
    """Where a shaped formula may start: a numeral (not a lone one) one or two characters
    before 大, or a round numeral before a one-character unit of time (百日攻坚); every
    match :func:`_shaped` keeps starts so (its measure word is one character).  Each scan
    opens with the rarer character and looks behind it (大, then the numeral before it),
    which ``re`` finds by a literal search, where a scan that opens with a class of
    characters tries every position."""

    def __init__(self, numerals: str, big: str, rounds: str, times: str) -> None:
        self.numerals = numerals
        n, b, t = (re.escape(x) for x in (numerals, big, times))
        self.big = re.compile(f"[{b}](?<=[{n}][{b}])|[{b}](?<=[{n}].[{b}])") if n and b else None
        # one scan per round numeral, each opening with its literal
        self.rounds = [re.compile(f"{re.escape(ch)}(?=[{t}])") for ch in rounds] if t else []

    def __call__(self, folded: str) -> list[int]:
        starts = []
        if self.big is not None:
            for m in self.big.finditer(folded):
                at = m.start()
                starts += [p for p in (at - 2, at - 1) if p >= 0 and folded[p] in self.numerals]
        for pattern in self.rounds:
            starts += [m.start() for m in pattern.finditer(folded)]
        return sorted(set(starts))


def _pair_starts(pattern: str, numerals: str, pair_char: str) -> re.Pattern[str] | None:
    """Where a pair formula can start: a numeral before a non-numeral and a numeral.  None
    unless every match of the pair pattern starts so: the pattern opens, after an optional
    lookbehind, with a numeral, a ``{pair_char}`` and a numeral again (one or more times),
    has no alternative (``|``) to it, and the numerals are plain letters in a set."""
    lead = _LOOKBEHIND.match(pattern)
    body = pattern[lead.end() :] if lead else pattern
    opening = f"[{numerals}][{pair_char}](?:[{numerals}][{pair_char}]){{1,"
    if not numerals.isalpha() or not body.startswith(opening) or "|" in body:
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
    lead = len(word) - len(word.lstrip(sc.numerals))
    head, rest = word[:lead], word[lead:]
    if not head or head == sc.lone:
        return False
    if not rest:
        return len(head) >= 2  # 七五 (普法), 十五
    if not rest.startswith(sc.units):
        return bool(_WORDISH.match(rest))
    counted = quoted and rest.startswith(sc.count_words)
    return counted and bool(_WORDISH.match(rest[1:]))


def _is_formula(name: str, sc: _Scanner, quoted: bool = False) -> bool:
    parts = [p for p in sc.patterns["separators"].split(fold(name).strip()) if p]
    if len(parts) <= 1:
        return bool(parts) and _formula_word(parts[0], sc, quoted)
    leads = [p[: len(p) - len(p.lstrip(sc.numerals))] for p in parts]
    if leads[0] == sc.lone:  # 一个中心、两个基本点; not 一个项目、一名领导、一套班子
        return not parts[0][1:].startswith(sc.units) and any(x not in ("", sc.lone) for x in leads)
    return _formula_word(parts[0], sc, quoted and len(parts) == 1)


def is_formula(name: str, *, rules: RuleSet | None = None) -> bool:
    """Whether a name is a numeral-led formula (两抓年, 一岗双责, 千村示范、万村整治), by the
    grammar of names or by the shape of an unquoted one (七大攻坚, 百日攻坚).  Inside quotes
    only the grammar of names counts: SPEC keeps “百日攻坚” a quoted name."""
    sc = _scanner(rules or default_rules())
    name = fold(name).strip()
    return _is_formula(name, sc) or any(e - s == len(name) for _, s, e, _, _ in _shaped(name, sc))


def _quantity(content: str, sc: _Scanner) -> bool:
    """Whether a quote is a number and a unit of measure (1小时; not 30条, a package)."""
    number = _NUMBER.match(content) if content[:1].isdigit() else None
    return number is not None and content[number.end() :] in sc.units


def _quoted_kind(content: str, sc: _Scanner) -> str | None:
    """``formula``, ``quoted`` or ``honour`` (a title by its head) for a quoted name; None
    for a sentence, mask or number."""
    if not _WORDISH.search(sc.patterns["mask"].sub("", content)) and not _SUM.fullmatch(content):
        return None  # “XX”, “12345”; but “3+2”, “14+1” name systems of industries
    compact, limits = _SPACE.sub("", content), sc.limits
    if len(compact) < limits.min_chars or sc.patterns["sentence"].search(content):
        return None
    if content in sc.calendar or sc.patterns["streak"].fullmatch(content):
        return None  # “五一”, “春节”: a holiday; “十一连增”: how many years in a row
    if sc.patterns["object_name"].search(content):
        return None  # “山海APP”, “上海号”, “沪港通”: an object by its own name
    if sc.patterns["place_name"].fullmatch(content):
        return None  # “中国光谷”, “氢走廊”, “锰三角”: a place by its nickname
    parts = [p for p in sc.patterns["separators"].split(content) if p]
    if len(parts) == 1 and compact.endswith(sc.body_endings):
        return None  # “…党建联盟”: a body (but “管委会+公司” is a model)
    longest = max(len(p) for p in parts)
    if "，" in content or "," in content:
        fits = len(compact) <= limits.max_comma and longest <= limits.max_part
    elif len(parts) > 1:
        fits = len(compact) <= limits.max_listed and longest <= limits.max_part
    else:
        fits = len(compact) <= limits.max_plain
    if not fits:
        return None
    if sc.patterns["honour.title"].fullmatch(content):
        return "honour"  # “时代楷模”, named without a cue too
    return "formula" if _is_formula(content, sc, quoted=True) else "quoted"


# --- candidates ---------------------------------------------------------------------------

Candidate = tuple[int, int, int, str, str]  # (rank, start, end, kind, rule)
#: The marks that close a quote (a title quoted at the end of an honour's run).
_CLOSING = frozenset('”」』’"')


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
    listed = sc.fast["listed_object"]
    # what may follow a quote where patterns.listed_object can match (cheaply tested first):
    # its 等, another quote, or a list's comma or joiner before one
    listed_starts = (*sc.etc, *sc.list_comma, *sc.list_joiners, "“")
    titled = sc.fast["honour.titled"]
    kinds = sc.quoted_kinds
    cues = [m.end() for m in sc.fast["distancing"].finditer(folded)]  # few; most reports none
    counts: set[str] = set()  # quoted counts of the list before them (“四大板块”)
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
        if kind and _quantity(content, sc) and not _WORDISH.match(folded, m.end()):
            continue  # 拿出“1小时”: a quantity; but “15分钟”服务圈 names one
        if not kind or obj.match(folded, m.end()) or awardee.match(folded, m.end()):
            continue
        if folded.startswith(listed_starts, m.end()) and listed.match(folded, m.end()):
            continue  # “某某在线”、“某某秀带”等在线新经济生态园: instances of a class of things
        if titled.match(folded, m.end()):
            kind = "honour"  # 蝉联“国家卫生城市”称号: the title of an honour, cue or none
        if (
            kind == "formula"
            and 0 in sc.shaped_starts(content)
            and (content in counts or _sums_up(folded, m.start(), content[0], sc))
        ):
            counts.add(content)  # and a later “四大板块” refers back to the list
            continue  # 东、中、西、东北地区“四大板块”: the list's count, as unquoted
        # someone else's words (所谓“倾销”); their formulas still name (所谓“两个估计”)
        if kind == "formula":
            formulas.add(content)
            yield _RANK["quote"], s, e, kind, "campaign.quote"
        elif not (cues and _distanced(folded, m.start(), cues)):
            yield _RANK["quote"], s, e, kind, "campaign.quote"


def _listed(quotes: list[Candidate], folded: str, sc: _Scanner, formulas: set[str]) -> None:
    """A quote a lone numeral leads (“一个中心”) is a formula in a list of quoted formulas
    of the same build, numeral and measure word (“两个屏障”、“一个桥头堡”), as it is inside
    one quote of the whole list (“一个中心、两个基本点”); not a count (“一张蓝图”) nor
    another name (“一网通办”).  The quotes adjoin, or a list's comma or joiner separates
    them.  Changes ``quotes`` in place."""
    joins = (sc.list_comma, "", *sc.list_joiners)
    for i in range(len(quotes) - 1):
        a, b = quotes[i], quotes[i + 1]
        if {a[3], b[3]} != {"formula", "quoted"} or folded[a[2] + 1 : b[1] - 1] not in joins:
            continue
        at, other = (i, b) if a[3] == "quoted" else (i + 1, a)
        lone, name = folded[quotes[at][1] : quotes[at][2]], folded[other[1] : other[2]]
        word = name.lstrip(sc.numerals)[:1]  # the measure word after the other's numeral
        if lone[:2] == sc.lone + word and _is_formula(f"{lone}、{name}", sc):
            quotes[at] = (*quotes[at][:3], "formula", quotes[at][4])
            formulas.add(lone)


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
    """The titles after an honour cue; a weak cue (获得) needs a closing 称号 / 荣誉 or an
    award's head (获文华奖)."""
    lead, tail, award = sc.fast["honour.lead"], sc.fast["honour.tail"], sc.fast["honour.award"]
    by = sc.fast["honour_by"]
    for m in (*sc.fast["honour"].finditer(folded), *by.finditer(folded)):
        s, e = m.span("run")
        head = lead.match(folded, s, e)
        s = head.end() if head else s
        end = tail.search(folded, s, e)
        closed = bool(end and end.group("title")) or bool(award.search(folded, s, e))
        if m.re is by or m.group("cue") in sc.strong or closed:
            parts = list(_honour_parts(folded, s, end.start() if end else e, sc))
            # a run the pattern cut at its length ends in a piece of a title (…、城镇)
            cut = bool(_WORDISH.match(folded, m.end())) and parts and parts[-1][2] == e
            yield from parts[:-1] if cut else parts


def _honour_parts(folded: str, start: int, end: int, sc: _Scanner) -> Iterator[Candidate]:
    cuts = [start, *_commas(folded, start, end, sc.list_joiners), end]
    for s, e in zip(cuts[::2], cuts[1::2], strict=True):
        s, e = _trim(folded, s, e)
        # 获评5个国家…示范区: how many were named, not the name
        count = sc.patterns["honour.count"].match(folded, s, e)
        if count and sc.patterns["awardee"].search(folded, count.end(), e):
            continue  # …、7个党组织获评…: a new clause, with its own awardees and cue
        s = count.end() if count else s
        e = _trim(folded, s, _before_awardees(folded, s, e, sc))[1]
        e -= next((len(w) for w in sc.etc if folded.endswith(w, s, e)), 0)
        qualified = sc.patterns["honour.qualified"].search(folded, s, e)
        e = qualified.start() if qualified else e  # …大奖的中国城市: the award, not the city
        s, e = _quoted_title(folded, s, e, sc)
        name = folded[s:e]
        if (
            2 <= len(name) <= sc.limits.honour
            and _WORDISH.search(sc.patterns["mask"].sub("", name))
            and not sc.patterns["honour.not_title"].fullmatch(name)
        ):
            yield _RANK["honour"], s, e, "honour", "campaign.honour"


def _quoted_title(folded: str, start: int, end: int, sc: _Scanner) -> tuple[int, int]:
    """The quoted title that ends a run (陕西省“三秦楷模” → 三秦楷模: what stands before the
    quote is who gives it); a run that is one quote is its content.  A run with a noun
    after its quote (“水乡渔村”休闲渔业基地) or with two quotes stays whole."""
    if start >= end or folded[end - 1] not in _CLOSING:
        return start, end
    quotes = list(sc.patterns["quote"].finditer(folded, start, end))
    if len(quotes) == 1 and quotes[0].end() == end:
        q_start: int = quotes[0].start("q")
        return q_start, q_start + len(quotes[0].group("q"))
    return start, end


def _before_awardees(folded: str, start: int, end: int, sc: _Scanner) -> int:
    """Where a title ends before the count of its awardees or a clause on them (大国工匠4人,
    劳动模范的有三万多人); a count inside a quoted name is part of it (“五个一工程”奖)."""
    pos = start
    awardees = sc.patterns["honour.awardees"]
    while (tail := awardees.search(folded, pos, end)) is not None:
        at: int = tail.start()
        if folded.count("“", start, at) <= folded.count("”", start, at):
            return at
        closing = folded.find("”", at, end)
        if closing < 0:
            break
        pos = closing + 1
    return end


def _commas(folded: str, start: int, end: int, joiners: tuple[str, ...] = ()) -> list[int]:
    """Both sides of every 、 outside quotes in a run, of a joiner (和) right after a
    closing quote, and the point between two quotes that adjoin: [a, b] pairs that split it
    into titles (“五个一工程”奖、文华奖; “五一劳动奖章”和国家电网公司“优秀服务之星”;
    获评“十佳党支部”“先锋工作室”); a 、 inside a quote belongs to the name."""
    cuts, depth = [], 0
    for i in range(start, end):
        ch = folded[i]
        if ch in "“「":
            depth += 1
        elif ch in "”」":
            depth = max(0, depth - 1)
            joiner = next((j for j in joiners if folded.startswith(j, i + 1, end)), "")
            if joiner and not depth:
                cuts += [i + 1, i + 1 + len(joiner)]
            elif not depth and folded.startswith(("“", "「"), i + 1, end):
                cuts += [i + 1, i + 1]
        elif ch == "、" and not depth:
            cuts += [i, i + 1]
    return cuts


def _formulas(folded: str, sc: _Scanner) -> Iterator[Candidate]:
    """Unquoted formulas by shape: 十四五, and paired ones (一岗双责, 三改一拆)."""
    for name, found in (("plan", sc.fast["plan"].finditer(folded)), ("pair", _pairs(folded, sc))):
        for m in found:
            if m.group() not in sc.idioms:
                yield _RANK["pattern"], m.start(), m.end(), "formula", f"campaign.{name}"


def _shaped(folded: str, sc: _Scanner) -> Iterator[Candidate]:
    """Unquoted numeral-led formulas by their shape (SPEC §2): a numeral, 大 or a measure
    word and 大, and a short noun with a formula head (七大攻坚, 三大攻坚战, 四篇大文章), or a
    round numeral and a unit of time (百日攻坚); not a count of time (三年行动), a count
    before a noun (两个重点任务), 一大批, a count that introduces a list (以下三大任务,
    三大任务：), nor one of the list before it (新材料、智能装备两大主导产业; …蔬菜和花卉等五大
    产业集群, whatever the number of items named before 等), nor a later count of the same
    numeral and head, which refers back to that list (力争两大产业产值…)."""
    counts: set[tuple[str, str]] = set()  # (numeral, head) of counts of a list
    for m in matches_at(sc.patterns["shaped"], folded, sc.shaped_starts(folded)):
        num, unit, big = m.group("num"), m.group("unit"), m.group("big")
        if unit is None or unit in sc.count_units:
            shaped = bool(big) and num not in sc.lone
        else:
            shaped = unit in sc.time_units and num in sc.round
        s, e = m.span()
        if shaped and (folded.endswith(sc.etc, 0, s) or _sums_up(folded, s, num, sc)):
            counts.add((num, m.group("head")))  # and 这两大产业 later refers back to it
            continue
        if (
            shaped
            and (num, m.group("head")) not in counts
            and folded[e : e + 1] not in _COLONS
            and not sc.list_before.search(folded, max(0, s - 4), s)
            and m.group() not in sc.idioms
        ):
            yield _RANK["pattern"], s, e, "formula", "campaign.shaped"


#: How far back a list that a count sums up is sought (新材料、智能装备两大主导产业).
_LIST_REACH = 40


def _sums_up(folded: str, at: int, numeral: str, sc: _Scanner) -> bool:
    """Whether the count at ``at`` says how many items the list right before it names
    (电子信息、装备制造两大主导产业; 蔬菜、茶叶和中药材三大产业): a count, not a formula.
    A name right after a list's comma or joiner is the list's next item (充电桩、5G网络、
    四好农村路), not its count."""
    start = max(0, at - _LIST_REACH)
    clause = folded[start:at]
    cut = max(clause.rfind(mark) for mark in _CLAUSE_MARKS)
    clause = clause[cut + 1 :]
    if clause.endswith((*sc.list_comma, *sc.list_joiners)):
        return False
    items = clause.split(sc.list_comma)
    if len(items) < 2 and not any(j in clause for j in sc.list_joiners):
        return False
    value = chinese_number(numeral)
    counted = len(items) + any(j in items[-1] for j in sc.list_joiners)
    return value in (len(items), counted)


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
    """Every lexicon name, overlapping ones included (the longest wins in :func:`_resolve`),
    in either script; a traditional form has the kind of its simplified name (兩個維護).
    A numeral-led name that counts the list right before it is that count, as a shaped one
    is (…、产业基础再造和产业链供应链提升三大工程: :func:`_sums_up`).  A name that names
    what indicators measure (节能减排等约束性指标) is no mention of the campaign."""
    orgs, kinds, numerals = sc.orgs, sc.lexicon_kinds, sc.numerals
    measured = sc.fast["indicator"]
    spans = list(lexicon.spans(folded))
    for s, e in spans:
        if not folded.startswith(orgs, e) and not measured.match(folded, e):
            name = folded[s:e]
            plain = sc.plain_names and lexicon.canonical(name) in sc.plain_names
            if plain and not _named_plainly(folded, s, e, spans, sc):
                continue
            kind = kinds.get(name)
            if kind is None:
                simple = lexicon.canonical(name)
                kind = kinds[name] = "formula" if _is_formula(simple, sc) else "lexicon"
            if kind == "formula" and name[0] in numerals and _sums_up(folded, s, name[0], sc):
                continue
            yield _RANK["lexicon"], s, e, kind, "campaign.lexicon"


#: How many characters of its phrase may stand between a plain name and the word that makes
#: it the campaign (严打暴恐专项行动).
_PLAIN_REACH = 4


def _named_plainly(
    folded: str, start: int, end: int, spans: list[tuple[int, int]], sc: _Scanner
) -> bool:
    """Whether a lexicon name that is also an ordinary word (严打, 和平统一) stands as the
    campaign: before a word that makes it one, close after it in its phrase (严打整治斗争,
    严打暴恐专项行动, 和平统一方针), or in a list beside another lexicon name (和平统一、一国
    两制); not in 保持依法严打高压态势, 祖国和平统一大业."""
    at = end
    while at <= end + _PLAIN_REACH:
        if folded.startswith(sc.plain_heads, at):
            return True
        if not _WORDISH.match(folded, at):
            break
        at += 1
    comma = sc.list_comma
    if folded[end : end + 1] in comma and any(s == end + 1 for s, _ in spans):
        return True
    return start > 0 and folded[start - 1] in comma and any(e == start - 1 for _, e in spans)


def _known_formulas(folded: str, names: set[str], sc: _Scanner) -> list[Candidate]:
    """A formula the report quotes is the same formula where it stands without quotes
    (“三网融合” … 三网融合、云计算: SPEC's formulas are "quoted or not")."""
    numerals, out = sc.numerals, []
    for name in names:
        if len(name) < 3:
            continue
        pos = folded.find(name)
        while pos >= 0:
            if not (pos and folded[pos - 1] in numerals):  # not inside 十三网融合
                out.append((_RANK["pattern"], pos, pos + len(name), "formula", "campaign.known"))
            pos = folded.find(name, pos + 1)
    return out


def _positions(text: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``text`` (str.find: a body head is a rare literal)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


#: How far after a campaign the head of a body's name may stand (patterns.body: 12
#: characters, and a closing quote).
_BODY_REACH = 14


def _not_in_bodies(folded: str, candidates: list[Candidate], sc: _Scanner) -> list[Candidate]:
    """The candidates without the campaigns inside a body's name (省推进“一带一路”建设工作
    领导小组): most reports name no body, so the heads are sought first."""
    heads = sorted(at for word in sc.body_heads for at in _positions(folded, word))
    if not heads:
        return candidates
    body, out = sc.patterns["body"], []
    for cand in candidates:
        e = cand[2]
        i = bisect_right(heads, e - 1)
        near = i < len(heads) and heads[i] - e <= _BODY_REACH
        if cand[0] > _RANK["honour"] and near and body.match(folded, e):
            continue
        out.append(cand)
    return out


def _longest_first(cand: Candidate) -> tuple[int, int, int]:
    return cand[0], cand[1] - cand[2], cand[1]


def _resolve(candidates: Iterable[Candidate], size: int) -> list[Candidate]:
    """One name per stretch of text: by rank, then the longest, then the leftmost (where
    two names overlap the longest is the campaign: 精准脱贫攻坚战, not 精准脱贫)."""
    taken, chosen = bytearray(size), []
    for cand in sorted(candidates, key=_longest_first):
        s, e = cand[1], cand[2]
        if taken.find(1, s, e) == -1:
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(cand)
    chosen.sort(key=itemgetter(1, 2))
    return chosen


def find_campaigns(
    doc: Context | str,
    *,
    rules: RuleSet | None = None,
    lexicon: Lexicon | None = None,
    where: Placement = NOWHERE,
) -> list[Campaign]:
    """Campaign names in the text in order, ids ``k1``, ``k2``…; ``where`` places each in
    the outline (its section and measure).

    ``lexicon`` replaces the rule set's lexicon (see :func:`load_lexicon`, whose ``base``
    adds a user list to the shipped one, and :func:`with_lexicon`).
    """
    ctx = as_context(doc, rules)
    text, folded, rules = ctx.text, ctx.folded, ctx.rules
    if not has_campaigns(rules):
        return []  # a variant pattern directory without campaigns.toml finds none
    sc = _scanner(rules)
    lex = sc.lexicon if lexicon is None else lexicon
    formulas: set[str] = set()  # the formulas the report quotes
    quotes = list(_quotes(folded, sc, formulas))
    _listed(quotes, folded, sc, formulas)
    candidates = [
        *_documents(folded, sc), *_honours(folded, sc), *quotes,
        *_formulas(folded, sc), *_lexicon_hits(folded, lex, sc), *_shaped(folded, sc),
    ]  # fmt: skip
    candidates += _known_formulas(folded, formulas, sc)
    candidates = _not_in_bodies(folded, candidates, sc)
    names, mask = sc.names, sc.patterns["mask"]
    found = []
    for i, (_, s, e, kind, rule) in enumerate(_resolve(candidates, len(text)), 1):
        name = text[s:e]
        known = names.get(name)  # a report names the same campaign again and again
        if known is None:
            norm = simplified(normalise(name))  # 掃黑除惡 is 扫黑除恶: norm is simplified
            known = _memo(names, name, (norm, bool(mask.search(folded, s, e))))
        norm = lex.canonical(known[0])
        section_id, measure_id = where(s)
        found.append(
            Campaign(f"k{i}", section_id, measure_id, name, norm, kind, known[1], s, e, rule)
        )
    return found
