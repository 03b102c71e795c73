"""How the records look in a notebook (``_repr_html_``): short, escaped HTML fragments.

- a record (section, measure, claim, placeholder, campaign, document, finding) shows the
  sentence or text it sits in, cut to :data:`CONTEXT` characters either side of its span,
  the span in ``<mark>``, and a table of its fields (long text cut to :data:`FIELD`);
- a report shows its title and counts, its outline as a table (each heading indented by
  level, with the measures, claims, targets, placeholders and campaigns under it) and the
  page view of :mod:`extractor.integrations.html_view` folded in a ``<details>``, inside an
  ``<iframe srcdoc>`` so that the page's styles stay out of the notebook.

Everything taken from a document goes through ``html.escape``.
"""

from __future__ import annotations

import html
from dataclasses import fields, is_dataclass
from typing import Any

from extractor.model import Report

#: Characters of context shown either side of a record's span.
CONTEXT = 60
#: A field's value is cut to this many characters in the table of fields.
FIELD = 80
#: Fields that hold the context itself, not shown in the table.
_LONG = frozenset({"text", "sentence"})
_STYLE = (
    "<style>.wr-rec table{border-collapse:collapse;font-size:.85em}"
    ".wr-rec th,.wr-rec td{border:1px solid #ddd;padding:1px 6px;text-align:left;"
    "vertical-align:top}.wr-rec mark{background:#ffd54f}.wr-rec .muted{color:#777}</style>"
)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def marked(context: str, span: str, at: int | None = None) -> str:
    """``context`` escaped with ``span`` in ``<mark>`` (at offset ``at``, else where it first
    occurs), cut to :data:`CONTEXT` characters either side."""
    if at is None:
        at = context.find(span) if span else -1
    if at < 0:
        head = _e(clip(context, 2 * CONTEXT))
        return f"{head}<br><mark>{_e(clip(span, 2 * CONTEXT))}</mark>" if span else head
    before, after = context[max(0, at - CONTEXT) : at], context[at + len(span) :][:CONTEXT]
    return (
        f"{'…' if at > CONTEXT else ''}{_e(before)}<mark>{_e(span)}</mark>{_e(after)}"
        f"{'…' if at + len(span) + CONTEXT < len(context) else ''}"
    )


def _context(record: Any) -> str:
    """The text the record sits in, its span marked."""
    kind = type(record).__name__
    if kind == "Section":
        return marked(record.text, record.text[: record.title_end - record.start], 0)
    if kind == "Measure":
        return marked(record.text, record.text[: record.headline_end - record.start], 0)
    if kind == "Document":
        return _e(clip(record.title, 2 * CONTEXT))
    sentence = getattr(record, "sentence", "") or ""
    text = getattr(record, "text", "") or ""
    return marked(sentence, text) if sentence else marked(text, text, 0)


def record_html(record: Any) -> str:
    """One record as HTML: a head line (kind, id, offsets), its context, its fields."""
    kind = type(record).__name__
    ident = next(
        (
            getattr(record, f"{n}_id")
            for n in ("claim", "measure", "section", "placeholder", "campaign", "doc")
            if hasattr(record, f"{n}_id")
        ),
        "",
    )
    where = f"[{record.start}:{record.end}]" if hasattr(record, "start") else ""
    rows = "".join(
        f"<tr><th>{_e(f.name)}</th><td>{_e(clip(getattr(record, f.name), FIELD))}</td></tr>"
        for f in (fields(record) if is_dataclass(record) else ())
        if f.name not in _LONG
    )
    return (
        f'{_STYLE}<div class="wr-rec"><p><b>{_e(kind)}</b> {_e(ident)} '
        f'<span class="muted">{_e(where)}</span></p><p>{_context(record)}</p>'
        f"<details><summary>fields</summary><table>{rows}</table></details></div>"
    )


def outline_rows(report: Report) -> list[dict[str, Any]]:
    """One row per heading: its place in the outline and what lies under it (subsections
    included), in document order."""
    rows = []
    for sec in report.sections:

        def inside(element: Any, sec: Any = sec) -> bool:
            return bool(sec.start <= element.start < sec.end)

        rows.append(
            {
                "section_id": sec.section_id,
                "level": sec.level,
                "heading": sec.marker + sec.title,
                "kind": sec.kind,
                "period": sec.period,
                "measures": sum(map(inside, report.measures)),
                "claims": sum(1 for c in report.claims if inside(c) and not c.is_target),
                "targets": sum(1 for c in report.claims if inside(c) and c.is_target),
                "placeholders": sum(map(inside, report.placeholders)),
                "campaigns": sum(map(inside, report.campaigns)),
            }
        )
    return rows


def report_html(report: Report, *, page: bool = True) -> str:
    """A report as HTML: title, counts, the outline with counts, the page view folded."""
    doc = report.document
    head = " · ".join(
        _e(x) for x in (doc.doc_id, doc.period, doc.doc_type, f"{doc.chars} chars") if x
    )
    targets = sum(c.is_target for c in report.claims)
    counts = (
        f"{len(report.sections)} sections · {len(report.measures)} measures · "
        f"{len(report.claims)} claims ({targets} targets) · {len(report.placeholders)} "
        f"placeholders · {len(report.campaigns)} campaigns"
    )
    cols = ("kind", "period", "measures", "claims", "targets", "placeholders", "campaigns")
    body = "".join(
        f'<tr><td style="padding-left:{0.3 + 1.2 * (r["level"] - 1):.1f}em">'
        f"{_e(clip(r['heading'], 40))}</td>"
        + "".join(f"<td>{_e(r[c])}</td>" for c in cols)
        + "</tr>"
        for r in outline_rows(report)
    )
    table = (
        f"<table><thead><tr><th>heading</th>{''.join(f'<th>{c}</th>' for c in cols)}</tr>"
        f"</thead><tbody>{body}</tbody></table>"
        if body
        else '<p class="muted">No headings found.</p>'
    )
    return (
        f'{_STYLE}<div class="wr-rec"><p><b>{_e(doc.title or doc.doc_id)}</b></p>'
        f'<p class="muted">{head}</p><p>{_e(counts)}</p>{table}'
        f"{page_html(report) if page else ''}</div>"
    )


def page_html(report: Report, *, open_: bool = False, height: int = 600) -> str:
    """The page view (``show --html``) in an ``<iframe srcdoc>``, folded unless ``open_``."""
    from extractor.integrations.html_view import render_html

    frame = (
        f'<iframe srcdoc="{_e(render_html(report))}" title="page view" '
        f'style="width:100%;height:{height}px;border:1px solid #ddd"></iframe>'
    )
    state = " open" if open_ else ""
    return f"<details{state}><summary>page view</summary>{frame}</details>"


def shorten(frame: Any, width: int = 30) -> Any:
    """A copy of a DataFrame whose text cells are cut to ``width`` characters (an ellipsis
    ends a cut one): what a notebook shows of real reports, whose sentences must not be
    saved with it."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object or str(values.dtype) in ("string", "str"):
            out[column] = values.map(lambda v: clip(v, width) if isinstance(v, str) else v)
    return out


class PageView:
    """The page view of a report, shown open in a notebook: ``PageView(report)``."""

    def __init__(self, report: Report, *, height: int = 600) -> None:
        self.report, self.height = report, height

    def _repr_html_(self) -> str:
        return page_html(self.report, open_=True, height=self.height)

    def __repr__(self) -> str:
        return f"<PageView of {self.report.document.doc_id!r}>"
