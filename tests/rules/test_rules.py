"""Rules test themselves: every pattern's examples match, its counterexamples do not."""

from __future__ import annotations

import pytest
from conftest import CORPORA, shared_files

from extractor.errors import RuleError
from extractor.rules.loader import default_rules, load_rules
from extractor.text.fold import fold

RULES = [rule for table in ("section", "measure") for rule in default_rules().of(table)]
EXAMPLES = [(rule, ex) for rule in RULES for ex in rule.examples]
COUNTER = [(rule, text) for rule in RULES for text in rule.counterexamples]


@pytest.mark.parametrize(
    ("rule", "example"), EXAMPLES, ids=[f"{r.id}:{e.text}" for r, e in EXAMPLES]
)
def test_rule_matches_its_examples(rule, example):
    m = rule.regex.match(fold(example.text))
    assert m is not None, f"{rule.id} does not match {example.text!r}"
    for name, value in example.groups.items():
        assert m.group(name) == value


@pytest.mark.parametrize(("rule", "text"), COUNTER, ids=[f"{r.id}:{t}" for r, t in COUNTER])
def test_rule_rejects_its_counterexamples(rule, text):
    assert rule.regex.match(fold(text)) is None, f"{rule.id} matches {text!r}"


def test_every_rule_has_examples_and_counterexamples():
    for rule in RULES:
        if rule.id != "measure.dash":
            assert rule.examples and rule.counterexamples, rule.id


def _write(tmp_path, body: str):
    (tmp_path / "bad.toml").write_text(body, encoding="utf-8")
    return tmp_path


def test_unknown_key_names_file_and_rule(tmp_path):
    d = _write(tmp_path, "[[section]]\nid = 'x.y'\npattern = 'a'\nlevl = 1\n")
    with pytest.raises(RuleError, match=r"bad\.toml.*x\.y.*levl"):
        load_rules(d)


def test_bad_regex_names_rule(tmp_path):
    d = _write(tmp_path, "[[measure]]\nid = 'm.broken'\npattern = '(unclosed'\n")
    with pytest.raises(RuleError, match=r"m\.broken.*does not compile"):
        load_rules(d)


def test_needs_must_be_held_by_every_example(tmp_path):
    rule = "[[measure]]\nid = 'm.shi'\npattern = '(?P<num>[一二])是'\nneeds = '要'\n"
    d = _write(tmp_path, rule + "examples = ['一是加强']\n")
    with pytest.raises(RuleError, match=r"m\.shi.*一是加强.*needs"):
        load_rules(d)


def test_needs_is_held_by_every_match_in_the_corpora():
    """A rule's `needs` only skips text where the rule cannot match: every match of it in
    the sample reports holds one of its characters."""
    rules = [r for r in default_rules().of("measure") if r.needs]
    assert {r.id for r in rules} >= {"measure.shi", "measure.yao", "measure.di"}
    seen = 0
    for path in [*sorted(CORPORA.glob("*.txt")), *shared_files()]:
        folded = fold(path.read_bytes().decode("utf-8", errors="replace"))
        for rule in rules:
            for m in rule.regex.finditer(folded):
                assert any(ch in m.group() for ch in rule.needs), (rule.id, m.group())
                seen += 1
    assert seen > 20


def test_duplicate_ids_are_an_error(tmp_path):
    rule = "[[section]]\nid = 'dup'\npattern = 'a'\n"
    d = _write(tmp_path, rule + rule)
    with pytest.raises(RuleError, match="duplicate rule id 'dup'"):
        load_rules(d)


def test_a_custom_directory_serves_a_variant(tmp_path):
    from extractor import parse

    (tmp_path / "outline.toml").write_text(
        "[[section]]\nid = 'only.roman'\nlevel = 1\npattern = '''(?P<num>[一二三])、'''\n",
        encoding="utf-8",
    )
    report = parse("一、甲\n内容。\n(一)乙\n内容。\n", rules=load_rules(tmp_path))
    assert [s.title for s in report.sections] == ["甲"]


def test_a_rule_set_travels_to_workers_without_its_compiled_parts():
    """A worker gets the rules (and a user's lexicon files), not the parent's compiled
    scanners; it compiles its own and parses alike."""
    import pickle

    from extractor import parse

    rules = load_rules()
    text = "青禾县2023年工作总结\n一、主要工作\n一是推进“两个维护”。新增市场主体1200户。\n"
    here = parse(text, rules=rules)
    assert rules._compiled  # the parse compiled claims, units, campaigns …
    copy = pickle.loads(pickle.dumps(rules))
    assert copy._compiled == {} and copy.data == rules.data
    there = parse(text, rules=copy)
    assert [(c.value_text, c.unit) for c in there.claims] == [("1200", "户")]
    assert there.claims == here.claims and there.campaigns == here.campaigns
