"""The audit's HTML page: self-contained, escaped, filterable; rendered in headless Chromium."""

from __future__ import annotations

import re

import pytest

from extractor import parse
from extractor.audit.checks import RepeatedText, audit
from extractor.batch.run import error_report
from extractor.export.audit_page import CONTEXT, AuditPage

SHARED = "全面推进乡村振兴战略实施，农村人居环境整治提升行动取得明显成效"
HOSTILE = (
    "2023年工作总结\n一、主要成效\n"
    "<script>document.title='pwned'</script>全年新增企业XX家。"
    "<img src=x onerror=\"document.title='pwned-img'\">完成投资（待补充）亿元。\n"
    f"{SHARED}。\n"
)
PLAIN = (
    "2024年工作计划\n一、主要任务\n重点抓好以下两个方面：\n一是抓项目。签约项目12个。\n"
    f"二是抓民生。新增岗位300个。\n三是抓改革。办件时间缩短一半。\n{SHARED}。\n"
)


def _page(tmp_path, *, with_error: bool = True):
    page, collector = AuditPage(title="审计 <b>batch</b>"), RepeatedText()
    reports = [parse(HOSTILE, doc_id="hostile<1>"), parse(PLAIN, doc_id="plain")]
    findings = 0
    for report in reports:
        found = audit(report) + collector.add(report)
        findings += len(found)
        page.add(report, found)
    if with_error:
        page.add(error_report("broken", tmp_path / "broken.txt", "<b>cannot</b> read"), [])
    return page.write(tmp_path / "audit.html"), findings


def test_page_is_escaped_self_contained_and_readable_without_scripts(tmp_path):
    path, findings = _page(tmp_path)
    html = path.read_text(encoding="utf-8")
    assert html.count("<script") == 1 and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in html
    assert "hostile&lt;1&gt;" in html and "&lt;b&gt;cannot&lt;/b&gt; read" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing from elsewhere
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    rows = re.findall(r'<tr class="finding (\w+)" data-rule="(\w+)"', html)
    assert len(rows) == findings and "display:none" not in html  # every row shown without JS
    assert {rule for _, rule in rows} >= {"placeholder", "template_leftover", "repeated_text"}
    assert '<form id="filter" hidden>' in html  # the filter appears only when the script runs
    assert [p.name for p in tmp_path.iterdir()] == ["audit.html"]  # no temporary file left


def test_context_is_sixty_characters_each_side(tmp_path):
    text = "2023年工作总结\n一、主要成效\n" + "甲" * 100 + "新增企业XX家" + "乙" * 100 + "\n"
    report = parse(text, doc_id="d")
    page = AuditPage()
    page.add(report, audit(report, select=["placeholder"]))
    cell = re.search(r'<td class="ctx">(.*?)</td>', page.render()).group(1)
    assert (
        cell
        == "…"
        + ("甲" * 100 + "新增企业")[-CONTEXT:]
        + "<mark>XX</mark>"
        + ("家" + "乙" * 100)[:CONTEXT]
        + "…"
    )


def test_summary_counts_documents_by_rule(tmp_path):
    path, _ = _page(tmp_path)
    html = path.read_text(encoding="utf-8")
    summary = html[html.index('<table class="summary">') : html.index("</table>")]
    row = re.search(r"<tr><td><a href=\"#doc-2\">plain</a></td>(.*?)</tr>", summary).group(1)
    heads = re.findall(r"<th>(\w+)<br>", summary)
    counts = dict(
        zip(heads, map(int, re.findall(r'<td class="n[^"]*">(\d+)</td>', row)), strict=False)
    )
    plain = parse(PLAIN, doc_id="plain")
    assert counts["count_mismatch"] == len(audit(plain, select=["count_mismatch"])) == 1
    assert counts["repeated_text"] == 1 and counts["placeholder"] == 0


def test_page_in_chromium_renders_findings_and_runs_no_document_script(tmp_path, chromium):
    path, findings = _page(tmp_path)
    dom = chromium.dom(path)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert "<img" not in dom
    assert len(re.findall(r'<tr class="finding', dom)) == findings
    assert "<mark>XX家</mark>" in dom and "<mark>待补充</mark>" in dom
    assert f'<span id="shown">{findings} shown</span>' in dom  # the page's own script ran
    assert '<form id="filter">' in dom  # and un-hid the filter


def test_screenshot_is_not_blank(tmp_path, chromium):
    path, _ = _page(tmp_path)
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    shot = chromium.screenshot(path, tmp_path / "audit.png")
    empty = chromium.screenshot(blank, tmp_path / "blank.png")
    data, nothing = shot.read_bytes(), empty.read_bytes()
    assert data.startswith(b"\x89PNG") and data != nothing
    assert len(data) > 5 * len(nothing) and len(data) > 20_000


@pytest.mark.parametrize("rule", ["placeholder", "template_leftover"])
def test_each_row_says_rule_and_severity(tmp_path, rule):
    report = parse(HOSTILE, doc_id="h")
    page = AuditPage()
    page.add(report, audit(report, select=[rule]))
    assert f'data-rule="{rule}" data-severity="error"' in page.render()
