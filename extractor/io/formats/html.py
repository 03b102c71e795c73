"""HTML pages: the main text, without scripts, styles, navigation or page furniture.

The bytes are decoded by the page's byte-order mark, else its ``<meta charset>``
declaration, else the detection plain-text files get (UTF-8, GB18030, Big5).  lxml parses
the page; ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form`` and
similar elements are dropped, and so are elements whose role is navigation.  When the page
has one ``<article>`` or ``<main>``, only that is read.  Block elements (``p``, ``div``,
``h1``–``h6``, ``li``, ``tr``, ``br`` …) end lines; table cells are joined by tabs.
Whitespace inside a block collapses as a browser shows it (a line break between two
Chinese characters vanishes).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from extractor.errors import InputError
from extractor.io.decoding import decode_bytes
from extractor.io.formats import join_lines, too_long

# fmt: off
_DROPPED = frozenset({
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside",
    "form", "iframe", "svg", "canvas", "button", "select", "textarea", "object", "embed",
    "menu", "dialog",
})
_BLOCKS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
    "table", "thead", "tbody", "tfoot", "section", "article", "main", "blockquote", "pre",
    "address", "figure", "figcaption", "hr", "center", "caption", "title", "body", "html",
})
# fmt: on
_CELLS = frozenset({"td", "th"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
_SPACE_IN_CJK = re.compile(rf"(?<={_CJK})[ \t\r\n\f\v]*\n[ \t\r\n\f\v]*(?={_CJK})")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(data: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str]:
    """The main text of an HTML page's bytes and ``html:<encoding>`` (over ``max_chars``
    characters: an :class:`InputError`)."""
    source, encoding = _decode(data, name)
    try:
        import lxml.html  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading HTML needs lxml ({exc})") from exc
    # huge_tree: libxml2 otherwise drops a text node over 10 MB (the page "holds no text");
    # the page's size is bounded before it is read
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:  # an XHTML page's XML declaration names an encoding; lxml refuses it on a str
        root = lxml.html.document_fromstring(
            _XML_DECLARATION.sub("", source, count=1), parser=parser
        )
    except Exception as exc:  # lxml.etree.ParserError on an empty or hopeless page
        raise InputError(f"{name}: not a readable HTML page ({exc})") from exc
    main = _main(root)
    parts: list[str] = []
    _walk(main, parts)
    text = join_lines([line.strip() for line in "".join(parts).split("\n")])
    if (error := too_long(name, len(text), max_chars)) is not None:
        raise error
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        limit = next(e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT")
        limit = limit.split(",")[0]  # "Excessive depth in document: 2048"
        raise InputError(f"{name}: the HTML page passes the parser's limits ({limit})")
    if not text.strip():
        raise InputError(f"{name}: the HTML page holds no text (outside scripts and menus)")
    return text, f"html:{encoding}"


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        found = _META_CHARSET.search(data[:4096])
        if found:
            label = found.group(1).decode("ascii").lower()
            codec = "gb18030" if label in {"gb2312", "gbk", "x-gbk"} else label
            try:
                return data.decode(codec), codecs.lookup(codec).name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect as for text files
    text, encoding = decode_bytes(data, name=name)
    return text, encoding


def _main(root: Any) -> Any:
    """The page's single ``<article>`` or ``<main>``, else its body (else the whole page)."""
    for tag in ("article", "main"):
        found = root.findall(f".//{tag}")
        if len(found) == 1 and "".join(found[0].itertext()).strip():
            return found[0]
    body = root.find("body")
    return body if body is not None else root


def _dropped(element: Any) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag:  # comments and processing instructions
        return True
    role = (element.get("role") or "").lower()
    return tag.lower() in _DROPPED or role in {"navigation", "banner", "contentinfo"}


def _walk(root: Any, parts: list[str]) -> None:
    """The text of ``root`` in document order: an element's own text, then each child and
    the text after it (its tail), block elements between line breaks.  A stack, not
    recursion: a page nested thousands of elements deep is still read."""
    stack: list[Any] = [root]
    while stack:
        element = stack.pop()
        if isinstance(element, str):
            parts.append(element)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag in _CELLS:
            parts.append("\t")
        elif tag in _BLOCKS:
            parts.append("\n")
        preformatted = tag == "pre"
        if element.text and not _dropped(element):
            parts.append(element.text if preformatted else _collapse(element.text))
        if tag in _BLOCKS:
            stack.append("\n")
        for child in reversed(element):  # pushed last to first: popped in order
            if child.tail:
                stack.append(child.tail if preformatted else _collapse(child.tail))
            if not _dropped(child):
                stack.append(child)


def _collapse(text: str) -> str:
    """Whitespace as a browser shows it: none across a line break between CJK, else a space."""
    return _SPACES.sub(" ", _SPACE_IN_CJK.sub("", text))
