"""Batches of broken and hostile files; duplicates; interrupted and resumed extracts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import extractor.batch.run
import extractor.io.reading
from extractor.batch.run import run_batch
from extractor.cli.main import app
from extractor.export.tables import TABLES

pytest.importorskip("docx")
pytest.importorskip("reportlab")
from builders import make_docx, make_pdf, sample_text
from conftest import CORPORA

runner = CliRunner()
GOOD = ["01_county_halfyear_2020", "02_city_annual_2021", "06_parts_2024"]


def broken_batch(folder: Path) -> dict[str, str]:
    """Every kind of bad input next to good ones; doc id → the status its row must have."""
    folder.mkdir(parents=True)
    for stem in GOOD:
        (folder / f"{stem}.txt").write_bytes((CORPORA / f"{stem}.txt").read_bytes())
    docx = make_docx(sample_text(CORPORA / "04_dept_inline_2022.txt"), folder / "dept.docx")
    make_pdf(sample_text(CORPORA / "07_numbering_gap_2021.txt"), folder / "town.pdf")
    make_pdf("机密文件\n", folder / "locked.pdf", encrypt="secret")
    (folder / "truncated.docx").write_bytes(docx.read_bytes()[:2000])
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/zeros.bin", bytes(16 << 20))
    (folder / "zero.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with (folder / "huge.txt").open("wb") as handle:  # 100 MB, sparse: cheap to make
        handle.truncate(100 << 20)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "unreadable.txt").write_text("一、工作总结\n", encoding="utf-8")
    (folder / "copy.txt").write_bytes((CORPORA / f"{GOOD[0]}.txt").read_bytes())
    statuses = dict.fromkeys([*GOOD, "dept", "town"], "ok")
    statuses |= dict.fromkeys(
        ["locked", "truncated", "bomb", "zero", "blank", "binary", "legacy", "huge", "dangling",
         "unreadable"], "error",
    )  # fmt: skip
    statuses["copy"] = "duplicate"
    return statuses


MESSAGES = {
    "locked": "encrypted PDF that needs a password",
    "truncated": "damaged or truncated zip",
    "bomb": "zip bomb",
    "zero": "empty file (0 bytes)",
    "blank": "empty file",
    "binary": "binary file",
    "legacy": "legacy Word .doc",
    "huge": "104857600 bytes, too long for the limit of 5000000 characters",
    "dangling": "broken symbolic link",
    "unreadable": "cannot read: Permission denied",
    "copy": f"as {{folder}}/{GOOD[0]}.txt",
}


@pytest.fixture
def unreadable(monkeypatch):
    """Opening ``unreadable.txt`` fails as a file without read permission does.  Simulated:
    tests run as root (CI too), whom ``chmod 000`` does not stop."""
    real = extractor.io.reading.read_bytes

    def read_bytes(file, *args, **kwargs):
        if file.name == "unreadable.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(extractor.io.reading, "read_bytes", read_bytes)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_a_batch_of_every_broken_case_completes_with_one_row_each(tmp_path, unreadable, fmt):
    folder = tmp_path / "in"
    expected = broken_batch(folder)
    out = tmp_path / "out"
    args = [
        "extract",
        str(folder),
        "--out",
        str(out),
        "-f",
        fmt,
        "--max-chars",
        "5000000",
        "-j",
        "1",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    docs = read(out / f"documents.{fmt}").set_index("doc_id")
    assert dict(docs["status"]) == expected
    for doc_id, message in MESSAGES.items():
        assert message.format(folder=folder) in docs.loc[doc_id, "error"], doc_id
        assert str(folder / doc_id) in docs.loc[doc_id, "error"]
    assert docs.loc["copy", "sha256"] == docs.loc[GOOD[0], "sha256"]
    sections = read(out / f"sections.{fmt}")
    assert set(sections["doc_id"]) == {d for d, s in expected.items() if s == "ok"}
    assert runner.invoke(app, [*args, "--strict"]).exit_code == 1


def test_duplicates_are_found_in_parallel_batches_too(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(10):  # enough files for worker processes
        stem = ["01_county_halfyear_2020", "03_province_gwr_2023"][n % 2]
        (folder / f"{n:02}.txt").write_bytes((CORPORA / f"{stem}.txt").read_bytes())
    inputs = sorted(folder.iterdir())
    reports = list(run_batch(inputs, jobs=2))
    assert [r.document.status for r in reports] == ["ok", "ok", *["duplicate"] * 8]
    assert reports[2].document.error.endswith(f"as {inputs[0]}; reported once")
    assert reports[3].document.error.endswith(f"as {inputs[1]}; reported once")
    assert not reports[2].sections and reports[2].document.sha256 == reports[0].document.sha256


def test_a_repeated_file_is_not_parsed_again(tmp_path, monkeypatch):
    import extractor.batch.run as batch

    folder = tmp_path / "in"
    folder.mkdir()
    data = (CORPORA / "01_county_halfyear_2020.txt").read_bytes()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_bytes(data if name != "b" else data + b"\n")
    parsed: list[str] = []
    real = batch.process_file
    monkeypatch.setattr(
        batch,
        "process_file",
        lambda file, *a, **k: parsed.append(Path(file).name) or real(file, *a, **k),
    )
    reports = list(run_batch(sorted(folder.iterdir())))
    assert parsed == ["a.txt", "b.txt"]  # c.txt has a.txt's bytes
    a, _, c = (r.document for r in reports)
    assert (c.status, c.doc_id, c.path, c.chars, c.encoding) == (
        "duplicate",
        "c",
        str(folder / "c.txt"),
        a.chars,
        a.encoding,
    )


def test_an_interrupted_extract_leaves_complete_tables_of_what_finished(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    stems = sorted(p.stem for p in CORPORA.glob("*.txt"))[:6]
    for stem in stems:
        (folder / f"{stem}.txt").write_bytes((CORPORA / f"{stem}.txt").read_bytes())
    real_parse, calls = extractor.batch.run.parse, []

    def parse(text, **kwargs):
        calls.append(kwargs["doc_id"])
        if len(calls) == 4:  # Ctrl-C while the fourth document is parsed
            os.kill(os.getpid(), signal.SIGINT)
        return real_parse(text, **kwargs)

    monkeypatch.setattr(extractor.batch.run, "parse", parse)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "-j", "1"])
    assert result.exit_code == 130
    assert "interrupted" in result.output
    docs = pd.read_parquet(out / "documents.parquet")
    assert list(docs["doc_id"]) == stems[:4]  # the document in progress was finished
    assert set(pd.read_parquet(out / "sections.parquet")["doc_id"]) == set(stems[:4])
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files

    monkeypatch.setattr(extractor.batch.run, "parse", real_parse)
    calls.clear()
    counting = extractor.batch.run.parse

    def count(text, **kwargs):
        calls.append(kwargs["doc_id"])
        return counting(text, **kwargs)

    monkeypatch.setattr(extractor.batch.run, "parse", count)
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "--resume", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert calls == stems[4:]  # only the documents not done yet are parsed
    docs = pd.read_parquet(out / "documents.parquet")
    assert sorted(docs["doc_id"]) == stems and docs["status"].eq("ok").all()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_resume_keeps_the_old_rows_and_retries_failures(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in GOOD[:2]:
        (folder / f"{stem}.txt").write_bytes((CORPORA / f"{stem}.txt").read_bytes())
    (folder / "later.txt").write_bytes(b"")
    out = tmp_path / "out"
    base = ["extract", str(folder), "--out", str(out), "-f", fmt, "-j", "1"]
    assert runner.invoke(app, base).exit_code == 0
    tables = ["documents", "sections", "measures", "claims", "placeholders"]
    first = {t: _read(out / f"{t}.{fmt}", fmt) for t in tables}
    (folder / "later.txt").write_bytes((CORPORA / f"{GOOD[2]}.txt").read_bytes())
    result = runner.invoke(app, [*base, "--resume"])
    assert result.exit_code == 0, result.output
    assert "documents: 1 ok, 0 failed" in result.output
    second = {t: _read(out / f"{t}.{fmt}", fmt) for t in tables}
    for table in tables:
        old = first[table][first[table]["doc_id"] != "later"].reset_index(drop=True)
        kept = second[table][second[table]["doc_id"] != "later"].reset_index(drop=True)
        pd.testing.assert_frame_equal(kept, old, check_dtype=False)
    assert second["documents"].set_index("doc_id").loc["later", "status"] == "ok"
    assert (second["sections"]["doc_id"] == "later").sum() > 0


def _read(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "parquet":
        return pd.read_parquet(path)
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    return pd.read_json(path, lines=True, dtype=False)


def test_resume_refuses_tables_with_other_columns(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes((CORPORA / f"{GOOD[0]}.txt").read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(folder), "--out", str(out), "-j", "1"]).exit_code == 0
    result = runner.invoke(
        app, ["extract", str(folder), "--out", str(out), "--resume", "--with-text", "-j", "1"]
    )
    assert result.exit_code == 2
    assert "--with-text" in result.output


HOSTILE_PAGE = (
    "<html><body><p>青山镇2021年工作总结</p>"
    "<p>一、&lt;script&gt;alert(1)&lt;/script&gt;主要成效</p>"
    "<p>一是&lt;img src=x onerror=alert(2)&gt;产业发展提速。新增X户，增长12%。</p>"
    '<p>=HYPERLINK("http://example.invalid")</p></body></html>'
)


def test_document_text_cannot_become_markup_formulas_or_file_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "=cmd.html"  # a name a spreadsheet would take for a formula
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "-f", "csv"])
    assert result.exit_code == 0, result.output
    expected = [*(f"{t}.csv" for t in TABLES), "_tables.json"]  # the tables and their manifest
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert docs.loc[0, "doc_id"] == "'=cmd" and docs.loc[0, "status"] == "ok"
    sections = pd.read_csv(out / "sections.csv", dtype=str)
    assert sections.loc[0, "title"] == "<script>alert(1)</script>主要成效"  # text, as written
    page_out = tmp_path / "audit.html"
    result = runner.invoke(app, ["audit", str(page), "--out", str(tmp_path / "a"), "--html",
                                 str(page_out)])  # fmt: skip
    assert result.exit_code in (0, 1), result.output
    html_text = page_out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)" in html_text
    assert "<script>alert" not in html_text and "<img src=x" not in html_text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_a_batch_is_an_error_row_not_a_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # opening it to hash it would wait for a writer forever
    (folder / "ok.txt").write_bytes((CORPORA / "01_county_halfyear_2020.txt").read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from extractor.batch.run import run_batch; "
         "print(*(r.document.status for r in run_batch(sorted(sys.argv[1:]))))",
         *map(str, folder.iterdir())],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok", "error"]


def test_files_over_the_size_bound_are_not_hashed(tmp_path):
    from extractor.batch.run import file_sha256

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    assert file_sha256(big, limit=99) == ""  # parsing gives its --max-chars row unread
    assert len(file_sha256(big, limit=100)) == 64
