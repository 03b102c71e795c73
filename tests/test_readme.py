"""The README's examples of exploring in Python run as written (from the repository root,
``out/`` being what ``workreport extract`` wrote)."""

from __future__ import annotations

import re

import pandas as pd
from conftest import ROOT
from typer.testing import CliRunner

from extractor.cli.main import app

SECTION = "## Notebooks"


def _blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(SECTION)
    section = readme[start : readme.index("\n## ", start + len(SECTION))]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_exploring_examples_run(tmp_path, monkeypatch):
    (code,) = _blocks()
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", "corpora", "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    namespace: dict[str, object] = {}
    exec(compile(code.replace('"out/"', repr(str(out))), "README.md", "exec"), namespace)
    tables, report, comparison = namespace["tables"], namespace["report"], namespace["comparison"]
    assert repr(report).startswith(
        "<Report '10_gwr_targets_2024' '政府工作报告' 2024 gov-work-report"
    )
    assert len(repr(report)) < 300
    assert (
        tables["claims"]["value"].dtype == "float64" and tables["claims"]["start"].dtype == "Int64"
    )
    assert tables["claims"]["is_target"].dtype == bool
    gdp = comparison["indicator_panel"].query("indicator == '经济增长'")
    assert not gdp.empty and set(gdp["role"]) == {"result", "target"}
    parsed = namespace["extractor"].parse_folder("corpora", jobs=1)
    pd.testing.assert_frame_equal(tables["claims"], parsed["claims"])  # the CSV gave it all back
