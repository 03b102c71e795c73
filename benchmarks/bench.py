"""Throughput and memory of the extractor against jieba on the same report text.

Builds a batch of at least ``--mb`` megabytes of report files by cycling the texts of
``corpora/*.txt`` and, where present, ``../shared/corpora/**/*.txt`` (relative to the repo
root), then

- ``--mode extract`` (default): times the extraction in this process the way the CLI runs
  it (``extractor.batch.run.run_batch`` over the folder, reading included; ``extractor.parse``
  per file where the batch module is absent);
- ``--mode extract-cli``: runs ``workreport extract BATCH --out OUT`` in a subprocess and
  takes its peak RSS from ``getrusage(RUSAGE_CHILDREN)``: the memory check
  (``--mb 200``, must stay under ``--limit-mb``, 500 by default; exit 1 when over);

and times ``jieba.Tokenizer().lcut`` over the same texts (dictionary loaded before the
clock starts).  The extractor's counterpart of that dictionary, its compiled rules (regex
patterns, the Aho-Corasick lexicon, built on first use), is built before its clock too, by
extracting the longest source once; that warm-up is timed and printed on its own row.
Prints a markdown table: chars/s of both, their ratio, peak RSS.

    python benchmarks/bench.py --mb 20
    python benchmarks/bench.py --mb 200 --mode extract-cli --no-jieba
"""

from __future__ import annotations

import argparse
import itertools
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from extractor.io.reading import read_document  # noqa: E402

MB = 1024 * 1024
ELEMENTS = ("sections", "measures", "claims", "placeholders")


@dataclass(frozen=True)
class Source:
    path: Path
    data: bytes  # written as is, so decoding (GBK, BOM …) is part of the timing
    text: str  # the decoded text, for character counts and for jieba


@dataclass(frozen=True)
class Batch:
    folder: Path
    files: int
    bytes: int
    chars: int
    plan: list[int]  # source index of each file, in order


def find_sources() -> list[Source]:
    """Every readable sample text: the repo's corpora, then ../shared/corpora."""
    paths = sorted((ROOT / "corpora").glob("*.txt"))
    shared = ROOT.parent / "shared" / "corpora"
    if shared.is_dir():
        paths += sorted(shared.rglob("*.txt"))
    sources = []
    for path in paths:
        try:
            sources.append(Source(path, path.read_bytes(), read_document(path).text))
        except Exception as exc:  # a sample the reader rejects is not a benchmark input
            print(f"skipping {path}: {exc}", file=sys.stderr)
    if not sources:
        sys.exit("no sample texts found in corpora/ or ../shared/corpora/")
    return sources


def _distinct(data: bytes, i: int) -> tuple[bytes, int]:
    """The source's bytes with a last line holding the copy's number, so no two files of
    the batch are equal (the extractor parses a repeated file only once); and the number
    of characters that adds.  The line is encoded like the file: UTF-16 by its BOM,
    anything else as ASCII (the same bytes in UTF-8, GB18030 and Big5)."""
    line = f"\n{i:06d}\n"
    if data.startswith(b"\xff\xfe"):
        return data + line.encode("utf-16-le"), len(line)
    if data.startswith(b"\xfe\xff"):
        return data + line.encode("utf-16-be"), len(line)
    return data + line.encode("ascii"), len(line)


def build_batch(sources: list[Source], folder: Path, mb: float) -> Batch:
    """Write copies of the sources, cycling, until the batch holds ``mb`` megabytes; each
    copy ends with its own number, so the batch holds no duplicates.

    Each round of the cycle writes its own folders (``state-council.r0003/…``), and a
    folder names its series: a series of the batch holds one round's copies of a real
    series (53 State Council reports, not 8,524), as a researcher's batch of many places
    holds many series of a few dozen reports each.  Before session 13 every copy sat in its
    source's folder, and compare's windows, which hold whole series, held 8,524 reports."""
    total = chars = 0
    plan: list[int] = []
    for i, index in enumerate(itertools.cycle(range(len(sources)))):
        if total >= mb * MB:
            break
        src = sources[index]
        name = src.path.parent.name or "corpus"
        sub = folder / f"{name}.r{i // len(sources):04d}"  # the folder names the series
        sub.mkdir(parents=True, exist_ok=True)
        data, extra = _distinct(src.data, i)
        (sub / f"{i:06d}_{src.path.name}").write_bytes(data)
        total, chars = total + len(data), chars + len(src.text) + extra
        plan.append(index)
    return Batch(folder, len(plan), total, chars, plan)


def _inputs(folder: Path) -> list[Any]:
    try:
        from extractor.io.reading import iter_inputs
    except ImportError:
        return sorted(folder.rglob("*.txt"))
    return list(iter_inputs([folder]))


