"""``kill -9`` at any moment of an extract leaves one whole set of tables, and --resume finishes.

An extract runs into a folder that holds an earlier run (of half the files) and is killed
at one of its checkpoints (``crashes.py``: a document queued, a chunk written, a file
hashed, a rename), twenty of them drawn at random, the renames always among them.  After
each kill the folder must hold the earlier set whole or the new set whole: every table of the
same documents, those of the earlier run or those of the new one.  Then ``--resume`` must
complete and leave exactly the rows of a clean run.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
from pathlib import Path

import pytest
from conftest import CORPORA

from extractor.export import tableset
from extractor.export.rows import TABLES

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork as POSIX has them")
crashes = pytest.importorskip("crashes")

KILLS = 20
STEMS = sorted(p.stem for p in CORPORA.glob("*.txt"))[:5]
EARLIER = 2  # the earlier run had the first two


def rows(folder: Path) -> dict[str, list[str]]:
    """Every table's rows, as the JSON Lines files hold them (sorted), read through the
    folder's manifest."""
    files = tableset.table_files(folder)
    assert set(files) == set(TABLES)
    return {
        name: sorted(line for p in paths for line in p.read_text(encoding="utf-8").splitlines())
        for name, paths in files.items()
    }


def documents(table_rows: dict[str, list[str]]) -> dict[str, set[str]]:
    """The doc ids each table holds rows of (documents: every row's)."""
    return {name: {json.loads(r)["doc_id"] for r in rs} for name, rs in table_rows.items()}


FORMATS = ["jsonl"]  # the other formats: benchmarks/hostile.py


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """The inputs, and per format the earlier run (the first half of the files, before the
    rest were added) and a clean run of them all."""
    base = tmp_path_factory.mktemp("crash")
    inputs = base / "in"
    inputs.mkdir()
    ctx = crashes.context()
    for n, stem in enumerate(STEMS):
        if n == EARLIER:
            for fmt in FORMATS:
                args = ["extract", str(inputs), "-j", "1", "-f", fmt, "--out"]
                assert crashes.in_child(ctx, [*args, str(base / f"earlier-{fmt}")])[0] == 0
        (inputs / f"{stem}.txt").write_bytes((CORPORA / f"{stem}.txt").read_bytes())
    for fmt in FORMATS:
        args = ["extract", str(inputs), "-j", "1", "-f", fmt, "--out"]
        assert crashes.in_child(ctx, [*args, str(base / f"clean-{fmt}")])[0] == 0
    return base, inputs, ctx


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_kill_at_any_moment_leaves_one_whole_set_and_resume_finishes(setting, fmt):
    base, inputs, ctx = setting
    args = ["extract", str(inputs), "-j", "1", "-f", fmt, "--out"]
    clean, earlier = base / f"clean-{fmt}", base / f"earlier-{fmt}"
    expected_new, expected_old = rows(clean), rows(earlier)
    assert documents(expected_old)["documents"] == set(STEMS[:EARLIER])
    dry = base / f"dry-{fmt}"
    shutil.copytree(earlier, dry)
    code, checkpoints = crashes.in_child(ctx, [*args, str(dry)])
    assert code == 0 and checkpoints > 20
    draw = random.Random(f"kills-{fmt}")
    renames = list(range(checkpoints - 9, checkpoints + 1))  # hashing, journal, renames, manifest
    moments = sorted({*draw.sample(range(1, checkpoints + 1), KILLS - 6), *draw.sample(renames, 6)})
    seen = set()
    for n, moment in enumerate(moments):
        out = base / f"run-{fmt}-{n}"
        shutil.copytree(earlier, out)
        code, _ = crashes.in_child(ctx, [*args, str(out)], kill_at=moment)
        assert code == -signal.SIGKILL, f"checkpoint {moment}: not killed ({code})"
        state = rows(out)
        held = documents(state)
        assert held["documents"] in (set(STEMS[:EARLIER]), set(STEMS)), f"checkpoint {moment}"
        for name, ids in held.items():
            assert ids <= held["documents"], f"checkpoint {moment}: {name} holds other documents"
        assert state in (expected_old, expected_new), f"checkpoint {moment}: a mixed set"
        seen.add("new" if state == expected_new else "old")
        code, _ = crashes.in_child(ctx, [*args, str(out), "--resume"])
        assert code == 0, f"checkpoint {moment}: --resume failed"
        assert rows(out) == expected_new, f"checkpoint {moment}: --resume differs"
        assert not list(out.glob(".*.tmp")), f"checkpoint {moment}: temporary files left"
    assert seen == {"old", "new"}  # the moments fell on both sides of the commit
