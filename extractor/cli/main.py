"""The ``workreport`` command line: extract tables, show one outline, evaluate the parser."""

from __future__ import annotations

import re
import time
from collections import Counter
from contextlib import closing
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

import extractor
from extractor.batch.parallel import auto_jobs
from extractor.batch.run import map_batch, process_file
from extractor.cli.common import (
    NO_INPUTS,
    FollowLinks,
    Format,
    Jobs,
    MaxChars,
    Paths,
    console,
    count,
    err_console,
    interrupts,
    progress,
    summary,
)
from extractor.cli.common import fail as _fail
from extractor.errors import InputError, RuleError
from extractor.export.rows import report_rows, table_names
from extractor.io.reading import DEFAULT_MAX_CHARS, iter_inputs
from extractor.model import Claim, Document, Measure, Placeholder, Report, Section
from extractor.rules.loader import RuleSet

if TYPE_CHECKING:
    from extractor.analysis.meaning import Meaning

app = typer.Typer(
    name="workreport",
    help="Parse Chinese work reports into outlines, measures, claims and placeholders.",
    no_args_is_help=True,
    add_completion=False,
)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


_MAX_CLAIMS_SHOWN = 4


_LEXICON_OPTION = typer.Option(
    "--lexicon",
    help="Campaign word list (one name a line, or jieba's 'name freq tag'); repeatable.",
)


def _rules(lexicons: list[Path] | None) -> RuleSet | None:
    """The default rules with these campaign lexicons added (None: the defaults)."""
    if not lexicons:
        return None
    from extractor.elements.campaigns import default_lexicon
    from extractor.elements.lexicon import with_lexicon
    from extractor.rules.loader import default_rules

    try:
        rules = with_lexicon(default_rules(), *lexicons)
        default_lexicon(rules)  # read the files now: a bad one is one error, not one per file
    except RuleError as exc:
        raise _fail(str(exc), 2) from exc
    return rules


@app.command()
def extract(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the table files.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.parquet,
    strict: Annotated[bool, typer.Option(help="Exit 1 if any document failed.")] = False,
    with_text: Annotated[bool, typer.Option(help="Add the text to the documents table.")] = False,
    terms: Annotated[
        bool,
        typer.Option(
            "--terms/--no-terms",
            help="Count each report's terms (the terms table, what compare's keyword trends "
            "and plan follow-up read); --no-terms extracts about 2.5 times as fast.",
        ),
    ] = True,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    jobs: Jobs = 0,
    lexicon: Annotated[list[Path] | None, _LEXICON_OPTION] = None,
    follow_links: FollowLinks = False,
    resume: Annotated[
        bool, typer.Option(help="Keep the documents already in --out; parse only new files.")
    ] = False,
    engine: Annotated[Engine, typer.Option(help="Where to parse: local or dask.")] = Engine.local,
    scheduler: Annotated[
        str, typer.Option(help="--engine dask: a scheduler address, or local (a LocalCluster).")
    ] = "local",
    dataset: Annotated[
        bool, typer.Option(help="Write each table as a Parquet dataset DIR/<table>/part-*.")
    ] = False,
    part_size: Annotated[
        int | None, typer.Option(help="Inputs per dataset part (default 64).", min=1)
    ] = None,
) -> None:
    """Parse every report under PATH... and write one table per element to --out."""
    from extractor.cli.resume import keep_previous, load_previous
    from extractor.export import tableset
    from extractor.export.tables import TableWriter

    if engine == Engine.dask or dataset:
        if not terms:
            raise _fail("--no-terms works with table files (not --dataset, --engine dask)", 2)
        if fmt != Format.parquet:
            raise _fail("datasets (--dataset, --engine dask) are Parquet: drop --format", 2)
        from extractor.batch.parts import PART_SIZE
        from extractor.cli.dataset import extract_dataset

        return extract_dataset(
            [_url(p) for p in paths], _url(out), engine=engine.value, scheduler=scheduler,
            jobs=jobs, rules=_rules(lexicon), max_chars=max_chars, with_text=with_text,
            resume=resume, part_size=part_size or PART_SIZE, strict=strict,
        )  # fmt: skip
    try:
        inputs = iter_inputs(paths, follow_links=follow_links)
    except InputError as exc:
        raise _fail(str(exc), 2) from exc
    if not inputs:
        raise _fail(NO_INPUTS, 2)
    rules = _rules(lexicon)
    started, counts, failures = time.perf_counter(), Counter[str](), list[Document]()
    # Ctrl-C: the first stops after the documents in progress and writes complete tables of
    # the documents done; the second stops at once and leaves the earlier tables
    with interrupts() as stop:
        try:
            with tableset.lock(out):  # from reading the earlier tables to writing the new
                tableset.recover(out)
                previous = load_previous(out, fmt.value, with_text=with_text) if resume else None
                if previous is not None and previous.files and ("terms" in previous.files) != terms:
                    had = "with" if "terms" in previous.files else "without"
                    raise _fail(
                        f"--resume: the tables in {out} were written {had} the terms table; "
                        f"resume with {'--terms' if had == 'with' else '--no-terms'}",
                        2,
                    )
                tables = table_names(terms=terms)
                with (
                    TableWriter(out, fmt.value, with_text=with_text, tables=tables) as writer,
                    progress() as bar,
                ):
                    skip = keep_previous(writer, previous, inputs)
                    task = bar.add_task("parsing", total=len(inputs))
                    # rows are built where the report was parsed: in the workers with --jobs
                    to_rows = partial(report_rows, with_text=with_text, tables=tables)
                    batch = map_batch(
                        inputs, to_rows, max_chars=max_chars,
                        jobs=jobs or auto_jobs(file for file, _ in inputs),
                        rules=rules, skip=skip, follow_links=follow_links,
                    )  # fmt: skip
                    with closing(batch):  # a stop shuts the worker processes down here
                        for doc, rows in batch:
                            writer.add_report_rows(rows)
                            count(rows, counts, failures)
                            bar.update(task, advance=1, description=doc.doc_id[-40:])
                            if stop.requested:
                                break
        except tableset.TableSetError as exc:
            raise _fail(str(exc), 2) from exc
        except KeyboardInterrupt as exc:
            raise _fail("interrupted twice: no tables written; the earlier ones stay", 130) from exc
        except OSError as exc:
            raise _fail(f"cannot write tables to {out}: {exc}", 2) from exc
    summary(counts, failures, time.perf_counter() - started, writer.paths)
    if stop.requested:
        raise _fail("interrupted: the tables hold the documents done; go on with --resume", 130)
    if strict and failures:
        raise typer.Exit(1)


