"""Comparing reports across periods (extractor/analysis/compare.py, workreport compare)."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
import regex
from conftest import CORPORA, SHARED, SHARED_REASON
from typer.testing import CliRunner

import extractor
from extractor.analysis.compare import (
    compare,
    load_stopwords,
    load_tables,
    overlaps,
    period_key,
    period_span,
    series_windows,
    sorted_periods,
)
from extractor.batch.run import run_batch
from extractor.cli.main import app
from extractor.export.tables import report_tables
from extractor.io.reading import iter_inputs
from extractor.text.fold import fold

MANIFEST = CORPORA / "series.csv"
STATE_COUNCIL = SHARED / "real" / "state-council"
COUNTY_H1, COUNTY_YEAR = "01_county_halfyear_2020", "13_county_annual_2020"


@pytest.fixture(scope="module")
def corpus_tables():
    return report_tables(run_batch(iter_inputs([CORPORA])), with_text=True)


@pytest.fixture(scope="module")
def corpus(corpus_tables):
    return compare(corpus_tables, manifest=MANIFEST)


@pytest.fixture(scope="module")
def state_council():
    if not STATE_COUNCIL.is_dir():
        pytest.skip(SHARED_REASON)
    tables = report_tables(run_batch(iter_inputs([STATE_COUNCIL])), with_text=True)
    return tables, compare(tables, manifest=SHARED / "real" / "MANIFEST.csv")


# --- periods --------------------------------------------------------------------------------
# fmt: off
SPANS = [
    ("2020",   (2020 * 12, 2020 * 12 + 11)),
    ("2020H1", (2020 * 12, 2020 * 12 + 5)),
    ("2020H2", (2020 * 12 + 6, 2020 * 12 + 11)),
    ("2020Q3", (2020 * 12 + 6, 2020 * 12 + 8)),
    ("",       None),
    ("2020H3", None),
]
OVERLAPS = [
    ("2020H2", "2020",   True),
    ("2020",   "2020Q3", True),
    ("2020H1", "2020H2", False),
    ("2020",   "2021",   False),
    ("2020",   "",       False),
]
# fmt: on


@pytest.mark.parametrize(("period", "span"), SPANS)
def test_period_span(period, span):
    assert period_span(period) == span


@pytest.mark.parametrize(("a", "b", "expected"), OVERLAPS)
def test_overlaps(a, b, expected):
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_periods_sort_by_their_end_the_shorter_first():
    assert sorted_periods(["2021", "2020", "2020H2", "2020H1", "", "2020Q3", "2020"]) == [
        "2020H1", "2020Q3", "2020H2", "2020", "2021",
    ]  # fmt: skip
    assert period_key("2019") < period_key("2020H1") < period_key("unknown")


# --- series ---------------------------------------------------------------------------------
def test_series_default_to_the_folder_and_a_manifest_overrides(corpus_tables, corpus):
    assert set(corpus_tables["documents"]["series"]) == {CORPORA.name}
    series = dict(zip(corpus["periods"]["doc_id"], corpus["periods"]["series"], strict=True))
    assert series[COUNTY_H1] == series[COUNTY_YEAR] == "青石县"
    assert series["03_province_gwr_2023"] == series["10_gwr_targets_2024"] == "东川省"
    county = corpus["periods"][corpus["periods"]["series"] == "青石县"]
    assert list(county["doc_id"]) == [COUNTY_H1, COUNTY_YEAR]  # in period order
    assert list(county["period"]) == ["2020H1", "2020"]


def test_a_manifest_period_overrides_the_documents(corpus_tables, tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        f"path,series,period\n{CORPORA}/{COUNTY_H1}.txt,甲县,2019\n", encoding="utf-8"
    )
    out = compare(corpus_tables, manifest=manifest)
    row = out["periods"].set_index("doc_id").loc[COUNTY_H1]
    assert (row["series"], row["period"]) == ("甲县", "2019")
    assert out["periods"].set_index("doc_id").loc[COUNTY_YEAR, "series"] == CORPORA.name


# --- plan follow-up -------------------------------------------------------------------------
def test_county_half_year_plans_link_to_the_annual_summary(corpus):
    rows = corpus["plan_followup"]
    rows = rows[rows["plan_doc_id"] == COUNTY_H1].set_index("plan_marker")
    assert list(rows.index) == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert set(rows["plan_period"]) == {"2020H2"}
    # the H2 plan's topics, written into the annual summary in another order
    linked = {"一是": "一是", "二是": "二是", "四是": "三是", "五是": "四是", "六是": "五是"}
    for plan, review in linked.items():
        row = rows.loc[plan]
        assert (row["status"], row["review_doc_id"], row["review_marker"]) == (
            "reported", COUNTY_YEAR, review,
        ), row.to_dict()  # fmt: skip
        assert row["review_period"] == "2020"
    # 三是 (文旅产业复苏) was promised and never reported
    missed = rows.loc["三是"]
    assert (missed["status"], missed["review_measure_id"]) == ("not_reported", "")
    assert missed["score"] < rows.loc[list(linked)]["score"].min()


def test_shared_terms_explain_the_score(corpus_tables, corpus):
    measures = corpus_tables["measures"].set_index(["doc_id", "measure_id"])
    rows = corpus["plan_followup"]
    for row in rows[rows["status"] == "reported"].itertuples():
        terms = row.shared_terms.split("、")
        assert terms and 0 < row.score <= 1
        plan = measures.loc[(row.plan_doc_id, row.plan_measure_id)]
        review = measures.loc[(row.review_doc_id, row.review_measure_id)]
        for term in terms:
            assert term in plan["headline"] + plan["text"]
            assert term in review["headline"] + review["text"]


def test_plans_with_no_later_document_say_so(corpus):
    rows = corpus["plan_followup"]
    last = rows[rows["plan_doc_id"] == COUNTY_YEAR]
    assert len(last) == 3
    assert set(last["status"]) == {"no_later_document"}


# --- campaigns ------------------------------------------------------------------------------
def test_campaign_matrix_status_follows_first_and_last_seen(corpus):
    matrix = corpus["campaign_matrix"]
    county = matrix[matrix["series"] == "青石县"].set_index("norm")
    assert county.loc["最多跑一次", "status"] == "continued"  # in both reports
    assert county.loc["防护墙", "status"] == "dropped"  # the half-year slogan only
    assert county.loc["防控线", "status"] == "new"  # the annual summary's only
    assert county.loc["防控线", "2020H1"] == 0 and county.loc["防控线", "2020"] == 1
    assert pd.isna(county.loc["防控线", "2021"])  # no county document in 2021
    for row in matrix.itertuples():
        assert row.first_seen <= row.last_seen or period_key(row.first_seen) <= period_key(
            row.last_seen
        )
    assert not set(matrix["kind"]) & {"document", "honour"}


def test_campaign_long_counts_add_up_to_the_matrix(corpus):
    long, matrix = corpus["campaign_long"], corpus["campaign_matrix"]
    totals = long.groupby(["series", "norm"])["count"].sum()
    for row in matrix.itertuples():
        assert totals[(row.series, row.norm)] == row.total
    county = long[(long["series"] == "青石县") & (long["norm"] == "防护墙")]
    assert list(zip(county["period"], county["count"], county["status"], strict=True)) == [
        ("2020H1", 1, "new"),
        ("2020", 0, "dropped"),
    ]


# --- indicators -----------------------------------------------------------------------------
_TARGET_SENTENCE = regex.compile(r"预期目标[^。]*?(?:地区|国内)生产总值增长(\d+(?:\.\d+)?)%")


def test_indicator_panel_reads_the_gdp_targets_of_the_province(corpus):
    long = corpus["indicator_long"]
    long = long[long["chosen"]]
    # the growth of 国内生产总值 is 经济增长 (SPEC §2 indicator_norm)
    gdp = long[(long["series"] == "东川省") & (long["indicator"] == "经济增长")]
    targets = gdp[(gdp["unit"] == "%") & (gdp["role"] == "target")].set_index("period")
    for name, period in (("03_province_gwr_2023", "2023"), ("10_gwr_targets_2024", "2024")):
        text = fold((CORPORA / f"{name}.txt").read_text(encoding="utf-8"))
        stated = float(_TARGET_SENTENCE.search(text).group(1))
        assert targets.loc[period, "value"] == stated
    panel = corpus["indicator_panel"].set_index(["series", "indicator", "unit", "role"])
    assert panel.loc[("东川省", "经济增长", "%", "target"), "2024"] == targets.loc["2024", "value"]


def test_masked_figures_never_enter_the_panel(corpus):
    long = corpus["indicator_long"]
    assert long["value"].notna().all()
    assert not long["value_text"].str.contains("X").any()


# --- keywords and sections ------------------------------------------------------------------
def test_keyword_trends_are_counts_per_ten_thousand_characters(corpus_tables):
    out = compare(corpus_tables, manifest=MANIFEST, min_count=1)
    kw = out["keyword_trends"]
    stop = load_stopwords()
    assert not set(kw["term"]) & stop
    assert (kw["per_10k"] - kw["count"] * 10_000 / kw["chars"]).abs().max() < 0.01
    county = kw[(kw["series"] == "青石县") & (kw["period"] == "2020")].set_index("term")
    text = (CORPORA / f"{COUNTY_YEAR}.txt").read_text(encoding="utf-8")
    assert county["chars"].iloc[0] == len(text)
    # a campaign name stays whole, counted as often as it is written
    assert county.loc["最多跑一次", "count"] == text.count("最多跑一次")
    assert county.loc["两进两回", "count"] == text.count("两进两回")


def test_section_profile_shares_add_up_to_one(corpus):
    profile = corpus["section_profile"]
    sums = profile.groupby("doc_id")["share"].sum()
    assert ((sums - 1).abs() < 0.001).all()
    county = profile[profile["doc_id"] == COUNTY_YEAR].set_index("kind")
    assert set(county.index) == {"review", "problems", "plan", "none"}
    assert county.loc["review", "share"] > county.loc["problems", "share"]


# --- API and command line -------------------------------------------------------------------
def test_extractor_compare_is_callable_and_pandas_loads_lazily(corpus_tables):
    code = "import sys, extractor; print('pandas' in sys.modules)"
    lazy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert lazy.stdout.strip() == "False"
    out = extractor.compare(corpus_tables, manifest=MANIFEST)
    assert set(out) >= {"campaign_matrix", "indicator_panel", "plan_followup", "keyword_trends",
                        "section_profile"}  # fmt: skip


def test_compare_reads_no_report_file_and_gives_the_same_from_any_folder(
    corpus, tmp_path, monkeypatch
):
    """The tables alone make the comparison: extracted without text, from a relative path,
    compared from another folder (where those paths lead nowhere), it is the same."""
    monkeypatch.chdir(CORPORA.parent)
    tables = tmp_path / "tables"
    result = CliRunner().invoke(app, ["extract", "corpora", "--out", str(tables)])
    assert result.exit_code == 0, result.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert not (elsewhere / "corpora").exists()
    out = compare(tables, manifest=MANIFEST)
    assert len(out["keyword_trends"]) > 1000
    for name, df in corpus.items():
        if name != "periods":  # its paths are as extract was given them
            pd.testing.assert_frame_equal(
                df.reset_index(drop=True), out[name].reset_index(drop=True),
                check_dtype=False, obj=name,
            )  # fmt: skip


def test_a_missing_table_is_an_error_naming_it(corpus_tables, tmp_path):
    with pytest.raises(ValueError, match="terms"):
        compare({k: v for k, v in corpus_tables.items() if k != "terms"})
    folder = tmp_path / "tables"
    assert CliRunner().invoke(app, ["extract", str(CORPORA), "--out", str(folder)]).exit_code == 0
    (folder / "terms.parquet").unlink()
    result = CliRunner().invoke(app, ["compare", str(folder), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 2
    assert "terms" in result.output and str(folder) in result.output.replace("\n", "")


def test_unreadable_documents_are_left_out_of_the_comparison(tmp_path):
    folder = tmp_path / "县"
    folder.mkdir()
    (folder / "a.txt").write_bytes((CORPORA / f"{COUNTY_H1}.txt").read_bytes())
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    tables = report_tables(run_batch(iter_inputs([folder])), with_text=True)
    assert list(tables["documents"]["status"]) == ["ok", "error"]
    out = compare(tables)
    assert list(out["periods"]["doc_id"]) == ["a"]
    assert set(out["periods"]["series"]) == {"县"}


def test_compare_needs_the_batch_tables(corpus_tables):
    with pytest.raises(ValueError, match="claims"):
        compare({k: v for k, v in corpus_tables.items() if k != "claims"})


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx"])
def test_compare_reads_a_folder_of_extracted_tables(tmp_path, corpus, fmt):
    runner = CliRunner()
    tables = tmp_path / "tables"
    result = runner.invoke(app, ["extract", str(CORPORA), "--out", str(tables), "-f", fmt])
    assert result.exit_code == 0, result.output
    out = tmp_path / "cmp"
    args = ["compare", str(tables), "--out", str(out), "--manifest", str(MANIFEST), "-f", fmt]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    loaded = load_tables(tables)
    assert set(loaded) == {"documents", "sections", "measures", "claims", "campaigns", "terms"}
    again = compare(loaded, manifest=MANIFEST)["plan_followup"]
    assert again.equals(corpus["plan_followup"])
    written = {
        "csv": lambda: pd.read_csv(out / "plan_followup.csv", encoding="utf-8-sig"),
        "jsonl": lambda: pd.read_json(out / "plan_followup.jsonl", lines=True),
        "parquet": lambda: pd.read_parquet(out / "plan_followup.parquet"),
        "xlsx": lambda: pd.read_excel(out / "compare.xlsx", sheet_name="plan_followup"),
    }[fmt]()
    assert list(written["status"]) == list(corpus["plan_followup"]["status"])
    assert list(written["plan_headline"]) == list(corpus["plan_followup"]["plan_headline"])


def test_compare_command_on_report_files_and_bad_input(tmp_path):
    runner = CliRunner()
    out = tmp_path / "cmp"
    result = runner.invoke(app, ["compare", str(CORPORA), "--out", str(out), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert (out / "campaign_matrix.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    bad = runner.invoke(app, ["compare", str(tmp_path / "missing"), "--out", str(out)])
    assert bad.exit_code == 2 and "no such file" in bad.output
    fmt = runner.invoke(app, ["compare", str(CORPORA), "--out", str(out), "-f", "docx"])
    assert fmt.exit_code == 2 and "unknown format" in fmt.output


def test_min_score_and_stopwords_options(tmp_path):
    runner = CliRunner()
    stop = tmp_path / "stop.txt"
    stop.write_text("# mine\n疫情 防控\n", encoding="utf-8")
    out = tmp_path / "cmp"
    args = ["compare", str(CORPORA), "--out", str(out), "--manifest", str(MANIFEST), "-f", "jsonl"]
    result = runner.invoke(app, [*args, "--min-score", "0.99", "--stopwords", str(stop)])
    assert result.exit_code == 0, result.output
    followup = pd.read_json(out / "plan_followup.jsonl", lines=True)
    county = followup[followup["plan_doc_id"] == COUNTY_H1]
    assert set(county["status"]) == {"not_reported"}
    terms = set(pd.read_json(out / "keyword_trends.jsonl", lines=True)["term"])
    assert "疫情" not in terms and "防控" not in terms
    assert "加强" in terms  # the shipped stop list is replaced, not extended


def test_csv_cells_that_look_like_formulas_are_neutralised(tmp_path):
    from extractor.export.comparison import write_results

    df = pd.DataFrame({"norm": ["=HYPERLINK(1)", "放管服"], "count": [1, 2]})
    (path,) = write_results({"campaign_matrix": df}, tmp_path, "csv")
    cells = pd.read_csv(path, encoding="utf-8-sig")["norm"].tolist()
    assert cells == ["'=HYPERLINK(1)", "放管服"]


# --- figures --------------------------------------------------------------------------------
def test_figures_render_as_png_and_svg_and_are_not_blank(corpus, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib.image

    from extractor.analysis.plots import write_figures

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = write_figures(corpus, tmp_path)
    assert not [w for w in caught if "Glyph" in str(w.message)]
    names = {p.name for p in paths}
    for figure in ("campaign_timeline", "indicator_lines", "keyword_trends"):
        assert f"{figure}_青石县.png" in names and f"{figure}_青石县.svg" in names
    assert "campaign_timeline_东川省.png" in names
    for path in paths:
        if path.suffix == ".png":
            pixels = matplotlib.image.imread(path)
            assert pixels.shape[0] > 200 and pixels.shape[1] > 300, path.name
            assert pixels[..., :3].std() > 0.05, f"{path.name} is blank"
        else:
            assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_without_a_cjk_font_figures_still_render_with_one_warning(
    corpus, tmp_path, monkeypatch, caplog, request
):
    pytest.importorskip("matplotlib")
    import copy

    from matplotlib import font_manager

    from extractor.analysis import plots as compare_plots

    stale = copy.copy(font_manager.fontManager)  # a cache without CJK fonts, none to add
    stale.ttflist = [f for f in stale.ttflist if not compare_plots._cjk_in_entry(f)]
    monkeypatch.setattr(font_manager, "fontManager", stale)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a: [])
    compare_plots.cjk_font.cache_clear()
    request.addfinalizer(compare_plots.cjk_font.cache_clear)
    county = {k: v[v["series"] == "青石县"] if "series" in v else v for k, v in corpus.items()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = compare_plots.write_figures(county, tmp_path)
    assert len(paths) == 6
    assert not [w for w in caught if "Glyph" in str(w.message)]
    messages = [r.getMessage() for r in caplog.records if "CJK" in r.getMessage()]
    assert len(messages) == 1 and messages[0].startswith("no CJK font found")
    assert "sudo apt-get install fonts-noto-cjk" in messages[0]


def test_compare_plots_option_writes_figures(tmp_path):
    pytest.importorskip("matplotlib")
    runner = CliRunner()
    out = tmp_path / "cmp"
    args = ["compare", str(CORPORA), "--out", str(out), "--manifest", str(MANIFEST), "--plots"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "indicator_lines_青石县.png").stat().st_size > 5_000


# --- the State Council series (../shared) ---------------------------------------------------
_GWR_TARGET = regex.compile(r"预期目标(?:是|为)?：[^。]*?国内生产总值增长(\d+(?:\.\d+)?)%")


def test_gdp_growth_targets_of_the_state_council(state_council):
    tables, out = state_council
    long = out["indicator_long"]
    targets = long[
        (long["series"] == "state-council") & (long["indicator"] == "经济增长")
        & (long["unit"] == "%") & (long["role"] == "target") & long["chosen"]
    ].set_index("period")  # fmt: skip
    texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"], strict=True))
    checked = []
    for doc_id, text in texts.items():
        m = _GWR_TARGET.search(fold(text))
        if m:
            year = doc_id.rsplit("/", 1)[-1]
            assert targets.loc[year, "value"] == float(m.group(1)), year
            checked.append(year)
    assert len(checked) >= 3, checked
    # 2020's report set no growth target: the panel must not invent one
    assert "2020" not in targets.index


def test_last_years_results_recalled_in_a_plan_section_are_last_years(state_council):
    """The 2011 report's section on 2011 opens with 过去一年…国内生产总值增长10.3%, 居民消费
    价格涨幅控制在3.3%, 城镇新增就业1168万人: 2010's results, not 2011's targets, and each
    a year's own figure rather than the 十一五 totals (5771万, 11.2%) of the same report."""
    _, out = state_council
    long = out["indicator_long"]
    long = long[(long["series"] == "state-council") & long["chosen"]].set_index(
        ["indicator", "unit", "role", "period"]
    )
    assert long.loc[("经济增长", "%", "result", "2010"), "value"] == 10.3
    assert long.loc[("居民消费价格", "%", "result", "2010"), "value"] == 3.3
    assert long.loc[("城镇新增就业", "人", "result", "2010"), "value"] == 1.168e7
    assert long.loc[("居民消费价格", "%", "target", "2011"), "value"] == 4.0


