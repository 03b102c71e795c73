""".docx read as a stream: the lines python-docx gives, memory bounded by the text.

The reader parses ``word/document.xml`` as it inflates (``extractor.io.formats.docx``);
python-docx, which builds the whole object tree, is the reference for what each paragraph
and table row reads as, on documents built to hold what Word writes (merged cells, links,
tabs and breaks, tracked insertions, content controls, nested tables).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from builders import make_docx, sample_text
from conftest import CORPORA, run_measured

from extractor.errors import InputError
from extractor.io.formats import join_lines
from extractor.io.formats.docx import read_docx
from extractor.io.reading import read_document

docx = pytest.importorskip("docx")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def python_docx_text(data: bytes) -> str:
    """What the reader gave when it went through python-docx's object model."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.iter_inner_content():
        rows = getattr(block, "rows", None)
        if rows is None:
            lines.append(str(block.text))
            continue
        row_lines = []
        for row in rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append(" ".join(str(cell.text).split()))
            row_lines.append("\t".join(cells).strip())
        lines.append("\n".join(line for line in row_lines if line))
    return join_lines(lines)


def with_body(body: str, tmp_path: Path) -> bytes:
    """A sound .docx (python-docx's template) whose body is ``body``."""
    template = make_docx("占位", tmp_path / "template.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "word/document.xml":
                content = f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()
            dst.writestr(item, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def p(*runs: str, extra: str = "") -> str:
    return f"<w:p><w:pPr><w:jc w:val='left'/></w:pPr>{''.join(runs)}{extra}</w:p>"


def r(inner: str) -> str:
    return f"<w:r><w:rPr><w:b/></w:rPr>{inner}</w:r>"


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{text}</w:t>'


def tc(content: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


# fmt: off
BODIES = {
    "runs and inner elements": p(
        r(t("一、总体") + "<w:tab/>" + t("情况")), r("<w:br/>" + t("换行")),
        r('<w:br w:type="page"/>' + t("分页")), r("<w:cr/><w:noBreakHyphen/><w:ptab/>" + t("末")),
        r("<w:t/>"), r(t("")),
    ),
    "hyperlinks and wrappers": p(
        r(t("见")), f'<w:hyperlink r:id="x" xmlns:r="urn:r">{r(t("链接"))}</w:hyperlink>',
        f"<w:ins>{r(t('修订插入'))}</w:ins>", f"<w:smartTag>{r(t('智能'))}</w:smartTag>",
        extra=r(t("。")),
    ) + f"<w:sdt><w:sdtContent>{p(r(t('内容控件')))}</w:sdtContent></w:sdt>" + p(r(t("二、下步"))),
    "merged cells": "<w:tbl><w:tblPr/>"
        "<w:tr>" + tc(p(r(t("指标"))), "<w:gridSpan w:val='2'/>") + tc(p(r(t("单位")))) + "</w:tr>"
        "<w:tr>" + tc(p(r(t("产值"))), "<w:vMerge w:val='restart'/>") + tc(p(r(t("1")))) +
        tc(p(r(t("亿元")))) + "</w:tr>"
        "<w:tr>" + tc(p(), "<w:vMerge/>") + tc(p(r(t("2"))) + p(r(t("  续  行")))) +
        tc(p(r(t("万元")))) + "</w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>" + tc(p(r(t("偏移")))) + "</w:tr>"
        "<w:tr>" + tc(p()) + tc(p()) + "</w:tr>"
        "</w:tbl>" + p(r(t("表后段落。"))),
    "nested table": "<w:tbl><w:tr>" + tc(
        p(r(t("外"))) + "<w:tbl><w:tr>" + tc(p(r(t("内")))) + "</w:tr></w:tbl>" + p(r(t("层")))
    ) + "</w:tr></w:tbl>",
    "empty and spaces": p() + p(r(t("  前后空格  "))) + p(r(t("\t"))),
}
# fmt: on


@pytest.mark.parametrize("name", BODIES)
def test_the_stream_reads_what_python_docx_reads(tmp_path, name):
    data = with_body(BODIES[name], tmp_path)
    assert read_docx(data, "x.docx")[0] == python_docx_text(data)


@pytest.mark.parametrize("sample", sorted(CORPORA.glob("*.txt"))[:6], ids=lambda p: p.stem)
def test_sample_reports_read_alike(tmp_path, sample):
    table = [["指标", "数值"], ["地区生产总值", "增长5%"]]
    data = make_docx(sample_text(sample), tmp_path / "r.docx", table=table).read_bytes()
    assert read_docx(data, "r.docx")[0] == python_docx_text(data)


def test_a_text_over_max_chars_is_refused_while_it_streams(tmp_path):
    draw = random.Random(19)
    lines = ["".join(draw.choice("发展改革经济社会建设推进完成增长") for _ in range(2000))
             for _ in range(200)]  # fmt: skip
    body = p(r(t("一、工作"))) + "".join(p(r(t(line))) for line in lines)
    data = with_body(body, tmp_path)
    assert len(read_docx(data, "x.docx")[0]) > 400_000
    with pytest.raises(InputError, match=r"passes the limit of 10000 characters.*while reading"):
        read_docx(data, "x.docx", max_chars=10_000)
    path = tmp_path / "long.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match="passes the limit of 10000 characters"):
        read_document(path, max_chars=10_000)


def lying(path: Path, template: bytes, inflated: int, declared: int = 10_000) -> Path:
    """A sound .docx whose document.xml inflates to ``inflated`` bytes but declares
    ``declared`` in its local header and in the zip directory (a hand-edited archive)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item), zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w") as member:
            block = b"<w:p/>" * (1 << 17)
            for _ in range(inflated // len(block) + 1):
                member.write(block)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    local = next(i for i in _all(data, b"PK\x03\x04") if data[i + 30 : i + 30 + len(name)] == name)
    central = next(
        i for i in _all(data, b"PK\x01\x02") if data[i + 46 : i + 46 + len(name)] == name
    )
    data[local + 22 : local + 26] = declared.to_bytes(4, "little")
    data[central + 24 : central + 28] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def _all(data: bytearray, marker: bytes):
    at = data.find(marker)
    while at >= 0:
        yield at
        at = data.find(marker, at + 1)


def test_a_docx_whose_directory_lies_is_refused_in_bounded_memory(tmp_path):
    template = make_docx("一、工作\n", tmp_path / "t.docx").read_bytes()
    path = lying(tmp_path / "liar.docx", template, 600 << 20)  # 600 MB of XML declared 10 kB
    assert path.stat().st_size < 2 << 20
    with zipfile.ZipFile(path) as archive:  # the directory says 10 kB, ratio < 200
        assert archive.getinfo("word/document.xml").file_size == 10_000
    code = (
        "import sys\n"
        "from extractor.batch.run import process_file\n"
        "doc = process_file(sys.argv[1]).document\n"
        "print(doc.status, doc.error)\n"
    )
    out, peak_mb = run_measured(code, str(path))
    assert out.startswith("error") and "damaged .docx" in out
    assert peak_mb < 200, f"peak RSS {peak_mb} MB"
