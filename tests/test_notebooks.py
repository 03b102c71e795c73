"""The notebooks: run in a Jupyter kernel from notebooks/ (as Jupyter starts them) and from the
repository root, rendered to HTML and looked at in headless Chromium; and the saved files.

Each notebook runs once per place (session fixtures): from ``notebooks/`` with its default
parameters (the real reports of ../shared when present), and from the root through
papermill with the project's own samples.  Two cells are appended to each run and taken out
again before anything else looks at it: one draws the notebook's first figure again with a
font known to lack Chinese (every Chinese glyph a box), for the pixel comparison; one prints
what the tests compare (the series notebook's GDP panel).
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from conftest import ROOT, SHARED_REASON, shared_files

if not os.environ.get("CI"):  # under CI the extra is installed: a missing one fails
    pytest.importorskip(
        "papermill", reason="the notebooks extra is not installed (pip install '.[notebooks]')"
    )
import nbformat
import papermill
from nbconvert import HTMLExporter

import extractor

NOTEBOOKS = {p.stem: p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
#: What the root runs are given: the project's own samples, whatever ../shared holds.
SAMPLE_PARAMETERS = {
    "series_across_years": {"SERIES": "corpora"},
    "audit_a_draft": {"DRAFT": "corpora/01_county_halfyear_2020.txt"},
}
BOXES = "# the first figure again, drawn with a font that lacks Chinese\n"
STATE = "# state for the tests\n"
#: A real report's text may appear in a saved output in runs shorter than this.
MAX_REAL_RUN = 40


def _prepare(path: Path, out: Path) -> Path:
    """A copy of the notebook with the two test cells appended."""
    nb = nbformat.read(path, as_version=4)
    figure = next(c for c in nb.cells if c.cell_type == "code" and "plt.show()" in c.source)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            BOXES + "import warnings\nwarnings.simplefilter('ignore')\n"
            "plt.rcParams['font.sans-serif'] = ['DejaVu Sans']\n" + figure.source
        )
    )
    state = (
        "import json\npanel_json = json.loads(gdp_panel.to_json(orient='split'))\n"
        "print(json.dumps({'gdp_panel': panel_json, 'name': NAME}))"
    )
    if path.stem == "series_across_years":
        nb.cells.append(nbformat.v4.new_code_cell(STATE + state))
    target = out / path.name
    nbformat.write(nb, target)
    return target


def _execute(
    name: str, out: Path, cwd: Path, parameters: dict[str, object]
) -> nbformat.NotebookNode:
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # the kernel's inline backend
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # what a notebook puts in a temporary folder by default (the audit's workbook, OUT None)
    # goes under the run's own folder, which pytest removes, never into /tmp for good
    env["TMPDIR"] = str(out / "tmp")
    (out / "tmp").mkdir(exist_ok=True)
    source = _prepare(NOTEBOOKS[name], out)
    result = out / f"{name}.out.ipynb"
    with mock.patch.dict(os.environ, env, clear=True):
        papermill.execute_notebook(
            str(source),
            str(result),
            parameters=parameters,
            cwd=str(cwd),
            kernel_name="python3",
            progress_bar=False,
        )
    return nbformat.read(result, as_version=4)


@pytest.fixture(scope="session")
def from_notebooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Every notebook run from notebooks/ with its defaults, as Jupyter runs it."""
    out = tmp_path_factory.mktemp("notebooks")
    return {name: _execute(name, out, ROOT / "notebooks", {}) for name in NOTEBOOKS}


@pytest.fixture(scope="session")
def from_root(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Every notebook run from the repository root with the project's own samples."""
    out = tmp_path_factory.mktemp("root")
    runs = {}
    for name in NOTEBOOKS:
        parameters = dict(SAMPLE_PARAMETERS.get(name, {}))
        if name == "audit_a_draft":
            parameters["OUT"] = str(out / "workbook")
        runs[name] = _execute(name, out, ROOT, parameters)
    return runs


def _own_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if not c.source.startswith((BOXES, STATE))]