# fmt: off
NATIONAL_CAMPAIGNS = ["一带一路", "脱贫攻坚", "供给侧结构性改革", "乡村振兴", "放管服",
                      "西部大开发", "科学发展观", "京津冀协同发展", "新质生产力"]
# fmt: on


def test_campaign_matrix_shows_the_years_of_national_campaigns(state_council):
    tables, out = state_council
    matrix = out["campaign_matrix"].set_index(["series", "norm"])
    periods = dict(zip(out["periods"]["doc_id"], out["periods"]["period"], strict=True))
    texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"], strict=True))
    for name in NATIONAL_CAMPAIGNS:
        row = matrix.loc[("state-council", name)]
        shown = {p for p in periods.values() if row.get(p, 0) and row[p] > 0}
        written = {periods[d] for d, text in texts.items() if name in fold(text)}
        assert shown == written, name
        assert row["first_seen"] == min(written, key=period_key)
    assert matrix.loc[("state-council", "新质生产力"), "status"] == "continued"
    # rare as it is, a campaign name is a keyword, counted whole
    kw = out["keyword_trends"]
    rare = kw[(kw["series"] == "state-council") & (kw["term"] == "新质生产力")]
    written = {periods[d]: fold(t).count("新质生产力") for d, t in texts.items()}
    assert dict(zip(rare["period"], rare["count"], strict=True)) == {
        p: n for p, n in written.items() if n
    }
    assert matrix.loc[("state-council", "科学发展观"), "status"] == "dropped"


