"""Figures of the comparison tables (matplotlib, Agg backend): PNG and SVG per series.

- ``campaign_timeline``: a heatmap of the most frequent campaigns × periods (counts);
- ``indicator_lines``: small multiples of the indicators with the most periods, targets
  dashed, results solid;
- ``keyword_trends``: the terms whose frequency per 10,000 characters is highest, by period;
- ``indicator_years`` (for notebooks): one indicator's targets and results by year, target
  ranges drawn as bands and figures over several years left out.

Chinese needs a CJK font.  :func:`cjk_font` takes the first installed family of
``CJK_FONTS`` (then any family named like one: Noto CJK, Source Han, WenQuanYi, SimHei,
PingFang, Microsoft YaHei …) whose file has glyphs for Chinese.  When matplotlib's font
cache knows none, it is stale if the system has font files the cache lacks: those are added
and the cache rewritten, once per process.  With no CJK font at all, the figures are still
drawn, after one warning (:data:`NO_CJK_FONT`) that says what to install.  In a notebook,
:func:`use_cjk_font` sets it for every figure.  matplotlib is an optional dependency
(``pip install 'workreport[plots]'``).
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from extractor.analysis.compare import period_key

#: A sentence comparing over several years (年均, 比2002年, 五年来): for tables that carry no
#: claim spans (compare's own hold only figures of span ``period``).
_MULTI_YEAR = re.compile(
    r"年均|平均每年|(?:与|比|较)(?:19|20)\d{2}年|[两三四五十]年(?:来|间|累计)|期间|时期"
    r"|过去[两三四五十]年"
)

CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC",
    "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei",
    "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN", "Droid Sans Fallback",
)  # fmt: skip
#: Any other family named like a CJK font.
_CJK_FAMILY = re.compile(
    r"CJK|Source Han|WenQuanYi|SimHei|SimSun|YaHei|PingFang|Heiti|Hiragino Sans GB|"
    r"AR PL|Droid Sans Fallback|Sarasa"
)
#: The characters a CJK font must draw to be chosen.
PROBE = "国内生产总值年工作报告增长"
NO_CJK_FONT = (
    "no CJK font found: the Chinese labels of the figures are drawn as boxes. Install one "
    "and run again: Debian/Ubuntu `sudo apt-get install fonts-noto-cjk`, Fedora `sudo dnf "
    "install google-noto-sans-cjk-fonts`, Arch `sudo pacman -S noto-fonts-cjk`, conda "
    "`conda install -c conda-forge font-ttf-noto-cjk` (macOS has PingFang SC, Windows "
    "Microsoft YaHei). Looked for {families} among the {count} fonts matplotlib knows, "
    "after rescanning the system's font folders."
)
FORMATS = ("png", "svg")
log = logging.getLogger(__name__)


@cache
def cjk_font() -> str | None:
    """The family name of an installed CJK font, or None (once per process; see
    :func:`find_cjk_font`)."""
    return find_cjk_font()


def find_cjk_font() -> str | None:
    """Look for a CJK font; when the cache has none and is stale, rebuild it and look again."""
    from matplotlib import font_manager

    found = _cjk_in(font_manager.fontManager)
    if found is None and refresh_font_cache():
        found = _cjk_in(font_manager.fontManager)
    if found is None:
        log.warning(_no_font_message())
    return found


def _cjk_in(manager: Any) -> str | None:
    """The preferred family among the manager's fonts that draws :data:`PROBE`."""
    files: dict[str, list[str]] = {}
    for entry in manager.ttflist:
        if _cjk_in_entry(entry):
            files.setdefault(entry.name, []).append(entry.fname)
    rank = {name: i for i, name in enumerate(CJK_FONTS)}
    for name in sorted(files, key=lambda n: (rank.get(n, len(rank)), "Mono" in n, n)):
        if any(covers(path, PROBE) for path in files[name]):
            return name
    return None


def _cjk_in_entry(entry: Any) -> bool:
    """Whether a font entry of matplotlib's cache is named like a CJK font."""
    return entry.name in CJK_FONTS or bool(_CJK_FAMILY.search(entry.name))


def covers(path: str, text: str) -> bool:
    """Whether the font file at ``path`` has a glyph for every character of ``text``."""
    from matplotlib.ft2font import FT2Font

    try:
        charmap = FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(ch) in charmap for ch in text)


def refresh_font_cache() -> int:
    """Add the system's font files that matplotlib's cache lacks, and rewrite the cache file
    so the next process reads them; the number of files added (0: the cache was current)."""
    import matplotlib
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {entry.fname for entry in manager.ttflist}
    added = 0
    for path in sorted(set(font_manager.findSystemFonts()) - known):
        try:
            manager.addfont(path)
            added += 1
        except (OSError, RuntimeError, ValueError):  # a file FreeType cannot read
            continue
    if added:
        name = f"fontlist-v{font_manager.FontManager.__version__}.json"
        cache = Path(matplotlib.get_cachedir()) / name
        # a read-only cache folder: this process has the fonts all the same
        with contextlib.suppress(OSError):
            font_manager.json_dump(manager, cache)
        log.info("matplotlib's font cache was stale: %d font files added, %s rewritten", added,
                 cache)  # fmt: skip
    return added


