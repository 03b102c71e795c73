"""The audit as one self-contained HTML page per batch, for reviewers.

The page has a summary table (documents × rules; on a narrow screen each document's row
stacks into labelled cells, and rule names wrap at their underscores, so nine rules fit a
phone or a laptop), a filter by rule and severity, then each document under its path: its
findings in reading order, each with line and column (a link to its place in the text), the
heading path and measure marker, and then the lines of the text that hold findings, each
finding highlighted with its message beside the line (``LINE_MAX`` characters of a line at
most: a longer line shows ``CONTEXT`` characters either side of its findings).  Labels are
Chinese or English (``lang``).  Without scripts every finding is shown.

Everything taken from a document (paths, titles, text, messages) goes through
``html.escape``, and a Content-Security-Policy allows only the page's own script (by its
hash) and inline styles, so nothing in a report can run or load anything.  No network.
:meth:`AuditPage.add` renders each document's fragment at once (see Memory);
:meth:`AuditPage.write` writes a temporary file beside the target and renames it into place.

Memory: each document's part of the page is written to a temporary spool file as it is
added; only the counts per document and rule stay in memory (a batch of 18,000 similar
reports has millions of ``repeated_text`` findings, and kept as page rows they passed
16 GB).  ``write`` copies the spool into the page after the summary.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from extractor.audit.checks import RULES, SEVERITY_RANK, line_starts
from extractor.io.atomic import atomic_path
from extractor.model import Finding, Report
from extractor.rules import RuleSet, default_rules

CONTEXT = 60
LINE_MAX = 400


def labels(lang: str, rules: RuleSet | None = None) -> dict[str, str]:
    """The page's words in ``lang`` (``[labels.<lang>]`` in ``patterns/messages.toml``);
    a language the file does not hold gets Chinese."""
    table = (rules or default_rules()).map("labels")
    return {str(k): str(v) for k, v in table.get(lang, table.get("zh", {})).items()}


_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:1.5em;
color:#1a1a1a;background:#fff;line-height:1.5;overflow-wrap:anywhere}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #ccc}
h3{font-size:1em;margin:1.2em 0 .4em}
table.summary{border-collapse:collapse;margin:.5em 0;max-width:100%}
.summary th,.summary td{border:1px solid #ccc;padding:.25em .4em;vertical-align:top;
text-align:left}.summary th{background:#f0f0f0;font-weight:normal;font-size:.85em}
.summary td.n{text-align:right}.summary td.zero{color:#bbb}.summary .sev-error{color:#b00020}
mark{background:#ffd54f;padding:0 .1em}mark.warning{background:#ffe9b0}
.doc-error{color:#b00020}.muted{color:#777}
#filter{background:#f7f7f7;border:1px solid #ddd;padding:.5em 1em;margin:1em 0}
#filter label{margin-right:1em;white-space:nowrap;display:inline-block}
ol.findings{padding-left:1.5em}li.finding{margin:.3em 0}
.sev{font-weight:bold}li.error .sev,.notes li.error .sev{color:#b00020}
li.warning .sev{color:#a15c00}code{background:#f3f3f3;padding:0 .2em}
.where{color:#555;font-size:.9em}.loc{font-family:monospace;margin-right:.4em}
.line{display:flex;gap:1em;border-top:1px solid #eee;padding:.4em 0}
.line .ln{color:#777;font-family:monospace;min-width:3em;text-align:right}
.line .txt{flex:3;margin:0}.line .notes{flex:2;margin:0;padding-left:1em;font-size:.9em}
:target{outline:2px solid #1565c0}
@media (max-width:700px){
body{margin:.8em}.line{flex-wrap:wrap}.line .txt,.line .notes{flex-basis:100%}
.summary thead{display:none}.summary,.summary tbody,.summary tfoot,.summary tr{display:block}
.summary tr{border:1px solid #ccc;margin:.4em 0;padding:.2em}
.summary td,.summary tfoot th{display:inline-block;border:0;padding:.1em .4em}
.summary td.zero{display:none}.summary td[data-label]::before{content:attr(data-label) ": ";
color:#555}.summary td.name{display:block;font-weight:bold}}
"""

