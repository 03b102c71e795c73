"""Scores on the annotations of real reports: ``corpora/annotations/real/outline/*.json``
and ``corpora/annotations/real/campaigns/*.json``.

The reports live outside the repository (``../shared/corpora``); each annotation names its
report by ``source`` (a path under that folder) and ``sha256`` (of its bytes), and is
skipped, with the reason, where the report is absent or has changed.  Every annotation
belongs to a ``split``: ``tuning`` (the parser may be tuned on it) or ``heldout`` (nobody
tunes on it).  Scores are kept apart by split: the held-out one is the honest number
(corpora/annotations/real/README.md).

What the annotations quote of a report is at most 30 characters: a longer title or
headline is compared by its 28-character prefix and its length.  A report that lost its
paragraph breaks (``leads_scored: false``) has no lead measures on either side.  A campaign
annotation may cover a declared stretch of a long report (``stretch``): only the names the
parser finds inside it are scored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from extractor.analysis.evaluate import (
    Annotation,
    AnnotationError,
    Evaluation,
    Gold,
    _anchor_start,
    _gold,
    _headline,
    _title,
    clip,
    find_annotations,
    load_annotation,
    read_text,
    score,
)
from extractor.model import Report
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


def _report(json_path: Path, shared: str | Path) -> tuple[dict[str, Any], Path] | Skipped:
    """A real annotation's JSON and its report's path, or why the report cannot be scored."""
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
    return meta, text_path


def load_real(json_path: str | Path, shared: str | Path) -> Annotation | Skipped:
    """One real report's outline annotation with its text, or why it cannot be scored."""
    json_path = Path(json_path)
    found = _report(json_path, shared)
    if isinstance(found, Skipped):
        return found
    meta, text_path = found
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


#: An annotation loaded for scoring (an outline's, a campaign list's).
_Loaded = TypeVar("_Loaded")


def _by_split(
    paths: Iterable[Path],
    load: Callable[[Path, Path], _Loaded | Skipped],
    shared: Path,
    meta: Callable[[_Loaded], Mapping[str, Any]],
) -> tuple[dict[str, list[_Loaded]], list[Skipped]]:
    """Each annotation that can be scored, by its split; and those skipped, with why."""
    by_split: dict[str, list[_Loaded]] = {split: [] for split in SPLITS}
    skipped: list[Skipped] = []
    for path in paths:
        loaded = load(path, shared)
        if isinstance(loaded, Skipped):
            skipped.append(loaded)
        else:
            by_split[str(meta(loaded)["split"])].append(loaded)
    return by_split, skipped


def find_real(corpus: str | Path) -> list[Path]:
    """The outline annotations of real reports under a corpus folder."""
    return sorted((Path(corpus) / "annotations" / "real" / "outline").glob("*.json"))


def _chosen(doc_id: str, exclude: Collection[str], only: Collection[str] | None) -> bool:
    """Whether a document is scored: not excluded, and among ``only`` when it is given."""
    return doc_id not in exclude and (only is None or doc_id in only)


def evaluate_real(
    corpus: str | Path,
    *,
    shared: str | Path | None = None,
    rules: RuleSet | None = None,
    exclude: Collection[str] = (),
    only: Collection[str] | None = None,
) -> RealEvaluation:
    """Parse every annotated real report that is present and score each split apart;
    ``exclude``: documents (``real/state-council/1981``) left out; ``only``: just these."""
    shared = Path(shared) if shared is not None else shared_corpora(corpus)
    by_split, skipped = _by_split(find_real(corpus), load_real, shared, lambda a: a.meta)
    splits = {
        split: score(
            (ann, parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path), rules=rules))
            for ann in anns
            if _chosen(ann.doc_id, exclude, only)
        )
        for split, anns in by_split.items()
        if anns
    }
    return RealEvaluation(splits, tuple(skipped))


# --- campaigns ----------------------------------------------------------------------------

#: The marks a campaign's ``text`` may open and close with: quotes, and the 《》 of a
#: document title (the parser reports the name inside them).
_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"', "《": "》"}


def _campaign_gold(text: str, entry: Any, where: str) -> Any:
    """A campaign's span: its ``text`` inside its anchor, without the quotes it is written
    with (the parser reports the name inside them) nor the spaces inside those."""
    gold = _gold(text, "campaigns", entry, where)
    name = str(entry["text"])
    if len(name) > 2 and _QUOTES.get(name[0]) == name[-1]:
        inner = name[1:-1]
        start = gold.start + 1 + len(inner) - len(inner.lstrip())
        return replace(gold, start=start, end=start + len(inner.strip()))
    return gold


def _stretch(text: str, meta: Mapping[str, Any], where: str) -> tuple[int, int]:
    """The annotated stretch of a report (all of it when none is declared)."""
    stretch = meta.get("stretch")
    if stretch is None:
        return 0, len(text)
    if not isinstance(stretch, Mapping):
        raise AnnotationError(f"{where}: stretch has from_anchor and to_anchor")
    ends = [_anchor_start(text, {"anchor": stretch.get(k)}, f"{where}: stretch.{k}")
            for k in ("from_anchor", "to_anchor")]  # fmt: skip
    return ends[0], ends[1] + len(str(stretch["to_anchor"]))


@dataclass(frozen=True, slots=True)
class CampaignAnnotation:
    """One real report's annotated campaigns and the stretch they cover."""

    annotation: Annotation
    start: int
    end: int


