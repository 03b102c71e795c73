"""Ctrl-C, kill -9 and a second run: tables complete and once, workers gone, one run a folder.

No test here waits a fixed time and hopes: each waits for a condition (a marker file the
child writes once its first document's rows are queued, a process that has appeared or
gone), with a generous deadline that only a broken run reaches.  The SIGINT test runs
beside two processes that keep the CPUs busy: the outcome must not depend on the load.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPORA, ROOT, wait_for
from typer.testing import CliRunner

from extractor.cli.main import app
from extractor.export import tableset
from extractor.export.rows import TABLES
from extractor.export.tables import FORMATS

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and /proc as POSIX has them")
runner = CliRunner()


@pytest.fixture
def busy_machine():
    """Two processes that keep the CPUs busy for the length of the test."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    yield
    for burner in burners:
        burner.kill()
        burner.wait()


def many_reports(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    text = (CORPORA / "02_city_annual_2021.txt").read_text(encoding="utf-8")
    for i in range(n):  # distinct bytes, so none is a duplicate
        (folder / f"{i:03}.txt").write_text(f"{text}\n{i}\n", encoding="utf-8")
    return [f"{i:03}" for i in range(n)]


def read_set(out: Path, fmt: str) -> dict[str, pd.DataFrame]:
    """Every table of the folder's set, read through its manifest."""
    files = tableset.table_files(out)
    assert set(files) == set(TABLES)
    readers = {
        "parquet": pd.read_parquet,
        "csv": lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
        "jsonl": lambda p: pd.read_json(p, lines=True, dtype=False) if p.stat().st_size else None,
        "xlsx": lambda p: pd.read_excel(p, dtype=str),
    }
    out_tables = {}
    for name, paths in files.items():
        frames = [f for f in (readers[fmt](p) for p in paths) if f is not None]
        out_tables[name] = pd.concat(frames) if frames else pd.DataFrame(columns=["doc_id"])
    return out_tables


crashes = pytest.importorskip("crashes")


@pytest.fixture(scope="module")
def forks():
    return crashes.context()


@pytest.mark.parametrize("fmt", FORMATS)
def test_sigint_after_the_first_document_leaves_complete_tables_once(
    tmp_path, fmt, forks, busy_machine
):
    ids = many_reports(tmp_path / "in", 12)
    out, marker, log = tmp_path / "out", tmp_path / "first-document", tmp_path / "stderr"
    args = ["extract", str(tmp_path / "in"), "--out", str(out), "-f", fmt, "-j", "1"]
    child = crashes.start_marked(forks, args, marker, log)
    wait_for(lambda: marker.exists() or not child.is_alive(), "the first document")
    os.kill(child.pid, signal.SIGINT)
    child.join(300)
    err = log.read_text(encoding="utf-8")
    tables = read_set(out, fmt)
    docs = tables["documents"]
    if child.exitcode == 130:
        assert "interrupted" in err and 1 <= len(docs) < len(ids)
    else:  # the batch ended before the signal came
        assert child.exitcode == 0, err
        assert len(docs) == len(ids)
    assert list(docs["doc_id"]) == ids[: len(docs)] and docs["status"].eq("ok").all()
    reference = read_set(_clean_run(tmp_path, fmt, ids[:1]), fmt)
    for name, frame in tables.items():
        assert not frame.astype(str).duplicated().any(), f"{name}: a row written twice"
        assert set(frame["doc_id"]) <= set(docs["doc_id"])
        per_doc = frame["doc_id"].value_counts()  # every document done is there whole
        expected = len(reference[name])
        assert all(per_doc.get(d, 0) == expected for d in docs["doc_id"]), name
    assert not list(out.glob(".*.tmp"))


def _clean_run(tmp_path: Path, fmt: str, ids: list[str]) -> Path:
    one = tmp_path / "one"
    one.mkdir()
    for doc_id in ids:
        (one / f"{doc_id}.txt").write_bytes((tmp_path / "in" / f"{doc_id}.txt").read_bytes())
    out = tmp_path / "one-out"
    assert runner.invoke(app, ["extract", str(one), "--out", str(out), "-f", fmt]).exit_code == 0
    return out


# a fresh Python that writes a marker when its first document's rows are queued
MARKED = """
import sys
from pathlib import Path
from extractor.export.tables import TableWriter
marker, args = Path(sys.argv[1]), sys.argv[2:]
queue = TableWriter.add_report_rows
def add_report_rows(self, rows):
    queue(self, rows)
    marker.touch()
TableWriter.add_report_rows = add_report_rows
from extractor.cli.main import app
app(args)
"""


def test_ctrl_c_to_the_process_group_stops_workers_and_keeps_the_tables(tmp_path):
    ids = many_reports(tmp_path / "in", 40)
    out, marker = tmp_path / "out", tmp_path / "first-document"
    cmd = [sys.executable, "-c", MARKED, str(marker), "extract", str(tmp_path / "in"),
           "--out", str(out), "-f", "jsonl", "-j", "2"]  # fmt: skip
    child = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    wait_for(lambda: marker.exists() or child.poll() is not None, "the first document")
    os.killpg(child.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, err = child.communicate(timeout=300)
    assert child.returncode in (0, 130), err.decode()
    docs = read_set(out, "jsonl")["documents"]
    assert list(docs["doc_id"]) == ids[: len(docs)] and len(docs) >= 1


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not asked


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path):
    many_reports(tmp_path / "in", 60)
    cmd = [sys.executable, "-m", "extractor", "extract", str(tmp_path / "in"),
           "--out", str(tmp_path / "out"), "-j", "2"]  # fmt: skip
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # two workers (and multiprocessing's resource tracker) once the pool has started
    wait_for(lambda: len(_children(child.pid)) >= 3 or child.poll() is not None, "the workers")
    workers = _children(child.pid)
    assert child.poll() is None, "the batch ended before the workers could be seen"
    child.kill()  # kill -9: no cleanup runs in the main process
    child.wait()
    wait_for(lambda: not any(_alive(w) for w in workers), "the workers to end")


def test_a_second_run_into_the_same_folder_fails_at_once_and_the_lock_dies_with_its_holder(
    tmp_path,
):
    many_reports(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(  # another run, busy with the folder
        [sys.executable, "-c", "import sys, time\nfrom extractor.export import tableset\n"
         "with tableset.lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(600)",
         str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)])
        assert result.exit_code == 2
        assert "another workreport run is writing to this folder" in result.output
        assert not list(out.iterdir())  # nothing replaced, nothing left
    finally:
        holder.kill()
        holder.wait()
    again = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)])
    assert again.exit_code == 0, again.output  # flock went with the dead process


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path):
    many_reports(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    debris = [out / ".claims.jsonl.0a1b2c3d4e5f.tmp", out / ".documents.parquet.ffffffffffff.tmp"]
    for path in debris:
        path.write_text("half a table", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in debris)
    assert not list(out.glob(".*.tmp"))


# --- resume ----------------------------------------------------------------------------


def test_resume_gives_a_copy_not_reached_its_duplicate_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    data = (CORPORA / "01_county_halfyear_2020.txt").read_bytes()
    (folder / "a.txt").write_bytes(data)
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["extract", str(folder), "--out", str(out), "-f", "jsonl"]).exit_code
        == 0
    )
    (folder / "b.txt").write_bytes(data)  # a copy the interrupted run had not reached
    result = runner.invoke(
        app, ["extract", str(folder), "--out", str(out), "-f", "jsonl", "--resume"]
    )
    assert result.exit_code == 0, result.output
    docs = read_set(out, "jsonl")["documents"].set_index("doc_id")
    assert docs.loc["b", "status"] == "duplicate" and docs.loc["b", "error"].endswith(
        f"as {folder / 'a.txt'}; reported once"
    )
    assert docs.loc["a", "status"] == "ok"


