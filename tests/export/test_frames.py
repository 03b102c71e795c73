"""Exploring API: parse_folder, read_tables (every format extract and compare write, dtypes
kept), Report.to_frame."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import CORPORA

import extractor
from extractor.batch.run import run_batch
from extractor.export.comparison import write_results
from extractor.export.rows import TABLES
from extractor.export.tables import FORMATS, TableWriter, report_tables
from extractor.io.reading import iter_inputs

HOSTILE = "2023年工作总结\n一、主要工作\n一是推进“=SUM(A1)”行动。新增就业1800人。\n二是+1创新。完成投资3.2亿元。\n"


@pytest.fixture(scope="module")
def reports():
    return list(run_batch(iter_inputs([CORPORA])))


@pytest.fixture(scope="module")
def tables(reports):
    return report_tables(reports, with_text=True)


@pytest.fixture(scope="module")
def comparison(tables):
    return extractor.compare(tables, manifest=CORPORA / "series.csv")


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_folder_returns_the_tables_of_extract(jobs, reports):
    found = extractor.parse_folder(CORPORA, jobs=jobs)
    expected = report_tables(reports)
    assert list(found) == list(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(found[name], expected[name])
    assert (
        len(found["documents"]) == len(list(CORPORA.glob("*.txt"))) and len(found["claims"]) > 500
    )


def test_parse_folder_with_text_and_bad_paths(tmp_path):
    found = extractor.parse_folder(CORPORA / "01_county_halfyear_2020.txt", with_text=True)
    assert found["documents"]["text"].iat[0].startswith("2020年上半年")
    with pytest.raises(extractor.InputError, match="no report files"):
        extractor.parse_folder(tmp_path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_tables_gives_back_what_extract_wrote(fmt, reports, tables, tmp_path):
    extra = extractor.parse(HOSTILE, doc_id="formula")
    with TableWriter(tmp_path, fmt, with_text=True) as writer:
        for report in [*reports, extra]:
            writer.add(report)
    back = extractor.read_tables(tmp_path)
    expected = report_tables([*reports, extra], with_text=True)
    assert set(back) == set(TABLES)
    for name in TABLES:  # dtypes, absent ids (<NA>) and formula-like text ('=SUM…') as written
        pd.testing.assert_frame_equal(back[name], expected[name])
    assert "=SUM(A1)" in set(back["campaigns"]["text"])


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_read_tables_gives_back_what_compare_wrote(fmt, comparison, tmp_path):
    write_results(comparison, tmp_path / "parquet", "parquet")
    write_results(comparison, tmp_path / fmt, fmt)
    reference = extractor.read_tables(tmp_path / "parquet")
    back = extractor.read_tables(tmp_path / fmt)
    assert set(back) == set(comparison) == set(reference)
    for name, df in reference.items():
        if df.empty and fmt == "jsonl":  # no line, no column names (compare's warnings)
            assert back[name].empty
            continue
        pd.testing.assert_frame_equal(back[name], df, check_dtype=False)
        for column in df.columns:  # numbers stay numbers (Int64 counts, floats), text text
            kinds = [
                (
                    pd.api.types.is_integer_dtype(d),
                    pd.api.types.is_float_dtype(d),
                    pd.api.types.is_bool_dtype(d),
                )
                for d in (back[name][column].dtype, df[column].dtype)
            ]
            assert kinds[0] == kinds[1], (name, column)


def test_read_tables_prefers_parquet_and_filters_names(tmp_path, reports):
    with TableWriter(tmp_path, "csv") as writer:
        writer.add(reports[0])
    with TableWriter(tmp_path, "parquet") as writer:
        writer.add(reports[1])
    both = extractor.read_tables(tmp_path)
    assert set(both["documents"]["doc_id"]) == {reports[1].document.doc_id}  # parquet first
    only = extractor.read_tables(tmp_path, names=["documents", "claims"])
    assert set(only) == {"documents", "claims"}
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="no tables"):
        extractor.read_tables(tmp_path / "empty")
    with pytest.raises(FileNotFoundError, match="no such folder"):
        extractor.read_tables(tmp_path / "missing")


def test_report_to_frame_is_one_table(reports):
    report = reports[0]
    claims = report.to_frame("claims")
    pd.testing.assert_frame_equal(claims, report.tables()["claims"])
    assert list(claims.columns) == [c.name for c in TABLES["claims"].columns]
    assert len(claims) == len(report.claims) > 50
    with pytest.raises(ValueError, match="unknown table 'claim'; choose one of documents"):
        report.to_frame("claim")
