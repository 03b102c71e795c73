"""Writing an output file atomically: into a temporary file beside it, then a rename.

A crash or an exception leaves the earlier file (or none) in place, never half a file.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temp_beside(target: Path) -> Path:
    """A fresh hidden temporary path in ``target``'s folder (the rename stays on one disk)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write; renamed onto ``target`` if the block ends normally,
    removed whatever happens."""
    final = Path(target)
    temp = temp_beside(final)
    try:
        yield temp
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


def write_text_atomic(target: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``target`` atomically; the path written."""
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")
    return Path(target)
