"""workreport: parse Chinese work reports into outlines, measures, campaigns and figures.

>>> report = parse("2020年工作总结\\n一、主要成效\\n一是项目攻坚有力推进。全年签约12个。\\n")
>>> [s.title for s in report.sections]
['主要成效']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor import compiled as _compiled
from extractor.errors import InputError, RuleError, WorkreportError
from extractor.model import Claim, Document, Measure, Placeholder, Report, Section
from extractor.pipeline import parse
from extractor.rules import RuleSet, load_rules

if TYPE_CHECKING:  # pragma: no cover - imported on first use, below (they need pandas)
    from extractor.export.frames import parse_folder, read_tables

__version__ = "0.1.0"

_compiled.warn_if_stale()  # a working tree whose compiled modules hide edited sources

__all__ = [
    "Claim",
    "Document",
    "InputError",
    "Measure",
    "Placeholder",
    "Report",
    "RuleError",
    "RuleSet",
    "Section",
    "WorkreportError",
    "__version__",
    "compare",
    "load_rules",
    "parse",
    "parse_file",
    "parse_folder",
    "read_tables",
]


def parse_file(path: str, *, series: str = "", rules: RuleSet | None = None) -> Report:
    """Read a report file (detecting its encoding) and parse it."""
    from extractor.io.reading import read_document

    doc = read_document(path)
    return parse(
        doc.text, doc_id=doc.doc_id, path=str(path), series=series or doc.series,
        encoding=doc.encoding, sha256=doc.sha256, rules=rules,
    )  # fmt: skip


def __getattr__(name: str) -> Any:
    """``extractor.compare(tables)``, ``parse_folder`` and ``read_tables``, imported on first
    use (they need pandas)."""
    if name == "compare":
        import extractor.analysis.compare as module  # a callable module: compare(tables) runs it

        return module
    if name in ("parse_folder", "read_tables"):
        from extractor.export import frames

        return getattr(frames, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
