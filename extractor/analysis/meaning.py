"""Score what each figure *means*, not only where it stands (issue 17).

``workreport evaluate`` scores claim mentions: a claim found at the right place with the
right value_text and unit is a hit, whatever it says.  Researchers tabulate the meaning:
the value in its base unit, a range's ends, the starting value of a movement, the stretch
of time the figure covers, whether it is a target, its change and what it measures.  This
module reads the annotations of real reports in ``corpora/annotations/real/claims/*.json``
(format: ``corpora/annotations/real/README.md``), each a sample of one report's claims
written before the parser was run on it, and scores them field by field.

The reports themselves live outside the repository, in ``../shared/corpora`` (``source``
names the file, ``sha256`` its bytes): a report that is absent or changed is skipped with a
reason.  For each annotated claim, the occurrence of its ``value_text`` inside its
``anchor`` (or, for a change without a figure, of its change word) is located in the
report's text; the predicted claim whose span holds that occurrence is its match.  A claim
no predicted claim holds is *missed*: every field of it is wrong.

Fields (:data:`FIELDS`): value, low/high, baseline (numbers compared with a relative
tolerance of 1e-6; both absent is right), span, is_target, change, unit, approx (equal),
indicator (lenient, as :func:`extractor.analysis.evaluate` compares it: equal, or one
holds the other, the shorter at least two characters and a third of the longer) and
time_ref (lenient too).  A claim is *fully right* when value, low/high, baseline, span,
is_target, change and indicator are all right (issue 17's definition); *every field*
also asks unit, approx and time_ref.  Scores are reported separately for the ``tuning``
split (the rules may be tuned on it) and the ``heldout`` split (nobody tunes on it: the
honest score).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.analysis.evaluate import _change_word, _loosely, read_text
from extractor.model import Claim
from extractor.pipeline import parse
from extractor.rules.records import RuleSet

#: The fields scored, in the order they are reported.
FIELDS = (
    "value", "low_high", "baseline", "span", "is_target", "change", "indicator", "unit",
    "approx", "time_ref",
)  # fmt: skip
#: The fields a claim must have right to be fully right (issue 17).
FULLY = ("value", "low_high", "baseline", "span", "is_target", "change", "indicator")
SPLITS = ("tuning", "heldout")
_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Judged:
    """One annotated claim and what the parser made of it (``claim`` None: missed)."""

    source: str
    split: str
    gold: Mapping[str, Any]
    claim: Claim | None
    right: Mapping[str, bool]

    @property
    def fully_right(self) -> bool:
        return all(self.right[f] for f in FULLY)

    @property
    def every_field(self) -> bool:
        return all(self.right.values())

    def wrong(self) -> list[str]:
        """The fields that are wrong, each with what was wanted and what was got."""
        out = []
        for name in FIELDS:
            if not self.right[name]:
                out.append(
                    f"{name}: want {_gold_of(self.gold, name)!r}, got {_got(self.claim, name)!r}"
                )
        return out


@dataclass(frozen=True, slots=True)
class SplitScore:
    """The scores of one split: claims, those found, per-field accuracy, fully right."""

    split: str
    judged: tuple[Judged, ...]

    @property
    def claims(self) -> int:
        return len(self.judged)

    @property
    def found(self) -> int:
        return sum(j.claim is not None for j in self.judged)

    def accuracy(self, name: str) -> float:
        return _rate(j.right[name] for j in self.judged)

    @property
    def fully_right(self) -> float:
        return _rate(j.fully_right for j in self.judged)

    @property
    def every_field(self) -> float:
        return _rate(j.every_field for j in self.judged)


@dataclass(frozen=True, slots=True)
class Meaning:
    """The scores per split and the annotation files skipped, with why."""

    splits: dict[str, SplitScore]
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def table(self) -> str:
        """A plain-text table: one column per split, one row per field."""
        names = [s for s in SPLITS if s in self.splits]
        head = f"{'':<14}" + "".join(f"{n:>10}" for n in names)
        rows = [head]
        rows.append(f"{'claims':<14}" + "".join(f"{self.splits[n].claims:>10}" for n in names))
        rows.append(f"{'found':<14}" + "".join(f"{self.splits[n].found:>10}" for n in names))
        for name in FIELDS:
            cells = "".join(f"{self.splits[n].accuracy(name):>10.3f}" for n in names)
            rows.append(f"{name:<14}{cells}")
        rows.append(
            f"{'fully right':<14}" + "".join(f"{self.splits[n].fully_right:>10.3f}" for n in names)
        )
        rows.append(
            f"{'every field':<14}" + "".join(f"{self.splits[n].every_field:>10.3f}" for n in names)
        )
        rows += [f"skipped {name}: {why}" for name, why in self.skipped]
        return "\n".join(rows)


def _rate(values: Iterable[bool]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


# --- comparing ---------------------------------------------------------------------------


def _same_number(gold: Any, got: float | None) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    return math.isclose(float(gold), got, rel_tol=1e-6, abs_tol=1e-9)


def _gold_of(gold: Mapping[str, Any], name: str) -> Any:
    if name == "low_high":
        return (gold.get("low"), gold.get("high"))
    return gold.get(name)


def _got(claim: Claim | None, name: str) -> Any:
    if claim is None:
        return None
    if name == "low_high":
        return (claim.low, claim.high)
    return getattr(claim, name)


def judge(gold: Mapping[str, Any], claim: Claim | None) -> dict[str, bool]:
    """Which fields of one annotated claim the predicted claim has right."""
    if claim is None:
        return dict.fromkeys(FIELDS, False)
    return {
        "value": _same_number(gold.get("value"), claim.value),
        "low_high": _same_number(gold.get("low"), claim.low)
        and _same_number(gold.get("high"), claim.high),
        "baseline": _same_number(gold.get("baseline"), claim.baseline),
        "span": str(gold.get("span") or "period") == claim.span,
        "is_target": bool(gold.get("is_target")) == claim.is_target,
        "change": str(gold.get("change") or "") == claim.change,
        "indicator": _loosely(gold.get("indicator", ""), claim.indicator),
        "unit": str(gold.get("unit") or "") == claim.unit,
        "approx": str(gold.get("approx") or "") == claim.approx,
        "time_ref": _loosely(gold.get("time_ref", ""), claim.time_ref),
    }


# --- locating ----------------------------------------------------------------------------


def _occurrence(text: str, entry: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where the claim's own text (value_text, or its change word) stands in the text."""
    anchor = str(entry.get("anchor") or "")
    hits, at = [], text.find(anchor) if anchor else -1
    while at >= 0:
        hits.append(at)
        at = text.find(anchor, at + 1)
    n = int(entry.get("occurrence") or 1)
    if not 1 <= n <= len(hits):
        return None
    own = str(entry.get("value_text") or "") or _change_word(anchor, str(entry.get("change") or ""))
    i = anchor.find(own) if own else -1
    if i < 0:
        return None
    start = hits[n - 1] + i
    return start, start + len(own)