_SCRIPT = """
(function(){
  var form = document.getElementById('filter');
  form.hidden = false;
  function apply(){
    var on = {};
    form.querySelectorAll('input[type=checkbox]').forEach(function(box){on[box.value]=box.checked;});
    var shown = 0;
    document.querySelectorAll('li.finding, .notes li').forEach(function(item){
      var visible = on['rule:'+item.dataset.rule] && on['severity:'+item.dataset.severity];
      item.style.display = visible ? '' : 'none';
      if (visible && item.classList.contains('finding')) shown++;
    });
    var counter = document.getElementById('shown');
    counter.textContent = counter.dataset.label + shown;
  }
  form.addEventListener('change', apply);
  apply();
})();
"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src 'none'; form-action 'none'"
    )


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _rule_name(rule: str) -> str:
    """A rule id that may wrap after its underscores."""
    return _e(rule).replace("_", "_<wbr>")


@dataclass(slots=True)
class _Doc:
    anchor: str
    label: str  # the path, or the id
    status: str
    counts: Counter[str] = field(default_factory=Counter)


class AuditPage:
    """Collect documents and findings as a batch runs; render or write one page at the end."""

    def __init__(self, title: str | None = None, *, lang: str = "zh") -> None:
        self.lang = lang if lang in default_rules().map("labels") else "zh"
        self.words = labels(self.lang)
        self.title = title if title is not None else self.words["title"]
        self._docs: list[_Doc] = []
        # each document's part of the page, rendered when it is added
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())

    def add(self, report: Report, findings: Iterable[Finding]) -> None:
        """One document and its findings, rendered (escaped) now and spooled to disk."""
        doc = report.document
        found = sorted(findings, key=lambda f: (f.start, f.end))
        entry = _Doc(f"d{len(self._docs) + 1}", doc.path or doc.doc_id, doc.status)
        entry.counts.update(f.rule for f in found)
        self._spool.write(_document(entry, report, found, self.words) + "\n")
        self._docs.append(entry)

    def render(self) -> str:
        """The whole page as a string."""
        self._spool.seek(0)
        page = self._head() + self._spool.read() + self._tail()
        self._spool.seek(0, os.SEEK_END)
        return page

    def _head(self) -> str:
        rules = [r for r in RULES if any(d.counts[r] for d in self._docs)] or list(RULES)
        total = sum(sum(d.counts.values()) for d in self._docs)
        w = self.words
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{self.lang}"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(self.title)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{_e(self.title)}</h1>",
            f"<p>{len(self._docs)} {w['documents']} · {total} {w['findings']} · "
            f'<span id="shown" data-label="{_e(w["shown"])}"></span></p>',
            _filter_form(rules, w),
            _summary(self._docs, rules, w),
        ]
        return "\n".join(parts) + "\n"

    @staticmethod
    def _tail() -> str:
        return f"<script>{_SCRIPT}</script></body></html>"

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the page atomically (a temporary file beside it, then a rename), the
        documents' parts copied from the spool a block at a time."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as temp, temp.open("w", encoding="utf-8") as out:
            out.write(self._head())
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, out)
            self._spool.seek(0, os.SEEK_END)
            out.write(self._tail())
        return target

    def close(self) -> None:
        """Remove the spool (also done when the page is garbage-collected)."""
        self._spool.close()


def _filter_form(rules: Sequence[str], w: dict[str, str]) -> str:
    boxes = [
        f'<label><input type="checkbox" value="rule:{_e(r)}" checked> {_e(r)}</label>'
        for r in rules
    ]
    severities = sorted(set(RULES.values()), key=lambda s: -SEVERITY_RANK[s])
    sev = [
        f'<label><input type="checkbox" value="severity:{_e(s)}" checked> {_e(w[s])}</label>'
        for s in severities
    ]
    return (
        f'<form id="filter" hidden><strong>{w["rules"]}</strong> '
        + " ".join(boxes)
        + f"<br><strong>{w['severity']}</strong> "
        + " ".join(sev)
        + "</form>"
    )


def _summary(docs: Sequence[_Doc], rules: Sequence[str], w: dict[str, str]) -> str:
    head = "".join(
        f'<th>{_rule_name(r)}<br><small class="sev-{RULES[r]}">{w[RULES[r]]}</small></th>'
        for r in rules
    )
    rows = []
    for doc in docs:
        cells = "".join(
            f'<td class="n{"" if doc.counts[r] else " zero"}" data-label="{_e(r)}">'
            f"{doc.counts[r]}</td>"
            for r in rules
        )
        status = "" if doc.status == "ok" else f' <span class="doc-error">{_e(doc.status)}</span>'
        rows.append(
            f'<tr><td class="name"><a href="#{doc.anchor}">{_e(doc.label)}</a>{status}</td>'
            f'{cells}<td class="n" data-label="{w["total"]}">{sum(doc.counts.values())}</td></tr>'
        )
    totals = "".join(
        f'<td class="n" data-label="{_e(r)}">{sum(d.counts[r] for d in docs)}</td>' for r in rules
    )
    everything = sum(sum(d.counts.values()) for d in docs)
    return (
        f'<h2>{w["summary"]}</h2><table class="summary"><thead><tr><th>{w["document"]}</th>'
        f"{head}<th>{w['total']}</th></tr></thead><tbody>{''.join(rows)}</tbody><tfoot><tr>"
        f'<th>{w["all"]}</th>{totals}<td class="n" data-label="{w["total"]}">{everything}</td>'
        "</tr></tfoot></table>"
    )


def _document(doc: _Doc, report: Report, found: Sequence[Finding], w: dict[str, str]) -> str:
    d = report.document
    title = f'<p class="muted">{_e(d.title)} · {_e(d.doc_id)}</p>' if d.title else ""
    head = f'<section class="doc" id="{doc.anchor}"><h2>{_e(doc.label)}</h2>{title}'
    if d.status != "ok":
        return f'{head}<p class="doc-error">{_e(d.error)}</p></section>'
    if not found:
        return f'{head}<p class="muted">{w["none"]}</p></section>'
    items = "".join(_finding_item(doc.anchor, n, f, w) for n, f in enumerate(found, 1))
    lines = _lines(doc.anchor, report.text, found, w)
    return (
        f'{head}<ol class="findings">{items}</ol><h3>{w["lines"]}</h3>'
        f'<div class="lines">{lines}</div></section>'
    )


def _finding_item(anchor: str, n: int, f: Finding, w: dict[str, str]) -> str:
    where = " › ".join(x for x in (f.heading, f.marker) if x)
    place = f'<div class="where">{_e(where)}</div>' if where else ""
    return (
        f'<li class="finding {_e(f.severity)}" id="{anchor}-f{n}" data-rule="{_e(f.rule)}" '
        f'data-severity="{_e(f.severity)}"><a class="loc" href="#{anchor}-t{n}">'
        f'{f.line}:{f.column}</a><span class="sev">{w.get(f.severity, _e(f.severity))}</span> '
        f'<code class="rule">{_e(f.rule)}</code> <span class="msg">{_e(f.message)}</span>'
        f"{place}</li>"
    )


def _lines(anchor: str, text: str, found: Sequence[Finding], w: dict[str, str]) -> str:
    """The lines that hold findings, each finding marked, its message beside the line."""
    starts = line_starts(text)
    by_line: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in enumerate(found, 1):
        by_line.setdefault(f.line, []).append((n, f))
    out = []
    for line, items in by_line.items():
        lo = starts[line - 1]
        hi = starts[line] - 1 if line < len(starts) else len(text)
        body = _marked(anchor, text, lo, hi, items)
        notes = "".join(
            f'<li class="{_e(f.severity)}" data-rule="{_e(f.rule)}" data-severity='
            f'"{_e(f.severity)}"><a href="#{anchor}-f{n}"><code>{_e(f.rule)}</code></a> '
            f"{_e(f.message)}</li>"
            for n, f in items
        )
        out.append(
            f'<div class="line" id="{anchor}-L{line}"><span class="ln" title="{w["line"]}">'
            f'{line}</span><p class="txt">{body}</p><ul class="notes">{notes}</ul></div>'
        )
    return "".join(out)


def _marked(anchor: str, text: str, lo: int, hi: int, items: list[tuple[int, Finding]]) -> str:
    """One line's text (``lo``–``hi``) with its findings in ``<mark>``, an anchor at each
    finding's start, and only ``CONTEXT`` characters around them when the line is long."""
    windows = [(lo, hi)]
    if hi - lo > LINE_MAX:
        windows = []
        for _, f in items:
            a, b = max(lo, f.start - CONTEXT), min(hi, f.end + CONTEXT)
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], b))
            else:
                windows.append((a, b))
    cuts = {p for _, f in items for p in (f.start, f.end) if lo <= p <= hi}
    parts = []
    for a, b in windows:
        parts.append("…" if a > lo else "")
        bounds = sorted({a, b, *(p for p in cuts if a < p < b)})
        for s, e in pairwise(bounds):
            parts.extend(f'<a id="{anchor}-t{n}"></a>' for n, f in items if f.start == s)
            covering = [f for _, f in items if f.start <= s and e <= f.end and f.start < f.end]
            piece = _e(text[s:e])
            if covering:
                worst = max(covering, key=lambda f: SEVERITY_RANK[f.severity]).severity
                piece = f'<mark class="{_e(worst)}">{piece}</mark>'
            parts.append(piece)
        parts.append("…" if b < hi else "")
    parts.extend(f'<a id="{anchor}-t{n}"></a>' for n, f in items if f.start >= hi)
    return "".join(parts)
