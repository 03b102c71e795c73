"""The spaCy component ``workreport``: span groups, entities, the Doc extension, the entry point."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution, entry_points
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (pip install '.[spacy]')")

from extractor import parse  # noqa: E402
from extractor.integrations.spacy import SPAN_KEYS, make_workreport  # noqa: E402
from extractor.model import Report  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "02_city_annual_2021.txt"


def blank_zh() -> spacy.language.Language:
    """spaCy's blank Chinese pipeline with its jieba segmenter: no model download."""
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = blank_zh()
    nlp.add_pipe("workreport")
    return nlp


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def test_span_groups_hold_every_element_of_the_parse(nlp, sample: str) -> None:
    doc = nlp(sample)
    report = parse(sample)
    groups = {
        "sections": [(s.start, s.end, s.kind, s.section_id) for s in report.sections],
        "measures": [(m.start, m.end, m.style, m.measure_id) for m in report.measures],
        "campaigns": [(c.start, c.end, c.kind, c.campaign_id) for c in report.campaigns],
        "claims": [(c.start, c.end, "claim", c.claim_id) for c in report.claims],
        "placeholders": [(p.start, p.end, p.kind, p.placeholder_id) for p in report.placeholders],
    }
    assert set(doc.spans) == set(SPAN_KEYS)
    assert len(doc.spans["sections"]) == len(report.sections) > 5
    for key, elements in groups.items():
        spans = list(doc.spans[key])
        assert len(spans) == len(elements), key
        for span, (start, end, label, element_id) in zip(spans, elements, strict=True):
            # expand alignment: the token span covers the element, at most a token more
            assert span.start_char <= start < end <= span.end_char, (key, element_id)
            assert span.label_ == label and span.id_ == element_id
            assert sample[start:end] in span.text


def test_known_campaign_and_claim(nlp, sample: str) -> None:
    doc = nlp(sample)
    campaigns = {(s.text, s.label_) for s in doc.spans["campaigns"]}
    assert ("一网通办", "quoted") in campaigns
    assert ("十四五", "formula") in campaigns
    claims = [s.text for s in doc.spans["claims"]]
    assert "2386.4亿元" in claims
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("2386.4亿元", "CLAIM") in ents and ("一网通办", "CAMPAIGN") in ents
    # entities never overlap, and every one is a claim or campaign span
    spans = {(s.start, s.end) for k in ("claims", "campaigns") for s in doc.spans[k]}
    assert all((e.start, e.end) in spans for e in doc.ents)
    tokens = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(tokens) == len(set(tokens))


def test_report_on_the_doc(nlp, sample: str) -> None:
    doc = nlp(sample)
    report = doc._.workreport
    assert isinstance(report, Report)
    assert (
        report.document.title
        == parse(sample).document.title
        == "云溪市2021年工作总结和2022年工作计划"
    )
    assert len(report.claims) == len(doc.spans["claims"])


def test_offsets_map_back_to_windows_line_ends(nlp) -> None:
    unix = SAMPLE.read_text(encoding="utf-8")
    doc = nlp("\ufeff" + unix.replace("\n", "\r\n"))
    plain = nlp(unix)
    assert [s.text.replace("\r\n", "\n") for s in doc.spans["claims"]] == [
        s.text for s in plain.spans["claims"]
    ]
    assert [s.text for s in doc.spans["campaigns"]] == [s.text for s in plain.spans["campaigns"]]


def test_lexicon_config_adds_a_campaign(tmp_path: Path) -> None:
    words = tmp_path / "names.txt"
    words.write_text("云溪速办行动 5 cp\n", encoding="utf-8")
    text = "一、主要工作\n全面开展云溪速办行动，新增市场主体5.8万户。\n"
    plain = blank_zh()
    plain.add_pipe("workreport")
    assert "云溪速办行动" not in [s.text for s in plain(text).spans["campaigns"]]
    nlp = blank_zh()
    nlp.add_pipe("workreport", config={"lexicons": [str(words)]})
    doc = nlp(text)
    assert ("云溪速办行动", "lexicon") in {(s.text, s.label_) for s in doc.spans["campaigns"]}
    assert "云溪速办行动" in [e.text for e in doc.ents if e.label_ == "CAMPAIGN"]


def test_entry_point_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"]["spacy_factories"]
    assert declared == {"workreport": "extractor.integrations.spacy:make_workreport"}
    try:
        distribution("workreport")
    except PackageNotFoundError:
        pytest.skip("workreport is not installed (pip install '.[test]')")
    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "workreport"]
    assert found, "installed metadata lacks the entry point: reinstall with pip install ."
    assert found[0].load() is make_workreport


def test_factory_found_through_the_entry_point_alone() -> None:
    """A fresh interpreter that never imports extractor still finds ``workreport``."""
    if not [ep for ep in entry_points(group="spacy_factories") if ep.name == "workreport"]:
        pytest.skip("workreport's metadata is not installed (pip install '.[test]')")
    code = (
        "import sys, spacy\n"
        "assert 'extractor' not in sys.modules\n"
        "nlp = spacy.blank('zh', config={'nlp': {'tokenizer': {'segmenter': 'jieba'}}})\n"
        "nlp.add_pipe('workreport')\n"
        "doc = nlp('一、主要工作\\n深化“一网通办”改革，新增市场主体5.8万户。\\n')\n"
        "print([(s.text, s.label_) for s in doc.spans['campaigns']])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "('一网通办', 'quoted')" in done.stdout