def _no_font_message() -> str:
    from matplotlib import font_manager

    return NO_CJK_FONT.format(
        families=", ".join(CJK_FONTS), count=len(font_manager.fontManager.ttflist)
    )


def font_rc(font: str | None) -> dict[str, Any]:
    """matplotlib settings that draw text in ``font`` (DejaVu Sans where it lacks a glyph)."""
    return {
        "font.sans-serif": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
        "font.family": "sans-serif",
        "axes.unicode_minus": False,
        "svg.fonttype": "none",
    }


def use_cjk_font() -> str | None:
    """Draw every later figure of this process with the CJK font (a notebook's first cell);
    the font's name, or None after the warning of :data:`NO_CJK_FONT`."""
    import matplotlib

    font = cjk_font()
    params: Any = matplotlib.rcParams  # typed by literal keys; ours are among them
    params.update(font_rc(font))
    return font


def _pyplot(*, agg: bool = True) -> Any:
    """pyplot, on the Agg backend for files (``write_figures``); ``agg=False`` keeps the
    backend in use (a notebook's inline one)."""
    import matplotlib

    if agg:
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
    rc = font_rc(cjk_font())
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


# --- figures for notebooks: each returns a Figure, drawn with the font of use_cjk_font -----
_DRAW = {
    "campaign_timeline": _campaign_timeline,
    "indicator_lines": _indicator_lines,
    "keyword_trends": _keyword_trends,
}


def draw(name: str, results: Mapping[str, pd.DataFrame], series: str, *, top: int = 25) -> Any:
    """One figure of ``write_figures`` (``campaign_timeline``, ``indicator_lines``,
    ``keyword_trends``) for one series, as a matplotlib Figure; None when it has no data."""
    if name not in _DRAW:
        raise ValueError(f"unknown figure {name!r}; choose one of {', '.join(_DRAW)}")
    return _DRAW[name](_pyplot(agg=False), results, series, top)


def multi_year(sentences: pd.Series) -> pd.Series:
    """Whether each sentence states a figure over several years (年均, 比2002年, 五年来):
    ``indicator_years`` leaves it out (compare's cells already take figures of span
    ``period`` only)."""
    return sentences.fillna("").astype(str).str.contains(_MULTI_YEAR.pattern)


_ROLE_NAMES = {"result": "实际 result", "target": "目标 target"}


def indicator_years(
    results: Mapping[str, pd.DataFrame], series: str, indicator: str, unit: str = "%"
) -> Any:
    """One indicator of one series by period: results solid, targets dashed, a target range
    (6%－6.5%) as a band from its low to its high; cells whose sentence spans several years,
    and cells whose candidates conflict, are left out and named under the axis.  The values
    are ``compare``'s ``indicator_long`` cells, as they are.  None when the series has no
    value of the indicator."""
    long = results["indicator_long"]
    cells = long[
        (long["series"] == series) & (long["indicator"] == indicator) & (long["unit"] == unit)
    ]
    if cells.empty:
        return None
    plt = _pyplot(agg=False)
    out = multi_year(cells["sentence"])
    if "conflict" in cells.columns:  # a cell whose candidates differ draws no point
        out = out | cells["conflict"].astype(bool)
        cells = cells[cells["chosen"].astype(bool) | cells["conflict"].astype(bool)]
        cells = cells.drop_duplicates(["role", "period", "conflict"])
        out = out.loc[cells.index]
    kept, left_out = cells[~out], cells[out]
    periods = sorted(set(kept["period"]), key=period_key)
    yearly = all(re.fullmatch(r"\d{4}", p) for p in periods)
    x_of = {p: int(p) if yearly else i for i, p in enumerate(periods)}
    fig, ax = plt.subplots(figsize=(max(7.0, 0.16 * len(periods) + 5), 4.2))
    for colour, (role, style) in zip(
        ("C0", "C1"), (("result", "-"), ("target", "--")), strict=True
    ):
        part = kept[kept["role"] == role].sort_values("period", key=lambda s: s.map(period_key))
        if part.empty:
            continue
        xs = part["period"].map(x_of)
        ax.plot(
            xs,
            part["value"],
            style,
            color=colour,
            marker="o",
            markersize=3,
            label=_ROLE_NAMES[role],
        )
        ranged = part[part["low"].notna() & part["high"].notna()]
        for i, (x, low, high) in enumerate(
            zip(ranged["period"].map(x_of), ranged["low"], ranged["high"], strict=True)
        ):
            ax.fill_between(
                [x - 0.4, x + 0.4],
                low,
                high,
                color=colour,
                alpha=0.3,
                label="目标区间 target range" if i == 0 else None,
            )
    ax.set_title(f"{series}：{indicator}（{unit}）目标与实际 targets and results")
    ax.set_ylabel(unit)
    if not yearly:
        ax.set_xticks(range(len(periods)), periods, rotation=90, fontsize=7)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    if not left_out.empty:
        named = "、".join(
            f"{p} {r}" for p, r in zip(left_out["period"], left_out["role"], strict=True)
        )
        ax.set_xlabel(f"多年数字未画出 left out, over several years: {named}", fontsize=8)
    fig.tight_layout()
    return fig
