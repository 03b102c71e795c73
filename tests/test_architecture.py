"""The shape of the package: imports point one way, rule vocabulary lives in patterns/.

- No import cycles among the package's modules (every import that runs: at module level
  or inside a function; ``if TYPE_CHECKING:`` blocks are for the type checker only).
- The core (text, rules, outline, claims, elements, audit, context, model, pipeline)
  imports no adapter folder (io, batch, export, analysis, cli, integrations), except the
  lazy conveniences named in ``LAZY_ADAPTERS``.
- No Chinese rule vocabulary in the package's Python: a Han character in a string literal
  (docstrings aside) is a word the rules should name in ``patterns/``.
- Every rule and vocabulary entry that can be wrong carries an example.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.rules import default_rules, schema

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"
CORE = ("text", "rules", "outline", "claims", "elements", "audit")
CORE_MODULES = ("context", "model", "pipeline", "errors")
ADAPTERS = ("io", "batch", "export", "analysis", "cli", "integrations")
#: Lazy imports from the core to an adapter that are conveniences for notebooks, as
#: pandas' DataFrame.to_parquet imports its writer on first use: (module, imported).  They
#: run when a method is called, after every module has loaded, and are the only edges
#: that point outward; the cycle test leaves them out.
LAZY_ADAPTERS = {
    ("extractor.model", "extractor.export.tables"),  # Report.tables()
    ("extractor.model", "extractor.export.frames"),  # Report.to_frame(kind)
    ("extractor.model", "extractor.integrations.notebook"),  # _repr_html_
}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Modules whose vocabulary is still being moved into patterns/ (issue 16): this list
#: only shrinks.
PENDING_VOCABULARY: set[str] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> Iterator[str]:
    """The package modules a file imports when it runs (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name in MODULES:
                yield name


GRAPH = {name: sorted(set(_imports(path)) - {name}) for name, path in MODULES.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


#: Cycles still to break (only shrinks): io.formats.html reads a page's bytes with the
#: text decoder of io.reading, which dispatches to the formats.
KNOWN_CYCLES: set[tuple[str, ...]] = set()


def test_no_import_cycles():
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in GRAPH.get(node, ()):
            # a package's __init__ is imported with each of its modules: not an edge back
            if node.startswith(f"{nxt}.") or (node, nxt) in LAZY_ADAPTERS:
                continue
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt] if nxt in stack else [node, nxt])
            elif not state.get(nxt):
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for module in GRAPH:
        if not state.get(module):
            visit(module, [module])
    cycles = [c for c in cycles if tuple(c[:-1]) not in KNOWN_CYCLES]
    assert not cycles, "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def test_the_core_imports_no_adapter():
    wrong = []
    for module, imported in GRAPH.items():
        if _layer(module) not in (*CORE, *CORE_MODULES):
            continue
        for target in imported:
            if _layer(target) in ADAPTERS and (module, target) not in LAZY_ADAPTERS:
                wrong.append(f"{module} → {target}")
    assert not wrong, wrong


def _vocabulary_strings(path: Path) -> list[tuple[int, str]]:
    """String literals holding a Han character, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and HAN.search(node.value)
    ]


#: Modules whose Han strings are no rule vocabulary: the schema's descriptions of each
#: entry (like docstrings, they show what an entry holds), and the bilingual labels of the
#: comparison figures with the text that probes a font for Chinese glyphs.
DOCUMENTATION = {"extractor.rules.schema", "extractor.analysis.plots"}


@pytest.mark.parametrize("module", sorted(set(MODULES) - DOCUMENTATION))
def test_no_rule_vocabulary_in_python(module):
    found = _vocabulary_strings(MODULES[module])
    if module in PENDING_VOCABULARY:
        if not found:
            pytest.fail(f"{module} holds no vocabulary any more: take it off PENDING_VOCABULARY")
        pytest.xfail(f"{module}: {len(found)} literals still to move into patterns/")
    assert not found, [f"line {line}: {value[:40]!r}" for line, value in found]


def test_pending_vocabulary_names_real_modules():
    assert set(MODULES) >= PENDING_VOCABULARY


def test_every_rule_that_can_be_wrong_has_an_example():
    rules = default_rules()
    missing = [
        rule.id
        for table, spec in schema.RULE_TABLES.items()
        if spec.mode != "none"
        for rule in rules.of(table)
        if not rule.examples
    ]
    assert not missing, missing


#: Vocabulary tables whose entries do not all carry examples yet (issue 16): only shrinks.
PENDING_EXAMPLES: set[str] = set()


@pytest.mark.parametrize("table", sorted(schema.VOCABULARIES))
def test_every_vocabulary_entry_that_can_be_wrong_has_an_example(table):
    rules = default_rules()
    missing = [
        key
        for key, spec in schema.VOCABULARIES[table].items()
        if spec.kind in schema.CHECKABLE and spec.mode != "none"
        and not rules.vocab(f"{table}.{key}").examples
    ]  # fmt: skip
    if table in PENDING_EXAMPLES:
        if not missing:
            pytest.fail(f"[{table}] has examples for every entry: take it off PENDING_EXAMPLES")
        pytest.xfail(f"[{table}]: {len(missing)} entries without examples")
    assert not missing, missing
