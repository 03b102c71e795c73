"""The command line through typer's CliRunner: extract, show, evaluate, ``python -m``."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from extractor import parse
from extractor.cli.main import app, outline_tree
from extractor.export.tables import TABLES
from extractor.model import Claim, Placeholder

runner = CliRunner()

GOOD = (
    "石门县2023年上半年工作总结和下半年工作安排\n"
    "一、上半年工作总结\n"
    "一是“双招双引”取得突破。新签约项目15个，总投资32亿元。\n"
    "二是民生事业稳步推进。新增城镇就业1800人。\n"
    "二、下半年工作安排\n"
    "一是狠抓项目落地。确保签约项目开工率达到80%以上。\n"
    "二是兜牢民生底线。力争新增城镇就业X人。\n"
)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder with a good report, an undecodable, an empty and a binary file."""
    folder = tmp_path / "in" / "石门县"
    folder.mkdir(parents=True)
    (folder / "2023.txt").write_text(GOOD, encoding="utf-8")
    (folder / "garbled.txt").write_bytes("工作总结".encode() + b"\x80\xff\xfe")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    return tmp_path / "in"


def read_table(out: Path, table: str, fmt: str) -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(out / f"{table}.parquet")
    if fmt == "csv":
        return pd.read_csv(out / f"{table}.csv", encoding="utf-8-sig")
    if fmt == "xlsx":
        return pd.read_excel(out / f"{table}.xlsx", sheet_name=table)
    path = out / f"{table}.jsonl"
    return pd.read_json(path, lines=True) if path.stat().st_size else pd.DataFrame()


def test_extract_keeps_going_and_records_errors(batch, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(batch), "--out", str(out)])
    assert result.exit_code == 0, result.output
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert sorted(docs.index) == ["石门县/2023", "石门县/empty", "石门县/garbled", "石门县/image"]
    assert (docs["series"] == "石门县").all()
    assert docs.loc["石门县/2023", "status"] == "ok"
    assert docs.loc["石门县/2023", "error"] == ""
    assert docs.loc["石门县/2023", "encoding"] == "utf-8"
    errors = docs[docs["status"] == "error"]["error"]
    assert len(errors) == 3
    assert "empty file" in errors["石门县/empty"]
    assert "binary file" in errors["石门县/image"]
    assert "cannot be decoded" in errors["石门县/garbled"]
    assert all("石门县" in message for message in errors)  # each message names its file
    assert "1 ok, 3 failed" in result.output


