"""Readers for formats other than plain text: Word (.docx), PDF and HTML pages.

Each reader takes the file's bytes and returns the text the parser sees, one paragraph,
heading or table row a line, so that outline markers (一、, （一）, 一是) still start lines.
Offsets in every table refer to this extracted text (``--with-text`` exports it).  A file
that cannot be read is an :class:`~extractor.errors.InputError` saying why; the readers'
libraries (python-docx, pypdf, lxml) are imported only when such a file is read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor.errors import InputError

#: Extensions read by a format reader, and the label the documents table shows as encoding.
FORMAT_SUFFIXES = frozenset({".docx", ".pdf", ".html", ".htm"})
#: Extensions recognised but refused, with the reason.
REFUSED = {
    ".doc": "legacy Word .doc (binary) is not supported; save it as .docx or .txt",
    ".wps": "WPS documents are not supported; save it as .docx or .txt",
    ".rtf": "RTF is not supported; save it as .docx or .txt",
}


def extract_text(path: Path, data: bytes, *, max_chars: int | None = None) -> tuple[str, str]:
    """The text of a .docx, .pdf or .html file and the label of how it was read; a reader
    refuses a text longer than ``max_chars`` as soon as it finds it out (.docx and .pdf
    while they stream, page by page or block by block)."""
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{path}: {REFUSED[suffix]}")
    reader = _reader(suffix)
    return reader(data, str(path), max_chars=max_chars)


def too_long(name: str, chars: int, max_chars: int | None) -> InputError | None:
    """The error for a text of ``chars`` characters over ``max_chars`` (None: within it)."""
    if max_chars is None or chars <= max_chars:
        return None
    return InputError(
        f"{name}: its text passes the limit of {max_chars} characters (--max-chars); "
        "refused while reading"
    )


def _reader(suffix: str) -> Callable[..., tuple[str, str]]:
    if suffix == ".docx":
        from extractor.io.formats.docx import read_docx

        return read_docx
    if suffix == ".pdf":
        from extractor.io.formats.pdf import read_pdf

        return read_pdf
    if suffix in {".html", ".htm"}:
        from extractor.io.formats.html import read_html

        return read_html
    raise InputError(f"unsupported format {suffix!r}")


def join_lines(lines: list[str]) -> str:
    """Non-empty lines, stripped of trailing spaces, one a line, ending with a newline."""
    kept = [line.rstrip() for line in lines]
    text = "\n".join(line for line in kept if line.strip())
    return text + "\n" if text else ""
