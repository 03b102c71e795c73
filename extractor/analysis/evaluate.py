"""Score the parser against hand annotations: precision, recall, F1 and attribute accuracies.

An annotation is ``<corpus>/annotations/<stem>.json`` beside ``<corpus>/<stem>.txt``.  It
lists the document's sections, measures, claims, placeholders and campaigns; a list that is
absent means that element was not annotated there and is not scored.  Claims,
placeholders and campaigns are located by an ``anchor`` (a substring of the text,
``occurrence`` picks one of several): the element's span is the first occurrence of its
own text inside the anchor.

Matching is a multiset match per document on a key per element, summed over documents:
sections (level, title), measures (marker, headline), claims (start, value_text, unit),
placeholders (start, end), campaigns (start, norm).  Attribute accuracies are counted over
the matched pairs.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.claims.words import change_words, claim_words
from extractor.elements.lexicon import normalise
from extractor.errors import WorkreportError
from extractor.io.reading import read_document
from extractor.model import Claim, Report
from extractor.pipeline import normalise_newlines, parse
from extractor.rules.loader import RuleSet
from extractor.text.fold import fold

ELEMENTS = ("sections", "measures", "claims", "placeholders", "campaigns")
SPANNED = ("claims", "placeholders", "campaigns")  # located by an anchor
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "sections": ("level", "title"),
    "measures": ("marker", "headline"),
    "claims": ("anchor", "value_text", "unit"),
    "placeholders": ("anchor", "text"),
    "campaigns": ("anchor", "text"),
}


class AnnotationError(WorkreportError, ValueError):
    """An annotation file is malformed or does not fit its text; names file and entry."""


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated element: its JSON fields and, for anchored elements, its span."""

    attrs: Mapping[str, Any]
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotated document: its text (as the parser sees it) and its gold elements."""

    doc_id: str
    json_path: Path
    text_path: Path
    text: str
    meta: Mapping[str, Any]
    elements: Mapping[str, tuple[Gold, ...]]  # only the annotated elements
    #: titles and headlines longer than 30 characters compared by their 28-character
    #: prefix and their length (the real reports' annotations quote no more of a report)
    clipped: bool = False
    #: lead measures are scored (False where a report lost its paragraph breaks: neither
    #: side's leads count)
    leads: bool = True


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one element over all documents; ``f1`` is 1.0 when there is nothing."""

    element: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """A difference worth a look: ``missed``, ``spurious`` or ``wrong`` (an attribute)."""

    document: str
    element: str
    kind: str
    description: str


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per annotated element, accuracies per attribute, and the differences."""

    scores: dict[str, Score]
    accuracies: dict[str, float]
    misses: list[Miss]
    documents: tuple[str, ...] = ()

    def table(self) -> str:
        """A plain-text summary, one line per element and per accuracy."""
        lines = [f"{len(self.documents)} documents", "element       tp   fp   fn     P     R    F1"]
        lines += [
            f"{s.element:<12}{s.tp:>4}{s.fp:>5}{s.fn:>5}{s.precision:6.2f}{s.recall:6.2f}{s.f1:6.2f}"
            for s in self.scores.values()
        ]
        lines += [f"{name:<20}{value:.2f}" for name, value in self.accuracies.items()]
        return "\n".join(lines)


# --- loading ------------------------------------------------------------------------------


#: The longest text an annotation of a real report quotes, and the prefix it keeps of a
#: longer one (corpora/annotations/real/README.md).
QUOTED_MAX, QUOTED_PREFIX = 30, 28


def clip(text: str, length: int | None = None) -> str:
    """A compared title or headline as the real reports' annotations write it: whole up to
    30 characters, else its 28-character prefix, ``…`` and its length.  An annotation's
    own ``prefix…`` is given its length (``title_len``) the same way."""
    if text.endswith("…") and length is not None:
        return f"{text[:-1][:QUOTED_PREFIX]}…{length}"
    if len(text) > QUOTED_MAX:
        return f"{text[:QUOTED_PREFIX]}…{len(text)}"
    return text


def _same_clipped(gold: str, got: str) -> bool:
    """A clipped annotation's title against a whole one: prefix and more than 30 characters."""
    if gold.endswith("…"):
        return len(got) > QUOTED_MAX and got.startswith(gold[:-1][:QUOTED_PREFIX])
    return gold == got


