"""Golden outlines: each sample in corpora/ gives exactly its annotated sections and measures.

Known failures are ``xfail(strict=True)``, so a fix has to flip them.
"""

from __future__ import annotations

import pytest
from conftest import CORPORA

from extractor import parse
from extractor.analysis.evaluate import find_annotations, load_annotation

ANNOTATIONS = find_annotations(CORPORA) if (CORPORA / "annotations").is_dir() else []
#: Glued level-2 headings with no separator and no sentence opener to cut at
#: (（三）做强现代产业体系坚持把…): the title runs on into the first sentence.
KNOWN = {
    "11_flat_no_breaks_2021": "glued level-2 headings without a cue",
    # (session 16's masked drafts: a crawled page's title after its clutter line,
    # 25_masked_oneline_page_2021, is found since session 18, layout.clutter_boundary; the
    # notice 24_masked_task_notice_2023's title on its own line, 关于印发…的通知, and with it
    # its type and its parts' kind, plan, since session 19.)
    # session 19's one-line news page: a part's title flattened with one space before its first
    # subsection's marker (一、2021年工作总结 （一）重大项目…) runs on into it (sections.py's
    # title ends, left to the helper who edits them); its title and date are read (s19-docfields)
    "29_portal_news_oneline_2022": "a part's title runs on across one space into （一）",
    # the helper's own held-out sample: scored in aggregate only (its document period)
    "26_masked_hospital_q3_2023": "held out: the period of a 前三季度 summary, seen in aggregate",
}


def _cases():
    for path in ANNOTATIONS:
        marks = (
            [pytest.mark.xfail(strict=True, reason=KNOWN[path.stem])] if path.stem in KNOWN else []
        )
        yield pytest.param(path, id=path.stem, marks=marks)


def _norm(s: str) -> str:
    return "".join(s.split()).rstrip("。；")


@pytest.mark.skipif(not ANNOTATIONS, reason="corpora/annotations is empty")
@pytest.mark.parametrize("json_path", list(_cases()))
def test_sample_outline_matches_its_annotation(json_path):
    ann = load_annotation(json_path)
    report = parse(ann.text, doc_id=ann.doc_id, path=str(ann.text_path))
    gold_sections = [
        (
            g.attrs["level"],
            g.attrs["marker"],
            _norm(g.attrs["title"]),
            g.attrs["kind"],
            g.attrs["period"],
        )
        for g in ann.elements["sections"]
    ]
    got_sections = [(s.level, s.marker, _norm(s.title), s.kind, s.period) for s in report.sections]
    assert got_sections == gold_sections
    titles = {s.section_id: _norm(s.title) for s in report.sections}
    gold_measures = [
        (_norm(g.attrs["section"]), g.attrs["marker"], g.attrs["ordinal"], g.attrs["style"],
         _norm(g.attrs["headline"]), g.attrs["slogan"])
        for g in ann.elements["measures"]
    ]  # fmt: skip
    got_measures = [
        (titles.get(m.section_id, ""), m.marker, m.ordinal, m.style, _norm(m.headline), m.slogan)
        for m in report.measures
    ]
    assert got_measures == gold_measures
    doc = report.document
    meta = ann.meta
    assert (doc.title, doc.doc_type, doc.period) == (
        meta["title"],
        meta["doc_type"],
        meta["period"],
    )
