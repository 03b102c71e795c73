"""The vocabulary of placeholders and campaigns tests itself: every example of every entry
of ``[placeholders]`` and ``[campaigns…]`` matches in the entry's mode and no
counterexample does (``pytest -k campaigns.patterns.pair`` runs one entry).  The loader
checks the same at load; these tests name each entry and example."""

from __future__ import annotations

import pytest
import regex

from extractor.rules import default_rules, schema
from extractor.text.fold import fold

TABLES = ("placeholders", "campaigns", "campaigns.honour", "campaigns.patterns")
RULES = default_rules()
ENTRIES = [
    RULES.vocab(f"{table}.{name}")
    for table in TABLES
    for name, spec in schema.VOCABULARIES[table].items()
    if spec.kind in schema.CHECKABLE and spec.mode != "none"
]
EXAMPLES = [(v, e) for v in ENTRIES for e in v.examples]
COUNTER = [(v, c) for v in ENTRIES for c in v.counterexamples]


def _find(vocab, text):
    compiled = regex.compile(vocab.alternation(), regex.VERSION1)
    return getattr(compiled, vocab.mode)(fold(text))


@pytest.mark.parametrize("entry", ENTRIES, ids=[v.key for v in ENTRIES])
def test_every_entry_has_an_example(entry):
    assert entry.examples, entry.key


@pytest.mark.parametrize(
    ("entry", "example"), EXAMPLES, ids=[f"{v.key}:{e.text}" for v, e in EXAMPLES]
)
def test_entry_matches_its_examples(entry, example):
    m = _find(entry, example.text)
    assert m is not None, (entry.key, example.text)
    for name, value in example.groups.items():
        assert (m.group(0) if name == "match" else m.group(name)) == value


@pytest.mark.parametrize(("entry", "text"), COUNTER, ids=[f"{v.key}:{t}" for v, t in COUNTER])
def test_entry_rejects_its_counterexamples(entry, text):
    assert _find(entry, text) is None, (entry.key, text)


def test_count_words_are_count_units_and_quantity_units_are_derived():
    """What makes a numeral a count or a quantity is units.toml's, not a copy of it."""
    from extractor.claims.units import unit_table
    from extractor.elements.campaigns import _scanner

    units = unit_table(RULES).units
    for word in RULES.vocab("campaigns.count_words").items:
        assert units[word].dim == "count", word
    quantity = set(_scanner(RULES).units)
    assert {"天", "年", "元", "公里", "吨", "亩", "岁", "倍", "万", "亿"} <= quantity
    assert {"個月", "萬", "噸"} <= quantity  # their traditional forms come with them
    assert not {"个", "项", "方", "度"} & quantity  # 四个意识, 八项规定, 四方责任 lead formulas
