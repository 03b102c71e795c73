"""The audit's HTML page: self-contained, escaped, filterable; rendered in headless Chromium."""

from __future__ import annotations

import json
import re
import struct

import pytest

from extractor import parse
from extractor.audit.checks import RULES, RepeatedText, audit, in_reading_order
from extractor.batch.run import error_report
from extractor.export.audit_page import CONTEXT, LINE_MAX, AuditPage

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
# every document rule and repeated_text: ten rules fire in this batch
NINE = (
    "2024年工作总结和计划\n一、主要成效\n一是项目建设有力推进。全年新增企业XX家，同比增长%。\n"
    "二是民生保障持续加强。新增岗位300个，完成投资（待补充）亿元。\n四是营商环境不断优化。森林覆盖率达到105%。\n"
    "二是抓党建。全县共建成项目10个，其中新建8个、改建5个。\n二、存在问题\n（一）项目建设\n（二）民生保障\n"
    "新增就业岗位300个。\n四、下步打算\n抓好项目建设。\n"
)
COUNTS = (
    "2024年工作计划\n一、主要任务\n重点抓好以下两个方面：\n一是抓项目。签约项目12个。\n二是抓民生。岗位300个。\n"
    "三是抓改革。缩短一半。\n（一）抓项目\n签约12个。\n（二）抓民生\n岗位300个。\n（二）抓改革\n缩短一半。\n"
)


def _batch(tmp_path, texts, *, lang="zh", with_error=False):
    page, collector = AuditPage(title="审计 <b>batch</b>", lang=lang), RepeatedText(lang=lang)
    findings = 0
    for doc_id, text in texts:
        report = parse(text, doc_id=doc_id, path=f"县/{doc_id}.txt")
        found = in_reading_order(audit(report, lang=lang) + collector.add(report))
        findings += len(found)
        page.add(report, found)
    if with_error:
        page.add(error_report("broken", tmp_path / "broken.txt", "<b>cannot</b> read"), [])
    return page.write(tmp_path / "audit.html"), findings


def _page(tmp_path):
    return _batch(tmp_path, [("hostile<1>", HOSTILE), ("plain", PLAIN)], with_error=True)


def test_page_is_escaped_self_contained_and_readable_without_scripts(tmp_path):
    path, findings = _page(tmp_path)
    html = path.read_text(encoding="utf-8")
    assert html.count("<script") == 1 and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in html
    assert "县/hostile&lt;1&gt;.txt" in html and "&lt;b&gt;cannot&lt;/b&gt; read" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing from elsewhere
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    rows = re.findall(r'<li class="finding (\w+)" id="[^"]+" data-rule="(\w+)"', html)
    assert len(rows) == findings and "style=" not in html  # every finding shown without JS
    assert {rule for _, rule in rows} >= {"placeholder", "template_leftover", "repeated_text"}
    assert '<form id="filter" hidden>' in html  # the filter appears only when the script runs
    assert [p.name for p in tmp_path.iterdir()] == ["audit.html"]  # no temporary file left


def test_findings_in_reading_order_link_to_their_place_in_the_text(tmp_path):
    path, _ = _batch(tmp_path, [("nine", NINE)])
    html = path.read_text(encoding="utf-8")
    items = re.findall(
        r'<li class="finding \w+" id="d1-f(\d+)".*?href="#d1-t(\d+)">(\d+):(\d+)</a>', html
    )
    places = [(int(line), int(col)) for _, _, line, col in items]
    assert places == sorted(places) and len(places) == len(audit(parse(NINE)))
    for n, target, _, _ in items:
        assert n == target and f'<a id="d1-t{n}"></a>' in html  # each link has its target
        assert f'href="#d1-f{n}"' in html  # and the note beside the text links back
    assert "县/nine.txt" in html and "一、主要成效 › 一是" in html  # path, heading › marker
    line3 = re.search(r'<div class="line" id="d1-L3">(.*?)</div>', html).group(1)
    assert (
        '<mark class="error">XX家</mark>' in line3 and '<mark class="error">增长%</mark>' in line3
    )
    assert "数字被遮盖：XX" in line3  # the message beside the line


def test_long_lines_show_context_around_their_findings(tmp_path):
    text = (
        "2023年工作总结\n一、主要成效\n" + "甲" * LINE_MAX + "新增企业XX家" + "乙" * LINE_MAX + "\n"
    )
    report = parse(text, doc_id="d")
    page = AuditPage()
    page.add(report, audit(report, select=["placeholder"]))
    cell = re.search(r'<p class="txt">(.*?)</p>', page.render()).group(1)
    before, after = ("甲" * LINE_MAX + "新增企业")[-CONTEXT:], ("家" + "乙" * LINE_MAX)[:CONTEXT]
    assert cell == f'…{before}<a id="d1-t1"></a><mark class="error">XX</mark>{after}…'


