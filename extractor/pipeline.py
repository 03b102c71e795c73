"""The one place that knows the order of the steps: text → layout → outline → elements."""

from __future__ import annotations

from extractor.model import Document, Report
from extractor.rules import RuleSet, default_rules


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn ``\\r\\n`` / ``\\r`` into ``\\n`` (SPEC §1)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(
    text: str,
    *,
    doc_id: str = "doc",
    path: str = "",
    series: str = "",
    encoding: str = "",
    sha256: str = "",
    rules: RuleSet | None = None,
) -> Report:
    """Parse one report's text into its outline and elements."""
    rules = rules or default_rules()
    text = normalise_newlines(text)
    document = Document(
        doc_id=doc_id, path=path, series=series, chars=len(text), encoding=encoding,
        sha256=sha256, body_end=len(text),
    )  # fmt: skip
    return Report(document=document, text=text)
