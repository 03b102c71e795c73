"""``workreport extract --resume``: keep the documents already in ``--out``, add the rest.

The set of tables in ``--out`` is checked first (:mod:`extractor.export.tableset`: the files
its manifest names, each with its bytes and sha256): a set mixed from two runs, or changed
since, is refused (exit 2) rather than built upon.  Its documents table is read, only the
cells a decision needs; the documents whose row says ``ok`` (and the ``duplicate`` rows of
the same bytes) are kept, their rows of every table copied into the new tables as they were
written, a block at a time (:mod:`extractor.export.carry`: memory does not grow with the
earlier tables, and every value stays byte for byte), and the files with those sha256 are
not parsed again.  An input with the bytes of a kept document but no row of its own (a copy
the interrupted run had not reached) gets its ``duplicate`` row.  Error rows are dropped, so
failed files are tried again; so are the rows of a doc id the new run produces (a file whose
bytes changed).  The new set replaces the old one as every extract's does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.batch.run import Input, duplicate_report, file_sha256
from extractor.cli.common import fail
from extractor.export import tableset
from extractor.export.carry import carry, read_columns, stored
from extractor.export.rows import report_rows
from extractor.export.tables import TABLES, TableWriter, unneutralise
from extractor.io.reading import series_for, shown, unique_doc_ids
from extractor.model import Document

_KEPT_STATUSES = frozenset({"ok", "duplicate"})
_DOCUMENT_CELLS = ("doc_id", "path", "series", "chars", "encoding", "sha256", "status")


@dataclass(slots=True)
class Previous:
    """An earlier extract in ``--out``: its table files and the cells of its documents that
    decide what is kept."""

    files: dict[str, list[Path]] = field(default_factory=dict)
    documents: list[dict[str, Any]] = field(default_factory=list)
    with_text: bool = False

    @property
    def done(self) -> frozenset[str]:
        """The sha256 of the documents finished (``ok``)."""
        return frozenset(d["sha256"] for d in self.documents if d["status"] == "ok" and d["sha256"])


def load_previous(out: Path, fmt: str, *, with_text: bool) -> Previous:
    """The set of tables an earlier ``extract`` wrote to ``out`` in ``fmt`` (none: empty)."""
    try:
        manifest = tableset.read_manifest(out)
        files = tableset.table_files(out)
    except (tableset.TableSetError, OSError) as exc:
        raise fail(f"--resume: {exc}", 2) from exc
    if manifest is not None and manifest.format != fmt:
        raise fail(
            f"--resume: the tables in {out} are {manifest.format}; resume with --format "
            f"{manifest.format}",
            2,
        )
    if manifest is None:  # written before manifests: the files of this format, unchecked
        files = {n: [out / f"{n}.{fmt}"] for n in TABLES if (out / f"{n}.{fmt}").is_file()}
    if "documents" not in files:
        return Previous()
    source = files["documents"][0]
    try:
        documents = list(
            read_columns(source, fmt, "documents", _DOCUMENT_CELLS, with_text=with_text)
        )
    except (OSError, ValueError, KeyError) as exc:
        raise fail(f"--resume cannot read {source}: {exc}", 2) from exc
    for doc in documents:
        doc["sha256"] = doc["sha256"] or ""
        doc["status"] = str(doc["status"])
    return Previous(files, documents, with_text)


def keep_previous(writer: TableWriter, previous: Previous | None, inputs: list[Input]) -> set[str]:
    """Copy the kept rows into ``writer`` and write the duplicate rows of copies the earlier
    run did not reach; the sha256 of the files not to parse again."""
    if previous is None or not previous.documents:
        return set()
    fmt, done = writer.fmt, previous.done
    ids = unique_doc_ids(inputs)
    shas = {doc_id: file_sha256(file) for (file, _), doc_id in zip(inputs, ids, strict=True)}
    redo = {stored(doc_id, fmt) for doc_id, sha in shas.items() if sha not in done}
    kept = {
        d["doc_id"] for d in previous.documents
        if d["status"] in _KEPT_STATUSES and d["sha256"] in done and d["doc_id"] not in redo
    }  # fmt: skip
    try:
        for name, paths in previous.files.items():
            for path in paths:
                carry(writer, name, path, kept, with_text=previous.with_text)
    except (OSError, ValueError, KeyError) as exc:
        raise fail(f"--resume cannot copy the earlier rows: {exc}", 2) from exc
    firsts = {d["sha256"]: d for d in previous.documents if d["status"] == "ok"}
    for (file, _), doc_id in zip(inputs, ids, strict=True):
        sha = shas[doc_id]
        if sha in firsts and stored(doc_id, fmt) not in kept:
            writer.add_report_rows(report_rows(_copy_of(firsts[sha], file, doc_id, sha)))
    return set(done)


def _copy_of(first: dict[str, Any], file: Path, doc_id: str, sha: str) -> Any:
    """The duplicate row of ``file``, whose bytes are those of the earlier ``first``."""
    doc = Document(
        doc_id=doc_id, path=shown(str(file)), series=series_for(file),
        chars=int(first["chars"] or 0), encoding=unneutralise(str(first["encoding"] or "")),
        sha256=sha,
    )  # fmt: skip
    return duplicate_report(doc, unneutralise(str(first["path"])))
