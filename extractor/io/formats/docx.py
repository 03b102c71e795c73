"""Word .docx: paragraphs and table rows in document order, read as a stream.

The archive is inspected with :mod:`zipfile` first: a damaged or truncated archive, an
encrypted (OLE-wrapped) file, an archive without ``word/document.xml`` and one whose
directory declares more than :data:`MAX_UNZIPPED_BYTES` or a ratio above :data:`MAX_RATIO`
are refused before any decompression.  The directory can lie (a member declared as 10 kB
that inflates to 2 GB), so ``word/document.xml`` is then inflated a block at a time with a
running count (:class:`_Counted`: past :data:`MAX_UNZIPPED_BYTES` it stops) and parsed as
it streams (``lxml.etree.iterparse``): each paragraph or table of the body is turned into
its lines and dropped, and the text is counted, so that a document whose text would pass
``max_chars`` is refused while it is read, never built whole.  Memory is the text, not the
XML (a 300 MB ``document.xml`` took 6 GB through python-docx's object tree).

The lines are those python-docx gives (``tests/io/test_docx.py`` compares the two): each
body paragraph is a line, the text of its runs and hyperlinks (``w:t``; ``w:tab`` and
``w:ptab`` a tab; ``w:br`` of a line break and ``w:cr`` a line break; ``w:noBreakHyphen``
a hyphen); each table row is a line of its cells joined by tabs, a cell's paragraphs
joined and its whitespace collapsed, a cell merged across columns once, a cell merged
down from the one above repeating its text.  Word's automatic list numbering is not part
of the text, so headings numbered by Word rather than typed lose their marker.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO, Any

from extractor.errors import InputError
from extractor.io.formats import join_lines, too_long

#: The most bytes the members of a .docx may unpack to (the text of the longest reports
#: is a few MB; images and fonts make up the rest), and ``word/document.xml`` may inflate to.
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
#: The highest compression ratio accepted for a member larger than 1 MB (XML compresses
#: about 5–20 times; a zip bomb thousands of times).
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCK = 1 << 16
#: What a run's inner elements stand for (python-docx's ``str()`` of each).
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_P, _R, _TBL, _BODY = f"{_W}p", f"{_W}r", f"{_W}tbl", f"{_W}body"
#: The elements the text is read from; every other one is dropped when it ends (formatting,
#: and what python-docx does not read either: runs inside w:ins, w:sdt, w:smartTag …).
_KEPT = frozenset(
    f"{_W}{tag}"
    for tag in ("document", "body", "p", "r", "t", "br", "hyperlink", "tbl", "tr", "tc",
                "tcPr", "gridSpan", "vMerge", "trPr", "gridBefore", "tab", "ptab", "cr",
                "noBreakHyphen")
)  # fmt: skip


def read_docx(data: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str]:
    """The text of a .docx file's bytes; :class:`InputError` when it is not a usable one,
    or when its text passes ``max_chars`` characters (found while it streams)."""
    check_archive(data, name)
    try:
        from lxml import etree  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading .docx needs lxml ({exc})") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(_MAIN) as member:
            lines = _Body(name, max_chars).read(etree, _Counted(member, name))
    except InputError:
        raise
    except Exception as exc:  # lxml syntax errors, a bad CRC, zlib errors …
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
    if not any(m.filename == _MAIN for m in members):
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


class _Counted(io.RawIOBase):
    """A zip member read a block at a time (zipfile inflates at most what is asked for in
    one call: reading a member whole asks for 2 GB), counting what it really inflates to;
    past :data:`MAX_UNZIPPED_BYTES` it stops with an :class:`InputError`."""

    def __init__(self, member: IO[bytes], name: str) -> None:
        super().__init__()
        self._member, self._name, self.count = member, name, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        block = self._member.read(_BLOCK if size is None or size < 0 else min(size, _BLOCK))
        self.count += len(block)
        if self.count > MAX_UNZIPPED_BYTES:
            raise InputError(
                f"{self._name}: {_MAIN} inflates to more than {MAX_UNZIPPED_BYTES} bytes "
                "(more than its zip directory declared?); refused while decompressing"
            )
        return block


class _Body:
    """The lines of a document's body, built as its XML streams by."""

    def __init__(self, name: str, max_chars: int | None) -> None:
        self.name, self.max_chars, self.chars = name, max_chars, 0
        self.lines: list[str] = []

    def read(self, etree: Any, source: io.RawIOBase) -> list[str]:
        """Each element is looked at when it ends: a run is cut down to its text (or
        dropped when it has none), what holds no text is dropped, and a paragraph or table
        of the body becomes its line and is dropped: memory holds the current block."""
        events = etree.iterparse(
            source, events=("end",), resolve_entities=False, no_network=True, huge_tree=True
        )
        for _, element in events:
            parent = element.getparent()
            if parent is None:
                continue
            tag = element.tag
            if tag == _R:
                text = _run(element)
                element.clear()
                if text:
                    element.text = text  # the run's text, held where its markup was
                    self._count(len(text))
                else:
                    parent.remove(element)
            elif tag not in _KEPT:
                parent.remove(element)
            elif parent.tag == _BODY and tag in (_P, _TBL):
                self.lines.append(_paragraph(element) if tag == _P else _table(element))
                parent.remove(element)
        return self.lines

    def _count(self, chars: int) -> None:
        self.chars += chars
        error = too_long(self.name, self.chars, self.max_chars)
        if error is not None:
            raise error


def _paragraph(p: Any) -> str:
    """A paragraph's text: its runs and the runs of its hyperlinks (direct children; each
    run already cut down to its text)."""
    parts = []
    for child in p:
        if child.tag == _R:
            parts.append(child.text or "")
        elif child.tag == f"{_W}hyperlink":
            parts.extend(r.text or "" for r in child if r.tag == _R)
    return "".join(parts)


def _run(r: Any) -> str:
    """A run's text (python-docx's ``Run.text``)."""
    parts = []
    for child in r:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}br":
            kind = child.get(f"{_W}type")
            parts.append("\n" if kind in (None, "textWrapping") else "")
        elif tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[tag])
    return "".join(parts)


def _table(tbl: Any) -> str:
    """A table's rows as lines of tab-separated cells (empty rows dropped)."""
    lines = []
    above: dict[int, str] = {}  # grid offset → the text of the cell there in the row above
    for tr in tbl.iterchildren(f"{_W}tr"):
        offset = _int(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
        here: dict[int, str] = {}
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = _int(None if props is None else props.find(f"{_W}gridSpan"), 1)
            merge = None if props is None else props.find(f"{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                text = above.get(offset, "")  # merged down: the text of the cell it continues
            else:
                text = "\n".join(_paragraph(p) for p in tc.iterchildren(_P))
                text = " ".join(text.split())
            here[offset] = text
            cells.append(text)
            offset += span
        above = here
        lines.append("\t".join(cells).strip())
    return "\n".join(line for line in lines if line)


def _int(element: Any, default: int) -> int:
    try:
        return int(element.get(f"{_W}val"))
    except (AttributeError, TypeError, ValueError):
        return default
