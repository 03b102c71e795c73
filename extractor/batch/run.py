"""Running the parser over many files: one :class:`Report` per input, whatever happens.

A file that cannot be read (undecodable, empty, binary, unsupported, unreadable, a broken
link, a damaged or hostile .docx/.pdf) or that the parser fails on becomes a report whose
document has ``status="error"`` and an ``error`` message, with no elements; the batch
always continues.  A file with the same bytes (sha256) as an earlier one of the batch is
reported once: the later file is a row with ``status="duplicate"``, its sha256, and a
message naming the first file, with no elements.  ``skip`` leaves out files whose sha256
is in it (``extract --resume``: documents already in the output).
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from extractor.batch.parallel import MIN_PARALLEL_ITEMS, ordered_map
from extractor.errors import InputError
from extractor.io.reading import (
    DEFAULT_MAX_CHARS,
    MAX_FILE_BYTES,
    RawDocument,
    byte_limit,
    check_input,
    doc_id_for,
    read_document,
    series_for,
    shown,
    unique_doc_ids,
)
from extractor.model import Document, Report
from extractor.pipeline import parse
from extractor.rules.loader import RuleSet, default_rules

T = TypeVar("T")
#: An input: a file and the batch root its doc id is relative to (see ``iter_inputs``).
Input = tuple[Path, Path]


def run_batch(
    inputs: Iterable[Input | str | os.PathLike[str]],
    *,
    rules: RuleSet | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    jobs: int = 1,
    skip: Collection[str] = (),
    follow_links: bool = False,
) -> Iterator[Report]:
    """Read and parse each input in order, yielding one report per input (errors included).

    ``inputs`` are ``(file, root)`` pairs as ``iter_inputs`` returns them, or plain file
    paths (their folder is the root).  Doc ids are unique within the batch.  A document
    longer than ``max_chars`` characters (default: ``DEFAULT_MAX_CHARS``; None: no bound)
    is an error row, not parsed: a file that cannot hold fewer is not even read.  A file whose bytes
    repeat an earlier file's is a ``duplicate`` row; one whose sha256 is in ``skip`` yields
    nothing.  With ``jobs`` > 1 the files are parsed in that many worker processes; the
    reports still come in input order (see :mod:`extractor.batch.parallel`).
    """
    batch = map_batch(
        inputs, _same, rules=rules, max_chars=max_chars, jobs=jobs, skip=skip,
        follow_links=follow_links,
    )  # fmt: skip
    for _, report in batch:
        yield report


def map_batch(
    inputs: Iterable[Input | str | os.PathLike[str]],
    then: Callable[[Report], T],
    *,
    rules: RuleSet | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    jobs: int = 1,
    skip: Collection[str] = (),
    follow_links: bool = False,
) -> Generator[tuple[Document, T], None, None]:
    """:func:`run_batch`, with ``then`` applied to each report where it was parsed.

    Yields ``(document, then(report))``.  In worker processes only what ``then`` returns
    travels back: ``extract`` sends table rows (:func:`extractor.export.rows.report_rows`), several
    times cheaper to pickle than a Report.  ``then`` must be picklable when ``jobs`` > 1
    (a module-level function, or a ``functools.partial`` of one).
    """
    pairs = [_as_input(item) for item in inputs]
    items = [
        (file, root, doc_id)
        for (file, root), doc_id in zip(pairs, unique_doc_ids(pairs), strict=True)
    ]
    # Hash first (cheap beside parsing): a file whose bytes repeat an earlier one's is not
    # parsed at all, and one already in the output (``skip``) not even listed.
    shas = [
        file_sha256(file, byte_limit(file, max_chars)) if _readable(file, root, follow_links)
        else ""
        for file, root, _ in items
    ]  # fmt: skip
    first_of: dict[str, int] = {}  # sha256 → index of the first file with those bytes
    repeats: dict[int, int] = {}  # index of a repeat → index of its first
    order: list[int] = []
    for i, sha in enumerate(shas):
        if sha and sha in skip:
            continue
        order.append(i)
        if sha and sha in first_of:
            repeats[i] = first_of[sha]
        elif sha:
            first_of[sha] = i
    parsed = [items[i] for i in order if i not in repeats]
    results = _results(
        parsed, then, rules=rules, max_chars=max_chars, jobs=jobs, follow_links=follow_links
    )
    firsts = set(repeats.values())
    documents: dict[int, Document] = {}  # the documents of files that have repeats
    for i in order:
        if i in repeats:
            file, _, doc_id = items[i]
            first = documents[repeats[i]]
            own = replace(
                first, doc_id=doc_id, path=shown(str(file)), series=series_for(file),
                sha256=shas[i],
            )  # fmt: skip
            duplicate = duplicate_report(own, first.path)
            yield duplicate.document, then(duplicate)
            continue
        document, value = next(results)
        if i in firsts:
            documents[i] = document
        yield document, value


def _same(report: Report) -> Report:
    return report


def _results(
    work: list[tuple[Path, Path, str]],
    then: Callable[[Report], T],
    *,
    rules: RuleSet | None,
    max_chars: int | None,
    jobs: int,
    follow_links: bool,
) -> Iterator[tuple[Document, T]]:
    # the in-process path passes ``rules`` itself: ordered_map's own fallback would run the
    # initializer here and leave the worker-only global set in this process
    if jobs <= 1 or len(work) < MIN_PARALLEL_ITEMS:
        for file, root, doc_id in work:
            report = process_file(
                file, root, doc_id=doc_id, rules=rules, max_chars=max_chars,
                follow_links=follow_links,
            )  # fmt: skip
            yield report.document, then(report)
        return
    task = partial(_process, then=then, max_chars=max_chars, follow_links=follow_links)
    yield from ordered_map(task, work, jobs=jobs, initializer=partial(_use_rules, rules))


def file_sha256(file: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The sha256 of a regular file's bytes, read in blocks; "" when it is not a regular
    file (a FIFO would block), is larger than ``limit`` bytes, or cannot be read.  Such a
    file is not compared with others; parsing it gives its error row without reading it."""
    digest = hashlib.sha256()
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return ""
        with file.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def duplicate_report(doc: Document, first_path: str) -> Report:
    """The row of a file whose bytes repeat ``first_path``'s: no elements, both paths."""
    message = f"{doc.path}: same bytes (sha256 {doc.sha256[:12]}…) as {first_path}; reported once"
    document = Document(
        doc_id=doc.doc_id, path=doc.path, series=doc.series, chars=doc.chars,
        encoding=doc.encoding, sha256=doc.sha256, status="duplicate", error=message,
    )  # fmt: skip
    return Report(document, "")


