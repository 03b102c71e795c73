"""Decoding a file's bytes as text, strictly: the byte-order marks, UTF-8, GB18030 and Big5.

A BOM decides (UTF-8, UTF-16 LE/BE, UTF-32), else UTF-8; then GB18030 (a superset of GBK
and GB2312) and Big5, which often both decode the same bytes: the one whose Chinese
characters are more often common ones wins.  Decoding is strict but for a character cut
off at the very end (dropped) and a few damaged bytes in UTF-8 text (each read as U+FFFD),
both named in the warning the caller puts in the document's row.  Used by the readers of
files (:mod:`extractor.io.reading`) and of pages without a declared charset
(:mod:`extractor.io.formats.html`); it imports neither, so they import it without a cycle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from extractor.errors import InputError
from extractor.text.fold import without_surrogates

__all__ = ["decode_bytes", "decode_document", "has_bom", "normalise_text"]

#: (BOM, codec, label): the longer UTF-32 BOM must be tested before UTF-16's.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)


def has_bom(head: bytes) -> bool:
    """Whether bytes open with a Unicode byte-order mark (UTF-8, -16 or -32)."""
    return head.startswith(tuple(bom for bom, _, _ in _BOMS))


_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")
_MAX_CONTROL_SHARE = 0.02
_MAX_ODD_SHARE = 0.01
_ODD_CATEGORIES = frozenset({"Co", "Cn", "Cc"})


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes strictly; the text (BOM removed, newlines ``\\n``) and encoding."""
    text, encoding, _ = decode_document(data, name=name)
    return text, encoding


def decode_document(data: bytes, *, name: str = "<bytes>") -> tuple[str, str, str]:
    """:func:`decode_bytes`, and the warning the document's row carries ("" when none): a
    character cut off at the end of the file, dropped; a few damaged bytes in UTF-8 text."""
    if not data.strip():
        raise InputError(f"{name}: empty file ({len(data)} bytes)")
    text, encoding, warning = _decode(data, name)
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{name}: empty file (whitespace only)")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary file (too many control characters), not text")
    return text, encoding, warning


