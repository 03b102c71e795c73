"""Figures of the comparison tables (matplotlib, Agg backend): PNG and SVG per series.

- ``campaign_timeline``: a heatmap of the most frequent campaigns × periods (counts);
- ``indicator_lines``: small multiples of the indicators with the most periods, targets
  dashed, results solid;
- ``keyword_trends``: the terms whose frequency per 10,000 characters is highest, by period.

Chinese needs a CJK font: the first one installed from ``CJK_FONTS`` (Debian's
fonts-noto-cjk gives Noto Sans CJK SC) is used; without one the figures are still drawn,
with one warning instead of one per missing glyph.  matplotlib is an optional dependency
(``pip install 'workreport[plots]'``).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.analysis.compare import period_key

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
    "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback",
)  # fmt: skip
FORMATS = ("png", "svg")
log = logging.getLogger(__name__)


@cache
def cjk_font() -> str | None:
    """The name of an installed CJK font, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    return plt


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "series"


def write_figures(
    results: Mapping[str, pd.DataFrame], out_dir: str | Path, *, top: int = 25
) -> list[Path]:
    """Draw every figure for every series with two or more periods; the files written."""
    plt = _pyplot()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    font = cjk_font()
    if font is None:
        log.warning("no CJK font found (install fonts-noto-cjk): Chinese labels show as boxes")
    rc = {
        "font.sans-serif": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
        "font.family": "sans-serif",
        "axes.unicode_minus": False,
        "svg.fonttype": "none",
    }
    written: list[Path] = []
    periods = results["periods"]
    with plt.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        for series, docs in periods.groupby("series"):
            if docs["period"].nunique() < 2:
                continue
            for name, draw in (
                ("campaign_timeline", _campaign_timeline),
                ("indicator_lines", _indicator_lines),
                ("keyword_trends", _keyword_trends),
            ):
                fig = draw(plt, results, str(series), top)
                if fig is None:
                    continue
                for fmt in FORMATS:
                    path = out / f"{name}_{_safe(str(series))}.{fmt}"
                    fig.savefig(path, dpi=110, bbox_inches="tight")
                    written.append(path)
                plt.close(fig)
    return written


def _campaign_timeline(plt: Any, results: Mapping[str, pd.DataFrame], series: str, top: int) -> Any:
    long = results["campaign_long"]
    long = long[(long["series"] == series) & (long["count"] > 0)]
    if long.empty:
        return None
    names = long.groupby("norm")["count"].sum().nlargest(top).index
    grid = long[long["norm"].isin(names)].pivot_table(
        index="norm", columns="period", values="count", aggfunc="sum", fill_value=0
    )
    periods = sorted(results["periods"].query("series == @series")["period"].unique(),
                     key=period_key)  # fmt: skip
    grid = grid.reindex(columns=[p for p in periods if p], fill_value=0)
    grid = grid.loc[grid.gt(0).idxmax(axis=1).map(list(grid.columns).index).sort_values().index]
    fig, ax = plt.subplots(figsize=(max(6, 0.35 * grid.shape[1] + 3), 0.3 * len(grid) + 1.5))
    from matplotlib.colors import PowerNorm

    # a square-root scale, so that one heavily repeated name does not wash out the rest
    norm = PowerNorm(0.5, vmin=0, vmax=max(1, int(grid.to_numpy().max())))
    image = ax.imshow(grid.to_numpy(), aspect="auto", cmap="YlOrRd", norm=norm,
                      interpolation="nearest")  # fmt: skip
    ax.set_xticks(range(grid.shape[1]), grid.columns, rotation=90, fontsize=7)
    ax.set_yticks(range(len(grid)), grid.index, fontsize=8)
    ax.set_title(f"{series}: campaigns by period (count)")
    fig.colorbar(image, ax=ax, shrink=0.6)
    return fig


def _indicator_lines(plt: Any, results: Mapping[str, pd.DataFrame], series: str, top: int) -> Any:
    long = results["indicator_long"]
    long = long[long["series"] == series]
    if "chosen" in long.columns:  # one agreed value per cell; a conflict draws no point
        long = long[long["chosen"].astype(bool)]
    if long.empty:
        return None
    spans = long.groupby(["indicator", "unit"])["period"].nunique()
    chosen = spans[spans >= 2].nlargest(6).index.tolist() or spans.nlargest(1).index.tolist()
    periods = sorted(long["period"].unique(), key=period_key)
    x_of = {p: i for i, p in enumerate(periods)}
    cols = min(3, len(chosen))
    rows = -(-len(chosen) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False)
    for ax, (indicator, unit) in zip(axes.flat, chosen, strict=False):
        data = long[(long["indicator"] == indicator) & (long["unit"] == unit)]
        for role, style in (("result", "-"), ("target", "--")):
            part = data[data["role"] == role].sort_values("period", key=lambda s: s.map(period_key))
            if not part.empty:
                ax.plot(part["period"].map(x_of), part["value"], style, marker="o",
                        markersize=3, label=role)  # fmt: skip
        ax.set_title(f"{indicator} ({unit})", fontsize=9)
        ticks = sorted(set(data["period"]), key=period_key)
        ax.set_xticks([x_of[p] for p in ticks], ticks, rotation=90, fontsize=6)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(chosen) :]:
        ax.set_visible(False)
    fig.suptitle(f"{series}: indicators (targets dashed, results solid)")
    fig.tight_layout()
    return fig


def _keyword_trends(plt: Any, results: Mapping[str, pd.DataFrame], series: str, top: int) -> Any:
    kw = results["keyword_trends"]
    kw = kw[kw["series"] == series]
    if kw.empty:
        return None
    terms = kw.groupby("term")["per_10k"].sum().nlargest(8).index
    periods = sorted(kw["period"].unique(), key=period_key)
    grid = (
        kw[kw["term"].isin(terms)]
        .pivot_table(index="period", columns="term", values="per_10k", aggfunc="sum", fill_value=0)
        .reindex(periods, fill_value=0)
    )
    fig, ax = plt.subplots(figsize=(max(6, 0.3 * len(periods) + 3), 4))
    for term in terms:
        ax.plot(range(len(periods)), grid[term], marker="o", markersize=3, label=term)
    ax.set_xticks(range(len(periods)), periods, rotation=90, fontsize=7)
    ax.set_ylabel("per 10,000 characters")
    ax.set_title(f"{series}: keyword trends")
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    return fig
