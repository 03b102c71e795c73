"""Length-preserving normalisation: a folded copy whose offsets are the original's.

Full-width digits, Latin letters and the punctuation that matters to markers and figures
(``０-９ Ａ-Ｚ ａ-ｚ ％ ． （ ） ， ：``) fold to ASCII, and every space-like character
(U+3000, NBSP, U+2002-U+200A, tab) to an ASCII space, a lone surrogate to U+FFFD.  Each
character maps to exactly one
character, so ``fold(text)[i]`` stands for ``text[i]`` and no offset moves.

Traditional characters that simplified text never writes fold to their simplified form
(億 → 亿, 國 → 国, 長 → 长; ``traditional.txt`` beside this file, derived with OpenCC by
``extractor.rules.script.traditional_fold``), so every pattern matched on the folded text
reads a report in either script.  A character GB2312 holds (於 乾 後) stays: simplified text
writes it too.  What the parse reports (titles, indicators, units) is cut from the text
itself by offsets, in the document's own characters.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractor.text.native import NATIVE

_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"


#: Lone surrogates: no UTF-8 can hold one (written with chr: mypyc takes no such literal).
_SURROGATES = range(0xD800, 0xE000)


#: The traditional characters the fold reads as simplified, one pair a line (``#`` comments).
TRADITIONAL_FILE = Path(__file__).resolve().with_name("traditional.txt")


def read_pairs(path: Path) -> dict[str, str]:
    """The pairs of a file of one pair a line, a character and the one it reads as (``#``
    lines are comments): the fold's traditional characters, and the function words of
    ``patterns/traditional.txt`` (extractor.rules.script)."""
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pairs[line[0]] = line[1]
    return pairs


def _traditional() -> dict[int, int]:
    return {ord(ch): ord(to) for ch, to in read_pairs(TRADITIONAL_FILE).items()}


def _build_table() -> dict[int, int]:
    table = _traditional()
    for code in range(0xFF10, 0xFF1A):  # ０-９
        table[code] = code - 0xFF10 + ord("0")
    for code in range(0xFF21, 0xFF3B):  # Ａ-Ｚ
        table[code] = code - 0xFF21 + ord("A")
    for code in range(0xFF41, 0xFF5B):  # ａ-ｚ
        table[code] = code - 0xFF41 + ord("a")
    for wide, narrow in zip("％．（）＋－／＊", "%.()+-/*", strict=True):
        table[ord(wide)] = ord(narrow)
    for ch in _SPACES:
        table[ord(ch)] = ord(" ")
    table[0x200B] = ord(" ")  # zero-width space left at page joins
    table[0xFEFF] = ord(" ")
    for code in _SURROGATES:  # a damaged PDF's text layer; no UTF-8 (nor the lexicon) takes one
        table[code] = 0xFFFD
    return table


FOLD_TABLE = _build_table()


#: Runs of characters the table changes.  In Chinese text most characters stay, and
#: ``str.translate`` looks every one of them up (a miss costs it a KeyError: some 0.5 µs a
#: character): substituting only the runs is several times faster on a whole report and on
#: a phrase of ten characters alike (stdlib ``re`` scans a plain character class faster than
#: ``regex``).
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(FOLD_TABLE)) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(FOLD_TABLE)


#: The table as the native translate reads it (extractor/text/_native.c), when built.
_NATIVE_TABLE = NATIVE.table(FOLD_TABLE) if NATIVE is not None else b""


def fold(text: str) -> str:
    """Return the folded copy of ``text``; ``len(fold(text)) == len(text)``.

    Natively, one pass over the text (six times faster than the runs' substitution)."""
    if NATIVE is not None:
        return str(NATIVE.translate(text, _NATIVE_TABLE))
    return fold_pure(text)


def fold_pure(text: str) -> str:
    """:func:`fold` in Python: the reference the native pass is tested against."""
    if _FOLDABLE.search(text) is None:
        return text  # most phrases (an indicator, a title) hold nothing to fold
    return _FOLDABLE.sub(_fold_run, text)


_SURROGATE = re.compile(f"[{chr(_SURROGATES[0])}-{chr(_SURROGATES[-1])}]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (no UTF-8 can hold one) replaced by U+FFFD, one
    for one: offsets stay."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