def _url(path: Path) -> str:
    """A path as given: ``s3://bucket/a`` back from the ``s3:/bucket/a`` a Path made of it."""
    return _URL_SLASH.sub(r"\1://", str(path))


_URL_SLASH = re.compile(r"^([A-Za-z][\w+.-]+):/(?!/)")


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="One report file.")],
    lexicon: Annotated[list[Path] | None, _LEXICON_OPTION] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the report as an HTML page, spans highlighted."),
    ] = None,
) -> None:
    """Print the outline of one report: sections, measures, claims and placeholders."""
    report = process_file(file, rules=_rules(lexicon))
    doc = report.document
    if doc.status != "ok":
        raise _fail(doc.error, 1)
    console.print(outline_tree(report))
    if html is not None:
        from extractor.integrations.html_view import write_html

        try:
            written = write_html(report, html)
        except OSError as exc:
            raise _fail(f"cannot write {html}: {exc}", 2) from exc
        console.print(f"wrote {written}")


def outline_tree(report: Report) -> Tree:
    """The report's outline as a rich Tree."""
    doc = report.document
    label = Text.assemble(
        (doc.title or doc.doc_id, "bold"), f"  {doc.period or '?'}  ", (doc.doc_type, "dim")
    )
    tree = Tree(label)
    children: dict[str | None, list[Section]] = {}
    for sec in report.sections:
        children.setdefault(sec.parent_id, []).append(sec)
    measures = [m for m in report.measures if m.section_id is None and m.parent_id is None]
    _add_measures(tree, report, measures)
    _add_sections(tree, report, children, None)
    return tree


def _add_sections(
    node: Tree, report: Report, children: dict[str | None, list[Section]], parent: str | None
) -> None:
    for sec in children.get(parent, []):
        label = Text.assemble(
            (f"{sec.marker}{sec.title}", "bold cyan"),
            f"  {sec.kind} {sec.period}",
            _marks(report, sec.section_id, None),
        )
        branch = node.add(label)
        top = [m for m in report.measures if m.section_id == sec.section_id and m.parent_id is None]
        _add_measures(branch, report, top)
        _add_sections(branch, report, children, sec.section_id)


def _add_measures(node: Tree, report: Report, measures: list[Measure]) -> None:
    for m in measures:
        headline = Text(m.headline)
        if m.slogan:
            headline.highlight_words([m.slogan], style="bold magenta")
        branch = node.add(
            Text.assemble(
                (m.marker or "·", "green"),
                " ",
                headline,
                _marks(report, m.section_id, m.measure_id),
            )
        )
        _add_measures(branch, report, [c for c in report.measures if c.parent_id == m.measure_id])


def _marks(report: Report, section_id: str | None, measure_id: str | None) -> Text:
    """The claims and placeholder count of a measure, or of a section's own text."""

    def here(element: Claim | Placeholder) -> bool:
        if measure_id is not None:
            return element.measure_id == measure_id
        return element.measure_id is None and element.section_id == section_id

    claims = [c for c in report.claims if here(c)]
    holes = sum(1 for p in report.placeholders if here(p))
    text = Text()
    if claims:
        shown = ", ".join(_claim_mark(c) for c in claims[:_MAX_CLAIMS_SHOWN])
        more = f" +{len(claims) - _MAX_CLAIMS_SHOWN}" if len(claims) > _MAX_CLAIMS_SHOWN else ""
        text.append(f"  {{{shown}{more}}}", style="yellow")
    if holes:
        text.append(f"  placeholders: {holes}", style="red")
    return text


