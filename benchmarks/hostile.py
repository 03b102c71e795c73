"""The long hostile-input suite: hundreds of crafted files, interrupts and kills, resume at scale.

``tests/`` holds one case of each kind (seconds); this runs hundreds, and the campaigns
the issue measured, and prints their figures as markdown (benchmarks/README.md keeps
them).  Parts, each on its own with ``--only``:

- ``cases``: generated files, each read and parsed in a forked child (``process_file``, the
  batch's unit of work): truncations and bit flips of every format, encodings and
  byte-order marks, zip bombs and lying zip directories, huge lines of every hostile unit,
  deep and huge HTML, long numerals, links, loops, FIFOs and odd names.  Counted: cases,
  crashes (the child died or raised), hangs (over 10 s), the largest peak memory over the
  file's size; then all of them in one ``extract -j 2`` beside good reports: rows lost (the
  good reports' rows against a run of them alone).
- ``interrupts``: ``--interrupts`` (70) Ctrl-C per format, each after a random number of
  documents plus a random delay (real races): the tables complete (every document done has
  all its rows), no row twice, exit 130 or 0.
- ``kills``: ``--kills`` (30) SIGKILL per format at random checkpoints (tests/batch/
  crashes.py): the folder holds one whole set, and ``--resume`` gives a clean run's rows.
- ``docx``: a .docx of 300 MB of XML at an ordinary compression ratio: refused by the
  default --max-chars while it streams, and read whole with ``--max-chars 0``: time, memory.
- ``resume``: ``--resume-mb`` (1024) MB of reports extracted, then resumed with nothing to
  do: the resume's peak memory.
- ``audit``: ``audit --html`` over ``--audit-docs`` (2000) similar reports: peak memory.

    python benchmarks/hostile.py                     # all of it: the better part of an hour
    python benchmarks/hostile.py --only cases interrupts kills
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), *(str(ROOT / "tests" / d) for d in ("", "batch", "io"))]

import crashes  # noqa: E402  (tests/batch/crashes.py: runs that die on cue)

from extractor.batch.run import process_file  # noqa: E402
from extractor.export import tableset  # noqa: E402
from extractor.export.rows import TABLES  # noqa: E402
from extractor.io.reading import read_document  # noqa: E402

CORPORA = ROOT / "corpora"
SAMPLES = sorted(CORPORA.glob("*.txt"))
HANG_SECONDS = 10.0
FORMATS = ("parquet", "csv", "jsonl", "xlsx")


# --- generated cases ---------------------------------------------------------------------


@functools.cache
def _text(n: int = 0) -> str:  # a sample report's text (one is GBK)
    return read_document(SAMPLES[n % len(SAMPLES)]).text


def _office(folder: Path) -> dict[str, bytes]:
    """A .docx, .pdf, .html and .md of a sample report."""
    from builders import make_docx, make_html, make_pdf

    text = _text(1)
    return {
        ".docx": make_docx(text, folder / "s.docx").read_bytes(),
        ".pdf": make_pdf(text, folder / "s.pdf").read_bytes(),
        ".html": make_html(text, folder / "s.html").read_bytes(),
        ".md": ("# " + text.replace("\n一、", "\n## 一、")).encode("utf-8"),
        ".txt": text.encode("utf-8"),
    }


def generate(folder: Path, draw: random.Random) -> list[Path]:
    """Write the hostile cases into ``folder``; their paths."""
    folder.mkdir(parents=True)
    made: list[Path] = []

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made.append(path)

    office = _office(Path(tempfile.mkdtemp()))
    for suffix, data in office.items():  # truncations and bit flips of every format
        for i in range(20):
            put(f"cut{i:02}{suffix}", data[: draw.randrange(len(data))])
        for i in range(20):
            flipped = bytearray(data)
            for _ in range(draw.choice((1, 1, 2, 8, 64))):
                at = draw.randrange(len(flipped))
                flipped[at] ^= 1 << draw.randrange(8)
            put(f"flip{i:02}{suffix}", bytes(flipped))
    text = _text(2)
    traditional = (
        "臺北市2021年工作總結\n一、主要成效\n一是產業發展提速。新增市場主體86戶，同比增長12.5%。\n"
    )
    encodings = {
        "utf8": text.encode("utf-8"), "utf8bom": text.encode("utf-8-sig"),
        "gbk": text.encode("gbk", "replace"), "gb18030": text.encode("gb18030"),
        "big5": traditional.encode("big5"), "utf16": text.encode("utf-16"),
        "utf16be": b"\xfe\xff" + text.encode("utf-16-be"), "utf32": text.encode("utf-32"),
        "utf16nobom": text.encode("utf-16-le"),
        "bom-contradiction": b"\xff\xfe" + text.encode("utf-8"),
        "shiftjis": ("政府は本日、新たな経済対策を閣議決定した。" * 50).encode("shift_jis"),
        "cut-utf8": text.encode("utf-8")[:-1], "cut-gbk": text.encode("gb18030")[:-1],
        "cut-utf16": text.encode("utf-16")[:-1], "latin1": ("café " * 500).encode("latin-1"),
        "cp1252": ("“smart” quotes " * 300).encode("cp1252"),
        "controls": bytes(range(32)) * 200, "nul": bytes(1 << 20), "empty": b"",
        "spaces": b" \n\t" * 1000, "bom-only": b"\xef\xbb\xbf",
    }  # fmt: skip
    for name, data in encodings.items():
        put(f"enc-{name}.txt", data)
    units = ["X", "[", "[](", "一亿", "一", "一二三四", "增长5%，", " \u3000", "。", "，",
             "某", "“", "《", "（一）", "一是", "1.", "共", "比上年", "\n", "#", "**", "|",
             "×"]  # fmt: skip
    for unit in units:  # huge lines: under the default bound, and one over it
        for size in (40_000, 400_000, 1_500_000):
            put(f"line-{units.index(unit):02}-{size}.txt", (unit * (size // len(unit) + 1))[:size])
            if unit in ("[", "[](", "**", "|", "#"):
                put(f"line-{units.index(unit):02}-{size}.md", (unit * size)[:size])
    put("line-over-bound.txt", "增长5%，" * 500_000)
    for depth in (1_000, 10_000, 100_000):  # deep HTML
        put(f"deep-{depth}.html", "<div>" * depth + "一、工作" + "</div>" * depth)
        put(f"unclosed-{depth}.html", "<p><b><i>" * (depth // 3) + "增长5%")
    put("node-12mb.html", "<p>一、工作</p><p>" + "发展" * (6 << 20) + "</p>")
    put("scripts.html", "<script>" + "一、" * 100_000 + "</script><p>一、工作</p>")
    with io.BytesIO() as raw:  # zip bombs and odd archives
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("word/document.xml", "<w:document/>")
            z.writestr("word/media/zeros.bin", bytes(64 << 20))
        put("bomb-ratio.docx", raw.getvalue())
    from test_docx import lying  # tests/io/test_docx.py

    lying(folder / "bomb-lying.docx", office[".docx"], 1 << 30)
    made.append(folder / "bomb-lying.docx")
    with io.BytesIO() as raw:
        with zipfile.ZipFile(raw, "w") as z:
            for i in range(10_000):
                z.writestr(f"word/m{i}.xml", "<x/>")
            z.writestr("word/document.xml", office_xml(_text(3)))
        put("many-members.docx", raw.getvalue())
    for n, text in enumerate(["一亿" * 200_000, "一" * 500_000, "一二三四" * 5_000,
                              "九" * 17 + "亿", "三点" + "五" * 10_000]):  # fmt: skip
        put(f"numerals-{n}.txt", f"一、工作\n完成{text}元。\n")
    put("pdf-garbage.pdf", b"%PDF-1.7\n" + bytes(draw.randrange(256) for _ in range(100_000)))
    made += _file_system(folder)
    return made


def office_xml(text: str) -> str:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))
    return f"<w:document {w}><w:body>{body}</w:body></w:document>"


def _file_system(folder: Path) -> list[Path]:
    made = []
    (folder / "loop").mkdir()
    (folder / "loop" / "a.txt").symlink_to("a.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    outside = Path(tempfile.mkdtemp()) / "passwd.txt"
    outside.write_text("root:x:0:0\n", encoding="utf-8")
    (folder / "out-link.txt").symlink_to(outside)
    (folder / "zero-device.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "fifo.txt")
    (folder / "dir.txt").mkdir()
    name = os.path.join(os.fsencode(folder), "工作总结.txt".encode("gbk"))
    with open(name, "wb") as handle:
        handle.write(_text(4).encode("utf-8"))
    made += [folder / "loop" / "a.txt", folder / "dangling.txt", folder / "out-link.txt",
             folder / "zero-device.txt", folder / "fifo.txt", folder / "dir.txt",
             Path(os.fsdecode(name))]  # fmt: skip
    return made


def _probe(path: str, answer: Any) -> None:
    """In a forked child: read and parse one file; its status, CPU seconds and peak RSS
    over the RSS it started with (kB)."""
    start_rss = _rss("VmRSS")
    started = time.process_time()
    report = process_file(path)
    answer.put((report.document.status, time.process_time() - started,
                _rss("VmHWM") - start_rss, report.document.error[:120]))  # fmt: skip


def _rss(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def run_cases(work: Path, draw: random.Random, ctx: Any) -> dict[str, Any]:
    files = generate(work / "cases", draw)
    statuses: Counter[str] = Counter()
    crashes_, hangs, worst_ratio, worst_kb, slowest = [], [], 0.0, 0, (0.0, "")
    for path in files:
        answer = ctx.SimpleQueue()
        child = ctx.Process(target=_probe, args=(str(path), answer))
        child.start()
        child.join(HANG_SECONDS * 6)
        if child.is_alive():
            child.kill()
            child.join()
            hangs.append(path.name)
            continue
        if child.exitcode != 0 or answer.empty():
            crashes_.append(f"{path.name}: exit {child.exitcode}")
            continue
        status, seconds, peak_kb, _ = answer.get()
        statuses[status] += 1
        if seconds > HANG_SECONDS:
            hangs.append(f"{path.name}: {seconds:.1f} s")
        slowest = max(slowest, (seconds, path.name))
        size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
        worst_kb = max(worst_kb, peak_kb)
        if size >= 1 << 20:
            worst_ratio = max(worst_ratio, peak_kb * 1024 / size)
    lost = _rows_lost(work, files)
    return {"cases": len(files), "statuses": dict(statuses), "crashes": crashes_,
            "hangs": hangs, "slowest": slowest, "peak_mb": worst_kb // 1024,
            "peak_over_size": round(worst_ratio, 1), **lost}  # fmt: skip


def _rows_lost(work: Path, files: list[Path]) -> dict[str, Any]:
    """All the cases in one ``extract -j 2`` beside good reports: the good reports' rows
    against a run of them alone."""
    good = work / "good"
    good.mkdir()
    for path in SAMPLES:
        shutil.copy(path, good / path.name)
    for path in SAMPLES:
        shutil.copy(path, work / "cases" / f"good-{path.name}")
    alone, mixed = work / "alone-out", work / "mixed-out"
    _cli("extract", str(good), "--out", str(alone), "-f", "jsonl", "-j", "2")
    started = time.perf_counter()
    code = _cli("extract", str(work / "cases"), "--out", str(mixed), "-f", "jsonl", "-j", "2",
                check=False)  # fmt: skip
    seconds = time.perf_counter() - started
    expected = _lines(alone, lambda doc_id: True)
    found = _lines(mixed, lambda doc_id: doc_id.startswith("good-"))
    lost = sum(
        len(set(rows) - {line.replace('"doc_id": "good-', '"doc_id": "') for line in found[t]})
        for t, rows in expected.items()
    )  # paths differ; compare on everything but the folder
    return {"batch_exit": code, "batch_seconds": round(seconds, 1), "rows_lost": lost,
            "good_rows": sum(len(r) for r in expected.values())}  # fmt: skip


def _lines(folder: Path, keep: Callable[[str], bool]) -> dict[str, list[str]]:
    out = {}
    for name, paths in tableset.table_files(folder).items():
        rows = []
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if keep(record["doc_id"]):
                    record.pop("path", None)
                    record.pop("series", None)
                    rows.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
        out[name] = rows
    return out


def _cli(*args: str, check: bool = True) -> int:
    done = subprocess.run([sys.executable, "-m", "extractor", *args], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    if check and done.returncode != 0:
        raise RuntimeError(f"workreport {' '.join(args)}: {done.stderr[-2000:]}")
    return done.returncode


# --- interrupts and kills ------------------------------------------------------------


def _reports(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"{i:03}.txt").write_text(f"{_text(i)}\n{i}\n", encoding="utf-8")
    return [f"{i:03}" for i in range(n)]


def _read(path: Path, fmt: str) -> Any:
    import pandas as pd

    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "xlsx":
        return pd.read_excel(path, dtype=str)
    return pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else None


def _counts(folder: Path, fmt: str) -> dict[str, Any]:
    """Per table: rows per document, and whether a row appears twice."""
    out = {}
    for name, paths in tableset.table_files(folder).items():
        frames = [f for f in (_read(p, fmt) for p in paths) if f is not None]
        if not frames:
            out[name] = ({}, False)
            continue
        import pandas as pd

        frame = pd.concat(frames)
        out[name] = (frame["doc_id"].value_counts().to_dict(), frame.astype(str).duplicated().any())
    return out


def run_interrupts(work: Path, draw: random.Random, ctx: Any, per_format: int) -> dict[str, Any]:
    ids = _reports(work / "in", 30)
    results = {}
    for fmt in FORMATS:
        clean = work / f"clean-{fmt}"
        crashes.in_child(
            ctx, ["extract", str(work / "in"), "--out", str(clean), "-f", fmt, "-j", "1"]
        )
        reference = _counts(clean, fmt)
        outcome: Counter[str] = Counter()
        for n in range(per_format):
            out, marker, log = work / f"int-{fmt}-{n}", work / f"m-{fmt}-{n}", work / "log"
            after = draw.randrange(1, len(ids))
            args = ["extract", str(work / "in"), "--out", str(out), "-f", fmt, "-j", "1"]
            child = crashes.start_marked(ctx, args, marker, log, after=after)
            while not marker.exists() and child.is_alive():
                time.sleep(0.005)
            time.sleep(draw.random() * 0.05)
            if child.is_alive():
                os.kill(child.pid, signal.SIGINT)
            child.join(600)
            got = _counts(out, fmt)
            docs = got["documents"][0]
            whole = all(
                got[t][0].get(d, 0) == reference[t][0].get(d, 0) for t in TABLES for d in docs
            )
            twice = any(dup for _, dup in got.values())
            outcome[f"exit {child.exitcode}"] += 1
            outcome["incomplete"] += not whole
            outcome["rows twice"] += twice
            shutil.rmtree(out)
        results[fmt] = dict(outcome)
    return results


def run_kills(work: Path, draw: random.Random, ctx: Any, per_format: int) -> dict[str, Any]:
    inputs = work / "kin"
    ids = _reports(inputs, 8)
    results = {}
    for fmt in FORMATS:
        args = ["extract", str(inputs), "-j", "1", "-f", fmt, "--out"]
        earlier, clean = work / f"k-earlier-{fmt}", work / f"k-clean-{fmt}"
        half = work / f"khalf-{fmt}"
        half.mkdir()
        for doc_id in ids[:4]:
            shutil.copy(inputs / f"{doc_id}.txt", half / f"{doc_id}.txt")
        crashes.in_child(ctx, ["extract", str(half), "-j", "1", "-f", fmt, "--out", str(earlier)])
        _, total = crashes.in_child(ctx, [*args, str(clean)])
        expected = _counts(clean, fmt)
        outcome: Counter[str] = Counter()
        for n in range(per_format):
            out = work / f"kill-{fmt}-{n}"
            shutil.copytree(earlier, out)
            moment = draw.randrange(1, total + 1)
            code, _ = crashes.in_child(ctx, [*args, str(out)], kill_at=moment)
            try:
                state = _counts(out, fmt)
                docs = set(state["documents"][0])
                one_set = docs in (set(ids[:4]), set(ids)) and all(
                    set(counts) <= docs for counts, _ in state.values()
                )
            except tableset.TableSetError:
                one_set = False
            outcome["killed" if code == -signal.SIGKILL else f"exit {code}"] += 1
            outcome["mixed or broken set"] += not one_set
            crashes.in_child(ctx, [*args, str(out), "--resume"])
            outcome["resume differs"] += _counts(out, fmt) != expected
            shutil.rmtree(out)
        results[fmt] = dict(outcome)
    return results


# --- big documents and big batches ---------------------------------------------------------


#: Run ``workreport`` and print the process's own peak RSS at exit (VmHWM: ``ru_maxrss``
#: of a child would count the forking process's pages from before ``exec``).
_PEAK = """
import atexit, sys
def peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            print('PEAK_RSS_KB', line.split()[1], file=sys.__stderr__, flush=True)
atexit.register(peak)
"""
_PROBE = (
    _PEAK
    + """
