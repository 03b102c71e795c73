"""The ordered parallel map behind ``--jobs``: same results, same order, as a plain map."""

from __future__ import annotations

import pytest

from extractor.batch.parallel import MIN_PARALLEL_ITEMS, default_jobs, ordered_map
from extractor.text.numbers import parse_number

NUMBERS = ["一千三百五十二", "1,352.6", "1.3万亿", "百分之六", "三分之一", "翻两番", "两万", "〇"]


def test_two_workers_return_what_a_plain_map_does_in_order() -> None:
    items = NUMBERS * 4  # more than MIN_PARALLEL_ITEMS, so a pool really runs
    assert len(items) >= MIN_PARALLEL_ITEMS
    got = list(ordered_map(parse_number, items, jobs=2, window=3))
    assert got == [parse_number(x) for x in items]
    assert got[:3] == [1352.0, 1352.6, 1.3e12]


def test_small_batches_and_one_job_run_in_process() -> None:
    ran: list[str] = []
    got = list(ordered_map(parse_number, NUMBERS[:3], jobs=4, initializer=lambda: ran.append("x")))
    assert got == [1352.0, 1352.6, 1.3e12]
    assert ran == ["x"]  # the initializer ran here, once: no pool for three items


def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(TypeError):
        list(ordered_map(parse_number, [*NUMBERS, None, *NUMBERS], jobs=2))  # type: ignore[list-item]


def test_default_jobs_is_at_least_one() -> None:
    assert default_jobs() >= 1


def test_a_batch_on_two_workers_gives_the_same_reports_in_order(tmp_path) -> None:
    from conftest import CORPORA

    from extractor.batch.run import run_batch
    from extractor.io.reading import iter_inputs

    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary")
    inputs = [*iter_inputs([CORPORA]), (broken, tmp_path)]
    assert len(inputs) >= MIN_PARALLEL_ITEMS
    serial = list(run_batch(inputs))
    parallel = list(run_batch(inputs, jobs=2))
    assert [r.document.doc_id for r in parallel] == [r.document.doc_id for r in serial]
    assert parallel == serial  # every element, offsets and all
    assert parallel[-1].document.status == "error"  # the broken file is a row, in its place
    assert sum(len(r.claims) for r in parallel) > 500


def test_jobs_zero_keeps_a_small_batch_in_one_process(tmp_path) -> None:
    from conftest import CORPORA

    from extractor.batch.parallel import AUTO_MIN_BYTES, auto_jobs

    small = sorted(CORPORA.glob("*.txt"))
    assert sum(f.stat().st_size for f in small) < AUTO_MIN_BYTES
    assert auto_jobs(small) == 1
    big = tmp_path / "big.txt"
    big.write_bytes(
        (CORPORA / "02_city_annual_2021.txt").read_bytes() * (AUTO_MIN_BYTES // 9000 + 1)
    )
    assert big.stat().st_size >= AUTO_MIN_BYTES
    assert auto_jobs([*small, big]) == default_jobs()
    assert auto_jobs([tmp_path / "missing.txt"]) == 1