def holding(claims: Sequence[Claim], start: int, end: int) -> Claim | None:
    """The predicted claim whose span holds ``start:end`` (the shortest, then the first)."""
    best: Claim | None = None
    for c in claims:
        if (
            c.start <= start
            and end <= c.end
            and (best is None or c.end - c.start < best.end - best.start)
        ):
            best = c
    return best


# --- the annotations ---------------------------------------------------------------------


def annotation_files(folder: str | Path | None = None) -> list[Path]:
    """The claim annotations of real reports (default: the repository's)."""
    root = (
        Path(folder)
        if folder is not None
        else _ROOT / "corpora" / "annotations" / "real" / "claims"
    )
    return sorted(root.glob("*.json"))


def shared_corpora() -> Path:
    """Where the real reports are: ``../shared/corpora`` beside the checkout."""
    return _ROOT.parent / "shared" / "corpora"


def score_meaning(
    files: Iterable[str | Path] | None = None,
    *,
    corpora: str | Path | None = None,
    rules: RuleSet | None = None,
) -> Meaning:
    """Parse every annotated report and judge its annotated claims, split by split."""
    base = Path(corpora) if corpora is not None else shared_corpora()
    judged: dict[str, list[Judged]] = {}
    skipped: list[tuple[str, str]] = []
    for path in annotation_files() if files is None else [Path(f) for f in files]:
        meta = json.loads(Path(path).read_text(encoding="utf-8"))
        source = base / str(meta["source"])
        if not source.is_file():
            skipped.append((Path(path).name, f"{source} is absent"))
            continue
        if hashlib.sha256(source.read_bytes()).hexdigest() != meta.get("sha256"):
            skipped.append((Path(path).name, f"{source} changed (sha256 differs)"))
            continue
        text = read_text(source, str(meta.get("encoding", "")))
        report = parse(
            text, doc_id=str(meta["source"]), path=str(source), series=source.parent.name,
            rules=rules,
        )  # fmt: skip
        split = str(meta.get("split", "tuning"))
        for entry in meta.get("claims", ()):
            where = _occurrence(text, entry)
            claim = holding(report.claims, *where) if where else None
            judged.setdefault(split, []).append(
                Judged(str(meta["source"]), split, entry, claim, judge(entry, claim))
            )
    splits = {s: SplitScore(s, tuple(judged[s])) for s in SPLITS if s in judged}
    return Meaning(splits, skipped)
