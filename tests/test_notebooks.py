"""The notebooks run: every code cell, in order, from the repository root."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_code_cell_runs(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert code, f"{path.name} has no code"
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    for i, source in enumerate(code):
        try:
            exec(compile(source, f"{path.name}[cell {i}]", "exec"), namespace)
        except Exception as exc:  # name the cell that broke
            pytest.fail(f"{path.name}, code cell {i}: {type(exc).__name__}: {exc}")
    # what the notebook shows is real: the county's plans are followed up, figures drawn
    followup = namespace["followup"]
    county = followup[followup["series"] == "青石县"]
    assert set(county["status"]) >= {"reported", "not_reported"}
    assert len(namespace["claims"]) > 50 and namespace["targets"]["is_target"].all()
    if namespace["write_figures"] is not None:
        assert any(f.suffix == ".png" for f in namespace["figures"])
