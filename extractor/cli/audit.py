"""``workreport audit``: findings for reviewers, on the console, as tables, a page, comments.

Prints the findings in reading order (``--format text``: ``path:line:col: severity rule
message``; ``json``: a summary; ``sarif``: a SARIF 2.1.0 log) on standard output, and the
summary table and the files written on standard error.  Optionally writes the same tables as
``extract`` (``--out``; findings here with the batch-level ``repeated_text`` rule and the
``--rules`` / ``--skip`` selection applied), one HTML page (``--html``) and, for .docx
inputs, annotated copies (``--annotate-docx``).  ``--baseline FILE`` reads the accepted
findings (or, when FILE does not exist, accepts every finding of this run and writes it):
only new findings are reported and count for ``--fail-on``; the tables hold every finding.
Exits 0, or 1 when ``--fail-on`` is met (a document that could not be read also meets it:
it could not be checked), or 2 on a usage error.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

import extractor.audit.checks as auditing
from extractor.batch.parallel import default_jobs
from extractor.batch.run import run_batch
from extractor.cli.common import NO_INPUTS, FollowLinks, Format, Jobs, MaxChars, Paths, err_console
from extractor.cli.common import fail as _fail
from extractor.errors import InputError
from extractor.export.audit_output import JsonSummary, SarifLog, text_line
from extractor.export.audit_page import AuditPage
from extractor.export.baseline import Baseline
from extractor.io.reading import DEFAULT_MAX_CHARS, iter_inputs
from extractor.model import Finding, Report


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


class Output(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def _rule_ids(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def selected_rules(rules: list[str] | None, skip: list[str] | None) -> list[str]:
    """The rule ids to run, in RULES order; ValueError names an unknown id."""
    chosen = auditing.check_rule_ids(_rule_ids(rules)) or list(auditing.RULES)
    dropped = set(auditing.check_rule_ids(_rule_ids(skip)))
    return [r for r in auditing.RULES if r in chosen and r not in dropped]


def audit(
    paths: Paths,
    fmt: Annotated[
        Output,
        typer.Option("--format", "-f", help="What to print: linter lines, JSON summary, SARIF."),
    ] = Output.text,
    lang: Annotated[Lang, typer.Option("--lang", help="The messages' language.")] = Lang.zh,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the tables to this folder.")
    ] = None,
    table_format: Annotated[
        Format, typer.Option("--table-format", help="The tables' format (with --out).")
    ] = Format.parquet,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write one HTML page for reviewers.")
    ] = None,
    annotate_docx: Annotated[
        Path | None,
        typer.Option("--annotate-docx", help="Copies of .docx inputs with comments, in here."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Accepted findings: read this file, or write it."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 on any new finding of this severity or worse."),
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", help="Only these rules (comma-separated or repeated)."),
    ] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="Leave out these rules.")] = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    jobs: Jobs = 0,
    follow_links: FollowLinks = False,
) -> None:
    """Audit every report under PATH...: placeholders, masked figures, inconsistencies."""
    try:
        chosen = selected_rules(rules, skip)
        inputs = iter_inputs(paths, follow_links=follow_links)
        accepted = Baseline.read(baseline) if baseline is not None and baseline.exists() else None
    except (ValueError, InputError) as exc:  # BaselineError is a ValueError
        raise _fail(str(exc), 2) from exc
    if not inputs:
        raise _fail(NO_INPUTS, 2)
    run = _Run(chosen, fmt, lang.value, accepted, writing=baseline is not None and accepted is None)
    run.page = AuditPage(lang=lang.value) if html is not None else None
    run.annotate_dir = annotate_docx
    started = time.perf_counter()
    try:
        with ExitStack() as stack:
            writer = None
            if out is not None:
                from extractor.export.tables import TableWriter

                writer = stack.enter_context(TableWriter(out, table_format.value))
            for report in run_batch(
                inputs, max_chars=max_chars, jobs=jobs or default_jobs(),
                follow_links=follow_links,
            ):  # fmt: skip
                findings = run.check(report)
                if writer is not None:
                    writer.add(report, findings=findings)
        written = [*(writer.paths if writer is not None else []), *run.finish(html, baseline)]
    except OSError as exc:
        raise _fail(f"cannot write the audit: {exc}", 2) from exc
    run.summary(len(inputs), time.perf_counter() - started)
    if written:
        err_console.print("wrote " + ", ".join(str(p) for p in written))
    if fail_on is not None and (run.failed or _met(run.counts, fail_on)):
        raise typer.Exit(1)


class _Run:
    """One audit run: the rules, the outputs it feeds, and what it counted."""

    def __init__(
        self, rules: list[str], fmt: Output, lang: str, accepted: Baseline | None, *, writing: bool
    ) -> None:
        self.per_doc = [r for r in rules if r in auditing.DOCUMENT_RULES]
        self.repeated = auditing.RepeatedText(lang=lang) if "repeated_text" in rules else None
        self.fmt, self.lang, self.accepted = fmt, lang, accepted
        self.writing = Baseline() if writing else None
        self.json = JsonSummary(rules, lang=lang) if fmt is Output.json else None
        self.sarif = SarifLog(rules, baseline=accepted is not None) if fmt is Output.sarif else None
        self.page: AuditPage | None = None
        self.annotate_dir: Path | None = None
        self.annotated: list[Path] = []
        self.counts, self.failed, self.n_accepted = Counter[str](), list[str](), 0

    def check(self, report: Report) -> list[Finding]:
        """Every finding of one report (for the tables); the new ones go to the outputs."""
        doc = report.document
        findings = auditing.audit(report, select=self.per_doc, lang=self.lang)
        if self.repeated is not None:
            findings = auditing.in_reading_order(findings + self.repeated.add(report))
        shown = findings
        if self.accepted is not None:
            shown = self.accepted.new(doc, report.text, findings)
        elif self.writing is not None:
            self.writing.accept(doc, report.text, findings)
            shown = []
        self.n_accepted += len(findings) - len(shown)
        self._show(report, shown, len(findings) - len(shown))
        if doc.status == "error":  # a duplicate was checked once
            self.failed.append(f"{doc.path or doc.doc_id}: {doc.error}")
        return findings

    def _show(self, report: Report, shown: list[Finding], accepted: int) -> None:
        self.counts.update(f.rule for f in shown)
        if self.fmt is Output.text:
            for f in shown:
                typer.echo(text_line(f))
        elif self.json is not None:
            self.json.add(report.document, shown, accepted)
        elif self.sarif is not None:
            self.sarif.add(report.document, shown)
        if self.page is not None:
            self.page.add(report, shown)
        if self.annotate_dir is not None and _is_docx(report):
            self._annotate(report, shown, self.annotate_dir)

    def _annotate(self, report: Report, findings: list[Finding], folder: Path) -> None:
        """A copy of a .docx input with the findings as comments (the input only read)."""
        from extractor.export.docx_comments import annotate_docx

        source = Path(report.document.path)
        target = folder / f"{report.document.doc_id}.docx"
        if target.resolve() == source.resolve():
            raise _fail(f"--annotate-docx would overwrite the input {source}", 2)
        try:
            annotate_docx(source, report.text, findings, target, lang=self.lang)
        except (InputError, ValueError, KeyError) as exc:
            err_console.print(Text.assemble(("not annotated ", "red"), f"{source}: {exc}"))
            return
        self.annotated.append(target)

    def finish(self, html: Path | None, baseline: Path | None) -> list[Path]:
        """Print the JSON or SARIF output; write the page and a new baseline."""
        data: Any = self.json or self.sarif
        if data is not None:
            typer.echo(data.render())
        written = list(self.annotated)
        if self.page is not None and html is not None:
            written.append(self.page.write(html))
        if self.writing is not None and baseline is not None:
            written.append(self.writing.write(baseline))
        return written

    def summary(self, documents: int, seconds: float) -> None:
        for line in self.failed[:20]:
            err_console.print(Text.assemble(("failed ", "red"), line))
        table = Table("rule", "severity", "findings", title="Audit")
        for rule, severity in auditing.RULES.items():
            if self.counts[rule]:
                table.add_row(rule, severity, str(self.counts[rule]))
        if self.counts:
            err_console.print(table)
        accepted = f" · accepted by the baseline {self.n_accepted}" if self.n_accepted else ""
        err_console.print(
            f"documents: {documents - len(self.failed)} audited, {len(self.failed)} failed · "
            f"findings {sum(self.counts.values())}{accepted} · {seconds:.1f} s"
        )


def _is_docx(report: Report) -> bool:
    return report.document.status == "ok" and report.document.path.lower().endswith(".docx")


def _met(counts: Counter[str], fail_on: FailOn) -> bool:
    floor = auditing.SEVERITY_RANK[fail_on.value]
    return any(n and auditing.SEVERITY_RANK[auditing.RULES[r]] >= floor for r, n in counts.items())
