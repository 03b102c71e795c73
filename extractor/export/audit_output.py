"""The audit's console outputs: linter lines, a JSON summary and a SARIF 2.1.0 log.

- :func:`text_line`: ``path:line:col: severity rule message``, one finding a line, as
  compilers and linters print them (editors and CI jump to the place).
- :class:`JsonSummary`: counts per rule and per document (with the severity of each rule
  and what a baseline accepted), for scripts.
- :class:`SarifLog`: the Static Analysis Results Interchange Format, version 2.1.0, which
  code hosts read to show findings on the lines of a report kept in a repository.  Lines
  and columns are those of the document's text, columns counted in Unicode code points
  (``columnKind``); a relative path stays relative to the folder the audit ran in
  (``%SRCROOT%``).  Documents that could not be read are tool notifications.

Each collects documents as a batch runs (one call per document) and renders at the end.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

import extractor
from extractor.audit.checks import RULES
from extractor.model import Document, Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def text_line(f: Finding) -> str:
    """A finding as a linter prints it: ``path:line:col: severity rule message``."""
    return f"{f.path or f.doc_id}:{f.line}:{f.column}: {f.severity} {f.rule} {_one_line(f.message)}"


def end_position(f: Finding) -> tuple[int, int]:
    """The line and column just after a finding's last character (1-based)."""
    breaks = f.text.count("\n")
    if not breaks:
        return f.line, f.column + len(f.text)
    return f.line + breaks, len(f.text) - f.text.rfind("\n")


class JsonSummary:
    """Counts per rule and per document, rendered as one JSON object."""

    def __init__(self, rules: Sequence[str], *, lang: str, baseline: str | None = None) -> None:
        self.rules, self.lang, self.baseline = list(rules), lang, baseline
        self.documents: list[dict[str, Any]] = []
        self.counts: Counter[str] = Counter()
        self.accepted = 0

    def add(self, document: Document, findings: Sequence[Finding], accepted: int = 0) -> None:
        counts = Counter(f.rule for f in findings)
        self.counts.update(counts)
        self.accepted += accepted
        self.documents.append(
            {"path": document.path, "doc_id": document.doc_id, "status": document.status,
             "error": document.error, "findings": len(findings), "accepted": accepted,
             "rules": {r: counts[r] for r in self.rules if counts[r]}}
        )  # fmt: skip

    def data(self) -> dict[str, Any]:
        by_severity = Counter[str]()
        for rule, n in self.counts.items():
            by_severity[RULES[rule]] += n
        return {
            "tool": "workreport",
            "version": extractor.__version__,
            "lang": self.lang,
            "baseline": self.baseline,
            "documents": len(self.documents),
            "failed": sum(d["status"] == "error" for d in self.documents),
            "findings": sum(self.counts.values()),
            "accepted": self.accepted,
            "severity": {s: by_severity[s] for s in ("error", "warning")},
            "rules": {r: {"severity": RULES[r], "findings": self.counts[r]} for r in self.rules},
            "by_document": self.documents,
        }

    def render(self) -> str:
        return json.dumps(self.data(), ensure_ascii=False, indent=2)


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A path as a SARIF artifact URI and its base id: a relative path stays relative to
    ``%SRCROOT%`` (percent-encoded, slashes kept); an absolute one is a ``file:`` URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri(), None
    return quote(pure.as_posix()), SRCROOT


class SarifLog:
    """One SARIF run: the rules run, a result per finding, a notification per failure."""

    def __init__(self, rules: Sequence[str], *, baseline: bool = False) -> None:
        self.rules = list(rules)
        self.index = {r: i for i, r in enumerate(self.rules)}
        self.baseline = baseline
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def add(self, document: Document, findings: Sequence[Finding]) -> None:
        if document.status == "error":
            self.notifications.append(
                {"level": "error", "message": {"text": document.error or "cannot be read"},
                 "locations": [self._location(document.path or document.doc_id)]}
            )  # fmt: skip
        for f in findings:
            self.results.append(self._result(f))

    def _location(self, path: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
        uri, base = artifact_uri(path)
        artifact: dict[str, Any] = {"uri": uri}
        if base is not None:
            artifact["uriBaseId"] = base
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if region is not None:
            physical["region"] = region
        return {"physicalLocation": physical}

    def _result(self, f: Finding) -> dict[str, Any]:
        end_line, end_column = end_position(f)
        region = {
            "startLine": f.line, "startColumn": f.column, "endLine": end_line,
            "endColumn": end_column, "snippet": {"text": f.text},
        }  # fmt: skip
        location = self._location(f.path or f.doc_id, region)
        place = " › ".join(x for x in (f.heading, f.marker) if x)
        if place:
            location["logicalLocations"] = [{"fullyQualifiedName": place}]
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": self.index[f.rule],
            "level": f.severity,
            "message": {"text": f.message},
            "locations": [location],
            "properties": {"rules": f.rules.split(","), "sentence": f.sentence},
        }
        if self.baseline:
            result["baselineState"] = "new"
        return result

    def data(self) -> dict[str, Any]:
        driver = {
            "name": "workreport",
            "version": extractor.__version__,
            "rules": [
                {"id": r, "name": r, "defaultConfiguration": {"level": RULES[r]}}
                for r in self.rules
            ],
        }
        root = Path.cwd().as_uri().rstrip("/") + "/"
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "invocations": [
                {"executionSuccessful": True, "toolExecutionNotifications": self.notifications}
            ],
            "results": self.results,
        }
        return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}

    def render(self) -> str:
        return json.dumps(self.data(), ensure_ascii=False, indent=2)