def test_resume_leaves_every_value_byte_for_byte(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("一、工作\n增长1.36%，完成0.1亿元。\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["extract", str(folder), "--out", str(out), "-f", "jsonl"]
    assert runner.invoke(app, args).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.jsonl")}
    assert b"1.36" in before["claims.jsonl"]
    assert runner.invoke(app, [*args, "--resume"]).exit_code == 0  # nothing to do
    assert {p.name: p.read_bytes() for p in out.glob("*.jsonl")} == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_refuses_a_set_mixed_from_two_runs(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        args = ["extract", str(folder), "--out", str(out), "-f", fmt]
        assert runner.invoke(app, args).exit_code == 0
        (folder / "b.txt").write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    # the claims table of the second run copied over the first's: a mixed set
    (first / f"claims.{fmt}").write_bytes((second / f"claims.{fmt}").read_bytes())
    result = runner.invoke(
        app, ["extract", str(folder), "--out", str(first), "-f", fmt, "--resume"]
    )
    assert result.exit_code == 2
    assert f"claims.{fmt}" in result.output and "not the set" in result.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_carries_rows_in_every_format(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=a.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    out = tmp_path / "out"
    args = ["extract", str(folder), "--out", str(out), "-f", fmt]
    assert runner.invoke(app, args).exit_code == 0
    before = read_set(out, fmt)
    (folder / "b.txt").write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    result = runner.invoke(app, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert "documents: 1 ok" in result.output  # only b was parsed
    after = read_set(out, fmt)
    for name in TABLES:
        old = after[name][after[name]["doc_id"] != "b"].reset_index(drop=True)
        pd.testing.assert_frame_equal(old, before[name].reset_index(drop=True), check_dtype=False)
    manifest = json.loads((out / "_tables.json").read_text(encoding="utf-8"))
    assert manifest["tables"]["documents"][0]["rows"] == 2


def test_resume_in_another_format_says_which(tmp_path):
    many_reports(tmp_path / "in", 1)
    out = tmp_path / "out"
    assert (
        runner.invoke(
            app, ["extract", str(tmp_path / "in"), "--out", str(out), "-f", "csv"]
        ).exit_code
        == 0
    )
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "--resume"])
    assert result.exit_code == 2 and "resume with --format csv" in result.output


def test_compare_refuses_a_folder_of_tables_mixed_from_two_runs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert runner.invoke(app, ["extract", str(folder), "--out", str(out)]).exit_code == 0
        (folder / "b.txt").write_bytes((CORPORA / "02_city_annual_2021.txt").read_bytes())
    result = runner.invoke(app, ["compare", str(first), "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output  # a whole set compares
    (first / "sections.parquet").write_bytes((second / "sections.parquet").read_bytes())
    result = runner.invoke(app, ["compare", str(first), "--out", str(tmp_path / "cmp2")])
    assert result.exit_code == 2
    assert "sections.parquet" in result.output and "not the set" in result.output


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
from extractor.cli.main import app
app(sys.argv[1:])
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_one_clear_error_and_the_earlier_set_stays(tmp_path, fmt):
    many_reports(tmp_path / "in", 30)
    out = tmp_path / "out"
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    assert runner.invoke(app, ["extract", str(small), "--out", str(out), "-f", fmt]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    args = ["extract", str(tmp_path / "in"), "--out", str(out), "-f", fmt, "-j", "1"]
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *args], cwd=ROOT, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "cannot write tables to" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # nothing left, nothing lost