def _claim_mark(claim: Claim) -> str:
    mark = f"{claim.value_text}{claim.unit}" or claim.change or "?"
    return f"{mark}[masked]" if claim.masked else mark


@app.command()
def evaluate(
    path: Annotated[
        Path | None, typer.Argument(help="Annotated corpus (default: corpora/).")
    ] = None,
    shared: Annotated[
        Path | None,
        typer.Option(help="The real reports (default: ../shared/corpora beside the checkout)."),
    ] = None,
    wrong: Annotated[
        bool, typer.Option(help="List the claims of the tuning split with a wrong field.")
    ] = False,
) -> None:
    """Score the parser against annotated reports: precision, recall and F1 per element;
    on the annotated real reports, the tuning and the held-out split apart: the outline, the
    campaigns, and what the figures mean (per field, and the share of claims fully right)."""
    try:
        from extractor.analysis.evaluate import evaluate as run_evaluation
    except ImportError as exc:
        raise _fail(f"the evaluation module is not available ({exc})", 1) from exc
    corpus = path or _default_corpora()
    result = run_evaluation(corpus)
    _print_scores(result, "Scores")
    if result.accuracies:
        acc = Table("field", "accuracy", title="Accuracies")
        for name, value in result.accuracies.items():
            acc.add_row(name, f"{value:.3f}")
        console.print(acc)
    if (Path(corpus) / "annotations" / "real" / "outline").is_dir():
        from extractor.analysis.real import evaluate_real

        real = evaluate_real(corpus, shared=shared)
        for split, scores in real.splits.items():
            docs = len(scores.documents)
            _print_scores(scores, f"Real reports, {split} ({docs} reports): outline")
        for skip in real.skipped:
            console.print(f"skipped {skip.json_path.name}: {skip.reason}", style="yellow")
    if (Path(corpus) / "annotations" / "real" / "campaigns").is_dir():
        _print_real_campaigns(corpus, shared)
    files = sorted((Path(corpus) / "annotations" / "real" / "claims").glob("*.json"))
    if files:  # the meaning of the figures of real reports (extractor/analysis/meaning.py)
        from extractor.analysis.meaning import score_meaning

        _print_meaning(score_meaning(files, corpora=shared), wrong=wrong)


def _print_real_campaigns(corpus: Path, shared: Path | None) -> None:
    """Campaign P/R/F1 and kind accuracy on the real reports, per split (held-out misses are
    never listed: nobody tunes on them)."""
    from extractor.analysis.real import evaluate_real_campaigns

    real = evaluate_real_campaigns(corpus, shared=shared)
    for split, scores in real.splits.items():
        docs = len(scores.documents)
        _print_scores(scores, f"Real reports, {split} ({docs} reports): campaigns")
        kind = scores.accuracies.get("campaign_kind")
        if kind is not None:
            console.print(f"campaign kind accuracy ({split}): {kind:.3f}")
    for skip in real.skipped:
        console.print(f"skipped {skip.json_path.name}: {skip.reason}", style="yellow")


def _print_scores(result: Any, title: str) -> None:
    table = Table("element", "tp", "fp", "fn", "precision", "recall", "F1", title=title)
    for name, s in result.scores.items():
        table.add_row(
            str(getattr(s, "element", name)), str(s.tp), str(s.fp), str(s.fn),
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
        )  # fmt: skip
    console.print(table)


def _print_meaning(meaning: Meaning, *, wrong: bool) -> None:
    from extractor.analysis.meaning import FIELDS

    names = list(meaning.splits)
    table = Table("field", *names, title="Meaning of real claims (heldout: never tuned on)")
    table.add_row("claims", *(str(meaning.splits[n].claims) for n in names))
    table.add_row("found", *(str(meaning.splits[n].found) for n in names))
    for field in FIELDS:
        table.add_row(field, *(f"{meaning.splits[n].accuracy(field):.3f}" for n in names))
    table.add_row("fully right", *(f"{meaning.splits[n].fully_right:.3f}" for n in names))
    table.add_row("every field", *(f"{meaning.splits[n].every_field:.3f}" for n in names))
    if names:
        console.print(table)
    for name, why in meaning.skipped:
        err_console.print(f"skipped {name}: {why}")
    tuning = meaning.splits.get("tuning")
    if wrong and tuning is not None:
        for judged in tuning.judged:
            if not judged.every_field:
                anchor = judged.gold.get("anchor", "")
                console.print(f"{judged.source} {anchor}: " + "; ".join(judged.wrong()))


def _default_corpora() -> Path:
    beside = Path(extractor.__file__).resolve().parents[1] / "corpora"
    return beside if beside.is_dir() else Path.cwd() / "corpora"


from extractor.cli.audit import audit  # noqa: E402

app.command()(audit)

from extractor.cli.compare import compare  # noqa: E402

app.command()(compare)
