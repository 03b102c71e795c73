"""Shared fixtures: the repository's own corpus and, where present, ../shared/corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared" / "corpora"
SEED = SHARED / "seed" / "000_8a275b04bc339325.txt"
SHARED_REASON = (
    "../shared/corpora is not next to this checkout (real reports live outside the repo)"
)


def shared_files() -> list[Path]:
    """Every real report under ../shared/corpora, or [] where it is absent."""
    return sorted(SHARED.rglob("*.txt")) if SHARED.is_dir() else []


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(SHARED_REASON)
    return SEED.read_text(encoding="utf-8")
