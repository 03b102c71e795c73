"""Batches on a real Dask cluster (extractor/batch/cluster.py) and as partitioned datasets.

One ``distributed.LocalCluster`` of two worker processes serves the module: it extracts
the sample corpus (with a repeated file and an unreadable one), and its tables must equal
the local engine's row for row; a worker killed while it parses a part must cost nothing
(the scheduler runs the part again, and the part is written again whole); and a dataset
left half-written resumes by part.  The workers import the package the way this process
does (multiprocessing hands them its ``sys.path``).
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPORA, wait_for
from typer.testing import CliRunner

from extractor.batch.parts import hash_sources, list_sources, part_rows, plan_parts, run_part
from extractor.batch.run import run_batch
from extractor.cli.main import app
from extractor.export.dataset import complete_parts, part_name, read_table
from extractor.export.tables import TABLES, frame, report_tables
from extractor.io.reading import iter_inputs

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

from extractor.batch import cluster  # noqa: E402


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample reports, one of them twice (same bytes) and one file that is not text."""
    folder = tmp_path_factory.mktemp("batch") / "reports"
    shutil.copytree(CORPORA, folder, ignore=shutil.ignore_patterns("annotations", "_*", "*.py"))
    shutil.copy(CORPORA / "02_city_annual_2021.txt", folder / "99_copy.txt")
    (folder / "98_binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


@pytest.fixture(scope="module")
def local_tables(batch: Path) -> dict[str, pd.DataFrame]:
    return report_tables(run_batch(iter_inputs([batch])))


@pytest.fixture(scope="module")
def client():
    with cluster.client_for("local", workers=2) as client:
        client.wait_for_workers(2)
        yield client


def dataset_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in TABLES}


def assert_same_tables(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(
            got[name].reset_index(drop=True), want[name].reset_index(drop=True), obj=name
        )


def test_the_cluster_writes_the_local_engines_tables_row_for_row(
    batch, local_tables, client, tmp_path
):
    out = tmp_path / "out"
    parts = cluster.write_dataset([batch], out, client=client, part_size=3)
    assert [p.index for p in parts] == complete_parts(out) == list(range(len(parts)))
    got = dataset_tables(out)
    assert_same_tables(got, local_tables)
    statuses = got["documents"].set_index("doc_id")["status"]
    assert statuses["99_copy"] == "duplicate" and statuses["98_binary"] == "error"
    assert len(got["terms"]) > 1000 and (got["claims"]["doc_id"].isin(statuses.index)).all()


def test_the_workers_parse_without_the_statistical_profiler(batch, client, tmp_path):
    """A worker's profiler samples the running task's stack every 10 ms: on parsing it took
    a fifth of the worker's CPU.  The local cluster never starts it, and a batch stops it
    on the workers of any cluster, those that join later included."""

    def profiling(dask_worker):
        return sorted(n for n in dask_worker.periodic_callbacks if n.startswith("profile"))

    assert set(map(tuple, client.run(profiling).values())) == {()}
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
        ) as other,
        distributed.Client(other) as theirs,
    ):
        assert list(theirs.run(profiling).values()) == [["profile", "profile-cycle"]]
        registered = []
        register = theirs.register_plugin
        theirs.register_plugin = lambda *a, **k: registered.append(k["name"]) or register(*a, **k)
        cluster.write_dataset([batch], tmp_path / "out", client=theirs, part_size=8)
        other.scale(2)
        theirs.wait_for_workers(2)
        assert list(theirs.run(profiling).values()) == [[], []]
        cluster.extract([batch], client=theirs)  # the same client: no second round trip
        assert registered == ["workreport-no-profiler"]


def test_the_local_workers_start_with_the_parser_and_its_rules_ready(client):
    """The local cluster's workers are forked from a server that imported Dask and the
    package and built the rules (extractor.batch.preload): none imports them itself."""

    def ready() -> tuple[bool, bool]:
        import sys

        from extractor.rules.loader import default_rules

        built = default_rules.cache_info().currsize == 1
        return "extractor.batch.preload" in sys.modules, built

    assert list(client.run(ready).values()) == [(True, True), (True, True)]


