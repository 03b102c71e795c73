"""Rich display: short reprs and escaped HTML for the records and the report."""

from __future__ import annotations

import html
import re

import pytest
from conftest import CORPORA, shared_files

import extractor
from extractor.integrations.notebook import PageView, outline_rows, shorten

HOSTILE = (
    "<b>2023年</b>工作总结\n一、主要<i>工作</i>\n"
    "一是深化“<img src=x onerror=alert(1)>”改革。新增就业1800人<script>alert(2)</script>。\n"
)


@pytest.fixture(scope="module")
def city():
    return extractor.parse_file(str(CORPORA / "02_city_annual_2021.txt"))


def _reports():
    samples = [extractor.parse_file(str(p)) for p in sorted(CORPORA.glob("*.txt"))]
    # a long report whether or not ../shared is present: our samples, one after another
    joined = extractor.parse("\n".join(r.text for r in samples))
    return [*samples, *(extractor.parse_file(str(p)) for p in shared_files()), joined]


def test_repr_of_every_report_is_one_short_line():
    reports = _reports()
    longest = max(reports, key=lambda r: len(repr(r)))
    assert len(repr(longest)) < 300
    for report in reports:
        text = repr(report)
        assert "\n" not in text and text.startswith("<Report ")
        assert f"{len(report.claims)} claims" in text and f"{len(report.sections)} sections" in text
    assert max(len(r.text) for r in reports) > 10_000  # long reports among them


def test_records_repr_shows_id_marker_and_title(city):
    section, measure, claim = city.sections[2], city.measures[0], city.claims[0]
    assert repr(section) == "<Section s3 L2 '（二）改革开放纵深推进' review 2021 [710:1017]>"
    assert repr(measure) == "<Measure m1 '一是工业支撑作用增强' in s2 [373:479]>"
    assert repr(claim) == "<Claim c1 '地区生产总值' '2386.4亿元' [163:171]>"
    target = next(c for c in city.claims if c.is_target)
    assert repr(target).endswith(f" target [{target.start}:{target.end}]>")
    records = [city.document, *city.sections, *city.measures, *city.claims, *city.campaigns]
    assert max(len(repr(r)) for r in records) < 160
    assert all("\n" not in repr(r) for r in records)
    long = extractor.Document(doc_id="d" * 200, title="标题\n" * 100)
    assert repr(long).count("…") == 2 and len(repr(long)) < 160 and "\n" not in repr(long)


def test_claim_html_marks_its_span_in_its_sentence(city):
    claim = city.claims[0]
    page = claim._repr_html_()
    assert "<b>Claim</b> c1" in page
    assert "全年实现地区生产总值<mark>2386.4亿元</mark>，同比增长8.3%" in page
    assert (
        "<th>indicator</th><td>地区生产总值</td>" in page and "<th>unit</th><td>亿元</td>" in page
    )
    measure = city.measures[0]._repr_html_()
    assert "<mark>一是工业支撑作用增强</mark>。规模以上工业增加值增长10.2%" in measure
    assert "<mark>（二）改革开放纵深推进</mark>" in city.sections[2]._repr_html_()
    assert (
        "<mark>一网通办</mark>"
        in next(c for c in city.campaigns if c.text == "一网通办")._repr_html_()
    )


def test_placeholder_and_finding_html(seed_text):
    report = extractor.parse(seed_text, doc_id="seed")
    placeholder = report.placeholders[0]
    page = placeholder._repr_html_()
    assert "<b>Placeholder</b>" in page and f"<mark>{placeholder.text}</mark>" in page
    context = re.search(r"<p>(…?[^<]*)<mark>", page).group(1)
    assert len(context.lstrip("…")) <= 60  # cut to the context either side


def test_an_audit_finding_shows_as_the_other_records(seed_text):
    from extractor.audit.checks import audit
    from extractor.integrations.notebook import record_html

    report = extractor.parse(seed_text, doc_id="seed")
    # a masked figure is one finding of two rules (placeholder, masked_figure)
    finding = next(f for f in audit(report) if "masked_figure" in f.rules)
    page = record_html(finding)
    assert "<b>Finding</b>" in page and f"<mark>{html.escape(finding.text)}</mark>" in page
    assert f"<th>rule</th><td>{finding.rule}</td>" in page
    assert "masked_figure" in page


def test_html_escapes_the_document(tmp_path):
    report = extractor.parse(HOSTILE, doc_id="<x>")
    pages = [report._repr_html_()] + [
        r._repr_html_() for r in (*report.sections, *report.measures, *report.claims)
    ]
    for page in pages:
        assert "<script" not in page
        assert "<img" not in page and "<b>2023" not in page and "<i>工作" not in page
    assert "&lt;x&gt;" in pages[0]


def test_report_html_shows_the_outline_with_counts_and_the_page_folded(city):
    page = city._repr_html_()
    rows = outline_rows(city)
    assert len(rows) == len(city.sections) and sum(
        r["targets"] for r in rows if r["level"] == 1
    ) == sum(c.is_target for c in city.claims if c.section_id)
    plan = next(r for r in rows if r["heading"] == "四、2022年工作计划")
    assert plan["kind"] == "plan" and plan["targets"] > 10 and plan["measures"] >= 10
    cells = re.findall(r"<tr><td[^>]*>([^<]*)</td>((?:<td>[^<]*</td>)+)</tr>", page)
    assert [heading for heading, _ in cells] == [r["heading"] for r in rows]
    assert "<details><summary>page view</summary><iframe srcdoc=" in page
    frame = html.unescape(re.search(r'srcdoc="([^"]*)"', page).group(1))
    assert frame.startswith("<!DOCTYPE html>") and 'class="toc"' in frame
    assert "<details open>" in PageView(city)._repr_html_()


def test_shorten_cuts_text_cells(city):
    claims = shorten(city.to_frame("claims"), 20)
    assert claims["sentence"].str.len().max() == 20 and claims["sentence"].str.endswith("…").any()
    assert claims["value"].equals(city.to_frame("claims")["value"])