def test_strict_fails_when_a_document_failed(batch, tmp_path):
    result = runner.invoke(app, ["extract", str(batch), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1
    assert (tmp_path / "o" / "documents.parquet").is_file()


def test_strict_passes_when_all_documents_are_read(batch, tmp_path):
    good = batch / "石门县" / "2023.txt"
    result = runner.invoke(app, ["extract", str(good), "-o", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["parquet", "csv", "xlsx", "jsonl"])
def test_every_format_writes_tables_that_load_back(batch, tmp_path, fmt):
    out = tmp_path / "out"
    args = ["extract", str(batch), "--out", str(out), "--format", fmt, "--with-text"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    expected = [*(f"{t}.{fmt}" for t in TABLES), "_tables.json"]  # and their manifest
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    manifest = json.loads((out / "_tables.json").read_text(encoding="utf-8"))
    assert manifest["format"] == fmt and manifest["with_text"] is True
    assert manifest["tables"]["documents"][0]["rows"] == 4
    docs = read_table(out, "documents", fmt)
    assert len(docs) == 4
    assert sorted(docs["status"]) == ["error", "error", "error", "ok"]
    assert docs.loc[docs["status"] == "ok", "text"].tolist() == [GOOD]
    assert docs.columns[0] == "doc_id"
    sections = read_table(out, "sections", fmt)
    assert len(sections) == 0 or list(sections.columns)[:2] == ["doc_id", "section_id"]


def test_max_chars_turns_long_documents_into_error_rows(batch, tmp_path):
    good = batch / "石门县" / "2023.txt"
    out = tmp_path / "out"
    for limit, status in [(20, "error"), (len(GOOD) - 1, "error"), (len(GOOD), "ok")]:
        args = ["extract", str(good), "-o", str(out), "--max-chars", str(limit)]
        assert runner.invoke(app, args).exit_code == 0
        docs = pd.read_parquet(out / "documents.parquet")
        assert docs.loc[0, "status"] == status
        if status == "error":
            assert f"limit of {limit} characters" in docs.loc[0, "error"]


def test_missing_input_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert not (tmp_path / "o").exists()


def test_show_prints_the_outline(batch):
    result = runner.invoke(app, ["show", str(batch / "石门县" / "2023.txt")])
    assert result.exit_code == 0, result.output
    assert "石门县2023年上半年工作总结和下半年工作安排" in result.output


def test_show_prints_sections_and_measures(batch):
    result = runner.invoke(app, ["show", str(batch / "石门县" / "2023.txt")])
    for text in ["上半年工作总结", "下半年工作安排", "狠抓项目落地", "双招双引"]:
        assert text in result.output


def test_outline_tree_marks_claims_and_placeholders():
    report = parse(GOOD, doc_id="shimen/2023")
    m1 = report.measures[0]
    claims = (
        Claim("c1", m1.section_id, m1.measure_id, "新签约项目", "15", 15.0, None, None, "个", "个",
              "", "", "", False, False, "", 0, 1, "", "claim.test"),
        Claim("c2", m1.section_id, m1.measure_id, "总投资", "X", None, None, None, "亿元", "元",
              "", "", "", False, True, "", 0, 1, "", "claim.test"),
    )  # fmt: skip
    holes = (Placeholder("p1", m1.section_id, m1.measure_id, "X", "figure", "", 0, 1, "ph.test"),)
    tree = outline_tree(replace(report, claims=claims, placeholders=holes))
    console = Console(record=True, width=200)
    console.print(tree)
    shown = console.export_text()
    assert "15个" in shown and "X亿元[masked]" in shown and "placeholders: 1" in shown
    assert shown.count("[masked]") == 1


def test_show_reports_an_unreadable_file(batch):
    result = runner.invoke(app, ["show", str(batch / "石门县" / "empty.txt")])
    assert result.exit_code == 1
    assert "empty file" in result.output


@dataclass
class FakeScore:
    element: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


def test_evaluate_prints_scores_and_accuracies(monkeypatch, tmp_path):
    seen: list[Path] = []

    def fake_evaluate(path):
        seen.append(Path(path))
        scores = {"sections": FakeScore("sections", 9, 1, 0, 0.9, 1.0, 0.947)}
        return types.SimpleNamespace(scores=scores, accuracies={"section_kind": 0.875})

    module = types.ModuleType("extractor.analysis.evaluate")
    module.evaluate = fake_evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "extractor.analysis.evaluate", module)
    result = runner.invoke(app, ["evaluate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen == [tmp_path]
    for text in ["sections", "0.900", "1.000", "0.947", "section_kind", "0.875"]:
        assert text in result.output


def test_python_dash_m_extractor_help():
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    for command in ("extract", "show", "evaluate"):
        assert command in done.stdout


def test_readme_quick_start_extracts_the_sample_corpus(tmp_path):
    """The README's first command: ``workreport extract corpora/ --out out/``."""
    corpora = Path(__file__).resolve().parents[2] / "corpora"
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(corpora), "--out", str(out)])
    assert result.exit_code == 0, result.output
    docs = pd.read_parquet(out / "documents.parquet")
    samples = sorted(p.stem for p in corpora.glob("*.txt"))
    assert sorted(docs["doc_id"]) == samples
    assert set(docs["status"]) == {"ok"}
    assert (docs.loc[docs["doc_id"] == "05_gbk_fullwidth_2019", "encoding"] == "gb18030").all()
    sections = pd.read_parquet(out / "sections.parquet")
    assert set(sections["doc_id"]) == set(samples)