def test_summary_counts_documents_by_rule(tmp_path):
    path, _ = _page(tmp_path)
    html = path.read_text(encoding="utf-8")
    summary = html[html.index('<table class="summary">') : html.index("</table>")]
    row = re.search(r'<tr><td class="name"><a href="#d2">县/plain.txt</a></td>(.*?)</tr>', summary)
    counts = dict(re.findall(r'data-label="(\w+)">(\d+)</td>', row.group(1)))
    plain = parse(PLAIN, doc_id="plain")
    assert int(counts["count_mismatch"]) == len(audit(plain, select=["count_mismatch"])) == 1
    assert counts["repeated_text"] == "1" and counts["placeholder"] == "0"


def test_labels_are_chinese_by_default_and_english_on_request(tmp_path):
    zh = _batch(tmp_path, [("plain", PLAIN)])[0].read_text(encoding="utf-8")
    assert '<html lang="zh">' in zh and "汇总" in zh and "引语说" in zh and "警告" in zh
    en = _batch(tmp_path, [("plain", PLAIN)], lang="en")[0].read_text(encoding="utf-8")
    assert '<html lang="en">' in en and "Summary" in en and "announces 两个方面" in en


def test_page_in_chromium_renders_findings_and_runs_no_document_script(tmp_path, chromium):
    path, findings = _page(tmp_path)
    dom = chromium.dom(path)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    assert "<img" not in dom
    assert len(re.findall(r'<li class="finding', dom)) == findings
    assert '<mark class="error">XX家</mark>' in dom and '<mark class="error">待补充</mark>' in dom
    assert f'<span id="shown" data-label="显示：">显示：{findings}</span>' in dom  # script ran
    assert '<form id="filter">' in dom  # and un-hid the filter


_MEASURE = """<script>
var table = document.querySelector('table.summary').getBoundingClientRect();
var widest = 0;
document.querySelectorAll('body *').forEach(function(el){
  widest = Math.max(widest, el.getBoundingClientRect().right);
});
parent.postMessage(JSON.stringify({
  viewport: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth,
  table: table.right, widest: widest,
  stacked: getComputedStyle(document.querySelector('table.summary tr')).display}), '*');
</script></body>"""
_FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{probe}" style="border:0;width:{width}px;height:900px"></iframe>
<script>window.addEventListener('message', function(e){{
  document.body.setAttribute('data-layout', e.data);}});</script></body></html>"""


def _layout(tmp_path, chromium, path, width):
    """The page's layout in a viewport ``width`` pixels wide: the page itself, with a
    measuring script (and without its Content-Security-Policy, which would block it), in
    an iframe of that width (headless Chromium's window is at least 500 pixels wide); the
    frame posts what it measured to the page around it, whose DOM is dumped."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(html.replace("</body>", _MEASURE), encoding="utf-8")
    frame = tmp_path / f"frame-{width}.html"
    frame.write_text(_FRAME.format(probe=probe.name, width=width), encoding="utf-8")
    dom = chromium.dom(frame, size=f"{width + 100},1000")
    found = re.search(r'data-layout="(.*?)"', dom)
    assert found, dom[-500:]
    return json.loads(found.group(1).replace("&quot;", '"'))


def _png_size(path):
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", [1366, 390])
def test_summary_of_ten_rules_fits_the_window(tmp_path, chromium, width):
    path, _ = _batch(
        tmp_path, [("nine", NINE), ("counts", COUNTS + SHARED + "。\n"), ("again", f"{SHARED}。\n")]
    )
    html = path.read_text(encoding="utf-8")
    head = html[html.index("<thead>") : html.index("</thead>")]
    assert head.count("<th>") == len(RULES) + 2  # every rule fired: document, 10 rules, total
    layout = _layout(tmp_path, chromium, path, width)
    assert layout["viewport"] == width and layout["scroll"] <= width, layout
    assert layout["table"] <= layout["viewport"] and layout["widest"] <= layout["viewport"] + 1
    assert layout["stacked"] == ("block" if width < 700 else "table-row")
    shot = chromium.screenshot(path, tmp_path / f"audit-{width}.png", size=f"{width},1400")
    assert _png_size(shot) == (width, 1400) and shot.stat().st_size > 20_000


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
def test_each_finding_says_rule_and_severity(tmp_path, rule):
    report = parse(HOSTILE, doc_id="h")
    page = AuditPage()
    page.add(report, audit(report, select=[rule]))
    assert f'data-rule="{rule}" data-severity="error"' in page.render()
