"""Campaign scores on the annotated real reports (corpora/annotations/real/campaigns/):
spans inside quotes, a declared stretch, kind accuracy, the two splits apart, and a report
that is absent or changed skipped with the reason.

The floors hold on the tuning split; the held-out split is reported (run with ``-s``), its
misses never shown (corpora/annotations/real/README.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import CORPORA, SHARED, SHARED_REASON

from extractor.analysis.evaluate import AnnotationError, score
from extractor.analysis.real import (
    Skipped,
    evaluate_real_campaigns,
    find_real_campaigns,
    load_real_campaigns,
)
from extractor.pipeline import parse

# Our own text in the genre's style: a quoted formula, a quoted slogan, a lexicon name and
# an honour, then a part outside the stretch.
TEXT = (
    "云溪县2023年工作总结\n"
    "一、工作回顾\n紧紧围绕“两个中心”建设，深化“ 最多跑一次”改革，推进乡村振兴，"
    "我县被评为全国文明县城，印发《实施方案》。\n"
    "二、工作打算\n持续打好“蓝天保卫战”。\n"
)
STRETCH = {"from_anchor": "一、工作回顾", "to_anchor": "《实施方案》。"}
NAMES = [
    {"anchor": "紧紧围绕“两个中心”建设", "text": "“两个中心”", "kind": "formula"},
    {"anchor": "深化“ 最多跑一次”改革", "text": "“ 最多跑一次”", "kind": "quoted"},
    {"anchor": "推进乡村振兴", "text": "乡村振兴", "kind": "lexicon"},
    {"anchor": "被评为全国文明县城", "text": "全国文明县城", "kind": "honour"},
    {"anchor": "印发《实施方案》", "text": "《实施方案》", "kind": "document"},
]


def _write(tmp_path: Path, annotation: dict, text: str = TEXT) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "real" / "yunxi").mkdir(parents=True)
    report = shared / "real" / "yunxi" / "2023.txt"
    report.write_text(text, encoding="utf-8")
    folder = tmp_path / "corpora" / "annotations" / "real" / "campaigns"
    folder.mkdir(parents=True)
    body = {
        "source": "real/yunxi/2023.txt", "split": "tuning",
        "sha256": hashlib.sha256(report.read_bytes()).hexdigest(), **annotation,
    }  # fmt: skip
    (folder / "yunxi__2023.json").write_text(json.dumps(body, ensure_ascii=False), "utf-8")
    return tmp_path / "corpora", shared


def test_a_quoted_name_is_scored_inside_its_quotes(tmp_path):
    corpus, shared = _write(tmp_path, {"stretch": STRETCH, "campaigns": NAMES})
    (loaded,) = [load_real_campaigns(p, shared) for p in find_real_campaigns(corpus)]
    assert not isinstance(loaded, Skipped)
    text = loaded.annotation.text
    spans = [text[g.start : g.end] for g in loaded.annotation.elements["campaigns"]]
    assert spans == ["两个中心", "最多跑一次", "乡村振兴", "全国文明县城", "实施方案"]


def test_only_the_stretch_is_scored(tmp_path):
    # the parser finds “蓝天保卫战” after the stretch: neither right nor spurious
    corpus, shared = _write(tmp_path, {"stretch": STRETCH, "campaigns": NAMES})
    tuning = evaluate_real_campaigns(corpus, shared=shared).splits["tuning"]
    scores = tuning.scores["campaigns"]
    assert (scores.tp, scores.fp, scores.fn) == (5, 0, 0)
    assert tuning.accuracies["campaign_kind"] == 1.0
    corpus, shared = _write(tmp_path / "whole", {"campaigns": NAMES})
    scores = evaluate_real_campaigns(corpus, shared=shared).splits["tuning"].scores["campaigns"]
    assert (scores.tp, scores.fp, scores.fn) == (5, 1, 0)


def test_a_wrong_kind_is_counted_apart_from_the_match(tmp_path):
    names = [{**NAMES[0], "kind": "quoted"}, *NAMES[1:]]
    corpus, shared = _write(tmp_path, {"stretch": STRETCH, "campaigns": names})
    tuning = evaluate_real_campaigns(corpus, shared=shared).splits["tuning"]
    assert tuning.scores["campaigns"].f1 == 1.0
    assert tuning.accuracies["campaign_kind"] == 0.8


def test_a_name_outside_the_stretch_is_an_error(tmp_path):
    outside = [*NAMES, {"anchor": "打好“蓝天保卫战”", "text": "“蓝天保卫战”", "kind": "quoted"}]
    corpus, shared = _write(tmp_path, {"stretch": STRETCH, "campaigns": outside})
    with pytest.raises(AnnotationError, match="outside the stretch"):
        evaluate_real_campaigns(corpus, shared=shared)


def test_an_absent_or_changed_report_is_skipped_with_the_reason(tmp_path):
    corpus, shared = _write(tmp_path, {"campaigns": NAMES})
    (shared / "real" / "yunxi" / "2023.txt").write_text(TEXT + "补记。\n", encoding="utf-8")
    result = evaluate_real_campaigns(corpus, shared=shared)
    assert not result.splits and "changed" in result.skipped[0].reason
    result = evaluate_real_campaigns(corpus, shared=tmp_path / "elsewhere")
    assert "not under" in result.skipped[0].reason


# --- the annotated real reports -----------------------------------------------------------

REAL = find_real_campaigns(CORPORA)


@pytest.fixture(scope="module")
def real():
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    if not REAL:
        pytest.skip("corpora/annotations/real/campaigns holds no annotations")
    return evaluate_real_campaigns(CORPORA, shared=SHARED)


def test_every_annotated_report_is_scored(real):
    assert not real.skipped, real.skipped
    assert sum(len(e.documents) for e in real.splits.values()) == len(REAL)


#: Floors on the tuning split (the parser is tuned on it).  Before the genre rules of
#: docs/elements.md "Campaigns: on real reports": F1 0.866, kind accuracy 0.988; after, 0.947, 0.989.
#: Session 14 (s14-camp) added three tuning reports (inner-mongolia/2026, xinjiang/2026,
#: state-council/2001: F1 0.930 on first scoring, unseen) and its rules: nine reports 0.970, 0.994.
#: Session 15 (s15-camp) added hunan/2026, jiangxi/2026 and state-council/2015 (F1 0.913 on
#: first scoring, unseen; twelve reports 0.953) and its precision rules: 0.981, kind 0.992.
#: Session 16 (s16-camp) added shanghai/2026, hebei/2026, state-council/2023 and
#: pingtan-county/2022 (F1 0.908 on first scoring, unseen; sixteen reports 0.971 once their
#: annotations followed the corpus convention) and its cues: 0.979, kind 0.994.
#: Session 17 (s17-camp) added hubei/2026 and state-council/2016 (first scoring, unseen: 0.843
#: and 0.951; eighteen reports 0.968) and its count and honour cues: 0.973, kind 0.994.
#: Session 19 (s19-camp) added guangxi/2026 and state-council/2005 (first scoring, unseen: 0.903
#: pooled; twenty reports 0.968, 0.969 once state-council 2005 followed the corpus convention)
#: and its place and formula cues: 0.972, kind 0.995 (the floor stays 0.97).
TUNING_FLOORS = [("f1", 0.97), ("kind", 0.985)]

#: Session 16's four tuning reports as a group (S16_FLOORS): 0.908 on first scoring, 0.938
#: once their annotations followed the corpus convention, 0.969 with s16-camp's cues.
S16 = ("shanghai__2026", "hebei__2026", "state-council__2023", "pingtan-county__2022")
S16_FLOORS = [("f1", 0.96), ("kind", 0.99)]

#: Session 17's two tuning reports as a group (S17_FLOORS): 0.883 pooled on first scoring
#: (hubei 0.843, state-council 2016 0.951), 0.901 once hubei followed the corpus convention
#: (a streak of years, an award with its noun), 0.932 with s17-camp's cues.
S17 = ("hubei__2026", "state-council__2016")
S17_FLOORS = [("f1", 0.93), ("kind", 0.99)]

#: Session 19's two tuning reports as a group (S19_FLOORS): 0.903 pooled on first scoring
#: (guangxi 0.889, state-council 2005 0.927), 0.912 once state-council 2005 marked 农村税费改革
#: as the corpus convention does, 0.930 with s19-camp's cues (quoted places, longer shaped nouns,
#: a fund cluster a quoted sum names).
S19 = ("guangxi__2026", "state-council__2005")
S19_FLOORS = [("f1", 0.92), ("kind", 0.99)]


@pytest.mark.parametrize(("what", "floor"), TUNING_FLOORS)
def test_tuning_floor(real, what, floor):
    tuning = real.splits["tuning"]
    value = tuning.scores["campaigns"].f1 if what == "f1" else tuning.accuracies["campaign_kind"]
    misses = [f"{m.document}: {m.kind} {m.description}" for m in tuning.misses[:30]]
    assert value >= floor, "\n".join([tuning.table(), *misses])


def _group(names):
    """One session's tuning reports scored together, each on its stretch."""
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    folder = CORPORA / "annotations" / "real" / "campaigns"
    loaded = [load_real_campaigns(folder / f"{name}.json", SHARED) for name in names]
    assert not [one for one in loaded if isinstance(one, Skipped)], loaded

    def parsed(one):
        ann = one.annotation
        report = parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path))
        kept = tuple(c for c in report.campaigns if one.start <= c.start < one.end)
        return ann, replace(report, campaigns=kept)

    return score(map(parsed, loaded))


