"""Reading input files as text: encoding detection, binary and empty checks, batch inputs.

A document's text is the strictly decoded file with the BOM removed and ``\\r\\n``/``\\r``
turned into ``\\n`` (SPEC §1).  Decoding is tried in a fixed order and (but for what
follows) never with replacement characters: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32),
else UTF-8; then GB18030 (a superset of GBK and GB2312) and Big5, which often both decode the same
bytes: the one whose Chinese characters are more often common ones wins (GB2312's first
level for GB18030, Big5's frequent-character block for Big5).  A file that decodes in none
of them, or only into implausible text, is an :class:`InputError` naming the file.

``.md`` files lose their markup (:mod:`extractor.io.formats.markdown`); ``.docx``, ``.pdf``
and ``.html``/``.htm`` files are read by :mod:`extractor.io.formats`;
their extracted text is the document's text.  No file larger than :data:`MAX_FILE_BYTES`
is read (its size is checked first), and with ``max_chars`` none larger than that many
characters can take (:func:`byte_limit`); a text file's first 64 kB are looked at first.

Decoding is strict with three exceptions, each named in the document's ``warning``: a
character cut off at the very end of the file (a copy that stopped early) is dropped; UTF-8
text with a few damaged bytes (at most 8, one in 1,000) has each bad sequence read as
U+FFFD; and nothing else.  A byte-order mark that contradicts the body (a UTF-16 mark
before UTF-8 text) and a legacy decoding that yields uncommon characters (Shift-JIS read as
GB18030) are refused rather than read as mojibake.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import InputError
from extractor.io.decoding import decode_bytes as decode_bytes  # re-exported: the public API
from extractor.io.decoding import decode_document, has_bom, normalise_text
from extractor.io.formats import FORMAT_SUFFIXES, REFUSED, extract_text
from extractor.io.formats.markdown import markdown_text

#: Extensions read as plain text.
TEXT_SUFFIXES = frozenset({".txt", ".md"})
#: Extensions read: plain text and the formats of :mod:`extractor.io.formats`.
READ_SUFFIXES = TEXT_SUFFIXES | FORMAT_SUFFIXES
#: Extensions a batch picks up: those read, and those refused with a reason (.doc …),
#: so the user sees which files were left out instead of losing them silently.
KNOWN_SUFFIXES = READ_SUFFIXES | frozenset(REFUSED)
#: The largest file read at all (a batch's ``--max-chars`` usually refuses far earlier).
MAX_FILE_BYTES = 1 << 30
#: The longest document a batch reads by default (``--max-chars``; 0 or None: no bound):
#: 35 times the longest real report (57,000 characters), parsed in seconds.  A file is
#: measured against it before it is read (:func:`byte_limit`).
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input file read as text, before parsing."""

    doc_id: str
    path: str
    series: str
    text: str
    encoding: str
    sha256: str
    warning: str = ""  # what the row should say though the file was read (a cut character)


