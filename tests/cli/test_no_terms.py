"""``extract --no-terms``: every table but ``terms``, the same rows; what reads the set knows
the terms are missing (compare says so, resume refuses to mix), and a ``terms`` file an
earlier run left in the folder is no table of the new set."""

from __future__ import annotations

import shutil

import pandas as pd
from conftest import CORPORA
from typer.testing import CliRunner

from extractor.cli.main import app
from extractor.export.frames import read_tables
from extractor.export.rows import TABLES

runner = CliRunner()


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01_county_halfyear_2020.txt", "02_city_annual_2021.txt"):
        shutil.copy(CORPORA / name, folder / name)
    return folder


def test_no_terms_writes_every_other_table_with_the_same_rows(tmp_path):
    folder = _inputs(tmp_path)
    full, lean = tmp_path / "full", tmp_path / "lean"
    assert runner.invoke(app, ["extract", str(folder), "--out", str(full)]).exit_code == 0
    result = runner.invoke(app, ["extract", str(folder), "--out", str(lean), "--no-terms"])
    assert result.exit_code == 0, result.output
    assert not (lean / "terms.parquet").exists() and (full / "terms.parquet").exists()
    with_terms, without = read_tables(full), read_tables(lean)
    assert set(with_terms) - set(without) == {"terms"} and set(with_terms) == set(TABLES)
    assert len(with_terms["terms"]) > 100
    for name, df in without.items():
        pd.testing.assert_frame_equal(df, with_terms[name])


def test_compare_names_the_missing_terms_and_the_option(tmp_path):
    folder = _inputs(tmp_path)
    lean = tmp_path / "lean"
    assert (
        runner.invoke(app, ["extract", str(folder), "--out", str(lean), "--no-terms"]).exit_code
        == 0
    )
    result = runner.invoke(app, ["compare", str(lean), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 2
    assert "terms" in result.output and "--no-terms" in result.output


def test_a_terms_file_left_by_an_earlier_run_is_not_read_as_the_new_sets(tmp_path):
    folder = _inputs(tmp_path)
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(folder), "--out", str(out)]).exit_code == 0
    assert (
        runner.invoke(app, ["extract", str(folder), "--out", str(out), "--no-terms"]).exit_code == 0
    )
    assert (out / "terms.parquet").exists()  # the earlier run's file, outside the new set
    assert "terms" not in read_tables(out)
    result = runner.invoke(app, ["compare", str(out), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 2 and "terms" in result.output


def test_resume_does_not_mix_sets_with_and_without_terms(tmp_path):
    folder = _inputs(tmp_path)
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["extract", str(folder), "--out", str(out), "--no-terms"]).exit_code == 0
    )
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "--resume"])
    assert result.exit_code == 2 and "--no-terms" in result.output
    result = runner.invoke(
        app, ["extract", str(folder), "--out", str(out), "--resume", "--no-terms"]
    )
    assert result.exit_code == 0, result.output


def test_no_terms_is_refused_for_datasets(tmp_path):
    folder = _inputs(tmp_path)
    args = ["extract", str(folder), "--out", str(tmp_path / "ds"), "--dataset", "--no-terms"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "--no-terms" in result.output