def _reports(folder: Path, jobs: int = 1) -> Iterator[tuple[Any, dict[str, int]]]:
    """Each document of a folder and its element counts, as the CLI gets them: parsed and
    turned into table rows where it was read (in ``jobs`` worker processes)."""
    try:
        from extractor.batch.run import map_batch
        from extractor.export.rows import report_rows
    except ImportError:  # an older checkout: parse in process
        from extractor import parse

        for path in sorted(folder.rglob("*.txt")):
            doc = read_document(path)
            report = parse(doc.text, doc_id=doc.doc_id, path=str(path), series=doc.series)
            yield report.document, {n: len(getattr(report, n)) for n in ELEMENTS}
        return
    for document, rows in map_batch(_inputs(folder), report_rows, jobs=jobs):
        yield document, {name: rows.count(name) for name in ELEMENTS}


def _compiled() -> str:
    """How many of the parsing modules run compiled here (a checkout built with
    ``pip install .`` has them beside the sources; an editable install has none)."""
    try:
        from extractor.compiled import MODULES, compiled_modules
    except ImportError:  # an older checkout
        return "n/a"
    return f"{len(compiled_modules())} of {len(MODULES)}"


def warm_up(sources: list[Source]) -> float:
    """Seconds to build the extractor's rules on first use: one extraction of the longest
    source (as jieba's dictionary is loaded before its clock starts)."""
    try:
        from extractor.export.rows import report_rows
    except ImportError:  # an older checkout
        return 0.0
    from extractor import parse

    start = time.perf_counter()
    report_rows(parse(max(sources, key=lambda s: len(s.text)).text))
    return time.perf_counter() - start


def time_extract(batch: Batch, jobs: int = 1) -> tuple[float, dict[str, int]]:
    """Seconds to read and parse the whole batch into table rows, and what came out."""
    counts = dict.fromkeys(("documents", "errors", "duplicates", *ELEMENTS), 0)
    start = time.perf_counter()
    for document, found in _reports(batch.folder, jobs):
        counts["documents"] += 1
        counts["errors"] += document.status == "error"
        counts["duplicates"] += document.status == "duplicate"
        for name in ELEMENTS:
            counts[name] += found[name]
    return time.perf_counter() - start, counts


def time_cli(batch: Batch, out: Path, jobs: int = 1) -> tuple[float, int]:
    """Seconds of ``workreport extract`` over the batch, and the child's peak RSS in bytes.

    The checkout's own code runs (``python -m extractor`` from the repository root), not
    whatever ``workreport`` an older install left on the PATH.
    """
    command = [sys.executable, "-m", "extractor"]
    command += ["extract", str(batch.folder), "--out", str(out), "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024


#: Runs a command and prints the peak RSS (KiB) of its largest process, descendants included
#: (a child's waited-for children count in its RUSAGE_CHILDREN, and so on up).
_PEAK = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
)


def time_command(args: list[str]) -> tuple[float, int]:
    """Seconds of ``python -m extractor ARGS`` from the repository root, and the peak RSS in
    bytes of its largest process (the CLI, or any of its workers).

    ``RUSAGE_CHILDREN`` sees only processes their parents wait for; Dask's workers, forked
    from a fork server that is killed, are not among them.  So every descendant's own peak
    (``VmHWM``) is also read while the command runs, and the larger figure is returned."""
    command = [sys.executable, "-c", _PEAK, sys.executable, "-m", "extractor", *args]
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=ROOT)
        seen = 0
        while child.poll() is None:
            seen = max(seen, _descendants_peak(child.pid))
            time.sleep(0.2)  # a sampling period, not a wait for a result
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({child.returncode}):\n{stderr[-2000:]}")
    return seconds, max(int(stdout.split()[-1]) * 1024, seen)