def doc_id_for(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str:
    """The path relative to the batch root, without extension: ``state-council/2003``."""
    file = Path(path)
    base = Path(root) if root is not None else file.parent
    try:
        rel = file.relative_to(base)
    except ValueError:
        rel = Path(file.name)
    return shown(rel.with_suffix("").as_posix())


def series_for(path: str | os.PathLike[str]) -> str:
    """The default series of a file: the name of the folder it sits in (not the folder a
    link leads to; ``os.path.realpath`` of the folder, which never raises on a loop)."""
    return shown(Path(os.path.realpath(Path(path).absolute().parent)).name)


def read_document(
    path: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    *,
    doc_id: str | None = None,
    series: str | None = None,
    max_chars: int | None = None,
) -> RawDocument:
    """Read one file as a document's text; :class:`InputError` when it is not readable text.

    With ``max_chars`` the file's size is bounded before it is read (:func:`byte_limit`)
    and a .docx, .pdf or page whose text passes it is refused while it is read."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{file}: {REFUSED[suffix]}")
    if suffix not in READ_SUFFIXES:
        supported = ", ".join(sorted(READ_SUFFIXES))
        raise InputError(
            f"{file}: unsupported format {suffix or '(no extension)'!r}; supported: {supported}"
        )
    name = shown(str(file))
    text_file = suffix in TEXT_SUFFIXES
    data = read_bytes(
        file, byte_limit(file, max_chars), sniff=_sniff if text_file else None, chars=max_chars
    )
    warning = ""
    if text_file:
        text, encoding, warning = decode_document(data, name=name)
        if suffix == ".md":
            text = markdown_text(text)
            if not text.strip():
                raise InputError(f"{name}: empty file (Markdown markup only)")
    else:
        if not data.strip():
            raise InputError(f"{name}: empty file ({len(data)} bytes)")
        text, encoding = extract_text(file, data, max_chars=max_chars)
        text = normalise_text(text)
    return RawDocument(
        doc_id=doc_id if doc_id is not None else doc_id_for(file, root),
        path=name,
        series=series if series is not None else series_for(file),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        warning=warning,
    )


#: The bytes a file may take per character of ``max_chars``: text takes at most four (UTF-8,
#: GB18030, UTF-32), a page's markup more, a .docx or .pdf also holds images and fonts.
_BYTES_PER_CHAR = {".txt": 4, ".md": 4, ".html": 32, ".htm": 32, ".docx": 64, ".pdf": 64}


def byte_limit(file: Path, max_chars: int | None) -> int:
    """The most bytes ``file`` may have to be read at all, for ``max_chars`` characters of
    text: checked before a byte is read (see :data:`_BYTES_PER_CHAR`), never over
    :data:`MAX_FILE_BYTES`."""
    if max_chars is None:
        return MAX_FILE_BYTES
    per_char = _BYTES_PER_CHAR.get(file.suffix.lower(), 4)
    return min(MAX_FILE_BYTES, max_chars * per_char + 4)


#: How much of a text file is looked at before the rest is read, and how much is read at once.
_SNIFF_BYTES, _READ_BLOCK = 1 << 16, 1 << 22


def read_bytes(
    file: Path,
    limit: int | None = None,
    *,
    sniff: Callable[[bytes, str], None] | None = None,
    chars: int | None = None,
) -> bytes:
    """A regular file's bytes, its size checked before reading (no device, FIFO or folder);
    ``limit`` defaults to :data:`MAX_FILE_BYTES` (``chars``: the --max-chars it comes
    from, for the message).  ``sniff`` looks at the first 64 kB before the rest is read
    (and raises to refuse the file: binary, say)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    name = shown(str(file))
    if file.is_symlink() and not file.exists():
        raise InputError(f"{name}: broken symbolic link (its target does not exist)")
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name}: not a regular file")
    if info.st_size > limit:
        bound = (
            f"too long for the limit of {chars} characters (--max-chars)"
            if chars
            else f"more than the limit of {limit} bytes"
        )
        raise InputError(f"{name}: {info.st_size} bytes, {bound}; not read")
    with file.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        if sniff is not None:
            sniff(head, name)
        blocks, size = [head], len(head)
        while size <= limit and (block := handle.read(min(_READ_BLOCK, limit + 1 - size))):
            blocks.append(block)  # a block at a time: read(limit) allocates the limit
            size += len(block)
    if size > limit:  # it grew since it was measured
        raise InputError(f"{name}: more than the limit of {limit} bytes; not read")
    return b"".join(blocks)


def _sniff(head: bytes, name: str) -> None:
    """Refuse a text file as binary from its first bytes: NUL bytes without a UTF-16 or
    UTF-32 byte-order mark (a gigabyte of NULs is not read to find that out)."""
    if b"\x00" in head and not has_bom(head):
        raise InputError(f"{name}: binary file (NUL bytes; or UTF-16 without a byte-order mark)")


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False
) -> list[tuple[Path, Path]]:
    """Files to read, each with its batch root: files as given, folders recursively, sorted.

    A folder contributes its files with a known extension (``KNOWN_SUFFIXES``), skipping
    hidden files and folders, annotation ``.json`` files and the folder's own README; it
    is the root of its files' doc ids.  A file given by name is taken whatever its
    extension (an unsupported one becomes an error row); its root is its folder.  A path
    that does not exist is an :class:`InputError`.  A file reached twice is listed once.

    Nothing found is dropped in silence: a broken link, a link loop, a FIFO or device, and
    a folder that cannot be listed are listed themselves, and reading them gives their
    error rows (:func:`check_input`).  A symbolic link to a folder is walked when it leads
    inside the folder being walked (each real folder once: no loop), or anywhere with
    ``follow_links``; otherwise the link is listed and its row says why it was not walked.
    """
    found: list[tuple[Path, Path]] = []
    seen: set[str] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            pairs = [(f, path) for f in _walk(path, follow_links=follow_links)]
        elif path.exists() or path.is_symlink():  # a broken link becomes an error row
            pairs = [(path, path.parent)]
        else:
            raise InputError(f"{shown(str(path))}: no such file or folder")
        for file, root in pairs:
            key = os.path.realpath(file)  # never raises: a link loop is its own key
            if key not in seen:
                seen.add(key)
                found.append((file, root))
    return found


