"""``workreport audit`` through typer's CliRunner: tables, exit codes, safe spreadsheets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from builders import text_batch
from openpyxl import load_workbook
from typer.testing import CliRunner

from extractor.cli.main import app
from extractor.export.tables import TABLES

runner = CliRunner()

MASKED = "2023年工作总结\n一、主要成效\n全年新增企业XX家，增长6%。\n"
WARNED = (
    "2024年工作计划\n一、主要任务\n重点抓好以下两个方面：\n一是抓项目。签约项目12个。\n"
    "二是抓民生。新增岗位300个。\n三是抓改革。办件时间缩短一半。\n"
)
CLEAN = "2023年工作总结\n一、主要成效\n一是抓项目。签约项目12个。\n二是抓民生。新增岗位300个。\n"
SHARED = "全面推进乡村振兴战略实施，农村人居环境整治提升行动取得明显成效"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_batch = text_batch


def _run(*args: str):
    return runner.invoke(app, ["audit", *args])


def test_audit_writes_every_table_and_findings(tmp_path):
    batch = _batch(tmp_path, a=MASKED + SHARED + "。\n", b=WARNED + SHARED + "。\n")
    out = tmp_path / "out"
    result = _run(str(batch), "--out", str(out))
    assert result.exit_code == 0, result.output
    expected = [*(f"{t}.parquet" for t in TABLES), "_tables.json"]  # the tables and their manifest
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    findings = pd.read_parquet(out / "findings.parquet")
    assert set(findings["rule"]) == {"placeholder", "count_mismatch", "repeated_text"}
    assert "placeholder,masked_figure" in set(findings["rules"])  # XX家: one finding
    repeated = findings[findings["rule"] == "repeated_text"].iloc[0]
    assert (repeated["doc_id"], repeated["related_doc_id"], repeated["text"]) == ("b", "a", SHARED)
    assert "placeholder" in result.output and f"findings {len(findings)} " in result.output


@pytest.mark.parametrize(
    ("docs", "fail_on", "code"),
    [
        ({"a": MASKED}, "error", 1),
        ({"a": WARNED}, "error", 0),
        ({"a": WARNED}, "warning", 1),
        ({"a": CLEAN}, "warning", 0),
        ({"a": MASKED}, None, 0),
    ],
    ids=["error-fails", "warning-passes-error-gate", "warning-fails", "clean-passes", "no-gate"],
)
def test_fail_on_sets_the_exit_code(tmp_path, docs, fail_on, code):
    gate = ["--fail-on", fail_on] if fail_on else []
    result = _run(str(_batch(tmp_path, **docs)), "--out", str(tmp_path / "o"), *gate)
    assert result.exit_code == code, result.output


def test_unreadable_document_meets_the_gate(tmp_path):
    batch = _batch(tmp_path, a=CLEAN)
    (batch / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8\x00\x00garbage\x00")
    result = _run(str(batch), "--out", str(tmp_path / "o"), "--fail-on", "error")
    assert result.exit_code == 1 and "failed" in result.output


def test_rules_and_skip_filter_the_findings(tmp_path):
    batch = _batch(tmp_path, a=MASKED, b=WARNED)
    out = tmp_path / "o"
    assert (
        _run(str(batch), "--out", str(out), "--rules", "placeholder,count_mismatch").exit_code == 0
    )
    assert set(pd.read_parquet(out / "findings.parquet")["rule"]) == {
        "placeholder",
        "count_mismatch",
    }
    assert (
        _run(
            str(batch), "--out", str(out), "--skip", "placeholder", "--skip", "masked_figure"
        ).exit_code
        == 0
    )
    assert set(pd.read_parquet(out / "findings.parquet")["rule"]) == {"count_mismatch"}


@pytest.mark.parametrize(
    "args",
    [
        ["--rules", "nope"],
        ["--skip", "placeholder,bogus"],
        ["--fail-on", "sometimes"],
        ["--format", "csv"],
        ["--lang", "fr"],
    ],
    ids=["unknown-rule", "unknown-skip", "bad-gate", "tables-format-is-table-format", "bad-lang"],
)
def test_usage_errors_exit_2(tmp_path, args):
    result = _run(str(_batch(tmp_path, a=CLEAN)), "--out", str(tmp_path / "o"), *args)
    assert result.exit_code == 2


def test_no_inputs_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = _run(str(tmp_path / "empty"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 2 and "no report files" in result.output


def test_html_report_is_written(tmp_path):
    page = tmp_path / "report" / "audit.html"
    result = _run(
        str(_batch(tmp_path, a=MASKED)), "--out", str(tmp_path / "o"), "--html", str(page)
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert '<mark class="error">XX家</mark>' in html and [
        p.name for p in page.parent.iterdir()
    ] == ["audit.html"]


# --- safe spreadsheets through a real export --------------------------------------------

HOSTILE = {  # file names become doc ids, in every row of every table
    "=HYPERLINK(1)": MASKED,
    "+SUM(1)": MASKED,
    "-2+3": MASKED,
    "@cmd": MASKED,
    "\ttab": MASKED,
    "\rcr": MASKED,
}


def _hostile_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (name, text) in enumerate(HOSTILE.items()):  # distinct texts: not duplicates
        (folder / f"{name}.txt").write_text(text + f"第{i}份。\n", encoding="utf-8")
    # a document whose own text yields cells that start like formulas
    (folder / "body.txt").write_text(
        "2023年工作总结\n一、主要成效\n=cmd|' /C calc' A0 新增企业XX家\n@SUM(1) 完成X亿元\n",
        encoding="utf-8",
    )
    return folder


def test_csv_cells_are_neutralised(tmp_path):
    out = tmp_path / "o"
    assert (
        _run(str(_hostile_batch(tmp_path)), "--out", str(out), "--table-format", "csv").exit_code
        == 0
    )
    findings = pd.read_csv(
        out / "findings.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    ids = set(findings["doc_id"])
    assert {"'" + name for name in HOSTILE} <= ids
    sentences = set(findings["sentence"])
    assert "'=cmd|' /C calc' A0 新增企业XX家" in sentences and "'@SUM(1) 完成X亿元" in sentences
    for table in TABLES:
        frame = pd.read_csv(
            out / f"{table}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False
        )
        for column in frame.columns:
            assert not frame[column].str.startswith(FORMULA_START).any(), (table, column)


def test_xlsx_cells_are_neutralised(tmp_path):
    out = tmp_path / "o"
    assert (
        _run(str(_hostile_batch(tmp_path)), "--out", str(out), "--table-format", "xlsx").exit_code
        == 0
    )
    sheet = load_workbook(out / "findings.xlsx")["findings"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    ids = {row[header.index("doc_id")] for row in body}
    assert {"'" + name for name in HOSTILE} <= ids
    for table in TABLES:
        book = load_workbook(out / f"{table}.xlsx")
        for row in book[table].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (table, cell.coordinate)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), (table, cell.value)


def test_audit_on_two_workers_finds_what_one_does(tmp_path):
    docs = {f"d{i}": (MASKED if i % 2 else WARNED) + SHARED + f"。第{i}号。\n" for i in range(10)}
    batch = _batch(tmp_path, **docs)
    found = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = _run(str(batch), "--out", str(out), "--jobs", jobs)
        assert result.exit_code == 0, result.output
        found[jobs] = pd.read_parquet(out / "findings.parquet")
    pd.testing.assert_frame_equal(found["1"], found["2"])
    assert (found["2"]["rule"] == "repeated_text").sum() >= 9  # the batch rule saw every doc
