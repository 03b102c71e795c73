"""Accepted findings: a baseline file, so that a finding once accepted is not reported again.

A finding is keyed by its rule, its document (the path as given, or the file's sha256 when
the path has no entries: a renamed file) and its text with a little context either side
within its paragraph (``CONTEXT`` characters, spaces dropped), not by offsets or line
numbers: an edit to another paragraph, or further away in the same one, does not reopen
it; an edit next to it does.  Keys are
counted, so two accepted ``XX`` in one sentence accept two findings there, not a third.

The file is JSON (``{"tool": "workreport", "version": 1, "findings": [...]}``), one entry
per accepted finding, sorted so that it diffs well under version control, written
atomically.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.io.atomic import write_text_atomic
from extractor.model import Document, Finding

VERSION = 1
CONTEXT = 12
_WINDOW = 4 * CONTEXT  # characters read on each side before spaces are dropped
_FIELDS = ("rule", "path", "sha256", "text", "before", "after")

Key = tuple[str, str, str, str]  # rule, text, before, after


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def finding_key(text: str, f: Finding) -> Key:
    """What identifies a finding across edits: rule, its text, the text around it in its
    own lines (an edit to another paragraph does not change it)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    before = _squeeze(text[max(line_start, f.start - _WINDOW) : f.start])[-CONTEXT:]
    after = _squeeze(text[f.end : min(line_end, f.end + _WINDOW)])[:CONTEXT]
    return f.rule, _squeeze(f.text), before, after


@dataclass(slots=True)
class Baseline:
    """The accepted findings, by document path and by document hash."""

    by_path: dict[str, Counter[Key]] = field(default_factory=dict)
    by_sha: dict[str, Counter[Key]] = field(default_factory=dict)
    entries: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Baseline:
        """The baseline in ``path``; :class:`BaselineError` when it is not one."""
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a readable baseline file ({exc})") from exc
        entries = raw.get("findings") if isinstance(raw, dict) else None
        if not isinstance(entries, list) or raw.get("tool") != "workreport":
            raise BaselineError(f"{path}: not a workreport baseline (no 'findings' list)")
        baseline = cls()
        for n, entry in enumerate(entries):
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in _FIELDS
            ):
                raise BaselineError(f"{path}: entry {n} needs the text fields {list(_FIELDS)}")
            baseline._add(entry)
        return baseline

    def _add(self, entry: dict[str, str]) -> None:
        key = (entry["rule"], entry["text"], entry["before"], entry["after"])
        self.by_path.setdefault(entry["path"], Counter())[key] += 1
        self.by_sha.setdefault(entry["sha256"], Counter())[key] += 1
        self.entries.append({k: entry[k] for k in _FIELDS})

    def accept(self, document: Document, text: str, findings: Iterable[Finding]) -> None:
        """Add a document's findings to the accepted ones."""
        for f in findings:
            rule, squeezed, before, after = finding_key(text, f)
            self._add(
                {"rule": rule, "path": document.path, "sha256": document.sha256,
                 "text": squeezed, "before": before, "after": after}
            )  # fmt: skip

    def new(self, document: Document, text: str, findings: Iterable[Finding]) -> list[Finding]:
        """The findings of a document that the baseline does not accept, in their order."""
        known = self.by_path.get(document.path) or self.by_sha.get(document.sha256)
        left = Counter(known) if known else Counter[Key]()
        fresh = []
        for f in findings:
            key = finding_key(text, f)
            if left[key] > 0:
                left[key] -= 1
            else:
                fresh.append(f)
        return fresh

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the accepted findings to ``path`` atomically."""
        entries = sorted(self.entries, key=lambda e: tuple(e[k] for k in _FIELDS))
        data: dict[str, Any] = {"tool": "workreport", "version": VERSION, "findings": entries}
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        return write_text_atomic(target, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def __len__(self) -> int:
        return len(self.entries)