def _title(value: Any) -> str:
    """A title as compared: no whitespace, no final 。."""
    return "".join(str(value).split()).removesuffix("。")


def _headline(value: Any) -> str:
    """A headline as compared: no whitespace, no trailing 。 or ；."""
    return "".join(str(value).split()).rstrip("。；;")


def read_text(path: Path, encoding: str = "") -> str:
    """The text the parser sees (as ``extractor.io.reading`` decodes it), checked against the
    encoding the annotation declares, so anchors are resolved in the parser's text."""
    text = normalise_newlines(read_document(path).text)
    if encoding:
        try:
            declared = normalise_newlines(path.read_bytes().decode(encoding))
        except (LookupError, UnicodeDecodeError) as exc:
            raise AnnotationError(f"{path}: does not decode as {encoding!r}: {exc}") from exc
        if declared != text:
            raise AnnotationError(f"{path}: read differently than as declared {encoding!r}")
    return text


def _occurrences(text: str, needle: str) -> list[int]:
    hits, i = [], text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    return hits


def _anchor_start(text: str, entry: Mapping[str, Any], where: str) -> int:
    anchor = entry["anchor"]
    hits = _occurrences(text, anchor) if isinstance(anchor, str) and anchor else []
    if not hits:
        raise AnnotationError(f"{where}: anchor {anchor!r} is not in the text")
    n = entry.get("occurrence")
    if n is None and len(hits) > 1:
        raise AnnotationError(
            f"{where}: anchor {anchor!r} occurs {len(hits)} times; add occurrence"
        )
    if n is not None and not (isinstance(n, int) and 1 <= n <= len(hits)):
        raise AnnotationError(f"{where}: occurrence {n!r} of {anchor!r}, which occurs {len(hits)}x")
    return hits[(n or 1) - 1]


def _change_word(anchor: str, change: str) -> str:
    """The earliest change word in the anchor (the claim vocabulary's increase, decrease
    and flat words), preferring the annotated direction."""
    found = list(change_words(fold(anchor), claim_words()))
    own = next((m for m in found if m.lastgroup == change), found[0] if found else None)
    return anchor[own.start() : own.end()] if own is not None else ""


def is_change_word(text: str) -> bool:
    """Whether ``text`` is one change word of the claim vocabulary (同比下降's 下降)."""
    return claim_words().change_word.fullmatch(fold(text)) is not None


def _own_text(element: str, entry: Mapping[str, Any]) -> str:
    """What an anchored span covers: the placeholder or campaign, figure or change word."""
    if element in ("placeholders", "campaigns"):
        return str(entry["text"])
    return str(entry["value_text"]) or _change_word(
        str(entry["anchor"]), str(entry.get("change") or "")
    )


def _gold(text: str, element: str, entry: Any, where: str) -> Gold:
    if not isinstance(entry, Mapping):
        raise AnnotationError(f"{where}: an entry is a JSON object")
    missing = [k for k in REQUIRED[element] if k not in entry]
    if missing:
        raise AnnotationError(f"{where}: missing {', '.join(missing)}")
    if element not in SPANNED:
        return Gold(entry)
    base, own = _anchor_start(text, entry, where), _own_text(element, entry)
    i = str(entry["anchor"]).find(own) if own else -1
    if i < 0:
        raise AnnotationError(f"{where}: {own or 'no change word'!r} not in {entry['anchor']!r}")
    return Gold(entry, base + i, base + i + len(own))


def load_annotation(json_path: str | Path) -> Annotation:
    """Read one annotation and its text, resolving every anchor to a span."""
    json_path = Path(json_path)
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnnotationError(f"{json_path}: cannot read annotation: {exc}") from exc
    if not isinstance(meta, dict):
        raise AnnotationError(f"{json_path}: an annotation is a JSON object")
    text_path = json_path.parent.parent / str(meta.get("file") or f"{json_path.stem}.txt")
    if not text_path.is_file():
        raise AnnotationError(f"{json_path}: text file {text_path} not found")
    text = read_text(text_path, str(meta.get("encoding", "")))
    elements: dict[str, tuple[Gold, ...]] = {}
    for element in ELEMENTS:
        if element in meta:
            entries = meta[element]
            if not isinstance(entries, list):
                raise AnnotationError(f"{json_path.name}: {element} is a list")
            where = f"{json_path.name}: {element}[{{}}]"
            elements[element] = tuple(
                _gold(text, element, e, where.format(i)) for i, e in enumerate(entries)
            )
    return Annotation(text_path.stem, json_path, text_path, text, meta, elements)


