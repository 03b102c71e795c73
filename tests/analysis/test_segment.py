"""The jieba adapter: its own tokenizer, offsets into the text, campaign names kept whole."""

from __future__ import annotations

import tempfile

import jieba
import pytest
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
    assert tk is not jieba.dt and isinstance(tk, jieba.Tokenizer)
    assert "放管服" not in jieba.dt.user_word_tag_tab
    assert tk.user_word_tag_tab.get("放管服") == "cp"
    assert str(tk.tmp_dir).startswith(tempfile.gettempdir())


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