# The growth targets of the State Council's reports, as the reports state them (public
# record): year → (low, high) in per cent.  1992–1995 write 国民生产总值 and 经济增长速度,
# 1995 a range in Chinese numerals, 2016 and 2019 ranges; 2020 set no target.  The corpus's
# copies of 2000 and 2002 hold no target paragraph.  2001 states only the 十五's yearly average
# (“十五”期间年均经济增长速度预期目标为7％左右) in its part on the five-year plan, which speaks of
# 2001-2005 since session 13: a figure of those years, no cell of 2001.
# fmt: off
GDP_GROWTH_TARGETS = {
    "1993": (8, 8), "1995": (8, 9), "1996": (8, 8), "1997": (8, 8), "1998": (8, 8),
    "1999": (7, 7), "2003": (7, 7),
    "2004": (7, 7), "2005": (8, 8), "2006": (8, 8), "2007": (8, 8), "2008": (8, 8),
    "2009": (8, 8), "2010": (8, 8), "2011": (8, 8), "2012": (7.5, 7.5), "2013": (7.5, 7.5),
    "2014": (7.5, 7.5), "2015": (7, 7), "2016": (6.5, 7), "2017": (6.5, 6.5),
    "2018": (6.5, 6.5), "2019": (6, 6.5), "2021": (6, 6), "2022": (5.5, 5.5),
    "2023": (5, 5), "2024": (5, 5), "2025": (5, 5),
}
# fmt: on


