"""One report as a self-contained HTML page, its elements underlined in one colour per label.

Each paragraph (line) of the document is one block, so the layout of the report survives;
in it, section headings, measure headlines, campaigns, claims, targets and placeholders are
underlined (overlapping ones in lanes, one under the other, as displaCy's span style
draws them) with a label at the start of each.  Around it:

- a table of contents of the outline, each heading a link to its place in the text;
- a tooltip on every marked stretch and label with the element's fields (claim: indicator,
  value, unit, change, time, target; measure: headline, slogan …);
- a legend with the count of each label, whose labels toggle the marks of that label
  (checkboxes and CSS: the page runs no script);
- labels that would overlap on dense text are placed in rows under the underlines: a label
  goes to the first row where the text before it, measured at its narrowest, leaves room
  for the label at its widest; one that finds no row within :data:`LABEL_ROWS` is left out
  (its underline and tooltip stay).

Safety: every piece of document text is escaped with ``html.escape``, so a report holding
``<script>`` shows it as text; a Content-Security-Policy forbids scripts and loads, and the
page loads nothing (no external CSS, script or font).  :func:`write_html` writes a
temporary file beside the target and renames it, so a reader never sees half a page.
"""

from __future__ import annotations

import html
import os
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from extractor.io.atomic import write_text_atomic
from extractor.model import Claim, Measure, Report, Section

#: Colours of each group of labels (the underline and the label chip).
GROUP_COLOURS = {
    "section": "#7aecec",
    "measure": "#bfeeb7",
    "campaign": "#feca74",
    "claim": "#aa9cfc",
    "target": "#c887fb",
    "placeholder": "#ff8197",
}
#: Rows of labels under a paragraph's underlines; a label that fits in none is left out.
LABEL_ROWS = 3
#: A marked stretch is cut into pieces of at most this many characters, so it can wrap.
PIECE = 8
#: The width of a label's characters at their widest and of text at its narrowest, in ems
#: of the paragraph's font (the label is drawn at ``_CHIP_FONT`` of it, with padding).
_CHIP_FONT, _CHIP_CHAR, _CHIP_PAD = 0.62, 0.75, 0.8
_NARROWEST = {"W": 0.95, "F": 0.95}  # East Asian wide and full-width characters
_NARROW_DIGIT, _NARROW_OTHER = 0.5, 0.2


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted stretch: character offsets, label, the element's id and its fields."""

    start: int
    end: int
    label: str
    group: str
    element_id: str
    tip: str = ""


def marks(report: Report) -> list[Mark]:
    """The stretches the view highlights: headings and headlines, not whole sections."""
    out = [
        Mark(s.start, s.title_end, "section", "section", s.section_id, _section_tip(s))
        for s in report.sections
    ]
    out += [
        Mark(m.start, m.headline_end, "measure", "measure", m.measure_id, _measure_tip(m))
        for m in report.measures
    ]
    out += [
        Mark(
            c.start,
            c.end,
            f"campaign·{c.kind}",
            "campaign",
            c.campaign_id,
            _tip(f"campaign {c.campaign_id}", kind=c.kind, norm=c.norm),
        )
        for c in report.campaigns
    ]
    out += [_claim_mark(c) for c in report.claims]
    out += [
        Mark(
            p.start,
            p.end,
            f"placeholder·{p.kind}",
            "placeholder",
            p.placeholder_id,
            _tip(f"placeholder {p.placeholder_id}", kind=p.kind, text=p.text),
        )
        for p in report.placeholders
    ]
    return [m for m in out if m.end > m.start]


def _tip(head: str, **fields: object) -> str:
    """A tooltip: a head line, then one ``name: value`` line per field that has a value."""
    lines = [head] + [f"{k}: {v}" for k, v in fields.items() if v not in ("", None, False)]
    return "\n".join(lines)


def _section_tip(s: Section) -> str:
    return _tip(
        f"section {s.section_id}",
        heading=f"{s.marker}{s.title}",
        level=s.level,
        kind=s.kind,
        period=s.period,
    )


def _measure_tip(m: Measure) -> str:
    return _tip(
        f"measure {m.measure_id}",
        marker=m.marker,
        headline=m.headline,
        slogan=m.slogan,
        style=m.style,
        section=m.section_id,
    )


def _claim_mark(c: Claim) -> Mark:
    label = "target" if c.is_target else "claim"
    value = "" if c.value is None else f"{c.value:g} {c.base_unit}".strip()
    if c.low is not None and c.high is not None:
        value = f"{c.low:g}–{c.high:g} {c.base_unit}".strip()
    tip = _tip(
        f"{label} {c.claim_id}",
        indicator=c.indicator,
        value_text=c.value_text,
        unit=c.unit,
        value=value,
        approx=c.approx,
        change=c.change,
        time=c.time_ref,
        target=c.is_target,
        masked=c.masked,
    )
    return Mark(c.start, c.end, label, label, c.claim_id, tip)


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


