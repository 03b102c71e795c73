"""``workreport extract --resume``: keep the documents already in ``--out``, add the rest.

The tables in ``--out`` are read back; the documents whose row says ``ok`` (and the
``duplicate`` rows of the same bytes) are kept with all their elements and written again
into the new tables, and the files with those sha256 are not parsed again.  Error rows are
dropped, so failed files are tried again; so are the rows of a doc id the new run
produces (a file whose bytes changed).  The new tables replace the old ones atomically,
like every extract (``TableWriter`` writes temporary files and renames them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.batch.run import Input, file_sha256
from extractor.cli.common import fail
from extractor.export.tables import TABLES, TableWriter, columns_of
from extractor.io.reading import unique_doc_ids

_KEPT_STATUSES = frozenset({"ok", "duplicate"})


@dataclass(slots=True)
class Previous:
    """The rows of an earlier extract, per table, and the sha256 of its finished documents."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    done: frozenset[str] = frozenset()


def load_previous(out: Path, fmt: str, *, with_text: bool) -> Previous:
    """The tables an earlier ``extract`` wrote to ``out`` in ``fmt`` (none: empty)."""
    if not (out / f"documents.{fmt}").is_file():
        return Previous()
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        path = out / f"{name}.{fmt}"
        try:
            rows[name] = _read(path, name, fmt, with_text=with_text) if path.is_file() else []
        except (OSError, ValueError, KeyError) as exc:
            raise fail(f"--resume cannot read {path}: {exc}", 2) from exc
    done = frozenset(r["sha256"] for r in rows["documents"] if r["status"] == "ok" and r["sha256"])
    return Previous(rows, done)


def keep_previous(writer: TableWriter, previous: Previous | None, inputs: list[Input]) -> set[str]:
    """Write the kept rows into ``writer``; the sha256 of the files to skip."""
    if previous is None or not previous.rows:
        return set()
    redo = {
        doc_id
        for (file, _), doc_id in zip(inputs, unique_doc_ids(inputs), strict=True)
        if file_sha256(file) not in previous.done
    }
    kept = {
        r["doc_id"]
        for r in previous.rows["documents"]
        if r["status"] in _KEPT_STATUSES and r["sha256"] in previous.done
        and r["doc_id"] not in redo
    }  # fmt: skip
    for name, rows in previous.rows.items():
        writer.add_rows(name, [r for r in rows if r["doc_id"] in kept])
    return set(previous.done)


def _read(path: Path, name: str, fmt: str, *, with_text: bool) -> list[dict[str, Any]]:
    columns = columns_of(name, with_text=with_text)
    if fmt == "parquet":
        df = pd.read_parquet(path)
    elif fmt == "csv":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        df = pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else pd.DataFrame()
    else:
        df = pd.read_excel(path, dtype=object)
    if df.empty and not len(df.columns):
        return []
    wanted = [c.name for c in columns]
    if list(df.columns) != wanted:
        hint = " (was it written with a different --with-text?)" if name == "documents" else ""
        raise ValueError(f"its columns are not those of the {name} table{hint}")
    kinds = {c.name: c.kind for c in columns}
    return [
        {k: _value(v, kinds[k]) for k, v in record.items()}
        for record in df.astype(object).to_dict("records")
    ]


def _value(value: Any, kind: str) -> Any:
    """A cell read back as the table's kind (missing: None)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if kind == "str":
        return str(value)
    if value == "":
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value in (True, 1, "True", "true", "1")
