"""The set of tables in an output folder: written together, read together, one run at a time.

Each table is written to a hidden temporary file beside its place (``io.atomic``).  When
every one is complete, :func:`commit` writes a *journal*, ``.tables.pending.json``: the
temporary file, final name, rows, bytes and sha256 of every table file of the run.  Writing
the journal (a temporary file renamed) is the moment the new set exists; then the files are
renamed into place one by one, the manifest ``_tables.json`` is replaced by the journal's
content and the journal removed.  So at every moment the folder holds one whole set:

- killed before the journal: the earlier set, untouched (and its manifest); the new
  temporary files are debris that the next run into the folder removes (:func:`recover`);
- killed after it: the new set, part of it still under temporary names; the next run rolls
  it forward, and a reader reads it through the journal (:func:`table_files`) without
  writing anything.

Readers (``extract --resume``, ``compare`` on a folder of tables, ``read_tables``) take the
files the manifest names and check each against its bytes and sha256: a table replaced by
hand or mixed in from another run is refused with a message naming it, never read as if it
belonged.  A folder without a manifest (written before it existed) is read as it is.

The manifest names *files* per table (paths relative to the folder, with their rows), so a
table written as a partitioned dataset (``claims/part-0.parquet``…) is one entry with
several files; the underscore keeps dataset readers (pyarrow, Spark) from taking the
manifest for data.

A run holds a lock on the folder itself (``flock`` on the folder; released by the kernel
when the process dies, so a killed run leaves no stale lock, and there is no lock file) for
as long as it reads or writes the folder: a second run into the same folder fails at once
with :class:`TableSetError` instead of silently replacing the first one's tables.  Where
``fcntl`` is missing (Windows) there is no lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from extractor.io.atomic import temp_beside

MANIFEST = "_tables.json"
JOURNAL = ".tables.pending.json"
_VERSION = 1


class TableSetError(ValueError):
    """The tables of a folder cannot be used as one set (or the folder is in use)."""


@dataclass(frozen=True, slots=True)
class TableFile:
    """One file of a table: its path relative to the folder, rows, bytes and sha256."""

    path: str
    rows: int
    bytes: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a run wrote: its format, whether documents carry their text, and the files of
    each table."""

    format: str
    with_text: bool
    tables: Mapping[str, tuple[TableFile, ...]]

    def to_json(self) -> str:
        tables = {name: [asdict(f) for f in files] for name, files in self.tables.items()}
        data = {"version": _VERSION, "format": self.format, "with_text": self.with_text}
        return json.dumps({**data, "tables": tables}, ensure_ascii=False, indent=1)

    @staticmethod
    def from_json(text: str, where: Path) -> Manifest:
        try:
            data = json.loads(text)
            tables = {
                str(name): tuple(TableFile(**f) for f in files)
                for name, files in data["tables"].items()
            }
            return Manifest(str(data["format"]), bool(data["with_text"]), tables)
        except (ValueError, KeyError, TypeError) as exc:
            raise TableSetError(f"{where}: not a table manifest ({exc})") from exc


# --- one run at a time ------------------------------------------------------------------

_held: dict[str, tuple[int, int]] = {}  # folder → (descriptor, depth): re-entrant per process


@contextlib.contextmanager
def lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the folder's lock (created with the folder); :class:`TableSetError` at once
    when another process holds it."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(path)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
    else:
        fd = _acquire(path)
        _held[key] = (fd, 1)
    try:
        yield
    finally:
        fd, depth = _held[key]
        if depth > 1:
            _held[key] = (fd, depth - 1)
        else:
            del _held[key]
            os.close(fd)  # releases the flock


def _acquire(folder: Path) -> int:
    fd = os.open(folder, os.O_RDONLY)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        raise TableSetError(
            f"{folder}: another workreport run is writing to this folder; "
            "wait for it to finish or choose another --out"
        ) from exc
    return fd


# --- writing ---------------------------------------------------------------------------


def recover(folder: str | os.PathLike[str]) -> None:
    """Before a run writes into ``folder`` (its lock held): finish a commit that a killed
    run left half done, and remove the temporary files of runs killed before theirs."""
    path = Path(folder)
    journal = _journal(path)
    if journal is not None:
        _roll_forward(path, journal)
    for stale in _temporaries(path):
        stale.unlink(missing_ok=True)