def test_the_gdp_growth_target_panel_of_the_state_council_is_complete(state_council):
    _, out = state_council
    years = set(out["periods"][out["periods"]["series"] == "state-council"]["period"])
    panel = out["indicator_panel"].set_index(["series", "indicator", "unit", "role"])
    row = panel.loc[("state-council", "经济增长", "%", "target")]
    long = out["indicator_long"]
    chosen = long[
        (long["series"] == "state-council") & (long["indicator"] == "经济增长")
        & (long["role"] == "target") & long["chosen"]
    ].set_index("period")  # fmt: skip
    wrong = {}
    for year, (low, high) in GDP_GROWTH_TARGETS.items():
        if year not in years:
            continue
        got = row.get(year)
        if got != low or (high != low and chosen.loc[year, "high"] != high):
            wrong[year] = (got, chosen.loc[year, "high"] if year in chosen.index else None)
    assert not wrong, wrong
    # 2020 stated no growth target: absent, not an invented value
    assert pd.isna(row.get("2020"))
    # no cell of the GDP rows holds a five-year average or a movement's starting value
    cells = long[
        (long["series"] == "state-council") & long["indicator"].isin(["经济增长", "国内生产总值"])
    ]  # fmt: skip
    for c in cells.itertuples():
        sentence = fold(c.sentence)
        figure = fold(c.value_text)
        assert f"年均增长{figure}" not in sentence, (c.period, c.sentence)
        assert not regex.search(
            rf"[由从][^，。；]{{0,8}}{regex.escape(figure)}[^，。；]{{0,12}}[到至]", sentence
        ), (c.period, c.sentence)


