"""The schema: a user's pattern directory gets one clear load error per mistake, naming the
file, the table, the rule and the key; templates and traditional forms are derived."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.errors import RuleError
from extractor.rules import default_patterns_dir, load_rules
from extractor.rules.loader import traditional


def _copy(tmp_path: Path) -> Path:
    """A user's pattern directory: a copy of the shipped one."""
    target = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _add(directory: Path, name: str, body: str) -> None:
    (directory / name).write_text(body, encoding="utf-8")


# fmt: off
MISTAKES = [
    # (what the user did, file, edit, the error names …)
    ("a misspelled vocabulary key", "claims.toml", ("[claims.approx_before]",
                                                     "[claims.aprox_before]"),
     r"claims\.toml: \[claims\] key 'aprox_before': unknown key"),
    ("a wrong type", "claims.toml", ('words = ["余", "多", "来"]', 'words = "余"'),
     r"claims\.toml: \[claims\] key 'approx_inner': must be a list of strings"),
    ("a misspelled rule key", "outline.toml", ("level = 4", "levle = 4"),
     r"outline\.toml: \[section\] rule 'section\.paren_arabic': unknown keys \['levle'\]"),
    ("a rule key of the wrong type", "outline.toml", ("level = 4", 'level = "4"'),
     r"outline\.toml: \[section\] rule 'section\.paren_arabic' key 'level': must be an integer"),
    ("a misspelled table", "kinds.toml", ("[kind.plan.words]", "[kind.plna.words]"),
     r"kinds\.toml: \[kind\.plna\]: unknown table"),
    ("a failing example", "outline.toml", ('{ text = "1.持续扩大有效投资", num = "1" }',
                                           '{ text = "一.持续扩大有效投资", num = "1" }'),
     r"outline\.toml: \[section\] rule 'section\.arabic_dot' key 'examples': does not match "
     r"its example '一\.持续扩大有效投资'"),
    ("a counterexample that matches", "outline.toml", ('counterexamples = ["1.5万元"',
                                                       'counterexamples = ["1.5万元", "3、好"'),
     r"outline\.toml: \[section\] rule 'section\.arabic_dot' key 'counterexamples': matches "
     r"its counterexample '3、好'"),
    ("a unit row with a misspelled key", "units.toml",
     ('"艘" = { base = "艘", dim = "count" }', '"艘" = { base = "艘", dimm = "count" }'),
     r"units\.toml: \[units\] rule '艘': unknown keys \['dimm'\]"),
    ("a pattern that does not compile", "claims.toml", ('"逾"', '"逾("'),
     r"claims\.toml: \[claims\] key 'approx_before': pattern does not compile"),
]
# fmt: on


