"""``--lexicon FILE`` on ``extract`` and ``show``: a user's campaign names in the tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.batch.parallel import MIN_PARALLEL_ITEMS
from extractor.cli.main import app

runner = CliRunner()
YEARS = [str(2023 - i) for i in range(MIN_PARALLEL_ITEMS)]  # enough for worker processes
NAME = "青禾惠企直通车"  # made up: in no shipped lexicon, not quoted, not a formula
OTHER = "溪畔共富工坊"
REPORT = (
    "青禾县2023年工作总结\n"
    "一、主要工作\n"
    f"一是优化营商环境。全面推行{NAME}，新增市场主体1200户。\n"
    f"二是促进共同富裕。建成{OTHER}15个，带动就业800人。\n"
)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for year in YEARS:
        (folder / f"{year}.txt").write_text(REPORT.replace("2023", str(year)), encoding="utf-8")
    return folder


def _campaigns(args: list[str], out: Path) -> pd.DataFrame:
    result = runner.invoke(app, ["extract", *args, "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return pd.read_csv(out / "campaigns.csv", encoding="utf-8-sig", dtype=str)


def test_extract_lexicon_adds_campaigns(reports: Path, tmp_path: Path) -> None:
    jieba_dict = tmp_path / "userdict.txt"
    jieba_dict.write_text(f"# names of our county\n{NAME} 10 cp\n", encoding="utf-8")
    plain_list = tmp_path / "names.txt"
    plain_list.write_text(f"{OTHER}\n", encoding="utf-8")

    before = _campaigns([str(reports)], tmp_path / "plain")
    assert NAME not in set(before["text"]) and OTHER not in set(before["text"])

    after = _campaigns(
        [str(reports), "--lexicon", str(jieba_dict), "--lexicon", str(plain_list), "-j", "2"],
        tmp_path / "lex",
    )
    for name in (NAME, OTHER):
        rows = after[after["text"] == name]
        assert set(rows["kind"]) == {"lexicon"}
        # once in each report: the rules reach the worker processes too
        assert sorted(rows["doc_id"]) == sorted(YEARS), name
    # the other campaigns are untouched
    assert len(after) == len(before) + 2 * len(YEARS)


def test_show_lexicon_reaches_the_html(tmp_path: Path) -> None:
    report = tmp_path / "2023.txt"
    report.write_text(REPORT, encoding="utf-8")
    words = tmp_path / "names.txt"
    words.write_text(f"{NAME}\n", encoding="utf-8")
    page = tmp_path / "view.html"
    result = runner.invoke(app, ["show", str(report), "--lexicon", str(words), "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert '<span class="wr-seg" title="campaign k' in html
    assert f">{NAME}<span" in html and "<span>campaign·lexicon</span>" in html


def test_missing_lexicon_is_one_clear_error(reports: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(
        app, ["extract", str(reports), "--out", str(tmp_path / "o"), "--lexicon", str(missing)]
    )
    assert result.exit_code == 2
    assert "lexicon file not found" in result.output
    assert not (tmp_path / "o").exists()
    shown = runner.invoke(app, ["show", str(reports / "2023.txt"), "--lexicon", str(missing)])
    assert shown.exit_code == 2 and "lexicon file not found" in shown.output


def test_unreadable_lexicon_fails_before_parsing(reports: Path, tmp_path: Path) -> None:
    binary = tmp_path / "names.txt"
    binary.write_bytes(b"\xff\xfe\x00\x80garbage")
    result = runner.invoke(
        app, ["extract", str(reports), "--out", str(tmp_path / "o"), "--lexicon", str(binary)]
    )
    assert result.exit_code == 2
    assert "cannot read lexicon" in result.output