import runpy
sys.argv = ['workreport', *sys.argv[1:]]
runpy.run_module('extractor', run_name='__main__')
"""
)


def _measured(*args: str) -> tuple[int, float, int]:
    """A ``workreport`` run in a fresh process: exit code, seconds, peak RSS in MB."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = int(done.stderr.rsplit("PEAK_RSS_KB", 1)[1].split()[0]) // 1024
    return done.returncode, round(time.perf_counter() - started, 1), peak


def run_docx(work: Path, draw: random.Random) -> dict[str, Any]:
    folder = work / "docx"
    folder.mkdir()
    path = folder / "huge.docx"
    words = "发展改革经济社会建设推进完成增长项目投资企业服务群众安全生态创新城乡环境文化"
    table = {i: words[i % len(words)] for i in range(256)}  # random bytes → Chinese text
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        from builders import make_docx

        template = make_docx("占位", folder / "t.docx")
        with zipfile.ZipFile(template) as src:
            for item in src.infolist():
                if item.filename != "word/document.xml":
                    z.writestr(item, src.read(item))
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f"<w:document {w}><w:body>".encode())
            written = 0
            while written < 300 << 20:  # distinct paragraphs: an ordinary ratio
                text = draw.randbytes(400 * 64).decode("latin-1").translate(table)
                block = "".join(
                    f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
                    f"<w:t>{text[i : i + 400]}</w:t></w:r></w:p>"
                    for i in range(0, len(text), 400)
                ).encode()
                member.write(block)
                written += len(block)
            member.write(b"</w:body></w:document>")
    (folder / "t.docx").unlink()
    size = path.stat().st_size
    bounded = _measured("extract", str(folder), "--out", str(work / "docx-out"), "-j", "1")
    code = (  # the reader alone, without a bound: its memory is the text's
        "import sys, time\nfrom extractor.io.reading import read_document\n"
        "started = time.perf_counter()\ndoc = read_document(sys.argv[1])\n"
        "print('READ', len(doc.text), round(time.perf_counter() - started, 1))\n"
    )
    done = subprocess.run([sys.executable, "-c", _PEAK + code, str(path)], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    chars, seconds = done.stdout.split("READ", 1)[1].split()[:2]
    peak = int(done.stderr.rsplit("PEAK_RSS_KB", 1)[1].split()[0]) // 1024
    return {"file_mb": size >> 20, "xml_mb": 300, "extract_default_bound": bounded,
            "read_without_bound": {"chars": int(chars), "seconds": float(seconds),
                                   "peak_mb": peak}}  # fmt: skip


def run_resume(work: Path, megabytes: int) -> dict[str, Any]:
    batch = work / "big"
    batch.mkdir()
    total, n = 0, 0
    while total < megabytes << 20:
        data = f"{_text(n)}\n{n}\n".encode()
        (batch / f"{n:06}.txt").write_bytes(data)
        total, n = total + len(data), n + 1
    out = work / "big-out"
    first = _measured("extract", str(batch), "--out", str(out), "-j", "2")
    table_mb = sum(p.stat().st_size for p in out.iterdir()) >> 20
    again = _measured("extract", str(batch), "--out", str(out), "-j", "2", "--resume")
    return {"files": n, "input_mb": total >> 20, "tables_mb": table_mb, "extract": first,
            "resume_nothing_to_do": again}  # fmt: skip


def run_audit(work: Path, docs: int) -> dict[str, Any]:
    folder = work / "similar"
    folder.mkdir()
    for i in range(docs):
        (folder / f"{i:05}.txt").write_text(f"{_text(i % 3)}\n第{i}号\n", encoding="utf-8")
    code, seconds, peak = _measured("audit", str(folder), "--out", str(work / "audit-out"),
                                    "--html", str(work / "audit.html"), "-j", "2")  # fmt: skip
    return {"documents": docs, "exit": code, "seconds": round(seconds, 1), "peak_mb": peak,
            "page_mb": (work / "audit.html").stat().st_size >> 20}  # fmt: skip


def main() -> int:
    parts = ("cases", "interrupts", "kills", "docx", "resume", "audit")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", choices=parts, default=list(parts))
    ap.add_argument("--interrupts", type=int, default=70, help="Ctrl-C per format")
    ap.add_argument("--kills", type=int, default=30, help="SIGKILL per format")
    ap.add_argument("--resume-mb", type=int, default=1024)
    ap.add_argument("--audit-docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()
    draw = random.Random(args.seed)
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    ctx = crashes.context()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        work = Path(tmp)
        steps: dict[str, Callable[[], Any]] = {
            "cases": lambda: run_cases(work, draw, ctx),
            "interrupts": lambda: run_interrupts(work / "i", draw, ctx, args.interrupts),
            "kills": lambda: run_kills(work / "k", draw, ctx, args.kills),
            "docx": lambda: run_docx(work, draw),
            "resume": lambda: run_resume(work, args.resume_mb),
            "audit": lambda: run_audit(work, args.audit_docs),
        }
        for part in args.only:
            started = time.perf_counter()
            figures[part] = steps[part]()
            figures[part]["wall_seconds"] = round(time.perf_counter() - started)
            shown = json.dumps(figures[part], ensure_ascii=False, indent=1)
            print(f"## {part}\n```json\n{shown}\n```", flush=True)
    bad = figures.get("cases", {})
    failed = bad.get("crashes") or bad.get("hangs") or bad.get("rows_lost")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
