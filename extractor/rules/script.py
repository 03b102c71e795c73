"""Traditional script: the forms of the rule vocabulary that reports in 繁體 use.

Reports from before the 1956 simplification, and from Hong Kong, Macao and Taiwan, write
增長, 個百分點, 億元.  The pattern files list the simplified forms only; the traditional
ones are derived at load with OpenCC (mainland, Taiwan and Hong Kong standards, which
differ: 只 is 隻 in one and 只 in another), so no hand copy can drift from its original.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any


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


def with_traditional(items: Iterable[str]) -> tuple[str, ...]:
    """``items`` with the traditional forms of each added after all of them, once each."""
    items = tuple(items)
    seen = set(items)
    extra = []
    for item in items:
        for form in traditional(item):
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
