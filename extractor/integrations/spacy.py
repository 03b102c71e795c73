"""A spaCy pipeline component, ``workreport``: the parser's elements as spans of a Doc.

Use it with spaCy's blank Chinese pipeline and its jieba segmenter (no model download)::

    import spacy
    import extractor.integrations.spacy  # or rely on the ``spacy_factories`` entry point

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("workreport", config={"lexicons": ["my_names.txt"]})
    doc = nlp(text)
    doc.spans["campaigns"], doc.ents, doc._.workreport

The component runs :func:`extractor.pipeline.parse` on ``doc.text`` and fills the span
groups ``sections``, ``measures``, ``campaigns``, ``claims`` and ``placeholders`` (label:
the element's kind, ``claim`` for claims; ``span.id_``: the element's id).  Character
offsets become token spans with ``alignment_mode="expand"``: a span covers every token it
touches.  The report's offsets are in the parsed text (no BOM, ``\\n`` line ends); they are
mapped back to the Doc's own text.  Claims and campaigns also go into ``doc.ents`` (labels
``CLAIM`` and ``CAMPAIGN``) where they do not overlap, longer spans first.  The whole
:class:`~extractor.model.Report` is ``doc._.workreport``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.elements.lexicon import with_lexicon
from extractor.model import Report
from extractor.pipeline import parse
from extractor.rules.loader import RuleSet, default_rules

#: The span groups the component fills, in this order.
SPAN_KEYS = ("sections", "measures", "campaigns", "claims", "placeholders")
#: ``doc.ents`` labels of the elements that also become entities.
ENT_LABELS = {"campaigns": "CAMPAIGN", "claims": "CLAIM"}

if not Doc.has_extension("workreport"):
    Doc.set_extension("workreport", default=None)


def element_spans(report: Report) -> dict[str, list[tuple[int, int, str, str]]]:
    """``(start, end, label, id)`` of every element per span group (char offsets)."""
    return {
        "sections": [(s.start, s.end, s.kind or "section", s.section_id) for s in report.sections],
        "measures": [(m.start, m.end, m.style or "measure", m.measure_id) for m in report.measures],
        "campaigns": [(c.start, c.end, c.kind, c.campaign_id) for c in report.campaigns],
        "claims": [(c.start, c.end, "claim", c.claim_id) for c in report.claims],
        "placeholders": [(p.start, p.end, p.kind, p.placeholder_id) for p in report.placeholders],
    }


class WorkreportComponent:
    """Parses ``doc.text`` and adds the report's elements to the Doc as spans."""

    def __init__(self, rules: RuleSet | None = None, *, ents: bool = True) -> None:
        self.rules = rules or default_rules()
        self.ents = ents

    def __call__(self, doc: Doc) -> Doc:
        report = parse(doc.text, rules=self.rules)
        doc._.workreport = report
        where = _original_offsets(doc.text, report.text)
        new_ents: list[Span] = []
        for key, elements in element_spans(report).items():
            spans = _to_spans(doc, elements, where)
            doc.spans[key] = spans
            if self.ents and key in ENT_LABELS:
                label = ENT_LABELS[key]
                new_ents += [Span(doc, s.start, s.end, label=label, span_id=s.id_) for s in spans]
        if new_ents:
            doc.ents = filter_spans([*doc.ents, *new_ents])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _original_offsets(text: str, parsed: str) -> list[int] | None:
    """Where each character of the parsed text was in ``text`` (None: the same text).

    :func:`~extractor.pipeline.parse` drops a BOM and turns ``\\r\\n`` into ``\\n``; the
    report's offsets are in that text, the Doc's in the original.
    """
    if parsed == text:
        return None
    kept = [
        i
        for i, ch in enumerate(text)
        if not (ch == "\r" and text[i + 1 : i + 2] == "\n") and not (i == 0 and ch == "\ufeff")
    ]
    return kept


def _to_spans(
    doc: Doc, elements: Sequence[tuple[int, int, str, str]], where: list[int] | None = None
) -> list[Span]:
    out = []
    for start, end, label, element_id in elements:
        if where is not None and end > start:
            start, end = where[start], where[end - 1] + 1
        span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=element_id)
        if span is not None:  # None only for an empty or all-whitespace stretch
            out.append(span)
    return out


@Language.factory(
    "workreport",
    default_config={"lexicons": [], "ents": True},
    assigns=["doc.spans", "doc.ents", "doc._.workreport"],
)
def make_workreport(nlp: Language, name: str, lexicons: list[str], ents: bool) -> Any:
    """The ``workreport`` component; ``lexicons``: extra campaign word lists (like --lexicon)."""
    rules = with_lexicon(default_rules(), *lexicons) if lexicons else default_rules()
    return WorkreportComponent(rules, ents=ents)