@pytest.fixture(scope="module")
def s16():
    return _group(S16)


@pytest.fixture(scope="module")
def s17():
    return _group(S17)


@pytest.fixture(scope="module")
def s19():
    return _group(S19)


def _check(group, what, floor):
    value = group.scores["campaigns"].f1 if what == "f1" else group.accuracies["campaign_kind"]
    misses = [f"{m.document}: {m.kind} {m.description}" for m in group.misses]
    assert value >= floor, "\n".join([group.table(), *misses])


@pytest.mark.parametrize(("what", "floor"), S16_FLOORS)
def test_s16_floor(s16, what, floor):
    _check(s16, what, floor)


@pytest.mark.parametrize(("what", "floor"), S17_FLOORS)
def test_s17_floor(s17, what, floor):
    _check(s17, what, floor)


@pytest.mark.parametrize(("what", "floor"), S19_FLOORS)
def test_s19_floor(s19, what, floor):
    _check(s19, what, floor)


def test_heldout_is_reported_not_tuned(real, record_property, capsys):
    """The honest number: printed and recorded, never explained (its misses are not shown)."""
    heldout = real.splits["heldout"]
    assert len(heldout.documents) >= 5
    scores = heldout.scores["campaigns"]
    record_property("heldout_campaigns_f1", round(scores.f1, 3))
    with capsys.disabled():
        print(
            "\nheld-out real campaigns:",
            {"P": round(scores.precision, 3), "R": round(scores.recall, 3),
             "F1": round(scores.f1, 3), "kind": round(heldout.accuracies["campaign_kind"], 3)},
        )  # fmt: skip