#: The rule set of a worker process: sent once to each worker, not with every file.
_worker_rules: RuleSet | None = None


def _use_rules(rules: RuleSet | None) -> None:
    global _worker_rules
    _worker_rules = rules
    settle(rules)


def settle(rules: RuleSet | None = None) -> None:
    """Make a worker ready before its first document: the rules built and the term
    cutter's dictionary loaded (each document needs them), then every object made so far
    frozen out of the garbage collector's sight (``gc.freeze``).  Those objects live as
    long as the worker, and each full collection walked them all again: on parts of the
    32 MB batch the collector's time fell from 1.43 to 0.37 s in 11.6 s of work (session
    13, ``benchmarks/README.md``)."""
    from extractor.analysis.segment import segmenter

    segmenter(rules or default_rules()).tokens("warm")
    gc.freeze()


def _process(
    item: tuple[Path, Path, str],
    *,
    then: Callable[[Report], T],
    max_chars: int | None,
    follow_links: bool,
) -> tuple[Document, T]:
    file, root, doc_id = item
    report = process_file(
        file, root, doc_id=doc_id, rules=_worker_rules, max_chars=max_chars,
        follow_links=follow_links,
    )  # fmt: skip
    return report.document, then(report)


def process_file(
    file: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    *,
    doc_id: str | None = None,
    rules: RuleSet | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    follow_links: bool = False,
) -> Report:
    """Read and parse one file; a report with ``status="error"`` instead of an exception.

    A link that leads outside ``root`` is not read unless ``follow_links`` (its row says
    where it led); see :func:`extractor.io.reading.check_input`."""
    path = Path(file)
    doc_id = doc_id if doc_id is not None else doc_id_for(path, root)
    try:
        warning = check_input(path, root, follow_links=follow_links)
        raw = read_document(path, root, doc_id=doc_id, max_chars=max_chars)
    except Exception as exc:  # the batch must go on: a reader's own failure is a row too
        return error_report(doc_id, path, _message(exc, path))
    if max_chars is not None and len(raw.text) > max_chars:
        message = (
            f"{path}: {len(raw.text)} characters, more than the limit of {max_chars} characters"
        )
        return error_report(doc_id, path, message, raw)
    try:
        report = parse(
            raw.text, doc_id=raw.doc_id, path=raw.path, series=raw.series,
            encoding=raw.encoding, sha256=raw.sha256, rules=rules,
        )  # fmt: skip
    except Exception as exc:  # the batch must go on; the row says what went wrong
        return error_report(
            doc_id, path, f"{path}: parser failed: {type(exc).__name__}: {exc}", raw
        )
    warning = "; ".join(w for w in (warning, raw.warning) if w)
    if warning:
        report = replace(report, document=replace(report.document, warning=warning))
    return report


def error_report(doc_id: str, path: Path, message: str, raw: RawDocument | None = None) -> Report:
    """A report with no elements whose document row carries the error."""
    document = Document(
        doc_id=doc_id,
        path=shown(str(path)),
        series=raw.series if raw else _safe_series(path),
        chars=len(raw.text) if raw else 0,
        encoding=raw.encoding if raw else "",
        sha256=raw.sha256 if raw else "",
        status="error",
        error=shown(message),
    )
    return Report(document, "")


def _as_input(item: Input | str | os.PathLike[str]) -> Input:
    if isinstance(item, tuple):
        return Path(item[0]), Path(item[1])
    path = Path(item)
    return path, path.parent


def _message(exc: BaseException, path: Path) -> str:
    """The error text for a row: our own messages name the file already; OS errors do too."""
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{path}: cannot read: {exc.strerror or exc}"
    return f"{path}: cannot read: {type(exc).__name__}: {exc}"


def _safe_series(path: Path) -> str:
    try:
        return series_for(path)
    except OSError:
        return shown(path.parent.name)


def _readable(file: Path, root: Path, follow_links: bool) -> bool:
    """Whether a listed input may be opened (to hash it): no link loop, no link outside
    ``root`` that is not to be followed (its bytes are not read at all)."""
    try:
        check_input(file, root, follow_links=follow_links)
    except (InputError, OSError):
        return False
    return True
