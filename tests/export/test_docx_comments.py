"""Findings as Word comments in a copy of a .docx draft (extractor/export/docx_comments.py)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from builders import make_docx
from typer.testing import CliRunner

from extractor.audit.checks import audit
from extractor.batch.run import process_file
from extractor.cli.main import app
from extractor.export.docx_comments import annotate_docx

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402

DRAFT = (
    "2024年工作计划\n二、下半年工作计划\n重点抓好以下两个方面：\n一是抓项目。签约项目XX个，总投资X亿元。\n"
    "二是抓民生。新增岗位300个。\n三是抓改革。完成待补充。\n"
)


def anchored(path: Path) -> list[tuple[str, str]]:
    """(comment text, the document text its range covers) for each comment, in order."""
    document = docx.Document(str(path))
    notes = {str(c.comment_id): c.text for c in document.comments}
    open_: dict[str, list[str]] = {}
    covered: dict[str, str] = {}
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_[el.get(qn("w:id"))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            covered[el.get(qn("w:id"))] = "".join(open_.pop(el.get(qn("w:id"))))
        elif el.tag == qn("w:t"):
            for parts in open_.values():
                parts.append(el.text or "")
    assert not open_ and set(covered) == set(notes)
    return [(notes[i], covered[i]) for i in covered]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_writes_a_copy_with_one_comment_per_finding_on_its_text(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    source = make_docx(DRAFT, folder / "计划.docx", table=[["指标", "数值"], ["新增企业", "XX家"]])
    (folder / "plain.txt").write_text("2023年工作总结\n一、主要成效\n新增企业XX家。\n", "utf-8")
    before = _sha(source)
    out = tmp_path / "annotated"
    result = CliRunner().invoke(app, ["audit", str(folder), "--annotate-docx", str(out)])
    assert result.exit_code == 0, result.output
    assert _sha(source) == before  # the original is untouched
    assert [p.name for p in out.iterdir()] == ["计划.docx"]  # .docx inputs only
    findings = audit(process_file(source))
    comments = anchored(out / "计划.docx")
    assert len(findings) == 5
    assert Counter(comments) == Counter((f"{f.rule}：{f.message}", f.text) for f in findings)
    cell = "placeholder：数字被遮盖：XX；masked_figure：“新增企业”的数值未填：XX家"
    assert (cell, "XX家") in comments  # in a table cell
    document = docx.Document(str(out / "计划.docx"))
    assert {c.author for c in document.comments} == {"workreport"}
    assert "\n".join(p.text for p in document.paragraphs) == "\n".join(
        p.text for p in docx.Document(str(source)).paragraphs
    )  # the text itself is unchanged


def test_runs_are_split_at_the_finding_and_keep_their_format(tmp_path):
    document = docx.Document()
    document.add_paragraph("2023年工作总结")
    document.add_paragraph("一、主要成效")
    para = document.add_paragraph("全年新增企业")
    para.add_run("XX").bold = True
    para.add_run("家，增长6%。")
    source = tmp_path / "draft.docx"
    document.save(str(source))
    report = process_file(source)
    findings = audit(report, lang="en")
    target = tmp_path / "out" / "draft.docx"
    assert annotate_docx(source, report.text, findings, target, lang="en") == 1
    [(note, text)] = anchored(target)
    assert text == "XX家" and note.startswith("placeholder: masked figure: XX")
    copy = docx.Document(str(target))
    runs = [(r.text, bool(r.bold)) for r in copy.paragraphs[2].runs if r.text]  # not the mark
    assert runs == [("全年新增企业", False), ("XX", True), ("家", False), ("，增长6%。", False)]


def test_a_run_that_is_not_plain_text_is_covered_whole(tmp_path):
    document = docx.Document()
    document.add_paragraph("2023年工作总结")
    document.add_paragraph("一、主要成效")
    para = document.add_paragraph()
    run = para.add_run("全年新增企业XX家")
    run.add_break(docx.enum.text.WD_BREAK.PAGE)  # a page break: not split
    source = tmp_path / "draft.docx"
    document.save(str(source))
    report = process_file(source)
    target = tmp_path / "copy.docx"
    assert annotate_docx(source, report.text, audit(report), target) == 1
    assert [text for _, text in anchored(target)] == ["全年新增企业XX家"]
    assert len([r for r in docx.Document(str(target)).paragraphs[2].runs if r.text]) == 1


def test_annotating_onto_the_input_itself_is_refused(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    source = make_docx(DRAFT, folder / "a.docx")
    before = _sha(source)
    result = CliRunner().invoke(app, ["audit", str(folder), "--annotate-docx", str(folder)])
    assert result.exit_code == 2 and "overwrite" in result.stderr
    assert _sha(source) == before


def test_the_seed_as_a_draft_gets_one_comment_per_finding(tmp_path, seed_text):
    source = make_docx(seed_text, tmp_path / "seed.docx")
    before = _sha(source)
    report = process_file(source)
    findings = audit(report)
    assert len(findings) == 129  # 128 masks and the count mismatch
    target = tmp_path / "out" / "seed.docx"
    assert annotate_docx(source, report.text, findings, target) == 129
    comments = anchored(target)
    assert Counter(comments) == Counter((f"{f.rule}：{f.message}", f.text) for f in findings)
    assert _sha(source) == before