def test_the_dask_dataframes_hold_the_same_rows(batch, local_tables, client):
    import dask

    tables = cluster.extract([batch], client=client, part_size=4)
    parts = -(-len(list(iter_inputs([batch]))) // 4)  # four documents a part, the last fewer
    for name, df in tables.items():
        assert list(df.columns) == list(frame(name, []).columns)
        assert df.npartitions == parts
    computed = dask.compute(*tables.values())
    assert_same_tables(dict(zip(tables, computed, strict=True)), local_tables)


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(batch, local_tables, client, tmp_path):
    out = tmp_path / "out"
    parts = cluster.plan(client, [batch], part_size=1)
    futures = cluster.submit_parts(client, str(out), parts)
    killed = 0

    def settled() -> bool:
        return _retried(client) or all(f.done() for f in futures)

    def running() -> bool:
        return settled() or any(keys for keys in client.processing().values())

    # kill a worker while it runs a part, until the scheduler has had to run one again
    while not settled():
        wait_for(running, "a worker running a part")
        busy = [w for w, keys in client.processing().items() if keys]
        if not busy:  # all done or retried meanwhile
            continue
        worker = busy[0]
        pid = client.run(os.getpid, workers=[worker], on_error="return").get(worker)
        if not isinstance(pid, int):  # gone meanwhile
            continue
        os.kill(pid, signal.SIGKILL)
        killed += 1
        wait_for(lambda w=worker: w not in client.scheduler_info()["workers"],
                 "the scheduler to see the killed worker gone")  # fmt: skip
        client.wait_for_workers(2)  # and the nanny has started a new worker process
    assert killed and _retried(client), "no part was running when the worker was killed"
    distributed.wait(futures)
    assert all(f.status == "finished" for f in futures)
    got = dataset_tables(out)
    assert not got["documents"]["doc_id"].duplicated().any()
    assert_same_tables(got, local_tables)


def _retried(client) -> bool:
    """Whether the scheduler lost a task with a dead worker and scheduled it again."""

    def suspicious(dask_scheduler) -> int:
        return sum(ts.suspicious for ts in dask_scheduler.tasks.values())

    return client.run_on_scheduler(suspicious) > 0


def test_an_interrupted_dataset_resumes_by_part(batch, local_tables, client, tmp_path):
    out = tmp_path / "out"
    parts = cluster.plan(client, [batch], part_size=2)
    # the interrupted run: three parts complete, the fourth's tables written but not its
    # documents part (the worker died before it), the rest never started
    distributed.wait(cluster.submit_parts(client, str(out), parts[:3]))
    rows = part_rows(parts[3])
    run_part(str(out), parts[3])
    (out / "documents" / part_name(3)).unlink()
    assert complete_parts(out) == [0, 1, 2]
    assert (out / "claims" / part_name(3)).is_file() and rows["claims"]
    before = {i: (out / "documents" / part_name(i)).stat().st_mtime_ns for i in range(3)}
    with pytest.raises(Exception, match="--resume"):
        cluster.write_dataset([batch], out, client=client, part_size=2)
    done = cluster.write_dataset([batch], out, client=client, part_size=2, resume=True)
    assert [p.index for p in done] == list(range(3, len(parts)))
    after = {i: (out / "documents" / part_name(i)).stat().st_mtime_ns for i in range(3)}
    assert after == before  # the complete parts were not written again
    assert_same_tables(dataset_tables(out), local_tables)
    # other inputs cannot resume this dataset
    with pytest.raises(Exception, match="other documents"):
        cluster.write_dataset([CORPORA], out, client=client, part_size=2, resume=True)


def test_the_command_line_runs_on_a_scheduler_address(batch, local_tables, client, tmp_path):
    out = tmp_path / "out"
    args = ["extract", str(batch), "--out", str(out), "--engine", "dask"]
    address = client.scheduler_info()["address"]
    result = CliRunner().invoke(app, [*args, "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert f"{len(list(CORPORA.glob('*.txt')))} ok, 1 failed" in result.output  # the copy: one
    assert_same_tables(dataset_tables(out), local_tables)
    again = CliRunner().invoke(app, [*args, "--scheduler", address])
    assert again.exit_code == 2 and "--resume" in again.output
    csv = CliRunner().invoke(app, [*args, "--format", "csv"])
    assert csv.exit_code == 2 and "Parquet" in csv.output


def test_compare_runs_its_windows_on_the_cluster(batch, client, tmp_path):
    """``compare --engine dask`` over a dataset: each window of series is compared by a
    worker, and the tables are those of the windows compared one after another here."""
    from extractor.analysis.compare import compare
    from extractor.analysis.pieces import on_cluster

    out = tmp_path / "out"
    cluster.write_dataset([batch], out, client=client)
    options = {"manifest": CORPORA / "series.csv", "window_docs": 2}
    engine, asked = on_cluster(client), []

    def windows(job, items):
        asked.append(len(items))
        return engine.windows(job, items)

    got = compare(out, map_pieces=engine, map_windows=windows, **options)
    here = compare(out, **options)
    assert asked and asked[0] > 3
    for name, table in here.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name)


# --- the same parts without a cluster --------------------------------------------------------
def test_the_local_engine_writes_and_resumes_datasets(batch, local_tables, tmp_path):
    out = tmp_path / "out"
    args = ["extract", str(batch), "--out", str(out), "--dataset", "--part-size", "4", "-j", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert_same_tables(dataset_tables(out), local_tables)
    (out / "documents" / part_name(1)).unlink()  # part 1 left unfinished
    resumed = CliRunner().invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert_same_tables(dataset_tables(out), local_tables)


def test_inputs_read_through_fsspec_urls_are_named_by_their_url(batch, local_tables):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for file in sorted(batch.iterdir()):
        memory.pipe(f"/reports/{file.name}", file.read_bytes())
    sources = list_sources(["memory://reports"])
    assert sources[0] == (
        "memory:///reports/01_county_halfyear_2020.txt",
        "01_county_halfyear_2020",
    )
    parts = plan_parts(sources, hash_sources([s for s, _ in sources]), size=100)
    rows = part_rows(parts[0])
    docs = frame("documents", rows["documents"])
    assert docs["path"].str.startswith("memory:///reports/").all()
    assert set(docs["series"]) == {"reports"}
    want = local_tables["documents"]
    same = ["doc_id", "title", "period", "chars", "encoding", "sha256", "status"]
    pd.testing.assert_frame_equal(docs[same], want[same])
    assert "memory:///reports/98_binary.txt" in docs.set_index("doc_id").loc["98_binary", "error"]
    assert len(frame("claims", rows["claims"])) == len(local_tables["claims"])
