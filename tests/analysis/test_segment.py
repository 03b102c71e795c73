"""The jieba adapter: its own tokenizer, offsets into the text, campaign names kept whole."""

from __future__ import annotations

import contextlib

import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.analysis.segment import Segmenter, segmenter, tokens
from extractor.elements.campaigns import find_campaigns, with_lexicon
from extractor.elements.lexicon import build_lexicon
from extractor.rules.loader import default_rules

# fmt: off
WHOLE = [
    ("持续深化最多跑一次改革", "最多跑一次"),
    ("纵深推进放管服改革", "放管服"),
    ("结合危旧房整治、三改一拆等工作", "三改一拆"),
    ("推进不忘初心、牢记使命常态化制度化", "不忘初心、牢记使命"),  # punctuation inside: jieba alone splits
    ("坚决做到两个维护", "两个维护"),
    ("严格遵守中央八项规定精神", "八项规定"),
]
# fmt: on


@pytest.mark.parametrize(("text", "name"), WHOLE, ids=[n for _, n in WHOLE])
def test_campaign_names_stay_whole_with_offsets(text, name):
    toks = tokens(text)
    start = text.index(name)
    assert (name, start, start + len(name)) in toks
    assert all(text[s:e] == w for w, s, e in toks)


def test_offsets_cover_the_text_without_whitespace():
    text = "深化“放管服”改革 ，\u3000推进一网通办\n"
    toks = tokens(text)
    assert "".join(w for w, _, _ in toks) == "".join(text.split())
    assert [s for _, s, _ in toks] == sorted(s for _, s, _ in toks)


def test_empty_text():
    assert tokens("") == []


def test_keep_spans_from_campaigns():
    text = "突出“围绕项目转、盯着项目跑、聚焦项目干”"
    spans = [(c.start, c.end) for c in find_campaigns(text)]
    words = [w for w, _, _ in tokens(text, keep=spans)]
    assert "围绕项目转、盯着项目跑、聚焦项目干" in words


def test_own_tokenizer_not_the_global_one():
    tk = segmenter().tokenizer
    assert isinstance(tk, rjieba.Jieba)
    # the campaign names are in this tokenizer, not in rjieba's shared one
    assert tk.has_word("最多跑一次") and not rjieba.Jieba().has_word("最多跑一次")
    assert tk.cut("推进最多跑一次改革") == ["推进", "最多跑一次", "改革"]
    assert rjieba.cut("推进最多跑一次改革") != ["推进", "最多跑一次", "改革"]


def test_segmenter_is_built_once_per_rule_set():
    assert segmenter() is segmenter(default_rules())


def test_user_lexicon_names_stay_whole(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("青石速度 100 cp\n", encoding="utf-8")
    text = "跑出青石速度"
    assert ("青石速度", 2, 6) in tokens(text, rules=with_lexicon(default_rules(), path))
    assert ("青石速度", 2, 6) in Segmenter(build_lexicon(["青石速度"])).tokens(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_tokens_hold_for_any_text(text):
    for word, start, end in tokens(text):
        assert text[start:end] == word and word.strip()


def test_jieba_rs_cuts_as_jieba_does_on_the_samples():
    """The terms come from jieba-rs (12 times faster); jieba's own cut of the same texts,
    with the same dictionary, agrees on nearly every token."""
    import jieba
    from conftest import CORPORA

    reference = jieba.Tokenizer()
    texts = []
    for path in sorted(CORPORA.glob("*.txt")):
        with contextlib.suppress(UnicodeDecodeError):  # a sample in GB18030 is left out
            texts.append(path.read_text(encoding="utf-8"))
    assert len(texts) >= 10
    ours = {(t, s, e) for i, x in enumerate(texts) for t, s, e in
            ((f"{i}:{w}", s, e) for w, s, e in rjieba.Jieba().tokenize(x))}  # fmt: skip
    theirs = {(f"{i}:{w}", s, e) for i, x in enumerate(texts) for w, s, e in reference.tokenize(x)}
    assert len(ours & theirs) / len(theirs) > 0.995