# --- cells researchers can trust (SPEC §5) ----------------------------------------------------
_DRAFT = (
    "青岚县2021年政府工作报告\n一、2020年工作回顾\n全县地区生产总值达到{gdp}亿元，增长{growth}%，"
    "五年来年均增长7.5%。全县深入推进“放管服”改革，“放管服”成效明显。\n"
    "二、2021年工作安排\n今年全县地区生产总值预期增长6%左右。\n"
)


def test_two_documents_of_one_period_are_a_warning_and_a_conflict_never_a_sum(tmp_path):
    folder = tmp_path / "青岚县"
    folder.mkdir()
    (folder / "2021.txt").write_text(_DRAFT.format(gdp=120, growth=5.1), encoding="utf-8")
    (folder / "2021-final.txt").write_text(_DRAFT.format(gdp=121, growth=5.1), encoding="utf-8")
    tables = report_tables(run_batch(iter_inputs([folder])), with_text=True)
    out = compare(tables)
    (warning,) = out["warnings"].itertuples()
    assert warning.period == "2021" and warning.documents == 2
    assert "2021.txt" in warning.message and "2021-final.txt" in warning.message
    long = out["indicator_long"]
    level = long[(long["indicator"] == "国内生产总值") & (long["unit"] == "元")]
    assert sorted(level["value"]) == [1.2e10, 1.21e10] and level["conflict"].all()
    panel = out["indicator_panel"].set_index(["series", "indicator", "unit", "role"])
    row = panel.loc[("青岚县", "国内生产总值", "元", "result")]
    assert pd.isna(row["2020"]) and row["conflicts"] == "2020"
    # the growth both state agrees: one value, and the five-year average is no candidate
    growth = long[(long["indicator"] == "经济增长") & (long["role"] == "result")]
    assert set(growth["value"]) == {5.1} and not growth["conflict"].any()
    assert panel.loc[("青岚县", "经济增长", "%", "result"), "2020"] == 5.1
    # a campaign named twice in each document counts 2 for the period, not 4
    matrix = out["campaign_matrix"].set_index(["series", "norm"])
    assert matrix.loc[("青岚县", "放管服"), "2021"] == 2


