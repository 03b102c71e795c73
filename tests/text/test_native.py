"""The native scanning primitives against their pure-Python reference (issue 23).

``extractor.text._native`` (built by the wheel's hook from ``extractor/text/_native.c``)
folds a text and finds its clause and sentence marks; the Python code it stands in for is
the reference.  The two must agree on every text of the corpora and on generated text, and
the whole parse must give the same tables on both paths (``WORKREPORT_PURE=1`` forces the
pure one).  Where the module was not built (an editable install, no compiler) the
comparisons skip; CI installs the wheel and runs them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPORA, ROOT, shared_files
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.fold import FOLD_TABLE, fold, fold_pure
from extractor.text.native import NATIVE, load
from extractor.text.sentences import Marks, SentenceIndex, mark_positions

needs_native = pytest.mark.skipif(
    NATIVE is None, reason="extractor.text._native is not built here (pip install . builds it)"
)
TEXTS = sorted(CORPORA.glob("*.txt")) + shared_files()
#: What the generated texts are made of: every key of the fold table (surrogates too), the
#: marks, the characters of a report, and any code point at all.
_KEYS = [chr(c) for c in sorted(FOLD_TABLE)]
_MARKS = [*"。！？!?；;\n，,：:、", "\U0001f600", "]", "-", "^", "\\"]
_REPORT = list("一二三四五六七八九十百千万亿年月日增长下降同比%.0123456789 （）“”《》ＡＢ１２")
_CHAR = st.one_of(
    st.sampled_from(_KEYS),
    st.sampled_from(_MARKS),
    st.sampled_from(_REPORT),
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
)
TEXT = st.text(_CHAR, max_size=400)


def _read(path: Path) -> str:
    from extractor.io.reading import read_document

    return read_document(path).text


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="CI installs the wheel with its C")
def test_ci_builds_and_runs_the_native_module() -> None:
    assert NATIVE is not None


def test_pure_is_forced_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKREPORT_PURE", "1")
    assert load() is None
    monkeypatch.setenv("WORKREPORT_PURE", "0")
    assert load() is NATIVE


@needs_native
def test_the_fold_is_the_pure_fold_on_every_text() -> None:
    for path in TEXTS:
        text = _read(path)
        assert fold(text) == fold_pure(text), path.name


@needs_native
def test_the_marks_are_the_pure_marks_on_every_text() -> None:
    marks = Marks()
    for path in TEXTS:
        folded = fold_pure(_read(path))
        native = NATIVE.mark_positions(folded, marks.clause, marks.sentence, marks.full)
        assert native == mark_positions(folded, marks), path.name


@needs_native
@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_fold_is_the_pure_fold_on_generated_text(text: str) -> None:
    folded = fold(text)
    assert folded == fold_pure(text)
    assert len(folded) == len(text)


@needs_native
@settings(max_examples=300, deadline=None)
@given(TEXT, st.text(st.sampled_from(_MARKS), min_size=1), st.data())
def test_the_marks_are_the_pure_marks_on_generated_text(
    text: str, clause: str, data: st.DataObject
) -> None:
    """Any mark sets (astral ones, ``]``, ``-``, ``^``, a backslash), the sentence marks a
    subset of the clause marks or not."""
    sentence = data.draw(st.text(st.sampled_from(_MARKS)))
    full = data.draw(st.text(st.sampled_from(_MARKS)))
    marks = Marks(clause=clause, sentence=sentence, full=full)
    native = NATIVE.mark_positions(text, clause, sentence, full)
    assert native == mark_positions(text, marks)
    index = SentenceIndex(text, marks)
    assert (index._clause, index._sentence, index._full) == native


_CODE = st.integers(min_value=0, max_value=0x10FFFF)


@needs_native
@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_CODE, _CODE, max_size=40), st.data())
def test_translate_is_str_translate_for_any_table(
    table: dict[int, int], data: st.DataObject
) -> None:
    """Any 1:1 table, the fold's or another: values wider than the text's storage (a
    Latin-1 text mapped to U+FFFD or an astral character), keys above U+FFFF."""
    keys = [chr(k) for k in table] or ["a"]
    text = data.draw(st.text(st.one_of(st.sampled_from(keys), _CHAR), max_size=200))
    assert NATIVE.translate(text, NATIVE.table(table)) == text.translate(table)


@needs_native
def test_an_unchanged_text_and_a_narrowed_one() -> None:
    """Nothing to fold: an equal string.  Folding may narrow a string's storage (full-width
    letters to ASCII): the result compares equal to the same text built in Python."""
    assert fold("工作报告") == "工作报告"
    assert fold("ＡＢＣ１２３") == "ABC123" and fold("ＡＢＣ１２３").isascii()
    assert fold("\ud800x") == "\ufffdx"
    assert fold("") == ""


def test_the_native_table_rejects_what_is_no_code_point() -> None:
    if NATIVE is None:
        pytest.skip("extractor.text._native is not built here")
    with pytest.raises(ValueError):
        NATIVE.table({0x110000: 1})
    with pytest.raises(TypeError):
        NATIVE.table([(1, 2)])


#: The tables of every text, as one digest per text (the child prints them as JSON).
_TABLES = """
import hashlib, json, sys
from extractor import parse
from extractor.export.rows import report_rows
from extractor.io.reading import read_document
out = {}
for path in sys.argv[1:]:
    doc = read_document(path)
    rows = report_rows(parse(doc.text, doc_id=doc.doc_id, path=str(doc.path)))
    out[path] = hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()
print(json.dumps(out))
"""


def _tables(pure: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
    env["WORKREPORT_PURE"] = "1" if pure else "0"
    done = subprocess.run(
        [sys.executable, "-c", _TABLES, *map(str, TEXTS)],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout))


@needs_native
def test_the_tables_are_the_same_on_the_native_and_the_pure_path() -> None:
    """The whole parse, reading to table rows, of every text of the corpora."""
    native, pure = _tables(pure=False), _tables(pure=True)
    assert len(native) == len(TEXTS)
    assert native == pure