def _outputs(cells: list[nbformat.NotebookNode]) -> Iterator[dict]:
    for cell in cells:
        yield from cell.get("outputs", [])


def _pngs(cells: list[nbformat.NotebookNode]) -> list[bytes]:
    return [
        base64.b64decode(o["data"]["image/png"])
        for o in _outputs(cells)
        if "image/png" in o.get("data", {})
    ]


def _tables(cells: list[nbformat.NotebookNode]) -> list[str]:
    return [
        o["data"]["text/html"]
        for o in _outputs(cells)
        if "<table" in o.get("data", {}).get("text/html", "")
    ]


def _stdout(cell: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o["output_type"] == "stream")


# --- running -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", NOTEBOOKS)
@pytest.mark.parametrize("place", ["from_notebooks", "from_root"])
def test_notebook_runs_and_shows_figures_and_tables(name, place, request):
    nb = request.getfixturevalue(place)[name]
    cells = _own_cells(nb)
    assert not [o for o in _outputs(cells) if o["output_type"] == "error"]
    assert _pngs(cells), f"{name} drew no figure"
    assert _tables(cells), f"{name} showed no table"
    # matplotlib warns for each glyph it draws as a box: the notebook's own cells draw none
    assert not [o for o in _outputs(cells) if "missing from font" in o.get("text", "")]


def test_series_gdp_panel_is_compares_cell_for_cell(from_root):
    """The sample series: the notebook's panel against compare's on the same reports."""
    state = json.loads(_stdout(from_root["series_across_years"].cells[-1]))
    tables = extractor.parse_folder(ROOT / "corpora", jobs=1)
    panel = extractor.compare(tables, manifest=ROOT / "corpora" / "series.csv")["indicator_panel"]
    mine = panel[
        (panel["series"] == state["name"])
        & (panel["indicator"] == "经济增长")  # the growth of 国内生产总值 (SPEC §2)
        & (panel["unit"] == "%")
    ].reset_index(drop=True)
    expected = json.loads(mine.to_json(orient="split"))
    assert state["gdp_panel"]["columns"] == expected["columns"]
    assert state["gdp_panel"]["data"] == expected["data"]
    assert mine.filter(regex=r"^\d{4}").notna().sum().sum() >= 2  # there is something to compare


def test_default_workbook_goes_to_the_runs_temporary_folder(from_notebooks, tmp_path_factory):
    """Run with OUT None, the audit notebook writes its workbook in a temporary folder: the
    kernel's (TMPDIR, under the run's folder), so a test run leaves nothing in /tmp."""
    base = tmp_path_factory.getbasetemp()
    made = {p.resolve() for p in base.glob("notebooks*/tmp/audit-*/checklist.xlsx")}
    assert len(made) == 1, made
    assert "audit_a_draft" in from_notebooks


def test_audit_workbook_holds_the_checklist(from_root, tmp_path):
    import pandas as pd

    sheets = pd.read_excel(
        from_root["audit_a_draft"].metadata.papermill.parameters["OUT"] + "/checklist.xlsx",
        sheet_name=None,
    )
    report = extractor.parse_file(ROOT / "corpora" / "01_county_halfyear_2020.txt")
    figures = [p for p in report.placeholders if p.kind == "figure"]
    checklist = sheets["checklist"]
    assert len(checklist) == len(figures) > 50
    assert list(checklist["start"]) == [p.start for p in figures]
    assert list(checklist["sentence"]) == [p.sentence for p in figures]  # whole, not cut
    assert len(sheets["findings"]) == len(report.to_frame("findings"))


