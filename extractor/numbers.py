"""Reading numbers written in Arabic or Chinese numerals.

``small_int`` reads the ordinals of outline markers (一, 十二, 12).  The full number grammar
(decimals, 万/亿 scales, fractions, ranges) is added with the claims (issue 3).
"""

from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


def small_int(text: str) -> int | None:
    """The value of an ordinal below 100: ``一``→1, ``十二``→12, ``二十``→20, ``7``→7."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in DIGITS) or (units and units not in DIGITS) or "十" in units:
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)
