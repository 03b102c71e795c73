"""Reading input files as text: encoding detection, binary and empty checks, batch inputs.

A document's text is the strictly decoded file with the BOM removed and ``\\r\\n``/``\\r``
turned into ``\\n`` (SPEC §1).  Decoding is tried in a fixed order and never with
replacement characters: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32), otherwise UTF-8;
then GB18030 (a superset of GBK and GB2312) and Big5, which often both decode the same
bytes: the one whose Chinese characters are more often common ones wins (GB2312's first
level for GB18030, Big5's frequent-character block for Big5).  A file that decodes in none
of them, or only into implausible text, is an :class:`InputError` naming the file.

``.md`` files lose their markup (:mod:`extractor.io.formats.markdown`); ``.docx``, ``.pdf``
and ``.html``/``.htm`` files are read by :mod:`extractor.io.formats`;
their extracted text is the document's text.  No file larger than :data:`MAX_FILE_BYTES`
is read (its size is checked first).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import InputError
from extractor.io.formats import FORMAT_SUFFIXES, REFUSED, extract_text
from extractor.io.formats.markdown import markdown_text
from extractor.text.fold import without_surrogates

#: Extensions read as plain text.
TEXT_SUFFIXES = frozenset({".txt", ".md"})
#: Extensions read: plain text and the formats of :mod:`extractor.io.formats`.
READ_SUFFIXES = TEXT_SUFFIXES | FORMAT_SUFFIXES
#: Extensions a batch picks up: those read, and those refused with a reason (.doc …),
#: so the user sees which files were left out instead of losing them silently.
KNOWN_SUFFIXES = READ_SUFFIXES | frozenset(REFUSED)
#: The largest file read at all (a batch's ``--max-chars`` usually refuses far earlier).
MAX_FILE_BYTES = 1 << 30

#: (BOM, codec, label): the longer UTF-32 BOM must be tested before UTF-16's.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_MAX_CONTROL_SHARE = 0.02
_MAX_ODD_SHARE = 0.01
_ODD_CATEGORIES = frozenset({"Co", "Cn", "Cc"})


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input file read as text, before parsing."""

    doc_id: str
    path: str
    series: str
    text: str
    encoding: str
    sha256: str


