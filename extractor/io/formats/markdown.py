"""Markdown: the text without its markup, so ``## 一、总结`` is the heading ``一、总结``.

Per line: ATX heading marks (``#``), block quotes (``>``), list bullets (``-``, ``*``, ``+``)
and emphasis (``**``, ``__``) go; links and images keep their text; a pipe table's row
becomes its cells joined by tabs and its ``|---|`` rule goes, as do thematic breaks and
setext underlines.  Numbered list items keep their number (``1.`` is an outline marker).
Offsets refer to this text, like the text extracted from any other format.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?!-))?")
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]++#++[ \t]*+$")
_RULE = re.compile(
    r"^[ \t]*+(?:[-*_][ \t]*+){3,}$"  # thematic break
    r"|^[ \t]*+=++[ \t]*+$"  # setext underline (a --- underline is a thematic break too)
    r"|^[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*\|?[ \t]*+$"  # table rule
)
#: A link or image: its text holds no bracket and its target at most one level of
#: parentheses, so that no ``[`` or ``](`` scans the rest of the line (a line of 40,000
#: ``[`` took 14 s); the innermost brackets make the link, as in CommonMark.
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*+\)")
_EMPHASIS = re.compile(r"\*\*|__")


def markdown_text(text: str) -> str:
    """The text of a Markdown document, one line per source line (rules dropped)."""
    lines = []
    for line in text.split("\n"):
        if _RULE.match(line) and line.strip():
            continue
        heading = line.lstrip().startswith("#")
        line = _PREFIX.sub("", line, count=1)
        if heading:
            line = _CLOSING_HASHES.sub("", line)
        line = _EMPHASIS.sub("", _LINK.sub(r"\1", line))
        if line.lstrip().startswith("|"):
            line = "\t".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(line)
    return "\n".join(lines)
