"""Rule data: the loader and typed schema of every table in ``patterns/``."""

from extractor.rules.loader import compile_rule, default_patterns_dir, default_rules, load_rules
from extractor.rules.records import Example, Rule, RuleSet, Vocab

__all__ = [
    "Example",
    "Rule",
    "RuleSet",
    "Vocab",
    "compile_rule",
    "default_patterns_dir",
    "default_rules",
    "load_rules",
]
