"""Rule data: the loader and typed schema of every table in ``patterns/``."""

from extractor.rules.loader import (
    Example,
    Rule,
    RuleSet,
    compile_rule,
    default_patterns_dir,
    default_rules,
    load_rules,
)

__all__ = [
    "Example",
    "Rule",
    "RuleSet",
    "compile_rule",
    "default_patterns_dir",
    "default_rules",
    "load_rules",
]