def load_real_campaigns(json_path: str | Path, shared: str | Path) -> CampaignAnnotation | Skipped:
    """One real report's campaign annotation with its text, or why it cannot be scored."""
    json_path = Path(json_path)
    found = _report(json_path, shared)
    if isinstance(found, Skipped):
        return found
    meta, text_path = found
    text = read_text(text_path)
    entries = meta.get("campaigns")
    if not isinstance(entries, list):
        raise AnnotationError(f"{json_path.name}: campaigns is a list")
    lo, hi = _stretch(text, meta, json_path.name)
    golds = tuple(
        _campaign_gold(text, e, f"{json_path.name}: campaigns[{i}]") for i, e in enumerate(entries)
    )
    outside = [g.attrs["text"] for g in golds if not lo <= g.start < hi]
    if outside:
        raise AnnotationError(f"{json_path.name}: {outside[0]!r} lies outside the stretch")
    doc_id = str(meta["source"]).removesuffix(".txt")
    ann = Annotation(doc_id, json_path, text_path, text, meta, {"campaigns": golds}, True)
    return CampaignAnnotation(ann, lo, hi)


def find_real_campaigns(corpus: str | Path) -> list[Path]:
    """The campaign annotations of real reports under a corpus folder."""
    return sorted((Path(corpus) / "annotations" / "real" / "campaigns").glob("*.json"))


def _within(report: Report, start: int, end: int) -> Report:
    """The report with only the campaigns that start inside the annotated stretch."""
    kept = tuple(c for c in report.campaigns if start <= c.start < end)
    return replace(report, campaigns=kept)


def evaluate_real_campaigns(
    corpus: str | Path, *, shared: str | Path | None = None, rules: RuleSet | None = None
) -> RealEvaluation:
    """Campaign precision, recall and F1 (by span start and ``norm``) and kind accuracy on
    the annotated real reports that are present, each split apart."""
    shared = Path(shared) if shared is not None else shared_corpora(corpus)
    by_split, skipped = _by_split(
        find_real_campaigns(corpus), load_real_campaigns, shared, lambda a: a.annotation.meta
    )

    def parsed(one: CampaignAnnotation) -> tuple[Annotation, Report]:
        ann = one.annotation
        report = parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path), rules=rules)
        return ann, _within(report, one.start, one.end)

    splits = {split: score(map(parsed, anns)) for split, anns in by_split.items() if anns}
    return RealEvaluation(splits, tuple(skipped))


# --- the genre stress test: outlines of text that lost its line breaks ------------------


def flatten(text: str) -> tuple[str, list[int]]:
    """The text as a crawled page gives it: every line break and the indent after it gone,
    nothing else changed; and where each offset of ``text`` went (``len(text) + 1`` entries:
    a removed character maps to the next kept one)."""
    kept: list[str] = []
    where: list[int] = []
    indent = True  # at the start of a line
    for ch in text:
        where.append(len(kept))
        if ch == "\n":
            indent = True
        elif not (indent and ch.isspace()):  # the indent: any space, wide or narrow
            indent = False
            kept.append(ch)
    where.append(len(kept))
    return "".join(kept), where


def flattened(ann: Annotation) -> Annotation:
    """An outline annotation scored on its text flattened (``flatten``): spans moved with
    the text; lead measures not scored (nothing tells a lead from a body sentence in one
    line, SPEC §2 "Measure"); the document's title not checked (it runs into the body)."""
    flat, where = flatten(ann.text)
    elements = {
        element: tuple(
            replace(g, start=where[g.start], end=where[g.end]) if g.start >= 0 else g
            for g in golds
            if g.attrs.get("style") != "lead"
        )
        for element, golds in ann.elements.items()
        if element in OUTLINE
    }
    meta = {k: v for k, v in ann.meta.items() if k != "title"}
    return replace(ann, text=flat, meta=meta, elements=elements, leads=False)


def outline_annotations(
    corpus: str | Path, *, shared: str | Path | None = None
) -> list[Annotation]:
    """The outline annotations of the sample corpus and the tuning split of the real
    reports present (never a held-out one, sample or real: the stress test is tuned on)."""
    shared = Path(shared) if shared is not None else shared_corpora(corpus)
    samples = [load_annotation(p) for p in find_annotations(corpus)]
    samples = [a for a in samples if a.meta.get("split") != "heldout"]
    by_split, _ = _by_split(find_real(corpus), load_real, shared, lambda a: a.meta)
    outlined = [a for a in samples if "sections" in a.elements]
    return outlined + by_split["tuning"]


def evaluate_flattened(
    corpus: str | Path,
    *,
    shared: str | Path | None = None,
    rules: RuleSet | None = None,
    flat: bool = True,
    exclude: Collection[str] = (),
    only: Collection[str] | None = None,
) -> Evaluation:
    """Sections, measures and placeholders of every outline annotation (``outline_annotations``)
    scored on its text flattened as a crawler flattens it (``flat=False``: as written, the
    same elements, for comparison); ``exclude``: documents (``real/state-council/1999``) left
    out; ``only``: just these."""

    def parsed(ann: Annotation) -> tuple[Annotation, Report]:
        if flat:
            ann = flattened(ann)
        else:
            elements = {e: g for e, g in ann.elements.items() if e in OUTLINE}
            ann = replace(ann, elements=elements)
        return ann, parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path), rules=rules)

    annotations = outline_annotations(corpus, shared=shared)
    return score(map(parsed, (a for a in annotations if _chosen(a.doc_id, exclude, only))))
