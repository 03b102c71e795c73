"""One report as a self-contained HTML page, its elements highlighted with displaCy's span style.

Each paragraph (line) of the document is one displaCy span block, so the layout of the
report survives; in it, section headings, measure headlines, campaigns, claims and
placeholders are underlined in one colour per label, overlapping spans stacked.  A header
gives the document's metadata and a legend with the count of each label.

Safety: displaCy escapes token text in manual mode and labels are escaped here, so no text
from the document becomes markup (a report holding ``<script>`` shows it as text).  The
page loads nothing: no external CSS, script or font.  :func:`write_html` writes a temporary
file beside the target and renames it, so a reader never sees half a page.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import regex
from spacy import displacy
from spacy.displacy.templates import TPL_SPAN, TPL_SPAN_SLICE, TPL_SPAN_START

from extractor.io.atomic import write_text_atomic
from extractor.model import Report

#: Colours of each group of labels (background of the underline and of the label chip).
GROUP_COLOURS = {
    "section": "#7aecec",
    "measure": "#bfeeb7",
    "campaign": "#feca74",
    "claim": "#aa9cfc",
    "target": "#c887fb",
    "placeholder": "#ff8197",
}


def _classed(template: str, *classes: str) -> str:
    """A displaCy template whose first ``<span`` tags carry these classes, in order."""
    for name in classes:
        template = template.replace("<span style=", f'<span class="{name}" style=', 1)
    return template


#: displaCy's span templates with class names, for the page's CSS and for tests.
TEMPLATES = {
    "span": _classed(TPL_SPAN, "wr-token"),
    "slice": _classed(TPL_SPAN_SLICE, "wr-slice"),
    "start": _classed(TPL_SPAN_START, "wr-start", "wr-label"),
}
_TAG_SPACE = regex.compile(r"\s*(<[^<>]*>)\s*")  # only displaCy's own tags: text is escaped


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted stretch: character offsets, label and the element's id."""

    start: int
    end: int
    label: str
    group: str
    element_id: str


def marks(report: Report) -> list[Mark]:
    """The stretches the view highlights: headings and headlines, not whole sections."""
    out = [Mark(s.start, s.title_end, "section", "section", s.section_id) for s in report.sections]
    out += [
        Mark(m.start, m.headline_end, "measure", "measure", m.measure_id) for m in report.measures
    ]
    out += [
        Mark(c.start, c.end, f"campaign·{c.kind}", "campaign", c.campaign_id)
        for c in report.campaigns
    ]
    out += [
        Mark(
            c.start,
            c.end,
            "target" if c.is_target else "claim",
            "target" if c.is_target else "claim",
            c.claim_id,
        )
        for c in report.claims
    ]
    out += [
        Mark(p.start, p.end, f"placeholder·{p.kind}", "placeholder", p.placeholder_id)
        for p in report.placeholders
    ]
    return [m for m in out if m.end > m.start]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, surrounding whitespace left out."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(line)
    return out


def paragraph_doc(text: str, start: int, end: int, found: list[Mark]) -> dict[str, Any]:
    """displaCy's manual span input for ``text[start:end]``: tokens cut at every mark edge."""
    inside = [
        (max(m.start, start), min(m.end, end), m) for m in found if m.start < end and m.end > start
    ]
    cuts = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    index = {c: i for i, c in enumerate(cuts)}
    tokens = [text[a:b] for a, b in pairwise(cuts)]
    spans = [
        {"start_token": index[a], "end_token": index[b], "label": html.escape(m.label)}
        for a, b, m in sorted(inside, key=lambda x: (x[0], -x[1]))
    ]
    return {"text": text[start:end], "tokens": tokens, "spans": spans}


def render_html(report: Report) -> str:
    """The whole page: header, legend and one displaCy span block per paragraph."""
    text, doc = report.text, report.document
    found = marks(report)
    labels = Counter(m.label for m in found)
    groups = {m.label: m.group for m in found}
    colours = {label: GROUP_COLOURS[group] for label, group in groups.items()}
    options = {
        "colors": colours,
        "top_offset": 30,
        "span_label_offset": 16,
        "template": TEMPLATES,
    }
    heads = {s.start for s in report.sections}
    blocks = []
    for start, end in paragraphs(text):
        block = displacy.render(
            paragraph_doc(text, start, end, found),
            style="span",
            manual=True,
            page=False,
            jupyter=False,
            options=options,
        )
        cls = "para heading" if start in heads else "para"
        cls += " title" if start == doc.title_start else ""
        tight = _TAG_SPACE.sub(r"\1", block)  # no spaces between Chinese tokens
        blocks.append(f'<div class="{cls}" data-start="{start}">{tight}</div>')
    title = doc.title or doc.doc_id
    meta = " · ".join(
        html.escape(x)
        for x in (doc.doc_id, doc.period, doc.doc_type, f"{doc.chars} characters")
        if x
    )
    legend = "".join(
        f'<li><span class="chip" style="background:{colours[label]}">{html.escape(label)}</span>'
        f" {count}</li>"
        for label, count in sorted(
            labels.items(), key=lambda kv: (_group_order(groups[kv[0]]), kv[0])
        )
    )
    return _PAGE.format(
        title=html.escape(title),
        meta=meta,
        legend=legend,
        counts=html.escape(
            f"sections {len(report.sections)} · measures {len(report.measures)} · "
            f"campaigns {len(report.campaigns)} · claims {len(report.claims)} · "
            f"placeholders {len(report.placeholders)}"
        ),
        body="\n".join(blocks),
    )


def write_html(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write the page to ``path`` atomically (a temporary file beside it, then a rename)."""
    return write_text_atomic(path, render_html(report))


def _group_order(group: str) -> int:
    return list(GROUP_COLOURS).index(group)


_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; background: #fff; }}
header {{ position: sticky; top: 0; background: #f7f7f7; border-bottom: 1px solid #ddd;
  padding: 0.8rem 2rem; z-index: 100; }}
header h1 {{ font-size: 1.3rem; margin: 0 0 0.3rem; }}
header p {{ margin: 0.2rem 0; color: #555; font-size: 0.9rem; }}
ul.legend {{ list-style: none; margin: 0.4rem 0 0; padding: 0; display: flex;
  flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.85rem; }}
.chip {{ border-radius: 3px; padding: 1px 5px; font-weight: bold; font-size: 0.8rem; }}
main {{ padding: 1rem 2rem 4rem; max-width: 60rem; }}
main figure {{ margin: 0 !important; }}
.para {{ margin: 0 0 0.4rem; }}
.para .spans {{ line-height: 2.4 !important; }}
.para.heading {{ font-size: 1.1rem; margin-top: 1rem; }}
.para.title {{ font-size: 1.25rem; font-weight: bold; text-align: center; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p>{meta}</p>
<p>{counts}</p>
<ul class="legend">{legend}</ul>
</header>
<main>
{body}
</main>
</body>
</html>
"""
