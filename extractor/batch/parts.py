"""A batch in parts: its inputs cut into chunks, each parsed and written as one dataset part.

This is the unit of work of a batch written as partitioned datasets
(:mod:`extractor.export.dataset`), whoever runs it: worker processes of this machine
(``extract --dataset``) or the workers of a Dask cluster (:mod:`extractor.batch.cluster`).

1. :func:`plan_parts` takes the inputs in batch order, with the sha256 of each file (hashed
   where the files are: in the workers), and gives every input its unique doc id and, when
   its bytes repeat an earlier input's, the path of that first file; then cuts the list
   into parts of ``size`` inputs.  The plan depends on the inputs alone, so a resumed run
   plans the same parts.
2. :func:`run_part` parses a part's inputs and writes part ``N`` of every table.  A
   repeated file is not parsed: its row says ``duplicate`` and names the first file, as
   :func:`extractor.batch.run.map_batch` does (its characters and encoding are read from
   its own bytes, which are the first file's).

Inputs are local paths or fsspec URLs (``s3://bucket/reports/a.txt``); a URL is read by
the worker into a temporary file and parsed from there, and its rows name the URL.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import pyarrow as pa

from extractor.batch.run import duplicate_report, file_sha256, process_file
from extractor.errors import InputError
from extractor.export.dataset import complete_parts, is_url, read_table, write_tables
from extractor.export.rows import Row, report_rows
from extractor.export.tables import arrow_table
from extractor.io.reading import MAX_FILE_BYTES, byte_limit, read_document, series_for
from extractor.model import Document, Report
from extractor.rules.loader import RuleSet

#: Inputs per part: enough that a part's files are a few hundred KB of Parquet, few enough
#: that a worker's part (rows of every table) stays far under its memory limit.
PART_SIZE = 64


@dataclass(frozen=True, slots=True)
class Item:
    """One input of a part: where it is, its doc id, its sha256 and, for a file whose bytes
    repeat an earlier input's, that input's path."""

    source: str
    doc_id: str
    sha256: str = ""
    first: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """Part ``index`` of a batch: the inputs whose rows it holds, in batch order."""

    index: int
    items: tuple[Item, ...]

    @property
    def doc_ids(self) -> list[str]:
        return [item.doc_id for item in self.items]


def plan_parts(
    inputs: Sequence[tuple[str, str]], shas: Sequence[str], *, size: int = PART_SIZE
) -> list[Part]:
    """The parts of a batch: ``inputs`` as (source, doc id) pairs in batch order, ``shas``
    their sha256 ("" for a file that could not be hashed: never a duplicate)."""
    first_of: dict[str, str] = {}
    items = []
    for (source, doc_id), sha in zip(inputs, shas, strict=True):
        items.append(Item(source, doc_id, sha, first_of.get(sha) if sha else None))
        if sha:
            first_of.setdefault(sha, source)
    size = max(1, size)
    return [
        Part(n, tuple(items[start : start + size]))
        for n, start in enumerate(range(0, len(items), size))
    ]


def source_sha256(source: str, max_chars: int | None = None) -> str:
    """The sha256 of an input's bytes, as :func:`extractor.batch.run.file_sha256` (a URL
    read through fsspec; "" when it cannot be read or is too large)."""
    if not is_url(source):
        path = Path(source)
        return file_sha256(path, byte_limit(path, max_chars))
    import hashlib

    import fsspec

    digest = hashlib.sha256()
    try:
        with fsspec.open(source, "rb") as handle:
            if (handle.size or 0) > byte_limit(Path(PurePosixPath(source).name), max_chars):
                return ""
            while block := handle.read(1 << 20):
                digest.update(block)
    except (OSError, ValueError):
        return ""
    return digest.hexdigest()


def hash_sources(sources: Sequence[str], max_chars: int | None = None) -> list[str]:
    """:func:`source_sha256` of several inputs (one task of a cluster's hashing pass)."""
    return [source_sha256(source, max_chars) for source in sources]


def part_rows(
    part: Part, *, rules: RuleSet | None = None, max_chars: int | None = None,
    with_text: bool = False,
) -> dict[str, list[Row]]:  # fmt: skip
    """The rows of every table for a part's inputs, in order."""
    rows: dict[str, list[Row]] = {}
    for item in part.items:
        report = _report(item, rules=rules, max_chars=max_chars)
        for name, found in report_rows(report, with_text=with_text).rows.items():
            rows.setdefault(name, []).extend(found)
    return rows


def run_part(
    out: str, part: Part, *, rules: RuleSet | None = None, max_chars: int | None = None,
    with_text: bool = False,
) -> list[tuple[str, str, str, dict[str, int]]]:  # fmt: skip
    """Parse a part and write it (documents last); per document: doc id, status, error and
    its rows per table (what the caller reports; the rows themselves stay in the part).

    Each document's rows become Arrow tables as soon as it is parsed: a part's rows as
    Python dicts (a report's terms alone are thousands) held a worker some 150 MB over
    its resting size on a part of 64 reports; as Arrow columns they take a tenth of that."""
    tables: dict[str, list[pa.Table]] = {}
    done: list[tuple[str, str, str, dict[str, int]]] = []
    for item in part.items:
        report = _report(item, rules=rules, max_chars=max_chars)
        found = report_rows(report, with_text=with_text).rows
        counts = {name: len(rows) for name, rows in found.items() if rows}
        for name, rows in found.items():
            tables.setdefault(name, []).append(arrow_table(name, rows, with_text=with_text))
        done += [
            (row["doc_id"], row["status"], row["error"] or "", counts)
            for row in found.get("documents", [])
        ]
    write_tables(out, part.index, {n: pa.concat_tables(t) for n, t in tables.items()},
                 with_text=with_text)  # fmt: skip
    return done


def _report(item: Item, *, rules: RuleSet | None, max_chars: int | None) -> Report:
    if not is_url(item.source):
        if item.first is not None:
            return _duplicate(item, Path(item.source))
        return process_file(item.source, doc_id=item.doc_id, rules=rules, max_chars=max_chars)
    with tempfile.TemporaryDirectory(prefix="workreport-") as folder:
        local = Path(folder) / PurePosixPath(item.source).name
        try:
            local.write_bytes(_fetch(item.source))
        except (OSError, ValueError, InputError) as exc:
            document = Document(
                doc_id=item.doc_id, path=item.source, series=_series(item.source),
                status="error", error=f"{item.source}: cannot read: {exc}",
            )  # fmt: skip
            return Report(document, "")
        if item.first is not None:
            return _duplicate(item, local)
        report = process_file(local, doc_id=item.doc_id, rules=rules, max_chars=max_chars)
    return replace(report, document=_named(report.document, item.source, str(local)))


def _fetch(source: str) -> bytes:
    """A URL's bytes, its size checked before reading."""
    import fsspec

    with fsspec.open(source, "rb") as handle:
        if (handle.size or 0) > MAX_FILE_BYTES:
            raise InputError(f"{source}: larger than {MAX_FILE_BYTES} bytes; not read")
        data: bytes = handle.read()
    return data


def _duplicate(item: Item, local: Path) -> Report:
    """The row of a file with the bytes of ``item.first``: read, not parsed."""
    try:
        raw = read_document(local, doc_id=item.doc_id)
        chars, encoding = len(raw.text), raw.encoding
    except (InputError, UnicodeError, OSError):
        chars, encoding = 0, ""
    document = Document(
        doc_id=item.doc_id, path=item.source, series=_series(item.source), chars=chars,
        encoding=encoding, sha256=item.sha256,
    )  # fmt: skip
    return duplicate_report(document, item.first or "")


def _series(source: str) -> str:
    """The default series of an input: the name of its folder."""
    if is_url(source):
        return PurePosixPath(source.split("://", 1)[1]).parent.name
    try:
        return series_for(source)
    except OSError:
        return Path(source).parent.name


def _named(document: Document, source: str, local: str) -> Document:
    """A document read from a temporary copy, named by its URL."""
    return replace(
        document, path=source, series=_series(source), error=document.error.replace(local, source)
    )


def list_sources(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, str]]:
    """The inputs of a batch as (source, doc id) pairs: local files and folders as
    :func:`extractor.io.reading.iter_inputs` finds them; fsspec URLs of files, or of
    folders listed recursively (files with a known extension), doc ids relative to them."""
    from extractor.io.reading import FOLDER_DOCS, KNOWN_SUFFIXES, iter_inputs, unique_doc_ids

    def wanted(file: str) -> bool:  # what a folder walk picks up (reading._walk)
        name = PurePosixPath(file)
        hidden = any(part.startswith(".") for part in name.relative_to(root).parts)
        return (
            not hidden
            and name.stem.upper() not in FOLDER_DOCS
            and (name.suffix.lower() in KNOWN_SUFFIXES)
        )

    pairs: list[tuple[str, str]] = []
    local: list[tuple[Path, Path]] = []
    remote: list[tuple[str, str]] = []

    def flush() -> None:
        ids = unique_doc_ids(local)
        pairs.extend((str(f), d) for (f, _), d in zip(local, ids, strict=True))
        local.clear()

    for path in paths:
        if not is_url(path):
            local.extend(iter_inputs([path]))
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(str(path))
        protocol = str(path).split("://", 1)[0]
        if fs.isdir(root):
            files = sorted(f for f in fs.find(root) if wanted(f))
            base = PurePosixPath(root)
        elif fs.exists(root):
            files, base = [root], PurePosixPath(root).parent
        else:
            raise InputError(f"{path}: no such file or folder")
        remote.extend(
            (f"{protocol}://{f}", PurePosixPath(f).relative_to(base).with_suffix("").as_posix())
            for f in files
        )
    flush()
    taken = {d for _, d in pairs}
    for source, doc_id in remote:
        unique, n = doc_id, 1
        while unique in taken:
            n += 1
            unique = f"{doc_id}~{n}"
        taken.add(unique)
        pairs.append((source, unique))
    return pairs


def pending_parts(out: str, parts: Sequence[Part], *, resume: bool) -> list[Part]:
    """The parts still to write to ``out``: all of them for a new dataset; with ``resume``,
    those not complete yet.  A complete part must hold the documents the plan gives it (the
    same inputs as the interrupted run); a dataset already in ``out`` without ``resume`` is
    an error, as is one whose parts do not match."""
    if is_url(out):
        return list(parts)  # an object store is not listed: every part is (re)written
    done = set(complete_parts(out))
    if done and not resume:
        raise InputError(
            f"{out} already holds a dataset ({len(done)} parts): go on with --resume, "
            "or write to another folder"
        )
    for part in parts:
        if part.index in done:
            found = read_table(out, "documents", ["path"], part=part.index)["path"].tolist()
            if found != [item.source for item in part.items]:
                raise InputError(
                    f"{out}: part {part.index} holds other documents than this batch gives it "
                    "(were the inputs changed since the interrupted run?); use another folder"
                )
    extra = done - {part.index for part in parts}
    if extra:
        raise InputError(f"{out}: parts {sorted(extra)[:5]} are not parts of this batch")
    return [part for part in parts if part.index not in done]