#: A folder's own documentation, not a report: skipped when walking a folder.
FOLDER_DOCS = frozenset({"README", "LICENSE", "CHANGELOG", "CONTRIBUTING"})


def _walk(folder: Path, *, follow_links: bool) -> list[Path]:
    """The inputs under ``folder``: its report files, and the entries that must be rows
    (links that are broken, loop or lead outside, folders that cannot be listed)."""
    root = os.path.realpath(folder)
    files: list[Path] = []
    walked = {root}
    todo, linked = [folder], list[Path]()  # linked folders: after every real one
    while todo or linked:
        if todo:
            current = todo.pop()
        else:  # a linked folder, unless its target was walked already (also: a loop)
            current = linked.pop(0)
            target = os.path.realpath(current)
            if target in walked:
                continue
            walked.add(target)
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            files.append(current)  # its row says why it could not be listed
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not os.path.isdir(target):
                    if _is_report_name(name):
                        files.append(path)  # followed or not, loop or broken: see check_input
                elif _within(target, root) or follow_links:
                    linked.append(path)
                else:
                    files.append(path)  # a folder outside: its row says so
            elif entry.is_dir(follow_symlinks=False):
                walked.add(os.path.realpath(path))
                todo.append(path)
            elif _is_report_name(name):
                files.append(path)
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def _is_report_name(name: str) -> bool:
    stem, suffix = Path(name).stem.upper(), Path(name).suffix.lower()
    return stem not in FOLDER_DOCS and suffix in KNOWN_SUFFIXES


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_input(
    file: Path, root: str | os.PathLike[str] | None = None, *, follow_links: bool = False
) -> str:
    """Refuse, before anything is read, what a listed input must not be read as: a link
    loop, a broken link, a folder (that could not be listed), a link that leads outside
    ``root`` (unless ``follow_links``).  :class:`InputError` naming the file; else the
    warning its row carries ("" when none): where a followed link led, a file name that
    is not valid UTF-8."""
    name = shown(str(file))
    warnings = []
    if name != str(file):
        warnings.append("the file name is not valid UTF-8 (shown with \\x escapes)")
    try:
        info = file.stat()
    except OSError as exc:
        if file.is_symlink() and exc.errno == errno.ELOOP:
            raise InputError(f"{name}: symbolic link loop ({exc.strerror}); not read") from exc
        if file.is_symlink():
            raise InputError(f"{name}: broken symbolic link (its target does not exist)") from exc
        raise
    target = os.path.realpath(file)
    base = os.path.realpath(root if root is not None else file.parent)
    if not _within(target, base):
        what = "folder" if stat.S_ISDIR(info.st_mode) else "file"
        if not follow_links:
            raise InputError(
                f"{name}: a symbolic link to a {what} outside the input folder "
                f"({shown(target)}); not read (--follow-links reads it)"
            )
        warnings.append(f"a symbolic link to {shown(target)}, outside the input folder, followed")
    if stat.S_ISDIR(info.st_mode):
        try:
            os.listdir(file)
        except OSError as exc:
            raise InputError(
                f"{name}: a folder that cannot be listed ({exc.strerror}); its files are missing"
            ) from exc
        raise InputError(f"{name}: a folder, not a report file")
    return "; ".join(warnings)


def shown(text: str) -> str:
    """``text`` as every table and terminal can hold it: the bytes of a file name that are
    not valid UTF-8 (which Python keeps as lone surrogates) as ``\\x`` escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape" if _escaped_only(text) else "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _escaped_only(text: str) -> bool:
    return all(not ("\ud800" <= ch <= "\udfff") or "\udc80" <= ch <= "\udcff" for ch in text)


def unique_doc_ids(inputs: Sequence[tuple[Path, Path]]) -> list[str]:
    """Doc ids for a batch, unique: a repeated id gets ``~2``, ``~3`` … in input order."""
    ids: list[str] = []
    taken: set[str] = set()
    for file, root in inputs:
        base = doc_id = doc_id_for(file, root)
        n = 1
        while doc_id in taken:
            n += 1
            doc_id = f"{base}~{n}"
        taken.add(doc_id)
        ids.append(doc_id)
    return ids