def test_a_real_report_filed_twice_is_a_warning_and_counts_once(tmp_path):
    """A byte-identical copy is reported once by the batch; a copy in another encoding is a
    second document of the period: a warning naming both, never twice the counts."""
    if not STATE_COUNCIL.is_dir():
        pytest.skip(SHARED_REASON)
    once, twice = tmp_path / "once" / "state-council", tmp_path / "twice" / "state-council"
    once.mkdir(parents=True)
    twice.mkdir(parents=True)
    report = (STATE_COUNCIL / "2019.txt").read_bytes()
    (once / "2019.txt").write_bytes(report)
    (twice / "2019.txt").write_bytes(report)
    # the same report saved again in another encoding: other bytes, the same text
    (twice / "2019-draft.txt").write_bytes(report.decode("utf-8").encode("gb18030"))
    single = compare(report_tables(run_batch(iter_inputs([once])), with_text=True))
    double = compare(report_tables(run_batch(iter_inputs([twice])), with_text=True))
    (warning,) = double["warnings"].itertuples()
    assert warning.documents == 2 and warning.period == "2019"
    assert "2019.txt" in warning.message and "2019-draft.txt" in warning.message
    # every campaign counts what one copy holds, not twice that
    counts = ["series", "norm", "period", "count"]
    assert double["campaign_long"][counts].equals(single["campaign_long"][counts])
    # the copies agree: the panel is the single copy's, its own conflicts and no more
    assert double["indicator_panel"].equals(single["indicator_panel"])
    # the command says so on standard error
    result = CliRunner().invoke(app, ["compare", str(twice), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "2019-draft.txt" in result.output


def test_series_windows_hold_whole_series_of_about_the_size_asked():
    docs = pd.DataFrame({"series": ["a", "a", "a", "b", "c", "c", "d", "e", "e", "e", "e"]})
    assert series_windows(docs, 3) == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
    assert series_windows(docs, 100) == [0] * 11
    assert series_windows(docs.iloc[:0], 3) == []


def test_compare_from_a_folder_reads_one_window_of_series_at_a_time(
    corpus_tables, tmp_path, monkeypatch
):
    """Why compare's memory is flat in the number of documents: from a folder it reads the
    rows of a window of whole series at a time, never a whole table (apart from the doc_id
    column that says which pieces hold a window), and gives what it gives in memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    import extractor.analysis.compare as module

    docs = corpus_tables["documents"]
    ids = list(docs["doc_id"])
    for part, start in enumerate(range(0, len(ids), 4)):  # a dataset of parts of 4 documents
        for name in [t for t in corpus_tables if t != "documents"] + ["documents"]:
            rows = corpus_tables[name]
            rows = rows[rows["doc_id"].isin(ids[start : start + 4])]
            (tmp_path / name).mkdir(exist_ok=True)
            path = tmp_path / name / f"part-{part:05d}.parquet"
            pq.write_table(pa.Table.from_pandas(rows, preserve_index=False), path)
    held: list[set[str]] = []
    read_piece = module.read_piece

    def counting(piece, *, doc_ids=None, columns=None, **options):
        rows = read_piece(piece, doc_ids=doc_ids, columns=columns, **options)
        if columns is None:  # rows compare works on (not the doc_id index, campaign names)
            arrow = options.get("arrow", False)
            held.append(set(rows.column("doc_id").to_pylist() if arrow else rows["doc_id"]))
        return rows

    monkeypatch.setattr(module, "read_piece", counting)
    got = compare(tmp_path, manifest=MANIFEST, window_docs=3)
    windows = module._documents(docs, module.read_manifest(MANIFEST))
    windows = windows.assign(window=series_windows(windows, 3)).groupby("window")["doc_id"]
    members = [set(w) for _, w in windows]
    assert len(members) > 3
    assert held and all(any(h <= m for m in members) for h in held)
    assert max(len(h) for h in held) < len(ids) / 2
    monkeypatch.setattr(module, "read_piece", read_piece)
    whole = compare(corpus_tables, manifest=MANIFEST)
    for name, frame in whole.items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)


def as_dataset(tables: dict[str, pd.DataFrame], folder: Path, size: int = 4) -> Path:
    """The tables as a dataset of parts of ``size`` documents each (as extract writes)."""
    ids = list(tables["documents"]["doc_id"])
    for name, frame in tables.items():
        for part, start in enumerate(range(0, len(ids), size)):
            (folder / name).mkdir(parents=True, exist_ok=True)
            rows = frame[frame["doc_id"].isin(ids[start : start + size])]
            rows.to_parquet(folder / name / f"part-{part:05d}.parquet", index=False)
    return folder


def test_windows_compared_in_worker_processes_give_the_same_tables(corpus_tables, tmp_path):
    """``compare --jobs N`` over a folder: whole windows of series go to worker processes,
    several at once, and their rows come back in the windows' order, so the tables are
    those of the windows compared one after another here."""
    from extractor.analysis import pieces

    as_dataset(corpus_tables, tmp_path)
    here = compare(tmp_path, manifest=MANIFEST, window_docs=2)
    engine, asked = pieces.in_processes(2), []

    def windows(job, items):
        asked.append(len(items))
        return engine.windows(job, items)

    try:
        got = compare(tmp_path, manifest=MANIFEST, window_docs=2, map_pieces=engine,
                      map_windows=windows)  # fmt: skip
    finally:
        engine.close()
    assert asked and asked[0] > 3
    for name, frame in here.items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)


def test_series_windows_close_at_a_number_of_characters_too():
    docs = pd.DataFrame({"series": ["a", "a", "b", "c", "c", "d"],
                         "chars": [900, 300, 50, 40, 40, 10]})  # fmt: skip
    assert series_windows(docs, 100, 1000) == [0, 0, 1, 1, 1, 1]
    assert series_windows(docs, 100, 100) == [0, 0, 1, 1, 1, 2]
    assert series_windows(docs, 100, 45) == [0, 0, 1, 2, 2, 3]
    assert series_windows(docs, 2, 10_000) == [0, 0, 1, 1, 1, 2]


def test_compare_written_a_window_at_a_time_gives_the_same_files(corpus_tables, tmp_path):
    """The command writes each window's rows as they come (memory flat in the batch): its
    files are those of the whole tables written at once, CSV and JSON Lines byte for
    byte, Parquet row for row (one row group a window), with windows of two documents."""
    import pyarrow.parquet as pq

    from extractor.analysis.compare import compare_parts
    from extractor.export.comparison import write_parts, write_results

    whole = compare(corpus_tables, manifest=MANIFEST)
    dataset = as_dataset(corpus_tables, tmp_path / "tables")
    for fmt in ("csv", "jsonl", "parquet"):
        parts = compare_parts(dataset, manifest=MANIFEST, window_docs=2, panels=True)
        streamed = write_parts(parts, tmp_path / f"streamed-{fmt}", fmt)
        written = write_results(whole, tmp_path / f"whole-{fmt}", fmt)
        assert [p.name for p in streamed.written] == [p.name for p in written]
        assert streamed.rows == {name: len(df) for name, df in whole.items()}
        for mine, theirs in zip(streamed.written, written, strict=True):
            if fmt != "parquet":
                assert mine.read_bytes() == theirs.read_bytes(), mine.name
                continue
            pd.testing.assert_frame_equal(pd.read_parquet(mine), pd.read_parquet(theirs))
            assert pq.read_schema(mine).equals(pq.read_schema(theirs)), mine.name
        assert not [p for p in (tmp_path / f"streamed-{fmt}").iterdir() if p.name.startswith(".")]
    assert (
        pq.ParquetFile(tmp_path / "streamed-parquet" / "keyword_trends.parquet").num_row_groups > 3
    )


def test_parquet_parts_with_a_column_empty_in_one_window_take_the_others_type(tmp_path):
    """A window whose column is all empty (None: Arrow's null type) and one that has
    numbers: the file joined from the two holds numbers, as the whole table would."""
    from extractor.export.comparison import TableSink

    first = pd.DataFrame({"series": ["a", "a"], "low": [None, None]})
    second = pd.DataFrame({"series": ["b"], "low": [2.5]})
    with TableSink(tmp_path / "t.parquet", "parquet", tmp_path / "spill") as sink:
        sink.add(first)
        sink.add(second)
        sink.close()
    whole = pd.concat([first, second], ignore_index=True)
    got = pd.read_parquet(tmp_path / "t.parquet")
    assert got["low"].tolist()[2] == 2.5 and got["low"].isna().tolist() == [True, True, False]
    assert list(got["series"]) == list(whole["series"]) and sink.rows == 3


def test_term_pieces_sum_documents_by_series_and_period_and_collect_measure_sets():
    """compare's terms work on arrays (extractor.analysis.termsets): what a piece gives,
    merged, is what the rows say, stop words and rows of other documents left out."""
    import pyarrow as pa

    from extractor.analysis.termsets import TermTotals, term_piece

    rows = pa.table({
        "doc_id":     ["a",    "a",    "a",    "a",    "b",    "b",    "b",    "z"],
        "measure_id": [None,   None,   "m1",   "m1",   "m1",   None,   "m2",   None],
        "term":       ["改革", "我们", "改革", "我们", "开放", "改革", "开放", "改革"],
        "count":      [2,      5,      1,      1,      1,      3,      1,      9],
    })  # fmt: skip
    groups = pd.Series([0, 1], index=pd.Index(["a", "b"], dtype=object))
    followed = pd.MultiIndex.from_tuples([("a", "m1"), ("b", "m2")])
    totals = TermTotals(pd.DataFrame({"series": ["s", "s"], "period": ["2020", "2021"]}), followed)
    half = len(rows) // 2  # two pieces: one vocabulary numbers both
    totals.merge(term_piece(rows.slice(0, half), groups, followed, frozenset({"我们"})))
    totals.merge(term_piece(rows.slice(half), groups, followed, frozenset({"我们"})))
    assert totals.counts().to_dict() == {("s", "2020", "改革"): 2, ("s", "2021", "改革"): 3}
    assert totals.measures.get(("a", "m1")) == {"改革"}
    assert totals.measures.get(("b", "m2")) == {"开放"}
    assert totals.measures.get(("b", "m1")) == set()  # not a followed measure
