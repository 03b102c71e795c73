"""Findings back in the draft: a copy of a .docx with each finding as a Word comment.

The copy is made from the original's bytes (the original file is only read) and written
atomically.  Offsets of findings are offsets in the text the reader extracted
(:mod:`extractor.io.formats.docx`: each paragraph a line, each table row a line of its cells
joined by tabs), so the document is walked in the same order and every paragraph, and every
table cell, is found again in that text.  Where a paragraph's text is exactly its runs' text
a comment covers exactly the finding's characters: the runs at its ends are split (a run
that holds more than text, such as a picture or a field, is not split and is covered
whole).  A table cell whose spaces the reader collapsed is covered whole.  A finding whose
text cannot be found in the document (it was edited since) gets no comment; the count of
comments written is returned.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

from extractor.io.atomic import atomic_path
from extractor.io.formats.docx import check_archive
from extractor.model import Finding

AUTHOR, INITIALS = "workreport", "WR"
#: Run children that ``Run.text`` reads and writes back unchanged: such a run can be split.
_PLAIN = frozenset(qn(f"w:{tag}") for tag in ("rPr", "t", "tab", "br", "cr"))
_BR, _BR_TYPE = qn("w:br"), qn("w:type")
_SEPARATOR = {"zh": "：", "en": ": "}


@dataclass(slots=True)
class _Segment:
    """A stretch of the extracted text and the runs that hold it."""

    start: int
    end: int
    runs: list[Any]  # docx Run objects, in order
    exact: bool  # the runs' text is exactly text[start:end]: they can be split
    lengths: list[int] = field(default_factory=list)


def annotate_docx(
    source: str | os.PathLike[str],
    text: str,
    findings: Iterable[Finding],
    target: str | os.PathLike[str],
    *,
    lang: str = "zh",
) -> int:
    """Write a copy of ``source`` with one comment per finding to ``target``; the number of
    comments written.  ``text`` is the document text the findings' offsets refer to."""
    data = Path(source).read_bytes()
    check_archive(data, str(source))
    document = Document(io.BytesIO(data))
    segments = list(_segments(document, text))
    written = 0
    for f in findings:
        runs = _anchor(segments, f.start, max(f.end, f.start + 1))
        if runs is None:
            continue
        note = f"{f.rule}{_SEPARATOR.get(lang, ': ')}{f.message}"
        document.add_comment(runs, text=note, author=AUTHOR, initials=INITIALS)
        written += 1
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(final) as temp:
        document.save(str(temp))
    return written


# --- the document's text, found again -----------------------------------------------------


def _segments(document: Any, text: str) -> Iterator[_Segment]:
    """The paragraphs and table cells of the body in reading order, placed in ``text``."""
    cursor = 0
    for block in document.iter_inner_content():
        if getattr(block, "rows", None) is None:
            runs = _runs(block)
            line = "".join(r.text for r in runs).rstrip()
            at = text.find(line, cursor) if line.strip() else -1
            if at >= 0:
                cursor = at + len(line)
                yield _segment(at, cursor, runs, exact=True)
            continue
        for row in block.rows:
            cursor = yield from _row(row, text, cursor)


def _row(row: Any, text: str, cursor: int) -> Generator[_Segment, None, int]:
    """A table row's cells (each cell once, as the reader counts them), placed in ``text``."""
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        written = " ".join(str(cell.text).split())
        at = text.find(written, cursor) if written else -1
        if at < 0:
            continue
        runs = [r for p in cell.paragraphs for r in _runs(p)]
        exact = len(cell.paragraphs) == 1 and "".join(r.text for r in runs) == written
        cursor = at + len(written)
        yield _segment(at, cursor, runs, exact=exact)
    return cursor


def _runs(paragraph: Any) -> list[Any]:
    """A paragraph's runs, those inside hyperlinks included (the text the reader read)."""
    runs: list[Any] = []
    for item in paragraph.iter_inner_content():
        runs.extend([item] if isinstance(item, Run) else item.runs)
    return runs


def _segment(start: int, end: int, runs: list[Any], *, exact: bool) -> _Segment:
    lengths = [len(r.text) for r in runs]
    return _Segment(start, end, runs, exact and sum(lengths) >= end - start, lengths)


# --- anchoring ------------------------------------------------------------------------------


def _anchor(segments: Sequence[_Segment], start: int, end: int) -> list[Any] | None:
    """The first and last run of a comment on ``[start, end)``, runs split to fit."""
    first = next((s for s in segments if s.start <= start < s.end and s.runs), None)
    last = next((s for s in reversed(segments) if s.start < end <= s.end and s.runs), None)
    if first is None or last is None:
        return None
    head = _split(first, start - first.start) if first.exact else 0
    if last.exact:
        tail = _split(last, end - last.start) - 1
        if first is last and tail < head:
            tail = head
    else:
        tail = len(last.runs) - 1
    return [first.runs[head], last.runs[max(tail, 0)]]


def _split(seg: _Segment, offset: int) -> int:
    """The index of the run that starts at ``offset`` in the segment, splitting the run
    that holds it where it can; else the index of the run that holds it."""
    at = 0
    for i, length in enumerate(seg.lengths):
        if offset == at:
            return i
        if offset < at + length:
            run = seg.runs[i]
            if not _plain(run):
                return i  # a picture, a field, a page break …: covered whole
            cut = offset - at
            whole = run.text
            twin = copy.deepcopy(run._r)
            run._r.addnext(twin)
            run.text = whole[:cut]
            after = Run(twin, run._parent)
            after.text = whole[cut:]
            seg.runs.insert(i + 1, after)
            seg.lengths[i : i + 1] = [cut, length - cut]
            return i + 1
        at += length
    return len(seg.runs)


def _plain(run: Any) -> bool:
    """Whether a run holds text only (text, tabs, line breaks), which ``Run.text`` writes
    back as it was."""
    for child in run._r:
        if child.tag not in _PLAIN:
            return False
        if child.tag == _BR and child.get(_BR_TYPE) not in (None, "textWrapping"):
            return False
    return True
