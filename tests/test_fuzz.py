"""Fuzzing with hypothesis: arbitrary text, mutated real reports, hostile bytes per format.

``parse`` never raises; every span holds ``text[start:end]``; sections nest inside their
parent; measures sit inside their section and inside their parent measure.  The readers raise
nothing but :class:`InputError` on any bytes.  The example counts are explicit (about
2,000 here, with ``tests/test_properties.py`` some 2,900), sized so the suite stays quick.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import CORPORA, shared_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import parse
from extractor.errors import InputError
from extractor.io.reading import decode_bytes, read_document

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
WINDOW = 4_000  # characters of a report per example: enough for several sections


def _reports() -> list[str]:
    """The sample reports and, where present, a few real ones (read here, never copied)."""
    files = sorted(CORPORA.glob("*.txt")) + shared_files()[::25][:12]
    return [read_document(f).text for f in files]


REPORTS = _reports()
MARKERS = ["一、", "二、", "（一）", "（二）", "1.", "（1）", "一是", "二是", "第一，", "第二部分",
           "\n", "\n\n", "。", "；", "：", "——", "\u3000\u3000", "X", "×××", "亿元", "%", "“", "”"]  # fmt: skip


def check(text: str) -> None:
    """Parse ``text`` and check every invariant of the report."""
    report = parse(text)
    norm = report.text
    assert report.document.chars == len(norm)
    spans = [*report.sections, *report.measures, *report.claims, *report.placeholders,
             *report.campaigns]  # fmt: skip
    for span in spans:
        assert 0 <= span.start <= span.end <= len(norm)
        assert norm[span.start : span.end] == span.text, span
    sections = {s.section_id: s for s in report.sections}
    for sec in report.sections:
        if sec.parent_id is not None:
            parent = sections[sec.parent_id]
            assert parent.start <= sec.start <= sec.end <= parent.end
            assert parent.level < sec.level
    measures = {m.measure_id: m for m in report.measures}
    for m in report.measures:
        if m.section_id is not None:
            assert sections[m.section_id].start <= m.start
            assert m.end <= sections[m.section_id].end
        if m.parent_id is not None:
            parent = measures[m.parent_id]
            assert parent.start <= m.start <= m.end <= parent.end, (parent, m)


@settings(FUZZ, max_examples=500)
@given(st.text(max_size=300))
def test_parse_holds_on_arbitrary_unicode(text):
    check(text)


@st.composite
def mutated_report(draw: st.DrawFn) -> str:
    """A window of a real report with a few deletions, repeats, swaps and insertions."""
    text = draw(st.sampled_from(REPORTS))
    start = draw(st.integers(0, max(0, len(text) - WINDOW)))
    text = text[start : start + WINDOW]
    for _ in range(draw(st.integers(1, 5))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        kind = draw(st.sampled_from(["delete", "repeat", "insert", "marker", "swap", "cut"]))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "repeat":
            text = text[:j] + text[i:j] + text[j:]
        elif kind == "insert":
            text = text[:i] + draw(st.text(max_size=8)) + text[i:]
        elif kind == "marker":
            text = text[:i] + draw(st.sampled_from(MARKERS)) + text[i:]
        elif kind == "swap":
            k = draw(st.integers(j, min(n, j + 200)))
            text = text[:i] + text[j:k] + text[i:j] + text[k:]
        else:
            text = text[:i]
    return text


@settings(FUZZ, max_examples=600)
@given(mutated_report())
def test_parse_holds_on_mutated_real_reports(text):
    check(text)


@settings(FUZZ, max_examples=400)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).flatmap(
            lambda t: st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-32"]).map(
                lambda codec: t.encode(codec)
            )
        ),
    )
)
def test_decoding_any_bytes_gives_text_or_an_input_error(data):
    try:
        text, encoding = decode_bytes(data)
    except InputError:
        return
    assert "\r" not in text and not text.startswith("\ufeff") and text.strip()
    assert encoding


HTML_PIECES = ["<p>", "</p>", "<div>", "<br>", "<script>", "</script>", "<nav>", "<td>", "<tr>",
               "<table>", "<!--", "-->", "<article>", "&nbsp;", "&#0;", "&#xD800;", "<meta charset='gbk'>",
               "<pre>", "\u3000", "一、", "一是", "\n", "<", ">", "&"]  # fmt: skip


@settings(FUZZ, max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=5)), max_size=30))
def test_html_reader_on_any_markup(tmp_path_factory, pieces):
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text("".join(pieces), encoding="utf-8", errors="surrogatepass")
    _read_or_input_error(path)


def _read_or_input_error(path: Path) -> None:
    try:
        doc = read_document(path)
    except InputError as exc:
        assert str(path) in str(exc)
        return
    check(doc.text)


@pytest.fixture(scope="module")
def office_files(tmp_path_factory) -> dict[str, bytes]:
    """A .docx and a .pdf made from a sample report, to mutate."""
    pytest.importorskip("docx")
    pytest.importorskip("reportlab")
    from builders import make_docx, make_pdf

    folder = tmp_path_factory.mktemp("office")
    text = read_document(CORPORA / "07_numbering_gap_2021.txt").text[:1500]
    return {
        ".docx": make_docx(text, folder / "r.docx").read_bytes(),
        ".pdf": make_pdf(text, folder / "r.pdf").read_bytes(),
    }


def _mutate(data: bytes, draw: st.DrawFn) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if kind == "flip" and i < len(data):
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1 :]
        elif kind == "cut":
            data = data[:i]
        elif kind == "insert":
            data = data[:i] + draw(st.binary(max_size=16)) + data[i:]
        else:
            data = data[:i] + data[i + draw(st.integers(1, 64)) :]
    return data


@settings(FUZZ, max_examples=200)
@given(st.data())
def test_docx_reader_on_mutated_archives(office_files, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("docx") / "r.docx"
    if data.draw(st.booleans()):
        path.write_bytes(_mutate(office_files[".docx"], data.draw))
    else:  # a sound archive whose document.xml is mutated
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(office_files[".docx"])) as src,
            zipfile.ZipFile(out, "w") as dst,
        ):
            for item in src.infolist():
                content = src.read(item)
                if item.filename == "word/document.xml":
                    content = _mutate(content, data.draw)
                dst.writestr(item, content)
        path.write_bytes(out.getvalue())
    _read_or_input_error(path)


@settings(FUZZ, max_examples=100)
@given(st.data())
def test_pdf_reader_on_mutated_files(office_files, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("pdf") / "r.pdf"
    path.write_bytes(_mutate(office_files[".pdf"], data.draw))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about every repair it makes
        _read_or_input_error(path)
