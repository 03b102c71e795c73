"""The native scanning primitives (``extractor/text/_native.c``), where the build made them.

A wheel built with a C compiler holds ``extractor.text._native``: the fold of a text and the
offsets of its clause and sentence marks, each one pass in C (issue 23 measured what a
native core would buy; these two passes paid).  They know no rule: the characters come from
the fold table and ``patterns/text.toml``, so the Python code they stand in for stays the
reference, and ``tests/text/test_native.py`` checks the two give the same on the corpora
and on generated text.

``NATIVE`` is the module, or None: in an editable install or a checkout nobody built, where
the build found no compiler (it said so in one line), and whenever ``WORKREPORT_PURE=1``
asks for the pure path (what the differential tests compare against).
"""

from __future__ import annotations

import importlib
import os
from typing import Any


def pure_requested() -> bool:
    """Whether ``WORKREPORT_PURE`` asks for the pure-Python path (set, and not ``0``)."""
    return os.environ.get("WORKREPORT_PURE", "") not in ("", "0")


def load() -> Any:
    """The native module, or None when it is absent or the pure path is asked for."""
    if pure_requested():
        return None
    try:
        return importlib.import_module("extractor.text._native")
    except ImportError:
        return None


NATIVE: Any = load()