def doc_id_for(path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> str:
    """The path relative to the batch root, without extension: ``state-council/2003``."""
    file = Path(path)
    base = Path(root) if root is not None else file.parent
    try:
        rel = file.relative_to(base)
    except ValueError:
        rel = Path(file.name)
    return rel.with_suffix("").as_posix()


def series_for(path: str | os.PathLike[str]) -> str:
    """The default series of a file: the name of the folder it sits in."""
    return Path(path).resolve().parent.name


def read_document(
    path: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    *,
    doc_id: str | None = None,
    series: str | None = None,
) -> RawDocument:
    """Read one file as a document's text; :class:`InputError` when it is not readable text."""
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{file}: {REFUSED[suffix]}")
    if suffix not in READ_SUFFIXES:
        supported = ", ".join(sorted(READ_SUFFIXES))
        raise InputError(
            f"{file}: unsupported format {suffix or '(no extension)'!r}; supported: {supported}"
        )
    data = read_bytes(file)
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_bytes(data, name=str(file))
        if suffix == ".md":
            text = markdown_text(text)
            if not text.strip():
                raise InputError(f"{file}: empty file (Markdown markup only)")
    else:
        if not data.strip():
            raise InputError(f"{file}: empty file ({len(data)} bytes)")
        text, encoding = extract_text(file, data)
        text = normalise_text(text)
    return RawDocument(
        doc_id=doc_id if doc_id is not None else doc_id_for(file, root),
        path=str(file),
        series=series if series is not None else series_for(file),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def read_bytes(file: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, its size checked before reading (no device, FIFO or folder);
    ``limit`` defaults to :data:`MAX_FILE_BYTES`."""
    limit = MAX_FILE_BYTES if limit is None else limit
    if file.is_symlink() and not file.exists():
        raise InputError(f"{file}: broken symbolic link (its target does not exist)")
    info = file.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{file}: not a regular file")
    if info.st_size > limit:
        raise InputError(f"{file}: {info.st_size} bytes, more than the limit of {limit} bytes")
    with file.open("rb") as handle:
        return handle.read(limit + 1)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes strictly; the text (BOM removed, newlines ``\\n``) and encoding."""
    if not data.strip():
        raise InputError(f"{name}: empty file ({len(data)} bytes)")
    text, encoding = _decode(data, name)
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{name}: empty file (whitespace only)")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary file (too many control characters), not text")
    return text, encoding


def normalise_text(text: str) -> str:
    """Drop a leading BOM, turn ``\\r\\n`` and ``\\r`` into ``\\n``, and a lone surrogate
    (a damaged PDF's text layer can hold one; no UTF-8 table can) into U+FFFD, one for one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return without_surrogates(text)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {exc.start + len(bom)})"
                ) from exc
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (NUL bytes; or UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec, label, score in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _share(text, _is_odd) <= _MAX_ODD_SHARE:
            candidates.append((score(text), label, text))
    if candidates:  # the most common characters win; GB18030 on a tie (listed first)
        _, label, text = max(candidates, key=lambda c: c[0])
        return text, label
    raise InputError(
        f"{name}: cannot be decoded as UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5 "
        "(or it yields unlikely characters: another encoding?); convert it to UTF-8 and try again"
    )


#: The CJK Unified Ideographs block (U+4E00–U+9FFF), as code points: the characters whose
#: codes tell the two encodings apart.
_HAN_FIRST, _HAN_LAST = 0x4E00, 0x9FFF


def _common_share(text: str, codec: str, low: bytes, high: bytes) -> float:
    """The share of Chinese characters whose two-byte code in ``codec`` is in [low, high].

    GB2312's first level (``B0A1``–``D7FE``, 3,755 characters) and Big5's frequent block
    (``A440``–``C67E``, 5,401) hold nearly every character of a real report; the bytes of
    one encoding read as the other yield many characters outside them."""
    sample = [ch for ch in text[:20_000] if _HAN_FIRST <= ord(ch) <= _HAN_LAST]
    if not sample:
        return 0.0
    common = 0
    for ch in sample:
        try:
            code = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        common += low <= code <= high
    return common / len(sample)


#: (codec, label, score): the legacy encodings tried after UTF-8, best score first.
_LEGACY: tuple[tuple[str, str, Callable[[str], float]], ...] = (
    ("gb18030", "gb18030", lambda t: _common_share(t, "gb2312", b"\xb0\xa1", b"\xd7\xfe")),
    ("big5", "big5", lambda t: _common_share(t, "big5", b"\xa4\x40", b"\xc6\x7e")),
    ("cp950", "cp950", lambda t: _common_share(t, "cp950", b"\xa4\x40", b"\xc6\x7e") - 0.01),
)


#: C0 and C1 controls but the allowed ones; counted by a scan, not a test per character
#: (that loop alone cost a tenth of a whole extraction).
_CONTROLS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)]
                  if chr(c) not in _ALLOWED_CONTROLS) + "]"
)  # fmt: skip


def _control_share(text: str) -> float:
    """The share of control characters among the first 100,000."""
    sample = text[:100_000]
    return len(_CONTROLS.findall(sample)) / max(len(sample), 1)


def _is_odd(ch: str) -> bool:
    """A character that GB18030 yields from bytes of another encoding, rarely from Chinese."""
    return ch > "\uffff" or (unicodedata.category(ch) in _ODD_CATEGORIES and ch not in "\t\n\r")


def _share(text: str, test: Callable[[str], bool]) -> float:
    """The share of characters passing ``test`` among the first 100,000."""
    sample = text[:100_000]
    return sum(1 for ch in sample if test(ch)) / max(len(sample), 1)


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, Path]]:
    """Files to read, each with its batch root: files as given, folders recursively, sorted.

    A folder contributes its files with a known extension (``KNOWN_SUFFIXES``), skipping
    hidden files and folders, annotation ``.json`` files and the folder's own README; it
    is the root of its files' doc ids.  A file given by name is taken whatever its
    extension (an unsupported one becomes an error row); its root is its folder.  A path
    that does not exist is an :class:`InputError` (a broken symbolic link is listed: it
    becomes an error row).  A file reached twice is listed once.
    """
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            pairs = [(f, path) for f in _walk(path)]
        elif path.exists() or path.is_symlink():  # a broken link becomes an error row
            pairs = [(path, path.parent)]
        else:
            raise InputError(f"{path}: no such file or folder")
        for file, root in pairs:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append((file, root))
    return found


#: A folder's own documentation, not a report: skipped when walking a folder.
FOLDER_DOCS = frozenset({"README", "LICENSE", "CHANGELOG", "CONTRIBUTING"})


def _walk(folder: Path) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            stem, suffix = Path(name).stem.upper(), Path(name).suffix.lower()
            if name.startswith(".") or stem in FOLDER_DOCS or suffix not in KNOWN_SUFFIXES:
                continue
            files.append(Path(dirpath) / name)
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


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
