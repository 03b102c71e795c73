"""Plots that read: a CJK font found among those installed (the font cache rebuilt once when
stale), an exact message when there is none, and the notebooks' indicator figure."""

from __future__ import annotations

import copy
import json
import logging

import pandas as pd
import pytest

pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install '.[plots]')")
from matplotlib import font_manager

from extractor.analysis import plots


def _without_cjk(manager):
    """A copy of matplotlib's font manager that knows no CJK font: a stale cache."""
    stale = copy.copy(manager)
    stale.ttflist = [f for f in manager.ttflist if not plots._cjk_in_entry(f)]
    return stale


@pytest.fixture
def system_cjk():
    found = plots._cjk_in(font_manager.fontManager)
    if found is None:
        pytest.skip("no CJK font is installed (Debian: apt-get install fonts-noto-cjk)")
    return found


def test_the_font_found_draws_chinese(system_cjk):
    files = [f.fname for f in font_manager.fontManager.ttflist if f.name == system_cjk]
    assert any(plots.covers(path, plots.PROBE + "国内生产总值目标与实际") for path in files)
    dejavu = font_manager.findfont("DejaVu Sans")
    assert not plots.covers(dejavu, "国")  # the check can say no


def test_a_stale_cache_is_rebuilt_once(system_cjk, monkeypatch, tmp_path):
    monkeypatch.setattr(font_manager, "fontManager", _without_cjk(font_manager.fontManager))
    monkeypatch.setattr("matplotlib.get_cachedir", lambda: str(tmp_path))
    scans = []
    system = font_manager.findSystemFonts
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a: scans.append(1) or system(*a))
    assert plots.find_cjk_font() == system_cjk
    assert plots.find_cjk_font() == system_cjk
    assert len(scans) == 1  # rebuilt once; the second look finds it in the cache
    cache = next(tmp_path.glob("fontlist-v*.json"))
    assert system_cjk in {f["name"] for f in json.loads(cache.read_text())["ttflist"]}


def test_no_cjk_font_says_exactly_what_to_do(monkeypatch, caplog):
    monkeypatch.setattr(font_manager, "fontManager", _without_cjk(font_manager.fontManager))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a: [])
    with caplog.at_level(logging.WARNING, logger="extractor.analysis.plots"):
        assert plots.find_cjk_font() is None
    expected = plots.NO_CJK_FONT.format(
        families=", ".join(plots.CJK_FONTS), count=len(font_manager.fontManager.ttflist)
    )
    assert [r.getMessage() for r in caplog.records] == [expected]
    assert "sudo apt-get install fonts-noto-cjk" in expected and "Noto Sans CJK SC" in expected


def test_indicator_years_draws_ranges_as_bands_and_leaves_out_several_years():
    rows = [
        ("result", "2018", 6.6, None, None, "国内生产总值增长6.6%"),
        ("result", "2019", 6.1, None, None, "国内生产总值增长6.1%"),
        ("result", "2017", 7.1, None, None, "国内生产总值年均增长7.1%"),
        ("target", "2019", 6.0, 6.0, 6.5, "国内生产总值增长6%－6.5%"),
        ("target", "2020", 6.0, None, None, "国内生产总值增长6%左右"),
    ]
    long = pd.DataFrame(
        [("国务院", "国内生产总值", "%", *row) for row in rows],
        columns=[
            "series",
            "indicator",
            "unit",
            "role",
            "period",
            "value",
            "low",
            "high",
            "sentence",
        ],
    )
    import matplotlib

    with matplotlib.rc_context(plots.font_rc(plots.cjk_font())):
        fig = plots.indicator_years({"indicator_long": long}, "国务院", "国内生产总值")
    ax = fig.axes[0]
    lines = {
        line.get_label(): list(zip(line.get_xdata(), line.get_ydata(), strict=True))
        for line in ax.lines
    }
    assert lines["实际 result"] == [(2018, 6.6), (2019, 6.1)]  # 2017's 年均 left out
    assert lines["目标 target"] == [(2019, 6.0), (2020, 6.0)]
    (band,) = ax.collections
    ys = band.get_paths()[0].vertices[:, 1]
    assert (ys.min(), ys.max()) == (6.0, 6.5)
    assert "2017 result" in ax.get_xlabel()
    assert plots.indicator_years({"indicator_long": long}, "国务院", "财政收入") is None