def normalise_text(text: str) -> str:
    """Drop a leading BOM, turn ``\\r\\n`` and ``\\r`` into ``\\n``, and a lone surrogate
    (a damaged PDF's text layer can hold one; no UTF-8 table can) into U+FFFD, one for one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return without_surrogates(text)


def _decode(data: bytes, name: str) -> tuple[str, str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, len(bom), codec, label, name)
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (NUL bytes; or UTF-16 without a byte-order mark)")
    try:
        text, cut = _decode_cut(data, "utf-8")
        return text, "utf-8", cut
    except UnicodeDecodeError:
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return damaged
    candidates = []
    for codec, label, score in _LEGACY:
        try:
            text, cut = _decode_cut(data, codec)
        except UnicodeDecodeError:
            continue
        common = score(text)
        if _share(text, _is_odd) <= _MAX_ODD_SHARE and (common >= _MIN_COMMON or _few_han(text)):
            candidates.append((common, label, text, cut))
    if candidates:  # the most common characters win; GB18030 on a tie (listed first)
        _, label, text, cut = max(candidates, key=lambda c: c[0])
        return text, label, cut
    raise InputError(
        f"{name}: cannot be decoded as UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5 "
        "(or it yields unlikely characters: another encoding?); convert it to UTF-8 and try again"
    )


#: A legacy decoding must read at least this share of its Chinese characters as common
#: ones (real reports: 0.975 and more; Shift-JIS read as GB18030: 0.0, as Big5: 0.14).
_MIN_COMMON = 0.5
#: How many characters of a cut sequence may be dropped at the end of a file.
_MAX_CUT = 4
#: UTF-8 text with at most this many damaged byte sequences (a flipped bit …), and at most
#: one per this many bytes (one always), is read with each replaced by U+FFFD and a warning.
_MAX_DAMAGED, _DAMAGED_EVERY = 8, 1_000


def _with_bom(data: bytes, skip: int, codec: str, label: str, name: str) -> tuple[str, str, str]:
    """Text that starts with a byte-order mark, read as the mark says, unless the body
    says otherwise: a UTF-16 or UTF-32 mark before a body that is UTF-8 (no NUL byte, valid
    UTF-8) would read as a page of mojibake."""
    body = data[skip:]
    if not label.startswith("utf-8") and b"\x00" not in body:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise InputError(
                f"{name}: starts with a {label} byte-order mark, but the rest is UTF-8 text: "
                "the mark contradicts the body; remove it or convert the file to UTF-8"
            )
    try:
        text, cut = _decode_cut(body, codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: starts with a {label} byte-order mark but is not valid {label} "
            f"(byte {exc.start + skip})"
        ) from exc
    if _share(text, _is_odd) > _MAX_ODD_SHARE:
        raise InputError(
            f"{name}: starts with a {label} byte-order mark, but read so it yields unlikely "
            "characters (the mark contradicts the body?); convert the file to UTF-8"
        )
    return text, label, cut


def _decode_cut(data: bytes, codec: str) -> tuple[str, str]:
    """``data`` decoded strictly, but for a character cut off at the very end of the file
    (a copy or download that stopped early): dropped, and said so (the warning)."""
    try:
        return data.decode(codec), ""
    except UnicodeDecodeError as exc:
        cut = len(data) - exc.start
        if exc.end < len(data) or cut > _MAX_CUT or not _ends_early(exc.reason):
            raise
        text = data[: exc.start].decode(codec)
        return text, (
            f"the file ends inside a character ({cut} byte{'s' if cut > 1 else ''} of a "
            f"{codec} sequence cut off at byte {exc.start}): dropped"
        )


def _ends_early(reason: str) -> bool:
    return any(word in reason for word in ("end of data", "truncated", "incomplete"))


def _damaged_utf8(data: bytes) -> tuple[str, str, str] | None:
    """UTF-8 text with a few damaged bytes (a flipped bit) read with each bad sequence as
    U+FFFD and a warning naming where; None when the data is not such text (too many bad
    sequences: another encoding)."""
    parts, bad, pos = [], [], 0
    while True:
        try:
            parts.append(data[pos:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(data[pos : pos + exc.start].decode("utf-8"))
            bad.append(pos + exc.start)
            if len(bad) > min(_MAX_DAMAGED, max(1, len(data) // _DAMAGED_EVERY)):
                return None
            parts.append("\ufffd")
            pos += exc.end
    text = "".join(parts)
    if len(data) - len(text) < 100:  # few multi-byte sequences: no sign it is UTF-8 at all
        return None
    where = ", ".join(str(b) for b in bad)
    return (
        text,
        "utf-8",
        (
            f"{len(bad)} damaged UTF-8 byte sequence{'s' if len(bad) > 1 else ''} (at byte "
            f"{where}) read as U+FFFD"
        ),
    )


#: The CJK Unified Ideographs block (U+4E00–U+9FFF), as code points: the characters whose
#: codes tell the encodings apart.
_HAN_FIRST, _HAN_LAST = 0x4E00, 0x9FFF


def _few_han(text: str) -> bool:
    """Too few Chinese characters for their share of common ones to say anything."""
    return sum(1 for ch in text[:20_000] if _HAN_FIRST <= ord(ch) <= _HAN_LAST) < 20


def _common_share(text: str, codec: str, low: bytes, high: bytes) -> float:
    """The share of Chinese characters whose two-byte code in ``codec`` is in [low, high].

    GB2312's first level (``B0A1``–``D7FE``, 3,755 characters) and Big5's frequent block
    (``A440``–``C67E``, 5,401) hold nearly every character of a real report; the bytes of
    one encoding read as the other yield many characters outside them."""
    sample = [ch for ch in text[:20_000] if _HAN_FIRST <= ord(ch) <= _HAN_LAST]
    if not sample:
        return 0.0
    common = 0
    for ch in sample:
        try:
            code = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        common += low <= code <= high
    return common / len(sample)


#: (codec, label, score): the legacy encodings tried after UTF-8, best score first.
_LEGACY: tuple[tuple[str, str, Callable[[str], float]], ...] = (
    ("gb18030", "gb18030", lambda t: _common_share(t, "gb2312", b"\xb0\xa1", b"\xd7\xfe")),
    ("big5", "big5", lambda t: _common_share(t, "big5", b"\xa4\x40", b"\xc6\x7e")),
    ("cp950", "cp950", lambda t: _common_share(t, "cp950", b"\xa4\x40", b"\xc6\x7e") - 0.01),
)


#: C0 and C1 controls but the allowed ones; counted by a scan, not a test per character
#: (that loop alone cost a tenth of a whole extraction).
_CONTROLS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)]
                  if chr(c) not in _ALLOWED_CONTROLS) + "]"
)  # fmt: skip


def _control_share(text: str) -> float:
    """The share of control characters among the first 100,000."""
    sample = text[:100_000]
    return len(_CONTROLS.findall(sample)) / max(len(sample), 1)


def _is_odd(ch: str) -> bool:
    """A character that GB18030 yields from bytes of another encoding, rarely from Chinese."""
    return ch > "\uffff" or (unicodedata.category(ch) in _ODD_CATEGORIES and ch not in "\t\n\r")


def _share(text: str, test: Callable[[str], bool]) -> float:
    """The share of characters passing ``test`` among the first 100,000."""
    sample = text[:100_000]
    return sum(1 for ch in sample if test(ch)) / max(len(sample), 1)
