"""Scores on the annotations of real reports: ``corpora/annotations/real/outline/*.json``.

The reports live outside the repository (``../shared/corpora``); each annotation names its
report by ``source`` (a path under that folder) and ``sha256`` (of its bytes), and is
skipped, with the reason, where the report is absent or has changed.  Every annotation
belongs to a ``split``: ``tuning`` (the parser may be tuned on it) or ``heldout`` (nobody
tunes on it).  Scores are kept apart by split: the held-out one is the honest number
(corpora/annotations/real/README.md).

What the annotations quote of a report is at most 30 characters: a longer title or
headline is compared by its 28-character prefix and its length.  A report that lost its
paragraph breaks (``leads_scored: false``) has no lead measures on either side.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.analysis.evaluate import (
    Annotation,
    AnnotationError,
    Evaluation,
    Gold,
    _gold,
    _headline,
    _title,
    clip,
    read_text,
    score,
)
from extractor.pipeline import parse
from extractor.rules.records import RuleSet

OUTLINE = ("sections", "measures", "placeholders")
SPLITS = ("tuning", "heldout")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An annotation not scored, and why (its report is absent or changed)."""

    json_path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class RealEvaluation:
    """The scores of each split, and the annotations skipped."""

    splits: Mapping[str, Evaluation]
    skipped: tuple[Skipped, ...] = ()


def shared_corpora(corpus: str | Path) -> Path:
    """``../shared/corpora`` beside the checkout that holds ``corpus`` (its ``corpora/``)."""
    return Path(corpus).resolve().parent.parent / "shared" / "corpora"


def _clipped(element: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    """An entry with its title or headline as it is compared (``clip``)."""
    out = dict(entry)
    if element == "sections":
        out["title"] = clip(_title(entry["title"]), entry.get("title_len"))
    elif element == "measures":
        out["headline"] = clip(_headline(entry["headline"]), entry.get("headline_len"))
    return out


def load_real(json_path: str | Path, shared: str | Path) -> Annotation | Skipped:
    """One real report's outline annotation with its text, or why it cannot be scored."""
    json_path = Path(json_path)
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnnotationError(f"{json_path}: cannot read annotation: {exc}") from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("source"), str):
        raise AnnotationError(f"{json_path}: a real report's annotation names its source")
    if meta.get("split") not in SPLITS:
        raise AnnotationError(f"{json_path}: split is one of {SPLITS}, not {meta.get('split')!r}")
    text_path = Path(shared) / meta["source"]
    if not text_path.is_file():
        return Skipped(json_path, f"{meta['source']} is not under {shared}")
    digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
    if digest != meta.get("sha256"):
        return Skipped(json_path, f"{meta['source']} has changed since it was annotated")
    text = read_text(text_path)
    leads = meta.get("leads_scored", True) is not False
    elements: dict[str, tuple[Gold, ...]] = {}
    for element in OUTLINE:
        entries = meta.get(element)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise AnnotationError(f"{json_path.name}: {element} is a list")
        where = f"{json_path.name}: {element}[{{}}]"
        elements[element] = tuple(
            _gold(text, element, _clipped(element, e), where.format(i))
            for i, e in enumerate(entries)
            if leads or element != "measures" or e.get("style") != "lead"
        )
    doc_id = str(meta["source"]).removesuffix(".txt")
    return Annotation(doc_id, json_path, text_path, text, meta, elements, True, leads)


def find_real(corpus: str | Path) -> list[Path]:
    """The outline annotations of real reports under a corpus folder."""
    return sorted((Path(corpus) / "annotations" / "real" / "outline").glob("*.json"))


def evaluate_real(
    corpus: str | Path, *, shared: str | Path | None = None, rules: RuleSet | None = None
) -> RealEvaluation:
    """Parse every annotated real report that is present and score each split apart."""
    shared = Path(shared) if shared is not None else shared_corpora(corpus)
    by_split: dict[str, list[Annotation]] = {split: [] for split in SPLITS}
    skipped: list[Skipped] = []
    for path in find_real(corpus):
        loaded = load_real(path, shared)
        if isinstance(loaded, Skipped):
            skipped.append(loaded)
        else:
            by_split[str(loaded.meta["split"])].append(loaded)
    splits = {
        split: score(
            (ann, parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path), rules=rules))
            for ann in anns
        )
        for split, anns in by_split.items()
        if anns
    }
    return RealEvaluation(splits, tuple(skipped))
