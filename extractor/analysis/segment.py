"""Words with offsets: the jieba adapter (the only module that imports jieba).

A :class:`Segmenter` owns its own ``jieba.Tokenizer()`` (never jieba's global one), built
lazily on first use with jieba's cache in a temporary folder, and loaded with the campaign
lexicon so names such as 最多跑一次 or 放管服 come out as one token.  jieba cannot hold a
name with punctuation inside (不忘初心、牢记使命), and its choices depend on frequencies, so
after segmenting, every lexicon match (and every span the caller asks to ``keep``) is cut
out of the surrounding tokens and merged into one.  Whitespace is not a token.

>>> [w for w, _, _ in tokens("深化放管服改革")]
['深化', '放管服', '改革']
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

import jieba

from extractor.elements.campaigns import default_lexicon
from extractor.elements.lexicon import Lexicon
from extractor.rules.loader import RuleSet, default_rules
from extractor.text.fold import fold

Token = tuple[str, int, int]
#: The frequency and tag the campaign names get in the tokenizer (jieba user-dict format).
NAME_FREQ, NAME_TAG = 3000, "cp"


def _cache_dir() -> str:
    path = Path(tempfile.gettempdir()) / "workreport-jieba"
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


class Segmenter:
    """A jieba tokenizer of its own, loaded with a campaign lexicon on first use."""

    def __init__(self, lexicon: Lexicon | None = None, *, rules: RuleSet | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else default_lexicon(rules)
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """The jieba tokenizer, built (and loaded with the lexicon) on first use."""
        with self._lock:
            if self._tokenizer is None:
                logging.getLogger("jieba").setLevel(logging.WARNING)  # no build chatter
                tk = jieba.Tokenizer()
                tk.tmp_dir = _cache_dir()
                for name in self.lexicon.names:
                    tk.add_word(name, NAME_FREQ, NAME_TAG)
                self._tokenizer = tk
            return self._tokenizer

    def tokens(self, text: str, *, keep: Iterable[tuple[int, int]] = ()) -> list[Token]:
        """``(word, start, end)`` for every non-space token; ``text[start:end] == word``.

        Lexicon names and the ``keep`` spans (e.g. campaigns found in ``text``) stay whole.
        """
        if not text:
            return []
        found = {*self.lexicon.spans(fold(text)), *keep}
        spans = sorted(found, key=lambda span: (span[0], -span[1]))
        bounds = _bounds(self.tokenizer.tokenize(text), spans)
        return [(text[s:e], s, e) for s, e in _pieces(bounds, spans) if text[s:e].strip()]


def _bounds(words: Iterable[tuple[str, int, int]], spans: list[tuple[int, int]]) -> list[int]:
    """Token boundaries, plus the edges of every span to keep."""
    bounds = {0}
    for _, start, end in words:
        bounds.update((start, end))
    for start, end in spans:
        bounds.update((start, end))
    return sorted(bounds)


def _pieces(bounds: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent boundaries as pieces, with each kept span (non-overlapping) as one piece."""
    keep: dict[int, int] = {}
    last = -1
    for start, end in spans:
        if start >= last and end > start:
            keep[start], last = end, end
    out, i = [], 0
    while i < len(bounds) - 1:
        start = bounds[i]
        end = keep.get(start, bounds[i + 1])
        out.append((start, end))
        while i < len(bounds) - 1 and bounds[i] < end:
            i += 1
    return out


def segmenter(rules: RuleSet | None = None) -> Segmenter:
    """The segmenter for a rule set's lexicon, built once per rule set and kept with it."""
    rules = rules or default_rules()
    return rules.compiled("segmenter", lambda r: Segmenter(rules=r))


def tokens(
    text: str, *, rules: RuleSet | None = None, keep: Iterable[tuple[int, int]] = ()
) -> list[Token]:
    """``(word, start, end)`` tokens of ``text`` with campaign names kept whole."""
    return segmenter(rules).tokens(text, keep=keep)
