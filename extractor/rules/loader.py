"""Rule files: every ``*.toml`` of a pattern directory, checked against the schema and
compiled once.

:mod:`extractor.rules.schema` declares every table.  Loading a directory

1. reads each file (TOML: comments allowed, literal strings need no escaping);
2. checks every table and key against the schema — an unknown table or key, a value of the
   wrong type, a duplicate rule id (across files) is a :class:`RuleError` naming the file,
   the table, the rule and the key;
3. expands the ``[templates]`` (``{name}`` in any pattern stands for the named fragment);
4. adds the traditional-script forms of the entries the schema marks ``script = "both"``
   (增长 → 增長, 个百分点 → 個百分點), derived with OpenCC rather than copied by hand;
5. compiles every pattern and checks every example and counterexample: a pattern that
   does not compile, an example it does not match or a counterexample it does, is an error
   naming file, table, rule and key.

The result, a :class:`RuleSet`, holds typed records: the rules of each array
(:meth:`RuleSet.of`), each vocabulary entry (:meth:`RuleSet.vocab`), the maps
(:meth:`RuleSet.map`) and the templates.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import regex

from extractor.errors import RuleError
from extractor.rules import schema
from extractor.rules.records import NEVER, Example, Rule, RuleSet, Vocab
from extractor.rules.schema import Entry, MapTable, RuleTable, default_patterns_dir
from extractor.rules.script import traditional, with_traditional
from extractor.text.rx import at_position, opening_letters

__all__ = [
    "Example", "Rule", "RuleSet", "Vocab", "compile_rule", "default_patterns_dir",
    "default_rules", "load_rules", "marker_alternation", "traditional",
]  # fmt: skip

#: ``{name}`` in a pattern: a template (lowercase names; ``\p{Han}`` is no template).
_TEMPLATE = re.compile(r"(?<![\\][pPN])\{([a-z][a-z0-9_]*)\}")


# --- reading values -----------------------------------------------------------------------


class _Where:
    """Where a value stands, for error messages: file, table, rule, key."""

    def __init__(self, source: str, table: str, rule: str = "", key: str = "") -> None:
        self.source, self.table, self.rule, self.key = source, table, rule, key

    def at(self, *, rule: str | None = None, key: str | None = None) -> _Where:
        return _Where(
            self.source, self.table, self.rule if rule is None else rule,
            self.key if key is None else key,
        )  # fmt: skip

    def sub(self, key: str) -> _Where:
        """A key inside this one (``approx_before.examples``), or of this rule."""
        return self.at(key=f"{self.key}.{key}" if self.key else key)

    def error(self, message: str) -> RuleError:
        parts = [f"{self.source}: [{self.table}]"]
        if self.rule:
            parts.append(f"rule {self.rule!r}")
        if self.key:
            parts.append(f"key {self.key!r}")
        return RuleError(f"{' '.join(parts)}: {message}")


def _typed(value: Any, kind: str, where: _Where) -> Any:
    """``value`` checked against a schema kind (lists as tuples)."""
    if kind in (schema.WORDS, schema.PATTERNS, schema.PATHS):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise where.error("must be a list of strings")
        return tuple(value)
    if kind in (schema.PATTERN, schema.CHARS, schema.TEXT, schema.PATH):
        if not isinstance(value, str):
            raise where.error("must be a string")
        return value
    if kind == schema.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise where.error("must be an integer")
        return value
    if kind == schema.FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise where.error("must be a number")
        return float(value)
    if kind == schema.BOOL:
        if not isinstance(value, bool):
            raise where.error("must be true or false")
        return value
    if kind == schema.TABLE:
        if not isinstance(value, dict):
            raise where.error("must be a table")
        return value
    if kind == schema.MAP:
        if not isinstance(value, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value.values()
        ):
            raise where.error("must be a table of integers")
        return {str(k): int(v) for k, v in value.items()}
    raise AssertionError(f"unknown schema kind {kind!r}")  # pragma: no cover


def _examples(raw: Any, where: _Where) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise where.sub("examples").error("must be a list")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            groups = {str(k): str(v) for k, v in item.items() if k != "text"}
            out.append(Example(item["text"], groups))
        else:
            raise where.sub("examples").error("an example is a string or a table with 'text'")
    return tuple(out)


def _counterexamples(raw: Any, where: _Where) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise where.sub("counterexamples").error("must be a list of strings")
    return tuple(raw)


def _expand(pattern: str, templates: Mapping[str, str], where: _Where) -> str:
    """``pattern`` with every ``{name}`` replaced by its template (templates may use
    templates); an unknown name is an error."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in templates:
            raise where.error(f"unknown template {{{name}}} (known: {sorted(templates)})")
        return templates[name]

    for _ in range(8):
        expanded = _TEMPLATE.sub(one, pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise where.error("templates nest too deep (a template that names itself?)")


def _compile(pattern: str, where: _Where) -> Any:
    try:
        return regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise where.error(f"pattern does not compile: {exc}") from exc


# --- checking examples --------------------------------------------------------------------


def _check_examples(
    compiled: Any,
    mode: str,
    examples: tuple[Example, ...],
    counterexamples: tuple[str, ...],
    where: _Where,
) -> None:
    """Every example matches (``mode``: search, match, fullmatch) with its groups, and no
    counterexample does; examples are folded first, as the parser folds the text."""
    from extractor.text.fold import fold

    find = {"search": compiled.search, "match": compiled.match, "fullmatch": compiled.fullmatch}[
        mode
    ]
    for example in examples:
        m = find(fold(example.text))
        if m is None:
            raise where.sub("examples").error(f"does not match its example {example.text!r}")
        for name, value in example.groups.items():
            got = m.group(0) if name == "match" else m.group(name)
            if got != value:
                raise where.sub("examples").error(
                    f"example {example.text!r} gives {name}={got!r}, not {value!r}"
                )
    for text in counterexamples:
        if find(fold(text)) is not None:
            raise where.sub("counterexamples").error(f"matches its counterexample {text!r}")


# --- the three shapes of table ------------------------------------------------------------


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.rules: dict[str, list[Rule]] = {}
        self.ids: dict[str, str] = {}
        self.raw_entries: dict[str, list[tuple[dict[str, Any], _Where]]] = {}
        self.maps: dict[str, dict[str, Any]] = {}
        self.map_sources: dict[tuple[str, str], str] = {}
        self.data: dict[str, Any] = {}
        self.raw_rules: list[tuple[str, dict[str, Any], _Where]] = []

    # files
    def read(self, path: Path) -> None:
        try:
            content = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleError(f"{path.name}: {exc}") from exc
        _merge(self.data, content)
        for key, value in content.items():
            self._table(path.name, (key,), value)

    def _table(self, source: str, path: tuple[str, ...], value: Any) -> None:
        name = ".".join(path)
        where = _Where(source, name)
        if name in schema.RULE_TABLES:
            if not isinstance(value, list):
                raise where.error("is an array of tables: write [[" + name + "]]")
            for raw in value:
                self.raw_rules.append((name, raw, where))
            return
        if name in schema.MAPS:
            if not isinstance(value, dict):
                raise where.error("must be a table")
            self._map(schema.MAPS[name], name, value, where)
            return
        entries = schema.VOCABULARIES.get(name)
        nested = any(t.startswith(f"{name}.") for t in _TABLES)
        if not isinstance(value, dict) or (entries is None and not nested):
            raise where.error("unknown table (see extractor/rules/schema.py)")
        for key, item in value.items():
            if entries is not None and key in entries:
                self.raw_entries.setdefault(f"{name}.{key}", []).append(
                    ({"value": item}, where.at(key=key))
                )
            elif any(v == f"{name}.{key}" or v.startswith(f"{name}.{key}.") for v in _TABLES):
                self._table(source, (*path, key), item)
            elif entries is not None:
                raise where.at(key=key).error(f"unknown key (known: {sorted(entries)})")
            else:
                raise _Where(source, f"{name}.{key}").error(
                    "unknown table (see extractor/rules/schema.py)"
                )

    def _map(self, spec: MapTable, name: str, value: dict[str, Any], where: _Where) -> None:
        out = self.maps.setdefault(name, {})
        for key, item in value.items():
            here = where.at(rule=str(key))
            if spec.fields:
                if not isinstance(item, dict):
                    raise here.error("must be a table")
                unknown = set(item) - set(spec.fields)
                if unknown:
                    known = sorted(spec.fields)
                    raise here.error(f"unknown keys {sorted(unknown)} (known: {known})")
                item = {k: _typed(v, spec.fields[k], here.at(key=k)) for k, v in item.items()}
            else:
                item = _typed(item, spec.value, here)
            out[str(key)] = item
            self.map_sources[(name, str(key))] = where.source

    # after every file
    def finish(self) -> RuleSet:
        templates = {str(k): str(v) for k, v in self.maps.get("templates", {}).items()}
        lent = self._lent_templates(templates)
        for key in list(templates):  # templates may use templates
            templates[key] = _expand(templates[key], templates, _Where("templates", key))
        for name in schema.DERIVED_TEMPLATES:
            if name in templates:
                where = _Where(self.map_sources.get(("templates", name), "templates"), "templates")
                raise where.at(rule=name).error("is derived from the marker rules; rename it")
        for table, raw, where in self.raw_rules:
            rule = _rule(raw, table, where, templates)
            if rule.id in self.ids:
                raise where.at(rule=rule.id).error(
                    f"duplicate rule id {rule.id!r} (first in {self.ids[rule.id]})"
                )
            self.ids[rule.id] = where.source
            self.rules.setdefault(table, []).append(rule)
        for name, table in schema.DERIVED_TEMPLATES.items():
            markers = [r for r in self.rules.get(table, ()) if r.attrs.get("marker", True)]
            templates[name] = marker_alternation(markers)
        self.maps["templates"] = templates
        self._derive_maps()
        entries = {
            key: lent[key] if key in lent else self._entry(key, raws, templates)
            for key, raws in self.raw_entries.items()
        }
        self._check_required(entries)
        data = _normalised(self.data, entries, self.maps)
        return RuleSet(
            str(self.root), {k: tuple(v) for k, v in self.rules.items()}, data, entries,
            {k: dict(v) for k, v in self.maps.items()},
        )  # fmt: skip

    def _lent_templates(self, templates: dict[str, str]) -> dict[str, Vocab]:
        """The entries the schema makes templates (``Entry.template``), built first; each
        adds its template to ``templates``.  Entries that lend the same name pool their
        items in one alternation (the strong and weak honour cues are ``{honour_cue}``); a
        name the ``[templates]`` also define is an error."""
        lent: dict[str, Vocab] = {}
        pools: dict[str, list[Vocab]] = {}
        for key, raws in self.raw_entries.items():
            table, _, name = key.rpartition(".")
            spec: Entry = schema.VOCABULARIES[table][name]
            if not spec.template:
                continue
            if spec.template in templates:
                raise raws[-1][1].error(f"template {{{spec.template}}} is defined twice")
            lent[key] = self._entry(key, raws, {})
            pools.setdefault(spec.template, []).append(lent[key])
        for template, pool in pools.items():
            items = tuple(dict.fromkeys(i for v in pool for i in v.items))
            if pool[0].kind == schema.CHARS:
                items = ("".join(dict.fromkeys("".join(items))),)
            templates[template] = replace(pool[0], items=items).as_template()
        return lent

    def _derive_maps(self) -> None:
        for name, spec in schema.MAPS.items():
            if spec.script != "both" or name not in self.maps:
                continue
            table = self.maps[name]
            for key in list(table):
                for form in traditional(key):
                    if form in table:
                        continue
                    row = table[key]
                    if isinstance(row, dict):  # the examples are the simplified row's own
                        row = {k: v for k, v in row.items() if "examples" not in k}
                        if "not_before" in row:
                            row["not_before"] = with_traditional(row["not_before"])
                    table[form] = row

    def _entry(
        self, key: str, raws: list[tuple[dict[str, Any], _Where]], templates: Mapping[str, str]
    ) -> Vocab:
        table, _, name = key.rpartition(".")
        spec: Entry = schema.VOCABULARIES[table][name]
        items: list[str] = []
        examples: list[Example] = []
        counter: list[str] = []
        descriptions, sources, value = [], [], None
        if len(raws) > 1 and spec.kind not in schema.LISTS:
            first, second = raws[0][1], raws[1][1]
            raise second.error(f"given twice (first in {first.source})")
        for raw, where in raws:
            got = raw["value"]
            if isinstance(got, dict) and spec.kind in schema.VALUE_KEY:
                long_keys = {schema.VALUE_KEY[spec.kind], "description", "examples",
                             "counterexamples"}  # fmt: skip
                unknown = set(got) - long_keys
                if unknown:
                    known = sorted(long_keys)
                    raise where.error(f"unknown keys {sorted(unknown)} (known: {known})")
                if schema.VALUE_KEY[spec.kind] not in got:
                    raise where.error(f"has no {schema.VALUE_KEY[spec.kind]!r}")
                if "description" in got:
                    descriptions.append(_typed(got["description"], schema.TEXT, where))
                examples += _examples(got.get("examples", []), where)
                counter += _counterexamples(got.get("counterexamples", []), where)
                got = got[schema.VALUE_KEY[spec.kind]]
            typed = _typed(got, spec.kind, where)
            sources.append(where.source)
            if spec.kind in schema.LISTS:
                items += typed
            elif spec.kind in schema.VALUE_KEY:
                items.append(typed)
            else:
                value = typed
        where = raws[-1][1]
        if spec.kind in (schema.PATTERNS, schema.PATTERN):
            items = [_expand(p, templates, where) for p in items]
        if spec.script == "both":
            items = list(with_traditional(items, patterns=spec.kind != schema.WORDS))
        vocab = Vocab(
            key, spec.kind, tuple(items), value, ", ".join(dict.fromkeys(sources)),
            " ".join(descriptions) or spec.doc, tuple(examples), tuple(counter), spec.mode,
        )  # fmt: skip
        if spec.kind in schema.CHECKABLE and spec.mode != "none":
            compiled = _compile(vocab.alternation(), where)
            if examples or counter:
                _check_examples(compiled, spec.mode, vocab.examples, vocab.counterexamples, where)
        return vocab

    def _check_required(self, entries: Mapping[str, Vocab]) -> None:
        present = {key.rpartition(".")[0] for key in entries}
        for table in present:
            for name, spec in schema.VOCABULARIES[table].items():
                if spec.required and f"{table}.{name}" not in entries:
                    raise RuleError(f"{self.root.name}: [{table}]: key {name!r} is missing")


_TABLES = (*schema.VOCABULARIES, *schema.MAPS, *schema.RULE_TABLES)


def _rule(raw: Any, table: str, where: _Where, templates: Mapping[str, str]) -> Rule:
    spec: RuleTable = schema.RULE_TABLES[table]
    if not isinstance(raw, dict):
        raise where.error("each entry is a table")
    rule_id = raw.get(spec.id_key)
    if not isinstance(rule_id, str) or not rule_id:
        raise where.error(f"a [[{table}]] rule has no {spec.id_key}")
    here = where.at(rule=rule_id)
    allowed = {spec.id_key, *schema.COMMON_RULE_KEYS, *spec.keys}
    unknown = set(raw) - allowed
    if unknown:
        raise here.error(f"unknown keys {sorted(unknown)} (known: {sorted(allowed)})")
    attrs = {k: _typed(v, spec.keys[k], here.at(key=k)) for k, v in raw.items() if k in spec.keys}
    pattern = raw.get("pattern")
    if pattern is None and spec.mode != "none":
        raise here.at(key="pattern").error("is missing")
    pattern = _expand(_typed(pattern or "", schema.PATTERN, here.at(key="pattern")), templates,
                      here.at(key="pattern"))  # fmt: skip
    needs = _typed(raw.get("needs", ""), schema.CHARS, here.at(key="needs"))
    examples = _examples(raw.get("examples", []), here)
    counter = _counterexamples(raw.get("counterexamples", []), here)
    for example in examples:
        if needs and not any(ch in example.text for ch in needs):
            raise here.at(key="needs").error(
                f"example {example.text!r} holds none of needs {needs!r}"
            )
    compiled = _compile(pattern, here.at(key="pattern")) if pattern else None
    if compiled is not None and spec.mode != "none":
        _check_examples(compiled, spec.mode, examples, counter, here)
    at = at_position(pattern) if pattern else None
    # the letters every match opens with, where the reading tells them: elsewhere not tried
    opens = frozenset(opening_letters(at)) or None if at is not None else None
    return Rule(
        id=rule_id, table=table, pattern=pattern, regex=compiled, source=where.source,
        description=str(raw.get("description", "")), level=int(attrs.pop("level", 0)),
        family=str(attrs.pop("family", "")), style=str(attrs.pop("style", "")),
        ordinals=attrs.pop("ordinals", {}), examples=examples, counterexamples=counter,
        at=at, needs=needs, opens=opens, attrs=attrs,
    )  # fmt: skip


#: A named group's opening, ``(?P<num>`` or ``(?<num>`` (not a lookbehind ``(?<=``, ``(?<!``).
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P?<(?![=!])\w+>")


def marker_alternation(rules: Iterable[Rule]) -> str:
    """The patterns of ``rules`` as one alternation, in order, each in a non-capturing
    group and with its named groups made non-capturing, so that it can stand inside any
    pattern (a class of markers built from the marker rules, never copied by hand)."""
    parts = []
    for rule in rules:
        if "(?P=" in rule.pattern:
            raise RuleError(f"{rule.source}: [{rule.table}] rule {rule.id!r}: a marker rule "
                            "cannot refer back to a group")  # fmt: skip
        parts.append(f"(?:{_NAMED_GROUP.sub('(?:', rule.pattern)})")
    return "|".join(parts) or NEVER


def compile_rule(raw: Mapping[str, Any], table: str, source: str) -> Rule:
    """One ``[[table]]`` entry of a pattern file as a Rule; a RuleError names what is wrong."""
    return _rule(dict(raw), table, _Where(source, table), {})


def _normalised(
    data: Mapping[str, Any], entries: Mapping[str, Vocab], maps: Mapping[str, Any]
) -> dict[str, Any]:
    """The merged tables with every vocabulary entry as its plain value (long forms
    flattened, templates expanded, traditional forms added) and the derived maps."""
    out: dict[str, Any] = {k: v for k, v in data.items()}
    for key, vocab in entries.items():
        *path, name = key.split(".")
        node = out
        for part in path:
            node[part] = dict(node.get(part, {}))
            node = node[part]
        if vocab.kind in schema.LISTS:
            node[name] = list(vocab.items)
        elif vocab.kind in schema.VALUE_KEY:
            node[name] = vocab.items[0]
        else:
            node[name] = vocab.value
    for name, table in maps.items():
        out[name] = dict(table)
    return out


def _merge(target: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        elif isinstance(value, list) and isinstance(target.get(key), list):
            target[key].extend(value)
        else:
            target[key] = value


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """Load, check and compile every ``*.toml`` file of a pattern directory."""
    root = Path(directory) if directory is not None else default_patterns_dir()
    if not root.is_dir():
        raise RuleError(f"{root}: not a pattern directory")
    loader = _Loader(root)
    for path in sorted(root.glob("*.toml")):
        loader.read(path)
    return loader.finish()


@cache
def default_rules() -> RuleSet:
    """The shipped rules, loaded once per process."""
    return load_rules()
