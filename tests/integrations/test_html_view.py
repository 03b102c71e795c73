"""The HTML view (``show --html``): displaCy spans in headless Chromium, escaping, atomic writes."""

from __future__ import annotations

import re
import struct
import zlib
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("spacy", reason="spaCy is not installed (pip install '.[spacy]')")

from extractor import parse
from extractor.cli.main import app
from extractor.integrations.html_view import marks, render_html, write_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "02_city_annual_2021.txt"
LABEL = re.compile(r'<span class="wr-label"[^>]*>([^<]*)<')
TOKEN = re.compile(r'<span class="wr-token"[^>]*>([^<]*)<')
HOSTILE = (
    '<script>document.title="pwned"</script>2023年工作总结\n'
    "一、主要工作\n"
    "一是深化“<img src=x onerror=\"document.title='pwned2'\">”改革。新增就业1800人。\n"
    "二是推进“一网通办”<b>加粗</b>。完成投资3.2亿元。\n"
)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    report = parse(SAMPLE.read_text(encoding="utf-8"), doc_id=SAMPLE.stem)
    page = tmp_path_factory.mktemp("view") / "report.html"
    write_html(report, page)
    return page, report


def test_spans_render_in_chromium(chromium, sample_page) -> None:
    page, report = sample_page
    dom = chromium.dom(page)
    labels = Counter(label.strip() for label in LABEL.findall(dom))
    expected = Counter(m.label for m in marks(report))
    assert sum(labels.values()) >= sum(expected.values()) > 100
    assert set(labels) == set(expected) >= {"section", "measure", "claim", "campaign·quoted"}
    tokens = [t.strip() for t in TOKEN.findall(dom)]
    assert "一网通办" in tokens and "2386.4亿元" in tokens  # a campaign and a claim, highlighted
    # the legend counts each label
    for label in ("section", "campaign·quoted"):
        assert re.search(rf">{re.escape(label)}</span> {expected[label]}</li>", dom)
    assert "<title>云溪市2021年工作总结和2022年工作计划</title>" in dom


def test_page_is_self_contained(sample_page) -> None:
    html = sample_page[0].read_text(encoding="utf-8")
    assert not re.search(r"https?://|<script|<link|<img|@import|url\(", html)


def test_document_text_cannot_inject_markup(chromium, tmp_path: Path) -> None:
    report = parse(HOSTILE, doc_id="hostile")
    page = write_html(report, tmp_path / "hostile.html")
    dom = chromium.dom(page)
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title == '&lt;script&gt;document.title="pwned"&lt;/script&gt;2023年工作总结'
    assert "<script" not in dom and "<img" not in dom and "<b>" not in dom
    assert '&lt;script&gt;document.title="pwned"&lt;/script&gt;' in dom
    assert "&lt;b&gt;加粗&lt;/b&gt;" in dom
    assert "一网通办" in [t.strip() for t in TOKEN.findall(dom)]


def _distinct_rows(png: Path) -> int:
    """How many different scanlines a PNG has (1 for a uniform image)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    assert len(raw) == stride * height
    return len({raw[i * stride + 1 : (i + 1) * stride] for i in range(height)})


def test_screenshot_is_not_blank(chromium, sample_page, tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    empty = _distinct_rows(chromium.screenshot(blank, tmp_path / "blank.png"))
    shot = chromium.screenshot(sample_page[0], tmp_path / "report.png")
    assert empty <= 2
    assert _distinct_rows(shot) > 200  # lines of text, underlines and labels
    assert shot.stat().st_size > 5 * (tmp_path / "blank.png").stat().st_size


def test_write_is_atomic(tmp_path: Path) -> None:
    report = parse(HOSTILE, doc_id="hostile")
    target = tmp_path / "view.html"
    target.write_text("old", encoding="utf-8")
    write_html(report, target)
    assert target.read_text(encoding="utf-8") == render_html(report)
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]  # no temporary file left
    with pytest.raises(OSError):
        write_html(report, tmp_path / "missing" / "view.html")
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_show_html_option(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["show", str(SAMPLE), "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert TOKEN.search(html) and "一网通办" in [t.strip() for t in TOKEN.findall(html)]
    assert f"wrote {out}" in result.output
    bad = CliRunner().invoke(app, ["show", str(SAMPLE), "--html", str(tmp_path / "no" / "x.html")])
    assert bad.exit_code == 2 and "cannot write" in bad.output