def find_annotations(path: str | Path | None = None) -> list[Path]:
    """Annotation files: a ``.json`` file, or every ``annotations/*.json`` under a folder."""
    if path is None:
        here = Path("corpora")
        path = here if here.is_dir() else Path(__file__).resolve().parents[2] / "corpora"
    root = Path(path)
    if root.is_file():
        return [root]
    found = sorted(p for p in root.rglob("*.json") if p.parent.name == "annotations")
    if not found:
        raise AnnotationError(f"{root}: no annotations (<corpus>/annotations/<stem>.json)")
    return found


# --- matching -----------------------------------------------------------------------------


def _claim_start(c: Claim) -> int:
    """Where a predicted claim's own text (figure, or change word) starts."""
    own = c.value_text or _change_word(c.text, c.change)
    i = c.text.find(own) if own else 0
    return c.start + max(i, 0)


def _section_title(report: Report, section_id: str | None) -> str:
    sec = report.section(section_id)
    return _title(sec.title) if sec else ""


Getter = Callable[[Report, Any], Any]


@dataclass(frozen=True, slots=True)
class _Spec:
    gold_key: Callable[[Gold], Hashable]
    pred_key: Getter
    checks: tuple[tuple[str, str, Getter], ...]  # (accuracy, gold field, predicted value)


SPECS: Mapping[str, _Spec] = {
    "sections": _Spec(
        lambda g: (int(g.attrs["level"]), _title(g.attrs["title"])),
        lambda r, s: (s.level, _title(s.title)),
        (("section_kind", "kind", lambda r, s: s.kind),
         ("section_period", "period", lambda r, s: s.period),
         ("section_ordinal", "ordinal", lambda r, s: s.ordinal)),
    ),
    "measures": _Spec(
        lambda g: (g.attrs["marker"], _headline(g.attrs["headline"])),
        lambda r, m: (m.marker, _headline(m.headline)),
        (("measure_style", "style", lambda r, m: m.style),
         ("measure_section", "section", lambda r, m: _section_title(r, m.section_id)),
         ("measure_slogan", "slogan", lambda r, m: m.slogan),
         ("measure_ordinal", "ordinal", lambda r, m: m.ordinal)),
    ),
    "claims": _Spec(
        lambda g: (g.start, g.attrs["value_text"], g.attrs["unit"]),
        lambda r, c: (_claim_start(c), c.value_text, c.unit),
        (("claim_approx", "approx", lambda r, c: c.approx),
         ("claim_change", "change", lambda r, c: c.change),
         ("claim_is_target", "is_target", lambda r, c: c.is_target),
         ("claim_masked", "masked", lambda r, c: c.masked),
         ("claim_indicator", "indicator", lambda r, c: c.indicator),
         ("claim_time_ref", "time_ref", lambda r, c: c.time_ref)),
    ),
    "placeholders": _Spec(
        lambda g: (g.start, g.end),
        lambda r, p: (p.start, p.end),
        (("placeholder_kind", "kind", lambda r, p: p.kind),),
    ),
    "campaigns": _Spec(
        lambda g: (g.start, normalise(g.attrs["text"])),
        lambda r, c: (c.start, c.norm),
        (("campaign_kind", "kind", lambda r, c: c.kind),),
    ),
}  # fmt: skip
DOCUMENT_CHECKS = {"document_title": "title", "document_period": "period", "doc_type": "doc_type"}


#: Checks of the reader's judgement, compared leniently (corpora/README.md): an indicator or
#: time reference is right when it equals the annotation or one holds the other, spaces and
#: quotation marks aside (`地区生产总值` for `全县地区生产总值`), the shorter at least two
#: characters and a third of the longer.
_LOOSE = frozenset({"claim_indicator", "claim_time_ref"})
_NOT_COMPARED = str.maketrans("", "", " \t\n\u3000“”\"「」‘’'")


