"""Tables: SPEC §4 columns, dtypes, formula neutralisation, atomic and streaming writes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from extractor import parse
from extractor.export.tables import TABLES, TableWriter, report_tables
from extractor.model import Document, Measure, Report

REPORT = (
    "白沙县2022年工作总结和2023年工作计划\n"
    "一、2022年工作总结\n"
    "一是项目建设提速。全年实施重点项目42个，完成投资18.6亿元。\n"
    "二是“放管服”改革深化。政务服务事项网上可办率达到95%。\n"
    "二、2023年工作计划\n"
    "一是扩大有效投资。力争完成固定资产投资20亿元。\n"
    "二是改善民生。新增城镇就业X人。\n"
)

# fmt: off
COLUMNS = {
    "documents": ["doc_id", "path", "series", "title", "period", "review_period", "plan_period",
                  "doc_type", "date", "chars", "encoding", "sha256", "status", "error",
                  "warning"],
    "sections": ["doc_id", "section_id", "parent_id", "level", "marker", "ordinal", "title",
                 "kind", "period", "rule", "start", "end"],
    "measures": ["doc_id", "measure_id", "section_id", "parent_id", "marker", "ordinal", "style",
                 "headline", "slogan", "text", "rule", "start", "end"],
    "claims": ["doc_id", "claim_id", "section_id", "measure_id", "indicator", "indicator_norm",
               "value_text", "value", "low", "high", "baseline", "unit", "base_unit", "approx",
               "change", "span", "time_ref", "is_target", "masked", "sentence", "sentence_start",
               "sentence_end", "rule", "start", "end"],
    "placeholders": ["doc_id", "placeholder_id", "section_id", "measure_id", "text", "kind",
                     "sentence", "sentence_start", "sentence_end", "rule", "start", "end"],
    "campaigns": ["doc_id", "campaign_id", "section_id", "measure_id", "text", "norm", "kind",
                  "has_placeholder", "rule", "start", "end"],
    "findings": ["doc_id", "rule", "rules", "severity", "message", "path", "line", "column",
                 "heading", "marker", "section_id", "measure_id", "start", "end", "text",
                 "sentence", "sentence_start", "sentence_end", "related_doc_id", "related_path", "related_line", "related_start",
                 "related_end"],
    "terms": ["doc_id", "measure_id", "term", "count"],
}
INT_COLUMNS = {"chars", "level", "ordinal", "start", "end", "line", "column", "related_line",
               "related_start", "related_end", "count", "sentence_start",
               "sentence_end"}
FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]
# fmt: on


def reports(n: int = 1) -> list[Report]:
    return [parse(REPORT, doc_id=f"baisha/{2022 + i}", series="baisha") for i in range(n)]


def hostile_report() -> Report:
    """A report whose text cells look like spreadsheet formulas."""
    doc = Document(doc_id="=cmd|'/C calc'!A0", path="+p.txt", series="-s", title="@t",
                   error="\tboom", status="error")  # fmt: skip
    measure = Measure("m1", None, None, "", 1, "lead", "=HYPERLINK(\"x\")", "", 0, 5, 0, 5,
                      "\rtext", "measure.lead")  # fmt: skip
    return Report(doc, '=HYPERLINK("x")', measures=(measure,))


@pytest.mark.parametrize("table", list(COLUMNS))
def test_columns_follow_spec(table):
    frames = report_tables(reports())
    assert list(frames) == list(COLUMNS)
    assert list(frames[table].columns) == COLUMNS[table]


@pytest.mark.parametrize("table", list(TABLES))
def test_empty_tables_keep_columns_and_dtypes(table):
    df = report_tables([])[table]
    assert list(df.columns) == COLUMNS[table] and df.empty
    for name in df.columns:
        if name in INT_COLUMNS:
            assert str(df[name].dtype) == "Int64", name
        elif name in {"is_target", "masked", "has_placeholder"}:
            assert df[name].dtype == bool
        elif name in {"value", "low", "high", "baseline"}:
            assert df[name].dtype == "float64"
        else:
            assert isinstance(df[name].dtype, pd.StringDtype), name


def test_rows_match_the_report():
    report = reports()[0]
    frames = report.tables()
    docs = frames["documents"]
    assert docs.loc[0, "doc_id"] == "baisha/2022" and docs.loc[0, "status"] == "ok"
    assert docs.loc[0, "chars"] == len(REPORT)
    for table in ("sections", "measures", "claims", "placeholders"):
        df = frames[table]
        assert len(df) == len(getattr(report, table))
        assert (df["doc_id"] == "baisha/2022").all()
    for row in frames["measures"].itertuples():
        assert report.text[row.start : row.end] == row.text


def test_with_text_adds_the_document_text():
    df = report_tables(reports(), with_text=True)["documents"]
    assert list(df.columns) == [*COLUMNS["documents"], "text"]
    assert df.loc[0, "text"] == REPORT


def test_csv_is_utf8_with_bom_and_neutralises_formulas(tmp_path):
    with TableWriter(tmp_path, "csv") as writer:
        writer.add(hostile_report())
        writer.add(reports()[0])
    assert (tmp_path / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    docs = pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert docs.loc[0, ["doc_id", "path", "series", "title"]].tolist() == [
        "'=cmd|'/C calc'!A0", "'+p.txt", "'-s", "'@t"]  # fmt: skip
    assert docs.loc[0, "error"] == "'\tboom"
    assert docs.loc[1, "title"] == "白沙县2022年工作总结和2023年工作计划"
    measures = pd.read_csv(tmp_path / "measures.csv", encoding="utf-8-sig", dtype=str)
    assert measures.loc[0, "headline"] == '\'=HYPERLINK("x")'
    assert measures.loc[0, "text"] == "'\rtext"


def test_xlsx_neutralises_formulas(tmp_path):
    with TableWriter(tmp_path, "xlsx", with_text=True) as writer:
        writer.add(hostile_report())
    books = {t: load_workbook(tmp_path / f"{t}.xlsx") for t in TABLES}
    assert all(book.sheetnames == [t] for t, book in books.items())
    cells = [
        c for b in books.values() for ws in b.worksheets for row in ws.iter_rows() for c in row
    ]
    assert not [c for c in cells if c.data_type == "f"]
    docs = books["documents"]["documents"]
    header = [c.value for c in docs[1]]
    row = dict(zip(header, (c.value for c in docs[2]), strict=True))
    assert row["doc_id"] == "'=cmd|'/C calc'!A0"
    assert row["text"] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("value", FORMULAS)
def test_every_formula_start_is_neutralised(tmp_path, value):
    report = Report(Document(doc_id="d", title=value), "")
    with TableWriter(tmp_path, "csv") as writer:
        writer.add(report)
    docs = pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False)  # fmt: skip
    assert docs.loc[0, "title"] == "'" + value


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "xlsx"])
def test_an_exception_leaves_old_outputs_and_no_temp_files(tmp_path, fmt):
    name = f"documents.{fmt}"
    old = tmp_path / name
    old.write_bytes(b"old output")
    with pytest.raises(RuntimeError, match="disk on fire"), TableWriter(tmp_path, fmt) as writer:
        for report in reports(3):
            writer.add(report)
        writer.flush()
        raise RuntimeError("disk on fire")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert old.read_bytes() == b"old output"


def test_streaming_parquet_gives_the_same_rows_as_report_tables(tmp_path):
    batch = [*reports(5), hostile_report()]
    with TableWriter(tmp_path, "parquet", flush_every=2) as writer:
        for report in batch:
            writer.add(report)
    expected = report_tables(batch)
    for table, df in expected.items():
        written = pd.read_parquet(tmp_path / f"{table}.parquet")
        pd.testing.assert_frame_equal(written, df, check_dtype=False)
        assert [str(t) for t in written.dtypes] == [str(t) for t in df.dtypes]


def test_a_row_budget_writes_a_long_table_before_the_report_count(tmp_path):
    """Long reports' big tables are written on their rows, not only every ``flush_every``
    reports: with a budget of one report's claims, each report's claims are a write of
    their own (a Parquet row group each), while the documents table, under the budget,
    waits for the count (one row group); the rows are those of the whole batch."""
    import pyarrow.parquet as pq

    batch = reports(3)
    claims = sum(len(r.claims) for r in batch)
    budget = len(batch[0].claims)
    assert budget >= 2 and claims == 3 * budget
    with TableWriter(tmp_path / "budget", "parquet", flush_every=50, flush_rows=budget) as w:
        for report in batch:
            w.add(report)
    with TableWriter(tmp_path / "count", "parquet", flush_every=50) as writer:
        for report in batch:
            writer.add(report)
    for name, groups in (("claims", 3), ("documents", 1)):
        got = pq.ParquetFile(tmp_path / "budget" / f"{name}.parquet")
        want = pq.ParquetFile(tmp_path / "count" / f"{name}.parquet")
        assert (got.num_row_groups, want.num_row_groups) == (groups, 1), name
        pd.testing.assert_frame_equal(got.read().to_pandas(), want.read().to_pandas())
    assert pq.ParquetFile(tmp_path / "budget" / "claims.parquet").metadata.num_rows == claims


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_streaming_text_formats_give_the_same_rows(tmp_path, fmt):
    batch = reports(4)
    with TableWriter(tmp_path, fmt, flush_every=3) as writer:
        for report in batch:
            writer.add(report)
    expected = report_tables(batch)
    for table, df in expected.items():
        path = tmp_path / f"{table}.{fmt}"
        if fmt == "jsonl" and df.empty:  # JSON Lines has no header: an empty table is empty
            assert path.read_text(encoding="utf-8") == ""
            continue
        written = (pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
                   if fmt == "csv" else _read_jsonl(path))  # fmt: skip
        assert list(written.columns) == list(df.columns)
        assert len(written) == len(df)
        assert written["doc_id"].tolist() == df["doc_id"].tolist()
        if "start" in df:
            assert [int(x) for x in written["start"]] == df["start"].tolist()


def _read_jsonl(path: Path) -> pd.DataFrame:
    return pd.read_json(path, lines=True, dtype=False)


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        TableWriter(tmp_path, "sav")
