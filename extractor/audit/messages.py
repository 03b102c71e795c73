"""The messages of the audit's findings, in Chinese or English, from ``patterns/messages.toml``.

Each ``[message.<rule>.<case>]`` table holds a ``zh`` and an ``en`` template (Python format
strings with named fields) and an ``example``: ``fields`` and the two texts they must render
to.  :func:`messages` reads and checks them once per rule set (a :class:`RuleError` names
the table and what is wrong); :meth:`Messages.say` renders one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Any

from extractor.errors import RuleError
from extractor.rules.loader import RuleSet, default_rules

LANGUAGES = ("zh", "en")
DEFAULT_LANG = "zh"
SOURCE = "messages.toml"
_CASE_KEYS = frozenset({"zh", "en", "example"})
_EXAMPLE_KEYS = frozenset({"fields", "zh", "en"})
#: What joins the reasons of a finding that several rules found, by language.
JOINER = {"zh": "；", "en": "; "}


@dataclass(frozen=True, slots=True)
class Template:
    """One message: its templates by language and its example."""

    rule: str
    case: str
    text: Mapping[str, str]  # language → template
    fields: frozenset[str]
    example: Mapping[str, Any]  # the example's fields
    rendered: Mapping[str, str]  # language → what the example must render to


@dataclass(frozen=True, slots=True)
class Messages:
    """Every message template of a rule set, by (rule, case)."""

    templates: Mapping[tuple[str, str], Template]

    def say(self, rule: str, case: str, lang: str, **fields: Any) -> str:
        """The message of one case in ``lang`` (``zh`` or ``en``), its fields filled in."""
        return self.templates[rule, case].text[check_lang(lang)].format_map(fields)

    def cases(self, rule: str) -> list[str]:
        return [case for r, case in self.templates if r == rule]


def check_lang(lang: str) -> str:
    """The language code, validated: a ValueError lists the known ones."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join(LANGUAGES)}")
    return lang


def messages(rules: RuleSet | None = None) -> Messages:
    """The message templates of ``rules`` (default: the shipped ones), read once."""
    return (rules or default_rules()).compiled("messages", _build)


def _build(rules: RuleSet) -> Messages:
    tables = rules.data.get("message")
    if not isinstance(tables, Mapping) or not tables:
        raise RuleError(f"{SOURCE}: no [message.<rule>.<case>] tables")
    templates: dict[tuple[str, str], Template] = {}
    for rule, cases in tables.items():
        if not isinstance(cases, Mapping) or not cases:
            raise RuleError(f"{SOURCE}: [message.{rule}] holds no case tables")
        for case, raw in cases.items():
            templates[rule, case] = _template(rule, case, raw)
    return Messages(templates)


def _template(rule: str, case: str, raw: Any) -> Template:
    where = f"{SOURCE}: [message.{rule}.{case}]"
    if not isinstance(raw, Mapping) or set(raw) != _CASE_KEYS:
        keys = sorted(raw) if isinstance(raw, Mapping) else type(raw).__name__
        raise RuleError(f"{where}: needs exactly the keys {sorted(_CASE_KEYS)}, has {keys}")
    example = raw["example"]
    if not isinstance(example, Mapping) or set(example) != _EXAMPLE_KEYS:
        raise RuleError(f"{where}: 'example' needs exactly the keys {sorted(_EXAMPLE_KEYS)}")
    text, fields = {}, {}
    for lang in LANGUAGES:
        template = raw[lang]
        if not isinstance(template, str) or not isinstance(example[lang], str):
            raise RuleError(f"{where}: {lang!r} and example.{lang} are strings")
        try:
            fields[lang] = frozenset(f for _, f, _, _ in Formatter().parse(template) if f)
        except ValueError as exc:
            raise RuleError(f"{where}: {lang!r} is not a format string: {exc}") from exc
        text[lang] = template
    if fields["zh"] != fields["en"]:
        raise RuleError(f"{where}: zh has fields {sorted(fields['zh'])}, en {sorted(fields['en'])}")
    given = example["fields"]
    if not isinstance(given, Mapping) or set(given) != fields["zh"]:
        raise RuleError(f"{where}: example.fields must give exactly {sorted(fields['zh'])}")
    return Template(
        rule, case, text, fields["zh"], dict(given), {lang: example[lang] for lang in LANGUAGES}
    )
