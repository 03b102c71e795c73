"""The claim and numeral vocabulary tests itself: every entry of [claims], [numerals] and
[text] with examples matches each of them and none of its counterexamples (the loader checks
the same at load; here ``pytest -k claims.approx_before`` runs one entry)."""

from __future__ import annotations

import pytest
import regex

from extractor.rules import default_rules
from extractor.rules.schema import CHECKABLE, VOCABULARIES
from extractor.text.fold import fold

TABLES = ("claims", "numerals", "text")


def _cases() -> list[tuple[str, str, str, bool]]:
    rules = default_rules()
    out = []
    for table in TABLES:
        for name, spec in VOCABULARIES[table].items():
            if spec.kind not in CHECKABLE:
                continue
            vocab = rules.vocab(f"{table}.{name}")
            out += [(vocab.key, spec.mode, e.text, True) for e in vocab.examples]
            out += [(vocab.key, spec.mode, t, False) for t in vocab.counterexamples]
    return out


CASES = _cases()


@pytest.mark.parametrize(
    ("key", "mode", "text", "matches"), CASES, ids=[f"{k}-{t}" for k, _, t, _ in CASES]
)
def test_entry_matches_its_examples_only(key, mode, text, matches):
    pattern = regex.compile(default_rules().vocab(key).alternation(), regex.VERSION1)
    found = getattr(pattern, mode)(fold(text))
    assert (found is not None) == matches


def test_every_claims_and_numerals_entry_that_can_be_wrong_has_examples():
    rules = default_rules()
    missing = [
        f"{table}.{name}"
        for table in ("claims", "numerals")
        for name, spec in VOCABULARIES[table].items()
        if spec.kind in CHECKABLE and not rules.vocab(f"{table}.{name}").examples
    ]
    assert not missing, missing
