"""Scoring what figures mean (extractor/analysis/meaning.py, ``workreport evaluate``): each
annotated claim of a real report is located, matched and judged field by field; scores are
kept per split, and the floors hold on the annotated real claims (issue 17)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import CORPORA, SHARED, SHARED_REASON
from typer.testing import CliRunner

from extractor.analysis.meaning import (
    FULLY,
    SplitScore,
    annotation_files,
    holding,
    judge,
    score_meaning,
)
from extractor.cli.main import app
from extractor.pipeline import parse

REAL_CLAIMS = CORPORA / "annotations" / "real" / "claims"
# The issue's own example of a movement (SPEC §2): the level reached, with its baseline.
MOVEMENT = "五年来，国内生产总值由26.6万亿元增加到51.9万亿元。"
GOLD = {
    "anchor": "由26.6万亿元增加到51.9万亿元", "value_text": "51.9", "unit": "万亿元",
    "base_unit": "元", "value": 5.19e13, "low": None, "high": None, "baseline": 2.66e13,
    "approx": "", "change": "increase", "span": "period", "is_target": False,
    "indicator": "国内生产总值", "time_ref": "五年来",
}  # fmt: skip


def _claim_at(text: str, figure: str):
    start = text.index(figure)
    return holding(parse(text).claims, start, start + len(figure))


def test_a_movement_is_judged_right_on_every_field():
    claim = _claim_at(MOVEMENT, "51.9")
    assert claim is not None
    assert judge(GOLD, claim) == dict.fromkeys(judge(GOLD, claim), True)


@pytest.mark.parametrize(
    ("field", "wrong_gold"),
    [
        ("value", {"value": 2.66e13}),  # the starting value taken for the level reached
        ("baseline", {"baseline": None}),
        ("span", {"span": "multi-year"}),
        ("is_target", {"is_target": True}),
        ("change", {"change": ""}),
        ("indicator", {"indicator": "城镇新增就业"}),
    ],
)
def test_a_field_that_differs_is_wrong_and_the_claim_not_fully_right(field, wrong_gold):
    claim = _claim_at(MOVEMENT, "51.9")
    right = judge({**GOLD, **wrong_gold}, claim)
    assert not right[field]
    assert [f for f in right if not right[f]] == [field]
    assert field in FULLY


def test_a_claim_nobody_found_is_wrong_on_every_field():
    assert not any(judge(GOLD, None).values())


def _report_and_annotation(root: Path, split: str, *, sha: str | None = None) -> Path:
    (root / "reports" / "s").mkdir(parents=True, exist_ok=True)
    report = root / "reports" / "s" / f"{split}.txt"
    report.write_text(f"二〇一八年政府工作报告\n{MOVEMENT}\n", encoding="utf-8")
    digest = sha or hashlib.sha256(report.read_bytes()).hexdigest()
    note = root / "claims" / f"s__{split}.json"
    note.parent.mkdir(exist_ok=True)
    body = {"source": f"s/{split}.txt", "sha256": digest, "split": split, "claims": [GOLD]}
    note.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return note


def test_scores_are_kept_per_split_and_unreadable_reports_are_skipped_with_a_reason(tmp_path):
    files = [
        _report_and_annotation(tmp_path, "tuning"),
        _report_and_annotation(tmp_path, "heldout"),
        _report_and_annotation(tmp_path / "other", "changed", sha="0" * 64),
    ]
    meaning = score_meaning(files, corpora=tmp_path / "reports")
    assert set(meaning.splits) == {"tuning", "heldout"}
    for split in meaning.splits.values():
        assert (split.claims, split.found, split.fully_right) == (1, 1, 1.0)
    # the third names a report that is absent here: skipped, with why
    assert [name for name, _ in meaning.skipped] == ["s__changed.json"]
    (other,) = score_meaning(files[2:], corpora=tmp_path / "other" / "reports").skipped
    assert "sha256 differs" in other[1]


# --- the annotated real claims (../shared) ----------------------------------------------------
@pytest.fixture(scope="module")
def real():
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    return score_meaning(annotation_files(REAL_CLAIMS))


def test_every_annotated_report_is_read(real):
    assert not real.skipped
    # session 10: the former held-out set (163 claims) became tuning material; the new one
    # (320 claims in 8 reports) was annotated from the text alone
    assert real.splits["tuning"].claims >= 400 and real.splits["heldout"].claims >= 300


# Floors measured on this branch; they may only rise. The held-out split is never tuned on.
# Session 10 round 2 added enterprise and bureau reports (State Grid minutes and summaries,
# Pingtan bureaus' plans) to the tuning split, a genre far harder than the government work
# reports: they are floored apart ("genre"), so that the floor of the earlier files holds.
# Round 3 added the eras the held-out set reads worst (the State Council reports of 1983 and
# 2003, a provincial report of 2026), floored apart as well ("era").  Session 11 added, each
# annotated from the text alone before the parser ran on it, a provincial report of 2026 and
# the State Council's of 2010 ("s11-ind"; its third, pingtan-county 2024, is held out), and
# an older era, a task breakdown and a provincial report of 2026 ("s11", from s11-val; its
# held-out file yunnan 2026 is floored as "s11-heldout").  Session 12 added, from the text
# alone, a provincial report of 2026 and the State Council's of 1997 ("s12-ind"; its third, a
# State Grid company's annual report of 2021, is held out as "s12-ind-heldout").
# It also annotated held-out set v4 from the text alone (213 claims in heilongjiang 2026, the
# State Council's 1988 and 2022 and a Pingtan bureau's 2024 summary and 2025 plan), floored apart
# as "s12-heldout" at what the parser scored right after the files were committed (fully right
# 0.770, indicator 0.831).
ROUNDS_APART = {
    "s12-ind": "session 12, s12-ind",
    "genre": "session 10 round 2", "era": "session 10 round 3", "s11-ind": "session 11, s11-ind",
    "s11": "session 11, s11-val", "s12": "session 12, v4 held-out",
}  # fmt: skip
# fmt: off
FLOORS = {
    ("s12-ind", "fully_right"): 0.91, ("s12-ind", "indicator"): 0.95,
    ("s12-ind-heldout", "fully_right"): 0.73, ("s12-ind-heldout", "indicator"): 0.89,
    ("tuning", "fully_right"): 0.89, ("tuning", "indicator"): 0.90,
    ("heldout", "fully_right"): 0.69, ("heldout", "indicator"): 0.79,
    ("genre", "fully_right"): 0.75, ("genre", "indicator"): 0.83,
    ("era", "fully_right"): 0.87, ("era", "indicator"): 0.90,
    ("s11-ind", "fully_right"): 0.98, ("s11-ind", "indicator"): 0.98,
    ("s11", "fully_right"): 0.85, ("s11", "indicator"): 0.87,
    ("s11-heldout", "fully_right"): 0.58, ("s11-heldout", "indicator"): 0.89,
    ("s11-ind-heldout", "fully_right"): 0.86, ("s11-ind-heldout", "indicator"): 0.86,
    ("s12-heldout", "fully_right"): 0.76, ("s12-heldout", "indicator"): 0.82,
}
# fmt: on
# Session 12, s12-val: a State Council report of a new term (2013) and a provincial report of a
# plan-period turn (hubei 2026), annotated from the text alone before the parser ran on them;
# its third, a one-line department plan (pingtan-nyncj 2024-2025), is held out.
ROUNDS_APART["s12-val"] = "s12-val helper annotation"
FLOORS.update({
    ("s12-val", "fully_right"): 0.89, ("s12-val", "indicator"): 0.92,
    ("s12-val-heldout", "fully_right"): 0.73, ("s12-val-heldout", "indicator"): 0.73,
})  # fmt: skip
# Session 13 annotated held-out set v5 from the text alone (206 claims in tianjin 2026, the
# State Council's 1982 and 2005 and a Pingtan bureau's 2024 summary and 2025 plan), floored
# apart as "s13-heldout" just below what the parser scored right after the files were
# committed (fully right 0.772, indicator 0.840).
ROUNDS_APART["s13"] = "session 13, v5 held-out"
FLOORS.update({
    ("s13-heldout", "fully_right"): 0.76, ("s13-heldout", "indicator"): 0.83,
})  # fmt: skip
# Session 14 annotated held-out set v6 from the text alone (185 claims in ningxia 2026, the
# State Council's 1978, a grid company's discipline-inspection report of 2022 and a city's 2016
# transit plan), floored apart as "s14-heldout" just below what the parser scored right after
# the files were committed (fully right 0.741, indicator 0.805).
ROUNDS_APART["s14"] = "session 14, v6 held-out"
FLOORS.update({
    ("s14-heldout", "fully_right"): 0.73, ("s14-heldout", "indicator"): 0.79,
})  # fmt: skip
# Session 15 annotated held-out set v7 from the text alone (145 claims in fujian 2026, Xinhua's
# summary of the State Council's 1964 report, a Pingtan bureau's 2022 summary and 2023 plan, and
# two small 2011 and 2021 plans), floored apart as "s15-heldout" just below what the parser
# scored right after the files were committed (fully right 0.683, indicator 0.738).  Session 16
# made v7 tuning material (its errors are the unseen layouts' and phrasings'; held-out v8
# replaces it): floored as tuning group "s15" at its held-out reading.  Raised by s16-fields
# (three anchors that named an amount's digits for a rate fixed, the span and unit rules):
# fully right 0.683 -> 0.710.
ROUNDS_APART["s15"] = "session 15, v7 held-out"
FLOORS.update({
    ("s15", "fully_right"): 0.70, ("s15", "indicator"): 0.72,
})  # fmt: skip
# Session 16 annotated held-out set v8 from the text alone (195 claims in the State Council's
# 2025 and 1958 reports, a district report of 2018 (hailar) and two Pingtan bureaus' summaries and
# plans, 2024-2025 and 2022-2023), floored apart as "s16-heldout" just below what the parser
# scored right after the files were committed (fully right 0.754, indicator 0.785).
ROUNDS_APART["s16"] = "session 16, v8 held-out"
FLOORS.update({
    ("s16-heldout", "fully_right"): 0.75, ("s16-heldout", "indicator"): 0.78,
})  # fmt: skip
# Session 17 annotated held-out set v9 from the text alone (187 claims in the State Council's
# 2020 report, Shanghai's of 2020, Xinjiang's of 2026 and Hangzhou's 2019 task breakdown),
# floored apart as "s17-heldout" just below what the parser scored right after the files were
# committed (fully right 0.877, indicator 0.925).
ROUNDS_APART["s17"] = "session 17, v9 held-out"
FLOORS.update({
    ("s17-heldout", "fully_right"): 0.87, ("s17-heldout", "indicator"): 0.92,
})  # fmt: skip
# Session 13, s13-span: a provincial report of a plan-period turn (gansu 2026) and a State Council
# report of a five-year-plan year (2011), annotated from the text alone before the parser ran on
# them; its third, a 1980s State Council report with few figures (1984, all 14), is held out.
ROUNDS_APART["s13-span"] = "session 13, s13-span"
FLOORS.update({
    ("s13-span", "fully_right"): 0.88, ("s13-span", "indicator"): 0.91,
    ("s13-span-heldout", "fully_right"): 0.63, ("s13-span-heldout", "indicator"): 0.70,
})  # fmt: skip

# Session 13, s13-ind (issue 17, indicators): a provincial report of 2026 (jiangxi) and the
# State Council's of 1992, annotated from the text alone before the parser ran on them; its
# third, the 1955 report on the First Five-Year Plan (Chinese numerals), is held out (scored
# right after its file was committed: fully right 0.311, indicator 0.533).
ROUNDS_APART["s13-ind"] = "helper s13-ind annotation"
FLOORS.update({
    ("s13-ind", "fully_right"): 0.89, ("s13-ind", "indicator"): 0.93,
    ("s13-ind-heldout", "fully_right"): 0.31, ("s13-ind-heldout", "indicator"): 0.53,
})  # fmt: skip

# Session 14, s14-ind (issue 17, indicators): the State Council's report of 2023 (a new term's
# five-year review) and a district report of 2013 (hailar), annotated from the text alone
# before the parser ran on them (scored right after: fully right 0.771, indicator 0.871); its
# third, a provincial report of 2026 (liaoning), is held out (right after: 0.951, 0.984).
# At the session's end (the indicator rules of s14-ind): 0.871, 0.971; held out unchanged.
ROUNDS_APART["s14-ind"] = "helper s14-ind annotation"
FLOORS.update({
    ("s14-ind", "fully_right"): 0.86, ("s14-ind", "indicator"): 0.96,
    ("s14-ind-heldout", "fully_right"): 0.94, ("s14-ind-heldout", "indicator"): 0.97,
})  # fmt: skip

# Session 14, s14-target (issue 17, targets and spans): a State Grid headquarters' monthly
# supervision report, a county report of 2022 (Pingtan), a district report of 2015 (Hailar) and
# the State Council's 1980 plan report, annotated from the text alone before the parser ran on
# them (scored right after: fully right 0.797, indicator 0.880, once four anchors that named a
# figure's digits inside a year were corrected); its fifth, the State Council's
# 2017 report, is held out (scored right after its file was committed: fully right 0.889,
# indicator 0.949; at the branch's end the same).  The tuning four read 0.857 / 0.880 at its end.
ROUNDS_APART["s14-target"] = "session 14, s14-target"
FLOORS.update({
    ("s14-target", "fully_right"): 0.85, ("s14-target", "indicator"): 0.87,
    ("s14-target-heldout", "fully_right"): 0.88, ("s14-target-heldout", "indicator"): 0.94,
})  # fmt: skip


# Session 15, s15-ind (issue 17, indicators composed as a reader names them): the State
# Council's report of 2006, a Pingtan area bureau's 2022 summary and 2023 plan (every figure), a
# municipal report of 2026 (shanghai) and a college club's half-term summary of 2007 (every
# figure), annotated from the text alone before the parser ran on them; its fifth, a provincial
# report of 2026 (hainan), is held out. Scored right after the files were committed: tuning
# fully right 0.679, indicator 0.742 (209 claims); held out 0.758, 0.935 (62).  At the branch's
# end (the composed indicators of extractor/claims/compose.py): 0.699, 0.766; held out 0.774, 0.952.
ROUNDS_APART["s15-ind"] = "helper s15-ind annotation"
FLOORS.update({
    ("s15-ind", "fully_right"): 0.69, ("s15-ind", "indicator"): 0.76,
    ("s15-ind-heldout", "fully_right"): 0.77, ("s15-ind-heldout", "indicator"): 0.95,
})  # fmt: skip


# Session 15, s15-old (issue 17, older eras): the State Council's reports of 1954 (traditional
# script), 1956 (a budget report with fulfilment rates), 1975 and 1987, annotated from the text
# alone before the parser ran on them (scored right after: fully right 0.556, indicator 0.762);
# its fifth, the 1959 report, is held out (right after: 0.254, 0.730). At the branch's end (its
# span, target, movement and unit rules): tuning 0.762 / 0.775; held out unchanged.
ROUNDS_APART["s15-old"] = "session 15, s15-old"
FLOORS.update({
    ("s15-old", "fully_right"): 0.76, ("s15-old", "indicator"): 0.77,
    ("s15-old-heldout", "fully_right"): 0.25, ("s15-old-heldout", "indicator"): 0.73,
})  # fmt: skip


# Session 16, s16-fields (issue 17, spans, targets, values and units): the State Council's
# reports of 1986 (the seventh five-year plan, Chinese numerals) and 2001 (every figure) and a
# Pingtan bureau's one-line 2022 summary and 2023 plan, annotated from the text alone before the
# parser ran on them (scored right after: fully right 0.757, indicator 0.864, 103 claims); its
# fourth, a provincial report of 2026 (jiangsu, 44 claims), is held out (right after: 0.773,
# 0.818).  At the branch's end (its span, target and unit rules): tuning 0.757 -> 0.806, 0.864;
# held out 0.773, 0.818 (unchanged).
ROUNDS_APART["s16-fields"] = "session 16, s16-fields"
FLOORS.update({
    ("s16-fields", "fully_right"): 0.80, ("s16-fields", "indicator"): 0.86,
    ("s16-fields-heldout", "fully_right"): 0.77, ("s16-fields-heldout", "indicator"): 0.81,
})  # fmt: skip
# Session 16, s16-ind (issue 17, indicators named elsewhere): the State Council's report of 2015,
# a municipal report of 2024 (shanghai, one line) and a municipal report of 2026 (beijing),
# annotated from the text alone before the parser ran on them (scored right after: fully right
# 0.933, indicator 0.946, 149 claims); its fourth, a regional report of 2026 (inner-mongolia,
# 50 claims), is held out (right after: 0.700, 0.860).  At the branch's end (frames,
# demonstratives, predicates after a count's noun, arranging verbs of funds): tuning 0.940 / 0.953
# (indicator floor raised 0.94 → 0.95; fully right, 0.9396, keeps 0.93); held out unchanged.
ROUNDS_APART["s16-ind"] = "helper s16-ind (session 16)"
FLOORS.update({
    ("s16-ind", "fully_right"): 0.93, ("s16-ind", "indicator"): 0.95,
    ("s16-ind-heldout", "fully_right"): 0.70, ("s16-ind-heldout", "indicator"): 0.86,
})  # fmt: skip

# Session 17, s17-fields (issue 17, the fields other than the indicator): the State Council's
# reports of 2024 and 1960 (the twelve-year agricultural programme, Chinese numerals, 斤 and 亩)
# and the China Electricity Council's 2021 statistics notice (it states no quantity: no claim),
# annotated from the text alone before the parser ran on them (scored right after: fully right
# 0.547, indicator 0.573, 75 claims; span 0.853, is_target 0.840); its fourth, a municipal report
# of 2026 (chongqing, 46 claims), is held out (right after: 0.826, 0.826).  At the branch's end
# (a part that reviews then plans, streaks, counts of occasions, a count a change verb opens, a
# change stated by its degree, 到了 before a level's year): tuning 0.547 -> 0.560, 0.573 (span
# 0.853 -> 0.880, is_target 0.840 -> 0.867: the misses left are mostly indicators); held out
# 0.826, 0.826 (unchanged).
ROUNDS_APART["s17-fields"] = "session 17, fields"
FLOORS.update({
    ("s17-fields", "fully_right"): 0.54, ("s17-fields", "indicator"): 0.57,
    ("s17-fields-heldout", "fully_right"): 0.82, ("s17-fields-heldout", "indicator"): 0.82,
})  # fmt: skip

# Session 19, s19-claims (issue 17, indicators and targets by class): the State Council's 1999
# report (four stretches of review and plan) and an insurer's masked department summary (every
# figure), annotated from the text alone before the parser ran on them (scored right after: fully
# right 0.613, indicator 0.710, 31 claims); its held-out two, a municipal 2020 legislative plan
# (beijing-legislation, every figure: 13) and a sports bureau's 2021 work points (shanghai-sport: it
# states no quantity, no claim), read 0.923 / 0.923 right after.  At the branch's end (topics cut
# at their change word, rate nouns after 的, connectives, issues of bonds, past-dated plan
# sentences): tuning 0.806 / 0.903; held out 0.923 / 0.923 (unchanged).
ROUNDS_APART["s19-claims"] = "helper s19-claims, session 19"
FLOORS.update({
    ("s19-claims", "fully_right"): 0.80, ("s19-claims", "indicator"): 0.90,
    ("s19-claims-heldout", "fully_right"): 0.92, ("s19-claims-heldout", "indicator"): 0.92,
})  # fmt: skip


def _sources_apart() -> dict[str, str]:
    """Each annotated report floored apart, with the name of its group."""
    out: dict[str, str] = {}
    for p in annotation_files(REAL_CLAIMS):
        meta = json.loads(p.read_text(encoding="utf-8"))
        for group, annotator in ROUNDS_APART.items():
            if annotator in str(meta.get("annotator", "")):
                out[str(meta["source"])] = group
    return out


@pytest.mark.parametrize(("split", "score"), list(FLOORS), ids=lambda v: str(v))
def test_meaning_floor_on_real_claims(real, split, score):
    apart = _sources_apart()
    held = split.endswith("heldout")  # each split, its later rounds apart
    group = split.removesuffix("-heldout") if held else split
    judged = real.splits["heldout" if held else "tuning"].judged
    home = "heldout" if held else "tuning"
    got = SplitScore(split, tuple(j for j in judged if apart.get(j.source, home) == group))
    value = got.fully_right if score == "fully_right" else got.accuracy(score)
    assert value >= FLOORS[split, score]


def test_evaluate_reports_the_meaning_per_split_and_lists_only_tuning_errors(real):
    result = CliRunner().invoke(app, ["evaluate", str(CORPORA), "--wrong"])
    assert result.exit_code == 0, result.output
    assert "fully right" in result.output and "tuning" in result.output
    tuning = {j.source for j in real.splits["tuning"].judged if not j.every_field}
    heldout = (
        {j.source for j in real.splits["heldout"].judged} if "heldout" in real.splits else set()
    )
    listed = {line.split(" ", 1)[0] for line in result.output.splitlines() if ".txt " in line}
    assert listed and listed <= tuning and not listed & heldout
