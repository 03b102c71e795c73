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

from collections.abc import Callable

from extractor.claims.words import ClaimWords, change_words

#: the longest predicate after a share's noun that still names who the share counts
_PREDICATE_MAX = 12


def funds_after(own: str, after: str, words: ClaimWords) -> str:
    """The funds an amount is, where the words before it end with a verb of arranging funds
    and the noun after it names the funds (中央安排 + 30亿元 + 国债资金支持… → 中央国债资金): who
    pays, and what, up to the first name of funds (``funds_heads``) in ``after``.  ``""`` unless
    ``own`` names who pays before the verb and ``after`` names funds."""
    verb, end = _verb_and_head(own, after, words.funds_verbs, words.funds_heads)
    return own[: -len(verb)] + after[:end] if end else ""


def _verb_and_head(
    own: str, after: str, verbs: tuple[str, ...], heads: tuple[str, ...]
) -> tuple[str, int]:
    """The verb of ``verbs`` that ends ``own`` after words of their own, and where the first
    of ``heads`` in ``after`` ends (0: no such verb or head)."""
    verb = next((v for v in verbs if own.endswith(v)), "")
    if not verb or len(own) <= len(verb):
        return "", 0
    ends = [at + len(h) for h in heads if (at := after.find(h)) >= 0]
    return (verb, min(ends)) if ends else ("", 0)


def bonds_after(own: str, after: str, words: ClaimWords) -> str:
    """The issue an amount is, where the words before it end with a verb of issuing debt after
    who issues and the noun after it names bonds (国务院增发 + 1000亿元 + 财政债券 → 增发财政债券):
    the verb and the bonds, up to the first name of bonds (``bond_heads``) in ``after``, not who
    issues.  ``""`` unless ``own`` names who issues before the verb and ``after`` names bonds."""
    verb, end = _verb_and_head(own, after, words.issue_verbs, words.bond_heads)
    return verb + after[:end] if end else ""


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


#: the longest noun after a demonstrative that is looked for before it (比重, 投资总额)
_NOUN_MAX = 4
#: how far back its first naming is looked for
_ANTECEDENT_BACK = 240


def named_before(
    indicator: str, at: int, folded: str, words: ClaimWords, clause_of: Callable[[int], int]
) -> tuple[int, int] | None:
    """Where the quantity an indicator points back to (这个比重) was named: the clause before
    ``at`` that ends with the noun after the demonstrative, from its start to that noun
    (…，提高了职工住宅…等方面的投资比重。这个比重 → the span of 提高了…投资比重), the longest
    noun first; None where the indicator opens with no demonstrative, the noun after it names
    no measure (比重, 比例, 数量: ``measure_ends``, ``rate_ends``) or nothing before names it.
    ``clause_of`` gives where the clause holding a position starts."""
    opens = words.demonstratives_opens
    if not words.demonstratives or (opens and not indicator.startswith(opens)):
        return None  # no demonstrative opens it (a test of its letter costs less than a match)
    opening = words.demonstratives.match(indicator)
    if opening is None:
        return None
    rest = indicator[opening.end() :]
    lo = max(0, at - _ANTECEDENT_BACK)
    for size in range(min(_NOUN_MAX, len(rest)), 1, -1):
        if rest[size - 1] not in words.measure_ends and rest[size - 1] not in words.rate_ends:
            continue  # 这个工程因…而积压资金: a thing, not the quantity the figure measures
        end = at
        while (found := folded.rfind(rest[:size], lo, end)) >= 0:
            pointed = any(
                words.demonstratives.match(folded[found - k : found + size])
                for k in (1, 2)
                if found >= k
            )
            if not pointed:  # the naming itself, not another 这个比重 before
                return clause_of(found), found + size
            end = found
    return None