def narrowest(text: str) -> float:
    """The least width ``text`` can take, in ems: what separates two labels on a line."""
    total = 0.0
    for ch in text:
        if ch.isdigit() and ch.isascii():
            total += _NARROW_DIGIT
        else:
            total += _NARROWEST.get(unicodedata.east_asian_width(ch), _NARROW_OTHER)
    return total


def label_width(label: str) -> float:
    """The most width a label chip takes, in ems of the paragraph's font."""
    return _CHIP_FONT * (_CHIP_CHAR * len(label) + _CHIP_PAD)


@dataclass(frozen=True, slots=True)
class _Placed:
    mark: Mark
    lane: int  # the underline's lane
    row: int  # the label's row; -1: no label


def place(text: str, start: int, found: list[Mark]) -> list[_Placed]:
    """Lanes for the underlines of one paragraph's marks (overlapping marks one under the
    other) and rows for their labels (none overlapping, measured from ``start``)."""
    lanes_end: list[int] = []
    rows_end: list[float] = []
    out = []
    for m in sorted(found, key=lambda m: (m.start, -m.end, m.label)):
        lane = next((i for i, end in enumerate(lanes_end) if end <= m.start), len(lanes_end))
        if lane == len(lanes_end):
            lanes_end.append(m.end)
        lanes_end[lane] = m.end
        x = narrowest(text[start : m.start])
        row = next((i for i, end in enumerate(rows_end) if end <= x), len(rows_end))
        if row >= LABEL_ROWS:
            row = -1
        elif row == len(rows_end):
            rows_end.append(0.0)
        if row >= 0:
            rows_end[row] = x + label_width(m.label)
        out.append(_Placed(m, lane, row))
    return out


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def render_paragraph(
    text: str, start: int, end: int, found: list[Mark], label_class: dict[str, str]
) -> str:
    """One paragraph: plain text, and marked stretches cut into pieces with their
    underlines, labels and tooltips."""
    inside = [m for m in found if m.start < end and m.end > start]
    placed = place(
        text,
        start,
        [
            Mark(max(m.start, start), min(m.end, end), m.label, m.group, m.element_id, m.tip)
            for m in inside
        ],
    )
    lanes = 1 + max((p.lane for p in placed), default=-1)
    rows = 1 + max((p.row for p in placed), default=-1)
    cuts = sorted({start, end, *(p.mark.start for p in placed), *(p.mark.end for p in placed)})
    out = []
    for a, b in pairwise(cuts):
        over = [p for p in placed if p.mark.start < b and p.mark.end > a]
        if not over:
            out.append(_e(text[a:b]))
            continue
        tip = _e("\n\n".join(p.mark.tip for p in over))
        for piece in range(a, b, PIECE):
            bars = "".join(
                f'<span class="wr-bar {label_class[p.mark.label]}" style="--lane:{p.lane}"></span>'
                for p in over
            )
            chips = "".join(
                f'<span class="wr-chip {label_class[p.mark.label]}" style="--row:{p.row}" '
                f'title="{_e(p.mark.tip)}"><span>{_e(p.mark.label)}</span></span>'
                for p in over
                if piece == p.mark.start and p.row >= 0
            )
            body = _e(text[piece : min(piece + PIECE, b)])
            out.append(f'<span class="wr-seg" title="{tip}">{body}{bars}{chips}</span>')
    return f'<div class="wr-spans" style="--lanes:{lanes};--rows:{rows}">{"".join(out)}</div>'


def render_html(report: Report) -> str:
    """The whole page: header with legend, table of contents, one block per paragraph."""
    text, doc = report.text, report.document
    found = marks(report)
    counts = Counter(m.label for m in found)
    groups = {m.label: m.group for m in found}
    labels = sorted(counts, key=lambda label: (_group_order(groups[label]), label))
    label_class = {label: f"wr-l{i}" for i, label in enumerate(labels)}
    paras = paragraphs(text)
    starts = [a for a, _ in paras]
    anchors: dict[int, list[int]] = {}  # paragraph index → sections that start in it
    for i, sec in enumerate(report.sections):
        anchors.setdefault(max(0, bisect_right(starts, sec.start) - 1), []).append(i)
    heads = {s.start for s in report.sections}
    blocks = []
    for i, (start, end) in enumerate(paras):
        cls = "para heading" if start in heads else "para"
        cls += " title" if start == doc.title_start else ""
        ids = "".join(f'<span class="wr-anchor" id="wr-s{k}"></span>' for k in anchors.get(i, []))
        body = render_paragraph(text, start, end, found, label_class)
        blocks.append(f'<div class="{cls}" data-start="{start}">{ids}{body}</div>')
    meta = " · ".join(
        _e(x) for x in (doc.doc_id, doc.period, doc.doc_type, f"{doc.chars} characters") if x
    )
    toggles = "".join(
        f'<input type="checkbox" class="wr-toggle" id="t-{label_class[label]}" checked hidden>'
        for label in labels
    )
    legend = "".join(
        f'<li><label for="t-{label_class[label]}" class="chip" '
        f'style="background:{GROUP_COLOURS[groups[label]]}" title="show or hide">{_e(label)}'
        f"</label> {counts[label]}</li>"
        for label in labels
    )
    return _PAGE.format(
        title=_e(doc.title or doc.doc_id),
        meta=meta,
        toggles=toggles,
        legend=legend,
        style=_style(labels, groups, label_class),
        counts=_e(
            f"sections {len(report.sections)} · measures {len(report.measures)} · "
            f"campaigns {len(report.campaigns)} · claims {len(report.claims)} · "
            f"placeholders {len(report.placeholders)}"
        ),
        toc=table_of_contents(report),
        body="\n".join(blocks),
    )