def _descendants_peak(pid: int) -> int:
    """The largest ``VmHWM`` (bytes) among a process's live descendants, itself included."""
    import psutil  # distributed's own dependency: present wherever the cluster mode runs

    try:
        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return 0
    peak = 0
    for proc in procs:
        try:
            with open(f"/proc/{proc.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) * 1024)
        except OSError:
            continue
    return peak


def run_cluster(batch: Batch, out: Path, jobs: int, limit_mb: float) -> list[tuple[str, str]]:
    """The same batch through ``extract --jobs N`` and ``extract --engine dask --scheduler
    local --jobs N`` (a LocalCluster of N worker processes), then ``compare`` over each
    output (``compare --jobs N``): times, throughput ratio, compare's share of the
    extraction, peak memory."""
    folder = str(batch.folder)
    local_s, local_rss = time_command(["extract", folder, "--out", str(out / "local"),
                                       "--jobs", str(jobs)])  # fmt: skip
    engine = ["--engine", "dask", "--scheduler", "local"]
    dask_s, dask_rss = time_command(["extract", folder, "--out", str(out / "dask"), *engine,
                                     "--jobs", str(jobs)])  # fmt: skip
    # compare on as many worker processes as the extraction had (windows of series at once)
    cmp_s, cmp_rss = time_command(["compare", str(out / "dask"), "--out", str(out / "cmp"),
                                   "--jobs", str(jobs)])  # fmt: skip
    cmp1_s, cmp1_rss = time_command(["compare", str(out / "local"), "--out", str(out / "cmp1"),
                                     "--jobs", str(jobs)])  # fmt: skip
    mb = (
        f"{dask_rss / MB:.0f} MB ({'under' if dask_rss < limit_mb * MB else 'OVER'} {limit_mb:.0f})"
    )
    return [
        (f"extract --jobs {jobs} (tables as files)", rate(batch.chars, local_s)),
        (f"extract --engine dask --scheduler local --jobs {jobs} (datasets)",
         rate(batch.chars, dask_s)),
        ("dask throughput / --jobs throughput", f"{local_s / dask_s:.1%}"),
        ("peak RSS, largest process: --jobs run", f"{local_rss / MB:.0f} MB"),
        ("peak RSS, largest process: dask run (client, scheduler, every worker)", mb),
        ("compare over the dask datasets", f"{cmp_s:.1f} s, {cmp_s / dask_s:.1%} of its "
         f"extraction, peak {cmp_rss / MB:.0f} MB"),
        ("compare over the --jobs table files", f"{cmp1_s:.1f} s, {cmp1_s / local_s:.1%} of its "
         f"extraction, peak {cmp1_rss / MB:.0f} MB"),
    ]  # fmt: skip


def time_jieba(sources: list[Source], plan: list[int], max_chars: int | None) -> tuple[float, int]:
    """Seconds of ``Tokenizer.lcut`` over the batch's texts (at most ``max_chars``)."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()  # load the dictionary before the clock starts
    seconds, chars = 0.0, 0
    for index in plan:
        if max_chars is not None and chars >= max_chars:
            break
        text = sources[index].text
        start = time.perf_counter()
        tokenizer.lcut(text)
        seconds += time.perf_counter() - start
        chars += len(text)
    return seconds, chars


def vm_rss() -> int:
    """This process's current resident set, in bytes (0 where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def peak_rss() -> int:
    """This process's peak resident set so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def table(rows: list[tuple[str, str]]) -> str:
    return "\n".join(["| measure | value |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:,.0f} chars/s ({seconds:.1f} s)" if seconds else "n/a"


def run(args: argparse.Namespace, folder: Path) -> int:
    sources = find_sources()
    batch = build_batch(sources, folder / "batch", args.mb)
    rows = [
        ("batch", f"{batch.bytes / MB:.1f} MB, {batch.files} files, {batch.chars:,} chars, "
                  f"cycling {len(sources)} texts"),
        ("python", sys.version.split()[0]),
        ("compiled modules (mypyc)", _compiled()),
    ]  # fmt: skip
    status = 0
    if args.mode == "extract":
        warm = warm_up(sources)
        seconds, counts = time_extract(batch, args.jobs)
        how = "in process" if args.jobs <= 1 else f"{args.jobs} worker processes"
        rows += [
            ("warm-up before the clock (rules built: one extraction)", f"{warm:.2f} s"),
            (f"extract (map_batch to table rows, {how})", rate(batch.chars, seconds)),
            ("elements", ", ".join(f"{k} {v:,}" for k, v in counts.items())),
            ("peak RSS after extract (ru_maxrss)", f"{peak_rss() / MB:.0f} MB"),
        ]
    elif args.mode == "cluster":
        rows += run_cluster(batch, folder / "out", max(args.jobs, 2), args.limit_mb)
        seconds = 0.0
    else:
        seconds, child = time_cli(batch, folder / "out", args.jobs)
        status = int(child >= args.limit_mb * MB)
        verdict = f"{'over' if status else 'under'} the {args.limit_mb:.0f} MB limit"
        rows += [
            ("workreport extract (subprocess)", rate(batch.chars, seconds)),
            ("peak RSS of workreport extract", f"{child / MB:.0f} MB ({verdict})"),
        ]
    if args.jieba and seconds:
        limit = int(args.jieba_mb * MB / 3) if args.jieba_mb else None  # ~3 UTF-8 bytes/char
        j_seconds, j_chars = time_jieba(sources, batch.plan, limit)
        ratio = (batch.chars / seconds) / (j_chars / j_seconds) if seconds and j_seconds else 0
        rows += [
            ("jieba.lcut (Tokenizer, in process)", rate(j_chars, j_seconds)),
            ("ratio extract / jieba", f"{ratio:.2f}"),
        ]
    rows += [
        ("peak RSS of this process (ru_maxrss)", f"{peak_rss() / MB:.0f} MB"),
        ("VmRSS of this process at the end", f"{vm_rss() / MB:.0f} MB"),
    ]
    print(table(rows))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20, help="batch size in MB (default 20)")
    parser.add_argument("--mode", choices=("extract", "extract-cli", "cluster"), default="extract")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit-mb", type=float, default=500, help="extract-cli RSS limit")
    parser.add_argument("--jieba", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--jieba-mb", type=float, default=None, help="time jieba on this many MB")
    parser.add_argument("--workdir", type=Path, help="build the batch in WORKDIR/batch, keep it")
    args = parser.parse_args(argv)
    if args.workdir:
        for sub in ("batch", "out"):  # only what an earlier run wrote here
            shutil.rmtree(args.workdir / sub, ignore_errors=True)
        args.workdir.mkdir(parents=True, exist_ok=True)
        return run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="workreport-bench-") as tmp:
        return run(args, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
