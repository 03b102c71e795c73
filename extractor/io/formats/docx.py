"""Word .docx: paragraphs and table rows in document order, after zip-bomb checks.

The archive is inspected with :mod:`zipfile` before python-docx opens it: a damaged or
truncated archive, an encrypted (OLE-wrapped) file, an archive without
``word/document.xml`` and one that would unpack to more than :data:`MAX_UNZIPPED_BYTES`
or at a ratio above :data:`MAX_RATIO` are refused by their sizes, before any
decompression.  Each paragraph is a line; each table row is a line of its cells joined
by tabs (a cell merged across columns counts once).  Word's automatic list numbering is
not part of the text, so headings numbered by Word rather than typed lose their marker.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from extractor.errors import InputError
from extractor.io.formats import join_lines

#: The most bytes the members of a .docx may unpack to (the text of the longest reports
#: is a few MB; images and fonts make up the rest).
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
#: The highest compression ratio accepted for a member larger than 1 MB (XML compresses
#: about 5–20 times; a zip bomb thousands of times).
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes, name: str) -> tuple[str, str]:
    """The text of a .docx file's bytes; :class:`InputError` when it is not a usable one."""
    check_archive(data, name)
    try:
        from docx import Document
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading .docx needs python-docx ({exc})") from exc
    try:
        document = Document(io.BytesIO(data))
        lines = [_block_text(block) for block in document.iter_inner_content()]
    except Exception as exc:  # python-docx raises KeyError, lxml errors, zip errors …
        raise InputError(f"{name}: damaged .docx ({type(exc).__name__}: {exc})") from exc
    text = join_lines(lines)
    if not text.strip():
        raise InputError(f"{name}: the .docx holds no text")
    return text, "docx"


def check_archive(data: bytes, name: str) -> None:
    """Refuse what is not a sound, reasonably sized .docx archive, by its directory only."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"{name}: an OLE compound file, not a .docx archive: a password-protected "
            "(encrypted) Word file or a legacy .doc renamed; save it unencrypted as .docx"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputError(f"{name}: not a valid .docx (damaged or truncated zip: {exc})") from exc
    if not any(m.filename == "word/document.xml" for m in members):
        raise InputError(f"{name}: a zip archive without word/document.xml, not a .docx")
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(
            f"{name}: would unpack to {total} bytes, more than the limit of "
            f"{MAX_UNZIPPED_BYTES} (a zip bomb?); refused before decompression"
        )
    for m in members:
        ratio = m.file_size // max(m.compress_size, 1)
        if m.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(
                f"{name}: member {m.filename!r} is compressed {ratio} times "
                f"(limit {MAX_RATIO}; a zip bomb?); refused before decompression"
            )


def _block_text(block: Any) -> str:
    """A paragraph's text, or a table's rows as lines of tab-separated cells."""
    rows = getattr(block, "rows", None)
    if rows is None:
        return str(block.text)  # a manual line break (Shift+Enter) stays a line break
    lines = []
    for row in rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(str(cell.text).split()))
        lines.append("\t".join(cells).strip())
    return "\n".join(line for line in lines if line)
