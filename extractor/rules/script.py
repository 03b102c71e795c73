"""Traditional script: the forms of the rule vocabulary that reports in 繁體 use.

Reports from before the 1956 simplification, and from Hong Kong, Macao and Taiwan, write
增長, 個百分點, 億元.  The pattern files list the simplified forms only; the traditional
ones are derived at load with OpenCC (mainland, Taiwan and Hong Kong standards, which
differ: 只 is 隻 in one and 只 in another), so no hand copy can drift from its original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from extractor.rules.schema import default_patterns_dir
from extractor.text.fold import read_pairs


@cache
def _converters() -> tuple[Any, ...]:
    """OpenCC's simplified → traditional converters (mainland, Taiwan and Hong Kong
    standards: 只 is 隻 in one, 只 in another); built once per process."""
    import opencc

    return tuple(opencc.OpenCC(config) for config in ("s2t", "s2tw", "s2hk"))


def traditional(text: str) -> tuple[str, ...]:
    """The traditional-script forms of ``text`` that differ from it (none for ASCII)."""
    if text.isascii():
        return ()
    forms = []
    for converter in _converters():
        form = converter.convert(text)
        if form != text and form not in forms:
            forms.append(form)
    return tuple(forms)


#: A character class of a pattern (escapes inside it kept), and what stands between them.
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def traditional_pattern(pattern: str) -> tuple[str, ...]:
    """The traditional-script forms of a regex pattern that differ from it.

    Outside character classes the pattern is converted as text; a class keeps its
    characters and gains their converted forms (``(?<![最接将])近`` → ``(?<![最接将將])近``):
    a converted class alone would let the derived alternative match where the original
    refuses (近 after the simplified 将)."""
    if pattern.isascii():
        return ()
    forms = []
    for converter in _converters():
        out, at = [], 0
        for m in _CLASS.finditer(pattern):
            out.append(converter.convert(pattern[at : m.start()]))
            inside = m.group()[1:-1]
            extra = "".join(
                ch for ch in dict.fromkeys(converter.convert(inside)) if ch not in inside
            )
            out.append(f"[{inside}{extra}]")
            at = m.end()
        out.append(converter.convert(pattern[at:]))
        form = "".join(out)
        if form != pattern and form not in forms:
            forms.append(form)
    return tuple(forms)


def with_traditional(items: Iterable[str], *, patterns: bool = False) -> tuple[str, ...]:
    """``items`` with the traditional forms of each added after all of them, once each
    (``patterns``: the items are regex patterns, see :func:`traditional_pattern`)."""
    items = tuple(items)
    seen = set(items)
    extra = []
    convert = traditional_pattern if patterns else traditional
    for item in items:
        for form in convert(item):
            if form not in seen:
                seen.add(form)
                extra.append(form)
    return (*items, *extra)


@cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified script (掃黑除惡 → 扫黑除恶); simplified text stays as it is."""
    return text if text.isascii() else str(_to_simplified().convert(text))


#: Where the fold's traditional characters are listed (extractor/text/fold.py reads it).
FOLD_FILE = Path(__file__).resolve().parents[1] / "text" / "traditional.txt"

#: The blocks of CJK ideographs the fold looks at (the Basic block, Extension A and the
#: compatibility ideographs: the supplementary planes hold no character a report writes).
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def _gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _function_words() -> dict[str, str]:
    """The characters GB2312 holds that the fold reads as simplified all the same
    (``patterns/traditional.txt``: 於, 後), each with its simplified form."""
    path = default_patterns_dir() / "traditional.txt"
    return read_pairs(path) if path.is_file() else {}


def traditional_fold() -> dict[str, str]:
    """The traditional characters the fold reads as simplified, each with its one simplified
    character: those OpenCC's t2s maps to a single other character, that GB2312 does not hold
    (a character it holds, 乾 徵 夥, is written in simplified text too and stays, but for the
    function words of ``patterns/traditional.txt``) and whose simplified form it holds (the
    characters the rule vocabulary is written in)."""
    chars = [chr(code) for low, high in _BLOCKS for code in range(low, high)]
    converted = _to_simplified().convert("\n".join(chars)).split("\n")
    also = _function_words()
    return {
        ch: to
        for ch, to in zip(chars, converted, strict=True)
        if len(to) == 1 and to != ch and (also.get(ch) == to or not _gb2312(ch)) and _gb2312(to)
    }


def fold_file_text() -> str:
    """The text of :data:`FOLD_FILE` as :func:`traditional_fold` derives it."""
    head = (
        "# Traditional characters the fold reads as simplified (extractor/text/fold.py), one\n"
        "# pair a line: derived with OpenCC by extractor.rules.script.traditional_fold; rewrite\n"
        "# with python -c 'from extractor.rules.script import *; FOLD_FILE.write_text("
        'fold_file_text(), encoding="utf-8")\'\n'
    )
    return head + "".join(f"{ch}{to}\n" for ch, to in traditional_fold().items())
