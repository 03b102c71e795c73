"""PDF: the text layer in reading order, lines of one paragraph joined again.

pypdf decodes the text (with the CJK CMaps PDFs from Chinese government sites use).  Each
text run comes with its position; runs on one baseline make a line, in the order the PDF
draws them.  A line continues the paragraph of the line before when that line reached the
right margin, this one starts at the left margin (a paragraph's first line is usually
indented two characters) and this one does not begin with a heading marker (一、, （一）,
第一部分) after a sentence end.  So headings and 一是 items still start lines, as in the
plain-text reports.  A page number alone at the top or bottom of a page is dropped.  An
encrypted PDF that opens with no password is read; one that needs
a password, and a PDF without a text layer (a scan), are refused with the reason.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from extractor.errors import InputError
from extractor.io.formats import join_lines, too_long
from extractor.rules import default_rules
from extractor.text.fold import fold
from extractor.text.rx import at_position

#: What ends a line a heading's line may follow: a sentence's end, or the bracket closing a
#: task's note (…完成时限：10月底） ⏎ 7．…: a task list's item ends with its responsibility).
_SENTENCE_END = tuple("。；：！？:;!?”」）)")


def _heading() -> Any:
    """A line that begins a heading when it follows a sentence end (never joined to it):
    a numbered heading of the outline rules (``{heading_marker}``), on the folded line."""
    return default_rules().compiled(
        "pdf_heading", lambda r: at_position(r.template("heading_marker"))
    )


def _page_number() -> Any:
    """A page number alone on the first or last line of a page: dropped, so that a
    paragraph broken by the page goes on (— 3 —, 3, 第3页, 3/12; ``layout.page_number``)."""
    return default_rules().compiled(
        "pdf_page_number", lambda r: at_position(r.vocab("layout.page_number").pattern)
    )


_TOLERANCE = 0.5  # of the font size: runs this close vertically share a baseline


@dataclass(slots=True)
class _Line:
    y: float
    size: float
    x0: float
    x1: float
    text: list[str] = field(default_factory=list)

    @property
    def string(self) -> str:
        return "".join(self.text).strip()


def read_pdf(data: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str]:
    """The text layer of a PDF's bytes; :class:`InputError` for a locked or scanned PDF,
    or one whose text passes ``max_chars`` (counted page by page, as it is read)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading PDF needs pypdf ({exc})") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _unlock(reader, name)
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(_page_lines(page))
            chars += sum(len(line.string) + 1 for line in pages[-1])
            if (error := too_long(name, chars, max_chars)) is not None:
                raise error
    except InputError:
        raise
    except PdfReadError as exc:
        raise InputError(f"{name}: damaged PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises many kinds on hostile files; the batch goes on
        raise InputError(f"{name}: cannot read the PDF ({type(exc).__name__}: {exc})") from exc
    text = join_lines(_paragraphs(pages))
    if not text.strip():
        raise InputError(
            f"{name}: the PDF has no text layer ({len(pages)} pages; a scan?): run OCR on it first"
        )
    return text, "pdf"


def _unlock(reader: Any, name: str) -> None:
    """Open an encrypted PDF with the empty password, as viewers do, or refuse it."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # pypdf's DependencyError: AES needs the cryptography package
        raise InputError(f"{name}: encrypted PDF that cannot be opened ({exc})") from exc
    if not opened:
        raise InputError(f"{name}: encrypted PDF that needs a password; give it unlocked")


def _page_lines(page: Any) -> list[_Line]:
    """The page's text runs grouped into lines, in drawing order."""
    lines: list[_Line] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        m = _multiply(tm, cm)
        x, y = m[4], m[5]
        scale = (m[2] ** 2 + m[3] ** 2) ** 0.5 or 1.0
        height = (size or 1.0) * scale
        width = _em_width(text) * height
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - y) <= _TOLERANCE * max(height, last.size):
            last.text.append(text)
            last.x0, last.x1 = min(last.x0, x), max(last.x1, x + width)
        else:
            lines.append(_Line(y, height, x, x + width, [text]))

    page.extract_text(visitor_text=visit)
    lines = [line for line in lines if line.string]
    for end in (-1, 0):  # the footer first, so that the header index stays 0
        if lines and _page_number().fullmatch(lines[end].string):
            del lines[end]
    return lines


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    """Lines of text, the lines of one paragraph joined (also across a page break)."""
    out: list[str] = []
    previous: _Line | None = None
    previous_right = 0.0
    for lines in pages:
        if not lines:
            continue
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        for line in lines:
            text = line.string
            if (
                previous is not None
                and out
                and _continues(previous, previous_right, line, left, text, out[-1])
            ):
                out[-1] = _glue(out[-1], text)
            else:
                out.append(text)
            previous, previous_right = line, right
    return out


def _continues(
    prev: _Line, prev_right: float, line: _Line, left: float, text: str, before: str
) -> bool:
    full = prev.x1 >= prev_right - 2.0 * prev.size
    flush_left = line.x0 <= left + 0.6 * line.size
    heading = before.endswith(_SENTENCE_END) and _heading().match(fold(text)) is not None
    return full and flush_left and not heading


def _glue(left: str, right: str) -> str:
    """Join two pieces of a paragraph: a space only between two Latin letters (a word break)."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def _em_width(text: str) -> float:
    """The width of a text run in ems: one for a wide or ambiguous character (CJK fonts
    set “”—… full width), half for others."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