@pytest.mark.parametrize(
    ("file", "edit", "message"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_a_mistake_in_a_user_directory_is_one_clear_load_error(tmp_path, file, edit, message):
    directory = _copy(tmp_path)
    _replace(directory / file, *edit)
    with pytest.raises(RuleError, match=message):
        load_rules(directory)


def test_a_duplicate_rule_id_across_files_names_both(tmp_path):
    directory = _copy(tmp_path)
    _add(directory, "zz_mine.toml", "[[section]]\nid = 'section.part'\nlevel = 1\npattern = 'x'\n")
    with pytest.raises(RuleError, match=r"zz_mine\.toml: \[section\] rule 'section\.part'.*"
                       r"duplicate rule id 'section\.part' \(first in outline\.toml\)"):  # fmt: skip
        load_rules(directory)


def test_a_long_form_entry_in_a_user_file_checks_its_own_examples(tmp_path):
    directory = _copy(tmp_path)
    _add(directory, "zz_mine.toml", '[claims.approx_before]\npatterns = ["大约"]\n'
         'examples = ["估计3万人"]\n')  # fmt: skip
    with pytest.raises(RuleError, match=r"zz_mine\.toml: \[claims\] "
                       r"key 'approx_before\.examples': does not match its example '估计3万人'"):  # fmt: skip
        load_rules(directory)
    _add(directory, "zz_mine.toml", '[claims.approx_before]\npatterns = ["大约"]\n'
         'examples = ["大约3万人"]\n')  # fmt: skip
    assert "大约" in load_rules(directory).vocab("claims.approx_before").items


def test_a_missing_entry_of_a_present_table_is_an_error(tmp_path):
    directory = _copy(tmp_path)
    layout = directory / "layout.toml"
    text = layout.read_text(encoding="utf-8")
    entry = text.index("[layout.title_field]")  # the entry's table, to the next blank line
    layout.write_text(text[:entry] + text[text.index("\n\n", entry) :], encoding="utf-8")
    with pytest.raises(RuleError, match=r"\[layout\]: key 'title_field' is missing"):
        load_rules(directory)


def test_templates_stand_for_their_fragment_and_unknown_names_are_errors(tmp_path):
    _add(tmp_path, "t.toml", "[templates]\ncn = '[一二三]'\n[[section]]\nid = 's.x'\n"
         "level = 1\npattern = '(?P<num>{cn})、'\nexamples = ['二、总结']\n")  # fmt: skip
    rule = load_rules(tmp_path).get("s.x")
    assert rule.pattern == "(?P<num>[一二三])、"
    _add(tmp_path, "t.toml", "[[section]]\nid = 's.x'\nlevel = 1\npattern = '{cnn}、'\n")
    with pytest.raises(RuleError, match=r"t\.toml: \[section\] rule 's\.x' key 'pattern': "
                       r"unknown template \{cnn\}"):  # fmt: skip
        load_rules(tmp_path)


def test_a_property_class_is_no_template(tmp_path):
    _add(tmp_path, "t.toml", "[[section]]\nid = 's.x'\nlevel = 1\npattern = '\\p{Han}、'\n")
    assert load_rules(tmp_path).get("s.x").regex.match("一、")


def test_traditional_forms_are_derived_not_copied(tmp_path):
    """A user who lists only simplified words still reads traditional reports."""
    _add(tmp_path, "u.toml", '[unit_scales]\n"万" = 1e4\n[units."个"]\nbase = "个"\n'
         'dim = "count"\nnot_before = ["头"]\n')  # fmt: skip
    rules = load_rules(tmp_path)
    units = rules.map("units")
    assert units["個"]["base"] == "个"  # the base stays simplified: a series compares
    assert "頭" in units["個"]["not_before"] and "头" in units["個"]["not_before"]
    assert rules.map("unit_scales")["萬"] == 1e4
    assert traditional("增长") == ("增長",)
    assert traditional("X%") == ()


def test_an_entry_lends_its_words_or_characters_as_a_template(tmp_path):
    """A pattern built from a list names the list (``{honour_cue}``: the strong and the weak
    cues pooled), never copies it."""
    directory = _copy(tmp_path)
    _add(directory, "zz_mine.toml", '[campaigns.honour.strong]\nwords = ["喜获"]\n')
    rules = load_rules(directory)
    honour = rules.vocab("campaigns.patterns.honour").pattern
    assert "(?:被评定为|被命名为|" in honour and "|喜获|" in honour and honour.count("|获)") == 1
    assert rules.template("formula_numerals") == "一二两三四五六七八九十百千万双"
    pair = rules.vocab("campaigns.patterns.pair")
    assert "{pair_char}" not in pair.pattern and rules.template("pair_char") in pair.pattern
    _add(directory, "zz_mine.toml", "[templates]\nhonour_cue = '获奖'\n")
    with pytest.raises(RuleError, match=r"template \{honour_cue\} is defined twice"):
        load_rules(directory)


def test_only_words_and_characters_lend_templates():
    from extractor.rules import schema

    lenders = [e for t in schema.VOCABULARIES.values() for e in t.values() if e.template]
    assert lenders and all(e.kind in schema.TEMPLATE_SOURCES for e in lenders)
