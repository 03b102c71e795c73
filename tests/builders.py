"""Builders of test inputs: the sample reports as .docx, .pdf and .html files.

Every .docx, .pdf and .html a test reads is built at test time from the sample reports in
``corpora/`` (python-docx; reportlab with its built-in CID font STSong-Light, which needs
no font file), so the repository holds no binary files.  The tests of several folders use
these (``tests/`` is on ``sys.path`` beside ``conftest.py``).
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from extractor.io.reading import read_document

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")

FONT = "STSong-Light"


def sample_text(path: Path) -> str:
    return read_document(path).text


def text_batch(tmp_path: Path, **docs: str) -> Path:
    """A folder ``in`` under ``tmp_path`` holding ``<name>.txt`` for each document given."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in docs.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def make_docx(text: str, path: Path, *, table: list[list[str]] | None = None) -> Path:
    """One paragraph a line; ``table`` goes after the first paragraph."""
    document = docx.Document()
    for n, line in enumerate(line for line in text.split("\n") if line.strip()):
        document.add_paragraph(line)
        if n == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    document.save(path)
    return path


def make_pdf(
    text: str, path: Path, *, indent: bool = True, encrypt: object = None, numbers: bool = True
) -> Path:
    """Lines wrapped at the right margin as a typesetter does; paragraphs indented 2 em;
    ``— n —`` at the foot of each page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    size, left, width, top = 11, 60, 440, 780
    pdf = canvas.Canvas(str(path), pagesize=(560, 842), encrypt=encrypt)
    y = top

    page = 1

    def draw(line: str, x: float) -> None:
        nonlocal y, page
        if y < 60:
            if numbers:
                pdf.setFont(FONT, 9)
                pdf.drawCentredString(280, 30, f"— {page} —")
            pdf.showPage()
            y, page = top, page + 1
        pdf.setFont(FONT, size)
        pdf.drawString(x, y, line)
        y -= size * 1.6

    for para in (p.strip() for p in text.split("\n")):
        x = left + (2 * size if indent else 0)
        while para:
            n = 1
            while n < len(para) and pdfmetrics.stringWidth(para[: n + 1], FONT, size) <= (
                width - (x - left)
            ):
                n += 1
            draw(para[:n], x)
            para, x = para[n:], left
    pdf.save()
    return path


def make_html(text: str, path: Path, *, charset: str = "utf-8") -> Path:
    """The report in an <article>, with a script, a style, a menu and a footer around it."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>页面标题</title>'
        "<style>p{color:red}</style><script>var s = '一、脚本里的标题';</script></head>"
        "<body><nav><a href='/'>首页</a> <a>一、导航</a></nav>"
        f"<article>{body}</article><footer>二、版权所有 网站地图</footer></body></html>"
    )
    path.write_bytes(page.encode(charset))
    return path