def table_of_contents(report: Report) -> str:
    """The outline as nested lists of links to the headings (``#wr-s<index>``)."""
    index = {s.section_id: i for i, s in enumerate(report.sections)}
    children: dict[str | None, list[Section]] = {}
    for sec in report.sections:
        parent = sec.parent_id if sec.parent_id in index else None
        children.setdefault(parent, []).append(sec)

    def items(parent: str | None) -> str:
        out = []
        for sec in children.get(parent, []):
            n = len(report.measures_of(sec.section_id))
            more = f' <small class="muted">{n}</small>' if n else ""
            sub = items(sec.section_id)
            out.append(
                f'<li><a href="#wr-s{index[sec.section_id]}" title="{_e(sec.kind)} '
                f'{_e(sec.period)}">{_e(sec.marker)}{_e(sec.title)}</a>{more}{sub}</li>'
            )
        return f"<ul>{''.join(out)}</ul>" if out else ""

    body = items(None) or '<p class="muted">No headings found.</p>'
    return f'<nav class="toc" aria-label="contents"><h2>Contents</h2>{body}</nav>'


def write_html(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write the page to ``path`` atomically (a temporary file beside it, then a rename)."""
    return write_text_atomic(path, render_html(report))


def _group_order(group: str) -> int:
    return list(GROUP_COLOURS).index(group)


def _style(labels: list[str], groups: dict[str, str], label_class: dict[str, str]) -> str:
    """The colour of each label, and the rules that hide a label's marks when its legend
    checkbox is cleared."""
    rules = []
    for label in labels:
        cls = label_class[label]
        rules.append(f".{cls}{{background:{GROUP_COLOURS[groups[label]]}}}")
        rules.append(f"#t-{cls}:not(:checked)~.wr-body .{cls}{{display:none}}")
        rules.append(
            f"#t-{cls}:not(:checked)~header label[for=t-{cls}]"
            "{opacity:.35;text-decoration:line-through}"
        )
    return "\n".join(rules)


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
.chip {{ border-radius: 3px; padding: 1px 5px; font-weight: bold; font-size: 0.8rem;
  cursor: pointer; user-select: none; }}
.muted {{ color: #777; }}
.wr-body {{ display: flex; align-items: flex-start; }}
nav.toc {{ position: sticky; top: 7rem; flex: 0 0 16rem; max-height: calc(100vh - 8rem);
  overflow: auto; padding: 1rem 0.5rem 1rem 1rem; font-size: 0.85rem; }}
nav.toc h2 {{ font-size: 1rem; margin: 0 0 0.4rem; }}
nav.toc ul {{ list-style: none; margin: 0; padding-left: 0.9rem; }}
nav.toc > ul {{ padding-left: 0; }}
nav.toc li {{ margin: 0.15rem 0; }}
nav.toc a {{ color: #1a4f8b; text-decoration: none; }}
main {{ padding: 1rem 2rem 4rem; max-width: 60rem; min-width: 0; flex: 1; }}
.para {{ margin: 0 0 0.4rem; }}
.para.heading {{ font-size: 1.1rem; margin-top: 1rem; }}
.para.title {{ font-size: 1.25rem; font-weight: bold; text-align: center; }}
.wr-anchor {{ scroll-margin-top: 8rem; }}
.wr-spans {{ line-height: 1.7; overflow-wrap: anywhere; }}
.wr-seg {{ display: inline-block; position: relative; vertical-align: top;
  height: calc(1.7em + var(--lanes) * 0.3em + var(--rows) * 0.85em); }}
.wr-bar {{ position: absolute; left: 0; right: 0; height: 0.22em;
  top: calc(1.45em + var(--lane) * 0.3em); }}
.wr-chip {{ position: absolute; left: 0; line-height: 1; border-radius: 3px;
  top: calc(1.55em + var(--lanes) * 0.3em + var(--row) * 0.85em); }}
.wr-chip > span {{ display: block; font-size: {chip_font}em; font-weight: bold; color: #000;
  white-space: nowrap; padding: 0.15em 0.3em; }}
{style}
</style>
</head>
<body>
{toggles}
<header>
<h1>{title}</h1>
<p>{meta}</p>
<p>{counts}</p>
<ul class="legend">{legend}</ul>
</header>
<div class="wr-body">
{toc}
<main>
{body}
</main>
</div>
</body>
</html>
""".replace("{chip_font}", str(_CHIP_FONT))
