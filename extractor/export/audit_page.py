"""The audit as one self-contained HTML page per batch, for reviewers.

The page has a summary table (documents × rules), then each document's findings with the
text around each span (``CONTEXT`` characters either side) and the span in ``<mark>``.
A small inline script adds a filter by rule and severity; without scripts every finding is
shown.  Everything taken from a document (ids, titles, text, messages) goes through
``html.escape``, and a Content-Security-Policy allows only the page's own script (by its
hash) and inline styles, so nothing in a report can run or load anything.  No network: no
fonts, images or scripts from elsewhere.  :meth:`AuditPage.write` writes a temporary file
beside the target and renames it into place.

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
from pathlib import Path

from extractor.audit.checks import RULES, SEVERITY_RANK, Finding
from extractor.io.atomic import atomic_path
from extractor.model import Report

CONTEXT = 60

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:1.5em;
color:#1a1a1a;background:#fff;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;
vertical-align:top;text-align:left}th{background:#f0f0f0}td.n{text-align:right}
td.zero{color:#bbb}tr.error td.sev{color:#b00020;font-weight:bold}tr.warning td.sev{color:#a15c00}
td.ctx{max-width:60em}mark{background:#ffd54f;padding:0 .1em}.doc-error{color:#b00020}
#filter{background:#f7f7f7;border:1px solid #ddd;padding:.5em 1em;margin:1em 0}
#filter label{margin-right:1em;white-space:nowrap}.muted{color:#777}
"""

_SCRIPT = """
(function(){
  var form = document.getElementById('filter');
  form.hidden = false;
  function apply(){
    var on = {};
    form.querySelectorAll('input[type=checkbox]').forEach(function(box){on[box.value]=box.checked;});
    var shown = 0;
    document.querySelectorAll('tr.finding').forEach(function(row){
      var visible = on['rule:'+row.dataset.rule] && on['severity:'+row.dataset.severity];
      row.style.display = visible ? '' : 'none';
      if (visible) shown++;
    });
    document.getElementById('shown').textContent = shown + ' shown';
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


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ↵ ")


@dataclass(slots=True)
class _Doc:
    anchor: str
    doc_id: str
    title: str
    status: str
    error: str
    counts: Counter[str] = field(default_factory=Counter)


class AuditPage:
    """Collect documents and findings as a batch runs; render or write one page at the end."""

    def __init__(self, title: str = "workreport audit") -> None:
        self.title = title
        self._docs: list[_Doc] = []
        # each document's section of the page, rendered when it is added
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())

    def add(self, report: Report, findings: Iterable[Finding]) -> None:
        """One document and its findings, rendered (escaped) now and spooled to disk."""
        doc = report.document
        entry = _Doc(f"doc-{len(self._docs) + 1}", doc.doc_id, doc.title, doc.status, doc.error)
        rows = []
        for f in findings:
            entry.counts[f.rule] += 1
            rows.append(_finding_row(report.text, f))
        self._spool.write(_document(entry, rows) + "\n")
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
        parts = [
            "<!DOCTYPE html>",
            '<html lang="zh"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(self.title)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{_e(self.title)}</h1>",
            f'<p>{len(self._docs)} documents · {total} findings · <span id="shown"></span></p>',
            _filter_form(rules),
            _summary(self._docs, rules),
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


def _finding_row(text: str, f: Finding) -> str:
    before = _flat(text[max(0, f.start - CONTEXT) : f.start])
    after = _flat(text[f.end : f.end + CONTEXT])
    span = _flat(text[f.start : f.end]) or "∅"
    where = " · ".join(x for x in (f.section_id, f.measure_id) if x)
    related = ""
    if f.related_doc_id is not None:
        other = f"{_e(f.related_doc_id)} {f.related_start}–{f.related_end}"
        related = f'<br><span class="muted">= {other}</span>'
    return (
        f'<tr class="finding {_e(f.severity)}" data-rule="{_e(f.rule)}" '
        f'data-severity="{_e(f.severity)}"><td>{_e(f.rule)}</td><td class="sev">{_e(f.severity)}'
        f"</td><td>{_e(f.message)}{related}</td><td>{_e(where)}<br>"
        f'<span class="muted">{f.start}–{f.end}</span></td><td class="ctx">'
        f"{'…' if f.start > CONTEXT else ''}{_e(before)}<mark>{_e(span)}</mark>{_e(after)}"
        f"{'…' if f.end + CONTEXT < len(text) else ''}</td></tr>"
    )


def _filter_form(rules: Sequence[str]) -> str:
    boxes = [
        f'<label><input type="checkbox" value="rule:{_e(r)}" checked> {_e(r)}</label>'
        for r in rules
    ]
    severities = sorted(set(RULES.values()), key=lambda s: -SEVERITY_RANK[s])
    sev = [
        f'<label><input type="checkbox" value="severity:{_e(s)}" checked> {_e(s)}</label>'
        for s in severities
    ]
    return (
        '<form id="filter" hidden><strong>Rules</strong> '
        + " ".join(boxes)
        + "<br><strong>Severity</strong> "
        + " ".join(sev)
        + "</form>"
    )


def _summary(docs: Sequence[_Doc], rules: Sequence[str]) -> str:
    head = "".join(f"<th>{_e(r)}<br><small>{_e(RULES[r])}</small></th>" for r in rules)
    rows = []
    for doc in docs:
        cells = "".join(
            f'<td class="n{"" if doc.counts[r] else " zero"}">{doc.counts[r]}</td>' for r in rules
        )
        status = "" if doc.status == "ok" else f' <span class="doc-error">{_e(doc.status)}</span>'
        rows.append(
            f'<tr><td><a href="#{doc.anchor}">{_e(doc.doc_id)}</a>{status}</td>{cells}'
            f'<td class="n">{sum(doc.counts.values())}</td></tr>'
        )
    totals = "".join(f'<td class="n">{sum(d.counts[r] for d in docs)}</td>' for r in rules)
    return (
        f'<h2>Summary</h2><table class="summary"><thead><tr><th>document</th>{head}'
        f"<th>total</th></tr></thead><tbody>{''.join(rows)}</tbody><tfoot><tr><th>all</th>"
        f'{totals}<td class="n">{sum(sum(d.counts.values()) for d in docs)}</td></tr></tfoot>'
        "</table>"
    )


def _document(doc: _Doc, rows: Sequence[str]) -> str:
    title = f" — {_e(doc.title)}" if doc.title else ""
    head = f'<section class="doc" id="{doc.anchor}"><h2>{_e(doc.doc_id)}{title}</h2>'
    if doc.status != "ok":
        return f'{head}<p class="doc-error">{_e(doc.error)}</p></section>'
    if not rows:
        return f'{head}<p class="muted">No findings.</p></section>'
    return (
        f"{head}<table><thead><tr><th>rule</th><th>severity</th><th>message</th>"
        f"<th>where</th><th>context</th></tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table></section>"
    )
