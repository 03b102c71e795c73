"""``workreport audit``: findings for reviewers, as tables, an HTML page and an exit code.

Writes the same tables as ``extract`` (findings included, here with the batch-level
``repeated_text`` rule and the ``--rules`` / ``--skip`` selection applied), optionally one
HTML page, and exits 0, or 1 when ``--fail-on`` is met (a document that could not be read
also meets it: it could not be checked), or 2 on a usage error.
"""

from __future__ import annotations

import time
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

import extractor.audit.checks as auditing
from extractor.batch.parallel import default_jobs
from extractor.batch.run import run_batch
from extractor.cli.common import NO_INPUTS, FollowLinks, Format, Jobs, MaxChars, Paths, console
from extractor.cli.common import fail as _fail
from extractor.errors import InputError
from extractor.export.audit_page import AuditPage
from extractor.io.reading import DEFAULT_MAX_CHARS, iter_inputs


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def _rule_ids(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def selected_rules(rules: list[str] | None, skip: list[str] | None) -> list[str]:
    """The rule ids to run, in RULES order; ValueError names an unknown id."""
    chosen = auditing.check_rule_ids(_rule_ids(rules)) or list(auditing.RULES)
    dropped = set(auditing.check_rule_ids(_rule_ids(skip)))
    return [r for r in auditing.RULES if r in chosen and r not in dropped]


def audit(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the table files.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Table format.")] = Format.parquet,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write one HTML page for reviewers.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 on any finding of this severity or worse."),
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
    from extractor.export.tables import TableWriter

    try:
        chosen = selected_rules(rules, skip)
        inputs = iter_inputs(paths, follow_links=follow_links)
    except (ValueError, InputError) as exc:
        raise _fail(str(exc), 2) from exc
    if not inputs:
        raise _fail(NO_INPUTS, 2)
    per_doc = [r for r in chosen if r in auditing.DOCUMENT_RULES]
    repeated = auditing.RepeatedText() if "repeated_text" in chosen else None
    page = AuditPage() if html is not None else None
    counts, failed, started = Counter[str](), list[str](), time.perf_counter()
    try:
        with TableWriter(out, fmt.value) as writer:
            for report in run_batch(
                inputs, max_chars=max_chars, jobs=jobs or default_jobs(),
                follow_links=follow_links,
            ):  # fmt: skip
                findings = auditing.audit(report, select=per_doc)
                if repeated is not None:
                    findings += repeated.add(report)
                writer.add(report, findings=findings)
                if page is not None:
                    page.add(report, findings)
                counts.update(f.rule for f in findings)
                if report.document.status == "error":  # a duplicate was checked once
                    failed.append(f"{report.document.doc_id}: {report.document.error}")
        if page is not None and html is not None:
            page.write(html)
    except OSError as exc:
        raise _fail(f"cannot write the audit to {out}: {exc}", 2) from exc
    _summary(counts, failed, len(inputs), time.perf_counter() - started)
    console.print("wrote " + ", ".join(str(p) for p in [*writer.paths, *([html] if html else [])]))
    if fail_on is not None and (failed or _met(counts, fail_on)):
        raise typer.Exit(1)


def _met(counts: Counter[str], fail_on: FailOn) -> bool:
    floor = auditing.SEVERITY_RANK[fail_on.value]
    return any(n and auditing.SEVERITY_RANK[auditing.RULES[r]] >= floor for r, n in counts.items())


def _summary(counts: Counter[str], failed: list[str], documents: int, seconds: float) -> None:
    for line in failed[:20]:
        console.print(Text.assemble(("failed ", "red"), line))
    table = Table("rule", "severity", "findings", title="Audit")
    for rule, severity in auditing.RULES.items():
        if counts[rule]:
            table.add_row(rule, severity, str(counts[rule]))
    if counts:
        console.print(table)
    console.print(
        f"documents: {documents - len(failed)} audited, {len(failed)} failed · "
        f"findings {sum(counts.values())} · {seconds:.1f} s"
    )