def commit(
    folder: str | os.PathLike[str],
    manifest_of: tuple[str, bool],
    files: Mapping[str, Sequence[tuple[Path, Path, int]]],
) -> Manifest:
    """Put a run's complete temporary files in place as one set: ``files`` maps each table
    to its ``(temporary, final, rows)`` files; ``manifest_of`` is (format, with_text)."""
    path = Path(folder)
    tables = {
        name: tuple(_describe(path, temp, final, rows) for temp, final, rows in entries)
        for name, entries in files.items()
    }
    manifest = Manifest(manifest_of[0], manifest_of[1], tables)
    renames = {
        final.relative_to(path).as_posix(): temp.relative_to(path).as_posix()
        for entries in files.values()
        for temp, final, _ in entries
    }
    pending = json.dumps({"manifest": json.loads(manifest.to_json()), "renames": renames})
    _write_atomic(path / JOURNAL, pending)  # from here on, the new set is the folder's
    _roll_forward(path, (manifest, renames))
    return manifest


def _describe(folder: Path, temp: Path, final: Path, rows: int) -> TableFile:
    return TableFile(final.relative_to(folder).as_posix(), rows, temp.stat().st_size, _sha256(temp))


def _roll_forward(folder: Path, journal: tuple[Manifest, Mapping[str, str]]) -> None:
    manifest, renames = journal
    for final, temp in renames.items():
        if (folder / temp).exists():
            (folder / final).parent.mkdir(parents=True, exist_ok=True)
            os.replace(folder / temp, folder / final)
    _write_atomic(folder / MANIFEST, manifest.to_json())
    (folder / JOURNAL).unlink(missing_ok=True)


def _journal(folder: Path) -> tuple[Manifest, dict[str, str]] | None:
    try:
        data = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
        manifest = Manifest.from_json(json.dumps(data["manifest"]), folder / JOURNAL)
        return manifest, {str(k): str(v) for k, v in data["renames"].items()}
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise TableSetError(f"{folder / JOURNAL}: a damaged commit journal ({exc})") from exc


def _temporaries(folder: Path) -> list[Path]:
    """Temporary files (``.<name>.<token>.tmp``) in the folder and its table subfolders."""
    found = list(folder.glob(".*.tmp"))
    for sub in folder.iterdir():
        if sub.is_dir() and not sub.name.startswith("."):
            found += sub.glob(".*.tmp")
    return found


def _write_atomic(target: Path, text: str) -> None:
    temp = temp_beside(target)
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# --- reading ---------------------------------------------------------------------------


def read_manifest(folder: str | os.PathLike[str]) -> Manifest | None:
    """The set a folder holds: its manifest, or the one a pending commit is putting in place;
    None for a folder without one (tables written before manifests existed)."""
    path = Path(folder)
    journal = _journal(path)
    if journal is not None:
        return journal[0]
    try:
        text = (path / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return Manifest.from_json(text, path / MANIFEST)


def table_files(folder: str | os.PathLike[str], *, check: bool = True) -> dict[str, list[Path]]:
    """The files of each table of the folder's set, checked against the manifest (bytes and
    sha256; ``check=False``: only that they exist); ``{}`` for a folder without a manifest.
    A file not yet renamed by a pending commit is read under its temporary name.
    :class:`TableSetError` names the first file that does not belong."""
    path = Path(folder)
    journal = _journal(path)
    manifest = journal[0] if journal else read_manifest(path)
    if manifest is None:
        return {}
    renames = journal[1] if journal else {}
    out: dict[str, list[Path]] = {}
    for name, files in manifest.tables.items():
        out[name] = []
        for f in files:
            where = path / f.path
            if f.path in renames and (path / renames[f.path]).exists():
                where = path / renames[f.path]
            _check(path, f, where, check)
            out[name].append(where)
    return out


def _check(folder: Path, expected: TableFile, where: Path, full: bool) -> None:
    problem = ""
    try:
        size = where.stat().st_size
    except FileNotFoundError:
        problem = "is missing"
    else:
        if size != expected.bytes:
            problem = f"has {size} bytes, not the {expected.bytes} the manifest names"
        elif full and _sha256(where) != expected.sha256:
            problem = "does not have the sha256 the manifest names"
    if problem:
        raise TableSetError(
            f"{folder / expected.path} {problem}: the tables in {folder} are not the set "
            f"{MANIFEST} describes (changed since, or mixed from two runs); "
            "extract again into this folder, or into a fresh one"
        )
