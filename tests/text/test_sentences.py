"""What an element reports of its sentence: the sentence, or a bounded window of it."""

from __future__ import annotations

from conftest import CORPORA

from extractor.audit.checks import audit
from extractor.pipeline import parse
from extractor.text.sentences import SENTENCE_WINDOW, window

# fmt: off
WINDOWS = [
    # (sentence, element, window)
    ((0, 50), (10, 12), (0, 50)),                      # short: the whole sentence
    ((0, 1000), (500, 502), (301, 701)),               # centred on the element
    ((100, 1000), (101, 103), (100, 500)),             # near the start: from the start
    ((0, 1000), (998, 1000), (600, 1000)),             # near the end: to the end
    ((0, 5000), (100, 900), (100, 500)),               # longer than the window: its start
]
# fmt: on


def test_window_cases():
    assert SENTENCE_WINDOW == 400
    for sentence, (start, end), expected in WINDOWS:
        assert window(sentence, start, end) == expected, (sentence, start, end)


def test_a_sentence_of_sixteen_thousand_figures_keeps_each_row_small():
    text = "一、工作情况\n" + "增长5%，" * 16_000 + "。\n"
    report = parse(text)
    assert len(report.claims) == 16_000
    for claim in report.claims[::997]:
        assert len(claim.sentence) == 400
        assert text[claim.sentence_start : claim.sentence_end] == claim.sentence
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
    assert sum(len(c.sentence) for c in report.claims) == 400 * 16_000


def test_short_sentences_are_whole_and_offsets_hold():
    report = parse((CORPORA / "01_county_halfyear_2020.txt").read_text(encoding="utf-8"))
    for claim in report.claims:
        assert report.text[claim.sentence_start : claim.sentence_end] == claim.sentence
        full = report.text[claim.sentence_start - 1 : claim.sentence_end + 1]
        assert claim.sentence_start == 0 or full[0] in "。！？；\n;!? \u3000"
    for element in (*report.placeholders, *audit(report)):
        assert report.text[element.sentence_start : element.sentence_end] == element.sentence


def test_placeholders_and_findings_in_a_huge_sentence_are_bounded():
    text = "一、工作情况\n" + "完成X个项目，" * 20_000 + "。\n"
    report = parse(text)
    assert len(report.placeholders) == 20_000
    findings = audit(report)
    assert len(findings) >= 20_000
    for element in (*report.placeholders[::1999], *findings[::1999]):
        assert len(element.sentence) == SENTENCE_WINDOW
        assert text[element.sentence_start : element.sentence_end] == element.sentence


def test_an_extract_of_a_sixteen_thousand_figure_sentence_grows_memory_little(tmp_path):
    """The dense file costs at most 150 MB more than a one-line file in the same run (the
    whole sentence in every row would be 8.9 GB); the reference is measured, not assumed,
    since what the interpreter and the rules take at start changes with the package."""
    from conftest import run_measured

    dense, small = tmp_path / "dense", tmp_path / "small"
    dense.mkdir()
    small.mkdir()
    (dense / "dense.txt").write_text(
        "一、工作情况\n" + "增长5%，" * 16_000 + "。\n", encoding="utf-8"
    )
    (small / "small.txt").write_text("一、工作情况\n增长5%。\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from extractor.cli.main import app\n"
        "app(['extract', sys.argv[1], '--out', sys.argv[2], '-j', '1'], standalone_mode=False)\n"
    )
    out, peak_mb = run_measured(code, str(dense), str(tmp_path / "out"))
    _, reference_mb = run_measured(code, str(small), str(tmp_path / "out_small"))
    assert "claims 16000" in out
    assert peak_mb - reference_mb < 150, (
        f"peak RSS {peak_mb} MB against {reference_mb} MB for one line "
        "(the whole sentence per row: 8.9 GB)"
    )
