"""The page view (``show --html``) in headless Chromium: marks, tooltips, table of contents,
legend toggles, labels that never overlap, escaping, atomic writes."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import parse, parse_file
from extractor.cli.main import app
from extractor.integrations import html_view
from extractor.integrations.html_view import marks, render_html, write_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "02_city_annual_2021.txt"
DENSE = [
    ROOT / "corpora" / name for name in ("01_county_halfyear_2020.txt", "09_figures_dense_2023.txt")
]
CHIP = re.compile(r'<span class="wr-chip (wr-l\d+)"[^>]*><span>([^<]*)</span>')
SEG = re.compile(r'<span class="wr-seg" title="([^"]*)">([^<]*)<')
HOSTILE = (
    '<script>document.title="pwned"</script>2023年工作总结\n'
    "一、主要工作\n"
    "一是深化“<img src=x onerror=\"document.title='pwned2'\">”改革。新增就业1800人。\n"
    "二是推进“一网通办”<b>加粗</b>。完成投资3.2亿元。\n"
)
#: Run inside a copy of a page (its Content-Security-Policy taken out): the boxes of the
#: visible labels, how many overlap, and how many marks of each label show.
PROBE = """<script>
function boxes() {
  return [...document.querySelectorAll('.wr-chip > span')]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
}
function overlaps(rs) {
  let n = 0;
  for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
    const a = rs[i], b = rs[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) n++;
  }
  return n;
}
function shown(cls) {
  return [...document.querySelectorAll('.wr-bar.' + cls)].filter(e => e.getClientRects().length).length;
}
const before = boxes();
const result = {chips: before.length, overlaps: overlaps(before), lines: new Set(before.map(r => Math.round(r.top))).size};
const toggle = document.querySelector('ul.legend label');
if (toggle) {
  const cls = toggle.getAttribute('for').slice(2);
  result.toggled = cls; result.before = shown(cls);
  toggle.click(); result.after = shown(cls); result.others = boxes().length;
}
document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(result) + '</pre>');
</script>"""


def _probe(chromium, page: Path, tmp_path: Path) -> dict:
    source = page.read_text(encoding="utf-8")
    source = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", source)
    probed = tmp_path / f"probed-{page.name}"
    probed.write_text(source.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium.dom(probed)
    return json.loads(html.unescape(re.findall(r'<pre id="probe">(.*?)</pre>', dom)[-1]))


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    report = parse_file(str(SAMPLE))
    page = tmp_path_factory.mktemp("view") / "report.html"
    write_html(report, page)
    return page, report


def test_every_mark_renders_with_its_label(chromium, sample_page) -> None:
    page, report = sample_page
    dom = chromium.dom(page)
    expected = Counter(m.label for m in marks(report))
    chips = Counter(label for _, label in CHIP.findall(dom))
    assert sum(expected.values()) > 100
    assert (
        set(chips) == set(expected) >= {"section", "measure", "claim", "target", "campaign·quoted"}
    )
    assert all(chips[label] <= expected[label] for label in expected)  # at most one label a mark
    assert sum(chips.values()) >= 0.9 * sum(expected.values())  # the sample is not dense
    pieces = [text for _, text in SEG.findall(dom)]
    assert "一网通办" in pieces and "2386.4亿元" in pieces  # a campaign and a claim, marked
    for label in ("section", "campaign·quoted"):  # the legend counts each label
        assert re.search(rf">{re.escape(label)}</label> {expected[label]}</li>", dom)
    assert "<title>云溪市2021年工作总结和2022年工作计划</title>" in dom


def test_tooltips_carry_each_elements_fields(sample_page) -> None:
    page, report = sample_page
    found = [
        (html.unescape(tip), text) for tip, text in SEG.findall(page.read_text(encoding="utf-8"))
    ]
    tips = dict((text, tip) for tip, text in found)
    claim = tips["2386.4亿元"]
    assert "claim c1" in claim and "indicator: 地区生产总值" in claim
    assert "value: 2.3864e+11 元" in claim and "unit: 亿元" in claim
    target = next(c for c in report.claims if c.is_target and c.change)
    tip = next(t for t, _ in found if f"target {target.claim_id}\n" in t)
    assert f"indicator: {target.indicator}" in tip and "target: True" in tip
    assert f"change: {target.change}" in tip
    assert "campaign k" in tips["一网通办"] and "norm: 一网通办" in tips["一网通办"]
    measure = report.measures[0]
    assert any(f"headline: {measure.headline}" in t for t, _ in found)


def test_table_of_contents_links_every_heading(chromium, sample_page) -> None:
    page, report = sample_page
    dom = chromium.dom(page)
    toc = dom[dom.index('<nav class="toc"') : dom.index("</nav>")]
    links = re.findall(r'<a href="#(wr-s\d+)"[^>]*>([^<]*)</a>', toc)
    assert [text for _, text in links] == [s.marker + s.title for s in report.sections]
    for anchor, _ in links:
        assert f'id="{anchor}"' in dom
    # nested as the outline is: the subsections of 一、 are in a list inside its item
    first = toc.index(links[0][1])
    assert toc.index("<ul>", first) < toc.index(links[1][1])


def test_legend_label_toggles_its_marks(chromium, sample_page, tmp_path) -> None:
    page, _ = sample_page
    result = _probe(chromium, page, tmp_path)
    assert result["before"] > 0 and result["after"] == 0  # the first label (section) hidden
    assert 0 < result["others"] < result["chips"]  # its labels went, the others stayed


@pytest.mark.parametrize("path", DENSE, ids=[p.stem for p in DENSE])
def test_labels_never_overlap_on_dense_text(chromium, path, tmp_path) -> None:
    report = parse_file(str(path))
    page = write_html(report, tmp_path / "dense.html")
    result = _probe(chromium, page, tmp_path)
    assert result["chips"] > 100 and result["lines"] > 20
    assert result["overlaps"] == 0


def test_the_overlap_probe_sees_overlaps(chromium, tmp_path, monkeypatch) -> None:
    """Without rows (every label in the first one) the dense sample's labels collide: the
    probe of the test above can fail."""
    monkeypatch.setattr(html_view, "LABEL_ROWS", 1)
    monkeypatch.setattr(html_view, "label_width", lambda label: 0.0)
    page = write_html(parse_file(str(DENSE[0])), tmp_path / "crowded.html")
    assert _probe(chromium, page, tmp_path)["overlaps"] > 20


def test_page_is_self_contained(sample_page) -> None:
    page = sample_page[0].read_text(encoding="utf-8")
    assert not re.search(r"https?://|<script|<link|<img|@import|url\(", page)
    assert "default-src 'none'" in page


def test_document_text_cannot_inject_markup(chromium, tmp_path: Path) -> None:
    report = parse(HOSTILE, doc_id="hostile")
    page = write_html(report, tmp_path / "hostile.html")
    dom = chromium.dom(page)
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title == '&lt;script&gt;document.title="pwned"&lt;/script&gt;2023年工作总结'
    assert "<script" not in dom and "<img" not in dom and "<b>" not in dom
    assert "&lt;b&gt;加粗&lt;/b&gt;" in dom
    assert "一网通办" in [text for _, text in SEG.findall(dom)]


def test_screenshots_show_the_page_and_the_toggle(chromium, sample_page, tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    empty = Image.open(chromium.screenshot(blank, tmp_path / "blank.png")).convert("L")
    shot = Image.open(chromium.screenshot(sample_page[0], tmp_path / "report.png")).convert("L")
    assert len(set(empty.get_flattened_data())) <= 2
    assert len(set(shot.get_flattened_data())) > 100  # text, underlines, labels, contents
    # the same page with the first legend label clicked: its marks are gone from the picture
    source = re.sub(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>',
        "",
        sample_page[0].read_text(encoding="utf-8"),
    )
    clicked = tmp_path / "clicked.html"
    clicked.write_text(
        source.replace(
            "</body>", "<script>document.querySelector('ul.legend label').click()</script></body>"
        ),
        encoding="utf-8",
    )
    after = Image.open(chromium.screenshot(clicked, tmp_path / "clicked.png")).convert("L")
    assert ImageChops.difference(shot, after).getbbox() is not None


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
    page = out.read_text(encoding="utf-8")
    assert "一网通办" in [text for _, text in SEG.findall(page)]
    assert f"wrote {out}" in result.output
    bad = CliRunner().invoke(app, ["show", str(SAMPLE), "--html", str(tmp_path / "no" / "x.html")])
    assert bad.exit_code == 2 and "cannot write" in bad.output