# --- in the browser ----------------------------------------------------------------------
def _page(nb: nbformat.NotebookNode, path: Path) -> Path:
    nb = nbformat.from_dict({**nb, "cells": _own_cells(nb)})
    body, _ = HTMLExporter(template_name="basic").from_notebook_node(nb)
    path.write_text(
        f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_rendered_notebook_shows_figures_and_tables_in_chromium(
    name, from_notebooks, chromium, tmp_path
):
    page = _page(from_notebooks[name], tmp_path / f"{name}.html")
    dom = chromium.dom(page)
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', dom)) >= 1
    assert len(re.findall(r'<table[^>]*class="dataframe', dom)) >= 1
    assert re.search(r"<td>[^<]*[\u4e00-\u9fff]", dom)  # Chinese in a table cell
    shot = chromium.screenshot(page, tmp_path / f"{name}.png", size="1280,2400")
    from PIL import Image

    pixels = Image.open(shot).convert("L")
    assert len(set(pixels.get_flattened_data())) > 50  # text, tables and figures, not an empty page


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_figure_draws_chinese_not_boxes(name, from_notebooks, chromium, tmp_path):
    """The notebook's first figure, shown by Chromium, against the same figure drawn with a
    font that lacks Chinese (its glyphs boxes): were the notebook's drawn as boxes too, the
    two would be the same picture, since only the font differs."""
    from PIL import Image, ImageChops

    nb = from_notebooks[name]
    drawn = _pngs(_own_cells(nb))[0]
    boxes = _pngs([c for c in nb.cells if c.source.startswith(BOXES)])[0]
    images = [Image.open(io.BytesIO(png)).convert("L") for png in (drawn, boxes)]
    width = max(i.width for i in images)
    height = max(i.height for i in images)
    page = tmp_path / "pair.html"
    page.write_text(
        '<!DOCTYPE html><html><body style="margin:0;background:#fff">'
        + "".join(
            f'<img style="display:block;margin-bottom:{height - i.height}px" '
            f'src="data:image/png;base64,{base64.b64encode(png).decode()}">'
            for png, i in zip((drawn, boxes), images, strict=True)
        )
        + "</body></html>",
        encoding="utf-8",
    )
    shot = Image.open(
        chromium.screenshot(page, tmp_path / "pair.png", size=f"{width},{2 * height}")
    )
    top = shot.crop((0, 0, width, height)).convert("L")
    bottom = shot.crop((0, height, width, 2 * height)).convert("L")
    own = top.crop((0, 0, images[0].width, images[0].height))
    assert ImageChops.difference(own, images[0]).getbbox() is None  # the figure as saved
    changed = sum(1 for p in ImageChops.difference(top, bottom).get_flattened_data() if p > 40)
    assert changed > 200, f"{name}: the figure's Chinese labels look like boxes"


# --- the saved files ---------------------------------------------------------------------
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_saved_notebook_reads_without_running(name):
    nb = nbformat.read(NOTEBOOKS[name], as_version=4)
    nbformat.validate(nb)
    assert all(cell.get("id") for cell in nb.cells)  # cell ids (nbformat 4.5)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and "What it shows" in first.source
    assert re.search(r"How long: about \d+ seconds", first.source)
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1))  # run top to bottom, once
    assert sum("parameters" in c.metadata.get("tags", []) for c in code) == 1
    assert _pngs(code) and _tables(code)
    assert not [o for o in _outputs(code) if o["output_type"] == "error"]


def test_no_real_report_text_in_saved_outputs():
    """A run of MAX_REAL_RUN characters of a saved output is never a real report's text."""
    files = shared_files()
    if not files:
        pytest.skip(SHARED_REASON)
    import ahocorasick_rs

    windows = set()
    for path in NOTEBOOKS.values():
        for output in _outputs(nbformat.read(path, as_version=4).cells):
            texts = [output.get("text", "")]
            texts += [v for k, v in output.get("data", {}).items() if k.startswith("text/")]
            for text in texts:
                plain = re.sub(r"<[^>]*>", "\n", "".join(text))
                for run in re.findall(rf"[^\n<>]{{{MAX_REAL_RUN},}}", plain):
                    windows.update(
                        run[i : i + MAX_REAL_RUN] for i in range(len(run) - MAX_REAL_RUN + 1)
                    )
    assert windows, "the saved outputs hold no long text at all: the check would check nothing"
    matcher = ahocorasick_rs.AhoCorasick(sorted(windows))
    for path in files:
        hits = matcher.find_matches_as_strings(path.read_text(encoding="utf-8", errors="replace"))
        assert not hits, f"saved notebook output quotes {path.name}: {hits[0]!r}"
