"""Shared fixtures: the repository's own corpus and, where present, ../shared/corpora."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared" / "corpora"
SEED = SHARED / "seed" / "000_8a275b04bc339325.txt"
# Hypothesis keeps failing examples (its database, and @example patches) under its home
# directory; the fuzz tests draw from the real reports in ../shared, whose text must never
# land in the checkout, so that directory lives outside it.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "workreport-hypothesis")

SHARED_REASON = (
    "../shared/corpora is not next to this checkout (real reports live outside the repo)"
)


def shared_files() -> list[Path]:
    """Every real report under ../shared/corpora, or [] where it is absent."""
    return sorted(SHARED.rglob("*.txt")) if SHARED.is_dir() else []


#: How long a test waits for a condition before it fails (a loaded machine is slow, not stuck).
WAIT_DEADLINE = 120.0


def wait_for(condition: Callable[[], bool], what: str, deadline: float = WAIT_DEADLINE) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``deadline`` seconds.
    Tests wait for a condition this way, never for a fixed number of seconds."""
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what} after {deadline} s")
        time.sleep(0.02)


@pytest.fixture(scope="module")
def real_parsed() -> Callable[[str], tuple[str, Any]]:
    """A reader of real reports under ../shared/corpora/real: ``real_parsed("hubei/2026.txt")``
    gives the text and its parse (skipped where ../shared is absent)."""
    if not SHARED.is_dir():
        pytest.skip(SHARED_REASON)
    from extractor import parse

    def read(name: str) -> tuple[str, Any]:
        text = (SHARED / "real" / name).read_text(encoding="utf-8")
        return text, parse(text)

    return read


def claim_at(text: str, report: Any, anchor: str, figure: str) -> Any:
    """The claim of ``report`` holding ``figure`` where it stands inside ``anchor``."""
    start = text.index(anchor) + anchor.index(figure)
    return next(c for c in report.claims if c.start <= start < c.end)


def outline(text: str, **kw: Any) -> list[tuple[int, str, str]]:
    """Each section of ``text``'s parse as (level, marker, title)."""
    from extractor import parse

    return [(s.level, s.marker, s.title) for s in parse(text, **kw).sections]


def real_report(path: str) -> str:
    """The text of a real report of ../shared by its path under ``real/`` (skipped without)."""
    file = SHARED / "real" / path
    if not file.exists():
        pytest.skip(SHARED_REASON)
    return file.read_text(encoding="utf-8")


def flat_headings(text: str, deepest: int = 2) -> tuple[list[tuple[int, str, int]], ...]:
    """The headings (level, marker, start) of the first ``deepest`` levels of ``text`` as
    written and flattened (``extractor.analysis.real.flatten``), the written starts moved to
    where flattening put them."""
    from extractor import parse
    from extractor.analysis.real import flatten

    flat, where = flatten(text)
    return tuple(
        [(s.level, s.marker, moved[s.start]) for s in parse(t).sections if s.level <= deepest]
        for t, moved in ((text, where), (flat, range(len(flat) + 1)))
    )


def kinds(text: str, **kw: Any) -> list[tuple[str, str, str]]:
    """Each section of ``text``'s parse as (title, kind, period)."""
    from extractor import parse

    return [(s.title, s.kind, s.period) for s in parse(text, **kw).sections]


def claims_by_text(text: str) -> dict[str, Any]:
    """The claims of ``text``'s parse by their text."""
    from extractor import parse

    return {c.text: c for c in parse(text).claims}


def run_measured(code: str, *args: str, timeout: float = 300) -> tuple[str, int]:
    """Run ``code`` in a fresh Python (from the checkout); its stdout and its peak resident
    memory in MB.  The peak is the child's own (``VmHWM`` of /proc/self/status, read at
    exit): ``ru_maxrss`` would count the forked test process's pages from before ``exec``."""
    probe = (
        "\nimport atexit\n"
        "def _peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            print('PEAK_RSS_KB', line.split()[1], flush=True)\n"
        "atexit.register(_peak)\n"
    )
    if not Path("/proc/self/status").is_file():
        pytest.skip("peak memory is read from /proc (Linux)")
    done = subprocess.run(
        [sys.executable, "-c", probe + code, *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out, _, peak = done.stdout.rpartition("PEAK_RSS_KB ")
    return out, int(peak.split()[0]) // 1024


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(SHARED_REASON)
    return SEED.read_text(encoding="utf-8")


# --- headless Chromium (Debian's chromium package; .ci/run installs it) -------------------

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=3000",
)


class Chromium:
    """Runs Debian's headless Chromium on a local file: the rendered DOM and a screenshot."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.binary = binary
        self.profile = profile

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [self.binary, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)

    def dom(self, page: Path, size: str | None = None) -> str:
        """The DOM after scripts ran (``--dump-dom``), as serialised HTML; ``size`` is the
        window's ``width,height`` (the layout a script in the page measures)."""
        window = [f"--window-size={size}"] if size else []
        return self._run("--dump-dom", *window, page.resolve().as_uri()).stdout

    def screenshot(self, page: Path, png: Path, size: str = "1280,1600") -> Path:
        self._run(f"--screenshot={png}", f"--window-size={size}", page.resolve().as_uri())
        return png


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    """Headless Chromium, or a skip (a failure under CI, where .ci/run installs it)."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing under CI: .ci/run must install Debian's chromium")
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    return Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
