"""Indicators composed from a sentence's parts, as a reader names the quantity.

The indicator bounds of :mod:`extractor.claims.claims` cut one contiguous stretch out of the
sentence.  A reader does not always: the funds an amount is (中央安排30亿元国债资金 → 中央国债资金)
stand on both sides of the figure, and the holders a share counts are named by what they do after
the noun (89.4%的公园实现24小时开放 → 实现24小时开放的公园).  Each function here takes the pieces
the claim finder already holds and returns the composed name, or ``""`` where the pieces do not
have the shape; it is asked only where a trigger stands (a verb of arranging funds ending the
words before an amount, a noun after a share's 的), so that the rest of a report costs nothing.
"""

from __future__ import annotations

from extractor.claims.words import ClaimWords, change_words

#: the longest predicate after a share's noun that still names who the share counts
_PREDICATE_MAX = 12


def funds_after(own: str, after: str, words: ClaimWords) -> str:
    """The funds an amount is, where the words before it end with a verb of arranging funds
    and the noun after it names the funds (中央安排 + 30亿元 + 国债资金支持… → 中央国债资金): who
    pays, and what, up to the first name of funds (``funds_heads``) in ``after``.  ``""`` unless
    ``own`` names who pays before the verb and ``after`` names funds."""
    verb = next((v for v in words.funds_verbs if own.endswith(v)), "")
    if not verb or len(own) <= len(verb):
        return ""
    ends = [at + len(h) for h in words.funds_heads if (at := after.find(h)) >= 0]
    return own[: -len(verb)] + after[: min(ends)] if ends else ""


def share_holders(folded: str, text: str, noun_end: int, clause_end: int, words: ClaimWords) -> str:
    """What the holders a share counts do, where a predicate follows their noun (89.4%的公园
    实现24小时开放 → 实现24小时开放): the share is of the nouns that do it.  ``""`` where a clause
    or list mark follows the noun, where the predicate runs long or states a change of its own
    (80%的企业营业收入增长10%: a figure of theirs, not who they are)."""
    end = clause_end
    for mark in words.list_marks:
        at = folded.find(mark, noun_end, end)
        end = at if at >= 0 else end
    if not 2 <= end - noun_end <= _PREDICATE_MAX:
        return ""
    if any(folded.find(ch, noun_end, end) >= 0 for ch in words.attributive):
        return ""  # 以占全市4%的土地贡献了全市18%的经济总量: a noun of another figure follows
    if next(change_words(folded, words, noun_end, end), None) is not None:
        return ""
    return text[noun_end:end].strip()