def _loosely(gold: Any, got: Any) -> bool:
    g, p = str(gold).translate(_NOT_COMPARED), str(got).translate(_NOT_COMPARED)
    if g == p:
        return True
    short, long_ = sorted((g, p), key=len)
    # one holds the other, and the shorter is no mere fragment (速 of 地区生产总值增速)
    return len(short) >= 2 and 3 * len(short) >= len(long_) and short in long_


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}  # element -> [tp, fp, fn]
        self.checks: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [right, all]
        self.misses: list[Miss] = []

    def check(
        self, doc: str, element: str, name: str, gold: Any, got: Any, clipped: bool = False
    ) -> None:
        if name in ("measure_section", "document_title"):
            gold, got = _title(gold), _title(got)
        if clipped and name in ("measure_section", "document_title"):
            same = _same_clipped(gold, got)
        else:
            same = _loosely(gold, got) if name in _LOOSE else gold == got
        right = self.checks[name]
        right[0] += same
        right[1] += 1
        if not same:
            self.misses.append(Miss(doc, element, "wrong", f"{name}: want {gold!r}, got {got!r}"))

    def result(self, documents: tuple[str, ...]) -> Evaluation:
        scores = {e: Score(e, *self.counts[e]) for e in ELEMENTS if e in self.counts}
        accuracies = {n: right / total for n, (right, total) in self.checks.items() if total}
        return Evaluation(scores, accuracies, self.misses, documents)


def _where(text: str, key: Hashable, start: int) -> str:
    """The key, with the text around ``start`` for spanned elements (start -1: none)."""
    return f"{key!r} near {text[max(start - 8, 0) : start + 12]!r}" if start >= 0 else repr(key)


def _match(element: str, ann: Annotation, report: Report, tally: _Tally) -> None:
    spec, doc = SPECS[element], ann.doc_id
    pending: dict[Hashable, deque[Any]] = defaultdict(deque)
    for item in getattr(report, element):
        if element == "measures" and not ann.leads and item.style == "lead":
            continue
        key = spec.pred_key(report, item)
        if ann.clipped and element in ("sections", "measures"):
            key = (key[0], clip(key[1]))
        pending[key].append(item)
    counts = tally.counts.setdefault(element, [0, 0, 0])
    for gold in ann.elements[element]:
        key = spec.gold_key(gold)
        if not pending[key]:
            counts[2] += 1
            tally.misses.append(Miss(doc, element, "missed", _where(ann.text, key, gold.start)))
            continue
        counts[0] += 1
        item = pending[key].popleft()
        for name, field, get in spec.checks:
            if field in gold.attrs:
                got = get(report, item)
                tally.check(doc, element, name, gold.attrs[field], got, ann.clipped)
    for key, items in pending.items():
        counts[1] += len(items)
        for item in items:
            start = item.start if element in SPANNED else -1
            tally.misses.append(Miss(doc, element, "spurious", _where(ann.text, key, start)))


def _score_document(ann: Annotation, report: Report, tally: _Tally) -> None:
    """Add one document's matches to the tally."""
    for name, field in DOCUMENT_CHECKS.items():
        if field in ann.meta:
            got = getattr(report.document, field)
            tally.check(ann.doc_id, "document", name, ann.meta[field], got, ann.clipped)
    for element in ann.elements:
        _match(element, ann, report, tally)


def score(pairs: Iterable[tuple[Annotation, Report]]) -> Evaluation:
    """Score parsed reports against their annotations (one pair per document)."""
    tally, docs = _Tally(), []
    for ann, report in pairs:
        _score_document(ann, report, tally)
        docs.append(ann.doc_id)
    return tally.result(tuple(docs))


def evaluate(path: str | Path | None = None, *, rules: RuleSet | None = None) -> Evaluation:
    """Parse every annotated document under ``path`` (default ``corpora/``) and score it."""
    annotations = (load_annotation(p) for p in find_annotations(path))
    return score(
        (ann, parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path), rules=rules))
        for ann in annotations
    )
